//! The history file: JSON export and import (`docs/history-format.md`).
//!
//! Import never trusts the file: it checks the size, the format name and the version
//! (a newer version is refused, an older one migrated), reads every assessment through the
//! record format's own reader (`Assessment::from_json`), then checks the history as a whole
//! (`History::validate`). It returns a new `History` and changes nothing; merging into the
//! history on the device is `merge::plan_merge` / `merge::apply_merge`.

use super::{History, Violation, FORMAT, VERSION};
use crate::scoring::{Assessment, RecordProblem};
use serde_json::Value;

/// Largest file accepted by [`from_json`] and `batch::score_csv` (20 MiB).
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

/// Why a file could not be imported. What is wrong with the file as a whole, and a broken rule
/// of the history ([`ImportError::Broken`]), are named, so that the screens can say them in
/// their language (`RecordsStrings::import_error`); a broken rule of the record format, or a
/// shape the reader refuses ([`ImportError::Invalid`]), is the core's English sentence, which
/// names the visit, the assessment and the field as `docs/history-format.md` does. `Display` is the English sentence of each: the screens' English (one text for both),
/// with the JSON reader's own words and what the file holds instead where the screens give only
/// the place or the kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than `limit` bytes (`size` bytes).
    TooLarge {
        /// The file's size in bytes.
        size: usize,
        /// The largest size accepted, in bytes.
        limit: usize,
    },
    /// The browser could not read the file (its own message).
    Unreadable(String),
    /// Nothing but white space.
    Empty,
    /// JSON that stops before it is complete, at line `line`, column `column`.
    CutShort {
        /// Line of the end (from 1).
        line: usize,
        /// Column of the end (from 1).
        column: usize,
    },
    /// Not JSON: where the reader stopped, and its own description (English).
    NotJson {
        /// Line (from 1).
        line: usize,
        /// Column (from 1).
        column: usize,
        /// The JSON reader's description.
        detail: String,
    },
    /// One assessment record (the record format), not a history file.
    SingleRecord,
    /// A FHIR resource (adscore exports them but imports only its own history files).
    Fhir,
    /// Not JSON, and its first line reads like a CSV header (a CSV export, or a batch-scoring
    /// file chosen for the import).
    Csv,
    /// JSON, but not an adscore history: the English sentence says what it holds instead.
    NotHistory(String),
    /// A history written by a newer version of adscore (this history format `version`).
    Newer {
        /// The file's history format version.
        version: u64,
    },
    /// A history whose shape the reader refuses, or with an assessment the record format's reader
    /// refuses and whose problem is not named (the reader's English sentence).
    Invalid(String),
    /// An assessment the record format's reader refuses: where it is and its problem, named.
    Record {
        /// The visit's place in the file (from 1).
        visit: usize,
        /// The visit's id ("?" when it has none).
        id: String,
        /// The assessment's place in the visit (from 1).
        assessment: usize,
        /// The problem, named for every language (`Display`: the reader's sentence, without the
        /// place in the record's text that serde adds to a problem with the instrument's name).
        problem: RecordProblem,
    },
    /// A history that breaks a rule of the history ([`History::validate`]).
    Broken(Violation),
    /// A history file with no `"version"`.
    NoVersion,
    /// A `"version"` that is not a whole number (the value as written).
    VersionNotWhole(String),
    /// `"version": 0` (versions start at 1).
    VersionZero,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::NotJson { detail, .. } => write!(f, "the file is not valid JSON: {detail}"),
            ImportError::NotHistory(why) => write!(f, "not an adscore history: {why}"),
            ImportError::Invalid(why) => f.write_str(why),
            _ => f.write_str(&crate::i18n::Lang::En.records_strings().import_error(self)),
        }
    }
}

/// `n` bytes as "12.3 MB" (MiB, one decimal).
pub fn megabytes(n: usize) -> String {
    format!("{:.1} MB", n as f64 / (1024.0 * 1024.0))
}

/// The history as JSON, one patient or visit per line:
///
/// ```text
/// {
///   "format": "adscore-history",
///   "version": 2,
///   "patients": [
///     {"code":"AD-017","dob":"2016-05-20"}
///   ],
///   "visits": [
///     {"id":"AD-017-2024-03-01-1","patient":"AD-017","date":"2024-03-01",…}
///   ]
/// }
/// ```
///
/// Readable and diff-friendly, yet nearly as small as [`to_json_compact`] (a fully
/// pretty-printed file is about twice as large, which matters under [`MAX_IMPORT_BYTES`]).
/// Stable: keys in the documented order, patients and visits in stored order, numbers as the
/// record format writes them, so the same history always gives the same text.
pub fn to_json(history: &History) -> String {
    let list = |items: Vec<String>| {
        if items.is_empty() {
            "[]".to_string()
        } else {
            format!("[\n    {}\n  ]", items.join(",\n    "))
        }
    };
    let patients = list(history.patients.iter().map(line).collect());
    let visits = list(history.visits.iter().map(line).collect());
    format!(
        "{{\n  \"format\": {},\n  \"version\": {},\n  \"patients\": {patients},\n  \"visits\": {visits}\n}}\n",
        serde_json::to_string(&history.format).expect("strings serialize"),
        history.written_version()
    )
}

/// One value as a single line of compact JSON.
fn line<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("histories always serialize")
}

/// The history as compact JSON (no whitespace): the same content as [`to_json`], smallest, for
/// the device's own store. Both write [`History::written_version`].
pub fn to_json_compact(history: &History) -> String {
    /// [`History`]'s keys, in its order, with the version it is written as.
    #[derive(serde::Serialize)]
    struct Written<'a> {
        format: &'a str,
        version: u32,
        patients: &'a [super::Patient],
        visits: &'a [super::Visit],
    }
    let written = Written { format: &history.format, version: history.written_version(), patients: &history.patients, visits: &history.visits };
    serde_json::to_string(&written).expect("histories always serialize")
}

/// Reads a history file. `Err` with a sentence saying what is wrong when the file is too
/// large, not JSON (or cut short), not an adscore history, from a newer version of the app,
/// or breaks any rule of the record format or of the history (`docs/history-format.md`).
/// An older version is migrated to [`VERSION`].
pub fn from_json(text: &str) -> Result<History, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { size: text.len(), limit: MAX_IMPORT_BYTES });
    }
    read_checked(text)
}

/// Reads the device's own stored history, which this app wrote ([`to_json_compact`]),
/// however large it has grown (the size limit is for files chosen by the user).
///
/// First the quick way: one typed read and [`History::validate`] (every range, key and rule
/// of the record format but one: the typed reader would also take an object written as a
/// list, which this app never writes). Anything else — an older version, damage, a hand-made
/// store — takes every check of [`from_json`] and its explanation.
pub fn from_store(text: &str) -> Result<History, String> {
    if let Ok(mut history) = serde_json::from_str::<History>(text) {
        // Written as the oldest version that holds it: an older version that holds nothing
        // newer is read as the current one (migrating it would change nothing in it).
        if history.version < VERSION && history.written_version() <= history.version {
            history.version = VERSION;
        }
        if history.validate().is_ok() {
            return Ok(history);
        }
    }
    read_checked(text).map_err(|why| why.to_string())
}

/// Every check of [`from_json`] except the size limit.
fn read_checked(text: &str) -> Result<History, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        let first = text.lines().next().unwrap_or("");
        if e.is_eof() {
            ImportError::CutShort { line, column }
        } else if !first.trim_start().starts_with(['{', '[']) && first.contains([',', ';', '\t']) {
            ImportError::Csv
        } else {
            ImportError::NotJson { line, column, detail: e.to_string() }
        }
    })?;
    let version = check_header(&value)?;
    // A migrated file is read from its `Value`, which keeps only the last of a key written twice:
    // its text is checked for those first.
    if version < VERSION {
        serde_json::from_str::<NoDuplicateKeys>(text).map_err(|e| ImportError::Invalid(format!("not a valid adscore history: {e}")))?;
    }
    let (value, migrated) = if version < VERSION { (migrate(value, version).map_err(ImportError::Invalid)?, true) } else { (value, false) };
    // One typed read, after the shape checks it cannot make; only when that fails is every
    // assessment read again on its own (slow), to say which one is wrong in the record
    // reader's words. Either way the first wrong assessment in file order is named.
    // The typed history is read from the text when it was not migrated: the text reader also
    // refuses duplicate keys, which the `Value` has already merged.
    let read = if shapes_ok(&value) {
        if migrated { serde_json::from_value(value.clone()) } else { serde_json::from_str(text) }.map_err(|e| e.to_string())
    } else {
        Err(String::new())
    };
    let history: History =
        read.map_err(|e| check_assessments(&value).err().unwrap_or_else(|| ImportError::Invalid(format!("not a valid adscore history: {e}"))))?;
    history.validate().map_err(ImportError::Broken)?;
    Ok(history)
}

/// Checks the format name and returns the version (1 ≤ version ≤ [`VERSION`]).
fn check_header(value: &Value) -> Result<u32, ImportError> {
    let Value::Object(map) = value else {
        return Err(ImportError::NotHistory(format!(
            "the file holds a JSON {}, not an object with \"format\": \"{FORMAT}\"",
            kind(value)
        )));
    };
    match map.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(ImportError::NotHistory(format!("\"format\" is {other}, expected \"{FORMAT}\"")));
        }
        None if map.contains_key("instrument") => return Err(ImportError::SingleRecord),
        None if map.get("resourceType").is_some() => return Err(ImportError::Fhir),
        None => return Err(ImportError::NotHistory(format!("there is no \"format\": \"{FORMAT}\""))),
    }
    let version = match map.get("version") {
        None => return Err(ImportError::NoVersion),
        Some(Value::Number(n)) => n.as_u64().ok_or_else(|| ImportError::VersionNotWhole(n.to_string()))?,
        Some(other) => return Err(ImportError::VersionNotWhole(other.to_string())),
    };
    if version > u64::from(VERSION) {
        return Err(ImportError::Newer { version });
    }
    if version == 0 {
        return Err(ImportError::VersionZero);
    }
    Ok(version as u32)
}

/// Upgrades a history of `from` (< [`VERSION`]) to [`VERSION`], one version at a time. Each
/// step is documented in `docs/history-format.md` ("Versions and migrations").
pub fn migrate(value: Value, from: u32) -> Result<Value, String> {
    (from..VERSION).try_fold(value, migrate_step)
}

/// One migration step, from version `from` to `from + 1` (which also sets `"version"`).
///
/// 1 → 2: version 2 adds the visit's optional `reported_by`; a version 1 visit has none (it
/// was an unknown key then, and is refused as one), so the visits are kept as they are.
fn migrate_step(mut value: Value, from: u32) -> Result<Value, String> {
    match from {
        1 => {
            if let Some(Value::Array(visits)) = value.get("visits") {
                if let Some(visit) = visits.iter().find(|v| v.get("reported_by").is_some()) {
                    let id = visit.get("id").and_then(Value::as_str).unwrap_or("?");
                    return Err(format!("visit {id}: unknown field `reported_by` in a version 1 history (it was added in version 2)"));
                }
            }
        }
        _ => return Err(format!("no migration from history format version {from}")),
    }
    if let Some(map) = value.as_object_mut() {
        map.insert("version".into(), Value::from(from + 1));
    }
    Ok(value)
}

/// Any JSON with no key written twice in one object (`Err` names the first such key, as serde's
/// typed reader does: "duplicate field `value`").
struct NoDuplicateKeys;

impl<'de> serde::Deserialize<'de> for NoDuplicateKeys {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NoDuplicateKeys)
    }
}

impl<'de> serde::de::Visitor<'de> for NoDuplicateKeys {
    type Value = NoDuplicateKeys;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_unit<E>(self) -> Result<Self, E> {
        Ok(self)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<NoDuplicateKeys>()?.is_some() {}
        Ok(self)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self, A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            map.next_value::<NoDuplicateKeys>()?;
            if !seen.insert(key.clone()) {
                return Err(serde::de::Error::custom(format!("duplicate field `{key}`")));
            }
        }
        Ok(self)
    }
}

/// Every assessment of the history `value`, with its place: (visit index, visit id, index).
fn assessments(value: &Value) -> impl Iterator<Item = (usize, &str, usize, &Value)> {
    let visits = match value.get("visits") {
        Some(Value::Array(visits)) => visits.as_slice(),
        _ => &[],
    };
    visits.iter().enumerate().flat_map(|(i, visit)| {
        let id = visit.get("id").and_then(Value::as_str).unwrap_or("?");
        let list = match visit.get("assessments") {
            Some(Value::Array(list)) => list.as_slice(),
            _ => &[],
        };
        list.iter().enumerate().map(move |(j, assessment)| (i, id, j, assessment))
    })
}

/// Whether every assessment passes the checks of `Assessment::from_json` that the typed
/// reader does not make ([`Assessment::check_shape`]); with the typed reader they refuse
/// exactly what `from_json` refuses.
fn shapes_ok(value: &Value) -> bool {
    assessments(value).all(|(_, _, _, assessment)| Assessment::check_shape(assessment).is_ok())
}

/// Runs every assessment through the record format's reader, so that an import refuses
/// exactly what `Assessment::from_json` refuses, with its message and the assessment's place,
/// and the problem named (`Assessment::problem`, which walks the record in the order of the
/// text the reader is given here). Slow (each record is written out and read again): used only
/// to explain a failed read.
fn check_assessments(value: &Value) -> Result<(), ImportError> {
    for (i, id, j, assessment) in assessments(value) {
        if let Err(why) = Assessment::from_json(&assessment.to_string()) {
            return Err(match Assessment::problem(assessment) {
                Some(problem) => ImportError::Record { visit: i + 1, id: id.to_string(), assessment: j + 1, problem },
                None => ImportError::Invalid(format!("visit {} (id {id:?}), assessment {}: {why}", i + 1, j + 1)),
            });
        }
    }
    Ok(())
}

/// "object", "list", … for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false value",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_history_round_trips() {
        let history = History::default();
        assert_eq!(from_json(&to_json(&history)), Ok(history.clone()));
        assert_eq!(from_json(&to_json_compact(&history)), Ok(history));
    }

    /// A history with one visit holding `assessment`.
    fn one_visit(assessment: &str) -> String {
        format!(
            r#"{{"format":"adscore-history","version":1,"patients":[{{"code":"A"}}],"visits":[{{"id":"v1","patient":"A","date":"2024-01-01","label":"week 0","assessments":[{assessment}],"global":{{}},"easi_bands":"leshem_2015","scorad_bands":"kunz_1997","app_version":"0.1.0"}}]}}"#
        )
    }

    #[test]
    fn the_store_reads_what_an_import_reads() {
        // Assemble
        let text = one_visit(r#"{"instrument":"itch_nrs","value":7}"#);
        // Act
        let stored = from_store(&text);
        // Assert
        assert_eq!(stored.as_ref().map(|h| h.visits.len()), Ok(1));
        assert_eq!(stored, from_json(&text).map_err(|e| e.to_string()));
    }

    #[test]
    fn the_store_refuses_what_an_import_refuses_in_the_same_words() {
        for assessment in [r#"{"instrument":"itch_nrs","value":11}"#, r#"{"instrument":"itch_nrs","value":7,"extra":1}"#] {
            // Assemble
            let text = one_visit(assessment);
            // Act
            let stored = from_store(&text);
            // Assert
            let why = stored.expect_err(assessment);
            assert!(why.starts_with("visit no. 1 in the file (id \"v1\"), assessment no. 1: "), "{why}");
            assert_eq!(from_json(&text).map_err(|e| e.to_string()), Err(why));
        }
    }

    #[test]
    fn what_is_wrong_with_the_file_as_a_whole_is_named() {
        // Assemble: (file, the problem it must be reported as).
        let cases = [
            ("  \n", ImportError::Empty),
            ("\u{feff}", ImportError::Empty),
            ("{\"format\":\"adscore-history\",\n\"version\":", ImportError::CutShort { line: 2, column: 10 }),
            (r#"{"instrument":"itch_nrs","value":7}"#, ImportError::SingleRecord),
            (r#"{"resourceType":"Bundle","type":"collection"}"#, ImportError::Fhir),
            ("patient,visit_id,date\r\nAD-1,v1,2026-01-05\r\n", ImportError::Csv),
            ("\u{feff}subject;instrument;poem_1\n", ImportError::Csv),
            (r#"{"format":"adscore-history","version":3,"patients":[],"visits":[]}"#, ImportError::Newer { version: 3 }),
        ];
        for (text, expected) in cases {
            // Act
            let got = from_json(text);
            // Assert
            assert_eq!(got, Err(expected), "{text:?}");
        }
    }

    #[test]
    fn not_json_and_not_a_history_keep_where_and_what() {
        // Act
        let not_json = from_json("{\n  \"format\": 'adscore-history'\n}").unwrap_err();
        let a_list = from_json("[1, 2]").unwrap_err();
        let other_format = from_json(r#"{"format":"other","version":1}"#).unwrap_err();
        let too_large = from_json(&" ".repeat(MAX_IMPORT_BYTES + 1)).unwrap_err();
        // Assert: the place for every language, the reader's own words for the English sentence.
        let ImportError::NotJson { line: 2, column: 13, detail } = &not_json else { panic!("{not_json:?}") };
        assert_eq!(not_json.to_string(), format!("the file is not valid JSON: {detail}"));
        assert!(detail.contains("line 2 column 13"), "{detail}");
        assert!(matches!(&a_list, ImportError::NotHistory(why) if why.contains("a JSON list")), "{a_list:?}");
        assert!(matches!(&other_format, ImportError::NotHistory(why) if why.contains("\"format\" is \"other\"")), "{other_format:?}");
        assert_eq!(too_large, ImportError::TooLarge { size: MAX_IMPORT_BYTES + 1, limit: MAX_IMPORT_BYTES });
        assert_eq!(too_large.to_string(), "the file is too large to import (20.0 MB; the limit is 20.0 MB)");
    }

    #[test]
    fn a_broken_rule_of_the_record_format_is_named_with_the_readers_sentence() {
        // Act
        let why = from_json(&one_visit(r#"{"instrument":"itch_nrs","value":11}"#)).unwrap_err();
        // Assert
        let ImportError::Record { visit: 1, id, assessment: 1, problem } = &why else { panic!("{why:?}") };
        assert_eq!(id, "v1");
        assert_eq!(problem, &RecordProblem::Value(crate::scoring::ValueProblem::Whole(crate::scoring::Whole::Nrs, crate::scoring::Got::Unsigned(11))));
        assert_eq!(why.to_string(), "visit no. 1 in the file (id \"v1\"), assessment no. 1: invalid assessment record: NRS value must be an integer 0–10, got 11");
    }

    #[test]
    fn a_broken_rule_of_the_history_is_named() {
        // Assemble: the patient twice; then a visit of a patient the file does not hold.
        let twice = one_visit(r#"{"instrument":"itch_nrs","value":7}"#).replace(r#"[{"code":"A"}]"#, r#"[{"code":"A"},{"code":"A"}]"#);
        let stranger = one_visit(r#"{"instrument":"itch_nrs","value":7}"#).replace(r#""patient":"A""#, r#""patient":"B""#);
        // Act
        let (twice, stranger) = (from_json(&twice).unwrap_err(), from_json(&stranger).unwrap_err());
        // Assert: named for every language; the English sentence as before.
        assert_eq!(twice, ImportError::Broken(Violation::PatientTwice("A".into())));
        assert_eq!(twice.to_string(), "not a valid adscore history: patient A appears twice");
        assert_eq!(stranger, ImportError::Broken(Violation::NotInFile { visit: "v1".into(), patient: "B".into() }));
        assert_eq!(stranger.to_string(), r#"not a valid adscore history: visit v1 belongs to patient "B", who is not in the file"#);
    }

    #[test]
    fn migrate_from_the_current_version_is_identity() {
        let value = serde_json::json!({"format": FORMAT, "version": VERSION});
        assert_eq!(migrate(value.clone(), VERSION), Ok(value));
    }

    #[test]
    fn a_version_1_history_reads_as_version_2_and_is_written_as_the_oldest_version_that_holds_it() {
        // Assemble: a version 1 file (itch NRS and a global rating: no `reported_by` then).
        let v1 = one_visit(r#"{"instrument":"itch_nrs","value":7}"#).replace(r#""global":{}"#, r#""global":{"status":3}"#);
        assert!(v1.contains(r#""version":1,"#));
        // Act
        let mut history = from_json(&v1).unwrap();
        // Assert: version 2 in the app, the visit as it was; written back as version 1 (nothing in
        // it needs 2, so an adscore that reads only version 1 still opens it), by both writers.
        assert_eq!(history.version, 2);
        assert_eq!((history.visits[0].reported_by, history.visits[0].global.status), (None, Some(3)));
        assert!(to_json(&history).contains("\"version\": 1,"));
        assert!(to_json_compact(&history).starts_with(r#"{"format":"adscore-history","version":1,"#));
        assert_eq!(from_store(&v1), Ok(history.clone()));
        assert_eq!(from_store(&to_json_compact(&history)), Ok(history.clone()));
        // Once a visit says who answered, version 2 is written, and read back as it was.
        history.visits[0].reported_by = Some(crate::history::Reporter::Patient);
        assert!(to_json(&history).contains("\"version\": 2,"));
        assert_eq!(from_store(&to_json_compact(&history)), Ok(history.clone()));
        assert_eq!(from_json(&to_json(&history)), Ok(history));
    }

    #[test]
    fn a_version_1_history_with_a_key_written_twice_is_refused_as_a_current_one_is() {
        // A migrated file is read from its parsed value, which keeps only the last of the two.
        let twice = one_visit(r#"{"instrument":"itch_nrs","value":7,"value":8}"#);
        let error = from_json(&twice).unwrap_err().to_string();
        assert!(error.contains("duplicate field `value`"), "{error}");
        assert!(from_store(&twice).unwrap_err().contains("duplicate field `value`"));
        let error = from_json(&twice.replace(r#""version":1"#, r#""version":2"#)).unwrap_err().to_string();
        assert!(error.contains("duplicate field `value`"), "{error}");
    }

    #[test]
    fn a_version_1_history_with_the_version_2_key_is_refused() {
        let v1 = one_visit(r#"{"instrument":"itch_nrs","value":7}"#).replace(r#""global":{}"#, r#""global":{},"reported_by":"parent""#);
        let error = from_json(&v1).unwrap_err().to_string();
        assert!(error.contains("visit v1: unknown field `reported_by` in a version 1 history"), "{error}");
        let v2 = v1.replace(r#""version":1"#, r#""version":2"#);
        assert_eq!(from_json(&v2).unwrap().visits[0].reported_by, Some(crate::history::Reporter::Parent));
    }
}
