//! The history file: JSON round trip and stability, and malformed imports — each an `Err`
//! with a clear message, and the history on the device unchanged.

use adscore::history::io::{from_json, from_store, to_json, to_json_compact, MAX_IMPORT_BYTES};
use adscore::history::merge::{apply_merge, plan_merge};
use adscore::history::{GlobalRatings, History, Patient, Reporter, Visit};
use adscore::scoring::{EasiBands, ScoradBands};
mod common;
use common::{EASI, SCORAD, POEM, DLQI, ITCH, SLEEP, record};


/// Two patients, three visits, every instrument, a label, global ratings, who answered, Chopra bands.
fn sample() -> History {
    let mut h = History::default();
    h.upsert_patient(Patient { code: "AD-017".into(), dob: Some("1990-04-02".into()), note: "note, with \"quotes\"".into() });
    h.upsert_patient(Patient::new("AD-018"));
    let mut v1 = Visit::new("AD-017-2024-01-10-1", "AD-017", "2024-01-10", [EASI, SCORAD, POEM, DLQI, ITCH, SLEEP].map(record).to_vec());
    v1.label = "baseline".into();
    v1.global = GlobalRatings { status: Some(3), effect: None };
    v1.reported_by = Some(Reporter::Parent);
    let mut v2 = Visit::new("AD-017-2024-02-07-1", "AD-017", "2024-02-07", vec![record(EASI), record(ITCH)]);
    v2.label = "week 4".into();
    v2.easi_bands = EasiBands::Chopra2017;
    v2.scorad_bands = ScoradBands::Chopra2017;
    v2.global = GlobalRatings { status: Some(2), effect: Some(1) };
    let v3 = Visit::new("AD-018-2024-01-11-1", "AD-018", "2024-01-11", vec![record(POEM)]);
    for v in [v1, v2, v3] {
        h.add_visit(v).unwrap();
    }
    h
}

/// What the UI does with a chosen file: read it, plan, apply without overwriting.
fn import(existing: &mut History, text: &str) -> Result<(), String> {
    let incoming = from_json(text).map_err(|e| e.to_string())?;
    let plan = plan_merge(existing, &incoming);
    apply_merge(existing, &plan, false);
    Ok(())
}

/// Importing `text` fails with a message containing every one of `parts`, and the history
/// on the device is unchanged.
fn refused(text: &str, parts: &[&str]) -> String {
    let mut device = sample();
    let before = device.clone();
    let why = import(&mut device, text).expect_err("the import should fail");
    for part in parts {
        assert!(why.contains(part), "{why:?} should contain {part:?}");
    }
    assert_eq!(device, before, "a failed import changed the history");
    why
}

#[test]
fn json_round_trip_is_identity_and_stable() {
    // Assemble
    let h = sample();
    // Act
    let text = to_json(&h);
    let back = from_json(&text).unwrap();
    // Assert
    assert_eq!(back, h);
    assert_eq!(to_json(&back), text, "the same history gives the same text");
    assert!(text.starts_with("{\n  \"format\": \"adscore-history\",\n  \"version\": 2,"), "{}", &text[..60]);
    // One patient or visit per line: 2 patients + 3 visits + 8 lines of frame.
    assert_eq!(text.lines().count(), 13, "{text}");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), serde_json::to_value(&h).unwrap());
    assert_eq!(from_json(&to_json_compact(&h)).unwrap(), h);
}

#[test]
fn records_are_written_in_the_record_format() {
    // The EASI record inside the file is the documented record, key for key.
    let text = to_json_compact(&sample());
    assert!(text.contains(EASI), "{text}");
    assert!(text.contains(DLQI));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", to_json(&sample()));
    assert_eq!(from_json(&text), Ok(sample()));
}

#[test]
fn truncated_json_is_refused() {
    let text = to_json(&sample());
    refused(&text[..text.len() / 2], &["ends too early", "cut short"]);
    let without_last_brace = &text.trim_end()[..text.trim_end().len() - 1];
    refused(without_last_brace, &["cut short"]);
    refused("", &["empty"]);
}

#[test]
fn not_json_is_refused() {
    refused("format: adscore-history", &["not valid JSON", "line 1"]);
}

#[test]
fn wrong_format_name_is_refused() {
    let text = to_json(&sample()).replacen("\"adscore-history\"", "\"other-app\"", 1);
    refused(&text, &["not an adscore history", "\"other-app\""]);
    refused(r#"{"version":1,"patients":[],"visits":[]}"#, &["no \"format\""]);
    refused("[1,2]", &["list"]);
    refused(ITCH, &["single assessment record"]);
    refused(r#"{"resourceType":"Bundle","type":"collection","entry":[]}"#, &["FHIR"]);
}

#[test]
fn version_99_is_refused_as_newer() {
    let text = to_json(&sample()).replacen("\"version\": 2", "\"version\": 99", 1);
    refused(&text, &["newer version of adscore", "version 99", "reads versions 1 to 2"]);
}

#[test]
fn version_0_and_odd_versions_are_refused() {
    let text = to_json(&sample());
    refused(&text.replacen("\"version\": 2", "\"version\": 0", 1), &["version 0 does not exist"]);
    refused(&text.replacen("\"version\": 2", "\"version\": \"1\"", 1), &["\"version\" must be a whole number, got \"1\""]);
    refused(&text.replacen("\"version\": 2", "\"version\": 1.5", 1), &["whole number"]);
    refused(&text.replacen("  \"version\": 2,\n", "", 1), &["no \"version\""]);
}

#[test]
fn the_devices_own_store_has_no_size_limit() {
    // The same history padded past the import limit: refused as a file, read from the store.
    let text = format!("{}{}", " ".repeat(MAX_IMPORT_BYTES), to_json_compact(&sample()));
    assert!(from_json(&text).unwrap_err().to_string().contains("too large"));
    assert_eq!(from_store(&text), Ok(sample()));
    // Every other check still applies.
    assert!(from_store("{").unwrap_err().contains("cut short"));
}

#[test]
fn a_50_mb_file_is_refused_before_reading() {
    // Built here, never committed: 50 MiB of spaces around a valid history.
    let text = format!("{}{}", " ".repeat(50 * 1024 * 1024), to_json(&sample()));
    assert!(text.len() > MAX_IMPORT_BYTES);
    let started = std::time::Instant::now();
    refused(&text, &["too large", "50.0 MB", "limit is 20.0 MB"]);
    assert!(started.elapsed().as_secs() < 5, "the size check comes first");
}

#[test]
fn an_invalid_record_is_refused_with_its_place_and_the_record_formats_message() {
    let text = to_json_compact(&sample()).replacen("\"erythema\":1.5", "\"erythema\":0.5", 1);
    refused(&text, &["visit no. 1 in the file", "assessment no. 1", "EASI sign grade 0.5 is not allowed"]);
    // A list where the record format wants an object (which serde alone would accept).
    let list = to_json_compact(&sample()).replacen(
        r#""intensity":{"erythema":2,"edema_papulation":1,"oozing_crusts":0,"excoriation":1,"lichenification":0,"dryness":2}"#,
        r#""intensity":[2,1,0,1,0,2]"#,
        1,
    );
    refused(&list, &["`intensity` must be an object with named keys"]);
    // DLQI "not relevant" on item 1.
    let dlqi = to_json_compact(&sample()).replacen(r#""answers":[3,2,"not_relevant""#, r#""answers":["not_relevant",2,"not_relevant""#, 1);
    refused(&dlqi, &["DLQI item 1 has no \"not relevant\" option"]);
}

#[test]
fn structural_problems_are_refused() {
    let text = to_json_compact(&sample());
    refused(&text.replacen(r#""format":"adscore-history","#, r#""format":"adscore-history","format":"adscore-history","#, 1), &["duplicate field `format`"]);
    refused(&text.replacen(r#""version":2,"#, r#""version":2,"extra":true,"#, 1), &["unknown field `extra`"]);
    refused(&text.replacen(r#""date":"2024-02-07""#, r#""date":"07/02/2024""#, 1), &["YYYY-MM-DD"]);
    refused(&text.replacen(r#""code":"AD-018""#, r#""code":"AD-017""#, 1), &["AD-017 appears twice"]);
    refused(&text.replacen(r#""patient":"AD-018""#, r#""patient":"AD-999""#, 1), &["AD-999", "not in the file"]);
    refused(&text.replacen(r#""id":"AD-017-2024-02-07-1""#, r#""id":"AD-017-2024-01-10-1""#, 1), &["two visits have the id"]);
    // Same patient, date and instrument in two visits.
    refused(&text.replacen(r#""date":"2024-02-07""#, r#""date":"2024-01-10""#, 1), &["two EASI assessments on 2024-01-10"]);
    refused(&text.replacen(r#""status":3"#, r#""status":9"#, 1), &["status must be 0–4"]);
    refused(&text.replacen(r#""reported_by":"parent""#, r#""reported_by":"nurse""#, 1), &["unknown variant `nurse`, expected `patient` or `parent`"]);
}

#[test]
fn a_valid_import_merges() {
    // The control for the refusals above: the same path accepts the unmodified file.
    let mut device = History::default();
    import(&mut device, &to_json(&sample())).unwrap();
    assert_eq!(device, sample());
}
