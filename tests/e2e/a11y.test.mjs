// Accessibility: axe-core finds no WCAG 2.2 A/AA violation on the main screen, in light and dark,
// and with the score details open on a phone. The release build in dist/, from a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serveDist, launchBrowser } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const DESKTOP = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };
const openDetails = async (page) => {
  await page.click('.panel__toggle');
  await page.waitForSelector('.panel--expanded');
};
const toFlow = async (page) => {
  await page.click('#hand-to-patient');
  await page.click('#flow-next');
  await page.waitForSelector('[data-step="Itch"]');
};
const toHistory = async (page) => {
  await page.click('#open-history');
  await page.waitForSelector('#export-json');
};

// Every screen, in English and Korean, light and dark.
const SCREENS = {};
for (const lang of ['en', 'ko']) {
  for (const colorScheme of ['light', 'dark']) {
    SCREENS[`examination (${lang}, ${colorScheme})`] = { viewport: DESKTOP, colorScheme, lang };
    SCREENS[`score details at 390×844 (${lang}, ${colorScheme})`] = { viewport: PHONE, colorScheme, lang, prepare: openDetails };
    SCREENS[`patient flow (${lang}, ${colorScheme})`] = { viewport: PHONE, colorScheme, lang, prepare: toFlow };
    SCREENS[`history (${lang}, ${colorScheme})`] = { viewport: DESKTOP, colorScheme, lang, prepare: toHistory };
  }
}

let server, browser;
const scans = {};
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** One line per failing element: rule id, impact, selector, what is wrong. Run once per screen. */
function scan(name) {
  scans[name] ??= (async () => {
    const { viewport, colorScheme, lang, prepare } = SCREENS[name];
    // The CSP is bypassed only so that axe-core can be injected.
    const context = await browser.newContext({ viewport, colorScheme, bypassCSP: true });
    await context.addInitScript((tag) => localStorage.setItem('adscore.lang', tag), lang);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('#age');
    await prepare?.(page);
    await page.addScriptTag({ path: AXE });
    const found = await page.evaluate(async (tags) => (await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
    })).violations, TAGS);
    await context.close();
    return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${
      n.failureSummary.replace(/\s+/g, ' ')}`));
  })();
  return scans[name];
}

for (const name of Object.keys(SCREENS)) {
  test(`${name}: no WCAG 2.2 A/AA violation`, async () => {
    assert.deepEqual(await scan(name), []);
  });
}
