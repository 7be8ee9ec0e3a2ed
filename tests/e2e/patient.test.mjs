// End-to-end: the patient's part — hand-to-patient flow by touch and by keyboard, SCORAD C
// feeding the visit, "not scored" rules, and the Korean and pseudo-locale UIs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serveDist, launchBrowser, openApp, reload, topOf, handOver, EXAM_READY, layoutProblems } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const tap = (page, id) => page.click(`label[for="${id}"]`);
/** Next; on the first screen with no one chosen as answering, the patient is chosen first. */
const next = async (page) => {
  if (await step(page) === 'Intro' && !(await page.isChecked('#who-0')) && !(await page.isChecked('#who-1'))) await tap(page, 'who-0');
  await page.click('#flow-next');
};
const step = (page) => page.getAttribute('.flow__body', 'data-step');
const line = (page, id) => page.textContent(`[data-testid="${id}"] strong`).then((t) => t.trim());
const value = (page, id) => page.textContent(`[data-testid="${id}-value"]`).then((t) => t.trim());

/** Enters an objective SCORAD first (adult: A = 18 × 50 % = 9, B = 6 → objective 22.8). */
/** Opens the patient's own-phone flow (`#patient`) as a fresh load of the page. */
async function ownPhone(page) {
  await page.evaluate(() => { window.location.hash = 'patient'; });
  await reload(page); // once nothing is in flight: a reload would cut it off
  await page.waitForSelector('.flow');
}

async function clinicianScorad(page) {
  await page.fill('#age', '30');
  for (const input of await page.$$('input[id^="extent-"]')) {
    const id = await input.getAttribute('id');
    await input.fill(id === 'extent-trunk_front' ? '50' : '0');
  }
  for (const sign of ['erythema', 'edema_papulation', 'oozing_crusts', 'excoriation', 'lichenification', 'dryness']) {
    await tap(page, `scorad-${sign}-1`);
  }
}

/** A phone (touch) with the examination handed to the patient by a finger's tap. */
async function phoneHandedOver() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector(EXAM_READY);
  await page.tap('#hand-to-patient');
  return { context, page };
}

/** Sets a VAS slider with the keyboard: Home (0), then ArrowRight n times (0.1 each). */
async function vasByKeys(page, id, tenths) {
  await page.focus(`#${id}`);
  await page.keyboard.press('Home');
  for (let i = 0; i < tenths; i++) await page.keyboard.press('ArrowRight');
}

test('a patient completes every questionnaire by touch; answers merge into the visit', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await clinicianScorad(page);
  assert.equal(await value(page, 'scorad'), 'not scored');
  await page.click('#hand-to-patient');
  // The clinician's entries are not on the patient's screens.
  assert.equal(await page.locator('#age, #easi, .panel').count(), 0);
  // Nor the clinician's choice of questions, until unfolded.
  assert.equal(await page.isVisible('text=DLQI scores from a completed'), false);
  await page.click('.setup > summary');
  await page.check('text=DLQI scores from a completed');
  await next(page);
  assert.equal(await step(page), 'Itch');
  assert.match(await page.textContent('[data-testid="progress"]'), /Question 1 of 23/);
  // The question's part of the page (where the focus goes at each step) is named by it.
  assert.equal(await page.getByRole('main', { name: 'Question 1 of 23' }).count(), 1);
  await tap(page, 'itch-7');
  await next(page);
  await tap(page, 'sleep-3');
  await next(page);
  // SCORAD C by touch: tap the slider track, then check a value was taken; exact values by keys.
  const track = await page.locator('#vas-pruritus').boundingBox();
  await page.mouse.click(track.x + track.width * 0.65, track.y + track.height / 2);
  assert.match(await page.textContent('[data-testid="vas-pruritus-value"]'), /out of 10/);
  await vasByKeys(page, 'vas-pruritus', 65);
  assert.equal((await page.textContent('[data-testid="vas-pruritus-value"]')).trim(), 'Your answer: 6.5 out of 10');
  await next(page);
  // A tap in the middle of an unanswered slider (its thumb rests there) is an answer too.
  const middle = await page.locator('#vas-sleep').boundingBox();
  assert.equal((await page.textContent('[data-testid="vas-sleep-value"]')).trim(), 'Not answered yet');
  // The unanswered line has no handle: the patient is told how to answer, until they do.
  assert.equal(await page.textContent('#vas-sleep-hint'), 'Tap the line where your answer lies; drag to adjust it. With a keyboard: the arrow keys move it by 0.1, Page Up and Page Down by 1, Home and End to 0 and 10.');
  assert.equal(await page.getAttribute('#vas-sleep', 'aria-describedby'), 'vas-sleep-hint');
  await page.mouse.click(middle.x + middle.width / 2, middle.y + middle.height / 2);
  assert.match((await page.textContent('[data-testid="vas-sleep-value"]')).trim(), /^Your answer: 5(\.0)? out of 10$/);
  assert.equal(await page.locator('#vas-sleep-hint').count(), 0);
  await vasByKeys(page, 'vas-sleep', 30);
  // The keys the hint names do what it says.
  const sleep = () => page.textContent('[data-testid="vas-sleep-value"]').then((text) => text.trim());
  await page.focus('#vas-sleep');
  await page.keyboard.press('PageUp');
  assert.match(await sleep(), /^Your answer: 4(\.0)? out of 10$/);
  await page.keyboard.press('End');
  assert.match(await sleep(), /^Your answer: 10(\.0)? out of 10$/);
  await page.keyboard.press('Home');
  assert.match(await sleep(), /^Your answer: 0(\.0)? out of 10$/);
  await vasByKeys(page, 'vas-sleep', 30);
  await next(page);
  // POEM: 4, 3, 2, 1, 0, 1, 2 → 13, moderate.
  for (const [i, answer] of [4, 3, 2, 1, 0, 1, 2].entries()) {
    assert.equal(await step(page), `Poem(${i})`);
    await tap(page, `poem-${i + 1}-${answer}`);
    if (i === 0) assert.match(await page.textContent('[data-testid="poem-notice"]'), /© The University of Nottingham/);
    await next(page);
  }
  // DLQI: options are 0 = "3 — very much" … 3 = "0 — not at all", 4 = not relevant.
  // Items 1–6 and 8–10: 3, 2, not relevant, 1, 0, 0, 1, not relevant, 2 → item 7 prevented (3). Total 3+2+0+1+0+0+3+1+0+1 = 11.
  const dlqi = { 1: 0, 2: 1, 3: 4, 4: 2, 5: 3, 6: 3, 8: 2, 9: 4, 10: 2 };
  for (let item = 1; item <= 10; item++) {
    assert.match(await page.textContent('[data-testid="dlqi-notice"]'), /© A Y Finlay, G K Khan April 1992/);
    if (item === 7) {
      await tap(page, 'dlqi-7-prevented-1'); // No → then how much
      await tap(page, 'dlqi-7-level-0'); // a lot (2)
      await tap(page, 'dlqi-7-prevented-0'); // changed mind: Yes, prevented (3)
    } else {
      if (item <= 2) assert.equal(await page.locator(`#dlqi-${item}-4`).count(), 0, 'no "not relevant" on items 1–2');
      await tap(page, `dlqi-${item}-${dlqi[item]}`);
    }
    await next(page);
  }
  await tap(page, 'status-3'); // moderate
  await next(page);
  await tap(page, 'effect-1'); // much better
  await next(page);
  assert.equal(await step(page), 'Done');
  // The last screen lists the answers, to check before handing back.
  const answers = await page.$$eval('[data-testid="answers"] dd', (dds) => dds.map((dd) => dd.textContent));
  assert.deepEqual(answers, ['The patient', '7 / 10', '3 / 10', '6.5 / 10 · 3 / 10', '13 / 28', '11 / 30', 'Moderate · Much better']);
  await page.click('#flow-finish');
  // Back in the examination: everything merged; the focus on "Hand to patient", where it left.
  assert.equal(await line(page, 'itch-nrs'), '7 — severe');
  await page.waitForFunction(() => document.activeElement?.id === 'hand-to-patient');
  assert.equal(await line(page, 'sleep-nrs'), '3');
  assert.equal(await line(page, 'poem'), '13 — moderate');
  assert.equal(await line(page, 'dlqi'), '11 — very large effect');
  assert.equal(await line(page, 'disease-status'), 'Moderate');
  assert.equal(await line(page, 'treatment-effect'), 'Much better');
  // SCORAD total = objective 22.8 + C (6.5 + 3) = 32.3.
  assert.equal(await page.inputValue('#scorad-pruritus'), '6.5');
  assert.equal(await value(page, 'scorad'), '32.3');
  assert.deepEqual(problems, []);
  await context.close();
});

test('when the device cannot keep the answers, the patient is told once, in words for the patient', async () => {
  // Assemble: an examination begun; then the browser's storage refuses every write.
  const { page, context } = await openApp(browser, server.url);
  await page.fill('#age', '30');
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  // Act: handed over; the patient answers the itch.
  await page.click('#hand-to-patient');
  await tap(page, 'who-0');
  await page.click('#flow-next');
  await tap(page, 'itch-7');
  await page.waitForSelector('[role=alert]');
  // Assert: one alert, to the patient (not the clinician's "until the scores are recorded").
  const alerts = await page.$$eval('[role=alert]', (all) => all.map((a) => a.textContent.trim()));
  assert.deepEqual(alerts, ['This device could not keep your answers (its storage is full or turned off). Please keep this page open and tell your clinician.']);
  await context.close();
});

test('a patient completes the flow with the keyboard alone', async () => {
  const { page, context } = await openApp(browser, server.url);
  await ownPhone(page);
  // On its own (no clinician), the choice of questions is the user's: shown, not folded.
  assert.equal(await page.isVisible('text=DLQI scores from a completed'), true);
  const press = (key, n = 1) => (async () => { for (let i = 0; i < n; i++) await page.keyboard.press(key); })();
  // Tab on to "Next" and press it.
  const toNext = async () => {
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement.id)) !== 'flow-next'; i++) await press('Tab');
    await press('Enter');
  };
  // From the top of each screen: Tab into the first choice, arrows pick, then on to "Next".
  const answer = async (arrowsRight) => {
    await press('Tab');
    await press('Space');
    await press('ArrowRight', arrowsRight);
    await toNext();
  };
  // Next before saying who answers: the flow says so, stays, and takes the focus to the choice.
  await page.focus('#flow-next');
  await press('Enter');
  assert.equal(await step(page), 'Intro');
  assert.match(await page.textContent('#who-error'), /choose who is answering/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'who-0');
  // The choice is described by the message, so that coming back to it says why.
  assert.equal(await page.getAttribute('#who-0', 'aria-describedby'), 'who-error');
  await press('Space'); // the patient
  assert.equal(await page.locator('#who-error').count(), 0);
  assert.equal(await page.getAttribute('#who-0', 'aria-describedby'), null);
  await toNext(); // the questions as the user chose them
  await answer(8); // itch 8
  await answer(2); // sleep 2
  await press('Tab'); await press('Home'); await press('ArrowRight', 40); // C pruritus 4.0
  await toNext();
  await press('Tab'); await press('Home'); await press('ArrowRight', 15); // C sleep 1.5
  await toNext();
  for (let i = 0; i < 7; i++) await answer(1); // POEM: 1 each → 7, mild
  await answer(0); // status: clear
  await answer(3); // effect: no change
  assert.equal(await step(page), 'Done');
  // On its own (self-monitoring) the flow offers a new questionnaire rather than a clinician screen.
  assert.equal((await page.textContent('#flow-finish')).trim(), 'Start a new questionnaire');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('adscore.draft.v1')));
  assert.equal(stored.patient.itch, 8);
  assert.equal(stored.patient.sleep, 2);
  assert.deepEqual(stored.patient.poem, [1, 1, 1, 1, 1, 1, 1]);
  assert.equal(stored.scorad.pruritus, '4');
  assert.equal(stored.scorad.sleep_loss, '1.5');
  assert.equal(stored.patient.status, 0);
  assert.equal(stored.patient.effect, 3);
  await context.close();
});

test('on the patient\'s own phone the end offers to change the answers, or to clear them for a new questionnaire once confirmed', async () => {
  const { page, context, problems } = await openApp(browser, server.url, { width: 390, height: 844 });
  await ownPhone(page);
  await next(page);
  await tap(page, 'itch-7');
  while (await step(page) !== 'Done') await next(page);
  // The screen to show the clinician: the answers first, then what was left unanswered.
  assert.ok(await topOf(page, '[data-testid="answers"]') < await topOf(page, '[data-testid="unanswered"]'), 'the answers come first');
  // The buttons follow the answers rather than covering them, and clearing them is not the
  // screen's main (filled) button.
  const bottomOfAnswers = await page.$eval('[data-testid="answers"]', (dl) => dl.getBoundingClientRect().bottom);
  assert.ok(await topOf(page, '.flow__nav') >= bottomOfAnswers, 'the buttons are below the answers');
  assert.match(await page.getAttribute('#flow-finish', 'class'), /button--quiet/);
  const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('adscore.draft.v1')).patient.itch);
  // Change my answers: the first question, with its answer.
  await page.click('#flow-change');
  assert.equal(await step(page), 'Itch');
  assert.equal(await page.isChecked('#itch-7'), true);
  while (await step(page) !== 'Done') await next(page);
  assert.equal(await page.textContent('[data-testid="show-clinician"]'), 'Show this screen to your clinician at your next visit.');
  // A new questionnaire, declined: nothing changes.
  page.once('dialog', (d) => d.dismiss());
  await page.click('#flow-finish');
  assert.equal(await step(page), 'Done');
  assert.equal(await stored(), 7);
  // Confirmed: back to the start, every answer gone, here and on the device.
  page.once('dialog', (d) => d.accept());
  await page.click('#flow-finish');
  await page.waitForFunction(() => document.querySelector('.flow__body').dataset.step === 'Intro');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('adscore.draft.v1')).patient.itch === null);
  await next(page);
  assert.equal(await page.isChecked('#itch-7'), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the browser\'s Back (a phone\'s back gesture) goes to the question before, on the patient\'s own phone and after a hand-over', async () => {
  const { page, context, problems } = await openApp(browser, server.url, { width: 390, height: 844 });
  const at = (name) => page.waitForFunction((s) => document.querySelector('.flow__body')?.dataset.step === s, name);
  const back = () => page.evaluate(() => history.back());
  // Own phone: intro, itch (answered 6), sleep; Back twice, then Forward.
  await ownPhone(page);
  await next(page);
  await tap(page, 'itch-6');
  await next(page);
  assert.equal(await step(page), 'Sleep');
  await back();
  await at('Itch');
  assert.equal(await page.isChecked('#itch-6'), true, 'the answer is still there');
  await back();
  await at('Intro');
  await page.evaluate(() => history.forward());
  await at('Itch');
  assert.ok(page.url().endsWith('#patient'), page.url());
  // A hand-over: Back on the first question goes to the flow's start, and never to the clinician's screens.
  await page.evaluate(() => { window.location.hash = ''; });
  await page.waitForSelector(EXAM_READY);
  await page.click('#hand-to-patient');
  await page.waitForSelector('.flow');
  await next(page);
  await at('Itch');
  await back();
  await at('Intro');
  await back();
  await page.waitForTimeout(300);
  assert.equal(await step(page), 'Intro');
  assert.ok(page.url().endsWith('#handed'), page.url());
  // Handed back: Back from the examination is a real move (the flow's last screen change leaves
  // no place of its own behind on the examination's address).
  while (await step(page) !== 'Done') await next(page);
  await page.click('#flow-finish');
  await page.waitForSelector(EXAM_READY);
  await back();
  await page.waitForFunction(() => window.location.hash !== '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('handed over by mistake: the flow\'s first screen leads straight back to the examination, entries kept', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await page.fill('#age', '30');
  await page.click('#hand-to-patient');
  await page.waitForSelector('.flow');
  await page.click('#flow-cancel');
  await page.waitForSelector(EXAM_READY);
  assert.equal(await page.inputValue('#age'), '30');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'hand-to-patient');
  assert.ok(!page.url().endsWith('#patient'), page.url());
  // On the patient's own phone there is no examination to go back to: no such button.
  await ownPhone(page);
  assert.equal(await page.locator('#flow-cancel').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a parent handed the device after the child answered is told the answers already there would count as theirs, and can remove them', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.accept(); });
  // Assemble: the child answers the itch question, and the device goes back to the clinician.
  await page.fill('#age', '12');
  await handOver(page, 'who-0', () => tap(page, 'itch-6'));
  // Act: handed over again, a parent chooses to answer.
  await page.click('#hand-to-patient');
  await page.waitForSelector('.flow');
  assert.equal(await page.locator('[data-testid="earlier-answers"]').count(), 0, 'nothing said while the same person answers');
  await tap(page, 'who-1');
  // Assert: said, under the choice (the introduction now speaks of the child's eczema); gone
  // when the child is chosen again; back for the parent.
  assert.match(await page.textContent('.flow .lead'), /^A few questions about your child's eczema\./);
  assert.equal(await page.textContent('[data-testid="earlier-answers"] p'),
    'Your child has already answered some of these questions. The answers you leave as they are will be saved as given by you.');
  // A reload (a tablet's pull-to-refresh) keeps it.
  await reload(page);
  await page.waitForSelector('.flow');
  assert.ok(await page.isChecked('#who-1'));
  assert.match(await page.textContent('[data-testid="earlier-answers"] p'), /^Your child has already answered some of these questions\./);
  await tap(page, 'who-0');
  assert.equal(await page.locator('[data-testid="earlier-answers"]').count(), 0);
  await tap(page, 'who-1');
  // The parent changes the itch answer: the child, chosen again, is told a parent answered.
  await page.click('#flow-next');
  await tap(page, 'itch-7');
  await page.click('.flow__nav > button:first-child'); // Back
  await tap(page, 'who-0');
  assert.match(await page.textContent('[data-testid="earlier-answers"] p'), /^A parent or carer has already answered some of these questions for you\./);
  // Removing them asks first, then the itch question is unanswered; the child stays chosen.
  await page.click('#remove-earlier');
  assert.match(dialogs.at(-1), /Remove the answers given earlier/);
  assert.equal(await page.locator('[data-testid="earlier-answers"]').count(), 0);
  assert.ok(await page.isChecked('#who-0'));
  await page.click('#flow-next');
  assert.equal(await step(page), 'Itch');
  assert.equal(await page.locator('input[name="itch"]:checked').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('SCORAD itch the clinician typed is said to be the clinician\'s; answered in the flow it is the answerer\'s, removed with their answers', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  page.on('dialog', (dialog) => dialog.accept());
  await page.fill('#age', '10');
  await page.fill('#scorad-pruritus', '6.5');
  // The child sees the clinician's value as the clinician's, then answers 10.
  await handOver(page, 'who-0', async () => {
    while (await step(page) !== 'ScoradPruritus') await next(page);
    assert.equal(await value(page, 'vas-pruritus'), 'Entered by your clinician: 6.5 out of 10');
    await page.focus('#vas-pruritus');
    await page.keyboard.press('End');
    assert.equal(await value(page, 'vas-pruritus'), 'Your answer: 10 out of 10');
  });
  assert.equal(await page.inputValue('#scorad-pruritus'), '10');
  // A parent takes over and removes the child's answers: the child's SCORAD itch goes too.
  await page.click('#hand-to-patient');
  await tap(page, 'who-1');
  await page.click('#remove-earlier');
  await next(page);
  while (await step(page) !== 'ScoradPruritus') await next(page);
  assert.equal(await value(page, 'vas-pruritus'), 'Not answered yet');
  assert.deepEqual(problems, []);
  await context.close();
});

test('SCORAD itch and sleep the clinician typed are not the patient\'s answers: listed as unanswered, nothing said to be answered', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await page.fill('#scorad-pruritus', '6.5');
  await page.fill('#scorad-sleep-loss', '3');
  await page.click('#hand-to-patient');
  await page.click('.setup > summary');
  for (const part of ['Worst itch', 'Sleep last night', '7 questions about the eczema', 'The eczema today, and the change']) await page.uncheck(`text=${part}`);
  await tap(page, 'who-0');
  while (await step(page) !== 'Done') await next(page);
  assert.equal(await page.textContent('.flow__body h1 + .lead'), 'No question was answered.');
  assert.equal(await page.locator('[data-testid="unanswered"] button').count(), 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the last screen says the answers are kept for the clinician (handed over) or on the device (the patient\'s own phone), or that no question was answered', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await page.click('#hand-to-patient');
  await tap(page, 'who-0');
  while (await step(page) !== 'Done') await next(page);
  const lead = () => page.textContent('.flow__body h1 + .lead');
  assert.equal(await lead(), 'No question was answered.');
  await page.click('[data-testid="unanswered"] button');
  await tap(page, 'itch-6');
  while (await step(page) !== 'Done') await next(page);
  assert.equal(await lead(), 'Your answers are kept on this device for your clinician, who saves them with your visit.');
  assert.deepEqual(problems, []);
  await context.close();
  // On the patient's own phone no clinician saves them from it: they stay there.
  const own = await openApp(browser, server.url);
  await ownPhone(own.page);
  await next(own.page);
  await tap(own.page, 'itch-6');
  while (await step(own.page) !== 'Done') await next(own.page);
  assert.equal(await own.page.textContent('.flow__body h1 + .lead'), 'Your answers are kept on this device only: nothing is sent anywhere.');
  assert.deepEqual(own.problems, []);
  await own.context.close();
});

test('the examination says when a parent or carer gave the patient\'s answers', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  const said = page.locator('[data-testid="answered-by-parent"]');
  await page.fill('#age', '8');
  // The child answers: nothing said.
  await handOver(page, 'who-0', () => tap(page, 'itch-6'));
  assert.equal(await said.count(), 0);
  // A parent answers, keeping the answer there: said under "Patient-reported".
  await handOver(page, 'who-1');
  assert.equal(await said.textContent(), 'Answered by a parent or carer, for the patient.');
  assert.deepEqual(problems, []);
  await context.close();
});

test('DLQI, for adults, is not offered for a child or a parent answering for one, and says why', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  const dlqi = page.getByRole('checkbox', { name: /DLQI scores from a completed/ });
  const note = page.locator('[data-testid="dlqi-adults"]');
  // An adult answering: offered, no note. A parent answering: unticked, not offered, the note.
  await page.fill('#age', '30');
  await page.click('#hand-to-patient');
  await page.click('.setup > summary');
  await dlqi.check();
  assert.equal(await note.count(), 0);
  await tap(page, 'who-1');
  assert.equal(await dlqi.isChecked(), false);
  assert.equal(await dlqi.isDisabled(), true);
  assert.match(await note.textContent(), /DLQI is for adults \(16 and over\)/);
  assert.equal(await dlqi.getAttribute('aria-describedby'), 'dlqi-adults');
  // "I am the patient" after all (a slip of the finger): the DLQI chosen is asked again.
  await tap(page, 'who-0');
  assert.equal(await dlqi.isChecked(), true);
  assert.equal(await note.count(), 0);
  await page.click('#flow-next');
  assert.match(await page.textContent('[data-testid="progress"]'), /of 23$/);
  // A 5-year-old's examination: not offered even with "I am the patient".
  while (await step(page) !== 'Done') await next(page);
  await page.click('#flow-finish');
  await page.waitForSelector(EXAM_READY);
  await page.fill('#age', '5');
  await page.click('#hand-to-patient');
  await page.click('.setup > summary');
  assert.equal(await dlqi.isDisabled(), true);
  assert.equal(await note.count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('DLQI answers given before a child\'s age was entered are kept but not scored nor asked again; the right age brings the score back', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  // No age yet: the patient answers the DLQI (every item "very much": 30).
  await page.click('#hand-to-patient');
  await page.click('.setup > summary');
  await page.getByRole('checkbox', { name: /DLQI scores from a completed/ }).check();
  await next(page);
  while (!(await step(page)).startsWith('Dlqi')) await next(page);
  for (let item = 1; item <= 10; item++) {
    await tap(page, item === 7 ? 'dlqi-7-prevented-0' : `dlqi-${item}-0`);
    await next(page);
  }
  while (await step(page) !== 'Done') await next(page);
  await page.click('#flow-finish');
  await page.waitForSelector(EXAM_READY);
  assert.equal(await line(page, 'dlqi'), '30 — extremely large effect');
  // The age says child: the answers are not scored, and the panel says why.
  await page.fill('#age', '5');
  assert.equal(await line(page, 'dlqi'), 'not scored: the DLQI is for adults (16 and over) answering for themselves');
  // Nor asked again: unticked, not offered, and no DLQI question in the flow.
  await page.click('#hand-to-patient');
  await page.click('.setup > summary');
  const dlqi = page.getByRole('checkbox', { name: /DLQI scores from a completed/ });
  assert.equal(await dlqi.isChecked(), false);
  assert.equal(await dlqi.isDisabled(), true);
  await next(page);
  const steps = [];
  while (await step(page) !== 'Done') { steps.push(await step(page)); await next(page); }
  assert.ok(steps.length > 0 && !steps.some((s) => s.startsWith('Dlqi')), steps.join(' '));
  await page.click('#flow-finish');
  await page.waitForSelector(EXAM_READY);
  // The age corrected to an adult's: the answers kept score again.
  await page.fill('#age', '30');
  assert.equal(await line(page, 'dlqi'), '30 — extremely large effect');
  // An age that is not valid could be a child's: not scored until it is corrected.
  await page.fill('#age', '10.5');
  assert.equal(await line(page, 'dlqi'), 'not scored until the age above is corrected: the DLQI is for adults (16 and over)');
  await page.fill('#age', '30');
  assert.equal(await line(page, 'dlqi'), '30 — extremely large effect');
  assert.deepEqual(problems, []);
  await context.close();
});

test('DLQI item 7 answered "No" without how much is listed as unanswered at the end, a way back to it', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await page.fill('#age', '30');
  await page.click('#hand-to-patient');
  await page.click('.setup > summary');
  for (const part of ['Worst itch', 'Sleep last night', 'Itch and sleep over the last 3 days', 'The eczema today, and the change', '7 questions about the eczema']) await page.uncheck(`text=${part}`);
  await page.check('text=DLQI scores from a completed');
  await tap(page, 'who-0');
  await next(page);
  for (let item = 1; item <= 10; item++) {
    await tap(page, item === 7 ? 'dlqi-7-prevented-1' : `dlqi-${item}-2`); // item 7: "No", then nothing
    await next(page);
  }
  // Scored with item 7 blank, and item 7 is listed, a way back to its question.
  assert.match(await page.textContent('[data-testid="answers"]'), /9 \/ 30 \(1 left blank, counted as 0\)/);
  const left = page.locator('[data-testid="unanswered"] button');
  assert.deepEqual((await left.allTextContents()).map((s) => s.trim()), ['Question 7 of 10 · DLQI 7']);
  await left.first().click();
  assert.equal(await step(page), 'Dlqi(6)');
  assert.deepEqual(problems, []);
  await context.close();
});

test('POEM and DLQI with two unanswered items show "not scored" and why', async () => {
  const { page, context } = await openApp(browser, server.url);
  await page.click('#hand-to-patient');
  await page.click('.setup > summary');
  await page.uncheck('text=Worst itch');
  await page.uncheck('text=Sleep last night');
  await page.uncheck('text=Itch and sleep over the last 3 days');
  await page.uncheck('text=The eczema today, and the change');
  await page.check('text=DLQI scores from a completed');
  await next(page);
  for (let i = 1; i <= 7; i++) { // POEM: items 3 and 6 left blank
    if (i !== 3 && i !== 6) await tap(page, `poem-${i}-2`);
    await next(page);
  }
  for (let item = 1; item <= 10; item++) { // DLQI: items 4 and 9 left blank
    if (item === 7) await tap(page, 'dlqi-7-prevented-2');
    else if (item !== 4 && item !== 9) await tap(page, `dlqi-${item}-3`);
    await next(page);
  }
  // Only the parts asked are listed, each saying why it has no total.
  assert.deepEqual(await page.$$eval('[data-testid="answers"] dt', (dts) => dts.map((dt) => dt.textContent)),
    ['Answered by', '7 questions about the eczema in the past week (POEM)', 'DLQI scores from a completed paper form (adults, 16 and over)']);
  assert.deepEqual(await page.$$eval('[data-testid="answers"] dd', (dds) => dds.map((dd) => dd.textContent)),
    ['The patient', ...Array(2).fill('not scored: 2 unanswered (at most 1 may be left blank)')]);
  await page.click('#flow-finish');
  assert.equal(await line(page, 'poem'), 'not scored: 2 unanswered (at most 1 may be left blank)');
  assert.equal(await line(page, 'dlqi'), 'not scored: 2 unanswered (at most 1 may be left blank)');
  assert.equal(await line(page, 'itch-nrs'), 'not answered');
  // One blank left (POEM item 3 answered now): scored, counting it as 0, and the panel says so.
  await page.click('#hand-to-patient');
  await next(page);
  while (await step(page) !== 'Poem(2)') await next(page);
  await tap(page, 'poem-3-2');
  while (await step(page) !== 'Done') await next(page);
  await page.click('#flow-finish');
  assert.equal(await line(page, 'poem'), '12 — moderate (1 left blank, counted as 0)');
  await context.close();
});

/** English texts of the string table (src/i18n/en.rs), split around placeholders. */
function englishFragments() {
  const source = readFileSync(new URL('../../src/i18n/en.rs', import.meta.url), 'utf8');
  // The DLQI notice keeps its © line verbatim in every language.
  const same = new Set(['app_name', 'easi', 'scorad', 'poem', 'dlqi', 'contribution', 'dlqi_notice']);
  const fragments = [];
  for (const [, key, text] of source.matchAll(/^\s+(\w+): "((?:[^"\\]|\\.)*)",$/gm)) {
    if (same.has(key)) continue;
    // Single words are left to the word check below (names such as POEM's title reuse them).
    for (const part of text.split(/\{\d\}/)) if (/[A-Za-z]{3}/.test(part) && part.trim().length >= 8) fragments.push([key, part.trim()]);
  }
  return fragments;
}

/** Visible text and accessible names outside elements marked lang="en" (citations, legal notices). */
async function visibleText(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      const el = node.nodeType === 1 ? node : node.parentElement;
      if (el.closest('[lang="en"], script, style, noscript')) continue;
      if (node.nodeType === 3) out.push(node.textContent);
      else for (const attr of ['aria-label', 'aria-valuetext', 'placeholder', 'title']) if (node.getAttribute(attr)) out.push(node.getAttribute(attr));
    }
    return out.join('\n');
  });
}

// Key names on a keyboard (Tab, Home, End, Page Up, Page Down) are not translated.
const ALLOWED = /^(Tab|Home|End|Page|Down|ETFAD|adscore|EASI|SCORAD|POEM|DLQI|NRS|HOME|homeforeczema|org|www|dermatology|uk|Leshem|Kunz|Chopra|Finlay|Khan|April|Patient|Oriented|Eczema|Measure|SCORing|Atopic|Dermatitis|Area|Severity|Index|English)$/;

for (const screen of ['examination', 'patient flow']) {
  test(`switching to Korean changes every visible string (${screen})`, async () => {
    const { page, context } = await openApp(browser, server.url);
    if (screen === 'patient flow') await page.click('#hand-to-patient');
    await page.selectOption('#language', 'ko');
    // The Korean strings are read the first time Korean is chosen.
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    const screens = [];
    if (screen === 'patient flow') {
      await page.click('.setup > summary');
      await page.check('input[type=checkbox] >> nth=4'); // DLQI too
      for (let i = 0; i < 24; i++) { screens.push(await visibleText(page)); if (await page.locator('#flow-next').count() === 0) break; await next(page); }
    } else {
      await page.click('.panel__toggle').catch(() => {});
      screens.push(await visibleText(page));
    }
    const text = screens.join('\n');
    // POEM's notice stays the licence holder's English, said to be so in Korean.
    if (screen === 'patient flow') assert.match(text, /저작권 고지\(원문, 영어\):/);
    const untranslated = englishFragments().filter(([, fragment]) => text.includes(fragment));
    assert.deepEqual(untranslated, [], 'English strings left on the Korean screen');
    const words = [...new Set(text.match(/[A-Za-z]{3,}/g) ?? [])].filter((w) => !ALLOWED.test(w));
    assert.deepEqual(words, [], 'English words not from the string table');
    // The choice is remembered on the device.
    await reload(page);
    await page.waitForSelector('#language');
    assert.equal(await page.inputValue('#language'), 'ko');
    await context.close();
  });
}

for (const viewport of [{ width: 390, height: 844 }, { width: 768, height: 1024 }]) {
  test(`a pseudo-locale 40 % longer keeps the layout intact at ${viewport.width}×${viewport.height}`, async () => {
    const context = await browser.newContext({ viewport });
    await context.addInitScript(() => localStorage.setItem('adscore.lang', 'en-XA'));
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector(EXAM_READY);
    assert.match(await page.textContent('h1'), /⟦adscore [~ ]+⟧/);
    const overflow = () => layoutProblems(page);
    assert.deepEqual(await overflow(), { wide: false, clipped: [] });
    await page.click('#hand-to-patient');
    for (let i = 0; i < 6; i++) {
      assert.deepEqual(await overflow(), { wide: false, clipped: [] }, `patient screen ${i}`);
      await next(page);
    }
    await context.close();
  });
}

test('the patient\'s flow is loaded when handed over; Back and reload keep the patient in it; its last button hands the answers back', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.fill('#age', '30');
  assert.deepEqual(requested.filter((path) => /records/.test(path)), [], 'nothing of the second module before the hand-over');
  await page.click('#hand-to-patient');
  await page.waitForSelector('.flow');
  assert.ok(requested.some((path) => /records-[0-9a-f]+_bg\.wasm$/.test(path)), 'the flow comes with the second module');
  await next(page);
  await tap(page, 'itch-7');
  // The browser's Back, even twice, and a typed address show the patient none of the
  // clinician's screens (the history lists other patients); a reload stays in the flow.
  for (const leave of [() => page.goBack(), () => page.goBack(), () => page.evaluate(() => { window.location.hash = 'history'; })]) {
    await leave();
    await page.waitForFunction(() => window.location.hash === '#handed');
    await page.waitForSelector('.flow');
    assert.equal(await page.locator('#age, #export-json, .panel').count(), 0);
  }
  await reload(page);
  await page.waitForSelector('.flow');
  assert.equal(await page.locator('#age, .panel').count(), 0);
  // The clinician takes the device back with the flow's last button.
  while (await step(page) !== 'Done') await next(page);
  await page.click('#flow-finish');
  await page.waitForSelector(EXAM_READY);
  await page.waitForFunction(() => document.querySelector('[data-testid="itch-nrs"] strong')?.textContent.includes('7'));
  assert.equal(await line(page, 'itch-nrs'), '7 — severe');
  assert.equal(await page.inputValue('#age'), '30', 'the clinician\'s entries are kept too');
  // And it survives a reload (the draft).
  await reload(page);
  await page.waitForSelector(EXAM_READY);
  assert.equal(await line(page, 'itch-nrs'), '7 — severe');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a patient can take back an answer: it is then unanswered, as if never given', async () => {
  const { page, context, problems } = await openApp(browser, server.url);
  await page.click('#hand-to-patient');
  await page.waitForSelector('.flow');
  await next(page);
  assert.equal(await page.locator('#flow-clear').count(), 0, 'nothing to take back yet');
  await tap(page, 'itch-7');
  await page.click('#flow-clear');
  assert.equal(await page.locator('.flow input[type=radio]:checked').count(), 0);
  assert.equal(await page.locator('#flow-clear').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('flow__body')), true, 'focus back at the question');
  await next(page);
  await next(page);
  // The slider too: touched by mistake, then cleared.
  assert.equal(await step(page), 'ScoradPruritus');
  const track = await page.locator('#vas-pruritus').boundingBox();
  await page.mouse.click(track.x + track.width * 0.3, track.y + track.height / 2);
  assert.match(await value(page, 'vas-pruritus'), /^Your answer: /);
  await page.click('#flow-clear');
  assert.equal(await value(page, 'vas-pruritus'), 'Not answered yet');
  // A POEM answer: the button sits under the answers, above the questionnaire's notice.
  while (await step(page) !== 'Poem(0)') await next(page);
  await tap(page, 'poem-1-2');
  assert.equal(await page.evaluate(() => Boolean(document.querySelector('#flow-clear').compareDocumentPosition(
    document.querySelector('[data-testid="poem-notice"]')) & Node.DOCUMENT_POSITION_FOLLOWING)), true);
  await page.click('#flow-clear');
  assert.equal(await page.locator('.flow input[type=radio]:checked').count(), 0);
  // POEM items 2–7 answered 1 each, item 1 left blank: scored, and the blank said.
  for (let i = 2; i <= 7; i++) {
    await next(page);
    await tap(page, `poem-${i}-1`);
  }
  while (await step(page) !== 'Done') await next(page);
  assert.match(await page.textContent('[data-testid="answers"]'), /POEM[^\n]*?\s*6 \/ 28 \(1 left blank, counted as 0\)/);
  assert.match(await page.textContent('[data-testid="answers"]'), /Worst itch in the past 24 hours\s*Not answered yet/);
  // The last screen lists what is unanswered (13 but POEM's 6), each a way back to its question.
  assert.equal(await page.textContent('[data-testid="hand-back"]'), 'Please hand the device back to your clinician now.');
  const left = page.locator('[data-testid="unanswered"] button');
  assert.equal(await left.count(), 7);
  // Each named by what it asks, not by its number alone.
  assert.deepEqual((await left.allTextContents()).map((s) => s.trim()), ['Question 1 of 13 · Worst itch in the past 24 hours',
    'Question 2 of 13 · Sleep last night', 'Question 3 of 13 · Itch over the last 3 days', 'Question 4 of 13 · Sleep over the last 3 nights',
    'Question 5 of 13 · POEM 1', 'Question 12 of 13 · Eczema today', 'Question 13 of 13 · Change since the last visit']);
  await left.first().click();
  assert.equal(await step(page), 'Itch');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone each question opens at its top, the progress line in view, after the one before was scrolled', async () => {
  const { context, page } = await phoneHandedOver();
  await page.waitForSelector('.flow');
  await page.tap('label[for="who-0"]');
  while (await step(page) !== 'Poem(0)') await page.tap('#flow-next');
  // Answered by touch, then Next: each of four questions (the old build opened some 20–113 px down).
  for (let item = 1; item <= 4; item++) {
    await page.tap(`label[for="poem-${item}-4"]`);
    await page.tap('#flow-next');
    assert.equal(await step(page), `Poem(${item})`);
    await page.waitForTimeout(800); // longer than a smooth scroll
    assert.equal(await page.evaluate(() => window.scrollY), 0, `question ${item + 1}`);
  }
  await context.close();
});

test('when the patient\'s flow cannot be loaded, the clinician is told and gets back to the examination', async () => {
  // No service worker (it would serve the module from its cache): the network fails it.
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(/records-[0-9a-f]+(_bg\.wasm|\.js)$/, (route) => route.abort());
  await page.goto(server.url);
  await page.waitForSelector(EXAM_READY);
  await page.fill('#age', '30');
  await page.click('#hand-to-patient');
  await page.waitForSelector('[role=alert]');
  assert.match(await page.textContent('[role=alert]'), /could not be used/);
  await page.click('text=Back to the examination');
  await page.waitForSelector(EXAM_READY);
  assert.equal(await page.inputValue('#age'), '30');
  await context.close();
});

test('the patient answering in one tab keeps what the clinician changes meanwhile in another', async () => {
  // Two tabs of one browser (one storage): the patient's flow in the first, the examination in
  // the second. The flow's copy of the clinician's part is the one handed over (age 30).
  const { page: patient, context, problems } = await openApp(browser, server.url);
  await patient.fill('#age', '30');
  await patient.click('#hand-to-patient');
  await patient.waitForSelector('.flow');
  const clinician = await context.newPage();
  await clinician.goto(server.url);
  await clinician.waitForSelector(EXAM_READY);
  assert.equal(await clinician.inputValue('#age'), '30');
  await clinician.fill('#age', '41');
  await clinician.click('label[for="easi-head_neck-area-2"]');
  // SCORAD's itch and sleep loss typed there too, which the patient may also be asked.
  await clinician.fill('#scorad-pruritus', '6.5');
  await clinician.fill('#scorad-sleep-loss', '3');
  // The patient answers after the clinician's change: the clinician's tab hears of it.
  await next(patient);
  await tap(patient, 'itch-7');
  await clinician.waitForFunction(() => document.querySelector('[data-testid="itch-nrs"] strong')?.textContent.includes('7'));
  assert.equal(await clinician.inputValue('#age'), '41', 'the age typed in the other tab is not put back to 30');
  assert.equal(await clinician.isChecked('#easi-head_neck-area-2'), true, 'nor the area score cleared');
  assert.deepEqual([await clinician.inputValue('#scorad-pruritus'), await clinician.inputValue('#scorad-sleep-loss')], ['6.5', '3'],
    'nor the SCORAD itch and sleep loss emptied (the patient did not answer them)');
  // The device is taken back: that tab's examination has both parts.
  while (await step(patient) !== 'Done') await next(patient);
  await patient.click('#flow-finish');
  await patient.waitForSelector(EXAM_READY);
  assert.equal(await patient.inputValue('#age'), '41');
  assert.equal(await line(patient, 'itch-nrs'), '7 — severe');
  assert.equal(await patient.inputValue('#scorad-pruritus'), '6.5');
  await clinician.reload();
  await clinician.waitForSelector(EXAM_READY);
  assert.equal(await clinician.inputValue('#age'), '41');
  assert.equal(await line(clinician, 'itch-nrs'), '7 — severe');
  assert.deepEqual(problems, []);
  await context.close();
});

/** On a phone, handed over: itch answered 6, then on to the sleep question. */
async function itchThenSleep() {
  const opened = await openApp(browser, server.url, { width: 390, height: 844 });
  await opened.page.click('#hand-to-patient');
  await opened.page.waitForSelector('.flow');
  await next(opened.page);
  await tap(opened.page, 'itch-6');
  await next(opened.page);
  return opened;
}

test('going back shows each question with the answer given (neighbouring questions with the same options)', async () => {
  const { page, context, problems } = await itchThenSleep();
  await tap(page, 'sleep-4');
  await page.click('text=Back');
  assert.equal(await step(page), 'Itch');
  assert.equal(await page.isChecked('#itch-6'), true, 'itch 6 shown as given');
  await next(page);
  assert.equal(await page.isChecked('#sleep-4'), true, 'sleep 4 shown as given');
  assert.equal(await page.locator('input[type=radio]:checked').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a reload comes back to the question the patient was on; a new hand-over starts at the beginning', async () => {
  const { page, context, problems } = await itchThenSleep();
  assert.equal(await step(page), 'Sleep');
  // The browser's Back keeps the patient in the flow, on the question before.
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('.flow__body')?.dataset.step === 'Itch');
  assert.equal(await page.evaluate(() => window.location.hash), '#handed');
  // Act: the tablet reloads the page (once the browser has fetched what Back asked for, such as
  // the page's icon: a reload would cut that request off, a failed request to the test).
  await reload(page);
  await page.waitForSelector('.flow');
  // Assert: the same question, its answer kept; Next shows the one after.
  assert.equal(await step(page), 'Itch');
  assert.equal(await page.isChecked('#itch-6'), true);
  await next(page);
  assert.equal(await step(page), 'Sleep');
  // Finished and handed back, then handed over again: the first screen.
  while (await step(page) !== 'Done') await next(page);
  await page.click('#flow-finish');
  await page.waitForSelector(EXAM_READY);
  await page.click('#hand-to-patient');
  await page.waitForSelector('.flow');
  assert.equal(await step(page), 'Intro');
  assert.deepEqual(problems, []);
  await context.close();
});

test('by touch, a tap on the 0–10 line takes the value under the finger: the middle of an unanswered line is 5, a tenth of the way along is 1', async () => {
  const { context, page } = await phoneHandedOver();
  while (await step(page) !== 'ScoradPruritus') await next(page);
  const line = await page.locator('#vas-pruritus').locator('xpath=preceding-sibling::*[contains(@class, "vas__line")]').boundingBox();
  const y = line.y + line.height / 2;
  // The unanswered handle rests in the middle, unseen: a finger's tap there is an answer too.
  await page.touchscreen.tap(line.x + line.width / 2, y);
  assert.match(await value(page, 'vas-pruritus'), /^Your answer: 5(\.0)? out of 10$/);
  const taken = async () => Number((await value(page, 'vas-pruritus')).match(/([\d.]+) out of 10/)[1]);
  for (const [along, expected] of [[0.1, 1], [0.3, 3], [0.75, 7.5], [0, 0], [1, 10]]) {
    await page.touchscreen.tap(line.x + line.width * along, y);
    const got = await taken();
    assert.ok(Math.abs(got - expected) <= 0.1, `a tap ${along * 100} % along the drawn line gave ${got}, not ${expected}`);
  }
  await context.close();
});
