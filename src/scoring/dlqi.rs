//! DLQI (Dermatology Life Quality Index): scoring over item scores, missing-answer rule, bands.
//!
//! Sources:
//! - Finlay AY, Khan GK. Dermatology Life Quality Index (DLQI) — a simple practical measure for
//!   routine clinical use. *Clin Exp Dermatol* 1994;19:210–216 (ten items 0–3, sum 0–30;
//!   "not relevant" scores 0 and is offered on items 3–10 only; item 7: prevented work or
//!   study = 3, otherwise a lot 2, a little 1, not at all 0).
//! - Cardiff University DLQI instructions and FAQ: one unanswered item scores 0; two or more
//!   unanswered: not scored.
//! - Hongbo Y et al. Translating the science of quality of life into practice: what do DLQI
//!   scores mean? *J Invest Dermatol* 2005;125:659–664 (bands).
//!
//! The question text is copyright (© A Y Finlay, G K Khan April 1992) and is never committed:
//! this module scores item scores only. Item 7 holds the already-mapped score.

use super::problem::{Expected, Got, ValueProblem};
use super::Band;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One DLQI answer: a score 0–3, or "not relevant" (scores 0; items 3–10 only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DlqiAnswer {
    /// Very much 3, a lot 2, a little 1, not at all 0.
    Score(u8),
    /// "Not relevant": scores 0.
    NotRelevant,
}

impl DlqiAnswer {
    /// The item's score.
    pub const fn points(self) -> u8 {
        match self {
            DlqiAnswer::Score(p) => p,
            DlqiAnswer::NotRelevant => 0,
        }
    }
}

impl DlqiAnswer {
    /// The answer from a whole number or text as read: 0–3 or "not_relevant".
    pub fn from_got(got: Got) -> Result<Self, ValueProblem> {
        match got {
            Got::Unsigned(v @ 0..=3) => Ok(DlqiAnswer::Score(v as u8)),
            Got::Text(text) if text == "not_relevant" => Ok(DlqiAnswer::NotRelevant),
            got => Err(ValueProblem::DlqiAnswer(got)),
        }
    }
}

impl Serialize for DlqiAnswer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            DlqiAnswer::Score(p) => s.serialize_u8(*p),
            DlqiAnswer::NotRelevant => s.serialize_str("not_relevant"),
        }
    }
}

impl<'de> Deserialize<'de> for DlqiAnswer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = DlqiAnswer;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                std::fmt::Display::fmt(&Expected::DlqiAnswer, f)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<DlqiAnswer, E> {
                DlqiAnswer::from_got(Got::Unsigned(v)).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<DlqiAnswer, E> {
                DlqiAnswer::from_got(Got::Signed(v)).map_err(E::custom)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DlqiAnswer, E> {
                DlqiAnswer::from_got(Got::Text(v.to_string())).map_err(E::custom)
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A DLQI questionnaire: ten item scores, `None` where unanswered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "DlqiAnswers")]
pub struct DlqiRecord {
    /// Items 1–10 in order.
    pub answers: [Option<DlqiAnswer>; 10],
}

/// The unchecked shape of a DLQI record, as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DlqiAnswers {
    answers: [Option<DlqiAnswer>; 10],
}

impl TryFrom<DlqiAnswers> for DlqiRecord {
    type Error = ValueProblem;
    fn try_from(raw: DlqiAnswers) -> Result<Self, ValueProblem> {
        let record = DlqiRecord { answers: raw.answers };
        record.check()?;
        Ok(record)
    }
}

/// DLQI result: `total` and `band` are null when two or more items are unanswered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DlqiScore {
    /// Sum 0–30.
    pub total: Option<u32>,
    /// Hongbo 2005 band.
    pub band: Option<Band>,
    /// How many items were left unanswered.
    pub unanswered: u32,
}

/// Most unanswered items that still allow a score (each counted as 0).
pub const MAX_UNANSWERED: u32 = 1;

/// Whether the item at `index` (0-based) offers "not relevant": items 3–10 do, items 1–2 do not
/// (the published form; Finlay & Khan 1994).
pub const fn offers_not_relevant(index: usize) -> bool {
    index >= 2
}

impl DlqiRecord {
    /// Rejects what the form cannot hold: a score above 3, or "not relevant" on items 1–2.
    pub fn check(&self) -> Result<(), ValueProblem> {
        for (i, answer) in self.answers.iter().enumerate() {
            match answer {
                Some(DlqiAnswer::NotRelevant) if !offers_not_relevant(i) => return Err(ValueProblem::DlqiNoNotRelevant(i as u8 + 1)),
                Some(DlqiAnswer::Score(p)) if *p > 3 => return Err(ValueProblem::DlqiItem(i as u8 + 1, *p)),
                _ => {}
            }
        }
        Ok(())
    }

    /// Sum of the item scores, one unanswered item counting 0.
    pub fn score(&self) -> Result<DlqiScore, ValueProblem> {
        self.check()?;
        let unanswered = self.answers.iter().filter(|a| a.is_none()).count() as u32;
        let total = (unanswered <= MAX_UNANSWERED)
            .then(|| self.answers.iter().flatten().map(|a| u32::from(a.points())).sum());
        Ok(DlqiScore { total, band: total.map(band), unanswered })
    }
}

/// Hongbo 2005 bands: 0–1 no effect; 2–5 small; 6–10 moderate; 11–20 very large;
/// 21–30 extremely large.
pub fn band(total: u32) -> Band {
    match total {
        0..=1 => Band::NoEffect,
        2..=5 => Band::Small,
        6..=10 => Band::Moderate,
        11..=20 => Band::VeryLarge,
        _ => Band::ExtremelyLarge,
    }
}
