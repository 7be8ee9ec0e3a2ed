//! SCORAD and objective SCORAD: extent (A), intensity (B), subjective symptoms (C), bands.
//!
//! Sources:
//! - European Task Force on Atopic Dermatitis. Severity scoring of atopic dermatitis: the
//!   SCORAD index. *Dermatology* 1993;186:23–31 (items, rule-of-nines extent, A/5 + 7B/2 + C).
//! - Kunz B et al. Clinical validation and guidelines for the SCORAD index: consensus report
//!   of the ETFAD. *Dermatology* 1997;195:10–19 (severity bands; the default,
//!   [`ScoradBands::Kunz1997`]).
//! - Chopra R et al. Severity strata for EASI, modified EASI, SCORAD, objective SCORAD, ADSI
//!   and body surface area in adolescents and adults with atopic dermatitis. *Br J Dermatol*
//!   2017;177:1316–1321 (alternative strata, [`ScoradBands::Chopra2017`]; derived in patients
//!   aged 13 years and over).
//! - Oranje AP et al. *Br J Dermatol* 2007;157:645–648 (objective SCORAD = A/5 + 7B/2, 0–83).
//! - The SCORAD training course, Université de Nantes ("A/5 + 7.B/2 + C"). A page that
//!   prints "B/2" is wrong.
//!
//! Choices, documented in `docs/scoring.md`:
//! - Under 2 years the sheet's figures in parentheses are used (head/neck 8.5 + 8.5, each leg
//!   6 + 6, the rest unchanged): they sum to 96 and are not rescaled, so A is at most 96.
//! - Bands are half-open on the exact value: SCORAD < 25 mild, 25–50 moderate, > 50 severe;
//!   objective < 15 mild, 15–40 moderate, > 40 severe.
//! - Chopra's printed strata have gaps ("0–9.9 / 10.0–28.9"); there the lower edge of the next
//!   band is closed: SCORAD [0, 10) clear, [10, 29) mild, [29, 49) moderate, 49 and above
//!   severe; objective [0, 8) clear, [8, 24) mild, [24, 38) moderate, 38 and above severe.
//! - Without C the total and its band are not given (never a C of 0 assumed).

use super::exact::{number, steps_of, whole, whole_number, Exact};
use super::problem::{Expected, Got, Tenth, ValueProblem, Whole};
use super::{AgeYears, Band};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// SCORAD and objective SCORAD values, in units of 0.0001: A/5 needs 1/10 000 when segment
/// weights are in half percents and segment percents in tenths.
pub type ScoradValue = Exact<10000>;
/// Extent A in units of 0.0005 % of body surface (half-percent weight × tenth-percent).
pub type ExtentValue = Exact<2000>;
/// Subjective C (0–20) in tenths.
pub type SubjectiveValue = Exact<10>;

/// The 13 body segments of the extent drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Segment {
    HeadNeckFront,
    HeadNeckBack,
    UpperLimbLeftFront,
    UpperLimbLeftBack,
    UpperLimbRightFront,
    UpperLimbRightBack,
    TrunkFront,
    TrunkBack,
    LowerLimbLeftFront,
    LowerLimbLeftBack,
    LowerLimbRightFront,
    LowerLimbRightBack,
    Genitals,
}

/// Which extent weights apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeVariant {
    /// Under 2 years: the sheet's child figures (total 96).
    Under2,
    /// Aged 2 and over: the rule of nines (total 100).
    Age2Plus,
}

impl AgeVariant {
    /// Under 2 years → `Under2`; 2 and over → `Age2Plus`.
    pub const fn for_age(age: AgeYears) -> Self {
        if age.get() < 2 {
            AgeVariant::Under2
        } else {
            AgeVariant::Age2Plus
        }
    }
}

impl Segment {
    /// All segments in record order.
    pub const ALL: [Segment; 13] = [
        Segment::HeadNeckFront,
        Segment::HeadNeckBack,
        Segment::UpperLimbLeftFront,
        Segment::UpperLimbLeftBack,
        Segment::UpperLimbRightFront,
        Segment::UpperLimbRightBack,
        Segment::TrunkFront,
        Segment::TrunkBack,
        Segment::LowerLimbLeftFront,
        Segment::LowerLimbLeftBack,
        Segment::LowerLimbRightFront,
        Segment::LowerLimbRightBack,
        Segment::Genitals,
    ];

    /// The record key of this segment.
    pub const fn key(self) -> &'static str {
        match self {
            Segment::HeadNeckFront => "head_neck_front",
            Segment::HeadNeckBack => "head_neck_back",
            Segment::UpperLimbLeftFront => "upper_limb_left_front",
            Segment::UpperLimbLeftBack => "upper_limb_left_back",
            Segment::UpperLimbRightFront => "upper_limb_right_front",
            Segment::UpperLimbRightBack => "upper_limb_right_back",
            Segment::TrunkFront => "trunk_front",
            Segment::TrunkBack => "trunk_back",
            Segment::LowerLimbLeftFront => "lower_limb_left_front",
            Segment::LowerLimbLeftBack => "lower_limb_left_back",
            Segment::LowerLimbRightFront => "lower_limb_right_front",
            Segment::LowerLimbRightBack => "lower_limb_right_back",
            Segment::Genitals => "genitals",
        }
    }

    /// Segment weight in half percents of body surface (ETFAD 1993 sheet).
    /// Age ≥ 2: head/neck 4.5 + 4.5, each arm 4.5 + 4.5, trunk front 18, back 18,
    /// each leg 9 + 9, genitals 1 (total 100). Under 2: head/neck 8.5 + 8.5, each leg 6 + 6,
    /// the rest unchanged (total 96, not rescaled).
    pub const fn weight_half_percent(self, age: AgeVariant) -> u32 {
        use Segment::*;
        match (self, age) {
            (HeadNeckFront | HeadNeckBack, AgeVariant::Age2Plus) => 9,
            (HeadNeckFront | HeadNeckBack, AgeVariant::Under2) => 17,
            (UpperLimbLeftFront | UpperLimbLeftBack | UpperLimbRightFront | UpperLimbRightBack, _) => 9,
            (TrunkFront | TrunkBack, _) => 36,
            (LowerLimbLeftFront | LowerLimbLeftBack | LowerLimbRightFront | LowerLimbRightBack, AgeVariant::Age2Plus) => 18,
            (LowerLimbLeftFront | LowerLimbLeftBack | LowerLimbRightFront | LowerLimbRightBack, AgeVariant::Under2) => 12,
            (Genitals, _) => 2,
        }
    }
}

/// A value 0–`max` with at most one decimal, held in tenths.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tenths<const MAX: u16>(u16);

/// Percent of a segment involved: 0–100, at most one decimal.
pub type Percent = Tenths<100>;
/// A visual-analogue score: 0–10, at most one decimal.
pub type Vas = Tenths<10>;

impl<const MAX: u16> Tenths<MAX> {
    /// What the value is, for messages.
    pub(super) const WHAT: Tenth = if MAX == 100 { Tenth::Percent } else { Tenth::Vas };

    /// From tenths (e.g. 65 for 6.5).
    pub fn from_tenths(tenths: u16) -> Result<Self, ValueProblem> {
        if tenths <= MAX * 10 {
            Ok(Self(tenths))
        } else {
            Err(ValueProblem::Between(Self::WHAT, Got::Tenths(u32::from(tenths))))
        }
    }

    /// From a number with at most one decimal.
    pub fn from_f64(value: f64) -> Result<Self, ValueProblem> {
        if !(0.0..=f64::from(MAX)).contains(&value) {
            return Err(ValueProblem::Between(Self::WHAT, Got::Number(value)));
        }
        match steps_of(value, 10) {
            Some(tenths) => Self::from_tenths(tenths as u16),
            None => Err(ValueProblem::OneDecimal(Self::WHAT, Got::Number(value))),
        }
    }

    /// The value in tenths.
    pub const fn tenths(self) -> u16 {
        self.0
    }

    /// The value as a number (for reporting).
    pub fn to_f64(self) -> f64 {
        f64::from(self.0) / 10.0
    }
}

impl<const MAX: u16> Serialize for Tenths<MAX> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 10 == 0 {
            s.serialize_u16(self.0 / 10)
        } else {
            s.serialize_f64(self.to_f64())
        }
    }
}

impl<'de, const MAX: u16> Deserialize<'de> for Tenths<MAX> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::from_f64(number(d, Expected::Tenths(Self::WHAT))?).map_err(serde::de::Error::custom)
    }
}

/// An intensity grade: integer 0–3 (no half points in SCORAD).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Grade(u8);

impl Grade {
    /// Grade `value`, 0–3.
    pub fn new(value: u8) -> Result<Self, ValueProblem> {
        whole(Whole::ScoradGrade, Got::Unsigned(u64::from(value))).map(Self)
    }

    /// The grade 0–3.
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl Serialize for Grade {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Grade {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::new(whole_number(d, Whole::ScoradGrade)?).map_err(serde::de::Error::custom)
    }
}

/// The six SCORAD intensity signs, in sheet order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sign {
    /// Erythema.
    Erythema,
    /// Oedema/papulation.
    EdemaPapulation,
    /// Oozing/crusts.
    OozingCrusts,
    /// Excoriation.
    Excoriation,
    /// Lichenification.
    Lichenification,
    /// Dryness (on uninvolved skin).
    Dryness,
}

impl Sign {
    /// All signs in sheet order.
    pub const ALL: [Sign; 6] =
        [Sign::Erythema, Sign::EdemaPapulation, Sign::OozingCrusts, Sign::Excoriation, Sign::Lichenification, Sign::Dryness];

    /// The record key of this sign.
    pub const fn key(self) -> &'static str {
        match self {
            Sign::Erythema => "erythema",
            Sign::EdemaPapulation => "edema_papulation",
            Sign::OozingCrusts => "oozing_crusts",
            Sign::Excoriation => "excoriation",
            Sign::Lichenification => "lichenification",
            Sign::Dryness => "dryness",
        }
    }
}

/// Extent: percent (0–100, one decimal) of each segment with inflammatory lesions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Extent {
    pub head_neck_front: Percent,
    pub head_neck_back: Percent,
    pub upper_limb_left_front: Percent,
    pub upper_limb_left_back: Percent,
    pub upper_limb_right_front: Percent,
    pub upper_limb_right_back: Percent,
    pub trunk_front: Percent,
    pub trunk_back: Percent,
    pub lower_limb_left_front: Percent,
    pub lower_limb_left_back: Percent,
    pub lower_limb_right_front: Percent,
    pub lower_limb_right_back: Percent,
    pub genitals: Percent,
}

impl Extent {
    /// An extent from percents in [`Segment::ALL`] order.
    pub const fn from_array(p: [Percent; 13]) -> Self {
        Self {
            head_neck_front: p[0],
            head_neck_back: p[1],
            upper_limb_left_front: p[2],
            upper_limb_left_back: p[3],
            upper_limb_right_front: p[4],
            upper_limb_right_back: p[5],
            trunk_front: p[6],
            trunk_back: p[7],
            lower_limb_left_front: p[8],
            lower_limb_left_back: p[9],
            lower_limb_right_front: p[10],
            lower_limb_right_back: p[11],
            genitals: p[12],
        }
    }

    /// The percent recorded for `segment`.
    pub fn get(&self, segment: Segment) -> Percent {
        use Segment::*;
        match segment {
            HeadNeckFront => self.head_neck_front,
            HeadNeckBack => self.head_neck_back,
            UpperLimbLeftFront => self.upper_limb_left_front,
            UpperLimbLeftBack => self.upper_limb_left_back,
            UpperLimbRightFront => self.upper_limb_right_front,
            UpperLimbRightBack => self.upper_limb_right_back,
            TrunkFront => self.trunk_front,
            TrunkBack => self.trunk_back,
            LowerLimbLeftFront => self.lower_limb_left_front,
            LowerLimbLeftBack => self.lower_limb_left_back,
            LowerLimbRightFront => self.lower_limb_right_front,
            LowerLimbRightBack => self.lower_limb_right_back,
            Genitals => self.genitals,
        }
    }

    /// A = Σ weight × percent / 100, exactly (half-percent × tenth-percent units).
    pub fn area(&self, age: AgeVariant) -> ExtentValue {
        ExtentValue::from_units(
            Segment::ALL
                .iter()
                .map(|&s| s.weight_half_percent(age) * u32::from(self.get(s).tenths()))
                .sum(),
        )
    }
}

/// Intensity: six signs graded 0–3 on a representative area.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intensity {
    /// Erythema.
    pub erythema: Grade,
    /// Oedema/papulation.
    pub edema_papulation: Grade,
    /// Oozing/crusts.
    pub oozing_crusts: Grade,
    /// Excoriation.
    pub excoriation: Grade,
    /// Lichenification.
    pub lichenification: Grade,
    /// Dryness, assessed on uninvolved skin.
    pub dryness: Grade,
}

impl Intensity {
    /// Intensity from grades in [`Sign::ALL`] order.
    pub const fn from_array(g: [Grade; 6]) -> Self {
        let [erythema, edema_papulation, oozing_crusts, excoriation, lichenification, dryness] = g;
        Self { erythema, edema_papulation, oozing_crusts, excoriation, lichenification, dryness }
    }

    /// B = sum of the six grades, 0–18.
    pub fn sum(&self) -> u32 {
        [self.erythema, self.edema_papulation, self.oozing_crusts, self.excoriation, self.lichenification, self.dryness]
            .iter()
            .map(|g| u32::from(g.get()))
            .sum()
    }
}

/// Subjective symptoms, each the patient's average over the last 3 days/nights, 0–10.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subjective {
    /// Pruritus VAS 0–10.
    pub pruritus: Vas,
    /// Sleep loss VAS 0–10.
    pub sleep_loss: Vas,
}

impl Subjective {
    /// C = pruritus + sleep loss, 0–20.
    pub fn sum(&self) -> SubjectiveValue {
        SubjectiveValue::from_units(u32::from(self.pruritus.tenths()) + u32::from(self.sleep_loss.tenths()))
    }
}

/// A SCORAD assessment. `subjective` (C) is optional: without it only objective SCORAD is
/// scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoradRecord {
    /// Age in whole years; chooses the extent weights.
    pub age_years: AgeYears,
    /// Extent (A).
    pub extent: Extent,
    /// Intensity (B).
    pub intensity: Intensity,
    /// Subjective symptoms (C), when the patient has given them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subjective: Option<Subjective>,
}

/// SCORAD result. `total` and `band` are null without C; `objective` is always given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ScoradScore {
    /// SCORAD = A/5 + 7B/2 + C (0–103), when C is present.
    pub total: Option<ScoradValue>,
    /// The band of `total` in `band_system`.
    pub band: Option<Band>,
    /// Which published strata gave `band` and `objective_band` (`"kunz_1997"` /
    /// `"chopra_2017"`); given even when `total` is null.
    pub band_system: ScoradBands,
    /// Objective SCORAD = A/5 + 7B/2 (0–83).
    pub objective: ScoradValue,
    /// The objective SCORAD band of `objective` in `band_system`.
    pub objective_band: Band,
    /// Extent A (0–100; at most 96 under 2 years).
    pub extent: ExtentValue,
    /// Intensity B (0–18).
    pub intensity: u32,
    /// Subjective C (0–20), when present.
    pub subjective: Option<SubjectiveValue>,
    /// Which extent weights were used.
    pub age_variant: AgeVariant,
}

impl ScoradRecord {
    /// Objective SCORAD = A/5 + 7B/2; SCORAD = objective + C; banded with the default strata
    /// (Kunz 1997). Same as `score_with(ScoradBands::default())`.
    pub fn score(&self) -> ScoradScore {
        self.score_with(ScoradBands::default())
    }

    /// SCORAD as [`ScoradRecord::score`], banded with the strata of `bands`. The values do
    /// not depend on the band system.
    pub fn score_with(&self, bands: ScoradBands) -> ScoradScore {
        let age_variant = AgeVariant::for_age(self.age_years);
        let extent = self.extent.area(age_variant);
        let intensity = self.intensity.sum();
        // A/5 in 1/10 000 units: A is in 1/2000 units, and (units/2000)/5 = units/10 000.
        let a_fifth = extent.units();
        // 7B/2 = 3.5 × B = 35 000 × B in 1/10 000 units.
        let objective = ScoradValue::from_units(a_fifth + 35_000 * intensity);
        let subjective = self.subjective.map(|c| c.sum());
        // C in tenths → 1/10 000 units: × 1000.
        let total = subjective.map(|c| ScoradValue::from_units(objective.units() + c.units() * 1000));
        ScoradScore {
            total,
            band: total.map(|t| bands.band(t)),
            band_system: bands,
            objective,
            objective_band: bands.objective_band(objective),
            extent,
            intensity,
            subjective,
            age_variant,
        }
    }
}

/// Which published severity strata band SCORAD and objective SCORAD. Serialized as
/// `"kunz_1997"` / `"chopra_2017"`. Both are decided on the exact value, as half-open
/// intervals; see `docs/scoring.md`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ScoradBands {
    /// Kunz 1997 / ETFAD consensus (the default). SCORAD: below 25 mild; 25–50 moderate;
    /// above 50 severe. Objective SCORAD: below 15 mild; 15–40 moderate; above 40 severe.
    /// There is no clear band.
    #[default]
    #[serde(rename = "kunz_1997")]
    Kunz1997,
    /// Chopra 2017, derived in adolescents and adults (13 years and over). Printed as
    /// SCORAD "0–9.9 clear / 10.0–28.9 mild / 29.0–48.9 moderate / 49.0–103 severe" and
    /// objective "0–7.9 / 8.0–23.9 / 24.0–37.9 / 38.0–83"; the lower edge of the next band
    /// is closed, so SCORAD [0, 10) clear, [10, 29) mild, [29, 49) moderate, ≥ 49 severe and
    /// objective [0, 8) clear, [8, 24) mild, [24, 38) moderate, ≥ 38 severe (9.95 is clear,
    /// 28.9999 mild). Chopra notes that xerosis, itch and sleep loss give values above 0 on
    /// clear skin.
    #[serde(rename = "chopra_2017")]
    Chopra2017,
}

impl ScoradBands {
    /// Whether the bands were derived in patients of this age: Chopra 2017's in those aged
    /// 13 and over ([`crate::scoring::CHOPRA_2017_MIN_AGE`]); Kunz 1997's are not limited by
    /// age. Used to say so beside a younger patient's bands, never to change the score.
    pub fn derived_for(self, age: crate::scoring::AgeYears) -> bool {
        self != ScoradBands::Chopra2017 || age.get() >= crate::scoring::CHOPRA_2017_MIN_AGE
    }

    /// Every band system, the default first.
    pub const ALL: [ScoradBands; 2] = [ScoradBands::Kunz1997, ScoradBands::Chopra2017];

    /// The JSON name (`"kunz_1997"` / `"chopra_2017"`).
    pub const fn key(self) -> &'static str {
        match self {
            ScoradBands::Kunz1997 => "kunz_1997",
            ScoradBands::Chopra2017 => "chopra_2017",
        }
    }

    /// The band of an exact SCORAD total (A/5 + 7B/2 + C) in this system.
    pub fn band(self, total: ScoradValue) -> Band {
        match self {
            ScoradBands::Kunz1997 => kunz_1997(total),
            ScoradBands::Chopra2017 => chopra_2017([10, 29, 49], total),
        }
    }

    /// The band of an exact objective SCORAD (A/5 + 7B/2) in this system.
    pub fn objective_band(self, objective: ScoradValue) -> Band {
        match self {
            ScoradBands::Kunz1997 => kunz_1997_objective(objective),
            ScoradBands::Chopra2017 => chopra_2017([8, 24, 38], objective),
        }
    }

    /// The published source of the strata (with the population they were derived in,
    /// where it is restricted).
    pub const fn citation(self) -> &'static str {
        match self {
            ScoradBands::Kunz1997 => {
                "Kunz B, Oranje AP, Labrèze L, Stalder JF, Ring J, Taïeb A. Clinical validation and \
                 guidelines for the SCORAD index: consensus report of the European Task Force on \
                 Atopic Dermatitis. Dermatology 1997;195:10–19."
            }
            ScoradBands::Chopra2017 => super::CHOPRA_2017,
        }
    }
}

/// The default SCORAD band: Kunz 1997 (same as `ScoradBands::default().band`).
pub fn band(total: ScoradValue) -> Band {
    ScoradBands::default().band(total)
}

/// The default objective SCORAD band: Kunz 1997 (same as
/// `ScoradBands::default().objective_band`).
pub fn objective_band(objective: ScoradValue) -> Band {
    ScoradBands::default().objective_band(objective)
}

/// Chopra 2017 strata from the lower edges of mild, moderate and severe (whole numbers):
/// [0, mild) clear; [mild, moderate) mild; [moderate, severe) moderate; severe and above.
fn chopra_2017([mild, moderate, severe]: [u32; 3], value: ScoradValue) -> Band {
    if value < ScoradValue::whole(mild) {
        Band::Clear
    } else if value < ScoradValue::whole(moderate) {
        Band::Mild
    } else if value < ScoradValue::whole(severe) {
        Band::Moderate
    } else {
        Band::Severe
    }
}

/// Kunz 1997 SCORAD bands: < 25 mild; 25–50 moderate; > 50 severe.
fn kunz_1997(total: ScoradValue) -> Band {
    if total < ScoradValue::whole(25) {
        Band::Mild
    } else if total <= ScoradValue::whole(50) {
        Band::Moderate
    } else {
        Band::Severe
    }
}

/// Kunz 1997 objective SCORAD bands: < 15 mild; 15–40 moderate; > 40 severe.
fn kunz_1997_objective(objective: ScoradValue) -> Band {
    if objective < ScoradValue::whole(15) {
        Band::Mild
    } else if objective <= ScoradValue::whole(40) {
        Band::Moderate
    } else {
        Band::Severe
    }
}
