//! Merging an imported history into the one on the device, without duplicates and without
//! silent overwrites: [`plan_merge`] says what would change, [`apply_merge`] does it.
//!
//! An assessment is identified by **patient code + visit date + instrument**
//! (`docs/history-format.md`). For each incoming assessment:
//! - the key is new → it is added (in a new visit carrying the incoming visit's label,
//!   global ratings, who answered, band systems and app version; on a day the device already
//!   has visits, their label and ratings instead, the day keeping one of each, and where the
//!   file says otherwise a [`DetailConflict`]);
//! - the key exists with an equal record → a duplicate, skipped;
//! - the key exists with a different record → a [`Conflict`], applied only when asked.
//!
//! Patient details (date of birth, note) and visit details (label, global ratings, who
//! answered) that the incoming file would change are [`DetailConflict`]s, applied only when
//! asked as well. Empty incoming details (no date of birth, empty note or label, no rating, no
//! one named as answering) never conflict.

use super::{instrument_key, GlobalRatings, History, Metric, Patient, Reporter, Visit};
use crate::scoring::Assessment;
use std::collections::{HashMap, HashSet};

/// One assessment that exists on both sides with different contents.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// Patient code.
    pub patient: String,
    /// Visit date, YYYY-MM-DD.
    pub date: String,
    /// Instrument key (`"easi"` …).
    pub instrument: String,
    /// The record on the device.
    pub existing: Assessment,
    /// The record in the file.
    pub incoming: Assessment,
    /// Who answered the device's visit holding it and the file's visit, for a patient-reported
    /// record: taken, the file's goes to the visit of the person the file names (as a rating
    /// does, [`Detail::Rated`]).
    pub answered_by: [Option<Reporter>; 2],
}

impl Conflict {
    /// The instrument's score on the device and in the file as the screens show it ("7.2" →
    /// "9.4"; "—" when not scored), for the import plan to say what differs (the same score
    /// twice when only the entries behind it differ).
    pub fn scores(&self) -> [String; 2] {
        let text = |record: &Assessment| {
            let metric = Metric::from_key(&self.instrument)?;
            Some(metric.text(metric.value_of(&record.score_with(Default::default(), Default::default()).ok()?)?))
        };
        [&self.existing, &self.incoming].map(|record| text(record).unwrap_or_else(|| "—".to_string()))
    }
}

/// A patient or visit detail that the file would change.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// Patient's date of birth.
    DateOfBirth(Option<String>),
    /// Patient's local note.
    Note(String),
    /// Visit's study label.
    Label(String),
    /// Visit's global ratings.
    Global(GlobalRatings),
    /// Who answered the visit's questionnaires.
    ReportedBy(Option<Reporter>),
    /// Global ratings with who gave them: the file's, naming who gave them, and the device's
    /// visit's asked about. Taken, the file's go to the visit of its person that day (theirs,
    /// else a new one), the day keeping one rating of each kind.
    Rated(GlobalRatings, Option<Reporter>),
}

/// A detail that differs between the device and the file.
#[derive(Clone, Debug, PartialEq)]
pub struct DetailConflict {
    /// Patient code.
    pub patient: String,
    /// The device's visit (for label and global ratings); `None` for patient details.
    pub visit_id: Option<String>,
    /// The visit date (empty for patient details).
    pub date: String,
    /// The value on the device.
    pub existing: Detail,
    /// The value in the file.
    pub incoming: Detail,
}

/// What a merge would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergePlan {
    /// Patients not on the device.
    pub new_patients: Vec<Patient>,
    /// Visits to add: each holds only the incoming assessments whose key is new (ids that
    /// are already taken on the device are replaced by fresh ones).
    pub new_visits: Vec<Visit>,
    /// Incoming assessments (and assessment-less visits) already on the device unchanged.
    pub duplicates: usize,
    /// Assessments that differ; applied only with `overwrite_conflicts`.
    pub conflicts: Vec<Conflict>,
    /// Patient and visit details that differ; applied only with `overwrite_conflicts`.
    pub detail_conflicts: Vec<DetailConflict>,
}

impl MergePlan {
    /// Whether applying the plan would change nothing (without overwriting).
    pub fn adds_nothing(&self) -> bool {
        self.new_patients.is_empty() && self.new_visits.is_empty()
    }

    /// Whether anything needs the user's decision.
    pub fn has_conflicts(&self) -> bool {
        !self.conflicts.is_empty() || !self.detail_conflicts.is_empty()
    }
}

type Key<'a> = (&'a str, &'a str, &'static str);

/// What merging `incoming` into `existing` would do; changes nothing.
pub fn plan_merge(existing: &History, incoming: &History) -> MergePlan {
    let mut plan = MergePlan::default();
    let mut index: HashMap<Key, (&Visit, &Assessment)> = HashMap::new();
    let mut days: HashMap<(&str, &str), Vec<&Visit>> = HashMap::new();
    for visit in &existing.visits {
        days.entry((&visit.patient, &visit.date)).or_default().push(visit);
        for a in &visit.assessments {
            index.entry((&visit.patient, &visit.date, instrument_key(a))).or_insert((visit, a));
        }
    }
    let mut known: HashSet<&str> = existing.patients.iter().map(|p| p.code.as_str()).collect();
    for patient in &incoming.patients {
        match existing.patient(&patient.code) {
            Some(mine) => patient_details(&mut plan, mine, patient),
            None if known.insert(&patient.code) => plan.new_patients.push(patient.clone()),
            None => {}
        }
    }
    let mut taken: HashSet<String> = existing.visits.iter().map(|v| v.id.clone()).collect();
    let mut planned: HashSet<Key> = HashSet::new();
    for visit in &incoming.visits {
        if !known.contains(visit.patient.as_str()) {
            continue;
        }
        // The device's visits that day.
        let same_day = days.get(&(visit.patient.as_str(), visit.date.as_str())).map_or(&[][..], Vec::as_slice);
        let mut fresh = Vec::new();
        let mut twin = None;
        for a in &visit.assessments {
            let key = (visit.patient.as_str(), visit.date.as_str(), instrument_key(a));
            match index.get(&key) {
                Some(&(mine, existing_a)) => {
                    twin.get_or_insert(mine);
                    if existing_a == a {
                        plan.duplicates += 1;
                    } else {
                        plan.conflicts.push(Conflict {
                            patient: visit.patient.clone(),
                            date: visit.date.clone(),
                            instrument: key.2.to_string(),
                            existing: *existing_a,
                            incoming: *a,
                            answered_by: [mine.reported_by, visit.reported_by],
                        });
                    }
                }
                // Twice in the file (only possible in a history that was not validated).
                None if !planned.insert(key) => plan.duplicates += 1,
                None => fresh.push(*a),
            }
        }
        // The device's visit that day answered by the person the file's names.
        let by_person = visit.reported_by.and_then(|by| same_day.iter().copied().find(|v| v.reported_by == Some(by)));
        if twin.is_some() {
            // Some of its assessments are on the device that day: it is compared with the
            // device's visit answered by the person it names, else the one with its id holding
            // one of them, else the one holding the first of them. (The person first: a visit
            // of theirs added by an earlier import of the file is what it is compared with the
            // next time, so a second import asks nothing the first did not.)
            let holds_theirs = |v: &Visit| visit.assessments.iter().any(|a| v.assessment(instrument_key(a)).is_some());
            let by_id = same_day.iter().copied().find(|v| v.id == visit.id && holds_theirs(v));
            twin = by_person.or(by_id).or(twin);
        }
        if visit.assessments.is_empty() {
            // A visit of ratings alone (or of nothing) is the device's visit that day with its id;
            // else the one answered by the person it names; else, naming no one, the one holding
            // a kind of rating it gives. Otherwise it is a visit of its own (another person's
            // ratings that day).
            let g = visit.global;
            let holds = |v: &Visit| (g.status.is_some() && v.global.status.is_some()) || (g.effect.is_some() && v.global.effect.is_some());
            twin = same_day.iter().copied().find(|v| v.id == visit.id).or_else(|| match visit.reported_by {
                Some(_) => by_person,
                None => same_day.iter().copied().find(|v| holds(v)),
            });
            match twin {
                None if same_day.is_empty() => plan.new_visits.push(with_fresh_id(visit.clone(), &mut taken)),
                None => {
                    // Another person's ratings on a day the device holds: a visit of their own,
                    // the day keeping one label and one rating of each kind.
                    let mut added = visit.clone();
                    let asked = plan.detail_conflicts.len();
                    day_details(&mut plan, same_day, visit, &mut added);
                    if added.global != GlobalRatings::default() {
                        plan.new_visits.push(with_fresh_id(added, &mut taken));
                    } else if plan.detail_conflicts.len() == asked {
                        plan.duplicates += 1;
                    }
                    continue;
                }
                Some(_) => {}
            }
        }
        let asked = plan.detail_conflicts.len();
        if !fresh.is_empty() {
            let mut added = Visit { assessments: fresh, ..visit.clone() };
            day_details(&mut plan, same_day, visit, &mut added);
            plan.new_visits.push(with_fresh_id(added, &mut taken));
        } else if let Some(mine) = twin {
            // Who answered speaks for the answers a visit holds. Another visit of the file's
            // corrects it only by giving every answer of this one again (as a save does,
            // `History::day_update`): one holding none (the clinician's EASI alone) or some (a
            // parent's rating sent with it) says nothing about who gave the rest. The same visit,
            // by its id, may correct it.
            let speaks_for_answers = mine.id == visit.id || (visit.has_answers() && gives_every_answer(visit, mine));
            let mut changes = visit_changes(mine, visit);
            // The day has one label: one the day holds on another visit is no change.
            let day_says = |label: &str| same_day.iter().any(|v| super::same_label(&v.label, label));
            changes.retain(|(_, incoming)| match incoming {
                Detail::ReportedBy(_) => speaks_for_answers,
                Detail::Label(label) => !day_says(label),
                _ => true,
            });
            visit_details(&mut plan, mine, changes);
            rating_details(&mut plan, same_day, visit, Some(mine));
            if visit.assessments.is_empty() && plan.detail_conflicts.len() == asked {
                // The file says nothing the day does not (details it leaves empty never count).
                plan.duplicates += 1;
            }
        }
    }
    plan
}

/// Whether the file's visit `theirs` gives every answer of the device's `mine` again: each of
/// its patient-reported assessments (by instrument) and each kind of global rating it holds.
fn gives_every_answer(theirs: &Visit, mine: &Visit) -> bool {
    mine.assessments.iter().filter(|a| a.is_patient_reported()).all(|a| theirs.assessment(instrument_key(a)).is_some())
        && (mine.global.status.is_none() || theirs.global.status.is_some())
        && (mine.global.effect.is_none() || theirs.global.effect.is_some())
}

/// The visit, its id replaced by `{patient}-{date}-{n}` if already taken.
fn with_fresh_id(mut visit: Visit, taken: &mut HashSet<String>) -> Visit {
    if taken.contains(&visit.id) {
        visit.id = (1..)
            .map(|n| format!("{}-{}-{n}", visit.patient, visit.date))
            .find(|id| !taken.contains(id))
            .expect("ids are unbounded");
    }
    taken.insert(visit.id.clone());
    visit
}

fn patient_details(plan: &mut MergePlan, mine: &Patient, theirs: &Patient) {
    let mut differ = |existing: Detail, incoming: Detail| {
        plan.detail_conflicts.push(DetailConflict {
            patient: mine.code.clone(),
            visit_id: None,
            date: String::new(),
            existing,
            incoming,
        })
    };
    if theirs.dob.is_some() && theirs.dob != mine.dob {
        differ(Detail::DateOfBirth(mine.dob.clone()), Detail::DateOfBirth(theirs.dob.clone()));
    }
    if !theirs.note.is_empty() && theirs.note != mine.note {
        differ(Detail::Note(mine.note.clone()), Detail::Note(theirs.note.clone()));
    }
}

/// Each of `changes` (on the device, in the file) as a detail to confirm on the device's `mine`.
/// One question each: a file holding one day as two visits can say the same twice.
fn visit_details(plan: &mut MergePlan, mine: &Visit, changes: Vec<(Detail, Detail)>) {
    for (existing, incoming) in changes {
        let conflict = DetailConflict { patient: mine.patient.clone(), visit_id: Some(mine.id.clone()), date: mine.date.clone(), existing, incoming };
        if !plan.detail_conflicts.contains(&conflict) {
            plan.detail_conflicts.push(conflict);
        }
    }
}

/// The details of the device's visit `mine` that the file's `theirs` would change, as (on the
/// device, in the file): a label or who answered that the file gives and that differs (global
/// ratings are compared with the whole day's: [`rating_details`]). What the file leaves empty
/// changes nothing.
fn visit_changes(mine: &Visit, theirs: &Visit) -> Vec<(Detail, Detail)> {
    let mut changes: Vec<_> = label_change(mine, theirs).into_iter().collect();
    if theirs.reported_by.is_some() && theirs.reported_by != mine.reported_by {
        changes.push((Detail::ReportedBy(mine.reported_by), Detail::ReportedBy(theirs.reported_by)));
    }
    changes
}

/// The file's label, when it gives one naming another time point than `mine`'s (letter case and
/// spaces around it aside), as (on the device, in the file).
fn label_change(mine: &Visit, theirs: &Visit) -> Option<(Detail, Detail)> {
    (!theirs.label.trim().is_empty() && !super::same_label(&theirs.label, &mine.label))
        .then(|| (Detail::Label(mine.label.clone()), Detail::Label(theirs.label.clone())))
}

/// The file's visit `theirs` adds assessments (in `added`) on a day the device already holds
/// as the visits `same_day`: the day must still have one label and one rating of each kind (the
/// cohort, the CSV's time points and FHIR read a day's as one). So `added` takes the label and
/// leaves out the ratings the device's visits have that day; where the file gives another (a
/// label naming another time point, a rating of the same kind that differs), that is a detail
/// to confirm on the device's visit holding it. Who answered is the new visit's own.
fn day_details(plan: &mut MergePlan, same_day: &[&Visit], theirs: &Visit, added: &mut Visit) {
    match same_day.iter().find(|v| !v.label.trim().is_empty()) {
        Some(mine) => {
            visit_details(plan, mine, label_change(mine, theirs).into_iter().collect());
            added.label = mine.label.clone();
        }
        // A day without a label takes the file's only when asked, on its first visit (taken, it
        // labels every visit of the day, this one too): never two labels a day.
        None => {
            if let Some(first) = same_day.first() {
                visit_details(plan, first, label_change(first, theirs).into_iter().collect());
                added.label = String::new();
            }
        }
    }
    rating_details(plan, same_day, theirs, None);
    let holds = |kind: fn(&GlobalRatings) -> Option<u8>| same_day.iter().any(|v| kind(&v.global).is_some());
    let (status, effect) = (holds(|g| g.status), holds(|g| g.effect));
    if status {
        added.global.status = None;
    }
    if effect {
        added.global.effect = None;
    }
}

/// The file's global ratings of `theirs` compared with the device's day `same_day`, whose
/// visit `twin` the file's visit is (if any), as details to confirm. The day keeps one rating of
/// each kind, so each rating the file gives is compared with the one the day holds, on the visit
/// holding it: a different one is asked about on that visit; where the file names who gave it,
/// with who gave each ([`Detail::Rated`]: taken, it goes to that person's visit). A kind the day
/// lacks is asked about on `twin`; without a twin it goes with the file's visit added (the
/// caller's).
fn rating_details(plan: &mut MergePlan, same_day: &[&Visit], theirs: &Visit, twin: Option<&Visit>) {
    let by = theirs.reported_by;
    let g = theirs.global;
    let holder = |kind: fn(&GlobalRatings) -> Option<u8>| same_day.iter().copied().find(|v| kind(&v.global).is_some());
    // (the visit asked about, the file's rating of this kind alone)
    let ask = |kind: fn(&GlobalRatings) -> Option<u8>, only: GlobalRatings| {
        let given = kind(&g)?;
        match holder(kind) {
            Some(mine) if kind(&mine.global) != Some(given) => Some((mine, only)),
            Some(_) => None,
            None => twin.map(|mine| (mine, only)),
        }
    };
    let asked = [
        ask(|g| g.status, GlobalRatings { status: g.status, effect: None }),
        ask(|g| g.effect, GlobalRatings { status: None, effect: g.effect }),
    ];
    // The file names who gave it: taken, it goes to that person's visit of the day as it is
    // then (another question taken may change who answered the visit asked about).
    let detail = |mine: &Visit, incoming: GlobalRatings| match by {
        Some(_) => (Detail::Rated(mine.global, mine.reported_by), Detail::Rated(incoming, by)),
        None => (Detail::Global(mine.global), Detail::Global(incoming)),
    };
    match asked {
        // Both on one visit: one detail.
        [Some((a, _)), Some((b, _))] if a.id == b.id => visit_details(plan, a, vec![detail(a, g)]),
        each => {
            for (mine, incoming) in each.into_iter().flatten() {
                visit_details(plan, mine, vec![detail(mine, incoming)]);
            }
        }
    }
}

/// `None` when `plan` (made earlier from `incoming`) is still what merging `incoming` into
/// `existing` would do; otherwise the plan as it would be now. The history can change while a
/// plan waits for the user (another window saves a visit): [`apply_merge`] on the old plan
/// would then drop a new assessment whose key is now taken, without asking, and count it as
/// imported. The screens check again before applying and show the new plan instead.
pub fn recheck(plan: &MergePlan, existing: &History, incoming: &History) -> Option<MergePlan> {
    let now = plan_merge(existing, incoming);
    (now != *plan).then_some(now)
}

/// Applies a plan from [`plan_merge`]: adds its new patients and visits; with
/// `overwrite_conflicts`, also replaces each conflicting record and detail with the file's.
/// Safe on a plan made against an older state of `existing`: whatever would now break a rule
/// of the history (an id or a patient + date + instrument already present, an unknown patient)
/// is skipped, never forced in.
pub fn apply_merge(existing: &mut History, plan: &MergePlan, overwrite_conflicts: bool) {
    for patient in &plan.new_patients {
        if existing.patient(&patient.code).is_none() && !patient.code.trim().is_empty() {
            existing.patients.push(patient.clone());
        }
    }
    let codes: HashSet<String> = existing.patients.iter().map(|p| p.code.clone()).collect();
    let mut ids: HashSet<String> = existing.visits.iter().map(|v| v.id.clone()).collect();
    let mut keys: HashSet<(String, String, &'static str)> = existing
        .visits
        .iter()
        .flat_map(|v| v.assessments.iter().map(|a| (v.patient.clone(), v.date.clone(), instrument_key(a))))
        .collect();
    for visit in &plan.new_visits {
        let mut visit = visit.clone();
        let had_assessments = !visit.assessments.is_empty();
        visit.assessments.retain(|a| !keys.contains(&(visit.patient.clone(), visit.date.clone(), instrument_key(a))));
        if (had_assessments && visit.assessments.is_empty()) || !codes.contains(&visit.patient) || visit.check().is_err() {
            continue;
        }
        if ids.contains(&visit.id) {
            visit = with_fresh_id(visit, &mut ids);
        }
        ids.insert(visit.id.clone());
        for a in &visit.assessments {
            keys.insert((visit.patient.clone(), visit.date.clone(), instrument_key(a)));
        }
        existing.visits.push(visit);
    }
    if !overwrite_conflicts {
        return;
    }
    // Visits a moved answer left holding nothing: removed once every question taken is applied
    // (a later one may give them something).
    let mut emptied = HashSet::new();
    // Who answered each visit first, then the records, then the ratings: an answer goes to the
    // visit of the person who gave it as the day is once who answered is settled.
    let is_rating = |d: &&DetailConflict| matches!(d.incoming, Detail::Global(_) | Detail::Rated(..));
    let (ratings, others): (Vec<&DetailConflict>, Vec<&DetailConflict>) = plan.detail_conflicts.iter().partition(is_rating);
    apply_details(existing, &others, &mut emptied);
    for c in &plan.conflicts {
        if instrument_key(&c.incoming) == c.instrument {
            replace_record(existing, c, &mut emptied);
        }
    }
    apply_details(existing, &ratings, &mut emptied);
    existing.visits.retain(|v| !emptied.contains(&v.id) || v.holds_anything());
}

/// Takes the file's record of the conflict `c` in place of the device's: in the visit holding
/// it, or, for a patient-reported record the file says another person gave than who answered
/// that visit, in the day's visit of that person (a new one of theirs if none; the one it leaves
/// noted in `emptied` if it then holds nothing). Never a record the visit's band systems cannot
/// score.
fn replace_record(existing: &mut History, c: &Conflict, emptied: &mut HashSet<String>) {
    let of_day = |v: &Visit| v.patient == c.patient && v.date == c.date;
    let Some(at) = existing.visits.iter().position(|v| of_day(v) && v.assessment(&c.instrument).is_some()) else { return };
    let holder = &existing.visits[at];
    if c.incoming.score_with(holder.easi_bands, holder.scorad_bands).is_err() {
        return;
    }
    let by = c.answered_by[1];
    if !c.incoming.is_patient_reported() || by.is_none() || holder.reported_by == by {
        for slot in existing.visits[at].assessments.iter_mut().filter(|a| instrument_key(a) == c.instrument) {
            *slot = c.incoming;
        }
        return;
    }
    existing.visits[at].assessments.retain(|a| instrument_key(a) != c.instrument);
    if !existing.visits[at].holds_anything() {
        emptied.insert(existing.visits[at].id.clone());
    }
    let theirs = person_visit(existing, &c.patient, &c.date, by);
    existing.visits[theirs].assessments.push(c.incoming);
}

/// The index of the day's visit answered by `by`, made (a new id, the day's label) if there is
/// none.
fn person_visit(existing: &mut History, patient: &str, date: &str, by: Option<Reporter>) -> usize {
    let of_day = |v: &Visit| v.patient == patient && v.date == date;
    if let Some(at) = existing.visits.iter().position(|v| of_day(v) && by.is_some() && v.reported_by == by) {
        return at;
    }
    let mut theirs = Visit::new(existing.next_visit_id(patient, date), patient, date, Vec::new());
    theirs.label = existing.visits.iter().find(|v| of_day(v)).map(|v| v.label.clone()).unwrap_or_default();
    theirs.reported_by = by;
    existing.visits.push(theirs);
    existing.visits.len() - 1
}

/// Applies the detail questions `details` (taken) to the device's history.
fn apply_details(existing: &mut History, details: &[&DetailConflict], emptied: &mut HashSet<String>) {
    for d in details {
        match (&d.incoming, &d.visit_id) {
            (Detail::DateOfBirth(dob), None) => {
                if let Some(p) = existing.patients.iter_mut().find(|p| p.code == d.patient) {
                    p.dob = dob.clone();
                }
            }
            (Detail::Note(note), None) => {
                if let Some(p) = existing.patients.iter_mut().find(|p| p.code == d.patient) {
                    p.note = note.clone();
                }
            }
            // A day keeps one label: every visit of the patient that day takes it.
            (Detail::Label(label), Some(id)) => {
                if let Some((patient, date)) = existing.visits.iter().find(|v| &v.id == id).map(|v| (v.patient.clone(), v.date.clone())) {
                    for v in existing.visits.iter_mut().filter(|v| v.patient == patient && v.date == date) {
                        v.label = label.clone();
                    }
                }
            }
            (Detail::Global(g), Some(id)) => rate(existing, id, *g, None, emptied),
            (Detail::Rated(g, by), Some(id)) => rate(existing, id, *g, Some(*by), emptied),
            (Detail::ReportedBy(reporter), Some(id)) => {
                if let Some(v) = existing.visits.iter_mut().find(|v| &v.id == id) {
                    v.reported_by = reporter.or(v.reported_by);
                }
            }
            _ => {}
        }
    }
}

/// Takes the file's ratings `g` on the day of the device's visit `id`: on that visit, or with
/// `to` (a rating another person gave), on the day's visit answered by `to`'s person, else on a
/// new one of theirs (the day's label). The day keeps one rating of each kind: the other visits
/// lose the kinds `g` gives; one left holding nothing is noted in `emptied` (for the caller to
/// remove). Out-of-range ratings are not taken.
fn rate(existing: &mut History, id: &str, g: GlobalRatings, to: Option<Option<Reporter>>, emptied: &mut HashSet<String>) {
    if g.status.is_some_and(|s| s > 4) || g.effect.is_some_and(|e| e > 6) {
        return;
    }
    let Some(mine) = existing.visits.iter().find(|v| v.id == id) else { return };
    let (patient, date) = (mine.patient.clone(), mine.date.clone());
    let of_day = |v: &Visit| v.patient == patient && v.date == date;
    let target = match to {
        None => id.to_string(),
        Some(by) => {
            let at = person_visit(existing, &patient, &date, by);
            existing.visits[at].id.clone()
        }
    };
    for v in existing.visits.iter_mut().filter(|v| of_day(v)) {
        let held = v.holds_anything();
        if v.id == target {
            v.global = GlobalRatings { status: g.status.or(v.global.status), effect: g.effect.or(v.global.effect) };
            continue;
        }
        if g.status.is_some() {
            v.global.status = None;
        }
        if g.effect.is_some() {
            v.global.effect = None;
        }
        if held && !v.holds_anything() {
            emptied.insert(v.id.clone());
        }
    }
}
