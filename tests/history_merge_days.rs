//! Import merging over randomized days that two people answered: one to three visits of one
//! patient's day on the device and in the file, each instrument and each kind of global rating
//! on at most one visit, visits by the patient, a parent or no one named, shared ids, equal and
//! differing records, ratings and labels. Whatever the mix, a merge never changes anything
//! unasked, keeps one rating of each kind a day, loses nothing, never credits an answer to
//! another person than the device or the file says gave it, and a second import adds nothing.

use adscore::history::merge::{apply_merge, plan_merge, Detail};
use adscore::history::{instrument_key, GlobalRatings, History, Patient, Reporter, Visit};
use adscore::Assessment;
use proptest::prelude::*;

/// An assessment of instrument `kind` (EASI, itch NRS, POEM, sleep NRS) varying with `v`.
fn rec(kind: usize, v: u8) -> Assessment {
    let json = match kind {
        0 => format!(r#"{{"instrument":"easi","age_years":30,"regions":{{"head_neck":{{"area":{v},"erythema":1,"edema_papulation":1,"excoriation":0,"lichenification":0}},"upper_limbs":{{"area":0,"erythema":0,"edema_papulation":0,"excoriation":0,"lichenification":0}},"trunk":{{"area":0,"erythema":0,"edema_papulation":0,"excoriation":0,"lichenification":0}},"lower_limbs":{{"area":0,"erythema":0,"edema_papulation":0,"excoriation":0,"lichenification":0}}}}}}"#),
        1 => format!(r#"{{"instrument":"itch_nrs","value":{v}}}"#),
        2 => format!(r#"{{"instrument":"poem","answers":[{v},0,0,0,0,0,0]}}"#),
        _ => format!(r#"{{"instrument":"sleep_nrs","value":{v}}}"#),
    };
    Assessment::from_json(&json).unwrap()
}

const IDS: [&str; 4] = ["a", "b", "f", "g"];

/// A day of one or two visits: instruments and each rating kind on at most one visit; two
/// visits by different reporters (or one unnamed); one label.
fn day() -> impl Strategy<Value = (String, Vec<Visit>)> {
    (
        1usize..=3,
        prop::sample::subsequence(vec![0usize, 1, 2, 3], 3),
        prop::sample::select(vec![(Some(Reporter::Patient), Some(Reporter::Parent), None), (None, Some(Reporter::Parent), Some(Reporter::Patient)), (Some(Reporter::Patient), Some(Reporter::Parent), Some(Reporter::Parent)), (Some(Reporter::Parent), Some(Reporter::Patient), Some(Reporter::Patient)), (None, Some(Reporter::Parent), None), (Some(Reporter::Patient), None, Some(Reporter::Parent)), (Some(Reporter::Parent), Some(Reporter::Parent), None)]),
        prop::array::uniform4((prop::option::weighted(0.5, 0usize..3), 1u8..=2)),
        (prop::option::of((0usize..3, 1u8..=2)), prop::option::of((0usize..3, 2u8..=3))),
        prop::sample::select(vec!["", "w4", "w8"]),
    )
        .prop_map(|(n, ids, (r0, r1, r2), inst, (status, effect), label)| {
            let mut visits: Vec<Visit> = (0..n)
                .map(|i| {
                    let mut v = Visit::new(IDS[ids[i]], "P1", "2024-01-01", Vec::new());
                    v.reported_by = [r0, r1, r2][i];
                    v.label = label.to_string();
                    v
                })
                .collect();
            for (k, (owner, value)) in inst.iter().enumerate() {
                if let Some(o) = owner {
                    let o = o % n;
                    visits[o].assessments.push(rec(k, *value));
                }
            }
            if let Some((o, s)) = status {
                visits[o % n].global.status = Some(s);
            }
            if let Some((o, e)) = effect {
                visits[o % n].global.effect = Some(e);
            }
            for v in visits.iter_mut() {
                if !v.has_answers() {
                    v.reported_by = None;
                }
            }
            (label.to_string(), visits)
        })
}

/// P1's history of these visits.
fn history(visits: Vec<Visit>) -> History {
    let mut h = History::default();
    h.upsert_patient(Patient::new("P1"));
    for v in visits {
        h.add_visit(v).unwrap();
    }
    h
}

/// Whether the history (one day) has at most one rating of each kind.
fn one_per_kind(h: &History) -> bool {
    h.visits.iter().filter(|v| v.global.status.is_some()).count() <= 1 && h.visits.iter().filter(|v| v.global.effect.is_some()).count() <= 1
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn a_day_two_people_answered_merges_by_the_day_rules((_, mine) in day(), (_, theirs) in day()) {
        let (device, file) = (history(mine), history(theirs));
        // A day merged into itself asks and adds nothing.
        let itself = plan_merge(&device, &device);
        prop_assert!(itself.detail_conflicts.is_empty() && itself.new_visits.is_empty(), "{:?}", itself);
        // Not taken: the device's visits are as they were, and importing again adds nothing.
        let plan = plan_merge(&device, &file);
        let mut kept = device.clone();
        apply_merge(&mut kept, &plan, false);
        for v in &device.visits {
            prop_assert_eq!(kept.visit(&v.id), Some(v), "changed unasked: {:?}", plan);
        }
        prop_assert!(one_per_kind(&kept), "{:?}", kept.visits);
        prop_assert!(plan_merge(&kept, &file).new_visits.is_empty());
        // Taken: valid, nothing lost, one rating of each kind, each of the file's ratings is
        // the day's; importing again adds nothing and asks about no score or rating.
        let mut taken = device.clone();
        apply_merge(&mut taken, &plan, true);
        prop_assert_eq!(taken.validate(), Ok(()));
        let count = |h: &History| h.visits.iter().map(|v| v.assessments.len()).sum::<usize>();
        prop_assert!(count(&taken) >= count(&device));
        prop_assert!(one_per_kind(&taken), "{:?}", taken.visits);
        for v in &file.visits {
            prop_assert!(v.global.status.is_none_or(|s| taken.visits.iter().any(|w| w.global.status == Some(s))));
            prop_assert!(v.global.effect.is_none_or(|e| taken.visits.iter().any(|w| w.global.effect == Some(e))));
            // A rating taken (the device had another) is on a visit of the person the file names.
            for kind in [|g: &GlobalRatings| g.status, |g: &GlobalRatings| g.effect] {
                let Some(given) = kind(&v.global) else { continue };
                if v.reported_by.is_none() || device.visits.iter().any(|w| kind(&w.global) == Some(given)) {
                    continue;
                }
                let holder = taken.visits.iter().find(|w| kind(&w.global) == Some(given)).map(|w| w.reported_by);
                prop_assert_eq!(holder, Some(v.reported_by), "{:?}", taken.visits);
            }
        }
        let again = plan_merge(&taken, &file);
        prop_assert!(again.new_visits.is_empty() && again.conflicts.is_empty(), "{:?}", again);
        // (Known limit, docs/history-format.md: who answered or a label can be asked about again.)
        prop_assert!(again.detail_conflicts.iter().all(|d| matches!(d.incoming, Detail::ReportedBy(_) | Detail::Label(_))), "{:?}", again);
        // A patient-reported record taken from the file is on a visit of the person it names.
        for v in file.visits.iter().filter(|v| v.reported_by.is_some()) {
            for a in v.assessments.iter().filter(|a| a.is_patient_reported()) {
                let key = instrument_key(a);
                let differs = device.visits.iter().any(|w| w.assessment(key).is_some_and(|d| d != a));
                let now = taken.visits.iter().find(|w| w.assessment(key) == Some(a)).map(|w| w.reported_by);
                prop_assert!(!differs || now == Some(v.reported_by), "{key} taken onto {:?}: {:?}", now, taken.visits);
            }
        }
        // Who answered: a patient-reported assessment the device has keeps the person who gave
        // it, unless the file names who gave it or its visit by id.
        for v in device.visits.iter().filter(|v| v.reported_by.is_some() && !file.visits.iter().any(|w| w.id == v.id)) {
            for a in v.assessments.iter().filter(|a| a.is_patient_reported()) {
                let key = instrument_key(a);
                let now = taken.visits.iter().find(|w| w.assessment(key).is_some()).map(|w| w.reported_by);
                let file_says = file.visits.iter().find(|w| w.assessment(key).is_some()).map(|w| w.reported_by);
                prop_assert!(now == Some(v.reported_by) || file_says == now, "{key} credited to {:?}: {:?}", now, taken.visits);
            }
        }
    }
}
