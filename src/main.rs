//! Browser entry point: starts the app; everything else lives in the library.
fn main() {
    adscore::start();
}
