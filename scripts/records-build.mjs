// Builds the history screens' module (src/bin/records.rs, see src/records.rs) into Trunk's
// staging folder: cargo, then wasm-bindgen --target web (an ES module the page imports on
// demand), then wasm-opt with index.html's own flags in release builds. Called by
// pwa-postbuild.mjs before it lists the build's files, so the service worker precaches it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });

/** The wasm-opt flags of the page's own module (index.html's data-wasm-opt-params). */
async function wasmOptParams(source) {
  const html = await readFile(join(source, 'index.html'), 'utf8');
  const params = html.match(/data-wasm-opt-params="([^"]*)"/);
  if (!params) throw new Error('records-build: index.html has no data-wasm-opt-params');
  return params[1].split(/\s+/).filter(Boolean);
}

/** Builds the module into `staging`; returns the name of its script ("records-<hash>.js"). */
export async function buildRecords({ staging, source, release }) {
  const profile = release ? 'release' : 'debug';
  run('cargo', ['build', '--offline', '--target', 'wasm32-unknown-unknown', '--bin', 'records', ...(release ? ['--release'] : [])], source);
  const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--offline', '--format-version', '1', '--no-deps'], { cwd: source }));
  const wasm = join(metadata.target_directory, 'wasm32-unknown-unknown', profile, 'records.wasm');
  const out = await mkdtemp(join(tmpdir(), 'adscore-records-'));
  try {
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', 'records', wasm], source);
    const bg = join(out, 'records_bg.wasm');
    if (release) run('wasm-opt', ['-Oz', ...(await wasmOptParams(source)), bg, '-o', bg], source);
    const hash = createHash('sha256').update(await readFile(join(out, 'records.js'))).update(await readFile(bg))
      .digest('hex').slice(0, 16);
    const name = `records-${hash}`;
    await cp(join(out, 'records.js'), join(staging, `${name}.js`));
    await cp(bg, join(staging, `${name}_bg.wasm`));
    await cp(join(out, 'snippets'), join(staging, 'snippets'), { recursive: true });
    return `${name}.js`;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
