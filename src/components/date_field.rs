//! A labelled date entry (the device's own date picker), keeping exactly what was entered.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`DateField`].
#[derive(Properties, Clone, PartialEq)]
pub struct DateFieldProps {
    /// Element id.
    pub id: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// The date as YYYY-MM-DD, or empty.
    pub value: AttrValue,
    /// Called with the new value.
    pub onedit: Callback<String>,
}

/// A date input with its label.
#[component]
pub fn DateField(props: &DateFieldProps) -> Html {
    let onedit = props.onedit.clone();
    let onchange = Callback::from(move |e: Event| onedit.emit(e.target_unchecked_into::<HtmlInputElement>().value()));
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ &props.label }</label>
            <input id={props.id.clone()} type="date" value={props.value.clone()} {onchange} />
        </div>
    }
}
