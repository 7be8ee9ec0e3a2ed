//! The body map: front and back views of our own figure (infant figure under 2 years). Tap a
//! cell to paint it, tap again (or use the eraser) to clear it, drag to paint across cells.
//! Keyboard: every segment is a slider in reading order — arrows paint or clear one cell,
//! Home/End clear or paint it all. Beside it, the live percent of every segment and region.

use crate::bodymap::{parts, Painting, Part, View};
use crate::scoring::easi::Region;
use crate::scoring::scorad::{AgeVariant, Segment};
use crate::state::Action;
use crate::components::use_strings;
use crate::i18n::{percent, Strings};
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

/// The keyboard's action on a focused segment.
fn key_action(key: &str, painting: &Painting, segment: Segment) -> Option<Action> {
    match key {
        "ArrowUp" | "ArrowRight" | "+" => painting.next_unpainted(segment).map(|i| Action::PaintCell(segment, i, true)),
        "ArrowDown" | "ArrowLeft" | "-" => painting.last_painted(segment).map(|i| Action::PaintCell(segment, i, false)),
        "End" => Some(Action::PaintSegment(segment, true)),
        "Home" => Some(Action::PaintSegment(segment, false)),
        _ => None,
    }
}

/// Props of [`MapPart`].
#[derive(Properties, Clone, PartialEq)]
pub struct MapPartProps {
    /// The drawn part.
    pub part: Part,
    /// Its painted cells (one bit each).
    pub bits: u32,
    /// Sends the user's changes.
    pub ondispatch: Callback<Action>,
}

/// One body part; re-renders only when its own cells change.
#[component]
pub fn MapPart(props: &MapPartProps) -> Html {
    let t = use_strings();
    let mut painting = Painting::default();
    let slot = Segment::ALL.iter().position(|&s| s == props.part.segment).unwrap_or(0);
    painting.0[slot] = props.bits;
    // Positions and keys are the same on every render: worked out once, not on every tap.
    let geometry = use_memo(props.part, |part| Geometry::of(part));
    draw_part(t, &props.part, &geometry, &painting, &props.ondispatch)
}

/// A drawing coordinate as SVG text, to 1/100 of a unit, with integer arithmetic only (no
/// float formatting code in the module): 12.5 → "12.5", 16.666… → "16.67", 40 → "40".
pub fn coordinate(value: f32) -> AttrValue {
    let hundredths = (value * 100.0).round() as u32;
    let (whole, part) = (hundredths / 100, hundredths % 100);
    let text = match part {
        0 => whole.to_string(),
        p if p % 10 == 0 => format!("{whole}.{}", p / 10),
        p => format!("{whole}.{p:02}"),
    };
    // A few dozen values, each sent for many cells.
    crate::components::intern(&text);
    AttrValue::from(text)
}

/// The fixed attributes of a part's outline and cells.
#[derive(PartialEq)]
struct Geometry {
    /// x, y, width, height and corner rounding of the outline.
    outline: [AttrValue; 5],
    /// Cell width and height.
    cell: [AttrValue; 2],
    /// Each cell's x, y and `data-cell` key, in bit order.
    cells: Vec<[AttrValue; 3]>,
    /// The clip path's id, and its `url(#…)`.
    clip: [AttrValue; 2],
}

impl Geometry {
    fn of(part: &Part) -> Geometry {
        let [x, y, w, h] = part.rect;
        let slot = Segment::ALL.iter().position(|&s| s == part.segment).unwrap_or(0);
        let (cw, ch) = (w / f32::from(part.cols), h / f32::from(part.rows));
        let cells = (0..part.rows)
            .flat_map(|row| (0..part.cols).map(move |col| (row, col)))
            .map(|(row, col)| {
                let index = row * part.cols + col;
                [
                    coordinate(x + f32::from(col) * cw),
                    coordinate(y + f32::from(row) * ch),
                    AttrValue::from(format!("{slot}:{index}")),
                ]
            })
            .collect();
        Geometry {
            outline: [coordinate(x), coordinate(y), coordinate(w), coordinate(h), coordinate(part.round)],
            cell: [coordinate(cw), coordinate(ch)],
            cells,
            clip: [AttrValue::from(format!("clip-{slot}")), AttrValue::from(format!("url(#clip-{slot})"))],
        }
    }
}

fn draw_part(t: &Strings, part: &Part, geometry: &Geometry, painting: &Painting, ondispatch: &Callback<Action>) -> Html {
    let [x, y, w, h, round] = &geometry.outline;
    let [cw, ch] = &geometry.cell;
    let outline = |class: &'static str| html! {
        <rect {class} x={x.clone()} y={y.clone()} width={w.clone()} height={h.clone()} rx={round.clone()} />
    };
    let tenths = painting.segment_tenths(part.segment);
    let onkeydown = {
        let (painting, segment, dispatch) = (*painting, part.segment, ondispatch.clone());
        Callback::from(move |e: KeyboardEvent| {
            if let Some(action) = key_action(&e.key(), &painting, segment) {
                e.prevent_default();
                dispatch.emit(action);
            }
        })
    };
    html! {
        <g class="map__part" tabindex="0" role="slider" data-segment-slider={part.segment.key()}
            aria-label={t.segment(part.segment)} aria-valuemin="0" aria-valuemax="100"
            aria-valuenow={percent(tenths)} aria-valuetext={t.segment_painted(part.segment, tenths)}
            {onkeydown}>
            <clipPath id={geometry.clip[0].clone()}>{ outline("map__clip") }</clipPath>
            { outline("map__outline") }
            <g clip-path={geometry.clip[1].clone()}>
                { for geometry.cells.iter().enumerate().map(|(index, [cx, cy, key])| {
                    let painted = painting.is_painted(part.segment, index as u8);
                    let class = if painted { "map__cell map__cell--painted" } else { "map__cell" };
                    html! {
                        <rect {class} data-cell={key.clone()} x={cx.clone()} y={cy.clone()}
                            width={cw.clone()} height={ch.clone()} />
                    }
                }) }
            </g>
            { outline("map__focus") }
        </g>
    }
}

/// The body map card.
#[component]
pub fn BodyMap(props: &BodyMapProps) -> Html {
    // While a finger is down: whether the drag paints (true) or clears (false).
    let t = use_strings();
    let drag = use_mut_ref(|| None::<bool>);
    let erasing = use_state(|| false);
    let painting = Rc::new(props.painting);

    let onpointerdown = {
        let (drag, dispatch, painting, erasing) = (drag.clone(), props.ondispatch.clone(), painting.clone(), *erasing);
        Callback::from(move |e: PointerEvent| {
            let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
            let Some((segment, index)) = parse_cell(&target) else { return };
            e.prevent_default();
            // Tap toggles; the eraser only ever clears.
            let paint = !erasing && !painting.is_painted(segment, index);
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
    let tool = |erase: bool, label: &'static str| {
        let erasing = erasing.clone();
        html! {
            <button type="button" class={classes!("button", (*erasing != erase).then_some("button--quiet"))}
                aria-pressed={(*erasing == erase).to_string()} onclick={Callback::from(move |_: MouseEvent| erasing.set(erase))}>
                { label }
            </button>
        }
    };
    let figure = parts(props.age);
    let view = |view: View, label: &'static str| {
        html! {
            <figure class="map__view">
                <svg viewBox="0 0 240 460" class={classes!("map__svg", erasing.then_some("map__svg--erasing"))}
                    role="group" aria-label={label}
                    onpointerdown={onpointerdown.clone()} onpointermove={onpointermove.clone()}
                    onpointerup={onpointerend.clone()} onpointercancel={onpointerend.clone()}
                    onpointerleave={onpointerend.clone()}>
                    { for figure.iter().filter(|p| p.view == view).map(|p| html! {
                        <MapPart key={p.segment.key()} part={*p} bits={props.painting.0[Segment::ALL.iter().position(|&s| s == p.segment).unwrap_or(0)]}
                            ondispatch={props.ondispatch.clone()} />
                    }) }
                </svg>
                <figcaption>{ label }</figcaption>
            </figure>
        }
    };
    html! {
        <section class="card" id="map" aria-labelledby="map-title">
            <h2 id="map-title">{ t.map_title }</h2>
            <p class="intro">{ t.map_intro }</p>
            <p class="note">{ t.map_keyboard }</p>
            if props.age == AgeVariant::Under2 {
                <p class="note">{ t.map_infant }</p>
            }
            <div class="map__tools" role="toolbar" aria-label={t.map_tools}>
                { tool(false, t.map_paint) }
                { tool(true, t.map_erase) }
                <button type="button" class="button button--quiet" onclick={props.ondispatch.reform(|_: MouseEvent| Action::ClearMap)}>
                    { t.map_clear }
                </button>
            </div>
            <div class="map">
                { view(View::Front, t.map_front) }
                { view(View::Back, t.map_back) }
            </div>
            <label class="check">
                <input type="checkbox" checked={props.examined} onchange={onexamined} />
                <span>{ t.map_examined }</span>
            </label>
            if !props.examined {
                <p class="note">{ t.map_not_used }</p>
            }
            <h3>{ t.map_regions }</h3>
            <ul class="map__regions">
                { for Region::ALL.iter().map(|&region| {
                    let tenths = props.painting.region_tenths(region, props.age);
                    let score = props.painting.area_score(region, props.age).get();
                    html! {
                        <li data-region={region.key()}>
                            <span>{ t.region_painted(region, tenths, score) }</span>
                            <button type="button" class="button button--quiet button--small"
                                aria-label={crate::i18n::fill(t.clear_map_region, &[&t.region(region)])}
                                onclick={props.ondispatch.reform(move |_: MouseEvent| Action::ClearMapRegion(region))}>
                                { t.map_clear_region }
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <h3>{ t.map_list }</h3>
            <ul class="map__list">
                { for Segment::ALL.iter().map(|&segment| html! {
                    <li data-segment={segment.key()}>
                        { t.segment_painted(segment, props.painting.segment_tenths(segment)) }
                    </li>
                }) }
            </ul>
        </section>
    }
}

#[cfg(test)]
mod coordinate_tests {
    use super::coordinate;

    #[test]
    fn coordinates_are_written_to_a_hundredth_without_trailing_zeros() {
        // Assemble: drawing units as the parts' cells produce them.
        let cases = [(40.0, "40"), (12.5, "12.5"), (50.0 / 3.0, "16.67"), (0.05, "0.05"), (9.999, "10"), (107.25, "107.25")];
        for (value, text) in cases {
            // Act / Assert
            assert_eq!(coordinate(value).as_str(), text, "{value}");
        }
    }
}
