//! FHIR R4 export: a collection Bundle with one QuestionnaireResponse per assessment and an
//! Observation per total, in the R4 resource shapes (required elements, one value[x], UUID
//! fullUrls that every reference resolves to), with LOINC for the POEM total and the project's
//! code system for the rest.

use adscore::history::fhir::{bundle, BANDS_SYSTEM, PATIENT_SYSTEM, SCORES_SYSTEM};
use adscore::history::{GlobalRatings, History, Patient, Reporter, Visit};
use serde_json::Value;
use std::collections::HashSet;
mod common;
use common::{EASI, POEM, DLQI, ITCH, SLEEP, record};

const SCORAD_NO_C: &str = r#"{"instrument":"scorad","age_years":1,"extent":{"head_neck_front":50,"head_neck_back":0,"upper_limb_left_front":0,"upper_limb_left_back":0,"upper_limb_right_front":0,"upper_limb_right_back":0,"trunk_front":25,"trunk_back":0,"lower_limb_left_front":0,"lower_limb_left_back":0,"lower_limb_right_front":0,"lower_limb_right_back":0,"genitals":0},"intensity":{"erythema":2,"edema_papulation":1,"oozing_crusts":0,"excoriation":1,"lichenification":0,"dryness":2}}"#;
const POEM_UNSCORED: &str = r#"{"instrument":"poem","answers":[4,null,null,0,1,2,4]}"#;


fn sample() -> History {
    let mut h = History::default();
    h.upsert_patient(Patient { code: "AD-017".into(), dob: Some("1990-04-02".into()), note: "private note".into() });
    let mut v = Visit::new("v1", "AD-017", "2024-01-10", [EASI, SCORAD_NO_C, POEM, DLQI, ITCH, SLEEP].map(record).to_vec());
    v.global = GlobalRatings { status: Some(3), effect: None };
    h.add_visit(v).unwrap();
    h.add_visit(Visit::new("v2", "AD-017", "2024-02-10", vec![record(POEM_UNSCORED)])).unwrap();
    h
}

fn resources(b: &Value) -> Vec<&Value> {
    b["entry"].as_array().unwrap().iter().map(|e| &e["resource"]).collect()
}

fn of_type<'a>(b: &'a Value, kind: &str) -> Vec<&'a Value> {
    resources(b).into_iter().filter(|r| r["resourceType"] == kind).collect()
}

/// The Observation whose code has `system|code`.
fn observation<'a>(b: &'a Value, system: &str, code: &str) -> Option<&'a Value> {
    of_type(b, "Observation").into_iter().find(|o| {
        o["code"]["coding"].as_array().unwrap().iter().any(|c| c["system"] == system && c["code"] == code)
    })
}

fn is_uuid(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()))
}

#[test]
fn bundle_is_an_r4_collection_with_resolvable_uuid_entries() {
    // Act
    let b = bundle(&sample());
    // Assert: Bundle shape.
    assert_eq!(b["resourceType"], "Bundle");
    assert_eq!(b["type"], "collection");
    let entries = b["entry"].as_array().unwrap();
    let mut full_urls = HashSet::new();
    for e in entries {
        let url = e["fullUrl"].as_str().unwrap();
        let id = e["resource"]["id"].as_str().unwrap();
        assert_eq!(url, format!("urn:uuid:{id}"));
        assert!(is_uuid(id), "{id}");
        assert!(full_urls.insert(url.to_string()), "fullUrl {url} twice");
    }
    // Every derivedFrom points at an entry of the bundle.
    for o in of_type(&b, "Observation") {
        for r in o["derivedFrom"].as_array().into_iter().flatten() {
            assert!(full_urls.contains(r["reference"].as_str().unwrap()));
        }
    }
}

#[test]
fn one_questionnaire_response_per_assessment() {
    let b = bundle(&sample());
    let qrs = of_type(&b, "QuestionnaireResponse");
    assert_eq!(qrs.len(), 7, "6 assessments at v1, 1 at v2");
    for qr in &qrs {
        assert_eq!(qr["status"], "completed");
        assert_eq!(qr["subject"]["identifier"]["system"], PATIENT_SYSTEM);
        assert_eq!(qr["subject"]["identifier"]["value"], "AD-017");
        assert!(qr["authored"].as_str().unwrap().len() == 10);
        assert!(qr["questionnaire"].as_str().unwrap().starts_with("https://adscore.example/fhir/Questionnaire/"));
        assert!(qr["identifier"].is_object(), "R4 QuestionnaireResponse.identifier is a single Identifier");
        check_items(qr["item"].as_array().unwrap());
    }
}

/// Each item has a linkId and either answers (each with exactly one value[x]) or items.
fn check_items(items: &[Value]) {
    assert!(!items.is_empty());
    for item in items {
        assert!(item["linkId"].as_str().is_some_and(|l| !l.is_empty()));
        match (item.get("answer"), item.get("item")) {
            (Some(answers), None) => {
                for a in answers.as_array().unwrap() {
                    let keys: Vec<&String> = a.as_object().unwrap().keys().collect();
                    assert_eq!(keys.len(), 1, "{a}");
                    assert!(keys[0].starts_with("value"), "{a}");
                }
            }
            (None, Some(sub)) => check_items(sub.as_array().unwrap()),
            other => panic!("item with answer and item, or neither: {other:?}"),
        }
    }
}

/// The item with this linkId, at any depth.
fn find<'a>(resource: &'a Value, link: &str) -> &'a Value {
    fn walk<'a>(items: &'a Value, link: &str) -> Option<&'a Value> {
        items.as_array()?.iter().find_map(|i| if i["linkId"] == link { Some(i) } else { walk(&i["item"], link) })
    }
    walk(&resource["item"], link).unwrap_or_else(|| panic!("no item {link}"))
}

#[test]
fn items_hold_the_exact_record() {
    let b = bundle(&sample());
    let response = |instrument: &str| {
        of_type(&b, "QuestionnaireResponse")
            .into_iter()
            .find(|q| q["questionnaire"].as_str().unwrap().ends_with(&format!("/{instrument}")))
            .unwrap()
    };
    // EASI head/neck erythema 1.5 as a decimal, its area as an integer.
    let easi = response("easi");
    assert_eq!(find(easi, "head_neck.erythema")["answer"][0]["valueDecimal"].as_f64(), Some(1.5));
    assert_eq!(find(easi, "head_neck.area")["answer"][0]["valueInteger"], 2);
    assert_eq!(find(easi, "age_years")["answer"][0]["valueInteger"], 34);
    // SCORAD extent as decimals; no C group when C was not given.
    let scorad = response("scorad");
    assert_eq!(find(scorad, "extent.trunk_front")["answer"][0]["valueDecimal"].as_f64(), Some(25.0));
    assert!(scorad["item"].as_array().unwrap().iter().all(|i| i["linkId"] != "subjective"));
    // DLQI "not relevant" as a coding.
    assert_eq!(find(response("dlqi"), "3")["answer"][0]["valueCoding"]["code"], "not_relevant");
    // POEM's blank item 3 left out.
    let poem = response("poem");
    let links: Vec<&str> = poem["item"].as_array().unwrap().iter().map(|i| i["linkId"].as_str().unwrap()).collect();
    assert_eq!(links, ["1", "2", "4", "5", "6", "7"]);
}

#[test]
fn observations_carry_totals_with_codes_values_and_bands() {
    let b = bundle(&sample());
    // POEM total: LOINC 89870-0 (and our code), 14, moderate.
    let poem = observation(&b, "http://loinc.org", "89870-0").expect("POEM total by LOINC");
    assert_eq!(poem["valueQuantity"]["value"], 14);
    assert_eq!(poem["interpretation"][0]["coding"][0]["system"], BANDS_SYSTEM);
    assert_eq!(poem["interpretation"][0]["coding"][0]["code"], "moderate");
    assert_eq!(poem["category"][0]["coding"][0]["code"], "survey");
    // EASI 7.1 exactly, clinician-assessed, with its band system.
    let easi = observation(&b, SCORES_SYSTEM, "easi").unwrap();
    assert_eq!(easi["valueQuantity"]["value"].as_f64(), Some(7.1));
    assert_eq!(easi["method"]["coding"][0]["code"], "leshem_2015");
    assert_eq!(easi["category"][0]["coding"][0]["code"], "exam");
    // No C: objective SCORAD only, no SCORAD total.
    assert_eq!(observation(&b, SCORES_SYSTEM, "objective_scorad").unwrap()["valueQuantity"]["value"].as_f64(), Some(22.75));
    assert!(observation(&b, SCORES_SYSTEM, "scorad").is_none());
    // Every Observation has the R4 essentials.
    let observations = of_type(&b, "Observation");
    // EASI, objective SCORAD, POEM, DLQI, itch, sleep, global status (the unscored POEM has none).
    assert_eq!(observations.len(), 7);
    for o in observations {
        assert_eq!(o["status"], "final");
        assert_eq!(o["subject"]["identifier"]["value"], "AD-017");
        assert!(o["effectiveDateTime"].as_str().is_some());
        assert!(o["code"]["coding"].as_array().is_some_and(|c| !c.is_empty()));
        let values = ["valueQuantity", "valueInteger"].iter().filter(|k| o.get(**k).is_some()).count();
        assert_eq!(values, 1, "{o}");
        if let Some(q) = o.get("valueQuantity") {
            assert!(q["value"].is_number());
            assert_eq!((q["system"].as_str(), q["code"].as_str()), (Some("http://unitsofmeasure.org"), Some("{score}")));
        }
    }
    assert_eq!(observation(&b, SCORES_SYSTEM, "global_status").unwrap()["valueInteger"], 3);
}

#[test]
fn who_answered_is_the_source_of_the_patient_s_questionnaires_and_the_performer_of_their_ratings() {
    // Assemble: the first visit answered by a parent; the second names no one.
    let mut h = sample();
    h.visits[0].reported_by = Some(Reporter::Parent);
    // Act
    let b = bundle(&h);
    // Assert: the patient's own questionnaires of the first visit name a parent; the clinician's
    // (EASI, SCORAD) and the second visit's name no one.
    let source = |instrument: &str, date: &str| {
        of_type(&b, "QuestionnaireResponse")
            .into_iter()
            .find(|r| r["questionnaire"].as_str().unwrap().ends_with(instrument) && r["authored"] == date)
            .unwrap_or_else(|| panic!("{instrument} on {date}"))
            .get("source")
            .cloned()
    };
    let parent = serde_json::json!({ "type": "RelatedPerson", "display": "Parent or carer" });
    for instrument in ["poem", "dlqi", "itch_nrs", "sleep_nrs"] {
        assert_eq!(source(instrument, "2024-01-10"), Some(parent.clone()), "{instrument}");
    }
    assert_eq!((source("easi", "2024-01-10"), source("scorad", "2024-01-10")), (None, None));
    assert_eq!(source("poem", "2024-02-10"), None);
    assert_eq!(observation(&b, SCORES_SYSTEM, "global_status").unwrap()["performer"], serde_json::json!([parent]));
    // The patient answering: the patient, referred to as the subject is.
    h.visits[0].reported_by = Some(Reporter::Patient);
    let b = bundle(&h);
    let poem = of_type(&b, "QuestionnaireResponse").into_iter().find(|r| r["questionnaire"].as_str().unwrap().ends_with("poem")).unwrap();
    assert_eq!(poem["source"], poem["subject"]);
    assert_eq!(poem["source"]["identifier"]["system"], PATIENT_SYSTEM);
}

#[test]
fn bundle_is_deterministic_and_private() {
    let text = bundle(&sample()).to_string();
    assert_eq!(text, bundle(&sample()).to_string());
    assert!(!text.contains("private note") && !text.contains("1990-04-02"));
    // FHIR JSON has no empty arrays: an empty history gives a bundle without entries.
    assert_eq!(bundle(&History::default()).get("entry"), None);
}

#[test]
fn two_ratings_of_one_kind_the_same_day_each_keep_a_unique_id() {
    // Assemble: one day held as two visits (an import from before merges kept a day's ratings
    // together), each with a disease status; the first id is the one the day always had.
    let mut h = History::default();
    h.upsert_patient(Patient::new("AD-017"));
    let mut a = Visit::new("a", "AD-017", "2024-01-29", vec![record(EASI)]);
    a.global = GlobalRatings { status: Some(3), effect: Some(1) };
    let mut b = Visit::new("b", "AD-017", "2024-01-29", vec![record(ITCH)]);
    b.global = GlobalRatings { status: Some(1), effect: None };
    h.add_visit(a.clone()).unwrap();
    let alone = bundle(&h);
    h.add_visit(b).unwrap();
    // Act
    let both = bundle(&h);
    // Assert: every fullUrl once; both statuses there; the first keeps its id.
    let urls: Vec<&str> = both["entry"].as_array().unwrap().iter().map(|e| e["fullUrl"].as_str().unwrap()).collect();
    assert_eq!(urls.iter().collect::<HashSet<_>>().len(), urls.len(), "{urls:?}");
    let statuses: Vec<&Value> = of_type(&both, "Observation").into_iter().filter(|o| o["code"]["coding"][0]["code"] == "global_status").collect();
    assert_eq!(statuses.iter().map(|o| o["valueInteger"].as_u64().unwrap()).collect::<Vec<_>>(), [3, 1]);
    let first = of_type(&alone, "Observation").into_iter().find(|o| o["code"]["coding"][0]["code"] == "global_status").unwrap();
    assert_eq!(statuses[0]["id"], first["id"]);
}
