// Shared end-to-end harness: serves dist/ (or $ADSCORE_DIST) from a sub-path on 127.0.0.1 and starts
// Debian's Chromium headless through playwright-core (no browser download).
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { DIST } from '../../scripts/serve-dist.mjs';
export const SUB_PATH = '/tools/adscore/';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};

/** Serves dist/ under SUB_PATH only; anything else is 404, so absolute URLs would fail. */
export async function serveDist() {
  await stat(join(DIST, 'index.html'));
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(SUB_PATH)) { res.writeHead(404).end(); return; }
    let rel = normalize(decodeURIComponent(url.pathname.slice(SUB_PATH.length)));
    if (rel === '.' || rel === '' || rel.endsWith('/')) rel = join(rel, 'index.html');
    if (rel.startsWith('..')) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(join(DIST, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${SUB_PATH}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Headless Chromium as root, with the flags this machine needs (playwright gives it a fresh profile). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

/**
 * The examination is fully drawn: the body map comes first, the entry sections (EASI, SCORAD,
 * saving, then the footer) and the score panel in the task after that first paint.
 */
export const EXAM_READY = '.entries > .footer';

/** Opens the app and waits until it has rendered; collects console errors and failed requests. */
export async function openApp(browser, url, viewport = { width: 1024, height: 768 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  const pending = new Set();
  inFlight.set(page, pending);
  page.on('request', (r) => pending.add(r));
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
  await page.goto(url);
  await page.waitForSelector(EXAM_READY);
  return { page, context, problems };
}

/** The requests each page opened with `openApp` has sent and not yet seen answered. */
const inFlight = new WeakMap();

/**
 * Waits until `page` (opened with `openApp`) has had no request in flight for `quietMs`, so that
 * a reload does not cut one off (a failed request to the tests). Playwright's
 * `waitForLoadState('networkidle')` cannot do this: once the first load was idle it returns at
 * once, even when a later step (a new screen's module, the page's icon) is still being fetched.
 * A request still in flight after `deadlineMs` fails the test, naming it.
 */
async function networkQuiet(page, quietMs = 300, deadlineMs = 30_000) {
  const pending = inFlight.get(page);
  if (!pending) throw new Error('networkQuiet: the page was not opened with openApp');
  const start = Date.now();
  let quietSince = start;
  for (;;) {
    if (pending.size) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    if (Date.now() - start > deadlineMs) {
      throw new Error(`requests still in flight after ${deadlineMs} ms: ${[...pending].map((r) => r.url()).join(', ')}`);
    }
    await new Promise((ok) => setTimeout(ok, 25));
  }
}

/**
 * Hands the examination to the patient: `who` is chosen as answering (`who-0` the patient, `who-1`
 * a parent or carer), `answer(page)` answers from the first question on, then Next to the end
 * and back to the examination.
 */
export async function handOver(page, who, answer = async () => {}) {
  await page.click('#hand-to-patient');
  await page.waitForSelector('.flow');
  await page.click(`label[for="${who}"]`);
  await page.click('#flow-next');
  await answer(page);
  while (await page.getAttribute('.flow__body', 'data-step') !== 'Done') await page.click('#flow-next');
  await page.click('#flow-finish');
  await page.waitForSelector(EXAM_READY);
}

/** Reloads `page` (opened with `openApp`) once nothing is in flight (`networkQuiet`). */
export async function reload(page) {
  await networkQuiet(page);
  return page.reload();
}

/** The top edge of `selector`'s first element, in the viewport's pixels (which comes first on screen). */
export function topOf(page, selector) {
  return page.$eval(selector, (e) => e.getBoundingClientRect().top);
}

/**
 * Replaces the history on the device with `text` as the app itself would (js/store.js): under
 * IndexedDB `adscore` / `kv` / `history`, with a new `history.generation` token in the same
 * transaction — or, with `{ token: false }`, as versions before tokens did (the old token stays).
 */
export function putHistory(page, text, { token = true } = {}) {
  return page.evaluate(([history, withToken]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('adscore', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('kv');
    open.onsuccess = () => {
      const tx = open.result.transaction('kv', 'readwrite');
      tx.objectStore('kv').put(history, 'history');
      if (withToken) tx.objectStore('kv').put(`test-${Date.now()}-${Math.random()}`, 'history.generation');
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), [text, token]);
}

/**
 * The pieces of text inside `selector`'s elements that match `pattern` (a RegExp, global) and
 * that the layout breaks across two lines.
 */
export function splitAcrossLines(page, selector, pattern) {
  return page.evaluate(([sel, source, flags]) => {
    const split = [];
    for (const element of document.querySelectorAll(sel)) {
      if (!element.getClientRects().length) continue;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const piece of node.data.matchAll(new RegExp(source, flags))) {
          const range = document.createRange();
          range.setStart(node, piece.index);
          range.setEnd(node, piece.index + piece[0].length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) split.push(piece[0]);
        }
      }
    }
    return split;
  }, [selector, pattern.source, pattern.flags]);
}

/**
 * The words inside `selector`'s elements (split at spaces and dashes, and before an opening
 * parenthesis: "가려움(24시간)" may break as "가려움 / (24시간)") that the layout breaks across two
 * lines, as "modera / te".
 */
export function brokenWords(page, selector) {
  return splitAcrossLines(page, selector, /\(?[^\s–(-]+/g);
}

/**
 * What does not fit: `wide` when the page scrolls sideways, `clipped` lists controls and labels
 * whose text is cut off (wider than their box).
 */
export function layoutProblems(page) {
  return page.evaluate(() => {
    const wide = document.documentElement.scrollWidth > window.innerWidth;
    const clipped = [...document.querySelectorAll('button, label, legend, a, th, td, .score, .picker__option')]
      .filter((el) => el.getClientRects().length && el.scrollWidth > el.clientWidth + 1).map((el) => el.className || el.tagName);
    return { wide, clipped };
  });
}
