//! The examination draft in the browser's localStorage: saved on every change, restored on
//! load; an unreadable draft is kept aside, never overwritten or silently dropped.

use crate::form::ExamForm;
use crate::i18n::Lang;
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
}

/// Reads the saved draft.
pub fn load() -> Loaded {
    let Ok(Some(raw)) = LocalStorage::raw().get_item(DRAFT_KEY) else {
        return Loaded::Empty;
    };
    match serde_json::from_str::<ExamForm>(&raw) {
        Ok(form) => Loaded::Draft(form),
        Err(_) => {
            // Keep the raw text under the first free key; never replace an earlier copy.
            let storage = LocalStorage::raw();
            let key = (1..)
                .map(|n| format!("{UNREADABLE_PREFIX}{n}"))
                .find(|key| matches!(storage.get_item(key), Ok(None)))
                .expect("some key is free");
            let _ = storage.set_item(&key, &raw);
            Loaded::Unreadable(key)
        }
    }
}

/// Saves the draft; returns false when the browser refused (storage full or disabled).
pub fn save(form: &ExamForm) -> bool {
    LocalStorage::set(DRAFT_KEY, form).is_ok()
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
