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
    let onchange = {
        let onlang = props.onlang.clone();
        Callback::from(move |e: Event| {
            let select = e.target_unchecked_into::<HtmlSelectElement>();
            onlang.emit(Lang::from_tag(&select.value()));
            // The switch shows the language on screen until the app has changed it, so that a
            // language that could not be loaded can be chosen again.
            select.set_value(current.tag());
        })
    };
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect(move || {
            if let Some(select) = select.cast::<HtmlSelectElement>() {
                select.set_value(current.tag());
            }
        });
    }
    html! {
        <label class="language">
            <span>{ t.language_label }</span>
            <select id="language" ref={select} {onchange}>
                { for Lang::CHOICES.iter().map(|&lang| html! {
                    // Each language is named in itself.
                    <option value={lang.tag()} selected={lang == current} lang={lang.tag()}>{ lang.name() }</option>
                }) }
            </select>
        </label>
    }
}
