//! The root component: the clinician's examination (patient, body map, EASI, SCORAD) beside
//! its live score panel, or the patient's own flow; the draft is restored on load and saved on
//! every change, and the language is remembered on the device.

use crate::components::body_map::BodyMap;
use crate::components::{alert, alerts_above, Shared};
use crate::components::date_field::DateField;
use crate::components::easi_entry::EasiEntry;
use crate::components::language_picker::LanguagePicker;
use crate::components::number_field::NumberField;
use crate::components::save_visit::SaveVisit;
use crate::components::scorad_entry::ScoradEntry;
use crate::components::score_panel::ScorePanel;
use crate::draft::{self, Loaded};
use crate::records::{Hosted, RecordsHost, HANDED_BACK};
use gloo::events::EventListener;
use crate::form::{Field, Problem};
use crate::i18n::{fill, Lang};
use crate::scoring::{easi::Region, scorad::Segment};
use crate::state::{Action, ExamState};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Today's local date as YYYY-MM-DD.
#[inline(never)] // called in several places: one copy of the formatting code
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// Runs `then` once the browser has painted what was just rendered and has nothing more
/// pressing to do: after the next animation frame, in the first idle moment (at most 300 ms
/// later; `requestIdleCallback`, or a zero timeout where there is none). Work already queued
/// (the rest of a render Yew split into several tasks, a tap and the frame that shows it) comes
/// first.
pub fn after_next_paint(then: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let then = Closure::once_into_js(then);
    let after_frame = Closure::once_into_js(move || {
        let window = gloo::utils::window();
        let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        match idle {
            Some(idle) => {
                let options = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&options, &JsValue::from_str("timeout"), &JsValue::from_f64(300.0));
                let _ = idle.call2(&window, &then, &options);
            }
            None => {
                let _ = window.set_timeout_with_callback(then.unchecked_ref());
            }
        }
    });
    let _ = gloo::utils::window().request_animation_frame(after_frame.unchecked_ref());
}

/// The location hash while the patient holds the device (handed over by the clinician).
pub const HANDED: &str = "handed";
/// Where [`back_to_exam`] marks a deliberate return from the patient's flow (session storage:
/// read by the examination's module, written by either).
const LEAVING_KEY: &str = "adscore.leaving-flow";

/// Back to the examination: clears the location hash and tells [`use_screen`] even when the
/// hash was already empty. Leaving the patient's flow this way is deliberate, so it is marked.
pub fn back_to_exam() {
    let window = gloo::utils::window();
    if let Ok(Some(session)) = window.session_storage() {
        let _ = session.set_item(LEAVING_KEY, "1");
    }
    let _ = window.location().set_hash("");
    if let Ok(event) = web_sys::Event::new("hashchange") {
        let _ = window.dispatch_event(&event);
    }
}

/// Which screen is showing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The clinician's examination.
    Exam,
    /// The patient's flow; `from_exam` when the clinician handed the device over.
    Patient {
        /// Return to the examination when done.
        from_exam: bool,
    },
    /// Patients, cohort, export and import.
    History,
    /// One patient over time.
    PatientHistory(String),
    /// The printable worksheet of a visit.
    Print(String),
}

impl Screen {
    /// The screen for a location hash ("#history", "#patient/AD-017" …).
    pub fn from_hash(hash: &str) -> Screen {
        let hash = hash.trim_start_matches('#');
        let decoded = js_sys::decode_uri_component(hash).map(String::from).unwrap_or_else(|_| hash.to_string());
        match decoded.split_once('/') {
            Some(("patient", code)) => Screen::PatientHistory(code.to_string()),
            Some(("print", id)) => Screen::Print(id.to_string()),
            _ if decoded == "patient" => Screen::Patient { from_exam: false },
            _ if decoded == HANDED => Screen::Patient { from_exam: true },
            _ if decoded == "history" => Screen::History,
            _ => Screen::Exam,
        }
    }
}

/// A link to a screen of one patient or visit (`kind` "patient" or "print"), the code or id
/// percent-encoded so that [`Screen::from_hash`] reads it back as it was ("AD%20X", "7?#").
pub fn screen_href(kind: &str, key: &str) -> String {
    format!("#{kind}/{}", String::from(js_sys::encode_uri_component(key)))
}

/// The screen the location hash names, following every change of the hash. A new screen
/// starts at the top; a hash that names a place on the same screen (the examination's "EASI",
/// "SCORAD" links, `#map-examined`) is left to the browser, which scrolls to it.
#[hook]
pub fn use_screen() -> UseStateHandle<Screen> {
    let hash = || gloo::utils::window().location().hash().unwrap_or_default();
    let screen = use_state(|| Screen::from_hash(&hash()));
    {
        let screen = screen.clone();
        use_effect_with((), move |_| {
            let last = RefCell::new(hash());
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                let now = hash();
                let before = last.replace(now.clone());
                let window = gloo::utils::window();
                let session = window.session_storage().ok().flatten();
                let deliberate = session.as_ref().is_some_and(|s| s.get_item(LEAVING_KEY).ok().flatten().is_some());
                if let Some(session) = session {
                    let _ = session.remove_item(LEAVING_KEY);
                }
                if before.trim_start_matches('#') == HANDED && now.trim_start_matches('#') != HANDED && !deliberate {
                    // The browser's Back (or a typed address) while the patient holds the device:
                    // the flow stays, and nothing of the clinician's screens is shown. The
                    // clinician takes the device back with the flow's own last button.
                    last.replace(format!("#{HANDED}"));
                    let _ = window.location().set_hash(HANDED);
                    return;
                }
                let next = Screen::from_hash(&now);
                if next != Screen::from_hash(&before) {
                    window.scroll_to_with_x_and_y(0.0, 0.0);
                }
                screen.set(next);
            });
            move || drop(listener)
        });
    }
    screen
}

/// On a portrait tablet or a phone the score panel is a sheet fixed to the bottom of the screen,
/// and the patient's Back / Next bar stays at the foot of theirs (two or three rows at large
/// text). Keyboard focus moved under either (the browser sees the element as on screen) is
/// scrolled up above it, at once, so that what has focus is always seen. Only keyboard focus
/// (what the browser shows a focus ring for, `:focus-visible`): a finger pressing a grade half
/// under the sheet focuses it too, and scrolling then would move the grade from under the
/// finger, so that the tap's release lands beside it and selects nothing.
#[hook]
fn use_focus_above_sheet() {
    use_effect_with((), |_| {
        let document = gloo::utils::document();
        let listener = EventListener::new(&document, "focusin", |event| {
            let Some(element) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            let Some(sheet) = cover_at_foot() else { return };
            let by_keyboard = element.matches(":focus-visible").unwrap_or(true);
            if !by_keyboard || sheet.contains(Some(&element)) {
                return;
            }
            let shown = element.closest("label").ok().flatten().unwrap_or(element).get_bounding_client_rect();
            scroll_up_to_show(&shown, sheet.get_bounding_client_rect().top());
        });
        move || drop(listener)
    });
}

/// What covers the foot of the screen: the score sheet where it is fixed there (beside the
/// entries on a wide screen it covers nothing), else the flow's bar where it stays on screen
/// (not on the last step); `None` when neither does.
fn cover_at_foot() -> Option<web_sys::Element> {
    let document = gloo::utils::document();
    let window = gloo::utils::window();
    let placed = |selector: &str, position: &str| {
        document.query_selector(selector).ok().flatten().filter(|cover| {
            window.get_computed_style(cover).ok().flatten().and_then(|s| s.get_property_value("position").ok()).as_deref() == Some(position)
        })
    };
    placed(".panel", "fixed").or_else(|| placed(".flow__nav", "sticky"))
}

/// Scrolls the page up, at once, so that `shown` (a box on screen) ends 8 px above `limit` (a
/// height on screen), never past its own top; nothing when it already does.
fn scroll_up_to_show(shown: &web_sys::DomRect, limit: f64) {
    let overlap = shown.bottom() - limit + 8.0;
    if overlap > 0.0 {
        let window = gloo::utils::window();
        let by = overlap.min(shown.top() - 8.0).max(0.0);
        let options = web_sys::ScrollToOptions::new();
        options.set_top(window.scroll_y().unwrap_or(0.0) + by);
        options.set_behavior(web_sys::ScrollBehavior::Instant);
        window.scroll_to_with_scroll_to_options(&options);
    }
}

/// Brings `element` (a message that has just appeared) into sight when it is below the screen's
/// foot or under the score sheet there; the focus stays where it is.
pub fn reveal(element: &web_sys::Element) {
    let foot = cover_at_foot().map_or_else(|| gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0), |cover| cover.get_bounding_client_rect().top());
    scroll_up_to_show(&element.get_bounding_client_rect(), foot);
}

/// The app.
#[component]
pub fn App() -> Html {
    // The language chosen; the one shown is English while Korean's strings cannot be read.
    let lang = use_state(draft::load_lang);
    // Changes the language once its strings are here (Korean's are a file of their own); if they
    // cannot be read, the choice stays and English is shown (`Lang::shown`). The same callback on
    // every render, so the language switch is not drawn again on each tap.
    let set_lang = use_callback(lang.clone(), |chosen: Lang, lang| {
        let lang = lang.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = crate::i18n::ready(chosen).await;
            lang.set(chosen);
        });
    });
    let screen = use_screen();
    {
        // Back from the history screens, whose own switch may have changed the language.
        let (lang, set_lang) = (lang.clone(), set_lang.clone());
        use_effect_with((*screen).clone(), move |_| {
            let remembered = draft::load_lang();
            if remembered != *lang {
                set_lang.emit(remembered);
            }
        });
    }
    {
        // Back from the flow handed over on this device: the focus goes to "Hand to patient",
        // where the clinician left off (it was on the page's body, which a keyboard or screen
        // reader then starts from).
        let was = use_mut_ref(|| (*screen).clone());
        use_effect_with((*screen).clone(), move |now| {
            let before = was.replace(now.clone());
            if *now == Screen::Exam && before == (Screen::Patient { from_exam: true }) {
                if let Some(button) = gloo::utils::document().get_element_by_id("hand-to-patient") {
                    let _ = button.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
            // Back from the history screens: to the "History" link, where the clinician left.
            if *now == Screen::Exam && matches!(before, Screen::History | Screen::PatientHistory(_) | Screen::Print(_)) {
                if let Some(link) = gloo::utils::document().get_element_by_id("open-history") {
                    crate::components::focus_if_lost(&link);
                }
            }
        });
    }
    use_focus_above_sheet();
    let unreadable = use_state(|| None::<String>);
    // An unreadable draft the browser had no room to copy aside: still under the draft's key,
    // so nothing is saved there (no examination is shown) until it is downloaded or deleted.
    let held = use_state(|| None::<Rc<str>>);
    let exam = {
        let (unreadable, held) = (unreadable.clone(), held.clone());
        use_reducer(move || {
            // A new examination is dated today (shown, and editable). A restored one keeps its
            // date as it was, even empty: a date being corrected reads as empty until it is
            // whole again, and must not turn into today's.
            let new = |exam: ExamState| ExamState { form: crate::form::ExamForm { exam_date: today(), ..exam.form }, ..exam };
            match draft::load() {
                // Blank and dated by the app an earlier day: today's (Action::RedateBlank).
                Loaded::Draft(form) => ExamState { form, saved: None }.apply(Action::RedateBlank { today: today(), blank_day: draft::blank_day() }),
                Loaded::Empty => new(ExamState::default()),
                Loaded::Unreadable(key) => {
                    unreadable.set(Some(key));
                    new(ExamState::default())
                }
                Loaded::UnreadableHeld(text) => {
                    held.set(Some(text.into()));
                    new(ExamState::default())
                }
            }
        })
    };
    // The examination as last taken from another tab's write of the draft (a storage event):
    // stored already, so it is not written again (see the save below).
    let from_other_tab = use_mut_ref(|| None::<crate::form::ExamForm>);
    {
        // The examination (its draft's JSON) and the language as they now are elsewhere: handed
        // back by the patient's flow, answers included, or saved by adscore in another tab or
        // window, so that two open copies show the same examination instead of each saving
        // over the other's entries unseen.
        let (dispatcher, set_lang, from_other_tab) = (exam.dispatcher(), set_lang.clone(), from_other_tab.clone());
        use_effect_with((), move |_| {
            let redating = dispatcher.clone();
            let decoded = |json: Option<String>| json.and_then(|json| draft::decode(&json).ok());
            let restore_form = {
                let dispatcher = dispatcher.clone();
                move |form: crate::form::ExamForm| dispatcher.dispatch(Action::Restore(Box::new(form)))
            };
            let restore = {
                let restore_form = restore_form.clone();
                Rc::new(move |json: Option<String>| {
                    if let Some(form) = decoded(json) {
                        restore_form(form);
                    }
                })
            };
            let reread_lang = move || set_lang.emit(draft::load_lang());
            let window = gloo::utils::window();
            let handed_back = {
                let (restore, reread_lang) = (restore.clone(), reread_lang.clone());
                EventListener::new(&window, HANDED_BACK, move |event| {
                    restore(event.dyn_ref::<web_sys::CustomEvent>().and_then(|e| e.detail().as_string()));
                    reread_lang();
                })
            };
            // Fired in the other tabs only, and only when a value really changes.
            let other_tab = EventListener::new(&window, "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else { return };
                match event.key().as_deref() {
                    Some(draft::DRAFT_KEY) => {
                        if let Some(form) = decoded(event.new_value()) {
                            *from_other_tab.borrow_mut() = Some(form.clone());
                            restore_form(form);
                        }
                    }
                    Some(draft::LANG_KEY) => reread_lang(),
                    _ => {}
                }
            });
            // A tablet woken, or this tab shown again, on a later day: a blank examination takes
            // that day's date (one with entries keeps its own). Not while the patient's flow
            // holds the examination: this copy is the one handed over, blank until it is handed
            // back, and redated it would be saved over the answers given meanwhile.
            let redate = move |_: &web_sys::Event| {
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                if !gloo::utils::document().hidden() && !matches!(Screen::from_hash(&hash), Screen::Patient { .. }) {
                    redating.dispatch(Action::RedateBlank { today: today(), blank_day: draft::blank_day() });
                }
            };
            let shown_again = [
                EventListener::new(&gloo::utils::document(), "visibilitychange", redate.clone()),
                EventListener::new(&window, "focus", redate),
            ];
            move || drop((handed_back, other_tab, shown_again))
        });
    }
    // `_eq`: each change is saved, and a save that succeeds again must not draw the whole
    // examination a second time.
    let save_failed = use_state_eq(|| false);
    {
        let save_failed = save_failed.clone();
        use_effect_with((exam.form.clone(), held.is_some()), move |(form, held)| {
            // Not the examination just taken from another tab: written back, that tab's older
            // copy could land after its next change and undo it (the two tabs then each take the
            // other's older copy: a code typed in one became the other's, unseen).
            if from_other_tab.borrow_mut().take().as_ref() == Some(form) {
                return;
            }
            if !held {
                save_failed.set(!draft::save(form));
            }
        });
    }
    let shown = lang.shown();
    let lang_unavailable = shown != *lang;
    use_effect_with((*lang, shown), |&(lang, shown)| draft::show_lang(lang, shown));
    // Stable across renders, so children whose data did not change are not re-rendered.
    let ondispatch = use_callback(exam.dispatcher(), |action, dispatcher| dispatcher.dispatch(action));
    let onlang = set_lang;
    // Made once, so that a tap does not draw the examination's top again.
    // The hand-over is a place of its own in the tab's history (`#handed`): a reload stays in
    // the patient's flow, and Back does not leave it (`use_screen`).
    let onhand = use_callback(screen.clone(), |_: MouseEvent, screen| {
        let window = gloo::utils::window();
        window.scroll_to_with_x_and_y(0.0, 0.0);
        crate::components::patient_flow::forget_step();
        let _ = window.location().set_hash(HANDED);
        screen.set(Screen::Patient { from_exam: true })
    });
    let t = shown.strings();
    // The patient's flow saves the draft itself and says so itself, in words for the patient.
    let in_flow = matches!(*screen, Screen::Patient { .. });
    let alerts: Vec<Html> = [
        (*unreadable).clone().map(|key| alert(fill(t.draft_unreadable, &[&key]))),
        (*save_failed && !in_flow).then(|| alert(t.save_failed)),
        lang_unavailable.then(|| alert(t.lang_unavailable)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(text) = (*held).clone() {
        return html! { <ContextProvider<Lang> context={shown}>{ held_view(t, text, held.clone(), onlang) }</ContextProvider<Lang>> };
    }
    let body = match (*screen).clone() {
        // The patient's flow is in the second module too: it takes the examination over and
        // hands it back (`crate::records::PatientRoot`).
        Screen::Patient { from_exam } => {
            let exam = draft::encode(&exam.form);
            html! { <>{ alerts_above("app app--patient", &alerts) }<RecordsHost hosted={Hosted::Patient { exam, from_exam }} /></> }
        }
        Screen::Exam => {
            html! { <ExamView exam={exam.form.clone()} unsaved={exam.unsaved()} {ondispatch} {onlang} {onhand} {alerts} /> }
        }
        // The history screens are a second module, loaded the first time one is opened.
        Screen::History | Screen::PatientHistory(_) | Screen::Print(_) => html! { <RecordsHost hosted={Hosted::History} /> },
    };
    html! { <ContextProvider<Lang> context={shown}>{ body }</ContextProvider<Lang>> }
}

/// In place of the examination while an unreadable draft is held under the draft's key
/// (`Loaded::UnreadableHeld`): say so, offer its text as a download, and delete it only when
/// asked and confirmed; then a new examination starts and is saved.
fn held_view(t: &'static crate::i18n::Strings, text: Rc<str>, held: UseStateHandle<Option<Rc<str>>>, onlang: Callback<Lang>) -> Html {
    let ondownload = Callback::from(move |_: MouseEvent| {
        crate::store::download("adscore-examination-unreadable.json", "application/json", &text)
    });
    let ondelete = Callback::from(move |_: MouseEvent| {
        if gloo::dialogs::confirm(t.draft_held_confirm) && draft::delete_unreadable() {
            held.set(None);
        }
    });
    html! {
        <div class="app">
            <header class="top">
                <h1>{ t.app_name }</h1>
                <LanguagePicker {onlang} />
            </header>
            <main class="card held">
                { alert(t.draft_held) }
                <p class="held__actions">
                    <button type="button" class="button" id="held-download" onclick={ondownload}>{ t.draft_held_download }</button>
                    <button type="button" class="button button--quiet" id="held-delete" onclick={ondelete}>{ t.draft_held_delete }</button>
                </p>
            </main>
        </div>
    }
}

/// Props of [`ExamView`].
#[derive(Properties, Clone, PartialEq)]
pub struct ExamViewProps {
    /// The examination.
    pub exam: crate::form::ExamForm,
    /// Whether a new examination would lose entries not saved as a visit (asked first).
    pub unsaved: bool,
    /// Sends changes.
    pub ondispatch: Callback<Action>,
    /// Changes the language.
    pub onlang: Callback<Lang>,
    /// Hands the device to the patient.
    pub onhand: Callback<MouseEvent>,
    /// Alerts to show at the top.
    pub alerts: Vec<Html>,
}

/// The clinician's screen.
#[component]
pub fn ExamView(props: &ExamViewProps) -> Html {
    let t = crate::components::use_strings();
    // The tab's title (index.html's, in the language shown): "adscore — Atopic dermatitis
    // severity — EASI and SCORAD"; the history screens name theirs after their heading.
    use_effect_with(t.tagline, |tagline| {
        let title = format!("adscore — {}", tagline.split(['.', '。']).next().unwrap_or(tagline).trim());
        gloo::utils::document().set_title(&title);
    });
    let form = &props.exam;
    let ondispatch = props.ondispatch.clone();
    // The same callbacks on every render, so the fields are drawn again only when their own
    // value changes, not on every tap of the examination.
    let edits = use_memo(ondispatch.clone(), |d| (d.reform(Action::SetAge), d.reform(Action::SetDob), d.reform(Action::SetExamDate)));
    let (onage, ondob, onexamdate) = (edits.0.clone(), edits.1.clone(), edits.2.clone());
    let onnew = {
        let (ondispatch, unsaved) = (ondispatch.clone(), props.unsaved);
        Callback::from(move |_: MouseEvent| {
            // Asked only when something would be lost: not on a blank examination, nor on one
            // just saved as a visit and not changed since.
            if !unsaved || gloo::dialogs::confirm(t.confirm_new_exam) {
                // A new examination is dated today (shown, and editable).
                ondispatch.emit(Action::Reset);
                ondispatch.emit(Action::SetExamDate(today()));
            }
        })
    };
    let age_error = match form.age() {
        Some(Err(why)) => Some(t.reason(&why)),
        _ => None,
    };
    // A typed age's error goes under its field; an age from the dates, under both dates.
    let (typed_error, dates_error) = if form.age_from_dob() { (None, age_error) } else { (age_error, None) };
    let exam_date_future = form.exam_date_after(&today());
    // First paint: the patient card and the body map. The entry sections (EASI, SCORAD,
    // saving) and the score panel beside them follow when the browser is first idle after that
    // paint, so that on a slow tablet the map is on screen and answers taps sooner (`make
    // bench`, docs/performance.md). Nothing above the map moves when they arrive.
    let entries_shown = use_state(|| false);
    {
        let entries_shown = entries_shown.clone();
        use_effect_with((), move |_| after_next_paint(move || entries_shown.set(true)));
    }
    // The examination as it is now, for "Save visit" to read when asked.
    let current = use_memo((), |_| Shared::new(RefCell::new(crate::form::ExamForm::default())));
    *current.borrow_mut() = form.clone();
    let scorad_problems: Vec<Problem> =
        [form.scorad_record().err().unwrap_or_default(), form.subjective().err().unwrap_or_default()]
            .concat()
            .into_iter()
            .filter(|p| p.field() != Field::Age)
            .collect();

    html! {
        <div class="app">
            <header class="top">
                <div>
                    <h1>{ t.app_name }</h1>
                    <p class="tagline">{ t.tagline }</p>
                </div>
                <nav aria-label={t.nav_label} class="top__nav">
                    <a href="#map" class="button button--quiet">{ t.map_title }</a>
                    <a href="#easi" class="button button--quiet">{ t.easi }</a>
                    <a href="#scorad" class="button button--quiet">{ t.scorad }</a>
                    <button type="button" class="button" id="hand-to-patient" onclick={props.onhand.clone()}>{ t.hand_to_patient }</button>
                    <a href="#history" class="button button--quiet" id="open-history">{ t.history_title }</a>
                    <button type="button" class="button button--quiet" onclick={onnew}>{ t.new_exam }</button>
                    <LanguagePicker onlang={props.onlang.clone()} />
                </nav>
            </header>
            { for props.alerts.iter().cloned() }
            <main class="layout">
                <div class="entries">
                    <section class="card" aria-labelledby="patient-title">
                        <h2 id="patient-title">{ t.patient_title }</h2>
                        <p class="intro">{ t.age_hint }</p>
                        <div class="age-grid">
                            <DateField id="exam-date" label={t.exam_date_label} value={form.exam_date.clone()} onedit={onexamdate}
                                error={exam_date_future.then_some(AttrValue::from("exam-date-error"))} />
                            <DateField id="dob" label={t.dob_label} value={form.dob.clone()} onedit={ondob}
                                error={dates_error.as_ref().map(|_| AttrValue::from("age-error"))} />
                            if form.age_from_dob() {
                                if let Some(Ok(age)) = form.age() {
                                    <p class="field" data-testid="age-from-dob">{ fill(t.age_from_dates, &[&age.get()]) }</p>
                                }
                            } else {
                                // A typed age's error under the field, which is marked invalid.
                                <NumberField id="age" label={t.age_label} value={form.age.clone()} onedit={onage} error={typed_error} />
                            }
                        </div>
                        if exam_date_future {
                            <p class="field__error" id="exam-date-error" role="alert">{ t.exam_date_future }</p>
                        }
                        // An age from the dates: under both, the date of birth marked invalid.
                        if let Some(error) = dates_error {
                            <p class="field__error" id="age-error" role="alert">{ error }</p>
                        }
                    </section>
                    <BodyMap painting={form.map} age={form.map_age()} examined={form.map_examined}
                        ondispatch={ondispatch.clone()} />
                    if *entries_shown {
                        <EasiEntry regions={form.easi} ondispatch={ondispatch.clone()}
                            map_areas={Region::ALL.map(|r| form.map_area(r).map(|(a, t)| (a.get(), t)))}
                            map_painted={Region::ALL.map(|r| form.map.painted_in(r))} />
                        <ScoradEntry form={form.scorad.clone()} problems={scorad_problems}
                            map_extent={Segment::ALL.map(|s| form.map_extent(s))} ondispatch={ondispatch.clone()} />
                        <SaveVisit ready={form.assessments().iter().map(|a| t.assessment(a))
                            .chain(form.patient.status.map(|_| t.disease_status)).chain(form.patient.effect.map(|_| t.treatment_effect)).collect::<Vec<_>>()} exam={(*current).clone()} unsaved={props.unsaved}
                            patient={form.visit_patient.clone()} label={form.visit_label.clone()} ondispatch={ondispatch.clone()} blank={form.is_blank()} />
                        <footer class="footer muted">{ t.footer }</footer>
                    }
                </div>
                if *entries_shown {
                    <ScorePanel form={form.clone()} ondispatch={ondispatch.clone()} />
                }
            </main>
        </div>
    }
}
