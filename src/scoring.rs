//! The scoring core: the record format (`Assessment`), its scores (`Score`) and the bands.
//!
//! Pure Rust: no yew or web-sys here, so every formula is tested natively. One file per
//! instrument, each citing its published source; all arithmetic is exact (see [`exact`]).

pub mod dlqi;
pub mod easi;
pub mod exact;
pub mod nrs;
pub mod check;
pub mod poem;
pub mod problem;
pub mod scorad;

pub use easi::EasiBands;
pub use problem::{Got, RecordProblem, ValueProblem, Whole};
pub use scorad::ScoradBands;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The Chopra 2017 strata paper, which gives both the EASI and the SCORAD strata.
pub const CHOPRA_2017: &str = "Chopra R et al. Severity strata for Eczema Area and Severity Index (EASI), modified EASI, \
                            Scoring Atopic Dermatitis (SCORAD), objective SCORAD, Atopic Dermatitis Severity Index \
                            and body surface area in adolescents and adults with atopic dermatitis. \
                            Br J Dermatol 2017;177:1316–1321. Strata derived in patients aged 13 years and over.";

/// The youngest age (years) of the patients Chopra 2017's strata were derived in ([`CHOPRA_2017`]).
pub const CHOPRA_2017_MIN_AGE: u8 = 13;

/// Age in whole years, 0–130 (required by EASI and SCORAD to choose their weights).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AgeYears(u8);

impl AgeYears {
    /// Oldest accepted age.
    pub const MAX: u8 = 130;

    /// `years`, 0–130.
    pub fn new(years: u8) -> Result<Self, ValueProblem> {
        exact::whole(Whole::Age, Got::Unsigned(u64::from(years))).map(Self)
    }

    /// The age in years.
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl Serialize for AgeYears {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for AgeYears {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::new(exact::whole_number(d, Whole::Age)?).map_err(serde::de::Error::custom)
    }
}

/// A severity or effect band. Each instrument uses its own subset; the JSON name is the
/// snake_case variant name (`none` for [`Band::NoItch`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// EASI 0 (Leshem 2015 and Chopra 2017); SCORAD below 10 and objective SCORAD below 8
    /// (Chopra 2017 only).
    Clear,
    /// EASI (0, 1].
    AlmostClear,
    /// POEM 0–2.
    ClearOrAlmostClear,
    /// Itch NRS 0.
    #[serde(rename = "none")]
    NoItch,
    /// Mild (every severity instrument).
    Mild,
    /// Moderate (every instrument).
    Moderate,
    /// Severe.
    Severe,
    /// Very severe (EASI, POEM, itch).
    VerySevere,
    /// DLQI 0–1.
    NoEffect,
    /// DLQI 2–5.
    Small,
    /// DLQI 11–20.
    VeryLarge,
    /// DLQI 21–30.
    ExtremelyLarge,
}

impl Band {
    /// The JSON name of the band (`"almost_clear"` …).
    pub fn key(self) -> &'static str {
        match self {
            Band::Clear => "clear",
            Band::AlmostClear => "almost_clear",
            Band::ClearOrAlmostClear => "clear_or_almost_clear",
            Band::NoItch => "none",
            Band::Mild => "mild",
            Band::Moderate => "moderate",
            Band::Severe => "severe",
            Band::VerySevere => "very_severe",
            Band::NoEffect => "no_effect",
            Band::Small => "small",
            Band::VeryLarge => "very_large",
            Band::ExtremelyLarge => "extremely_large",
        }
    }
}

/// One assessment with one instrument: the record format other tools read and write.
/// Internally tagged by `"instrument"`; see `docs/record-format.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "instrument", rename_all = "snake_case")]
pub enum Assessment {
    /// EASI.
    Easi(easi::EasiRecord),
    /// SCORAD (objective SCORAD when `subjective` is absent).
    Scorad(scorad::ScoradRecord),
    /// POEM.
    Poem(poem::PoemRecord),
    /// DLQI (item scores only).
    Dlqi(dlqi::DlqiRecord),
    /// Worst itch in the past 24 hours, 0–10.
    ItchNrs(nrs::NrsRecord),
    /// Sleep disturbance last night, 0–10.
    SleepNrs(nrs::NrsRecord),
}

/// The score of one assessment: a flat JSON object with `instrument`, `total` and `band`
/// and each instrument's details.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "instrument", rename_all = "snake_case")]
pub enum Score {
    /// EASI.
    Easi(easi::EasiScore),
    /// SCORAD and objective SCORAD.
    Scorad(scorad::ScoradScore),
    /// POEM.
    Poem(poem::PoemScore),
    /// DLQI.
    Dlqi(dlqi::DlqiScore),
    /// Itch NRS.
    ItchNrs(nrs::NrsScore),
    /// Sleep NRS.
    SleepNrs(nrs::NrsScore),
}

/// Why a record could not be read or scored; the message says what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreError(Why);

#[derive(Clone, Debug, PartialEq, Eq)]
enum Why {
    /// The reader refused the record: its English sentence, after "invalid assessment record: ".
    Unreadable(String),
    /// A record built in code breaks a rule the reader enforces.
    Unscorable(ValueProblem),
}

impl ScoreError {
    /// The explanation.
    pub fn message(&self) -> String {
        self.to_string()
    }

    /// The rule a record built in code breaks (`None` for a record the reader refused, which
    /// [`Assessment::problem`] names).
    pub fn unscorable(&self) -> Option<&ValueProblem> {
        match &self.0 {
            Why::Unscorable(problem) => Some(problem),
            Why::Unreadable(_) => None,
        }
    }
}

impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Why::Unreadable(why) => write!(f, "invalid assessment record: {why}"),
            Why::Unscorable(problem) => problem.fmt(f),
        }
    }
}

impl std::error::Error for ScoreError {}

impl From<ValueProblem> for ScoreError {
    fn from(problem: ValueProblem) -> Self {
        Self(Why::Unscorable(problem))
    }
}

impl From<RecordProblem> for ScoreError {
    fn from(problem: RecordProblem) -> Self {
        Self(Why::Unreadable(problem.to_string()))
    }
}

impl From<serde_json::Error> for ScoreError {
    fn from(error: serde_json::Error) -> Self {
        Self(Why::Unreadable(error.to_string()))
    }
}

impl Assessment {
    /// Whether this is one of the patient's own questionnaires (POEM, DLQI, itch or sleep NRS),
    /// not a clinician's examination (EASI, SCORAD: SCORAD's C comes from the patient but is
    /// part of the clinician's record).
    pub fn is_patient_reported(&self) -> bool {
        !matches!(self, Assessment::Easi(_) | Assessment::Scorad(_))
    }

    /// Reads one record from JSON, rejecting anything the format does not allow.
    pub fn from_json(text: &str) -> Result<Self, ScoreError> {
        Self::check_shape(&serde_json::from_str(text)?)?;
        // Read again from the text, not the `Value`: the text reader also refuses duplicate keys.
        Ok(serde_json::from_str(text)?)
    }

    /// The part of [`Assessment::from_json`]'s checks that the typed reader cannot make: the
    /// record is an object, and no object in it is written as a list. A record that passes this
    /// and the typed reader (`serde_json::from_str::<Assessment>`) passes `from_json`.
    pub fn check_shape(record: &serde_json::Value) -> Result<(), ScoreError> {
        Ok(reject_lists_for_objects(record)?)
    }

    /// The first rule of the record format that `record` breaks, named, in the order the record's
    /// reader meets them (`None` when it breaks none). For a record read from the text the
    /// `Value` writes (keys in its order), this is the problem [`Assessment::from_json`] reports:
    /// its `Display` is the reader's sentence after "invalid assessment record: " (without the
    /// place in the text that serde adds to a problem with the instrument's name).
    pub fn problem(record: &serde_json::Value) -> Option<RecordProblem> {
        check::record(record).err()
    }

    /// The record as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("records always serialize")
    }

    /// Scores the record with the default band systems (Leshem 2015 for EASI, Kunz 1997 for
    /// SCORAD): the same as `score_with(EasiBands::default(), ScoradBands::default())`.
    /// `Err` only for a record built in code that breaks a rule the JSON reader enforces
    /// (such as "not relevant" on DLQI item 1).
    pub fn score(&self) -> Result<Score, ScoreError> {
        self.score_with(EasiBands::default(), ScoradBands::default())
    }

    /// Scores the record, banding EASI with `easi` and SCORAD / objective SCORAD with
    /// `scorad`; the other instruments have one band system each and ignore both. The
    /// system used is reported in the score (`band_system`). Errors as [`Assessment::score`].
    pub fn score_with(&self, easi: EasiBands, scorad: ScoradBands) -> Result<Score, ScoreError> {
        Ok(match self {
            Assessment::Easi(r) => Score::Easi(r.score_with(easi)),
            Assessment::Scorad(r) => Score::Scorad(r.score_with(scorad)),
            Assessment::Poem(r) => Score::Poem(r.score()),
            Assessment::Dlqi(r) => Score::Dlqi(r.score()?),
            Assessment::ItchNrs(r) => Score::ItchNrs(r.score_itch()),
            Assessment::SleepNrs(r) => Score::SleepNrs(r.score_sleep()),
        })
    }
}

/// serde also reads a struct from a JSON list of its values in field order, which would let a
/// record through without any keys (and so past every key check, e.g. `"extent":[50,0,…]`).
/// Only the top-level `answers` of POEM and DLQI is a list; any other list is refused.
pub(crate) fn reject_lists_for_objects(record: &serde_json::Value) -> Result<(), RecordProblem> {
    use serde_json::Value;
    fn walk(key: &str, value: &Value) -> Result<(), RecordProblem> {
        match value {
            Value::Array(_) => Err(RecordProblem::List(key.to_string())),
            Value::Object(map) => map.iter().try_for_each(|(k, v)| walk(k, v)),
            _ => Ok(()),
        }
    }
    match record {
        Value::Object(map) => map.iter().filter(|(k, _)| k.as_str() != "answers").try_for_each(|(k, v)| walk(k, v)),
        _ => Err(RecordProblem::NotObject),
    }
}

impl Score {
    /// The total as a number, or `None` where the instrument is not scored.
    pub fn total(&self) -> Option<f64> {
        match self {
            Score::Easi(s) => Some(s.total.to_f64()),
            Score::Scorad(s) => s.total.map(|t| t.to_f64()),
            Score::Poem(s) => s.total.map(f64::from),
            Score::Dlqi(s) => s.total.map(f64::from),
            Score::ItchNrs(s) | Score::SleepNrs(s) => Some(f64::from(s.total)),
        }
    }

    /// The band of the total, where there is one.
    pub fn band(&self) -> Option<Band> {
        match self {
            Score::Easi(s) => Some(s.band),
            Score::Scorad(s) => s.band,
            Score::Poem(s) => s.band,
            Score::Dlqi(s) => s.band,
            Score::ItchNrs(s) | Score::SleepNrs(s) => s.band,
        }
    }

    /// The score as a flat JSON object.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("scores always serialize")
    }
}
