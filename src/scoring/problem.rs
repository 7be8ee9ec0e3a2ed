//! Why a value or a record is refused, named without words: which value, the rule it breaks and
//! what was given. `Display` is the English sentence of the record format (`docs/record-format.md`,
//! word for word); the history screens say the same in their language (`RecordsStrings`).

use std::fmt;

/// A value that must be a whole number 0–max.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Whole {
    /// `age_years`, 0–130.
    Age,
    /// EASI area score, 0–6.
    EasiArea,
    /// SCORAD intensity grade, 0–3.
    ScoradGrade,
    /// POEM answer, 0–4.
    PoemAnswer,
    /// NRS value, 0–10.
    Nrs,
}

impl Whole {
    /// The largest value allowed.
    pub const fn max(self) -> u8 {
        match self {
            Whole::Age => 130,
            Whole::EasiArea => 6,
            Whole::ScoradGrade => 3,
            Whole::PoemAnswer => 4,
            Whole::Nrs => 10,
        }
    }

    /// Its name in the English sentences.
    pub const fn english(self) -> &'static str {
        match self {
            Whole::Age => "age_years",
            Whole::EasiArea => "EASI area score",
            Whole::ScoradGrade => "SCORAD intensity grade",
            Whole::PoemAnswer => "POEM answer",
            Whole::Nrs => "NRS value",
        }
    }
}

/// A SCORAD value 0–max with at most one decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tenth {
    /// Percent of a segment (extent), 0–100.
    Percent,
    /// Pruritus or sleep loss (C), 0–10.
    Vas,
}

impl Tenth {
    /// The largest value allowed.
    pub const fn max(self) -> u16 {
        match self {
            Tenth::Percent => 100,
            Tenth::Vas => 10,
        }
    }

    /// Its name in the English sentences.
    pub const fn english(self) -> &'static str {
        match self {
            Tenth::Percent => "SCORAD extent percent",
            Tenth::Vas => "SCORAD pruritus / sleep loss",
        }
    }
}

/// The value given, written as the English sentence writes it (numbers and quoted text are the
/// same in every language).
#[derive(Clone, Debug, PartialEq)]
pub enum Got {
    /// A whole number.
    Unsigned(u64),
    /// A negative whole number.
    Signed(i64),
    /// A number with a fraction where a whole one is required, as read ("2.5", "2.0").
    Fraction(f64),
    /// A number as read ("3.5", "-1", "100.5").
    Number(f64),
    /// A count of halves ("1.5").
    Halves(u32),
    /// A count of tenths ("100.5").
    Tenths(u32),
    /// Text, written in double quotes.
    Text(String),
}

// JSON numbers are never NaN, so `Got` equals itself.
impl Eq for Got {}

impl fmt::Display for Got {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Got::Unsigned(n) => write!(f, "{n}"),
            Got::Signed(n) => write!(f, "{n}"),
            Got::Fraction(x) => write!(f, "{x:?}"),
            Got::Number(x) => write!(f, "{x}"),
            Got::Halves(n) => f.write_str(&super::exact::decimal(*n, 2)),
            Got::Tenths(n) => f.write_str(&super::exact::decimal(*n, 10)),
            Got::Text(text) => write!(f, "\"{text}\""),
        }
    }
}

/// A value the record format does not allow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueProblem {
    /// Not a whole number 0–max.
    Whole(Whole, Got),
    /// An EASI sign graded 0.5.
    EasiHalf,
    /// An EASI sign grade not one of 0, 1, 1.5, 2, 2.5, 3.
    EasiSign(Got),
    /// A SCORAD value outside 0–max.
    Between(Tenth, Got),
    /// A SCORAD value with more than one decimal.
    OneDecimal(Tenth, Got),
    /// A DLQI answer not 0–3, "not_relevant" or null.
    DlqiAnswer(Got),
    /// "Not relevant" on DLQI item 1 or 2 (the item's number).
    DlqiNoNotRelevant(u8),
    /// A DLQI item score above 3 (the item's number, the score).
    DlqiItem(u8, u8),
    /// A percent of an EASI region above 100 (in tenths).
    RegionPercent(u16),
}

impl fmt::Display for ValueProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueProblem::Whole(what, got) => write!(f, "{} must be an integer 0–{}, got {got}", what.english(), what.max()),
            ValueProblem::EasiHalf => f.write_str("EASI sign grade 0.5 is not allowed: a present sign is at least mild (1)"),
            ValueProblem::EasiSign(got) => write!(f, "EASI sign grade must be 0, 1, 1.5, 2, 2.5 or 3, got {got}"),
            ValueProblem::Between(what, got) => write!(f, "{} must be between 0 and {}, got {got}", what.english(), what.max()),
            ValueProblem::OneDecimal(what, got) => write!(f, "{} must have at most one decimal, got {got}", what.english()),
            ValueProblem::DlqiAnswer(got) => write!(f, "DLQI answer must be an integer 0–3, \"not_relevant\" or null, got {got}"),
            ValueProblem::DlqiNoNotRelevant(item) => {
                write!(f, "DLQI item {item} has no \"not relevant\" option (items 3–10 only)")
            }
            ValueProblem::DlqiItem(item, got) => write!(f, "DLQI item {item} must be 0–3, got {got}"),
            ValueProblem::RegionPercent(tenths) => {
                write!(f, "percent of a region must be 0–100, got {}", Got::Tenths(u32::from(*tenths)))
            }
        }
    }
}

impl std::error::Error for ValueProblem {}

/// What a JSON value is, where another kind was expected (serde's words in English).
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// `true` or `false`.
    Bool(bool),
    /// A whole number ≥ 0.
    Unsigned(u64),
    /// A negative whole number.
    Signed(i64),
    /// A number with a fraction.
    Float(f64),
    /// Text.
    Text(String),
    /// `null`.
    Null,
    /// A list.
    List,
    /// An object.
    Object,
}

impl Eq for Kind {}

impl Kind {
    /// The kind of `value`.
    pub fn of(value: &serde_json::Value) -> Kind {
        use serde_json::Value;
        match value {
            Value::Null => Kind::Null,
            Value::Bool(b) => Kind::Bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => Kind::Unsigned(u),
                (None, Some(i)) => Kind::Signed(i),
                _ => Kind::Float(n.as_f64().unwrap_or_default()),
            },
            Value::String(s) => Kind::Text(s.clone()),
            Value::Array(_) => Kind::List,
            Value::Object(_) => Kind::Object,
        }
    }

    /// The value itself where the sentence shows it: `true`, `7`, `7.5` in back quotes and text
    /// in double quotes, as serde_json writes them; `None` for null, a list or an object.
    pub fn shown(&self) -> Option<String> {
        match self {
            Kind::Bool(b) => Some(format!("`{b}`")),
            Kind::Unsigned(n) => Some(format!("`{n}`")),
            Kind::Signed(n) => Some(format!("`{n}`")),
            Kind::Float(x) => Some(format!("`{}`", serde_json::Number::from_f64(*x).map_or_else(|| x.to_string(), |n| n.to_string()))),
            Kind::Text(s) => Some(format!("{s:?}")),
            Kind::Null | Kind::List | Kind::Object => None,
        }
    }

    fn unexpected(&self) -> serde::de::Unexpected<'_> {
        use serde::de::Unexpected;
        match self {
            Kind::Bool(b) => Unexpected::Bool(*b),
            Kind::Unsigned(n) => Unexpected::Unsigned(*n),
            Kind::Signed(n) => Unexpected::Signed(*n),
            Kind::Float(x) => Unexpected::Float(*x),
            Kind::Text(s) => Unexpected::Str(s),
            Kind::Null => Unexpected::Unit,
            Kind::List => Unexpected::Seq,
            Kind::Object => Unexpected::Map,
        }
    }
}

/// What a place in a record holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Expected {
    /// A whole number 0–max.
    Whole(Whole),
    /// An EASI sign grade (0, 1, 1.5, 2, 2.5 or 3).
    EasiSign,
    /// A SCORAD number 0–max with at most one decimal.
    Tenths(Tenth),
    /// A DLQI answer.
    DlqiAnswer,
    /// A list of this many answers.
    List(usize),
    /// An object with these keys (serde's struct name in English).
    Object(&'static str),
    /// The name of an instrument.
    Instrument,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Whole(what) => write!(f, "{} as an integer 0–{}", what.english(), what.max()),
            Expected::EasiSign => f.write_str("EASI sign grade 0, 1, 1.5, 2, 2.5 or 3"),
            Expected::Tenths(what) => write!(f, "{} 0–{}, at most one decimal", what.english(), what.max()),
            Expected::DlqiAnswer => f.write_str("a DLQI answer: an integer 0–3, \"not_relevant\" or null"),
            Expected::List(n) => write!(f, "an array of length {n}"),
            Expected::Object(name) => write!(f, "struct {name}"),
            Expected::Instrument => f.write_str("variant identifier"),
        }
    }
}

impl serde::de::Expected for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Why an assessment record is refused: the first problem in the order the record's reader
/// meets them (keys in the record's order, a missing key after the keys given).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordProblem {
    /// The record is not a JSON object.
    NotObject,
    /// An object written as a list (its key).
    List(String),
    /// No `"instrument"`.
    NoInstrument,
    /// An instrument the format does not have (as written).
    UnknownInstrument(String),
    /// A key that must be there is not.
    Missing(&'static str),
    /// A key the format does not have, and the keys allowed there.
    Unknown(String, &'static [&'static str]),
    /// A value of the wrong kind.
    WrongType(Kind, Expected),
    /// A list of answers of the wrong length (given, needed).
    Length(usize, usize),
    /// A list of answers longer than needed (given, needed).
    TooLong(usize, usize),
    /// A value the format does not allow.
    Value(ValueProblem),
}

impl From<ValueProblem> for RecordProblem {
    fn from(problem: ValueProblem) -> Self {
        RecordProblem::Value(problem)
    }
}

/// The record format's instruments, as serde names them in English.
pub(crate) const INSTRUMENT_KEYS: &[&str] = &["easi", "scorad", "poem", "dlqi", "itch_nrs", "sleep_nrs"];

impl fmt::Display for RecordProblem {
    /// The reader's English sentence, without the place in the text serde adds to some.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use serde::de::Error;
        // serde_json's own words (it says "null", and writes numbers as it reads them).
        type E = serde_json::Error;
        match self {
            RecordProblem::NotObject => f.write_str("a record must be a JSON object"),
            RecordProblem::List(key) => write!(f, "`{key}` must be an object with named keys, not a list"),
            RecordProblem::NoInstrument => write!(f, "{}", E::missing_field("instrument")),
            RecordProblem::UnknownInstrument(name) => write!(f, "{}", E::unknown_variant(name, INSTRUMENT_KEYS)),
            RecordProblem::Missing(key) => write!(f, "{}", E::missing_field(key)),
            RecordProblem::Unknown(key, allowed) => write!(f, "{}", E::unknown_field(key, allowed)),
            RecordProblem::WrongType(kind, expected) => write!(f, "{}", E::invalid_type(kind.unexpected(), expected)),
            RecordProblem::Length(got, needed) => write!(f, "{}", E::invalid_length(*got, &Expected::List(*needed))),
            RecordProblem::TooLong(got, needed) => write!(f, "invalid length {got}, expected {needed} elements in sequence"),
            RecordProblem::Value(problem) => problem.fmt(f),
        }
    }
}

impl std::error::Error for RecordProblem {}
