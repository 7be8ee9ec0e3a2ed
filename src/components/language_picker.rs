//! The language switch: available on every screen, remembered on the device.

use crate::components::use_strings;
use crate::i18n::Lang;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`LanguagePicker`].
#[derive(Properties, Clone, PartialEq)]
pub struct LanguagePickerProps {
    /// Called with the chosen language.
    pub onlang: Callback<Lang>,
}

/// A labelled select of the languages.
#[component]
pub fn LanguagePicker(props: &LanguagePickerProps) -> Html {
    let t = use_strings();
    let current = use_context::<Lang>().unwrap_or_default();
    let onchange = props.onlang.reform(|e: Event| Lang::from_tag(&e.target_unchecked_into::<HtmlSelectElement>().value()));
    html! {
        <label class="language">
            <span>{ t.language_label }</span>
            <select id="language" {onchange}>
                { for Lang::CHOICES.iter().map(|&lang| html! {
                    // Each language is named in itself.
                    <option value={lang.tag()} selected={lang == current} lang={lang.tag()}>{ lang.strings().lang_name }</option>
                }) }
            </select>
        </label>
    }
}
