//! The record format's rules checked on a parsed JSON value, so that a refused record's problem
//! is named ([`RecordProblem`]) rather than only described in the reader's English. The walk
//! follows the typed reader (serde): keys in the record's order, each value through the scoring
//! type's own rule, then the keys that are missing in field order; tests hold the two to the
//! same sentence. Each value is read by [`FromJson`], which batch scoring uses for its cells too.

use super::dlqi::{DlqiAnswer, DlqiRecord};
use super::easi::{AreaScore, SignGrade};
use super::exact::whole;
use super::nrs::NrsValue;
use super::poem::PoemAnswer;
use super::problem::{Expected, Got, Kind, RecordProblem, Whole, INSTRUMENT_KEYS};
use super::scorad::{Grade, Tenths};
use super::AgeYears;
use serde_json::{Map, Value};

/// A value of the record format read from one JSON value, with the rule it breaks named.
pub trait FromJson: Sized {
    /// What the value must be (for a value of the wrong kind).
    const EXPECTED: Expected;

    /// The value, or why `value` is not one.
    fn from_json(value: &Value) -> Result<Self, RecordProblem>;
}

/// A JSON number as read: whole (`Unsigned`/`Signed`) or with a fraction (`Fraction`), as
/// [`Kind::of`] tells them apart.
fn number(value: &Value) -> Option<Got> {
    match Kind::of(value) {
        Kind::Unsigned(u) => Some(Got::Unsigned(u)),
        Kind::Signed(i) => Some(Got::Signed(i)),
        Kind::Float(x) => Some(Got::Fraction(x)),
        _ => None,
    }
}

/// A whole number 0–max of `what`.
fn whole_of(value: &Value, what: Whole) -> Result<u8, RecordProblem> {
    match number(value) {
        Some(got) => Ok(whole(what, got)?),
        None => Err(RecordProblem::WrongType(Kind::of(value), Expected::Whole(what))),
    }
}

/// Any number, as f64 reads it (`expected`: what the value is, for the message).
fn float(value: &Value, expected: Expected) -> Result<f64, RecordProblem> {
    value.as_f64().ok_or_else(|| RecordProblem::WrongType(Kind::of(value), expected))
}

macro_rules! whole_types {
    ($($ty:ty => $what:expr),* $(,)?) => {$(
        impl FromJson for $ty {
            const EXPECTED: Expected = Expected::Whole($what);
            fn from_json(value: &Value) -> Result<Self, RecordProblem> {
                Ok(<$ty>::new(whole_of(value, $what)?)?)
            }
        }
    )*};
}

whole_types! {
    AgeYears => Whole::Age,
    AreaScore => Whole::EasiArea,
    Grade => Whole::ScoradGrade,
    PoemAnswer => Whole::PoemAnswer,
    NrsValue => Whole::Nrs,
}

impl FromJson for SignGrade {
    const EXPECTED: Expected = Expected::EasiSign;
    fn from_json(value: &Value) -> Result<Self, RecordProblem> {
        Ok(SignGrade::from_f64(float(value, Self::EXPECTED)?)?)
    }
}

impl<const MAX: u16> FromJson for Tenths<MAX> {
    const EXPECTED: Expected = Expected::Tenths(Self::WHAT);
    fn from_json(value: &Value) -> Result<Self, RecordProblem> {
        Ok(Self::from_f64(float(value, Self::EXPECTED)?)?)
    }
}

impl FromJson for DlqiAnswer {
    const EXPECTED: Expected = Expected::DlqiAnswer;
    fn from_json(value: &Value) -> Result<Self, RecordProblem> {
        let got = match value {
            Value::String(text) => Got::Text(text.clone()),
            _ => match number(value) {
                Some(got @ (Got::Unsigned(_) | Got::Signed(_))) => got,
                _ => return Err(RecordProblem::WrongType(Kind::of(value), Expected::DlqiAnswer)),
            },
        };
        Ok(DlqiAnswer::from_got(got)?)
    }
}

/// What one key of a record holds.
enum Shape {
    /// One value, checked by its type's rule.
    Value(fn(&Value) -> Result<(), RecordProblem>),
    /// An object.
    Object(&'static Fields),
    /// An object that may be left out or `null`.
    Optional(&'static Fields),
    /// A list of this many answers, each `null` or the value.
    Answers(usize, fn(&Value) -> Result<(), RecordProblem>),
}

/// An object of the record format: serde's name for it, its keys in field order and what each
/// holds.
struct Fields {
    name: &'static str,
    keys: &'static [&'static str],
    shapes: &'static [Shape],
}

/// The rule of `T`, for [`Shape::Value`].
fn rule<T: FromJson>(value: &Value) -> Result<(), RecordProblem> {
    T::from_json(value).map(drop)
}

const SIGN: Shape = Shape::Value(rule::<SignGrade>);
const EASI_REGION: Fields = Fields {
    name: "EasiRegion",
    keys: &["area", "erythema", "edema_papulation", "excoriation", "lichenification"],
    shapes: &[Shape::Value(rule::<AreaScore>), SIGN, SIGN, SIGN, SIGN],
};
const REGION: Shape = Shape::Object(&EASI_REGION);
const EASI: Fields = Fields {
    name: "EasiRecord",
    keys: &["age_years", "regions"],
    shapes: &[
        Shape::Value(rule::<AgeYears>),
        Shape::Object(&Fields {
            name: "EasiRegions",
            keys: &["head_neck", "upper_limbs", "trunk", "lower_limbs"],
            shapes: &[REGION, REGION, REGION, REGION],
        }),
    ],
};

const PERCENT: Shape = Shape::Value(rule::<Tenths<100>>);
const GRADE: Shape = Shape::Value(rule::<Grade>);
const VAS: Shape = Shape::Value(rule::<Tenths<10>>);
const SCORAD: Fields = Fields {
    name: "ScoradRecord",
    keys: &["age_years", "extent", "intensity", "subjective"],
    shapes: &[
        Shape::Value(rule::<AgeYears>),
        Shape::Object(&Fields {
            name: "Extent",
            keys: &[
                "head_neck_front", "head_neck_back", "upper_limb_left_front", "upper_limb_left_back", "upper_limb_right_front",
                "upper_limb_right_back", "trunk_front", "trunk_back", "lower_limb_left_front", "lower_limb_left_back",
                "lower_limb_right_front", "lower_limb_right_back", "genitals",
            ],
            shapes: &[PERCENT, PERCENT, PERCENT, PERCENT, PERCENT, PERCENT, PERCENT, PERCENT, PERCENT, PERCENT, PERCENT, PERCENT, PERCENT],
        }),
        Shape::Object(&Fields {
            name: "Intensity",
            keys: &["erythema", "edema_papulation", "oozing_crusts", "excoriation", "lichenification", "dryness"],
            shapes: &[GRADE, GRADE, GRADE, GRADE, GRADE, GRADE],
        }),
        Shape::Optional(&Fields { name: "Subjective", keys: &["pruritus", "sleep_loss"], shapes: &[VAS, VAS] }),
    ],
};

const POEM: Fields = Fields { name: "PoemRecord", keys: &["answers"], shapes: &[Shape::Answers(7, rule::<PoemAnswer>)] };
const DLQI: Fields = Fields { name: "DlqiAnswers", keys: &["answers"], shapes: &[Shape::Answers(10, rule::<DlqiAnswer>)] };
const NRS: Fields = Fields { name: "NrsRecord", keys: &["value"], shapes: &[Shape::Value(rule::<NrsValue>)] };

/// Checks an object's keys in its order, then what is missing in field order.
fn object<'a>(entries: impl Iterator<Item = (&'a String, &'a Value)>, fields: &'static Fields) -> Result<(), RecordProblem> {
    let mut seen = vec![false; fields.keys.len()];
    for (key, value) in entries {
        let Some(i) = fields.keys.iter().position(|name| name == key) else {
            return Err(RecordProblem::Unknown(key.clone(), fields.keys));
        };
        seen[i] = true;
        shape(value, &fields.shapes[i])?;
    }
    let missing = (0..seen.len()).find(|&i| !seen[i] && !matches!(fields.shapes[i], Shape::Optional(_)));
    missing.map_or(Ok(()), |i| Err(RecordProblem::Missing(fields.keys[i])))
}

fn shape(value: &Value, shape_of: &Shape) -> Result<(), RecordProblem> {
    match (shape_of, value) {
        (Shape::Value(rule), _) => rule(value),
        (Shape::Optional(_), Value::Null) => Ok(()),
        (Shape::Object(fields) | Shape::Optional(fields), Value::Object(map)) => object(map.iter(), fields),
        (Shape::Object(fields) | Shape::Optional(fields), _) => {
            Err(RecordProblem::WrongType(Kind::of(value), Expected::Object(fields.name)))
        }
        (Shape::Answers(n, rule), Value::Array(items)) => {
            for item in items.iter().take(*n).filter(|item| !item.is_null()) {
                rule(item)?;
            }
            match items.len() {
                len if len < *n => Err(RecordProblem::Length(len, *n)),
                len if len > *n => Err(RecordProblem::TooLong(len, *n)),
                _ => Ok(()),
            }
        }
        (Shape::Answers(n, _), _) => Err(RecordProblem::WrongType(Kind::of(value), Expected::List(*n))),
    }
}

/// Checks a whole record: an object with an instrument the format has, every key of that
/// instrument's record and nothing else, every value by its rule (and DLQI's item rule).
pub(crate) fn record(value: &Value) -> Result<(), RecordProblem> {
    super::reject_lists_for_objects(value)?;
    let map: &Map<String, Value> = value.as_object().ok_or(RecordProblem::NotObject)?;
    let instrument = match map.get("instrument") {
        None => return Err(RecordProblem::NoInstrument),
        Some(Value::String(name)) => name.as_str(),
        Some(other) => return Err(RecordProblem::WrongType(Kind::of(other), Expected::Instrument)),
    };
    let fields = match INSTRUMENT_KEYS.iter().position(|k| *k == instrument) {
        Some(0) => &EASI,
        Some(1) => &SCORAD,
        Some(2) => &POEM,
        Some(3) => &DLQI,
        Some(_) => &NRS,
        None => return Err(RecordProblem::UnknownInstrument(instrument.to_string())),
    };
    object(map.iter().filter(|(k, _)| k.as_str() != "instrument"), fields)?;
    if instrument == "dlqi" {
        let answers: Vec<Option<DlqiAnswer>> = map["answers"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| if a.is_null() { Ok(None) } else { DlqiAnswer::from_json(a).map(Some) })
            .collect::<Result<_, _>>()?;
        let answers = answers.try_into().map_err(|_| RecordProblem::Length(0, 10))?;
        DlqiRecord { answers }.check()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::Assessment;
    use serde::de::DeserializeOwned;

    /// The reader's sentence without the place serde adds to some ("… at line 1 column 20").
    fn reader(text: &str) -> String {
        let why = Assessment::from_json(text).expect_err(text).to_string();
        why.split(" at line ").next().unwrap_or_default().to_string()
    }

    #[test]
    fn the_named_problem_is_the_readers_sentence() {
        // Assemble: records with one problem or several (the first in key order is named).
        let easi = r#"{"instrument":"easi","age_years":34,"regions":{"head_neck":{"area":2,"erythema":1.5,"edema_papulation":1,"excoriation":0,"lichenification":1},"upper_limbs":{"area":3,"erythema":2,"edema_papulation":2,"excoriation":1,"lichenification":2},"trunk":{"area":1,"erythema":1,"edema_papulation":1,"excoriation":0,"lichenification":0},"lower_limbs":{"area":0,"erythema":0,"edema_papulation":0,"excoriation":0,"lichenification":0}}}"#;
        let scorad = r#"{"instrument":"scorad","age_years":34,"extent":{"head_neck_front":20,"head_neck_back":0,"upper_limb_left_front":30,"upper_limb_left_back":10,"upper_limb_right_front":30,"upper_limb_right_back":10,"trunk_front":5,"trunk_back":0,"lower_limb_left_front":0,"lower_limb_left_back":0,"lower_limb_right_front":0,"lower_limb_right_back":0,"genitals":0},"intensity":{"erythema":2,"edema_papulation":1,"oozing_crusts":0,"excoriation":1,"lichenification":1,"dryness":2},"subjective":{"pruritus":6.5,"sleep_loss":3}}"#;
        let records = [
            "7".to_string(),
            r#"["itch_nrs",7]"#.into(),
            r#"{"value":3}"#.into(),
            r#"{"instrument":"pasi"}"#.into(),
            r#"{"instrument":7}"#.into(),
            r#"{"instrument":"itch_nrs"}"#.into(),
            r#"{"instrument":"itch_nrs","value":7,"extra":1}"#.into(),
            r#"{"instrument":"itch_nrs","value":11}"#.into(),
            r#"{"instrument":"itch_nrs","value":-1}"#.into(),
            r#"{"instrument":"itch_nrs","value":7.5}"#.into(),
            r#"{"instrument":"itch_nrs","value":"7"}"#.into(),
            r#"{"instrument":"itch_nrs","value":null}"#.into(),
            r#"{"instrument":"itch_nrs","value":true}"#.into(),
            r#"{"instrument":"itch_nrs","value":{}}"#.into(),
            r#"{"instrument":"poem","answers":[1,2,3]}"#.into(),
            r#"{"instrument":"poem","answers":[1,2,3,4,4,4,4,4]}"#.into(),
            r#"{"instrument":"poem","answers":[1,2,3,4,5,6,7,8]}"#.into(),
            r#"{"instrument":"poem","answers":[1,2,null,4,"x",4,4]}"#.into(),
            r#"{"instrument":"poem","answers":{"a":1}}"#.into(),
            r#"{"instrument":"poem","answers":7}"#.into(),
            r#"{"instrument":"dlqi","answers":[1,2,3,1,1,1,"x",1,1,1]}"#.into(),
            r#"{"instrument":"dlqi","answers":[1,2,3,1,1,1,4,1,1,1]}"#.into(),
            r#"{"instrument":"dlqi","answers":[1,2,3,1,1,1,1.5,1,1,1]}"#.into(),
            r#"{"instrument":"dlqi","answers":[1,"not_relevant",3,1,1,1,1,1,1,1]}"#.into(),
            r#"{"instrument":"dlqi","answers":[1,2,3,1,1,1,1,1,1,1],"note":"x"}"#.into(),
            easi.replace(r#""erythema":1.5"#, r#""erythema":0.5"#),
            easi.replace(r#""erythema":1.5"#, r#""erythema":3.5"#),
            easi.replace(r#""erythema":1.5"#, r#""erythema":"1""#),
            easi.replace(r#""area":2"#, r#""area":7"#),
            easi.replace(r#""area":2"#, r#""area":2.0"#),
            easi.replace(r#""area":2,"#, ""),
            easi.replace(r#""area":2"#, r#""colour":1,"area":2"#),
            easi.replace(r#""age_years":34"#, r#""age_years":131"#),
            easi.replace(r#""trunk":{"#, r#""buttocks":{"area":1},"trunk":{"#),
            easi.replace(r#","regions":{"#, r#","regions":7,"x":{"#),
            easi.replace(r#""area":2"#, r#""area":7"#).replace(r#""age_years":34"#, r#""age_years":131"#),
            scorad.replace(r#""trunk_front":5"#, r#""trunk_front":12.34"#),
            scorad.replace(r#""trunk_front":5"#, r#""trunk_front":100.5"#),
            scorad.replace(r#""trunk_front":5"#, r#""trunk_front":-2"#),
            scorad.replace(r#""pruritus":6.5"#, r#""pruritus":10.5"#),
            scorad.replace(r#""dryness":2"#, r#""dryness":4"#),
            scorad.replace(r#""dryness":2"#, r#""dryness":1.5"#),
            scorad.replace(r#""subjective":{"pruritus":6.5,"sleep_loss":3}"#, r#""subjective":7"#),
            scorad.replace(r#","sleep_loss":3"#, ""),
            scorad.replace(r#""genitals":0"#, r#""genitals":0,"feet":1"#),
            scorad.replace(r#""trunk_front":5"#, r#""trunk_front":[5]"#),
        ];
        for text in &records {
            // The reader is given the record as the `Value` writes it, as an import does.
            let value: Value = serde_json::from_str(text).expect(text);
            let written = value.to_string();
            // Act
            let problem = Assessment::problem(&value);
            // Assert
            let problem = problem.unwrap_or_else(|| panic!("no problem named for {text}"));
            assert_eq!(format!("invalid assessment record: {problem}"), reader(&written), "{text}");
        }
        // A valid record has none.
        for text in [easi, scorad, r#"{"instrument":"poem","answers":[1,null,3,4,4,4,4]}"#] {
            assert_eq!(Assessment::problem(&serde_json::from_str(text).unwrap()), None, "{text}");
        }
    }

    /// A value read by `FromJson` and by serde from the same JSON, with the same outcome.
    fn same<T: FromJson + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &Value) {
        let ours = T::from_json(value).map_err(|e| e.to_string());
        let serdes = serde_json::from_value::<T>(value.clone()).map_err(|e| e.to_string());
        assert_eq!(ours, serdes, "{value} as {}", std::any::type_name::<T>());
    }

    #[test]
    fn a_value_is_read_as_the_records_reader_reads_it() {
        // Assemble: what a batch cell can hold, and more.
        let values = serde_json::json!([0, 1, 3, 4, 7, 11, 131, 300, -1, 0.5, 1.5, 2.0, 2.5, 6.55, 12.34, 100.5, "not_relevant", "x", true, null, [1], {}]);
        for value in values.as_array().unwrap() {
            // Act / Assert
            same::<AgeYears>(value);
            same::<AreaScore>(value);
            same::<SignGrade>(value);
            same::<Tenths<100>>(value);
            same::<Tenths<10>>(value);
            same::<Grade>(value);
            same::<PoemAnswer>(value);
            same::<DlqiAnswer>(value);
            same::<NrsValue>(value);
        }
    }
}
