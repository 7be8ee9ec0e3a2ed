//! adscore: atopic-dermatitis severity scores in the browser.
//!
//! `scoring` is the pure, natively tested core; `form`, `patient`, `bodymap` and `age` turn
//! raw entries into validated records; `state`, `draft`, `app` and `components` are the thin
//! Yew UI; `i18n` holds every visible string in each language, `content` the POEM text.

pub mod age;
pub mod app;
pub mod bodymap;
pub mod content;
pub mod components;
pub mod draft;
pub mod form;
pub mod history;
pub mod i18n;
pub mod json;
pub mod patient;
pub mod records;
pub mod scoring;
pub mod state;
pub mod store;

pub use app::App;

/// Starts the examination's module: its language's strings first (Korean's are a file of their
/// own, read once), then the app.
pub fn start() {
    components::intern_frequent();
    wasm_bindgen_futures::spawn_local(async {
        // On failure the app starts in English and says so.
        let _ = i18n::ready(draft::load_lang()).await;
        yew::Renderer::<App>::new().render();
    });
}
pub use scoring::{Assessment, Band, Score, ScoreError};
