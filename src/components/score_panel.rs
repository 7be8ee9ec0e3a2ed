//! The score panel: EASI, objective SCORAD and SCORAD with their bands, how they were
//! reached, and exactly what is still missing. All figures come from `scoring`.

use crate::form::{ExamForm, Field, Problem};
use crate::scoring::{easi, Assessment, Band, EasiBands, Score, ScoradBands};
use crate::state::Action;
use crate::components::use_strings;
use crate::i18n::{fill, Strings};
use yew::prelude::*;

/// Props of [`ScorePanel`].
#[derive(Properties, Clone, PartialEq)]
pub struct ScorePanelProps {
    /// The examination as entered.
    pub form: ExamForm,
    /// Sends the choice of band systems.
    pub ondispatch: Callback<Action>,
}

/// A score line: name, figure (or "not scored") and band. The band's colour comes from its
/// key (`band--mild`), the same in every language; its words from the strings. Read whole when
/// any part of it changes (`aria-atomic`, in the summary's live region): "EASI 8.3 moderate",
/// not "8.3" alone.
fn score_line(t: &Strings, test_id: &'static str, name: &str, figure: Option<(String, Band)>) -> Html {
    match figure {
        Some((value, band)) => html! {
            <div class="score" data-testid={test_id} aria-atomic="true">
                <span class="score__name">{ name }</span>
                <span class="score__value" data-testid={format!("{test_id}-value")}>{ value }</span>
                <span class={format!("band band--{}", band.key())}
                    data-testid={format!("{test_id}-band")}>{ t.band(band) }</span>
            </div>
        },
        None => html! {
            <div class="score score--pending" data-testid={test_id} aria-atomic="true">
                <span class="score__name">{ name }</span>
                <span class="score__value" data-testid={format!("{test_id}-value")}>{ t.not_scored }</span>
            </div>
        },
    }
}

/// The id of the place on the examination where `field` is entered (the age is the date of
/// birth's when the age comes from the dates).
fn field_anchor(field: Field, age_from_dob: bool) -> String {
    match field {
        Field::Age if age_from_dob => "dob".into(),
        Field::Age => "age".into(),
        Field::EasiArea(region) | Field::EasiSign(region, _) => format!("easi-{}", region.key()),
        Field::Extent(segment) => format!("extent-{}", segment.key()),
        Field::ScoradSign(sign) => format!("scorad-sign-{}", sign.key()),
        Field::Pruritus => "scorad-pruritus".into(),
        Field::SleepLoss => "scorad-sleep-loss".into(),
    }
}

/// What is still needed, each a link to where it is entered (`onfollow`: a link followed; on a
/// phone the details close, so the field is in view).
fn needed(t: &Strings, problems: &[Problem], age_from_dob: bool, onfollow: &Callback<MouseEvent>) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    // How many, first: a long list scrolls in its box, whose end is out of sight.
    let heading = fill(t.still_needed, &[&problems.len()]);
    html! {
        <div class="needed">
            <p data-testid="needed-count">{ heading.clone() }</p>
            // Scrollable when long, so it takes keyboard focus.
            <ul tabindex="0" aria-label={heading}>{ for problems.iter().map(|p| html! {
                <li><a href={format!("#{}", field_anchor(p.field(), age_from_dob))} onclick={onfollow.clone()}>{ t.problem(p) }</a></li>
            }) }</ul>
        </div>
    }
}

/// A band-system choice with the chosen system's citation; emits the picked option's index.
fn band_select<const N: usize>(
    id: &'static str,
    label: &str,
    options: [(&'static str, &'static str); N],
    selected: Option<usize>,
    citation: &'static str,
    onpick: Callback<usize>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let i = e.target_unchecked_into::<web_sys::HtmlSelectElement>().selected_index();
        if let Some(i) = usize::try_from(i).ok().filter(|&i| i < N) {
            onpick.emit(i);
        }
    });
    html! {
        <>
            <label class="select">
                <span>{ label }</span>
                <select {id} {onchange}>
                    { for options.iter().enumerate().map(|(i, (key, name))| html! {
                        <option value={*key} selected={selected == Some(i)}>{ *name }</option>
                    }) }
                </select>
            </label>
            <p class="muted citation" lang="en">{ citation }</p>
        </>
    }
}

/// The patient-reported results: (test id, name, value or why there is none).
fn patient_lines(t: &Strings, form: &ExamForm) -> Vec<(&'static str, &'static str, String)> {
    let p = &form.patient;
    let unanswered = |n: u32| fill(t.not_scored_unanswered, &[&n]);
    let or_not = |v: Option<String>| v.unwrap_or_else(|| t.not_answered.to_string());
    let itch = p.itch_record().map(|r| {
        let s = r.score_itch();
        format!("{} — {}", s.total, s.band.map_or("", |b| t.band(b)))
    });
    let sleep = p.sleep_record().map(|r| r.score_sleep().total.to_string());
    // One item left blank is scored as 0 (POEM, DLQI): said, not hidden in the total.
    let with_blank = |text: String, blank: u32| if blank == 0 { text } else { fill(t.scored_with_blank, &[&text, &blank]) };
    let poem = p.poem_record().map(|r| {
        let s = r.score();
        s.total.zip(s.band).map_or_else(|| unanswered(s.unanswered), |(total, b)| with_blank(format!("{total} — {}", t.band(b)), s.unanswered))
    });
    // Answers held for a child or given by a parent are kept but not scored (ExamForm::dlqi_not_for).
    let dlqi = p.dlqi_record().map(|r| match r.score() {
        _ if form.dlqi_not_for() == Some(crate::form::DlqiNotFor::AgeInvalid) => t.dlqi_age_invalid.to_string(),
        _ if form.dlqi_not_for().is_some() => t.dlqi_not_for.to_string(),
        Ok(s) => s.total.zip(s.band).map_or_else(|| unanswered(s.unanswered), |(total, b)| with_blank(format!("{total} — {}", t.dlqi_band(b)), s.unanswered)),
        Err(_) => t.not_scored.to_string(),
    });
    vec![
        ("itch-nrs", t.itch_nrs, or_not(itch)),
        ("sleep-nrs", t.sleep_nrs, or_not(sleep)),
        ("poem", t.poem, or_not(poem)),
        ("dlqi", t.dlqi, or_not(dlqi)),
        ("disease-status", t.disease_status, or_not(p.status.map(|v| t.disease_status(v).to_string()))),
        ("treatment-effect", t.treatment_effect, or_not(p.effect.map(|v| t.treatment_effect(v).to_string()))),
    ]
}

/// The always-visible score panel.
#[component]
pub fn ScorePanel(props: &ScorePanelProps) -> Html {
    let t = use_strings();
    let (easi_bands, scorad_bands) = (props.form.easi_bands, props.form.scorad_bands);
    let age_basis = match props.form.age() {
        Some(Ok(age)) => t.age_basis(age.get(), props.form.age_from_dob()),
        _ => String::new(),
    };
    let expanded = use_state(|| false);
    let onfollow = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(false))
    };
    let needed = |problems: &[Problem]| needed(t, problems, props.form.age_from_dob(), &onfollow);
    let easi = props.form.easi_record().map(|r| Assessment::Easi(r).score_with(easi_bands, scorad_bands));
    let scorad = props.form.scorad_record().map(|r| Assessment::Scorad(r).score_with(easi_bands, scorad_bands));
    let subjective_problems = props.form.subjective().err().unwrap_or_default();

    let (easi_line, easi_detail) = match &easi {
        Ok(Ok(Score::Easi(s))) => (
            score_line(t, "easi", t.easi, Some((s.total.display_in_band(|v| easi_bands.band(v)), s.band))),
            html! {
                <ul class="breakdown">
                    { for [(easi::Region::HeadNeck, s.head_neck), (easi::Region::UpperLimbs, s.upper_limbs),
                           (easi::Region::Trunk, s.trunk), (easi::Region::LowerLimbs, s.lower_limbs)]
                        .iter().map(|(r, v)| html! { <li>{ fill(t.contribution, &[&t.region(*r), &v.exact_text()]) }</li> }) }
                    <li class="muted">{ format!("{} — {}", t.easi_age_variant(s.age_variant), age_basis) }</li>
                </ul>
            },
        ),
        Err(problems) => (score_line(t, "easi", t.easi, None), needed(problems)),
        _ => (score_line(t, "easi", t.easi, None), html! {}),
    };

    let (scorad_lines, scorad_detail) = match &scorad {
        Ok(Ok(Score::Scorad(s))) => (
            html! { <>
                { score_line(t, "objective-scorad", t.objective_scorad,
                    Some((s.objective.display_in_band(|v| scorad_bands.objective_band(v)), s.objective_band))) }
                { score_line(t, "scorad", t.scorad,
                    s.total.zip(s.band).map(|(total, b)| (total.display_in_band(|v| scorad_bands.band(v)), b))) }
            </> },
            html! {
                <>
                    <ul class="breakdown">
                        <li data-testid="scorad-a">{ format!("A = {}", s.extent.display_in_band(|_| ())) }</li>
                        <li data-testid="scorad-b">{ format!("B = {}", s.intensity) }</li>
                        <li data-testid="scorad-c">{ format!("C = {}", s.subjective.map_or("—".to_string(), |c| c.exact_text())) }</li>
                        <li class="muted">{ format!("{} — {}", t.scorad_age_variant(s.age_variant), age_basis) }</li>
                    </ul>
                    if s.total.is_none() {
                        if subjective_problems.is_empty() {
                            <p class="needed">{ t.waiting_for_c }</p>
                        } else {
                            { needed(&subjective_problems) }
                        }
                    }
                </>
            },
        ),
        Err(problems) => (
            html! { <>
                { score_line(t, "objective-scorad", t.objective_scorad, None) }
                { score_line(t, "scorad", t.scorad, None) }
            </> },
            needed(&[problems.clone(), subjective_problems].concat()),
        ),
        _ => (html! {}, html! {}),
    };

    let ontoggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    html! {
        <aside class={classes!("panel", expanded.then_some("panel--expanded"))} aria-labelledby="scores-title">
            <h2 id="scores-title" class="panel__title">{ t.scores_title }</h2>
            <div class="panel__summary" aria-live="polite">
                { easi_line }
                { scorad_lines }
            </div>
            <button type="button" class="button button--quiet panel__toggle" onclick={ontoggle}
                aria-expanded={expanded.to_string()} aria-controls="score-details">
                { if *expanded { t.hide_details } else { t.show_details } }
            </button>
            <div class="panel__details" id="score-details">
                if props.form.map_waiting() && (easi.is_err() || scorad.is_err()) {
                    <p class="needed" data-testid="map-waiting">
                        // On a phone the details cover the page: closed, so the map is in view.
                        <a href="#map-examined" onclick={{ let expanded = expanded.clone(); Callback::from(move |_: MouseEvent| expanded.set(false)) }}>{ t.map_waiting }</a>
                    </p>
                }
                <h3>{ t.easi }</h3>
                { easi_detail }
                <h3>{ t.scorad }</h3>
                { scorad_detail }
                <h3>{ t.patient_reported }</h3>
                // A proxy report is told apart from a self-report before the visit is saved.
                if props.form.patient.answerer == Some(crate::history::Reporter::Parent) && props.form.patient.has_answers() {
                    <p class="note" data-testid="answered-by-parent">{ t.answered_by_parent }</p>
                }
                <ul class="breakdown patient-scores">
                    { for patient_lines(t, &props.form).into_iter().map(|(id, name, value)| html! {
                        <li data-testid={id}>{ name }{ ": " }<strong>{ value }</strong></li>
                    }) }
                </ul>
                <h3>{ t.band_systems }</h3>
                { band_select("easi-bands", t.easi, EasiBands::ALL.map(|b| (b.key(), t.easi_bands(b))),
                    EasiBands::ALL.iter().position(|&b| b == easi_bands), easi_bands.citation(),
                    props.ondispatch.reform(|i: usize| Action::SetEasiBands(EasiBands::ALL[i]))) }
                { band_select("scorad-bands", t.scorad, ScoradBands::ALL.map(|b| (b.key(), t.scorad_bands(b))),
                    ScoradBands::ALL.iter().position(|&b| b == scorad_bands), scorad_bands.citation(),
                    props.ondispatch.reform(|i: usize| Action::SetScoradBands(ScoradBands::ALL[i]))) }
                // Bands chosen for adults and adolescents, kept for the next patient: said when
                // this one is younger (the scores are the same; only the bands' source differs).
                if let Some(Ok(age)) = props.form.age() {
                    if !easi_bands.derived_for(age) || !scorad_bands.derived_for(age) {
                        <p class="note" role="note" data-testid="bands-age">{ t.bands_for_older }</p>
                    }
                }
            </div>
        </aside>
    }
}
