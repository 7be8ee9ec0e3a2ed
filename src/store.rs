//! The browser side of the visit history: IndexedDB through a small JS module
//! (`js/store.js`), file downloads and file reading. Everything stays on the device.

use crate::history::io::ImportError;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/store.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn load_history() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn load_generation() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn save_history(text: String, expected: Option<String>, next: String) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn keep_unreadable(text: String) -> Result<JsValue, JsValue>;
    fn watch_history();
    #[wasm_bindgen(catch)]
    async fn delete_set_aside() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = download)]
    fn js_download(name: &str, mime: &str, bytes: &[u8]);
    #[wasm_bindgen(catch)]
    async fn read_file(input: web_sys::HtmlInputElement, limit: f64) -> Result<JsValue, JsValue>;
}

/// A JS error (or thrown value) as a sentence.
pub(crate) fn message(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "storage error".into())
}

/// The stored history text, if any.
pub async fn load() -> Result<Option<String>, String> {
    load_history().await.map(|v| v.as_string()).map_err(message)
}

/// The token of the last write of the history (changed by every save, in the same
/// transaction), or `None` when there is none (never saved, or saved by a version of adscore
/// before tokens) or the store cannot be read.
pub async fn generation() -> Option<String> {
    load_generation().await.ok().and_then(|v| v.as_string())
}

/// A new token for a write of the history (unique enough: time and randomness).
pub fn new_generation() -> String {
    format!("{}-{}", js_sys::Date::now(), js_sys::Math::random().to_bits())
}

/// Saves the history text with the token `next` (one atomic transaction) if the stored token is
/// still `expected` (`None`: none yet), that is, if no one wrote the history since the copy
/// the text was made from was read. `Ok(false)`: someone did, and nothing was written.
pub async fn save(text: String, expected: Option<String>, next: String) -> Result<bool, String> {
    save_history(text, expected, next).await.map(|v| v.as_bool() == Some(true)).map_err(message)
}

/// The window event fired when another tab or window of this site has written the history
/// (once [`watch`] is called): IndexedDB has no `storage` event, so each write announces itself.
pub const WRITTEN_ELSEWHERE: &str = "adscore-history-written";

/// From now on, fires [`WRITTEN_ELSEWHERE`] on this window whenever another tab or window writes
/// the history (nothing where the browser has no `BroadcastChannel`).
pub fn watch() {
    watch_history();
}

/// Moves unreadable text aside; returns the key it is kept under.
pub async fn set_aside(text: String) -> Result<String, String> {
    keep_unreadable(text).await.map(|v| v.as_string().unwrap_or_default()).map_err(message)
}

/// Deletes every unreadable history [`set_aside`] kept; `Err` with why the browser refused.
pub async fn delete_all_set_aside() -> Result<(), String> {
    delete_set_aside().await.map(|_| ()).map_err(message)
}

/// Offers text as a download. Handed over as its UTF-8 bytes, copied once into the file
/// (not decoded into a JS string and encoded again: a 10,000-visit CSV is 7 MB).
pub fn download(name: &str, mime: &str, text: &str) {
    js_download(name, mime, text.as_bytes());
}

/// Reads the file chosen in a file input (`None` when none is chosen); `Err` when it is larger
/// than `limit` bytes (said before reading it) or the browser cannot read it.
pub async fn read(input: web_sys::HtmlInputElement, limit: usize) -> Result<Option<String>, ImportError> {
    read_file(input, limit as f64).await.map(|v| v.as_string()).map_err(|error| {
        match js_sys::Reflect::get(&error, &"tooLarge".into()).ok().and_then(|size| size.as_f64()) {
            Some(size) => ImportError::TooLarge { size: size as usize, limit },
            None => ImportError::Unreadable(message(error)),
        }
    })
}
