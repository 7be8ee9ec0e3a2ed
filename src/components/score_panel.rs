//! The score panel: EASI, objective SCORAD and SCORAD with their bands, how they were
//! reached, and exactly what is still missing. All figures come from `scoring`.

use crate::form::{ExamForm, Problem};
use crate::scoring::{easi, Assessment, EasiBands, Score, ScoradBands};
use crate::state::Action;
use crate::text;
use yew::prelude::*;

/// Props of [`ScorePanel`].
#[derive(Properties, Clone, PartialEq)]
pub struct ScorePanelProps {
    /// The examination as entered.
    pub form: ExamForm,
    /// Sends the choice of band systems.
    pub ondispatch: Callback<Action>,
}

/// A score line: name, figure (or "not scored") and band.
fn score_line(test_id: &'static str, name: &str, figure: Option<(String, &'static str)>) -> Html {
    match figure {
        Some((value, band)) => html! {
            <div class="score" data-testid={test_id}>
                <span class="score__name">{ name }</span>
                <span class="score__value" data-testid={format!("{test_id}-value")}>{ value }</span>
                <span class={classes!("band", format!("band--{}", band.replace(' ', "-")))}
                    data-testid={format!("{test_id}-band")}>{ band }</span>
            </div>
        },
        None => html! {
            <div class="score score--pending" data-testid={test_id}>
                <span class="score__name">{ name }</span>
                <span class="score__value" data-testid={format!("{test_id}-value")}>{ text::NOT_SCORED }</span>
            </div>
        },
    }
}

fn needed(problems: &[Problem]) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    html! {
        <div class="needed">
            <p>{ text::STILL_NEEDED }</p>
            <ul>{ for problems.iter().map(|p| html! { <li>{ text::problem(p) }</li> }) }</ul>
        </div>
    }
}

/// The always-visible score panel.
#[component]
pub fn ScorePanel(props: &ScorePanelProps) -> Html {
    let (easi_bands, scorad_bands) = (props.form.easi_bands, props.form.scorad_bands);
    let age_basis = match props.form.age() {
        Some(Ok(age)) => text::age_basis(age.get(), props.form.age_from_dob()),
        _ => String::new(),
    };
    let easi = props.form.easi_record().map(|r| Assessment::Easi(r).score_with(easi_bands, scorad_bands));
    let scorad = props.form.scorad_record().map(|r| Assessment::Scorad(r).score_with(easi_bands, scorad_bands));
    let subjective_problems = props.form.subjective().err().unwrap_or_default();

    let (easi_line, easi_detail) = match &easi {
        Ok(Ok(Score::Easi(s))) => (
            score_line("easi", text::EASI, Some((s.total.display_in_band(|v| easi_bands.band(v)), text::band(s.band)))),
            html! {
                <ul class="breakdown">
                    { for [(easi::Region::HeadNeck, s.head_neck), (easi::Region::UpperLimbs, s.upper_limbs),
                           (easi::Region::Trunk, s.trunk), (easi::Region::LowerLimbs, s.lower_limbs)]
                        .iter().map(|(r, v)| html! { <li>{ text::contribution(text::region(*r), &v.exact_text()) }</li> }) }
                    <li class="muted">{ format!("{} — {}", text::easi_age_variant(s.age_variant), age_basis) }</li>
                </ul>
            },
        ),
        Err(problems) => (score_line("easi", text::EASI, None), needed(problems)),
        _ => (score_line("easi", text::EASI, None), html! {}),
    };

    let (scorad_lines, scorad_detail) = match &scorad {
        Ok(Ok(Score::Scorad(s))) => (
            html! { <>
                { score_line("objective-scorad", text::OBJECTIVE_SCORAD,
                    Some((s.objective.display_in_band(|v| scorad_bands.objective_band(v)), text::band(s.objective_band)))) }
                { score_line("scorad", text::SCORAD,
                    s.total.zip(s.band).map(|(t, b)| (t.display_in_band(|v| scorad_bands.band(v)), text::band(b)))) }
            </> },
            html! {
                <>
                    <ul class="breakdown">
                        <li data-testid="scorad-a">{ format!("A = {}", s.extent.display_in_band(|_| ())) }</li>
                        <li data-testid="scorad-b">{ format!("B = {}", s.intensity) }</li>
                        <li data-testid="scorad-c">{ format!("C = {}", s.subjective.map_or("—".to_string(), |c| c.exact_text())) }</li>
                        <li class="muted">{ format!("{} — {}", text::scorad_age_variant(s.age_variant), age_basis) }</li>
                    </ul>
                    if s.total.is_none() {
                        if subjective_problems.is_empty() {
                            <p class="needed">{ text::WAITING_FOR_C }</p>
                        } else {
                            { needed(&subjective_problems) }
                        }
                    }
                </>
            },
        ),
        Err(problems) => (
            html! { <>
                { score_line("objective-scorad", text::OBJECTIVE_SCORAD, None) }
                { score_line("scorad", text::SCORAD, None) }
            </> },
            needed(&[problems.clone(), subjective_problems].concat()),
        ),
        _ => (html! {}, html! {}),
    };

    let expanded = use_state(|| false);
    let ontoggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    html! {
        <aside class={classes!("panel", expanded.then_some("panel--expanded"))} aria-labelledby="scores-title">
            <h2 id="scores-title" class="panel__title">{ text::SCORES_TITLE }</h2>
            <div class="panel__summary" aria-live="polite">
                { easi_line }
                { scorad_lines }
            </div>
            <button type="button" class="button button--quiet panel__toggle" onclick={ontoggle}
                aria-expanded={expanded.to_string()} aria-controls="score-details">
                { if *expanded { text::HIDE_DETAILS } else { text::SHOW_DETAILS } }
            </button>
            <div class="panel__details" id="score-details">
                <h3>{ text::EASI }</h3>
                { easi_detail }
                <h3>{ text::SCORAD }</h3>
                { scorad_detail }
                <h3>{ text::BAND_SYSTEMS }</h3>
                <label class="select">
                    <span>{ text::EASI }</span>
                    <select id="easi-bands" onchange={props.ondispatch.reform(|e: Event| {
                        let i = e.target_unchecked_into::<web_sys::HtmlSelectElement>().selected_index();
                        Action::SetEasiBands(EasiBands::ALL[usize::try_from(i).unwrap_or(0).min(1)])
                    })}>
                        { for EasiBands::ALL.iter().map(|&b| html! {
                            <option value={b.key()} selected={b == easi_bands}>{ text::easi_bands(b) }</option>
                        }) }
                    </select>
                </label>
                <p class="muted citation">{ easi_bands.citation() }</p>
                <label class="select">
                    <span>{ text::SCORAD }</span>
                    <select id="scorad-bands" onchange={props.ondispatch.reform(|e: Event| {
                        let i = e.target_unchecked_into::<web_sys::HtmlSelectElement>().selected_index();
                        Action::SetScoradBands(ScoradBands::ALL[usize::try_from(i).unwrap_or(0).min(1)])
                    })}>
                        { for ScoradBands::ALL.iter().map(|&b| html! {
                            <option value={b.key()} selected={b == scorad_bands}>{ text::scorad_bands(b) }</option>
                        }) }
                    </select>
                </label>
                <p class="muted citation">{ scorad_bands.citation() }</p>
            </div>
        </aside>
    }
}
