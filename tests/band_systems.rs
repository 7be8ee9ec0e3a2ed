//! Selectable band systems: Leshem 2015 / Chopra 2017 for EASI and Kunz 1997 / Chopra 2017 for
//! SCORAD and objective SCORAD. Every Chopra edge on exact values, the defaults, the
//! `band_system` key of the Score JSON, and records whose band depends on the system.

use adscore::scoring::easi::{self, EasiBands, EasiValue};
use adscore::scoring::scorad::{self, ScoradBands, ScoradValue};
use adscore::scoring::Band;
use adscore::{Assessment, Score};
use serde_json::Value;
mod common;
use common::{EASI, SCORAD, POEM, DLQI, ITCH, SLEEP};

// The issue's example records (docs/record-format.md): EASI 7.1; SCORAD objective 22.75,
// total 32.25.

/// EASI 6.5 at age 34: head/neck (1.5 + 1.5 + 1 + 1) × 1 × 0.1 = 0.5; trunk
/// (3 + 3 + 2 + 2) × 2 × 0.3 = 6.0.
const EASI_6_5: &str = r#"{"instrument":"easi","age_years":34,"regions":{"head_neck":{"area":1,"erythema":1.5,"edema_papulation":1.5,"excoriation":1,"lichenification":1},"upper_limbs":{"area":0,"erythema":0,"edema_papulation":0,"excoriation":0,"lichenification":0},"trunk":{"area":2,"erythema":3,"edema_papulation":3,"excoriation":2,"lichenification":2},"lower_limbs":{"area":0,"erythema":0,"edema_papulation":0,"excoriation":0,"lichenification":0}}}"#;

/// `base` with `from` replaced by `to`; panics if `from` is absent.
fn swap(base: &str, from: &str, to: &str) -> String {
    assert!(base.contains(from), "{from} not in {base}");
    base.replacen(from, to, 1)
}

fn record(json: &str) -> Assessment {
    Assessment::from_json(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

fn json_of(score: &Score) -> Value {
    serde_json::from_str(&score.to_json()).unwrap()
}

fn score_json(json: &str, easi: EasiBands, scorad: ScoradBands) -> Value {
    json_of(&record(json).score_with(easi, scorad).unwrap())
}

/// Reference Chopra 2017 band on a count of `1/den` units, from the lower edges (whole
/// numbers) of mild, moderate and severe. A mild edge of 0 means only 0 is clear (EASI).
fn chopra_ref(units: u32, den: u32, [mild, moderate, severe]: [u32; 3]) -> Band {
    if units == 0 || units < mild * den {
        Band::Clear
    } else if units < moderate * den {
        Band::Mild
    } else if units < severe * den {
        Band::Moderate
    } else {
        Band::Severe
    }
}

// ---------------------------------------------------------------------------------------------
// Chopra 2017 edges on exact values
// ---------------------------------------------------------------------------------------------

#[test]
fn easi_chopra_edges_on_exact_values() {
    // (units of 0.05, exact text, band): clear 0; mild (0, 6); moderate [6, 23); severe ≥ 23.
    let cases = [
        (0, "0", Band::Clear),
        (1, "0.05", Band::Mild),
        (119, "5.95", Band::Mild),
        (120, "6", Band::Moderate),
        (459, "22.95", Band::Moderate),
        (460, "23", Band::Severe),
        (1440, "72", Band::Severe),
    ];
    for (units, text, expected) in cases {
        // Assemble
        let value = EasiValue::from_units(units);
        assert_eq!(value.exact_text(), text);
        // Act
        let band = EasiBands::Chopra2017.band(value);
        // Assert
        assert_eq!(band, expected, "EASI {text} (Chopra 2017)");
    }
}

#[test]
fn easi_chopra_bands_every_possible_value() {
    // EASI values are multiples of 0.05 from 0 to 72: all 1441 of them.
    for units in 0..=1440 {
        let value = EasiValue::from_units(units);
        assert_eq!(EasiBands::Chopra2017.band(value), chopra_ref(units, 20, [0, 6, 23]), "EASI {value}");
    }
}

#[test]
fn scorad_chopra_edges_on_exact_values() {
    // (units of 0.0001, exact text, band): clear [0, 10); mild [10, 29); moderate [29, 49);
    // severe ≥ 49.
    let cases = [
        (0, "0", Band::Clear),
        (99_999, "9.9999", Band::Clear),
        (100_000, "10", Band::Mild),
        (289_999, "28.9999", Band::Mild),
        (290_000, "29", Band::Moderate),
        (489_999, "48.9999", Band::Moderate),
        (490_000, "49", Band::Severe),
        (1_030_000, "103", Band::Severe),
    ];
    for (units, text, expected) in cases {
        // Assemble
        let value = ScoradValue::from_units(units);
        assert_eq!(value.exact_text(), text);
        // Act
        let band = ScoradBands::Chopra2017.band(value);
        // Assert
        assert_eq!(band, expected, "SCORAD {text} (Chopra 2017)");
    }
}

#[test]
fn objective_scorad_chopra_edges_on_exact_values() {
    // clear [0, 8); mild [8, 24); moderate [24, 38); severe ≥ 38.
    let cases = [
        (0, "0", Band::Clear),
        (79_999, "7.9999", Band::Clear),
        (80_000, "8", Band::Mild),
        (239_999, "23.9999", Band::Mild),
        (240_000, "24", Band::Moderate),
        (379_999, "37.9999", Band::Moderate),
        (380_000, "38", Band::Severe),
        (830_000, "83", Band::Severe),
    ];
    for (units, text, expected) in cases {
        // Assemble
        let value = ScoradValue::from_units(units);
        assert_eq!(value.exact_text(), text);
        // Act
        let band = ScoradBands::Chopra2017.objective_band(value);
        // Assert
        assert_eq!(band, expected, "objective SCORAD {text} (Chopra 2017)");
    }
}

#[test]
fn scorad_chopra_bands_every_value_near_each_edge() {
    for edge in [10u32, 29, 49] {
        for units in edge * 10_000 - 50..=edge * 10_000 + 50 {
            let value = ScoradValue::from_units(units);
            assert_eq!(ScoradBands::Chopra2017.band(value), chopra_ref(units, 10_000, [10, 29, 49]), "SCORAD {value}");
        }
    }
    for edge in [8u32, 24, 38] {
        for units in edge * 10_000 - 50..=edge * 10_000 + 50 {
            let value = ScoradValue::from_units(units);
            assert_eq!(
                ScoradBands::Chopra2017.objective_band(value),
                chopra_ref(units, 10_000, [8, 24, 38]),
                "objective SCORAD {value}"
            );
        }
    }
}

#[test]
fn chopra_objective_edge_through_records() {
    // Assemble: head/neck front 100 % (4.5) + genitals 50 % (0.5) gives A = 5, A/5 = 1;
    // B = 2 gives 7B/2 = 7: objective exactly 8. Genitals 49.9 % gives A = 4.999: 7.9998.
    let at = |genitals: &str| {
        let json = swap(&swap(SCORAD, r#""head_neck_front":50"#, r#""head_neck_front":100"#), r#""trunk_front":25"#, r#""trunk_front":0"#);
        let json = swap(&json, r#""genitals":0"#, &format!(r#""genitals":{genitals}"#));
        let json = swap(&json, r#""intensity":{"erythema":2,"edema_papulation":1,"oozing_crusts":0,"excoriation":1,"lichenification":0,"dryness":2}"#, r#""intensity":{"erythema":1,"edema_papulation":0,"oozing_crusts":0,"excoriation":0,"lichenification":0,"dryness":1}"#);
        swap(&json, r#""age_years":1"#, r#""age_years":40"#)
    };
    // Act
    let eight = score_json(&at("50"), EasiBands::default(), ScoradBands::Chopra2017);
    let below = score_json(&at("49.9"), EasiBands::default(), ScoradBands::Chopra2017);
    // Assert
    assert_eq!((&eight["objective"], &eight["objective_band"]), (&Value::from(8), &Value::from("mild")));
    assert_eq!((&below["objective"], &below["objective_band"]), (&Value::from(7.9998), &Value::from("clear")));
}

// ---------------------------------------------------------------------------------------------
// Defaults
// ---------------------------------------------------------------------------------------------

#[test]
fn the_defaults_are_leshem_and_kunz() {
    assert_eq!(EasiBands::default(), EasiBands::Leshem2015);
    assert_eq!(ScoradBands::default(), ScoradBands::Kunz1997);
    assert_eq!(EasiBands::ALL[0], EasiBands::default());
    assert_eq!(ScoradBands::ALL[0], ScoradBands::default());
}

#[test]
fn the_free_band_functions_are_the_defaults() {
    for units in 0..=1440 {
        let value = EasiValue::from_units(units);
        assert_eq!(easi::band(value), EasiBands::Leshem2015.band(value), "EASI {value}");
    }
    for units in (0..=1_030_000).step_by(7) {
        let value = ScoradValue::from_units(units);
        assert_eq!(scorad::band(value), ScoradBands::Kunz1997.band(value), "SCORAD {value}");
        assert_eq!(scorad::objective_band(value), ScoradBands::Kunz1997.objective_band(value), "objective {value}");
    }
}

#[test]
fn score_equals_score_with_the_defaults() {
    let without_c = swap(SCORAD, r#","subjective":{"pruritus":6.5,"sleep_loss":3}"#, "");
    for json in [EASI, EASI_6_5, SCORAD, &without_c, POEM, DLQI, ITCH, SLEEP] {
        // Assemble
        let assessment = record(json);
        // Act
        let default = assessment.score().unwrap();
        let explicit = assessment.score_with(EasiBands::Leshem2015, ScoradBands::Kunz1997).unwrap();
        // Assert
        assert_eq!(default, explicit, "{json}");
        assert_eq!(default.to_json(), explicit.to_json(), "{json}");
    }
    let Assessment::Easi(easi) = record(EASI) else { panic!() };
    assert_eq!(easi.score(), easi.score_with(EasiBands::default()));
    let Assessment::Scorad(scorad) = record(SCORAD) else { panic!() };
    assert_eq!(scorad.score(), scorad.score_with(ScoradBands::default()));
}

#[test]
fn other_instruments_ignore_the_band_systems() {
    for json in [POEM, DLQI, ITCH, SLEEP] {
        let assessment = record(json);
        assert_eq!(
            assessment.score_with(EasiBands::Chopra2017, ScoradBands::Chopra2017).unwrap(),
            assessment.score().unwrap(),
            "{json}"
        );
    }
}

#[test]
fn the_band_system_changes_only_the_bands() {
    for json in [EASI, EASI_6_5, SCORAD] {
        let leshem_kunz = score_json(json, EasiBands::Leshem2015, ScoradBands::Kunz1997);
        let chopra = score_json(json, EasiBands::Chopra2017, ScoradBands::Chopra2017);
        for (key, value) in leshem_kunz.as_object().unwrap() {
            if !["band", "objective_band", "band_system"].contains(&key.as_str()) {
                assert_eq!(&chopra[key], value, "{key} in {json}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// band_system in the Score JSON
// ---------------------------------------------------------------------------------------------

#[test]
fn band_system_appears_in_the_score_json() {
    let without_c = swap(SCORAD, r#","subjective":{"pruritus":6.5,"sleep_loss":3}"#, "");
    let cases = [
        (EASI, EasiBands::Leshem2015, ScoradBands::Kunz1997, "leshem_2015"),
        (EASI, EasiBands::Chopra2017, ScoradBands::Kunz1997, "chopra_2017"),
        (SCORAD, EasiBands::Chopra2017, ScoradBands::Kunz1997, "kunz_1997"),
        (SCORAD, EasiBands::Leshem2015, ScoradBands::Chopra2017, "chopra_2017"),
        // Without C there is no total or band, but objective_band still has a system.
        (&without_c, EasiBands::Leshem2015, ScoradBands::Chopra2017, "chopra_2017"),
        (&without_c, EasiBands::Leshem2015, ScoradBands::Kunz1997, "kunz_1997"),
    ];
    for (json, easi, scorad, expected) in cases {
        // Act
        let score = score_json(json, easi, scorad);
        // Assert
        assert_eq!(score["band_system"], expected, "{score}");
        assert!(score.as_object().unwrap().values().all(|v| !v.is_object() && !v.is_array()), "flat: {score}");
    }
    // The default score carries the default systems too.
    assert_eq!(json_of(&record(EASI).score().unwrap())["band_system"], "leshem_2015");
    assert_eq!(json_of(&record(SCORAD).score().unwrap())["band_system"], "kunz_1997");
}

#[test]
fn band_system_keys_are_the_serde_names() {
    for bands in EasiBands::ALL {
        let text = serde_json::to_string(&bands).unwrap();
        assert_eq!(text, format!("\"{}\"", bands.key()));
        assert_eq!(serde_json::from_str::<EasiBands>(&text).unwrap(), bands);
    }
    for bands in ScoradBands::ALL {
        let text = serde_json::to_string(&bands).unwrap();
        assert_eq!(text, format!("\"{}\"", bands.key()));
        assert_eq!(serde_json::from_str::<ScoradBands>(&text).unwrap(), bands);
    }
    assert_eq!(EasiBands::ALL.map(EasiBands::key), ["leshem_2015", "chopra_2017"]);
    assert_eq!(ScoradBands::ALL.map(ScoradBands::key), ["kunz_1997", "chopra_2017"]);
}

#[test]
fn citations_name_the_source_and_chopra_its_population() {
    assert!(EasiBands::Leshem2015.citation().contains("Leshem") && EasiBands::Leshem2015.citation().contains("2015;172:1353"));
    assert!(ScoradBands::Kunz1997.citation().contains("Kunz") && ScoradBands::Kunz1997.citation().contains("1997;195:10"));
    for chopra in [EasiBands::Chopra2017.citation(), ScoradBands::Chopra2017.citation()] {
        assert!(chopra.contains("Chopra") && chopra.contains("2017;177:1316"), "{chopra}");
        assert!(chopra.contains("13 years"), "{chopra}");
    }
}

// ---------------------------------------------------------------------------------------------
// The same record, different bands
// ---------------------------------------------------------------------------------------------

#[test]
fn an_easi_record_is_mild_under_leshem_and_moderate_under_chopra() {
    // Assemble: EASI 6.5 (see EASI_6_5).
    let assessment = record(EASI_6_5);
    // Act
    let leshem = json_of(&assessment.score_with(EasiBands::Leshem2015, ScoradBands::default()).unwrap());
    let chopra = json_of(&assessment.score_with(EasiBands::Chopra2017, ScoradBands::default()).unwrap());
    // Assert
    assert_eq!(leshem["total"], Value::from(6.5));
    assert_eq!((&leshem["band"], &leshem["band_system"]), (&Value::from("mild"), &Value::from("leshem_2015")));
    assert_eq!((&chopra["band"], &chopra["band_system"]), (&Value::from("moderate"), &Value::from("chopra_2017")));
}

#[test]
fn an_easi_record_is_severe_under_leshem_and_moderate_under_chopra() {
    // Assemble: all signs 3 on the trunk, area 2: 12 × 2 × 0.3 = 7.2; lower limbs area 3:
    // 12 × 3 × 0.4 = 14.4; total 21.6 (Leshem (21, 50] severe; Chopra [6, 23) moderate).
    let all_3 = r#""erythema":3,"edema_papulation":3,"excoriation":3,"lichenification":3"#;
    let json = swap(EASI_6_5, r#""trunk":{"area":2,"erythema":3,"edema_papulation":3,"excoriation":2,"lichenification":2}"#, &format!(r#""trunk":{{"area":2,{all_3}}}"#));
    let json = swap(&json, r#""head_neck":{"area":1"#, r#""head_neck":{"area":0"#);
    let json = swap(&json, r#""lower_limbs":{"area":0,"erythema":0,"edema_papulation":0,"excoriation":0,"lichenification":0}"#, &format!(r#""lower_limbs":{{"area":3,{all_3}}}"#));
    // Act
    let leshem = score_json(&json, EasiBands::Leshem2015, ScoradBands::default());
    let chopra = score_json(&json, EasiBands::Chopra2017, ScoradBands::default());
    // Assert
    assert_eq!(leshem["total"], Value::from(21.6));
    assert_eq!(leshem["band"], "severe");
    assert_eq!(chopra["band"], "moderate");
}

#[test]
fn the_scorad_example_objective_is_moderate_under_kunz_and_mild_under_chopra() {
    // Assemble: objective 22.75 (Kunz 15–40 moderate; Chopra [8, 24) mild), total 32.25
    // (moderate in both).
    let assessment = record(SCORAD);
    // Act
    let kunz = json_of(&assessment.score_with(EasiBands::default(), ScoradBands::Kunz1997).unwrap());
    let chopra = json_of(&assessment.score_with(EasiBands::default(), ScoradBands::Chopra2017).unwrap());
    // Assert
    assert_eq!((&kunz["objective"], &kunz["objective_band"]), (&Value::from(22.75), &Value::from("moderate")));
    assert_eq!(chopra["objective_band"], "mild");
    assert_eq!((&kunz["total"], &kunz["band"], &chopra["band"]), (&Value::from(32.25), &Value::from("moderate"), &Value::from("moderate")));
}

#[test]
fn a_scorad_total_is_moderate_under_kunz_and_mild_or_severe_under_chopra() {
    // Assemble: objective 22.75 + C 4 = 26.75 (Kunz moderate, Chopra mild); objective
    // 22.75 + C 20 = 42.75 with B + 2 (+ 7) = 49.75 (Kunz moderate, Chopra severe).
    let low = swap(SCORAD, r#""pruritus":6.5,"sleep_loss":3"#, r#""pruritus":2,"sleep_loss":2"#);
    let high = swap(SCORAD, r#""pruritus":6.5,"sleep_loss":3"#, r#""pruritus":10,"sleep_loss":10"#);
    let high = swap(&high, r#""lichenification":0"#, r#""lichenification":2"#);
    for (json, total, chopra_band) in [(low, 26.75, "mild"), (high, 49.75, "severe")] {
        // Act
        let kunz = score_json(&json, EasiBands::default(), ScoradBands::Kunz1997);
        let chopra = score_json(&json, EasiBands::default(), ScoradBands::Chopra2017);
        // Assert
        assert_eq!(kunz["total"], Value::from(total));
        assert_eq!(kunz["band"], "moderate", "{kunz}");
        assert_eq!(chopra["band"], chopra_band, "{chopra}");
    }
}

#[test]
fn clear_skin_is_clear_only_under_chopra() {
    // Assemble: the SCORAD example with nothing at all.
    let mut json = SCORAD.to_string();
    for (from, to) in [
        (r#""head_neck_front":50"#, r#""head_neck_front":0"#),
        (r#""trunk_front":25"#, r#""trunk_front":0"#),
        (r#""erythema":2,"edema_papulation":1"#, r#""erythema":0,"edema_papulation":0"#),
        (r#""excoriation":1"#, r#""excoriation":0"#),
        (r#""dryness":2"#, r#""dryness":0"#),
        (r#""pruritus":6.5,"sleep_loss":3"#, r#""pruritus":0,"sleep_loss":0"#),
    ] {
        json = swap(&json, from, to);
    }
    // Act
    let kunz = score_json(&json, EasiBands::default(), ScoradBands::Kunz1997);
    let chopra = score_json(&json, EasiBands::default(), ScoradBands::Chopra2017);
    // Assert
    assert_eq!(kunz["total"], Value::from(0));
    assert_eq!((&kunz["band"], &kunz["objective_band"]), (&Value::from("mild"), &Value::from("mild")));
    assert_eq!((&chopra["band"], &chopra["objective_band"]), (&Value::from("clear"), &Value::from("clear")));
}

// ---------------------------------------------------------------------------------------------
// Display next to a Chopra band
// ---------------------------------------------------------------------------------------------

#[test]
fn display_never_contradicts_a_chopra_band() {
    // 5.95 rounds to "6.0", which reads as Chopra-moderate, but is mild: shown exactly.
    let chopra_easi = |v: EasiValue| EasiBands::Chopra2017.band(v);
    assert_eq!(EasiValue::from_units(119).display_in_band(chopra_easi), "5.95");
    assert_eq!(EasiValue::from_units(459).display_in_band(chopra_easi), "22.95");
    assert_eq!(EasiValue::from_units(121).display_in_band(chopra_easi), "6.1");
    // Under Leshem, 5.95 → "6.0" stays mild.
    assert_eq!(EasiValue::from_units(119).display_in_band(easi::band), "6.0");
    let chopra_scorad = |v: ScoradValue| ScoradBands::Chopra2017.band(v);
    assert_eq!(ScoradValue::from_units(99_500).display_in_band(chopra_scorad), "9.95");
    assert_eq!(ScoradValue::from_units(99_400).display_in_band(chopra_scorad), "9.9");
    let chopra_objective = |v: ScoradValue| ScoradBands::Chopra2017.objective_band(v);
    assert_eq!(ScoradValue::from_units(379_600).display_in_band(chopra_objective), "37.96");
}

#[test]
fn the_documented_example_scores_are_exact() {
    // docs/record-format.md, "Score JSON": the example scores, byte for byte.
    let without_c = swap(SCORAD, r#","subjective":{"pruritus":6.5,"sleep_loss":3}"#, "");
    let cases = [
        (EASI, r#"{"instrument":"easi","total":7.1,"band":"moderate","band_system":"leshem_2015","age_variant":"age8_plus","head_neck":0.9,"upper_limbs":0,"trunk":5.4,"lower_limbs":0.8}"#),
        (SCORAD, r#"{"instrument":"scorad","total":32.25,"band":"moderate","band_system":"kunz_1997","objective":22.75,"objective_band":"moderate","extent":8.75,"intensity":6,"subjective":9.5,"age_variant":"under2"}"#),
        (&without_c, r#"{"instrument":"scorad","total":null,"band":null,"band_system":"kunz_1997","objective":22.75,"objective_band":"moderate","extent":8.75,"intensity":6,"subjective":null,"age_variant":"under2"}"#),
    ];
    for (json, expected) in cases {
        assert_eq!(record(json).score().unwrap().to_json(), expected);
    }
}

#[test]
fn chopra_2017_bands_are_said_to_be_derived_from_age_13_and_the_defaults_for_any_age() {
    // Assemble
    let age = |years| adscore::scoring::AgeYears::new(years).unwrap();
    // Act / Assert: 12 is younger than Chopra's patients, 13 is not; the defaults fit every age.
    assert!(!EasiBands::Chopra2017.derived_for(age(12)) && EasiBands::Chopra2017.derived_for(age(13)));
    assert!(!ScoradBands::Chopra2017.derived_for(age(12)) && ScoradBands::Chopra2017.derived_for(age(13)));
    for years in [0, 1, 7, 12, 80] {
        assert!(EasiBands::Leshem2015.derived_for(age(years)) && ScoradBands::Kunz1997.derived_for(age(years)));
    }
}
