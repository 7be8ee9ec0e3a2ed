//! The UI components, one file each under `components/`.

pub mod body_map;
pub mod date_field;
pub mod easi_entry;
pub mod grade_picker;
pub mod number_field;
pub mod scorad_entry;
pub mod score_panel;
