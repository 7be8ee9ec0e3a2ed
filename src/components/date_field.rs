//! A labelled date entry (the device's own date picker), keeping exactly what was entered, and
//! the date read back in the app's language: the picker writes dates the device's way
//! (11/05/2026 on an English tablet), which a clinician using the app in another language, or
//! used to day-first dates, can misread.

use crate::components::use_strings;
use crate::i18n::fill;
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
    /// When the date is not accepted: the id of the message saying why (the input is then
    /// marked invalid and described by it).
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

/// A date input with its label and, once a date is entered, that date written out in the app's
/// language ("Date entered: 5 Nov 2026"; the input's description for screen readers).
#[component]
pub fn DateField(props: &DateFieldProps) -> Html {
    let t = use_strings();
    let onedit = props.onedit.clone();
    let onchange = Callback::from(move |e: Event| onedit.emit(e.target_unchecked_into::<HtmlInputElement>().value()));
    let entered = (!props.value.is_empty()).then(|| fill(t.date_entered, &[&t.date(&props.value)]));
    let note_id = format!("{}-entered", props.id);
    let described = [entered.as_ref().map(|_| note_id.as_str()), props.error.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ");
    html! {
        <div class={classes!("field", props.error.is_some().then_some("field--invalid"))}>
            <label for={props.id.clone()}>{ &props.label }</label>
            <input id={props.id.clone()} type="date" value={props.value.clone()} {onchange}
                aria-invalid={props.error.is_some().to_string()}
                aria-describedby={(!described.is_empty()).then_some(described)} />
            if let Some(entered) = entered {
                <p class="field__note" id={note_id}>{ entered }</p>
            }
        </div>
    }
}
