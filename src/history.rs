//! Visits over time: patients (pseudonymous codes), visits holding assessments in the record
//! format, change from baseline with responder flags, and cohort summaries. Pure Rust; the
//! browser store, exports and imports build on these types.

use crate::age::Date;
use crate::scoring::easi::EasiValue;
use crate::scoring::scorad::ScoradValue;
use crate::scoring::{dlqi, nrs, poem, Assessment, Band, EasiBands, Score, ScoradBands};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

pub mod batch;
pub mod csv;
pub mod fhir;
pub mod io;
pub mod merge;

/// The history file's format name (first key of every export).
pub const FORMAT: &str = "adscore-history";
/// The current schema version; older versions are migrated on import.
pub const VERSION: u32 = 2;
/// This app's version, stamped on every visit.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A patient: a pseudonymous code, never a name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patient {
    /// Pseudonymous code, e.g. "AD-017" (unique).
    pub code: String,
    /// Date of birth, YYYY-MM-DD, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dob: Option<String>,
    /// A local note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The patient's global ratings at a visit (not summed into any score).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlobalRatings {
    /// Disease status: 0 clear, 1 almost clear, 2 mild, 3 moderate, 4 severe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u8>,
    /// Treatment effect since the last visit: 0 very much better … 3 no change … 6 very much worse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<u8>,
}

impl GlobalRatings {
    /// The highest disease status (4, severe).
    pub const STATUS_TOP: u8 = 4;
    /// The highest treatment effect (6, very much worse).
    pub const EFFECT_TOP: u8 = 6;
}

/// Who answered the patient's questionnaires at a visit (the patient's flow asks it first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reporter {
    /// The patient, for themselves.
    Patient,
    /// A parent or carer, for a child (POEM's proxy version, the "your child" questions).
    Parent,
}

impl Reporter {
    /// The name written in the history file and the CSV export (`"patient"`, `"parent"`).
    pub fn key(self) -> &'static str {
        match self {
            Reporter::Patient => "patient",
            Reporter::Parent => "parent",
        }
    }
}

/// One visit: a date and the assessments made then.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    /// Unique id (patient code + date + a counter is enough).
    pub id: String,
    /// The patient's code.
    pub patient: String,
    /// Visit date, YYYY-MM-DD.
    pub date: String,
    /// Optional study label, e.g. "baseline", "week 4".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// Assessments in the record format (at most one per instrument).
    pub assessments: Vec<Assessment>,
    /// Global ratings.
    #[serde(default)]
    pub global: GlobalRatings,
    /// Who answered the patient's questionnaires (history format 2); `None` when the visit has
    /// none of them (POEM, DLQI, itch or sleep NRS, a global rating) or was recorded before
    /// this was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<Reporter>,
    /// EASI band system used.
    #[serde(default)]
    pub easi_bands: EasiBands,
    /// SCORAD band system used.
    #[serde(default)]
    pub scorad_bands: ScoradBands,
    /// App version that recorded it.
    pub app_version: String,
}

/// What saving a visit on a day the patient already has changes ([`History::day_update`]).
#[derive(Clone, Debug, PartialEq)]
pub struct DayUpdate {
    /// The visits to write, in this order: each replaces the visit with its id, or is added
    /// when no visit has it. The day's visit that takes the answers always comes last, even
    /// unchanged; the others only when they change.
    pub visits: Vec<Visit>,
    /// Visits of the day to remove first: each one's scores and ratings were all given again
    /// and are filed in another visit of the day.
    pub removed: Vec<String>,
    /// The instruments whose saved assessment is replaced by a different one, then
    /// `global_status` / `global_effect` for a different rating given again, then `label` when
    /// the day's label is replaced by another (the baseline and the study's time points are
    /// found by their labels), for the user to confirm.
    pub replaced: Vec<&'static str>,
    /// Whether the answers are filed apart from another person's that day.
    pub apart: bool,
}

/// Every patient and visit on the device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    /// Always [`FORMAT`].
    pub format: String,
    /// Schema version.
    pub version: u32,
    /// Patients.
    pub patients: Vec<Patient>,
    /// Visits.
    pub visits: Vec<Visit>,
}

impl History {
    /// The oldest history format version that holds everything in this history: 1, unless a
    /// visit says who answered (`reported_by`, version 2). adscore writes its histories in that
    /// version, so an adscore that reads only version 1 still opens one that uses nothing newer
    /// (an export for a colleague, or the device's store seen by a tab still running the
    /// version before the update).
    pub fn written_version(&self) -> u32 {
        if self.visits.iter().any(|v| v.reported_by.is_some()) {
            2
        } else {
            1
        }
    }
}

impl Default for History {
    fn default() -> Self {
        History { format: FORMAT.into(), version: VERSION, patients: Vec::new(), visits: Vec::new() }
    }
}

/// A score followed over time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// EASI total.
    Easi,
    /// SCORAD total.
    Scorad,
    /// Objective SCORAD.
    ObjectiveScorad,
    /// POEM total.
    Poem,
    /// DLQI total.
    Dlqi,
    /// Itch NRS.
    ItchNrs,
    /// Sleep NRS.
    SleepNrs,
}

impl Metric {
    /// All metrics, in display order.
    pub const ALL: [Metric; 7] =
        [Metric::Easi, Metric::Scorad, Metric::ObjectiveScorad, Metric::Poem, Metric::Dlqi, Metric::ItchNrs, Metric::SleepNrs];

    /// The metric's place in [`Metric::ALL`] (for values read once per metric into an array).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The highest score the instrument gives (its scale's top): EASI 72, SCORAD 103, objective
    /// SCORAD 83, POEM 28, DLQI 30, the NRS 10.
    pub const fn top(self) -> u32 {
        match self {
            Metric::Easi => 72,
            Metric::Scorad => 103,
            Metric::ObjectiveScorad => 83,
            Metric::Poem => 28,
            Metric::Dlqi => 30,
            Metric::ItchNrs | Metric::SleepNrs => 10,
        }
    }

    /// Whether the instrument scores in whole numbers (POEM, DLQI, the NRS).
    pub const fn is_whole(self) -> bool {
        matches!(self, Metric::Poem | Metric::Dlqi | Metric::ItchNrs | Metric::SleepNrs)
    }

    /// A value or change of this metric (in 1/[`UNITS`]) as the screens show it: a whole-number
    /// instrument's as a whole number ("7", "-4"), EASI's and SCORAD's to one decimal
    /// ([`units_text`]).
    pub fn text(self, units: i64) -> String {
        if self.is_whole() && units % UNITS == 0 {
            (units / UNITS).to_string()
        } else {
            units_text(units)
        }
    }

    /// A score of this metric (in 1/[`UNITS`]) as the screens show it beside its band, in the
    /// band systems `easi` and `scorad`: as [`Metric::text`], but a value that rounding to one
    /// decimal would carry into another band is written out exactly, as the score panel does
    /// ([`crate::scoring::exact::Exact::display_in_band`]): a Kunz-mild SCORAD of 24.96 is
    /// "24.96", not "25.0" (moderate's first figure), and so is a Chopra-mild EASI of 5.95.
    pub fn score_text(self, units: i64, easi: EasiBands, scorad: ScoradBands) -> String {
        match u32::try_from(units) {
            Ok(exact) if !self.is_whole() => crate::scoring::exact::Exact::<{ UNITS as u32 }>::from_units(exact)
                .display_in_band(|v| self.band_of(i64::from(v.units()), easi, scorad)),
            _ => self.text(units),
        }
    }
}

/// A value in 1/[`UNITS`] as text with one decimal, half away from zero ("12.5", "-3.0"; EASI
/// 0.15 is "0.2").
pub fn units_text(units: i64) -> String {
    let tenths = (units * 10 + units.signum() * UNITS / 2) / UNITS;
    let sign = if tenths < 0 { "-" } else { "" };
    format!("{sign}{}.{}", tenths.abs() / 10, tenths.abs() % 10)
}

// `index` is the place in `ALL` because the variants are declared in that order.
const _: () = {
    let mut i = 0;
    while i < Metric::ALL.len() {
        assert!(Metric::ALL[i].index() == i);
        i += 1;
    }
};

/// Every metric's value of a visit (in [`Metric::ALL`] order), each scored once.
pub fn values_of(visit: &Visit) -> [Option<i64>; 7] {
    Metric::ALL.map(|m| visit.value(m))
}

/// [`responders`] from two visits' values as [`values_of`] gives them.
pub fn responders_of(baseline: &[Option<i64>; 7], current: &[Option<i64>; 7]) -> Responders {
    let pair = |m: Metric| (baseline[m.index()], current[m.index()]);
    responders_of_values(pair(Metric::Easi), pair(Metric::ItchNrs))
}

/// Exact values for comparisons: every metric in units of 1/10 000.
pub const UNITS: i64 = 10_000;

// ---------------------------------------------------------------------------------------------
// Instruments and metrics
// ---------------------------------------------------------------------------------------------

/// Every instrument key of the record format, in record-format order.
pub const INSTRUMENTS: [&str; 6] = ["easi", "scorad", "poem", "dlqi", "itch_nrs", "sleep_nrs"];

/// The record format's `"instrument"` key of an assessment (`"easi"`, `"scorad"`, `"poem"`,
/// `"dlqi"`, `"itch_nrs"`, `"sleep_nrs"`).
pub const fn instrument_key(assessment: &Assessment) -> &'static str {
    match assessment {
        Assessment::Easi(_) => "easi",
        Assessment::Scorad(_) => "scorad",
        Assessment::Poem(_) => "poem",
        Assessment::Dlqi(_) => "dlqi",
        Assessment::ItchNrs(_) => "itch_nrs",
        Assessment::SleepNrs(_) => "sleep_nrs",
    }
}

/// The instrument's name for English messages ("EASI", "itch NRS" …); the key itself if
/// unknown. Other languages: `RecordsStrings::instrument_in_message`.
pub fn instrument_name(key: &str) -> &str {
    crate::i18n::Lang::En.records_strings().instrument_in_message(key)
}

impl Metric {
    /// The metric's exact value in 1/[`UNITS`] in a score already computed (`None` when the
    /// score is another instrument's, or gives no such total).
    pub fn value_of(self, score: &Score) -> Option<i64> {
        match (self, score) {
            (Metric::Easi, Score::Easi(s)) => Some(i64::from(s.total.units()) * EASI_TO_UNITS),
            (Metric::Scorad, Score::Scorad(s)) => s.total.map(|t| i64::from(t.units())),
            (Metric::ObjectiveScorad, Score::Scorad(s)) => Some(i64::from(s.objective.units())),
            (Metric::Poem, Score::Poem(s)) => s.total.map(|t| i64::from(t) * UNITS),
            (Metric::Dlqi, Score::Dlqi(s)) => s.total.map(|t| i64::from(t) * UNITS),
            (Metric::ItchNrs, Score::ItchNrs(s)) | (Metric::SleepNrs, Score::SleepNrs(s)) => Some(i64::from(s.total) * UNITS),
            _ => None,
        }
    }

    /// The metric's key: `"easi"`, `"scorad"`, `"objective_scorad"`, `"poem"`, `"dlqi"`,
    /// `"itch_nrs"`, `"sleep_nrs"` (also its JSON name).
    pub const fn key(self) -> &'static str {
        match self {
            Metric::Easi => "easi",
            Metric::Scorad => "scorad",
            Metric::ObjectiveScorad => "objective_scorad",
            Metric::Poem => "poem",
            Metric::Dlqi => "dlqi",
            Metric::ItchNrs => "itch_nrs",
            Metric::SleepNrs => "sleep_nrs",
        }
    }

    /// The metric with this key.
    pub fn from_key(key: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.key() == key)
    }

    /// The instrument whose assessment gives this metric (both SCORAD metrics: `"scorad"`).
    pub const fn instrument(self) -> &'static str {
        match self {
            Metric::Easi => "easi",
            Metric::Scorad | Metric::ObjectiveScorad => "scorad",
            Metric::Poem => "poem",
            Metric::Dlqi => "dlqi",
            Metric::ItchNrs => "itch_nrs",
            Metric::SleepNrs => "sleep_nrs",
        }
    }
}

// Every metric's exact unit divides UNITS: EASI 1/20, SCORAD 1/10 000, the rest whole numbers.
const EASI_TO_UNITS: i64 = UNITS / 20;
const _: () = assert!(EASI_TO_UNITS * 20 == UNITS);

/// One severity band of a metric's scale as [`Metric::bands`] gives it: every value from `first`
/// to `last` (in 1/[`UNITS`], both included, in steps of [`Metric::step`]) has `band`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BandRun {
    /// The band.
    pub band: Band,
    /// Its lowest value on the scale.
    pub first: i64,
    /// Its highest value on the scale.
    pub last: i64,
}

impl Metric {
    /// The finest difference the scales' band edges are read at (in 1/[`UNITS`]): a whole point
    /// for the whole-number instruments, 1/20 for EASI (its exact unit), 1/100 for SCORAD (whose
    /// edges are whole numbers).
    pub const fn step(self) -> i64 {
        match self {
            Metric::Easi => EASI_TO_UNITS,
            Metric::Scorad | Metric::ObjectiveScorad => UNITS / 100,
            _ => UNITS,
        }
    }

    /// The band of a value (in 1/[`UNITS`], within the scale) in the given band systems, as the
    /// instrument's module in `src/scoring` gives it; `None` for the sleep NRS, which has none.
    pub fn band_of(self, units: i64, easi: EasiBands, scorad: ScoradBands) -> Option<Band> {
        let whole = u32::try_from(units.clamp(0, i64::from(self.top()) * UNITS) / UNITS).unwrap_or(0);
        let exact = |per_unit: i64| u32::try_from(units.max(0) / per_unit).unwrap_or(u32::MAX);
        Some(match self {
            Metric::Easi => easi.band(EasiValue::from_units(exact(EASI_TO_UNITS))),
            Metric::Scorad => scorad.band(ScoradValue::from_units(exact(1))),
            Metric::ObjectiveScorad => scorad.objective_band(ScoradValue::from_units(exact(1))),
            Metric::Poem => poem::band(whole),
            Metric::Dlqi => dlqi::band(whole),
            Metric::ItchNrs => nrs::itch_band(whole),
            Metric::SleepNrs => return None,
        })
    }

    /// The top of a patient's chart of this metric, in whole points, when the highest value
    /// charted is `highest` (in 1/[`UNITS`]) and `runs` are the metric's bands
    /// ([`Metric::bands`]). EASI and the two SCORADs reach far above most patients' scores, so
    /// their charts end at the top of the band holding that value (rounded up to a whole point;
    /// at least the first band above 0): EASI 8 → 4 is charted 0–21, not flattened into the
    /// bottom ninth of 0–72. The rest, and a value in the last band, use the scale's top.
    pub fn chart_top(self, highest: i64, runs: &[BandRun]) -> u32 {
        if !matches!(self, Metric::Easi | Metric::Scorad | Metric::ObjectiveScorad) {
            return self.top();
        }
        let band_top = runs.iter().filter(|run| run.last > 0).find(|run| run.last >= highest);
        band_top.and_then(|run| u32::try_from((run.last + UNITS - 1) / UNITS).ok()).map_or(self.top(), |top| top.min(self.top()))
    }

    /// The scale from 0 to [`Metric::top`] cut into its severity bands, lowest first, read from
    /// the scoring modules value by value ([`Metric::band_of`] every [`Metric::step`]), so a
    /// chart draws the same edges the scores are banded with. Empty for the sleep NRS.
    pub fn bands(self, easi: EasiBands, scorad: ScoradBands) -> Vec<BandRun> {
        let mut runs: Vec<BandRun> = Vec::new();
        let top = i64::from(self.top()) * UNITS;
        for value in (0..=top).step_by(self.step() as usize) {
            let Some(band) = self.band_of(value, easi, scorad) else { return runs };
            match runs.last_mut() {
                Some(run) if run.band == band => run.last = value,
                _ => runs.push(BandRun { band, first: value, last: value }),
            }
        }
        runs
    }
}

// ---------------------------------------------------------------------------------------------
// Patients and visits
// ---------------------------------------------------------------------------------------------

/// A rule of the history broken by a patient, a visit or the history as a whole, with what it
/// names: the screens say it in their language (`RecordsStrings::violation`); `Display` is the
/// English sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Violation {
    /// The history's format name is not [`FORMAT`].
    Format(String),
    /// The history's schema version is not [`VERSION`].
    Version(u32),
    /// A patient in the history has an empty code.
    EmptyCode,
    /// A patient being entered has no code.
    NoCode,
    /// A patient code with spaces around it.
    CodeSpaces(String),
    /// A patient code with a control character.
    CodeControl(String),
    /// Two patients with this code.
    PatientTwice(String),
    /// The patient's date of birth is not a real date written YYYY-MM-DD.
    BirthDate {
        /// The patient's code.
        patient: String,
        /// The date as written.
        date: String,
    },
    /// A visit without an id.
    NoVisitId,
    /// The visit's date is not a real date written YYYY-MM-DD.
    VisitDate {
        /// The visit's id.
        visit: String,
        /// The date as written.
        date: String,
    },
    /// A visit with two assessments of one instrument (its key).
    TwoAssessments {
        /// The visit's id.
        visit: String,
        /// The instrument's key.
        instrument: &'static str,
    },
    /// An assessment that cannot be scored (the record format's English sentence; only a record
    /// built in code can reach this: the JSON reader refuses it first).
    Unscorable {
        /// The visit's id.
        visit: String,
        /// Why (its `Display` is the record format's sentence).
        why: crate::scoring::ScoreError,
    },
    /// A global disease status above 4.
    Status {
        /// The visit's id.
        visit: String,
        /// The value given.
        value: u8,
    },
    /// A global treatment effect above 6.
    Effect {
        /// The visit's id.
        visit: String,
        /// The value given.
        value: u8,
    },
    /// A visit of a patient the history (a file) does not hold.
    NotInFile {
        /// The visit's id.
        visit: String,
        /// The patient's code.
        patient: String,
    },
    /// A visit added for a patient not added yet.
    UnknownPatient(String),
    /// Two visits with this id.
    IdTwice(String),
    /// A visit added with an id already used.
    IdTaken(String),
    /// A visit to replace that is not there (its id).
    NoSuchVisit(String),
    /// Two assessments of one instrument for a patient on one date, in two visits.
    DayTwice {
        /// The patient's code.
        patient: String,
        /// The instrument's key.
        instrument: &'static str,
        /// The date.
        date: String,
    },
    /// A visit added with an instrument the patient already has that day in another visit.
    DayTaken {
        /// The patient's code.
        patient: String,
        /// The instrument's key.
        instrument: &'static str,
        /// The date.
        date: String,
        /// The other visit's id.
        visit: String,
    },
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::Lang::En.records_strings().violation(self))
    }
}

impl std::error::Error for Violation {}

/// What [`History::note_birth_date`] did with an examination's date of birth.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BirthDateNote {
    /// Nothing to record: the same date, none entered, or not a date.
    Kept,
    /// Recorded (the patient had none, or it was replaced as asked).
    Written,
    /// The patient has another date (this one), not replaced.
    Differs(String),
}

/// Whether `date` is a real date written exactly YYYY-MM-DD.
fn is_date(date: &str) -> bool {
    Date::parse_iso(date).is_ok()
}

impl Patient {
    /// A patient with only a code.
    pub fn new(code: impl Into<String>) -> Self {
        Patient { code: code.into(), dob: None, note: String::new() }
    }

    /// What an entry form should check before [`History::upsert_patient`]: a non-empty code
    /// without leading or trailing spaces, and a date of birth (if any) written YYYY-MM-DD.
    pub fn check(&self) -> Result<(), Violation> {
        check_code(&self.code)?;
        match &self.dob {
            Some(dob) if !is_date(dob) => Err(Violation::BirthDate { patient: self.code.clone(), date: dob.clone() }),
            _ => Ok(()),
        }
    }
}

/// A patient code: not empty, no surrounding spaces, no control characters.
fn check_code(code: &str) -> Result<(), Violation> {
    if code.trim().is_empty() {
        return Err(Violation::NoCode);
    }
    if code.trim() != code {
        return Err(Violation::CodeSpaces(code.into()));
    }
    if code.chars().any(char::is_control) {
        return Err(Violation::CodeControl(code.into()));
    }
    Ok(())
}

impl Visit {
    /// A visit with these assessments, default band systems, no label or global ratings,
    /// stamped with this app's version.
    pub fn new(id: impl Into<String>, patient: impl Into<String>, date: impl Into<String>, assessments: Vec<Assessment>) -> Self {
        Visit {
            id: id.into(),
            patient: patient.into(),
            date: date.into(),
            label: String::new(),
            assessments,
            global: GlobalRatings::default(),
            reported_by: None,
            easi_bands: EasiBands::default(),
            scorad_bands: ScoradBands::default(),
            app_version: APP_VERSION.to_string(),
        }
    }

    /// Whether the visit holds answers of the patient's own (POEM, DLQI, itch or sleep NRS, a
    /// global rating): what `reported_by` speaks for. EASI and SCORAD (its C scales included)
    /// are the clinician's record.
    pub fn has_answers(&self) -> bool {
        self.assessments.iter().any(Assessment::is_patient_reported) || self.global != GlobalRatings::default()
    }

    /// Whether the visit holds anything: an assessment or a global rating.
    pub fn holds_anything(&self) -> bool {
        !self.assessments.is_empty() || self.global != GlobalRatings::default()
    }

    /// The visit's assessment with this instrument key (`"easi"`, `"scorad"`, …).
    pub fn assessment(&self, instrument: &str) -> Option<&Assessment> {
        self.assessments.iter().find(|a| instrument_key(a) == instrument)
    }

    /// The score of the assessment behind `metric` (both SCORAD metrics give the SCORAD
    /// score), banded with the visit's band systems. `None` if the visit has no such
    /// assessment (or it cannot be scored, which a checked visit rules out).
    pub fn score(&self, metric: Metric) -> Option<Score> {
        self.assessment(metric.instrument())?.score_with(self.easi_bands, self.scorad_bands).ok()
    }

    /// The metric's exact value in 1/[`UNITS`]: EASI 7.05 → 70 500, SCORAD 32.25 → 322 500,
    /// POEM 14 → 140 000. `None` if absent or not scored (POEM or DLQI with two or more
    /// blanks, SCORAD total without C).
    pub fn value(&self, metric: Metric) -> Option<i64> {
        metric.value_of(&self.score(metric)?)
    }

    /// Checks the visit on its own: an id, a date written YYYY-MM-DD, at most one assessment
    /// per instrument, every assessment scorable (DLQI rules), global ratings in range
    /// (status 0–4, effect 0–6).
    pub fn check(&self) -> Result<(), Violation> {
        if self.id.trim().is_empty() {
            return Err(Violation::NoVisitId);
        }
        let visit = || self.id.clone();
        if !is_date(&self.date) {
            return Err(Violation::VisitDate { visit: visit(), date: self.date.clone() });
        }
        let mut seen = HashSet::new();
        for assessment in &self.assessments {
            let instrument = instrument_key(assessment);
            if !seen.insert(instrument) {
                return Err(Violation::TwoAssessments { visit: visit(), instrument });
            }
            assessment
                .score_with(self.easi_bands, self.scorad_bands)
                .map_err(|why| Violation::Unscorable { visit: visit(), why })?;
        }
        if let Some(value) = self.global.status.filter(|&s| s > GlobalRatings::STATUS_TOP) {
            return Err(Violation::Status { visit: visit(), value });
        }
        if let Some(value) = self.global.effect.filter(|&e| e > GlobalRatings::EFFECT_TOP) {
            return Err(Violation::Effect { visit: visit(), value });
        }
        Ok(())
    }
}

impl History {
    /// The patient with this code.
    pub fn patient(&self, code: &str) -> Option<&Patient> {
        self.patients.iter().find(|p| p.code == code)
    }

    /// Inserts the patient, or replaces the one with the same code (its visits stay).
    /// A patient whose code is empty (or only spaces) is ignored: nothing can refer to it.
    /// Nothing else is checked; an entry form should call [`Patient::check`] first (or use
    /// [`History::try_upsert_patient`]).
    pub fn upsert_patient(&mut self, patient: Patient) {
        if patient.code.trim().is_empty() {
            return;
        }
        match self.patients.iter_mut().find(|p| p.code == patient.code) {
            Some(existing) => *existing = patient,
            None => self.patients.push(patient),
        }
    }

    /// Records an examination's date of birth `dob` on patient `code`: filled in when the record
    /// has none (a date entered is not dropped), and put over a different one only with
    /// `replace` (the user asked first); `Differs` with the stored date otherwise. An entry that
    /// is not a date (YYYY-MM-DD), an empty one or an unknown patient changes nothing.
    pub fn note_birth_date(&mut self, code: &str, dob: &str, replace: bool) -> BirthDateNote {
        let dob = dob.trim();
        let Some(patient) = self.patients.iter_mut().find(|p| p.code == code).filter(|_| is_date(dob)) else {
            return BirthDateNote::Kept;
        };
        match &patient.dob {
            Some(stored) if stored == dob => BirthDateNote::Kept,
            Some(stored) if !replace => BirthDateNote::Differs(stored.clone()),
            _ => {
                patient.dob = Some(dob.to_string());
                BirthDateNote::Written
            }
        }
    }

    /// [`History::upsert_patient`] after [`Patient::check`].
    pub fn try_upsert_patient(&mut self, patient: Patient) -> Result<(), Violation> {
        patient.check()?;
        self.upsert_patient(patient);
        Ok(())
    }

    /// The patients whose code is not `code` but differs from it only in letter case, spacing,
    /// full-width forms or invisible characters ([`similar_codes`]), in stored order.
    pub fn similar_patients(&self, code: &str) -> Vec<&Patient> {
        self.patients.iter().filter(|p| p.code != code && similar_codes(&p.code, code)).collect()
    }

    /// Removes the patient and all their visits.
    pub fn remove_patient(&mut self, code: &str) {
        self.patients.retain(|p| p.code != code);
        self.visits.retain(|v| v.patient != code);
    }

    /// The visit with this id.
    pub fn visit(&self, id: &str) -> Option<&Visit> {
        self.visits.iter().find(|v| v.id == id)
    }

    /// Adds a visit. `Err` (and nothing changed) for an unknown patient, a date not written
    /// YYYY-MM-DD, two assessments of one instrument, an id already used, or an instrument
    /// the patient already has on that date in another visit (patient + date + instrument
    /// identifies an assessment, see `docs/history-format.md`).
    pub fn add_visit(&mut self, visit: Visit) -> Result<(), Violation> {
        self.check_in_place(&visit, None)?;
        self.visits.push(visit);
        Ok(())
    }

    /// Replaces the visit with the same id, under the rules of [`History::add_visit`].
    pub fn replace_visit(&mut self, visit: Visit) -> Result<(), Violation> {
        let index = self.visits.iter().position(|v| v.id == visit.id).ok_or_else(|| Violation::NoSuchVisit(visit.id.clone()))?;
        self.check_in_place(&visit, Some(index))?;
        self.visits[index] = visit;
        Ok(())
    }

    /// Removes the visit with this id (nothing if there is none).
    pub fn remove_visit(&mut self, id: &str) {
        self.visits.retain(|v| v.id != id);
    }

    /// The patient's visits, sorted by date, then id.
    pub fn visits_of(&self, code: &str) -> Vec<&Visit> {
        let mut visits: Vec<&Visit> = self.visits.iter().filter(|v| v.patient == code).collect();
        visits.sort_by(by_date);
        visits
    }

    /// An id no visit has yet: `"{code}-{date}-{n}"` with the smallest n from 1.
    pub fn next_visit_id(&self, code: &str, date: &str) -> String {
        let taken: HashSet<&str> = self.visits.iter().map(|v| v.id.as_str()).collect();
        (1..).map(|n| format!("{code}-{date}-{n}")).find(|id| !taken.contains(id.as_str())).expect("ids are unbounded")
    }

    /// The visit checked against the rest of the history (ignoring the visit at `skip`).
    fn check_in_place(&self, visit: &Visit, skip: Option<usize>) -> Result<(), Violation> {
        visit.check()?;
        if self.patient(&visit.patient).is_none() {
            return Err(Violation::UnknownPatient(visit.patient.clone()));
        }
        for (i, other) in self.visits.iter().enumerate() {
            if Some(i) == skip {
                continue;
            }
            if other.id == visit.id {
                return Err(Violation::IdTaken(visit.id.clone()));
            }
        }
        if let Some((other, instrument)) = self.same_day(visit, skip) {
            return Err(Violation::DayTaken {
                patient: visit.patient.clone(),
                instrument,
                date: visit.date.clone(),
                visit: other.id.clone(),
            });
        }
        Ok(())
    }

    /// Another visit (not the one at `skip`) of the same patient on the same date that already
    /// holds one of `visit`'s instruments, with that instrument's key: a day has one score per
    /// instrument, so [`History::add_visit`] refuses such a visit.
    pub fn same_day(&self, visit: &Visit, skip: Option<usize>) -> Option<(&Visit, &'static str)> {
        self.visits
            .iter()
            .enumerate()
            .filter(|&(i, other)| Some(i) != skip && other.patient == visit.patient && other.date == visit.date)
            .find_map(|(_, other)| {
                let key = visit.assessments.iter().map(instrument_key).find(|&key| other.assessment(key).is_some())?;
                Some((other, key))
            })
    }

    /// `visit` (a new visit, made from an examination) filed into its patient's day: `None` when
    /// the patient has no visit on that date. Otherwise the visits to write and to remove
    /// ([`DayUpdate`]), with the instruments whose saved assessment this replaces by a different
    /// one (for the user to confirm). The day's visits are completed, not joined by a second
    /// visit: each of `visit`'s assessments takes the place of the one of its instrument in the
    /// visit that holds it (EASI and SCORAD otherwise go to the visit holding the examination's
    /// scores, else the first by id), the rest is kept; a label given is taken by every visit of
    /// the day; global ratings, who answered and band systems, when given, are taken as well.
    /// Saving the same examination again, or again once the patient has answered, then
    /// completes that day's visit instead of being refused.
    ///
    /// A visit records one person answering. When `visit` names who answered, its questionnaires
    /// and global ratings go to the day's visit answered by that person. When no visit that day
    /// is that person's and one keeps answers that someone else gave, or that no one was named
    /// for, and `visit` does not give again (the patient's POEM in the morning, a parent's itch
    /// rating later), they go to a new visit of the day (a new id, the day's label) instead of
    /// being credited to the new person. Either way an answer given again leaves the visit that
    /// held it (asked first when it differs, as any replaced score; a rating given again
    /// replaces the earlier one), and a visit left with nothing is removed. When `visit` gives
    /// every such answer again, who answered is simply corrected.
    pub fn day_update(&self, visit: &Visit) -> Option<DayUpdate> {
        let day: Vec<&Visit> = self.visits_of(&visit.patient).into_iter().filter(|v| v.date == visit.date).collect();
        let first = *day.first()?;
        let gives = |key: &str| visit.assessments.iter().any(|a| a.is_patient_reported() && instrument_key(a) == key);
        let by_them = visit.reported_by.and_then(|by| day.iter().position(|v| v.reported_by == Some(by)));
        let apart = visit.reported_by.filter(|&by| {
            visit.has_answers()
                && by_them.is_none()
                && day.iter().any(|v| {
                    v.reported_by != Some(by)
                        && (v.assessments.iter().any(|a| a.is_patient_reported() && !gives(instrument_key(a)))
                            || (v.global.status.is_some() && visit.global.status.is_none())
                            || (v.global.effect.is_some() && visit.global.effect.is_none()))
                })
        });
        let mut now: Vec<Visit> = day.iter().map(|v| (*v).clone()).collect();
        // The examination's scores complete the visit that holds them (the first one if none does).
        let exam_at = day.iter().position(|v| v.assessments.iter().any(|a| !a.is_patient_reported())).unwrap_or(0);
        // Where answers go: the visit of the person answering, or (kept apart from other
        // people's) a new one; when no one is named, the visit holding the answer, else the one
        // holding the day's answers.
        let answers_to = match (by_them, apart) {
            (Some(at), _) => at,
            (None, Some(_)) => {
                now.push(Visit {
                    id: self.next_visit_id(&visit.patient, &visit.date),
                    label: first.label.clone(),
                    assessments: Vec::new(),
                    global: GlobalRatings::default(),
                    ..visit.clone()
                });
                now.len() - 1
            }
            (None, None) => day.iter().position(|v| v.has_answers()).unwrap_or(exam_at),
        };
        let named = visit.reported_by.is_some();
        let mut replaced = Vec::new();
        for assessment in &visit.assessments {
            let key = instrument_key(assessment);
            let holder = now.iter().position(|v| v.assessment(key).is_some());
            let into = match (assessment.is_patient_reported(), holder) {
                (true, Some(at)) if !named => at,
                (true, _) => answers_to,
                (false, holder) => holder.unwrap_or(exam_at),
            };
            if let Some(saved) = holder.and_then(|at| now[at].assessment(key)) {
                if saved != assessment {
                    replaced.push(key);
                }
            }
            // One score per instrument a day: it leaves whichever other visit held it.
            for (_, other) in now.iter_mut().enumerate().filter(|&(at, _)| at != into) {
                other.assessments.retain(|a| instrument_key(a) != key);
            }
            let into = &mut now[into];
            match into.assessments.iter_mut().find(|a| instrument_key(a) == key) {
                Some(saved) => *saved = *assessment,
                None => into.assessments.push(*assessment),
            }
        }
        // A rating given again that differs from the day's is replaced, as a score is: named for
        // the user to confirm (a parent's treatment effect over the patient's, say).
        let kinds: [(&'static str, fn(&GlobalRatings) -> Option<u8>); 2] = [("global_status", |g| g.status), ("global_effect", |g| g.effect)];
        for (key, pick) in kinds {
            if let Some(new) = pick(&visit.global) {
                if day.iter().any(|v| pick(&v.global).is_some_and(|old| old != new)) {
                    replaced.push(key);
                }
            }
        }
        // One rating of each kind a day: the one given now, on the answerer's visit (when no one
        // is named, on the visit that holds that kind).
        let rating_to = |pick: fn(&GlobalRatings) -> Option<u8>| match now.iter().position(|v| pick(&v.global).is_some()) {
            Some(at) if !named => at,
            _ => answers_to,
        };
        let (status_to, effect_to) = (rating_to(|g| g.status), rating_to(|g| g.effect));
        for (at, v) in now.iter_mut().enumerate() {
            if let Some(status) = visit.global.status {
                v.global.status = (at == status_to).then_some(status);
            }
            if let Some(effect) = visit.global.effect {
                v.global.effect = (at == effect_to).then_some(effect);
            }
            if at != answers_to && !v.has_answers() {
                v.reported_by = None;
            }
            if !visit.label.is_empty() {
                // One label a day.
                v.label = visit.label.clone();
            }
        }
        let answerer = &mut now[answers_to];
        answerer.reported_by = visit.reported_by.or(answerer.reported_by);
        let (mut visits, mut removed) = (Vec::new(), Vec::new());
        let mut last = None;
        for (at, mut v) in now.into_iter().enumerate() {
            let before = day.get(at).copied();
            if before.is_some_and(Visit::holds_anything) && !v.holds_anything() {
                // Everything it held was given again and filed in another visit of the day.
                removed.push(v.id);
                continue;
            }
            if before.is_none_or(|b| b.assessments != v.assessments) {
                (v.easi_bands, v.scorad_bands, v.app_version) = (visit.easi_bands, visit.scorad_bands, visit.app_version.clone());
            }
            if at == answers_to {
                last = Some(v);
            } else if before != Some(&v) {
                visits.push(v);
            }
        }
        // The answerer's visit last: the answers leave the other visits before they arrive.
        visits.extend(last);
        // A label given where the day has another ("baseline" becoming "second exam").
        if !visit.label.is_empty() && day.iter().any(|v| !v.label.is_empty() && v.label != visit.label) {
            replaced.push("label");
        }
        replaced.dedup();
        Some(DayUpdate { visits, removed, replaced, apart: apart.is_some() })
    }

    /// Checks the whole history as an import does: format name and version, patient codes
    /// (not empty, unique), and every visit as [`History::add_visit`] would. Exactly what the
    /// API guarantees, so any history built through it passes. The date of birth is not
    /// checked here (it is informational and never exported to CSV or FHIR); forms check it
    /// and the code's form with [`Patient::check`]. Linear in the size of the history.
    pub fn validate(&self) -> Result<(), Violation> {
        if self.format != FORMAT {
            return Err(Violation::Format(self.format.clone()));
        }
        if self.version != VERSION {
            return Err(Violation::Version(self.version));
        }
        let mut codes = HashSet::new();
        for patient in &self.patients {
            // Only what `upsert_patient` guarantees, so a history built through the API always
            // reads back; the stricter `Patient::check` is for entry forms.
            if patient.code.trim().is_empty() {
                return Err(Violation::EmptyCode);
            }
            if !codes.insert(patient.code.as_str()) {
                return Err(Violation::PatientTwice(patient.code.clone()));
            }
        }
        let mut ids = HashSet::new();
        let mut keys = HashSet::new();
        for visit in &self.visits {
            visit.check()?;
            if !codes.contains(visit.patient.as_str()) {
                return Err(Violation::NotInFile { visit: visit.id.clone(), patient: visit.patient.clone() });
            }
            if !ids.insert(visit.id.as_str()) {
                return Err(Violation::IdTwice(visit.id.clone()));
            }
            for a in &visit.assessments {
                let instrument = instrument_key(a);
                if !keys.insert((visit.patient.as_str(), visit.date.as_str(), instrument)) {
                    return Err(Violation::DayTwice { patient: visit.patient.clone(), instrument, date: visit.date.clone() });
                }
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Change from baseline and responders
// ---------------------------------------------------------------------------------------------

/// Change of one metric from the baseline visit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The metric is missing (or not scored) at the baseline or at this visit.
    Missing,
    /// Both values exist.
    Value {
        /// current − baseline, in 1/[`UNITS`] (negative = improvement for every metric).
        abs: i64,
        /// abs / baseline in tenths of a percent, rounded to the nearest (half away from zero),
        /// but never onto an improvement threshold the exact value has not reached (−50, −75,
        /// −90, −100 %: −49.95 % is −49.9 %, not −50.0 % beside no EASI-50 flag); `None` when
        /// the baseline is 0 ("not applicable").
        pct_tenths: Option<i64>,
    },
}

/// `n / d` rounded half away from zero (`d > 0`), in integers.
fn div_round_half_away(n: i64, d: i64) -> i64 {
    debug_assert!(d > 0);
    let q = (n.unsigned_abs() as i128 * 2 + d as i128) / (2 * d as i128);
    let q = q as i64;
    if n < 0 {
        -q
    } else {
        q
    }
}

/// Improvements (in tenths of a percent) that the shown percentage must not reach by rounding
/// alone: the EASI responder thresholds and complete clearance.
const THRESHOLDS_TENTHS: [i64; 4] = [-500, -750, -900, -1000];

/// abs / b in tenths of a percent (b > 0), rounded half away from zero, except that a value
/// short of one of [`THRESHOLDS_TENTHS`] is shown short of it (−49.95 % → −49.9 %).
fn percent_tenths(abs: i64, b: i64) -> i64 {
    let rounded = div_round_half_away(abs * 1000, b);
    match THRESHOLDS_TENTHS.into_iter().find(|&t| rounded == t) {
        // Reached exactly: abs × 1000 ≤ t × b.
        Some(t) if abs * 1000 > t * b => t + 1,
        _ => rounded,
    }
}

/// A change `abs` from a baseline `b` (both in 1/[`UNITS`]) as the screens show it: as
/// [`Metric::text`], signed ("+2.0", "−4", with the minus sign U+2212 the screens' other
/// changes use; the CSV files write their own numbers), but a change that rounding to one
/// decimal would carry onto an improvement threshold the exact change has not reached, or off
/// one it has ([`THRESHOLDS_TENTHS`]), is written out exactly: from 50.0, a change of −24.95 is
/// "−24.95", not "−25.0" (half the baseline) beside −49.9 % and no EASI-50 flag.
pub fn change_text(metric: Metric, abs: i64, b: i64) -> String {
    let shown = if metric.is_whole() && abs % UNITS == 0 { abs } else { div_round_half_away(abs * 10, UNITS) * (UNITS / 10) };
    let reached = |change: i64| THRESHOLDS_TENTHS.map(|t| change * 1000 <= t * b);
    // Rounding is half away from zero, so the size rounds the same whatever the sign.
    let size = if b > 0 && reached(shown) != reached(abs) { exact_units_text(abs.unsigned_abs()) } else { metric.text(abs.abs()) };
    format!("{}{size}", sign_of(abs))
}

/// The sign a change is written with on screen: "+", the minus sign "−" (U+2212), or none for 0.
fn sign_of(value: i64) -> &'static str {
    match value.signum() {
        1 => "+",
        -1 => "\u{2212}",
        _ => "",
    }
}

/// `units` (1/[`UNITS`], not negative) with every digit it has ("24.95", "3")
/// ([`crate::scoring::exact::Exact::exact_text`]).
fn exact_units_text(units: u64) -> String {
    crate::scoring::exact::Exact::<{ UNITS as u32 }>::from_units(units as u32).exact_text()
}

/// The metric's change from `baseline` to `visit` (exact integers; the percentage in tenths,
/// rounded to the nearest but never onto a responder threshold it has not reached; not
/// applicable when the baseline is 0).
pub fn change(baseline: &Visit, visit: &Visit, metric: Metric) -> Change {
    change_of_values(baseline.value(metric), visit.value(metric))
}

/// [`change`] from the two values (1/[`UNITS`]) already read.
pub fn change_of_values(baseline: Option<i64>, current: Option<i64>) -> Change {
    match (baseline, current) {
        (Some(b), Some(c)) => {
            let abs = c - b;
            Change::Value { abs, pct_tenths: (b > 0).then(|| percent_tenths(abs, b)) }
        }
        _ => Change::Missing,
    }
}

/// Responder flags of a visit against the baseline; `None` = not applicable.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Responders {
    /// EASI reduced by at least 50 %.
    pub easi50: Option<bool>,
    /// EASI reduced by at least 75 %.
    pub easi75: Option<bool>,
    /// EASI reduced by at least 90 %.
    pub easi90: Option<bool>,
    /// Itch NRS reduced by at least 4 points (evaluable when the baseline is 4 or more).
    pub itch4: Option<bool>,
}

/// EASI-50/75/90: (b − c) × 100 ≥ x × b on the exact values, not applicable when either is
/// missing or the baseline is 0. Itch: b − c ≥ 4 points, not applicable when either is
/// missing or the baseline is below 4 (it cannot improve by 4; trials count this endpoint
/// among patients with a baseline of 4 or more).
pub fn responders(baseline: &Visit, visit: &Visit) -> Responders {
    let values = |metric| (baseline.value(metric), visit.value(metric));
    responders_of_values(values(Metric::Easi), values(Metric::ItchNrs))
}

/// [`responders`] from the (baseline, current) EASI and itch values (1/[`UNITS`]) already read.
pub fn responders_of_values(easi: (Option<i64>, Option<i64>), itch: (Option<i64>, Option<i64>)) -> Responders {
    let easi = match easi {
        (Some(b), Some(c)) if b > 0 => Some((b, c)),
        _ => None,
    };
    let easi_x = |x: i64| easi.map(|(b, c)| (b - c) * 100 >= x * b);
    let itch4 = match itch {
        (Some(b), Some(c)) if b >= 4 * UNITS => Some(b - c >= 4 * UNITS),
        _ => None,
    };
    Responders { easi50: easi_x(50), easi75: easi_x(75), easi90: easi_x(90), itch4 }
}

// ---------------------------------------------------------------------------------------------
// Cohort
// ---------------------------------------------------------------------------------------------

/// Change of one metric across the cohort (exact, then rounded once to a tenth of a point).
#[derive(Clone, Debug, PartialEq)]
pub struct CohortRow {
    /// The metric.
    pub metric: Metric,
    /// Patients with the metric at both visits.
    pub n: usize,
    /// Mean of (target − baseline), in tenths of a score point rounded half away from zero
    /// (−7.67 → −77); `None` when n is 0.
    pub mean_change: Option<i64>,
    /// Median of (target − baseline), in tenths of a score point rounded half away from zero
    /// (the mean of the middle two for even n); `None` when n is 0.
    pub median_change: Option<i64>,
}

/// A study cohort at one visit against baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Cohort {
    /// Patients in the history.
    pub patients: usize,
    /// Patients with a baseline and a (different) target visit.
    pub with_both: usize,
    /// EASI-50 (responders, evaluable).
    pub easi50: (usize, usize),
    /// EASI-75 (responders, evaluable).
    pub easi75: (usize, usize),
    /// EASI-90 (responders, evaluable).
    pub easi90: (usize, usize),
    /// Itch NRS improved by ≥ 4 (responders, evaluable).
    pub itch4: (usize, usize),
    /// Patients compared with EASI at both time points but a baseline EASI of 0: no percent
    /// change, so not evaluable for EASI-50/75/90 (not counted as non-responders).
    pub easi_zero_baseline: usize,
    /// The codes of the patients not compared (no baseline, or no visit with the chosen label
    /// after it), in the history's order: a researcher sees who is out, not only how many.
    pub not_compared: Vec<String>,
    /// The codes of the patients compared but without an EASI-50 result: no EASI at one of the
    /// two time points, or a baseline EASI of 0.
    pub easi_not_evaluable: Vec<String>,
    /// One row per metric, in [`Metric::ALL`] order.
    pub rows: Vec<CohortRow>,
    /// The patient-rated disease status (0 clear … 4 severe) of the patients compared
    /// (`with_both`): how many gave each rating at their baseline's time point (`[0]`) and at the
    /// chosen visit's (`[1]`). A day without the rating counts in neither.
    pub status: [[usize; 5]; 2],
    /// The patient-rated treatment effect (0 very much better … 6 very much worse) on the
    /// chosen visit's day, of the patients compared.
    pub effect: [usize; 7],
    /// How many of the ratings counted in `status` and `effect` a parent or carer gave for the
    /// patient (the visit that holds the rating says so: [`Visit::reported_by`]).
    pub by_parent: usize,
}

/// `count` of `of` as a whole percent, rounded half away from zero (1 of 8 → 13, 3 of 8 →
/// 38); `None` when `of` is 0.
pub fn percent_of(count: usize, of: usize) -> Option<i64> {
    (of > 0).then(|| div_round_half_away(count as i64 * 100, of as i64))
}

/// Tenths written, for the screens, with their sign and one decimal: −77 → "−7.7" (the minus
/// sign U+2212), 5 → "+0.5", 0 → "+0.0".
pub fn signed_tenths(tenths: i64) -> String {
    format!("{}{}.{}", if tenths < 0 { "\u{2212}" } else { "+" }, tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10)
}

/// A patient's baseline (`visits` in date order, as [`visits_by_patient`] gives them): the
/// first visit labelled "baseline" ([`is_baseline`]: any case, or "기저치"), else the first visit.
/// A screening visit before the baseline is not the baseline.
pub fn baseline_visit<'a>(visits: &[&'a Visit]) -> Option<&'a Visit> {
    visits.iter().find(|v| is_baseline(&v.label)).or(visits.first()).copied()
}

/// The last date of `visit`'s time point (`visits`: the patient's, in date order): its own
/// date, carried on over each next calendar day on which the patient has a visit labelled as
/// it is (not an empty label). A time point spread over consecutive days (the EASI at the
/// clinic on 29 January, the itch the next day, both "week 4") is one; a label that comes
/// back days apart ("follow-up" every month) is a time point each time.
pub fn time_point_end<'a>(visits: &[&'a Visit], visit: &'a Visit) -> &'a str {
    let mut end = visit.date.as_str();
    let Some(mut day) = day_number(end).filter(|_| !visit.label.trim().is_empty()) else { return end };
    // Only later dates are read (no date parsed for the days before it).
    for other in visits.iter().filter(|v| v.date > visit.date) {
        let Some(n) = day_number(&other.date) else { continue };
        if n > day + 1 {
            break;
        }
        if n == day + 1 && same_label(&other.label, &visit.label) {
            (end, day) = (other.date.as_str(), n);
        }
    }
    end
}

fn day_number(date: &str) -> Option<i64> {
    crate::age::Date::parse_iso(date).ok().map(crate::age::Date::day_number)
}

/// `visit` read as its whole time point (its day and the days [`time_point_end`] joins to
/// it): for each instrument it lacks, the assessment of the patient's other visits on its
/// date (in `visits`' order), then on the following days of its time point; each global
/// rating it lacks likewise. A day recorded as two visits (on two devices, then merged) is
/// compared as one: the itch rated on the tablet and the EASI entered at the desk are both
/// that day's; so are consecutive days labelled alike. The visit's own always come first.
/// Borrowed when nothing is added.
pub fn time_point_of<'a>(visits: &[&Visit], visit: &'a Visit) -> Cow<'a, Visit> {
    time_point_to(visits, visit, time_point_end(visits, visit))
}

/// [`time_point_of`] with its last date (`end`, from [`time_point_end`]) already worked out.
pub fn time_point_to<'a>(visits: &[&Visit], visit: &'a Visit, end: &str) -> Cow<'a, Visit> {
    let mut point = Cow::Borrowed(visit);
    for other in time_point_others(visits, visit, end) {
        for assessment in &other.assessments {
            if point.assessment(instrument_key(assessment)).is_none() {
                point.to_mut().assessments.push(assessment.clone());
            }
        }
        if point.global.status.is_none() && other.global.status.is_some() {
            point.to_mut().global.status = other.global.status;
        }
        if point.global.effect.is_none() && other.global.effect.is_some() {
            point.to_mut().global.effect = other.global.effect;
        }
    }
    point
}

/// The patient's other visits that [`time_point_to`] reads for `visit` (to `end`), in the order
/// it reads them: those of its date, then those of the following days of its time point.
fn time_point_others<'v>(visits: &'v [&'v Visit], visit: &'v Visit, end: &'v str) -> impl Iterator<Item = &'v Visit> {
    let same_day = visits.iter().filter(move |v| v.date == visit.date);
    let next_days = visits.iter().filter(move |v| v.date > visit.date && v.date.as_str() <= end);
    same_day.chain(next_days).copied().filter(move |v| v.id != visit.id)
}

/// Who gave the global rating `pick` that [`time_point_to`] reads for `visit` (to `end`): the
/// person its visit names; `None` when no one is named or there is no such rating.
fn rating_reporter(visits: &[&Visit], visit: &Visit, end: &str, pick: fn(&GlobalRatings) -> Option<u8>) -> Option<Reporter> {
    std::iter::once(visit).chain(time_point_others(visits, visit, end)).find(|v| pick(&v.global).is_some()).and_then(|v| v.reported_by)
}

/// Whether two visit labels name the same time point: spaces around them and letter case do
/// not count ("Week 4", "week 4 " and "week 4" are one time point).
pub fn same_label(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    // ASCII alone: the same comparison without lowering two copies (a cohort compares each of
    // 10,000 visits' labels).
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// Whether a patient code looks like a person's name: two or more words of letters only (a
/// hyphen or an apostrophe inside a word allowed), no digit ("John Smith", "Mary-Jane O'Neil",
/// "홍 길동"). adscore keeps no names, so such a new code is asked about before it is stored. A
/// name written as one word ("홍길동", "Smith") cannot be told from a code and is not caught.
pub fn looks_like_a_name(code: &str) -> bool {
    let words: Vec<&str> = code.split_whitespace().collect();
    words.len() >= 2
        && words.iter().all(|word| {
            word.chars().next().is_some_and(char::is_alphabetic)
                && word.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
}

/// Whether a patient code looks like a date (a date of birth, most likely): three groups of
/// digits, one of them a year 1900–2099 of four digits, first or last, the other two of one or
/// two digits, apart by "-", "/", "." or spaces ("1990-05-12", "12/05/1990", "12.5.1990",
/// "1990 5 12"). Like a name, adscore keeps none, so such a new code is asked about first. Codes
/// with letters, or digits alone ("19900512", "017"), are not caught.
pub fn looks_like_a_date(code: &str) -> bool {
    let groups: Vec<&str> = code.split(['-', '/', '.', ' ']).filter(|g| !g.is_empty()).collect();
    let digits = |g: &str, len: std::ops::RangeInclusive<usize>| len.contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit());
    let year = |g: &str| digits(g, 4..=4) && matches!(&g[..2], "19" | "20");
    let day_or_month = |g: &str| digits(g, 1..=2);
    match groups.as_slice() {
        [a, b, c] => (year(a) && day_or_month(b) && day_or_month(c)) || (day_or_month(a) && day_or_month(b) && year(c)),
        _ => false,
    }
}

/// Whether two patient codes differ only in letter case, white space (around them or inside),
/// full-width forms or invisible characters ("ad-017", "AD-017", "AD - 017", "ＡＤ－０１７" and
/// "AD\u{200B}-017"): [`same_label`] with the spaces inside and the [`invisible`] characters left
/// out, full-width ASCII forms and the ideographic space read as ASCII. A code is still a
/// patient's exact identity; this is for asking before a new patient is added beside one the
/// clinician probably meant.
pub fn similar_codes(a: &str, b: &str) -> bool {
    let plain = |code: &str| {
        let folded: String = code.chars().filter(|&c| !invisible(c)).map(narrow).collect();
        folded.split_whitespace().collect::<String>()
    };
    same_label(&plain(a), &plain(b))
}

/// Whether `c` is an invisible format character (Unicode general category Cf, the ones text
/// pasted from documents and chats carries: soft hyphen, zero-width spaces and joiners, word
/// joiner, direction marks and isolates, byte order mark, ...), listed by range rather than
/// with Unicode tables (they would weigh on the module).
pub fn invisible(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{600}'..='\u{605}' | '\u{61C}' | '\u{6DD}' | '\u{70F}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// `code` without its [`invisible`] characters (the code a new patient is stored under: they
/// would make a code that looks like another one yet is not it).
pub fn without_invisible(code: &str) -> String {
    code.chars().filter(|&c| !invisible(c)).collect()
}

/// The ASCII character a full-width form U+FF01–U+FF5E stands for (what a keyboard in
/// full-width mode types), a space for the ideographic space U+3000; any other `c` as it is.
fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// `N` if `label` is "visit N" (any case, N ≥ 1).
fn visit_number(label: &str) -> Option<usize> {
    let label = label.trim();
    let (word, n) = label.split_at_checked(5)?;
    if !word.eq_ignore_ascii_case("visit") {
        return None;
    }
    n.trim().parse::<usize>().ok().filter(|&n| n >= 1)
}

/// A patient's target visit: the first visit labelled `target_label`, or, when none is and the
/// label reads "visit N", the first visit of the N-th visit day (distinct dates, in order).
pub fn target_visit<'a>(visits: &[&'a Visit], target_label: &str) -> Option<&'a Visit> {
    visits.iter().find(|v| same_label(&v.label, target_label)).copied().or_else(|| {
        let n = visit_number(target_label)?;
        let mut days = visits.iter().enumerate().filter(|&(i, v)| i == 0 || visits[i - 1].date != v.date);
        days.nth(n - 1).map(|(_, v)| *v)
    })
}

/// The cohort at `target_label` against each patient's baseline ([`baseline_visit`]; the
/// target is [`target_visit`]), each read as its whole time point ([`time_point_of`]). A
/// patient whose target is not after their baseline's time point ([`time_point_end`]) has no
/// "both".
pub fn cohort(history: &History, target_label: &str) -> Cohort {
    cohort_among(history, &visits_by_patient(history), target_label)
}

/// [`cohort`], with the history's [`visits_by_patient`] already worked out.
pub fn cohort_among(history: &History, by_patient: &HashMap<&str, Vec<&Visit>>, target_label: &str) -> Cohort {
    let (mut with_both, mut easi_zero_baseline) = (0, 0);
    let (mut not_compared, mut easi_not_evaluable) = (Vec::new(), Vec::new());
    let mut counts = [(0, 0); 4];
    let mut changes: Vec<Vec<i64>> = vec![Vec::new(); Metric::ALL.len()];
    let (mut status, mut effect, mut by_parent) = ([[0; 5]; 2], [0; 7], 0);
    for patient in &history.patients {
        let compared = by_patient.get(patient.code.as_str()).and_then(|visits| {
            let baseline = baseline_visit(visits)?;
            // Compared only after the baseline's time point (a second "baseline" day is part of it).
            let baseline_end = time_point_end(visits, baseline);
            let target = target_visit(visits, target_label).filter(|t| t.date.as_str() > baseline_end)?;
            Some((visits, baseline, baseline_end, target))
        });
        let Some((visits, baseline, baseline_end, target)) = compared else {
            not_compared.push(patient.code.clone());
            continue;
        };
        // Each time point's values read once, for the flags and every metric's change.
        let target_end = time_point_end(visits, target);
        let given: [(&Visit, &str, fn(&GlobalRatings) -> Option<u8>); 3] =
            [(baseline, baseline_end, |g| g.status), (target, target_end, |g| g.status), (target, target_end, |g| g.effect)];
        by_parent += given.into_iter().filter(|&(visit, end, pick)| rating_reporter(visits, visit, end, pick) == Some(Reporter::Parent)).count();
        let (baseline, target) = (time_point_to(visits, baseline, baseline_end), time_point_to(visits, target, target_end));
        for (count, rating) in status.iter_mut().zip([baseline.global.status, target.global.status]) {
            if let Some(slot) = rating.and_then(|r| count.get_mut(usize::from(r))) {
                *slot += 1;
            }
        }
        if let Some(slot) = target.global.effect.and_then(|r| effect.get_mut(usize::from(r))) {
            *slot += 1;
        }
        let (baseline, target) = (values_of(&baseline), values_of(&target));
        with_both += 1;
        let r = responders_of(&baseline, &target);
        let easi = Metric::Easi.index();
        easi_zero_baseline += usize::from(baseline[easi] == Some(0) && target[easi].is_some());
        if r.easi50.is_none() {
            easi_not_evaluable.push(patient.code.clone());
        }
        for (count, flag) in counts.iter_mut().zip([r.easi50, r.easi75, r.easi90, r.itch4]) {
            if let Some(hit) = flag {
                count.1 += 1;
                count.0 += usize::from(hit);
            }
        }
        for (list, metric) in changes.iter_mut().zip(Metric::ALL) {
            if let Change::Value { abs, .. } = change_of_values(baseline[metric.index()], target[metric.index()]) {
                list.push(abs);
            }
        }
    }
    let rows = Metric::ALL
        .into_iter()
        .zip(changes)
        .map(|(metric, mut list)| {
            list.sort_unstable();
            let n = list.len();
            // Tenths of a point from a sum of `parts` values in 1/UNITS: sum × 10 / (UNITS × parts).
            let tenths = |sum: i64, parts: i64| div_round_half_away(sum * 10, UNITS * parts);
            let mean_change = (n > 0).then(|| tenths(list.iter().sum(), n as i64));
            let mid = n / 2;
            let median_change = (n > 0).then(|| if n % 2 == 1 { tenths(list[mid], 1) } else { tenths(list[mid - 1] + list[mid], 2) });
            CohortRow { metric, n, mean_change, median_change }
        })
        .collect();
    Cohort {
        patients: history.patients.len(),
        with_both,
        easi50: counts[0],
        easi75: counts[1],
        easi90: counts[2],
        itch4: counts[3],
        easi_zero_baseline,
        not_compared,
        easi_not_evaluable,
        rows,
        status,
        effect,
        by_parent,
    }
}

/// Each patient's visits, sorted by date then id (as [`History::visits_of`]): grouped in one
/// pass, then each patient's few visits sorted. (Sorting all 10,000 visits of a study first was
/// about 40 % of the cohort screen's time in `make bench`, done for each list it shows.)
pub fn visits_by_patient(history: &History) -> HashMap<&str, Vec<&Visit>> {
    let mut map: HashMap<&str, Vec<&Visit>> = HashMap::new();
    for visit in &history.visits {
        map.entry(visit.patient.as_str()).or_default().push(visit);
    }
    for visits in map.values_mut() {
        visits.sort_by(by_date);
    }
    map
}

/// The order of visits: by date, then id.
fn by_date(a: &&Visit, b: &&Visit) -> std::cmp::Ordering {
    (&a.date, &a.id).cmp(&(&b.date, &b.id))
}

/// The distinct non-empty visit labels ([`same_label`]: "Week 4" and "week 4 " are one), in
/// the order they first occur by date, each as first written (trimmed).
pub fn labels(history: &History) -> Vec<String> {
    // Each label's first visit, in one pass over the visits (not a sort of all of them).
    let mut first: HashMap<String, &Visit> = HashMap::new();
    for visit in history.visits.iter().filter(|v| !v.label.trim().is_empty()) {
        let earliest = first.entry(visit.label.trim().to_lowercase()).or_insert(visit);
        if by_date(&visit, earliest).is_lt() {
            *earliest = visit;
        }
    }
    let mut firsts: Vec<&Visit> = first.into_values().collect();
    firsts.sort_by(by_date);
    firsts.into_iter().map(|v| v.label.trim().to_string()).collect()
}

/// The cohort's target first shown: the one after the "baseline" label when a visit has it;
/// else the second label (the first being taken as the baseline); else, with no labels at all,
/// "visit 2".
pub fn default_target(history: &History) -> String {
    default_target_among(history, targets(history))
}

/// [`default_target`] among the history's [`targets`], already worked out.
pub fn default_target_among(history: &History, all: Vec<String>) -> String {
    // The targets leave "baseline" out, so the one after it stands where it stood.
    let baseline = labels(history).iter().position(|l| is_baseline(l));
    // No labels (no visit has one): the first target; else the second (the first label taken
    // as the baseline).
    let labelled = history.visits.iter().any(|v| !v.label.trim().is_empty());
    let at = baseline.unwrap_or(usize::from(labelled));
    all.into_iter().nth(at).unwrap_or_default()
}

/// Whether a visit label names the baseline: "baseline" (any case) or the Korean screens' word
/// for it, "기저치", spaces around it ignored (a Korean site labels its visits in Korean, as the
/// save card's example "4주차" does).
pub fn is_baseline(label: &str) -> bool {
    let label = label.trim();
    label.eq_ignore_ascii_case("baseline") || label == "기저치"
}

/// What a cohort can be computed at: [`labels`] but the baseline's ([`is_baseline`]), then
/// "visit N" (N ≥ 2) for each N-th visit day that some patient left unlabelled — so unlabelled
/// histories work too. Where every visit
/// day is labelled, the labels already name each visit and no "visit N" is offered beside them
/// (it would be the same visit twice: "week 4" and "visit 2").
pub fn targets(history: &History) -> Vec<String> {
    targets_among(history, &visits_by_patient(history))
}

/// [`targets`], with the history's [`visits_by_patient`] already worked out.
pub fn targets_among(history: &History, by_patient: &HashMap<&str, Vec<&Visit>>) -> Vec<String> {
    // Not the baseline itself: compared with itself, every patient would be "not compared".
    let mut out: Vec<String> = labels(history).into_iter().filter(|l| !is_baseline(l)).collect();
    let mut unlabelled = std::collections::BTreeSet::new();
    for visits in by_patient.values() {
        // Visit days in date order ([`target_visit`]'s counting: the N-th day is N); a day is
        // labelled when any of its visits is.
        let days = visits.chunk_by(|a, b| a.date == b.date);
        for (n, day) in (1..).zip(days) {
            if n >= 2 && day.iter().all(|v| v.label.trim().is_empty()) {
                unlabelled.insert(n);
            }
        }
    }
    for n in unlabelled {
        let label = format!("visit {n}");
        if !out.iter().any(|l| same_label(l, &label)) {
            out.push(label);
        }
    }
    out
}
