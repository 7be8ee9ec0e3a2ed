//! The draft's hand-written JSON (`adscore::draft::encode` / `decode`, used by the examination's
//! module) against serde_json (used by every earlier version): the same text both ways, for any
//! examination, and the same refusals — and one more: a patient's answer outside its scale.
#![cfg(not(target_arch = "wasm32"))]

use adscore::bodymap::Painting;
use adscore::draft::{decode, encode};
use adscore::form::{EasiRegionForm, ExamForm, ScoradForm};
use adscore::history::Reporter;
use adscore::patient::{Parts, PatientForm};
use adscore::scoring::dlqi::DlqiAnswer;
use adscore::scoring::{EasiBands, ScoradBands};
use proptest::prelude::*;

/// Text as typed, including quotes, backslashes, control characters and non-ASCII.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[0-9]{1,3}(\\.[0-9])?",
        any::<String>(),
        "[\"\\\\\n\t\u{1}가-힣😀 ]{0,6}",
    ]
}

fn grade() -> impl Strategy<Value = Option<u8>> {
    proptest::option::of(any::<u8>())
}

fn exam() -> impl Strategy<Value = ExamForm> {
    let easi = proptest::array::uniform4((grade(), proptest::array::uniform4(grade())).prop_map(|(area, signs)| EasiRegionForm { area, signs }));
    let scorad = (proptest::array::uniform13(typed()), proptest::array::uniform6(grade()), typed(), typed())
        .prop_map(|(extent, intensity, pruritus, sleep_loss)| ScoradForm { extent, intensity, pruritus, sleep_loss });
    let dlqi = proptest::option::of(prop_oneof![(0u8..=3).prop_map(DlqiAnswer::Score), Just(DlqiAnswer::NotRelevant)]);
    // The patient's answers within their scales (the reader refuses the others, unlike serde).
    let answer = |max: u8| proptest::option::of(0..=max);
    let patient = (
        any::<[bool; 10]>(),
        proptest::option::of(prop_oneof![Just(Reporter::Patient), Just(Reporter::Parent)]),
        (answer(10), answer(10), answer(4), answer(6)),
        proptest::array::uniform7(answer(4)),
        proptest::array::uniform10(dlqi),
    )
        .prop_map(|(b, who, (itch, sleep, status, effect), poem, mut dlqi)| PatientForm {
            // What a form can hold: items 1–2 offer no "not relevant" (the reader refuses it).
            dlqi: {
                for (i, a) in dlqi.iter_mut().enumerate() {
                    if *a == Some(DlqiAnswer::NotRelevant) && !adscore::scoring::dlqi::offers_not_relevant(i) {
                        *a = None;
                    }
                }
                dlqi
            },
            answerer: who,
            parts: Parts { itch: b[1], sleep: b[2], scorad_c: b[3], poem: b[4], dlqi: b[5], global: b[6] },
            itch,
            sleep,
            poem,
            dlqi7_not_prevented: b[7],
            status,
            effect,
            pruritus_answered: b[8],
            sleep_loss_answered: b[9],
        });
    (
        (typed(), typed(), typed(), typed(), typed()),
        easi,
        scorad,
        any::<[u32; 13]>(),
        any::<(bool, bool, bool)>(),
        patient,
    )
        .prop_map(|((age, dob, exam_date, visit_patient, visit_label), easi, scorad, map, (map_examined, chopra_easi, chopra_scorad), patient)| ExamForm {
            age,
            dob,
            exam_date,
            visit_patient,
            visit_label,
            easi,
            scorad,
            map: Painting(map),
            map_examined,
            easi_bands: if chopra_easi { EasiBands::Chopra2017 } else { EasiBands::Leshem2015 },
            scorad_bands: if chopra_scorad { ScoradBands::Chopra2017 } else { ScoradBands::Kunz1997 },
            patient,
        })
}

proptest! {
    #[test]
    fn the_draft_text_is_serde_jsons_text_and_reads_back(form in exam()) {
        // Act
        let mine = encode(&form);
        // Assert: byte for byte what serde_json writes; read back by both.
        prop_assert_eq!(&mine, &serde_json::to_string(&form).unwrap());
        prop_assert_eq!(decode(&mine).unwrap(), form.clone());
        prop_assert_eq!(serde_json::from_str::<ExamForm>(&mine).unwrap(), form);
    }

    #[test]
    fn a_cut_draft_is_refused_as_serde_json_refuses_it(form in exam()) {
        // Assemble: the text cut short of its end, as an interrupted write would leave it
        // (every 7th place, to keep the test quick).
        let text = encode(&form);
        for at in (0..text.len()).step_by(7).filter(|&i| text.is_char_boundary(i)) {
            let cut = &text[..at];
            // Act / Assert
            prop_assert!(decode(cut).is_err(), "accepted {}", cut);
            prop_assert!(serde_json::from_str::<ExamForm>(cut).is_err());
        }
    }
}

#[test]
fn members_earlier_versions_left_out_take_their_defaults_and_unknown_ones_are_ignored() {
    // Assemble: a draft from before dates, the map, bands and the patient's part, with a
    // member no version knows.
    let empty = r#"{"area":null,"signs":[null,null,null,null]}"#;
    let old = format!(
        r#"{{"age":"34","easi":[{empty},{empty},{empty},{{"signs":[2,null,null,null]}}],"scorad":{{"extent":["","","","","","","","","","","","",""],"intensity":[null,null,null,null,null,null],"pruritus":"","sleep_loss":""}},"later":1}}"#
    );
    // Act
    let mine = decode(&old).unwrap();
    // Assert
    assert_eq!(mine, serde_json::from_str::<ExamForm>(&old).unwrap());
    assert_eq!(mine.easi[3].signs[0], Some(2));
    assert_eq!(mine.patient.parts, Parts::default());
}

#[test]
fn what_serde_json_refuses_the_draft_reader_refuses() {
    let good = encode(&ExamForm::default());
    let cases = [
        good.replace("\"age\":\"\",", ""),                          // a required member missing
        good.replace("\"dob\":\"\"", "\"dob\":3"),                  // wrong type
        good.replace("\"area\":null", "\"area\":256"),             // out of a u8's range
        good.replace("\"area\":null", "\"area\":1.5"),             // not whole
        good.replace("\"easi_bands\":\"leshem_2015\"", "\"easi_bands\":\"other\""),
        good.replace("\"dlqi\":[null", "\"dlqi\":[4"),             // a DLQI answer above 3
        good.replace("\"signs\":[null,null,null,null]", "\"signs\":[null,null,null]"), // too few
        good.replace("{\"age\"", "{\"age\":\"1\",\"age\""),        // a member twice
        format!("{good} x"),
        "[]".to_string(),
    ];
    for case in cases {
        assert!(serde_json::from_str::<ExamForm>(&case).is_err(), "serde_json accepts {case}");
        assert!(decode(&case).is_err(), "the draft reader accepts {case}");
    }
}

#[test]
fn a_patient_answer_outside_its_scale_refuses_the_draft_instead_of_reading_it_as_unanswered() {
    // Assemble: a draft with a POEM of six answers 2 and one 9 (no POEM answer is above 4): read
    // as unanswered, that item would be scored as 0 (POEM's one permitted blank).
    let mut form = ExamForm::default();
    form.patient.poem = [Some(2); 7];
    let good = encode(&form);
    let damaged = [
        good.replacen("\"poem\":[2,", "\"poem\":[9,", 1),
        good.replace("\"itch\":null", "\"itch\":11"),
        good.replace("\"sleep\":null", "\"sleep\":11"),
        good.replace("\"status\":null", "\"status\":5"),
        good.replace("\"effect\":null", "\"effect\":7"),
        // "Not relevant" on DLQI items 1–2, which do not offer it.
        good.replace("\"dlqi\":[null", "\"dlqi\":[\"not_relevant\""),
        good.replace("\"dlqi\":[null,null", "\"dlqi\":[null,\"not_relevant\""),
    ];
    // Act / Assert: each is refused (the examination then holds the draft aside, not lost);
    // the top of each scale is read.
    for case in &damaged {
        assert_ne!(case, &good);
        assert!(decode(case).is_err(), "read: {case}");
    }
    let top = good.replacen("\"poem\":[2,", "\"poem\":[4,", 1).replace("\"itch\":null", "\"itch\":10").replace("\"status\":null", "\"status\":4").replace("\"effect\":null", "\"effect\":6");
    let read = decode(&top).unwrap();
    assert_eq!((read.patient.poem[0], read.patient.itch, read.patient.status, read.patient.effect), (Some(4), Some(10), Some(4), Some(6)));
    // Item 3 offers "not relevant", and it is read.
    let third = decode(&good.replace("\"dlqi\":[null,null,null", "\"dlqi\":[null,null,\"not_relevant\"")).unwrap();
    assert_eq!(third.patient.dlqi[2], Some(DlqiAnswer::NotRelevant));
}


#[test]
fn who_answers_is_kept_as_the_proxy_flag_and_absent_until_chosen() {
    // Assemble: an examination where no one is chosen yet, and the same with each answerer.
    let unchosen = ExamForm::default();
    let with = |who| {
        let mut form = ExamForm::default();
        form.patient.answerer = Some(who);
        form
    };
    // Act
    let (none, patient, parent) = (encode(&unchosen), encode(&with(Reporter::Patient)), encode(&with(Reporter::Parent)));
    // Assert: absent while unchosen (a reader from before takes it as false, the patient, and shows
    // that as its default), else the flag every version wrote; each read back as written.
    assert!(!none.contains("proxy"), "{none}");
    assert!(patient.contains("\"patient\":{\"proxy\":false,"), "{patient}");
    assert!(parent.contains("\"patient\":{\"proxy\":true,"), "{parent}");
    assert_eq!(decode(&none).unwrap().patient.answerer, None);
    assert_eq!(decode(&patient).unwrap().patient.answerer, Some(Reporter::Patient));
    assert_eq!(decode(&parent).unwrap().patient.answerer, Some(Reporter::Parent));
    // A draft written before the flow asked has the flag: `false` was a choice shown as made.
    let old = parent.replace("\"proxy\":true", "\"proxy\":false");
    assert_eq!(decode(&old).unwrap().patient.answerer, Some(Reporter::Patient));
    let null = parent.replace("\"proxy\":true", "\"proxy\":null");
    assert_eq!(decode(&null).unwrap().patient.answerer, None);
    assert_eq!(serde_json::from_str::<ExamForm>(&null).unwrap().patient.answerer, None);
}
