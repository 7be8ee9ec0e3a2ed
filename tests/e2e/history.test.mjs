// End-to-end: visits over time — save visits, reload, see the trend and responders, the
// cohort, export and re-import into an empty profile with identical data, the worksheet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDist, launchBrowser, openApp, reload, putHistory, topOf, handOver, EXAM_READY } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const tap = (page, id) => page.click(`label[for="${id}"]`);

/** An adult EASI with every region at `area` and every sign 1: 4 × area × (0.1+0.2+0.3+0.4) = 4 × area. */
async function easiVisit(page, date, area, label, code = 'AD-017') {
  await page.fill('#exam-date', date);
  await page.fill('#age', '34');
  for (const region of ['head_neck', 'upper_limbs', 'trunk', 'lower_limbs']) {
    await tap(page, `easi-${region}-area-${area}`);
    for (const sign of ['erythema', 'edema_papulation', 'excoriation', 'lichenification']) await tap(page, `easi-${region}-${sign}-2`);
  }
  await page.fill('#visit-patient', code);
  await page.fill('#visit-label', label);
  await page.click('#save-visit');
  await page.waitForSelector('.ok[role=status]');
}

/** Answers the confirm questions matching `pattern` with `next` (changeable later); every other
 * dialog is accepted ("New examination" loses nothing in the tests using it). What they asked is
 * in `asked`. */
function answerConfirms(page, pattern, next) {
  const confirms = { asked: [], next };
  page.on('dialog', (dialog) => {
    if (dialog.type() === 'confirm' && pattern.test(dialog.message())) {
      confirms.asked.push(dialog.message());
      return confirms.next ? dialog.accept() : dialog.dismiss();
    }
    return dialog.accept();
  });
  return confirms;
}

/** From now on the device's store refuses every write of the history (each write's transaction
 * ends without writing, as when the store is full), until `window.refuseWrites` is set false. */
function refuseHistoryWrites(page) {
  return page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    window.refuseWrites = true;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.refuseWrites) {
        if (!this.transaction.error && !this.transaction.aborting) { this.transaction.aborting = true; this.transaction.abort(); }
        return undefined;
      }
      return put.apply(this, args);
    };
  });
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return readFile(await file.path(), 'utf8');
}

test('visits are saved, survive a reload, show change, responders, trend and cohort, and round-trip through export and import', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  page.on('dialog', (dialog) => dialog.accept());
  await easiVisit(page, '2026-01-05', 2, 'baseline'); // EASI 8.0
  await page.click('text=New examination');
  await easiVisit(page, '2026-02-02', 1, 'week 4'); // EASI 4.0: −4.0, −50.0 % → EASI-50
  await reload(page);
  await page.waitForSelector('#age');
  await page.click('#open-history');
  await page.waitForSelector('text=Patients on this device');
  assert.match(await page.textContent('table'), /AD-017\s*2\s*2 Feb 2026/);
  await page.click('a[href="#patient/AD-017"]');
  await page.waitForSelector('[data-testid="visits"]');
  const rows = await page.$$eval('[data-testid="visits"] tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.equal(rows.length, 2);
  // Each visit's worksheet link sits under its date (no last column a phone pushes out of sight).
  assert.match(rows[0], /5 Jan 2026 · baseline\s*Worksheet\s*8\.0/);
  assert.match(rows[1], /2 Feb 2026 · week 4\s*Worksheet\s*4\.0\s*−4\.0 \(−50\.0\u00a0%\)\s*EASI-50/);
  assert.doesNotMatch(rows[1], /EASI-75/);
  // With week 4 chosen as the baseline, the visit before it is not compared with it: no change,
  // no responder badge (and week 4 itself, the baseline, has none either).
  await page.selectOption('#baseline', { index: 1 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="visits"] .change'));
  const againstWeek4 = await page.$$eval('[data-testid="visits"] tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.match(againstWeek4[0], /5 Jan 2026 · baseline\s*Worksheet\s*8\.0\s*$/);
  await page.selectOption('#baseline', { index: 0 });
  await page.waitForSelector('[data-testid="visits"] .change');
  assert.match(await page.getAttribute('.chart svg', 'aria-label'), /EASI: 5 Jan 2026 8\.0, 2 Feb 2026 4\.0/);
  // The chart's scale is page text in its caption (it grows with the text size; the drawing does not).
  // EASI's chart ends at the top of the highest value's band (moderate: 21), so 8.0 → 4.0 is
  // not flattened into the bottom of 0–72: the two points are over a sixth of the plot apart
  // (4/21 of it; 4/72 was 7 of its 124 units).
  assert.equal((await page.textContent('.chart figcaption')).trim(), 'EASI 0–21');
  const cy = await page.$$eval('.chart .chart__point', (ps) => ps.map((p) => Number(p.getAttribute('cy'))));
  assert.ok(cy[1] - cy[0] > 124 / 6, `8.0 and 4.0 drawn ${cy[1] - cy[0]} apart of a plot 124 high`);
  // The chart's bands are the scores' own (read from src/scoring), each keyed by its band, up to
  // its top; the point of EASI 8.0 lies in the moderate stripe (7.0 would be mild).
  const stripes = await page.$eval('.chart', (chart) => [...chart.querySelectorAll('svg .chart__band')]
    .map((r) => r.getAttribute('class').split('--')[1]));
  // EASI's "clear" is 0 alone: no stripe of its own (a hairline), so not in the legend either.
  assert.deepEqual(stripes, ['almost_clear', 'mild', 'moderate']);
  assert.ok(await page.$eval('.chart', (chart) => {
    const point = chart.querySelector('.chart__point').getBBox();
    const stripe = chart.querySelector('.chart__band--moderate').getBBox();
    const y = point.y + point.height / 2;
    return y > stripe.y && y < stripe.y + stripe.height;
  }), 'EASI 8.0 drawn in the moderate band');
  // The cohort: week 4 against baseline.
  await page.click('a[href="#history"]');
  await page.selectOption('#cohort-visit', 'week 4');
  assert.equal((await page.textContent('[data-testid="cohort-easi50"]')).trim(), '1 of 1 (100\u00a0%)');
  assert.equal((await page.textContent('[data-testid="cohort-easi75"]')).trim(), '0 of 1 (0\u00a0%)');
  // Who is counted, and that no one missing is counted as a non-responder.
  assert.match(await page.textContent('[data-testid="cohort-counted"]'),
    /^Counted: the 1 of 1 patient with a baseline and this visit after it;.* out of the 1 of them with EASI at both visits and a baseline EASI above 0 \(0 more with a baseline EASI of 0: .*\); itch −4 out of the 0 with itch .* not counted as a non-responder\.$/);
  assert.equal(await page.locator('[data-testid="cohort-status"], [data-testid="cohort-effect"]').count(), 0, 'no ratings given: no tables of them');
  // Export, then import into an empty profile: identical data.
  const exported = await download(page, '#export-json');
  assert.equal(JSON.parse(exported).visits.length, 2);
  const csv = await download(page, '#export-excel');
  assert.ok(csv.startsWith('\uFEFF'), 'Excel CSV starts with a BOM');
  const fresh = await openApp(browser, server.url);
  await fresh.page.goto(`${server.url}#history`);
  await fresh.page.waitForSelector('#import-json');
  await fresh.page.setInputFiles('#import-json', { name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await fresh.page.waitForSelector('[data-testid="import-plan"]');
  assert.match(await fresh.page.textContent('[data-testid="import-plan"]'), /adds 1 patient and 2 visits/);
  await fresh.page.click('#import-apply');
  // The imported history's cohort at once, at its default visit (week 4): the visit shown and the
  // figures under it agree (they were computed for no visit: 0 of 1, nothing applicable).
  await fresh.page.waitForFunction(() => document.querySelector('#cohort-visit').value === 'week 4');
  assert.equal((await fresh.page.textContent('[data-testid="cohort-easi50"]')).trim(), '1 of 1 (100\u00a0%)');
  const reexported = await download(fresh.page, '#export-json');
  assert.deepEqual(JSON.parse(reexported), JSON.parse(exported));
  // Importing the same file again adds nothing.
  await fresh.page.setInputFiles('#import-json', { name: 'history.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  assert.match(await fresh.page.textContent('[data-testid="import-plan"]'), /adds 0 patients and 0 visits; 2 assessments are already here; 0 differ/);
  await fresh.page.click('text=Cancel');
  // A file that changes a stored detail: shown first, applied only when asked.
  const edited = JSON.parse(exported);
  edited.visits[1].label = 'week four';
  await fresh.page.setInputFiles('#import-json', { name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
  assert.match(await fresh.page.textContent('[data-testid="import-plan"]'), /1 differs/);
  assert.match(await fresh.page.textContent('[data-testid="import-plan"]'), /Visit label: week 4 → week four/);
  await fresh.page.click('#import-apply'); // add what is new only: the label stays
  assert.equal(JSON.parse(await download(fresh.page, '#export-json')).visits[1].label, 'week 4');
  await fresh.page.setInputFiles('#import-json', { name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
  await fresh.page.click('#import-overwrite');
  assert.equal(await fresh.page.textContent('p.ok[role=status]'), 'Imported: 0 new visits; the 1 differing entry listed was replaced.');
  assert.equal(JSON.parse(await download(fresh.page, '#export-json')).visits[1].label, 'week four');
  // A broken file changes nothing and says why.
  const before = await download(fresh.page, '#export-json');
  await fresh.page.setInputFiles('#import-json', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(exported.slice(0, 80)) });
  assert.match(await fresh.page.textContent('[role=alert]'), /could not be used, and nothing was changed: the file ends too early \(line \d+, column \d+\): it is probably cut short/);
  assert.deepEqual(JSON.parse(await download(fresh.page, '#export-json')), JSON.parse(before));
  await fresh.context.close();
  // The printable worksheet of the second visit, from the link under its date.
  const id = JSON.parse(exported).visits[1].id;
  await page.goto(`${server.url}#patient/AD-017`);
  await page.click('[data-testid="visits"] tbody tr:nth-child(2) th a');
  await page.waitForSelector('.worksheet');
  assert.equal(new URL(page.url()).hash, `#print/${encodeURIComponent(id)}`);
  assert.match(await page.textContent('.worksheet'), /Worksheet — AD-017, 2 Feb 2026/);
  assert.match(await page.textContent('.worksheet'), /Head and neck\s*1\s*1\s*1\s*1\s*1\s*0\.4/);
  assert.equal(await page.textContent('#print'), 'Print', 'the worksheet\'s button prints it');
  // The item-by-item rows are named as such, and say when there is nothing to list.
  assert.match(await page.textContent('.worksheet'), /POEM, item by item\s*not answered\s*DLQI, item by item\s*not answered/);
  // A clinician's score the visit lacks is "not recorded", a questionnaire "not answered".
  assert.match(await page.textContent('.worksheet__scores'), /SCORAD\s*not recorded\s*POEM\s*not answered/);
  // The visit's label leads the line under the heading; the age that chose the weights follows.
  assert.match(await page.textContent('.worksheet h1 + p'), /^week 4 · EASI: /);
  assert.equal(await page.textContent('[data-testid="worksheet-age"]'), 'Age at examination: 34 years');
  // Its scores are exact, and it says so; the DLQI's copyright line only where DLQI answers are.
  assert.match(await page.textContent('.worksheet'), /Scores are written here exactly as computed, every digit kept \(7\.05, 8\); the other screens round them to one decimal \(7\.1, 8\.0\), except a score just under a band's edge, shown exactly there too/);
  assert.equal(await page.locator('.worksheet [data-testid="dlqi-notice"], .worksheet .notice').count(), 0);
  assert.equal(await page.locator('[data-testid="answered-by"]').count(), 0, 'no questionnaire: no one named as answering');
  assert.deepEqual(problems, []);
  await context.close();
});

/** History files that break a rule of the history: a patient twice; a visit's date not YYYY-MM-DD. */
const TWICE = '{"format": "adscore-history", "version": 1, "patients": [{"code": "AD-017"}, {"code": "AD-017"}], "visits": []}';
const BAD_DATE = JSON.stringify({ format: 'adscore-history', version: 1, patients: [{ code: 'AD-017' }],
  visits: [{ id: 'v1', patient: 'AD-017', date: '07/02/2026', assessments: [], app_version: '0.1.0' }] });

// From the history screens: back to the examination, its language picker set to Korean, then
// the history screens again.
async function historyInKorean(page) {
  await page.evaluate(() => { window.location.hash = ''; });
  await page.waitForSelector(EXAM_READY);
  await page.selectOption('#language', 'ko');
  await page.waitForSelector('html[lang="ko"]');
  await page.click('#open-history');
  await page.waitForSelector('#export-json');
}

test('an import says when a new code only looks like a patient on the device, and a patient\'s changed date of birth has no empty date', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await putHistory(page, JSON.stringify({ format: 'adscore-history', version: 1, patients: [{ code: 'AD-017', dob: '1990-01-01' }], visits: [] }));
  await page.click('#open-history');
  await page.waitForSelector('#export-json');
  const file = JSON.stringify({ format: 'adscore-history', version: 1, patients: [{ code: 'AD-017', dob: '1991-05-05' }, { code: 'ＡＤ－０１７' }], visits: [] });
  await page.setInputFiles('#import-json', { name: 'f.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.waitForSelector('[data-testid="import-plan"]');
  assert.match(await page.textContent('[data-testid="import-similar"]'), /^ＡＤ－０１７ in the file looks like AD-017 on this device but is not the same code/);
  assert.match(await page.textContent('[data-testid="import-plan"] li'), /^AD-017 · Date of birth: /);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a file that cannot be imported is refused in the chosen language, saying what is wrong with it', async () => {
  const { page, context } = await openApp(browser, server.url);
  await page.click('#open-history');
  await page.waitForSelector('#export-json');
  // A good file read (its plan shown), then a damaged one: the refusal takes the plan's place,
  // so the first file cannot be applied after "nothing was changed".
  const good = JSON.stringify({ format: 'adscore-history', version: 1, patients: [{ code: 'AD-050' }], visits: [] });
  await page.setInputFiles('#import-json', { name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(good) });
  await page.waitForSelector('[data-testid="import-plan"]');
  await page.setInputFiles('#import-json', { name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(good.slice(0, 30)) });
  await page.waitForSelector('[role=alert]');
  assert.equal(await page.locator('[data-testid="import-plan"]').count(), 0);
  const huge = Buffer.alloc(21 * 1024 * 1024, 32);
  await page.setInputFiles('#import-json', { name: 'huge.json', mimeType: 'application/json', buffer: huge });
  assert.equal(await page.textContent('[role=alert]'),
    'The file could not be used, and nothing was changed: the file is too large to import (21.0 MB; the limit is 20.0 MB)');
  await page.setInputFiles('#import-json', { name: 'twice.json', mimeType: 'application/json', buffer: Buffer.from(TWICE) });
  await page.waitForSelector('text=The file could not be used, and nothing was changed: not a valid adscore history: patient AD-017 appears twice');
  await historyInKorean(page);
  // Each file's refusal replaces the one before (read asynchronously): wait for the alert to change.
  const refusal = async (name, text) => {
    const before = await page.$eval('[role=alert]', (alert) => alert.textContent).catch(() => null);
    await page.setInputFiles('#import-json', { name, mimeType: 'application/json', buffer: typeof text === 'string' ? Buffer.from(text) : text });
    await page.waitForFunction((old) => (document.querySelector('[role=alert]')?.textContent ?? old) !== old, before);
    return page.textContent('[role=alert]');
  };
  assert.equal(await refusal('huge.json', huge), '파일을 사용할 수 없어 아무것도 바꾸지 않았습니다: 파일이 너무 커서 가져올 수 없습니다(21.0 MB, 한도 20.0 MB)');
  assert.match(await refusal('cut.json', '{"format": "adscore-history",\n"version":'), /: 파일이 2행 10열에서 중간에 끝납니다/);
  assert.match(await refusal('fhir.json', '{"resourceType": "Bundle"}'), /: FHIR 리소스입니다/);
  assert.match(await refusal('notes.json', '{"format": "notes"}'), /: adscore 기록 파일이 아닙니다/);
  assert.match(await refusal('comma.json', '{"format": "adscore-history",,}'), /: 올바른 JSON 파일이 아닙니다\(첫 오류: 1행 30열\)/);
  // A CSV (an export, or a batch file) chosen for the import: said, with where CSV files go.
  assert.match(await refusal('export.csv', 'patient,visit_id,date\r\nAD-1,v1,2026-01-05\r\n'), /: CSV 파일로 보입니다.*일괄 채점/);
  // A broken rule of the history inside the file: said in Korean too, with its codes and dates.
  assert.equal(await refusal('twice.json', TWICE),
    '파일을 사용할 수 없어 아무것도 바꾸지 않았습니다: 기록의 규칙에 맞지 않습니다. 환자 AD-017이(가) 두 번 들어 있습니다');
  assert.equal(await refusal('date.json', BAD_DATE),
    '파일을 사용할 수 없어 아무것도 바꾸지 않았습니다: 기록의 규칙에 맞지 않습니다. 방문 v1의 날짜 "07/02/2026"은(는) YYYY-MM-DD 형식의 실제 날짜가 아닙니다');
  // The version header's problems: in Korean, not an English sentence after "(영문 설명)".
  assert.equal(await refusal('no-version.json', '{"format": "adscore-history", "patients": [], "visits": []}'),
    '파일을 사용할 수 없어 아무것도 바꾸지 않았습니다: 기록에 "version"(기록 형식 버전)\u2060이 없습니다');
  assert.equal(await refusal('version-0.json', '{"format": "adscore-history", "version": 0, "patients": [], "visits": []}'),
    '파일을 사용할 수 없어 아무것도 바꾸지 않았습니다: 기록 형식 버전 0은 없습니다(버전은 1부터 시작합니다)');
  assert.equal(await refusal('version-1.5.json', '{"format": "adscore-history", "version": 1.5, "patients": [], "visits": []}'),
    '파일을 사용할 수 없어 아무것도 바꾸지 않았습니다: "version"(기록 형식 버전)\u2060은 정수여야 하는데 1.5입니다');
  await context.close();
});

test('the examination and the history screens (two modules) never save over each other\'s changes', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  page.on('dialog', (dialog) => dialog.accept());
  await easiVisit(page, '2026-01-05', 2, 'baseline');
  // Changed on the history screens: everything erased there.
  await page.click('#open-history');
  await page.waitForSelector('a[href="#patient/AD-017"]');
  await page.click('#delete-all');
  await page.waitForSelector('text=No visits saved yet.');
  // Back in the examination, a visit for another patient: the erased one must not come back.
  await page.click('a[href="#"]');
  await page.fill('#visit-patient', 'AD-018');
  await page.click('#save-visit');
  await page.waitForSelector('.ok[role=status]');
  await page.click('#open-history');
  await page.waitForSelector('a[href="#patient/AD-018"]');
  assert.equal(await page.locator('a[href="#patient/AD-017"]').count(), 0);
  // A note written there survives the examination saving another visit, and a reload.
  await page.click('a[href="#patient/AD-018"]');
  await page.fill('#patient-note', 'pilot site');
  await page.press('#patient-note', 'Tab');
  await page.click('a[href="#"]');
  await page.fill('#exam-date', '2026-02-02');
  await page.fill('#visit-patient', 'AD-018');
  await page.click('#save-visit');
  await page.waitForSelector('.ok[role=status]');
  await reload(page);
  await page.waitForSelector('#visit-patient');
  await page.evaluate(() => { window.location.hash = 'patient/AD-018'; });
  await page.waitForSelector('[data-testid="visits"] tbody tr:nth-child(2)');
  assert.equal(await page.inputValue('#patient-note'), 'pilot site');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a study with many patients lists the first 100 and the rest on request', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  const patients = Array.from({ length: 120 }, (_, i) => ({ code: `S-${String(i + 1).padStart(3, '0')}` }));
  const visits = patients.map(({ code }) => ({
    id: `${code}-2026-01-05-1`, patient: code, date: '2026-01-05', label: 'baseline',
    assessments: [{ instrument: 'itch_nrs', value: 6 }], global: {},
    easi_bands: 'leshem_2015', scorad_bands: 'kunz_1997', app_version: '0.1.0',
  }));
  await putHistory(page, JSON.stringify({ format: 'adscore-history', version: 1, patients, visits }));
  await page.click('#open-history');
  await page.waitForSelector('#show-all-patients');
  const rows = () => page.locator('section[aria-labelledby="patients-title"] tbody tr').count();
  assert.equal(await rows(), 100);
  assert.equal(await page.textContent('[data-testid="patients-shown"]'), 'The first 100 of 120 patients are listed.');
  await page.press('#show-all-patients', 'Enter');
  assert.equal(await rows(), 120);
  assert.equal(await page.locator('#show-all-patients').count(), 0);
  // The button gone, the focus is on the first patient it brought: S-101.
  await page.waitForFunction(() => document.activeElement?.textContent === 'S-101');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a history written without a change token (an older version) is always read again before saving', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await page.waitForSelector('#visit-patient'); // the examination has read the (empty) store
  const legacy = JSON.stringify({
    format: 'adscore-history', version: 1, patients: [{ code: 'AD-OLD' }],
    visits: [{ id: 'AD-OLD-2025-06-02-1', patient: 'AD-OLD', date: '2025-06-02', label: 'baseline',
      assessments: [{ instrument: 'itch_nrs', value: 5 }], global: {},
      easi_bands: 'leshem_2015', scorad_bands: 'kunz_1997', app_version: '0.0.9' }],
  });
  await putHistory(page, legacy, { token: false }); // as before tokens
  // Through the history screens and back, so the examination reads the store again.
  await page.click('#open-history');
  await page.waitForSelector('a[href="#patient/AD-OLD"]');
  await page.click('a[href="#"]');
  await easiVisit(page, '2026-01-05', 1, 'baseline');
  await page.click('#open-history');
  await page.waitForSelector('a[href="#patient/AD-017"]');
  assert.equal(await page.locator('section[aria-labelledby="patients-title"] a[href="#patient/AD-OLD"]').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the examination loads no history code until a visit is saved; then the codes and labels in use are offered', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await easiVisitFields(page);
  assert.deepEqual(requested.filter((path) => /records/.test(path)), [], 'nothing of the history module before saving');
  await page.fill('#visit-patient', 'AD-017');
  await page.fill('#visit-label', 'baseline');
  await page.click('#save-visit');
  await page.waitForSelector('.ok[role=status]');
  assert.ok(requested.some((path) => /records-[0-9a-f]+_bg\.wasm$/.test(path)), 'the history module is loaded to save');
  // The next examination is offered the code and the label just used.
  await reload(page);
  await page.waitForSelector(EXAM_READY);
  await page.focus('#visit-patient');
  await page.waitForSelector('#patient-codes option[value="AD-017"]', { state: 'attached' });
  await page.waitForSelector('#visit-labels option[value="baseline"]', { state: 'attached' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unreadable stored history is kept aside and offered as a file; the visit is saved in a new history', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  const broken = '{"format":"adscore-history","version":1,"patients":[{"code":"AD-001"}],"visits":[{"id":';
  await putHistory(page, broken);
  await easiVisitFields(page);
  await page.fill('#visit-patient', 'AD-017');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#save-visit')]);
  assert.equal(await readFile(await file.path(), 'utf8'), broken);
  await page.waitForSelector('.ok[role=status]');
  assert.match(await page.textContent('.ok[role=status]'), /could not be used: .*\(history\.unreadable\..*Saved the visit of AD-017/);
  const kept = await page.evaluate(() => new Promise((resolve) => {
    indexedDB.open('adscore', 1).onsuccess = (e) => {
      const store = e.target.result.transaction('kv').objectStore('kv');
      const keys = store.getAllKeys();
      keys.onsuccess = () => {
        const key = keys.result.find((k) => String(k).startsWith('history.unreadable.'));
        const value = store.get(key);
        value.onsuccess = () => resolve(value.result);
      };
    };
  }));
  assert.equal(kept, broken);
  await page.click('#open-history');
  await page.waitForSelector('a[href="#patient/AD-017"]');
  assert.equal(await page.locator('a[href="#patient/AD-001"]').count(), 0);
  // "Delete all history" erases the copy kept aside too (and an unreadable examination's), says
  // so, and takes the focus there; the examination in progress is kept.
  await page.evaluate(() => localStorage.setItem('adscore.draft.unreadable.1', '{"age":"3'));
  page.once('dialog', (dialog) => dialog.accept());
  await page.click('#delete-all');
  await page.waitForSelector('p.ok[role=status]:text("Deleted: every patient and visit on this device, and the copies kept aside.")');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'status');
  const keys = await page.evaluate(() => new Promise((resolve) => {
    indexedDB.open('adscore', 1).onsuccess = (e) => {
      const all = e.target.result.transaction('kv').objectStore('kv').getAllKeys();
      all.onsuccess = () => resolve(all.result.map(String).filter((k) => k.startsWith('history.unreadable.')));
    };
  }));
  assert.deepEqual(keys, []);
  assert.equal(await page.evaluate(() => localStorage.getItem('adscore.draft.unreadable.1')), null);
  assert.notEqual(await page.evaluate(() => localStorage.getItem('adscore.draft.v1')), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('saving again on the same day completes that day\'s visit (asking before a score or its label is replaced), in the chosen language, never a second visit', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  const dialogs = [];
  await easiVisitFields(page);
  await page.fill('#visit-patient', 'AD-017');
  await page.click('#save-visit');
  await page.waitForSelector('.ok[role=status]');
  const said = async (selector, start) => {
    await page.waitForFunction(([s, t]) => document.querySelector(s)?.textContent.trim().startsWith(t), [selector, start]);
    return (await page.textContent(selector)).trim();
  };
  // The same examination again: nothing to change.
  await page.click('#save-visit');
  assert.match(await said('.ok[role=status]', 'The visit'), /^The visit of AD-017 on 5 Jan 2026 is already saved as it is: nothing changed\./);
  // A grade corrected: asked first, then that visit's EASI is replaced.
  page.once('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.accept(); });
  await tap(page, 'easi-trunk-erythema-3');
  await page.click('#save-visit');
  assert.match(await said('.ok[role=status]', 'Updated'), /^Updated the visit of AD-017 on 5 Jan 2026 with this examination\./);
  assert.equal(dialogs[0], 'AD-017 already has a visit on 5 Jan 2026. Replace its EASI with this examination\'s? What that visit has and this examination does not is kept.');
  // A label given to the unlabelled day is taken; another label over it is asked about first,
  // saying what it replaces (the baseline is found by its label).
  const label = async () => JSON.parse(await page.evaluate(storedHistory)).visits[0].label;
  await page.fill('#visit-label', 'baseline');
  await page.click('#save-visit');
  for (let i = 0; i < 50 && await label() !== 'baseline'; i++) await page.waitForTimeout(100);
  assert.equal(await label(), 'baseline');
  assert.equal(dialogs.length, 1, 'no question for a first label');
  page.once('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await page.fill('#visit-label', 'second exam');
  await page.click('#save-visit');
  await said('#save [role=alert]', 'Not saved');
  assert.equal(dialogs[1], 'AD-017 already has a visit on 5 Jan 2026. Its label “baseline” becomes “second exam”: the baseline and a study\'s visits are found by their labels. Save?');
  assert.equal(await label(), 'baseline');
  await page.fill('#visit-label', 'baseline');
  // In Korean, declined: said so, and the visit is left as it was.
  await page.selectOption('#language', 'ko');
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  page.once('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await tap(page, 'easi-trunk-erythema-2');
  await page.click('#save-visit');
  assert.match(await said('#save [role=alert]', '저장하지 않았습니다'), /AD-017의 .*2026.* 방문은 그대로 두었습니다/);
  assert.match(dialogs.at(-1), /^AD-017에게는 .*에 이미 방문 기록이 있습니다\. 그 방문의 EASI을\(를\) 이 진찰의 것으로 바꿀까요\?/);
  // One visit, with the corrected grade (the declined change is not in it).
  const stored = JSON.parse(await page.evaluate(storedHistory));
  assert.equal(stored.visits.length, 1);
  assert.equal(stored.visits[0].assessments.find((a) => a.instrument === 'easi').regions.trunk.erythema, 1.5);
  await page.click('#open-history');
  await page.waitForSelector('a[href="#patient/AD-017"]');
  assert.match(await page.textContent('section[aria-labelledby="patients-title"] tbody'), /^AD-017\s*1\s*2026/, 'one visit');
  // The file pickers speak the app's language too (the browser's own button would not); each
  // input is named by its field's label, then the button's words.
  for (const [id, name] of [['import-json', 'JSON 기록 가져오기'], ['batch-csv', '일괄 채점: 항목 점수 CSV 채점']]) {
    assert.equal((await page.textContent(`label.file__button[for="${id}"]`)).trim(), '파일 선택…');
    assert.equal(await page.locator(`#${id}`).evaluate((e) => e.labels.length), 2);
    const snapshot = await page.locator(`#${id}`).ariaSnapshot(); // YAML: quoted when it holds a colon
    assert.ok(snapshot.includes(`button "${name} 파일 선택…"`), snapshot);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a save that has to read the history again (another window wrote it meanwhile) asks its question once', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await easiVisitFields(page);
  await page.fill('#visit-patient', 'AD-017');
  await page.click('#save-visit');
  await page.waitForSelector('.ok[role=status]');
  // Another window's connection to the store; it writes the history's token while the replace
  // question is open, so the save's conditional write is refused and it reads the history again.
  await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('adscore', 1);
    open.onsuccess = () => {
      const other = open.result;
      window.asked = [];
      window.confirm = (message) => {
        window.asked.push(message);
        if (window.asked.length === 1) other.transaction('kv', 'readwrite').objectStore('kv').put('another-window', 'history.generation');
        return true;
      };
      resolve();
    };
  }));
  await tap(page, 'easi-trunk-erythema-3');
  await page.click('#save-visit');
  await page.waitForFunction(() => document.querySelector('.ok[role=status]')?.textContent.includes('Updated'));
  const stored = JSON.parse(await page.evaluate(storedHistory));
  const token = await page.evaluate(() => new Promise((resolve) => {
    indexedDB.open('adscore', 1).onsuccess = (e) => {
      const get = e.target.result.transaction('kv').objectStore('kv').get('history.generation');
      get.onsuccess = () => resolve(get.result);
    };
  }));
  assert.notEqual(token, 'another-window', 'the save was written after the other window\'s write');
  assert.equal((await page.evaluate(() => window.asked)).length, 1, 'asked once');
  assert.equal(stored.visits.length, 1);
  assert.equal(stored.visits[0].assessments.find((a) => a.instrument === 'easi').regions.trunk.erythema, 1.5);
  assert.deepEqual(problems, []);
  await context.close();
});

/** An examination with one complete score: an adult EASI (4.0), not yet saved. */
async function easiVisitFields(page) {
  await page.fill('#exam-date', '2026-01-05');
  await page.fill('#age', '34');
  for (const region of ['head_neck', 'upper_limbs', 'trunk', 'lower_limbs']) {
    await tap(page, `easi-${region}-area-1`);
    for (const sign of ['erythema', 'edema_papulation', 'excoriation', 'lichenification']) await tap(page, `easi-${region}-${sign}-2`);
  }
}

test('when the browser refuses its storage, the history screen says so and leads back, without a never-ending "loading"', async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  // As in some private modes: IndexedDB is there but refuses to open.
  await context.addInitScript(() => {
    IDBFactory.prototype.open = function open() { throw new DOMException('storage is blocked here', 'SecurityError'); };
  });
  const page = await context.newPage();
  await page.goto(`${server.url}#history`);
  await page.waitForSelector('[role=alert]');
  assert.match(await page.textContent('[role=alert]'), /^The visit history could not be used: .*storage is blocked here.*Nothing was deleted\.$/);
  assert.equal(await page.locator('[role=status]').count(), 0, 'no "loading" under the alert');
  await page.click('a.button[href="#"]');
  await page.waitForSelector(EXAM_READY);
  await context.close();
});

/** In the page: the stored history's text (IndexedDB `adscore`, store `kv`, key `history`). */
function storedHistory() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('adscore');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('kv').objectStore('kv').get('history');
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    };
  });
}

test('a history screen left open in another tab does not put its older copy over visits saved since', async () => {
  // Assemble: two visits saved; the history as it was with the first only.
  const { page, context, problems } = await openApp(browser, server.url);
  page.on('dialog', (dialog) => dialog.accept());
  await easiVisit(page, '2026-01-05', 2, 'baseline');
  await page.click('text=New examination');
  await easiVisit(page, '2026-02-02', 1, 'week 4');
  const both = await page.evaluate(storedHistory);
  const first = JSON.parse(both);
  first.visits.pop();
  await putHistory(page, JSON.stringify(first));
  // A second tab opens the patient's screen on that first visit.
  const stale = await context.newPage();
  await stale.goto(`${server.url}#patient/AD-017`);
  await stale.waitForSelector('#patient-note');
  // Meanwhile the second visit is stored by a write the older tab is not told of (one whose
  // announcement has not reached it yet, or a tab of a version before announcements).
  await putHistory(page, both);
  // Act: the older tab changes the patient's note.
  await stale.fill('#patient-note', 'seen by Dr K');
  await stale.press('#patient-note', 'Tab');
  // Assert: refused and said; both visits are still stored, and the screen now shows them.
  await stale.waitForSelector('text=changed in another tab or window');
  assert.equal(JSON.parse(await stale.evaluate(storedHistory)).visits.length, 2);
  await stale.waitForFunction(() => document.querySelectorAll('[data-testid="visits"] tbody tr').length === 2);
  // Made again on the history as stored, the change is saved, and nothing else is lost.
  await stale.fill('#patient-note', 'seen by Dr K');
  await stale.press('#patient-note', 'Tab');
  let stored;
  for (let tries = 0; tries < 50; tries += 1) {
    stored = JSON.parse(await stale.evaluate(storedHistory));
    if (stored.patients[0].note === 'seen by Dr K') break;
    await stale.waitForTimeout(100);
  }
  assert.equal(stored.patients[0].note, 'seen by Dr K');
  assert.equal(stored.visits.length, 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a visit dated after today is not saved, and the message says which date', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  // Tomorrow, in the device's own time zone (as the app's "today").
  await page.fill('#exam-date', await localDate(page, 1));
  await page.fill('#age', '34');
  await clearEasi(page);
  await page.fill('#visit-patient', 'AD-018');
  await page.click('#save-visit');
  await page.waitForSelector('#save [role=alert]');
  assert.match((await page.textContent('#save [role=alert]')).trim(), /^Not saved: the examination date, \d{1,2} \w{3} \d{4}, is after today\./);
  assert.equal(await page.evaluate(storedHistory) ?? null, null, 'nothing stored');
  // Today's date: saved.
  await page.fill('#exam-date', await localDate(page));
  await page.click('#save-visit');
  await page.waitForSelector('text=Saved the visit of AD-018');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a new patient code that looks like a name or a date of birth is asked about before it is stored; one too long is refused, not cut', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await page.fill('#exam-date', '2026-01-05');
  await page.fill('#age', '34');
  await clearEasi(page);
  await page.fill('#visit-patient', 'John Smith');
  // Declined: not saved, and the card says what to enter instead.
  const asked = new Promise((resolve, reject) => {
    page.once('dialog', (dialog) => { resolve(dialog.message()); dialog.dismiss(); });
    setTimeout(() => reject(new Error('saved without a question')), 10_000);
  });
  await page.click('#save-visit');
  assert.match(await asked, /^“John Smith” looks like a name\. adscore keeps no names/);
  await page.waitForSelector('#save [role=alert]');
  assert.equal((await page.textContent('#save [role=alert]')).trim(), 'Not saved: enter the patient\'s code, not their name.');
  assert.equal(await page.evaluate(storedHistory) ?? null, null, 'nothing stored');
  // So is a date of birth.
  await page.fill('#visit-patient', '12/05/1990');
  const askedDate = new Promise((resolve) => page.once('dialog', (dialog) => { resolve(dialog.message()); dialog.dismiss(); }));
  await page.click('#save-visit');
  assert.match(await askedDate, /^“12\/05\/1990” looks like a date of birth\. adscore keeps no dates in a code/);
  await page.waitForFunction(() => document.querySelector('#save [role=alert]')?.textContent.includes('date of birth'));
  assert.equal((await page.textContent('#save [role=alert]')).trim(), 'Not saved: enter the patient\'s code, not their date of birth.');
  assert.equal(await page.evaluate(storedHistory) ?? null, null, 'nothing stored');
  // A code too long (pasted) is kept whole in its field and refused with its length, not cut.
  const long = `AD-${'7'.repeat(57)}`;
  await page.fill('#visit-patient', long);
  assert.equal(await page.inputValue('#visit-patient'), long);
  await page.click('#save-visit');
  await page.waitForFunction(() => document.querySelector('#save [role=alert]')?.textContent.includes('at most'));
  assert.equal((await page.textContent('#save [role=alert]')).trim(), 'Not saved: a patient code has at most 40 characters; this one has 60.');
  assert.equal(await page.evaluate(storedHistory) ?? null, null, 'nothing stored');
  // A code is saved without a question.
  const dialogs = [];
  const note = (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); };
  page.on('dialog', note);
  await page.fill('#visit-patient', 'AD-019');
  await page.click('#save-visit');
  await page.waitForSelector('text=Saved the visit of AD-019');
  page.off('dialog', note);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('saving with a score begun but not complete says so before leaving it out', async () => {
  // Assemble: an EASI with one sign not graded.
  const { page, context, problems } = await openApp(browser, server.url);
  await page.fill('#exam-date', '2026-01-05');
  await page.fill('#age', '34');
  for (const region of ['head_neck', 'upper_limbs', 'trunk', 'lower_limbs']) {
    await tap(page, `easi-${region}-area-1`);
    for (const sign of ['erythema', 'edema_papulation', 'excoriation', 'lichenification']) {
      if (region !== 'trunk' || sign !== 'excoriation') await tap(page, `easi-${region}-${sign}-2`);
    }
  }
  await page.fill('#visit-patient', 'AD-017');
  // With nothing else complete there is nothing to save: no question, only what to complete.
  const dialogs = [];
  const note = (dialog) => dialogs.push(dialog.message());
  page.on('dialog', note);
  await page.click('#save-visit');
  await page.waitForSelector('#save [role=alert]');
  assert.equal((await page.textContent('#save [role=alert]')).trim(), 'Not saved: complete EASI first (the score panel lists what is missing).');
  page.off('dialog', note);
  assert.deepEqual(dialogs, []);
  // An objective SCORAD complete too: there is a rest to save.
  for (const input of await page.$$('input[id^="extent-"]')) await input.fill('0');
  for (const sign of ['erythema', 'edema_papulation', 'oozing_crusts', 'excoriation', 'lichenification', 'dryness']) {
    await tap(page, `scorad-${sign}-1`);
  }
  // Act: save, and decline to save without the EASI.
  const asked = new Promise((resolve) => page.once('dialog', (dialog) => { resolve(dialog.message()); dialog.dismiss(); }));
  await page.click('#save-visit');
  // Assert: asked, then refused with why; nothing stored.
  assert.equal(await asked, 'Not complete, so not saved with this visit: EASI (the score panel lists what is missing). Save the rest of this examination now anyway?');
  await page.waitForSelector('#save [role=alert]');
  assert.equal((await page.textContent('#save [role=alert]')).trim(), 'Not saved: complete EASI first (the score panel lists what is missing).');
  assert.equal(await page.evaluate(storedHistory) ?? null, null, 'nothing stored');
  // Completed, it is saved without a question.
  await tap(page, 'easi-trunk-excoriation-2');
  await page.click('#save-visit');
  await page.waitForSelector('text=Saved the visit of AD-017 on 5 Jan 2026');
  assert.deepEqual(JSON.parse(await page.evaluate(storedHistory)).visits[0].assessments.map((a) => a.instrument), ['easi', 'scorad']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the history screens have the language switch too, and the examination follows it', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await page.goto(`${server.url}#history`);
  await page.waitForSelector('#import-json');
  // Act: Korean, chosen on the history screen.
  await page.selectOption('#language', 'ko');
  // Assert: the screen, then the examination, in Korean, and remembered.
  await page.waitForFunction(() => document.documentElement.lang === 'ko' && document.querySelector('h1')?.textContent === '기록');
  await page.click('a[href="#"]');
  await page.waitForSelector('#age');
  await page.waitForFunction(() => document.querySelector('#hand-to-patient')?.textContent === '환자에게 건네기');
  assert.equal(await page.inputValue('#language'), 'ko');
  await reload(page);
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  assert.deepEqual(problems, []);
  await context.close();
});

test('batch scoring starts from a template a researcher can download; the template scores as it is', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await page.evaluate(() => { window.location.hash = 'history'; });
  await page.waitForSelector('#batch-template');
  const hint = await page.locator('.field', { has: page.locator('#batch-csv') }).locator('.field__hint').textContent();
  assert.match(hint, /template/);
  assert.doesNotMatch(hint, /docs\//, 'no path into the source tree');
  const template = await download(page, '#batch-template');
  assert.match(template.split('\r\n')[0], /^subject,instrument,age_years,easi_/);
  // Upload it back: every row scored, none listed as an error.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.setInputFiles('#batch-csv', { name: 'template.csv', mimeType: 'text/csv', buffer: Buffer.from(template) }),
  ]);
  const scored = (await readFile(await file.path(), 'utf8')).trim().split('\r\n');
  assert.equal(scored.length, 7, 'the header and six rows');
  assert.ok(scored.slice(1).every((row) => row.endsWith(',')), 'no row has an error');
  assert.equal(await page.locator('[data-testid="batch-errors"]').count(), 0);
  // A file saved by Excel (a byte-order mark first, Korean codes) scores into a file with its
  // byte-order mark, which Excel needs to show the Korean as Korean.
  const korean = `\uFEFF${template.replace(/\r\n([^,\r\n]+),/, '\r\n환자-1,')}`;
  const [withBom] = await Promise.all([
    page.waitForEvent('download'),
    page.setInputFiles('#batch-csv', { name: 'excel.csv', mimeType: 'text/csv', buffer: Buffer.from(korean) }),
  ]);
  const bytes = await readFile(await withBom.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the byte-order mark');
  assert.match(bytes.toString('utf8'), /\r\n환자-1,/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a patient code with characters a web address reads specially opens that patient', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  for (const code of ['AD%20X', 'AD 7?#']) {
    await page.fill('#age', '34');
    for (const region of ['Head and neck', 'Upper limbs', 'Trunk (including genitals)', 'Lower limbs (including buttocks)']) {
      await page.click(`button[aria-label="${region}: Region clear"]`);
    }
    await page.fill('#visit-patient', code);
    await page.click('#save-visit');
    await page.waitForSelector('.ok[role=status]');
    await page.click('#open-history');
    await page.click(`text="${code}"`);
    await page.waitForSelector('[data-testid="visits"]');
    assert.equal(await page.textContent('h1'), `Patient ${code}`);
    // Its visit's worksheet too (the visit id holds the code).
    await page.click('[data-testid="visits"] tbody tr th a');
    await page.waitForSelector('.worksheet__table');
    await page.evaluate(() => { window.location.hash = ''; });
    await page.waitForSelector(EXAM_READY);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a history screen in another tab shows, when it is back in front, visits saved meanwhile, and exports them', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  page.on('dialog', (dialog) => dialog.accept());
  await easiVisit(page, '2026-01-05', 2, 'baseline');
  const other = await context.newPage();
  await other.goto(`${server.url}#history`);
  await other.waitForSelector('a[href="#patient/AD-017"]');
  // Meanwhile the examination's tab saves a second visit.
  await page.bringToFront();
  await page.click('text=New examination');
  await easiVisit(page, '2026-02-02', 1, 'week 4');
  await page.waitForSelector('text=Saved the visit of AD-017 on 2 Feb 2026');
  // Back to the history tab (the browser says so with focus): both visits, and in its export.
  await other.bringToFront();
  await other.evaluate(() => window.dispatchEvent(new Event('focus')));
  await other.waitForFunction(() => /AD-017\s*2\s*2 Feb 2026/.test(document.querySelector('table').textContent));
  const exported = JSON.parse(await download(other, '#export-json'));
  assert.equal(exported.visits.length, 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a history screen opened before the device saved any history shows visits another tab saves, and an import there keeps them', async () => {
  // Assemble: a fresh device; the history screen open in one tab (nothing stored yet).
  const { page, context, problems } = await openApp(browser, server.url);
  page.on('dialog', (dialog) => dialog.accept());
  const other = await context.newPage();
  await other.goto(`${server.url}#history`);
  await other.waitForSelector('#export-json');
  // The examination's tab saves the device's first visit.
  await page.bringToFront();
  await easiVisit(page, '2026-01-05', 2, 'baseline');
  // Act: back to the history tab; a file of another patient imported there.
  await other.bringToFront();
  await other.evaluate(() => window.dispatchEvent(new Event('focus')));
  await other.waitForSelector('a[href="#patient/AD-017"]');
  const file = JSON.parse(await page.evaluate(storedHistory));
  file.patients = [{ code: 'AD-200' }];
  file.visits = file.visits.map((v) => ({ ...v, id: v.id.replace('AD-017', 'AD-200'), patient: 'AD-200' }));
  await other.setInputFiles('#import-json', { name: 'ad-200.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await other.click('#import-apply');
  await other.waitForSelector('text=Imported: 1 new visit.');
  // Assert: both patients' visits are stored (the import did not replace the other tab's).
  const stored = JSON.parse(await other.evaluate(storedHistory));
  assert.deepEqual(stored.visits.map((v) => v.patient).sort(), ['AD-017', 'AD-200']);
  assert.deepEqual(problems, []);
  await context.close();
});

/** A SCORAD record's extents (A): `percent` in every segment, but those in `except`. */
function extentOf(percent, except = {}) {
  const segments = ['head_neck_front', 'head_neck_back', 'upper_limb_left_front', 'upper_limb_left_back',
    'upper_limb_right_front', 'upper_limb_right_back', 'trunk_front', 'trunk_back', 'lower_limb_left_front',
    'lower_limb_left_back', 'lower_limb_right_front', 'lower_limb_right_back', 'genitals'];
  return { ...Object.fromEntries(segments.map((s) => [s, percent])), ...except };
}

/** The device's local date `days` from today, as a date input holds it (YYYY-MM-DD). */
function localDate(page, days = 0) {
  return page.evaluate((days) => {
    const d = new Date();
    d.setDate(d.getDate() + days);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, days);
}

/** A complete EASI of 0: every region cleared. */
async function clearEasi(page) {
  for (const region of ['Head and neck', 'Upper limbs', 'Trunk (including genitals)', 'Lower limbs (including buttocks)']) {
    await page.click(`button[aria-label="${region}: Region clear"]`);
  }
}

test('"New examination" asks only when entries would be lost, "Save visit" without a code marks and focuses the code field, and a saved examination changed since says so', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  const asked = [];
  page.on('dialog', (dialog) => { asked.push(dialog.message()); dialog.accept(); });
  // A blank examination: nothing to lose, nothing asked.
  await page.click('text=New examination');
  assert.deepEqual(asked, []);
  // Entries not saved: asked.
  await page.fill('#age', '34');
  await page.click('text=New examination');
  assert.deepEqual(asked, ['Start a new examination? What is entered here and not saved as a visit will be cleared.']);
  assert.equal(await page.inputValue('#age'), '');
  // Nothing to save and no code: what is missing is the examination, said first (a code
  // would not make it savable), and the code field is not marked.
  await page.click('#save-visit');
  await page.waitForSelector('text=Nothing to save yet: no score is complete and no question is answered.');
  assert.equal(await page.getAttribute('#visit-patient', 'aria-invalid'), null);
  // Save without a code: said, and the code field is marked and has the focus.
  await page.fill('#age', '34');
  await clearEasi(page);
  await page.click('#save-visit');
  await page.waitForSelector('text=Enter a patient code first.');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'visit-patient');
  assert.equal(await page.getAttribute('#visit-patient', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#visit-patient', 'aria-describedby'), 'visit-result');
  await page.keyboard.type('AD-021');
  assert.equal(await page.getAttribute('#visit-patient', 'aria-invalid'), null);
  // Saved: the message leads to the patient's visits (and the worksheet there); a new
  // examination loses nothing.
  await page.click('#save-visit');
  await page.waitForSelector('.ok[role=status]');
  assert.equal(await page.getAttribute('[data-testid="open-saved"]', 'href'), '#patient/AD-021');
  const before = asked.length;
  await page.click('text=New examination');
  assert.equal(asked.length, before, 'not asked right after saving');
  assert.equal(await page.inputValue('#age'), '');
  // The new examination's card says nothing of the visit saved before it, nor once an entry is made.
  assert.equal(await page.locator('#save .ok, #visit-result').count(), 0);
  await page.fill('#age', '40');
  assert.equal(await page.locator('#save .ok, #visit-result').count(), 0);
  // Saved, then changed: asked again.
  await page.fill('#visit-patient', 'AD-021');
  await clearEasi(page);
  await page.click('#save-visit');
  await page.waitForSelector('.ok[role=status]');
  await page.fill('#age', '41');
  // The save card no longer says the examination is saved: it says it changed since.
  await page.waitForSelector('#visit-result[role=status]:text("Changed since the visit was saved: save it again to keep the changes.")');
  assert.equal(await page.locator('.ok').count(), 0);
  await page.click('text=New examination');
  assert.equal(asked.length, before + 2, 'asked once a saved examination is changed');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the cohort shows how the patients rated their eczema at baseline and at the chosen visit, and the treatment\'s effect', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  // Three patients with itch at baseline and week 4; ratings: severe → almost clear (much
  // better), moderate → mild (a little better), nothing → mild (no change).
  const visit = (code, date, label, status, effect) => ({
    id: `${code}-${date}-1`, patient: code, date, label, assessments: [{ instrument: 'itch_nrs', value: 5 }],
    global: { ...(status === undefined ? {} : { status }), ...(effect === undefined ? {} : { effect }) },
    easi_bands: 'leshem_2015', scorad_bands: 'kunz_1997', app_version: '0.1.0',
  });
  const visits = [
    visit('AD-1', '2026-01-05', 'baseline', 4), visit('AD-1', '2026-02-02', 'week 4', 1, 1),
    visit('AD-2', '2026-01-06', 'baseline', 3), visit('AD-2', '2026-02-03', 'week 4', 2, 2),
    { ...visit('AD-3', '2026-01-07', 'baseline'), reported_by: 'parent' }, { ...visit('AD-3', '2026-02-04', 'week 4', 2, 3), reported_by: 'parent' },
  ];
  await putHistory(page, JSON.stringify({ format: 'adscore-history', version: 2, patients: ['AD-1', 'AD-2', 'AD-3'].map((code) => ({ code })), visits }));
  await page.click('#open-history');
  await page.waitForSelector('[data-testid="cohort"]');
  await page.selectOption('#cohort-visit', 'week 4');
  const table = (id) => page.$$eval(`[data-testid="${id}"] tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(await page.textContent('[data-testid="cohort-status"] caption'), 'Disease status, as the patients rated it');
  assert.deepEqual(await table('cohort-status'), [
    ['Rating', 'Baseline', 'week 4'],
    ['Clear', '0 of 2 (0\u00a0%)', '0 of 3 (0\u00a0%)'],
    ['Almost clear', '0 of 2 (0\u00a0%)', '1 of 3 (33\u00a0%)'],
    ['Mild', '0 of 2 (0\u00a0%)', '2 of 3 (67\u00a0%)'],
    ['Moderate', '1 of 2 (50\u00a0%)', '0 of 3 (0\u00a0%)'],
    ['Severe', '1 of 2 (50\u00a0%)', '0 of 3 (0\u00a0%)'],
  ]);
  assert.equal(await page.textContent('[data-testid="cohort-effect"] caption'), 'Treatment effect at week 4, as the patients rated it');
  const effect = await table('cohort-effect');
  assert.equal(effect.length, 8);
  assert.deepEqual(effect.slice(2, 5), [['Much better', '1 of 3 (33\u00a0%)'], ['A little better', '1 of 3 (33\u00a0%)'], ['No change', '1 of 3 (33\u00a0%)']]);
  // AD-3's parent answered for the child: their two ratings at week 4 are named as such.
  assert.equal(await page.textContent('[data-testid="cohort-by-parent"]'), '2 of these 8 ratings were given by a parent or carer for the patient.');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the patient\'s ratings of their eczema and its treatment, given alone, are saved as a visit', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  // Only the last two questions answered: disease status and treatment effect.
  await handOver(page, 'who-0', async (flow) => {
    while (await flow.getAttribute('.flow__body', 'data-step') !== 'Status') await flow.click('#flow-next');
    await flow.click('label[for="status-2"]');
    await flow.click('#flow-next');
    await flow.click('label[for="effect-1"]');
  });
  assert.match(await page.textContent('[data-testid="save-ready"]'), /^Ready to save: Disease status \(patient\/parent\), Treatment effect \(patient\/parent\)\.$/);
  await page.fill('#visit-patient', 'AD-9');
  await page.fill('#visit-label', 'week 4');
  await page.click('#save-visit');
  await page.waitForSelector('.ok[role=status]');
  const { visits } = JSON.parse(await page.evaluate(storedHistory));
  assert.deepEqual(visits.map((v) => [v.patient, v.label, v.assessments.length, v.global, v.reported_by]), [['AD-9', 'week 4', 0, { status: 2, effect: 1 }, 'patient']]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an empty history says the cohort has nothing to compare, instead of a blank choice and zeros', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await page.click('#open-history');
  await page.waitForSelector('#export-json');
  assert.equal(await page.textContent('[data-testid="cohort-nothing"]'), 'Nothing to compare yet: the cohort counts patients with a baseline and a later visit.');
  assert.equal(await page.locator('#cohort-visit, [data-testid="cohort"]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the cohort names the patients it does not compare and those without an EASI-50 result, each a link to the patient', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  // AD-1 EASI at both visits (counted); AD-2 itch only (compared, no EASI-50 result); AD-3
  // baseline only (not compared).
  const region = (area) => ({ area, erythema: 2, edema_papulation: 2, excoriation: 2, lichenification: 2 });
  const easi = (area) => ({ instrument: 'easi', age_years: 34, regions: { head_neck: region(area), upper_limbs: region(area), trunk: region(area), lower_limbs: region(area) } });
  const visit = (code, date, label, assessment) => ({
    id: `${code}-${date}-1`, patient: code, date, label, assessments: [assessment],
    easi_bands: 'leshem_2015', scorad_bands: 'kunz_1997', app_version: '0.1.0',
  });
  const itch = { instrument: 'itch_nrs', value: 5 };
  const visits = [
    visit('AD-1', '2026-01-05', 'baseline', easi(3)), visit('AD-1', '2026-02-02', 'week 4', easi(1)),
    visit('AD-2', '2026-01-06', 'baseline', itch), visit('AD-2', '2026-02-03', 'week 4', itch),
    visit('AD-3', '2026-01-07', 'baseline', easi(2)),
  ];
  await putHistory(page, JSON.stringify({ format: 'adscore-history', version: 2, patients: ['AD-1', 'AD-2', 'AD-3'].map((code) => ({ code })), visits }));
  await page.click('#open-history');
  await page.waitForSelector('[data-testid="cohort"]');
  await page.selectOption('#cohort-visit', 'week 4');
  const listed = (id) => page.$$eval(`[data-testid="${id}"] li a`, (links) => links.map((a) => a.textContent));
  // Folded at first: the summary says how many.
  assert.equal((await page.textContent('[data-testid="cohort-not-compared"] summary')).trim(), 'Not compared: 1 patient');
  assert.match(await page.textContent('[data-testid="cohort-no-easi50"] summary'), /^Compared without an EASI-50 result .*: 1 patient$/);
  assert.deepEqual({ out: await listed('cohort-not-compared'), noEasi: await listed('cohort-no-easi50') }, { out: ['AD-3'], noEasi: ['AD-2'] });
  // On a phone with text at 200 %, no table is cut off by its card: each fits, or scrolls in
  // its own box (reached by keyboard too).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  const cut = await page.$$eval('table', (tables) => tables.flatMap((table) => {
    const card = table.closest('.card').getBoundingClientRect();
    const wrap = table.parentElement;
    const scrolls = wrap.classList.contains('table-wrap') && wrap.scrollWidth > wrap.clientWidth && wrap.tabIndex === 0;
    return table.getBoundingClientRect().right > card.right + 1 && !scrolls ? [table.textContent.slice(0, 30)] : [];
  }));
  assert.deepEqual(cut, []);
  await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
  await page.setViewportSize({ width: 1024, height: 768 });
  // Unfolded, a code opens that patient's page.
  await page.click('[data-testid="cohort-not-compared"] summary');
  await page.click('[data-testid="cohort-not-compared"] a');
  await page.waitForSelector('[data-testid="visits"]');
  assert.match(await page.textContent('h1'), /AD-3/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a visit a parent answered for says so in the history file, its CSV rows, its worksheet and an import that says otherwise', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  page.on('dialog', (dialog) => dialog.accept());
  // A child's examination; the parent answers the itch question for the child.
  await page.fill('#exam-date', '2026-03-02');
  await page.fill('#age', '6');
  await page.click('#hand-to-patient');
  await page.waitForSelector('.flow');
  await tap(page, 'who-1');
  await page.click('#flow-next');
  await tap(page, 'itch-5');
  while (await page.getAttribute('.flow__body', 'data-step') !== 'Done') await page.click('#flow-next');
  // Handed over, what was left unanswered comes first (to go back to); the answers begin with
  // who gave them, for the clinician.
  assert.ok(await topOf(page, '[data-testid="unanswered"]') < await topOf(page, '[data-testid="answers"]'), 'the unanswered come first');
  assert.deepEqual(await page.$$eval('[data-testid="answers"] > *', (els) => els.slice(0, 2).map((e) => e.textContent)), ['Answered by', 'A parent or carer']);
  await page.click('#flow-finish');
  await page.waitForSelector(EXAM_READY);
  await page.fill('#visit-patient', 'AD-021');
  await page.click('#save-visit');
  await page.waitForSelector('.ok[role=status]');
  // The history file (version 2) and the CSV name the parent.
  await page.click('#open-history');
  await page.waitForSelector('#export-json');
  const exported = await download(page, '#export-json');
  const file = JSON.parse(exported);
  assert.equal(file.version, 2);
  assert.equal(file.visits[0].reported_by, 'parent');
  const [header, row] = (await download(page, '#export-csv')).split('\r\n');
  assert.equal(row.split(',')[header.split(',').indexOf('reported_by')], 'parent');
  // A file saying the patient answered: shown as a difference, by its short name.
  const edited = { ...file, visits: [{ ...file.visits[0], reported_by: 'patient' }] };
  await page.setInputFiles('#import-json', { name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
  assert.match(await page.textContent('[data-testid="import-plan"]'), /Answered by: A parent or carer → The patient/);
  await page.click('text=Cancel');
  // The worksheet says who answered.
  await page.goto(`${server.url}#print/${file.visits[0].id}`);
  await page.waitForSelector('.worksheet__table');
  assert.match(await page.textContent('[data-testid="answered-by"]'), /Answered by\s*A parent or carer/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('answers a parent gives on a day the patient already answered are kept apart, each with who gave them', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.accept(); });
  /** One hand-over on 2 March: `who` answers the itch (and the sleep, when given), then it is saved. */
  async function answered(who, itch, sleep) {
    await page.fill('#exam-date', '2026-03-02');
    await page.fill('#age', '12');
    await handOver(page, who, async () => {
      await tap(page, `itch-${itch}`);
      if (sleep !== undefined) {
        await page.click('#flow-next');
        await tap(page, `sleep-${sleep}`);
      }
    });
    await page.fill('#visit-patient', 'AD-022');
    await page.click('#save-visit');
    await page.waitForSelector('.ok[role=status]');
    return page.textContent('.ok[role=status]');
  }
  // Assemble: in the morning the patient rates itch 5 and sleep 3.
  await answered('who-0', 5, 3);
  // Act: later, on a new examination, a parent rates the itch 7.
  await page.click('text=New examination');
  const said = await answered('who-1', 7);
  // Assert: the save says so (after asking before the itch was replaced); the patient's sleep
  // stays the patient's, the parent's itch is the parent's.
  assert.match(said, /Saved the visit of AD-022 on 2 Mar 2026\. Someone else answered the questionnaires saved earlier that day, so each person's answers are kept apart, with who gave them\./);
  assert.ok(dialogs.some((text) => /Replace its .*itch/i.test(text)), `asked before replacing the itch: ${dialogs}`);
  await page.click('#open-history');
  await page.waitForSelector('#export-json');
  const file = JSON.parse(await download(page, '#export-json'));
  const day = file.visits.filter((v) => v.date === '2026-03-02').map((v) => [v.reported_by, v.assessments.map((a) => `${a.instrument} ${a.value}`)]);
  assert.deepEqual(day.sort(), [['parent', ['itch_nrs 7']], ['patient', ['sleep_nrs 3']]]);
  const [header, ...rows] = (await download(page, '#export-csv')).trim().split('\r\n');
  const column = header.split(',').indexOf('reported_by');
  assert.deepEqual(rows.map((row) => row.split(',')[column]).sort(), ['parent', 'patient']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a worksheet with DLQI answers lists them item by item under the DLQI\'s copyright line', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  const visit = {
    id: 'AD-040-2026-03-02-1', patient: 'AD-040', date: '2026-03-02', label: '', global: {},
    assessments: [{ instrument: 'dlqi', answers: [3, 2, 'not_relevant', 1, 0, 0, 3, 1, 'not_relevant', 2] }],
    easi_bands: 'leshem_2015', scorad_bands: 'kunz_1997', app_version: '0.1.0',
  };
  await putHistory(page, JSON.stringify({ format: 'adscore-history', version: 1, patients: [{ code: 'AD-040' }], visits: [visit] }));
  await page.goto(`${server.url}#print/${visit.id}`);
  await page.waitForSelector('.worksheet__table');
  assert.match(await page.textContent('.worksheet'), /DLQI, item by item\s*3 · 2 · NR · 1 · 0 · 0 · 3 · 1 · NR · 2/);
  assert.match(await page.textContent('.worksheet [data-testid="dlqi-notice"]'), /© A Y Finlay, G K Khan April 1992/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a trend chart spaces visits by their dates, names its first and last date, and says what its colours mean', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  const itch = (date, value) => ({
    id: `AD-030-${date}-1`, patient: 'AD-030', date, label: '', assessments: [{ instrument: 'itch_nrs', value }], global: {},
    easi_bands: 'leshem_2015', scorad_bands: 'kunz_1997', app_version: '0.1.0',
  });
  // Day 0, day 28 and day 147: the second gap is 119 days, not one step like the first.
  const visits = [itch('2025-01-06', 8), itch('2025-02-03', 3), itch('2025-06-02', 1)];
  await putHistory(page, JSON.stringify({ format: 'adscore-history', version: 1, patients: [{ code: 'AD-030' }], visits }));
  await page.goto(`${server.url}#patient/AD-030`);
  await page.waitForSelector('.chart');
  const cx = await page.$$eval('.chart .chart__point', (ps) => ps.map((p) => Number(p.getAttribute('cx'))));
  assert.equal(cx.length, 3);
  assert.ok(Math.abs((cx[1] - cx[0]) / (cx[2] - cx[0]) - 28 / 147) < 0.01, `by date: ${cx}`);
  const axis = await page.$$eval('.chart .chart__axis', (ts) => ts.map((t) => t.textContent));
  assert.ok(axis.includes('6 Jan 2025') && axis.includes('2 Jun 2025'), axis.join(' | '));
  assert.deepEqual(await page.$$eval('.chart__legend li', (ls) => ls.map((l) => l.textContent)),
    ['no itch', 'mild', 'moderate', 'severe', 'very severe']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a score just below a band edge is shown as it is, not rounded into the next band, in the visits table and the chart', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  // SCORAD = A/5 + 7B/2 + C = 7.3/5 + 3.5 + 20 = 24.96: Kunz-mild; "25.0" would read moderate.
  const scorad = { instrument: 'scorad', age_years: 30, extent: extentOf(0, { trunk_front: 35, genitals: 100 }),
    intensity: { erythema: 1, edema_papulation: 0, oozing_crusts: 0, excoriation: 0, lichenification: 0, dryness: 0 },
    subjective: { pruritus: 10, sleep_loss: 10 } };
  const visit = { id: 'AD-031-2025-01-06-1', patient: 'AD-031', date: '2025-01-06', label: '', assessments: [scorad], global: {},
    easi_bands: 'leshem_2015', scorad_bands: 'kunz_1997', app_version: '0.1.0' };
  await putHistory(page, JSON.stringify({ format: 'adscore-history', version: 1, patients: [{ code: 'AD-031' }], visits: [visit] }));
  await page.goto(`${server.url}#patient/AD-031`);
  await page.waitForSelector('.chart');
  const cells = await page.$$eval('[data-visit="AD-031-2025-01-06-1"] td', (tds) => tds.map((td) => td.textContent.trim()));
  assert.ok(cells.includes('24.96'), cells.join(' | '));
  assert.ok(!cells.includes('25.0'), cells.join(' | '));
  const titles = await page.$$eval('.chart .chart__point title', (ts) => ts.map((t) => t.textContent));
  assert.ok(titles.some((t) => t.endsWith('— 24.96')), titles.join(' | '));
  assert.ok(!titles.some((t) => t.endsWith('— 25.0')), titles.join(' | '));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the worksheet says when a questionnaire was scored with an item left blank, as the score panel does', async () => {
  // Assemble: a visit with POEM item 3 left blank (one blank is scored as 0: 13, moderate).
  const { page, context, problems } = await openApp(browser, server.url);
  const visit = { id: 'AD-033-2025-01-06-1', patient: 'AD-033', date: '2025-01-06', label: '', global: {},
    assessments: [{ instrument: 'poem', answers: [2, 3, null, 2, 3, 1, 2] }],
    easi_bands: 'leshem_2015', scorad_bands: 'kunz_1997', app_version: '0.1.0' };
  await putHistory(page, JSON.stringify({ format: 'adscore-history', version: 1, patients: [{ code: 'AD-033' }], visits: [visit] }));
  // Act
  await page.goto(`${server.url}#print/AD-033-2025-01-06-1`);
  await page.waitForSelector('.worksheet__scores');
  // Assert: the total, its band and the blank item; the items with the blank as "—".
  assert.match(await page.textContent('.worksheet__scores'), /POEM\s*13 — moderate \(1 left blank, counted as 0\)/);
  assert.match(await page.textContent('.worksheet'), /POEM, item by item\s*2 · 3 · — · 2 · 3 · 1 · 2/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone the worksheet never breaks a figure, a score\'s name or a word of the EASI table across lines', async () => {
  const { page, context, problems } = await openApp(browser, server.url, { width: 390, height: 844 });
  const region = (area, g) => ({ area, erythema: g, edema_papulation: g, excoriation: g, lichenification: g });
  const visit = { id: 'AD-032-2025-01-06-1', patient: 'AD-032', date: '2025-01-06', label: '', global: {},
    assessments: [
      { instrument: 'easi', age_years: 34, regions: { head_neck: region(3, 2), upper_limbs: region(3, 2), trunk: region(3, 2), lower_limbs: region(3, 2) } },
      { instrument: 'scorad', age_years: 34, extent: extentOf(5, { trunk_front: 60 }), subjective: null,
        intensity: { erythema: 2, edema_papulation: 1, oozing_crusts: 0, excoriation: 1, lichenification: 0, dryness: 2 } },
    ],
    easi_bands: 'leshem_2015', scorad_bands: 'kunz_1997', app_version: '0.1.0' };
  await putHistory(page, JSON.stringify({ format: 'adscore-history', version: 1, patients: [{ code: 'AD-032' }], visits: [visit] }));
  await page.goto(`${server.url}#print/AD-032-2025-01-06-1`);
  await page.waitForSelector('.worksheet__table');
  // No label: the line under the heading starts with the band systems (no stray "·").
  assert.match(await page.textContent('.worksheet h1 + p'), /^EASI: /);
  // Lines a cell's text is laid out on (one box per line).
  const figures = await page.$$eval('.worksheet__table td', (cells) => cells.filter((cell) => /^[\d.]+$/.test(cell.textContent)).map((cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    return [cell.textContent, new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size];
  }));
  assert.equal(figures.length, 4 * 6 + 13 + 6, 'the EASI, extent and intensity figures');
  assert.deepEqual(figures.filter(([, n]) => n > 1), [], 'every figure on one line');
  // The EASI table scrolls in its own box: its words are whole ("Trunk (including" / "genitals)"),
  // and so are the names of the scores ("Sleep disturba / nce" before) and the grades' scale, 0–3.
  const broken = await page.$$eval('.table-wrap .worksheet__table th, .worksheet__scores th, .worksheet__table thead th', (cells) => cells.map((cell) => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const words = cell.textContent.split(/\s+/).filter(Boolean).length;
    return [cell.textContent, new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size, words];
  }).filter(([, n, words]) => n > words));
  assert.deepEqual(broken, [], 'no more lines than words');
  // Printed on A4 (718 px between the usual 10 mm margins), every column of every table is on
  // the paper: nothing scrolls there.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 718, height: 1000 });
  const cut = await page.$$eval('.worksheet__table', (tables) => tables
    .filter((table) => table.getBoundingClientRect().right > 718 || (table.parentElement.scrollWidth > table.parentElement.clientWidth))
    .map((table) => table.querySelector('th').textContent));
  assert.deepEqual(cut, []);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone a patient\'s code in the patients table is a target a finger finds (44 px high)', async () => {
  const { page, context, problems } = await openApp(browser, server.url, { width: 390, height: 844 });
  const visit = { id: 'AD-033-2025-01-06-1', patient: 'AD-033', date: '2025-01-06', label: '', global: {},
    assessments: [{ instrument: 'itch_nrs', value: 6 }], easi_bands: 'leshem_2015', scorad_bands: 'kunz_1997', app_version: '0.1.0' };
  await putHistory(page, JSON.stringify({ format: 'adscore-history', version: 1, patients: [{ code: 'AD-033' }], visits: [visit] }));
  await page.goto(`${server.url}#history`);
  const link = page.locator('a[href="#patient/AD-033"]');
  await link.waitFor();
  const box = await link.boundingBox();
  assert.ok(box.height >= 44, `${box.width}×${box.height}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a very long patient code wraps instead of widening the screens; a wide visits table scrolls by keyboard with its dates in view', async () => {
  const { page, context, problems } = await openApp(browser, server.url, { width: 390, height: 844 });
  const long = `AD-${'X'.repeat(120)}`;
  const region = { area: 2, erythema: 2, edema_papulation: 2, excoriation: 2, lichenification: 2 };
  const visit = (date, label) => ({
    id: `${long}-${date}-1`, patient: long, date, label, global: {},
    assessments: [
      { instrument: 'easi', age_years: 34, regions: { head_neck: region, upper_limbs: region, trunk: region, lower_limbs: region } },
      { instrument: 'itch_nrs', value: 5 }, { instrument: 'sleep_nrs', value: 4 }, { instrument: 'poem', answers: [1, 1, 1, 1, 1, 1, 1] },
    ],
    easi_bands: 'leshem_2015', scorad_bands: 'kunz_1997', app_version: '0.1.0',
  });
  await putHistory(page, JSON.stringify({ format: 'adscore-history', version: 1, patients: [{ code: long }],
    visits: [visit('2025-01-06', 'baseline'), visit('2025-02-03', 'week 4')] }));
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  await page.click('#open-history');
  await page.waitForSelector('section[aria-labelledby="patients-title"] tbody tr');
  assert.equal(await pageWidth(), 390, 'the history list fits the phone');
  await page.goto(`${server.url}#patient/${encodeURIComponent(long)}`);
  await page.waitForSelector('[data-testid="visits"]');
  assert.equal(await pageWidth(), 390, 'the patient screen fits the phone');
  // The baseline chosen here is said to be for this screen only.
  assert.match(await page.textContent(`#${await page.getAttribute('#baseline', 'aria-describedby')}`), /For this screen only/);
  // The table is wider than the phone: a labelled tab stop that arrow keys scroll, the visit column kept in view.
  const wrap = page.locator('.table-wrap[role="region"]');
  assert.equal(await wrap.getAttribute('aria-labelledby'), 'visits-title');
  assert.ok(await wrap.evaluate((w) => w.scrollWidth > w.clientWidth), 'wider than the phone');
  await wrap.focus();
  for (let i = 0; i < 12; i += 1) await page.keyboard.press('ArrowRight');
  assert.ok(await wrap.evaluate((w) => w.scrollLeft > 0), 'scrolled by keyboard');
  const [wrapBox, dateBox] = [await wrap.boundingBox(), await page.locator('[data-testid="visits"] tbody th').first().boundingBox()];
  assert.ok(Math.abs(dateBox.x - wrapBox.x) < 2, 'the visit column stays at the left edge');
  // Each visit's worksheet link is a finger's size tall.
  const heights = await page.$$eval('[data-testid="visits"] .table__action', (links) => links.map((a) => a.getBoundingClientRect().height));
  assert.equal(heights.length, 2);
  assert.ok(heights.every((h) => h >= 44), `worksheet links ${heights} px tall`);
  // The charts' own labels (scale ends, dates) stay readable at a phone's width.
  const labels = await page.$$eval('.chart__axis', (texts) => texts.map((t) => t.getBoundingClientRect().height));
  assert.ok(labels.length >= 4 && labels.every((h) => h >= 11), `chart labels ${labels} px tall`);
  await page.goto(`${server.url}#print/${encodeURIComponent(`${long}-2025-01-06-1`)}`);
  await page.waitForSelector('#print');
  assert.equal(await pageWidth(), 390, 'the worksheet fits the phone');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a history screen kept in front beside the window that saves lists the new visits at once, without regaining focus', async () => {
  // Assemble: one visit saved; a second window beside it opens the history. That window never
  // regains focus or visibility: its focus and visibilitychange events are held back.
  const { page, context, problems } = await openApp(browser, server.url);
  page.on('dialog', (dialog) => dialog.accept());
  await easiVisit(page, '2026-01-05', 2, 'baseline');
  const beside = await context.newPage();
  beside.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await beside.addInitScript(() => {
    for (const [target, type] of [[window, 'focus'], [document, 'visibilitychange']]) {
      target.addEventListener(type, (event) => event.stopImmediatePropagation(), true);
    }
  });
  await beside.goto(`${server.url}#history`);
  await beside.waitForSelector('a[href="#patient/AD-017"]');
  assert.match(await beside.textContent('table'), /AD-017\s*1\s*5 Jan 2026/);
  // Act: the examination's window saves a second visit and a new patient.
  await page.click('text=New examination');
  await easiVisit(page, '2026-02-02', 1, 'week 4');
  await page.fill('#visit-patient', 'AD-018');
  await page.click('#save-visit');
  await page.waitForSelector('text=Saved the visit of AD-018 on 2 Feb 2026');
  // Assert: the window beside lists both, and exports them as the full history.
  await beside.waitForFunction(() => /AD-017\s*2\s*2 Feb 2026/.test(document.querySelector('table').textContent), null, { timeout: 5000 });
  await beside.waitForSelector('a[href="#patient/AD-018"]', { timeout: 5000 });
  const exported = JSON.parse(await download(beside, '#export-json'));
  assert.equal(exported.visits.length, 3);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an import applied after another window saved is checked again and shown before anything is added', async () => {
  // Assemble: AD-017's baseline saved; a file with that visit and a week-4 EASI; the history
  // screen in a second window reads the file: one new visit.
  const { page, context, problems } = await openApp(browser, server.url);
  page.on('dialog', (dialog) => dialog.accept());
  await easiVisit(page, '2026-01-05', 2, 'baseline');
  const file = JSON.parse(await page.evaluate(storedHistory));
  file.visits.push({ ...file.visits[0], id: 'from-file', date: '2026-02-02', label: 'week 4' });
  const beside = await context.newPage();
  beside.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await beside.goto(`${server.url}#history`);
  await beside.setInputFiles('#import-json', { name: 'week4.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await beside.waitForSelector('[data-testid="import-plan"]');
  assert.match(await beside.textContent('[data-testid="import-plan"]'), /adds 0 patients and 1 visit; 1 assessment is already here; 0 differ/);
  // Act: meanwhile the examination saves week 4 with another EASI; then the plan is applied.
  await page.click('text=New examination');
  await easiVisit(page, '2026-02-02', 1, 'week 4');
  await beside.waitForFunction(() => /AD-017\s*2\s*2 Feb 2026/.test(document.querySelector('table').textContent), null, { timeout: 5000 });
  await beside.click('#import-apply');
  // Assert: nothing added; the plan shown again says the week-4 EASI now differs, and why.
  await beside.waitForSelector('[data-testid="import-changed"]');
  assert.match(await beside.textContent('[data-testid="import-changed"]'), /changed since the file was read .* nothing was imported yet/);
  const plan = await beside.textContent('[data-testid="import-plan"]');
  assert.match(plan, /adds 0 patients and 0 visits; 1 assessment is already here; 1 differs/);
  assert.match(plan, /AD-017 · 2 Feb 2026 · EASI: 4\.0 → 8\.0/);
  assert.equal(JSON.parse(await beside.evaluate(storedHistory)).visits.length, 2);
  // Keeping the device's scores now adds nothing, and says so.
  await beside.click('#import-apply');
  await beside.waitForSelector('text=Imported: 0 new visits.');
  assert.equal(await beside.$('[data-testid="import-plan"]'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an import the device could not write says so, takes back "Imported" and shows the history as stored; the next one that is written clears it', async () => {
  // Assemble: AD-017's baseline saved; a file with one more visit; the device's store refuses
  // the next write of the history (as when it is full).
  const { page, context, problems } = await openApp(browser, server.url);
  await easiVisit(page, '2026-01-05', 2, 'baseline');
  const file = JSON.parse(await page.evaluate(storedHistory));
  file.visits.push({ ...file.visits[0], id: 'from-file', date: '2026-02-02', label: 'week 4' });
  const buffer = Buffer.from(JSON.stringify(file));
  await page.click('#open-history');
  await page.waitForSelector('#import-json');
  await refuseHistoryWrites(page);
  // Act: the file's new visit is added.
  await page.setInputFiles('#import-json', { name: 'week4.json', mimeType: 'application/json', buffer });
  await page.click('#import-apply');
  // Assert: the alert says the change was not saved and why; "Imported" is not left beside it;
  // the screen lists what is stored (one visit), not the import as if it were saved.
  await page.waitForSelector('text=This change could not be saved');
  assert.match(await page.textContent('[role=alert]'), /^This change could not be saved: [^.]+[^.]\. What is shown is the history as stored now/);
  await page.waitForFunction(() => !document.querySelector('p.ok[role=status]'));
  await page.waitForFunction(() => /AD-017\s*1\s*5 Jan 2026/.test(document.querySelector('table').textContent));
  assert.equal(JSON.parse(await page.evaluate(storedHistory)).visits.length, 1);
  // Act: writes work again, and the file is imported again.
  await page.evaluate(() => { window.refuseWrites = false; });
  await page.setInputFiles('#import-json', { name: 'week4.json', mimeType: 'application/json', buffer });
  await page.click('#import-apply');
  // Assert: imported and stored; the alert about the earlier change is gone.
  await page.waitForSelector('text=Imported: 1 new visit.');
  await page.waitForFunction(() => /AD-017\s*2\s*2 Feb 2026/.test(document.querySelector('table').textContent));
  assert.equal(await page.$('text=This change could not be saved'), null);
  assert.equal(JSON.parse(await page.evaluate(storedHistory)).visits.length, 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a visit the device could not write says "Not saved" and why, in one sentence; saved again once writes work', async () => {
  // Assemble: an examination ready to save; the device's store refuses writes.
  const { page, context, problems } = await openApp(browser, server.url);
  await refuseHistoryWrites(page);
  // Act
  await easiVisit(page, '2026-01-05', 2, 'baseline').catch(() => {});
  await page.waitForSelector('#save [role=alert]');
  // Assert: said as a write that failed, the browser's reason inside, no ".." after it.
  const said = (await page.textContent('#save [role=alert]')).trim();
  assert.match(said, /^Not saved: this browser could not write the visit history \([^)]+\)\. Nothing stored was changed/);
  assert.doesNotMatch(said, /\.\./);
  // Writes work again: the same examination is saved.
  await page.evaluate(() => { window.refuseWrites = false; });
  await page.click('#save-visit');
  await page.waitForSelector('text=Saved the visit of AD-017 on 5 Jan 2026.');
  assert.equal(JSON.parse(await page.evaluate(storedHistory)).visits.length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a date of birth entered is kept on the patient\'s record: filled in, and put over another only when the user agrees', async () => {
  // Assemble: AD-017's baseline saved with a typed age (no date of birth on record).
  const { page, context, problems } = await openApp(browser, server.url);
  const confirms = answerConfirms(page, /date of birth/, true);
  const asked = confirms.asked;
  await easiVisit(page, '2026-01-05', 2, 'baseline');
  const visitWithBirthDate = async (date, dob) => {
    await page.click('text=New examination');
    await page.fill('#exam-date', date);
    await page.fill('#dob', dob);
    for (const region of ['head_neck', 'upper_limbs', 'trunk', 'lower_limbs']) {
      await tap(page, `easi-${region}-area-2`);
      for (const sign of ['erythema', 'edema_papulation', 'excoriation', 'lichenification']) await tap(page, `easi-${region}-${sign}-2`);
    }
    await page.fill('#visit-patient', 'AD-017');
    await page.click('#save-visit');
    await page.waitForFunction((d) => document.querySelector('.ok[role=status]')?.textContent.includes(d), date === '2026-02-02' ? '2 Feb 2026' : date === '2026-03-02' ? '2 Mar 2026' : '6 Apr 2026');
  };
  const stored = async () => JSON.parse(await page.evaluate(storedHistory));
  // Act / Assert: a date of birth entered at week 4 is recorded, nothing asked.
  await visitWithBirthDate('2026-02-02', '1990-04-01');
  assert.equal((await stored()).patients[0].dob, '1990-04-01');
  assert.deepEqual(asked, []);
  // Another date: asked; cancelled, the record keeps its date and the visit is saved.
  confirms.next = false;
  await visitWithBirthDate('2026-03-02', '1990-04-02');
  assert.deepEqual(asked, ['AD-017\'s date of birth on this device is 1 Apr 1990; this examination has 2 Apr 1990. Record 2 Apr 1990 instead? Cancel keeps 1 Apr 1990; the visit is saved either way.']);
  assert.equal((await stored()).patients[0].dob, '1990-04-01');
  assert.equal((await stored()).visits.length, 3);
  // Agreed: recorded.
  confirms.next = true;
  await visitWithBirthDate('2026-04-06', '1990-04-02');
  assert.equal(asked.length, 2);
  assert.equal((await stored()).patients[0].dob, '1990-04-02');
  assert.equal((await stored()).visits.length, 4);
  // The same examination saved again with only the date of birth corrected: asked, recorded.
  await page.fill('#dob', '1990-04-03');
  await page.click('#save-visit');
  await page.waitForSelector('text=Updated the visit of AD-017 on 6 Apr 2026 with this examination.');
  assert.equal(asked.length, 3);
  assert.equal((await stored()).patients[0].dob, '1990-04-03');
  assert.equal((await stored()).visits.length, 4);
  // The patient's page shows it as dates are written elsewhere.
  await page.goto(`${server.url}#patient/AD-017`);
  assert.equal(await page.textContent('[data-testid="patient-dob"]'), 'Date of birth: 3 Apr 1990');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an age typed that the patient\'s stored date of birth contradicts is asked about before the visit is saved', async () => {
  // Assemble: AD-017's baseline saved with a date of birth (36 on 2026-05-04).
  const { page, context, problems } = await openApp(browser, server.url);
  const confirms = answerConfirms(page, /this examination has/, false);
  const asked = confirms.asked;
  const exam = async (date, age, label) => {
    await page.fill('#exam-date', date);
    if (age.includes('-')) await page.fill('#dob', age); else await page.fill('#age', age);
    for (const region of ['head_neck', 'upper_limbs', 'trunk', 'lower_limbs']) {
      await tap(page, `easi-${region}-area-1`);
      for (const sign of ['erythema', 'edema_papulation', 'excoriation', 'lichenification']) await tap(page, `easi-${region}-${sign}-2`);
    }
    await page.fill('#visit-patient', 'AD-017');
    await page.fill('#visit-label', label);
    await page.click('#save-visit');
    await page.waitForSelector('#save [role=alert], #save .ok[role=status]');
  };
  const stored = async () => JSON.parse(await page.evaluate(storedHistory));
  await exam('2026-01-05', '1990-04-01', 'baseline');
  assert.equal((await stored()).patients[0].dob, '1990-04-01');
  // Act: week 4 with 34 typed (the record says 36 that day); cancelled.
  await page.click('text=New examination');
  await exam('2026-05-04', '34', 'week 4');
  // Assert: asked, with both ages; nothing saved, and the message says why.
  assert.deepEqual(asked, ['AD-017\'s date of birth on this device is 1 Apr 1990: on 4 May 2026 that is 36 years, but this examination has 34 years. The scores use the age\'s weights. Save with 34 years? Cancel saves nothing, so you can correct the age or enter the date of birth.']);
  assert.equal((await page.textContent('#save [role=alert]')).trim(), 'Not saved: the age typed (34 years) differs from the stored date of birth\'s (36 years). Correct the age, or enter the date of birth, then save.');
  assert.equal((await stored()).visits.length, 1);
  // Act: the age corrected to 36: saved without a question.
  await page.fill('#age', '36');
  await page.click('#save-visit');
  await page.waitForSelector('text=Saved the visit of AD-017 on 4 May 2026.');
  assert.equal(asked.length, 1);
  assert.equal((await stored()).visits.length, 2);
  // Another day with a contradicting age, agreed to: saved with the typed age.
  confirms.next = true;
  await page.click('text=New examination');
  await exam('2026-06-01', '34', 'week 8');
  assert.equal(asked.length, 2);
  await page.waitForSelector('text=Saved the visit of AD-017 on 1 Jun 2026.');
  const week8 = (await stored()).visits.find((v) => v.date === '2026-06-01');
  assert.equal(week8.assessments[0].age_years, 34);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the patients table heads its column "Patient code"; the example code stays where a code is typed', async () => {
  // Assemble: one visit saved.
  const { page, context, problems } = await openApp(browser, server.url);
  await easiVisit(page, '2026-01-05', 2, 'baseline');
  assert.equal(await page.textContent('label[for="visit-patient"]'), 'Patient code (e.g. AD-017)');
  // Act: the history screen, in English, then in Korean.
  await page.click('#open-history');
  await page.waitForSelector('a[href="#patient/AD-017"]');
  const english = await page.$$eval('[aria-labelledby="patients-title"] thead th', (ths) => ths.map((th) => th.textContent));
  await page.selectOption('#language', 'ko');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === '기록');
  const korean = await page.$$eval('[aria-labelledby="patients-title"] thead th', (ths) => ths.map((th) => th.textContent));
  // Assert
  assert.deepEqual(english, ['Patient code', 'Visits', 'Last visit']);
  assert.deepEqual(korean, ['환자 코드', '방문', '마지막 방문']);
  await page.click('a[href="#"]');
  await page.waitForFunction(() => document.querySelector('label[for="visit-patient"]')?.textContent === '환자 코드(예: AD-017)');
  assert.deepEqual(problems, []);
  await context.close();
});

// Answers each dialog from `answers` (in order; dismissed when none is left) and records what it
// asked in `asked`.
function answering(page) {
  const dialogs = { asked: [], answers: [] };
  page.on('dialog', (dialog) => {
    dialogs.asked.push(dialog.message());
    return dialogs.answers.shift() ? dialog.accept() : dialog.dismiss();
  });
  return dialogs;
}

// Saves the examination on `date` under `code`, waits for `said`, and returns the stored history.
async function savedAs(page, date, code, said) {
  await page.fill('#exam-date', date);
  await page.fill('#visit-patient', code);
  await page.click('#save-visit');
  await page.waitForSelector(`text=${said}`);
  return JSON.parse(await page.evaluate(storedHistory));
}

test('saving under a code that differs from a patient\'s only in letter case or spaces asks first which patient it is', async () => {
  // Assemble: AD-017 has a visit. Each question is answered from `dialogs.answers` (and recorded).
  const { page, context, problems } = await openApp(browser, server.url);
  const dialogs = answering(page);
  const asked = dialogs.asked;
  await easiVisit(page, '2026-01-05', 2, 'baseline');
  assert.deepEqual(asked, []);
  const saved = (date, code, said) => savedAs(page, date, code, said);
  // Act / Assert: "ad-017", said to be AD-017: filed under AD-017, no new patient.
  dialogs.answers = [true];
  let stored = await saved('2026-02-02', 'ad-017', 'Saved the visit of AD-017 on 2 Feb 2026');
  assert.deepEqual(asked, ['AD-017 is already on this device, and ad-017 differs from it only in letter case, spaces, full-width or invisible characters. '
    + 'Is it the same patient? OK saves this visit under AD-017; Cancel asks whether to add ad-017 as a new patient.']);
  assert.deepEqual(stored.patients.map((p) => p.code), ['AD-017']);
  assert.deepEqual(stored.visits.map((v) => v.patient), ['AD-017', 'AD-017']);
  // Not the same patient, and a new one wanted: added beside AD-017, deliberately.
  dialogs.answers = [false, true];
  stored = await saved('2026-03-02', 'ad-017', 'Saved the visit of ad-017 on 2 Mar 2026');
  assert.equal(asked[2], 'Add ad-017 as a new patient, apart from AD-017? Their visits are then listed, compared and counted separately.');
  assert.deepEqual(stored.patients.map((p) => p.code), ['AD-017', 'ad-017']);
  // Neither (asked for each similar code, then for a new patient): nothing saved, and said why.
  dialogs.answers = [false, false, false];
  stored = await saved('2026-04-06', 'AD - 017', 'Not saved: check the patient code (AD - 017 differs from AD-017, ad-017 only in letter case, spaces, full-width or invisible characters).');
  assert.equal(asked.length, 6);
  assert.equal(stored.visits.length, 3);
  // The exact code asks nothing.
  dialogs.answers = [];
  await saved('2026-04-06', 'ad-017', 'Saved the visit of ad-017 on 6 Apr 2026');
  assert.equal(asked.length, 6);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the import plan names a differing score by its instrument with both values, and a differing field by its short name, in English and Korean', async () => {
  // Assemble: AD-017 with EASI 8.0 labelled baseline; a file where the trunk's area score is one
  // higher and the label is "week four".
  const { page, context, problems } = await openApp(browser, server.url);
  page.on('dialog', (dialog) => dialog.accept());
  await easiVisit(page, '2026-01-05', 2, 'baseline');
  const edited = JSON.parse(await page.evaluate(storedHistory));
  const easi = edited.visits[0].assessments.find((a) => a.instrument === 'easi');
  easi.regions.trunk.area += 1;
  edited.visits[0].label = 'week four';
  // Act
  const { english, korean } = await importPlans(page, edited);
  // Assert
  assert.deepEqual(english, ['AD-017 · 5 Jan 2026 · EASI: 8.0 → 9.2', 'AD-017 · 5 Jan 2026 · Visit label: baseline → week four']);
  assert.deepEqual(korean, ['AD-017 · 2026년 1월 5일 · EASI: 8.0 → 9.2', 'AD-017 · 2026년 1월 5일 · 방문 이름: baseline → week four']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('after "same patient", the code field shows the stored code, and saving again asks nothing', async () => {
  // Assemble: AD-017 has a visit; "ad-017" is typed and said to be AD-017.
  const { page, context, problems } = await openApp(browser, server.url);
  const dialogs = answering(page);
  await easiVisit(page, '2026-01-05', 2, 'baseline');
  dialogs.answers = [true];
  await savedAs(page, '2026-02-02', 'ad-017', 'Saved the visit of AD-017 on 2 Feb 2026');
  // Act: the field as it now reads, and a second save (another day) without touching it.
  const field = await page.inputValue('#visit-patient');
  await page.fill('#exam-date', '2026-02-09');
  await page.click('#save-visit');
  await page.waitForSelector('text=Saved the visit of AD-017 on 9 Feb 2026');
  // Assert: one question in all.
  assert.equal(field, 'AD-017');
  assert.equal(dialogs.asked.length, 1);
  const stored = JSON.parse(await page.evaluate(storedHistory));
  assert.deepEqual(stored.visits.map((v) => v.patient), ['AD-017', 'AD-017', 'AD-017']);
  // The examination counts as saved with the field so changed: "New examination" asks nothing.
  dialogs.answers = [true];
  await savedAs(page, '2026-02-16', 'ad-017', 'Saved the visit of AD-017 on 16 Feb 2026');
  await page.click('text=New examination');
  assert.equal(dialogs.asked.length, 2, dialogs.asked.join(' | '));
  assert.equal(await page.inputValue('#visit-patient'), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a code pasted with invisible characters or typed in full-width forms asks which patient it is; a new one is stored without them', async () => {
  // Assemble: AD-101 has a visit. Each question is answered from `dialogs.answers` (and recorded).
  const { page, context, problems } = await openApp(browser, server.url);
  const dialogs = answering(page);
  const asked = dialogs.asked;
  await easiVisit(page, '2026-01-05', 2, 'baseline', 'AD-101');
  const saved = (date, code, said) => savedAs(page, date, code, said);
  // Act / Assert: a zero-width space inside, said to be AD-101: filed under AD-101.
  dialogs.answers = [true];
  let stored = await saved('2026-02-02', 'AD\u200B-101', 'Saved the visit of AD-101 on 2 Feb 2026');
  assert.deepEqual(asked, ['AD-101 is already on this device, and AD\u200B-101 differs from it only in letter case, spaces, full-width or invisible characters. '
    + 'Is it the same patient? OK saves this visit under AD-101; Cancel asks whether to add AD\u200B-101 as a new patient.']);
  // Full-width forms (a Korean keyboard in full-width mode), said to be AD-101 too.
  dialogs.answers = [true];
  stored = await saved('2026-03-02', 'ＡＤ－１０１', 'Saved the visit of AD-101 on 2 Mar 2026');
  assert.equal(asked.length, 2);
  assert.match(asked[1], /^AD-101 is already on this device, and ＡＤ－１０１ differs/);
  assert.deepEqual(stored.patients.map((p) => p.code), ['AD-101']);
  assert.deepEqual(stored.visits.map((v) => v.patient), ['AD-101', 'AD-101', 'AD-101']);
  // Differing only in an invisible character, it cannot be added apart: nothing saved.
  dialogs.answers = [false, true];
  stored = await saved('2026-04-06', '\u2060AD-101', 'Not saved: check the patient code');
  assert.equal(asked.length, 3, 'not offered as a new patient');
  assert.equal(stored.visits.length, 3);
  // A new code with a soft hyphen and a byte order mark pasted in: stored without them, no question.
  stored = await saved('2026-04-06', 'AD-2\u00AD00\uFEFF', 'Saved the visit of AD-200 on 6 Apr 2026');
  assert.equal(asked.length, 3);
  assert.deepEqual(stored.patients.map((p) => p.code), ['AD-101', 'AD-200']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('in Korean, an assessment refused inside an import and batch-scoring row errors say what is wrong in Korean; the output file keeps its English reasons', async () => {
  // Assemble: a history whose one EASI grades a sign 0.5, one with a key the format lacks; a batch
  // file with an itch NRS of 11 and a number written with a comma.
  const { page, context, problems } = await openApp(browser, server.url);
  const region = (erythema) => ({ area: 1, erythema, edema_papulation: 1, excoriation: 0, lichenification: 0 });
  const history = (assessment) => JSON.stringify({ format: 'adscore-history', version: 1, patients: [{ code: 'AD-017' }],
    visits: [{ id: 'v1', patient: 'AD-017', date: '2026-01-05', assessments: [assessment], app_version: '0.1.0' }] });
  const half = history({ instrument: 'easi', age_years: 34,
    regions: { head_neck: region(0.5), upper_limbs: region(1), trunk: region(1), lower_limbs: region(1) } });
  const extra = history({ instrument: 'itch_nrs', value: 7, extra: 1 });
  const batch = 'subject,instrument,nrs_value\nS1,itch_nrs,11\nS2,itch_nrs,"6,5"\nS3,itch_nrs,7\n';
  await page.click('#open-history');
  await page.waitForSelector('#export-json');
  await historyInKorean(page);
  const refusal = async (name, text) => {
    const before = await page.$eval('[role=alert]', (alert) => alert.textContent).catch(() => null);
    await page.setInputFiles('#import-json', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction((old) => (document.querySelector('[role=alert]')?.textContent ?? old) !== old, before);
    return page.textContent('[role=alert]');
  };
  // Act
  const halfRefused = await refusal('half.json', half);
  const extraRefused = await refusal('extra.json', extra);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.setInputFiles('#batch-csv', { name: 'batch.csv', mimeType: 'text/csv', buffer: Buffer.from(batch) }),
  ]);
  await page.waitForSelector('[data-testid="batch-errors"] li');
  const listed = await page.$$eval('[data-testid="batch-errors"] li', (lis) => lis.map((li) => li.textContent));
  const scored = (await readFile(await file.path(), 'utf8')).trim().split('\r\n');
  // Assert
  assert.equal(halfRefused, '파일을 사용할 수 없어 아무것도 바꾸지 않았습니다: 1번째 방문(ID "v1")\u2060의 1번째 평가가 평가 기록 형식에 맞지 않습니다. '
    + 'EASI 징후 등급 0.5는 쓸 수 없습니다. 징후가 있으면 적어도 경도(1)\u2060입니다');
  assert.equal(extraRefused, '파일을 사용할 수 없어 아무것도 바꾸지 않았습니다: 1번째 방문(ID "v1")\u2060의 1번째 평가가 평가 기록 형식에 맞지 않습니다. '
    + '알 수 없는 키 `extra`이(가) 있습니다(쓸 수 있는 키: `value`)');
  assert.deepEqual(listed, [
    '2행: nrs_value: NRS 값은(는) 0~10의 정수여야 하는데 11입니다',
    '3행: nrs_value: "6,5"은(는) 숫자가 아닙니다(소수점은 마침표로 쓰세요)',
  ]);
  assert.ok(scored[1].endsWith(',"nrs_value: NRS value must be an integer 0–10, got 11"'), `the file keeps the English reason: ${scored[1]}`);
  assert.match(scored[2], /"nrs_value: ""6,5"" is not a number \(use a point as the decimal separator\)"$/);
  assert.deepEqual(problems, []);
  await context.close();
});

/** The lines of the import plan for the history `edited`, shown in English, then in Korean. */
async function importPlans(page, edited) {
  const plan = async () => {
    await page.setInputFiles('#import-json', { name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
    await page.waitForSelector('[data-testid="import-plan"] li');
    return page.$$eval('[data-testid="import-plan"] li', (lis) => lis.map((li) => li.textContent));
  };
  await page.click('#open-history');
  await page.waitForSelector('#import-json');
  const english = await plan();
  await page.click('text=Cancel');
  await historyInKorean(page);
  return { english, korean: await plan() };
}

test('the import plan names a differing global rating once, with short values, in English and Korean', async () => {
  // Assemble: AD-017's visit without global ratings; a file that gives its disease status as mild.
  const { page, context, problems } = await openApp(browser, server.url);
  page.on('dialog', (dialog) => dialog.accept());
  await easiVisit(page, '2026-01-05', 2, 'baseline');
  const edited = JSON.parse(await page.evaluate(storedHistory));
  edited.visits[0].global = { status: 2 };
  // Act
  const { english, korean } = await importPlans(page, edited);
  // Assert
  assert.deepEqual(english, ['AD-017 · 5 Jan 2026 · Disease status: — → Mild']);
  assert.deepEqual(korean, ['AD-017 · 2026년 1월 5일 · 질환 상태: — → 가벼움']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a parent\'s rating imported on a day the patient rated says who gave each, and taken it is filed as the parent\'s', async () => {
  // Assemble: on the device, AD-030's visit with the patient's itch and treatment effect; a file
  // from another device with a parent's treatment effect that day.
  const { page, context, problems } = await openApp(browser, server.url);
  page.on('dialog', (dialog) => dialog.accept());
  const visit = (id, extra) => ({ id, patient: 'AD-030', date: '2026-02-02', label: 'week 4', assessments: [], easi_bands: 'leshem_2015', scorad_bands: 'kunz_1997', app_version: '0.1.0', ...extra });
  const historyOf = (visits) => JSON.stringify({ format: 'adscore-history', version: 2, patients: [{ code: 'AD-030' }], visits });
  await putHistory(page, historyOf([visit('a', { assessments: [{ instrument: 'itch_nrs', value: 7 }], global: { effect: 2 }, reported_by: 'patient' })]));
  const file = JSON.parse(historyOf([visit('p', { global: { effect: 3 }, reported_by: 'parent' })]));
  // Act
  const { english, korean } = await importPlans(page, file);
  await page.click('#import-overwrite');
  await page.waitForSelector('.ok[role=status]');
  // Assert: the question names who gave each rating; taken, the patient's visit keeps the itch
  // and who gave it, and the parent's rating is on a visit of the parent's.
  assert.deepEqual(english, ['AD-030 · 2 Feb 2026 · Treatment effect: A little better → No change · Answered by: The patient → A parent or carer']);
  assert.deepEqual(korean, ['AD-030 · 2026년 2월 2일 · 치료 효과: 조금 좋아짐 → 변화 없음 · 응답자: 환자 본인 → 부모 또는 보호자']);
  const stored = JSON.parse(await page.evaluate(storedHistory));
  const day = stored.visits.map((v) => [v.reported_by, v.assessments.length, v.global?.effect ?? null, v.label]);
  assert.deepEqual(day.sort(), [['parent', 0, 3, 'week 4'], ['patient', 1, null, 'week 4']]);
  // The parent's itch rating of that day, another than the patient's: asked with who gave each;
  // taken, it joins the parent's visit.
  const itch = JSON.parse(historyOf([visit('q', { assessments: [{ instrument: 'itch_nrs', value: 4 }], reported_by: 'parent' })]));
  await page.setInputFiles('#import-json', { name: 'itch.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(itch)) });
  await page.waitForSelector('[data-testid="import-plan"] li');
  const asked = await page.$$eval('[data-testid="import-plan"] li', (lis) => lis.map((li) => li.textContent));
  await page.click('#import-overwrite');
  await page.waitForSelector('.ok[role=status]');
  const after = JSON.parse(await page.evaluate(storedHistory)).visits
    .map((v) => [v.reported_by, v.assessments.map((a) => `${a.instrument} ${a.value}`).join(), v.global?.effect ?? null]);
  // (The history screen is in Korean now.) The patient's visit, left with nothing, is gone.
  assert.deepEqual(asked, ['AD-030 · 2026년 2월 2일 · 가려움 NRS(가장 심할 때, 24시간): 7 → 4 · 응답자: 환자 본인 → 부모 또는 보호자']);
  assert.deepEqual(after, [['parent', 'itch_nrs 4', 3]]);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const viewport of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }]) test(`saved from a "Save visit" at the screen's foot, the visit's message comes into sight, above the score sheet (${viewport.width}×${viewport.height})`, async () => {
  const { page, context, problems } = await openApp(browser, server.url, viewport);
  await page.fill('#age', '34');
  for (const region of ['head_neck', 'upper_limbs', 'trunk', 'lower_limbs']) {
    await tap(page, `easi-${region}-area-1`);
    for (const sign of ['erythema', 'edema_papulation', 'excoriation', 'lichenification']) await tap(page, `easi-${region}-${sign}-2`);
  }
  await page.fill('#visit-patient', 'AD-201');
  // The button's foot at the top of what covers the screen's foot (the score sheet on a portrait
  // tablet), else at the screen's: the message (below it) would be out of sight.
  const foot = () => page.evaluate(() => {
    const panel = document.querySelector('.panel');
    return getComputedStyle(panel).position === 'fixed' ? panel.getBoundingClientRect().top : window.innerHeight;
  });
  const end = await foot();
  await page.evaluate((at) => window.scrollBy(0, document.querySelector('#save-visit').getBoundingClientRect().bottom - at + 2), end);
  await page.click('#save-visit');
  const message = await page.waitForSelector('.ok[role=status]');
  const [box, limit] = [await message.boundingBox(), await foot()];
  assert.ok(box.y >= 0 && box.y + box.height <= limit, `the message is at ${box.y}–${box.y + box.height}, what is seen ends at ${limit}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('printed, a patient\'s page and a worksheet carry every column, POEM\'s notice and the light colours, without controls', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await page.emulateMedia({ colorScheme: 'dark' });
  const region = (area) => ({ area, erythema: 2, edema_papulation: 2, excoriation: 2, lichenification: 2 });
  const visit = (date, label, area, itch) => ({
    id: `AD-031-${date}-1`, patient: 'AD-031', date, label, global: {},
    assessments: [
      { instrument: 'easi', age_years: 34, regions: { head_neck: region(area), upper_limbs: region(area), trunk: region(area), lower_limbs: region(area) } },
      { instrument: 'scorad', age_years: 34, extent: Object.fromEntries(['head_neck_front', 'head_neck_back', 'upper_limb_left_front', 'upper_limb_left_back', 'upper_limb_right_front', 'upper_limb_right_back', 'trunk_front', 'trunk_back', 'lower_limb_left_front', 'lower_limb_left_back', 'lower_limb_right_front', 'lower_limb_right_back', 'genitals'].map((s) => [s, 10])),
        intensity: { erythema: 1, edema_papulation: 1, oozing_crusts: 1, excoriation: 1, lichenification: 1, dryness: 1 }, subjective: { pruritus: 3.2, sleep_loss: 1.5 } },
      { instrument: 'itch_nrs', value: itch }, { instrument: 'sleep_nrs', value: 4 }, { instrument: 'poem', answers: [1, 2, 1, 1, 1, 1, 1] },
    ],
    easi_bands: 'leshem_2015', scorad_bands: 'kunz_1997', app_version: '0.1.0',
  });
  await putHistory(page, JSON.stringify({ format: 'adscore-history', version: 1, patients: [{ code: 'AD-031' }],
    visits: [visit('2026-01-05', 'baseline', 4, 8), visit('2026-02-02', 'week 4', 1, 3)] }));
  await page.goto(`${server.url}#patient/AD-031`);
  await page.waitForSelector('[data-testid="visits"] tbody tr');
  await page.focus('h1');
  // A4 between the usual 10 mm margins.
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await page.setViewportSize({ width: 718, height: 1000 });
  const patient = await page.evaluate(() => {
    const table = document.querySelector('[data-testid="visits"]');
    const shown = (selector) => [...document.querySelectorAll(selector)].filter((el) => el.getClientRects().length).length;
    return {
      // Every column, the responder flags last, on the paper.
      cut: table.getBoundingClientRect().right > 718 || table.parentElement.scrollWidth > table.parentElement.clientWidth,
      flags: document.querySelector('[data-testid="visits"] .badge')?.textContent,
      controls: shown('#delete-patient, .table__action, #patient-note'),
      notice: document.querySelector('[data-testid="poem-notice"]')?.textContent ?? '',
      // The light palette's line and a swatch printed as drawn, whatever the screen's scheme.
      line: getComputedStyle(document.querySelector('.chart__line')).stroke,
      swatch: getComputedStyle(document.querySelector('.chart__swatch')).printColorAdjust,
      ring: getComputedStyle(document.activeElement).outlineStyle,
    };
  });
  assert.deepEqual(patient, { cut: false, flags: 'EASI-50', controls: 0, notice: patient.notice, line: 'rgb(11, 92, 173)', swatch: 'exact', ring: 'none' });
  assert.match(patient.notice, /© The University of Nottingham/);
  // The worksheet: POEM's notice where its answers are, and C's two values named.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${server.url}#print/AD-031-2026-02-02-1`);
  await page.waitForSelector('#print');
  assert.match(await page.textContent('[data-testid="poem-notice"]'), /© The University of Nottingham/);
  assert.match(await page.textContent('.worksheet'), /Itch over the last 3 days 3\.2 · Sleep over the last 3 nights 1\.5/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the stored patient codes are offered at the first tap on the code field: read as the save card scrolls near, not at that tap', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await putHistory(page, JSON.stringify({ format: 'adscore-history', version: 1, patients: [{ code: 'AD-050' }],
    visits: [{ id: 'AD-050-2026-01-05-1', patient: 'AD-050', date: '2026-01-05', label: '', global: {},
      assessments: [{ instrument: 'itch_nrs', value: 5 }], easi_bands: 'leshem_2015', scorad_bands: 'kunz_1997', app_version: '0.1.0' }] }));
  await reload(page);
  await page.waitForSelector(EXAM_READY);
  // Not read at the page's start (the history's module is not loaded for the map).
  assert.equal(await page.locator('#patient-codes option').count(), 0);
  await page.evaluate(() => document.querySelector('#save').scrollIntoView({ block: 'end', behavior: 'instant' }));
  await page.waitForFunction(() => document.querySelectorAll('#patient-codes option').length > 0, null, { timeout: 5000 });
  assert.deepEqual(await page.$$eval('#patient-codes option', (options) => options.map((o) => o.value)), ['AD-050']);
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'visit-patient', 'offered before the field is touched');
  assert.deepEqual(problems, []);
  await context.close();
});
