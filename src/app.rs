//! The root component: the examination (age, EASI, SCORAD) beside its live score panel,
//! with the draft restored on load and saved on every change.

use crate::components::body_map::BodyMap;
use crate::components::date_field::DateField;
use crate::components::easi_entry::EasiEntry;
use crate::components::number_field::NumberField;
use crate::components::scorad_entry::ScoradEntry;
use crate::components::score_panel::ScorePanel;
use crate::draft::{self, Loaded};
use crate::form::{Field, Problem};
use crate::scoring::{easi::Region, scorad::Segment};
use crate::state::{Action, ExamState};
use crate::text;
use yew::prelude::*;

/// Today's local date as YYYY-MM-DD.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// The app.
#[component]
pub fn App() -> Html {
    let notice = use_state(|| None::<String>);
    let exam = {
        let notice = notice.clone();
        use_reducer(move || match draft::load() {
            Loaded::Draft(form) => ExamState { form },
            Loaded::Empty => ExamState::default(),
            Loaded::Unreadable(key) => {
                notice.set(Some(text::draft_unreadable(&key)));
                ExamState::default()
            }
        })
    };
    let save_failed = use_state(|| false);
    {
        let save_failed = save_failed.clone();
        use_effect_with(exam.form.clone(), move |form| save_failed.set(!draft::save(form)));
    }

    let ondispatch = {
        let exam = exam.dispatcher();
        Callback::from(move |action| exam.dispatch(action))
    };
    {
        // A new examination is dated today (shown, and editable).
        let ondispatch = ondispatch.clone();
        use_effect_with(exam.form.exam_date.is_empty(), move |&undated| {
            if undated {
                ondispatch.emit(Action::SetExamDate(today()));
            }
        });
    }
    let onage = ondispatch.reform(Action::SetAge);
    let ondob = ondispatch.reform(Action::SetDob);
    let onexamdate = ondispatch.reform(Action::SetExamDate);
    let onnew = {
        let ondispatch = ondispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if gloo::dialogs::confirm(text::CONFIRM_NEW_EXAM) {
                ondispatch.emit(Action::Reset);
            }
        })
    };
    let age_error = match exam.form.age() {
        Some(Err(why)) => Some(AttrValue::from(why)),
        _ => None,
    };
    let scorad_problems: Vec<Problem> = [
        exam.form.scorad_record().err().unwrap_or_default(),
        exam.form.subjective().err().unwrap_or_default(),
    ]
    .concat()
    .into_iter()
    .filter(|p| p.field() != Field::Age)
    .collect();

    html! {
        <div class="app">
            <header class="top">
                <div>
                    <h1>{ text::APP_NAME }</h1>
                    <p class="tagline">{ text::TAGLINE }</p>
                </div>
                <nav aria-label={text::NAV_LABEL} class="top__nav">
                    <a href="#map" class="button button--quiet">{ text::MAP_TITLE }</a>
                    <a href="#easi" class="button button--quiet">{ text::EASI }</a>
                    <a href="#scorad" class="button button--quiet">{ text::SCORAD }</a>
                    <button type="button" class="button" onclick={onnew}>{ text::NEW_EXAM }</button>
                </nav>
            </header>
            if let Some(message) = (*notice).clone() {
                <p class="alert" role="alert">{ message }</p>
            }
            if *save_failed {
                <p class="alert" role="alert">{ text::SAVE_FAILED }</p>
            }
            <main class="layout">
                <div class="entries">
                    <section class="card" aria-labelledby="patient-title">
                        <h2 id="patient-title">{ text::PATIENT_TITLE }</h2>
                        <p class="intro">{ text::AGE_HINT }</p>
                        <div class="age-grid">
                            <DateField id="exam-date" label={text::EXAM_DATE_LABEL} value={exam.form.exam_date.clone()} onedit={onexamdate} />
                            <DateField id="dob" label={text::DOB_LABEL} value={exam.form.dob.clone()} onedit={ondob} />
                            if exam.form.age_from_dob() {
                                <p class="field" data-testid="age-from-dob">{ text::age_from_dates(&exam.form.age()) }</p>
                            } else {
                                <NumberField id="age" label={text::AGE_LABEL} value={exam.form.age.clone()} onedit={onage} />
                            }
                        </div>
                        if let Some(error) = age_error {
                            <p class="field__error" role="alert">{ error }</p>
                        }
                    </section>
                    <BodyMap painting={exam.form.map} age={exam.form.map_age()} examined={exam.form.map_examined}
                        ondispatch={ondispatch.clone()} />
                    <EasiEntry regions={exam.form.easi} ondispatch={ondispatch.clone()}
                        map_areas={Region::ALL.map(|r| exam.form.map_area(r).map(|(a, t)| (a.get(), t)))} />
                    <ScoradEntry form={exam.form.scorad.clone()} problems={scorad_problems}
                        map_extent={Segment::ALL.map(|s| exam.form.map_extent(s))} ondispatch={ondispatch.clone()} />
                    <footer class="footer muted">{ text::FOOTER }</footer>
                </div>
                <ScorePanel form={exam.form.clone()} ondispatch={ondispatch.clone()} />
            </main>
        </div>
    }
}
