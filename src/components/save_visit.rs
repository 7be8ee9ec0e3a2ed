//! "Save visit": files the examination (and the patient's answers) under a pseudonymous
//! patient code and an optional study label. The history itself is read and written by the
//! history screens' module (`crate::records`), loaded when the card is first used.

use crate::components::{use_strings, Shared};
use crate::form::ExamForm;
use crate::i18n::fill;
use crate::records::{save_through_records, suggestions_through_records};
use crate::state::Action;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`SaveVisit`].
#[derive(Properties, Clone, PartialEq)]
pub struct SaveVisitProps {
    /// The names of the scores and answers the examination holds now (what a save would file).
    pub ready: Vec<&'static str>,
    /// The examination as it is now, read when the visit is saved (compared by identity, so a
    /// tap elsewhere in the examination does not draw this card again).
    pub exam: Shared<RefCell<ExamForm>>,
    /// The patient code as typed (kept in the examination's draft).
    pub patient: AttrValue,
    /// The study label as typed (kept in the examination's draft).
    pub label: AttrValue,
    /// Whether the examination holds something not in the visit last saved from it
    /// ([`crate::state::ExamState::unsaved`]): a "saved" message then says it changed since.
    pub unsaved: bool,
    /// Sends the typed code and label to the examination.
    pub ondispatch: Callback<Action>,
    /// Whether the examination is blank ([`ExamForm::is_blank`]): a new one, whose card says
    /// nothing of the visit saved before it.
    pub blank: bool,
}

/// The patient codes and study labels in use, offered while typing.
#[derive(Clone, PartialEq)]
struct Suggestions {
    codes: Shared<Vec<String>>,
    labels: Shared<Vec<String>>,
}

/// The save-visit card.
#[component]
pub fn SaveVisit(props: &SaveVisitProps) -> Html {
    let t = use_strings();
    // The last save's message: saved (what was said, and the code the visit is filed under), or why not.
    let result = use_state(|| None::<Result<(String, String), String>>);
    {
        // "New examination": the last save's message ("Saved the visit of AD-017 …", or that it
        // changed since) was about the examination before.
        let result = result.clone();
        use_effect_with(props.blank, move |&blank| {
            if blank {
                result.set(None);
            }
        });
    }
    let saving = use_state(|| false);
    // Asked for when the card comes near the screen or a field is first focused (that loads the
    // history module), and after a save.
    let suggestions = use_state(|| None::<Suggestions>);
    let refresh = {
        let suggestions = suggestions.clone();
        move || {
            let suggestions = suggestions.clone();
            yew::platform::spawn_local(async move {
                if let Ok((codes, labels)) = suggestions_through_records().await {
                    suggestions.set(Some(Suggestions { codes: Shared::new(codes), labels: Shared::new(labels) }));
                }
            });
        }
    };
    let onfocus = {
        let (suggestions, refresh) = (suggestions.clone(), refresh.clone());
        Callback::from(move |_: FocusEvent| {
            if suggestions.is_none() {
                refresh();
            }
        })
    };
    // Asked for at focus only, the list was empty under the first tap (the browser shows it at
    // once and not again when it fills): asked for as the card scrolls near, a screen ahead.
    let card = use_node_ref();
    {
        let (card, refresh) = (card.clone(), refresh.clone());
        use_effect_with((), move |_| {
            let observer = card.cast::<web_sys::Element>().and_then(|element| {
                let seen = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
                    move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                        let near = entries.iter().any(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting());
                        if near {
                            observer.disconnect();
                            refresh();
                        }
                    },
                );
                let options = web_sys::IntersectionObserverInit::new();
                options.set_root_margin("100% 0px");
                let observer = web_sys::IntersectionObserver::new_with_options(seen.as_ref().unchecked_ref(), &options).ok()?;
                observer.observe(&element);
                Some((observer, seen))
            });
            move || {
                if let Some((observer, _seen)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    // "Save visit" was asked for with no patient code: the field is marked and focused until a
    // code is typed.
    let code_wanted = use_state_eq(|| false);
    let code_missing = *code_wanted && props.patient.trim().is_empty();
    let code_field = use_node_ref();
    let onsubmit = {
        let (code, label, result, saving, exam) = (props.patient.clone(), props.label.clone(), result.clone(), saving.clone(), props.exam.clone());
        let (code_wanted, code_field, ondispatch) = (code_wanted.clone(), code_field.clone(), props.ondispatch.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *saving {
                return;
            }
            // The examination as saved (it may change while the save is under way), and its JSON.
            let current = exam.clone();
            let (as_saved, encoded, unfinished) = {
                let exam = exam.borrow();
                let encoded = exam.saves_anything().then(|| crate::draft::encode(&exam));
                (exam.clone(), encoded, exam.unfinished().join(", "))
            };
            let Some(exam) = encoded else {
                // Nothing complete: no question to ask, only what to complete (or that nothing is),
                // before a patient code is asked for (which would not make it savable).
                let why = if unfinished.is_empty() { t.visit_nothing.to_string() } else { fill(t.visit_unfinished, &[&unfinished]) };
                code_wanted.set(false);
                result.set(Some(Err(why)));
                return;
            };
            code_wanted.set(code.trim().is_empty());
            if code.trim().is_empty() {
                result.set(Some(Err(t.visit_need_code.to_string())));
                if let Some(field) = code_field.cast::<HtmlInputElement>() {
                    let _ = field.focus();
                }
                return;
            }
            // A score begun but not complete would be left out: said, and saved without it only
            // if the clinician says so.
            if !unfinished.is_empty() && !gloo::dialogs::confirm(&fill(t.visit_unfinished_confirm, &[&unfinished])) {
                result.set(Some(Err(fill(t.visit_unfinished, &[&unfinished]))));
                return;
            }
            saving.set(true);
            let (code, label, result, saving, refresh, ondispatch, mut as_saved) =
                (code.to_string(), label.to_string(), result.clone(), saving.clone(), refresh.clone(), ondispatch.clone(), as_saved);
            yew::platform::spawn_local(async move {
                let saved = save_through_records(t, exam, code, label).await;
                if let Ok((_, filed_under)) = &saved {
                    refresh();
                    // The code field shows the code the visit is filed under (the stored
                    // patient's when the user said "ad-017" is AD-017), so that saving again
                    // asks nothing; unless something else was typed there meanwhile.
                    if *filed_under != as_saved.visit_patient && current.borrow().visit_patient == as_saved.visit_patient {
                        as_saved.visit_patient = filed_under.clone();
                        ondispatch.emit(Action::SetVisitPatient(filed_under.clone()));
                    }
                    ondispatch.emit(Action::Saved(std::rc::Rc::new(as_saved)));
                }
                result.set(Some(saved));
                saving.set(false);
            });
        })
    };
    let edit = |action: fn(String) -> Action| {
        props.ondispatch.reform(move |e: InputEvent| action(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let list = |id: &'static str, pick: fn(&Suggestions) -> &Shared<Vec<String>>| match &*suggestions {
        Some(loaded) => html! { <Datalist {id} items={pick(loaded).clone()} /> },
        None => html! { <datalist {id}></datalist> },
    };
    // A message just shown is brought into sight (a save from a button at the screen's foot put
    // it below the screen, and nothing in view said the visit was saved).
    let message = use_node_ref();
    {
        let message = message.clone();
        use_effect_with((*result).clone(), move |shown| {
            if let (Some(_), Some(element)) = (shown, message.cast::<web_sys::Element>()) {
                crate::app::reveal(&element);
            }
        });
    }
    html! {
        <section class="card" id="save" aria-labelledby="save-title" ref={card}>
            <h2 id="save-title">{ t.save_visit_title }</h2>
            <p class="intro">{ t.save_visit_intro }</p>
            <p data-testid="save-ready">
                { if props.ready.is_empty() { t.save_ready_none.to_string() } else { fill(t.save_ready, &[&props.ready.join(", ")]) } }
            </p>
            <form class="save-grid" {onsubmit}>
                <div class={classes!("field", code_missing.then_some("field--invalid"))}>
                    <label for="visit-patient">{ t.patient_code }</label>
                    <input id="visit-patient" list="patient-codes" autocomplete="off" value={props.patient.clone()} ref={code_field}
                        oninput={edit(Action::SetVisitPatient)} onfocus={onfocus.clone()}
                        aria-invalid={code_missing.then_some("true")} aria-describedby={code_missing.then_some("visit-result")} />
                    { list("patient-codes", |s| &s.codes) }
                </div>
                <div class="field">
                    <label for="visit-label">{ t.visit_label }</label>
                    <input id="visit-label" list="visit-labels" autocomplete="off" value={props.label.clone()}
                        oninput={edit(Action::SetVisitLabel)} {onfocus} />
                    { list("visit-labels", |s| &s.labels) }
                </div>
                <button type="submit" class="button" id="save-visit" aria-disabled={(*saving).then_some("true")}>{ t.save_visit }</button>
            </form>
            { match &*result {
                // Saved, then changed: the message must not tell the clinician it is all saved.
                Some(Ok(_)) if props.unsaved && !*saving => html! { <p class="field__error" role="status" id="visit-result" ref={message.clone()}>{ t.visit_changed }</p> },
                // On to the patient's visits, where this one's worksheet is (and the history from there).
                Some(Ok((text, code))) => html! {
                    <p class="ok" role="status" ref={message.clone()}>{ text }{ " " }
                        <a href={crate::app::screen_href("patient", code)} data-testid="open-saved">{ t.open_patient_visits }</a>
                    </p>
                },
                Some(Err(text)) => html! { <p class="field__error" role="alert" id="visit-result" ref={message.clone()}>{ text }</p> },
                None => html! {},
            } }
        </section>
    }
}

/// Props of [`Datalist`].
#[derive(Properties, Clone, PartialEq)]
pub struct DatalistProps {
    /// The element id the input's `list` names.
    pub id: &'static str,
    /// The values offered.
    pub items: Shared<Vec<String>>,
}

/// Values offered while typing; drawn again only when they change, not on every tap of the
/// examination (a study can hold 500 patient codes).
#[component]
pub fn Datalist(props: &DatalistProps) -> Html {
    html! {
        <datalist id={props.id}>
            { for props.items.iter().map(|item| html! { <option value={item.clone()} /> }) }
        </datalist>
    }
}
