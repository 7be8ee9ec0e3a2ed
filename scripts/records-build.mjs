// Builds the history screens' module (src/bin/records.rs, see src/records.rs) into Trunk's
// staging folder: cargo, then wasm-bindgen --target web (an ES module the page imports on
// demand), then wasm-opt with index.html's own flags in release builds. Called by
// pwa-postbuild.mjs before it lists the build's files, so the service worker precaches it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (command, args, cwd, env = process.env) => execFileSync(command, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });

// The Makefile's RELEASE_STD (the standard library rebuilt for size, panics as an immediate
// abort) is for the examination's module, which every first visit downloads. This module is
// fetched later and does the heavy work (10,000-visit histories, CSV): it keeps the prebuilt,
// speed-optimised standard library (with it rebuilt at "z" the CSV export took ~40 % longer),
// in a target folder of its own so that the two builds do not undo each other's artifacts.
const RELEASE_STD_VARS = ['RUSTC_BOOTSTRAP', 'CARGO_UNSTABLE_BUILD_STD', 'CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS'];

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
  const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--offline', '--format-version', '1', '--no-deps'], { cwd: source }));
  const releaseStd = RELEASE_STD_VARS.some((name) => process.env[name] !== undefined);
  const target = releaseStd ? join(metadata.target_directory, 'records') : metadata.target_directory;
  const env = { ...process.env, CARGO_TARGET_DIR: target };
  for (const name of RELEASE_STD_VARS) delete env[name];
  run('cargo', ['build', '--offline', '--target', 'wasm32-unknown-unknown', '--bin', 'records', ...(release ? ['--release'] : [])], source, env);
  const wasm = join(target, 'wasm32-unknown-unknown', profile, 'records.wasm');
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
