//! The history screens (patients and cohort, files, one patient over time, the worksheet) as a
//! module of their own, loaded the first time one of them is opened, so that the examination
//! starts with less to download and compile.
//!
//! The examination's side is [`RecordsHost`]: it loads `records-….js` (named in the page's
//! `<meta name="adscore-records">`, built by `scripts/records-build.mjs`) through
//! `js/records.js` and mounts it. The module's side is [`mount`] / [`unmount`], exported by
//! `src/bin/records.rs`: the [`Records`] root reads the stored history itself and follows the
//! location hash, like the examination.
//!
//! The patient's own flow ("hand to patient", `#patient`) lives here too: [`PatientRoot`] takes
//! the examination over from the examination's module and hands it back, answers included,
//! when the patient finishes or the flow is left any other way.
//!
//! The visit history is read and written only here: the examination's "Save visit" card hands
//! the examination to [`save_visit`] (and asks [`suggestions`] for the codes and labels in use)
//! through the same loader, so the examination's module carries no history code at all.

use crate::app::{back_to_exam, use_screen, Screen};
use crate::components::{alert, alerts_above, Shared};
use crate::form::ExamForm;
use crate::history::{self, io, labels, DayUpdate, History, Patient};
use crate::store;
use crate::components::history_view::HistoryView;
use crate::components::patient_view::PatientView;
use crate::components::print_view::PrintView;
use crate::components::patient_flow::PatientFlow;
use crate::components::use_strings;
use crate::state::ExamState;
use crate::i18n::{fill, Lang, RecordsStrings, Strings};
use crate::draft;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen(module = "/js/records.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn open_records(root: web_sys::Element) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn open_patient(root: web_sys::Element, exam: String, from_exam: bool) -> Result<JsValue, JsValue>;
    fn close_records();
    #[wasm_bindgen(catch)]
    async fn ready_records() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn save_in_records(exam: String, code: String, label: String) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn suggestions_from_records() -> Result<JsValue, JsValue>;
}

/// The examination's side of saving a visit: loads the history module (once) and has it file
/// the examination (`exam`, the draft's JSON) under `code` and `label`. `Ok` with the message
/// to show and the code the visit is filed under ([`save_visit`]), `Err` with why nothing was
/// saved (a sentence in the language `t`).
pub async fn save_through_records(t: &Strings, exam: String, code: String, label: String) -> Result<(String, String), String> {
    ready_records().await.map_err(|why| fill(t.history_problem, &[&store::message(why)]))?;
    match save_in_records(exam, code, label).await {
        Ok(both) => {
            let both = js_sys::Array::from(&both);
            Ok((both.get(0).as_string().unwrap_or_default(), both.get(1).as_string().unwrap_or_default()))
        }
        Err(why) => Err(store::message(why)),
    }
}

/// The examination's side of [`suggestions`]: the patient codes and the study labels in use.
pub async fn suggestions_through_records() -> Result<(Vec<String>, Vec<String>), String> {
    let both = suggestions_from_records().await.map_err(store::message)?;
    let list = |i: u32| -> Vec<String> {
        js_sys::Array::from(&js_sys::Array::from(&both).get(i)).iter().filter_map(|v| v.as_string()).collect()
    };
    Ok((list(0), list(1)))
}

/// What [`RecordsHost`] shows from the module.
#[derive(Clone, Debug, PartialEq)]
pub enum Hosted {
    /// The history screens (they follow the location hash themselves).
    History,
    /// The patient's flow over the examination `exam` (its JSON); `from_exam` when the
    /// clinician handed the device over.
    Patient {
        /// The examination as it stands.
        exam: String,
        /// Return to the examination when done.
        from_exam: bool,
    },
}

/// Props of [`RecordsHost`].
#[derive(Properties, Clone, PartialEq)]
pub struct RecordsHostProps {
    /// What to show.
    pub hosted: Hosted,
}

/// The name of the window event by which the patient's flow hands the examination back (its
/// `detail` is the examination's JSON; `crate::app::App` takes it).
pub const HANDED_BACK: &str = "adscore-handed-back";

/// Where the module's screens go: loads the module (once) and mounts what `hosted` names
/// while shown.
#[component]
pub fn RecordsHost(props: &RecordsHostProps) -> Html {
    let t = use_strings();
    let root = use_node_ref();
    let state = use_state(|| None::<Result<(), String>>);
    {
        let (root, state, hosted) = (root.clone(), state.clone(), props.hosted.clone());
        use_effect_with((), move |_| {
            if let Some(element) = root.cast::<web_sys::Element>() {
                yew::platform::spawn_local(async move {
                    let opened = match hosted {
                        Hosted::History => open_records(element).await,
                        Hosted::Patient { exam, from_exam } => open_patient(element, exam, from_exam).await,
                    };
                    let opened = opened.map(|_| ()).map_err(crate::store::message);
                    state.set(Some(opened));
                });
            }
            close_records
        });
    }
    html! {
        <>
            <div ref={root}></div>
            { match &*state {
                None => html! { <div class="app"><p role="status">{ t.loading }</p></div> },
                Some(Err(why)) => html! {
                    <div class="app">
                        { alert(fill(t.history_problem, &[why])) }
                        // Also from a hand-over, where the hash is already empty.
                        <a class="button" href="#" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); back_to_exam() })}>
                            { t.back_to_exam }
                        </a>
                    </div>
                },
                Some(Ok(())) => html! {},
            } }
        </>
    }
}

/// The root of the history screens.
#[component]
pub fn Records() -> Html {
    let lang = use_state(draft::load_lang);
    let screen = use_screen();
    let stored = use_state(|| Stored::Loading);
    let notice = use_state(|| None::<Notice>);
    {
        let (stored, notice) = (stored.clone(), notice.clone());
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                match read_or_recover().await {
                    Ok((history, recovered)) => {
                        if let Some(why) = recovered {
                            notice.set(Some(Notice::Problem(why)));
                        }
                        stored.set(Stored::Ready(history));
                    }
                    Err(why) => stored.set(Stored::Unavailable(why)),
                }
            });
        });
    }
    {
        // Back to this tab or window, or the history written in another one: the history as it
        // is now, since another tab may have saved visits meanwhile (an export made here would
        // leave them out). A window kept in front beside the one that saves never regains focus:
        // the write's announcement (`store::WRITTEN_ELSEWHERE`) reaches it. An unchanged store is
        // not read again (its token says so).
        let stored = stored.clone();
        use_effect_with((), move |_| {
            let refresh = move |_: &web_sys::Event| {
                if gloo::utils::document().hidden() {
                    return;
                }
                let before = LAST_READ.with(|last| last.borrow().as_ref().map(|(_, history)| history.clone()));
                let stored = stored.clone();
                yew::platform::spawn_local(async move {
                    // Shown whenever what this module holds as read changed, also when it held
                    // nothing (the store had no token: a device that never saved a history):
                    // the screen and the copy a write is checked against are then one, else a
                    // change made on the screen's older copy would be written over the newer.
                    if let Ok(now) = read_history().await {
                        if before.as_ref() != Some(&now) {
                            stored.set(Stored::Ready(now));
                        }
                    }
                });
            };
            store::watch();
            let listeners = [
                gloo::events::EventListener::new(&gloo::utils::window(), "focus", refresh.clone()),
                gloo::events::EventListener::new(&gloo::utils::window(), store::WRITTEN_ELSEWHERE, refresh.clone()),
                gloo::events::EventListener::new(&gloo::utils::document(), "visibilitychange", refresh),
            ];
            move || drop(listeners)
        });
    }
    {
        // The examination may change the language while this module sleeps.
        let lang = lang.clone();
        use_effect_with((*screen).clone(), move |_| lang.set(draft::load_lang()));
    }
    let onchange = save_history(stored.clone(), notice.clone());
    // The language switch of these screens: remembered on the device (the examination reads it
    // again when it is back), shown once its strings are here.
    let onlang = use_callback(lang.clone(), |chosen: Lang, lang| {
        let lang = lang.clone();
        yew::platform::spawn_local(async move {
            if crate::i18n::ready(chosen).await.is_ok() {
                draft::show_lang(chosen, chosen);
                lang.set(chosen);
            }
        });
    });
    let t = lang.records_strings();
    let refused = matches!(*notice, Some(Notice::ChangedElsewhere | Notice::NotSaved(_)));
    let mut alerts: Vec<Html> = Vec::new();
    match (*notice).clone() {
        // The browser's reason may end in a full stop of its own; the sentence goes on after it.
        Some(Notice::Problem(why)) => alerts.push(alert(fill(t.history_problem, &[&why.trim_end_matches('.')]))),
        Some(Notice::ChangedElsewhere) => alerts.push(alert(t.history_changed_elsewhere)),
        Some(Notice::NotSaved(why)) => alerts.push(alert(fill(t.history_not_saved, &[&why.trim_end_matches('.')]))),
        None => {}
    }
    if let Stored::Unavailable(why) = &*stored {
        alerts.push(alert(fill(t.history_problem, &[why])));
        alerts.push(html! { <a class="button" href="#">{ t.back_to_exam }</a> });
    }
    let body = match ((*screen).clone(), stored.ready()) {
        // Unavailable: the alert and the way back, not a "loading" that never ends.
        (_, None) if matches!(*stored, Stored::Unavailable(_)) => html! { <div class="app">{ for alerts }</div> },
        (_, None) => html! { <div class="app">{ for alerts }<p role="status">{ t.loading }</p></div> },
        (Screen::History, Some(history)) => html! { <>{ alerts_above("app", &alerts) }<HistoryView {history} {onchange} {onlang} refused={refused} /></> },
        (Screen::PatientHistory(code), Some(history)) => html! { <>{ alerts_above("app", &alerts) }<PatientView key={code.as_str()} code={code.clone()} {history} {onchange} {onlang} /></> },
        (Screen::Print(id), Some(history)) => html! { <PrintView {history} {id} {onlang} /> },
        // The examination is taking over.
        (Screen::Exam | Screen::Patient { .. }, Some(_)) => html! {},
    };
    html! { <ContextProvider<Lang> context={*lang}>{ body }</ContextProvider<Lang>> }
}

/// What the history screens say above themselves about the stored history.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// It could not be read or written; why.
    Problem(String),
    /// A change was not saved: the history had been changed in another tab or window since it
    /// was read (the screens now show the stored one).
    ChangedElsewhere,
    /// A change was not saved: writing it failed, why (the screens now show the stored history).
    NotSaved(String),
}

/// The visit history as loaded from the device.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    /// Still reading.
    Loading,
    /// Read (or empty).
    Ready(Shared<History>),
    /// The browser store cannot be used; the message says why.
    Unavailable(String),
}

impl Stored {
    /// The history, once read.
    pub fn ready(&self) -> Option<Shared<History>> {
        match self {
            Stored::Ready(history) => Some(history.clone()),
            _ => None,
        }
    }
}

thread_local! {
    /// The history as this module last read or wrote it, with the store's token then (for a
    /// write still under way, the token it writes: writes are made in the order they are asked).
    static LAST_READ: std::cell::RefCell<Option<(String, Shared<History>)>> = const { std::cell::RefCell::new(None) };
}

/// The store's token of the copy this module last read or wrote (`None`: none known).
fn last_generation() -> Option<String> {
    LAST_READ.with(|last| last.borrow().as_ref().map(|(generation, _)| generation.clone()))
}

/// Reads the stored history — or takes the copy this module read or wrote before, when the
/// store has not been written since (by this module or the other one; `store::generation`).
/// `Err` with the unreadable text and why, or with why the store cannot be used.
pub async fn read_history() -> Result<Shared<History>, (Option<String>, String)> {
    // Without a token nothing tells whether the history changed: it is read every time.
    let generation = store::generation().await;
    let same = LAST_READ.with(|last| {
        last.borrow().as_ref().filter(|(seen, _)| generation.as_ref() == Some(seen)).map(|(_, history)| history.clone())
    });
    if let Some(history) = same {
        return Ok(history);
    }
    let history = match store::load().await {
        Ok(None) => History::default(),
        Ok(Some(text)) => io::from_store(&text).map_err(|why| (Some(text), why))?,
        Err(why) => return Err((None, why)),
    };
    let history = Shared::new(history);
    remember(generation, &history);
    Ok(history)
}

fn remember(generation: Option<String>, history: &Shared<History>) {
    if let Some(generation) = generation {
        LAST_READ.with(|last| *last.borrow_mut() = Some((generation, history.clone())));
    }
}

/// Saves a changed history: shown at once, written whole (one atomic write) in the
/// background, if the stored history is still the one it was made from. When another tab or
/// window wrote the history since, nothing is written (its newer visits are not overwritten
/// by this older copy): the stored history is read again and shown, and `notice` says that
/// the change was not saved. A failed write is reported in `notice` too.
pub fn save_history(stored: UseStateHandle<Stored>, notice: UseStateHandle<Option<Notice>>) -> Callback<History> {
    Callback::from(move |history: History| {
        let text = io::to_json_compact(&history);
        let history = Shared::new(history);
        stored.set(Stored::Ready(history.clone()));
        // A new change: what was said of the last one not being saved no longer holds.
        if matches!(*notice, Some(Notice::ChangedElsewhere | Notice::NotSaved(_))) {
            notice.set(None);
        }
        let (expected, next) = (last_generation(), store::new_generation());
        remember(Some(next.clone()), &history);
        let (stored, notice) = (stored.clone(), notice.clone());
        yew::platform::spawn_local(async move {
            let refused = match store::save(text, expected, next).await {
                Ok(true) => return,
                Ok(false) => Notice::ChangedElsewhere,
                Err(why) => Notice::NotSaved(why),
            };
            // Not saved: the screens show the history as stored, not the change as if it were.
            LAST_READ.with(|last| *last.borrow_mut() = None);
            match read_or_recover().await {
                Ok((current, _)) => stored.set(Stored::Ready(current)),
                Err(why) => stored.set(Stored::Unavailable(why)),
            }
            notice.set(Some(refused));
        });
    })
}

/// Reads the stored history; an unreadable one is moved aside under a new key (kept, never
/// overwritten), offered as a download, and replaced by an empty history — `Ok` then carries
/// the notice saying so. `Err` when the store cannot be used.
pub async fn read_or_recover() -> Result<(Shared<History>, Option<String>), String> {
    match read_history().await {
        Ok(history) => Ok((history, None)),
        Err((Some(text), why)) => {
            let key = store::set_aside(text.clone()).await?;
            store::download("adscore-history-unreadable.json", "application/json", &text);
            let history = Shared::new(History::default());
            remember(store::generation().await, &history);
            Ok((history, Some(format!("{why} ({key})"))))
        }
        Err((None, why)) => Err(why),
    }
}

/// Files an examination (`exam`, the draft's JSON) as a visit of patient `code` with the study
/// `label`: adds the patient when new, then the visit, and saves the history. `Ok` with the
/// message to show (in the remembered language) and the code the visit is filed under (a
/// similar patient's when the user said it is that patient, [`settle_code`]), for the
/// examination's code field; `Err` with why nothing was saved. The visit
/// is added to the history as stored at that moment: if another tab or window writes the
/// history between the read and the write, the write is refused and the visit added again to
/// the newer history (a few times), so neither tab's visit is lost.
pub async fn save_visit(exam: &str, code: &str, label: &str) -> Result<(String, String), String> {
    let t = draft::load_lang().records_strings();
    let exam: ExamForm = draft::decode(exam)?;
    let code = code.trim();
    if new_code(code).is_empty() {
        return Err(t.visit_need_code.to_string());
    }
    // Too long to be a pseudonym typed here: said, not cut (the field has no maxlength, which
    // cut a pasted code silently; two long codes alike in their first 40 characters became one
    // patient). A patient already in the history under a longer code (imported) is kept.
    let length = code.chars().count();
    if length > CODE_MAX && !matches!(read_history().await, Ok(history) if history.patient(code).is_some()) {
        return Err(fill(t.visit_code_too_long, &[&CODE_MAX, &length]));
    }
    if !exam.saves_anything() {
        return Err(t.visit_nothing.to_string());
    }
    if exam.exam_date.trim().is_empty() {
        return Err(t.visit_need_date.to_string());
    }
    // A date after today is a slip of the finger (2036 for 2026): filed, it would put the visit
    // last in the patient's trend and the study's weeks (dates are YYYY-MM-DD, compared as text).
    if exam.exam_date.trim() > crate::app::today().as_str() {
        return Err(fill(t.visit_future_date, &[&t.date(exam.exam_date.trim())]));
    }
    // A new patient's code that looks like a name ("John Smith") or a date of birth
    // ("1990-05-12"): the card says "use a code, never a name"; asked before either is stored on
    // the device and in every export.
    let identifying = if history::looks_like_a_name(code) {
        Some((t.visit_name_confirm, t.visit_name_refused))
    } else if history::looks_like_a_date(code) {
        Some((t.visit_code_dob_confirm, t.visit_code_dob_refused))
    } else {
        None
    };
    // A new code that differs from a patient's only in letter case, spacing, full-width forms or
    // invisible characters: which patient is asked first (once, not on every try below).
    let code = match read_history().await {
        Ok(history) if history.patient(code).is_none() && identifying.is_some_and(|(ask, _)| !gloo::dialogs::confirm(&fill(ask, &[&code]))) => {
            return Err(identifying.map_or_else(String::new, |(_, refused)| refused.to_string()));
        }
        Ok(history) => match settle_code(t, &history, code) {
            Some(code) => code,
            None => return Err(fill(t.visit_code_unsettled, &[&code, &similar_list(&history, code)])),
        },
        Err(_) => new_code(code),
    };
    let code = code.as_str();
    // The browser's reason may end in a full stop of its own; the sentence goes on after it.
    let problem = |why: String| fill(t.history_problem, &[&why.trim_end_matches('.')]);
    let mut recovered = None;
    // The scores the user agreed to replace: asked once, not again when a write elsewhere makes
    // this save read the history again (asked again only if that write changed what is replaced).
    let mut agreed: Option<Vec<&'static str>> = None;
    let mut dob_agreed: Option<bool> = None;
    let mut age_agreed = false;
    for _ in 0..3 {
        // The token first: a write after it makes the conditional save below refuse.
        let expected = store::generation().await;
        let (history, notice) = read_or_recover().await.map_err(problem)?;
        recovered = recovered.or(notice);
        let mut next = History::clone(&history);
        if next.patient(code).is_none() {
            next.upsert_patient(Patient::new(code));
        }
        // An age typed that the patient's stored date of birth contradicts on the examination's
        // date: the scores were weighted by the typed age (EASI's under-8 weights, SCORAD's
        // figures), so saving it is asked first (once); "Cancel" saves nothing, to correct it.
        let stored_dob = next.patient(code).and_then(|p| p.dob.clone()).unwrap_or_default();
        if let (Some((typed, stored_age)), false) = (exam.typed_age_differs(&stored_dob), age_agreed) {
            let question = fill(t.visit_age_confirm, &[&code, &t.date(&stored_dob), &t.date(exam.exam_date.trim()), &stored_age, &typed]);
            if !gloo::dialogs::confirm(&question) {
                return Err(fill(t.visit_age_refused, &[&typed, &stored_age]));
            }
            age_agreed = true;
        }
        // The date of birth entered is kept on the patient's record: filled in, or put over a
        // different one if the user agrees (asked once; the visit is saved either way).
        if let history::BirthDateNote::Differs(stored) = next.note_birth_date(code, &exam.dob, dob_agreed == Some(true)) {
            if dob_agreed.is_none() {
                let agreed = gloo::dialogs::confirm(&fill(t.visit_dob_confirm, &[&code, &t.date(&stored), &t.date(exam.dob.trim())]));
                dob_agreed = Some(agreed);
                next.note_birth_date(code, &exam.dob, agreed);
            }
        }
        let id = next.next_visit_id(code, exam.exam_date.trim());
        let visit = exam.to_visit(id, code, label);
        let (date, visit_date) = (t.date(&visit.date), visit.date.clone());
        // A visit that day already: this examination completes or corrects it (asked first
        // when it replaces a saved score by a different one).
        let saved = match next.day_update(&visit) {
            None => {
                next.add_visit(visit).map_err(|why| t.violation(&why))?;
                fill(t.visit_saved, &[&code, &date])
            }
            // Unchanged: the day's visits, and the patient's record (a date of birth added).
            Some(update) if update.removed.is_empty() && update.visits.iter().all(|v| next.visit(&v.id) == Some(v))
                && next.patients == history.patients => {
                return Ok((fill(t.visit_unchanged, &[&code, &date]), code.to_string()));
            }
            Some(DayUpdate { visits, removed, replaced, apart }) => {
                if !replaced.is_empty() && agreed.as_ref() != Some(&replaced) {
                    let names: Vec<String> = replaced.iter().filter(|&&key| key != "label").map(|&key| t.instrument(key).to_string()).collect();
                    // The label said with what it was and becomes ("baseline" → "second exam").
                    let old_label = history.visits_of(code).into_iter().find(|v| v.date == visit_date && !v.label.is_empty()).map_or("", |v| v.label.as_str());
                    let relabel = replaced.contains(&"label").then(|| fill(t.visit_replace_label, &[&old_label, &label]));
                    let question = match (names.is_empty(), relabel) {
                        (false, None) => fill(t.visit_replace_confirm, &[&code, &date, &names.join(", ")]),
                        (false, Some(relabel)) => format!("{} {relabel}", fill(t.visit_replace_confirm, &[&code, &date, &names.join(", ")])),
                        (true, relabel) => fill(t.visit_relabel_confirm, &[&code, &date, &relabel.unwrap_or_default()]),
                    };
                    if !gloo::dialogs::confirm(&question) {
                        return Err(fill(t.visit_not_replaced, &[&code, &date]));
                    }
                    agreed = Some(replaced);
                }
                for id in &removed {
                    next.remove_visit(id);
                }
                for updated in visits {
                    // Refused only when another visit that day holds one of its scores
                    // (histories merged from two devices): said in the chosen language.
                    let at = next.visits.iter().position(|v| v.id == updated.id);
                    if let Some((other, key)) = next.same_day(&updated, at) {
                        return Err(fill(t.visit_same_day, &[&code, &t.instrument(key), &date, &other.id]));
                    }
                    match at {
                        Some(_) => next.replace_visit(updated),
                        None => next.add_visit(updated),
                    }
                    .map_err(|why| t.violation(&why))?;
                }
                fill(if apart { t.visit_answers_apart } else { t.visit_updated }, &[&code, &date])
            }
        };
        let generation = store::new_generation();
        let not_written = |why: String| fill(t.visit_not_written, &[&why.trim_end_matches('.')]);
        if store::save(io::to_json_compact(&next), expected, generation.clone()).await.map_err(not_written)? {
            remember(Some(generation), &Shared::new(next));
            let said = match recovered {
                Some(notice) => format!("{} {saved}", problem(notice)),
                None => saved,
            };
            return Ok((said, code.to_string()));
        }
    }
    Err(t.history_changed_elsewhere.to_string())
}

/// The code to file a visit under, typed as `code`: that code when it is a patient's, or no
/// patient's code is similar to it ([`History::similar_patients`]); otherwise a similar
/// patient's code if the user says it is the same patient (asked for each), or `code` as a new
/// patient if the user says so then. `None` when neither: nothing is to be saved. Codes stay
/// exact identities; this only makes a new patient beside a similar one deliberate (in a
/// study, "ad-017" beside "AD-017" silently split one patient's visits).
///
/// A new patient's code is stored without invisible characters ([`new_code`]); one that would
/// then be a patient's code (it differed from it only in them) is not added apart: `None`.
fn settle_code(t: &RecordsStrings, history: &History, code: &str) -> Option<String> {
    if history.patient(code).is_some() {
        return Some(code.to_string());
    }
    let similar = history.similar_patients(code);
    if similar.is_empty() {
        return Some(new_code(code));
    }
    if let Some(same) = similar.iter().find(|p| gloo::dialogs::confirm(&fill(t.visit_similar_code, &[&code, &p.code]))) {
        return Some(same.code.clone());
    }
    let new = new_code(code);
    let apart = history.patient(&new).is_none();
    (apart && gloo::dialogs::confirm(&fill(t.visit_new_patient_confirm, &[&code, &similar_list(history, code)]))).then_some(new)
}

/// The most characters a new patient code typed on the examination may have.
const CODE_MAX: usize = 40;

/// The code a new patient typed as `code` is stored under: without invisible characters
/// ([`history::without_invisible`]), which pasted text brings (a zero-width space, a soft
/// hyphen) and which would make a code look like another yet not be it.
fn new_code(code: &str) -> String {
    history::without_invisible(code).trim().to_string()
}

/// The codes similar to `code`, for a message ("AD-017, Ad-017").
fn similar_list(history: &History, code: &str) -> String {
    history.similar_patients(code).iter().map(|p| p.code.as_str()).collect::<Vec<_>>().join(", ")
}

/// The patient codes and the study labels in the stored history, for the examination's
/// save-visit suggestions (none when it cannot be read).
pub async fn suggestions() -> (Vec<String>, Vec<String>) {
    match read_history().await {
        Ok(history) => (history.patients.iter().map(|p| p.code.clone()).collect(), labels(&history)),
        Err(_) => (Vec::new(), Vec::new()),
    }
}

thread_local! {
    static MOUNTED: RefCell<Option<yew::AppHandle<Records>>> = const { RefCell::new(None) };
    static PATIENT: RefCell<Option<yew::AppHandle<PatientRoot>>> = const { RefCell::new(None) };
    /// The patient's flow's examination, handed back when it closes.
    static PATIENT_EXAM: RefCell<Option<FlowExam>> = const { RefCell::new(None) };
}

/// The patient's flow's examination: as it last changed, and as it was when its changes were
/// last written onto the stored draft (what the flow has changed since is not stored yet).
struct FlowExam {
    answered: ExamForm,
    written: ExamForm,
}

impl FlowExam {
    /// The stored examination (when there is a readable one) with the patient's changes not yet
    /// written ([`ExamForm::with_patient_changes`]): what the clinician changed meanwhile in
    /// another tab or window stays.
    fn onto_stored(&self) -> ExamForm {
        draft::stored().map_or_else(|| self.answered.clone(), |stored| stored.with_patient_changes(&self.written, &self.answered))
    }
}

/// Props of [`PatientRoot`].
#[derive(Properties, Clone, PartialEq)]
pub struct PatientRootProps {
    /// The examination handed over.
    pub exam: ExamForm,
    /// Return to the examination when done.
    pub from_exam: bool,
}

/// The root of the patient's flow in this module: the examination handed over; on every change
/// its patient part is written onto the stored draft (a reload keeps the answers; the clinician's
/// part stays as stored), and the result is handed back when the flow closes.
#[component]
pub fn PatientRoot(props: &PatientRootProps) -> Html {
    let lang = use_state(draft::load_lang);
    let exam = {
        let form = props.exam.clone();
        use_reducer(move || ExamState { form, saved: None })
    };
    // `_eq`: a save that succeeds again changes nothing, so nothing is drawn again.
    let save_failed = use_state_eq(|| false);
    {
        let save_failed = save_failed.clone();
        use_effect_with(exam.form.clone(), move |form| {
            // Only what the patient changes is this flow's: it goes onto the examination as
            // stored now, which keeps what the clinician changed meanwhile in another tab or
            // window.
            PATIENT_EXAM.with(|kept| {
                let mut kept = kept.borrow_mut();
                let written = kept.take().map_or_else(|| form.clone(), |k| k.written);
                let flow = FlowExam { answered: form.clone(), written };
                let saved = draft::save(&flow.onto_stored());
                save_failed.set(!saved);
                *kept = Some(if saved { FlowExam { written: form.clone(), ..flow } } else { flow });
            });
        });
    }
    let ondispatch = use_callback(exam.dispatcher(), |action, dispatcher| dispatcher.dispatch(action));
    let onlang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| {
            draft::show_lang(l, l);
            lang.set(l)
        })
    };
    // Back to the examination, which takes the examination back when this one is unmounted.
    let onfinish = Callback::from(|_| back_to_exam());
    let t = lang.records_strings();
    html! {
        <ContextProvider<Lang> context={*lang}>
            <div class="app app--patient">
                if *save_failed {
                    { alert(t.save_failed_patient) }
                }
                <PatientFlow patient={exam.form.patient.clone()} pruritus={exam.form.scorad.pruritus.clone()}
                    sleep_loss={exam.form.scorad.sleep_loss.clone()} from_exam={props.from_exam} {ondispatch}
                    dlqi_offered={exam.form.dlqi_not_for().is_none()}
                    {onlang} {onfinish} />
            </div>
        </ContextProvider<Lang>>
    }
}

/// Mounts the patient's flow over the examination `exam` (its JSON) in `root`.
pub fn mount_patient(root: web_sys::Element, exam: &str, from_exam: bool) -> Result<(), String> {
    let exam: ExamForm = draft::decode(exam)?;
    unmount();
    PATIENT_EXAM.with(|kept| *kept.borrow_mut() = Some(FlowExam { answered: exam.clone(), written: exam.clone() }));
    let handle = yew::Renderer::<PatientRoot>::with_root_and_props(root, PatientRootProps { exam, from_exam }).render();
    PATIENT.with(|m| *m.borrow_mut() = Some(handle));
    Ok(())
}

/// Mounts the history screens in `root` (replacing any mounted before).
pub fn mount(root: web_sys::Element) {
    unmount();
    let handle = yew::Renderer::<Records>::with_root(root).render();
    MOUNTED.with(|m| *m.borrow_mut() = Some(handle));
}

/// Unmounts the history screens or the patient's flow, if mounted; the patient's flow hands
/// the examination back (the [`HANDED_BACK`] window event).
pub fn unmount() {
    if let Some(handle) = MOUNTED.with(|m| m.borrow_mut().take()) {
        handle.destroy();
    }
    if let Some(handle) = PATIENT.with(|m| m.borrow_mut().take()) {
        handle.destroy();
        if let Some(flow) = PATIENT_EXAM.with(|kept| kept.borrow_mut().take()) {
            let detail = draft::encode(&flow.onto_stored());
            let init = web_sys::CustomEventInit::new();
            init.set_detail(&JsValue::from(detail));
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(HANDED_BACK, &init) {
                let _ = gloo::utils::window().dispatch_event(&event);
            }
        }
    }
}
