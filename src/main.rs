//! Browser entry point: mounts the app; everything else lives in the library.
fn main() {
    yew::Renderer::<adscore::App>::new().render();
}
