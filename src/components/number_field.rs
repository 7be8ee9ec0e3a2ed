//! A labelled number entry that keeps exactly what was typed and shows why it is not
//! accepted; it never rewrites the user's text.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`NumberField`].
#[derive(Properties, Clone, PartialEq)]
pub struct NumberFieldProps {
    /// Element id.
    pub id: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// The text as typed.
    pub value: AttrValue,
    /// Whether decimals are allowed (chooses the on-screen keyboard).
    #[prop_or_default]
    pub decimal: bool,
    /// Hint shown under the label (allowed range).
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Why the text is not accepted, if it is not.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Shown greyed while the field is empty (e.g. the body map's value).
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    /// Called with the new text on every keystroke.
    pub onedit: Callback<String>,
}

/// A number input with label and error message.
#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let onedit = props.onedit.clone();
    let oninput = Callback::from(move |e: InputEvent| onedit.emit(e.target_unchecked_into::<HtmlInputElement>().value()));
    let error_id = format!("{}-error", props.id);
    let inputmode = if props.decimal { "decimal" } else { "numeric" };
    let hint_id = format!("{}-hint", props.id);
    let described = [props.hint.is_some().then_some(hint_id.as_str()), props.error.is_some().then_some(error_id.as_str())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        <div class={classes!("field", props.error.is_some().then_some("field--invalid"))}>
            <label for={props.id.clone()}>{ &props.label }</label>
            if let Some(hint) = &props.hint {
                <span class="field__hint" id={hint_id.clone()}>{ hint }</span>
            }
            <input id={props.id.clone()} type="text" inputmode={inputmode} autocomplete="off"
                value={props.value.clone()} placeholder={props.placeholder.clone()} {oninput}
                aria-invalid={props.error.is_some().to_string()}
                aria-describedby={(!described.is_empty()).then_some(described)} />
            if let Some(error) = &props.error {
                <p class="field__error" id={error_id}>{ error }</p>
            }
        </div>
    }
}
