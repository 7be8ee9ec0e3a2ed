//! Property tests over generated valid records of every instrument: ranges, monotonicity,
//! serde round trip, agreement with an independent f64 recomputation, and band consistency.

use adscore::scoring::dlqi::{self, DlqiAnswer};
use adscore::scoring::easi::{self, AreaScore, EasiRecord, EasiRegion, EasiRegions, SignGrade};
use adscore::scoring::nrs::{self, NrsRecord, NrsValue};
use adscore::scoring::poem::{self, PoemAnswer, PoemRecord};
use adscore::scoring::scorad::{self, Extent, Grade, Intensity, Percent, ScoradRecord, Subjective, Vas};
use adscore::scoring::{AgeYears, Band};
use adscore::{Assessment, Score};
use proptest::prelude::*;
mod common;
use common::strategies::{dlqi, nrs};

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

/// EASI sign grades in half points: 0, 1, 1.5, 2, 2.5, 3 (never 0.5).
const SIGN_HALVES: [u8; 6] = [0, 2, 3, 4, 5, 6];

fn age() -> impl Strategy<Value = AgeYears> {
    // Weighted towards the age switches (EASI 7/8, SCORAD 1/2) as well as the whole range.
    prop_oneof![0u8..=130, 0u8..=9].prop_map(|y| AgeYears::new(y).unwrap())
}

fn sign() -> impl Strategy<Value = SignGrade> {
    prop::sample::select(SIGN_HALVES.to_vec()).prop_map(|h| SignGrade::from_halves(h).unwrap())
}

fn easi_region() -> impl Strategy<Value = EasiRegion> {
    (0u8..=6, prop::array::uniform4(sign())).prop_map(|(area, [e, i, x, l])| EasiRegion {
        area: AreaScore::new(area).unwrap(),
        erythema: e,
        edema_papulation: i,
        excoriation: x,
        lichenification: l,
    })
}

fn easi() -> impl Strategy<Value = EasiRecord> {
    (age(), prop::array::uniform4(easi_region())).prop_map(|(age_years, [head_neck, upper_limbs, trunk, lower_limbs])| {
        EasiRecord { age_years, regions: EasiRegions { head_neck, upper_limbs, trunk, lower_limbs } }
    })
}

fn extent_from(p: [u16; 13]) -> Extent {
    let p = p.map(|t| Percent::from_tenths(t).unwrap());
    Extent::from_array(p)
}

fn extent_tenths(e: &Extent) -> [u16; 13] {
    [
        e.head_neck_front,
        e.head_neck_back,
        e.upper_limb_left_front,
        e.upper_limb_left_back,
        e.upper_limb_right_front,
        e.upper_limb_right_back,
        e.trunk_front,
        e.trunk_back,
        e.lower_limb_left_front,
        e.lower_limb_left_back,
        e.lower_limb_right_front,
        e.lower_limb_right_back,
        e.genitals,
    ]
    .map(|p| p.tenths())
}

fn intensity_from(g: [u8; 6]) -> Intensity {
    let g = g.map(|v| Grade::new(v).unwrap());
    Intensity {
        erythema: g[0],
        edema_papulation: g[1],
        oozing_crusts: g[2],
        excoriation: g[3],
        lichenification: g[4],
        dryness: g[5],
    }
}

fn intensity_grades(i: &Intensity) -> [u8; 6] {
    [i.erythema, i.edema_papulation, i.oozing_crusts, i.excoriation, i.lichenification, i.dryness].map(|g| g.get())
}

fn subjective_from(pruritus: u16, sleep_loss: u16) -> Subjective {
    Subjective { pruritus: Vas::from_tenths(pruritus).unwrap(), sleep_loss: Vas::from_tenths(sleep_loss).unwrap() }
}

fn scorad() -> impl Strategy<Value = ScoradRecord> {
    // Percents in tenths 0..=1000, half the time only 0 or 100 (the maxima matter).
    let percent = prop_oneof![0u16..=1000, prop::sample::select(vec![0u16, 1000])];
    (
        age(),
        prop::array::uniform13(percent),
        prop::array::uniform6(0u8..=3),
        prop::option::of((0u16..=100, 0u16..=100)),
    )
        .prop_map(|(age_years, p, g, c)| ScoradRecord {
            age_years,
            extent: extent_from(p),
            intensity: intensity_from(g),
            subjective: c.map(|(pruritus, sleep_loss)| subjective_from(pruritus, sleep_loss)),
        })
}

fn poem() -> impl Strategy<Value = PoemRecord> {
    // Mostly answered, so that both scored and unscored records occur.
    let answer = prop::option::weighted(0.9, (0u8..=4).prop_map(|v| PoemAnswer::new(v).unwrap()));
    prop::array::uniform7(answer).prop_map(|answers| PoemRecord { answers })
}

fn assessment() -> impl Strategy<Value = Assessment> {
    prop_oneof![
        easi().prop_map(Assessment::Easi),
        scorad().prop_map(Assessment::Scorad),
        poem().prop_map(Assessment::Poem),
        dlqi().prop_map(Assessment::Dlqi),
        nrs().prop_map(Assessment::ItchNrs),
        nrs().prop_map(Assessment::SleepNrs),
    ]
}

// ---------------------------------------------------------------------------------------------
// Field access for "raise one input"
// ---------------------------------------------------------------------------------------------

fn easi_region_mut(r: &mut EasiRecord, index: usize) -> &mut EasiRegion {
    match index {
        0 => &mut r.regions.head_neck,
        1 => &mut r.regions.upper_limbs,
        2 => &mut r.regions.trunk,
        _ => &mut r.regions.lower_limbs,
    }
}

fn easi_sign_mut(r: &mut EasiRegion, index: usize) -> &mut SignGrade {
    match index {
        0 => &mut r.erythema,
        1 => &mut r.edema_papulation,
        2 => &mut r.excoriation,
        _ => &mut r.lichenification,
    }
}

/// A value strictly above `current` among `allowed` (sorted), chosen by `pick`; None at the top.
fn higher<T: Copy + PartialOrd>(allowed: &[T], current: T, pick: usize) -> Option<T> {
    let above: Vec<T> = allowed.iter().copied().filter(|&v| v > current).collect();
    (!above.is_empty()).then(|| above[pick % above.len()])
}

// ---------------------------------------------------------------------------------------------
// Independent references, written from the spec (not from the code under test)
// ---------------------------------------------------------------------------------------------

/// EASI in f64: Σ (sum of signs) × area × weight.
fn easi_f64(r: &EasiRecord) -> f64 {
    let weights = if r.age_years.get() < 8 { [0.2, 0.2, 0.3, 0.3] } else { [0.1, 0.2, 0.3, 0.4] };
    let regions = [&r.regions.head_neck, &r.regions.upper_limbs, &r.regions.trunk, &r.regions.lower_limbs];
    regions
        .iter()
        .zip(weights)
        .map(|(g, w)| {
            let signs = g.erythema.to_f64() + g.edema_papulation.to_f64() + g.excoriation.to_f64() + g.lichenification.to_f64();
            signs * f64::from(g.area.get()) * w
        })
        .sum()
}

/// SCORAD extent weights (% of body surface) in record order.
fn scorad_weights(age: AgeYears) -> [f64; 13] {
    if age.get() < 2 {
        [8.5, 8.5, 4.5, 4.5, 4.5, 4.5, 18.0, 18.0, 6.0, 6.0, 6.0, 6.0, 1.0]
    } else {
        [4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 18.0, 18.0, 9.0, 9.0, 9.0, 9.0, 1.0]
    }
}

/// (A, B, objective, total) in f64: A = Σ weight × percent / 100; A/5 + 7B/2 (+ C).
fn scorad_f64(r: &ScoradRecord) -> (f64, f64, f64, Option<f64>) {
    let a: f64 = extent_tenths(&r.extent)
        .iter()
        .zip(scorad_weights(r.age_years))
        .map(|(&t, w)| w * (f64::from(t) / 10.0) / 100.0)
        .sum();
    let b: f64 = intensity_grades(&r.intensity).iter().map(|&g| f64::from(g)).sum();
    let objective = a / 5.0 + 7.0 * b / 2.0;
    let total = r.subjective.map(|c| objective + c.pruritus.to_f64() + c.sleep_loss.to_f64());
    (a, b, objective, total)
}

/// Leshem bands from the spec's edges, on the f64 value (safe here: the value is compared with
/// edges at least 0.025 away, and the f64 error is below 1e-9).
fn easi_band_ref(x: f64) -> Band {
    let edges = [(0.025, Band::Clear), (1.025, Band::AlmostClear), (7.025, Band::Mild), (21.025, Band::Moderate), (50.025, Band::Severe)];
    edges.iter().find(|(edge, _)| x < *edge).map_or(Band::VerySevere, |(_, band)| *band)
}

/// Kunz bands in units of 0.0001 (exact integers): < 25 / 25–50 / > 50 and < 15 / 15–40 / > 40.
fn kunz_ref(units: u32, low: u32, high: u32) -> Band {
    if units < low * 10_000 {
        Band::Mild
    } else if units <= high * 10_000 {
        Band::Moderate
    } else {
        Band::Severe
    }
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_score_is_within_its_range(record in assessment()) {
        let score = record.score().expect("generated records are valid");
        match score {
            Score::Easi(s) => prop_assert!(s.total.units() <= 72 * 20, "EASI {}", s.total),
            Score::Scorad(s) => {
                let (max_extent, max_objective) = if s.age_variant == scorad::AgeVariant::Under2 {
                    // 96 and 96 / 5 + 63 = 82.2
                    (96 * 2000, 822_000)
                } else {
                    (100 * 2000, 830_000)
                };
                prop_assert!(s.extent.units() <= max_extent, "extent {}", s.extent);
                prop_assert!(s.intensity <= 18);
                prop_assert!(s.objective.units() <= max_objective, "objective {}", s.objective);
                if let Some(c) = s.subjective {
                    prop_assert!(c.units() <= 200, "C {}", c);
                }
                if let Some(total) = s.total {
                    prop_assert!(total.units() <= 1_030_000, "total {}", total);
                    prop_assert!(total >= s.objective);
                }
            }
            Score::Poem(s) => prop_assert!(s.total.is_none_or(|t| t <= 28)),
            Score::Dlqi(s) => prop_assert!(s.total.is_none_or(|t| t <= 30)),
            Score::ItchNrs(s) | Score::SleepNrs(s) => prop_assert!(s.total <= 10),
        }
    }

    #[test]
    fn scorad_extent_is_at_most_96_under_2(mut record in scorad(), under_2 in 0u8..=1) {
        record.age_years = AgeYears::new(under_2).unwrap();
        let score = record.score();
        prop_assert!(score.extent.units() <= 96 * 2000, "extent {}", score.extent);
        prop_assert!(score.objective.units() <= 822_000, "objective {}", score.objective);
    }

    #[test]
    fn raising_one_easi_input_never_lowers_the_total(
        record in easi(),
        region in 0usize..4,
        field in 0usize..5, // 0–3 a sign, 4 the area score
        pick in any::<usize>(),
    ) {
        // Assemble
        let mut raised = record;
        let target = easi_region_mut(&mut raised, region);
        let sign_sum = target.sign_sum_halves();
        let area = target.area.get();
        let strictly = if field == 4 {
            let Some(new) = higher(&[0, 1, 2, 3, 4, 5, 6], area, pick) else { return Ok(()) };
            target.area = AreaScore::new(new).unwrap();
            sign_sum > 0
        } else {
            let sign = easi_sign_mut(target, field);
            let Some(new) = higher(&SIGN_HALVES, sign.halves(), pick) else { return Ok(()) };
            *sign = SignGrade::from_halves(new).unwrap();
            area > 0
        };

        // Act
        let (before, after) = (record.score().total, raised.score().total);

        // Assert
        prop_assert!(after >= before, "{before} → {after}");
        if strictly {
            prop_assert!(after > before, "{before} → {after}");
        }
    }

    #[test]
    fn raising_one_scorad_input_never_lowers_the_scores(
        record in scorad(),
        field in 0usize..21, // 0–12 a segment, 13–18 a grade, 19–20 pruritus / sleep loss
        pick in any::<usize>(),
    ) {
        // Assemble
        let mut raised = record;
        match field {
            0..=12 => {
                let mut p = extent_tenths(&record.extent);
                let Some(new) = higher(&(0..=1000).collect::<Vec<u16>>(), p[field], pick) else { return Ok(()) };
                p[field] = new;
                raised.extent = extent_from(p);
            }
            13..=18 => {
                let mut g = intensity_grades(&record.intensity);
                let Some(new) = higher(&[0, 1, 2, 3], g[field - 13], pick) else { return Ok(()) };
                g[field - 13] = new;
                raised.intensity = intensity_from(g);
            }
            _ => {
                let Some(c) = record.subjective else { return Ok(()) };
                let (mut pruritus, mut sleep) = (c.pruritus.tenths(), c.sleep_loss.tenths());
                let slot = if field == 19 { &mut pruritus } else { &mut sleep };
                let Some(new) = higher(&(0..=100).collect::<Vec<u16>>(), *slot, pick) else { return Ok(()) };
                *slot = new;
                raised.subjective = Some(subjective_from(pruritus, sleep));
            }
        }

        // Act
        let (before, after) = (record.score(), raised.score());

        // Assert: every weight is positive, so each raise strictly increases what it feeds.
        if field <= 18 {
            prop_assert!(after.objective > before.objective, "{} → {}", before.objective, after.objective);
        } else {
            prop_assert_eq!(after.objective, before.objective);
        }
        prop_assert_eq!(after.total.is_some(), before.total.is_some());
        if let (Some(b), Some(a)) = (before.total, after.total) {
            prop_assert!(a > b, "{b} → {a}");
        }
    }

    #[test]
    fn raising_one_poem_answer_never_lowers_the_total(record in poem(), item in 0usize..7, pick in any::<usize>()) {
        // Assemble: raise an answer, or answer a blank item.
        let mut raised = record;
        let current = record.answers[item].map(|a| a.get());
        let new = match current {
            Some(v) => higher(&[0, 1, 2, 3, 4], v, pick),
            None => Some((pick % 5) as u8),
        };
        let Some(new) = new else { return Ok(()) };
        raised.answers[item] = Some(PoemAnswer::new(new).unwrap());

        // Act
        let (before, after) = (record.score(), raised.score());

        // Assert: a scored record stays scored and does not go down; a raised answer goes up.
        if let Some(b) = before.total {
            let a = after.total.expect("answering more keeps the record scored");
            prop_assert!(a >= b, "{b} → {a}");
            if current.is_some() {
                prop_assert!(a > b, "{b} → {a}");
            }
        }
    }

    #[test]
    fn raising_one_dlqi_answer_never_lowers_the_total(record in dlqi(), item in 0usize..10, pick in any::<usize>()) {
        // Assemble: raise a score, turn "not relevant" (0) into a score, or answer a blank.
        let mut raised = record;
        let new = match record.answers[item] {
            Some(DlqiAnswer::Score(v)) => higher(&[0, 1, 2, 3], v, pick).map(DlqiAnswer::Score),
            Some(DlqiAnswer::NotRelevant) | None => Some(DlqiAnswer::Score((pick % 4) as u8)),
        };
        let Some(new) = new else { return Ok(()) };
        raised.answers[item] = Some(new);

        // Act
        let (before, after) = (record.score().unwrap(), raised.score().unwrap());

        // Assert
        if let Some(b) = before.total {
            let a = after.total.expect("answering more keeps the record scored");
            prop_assert!(a >= b, "{b} → {a}");
        }
    }

    #[test]
    fn raising_an_nrs_value_never_lowers_it_or_its_band(v in 0u8..=10, w in 0u8..=10) {
        let (low, high) = (v.min(w), v.max(w));
        let score = |x: u8| NrsRecord { value: NrsValue::new(x).unwrap() }.score_itch();
        prop_assert!(score(high).total >= score(low).total);
        let rank = |b: Option<Band>| [Band::NoItch, Band::Mild, Band::Moderate, Band::Severe, Band::VerySevere]
            .iter().position(|&x| Some(x) == b).unwrap();
        prop_assert!(rank(score(high).band) >= rank(score(low).band));
    }

    #[test]
    fn serde_round_trip_is_identity(record in assessment()) {
        let json = record.to_json();
        let again = Assessment::from_json(&json);
        prop_assert_eq!(again, Ok(record), "{}", json);
    }

    #[test]
    fn easi_agrees_with_an_f64_recomputation(record in easi()) {
        let score = record.score();
        let reference = easi_f64(&record);
        prop_assert!((score.total.to_f64() - reference).abs() < 1e-9, "{} vs {}", score.total, reference);
        let parts = score.head_neck.to_f64() + score.upper_limbs.to_f64() + score.trunk.to_f64() + score.lower_limbs.to_f64();
        prop_assert!((parts - reference).abs() < 1e-9);
        prop_assert_eq!(score.age_variant == easi::AgeVariant::Under8, record.age_years.get() < 8);
    }

    #[test]
    fn scorad_agrees_with_an_f64_recomputation(record in scorad()) {
        let score = record.score();
        let (a, b, objective, total) = scorad_f64(&record);
        prop_assert!((score.extent.to_f64() - a).abs() < 1e-9, "A {} vs {}", score.extent, a);
        prop_assert_eq!(f64::from(score.intensity), b);
        prop_assert!((score.objective.to_f64() - objective).abs() < 1e-9, "objective {} vs {}", score.objective, objective);
        prop_assert_eq!(score.total.is_some(), total.is_some());
        if let (Some(exact), Some(reference)) = (score.total, total) {
            prop_assert!((exact.to_f64() - reference).abs() < 1e-9, "total {} vs {}", exact, reference);
        }
    }

    #[test]
    fn questionnaire_totals_agree_with_a_plain_sum(p in poem(), d in dlqi()) {
        let blanks = p.answers.iter().filter(|a| a.is_none()).count();
        let sum: u32 = p.answers.iter().flatten().map(|a| u32::from(a.get())).sum();
        prop_assert_eq!(p.score().total, (blanks <= 1).then_some(sum));

        let blanks = d.answers.iter().filter(|a| a.is_none()).count();
        let sum: u32 = d.answers.iter().flatten().map(|a| match a { DlqiAnswer::Score(v) => u32::from(*v), DlqiAnswer::NotRelevant => 0 }).sum();
        prop_assert_eq!(d.score().unwrap().total, (blanks <= 1).then_some(sum));
    }

    #[test]
    fn band_is_the_band_of_the_total(record in assessment()) {
        let score = record.score().unwrap();
        match score {
            Score::Easi(s) => {
                prop_assert_eq!(s.band, easi::band(s.total));
                prop_assert_eq!(s.band, easi_band_ref(s.total.to_f64()));
            }
            Score::Scorad(s) => {
                prop_assert_eq!(s.band, s.total.map(scorad::band));
                prop_assert_eq!(s.band, s.total.map(|t| kunz_ref(t.units(), 25, 50)));
                prop_assert_eq!(s.objective_band, scorad::objective_band(s.objective));
                prop_assert_eq!(s.objective_band, kunz_ref(s.objective.units(), 15, 40));
            }
            Score::Poem(s) => {
                prop_assert_eq!(s.band, s.total.map(poem::band));
                let reference = s.total.map(|t| match t {
                    0..=2 => Band::ClearOrAlmostClear,
                    3..=7 => Band::Mild,
                    8..=16 => Band::Moderate,
                    17..=24 => Band::Severe,
                    _ => Band::VerySevere,
                });
                prop_assert_eq!(s.band, reference);
            }
            Score::Dlqi(s) => {
                prop_assert_eq!(s.band, s.total.map(dlqi::band));
                let reference = s.total.map(|t| match t {
                    0..=1 => Band::NoEffect,
                    2..=5 => Band::Small,
                    6..=10 => Band::Moderate,
                    11..=20 => Band::VeryLarge,
                    _ => Band::ExtremelyLarge,
                });
                prop_assert_eq!(s.band, reference);
            }
            Score::ItchNrs(s) => prop_assert_eq!(s.band, Some(nrs::itch_band(s.total))),
            Score::SleepNrs(s) => prop_assert_eq!(s.band, None),
        }
        // The Score accessors agree with the details.
        prop_assert_eq!(score.band(), match score {
            Score::Easi(s) => Some(s.band),
            Score::Scorad(s) => s.band,
            Score::Poem(s) => s.band,
            Score::Dlqi(s) => s.band,
            Score::ItchNrs(s) | Score::SleepNrs(s) => s.band,
        });
    }

    #[test]
    fn score_json_total_is_the_nearest_double_of_the_exact_total(record in assessment()) {
        let score = record.score().unwrap();
        let json: serde_json::Value = serde_json::from_str(&score.to_json()).unwrap();
        prop_assert_eq!(json["total"].as_f64(), score.total(), "{}", json);
        prop_assert!(json.as_object().unwrap().values().all(|v| !v.is_object() && !v.is_array()), "{}", json);
    }
}
