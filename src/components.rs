//! The UI components, one file each under `components/`, and the hook that gives them the
//! strings of the chosen language.

use crate::i18n::{Lang, RecordsStrings, Strings};
use std::ops::Deref;
use std::rc::Rc;
use yew::prelude::*;

/// A large value shared between components without copying; props compare by identity, so a
/// component re-renders only when the value was replaced (a 10 000-visit history is never
/// compared or cloned on a keystroke).
#[derive(Debug)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

pub mod body_map;
pub mod date_field;
pub mod easi_entry;
pub mod grade_picker;
pub mod history_view;
pub mod language_picker;
pub mod number_field;
pub mod patient_flow;
pub mod patient_view;
pub mod print_view;
pub mod save_visit;
pub mod scorad_entry;
pub mod score_panel;

/// An alert: a problem the user must know about, announced by screen readers.
pub fn alert(text: impl Into<AttrValue>) -> Html {
    html! { <p class="alert" role="alert">{ text.into() }</p> }
}

/// Moves the keyboard focus to `element`, made focusable by script (`tabindex="-1"`) when it is
/// not already: a heading, a message or a list the user should go on from.
pub fn focus(element: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    if !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    let _ = element.unchecked_ref::<web_sys::HtmlElement>().focus();
}

/// POEM's copyright notice as its licence holder wrote it (English, content/poem.json),
/// introduced in the screen's language: wherever POEM's questions or scores are shown (the
/// patient's questions, a visit's worksheet, a patient's visits).
pub fn poem_notice(t: &RecordsStrings) -> Html {
    html! {
        <p class="notice" data-testid="poem-notice">
            { t.poem_notice_lead }{ " " }<span lang="en">{ &crate::content::poem_content().notice }</span>
        </p>
    }
}

/// A "Use map value" button's click: `action`, then the focus on the field it reset (element
/// `id`), as the button is gone once the field follows the map again.
pub fn reset_then_focus(dispatch: Callback<crate::state::Action>, action: crate::state::Action, id: String) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        dispatch.emit(action.clone());
        if let Some(field) = gloo::utils::document().get_element_by_id(&id) {
            focus(&field);
        }
    })
}

/// [`focus`] on `element` if the focus was lost: on the page's body, as when the control that
/// had it was removed or a new screen replaced the one that held it. A keyboard or
/// screen-reader user goes on from there instead of from the top of the page; a focus the user
/// put elsewhere is left alone.
pub fn focus_if_lost(element: &web_sys::Element) {
    let lost = gloo::utils::document().active_element().is_none_or(|active| active.tag_name().eq_ignore_ascii_case("body"));
    if lost {
        focus(element);
    }
}

/// On a screen's first draw, the focus (if lost) to its heading (`h1`): the new screen is
/// announced by its name, and Tab goes on from its top.
#[hook]
pub fn use_focus_heading() {
    use_effect_with((), |_| {
        if let Some(heading) = gloo::utils::document().query_selector("h1").ok().flatten() {
            focus_if_lost(&heading);
        }
    });
}

/// The browser tab's title: the screen's heading (`h1`, as drawn) and the app's name, so that
/// tabs, the browser's history and a worksheet saved as a PDF are told apart, in the language
/// shown ("Patient AD-017 · adscore").
pub fn title_from_heading() {
    let document = gloo::utils::document();
    if let Some(heading) = document.query_selector("h1").ok().flatten().and_then(|h| h.text_content()) {
        let title = format!("{} · adscore", heading.trim());
        if document.title() != title {
            document.set_title(&title);
        }
    }
}

/// After each draw of a history screen or the patient's flow: [`title_from_heading`].
#[hook]
pub fn use_title_from_heading() {
    use_effect(title_from_heading);
}

/// Alerts above a screen that draws its own column: in a column of the same width (`class`:
/// the screen's `app` classes), nothing when there are none.
pub fn alerts_above(class: &'static str, alerts: &[Html]) -> Html {
    if alerts.is_empty() {
        return html! {};
    }
    html! { <div class={classes!(class, "app--alerts")}>{ for alerts.iter().cloned() }</div> }
}

/// Attribute values the examination sends to the page hundreds of times (the pickers' classes
/// and input types). Interned once at start, each is then passed to the page as a cached string
/// instead of being copied and decoded again (wasm-bindgen's `enable-interning`, on in the
/// examination's module only: this crate's `interning` feature, set in index.html; Yew interns
/// attribute names the same way). A value left out of this list only costs speed.
const FREQUENT: &[&str] = &[
    "picker__option", "picker__detail", "picker__label", "picker__options", "picker__unset", "picker picker--unset",
    "radio", "field", "button", "button button--quiet", "text", "decimal", "off", "false", "true",
];

/// Interns [`FREQUENT`].
pub fn intern_frequent() {
    for text in FREQUENT {
        #[cfg(target_arch = "wasm32")]
        wasm_bindgen::intern(text);
        #[cfg(not(target_arch = "wasm32"))]
        let _ = text;
    }
}

/// The strings of the language chosen in the app (English outside one).
#[hook]
pub fn use_strings() -> &'static Strings {
    use_context::<Lang>().unwrap_or_default().strings()
}

/// The same, with the history module's own strings (its screens only: the examination's module
/// then leaves them out).
#[hook]
pub fn use_records_strings() -> &'static RecordsStrings {
    use_context::<Lang>().unwrap_or_default().records_strings()
}
