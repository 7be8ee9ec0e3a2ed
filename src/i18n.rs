//! Every user-visible string, per language, in one place: components hold no text of their
//! own. A language is a [`Strings`] table; the compiler refuses a table with a key missing.
//! Templates use `{0}`, `{1}` … for values, filled by [`fill`].

mod en;
mod ko;

use crate::form::{Field, Problem, Reason};
use crate::history::batch::{BatchProblem, RowProblem};
use crate::history::csv::Quoting;
use crate::history::io::{megabytes, ImportError};
use crate::history::{GlobalRatings, Metric, Reporter, Violation, FORMAT, INSTRUMENTS, VERSION};
use crate::scoring::problem::{Expected, Kind, Tenth, INSTRUMENT_KEYS};
use crate::scoring::{easi, scorad, Band, EasiBands, RecordProblem, ScoreError, ScoradBands, ValueProblem, Whole};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Declares the string table: one `&'static str` field per key, plus a list of all entries.
macro_rules! strings {
    ($($key:ident),* $(,)?) => {
        /// One language's strings.
        #[allow(missing_docs)]
        #[repr(C)]
        pub struct Strings {
            $(pub $key: &'static str,)*
        }

        /// How many strings a table holds.
        const COUNT: usize = [$(stringify!($key)),*].len();

        /// A fingerprint of the keys and their order (FNV-1a, worked out by the compiler, so
        /// the key names themselves need not be in the module): a strings file written for
        /// another list of keys is refused.
        const KEYS_HASH: u64 = {
            let keys = [$(stringify!($key)),*];
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            let mut i = 0;
            while i < keys.len() {
                let bytes = keys[i].as_bytes();
                let mut j = 0;
                while j < bytes.len() {
                    hash = (hash ^ bytes[j] as u64).wrapping_mul(0x100_0000_01b3);
                    j += 1;
                }
                hash = (hash ^ 0xff).wrapping_mul(0x100_0000_01b3);
                i += 1;
            }
            hash
        };

        impl Strings {
            /// Every (key, text) pair, for tests and the pseudo-locale.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key)),*]
            }

            /// The same table with every string passed through `f`: one loop, not code per key
            /// (the pseudo-locale's table in the release build).
            fn map(&self, f: impl Fn(&'static str) -> &'static str) -> Strings {
                // SAFETY: a `repr(C)` struct of COUNT `&'static str` fields has the layout of
                // `[&'static str; COUNT]` (no padding between equal fields; `transmute` refuses
                // a size mismatch at compile time).
                let all: [&'static str; COUNT] = unsafe { std::mem::transmute_copy(self) };
                unsafe { std::mem::transmute::<[&'static str; COUNT], Strings>(all.map(f)) }
            }

            /// The table from the text of a strings file ([`Strings::to_file`]): a header naming
            /// the keys' fingerprint, then one `key<TAB>text` line per key in table order.
            pub fn from_file(file: &str) -> Result<Strings, String> {
                let mut lines = file.lines();
                if lines.next() != Some(header().as_str()) {
                    return Err("the strings file was written for another version of adscore".to_string());
                }
                let texts = lines
                    .map(|line| line.split_once('\t').map(|(_, text)| unescape(text)).ok_or("a line of the strings file has no tab"))
                    .collect::<Result<Vec<String>, _>>()?;
                if texts.len() != COUNT {
                    let which = if texts.len() > COUNT { "many" } else { "few" };
                    return Err(format!("the strings file has too {which} lines"));
                }
                // Kept for the rest of the session, like the built-in tables (read once).
                let mut texts = texts.into_iter();
                let all: [&'static str; COUNT] = std::array::from_fn(|_| &*Box::leak(texts.next().unwrap_or_default().into_boxed_str()));
                // SAFETY: as in `map`.
                Ok(unsafe { std::mem::transmute::<[&'static str; COUNT], Strings>(all) })
            }
        }
    };
}

/// Declares the history module's table: the strings only its screens show (the history, the
/// patient's flow, the printed worksheet), over the examination's table (`base`, reached through
/// `Deref`), so the examination's module does not carry them. Korean's is built into the history
/// module; the Korean strings file holds the examination's table only.
macro_rules! records_strings {
    ($($key:ident),* $(,)?) => {
        /// One language's strings for the history module's screens.
        #[allow(missing_docs)]
        pub struct RecordsStrings {
            /// The examination's strings, which these screens show too.
            pub base: &'static Strings,
            $(pub $key: &'static str,)*
        }

        impl RecordsStrings {
            /// Every (key, text) pair, the examination's first, for tests.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                let mut all = self.base.entries();
                all.extend([$((stringify!($key), self.$key)),*]);
                all
            }

            /// The same table over `base` with every string of its own passed through `f` (the
            /// pseudo-locale's).
            fn map(&self, base: &'static Strings, f: impl Fn(&'static str) -> &'static str) -> RecordsStrings {
                RecordsStrings { base, $($key: f(self.$key),)* }
            }
        }
    };
}

impl std::ops::Deref for RecordsStrings {
    type Target = Strings;

    fn deref(&self) -> &Strings {
        self.base
    }
}

/// The first line of a strings file.
fn header() -> String {
    format!("adscore-strings keys={KEYS_HASH} count={COUNT}")
}

/// A strings file's text back from its escapes (`\n`, `\t`, `\\`).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

impl Strings {
    /// The text of a strings file for this table: how the Korean table reaches the browser
    /// (`content/ko.strings.txt`, written by `make strings`, checked by a test to be `ko.rs`).
    pub fn to_file(&self) -> String {
        let mut out = header();
        for (key, text) in self.entries() {
            out.push('\n');
            out.push_str(key);
            out.push('\t');
            out.push_str(&text.replace('\\', "\\\\").replace('\n', "\\n").replace('\t', "\\t"));
        }
        out.push('\n');
        out
    }
}

strings! {
    lang_name, language_label, translation_note, app_name, tagline, nav_label, footer, new_exam,
    confirm_new_exam, save_failed, lang_unavailable, draft_unreadable, draft_held,
    draft_held_download, draft_held_delete, draft_held_confirm, patient_title, age_label,
    age_hint, exam_date_label, exam_date_future, dob_label, age_from_dates, age_basis_dob, age_basis_years,
    easi_title, easi_intro, erythema_note, area_label, region_clear, region_clear_label,
    region_head_neck, region_upper_limbs, region_trunk, region_lower_limbs, easi_erythema,
    easi_edema_papulation, easi_excoriation, easi_lichenification, grade_none, grade_mild,
    grade_mild_moderate, grade_moderate, grade_moderate_severe, grade_severe, area_0, scorad_title,
    extent_title, extent_hint, intensity_title, subjective_title, subjective_hint, pruritus_label,
    sleep_loss_label, seg_head_neck_front, seg_head_neck_back, seg_upper_limb_left_front,
    seg_upper_limb_left_back, seg_upper_limb_right_front, seg_upper_limb_right_back,
    seg_trunk_front, seg_trunk_back, seg_lower_limb_left_front, seg_lower_limb_left_back,
    seg_lower_limb_right_front, seg_lower_limb_right_back, seg_genitals, scorad_erythema,
    scorad_edema_papulation, scorad_oozing_crusts, scorad_excoriation, scorad_lichenification,
    scorad_dryness, scorad_grade_0, scorad_grade_1, scorad_grade_2, scorad_grade_3, scores_title,
    show_details, hide_details, not_scored, still_needed, waiting_for_c, easi, scorad,
    objective_scorad, contribution, band_systems, easi_bands_leshem, easi_bands_chopra, bands_for_older,
    scorad_bands_kunz, scorad_bands_chopra, easi_weights_child, easi_weights_adult,
    scorad_weights_infant, scorad_weights_standard, band_clear, band_almost_clear,
    band_clear_or_almost_clear, band_none, band_mild, band_moderate, band_severe, band_very_severe,
    band_no_effect, band_small, band_very_large, band_extremely_large, field_age, field_area,
    field_extent, field_intensity, field_pruritus, field_sleep_loss, reason_not_a_number,
    reason_range, reason_one_decimal, reason_whole_years, reason_bad_date, reason_need_exam_date,
    reason_exam_before_birth, reason_too_old, map_title, map_intro, map_waiting, map_keyboard, map_infant,
    map_front, map_back, map_side_left, map_side_right, map_tools, map_paint, map_erase, map_clear, map_larger, confirm_clear_map, confirm_region_clear_map, map_examined, map_not_used,
    map_regions, map_list, map_clear_region, clear_map_region, region_painted, segment_painted,
    map_area, map_extent, area_overrides_map, extent_overrides_map, reset_to_map, reset_to_map_label, hand_to_patient,
    next, skip, unanswered, status_clear, status_almost_clear, status_mild, status_moderate,
    status_severe, effect_very_much_better, effect_much_better, effect_little_better,
    effect_no_change, effect_little_worse, effect_much_worse, effect_very_much_worse,
    patient_reported, answered_by_parent, itch_nrs, sleep_nrs, poem, dlqi, disease_status, treatment_effect,
    not_answered, not_scored_unanswered, scored_with_blank, dlqi_not_for, dlqi_age_invalid, not_graded, not_needed_no_area, band_moderate_effect, save_visit_title,
    save_visit_intro, save_ready, save_ready_none, patient_code, visit_label, save_visit, visit_need_code, visit_nothing,
    visit_unfinished_confirm, visit_unfinished, visit_changed,
    open_patient_visits, history_title, score, history_problem, loading, back_to_exam, date_format,
    month_names, date_entered,
}

records_strings! {
    visit_need_date, visit_future_date, visit_name_confirm, visit_name_refused, visit_code_too_long, visit_code_dob_confirm, visit_code_dob_refused, history_changed_elsewhere, history_not_saved, patient_mode_title, patient_intro, patient_intro_proxy, who_answers, answer_self,
    answer_proxy, choose_who, choose_questions, questions_by_clinician, q_itch, q_sleep, q_scorad_c, q_poem, q_dlqi, q_global, dlqi_adults_only, progress,
    back, clear_answer, hand_back, left_unanswered, step_c_itch, step_c_sleep, step_status, step_effect, finish, return_to_exam, done_title, done_text, done_text_own, done_none, your_answers, show_clinician, change_answers, new_questionnaire, confirm_new_questionnaire, itch_question,
    itch_question_proxy, itch_min, itch_max, sleep_question, sleep_question_proxy, sleep_min,
    sleep_max, c_pruritus_question, c_pruritus_question_proxy, c_sleep_question,
    c_sleep_question_proxy, vas_min, vas_max, vas_value, vas_typed, vas_hint, dlqi_title, dlqi_intro, dlqi_notice, poem_notice_lead,
    dlqi_item, dlqi_topic_1, dlqi_topic_2, dlqi_topic_3, dlqi_topic_4, dlqi_topic_5, dlqi_topic_6,
    dlqi_topic_7, dlqi_topic_8, dlqi_topic_9, dlqi_topic_10, dlqi_very_much, dlqi_a_lot,
    dlqi_a_little, dlqi_not_at_all, dlqi_not_relevant, dlqi_prevented, dlqi_yes, dlqi_no,
    dlqi_problem, global_status_question, global_status_question_proxy, treatment_question,
    treatment_question_proxy, visit_saved, visit_updated, visit_answers_apart, visit_unchanged, visit_replace_confirm, visit_dob_confirm, visit_age_confirm, visit_age_refused, visit_not_written, save_failed_patient,
    visit_not_replaced, visit_replace_label, visit_relabel_confirm, visit_same_day, visit_similar_code, visit_new_patient_confirm, visit_code_unsettled, patients_title,
    no_patients, patient_code_column, patients_shown, show_all_patients, visits, last_visit, cohort_title, cohort_intro,
    cohort_visit, cohort_patients, cohort_status, cohort_effect, cohort_by_parent, rating, share, share_plain, not_applicable, itch_responders, mean_change,
    median_change, files_title, files_intro, export_json, export_csv, export_excel, export_fhir,
    import_json, choose_file, import_failed, import_too_large, import_unreadable, import_empty,
    import_cut_short, import_not_json, import_single_record, import_fhir, import_csv, import_not_history,
    import_newer, import_invalid, import_broken, import_no_version, import_version_not_whole, import_version_zero, rule_format, rule_version, rule_empty_code, rule_no_code,
    rule_code_spaces, rule_code_control, rule_patient_twice, rule_birth_date, rule_no_visit_id, rule_visit_date,
    rule_two_assessments, rule_unscorable, rule_status, rule_effect, rule_not_in_file, rule_unknown_patient,
    rule_id_twice, rule_id_taken, rule_no_such_visit, rule_day_twice, rule_day_taken, rule_instruments, import_record,
    rec_not_object, rec_list, rec_missing, rec_unknown_instrument, rec_unknown_key, rec_one_of, rec_either, rec_wrong_type,
    rec_kinds, rec_expected, rec_length, rec_too_long, value_names, val_whole, val_easi_half, val_easi_sign, val_between,
    val_one_decimal, val_dlqi_answer, val_dlqi_not_relevant, val_dlqi_item, val_region_percent, batch_too_large,
    batch_no_header, batch_header, batch_column_twice, batch_no_instrument_column, batch_separators, csv_unclosed,
    csv_after_quote, batch_not_read_past, batch_field_count, batch_no_instrument, batch_unknown_instrument, row_cell,
    row_not_a_number, row_not_a_number_comma, row_stray_one, row_stray_many, row_band_easi, row_band_scorad,
    row_subjective_half, row_missing_columns, row_empty, import_plan, plan_similar, plan_change, plan_same_score, plan_dob, plan_note, plan_label,
    plan_status, plan_effect, answered_by, by_patient, by_parent,
    import_apply, import_overwrite, cancel, import_changed, earlier_by_patient, earlier_by_parent, remove_earlier,
    confirm_remove_earlier, cohort_counted, cohort_nothing, cohort_not_compared, cohort_no_easi50,
    import_done, import_done_replaced, batch_title, batch_hint, batch_template, batch_done, batch_error, erase_title, privacy_note,
    delete_all, deleted_all, confirm_delete_all, no_such_patient, patient_heading, patient_note, baseline, baseline_hint,
    visit_date, responders, print, itch_badge, trends, delete_patient, confirm_delete_patient,
    no_such_visit, worksheet_title, worksheet_items, worksheet_exact, not_recorded, print_button,
}

/// A language the app speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Korean.
    Ko,
    /// Test-only: English lengthened by 40 % in brackets, to check layouts survive long text.
    Pseudo,
}

impl Lang {
    /// The languages a user can pick.
    pub const CHOICES: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The BCP 47 tag (for `<html lang>` and formatting).
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
            Lang::Pseudo => "en-XA",
        }
    }

    /// The language for a tag such as "ko-KR"; English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        match tag.split('-').next().unwrap_or("") {
            "ko" => Lang::Ko,
            _ if tag == "en-XA" => Lang::Pseudo,
            _ => Lang::En,
        }
    }

    /// This language's strings; English while Korean's are not here yet ([`ready`]).
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &en::EN,
            Lang::Ko => korean().unwrap_or(&en::EN),
            Lang::Pseudo => pseudo(),
        }
    }

    /// This language's strings for the history module's screens (English while Korean's
    /// examination strings are not here: the history module has them built in).
    pub fn records_strings(self) -> &'static RecordsStrings {
        match self {
            Lang::Ko if korean().is_some() => &ko::KO_RECORDS,
            Lang::En | Lang::Ko => &en::EN_RECORDS,
            Lang::Pseudo => pseudo_records(),
        }
    }

    /// The language the app can show for this choice: English while Korean's strings could not
    /// be read.
    pub fn shown(self) -> Lang {
        match self {
            Lang::Ko if korean().is_none() => Lang::En,
            lang => lang,
        }
    }

    /// The language's name in itself, for the language switch (known before its strings are).
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => en::EN.lang_name,
            Lang::Ko => "한국어",
            Lang::Pseudo => pseudo().lang_name,
        }
    }
}

/// Korean's table, once here. Native builds and the history module have it built in
/// ([`use_builtin_korean`]); the examination's module leaves it out, so that a first visit in
/// English does not download it, and reads it from the build's strings file ([`ready`]).
#[cfg(target_arch = "wasm32")]
static KOREAN: OnceLock<&'static Strings> = OnceLock::new();

#[cfg(target_arch = "wasm32")]
fn korean() -> Option<&'static Strings> {
    KOREAN.get().copied()
}

#[cfg(not(target_arch = "wasm32"))]
fn korean() -> Option<&'static Strings> {
    Some(&ko::KO)
}

/// Uses the Korean table compiled into this module (the history module, when it starts).
pub fn use_builtin_korean() {
    #[cfg(target_arch = "wasm32")]
    let _ = KOREAN.set(&ko::KO);
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(module = "/js/records.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn korean_strings() -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
}

/// Makes `lang`'s strings available: Korean's are read from the build's strings file the first
/// time (`Err` with why, in English, when they cannot be; the app then stays in English).
pub async fn ready(lang: Lang) -> Result<(), String> {
    if lang != Lang::Ko || korean().is_some() {
        return Ok(());
    }
    #[cfg(target_arch = "wasm32")]
    {
        let text = korean_strings().await.map_err(crate::store::message)?;
        let table = Strings::from_file(&text.as_string().unwrap_or_default())?;
        let _ = KOREAN.set(Box::leak(Box::new(table)));
    }
    Ok(())
}

/// English lengthened by 40 % and bracketed, built once.
fn pseudo() -> &'static Strings {
    static PSEUDO: OnceLock<Strings> = OnceLock::new();
    PSEUDO.get_or_init(|| en::EN.map(lengthen))
}

/// One pseudo-locale string: English lengthened by 40 % and bracketed.
fn lengthen(s: &'static str) -> &'static str {
    // Padding in short words, so it wraps like real text would.
    let extra = (s.chars().count() * 2).div_ceil(5);
    let pad: String = (0..extra).map(|i| if i % 5 == 4 { ' ' } else { '~' }).collect();
    Box::leak(format!("⟦{s} {pad}⟧").into_boxed_str())
}

/// The pseudo-locale's history strings, over its examination strings.
fn pseudo_records() -> &'static RecordsStrings {
    static PSEUDO: OnceLock<RecordsStrings> = OnceLock::new();
    PSEUDO.get_or_init(|| en::EN_RECORDS.map(pseudo(), lengthen))
}

/// Fills `{0}`, `{1}` … in a template; `{0|visit|visits}` is the first word when value 0 reads
/// "1", else the second (English's singular and plural: "1 visit", "2 visits").
pub fn fill(template: &str, values: &[&dyn std::fmt::Display]) -> String {
    let mut out = template.to_string();
    for (i, value) in values.iter().enumerate() {
        let value = value.to_string();
        out = out.replace(&format!("{{{i}}}"), &value);
        let open = format!("{{{i}|");
        while let Some(start) = out.find(&open) {
            let Some(end) = out[start..].find('}').map(|at| start + at) else { break };
            let forms = &out[start + open.len()..end];
            let (one, other) = forms.split_once('|').unwrap_or((forms, forms));
            let word = if value == "1" { one } else { other }.to_string();
            out.replace_range(start..=end, &word);
        }
    }
    out
}

/// A percent held in tenths ("12.5", "40").
pub fn percent(tenths: u16) -> String {
    if tenths % 10 == 0 { (tenths / 10).to_string() } else { format!("{}.{}", tenths / 10, tenths % 10) }
}

impl Strings {
    /// An assessment's name on the examination ("EASI", "Objective SCORAD" for a SCORAD
    /// without C, "Itch NRS (worst, 24 h)": the patient's 0–10 answer, named apart from SCORAD's
    /// clinician-entered pruritus so the two are not read as one question).
    pub fn assessment(&self, assessment: &crate::scoring::Assessment) -> &'static str {
        use crate::scoring::Assessment;
        match assessment {
            Assessment::Easi(_) => self.easi,
            Assessment::Scorad(record) if record.subjective.is_none() => self.objective_scorad,
            Assessment::Scorad(_) => self.scorad,
            Assessment::Poem(_) => self.poem,
            Assessment::Dlqi(_) => self.dlqi,
            Assessment::ItchNrs(_) => self.itch_nrs,
            Assessment::SleepNrs(_) => self.sleep_nrs,
        }
    }

    /// A date (YYYY-MM-DD) written the way this language writes dates ("5 Jan 2026",
    /// "2026년 1월 5일"); anything else is shown as it is.
    pub fn date(&self, iso: &str) -> String {
        let parts: Vec<&str> = iso.split('-').collect();
        let [year, month, day] = parts[..] else { return iso.to_string() };
        let (Ok(m), Ok(d)) = (month.parse::<usize>(), day.parse::<u8>()) else { return iso.to_string() };
        match self.month_names.split(' ').nth(m.wrapping_sub(1)) {
            Some(name) if (1..=31).contains(&d) => fill(self.date_format, &[&year, &name, &d]),
            _ => iso.to_string(),
        }
    }

    /// Region name.
    pub fn region(&self, region: easi::Region) -> &'static str {
        match region {
            easi::Region::HeadNeck => self.region_head_neck,
            easi::Region::UpperLimbs => self.region_upper_limbs,
            easi::Region::Trunk => self.region_trunk,
            easi::Region::LowerLimbs => self.region_lower_limbs,
        }
    }

    /// EASI sign name.
    pub fn easi_sign(&self, sign: easi::Sign) -> &'static str {
        match sign {
            easi::Sign::Erythema => self.easi_erythema,
            easi::Sign::EdemaPapulation => self.easi_edema_papulation,
            easi::Sign::Excoriation => self.easi_excoriation,
            easi::Sign::Lichenification => self.easi_lichenification,
        }
    }

    /// EASI grade (half points): the number on its button and its descriptor.
    pub fn easi_grade(&self, halves: u8) -> (&'static str, &'static str) {
        match halves {
            0 => ("0", self.grade_none),
            2 => ("1", self.grade_mild),
            3 => ("1.5", self.grade_mild_moderate),
            4 => ("2", self.grade_moderate),
            5 => ("2.5", self.grade_moderate_severe),
            _ => ("3", self.grade_severe),
        }
    }

    /// EASI area score with its percent range (numbers are the same in every language).
    pub fn area_score(&self, score: u8) -> (&'static str, &'static str) {
        match score {
            0 => ("0", self.area_0),
            1 => ("1", "1–9 %"),
            2 => ("2", "10–29 %"),
            3 => ("3", "30–49 %"),
            4 => ("4", "50–69 %"),
            5 => ("5", "70–89 %"),
            _ => ("6", "90–100 %"),
        }
    }

    /// SCORAD segment name.
    pub fn segment(&self, segment: scorad::Segment) -> &'static str {
        use scorad::Segment::*;
        match segment {
            HeadNeckFront => self.seg_head_neck_front,
            HeadNeckBack => self.seg_head_neck_back,
            UpperLimbLeftFront => self.seg_upper_limb_left_front,
            UpperLimbLeftBack => self.seg_upper_limb_left_back,
            UpperLimbRightFront => self.seg_upper_limb_right_front,
            UpperLimbRightBack => self.seg_upper_limb_right_back,
            TrunkFront => self.seg_trunk_front,
            TrunkBack => self.seg_trunk_back,
            LowerLimbLeftFront => self.seg_lower_limb_left_front,
            LowerLimbLeftBack => self.seg_lower_limb_left_back,
            LowerLimbRightFront => self.seg_lower_limb_right_front,
            LowerLimbRightBack => self.seg_lower_limb_right_back,
            Genitals => self.seg_genitals,
        }
    }

    /// SCORAD intensity sign name.
    pub fn scorad_sign(&self, sign: scorad::Sign) -> &'static str {
        match sign {
            scorad::Sign::Erythema => self.scorad_erythema,
            scorad::Sign::EdemaPapulation => self.scorad_edema_papulation,
            scorad::Sign::OozingCrusts => self.scorad_oozing_crusts,
            scorad::Sign::Excoriation => self.scorad_excoriation,
            scorad::Sign::Lichenification => self.scorad_lichenification,
            scorad::Sign::Dryness => self.scorad_dryness,
        }
    }

    /// SCORAD grade descriptor.
    pub fn scorad_grade(&self, grade: u8) -> &'static str {
        match grade {
            0 => self.scorad_grade_0,
            1 => self.scorad_grade_1,
            2 => self.scorad_grade_2,
            _ => self.scorad_grade_3,
        }
    }

    /// Band name.
    pub fn band(&self, band: Band) -> &'static str {
        match band {
            Band::Clear => self.band_clear,
            Band::AlmostClear => self.band_almost_clear,
            Band::ClearOrAlmostClear => self.band_clear_or_almost_clear,
            Band::NoItch => self.band_none,
            Band::Mild => self.band_mild,
            Band::Moderate => self.band_moderate,
            Band::Severe => self.band_severe,
            Band::VerySevere => self.band_very_severe,
            Band::NoEffect => self.band_no_effect,
            Band::Small => self.band_small,
            Band::VeryLarge => self.band_very_large,
            Band::ExtremelyLarge => self.band_extremely_large,
        }
    }

    /// A DLQI band: its "moderate" is an effect on life, not a severity.
    pub fn dlqi_band(&self, band: Band) -> &'static str {
        match band {
            Band::Moderate => self.band_moderate_effect,
            other => self.band(other),
        }
    }

    /// EASI band-system name.
    pub fn easi_bands(&self, bands: EasiBands) -> &'static str {
        match bands {
            EasiBands::Leshem2015 => self.easi_bands_leshem,
            EasiBands::Chopra2017 => self.easi_bands_chopra,
        }
    }

    /// SCORAD band-system name.
    pub fn scorad_bands(&self, bands: ScoradBands) -> &'static str {
        match bands {
            ScoradBands::Kunz1997 => self.scorad_bands_kunz,
            ScoradBands::Chopra2017 => self.scorad_bands_chopra,
        }
    }

    /// EASI weights in use.
    pub fn easi_age_variant(&self, variant: easi::AgeVariant) -> &'static str {
        match variant {
            easi::AgeVariant::Under8 => self.easi_weights_child,
            easi::AgeVariant::Age8Plus => self.easi_weights_adult,
        }
    }

    /// SCORAD extent weights in use.
    pub fn scorad_age_variant(&self, variant: scorad::AgeVariant) -> &'static str {
        match variant {
            scorad::AgeVariant::Under2 => self.scorad_weights_infant,
            scorad::AgeVariant::Age2Plus => self.scorad_weights_standard,
        }
    }

    /// Why these weights: the age and where it came from.
    pub fn age_basis(&self, years: u8, from_dob: bool) -> String {
        fill(if from_dob { self.age_basis_dob } else { self.age_basis_years }, &[&years])
    }

    /// A field's name in a "still needed" list.
    pub fn field(&self, field: Field) -> String {
        match field {
            Field::Age => self.field_age.into(),
            Field::EasiArea(r) => fill(self.field_area, &[&self.region(r)]),
            Field::EasiSign(r, s) => format!("{} — {}", self.region(r), self.easi_sign(s)),
            Field::Extent(s) => fill(self.field_extent, &[&self.segment(s)]),
            Field::ScoradSign(s) => fill(self.field_intensity, &[&self.scorad_sign(s)]),
            Field::Pruritus => self.field_pruritus.into(),
            Field::SleepLoss => self.field_sleep_loss.into(),
        }
    }

    /// Why an entry is not accepted.
    pub fn reason(&self, reason: &Reason) -> String {
        match reason {
            Reason::NotANumber => self.reason_not_a_number.into(),
            Reason::Range { max } => fill(self.reason_range, &[max]),
            Reason::OneDecimal => self.reason_one_decimal.into(),
            Reason::WholeYears => self.reason_whole_years.into(),
            Reason::BadDate => self.reason_bad_date.into(),
            Reason::NeedExamDate => self.reason_need_exam_date.into(),
            Reason::ExamBeforeBirth => self.reason_exam_before_birth.into(),
            Reason::TooOld => self.reason_too_old.into(),
        }
    }

    /// One problem as a list entry.
    pub fn problem(&self, problem: &Problem) -> String {
        match problem {
            Problem::Missing(f) => self.field(*f),
            Problem::Invalid(f, why) => format!("{}: {}", self.field(*f), self.reason(why)),
        }
    }

    /// A segment with its painted percent.
    pub fn segment_painted(&self, segment: scorad::Segment, tenths: u16) -> String {
        fill(self.segment_painted, &[&self.segment(segment), &percent(tenths)])
    }

    /// A region's painted share and the area score it gives.
    pub fn region_painted(&self, region: easi::Region, tenths: u16, score: u8) -> String {
        fill(self.region_painted, &[&self.region(region), &percent(tenths), &score])
    }

    /// Patient global rating of disease status (0 clear … 4 severe).
    pub fn disease_status(&self, value: u8) -> &'static str {
        [self.status_clear, self.status_almost_clear, self.status_mild, self.status_moderate, self.status_severe]
            [usize::from(value.min(4))]
    }

    /// Patient global rating of treatment effect (0 very much better … 6 very much worse).
    pub fn treatment_effect(&self, value: u8) -> &'static str {
        [
            self.effect_very_much_better, self.effect_much_better, self.effect_little_better, self.effect_no_change,
            self.effect_little_worse, self.effect_much_worse, self.effect_very_much_worse,
        ][usize::from(value.min(6))]
    }
}

impl RecordsStrings {
    /// A score's name in the history's tables, charts and worksheet.
    pub fn metric(&self, metric: Metric) -> &'static str {
        match metric {
            Metric::Easi => self.easi,
            Metric::Scorad => self.scorad,
            Metric::ObjectiveScorad => self.objective_scorad,
            Metric::Poem => self.poem,
            Metric::Dlqi => self.dlqi,
            Metric::ItchNrs => self.itch_nrs,
            Metric::SleepNrs => self.sleep_nrs,
        }
    }

    /// Why a file could not be imported, in this language. A broken rule of the record format,
    /// or a shape the reader refuses ([`ImportError::Invalid`]), is the core's English sentence,
    /// framed.
    pub fn import_error(&self, error: &ImportError) -> String {
        match error {
            ImportError::TooLarge { size, limit } => fill(self.import_too_large, &[&megabytes(*size), &megabytes(*limit)]),
            ImportError::Unreadable(why) => fill(self.import_unreadable, &[why]),
            ImportError::Empty => self.import_empty.to_string(),
            ImportError::CutShort { line, column } => fill(self.import_cut_short, &[line, column]),
            ImportError::NotJson { line, column, .. } => fill(self.import_not_json, &[line, column]),
            ImportError::SingleRecord => self.import_single_record.to_string(),
            ImportError::Fhir => self.import_fhir.to_string(),
            ImportError::Csv => self.import_csv.to_string(),
            ImportError::NotHistory(_) => self.import_not_history.to_string(),
            ImportError::Newer { version } => fill(self.import_newer, &[version, &VERSION]),
            ImportError::Invalid(why) => fill(self.import_invalid, &[why]),
            ImportError::Record { visit, id, assessment, problem } => {
                fill(self.import_record, &[visit, &format!("{id:?}"), assessment, &self.record_problem(problem)])
            }
            ImportError::Broken(violation) => fill(self.import_broken, &[&self.violation(violation)]),
            ImportError::NoVersion => self.import_no_version.to_string(),
            ImportError::VersionNotWhole(got) => fill(self.import_version_not_whole, &[got]),
            ImportError::VersionZero => self.import_version_zero.to_string(),
        }
    }

    /// A broken rule of the history, in this language (codes and ids as written, quoted where
    /// the English sentence quotes them).
    pub fn violation(&self, violation: &Violation) -> String {
        let quoted = |text: &str| format!("{text:?}");
        let name = |key| self.instrument_in_message(key);
        match violation {
            Violation::Format(got) => fill(self.rule_format, &[&quoted(FORMAT), &quoted(got)]),
            Violation::Version(got) => fill(self.rule_version, &[&VERSION, got]),
            Violation::EmptyCode => self.rule_empty_code.to_string(),
            Violation::NoCode => self.rule_no_code.to_string(),
            Violation::CodeSpaces(code) => fill(self.rule_code_spaces, &[&quoted(code)]),
            Violation::CodeControl(code) => fill(self.rule_code_control, &[&quoted(code)]),
            Violation::PatientTwice(code) => fill(self.rule_patient_twice, &[code]),
            Violation::BirthDate { patient, date } => fill(self.rule_birth_date, &[patient, &quoted(date)]),
            Violation::NoVisitId => self.rule_no_visit_id.to_string(),
            Violation::VisitDate { visit, date } => fill(self.rule_visit_date, &[visit, &quoted(date)]),
            Violation::TwoAssessments { visit, instrument } => fill(self.rule_two_assessments, &[visit, &name(instrument)]),
            Violation::Unscorable { visit, why } => fill(self.rule_unscorable, &[visit, &self.score_error(why)]),
            Violation::Status { visit, value } => fill(self.rule_status, &[visit, value]),
            Violation::Effect { visit, value } => fill(self.rule_effect, &[visit, value]),
            Violation::NotInFile { visit, patient } => fill(self.rule_not_in_file, &[visit, &quoted(patient)]),
            Violation::UnknownPatient(code) => fill(self.rule_unknown_patient, &[&quoted(code)]),
            Violation::IdTwice(id) => fill(self.rule_id_twice, &[&quoted(id)]),
            Violation::IdTaken(id) => fill(self.rule_id_taken, &[&quoted(id)]),
            Violation::NoSuchVisit(id) => fill(self.rule_no_such_visit, &[id]),
            Violation::DayTwice { patient, instrument, date } => fill(self.rule_day_twice, &[patient, &name(instrument), date]),
            Violation::DayTaken { patient, instrument, date, visit } => {
                fill(self.rule_day_taken, &[patient, &name(instrument), date, visit])
            }
        }
    }

    /// Why a record cannot be scored: the rule it breaks in this language (the reader's English
    /// sentence for a record the reader refused, which only a record read from text can be).
    pub fn score_error(&self, why: &ScoreError) -> String {
        why.unscorable().map_or_else(|| why.to_string(), |problem| self.value_problem(problem))
    }

    /// The name of a checked value in this language: `value_names` lists the whole numbers in
    /// [`Whole`]'s order, then the tenths in [`Tenth`]'s.
    fn value_name(&self, index: usize) -> &'static str {
        self.value_names.split('|').nth(index).unwrap_or_default()
    }

    /// A value the record format does not allow, in this language (the value as written).
    pub fn value_problem(&self, problem: &ValueProblem) -> String {
        let whole = |what: Whole| self.value_name(what as usize);
        let tenth = |what: Tenth| self.value_name(5 + what as usize);
        match problem {
            ValueProblem::Whole(what, got) => fill(self.val_whole, &[&whole(*what), &what.max(), got]),
            ValueProblem::EasiHalf => self.val_easi_half.to_string(),
            ValueProblem::EasiSign(got) => fill(self.val_easi_sign, &[got]),
            ValueProblem::Between(what, got) => fill(self.val_between, &[&tenth(*what), &what.max(), got]),
            ValueProblem::OneDecimal(what, got) => fill(self.val_one_decimal, &[&tenth(*what), got]),
            ValueProblem::DlqiAnswer(got) => fill(self.val_dlqi_answer, &[got]),
            ValueProblem::DlqiNoNotRelevant(item) => fill(self.val_dlqi_not_relevant, &[item]),
            ValueProblem::DlqiItem(item, got) => fill(self.val_dlqi_item, &[item, got]),
            ValueProblem::RegionPercent(tenths) => fill(self.val_region_percent, &[&percent(*tenths)]),
        }
    }

    /// Names in back quotes as a choice: "`a`", "`a` or `b`", "one of `a`, `b`, `c`" (serde's
    /// words in English).
    fn one_of(&self, names: &[&str]) -> String {
        let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        match &quoted[..] {
            [one] => one.clone(),
            [a, b] => fill(self.rec_either, &[a, b]),
            _ => fill(self.rec_one_of, &[&quoted.join(", ")]),
        }
    }

    /// Why an assessment record is refused, in this language (in English, the reader's sentence
    /// without the prefix "invalid assessment record: ").
    pub fn record_problem(&self, problem: &RecordProblem) -> String {
        match problem {
            RecordProblem::NotObject => self.rec_not_object.to_string(),
            RecordProblem::List(key) => fill(self.rec_list, &[key]),
            RecordProblem::NoInstrument => fill(self.rec_missing, &[&"instrument"]),
            RecordProblem::UnknownInstrument(name) => fill(self.rec_unknown_instrument, &[name, &self.one_of(INSTRUMENT_KEYS)]),
            RecordProblem::Missing(key) => fill(self.rec_missing, &[key]),
            RecordProblem::Unknown(key, allowed) => fill(self.rec_unknown_key, &[key, &self.one_of(allowed)]),
            RecordProblem::WrongType(kind, expected) => {
                let kinds: Vec<&str> = self.rec_kinds.split('|').collect();
                let index = match kind {
                    Kind::Bool(_) => 0,
                    Kind::Unsigned(_) | Kind::Signed(_) => 1,
                    Kind::Float(_) => 2,
                    Kind::Text(_) => 3,
                    Kind::Null => 4,
                    Kind::List => 5,
                    Kind::Object => 6,
                };
                let got = fill(kinds.get(index).copied().unwrap_or_default(), &[&kind.shown().unwrap_or_default()]);
                let pieces: Vec<&str> = self.rec_expected.split('|').collect();
                let piece = |i: usize| pieces.get(i).copied().unwrap_or_default();
                let expected = match expected {
                    Expected::Whole(what) => fill(piece(0), &[&self.value_name(*what as usize), &what.max()]),
                    Expected::EasiSign => piece(1).to_string(),
                    Expected::Tenths(what) => fill(piece(6), &[&self.value_name(5 + *what as usize), &what.max()]),
                    Expected::DlqiAnswer => piece(2).to_string(),
                    Expected::List(n) => fill(piece(3), &[n]),
                    Expected::Object(name) => fill(piece(4), &[name]),
                    Expected::Instrument => piece(5).to_string(),
                };
                fill(self.rec_wrong_type, &[&got, &expected])
            }
            RecordProblem::Length(got, needed) => fill(self.rec_length, &[got, needed]),
            RecordProblem::TooLong(got, needed) => fill(self.rec_too_long, &[got, needed]),
            RecordProblem::Value(problem) => self.value_problem(problem),
        }
    }

    /// A quoting problem of a CSV file, in this language.
    fn quoting(&self, why: Quoting) -> &'static str {
        match why {
            Quoting::Unclosed => self.csv_unclosed,
            Quoting::AfterQuote => self.csv_after_quote,
        }
    }

    /// What is wrong with a batch file or one of its rows, in this language (in English, the
    /// reason in the output file's `error` column).
    pub fn batch_problem(&self, problem: &BatchProblem) -> String {
        let instruments = INSTRUMENTS.join(", ");
        match problem {
            BatchProblem::TooLarge { size, limit } => {
                fill(self.batch_too_large, &[&format!("{:.1}", *size as f64 / (1024.0 * 1024.0)), &(limit / (1024 * 1024))])
            }
            BatchProblem::Empty => self.import_empty.to_string(),
            BatchProblem::NoHeader => self.batch_no_header.to_string(),
            BatchProblem::Header(why) => fill(self.batch_header, &[&self.quoting(*why)]),
            BatchProblem::ColumnTwice(name) => fill(self.batch_column_twice, &[&format!("{name:?}")]),
            BatchProblem::NoInstrumentColumn(delimiter) => {
                let index = match delimiter {
                    b';' => 1,
                    b'\t' => 2,
                    _ => 0,
                };
                fill(self.batch_no_instrument_column, &[&self.batch_separators.split('|').nth(index).unwrap_or_default()])
            }
            BatchProblem::Quoting(why) => self.quoting(*why).to_string(),
            BatchProblem::NotReadPast(why) => fill(self.batch_not_read_past, &[&self.quoting(*why)]),
            BatchProblem::FieldCount { got, header } => fill(self.batch_field_count, &[got, header]),
            BatchProblem::NoInstrument => fill(self.batch_no_instrument, &[&instruments]),
            BatchProblem::UnknownInstrument(raw) => fill(self.batch_unknown_instrument, &[&format!("{raw:?}"), &instruments]),
            BatchProblem::Row(problems) => problems.iter().map(|p| self.row_problem(p)).collect::<Vec<_>>().join("; "),
        }
    }

    /// One problem of a batch row, in this language.
    pub fn row_problem(&self, problem: &RowProblem) -> String {
        let name = |key| self.instrument_in_message(key);
        match problem {
            RowProblem::Cell { column, problem } => fill(self.row_cell, &[column, &self.record_problem(problem)]),
            RowProblem::NotANumber { column, text, comma } => {
                fill(if *comma { self.row_not_a_number_comma } else { self.row_not_a_number }, &[column, &format!("{text:?}")])
            }
            RowProblem::Stray { columns, instrument } => fill(
                if columns.len() == 1 { self.row_stray_one } else { self.row_stray_many },
                &[&columns.join(", "), &name(instrument)],
            ),
            RowProblem::BandSystem { text, instrument } => {
                fill(if *instrument == "easi" { self.row_band_easi } else { self.row_band_scorad }, &[&format!("{text:?}")])
            }
            RowProblem::SubjectiveHalf => self.row_subjective_half.to_string(),
            RowProblem::Dlqi(problem) => self.value_problem(problem),
            RowProblem::Unscorable(why) => self.score_error(why),
            RowProblem::MissingColumns { columns, instrument } => fill(self.row_missing_columns, &[&columns.join(", "), &name(instrument)]),
            RowProblem::Empty { columns, instrument } => fill(self.row_empty, &[&columns.join(", "), &name(instrument)]),
        }
    }

    /// An import plan's line for a visit's global ratings: each rating the file changes, by its
    /// short name, with its value on the device and in the file ("Disease status: Moderate →
    /// Mild"); a rating the file leaves out is kept, so it is not named.
    pub fn global_change(&self, existing: &GlobalRatings, incoming: &GlobalRatings) -> String {
        let mut parts = Vec::new();
        if let Some(status) = incoming.status.filter(|s| Some(*s) != existing.status) {
            let before = existing.status.map_or("—", |v| self.disease_status(v));
            parts.push(fill(self.plan_change, &[&self.plan_status, &before, &self.disease_status(status)]));
        }
        if let Some(effect) = incoming.effect.filter(|e| Some(*e) != existing.effect) {
            let before = existing.effect.map_or("—", |v| self.treatment_effect(v));
            parts.push(fill(self.plan_change, &[&self.plan_effect, &before, &self.treatment_effect(effect)]));
        }
        parts.join(" · ")
    }

    /// Who answered a visit's questionnaires ("a parent or carer"); "—" when not recorded.
    pub fn reporter(&self, reporter: Option<Reporter>) -> &'static str {
        match reporter {
            Some(Reporter::Patient) => self.by_patient,
            Some(Reporter::Parent) => self.by_parent,
            None => "—",
        }
    }

    /// An instrument's name in the history's rule messages, by its key ("itch NRS" for
    /// "itch_nrs"; [`RecordsStrings::instrument`] names it as the screens do); the key itself if
    /// unknown.
    pub fn instrument_in_message<'a>(&self, key: &'a str) -> &'a str {
        INSTRUMENTS.iter().position(|k| *k == key).and_then(|i| self.rule_instruments.split('|').nth(i)).unwrap_or(key)
    }

    /// An instrument's name in messages, by its key ("easi", "itch_nrs" …): the name the
    /// history shows for its score, or a global rating's (`global_status`, `global_effect`);
    /// the key itself if there is none.
    pub fn instrument<'a>(&self, key: &'a str) -> &'a str {
        match key {
            "global_status" => self.disease_status,
            "global_effect" => self.treatment_effect,
            _ => Metric::from_key(key).map_or(key, |metric| self.metric(metric)),
        }
    }

    /// DLQI item label: number and neutral topic.
    pub fn dlqi_item(&self, item: usize) -> String {
        let topic = [
            self.dlqi_topic_1, self.dlqi_topic_2, self.dlqi_topic_3, self.dlqi_topic_4, self.dlqi_topic_5,
            self.dlqi_topic_6, self.dlqi_topic_7, self.dlqi_topic_8, self.dlqi_topic_9, self.dlqi_topic_10,
        ][item.min(9)];
        fill(self.dlqi_item, &[&(item + 1), &topic])
    }
}

/// A term a line must never break inside: its hyphen is a place a browser may break at, and
/// "(BOM 포함 UTF-" / "8)" on a phone reads as a broken name.
pub const UNBROKEN: &str = "UTF-8";

/// `text` in pieces, each with whether it is [`UNBROKEN`] (for the screens to keep on one line
/// with `white-space: nowrap`, the text itself left as written for screen readers and copying).
pub fn unbroken_pieces(text: &str) -> Vec<(&str, bool)> {
    // Found byte by byte, not by `str::split`: the examination's module shares that searcher, and
    // one more use of it in this crate changed how it was compiled there (+33 bytes).
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.as_bytes().windows(UNBROKEN.len()).position(|bytes| bytes == UNBROKEN.as_bytes()) {
        if at > 0 {
            pieces.push((&rest[..at], false));
        }
        pieces.push((UNBROKEN, true));
        rest = &rest[at + UNBROKEN.len()..];
    }
    if !rest.is_empty() {
        pieces.push((rest, false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_text_in_every_language() {
        for lang in [Lang::En, Lang::Ko, Lang::Pseudo] {
            for (key, text) in lang.records_strings().entries() {
                assert!(!text.trim().is_empty(), "{lang:?}: {key} is empty");
            }
        }
    }

    #[test]
    fn korean_translates_every_key_that_has_words() {
        // Keys whose text is the same in both languages on purpose (names, symbols).
        const SAME: &[&str] = &["app_name", "easi", "scorad", "poem", "dlqi", "lang_name"];
        let en = Lang::En.records_strings().entries();
        let ko = Lang::Ko.records_strings().entries();
        for ((key, en_text), (_, ko_text)) in en.iter().zip(ko.iter()) {
            if !SAME.contains(key) && en_text.chars().any(|c| c.is_ascii_alphabetic()) {
                assert_ne!(en_text, ko_text, "{key} is not translated");
            }
        }
    }

    #[test]
    fn templates_keep_their_placeholders_in_every_language() {
        let en = Lang::En.records_strings().entries();
        for lang in [Lang::Ko, Lang::Pseudo] {
            for ((key, en_text), (_, text)) in en.iter().zip(lang.records_strings().entries()) {
                for i in 0..4 {
                    let mark = format!("{{{i}}}");
                    assert_eq!(en_text.contains(&mark), text.contains(&mark), "{lang:?}: {key} {mark}");
                }
            }
        }
    }

    #[test]
    fn pseudo_locale_is_at_least_40_percent_longer() {
        for ((key, en), (_, pseudo)) in Lang::En.records_strings().entries().iter().zip(Lang::Pseudo.records_strings().entries()) {
            assert!(pseudo.chars().count() * 10 >= en.chars().count() * 14, "{key}");
            assert!(pseudo.starts_with(&format!("⟦{en} ")), "{key}: {pseudo}");
        }
    }

    #[test]
    fn every_instrument_has_a_name_in_every_language() {
        for lang in [Lang::En, Lang::Ko, Lang::Pseudo] {
            let t = lang.records_strings();
            for key in crate::history::INSTRUMENTS {
                // Act
                let name = t.instrument(key);
                // Assert: a name of its own, the one the history's tables show.
                assert_ne!(name, key, "{lang:?}: {key}");
                assert_eq!(Some(name), Metric::from_key(key).map(|m| t.metric(m)), "{lang:?}: {key}");
            }
        }
    }

    #[test]
    fn import_problems_are_said_in_the_language_of_the_screen() {
        // Assemble: every kind of problem, as the core reports it.
        let problems = [
            ImportError::TooLarge { size: 50 * 1024 * 1024, limit: 20 * 1024 * 1024 },
            ImportError::Unreadable("NotReadableError".into()),
            ImportError::Empty,
            ImportError::CutShort { line: 3, column: 7 },
            ImportError::NotJson { line: 4, column: 9, detail: "expected `,` or `}` at line 4 column 9".into() },
            ImportError::SingleRecord,
            ImportError::Fhir,
            ImportError::NotHistory("there is no \"format\": \"adscore-history\"".into()),
            ImportError::Newer { version: 7 },
            ImportError::Broken(Violation::PatientTwice("017".into())),
            ImportError::NoVersion,
            ImportError::VersionNotWhole("1.5".into()),
            ImportError::VersionZero,
            ImportError::Csv,
        ];
        for problem in &problems {
            // Act
            let en = Lang::En.records_strings().import_error(problem);
            let ko = Lang::Ko.records_strings().import_error(problem);
            // Assert: the Korean sentence has no English word but names, and keeps the numbers.
            assert_ne!(en, ko);
            let english: Vec<&str> = ko
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty() && !["adscore", "JSON", "FHIR", "CSV", "format", "history", "version", "MB", "NotReadableError"].contains(w))
                .collect();
            assert!(english.is_empty(), "{ko}: {english:?}");
            let digits = |s: &str| s.split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()).map(String::from).collect::<Vec<_>>();
            assert_eq!(digits(&ko).len(), digits(&en).len(), "{en} / {ko}");
        }
        assert!(Lang::Ko.records_strings().import_error(&problems[0]).contains("50.0 MB"));
        assert!(Lang::Ko.records_strings().import_error(&problems[3]).contains("3행 7열"));
        // The version header's problems: the English sentences as before, the value as written.
        let en = |problem: &ImportError| Lang::En.records_strings().import_error(problem);
        assert_eq!(en(&problems[10]), "the history has no \"version\"");
        assert_eq!(en(&problems[11]), "\"version\" must be a whole number, got 1.5");
        assert_eq!(en(&problems[12]), "history format version 0 does not exist (versions start at 1)");
        assert!(Lang::Ko.records_strings().import_error(&problems[11]).contains("1.5입니다"));
        // A broken rule keeps the core's sentence, framed in the language.
        let rule = ImportError::Invalid("visit 1 (id \"v1\"), assessment 1: NRS value must be 0–10, got 11".into());
        assert_eq!(Lang::En.records_strings().import_error(&rule), rule.to_string());
        let ko = Lang::Ko.records_strings().import_error(&rule);
        assert!(ko.ends_with(&rule.to_string()) && ko.starts_with("기록 형식"), "{ko}");
    }

    #[test]
    fn broken_rules_of_the_history_are_said_in_the_language_of_the_screen() {
        // Assemble: every rule, with the English sentence the core has always given for it.
        let (code, id, date) = ("AD-017".to_string(), "AD-017-2024-01-10-1".to_string(), "2024-01-10".to_string());
        let cases = [
            (Violation::Format("notes".into()), r#"format must be "adscore-history", got "notes""#.to_string()),
            (Violation::Version(7), "version must be 2, got 7".into()),
            (Violation::EmptyCode, "a patient has an empty code".into()),
            (Violation::NoCode, "a patient needs a code".into()),
            (Violation::CodeSpaces(" AD-017".into()), r#"patient code " AD-017" has leading or trailing spaces"#.into()),
            (Violation::CodeControl("AD\t017".into()), r#"patient code "AD\t017" contains a control character"#.into()),
            (Violation::PatientTwice(code.clone()), "patient AD-017 appears twice".into()),
            (Violation::BirthDate { patient: code.clone(), date: "2023-02-29".into() },
                r#"patient AD-017: date of birth "2023-02-29" is not a real date written YYYY-MM-DD"#.into()),
            (Violation::NoVisitId, "a visit needs an id".into()),
            (Violation::VisitDate { visit: id.clone(), date: "07/02/2024".into() },
                r#"visit AD-017-2024-01-10-1 date: "07/02/2024" is not a real date written YYYY-MM-DD"#.into()),
            (Violation::TwoAssessments { visit: id.clone(), instrument: "itch_nrs" },
                "visit AD-017-2024-01-10-1 has two itch NRS assessments; a visit holds at most one per instrument".into()),
            (Violation::Status { visit: id.clone(), value: 9 }, "visit AD-017-2024-01-10-1: global disease status must be 0–4, got 9".into()),
            (Violation::Effect { visit: id.clone(), value: 8 }, "visit AD-017-2024-01-10-1: global treatment effect must be 0–6, got 8".into()),
            (Violation::NotInFile { visit: id.clone(), patient: "AD-999".into() },
                r#"visit AD-017-2024-01-10-1 belongs to patient "AD-999", who is not in the file"#.into()),
            (Violation::UnknownPatient("AD-999".into()), r#"unknown patient "AD-999": add the patient before their visits"#.into()),
            (Violation::IdTwice(id.clone()), r#"two visits have the id "AD-017-2024-01-10-1""#.into()),
            (Violation::IdTaken(id.clone()), r#"a visit with id "AD-017-2024-01-10-1" already exists"#.into()),
            (Violation::NoSuchVisit(id.clone()), "there is no visit with id AD-017-2024-01-10-1".into()),
            (Violation::DayTwice { patient: code.clone(), instrument: "easi", date: date.clone() },
                "patient AD-017 has two EASI assessments on 2024-01-10; patient + date + instrument must be unique".into()),
            (Violation::DayTaken { patient: code.clone(), instrument: "sleep_nrs", date: date.clone(), visit: id.clone() },
                "patient AD-017 already has sleep NRS on 2024-01-10 (visit AD-017-2024-01-10-1); change that visit instead".into()),
        ];
        for (violation, english) in &cases {
            // Act
            let en = Lang::En.records_strings().violation(violation);
            let ko = Lang::Ko.records_strings().violation(violation);
            // Assert: English as before (and as `Display`); Korean with no English word but names,
            // and every code, id, date and number of the English.
            assert_eq!(&en, english);
            assert_eq!(&violation.to_string(), english);
            let english_words: Vec<&str> = ko
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty() && !["AD", "EASI", "NRS", "YYYY", "MM", "DD", "ID", "format", "adscore", "history", "notes", "t"].contains(w))
                .collect();
            assert!(english_words.is_empty(), "{ko}: {english_words:?}");
            let values = |s: &str| {
                let mut found: Vec<String> = s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).filter(|w| w.chars().any(|c| c.is_ascii_digit())).map(String::from).collect();
                found.sort();
                found
            };
            let numbers_of_rules = ["0–4", "0–6"];
            assert_eq!(values(&ko.replace("0~4", "").replace("0~6", "")), values(&numbers_of_rules.iter().fold(en.clone(), |s, n| s.replace(n, ""))), "{en} / {ko}");
        }
        // A record built in code that cannot be scored: the record format's rule, in Korean too.
        let unscorable = Violation::Unscorable { visit: id, why: ValueProblem::DlqiNoNotRelevant(1).into() };
        assert_eq!(unscorable.to_string(), "visit AD-017-2024-01-10-1: DLQI item 1 has no \"not relevant\" option (items 3–10 only)");
        assert_eq!(
            Lang::Ko.records_strings().violation(&unscorable),
            "방문 AD-017-2024-01-10-1의 평가를 채점할 수 없습니다. DLQI 1번 문항에는 \"해당 없음\"을 쓸 수 없습니다(3~10번 문항만 가능)"
        );
    }

    /// The words of `ko` written in Latin letters, but for `allowed` (names, keys, columns).
    fn english_words<'a>(ko: &'a str, allowed: &[&str]) -> Vec<&'a str> {
        ko.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()) && !allowed.contains(w) && !w.starts_with("easi_") && !w.starts_with("scorad_") && !w.starts_with("poem_") && !w.starts_with("dlqi_"))
            .collect()
    }

    #[test]
    fn a_refused_assessment_in_an_import_is_said_in_the_language_of_the_screen() {
        // Assemble: problems of records, as the core names them, and the English reader's sentence.
        use crate::scoring::Got;
        let cases = [
            (RecordProblem::Value(ValueProblem::EasiHalf), "EASI sign grade 0.5 is not allowed: a present sign is at least mild (1)"),
            (RecordProblem::Unknown("extra".into(), &["value"]), "unknown field `extra`, expected `value`"),
            (RecordProblem::Missing("trunk_back"), "missing field `trunk_back`"),
            (RecordProblem::NoInstrument, "missing field `instrument`"),
            (RecordProblem::UnknownInstrument("pasi".into()), "unknown variant `pasi`, expected one of `easi`, `scorad`, `poem`, `dlqi`, `itch_nrs`, `sleep_nrs`"),
            (RecordProblem::WrongType(Kind::Text("2".into()), Expected::Whole(Whole::EasiArea)), "invalid type: string \"2\", expected EASI area score as an integer 0–6"),
            (RecordProblem::WrongType(Kind::Float(7.5), Expected::DlqiAnswer), "invalid type: floating point `7.5`, expected a DLQI answer: an integer 0–3, \"not_relevant\" or null"),
            (RecordProblem::WrongType(Kind::Null, Expected::Whole(Whole::Nrs)), "invalid type: null, expected NRS value as an integer 0–10"),
            (RecordProblem::WrongType(Kind::Null, Expected::EasiSign), "invalid type: null, expected EASI sign grade 0, 1, 1.5, 2, 2.5 or 3"),
            (RecordProblem::WrongType(Kind::Text("25".into()), Expected::Tenths(Tenth::Percent)), "invalid type: string \"25\", expected SCORAD extent percent 0–100, at most one decimal"),
            (RecordProblem::WrongType(Kind::Unsigned(7), Expected::Object("EasiRegions")), "invalid type: integer `7`, expected struct EasiRegions"),
            (RecordProblem::WrongType(Kind::Object, Expected::List(7)), "invalid type: map, expected an array of length 7"),
            (RecordProblem::Length(6, 7), "invalid length 6, expected an array of length 7"),
            (RecordProblem::TooLong(8, 7), "invalid length 8, expected 7 elements in sequence"),
            (RecordProblem::List("extent".into()), "`extent` must be an object with named keys, not a list"),
            (RecordProblem::NotObject, "a record must be a JSON object"),
            (RecordProblem::Value(ValueProblem::Whole(Whole::Age, Got::Fraction(3.0))), "age_years must be an integer 0–130, got 3.0"),
            (RecordProblem::Value(ValueProblem::EasiSign(Got::Number(3.5))), "EASI sign grade must be 0, 1, 1.5, 2, 2.5 or 3, got 3.5"),
            (RecordProblem::Value(ValueProblem::Between(Tenth::Percent, Got::Number(100.5))), "SCORAD extent percent must be between 0 and 100, got 100.5"),
            (RecordProblem::Value(ValueProblem::OneDecimal(Tenth::Vas, Got::Number(6.55))), "SCORAD pruritus / sleep loss must have at most one decimal, got 6.55"),
            (RecordProblem::Value(ValueProblem::DlqiAnswer(Got::Text("n/a".into()))), "DLQI answer must be an integer 0–3, \"not_relevant\" or null, got \"n/a\""),
            (RecordProblem::Value(ValueProblem::DlqiNoNotRelevant(2)), "DLQI item 2 has no \"not relevant\" option (items 3–10 only)"),
        ];
        for (problem, english) in &cases {
            let error = ImportError::Record { visit: 2, id: "AD-017-2026-01-05-1".into(), assessment: 1, problem: problem.clone() };
            // Act
            let en = Lang::En.records_strings().import_error(&error);
            let ko = Lang::Ko.records_strings().import_error(&error);
            // Assert: English is the reader's sentence, as before; Korean has no English word but
            // names and keys, and every number of the English.
            assert_eq!(&problem.to_string(), english);
            assert_eq!(en, format!("visit no. 2 in the file (id \"AD-017-2026-01-05-1\"), assessment no. 1: invalid assessment record: {english}"));
            assert_eq!(en, error.to_string());
            let allowed = ["AD", "ID", "JSON", "EASI", "SCORAD", "POEM", "DLQI", "NRS", "age_years", "not_relevant", "null", "extra", "value", "trunk_back", "instrument", "pasi", "easi", "scorad", "poem", "dlqi", "itch_nrs", "sleep_nrs", "EasiRegions", "extent", "true", "n", "a"];
            assert!(english_words(&ko, &allowed).is_empty(), "{ko}: {:?}", english_words(&ko, &allowed));
            let digits = |s: &str| { let mut d: Vec<String> = s.split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()).map(String::from).collect(); d.sort(); d };
            assert_eq!(digits(&ko.replace('~', "–")), digits(&en.replace("0–", "0–")), "{en} / {ko}");
        }
        // Word for word, the examples a Korean researcher sees.
        let ko = |problem: &RecordProblem| Lang::Ko.records_strings().record_problem(problem);
        assert_eq!(ko(&cases[0].0), "EASI 징후 등급 0.5는 쓸 수 없습니다. 징후가 있으면 적어도 경도(1)\u{2060}입니다");
        assert_eq!(ko(&cases[1].0), "알 수 없는 키 `extra`이(가) 있습니다(쓸 수 있는 키: `value`)");
        assert_eq!(ko(&cases[5].0), "값의 종류가 맞지 않습니다(필요한 값: 0~6의 정수인 EASI 면적 점수, 받은 값: 문자열 \"2\")");
        assert_eq!(
            Lang::Ko.records_strings().import_error(&ImportError::Record { visit: 1, id: "v1".into(), assessment: 2, problem: cases[0].0.clone() }),
            "1번째 방문(ID \"v1\")\u{2060}의 2번째 평가가 평가 기록 형식에 맞지 않습니다. EASI 징후 등급 0.5는 쓸 수 없습니다. 징후가 있으면 적어도 경도(1)\u{2060}입니다"
        );
    }

    #[test]
    fn batch_scoring_problems_are_said_in_the_language_of_the_screen() {
        use crate::history::batch::score_csv;
        // Assemble: a file with a row of each kind of problem; and files refused as a whole.
        let header = "subject,instrument,age_years,band_system,nrs_value,poem_1,poem_2,poem_3,poem_4,poem_5,poem_6,poem_7,dlqi_1,dlqi_2,dlqi_3,dlqi_4,dlqi_5,dlqi_6,dlqi_7,dlqi_8,dlqi_9,dlqi_10";
        let rows = [
            "s1,itch_nrs,,,11,,,,,,,,,,,,,,,,,",
            "s2,itch_nrs,,,x,,,,,,,,,,,,,,,,,",
            "s3,itch_nrs,,,\"6,5\",,,,,,,,,,,,,,,,,",
            "s4,itch_nrs,,,not relevant,1,2,,,,,,,,,,,,,,,",
            "s5,pasi,,,,,,,,,,,,,,,,,,,,",
            "s6,,,,,,,,,,,,,,,,,,,,,",
            "s7,poem,,,,1,2,3,4,5,1,1,,,,,,,,,,",
            "s8,dlqi,,,,,,,,,,,not_relevant,1,1,1,1,1,1,1,1,1",
            "s9,dlqi,,,,,,,,,,,1,1,1,1,1,1,1.5,1,1,1",
            "s10,easi,34,chopra,,,,,,,,,,,,,,,,,,",
            "s11,itch_nrs,,,7,,,,,,,",
            "s12,itch_nrs,,,\"7\"x,,,,,,,,,,,,,,,,,",
        ];
        let batch = score_csv(&format!("{header}\n{}\n", rows.join("\n")));
        let whole = [score_csv(""), score_csv("subject,poem_1\n"), score_csv("instrument,Instrument\n"), score_csv("instrument\n\"open\n")];
        let problems: Vec<&BatchProblem> = batch.errors.iter().chain(whole.iter().flat_map(|r| &r.errors)).map(|e| &e.reason).collect();
        assert_eq!(problems.len(), rows.len() + whole.len(), "{problems:#?}");
        for problem in &problems {
            // Act
            let en = Lang::En.records_strings().batch_problem(problem);
            let ko = Lang::Ko.records_strings().batch_problem(problem);
            // Assert: English is the output file's reason; Korean has no English word but names,
            // columns and the values written.
            assert_eq!(en, problem.to_string());
            let allowed = ["EASI", "SCORAD", "NRS", "POEM", "DLQI", "MB", "docs", "batch", "csv", "md", "instrument", "band_system", "leshem_2015", "chopra_2017", "kunz_1997", "chopra", "nrs_value", "easi", "scorad", "poem", "dlqi", "itch_nrs", "sleep_nrs", "pasi", "x", "not_relevant", "null", "age_years"];
            assert!(english_words(&ko, &allowed).is_empty(), "{ko}: {:?}", english_words(&ko, &allowed));
        }
        // Word for word, some of what a Korean researcher sees.
        let ko: Vec<String> = problems.iter().map(|p| Lang::Ko.records_strings().batch_problem(p)).collect();
        assert_eq!(ko[0], "nrs_value: NRS 값은(는) 0~10의 정수여야 하는데 11입니다");
        assert_eq!(ko[1], "nrs_value: \"x\"은(는) 숫자가 아닙니다");
        assert_eq!(ko[2], "nrs_value: \"6,5\"은(는) 숫자가 아닙니다(소수점은 마침표로 쓰세요)");
        assert_eq!(
            ko[3],
            "poem_1, poem_2 열은 가려움 NRS 행에서 쓰지 않습니다. 비워 두세요; nrs_value: 값의 종류가 맞지 않습니다(필요한 값: 0~10의 정수인 NRS 값, 받은 값: 문자열 \"not_relevant\")"
        );
        assert_eq!(ko[4], "알 수 없는 평가 도구 \"pasi\"입니다. easi, scorad, poem, dlqi, itch_nrs, sleep_nrs 중 하나를 쓰세요");
        assert_eq!(ko[7], "DLQI 1번 문항에는 \"해당 없음\"을 쓸 수 없습니다(3~10번 문항만 가능)");
        assert_eq!(ko[10], "이 행의 칸은 12개인데 머리글의 칸은 22개입니다");
        assert_eq!(ko[rows.len()], "파일이 비어 있습니다");
        assert_eq!(ko[rows.len() + 1], "머리글에 \"instrument\" 열이 없습니다(열이 쉼표로 구분된 파일로 읽었습니다. docs/batch-csv.md 참고)");
        assert_eq!(ko[rows.len() + 3], "따옴표로 시작한 칸이 닫히지 않습니다(\"가 빠져 있습니다). 이 행 다음부터는 파일을 읽지 않았습니다");
    }

    #[test]
    fn an_import_plan_names_a_differing_global_rating_once_with_short_values() {
        // Assemble: the device has status moderate and effect much better.
        let device = GlobalRatings { status: Some(3), effect: Some(1) };
        let (status_only, both, effect_new) = (
            GlobalRatings { status: Some(2), effect: Some(1) },
            GlobalRatings { status: Some(2), effect: Some(3) },
            GlobalRatings { status: None, effect: Some(3) },
        );
        let (en, ko) = (Lang::En.records_strings(), Lang::Ko.records_strings());
        // Act / Assert: only the ratings the file changes, each named once.
        assert_eq!(en.global_change(&device, &status_only), "Disease status: Moderate → Mild");
        assert_eq!(en.global_change(&device, &both), "Disease status: Moderate → Mild · Treatment effect: Much better → No change");
        assert_eq!(en.global_change(&device, &effect_new), "Treatment effect: Much better → No change");
        assert_eq!(en.global_change(&GlobalRatings::default(), &status_only), "Disease status: — → Mild · Treatment effect: — → Much better");
        assert_eq!(ko.global_change(&device, &both), "질환 상태: 중간 정도 → 가벼움 · 치료 효과: 많이 좋아짐 → 변화 없음");
    }

    #[test]
    fn dates_follow_the_language() {
        assert_eq!(Lang::En.strings().date("2026-01-05"), "5 Jan 2026");
        assert_eq!(Lang::Ko.records_strings().date("2026-11-26"), "2026년 11월 26일", "the history's table reaches it too");
        assert_eq!(Lang::En.records_strings().date("not a date"), "not a date");
        assert_eq!(Lang::En.records_strings().date("2026-13-01"), "2026-13-01");
    }

    #[test]
    fn korean_text_never_breaks_after_a_parenthesis_or_slash_it_runs_on_from() {
        // "(1.5, 2.5)는" and "부종/구진" are one word each: a word joiner (U+2060) after the ")"
        // or "/" keeps a narrow screen from starting a line with "는" or "구진".
        let hangul = |c: char| ('가'..='힣').contains(&c);
        for (key, text) in ko::KO_RECORDS.entries() {
            let chars: Vec<char> = text.chars().collect();
            for (i, pair) in chars.windows(2).enumerate() {
                let slash_between = pair[0] == '/' && i > 0 && hangul(chars[i - 1]);
                assert!(!((pair[0] == ')' || slash_between) && hangul(pair[1])), "{key}: {text}");
            }
        }
    }

    #[test]
    fn the_korean_file_is_the_korean_table() {
        // Assemble: the file the build ships (`make strings` rewrites it from ko.rs).
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/content/ko.strings.txt");
        let expected = ko::KO.to_file();
        if std::env::var_os("ADSCORE_WRITE_STRINGS").is_some() {
            std::fs::write(path, &expected).expect("write content/ko.strings.txt");
        }
        // Act
        let shipped = std::fs::read_to_string(path).unwrap_or_default();
        // Assert
        assert!(shipped == expected, "content/ko.strings.txt is not src/i18n/ko.rs: run `make strings`");
        let read = Strings::from_file(&shipped).expect("the shipped file reads");
        assert_eq!(read.entries(), ko::KO.entries());
    }

    #[test]
    fn a_strings_file_keeps_every_character_and_refuses_another_version() {
        // Assemble: a table whose texts hold the escaped characters.
        let odd = en::EN.map(|s| if s.len() % 3 == 0 { Box::leak(format!("{s}\\n\n\t\\").into_boxed_str()) } else { s });
        let file = odd.to_file();
        // Act / Assert: read back as written.
        assert_eq!(Strings::from_file(&file).expect("reads").entries(), odd.entries());
        // Another list of keys, a line lost or one too many: refused, with why.
        let other = file.replacen("keys=", "keys=1", 1);
        assert!(Strings::from_file(&other).err().unwrap().contains("another version"));
        let short: String = file.lines().take(COUNT).map(|l| format!("{l}\n")).collect();
        assert!(Strings::from_file(&short).err().unwrap().contains("too few"));
        let long = format!("{file}extra\tline\n");
        assert!(Strings::from_file(&long).err().unwrap().contains("too many"));
    }

    #[test]
    fn each_language_is_named_in_itself() {
        assert_eq!(Lang::En.name(), en::EN.lang_name);
        assert_eq!(Lang::Ko.name(), ko::KO.lang_name);
    }

    #[test]
    fn utf_8_is_one_piece_and_the_text_stays_as_written() {
        for lang in [Lang::En, Lang::Ko, Lang::Pseudo] {
            // Assemble
            let text = lang.records_strings().export_excel;
            // Act
            let pieces = unbroken_pieces(text);
            // Assert
            assert_eq!(pieces.iter().map(|(piece, _)| *piece).collect::<String>(), text, "{lang:?}");
            assert_eq!(pieces.iter().filter(|(_, kept)| *kept).map(|(piece, _)| *piece).collect::<Vec<_>>(), ["UTF-8"], "{lang:?}");
        }
        assert_eq!(unbroken_pieces("UTF-8, UTF-8"), [("UTF-8", true), (", ", false), ("UTF-8", true)]);
        assert_eq!(unbroken_pieces("CSV"), [("CSV", false)]);
        assert_eq!(unbroken_pieces(""), []);
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(fill("{0}, {1} % affected", &[&"Back", &"12.5"]), "Back, 12.5 % affected");
        // Singular after 1, plural otherwise, for each number.
        let plan = "{0} {0|patient|patients}, {1} {1|visit is|visits are}";
        assert_eq!(fill(plan, &[&1, &1]), "1 patient, 1 visit is");
        assert_eq!(fill(plan, &[&0, &2]), "0 patients, 2 visits are");
        assert_eq!(fill(plan, &[&11, &1]), "11 patients, 1 visit is");
    }

    #[test]
    fn english_counts_take_the_singular_after_one() {
        let t = Lang::En.records_strings();
        assert_eq!(fill(t.import_done, &[&1]), "Imported: 1 new visit.");
        assert_eq!(fill(t.import_done, &[&2]), "Imported: 2 new visits.");
        assert_eq!(
            fill(t.import_plan, &[&1, &1, &1, &0]),
            "The file adds 1 patient and 1 visit; 1 assessment is already here; 0 differ from what is stored (listed below, not changed unless you choose to replace them)."
        );
        assert_eq!(fill(Lang::En.strings().age_from_dates, &[&1]), "Age at examination: 1 year");
        // Korean has no such forms: the number alone.
        assert_eq!(fill(Lang::Ko.records_strings().import_done, &[&1]), "가져오기 완료: 새 방문 1건.");
    }
}
