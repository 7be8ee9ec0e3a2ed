//! SCORAD entry: extent per segment (A), six intensity grades (B) and the patient's
//! itch and sleeplessness (C).

use crate::components::grade_picker::{Choice, GradePicker};
use crate::components::number_field::NumberField;
use crate::form::{scorad_sign_index, segment_index, Field, Problem, ScoradForm};
use crate::scoring::scorad::{Segment, Sign};
use crate::state::Action;
use crate::text;
use yew::prelude::*;

/// Props of [`ScoradEntry`].
#[derive(Properties, Clone, PartialEq)]
pub struct ScoradEntryProps {
    /// The SCORAD entry as typed.
    pub form: ScoradForm,
    /// Invalid entries (from the form check), shown beside their fields.
    pub problems: Vec<Problem>,
    /// The body map's percent (tenths) per segment, once the whole skin is confirmed examined.
    pub map_extent: [Option<u16>; 13],
    /// Sends the user's changes.
    pub ondispatch: Callback<Action>,
}

fn error_for(problems: &[Problem], field: Field) -> Option<AttrValue> {
    problems.iter().find_map(|p| match p {
        Problem::Invalid(f, why) if *f == field => Some(AttrValue::from(why.clone())),
        _ => None,
    })
}

/// The SCORAD form.
#[component]
pub fn ScoradEntry(props: &ScoradEntryProps) -> Html {
    let grades: Vec<Choice> = (0..=3)
        .map(|g| Choice { value: g, label: g.to_string().into(), detail: text::scorad_grade(g).into() })
        .collect();
    let dispatch = props.ondispatch.clone();
    let onpruritus = Callback::from(move |t| dispatch.emit(Action::SetPruritus(t)));
    let dispatch = props.ondispatch.clone();
    let onsleep = Callback::from(move |t| dispatch.emit(Action::SetSleepLoss(t)));
    html! {
        <section class="card" id="scorad" aria-labelledby="scorad-title">
            <h2 id="scorad-title">{ text::SCORAD_TITLE }</h2>
            <h3>{ text::EXTENT_TITLE }</h3>
            <p class="intro">{ text::EXTENT_HINT }</p>
            <div class="extent-grid">
                { for Segment::ALL.iter().map(|&segment| {
                    let dispatch = props.ondispatch.clone();
                    let onedit = Callback::from(move |t| dispatch.emit(Action::SetExtent(segment, t)));
                    let typed = !props.form.extent[segment_index(segment)].trim().is_empty();
                    let map_value = props.map_extent[segment_index(segment)];
                    html! {
                        <div>
                        <NumberField id={format!("extent-{}", segment.key())}
                            label={format!("{} (%)", text::segment(segment))}
                            value={props.form.extent[segment_index(segment)].clone()} decimal=true
                            error={error_for(&props.problems, Field::Extent(segment))}
                            placeholder={props.map_extent[segment_index(segment)].map(|t| AttrValue::from(text::map_extent(t)))}
                            {onedit} />
                        if let (true, Some(tenths)) = (typed, map_value) {
                            <p class="override" data-testid={format!("override-{}", segment.key())}>
                                { text::extent_overrides_map(tenths) }
                                <button type="button" class="button button--quiet button--small"
                                    onclick={props.ondispatch.reform(move |_: MouseEvent| Action::ResetExtent(segment))}>
                                    { text::RESET_TO_MAP }
                                </button>
                            </p>
                        }
                        </div>
                    }
                }) }
            </div>
            <h3>{ text::INTENSITY_TITLE }</h3>
            { for Sign::ALL.iter().map(|&sign| {
                let dispatch = props.ondispatch.clone();
                let onpick = Callback::from(move |g| dispatch.emit(Action::SetScoradSign(sign, g)));
                html! {
                    <GradePicker name={format!("scorad-{}", sign.key())} legend={text::scorad_sign(sign)}
                        choices={grades.clone()} selected={props.form.intensity[scorad_sign_index(sign)]} {onpick} />
                }
            }) }
            <h3>{ text::SUBJECTIVE_TITLE }</h3>
            <p class="intro">{ text::SUBJECTIVE_HINT }</p>
            <div class="extent-grid">
                <NumberField id="scorad-pruritus" label={text::PRURITUS_LABEL} value={props.form.pruritus.clone()}
                    decimal=true error={error_for(&props.problems, Field::Pruritus)} onedit={onpruritus} />
                <NumberField id="scorad-sleep-loss" label={text::SLEEP_LOSS_LABEL} value={props.form.sleep_loss.clone()}
                    decimal=true error={error_for(&props.problems, Field::SleepLoss)} onedit={onsleep} />
            </div>
        </section>
    }
}
