//! A bare Yew app for `make bench`: one map cell that is painted and cleared by a tap.

use yew::prelude::*;

#[component]
fn Bare() -> Html {
    let painted = use_state(|| false);
    let onpointerdown = {
        let painted = painted.clone();
        Callback::from(move |_: PointerEvent| painted.set(!*painted))
    };
    let class = if *painted { "map__cell map__cell--painted" } else { "map__cell" };
    html! {
        <svg width="40" height="40">
            <rect data-cell="0:0" {class} width="40" height="40" {onpointerdown} />
        </svg>
    }
}

fn main() {
    yew::Renderer::<Bare>::new().render();
}
