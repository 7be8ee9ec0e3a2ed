//! FHIR R4 export: a `collection` Bundle with one QuestionnaireResponse per assessment and
//! one Observation per total (and per global rating). Codes, systems and identifiers are
//! documented in `docs/history-format.md` ("FHIR R4 export").
//!
//! The patient is referred to by identifier only (the pseudonymous code); no Patient
//! resource, date of birth or note is exported. Resource ids are name-based UUIDs of
//! patient + date + instrument (or metric), so the same assessment always gets the same id.

use super::{instrument_key, History, Metric, Reporter, Visit};
use crate::scoring::dlqi::DlqiAnswer;
use crate::scoring::easi::Region;
use crate::scoring::scorad::Segment;
use crate::scoring::{Assessment, Score};
use serde_json::{json, Map, Value};
use std::collections::HashSet;

/// Base of every URI the project defines.
pub const BASE: &str = "https://adscore.example/fhir";
/// Our code system for scores (the Observation codes): the metric keys
/// (`easi`, `scorad`, `objective_scorad`, `poem`, `dlqi`, `itch_nrs`, `sleep_nrs`) and
/// `global_status`, `global_effect`.
pub const SCORES_SYSTEM: &str = "https://adscore.example/fhir/CodeSystem/scores";
/// Our code system for severity bands (the band keys of the record format).
pub const BANDS_SYSTEM: &str = "https://adscore.example/fhir/CodeSystem/bands";
/// Our code system for band systems (`leshem_2015`, `chopra_2017`, `kunz_1997`).
pub const BAND_SYSTEMS_SYSTEM: &str = "https://adscore.example/fhir/CodeSystem/band-systems";
/// Our code system for answers that are not numbers (`not_relevant`).
pub const ANSWERS_SYSTEM: &str = "https://adscore.example/fhir/CodeSystem/answers";
/// The identifier system of pseudonymous patient codes.
pub const PATIENT_SYSTEM: &str = "https://adscore.example/fhir/NamingSystem/patient-code";
/// The identifier system of visit ids.
pub const VISIT_SYSTEM: &str = "https://adscore.example/fhir/NamingSystem/visit-id";
/// LOINC.
pub const LOINC: &str = "http://loinc.org";
/// LOINC code of the POEM total score.
pub const POEM_TOTAL_LOINC: &str = "89870-0";
/// HL7 observation categories.
const CATEGORY_SYSTEM: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
/// UCUM.
const UCUM: &str = "http://unitsofmeasure.org";

/// The canonical URL of our Questionnaire for an instrument
/// (`https://adscore.example/fhir/Questionnaire/easi` …).
pub fn questionnaire_url(instrument: &str) -> String {
    format!("{BASE}/Questionnaire/{instrument}")
}

/// A metric's display name.
pub fn metric_display(metric: Metric) -> &'static str {
    match metric {
        Metric::Easi => "EASI total score",
        Metric::Scorad => "SCORAD total score",
        Metric::ObjectiveScorad => "Objective SCORAD score",
        Metric::Poem => "POEM total score",
        Metric::Dlqi => "DLQI total score",
        Metric::ItchNrs => "Worst itch NRS (past 24 hours)",
        Metric::SleepNrs => "Sleep disturbance NRS (last night)",
    }
}

/// A name-based UUID (RFC 9562 version 8) of `name`: 128 bits from two FNV-1a hashes, each
/// mixed with the SplitMix64 finaliser. Deterministic; not for security.
pub fn name_uuid(name: &str) -> String {
    fn fnv(name: &str, seed: u64) -> u64 {
        let mut h = seed;
        for b in name.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= h >> 30;
        h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^= h >> 27;
        h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^ (h >> 31)
    }
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&fnv(name, 0xcbf2_9ce4_8422_2325).to_be_bytes());
    bytes[8..].copy_from_slice(&fnv(name, 0x6c62_272e_07bb_0142).to_be_bytes());
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// An exact decimal text ("7.05") as a JSON number.
fn decimal(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

fn tenths(t: u16) -> Value {
    decimal(&super::csv::tenths_text(t.into()))
}

fn subject(visit: &Visit) -> Value {
    json!({ "identifier": { "system": PATIENT_SYSTEM, "value": visit.patient } })
}

/// Who answered the patient's questionnaires (`Visit::reported_by`), as a FHIR Reference: the
/// patient (by identifier, as the subject), or a parent or carer (a RelatedPerson named only by
/// its type: no one is identified). `None` when not recorded.
fn reporter(visit: &Visit) -> Option<Value> {
    visit.reported_by.map(|r| match r {
        Reporter::Patient => subject(visit),
        Reporter::Parent => json!({ "type": "RelatedPerson", "display": "Parent or carer" }),
    })
}

fn answer(linkid: String, value: Value) -> Value {
    json!({ "linkId": linkid, "answer": [value] })
}

fn group(linkid: &str, items: Vec<Value>) -> Value {
    json!({ "linkId": linkid, "item": items })
}

/// The QuestionnaireResponse items of a record: one per item (blank answers left out), EASI
/// regions and SCORAD parts as groups.
fn items(assessment: &Assessment) -> Vec<Value> {
    let integer = |v: u32| json!({ "valueInteger": v });
    match assessment {
        Assessment::Easi(r) => {
            let mut items = vec![answer("age_years".into(), integer(r.age_years.get().into()))];
            for region in Region::ALL {
                let e = r.regions.get(region);
                let k = region.key();
                let sign = |name: &str, g: crate::scoring::easi::SignGrade| {
                    answer(format!("{k}.{name}"), json!({ "valueDecimal": decimal(&super::csv::halves_text(g.halves().into())) }))
                };
                items.push(group(
                    k,
                    vec![
                        answer(format!("{k}.area"), integer(e.area.get().into())),
                        sign("erythema", e.erythema),
                        sign("edema_papulation", e.edema_papulation),
                        sign("excoriation", e.excoriation),
                        sign("lichenification", e.lichenification),
                    ],
                ));
            }
            items
        }
        Assessment::Scorad(r) => {
            let mut items = vec![answer("age_years".into(), integer(r.age_years.get().into()))];
            items.push(group(
                "extent",
                Segment::ALL
                    .iter()
                    .map(|s| answer(format!("extent.{}", s.key()), json!({ "valueDecimal": tenths(r.extent.get(*s).tenths()) })))
                    .collect(),
            ));
            let i = &r.intensity;
            let grades = [i.erythema, i.edema_papulation, i.oozing_crusts, i.excoriation, i.lichenification, i.dryness];
            items.push(group(
                "intensity",
                crate::scoring::scorad::Sign::ALL
                    .iter()
                    .zip(grades)
                    .map(|(s, g)| answer(format!("intensity.{}", s.key()), integer(g.get().into())))
                    .collect(),
            ));
            if let Some(c) = r.subjective {
                items.push(group(
                    "subjective",
                    vec![
                        answer("subjective.pruritus".into(), json!({ "valueDecimal": tenths(c.pruritus.tenths()) })),
                        answer("subjective.sleep_loss".into(), json!({ "valueDecimal": tenths(c.sleep_loss.tenths()) })),
                    ],
                ));
            }
            items
        }
        Assessment::Poem(r) => r
            .answers
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.map(|a| answer((i + 1).to_string(), integer(a.get().into()))))
            .collect(),
        Assessment::Dlqi(r) => r
            .answers
            .iter()
            .enumerate()
            .filter_map(|(i, a)| {
                a.map(|a| {
                    let value = match a {
                        DlqiAnswer::Score(p) => integer(p.into()),
                        DlqiAnswer::NotRelevant => json!({ "valueCoding": {
                            "system": ANSWERS_SYSTEM, "code": "not_relevant", "display": "Not relevant" } }),
                    };
                    answer((i + 1).to_string(), value)
                })
            })
            .collect(),
        Assessment::ItchNrs(r) | Assessment::SleepNrs(r) => vec![answer("value".into(), integer(r.value.get().into()))],
    }
}

/// One total of a score: metric, exact value text, band, band system.
struct Total {
    metric: Metric,
    value: String,
    band: Option<&'static str>,
    band_system: Option<&'static str>,
}

/// The totals a score gives (a total that is not scored gives no Observation).
fn totals(score: &Score) -> Vec<Total> {
    let total = |metric, value: String, band: Option<crate::scoring::Band>, system: Option<&'static str>| Total {
        metric,
        value,
        band: band.map(|b| b.key()),
        band_system: system,
    };
    match score {
        Score::Easi(s) => vec![total(Metric::Easi, s.total.exact_text(), Some(s.band), Some(s.band_system.key()))],
        Score::Scorad(s) => {
            let system = Some(s.band_system.key());
            let mut out: Vec<Total> = s.total.map(|t| total(Metric::Scorad, t.exact_text(), s.band, system)).into_iter().collect();
            out.push(total(Metric::ObjectiveScorad, s.objective.exact_text(), Some(s.objective_band), system));
            out
        }
        Score::Poem(s) => s.total.map(|t| total(Metric::Poem, t.to_string(), s.band, None)).into_iter().collect(),
        Score::Dlqi(s) => s.total.map(|t| total(Metric::Dlqi, t.to_string(), s.band, None)).into_iter().collect(),
        Score::ItchNrs(s) => vec![total(Metric::ItchNrs, s.total.to_string(), s.band, None)],
        Score::SleepNrs(s) => vec![total(Metric::SleepNrs, s.total.to_string(), s.band, None)],
    }
}

/// `exam` for the clinician's scores, `survey` for the patient's.
fn category(code: &str) -> Value {
    let display = if code == "exam" { "Exam" } else { "Survey" };
    json!([{ "coding": [{ "system": CATEGORY_SYSTEM, "code": code, "display": display }] }])
}

fn observation(visit: &Visit, total: &Total, derived_from: &str) -> Value {
    let id = name_uuid(&format!("observation|{}|{}|{}", visit.patient, visit.date, total.metric.key()));
    let mut coding = Vec::new();
    if total.metric == Metric::Poem {
        coding.push(json!({ "system": LOINC, "code": POEM_TOTAL_LOINC, "display": "POEM total score" }));
    }
    coding.push(json!({ "system": SCORES_SYSTEM, "code": total.metric.key(), "display": metric_display(total.metric) }));
    let clinician = matches!(total.metric, Metric::Easi | Metric::Scorad | Metric::ObjectiveScorad);
    let mut resource = Map::new();
    resource.insert("resourceType".into(), json!("Observation"));
    resource.insert("id".into(), json!(id));
    resource.insert("status".into(), json!("final"));
    resource.insert("category".into(), category(if clinician { "exam" } else { "survey" }));
    resource.insert("code".into(), json!({ "coding": coding, "text": metric_display(total.metric) }));
    resource.insert("subject".into(), subject(visit));
    resource.insert("effectiveDateTime".into(), json!(visit.date));
    resource.insert(
        "valueQuantity".into(),
        json!({ "value": decimal(&total.value), "unit": "{score}", "system": UCUM, "code": "{score}" }),
    );
    if let Some(band) = total.band {
        resource.insert(
            "interpretation".into(),
            json!([{ "coding": [{ "system": BANDS_SYSTEM, "code": band }], "text": band.replace('_', " ") }]),
        );
    }
    if let Some(system) = total.band_system {
        resource.insert("method".into(), json!({ "coding": [{ "system": BAND_SYSTEMS_SYSTEM, "code": system }], "text": format!("bands: {system}") }));
    }
    resource.insert("derivedFrom".into(), json!([{ "reference": format!("urn:uuid:{derived_from}") }]));
    Value::Object(resource)
}

/// `taken`: the ids already in the Bundle. A day's rating has an id of its patient, date and
/// kind; a second rating of that kind the same day (two visits that day, each with one, as an
/// older import could leave them) takes its visit's id as well, so that each id is unique.
fn global_observation(visit: &Visit, code: &str, display: &str, value: u8, taken: &mut HashSet<String>) -> Value {
    let mut id = name_uuid(&format!("observation|{}|{}|{code}", visit.patient, visit.date));
    if !taken.insert(id.clone()) {
        id = name_uuid(&format!("observation|{}|{}|{code}|{}", visit.patient, visit.date, visit.id));
        taken.insert(id.clone());
    }
    let mut observation = json!({
        "resourceType": "Observation",
        "id": id,
        "status": "final",
        "category": category("survey"),
        "code": { "coding": [{ "system": SCORES_SYSTEM, "code": code, "display": display }], "text": display },
        "subject": subject(visit),
        "effectiveDateTime": visit.date,
        "valueInteger": value,
    });
    if let Some(performer) = reporter(visit) {
        observation["performer"] = json!([performer]);
    }
    observation
}

fn entry(resource: Value) -> Value {
    let id = resource["id"].as_str().unwrap_or_default().to_string();
    json!({ "fullUrl": format!("urn:uuid:{id}"), "resource": resource })
}

/// The history as an R4 `collection` Bundle: per visit (patients in stored order, visits by
/// date; visits of a patient not in the history are left out), a QuestionnaireResponse and its Observations for each assessment, then an
/// Observation for each global rating given. No timestamp, so the same history always
/// gives the same Bundle.
pub fn bundle(history: &History) -> Value {
    let mut entries = Vec::new();
    let mut ratings = HashSet::new();
    let by_patient = super::visits_by_patient(history);
    for patient in &history.patients {
        for &visit in by_patient.get(patient.code.as_str()).into_iter().flatten() {
            for assessment in &visit.assessments {
                let instrument = instrument_key(assessment);
                let qr_id = name_uuid(&format!("questionnaire-response|{}|{}|{instrument}", visit.patient, visit.date));
                let mut response = json!({
                    "resourceType": "QuestionnaireResponse",
                    "id": qr_id,
                    "identifier": { "system": VISIT_SYSTEM, "value": format!("{}/{instrument}", visit.id) },
                    "questionnaire": questionnaire_url(instrument),
                    "status": "completed",
                    "subject": subject(visit),
                    "authored": visit.date,
                });
                // A questionnaire left wholly blank has no items (FHIR JSON has no empty arrays).
                let answered = items(assessment);
                if !answered.is_empty() {
                    response["item"] = Value::Array(answered);
                }
                if let Some(source) = reporter(visit).filter(|_| assessment.is_patient_reported()) {
                    response["source"] = source;
                }
                entries.push(entry(response));
                if let Ok(score) = assessment.score_with(visit.easi_bands, visit.scorad_bands) {
                    for total in totals(&score) {
                        entries.push(entry(observation(visit, &total, &qr_id)));
                    }
                }
            }
            if let Some(status) = visit.global.status {
                entries.push(entry(global_observation(visit, "global_status", "Patient global disease status (0 clear – 4 severe)", status, &mut ratings)));
            }
            if let Some(effect) = visit.global.effect {
                entries.push(entry(global_observation(
                    visit,
                    "global_effect",
                    "Patient global treatment effect (0 very much better – 6 very much worse)",
                    effect,
                    &mut ratings,
                )));
            }
        }
    }
    let mut bundle = json!({ "resourceType": "Bundle", "type": "collection" });
    // FHIR JSON allows no empty arrays: no entries, no `entry`.
    if !entries.is_empty() {
        bundle["entry"] = Value::Array(entries);
    }
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_uuids_are_well_formed_and_stable() {
        let a = name_uuid("questionnaire-response|AD-1|2024-01-01|easi");
        assert_eq!(a, name_uuid("questionnaire-response|AD-1|2024-01-01|easi"));
        assert_ne!(a, name_uuid("questionnaire-response|AD-1|2024-01-01|poem"));
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "8");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
    }
}
