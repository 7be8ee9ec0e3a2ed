//! Import merging: duplicates (same patient + date + instrument, equal record) are skipped,
//! conflicts are reported and applied only when asked, new patients and visits are added,
//! and a merge never breaks a rule of the history.

use adscore::history::merge::{apply_merge, plan_merge, recheck, Detail};
use adscore::history::{GlobalRatings, History, Metric, Patient, Reporter, Visit, UNITS};
use adscore::Assessment;

fn itch(value: u8) -> Assessment {
    Assessment::from_json(&format!(r#"{{"instrument":"itch_nrs","value":{value}}}"#)).unwrap()
}

fn poem(first: u8) -> Assessment {
    Assessment::from_json(&format!(r#"{{"instrument":"poem","answers":[{first},0,0,0,0,0,0]}}"#)).unwrap()
}

fn dlqi(first: u8) -> Assessment {
    Assessment::from_json(&format!(r#"{{"instrument":"dlqi","answers":[{first},0,0,0,0,0,0,0,0,0]}}"#)).unwrap()
}

fn history(patients: &[&str], visits: Vec<Visit>) -> History {
    let mut h = History::default();
    for p in patients {
        h.upsert_patient(Patient::new(*p));
    }
    for v in visits {
        h.add_visit(v).unwrap();
    }
    h
}

/// On the device: P1 on 2024-01-01 with itch 8 and POEM 4.
fn device() -> History {
    history(&["P1"], vec![Visit::new("v1", "P1", "2024-01-01", vec![itch(8), poem(4)])])
}

/// The file: P1 on 2024-01-01 with the same POEM (duplicate), itch 6 (conflict) and a DLQI
/// (new); P2 (new) with one visit whose id clashes with the device's "v1".
fn file() -> History {
    history(
        &["P1", "P2"],
        vec![
            Visit::new("f1", "P1", "2024-01-01", vec![poem(4), itch(6), dlqi(2)]),
            Visit::new("v1", "P2", "2024-01-01", vec![itch(3)]),
        ],
    )
}

#[test]
fn plan_sorts_duplicates_conflicts_and_new_data() {
    // Act
    let plan = plan_merge(&device(), &file());
    // Assert
    assert_eq!(plan.duplicates, 1, "POEM is unchanged");
    assert_eq!(plan.conflicts.len(), 1);
    let c = &plan.conflicts[0];
    assert_eq!((c.patient.as_str(), c.date.as_str(), c.instrument.as_str()), ("P1", "2024-01-01", "itch_nrs"));
    assert_eq!((c.existing, c.incoming), (itch(8), itch(6)));
    assert_eq!(plan.new_patients, vec![Patient::new("P2")]);
    // P1's new visit holds only the DLQI; P2's visit gets a fresh id (v1 is taken).
    assert_eq!(plan.new_visits.len(), 2);
    assert_eq!(plan.new_visits[0].assessments, vec![dlqi(2)]);
    assert_eq!(plan.new_visits[0].id, "f1");
    assert_ne!(plan.new_visits[1].id, "v1");
    assert_eq!(plan.new_visits[1].patient, "P2");
}

#[test]
fn a_conflict_says_the_score_on_the_device_and_in_the_file() {
    // Assemble: itch 8 → 6; POEM 4 → the same total from other answers; DLQI 1 → two blanks
    // (not scored).
    let device = history(&["P1"], vec![Visit::new("v1", "P1", "2024-01-01", vec![itch(8), poem(4), dlqi(1)])]);
    let poem_other = Assessment::from_json(r#"{"instrument":"poem","answers":[0,4,0,0,0,0,0]}"#).unwrap();
    let unscored = Assessment::from_json(r#"{"instrument":"dlqi","answers":[null,null,0,0,0,0,0,0,0,0]}"#).unwrap();
    let file = history(&["P1"], vec![Visit::new("f1", "P1", "2024-01-01", vec![itch(6), poem_other, unscored])]);
    // Act
    let plan = plan_merge(&device, &file);
    let scores: Vec<_> = plan.conflicts.iter().map(|c| (c.instrument.as_str(), c.scores())).collect();
    // Assert
    assert_eq!(
        scores,
        [
            ("itch_nrs", ["8".to_string(), "6".to_string()]),
            ("poem", ["4".to_string(), "4".to_string()]),
            ("dlqi", ["1".to_string(), "—".to_string()]),
        ]
    );
}

#[test]
fn apply_without_overwrite_adds_and_keeps_conflicting_records() {
    // Assemble
    let mut h = device();
    let plan = plan_merge(&h, &file());
    // Act
    apply_merge(&mut h, &plan, false);
    // Assert: itch is still 8; DLQI and P2 arrived; the history is valid.
    let p1 = h.visits_of("P1");
    assert_eq!(p1.iter().find_map(|v| v.value(Metric::ItchNrs)), Some(8 * UNITS));
    assert!(p1.iter().any(|v| v.assessment("dlqi") == Some(&dlqi(2))));
    assert_eq!(h.visits_of("P2").len(), 1);
    assert_eq!(h.validate(), Ok(()));
    // Merging the same file again adds nothing: all duplicates but the unresolved conflict.
    let again = plan_merge(&h, &file());
    assert!(again.new_patients.is_empty() && again.new_visits.is_empty());
    assert_eq!((again.duplicates, again.conflicts.len()), (3, 1));
}

#[test]
fn apply_with_overwrite_takes_the_files_records() {
    let mut h = device();
    let plan = plan_merge(&h, &file());
    apply_merge(&mut h, &plan, true);
    assert_eq!(h.visit("v1").unwrap().value(Metric::ItchNrs), Some(6 * UNITS));
    assert_eq!(h.visit("v1").unwrap().assessment("poem"), Some(&poem(4)), "the rest of the visit stays");
    assert_eq!(h.validate(), Ok(()));
    // Nothing is left to decide.
    let again = plan_merge(&h, &file());
    assert!(again.conflicts.is_empty() && again.new_visits.is_empty());
}

#[test]
fn merging_a_history_into_itself_changes_nothing() {
    let mut h = device();
    let plan = plan_merge(&h, &device());
    assert_eq!((plan.duplicates, plan.conflicts.len(), plan.new_visits.len()), (2, 0, 0));
    let before = h.clone();
    apply_merge(&mut h, &plan, true);
    assert_eq!(h, before);
}

#[test]
fn merging_into_an_empty_history_copies_it() {
    let mut h = History::default();
    let plan = plan_merge(&h, &file());
    apply_merge(&mut h, &plan, false);
    assert_eq!(h, file());
}

#[test]
fn patient_and_visit_details_conflict_only_when_the_file_says_something_else() {
    // Assemble: the device knows no date of birth; the file has one, and a label.
    let mut mine = device();
    let mut theirs = device();
    theirs.upsert_patient(Patient { dob: Some("2015-06-01".into()), ..Patient::new("P1") });
    theirs.visits[0].label = "week 4".into();
    // Act
    let plan = plan_merge(&mine, &theirs);
    // Assert
    assert_eq!(plan.detail_conflicts.len(), 2);
    assert_eq!(plan.detail_conflicts[0].incoming, Detail::DateOfBirth(Some("2015-06-01".into())));
    assert_eq!(plan.detail_conflicts[1].incoming, Detail::Label("week 4".into()));
    apply_merge(&mut mine, &plan, false);
    assert_eq!(mine, device(), "not applied without asking");
    apply_merge(&mut mine, &plan, true);
    assert_eq!(mine.patient("P1").unwrap().dob.as_deref(), Some("2015-06-01"));
    assert_eq!(mine.visits[0].label, "week 4");
}

#[test]
fn who_answered_conflicts_only_when_the_file_names_someone_else() {
    // Assemble: the device's first visit answered by the patient.
    let mut mine = device();
    mine.visits[0].reported_by = Some(Reporter::Patient);
    let before = mine.clone();
    // Act / Assert: a file that names no one is the same visit (nothing to ask, nothing erased).
    let mut silent = mine.clone();
    silent.visits[0].reported_by = None;
    let plan = plan_merge(&mine, &silent);
    assert!(plan.detail_conflicts.is_empty(), "{:?}", plan.detail_conflicts);
    apply_merge(&mut mine, &plan, true);
    assert_eq!(mine, before);
    // A file that says a parent answered: a detail to confirm, applied only when asked.
    let mut theirs = mine.clone();
    theirs.visits[0].reported_by = Some(Reporter::Parent);
    let plan = plan_merge(&mine, &theirs);
    assert_eq!(plan.detail_conflicts.len(), 1);
    assert_eq!(
        (&plan.detail_conflicts[0].existing, &plan.detail_conflicts[0].incoming),
        (&Detail::ReportedBy(Some(Reporter::Patient)), &Detail::ReportedBy(Some(Reporter::Parent)))
    );
    apply_merge(&mut mine, &plan, false);
    assert_eq!(mine, before, "not applied without asking");
    apply_merge(&mut mine, &plan, true);
    assert_eq!(mine.visits[0].reported_by, Some(Reporter::Parent));
}

#[test]
fn a_visit_without_assessments_that_says_less_than_the_device_s_is_a_duplicate() {
    // Assemble: the device has a day holding only the patient's ratings, labelled, answered by
    // the patient; the file has that day too, with nothing but the date.
    let mut mine = device();
    let mut rated = Visit::new("r", "P1", "2024-03-01", vec![]);
    rated.label = "week 4".into();
    rated.global = adscore::history::GlobalRatings { status: Some(3), effect: None };
    rated.reported_by = Some(Reporter::Patient);
    mine.add_visit(rated.clone()).unwrap();
    let mut theirs = mine.clone();
    let bare = theirs.visits.iter_mut().find(|v| v.id == "r").unwrap();
    (bare.label, bare.global, bare.reported_by) = (String::new(), Default::default(), None);
    // Act
    let plan = plan_merge(&mine, &theirs);
    // Assert: counted as already here; nothing to add or confirm.
    assert_eq!((plan.duplicates, plan.new_visits.len(), plan.detail_conflicts.len()), (3, 0, 0));
    // The same visit saying who answered differently is a detail to confirm instead.
    theirs.visits.iter_mut().find(|v| v.id == "r").unwrap().reported_by = Some(Reporter::Parent);
    let plan = plan_merge(&mine, &theirs);
    assert_eq!((plan.duplicates, plan.detail_conflicts.len()), (2, 1));
}

#[test]
fn a_stale_plan_never_breaks_the_history() {
    // Assemble: plan against the device, then the device gets the DLQI another way.
    let mut h = device();
    let plan = plan_merge(&h, &file());
    h.add_visit(Visit::new("late", "P1", "2024-01-01", vec![dlqi(3)])).unwrap();
    // Act
    apply_merge(&mut h, &plan, true);
    // Assert: the planned DLQI is dropped (the key is taken), the history stays valid.
    assert_eq!(h.validate(), Ok(()));
    assert_eq!(h.visits.iter().filter(|v| v.assessment("dlqi").is_some()).count(), 1);
}

#[test]
fn a_plan_is_checked_again_against_the_history_as_it_is_when_applied() {
    // Assemble: plan against the device; then another window saves P1's DLQI that day, with
    // another answer than the file's.
    let mut h = device();
    let plan = plan_merge(&h, &file());
    assert_eq!(recheck(&plan, &h, &file()), None, "nothing changed yet");
    h.add_visit(Visit::new("late", "P1", "2024-01-01", vec![dlqi(3)])).unwrap();
    // Act
    let now = recheck(&plan, &h, &file()).expect("the history changed under the plan");
    // Assert: the file's DLQI is no longer new but a difference to decide on.
    assert!(plan.new_visits.iter().any(|v| v.assessment("dlqi").is_some()));
    assert!(!now.new_visits.iter().any(|v| v.assessment("dlqi").is_some()));
    let dlqis: Vec<_> = now.conflicts.iter().filter(|c| c.instrument == "dlqi").map(|c| (c.existing, c.incoming)).collect();
    assert_eq!(dlqis, vec![(dlqi(3), dlqi(2))]);
}

#[test]
fn a_visit_of_one_person_s_ratings_alone_is_matched_to_that_person_s_visit_of_the_day() {
    // Assemble: the patient's visit (itch, status mild) and a parent's of the treatment effect
    // alone, as two people answering on one day leave it.
    let mut patients = Visit::new("a", "P1", "2024-01-01", vec![itch(8)]);
    (patients.reported_by, patients.global.status) = (Some(Reporter::Patient), Some(2));
    let mut parents = Visit::new("b", "P1", "2024-01-01", vec![]);
    (parents.reported_by, parents.global.effect) = (Some(Reporter::Parent), Some(1));
    let both = history(&["P1"], vec![patients.clone(), parents.clone()]);
    // Act / Assert: the day merged into itself changes nothing and asks nothing.
    let plan = plan_merge(&both, &both);
    assert!(plan.adds_nothing() && !plan.has_conflicts(), "{plan:?}");
    // Into a device with the patient's visit alone, the parent's is added as it is.
    let plan = plan_merge(&history(&["P1"], vec![patients.clone()]), &both);
    assert!(!plan.has_conflicts(), "{plan:?}");
    assert_eq!(plan.new_visits.len(), 1);
    assert_eq!((plan.new_visits[0].reported_by, plan.new_visits[0].global.effect), (Some(Reporter::Parent), Some(1)));
    // A parent's disease status that day, where the patient gave one: asked about, not added.
    let mut status = parents.clone();
    status.global = GlobalRatings { status: Some(3), effect: None };
    let plan = plan_merge(&history(&["P1"], vec![patients.clone()]), &history(&["P1"], vec![status]));
    assert_eq!((plan.new_visits.len(), plan.detail_conflicts.len()), (0, 1));
    // Naming no one: an effect the day lacks is a visit of its own, not a change to the
    // patient's visit; a status the day has is compared with the one held.
    let mut unnamed = Visit::new("c", "P1", "2024-01-01", vec![]);
    unnamed.global.effect = Some(4);
    let plan = plan_merge(&history(&["P1"], vec![patients.clone()]), &history(&["P1"], vec![unnamed.clone()]));
    assert!(!plan.has_conflicts(), "{plan:?}");
    assert_eq!(plan.new_visits.iter().map(|v| (v.reported_by, v.global.effect)).collect::<Vec<_>>(), vec![(None, Some(4))]);
    unnamed.global = GlobalRatings { status: Some(2), effect: None };
    let plan = plan_merge(&history(&["P1"], vec![patients]), &history(&["P1"], vec![unnamed]));
    assert_eq!((plan.duplicates, plan.new_visits.len(), plan.detail_conflicts.len()), (1, 0, 0));
}

#[test]
fn a_new_assessment_on_a_day_the_device_has_keeps_one_rating_of_each_kind_that_day() {
    // Assemble: the device's EASI day with disease status 3 and treatment effect 1; the file
    // adds an itch NRS that day with status 1 and effect 5 (another device's visit).
    let rated = |id: &str, a: Assessment, status, effect| {
        let mut v = Visit::new(id, "P1", "2024-01-29", vec![a]);
        v.global = adscore::history::GlobalRatings { status, effect };
        v
    };
    let easi = Assessment::from_json(r#"{"instrument":"easi","age_years":30,"regions":{"head_neck":{"area":2,"erythema":2,"edema_papulation":1,"excoriation":1,"lichenification":0},"upper_limbs":{"area":0,"erythema":0,"edema_papulation":0,"excoriation":0,"lichenification":0},"trunk":{"area":0,"erythema":0,"edema_papulation":0,"excoriation":0,"lichenification":0},"lower_limbs":{"area":0,"erythema":0,"edema_papulation":0,"excoriation":0,"lichenification":0}}}"#).unwrap();
    let mut mine = history(&["P1"], vec![rated("d", easi, Some(3), Some(1))]);
    let theirs = history(&["P1"], vec![rated("f", itch(6), Some(1), Some(5))]);
    let before = mine.clone();
    // Act
    let plan = plan_merge(&mine, &theirs);
    // Assert: the itch is added without ratings; the file's ratings are a detail to confirm.
    assert_eq!(plan.new_visits.len(), 1);
    assert_eq!(plan.new_visits[0].global, Default::default());
    assert_eq!(plan.detail_conflicts.len(), 1, "{:?}", plan.detail_conflicts);
    assert_eq!(plan.detail_conflicts[0].visit_id.as_deref(), Some("d"));
    let day = |h: &History| -> Vec<_> { h.visits.iter().map(|v| (v.global.status, v.global.effect)).collect() };
    apply_merge(&mut mine, &plan, false);
    assert_eq!(day(&mine), [(Some(3), Some(1)), (None, None)], "the device's ratings kept");
    let mut overwritten = before.clone();
    apply_merge(&mut overwritten, &plan, true);
    assert_eq!(day(&overwritten), [(Some(1), Some(5)), (None, None)], "the file's, on the device's visit");
    // A rating the device's day lacks goes with the new visit, with nothing to confirm.
    let mut unrated = before.clone();
    unrated.visits[0].global.effect = None;
    let plan = plan_merge(&unrated, &theirs);
    assert_eq!(plan.new_visits[0].global, adscore::history::GlobalRatings { status: None, effect: Some(5) });
    let Detail::Global(asked) = &plan.detail_conflicts[0].incoming else { panic!("{:?}", plan.detail_conflicts) };
    assert_eq!((asked.status, asked.effect), (Some(1), None), "only the kind both give");
    // The same label in another case is the same time point; another label is asked about.
    let (mut a, mut b) = (before.clone(), theirs.clone());
    a.visits[0].label = "Week 4".into();
    b.visits[0].label = "week 4".into();
    b.visits[0].global = Default::default();
    assert!(plan_merge(&a, &b).detail_conflicts.is_empty());
    b.visits[0].label = "week 5".into();
    assert_eq!(plan_merge(&a, &b).detail_conflicts[0].incoming, Detail::Label("week 5".into()));
}

#[test]
fn a_day_held_as_two_visits_still_keeps_one_label_and_one_rating_of_each_kind() {
    // Assemble: the device holds one day as two visits: A (POEM, disease status 3, "week 4")
    // and B (itch, nothing else). The file has B's itch again and a DLQI, with status 2 and
    // the label "week 5".
    let mut a = Visit::new("a", "P1", "2024-01-29", vec![poem(1)]);
    a.global = adscore::history::GlobalRatings { status: Some(3), effect: None };
    a.label = "week 4".into();
    let mut mine = history(&["P1"], vec![a, Visit::new("b", "P1", "2024-01-29", vec![itch(5)])]);
    let mut f = Visit::new("f", "P1", "2024-01-29", vec![itch(5), dlqi(1)]);
    f.global = adscore::history::GlobalRatings { status: Some(2), effect: None };
    f.label = "week 5".into();
    let theirs = history(&["P1"], vec![f]);
    // Act
    let plan = plan_merge(&mine, &theirs);
    // Assert: the DLQI's new visit takes the day's label and no status; the file's status and
    // label are details to confirm on A, which holds them.
    assert_eq!(plan.new_visits.len(), 1);
    assert_eq!((plan.new_visits[0].label.as_str(), plan.new_visits[0].global.status), ("week 4", None));
    let asked: Vec<_> = plan.detail_conflicts.iter().map(|d| (d.visit_id.as_deref(), d.incoming.clone())).collect();
    assert_eq!(asked.len(), 2, "{asked:?}");
    assert!(asked.contains(&(Some("a"), Detail::Label("week 5".into()))));
    assert!(asked.contains(&(Some("a"), Detail::Global(adscore::history::GlobalRatings { status: Some(2), effect: None }))));
    // Applied with overwrite: every visit that day says "week 5", and the day has one status.
    apply_merge(&mut mine, &plan, true);
    assert!(mine.visits.iter().all(|v| v.label == "week 5"), "{:?}", mine.visits.iter().map(|v| &v.label).collect::<Vec<_>>());
    assert_eq!(mine.visits.iter().filter_map(|v| v.global.status).collect::<Vec<_>>(), [2]);
}

#[test]
fn a_detail_a_file_gives_twice_for_one_day_is_asked_once() {
    // Assemble: the device's visit labelled "week 4" with POEM; the file holds that day as two
    // visits (an itch and a DLQI), each labelled "week 5".
    let mut a = Visit::new("a", "P1", "2024-01-29", vec![poem(1)]);
    a.label = "week 4".into();
    let mine = history(&["P1"], vec![a]);
    let mut f1 = Visit::new("f1", "P1", "2024-01-29", vec![itch(5)]);
    let mut f2 = Visit::new("f2", "P1", "2024-01-29", vec![dlqi(1)]);
    f1.label = "week 5".into();
    f2.label = "week 5".into();
    let theirs = history(&["P1"], vec![f1, f2]);
    // Act
    let plan = plan_merge(&mine, &theirs);
    // Assert: both assessments added, the label asked about once.
    assert_eq!(plan.new_visits.len(), 2);
    assert_eq!(plan.detail_conflicts.len(), 1, "{:?}", plan.detail_conflicts);
}

/// The day's global ratings as (visit id, who answered, status, effect), by id.
fn day_ratings(h: &History) -> Vec<(String, Option<Reporter>, Option<u8>, Option<u8>)> {
    let mut day: Vec<_> = h.visits.iter().map(|v| (v.id.clone(), v.reported_by, v.global.status, v.global.effect)).collect();
    day.sort_by(|a, b| a.0.cmp(&b.0));
    day
}

#[test]
fn a_parent_s_rating_where_the_patient_gave_one_moves_to_the_parent_s_own_visit_when_taken() {
    // Assemble: the device's day is the patient's visit (itch, treatment effect 2), labelled;
    // the file has a parent's visit of that day with treatment effect 3 alone.
    let mut patients = day_visit("a", Some(Reporter::Patient), vec![itch(8)], None, Some(2));
    patients.label = "week 4".into();
    let mine = history(&["P1"], vec![patients]);
    let theirs = history(&["P1"], vec![day_visit("p", Some(Reporter::Parent), vec![], None, Some(3))]);
    // Act
    let plan = plan_merge(&mine, &theirs);
    // Assert: nothing is added unasked; the question says who gave each rating.
    assert!(plan.new_visits.is_empty(), "{plan:?}");
    assert_eq!(plan.detail_conflicts.len(), 1, "{plan:?}");
    let asked = &plan.detail_conflicts[0];
    assert_eq!(asked.visit_id.as_deref(), Some("a"));
    assert_eq!(
        (&asked.existing, &asked.incoming),
        (
            &Detail::Rated(GlobalRatings { status: None, effect: Some(2) }, Some(Reporter::Patient)),
            &Detail::Rated(GlobalRatings { status: None, effect: Some(3) }, Some(Reporter::Parent))
        )
    );
    let mut kept = mine.clone();
    apply_merge(&mut kept, &plan, false);
    assert_eq!(kept, mine, "not taken: nothing changes");
    // Taken: the patient's visit keeps its itch and who answered it, without the effect; the
    // effect is on a visit of the parent's own, with the day's label; the history is valid.
    let mut taken = mine.clone();
    apply_merge(&mut taken, &plan, true);
    assert_eq!(
        day_ratings(&taken),
        [("P1-2024-01-01-1".to_string(), Some(Reporter::Parent), None, Some(3)), ("a".to_string(), Some(Reporter::Patient), None, None)]
    );
    assert!(taken.visits.iter().all(|v| v.label == "week 4"));
    assert_eq!(taken.visit("a").unwrap().assessments, [itch(8)]);
    taken.validate().unwrap();
}

#[test]
fn taking_a_file_s_rating_leaves_the_day_one_rating_of_that_kind() {
    // Assemble: the device's day has the patient's visit (treatment effect 2) and the parent's
    // (disease status 1); the file has the parent's visit again with a treatment effect 3.
    let mine = history(
        &["P1"],
        vec![day_visit("a", Some(Reporter::Patient), vec![itch(8)], None, Some(2)), day_visit("b", Some(Reporter::Parent), vec![], Some(1), None)],
    );
    let theirs = history(&["P1"], vec![day_visit("b", Some(Reporter::Parent), vec![], Some(1), Some(3))]);
    // Act
    let plan = plan_merge(&mine, &theirs);
    let mut taken = mine.clone();
    apply_merge(&mut taken, &plan, true);
    // Assert: asked on the patient's visit, which holds the effect; taken, the effect is the
    // parent's, on the parent's visit, and the patient's visit no longer has one.
    assert_eq!(plan.detail_conflicts.iter().map(|d| d.visit_id.as_deref()).collect::<Vec<_>>(), [Some("a")], "{plan:?}");
    assert_eq!(
        day_ratings(&taken),
        [("a".to_string(), Some(Reporter::Patient), None, None), ("b".to_string(), Some(Reporter::Parent), Some(1), Some(3))]
    );
    // A visit that held nothing but the rating taken from it is removed.
    let mine = history(
        &["P1"],
        vec![day_visit("a", Some(Reporter::Patient), vec![], None, Some(2)), day_visit("b", Some(Reporter::Parent), vec![itch(5)], None, None)],
    );
    let mut taken = mine.clone();
    apply_merge(&mut taken, &plan_merge(&mine, &theirs), true);
    assert_eq!(day_ratings(&taken), [("b".to_string(), Some(Reporter::Parent), Some(1), Some(3))]);
}

#[test]
fn who_answered_is_not_asked_about_for_a_file_s_visit_holding_no_answers() {
    // Assemble: the device's visit with the clinician's EASI and the patient's itch, answered by
    // the patient; the file's visit of that day holds the same EASI alone and names a parent.
    let mine = history(&["P1"], vec![day_visit("a", Some(Reporter::Patient), vec![easi_record(), itch(6)], None, None)]);
    let theirs = history(&["P1"], vec![day_visit("f", Some(Reporter::Parent), vec![easi_record()], None, None)]);
    // Act
    let plan = plan_merge(&mine, &theirs);
    // Assert: "answered by" speaks for answers, and the file's visit holds none: a duplicate,
    // nothing to ask (taking it would have credited the patient's itch to the parent).
    assert!(plan.detail_conflicts.is_empty(), "{:?}", plan.detail_conflicts);
    assert_eq!((plan.duplicates, plan.new_visits.len()), (1, 0));
}

fn sleep_nrs(value: u8) -> Assessment {
    Assessment::from_json(&format!(r#"{{"instrument":"sleep_nrs","value":{value}}}"#)).unwrap()
}

fn easi_record() -> Assessment {
    Assessment::from_json(r#"{"instrument":"easi","age_years":30,"regions":{"head_neck":{"area":1,"erythema":1,"edema_papulation":1,"excoriation":0,"lichenification":0},"upper_limbs":{"area":0,"erythema":0,"edema_papulation":0,"excoriation":0,"lichenification":0},"trunk":{"area":0,"erythema":0,"edema_papulation":0,"excoriation":0,"lichenification":0},"lower_limbs":{"area":0,"erythema":0,"edema_papulation":0,"excoriation":0,"lichenification":0}}}"#).unwrap()
}

/// A visit of P1 on 2024-01-01 with these assessments, who answered and global ratings.
fn day_visit(id: &str, by: Option<Reporter>, assessments: Vec<Assessment>, status: Option<u8>, effect: Option<u8>) -> Visit {
    let mut v = Visit::new(id, "P1", "2024-01-01", assessments);
    (v.reported_by, v.global) = (by, GlobalRatings { status, effect });
    v
}

#[test]
fn who_answered_is_asked_about_only_when_the_file_gives_every_answer_of_the_visit_again() {
    // Assemble: the patient's visit (EASI, itch, treatment effect); a parent's treatment effect
    // sent with the same EASI.
    let mine = history(&["P1"], vec![day_visit("a", Some(Reporter::Patient), vec![easi_record(), itch(6)], None, Some(2))]);
    let theirs = history(&["P1"], vec![day_visit("f", Some(Reporter::Parent), vec![easi_record()], None, Some(3))]);
    // Act
    let plan = plan_merge(&mine, &theirs);
    let mut taken = mine.clone();
    apply_merge(&mut taken, &plan, true);
    // Assert: only the rating is asked about; taken, the patient's itch stays the patient's and
    // the parent's rating is on a visit of the parent's.
    assert!(plan.detail_conflicts.iter().all(|d| !matches!(d.incoming, Detail::ReportedBy(_))), "{:?}", plan.detail_conflicts);
    assert_eq!(
        day_ratings(&taken),
        [("P1-2024-01-01-1".to_string(), Some(Reporter::Parent), None, Some(3)), ("a".to_string(), Some(Reporter::Patient), None, None)]
    );
    // A file giving some of a parent's answers again as the patient's: nothing is asked, and
    // the parent's itch is not handed to the patient.
    let mine = history(&["P1"], vec![day_visit("p", Some(Reporter::Parent), vec![itch(1), sleep_nrs(1)], None, None)]);
    let theirs = history(&["P1"], vec![day_visit("q", Some(Reporter::Patient), vec![sleep_nrs(1)], None, None)]);
    assert!(plan_merge(&mine, &theirs).detail_conflicts.is_empty());
    // Every answer again, as another person's: asked (who answered is corrected).
    let theirs = history(&["P1"], vec![day_visit("q", Some(Reporter::Patient), vec![itch(1), sleep_nrs(1)], None, None)]);
    let plan = plan_merge(&mine, &theirs);
    assert_eq!(plan.detail_conflicts.iter().map(|d| &d.incoming).collect::<Vec<_>>(), [&Detail::ReportedBy(Some(Reporter::Patient))]);
}

#[test]
fn every_detail_taken_is_applied_even_on_a_visit_a_moved_rating_emptied_and_a_second_import_adds_nothing() {
    // Assemble: the patient's visit of a treatment effect alone, the parent's itch; the file has
    // the parent's treatment effect and the patient's disease status.
    let mine = history(
        &["P1"],
        vec![day_visit("a", Some(Reporter::Patient), vec![], None, Some(2)), day_visit("b", Some(Reporter::Parent), vec![itch(5)], None, None)],
    );
    let theirs = history(
        &["P1"],
        vec![day_visit("p", Some(Reporter::Parent), vec![], None, Some(3)), day_visit("q", Some(Reporter::Patient), vec![], Some(1), None)],
    );
    // Act
    let mut taken = mine.clone();
    apply_merge(&mut taken, &plan_merge(&mine, &theirs), true);
    // Assert: the effect moved to the parent's visit; the patient's visit, emptied by it, took
    // the status; the history is valid and a second import adds and asks nothing.
    taken.validate().unwrap();
    assert_eq!(
        day_ratings(&taken),
        [("a".to_string(), Some(Reporter::Patient), Some(1), None), ("b".to_string(), Some(Reporter::Parent), None, Some(3))]
    );
    let again = plan_merge(&taken, &theirs);
    assert!(again.adds_nothing() && !again.has_conflicts(), "{again:?}");
}

#[test]
fn a_file_s_visit_is_compared_with_the_visit_of_the_person_it_names_so_a_second_import_asks_nothing() {
    // Assemble: the parent's itch on the device; the file's patient visit gives that itch and a
    // sleep rating, labelled.
    let mine = history(&["P1"], vec![day_visit("b", Some(Reporter::Parent), vec![itch(1)], None, None)]);
    let mut f = day_visit("f", Some(Reporter::Patient), vec![itch(1), sleep_nrs(1)], None, None);
    f.label = "w4".into();
    let theirs = history(&["P1"], vec![f]);
    let first = plan_merge(&mine, &theirs);
    // The day has no label: the file's is asked about, not given to the new visit alone.
    assert_eq!(first.detail_conflicts.iter().map(|d| &d.incoming).collect::<Vec<_>>(), [&Detail::Label("w4".into())]);
    assert_eq!(first.new_visits[0].label, "");
    let mut taken = mine.clone();
    apply_merge(&mut taken, &first, true);
    assert!(taken.visits.iter().all(|v| v.label == "w4"), "one label a day: {:?}", taken.visits);
    // Act
    let again = plan_merge(&taken, &theirs);
    // Assert
    assert!(again.adds_nothing() && !again.has_conflicts(), "{again:?}");
}

#[test]
fn a_rating_taken_goes_to_the_visit_of_the_person_who_gave_it_as_the_day_is_once_who_answered_is_settled() {
    // Assemble: the parent's sleep rating on the device; the file gives that sleep rating as the
    // patient's (who answered is corrected) and a parent's treatment effect, in either order.
    let mine = history(&["P1"], vec![day_visit("a", Some(Reporter::Parent), vec![sleep_nrs(2)], None, None)]);
    let patient = day_visit("b", Some(Reporter::Patient), vec![sleep_nrs(2)], None, None);
    let parent = day_visit("c", Some(Reporter::Parent), vec![], None, Some(3));
    for theirs in [history(&["P1"], vec![patient.clone(), parent.clone()]), history(&["P1"], vec![parent.clone(), patient.clone()])] {
        // Act
        let mut taken = mine.clone();
        apply_merge(&mut taken, &plan_merge(&mine, &theirs), true);
        // Assert: the sleep rating is the patient's; the effect is on a visit of the parent's.
        assert_eq!(
            day_ratings(&taken),
            [("P1-2024-01-01-1".to_string(), Some(Reporter::Parent), None, Some(3)), ("a".to_string(), Some(Reporter::Patient), None, None)]
        );
    }
}

#[test]
fn a_new_visit_on_a_day_without_a_label_leaves_the_day_one_label() {
    // Assemble: the device's unlabelled EASI day; the file labels it "week 4" and adds an itch.
    let mine = history(&["P1"], vec![day_visit("v", None, vec![easi_record()], None, None)]);
    let mut f = day_visit("f", None, vec![easi_record(), itch(5)], None, None);
    f.label = "week 4".into();
    let theirs = history(&["P1"], vec![f]);
    // Act
    let plan = plan_merge(&mine, &theirs);
    let (mut kept, mut taken) = (mine.clone(), mine.clone());
    apply_merge(&mut kept, &plan, false);
    apply_merge(&mut taken, &plan, true);
    // Assert: the label is asked about; kept or taken, the day has one.
    let labels = |h: &History| h.visits.iter().map(|v| v.label.clone()).collect::<Vec<_>>();
    assert_eq!(labels(&kept), ["", ""]);
    assert_eq!(labels(&taken), ["week 4", "week 4"]);
}

#[test]
fn a_questionnaire_taken_from_another_person_is_filed_as_theirs() {
    // Assemble: the patient's visit (itch 8, POEM); the file's parent visit of that day gives
    // the itch as 6.
    let mine = history(&["P1"], vec![day_visit("v", Some(Reporter::Patient), vec![itch(8), poem(4)], None, None)]);
    let theirs = history(&["P1"], vec![day_visit("f", Some(Reporter::Parent), vec![itch(6)], None, None)]);
    // Act
    let plan = plan_merge(&mine, &theirs);
    let mut taken = mine.clone();
    apply_merge(&mut taken, &plan, true);
    // Assert: asked with who gave each; taken, the parent's itch is on a visit of the parent's
    // and the patient's visit keeps the POEM as the patient's.
    assert_eq!(plan.conflicts[0].answered_by, [Some(Reporter::Patient), Some(Reporter::Parent)]);
    let holder = |key: &str| taken.visits.iter().find(|v| v.assessment(key).is_some()).map(|v| (v.id.as_str(), v.reported_by));
    assert_eq!(holder("itch_nrs"), Some(("P1-2024-01-01-1", Some(Reporter::Parent))));
    assert_eq!(taken.visits.iter().find(|v| v.id == "P1-2024-01-01-1").unwrap().assessments, [itch(6)]);
    assert_eq!(holder("poem"), Some(("v", Some(Reporter::Patient))));
    taken.validate().unwrap();
    assert!(plan_merge(&taken, &theirs).adds_nothing() && !plan_merge(&taken, &theirs).has_conflicts());
}
