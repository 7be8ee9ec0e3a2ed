// adscore's service worker: the template that scripts/pwa-postbuild.mjs turns into dist/sw.js.
//
// The build hook replaces the BUILD line with the exact files of that build and a version taken
// from their bytes, so each build has its own cache and a new build means a new sw.js.
// - install: downloads every file of the build into one cache (all or nothing; the page must be
//   this build's, checked by its digest, as it is the one file not named by its bytes);
// - fetch: answers from that cache (the page itself for the scope URL and index.html), network
//   only for what is not in it, and never for another origin;
// - activate: removes this scope's caches of older builds, unless another page may still be
//   running one (another tab pressed "Reload now"): that page then loads its later files (the
//   history module, Korean's strings) from its build's cache, removed at a later activation.
// A new build waits until every adscore tab is closed, or until the user presses "Reload now" in
// the banner of pwa/register.js: it never takes over a page in the middle of an examination.
// In debug builds (trunk serve) BUILD.enabled is false and the worker removes itself.
'use strict';

const BUILD = null; // filled in by scripts/pwa-postbuild.mjs

const SCOPE = self.registration.scope;
const SCOPE_PATH = new URL(SCOPE).pathname;
// Several copies of adscore may live on one origin (/a/adscore/, /b/adscore/): each keeps to
// the caches named after its own scope.
const PREFIX = `adscore:${SCOPE}:`;
const CACHE = PREFIX + BUILD.version;

self.addEventListener('install', (event) => {
  if (!BUILD.enabled) {
    self.skipWaiting();
    return;
  }
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(BUILD.files.map(async (file) => {
      const url = new URL(file, SCOPE).href;
      // Revalidate rather than trust the HTTP cache: index.html must match this build.
      const response = await fetch(url, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`adscore: could not download ${url} (HTTP ${response.status})`);
      if (file === './') {
        // The page is this build's, or nothing is installed (an upload under way: tried later).
        const body = await response.clone().arrayBuffer();
        const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', body))].map((b) => b.toString(16).padStart(2, '0')).join('');
        if (digest !== BUILD.page) throw new Error(`adscore: ${url} is not this version's page yet (an upload under way?)`);
      }
      await cache.put(url, response.redirected ? await unredirected(response) : response);
    }));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

/** A redirected response may not answer a navigation: keep its body and headers only. */
async function unredirected(response) {
  return new Response(await response.blob(), {
    status: response.status, statusText: response.statusText, headers: response.headers,
  });
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Two pages or more: one may still be running an older build (this worker now answers it).
    const inUse = BUILD.enabled && (await self.clients.matchAll({ type: 'window' })).length > 1;
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE && !inUse) await caches.delete(name);
      if (name === CACHE && !BUILD.enabled) await caches.delete(name);
    }
    if (!BUILD.enabled) {
      await self.registration.unregister();
      return;
    }
    // First install only (later builds activate once no page uses the old one, or on request):
    // let the page that installed us work offline without a reload.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  if (!BUILD.enabled) return;
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE_PATH)) return;
  const page = request.mode === 'navigate'
    && (url.pathname === SCOPE_PATH || url.pathname === `${SCOPE_PATH}index.html`);
  event.respondWith(fromCache(page ? SCOPE : url.origin + url.pathname, request));
});

async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key, { ignoreVary: true }) ?? await fromOlderBuild(key);
  return hit ?? fetch(request);
}

/** A file of an older build still kept (a page running it loads its later files). */
async function fromOlderBuild(key) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const hit = await (await caches.open(name)).match(key, { ignoreVary: true });
    if (hit) return hit;
  }
  return undefined;
}
