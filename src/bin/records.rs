//! The history screens' module (`adscore::records`), loaded by the examination when one of
//! them is first opened; built by `scripts/records-build.mjs`, not by Trunk.
use wasm_bindgen::prelude::*;

/// Mounts the history screens in `root`.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    adscore::records::mount(root);
}

/// Unmounts them.
#[wasm_bindgen]
pub fn unmount() {
    adscore::records::unmount();
}

fn main() {}
