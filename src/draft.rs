//! The examination draft in the browser's localStorage: saved on every change, restored on
//! load; an unreadable draft is kept aside, never overwritten or silently dropped. Its text is
//! `ExamForm`'s serde JSON, written and read here by [`encode`] / [`decode`] with the small
//! reader in `crate::json` (no serde_json in the examination's module).

use crate::form::{EasiRegionForm, ExamForm, ScoradForm};
use crate::json::{self, write_str, Value};
use crate::bodymap::Painting;
use crate::history::GlobalRatings;
use crate::i18n::Lang;
use crate::patient::{answerer_of_proxy, Parts, PatientForm};
use crate::scoring::dlqi::DlqiAnswer;
use crate::scoring::{EasiBands, ScoradBands};
use gloo::storage::{LocalStorage, Storage};

/// Where the draft lives.
pub const DRAFT_KEY: &str = "adscore.draft.v1";
/// Prefix of the keys where unreadable drafts are moved, untouched (`…unreadable.1`, `.2` …).
pub const UNREADABLE_PREFIX: &str = "adscore.draft.unreadable.";

/// What loading found.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// No draft saved.
    Empty,
    /// The saved draft.
    Draft(ExamForm),
    /// A draft was there but could not be read; its raw text was kept under this key.
    Unreadable(String),
    /// A draft was there but could not be read, and the browser refused to keep a copy of it
    /// (storage full): it is still under [`DRAFT_KEY`], and this is its text. Nothing may be
    /// saved there until the user has downloaded or deleted it ([`delete_unreadable`]).
    UnreadableHeld(String),
}

/// Reads the saved draft.
pub fn load() -> Loaded {
    let Ok(Some(raw)) = LocalStorage::raw().get_item(DRAFT_KEY) else {
        return Loaded::Empty;
    };
    match decode(&raw) {
        Ok(form) => Loaded::Draft(form),
        Err(_) => {
            // Keep the raw text under the first free key; never replace an earlier copy.
            let storage = LocalStorage::raw();
            let key = (1..)
                .map(|n| format!("{UNREADABLE_PREFIX}{n}"))
                .find(|key| matches!(storage.get_item(key), Ok(None)))
                .expect("some key is free");
            match storage.set_item(&key, &raw) {
                Ok(()) => Loaded::Unreadable(key),
                Err(_) => Loaded::UnreadableHeld(raw),
            }
        }
    }
}

/// Deletes the unreadable draft that was held under [`DRAFT_KEY`] (the user chose to, having
/// been offered its text as a download); true when the browser did.
pub fn delete_unreadable() -> bool {
    LocalStorage::raw().remove_item(DRAFT_KEY).is_ok()
}

/// Deletes every unreadable draft kept aside (under [`UNREADABLE_PREFIX`]): "Delete all
/// history" erases them with the history, as they may hold a patient's entries.
pub fn delete_set_aside() {
    let storage = LocalStorage::raw();
    let keys: Vec<String> = (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect();
    for key in keys.iter().filter(|k| k.starts_with(UNREADABLE_PREFIX)) {
        let _ = storage.remove_item(key);
    }
}

/// The saved draft when there is one and it can be read; nothing is moved or changed.
pub fn stored() -> Option<ExamForm> {
    LocalStorage::raw().get_item(DRAFT_KEY).ok().flatten().and_then(|raw| decode(&raw).ok())
}

/// Saves the draft; returns false when the browser refused (storage full or disabled).
pub fn save(form: &ExamForm) -> bool {
    if form.is_blank() {
        // The day a blank examination was last written: one dated that day was dated by the app
        // and is that day's examination; one dated otherwise was dated by the user.
        let _ = LocalStorage::raw().set_item(BLANK_DAY_KEY, &crate::app::today());
    }
    LocalStorage::raw().set_item(DRAFT_KEY, &encode(form)).is_ok()
}

/// Where the day a blank examination was last written is kept ([`blank_day`]).
pub const BLANK_DAY_KEY: &str = "adscore.draft.blank-day";

/// The day (YYYY-MM-DD) a blank examination was last written on this device, if any
/// ([`crate::state::Action::RedateBlank`]).
pub fn blank_day() -> Option<String> {
    LocalStorage::raw().get_item(BLANK_DAY_KEY).ok().flatten()
}

/// Where the chosen language is remembered on this device.
pub const LANG_KEY: &str = "adscore.lang";

/// The remembered language, else the browser's (Korean for "ko…", English otherwise).
pub fn load_lang() -> Lang {
    match LocalStorage::raw().get_item(LANG_KEY) {
        Ok(Some(tag)) => Lang::from_tag(&tag),
        _ => Lang::from_tag(&gloo::utils::window().navigator().language().unwrap_or_default()),
    }
}

/// Remembers the language.
pub fn save_lang(lang: Lang) {
    let _ = LocalStorage::raw().set_item(LANG_KEY, lang.tag());
}

/// Remembers `chosen` and marks the page as written in `shown` (`<html lang>`: what screen
/// readers speak it as, and the Korean line-breaking rule). They differ only while the chosen
/// language's strings cannot be read (then English is shown).
pub fn show_lang(chosen: Lang, shown: Lang) {
    save_lang(chosen);
    // Written only when it changes: setting it, even to the same value, makes the browser work
    // out the style of every element on the page again (`:lang()`), ~10–70 ms at 4× CPU right
    // after the first paint (traced).
    if let Some(root) = gloo::utils::document().document_element() {
        if root.get_attribute("lang").as_deref() != Some(shown.tag()) {
            let _ = root.set_attribute("lang", shown.tag());
        }
    }
}

/// The draft's text: exactly what serde_json writes for [`ExamForm`].
pub fn encode(form: &ExamForm) -> String {
    let mut out = String::with_capacity(1024);
    let o = &mut out;
    o.push_str("{\"age\":");
    write_str(o, &form.age);
    o.push_str(",\"dob\":");
    write_str(o, &form.dob);
    o.push_str(",\"exam_date\":");
    write_str(o, &form.exam_date);
    o.push_str(",\"visit_patient\":");
    write_str(o, &form.visit_patient);
    o.push_str(",\"visit_label\":");
    write_str(o, &form.visit_label);
    o.push_str(",\"easi\":[");
    for (i, region) in form.easi.iter().enumerate() {
        comma(o, i);
        o.push_str("{\"area\":");
        opt(o, region.area);
        o.push_str(",\"signs\":");
        list(o, &region.signs, |o, s| opt(o, *s));
        o.push('}');
    }
    o.push_str("],\"scorad\":{\"extent\":");
    list(o, &form.scorad.extent, |o, s| write_str(o, s));
    o.push_str(",\"intensity\":");
    list(o, &form.scorad.intensity, |o, s| opt(o, *s));
    o.push_str(",\"pruritus\":");
    write_str(o, &form.scorad.pruritus);
    o.push_str(",\"sleep_loss\":");
    write_str(o, &form.scorad.sleep_loss);
    o.push_str("},\"map\":");
    list(o, &form.map.0, |o, bits| o.push_str(&bits.to_string()));
    o.push_str(",\"map_examined\":");
    o.push_str(if form.map_examined { "true" } else { "false" });
    o.push_str(",\"easi_bands\":");
    o.push_str(match form.easi_bands {
        EasiBands::Leshem2015 => "\"leshem_2015\"",
        EasiBands::Chopra2017 => "\"chopra_2017\"",
    });
    o.push_str(",\"scorad_bands\":");
    o.push_str(match form.scorad_bands {
        ScoradBands::Kunz1997 => "\"kunz_1997\"",
        ScoradBands::Chopra2017 => "\"chopra_2017\"",
    });
    let p = &form.patient;
    // Who answers as `proxy` (a parent or carer: true), absent while no one is chosen: a draft
    // written before the flow asked always had it, and the reader of those takes absent as false.
    o.push_str(",\"patient\":{");
    if p.answerer.is_some() {
        o.push_str(if p.proxy() { "\"proxy\":true," } else { "\"proxy\":false," });
    }
    o.push_str("\"parts\":{");
    let parts = [("itch", p.parts.itch), ("sleep", p.parts.sleep), ("scorad_c", p.parts.scorad_c), ("poem", p.parts.poem),
        ("dlqi", p.parts.dlqi), ("global", p.parts.global)];
    for (i, (name, on)) in parts.into_iter().enumerate() {
        comma(o, i);
        write_str(o, name);
        o.push_str(if on { ":true" } else { ":false" });
    }
    o.push_str("},\"itch\":");
    opt(o, p.itch);
    o.push_str(",\"sleep\":");
    opt(o, p.sleep);
    o.push_str(",\"poem\":");
    list(o, &p.poem, |o, a| opt(o, *a));
    o.push_str(",\"dlqi\":");
    list(o, &p.dlqi, |o, a| match a {
        None => o.push_str("null"),
        Some(DlqiAnswer::Score(points)) => o.push_str(&points.to_string()),
        Some(DlqiAnswer::NotRelevant) => o.push_str("\"not_relevant\""),
    });
    o.push_str(",\"dlqi7_not_prevented\":");
    o.push_str(if p.dlqi7_not_prevented { "true" } else { "false" });
    o.push_str(",\"status\":");
    opt(o, p.status);
    o.push_str(",\"effect\":");
    opt(o, p.effect);
    o.push_str(",\"pruritus_answered\":");
    o.push_str(if p.pruritus_answered { "true" } else { "false" });
    o.push_str(",\"sleep_loss_answered\":");
    o.push_str(if p.sleep_loss_answered { "true" } else { "false" });
    o.push_str("}}");
    out
}

fn comma(out: &mut String, index: usize) {
    if index > 0 {
        out.push(',');
    }
}

fn opt(out: &mut String, value: Option<u8>) {
    match value {
        Some(n) => out.push_str(&n.to_string()),
        None => out.push_str("null"),
    }
}

fn list<T>(out: &mut String, items: &[T], mut each: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        comma(out, i);
        each(out, item);
    }
    out.push(']');
}

/// Reads a draft's text as serde_json would read it into [`ExamForm`]: `age`, `easi` and
/// `scorad` are required, the rest defaults when absent, unknown members are ignored; `Err`
/// says what is wrong. One rule more than serde_json's: the patient's answers must be within
/// their scales (itch and sleep 0–10, POEM 0–4, status 0–4, effect 0–6).
pub fn decode(text: &str) -> Result<ExamForm, String> {
    let v = json::parse(text)?;
    if !matches!(v, Value::Object(_)) {
        return Err("a draft is a JSON object".into());
    }
    let need = |v: &'_ Value, name: &str| -> Result<Value, String> {
        v.get(name).cloned().ok_or_else(|| format!("missing field `{name}`"))
    };
    let text_or_default = |v: &Value, name: &str| v.get(name).map_or(Ok(String::new()), |x| x.str().map(String::from));
    let easi = need(&v, "easi")?;
    let mut regions = [EasiRegionForm::default(); 4];
    for (region, item) in regions.iter_mut().zip(easi.items::<4>()?) {
        region.area = optional(item.get("area"), u8::MAX)?;
        let signs = need(item, "signs")?;
        for (sign, s) in region.signs.iter_mut().zip(signs.items::<4>()?) {
            *sign = optional(Some(s), u8::MAX)?;
        }
    }
    let scorad = need(&v, "scorad")?;
    let mut form = ScoradForm::default();
    for (extent, e) in form.extent.iter_mut().zip(need(&scorad, "extent")?.items::<13>()?) {
        *extent = e.str()?.to_string();
    }
    for (grade, g) in form.intensity.iter_mut().zip(need(&scorad, "intensity")?.items::<6>()?) {
        *grade = optional(Some(g), u8::MAX)?;
    }
    form.pruritus = need(&scorad, "pruritus")?.str()?.to_string();
    form.sleep_loss = need(&scorad, "sleep_loss")?.str()?.to_string();
    let mut map = Painting::default();
    if let Some(cells) = v.get("map") {
        for (bits, b) in map.0.iter_mut().zip(cells.items::<13>()?) {
            *bits = b.uint(u32::MAX)?;
        }
    }
    Ok(ExamForm {
        age: need(&v, "age")?.str()?.to_string(),
        dob: text_or_default(&v, "dob")?,
        exam_date: text_or_default(&v, "exam_date")?,
        visit_patient: text_or_default(&v, "visit_patient")?,
        visit_label: text_or_default(&v, "visit_label")?,
        easi: regions,
        scorad: form,
        map,
        map_examined: v.get("map_examined").map_or(Ok(false), Value::bool)?,
        easi_bands: match v.get("easi_bands").map(Value::str).transpose()? {
            None | Some("leshem_2015") => EasiBands::Leshem2015,
            Some("chopra_2017") => EasiBands::Chopra2017,
            Some(other) => return Err(format!("unknown EASI bands `{other}`")),
        },
        scorad_bands: match v.get("scorad_bands").map(Value::str).transpose()? {
            None | Some("kunz_1997") => ScoradBands::Kunz1997,
            Some("chopra_2017") => ScoradBands::Chopra2017,
            Some(other) => return Err(format!("unknown SCORAD bands `{other}`")),
        },
        patient: match v.get("patient") {
            None => PatientForm::default(),
            Some(p) => patient(p)?,
        },
    })
}

/// `null` or absent → `None`; else a whole number 0…`max`.
fn optional(value: Option<&Value>, max: u8) -> Result<Option<u8>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(n) => n.uint(u32::from(max)).map(|n| Some(n as u8)),
    }
}

/// The patient's answers; every member defaults when absent (`#[serde(default)]`).
fn patient(p: &Value) -> Result<PatientForm, String> {
    if !matches!(p, Value::Object(_)) {
        return Err("`patient` is an object".into());
    }
    let flag = |name: &str| p.get(name).map_or(Ok(false), Value::bool);
    let answerer = match p.get("proxy") {
        None | Some(Value::Null) => None,
        Some(proxy) => Some(answerer_of_proxy(proxy.bool()?)),
    };
    let mut form = PatientForm {
        answerer,
        dlqi7_not_prevented: flag("dlqi7_not_prevented")?,
        pruritus_answered: flag("pruritus_answered")?,
        sleep_loss_answered: flag("sleep_loss_answered")?,
        ..PatientForm::default()
    };
    if let Some(parts) = p.get("parts") {
        let on = |name: &str| parts.get(name).ok_or_else(|| format!("missing field `{name}`")).and_then(Value::bool);
        form.parts = Parts { itch: on("itch")?, sleep: on("sleep")?, scorad_c: on("scorad_c")?, poem: on("poem")?, dlqi: on("dlqi")?, global: on("global")? };
    }
    // Each answer within its scale, or the draft is refused (and held, never lost): the form
    // would take an answer out of range as unanswered, and a POEM with one item unanswered
    // is scored with that item as 0 — a score made up from a value no one gave.
    form.itch = optional(p.get("itch"), 10)?;
    form.sleep = optional(p.get("sleep"), 10)?;
    form.status = optional(p.get("status"), GlobalRatings::STATUS_TOP)?;
    form.effect = optional(p.get("effect"), GlobalRatings::EFFECT_TOP)?;
    if let Some(poem) = p.get("poem") {
        for (answer, a) in form.poem.iter_mut().zip(poem.items::<7>()?) {
            *answer = optional(Some(a), 4)?;
        }
    }
    if let Some(dlqi) = p.get("dlqi") {
        for (i, (answer, a)) in form.dlqi.iter_mut().zip(dlqi.items::<10>()?).enumerate() {
            *answer = match a {
                Value::Null => None,
                // Items 1–2 offer no "not relevant": such a draft could never be saved as a visit.
                Value::Str(s) if s == "not_relevant" && crate::scoring::dlqi::offers_not_relevant(i) => Some(DlqiAnswer::NotRelevant),
                n => Some(DlqiAnswer::Score(n.uint(3).map_err(|_| "a DLQI answer is 0–3, \"not_relevant\" or null".to_string())? as u8)),
            };
        }
    }
    Ok(form)
}
