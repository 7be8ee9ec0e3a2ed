//! CSV export of the history (one row per assessment, `docs/batch-csv.md`) and the RFC 4180
//! reader that batch scoring uses.
//!
//! Columns, in order: [`ID_COLUMNS`], [`item_columns`] (the batch input columns: `age_years`
//! and every item of every instrument), [`GLOBAL_COLUMNS`], [`RESULT_COLUMNS`], then
//! [`CHANGE_COLUMNS`] (change from the patient's baseline, responder flags). A row
//! fills only its own instrument's item columns; the others are empty. Numbers are exact
//! decimals with a point ("1.5", "7.05", "24.9998"), never rounded and never in exponent form.

use super::{
    baseline_visit, change_of_values, instrument_key, labels, time_point_end, time_point_to, responders_of_values, values_of, visits_by_patient, Change,
    History, Metric, Visit, INSTRUMENTS, UNITS,
};
use crate::scoring::easi::{self, Region};
use crate::scoring::scorad::{self, Segment};
use crate::scoring::{Assessment, Score};
use std::collections::HashMap;
use std::fmt::Write;

/// Who and when: patient code, visit id, visit date, study label, instrument, app version.
pub const ID_COLUMNS: [&str; 7] = ["patient", "visit_id", "date", "label", "time_point", "instrument", "app_version"];

/// The visit's global ratings and who answered the patient's questionnaires, `patient` or
/// `parent` (repeated on each of its rows; empty when not recorded).
pub const GLOBAL_COLUMNS: [&str; 3] = ["global_status", "global_effect", "reported_by"];

/// Against the patient's baseline (`docs/history-format.md`, "Baseline and change"): the
/// baseline's visit id (on every row of a patient who has visits); for rows dated after the
/// baseline's day, the change of the row's total (SCORAD: the total with C) exactly, the %
/// change to a tenth as the screens show it (`history::change`; empty when the baseline is 0), and the responder
/// flags, 1 or 0 (EASI rows: EASI-50/75/90; itch rows: itch −4), empty when not applicable.
pub const CHANGE_COLUMNS: [&str; 7] = ["baseline_visit_id", "change", "pct_change", "easi50", "easi75", "easi90", "itch4"];

/// What scoring adds: band system, age variant, total and band, objective SCORAD and its band,
/// SCORAD A, B and C, each EASI region's contribution, unanswered POEM/DLQI items.
pub const RESULT_COLUMNS: [&str; 14] = [
    "band_system",
    "age_variant",
    "total",
    "band",
    "objective_scorad",
    "objective_band",
    "scorad_a",
    "scorad_b",
    "scorad_c",
    "easi_head_neck_score",
    "easi_upper_limbs_score",
    "easi_trunk_score",
    "easi_lower_limbs_score",
    "unanswered",
];

/// The five EASI item names of a region, in sheet order.
pub const EASI_ITEMS: [&str; 5] = ["area", "erythema", "edema_papulation", "excoriation", "lichenification"];

/// `easi_<region>_<item>` for every region and item (20 columns).
pub fn easi_columns() -> Vec<String> {
    Region::ALL.iter().flat_map(|r| EASI_ITEMS.iter().map(move |i| format!("easi_{}_{i}", r.key()))).collect()
}

/// `scorad_extent_<segment>` (13 columns).
pub fn scorad_extent_columns() -> Vec<String> {
    Segment::ALL.iter().map(|s| format!("scorad_extent_{}", s.key())).collect()
}

/// `scorad_<sign>` (6 columns).
pub fn scorad_intensity_columns() -> Vec<String> {
    scorad::Sign::ALL.iter().map(|s| format!("scorad_{}", s.key())).collect()
}

/// SCORAD C: pruritus and sleep loss.
pub const SCORAD_SUBJECTIVE_COLUMNS: [&str; 2] = ["scorad_pruritus", "scorad_sleep_loss"];

/// `poem_1` … `poem_7`.
pub fn poem_columns() -> Vec<String> {
    (1..=7).map(|i| format!("poem_{i}")).collect()
}

/// `dlqi_1` … `dlqi_10`.
pub fn dlqi_columns() -> Vec<String> {
    (1..=10).map(|i| format!("dlqi_{i}")).collect()
}

/// Itch or sleep NRS value.
pub const NRS_COLUMN: &str = "nrs_value";

/// Age in whole years (EASI and SCORAD).
pub const AGE_COLUMN: &str = "age_years";

/// Every item column, in export order: `age_years`, EASI, SCORAD extent, intensity and C,
/// POEM, DLQI, NRS. These are also the batch-scoring input columns.
pub fn item_columns() -> Vec<String> {
    let mut columns = vec![AGE_COLUMN.to_string()];
    columns.extend(easi_columns());
    columns.extend(scorad_extent_columns());
    columns.extend(scorad_intensity_columns());
    columns.extend(SCORAD_SUBJECTIVE_COLUMNS.map(String::from));
    columns.extend(poem_columns());
    columns.extend(dlqi_columns());
    columns.push(NRS_COLUMN.to_string());
    columns
}

/// Every column of [`to_csv`], in order.
pub fn columns() -> Vec<String> {
    let mut columns: Vec<String> = ID_COLUMNS.map(String::from).to_vec();
    columns.extend(item_columns());
    columns.extend(GLOBAL_COLUMNS.map(String::from));
    columns.extend(RESULT_COLUMNS.map(String::from));
    columns.extend(CHANGE_COLUMNS.map(String::from));
    columns
}

/// A value held in tenths, as an exact decimal ("6.5", "25").
pub(crate) fn tenths_text(tenths: u32) -> String {
    let mut text = String::new();
    push_tenths(&mut text, tenths);
    text
}

/// A value held in halves ("1.5", "2").
pub(crate) fn halves_text(halves: u32) -> String {
    let mut text = String::new();
    push_halves(&mut text, halves);
    text
}

/// Where each instrument's items start in [`item_columns`] (`age_years` is column 0).
const EASI_AT: usize = 1;
const EXTENT_AT: usize = EASI_AT + 4 * EASI_ITEMS.len();
const INTENSITY_AT: usize = EXTENT_AT + Segment::ALL.len();
const SUBJECTIVE_AT: usize = INTENSITY_AT + scorad::Sign::ALL.len();
const POEM_AT: usize = SUBJECTIVE_AT + SCORAD_SUBJECTIVE_COLUMNS.len();
const DLQI_AT: usize = POEM_AT + 7;
const NRS_AT: usize = DLQI_AT + 10;
/// How many item columns there are.
const ITEM_COUNT: usize = NRS_AT + 1;

/// Writes one CSV line cell by cell, in column order; a column skipped is left empty.
struct LineWriter<'a> {
    out: &'a mut String,
    /// How many columns of this line have been started.
    next: usize,
    /// For Excel: codes and labels it would read as numbers or dates are kept as text ([`Self::code`]).
    excel: bool,
}

impl<'a> LineWriter<'a> {
    fn new(out: &'a mut String) -> Self {
        LineWriter { out, next: 0, excel: false }
    }

    /// Starts column `column` (after the ones already written) and returns the text to
    /// append its cell to. Cell text appended this way is never quoted: numbers and keys only.
    fn at(&mut self, column: usize) -> &mut String {
        debug_assert!(column >= self.next, "CSV cells are written in column order");
        // One separator before every column but the first, pushed as one slice (of more
        // commas than there are columns).
        const COMMAS: &str = ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,";
        let separators = column + 1 - self.next - usize::from(self.next == 0);
        self.out.push_str(&COMMAS[..separators]);
        self.next = column + 1;
        self.out
    }

    /// Writes a number (or a key) in column `column`.
    fn number(&mut self, column: usize, value: impl Cell) {
        value.push_to(self.at(column));
    }

    /// Writes free text in column `column`, quoted when it must be (RFC 4180). For Excel,
    /// text it would run as a formula gets a leading `'` ([`formula_like`]); the plain file,
    /// read by R, SPSS or a script, has the text exactly as it is ("-5" is not "'-5", and two
    /// codes "=1+1" and "'=1+1" stay two).
    fn text(&mut self, column: usize, text: &str) {
        let excel = self.excel;
        let out = self.at(column);
        let quoted = needs_quotes(text);
        if quoted {
            out.push('"');
        }
        if excel && formula_like(text) {
            out.push('\'');
        }
        if quoted {
            out.push_str(&text.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(text);
        }
    }

    /// Writes a code or label (patient code, visit id, visit label) in column `column`, as
    /// [`Self::text`]; for Excel, one that it would read as a number, a date or a truth value
    /// ("007" → 7, "3-12" → 12 March, "1E5" → 100000, "MAR-12" → 1 March 2012, "(12)" → −12)
    /// or run as a formula ("=1+1") is written as the constant `="007"`, which Excel shows as
    /// the text 007, exactly (other programs read the plain file instead). A code with a double
    /// quote or a line break cannot be such a constant: it is written as [`Self::text`] writes it.
    fn code(&mut self, column: usize, text: &str) {
        if self.excel && (excel_converts(text) || formula_like(text)) && !text.contains(['"', '\r', '\n']) {
            let _ = write!(self.at(column), "\"=\"\"{text}\"\"\"");
        } else {
            self.text(column, text);
        }
    }

    /// Ends the line after `columns` columns with CRLF.
    fn end(mut self, columns: usize) {
        if columns > self.next {
            self.at(columns - 1);
        }
        self.out.push_str("\r\n");
    }
}

/// What a number cell holds: an integer or a key, appended as text. Integers are written
/// digit by digit rather than through `std::fmt` (which was about a third of a 10,000-visit
/// export's time in `make bench`).
trait Cell {
    fn push_to(&self, out: &mut String);
}

impl Cell for &str {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Cell for String {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

macro_rules! unsigned_cell {
    ($($t:ty),*) => {$(
        impl Cell for $t {
            fn push_to(&self, out: &mut String) {
                push_unsigned(out, u64::from(*self));
            }
        }
    )*};
}
unsigned_cell!(u8, u32);


/// Appends `value` in decimal digits.
fn push_unsigned(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    out.push_str(std::str::from_utf8(&digits[start..]).unwrap_or_default());
}

/// Writes a value held in tenths as an exact decimal ("6.5", "25").
fn push_tenths(out: &mut String, tenths: u32) {
    push_unsigned(out, (tenths / 10).into());
    if tenths % 10 != 0 {
        out.push('.');
        out.push(char::from(b'0' + (tenths % 10) as u8));
    }
}

/// Writes a signed value held in 1/[`UNITS`] exactly ("-9.95", "4", "-0.0001").
fn push_units(out: &mut String, units: i64) {
    if units < 0 {
        out.push('-');
    }
    let (whole, fraction) = (units.unsigned_abs() / UNITS as u64, units.unsigned_abs() % UNITS as u64);
    push_unsigned(out, whole);
    if fraction != 0 {
        // Every fraction digit, then drop the zeros that end it.
        let mut rest = fraction;
        let mut scale = UNITS as u64;
        out.push('.');
        while rest != 0 {
            scale /= 10;
            out.push(char::from(b'0' + (rest / scale) as u8));
            rest %= scale;
        }
    }
}

/// Writes a value held in halves ("1.5", "2").
fn push_halves(out: &mut String, halves: u32) {
    push_unsigned(out, (halves / 2).into());
    if halves % 2 != 0 {
        out.push_str(".5");
    }
}

/// Writes one record's item cells, the item columns starting at column `at` of the line (in
/// [`item_columns`] order); the other instruments' cells stay empty.
fn write_items(assessment: &Assessment, line: &mut LineWriter, at: usize) {
    match assessment {
        Assessment::Easi(r) => {
            line.number(at, r.age_years.get());
            for (k, region) in Region::ALL.into_iter().enumerate() {
                let e = r.regions.get(region);
                let first = at + EASI_AT + k * EASI_ITEMS.len();
                line.number(first, e.area.get());
                let grades = [e.erythema, e.edema_papulation, e.excoriation, e.lichenification];
                for (j, grade) in grades.into_iter().enumerate() {
                    push_halves(line.at(first + 1 + j), grade.halves().into());
                }
            }
        }
        Assessment::Scorad(r) => {
            line.number(at, r.age_years.get());
            for (k, segment) in Segment::ALL.into_iter().enumerate() {
                push_tenths(line.at(at + EXTENT_AT + k), r.extent.get(segment).tenths().into());
            }
            let i = &r.intensity;
            let grades = [i.erythema, i.edema_papulation, i.oozing_crusts, i.excoriation, i.lichenification, i.dryness];
            for (k, grade) in grades.into_iter().enumerate() {
                line.number(at + INTENSITY_AT + k, grade.get());
            }
            if let Some(c) = r.subjective {
                push_tenths(line.at(at + SUBJECTIVE_AT), c.pruritus.tenths().into());
                push_tenths(line.at(at + SUBJECTIVE_AT + 1), c.sleep_loss.tenths().into());
            }
        }
        Assessment::Poem(r) => {
            for (k, answer) in r.answers.into_iter().enumerate() {
                if let Some(a) = answer {
                    line.number(at + POEM_AT + k, a.get());
                }
            }
        }
        Assessment::Dlqi(r) => {
            for (k, answer) in r.answers.into_iter().enumerate() {
                match answer {
                    Some(crate::scoring::dlqi::DlqiAnswer::Score(p)) => line.number(at + DLQI_AT + k, p),
                    Some(crate::scoring::dlqi::DlqiAnswer::NotRelevant) => line.number(at + DLQI_AT + k, "not_relevant"),
                    None => {}
                }
            }
        }
        Assessment::ItchNrs(r) | Assessment::SleepNrs(r) => line.number(at + NRS_AT, r.value.get()),
    }
}

/// The cells that `write` fills on a line of `columns` (named in that order), with their text.
/// For item and result cells only: numbers and keys, never quoted, so splitting at commas is
/// exact.
fn filled_cells<C>(columns: Vec<C>, write: impl FnOnce(&mut LineWriter)) -> Vec<(C, String)> {
    let mut text = String::new();
    let mut line = LineWriter::new(&mut text);
    let count = columns.len();
    write(&mut line);
    line.end(count);
    let cells = text.trim_end().split(',').map(String::from);
    columns.into_iter().zip(cells).filter(|(_, text)| !text.is_empty()).collect()
}

/// The item columns that one record fills, with their cell text, in column order.
pub fn item_cells(assessment: &Assessment) -> Vec<(String, String)> {
    filled_cells(item_columns(), |line| write_items(assessment, line, 0))
}

/// Writes one score's result cells, the result columns starting at column `at` of the line (in
/// [`RESULT_COLUMNS`] order); a result the score does not have stays empty.
fn write_results(score: &Score, line: &mut LineWriter, at: usize) {
    // Indices in RESULT_COLUMNS.
    const BAND_SYSTEM: usize = 0;
    const AGE_VARIANT: usize = 1;
    const TOTAL: usize = 2;
    const BAND: usize = 3;
    const OBJECTIVE: usize = 4;
    const OBJECTIVE_BAND: usize = 5;
    const SCORAD_A: usize = 6;
    const SCORAD_B: usize = 7;
    const SCORAD_C: usize = 8;
    const EASI_REGIONS: usize = 9;
    const UNANSWERED: usize = 13;
    let band = |line: &mut LineWriter, b: Option<crate::scoring::Band>| {
        if let Some(b) = b {
            line.number(at + BAND, b.key());
        }
    };
    match score {
        Score::Easi(s) => {
            line.number(at + BAND_SYSTEM, s.band_system.key());
            let variant = match s.age_variant {
                easi::AgeVariant::Under8 => "under8",
                easi::AgeVariant::Age8Plus => "age8_plus",
            };
            line.number(at + AGE_VARIANT, variant);
            line.number(at + TOTAL, s.total.exact_text());
            band(line, Some(s.band));
            for (k, contribution) in [s.head_neck, s.upper_limbs, s.trunk, s.lower_limbs].into_iter().enumerate() {
                line.number(at + EASI_REGIONS + k, contribution.exact_text());
            }
        }
        Score::Scorad(s) => {
            line.number(at + BAND_SYSTEM, s.band_system.key());
            let variant = match s.age_variant {
                scorad::AgeVariant::Under2 => "under2",
                scorad::AgeVariant::Age2Plus => "age2_plus",
            };
            line.number(at + AGE_VARIANT, variant);
            if let Some(total) = s.total {
                line.number(at + TOTAL, total.exact_text());
            }
            band(line, s.band);
            line.number(at + OBJECTIVE, s.objective.exact_text());
            line.number(at + OBJECTIVE_BAND, s.objective_band.key());
            line.number(at + SCORAD_A, s.extent.exact_text());
            line.number(at + SCORAD_B, s.intensity);
            if let Some(c) = s.subjective {
                line.number(at + SCORAD_C, c.exact_text());
            }
        }
        Score::Poem(s) => {
            if let Some(total) = s.total {
                line.number(at + TOTAL, total);
            }
            band(line, s.band);
            line.number(at + UNANSWERED, s.unanswered);
        }
        Score::Dlqi(s) => {
            if let Some(total) = s.total {
                line.number(at + TOTAL, total);
            }
            band(line, s.band);
            line.number(at + UNANSWERED, s.unanswered);
        }
        Score::ItchNrs(s) | Score::SleepNrs(s) => {
            line.number(at + TOTAL, s.total);
            band(line, s.band);
        }
    }
}

/// The result columns that one score fills, with their cell text, in column order.
pub fn result_cells(score: &Score) -> Vec<(&'static str, String)> {
    filled_cells(RESULT_COLUMNS.to_vec(), |line| write_results(score, line, 0))
}

/// Whether a spreadsheet could read text starting like this as a formula: `=`, `+`, `-`, `@`,
/// a tab or a carriage return (CSV injection). The export for Excel writes such text as a
/// constant or with a leading `'`.
fn formula_like(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// `text` as a cell that a spreadsheet shows as text: with a leading `'` when it looks like a
/// formula ([`formula_like`]) and is not a plain signed number ("-3", "+2.5" and "-3,5" are
/// left as they are: a spreadsheet reads them as the numbers they are) or a constant string
/// such as `="007"` (what the export for Excel writes for a code, [`to_csv`]).
pub fn defused(text: &str) -> std::borrow::Cow<'_, str> {
    let signed_number = text
        .strip_prefix(['-', '+'])
        .is_some_and(|rest| crate::scoring::exact::decimal_digits(rest, &['.', ',']).is_some());
    let constant = text
        .strip_prefix("=\"")
        .and_then(|rest| rest.strip_suffix('"'))
        .is_some_and(|inner| !inner.contains('"'));
    if formula_like(text) && !signed_number && !constant {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// Whether Excel, opening a CSV file, would turn this text into a number, a date, a time or a
/// truth value: it holds a digit and, once month names ("Mar", "March"), currency signs and
/// parentheses are set aside, nothing but digits, signs, separators, `e`/`E`, `%` and spaces
/// ("007", "3-12", "1E5", "MAR-12", "5 Jan", "Jan 2026", "(12)", "$12"); or it is TRUE or FALSE
/// in any case. A double quote or a line break is never part of such a value.
fn excel_converts(text: &str) -> bool {
    // Whole names first, so that "march" is not left as "ch".
    const MONTHS: [&str; 24] = [
        "january", "february", "march", "april", "june", "july", "august", "september", "sept", "october", "november", "december",
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let mut rest = text.to_ascii_lowercase();
    for month in MONTHS {
        rest = rest.replace(month, " ");
    }
    let numeric = text.bytes().any(|b| b.is_ascii_digit())
        && rest.chars().all(|c| c.is_ascii_digit() || "+-.,/:e% ()$€£¥₩".contains(c));
    numeric || text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false")
}

/// Whether a field holds a comma, a double quote, CR or LF, and so must be quoted (RFC 4180).
fn needs_quotes(text: &str) -> bool {
    text.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
}

/// One CSV field, quoted when it holds a comma, a double quote, CR or LF (RFC 4180).
pub fn field(text: &str) -> String {
    if needs_quotes(text) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// One CSV line (fields joined by commas, ended by CRLF).
pub fn line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = fields.iter().map(|f| field(f.as_ref())).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

/// The history as CSV: a header of [`columns`], then one row per assessment — patients in
/// stored order, each patient's visits by date then id, assessments in instrument order — and
/// one row with no instrument for a visit that holds only global ratings.
/// RFC 4180 quoting, CRLF line ends. `excel`: the variant for Excel, with a UTF-8 byte-order
/// mark first (Excel needs it to read UTF-8) and codes and labels that Excel would turn into
/// numbers or dates, or run as formulas, kept as text (`LineWriter::code`; other text that looks
/// like a formula gets a leading `'`, [`formula_like`]). The plain variant has every text as it is.
/// Dates of birth and notes are not exported.
///
/// Written in one pass into one string, cell by cell: 10,000 visits must export in well
/// under a second on a tablet (`make bench`).
pub fn to_csv(history: &History, excel: bool) -> String {
    let header = columns();
    let items_at = ID_COLUMNS.len();
    let global_at = items_at + ITEM_COUNT;
    let results_at = global_at + GLOBAL_COLUMNS.len();
    let change_at = results_at + RESULT_COLUMNS.len();
    debug_assert_eq!(header.len(), change_at + CHANGE_COLUMNS.len());
    // Each patient's baseline visit and its whole time point's values, which later rows are
    // compared with (scored once per patient, not once per row), and the last date of that time
    // point: rows up to it are the baseline's own.
    let by_patient = visits_by_patient(history);
    let baselines: HashMap<&str, (&Visit, [Option<i64>; 7], &str)> = by_patient
        .iter()
        .filter_map(|(&code, visits)| {
            let b = baseline_visit(visits)?;
            let end = time_point_end(visits, b);
            Some((code, (b, values_of(&time_point_to(visits, b, end)), end)))
        })
        .collect();
    // `time_point`: each label as the cohort reads it, one spelling for every visit whose label
    // differs from it only in case or surrounding spaces ("Week 4", " week 4 " → "week 4", the
    // spelling of its first visit, as the cohort's list shows it).
    let time_points: HashMap<String, String> = labels(history).into_iter().map(|l| (l.to_lowercase(), l)).collect();
    let mut out = String::with_capacity(200 * (history.visits.len() * INSTRUMENTS.len() + 1));
    if excel {
        out.push('\u{feff}');
    }
    out.push_str(&line(&header));
    let order: HashMap<&str, usize> = history.patients.iter().enumerate().map(|(i, p)| (p.code.as_str(), i)).collect();
    let mut visits: Vec<&Visit> = history.visits.iter().collect();
    visits.sort_by(|a, b| {
        let rank = |v: &Visit| order.get(v.patient.as_str()).copied().unwrap_or(usize::MAX);
        (rank(a), &a.patient, &a.date, &a.id).cmp(&(rank(b), &b.patient, &b.date, &b.id))
    });
    for visit in visits {
        let mut assessments: Vec<Option<&Assessment>> = visit.assessments.iter().map(Some).collect();
        assessments.sort_by_key(|a| a.map(|a| INSTRUMENTS.iter().position(|&k| k == instrument_key(a))));
        // A visit that holds only the patient's global ratings: one row of its own, with no
        // instrument, so that every rating the history holds is in the file.
        if assessments.is_empty() && visit.holds_anything() {
            assessments.push(None);
        }
        for assessment in assessments {
            let mut line = LineWriter { excel, ..LineWriter::new(&mut out) };
            line.code(0, &visit.patient);
            line.code(1, &visit.id);
            line.text(2, &visit.date);
            line.code(3, &visit.label);
            if let Some(point) = time_points.get(&visit.label.trim().to_lowercase()) {
                line.code(4, point);
            }
            if let Some(assessment) = assessment {
                line.number(5, instrument_key(assessment));
            }
            line.text(6, &visit.app_version);
            if let Some(assessment) = assessment {
                write_items(assessment, &mut line, items_at);
            }
            if let Some(s) = visit.global.status {
                line.number(global_at, s);
            }
            if let Some(e) = visit.global.effect {
                line.number(global_at + 1, e);
            }
            if let Some(reporter) = visit.reported_by {
                line.number(global_at + 2, reporter.key());
            }
            let score = assessment.and_then(|a| a.score_with(visit.easi_bands, visit.scorad_bands).ok());
            if let Some(score) = &score {
                write_results(score, &mut line, results_at);
            }
            if let Some((baseline, values, baseline_end)) = baselines.get(visit.patient.as_str()) {
                line.code(change_at, &baseline.id);
                if let Some(assessment) = assessment.filter(|_| visit.date.as_str() > *baseline_end) {
                    write_change(values, score.as_ref(), assessment, &mut line, change_at + 1);
                }
            }
            line.end(header.len());
        }
    }
    out
}

/// The row's change from the baseline day's `values` (in [`Metric::ALL`] order) and its
/// responder flags ([`CHANGE_COLUMNS`] after the baseline's id), from `at` on; `score` is the
/// row's own.
fn write_change(values: &[Option<i64>; 7], score: Option<&Score>, assessment: &Assessment, line: &mut LineWriter, at: usize) {
    // Each instrument's key is the key of its metric (SCORAD's: the total with C).
    let metric = Metric::from_key(instrument_key(assessment)).expect("every instrument is a metric");
    let pair = (values[metric.index()], score.and_then(|s| metric.value_of(s)));
    if let Change::Value { abs, pct_tenths } = change_of_values(pair.0, pair.1) {
        push_units(line.at(at), abs);
        if let Some(pct) = pct_tenths {
            let out = line.at(at + 1);
            if pct < 0 {
                out.push('-');
            }
            push_tenths(out, pct.unsigned_abs() as u32);
        }
    }
    // An EASI row carries the EASI flags, an itch row the itch flag (each from its own pair).
    let flags = match metric {
        Metric::Easi => {
            let r = responders_of_values(pair, (None, None));
            vec![(at + 2, r.easi50), (at + 3, r.easi75), (at + 4, r.easi90)]
        }
        Metric::ItchNrs => vec![(at + 5, responders_of_values((None, None), pair).itch4)],
        _ => vec![],
    };
    for (column, flag) in flags {
        if let Some(hit) = flag {
            line.number(column, u8::from(hit));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/// One CSV record as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The line (1-based) the record starts on.
    pub line: usize,
    /// Its fields, unquoted.
    pub fields: Vec<String>,
    /// A quoting problem in this record (text after a closing quote); the record is unusable.
    pub error: Option<Quoting>,
}

/// A quoting problem of a CSV file. `Display` is the English reason (`docs/batch-csv.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quoting {
    /// A quoted field is never closed (the rest of the file is not read).
    Unclosed,
    /// Text after the closing quote of a quoted field.
    AfterQuote,
}

impl std::fmt::Display for Quoting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Quoting::Unclosed => "a quoted field is never closed (a \" is missing)",
            Quoting::AfterQuote => "text after the closing quote of a quoted field",
        })
    }
}

/// The delimiter of a CSV file, from its first line: whichever of comma, semicolon and tab
/// occurs most outside quotes (a comma when none or tied).
pub fn detect_delimiter(text: &str) -> u8 {
    let first = text.split(['\n', '\r']).next().unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in first.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let [comma, semicolon, tab] = counts;
    if semicolon > comma && semicolon >= tab {
        b';'
    } else if tab > comma && tab > semicolon {
        b'\t'
    } else {
        b','
    }
}

/// Reads CSV text (RFC 4180: fields in double quotes may hold the delimiter, `""` and line
/// breaks; lines end in CRLF, LF or CR). Returns the records read and, if a quoted field is
/// never closed, that error with the line it began on (the rest of the file is not read).
/// A quote inside an unquoted field is kept as text; text after a closing quote marks the
/// record with an error. A line break right at the end does not make an empty record.
pub fn parse(text: &str, delimiter: u8) -> (Vec<Record>, Option<(usize, Quoting)>) {
    let bytes = text.as_bytes();
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field: Vec<u8> = Vec::new();
    let mut error: Option<Quoting> = None;
    let mut line = 1;
    let mut record_line = 1;
    let mut i = 0;
    // Fields are cut at ASCII bytes only, so each is valid UTF-8 (lossy is never needed).
    let to_string = |f: &mut Vec<u8>| {
        String::from_utf8(std::mem::take(f)).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    };
    // Each pass reads one field.
    loop {
        if i < bytes.len() && bytes[i] == b'"' {
            // Quoted field.
            let start_line = line;
            i += 1;
            loop {
                match bytes.get(i) {
                    None => return (records, Some((start_line, Quoting::Unclosed))),
                    Some(b'"') if bytes.get(i + 1) == Some(&b'"') => {
                        field.push(b'"');
                        i += 2;
                    }
                    Some(b'"') => {
                        i += 1;
                        break;
                    }
                    Some(&b) => {
                        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                            line += 1;
                        }
                        field.push(b);
                        i += 1;
                    }
                }
            }
            // After the closing quote: the delimiter, a line end or the end.
            let rest_start = i;
            while i < bytes.len() && bytes[i] != delimiter && bytes[i] != b'\n' && bytes[i] != b'\r' {
                i += 1;
            }
            if i > rest_start && error.is_none() {
                error = Some(Quoting::AfterQuote);
            }
        } else {
            while i < bytes.len() && bytes[i] != delimiter && bytes[i] != b'\n' && bytes[i] != b'\r' {
                field.push(bytes[i]);
                i += 1;
            }
        }
        fields.push(to_string(&mut field));
        match bytes.get(i) {
            Some(&b) if b == delimiter => i += 1,
            None => {
                // End of input without a final line break.
                records.push(Record { line: record_line, fields: std::mem::take(&mut fields), error: error.take() });
                return (records, None);
            }
            Some(_) => {
                // Line end: CRLF, LF or CR.
                if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                i += 1;
                line += 1;
                records.push(Record { line: record_line, fields: std::mem::take(&mut fields), error: error.take() });
                record_line = line;
                if i >= bytes.len() {
                    return (records, None);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_exactly() {
        // Assemble
        let text = |write: &dyn Fn(&mut String)| {
            let mut out = String::new();
            write(&mut out);
            out
        };
        // Act / Assert
        assert_eq!(text(&|o| push_unsigned(o, 0)), "0");
        assert_eq!(text(&|o| push_unsigned(o, 1_020_304_050)), "1020304050");
        assert_eq!(text(&|o| push_unsigned(o, u64::MAX)), u64::MAX.to_string());
        assert_eq!(text(&|o| 7u8.push_to(o)), "7");
        assert_eq!(text(&|o| 250u32.push_to(o)), "250");
        assert_eq!(text(&|o| push_tenths(o, 0)), "0");
        assert_eq!(text(&|o| push_tenths(o, 65)), "6.5");
        assert_eq!(text(&|o| push_tenths(o, 1000)), "100");
        assert_eq!(text(&|o| push_halves(o, 3)), "1.5");
        assert_eq!(text(&|o| push_halves(o, 4)), "2");
        assert_eq!(text(&|o| push_units(o, -1)), "-0.0001");
        assert_eq!(text(&|o| push_units(o, -99_500)), "-9.95");
        assert_eq!(text(&|o| push_units(o, 10_500)), "1.05");
        assert_eq!(text(&|o| push_units(o, 40_000)), "4");
        assert_eq!(text(&|o| push_units(o, 0)), "0");
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("AD-1"), "AD-1");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn parse_reads_quotes_line_breaks_and_line_numbers() {
        let (records, error) = parse("a,b\r\n\"x,1\",\"two\nlines\"\r\n3,\"q\"\"q\"\r\n", b',');
        assert_eq!(error, None);
        let fields: Vec<_> = records.iter().map(|r| (r.line, r.fields.clone())).collect();
        assert_eq!(
            fields,
            vec![
                (1, vec!["a".to_string(), "b".into()]),
                (2, vec!["x,1".into(), "two\nlines".into()]),
                (4, vec!["3".into(), "q\"q".into()]),
            ]
        );
    }

    #[test]
    fn parse_reports_an_unclosed_quote_at_its_line() {
        let (records, error) = parse("a\n1\n\"open\n", b',');
        assert_eq!(records.len(), 2);
        assert_eq!(error.map(|e| e.0), Some(3));
    }

    #[test]
    fn delimiter_is_detected_from_the_header() {
        assert_eq!(detect_delimiter("instrument;poem_1;poem_2\n"), b';');
        assert_eq!(detect_delimiter("instrument\tpoem_1\n"), b'\t');
        assert_eq!(detect_delimiter("instrument,poem_1\n"), b',');
        assert_eq!(detect_delimiter("instrument\n"), b',');
    }

    #[test]
    fn formulas_are_defused_for_excel_and_left_as_they_are_in_the_plain_file() {
        // Assemble: a cell written as text, and as a code, for Excel or not.
        let written = |excel: bool, code: bool, text: &str| {
            let mut out = String::new();
            let mut line = LineWriter { excel, ..LineWriter::new(&mut out) };
            if code { line.code(0, text) } else { line.text(0, text) }
            line.end(1);
            out.trim_end().to_string()
        };
        // Act / Assert: for Excel, text gets a leading ', a code is a constant Excel shows as
        // it is (a code with a double quote cannot be one: a leading ' then).
        assert_eq!(written(true, false, "=1+1"), "'=1+1");
        assert_eq!(written(true, false, "-2"), "'-2");
        assert_eq!(written(true, false, "=a,b"), "\"'=a,b\"");
        assert_eq!(written(true, true, "=1+1"), "\"=\"\"=1+1\"\"\"");
        assert_eq!(written(true, true, "@x,y"), "\"=\"\"@x,y\"\"\"");
        assert_eq!(written(true, true, "=A\"1"), "\"'=A\"\"1\"");
        assert_eq!(written(true, true, "AD-1"), "AD-1");
        // The plain file: exactly as entered, quoted only where RFC 4180 needs it.
        for code in [false, true] {
            assert_eq!(written(false, code, "=1+1"), "=1+1");
            assert_eq!(written(false, code, "'=1+1"), "'=1+1");
            assert_eq!(written(false, code, "-2"), "-2");
            assert_eq!(written(false, code, "=a,b"), "\"=a,b\"");
        }
    }
}
