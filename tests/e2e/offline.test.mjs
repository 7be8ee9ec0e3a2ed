// End-to-end: offline use after one visit, hosting from a sub-path and from the root, one origin
// only, the Content-Security-Policy, and how a new version is offered. The release build in dist/,
// served by scripts/serve-dist.mjs, which can also stop for good (offline for real) and swap sw.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { launchBrowser, SUB_PATH, EXAM_READY } from './harness.mjs';
import { serve, DIST } from '../../scripts/serve-dist.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const BANNER_TEXT = 'A new version is ready — it will be used next time you open adscore.';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Opens the app in a fresh profile, recording every request, CSP violation and console error. */
async function open(url, { viewport = { width: 1024, height: 768 }, bypassCSP = false, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport, bypassCSP, serviceWorkers });
  const requests = [];
  const problems = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const watch = (p) => {
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    p.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  };
  watch(page);
  context.on('page', watch);
  await context.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.violations.push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  await page.waitForSelector(EXAM_READY);
  return { context, page, requests, problems };
}

/** Waits until the service worker has stored this build and controls the page. */
const offlineReady = (page) => page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
const tap = (page, id) => page.click(`label[for="${id}"]`);
const easi = (page) => page.textContent('[data-testid="easi-value"]').then((t) => t.trim());

/** The example: upper limbs only, area 5, signs 1.5 + 1.5 + 1.5 + 2 → EASI 6.5. */
async function completeEasi(page) {
  await page.fill('#age', '34');
  for (const region of ['Head and neck', 'Trunk (including genitals)', 'Lower limbs (including buttocks)']) {
    await page.click(`button[aria-label="${region}: Region clear"]`);
  }
  await tap(page, 'easi-upper_limbs-area-5');
  for (const [sign, half] of [['erythema', 3], ['edema_papulation', 3], ['excoriation', 3], ['lichenification', 4]]) {
    await tap(page, `easi-upper_limbs-${sign}-${half}`);
  }
}

test('the build precaches exactly its own files and carries a strict CSP before any script', async () => {
  const files = (await readdir(DIST, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile()).map((e) => relative(DIST, join(e.parentPath, e.name)));
  const worker = await readFile(join(DIST, 'sw.js'), 'utf8');
  const build = JSON.parse(worker.match(/^const BUILD = (.*);$/m)[1]);
  assert.equal(build.enabled, true);
  assert.match(build.version, /^[0-9a-f]{16}$/);
  const expected = files.filter((f) => f !== 'sw.js').map((f) => (f === 'index.html' ? './' : f));
  assert.deepEqual([...build.files].sort(), expected.sort());
  for (const need of ['manifest.webmanifest', 'icon-192.png', 'icon-512.png']) assert.ok(build.files.includes(need), need);

  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  const csp = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  assert.equal(inline.length, 1, 'Trunk’s wasm loader is the one inline script');
  assert.deepEqual(csp['script-src'], ["'self'", "'wasm-unsafe-eval'", ...inline]);
  for (const [directive, value] of [['default-src', "'self'"], ['style-src', "'self'"], ['connect-src', "'self'"],
    ['object-src', "'none'"], ['base-uri', "'self'"]]) {
    assert.deepEqual(csp[directive], [value], directive);
  }
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy precedes every script');
  // The release page is minified: attribute values may be unquoted.
  assert.doesNotMatch(html, /\s(?:src|href|content)=["']?(?:\/|[a-z]+:\/)/, 'only relative URLs, so any sub-path works');
  // Every file the page names with a digest (the scripts minified after Trunk wrote it) has that digest.
  const digests = [...html.matchAll(/<link\b[^>]*\shref=["']?\.\/([^"'\s>]+)[^>]*\sintegrity=["']?(sha384-[A-Za-z0-9+/=]+)/g)];
  assert.ok(digests.length >= 3, 'the wasm glue, its snippets and the wasm are named with digests');
  for (const [, file, digest] of digests) {
    assert.equal(`sha384-${createHash('sha384').update(await readFile(join(DIST, file))).digest('base64')}`, digest, file);
  }
  const manifest = JSON.parse(await readFile(join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
});

for (const prefix of [SUB_PATH, '/']) {
  test(`served from ${prefix}: after one visit it starts and works with the network off`, async () => {
    const server = await serve({ prefix });
    const { context, page, problems } = await open(server.url);
    await offlineReady(page);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope), server.url);
    await page.fill('#age', '34');
    // Offline for real: the emulated network is off and the host itself is gone.
    await context.setOffline(true);
    await server.close();
    await page.reload();
    await page.waitForSelector(EXAM_READY);
    assert.equal(await page.inputValue('#age'), '34');
    await completeEasi(page);
    assert.equal(await easi(page), '6.5');
    // The history screens are a module loaded on demand: offline it comes from the cache too.
    await page.fill('#visit-patient', 'AD-OFF');
    await page.click('#save-visit');
    await page.click('#open-history');
    await page.waitForSelector('a[href="#patient/AD-OFF"]');
    await page.goBack();
    await page.waitForSelector(EXAM_READY);
    // A new tab, through index.html this time: the app starts from the cache, draft and all.
    const again = await context.newPage();
    await again.goto(`${server.url}index.html`);
    await again.waitForSelector(EXAM_READY);
    assert.equal(await easi(again), '6.5');
    assert.equal(await page.locator('#adscore-update').count(), 0, 'a first install offers no update');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the Korean strings are read only once Korean is chosen; offline too; a failed read leaves English and says so', async () => {
  const server = await serve({ prefix: SUB_PATH });
  const KOREAN = /\/ko-[0-9a-f]{16}\.txt$/;
  // The page's own requests (no service worker, which downloads every file for offline use).
  const { context, page, requests, problems } = await open(server.url, { serviceWorkers: 'block' });
  assert.deepEqual(requests.filter((u) => KOREAN.test(u)), [], 'an English visit does not read them');
  // Unreadable: the app stays in English, says so, and offers the choice again.
  await page.route(KOREAN, (route) => route.abort());
  await page.selectOption('#language', 'ko');
  await page.waitForSelector('.alert:has-text("The Korean text could not be loaded")');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.inputValue('#language'), 'en');
  await page.unroute(KOREAN);
  // Chosen again: Korean, the notice gone.
  await page.selectOption('#language', 'ko');
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  assert.equal(await page.textContent('#map-title'), '신체 지도');
  assert.equal(await page.locator('.alert').count(), 0);
  assert.equal(requests.filter((u) => KOREAN.test(u)).length, 2);
  await context.close();
  // Offline, the next start is in Korean from the first paint: the file is in the offline copy.
  const online = await open(server.url);
  await online.page.selectOption('#language', 'ko');
  await online.page.waitForFunction(() => document.documentElement.lang === 'ko');
  await offlineReady(online.page);
  await online.context.setOffline(true);
  await server.close();
  await online.page.reload();
  await online.page.waitForSelector(EXAM_READY);
  assert.equal(await online.page.getAttribute('html', 'lang'), 'ko');
  assert.equal(await online.page.textContent('#map-title'), '신체 지도');
  // Only the aborted read complained.
  assert.deepEqual(problems, ['console: Failed to load resource: net::ERR_FAILED']);
  assert.deepEqual(online.problems, []);
  await online.context.close();
});

test('a start in Korean never waits for ever: when the Korean strings do not come, it starts in English and says so', async () => {
  const server = await serve({ prefix: SUB_PATH });
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block' });
  await context.addInitScript(() => localStorage.setItem('adscore.lang', 'ko'));
  await context.route(/\/ko-[0-9a-f]{16}\.txt$/, () => {}); // never answered
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector(EXAM_READY, { timeout: 15000 });
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('.alert'), /The Korean text could not be loaded/);
  await context.close();
  await server.close();
});

test('a whole session talks to one origin only, with no CSP violation', async () => {
  const server = await serve({ prefix: SUB_PATH });
  const { context, page, requests, problems } = await open(server.url, { viewport: { width: 390, height: 844 } });
  await completeEasi(page);
  assert.equal(await easi(page), '6.5');
  for (const input of await page.$$('input[id^="extent-"]')) await input.fill('10');
  for (const sign of ['erythema', 'edema_papulation', 'oozing_crusts', 'excoriation', 'lichenification', 'dryness']) {
    await tap(page, `scorad-${sign}-1`);
  }
  await page.fill('#scorad-pruritus', '4');
  await page.fill('#scorad-sleep-loss', '2');
  for (const cell of ['6:0', '6:1', '7:3']) await page.click(`[data-cell="${cell}"]`);
  await page.click('.panel__toggle');
  await page.selectOption('#easi-bands', 'chopra_2017');
  await page.click('.panel__toggle');
  await page.fill('#visit-patient', 'AD-1');
  await page.click('#save-visit');
  await page.click('#open-history');
  await page.click('a[href="#patient/AD-1"]');
  await page.waitForSelector('[data-testid="visits"] tbody tr');
  await page.click('a[href="#"]');
  await offlineReady(page);
  await page.reload();
  await page.waitForSelector(EXAM_READY);
  assert.equal(await easi(page), '6.5');

  assert.ok(requests.length > 10, `requests were recorded (${requests.length})`);
  assert.deepEqual([...new Set(requests.map((u) => new URL(u).origin))], [server.origin]);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);

  // The policy is enforced, and the listener above hears it: an injected inline script and a
  // request to another origin are both refused.
  const refused = await page.evaluate(async (elsewhere) => {
    const script = document.createElement('script');
    script.textContent = 'window.ran = true';
    document.head.append(script);
    const fetched = await fetch(elsewhere).then(() => 'fetched', () => 'refused');
    await new Promise((ok) => setTimeout(ok, 100));
    return { ran: window.ran === true, fetched, violations: window.violations.map((v) => v.split(' ')[0]) };
  }, 'http://127.0.0.2:9/');
  assert.deepEqual(refused, { ran: false, fetched: 'refused', violations: ['script-src-elem', 'connect-src'] });
  await context.close();
  await server.close();
});

test('a tab still running the old version after "Reload now" in another keeps working, offline too', async () => {
  // Assemble: two tabs of one profile on this build; then a "new build" is deployed whose
  // history module is another file (its list names it with a query: a key the old tab never asks for).
  const records = (await readdir(DIST)).find((f) => /^records-.*\.js$/.test(f));
  let deployed = false;
  const server = await serve({
    prefix: SUB_PATH,
    rewrite: (file, bytes) => (deployed && file === 'sw.js'
      ? Buffer.from(String(bytes).replace(/"version":"\w+"/, '"version":"next-build"').replace(`"${records}"`, `"${records}?next"`)) : null),
  });
  const { context, page: old, problems } = await open(server.url);
  await offlineReady(old);
  const other = await context.newPage();
  await other.goto(server.url);
  await other.waitForSelector(EXAM_READY);
  await old.fill('#age', '40');
  // Act: the other tab takes the new version at once; then the host is gone.
  deployed = true;
  await other.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const reloaded = other.waitForEvent('load');
  await other.locator('#adscore-update').getByRole('button', { name: 'Reload now' }).click();
  await reloaded;
  await other.waitForSelector(EXAM_READY);
  assert.equal(await other.evaluate(async () => (await caches.keys()).length), 2, 'the old version\'s files are kept while a tab may run it');
  await server.close();
  // Assert: the old tab, not reloaded, still hands over to the patient (its history module from
  // its version's cache) and gets the examination back.
  await old.click('#hand-to-patient');
  await old.waitForSelector('.flow');
  await old.click('#flow-cancel');
  await old.waitForSelector(EXAM_READY);
  assert.equal(await old.inputValue('#age'), '40');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a host caught between two uploads (a new sw.js beside the old index.html) installs nothing, and the finished upload installs', async () => {
  // `stage`: 0 the build as built; 1 a new sw.js whose page is not up yet; 2 the upload done.
  let stage = 0;
  const server = await serve({
    prefix: SUB_PATH,
    rewrite: (file, bytes) => {
      if (file !== 'sw.js' || stage === 0) return null;
      const next = String(bytes).replace(/"version":"\w+"/, `"version":"next-${stage}"`);
      return Buffer.from(stage === 1 ? next.replace(/"page":"\w+"/, `"page":"${'0'.repeat(64)}"`) : next);
    },
  });
  const { context, page, problems } = await open(server.url);
  await offlineReady(page);
  await page.fill('#age', '40');
  const check = () => page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    try { await registration.update(); } catch { /* the install's failure is the browser's */ }
    for (let i = 0; i < 50 && registration.installing; i++) await new Promise((r) => setTimeout(r, 100));
    return registration.waiting?.state ?? null;
  });
  // Act / Assert: mid-upload, nothing waits to take over, no banner; the old cache alone.
  stage = 1;
  assert.equal(await check(), null, 'installed beside the last build\'s page');
  assert.equal(await page.locator('#adscore-update').count(), 0);
  assert.equal((await page.evaluate(() => caches.keys())).length, 1);
  // The upload done: the next check installs it, and offers it.
  stage = 2;
  assert.equal(await check(), 'installed');
  await page.locator('#adscore-update').getByText(BANNER_TEXT).waitFor();
  assert.equal(await page.inputValue('#age'), '40');
  assert.deepEqual(problems.filter((p) => !/not this version's page yet/.test(p)), []);
  await context.close();
  await server.close();
});

test('a new version is offered in a banner and never reloads the page by itself', async () => {
  let deployed = false; // then the host serves a "new build": same files, another version
  const server = await serve({
    prefix: SUB_PATH,
    rewrite: (file, bytes) => (deployed && file === 'sw.js'
      ? Buffer.from(String(bytes).replace(/"version":"\w+"/, '"version":"next-build"')) : null),
  });
  // CSP bypassed only to inject axe-core for the banner.
  const { context, page, problems } = await open(server.url, { bypassCSP: true });
  await offlineReady(page);
  await page.fill('#age', '40');
  await tap(page, 'easi-trunk-area-5');
  await page.evaluate(() => { window.samePage = true; });

  deployed = true;
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const banner = page.locator('#adscore-update');
  await banner.getByText(BANNER_TEXT).waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.samePage), true, 'the page was not reloaded');
  // First in Tab order, and never over the focused control (WCAG 2.4.11): a control far down
  // the page, focused, is clear of it.
  const first = await page.evaluate(() => [...document.querySelectorAll('button, a[href], input, select, textarea, [tabindex]')]
    .find((e) => e.getClientRects().length > 0)?.closest('#adscore-update') !== null);
  assert.equal(first, true, 'the banner\'s buttons come first in Tab order');
  await page.focus('#save-visit');
  const overlap = await page.evaluate(() => {
    const [a, b] = [document.getElementById('adscore-update').getBoundingClientRect(), document.activeElement.getBoundingClientRect()];
    return a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
  });
  assert.equal(overlap, false, 'the banner covers the focused control');
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting?.state), 'installed');

  await page.addScriptTag({ path: AXE });
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const violations = await page.evaluate(async () => (await axe.run('#adscore-update', {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(violations, [], `banner in ${colorScheme}`);
  }

  // "Later" hides it; a plain reload keeps the old version (it is still in use) and asks again.
  await banner.getByRole('button', { name: 'Later' }).click();
  assert.equal(await banner.count(), 0);
  await page.reload();
  await banner.getByText(BANNER_TEXT).waitFor();
  const oldCaches = await page.evaluate(() => caches.keys());
  assert.equal(oldCaches.length, 2, `the running version's cache stays until it is replaced: ${oldCaches}`);
  // It speaks the page's language, and waits while the patient holds the device.
  await page.selectOption('#language', 'ko');
  await banner.getByText('새 버전이 준비되었습니다. 다음에 adscore를 열 때 적용됩니다.').waitFor();
  assert.equal(await banner.getAttribute('lang'), 'ko');
  await banner.getByRole('button', { name: '나중에' }).waitFor();
  await page.click('#hand-to-patient');
  await page.waitForFunction(() => window.location.hash === '#handed');
  await page.waitForSelector('.flow');
  assert.equal(await banner.isVisible(), false, 'hidden from the patient');
  await page.click('label[for="who-0"]');
  while (await page.getAttribute('.flow__body', 'data-step') !== 'Done') await page.click('#flow-next');
  await page.click('#flow-finish');
  await page.waitForSelector(EXAM_READY);
  await banner.getByText('새 버전이 준비되었습니다.', { exact: false }).waitFor({ state: 'visible' });
  await page.selectOption('#language', 'en');
  await banner.getByText(BANNER_TEXT).waitFor();

  // "Reload now" switches at once; the examination survives it; the old cache is gone.
  await page.evaluate(() => { window.samePage = true; });
  const reloaded = page.waitForEvent('load');
  await banner.getByRole('button', { name: 'Reload now' }).click();
  await reloaded;
  await page.waitForSelector(EXAM_READY);
  assert.equal(await page.evaluate(() => window.samePage), undefined, 'reloaded on request');
  assert.equal(await page.inputValue('#age'), '40');
  assert.equal(await page.isChecked('#easi-trunk-area-5'), true);
  assert.equal(await banner.count(), 0);
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`adscore:${server.url}:next-build`]);
  assert.deepEqual(problems, []);
  await context.close();
  await server.close();
});
