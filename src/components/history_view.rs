//! The history screen: patients on this device, the study cohort summary, and export,
//! import and batch scoring — all files made and read in the browser.

use crate::components::{use_records_strings, Shared};
use crate::history::{batch, cohort_among, csv, Cohort, fhir, io, merge, default_target_among, percent_of, signed_tenths, targets_among, visits_by_patient, History, Reporter};
use crate::i18n::{fill, RecordsStrings};
use crate::store;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`HistoryView`].
#[derive(Properties, Clone, PartialEq)]
pub struct HistoryViewProps {
    /// The stored history.
    pub history: Shared<History>,
    /// Called with a changed history (saved at once).
    pub onchange: Callback<History>,
    /// Changes the language.
    pub onlang: Callback<crate::i18n::Lang>,
    /// The last change was not saved (said above the screen): "Imported" is not shown with it.
    #[prop_or_default]
    pub refused: bool,
}

/// How many patients the history screen lists before "List all".
pub const FIRST_LISTED: usize = 100;

/// "3 of 10 (30 %)".
fn share(t: &RecordsStrings, (count, of): (usize, usize)) -> String {
    match percent_of(count, of) {
        Some(percent) => fill(t.share, &[&count, &of, &percent]),
        None => t.not_applicable.to_string(),
    }
}

/// `codes` under a folded heading (`label`, filled with their number), each code a link to the
/// patient's page; nothing when there are none.
fn patients_listed(label: &'static str, testid: &'static str, codes: &[String]) -> Html {
    if codes.is_empty() {
        return html! {};
    }
    html! {
        <details class="cohort__who" data-testid={testid}>
            <summary>{ fill(label, &[&codes.len()]) }</summary>
            <ul class="cohort__codes">
                { for codes.iter().map(|code| html! {
                    <li><a class="code" href={crate::app::screen_href("patient", code)}>{ code }</a></li>
                }) }
            </ul>
        </details>
    }
}

/// The cohort's patient ratings: disease status on the baseline's day and the chosen visit's,
/// then the treatment effect at the chosen visit; each rating as a share of the patients who
/// gave one that day ("2 of 3 (67 %)"). Nothing when none of the patients compared gave one.
fn ratings(t: &RecordsStrings, summary: &Cohort, target: &str) -> Html {
    let rated = |counts: &[usize]| counts.iter().sum::<usize>();
    let [before, after] = &summary.status;
    if rated(before) + rated(after) + rated(&summary.effect) == 0 {
        return Html::default();
    }
    html! {
        <>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="cohort-status-caption">
                <table class="table" data-testid="cohort-status">
                    <caption id="cohort-status-caption">{ t.cohort_status }</caption>
                    <thead><tr><th scope="col">{ t.rating }</th><th scope="col">{ t.baseline }</th><th scope="col">{ target }</th></tr></thead>
                    <tbody>
                        { for (0..5).map(|v| html! {
                            <tr>
                                <th scope="row">{ t.disease_status(v as u8) }</th>
                                <td>{ share(t, (before[v], rated(before))) }</td>
                                <td>{ share(t, (after[v], rated(after))) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="cohort-effect-caption">
                <table class="table" data-testid="cohort-effect">
                    <caption id="cohort-effect-caption">{ fill(t.cohort_effect, &[&target]) }</caption>
                    <thead><tr><th scope="col">{ t.rating }</th><th scope="col">{ target }</th></tr></thead>
                    <tbody>
                        { for (0..7).map(|v| html! {
                            <tr>
                                <th scope="row">{ t.treatment_effect(v as u8) }</th>
                                <td>{ share(t, (summary.effect[v], rated(&summary.effect))) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            // A parent's rating for a child is counted with the patients' own: said, with how many.
            if summary.by_parent > 0 {
                <p class="note" data-testid="cohort-by-parent">
                    { fill(t.cohort_by_parent, &[&summary.by_parent, &(rated(before) + rated(after) + rated(&summary.effect))]) }
                </p>
            }
        </>
    }
}

/// An import plan's differing patient or visit detail: the field by its short name and its
/// value on the device and in the file ("Visit label: baseline → week four"); for the global
/// ratings, each rating the file changes, so ("Disease status: Moderate → Mild"), and who gave
/// each where that differs ("… · Answered by: The patient → A parent or carer").
fn detail_change(t: &RecordsStrings, c: &merge::DetailConflict) -> String {
    let or_dash = |v: Option<&str>| v.filter(|v| !v.is_empty()).unwrap_or("—").to_string();
    let change = |field: &str, existing: Option<&str>, incoming: Option<&str>| fill(t.plan_change, &[&field, &or_dash(existing), &or_dash(incoming)]);
    match (&c.existing, &c.incoming) {
        (merge::Detail::DateOfBirth(a), merge::Detail::DateOfBirth(b)) => change(t.plan_dob, a.as_deref(), b.as_deref()),
        (merge::Detail::Note(a), merge::Detail::Note(b)) => change(t.plan_note, Some(a), Some(b)),
        (merge::Detail::Label(a), merge::Detail::Label(b)) => change(t.plan_label, Some(a), Some(b)),
        (merge::Detail::Global(a), merge::Detail::Global(b)) => t.global_change(a, b),
        (merge::Detail::ReportedBy(a), merge::Detail::ReportedBy(b)) => answered_by_change(t, *a, *b),
        // Another person's rating: the change, and who gave each (taken, it is filed as theirs).
        (merge::Detail::Rated(a, a_by), merge::Detail::Rated(b, b_by)) if a_by != b_by => {
            format!("{} · {}", t.global_change(a, b), answered_by_change(t, *a_by, *b_by))
        }
        (merge::Detail::Rated(a, _), merge::Detail::Rated(b, _)) => t.global_change(a, b),
        _ => String::new(),
    }
}

/// Who answered, on the device and in the file ("Answered by: The patient → A parent or carer").
fn answered_by_change(t: &RecordsStrings, existing: Option<Reporter>, incoming: Option<Reporter>) -> String {
    fill(t.plan_change, &[&t.answered_by, &t.reporter(existing), &t.reporter(incoming)])
}

/// An import plan's differing assessment: the instrument by name and its score on the device
/// and in the file ("EASI: 7.2 → 9.4"), or that only the entries behind the score differ; and
/// who gave each, for a patient's answer the file says another person gave.
fn score_change(t: &RecordsStrings, conflict: &merge::Conflict) -> String {
    let name = t.instrument(&conflict.instrument);
    let change = match conflict.scores() {
        [existing, incoming] if existing == incoming => fill(t.plan_same_score, &[&name, &existing]),
        [existing, incoming] => fill(t.plan_change, &[&name, &existing, &incoming]),
    };
    // A patient's answer the file says another person gave: who gave each (taken, it is filed
    // as theirs).
    match conflict.answered_by {
        [mine, Some(theirs)] if conflict.incoming.is_patient_reported() && mine != Some(theirs) => {
            format!("{change} · {}", answered_by_change(t, mine, Some(theirs)))
        }
        _ => change,
    }
}

/// Text with [`crate::i18n::UNBROKEN`] kept on one line ("UTF-8" never "UTF-" / "8"), as one
/// span: in a button (a flex box) each piece on its own would be laid out as a box of its own.
fn unbroken(text: &'static str) -> Html {
    html! {
        <span>
            { for crate::i18n::unbroken_pieces(text).into_iter().map(|(piece, kept)| if kept {
                html! { <span class="nowrap">{ piece }</span> }
            } else {
                html! { piece }
            }) }
        </span>
    }
}

/// Reads the file chosen in an input, then hands its text on.
fn on_file(input: NodeRef, limit: usize, then: Callback<Result<String, io::ImportError>>) -> Callback<Event> {
    Callback::from(move |_: Event| {
        let (input, then) = (input.clone(), then.clone());
        if let Some(element) = input.cast::<HtmlInputElement>() {
            yew::platform::spawn_local(async move {
                match store::read(element.clone(), limit).await {
                    Ok(Some(text)) => then.emit(Ok(text)),
                    Ok(None) => {}
                    Err(why) => then.emit(Err(why)),
                }
                element.set_value("");
            });
        }
    })
}

/// A file input with a button in the app's language: the browser's own says "Choose File" in
/// the browser's language and cuts the file name short on a phone. The input keeps the focus
/// (its ring drawn on the button); it is named by the field's label, then the button's words.
fn file_picker(t: &RecordsStrings, id: &'static str, accept: &'static str, node: NodeRef, onchange: Callback<Event>) -> Html {
    html! {
        <>
            <input type="file" class="visually-hidden file__input" {id} {accept} ref={node} {onchange} />
            <label for={id} class="button button--quiet file__button">{ t.choose_file }</label>
        </>
    }
}

/// The figures the history screen shows of the visits.
struct Overview {
    /// The cohort's visits to choose from ([`targets_among`]).
    options: Vec<String>,
    /// The visit the cohort is shown at: the one chosen while the history still has it, else the
    /// default (the history may have changed under the choice: an import into an empty history,
    /// a deletion). The choice shown and the figures under it are one value.
    target: String,
    /// The cohort at `target`.
    summary: crate::history::Cohort,
    /// Each patient's (in the history's order) number of visits and last visit date.
    patients: Vec<(usize, Option<String>)>,
}

impl Overview {
    /// One pass over the visits for the cohort's choices and figures and the patients table (not
    /// one per patient, nor one for each); `chosen`: the visit the researcher chose, if any.
    fn of(history: &History, chosen: Option<&str>) -> Self {
        let by_patient = visits_by_patient(history);
        let options = targets_among(history, &by_patient);
        let target = match chosen {
            Some(chosen) if options.iter().any(|o| o == chosen) => chosen.to_string(),
            _ => default_target_among(history, options.clone()),
        };
        let summary = cohort_among(history, &by_patient, &target);
        let patients = history.patients.iter().map(|p| {
            let visits = by_patient.get(p.code.as_str()).map(Vec::as_slice).unwrap_or_default();
            (visits.len(), visits.last().map(|v| v.date.clone()))
        }).collect();
        Overview { options, target, summary, patients }
    }
}

/// The history screen.
#[component]
pub fn HistoryView(props: &HistoryViewProps) -> Html {
    crate::components::use_focus_heading();
    crate::components::use_title_from_heading();
    let t = use_records_strings();
    let history = &props.history;
    // The cohort's visit as chosen; none chosen yet: the default (worked out below).
    let target = use_state(|| None::<String>);
    let plan = use_state(|| None::<(History, merge::MergePlan)>);
    // The plan shown was made again at "Add": the history had changed since the file was read.
    let replanned = use_state(|| false);
    let message = use_state(|| None::<Result<String, String>>);
    let batch_errors = use_state(Vec::<batch::BatchError>::new);
    {
        // An import is saved after "Imported" is shown; refused, the message is taken back.
        let message = message.clone();
        use_effect_with(props.refused, move |refused| {
            if *refused && matches!(*message, Some(Ok(_))) {
                message.set(None);
            }
        });
    }
    let import_ref = use_node_ref();
    let batch_ref = use_node_ref();
    let (plan_ref, message_ref) = (use_node_ref(), use_node_ref());
    {
        // The keyboard focus follows the import: to the plan when a file was read (it says what
        // the file would do), then to what was done ("Imported: …") or, cancelled, back to the
        // file's button; never left on the page's body when the button pressed goes away.
        let (plan_ref, message_ref, import_ref) = (plan_ref.clone(), message_ref.clone(), import_ref.clone());
        let was_shown = use_mut_ref(|| false);
        use_effect_with(plan.is_some(), move |&shown| {
            let before = was_shown.replace(shown);
            if shown && !before {
                if let Some(plan) = plan_ref.cast::<web_sys::Element>() {
                    crate::components::focus(&plan);
                }
            } else if before && !shown {
                if let Some(next) = message_ref.cast::<web_sys::Element>().or_else(|| import_ref.cast::<web_sys::Element>()) {
                    crate::components::focus_if_lost(&next);
                }
            }
        });
    }

    {
        // A new message (an import refused, batch scoring done, the history deleted) is shown at
        // the top of the screen, far from the control used: the focus goes to it, which scrolls
        // it into view and has it read.
        let message_ref = message_ref.clone();
        use_effect_with((*message).clone(), move |shown| {
            if shown.is_some() {
                if let Some(element) = message_ref.cast::<web_sys::Element>() {
                    crate::components::focus(&element);
                }
            }
        });
    }
    let export = |kind: &'static str| {
        let history = history.clone();
        Callback::from(move |_: MouseEvent| match kind {
            "json" => store::download("adscore-history.json", "application/json", &io::to_json(&history)),
            "csv" => store::download("adscore-history.csv", "text/csv;charset=utf-8", &csv::to_csv(&history, false)),
            "excel" => store::download("adscore-history-excel.csv", "text/csv;charset=utf-8", &csv::to_csv(&history, true)),
            _ => store::download("adscore-fhir-bundle.json", "application/fhir+json", &fhir::bundle(&history).to_string()),
        })
    };
    let onimport = {
        let (plan, replanned, message, existing) = (plan.clone(), replanned.clone(), message.clone(), history.clone());
        on_file(import_ref.clone(), io::MAX_IMPORT_BYTES, Callback::from(move |text: Result<String, io::ImportError>| {
            // A new file's plan, or none: a file refused takes the place of the one read before,
            // so that "nothing was changed" cannot be followed by applying the other file.
            replanned.set(false);
            match text.and_then(|text| io::from_json(&text)) {
                Ok(incoming) => {
                    let merge_plan = merge::plan_merge(&existing, &incoming);
                    plan.set(Some((incoming, merge_plan)));
                    message.set(None);
                }
                Err(why) => {
                    plan.set(None);
                    message.set(Some(Err(fill(t.import_failed, &[&t.import_error(&why)]))));
                }
            }
        }))
    };
    let apply = |overwrite: bool| {
        let (plan, replanned, message, existing, onchange) =
            (plan.clone(), replanned.clone(), message.clone(), history.clone(), props.onchange.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((incoming, merge_plan)) = &*plan {
                // Another window may have saved since the file was read: apply only the plan the
                // user has seen for the history as it is now.
                if let Some(now) = merge::recheck(merge_plan, &existing, incoming) {
                    plan.set(Some((incoming.clone(), now)));
                    replanned.set(true);
                    message.set(None);
                    return;
                }
                let mut next = History::clone(&existing);
                merge::apply_merge(&mut next, merge_plan, overwrite);
                onchange.emit(next);
                let replaced = merge_plan.conflicts.len() + merge_plan.detail_conflicts.len();
                message.set(Some(Ok(if overwrite && replaced > 0 {
                    fill(t.import_done_replaced, &[&merge_plan.new_visits.len(), &replaced])
                } else {
                    fill(t.import_done, &[&merge_plan.new_visits.len()])
                })));
            }
            plan.set(None);
        })
    };
    let onbatch = {
        let (message, batch_errors) = (message.clone(), batch_errors.clone());
        on_file(batch_ref.clone(), io::MAX_IMPORT_BYTES, Callback::from(move |text: Result<String, io::ImportError>| match text {
            Ok(text) => {
                let result = batch::score_csv(&text);
                store::download("adscore-scored.csv", "text/csv;charset=utf-8", &result.output_csv);
                // Rows with errors: said as an alert (they are listed below it), not as a success.
                let said = fill(t.batch_done, &[&result.scored, &result.errors.len()]);
                message.set(Some(if result.errors.is_empty() { Ok(said) } else { Err(said) }));
                batch_errors.set(result.errors);
            }
            Err(why) => message.set(Some(Err(fill(t.import_failed, &[&t.import_error(&why)])))),
        }))
    };
    let ondelete_all = {
        let (onchange, message) = (props.onchange.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            if gloo::dialogs::confirm(t.confirm_delete_all) {
                onchange.emit(History::default());
                // With it, the copies of an unreadable history or examination kept aside.
                crate::draft::delete_set_aside();
                let message = message.clone();
                yew::platform::spawn_local(async move {
                    message.set(Some(match store::delete_all_set_aside().await {
                        Ok(()) => Ok(t.deleted_all.to_string()),
                        Err(why) => Err(fill(t.history_not_saved, &[&why.trim_end_matches('.')])),
                    }));
                });
            }
        })
    };
    let ontarget = {
        let target = target.clone();
        Callback::from(move |e: Event| target.set(Some(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value())))
    };
    // A study can hold hundreds of patients: the first ones are listed, the rest on request
    // (each patient also opens from a link, the cohort counts them all).
    let all_listed = use_state(|| false);
    let listed = if *all_listed { history.patients.len() } else { history.patients.len().min(FIRST_LISTED) };
    let onshowall = {
        let all_listed = all_listed.clone();
        Callback::from(move |_: MouseEvent| all_listed.set(true))
    };
    // The button goes once all are listed: the focus goes to the first patient newly shown, where
    // reading goes on (not to the page's body, the next Tab past the whole list).
    use_effect_with(*all_listed, |&all| {
        let selector = format!("[data-testid=\"patients\"] tbody tr:nth-child({}) a", FIRST_LISTED + 1);
        if let Some(link) = all.then(|| gloo::utils::document().query_selector(&selector).ok().flatten()).flatten() {
            crate::components::focus(&link);
        }
    });
    // What the screen shows of the visits, worked out in one pass over them and again only when
    // the history or the cohort's chosen visit changes (not when a message, an import plan or
    // "List all" draws the screen again: at 10,000 visits that is a fifth of a second at 4× CPU).
    let overview = use_memo((history.clone(), (*target).clone()), |(history, chosen)| Overview::of(history, chosen.as_deref()));
    let Overview { options, target, summary, patients: rows } = &*overview;

    html! {
        <div class="app">
            <header class="top">
                <h1>{ t.history_title }</h1>
                <nav class="top__nav" aria-label={t.nav_label}>
                    <a class="button button--quiet" href="#">{ t.back_to_exam }</a>
                    <crate::components::language_picker::LanguagePicker onlang={props.onlang.clone()} />
                </nav>
            </header>
            <main class="app__main">
                { match &*message {
                    Some(Ok(text)) => html! { <p class="ok" role="status" ref={message_ref.clone()}>{ text }</p> },
                    Some(Err(text)) => html! { <p class="alert" role="alert" ref={message_ref.clone()}>{ text }</p> },
                    None => html! {},
                } }
                <section class="card" aria-labelledby="patients-title">
                    <h2 id="patients-title">{ t.patients_title }</h2>
                    if history.patients.is_empty() {
                        <p class="muted">{ t.no_patients }</p>
                    } else {
                        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="patients-title">
                            <table class="table" data-testid="patients">
                                <thead><tr><th scope="col">{ t.patient_code_column }</th><th scope="col">{ t.visits }</th><th scope="col">{ t.last_visit }</th></tr></thead>
                                <tbody>
                                    { for history.patients.iter().zip(rows).take(listed).map(|(p, (visits, last))| html! {
                                        <tr>
                                            <th scope="row"><a class="code" href={crate::app::screen_href("patient", &p.code)}>{ &p.code }</a></th>
                                            <td>{ visits }</td>
                                            <td>{ last.as_deref().map(|date| t.date(date)).unwrap_or_default() }</td>
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                        if listed < history.patients.len() {
                            <p class="muted" data-testid="patients-shown">{ fill(t.patients_shown, &[&listed, &history.patients.len()]) }</p>
                            <button type="button" class="button button--quiet" id="show-all-patients" onclick={onshowall}>
                                { fill(t.show_all_patients, &[&history.patients.len()]) }
                            </button>
                        }
                    }
                </section>
                <section class="card" aria-labelledby="cohort-title">
                    <h2 id="cohort-title">{ t.cohort_title }</h2>
                    <p class="intro">{ t.cohort_intro }</p>
                    // No visit to choose (no labels, no second visit day): nothing to count, said once
                    // instead of a blank choice and a table of zeros.
                    if options.is_empty() {
                        <p class="muted" data-testid="cohort-nothing">{ t.cohort_nothing }</p>
                    } else {
                        <label class="select">
                            <span>{ t.cohort_visit }</span>
                            <select id="cohort-visit" onchange={ontarget}>
                                { for options.iter().map(|l| html! { <option value={l.clone()} selected={target == l}>{ l.clone() }</option> }) }
                            </select>
                        </label>
                        <dl class="cohort" data-testid="cohort">
                            <dt>{ t.cohort_patients }</dt><dd>{ fill(t.share_plain, &[&summary.with_both, &summary.patients]) }</dd>
                            <dt>{ "EASI-50" }</dt><dd data-testid="cohort-easi50">{ share(t, summary.easi50) }</dd>
                            <dt>{ "EASI-75" }</dt><dd data-testid="cohort-easi75">{ share(t, summary.easi75) }</dd>
                            <dt>{ "EASI-90" }</dt><dd data-testid="cohort-easi90">{ share(t, summary.easi90) }</dd>
                            <dt>{ t.itch_responders }</dt><dd>{ share(t, summary.itch4) }</dd>
                        </dl>
                        // Who is counted: those not compared or not evaluable are not non-responders.
                        <p class="muted" data-testid="cohort-counted">{ fill(t.cohort_counted, &[
                            &summary.with_both, &summary.patients, &summary.easi50.1, &summary.easi_zero_baseline, &summary.itch4.1,
                        ]) }</p>
                        // Who is out, by code (each a link to the patient's page), folded: a list of
                        // hundreds at a label few patients have reached stays out of the way.
                        { patients_listed(t.cohort_not_compared, "cohort-not-compared", &summary.not_compared) }
                        { patients_listed(t.cohort_no_easi50, "cohort-no-easi50", &summary.easi_not_evaluable) }
                        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="cohort-title">
                            <table class="table">
                                <thead><tr><th scope="col">{ t.score }</th><th scope="col">{ "n" }</th><th scope="col">{ t.mean_change }</th><th scope="col">{ t.median_change }</th></tr></thead>
                                <tbody>
                                    { for summary.rows.iter().map(|row| html! {
                                        <tr>
                                            <th scope="row">{ t.metric(row.metric) }</th>
                                            <td>{ row.n }</td>
                                            <td>{ row.mean_change.map_or("—".to_string(), signed_tenths) }</td>
                                            <td>{ row.median_change.map_or("—".to_string(), signed_tenths) }</td>
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                        { ratings(t, &summary, &target) }
                    }
                </section>
                <section class="card" aria-labelledby="files-title">
                    <h2 id="files-title">{ t.files_title }</h2>
                    <p class="intro">{ t.files_intro }</p>
                    <div class="buttons">
                        <button type="button" class="button" id="export-json" onclick={export("json")}>{ t.export_json }</button>
                        <button type="button" class="button button--quiet" id="export-csv" onclick={export("csv")}>{ t.export_csv }</button>
                        <button type="button" class="button button--quiet" id="export-excel" onclick={export("excel")}>{ unbroken(t.export_excel) }</button>
                        <button type="button" class="button button--quiet" id="export-fhir" onclick={export("fhir")}>{ t.export_fhir }</button>
                    </div>
                    <div class="field">
                        <label for="import-json">{ t.import_json }</label>
                        { file_picker(t, "import-json", ".json,application/json", import_ref, onimport) }
                    </div>
                    if let Some((_, merge_plan)) = &*plan {
                        <div class="plan" role="region" aria-label={t.import_json} data-testid="import-plan" ref={plan_ref.clone()}>
                            if *replanned {
                                <p class="alert" role="alert" data-testid="import-changed">{ t.import_changed }</p>
                            }
                            <p>{ fill(t.import_plan, &[&merge_plan.new_patients.len(), &merge_plan.new_visits.len(), &merge_plan.duplicates,
                                &(merge_plan.conflicts.len() + merge_plan.detail_conflicts.len())]) }</p>
                            // A new code that only looks like one on the device ("ＡＤ－０１７", "ad-017"):
                            // said before a second patient splits one patient's visits.
                            { for merge_plan.new_patients.iter().filter_map(|p| {
                                history.patients.iter().find(|e| crate::history::similar_codes(&p.code, &e.code)).map(|e| html! {
                                    <p class="alert" data-testid="import-similar">{ fill(t.plan_similar, &[&p.code, &e.code]) }</p>
                                })
                            }) }
                            if merge_plan.has_conflicts() {
                                <ul>
                                    { for merge_plan.conflicts.iter().map(|c| html! {
                                        <li>{ format!("{} · {} · {}", c.patient, t.date(&c.date), score_change(t, c)) }</li>
                                    }) }
                                    // A patient's own detail has no date: none written between two "·".
                                    { for merge_plan.detail_conflicts.iter().map(|c| html! {
                                        <li>{ if c.date.is_empty() { format!("{} · {}", c.patient, detail_change(t, c)) }
                                            else { format!("{} · {} · {}", c.patient, t.date(&c.date), detail_change(t, c)) } }</li>
                                    }) }
                                </ul>
                            }
                            <div class="buttons">
                                <button type="button" class="button" id="import-apply" onclick={apply(false)}>{ t.import_apply }</button>
                                if merge_plan.has_conflicts() {
                                    <button type="button" class="button button--quiet" id="import-overwrite" onclick={apply(true)}>{ t.import_overwrite }</button>
                                }
                                <button type="button" class="button button--quiet" onclick={{ let plan = plan.clone(); Callback::from(move |_: MouseEvent| plan.set(None)) }}>{ t.cancel }</button>
                            </div>
                        </div>
                    }
                    <div class="field">
                        <label for="batch-csv">{ t.batch_title }</label>
                        <span class="field__hint">{ t.batch_hint }</span>
                        <div class="buttons">
                            { file_picker(t, "batch-csv", ".csv,text/csv", batch_ref, onbatch) }
                            <button type="button" class="button button--quiet" id="batch-template"
                                onclick={Callback::from(|_: MouseEvent| store::download("adscore-batch-template.csv", "text/csv;charset=utf-8", &batch::template()))}>
                                { t.batch_template }
                            </button>
                        </div>
                    </div>
                    if !batch_errors.is_empty() {
                        <ul class="errors" data-testid="batch-errors">
                            { for batch_errors.iter().map(|e| html! { <li>{ fill(t.batch_error, &[&e.line, &t.batch_problem(&e.reason)]) }</li> }) }
                        </ul>
                    }
                </section>
                <section class="card">
                    <h2>{ t.erase_title }</h2>
                    <p class="intro">{ t.privacy_note }</p>
                    <button type="button" class="button button--danger" id="delete-all" onclick={ondelete_all}>{ t.delete_all }</button>
                </section>
            </main>
        </div>
    }
}
