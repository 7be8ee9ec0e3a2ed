//! Questionnaire text that is not ours, read from `content/` (kept apart under its own
//! terms): POEM, © The University of Nottingham, free for non-commercial use.

use crate::i18n::Lang;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// POEM in one language.
#[derive(Clone, Debug, Deserialize)]
pub struct PoemText {
    /// Whether this wording is a validated translation (English is the original).
    pub validated: bool,
    /// Title.
    pub title: String,
    /// Instructions.
    pub intro: String,
    /// The five answers: no days … every day.
    pub answers: [String; 5],
    /// The seven questions, self-completion wording.
    #[serde(rename = "self")]
    pub self_report: [String; 7],
    /// The seven questions, caregiver-proxy wording.
    pub proxy: [String; 7],
}

/// The POEM content file.
#[derive(Clone, Debug, Deserialize)]
pub struct PoemContent {
    /// Copyright and terms, shown with the questionnaire.
    pub notice: String,
    /// Text per language tag.
    pub languages: HashMap<String, PoemText>,
}

/// The POEM content, parsed once.
pub fn poem_content() -> &'static PoemContent {
    static POEM: OnceLock<PoemContent> = OnceLock::new();
    POEM.get_or_init(|| serde_json::from_str(include_str!("../content/poem.json")).expect("content/poem.json is valid"))
}

/// POEM in a language (English where there is none, and for the pseudo-locale).
pub fn poem(lang: Lang) -> &'static PoemText {
    let content = poem_content();
    content.languages.get(lang.tag()).unwrap_or_else(|| &content.languages["en"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poem_has_every_item_in_every_language_with_the_notice() {
        assert!(poem_content().notice.contains("© The University of Nottingham"));
        for lang in Lang::CHOICES {
            let text = poem(lang);
            for line in text.self_report.iter().chain(&text.proxy).chain(&text.answers) {
                assert!(!line.trim().is_empty(), "{lang:?}");
            }
        }
        assert!(poem(Lang::En).validated);
        assert!(!poem(Lang::Ko).validated, "our Korean wording is not a validated translation");
    }
}
