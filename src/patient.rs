//! The patient's part as entered (NRS, SCORAD C, POEM, DLQI item scores, global ratings), the
//! order of the one-question-per-screen flow, and conversion to records. Pure Rust.

use crate::history::Reporter;
use crate::scoring::dlqi::{DlqiAnswer, DlqiRecord};
use crate::scoring::nrs::{NrsRecord, NrsValue};
use crate::scoring::poem::{PoemAnswer, PoemRecord};
use serde::{Deserialize, Serialize};

/// Which questionnaires the flow asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parts {
    /// Worst itch, past 24 hours.
    pub itch: bool,
    /// Sleep disturbance, last night.
    pub sleep: bool,
    /// SCORAD's C: itch and sleeplessness over 3 days.
    pub scorad_c: bool,
    /// POEM.
    pub poem: bool,
    /// DLQI item scores from a completed form.
    pub dlqi: bool,
    /// Global ratings of disease status and treatment effect.
    pub global: bool,
}

impl Default for Parts {
    /// Everything but DLQI, which is entered from a completed form.
    fn default() -> Self {
        Parts { itch: true, sleep: true, scorad_c: true, poem: true, dlqi: false, global: true }
    }
}

/// The patient's answers; `None` is "not answered", never 0.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PatientForm {
    /// Who answers: the patient, or a parent or carer for a child (POEM's proxy wording, the
    /// "your child" questions). `None` until chosen: the flow asks it first and shows no
    /// question before it is answered, and a saved visit then names no one. Kept in the draft as
    /// `"proxy": true` (a parent) or `false` (the patient), absent while no one is chosen.
    #[serde(rename = "proxy", with = "proxy_flag", skip_serializing_if = "Option::is_none")]
    pub answerer: Option<Reporter>,
    /// Which questionnaires to ask.
    pub parts: Parts,
    /// Itch NRS 0–10.
    pub itch: Option<u8>,
    /// Sleep NRS 0–10.
    pub sleep: Option<u8>,
    /// POEM answers 0–4.
    pub poem: [Option<u8>; 7],
    /// DLQI item scores.
    pub dlqi: [Option<DlqiAnswer>; 10],
    /// DLQI item 7: the "prevented work or study?" branch once "No" is chosen.
    pub dlqi7_not_prevented: bool,
    /// Disease status 0 clear … 4 severe.
    pub status: Option<u8>,
    /// Treatment effect 0 very much better … 6 very much worse.
    pub effect: Option<u8>,
    /// SCORAD's itch scale (C, pruritus) was answered in the flow, by whoever answers, not typed
    /// by the clinician on the examination: an answer of theirs, taken back with their others.
    pub pruritus_answered: bool,
    /// The same for SCORAD's sleep-loss scale.
    pub sleep_loss_answered: bool,
}

/// [`PatientForm::answerer`] as the draft's `proxy` flag (the member every version has written):
/// `true` a parent or carer, `false` the patient; `null` (or absent) no one chosen yet.
mod proxy_flag {
    use crate::history::Reporter;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(answerer: &Option<Reporter>, s: S) -> Result<S::Ok, S::Error> {
        match answerer {
            Some(answerer) => s.serialize_bool(*answerer == Reporter::Parent),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Reporter>, D::Error> {
        Ok(Option::<bool>::deserialize(d)?.map(super::answerer_of_proxy))
    }
}

/// Who answers, from the draft's `proxy` flag: `true` a parent or carer, `false` the patient.
pub fn answerer_of_proxy(proxy: bool) -> Reporter {
    if proxy {
        Reporter::Parent
    } else {
        Reporter::Patient
    }
}

/// One screen of the flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Who answers, language, which questionnaires.
    Intro,
    /// Itch NRS.
    Itch,
    /// Sleep NRS.
    Sleep,
    /// SCORAD C: pruritus.
    ScoradPruritus,
    /// SCORAD C: sleep loss.
    ScoradSleep,
    /// POEM item (0-based).
    Poem(u8),
    /// DLQI item (0-based).
    Dlqi(u8),
    /// Global disease status.
    Status,
    /// Global treatment effect.
    Effect,
    /// The end.
    Done,
}

impl Parts {
    /// The screens, in order, for these parts.
    pub fn steps(&self) -> Vec<Step> {
        let mut steps = vec![Step::Intro];
        if self.itch {
            steps.push(Step::Itch);
        }
        if self.sleep {
            steps.push(Step::Sleep);
        }
        if self.scorad_c {
            steps.extend([Step::ScoradPruritus, Step::ScoradSleep]);
        }
        if self.poem {
            steps.extend((0..7).map(Step::Poem));
        }
        if self.dlqi {
            steps.extend((0..10).map(Step::Dlqi));
        }
        if self.global {
            steps.extend([Step::Status, Step::Effect]);
        }
        steps.push(Step::Done);
        steps
    }
}

impl PatientForm {
    /// Whether a parent or carer answers for a child (the questions' proxy wording); `false`
    /// while no one is chosen.
    pub fn proxy(&self) -> bool {
        self.answerer == Some(Reporter::Parent)
    }

    /// The questionnaires the flow asks: those chosen, but the DLQI only where it is offered
    /// (`dlqi_offered`: [`crate::form::ExamForm::dlqi_not_for`] finds nothing against it, an
    /// adult answering for themselves; it also leaves such answers unscored). A DLQI chosen
    /// before the age was entered is then not asked, and is asked again if the age is corrected.
    pub fn asked(&self, dlqi_offered: bool) -> Parts {
        Parts { dlqi: self.parts.dlqi && dlqi_offered, ..self.parts }
    }

    /// Whether any question of the patient's own is answered (itch, sleep, POEM, DLQI, a global
    /// rating, or SCORAD's C scales answered in the flow; as typed on the examination, they are
    /// the clinician's and are not counted here).
    pub fn has_answers(&self) -> bool {
        self.answers() != PatientForm::default()
    }

    /// The answers alone: who answers and the questionnaires chosen left at their defaults.
    pub fn answers(&self) -> PatientForm {
        PatientForm { answerer: None, parts: Parts::default(), ..self.clone() }
    }

    /// Itch NRS record, when answered.
    pub fn itch_record(&self) -> Option<NrsRecord> {
        self.itch.and_then(|v| NrsValue::new(v).ok()).map(|value| NrsRecord { value })
    }

    /// Sleep NRS record, when answered.
    pub fn sleep_record(&self) -> Option<NrsRecord> {
        self.sleep.and_then(|v| NrsValue::new(v).ok()).map(|value| NrsRecord { value })
    }

    /// POEM record, when at least one item is answered (blank items stay blank).
    pub fn poem_record(&self) -> Option<PoemRecord> {
        self.poem.iter().any(Option::is_some).then(|| PoemRecord {
            answers: self.poem.map(|a| a.and_then(|v| PoemAnswer::new(v).ok())),
        })
    }

    /// DLQI record, when at least one item is answered.
    pub fn dlqi_record(&self) -> Option<DlqiRecord> {
        self.dlqi.iter().any(Option::is_some).then_some(DlqiRecord { answers: self.dlqi })
    }

    /// Sets DLQI item 7 from its branch: prevented → 3; otherwise a lot 2, a little 1,
    /// not at all 0; "not relevant" → not relevant.
    pub fn set_dlqi7(&mut self, prevented: Option<bool>, level: Option<u8>) {
        match (prevented, level) {
            (Some(true), _) => {
                self.dlqi7_not_prevented = false;
                self.dlqi[6] = Some(DlqiAnswer::Score(3));
            }
            (Some(false), level) => {
                self.dlqi7_not_prevented = true;
                self.dlqi[6] = level.filter(|&l| l <= 2).map(DlqiAnswer::Score);
            }
            (None, _) => {
                self.dlqi7_not_prevented = false;
                self.dlqi[6] = Some(DlqiAnswer::NotRelevant);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::Band;

    #[test]
    fn answers_are_any_question_answered_whoever_answers_and_whatever_is_chosen() {
        // Assemble: who answers and the questions chosen are not answers.
        let mut p = PatientForm { answerer: Some(Reporter::Parent), parts: Parts { dlqi: true, ..Parts::default() }, ..PatientForm::default() };
        assert!(!p.has_answers());
        // Act / Assert: one answer of any kind is.
        for answer in [|p: &mut PatientForm| p.sleep = Some(0), |p: &mut PatientForm| p.poem[6] = Some(0), |p: &mut PatientForm| p.effect = Some(3)] {
            let mut answered = p.clone();
            answer(&mut answered);
            assert!(answered.has_answers());
        }
        p.set_dlqi7(Some(false), None);
        assert!(p.has_answers(), "a DLQI answer begun");
    }

    #[test]
    fn the_flow_asks_only_the_chosen_parts_in_order() {
        // Assemble
        let parts = Parts { itch: true, sleep: false, scorad_c: false, poem: true, dlqi: false, global: true };
        // Act
        let steps = parts.steps();
        // Assert: intro, itch, 7 POEM items, 2 global ratings, done.
        assert_eq!(steps.len(), 1 + 1 + 7 + 2 + 1);
        assert_eq!(steps[1], Step::Itch);
        assert_eq!(steps[2], Step::Poem(0));
        assert_eq!(steps[8], Step::Poem(6));
        assert_eq!(steps.last(), Some(&Step::Done));
        assert_eq!(Parts::default().steps().iter().filter(|s| matches!(s, Step::Dlqi(_))).count(), 0);
    }

    #[test]
    fn unanswered_is_not_zero() {
        let form = PatientForm::default();
        assert_eq!(form.itch_record(), None);
        assert_eq!(form.poem_record(), None);
        assert_eq!(form.dlqi_record(), None);
    }

    #[test]
    fn poem_with_two_blanks_is_not_scored_and_with_one_is() {
        let mut form = PatientForm { poem: [Some(4), Some(3), None, Some(0), Some(1), Some(2), None], ..Default::default() };
        assert_eq!(form.poem_record().unwrap().score().total, None);
        form.poem[6] = Some(4);
        let score = form.poem_record().unwrap().score();
        assert_eq!(score.total, Some(14)); // 4 + 3 + 0 + 0 + 1 + 2 + 4
        assert_eq!(score.band, Some(Band::Moderate));
    }

    #[test]
    fn dlqi_item_7_branch_maps_to_the_item_score() {
        let mut form = PatientForm::default();
        form.set_dlqi7(Some(true), None);
        assert_eq!(form.dlqi[6], Some(DlqiAnswer::Score(3)));
        form.set_dlqi7(Some(false), None);
        assert_eq!(form.dlqi[6], None, "no, but how much not yet said");
        form.set_dlqi7(Some(false), Some(2));
        assert_eq!(form.dlqi[6], Some(DlqiAnswer::Score(2)));
        form.set_dlqi7(Some(false), Some(0));
        assert_eq!(form.dlqi[6], Some(DlqiAnswer::Score(0)));
        form.set_dlqi7(None, None);
        assert_eq!(form.dlqi[6], Some(DlqiAnswer::NotRelevant));
    }
}
