//! "Save visit": files the examination (and the patient's answers) under a pseudonymous
//! patient code and an optional study label.

use crate::components::{use_strings, Shared};
use crate::form::ExamForm;
use crate::history::{labels, History, Patient};
use crate::i18n::fill;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`SaveVisit`].
#[derive(Properties, Clone, PartialEq)]
pub struct SaveVisitProps {
    /// The examination.
    pub exam: ExamForm,
    /// The stored history (`None` while it loads or when it is unavailable).
    pub history: Option<Shared<History>>,
    /// Called with the history including the new visit.
    pub onsave: Callback<History>,
}

/// The save-visit card.
#[component]
pub fn SaveVisit(props: &SaveVisitProps) -> Html {
    let t = use_strings();
    let code = use_state(String::new);
    let label = use_state(String::new);
    let result = use_state(|| None::<Result<String, String>>);
    let Some(history) = props.history.clone() else {
        return html! {};
    };
    let assessments = props.exam.assessments().len();
    let onsubmit = {
        let (code, label, result, exam, onsave) = (code.clone(), label.clone(), result.clone(), props.exam.clone(), props.onsave.clone());
        let history = history.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let patient = code.trim().to_string();
            if patient.is_empty() {
                result.set(Some(Err(t.visit_need_code.to_string())));
                return;
            }
            if exam.assessments().is_empty() {
                result.set(Some(Err(t.visit_nothing.to_string())));
                return;
            }
            let mut next = History::clone(&history);
            if next.patient(&patient).is_none() {
                let dob = (!exam.dob.trim().is_empty()).then(|| exam.dob.trim().to_string());
                next.upsert_patient(Patient { code: patient.clone(), dob, note: String::new() });
            }
            let id = next.next_visit_id(&patient, exam.exam_date.trim());
            match next.add_visit(exam.to_visit(id, &patient, &label)) {
                Ok(()) => {
                    result.set(Some(Ok(fill(t.visit_saved, &[&patient, &t.date(&exam.exam_date)]))));
                    onsave.emit(next);
                }
                Err(why) => result.set(Some(Err(why))),
            }
        })
    };
    let edit = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    html! {
        <section class="card" id="save" aria-labelledby="save-title">
            <h2 id="save-title">{ t.save_visit_title }</h2>
            <p class="intro">{ fill(t.save_visit_intro, &[&assessments]) }</p>
            <form class="save-grid" {onsubmit}>
                <div class="field">
                    <label for="visit-patient">{ t.patient_code }</label>
                    <input id="visit-patient" list="patient-codes" autocomplete="off" value={(*code).clone()} oninput={edit(&code)} />
                    <PatientCodes history={history.clone()} />
                </div>
                <div class="field">
                    <label for="visit-label">{ t.visit_label }</label>
                    <input id="visit-label" list="visit-labels" autocomplete="off" value={(*label).clone()} oninput={edit(&label)} />
                    <VisitLabels {history} />
                </div>
                <button type="submit" class="button" id="save-visit">{ t.save_visit }</button>
            </form>
            { match &*result {
                Some(Ok(message)) => html! { <p class="ok" role="status">{ message }{ " " }<a href="#history">{ t.open_history }</a></p> },
                Some(Err(message)) => html! { <p class="field__error" role="alert">{ message }</p> },
                None => html! {},
            } }
        </section>
    }
}

/// Props of [`PatientCodes`] and [`VisitLabels`].
#[derive(Properties, Clone, PartialEq)]
pub struct HistoryListProps {
    /// The stored history.
    pub history: Shared<History>,
}

/// The patient codes on the device, offered while typing a code. Drawn again only when the
/// history changes, not on every tap of the examination (a study can hold 10,000 visits).
#[component]
pub fn PatientCodes(props: &HistoryListProps) -> Html {
    html! {
        <datalist id="patient-codes">
            { for props.history.patients.iter().map(|p| html! { <option value={p.code.clone()} /> }) }
        </datalist>
    }
}

/// The study labels in use, offered while typing a label; drawn again only when the history
/// changes.
#[component]
pub fn VisitLabels(props: &HistoryListProps) -> Html {
    html! {
        <datalist id="visit-labels">
            { for labels(&props.history).into_iter().map(|l| html! { <option value={l} /> }) }
        </datalist>
    }
}
