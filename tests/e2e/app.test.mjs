// End-to-end: the release build in dist/, served from a sub-path, used as a clinician would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openApp, reload, EXAM_READY } from './harness.mjs';
import { readFile } from 'node:fs/promises';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Taps the visible label of a radio option, as a finger would. */
const tap = (page, id) => page.click(`label[for="${id}"]`);
const value = (page, id) => page.textContent(`[data-testid="${id}-value"]`).then((t) => t.trim());
const band = (page, id) => page.textContent(`[data-testid="${id}-band"]`).then((t) => t.trim());

async function gradeRegion(page, region, area, halves) {
  await tap(page, `easi-${region}-area-${area}`);
  const signs = ['erythema', 'edema_papulation', 'excoriation', 'lichenification'];
  for (const [i, sign] of signs.entries()) await tap(page, `easi-${region}-${sign}-${halves[i]}`);
}

test('loads from a sub-path with no failed request or console error', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  assert.equal(await value(page, 'easi'), 'not scored');
  // Each "Still needed" list says how many it holds (a long one scrolls in its box).
  const lists = await page.$$eval('.needed', (all) => all.map((n) => [n.querySelector('p').textContent, n.querySelectorAll('li').length]));
  assert.ok(lists.length >= 2, JSON.stringify(lists));
  for (const [heading, items] of lists) assert.equal(heading, `Still needed (${items}):`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a clinician enters an EASI by touch and reads total and band', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await page.fill('#age', '34');
  // The worked example (signs in half points: 3 = 1.5).
  // head 4.5 × 2 × 0.1 = 0.9; upper 0; trunk 6 × 3 × 0.3 = 5.4; lower 2 × 1 × 0.4 = 0.8.
  await gradeRegion(page, 'head_neck', 2, [3, 2, 0, 4]);
  await page.click('button[aria-label="Upper limbs: Region clear"]');
  await gradeRegion(page, 'trunk', 3, [4, 4, 2, 2]);
  assert.equal(await value(page, 'easi'), 'not scored');
  assert.match(await page.textContent('.panel'), /Lower limbs \(including buttocks\) — Area/);
  await gradeRegion(page, 'lower_limbs', 1, [2, 2, 0, 0]);
  assert.equal(await value(page, 'easi'), '7.1');
  assert.equal(await band(page, 'easi'), 'moderate');
  // Exactly 7.0 is mild (f64 would say 7.000000000000001): upper 1 × 2 × 0.2 + lower 5.5 × 3 × 0.4.
  await page.click('button[aria-label="Head and neck: Region clear"]');
  await page.click('button[aria-label="Trunk (including genitals): Region clear"]');
  await gradeRegion(page, 'upper_limbs', 2, [2, 0, 0, 0]);
  await gradeRegion(page, 'lower_limbs', 3, [4, 3, 2, 2]);
  assert.equal(await value(page, 'easi'), '7.0');
  assert.equal(await band(page, 'easi'), 'mild');
  // The band's colour follows the band, not its words: the same in Korean.
  const colour = () => page.$eval('[data-testid="easi-band"]', (e) => [e.className, getComputedStyle(e).color]);
  const [englishClass, englishColour] = await colour();
  assert.equal(englishClass, 'band band--mild');
  await page.selectOption('#language', 'ko');
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  assert.notEqual(await band(page, 'easi'), 'mild');
  assert.deepEqual(await colour(), [englishClass, englishColour]);
  const panelColour = await page.$eval('.panel', (e) => getComputedStyle(e).color);
  assert.notEqual(englishColour, panelColour, 'a band has its own colour');
  // The examination's date (today, for a new one) is read back in Korean too.
  assert.match((await page.textContent('#exam-date-entered')).trim(), /^입력한 날짜: \d{4}년 \d{1,2}월 \d{1,2}일$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a clinician enters a SCORAD; the total appears once the patient gives C', async () => {
  const { page, context } = await openApp(browser, server.url);
  await page.fill('#age', '1');
  const extent = { head_neck_front: '50', trunk_front: '25' };
  for (const input of await page.$$('input[id^="extent-"]')) {
    const id = (await input.getAttribute('id')).slice('extent-'.length);
    await input.fill(extent[id] ?? '0');
  }
  const grades = { erythema: 2, edema_papulation: 1, oozing_crusts: 0, excoriation: 1, lichenification: 0, dryness: 2 };
  for (const [sign, grade] of Object.entries(grades)) await tap(page, `scorad-${sign}-${grade}`);
  // Under 2: A = 8.5 × 50 % + 18 × 25 % = 8.75; B = 6; objective = 1.75 + 21 = 22.75.
  assert.equal(await value(page, 'objective-scorad'), '22.8');
  assert.equal(await band(page, 'objective-scorad'), 'moderate');
  assert.equal(await value(page, 'scorad'), 'not scored');
  await page.fill('#scorad-pruritus', '6.5');
  await page.fill('#scorad-sleep-loss', '3');
  // total = 22.75 + 9.5 = 32.25.
  assert.equal(await value(page, 'scorad'), '32.3');
  assert.equal(await band(page, 'scorad'), 'moderate');
  // Age 2 switches to the rule of nines: A = 4.5 × 50 % + 18 × 25 % = 6.75 → objective 22.35.
  await page.fill('#age', '2');
  assert.equal(await value(page, 'objective-scorad'), '22.4');
  await context.close();
});

test('SCORAD A\'s inputs side by side stay level when one label wraps to two lines, and after an error shows', async () => {
  const { page, context } = await openApp(browser, server.url);
  /** Each row of the grids' inputs (by their top), with how many lines each input's label takes. */
  const rows = () => page.$$eval('#scorad .extent-grid input', (inputs) => {
    const byRow = new Map();
    for (const input of inputs) {
      const label = document.querySelector(`label[for="${input.id}"]`);
      const lines = Math.round(label.getBoundingClientRect().height / parseFloat(getComputedStyle(label).lineHeight));
      const top = Math.round(input.getBoundingClientRect().top);
      byRow.set(top, [...(byRow.get(top) ?? []), lines]);
    }
    return { tops: [...byRow.keys()], rows: [...byRow.values()] };
  });
  const before = await rows();
  // At 1024 px 'Head and neck, front (%)' wraps; 'Left arm, front (%)' beside it does not.
  assert.ok(before.rows.some((row) => row.some((lines) => lines > 1) && row.includes(1)), JSON.stringify(before));
  // Three to a row (the page's 13 areas and C's 2): one top per row, no input on a row of its own.
  assert.equal(before.tops.length, Math.ceil(13 / 3) + 1, JSON.stringify(before));
  await page.fill('#extent-head_neck_front', '150');
  const after = await rows();
  assert.equal(after.tops.length, before.tops.length, JSON.stringify(after));
  await context.close();
});

test('each figure of the body map names the patient\'s sides where they are drawn: the right on the viewer\'s left on the front', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  // Per figure: the side each label names, and whether it is left of the figure's middle; the
  // same for the patient's right arm, and the figure's name above it.
  const sides = await page.$$eval('.map__view', (views) => views.map((view) => {
    const svg = view.querySelector('svg').getBoundingClientRect();
    const middle = svg.left + svg.width / 2;
    const labels = [...view.querySelectorAll('.map__sides span')].map((l) => [l.textContent, l.getBoundingClientRect().right < middle ? 'left' : 'right']);
    const arm = view.querySelector('[data-segment-slider^="upper_limb_right"]').getBoundingClientRect();
    const caption = view.querySelector('figcaption').getBoundingClientRect();
    return { name: view.querySelector('figcaption').textContent, labels, rightArm: arm.right < middle ? 'left' : 'right', captionAbove: caption.bottom <= svg.top };
  }));
  assert.deepEqual(sides, [
    { name: 'Front', labels: [['Right', 'left'], ['Left', 'right']], rightArm: 'left', captionAbove: true },
    { name: 'Back', labels: [['Left', 'left'], ['Right', 'right']], rightArm: 'right', captionAbove: true },
  ]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a drag begun on a painted cell paints on from it and keeps it; a tap on it still clears it', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  const trunk = async () => (await page.textContent('[data-segment="trunk_front"]')).trim();
  const centre = async (cell) => {
    const b = await page.locator(`[data-cell="${cell}"]`).boundingBox();
    return [b.x + b.width / 2, b.y + b.height / 2];
  };
  // A region's "Erase" only where there is paint to erase.
  assert.equal(await page.locator('[data-region="trunk"] button').count(), 0);
  await page.click('[data-cell="6:0"]');
  assert.equal(await trunk(), 'Trunk, front, 5 % affected');
  assert.equal(await page.locator('[data-region="trunk"] button').count(), 1);
  assert.equal(await page.locator('[data-region="head_neck"] button').count(), 0);
  // From the painted cell across the next two: three of 20 cells.
  await page.mouse.move(...await centre('6:0'));
  await page.mouse.down();
  await page.mouse.move(...await centre('6:2'), { steps: 8 });
  await page.mouse.up();
  assert.equal(await trunk(), 'Trunk, front, 15 % affected');
  // Pressed and lifted on a painted cell without moving off it: cleared.
  await page.click('[data-cell="6:0"]');
  assert.equal(await trunk(), 'Trunk, front, 10 % affected');
  assert.deepEqual(problems, []);
  await context.close();
});

test('painting the body map feeds SCORAD extent and the EASI area score', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await page.fill('#age', '30');
  // Tap three of the 20 front-trunk cells (segment 6), then drag across a row of four.
  for (const cell of ['6:0', '6:1', '6:2']) await page.click(`[data-cell="${cell}"]`);
  const box = async (cell) => page.locator(`[data-cell="${cell}"]`).boundingBox();
  const [from, to] = [await box('6:8'), await box('6:11')];
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  // 7 of 20 cells = 35 %.
  assert.equal((await page.textContent('[data-segment="trunk_front"]')).trim(), 'Trunk, front, 35 % affected');
  // Tapping a painted cell clears it: 30 %.
  await page.click('[data-cell="6:0"]');
  assert.equal((await page.textContent('[data-segment="trunk_front"]')).trim(), 'Trunk, front, 30 % affected');
  // A drag begun just beside the trunk (on its outline) paints what it crosses: 6:4 and 6:5, 40 %;
  // begun there with the eraser, it clears them again.
  const [row, next] = [await box('6:4'), await box('6:5')];
  const beside = async () => {
    await page.mouse.move(row.x - 3, row.y + row.height / 2);
    assert.equal(await page.evaluate(([x, y]) => document.elementFromPoint(x, y).hasAttribute('data-cell'), [row.x - 3, row.y + row.height / 2]), false);
    await page.mouse.down();
    await page.mouse.move(next.x + next.width / 2, next.y + next.height / 2, { steps: 8 });
    await page.mouse.up();
  };
  await beside();
  assert.equal((await page.textContent('[data-segment="trunk_front"]')).trim(), 'Trunk, front, 40 % affected');
  await page.getByRole('button', { name: 'Eraser', exact: true }).click();
  await beside();
  await page.getByRole('button', { name: 'Paint', exact: true }).click();
  assert.equal((await page.textContent('[data-segment="trunk_front"]')).trim(), 'Trunk, front, 30 % affected');
  // Nothing is read from the map until the whole skin is confirmed examined.
  assert.equal(await page.locator('[data-testid="map-area-trunk"]').count(), 0);
  await page.check('text=Whole skin examined');
  // 30 % of 18 % = 5.4 % body surface of the 33.4 % trunk region = 16.2 % → area score 2.
  assert.equal((await page.textContent('[data-testid="map-area-trunk"]')).trim(), 'From the body map: 2 (16.1 % of the region)');
  assert.equal(await page.isChecked('#easi-trunk-area-2'), true);
  assert.equal(await page.getAttribute('#extent-trunk_front', 'placeholder'), 'map: 30');
  for (const sign of ['erythema', 'edema_papulation', 'oozing_crusts', 'excoriation', 'lichenification', 'dryness']) {
    await tap(page, `scorad-${sign}-1`);
  }
  // A = 18 × 30 % = 5.4; objective = 5.4 / 5 + 7 × 6 / 2 = 22.08.
  assert.equal((await page.textContent('[data-testid="scorad-a"]')).trim(), 'A = 5.4');
  assert.equal(await value(page, 'objective-scorad'), '22.1');
  // A typed percent overrides the map.
  await page.fill('#extent-trunk_front', '50');
  assert.equal((await page.textContent('[data-testid="scorad-a"]')).trim(), 'A = 9.0');
  // Its button, named by its field, gives the map's value back; the focus goes to the field
  // (the button is gone), not to the page's body.
  await page.getByRole('button', { name: 'Trunk, front: Use map value' }).press('Enter');
  assert.equal((await page.textContent('[data-testid="scorad-a"]')).trim(), 'A = 5.4');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'extent-trunk_front');
  assert.equal(await page.inputValue('#extent-trunk_front'), '');
  // The same for an EASI area picked over the map's: the focus goes to the map's area.
  await tap(page, 'easi-trunk-area-4');
  await page.getByRole('button', { name: 'Trunk (including genitals): Use map value' }).press('Enter');
  assert.equal(await page.isChecked('#easi-trunk-area-2'), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'easi-trunk-area-2');
  assert.deepEqual(problems, []);
  await context.close();
});

test('regions the body map shows unaffected need no sign grades: EASI is scored from the affected region alone', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await page.fill('#age', '34');
  assert.equal(await page.textContent('[data-testid="save-ready"]'), 'Nothing is ready to save yet.');
  // Assemble: the trunk painted (one cell), the whole skin confirmed examined.
  await page.click('[data-cell="6:0"]');
  await page.check('text=Whole skin examined');
  assert.equal(await page.isChecked('#easi-head_neck-area-0'), true);
  // Act: only the trunk's four signs graded.
  for (const sign of ['erythema', 'edema_papulation', 'excoriation', 'lichenification']) await tap(page, `easi-trunk-${sign}-2`);
  // Assert: scored; the other regions' signs say they are not needed, the trunk's do not.
  assert.notEqual(await value(page, 'easi'), 'not scored');
  assert.match(await page.textContent('#easi-head_neck legend:has-text("Erythema")'), /not needed: area 0/);
  assert.doesNotMatch(await page.textContent('#easi-trunk'), /not needed/);
  assert.doesNotMatch(await page.textContent('.panel'), /Head and neck — Erythema/);
  // The save card names what a save would file.
  assert.equal(await page.textContent('[data-testid="save-ready"]'), 'Ready to save: EASI.');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the band system can be switched, with its citation, and the figure follows it', async () => {
  const { page, context } = await openApp(browser, server.url);
  await page.fill('#age', '34');
  // Upper limbs only: signs 1.5 + 1.5 + 1.5 + 2 = 6.5, area 5, weight 0.2 → EASI 6.5.
  for (const region of ['Head and neck', 'Trunk (including genitals)', 'Lower limbs (including buttocks)']) {
    await page.click(`button[aria-label="${region}: Region clear"]`);
  }
  await gradeRegion(page, 'upper_limbs', 5, [3, 3, 3, 4]);
  assert.equal(await value(page, 'easi'), '6.5');
  assert.equal(await band(page, 'easi'), 'mild'); // Leshem: (1, 7]
  await page.selectOption('#easi-bands', 'chopra_2017');
  assert.equal(await band(page, 'easi'), 'moderate'); // Chopra: [6, 23)
  assert.match(await page.textContent('.panel'), /Chopra R/);
  await reload(page);
  await page.waitForSelector('#age');
  assert.equal(await page.inputValue('#easi-bands'), 'chopra_2017');
  // Kept for the next patient: a child's examination says the bands came from older patients.
  const note = page.locator('[data-testid="bands-age"]');
  assert.equal(await note.count(), 0);
  await page.fill('#age', '7');
  assert.equal(await note.textContent(), 'Chopra 2017\'s bands were derived in patients aged 13 and over; this patient is younger.');
  await page.fill('#age', '13');
  assert.equal(await note.count(), 0);
  await context.close();
});

test('an EASI can be completed with the keyboard alone', async () => {
  const { page, context } = await openApp(browser, server.url);
  // Age field: Tab from the examination date and date of birth, then type.
  // (A date input has a stop per part, so count nothing: Tab until the age field.)
  await page.focus('#exam-date');
  for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement.id)) !== 'age'; i++) {
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), 'age');
  await page.keyboard.type('34');
  // Each radio group: Tab into it, arrow keys move the choice (and select it).
  const pick = async (group, steps) => {
    await page.focus(`#${group}-0`);
    await page.keyboard.press('Space');
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
  };
  const signs = ['erythema', 'edema_papulation', 'excoriation', 'lichenification'];
  // Every region: area 1 and every sign at the second option (1): (1+1+1+1) × 1 × weight.
  for (const region of ['head_neck', 'upper_limbs', 'trunk', 'lower_limbs']) {
    await pick(`easi-${region}-area`, 1);
    for (const sign of signs) await pick(`easi-${region}-${sign}`, 1);
  }
  // 4 × 1 × (0.1 + 0.2 + 0.3 + 0.4) = 4.0, mild.
  assert.equal(await value(page, 'easi'), '4.0');
  assert.equal(await band(page, 'easi'), 'mild');
  // The body map is reachable too: a segment slider takes arrows.
  await page.focus('[data-segment-slider="genitals"]');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.getAttribute('[data-segment-slider="genitals"]', 'aria-valuetext'), 'Genitals, 50 % affected');
  await page.keyboard.press('End');
  assert.equal(await page.getAttribute('[data-segment-slider="genitals"]', 'aria-valuenow'), '100');
  // Its keys never move the page: not Space (a slider does not use it), nor an arrow with
  // nothing left to paint.
  // (The page scrolls smoothly: its place is read once it has come to rest.)
  const settled = () => page.evaluate(() => new Promise((resolve) => {
    let last = scrollY;
    const check = () => setTimeout(() => (scrollY === last ? resolve(scrollY) : ((last = scrollY), check())), 300);
    check();
  }));
  const scrolled = await settled();
  for (const key of ['Space', 'ArrowUp', 'PageDown']) await page.keyboard.press(key);
  assert.equal(await settled(), scrolled);
  assert.equal(await page.getAttribute('[data-segment-slider="genitals"]', 'aria-valuenow'), '100');
  await context.close();
});

test('age across 8 and across 2 years changes the weights, from years or from the date of birth', async () => {
  const { page, context } = await openApp(browser, server.url);
  await page.fill('#age', '8');
  // Head and neck only: signs 3 × 4 = 12, area 6.
  await gradeRegion(page, 'head_neck', 6, [6, 6, 6, 6]);
  for (const region of ['Upper limbs', 'Trunk (including genitals)', 'Lower limbs (including buttocks)']) {
    await page.click(`button[aria-label="${region}: Region clear"]`);
  }
  assert.equal(await value(page, 'easi'), '7.2'); // × 0.1 at 8
  await page.fill('#age', '7');
  assert.equal(await value(page, 'easi'), '14.4'); // × 0.2 at 7
  assert.match(await page.textContent('.panel'), /child weights \(age 0–7\).*age 7, entered in years/);
  // Date of birth: the day before the 8th birthday is still 7.
  await page.fill('#exam-date', '2026-03-09');
  await page.fill('#dob', '2018-03-10');
  assert.equal((await page.textContent('[data-testid="age-from-dob"]')).trim(), 'Age at examination: 7 years');
  // Each date is written out in the app's language under its field (the device's picker may
  // show 03/10/2018, day or month first), and describes the field to screen readers.
  assert.equal((await page.textContent('#dob-entered')).trim(), 'Date entered: 10 Mar 2018');
  assert.equal((await page.textContent('#exam-date-entered')).trim(), 'Date entered: 9 Mar 2026');
  assert.equal(await page.getAttribute('#dob', 'aria-describedby'), 'dob-entered');
  assert.equal(await value(page, 'easi'), '14.4');
  await page.fill('#exam-date', '2026-03-10');
  assert.equal(await value(page, 'easi'), '7.2');
  assert.match(await page.textContent('.panel'), /age 8, from date of birth and examination date/);
  // Under 2 the infant figure and weights are used.
  await page.fill('#dob', '2024-06-01');
  assert.equal(await page.locator('text=Under 2 years: infant proportions').count(), 1);
  await context.close();
});

test('two open copies (tabs or windows) show the same examination, so neither saves over the other unseen', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  const other = await context.newPage();
  other.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await other.goto(server.url);
  await other.waitForSelector(EXAM_READY);
  await page.fill('#age', '34');
  await other.waitForFunction(() => document.querySelector('#age').value === '34');
  await tap(other, 'easi-head_neck-erythema-3');
  await page.waitForFunction(() => document.getElementById('easi-head_neck-erythema-3').checked);
  await other.selectOption('#language', 'ko');
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  // Either copy, reloaded, has both entries.
  await reload(page);
  await page.waitForSelector('#age');
  assert.equal(await page.inputValue('#age'), '34');
  assert.equal(await page.isChecked('#easi-head_neck-erythema-3'), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('two open copies: one slow to follow the other\'s writes never writes an older examination back over a newer entry', async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  // A copy busy elsewhere takes a while to follow the other's writes (while window.slow is set).
  await context.addInitScript(() => addEventListener('storage', (event) => {
    if (window.slow && event.key === 'adscore.draft.v1') { const start = performance.now(); while (performance.now() - start < window.slow); }
  }, true));
  const a = await context.newPage();
  await a.goto(server.url);
  await a.waitForSelector(EXAM_READY);
  await a.fill('#age', '30');
  for (const id of ['area-2', 'erythema-2', 'edema_papulation-2', 'excoriation-2', 'lichenification-2']) await a.check(`#easi-head_neck-${id}`, { force: true });
  const b = await context.newPage();
  await b.goto(server.url);
  await b.waitForSelector(EXAM_READY);
  await b.fill('#visit-patient', 'AD-200');
  await a.waitForFunction(() => document.querySelector('#visit-patient').value === 'AD-200');
  // Act: B slow, A grades and types its own code; then B, caught up, adds a label.
  await b.evaluate(() => { window.slow = 250; });
  // Quick entries, as a practised hand makes them (each one written at once).
  for (const id of ['area-3', 'erythema-4', 'edema_papulation-4', 'excoriation-4', 'lichenification-4']) await a.check(`#easi-upper_limbs-${id}`, { force: true });
  await a.fill('#visit-patient', 'AD-100');
  await a.waitForTimeout(300);
  await b.evaluate(() => { window.slow = 0; });
  await b.fill('#visit-label', 'from B');
  await b.waitForTimeout(300);
  // Assert: A's code and grade, and B's label, all kept (B's late copy of A's older examination
  // was written back over A's code: the visit would have been filed under AD-200).
  const stored = JSON.parse(await a.evaluate(() => localStorage.getItem('adscore.draft.v1')));
  assert.deepEqual([stored.visit_patient, stored.visit_label, stored.easi[1].area], ['AD-100', 'from B', 3]);
  await context.close();
});

test('a reload mid-examination keeps every entry', async () => {
  const { page, context } = await openApp(browser, server.url);
  await page.fill('#age', '40');
  await tap(page, 'easi-trunk-area-5');
  await page.fill('#extent-trunk_back', '33.3');
  await page.click('[data-cell="8:3"]');
  await page.fill('#visit-patient', 'AD-017');
  await page.fill('#visit-label', 'week 4');
  await reload(page);
  await page.waitForSelector('#age');
  assert.equal(await page.inputValue('#age'), '40');
  await page.waitForSelector('#visit-patient');
  assert.equal(await page.inputValue('#visit-patient'), 'AD-017');
  assert.equal(await page.inputValue('#visit-label'), 'week 4');
  assert.equal(await page.isChecked('#easi-trunk-area-5'), true);
  assert.equal(await page.inputValue('#extent-trunk_back'), '33.3');
  assert.match(await page.getAttribute('[data-cell="8:3"]', 'class'), /map__cell--painted/);
  await context.close();
});

test('an examination date after today is said at the field, which is marked invalid, until corrected', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  await page.fill('#exam-date', iso(tomorrow));
  assert.equal((await page.textContent('#exam-date-error')).trim(), 'The examination date is after today: the scores use the age on that date, and the visit is not saved until the date is corrected.');
  assert.equal(await page.getAttribute('#exam-date', 'aria-invalid'), 'true');
  await page.fill('#exam-date', iso(new Date()));
  assert.equal(await page.locator('#exam-date-error').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('correcting one part of the examination date keeps the others (not today\'s date)', async () => {
  // Assemble: an examination dated 1 March 2024 (the device writes dates month first).
  const { page, context, problems } = await openApp(browser, server.url);
  const draftDate = () => page.evaluate(() => JSON.parse(localStorage.getItem('adscore.draft.v1')).exam_date);
  await page.fill('#exam-date', '2024-03-01');
  // Act: the month cleared, then typed again, with the keyboard.
  await page.focus('#exam-date');
  await page.keyboard.press('Backspace');
  // Assert: while the date is not whole it is empty (not today), then it is the date typed.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('adscore.draft.v1')).exam_date === '');
  await page.keyboard.type('02');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('adscore.draft.v1')).exam_date !== '');
  assert.equal(await draftDate(), '2024-02-01');
  assert.equal(await page.inputValue('#exam-date'), '2024-02-01');
  await reload(page);
  await page.waitForSelector('#exam-date');
  assert.equal(await page.inputValue('#exam-date'), '2024-02-01');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const viewport of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }, { width: 390, height: 844 }]) {
  test(`at ${viewport.width}×${viewport.height} the scores are on screen and clear of the entry`, async () => {
    const { page, context } = await openApp(browser, server.url, viewport);
    const summary = await page.locator('.panel__summary').boundingBox();
    assert.ok(summary.y >= 0 && summary.y + summary.height <= viewport.height, 'score summary within the viewport');
    assert.ok(summary.x >= 0 && summary.x + summary.width <= viewport.width, 'score summary not cut off sideways');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= viewport.width, `no sideways scrolling (page is ${width}px wide)`);
    // The body map and the scores are both visible at once and do not overlap.
    await page.evaluate(() => document.querySelector('.map').scrollIntoView({ block: 'start', behavior: 'instant' }));
    const map = await page.locator('.map').boundingBox();
    const scores = await page.locator('.panel__summary').boundingBox();
    assert.ok(map.y < viewport.height && map.y + map.height > 0, 'map on screen');
    assert.ok(scores.y >= 0 && scores.y + scores.height <= viewport.height, 'scores on screen with the map');
    const overlap = !(map.x + map.width <= scores.x || scores.x + scores.width <= map.x
      || map.y + map.height <= scores.y || scores.y + scores.height <= map.y);
    if (viewport.width > 900) assert.ok(!overlap, 'map and scores side by side');
    await page.screenshot({ path: new URL(`./artifacts/check-${viewport.width}x${viewport.height}.png`, import.meta.url).pathname });
    if (viewport.width > 900) {
      // Side by side: the panel starts right of the entry column.
      const entries = await page.locator('.entries').boundingBox();
      const panel = await page.locator('.panel').boundingBox();
      assert.ok(panel.x >= entries.x + entries.width, 'panel beside, not over, the entries');
    } else {
      // Bottom sheet: the last entry can still be scrolled clear of it.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const footer = await page.locator('.footer').boundingBox();
      const panel = await page.locator('.panel').boundingBox();
      assert.ok(footer.y + footer.height <= panel.y + 1, 'end of the page scrolls above the bottom sheet');
    }
    // Every radio option is at least 44 px in both directions.
    const small = await page.$$eval('.picker__option', (els) => els
      .map((e) => e.getBoundingClientRect()).filter((r) => r.width < 44 || r.height < 44).length);
    assert.equal(small, 0, 'touch targets ≥ 44 px');
    // So is each "still needed" link of the score sheet, where laid out (a fresh examination has them).
    const links = await page.$$eval('.needed a', (els) => els.map((e) => e.getBoundingClientRect().height).filter((h) => h > 0));
    if (viewport.width > 900) assert.ok(links.length > 0, 'the still-needed links are shown beside the entries');
    assert.deepEqual(links.filter((h) => h < 44), [], '"still needed" links ≥ 44 px tall');
    await context.close();
  });
}

test('a saved examination with an answer no scale has (POEM 9) is kept aside unchanged, not read as unanswered and scored', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  // Assemble: the draft as the app writes it, with a POEM of six answers 2 and one 9 (read as
  // a blank, the POEM would be scored 12 with that item as 0).
  await page.fill('#age', '30');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('adscore.draft.v1') ?? '{}').age === '30');
  const damaged = await page.evaluate(() => {
    const draft = JSON.parse(localStorage.getItem('adscore.draft.v1'));
    draft.patient.poem = [9, 2, 2, 2, 2, 2, 2];
    const text = JSON.stringify(draft);
    localStorage.setItem('adscore.draft.v1', text);
    return text;
  });
  // Act
  await reload(page);
  await page.waitForSelector(EXAM_READY);
  // Assert: said, kept unchanged under the key it names, and no POEM score made up.
  const alert = await page.textContent('[role=alert]');
  const key = alert.match(/under “([^”]+)”/)?.[1];
  assert.ok(key, alert);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), damaged);
  assert.equal(await page.inputValue('#age'), '', 'a new examination');
  assert.doesNotMatch(await page.textContent('.panel'), /POEM[^\n]*12/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unreadable examination the browser has no room to copy aside is held, offered as a file, and deleted only when asked', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  // The saved examination is damaged and the origin's storage is full to the last character.
  const damaged = `{"age":"3${'x'.repeat(2000)}`;
  await page.evaluate((text) => {
    localStorage.clear();
    localStorage.setItem('adscore.draft.v1', text);
    for (let size = 1 << 20, i = 0; size >= 1; i += 1) {
      try { localStorage.setItem(`filler.${i}`, 'y'.repeat(size)); } catch { size = Math.floor(size / 2); }
    }
  }, damaged);
  await reload(page);
  await page.waitForSelector('#held-download');
  assert.match(await page.textContent('[role=alert]'), /could not be read.*too full/);
  assert.equal(await page.locator('#age').count(), 0, 'no examination to type into while it is held');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#held-download')]);
  assert.equal(await readFile(await file.path(), 'utf8'), damaged);
  // Declining the confirmation keeps it, held and stored.
  page.once('dialog', (d) => d.dismiss());
  await page.click('#held-delete');
  assert.equal(await page.evaluate(() => localStorage.getItem('adscore.draft.v1')), damaged);
  await reload(page);
  await page.waitForSelector('#held-download');
  // Confirmed: deleted, and a new examination starts and is saved in its place.
  page.once('dialog', (d) => d.accept());
  await page.click('#held-delete');
  await page.waitForSelector(EXAM_READY);
  await page.fill('#age', '34');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('adscore.draft.v1') ?? '{}').age === '34');
  assert.deepEqual(problems, []);
  await context.close();
});

test('each entry still needed is a link to where it is entered; on a phone the details close and it is in view', async () => {
  const { page, context, problems } = await openApp(browser, server.url, { width: 390, height: 844 });
  await page.fill('#age', '34');
  await page.click('.panel__toggle');
  // Every item links to an element of the examination.
  const targets = await page.$$eval('.needed li a', (links) => links.map((a) => [a.getAttribute('href'), !!document.querySelector(a.getAttribute('href'))]));
  assert.ok(targets.length > 10, `${targets.length} items`);
  assert.deepEqual(targets.filter(([, found]) => !found), []);
  // SCORAD's dryness grade, followed: the details close, its grades above the sheet.
  const dryness = page.locator('.needed li a[href="#scorad-sign-dryness"]').first();
  await dryness.click();
  assert.equal(await page.getAttribute('.panel__toggle', 'aria-expanded'), 'false');
  await page.waitForFunction(() => {
    const box = document.querySelector('#scorad-sign-dryness').getBoundingClientRect();
    return box.top >= 0 && box.top < document.querySelector('.panel').getBoundingClientRect().top;
  });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a painted map not yet confirmed says, where the missing entries are listed, how to use it', async () => {
  const { page, context, problems } = await openApp(browser, server.url, { width: 390, height: 844 });
  await page.fill('#age', '34');
  await page.click('.panel__toggle');
  assert.equal(await page.locator('[data-testid="map-waiting"]').count(), 0, 'nothing painted, nothing said');
  await page.locator('[data-cell="6:0"]').scrollIntoViewIfNeeded();
  await page.click('[data-cell="6:0"]');
  assert.match(await page.textContent('[data-testid="map-waiting"]'), /painted but not used yet.*Whole skin examined/);
  assert.equal(await page.getAttribute('[data-testid="map-waiting"] a', 'href'), '#map-examined');
  await page.click('[data-testid="map-waiting"] a');
  assert.equal(await page.getAttribute('.panel__toggle', 'aria-expanded'), 'false', 'the details close, the map is in view');
  await page.waitForFunction(() => {
    const box = document.querySelector('#map-examined').getBoundingClientRect();
    return box.top >= 0 && box.bottom <= document.querySelector('.panel').getBoundingClientRect().top;
  });
  await page.check('#map input[type=checkbox]');
  assert.equal(await page.locator('[data-testid="map-waiting"]').count(), 0, 'confirmed: the map is used');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the examination\'s section links scroll to their section (a new screen still starts at the top)', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  for (const id of ['scorad', 'easi', 'map']) {
    await page.click(`.top__nav a[href="#${id}"]`);
    await page.waitForFunction((s) => Math.abs(document.getElementById(s).getBoundingClientRect().top) < 2, id);
  }
  await page.click('.top__nav a[href="#scorad"]');
  await page.waitForFunction(() => scrollY > 1000);
  await page.evaluate(() => { window.location.hash = 'history'; });
  await page.waitForSelector('#export-json');
  assert.equal(await page.evaluate(() => scrollY), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard focus is never hidden under the score sheet of a portrait tablet or a phone', async () => {
  for (const viewport of [{ width: 768, height: 1024 }, { width: 390, height: 844 }]) {
    const { page, context } = await openApp(browser, server.url, viewport);
    await page.focus('#age');
    const hidden = [];
    for (let i = 0; i < 70; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement;
        const sheet = document.querySelector('.panel');
        // Past the last control the focus leaves the page (the body): nothing to be hidden.
        if (!el || el === document.body || sheet.contains(el)) return null;
        const box = (el.closest('label') ?? el).getBoundingClientRect();
        return box.bottom > sheet.getBoundingClientRect().top + 1 ? el.id || el.outerHTML.slice(0, 60) : null;
      });
      if (where) hidden.push(where);
    }
    assert.deepEqual(hidden, [], `${viewport.width}×${viewport.height}`);
    await context.close();
  }
});

test('a finger on a grade half under the score sheet selects it: the page does not scroll it away under the finger', async () => {
  for (const viewport of [{ width: 768, height: 1024 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ viewport, hasTouch: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector(EXAM_READY);
    for (const [id, via] of [['easi-trunk-erythema-3', 'touch'], ['scorad-dryness-2', 'mouse']]) {
      // The grade's lower half under the sheet's top edge; the press on its upper half, in view.
      const box = () => page.evaluate((id) => {
        const grade = document.querySelector(`label[for="${id}"]`).getBoundingClientRect();
        return { top: grade.top, bottom: grade.bottom, x: grade.left + grade.width / 2, sheet: document.querySelector('.panel').getBoundingClientRect().top };
      }, id);
      const before = await box();
      await page.evaluate((by) => window.scrollBy({ top: by, behavior: 'instant' }), (before.top + before.bottom) / 2 - before.sheet);
      const at = await box();
      assert.ok(at.top < at.sheet && at.bottom > at.sheet, `${id} straddles the sheet: ${JSON.stringify(at)}`);
      // Just above the sheet's edge: the visible part's lower end, where a thumb reaching up lands.
      const y = at.sheet - 4;
      if (via === 'touch') await page.touchscreen.tap(at.x, y); else await page.mouse.click(at.x, y);
      assert.equal(await page.isChecked(`#${id}`), true, `${viewport.width}×${viewport.height}, ${via}: ${id}`);
    }
    await context.close();
  }
});

test('on a portrait tablet the score sheet shows each band beside its value, not against the next score', async () => {
  const { page, context, problems } = await openApp(browser, server.url, { width: 768, height: 1024 });
  await page.fill('#age', '34');
  for (const region of ['Upper limbs', 'Trunk (including genitals)', 'Lower limbs (including buttocks)']) {
    await page.click(`button[aria-label="${region}: Region clear"]`);
  }
  for (const id of ['area-2', 'erythema-3', 'edema_papulation-2', 'excoriation-0', 'lichenification-4']) {
    await page.click(`label[for="easi-head_neck-${id}"]`);
  }
  const [value, band, next] = await page.evaluate(() => ['[data-testid="easi-value"]', '[data-testid="easi-band"]', '[data-testid="objective-scorad"]']
    .map((s) => document.querySelector(s).getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })));
  assert.ok(band.left - value.right < 16, `band ${band.left - value.right} px after the value`);
  assert.ok(next.left - band.right > 24, `band ${next.left - band.right} px before the next score`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an age not accepted marks its field invalid, and the date of birth when the age comes from the dates', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await page.fill('#age', '200');
  assert.equal(await page.getAttribute('#age', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#age-error'), /whole number of years/);
  assert.match(await page.getAttribute('#age', 'aria-describedby'), /\bage-error\b/);
  await page.fill('#age', '34');
  assert.equal(await page.getAttribute('#age', 'aria-invalid'), 'false');
  // Born after the examination: the date of birth is marked, and described by the reason.
  await page.fill('#exam-date', '2026-01-10');
  await page.fill('#dob', '2026-06-01');
  await page.waitForSelector('#age-error[role=alert]');
  assert.equal(await page.getAttribute('#dob', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#dob', 'aria-describedby'), /\bage-error\b/);
  await page.fill('#dob', '2000-06-01');
  assert.equal(await page.getAttribute('#dob', 'aria-invalid'), 'false');
  assert.equal(await page.locator('#age-error').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a blank examination from an earlier day takes today\'s date (reopened, or the tablet woken); one with entries keeps its own', async () => {
  // Assemble: adscore opened on 9 March and left blank.
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const first = await context.newPage();
  await first.clock.install({ time: new Date('2026-03-09T18:00:00') });
  await first.goto(server.url);
  await first.waitForSelector(EXAM_READY);
  assert.equal(await first.inputValue('#exam-date'), '2026-03-09');
  await first.close();
  // Act / Assert: reopened on the 10th, it is the 10th's examination.
  const page = await context.newPage();
  await page.clock.install({ time: new Date('2026-03-10T08:30:00') });
  await page.goto(server.url);
  await page.waitForSelector(EXAM_READY);
  assert.equal(await page.inputValue('#exam-date'), '2026-03-10');
  // Left open until the 11th, then shown again: still blank, so the 11th's.
  await page.clock.setSystemTime(new Date('2026-03-11T08:00:00'));
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await page.waitForFunction(() => document.querySelector('#exam-date').value === '2026-03-11');
  // With an age entered, the next day changes nothing: the date is the examination's.
  await page.fill('#age', '30');
  await page.clock.setSystemTime(new Date('2026-03-12T08:00:00'));
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await page.reload();
  await page.waitForSelector(EXAM_READY);
  assert.equal(await page.inputValue('#exam-date'), '2026-03-11');
  assert.equal(await page.inputValue('#age'), '30');
  await context.close();
});

test('a blank examination handed to the patient keeps the answers given when the day changes under the patient\'s flow', async () => {
  // Assemble: a blank examination at 23:50, handed over; the patient answers the itch (7).
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.clock.install({ time: new Date('2026-03-09T23:50:00') });
  await page.goto(server.url);
  await page.waitForSelector(EXAM_READY);
  await page.click('#hand-to-patient');
  await page.click('label[for="who-0"]');
  await page.click('#flow-next');
  await page.click('label[for="itch-7"]');
  await page.click('#flow-next');
  // Act: past midnight, the tablet woken (the window focused again).
  await page.clock.setSystemTime(new Date('2026-03-10T00:05:00'));
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  while (await page.getAttribute('.flow__body', 'data-step') !== 'Done') await page.click('#flow-next');
  await page.click('#flow-finish');
  await page.waitForSelector(EXAM_READY);
  // Assert: the itch is in the examination, given by the patient, which keeps the day it began.
  await page.waitForFunction(() => document.querySelector('[data-testid="itch-nrs"] strong')?.textContent.includes('7'));
  const draft = JSON.parse(await page.evaluate(() => localStorage.getItem('adscore.draft.v1')));
  assert.deepEqual([draft.patient.itch, draft.patient.proxy], [7, false]);
  assert.equal(await page.inputValue('#exam-date'), '2026-03-09');
  await context.close();
});

test('the body map paints with one finger or the main button: a finger\'s stroke ends at its figure\'s edge, a second finger or a right click changes nothing', async () => {
  // Assemble: a touch tablet, driven finger by finger through the DevTools protocol.
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector(EXAM_READY);
  await page.fill('#age', '30');
  await page.locator('[data-cell="6:0"]').scrollIntoViewIfNeeded();
  const cdp = await context.newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  const centre = async (cell) => { const b = await page.locator(`[data-cell="${cell}"]`).boundingBox(); return [b.x + b.width / 2, b.y + b.height / 2]; };
  const painted = () => page.evaluate(() => [...document.querySelectorAll('.map__cell--painted')].map((c) => c.dataset.cell).join(' '));
  const onBack = () => page.evaluate(() => document.querySelectorAll('.map__svg')[1].querySelectorAll('.map__cell--painted').length);
  // Act: a finger drags from the front trunk across to the back figure's trunk.
  const [from, to] = [await centre('6:4'), await centre('7:5')];
  await touch('touchStart', [from]);
  for (let i = 1; i <= 30; i++) await touch('touchMove', [[from[0] + (to[0] - from[0]) * i / 30, from[1] + (to[1] - from[1]) * i / 30]]);
  await touch('touchEnd', []);
  // Assert: painted on the front figure up to its edge, nothing on the back one.
  await page.waitForFunction(() => document.querySelectorAll('.map__cell--painted').length > 0);
  assert.equal(await onBack(), 0, await painted());
  page.once('dialog', (d) => d.accept());
  await page.click('#map-clear');
  await page.waitForFunction(() => document.querySelectorAll('.map__cell--painted').length === 0);
  // A thumb resting on a painted square while another finger touches elsewhere: the second
  // finger paints nothing; the thumb's tap then clears its square, as one finger's does.
  const [thumb, other] = [await centre('6:0'), await centre('6:9')];
  await touch('touchStart', [thumb]);
  await touch('touchEnd', []);
  await page.waitForFunction(() => document.querySelector('[data-cell="6:0"]').classList.contains('map__cell--painted'));
  await touch('touchStart', [thumb]);
  await touch('touchStart', [thumb, other]);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.equal(await painted(), '6:0', 'the second finger paints nothing');
  await touch('touchEnd', []);
  await page.waitForFunction(() => document.querySelectorAll('.map__cell--painted').length === 0);
  // A right click (the browser's menu) or a middle click paints nothing.
  await page.click('[data-cell="6:10"]', { button: 'right' });
  await page.click('[data-cell="6:11"]', { button: 'middle' });
  assert.equal(await painted(), '');
  await context.close();
});

test('a tablet\'s finger paints every square of a rounded part: one aimed at a corner square the rounding cuts off paints it', async () => {
  // Assemble: a portrait tablet by touch; the front head's squares whose middle is outside the
  // rounded outline (what lies there is not the square).
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector(EXAM_READY);
  await page.fill('#age', '30');
  await page.locator('[data-cell="0:0"]').scrollIntoViewIfNeeded();
  // A point of each square's box where what lies is not the square (the outline over it, or
  // the cut corner beside the rounding): its middle, else a point near one of its corners.
  const cut = await page.$$eval('[data-cell^="0:"]', (cells) => cells.map((cell) => {
    const b = cell.getBoundingClientRect();
    const probes = [[0.5, 0.5], [0.15, 0.15], [0.85, 0.15], [0.15, 0.85], [0.85, 0.85]].map(([u, v]) => [b.x + u * b.width, b.y + v * b.height]);
    const off = probes.find(([x, y]) => document.elementFromPoint(x, y) !== cell);
    return off && [cell.dataset.cell, off];
  }).filter(Boolean));
  assert.ok(cut.length > 0, 'the head has corner squares cut by its outline');
  // Act: a finger on that point of each.
  for (const [, [x, y]] of cut) await page.touchscreen.tap(x, y);
  // Assert: each is painted.
  await page.waitForFunction((n) => document.querySelectorAll('[data-cell^="0:"].map__cell--painted').length === n, cut.length);
  await context.close();
});

test('EASI "Region clear" asks before it erases the region\'s squares on the body map (SCORAD\'s areas come from them too)', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await page.fill('#age', '30');
  const back = () => page.textContent('[data-region="lower_limbs"] span');
  for (const cell of ['7:16', '7:17']) await page.click(`[data-cell="${cell}"]`);
  const painted = () => page.locator('.map__cell--painted').count();
  // Declined: nothing changes, neither the map nor the EASI region.
  const asked = [];
  page.once('dialog', (d) => { asked.push(d.message()); return d.dismiss(); });
  await page.click('button[aria-label="Lower limbs (including buttocks): Region clear"]');
  assert.deepEqual(asked, ['“Region clear” also erases the squares painted on Lower limbs (including buttocks) in the body map, and with them SCORAD\'s areas there. Clear Lower limbs (including buttocks)?']);
  assert.equal(await painted(), 2);
  assert.equal(await page.isChecked('#easi-lower_limbs-area-0'), false);
  // Agreed: cleared, squares and all.
  page.once('dialog', (d) => d.accept());
  await page.click('button[aria-label="Lower limbs (including buttocks): Region clear"]');
  await page.waitForFunction(() => document.querySelectorAll('.map__cell--painted').length === 0);
  assert.equal(await page.isChecked('#easi-lower_limbs-area-0'), true);
  // A region with nothing painted is cleared at once, nothing asked.
  await page.click('button[aria-label="Head and neck: Region clear"]');
  assert.equal(await page.isChecked('#easi-head_neck-area-0'), true);
  assert.equal(asked.length, 1);
  assert.match(await back(), /Lower limbs/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Erase map" asks before erasing a painted map', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  const painted = () => page.locator('.map__cell--painted').count();
  for (const cell of ['6:0', '6:1']) await page.click(`[data-cell="${cell}"]`);
  page.once('dialog', (d) => d.dismiss());
  await page.click('#map-clear');
  assert.equal(await painted(), 2, 'declined: the map stays');
  page.once('dialog', (d) => d.accept());
  await page.click('#map-clear');
  await page.waitForFunction(() => document.querySelectorAll('.map__cell--painted').length === 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"Larger map" shows each figure as tall as a landscape tablet\'s screen, with larger squares that still paint', async () => {
  // Assemble: a landscape tablet (openApp's 1024×768).
  const { page, context, problems } = await openApp(browser, server.url);
  const size = async (cell) => page.$eval(`[data-cell="${cell}"]`, (el) => { const r = el.getBoundingClientRect(); return [r.width, r.height]; });
  const [w0, h0] = await size('6:0');
  assert.equal(await page.getAttribute('#map-larger', 'aria-pressed'), 'false');
  // Act
  await page.click('#map-larger');
  // Assert: pressed; each square half as large again or more; the front figure fits the screen's height.
  assert.equal(await page.getAttribute('#map-larger', 'aria-pressed'), 'true');
  const [w1, h1] = await size('6:0');
  assert.ok(w1 >= 1.4 * w0 && h1 >= 1.4 * h0, `${w0}×${h0} → ${w1}×${h1}`);
  const front = await page.$eval('.map__svg', (svg) => svg.getBoundingClientRect().height);
  assert.ok(front <= 768 && front >= 700, `front figure ${front} px tall`);
  // A tap paints as before; pressed again, the map is as it was.
  await page.click('[data-cell="6:0"]');
  assert.equal(await page.locator('.map__cell--painted').count(), 1);
  await page.click('#map-larger');
  assert.deepEqual(await size('6:0'), [w0, h0]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the page\'s language is written only when it changes (writing it restyles every element)', async () => {
  // Assemble: every write of <html lang> is counted from the start of the page.
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.langWrites = [];
    new MutationObserver((records) => { for (const r of records) window.langWrites.push(r.target.getAttribute('lang')); })
      .observe(document, { attributes: true, attributeFilter: ['lang'], subtree: true });
  });
  // Act: an English examination is drawn, then Korean is chosen.
  await page.goto(server.url);
  await page.waitForSelector(EXAM_READY);
  const atStart = await page.evaluate(() => [...window.langWrites]);
  await page.selectOption('#language', 'ko');
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  // Assert: none for English (the page says "en" already), one for Korean.
  assert.deepEqual(atStart, []);
  assert.deepEqual(await page.evaluate(() => window.langWrites), ['ko']);
  await context.close();
});
