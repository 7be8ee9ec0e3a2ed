//! POEM (Patient-Oriented Eczema Measure): seven answers, missing-answer rule, bands.
//!
//! Sources:
//! - Charman CR, Venn AJ, Williams HC. The Patient-Oriented Eczema Measure: development and
//!   initial validation of a new tool for measuring atopic eczema severity from the patients'
//!   perspective. *Arch Dermatol* 2004;140:1513–1519 (items, answer values, sum 0–28).
//! - Charman CR et al. Translating Patient-Oriented Eczema Measure (POEM) scores into clinical
//!   practice by suggesting severity strata. *Br J Dermatol* 2013;169:1326–1332 (bands).
//! - University of Nottingham scoring notes: one unanswered item scores 0; two or more
//!   unanswered: not scored.
//!
//! The question text is © The University of Nottingham and lives in a separate content file,
//! never here. Answers: no days 0, 1–2 days 1, 3–4 days 2, 5–6 days 3, every day 4.

use super::exact::{whole, whole_number};
use super::problem::{Got, ValueProblem, Whole};
use super::Band;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One POEM answer, 0–4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PoemAnswer(u8);

impl PoemAnswer {
    /// Answer `value`, 0–4.
    pub fn new(value: u8) -> Result<Self, ValueProblem> {
        whole(Whole::PoemAnswer, Got::Unsigned(u64::from(value))).map(Self)
    }

    /// The answer's score 0–4.
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl Serialize for PoemAnswer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for PoemAnswer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::new(whole_number(d, Whole::PoemAnswer)?).map_err(serde::de::Error::custom)
    }
}

/// A POEM questionnaire: seven answers, `None` where left blank.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoemRecord {
    /// Items 1–7 in order.
    pub answers: [Option<PoemAnswer>; 7],
}

/// POEM result: `total` and `band` are null when two or more items are unanswered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PoemScore {
    /// Sum 0–28.
    pub total: Option<u32>,
    /// Charman 2013 band.
    pub band: Option<Band>,
    /// How many items were left blank.
    pub unanswered: u32,
}

/// Most blank items that still allow a score (each counted as 0).
pub const MAX_UNANSWERED: u32 = 1;

impl PoemRecord {
    /// Sum of the answers, blank counting 0 when only one is blank.
    pub fn score(&self) -> PoemScore {
        let unanswered = self.answers.iter().filter(|a| a.is_none()).count() as u32;
        let total = (unanswered <= MAX_UNANSWERED)
            .then(|| self.answers.iter().flatten().map(|a| u32::from(a.get())).sum());
        PoemScore { total, band: total.map(band), unanswered }
    }
}

/// Charman 2013 bands: 0–2 clear or almost clear; 3–7 mild; 8–16 moderate; 17–24 severe;
/// 25–28 very severe.
pub fn band(total: u32) -> Band {
    match total {
        0..=2 => Band::ClearOrAlmostClear,
        3..=7 => Band::Mild,
        8..=16 => Band::Moderate,
        17..=24 => Band::Severe,
        _ => Band::VerySevere,
    }
}
