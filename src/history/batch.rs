//! Batch scoring for researchers: a CSV of item-level scores in, the same CSV with the scores
//! added out (`docs/batch-csv.md`). Every row is checked on its own: a row with an error is
//! listed (line number and reason) and kept in the output with an empty result and the reason
//! in its `error` column; every valid row is scored.
//!
//! The input columns are the item columns of `csv::to_csv` (so a history export can be scored
//! again as it is). Each value is read through the record format's own types, so the rules and
//! messages are those of `docs/record-format.md`; nothing is ever filled in.

use super::csv::{
    defused, detect_delimiter, dlqi_columns, easi_columns, line, parse, poem_columns, result_cells, Quoting,
    scorad_extent_columns, scorad_intensity_columns, AGE_COLUMN, EASI_ITEMS, NRS_COLUMN, RESULT_COLUMNS,
    SCORAD_SUBJECTIVE_COLUMNS,
};
use super::io::MAX_IMPORT_BYTES;
use super::{GlobalRatings, Reporter};
use super::{instrument_name, INSTRUMENTS};
use crate::scoring::dlqi::{DlqiAnswer, DlqiRecord};
use crate::scoring::easi::{AreaScore, EasiBands, EasiRecord, EasiRegion, EasiRegions, SignGrade};
use crate::scoring::nrs::{NrsRecord, NrsValue};
use crate::scoring::poem::{PoemAnswer, PoemRecord};
use crate::scoring::scorad::{Extent, Grade, Intensity, Percent, ScoradBands, ScoradRecord, Subjective, Vas};
use crate::scoring::check::FromJson;
use crate::scoring::exact::decimal_digits;
use crate::scoring::{AgeYears, Assessment, RecordProblem, ScoreError, ValueProblem};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// A row that could not be scored (or a problem with the whole file, on line 0 or 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchError {
    /// The line the row starts on (the header is line 1); 0 for the file as a whole.
    pub line: usize,
    /// What is wrong, named; `Display` is the English reason of `docs/batch-csv.md` (the output
    /// file's `error` column), `RecordsStrings::batch_problem` says it in the screen's language.
    pub reason: BatchProblem,
}

/// What is wrong with a batch file, or with one of its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BatchProblem {
    /// The file is larger than `limit` bytes (`size` bytes).
    TooLarge {
        /// The file's size in bytes.
        size: usize,
        /// The largest size accepted, in bytes.
        limit: usize,
    },
    /// Nothing but white space.
    Empty,
    /// No header line.
    NoHeader,
    /// The header's quoting is broken.
    Header(Quoting),
    /// A column named twice in the header (its name, as matched: trimmed, lower case).
    ColumnTwice(String),
    /// No `instrument` column; the separator the header was read with.
    NoInstrumentColumn(u8),
    /// The row's quoting is broken.
    Quoting(Quoting),
    /// A quoted field never closed: the file is not read past this line.
    NotReadPast(Quoting),
    /// The row has `got` fields; the header has `header`.
    FieldCount {
        /// The row's fields.
        got: usize,
        /// The header's fields.
        header: usize,
    },
    /// The instrument cell is empty.
    NoInstrument,
    /// An instrument the format does not have (as written).
    UnknownInstrument(String),
    /// Every problem found in a row, in order.
    Row(Vec<RowProblem>),
}

/// One problem of a row whose instrument is known (the instrument's key where it names it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// A cell the record format refuses.
    Cell {
        /// The column.
        column: String,
        /// Why.
        problem: RecordProblem,
    },
    /// A cell that is not a number (as written; `comma`: it holds a comma, in a file whose
    /// decimal separator is the point).
    NotANumber {
        /// The column.
        column: String,
        /// The cell, trimmed.
        text: String,
        /// Whether it holds a comma.
        comma: bool,
    },
    /// Item columns of other instruments filled on this row.
    Stray {
        /// The columns.
        columns: Vec<String>,
        /// The row's instrument.
        instrument: &'static str,
    },
    /// A band system the row's instrument does not have (as written; the instrument is EASI or
    /// SCORAD).
    BandSystem {
        /// The cell.
        text: String,
        /// The row's instrument.
        instrument: &'static str,
    },
    /// Only one of SCORAD's pruritus and sleep loss given.
    SubjectiveHalf,
    /// A DLQI rule across items.
    Dlqi(ValueProblem),
    /// The row cannot be scored (a record built here breaks a rule of the record format).
    Unscorable(ScoreError),
    /// Item columns the header does not have.
    MissingColumns {
        /// The columns.
        columns: Vec<String>,
        /// The row's instrument.
        instrument: &'static str,
    },
    /// Items left empty.
    Empty {
        /// The columns.
        columns: Vec<String>,
        /// The row's instrument.
        instrument: &'static str,
    },
}

impl fmt::Display for BatchProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BatchProblem::TooLarge { size, limit } => {
                write!(f, "the file is too large ({:.1} MB; the limit is {} MB)", *size as f64 / (1024.0 * 1024.0), limit / (1024 * 1024))
            }
            BatchProblem::Empty => f.write_str("the file is empty"),
            BatchProblem::NoHeader => f.write_str("the file has no header"),
            BatchProblem::Header(why) => write!(f, "header: {why}"),
            BatchProblem::ColumnTwice(name) => write!(f, "the column {name:?} appears twice in the header"),
            BatchProblem::NoInstrumentColumn(delimiter) => write!(
                f,
                "the header has no \"instrument\" column (columns are separated by {}; see docs/batch-csv.md)",
                match delimiter {
                    b';' => "semicolons",
                    b'\t' => "tabs",
                    _ => "commas",
                }
            ),
            BatchProblem::Quoting(why) => why.fmt(f),
            BatchProblem::NotReadPast(why) => write!(f, "{why}; the file is not read past this line"),
            BatchProblem::FieldCount { got, header } => write!(f, "the row has {got} fields; the header has {header}"),
            BatchProblem::NoInstrument => write!(f, "instrument is empty; use one of {}", INSTRUMENTS.join(", ")),
            BatchProblem::UnknownInstrument(raw) => write!(f, "unknown instrument {raw:?}; use one of {}", INSTRUMENTS.join(", ")),
            BatchProblem::Row(problems) => {
                for (i, problem) in problems.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    problem.fmt(f)?;
                }
                Ok(())
            }
        }
    }
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowProblem::Cell { column, problem } => write!(f, "{column}: {problem}"),
            RowProblem::NotANumber { column, text, comma: true } => {
                write!(f, "{column}: {text:?} is not a number (use a point as the decimal separator)")
            }
            RowProblem::NotANumber { column, text, comma: false } => write!(f, "{column}: {text:?} is not a number"),
            RowProblem::Stray { columns, instrument } => {
                let one = columns.len() == 1;
                write!(
                    f,
                    "{} {} not used by {} rows; leave {} empty",
                    columns.join(", "),
                    if one { "is" } else { "are" },
                    instrument_name(instrument),
                    if one { "it" } else { "them" }
                )
            }
            RowProblem::BandSystem { text, instrument: "easi" } => {
                write!(f, "band_system {text:?} is not an EASI band system; use leshem_2015 or chopra_2017")
            }
            RowProblem::BandSystem { text, .. } => {
                write!(f, "band_system {text:?} is not a SCORAD band system; use kunz_1997 or chopra_2017")
            }
            RowProblem::SubjectiveHalf => f.write_str(
                "scorad_pruritus and scorad_sleep_loss go together: give both (SCORAD) or neither (objective SCORAD only)",
            ),
            RowProblem::Dlqi(problem) => problem.fmt(f),
            RowProblem::Unscorable(why) => why.fmt(f),
            RowProblem::MissingColumns { columns, instrument } => write!(
                f,
                "the header has no column {} (needed for {} rows)",
                columns.join(", "),
                instrument_name(instrument)
            ),
            RowProblem::Empty { columns, instrument } => write!(
                f,
                "empty: {} ({} needs every item; no value is assumed)",
                columns.join(", "),
                instrument_name(instrument)
            ),
        }
    }
}

/// The outcome of [`score_csv`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchResult {
    /// The scored CSV (empty when the file as a whole could not be read).
    pub output_csv: String,
    /// Every row with an error, in line order.
    pub errors: Vec<BatchError>,
    /// How many rows were scored.
    pub scored: usize,
}

/// The output column holding a row's error.
pub const ERROR_COLUMN: &str = "error";

fn fatal(line: usize, reason: BatchProblem) -> BatchResult {
    BatchResult { output_csv: String::new(), errors: vec![BatchError { line, reason }], scored: 0 }
}

/// One example record of each instrument, for [`template`] (the record format's JSON).
const TEMPLATE_RECORDS: [&str; 6] = [
    r#"{"instrument":"easi","age_years":34,"regions":{"head_neck":{"area":2,"erythema":1.5,"edema_papulation":1,"excoriation":0,"lichenification":1},"upper_limbs":{"area":3,"erythema":2,"edema_papulation":2,"excoriation":1,"lichenification":2},"trunk":{"area":1,"erythema":1,"edema_papulation":1,"excoriation":0,"lichenification":0},"lower_limbs":{"area":0,"erythema":0,"edema_papulation":0,"excoriation":0,"lichenification":0}}}"#,
    r#"{"instrument":"scorad","age_years":34,"extent":{"head_neck_front":20,"head_neck_back":0,"upper_limb_left_front":30,"upper_limb_left_back":10,"upper_limb_right_front":30,"upper_limb_right_back":10,"trunk_front":5,"trunk_back":0,"lower_limb_left_front":0,"lower_limb_left_back":0,"lower_limb_right_front":0,"lower_limb_right_back":0,"genitals":0},"intensity":{"erythema":2,"edema_papulation":1,"oozing_crusts":0,"excoriation":1,"lichenification":1,"dryness":2},"subjective":{"pruritus":6.5,"sleep_loss":3}}"#,
    r#"{"instrument":"poem","answers":[3,2,1,0,2,1,3]}"#,
    r#"{"instrument":"dlqi","answers":[2,1,"not_relevant",1,0,0,2,1,0,1]}"#,
    r#"{"instrument":"itch_nrs","value":7}"#,
    r#"{"instrument":"sleep_nrs","value":4}"#,
];

/// A CSV to start a batch from: a `subject` column (any other column is copied through too),
/// `instrument`, every item column, and one example row of each instrument, written as the
/// history export writes its items (so every example row scores).
pub fn template() -> String {
    let mut columns = vec!["subject".to_string(), "instrument".to_string()];
    columns.extend(super::csv::item_columns());
    let mut out = line(&columns);
    for (n, json) in TEMPLATE_RECORDS.iter().enumerate() {
        let record = Assessment::from_json(json).expect("the template's records are valid");
        let cells = super::csv::item_cells(&record);
        let row: Vec<String> = columns
            .iter()
            .map(|column| match column.as_str() {
                "subject" => format!("S{:02}", n + 1),
                "instrument" => super::instrument_key(&record).to_string(),
                _ => cells.iter().find(|(c, _)| c == column).map(|(_, text)| text.clone()).unwrap_or_default(),
            })
            .collect();
        out.push_str(&line(&row));
    }
    out
}

/// Scores a CSV of item-level scores (`docs/batch-csv.md`): comma, semicolon or tab
/// separated (detected from the header), UTF-8 with or without BOM, CRLF or LF. The output
/// keeps every input column except the result columns, in order, then adds
/// `csv::RESULT_COLUMNS` and `error`; it is comma separated with CRLF line ends (and a BOM
/// when the input had one).
pub fn score_csv(input: &str) -> BatchResult {
    if input.len() > MAX_IMPORT_BYTES {
        return fatal(0, BatchProblem::TooLarge { size: input.len(), limit: MAX_IMPORT_BYTES });
    }
    let bom = input.starts_with('\u{feff}');
    let text = input.strip_prefix('\u{feff}').unwrap_or(input);
    if text.trim().is_empty() {
        return fatal(0, BatchProblem::Empty);
    }
    let delimiter = detect_delimiter(text);
    let (records, parse_error) = parse(text, delimiter);
    let mut records = records.into_iter().skip_while(|r| r.fields.iter().all(|f| f.trim().is_empty()));
    let Some(header_record) = records.next() else {
        return match parse_error {
            Some((line, why)) => fatal(line, BatchProblem::Quoting(why)),
            None => fatal(1, BatchProblem::NoHeader),
        };
    };
    let header_line = header_record.line;
    if let Some(why) = header_record.error {
        return fatal(header_line, BatchProblem::Header(why));
    }
    let names: Vec<String> = header_record.fields.iter().map(|f| f.trim().to_lowercase()).collect();
    let mut seen = HashSet::new();
    if let Some(twice) = names.iter().find(|n| !n.is_empty() && !seen.insert(n.as_str())) {
        return fatal(header_line, BatchProblem::ColumnTwice(twice.clone()));
    }
    let columns: HashMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (n.as_str(), i)).collect();
    if !columns.contains_key("instrument") {
        return fatal(header_line, BatchProblem::NoInstrumentColumn(delimiter));
    }
    let outputs: HashSet<&str> = RESULT_COLUMNS.iter().copied().chain([ERROR_COLUMN]).collect();
    let kept: Vec<usize> = (0..names.len()).filter(|&i| !outputs.contains(names[i].as_str())).collect();
    let mut out = String::new();
    if bom {
        out.push('\u{feff}');
    }
    let mut head: Vec<&str> = kept.iter().map(|&i| header_record.fields[i].as_str()).collect();
    head.extend(RESULT_COLUMNS);
    head.push(ERROR_COLUMN);
    // A file from a spreadsheet (with a byte-order mark, as Excel writes UTF-8) comes back with
    // its cells defused: a cell such as `=HYPERLINK(…)` in a subject column must not become a live
    // formula in the spreadsheet that opens the output. A plain file (R, a script, the history's
    // plain export) comes back as it was, as that export keeps it ("=1+1" and "'=1+1" stay two).
    let safe_line = |fields: &[&str]| {
        if bom {
            line(&fields.iter().map(|f| defused(f)).collect::<Vec<_>>())
        } else {
            line(fields)
        }
    };
    out.push_str(&safe_line(&head));

    let reader = RowReader { columns: &columns, decimal_comma: delimiter != b',' };
    let mut errors = Vec::new();
    let mut scored = 0;
    for record in records {
        if record.fields.iter().all(|f| f.trim().is_empty()) && record.error.is_none() {
            continue;
        }
        let outcome = match &record.error {
            Some(why) => Err(BatchProblem::Quoting(*why)),
            None if record.fields.len() != names.len() => {
                Err(BatchProblem::FieldCount { got: record.fields.len(), header: names.len() })
            }
            // No instrument, no item, a global rating: a history export's row of a visit that
            // holds only the patient's ratings. Nothing to score, and nothing wrong: passed through.
            None if reader.ratings_only(&record.fields) => Ok(Vec::new()),
            None => reader.row(&record.fields).map(|cells| {
                scored += 1;
                cells
            }),
        };
        let mut row: Vec<String> = kept.iter().map(|&i| record.fields.get(i).cloned().unwrap_or_default()).collect();
        let mut results = vec![String::new(); RESULT_COLUMNS.len() + 1];
        match outcome {
            Ok(assessment_score) => {
                for (column, value) in assessment_score {
                    if let Some(i) = RESULT_COLUMNS.iter().position(|&c| c == column) {
                        results[i] = value;
                    }
                }
            }
            Err(reason) => {
                // The output file's reason is English whatever the screen's language: it is data,
                // the same for the same input (docs/batch-csv.md).
                results[RESULT_COLUMNS.len()] = reason.to_string();
                errors.push(BatchError { line: record.line, reason });
            }
        }
        row.extend(results);
        out.push_str(&safe_line(&row.iter().map(String::as_str).collect::<Vec<_>>()));
    }
    if let Some((line, reason)) = parse_error {
        errors.push(BatchError { line, reason: BatchProblem::NotReadPast(reason) });
    }
    BatchResult { output_csv: out, errors, scored }
}

/// Reads the cells of one row by column name.
struct RowReader<'a> {
    columns: &'a HashMap<&'a str, usize>,
    /// `6,5` is read as 6.5 (files separated by semicolons or tabs).
    decimal_comma: bool,
}

/// Problems found in one row, given as one reason.
#[derive(Default)]
struct Problems {
    missing_columns: Vec<String>,
    empty: Vec<String>,
    other: Vec<RowProblem>,
}

impl Problems {
    fn into_result<T>(self, value: Option<T>, instrument: &'static str) -> Result<T, BatchProblem> {
        let mut reasons = self.other;
        if !self.missing_columns.is_empty() {
            reasons.push(RowProblem::MissingColumns { columns: self.missing_columns, instrument });
        }
        if !self.empty.is_empty() {
            reasons.push(RowProblem::Empty { columns: self.empty, instrument });
        }
        match value {
            Some(value) if reasons.is_empty() => Ok(value),
            _ => Err(BatchProblem::Row(reasons)),
        }
    }
}

/// A cell that means "no value": empty, or R's `NA`.
fn is_blank(text: &str) -> bool {
    let t = text.trim();
    t.is_empty() || t == "NA"
}

/// A number cell as JSON: digits with at most one decimal point (or a decimal comma when
/// allowed), an optional minus; leading zeros and trailing fractional zeros are dropped, so
/// "2.00" reads as 2 and "06.50" as 6.5. `Err` when it is not a number, with whether the cell
/// holds a comma (then the reason says to use a point).
fn number(text: &str, decimal_comma: bool) -> Result<Value, bool> {
    let t = text.trim();
    let t = if decimal_comma { t.replacen(',', ".", 1) } else { t.to_string() };
    let (negative, digits) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.as_str()),
    };
    let Some((int, frac)) = decimal_digits(digits, &['.']).filter(|_| digits.len() <= 30) else {
        return Err(text.contains(','));
    };
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let zero = int == "0" && frac.is_empty();
    let mut json = String::new();
    if negative && !zero {
        json.push('-');
    }
    json.push_str(int);
    if !frac.is_empty() {
        json.push('.');
        json.push_str(frac);
    }
    serde_json::from_str(&json).map_err(|_| false)
}

impl RowReader<'_> {
    /// The trimmed cell of `column`; `None` if the header has no such column.
    fn cell<'r>(&self, fields: &'r [String], column: &str) -> Option<&'r str> {
        self.columns.get(column).and_then(|&i| fields.get(i)).map(|f| f.trim())
    }

    /// A required value of type `T` from `column`.
    fn required<T: FromJson>(&self, fields: &[String], column: &str, problems: &mut Problems) -> Option<T> {
        match self.cell(fields, column) {
            None => {
                problems.missing_columns.push(column.to_string());
                None
            }
            Some(text) if is_blank(text) => {
                problems.empty.push(column.to_string());
                None
            }
            Some(text) => self.parse(column, text, problems),
        }
    }

    /// An optional value (blank = `None`); the column must exist.
    fn optional<T: FromJson>(&self, fields: &[String], column: &str, problems: &mut Problems) -> Option<Option<T>> {
        match self.cell(fields, column) {
            None => {
                problems.missing_columns.push(column.to_string());
                None
            }
            Some(text) if is_blank(text) => Some(None),
            Some(text) => self.parse(column, text, problems).map(Some),
        }
    }

    fn parse<T: FromJson>(&self, column: &str, text: &str, problems: &mut Problems) -> Option<T> {
        let lower = text.to_ascii_lowercase();
        let value = if lower == "not_relevant" || lower == "not relevant" {
            Value::String("not_relevant".into())
        } else {
            match number(text, self.decimal_comma) {
                Ok(value) => value,
                Err(comma) => {
                    problems.other.push(RowProblem::NotANumber { column: column.to_string(), text: text.trim().to_string(), comma });
                    return None;
                }
            }
        };
        match T::from_json(&value) {
            Ok(value) => Some(value),
            Err(problem) => {
                problems.other.push(RowProblem::Cell { column: column.to_string(), problem });
                None
            }
        }
    }

    /// Whether a row holds only global ratings, as a history export writes a visit of them
    /// alone: its instrument and every item cell blank; a `global_status` (0–4) or
    /// `global_effect` (0–6) given, each blank or a whole number in its range; `reported_by`
    /// blank, `patient` or `parent`. Anything else on a row without an instrument is an error.
    fn ratings_only(&self, fields: &[String]) -> bool {
        let blank = |column: &str| self.cell(fields, column).is_none_or(is_blank);
        let rating = |column: &str, top: u8| {
            self.cell(fields, column).is_none_or(|text| is_blank(text) || text.parse::<u8>().is_ok_and(|v| v <= top))
        };
        blank("instrument")
            && !(blank("global_status") && blank("global_effect"))
            && rating("global_status", GlobalRatings::STATUS_TOP)
            && rating("global_effect", GlobalRatings::EFFECT_TOP)
            && self.cell(fields, "reported_by").is_none_or(|text| text.is_empty() || [Reporter::Patient, Reporter::Parent].iter().any(|r| r.key() == text))
            && blank(AGE_COLUMN)
            && foreign_columns().iter().all(|c| blank(c))
    }

    /// Reads, checks and scores one row; the result cells, or the reason it cannot be scored.
    fn row(&self, fields: &[String]) -> Result<Vec<(&'static str, String)>, BatchProblem> {
        let raw = self.cell(fields, "instrument").unwrap_or("");
        let instrument = raw.to_ascii_lowercase();
        let Some(&instrument) = INSTRUMENTS.iter().find(|&&k| k == instrument) else {
            return Err(if raw.is_empty() { BatchProblem::NoInstrument } else { BatchProblem::UnknownInstrument(raw.to_string()) });
        };
        // Item columns of other instruments must be empty (a value there is a misplaced entry).
        let own = own_columns(instrument);
        let foreign = foreign_columns();
        let stray: Vec<String> = foreign
            .into_iter()
            .filter(|c| !own.contains(c))
            .filter(|c| self.cell(fields, c).is_some_and(|t| !is_blank(t)))
            .collect();
        let mut problems = Problems::default();
        if !stray.is_empty() {
            problems.other.push(RowProblem::Stray { columns: stray, instrument });
        }
        let (easi_bands, scorad_bands) = self.band_systems(fields, instrument, &mut problems);
        let assessment = match instrument {
            "easi" => self.easi(fields, &mut problems).map(Assessment::Easi),
            "scorad" => self.scorad(fields, &mut problems).map(Assessment::Scorad),
            "poem" => self.poem(fields, &mut problems).map(Assessment::Poem),
            "dlqi" => self.dlqi(fields, &mut problems).map(Assessment::Dlqi),
            "itch_nrs" => self.nrs(fields, &mut problems).map(Assessment::ItchNrs),
            _ => self.nrs(fields, &mut problems).map(Assessment::SleepNrs),
        };
        let assessment = problems.into_result(assessment, instrument)?;
        let score = assessment
            .score_with(easi_bands, scorad_bands)
            .map_err(|why| BatchProblem::Row(vec![RowProblem::Unscorable(why)]))?;
        Ok(result_cells(&score))
    }

    /// The band systems named in `band_system` (EASI and SCORAD rows; blank = the default).
    fn band_systems(&self, fields: &[String], instrument: &'static str, problems: &mut Problems) -> (EasiBands, ScoradBands) {
        let mut bands = (EasiBands::default(), ScoradBands::default());
        let Some(text) = self.cell(fields, "band_system").filter(|t| !is_blank(t)) else { return bands };
        let key = text.to_ascii_lowercase();
        match instrument {
            "easi" => match EasiBands::ALL.into_iter().find(|b| b.key() == key) {
                Some(b) => bands.0 = b,
                None => problems.other.push(RowProblem::BandSystem { text: text.to_string(), instrument }),
            },
            "scorad" => match ScoradBands::ALL.into_iter().find(|b| b.key() == key) {
                Some(b) => bands.1 = b,
                None => problems.other.push(RowProblem::BandSystem { text: text.to_string(), instrument }),
            },
            _ => {}
        }
        bands
    }

    fn easi(&self, fields: &[String], problems: &mut Problems) -> Option<EasiRecord> {
        let age_years: Option<AgeYears> = self.required(fields, AGE_COLUMN, problems);
        let columns = easi_columns();
        let mut regions = Vec::new();
        for region in columns.chunks(EASI_ITEMS.len()) {
            let area: Option<AreaScore> = self.required(fields, &region[0], problems);
            let signs: Vec<Option<SignGrade>> = region[1..].iter().map(|c| self.required(fields, c, problems)).collect();
            regions.push(area.zip(signs.into_iter().collect::<Option<Vec<_>>>()).map(|(area, s)| EasiRegion {
                area,
                erythema: s[0],
                edema_papulation: s[1],
                excoriation: s[2],
                lichenification: s[3],
            }));
        }
        let regions: Vec<EasiRegion> = regions.into_iter().collect::<Option<_>>()?;
        Some(EasiRecord {
            age_years: age_years?,
            regions: EasiRegions { head_neck: regions[0], upper_limbs: regions[1], trunk: regions[2], lower_limbs: regions[3] },
        })
    }

    fn scorad(&self, fields: &[String], problems: &mut Problems) -> Option<ScoradRecord> {
        let age_years: Option<AgeYears> = self.required(fields, AGE_COLUMN, problems);
        let extent: Vec<Option<Percent>> = scorad_extent_columns().iter().map(|c| self.required(fields, c, problems)).collect();
        let grades: Vec<Option<Grade>> = scorad_intensity_columns().iter().map(|c| self.required(fields, c, problems)).collect();
        let [pruritus, sleep_loss] = SCORAD_SUBJECTIVE_COLUMNS.map(|c| match self.cell(fields, c) {
            None => Some(None),
            Some(t) if is_blank(t) => Some(None),
            Some(t) => self.parse::<Vas>(c, t, problems).map(Some),
        });
        let subjective = match (pruritus?, sleep_loss?) {
            (Some(pruritus), Some(sleep_loss)) => Some(Subjective { pruritus, sleep_loss }),
            (None, None) => None,
            _ => {
                problems.other.push(RowProblem::SubjectiveHalf);
                return None;
            }
        };
        let extent: Vec<Percent> = extent.into_iter().collect::<Option<_>>()?;
        let grades: Vec<Grade> = grades.into_iter().collect::<Option<_>>()?;
        Some(ScoradRecord {
            age_years: age_years?,
            extent: Extent::from_array(extent.try_into().ok()?),
            intensity: Intensity::from_array(grades.try_into().ok()?),
            subjective,
        })
    }

    fn poem(&self, fields: &[String], problems: &mut Problems) -> Option<PoemRecord> {
        let answers: Vec<Option<Option<PoemAnswer>>> = poem_columns().iter().map(|c| self.optional(fields, c, problems)).collect();
        let answers: Vec<Option<PoemAnswer>> = answers.into_iter().collect::<Option<_>>()?;
        Some(PoemRecord { answers: answers.try_into().ok()? })
    }

    fn dlqi(&self, fields: &[String], problems: &mut Problems) -> Option<DlqiRecord> {
        let answers: Vec<Option<Option<DlqiAnswer>>> = dlqi_columns().iter().map(|c| self.optional(fields, c, problems)).collect();
        let answers: Vec<Option<DlqiAnswer>> = answers.into_iter().collect::<Option<_>>()?;
        let record = DlqiRecord { answers: answers.try_into().ok()? };
        if let Err(why) = record.check() {
            problems.other.push(RowProblem::Dlqi(why));
            return None;
        }
        Some(record)
    }

    fn nrs(&self, fields: &[String], problems: &mut Problems) -> Option<NrsRecord> {
        let value: Option<NrsValue> = self.required(fields, NRS_COLUMN, problems);
        Some(NrsRecord { value: value? })
    }
}

/// The item columns `instrument` reads (besides `age_years`).
fn own_columns(instrument: &str) -> Vec<String> {
    let mut columns = Vec::new();
    match instrument {
        "easi" => columns.extend(easi_columns()),
        "scorad" => {
            columns.extend(scorad_extent_columns());
            columns.extend(scorad_intensity_columns());
            columns.extend(SCORAD_SUBJECTIVE_COLUMNS.map(String::from));
        }
        "poem" => columns.extend(poem_columns()),
        "dlqi" => columns.extend(dlqi_columns()),
        _ => columns.push(NRS_COLUMN.into()),
    }
    columns
}

/// Every instrument's item columns except `age_years` (which any row may carry).
fn foreign_columns() -> Vec<String> {
    // Itch and sleep NRS share `nrs_value`: list it once.
    INSTRUMENTS.iter().filter(|&&k| k != "sleep_nrs").flat_map(|k| own_columns(k)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_normalised_exactly() {
        assert_eq!(number("2.00", false), Ok(serde_json::json!(2)));
        assert_eq!(number("06.50", false), Ok(serde_json::json!(6.5)));
        assert_eq!(number(".5", false), Ok(serde_json::json!(0.5)));
        assert_eq!(number("-0", false), Ok(serde_json::json!(0)));
        assert_eq!(number("6,5", true), Ok(serde_json::json!(6.5)));
        assert_eq!(number("6,5", false), Err(true), "said with the decimal separator");
        assert_eq!(number("x", false), Err(false));
        assert!(number("1e3", false).is_err());
        assert!(number("", false).is_err());
        assert!(number(".", false).is_err());
        assert!(number("5.", false).is_ok());
    }
}
