//! The UI components, one file each under `components/`, and the hook that gives them the
//! strings of the chosen language.

use crate::i18n::{Lang, Strings};
use yew::prelude::*;

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

/// The strings of the language chosen in the app (English outside one).
#[hook]
pub fn use_strings() -> &'static Strings {
    use_context::<Lang>().unwrap_or_default().strings()
}
