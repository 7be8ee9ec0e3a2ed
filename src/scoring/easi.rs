//! EASI (Eczema Area and Severity Index): record, weights, formula and severity bands.
//!
//! Sources:
//! - Hanifin JM et al. The eczema area and severity index (EASI): assessment of reliability in
//!   atopic dermatitis. *Exp Dermatol* 2001;10:11–18 (formula, region multipliers).
//! - HOME (Harmonising Outcome Measures for Eczema) EASI guidance and scoring tables
//!   "for under 8's" and "aged 8 and over" (homeforeczema.org).
//! - Hanifin JM et al. The Eczema Area and Severity Index — a practical guide.
//!   *Dermatitis* 2022;33:187–192 (PMC9154300): half points only between 1 and 3,
//!   "not 0.5 as any sign present should be treated as at least mild".
//! - Leshem YA et al. What the EASI score tells us about severity of atopic dermatitis.
//!   *Br J Dermatol* 2015;172:1353–1357 (severity strata; the default, [`EasiBands::Leshem2015`]).
//! - Chopra R et al. Severity strata for EASI, modified EASI, SCORAD, objective SCORAD, ADSI
//!   and body surface area in adolescents and adults with atopic dermatitis. *Br J Dermatol*
//!   2017;177:1316–1321 (alternative strata, [`EasiBands::Chopra2017`]; derived in patients
//!   aged 13 years and over).
//!
//! Choices where the sources are silent, documented in `docs/scoring.md`:
//! - Bands are half-open intervals on the exact value (the printed "1.1–7.0 / 7.1–21.0" has
//!   gaps): clear 0; almost clear (0, 1]; mild (1, 7]; moderate (7, 21]; severe (21, 50];
//!   very severe above 50.
//! - Chopra's printed "0.1–5.9 / 6.0–22.9" has gaps too; there the lower edge of the next
//!   band is closed: clear 0; mild (0, 6); moderate [6, 23); severe 23 and above.
//! - Area score 1 covers any involvement above 0 % and below 10 % (HOME's "1–9 %" leaves
//!   sub-1 % undefined).

use super::exact::{number, steps_of, whole, whole_number, Exact};
use super::problem::{Expected, Got, ValueProblem, Whole};
use super::{AgeYears, Band};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An EASI value: an integer count of 0.05 points (sign half-points × tenths of a weight).
pub type EasiValue = Exact<20>;

/// The four EASI body regions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// Head and neck.
    HeadNeck,
    /// Upper limbs.
    UpperLimbs,
    /// Trunk, including the genitals.
    Trunk,
    /// Lower limbs, including the buttocks.
    LowerLimbs,
}

impl Region {
    /// All regions in sheet order.
    pub const ALL: [Region; 4] = [Region::HeadNeck, Region::UpperLimbs, Region::Trunk, Region::LowerLimbs];

    /// The record key of this region.
    pub const fn key(self) -> &'static str {
        match self {
            Region::HeadNeck => "head_neck",
            Region::UpperLimbs => "upper_limbs",
            Region::Trunk => "trunk",
            Region::LowerLimbs => "lower_limbs",
        }
    }

    /// Region multiplier in tenths (Hanifin 2001; HOME tables):
    /// age ≥ 8 years: 0.1, 0.2, 0.3, 0.4; age 0–7: 0.2, 0.2, 0.3, 0.3.
    /// (DermNet's "A1 × 0.3" and PhenX's "A4 × 0.5" are misprints.)
    pub const fn weight_tenths(self, age: AgeVariant) -> u32 {
        match (self, age) {
            (Region::HeadNeck, AgeVariant::Age8Plus) => 1,
            (Region::HeadNeck, AgeVariant::Under8) => 2,
            (Region::UpperLimbs, _) => 2,
            (Region::Trunk, _) => 3,
            (Region::LowerLimbs, AgeVariant::Age8Plus) => 4,
            (Region::LowerLimbs, AgeVariant::Under8) => 3,
        }
    }
}

/// Which set of region multipliers applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeVariant {
    /// Children aged 0–7 years (before the 8th birthday).
    Under8,
    /// Aged 8 years and over.
    Age8Plus,
}

impl AgeVariant {
    /// The variant for an age in whole years: 0–7 → `Under8`, 8 and over → `Age8Plus`.
    pub const fn for_age(age: AgeYears) -> Self {
        if age.get() < 8 {
            AgeVariant::Under8
        } else {
            AgeVariant::Age8Plus
        }
    }
}

/// Area score 0–6 for the percentage of a region involved:
/// 0 none; 1 = >0–9 %; 2 = 10–29 %; 3 = 30–49 %; 4 = 50–69 %; 5 = 70–89 %; 6 = 90–100 %.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AreaScore(u8);

impl AreaScore {
    /// Area score `value`, which must be 0–6.
    pub fn new(value: u8) -> Result<Self, ValueProblem> {
        whole(Whole::EasiArea, Got::Unsigned(u64::from(value))).map(Self)
    }

    /// The area score for an involvement given in tenths of a percent (0–1000).
    /// Intervals are half-open: any involvement below 10 % but above 0 scores 1, etc.
    pub fn from_percent_tenths(tenths: u16) -> Result<Self, ValueProblem> {
        let score = match tenths {
            0 => 0,
            1..=99 => 1,
            100..=299 => 2,
            300..=499 => 3,
            500..=699 => 4,
            700..=899 => 5,
            900..=1000 => 6,
            _ => return Err(ValueProblem::RegionPercent(tenths)),
        };
        Ok(Self(score))
    }

    /// The score 0–6.
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl Serialize for AreaScore {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for AreaScore {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::new(whole_number(d, Whole::EasiArea)?).map_err(serde::de::Error::custom)
    }
}

/// A sign grade: one of 0, 1, 1.5, 2, 2.5, 3 (held in half points). 0.5 is not allowed:
/// a present sign is at least mild (Practical Guide 2022).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SignGrade(u8);

impl SignGrade {
    /// The allowed grades, in half points: 0, 1, 1.5, 2, 2.5, 3.
    pub const ALLOWED_HALVES: [u8; 6] = [0, 2, 3, 4, 5, 6];

    /// The grade from half points (0, 2, 3, 4, 5 or 6).
    pub fn from_halves(halves: u8) -> Result<Self, ValueProblem> {
        if Self::ALLOWED_HALVES.contains(&halves) {
            Ok(Self(halves))
        } else if halves == 1 {
            Err(ValueProblem::EasiHalf)
        } else {
            Err(ValueProblem::EasiSign(Got::Halves(u32::from(halves))))
        }
    }

    /// The grade from a number such as 1.5.
    pub fn from_f64(value: f64) -> Result<Self, ValueProblem> {
        match steps_of(value, 2) {
            Some(halves) if halves <= 6 => Self::from_halves(halves as u8),
            _ => Err(ValueProblem::EasiSign(Got::Number(value))),
        }
    }

    /// The grade in half points.
    pub const fn halves(self) -> u8 {
        self.0
    }

    /// The grade as a number (for reporting).
    pub fn to_f64(self) -> f64 {
        f64::from(self.0) / 2.0
    }
}

impl Serialize for SignGrade {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 2 == 0 {
            s.serialize_u8(self.0 / 2)
        } else {
            s.serialize_f64(self.to_f64())
        }
    }
}

impl<'de> Deserialize<'de> for SignGrade {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::from_f64(number(d, Expected::EasiSign)?).map_err(serde::de::Error::custom)
    }
}

/// The four EASI signs, in sheet order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sign {
    /// Erythema.
    Erythema,
    /// Oedema/papulation.
    EdemaPapulation,
    /// Excoriation.
    Excoriation,
    /// Lichenification.
    Lichenification,
}

impl Sign {
    /// All signs in sheet order.
    pub const ALL: [Sign; 4] = [Sign::Erythema, Sign::EdemaPapulation, Sign::Excoriation, Sign::Lichenification];

    /// The record key of this sign.
    pub const fn key(self) -> &'static str {
        match self {
            Sign::Erythema => "erythema",
            Sign::EdemaPapulation => "edema_papulation",
            Sign::Excoriation => "excoriation",
            Sign::Lichenification => "lichenification",
        }
    }
}

/// One region's area score and four sign grades (graded on a representative area).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EasiRegion {
    /// Area score 0–6.
    pub area: AreaScore,
    /// Erythema.
    pub erythema: SignGrade,
    /// Oedema/papulation (induration).
    pub edema_papulation: SignGrade,
    /// Excoriation.
    pub excoriation: SignGrade,
    /// Lichenification (including prurigo nodules).
    pub lichenification: SignGrade,
}

impl EasiRegion {
    /// A region from its area and its signs in [`Sign::ALL`] order.
    pub const fn from_parts(area: AreaScore, signs: [SignGrade; 4]) -> Self {
        let [erythema, edema_papulation, excoriation, lichenification] = signs;
        Self { area, erythema, edema_papulation, excoriation, lichenification }
    }

    /// Sum of the four signs in half points (0–24).
    pub fn sign_sum_halves(&self) -> u32 {
        [self.erythema, self.edema_papulation, self.excoriation, self.lichenification]
            .iter()
            .map(|g| u32::from(g.halves()))
            .sum()
    }

    /// Region score = (sum of signs) × area × multiplier, exactly.
    /// Half points × tenths = twentieths, the unit of [`EasiValue`].
    pub fn score(&self, region: Region, age: AgeVariant) -> EasiValue {
        EasiValue::from_units(self.sign_sum_halves() * u32::from(self.area.get()) * region.weight_tenths(age))
    }
}

/// The four regions of an EASI record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EasiRegions {
    /// Head and neck.
    pub head_neck: EasiRegion,
    /// Upper limbs.
    pub upper_limbs: EasiRegion,
    /// Trunk (including genitals).
    pub trunk: EasiRegion,
    /// Lower limbs (including buttocks).
    pub lower_limbs: EasiRegion,
}

impl EasiRegions {
    /// The region's entry.
    pub fn get(&self, region: Region) -> &EasiRegion {
        match region {
            Region::HeadNeck => &self.head_neck,
            Region::UpperLimbs => &self.upper_limbs,
            Region::Trunk => &self.trunk,
            Region::LowerLimbs => &self.lower_limbs,
        }
    }
}

/// A complete EASI assessment: every region fully graded, and the age in years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EasiRecord {
    /// Age in whole years; chooses the region multipliers.
    pub age_years: AgeYears,
    /// The four regions.
    pub regions: EasiRegions,
}

/// EASI result: total 0–72 with band, band system, age variant and each region's
/// contribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct EasiScore {
    /// EASI total, exact.
    pub total: EasiValue,
    /// The band of `total` in `band_system`.
    pub band: Band,
    /// Which published strata gave `band` (`"leshem_2015"` / `"chopra_2017"`).
    pub band_system: EasiBands,
    /// Which multipliers were used.
    pub age_variant: AgeVariant,
    /// Head and neck contribution.
    pub head_neck: EasiValue,
    /// Upper limbs contribution.
    pub upper_limbs: EasiValue,
    /// Trunk contribution.
    pub trunk: EasiValue,
    /// Lower limbs contribution.
    pub lower_limbs: EasiValue,
}

impl EasiRecord {
    /// EASI = sum over regions of (signs × area × multiplier); range 0–72, banded with the
    /// default strata (Leshem 2015). Same as `score_with(EasiBands::default())`.
    pub fn score(&self) -> EasiScore {
        self.score_with(EasiBands::default())
    }

    /// EASI as [`EasiRecord::score`], banded with the strata of `bands`. The total does not
    /// depend on the band system.
    pub fn score_with(&self, bands: EasiBands) -> EasiScore {
        let age_variant = AgeVariant::for_age(self.age_years);
        let part = |r: Region| self.regions.get(r).score(r, age_variant);
        let [head_neck, upper_limbs, trunk, lower_limbs] = Region::ALL.map(part);
        let total = EasiValue::from_units(
            head_neck.units() + upper_limbs.units() + trunk.units() + lower_limbs.units(),
        );
        EasiScore {
            total,
            band: bands.band(total),
            band_system: bands,
            age_variant,
            head_neck,
            upper_limbs,
            trunk,
            lower_limbs,
        }
    }
}

/// Which published severity strata band an EASI total. Serialized as `"leshem_2015"` /
/// `"chopra_2017"`. Both are decided on the exact value, as half-open intervals (the printed
/// strata have gaps such as 7.0 → 7.1 and 5.9 → 6.0); see `docs/scoring.md`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EasiBands {
    /// Leshem 2015, recommended by HOME (the default): clear 0; almost clear (0, 1.0];
    /// mild (1.0, 7.0]; moderate (7.0, 21.0]; severe (21.0, 50.0]; very severe above 50.0.
    #[default]
    #[serde(rename = "leshem_2015")]
    Leshem2015,
    /// Chopra 2017, derived in adolescents and adults (13 years and over): clear 0;
    /// mild (0, 6.0); moderate [6.0, 23.0); severe 23.0 and above. Printed as
    /// "0 / 0.1–5.9 / 6.0–22.9 / 23.0–72"; the lower edge of the next band is closed, so
    /// 5.95 is mild and 22.95 moderate. There is no almost-clear or very-severe band.
    #[serde(rename = "chopra_2017")]
    Chopra2017,
}

impl EasiBands {
    /// Every band system, the default first.
    pub const ALL: [EasiBands; 2] = [EasiBands::Leshem2015, EasiBands::Chopra2017];

    /// Whether the bands were derived in patients of this age: Chopra 2017's in those aged
    /// 13 and over ([`crate::scoring::CHOPRA_2017_MIN_AGE`]); Leshem 2015's are not limited by
    /// age. Used to say so beside a younger patient's bands, never to change the score.
    pub fn derived_for(self, age: crate::scoring::AgeYears) -> bool {
        self != EasiBands::Chopra2017 || age.get() >= crate::scoring::CHOPRA_2017_MIN_AGE
    }

    /// The JSON name (`"leshem_2015"` / `"chopra_2017"`).
    pub const fn key(self) -> &'static str {
        match self {
            EasiBands::Leshem2015 => "leshem_2015",
            EasiBands::Chopra2017 => "chopra_2017",
        }
    }

    /// The band of an exact EASI total in this system.
    pub fn band(self, total: EasiValue) -> Band {
        match self {
            EasiBands::Leshem2015 => leshem_2015(total),
            EasiBands::Chopra2017 => chopra_2017(total),
        }
    }

    /// The published source of the strata (with the population they were derived in,
    /// where it is restricted).
    pub const fn citation(self) -> &'static str {
        match self {
            EasiBands::Leshem2015 => {
                "Leshem YA, Hajar T, Hanifin JM, Simpson EL. What the Eczema Area and Severity Index score \
                 tells us about the severity of atopic dermatitis: an interpretability study. \
                 Br J Dermatol 2015;172:1353–1357."
            }
            EasiBands::Chopra2017 => super::CHOPRA_2017,
        }
    }
}

/// The default band of an EASI total: Leshem 2015 (same as `EasiBands::default().band`).
pub fn band(total: EasiValue) -> Band {
    EasiBands::default().band(total)
}

/// Chopra 2017 severity strata, half-open on the exact value with the lower edge of the
/// next band closed: 0 clear; (0, 6.0) mild; [6.0, 23.0) moderate; 23.0 and above severe.
fn chopra_2017(total: EasiValue) -> Band {
    if total == EasiValue::whole(0) {
        Band::Clear
    } else if total < EasiValue::whole(6) {
        Band::Mild
    } else if total < EasiValue::whole(23) {
        Band::Moderate
    } else {
        Band::Severe
    }
}

/// Leshem 2015 severity strata as half-open intervals on the exact value:
/// 0 clear; (0, 1.0] almost clear; (1.0, 7.0] mild; (7.0, 21.0] moderate;
/// (21.0, 50.0] severe; above 50.0 very severe.
fn leshem_2015(total: EasiValue) -> Band {
    let t = total.units();
    if t == 0 {
        Band::Clear
    } else if t <= EasiValue::whole(1).units() {
        Band::AlmostClear
    } else if t <= EasiValue::whole(7).units() {
        Band::Mild
    } else if t <= EasiValue::whole(21).units() {
        Band::Moderate
    } else if t <= EasiValue::whole(50).units() {
        Band::Severe
    } else {
        Band::VerySevere
    }
}
