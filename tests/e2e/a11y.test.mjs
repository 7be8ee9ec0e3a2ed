// Accessibility: axe-core finds no WCAG 2.2 A/AA violation on the main screen, in light and dark,
// and with the score details open on a phone. The release build in dist/, from a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serveDist, launchBrowser, EXAM_READY, brokenWords, layoutProblems, putHistory, splitAcrossLines } from './harness.mjs';

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
  await page.click('label[for="who-0"]');
  await page.click('#flow-next');
  await page.waitForSelector('[data-step="Itch"]');
};
// The flow's first screen after Next with no one chosen as answering: its message shown.
const toWhoMissing = async (page) => {
  await page.click('#hand-to-patient');
  await page.click('#flow-next');
  await page.waitForSelector('#who-error');
};
// Handed over again after the patient answered, a parent chosen: the earlier answers are named.
const toEarlierAnswers = async (page) => {
  await toFlow(page);
  await page.click('label[for="itch-6"]');
  await page.click('.flow__nav > button:first-child'); // Back
  await page.click('label[for="who-1"]');
  await page.waitForSelector('[data-testid="earlier-answers"]');
};
const toHistory = async (page) => {
  await page.click('#open-history');
  await page.waitForSelector('#export-json');
};

/** Two visits of one patient (EASI, itch NRS; a parent answered), for the patient and worksheet screens. */
const region = (area, g) => ({ area, erythema: g, edema_papulation: g, excoriation: g, lichenification: g });
const visit = (date, label, area, grade, itch) => ({
  id: `AD-017-${date}-1`, patient: 'AD-017', date, label,
  assessments: [
    { instrument: 'easi', age_years: 34, regions: { head_neck: region(area, grade), upper_limbs: region(area, grade), trunk: region(area, grade), lower_limbs: region(area, grade) } },
    { instrument: 'itch_nrs', value: itch },
  ],
  global: { status: 2, effect: 3 }, reported_by: 'parent', easi_bands: 'leshem_2015', scorad_bands: 'kunz_1997', app_version: '0.1.0',
});
const HISTORY = JSON.stringify({
  format: 'adscore-history', version: 2, patients: [{ code: 'AD-017' }],
  visits: [visit('2025-01-06', 'baseline', 3, 2, 8), visit('2025-02-03', 'week 4', 2, 1, 3)],
});
const withHistory = (hash, selector) => async (page) => {
  await putHistory(page, HISTORY);
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await page.reload();
  await page.waitForSelector(selector);
};
// A damaged examination the full storage could not copy aside: the screen that holds it.
const toHeld = async (page) => {
  await page.evaluate(() => {
    localStorage.setItem('adscore.draft.v1', '{"age":"3');
    for (let size = 1 << 20, i = 0; size >= 1; i += 1) {
      try { localStorage.setItem(`filler.${i}`, 'y'.repeat(size)); } catch { size = Math.floor(size / 2); }
    }
  });
  await page.reload();
  await page.waitForSelector('#held-download');
};
const toTrend = withHistory('patient/AD-017', '[data-testid="visits"] tbody tr');
const toWorksheet = withHistory('print/AD-017-2025-02-03-1', '.worksheet__table');

// Every screen, in English and Korean, light and dark.
const SCREENS = {};
for (const lang of ['en', 'ko']) {
  for (const colorScheme of ['light', 'dark']) {
    SCREENS[`examination (${lang}, ${colorScheme})`] = { viewport: DESKTOP, colorScheme, lang };
    SCREENS[`score details at 390×844 (${lang}, ${colorScheme})`] = { viewport: PHONE, colorScheme, lang, prepare: openDetails };
    SCREENS[`patient flow (${lang}, ${colorScheme})`] = { viewport: PHONE, colorScheme, lang, prepare: toFlow };
    SCREENS[`patient flow, who answers not chosen (${lang}, ${colorScheme})`] = { viewport: PHONE, colorScheme, lang, prepare: toWhoMissing };
    SCREENS[`patient flow, answers someone else gave (${lang}, ${colorScheme})`] = { viewport: PHONE, colorScheme, lang, prepare: toEarlierAnswers };
    SCREENS[`history (${lang}, ${colorScheme})`] = { viewport: DESKTOP, colorScheme, lang, prepare: toHistory };
    SCREENS[`patient over time (${lang}, ${colorScheme})`] = { viewport: DESKTOP, colorScheme, lang, prepare: toTrend };
    SCREENS[`visit worksheet (${lang}, ${colorScheme})`] = { viewport: DESKTOP, colorScheme, lang, prepare: toWorksheet };
    SCREENS[`unreadable examination held (${lang}, ${colorScheme})`] = { viewport: PHONE, colorScheme, lang, prepare: toHeld };
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
    await page.waitForSelector(EXAM_READY);
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

// Text zoom to 200 % (WCAG 1.4.4): the root font size doubled, as a browser's text-size setting
// does; every size in styles/ is relative to it. Nothing may scroll sideways or be cut off.
/** A context at `viewport`, its text at 200 % when `zoomed`. */
async function textContext(viewport, zoomed = true) {
  const context = await browser.newContext({ viewport });
  if (zoomed) {
    await context.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = '200%'; });
    });
  }
  return context;
}
/** The examination, ready, in a new context of `viewport` (text at 200 % when `zoomed`). */
async function openExam(viewport, zoomed = true) {
  const context = await textContext(viewport, zoomed);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector(EXAM_READY);
  return { context, page };
}
const ZOOMED = {
  examination: null,
  // Folded behind a toggle only where the screen is narrow (in em, so also when text is large).
  'score details': async (page) => { if (await page.isVisible('.panel__toggle')) await openDetails(page); },
  'patient flow': toFlow,
  history: toHistory,
  'patient over time': toTrend,
  'visit worksheet': toWorksheet,
};
for (const viewport of [DESKTOP, { width: 768, height: 1024 }, { width: 390, height: 844 }]) {
  test(`text zoomed to 200 % loses nothing at ${viewport.width}×${viewport.height}`, async () => {
    const found = {};
    for (const [name, prepare] of Object.entries(ZOOMED)) {
      const { context, page } = await openExam(viewport);
      await prepare?.(page);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontSize), '32px');
      const problems = await layoutProblems(page);
      if (problems.wide || problems.clipped.length) found[name] = problems;
      await context.close();
    }
    assert.deepEqual(found, {});
  });
}

// WCAG 2.4.11 (focus not obscured): what Tab reaches is scrolled clear of what stays on screen
// over the page: the score sheet at the foot of a tablet's or phone's screen (closed or open: open,
// it covered "Save visit", and the page could not scroll it clear), the patient's Back / Next bar.
/** Tabs `presses` times; the focused controls that anything fixed or sticky covers. */
async function focusCovered(page, presses) {
  const covered = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(() => {
      const e = document.activeElement;
      if (e === document.body) return null;
      const r = e.getBoundingClientRect();
      const [top, bottom] = [Math.max(r.top, 0), Math.min(r.bottom, innerHeight)];
      const over = [...document.querySelectorAll('aside.panel, .flow__nav')].filter((o) => !o.contains(e)
        && ['fixed', 'sticky'].includes(getComputedStyle(o).position)).some((o) => {
        const b = o.getBoundingClientRect();
        const hidden = Math.max(0, Math.min(bottom, b.bottom) - Math.max(top, b.top));
        return r.left < b.right && r.right > b.left && bottom - top - hidden <= 2;
      });
      return { id: `${e.tagName.toLowerCase()}#${e.id}`, hidden: over || r.bottom <= 0 || r.top >= innerHeight };
    });
    if (!found) break;
    if (found.hidden) covered.push(found.id);
  }
  return covered;
}
test('nothing reached by Tab is hidden behind the score sheet, open or closed, or the patient\'s Back / Next bar', async () => {
  // A portrait tablet with the details open, to the end of the examination ("Save visit").
  const { context: tablet, page: exam } = await openExam({ width: 768, height: 1024 }, false);
  await openDetails(exam);
  await exam.focus('#language');
  const examCovered = await focusCovered(exam, 200);
  await tablet.close();
  // A phone at 200 % text: the first answers of the patient's questions, under the bar's 3 rows.
  const { context: phone, page: flow } = await openExam(PHONE);
  await toFlow(flow);
  await flow.click('#flow-next');
  const flowCovered = await focusCovered(flow, 3);
  await phone.close();
  // Assert
  assert.deepEqual({ examCovered, flowCovered }, { examCovered: [], flowCovered: [] });
});

// WCAG 1.4.11: the focus ring is a part of the page one must see: 3:1 or more against what it
// is drawn on (the page, a card, the map's skin), light and dark.
test('the focus ring stands out at 3:1 or more against the page, the cards and the body map, light and dark', async () => {
  const found = {};
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: DESKTOP, colorScheme });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector(EXAM_READY);
    await page.focus('#language');
    await page.keyboard.press('Tab');
    found[colorScheme] = await page.evaluate(() => {
      const rgb = (css) => css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
      const luminance = (css) => {
        const [r, g, b] = rgb(css).map((v) => v / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      const ring = getComputedStyle(document.activeElement).outlineColor;
      const root = getComputedStyle(document.documentElement);
      const probe = document.createElement('i');
      document.body.append(probe);
      const colour = (name) => { probe.style.color = root.getPropertyValue(name); return getComputedStyle(probe).color; };
      return Object.fromEntries(['--bg', '--card', '--skin'].map((name) => [name, ratio(ring, colour(name)) >= 3]));
    });
    await context.close();
  }
  assert.deepEqual(found, {
    light: { '--bg': true, '--card': true, '--skin': true },
    dark: { '--bg': true, '--card': true, '--skin': true },
  });
});

test('moving between screens and through an import, the focus goes to what is new, never to the page\'s body', async () => {
  const context = await textContext(DESKTOP, false);
  const page = await context.newPage();
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return e.id ? `#${e.id}` : e.dataset.testid ? `[${e.dataset.testid}]` : `${e.tagName.toLowerCase()}${e.className ? `.${e.className.split(' ')[0]}` : ''}: ${e.textContent.trim().slice(0, 40)}`;
  });
  await page.goto(server.url);
  await page.waitForSelector(EXAM_READY);
  await putHistory(page, HISTORY);
  const file = Buffer.from(HISTORY.replace(/AD-017/g, 'AD-018'));
  const moves = [];
  // The history screen: its heading.
  await page.click('#open-history');
  await page.waitForSelector('#export-json');
  moves.push(await focused());
  // A file read: its plan; added: what was done. Read again and cancelled: the file's button.
  await page.setInputFiles('#import-json', { name: 'h.json', mimeType: 'application/json', buffer: file });
  await page.waitForSelector('[data-testid="import-plan"]');
  moves.push(await focused());
  await page.click('#import-apply');
  await page.waitForSelector('p.ok');
  moves.push(await focused());
  await page.setInputFiles('#import-json', { name: 'h.json', mimeType: 'application/json', buffer: file });
  await page.waitForSelector('[data-testid="import-plan"]');
  await page.click('[data-testid="import-plan"] >> text=Cancel');
  moves.push(await focused());
  // A file refused: its message, at the top of the screen, far from the button used.
  await page.setInputFiles('#import-json', { name: 'cut.json', mimeType: 'application/json', buffer: file.subarray(0, 40) });
  await page.waitForSelector('p.alert[role=alert]');
  moves.push((await focused()).slice(0, 'p.alert: The file could not be used'.length));
  // A patient's page: its heading; back to the examination: the "History" link.
  await page.click('a[href="#patient/AD-017"]');
  await page.waitForSelector('[data-testid="visits"]');
  moves.push(await focused());
  await page.click('a[href="#"]');
  await page.waitForSelector(EXAM_READY);
  moves.push(await focused());
  assert.deepEqual(moves, [
    'h1: History', '[import-plan]', 'p.ok: Imported: 2 new visits.', '#import-json', 'p.alert: The file could not be used', 'h1: Patient AD-017', '#open-history',
  ]);
  await context.close();
});

test('every screen has one main landmark holding its content: only the top bar is outside it', async () => {
  const { context, page } = await openExam(DESKTOP, false);
  await putHistory(page, HISTORY);
  const found = {};
  for (const [hash, ready] of [['', '#visit-patient'], ['history', '#export-json'], ['patient/AD-017', '[data-testid="visits"]'], ['print/AD-017-2025-02-03-1', '.worksheet__table']]) {
    await page.evaluate((h) => { window.location.hash = h; }, hash);
    await page.waitForSelector(ready);
    // Per screen: how many main landmarks, and the text shown outside the header and the main.
    found[hash || 'examination'] = await page.evaluate(() => {
      const app = document.querySelector('.app');
      const outside = [...app.children].filter((e) => !e.matches('header, main, aside, .app--alerts') && e.textContent.trim() && e.getClientRects().length);
      return [document.querySelectorAll('main').length, outside.map((e) => e.tagName.toLowerCase())];
    });
  }
  assert.deepEqual(found, { examination: [1, []], history: [1, []], 'patient/AD-017': [1, []], 'print/AD-017-2025-02-03-1': [1, []] });
  await context.close();
});

test('the tab\'s title names the screen, in the language shown', async () => {
  const { context, page } = await openExam(DESKTOP, false);
  await putHistory(page, HISTORY);
  const titles = [await page.title()];
  for (const [hash, ready] of [['history', '#export-json'], ['patient/AD-017', '[data-testid="visits"]'], ['print/AD-017-2025-02-03-1', '.worksheet__table']]) {
    await page.evaluate((h) => { window.location.hash = h; }, hash);
    await page.waitForSelector(ready);
    titles.push(await page.title());
  }
  await page.selectOption('#language', 'ko');
  await page.waitForFunction(() => document.title.startsWith('기록지'));
  titles.push(await page.title());
  await page.evaluate(() => { window.location.hash = ''; });
  await page.waitForSelector(EXAM_READY);
  titles.push(await page.title());
  assert.deepEqual(titles, [
    'adscore — Atopic dermatitis severity — EASI and SCORAD', 'History · adscore', 'Patient AD-017 · adscore',
    'Worksheet — AD-017, 3 Feb 2025 · adscore', '기록지 — AD-017, 2025년 2월 3일 · adscore', 'adscore — 아토피피부염 중증도 — EASI 및 SCORAD',
  ]);
  await context.close();
});

// The grade pickers and the 0–10 scales keep each word of their buttons whole: on a phone, and
// with text at 200 % on a phone or a tablet (fewer buttons per row rather than "modera / te",
// or the scale's "N / o / it / c / h").
for (const [viewport, zoomed] of [[{ width: 390, height: 844 }, false], [{ width: 320, height: 700 }, false], [{ width: 390, height: 844 }, true], [DESKTOP, true], [{ width: 768, height: 1024 }, true]]) {
  test(`no word of a picker breaks, and the map's checkbox keeps the text's scale, at ${viewport.width}×${viewport.height}${zoomed ? ' with text at 200 %' : ''}`, async () => {
    const context = await textContext(viewport, zoomed);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('label[for="easi-head_neck-erythema-5"]');
    const exam = await brokenWords(page, '.picker__option');
    // The map's "whole skin examined" box grows with the text, as its label does.
    assert.equal(await page.$eval('.check input', (box) => box.getBoundingClientRect().width), zoomed ? 56 : 28);
    await toFlow(page);
    const scale = await brokenWords(page, '.picker__option');
    await context.close();
    assert.deepEqual({ exam, scale }, { exam: [], scale: [] });
  });
}

// A patient's visits on a phone: Korean breaks lines at spaces only ("가장 심한 가려움", not
// "가장 심 / 한 가려 / 움"), a responder badge stays on one line ("EASI-50", not "EASI- / 50")
// and a percent stays with its number; 390 wide, the table fits without scrolling sideways
// (narrower, it scrolls in its own box).
for (const lang of ['en', 'ko']) {
  for (const viewport of [PHONE, { width: 320, height: 700 }]) {
    test(`the visits table keeps words, badges and percents whole${viewport === PHONE ? ' and fits' : ''} at ${viewport.width}×${viewport.height} (${lang})`, async () => {
      const context = await browser.newContext({ viewport });
      await context.addInitScript((tag) => localStorage.setItem('adscore.lang', tag), lang);
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector(EXAM_READY);
      await toTrend(page);
      const words = await brokenWords(page, '[data-testid="visits"] th, [data-testid="visits"] td');
      const split = [
        ...await splitAcrossLines(page, '[data-testid="visits"] .badge', /.+/g),
        ...await splitAcrossLines(page, '[data-testid="visits"]', /[\d.]+\s%/g),
      ];
      const fits = await page.$eval('.table-wrap', (box) => box.scrollWidth <= box.clientWidth);
      await context.close();
      assert.deepEqual({ words, split }, { words: [], split: [] });
      if (viewport === PHONE) assert.ok(fits, 'the visits table is wider than a 390 px phone');
    });
  }
}

// "UTF-8" in the Excel export's button stays on one line on a phone ("(BOM 포함 UTF-" / "8)" read as
// a broken name), its text unchanged for screen readers and copying.
for (const lang of ['en', 'ko']) {
  for (const viewport of [PHONE, { width: 320, height: 700 }]) {
    test(`"UTF-8" is never split across lines at ${viewport.width}×${viewport.height} (${lang})`, async () => {
      // Assemble
      const context = await browser.newContext({ viewport });
      await context.addInitScript((tag) => localStorage.setItem('adscore.lang', tag), lang);
      const page = await context.newPage();
      await page.goto(`${server.url}#history`);
      await page.waitForSelector('#export-excel');
      // Act
      const split = await splitAcrossLines(page, '#export-excel', /UTF-8/g);
      // As rendered: one run of text (innerText keeps no line of its own for a piece laid out apart).
      const text = await page.$eval('#export-excel', (button) => button.innerText);
      await context.close();
      // Assert
      assert.deepEqual(split, []);
      assert.equal(text, lang === 'ko' ? 'Excel용 CSV 내보내기(BOM 포함 UTF-8)' : 'Export CSV for Excel (UTF-8 with BOM)');
    });
  }
}

test('motion follows prefers-reduced-motion: smooth scrolling only when motion is welcome', async () => {
  const scrolling = {};
  for (const reducedMotion of ['no-preference', 'reduce']) {
    const context = await browser.newContext({ viewport: DESKTOP, reducedMotion });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector(EXAM_READY);
    scrolling[reducedMotion] = await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
    await context.close();
  }
  assert.deepEqual(scrolling, { 'no-preference': 'smooth', reduce: 'auto' });
});

test('each EASI sign is heard with its region: the region is a group named by its heading', async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector(EXAM_READY);
  for (const region of ['Head and neck', 'Upper limbs', 'Trunk (including genitals)', 'Lower limbs (including buttocks)']) {
    const group = page.getByRole('group', { name: region, exact: true });
    assert.equal(await group.count(), 1, region);
    // Its four signs and its area, each once.
    assert.equal(await group.getByRole('group', { name: /^Erythema/ }).count(), 1, `${region}: erythema`);
    assert.equal(await group.getByRole('group', { name: /^Area involved/ }).count(), 1, `${region}: area`);
    assert.equal(await group.getByRole('radio').count(), 7 + 4 * 6, `${region}: its options`);
  }
  await context.close();
});

test('a score that changes is announced whole: its name, value and band, as it now reads', async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector(EXAM_READY);
  await page.fill('#age', '34');
  for (const region of ['Head and neck', 'Upper limbs', 'Trunk (including genitals)']) {
    await page.click(`button[aria-label="${region}: Region clear"]`);
  }
  await page.click('label[for="easi-lower_limbs-area-2"]');
  for (const sign of ['erythema', 'edema_papulation', 'excoriation', 'lichenification']) await page.click(`label[for="easi-lower_limbs-${sign}-2"]`);
  // What a screen reader presents when the EASI line changes: the nearest atomic ancestor of the
  // changed text inside the live region (ARIA 1.2, aria-atomic), whole.
  const heard = () => page.$eval('[data-testid="easi-value"]', (value) => {
    const live = value.closest('[aria-live]');
    let node = value;
    while (node && node !== live && node.getAttribute('aria-atomic') !== 'true') node = node.parentElement;
    return [...(node === live ? [value] : node.children)].map((part) => part.textContent.trim());
  });
  assert.deepEqual(await heard(), ['EASI', '3.2', 'mild']);
  await context.close();
});

test('the patient\'s questions, DLQI\'s too, fit a phone with text at 150 % and 200 %: nothing scrolls sideways or is cut off', async () => {
  const found = {};
  for (const size of ['150%', '200%']) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript((z) => {
      document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = z; });
    }, size);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector(EXAM_READY);
    await page.fill('#age', '30');
    await page.click('#hand-to-patient');
    await page.waitForSelector('.flow');
    await page.click('label[for="who-0"]');
    // DLQI's items too ('Item 2 — embarrassment' was cut off at 200 %).
    await page.click('.setup > summary');
    await page.check('text=DLQI scores from a completed');
    for (;;) {
      const step = await page.getAttribute('.flow__body', 'data-step');
      const { wide, clipped } = await layoutProblems(page);
      if (wide) found[`${size} ${step}`] = await page.evaluate(() => document.documentElement.scrollWidth);
      if (clipped.length) found[`${size} ${step} cut off`] = clipped;
      if (step === 'Done') break;
      await page.click('#flow-next');
    }
    await context.close();
  }
  assert.deepEqual(found, {});
});
