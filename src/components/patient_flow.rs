//! The patient's (or parent's) flow: large type, one question per screen, progress, back and
//! next. Answers go straight into the visit; the clinician's entries are not shown here.

use crate::components::grade_picker::{Choice, GradePicker};
use crate::components::language_picker::LanguagePicker;
use crate::components::use_records_strings;
use crate::content;
use crate::history::{Metric, Reporter};
use crate::i18n::{fill, Lang, RecordsStrings};
use crate::patient::{Parts, PatientForm, Step};
use crate::scoring::dlqi::DlqiAnswer;
use crate::state::Action;
use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`PatientFlow`].
#[derive(Properties, Clone, PartialEq)]
pub struct PatientFlowProps {
    /// The answers so far.
    pub patient: PatientForm,
    /// SCORAD pruritus (C) as stored in the visit.
    pub pruritus: String,
    /// SCORAD sleep loss (C) as stored in the visit.
    pub sleep_loss: String,
    /// Opened from the clinician's examination (then "Finish" returns there).
    pub from_exam: bool,
    /// Whether the DLQI is offered: the examination's [`crate::form::ExamForm::dlqi_not_for`]
    /// finds nothing against it (a child's age, a parent answering).
    #[prop_or(true)]
    pub dlqi_offered: bool,
    /// Sends answers.
    pub ondispatch: Callback<Action>,
    /// Changes the language.
    pub onlang: Callback<Lang>,
    /// Leaves the flow.
    pub onfinish: Callback<()>,
}

fn choices(labels: &[&str]) -> Vec<Choice> {
    labels
        .iter()
        .enumerate()
        .map(|(i, label)| Choice { value: i as u8, label: AttrValue::from(label.to_string()), detail: AttrValue::default() })
        .collect()
}

/// An 11-point scale 0–10 with its two anchors.
fn nrs(name: &'static str, question: &str, min: &'static str, max: &'static str, value: Option<u8>, onpick: Callback<u8>) -> Html {
    let scale: Vec<Choice> = (0..=10)
        .map(|v| Choice {
            value: v,
            label: v.to_string().into(),
            detail: match v {
                0 => min.into(),
                10 => max.into(),
                _ => AttrValue::default(),
            },
        })
        .collect();
    html! { <GradePicker name={name} legend={question.to_string()} choices={scale} selected={value} {onpick} scale=true /> }
}

/// A 0–10 visual analogue slider with 0.1 steps; shows "not answered", and how to answer, until
/// moved or tapped. A value the clinician typed on the examination (`answered` false) is said to
/// be theirs, not "your answer", until the one answering moves it.
fn vas(t: &RecordsStrings, id: &'static str, question: &str, value: &str, answered: bool, onedit: Callback<String>) -> Html {
    // Unanswered, the thumb rests at 5: a tap there moves nothing, so no input event comes; the
    // tap's end is the answer then. A pointer's, not a click: a finger's tap on a range input
    // gives no click in Chromium. (A finger that scrolls the page instead ends in pointercancel.)
    let onpointerup = value.is_empty().then(|| {
        let onedit = onedit.clone();
        Callback::from(move |e: PointerEvent| onedit.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
    });
    let oninput = Callback::from(move |e: InputEvent| onedit.emit(e.target_unchecked_into::<HtmlInputElement>().value()));
    let readout = match value {
        "" => t.unanswered.to_string(),
        _ if !answered => fill(t.vas_typed, &[&value]),
        _ => fill(t.vas_value, &[&value]),
    };
    html! {
        <div class="vas">
            <label for={id} class="question">{ question }</label>
            // The line is drawn apart from the input, from the handle's centre at 0 to its centre
            // at 10, so the value under a finger is the value taken.
            <div class="vas__track">
                <span class="vas__line" aria-hidden="true"></span>
                <input type="range" id={id} min="0" max="10" step="0.1" value={if value.is_empty() { "5".to_string() } else { value.to_string() }}
                    class={classes!(value.is_empty().then_some("vas--unset"))} aria-valuetext={readout.clone()} {oninput} {onpointerup}
                    aria-describedby={value.is_empty().then(|| format!("{id}-hint"))} />
            </div>
            <div class="vas__anchors"><span>{ t.vas_min }</span><span>{ t.vas_max }</span></div>
            <p class="vas__value" data-testid={format!("{id}-value")}>{ readout }</p>
            // Unanswered, the line has no handle (one resting in the middle would suggest an
            // answer): how to answer is said instead.
            if value.is_empty() {
                <p class="vas__hint" id={format!("{id}-hint")}>{ t.vas_hint }</p>
            }
        </div>
    }
}

/// What the last screen lists: each part asked, with its answers ("not answered yet" for any
/// left blank); POEM and DLQI as their totals, or why there is none.
fn answers(t: &RecordsStrings, p: &PatientForm, parts: Parts, pruritus: &str, sleep_loss: &str) -> Vec<(&'static str, String)> {
    let of_10 = |answer: Option<String>| answer.map_or_else(|| t.unanswered.to_string(), |a| format!("{a} / {}", Metric::ItchNrs.top()));
    // SCORAD's C scales as answered here: a value the clinician typed is not this person's answer.
    let typed = |text: &str, answered: bool| Some(text.trim().to_string()).filter(|a| answered && !a.is_empty());
    let total = |score: Option<(Option<u32>, u32)>, most: u32| match score {
        None => t.unanswered.to_string(),
        Some((Some(total), 0)) => format!("{total} / {most}"),
        // The instrument scores one blank as 0 (POEM, DLQI): said, not hidden in the total.
        Some((Some(total), blank)) => fill(t.scored_with_blank, &[&format!("{total} / {most}"), &blank]),
        Some((None, blank)) => fill(t.not_scored_unanswered, &[&blank]),
    };
    let label = |value: Option<u8>, text: fn(&RecordsStrings, u8) -> &'static str| value.map_or(t.unanswered, |v| text(t, v));
    [
        // Who answered (the first question), for the clinician reading these answers.
        Some((t.answered_by, p.answerer.map_or(t.unanswered, |who| t.reporter(Some(who))).to_string())),
        parts.itch.then(|| (t.q_itch, of_10(p.itch.map(|v| v.to_string())))),
        parts.sleep.then(|| (t.q_sleep, of_10(p.sleep.map(|v| v.to_string())))),
        parts.scorad_c.then(|| (t.q_scorad_c, format!("{} · {}", of_10(typed(pruritus, p.pruritus_answered)), of_10(typed(sleep_loss, p.sleep_loss_answered))))),
        parts.poem.then(|| (t.q_poem, total(p.poem_record().map(|r| r.score()).map(|s| (s.total, s.unanswered)), Metric::Poem.top()))),
        parts.dlqi.then(|| (t.q_dlqi, total(p.dlqi_record().and_then(|r| r.score().ok()).map(|s| (s.total, s.unanswered)), Metric::Dlqi.top()))),
        parts.global.then(|| (t.q_global, format!("{} · {}", label(p.status, |t, v| t.disease_status(v)), label(p.effect, |t, v| t.treatment_effect(v))))),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// What a question asks about, in a few words the patient reads (not the clinician's field
/// names: "Itch (pruritus), 0–10", "Disease status (patient/parent)"): how the last screen names a
/// question left unanswered ("Question 2 of 23 · Sleep (last night)", "… · POEM 3").
fn step_name(t: &RecordsStrings, step: Step) -> String {
    match step {
        Step::Itch => t.q_itch.to_string(),
        Step::Sleep => t.q_sleep.to_string(),
        Step::ScoradPruritus => t.step_c_itch.to_string(),
        Step::ScoradSleep => t.step_c_sleep.to_string(),
        Step::Poem(i) => format!("{} {}", t.poem, i + 1),
        Step::Dlqi(i) => format!("{} {}", t.dlqi, i + 1),
        Step::Status => t.step_status.to_string(),
        Step::Effect => t.step_effect.to_string(),
        Step::Intro | Step::Done => String::new(),
    }
}

/// Where the flow is (its step's place), kept in the tab's session storage, so that a reload
/// (a tablet's pull-to-refresh) comes back to the question the patient was on; the answers are
/// in the examination's draft. Forgotten when the flow is finished and at each new hand-over.
const STEP_KEY: &str = "adscore.flow-step";

/// The tab's session storage, if the browser gives it.
fn session() -> Option<web_sys::Storage> {
    gloo::utils::window().session_storage().ok().flatten()
}

fn stored_step() -> usize {
    session().and_then(|s| s.get_item(STEP_KEY).ok().flatten()).and_then(|text| text.parse().ok()).unwrap_or(0)
}

fn store_step(index: usize) {
    if let Some(session) = session() {
        let _ = if index == 0 { session.remove_item(STEP_KEY) } else { session.set_item(STEP_KEY, &index.to_string()) };
    }
}

/// Who gave the answers there before someone else was chosen as answering, with those answers
/// (the flow's notice under the choice), kept beside the step: a reload keeps the notice.
const EARLIER_KEY: &str = "adscore.flow-earlier";

fn stored_earlier() -> Option<(Reporter, PatientForm)> {
    serde_json::from_str(&session()?.get_item(EARLIER_KEY).ok().flatten()?).ok()
}

fn store_earlier(earlier: Option<&(Reporter, PatientForm)>) {
    if let Some(session) = session() {
        let _ = match earlier.and_then(|e| serde_json::to_string(e).ok()) {
            Some(text) => session.set_item(EARLIER_KEY, &text),
            None => session.remove_item(EARLIER_KEY),
        };
    }
}

/// The screen number the tab's current history place holds (the flow's own places hold one).
fn history_place() -> Option<usize> {
    let state = gloo::utils::window().history().ok()?.state().ok()?;
    state.as_f64().map(|n| n as usize)
}

/// A new hand-over starts at the flow's first screen, with no notice of earlier answers
/// (called by the examination).
pub fn forget_step() {
    store_step(0);
    // Not `store_earlier(None)`: the examination's module has no JSON writer to carry.
    if let Some(session) = session() {
        let _ = session.remove_item(EARLIER_KEY);
    }
}

/// The flow.
#[component]
pub fn PatientFlow(props: &PatientFlowProps) -> Html {
    crate::components::use_title_from_heading();
    let t = use_records_strings();
    let lang = use_context::<Lang>().unwrap_or_default();
    let at = use_state(stored_step);
    // Next was pressed on the first screen with no one chosen as answering.
    let who_missing = use_state(|| false);
    // Who gave the answers here (with the answers as they were then), once someone else is chosen
    // as answering: they would be saved as the new person's, so it is said under the choice, with
    // a way to remove them.
    let earlier = use_state(stored_earlier);
    use_effect_with((*earlier).clone(), |earlier| store_earlier(earlier.as_ref()));
    let p = &props.patient;
    // What is asked: the DLQI not of a child, even when chosen before the age was entered.
    let asked = p.asked(props.dlqi_offered);
    let steps = asked.steps();
    // No question before who answers is known: the questions are worded for one or the other
    // ("your itch", "your child's itch"), and the visit records who answered. (A place kept
    // from before the flow asked, or the browser's Forward, shows the first screen.)
    let index = if p.answerer.is_none() { 0 } else { (*at).min(steps.len() - 1) };
    let step = steps[index];
    let questions = steps.len() - 2;
    let dispatch = props.ondispatch.clone();
    let go = |to: usize| {
        let at = at.clone();
        Callback::from(move |_: MouseEvent| at.set(to))
    };
    // After each move, focus the new screen so keyboard and screen-reader users start at its top,
    // and show it from the top (progress line first) at once: a smooth scroll started on the
    // click was cut short by the focus, leaving the next question part-way down a phone.
    let body_ref = use_node_ref();
    // Each move is a place in the tab's history holding the screen's number, so that the browser's
    // Back (a phone's back gesture) goes to the screen before instead of out of adscore, and
    // Forward returns. A move made by Back or Forward is already at its place (the place holds
    // the screen's number), so it adds none.
    let first_screen = use_mut_ref(|| true);
    // The flow's own address (`#handed`, `#patient`): once it has been left, as the flow closes,
    // a last move adds no place to the screen it went to.
    let flow_hash = use_memo((), |_| gloo::utils::window().location().hash().unwrap_or_default());
    {
        let at = at.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                // Places without a number are not the flow's (the examination's, before a hand-over).
                if let Some(to) = history_place() {
                    at.set(to);
                }
            });
            move || drop(listener)
        });
    }
    {
        let body_ref = body_ref.clone();
        use_effect_with(index, move |&index| {
            let window = gloo::utils::window();
            let in_flow = window.location().hash().is_ok_and(|hash| hash == *flow_hash);
            if let Some(history) = window.history().ok().filter(|_| in_flow) {
                let here = JsValue::from(index as u32);
                if first_screen.replace(false) {
                    let _ = history.replace_state(&here, "");
                } else if history_place() != Some(index) {
                    let _ = history.push_state(&here, "");
                }
            }
            store_step(index);
            if let Some(body) = body_ref.cast::<web_sys::HtmlElement>() {
                let _ = body.focus();
            }
            let top = web_sys::ScrollToOptions::new();
            top.set_top(0.0);
            top.set_behavior(web_sys::ScrollBehavior::Instant);
            gloo::utils::window().scroll_to_with_scroll_to_options(&top);
        });
    }
    let poem = content::poem(lang);
    let unvalidated = html! {
        if lang != Lang::En {
            <p class="note">{ t.translation_note }</p>
        }
    };

    // Any answer can be taken back (POEM and DLQI allow a blank; a stray touch is not an answer).
    let is_answered = |step: Step| match step {
        Step::Itch => p.itch.is_some(),
        Step::Sleep => p.sleep.is_some(),
        // Answered here, not typed by the clinician on the examination.
        Step::ScoradPruritus => p.pruritus_answered && !props.pruritus.is_empty(),
        Step::ScoradSleep => p.sleep_loss_answered && !props.sleep_loss.is_empty(),
        Step::Poem(i) => p.poem[usize::from(i)].is_some(),
        // Item 7's "No" without how much is not an answer yet: the item is scored blank, so it
        // is listed as unanswered at the end.
        Step::Dlqi(i) => p.dlqi[usize::from(i)].is_some(),
        Step::Status => p.status.is_some(),
        Step::Effect => p.effect.is_some(),
        Step::Intro | Step::Done => false,
    };
    // Something to take back: an answer, or item 7's "No" alone.
    let answered = is_answered(step) || (step == Step::Dlqi(6) && p.dlqi7_not_prevented);
    // Questions left unanswered, listed at the end with a way back to each (by its place).
    let unanswered: Vec<usize> = (1..=questions).filter(|&i| !is_answered(steps[i])).collect();
    let onclear = {
        let (dispatch, body_ref) = (dispatch.clone(), body_ref.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Action::ClearAnswer(step));
            // The button goes with the answer: the focus goes back to the question's top.
            if let Some(body) = body_ref.cast::<web_sys::HtmlElement>() {
                let _ = body.focus();
            }
        })
    };
    // Under the answers (above a questionnaire's notice), while there is an answer.
    let clear = html! {
        if answered {
            <button type="button" class="button button--quiet flow__clear" id="flow-clear" onclick={onclear}>{ t.clear_answer }</button>
        }
    };

    let body = match step {
        Step::Intro => {
            // Shown as asked; a change is made to the choice (a DLQI chosen for an adult stays
            // chosen while the age says child, and is asked again if the age is corrected).
            let (parts, chosen) = (asked, p.parts);
            // `not_offered`: where the questionnaire does not apply, the id of the note saying why
            // (then it is not ticked, and cannot be).
            let toggle = |label: &'static str, get: fn(&Parts) -> bool, set: fn(&mut Parts, bool), not_offered: Option<&'static str>| {
                let dispatch = dispatch.clone();
                let on = get(&parts);
                let onchange = Callback::from(move |_: Event| {
                    let mut next = chosen;
                    set(&mut next, !on);
                    dispatch.emit(Action::SetParts(next));
                });
                html! {
                    <label class="check">
                        <input type="checkbox" checked={on} {onchange} disabled={not_offered.is_some() && !on}
                            aria-describedby={not_offered} />
                        <span>{ label }</span>
                    </label>
                }
            };
            // DLQI is for adults answering for themselves: not offered for a child (the
            // examination's age under 16) or a parent answering for one.
            let dlqi_for_adults = !props.dlqi_offered;
            let who = choices(&[t.answer_self, t.answer_proxy]);
            let onwho = {
                let (dispatch, at, earlier, before, answers) = (dispatch.clone(), at.clone(), earlier.clone(), p.answerer, p.answers());
                Callback::from(move |v: u8| {
                    // Chosen here, on the first screen: the flow goes on from here, not from a
                    // place kept while no one was chosen.
                    at.set(0);
                    let now = if v == 1 { Reporter::Parent } else { Reporter::Patient };
                    if let Some(before) = before.filter(|&b| b != now && answers != PatientForm::default()) {
                        // The answers stay whose they were while no one changed them; once
                        // changed, they are (also) the person's who was answering.
                        let owner = match &*earlier {
                            Some((who, then)) if *then == answers => *who,
                            _ => before,
                        };
                        earlier.set(Some((owner, answers.clone())));
                    }
                    dispatch.emit(Action::SetAnswerer(now));
                })
            };
            let onremove = {
                let (dispatch, earlier, body_ref) = (dispatch.clone(), earlier.clone(), body_ref.clone());
                Callback::from(move |_: MouseEvent| {
                    if gloo::dialogs::confirm(t.confirm_remove_earlier) {
                        dispatch.emit(Action::ClearQuestionnaires);
                        earlier.set(None);
                        // The button goes with the notice: the focus to the question's top, not
                        // the page's body.
                        if let Some(body) = body_ref.cast::<web_sys::HtmlElement>() {
                            let _ = body.focus();
                        }
                    }
                })
            };
            let given_by = (*earlier).as_ref().map(|(by, _)| *by).filter(|&by| p.has_answers() && p.answerer.is_some_and(|now| now != by));
            let questions = html! {
                    <fieldset class="picker">
                        <legend>{ t.choose_questions }</legend>
                        { toggle(t.q_itch, |p| p.itch, |p, v| p.itch = v, None) }
                        { toggle(t.q_sleep, |p| p.sleep, |p, v| p.sleep = v, None) }
                        { toggle(t.q_scorad_c, |p| p.scorad_c, |p, v| p.scorad_c = v, None) }
                        { toggle(t.q_poem, |p| p.poem, |p, v| p.poem = v, None) }
                        { toggle(t.q_dlqi, |p| p.dlqi, |p, v| p.dlqi = v, dlqi_for_adults.then_some("dlqi-adults")) }
                        if dlqi_for_adults {
                            <p class="note" id="dlqi-adults" data-testid="dlqi-adults">{ t.dlqi_adults_only }</p>
                        }
                        { toggle(t.q_global, |p| p.global, |p, v| p.global = v, None) }
                    </fieldset>
            };
            html! {
                <>
                    <h1>{ t.patient_mode_title }</h1>
                    <p class="lead">{ if p.proxy() { t.patient_intro_proxy } else { t.patient_intro } }</p>
                    <GradePicker name="who" legend={t.who_answers} choices={who} selected={p.answerer.map(|who| u8::from(who == Reporter::Parent))}
                        onpick={onwho} stacked=true describedby={(*who_missing && p.answerer.is_none()).then_some(AttrValue::from("who-error"))} />
                    if *who_missing && p.answerer.is_none() {
                        <p class="field__error" id="who-error" role="alert">{ t.choose_who }</p>
                    }
                    if let Some(by) = given_by {
                        <div class="earlier" role="status" data-testid="earlier-answers">
                            <p>{ if by == Reporter::Patient { t.earlier_by_patient } else { t.earlier_by_parent } }</p>
                            <button type="button" class="button button--quiet" id="remove-earlier" onclick={onremove}>{ t.remove_earlier }</button>
                        </div>
                    }
                    // Handed over, the questions are the clinician's choice, set before: folded
                    // away, so that the patient's first screen asks only who is answering.
                    if props.from_exam {
                        <details class="setup">
                            <summary>{ t.questions_by_clinician }</summary>
                            { questions }
                        </details>
                    } else {
                        { questions }
                    }
                </>
            }
        }
        Step::Itch => {
            let q = if p.proxy() { t.itch_question_proxy } else { t.itch_question };
            nrs("itch", q, t.itch_min, t.itch_max, p.itch, dispatch.reform(Action::SetItch))
        }
        Step::Sleep => {
            let q = if p.proxy() { t.sleep_question_proxy } else { t.sleep_question };
            nrs("sleep", q, t.sleep_min, t.sleep_max, p.sleep, dispatch.reform(Action::SetSleep))
        }
        Step::ScoradPruritus => {
            let q = if p.proxy() { t.c_pruritus_question_proxy } else { t.c_pruritus_question };
            vas(t, "vas-pruritus", q, &props.pruritus, p.pruritus_answered, dispatch.reform(Action::AnswerPruritus))
        }
        Step::ScoradSleep => {
            let q = if p.proxy() { t.c_sleep_question_proxy } else { t.c_sleep_question };
            vas(t, "vas-sleep", q, &props.sleep_loss, p.sleep_loss_answered, dispatch.reform(Action::AnswerSleepLoss))
        }
        Step::Poem(i) => {
            let i = usize::from(i);
            let question = if p.proxy() { &poem.proxy[i] } else { &poem.self_report[i] };
            let answers: Vec<&str> = poem.answers.iter().map(String::as_str).collect();
            html! {
                <>
                    <p class="instrument">{ &poem.title }</p>
                    if i == 0 {
                        <p class="lead">{ &poem.intro }</p>
                    }
                    <GradePicker name={format!("poem-{}", i + 1)} legend={question.clone()} choices={choices(&answers)}
                        selected={p.poem[i]} onpick={dispatch.reform(move |v| Action::SetPoem(i, v))} stacked=true />
                    { clear.clone() }
                    { crate::components::poem_notice(t) }
                </>
            }
        }
        Step::Dlqi(i) => {
            let i = usize::from(i);
            let picker = if i == 6 {
                let prevented = match p.dlqi[6] {
                    Some(DlqiAnswer::Score(3)) => Some(0),
                    Some(DlqiAnswer::NotRelevant) => Some(2),
                    _ if p.dlqi7_not_prevented => Some(1),
                    _ => None,
                };
                let level = match p.dlqi[6] {
                    Some(DlqiAnswer::Score(v)) if v <= 2 => Some(2 - v),
                    _ => None,
                };
                html! {
                    <>
                        <GradePicker name="dlqi-7-prevented" legend={t.dlqi_prevented}
                            choices={choices(&[t.dlqi_yes, t.dlqi_no, t.dlqi_not_relevant])} selected={prevented}
                            onpick={dispatch.reform(|v: u8| Action::SetDlqi7(match v { 0 => Some(true), 1 => Some(false), _ => None }, None))}
                            stacked=true />
                        if prevented == Some(1) {
                            <GradePicker name="dlqi-7-level" legend={t.dlqi_problem}
                                choices={choices(&[t.dlqi_a_lot, t.dlqi_a_little, t.dlqi_not_at_all])} selected={level}
                                onpick={dispatch.reform(|v: u8| Action::SetDlqi7(Some(false), Some(2 - v)))} stacked=true />
                        }
                    </>
                }
            } else {
                let mut labels = vec![t.dlqi_very_much, t.dlqi_a_lot, t.dlqi_a_little, t.dlqi_not_at_all];
                if crate::scoring::dlqi::offers_not_relevant(i) {
                    labels.push(t.dlqi_not_relevant);
                }
                let selected = match p.dlqi[i] {
                    Some(DlqiAnswer::Score(v)) => Some(3 - v.min(3)),
                    Some(DlqiAnswer::NotRelevant) => Some(4),
                    None => None,
                };
                let onpick = dispatch.reform(move |v: u8| {
                    Action::SetDlqi(i, Some(if v == 4 { DlqiAnswer::NotRelevant } else { DlqiAnswer::Score(3 - v) }))
                });
                html! {
                    <GradePicker name={format!("dlqi-{}", i + 1)} legend={t.dlqi_item(i)} choices={choices(&labels)}
                        {selected} {onpick} stacked=true />
                }
            };
            html! {
                <>
                    <p class="instrument">{ t.dlqi_title }</p>
                    if i == 0 {
                        <p class="lead">{ t.dlqi_intro }</p>
                    }
                    if i == 6 {
                        <p class="question">{ t.dlqi_item(6) }</p>
                    }
                    { picker }
                    { clear.clone() }
                    <p class="notice" data-testid="dlqi-notice">{ t.dlqi_notice }</p>
                </>
            }
        }
        Step::Status => {
            let q = if p.proxy() { t.global_status_question_proxy } else { t.global_status_question };
            let labels: Vec<&str> = (0..5).map(|v| t.disease_status(v)).collect();
            html! {
                <GradePicker name="status" legend={q} choices={choices(&labels)} selected={p.status}
                    onpick={dispatch.reform(Action::SetStatus)} stacked=true />
            }
        }
        Step::Effect => {
            let q = if p.proxy() { t.treatment_question_proxy } else { t.treatment_question };
            let labels: Vec<&str> = (0..7).map(|v| t.treatment_effect(v)).collect();
            html! {
                <GradePicker name="effect" legend={q} choices={choices(&labels)} selected={p.effect}
                    onpick={dispatch.reform(Action::SetEffect)} stacked=true />
            }
        }
        Step::Done => {
            let answers = answers(t, p, asked, &props.pruritus, &props.sleep_loss);
            // Questions left unanswered, each a way back to it.
            let left = html! {
                if !unanswered.is_empty() {
                    <p>{ t.left_unanswered }</p>
                    <ul class="flow__unanswered" data-testid="unanswered">
                        { for unanswered.iter().map(|&i| html! {
                            <li><button type="button" class="button button--quiet" onclick={go(i)}>
                                { format!("{} · {}", fill(t.progress, &[&i, &questions]), step_name(t, steps[i])) }
                            </button></li>
                        }) }
                    </ul>
                }
            };
            // Handed over, what is left unanswered comes first, to go back to before handing
            // back; on the patient's own phone the answers do, the screen to show the clinician.
            let (before, after) = if props.from_exam { (left, Html::default()) } else { (Html::default(), left) };
            html! {
                <>
                    <h1>{ t.done_title }</h1>
                    // Handed over, kept for the clinician, who saves the visit: not yet a visit of
                    // its own. On the patient's own phone, kept there only (shown at the visit).
                    <p class="lead">{ match (p.has_answers(), props.from_exam) {
                        (false, _) => t.done_none,
                        (true, true) => t.done_text,
                        (true, false) => t.done_text_own,
                    } }</p>
                    if props.from_exam {
                        <p class="lead" data-testid="hand-back"><strong>{ t.hand_back }</strong></p>
                    } else {
                        <p class="lead" data-testid="show-clinician">{ t.show_clinician }</p>
                    }
                    { before }
                    // To check before handing back, or to show the clinician on one's own phone.
                    <h2>{ t.your_answers }</h2>
                    <dl class="answers" data-testid="answers">
                        { for answers.into_iter().map(|(question, answer)| html! { <><dt>{ question }</dt><dd>{ answer }</dd></> }) }
                    </dl>
                    { after }
                </>
            }
        }
    };

    let finish = {
        let onfinish = props.onfinish.clone();
        let at = at.clone();
        Callback::from(move |_: MouseEvent| {
            at.set(0);
            forget_step();
            onfinish.emit(());
        })
    };
    // On the patient's own device, the end offers to change these answers (from the first
    // question) or, once confirmed, to clear them for a new questionnaire: a questionnaire filled
    // in weeks later must not start from the old answers.
    let onnew = {
        let (dispatch, at) = (dispatch.clone(), at.clone());
        Callback::from(move |_: MouseEvent| {
            if gloo::dialogs::confirm(t.confirm_new_questionnaire) {
                dispatch.emit(Action::ClearAllAnswers);
                at.set(0);
            }
        })
    };
    // Next; on the first screen only once someone is chosen as answering (else it says so and
    // takes the focus to the choice).
    let onnext = {
        let (go, who_missing) = (go(index + 1), who_missing.clone());
        let unchosen = p.answerer.is_none();
        Callback::from(move |e: MouseEvent| {
            if unchosen {
                who_missing.set(true);
                if let Some(first) = gloo::utils::document().get_element_by_id("who-0") {
                    let _ = first.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            } else {
                go.emit(e);
            }
        })
    };
    html! {
        <div class="flow">
            <header class="flow__top">
                <span class="flow__brand">{ t.app_name }</span>
                <LanguagePicker onlang={props.onlang.clone()} />
            </header>
            if (1..=questions).contains(&index) {
                <div class="flow__progress">
                    <p data-testid="progress" id="flow-progress">{ fill(t.progress, &[&index, &questions]) }</p>
                    <progress max={questions.to_string()} value={index.to_string()} aria-hidden="true"></progress>
                </div>
            }
            // Named by "Question n of N": the focus comes here at each step, and it is said first.
            <main class="flow__body" data-step={format!("{step:?}")} tabindex="-1" ref={body_ref}
                aria-labelledby={(1..=questions).contains(&index).then_some("flow-progress")}>
                // Keyed by the step: each question gets inputs of its own. Reused from the question
                // before (same options, another name), a radio showed no answer after Back (itch
                // 6, sleep 4, Back: itch blank though stored).
                <div class="flow__step" key={format!("{step:?}")}>
                    { body }
                    if !matches!(step, Step::Poem(_) | Step::Dlqi(_)) {
                        { clear }
                    }
                    { if matches!(step, Step::Intro | Step::Done) { html! {} } else { unvalidated } }
                </div>
            </main>
            <nav class="flow__nav">
                if index > 0 {
                    <button type="button" class="button button--quiet button--big" onclick={go(index - 1)}>{ t.back }</button>
                } else if props.from_exam {
                    // Handed over by mistake, or the clinician changes their mind: back at once,
                    // not through every question.
                    <button type="button" class="button button--quiet button--big" id="flow-cancel" onclick={finish.clone()}>{ t.back_to_exam }</button>
                }
                if step == Step::Done {
                    if props.from_exam {
                        <button type="button" class="button button--big" id="flow-finish" onclick={finish}>{ t.return_to_exam }</button>
                    } else {
                        if questions > 0 {
                            <button type="button" class="button button--quiet button--big" id="flow-change" onclick={go(1)}>{ t.change_answers }</button>
                        }
                        // Not the screen's main action: it clears these answers (once confirmed).
                        <button type="button" class="button button--quiet button--big" id="flow-finish" onclick={onnew}>{ t.new_questionnaire }</button>
                    }
                } else {
                    <button type="button" class="button button--big" id="flow-next" onclick={onnext}>
                        { if index + 1 == steps.len() - 1 { t.finish } else { t.next } }
                    </button>
                }
            </nav>
        </div>
    }
}
