//! Itch and sleep numeric rating scales (0–10 integers) and the itch severity bands.
//!
//! Sources:
//! - HOME core outcome set: peak (worst) itch NRS-11 over the past 24 hours (Yosipovitch 2019).
//! - Reich A et al. Tailoring the cut-off values of the visual analogue scale and numeric
//!   rating scale in itch assessment. *Acta Derm Venereol* 2017;97:759–760,
//!   doi:10.2340/00015555-2642 (cut-offs 0 none, 1–3 mild, 4–6 moderate, 7–8 severe,
//!   ≥ 9 very severe).
//! - Sleep NRS (sleep disturbance last night, 0–10) has no consensus bands: band is null.

use super::exact::{whole, whole_number};
use super::problem::{Got, ValueProblem, Whole};
use super::Band;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An NRS value: integer 0–10.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NrsValue(u8);

impl NrsValue {
    /// `value`, 0–10.
    pub fn new(value: u8) -> Result<Self, ValueProblem> {
        whole(Whole::Nrs, Got::Unsigned(u64::from(value))).map(Self)
    }

    /// The value 0–10.
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl Serialize for NrsValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for NrsValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::new(whole_number(d, Whole::Nrs)?).map_err(serde::de::Error::custom)
    }
}

/// One NRS rating (itch or sleep).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NrsRecord {
    /// The rating 0–10.
    pub value: NrsValue,
}

/// NRS result: the value itself, with a band for itch and none for sleep.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct NrsScore {
    /// The rating 0–10.
    pub total: u32,
    /// Reich band (itch); null for sleep.
    pub band: Option<Band>,
}

impl NrsRecord {
    /// Itch NRS: the value with its Reich band.
    pub fn score_itch(&self) -> NrsScore {
        let total = u32::from(self.value.get());
        NrsScore { total, band: Some(itch_band(total)) }
    }

    /// Sleep NRS: the value, no band.
    pub fn score_sleep(&self) -> NrsScore {
        NrsScore { total: u32::from(self.value.get()), band: None }
    }
}

/// Reich itch bands: 0 none; 1–3 mild; 4–6 moderate; 7–8 severe; 9–10 very severe.
pub fn itch_band(value: u32) -> Band {
    match value {
        0 => Band::NoItch,
        1..=3 => Band::Mild,
        4..=6 => Band::Moderate,
        7..=8 => Band::Severe,
        _ => Band::VerySevere,
    }
}
