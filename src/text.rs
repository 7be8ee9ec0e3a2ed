//! Every user-visible English string, in one place (components hold no text of their own).

use crate::form::{Field, Problem};
use crate::scoring::{easi, scorad, Band};

/// App name shown in the header.
pub const APP_NAME: &str = "adscore";
/// One-line description under the name.
pub const TAGLINE: &str = "Atopic dermatitis severity — EASI and SCORAD. Everything stays on this device.";
/// Label of the shared age field.
pub const AGE_LABEL: &str = "Patient age (years)";
/// Hint of the patient card.
pub const AGE_HINT: &str = "The age chooses the weights: EASI 0–7 vs 8 and over; SCORAD and the body map under 2 vs 2 and over. Enter the date of birth, or the age in whole years.";
/// Heading of the patient card.
pub const PATIENT_TITLE: &str = "Patient and examination";
/// Examination date label.
pub const EXAM_DATE_LABEL: &str = "Examination date";
/// Date of birth label.
pub const DOB_LABEL: &str = "Date of birth (optional)";

/// The age worked out from the dates, or why it cannot be.
pub fn age_from_dates(age: &Option<Result<crate::scoring::AgeYears, String>>) -> String {
    match age {
        Some(Ok(age)) => format!("Age at examination: {} years", age.get()),
        Some(Err(why)) => why.clone(),
        None => String::new(),
    }
}

/// Why these weights: the age and where it came from.
pub fn age_basis(years: u8, from_dob: bool) -> String {
    if from_dob {
        format!("age {years}, from date of birth and examination date")
    } else {
        format!("age {years}, entered in years")
    }
}
/// Heading of the EASI section.
pub const EASI_TITLE: &str = "EASI — Eczema Area and Severity Index";
/// Instruction for EASI.
pub const EASI_INTRO: &str = "For each region, score the area involved and grade each sign on a representative area. Half points (1.5, 2.5) are allowed; 0.5 is not — a sign that is present is at least mild.";
/// Note on erythema and skin tone.
pub const ERYTHEMA_NOTE: &str = "Erythema can be harder to see on darker skin and may be under-graded; look for violaceous or grey-brown hues.";
/// Label of the area score picker.
pub const AREA_LABEL: &str = "Area involved";
/// Button that sets a region to area 0 with all signs 0.
pub const REGION_CLEAR: &str = "Region clear";
/// Heading of the SCORAD section.
pub const SCORAD_TITLE: &str = "SCORAD — SCORing Atopic Dermatitis";
/// Extent sub-heading.
pub const EXTENT_TITLE: &str = "A — Extent: % of each area with inflammatory lesions";
/// Extent hint.
pub const EXTENT_HINT: &str = "0–100, one decimal at most. Enter 0 for an area without lesions.";
/// Intensity sub-heading.
pub const INTENSITY_TITLE: &str = "B — Intensity: grade each sign on a representative area (0–3)";
/// Subjective sub-heading.
pub const SUBJECTIVE_TITLE: &str = "C — Patient symptoms (average of the last 3 days and nights)";
/// Subjective hint.
pub const SUBJECTIVE_HINT: &str = "0–10, one decimal at most. Leave both empty until the patient answers: the objective SCORAD is shown meanwhile.";
/// Pruritus label.
pub const PRURITUS_LABEL: &str = "Itch (pruritus), 0–10";
/// Sleep loss label.
pub const SLEEP_LOSS_LABEL: &str = "Sleeplessness, 0–10";
/// Score panel heading.
pub const SCORES_TITLE: &str = "Scores";
/// Phone/portrait: button that opens the score details in the bottom sheet.
pub const SHOW_DETAILS: &str = "Details and what is missing";
/// Phone/portrait: button that closes them.
pub const HIDE_DETAILS: &str = "Hide details";
/// Shown instead of a number when a score cannot be computed.
pub const NOT_SCORED: &str = "not scored";
/// Lead-in of the list of missing entries.
pub const STILL_NEEDED: &str = "Still needed:";
/// SCORAD total waiting for C.
pub const WAITING_FOR_C: &str = "needs the patient's itch and sleeplessness (C)";
/// Objective SCORAD label.
pub const OBJECTIVE_SCORAD: &str = "Objective SCORAD";
/// SCORAD label.
pub const SCORAD: &str = "SCORAD";
/// EASI label.
pub const EASI: &str = "EASI";
/// Button that starts a new examination.
pub const NEW_EXAM: &str = "New examination";
/// Confirmation before clearing everything.
pub const CONFIRM_NEW_EXAM: &str = "Clear every entry of this examination?";
/// Heading of the band-system choice.
pub const BAND_SYSTEMS: &str = "Severity bands";
/// Note shown when a saved draft could not be read.
pub fn draft_unreadable(key: &str) -> String {
    format!("A saved examination could not be read. It has been kept unchanged in this browser's storage under “{key}”, and a new examination was started.")
}
/// Navigation label.
pub const NAV_LABEL: &str = "Sections";
/// Footer note.
pub const FOOTER: &str = "EASI: HOME (homeforeczema.org), free to use. SCORAD: European Task Force on Atopic Dermatitis; drawings are not reproduced. Scores are computed on this device; nothing is sent anywhere.";

/// Region name.
pub fn region(region: easi::Region) -> &'static str {
    match region {
        easi::Region::HeadNeck => "Head and neck",
        easi::Region::UpperLimbs => "Upper limbs",
        easi::Region::Trunk => "Trunk (including genitals)",
        easi::Region::LowerLimbs => "Lower limbs (including buttocks)",
    }
}

/// EASI sign name.
pub fn easi_sign(sign: easi::Sign) -> &'static str {
    match sign {
        easi::Sign::Erythema => "Erythema",
        easi::Sign::EdemaPapulation => "Oedema / papulation",
        easi::Sign::Excoriation => "Excoriation",
        easi::Sign::Lichenification => "Lichenification",
    }
}

/// EASI grade (in half points) as shown on its button, with the descriptor.
pub fn easi_grade(halves: u8) -> (&'static str, &'static str) {
    match halves {
        0 => ("0", "none"),
        2 => ("1", "mild"),
        3 => ("1.5", "mild–moderate"),
        4 => ("2", "moderate"),
        5 => ("2.5", "moderate–severe"),
        _ => ("3", "severe"),
    }
}

/// EASI area score with its percent range.
pub fn area_score(score: u8) -> (&'static str, &'static str) {
    match score {
        0 => ("0", "none"),
        1 => ("1", "1–9 %"),
        2 => ("2", "10–29 %"),
        3 => ("3", "30–49 %"),
        4 => ("4", "50–69 %"),
        5 => ("5", "70–89 %"),
        _ => ("6", "90–100 %"),
    }
}

/// SCORAD segment name.
pub fn segment(segment: scorad::Segment) -> &'static str {
    use scorad::Segment::*;
    match segment {
        HeadNeckFront => "Head and neck, front",
        HeadNeckBack => "Head and neck, back",
        UpperLimbLeftFront => "Left arm, front",
        UpperLimbLeftBack => "Left arm, back",
        UpperLimbRightFront => "Right arm, front",
        UpperLimbRightBack => "Right arm, back",
        TrunkFront => "Trunk, front",
        TrunkBack => "Back",
        LowerLimbLeftFront => "Left leg, front",
        LowerLimbLeftBack => "Left leg, back",
        LowerLimbRightFront => "Right leg, front",
        LowerLimbRightBack => "Right leg, back",
        Genitals => "Genitals",
    }
}

/// SCORAD intensity sign name.
pub fn scorad_sign(sign: scorad::Sign) -> &'static str {
    match sign {
        scorad::Sign::Erythema => "Erythema",
        scorad::Sign::EdemaPapulation => "Oedema / papulation",
        scorad::Sign::OozingCrusts => "Oozing / crusts",
        scorad::Sign::Excoriation => "Excoriation",
        scorad::Sign::Lichenification => "Lichenification",
        scorad::Sign::Dryness => "Dryness (on uninvolved skin)",
    }
}

/// SCORAD grade descriptor.
pub fn scorad_grade(grade: u8) -> &'static str {
    match grade {
        0 => "absent",
        1 => "mild",
        2 => "moderate",
        _ => "severe",
    }
}

/// Band name.
pub fn band(band: Band) -> &'static str {
    match band {
        Band::Clear => "clear",
        Band::AlmostClear => "almost clear",
        Band::ClearOrAlmostClear => "clear or almost clear",
        Band::NoItch => "no itch",
        Band::Mild => "mild",
        Band::Moderate => "moderate",
        Band::Severe => "severe",
        Band::VerySevere => "very severe",
        Band::NoEffect => "no effect",
        Band::Small => "small effect",
        Band::VeryLarge => "very large effect",
        Band::ExtremelyLarge => "extremely large effect",
    }
}

/// EASI weights in use.
pub fn easi_age_variant(variant: easi::AgeVariant) -> &'static str {
    match variant {
        easi::AgeVariant::Under8 => "child weights (age 0–7): 0.2 / 0.2 / 0.3 / 0.3",
        easi::AgeVariant::Age8Plus => "weights for age 8 and over: 0.1 / 0.2 / 0.3 / 0.4",
    }
}

/// SCORAD extent weights in use.
pub fn scorad_age_variant(variant: scorad::AgeVariant) -> &'static str {
    match variant {
        scorad::AgeVariant::Under2 => "under-2 extent weights (head 17 %, legs 12 % each; total 96 %)",
        scorad::AgeVariant::Age2Plus => "rule-of-nines extent weights (age 2 and over)",
    }
}

/// A field's name in a "still needed" list.
pub fn field(field: Field) -> String {
    match field {
        Field::Age => "age".into(),
        Field::EasiArea(r) => format!("{} — area", region(r)),
        Field::EasiSign(r, s) => format!("{} — {}", region(r), easi_sign(s).to_lowercase()),
        Field::Extent(s) => format!("extent: {}", segment(s).to_lowercase()),
        Field::ScoradSign(s) => format!("intensity: {}", scorad_sign(s).to_lowercase()),
        Field::Pruritus => "itch (C)".into(),
        Field::SleepLoss => "sleeplessness (C)".into(),
    }
}

/// One problem as a sentence fragment.
pub fn problem(problem: &Problem) -> String {
    match problem {
        Problem::Missing(f) => field(*f),
        Problem::Invalid(f, why) => format!("{}: {}", field(*f), why),
    }
}

/// Warning when the browser refused to save the draft.
pub const SAVE_FAILED: &str = "This browser did not save the examination (storage full or disabled). Keep this page open until the scores are recorded.";
/// Summary line of a region's score in the panel.
pub fn contribution(region_name: &str, value: &str) -> String {
    format!("{region_name}: {value}")
}

/// Body map heading.
pub const MAP_TITLE: &str = "Body map";
/// Body map instructions.
pub const MAP_INTRO: &str = "Tap a square to mark skin with inflammatory lesions; tap again to clear it; drag to paint across squares. The map gives each SCORAD area's percent and each EASI region's area score; a value typed or picked below overrides it.";
/// Note on the infant figure.
pub const MAP_INFANT: &str = "Under 2 years: infant proportions and SCORAD's under-2 weights (head 17 %, legs 12 % each).";
/// Front view caption.
pub const MAP_FRONT: &str = "Front";
/// Back view caption.
pub const MAP_BACK: &str = "Back";
/// Confirmation that unpainted skin is clear.
pub const MAP_EXAMINED: &str = "Whole skin examined — unpainted areas have no lesions";
/// Clear the map.
pub const MAP_CLEAR: &str = "Clear map";
/// Paint tool.
pub const MAP_PAINT: &str = "Paint";
/// Eraser tool.
pub const MAP_ERASE: &str = "Eraser";
/// Label of the tool bar.
pub const MAP_TOOLS: &str = "Body map tools";
/// Keyboard help.
pub const MAP_KEYBOARD: &str = "Keyboard: Tab to an area, then arrow keys paint or clear one square; End paints it all, Home clears it.";
/// Shown until the whole skin is confirmed examined.
pub const MAP_NOT_USED: &str = "The map's values are used for the scores once you confirm the whole skin was examined.";
/// Heading of the EASI region list.
pub const MAP_REGIONS: &str = "EASI regions from the map";
/// Clear-region button text.
pub const MAP_CLEAR_REGION: &str = "Clear";

/// A region's painted share and the area score it gives.
pub fn region_painted(region: easi::Region, tenths: u16, score: u8) -> String {
    format!("{}: {} % → area score {score}", self::region(region), percent(tenths))
}

/// Accessible name of a region's clear button on the map.
pub fn clear_map_region(region: easi::Region) -> String {
    format!("Clear the map's {}", self::region(region).to_lowercase())
}

/// Shown when a typed percent overrides the map.
pub fn extent_overrides_map(tenths: u16) -> String {
    format!("Typed value overrides the map ({} %)", percent(tenths))
}
/// Heading of the list alternative.
pub const MAP_LIST: &str = "SCORAD areas from the map";
/// Label of the reset-to-map buttons.
pub const RESET_TO_MAP: &str = "Use map value";

/// A segment with its painted percent (tenths), for the list beside the map.
pub fn segment_painted(segment: scorad::Segment, tenths: u16) -> String {
    format!("{}, {} % affected", self::segment(segment), percent(tenths))
}

/// A percent held in tenths ("12.5", "40").
pub fn percent(tenths: u16) -> String {
    if tenths % 10 == 0 { (tenths / 10).to_string() } else { format!("{}.{}", tenths / 10, tenths % 10) }
}

/// Shown when a picked area score overrides the map's.
pub const AREA_OVERRIDES_MAP: &str = "Your pick overrides the map.";
/// What the map gives an EASI region.
pub fn map_area(score: u8, tenths: u16) -> String {
    format!("From the body map: {score} ({} % of the region)", percent(tenths))
}

/// What the map gives a SCORAD segment (placeholder of its field).
pub fn map_extent(tenths: u16) -> String {
    format!("map: {}", percent(tenths))
}

/// Name of an EASI band system.
pub fn easi_bands(bands: crate::scoring::EasiBands) -> &'static str {
    match bands {
        crate::scoring::EasiBands::Leshem2015 => "Leshem 2015 (default)",
        crate::scoring::EasiBands::Chopra2017 => "Chopra 2017 (age 13 and over)",
    }
}

/// Name of a SCORAD band system.
pub fn scorad_bands(bands: crate::scoring::ScoradBands) -> &'static str {
    match bands {
        crate::scoring::ScoradBands::Kunz1997 => "Kunz 1997 (default)",
        crate::scoring::ScoradBands::Chopra2017 => "Chopra 2017 (age 13 and over)",
    }
}
