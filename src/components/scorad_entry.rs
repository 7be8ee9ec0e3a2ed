//! SCORAD entry: extent per segment (A), six intensity grades (B) and the patient's
//! itch and sleeplessness (C).

use crate::components::grade_picker::{Choice, GradePicker};
use crate::components::number_field::NumberField;
use crate::form::{scorad_sign_index, segment_index, Field, Problem, ScoradForm};
use crate::scoring::scorad::{Segment, Sign};
use crate::state::Action;
use crate::components::use_strings;
use crate::i18n::{fill, percent, Strings};
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

fn error_for(t: &Strings, problems: &[Problem], field: Field) -> Option<AttrValue> {
    problems.iter().find_map(|p| match p {
        Problem::Invalid(f, why) if *f == field => Some(AttrValue::from(t.reason(why))),
        _ => None,
    })
}

/// The SCORAD form's callbacks, made once.
struct ScoradEdits {
    extent: [Callback<String>; 13],
    intensity: [Callback<u8>; 6],
    pruritus: Callback<String>,
    sleep_loss: Callback<String>,
}

/// The SCORAD form.
#[component]
pub fn ScoradEntry(props: &ScoradEntryProps) -> Html {
    let t = use_strings();
    let translated = use_context::<crate::i18n::Lang>().unwrap_or_default() != crate::i18n::Lang::En;
    let grades: Vec<Choice> = (0..=3)
        .map(|g| Choice { value: g, label: g.to_string().into(), detail: t.scorad_grade(g).into() })
        .collect();
    // The same callbacks on every render: a field is drawn again only when its own value
    // changes, not on every tap of the body map.
    let edits = use_memo(props.ondispatch.clone(), |d| ScoradEdits {
        extent: Segment::ALL.map(|segment| d.reform(move |text| Action::SetExtent(segment, text))),
        intensity: Sign::ALL.map(|sign| d.reform(move |grade| Action::SetScoradSign(sign, grade))),
        pruritus: d.reform(Action::SetPruritus),
        sleep_loss: d.reform(Action::SetSleepLoss),
    });
    let (onpruritus, onsleep) = (edits.pruritus.clone(), edits.sleep_loss.clone());
    html! {
        <section class="card" id="scorad" aria-labelledby="scorad-title">
            <h2 id="scorad-title">{ t.scorad_title }</h2>
            <h3>{ t.extent_title }</h3>
            if translated {
                <p class="note">{ t.translation_note }</p>
            }
            <p class="intro">{ t.extent_hint }</p>
            <div class="extent-grid">
                { for Segment::ALL.iter().zip(&edits.extent).map(|(&segment, onedit)| {
                    let onedit = onedit.clone();
                    let typed = !props.form.extent[segment_index(segment)].trim().is_empty();
                    let map_value = props.map_extent[segment_index(segment)];
                    html! {
                        <div class="extent-grid__item">
                        <NumberField id={format!("extent-{}", segment.key())}
                            label={format!("{} (%)", t.segment(segment))}
                            value={props.form.extent[segment_index(segment)].clone()} decimal=true
                            error={error_for(t, &props.problems, Field::Extent(segment))}
                            placeholder={props.map_extent[segment_index(segment)].map(|v| AttrValue::from(fill(t.map_extent, &[&percent(v)])))}
                            {onedit} />
                        if let (true, Some(tenths)) = (typed, map_value) {
                            <p class="override" data-testid={format!("override-{}", segment.key())}>
                                { fill(t.extent_overrides_map, &[&percent(tenths)]) }
                                // Named by its field (13 of them may be on screen); pressed, the
                                // button goes and the focus moves to the field it reset.
                                <button type="button" class="button button--quiet button--small"
                                    aria-label={fill(t.reset_to_map_label, &[&t.segment(segment)])}
                                    onclick={crate::components::reset_then_focus(props.ondispatch.clone(), Action::ResetExtent(segment), format!("extent-{}", segment.key()))}>
                                    { t.reset_to_map }
                                </button>
                            </p>
                        }
                        </div>
                    }
                }) }
            </div>
            <h3>{ t.intensity_title }</h3>
            { for Sign::ALL.iter().zip(&edits.intensity).map(|(&sign, onpick)| {
                let onpick = onpick.clone();
                html! {
                    <GradePicker name={format!("scorad-{}", sign.key())} id={AttrValue::from(format!("scorad-sign-{}", sign.key()))} legend={t.scorad_sign(sign)} unset_note={t.not_graded}
                        choices={grades.clone()} selected={props.form.intensity[scorad_sign_index(sign)]} {onpick} />
                }
            }) }
            <h3>{ t.subjective_title }</h3>
            <p class="intro">{ t.subjective_hint }</p>
            <div class="extent-grid">
                <div class="extent-grid__item">
                    <NumberField id="scorad-pruritus" label={t.pruritus_label} value={props.form.pruritus.clone()}
                        decimal=true error={error_for(t, &props.problems, Field::Pruritus)} onedit={onpruritus} />
                </div>
                <div class="extent-grid__item">
                    <NumberField id="scorad-sleep-loss" label={t.sleep_loss_label} value={props.form.sleep_loss.clone()}
                        decimal=true error={error_for(t, &props.problems, Field::SleepLoss)} onedit={onsleep} />
                </div>
            </div>
        </section>
    }
}
