//! Visits over time: the History API's rules, exact values, change from baseline with its
//! rounding, responder flags at their exact edges, and cohort counts, means and medians on a
//! small hand-made history.

use adscore::history::{
    baseline_visit, change, change_text, cohort, time_point_end, time_point_of, default_target, labels, looks_like_a_date, looks_like_a_name, percent_of, responders, signed_tenths, similar_codes, target_visit, without_invisible,
    targets, visits_by_patient, BirthDateNote, Change, DayUpdate, GlobalRatings, History, Metric, Patient, Reporter, Responders, Visit, UNITS,
};
use adscore::scoring::{EasiBands, ScoradBands};
use adscore::Assessment;

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

/// An EASI record at age 30 (weights 0.1, 0.2, 0.3, 0.4) from each region's area and its four
/// sign grades (as JSON numbers), in the order head/neck, upper limbs, trunk, lower limbs.
fn easi(regions: [(u8, [f64; 4]); 4]) -> Assessment {
    let names = ["head_neck", "upper_limbs", "trunk", "lower_limbs"];
    let parts: Vec<String> = names
        .iter()
        .zip(regions)
        .map(|(name, (area, [e, i, x, l]))| {
            format!(r#""{name}":{{"area":{area},"erythema":{e},"edema_papulation":{i},"excoriation":{x},"lichenification":{l}}}"#)
        })
        .collect();
    let json = format!(r#"{{"instrument":"easi","age_years":30,"regions":{{{}}}}}"#, parts.join(","));
    Assessment::from_json(&json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

const NONE: (u8, [f64; 4]) = (0, [0.0; 4]);

/// EASI 20: lower limbs (3 + 3 + 2 + 2) × area 5 × 0.4 = 20.
fn easi_20() -> Assessment {
    easi([NONE, NONE, NONE, (5, [3.0, 3.0, 2.0, 2.0])])
}

/// EASI 10: lower limbs (2 + 1 + 1 + 1) × 5 × 0.4 = 10.
fn easi_10() -> Assessment {
    easi([NONE, NONE, NONE, (5, [2.0, 1.0, 1.0, 1.0])])
}

/// EASI 10.05: lower limbs (2 + 1 + 1 + 1) × 4 × 0.4 = 8; trunk 1.5 × 3 × 0.3 = 1.35;
/// upper limbs (1.5 + 2) × 1 × 0.2 = 0.7; total 10.05.
fn easi_10_05() -> Assessment {
    easi([NONE, (1, [1.5, 2.0, 0.0, 0.0]), (3, [1.5, 0.0, 0.0, 0.0]), (4, [2.0, 1.0, 1.0, 1.0])])
}

/// EASI 5: lower limbs 2.5 × 5 × 0.4 = 5.
fn easi_5() -> Assessment {
    easi([NONE, NONE, NONE, (5, [2.5, 0.0, 0.0, 0.0])])
}

/// EASI 2: lower limbs (1 + 1 + 1 + 2) × 1 × 0.4 = 2.
fn easi_2() -> Assessment {
    easi([NONE, NONE, NONE, (1, [1.0, 1.0, 1.0, 2.0])])
}

/// EASI 2.05: lower limbs (1 + 1 + 1 + 1) × 1 × 0.4 = 1.6; head/neck (1.5 + 1 + 1 + 1) × 1 ×
/// 0.1 = 0.45; total 2.05.
fn easi_2_05() -> Assessment {
    easi([(1, [1.5, 1.0, 1.0, 1.0]), NONE, NONE, (1, [1.0, 1.0, 1.0, 1.0])])
}

fn easi_0() -> Assessment {
    easi([NONE; 4])
}

fn itch(value: u8) -> Assessment {
    Assessment::from_json(&format!(r#"{{"instrument":"itch_nrs","value":{value}}}"#)).unwrap()
}

fn sleep(value: u8) -> Assessment {
    Assessment::from_json(&format!(r#"{{"instrument":"sleep_nrs","value":{value}}}"#)).unwrap()
}

/// POEM whose answers add up to `total` (0–28), all answered.
fn poem(total: u8) -> Assessment {
    let mut answers = [0u8; 7];
    let mut rest = total;
    for a in &mut answers {
        *a = rest.min(4);
        rest -= *a;
    }
    assert_eq!(rest, 0);
    let list: Vec<String> = answers.iter().map(u8::to_string).collect();
    Assessment::from_json(&format!(r#"{{"instrument":"poem","answers":[{}]}}"#, list.join(","))).unwrap()
}

const SCORAD_NO_C: &str = r#"{"instrument":"scorad","age_years":1,"extent":{"head_neck_front":50,"head_neck_back":0,"upper_limb_left_front":0,"upper_limb_left_back":0,"upper_limb_right_front":0,"upper_limb_right_back":0,"trunk_front":25,"trunk_back":0,"lower_limb_left_front":0,"lower_limb_left_back":0,"lower_limb_right_front":0,"lower_limb_right_back":0,"genitals":0},"intensity":{"erythema":2,"edema_papulation":1,"oozing_crusts":0,"excoriation":1,"lichenification":0,"dryness":2}}"#;

fn visit(id: &str, patient: &str, date: &str, assessments: Vec<Assessment>) -> Visit {
    Visit::new(id, patient, date, assessments)
}

fn history_with(codes: &[&str]) -> History {
    let mut h = History::default();
    for code in codes {
        h.upsert_patient(Patient::new(*code));
    }
    h
}

// ---------------------------------------------------------------------------------------------
// Exact values
// ---------------------------------------------------------------------------------------------

#[test]
fn metric_keys_are_the_documented_ones() {
    let keys: Vec<&str> = Metric::ALL.iter().map(|m| m.key()).collect();
    assert_eq!(keys, ["easi", "scorad", "objective_scorad", "poem", "dlqi", "itch_nrs", "sleep_nrs"]);
    assert_eq!(Metric::from_key("objective_scorad"), Some(Metric::ObjectiveScorad));
}

#[test]
fn values_are_exact_in_units() {
    // Assemble: EASI 10.05, the documented SCORAD without C (objective 22.75), POEM 14, itch 7.
    let scorad = Assessment::from_json(SCORAD_NO_C).unwrap();
    let v = visit("v", "P", "2024-01-01", vec![easi_10_05(), scorad, poem(14), itch(7)]);
    // Act / Assert: 10.05 × 10 000 = 100 500; 22.75 × 10 000 = 227 500.
    assert_eq!(v.value(Metric::Easi), Some(100_500));
    assert_eq!(v.value(Metric::ObjectiveScorad), Some(227_500));
    assert_eq!(v.value(Metric::Scorad), None, "no C, no SCORAD total");
    assert_eq!(v.value(Metric::Poem), Some(14 * UNITS));
    assert_eq!(v.value(Metric::ItchNrs), Some(7 * UNITS));
    assert_eq!(v.value(Metric::Dlqi), None, "absent");
    assert!(v.score(Metric::Scorad).is_some(), "the SCORAD score exists even without a total");
    assert_eq!(v.assessment("poem"), Some(&poem(14)));
}

#[test]
fn poem_with_two_blanks_has_no_value() {
    let p = Assessment::from_json(r#"{"instrument":"poem","answers":[4,null,null,0,1,2,4]}"#).unwrap();
    let v = visit("v", "P", "2024-01-01", vec![p]);
    assert_eq!(v.value(Metric::Poem), None);
}

// ---------------------------------------------------------------------------------------------
// Responders at their edges
// ---------------------------------------------------------------------------------------------

fn flags(baseline: Vec<Assessment>, current: Vec<Assessment>) -> Responders {
    responders(&visit("b", "P", "2024-01-01", baseline), &visit("c", "P", "2024-02-01", current))
}

#[test]
fn easi_20_to_10_is_exactly_easi_50() {
    // (20 − 10) × 100 = 1000 ≥ 50 × 20 = 1000: yes; 75 × 20 = 1500: no.
    let r = flags(vec![easi_20()], vec![easi_10()]);
    assert_eq!((r.easi50, r.easi75, r.easi90), (Some(true), Some(false), Some(false)));
}

#[test]
fn easi_20_to_10_05_is_not_easi_50() {
    // (20 − 10.05) × 100 = 995 < 1000.
    let r = flags(vec![easi_20()], vec![easi_10_05()]);
    assert_eq!(r.easi50, Some(false));
}

#[test]
fn easi_75_and_90_edges_are_exact() {
    // 20 → 5: (15) × 100 = 1500 ≥ 75 × 20 = 1500. 20 → 2: 1800 ≥ 90 × 20 = 1800.
    let r = flags(vec![easi_20()], vec![easi_5()]);
    assert_eq!((r.easi50, r.easi75, r.easi90), (Some(true), Some(true), Some(false)));
    let r = flags(vec![easi_20()], vec![easi_2()]);
    assert_eq!(r.easi90, Some(true));
    // 20 → 2.05: 1795 < 1800.
    let r = flags(vec![easi_20()], vec![easi_2_05()]);
    assert_eq!((r.easi75, r.easi90), (Some(true), Some(false)));
}

#[test]
fn easi_baseline_0_is_not_applicable() {
    let r = flags(vec![easi_0()], vec![easi_0()]);
    assert_eq!((r.easi50, r.easi75, r.easi90), (None, None, None));
}

#[test]
fn missing_easi_or_itch_is_not_applicable() {
    let r = flags(vec![easi_20()], vec![itch(3)]);
    assert_eq!((r.easi50, r.itch4), (None, None));
}

#[test]
fn itch_improvement_of_4_points_counts() {
    // 8 → 4: 4 points, yes. 8 → 5: 3 points, no.
    assert_eq!(flags(vec![itch(8)], vec![itch(4)]).itch4, Some(true));
    assert_eq!(flags(vec![itch(8)], vec![itch(5)]).itch4, Some(false));
    // Exactly 4 at baseline: evaluable (4 → 0 responds).
    assert_eq!(flags(vec![itch(4)], vec![itch(0)]).itch4, Some(true));
    // A baseline below 4 cannot improve by 4: not evaluable (trials count this endpoint among
    // patients with a baseline of 4 or more).
    assert_eq!(flags(vec![itch(3)], vec![itch(0)]).itch4, None);
}

// ---------------------------------------------------------------------------------------------
// Change from baseline
// ---------------------------------------------------------------------------------------------

fn change_of(metric: Metric, baseline: Assessment, current: Assessment) -> Change {
    change(&visit("b", "P", "2024-01-01", vec![baseline]), &visit("c", "P", "2024-02-01", vec![current]), metric)
}

#[test]
fn change_is_exact_with_percent_in_tenths() {
    // EASI 20 → 10.05: −9.95 = −99 500 units; −9.95 / 20 = −49.75 % → −497.5 tenths → −498.
    assert_eq!(change_of(Metric::Easi, easi_20(), easi_10_05()), Change::Value { abs: -99_500, pct_tenths: Some(-498) });
    // EASI 20 → 10: −50.0 % exactly.
    assert_eq!(change_of(Metric::Easi, easi_20(), easi_10()), Change::Value { abs: -100_000, pct_tenths: Some(-500) });
}

#[test]
fn percent_rounds_half_away_from_zero() {
    // POEM 16 → 15: −1/16 = −6.25 % → −62.5 tenths → −63 (away from zero, both signs).
    assert_eq!(change_of(Metric::Poem, poem(16), poem(15)), Change::Value { abs: -UNITS, pct_tenths: Some(-63) });
    // POEM 16 → 17: +6.25 % → +63.
    assert_eq!(change_of(Metric::Poem, poem(16), poem(17)), Change::Value { abs: UNITS, pct_tenths: Some(63) });
    // POEM 3 → 2: −33.33… % → −333.
    assert_eq!(change_of(Metric::Poem, poem(3), poem(2)), Change::Value { abs: -UNITS, pct_tenths: Some(-333) });
    // Itch 7 → 8: +14.285… % → +143.
    assert_eq!(change_of(Metric::ItchNrs, itch(7), itch(8)), Change::Value { abs: UNITS, pct_tenths: Some(143) });
    // Sleep 3 → 1: −66.66… % → −667.
    assert_eq!(change_of(Metric::SleepNrs, sleep(3), sleep(1)), Change::Value { abs: -2 * UNITS, pct_tenths: Some(-667) });
}

/// EASI 50.05: lower limbs 12 × 6 × 0.4 = 28.8; trunk 12 × 5 × 0.3 = 18; head and neck
/// (3 + 2.5 + 1 + 0) × 5 × 0.1 = 3.25.
fn easi_50_05() -> Assessment {
    easi([(5, [3.0, 2.5, 1.0, 0.0]), NONE, (5, [3.0; 4]), (6, [3.0; 4])])
}

/// EASI 25.05: lower limbs (3 + 3 + 2 + 2) × 6 × 0.4 = 24; head and neck (2 + 1.5) × 3 × 0.1 = 1.05.
fn easi_25_05() -> Assessment {
    easi([(3, [2.0, 1.5, 0.0, 0.0]), NONE, NONE, (6, [3.0, 3.0, 2.0, 2.0])])
}

#[test]
fn the_percent_shown_never_crosses_a_responder_threshold_the_exact_value_has_not() {
    // EASI 50.05 → 25.05: −25 / 50.05 = −49.950… %, not an EASI-50 responder. Rounded to the
    // nearest it would read −50.0 % beside no EASI-50 badge: it is shown −49.9 %.
    let (b, c) = (easi_50_05(), easi_25_05());
    assert_eq!(change_of(Metric::Easi, b.clone(), c.clone()), Change::Value { abs: -25 * UNITS, pct_tenths: Some(-499) });
    assert_eq!(flags(vec![b], vec![c]).easi50, Some(false));
}

#[test]
fn the_change_shown_never_rounds_onto_or_off_a_responder_threshold() {
    // Assemble / Act / Assert: EASI 50.0 → 25.05 is −24.95, −49.9 %: to one decimal "-25.0",
    // half the baseline beside no EASI-50 flag; it is written out exactly.
    assert_eq!(change_text(Metric::Easi, -249_500, 50 * UNITS), "−24.95");
    // From 50.01, −25.005 is exactly −50 %; "-25.0" would be short of it: exact again.
    assert_eq!(change_text(Metric::Easi, -250_050, 500_100), "−25.005");
    // −9.95 from 20 (−49.75 %) too: "-10.0" is half of 20.
    assert_eq!(change_text(Metric::Easi, -99_500, 20 * UNITS), "−9.95");
    // Elsewhere one decimal, half away from zero, signed.
    assert_eq!(change_text(Metric::Easi, -42_500, 20 * UNITS), "−4.3");
    assert_eq!(change_text(Metric::Easi, 15_000, 20 * UNITS), "+1.5");
    // 75 % and 90 % too: −44.96 from 60 (−74.93 %) would read −45.0.
    assert_eq!(change_text(Metric::Scorad, -449_600, 60 * UNITS), "−44.96");
    // Whole-number instruments are whole; a baseline of 0 has no threshold to cross.
    assert_eq!(change_text(Metric::Poem, -8 * UNITS, 16 * UNITS), "−8");
    assert_eq!(change_text(Metric::Easi, 49_500, 0), "+5.0");
}

#[test]
fn baseline_0_gives_not_applicable_percent() {
    // EASI 0 → 5: +5 points, no percentage (and no division).
    assert_eq!(change_of(Metric::Easi, easi_0(), easi_5()), Change::Value { abs: 5 * UNITS, pct_tenths: None });
    assert_eq!(change_of(Metric::ItchNrs, itch(0), itch(0)), Change::Value { abs: 0, pct_tenths: None });
}

#[test]
fn change_with_a_value_missing_is_missing() {
    assert_eq!(change_of(Metric::Easi, easi_20(), itch(3)), Change::Missing);
    let scorad = Assessment::from_json(SCORAD_NO_C).unwrap();
    assert_eq!(change_of(Metric::Scorad, scorad, scorad), Change::Missing, "no C on either side");
    assert_eq!(change_of(Metric::ObjectiveScorad, scorad, scorad), Change::Value { abs: 0, pct_tenths: Some(0) });
}

// ---------------------------------------------------------------------------------------------
// Cohort
// ---------------------------------------------------------------------------------------------

/// P1: baseline EASI 20, itch 8, POEM 10 → week 4 EASI 10, itch 4, POEM 6 → week 8 EASI 2.
/// P2: baseline EASI 20, itch 8, POEM 10 → week 4 EASI 2, itch 5, POEM 9.
/// P3: baseline EASI 0, itch 2 → week 4 EASI 5, itch 0.
/// P4: baseline only. P5: no visits.
fn study() -> History {
    let mut h = history_with(&["P1", "P2", "P3", "P4", "P5"]);
    let mut add = |id: &str, p: &str, date: &str, label: &str, a: Vec<Assessment>| {
        let mut v = visit(id, p, date, a);
        v.label = label.into();
        h.add_visit(v).unwrap();
    };
    // Added out of date order on purpose: the baseline is the earliest visit, not the first added.
    add("p1-w4", "P1", "2024-02-01", "week 4", vec![easi_10(), itch(4), poem(6)]);
    add("p1-b", "P1", "2024-01-04", "baseline", vec![easi_20(), itch(8), poem(10)]);
    add("p1-w8", "P1", "2024-03-01", "week 8", vec![easi_2()]);
    add("p2-b", "P2", "2024-01-02", "baseline", vec![easi_20(), itch(8), poem(10)]);
    add("p2-w4", "P2", "2024-01-30", "week 4", vec![easi_2(), itch(5), poem(9)]);
    add("p3-b", "P3", "2024-01-03", "baseline", vec![easi_0(), itch(2)]);
    add("p3-w4", "P3", "2024-02-03", "week 4", vec![easi_5(), itch(0)]);
    add("p4-b", "P4", "2024-01-05", "baseline", vec![easi_20()]);
    h
}

fn row(c: &adscore::history::Cohort, metric: Metric) -> &adscore::history::CohortRow {
    c.rows.iter().find(|r| r.metric == metric).unwrap()
}

#[test]
fn cohort_counts_responders_among_evaluable_patients() {
    // Act
    let c = cohort(&study(), "week 4");
    // Assert: 5 patients, 3 with baseline and week 4 (P4 has no week 4, P5 no visits).
    assert_eq!((c.patients, c.with_both), (5, 3));
    // EASI-50: P1 (20 → 10) and P2 (20 → 2) of 2 evaluable (P3's baseline is 0, counted apart).
    assert_eq!(c.easi50, (2, 2));
    assert_eq!(c.easi_zero_baseline, 1);
    // EASI-75 and 90: only P2.
    assert_eq!(c.easi75, (1, 2));
    assert_eq!(c.easi90, (1, 2));
    // Itch −4: P1 (8 → 4) of 2 (P2 8 → 5 is not; P3's baseline 2 cannot improve by 4 and is
    // not evaluable).
    assert_eq!(c.itch4, (1, 2));
}

#[test]
fn cohort_names_the_patients_not_compared_and_those_without_an_easi_50_result() {
    // Assemble: the study, and P6 with week 4 but no EASI that day.
    let mut h = study();
    h.upsert_patient(Patient::new("P6"));
    for (id, date, label, a) in [("p6-b", "2024-01-06", "baseline", easi_20()), ("p6-w4", "2024-02-06", "week 4", itch(3))] {
        let mut v = visit(id, "P6", date, vec![a]);
        v.label = label.into();
        h.add_visit(v).unwrap();
    }
    // Act
    let c = cohort(&h, "week 4");
    let week8 = cohort(&h, "week 8");
    // Assert: P4 (baseline only) and P5 (no visits) are out; P3 (baseline EASI 0) and P6 (no
    // EASI at week 4) are compared, without an EASI-50 result. At week 8 only P1 is compared.
    assert_eq!((c.not_compared, c.easi_not_evaluable), (vec!["P4".to_string(), "P5".into()], vec!["P3".to_string(), "P6".into()]));
    assert_eq!((c.with_both, c.easi50), (4, (2, 2)));
    assert_eq!(week8.not_compared, ["P2", "P3", "P4", "P5", "P6"]);
    assert!(week8.easi_not_evaluable.is_empty());
}

#[test]
fn cohort_means_and_medians_are_tenths_of_a_point() {
    let c = cohort(&study(), "week 4");
    // EASI changes −10, −18, +5: mean −23/3 = −7.67 → −7.7, median −10.
    let easi = row(&c, Metric::Easi);
    assert_eq!(easi.n, 3);
    assert_eq!((easi.mean_change, easi.median_change), (Some(-77), Some(-100)));
    // Itch −4, −3, −2: mean and median −3.
    let itch = row(&c, Metric::ItchNrs);
    assert_eq!((itch.mean_change, itch.median_change), (Some(-30), Some(-30)));
    // POEM −4 (P1), −1 (P2): even n, median is the mean of the two middle values, −2.5.
    let poem = row(&c, Metric::Poem);
    assert_eq!(poem.n, 2);
    assert_eq!((poem.mean_change, poem.median_change), (Some(-25), Some(-25)));
    // DLQI: nobody.
    let dlqi = row(&c, Metric::Dlqi);
    assert_eq!((dlqi.n, dlqi.mean_change, dlqi.median_change), (0, None, None));
    assert_eq!(c.rows.len(), Metric::ALL.len());
}

#[test]
fn cohort_counts_the_patients_ratings_of_their_eczema_and_its_treatment_on_each_day() {
    // Assemble: ratings of disease status (0 clear … 4 severe) and treatment effect (0 very much
    // better … 6 very much worse). P1 severe → almost clear, much better; P2 moderate → mild,
    // the week 4 rating given on a second visit that day (rated on the tablet, filed apart);
    // P3 rates nothing at baseline, then mild and no change; P4, with no week 4, severe at
    // baseline (not compared, not counted).
    let mut h = study();
    let mut rate = |id: &str, status: Option<u8>, effect: Option<u8>| {
        let v = h.visits.iter_mut().find(|v| v.id == id).unwrap();
        v.global = GlobalRatings { status, effect };
    };
    rate("p1-b", Some(4), None);
    rate("p1-w4", Some(1), Some(1));
    rate("p2-b", Some(3), None);
    rate("p3-w4", Some(2), Some(3));
    rate("p4-b", Some(4), None);
    let mut apart = visit("p2-w4-tablet", "P2", "2024-01-30", vec![]);
    apart.global = GlobalRatings { status: Some(2), effect: Some(2) };
    h.add_visit(apart).unwrap();
    // Act
    let c = cohort(&h, "week 4");
    // Assert: at baseline one severe and one moderate (P3 unrated); at week 4 one almost clear
    // and two mild; effects much better, a little better, no change.
    assert_eq!(c.with_both, 3);
    assert_eq!(c.status, [[0, 0, 0, 1, 1], [0, 1, 2, 0, 0]]);
    assert_eq!(c.effect, [0, 1, 1, 1, 0, 0, 0]);
    // No one named as giving them: none counted as a parent's.
    assert_eq!(c.by_parent, 0);
    // No ratings anywhere: nothing counted.
    let unrated = cohort(&study(), "week 4");
    assert_eq!((unrated.status, unrated.effect, unrated.by_parent), ([[0; 5]; 2], [0; 7], 0));
    // Act: P2's week-4 ratings (read from the second visit that day) given by a parent, and P1's
    // baseline by the patient; P4's, not compared, by a parent.
    for (id, by) in [("p2-w4-tablet", Reporter::Parent), ("p1-b", Reporter::Patient), ("p4-b", Reporter::Parent)] {
        h.visits.iter_mut().find(|v| v.id == id).unwrap().reported_by = Some(by);
    }
    // Assert: P2's two week-4 ratings are a parent's; the counts themselves are unchanged.
    let c = cohort(&h, "week 4");
    assert_eq!((c.by_parent, c.status, c.effect), (2, [[0, 0, 0, 1, 1], [0, 1, 2, 0, 0]], [0, 1, 1, 1, 0, 0, 0]));
}

#[test]
fn cohort_at_visit_n_uses_the_nth_visit_in_date_order() {
    // "visit 2" is week 4 for P1–P3 here, so the counts are the same as at "week 4".
    let at_label = cohort(&study(), "week 4");
    let at_n = cohort(&study(), "visit 2");
    assert_eq!(at_n, at_label);
    // "visit 3": only P1 (20 → 2).
    let third = cohort(&study(), "Visit 3");
    assert_eq!((third.with_both, third.easi90), (1, (1, 1)));
}

#[test]
fn cohort_at_baseline_or_unknown_label_has_nobody() {
    assert_eq!(cohort(&study(), "baseline").with_both, 0, "the target must differ from the baseline");
    let none = cohort(&study(), "week 99");
    assert_eq!((none.with_both, none.easi50), (0, (0, 0)));
    assert!(none.rows.iter().all(|r| r.n == 0 && r.mean_change.is_none()));
}

#[test]
fn cohort_rounding_is_half_away_from_zero_and_exact() {
    // One patient, EASI 0.3 → 0.15: −0.15 → −0.2 (half away from zero on the exact value; a
    // float mean reads −0.1499… → −0.1).
    let mut h = history_with(&["P"]);
    // 0.3: head and neck (1 + 1 + 1 + 0) × 1 × 0.1; 0.15: head and neck 1.5 × 1 × 0.1.
    h.add_visit(visit("b", "P", "2024-01-01", vec![easi([(1, [1.0, 1.0, 1.0, 0.0]), NONE, NONE, NONE])])).unwrap();
    let mut w4 = visit("w", "P", "2024-02-01", vec![easi([(1, [1.5, 0.0, 0.0, 0.0]), NONE, NONE, NONE])]);
    w4.label = "week 4".into();
    h.add_visit(w4).unwrap();
    let easi_row = row(&cohort(&h, "week 4"), Metric::Easi).clone();
    assert_eq!((easi_row.mean_change, easi_row.median_change), (Some(-2), Some(-2)));
    assert_eq!([signed_tenths(-2), signed_tenths(5), signed_tenths(0), signed_tenths(-77)], ["−0.2", "+0.5", "+0.0", "−7.7"]);
    // Shares: 1 of 8 = 12.5 % → 13, 3 of 8 = 37.5 % → 38 (never half to even), none of 0.
    assert_eq!([percent_of(1, 8), percent_of(3, 8), percent_of(2, 3), percent_of(0, 0)], [Some(13), Some(38), Some(67), None]);
}

/// A visit with a label.
fn labelled(id: &str, patient: &str, date: &str, label: &str, assessments: Vec<Assessment>) -> Visit {
    let mut v = visit(id, patient, date, assessments);
    v.label = label.into();
    v
}

#[test]
fn the_baseline_is_the_visit_labelled_baseline_not_a_screening_before_it() {
    // Assemble: screening EASI 16, baseline EASI 20 two weeks later, week 4 EASI 10.
    let mut h = history_with(&["P"]);
    h.add_visit(labelled("s", "P", "2024-01-01", "screening", vec![easi([NONE, NONE, NONE, (4, [3.0, 3.0, 2.0, 2.0])])])).unwrap();
    h.add_visit(labelled("b", "P", "2024-01-15", "Baseline", vec![easi_20()])).unwrap();
    h.add_visit(labelled("w", "P", "2024-02-12", "week 4", vec![easi_10()])).unwrap();
    // Act
    let c = cohort(&h, "week 4");
    // Assert: 20 → 10 is EASI-50 and −10.0 (against screening it would be 16 → 10, −6.0, no).
    assert_eq!(c.easi50, (1, 1));
    assert_eq!(row(&c, Metric::Easi).mean_change, Some(-100));
    let by_patient = visits_by_patient(&h);
    assert_eq!(baseline_visit(&by_patient["P"]).map(|v| v.id.as_str()), Some("b"));
    // The screening, before the baseline, is no target; without a "baseline" label the first
    // visit is the baseline.
    assert_eq!(cohort(&h, "screening").with_both, 0);
    assert_eq!(baseline_visit(&by_patient["P"][..1]).map(|v| v.id.as_str()), Some("s"));
}

#[test]
fn a_day_recorded_as_two_visits_is_compared_as_one() {
    // Assemble: each day's EASI and itch were saved as two visits (two devices, then merged).
    let mut h = history_with(&["P"]);
    h.add_visit(labelled("b1", "P", "2024-01-01", "baseline", vec![easi_20()])).unwrap();
    h.add_visit(labelled("b2", "P", "2024-01-01", "baseline", vec![itch(8)])).unwrap();
    h.add_visit(labelled("w1", "P", "2024-02-01", "week 4", vec![easi_10()])).unwrap();
    h.add_visit(labelled("w2", "P", "2024-02-01", "week 4", vec![itch(2)])).unwrap();
    // Act
    let c = cohort(&h, "week 4");
    // Assert: both endpoints, from both halves of each day.
    assert_eq!((c.with_both, c.easi50, c.itch4), (1, (1, 1), (1, 1)));
    assert_eq!(row(&c, Metric::ItchNrs).mean_change, Some(-60));
    // "visit 2" is the second visit day, not the baseline day's second half.
    assert_eq!(cohort(&h, "visit 2"), c);
    let by_patient = visits_by_patient(&h);
    let visits = &by_patient["P"];
    assert_eq!(target_visit(visits, "visit 2").map(|v| v.id.as_str()), Some("w1"));
    // The day holds both assessments; the visit's own come first and are not replaced.
    let day = time_point_of(visits, visits[0]);
    assert_eq!((day.value(Metric::Easi), day.value(Metric::ItchNrs)), (Some(20 * UNITS), Some(8 * UNITS)));
    assert_eq!(time_point_of(visits, visits[2]).assessments.len(), 2);
}

#[test]
fn a_time_point_labelled_alike_over_two_days_is_compared_as_one() {
    // Assemble: the baseline's EASI on 1 January and its itch the next day, both labelled
    // "baseline"; week 4's EASI on 29 January and its itch the next day, both "Week 4".
    let mut h = history_with(&["P"]);
    h.add_visit(labelled("b1", "P", "2024-01-01", "baseline", vec![easi_20()])).unwrap();
    h.add_visit(labelled("b2", "P", "2024-01-02", "baseline", vec![itch(8)])).unwrap();
    h.add_visit(labelled("w1", "P", "2024-01-29", "Week 4", vec![easi_10()])).unwrap();
    h.add_visit(labelled("w2", "P", "2024-01-30", "week 4 ", vec![itch(2)])).unwrap();
    // Act
    let c = cohort(&h, "week 4");
    // Assert: both endpoints, from both days of each time point.
    assert_eq!((c.with_both, c.easi50, c.itch4), (1, (1, 1), (1, 1)));
    assert_eq!(row(&c, Metric::ItchNrs).mean_change, Some(-60));
    let by_patient = visits_by_patient(&h);
    let visits = &by_patient["P"];
    let point = time_point_of(visits, visits[0]);
    assert_eq!((point.value(Metric::Easi), point.value(Metric::ItchNrs)), (Some(20 * UNITS), Some(8 * UNITS)));
    // The second baseline day is part of the baseline, not compared with it.
    assert_eq!(time_point_end(visits, visits[0]), "2024-01-02");
    assert_eq!(time_point_end(visits, visits[2]), "2024-01-30");
    // Unlabelled days are not joined: each is its own.
    let mut plain = history_with(&["P"]);
    plain.add_visit(labelled("a", "P", "2024-01-01", "", vec![easi_20()])).unwrap();
    plain.add_visit(labelled("b", "P", "2024-01-02", "", vec![itch(8)])).unwrap();
    let by_patient = visits_by_patient(&plain);
    assert_eq!(time_point_of(&by_patient["P"], by_patient["P"][0]).assessments.len(), 1);
    assert_eq!(time_point_end(&by_patient["P"], by_patient["P"][0]), "2024-01-01");
}

#[test]
fn a_label_that_comes_back_days_apart_is_a_time_point_each_time() {
    // Assemble: the first visit (the baseline, no "baseline" label) and two monthly visits, all
    // labelled "follow-up"; the second month's itch on the visit's next day too.
    let mut h = history_with(&["P"]);
    h.add_visit(labelled("f1", "P", "2024-01-01", "follow-up", vec![easi_20(), itch(8)])).unwrap();
    h.add_visit(labelled("f2", "P", "2024-02-01", "follow-up", vec![easi_10()])).unwrap();
    h.add_visit(labelled("f3", "P", "2024-03-01", "Follow-up", vec![easi_10()])).unwrap();
    h.add_visit(labelled("f3b", "P", "2024-03-02", "follow-up", vec![itch(2)])).unwrap();
    let by_patient = visits_by_patient(&h);
    let visits = &by_patient["P"];
    // Act / Assert: each month is its own time point; the next day joins March's.
    assert_eq!(time_point_end(visits, visits[0]), "2024-01-01");
    assert_eq!(time_point_of(visits, visits[1]).value(Metric::ItchNrs), None, "not January's itch");
    assert_eq!(time_point_end(visits, visits[2]), "2024-03-02");
    assert_eq!(time_point_of(visits, visits[2]).value(Metric::ItchNrs), Some(2 * UNITS));
    // The later months are compared with the baseline, as before.
    assert_eq!(cohort(&h, "visit 2").with_both, 1);
    assert_eq!(cohort(&h, "visit 3").itch4, (1, 1));
}

#[test]
fn a_visit_saved_again_on_its_day_completes_that_visit() {
    // Assemble: the patient's visit on 1 Feb holds EASI 20, labelled "week 4".
    let mut h = history_with(&["P"]);
    h.add_visit(labelled("w", "P", "2024-02-01", "week 4", vec![easi_20()])).unwrap();
    // Act / Assert: another day is a new visit.
    assert_eq!(h.day_update(&visit("x", "P", "2024-02-02", vec![itch(3)])), None);
    // The same EASI and an itch: that visit, completed; nothing replaced; its label kept.
    let DayUpdate { visits, removed, replaced, apart } = h.day_update(&visit("x", "P", "2024-02-01", vec![easi_20(), itch(3)])).unwrap();
    let updated = &visits[0];
    assert_eq!((visits.len(), removed.len(), apart), (1, 0, false));
    assert_eq!((updated.id.as_str(), updated.label.as_str(), replaced), ("w", "week 4", vec![]));
    assert_eq!((updated.value(Metric::Easi), updated.value(Metric::ItchNrs)), (Some(20 * UNITS), Some(3 * UNITS)));
    // A different EASI: replaced, and named for the user to confirm; a new label is taken.
    let DayUpdate { mut visits, replaced, .. } = h.day_update(&labelled("x", "P", "2024-02-01", "week 4b", vec![easi_10()])).unwrap();
    let updated = visits.remove(0);
    assert_eq!((updated.label.as_str(), replaced), ("week 4b", vec!["easi", "label"]));
    assert_eq!(updated.value(Metric::Easi), Some(10 * UNITS));
    // The history takes the update in place: still one visit.
    h.replace_visit(updated).unwrap();
    assert_eq!(h.visits.len(), 1);
    // A label alone, another than the day's: named too (the baseline is found by its label).
    assert_eq!(h.day_update(&labelled("y", "P", "2024-02-01", "baseline", vec![easi_10()])).unwrap().replaced, vec!["label"]);
    // The same label, or none given: not.
    assert_eq!(h.day_update(&labelled("y", "P", "2024-02-01", "week 4b", vec![easi_10()])).unwrap().replaced, Vec::<&str>::new());
    assert_eq!(h.day_update(&visit("y", "P", "2024-02-01", vec![easi_10()])).unwrap().replaced, Vec::<&str>::new());
}

#[test]
fn who_answered_is_taken_from_a_save_that_says_it_and_kept_by_one_that_does_not() {
    // Assemble: the day's visit, answered by a parent.
    let mut h = history_with(&["P"]);
    let mut day = visit("w", "P", "2024-02-01", vec![itch(6)]);
    day.reported_by = Some(Reporter::Parent);
    h.add_visit(day).unwrap();
    // Act / Assert: the clinician's EASI saved later names no one: the parent stays.
    let update = h.day_update(&visit("x", "P", "2024-02-01", vec![easi_20()])).unwrap();
    assert_eq!(update.visits[0].reported_by, Some(Reporter::Parent));
    // The patient answering again that day: the patient.
    let mut again = visit("x", "P", "2024-02-01", vec![itch(3)]);
    again.reported_by = Some(Reporter::Patient);
    let update = h.day_update(&again).unwrap();
    assert_eq!((update.visits.len(), update.visits[0].reported_by, update.apart), (1, Some(Reporter::Patient), false));
}

#[test]
fn answers_another_person_gives_on_a_day_are_kept_apart_from_those_still_saved_there() {
    // Assemble: the morning's visit: EASI 20, the patient's POEM 10 and itch 6, disease status
    // mild, labelled "week 4".
    let mut h = history_with(&["P"]);
    let mut morning = labelled("w", "P", "2024-02-01", "week 4", vec![easi_20(), poem(10), itch(6)]);
    (morning.reported_by, morning.global.status) = (Some(Reporter::Patient), Some(2));
    h.add_visit(morning.clone()).unwrap();
    // Act: later a parent answers itch (8) and the treatment effect, with the same examination.
    let mut later = visit("x", "P", "2024-02-01", vec![easi_20(), itch(8)]);
    (later.reported_by, later.global.effect) = (Some(Reporter::Parent), Some(1));
    let DayUpdate { visits, removed, replaced, apart } = h.day_update(&later).unwrap();
    // Assert: the patient's POEM and status stay the patient's; the parent's itch and effect go
    // to a new visit of the day, answered by the parent, with the day's label; the patient's
    // itch, replaced, is named for the user to confirm.
    assert!(apart && removed.is_empty());
    assert_eq!(replaced, vec!["itch_nrs"]);
    assert_eq!(visits.len(), 2);
    let (kept, theirs) = (&visits[0], &visits[1]);
    assert_eq!((kept.id.as_str(), kept.reported_by, kept.global), ("w", Some(Reporter::Patient), GlobalRatings { status: Some(2), effect: None }));
    assert_eq!(kept.assessments, vec![easi_20(), poem(10)]);
    assert_eq!((theirs.reported_by, theirs.global), (Some(Reporter::Parent), GlobalRatings { status: None, effect: Some(1) }));
    assert_eq!((theirs.assessments.clone(), theirs.label.as_str()), (vec![itch(8)], "week 4"));
    assert!(h.visit(&theirs.id).is_none(), "a new visit");
    // The history takes the writes in their order; the day still has one score per instrument,
    // and the time point reads both visits as one.
    h.replace_visit(kept.clone()).unwrap();
    h.add_visit(theirs.clone()).unwrap();
    assert_eq!(h.validate(), Ok(()));
    let by_patient = visits_by_patient(&h);
    let day = time_point_of(&by_patient["P"], by_patient["P"][0]);
    assert_eq!((day.value(Metric::Poem), day.value(Metric::ItchNrs)), (Some(10 * UNITS), Some(8 * UNITS)));
    // Saving the parent's answers again changes nothing; the patient answering POEM again goes
    // back to the patient's visit.
    let again = h.day_update(&later).unwrap();
    assert!(again.visits.iter().all(|v| h.visit(&v.id) == Some(v)), "{again:?}");
    let mut patient = visit("y", "P", "2024-02-01", vec![poem(12)]);
    patient.reported_by = Some(Reporter::Patient);
    let update = h.day_update(&patient).unwrap();
    assert_eq!((update.visits.len(), update.visits[0].id.as_str(), update.replaced.clone()), (1, "w", vec!["poem"]));
    assert_eq!(update.visits[0].assessment("poem"), Some(&poem(12)));
    // The patient giving the parent's itch and effect again: those move to the patient's visit,
    // and the parent's, left with nothing, goes.
    patient.assessments = vec![itch(7)];
    patient.global.effect = Some(2);
    let update = h.day_update(&patient).unwrap();
    assert_eq!((update.removed.clone(), update.apart), (vec![theirs.id.clone()], false));
    assert_eq!(update.visits.len(), 1);
    assert_eq!((update.visits[0].id.as_str(), update.visits[0].reported_by), ("w", Some(Reporter::Patient)));
    assert_eq!(update.visits[0].assessments, vec![easi_20(), poem(10), itch(7)]);
    assert_eq!(update.visits[0].global, GlobalRatings { status: Some(2), effect: Some(2) });
    // The parent's effect (1) replaced by the patient's (2): named, as the itch is.
    assert_eq!(update.replaced, vec!["itch_nrs", "global_effect"]);
    // A rating given again unchanged replaces nothing.
    patient.assessments = vec![itch(8)];
    patient.global = GlobalRatings { status: Some(2), effect: Some(1) };
    assert_eq!(h.day_update(&patient).unwrap().replaced, Vec::<&str>::new());
}

/// A day of two visits: the patient's (EASI 20, POEM 10, status mild) and a parent's (itch 8,
/// treatment effect 1), as two people answering that day leave it.
fn day_of_two_answerers() -> History {
    let mut h = history_with(&["P"]);
    let mut patients = labelled("a", "P", "2024-02-01", "week 4", vec![easi_20(), poem(10)]);
    (patients.reported_by, patients.global.status) = (Some(Reporter::Patient), Some(2));
    let mut parents = labelled("b", "P", "2024-02-01", "week 4", vec![itch(8)]);
    (parents.reported_by, parents.global.effect) = (Some(Reporter::Parent), Some(1));
    h.add_visit(patients).unwrap();
    h.add_visit(parents).unwrap();
    h
}

#[test]
fn a_save_that_names_no_one_replaces_an_answer_where_it_is_and_keeps_who_gave_the_others() {
    // Assemble
    let h = day_of_two_answerers();
    // Act: itch 5 and a treatment effect of 2, no one named (typed on the examination).
    let mut unnamed = visit("x", "P", "2024-02-01", vec![itch(5)]);
    unnamed.global.effect = Some(2);
    let update = h.day_update(&unnamed).unwrap();
    // Assert: both replace the parent's in the parent's visit, each named for the user to
    // confirm; the patient's visit is untouched.
    assert_eq!((update.replaced.clone(), update.removed.len()), (vec!["itch_nrs", "global_effect"], 0));
    assert!(update.visits.iter().filter(|v| v.id != "b").all(|v| h.visit(&v.id) == Some(v)), "the patient's visit unchanged");
    let parents = update.visits.iter().find(|v| v.id == "b").unwrap();
    assert_eq!((parents.id.as_str(), parents.reported_by, parents.global.effect), ("b", Some(Reporter::Parent), Some(2)));
    assert_eq!(parents.assessments, vec![itch(5)]);
}

#[test]
fn a_visit_left_with_nothing_once_its_answers_are_given_again_is_removed() {
    // Assemble: the parent's visit holds the effect alone.
    let mut h = day_of_two_answerers();
    let mut parents = h.visit("b").unwrap().clone();
    parents.assessments.clear();
    h.replace_visit(parents).unwrap();
    // Act: the patient gives the effect (2).
    let mut patient = visit("x", "P", "2024-02-01", vec![]);
    (patient.reported_by, patient.global.effect) = (Some(Reporter::Patient), Some(2));
    let update = h.day_update(&patient).unwrap();
    // Assert: the effect is the patient's now, on the patient's visit; the parent's, empty, goes.
    assert_eq!(update.removed, vec!["b".to_string()]);
    assert_eq!(update.visits.len(), 1);
    assert_eq!(update.visits[0].global, GlobalRatings { status: Some(2), effect: Some(2) });
}

#[test]
fn a_visit_of_the_day_that_held_nothing_is_kept() {
    // Assemble: the day holds a visit without assessments or ratings (from an import) and the
    // patient's itch.
    let mut h = history_with(&["P"]);
    h.add_visit(visit("empty", "P", "2024-02-01", vec![])).unwrap();
    let mut itched = visit("i", "P", "2024-02-01", vec![itch(6)]);
    itched.reported_by = Some(Reporter::Patient);
    h.add_visit(itched).unwrap();
    // Act: a label given for the day, with the itch again.
    let update = h.day_update(&labelled("x", "P", "2024-02-01", "week 4", vec![itch(7)])).unwrap();
    // Assert: nothing removed; every visit of the day takes the label.
    assert_eq!(update.removed, Vec::<String>::new());
    assert!(update.visits.iter().all(|v| v.label == "week 4"));
    assert!(update.visits.iter().any(|v| v.id == "empty"));
}

#[test]
fn answers_no_one_was_named_for_are_not_credited_to_the_person_answering_now() {
    // Assemble: a visit from before who answered was kept: EASI and POEM, no one named.
    let mut h = history_with(&["P"]);
    h.add_visit(visit("old", "P", "2024-02-01", vec![easi_20(), poem(10)])).unwrap();
    // Act: a parent answers the itch question that day.
    let mut parent = visit("x", "P", "2024-02-01", vec![itch(8)]);
    parent.reported_by = Some(Reporter::Parent);
    let update = h.day_update(&parent).unwrap();
    // Assert: the POEM stays with no one named; the itch is the parent's, in a visit of its own.
    assert!(update.apart);
    assert_eq!(update.visits.len(), 1);
    let (new, old) = (&update.visits[0], h.visit("old").unwrap());
    assert_eq!((new.reported_by, new.assessments.clone()), (Some(Reporter::Parent), vec![itch(8)]));
    assert_ne!(new.id, "old");
    assert_eq!(old.reported_by, None);
}

#[test]
fn whole_number_instruments_are_shown_as_whole_numbers_and_easi_scorad_to_a_tenth() {
    // Itch 7, its change −4, POEM 13: as the instrument scores them, not "7.0".
    assert_eq!((Metric::ItchNrs.text(7 * UNITS), Metric::ItchNrs.text(-4 * UNITS), Metric::Poem.text(13 * UNITS)), ("7".into(), "-4".into(), "13".into()));
    assert_eq!(Metric::Dlqi.text(0), "0");
    // EASI and SCORAD: one decimal, half away from zero (EASI 0.15 → 0.2, −0.15 → −0.2).
    assert_eq!(Metric::Easi.text(8 * UNITS), "8.0");
    assert_eq!(Metric::Easi.text(UNITS * 15 / 100), "0.2");
    assert_eq!(Metric::Easi.text(-UNITS * 15 / 100), "-0.2");
    assert_eq!(Metric::Scorad.text(UNITS * 2372 / 100), "23.7");
    // A whole-number instrument's value that is not whole (a mean, say) keeps its decimal.
    assert_eq!(Metric::ItchNrs.text(UNITS * 65 / 10), "6.5");
}

#[test]
fn labels_follow_first_seen_date_order() {
    let h = study();
    assert_eq!(labels(&h), ["baseline", "week 4", "week 8"]);
    // Every visit is labelled: the labels name them all, no "visit N" beside them; the baseline
    // is not a target (compared with itself, every patient would be left out).
    assert_eq!(targets(&h), ["week 4", "week 8"]);
}

#[test]
fn visit_numbers_are_offered_for_the_visit_days_left_unlabelled() {
    // Assemble: P1 labels both visits; P2 labels none, and has a day saved as two visits.
    let mut h = history_with(&["P1", "P2"]);
    h.add_visit(labelled("a", "P1", "2024-01-01", "baseline", vec![easi_20()])).unwrap();
    h.add_visit(labelled("b", "P1", "2024-02-01", "week 4", vec![easi_10()])).unwrap();
    h.add_visit(visit("c", "P2", "2024-01-02", vec![easi_20()])).unwrap();
    h.add_visit(visit("d", "P2", "2024-02-02", vec![easi_10()])).unwrap();
    h.add_visit(visit("e", "P2", "2024-02-02", vec![itch(3)])).unwrap();
    h.add_visit(visit("f", "P2", "2024-03-02", vec![easi_2()])).unwrap();
    // Act / Assert: P2's 2nd and 3rd visit days (four visits, three days).
    assert_eq!(targets(&h), ["week 4", "visit 2", "visit 3"]);
    // Labelling P2's second day leaves only the third to be named by number.
    let mut second = h.visits.iter().find(|v| v.id == "e").unwrap().clone();
    second.label = "week 4".into();
    h.replace_visit(second).unwrap();
    assert_eq!(targets(&h), ["week 4", "visit 3"]);
}

#[test]
fn labels_differing_only_in_case_or_spaces_are_one_time_point() {
    // Assemble: three sites wrote the same two time points three ways.
    let mut h = history_with(&["P1", "P2", "P3"]);
    for (p, base, week4, day) in [("P1", "baseline", "week 4", "01"), ("P2", "Baseline", "Week 4", "02"), ("P3", "baseline", "week 4 ", "03")] {
        h.add_visit(labelled(&format!("{p}b"), p, &format!("2024-01-{day}"), base, vec![easi_20()])).unwrap();
        h.add_visit(labelled(&format!("{p}w"), p, &format!("2024-02-{day}"), week4, vec![easi_10()])).unwrap();
    }
    // Act / Assert: one label each, and the cohort at "week 4" has all three patients.
    assert_eq!(labels(&h), ["baseline", "week 4"]);
    assert_eq!(targets(&h), ["week 4"]);
    assert_eq!(default_target(&h), "week 4");
    let c = cohort(&h, "Week 4");
    assert_eq!(c.with_both, 3);
    assert_eq!(c.easi50, (3, 3));
}

#[test]
fn the_cohort_first_shown_is_the_visit_after_the_baseline() {
    // Assemble: a screening visit is labelled before the baseline.
    let mut h = history_with(&["P1", "P2"]);
    h.add_visit(labelled("s", "P1", "2024-01-01", "screening", vec![easi_20()])).unwrap();
    h.add_visit(labelled("b", "P1", "2024-01-08", "Baseline", vec![easi_20()])).unwrap();
    h.add_visit(labelled("w", "P1", "2024-02-05", "week 4", vec![easi_10()])).unwrap();
    // Act / Assert: the one after the baseline, which is not itself offered.
    assert_eq!(default_target(&h), "week 4");
    assert_eq!(targets(&h), ["screening", "week 4"]);
    // Labelled in Korean ("기저치", "4주차"), the same.
    let mut korean = history_with(&["P1"]);
    korean.add_visit(labelled("s", "P1", "2024-01-01", "선별", vec![easi_10()])).unwrap();
    korean.add_visit(labelled("b", "P1", "2024-01-08", " 기저치 ", vec![easi_20()])).unwrap();
    korean.add_visit(labelled("w", "P1", "2024-02-05", "4주차", vec![easi_10()])).unwrap();
    assert_eq!((default_target(&korean), targets(&korean)), ("4주차".to_string(), vec!["선별".to_string(), "4주차".to_string()]));
    assert_eq!(cohort(&korean, "4주차").easi50, (1, 1), "compared with the 기저치 visit (EASI 20 → 10)");
    // No "baseline" label: the second label; no labels at all: the second visit.
    let mut unnamed = history_with(&["P2"]);
    unnamed.add_visit(visit("a", "P2", "2024-01-01", vec![easi_20()])).unwrap();
    unnamed.add_visit(visit("c", "P2", "2024-02-01", vec![easi_10()])).unwrap();
    unnamed.add_visit(visit("d", "P2", "2024-03-01", vec![easi_2()])).unwrap();
    assert_eq!(default_target(&unnamed), "visit 2");
    assert_eq!(default_target(&study()), "week 4");
    assert_eq!(default_target(&history_with(&["P3"])), "");
}

// ---------------------------------------------------------------------------------------------
// The History API's rules
// ---------------------------------------------------------------------------------------------

#[test]
fn add_visit_refuses_what_breaks_a_rule_and_changes_nothing() {
    // Assemble
    let mut h = history_with(&["P1"]);
    h.add_visit(visit("a", "P1", "2024-01-01", vec![easi_20()])).unwrap();
    let before = h.clone();
    // Act / Assert
    let unknown = h.add_visit(visit("b", "NOBODY", "2024-01-01", vec![itch(3)])).unwrap_err().to_string();
    assert!(unknown.contains("unknown patient"), "{unknown}");
    for bad in ["2024-1-01", "01/02/2024", "2023-02-29", ""] {
        let why = h.add_visit(visit("b", "P1", bad, vec![itch(3)])).unwrap_err().to_string();
        assert!(why.contains("YYYY-MM-DD") || why.contains("not a date"), "{bad}: {why}");
    }
    let twice = h.add_visit(visit("b", "P1", "2024-02-01", vec![itch(3), itch(4)])).unwrap_err().to_string();
    assert!(twice.contains("two itch NRS"), "{twice}");
    let id = h.add_visit(visit("a", "P1", "2024-02-01", vec![itch(3)])).unwrap_err().to_string();
    assert!(id.contains("already exists"), "{id}");
    let same_day = h.add_visit(visit("b", "P1", "2024-01-01", vec![easi_10()])).unwrap_err().to_string();
    assert!(same_day.contains("already has EASI on 2024-01-01"), "{same_day}");
    assert_eq!(h, before);
    // Another instrument on the same day is a separate assessment: allowed.
    h.add_visit(visit("b", "P1", "2024-01-01", vec![itch(3)])).unwrap();
    assert_eq!(h.visits.len(), 2);
}

#[test]
fn global_ratings_out_of_range_are_refused() {
    let mut h = history_with(&["P1"]);
    let mut v = visit("a", "P1", "2024-01-01", vec![]);
    v.global.status = Some(5);
    assert!(h.add_visit(v.clone()).unwrap_err().to_string().contains("status must be 0–4"));
    v.global = adscore::history::GlobalRatings { status: Some(4), effect: Some(7) };
    assert!(h.add_visit(v).unwrap_err().to_string().contains("effect must be 0–6"));
}

#[test]
fn visits_are_sorted_by_date_then_id() {
    let mut h = history_with(&["P1", "P2"]);
    h.add_visit(visit("z", "P1", "2024-03-01", vec![itch(1)])).unwrap();
    h.add_visit(visit("b", "P1", "2024-01-01", vec![itch(2)])).unwrap();
    h.add_visit(visit("a", "P1", "2024-01-01", vec![sleep(2)])).unwrap();
    h.add_visit(visit("x", "P2", "2023-01-01", vec![itch(2)])).unwrap();
    let ids: Vec<&str> = h.visits_of("P1").iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "z"]);
}

#[test]
fn codes_differing_only_in_letter_case_or_spacing_are_similar_yet_different_patients() {
    // Assemble
    let h = history_with(&["AD-017", "Ad-017", "AD-018", "AD 019"]);
    // Act / Assert: case, spaces around and spaces inside do not tell codes apart here...
    for (a, b) in [("ad-017", "AD-017"), (" AD-017 ", "AD-017"), ("AD - 017", "ad-017"), ("ad019", "AD 019"), ("AD\u{a0}019", "AD  019")] {
        assert!(similar_codes(a, b), "{a:?} / {b:?}");
    }
    // ... but every other character does.
    for (a, b) in [("AD-017", "AD-018"), ("AD-017", "AD017"), ("AD-017", "AD-0170"), ("AD-O17", "AD-017")] {
        assert!(!similar_codes(a, b), "{a:?} / {b:?}");
    }
    let codes = |code: &str| h.similar_patients(code).into_iter().map(|p| p.code.as_str()).collect::<Vec<_>>();
    assert_eq!(codes("ad-017"), ["AD-017", "Ad-017"]);
    assert_eq!(codes("AD-017"), ["Ad-017"], "the exact code is the patient, not a similar one");
    assert_eq!(codes("ad 019"), ["AD 019"]);
    assert!(codes("AD-020").is_empty());
    // The identity stays exact: "ad-017" is not AD-017.
    assert!(h.patient("ad-017").is_none());
}

#[test]
fn codes_differing_only_in_full_width_forms_or_invisible_characters_are_similar() {
    // Assemble: codes as pasted or typed in full-width mode.
    let h = history_with(&["AD-101", "AD-102"]);
    // Act / Assert: zero-width space, joiners, word joiner, byte order mark, soft hyphen,
    // full-width letters, digits and hyphen-minus, the ideographic space: all similar...
    for typed in ["AD\u{200B}-101", "\u{FEFF}AD-101", "AD-\u{200C}1\u{200D}01", "AD\u{2060}-101", "AD-\u{AD}101", "ＡＤ－１０１", "ａｄ－１０１", "AD\u{3000}-101"] {
        assert!(similar_codes(typed, "AD-101"), "{typed:?}");
        let codes: Vec<_> = h.similar_patients(typed).into_iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["AD-101"], "{typed:?}");
    }
    // ... but a different visible character still is not, full-width or not.
    for typed in ["ＡＤ－１０２\u{200B}", "AD-1O1", "ＡＤ＿１０１"] {
        assert!(!similar_codes(typed, "AD-101"), "{typed:?}");
    }
    // A new code is stored without its invisible characters; visible ones (full-width too) stay.
    assert_eq!(without_invisible("AD\u{200B}-1\u{AD}03\u{FEFF}"), "AD-103");
    assert_eq!(without_invisible("ＡＤ－１０３"), "ＡＤ－１０３");
    assert!(h.patient("AD\u{200B}-101").is_none(), "the identity stays exact");
}

#[test]
fn next_visit_id_is_unique() {
    let mut h = history_with(&["P1"]);
    let first = h.next_visit_id("P1", "2024-01-01");
    h.add_visit(visit(&first, "P1", "2024-01-01", vec![itch(2)])).unwrap();
    let second = h.next_visit_id("P1", "2024-01-01");
    assert_ne!(first, second);
    h.add_visit(visit(&second, "P1", "2024-01-01", vec![sleep(2)])).unwrap();
    assert_eq!(h.visits.len(), 2);
}

#[test]
fn upsert_replace_and_remove() {
    // Assemble
    let mut h = history_with(&["P1", "P2"]);
    h.add_visit(visit("a", "P1", "2024-01-01", vec![itch(2)])).unwrap();
    h.add_visit(visit("b", "P2", "2024-01-01", vec![itch(2)])).unwrap();
    // Upsert replaces by code and keeps the visits.
    h.upsert_patient(Patient { code: "P1".into(), dob: Some("2010-05-01".into()), note: "left-handed".into() });
    assert_eq!(h.patients.len(), 2);
    assert_eq!(h.patient("P1").unwrap().note, "left-handed");
    assert_eq!(h.visits_of("P1").len(), 1);
    // An empty code is ignored.
    h.upsert_patient(Patient::new("  "));
    assert_eq!(h.patients.len(), 2);
    // replace_visit by id; an unknown id is an error.
    h.replace_visit(visit("a", "P1", "2024-01-02", vec![itch(9)])).unwrap();
    assert_eq!(h.visits_of("P1")[0].value(Metric::ItchNrs), Some(9 * UNITS));
    assert!(h.replace_visit(visit("nope", "P1", "2024-01-02", vec![itch(9)])).unwrap_err().to_string().contains("no visit"));
    // replace_visit may not break the patient + date + instrument rule either.
    h.add_visit(visit("c", "P1", "2024-01-05", vec![itch(1)])).unwrap();
    assert!(h.replace_visit(visit("c", "P1", "2024-01-02", vec![itch(1)])).is_err());
    // remove_visit, then remove_patient with all their visits.
    h.remove_visit("c");
    assert_eq!(h.visits_of("P1").len(), 1);
    h.remove_patient("P1");
    assert!(h.patient("P1").is_none());
    assert!(h.visits.iter().all(|v| v.patient != "P1"));
    assert_eq!(h.visits.len(), 1);
    assert_eq!(h.validate(), Ok(()));
}

#[test]
fn patient_check_reads_the_date_of_birth() {
    assert_eq!(Patient { dob: Some("2010-02-28".into()), ..Patient::new("P1") }.check(), Ok(()));
    assert!(Patient { dob: Some("2010-02-30".into()), ..Patient::new("P1") }.check().is_err());
    assert!(Patient::new(" P1").check().is_err());
    let mut h = History::default();
    assert!(h.try_upsert_patient(Patient { dob: Some("28.02.2010".into()), ..Patient::new("P1") }).is_err());
    assert!(h.patients.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Chart bands
// ---------------------------------------------------------------------------------------------

/// (band key, first, last) of each band run, in points × 100 (whole hundredths).
fn runs(metric: Metric, easi: EasiBands, scorad: ScoradBands) -> Vec<(&'static str, i64, i64)> {
    metric.bands(easi, scorad).iter().map(|r| (r.band.key(), r.first * 100 / UNITS, r.last * 100 / UNITS)).collect()
}

#[test]
fn chart_bands_cover_each_scale_once_with_the_scoring_modules_bands_at_every_value() {
    for metric in Metric::ALL {
        for (easi, scorad) in [(EasiBands::Leshem2015, ScoradBands::Kunz1997), (EasiBands::Chopra2017, ScoradBands::Chopra2017)] {
            // Act
            let bands = metric.bands(easi, scorad);
            if metric == Metric::SleepNrs {
                assert!(bands.is_empty(), "the sleep NRS has no bands");
                continue;
            }
            // Assert: from 0 to the top, no gap or overlap, each run one band, neighbours differ.
            assert_eq!(bands[0].first, 0, "{metric:?}");
            assert_eq!(bands.last().unwrap().last, i64::from(metric.top()) * UNITS, "{metric:?}");
            for pair in bands.windows(2) {
                assert_eq!(pair[1].first, pair[0].last + metric.step(), "{metric:?}: {pair:?}");
                assert_ne!(pair[0].band, pair[1].band, "{metric:?}: {pair:?}");
            }
            for run in &bands {
                for value in (run.first..=run.last).step_by(metric.step() as usize) {
                    assert_eq!(metric.band_of(value, easi, scorad), Some(run.band), "{metric:?} at {value}");
                }
            }
        }
    }
}

#[test]
fn charts_of_the_long_scales_end_at_the_top_of_the_highest_value_s_band() {
    // Assemble
    let (easi, scorad) = (EasiBands::Leshem2015, ScoradBands::Kunz1997);
    let top = |metric: Metric, points_x100: i64| metric.chart_top(points_x100 * UNITS / 100, &metric.bands(easi, scorad));
    // Act / Assert: EASI's bands end at 1, 7, 21, 50 and 72.
    assert_eq!(top(Metric::Easi, 0), 1, "all clear: the first band above 0");
    assert_eq!(top(Metric::Easi, 700), 7, "7.0 is mild");
    assert_eq!(top(Metric::Easi, 705), 21, "7.05 is moderate");
    assert_eq!(top(Metric::Easi, 2100), 21);
    assert_eq!(top(Metric::Easi, 5005), 72, "very severe: the whole scale");
    // SCORAD (mild below 25, moderate 25–50, severe above 50) and objective SCORAD.
    assert_eq!(top(Metric::Scorad, 2499), 25);
    assert_eq!(top(Metric::Scorad, 2500), 50);
    assert_eq!(top(Metric::Scorad, 5001), 103);
    assert_eq!(top(Metric::ObjectiveScorad, 1000), 15);
    // Chopra 2017's EASI bands end at 5.95 and 22.95: the chart at the next whole point.
    assert_eq!(Metric::Easi.chart_top(4 * UNITS, &Metric::Easi.bands(EasiBands::Chopra2017, scorad)), 6);
    // The short scales keep their whole range.
    for metric in [Metric::Poem, Metric::Dlqi, Metric::ItchNrs, Metric::SleepNrs] {
        assert_eq!(top(metric, 100), metric.top(), "{metric:?}");
    }
}

#[test]
fn scores_on_the_history_screens_are_never_rounded_into_another_band() {
    // Assemble
    let (kunz, chopra) = ((EasiBands::Leshem2015, ScoradBands::Kunz1997), (EasiBands::Chopra2017, ScoradBands::Chopra2017));
    let text = |metric: Metric, units: i64, (easi, scorad): (EasiBands, ScoradBands)| metric.score_text(units, easi, scorad);
    // Act / Assert: SCORAD 24.96 is Kunz-mild; "25.0" would be moderate's figure.
    assert_eq!(text(Metric::Scorad, 249_600, kunz), "24.96");
    assert_eq!(Metric::Scorad.text(249_600), "25.0", "the change column's rounding, for contrast");
    assert_eq!(text(Metric::Scorad, 249_400, kunz), "24.9");
    assert_eq!(text(Metric::Scorad, 250_000, kunz), "25.0");
    assert_eq!(text(Metric::ObjectiveScorad, 149_500, kunz), "14.95");
    // EASI: 6.95 rounds to 7.0, mild either way; Chopra's mild ends at 5.95.
    assert_eq!(text(Metric::Easi, 69_500, kunz), "7.0");
    assert_eq!(text(Metric::Easi, 59_500, chopra), "5.95");
    assert_eq!(text(Metric::Easi, 59_500, kunz), "6.0");
    // Whole-number instruments are whole numbers.
    assert_eq!(text(Metric::Poem, 70_000, kunz), "7");
    assert_eq!(text(Metric::SleepNrs, 30_000, kunz), "3");
}

#[test]
fn chart_bands_have_the_published_edges() {
    let default = (EasiBands::Leshem2015, ScoradBands::Kunz1997);
    let chopra = (EasiBands::Chopra2017, ScoradBands::Chopra2017);
    // EASI (Leshem 2015): 7.0 is mild, 7.05 (the next exact value) moderate.
    assert_eq!(
        runs(Metric::Easi, default.0, default.1),
        [("clear", 0, 0), ("almost_clear", 5, 100), ("mild", 105, 700), ("moderate", 705, 2100), ("severe", 2105, 5000), ("very_severe", 5005, 7200)]
    );
    assert_eq!(runs(Metric::Easi, chopra.0, chopra.1), [("clear", 0, 0), ("mild", 5, 595), ("moderate", 600, 2295), ("severe", 2300, 7200)]);
    // SCORAD (Kunz 1997): below 25 mild, 25–50 moderate, above 50 severe; objective 15 and 40.
    assert_eq!(runs(Metric::Scorad, default.0, default.1), [("mild", 0, 2499), ("moderate", 2500, 5000), ("severe", 5001, 10300)]);
    assert_eq!(runs(Metric::ObjectiveScorad, default.0, default.1), [("mild", 0, 1499), ("moderate", 1500, 4000), ("severe", 4001, 8300)]);
    assert_eq!(
        runs(Metric::Scorad, chopra.0, chopra.1),
        [("clear", 0, 999), ("mild", 1000, 2899), ("moderate", 2900, 4899), ("severe", 4900, 10300)]
    );
    // Whole-number instruments.
    assert_eq!(
        runs(Metric::Poem, default.0, default.1),
        [("clear_or_almost_clear", 0, 200), ("mild", 300, 700), ("moderate", 800, 1600), ("severe", 1700, 2400), ("very_severe", 2500, 2800)]
    );
    assert_eq!(
        runs(Metric::Dlqi, default.0, default.1),
        [("no_effect", 0, 100), ("small", 200, 500), ("moderate", 600, 1000), ("very_large", 1100, 2000), ("extremely_large", 2100, 3000)]
    );
    assert_eq!(
        runs(Metric::ItchNrs, default.0, default.1),
        [("none", 0, 0), ("mild", 100, 300), ("moderate", 400, 600), ("severe", 700, 800), ("very_severe", 900, 1000)]
    );
}

#[test]
fn a_code_of_three_groups_of_digits_with_a_year_looks_like_a_date() {
    for date in ["1990-05-12", "12/05/1990", "12.5.1990", "1990 5 12", " 2016-02-29 ", "1/1/2001"] {
        assert!(looks_like_a_date(date), "{date:?}");
    }
    for code in ["AD-017", "19900512", "017", "AD-1990-05-12", "1990-05", "12-05-90", "1-2-3", "2026-W05-1", "1890-05-12", "", "3000/1/1"] {
        assert!(!looks_like_a_date(code), "{code:?}");
    }
}

#[test]
fn a_code_of_two_or_more_words_of_letters_looks_like_a_name() {
    for name in ["John Smith", "Mary-Jane O'Neil", "  jane   doe ", "홍 길동", "J. Smith", "Anna Maria Rossi"] {
        assert!(looks_like_a_name(name), "{name:?}");
    }
    for code in ["AD-017", "AD 017", "Smith", "홍길동", "P 12 B", "site A 7", "", "  ", "- x", "ad-017 b2"] {
        assert!(!looks_like_a_name(code), "{code:?}");
    }
}

#[test]
fn a_date_of_birth_entered_is_filled_in_on_the_patient_and_put_over_another_only_when_agreed() {
    // Assemble: AD-001 with no date of birth; AD-002 born 2010-01-05.
    let mut history = History::default();
    history.upsert_patient(Patient::new("AD-001"));
    history.upsert_patient(Patient { dob: Some("2010-01-05".into()), ..Patient::new("AD-002") });
    let dob = |h: &History, code: &str| h.patient(code).unwrap().dob.clone();
    // Act / Assert: a record without one takes the examination's (spaces trimmed).
    assert_eq!(history.note_birth_date("AD-001", " 2011-02-03 ", false), BirthDateNote::Written);
    assert_eq!(dob(&history, "AD-001").as_deref(), Some("2011-02-03"));
    // The same date: nothing to do. Another: said, not written, unless agreed.
    assert_eq!(history.note_birth_date("AD-002", "2010-01-05", false), BirthDateNote::Kept);
    assert_eq!(history.note_birth_date("AD-002", "2010-01-06", false), BirthDateNote::Differs("2010-01-05".into()));
    assert_eq!(dob(&history, "AD-002").as_deref(), Some("2010-01-05"));
    assert_eq!(history.note_birth_date("AD-002", "2010-01-06", true), BirthDateNote::Written);
    assert_eq!(dob(&history, "AD-002").as_deref(), Some("2010-01-06"));
    // Nothing entered, not a date, or no such patient: nothing changes.
    let before = history.clone();
    for (code, entered) in [("AD-002", ""), ("AD-002", "2010-02-30"), ("AD-002", "5/1/2010"), ("AD-009", "2010-01-05")] {
        assert_eq!(history.note_birth_date(code, entered, true), BirthDateNote::Kept, "{code} {entered}");
    }
    assert_eq!(history, before);
}
