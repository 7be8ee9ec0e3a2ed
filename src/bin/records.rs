//! The history screens' and the patient's flow's module (`adscore::records`), loaded by the
//! examination when one of them is first opened or a visit is saved; built by `scripts/records-build.mjs`, not by Trunk.
//! It has the Korean strings built in (the examination's module reads them from a file).
use wasm_bindgen::prelude::*;

/// Mounts the history screens in `root`.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    adscore::records::mount(root);
}

/// Mounts the patient's flow over the examination `exam` (its JSON) in `root`.
#[wasm_bindgen]
pub fn mount_patient(root: web_sys::Element, exam: String, from_exam: bool) -> Result<(), JsValue> {
    adscore::records::mount_patient(root, &exam, from_exam).map_err(JsValue::from)
}

/// Unmounts them (the patient's flow hands the examination back).
#[wasm_bindgen]
pub fn unmount() {
    adscore::records::unmount();
}

/// Files the examination `exam` (the draft's JSON) as a visit; resolves to `[message, code]`:
/// the message to show and the patient code the visit is filed under; rejects with why nothing
/// was saved.
#[wasm_bindgen]
pub async fn save_visit(exam: String, code: String, label: String) -> Result<JsValue, JsValue> {
    let (message, code) = adscore::records::save_visit(&exam, &code, &label).await?;
    Ok(js_sys::Array::of2(&message.into(), &code.into()).into())
}

/// `[codes, labels]`: the patient codes and study labels in the stored history.
#[wasm_bindgen]
pub async fn suggestions() -> Result<JsValue, JsValue> {
    let (codes, labels) = adscore::records::suggestions().await;
    let list = |items: Vec<String>| items.into_iter().map(JsValue::from).collect::<js_sys::Array>();
    Ok(js_sys::Array::of2(&list(codes), &list(labels)).into())
}

/// Runs when the module is instantiated, before any of the above is called.
fn main() {
    adscore::i18n::use_builtin_korean();
}
