//! Edge cases of the scoring core: every band edge, age switch, maximum and missing-answer
//! rule in the spec, checked on exact values with expected figures worked out by hand.

use adscore::scoring::dlqi::{self, DlqiAnswer, DlqiRecord};
use adscore::scoring::easi::{self, AreaScore, EasiRecord, EasiRegion, EasiRegions, EasiValue, SignGrade};
use adscore::scoring::nrs::{self, NrsRecord, NrsValue};
use adscore::scoring::poem::{self, PoemAnswer, PoemRecord};
use adscore::scoring::scorad::{
    self, Extent, Grade, Intensity, Percent, ScoradRecord, ScoradValue, Segment, Subjective, Vas,
};
use adscore::scoring::{AgeYears, Band};
use adscore::{Assessment, Score};
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Builders (struct literals over the public fields, so they follow the JSON keys).
// ---------------------------------------------------------------------------------------------

fn age(years: u8) -> AgeYears {
    AgeYears::new(years).unwrap()
}

/// An EASI region: area score and grades [erythema, edema_papulation, excoriation, lichenification].
fn region(area: u8, signs: [f64; 4]) -> EasiRegion {
    let grade = |v: f64| SignGrade::from_f64(v).unwrap();
    EasiRegion {
        area: AreaScore::new(area).unwrap(),
        erythema: grade(signs[0]),
        edema_papulation: grade(signs[1]),
        excoriation: grade(signs[2]),
        lichenification: grade(signs[3]),
    }
}

fn clear() -> EasiRegion {
    region(0, [0.0; 4])
}

/// An EASI record from [head_neck, upper_limbs, trunk, lower_limbs].
fn easi_record(years: u8, [head_neck, upper_limbs, trunk, lower_limbs]: [EasiRegion; 4]) -> EasiRecord {
    EasiRecord { age_years: age(years), regions: EasiRegions { head_neck, upper_limbs, trunk, lower_limbs } }
}

fn pct(tenths: u16) -> Percent {
    Percent::from_tenths(tenths).unwrap()
}

/// A SCORAD extent with the listed segments at the given percent (in tenths), the rest 0.
fn extent(set: &[(Segment, u16)]) -> Extent {
    let mut p = [pct(0); 13];
    for &(segment, tenths) in set {
        let i = Segment::ALL.iter().position(|&s| s == segment).unwrap();
        p[i] = pct(tenths);
    }
    Extent::from_array(p)
}

/// Grades [erythema, edema_papulation, oozing_crusts, excoriation, lichenification, dryness].
fn intensity(g: [u8; 6]) -> Intensity {
    let grade = |v: u8| Grade::new(v).unwrap();
    Intensity {
        erythema: grade(g[0]),
        edema_papulation: grade(g[1]),
        oozing_crusts: grade(g[2]),
        excoriation: grade(g[3]),
        lichenification: grade(g[4]),
        dryness: grade(g[5]),
    }
}

/// Subjective C from pruritus and sleep loss in tenths.
fn c(pruritus_tenths: u16, sleep_loss_tenths: u16) -> Option<Subjective> {
    Some(Subjective {
        pruritus: Vas::from_tenths(pruritus_tenths).unwrap(),
        sleep_loss: Vas::from_tenths(sleep_loss_tenths).unwrap(),
    })
}

fn scorad_record(years: u8, extent: Extent, intensity: Intensity, subjective: Option<Subjective>) -> ScoradRecord {
    ScoradRecord { age_years: age(years), extent, intensity, subjective }
}

fn poem_record(answers: [Option<u8>; 7]) -> PoemRecord {
    PoemRecord { answers: answers.map(|a| a.map(|v| PoemAnswer::new(v).unwrap())) }
}

/// DLQI item score `n`.
const fn s(n: u8) -> Option<DlqiAnswer> {
    Some(DlqiAnswer::Score(n))
}
const NR: Option<DlqiAnswer> = Some(DlqiAnswer::NotRelevant);

fn score_json(score: &Score) -> Value {
    serde_json::from_str(&score.to_json()).unwrap()
}

// ---------------------------------------------------------------------------------------------
// EASI
// ---------------------------------------------------------------------------------------------

/// Band edges through `easi::band` on exact values (units of 0.05 = 1/20).
#[test]
fn easi_band_edges_on_exact_values() {
    let cases: [(u32, &str, Band); 11] = [
        (0, "0", Band::Clear),
        (1, "0.05", Band::AlmostClear),
        (20, "1", Band::AlmostClear),
        (21, "1.05", Band::Mild),
        (140, "7", Band::Mild),
        (141, "7.05", Band::Moderate),
        (420, "21", Band::Moderate),
        (421, "21.05", Band::Severe),
        (1000, "50", Band::Severe),
        (1001, "50.05", Band::VerySevere),
        (1440, "72", Band::VerySevere),
    ];
    for (units, text, expected) in cases {
        let value = EasiValue::from_units(units);
        assert_eq!(value.exact_text(), text, "units {units}");
        assert_eq!(easi::band(value), expected, "EASI {text}");
    }
}

/// The same edges reached through real records (age 34: weights 0.1 / 0.2 / 0.3 / 0.4).
/// 0.05 itself cannot come from a record: the smallest present sign is 1 (two half points), so
/// the smallest non-zero region score is 1 × area 1 × 0.1 = 0.1. It is covered above.
#[test]
fn easi_band_edges_through_records() {
    let cases: Vec<(&str, [EasiRegion; 4], &str, Band)> = vec![
        ("nothing", [clear(), clear(), clear(), clear()], "0", Band::Clear),
        // head 1 × 1 × 0.1 = 0.1, the smallest non-zero EASI
        ("smallest", [region(1, [1.0, 0.0, 0.0, 0.0]), clear(), clear(), clear()], "0.1", Band::AlmostClear),
        // head (1 + 1) × 5 × 0.1 = 1.0
        ("1.0", [region(5, [1.0, 1.0, 0.0, 0.0]), clear(), clear(), clear()], "1", Band::AlmostClear),
        // head (1.5 + 2) × 3 × 0.1 = 1.05
        ("1.05", [region(3, [1.5, 2.0, 0.0, 0.0]), clear(), clear(), clear()], "1.05", Band::Mild),
        // lower (1.5 + 2) × 5 × 0.4 = 7.0
        ("7.0 lower", [clear(), clear(), clear(), region(5, [1.5, 2.0, 0.0, 0.0])], "7", Band::Mild),
        // head 1 × 2 × 0.1 = 0.2; upper (3 + 2.5 + 2 + 1) × 4 × 0.2 = 8.5 × 0.8 = 6.8; 0.2 + 6.8 = 7.0
        (
            "7.0 two regions",
            [region(2, [1.0, 0.0, 0.0, 0.0]), region(4, [3.0, 2.5, 2.0, 1.0]), clear(), clear()],
            "7",
            Band::Mild,
        ),
        // head 1.5 × 1 × 0.1 = 0.15; upper (3 + 3 + 3 + 2.5) × 3 × 0.2 = 11.5 × 0.6 = 6.9; 7.05
        (
            "7.05",
            [region(1, [1.5, 0.0, 0.0, 0.0]), region(3, [3.0, 3.0, 3.0, 2.5]), clear(), clear()],
            "7.05",
            Band::Moderate,
        ),
        // lower (3 + 3 + 3 + 1.5) × 5 × 0.4 = 10.5 × 2 = 21.0
        ("21.0", [clear(), clear(), clear(), region(5, [3.0, 3.0, 3.0, 1.5])], "21", Band::Moderate),
        // head 1.05 (as above) + lower (3 + 3 + 2 + 2) × 5 × 0.4 = 20; 21.05
        (
            "21.05",
            [region(3, [1.5, 2.0, 0.0, 0.0]), clear(), clear(), region(5, [3.0, 3.0, 2.0, 2.0])],
            "21.05",
            Band::Severe,
        ),
        // upper (3 + 3 + 1.5 + 1) × 4 × 0.2 = 6.8; trunk 12 × 4 × 0.3 = 14.4; lower 12 × 6 × 0.4 = 28.8;
        // 6.8 + 14.4 + 28.8 = 50.0
        (
            "50.0",
            [clear(), region(4, [3.0, 3.0, 1.5, 1.0]), region(4, [3.0; 4]), region(6, [3.0; 4])],
            "50",
            Band::Severe,
        ),
        // head 1.05; upper (3 + 2.5) × 2 × 0.2 = 2.2; trunk (3 + 3 + 2 + 2) × 6 × 0.3 = 18;
        // lower 28.8; 1.05 + 2.2 + 18 + 28.8 = 50.05
        (
            "50.05",
            [
                region(3, [1.5, 2.0, 0.0, 0.0]),
                region(2, [3.0, 2.5, 0.0, 0.0]),
                region(6, [3.0, 3.0, 2.0, 2.0]),
                region(6, [3.0; 4]),
            ],
            "50.05",
            Band::VerySevere,
        ),
        // 12 × 6 × (0.1 + 0.2 + 0.3 + 0.4) = 72
        ("maximum", [region(6, [3.0; 4]); 4], "72", Band::VerySevere),
    ];
    for (name, regions, total, band) in cases {
        let score = easi_record(34, regions).score();
        assert_eq!(score.total.exact_text(), total, "{name}");
        assert_eq!(score.band, band, "{name}");
    }
}

#[test]
fn easi_f64_trap_does_not_bite() {
    // Assemble: head 1 × 2 × 0.1 plus upper limbs 8.5 × 4 × 0.2 is exactly 7.0, the top of
    // "mild". Summed in f64 it comes out as 7.000000000000001, which would band as moderate.
    let naive = 1.0 * 2.0 * 0.1 + 8.5 * 4.0 * 0.2;
    assert!(naive > 7.0, "the f64 trap is real: {naive}");
    let record = easi_record(34, [region(2, [1.0, 0.0, 0.0, 0.0]), region(4, [3.0, 2.5, 2.0, 1.0]), clear(), clear()]);

    // Act
    let score = record.score();

    // Assert: exact 7 (140 twentieths), banded mild, reported as the JSON number 7.
    assert_eq!(score.total, EasiValue::whole(7));
    assert_eq!(score.band, Band::Mild);
    let json = score_json(&Score::Easi(score));
    assert_eq!(json["total"], Value::from(7));
    assert_eq!(json["band"], "mild");
}

/// Region multipliers, one region at a time: signs 3 + 3 + 3 + 1 = 10 at area 1 give 10 × weight.
#[test]
fn easi_age_switch_between_7_and_8() {
    let ten = region(1, [3.0, 3.0, 3.0, 1.0]);
    // (region index, age 7 score, age 8 score)
    let cases = [(0, "2", "1"), (1, "2", "2"), (2, "3", "3"), (3, "3", "4")];
    for (index, at_7, at_8) in cases {
        let mut regions = [clear(); 4];
        regions[index] = ten;
        assert_eq!(easi_record(7, regions).score().total.exact_text(), at_7, "region {index} at age 7");
        assert_eq!(easi_record(8, regions).score().total.exact_text(), at_8, "region {index} at age 8");
    }
    assert_eq!(easi_record(7, [clear(); 4]).score().age_variant, easi::AgeVariant::Under8);
    assert_eq!(easi_record(8, [clear(); 4]).score().age_variant, easi::AgeVariant::Age8Plus);
}

#[test]
fn easi_head_neck_only_and_lower_limbs_only_change_with_age() {
    // Assemble: signs 1 + 1 + 1 + 1 = 4 at area 2 (sign sum × area = 8).
    let four = region(2, [1.0; 4]);
    let head_only = [four, clear(), clear(), clear()];
    let lower_only = [clear(), clear(), clear(), four];

    // Act / Assert: head 8 × 0.2 = 1.6 (mild) at 7, 8 × 0.1 = 0.8 (almost clear) at 8.
    let head_7 = easi_record(7, head_only).score();
    let head_8 = easi_record(8, head_only).score();
    assert_eq!((head_7.head_neck.exact_text().as_str(), head_7.band), ("1.6", Band::Mild));
    assert_eq!((head_8.head_neck.exact_text().as_str(), head_8.band), ("0.8", Band::AlmostClear));
    assert_eq!(head_7.total, head_7.head_neck);

    // lower 8 × 0.3 = 2.4 at 7, 8 × 0.4 = 3.2 at 8.
    let lower_7 = easi_record(7, lower_only).score();
    let lower_8 = easi_record(8, lower_only).score();
    assert_eq!(lower_7.lower_limbs.exact_text(), "2.4");
    assert_eq!(lower_8.lower_limbs.exact_text(), "3.2");
    assert_eq!(lower_8.total, lower_8.lower_limbs);
}

#[test]
fn easi_maximum_is_72_at_every_age() {
    for years in [0, 7, 8, 34, 130] {
        let score = easi_record(years, [region(6, [3.0; 4]); 4]).score();
        assert_eq!(score.total, EasiValue::whole(72), "age {years}");
        assert_eq!(score.band, Band::VerySevere, "age {years}");
    }
    // Under 8: head 12 × 6 × 0.2 = 14.4 and lower 12 × 6 × 0.3 = 21.6.
    let child = easi_record(7, [region(6, [3.0; 4]); 4]).score();
    assert_eq!((child.head_neck.exact_text(), child.lower_limbs.exact_text()), ("14.4".into(), "21.6".into()));
}

#[test]
fn easi_area_score_from_percent() {
    // (percent in tenths, area score); None = rejected
    let cases: [(u16, Option<u8>); 15] = [
        (0, Some(0)),
        (1, Some(1)),
        (99, Some(1)),
        (100, Some(2)),
        (299, Some(2)),
        (300, Some(3)),
        (499, Some(3)),
        (500, Some(4)),
        (699, Some(4)),
        (700, Some(5)),
        (899, Some(5)),
        (900, Some(6)),
        (1000, Some(6)),
        (1001, None),
        (u16::MAX, None),
    ];
    for (tenths, expected) in cases {
        let got = AreaScore::from_percent_tenths(tenths);
        assert_eq!(got.as_ref().ok().map(|a| a.get()), expected, "{} %", f64::from(tenths) / 10.0);
    }
    let message = AreaScore::from_percent_tenths(1001).unwrap_err().to_string();
    assert!(message.contains("100.1"), "{message}");
}

#[test]
fn easi_sign_and_area_constructors_reject_what_the_spec_forbids() {
    let half = SignGrade::from_halves(1).unwrap_err().to_string();
    assert!(half.contains("0.5"), "{half}");
    assert!(SignGrade::from_f64(0.5).unwrap_err().to_string().contains("0.5"));
    assert!(SignGrade::from_halves(7).is_err()); // 3.5
    assert!(SignGrade::from_f64(1.25).is_err());
    assert!(AreaScore::new(7).is_err());
    assert!(AgeYears::new(131).is_err());
    assert!(AgeYears::new(130).is_ok());
    for halves in [0, 2, 3, 4, 5, 6] {
        assert_eq!(SignGrade::from_halves(halves).unwrap().halves(), halves);
    }
}

#[test]
fn easi_issue_example() {
    // Assemble: the issue's record, age 34 (weights 0.1 / 0.2 / 0.3 / 0.4).
    let record = easi_record(
        34,
        [
            region(2, [1.5, 1.0, 0.0, 2.0]),
            region(0, [0.0; 4]),
            region(3, [2.0, 2.0, 1.0, 1.0]),
            region(1, [1.0, 1.0, 0.0, 0.0]),
        ],
    );

    // Act
    let score = record.score();

    // Assert: head (1.5 + 1 + 0 + 2) × 2 × 0.1 = 4.5 × 0.2 = 0.9; upper 0;
    // trunk (2 + 2 + 1 + 1) × 3 × 0.3 = 6 × 0.9 = 5.4; lower (1 + 1) × 1 × 0.4 = 0.8;
    // total 0.9 + 5.4 + 0.8 = 7.1, above 7.0: moderate.
    assert_eq!(score.head_neck.exact_text(), "0.9");
    assert_eq!(score.upper_limbs.exact_text(), "0");
    assert_eq!(score.trunk.exact_text(), "5.4");
    assert_eq!(score.lower_limbs.exact_text(), "0.8");
    assert_eq!(score.total.exact_text(), "7.1");
    assert_eq!(score.band, Band::Moderate);
}

// ---------------------------------------------------------------------------------------------
// SCORAD
// ---------------------------------------------------------------------------------------------

/// Kunz 1997 bands on exact values (units of 0.0001).
#[test]
fn scorad_kunz_band_edges_on_exact_values() {
    let total_cases = [
        (249_999, "24.9999", Band::Mild),
        (250_000, "25", Band::Moderate),
        (500_000, "50", Band::Moderate),
        (500_001, "50.0001", Band::Severe),
        (0, "0", Band::Mild),
        (1_030_000, "103", Band::Severe),
    ];
    for (units, text, expected) in total_cases {
        let value = ScoradValue::from_units(units);
        assert_eq!(value.exact_text(), text);
        assert_eq!(scorad::band(value), expected, "SCORAD {text}");
    }
    let objective_cases = [
        (149_999, "14.9999", Band::Mild),
        (150_000, "15", Band::Moderate),
        (400_000, "40", Band::Moderate),
        (400_001, "40.0001", Band::Severe),
        (0, "0", Band::Mild),
        (830_000, "83", Band::Severe),
    ];
    for (units, text, expected) in objective_cases {
        let value = ScoradValue::from_units(units);
        assert_eq!(value.exact_text(), text);
        assert_eq!(scorad::objective_band(value), expected, "objective SCORAD {text}");
    }
}

/// Band edges reached through records. Genitals weigh 1 %, so genitals at 50 % is A = 0.5 and
/// A/5 = 0.1; each 0.1 % of genitals adds 0.001 to A and 0.0002 to A/5.
#[test]
fn scorad_band_edges_through_records() {
    use Segment::*;
    // (name, record, expected total, total band, expected objective, objective band)
    type Case = (&'static str, ScoradRecord, Option<&'static str>, Option<Band>, &'static str, Band);
    let cases: Vec<Case> = vec![
        // 0.0998 + 7 × 6 / 2 = 21.0998; + C 3.9 = 24.9998
        (
            "total just below 25",
            scorad_record(34, extent(&[(Genitals, 499)]), intensity([1; 6]), c(39, 0)),
            Some("24.9998"),
            Some(Band::Mild),
            "21.0998",
            Band::Moderate,
        ),
        // 0.1 + 21 + 3.9 = 25
        (
            "total 25",
            scorad_record(34, extent(&[(Genitals, 500)]), intensity([1; 6]), c(39, 0)),
            Some("25"),
            Some(Band::Moderate),
            "21.1",
            Band::Moderate,
        ),
        // 0.1 + 7 × 12 / 2 = 42.1; + C 5 + 2.9 = 50
        (
            "total 50",
            scorad_record(34, extent(&[(Genitals, 500)]), intensity([2; 6]), c(50, 29)),
            Some("50"),
            Some(Band::Moderate),
            "42.1",
            Band::Severe,
        ),
        // 0.1002 + 42 + 7.9 = 50.0002
        (
            "total just above 50",
            scorad_record(34, extent(&[(Genitals, 501)]), intensity([2; 6]), c(50, 29)),
            Some("50.0002"),
            Some(Band::Severe),
            "42.1002",
            Band::Severe,
        ),
        // A = 4.5 (head/neck front, age ≥ 2) + 0.499 = 4.999; A/5 = 0.9998; + 7 × 4 / 2 = 14.9998
        (
            "objective just below 15",
            scorad_record(34, extent(&[(HeadNeckFront, 1000), (Genitals, 499)]), intensity([1, 1, 1, 1, 0, 0]), None),
            None,
            None,
            "14.9998",
            Band::Mild,
        ),
        // A = 4.5 + 0.5 = 5; 1 + 14 = 15
        (
            "objective 15",
            scorad_record(34, extent(&[(HeadNeckFront, 1000), (Genitals, 500)]), intensity([1, 1, 1, 1, 0, 0]), None),
            None,
            None,
            "15",
            Band::Moderate,
        ),
        // Age 1: A = 4.5 (one arm front) + 50 % × 6 (one leg front, under-2 weight) = 7.5;
        // A/5 = 1.5; B = 3 + 3 + 3 + 2 = 11, 7 × 11 / 2 = 38.5; objective 40
        (
            "objective 40",
            scorad_record(
                1,
                extent(&[(UpperLimbLeftFront, 1000), (LowerLimbLeftFront, 500)]),
                intensity([3, 3, 3, 2, 0, 0]),
                None,
            ),
            None,
            None,
            "40",
            Band::Moderate,
        ),
        // + 0.1 % of an arm back: 4.5 × 0.001 = 0.0045 of A, 0.0009 of A/5: 40.0009
        (
            "objective just above 40",
            scorad_record(
                1,
                extent(&[(UpperLimbLeftFront, 1000), (LowerLimbLeftFront, 500), (UpperLimbLeftBack, 1)]),
                intensity([3, 3, 3, 2, 0, 0]),
                None,
            ),
            None,
            None,
            "40.0009",
            Band::Severe,
        ),
        // The exact edges ± 0.0001 are reachable too: 0.1 % of an arm (4.5 %) is 0.0045 of A,
        // 0.0009 of A/5, so 11.1 % of an arm adds 0.0999.
        // 0.0999 + 21 = 21.0999; + 3.9 = 24.9999
        (
            "total 24.9999",
            scorad_record(34, extent(&[(UpperLimbLeftFront, 111)]), intensity([1; 6]), c(39, 0)),
            Some("24.9999"),
            Some(Band::Mild),
            "21.0999",
            Band::Moderate,
        ),
        // A = 0.4995 + 0.001 (genitals 0.1 %) = 0.5005; A/5 = 0.1001; + 42 + 7.9 = 50.0001
        (
            "total 50.0001",
            scorad_record(34, extent(&[(UpperLimbLeftFront, 111), (Genitals, 1)]), intensity([2; 6]), c(50, 29)),
            Some("50.0001"),
            Some(Band::Severe),
            "42.1001",
            Band::Severe,
        ),
        // A = 4.5 + 0.4995 = 4.9995; A/5 = 0.9999; + 14 = 14.9999
        (
            "objective 14.9999",
            scorad_record(34, extent(&[(UpperLimbLeftFront, 1000), (UpperLimbLeftBack, 111)]), intensity([1, 1, 1, 1, 0, 0]), None),
            None,
            None,
            "14.9999",
            Band::Mild,
        ),
        // A = 4.5 + 4.5 × 0.665 + 0.008 = 4.5 + 2.9925 + 0.008 = 7.5005; A/5 = 1.5001; + 38.5
        (
            "objective 40.0001",
            scorad_record(
                34,
                extent(&[(UpperLimbLeftFront, 1000), (UpperLimbLeftBack, 665), (Genitals, 8)]),
                intensity([3, 3, 3, 2, 0, 0]),
                None,
            ),
            None,
            None,
            "40.0001",
            Band::Severe,
        ),
    ];
    for (name, record, total, band, objective, objective_band) in cases {
        let score = record.score();
        assert_eq!(score.total.map(|t| t.exact_text()).as_deref(), total, "{name}");
        assert_eq!(score.band, band, "{name}");
        assert_eq!(score.objective.exact_text(), objective, "{name}");
        assert_eq!(score.objective_band, objective_band, "{name}");
    }
}

/// Extent weights, one segment at 100 % at a time: A equals the segment's weight.
#[test]
fn scorad_age_switch_between_1_and_2() {
    use Segment::*;
    // (segment, weight under 2, weight at 2 and over)
    let cases = [
        (HeadNeckFront, "8.5", "4.5"),
        (HeadNeckBack, "8.5", "4.5"),
        (UpperLimbLeftFront, "4.5", "4.5"),
        (UpperLimbLeftBack, "4.5", "4.5"),
        (UpperLimbRightFront, "4.5", "4.5"),
        (UpperLimbRightBack, "4.5", "4.5"),
        (TrunkFront, "18", "18"),
        (TrunkBack, "18", "18"),
        (LowerLimbLeftFront, "6", "9"),
        (LowerLimbLeftBack, "6", "9"),
        (LowerLimbRightFront, "6", "9"),
        (LowerLimbRightBack, "6", "9"),
        (Genitals, "1", "1"),
    ];
    assert_eq!(cases.len(), Segment::ALL.len());
    for (segment, under_2, from_2) in cases {
        let e = extent(&[(segment, 1000)]);
        let at_1 = scorad_record(1, e, intensity([0; 6]), None).score();
        let at_2 = scorad_record(2, e, intensity([0; 6]), None).score();
        assert_eq!(at_1.extent.exact_text(), under_2, "{segment:?} at age 1");
        assert_eq!(at_2.extent.exact_text(), from_2, "{segment:?} at age 2");
    }
    let e = extent(&[]);
    assert_eq!(scorad_record(1, e, intensity([0; 6]), None).score().age_variant, scorad::AgeVariant::Under2);
    assert_eq!(scorad_record(2, e, intensity([0; 6]), None).score().age_variant, scorad::AgeVariant::Age2Plus);
}

#[test]
fn scorad_maxima_at_and_under_2() {
    let all: Vec<(Segment, u16)> = Segment::ALL.iter().map(|&s| (s, 1000)).collect();
    // (age, extent, objective, total): A/5 + 7 × 18 / 2 + 20.
    // Age ≥ 2: 100 / 5 + 63 = 83; + 20 = 103. Under 2: 96 / 5 = 19.2; + 63 = 82.2; + 20 = 102.2.
    let cases = [
        (0, "96", "82.2", "102.2"),
        (1, "96", "82.2", "102.2"),
        (2, "100", "83", "103"),
        (130, "100", "83", "103"),
    ];
    for (years, a, objective, total) in cases {
        let score = scorad_record(years, extent(&all), intensity([3; 6]), c(100, 100)).score();
        assert_eq!(score.extent.exact_text(), a, "age {years}");
        assert_eq!(score.intensity, 18);
        assert_eq!(score.subjective.map(|c| c.exact_text()).as_deref(), Some("20"));
        assert_eq!(score.objective.exact_text(), objective, "age {years}");
        assert_eq!(score.total.map(|t| t.exact_text()).as_deref(), Some(total), "age {years}");
        assert_eq!((score.band, score.objective_band), (Some(Band::Severe), Band::Severe));
    }
}

#[test]
fn scorad_issue_example() {
    use Segment::*;
    // Assemble: age 1 (under-2 weights), head/neck front 50 %, trunk front 25 %.
    let record = scorad_record(1, extent(&[(HeadNeckFront, 500), (TrunkFront, 250)]), intensity([2, 1, 0, 1, 0, 2]), c(65, 30));

    // Act
    let score = record.score();

    // Assert: A = 8.5 × 0.5 + 18 × 0.25 = 4.25 + 4.5 = 8.75; B = 2 + 1 + 0 + 1 + 0 + 2 = 6;
    // C = 6.5 + 3 = 9.5; objective = 8.75 / 5 + 7 × 6 / 2 = 1.75 + 21 = 22.75 (15–40: moderate);
    // total = 22.75 + 9.5 = 32.25 (25–50: moderate).
    assert_eq!(score.extent.exact_text(), "8.75");
    assert_eq!(score.intensity, 6);
    assert_eq!(score.subjective.unwrap().exact_text(), "9.5");
    assert_eq!((score.objective.exact_text().as_str(), score.objective_band), ("22.75", Band::Moderate));
    assert_eq!(score.total.unwrap().exact_text(), "32.25");
    assert_eq!(score.band, Some(Band::Moderate));
}

#[test]
fn scorad_without_subjective_has_no_total_but_an_objective() {
    use Segment::*;
    // Assemble: the issue's example without C.
    let record = scorad_record(1, extent(&[(HeadNeckFront, 500), (TrunkFront, 250)]), intensity([2, 1, 0, 1, 0, 2]), None);

    // Act
    let score = Assessment::Scorad(record).score().unwrap();
    let json = score_json(&score);

    // Assert: no total and no band (never a C of 0 assumed: 22.75 would otherwise be "mild").
    assert_eq!(score.total(), None);
    assert_eq!(score.band(), None);
    assert!(json["total"].is_null(), "{json}");
    assert!(json["band"].is_null(), "{json}");
    assert!(json["subjective"].is_null(), "{json}");
    assert_eq!(json["objective"], Value::from(22.75));
    assert_eq!(json["objective_band"], "moderate");
    assert_eq!(json["extent"], Value::from(8.75));
    assert_eq!(json["intensity"], Value::from(6));
}

#[test]
fn scorad_value_constructors_reject_out_of_range_and_finer_than_a_tenth() {
    assert!(Percent::from_tenths(1000).is_ok());
    assert!(Percent::from_tenths(1001).is_err());
    assert!(Percent::from_f64(100.5).is_err());
    assert!(Percent::from_f64(12.34).unwrap_err().to_string().contains("one decimal"));
    assert_eq!(Percent::from_f64(12.3).unwrap().tenths(), 123);
    assert!(Vas::from_tenths(100).is_ok());
    assert!(Vas::from_tenths(101).is_err());
    assert!(Vas::from_f64(6.55).unwrap_err().to_string().contains("one decimal"));
    assert!(Grade::new(3).is_ok());
    assert!(Grade::new(4).is_err());
}

// ---------------------------------------------------------------------------------------------
// Display rule
// ---------------------------------------------------------------------------------------------

#[test]
fn display_is_one_decimal_unless_rounding_would_cross_a_band() {
    // SCORAD 24.95 would show "25.0" (moderate) while banded mild: shown exactly.
    let cases = [
        (249_500, "24.95"),
        (249_400, "24.9"),
        (250_000, "25.0"),
        (322_500, "32.3"), // 32.25, half-up, same band
        (500_400, "50.04"), // would show "50.0" (moderate) for a severe 50.04
        (500_500, "50.1"),
    ];
    for (units, shown) in cases {
        assert_eq!(ScoradValue::from_units(units).display_in_band(scorad::band), shown);
    }
    // EASI: 7.05 rounds to 7.1, both moderate; 6.95 rounds to 7.0, both mild.
    assert_eq!(EasiValue::from_units(141).display_in_band(easi::band), "7.1");
    assert_eq!(EasiValue::from_units(139).display_in_band(easi::band), "7.0");
    assert_eq!(EasiValue::from_units(1).display_in_band(easi::band), "0.1");
}

// ---------------------------------------------------------------------------------------------
// POEM
// ---------------------------------------------------------------------------------------------

#[test]
fn poem_band_edges() {
    let cases: [([Option<u8>; 7], u32, Band); 10] = [
        ([Some(0); 7], 0, Band::ClearOrAlmostClear),
        ([Some(1), Some(1), Some(0), Some(0), Some(0), Some(0), Some(0)], 2, Band::ClearOrAlmostClear),
        ([Some(1), Some(1), Some(1), Some(0), Some(0), Some(0), Some(0)], 3, Band::Mild),
        ([Some(1); 7], 7, Band::Mild),
        ([Some(2), Some(1), Some(1), Some(1), Some(1), Some(1), Some(1)], 8, Band::Moderate),
        ([Some(4), Some(4), Some(4), Some(4), Some(0), Some(0), Some(0)], 16, Band::Moderate),
        ([Some(4), Some(4), Some(4), Some(4), Some(1), Some(0), Some(0)], 17, Band::Severe),
        ([Some(4), Some(4), Some(4), Some(4), Some(4), Some(4), Some(0)], 24, Band::Severe),
        ([Some(4), Some(4), Some(4), Some(4), Some(4), Some(4), Some(1)], 25, Band::VerySevere),
        ([Some(4); 7], 28, Band::VerySevere),
    ];
    for (answers, total, band) in cases {
        let score = poem_record(answers).score();
        assert_eq!(score.total, Some(total), "{answers:?}");
        assert_eq!(score.band, Some(band), "POEM {total}");
        assert_eq!(poem::band(total), band, "POEM {total}");
    }
}

#[test]
fn poem_one_unanswered_counts_zero_two_are_not_scored() {
    // One blank: 6 × 4 = 24, severe (it would be 28, very severe, if the blank counted 4).
    let one = poem_record([Some(4), Some(4), Some(4), None, Some(4), Some(4), Some(4)]).score();
    assert_eq!((one.total, one.band, one.unanswered), (Some(24), Some(Band::Severe), 1));

    // Two blanks: not scored, whatever the rest says.
    let two = poem_record([Some(4), None, Some(4), Some(4), Some(4), Some(4), None]).score();
    assert_eq!((two.total, two.band, two.unanswered), (None, None, 2));
    let json = score_json(&Score::Poem(two));
    assert!(json["total"].is_null() && json["band"].is_null(), "{json}");

    let blank = poem_record([None; 7]).score();
    assert_eq!((blank.total, blank.band, blank.unanswered), (None, None, 7));

    assert!(PoemAnswer::new(5).is_err());
}

// ---------------------------------------------------------------------------------------------
// DLQI
// ---------------------------------------------------------------------------------------------

#[test]
fn dlqi_band_edges() {
    let cases: [([Option<DlqiAnswer>; 10], u32, Band); 10] = [
        ([s(0); 10], 0, Band::NoEffect),
        ([s(1), s(0), s(0), s(0), s(0), s(0), s(0), s(0), s(0), s(0)], 1, Band::NoEffect),
        ([s(1), s(1), s(0), s(0), s(0), s(0), s(0), s(0), s(0), s(0)], 2, Band::Small),
        ([s(3), s(2), s(0), s(0), s(0), s(0), s(0), s(0), s(0), s(0)], 5, Band::Small),
        ([s(3), s(3), s(0), s(0), s(0), s(0), s(0), s(0), s(0), s(0)], 6, Band::Moderate),
        ([s(3), s(3), s(3), s(1), s(0), s(0), s(0), s(0), s(0), s(0)], 10, Band::Moderate),
        ([s(3), s(3), s(3), s(2), s(0), s(0), s(0), s(0), s(0), s(0)], 11, Band::VeryLarge),
        ([s(3), s(3), s(3), s(3), s(3), s(3), s(2), s(0), s(0), s(0)], 20, Band::VeryLarge),
        ([s(3), s(3), s(3), s(3), s(3), s(3), s(3), s(0), s(0), s(0)], 21, Band::ExtremelyLarge),
        ([s(3); 10], 30, Band::ExtremelyLarge),
    ];
    for (answers, total, band) in cases {
        let score = DlqiRecord { answers }.score().unwrap();
        assert_eq!(score.total, Some(total), "{answers:?}");
        assert_eq!(score.band, Some(band), "DLQI {total}");
        assert_eq!(dlqi::band(total), band, "DLQI {total}");
    }
}

#[test]
fn dlqi_not_relevant_scores_zero_on_items_3_to_10() {
    for item in 3..=10 {
        // Assemble: every item "very much" (3) except this one, "not relevant".
        let mut answers = [s(3); 10];
        answers[item - 1] = NR;

        // Act
        let score = DlqiRecord { answers }.score().unwrap();

        // Assert: 9 × 3 = 27 (not relevant is 0, and the item is answered, not blank).
        assert_eq!((score.total, score.unanswered), (Some(27), 0), "item {item}");
        assert_eq!(score.band, Some(Band::ExtremelyLarge));
    }
    // Eight "not relevant" answers count as answered: the record is still scored.
    let mostly = DlqiRecord { answers: [s(1), s(2), NR, NR, NR, NR, NR, NR, NR, NR] }.score().unwrap();
    assert_eq!((mostly.total, mostly.band), (Some(3), Some(Band::Small)));
}

#[test]
fn dlqi_not_relevant_on_items_1_and_2_is_rejected() {
    for item in [1, 2] {
        // Built in code: the record type can hold it, so `score` must refuse it.
        let mut answers = [s(1); 10];
        answers[item - 1] = NR;
        let record = DlqiRecord { answers };
        let error = Assessment::Dlqi(record).score().unwrap_err();
        assert!(error.message().contains(&format!("item {item}")), "{error}");
        assert!(error.message().contains("not relevant"), "{error}");

        // Read from JSON: rejected on reading.
        let mut items: Vec<Value> = vec![Value::from(1); 10];
        items[item - 1] = Value::from("not_relevant");
        let text = serde_json::json!({"instrument": "dlqi", "answers": items}).to_string();
        let error = Assessment::from_json(&text).unwrap_err();
        assert!(error.message().contains(&format!("item {item}")), "{error}");
    }
    // A score above 3 built in code is refused too.
    let mut answers = [s(0); 10];
    answers[6] = s(4);
    assert!(DlqiRecord { answers }.score().is_err());
}

#[test]
fn dlqi_one_unanswered_counts_zero_two_are_not_scored() {
    let mut one = [s(3); 10];
    one[4] = None;
    let score = DlqiRecord { answers: one }.score().unwrap();
    assert_eq!((score.total, score.band, score.unanswered), (Some(27), Some(Band::ExtremelyLarge), 1));

    let mut two = [s(3); 10];
    two[0] = None;
    two[9] = None;
    let score = DlqiRecord { answers: two }.score().unwrap();
    assert_eq!((score.total, score.band, score.unanswered), (None, None, 2));
    let json = score_json(&Score::Dlqi(score));
    assert!(json["total"].is_null() && json["band"].is_null(), "{json}");
}

// ---------------------------------------------------------------------------------------------
// Itch and sleep NRS
// ---------------------------------------------------------------------------------------------

#[test]
fn itch_nrs_bands() {
    let cases = [
        (0, Band::NoItch, "none"),
        (1, Band::Mild, "mild"),
        (2, Band::Mild, "mild"),
        (3, Band::Mild, "mild"),
        (4, Band::Moderate, "moderate"),
        (5, Band::Moderate, "moderate"),
        (6, Band::Moderate, "moderate"),
        (7, Band::Severe, "severe"),
        (8, Band::Severe, "severe"),
        (9, Band::VerySevere, "very_severe"),
        (10, Band::VerySevere, "very_severe"),
    ];
    for (value, band, key) in cases {
        let record = NrsRecord { value: NrsValue::new(value).unwrap() };
        let score = Assessment::ItchNrs(record).score().unwrap();
        assert_eq!(score.total(), Some(f64::from(value)));
        assert_eq!(score.band(), Some(band), "itch {value}");
        assert_eq!(nrs::itch_band(u32::from(value)), band);
        assert_eq!(score_json(&score)["band"], key);
    }
}

#[test]
fn sleep_nrs_has_no_band_and_11_is_rejected() {
    for value in 0..=10 {
        let score = Assessment::SleepNrs(NrsRecord { value: NrsValue::new(value).unwrap() }).score().unwrap();
        assert_eq!(score.total(), Some(f64::from(value)));
        assert_eq!(score.band(), None);
        let json = score_json(&score);
        assert!(json["band"].is_null(), "{json}");
        assert_eq!(json["instrument"], "sleep_nrs");
    }
    assert!(NrsValue::new(11).is_err());
    for instrument in ["itch_nrs", "sleep_nrs"] {
        let error = Assessment::from_json(&format!(r#"{{"instrument":"{instrument}","value":11}}"#)).unwrap_err();
        assert!(error.message().contains("11"), "{error}");
    }
}
