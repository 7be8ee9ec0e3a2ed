//! Raw form state (what the user has entered so far, untouched fields empty) and its
//! conversion to validated records. Nothing here guesses: an empty field is reported as
//! missing, never read as 0. Pure Rust, no UI imports, so it is tested natively.

use crate::scoring::easi::{self, AreaScore, EasiRecord, EasiRegion, EasiRegions, Region, SignGrade};
use crate::scoring::scorad::{self, Extent, Grade, Intensity, Percent, ScoradRecord, Segment, Subjective, Tenths};
use crate::age::{age_in_years, Date};
use crate::bodymap::Painting;
use crate::history::{GlobalRatings, Visit, APP_VERSION};
use crate::patient::PatientForm;
use crate::scoring::Assessment;
use crate::scoring::{AgeYears, EasiBands, ScoradBands};
use serde::{Deserialize, Serialize};

/// One field of the examination, for "missing" and "invalid" messages and for focusing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// Patient age in years.
    Age,
    /// EASI area score of a region.
    EasiArea(Region),
    /// An EASI sign of a region.
    EasiSign(Region, easi::Sign),
    /// SCORAD extent of a segment.
    Extent(Segment),
    /// A SCORAD intensity sign.
    ScoradSign(scorad::Sign),
    /// SCORAD pruritus (C).
    Pruritus,
    /// SCORAD sleep loss (C).
    SleepLoss,
}

/// Why an entry is not accepted (the UI words it in the user's language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Not a number.
    NotANumber,
    /// Outside 0–`max`.
    Range {
        /// The largest allowed value.
        max: u16,
    },
    /// More than one decimal.
    OneDecimal,
    /// Age not a whole number 0–130.
    WholeYears,
    /// Not a real calendar date.
    BadDate,
    /// A date of birth without an examination date.
    NeedExamDate,
    /// Examined before being born.
    ExamBeforeBirth,
    /// Older than 130 years.
    TooOld,
}

/// What stops a score: a field not yet filled, or filled with something not allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not entered yet.
    Missing(Field),
    /// Entered, but not allowed.
    Invalid(Field, Reason),
}

impl Problem {
    /// The field concerned.
    pub fn field(&self) -> Field {
        match self {
            Problem::Missing(f) | Problem::Invalid(f, _) => *f,
        }
    }
}

/// One EASI region as entered: area score and sign grades (in half points), each unset
/// until the clinician picks a value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EasiRegionForm {
    /// Area score 0–6.
    pub area: Option<u8>,
    /// Signs in [`easi::Sign::ALL`] order, in half points.
    pub signs: [Option<u8>; 4],
}

/// The SCORAD entry as typed: extent percents and C as the text in the inputs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoradForm {
    /// Percent of each segment, in [`Segment::ALL`] order, as typed.
    pub extent: [String; 13],
    /// Intensity grades in [`scorad::Sign::ALL`] order.
    pub intensity: [Option<u8>; 6],
    /// Pruritus 0–10 as typed.
    pub pruritus: String,
    /// Sleep loss 0–10 as typed.
    pub sleep_loss: String,
}

/// One examination in progress: what the draft store keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamForm {
    /// Age in years, as typed.
    pub age: String,
    /// Date of birth (YYYY-MM-DD) as entered; when present it decides the age.
    #[serde(default)]
    pub dob: String,
    /// Examination date (YYYY-MM-DD), set to today when an examination starts.
    #[serde(default)]
    pub exam_date: String,
    /// "Save visit": the patient code as typed (kept with the examination, so a reload or the
    /// patient's turn does not lose it).
    #[serde(default)]
    pub visit_patient: String,
    /// "Save visit": the study label as typed.
    #[serde(default)]
    pub visit_label: String,
    /// EASI regions in [`Region::ALL`] order.
    pub easi: [EasiRegionForm; 4],
    /// SCORAD entry.
    pub scorad: ScoradForm,
    /// Cells painted on the body map.
    #[serde(default)]
    pub map: Painting,
    /// The clinician confirmed the whole skin was examined, so unpainted areas are clear and
    /// the map supplies every value not entered by hand.
    #[serde(default)]
    pub map_examined: bool,
    /// EASI severity strata in use (Leshem 2015 unless changed).
    #[serde(default)]
    pub easi_bands: EasiBands,
    /// SCORAD severity strata in use (Kunz 1997 unless changed).
    #[serde(default)]
    pub scorad_bands: ScoradBands,
    /// The patient's (or parent's) answers.
    #[serde(default)]
    pub patient: PatientForm,
}

impl ExamForm {
    /// Nothing entered: only what a new examination starts with (its date, which every new
    /// one is given, and the clinician's band systems, which a new one keeps).
    pub fn is_blank(&self) -> bool {
        *self == ExamForm { exam_date: self.exam_date.clone(), easi_bands: self.easi_bands, scorad_bands: self.scorad_bands, ..ExamForm::default() }
    }

    /// Whether this is a blank examination ([`ExamForm::is_blank`]) opened on an earlier day and
    /// left: dated before `today` (both YYYY-MM-DD), on the day it was last written blank
    /// (`blank_day`), so dated by the app that day, not by the user. A date the user chose (one
    /// other than the day it was written on) is theirs; a date being typed (not yet a whole
    /// date) is not before anything.
    pub fn stale_blank(&self, today: &str, blank_day: Option<&str>) -> bool {
        self.is_blank()
            && Date::parse_iso(&self.exam_date).is_ok()
            && self.exam_date.as_str() < today
            && blank_day == Some(self.exam_date.as_str())
    }
}

/// Collects problems while converting, so every missing field is listed at once.
struct Check(Vec<Problem>);

impl Check {
    fn take<T>(&mut self, field: Field, value: Option<Result<T, Reason>>) -> Option<T> {
        match value {
            None => self.0.push(Problem::Missing(field)),
            Some(Err(reason)) => self.0.push(Problem::Invalid(field, reason)),
            Some(Ok(v)) => return Some(v),
        }
        None
    }
}

/// A typed number read exactly, in tenths: no floating point between the text and a score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Typed {
    /// A minus sign before a value other than zero.
    negative: bool,
    /// The value in tenths, rounded down (saturating for absurdly long numbers).
    tenths: u32,
    /// Non-zero digits after the first decimal ("2.25").
    finer: bool,
}

/// Reads typed text as a decimal number: "12", "12.5", "12,5" (decimal comma), ".5", "5.", "+3",
/// "-2"; empty text is `None` (missing), never 0. Anything else (letters, exponents, a second
/// point) is not a number.
fn typed_number(text: &str) -> Option<Result<Typed, Reason>> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let (negative, digits) = match text.as_bytes()[0] {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let Some((whole, fraction)) = crate::scoring::exact::decimal_digits(digits, &['.', ',']) else {
        return Some(Err(Reason::NotANumber));
    };
    let tenths = whole
        .bytes()
        .fold(0u32, |n, b| n.saturating_mul(10).saturating_add(u32::from(b - b'0')))
        .saturating_mul(10)
        .saturating_add(fraction.bytes().next().map_or(0, |b| u32::from(b - b'0')));
    let finer = fraction.bytes().skip(1).any(|b| b != b'0');
    Some(Ok(Typed { negative: negative && (tenths > 0 || finer), tenths, finer }))
}

/// Parses typed text as a value 0–MAX with at most one decimal.
fn typed_tenths<const MAX: u16>(text: &str) -> Option<Result<Tenths<MAX>, Reason>> {
    typed_number(text).map(|n| {
        let n = n?;
        let max = u32::from(MAX) * 10;
        if n.negative || n.tenths > max || (n.tenths == max && n.finer) {
            return Err(Reason::Range { max: MAX });
        }
        if n.finer {
            return Err(Reason::OneDecimal);
        }
        Tenths::from_tenths(n.tenths as u16).map_err(|_| Reason::Range { max: MAX })
    })
}

impl ExamForm {
    /// The age, validated.
    pub fn age(&self) -> Option<Result<AgeYears, Reason>> {
        if !self.dob.trim().is_empty() {
            return Some(self.age_from_dates());
        }
        typed_number(&self.age).map(|n| {
            let n = n?;
            if n.negative || n.finer || n.tenths % 10 != 0 || n.tenths > 1300 {
                return Err(Reason::WholeYears);
            }
            AgeYears::new((n.tenths / 10) as u8).map_err(|_| Reason::WholeYears)
        })
    }

    /// A typed age that a date of birth `stored` elsewhere (the patient's record) contradicts on
    /// this examination's date: `(typed, from the stored date)`. `None` when a date of birth is
    /// entered here (it decides the age), when the age, the stored date or the examination date
    /// is missing or not valid, or when they agree.
    pub fn typed_age_differs(&self, stored: &str) -> Option<(u8, u8)> {
        if self.age_from_dob() {
            return None;
        }
        let typed = self.age()?.ok()?.get();
        let birth = Date::parse_iso(stored.trim()).ok()?;
        let exam = Date::parse_iso(self.exam_date.trim()).ok()?;
        let from_stored = age_in_years(birth, exam).ok().filter(|_| exam >= birth)?;
        (typed != from_stored).then_some((typed, from_stored))
    }

    /// Whether the examination date is a date after `today` (YYYY-MM-DD): a slip of the finger
    /// (2036 for 2026) that would weight the scores by the age on that day, said at the field
    /// (a visit so dated is not saved).
    pub fn exam_date_after(&self, today: &str) -> bool {
        match (Date::parse_iso(self.exam_date.trim()), Date::parse_iso(today)) {
            (Ok(exam), Ok(today)) => exam > today,
            _ => false,
        }
    }

    /// Where the age comes from: the dates when a date of birth is entered, else the typed years.
    pub fn age_from_dob(&self) -> bool {
        !self.dob.trim().is_empty()
    }

    /// Completed years between the date of birth and the examination date.
    fn age_from_dates(&self) -> Result<AgeYears, Reason> {
        let birth = Date::parse_iso(self.dob.trim()).map_err(|_| Reason::BadDate)?;
        if self.exam_date.trim().is_empty() {
            return Err(Reason::NeedExamDate);
        }
        let exam = Date::parse_iso(self.exam_date.trim()).map_err(|_| Reason::BadDate)?;
        if exam < birth {
            return Err(Reason::ExamBeforeBirth);
        }
        let years = age_in_years(birth, exam).map_err(|_| Reason::TooOld)?;
        AgeYears::new(years).map_err(|_| Reason::TooOld)
    }

    /// The figure and weights the map uses: from the age, or the adult ones until it is valid.
    pub fn map_age(&self) -> scorad::AgeVariant {
        match self.age() {
            Some(Ok(age)) => scorad::AgeVariant::for_age(age),
            _ => scorad::AgeVariant::Age2Plus,
        }
    }

    /// The EASI area score the body map gives a region (and its percent in tenths), once the
    /// clinician has confirmed the whole skin was examined.
    pub fn map_area(&self, region: Region) -> Option<(AreaScore, u16)> {
        let age = self.map_age();
        self.map_examined.then(|| (self.map.area_score(region, age), self.map.region_tenths(region, age)))
    }

    /// The percent (tenths) the body map gives a SCORAD segment, once the whole skin was examined.
    pub fn map_extent(&self, segment: Segment) -> Option<u16> {
        self.map_examined.then(|| self.map.segment_tenths(segment))
    }

    /// The EASI record, or every problem that stops it.
    pub fn easi_record(&self) -> Result<EasiRecord, Vec<Problem>> {
        let mut check = Check(Vec::new());
        let age = check.take(Field::Age, self.age());
        let regions = Region::ALL.map(|region| {
            let form = &self.easi[region_index(region)];
            // A picked area score overrides the map's.
            let picked = form.area.map(|a| AreaScore::new(a).map_err(|_| Reason::Range { max: 6 }));
            let area = check.take(Field::EasiArea(region), picked.or_else(|| self.map_area(region).map(|(a, _)| Ok(a))));
            // Area 0, no affected skin in the region: there are no signs to grade (EASI grades
            // those of the affected skin), and the region scores 0 whatever they are. A sign
            // left ungraded there is recorded as 0, not asked for.
            let no_skin_affected = area.is_some_and(|a| a.get() == 0);
            let signs = easi::Sign::ALL.map(|sign| {
                let halves = form.signs[easi_sign_index(sign)].or(no_skin_affected.then_some(0));
                let grade = halves.map(|h| SignGrade::from_halves(h).map_err(|_| Reason::Range { max: 3 }));
                check.take(Field::EasiSign(region, sign), grade)
            });
            match (area, signs) {
                (Some(area), [Some(a), Some(b), Some(c), Some(d)]) => Some(EasiRegion::from_parts(area, [a, b, c, d])),
                _ => None,
            }
        });
        match (age, regions) {
            (Some(age_years), [Some(head_neck), Some(upper_limbs), Some(trunk), Some(lower_limbs)]) if check.0.is_empty() => {
                Ok(EasiRecord { age_years, regions: EasiRegions { head_neck, upper_limbs, trunk, lower_limbs } })
            }
            _ => Err(check.0),
        }
    }

    /// SCORAD's C, when both parts are entered: `Ok(None)` when neither is (the total then
    /// waits for the patient), problems when one is missing or invalid.
    pub fn subjective(&self) -> Result<Option<Subjective>, Vec<Problem>> {
        let f = &self.scorad;
        if f.pruritus.trim().is_empty() && f.sleep_loss.trim().is_empty() {
            return Ok(None);
        }
        let mut check = Check(Vec::new());
        let pruritus = check.take(Field::Pruritus, typed_tenths::<10>(&f.pruritus));
        let sleep_loss = check.take(Field::SleepLoss, typed_tenths::<10>(&f.sleep_loss));
        match (pruritus, sleep_loss) {
            (Some(pruritus), Some(sleep_loss)) => Ok(Some(Subjective { pruritus, sleep_loss })),
            _ => Err(check.0),
        }
    }

    /// The SCORAD record (with C only when C is complete), or every problem in age, A or B.
    pub fn scorad_record(&self) -> Result<ScoradRecord, Vec<Problem>> {
        let mut check = Check(Vec::new());
        let age = check.take(Field::Age, self.age());
        let extent = Segment::ALL.map(|segment| {
            // A typed percent overrides the map's.
            let typed = typed_tenths::<100>(&self.scorad.extent[segment_index(segment)]);
            let mapped = || self.map_extent(segment).map(|t| Percent::from_tenths(t).map_err(|_| Reason::Range { max: 100 }));
            check.take(Field::Extent(segment), typed.or_else(mapped))
        });
        let grades = scorad::Sign::ALL.map(|sign| {
            let grade = self.scorad.intensity[scorad_sign_index(sign)].map(|g| Grade::new(g).map_err(|_| Reason::Range { max: 3 }));
            check.take(Field::ScoradSign(sign), grade)
        });
        let (Some(age_years), true) = (age, check.0.is_empty()) else {
            return Err(check.0);
        };
        Ok(ScoradRecord {
            age_years,
            extent: Extent::from_array(extent.map(Option::unwrap_or_default)),
            intensity: Intensity::from_array(grades.map(|g| g.expect("checked above"))),
            subjective: self.subjective().ok().flatten(),
        })
    }
}

/// Why this examination's DLQI answers are not scored ([`ExamForm::dlqi_not_for`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DlqiNotFor {
    /// The examination's age is under 16 (children answer the CDLQI, not in adscore).
    Child,
    /// A parent answers for the patient.
    Proxy,
    /// An age is entered but not valid (a date of birth without the examination's date, a typed
    /// age that is not a whole number): it may be a child's, so the DLQI waits for it.
    AgeInvalid,
}

impl ExamForm {
    /// Whether the DLQI applies to this examination's patient: `None` when it does, else why
    /// not (a child first, whoever answers). The DLQI is for adults, 16 and over, answering for
    /// themselves (Finlay & Khan 1994; children aged 4–16 answer the CDLQI, which adscore does
    /// not include): it is not scored when the examination's age is under 16 or a parent
    /// answers, even when answers are held (given before the age was entered, or before "a
    /// parent answers" was chosen). The answers stay in the form, so correcting the age or who
    /// answers brings the score back. With no age entered, the patient answering for themselves
    /// is taken at their word and the DLQI is scored: a patient on their own phone has no age
    /// entered (docs/scoring.md). An age entered but not valid is not taken as an adult's: the
    /// DLQI waits for it to be corrected.
    pub fn dlqi_not_for(&self) -> Option<DlqiNotFor> {
        match self.age() {
            Some(Ok(age)) if age.get() < 16 => Some(DlqiNotFor::Child),
            _ if self.patient.proxy() => Some(DlqiNotFor::Proxy),
            Some(Err(_)) => Some(DlqiNotFor::AgeInvalid),
            _ => None,
        }
    }

    /// Every assessment this examination can give now: complete EASI and SCORAD (SCORAD with C
    /// only when C is complete), each patient questionnaire with at least one answer, the DLQI
    /// only where it applies ([`ExamForm::dlqi_not_for`]).
    pub fn assessments(&self) -> Vec<Assessment> {
        let p = &self.patient;
        [
            self.easi_record().ok().map(Assessment::Easi),
            self.scorad_record().ok().map(Assessment::Scorad),
            p.poem_record().map(Assessment::Poem),
            p.dlqi_record().filter(|_| self.dlqi_not_for().is_none()).map(Assessment::Dlqi),
            p.itch_record().map(Assessment::ItchNrs),
            p.sleep_record().map(Assessment::SleepNrs),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// The instruments begun but not complete ("EASI", "SCORAD"): they give no assessment, so
    /// a visit saved now would leave them out. EASI is begun once an area score or a sign grade
    /// is picked; SCORAD once an extent or an intensity grade is entered, or part of C (half a
    /// C is left out too). Painting the map begins neither: it serves both, and a clinician may
    /// score only one.
    pub fn unfinished(&self) -> Vec<&'static str> {
        let easi_begun = self.easi.iter().any(|r| r.area.is_some() || r.signs.iter().any(Option::is_some));
        let s = &self.scorad;
        let scorad_begun = s.extent.iter().any(|e| !e.trim().is_empty())
            || s.intensity.iter().any(Option::is_some)
            || !s.pruritus.trim().is_empty()
            || !s.sleep_loss.trim().is_empty();
        let scorad_unfinished = self.scorad_record().is_err() || self.subjective().is_err();
        [(easi_begun && self.easi_record().is_err(), "EASI"), (scorad_begun && scorad_unfinished, "SCORAD")]
            .into_iter()
            .filter_map(|(unfinished, name)| unfinished.then_some(name))
            .collect()
    }

    /// This examination with what the patient changed from `before` to `answered` in the
    /// patient's part: the questionnaires (`patient`) and SCORAD's itch and sleep-loss scales,
    /// each taken only when the patient changed it. The patient's flow writes its answers onto
    /// the stored examination this way, so what the clinician changed meanwhile in another tab
    /// or window stays: their whole part (the flow's copy of it is as it was handed over), and
    /// the SCORAD itch or sleep loss they typed there while the patient had not answered it.
    /// Each answer is taken on its own (each item of POEM and DLQI too): the flow open in two
    /// tabs or windows (the home-screen app and a browser tab) each writes only the answers it
    /// changed, not its older copy of the others over the answers given in the other.
    pub fn with_patient_changes(mut self, before: &ExamForm, answered: &ExamForm) -> ExamForm {
        let (b, a, p) = (&before.patient, &answered.patient, &mut self.patient);
        // Every member named, so that one added to the form is merged too (or the build fails).
        let PatientForm { answerer, parts, itch, sleep, poem, dlqi, dlqi7_not_prevented, status, effect, pruritus_answered, sleep_loss_answered } = a;
        macro_rules! take {
            ($($field:ident),*) => { $( if *$field != b.$field { p.$field = $field.clone(); } )* };
        }
        take!(answerer, parts, itch, sleep, status, effect, pruritus_answered, sleep_loss_answered);
        /// Each item of `answered` that differs from `before`'s, into `stored`.
        fn items<T: Copy + PartialEq>(stored: &mut [T], before: &[T], answered: &[T]) {
            for ((item, was), now) in stored.iter_mut().zip(before).zip(answered) {
                if now != was {
                    *item = *now;
                }
            }
        }
        items(&mut p.poem, &b.poem, poem);
        items(&mut p.dlqi, &b.dlqi, dlqi);
        // DLQI item 7's two parts ("prevented?", then how much) move together.
        if (*dlqi7_not_prevented, dlqi[6]) != (b.dlqi7_not_prevented, b.dlqi[6]) {
            (p.dlqi7_not_prevented, p.dlqi[6]) = (*dlqi7_not_prevented, dlqi[6]);
        }
        if answered.scorad.pruritus != before.scorad.pruritus {
            self.scorad.pruritus = answered.scorad.pruritus.clone();
        }
        if answered.scorad.sleep_loss != before.scorad.sleep_loss {
            self.scorad.sleep_loss = answered.scorad.sleep_loss.clone();
        }
        self
    }

    /// Whether saving would file anything: a complete score, or one of the patient's global
    /// ratings (disease status, treatment effect), which a visit may hold alone.
    pub fn saves_anything(&self) -> bool {
        self.patient.status.is_some() || self.patient.effect.is_some() || !self.assessments().is_empty()
    }

    /// Cells are painted on the body map but the whole skin is not confirmed examined, so the
    /// map gives the scores nothing yet (what a clinician who painted it may not expect).
    pub fn map_waiting(&self) -> bool {
        !self.map.is_empty() && !self.map_examined
    }

    /// The examination as a visit of `patient`, dated on the examination date. Who answered
    /// (the flow's first question) is kept when the visit holds one of the patient's
    /// questionnaires: POEM, DLQI, itch or sleep NRS, a global rating, or SCORAD's itch and
    /// sleep-loss scales answered in the flow (typed by the clinician on the examination, they
    /// do not count).
    pub fn to_visit(&self, id: String, patient: &str, label: &str) -> Visit {
        let mut visit = Visit {
            id,
            patient: patient.trim().to_string(),
            date: self.exam_date.trim().to_string(),
            label: label.trim().to_string(),
            assessments: self.assessments(),
            global: GlobalRatings { status: self.patient.status, effect: self.patient.effect },
            reported_by: None,
            easi_bands: self.easi_bands,
            scorad_bands: self.scorad_bands,
            app_version: APP_VERSION.to_string(),
        };
        // SCORAD's C scales count when answered in the patient's flow (not typed by the clinician).
        let c_answered = self.patient.pruritus_answered || self.patient.sleep_loss_answered;
        visit.reported_by = self.patient.answerer.filter(|_| visit.has_answers() || c_answered);
        visit
    }
}

/// Position of a region in [`Region::ALL`] (and in [`ExamForm::easi`]).
pub fn region_index(region: Region) -> usize {
    Region::ALL.iter().position(|&r| r == region).expect("every region is listed")
}

/// Position of an EASI sign in [`easi::Sign::ALL`].
pub fn easi_sign_index(sign: easi::Sign) -> usize {
    easi::Sign::ALL.iter().position(|&s| s == sign).expect("every sign is listed")
}

/// Position of a segment in [`Segment::ALL`].
pub fn segment_index(segment: Segment) -> usize {
    Segment::ALL.iter().position(|&s| s == segment).expect("every segment is listed")
}

/// Position of a SCORAD sign in [`scorad::Sign::ALL`].
pub fn scorad_sign_index(sign: scorad::Sign) -> usize {
    scorad::Sign::ALL.iter().position(|&s| s == sign).expect("every sign is listed")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::Reporter;
    use crate::scoring::Band;

    fn complete_easi(age: &str) -> ExamForm {
        let mut form = ExamForm { age: age.into(), ..Default::default() };
        for region in &mut form.easi {
            *region = EasiRegionForm { area: Some(2), signs: [Some(2), Some(3), Some(0), Some(4)] };
        }
        form
    }

    #[test]
    fn a_region_with_area_0_needs_no_sign_grades_and_records_them_as_0() {
        // Assemble: a complete EASI but for the trunk, whose area is 0 and whose signs are
        // ungraded.
        let mut form = complete_easi("34");
        let trunk = region_index(Region::Trunk);
        form.easi[trunk] = EasiRegionForm { area: Some(0), signs: [None; 4] };
        // Act
        let record = form.easi_record().expect("scored");
        // Assert: the trunk's signs are 0; the score is the other three regions'.
        assert_eq!(record.regions.trunk.sign_sum_halves(), 0);
        let mut graded = form.clone();
        graded.easi[trunk].signs = [Some(0); 4];
        assert_eq!(Some(record), graded.easi_record().ok());
        // A sign graded there is kept as graded.
        form.easi[trunk].signs[0] = Some(2);
        assert_eq!(form.easi_record().unwrap().regions.trunk.sign_sum_halves(), 2);
        // Area 1 and ungraded signs: each sign is asked for.
        form.easi[trunk] = EasiRegionForm { area: Some(1), signs: [None; 4] };
        let problems = form.easi_record().unwrap_err();
        assert_eq!(problems.iter().filter(|p| matches!(p.field(), Field::EasiSign(Region::Trunk, _))).count(), 4);
        // Area 0 from the body map (the whole skin examined, nothing painted on the trunk)
        // counts the same as a picked 0.
        form.easi[trunk].area = None;
        form.map_examined = true;
        assert_eq!(form.map_area(Region::Trunk).map(|(a, _)| a.get()), Some(0));
        assert!(form.easi_record().is_ok(), "{:?}", form.easi_record().err());
    }

    #[test]
    fn the_patient_s_changes_are_taken_from_the_answers_and_everything_else_from_the_stored_examination() {
        // Assemble: the flow's copy as handed over, then answered; the stored examination the
        // clinician has changed since in another tab.
        let handed = complete_easi("34");
        let mut answered = handed.clone();
        answered.patient.itch = Some(7);
        answered.patient.poem[0] = Some(3);
        answered.scorad.pruritus = "6.5".into();
        answered.scorad.sleep_loss = "3".into();
        let mut stored = complete_easi("35");
        stored.easi[0].signs[0] = Some(1);
        stored.scorad.extent[0] = "20".into();
        stored.visit_patient = "P-7".into();
        stored.scorad.pruritus = "1".into();
        // Act
        let merged = stored.clone().with_patient_changes(&handed, &answered);
        // Assert: the clinician's entries as stored, every answer as the patient gave it.
        assert_eq!((merged.age.as_str(), merged.easi[0].signs[0], merged.scorad.extent[0].as_str()), ("35", Some(1), "20"));
        assert_eq!(merged.visit_patient, "P-7");
        assert_eq!((merged.patient.itch, merged.patient.poem[0]), (Some(7), Some(3)));
        assert_eq!((merged.scorad.pruritus.as_str(), merged.scorad.sleep_loss.as_str()), ("6.5", "3"));
        let mut again = answered.clone();
        again.patient = stored.patient.clone();
        assert_eq!(merged.clone().with_patient_changes(&answered, &again).patient, stored.patient, "the patient part, whole");
        // What the patient did not change is not written: SCORAD itch and sleep loss the
        // clinician typed in the other tab stay, while the patient answers other questions.
        let mut typed = stored.clone();
        typed.scorad.sleep_loss = "2".into();
        let mut itch_only = handed.clone();
        itch_only.patient.itch = Some(4);
        let kept = typed.clone().with_patient_changes(&handed, &itch_only);
        assert_eq!((kept.scorad.pruritus.as_str(), kept.scorad.sleep_loss.as_str(), kept.patient.itch), ("1", "2", Some(4)));
        // Nothing changed: the stored examination as it is.
        assert_eq!(typed.clone().with_patient_changes(&answered, &answered), typed);
        // The flow in two tabs: one answers itch (stored), the other, still without it, answers
        // POEM item 1 and sleep: both tabs' answers are kept.
        let mut first = handed.clone();
        first.patient.itch = Some(7);
        let stored_itch = handed.clone().with_patient_changes(&handed, &first);
        let mut second = handed.clone();
        (second.patient.poem[0], second.patient.sleep) = (Some(2), Some(5));
        let both = stored_itch.with_patient_changes(&handed, &second);
        assert_eq!((both.patient.itch, both.patient.sleep, both.patient.poem[0]), (Some(7), Some(5), Some(2)));
        // DLQI item 7's two parts move together: "No, a lot" in one tab, "Yes" in the other.
        let mut no_a_lot = handed.clone();
        no_a_lot.patient.set_dlqi7(Some(false), Some(2));
        let mut yes = handed.clone();
        yes.patient.set_dlqi7(Some(true), None);
        let last = handed.clone().with_patient_changes(&handed, &no_a_lot).with_patient_changes(&handed, &yes);
        assert_eq!((last.patient.dlqi[6], last.patient.dlqi7_not_prevented), (yes.patient.dlqi[6], false));
    }

    #[test]
    fn a_painted_map_waits_for_the_whole_skin_to_be_confirmed_examined() {
        // Assemble
        let mut form = ExamForm::default();
        assert!(!form.map_waiting(), "nothing painted: nothing waits");
        // Act / Assert: one cell painted, not confirmed → waiting; confirmed → used.
        form.map.set(Segment::TrunkFront, 0, true);
        assert!(form.map_waiting());
        form.map_examined = true;
        assert!(!form.map_waiting());
        // Confirmed with nothing painted is not waiting either (the skin is clear).
        form.map = Painting::default();
        assert!(!form.map_waiting());
    }

    #[test]
    fn an_untouched_form_lists_every_field_as_missing_and_scores_nothing() {
        // Assemble
        let form = ExamForm::default();
        // Act
        let problems = form.easi_record().unwrap_err();
        // Assert: age + 4 regions × (area + 4 signs).
        assert_eq!(problems.len(), 1 + 4 * 5);
        assert!(problems.iter().all(|p| matches!(p, Problem::Missing(_))));
        assert_eq!(problems[0], Problem::Missing(Field::Age));
    }

    #[test]
    fn one_ungraded_sign_is_named_and_blocks_the_score() {
        let mut form = complete_easi("34");
        form.easi[2].signs[1] = None;
        assert_eq!(
            form.easi_record().unwrap_err(),
            vec![Problem::Missing(Field::EasiSign(Region::Trunk, easi::Sign::EdemaPapulation))]
        );
    }

    #[test]
    fn a_complete_form_scores_like_the_core() {
        // Each region: signs 1 + 1.5 + 0 + 2 = 4.5, area 2 → 9 × weight; weights sum to 1.
        let record = complete_easi("34").easi_record().unwrap();
        let score = record.score();
        assert_eq!(score.total.exact_text(), "9");
        assert_eq!(score.band, Band::Moderate);
    }

    #[test]
    fn age_must_be_whole_and_in_range() {
        for bad in ["-1", "131", "7.5", "2.05", "seven"] {
            let form = complete_easi(bad);
            assert!(matches!(form.easi_record().unwrap_err()[0], Problem::Invalid(Field::Age, _)), "{bad}");
        }
        for (text, years) in [("0", 0), ("34.0", 34), (" 130 ", 130)] {
            assert_eq!(complete_easi(text).age(), Some(Ok(AgeYears::new(years).unwrap())), "{text:?}");
        }
    }

    #[test]
    fn a_typed_age_is_compared_with_a_stored_date_of_birth() {
        // Assemble: 6 years typed, examined on 2026-03-10.
        let form = ExamForm { age: "6".into(), exam_date: "2026-03-10".into(), ..Default::default() };
        // Act / Assert: born 2020-03-11 is 5 on that day (a day short of 6); 2020-03-10 is 6.
        assert_eq!(form.typed_age_differs("2020-03-11"), Some((6, 5)));
        assert_eq!(form.typed_age_differs("2020-03-10"), None);
        // Nothing to compare: no stored date, a date that is not one, a birth after the visit.
        for stored in ["", "10/03/2020", "2027-01-01"] {
            assert_eq!(form.typed_age_differs(stored), None, "{stored:?}");
        }
        // A date of birth entered here decides the age: nothing typed is compared.
        let with_dob = ExamForm { dob: "2015-01-01".into(), ..form.clone() };
        assert_eq!(with_dob.typed_age_differs("2020-03-11"), None);
        // No age typed, or one that is not valid: nothing to compare.
        for age in ["", "6.5"] {
            assert_eq!(ExamForm { age: age.into(), ..form.clone() }.typed_age_differs("2020-03-11"), None, "{age:?}");
        }
    }

    #[test]
    fn scorad_extent_left_empty_is_missing_not_zero() {
        let mut form = ExamForm { age: "5".into(), ..Default::default() };
        form.scorad.intensity = [Some(1); 6];
        form.scorad.extent = Default::default();
        form.scorad.extent[6] = "20".into();
        let problems = form.scorad_record().unwrap_err();
        assert_eq!(problems.len(), 12);
        assert!(!problems.contains(&Problem::Missing(Field::Extent(Segment::TrunkFront))));
    }

    #[test]
    fn scorad_without_c_scores_objective_only_and_half_a_c_is_reported() {
        // Assemble: A = 18 × 50 % = 9; B = 6.
        let mut form = ExamForm { age: "30".into(), ..Default::default() };
        form.scorad.extent = std::array::from_fn(|i| if i == 6 { "50".into() } else { "0".into() });
        form.scorad.intensity = [Some(1); 6];
        // Act / Assert: no C at all.
        let score = form.scorad_record().unwrap().score();
        assert_eq!(score.objective.exact_text(), "22.8"); // 9/5 + 7×6/2 = 1.8 + 21
        assert_eq!(score.total, None);
        // Only pruritus given: sleep loss is reported missing, total still waits.
        form.scorad.pruritus = "6.5".into();
        assert_eq!(form.subjective().unwrap_err(), vec![Problem::Missing(Field::SleepLoss)]);
        assert_eq!(form.scorad_record().unwrap().score().total, None);
        // Both given: total = 22.8 + 9.5.
        form.scorad.sleep_loss = "3".into();
        assert_eq!(form.scorad_record().unwrap().score().total.unwrap().exact_text(), "32.3");
    }

    #[test]
    fn the_map_fills_extent_and_area_only_once_the_whole_skin_is_confirmed_examined() {
        // Assemble: adult, all signs graded, 3 of 20 trunk-front cells painted (15 %).
        let mut form = complete_easi("30");
        for region in &mut form.easi {
            region.area = None;
        }
        form.scorad.intensity = [Some(1); 6];
        for i in 0..3 {
            form.map.set(Segment::TrunkFront, i, true);
        }
        // Act / Assert: painting alone is not a confirmation that the rest is clear.
        assert!(form.easi_record().unwrap_err().contains(&Problem::Missing(Field::EasiArea(Region::Trunk))));
        assert!(form.scorad_record().is_err());
        form.map_examined = true;
        let scorad = form.scorad_record().unwrap();
        assert_eq!(scorad.extent.trunk_front.tenths(), 150);
        assert_eq!(scorad.extent.trunk_back.tenths(), 0);
        // 15 % of 18 % BSA = 2.7 % of the 33.4 % trunk region = 8.08 % → area score 1.
        let easi = form.easi_record().unwrap();
        assert_eq!(easi.regions.trunk.area.get(), 1);
        assert_eq!(easi.regions.head_neck.area.get(), 0);
        // A typed percent and a picked area score override the map.
        form.scorad.extent[segment_index(Segment::TrunkFront)] = "40".into();
        form.easi[region_index(Region::Trunk)].area = Some(3);
        assert_eq!(form.scorad_record().unwrap().extent.trunk_front.tenths(), 400);
        assert_eq!(form.easi_record().unwrap().regions.trunk.area.get(), 3);
    }

    #[test]
    fn a_date_of_birth_decides_the_age_at_the_examination_date() {
        // Assemble: typed 34, but born 2017-11-27, examined the day before the 8th birthday.
        let mut form = complete_easi("34");
        form.dob = "2017-11-27".into();
        form.exam_date = "2025-11-26".into();
        // Act / Assert: 7 years → child weights.
        assert_eq!(form.age(), Some(Ok(AgeYears::new(7).unwrap())));
        assert_eq!(form.easi_record().unwrap().score().age_variant, easi::AgeVariant::Under8);
        form.exam_date = "2025-11-27".into();
        assert_eq!(form.easi_record().unwrap().score().age_variant, easi::AgeVariant::Age8Plus);
        // Without an examination date the age is not guessed.
        form.exam_date.clear();
        assert!(matches!(form.easi_record().unwrap_err()[0], Problem::Invalid(Field::Age, _)));
    }

    #[test]
    fn begun_but_incomplete_instruments_are_named_before_a_save_leaves_them_out() {
        // Nothing begun: nothing unfinished (a map painted alone begins neither).
        let mut form = ExamForm { map_examined: true, ..Default::default() };
        form.patient.itch = Some(6);
        assert!(form.unfinished().is_empty());
        // One EASI grade picked: EASI is unfinished; complete, it is not.
        form.easi[0].signs[0] = Some(2);
        assert_eq!(form.unfinished(), ["EASI"]);
        let mut form = complete_easi("30");
        assert!(form.unfinished().is_empty());
        // Without an age a complete-looking EASI gives no score: unfinished.
        form.age.clear();
        assert_eq!(form.unfinished(), ["EASI"]);
        // SCORAD: one intensity grade, or half a C on a complete objective SCORAD.
        let mut form = complete_easi("30");
        form.scorad.intensity[0] = Some(1);
        assert_eq!(form.unfinished(), ["SCORAD"]);
        form.scorad.extent = std::array::from_fn(|_| "10".to_string());
        form.scorad.intensity = [Some(1); 6];
        assert!(form.unfinished().is_empty());
        form.scorad.pruritus = "5".into();
        assert_eq!(form.unfinished(), ["SCORAD"]);
        form.scorad.sleep_loss = "2".into();
        assert!(form.unfinished().is_empty());
    }

    #[test]
    fn a_visit_holds_only_complete_or_answered_assessments() {
        // Assemble: a complete EASI, an incomplete SCORAD, one POEM answer, itch 6.
        let mut form = complete_easi("30");
        form.exam_date = "2026-03-10".into();
        form.patient.poem[0] = Some(3);
        form.patient.itch = Some(6);
        form.patient.status = Some(2);
        form.patient.answerer = Some(Reporter::Patient);
        // Act
        let visit = form.to_visit("v1".into(), " AD-017 ", "week 4");
        // Assert
        let instruments: Vec<_> = visit.assessments.iter().map(|a| a.to_json()).collect();
        assert_eq!(visit.assessments.len(), 3, "{instruments:?}");
        assert!(matches!(visit.assessments[0], Assessment::Easi(_)));
        assert!(matches!(visit.assessments[1], Assessment::Poem(_)));
        assert!(matches!(visit.assessments[2], Assessment::ItchNrs(_)));
        assert_eq!((visit.patient.as_str(), visit.date.as_str(), visit.label.as_str()), ("AD-017", "2026-03-10", "week 4"));
        assert_eq!(visit.global.status, Some(2));
        assert_eq!(visit.reported_by, Some(Reporter::Patient));
    }

    #[test]
    fn an_examination_date_after_today_is_told_apart() {
        // Assemble: an examination dated 10 March 2026.
        let form = ExamForm { exam_date: "2026-03-10".into(), ..ExamForm::default() };
        // Act / Assert: after the day before it, not after that day or a later one.
        assert!(form.exam_date_after("2026-03-09"));
        assert!(!form.exam_date_after("2026-03-10") && !form.exam_date_after("2026-03-11"));
        // A date that does not exist, or none, is not "after today" (it has its own message).
        assert!(!ExamForm { exam_date: "2026-02-30".into(), ..ExamForm::default() }.exam_date_after("2026-01-01"));
        assert!(!ExamForm::default().exam_date_after("2026-03-09"));
    }

    #[test]
    fn the_patient_s_ratings_alone_are_something_to_save_and_make_a_visit_the_history_takes() {
        // Assemble: a blank examination dated, and an EASI begun but not complete.
        let mut form = ExamForm { exam_date: "2026-03-10".into(), ..ExamForm::default() };
        form.easi[0].area = Some(2);
        // Act / Assert: nothing complete, nothing rated: nothing to save.
        assert!(!form.saves_anything());
        for rate in [|f: &mut ExamForm| f.patient.status = Some(0), |f: &mut ExamForm| f.patient.effect = Some(6)] {
            let mut rated = form.clone();
            rate(&mut rated);
            assert!(rated.saves_anything());
            // The visit holds the rating alone, and is filed.
            let visit = rated.to_visit("v1".into(), "AD-1", "week 4");
            assert!(visit.assessments.is_empty() && visit.holds_anything());
            let mut history = crate::history::History::default();
            history.upsert_patient(crate::history::Patient::new("AD-1"));
            assert_eq!(history.add_visit(visit), Ok(()));
        }
    }

    #[test]
    fn a_visit_says_who_answered_the_patient_s_questionnaires_only_when_it_holds_one() {
        // Assemble: a complete EASI, nothing from the patient, a parent chosen as the one answering.
        let mut form = complete_easi("5");
        form.exam_date = "2026-03-10".into();
        form.patient.answerer = Some(Reporter::Parent);
        let reported_by = |form: &ExamForm| form.to_visit("v1".into(), "AD-1", "").reported_by;
        // Act / Assert: no questionnaire, no one named.
        assert_eq!(reported_by(&form), None);
        // SCORAD's C alone (a clinician may type it) names no one either; answered in the flow,
        // it names who answered.
        form.scorad.pruritus = "4".into();
        form.scorad.sleep_loss = "1".into();
        assert_eq!(reported_by(&form), None);
        let mut c_answered = form.clone();
        c_answered.patient.sleep_loss_answered = true;
        assert_eq!(reported_by(&c_answered), Some(Reporter::Parent));
        // Each of the patient's questionnaires on its own names the parent.
        for answer in [
            |f: &mut ExamForm| f.patient.poem[0] = Some(2),
            |f: &mut ExamForm| f.patient.itch = Some(3),
            |f: &mut ExamForm| f.patient.sleep = Some(3),
            |f: &mut ExamForm| f.patient.status = Some(1),
            |f: &mut ExamForm| f.patient.effect = Some(4),
        ] {
            let mut answered = form.clone();
            answer(&mut answered);
            assert_eq!(reported_by(&answered), Some(Reporter::Parent));
            answered.patient.answerer = Some(Reporter::Patient);
            assert_eq!(reported_by(&answered), Some(Reporter::Patient));
            // Answers with no one chosen (the flow no longer shows a question before the choice,
            // but a visit must not name anyone it was not told of): no one is named.
            answered.patient.answerer = None;
            assert_eq!(reported_by(&answered), None);
        }
        // A parent's DLQI is not kept (the DLQI is the patient's own), so it names no one.
        form.patient.dlqi = [Some(crate::scoring::dlqi::DlqiAnswer::Score(1)); 10];
        assert_eq!(reported_by(&form), None);
    }

    #[test]
    fn a_child_s_or_a_parent_s_dlqi_answers_are_held_but_never_scored() {
        // Assemble: every DLQI item answered 3 (total 30), given before the age was entered.
        let mut form = ExamForm { exam_date: "2026-03-10".into(), ..Default::default() };
        form.patient.dlqi = [Some(crate::scoring::dlqi::DlqiAnswer::Score(3)); 10];
        let has_dlqi = |form: &ExamForm| form.assessments().iter().any(|a| matches!(a, Assessment::Dlqi(_)));
        // Act / Assert: no age yet, the patient answering for themselves: scored.
        assert_eq!(form.dlqi_not_for(), None);
        assert!(has_dlqi(&form));
        // Age 15 (the last CDLQI year): not scored, and not in a saved visit.
        form.age = "15".into();
        assert_eq!(form.dlqi_not_for(), Some(DlqiNotFor::Child));
        assert!(!has_dlqi(&form));
        assert!(!form.to_visit("v1".into(), "AD-1", "").assessments.iter().any(|a| matches!(a, Assessment::Dlqi(_))));
        // The age from the date of birth counts the same way: 15 on the day before the 16th birthday.
        form.dob = "2010-03-11".into();
        assert_eq!(form.dlqi_not_for(), Some(DlqiNotFor::Child));
        form.dob = "2010-03-10".into();
        assert_eq!(form.dlqi_not_for(), None);
        assert!(has_dlqi(&form));
        // An age entered but not valid may be a child's: not scored until it is corrected (a
        // date of birth with no examination date; a typed age that is not whole).
        let no_exam_date = ExamForm { exam_date: String::new(), ..form.clone() };
        assert_eq!(no_exam_date.dlqi_not_for(), Some(DlqiNotFor::AgeInvalid));
        assert!(!has_dlqi(&no_exam_date));
        let typed = ExamForm { dob: String::new(), age: "10.5".into(), ..form.clone() };
        assert_eq!(typed.dlqi_not_for(), Some(DlqiNotFor::AgeInvalid));
        assert!(!has_dlqi(&typed));
        // A parent answering: not scored, whatever the age.
        form.patient.answerer = Some(Reporter::Parent);
        assert_eq!(form.dlqi_not_for(), Some(DlqiNotFor::Proxy));
        assert!(!has_dlqi(&form));
        // The answers are still held: the patient answering again brings the score back.
        form.patient.answerer = Some(Reporter::Patient);
        assert!(has_dlqi(&form));
    }

    #[test]
    fn typed_numbers_are_read_exactly_in_tenths() {
        // Assemble: what people type, and what it is.
        let cases: [(&str, Option<Result<u16, Reason>>); 17] = [
            ("", None),
            ("   ", None),
            ("7", Some(Ok(70))),
            (" 7.3 ", Some(Ok(73))),
            ("7,3", Some(Ok(73))),
            (".5", Some(Ok(5))),
            ("5.", Some(Ok(50))),
            ("+2", Some(Ok(20))),
            ("-0", Some(Ok(0))),
            ("2.50", Some(Ok(25))),
            ("10", Some(Ok(100))),
            ("10.0000", Some(Ok(100))),
            ("10.01", Some(Err(Reason::Range { max: 10 }))),
            ("-0.1", Some(Err(Reason::Range { max: 10 }))),
            ("99999999999999999999", Some(Err(Reason::Range { max: 10 }))),
            ("0.30000000000000001", Some(Err(Reason::OneDecimal))),
            ("1e1", Some(Err(Reason::NotANumber))),
        ];
        for (text, expected) in cases {
            // Act / Assert
            assert_eq!(typed_tenths::<10>(text).map(|r| r.map(|t| t.tenths())), expected, "{text:?}");
        }
        // Every value a field can hold, written with a point or a comma, reads back exactly.
        for tenths in 0..=1000u16 {
            for text in [format!("{}.{}", tenths / 10, tenths % 10), format!("{},{}0", tenths / 10, tenths % 10)] {
                assert_eq!(typed_tenths::<100>(&text).map(|r| r.map(|t| t.tenths())), Some(Ok(tenths)), "{text:?}");
            }
        }
        for text in [".", "-", "1.2.3", "1,2.3", "abc", "1 2", "inf", "NaN", "٣"] {
            assert_eq!(typed_tenths::<10>(text), Some(Err(Reason::NotANumber)), "{text:?}");
        }
    }

    #[test]
    fn typed_values_out_of_range_or_too_fine_are_invalid() {
        let mut form = ExamForm { age: "30".into(), ..Default::default() };
        form.scorad.pruritus = "10.5".into();
        form.scorad.sleep_loss = "2.25".into();
        let problems = form.subjective().unwrap_err();
        assert_eq!(problems[0], Problem::Invalid(Field::Pruritus, Reason::Range { max: 10 }));
        assert_eq!(problems[1], Problem::Invalid(Field::SleepLoss, Reason::OneDecimal));
    }
}
