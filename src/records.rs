//! The history screens (patients and cohort, files, one patient over time, the worksheet) as a
//! module of their own, loaded the first time one of them is opened, so that the examination
//! starts with less to download and compile.
//!
//! The examination's side is [`RecordsHost`]: it loads `records-….js` (named in the page's
//! `<meta name="adscore-records">`, built by `scripts/records-build.mjs`) through
//! `js/records.js` and mounts it. The module's side is [`mount`] / [`unmount`], exported by
//! `src/bin/records.rs`: the [`Records`] root reads the stored history itself and follows the
//! location hash, like the examination.

use crate::app::{read_history, save_history, use_screen, Screen, Stored};
use crate::components::history_view::HistoryView;
use crate::components::patient_view::PatientView;
use crate::components::print_view::PrintView;
use crate::components::use_strings;
use crate::i18n::{fill, Lang};
use crate::draft;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen(module = "/js/records.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn open_records(root: web_sys::Element) -> Result<JsValue, JsValue>;
    fn close_records();
}

/// Where the history screens go: loads their module (once) and mounts it while shown.
#[component]
pub fn RecordsHost() -> Html {
    let t = use_strings();
    let root = use_node_ref();
    let state = use_state(|| None::<Result<(), String>>);
    {
        let (root, state) = (root.clone(), state.clone());
        use_effect_with((), move |_| {
            if let Some(element) = root.cast::<web_sys::Element>() {
                yew::platform::spawn_local(async move {
                    let opened = open_records(element).await.map(|_| ()).map_err(crate::store::message);
                    state.set(Some(opened));
                });
            }
            close_records
        });
    }
    html! {
        <>
            <div ref={root}></div>
            { match &*state {
                None => html! { <div class="app"><p role="status">{ t.loading }</p></div> },
                Some(Err(why)) => html! {
                    <div class="app">
                        <p class="alert" role="alert">{ fill(t.history_problem, &[why]) }</p>
                        <a class="button" href="#">{ t.back_to_exam }</a>
                    </div>
                },
                Some(Ok(())) => html! {},
            } }
        </>
    }
}

/// The root of the history screens.
#[component]
pub fn Records() -> Html {
    let lang = use_state(draft::load_lang);
    let screen = use_screen();
    let stored = use_state(|| Stored::Loading);
    let notice = use_state(|| None::<String>);
    {
        let stored = stored.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                // Unreadable text was already set aside and offered by the examination.
                stored.set(read_history().await.map_or_else(|(_, why)| Stored::Unavailable(why), Stored::Ready));
            });
        });
    }
    {
        // The examination may change the language while this module sleeps.
        let lang = lang.clone();
        use_effect_with((*screen).clone(), move |_| lang.set(draft::load_lang()));
    }
    let onchange = save_history(stored.clone(), notice.clone());
    let t = lang.strings();
    let alerts = html! {
        <>
            if let Some(why) = (*notice).clone() {
                <p class="alert" role="alert">{ fill(t.history_problem, &[&why]) }</p>
            }
            if let Stored::Unavailable(why) = &*stored {
                <p class="alert" role="alert">{ fill(t.history_problem, &[why]) }</p>
                <a class="button" href="#">{ t.back_to_exam }</a>
            }
        </>
    };
    let body = match ((*screen).clone(), stored.ready()) {
        (_, None) => html! { <div class="app">{ alerts }<p role="status">{ t.loading }</p></div> },
        (Screen::History, Some(history)) => html! { <>{ alerts }<HistoryView {history} {onchange} /></> },
        (Screen::PatientHistory(code), Some(history)) => html! { <>{ alerts }<PatientView {history} {code} {onchange} /></> },
        (Screen::Print(id), Some(history)) => html! { <PrintView {history} {id} /> },
        // The examination is taking over.
        (Screen::Exam | Screen::Patient { .. }, Some(_)) => html! {},
    };
    html! { <ContextProvider<Lang> context={*lang}>{ body }</ContextProvider<Lang>> }
}

thread_local! {
    static MOUNTED: RefCell<Option<yew::AppHandle<Records>>> = const { RefCell::new(None) };
}

/// Mounts the history screens in `root` (replacing any mounted before).
pub fn mount(root: web_sys::Element) {
    unmount();
    let handle = yew::Renderer::<Records>::with_root(root).render();
    MOUNTED.with(|m| *m.borrow_mut() = Some(handle));
}

/// Unmounts the history screens, if mounted.
pub fn unmount() {
    if let Some(handle) = MOUNTED.with(|m| m.borrow_mut().take()) {
        handle.destroy();
    }
}
