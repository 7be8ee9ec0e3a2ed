// Trunk post_build hook (see Trunk.toml): runs on the staging folder just before it becomes dist/.
//
// 1. Adds the Content-Security-Policy <meta> to index.html, allowing the one inline <script>
//    Trunk writes (the wasm loader) by its sha256 and nothing else inline.
// 2. Builds the history screens' module (scripts/records-build.mjs) and names it in a
//    <meta name="adscore-records">, for js/records.js to load on demand; copies the Korean
//    strings (content/ko.strings.txt) under a name taken from their bytes, in a
//    <meta name="adscore-korean">.
// 3. Release builds: minifies the JavaScript Trunk leaves as written (minifyScripts).
// 4. Writes sw.js from pwa/sw.js with the exact list of files of this build and a version taken
//    from their bytes, so a hand-kept list can never go stale. Debug builds get a worker that
//    removes itself (no offline copy while developing) and a marker that tells register.js so.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { buildRecords } from './records-build.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('pwa-postbuild: run me as a Trunk post_build hook (TRUNK_STAGING_DIR unset)');
const source = resolve(process.env.TRUNK_SOURCE_DIR ?? '.');
const release = process.env.TRUNK_PROFILE === 'release';
const WORKER = 'sw.js';

const sha256 = (data, encoding) => createHash('sha256').update(data).digest(encoding);

/** 'sha256-…' sources for every inline <script> or <style> element of the page. */
function inlineHashes(html, tag) {
  const hashes = [];
  for (const [, attrs, body] of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi'))) {
    if (/\bsrc\s*=/i.test(attrs) || body.length === 0) continue;
    // The HTML parser turns CR LF into LF before the browser hashes the text.
    hashes.push(`'sha256-${sha256(body.replace(/\r\n?/g, '\n'), 'base64')}'`);
  }
  return hashes;
}

function policyFor(html) {
  if (/<[a-z][^>]*\sstyle\s*=/i.test(html)) throw new Error('pwa-postbuild: inline style attribute in index.html');
  return [
    "default-src 'self'",
    // `trunk serve` rewrites its autoreload script as it serves the page, so no hash can match
    // it: debug builds allow inline scripts; release builds only Trunk's loader, by hash.
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...(release ? inlineHashes(html, 'script') : ["'unsafe-inline'"])].join(' '),
    ['style-src', "'self'", ...inlineHashes(html, 'style')].join(' '),
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** index.html with the policy as the first thing after <meta charset>, before any script. */
function withPolicy(html, policy, extraHead = '') {
  if (/http-equiv\s*=\s*"?content-security-policy/i.test(html)) throw new Error('pwa-postbuild: index.html already has a CSP');
  const meta = `\n  <meta http-equiv="Content-Security-Policy" content="${policy}">${extraHead}`;
  const anchor = html.match(/<meta\s+charset[^>]*>/i) ?? html.match(/<head[^>]*>/i);
  if (!anchor) throw new Error('pwa-postbuild: no <head> in index.html');
  const at = anchor.index + anchor[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

/**
 * Release builds: the JavaScript Trunk and wasm-bindgen leave as written (the wasm glue, the
 * history module's glue, our snippets) minified with terser, and the `integrity` of each in
 * index.html brought up to date (the browser checks it).
 */
async function minifyScripts() {
  const { minify } = await import('terser');
  const htmlPath = join(staging, 'index.html');
  let html = await readFile(htmlPath, 'utf8');
  for (const file of await filesUnder(staging)) {
    if (!file.endsWith('.js') || /^register-/.test(file) || file === WORKER) continue; // Trunk minified register-….js
    const path = join(staging, file);
    const { code } = await minify(await readFile(path, 'utf8'), { module: true, compress: true, mangle: true });
    await writeFile(path, code);
    // Trunk's <link>s name the file (quoted or not, the page may be minified) with its digest.
    html = html.replace(/<link\b[^>]*>/g, (tag) => (tag.includes(`./${file}`)
      ? tag.replace(/integrity=(["']?)sha384-[A-Za-z0-9+/=]+\1/, `integrity="sha384-${sha384(code)}"`)
      : tag));
  }
  await writeFile(htmlPath, html);
}

const sha384 = (data) => createHash('sha384').update(data).digest('base64');

async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split('\\').join('/'))
    .sort();
}

const records = await buildRecords({ staging, source, release });
if (release) await minifyScripts();
// The Korean strings, read by the examination's module only when Korean is chosen; named by
// their bytes, like Trunk's files, so that no cache can pair them with another build.
const korean = await readFile(join(source, 'content', 'ko.strings.txt'));
const koreanFile = `ko-${sha256(korean, 'hex').slice(0, 16)}.txt`;
await writeFile(join(staging, koreanFile), korean);
const htmlPath = join(staging, 'index.html');
const html = await readFile(htmlPath, 'utf8');
const policy = policyFor(html);
const marker = (release ? '' : '\n  <meta name="adscore-service-worker" content="off">')
  + `\n  <meta name="adscore-records" content="${records}">`
  + `\n  <meta name="adscore-korean" content="${koreanFile}">`;
await writeFile(htmlPath, withPolicy(html, policy, marker));

// Everything the app may need offline: every file of the build but the worker. The page is cached under the scope URL ("./"), which is how people open it.
const files = (await filesUnder(staging)).filter((f) => f !== WORKER);
const version = createHash('sha256');
for (const file of files) version.update(`${file}\0`).update(await readFile(join(staging, file))).update('\0');
const build = {
  enabled: release,
  version: version.digest('hex').slice(0, 16),
  files: files.map((f) => (f === 'index.html' ? './' : f)),
  // The page's own digest: the only file not named by its bytes. A host caught between two
  // uploads (this sw.js beside the last build's index.html) then fails the install, which the
  // browser tries again later, instead of caching a page that names another build's files.
  page: sha256(await readFile(htmlPath), 'hex'),
};
const template = await readFile(join(source, 'pwa', WORKER), 'utf8');
const line = /^const BUILD = null;.*$/m;
if (!line.test(template)) throw new Error('pwa-postbuild: pwa/sw.js has no "const BUILD = null;" line');
await writeFile(join(staging, WORKER), template.replace(line, `const BUILD = ${JSON.stringify(build)};`));
console.log(`pwa-postbuild: ${release ? 'release' : 'debug (service worker off)'} build ${build.version}, `
  + `${files.length} files precached; CSP: ${policy}`);
