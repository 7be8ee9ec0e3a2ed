//! CSV export (one row per assessment, documented columns, RFC 4180, CRLF, optional BOM) and
//! batch scoring (every valid row scored, every bad row listed with its line and reason).

use adscore::history::batch::{score_csv, template};
use adscore::history::csv::{columns, item_columns, parse, to_csv, CHANGE_COLUMNS, RESULT_COLUMNS};
use adscore::history::io::MAX_IMPORT_BYTES;
use adscore::history::{GlobalRatings, History, Patient, Reporter, Visit};
use adscore::scoring::{EasiBands, ScoradBands};
use std::collections::HashMap;
mod common;
use common::{EASI, SCORAD, POEM, DLQI, ITCH, record};



fn sample() -> History {
    let mut h = History::default();
    h.upsert_patient(Patient { code: "AD-017".into(), dob: Some("1990-04-02".into()), note: "private note".into() });
    h.upsert_patient(Patient::new("=HYPERLINK(\"x\")"));
    let mut v1 = Visit::new("v1", "AD-017", "2024-01-10", [ITCH, DLQI, POEM, SCORAD, EASI].map(record).to_vec());
    v1.label = "baseline, \"first\"".into();
    v1.global = GlobalRatings { status: Some(3), effect: Some(2) };
    v1.reported_by = Some(Reporter::Parent);
    let mut v2 = Visit::new("v2", "=HYPERLINK(\"x\")", "2024-01-11", vec![record(EASI)]);
    v2.easi_bands = EasiBands::Chopra2017;
    v2.scorad_bands = ScoradBands::Chopra2017;
    h.add_visit(v1).unwrap();
    h.add_visit(v2).unwrap();
    h
}

/// The CSV's rows as maps from column name to cell, with each row's line.
fn rows(text: &str) -> Vec<(usize, HashMap<String, String>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (records, error) = parse(text, b',');
    assert_eq!(error, None);
    let header = records[0].fields.clone();
    records[1..]
        .iter()
        .map(|r| {
            assert_eq!(r.fields.len(), header.len(), "line {}", r.line);
            (r.line, header.iter().cloned().zip(r.fields.iter().cloned()).collect())
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

#[test]
fn export_has_one_row_per_assessment_with_every_documented_column() {
    // Act
    let text = to_csv(&sample(), false);
    let rows = rows(&text);
    // Assert: 5 + 1 assessments; the header is `columns()`.
    assert_eq!(rows.len(), 6);
    let header = text.split("\r\n").next().unwrap();
    assert_eq!(header, columns().join(","));
    // 7 id + 1 age + 20 EASI + 13 + 6 + 2 SCORAD + 7 POEM + 10 DLQI + 1 NRS + 2 global + who
    // answered + 14 results + 7 change from baseline.
    assert_eq!(columns().len(), 7 + 1 + 20 + 21 + 7 + 10 + 1 + 2 + 1 + 14 + 7);
    // Instruments in record-format order within a visit, whatever order they were added in.
    let instruments: Vec<&str> = rows.iter().map(|(_, r)| r["instrument"].as_str()).collect();
    assert_eq!(instruments, ["easi", "scorad", "poem", "dlqi", "itch_nrs", "easi"]);
}

#[test]
fn export_names_each_row_s_time_point_as_the_cohort_reads_its_label() {
    // Assemble: week 4 written three ways by three patients, the first (by date) "Week 4"; an
    // unlabelled visit.
    let mut h = History::default();
    for (code, date, label) in [("A", "2024-02-01", "Week 4"), ("B", "2024-02-02", " week 4 "), ("C", "2024-02-03", "WEEK 4"), ("C", "2024-03-01", "")] {
        h.upsert_patient(Patient::new(code));
        let mut v = Visit::new(format!("{code}-{date}"), code, date, vec![record(ITCH)]);
        v.label = label.into();
        h.add_visit(v).unwrap();
    }
    // Act
    let rows = rows(&to_csv(&h, false));
    // Assert: the label as written; the time point in the spelling the cohort's list shows, for
    // all three; none for the unlabelled visit.
    let got: Vec<(&str, &str)> = rows.iter().map(|(_, r)| (r["label"].as_str(), r["time_point"].as_str())).collect();
    assert_eq!(got, [("Week 4", "Week 4"), (" week 4 ", "Week 4"), ("WEEK 4", "Week 4"), ("", "")]);
    assert_eq!(adscore::history::labels(&h), ["Week 4"]);
}

#[test]
fn export_writes_exact_items_totals_bands_and_context() {
    let rows = rows(&to_csv(&sample(), false));
    let easi = &rows[0].1;
    // Items as exact decimals; totals unrounded (docs/record-format.md examples).
    assert_eq!(easi["easi_head_neck_erythema"], "1.5");
    assert_eq!(easi["easi_trunk_area"], "3");
    assert_eq!(easi["age_years"], "34");
    assert_eq!((easi["total"].as_str(), easi["band"].as_str()), ("7.1", "moderate"));
    assert_eq!((easi["band_system"].as_str(), easi["age_variant"].as_str()), ("leshem_2015", "age8_plus"));
    assert_eq!(easi["easi_trunk_score"], "5.4");
    assert_eq!(easi["poem_1"], "", "other instruments' items are empty");
    assert_eq!(easi["app_version"], adscore::history::APP_VERSION);
    assert_eq!((easi["global_status"].as_str(), easi["global_effect"].as_str()), ("3", "2"));
    assert_eq!(easi["reported_by"], "parent", "the visit's, on each of its rows");
    assert_eq!(rows[5].1["reported_by"], "", "not recorded for the second visit");
    let scorad = &rows[1].1;
    assert_eq!(scorad["scorad_extent_head_neck_front"], "50");
    assert_eq!(scorad["scorad_pruritus"], "6.5");
    assert_eq!((scorad["total"].as_str(), scorad["objective_scorad"].as_str()), ("32.25", "22.75"));
    assert_eq!((scorad["scorad_a"].as_str(), scorad["scorad_b"].as_str(), scorad["scorad_c"].as_str()), ("8.75", "6", "9.5"));
    assert_eq!((scorad["band_system"].as_str(), scorad["age_variant"].as_str()), ("kunz_1997", "under2"));
    let poem = &rows[2].1;
    assert_eq!((poem["poem_3"].as_str(), poem["total"].as_str(), poem["unanswered"].as_str()), ("", "14", "1"));
    let dlqi = &rows[3].1;
    assert_eq!((dlqi["dlqi_3"].as_str(), dlqi["total"].as_str(), dlqi["band"].as_str()), ("not_relevant", "12", "very_large"));
    assert_eq!(rows[4].1["nrs_value"], "7");
    // The second patient's EASI with Chopra bands: 7.1 is moderate there too, system named.
    assert_eq!(rows[5].1["band_system"], "chopra_2017");
}

#[test]
fn export_quotes_fields_defuses_formulas_for_excel_and_leaves_out_private_details() {
    let text = to_csv(&sample(), false);
    // RFC 4180: a label with a comma and quotes is quoted, quotes doubled.
    assert!(text.contains(",\"baseline, \"\"first\"\"\","), "{text}");
    // A code that a spreadsheet would run as a formula is as entered in the plain file, with a
    // leading apostrophe in the one for Excel.
    assert!(text.contains("\r\n\"=HYPERLINK(\"\"x\"\")\",v2,"), "{text}");
    assert!(to_csv(&sample(), true).contains("\r\n\"'=HYPERLINK(\"\"x\"\")\",v2,"));
    // CRLF everywhere, and no date of birth or note.
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    assert!(!text.contains("private note") && !text.contains("1990-04-02"));
}

#[test]
fn export_for_excel_keeps_codes_and_labels_that_look_like_numbers_as_text() {
    // Assemble: a trial's numeric code and a label Excel would read as a date.
    let mut h = History::default();
    h.upsert_patient(Patient::new("007"));
    let mut v = Visit::new("007-2024-01-10-1", "007", "2024-01-10", vec![record(ITCH)]);
    v.label = "3-12".into();
    h.add_visit(v).unwrap();
    // Act
    let (excel, plain) = (to_csv(&h, true), to_csv(&h, false));
    // Assert: for Excel, code, id and label as ="…" (shown as text); the date stays a date. The
    // plain file, for R or SPSS, has the text as it is.
    let excel_row = excel.lines().nth(1).unwrap();
    let expected = r#""=""007""","=""007-2024-01-10-1""",2024-01-10,"=""3-12""","=""3-12""",itch_nrs,"#;
    assert!(excel_row.starts_with(expected), "{excel_row}");
    assert!(plain.lines().nth(1).unwrap().starts_with("007,007-2024-01-10-1,2024-01-10,3-12,3-12,itch_nrs,"));
    // Codes with letters are left alone.
    assert!(to_csv(&sample(), true).contains("\r\nAD-017,v1,2024-01-10,"));
    // Month names, currency signs and parentheses are read as dates and numbers too; words that
    // are not months are not.
    for (label, protected) in [("MAR-12", true), ("5 Jan", true), ("Jan 2026", true), ("March 3", true), ("(12)", true), ("$12", true),
        ("week 4", false), ("wk 4", false), ("Mayo 2", false), ("baseline", false)] {
        let mut h = History::default();
        h.upsert_patient(Patient::new("AD-1"));
        let mut v = Visit::new("v", "AD-1", "2024-01-10", vec![record(ITCH)]);
        v.label = label.into();
        h.add_visit(v).unwrap();
        let row = to_csv(&h, true).lines().nth(1).unwrap().to_string();
        let cell = if protected { format!(",\"=\"\"{label}\"\"\",\"=\"\"{label}\"\"\",itch_nrs,") } else { format!(",{label},{label},itch_nrs,") };
        assert!(row.contains(&cell), "{label}: {row}");
    }
    // Batch scoring of the Excel file keeps those cells as they are (constants, not defused).
    let rescored = score_csv(&excel).output_csv;
    assert!(rescored.lines().nth(1).unwrap().starts_with(expected), "{rescored}");
}

#[test]
fn export_gives_each_later_row_its_change_from_baseline_and_responder_flags() {
    // Assemble: a screening before the baseline; at week 4 EASI 7.1 → 6.2 (head and neck
    // cleared), itch 7 → 3, POEM 14 → 14, the itch saved as a visit of its own that day.
    let easi_6_2 = EASI.replace(r#""head_neck":{"area":2"#, r#""head_neck":{"area":0"#);
    let mut h = History::default();
    h.upsert_patient(Patient::new("AD-1"));
    let mut screening = Visit::new("s", "AD-1", "2024-01-01", vec![record(ITCH)]);
    screening.label = "screening".into();
    let mut baseline = Visit::new("b", "AD-1", "2024-01-15", vec![record(EASI), record(ITCH), record(POEM)]);
    baseline.label = "baseline".into();
    let week4 = Visit::new("w", "AD-1", "2024-02-12", vec![record(&easi_6_2), record(POEM)]);
    let week4_itch = Visit::new("w-itch", "AD-1", "2024-02-12", vec![record(r#"{"instrument":"itch_nrs","value":3}"#)]);
    for v in [screening, baseline, week4, week4_itch] {
        h.add_visit(v).unwrap();
    }
    // Act
    let out = rows(&to_csv(&h, false));
    // Assert
    let cells = |id: &str, instrument: &str| -> Vec<String> {
        let (_, row) = out.iter().find(|(_, r)| r["visit_id"] == id && r["instrument"] == instrument).unwrap();
        CHANGE_COLUMNS.iter().map(|c| row[*c].clone()).collect()
    };
    // Every row names the baseline; the screening and the baseline itself have no change.
    assert_eq!(cells("s", "itch_nrs"), ["b", "", "", "", "", "", ""]);
    assert_eq!(cells("b", "easi"), ["b", "", "", "", "", "", ""]);
    // EASI −0.9 exactly; −0.9 / 7.1 = −12.67… % → −12.7; not EASI-50/75/90.
    assert_eq!(cells("w", "easi"), ["b", "-0.9", "-12.7", "0", "0", "0", ""]);
    assert_eq!(cells("w", "poem"), ["b", "0", "0", "", "", "", ""]);
    // Itch 7 → 3: −4 points, −57.1 %, a responder (its own visit that day, the same day).
    assert_eq!(cells("w-itch", "itch_nrs"), ["b", "-4", "-57.1", "", "", "", "1"]);
}

#[test]
fn a_baseline_labelled_over_two_days_is_one_baseline_in_the_change_columns() {
    // Assemble: the baseline's EASI on 15 January and its itch (7) the next day, both labelled
    // "baseline"; week 4's itch (3) on 12 February.
    let mut h = History::default();
    h.upsert_patient(Patient::new("AD-1"));
    let labelled = |id: &str, date: &str, label: &str, json: &str| {
        let mut v = Visit::new(id, "AD-1", date, vec![record(json)]);
        v.label = label.into();
        v
    };
    h.add_visit(labelled("b", "2024-01-15", "baseline", EASI)).unwrap();
    h.add_visit(labelled("b-itch", "2024-01-16", "Baseline", r#"{"instrument":"itch_nrs","value":7}"#)).unwrap();
    h.add_visit(labelled("w", "2024-02-12", "week 4", r#"{"instrument":"itch_nrs","value":3}"#)).unwrap();
    // Act
    let out = rows(&to_csv(&h, false));
    // Assert: the second baseline day has no change; week 4's itch is compared with it.
    let cells = |id: &str| -> Vec<String> {
        let (_, row) = out.iter().find(|(_, r)| r["visit_id"] == id).unwrap();
        CHANGE_COLUMNS.iter().map(|c| row[*c].clone()).collect()
    };
    assert_eq!(cells("b-itch"), ["b", "", "", "", "", "", ""]);
    assert_eq!(cells("w"), ["b", "-4", "-57.1", "", "", "", "1"]);
}

#[test]
fn a_visit_of_global_ratings_alone_has_a_row_of_its_own_which_batch_scoring_passes_through() {
    // Assemble: the sample, and a parent's ratings alone on AD-017's second day.
    let mut h = sample();
    let mut rated = Visit::new("v3", "AD-017", "2024-02-07", Vec::new());
    rated.label = "week 4".into();
    rated.global = GlobalRatings { status: Some(1), effect: Some(0) };
    rated.reported_by = Some(Reporter::Parent);
    h.add_visit(rated).unwrap();
    // Act
    let export = to_csv(&h, false);
    let result = score_csv(&export);
    // Assert: its row, with no instrument, items, scores or change; its ratings, who gave them
    // and the baseline it belongs with.
    let rows = rows(&export);
    let row = &rows.iter().find(|(_, r)| r["visit_id"] == "v3").expect("a row for v3").1;
    assert_eq!(
        ["instrument", "global_status", "global_effect", "reported_by", "baseline_visit_id", "total", "change"].map(|c| row[c].as_str()),
        ["", "1", "0", "parent", "v1", "", ""]
    );
    assert!(item_columns().iter().all(|c| row[c.as_str()].is_empty()));
    // Batch scoring: no error; the assessments scored, this row passed through unscored.
    assert_eq!(result.errors, vec![]);
    assert_eq!((result.scored, rows.len()), (6, 7));
    assert!(result.output_csv.contains("\r\nAD-017,v3,2024-02-07,week 4,"));
}

#[test]
fn a_row_with_no_instrument_and_no_rating_or_with_an_item_or_a_rating_out_of_range_is_still_an_error() {
    // Assemble: rows that name no instrument: a subject alone; a rating and a POEM answer;
    // ratings out of range or not numbers; who answered unknown; then one good row.
    let rows = [
        batch_row(&["s1", "", "", ""], "", &[]),
        batch_row(&["s2", "2", "", ""], "", &[("poem_1", "2")]),
        batch_row(&["s3", "9", "", ""], "", &[]),
        batch_row(&["s4", "", "7", ""], "", &[]),
        batch_row(&["s5", "n/a", "", ""], "", &[]),
        batch_row(&["s6", "2", "", "someone"], "", &[]),
        batch_row(&["s7", "2", "6", "parent"], "", &[]),
    ];
    let text = format!("{}\n{}\n", header(&["subject", "global_status", "global_effect", "reported_by"]), rows.join("\n"));
    // Act
    let result = score_csv(&text);
    // Assert: six errors; the good ratings-only row passed through, not scored.
    assert_eq!((result.scored, result.errors.len()), (0, 6));
    assert!(result.errors.iter().all(|e| e.reason.to_string().starts_with("instrument is empty")), "{:?}", result.errors);
}

#[test]
fn export_bom_is_optional() {
    assert!(to_csv(&sample(), true).starts_with("\u{feff}patient,"));
    assert!(to_csv(&sample(), false).starts_with("patient,"));
    assert_eq!(to_csv(&History::default(), false), format!("{}\r\n", columns().join(",")));
}

// ---------------------------------------------------------------------------------------------
// Batch scoring
// ---------------------------------------------------------------------------------------------

/// A batch header: `extra` columns, `instrument`, then every item column.
fn header(extra: &[&str]) -> String {
    let mut names: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    names.push("instrument".into());
    names.extend(item_columns());
    names.join(",")
}

/// A batch row's fields: the `extra` cells, `instrument`, and the given item cells (others
/// empty).
fn batch_fields(extra: &[&str], instrument: &str, cells: &[(&str, &str)]) -> Vec<String> {
    let items = item_columns();
    let mut fields: Vec<String> = extra.iter().map(|s| adscore::history::csv::field(s)).collect();
    fields.push(instrument.into());
    for column in &items {
        fields.push(cells.iter().find(|(c, _)| c == column).map(|(_, v)| v.to_string()).unwrap_or_default());
    }
    fields
}

/// A batch row, comma separated.
fn batch_row(extra: &[&str], instrument: &str, cells: &[(&str, &str)]) -> String {
    batch_fields(extra, instrument, cells).join(",")
}

/// Item cells of the documented EASI example (EASI 7.1).
fn easi_cells() -> Vec<(String, String)> {
    adscore::history::csv::item_cells(&record(EASI))
}

fn with<'a>(cells: &'a [(String, String)], changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    cells
        .iter()
        .map(|(c, v)| (c.as_str(), changes.iter().find(|(k, _)| k == c).map_or(v.as_str(), |(_, v)| v)))
        .collect()
}

#[test]
fn the_batch_template_scores_every_example_row() {
    // Act
    let result = score_csv(&template());
    // Assert: one row of each instrument, all valid, with the totals worked out by hand.
    assert_eq!((result.errors.len(), result.scored), (0, 6), "{:#?}", result.errors);
    let out = rows(&result.output_csv);
    let total = |subject: &str| {
        let row = &out.iter().find(|(_, r)| r["subject"] == subject).unwrap().1;
        (row["instrument"].clone(), row["total"].clone(), row["band"].clone())
    };
    let t = |i: &str, total: &str, band: &str| (i.to_string(), total.to_string(), band.to_string());
    // EASI, adult: head 3.5 × 2 × 0.1 + upper 7 × 3 × 0.2 + trunk 2 × 1 × 0.3 = 0.7 + 4.2 + 0.6.
    assert_eq!(total("S01"), t("easi", "5.5", "mild"));
    // SCORAD: A = 0.9 + 1.35 + 0.45 + 1.35 + 0.45 + 0.9 = 5.4; B = 7; C = 9.5 → 1.08 + 24.5 + 9.5.
    assert_eq!(total("S02"), t("scorad", "35.08", "moderate"));
    assert_eq!(total("S03"), t("poem", "12", "moderate"));
    assert_eq!(total("S04"), t("dlqi", "8", "moderate"));
    assert_eq!(total("S05"), t("itch_nrs", "7", "severe"));
    assert_eq!(total("S06").0, "sleep_nrs");
    // The header has every item column, so any instrument can be added as a row.
    let header = template().lines().next().unwrap().to_string();
    assert_eq!(header, ["subject", "instrument"].iter().map(|c| c.to_string()).chain(item_columns()).collect::<Vec<_>>().join(","));
}

#[test]
fn batch_scores_valid_rows_and_lists_bad_ones_by_line() {
    // Assemble: line 1 header; 2 EASI 7.1; 3 EASI with a 0.5 grade; 4 unknown instrument;
    // 5 POEM with two blanks (valid, not scored); 6 one field short; 7 DLQI "not relevant" on
    // item 1; 8 SCORAD without C; 9 itch with a POEM answer; 10 blank (skipped); 11 EASI with an
    // empty item; 12 itch 7.
    let easi = easi_cells();
    let scorad: Vec<(String, String)> = adscore::history::csv::item_cells(&record(SCORAD))
        .into_iter()
        .filter(|(c, _)| !c.starts_with("scorad_pruritus") && !c.starts_with("scorad_sleep"))
        .collect();
    let dlqi_items: Vec<(String, String)> = (1..=10).map(|i| (format!("dlqi_{i}"), "1".to_string())).collect();
    let short = batch_row(&["s6"], "nrs", &[]);
    let lines = [
        header(&["subject"]),
        batch_row(&["s2"], "easi", &with(&easi, &[])),
        batch_row(&["s3"], "easi", &with(&easi, &[("easi_trunk_erythema", "0.5")])),
        batch_row(&["s4"], "pasi", &[]),
        batch_row(&["s5"], "poem", &[("poem_1", "4"), ("poem_2", "4"), ("poem_3", "4"), ("poem_4", "4"), ("poem_5", "4")]),
        short[..short.len() - 1].to_string(),
        batch_row(&["s7"], "dlqi", &with(&dlqi_items, &[("dlqi_1", "not_relevant")])),
        batch_row(&["s8"], "scorad", &with(&scorad, &[])),
        batch_row(&["s9"], "itch_nrs", &[("nrs_value", "3"), ("poem_1", "2")]),
        String::new(),
        batch_row(&["s11"], "EASI", &with(&easi, &[("easi_upper_limbs_area", "")])),
        batch_row(&["s12"], "itch_nrs", &[("nrs_value", "7")]),
    ];
    let input = lines.join("\r\n") + "\r\n";
    // Act
    let result = score_csv(&input);
    // Assert: the bad rows, by line, each with a reason naming the problem.
    let errors: Vec<(usize, String)> = result.errors.iter().map(|e| (e.line, e.reason.to_string())).collect();
    let lines_with_errors: Vec<usize> = errors.iter().map(|e| e.0).collect();
    assert_eq!(lines_with_errors, [3, 4, 6, 7, 9, 11], "{errors:#?}");
    assert!(errors[0].1.contains("easi_trunk_erythema: EASI sign grade 0.5 is not allowed"), "{}", errors[0].1);
    assert!(errors[1].1.contains("unknown instrument \"pasi\""), "{}", errors[1].1);
    assert!(errors[2].1.contains("fields; the header has"), "{}", errors[2].1);
    assert!(errors[3].1.contains("DLQI item 1 has no \"not relevant\" option"), "{}", errors[3].1);
    assert!(errors[4].1.contains("poem_1 is not used by itch NRS rows"), "{}", errors[4].1);
    assert!(errors[5].1.contains("empty: easi_upper_limbs_area"), "{}", errors[5].1);
    // The valid rows are scored: EASI, POEM (no total), SCORAD (objective only), itch.
    assert_eq!(result.scored, 4);
    let out = rows(&result.output_csv);
    assert_eq!(out.len(), 10, "every non-blank row is in the output, in order");
    let by_subject: HashMap<&str, &HashMap<String, String>> = out.iter().map(|(_, r)| (r["subject"].as_str(), r)).collect();
    assert_eq!((by_subject["s2"]["total"].as_str(), by_subject["s2"]["band"].as_str()), ("7.1", "moderate"));
    assert_eq!(by_subject["s2"]["error"], "");
    assert_eq!((by_subject["s5"]["total"].as_str(), by_subject["s5"]["unanswered"].as_str()), ("", "2"));
    assert_eq!((by_subject["s8"]["total"].as_str(), by_subject["s8"]["objective_scorad"].as_str()), ("", "22.75"));
    assert_eq!((by_subject["s12"]["total"].as_str(), by_subject["s12"]["band"].as_str()), ("7", "severe"));
    assert!(by_subject["s3"]["error"].contains("0.5"));
    assert_eq!(by_subject["s3"]["total"], "");
}

#[test]
fn batch_output_defuses_formulas_in_a_spreadsheet_s_file_and_keeps_a_plain_file_s_cells() {
    // Assemble: text a spreadsheet would run as a formula, and plain signed numbers; the file
    // as Excel writes it (a byte-order mark first).
    let plain = [
        header(&["subject", "dose"]),
        batch_row(&["=HYPERLINK(\"http://x\")", "-3"], "itch_nrs", &[("nrs_value", "7")]),
        batch_row(&["@SUM(A1)", "+2.5"], "itch_nrs", &[("nrs_value", "7")]),
        batch_row(&["-x", "-3,5"], "itch_nrs", &[("nrs_value", "7")]),
    ]
    .join("\n");
    let excel = format!("\u{feff}{plain}");
    // Act
    let (from_excel, from_plain) = (rows(&score_csv(&excel).output_csv), rows(&score_csv(&plain).output_csv));
    // Assert: from the spreadsheet's file the formulas come back as text (a leading '), the
    // numbers as they were; from the plain file every cell as it was; the rows are scored.
    let cells = |out: &Vec<(usize, HashMap<String, String>)>| -> Vec<(String, String, String)> {
        out.iter().map(|(_, r)| (r["subject"].clone(), r["dose"].clone(), r["total"].clone())).collect()
    };
    let row = |a: &str, b: &str| (a.to_string(), b.to_string(), "7".to_string());
    assert_eq!(cells(&from_excel), [row("'=HYPERLINK(\"http://x\")", "-3"), row("'@SUM(A1)", "+2.5"), row("'-x", "-3,5")]);
    assert_eq!(cells(&from_plain), [row("=HYPERLINK(\"http://x\")", "-3"), row("@SUM(A1)", "+2.5"), row("-x", "-3,5")]);
}

#[test]
fn batch_line_numbers_count_line_breaks_inside_quoted_fields() {
    // Line 2's note spans lines 2–3, so the bad row is on line 4.
    let input = format!(
        "{}\n{}\n{}\n",
        header(&["note"]),
        batch_row(&["two\nlines"], "itch_nrs", &[("nrs_value", "5")]),
        batch_row(&["x"], "itch_nrs", &[("nrs_value", "11")]),
    );
    let result = score_csv(&input);
    assert_eq!(result.errors.len(), 1);
    assert_eq!(result.errors[0].line, 4);
    assert!(result.errors[0].reason.to_string().contains("NRS value must be an integer 0–10, got 11"), "{}", result.errors[0].reason);
    assert_eq!(result.scored, 1);
}

#[test]
fn batch_reads_semicolons_decimal_commas_bom_na_and_trailing_zeros() {
    // Excel in a European locale: semicolons, decimal commas, BOM; R: NA for a blank.
    let easi = easi_cells();
    let cells = with(&easi, &[("easi_head_neck_erythema", "1,5"), ("easi_trunk_area", "3.00")]);
    let row = batch_fields(&[], "easi", &cells).join(";");
    let answers = [("poem_1", "4"), ("poem_2", "3"), ("poem_3", "NA"), ("poem_4", "0"), ("poem_5", "1"), ("poem_6", "2"), ("poem_7", "4")];
    let poem = batch_fields(&[], "poem", &answers).join(";");
    let input = format!("\u{feff}{}\r\n{row}\r\n{poem}", header(&[]).replace(',', ";"));
    let result = score_csv(&input);
    assert_eq!(result.errors, vec![]);
    assert!(result.output_csv.starts_with('\u{feff}'), "a BOM in, a BOM out");
    let out = rows(&result.output_csv);
    assert_eq!(out[0].1["total"], "7.1");
    assert_eq!(out[1].1["total"], "14");
}

#[test]
fn batch_band_system_column_chooses_the_strata() {
    // EASI 7.1 is moderate under both; SCORAD objective 22.75 is moderate (Kunz) / mild (Chopra).
    let scorad = adscore::history::csv::item_cells(&record(SCORAD));
    let cells: Vec<(&str, &str)> = scorad.iter().map(|(c, v)| (c.as_str(), v.as_str())).collect();
    let input = format!(
        "{}\n{}\n{}\n{}\n",
        header(&["band_system"]),
        batch_row(&["chopra_2017"], "scorad", &cells),
        batch_row(&[""], "scorad", &cells),
        batch_row(&["leshem_2015"], "scorad", &cells),
    );
    let result = score_csv(&input);
    let out = rows(&result.output_csv);
    assert_eq!((out[0].1["band_system"].as_str(), out[0].1["objective_band"].as_str()), ("chopra_2017", "mild"));
    assert_eq!((out[1].1["band_system"].as_str(), out[1].1["objective_band"].as_str()), ("kunz_1997", "moderate"));
    assert_eq!(result.errors.len(), 1);
    assert!(result.errors[0].reason.to_string().contains("not a SCORAD band system"));
}

#[test]
fn batch_refuses_a_file_it_cannot_read_with_a_clear_reason() {
    // No instrument column.
    let r = score_csv("subject,poem_1\n1,2\n");
    assert_eq!((r.errors[0].line, r.scored, r.output_csv.as_str()), (1, 0, ""));
    assert!(r.errors[0].reason.to_string().contains("no \"instrument\" column"));
    // A duplicated column.
    let r = score_csv("instrument,nrs_value,nrs_value\nitch_nrs,1,2\n");
    assert!(r.errors[0].reason.to_string().contains("appears twice"));
    // Empty.
    assert!(score_csv("").errors[0].reason.to_string().contains("empty"));
    assert!(score_csv("\u{feff}\r\n").errors[0].reason.to_string().contains("empty"));
}

#[test]
fn batch_unclosed_quote_stops_at_its_line_and_keeps_earlier_rows() {
    let input = format!(
        "{}\n{}\n{}\n{}\n",
        header(&["note"]),
        batch_row(&["ok"], "itch_nrs", &[("nrs_value", "5")]),
        batch_row(&["ok"], "itch_nrs", &[("nrs_value", "6")]).replacen("ok", "\"unclosed", 1),
        batch_row(&["ok"], "itch_nrs", &[("nrs_value", "7")]),
    );
    let r = score_csv(&input);
    assert_eq!(r.scored, 1);
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].line, 3);
    assert!(r.errors[0].reason.to_string().contains("never closed"), "{}", r.errors[0].reason);
}

#[test]
fn batch_refuses_a_50_mb_file() {
    let big = format!("{}\n{}", header(&[]), "x".repeat(50 * 1024 * 1024));
    assert!(big.len() > MAX_IMPORT_BYTES);
    let r = score_csv(&big);
    assert_eq!((r.errors.len(), r.errors[0].line, r.scored), (1, 0, 0));
    assert!(r.errors[0].reason.to_string().contains("too large"), "{}", r.errors[0].reason);
}

#[test]
fn history_export_scores_to_the_same_totals() {
    // The export itself is a valid batch input: same rows, same results, no errors.
    let export = to_csv(&sample(), true);
    let result = score_csv(&export);
    assert_eq!(result.errors, vec![]);
    assert_eq!(result.scored, 6);
    let before = rows(&export);
    let after = rows(&result.output_csv);
    assert_eq!(before.len(), after.len());
    for ((_, b), (_, a)) in before.iter().zip(&after) {
        for column in RESULT_COLUMNS {
            assert_eq!(a[column], b[column], "{column} of {b:?}");
        }
        assert_eq!(a["patient"], b["patient"]);
    }
}
