// A small static server for a build folder, under any sub-path, the way a plain static host
// serves it: `node scripts/serve-dist.mjs [/sub/path/] [port]` (defaults / and 8081).
// Used by the offline, a11y and bench tests too, which can also swap a file's bytes (to stage
// a "new version") and stop it for good (to be "offline" for real, not only emulated).
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// ADSCORE_DIST: another build folder (to test or bench a build beside dist/, e.g. the one before a change).
export const DIST = resolve(process.env.ADSCORE_DIST ?? resolve(import.meta.dirname, '../dist'));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` under `prefix` only (anything else is 404, so an absolute URL would fail).
 * `rewrite(file, bytes)` may return other bytes for a file: it is read on every request.
 */
export async function serve({ dir = DIST, prefix = '/', port = 0, rewrite = null } = {}) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === prefix.slice(0, -1)) {
      // /tools/adscore → /tools/adscore/, as static hosts do: relative URLs need the slash.
      res.writeHead(301, { location: prefix }).end();
      return;
    }
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end(); return; }
    let file = normalize(decodeURIComponent(url.pathname.slice(prefix.length)));
    if (file === '.' || file === '' || file.endsWith('/')) file = join(file, 'index.html');
    if (file.startsWith('..')) { res.writeHead(403).end(); return; }
    try {
      let body = await readFile(join(dir, file));
      if (rewrite) body = rewrite(file, body) ?? body;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + prefix,
    /** Stops listening and drops every open connection: the host is gone. */
    close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const prefix = process.argv[2] ?? '/';
  if (!prefix.startsWith('/') || !prefix.endsWith('/')) throw new Error('the sub-path starts and ends with /');
  const { url } = await serve({ prefix, port: Number(process.argv[3] ?? 8081) });
  console.log(`serving ${DIST} at ${url} (Ctrl-C stops)`);
}
