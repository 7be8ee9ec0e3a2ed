//! The printable worksheet of one visit, laid out like the paper forms: every input, the
//! totals, bands, band systems, age variant, date and app version — for the chart and audit.

use crate::components::{use_records_strings, Shared};
use crate::history::{History, Metric};
use crate::i18n::{fill, RecordsStrings};
use crate::scoring::dlqi::DlqiAnswer;
use crate::scoring::{easi, scorad, Assessment, Score};
use yew::prelude::*;

/// Props of [`PrintView`].
#[derive(Properties, Clone, PartialEq)]
pub struct PrintViewProps {
    /// The history.
    pub history: Shared<History>,
    /// The visit's id.
    pub id: String,
    /// Changes the language.
    pub onlang: Callback<crate::i18n::Lang>,
}

fn easi_table(t: &RecordsStrings, record: &easi::EasiRecord, score: &easi::EasiScore) -> Html {
    let contributions = [score.head_neck, score.upper_limbs, score.trunk, score.lower_limbs];
    // Seven columns: with large text the table scrolls in its own box (focusable, so a
    // keyboard can scroll it), not the page.
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={t.easi_title}>
        <table class="table worksheet__table">
            <thead><tr>
                <th scope="col">{ t.easi }</th><th scope="col">{ t.area_label }</th>
                { for easi::Sign::ALL.iter().map(|&s| html! { <th scope="col">{ t.easi_sign(s) }</th> }) }
                <th scope="col">{ t.score }</th>
            </tr></thead>
            <tbody>
                { for easi::Region::ALL.iter().zip(contributions).map(|(&r, c)| {
                    let region = record.regions.get(r);
                    html! { <tr>
                        <th scope="row">{ t.region(r) }</th><td class="num">{ region.area.get() }</td>
                        <td class="num">{ region.erythema.to_f64() }</td><td class="num">{ region.edema_papulation.to_f64() }</td>
                        <td class="num">{ region.excoriation.to_f64() }</td><td class="num">{ region.lichenification.to_f64() }</td>
                        <td class="num">{ c.exact_text() }</td>
                    </tr> }
                }) }
            </tbody>
        </table>
        </div>
    }
}

fn scorad_tables(t: &RecordsStrings, record: &scorad::ScoradRecord) -> Html {
    html! {
        <>
            <table class="table worksheet__table">
                <thead><tr><th scope="col">{ t.extent_title }</th><th scope="col">{ "%" }</th></tr></thead>
                <tbody>{ for scorad::Segment::ALL.iter().map(|&s| html! {
                    <tr><th scope="row">{ t.segment(s) }</th><td class="num">{ record.extent.get(s).to_f64() }</td></tr>
                }) }</tbody>
            </table>
            <table class="table worksheet__table">
                <thead><tr><th scope="col">{ t.intensity_title }</th><th scope="col" class="num">{ "0–3" }</th></tr></thead>
                <tbody>{ for scorad::Sign::ALL.iter().zip([
                    record.intensity.erythema, record.intensity.edema_papulation, record.intensity.oozing_crusts,
                    record.intensity.excoriation, record.intensity.lichenification, record.intensity.dryness,
                ]).map(|(&s, g)| html! { <tr><th scope="row">{ t.scorad_sign(s) }</th><td class="num">{ g.get() }</td></tr> }) }</tbody>
            </table>
            // Each of C's two values named (not "3.2 + 1.5").
            <p>{ t.subjective_title }{ ": " }{ record.subjective.map_or("—".to_string(), |c| format!("{} {} · {} {}", t.step_c_itch, c.pruritus.to_f64(), t.step_c_sleep, c.sleep_loss.to_f64())) }</p>
        </>
    }
}

/// One result line: the metric's name, value and band, or "not scored"; "not recorded" (a
/// clinician's score) or "not answered" (a questionnaire) when the visit has none.
fn result(t: &RecordsStrings, metric: Metric, score: Option<Score>) -> Html {
    // One item left blank is scored as 0 (POEM, DLQI): said, as the score panel says it.
    let with_blank = |text: String, blank: u32| if blank == 0 { text } else { fill(t.scored_with_blank, &[&text, &blank]) };
    let text = match score {
        Some(Score::Easi(s)) => format!("{} — {} · {}", s.total.exact_text(), t.band(s.band), t.easi_age_variant(s.age_variant)),
        Some(Score::Scorad(s)) => format!(
            "A {} · B {} · C {} · {} {} ({}) · {} {} · {}",
            s.extent.exact_text(), s.intensity, s.subjective.map_or("—".into(), |c| c.exact_text()),
            t.objective_scorad, s.objective.exact_text(), t.band(s.objective_band),
            t.scorad, s.total.zip(s.band).map_or(t.not_scored.to_string(), |(v, b)| format!("{} ({})", v.exact_text(), t.band(b))),
            t.scorad_age_variant(s.age_variant)
        ),
        Some(Score::Poem(s)) => s.total.zip(s.band).map_or_else(|| fill(t.not_scored_unanswered, &[&s.unanswered]), |(v, b)| with_blank(format!("{v} — {}", t.band(b)), s.unanswered)),
        Some(Score::Dlqi(s)) => s.total.zip(s.band).map_or_else(|| fill(t.not_scored_unanswered, &[&s.unanswered]), |(v, b)| with_blank(format!("{v} — {}", t.dlqi_band(b)), s.unanswered)),
        Some(Score::ItchNrs(s)) | Some(Score::SleepNrs(s)) => format!("{}{}", s.total, s.band.map_or(String::new(), |b| format!(" — {}", t.band(b)))),
        // The clinician's scores are recorded, the patient's questionnaires answered.
        None if matches!(metric, Metric::Easi | Metric::Scorad) => t.not_recorded.to_string(),
        None => t.not_answered.to_string(),
    };
    html! { <tr><th scope="row">{ t.metric(metric) }</th><td>{ text }</td></tr> }
}

/// The worksheet.
#[component]
pub fn PrintView(props: &PrintViewProps) -> Html {
    crate::components::use_focus_heading();
    crate::components::use_title_from_heading();
    let t = use_records_strings();
    let Some(visit) = props.history.visits.iter().find(|v| v.id == props.id) else {
        return html! { <div class="app"><p class="alert" role="alert">{ t.no_such_visit }</p></div> };
    };
    let onprint = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let items = |a: Option<&Assessment>| match a {
        Some(Assessment::Poem(r)) => r.answers.iter().map(|x| x.map_or("—".into(), |v| v.get().to_string())).collect::<Vec<_>>().join(" · "),
        Some(Assessment::Dlqi(r)) => r.answers.iter().map(|x| match x {
            Some(DlqiAnswer::Score(v)) => v.to_string(),
            Some(DlqiAnswer::NotRelevant) => "NR".into(),
            None => "—".into(),
        }).collect::<Vec<_>>().join(" · "),
        _ => t.not_answered.to_string(),
    };
    html! {
        <div class="app worksheet">
            <header class="top no-print">
                <a class="button button--quiet code" href={crate::app::screen_href("patient", &visit.patient)}>{ fill(t.patient_heading, &[&visit.patient]) }</a>
                // Print beside the language switch, at the right (not alone in the middle).
                <div class="top__nav">
                    <button type="button" class="button" id="print" onclick={onprint}>{ t.print_button }</button>
                    <crate::components::language_picker::LanguagePicker onlang={props.onlang.clone()} />
                </div>
            </header>
            <main class="app__main">
                <h1>{ fill(t.worksheet_title, &[&visit.patient, &t.date(&visit.date)]) }</h1>
                <p class="muted">
                    // The visit's label first, when it has one (no stray "·" without).
                    { format!("{}{}: {} · {}: {} · {} {}", if visit.label.is_empty() { String::new() } else { format!("{} · ", visit.label) },
                        t.easi, t.easi_bands(visit.easi_bands), t.scorad, t.scorad_bands(visit.scorad_bands), t.app_name, visit.app_version) }
                </p>
                // The age the clinician's scores were weighted by (EASI under 8, SCORAD under 2),
                // for the audit: as each record keeps it.
                if let Some(age) = visit.assessments.iter().find_map(|a| match a {
                    Assessment::Easi(r) => Some(r.age_years.get()),
                    Assessment::Scorad(r) => Some(r.age_years.get()),
                    _ => None,
                }) {
                    <p data-testid="worksheet-age">{ fill(t.age_from_dates, &[&age]) }</p>
                }
                if let Some(Assessment::Easi(record)) = visit.assessment("easi") {
                    <h2>{ t.easi_title }</h2>
                    { easi_table(t, record, &record.score_with(visit.easi_bands)) }
                }
                if let Some(Assessment::Scorad(record)) = visit.assessment("scorad") {
                    <h2>{ t.scorad_title }</h2>
                    { scorad_tables(t, record) }
                }
                <h2>{ t.scores_title }</h2>
                <p class="muted">{ t.worksheet_exact }</p>
                <table class="table worksheet__table worksheet__scores">
                    <tbody>
                        { for Metric::ALL.iter().filter(|&&m| m != Metric::ObjectiveScorad).map(|&m| result(t, m, visit.score(m))) }
                        <tr><th scope="row">{ fill(t.worksheet_items, &[&t.poem]) }</th><td>{ items(visit.assessment("poem")) }</td></tr>
                        <tr><th scope="row">{ fill(t.worksheet_items, &[&t.dlqi]) }</th><td>{ items(visit.assessment("dlqi")) }</td></tr>
                        <tr><th scope="row">{ t.disease_status }</th><td>{ visit.global.status.map_or(t.not_answered, |v| t.disease_status(v)) }</td></tr>
                        <tr><th scope="row">{ t.treatment_effect }</th><td>{ visit.global.effect.map_or(t.not_answered, |v| t.treatment_effect(v)) }</td></tr>
                        if visit.reported_by.is_some() {
                            <tr data-testid="answered-by"><th scope="row">{ t.answered_by }</th><td>{ t.reporter(visit.reported_by) }</td></tr>
                        }
                    </tbody>
                </table>
                // Each questionnaire's copyright line where its answers are, not on every worksheet.
                if visit.assessment("poem").is_some() {
                    { crate::components::poem_notice(t) }
                }
                if visit.assessment("dlqi").is_some() {
                    <p class="notice" data-testid="dlqi-notice">{ t.dlqi_notice }</p>
                }
            </main>
        </div>
    }
}
