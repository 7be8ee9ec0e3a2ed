//! The history file: JSON export and import (`docs/history-format.md`).
//!
//! Import never trusts the file: it checks the size, the format name and the version
//! (a newer version is refused, an older one migrated), reads every assessment through the
//! record format's own reader (`Assessment::from_json`), then checks the history as a whole
//! (`History::validate`). It returns a new `History` and changes nothing; merging into the
//! history on the device is `merge::plan_merge` / `merge::apply_merge`.

use super::{History, FORMAT, VERSION};
use crate::scoring::Assessment;
use serde_json::Value;

/// Largest file accepted by [`from_json`] and `batch::score_csv` (20 MiB).
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;

/// The history as JSON, one patient or visit per line:
///
/// ```text
/// {
///   "format": "adscore-history",
///   "version": 1,
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
        history.version
    )
}

/// One value as a single line of compact JSON.
fn line<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("histories always serialize")
}

/// The history as compact JSON (no whitespace): the same content as [`to_json`], smallest, for
/// the device's own store.
pub fn to_json_compact(history: &History) -> String {
    serde_json::to_string(history).expect("histories always serialize")
}

/// `n` bytes as "12.3 MB" (MiB, one decimal).
fn megabytes(n: usize) -> String {
    format!("{:.1} MB", n as f64 / (1024.0 * 1024.0))
}

/// Reads a history file. `Err` with a sentence saying what is wrong when the file is too
/// large, not JSON (or cut short), not an adscore history, from a newer version of the app,
/// or breaks any rule of the record format or of the history (`docs/history-format.md`).
/// An older version is migrated to [`VERSION`].
pub fn from_json(text: &str) -> Result<History, String> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(format!(
            "the file is too large to import ({}; the limit is {})",
            megabytes(text.len()),
            megabytes(MAX_IMPORT_BYTES)
        ));
    }
    from_store(text)
}

/// Reads the device's own stored history: every check of [`from_json`] except the size
/// limit, which is for files chosen by the user — the store holds what this app wrote,
/// however large the history has grown.
pub fn from_store(text: &str) -> Result<History, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err("the file is empty".into());
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            format!(
                "the file ends too early (line {}, column {}): it is probably cut short — \
                 an incomplete download or copy",
                e.line(),
                e.column()
            )
        } else {
            format!("the file is not valid JSON: {e}")
        }
    })?;
    let version = check_header(&value)?;
    let (value, migrated) = if version < VERSION { (migrate(value, version)?, true) } else { (value, false) };
    check_assessments(&value)?;
    // Read the typed history from the text when it was not migrated: the text reader also
    // refuses duplicate keys, which the `Value` has already merged.
    let history: History = if migrated { serde_json::from_value(value) } else { serde_json::from_str(text) }
        .map_err(|e| format!("not a valid adscore history: {e}"))?;
    history.validate().map_err(|why| format!("not a valid adscore history: {why}"))?;
    Ok(history)
}

/// Checks the format name and returns the version (1 ≤ version ≤ [`VERSION`]).
fn check_header(value: &Value) -> Result<u32, String> {
    let Value::Object(map) = value else {
        return Err(format!(
            "not an adscore history: the file holds a JSON {}, not an object with \"format\": \"{FORMAT}\"",
            kind(value)
        ));
    };
    match map.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(format!("not an adscore history: \"format\" is {other}, expected \"{FORMAT}\""));
        }
        None if map.contains_key("instrument") => {
            return Err("this is a single assessment record, not an adscore history file".into());
        }
        None if map.get("resourceType").is_some() => {
            return Err("this is a FHIR resource; adscore imports its own history files only".into());
        }
        None => return Err(format!("not an adscore history: there is no \"format\": \"{FORMAT}\"")),
    }
    let version = match map.get("version") {
        None => return Err("the history has no \"version\"".into()),
        Some(Value::Number(n)) => n.as_u64().ok_or_else(|| format!("\"version\" must be a whole number, got {n}"))?,
        Some(other) => return Err(format!("\"version\" must be a whole number, got {other}")),
    };
    if version > u64::from(VERSION) {
        return Err(format!(
            "this history was written by a newer version of adscore (history format version {version}); \
             this app reads versions 1 to {VERSION}. Update the app to import it"
        ));
    }
    if version == 0 {
        return Err("history format version 0 does not exist (versions start at 1)".into());
    }
    Ok(version as u32)
}

/// Upgrades a history of `from` (< [`VERSION`]) to [`VERSION`], one version at a time. Each
/// step is documented in `docs/history-format.md`. There is only version 1 so far, so
/// nothing is older; a step for version n → n + 1 goes here when version n + 1 exists.
pub fn migrate(value: Value, from: u32) -> Result<Value, String> {
    (from..VERSION).try_fold(value, migrate_step)
}

/// One migration step, from version `from` to `from + 1` (which also sets `"version"`).
/// Add `1 => …` here when version 2 is made.
fn migrate_step(_value: Value, from: u32) -> Result<Value, String> {
    Err(format!("no migration from history format version {from}"))
}

/// Runs every assessment through the record format's reader, so that an import refuses
/// exactly what `Assessment::from_json` refuses, with its message and the assessment's place.
fn check_assessments(value: &Value) -> Result<(), String> {
    let Some(Value::Array(visits)) = value.get("visits") else { return Ok(()) };
    for (i, visit) in visits.iter().enumerate() {
        let Some(Value::Array(assessments)) = visit.get("assessments") else { continue };
        for (j, assessment) in assessments.iter().enumerate() {
            if let Err(why) = Assessment::from_json(&assessment.to_string()) {
                let id = visit.get("id").and_then(Value::as_str).unwrap_or("?");
                return Err(format!("visit {} (id {id:?}), assessment {}: {why}", i + 1, j + 1));
            }
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

    #[test]
    fn migrate_from_the_current_version_is_identity() {
        let value = serde_json::json!({"format": FORMAT, "version": VERSION});
        assert_eq!(migrate(value.clone(), VERSION), Ok(value));
    }
}
