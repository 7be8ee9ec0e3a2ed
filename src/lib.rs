//! adscore: atopic-dermatitis severity scores in the browser.
//!
//! `scoring` is the pure, natively tested core; `form` turns raw form state into validated
//! records; `state`, `draft`, `app` and `components` are the thin Yew UI; `text` holds every
//! visible string.

pub mod age;
pub mod app;
pub mod bodymap;
pub mod components;
pub mod draft;
pub mod form;
pub mod scoring;
pub mod state;
pub mod text;

pub use app::App;
pub use scoring::{Assessment, Band, Score, ScoreError};
