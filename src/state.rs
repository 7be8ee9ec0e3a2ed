//! The examination in progress as a reducer: every user action is an `Action`, and the
//! resulting `ExamForm` is the single source the score panel reads.

use crate::history::Reporter;
use crate::form::{easi_sign_index, region_index, scorad_sign_index, segment_index, EasiRegionForm, ExamForm};
use crate::patient::{Parts, PatientForm, Step};
use crate::scoring::dlqi::DlqiAnswer;
use crate::scoring::{easi, scorad, EasiBands, ScoradBands};
use std::rc::Rc;
use yew::Reducible;

/// The examination state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExamState {
    /// What has been entered so far.
    pub form: ExamForm,
    /// The examination as this tab last saved it as a visit (not kept over a reload).
    pub saved: Option<Rc<ExamForm>>,
}

/// Everything the user can do to the examination.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Age as typed.
    SetAge(String),
    /// Date of birth as entered.
    SetDob(String),
    /// Examination date as entered.
    SetExamDate(String),
    /// Today's date (YYYY-MM-DD) and the day a blank examination was last written on the device
    /// (`draft::blank_day`): a blank examination the app dated that earlier day (a tablet left
    /// open overnight, or reopened the next day) takes today's date ([`ExamForm::stale_blank`]),
    /// else nothing changes. An examination with anything entered, or a date the user chose,
    /// keeps its date.
    RedateBlank { today: String, blank_day: Option<String> },
    /// The patient code typed for "Save visit".
    SetVisitPatient(String),
    /// The study label typed for "Save visit".
    SetVisitLabel(String),
    /// EASI area score of a region.
    SetEasiArea(easi::Region, u8),
    /// EASI sign grade (half points) of a region.
    SetEasiSign(easi::Region, easi::Sign, u8),
    /// Region clear: area 0 and every sign 0.
    ClearRegion(easi::Region),
    /// SCORAD extent percent as typed.
    SetExtent(scorad::Segment, String),
    /// SCORAD intensity grade.
    SetScoradSign(scorad::Sign, u8),
    /// SCORAD pruritus as typed (on the examination: the clinician's).
    SetPruritus(String),
    /// SCORAD pruritus answered in the patient's flow (the answer of whoever answers).
    AnswerPruritus(String),
    /// SCORAD sleep loss answered in the patient's flow.
    AnswerSleepLoss(String),
    /// SCORAD sleep loss as typed.
    SetSleepLoss(String),
    /// Take over the whole examination as the other module (the patient's flow) left it.
    Restore(Box<ExamForm>),
    /// Paint (`true`) or clear one body-map cell of a segment.
    PaintCell(scorad::Segment, u8, bool),
    /// Confirm (or withdraw) that the whole skin was examined.
    SetMapExamined(bool),
    /// Paint (`true`) or clear a whole segment.
    PaintSegment(scorad::Segment, bool),
    /// Clear the painted cells of one EASI region.
    ClearMapRegion(easi::Region),
    /// Clear every painted cell.
    ClearMap,
    /// Drop a picked EASI area score, going back to the map's value.
    ResetArea(easi::Region),
    /// Drop a typed SCORAD percent, going back to the map's value.
    ResetExtent(scorad::Segment),
    /// Choose the EASI band system.
    SetEasiBands(EasiBands),
    /// Choose the SCORAD band system.
    SetScoradBands(ScoradBands),
    /// Patient: who answers (the patient, or a parent or carer for a child).
    SetAnswerer(Reporter),
    /// Patient: which questionnaires the flow asks.
    SetParts(Parts),
    /// Patient: itch NRS.
    SetItch(u8),
    /// Patient: sleep NRS.
    SetSleep(u8),
    /// Patient: POEM item (0-based) answer.
    SetPoem(usize, u8),
    /// DLQI item (0-based) score, not relevant, or cleared.
    SetDlqi(usize, Option<DlqiAnswer>),
    /// DLQI item 7 branch: prevented (yes/no/not relevant = None) and, when not, how much.
    SetDlqi7(Option<bool>, Option<u8>),
    /// Patient: disease status.
    SetStatus(u8),
    /// Patient: treatment effect.
    SetEffect(u8),
    /// Patient: take back the answer to one question of the flow (it is then unanswered, as
    /// if never asked; the instrument's rules for blanks apply).
    ClearAnswer(Step),
    /// Patient: take back every answer of the flow, for a new questionnaire (who answers and
    /// which questionnaires are asked stay as chosen).
    ClearAllAnswers,
    /// Patient: take back the answers to the patient's own questionnaires (itch, sleep, POEM,
    /// DLQI, global ratings, SCORAD's C scales answered in the flow) that someone else gave;
    /// SCORAD's C scales typed on the examination (the clinician's) stay, as do who answers and
    /// the questionnaires chosen.
    ClearQuestionnaires,
    /// The examination as it was saved as a visit.
    Saved(Rc<ExamForm>),
    /// Start over with an empty examination.
    Reset,
}

impl ExamState {
    /// Whether starting a new examination would lose something: anything entered that is not
    /// the examination as last saved as a visit. A blank examination, or one just saved and not
    /// changed since, loses nothing; nor does a change of only the code or label it was saved
    /// under (the history module may put the stored spelling of the code back in the field).
    pub fn unsaved(&self) -> bool {
        // Every field but the code and label, compared in place (no copy of the form on each
        // render); a field added to the form must be named here.
        let saved_as = |saved: &ExamForm| {
            let ExamForm {
                age, dob, exam_date, visit_patient: _, visit_label: _, easi, scorad, map, map_examined, easi_bands, scorad_bands, patient,
            } = &self.form;
            (age, dob, exam_date, easi, scorad, map, map_examined, easi_bands, scorad_bands, patient)
                == (&saved.age, &saved.dob, &saved.exam_date, &saved.easi, &saved.scorad, &saved.map, &saved.map_examined,
                    &saved.easi_bands, &saved.scorad_bands, &saved.patient)
        };
        !self.form.is_blank() && !self.saved.as_deref().is_some_and(saved_as)
    }

    /// Applies one action to a copy of the form.
    pub fn apply(&self, action: Action) -> ExamState {
        let mut form = self.form.clone();
        let mut saved = self.saved.clone();
        match action {
            Action::SetAge(text) => form.age = text,
            Action::SetDob(text) => form.dob = text,
            Action::SetExamDate(text) => form.exam_date = text,
            Action::RedateBlank { today, blank_day } => {
                if form.stale_blank(&today, blank_day.as_deref()) {
                    form.exam_date = today;
                }
            }
            Action::SetVisitPatient(text) => form.visit_patient = text,
            Action::SetVisitLabel(text) => form.visit_label = text,
            Action::SetEasiArea(region, score) => form.easi[region_index(region)].area = Some(score),
            Action::SetEasiSign(region, sign, halves) => {
                form.easi[region_index(region)].signs[easi_sign_index(sign)] = Some(halves)
            }
            Action::ClearRegion(region) => {
                form.easi[region_index(region)] = EasiRegionForm { area: Some(0), signs: [Some(0); 4] };
                form.map.clear_region(region);
            }
            Action::PaintCell(segment, index, painted) => form.map.set(segment, index, painted),
            Action::SetMapExamined(examined) => form.map_examined = examined,
            Action::PaintSegment(segment, painted) => form.map.set_segment(segment, painted),
            Action::ClearMapRegion(region) => form.map.clear_region(region),
            // A map cleared to be painted again is not yet the whole skin examined: left ticked,
            // every region and area would read 0 from the empty map at once.
            Action::ClearMap => {
                form.map = Default::default();
                form.map_examined = false;
            }
            Action::ResetArea(region) => form.easi[region_index(region)].area = None,
            Action::ResetExtent(segment) => form.scorad.extent[segment_index(segment)].clear(),
            Action::SetExtent(segment, text) => form.scorad.extent[segment_index(segment)] = text,
            Action::SetScoradSign(sign, grade) => form.scorad.intensity[scorad_sign_index(sign)] = Some(grade),
            Action::SetPruritus(text) => {
                form.scorad.pruritus = text;
                form.patient.pruritus_answered = false;
            }
            Action::SetSleepLoss(text) => {
                form.scorad.sleep_loss = text;
                form.patient.sleep_loss_answered = false;
            }
            Action::AnswerPruritus(text) => {
                form.patient.pruritus_answered = !text.is_empty();
                form.scorad.pruritus = text;
            }
            Action::AnswerSleepLoss(text) => {
                form.patient.sleep_loss_answered = !text.is_empty();
                form.scorad.sleep_loss = text;
            }
            // DLQI is for adults answering for themselves: not asked when a parent answers.
            // The DLQI chosen stays chosen: it is not asked while a parent answers
            // (`PatientForm::asked`), and is again if the patient answers after all (a slip of
            // the finger on "who is answering" must not drop the clinician's choice).
            Action::SetAnswerer(answerer) => form.patient.answerer = Some(answerer),
            Action::SetParts(parts) => form.patient.parts = parts,
            Action::SetItch(v) => form.patient.itch = Some(v),
            Action::SetSleep(v) => form.patient.sleep = Some(v),
            Action::SetPoem(i, v) => form.patient.poem[i.min(6)] = Some(v),
            Action::SetDlqi(i, answer) => form.patient.dlqi[i.min(9)] = answer,
            Action::SetDlqi7(prevented, level) => form.patient.set_dlqi7(prevented, level),
            Action::SetStatus(v) => form.patient.status = Some(v),
            Action::SetEffect(v) => form.patient.effect = Some(v),
            Action::ClearAnswer(step) => {
                let patient = &mut form.patient;
                match step {
                    Step::Itch => patient.itch = None,
                    Step::Sleep => patient.sleep = None,
                    Step::ScoradPruritus => {
                        form.scorad.pruritus.clear();
                        patient.pruritus_answered = false;
                    }
                    Step::ScoradSleep => {
                        form.scorad.sleep_loss.clear();
                        patient.sleep_loss_answered = false;
                    }
                    Step::Poem(i) => patient.poem[usize::from(i).min(6)] = None,
                    Step::Dlqi(6) => {
                        patient.dlqi[6] = None;
                        patient.dlqi7_not_prevented = false;
                    }
                    Step::Dlqi(i) => patient.dlqi[usize::from(i).min(9)] = None,
                    Step::Status => patient.status = None,
                    Step::Effect => patient.effect = None,
                    Step::Intro | Step::Done => {}
                }
            }
            clear @ (Action::ClearQuestionnaires | Action::ClearAllAnswers) => {
                let (answerer, parts) = (form.patient.answerer, form.patient.parts);
                // SCORAD's C scales answered in the flow are the earlier person's answers too;
                // as the clinician typed them on the examination, they stay.
                let all = matches!(clear, Action::ClearAllAnswers);
                if all || form.patient.pruritus_answered {
                    form.scorad.pruritus.clear();
                }
                if all || form.patient.sleep_loss_answered {
                    form.scorad.sleep_loss.clear();
                }
                form.patient = PatientForm { answerer, parts, ..Default::default() };
            }
            Action::SetEasiBands(bands) => form.easi_bands = bands,
            Action::SetScoradBands(bands) => form.scorad_bands = bands,
            // A new examination keeps the clinician's choice of band systems.
            Action::Restore(restored) => form = *restored,
            Action::Saved(as_saved) => saved = Some(as_saved),
            Action::Reset => {
                form = ExamForm { easi_bands: form.easi_bands, scorad_bands: form.scorad_bands, ..ExamForm::default() };
                saved = None;
            }
        }
        ExamState { form, saved }
    }
}

impl Reducible for ExamState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Nothing to re-date: the same state, so nothing is drawn again.
        if matches!(&action, Action::RedateBlank { today, blank_day } if !self.form.stale_blank(today, blank_day.as_deref())) {
            return self;
        }
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::easi::{Region, Sign};

    #[test]
    fn region_clear_sets_area_and_signs_to_zero_and_nothing_else() {
        // Assemble
        let state = ExamState::default().apply(Action::SetEasiSign(Region::Trunk, Sign::Erythema, 4));
        // Act
        let state = state.apply(Action::ClearRegion(Region::HeadNeck));
        // Assert
        assert_eq!(state.form.easi[0], EasiRegionForm { area: Some(0), signs: [Some(0); 4] });
        assert_eq!(state.form.easi[2].signs[0], Some(4));
        assert_eq!(state.form.easi[1], EasiRegionForm::default());
    }

    #[test]
    fn typed_text_is_kept_verbatim_even_when_invalid() {
        let state = ExamState::default().apply(Action::SetExtent(scorad::Segment::Genitals, "12.34".into()));
        assert_eq!(state.form.scorad.extent[12], "12.34");
        assert!(state.form.scorad_record().is_err());
    }

    #[test]
    fn a_blank_examination_the_app_dated_an_earlier_day_takes_today_s_date_and_one_with_entries_or_a_chosen_date_keeps_its_own() {
        // Assemble: blank, dated 28 Nov and last written that day; the same with an age typed;
        // one with its date half typed.
        let blank = ExamState::default().apply(Action::SetExamDate("2026-11-28".into()));
        let entered = blank.apply(Action::SetAge("34".into()));
        let typing = blank.apply(Action::SetExamDate("2026-11-2".into()));
        let redate = |today: &str, blank_day: &str| Action::RedateBlank { today: today.into(), blank_day: Some(blank_day.into()) };
        // Act / Assert: on 29 Nov the blank one is re-dated, not the others; on the 28th nothing changes.
        assert_eq!(blank.apply(redate("2026-11-29", "2026-11-28")).form.exam_date, "2026-11-29");
        assert_eq!(entered.apply(redate("2026-11-29", "2026-11-28")).form.exam_date, "2026-11-28");
        assert_eq!(typing.apply(redate("2026-11-29", "2026-11-28")).form.exam_date, "2026-11-2");
        assert_eq!(blank.apply(redate("2026-11-28", "2026-11-28")).form.exam_date, "2026-11-28");
        // A date the user chose (written on another day than it says), or none known, is theirs.
        assert_eq!(blank.apply(redate("2026-11-29", "2026-11-29")).form.exam_date, "2026-11-28");
        assert_eq!(blank.apply(Action::RedateBlank { today: "2026-11-29".into(), blank_day: None }).form.exam_date, "2026-11-28");
        // A blank one dated later (a visit being entered ahead) is not moved back.
        let ahead = ExamState::default().apply(Action::SetExamDate("2026-12-01".into()));
        assert_eq!(ahead.apply(redate("2026-11-29", "2026-12-01")).form.exam_date, "2026-12-01");
        // Nothing to change: the reducer hands back the same state (nothing drawn again).
        let state = Rc::new(entered);
        assert!(Rc::ptr_eq(&state.clone().reduce(redate("2026-11-29", "2026-11-28")), &state));
    }

    #[test]
    fn a_new_examination_loses_nothing_when_blank_or_just_saved() {
        // Assemble: a blank examination dated today, with the clinician's band systems.
        let blank = ExamState::default()
            .apply(Action::SetExamDate("2026-11-28".into()))
            .apply(Action::SetEasiBands(EasiBands::Chopra2017));
        let entered = blank.apply(Action::SetEasiArea(Region::Trunk, 2));
        // Act
        let saved = entered.apply(Action::Saved(Rc::new(entered.form.clone())));
        let changed = saved.apply(Action::SetEasiSign(Region::Trunk, Sign::Erythema, 2));
        // Assert
        assert!(!blank.unsaved(), "nothing entered");
        assert!(entered.unsaved(), "an area entered, not saved");
        assert!(!saved.unsaved(), "saved as it is");
        assert!(changed.unsaved(), "changed after saving");
        assert!(!saved.apply(Action::SetVisitPatient("AD-017".into())).unsaved(), "only the code it was saved under");
        assert!(!saved.apply(Action::SetVisitLabel("week 4".into())).unsaved(), "only the label it was saved under");
        // Any other field changed since the save is unsaved.
        for change in [
            Action::SetAge("34".into()),
            Action::SetDob("1990-01-01".into()),
            Action::SetExamDate("2026-11-29".into()),
            Action::SetScoradSign(scorad::Sign::Erythema, 1),
            Action::PaintCell(scorad::Segment::TrunkFront, 0, true),
            Action::SetMapExamined(true),
            Action::SetEasiBands(EasiBands::default()),
            Action::SetScoradBands(ScoradBands::ALL[1]),
            Action::SetItch(3),
        ] {
            let what = format!("{change:?}");
            assert!(saved.apply(change).unsaved(), "{what}");
        }
        assert!(!changed.apply(Action::Reset).unsaved(), "a new examination");
        assert_eq!(changed.apply(Action::Reset).saved, None);
    }

    #[test]
    fn a_patient_can_take_back_an_answer_and_only_that_one() {
        // Assemble: itch 7, POEM item 2 answered 3 and item 3 answered 1, SCORAD pruritus 6.5, DLQI item 7 "no" then "a little".
        let answered = ExamState::default()
            .apply(Action::SetItch(7))
            .apply(Action::SetPoem(1, 3))
            .apply(Action::SetPoem(2, 1))
            .apply(Action::SetPruritus("6.5".into()))
            .apply(Action::SetDlqi7(Some(false), Some(1)))
            .apply(Action::SetStatus(2));
        // Act
        let cleared = [Step::Itch, Step::Poem(1), Step::ScoradPruritus, Step::Dlqi(6), Step::Status]
            .into_iter()
            .fold(answered.clone(), |state, step| state.apply(Action::ClearAnswer(step)));
        // Assert
        let p = &cleared.form.patient;
        assert_eq!((p.itch, p.poem[1], p.poem[2], p.status), (None, None, Some(1), None));
        assert_eq!((p.dlqi[6], p.dlqi7_not_prevented), (None, false));
        assert_eq!(cleared.form.scorad.pruritus, "");
        assert_eq!(answered.form.patient.dlqi[6], Some(DlqiAnswer::Score(1)));
    }

    #[test]
    fn a_new_questionnaire_clears_every_answer_and_keeps_the_clinicians_part() {
        // Assemble: a parent answering itch, sleep, POEM, DLQI, SCORAD C and both global
        // ratings, on an examination with an age and an EASI area.
        let answered = ExamState::default()
            .apply(Action::SetAge("9".into()))
            .apply(Action::SetEasiArea(Region::Trunk, 2))
            .apply(Action::SetAnswerer(Reporter::Parent))
            .apply(Action::SetItch(7))
            .apply(Action::SetSleep(3))
            .apply(Action::SetPoem(0, 4))
            .apply(Action::SetDlqi7(Some(false), Some(1)))
            .apply(Action::SetPruritus("6.5".into()))
            .apply(Action::SetSleepLoss("2".into()))
            .apply(Action::SetStatus(2))
            .apply(Action::SetEffect(1));
        let parts = answered.form.patient.parts;
        // Act
        let cleared = answered.apply(Action::ClearAllAnswers);
        // Assert
        let p = &cleared.form.patient;
        assert_eq!(*p, PatientForm { answerer: Some(Reporter::Parent), parts, ..PatientForm::default() });
        assert_eq!((cleared.form.scorad.pruritus.as_str(), cleared.form.scorad.sleep_loss.as_str()), ("", ""));
        assert_eq!(cleared.form.age, "9");
        assert_eq!(cleared.form.easi, answered.form.easi);
        assert_eq!(answered.form.patient.itch, Some(7), "the state before is untouched");
    }

    #[test]
    fn taking_back_another_person_s_answers_keeps_scorad_c_and_the_clinicians_part() {
        // Assemble: the SCORAD C scales typed, the patient's itch and status given.
        let answered = ExamState::default()
            .apply(Action::SetAge("9".into()))
            .apply(Action::SetPruritus("6.5".into()))
            .apply(Action::SetAnswerer(Reporter::Patient))
            .apply(Action::SetItch(7))
            .apply(Action::SetStatus(2));
        // Act
        let cleared = answered.apply(Action::ClearQuestionnaires);
        // Assert
        assert!(!cleared.form.patient.has_answers());
        assert_eq!(cleared.form.patient.answerer, Some(Reporter::Patient));
        assert_eq!((cleared.form.scorad.pruritus.as_str(), cleared.form.age.as_str()), ("6.5", "9"));
    }

    #[test]
    fn taking_back_another_person_s_answers_takes_the_scorad_c_they_answered_in_the_flow() {
        // Assemble: pruritus typed by the clinician, then answered in the flow by the child;
        // sleep loss typed by the clinician only.
        let answered = ExamState::default()
            .apply(Action::SetPruritus("6.5".into()))
            .apply(Action::SetSleepLoss("2".into()))
            .apply(Action::SetAnswerer(Reporter::Patient))
            .apply(Action::AnswerPruritus("10".into()));
        // Assert: the child's answer counts as an answer (a parent choosing next is told).
        assert!(answered.form.patient.has_answers() && answered.form.patient.pruritus_answered);
        // Act
        let cleared = answered.clone().apply(Action::ClearQuestionnaires);
        // Assert: the child's pruritus goes; the clinician's sleep loss stays.
        assert_eq!((cleared.form.scorad.pruritus.as_str(), cleared.form.scorad.sleep_loss.as_str()), ("", "2"));
        assert!(!cleared.form.patient.has_answers());
        // The clinician typing it again on the examination makes it the clinician's.
        let typed = answered.apply(Action::SetPruritus("5".into()));
        assert!(!typed.form.patient.pruritus_answered && !typed.form.patient.has_answers());
    }

    #[test]
    fn a_parent_answering_for_a_child_is_not_asked_the_dlqi() {
        // Assemble: DLQI chosen while the patient answers for themselves.
        let mut parts = Parts::default();
        parts.dlqi = true;
        let adult = ExamState::default().apply(Action::SetParts(parts));
        let asked = |state: &ExamState| state.form.patient.asked(state.form.dlqi_not_for().is_none());
        // Act
        let parent = adult.apply(Action::SetAnswerer(Reporter::Parent));
        let corrected = parent.apply(Action::SetAnswerer(Reporter::Patient));
        // Assert: DLQI not asked of the parent, the other questionnaires as chosen.
        assert!(!asked(&parent).dlqi);
        assert_eq!(Parts { dlqi: true, ..asked(&parent) }, parts);
        // The clinician's choice is kept: the patient answering after all is asked it again.
        assert!(parent.form.patient.parts.dlqi);
        assert_eq!(asked(&corrected), parts);
    }

    #[test]
    fn clearing_the_whole_map_withdraws_whole_skin_examined() {
        // Assemble: a painted trunk cell, the whole skin confirmed examined.
        let confirmed = ExamState::default()
            .apply(Action::PaintCell(scorad::Segment::TrunkFront, 0, true))
            .apply(Action::SetMapExamined(true));
        assert!(confirmed.form.map_area(Region::Trunk).is_some());
        // Act
        let cleared = confirmed.apply(Action::ClearMap);
        // Assert: nothing read from the empty map until confirmed again.
        assert!(cleared.form.map.is_empty());
        assert!(!cleared.form.map_examined);
        assert_eq!(cleared.form.map_area(Region::Trunk), None);
    }

    #[test]
    fn reset_empties_everything_but_the_band_systems() {
        let state = ExamState::default()
            .apply(Action::SetAge("9".into()))
            .apply(Action::SetEasiBands(EasiBands::Chopra2017))
            .apply(Action::Reset);
        assert_eq!(state.form.age, "");
        assert_eq!(state.form.easi_bands, EasiBands::Chopra2017);
        assert_eq!(state.form.scorad_bands, ScoradBands::Kunz1997);
    }
}
