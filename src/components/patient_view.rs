//! One patient over time: visits with each score, change from the chosen baseline, responder
//! badges, and a line chart per score with its severity bands.

use crate::components::{use_records_strings, Shared};
use crate::history::{
    baseline_visit, change_of_values, responders_of, time_point_end, time_point_to, signed_tenths, values_of, BandRun, Change, History, Metric, Patient,
    Visit, UNITS,
};
use crate::age::Date;
use crate::i18n::{fill, RecordsStrings};
use crate::scoring::Band;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`PatientView`].
#[derive(Properties, Clone, PartialEq)]
pub struct PatientViewProps {
    /// The history.
    pub history: Shared<History>,
    /// The patient's code.
    pub code: String,
    /// Called with a changed history.
    pub onchange: Callback<History>,
    /// Changes the language.
    pub onlang: Callback<crate::i18n::Lang>,
}

/// The bands a chart draws, in score points, lowest first: each of the metric's severity bands
/// (`runs`, [`Metric::bands`]) spans from half-way below its lowest value to half-way above its
/// highest, within 0 and the chart's top (`top`, in points). A band above the top is not drawn,
/// nor one that would be a hairline (under 2 % of the chart: EASI's "clear", the value 0 alone,
/// on a chart to 7; SCORAD's "moderate" from 24.995 on a chart to 25), so that the legend names
/// only stripes that can be seen.
fn drawn_bands(runs: &[BandRun], top: u32) -> Vec<(Band, f64, f64)> {
    let points = |units: i64| units as f64 / UNITS as f64;
    let top = i64::from(top) * UNITS;
    runs.iter()
        .enumerate()
        .map(|(i, run)| {
            let low = if i == 0 { 0 } else { (runs[i - 1].last + run.first) / 2 };
            let high = runs.get(i + 1).map_or(top, |next| (run.last + next.first) / 2);
            (run.band, low, high.min(top))
        })
        .filter(|&(_, low, high)| (high - low) * 50 >= top)
        .map(|(band, low, high)| (band, points(low), points(high)))
        .collect()
}

/// Where each visit sits along a chart's time axis, 0 (the first visit's day) to 1 (the last's),
/// by the days between them; evenly spaced, in order, if a date cannot be read; in the middle
/// when there is one visit or every visit is on one day.
fn time_positions(visits: &[&Visit]) -> Vec<f64> {
    let n = visits.len();
    let middle = vec![0.5; n];
    let days: Option<Vec<i64>> = visits.iter().map(|v| Date::parse_iso(&v.date).ok().map(Date::day_number)).collect();
    match days {
        Some(days) => match (days.first(), days.last()) {
            (Some(&first), Some(&last)) if last > first => {
                days.iter().map(|&d| (d - first) as f64 / (last - first) as f64).collect()
            }
            _ => middle,
        },
        None if n > 1 => (0..n).map(|i| i as f64 / (n - 1) as f64).collect(),
        None => middle,
    }
}

fn chart(t: &RecordsStrings, metric: Metric, visits: &[&Visit]) -> Html {
    let values: Vec<(usize, i64)> = visits.iter().enumerate().filter_map(|(i, v)| v.value(metric).map(|u| (i, u))).collect();
    let Some(highest) = values.iter().map(|&(_, u)| u).max() else {
        return html! {};
    };
    let points: Vec<(usize, f64)> = values.iter().map(|&(i, u)| (i, u as f64 / UNITS as f64)).collect();
    // The band systems of the patient's latest visit; the chart's top from the highest value.
    let (easi, scorad) = visits.last().map(|v| (v.easi_bands, v.scorad_bands)).unwrap_or_default();
    let runs = metric.bands(easi, scorad);
    let top_points = metric.chart_top(highest, &runs);
    let top = f64::from(top_points);
    // Plot area: `pad` at the top and sides, room for the dates below.
    let (w, h, pad, below) = (600.0, 196.0, 28.0, 44.0);
    let along = time_positions(visits);
    let x = |i: usize| pad + (w - 2.0 * pad) * along[i];
    let y = |v: f64| h - below - (h - pad - below) * (v / top).clamp(0.0, 1.0);
    let bands = drawn_bands(&runs, top_points);
    let band_name = |band: Band| if metric == Metric::Dlqi { t.dlqi_band(band) } else { t.band(band) };
    let line: Vec<String> = points.iter().map(|&(i, v)| format!("{:.1},{:.1}", x(i), y(v))).collect();
    // Each value as beside its band (the stripes' band systems): never rounded into the next one.
    let value_text = |u: i64| metric.score_text(u, easi, scorad);
    let summary = values.iter().map(|&(i, u)| format!("{} {}", t.date(&visits[i].date), value_text(u))).collect::<Vec<_>>().join(", ");
    html! {
        <figure class="chart">
            // The scale in the caption too: text that grows with the reader's text size (the
            // drawing's own labels scale with the chart's width only).
            <figcaption>{ t.metric(metric) }{ " " }<span class="chart__scale">{ format!("0–{top}") }</span></figcaption>
            <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-label={format!("{}: {summary}", t.metric(metric))}>
                { for bands.iter().map(|&(band, low, high)| html! {
                    <rect class={format!("chart__band chart__band--{}", band.key())} x={pad.to_string()} width={(w - 2.0 * pad).to_string()}
                        y={y(high).to_string()} height={(y(low) - y(high)).to_string()} />
                }) }
                <text class="chart__axis" x="2" y={(y(top) + 10.0).to_string()}>{ top }</text>
                <text class="chart__axis" x="2" y={y(0.0).to_string()}>{ "0" }</text>
                // The time axis, from the first visit's date to the last's.
                <text class="chart__axis" x={pad.to_string()} y={(h - 12.0).to_string()}>{ t.date(&visits[0].date) }</text>
                if visits[visits.len() - 1].date != visits[0].date {
                    <text class="chart__axis chart__axis--end" x={(w - pad).to_string()} y={(h - 12.0).to_string()}>{ t.date(&visits[visits.len() - 1].date) }</text>
                }
                <polyline class="chart__line" points={line.join(" ")} />
                { for points.iter().zip(&values).map(|(&(i, v), &(_, u))| html! {
                    <circle class="chart__point" cx={x(i).to_string()} cy={y(v).to_string()} r="5">
                        <title>{ format!("{} — {}", t.date(&visits[i].date), value_text(u)) }</title>
                    </circle>
                }) }
            </svg>
            if !bands.is_empty() {
                // What the stripes' colours mean, in words.
                <ul class="chart__legend">
                    { for bands.iter().map(|&(band, _, _)| html! {
                        <li><span class={format!("chart__band chart__band--{} chart__swatch", band.key())}></span>{ band_name(band) }</li>
                    }) }
                </ul>
            }
        </figure>
    }
}

/// A visit's change from the baseline value `b` and its percentage ("-4.0 (-50.0 %)").
fn change_text(t: &RecordsStrings, metric: Metric, b: Option<i64>, change: &Change) -> String {
    match (change, b) {
        (Change::Value { abs, pct_tenths }, Some(b)) => {
            // A no-break space: the % stays on the line of its number in a narrow column.
            let pct = pct_tenths.map_or(t.not_applicable.to_string(), |p| format!("{}\u{a0}%", signed_tenths(p)));
            format!("{} ({pct})", crate::history::change_text(metric, *abs, b))
        }
        _ => "—".into(),
    }
}

/// The patient screen.
#[component]
pub fn PatientView(props: &PatientViewProps) -> Html {
    crate::components::use_focus_heading();
    crate::components::use_title_from_heading();
    let t = use_records_strings();
    let baseline_id = use_state(|| None::<String>);
    let Some(patient) = props.history.patient(&props.code).cloned() else {
        return html! {
            <div class="app">
                <p class="alert" role="alert">{ fill(t.no_such_patient, &[&props.code]) }</p>
                <a class="button" href="#history">{ t.history_title }</a>
            </div>
        };
    };
    let visits = props.history.visits_of(&props.code);
    let baseline = baseline_id
        .as_ref()
        .and_then(|id| visits.iter().find(|v| &v.id == id))
        .copied()
        .or_else(|| baseline_visit(&visits));
    // The baseline's whole time point (a day recorded as two visits is one, and so are
    // consecutive days labelled alike), compared with each later visit; visits up to its last
    // day have no change and no responder flags.
    // Its values are read once; each row's once too.
    let baseline_end = baseline.map(|b| time_point_end(&visits, b));
    let baseline_values = baseline.zip(baseline_end).map(|(b, end)| values_of(&time_point_to(&visits, b, end)));
    let compared = |v: &Visit| baseline_end.filter(|&end| v.date.as_str() > end).and(baseline_values.as_ref());
    let onbaseline = {
        let baseline_id = baseline_id.clone();
        Callback::from(move |e: Event| baseline_id.set(Some(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value())))
    };
    let onnote = {
        let (history, onchange, patient) = (props.history.clone(), props.onchange.clone(), patient.clone());
        Callback::from(move |e: Event| {
            let mut next = History::clone(&history);
            next.upsert_patient(Patient { note: e.target_unchecked_into::<HtmlInputElement>().value(), ..patient.clone() });
            onchange.emit(next);
        })
    };
    let ondelete = {
        let (history, onchange, code) = (props.history.clone(), props.onchange.clone(), props.code.clone());
        Callback::from(move |_: MouseEvent| {
            if gloo::dialogs::confirm(&fill(t.confirm_delete_patient, &[&code])) {
                let mut next = History::clone(&history);
                next.remove_patient(&code);
                onchange.emit(next);
                let _ = gloo::utils::window().location().set_hash("history");
            }
        })
    };
    let metrics: Vec<Metric> = Metric::ALL.into_iter().filter(|&m| visits.iter().any(|v| v.value(m).is_some())).collect();

    html! {
        <div class="app">
            <header class="top">
                <h1>{ fill(t.patient_heading, &[&patient.code]) }</h1>
                <nav class="top__nav" aria-label={t.nav_label}>
                    <a class="button button--quiet" href="#history">{ t.history_title }</a>
                    <a class="button button--quiet" href="#">{ t.back_to_exam }</a>
                    <crate::components::language_picker::LanguagePicker onlang={props.onlang.clone()} />
                </nav>
            </header>
            <main class="app__main">
                <section class="card">
                    <p data-testid="patient-dob">{ t.plan_dob }{ ": " }{ patient.dob.as_deref().map_or_else(|| "—".into(), |dob| t.date(dob)) }</p>
                    // An empty note is not printed (an empty box on paper).
                    <div class={classes!("field", patient.note.is_empty().then_some("no-print"))}>
                        <label for="patient-note">{ t.patient_note }</label>
                        <input id="patient-note" value={patient.note.clone()} onchange={onnote} />
                    </div>
                    <label class="select">
                        <span>{ t.baseline }</span>
                        <select id="baseline" onchange={onbaseline} aria-describedby="baseline-hint">
                            { for visits.iter().map(|v| html! {
                                <option value={v.id.clone()} selected={baseline.is_some_and(|b| b.id == v.id)}>
                                    { if v.label.is_empty() { t.date(&v.date) } else { format!("{} · {}", t.date(&v.date), v.label) } }
                                </option>
                            }) }
                        </select>
                    </label>
                    <p class="note" id="baseline-hint">{ t.baseline_hint }</p>
                </section>
                <section class="card" aria-labelledby="visits-title">
                    <h2 id="visits-title">{ t.visits }</h2>
                    // Wider than a portrait tablet or a phone with many scores: it scrolls sideways, by
                    // keyboard too (a tab stop), and each row's date stays in view (sticky).
                    <div class="table-wrap table-wrap--sticky" tabindex="0" role="region" aria-labelledby="visits-title">
                        <table class="table" data-testid="visits">
                            <thead>
                                <tr>
                                    <th scope="col">{ t.visit_date }</th>
                                    { for metrics.iter().map(|&m| html! { <th scope="col">{ t.metric(m) }</th> }) }
                                    <th scope="col">{ t.responders }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for visits.iter().map(|&v| {
                                    let values = values_of(v);
                                    let flags = compared(v).map(|b| responders_of(b, &values));
                                    let badges: Vec<&str> = flags.iter().flat_map(|r| {
                                        [(r.easi50, "EASI-50"), (r.easi75, "EASI-75"), (r.easi90, "EASI-90"), (r.itch4, t.itch_badge)]
                                            .into_iter().filter_map(|(hit, name)| (hit == Some(true)).then_some(name))
                                    }).collect();
                                    html! {
                                        <tr data-visit={v.id.clone()}>
                                            // The worksheet link sits under the visit it prints, not in a last
                                            // column that a phone's width pushes out of sight.
                                            <th scope="row">
                                                // A date on one line where there is room ("2025년 1월 / 6일" split it at 768 px).
                                                <span class="table__date">{ t.date(&v.date) }</span>{ if v.label.is_empty() { String::new() } else { format!(" · {}", v.label) } }
                                                <a class="table__action no-print" href={crate::app::screen_href("print", &v.id)}>{ t.print }</a>
                                            </th>
                                            { for metrics.iter().map(|&m| html! {
                                                <td>
                                                    { values[m.index()].map(|u| m.score_text(u, v.easi_bands, v.scorad_bands)).unwrap_or_else(|| "—".into()) }
                                                    if let Some(b) = compared(v) {
                                                        <span class="change" data-metric={m.key()}>{ change_text(t, m, b[m.index()], &change_of_values(b[m.index()], values[m.index()])) }</span>
                                                    }
                                                </td>
                                            }) }
                                            <td>{ for badges.iter().map(|b| html! { <span class="badge">{ *b }</span> }) }</td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    </div>
                </section>
                <section class="card charts" aria-labelledby="trends-title">
                    <h2 id="trends-title">{ t.trends }</h2>
                    { for metrics.iter().map(|&m| chart(t, m, &visits)) }
                    // Each questionnaire's copyright line where its scores are.
                    if metrics.contains(&Metric::Poem) {
                        { crate::components::poem_notice(t) }
                    }
                    if metrics.contains(&Metric::Dlqi) {
                        <p class="notice" data-testid="dlqi-notice">{ t.dlqi_notice }</p>
                    }
                </section>
                <section class="card no-print">
                    <button type="button" class="button button--danger" id="delete-patient" onclick={ondelete}>{ t.delete_patient }</button>
                </section>
            </main>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::GlobalRatings;

    fn visits_on(dates: &[&str]) -> Vec<Visit> {
        dates
            .iter()
            .enumerate()
            .map(|(i, d)| Visit {
                id: format!("v{i}"),
                patient: "AD-1".into(),
                date: (*d).into(),
                label: String::new(),
                assessments: Vec::new(),
                global: GlobalRatings::default(),
                reported_by: None,
                easi_bands: Default::default(),
                scorad_bands: Default::default(),
                app_version: "test".into(),
            })
            .collect()
    }

    fn positions(dates: &[&str]) -> Vec<f64> {
        let visits = visits_on(dates);
        time_positions(&visits.iter().collect::<Vec<_>>())
    }

    #[test]
    fn visits_sit_by_their_days_apart() {
        // Arrange: 0, 28 and 140 days from the first visit (a 4-week then a 16-week gap).
        let dates = ["2026-01-05", "2026-02-02", "2026-05-25"];

        // Act
        let along = positions(&dates);

        // Assert
        assert_eq!(along, vec![0.0, 28.0 / 140.0, 1.0]);
    }

    #[test]
    fn a_chart_draws_and_names_only_the_bands_it_shows() {
        // Assemble: EASI (Leshem) to 7, SCORAD (Kunz) to 25, itch NRS to 10.
        let drawn = |metric: Metric, top: u32| {
            drawn_bands(&metric.bands(Default::default(), Default::default()), top).into_iter().map(|(band, ..)| band).collect::<Vec<_>>()
        };
        // Act / Assert: EASI's "clear" (0 alone) is no stripe on a chart to 7; SCORAD's
        // "moderate" begins at the top of a chart to 25; "no itch" (0 alone) is a twentieth of 10.
        assert_eq!(drawn(Metric::Easi, 7), [Band::AlmostClear, Band::Mild]);
        assert_eq!(drawn(Metric::Scorad, 25), [Band::Mild]);
        assert_eq!(drawn(Metric::Scorad, 50), [Band::Mild, Band::Moderate]);
        assert_eq!(drawn(Metric::ItchNrs, 10), [Band::NoItch, Band::Mild, Band::Moderate, Band::Severe, Band::VerySevere]);
    }

    #[test]
    fn one_visit_or_one_day_sits_in_the_middle() {
        assert_eq!(positions(&["2026-01-05"]), vec![0.5]);
        assert_eq!(positions(&["2026-01-05", "2026-01-05"]), vec![0.5, 0.5]);
    }

    #[test]
    fn an_unreadable_date_spaces_the_visits_evenly_in_order() {
        assert_eq!(positions(&["2026-01-05", "5 Jan", "2026-05-25"]), vec![0.0, 0.5, 1.0]);
        assert_eq!(positions(&["soon", "soon"]), vec![0.0, 1.0]);
        assert_eq!(positions(&["soon"]), vec![0.5]);
    }
}
