//! Properties over generated histories: JSON round trip, history → CSV → batch scoring gives
//! the same totals, merging a history into itself or into nothing; and fuzzing of every
//! import parser (arbitrary bytes and mutated valid files) for panics.

use adscore::history::batch::score_csv;
use adscore::history::csv::{parse, to_csv, RESULT_COLUMNS};
use adscore::history::io::{from_json, to_json, to_json_compact};
use adscore::history::merge::{apply_merge, plan_merge};
use adscore::history::{cohort, labels, targets, visits_by_patient, GlobalRatings, History, Patient, Reporter, Visit, INSTRUMENTS};
use adscore::scoring::easi::{AreaScore, EasiBands, EasiRecord, EasiRegion, EasiRegions, SignGrade};
use adscore::scoring::poem::{PoemAnswer, PoemRecord};
use adscore::scoring::scorad::{Extent, Grade, Intensity, Percent, ScoradBands, ScoradRecord, Subjective, Vas};
use adscore::scoring::AgeYears;
use adscore::Assessment;
use proptest::prelude::*;
use std::collections::HashMap;
mod common;
use common::strategies::{dlqi, nrs};

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

fn age() -> impl Strategy<Value = AgeYears> {
    prop_oneof![0u8..=130, 0u8..=9].prop_map(|y| AgeYears::new(y).unwrap())
}

fn easi() -> impl Strategy<Value = EasiRecord> {
    let sign = prop::sample::select(SignGrade::ALLOWED_HALVES.to_vec()).prop_map(|h| SignGrade::from_halves(h).unwrap());
    let region = (0u8..=6, prop::array::uniform4(sign)).prop_map(|(area, s)| EasiRegion::from_parts(AreaScore::new(area).unwrap(), s));
    (age(), prop::array::uniform4(region)).prop_map(|(age_years, [head_neck, upper_limbs, trunk, lower_limbs])| EasiRecord {
        age_years,
        regions: EasiRegions { head_neck, upper_limbs, trunk, lower_limbs },
    })
}

fn scorad() -> impl Strategy<Value = ScoradRecord> {
    let percent = prop_oneof![0u16..=1000, prop::sample::select(vec![0u16, 1000])].prop_map(|t| Percent::from_tenths(t).unwrap());
    let grade = (0u8..=3).prop_map(|g| Grade::new(g).unwrap());
    let vas = (0u16..=100).prop_map(|t| Vas::from_tenths(t).unwrap());
    (age(), prop::array::uniform13(percent), prop::array::uniform6(grade), prop::option::of((vas.clone(), vas))).prop_map(
        |(age_years, p, g, c)| ScoradRecord {
            age_years,
            extent: Extent::from_array(p),
            intensity: Intensity::from_array(g),
            subjective: c.map(|(pruritus, sleep_loss)| Subjective { pruritus, sleep_loss }),
        },
    )
}

fn poem() -> impl Strategy<Value = PoemRecord> {
    let answer = prop::option::weighted(0.85, (0u8..=4).prop_map(|v| PoemAnswer::new(v).unwrap()));
    prop::array::uniform7(answer).prop_map(|answers| PoemRecord { answers })
}

/// One assessment of the instrument at `index` in [`INSTRUMENTS`].
fn assessment_of(index: usize) -> BoxedStrategy<Assessment> {
    match index {
        0 => easi().prop_map(Assessment::Easi).boxed(),
        1 => scorad().prop_map(Assessment::Scorad).boxed(),
        2 => poem().prop_map(Assessment::Poem).boxed(),
        3 => dlqi().prop_map(Assessment::Dlqi).boxed(),
        4 => nrs().prop_map(Assessment::ItchNrs).boxed(),
        _ => nrs().prop_map(Assessment::SleepNrs).boxed(),
    }
}

/// One to three assessments of different instruments, in any order.
fn assessments() -> impl Strategy<Value = Vec<Assessment>> {
    prop::sample::subsequence((0..INSTRUMENTS.len()).collect::<Vec<_>>(), 1..=3)
        .prop_shuffle()
        .prop_flat_map(|picked| picked.into_iter().map(assessment_of).collect::<Vec<_>>())
}

/// Free text that stresses CSV and JSON: commas, quotes, line breaks, formula signs, Korean.
fn text() -> impl Strategy<Value = String> {
    "[a-z0-9 ,\"'=+@\\-\n\r한é]{0,8}"
}

const DATES: [&str; 6] = ["2023-12-31", "2024-01-01", "2024-02-29", "2024-03-01", "2024-03-02", "2025-07-15"];

fn visit_details() -> impl Strategy<Value = (String, GlobalRatings, Option<Reporter>, EasiBands, ScoradBands, String)> {
    (
        prop_oneof![Just(String::new()), Just("baseline".to_string()), Just("week 4".to_string()), text()],
        (prop::option::of(0u8..=4), prop::option::of(0u8..=6)).prop_map(|(status, effect)| GlobalRatings { status, effect }),
        prop::option::of(prop::sample::select(vec![Reporter::Patient, Reporter::Parent])),
        prop::sample::select(EasiBands::ALL.to_vec()),
        prop::sample::select(ScoradBands::ALL.to_vec()),
        prop_oneof![Just(adscore::history::APP_VERSION.to_string()), text()],
    )
}

/// One patient: a code (unique through its prefix), details, and visits on distinct dates.
fn patient(index: usize) -> impl Strategy<Value = (Patient, Vec<Visit>)> {
    (
        text(),
        prop::option::of(prop::sample::select(DATES.to_vec())),
        text(),
        prop::sample::subsequence(DATES.to_vec(), 0..=3),
    )
        .prop_flat_map(move |(suffix, dob, note, dates)| {
            let code = format!("P{index}{}", suffix.trim_end());
            let code = code.chars().filter(|c| !c.is_control()).collect::<String>();
            let patient = Patient { code: code.clone(), dob: dob.map(String::from), note };
            let visits: Vec<_> = dates
                .into_iter()
                .enumerate()
                .map(|(n, date)| {
                    let (code, id) = (code.clone(), format!("{code}/{n}"));
                    (assessments(), visit_details()).prop_map(move |(assessments, (label, global, reported_by, easi_bands, scorad_bands, app_version))| Visit {
                        id: id.clone(),
                        patient: code.clone(),
                        date: date.to_string(),
                        label,
                        assessments,
                        global,
                        reported_by,
                        easi_bands,
                        scorad_bands,
                        app_version,
                    })
                })
                .collect();
            (Just(patient), visits)
        })
}

fn history() -> impl Strategy<Value = History> {
    (0usize..=3).prop_flat_map(|n| (0..n).map(patient).collect::<Vec<_>>()).prop_map(|people| {
        let mut h = History::default();
        for (p, visits) in people {
            h.patients.push(p);
            h.visits.extend(visits);
        }
        assert_eq!(h.validate(), Ok(()), "the strategy makes valid histories");
        h
    })
}

/// A CSV's data rows as maps from column name to cell.
fn rows(text: &str) -> Vec<HashMap<String, String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (records, error) = parse(text, b',');
    assert_eq!(error, None);
    let header = records[0].fields.clone();
    records[1..].iter().map(|r| header.iter().cloned().zip(r.fields.iter().cloned()).collect()).collect()
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn json_round_trip_is_identity(h in history()) {
        // record → JSON → record, for whole histories, pretty and compact.
        prop_assert_eq!(from_json(&to_json(&h)), Ok(h.clone()));
        prop_assert_eq!(from_json(&to_json_compact(&h)), Ok(h.clone()));
        // Stable: writing what was read gives the same text.
        prop_assert_eq!(to_json(&from_json(&to_json(&h)).unwrap()), to_json(&h));
    }

    #[test]
    fn csv_then_batch_gives_the_same_totals(h in history(), bom in any::<bool>()) {
        // Act
        let export = to_csv(&h, bom);
        let result = score_csv(&export);
        // Assert: every assessment is a row, every row scores, and to the same results.
        let count: usize = h.visits.iter().map(|v| v.assessments.len()).sum();
        prop_assert_eq!(&result.errors, &vec![]);
        prop_assert_eq!(result.scored, count);
        let before = rows(&export);
        let after = rows(&result.output_csv);
        prop_assert_eq!(before.len(), count);
        prop_assert_eq!(after.len(), count);
        for (b, a) in before.iter().zip(&after) {
            for column in RESULT_COLUMNS {
                prop_assert_eq!(&a[column], &b[column], "{} in {:?}", column, b);
            }
            prop_assert_eq!(&a["patient"], &b["patient"]);
            prop_assert_eq!(&a["label"], &b["label"]);
        }
        // And the totals are the history's own exact values.
        let mut expected: Vec<(String, String, String)> = Vec::new();
        for v in &h.visits {
            for a in &v.assessments {
                let score = a.score_with(v.easi_bands, v.scorad_bands).unwrap();
                let total = adscore::history::csv::result_cells(&score).into_iter().find(|(c, _)| *c == "total").map(|(_, t)| t).unwrap_or_default();
                expected.push((v.id.clone(), adscore::history::instrument_key(a).to_string(), total));
            }
        }
        for row in &after {
            let id = row["visit_id"].trim_start_matches('\'');
            let key = (id.to_string(), row["instrument"].clone(), row["total"].clone());
            prop_assert!(expected.contains(&key), "{:?} not among {:?}", key, expected);
        }
    }

    #[test]
    fn merging_a_history_into_itself_adds_nothing(h in history()) {
        let plan = plan_merge(&h, &h);
        let count: usize = h.visits.iter().map(|v| v.assessments.len()).sum();
        prop_assert!(plan.new_patients.is_empty() && plan.new_visits.is_empty());
        prop_assert!(plan.conflicts.is_empty() && plan.detail_conflicts.is_empty());
        prop_assert_eq!(plan.duplicates, count);
        let mut merged = h.clone();
        apply_merge(&mut merged, &plan, true);
        prop_assert_eq!(merged, h);
    }

    #[test]
    fn merging_into_an_empty_history_copies_it(h in history()) {
        let mut empty = History::default();
        let plan = plan_merge(&empty, &h);
        apply_merge(&mut empty, &plan, false);
        prop_assert_eq!(empty, h);
    }

    #[test]
    fn merging_two_histories_keeps_every_rule(a in history(), b in history(), overwrite in any::<bool>()) {
        let mut merged = a.clone();
        let plan = plan_merge(&merged, &b);
        apply_merge(&mut merged, &plan, overwrite);
        prop_assert_eq!(merged.validate(), Ok(()));
        // Nothing on the device is lost.
        let before: usize = a.visits.iter().map(|v| v.assessments.len()).sum();
        let after: usize = merged.visits.iter().map(|v| v.assessments.len()).sum();
        prop_assert!(after >= before);
        // A day keeps one rating of each kind.
        let mut rated: HashMap<(&str, &str), (usize, usize)> = HashMap::new();
        for v in &merged.visits {
            let day = rated.entry((v.patient.as_str(), v.date.as_str())).or_default();
            day.0 += usize::from(v.global.status.is_some());
            day.1 += usize::from(v.global.effect.is_some());
        }
        prop_assert!(rated.values().all(|&(status, effect)| status <= 1 && effect <= 1), "{:?}", merged.visits);
        // Merging again adds nothing.
        let again = plan_merge(&merged, &b);
        prop_assert!(again.new_visits.is_empty() && again.new_patients.is_empty());
    }
}

// ---------------------------------------------------------------------------------------------
// Whatever the editing functions do, the result reads back
// ---------------------------------------------------------------------------------------------

/// One call of the History API, with odd inputs: codes with spaces or control characters,
/// bad dates, repeated instruments, unknown ids.
#[derive(Clone, Debug)]
enum Op {
    Upsert(String, Option<String>, String),
    Add(usize, &'static str, Vec<Assessment>, (String, GlobalRatings, Option<Reporter>, EasiBands, ScoradBands, String)),
    Replace(usize, &'static str, Vec<Assessment>),
    RemoveVisit(usize),
    RemovePatient(usize),
    Merge(History, bool),
}

fn op() -> impl Strategy<Value = Op> {
    let date = prop::sample::select(vec!["2024-01-01", "2024-01-02", "2024-02-30", "2024-1-3", ""]);
    // Sometimes one instrument twice in a visit (which add_visit must refuse).
    let repeated = || {
        (assessments(), any::<bool>()).prop_map(|(mut a, twice)| {
            if twice {
                a.push(a[0]);
            }
            a
        })
    };
    prop_oneof![
        3 => ("[ a-c\t\n]{0,3}", prop::option::of("[0-9a-z-]{0,10}"), text()).prop_map(|(c, d, n)| Op::Upsert(c, d, n)),
        4 => (any::<usize>(), date.clone(), repeated(), visit_details()).prop_map(|(p, d, a, x)| Op::Add(p, d, a, x)),
        1 => (any::<usize>(), date, repeated()).prop_map(|(v, d, a)| Op::Replace(v, d, a)),
        1 => any::<usize>().prop_map(Op::RemoveVisit),
        1 => any::<usize>().prop_map(Op::RemovePatient),
        1 => (history(), any::<bool>()).prop_map(|(h, o)| Op::Merge(h, o)),
    ]
}

fn apply(h: &mut History, op: Op) {
    let patient = |h: &History, i: usize| h.patients.get(i % h.patients.len().max(1)).map(|p| p.code.clone());
    let visit = |h: &History, i: usize| h.visits.get(i % h.visits.len().max(1)).cloned();
    match op {
        Op::Upsert(code, dob, note) => h.upsert_patient(Patient { code, dob, note }),
        Op::Add(p, date, assessments, (label, global, reported_by, easi_bands, scorad_bands, app_version)) => {
            let code = patient(h, p).unwrap_or_else(|| "nobody".into());
            let id = h.next_visit_id(&code, date);
            let _ = h.add_visit(Visit { id, patient: code, date: date.into(), label, assessments, global, reported_by, easi_bands, scorad_bands, app_version });
        }
        Op::Replace(v, date, assessments) => {
            if let Some(old) = visit(h, v) {
                let _ = h.replace_visit(Visit { date: date.into(), assessments, ..old });
            }
        }
        Op::RemoveVisit(v) => {
            if let Some(old) = visit(h, v) {
                h.remove_visit(&old.id);
            }
        }
        Op::RemovePatient(p) => {
            if let Some(code) = patient(h, p) {
                h.remove_patient(&code);
            }
        }
        Op::Merge(incoming, overwrite) => {
            let plan = plan_merge(h, &incoming);
            apply_merge(h, &plan, overwrite);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_history_built_through_the_api_reads_back(ops in prop::collection::vec(op(), 0..12)) {
        // The device's store is written with to_json and read with from_store on the next
        // start: nothing the API allows may make it unreadable.
        let mut h = History::default();
        for op in ops {
            apply(&mut h, op);
            prop_assert_eq!(h.validate(), Ok(()));
        }
        prop_assert_eq!(adscore::history::io::from_store(&to_json(&h)), Ok(h.clone()));
        prop_assert_eq!(adscore::history::io::from_store(&to_json_compact(&h)), Ok(h));
    }
}

/// The cohort's visit labels as first specified: every visit sorted by date then id, each label
/// (trimmed, any case) taken where it first occurs.
fn labels_by_sorting_every_visit(h: &History) -> Vec<String> {
    let mut visits: Vec<&Visit> = h.visits.iter().collect();
    visits.sort_by(|a, b| (&a.date, &a.id).cmp(&(&b.date, &b.id)));
    let mut seen = std::collections::HashSet::new();
    visits
        .into_iter()
        .filter(|v| !v.label.trim().is_empty() && seen.insert(v.label.trim().to_lowercase()))
        .map(|v| v.label.trim().to_string())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn cohort_lists_do_not_depend_on_the_order_visits_are_stored(
        (h, shuffled) in history().prop_flat_map(|h| { let visits = h.visits.clone(); (Just(h), Just(visits).prop_shuffle()) })
    ) {
        // Assemble: the same history with its visits stored in another order.
        let mut other = h.clone();
        other.visits = shuffled;
        // Act
        let by_patient = visits_by_patient(&other);
        // Assert: each patient's visits in date order; the labels and targets as from a sort of
        // every visit; the same cohort at each target.
        for patient in &h.patients {
            let ids = |visits: Vec<&Visit>| visits.into_iter().map(|v| v.id.clone()).collect::<Vec<_>>();
            let grouped = by_patient.get(patient.code.as_str()).cloned().unwrap_or_default();
            prop_assert_eq!(ids(grouped), ids(h.visits_of(&patient.code)));
        }
        prop_assert_eq!(labels(&other), labels_by_sorting_every_visit(&h));
        prop_assert_eq!(targets(&other), targets(&h));
        for target in targets(&h) {
            prop_assert_eq!(cohort(&other, &target), cohort(&h, &target));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Fuzzing the import parsers: no input may panic
// ---------------------------------------------------------------------------------------------

/// A valid file with `n` bytes changed at positions from `edits`.
fn mutate(text: &str, edits: &[(usize, u8)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &(at, byte) in edits {
        if !bytes.is_empty() {
            let i = at % bytes.len();
            match byte % 3 {
                0 => bytes[i] = byte,
                1 => {
                    bytes.remove(i);
                }
                _ => bytes.insert(i, byte),
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn from_json_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = from_json(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn score_csv_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let r = score_csv(&String::from_utf8_lossy(&bytes));
        prop_assert!(r.scored <= r.output_csv.matches('\n').count());
    }

    #[test]
    fn score_csv_never_panics_on_csv_like_text(text in "[a-z_0-9,;\t\"\r\n. -]{0,300}") {
        let _ = score_csv(&format!("instrument,nrs_value,poem_1\n{text}"));
        let _ = score_csv(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn from_json_never_panics_on_a_damaged_file(h in history(), edits in prop::collection::vec((any::<usize>(), any::<u8>()), 1..6)) {
        // Whatever is accepted must still be a valid history.
        if let Ok(read) = from_json(&mutate(&to_json(&h), &edits)) {
            prop_assert_eq!(read.validate(), Ok(()));
        }
    }

    #[test]
    fn score_csv_never_panics_on_a_damaged_export(h in history(), edits in prop::collection::vec((any::<usize>(), any::<u8>()), 1..6)) {
        let r = score_csv(&mutate(&to_csv(&h, true), &edits));
        for e in &r.errors {
            prop_assert!(!e.reason.to_string().is_empty());
        }
    }
}
