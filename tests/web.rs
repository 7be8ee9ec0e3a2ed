//! Component tests: the real app mounted in headless Chromium, driven through the DOM.
#![cfg(target_arch = "wasm32")]

use adscore::draft::{DRAFT_KEY, UNREADABLE_PREFIX};
use adscore::scoring::{easi, scorad, Assessment, Score};
use adscore::App;
use gloo::utils::document;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, InputEvent, InputEventInit, PointerEvent, PointerEventInit};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

/// A mounted app in its own root, removed again on drop so radio groups never mix.
struct Mounted {
    root: Element,
    handle: Option<AppHandle<App>>,
}

impl Mounted {
    async fn new() -> Self {
        let root = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        let handle = yew::Renderer::<App>::with_root(root.clone()).render();
        yew::scheduler::flush().await;
        // The examination draws its entry sections after its first paint.
        after_paint().await;
        Self { root, handle: Some(handle) }
    }

    fn find(&self, selector: &str) -> Element {
        self.root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element {selector}"))
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector).text_content().unwrap_or_default().trim().to_string()
    }

    async fn click(&self, selector: &str) {
        self.find(selector).dyn_into::<HtmlElement>().unwrap().click();
        yew::scheduler::flush().await;
    }

    async fn type_text(&self, selector: &str, value: &str) {
        let input: HtmlInputElement = self.find(selector).dyn_into().unwrap();
        input.set_value(value);
        let init = InputEventInit::new();
        init.set_bubbles(true);
        input.dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
        yew::scheduler::flush().await;
    }

    /// A finger tap (pointer down and up) on an element, such as a body-map cell.
    async fn tap(&self, selector: &str) {
        let target = self.find(selector);
        for kind in ["pointerdown", "pointerup"] {
            let init = PointerEventInit::new();
            init.set_bubbles(true);
            init.set_cancelable(true);
            // A finger's or the mouse's pointer (the map paints with the primary pointer only).
            init.set_is_primary(true);
            target.dispatch_event(&PointerEvent::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
        }
        yew::scheduler::flush().await;
    }

    fn checked(&self, selector: &str) -> bool {
        self.find(selector).dyn_into::<HtmlInputElement>().unwrap().checked()
    }

    /// Picks an EASI region's area and four signs (signs in half points).
    async fn grade_region(&self, region: &str, area: u8, signs: [u8; 4]) {
        self.click(&format!("#easi-{region}-area-{area}")).await;
        for (sign, halves) in ["erythema", "edema_papulation", "excoriation", "lichenification"].iter().zip(signs) {
            self.click(&format!("#easi-{region}-{sign}-{halves}")).await;
        }
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

/// Resolves after the next paint and the task after it (as `adscore::app::after_next_paint`),
/// with Yew's pending renders done.
async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| adscore::app::after_next_paint(move || {
        let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
    }));
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    yew::scheduler::flush().await;
}

fn storage() -> web_sys::Storage {
    gloo::utils::window().local_storage().unwrap().unwrap()
}

fn clear_storage() {
    storage().clear().unwrap();
}

const EASI_EXAMPLE: &str = r#"{"instrument":"easi","age_years":34,"regions":{
  "head_neck":{"area":2,"erythema":1.5,"edema_papulation":1,"excoriation":0,"lichenification":2},
  "upper_limbs":{"area":0,"erythema":0,"edema_papulation":0,"excoriation":0,"lichenification":0},
  "trunk":{"area":3,"erythema":2,"edema_papulation":2,"excoriation":1,"lichenification":1},
  "lower_limbs":{"area":1,"erythema":1,"edema_papulation":1,"excoriation":0,"lichenification":0}}}"#;

#[wasm_bindgen_test]
async fn an_untouched_examination_shows_no_score_and_what_is_missing() {
    clear_storage();
    let app = Mounted::new().await;
    assert_eq!(app.text("[data-testid=easi-value]"), "not scored");
    assert_eq!(app.text("[data-testid=scorad-value]"), "not scored");
    assert!(app.text(".panel").contains("Head and neck — Erythema"));
    // No radio is pre-selected: nothing defaults to 0.
    assert!(app.root.query_selector("input[type=radio]:checked").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn grading_the_worked_example_by_taps_gives_the_cores_easi() {
    // Assemble
    clear_storage();
    let app = Mounted::new().await;
    let Score::Easi(expected) = Assessment::from_json(EASI_EXAMPLE).unwrap().score().unwrap() else { panic!() };
    // Act
    app.type_text("#age", "34").await;
    app.grade_region("head_neck", 2, [3, 2, 0, 4]).await;
    app.click("button[aria-label='Upper limbs: Region clear']").await;
    app.grade_region("trunk", 3, [4, 4, 2, 2]).await;
    assert_eq!(app.text("[data-testid=easi-value]"), "not scored", "lower limbs still missing");
    app.grade_region("lower_limbs", 1, [2, 2, 0, 0]).await;
    // Assert: 0.9 + 0 + 5.4 + 0.8 = 7.1, moderate — as the core computes it.
    assert_eq!(app.text("[data-testid=easi-value]"), expected.total.display_in_band(easi::band));
    assert_eq!(app.text("[data-testid=easi-value]"), "7.1");
    assert_eq!(app.text("[data-testid=easi-band]"), "moderate");
}

#[wasm_bindgen_test]
async fn age_across_8_changes_the_easi_weights() {
    clear_storage();
    let app = Mounted::new().await;
    app.type_text("#age", "8").await;
    // Only the head is involved: signs 12 × area 6 × weight.
    app.grade_region("head_neck", 6, [6, 6, 6, 6]).await;
    for region in ["upper_limbs", "trunk", "lower_limbs"] {
        app.click(&format!("#easi-{region} button")).await;
    }
    assert_eq!(app.text("[data-testid=easi-value]"), "7.2"); // × 0.1
    app.type_text("#age", "7").await;
    assert_eq!(app.text("[data-testid=easi-value]"), "14.4"); // × 0.2
}

#[wasm_bindgen_test]
async fn scorad_objective_first_then_total_when_c_arrives() {
    // Assemble: the issue's infant example (age 1): A 8.75, B 6, C 9.5.
    clear_storage();
    let app = Mounted::new().await;
    app.type_text("#age", "1").await;
    for segment in scorad::Segment::ALL {
        let value = match segment {
            scorad::Segment::HeadNeckFront => "50",
            scorad::Segment::TrunkFront => "25",
            _ => "0",
        };
        app.type_text(&format!("#extent-{}", segment.key()), value).await;
    }
    for (sign, grade) in scorad::Sign::ALL.iter().zip([2, 1, 0, 1, 0, 2]) {
        app.click(&format!("#scorad-{}-{grade}", sign.key())).await;
    }
    // Act / Assert: objective = 8.75/5 + 7×6/2 = 22.75; total waits for C.
    assert_eq!(app.text("[data-testid=objective-scorad-value]"), "22.8");
    assert_eq!(app.text("[data-testid=objective-scorad-band]"), "moderate");
    assert_eq!(app.text("[data-testid=scorad-value]"), "not scored");
    app.type_text("#scorad-pruritus", "6.5").await;
    assert_eq!(app.text("[data-testid=scorad-value]"), "not scored", "sleeplessness still missing");
    app.type_text("#scorad-sleep-loss", "3").await;
    assert_eq!(app.text("[data-testid=scorad-value]"), "32.3"); // 22.75 + 9.5 = 32.25
    assert_eq!(app.text("[data-testid=scorad-a]"), "A = 8.8");
}

#[wasm_bindgen_test]
async fn an_invalid_entry_is_kept_as_typed_and_explained() {
    clear_storage();
    let app = Mounted::new().await;
    app.type_text("#scorad-pruritus", "10.5").await;
    let input: HtmlInputElement = app.find("#scorad-pruritus").dyn_into().unwrap();
    assert_eq!(input.value(), "10.5");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(app.text("#scorad-pruritus-error").contains("from 0 to 10"));
}

#[wasm_bindgen_test]
async fn the_draft_survives_a_remount() {
    clear_storage();
    {
        let app = Mounted::new().await;
        app.type_text("#age", "12").await;
        app.click("#easi-trunk-area-4").await;
        app.type_text("#extent-genitals", "12.5").await;
    }
    assert!(storage().get_item(DRAFT_KEY).unwrap().is_some());
    let again = Mounted::new().await;
    let age: HtmlInputElement = again.find("#age").dyn_into().unwrap();
    assert_eq!(age.value(), "12");
    let area: HtmlInputElement = again.find("#easi-trunk-area-4").dyn_into().unwrap();
    assert!(area.checked());
    let genitals: HtmlInputElement = again.find("#extent-genitals").dyn_into().unwrap();
    assert_eq!(genitals.value(), "12.5");
}

#[wasm_bindgen_test]
async fn an_unreadable_draft_is_kept_and_reported_not_wiped() {
    clear_storage();
    storage().set_item(DRAFT_KEY, "{not json").unwrap();
    let app = Mounted::new().await;
    assert!(app.text("[role=alert]").contains("could not be read"));
    assert_eq!(storage().get_item(&format!("{UNREADABLE_PREFIX}1")).unwrap().as_deref(), Some("{not json"));
}

#[wasm_bindgen_test]
async fn map_cells_set_segment_and_region_shares_and_overrides_reset_to_the_map() {
    // Assemble
    clear_storage();
    let app = Mounted::new().await;
    app.type_text("#age", "30").await;
    // Act: tap 4 of the 20 front-trunk cells, then tap one again to clear it.
    for i in 0..4 {
        app.tap(&format!("[data-cell='6:{i}']")).await;
    }
    assert_eq!(app.text("[data-segment=trunk_front]"), "Trunk, front, 20 % affected");
    let painted = |app: &Mounted, i: u8| {
        app.find(&format!("[data-cell='6:{i}']")).get_attribute("class").unwrap().contains("map__cell--painted")
    };
    assert_eq!((0..6).map(|i| painted(&app, i)).collect::<Vec<_>>(), [true, true, true, true, false, false]);
    // 20 % × 18 = 3.6 % of the body; trunk region 33.4 % → 10.78 %, shown rounded down.
    assert_eq!(app.text("[data-region=trunk] span"), "Trunk (including genitals): 10.7 % → area score 2");
    app.tap("[data-cell='6:0']").await;
    assert_eq!(app.text("[data-segment=trunk_front]"), "Trunk, front, 15 % affected");
    assert!(!painted(&app, 0) && painted(&app, 1), "a second tap clears only that cell");
    // Assert: nothing from the map is used until the whole skin is confirmed examined.
    assert!(!app.checked("#easi-trunk-area-1"));
    app.click("#map input[type=checkbox]").await;
    assert!(app.checked("#easi-trunk-area-1")); // 2.7 / 33.4 = 8.1 % → 1
    // A picked area score overrides the map, is marked, and resets to the map's value.
    app.click("#easi-trunk-area-3").await;
    assert!(app.checked("#easi-trunk-area-3"));
    assert!(app.text("[data-testid=map-area-trunk]").contains("overrides the map"));
    app.click("[data-testid=map-area-trunk] button").await;
    assert!(app.checked("#easi-trunk-area-1"));
    // A typed percent overrides the map's, is marked, and resets to it.
    app.type_text("#extent-trunk_front", "50").await;
    assert!(app.text("[data-testid=override-trunk_front]").contains("(15 %)"));
    app.click("[data-testid=override-trunk_front] button").await;
    let field: HtmlInputElement = app.find("#extent-trunk_front").dyn_into().unwrap();
    assert_eq!(field.value(), "");
    assert_eq!(field.placeholder(), "map: 15");
    // The eraser only clears: a tap on an empty cell leaves it empty.
    app.click("#map .map__tools button:nth-child(2)").await;
    app.tap("[data-cell='6:10']").await;
    app.tap("[data-cell='6:1']").await;
    assert_eq!(app.text("[data-segment=trunk_front]"), "Trunk, front, 10 % affected");
}
