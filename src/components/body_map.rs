//! The body map: front and back views of our own figure (infant figure under 2 years); tap
//! a cell to paint it, tap again to clear, drag to paint across cells. Beside it, a list of
//! every segment with its painted percent for keyboard and screen-reader users.

use crate::bodymap::{parts, Painting, Part, View};
use crate::scoring::scorad::{AgeVariant, Segment};
use crate::state::Action;
use crate::text;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// Props of [`BodyMap`].
#[derive(Properties, Clone, PartialEq)]
pub struct BodyMapProps {
    /// The painted cells.
    pub painting: Painting,
    /// Which figure and weights to use.
    pub age: AgeVariant,
    /// Whether the clinician confirmed the whole skin was examined.
    pub examined: bool,
    /// Sends the user's changes.
    pub ondispatch: Callback<Action>,
}

/// Reads "segment:cell" from the element under a point, if it is a cell.
fn cell_at(x: i32, y: i32) -> Option<(Segment, u8)> {
    let element: Element = gloo::utils::document().element_from_point(x as f32, y as f32)?;
    parse_cell(&element)
}

fn parse_cell(element: &Element) -> Option<(Segment, u8)> {
    let data = element.get_attribute("data-cell")?;
    let (segment, index) = data.split_once(':')?;
    Some((*Segment::ALL.get(segment.parse::<usize>().ok()?)?, index.parse().ok()?))
}

fn draw_part(part: &Part, painting: &Painting) -> Html {
    let [x, y, w, h] = part.rect;
    let slot = Segment::ALL.iter().position(|&s| s == part.segment).unwrap_or(0);
    let (cw, ch) = (w / f32::from(part.cols), h / f32::from(part.rows));
    let clip = format!("clip-{slot}");
    let outline = |class: &'static str| html! {
        <rect {class} x={x.to_string()} y={y.to_string()} width={w.to_string()}
            height={h.to_string()} rx={part.round.to_string()} />
    };
    html! {
        <g class="map__part" clip-path={format!("url(#{clip})")}>
            <clipPath id={clip}>{ outline("map__clip") }</clipPath>
            { outline("map__outline") }
            { for (0..part.rows).flat_map(|row| (0..part.cols).map(move |col| (row, col))).map(|(row, col)| {
                let index = row * part.cols + col;
                let painted = painting.is_painted(part.segment, index);
                html! {
                    <rect class={classes!("map__cell", painted.then_some("map__cell--painted"))}
                        data-cell={format!("{slot}:{index}")}
                        x={(x + f32::from(col) * cw).to_string()} y={(y + f32::from(row) * ch).to_string()}
                        width={cw.to_string()} height={ch.to_string()} />
                }
            }) }
        </g>
    }
}

/// The body map card.
#[component]
pub fn BodyMap(props: &BodyMapProps) -> Html {
    // While a finger is down: whether the drag paints (true) or clears (false).
    let drag = use_mut_ref(|| None::<bool>);
    let painting = Rc::new(Cell::new(props.painting));
    painting.set(props.painting);

    let onpointerdown = {
        let (drag, dispatch, painting) = (drag.clone(), props.ondispatch.clone(), painting.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
            let Some((segment, index)) = parse_cell(&target) else { return };
            e.prevent_default();
            let paint = !painting.get().is_painted(segment, index);
            *drag.borrow_mut() = Some(paint);
            dispatch.emit(Action::PaintCell(segment, index, paint));
        })
    };
    let onpointermove = {
        let (drag, dispatch) = (drag.clone(), props.ondispatch.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(paint) = *drag.borrow() else { return };
            if let Some((segment, index)) = cell_at(e.client_x(), e.client_y()) {
                dispatch.emit(Action::PaintCell(segment, index, paint));
            }
        })
    };
    let onpointerend = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    let onexamined = {
        let dispatch = props.ondispatch.clone();
        let examined = props.examined;
        Callback::from(move |_: Event| dispatch.emit(Action::SetMapExamined(!examined)))
    };
    let onclear = props.ondispatch.reform(|_: MouseEvent| Action::ClearMap);
    let figure = parts(props.age);
    let view = |view: View, label: &'static str| {
        html! {
            <figure class="map__view">
                <svg viewBox="0 0 240 460" class="map__svg" role="img" aria-label={label}
                    onpointerdown={onpointerdown.clone()} onpointermove={onpointermove.clone()}
                    onpointerup={onpointerend.clone()} onpointercancel={onpointerend.clone()}
                    onpointerleave={onpointerend.clone()}>
                    { for figure.iter().filter(|p| p.view == view).map(|p| draw_part(p, &props.painting)) }
                </svg>
                <figcaption>{ label }</figcaption>
            </figure>
        }
    };
    html! {
        <section class="card" id="map" aria-labelledby="map-title">
            <h2 id="map-title">{ text::MAP_TITLE }</h2>
            <p class="intro">{ text::MAP_INTRO }</p>
            if props.age == AgeVariant::Under2 {
                <p class="note">{ text::MAP_INFANT }</p>
            }
            <div class="map">
                { view(View::Front, text::MAP_FRONT) }
                { view(View::Back, text::MAP_BACK) }
            </div>
            <div class="map__tools">
                <label class="check">
                    <input type="checkbox" checked={props.examined} onchange={onexamined} />
                    <span>{ text::MAP_EXAMINED }</span>
                </label>
                <button type="button" class="button button--quiet" onclick={onclear}>{ text::MAP_CLEAR }</button>
            </div>
            <ul class="map__list" aria-label={text::MAP_LIST}>
                { for Segment::ALL.iter().map(|&segment| html! {
                    <li data-segment={segment.key()}>
                        { text::segment_painted(segment, props.painting.segment_tenths(segment)) }
                    </li>
                }) }
            </ul>
        </section>
    }
}
