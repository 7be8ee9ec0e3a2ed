//! The body map: front and back views of our own figure (infant figure under 2 years). Tap a
//! cell to paint it, tap again (or use the eraser) to clear it, drag to paint across cells.
//! Keyboard: every segment is a slider in reading order — arrows paint or clear one cell,
//! Home/End clear or paint it all. Beside it, the live percent of every segment and region.

use crate::bodymap::{parts, Painting, Part, View};
use crate::scoring::easi::Region;
use crate::scoring::scorad::{AgeVariant, Segment};
use crate::state::Action;
use crate::components::use_strings;
use crate::i18n::percent;
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

/// The square of a part's grid under (`x`, `y`) when the press landed in the part's box but on
/// no drawn square: on the part's outline, or in a corner its rounding cuts off. A corner square
/// of a rounded part (the head's) is drawn only in part, its middle outside the outline; on a
/// tablet's small squares a finger aimed at it landed beside it and could not paint it.
fn square_in_box(target: &Element, x: i32, y: i32) -> Option<(Segment, u8)> {
    use wasm_bindgen::JsCast;
    let (x, y) = (f64::from(x), f64::from(y));
    let inside = |e: &Element| {
        let r = e.get_bounding_client_rect();
        x >= r.left() && x < r.right() && y >= r.top() && y < r.bottom()
    };
    let outlines = target.closest("svg").ok()??.query_selector_all(".map__outline").ok()?;
    (0..outlines.length())
        .filter_map(|i| outlines.item(i)?.dyn_into::<Element>().ok())
        .find(|outline| inside(outline))
        .and_then(|outline| {
            // The part's squares follow its outline, in its clipped group.
            let squares = outline.next_element_sibling()?.children();
            (0..squares.length()).filter_map(|i| squares.item(i)).find(|square| inside(square)).and_then(|square| parse_cell(&square))
        })
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
///
/// Its drawing (clip, outline, cells, focus ring) is one piece of markup, worked out once per
/// figure and handed to the browser's parser in one call, instead of a node and six attributes
/// per cell built one call at a time: on a slow tablet that is most of the examination's first
/// render (322 of its first screen's ~420 elements; `make bench`, docs/performance.md). The
/// markup carries the painting it was made with; later taps change only the `class` of the
/// cells whose bit changed (an effect after each render), so a cell keeps its node and nothing
/// else on the map moves. The markup is our own numbers and fixed names only, never typed text.
#[component]
pub fn MapPart(props: &MapPartProps) -> Html {
    let t = use_strings();
    let mut painting = Painting::default();
    let slot = Segment::ALL.iter().position(|&s| s == props.part.segment).unwrap_or(0);
    painting.0[slot] = props.bits;
    let node = use_node_ref();
    // The cells as the browser has them: the bits the markup or the last sync drew.
    let drawn = use_mut_ref(|| props.bits);
    let markup = {
        let (bits, drawn) = (props.bits, drawn.clone());
        use_memo(props.part, move |part| {
            *drawn.borrow_mut() = bits;
            AttrValue::from(part_markup(part, slot, bits))
        })
    };
    {
        let node = node.clone();
        use_effect_with((props.part, props.bits), move |&(_, bits)| {
            let mut drawn = drawn.borrow_mut();
            if let Some(part) = node.cast::<Element>() {
                sync_cells(&part, slot, *drawn ^ bits, bits);
            }
            *drawn = bits;
        });
    }
    let tenths = painting.segment_tenths(props.part.segment);
    let onkeydown = {
        let (segment, dispatch) = (props.part.segment, props.ondispatch.clone());
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let action = key_action(&key, &painting, segment);
            // A slider's keys move the slider, never the page: also at either end (nothing left to
            // paint or clear), and Space, which a slider does not use (it scrolled the page a
            // screen down, taking the focused figure out of sight).
            if action.is_some() || matches!(key.as_str(), "ArrowUp" | "ArrowRight" | "ArrowDown" | "ArrowLeft" | "Home" | "End" | " " | "PageUp" | "PageDown") {
                e.prevent_default();
            }
            if let Some(action) = action {
                dispatch.emit(action);
            }
        })
    };
    let segment = props.part.segment;
    html! {
        <g class="map__part" tabindex="0" role="slider" data-segment-slider={segment.key()} ref={node}
            aria-label={t.segment(segment)} aria-valuemin="0" aria-valuemax="100"
            aria-valuenow={percent(tenths)} aria-valuetext={t.segment_painted(segment, tenths)}
            {onkeydown}>
            { Html::from_html_unchecked((*markup).clone()) }
        </g>
    }
}

/// The class of a cell, painted or not.
fn cell_class(painted: bool) -> &'static str {
    if painted { "map__cell map__cell--painted" } else { "map__cell" }
}

/// Sets the class of the cells of `part` (the part's `<g>`, segment number `slot`) whose bit is
/// set in `changed` to what `bits` says.
fn sync_cells(part: &Element, slot: usize, changed: u32, bits: u32) {
    for index in (0..32u8).filter(|i| changed & (1 << i) != 0) {
        if let Ok(Some(cell)) = part.query_selector(&format!("[data-cell='{slot}:{index}']")) {
            let _ = cell.set_attribute("class", cell_class(bits & (1 << index) != 0));
        }
    }
}

/// A drawing coordinate as SVG text, to 1/100 of a unit, with integer arithmetic only (no
/// float formatting code in the module): 12.5 → "12.5", 16.666… → "16.67", 40 → "40".
pub fn coordinate(value: f32) -> String {
    let hundredths = (value * 100.0).round() as u32;
    let (whole, part) = (hundredths / 100, hundredths % 100);
    match part {
        0 => whole.to_string(),
        p if p % 10 == 0 => format!("{whole}.{}", p / 10),
        p => format!("{whole}.{p:02}"),
    }
}

/// The drawing inside a part's `<g>`: its clip path (id `clip-{slot}`), outline, cells (one
/// `<rect data-cell="{slot}:{index}">` each, in bit order, painted as `bits` says) and focus
/// ring. SVG markup, parsed by the browser in the part's namespace.
pub fn part_markup(part: &Part, slot: usize, bits: u32) -> String {
    use std::fmt::Write;
    let [x, y, w, h] = part.rect;
    let box_attrs = format!(
        "x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\"",
        coordinate(x), coordinate(y), coordinate(w), coordinate(h), coordinate(part.round)
    );
    let (cw, ch) = (w / f32::from(part.cols), h / f32::from(part.rows));
    let size = format!("width=\"{}\" height=\"{}\"", coordinate(cw), coordinate(ch));
    let mut out = format!(
        "<clipPath id=\"clip-{slot}\"><rect class=\"map__clip\" {box_attrs}/></clipPath>\
         <rect class=\"map__outline\" {box_attrs}/><g clip-path=\"url(#clip-{slot})\">"
    );
    for row in 0..part.rows {
        for col in 0..part.cols {
            let index = row * part.cols + col;
            let _ = write!(
                out,
                "<rect class=\"{}\" data-cell=\"{slot}:{index}\" x=\"{}\" y=\"{}\" {size}/>",
                cell_class(bits & (1 << index) != 0),
                coordinate(x + f32::from(col) * cw),
                coordinate(y + f32::from(row) * ch),
            );
        }
    }
    let _ = write!(out, "</g><rect class=\"map__focus\" {box_attrs}/>");
    out
}

/// The body map card.
#[component]
pub fn BodyMap(props: &BodyMapProps) -> Html {
    // While a finger is down: whether the drag paints (true) or clears (false).
    let t = use_strings();
    let drag = use_mut_ref(|| None::<bool>);
    // With the paint tool, a painted cell pressed: cleared when the finger lifts there (a tap),
    // kept when the finger moves on to another cell (a drag that paints on from a painted patch).
    let lifted_clears = use_mut_ref(|| None::<(Segment, u8)>);
    let erasing = use_state(|| false);
    let large = use_state(|| false);
    let painting = Rc::new(props.painting);

    let onpointerdown = {
        let (drag, lifted_clears) = (drag.clone(), lifted_clears.clone());
        let (dispatch, painting, erasing) = (props.ondispatch.clone(), painting.clone(), *erasing);
        Callback::from(move |e: PointerEvent| {
            // One finger, the mouse's main button or a pen paints: not a second finger (a thumb
            // steadying the tablet keeps its stroke), nor a right click for the browser's menu.
            if !e.is_primary() || e.button() != 0 {
                return;
            }
            let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
            // A finger is held by the square it lands on (implicit capture): let go, so that its
            // stroke ends when it leaves the figure, as the mouse's does (not on the other figure).
            let _ = target.release_pointer_capture(e.pointer_id());
            let Some((segment, index)) = parse_cell(&target).or_else(|| square_in_box(&target, e.client_x(), e.client_y())) else {
                // Down beside a part (its outline, the space between limbs): nothing changes yet,
                // but a drag from here paints (or, with the eraser, clears) the cells it crosses.
                *drag.borrow_mut() = Some(!erasing);
                return;
            };
            e.prevent_default();
            // The paint tool paints, and a tap on a painted cell clears it (on lifting); the
            // eraser only ever clears.
            *drag.borrow_mut() = Some(!erasing);
            if erasing || !painting.is_painted(segment, index) {
                dispatch.emit(Action::PaintCell(segment, index, !erasing));
            } else {
                *lifted_clears.borrow_mut() = Some((segment, index));
            }
        })
    };
    let onpointermove = {
        let (drag, lifted_clears, dispatch) = (drag.clone(), lifted_clears.clone(), props.ondispatch.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(paint) = *drag.borrow() else { return };
            if !e.is_primary() {
                return;
            }
            let Some(cell) = cell_at(e.client_x(), e.client_y()) else { return };
            let mut pressed = lifted_clears.borrow_mut();
            if *pressed == Some(cell) {
                return;
            }
            // On to another cell: a drag, which keeps the cell it began on.
            *pressed = None;
            dispatch.emit(Action::PaintCell(cell.0, cell.1, paint));
        })
    };
    let onpointerup = {
        let (drag, lifted_clears, dispatch) = (drag.clone(), lifted_clears.clone(), props.ondispatch.clone());
        Callback::from(move |e: PointerEvent| {
            if !e.is_primary() {
                return;
            }
            *drag.borrow_mut() = None;
            if let Some((segment, index)) = lifted_clears.borrow_mut().take() {
                dispatch.emit(Action::PaintCell(segment, index, false));
            }
        })
    };
    // The pointer taken away (or out of the figure) before lifting: the stroke ends, nothing cleared.
    let onpointerend = {
        let (drag, lifted_clears) = (drag.clone(), lifted_clears.clone());
        Callback::from(move |e: PointerEvent| {
            if !e.is_primary() {
                return;
            }
            *drag.borrow_mut() = None;
            *lifted_clears.borrow_mut() = None;
        })
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
        // The patient's sides, as seen: on the front the patient's right is on the viewer's left.
        let (left_side, right_side) = if view == View::Front { (t.map_side_right, t.map_side_left) } else { (t.map_side_left, t.map_side_right) };
        html! {
            // The name above its figure (below it, on a phone it sat as near the next figure).
            <figure class="map__view">
                <figcaption>{ label }</figcaption>
                // Read by sight only (each part's own name says its side); text of the page, so
                // it keeps its size when the map is small and grows with the text.
                <div class="map__sides" aria-hidden="true"><span>{ left_side }</span><span>{ right_side }</span></div>
                <svg viewBox="0 0 240 460" class={classes!("map__svg", erasing.then_some("map__svg--erasing"))}
                    role="group" aria-label={label}
                    onpointerdown={onpointerdown.clone()} onpointermove={onpointermove.clone()}
                    onpointerup={onpointerup.clone()} onpointercancel={onpointerend.clone()}
                    onpointerleave={onpointerend.clone()}>
                    { for figure.iter().filter(|p| p.view == view).map(|p| html! {
                        <MapPart key={p.segment.key()} part={*p} bits={props.painting.0[Segment::ALL.iter().position(|&s| s == p.segment).unwrap_or(0)]}
                            ondispatch={props.ondispatch.clone()} />
                    }) }
                </svg>
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
                <button type="button" class="button button--quiet" id="map-clear" onclick={{
                    // The whole map in one tap: asked first, as "New examination" is.
                    let (dispatch, empty) = (props.ondispatch.clone(), props.painting.is_empty());
                    Callback::from(move |_: MouseEvent| if empty || gloo::dialogs::confirm(t.confirm_clear_map) { dispatch.emit(Action::ClearMap) })
                }}>
                    { t.map_clear }
                </button>
                // Each figure as tall as the screen, one under the other: larger squares for a
                // finger on a landscape tablet, where the map otherwise shares the screen's height.
                <button type="button" class={classes!("button", (!*large).then_some("button--quiet"))} id="map-larger" aria-pressed={large.to_string()}
                    onclick={{ let large = large.clone(); Callback::from(move |_: MouseEvent| large.set(!*large)) }}>
                    { t.map_larger }
                </button>
            </div>
            <div class={classes!("map", large.then_some("map--large"))}>
                { view(View::Front, t.map_front) }
                { view(View::Back, t.map_back) }
            </div>
            <label class="check">
                <input type="checkbox" id="map-examined" checked={props.examined} onchange={onexamined} />
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
                            // Only where there is paint to erase.
                            if props.painting.painted_in(region) {
                                <button type="button" class="button button--quiet button--small"
                                    aria-label={crate::i18n::fill(t.clear_map_region, &[&t.region(region)])}
                                    onclick={props.ondispatch.reform(move |_: MouseEvent| Action::ClearMapRegion(region))}>
                                    { t.map_clear_region }
                                </button>
                            }
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
mod drawing_tests {
    use super::{coordinate, part_markup};
    use crate::bodymap::parts;
    use crate::scoring::scorad::{AgeVariant, Segment};

    #[test]
    fn coordinates_are_written_to_a_hundredth_without_trailing_zeros() {
        // Assemble: drawing units as the parts' cells produce them.
        let cases = [(40.0, "40"), (12.5, "12.5"), (50.0 / 3.0, "16.67"), (0.05, "0.05"), (9.999, "10"), (107.25, "107.25")];
        for (value, text) in cases {
            // Act / Assert
            assert_eq!(coordinate(value).as_str(), text, "{value}");
        }
    }

    #[test]
    fn a_part_is_drawn_with_one_cell_per_grid_square_in_bit_order_painted_as_its_bits_say() {
        // Assemble: the front of the trunk (slot 6), cells 0, 2 and the last painted.
        let part = parts(AgeVariant::Age2Plus).into_iter().find(|p| p.segment == Segment::TrunkFront).unwrap();
        let count = u32::from(part.rows) * u32::from(part.cols);
        let bits = 0b101 | 1 << (count - 1);
        // Act
        let markup = part_markup(&part, 6, bits);
        // Assert: every cell once, in order, with its painted state; the clip is the part's own.
        let cells: Vec<&str> = markup.split("<rect class=\"map__cell").skip(1).collect();
        assert_eq!(cells.len() as u32, count);
        for (index, cell) in cells.iter().enumerate() {
            let painted = bits & (1 << index) != 0;
            assert_eq!(cell.starts_with(" map__cell--painted\""), painted, "cell {index}: {cell}");
            assert!(cell.contains(&format!("data-cell=\"6:{index}\"")), "cell {index}: {cell}");
        }
        assert!(markup.starts_with("<clipPath id=\"clip-6\">"));
        assert_eq!(markup.matches("clip-path=\"url(#clip-6)\"").count(), 1);
        assert_eq!(markup.matches("class=\"map__outline\"").count(), 1);
        assert_eq!(markup.matches("<rect class=\"map__focus\"").count(), 1);
        assert!(markup.rsplit("</g>").next().unwrap().starts_with("<rect class=\"map__focus\""), "the focus ring is drawn last");
        // The first cell sits at the part's corner, the next one cell's width to its right.
        let [x, y, w, _] = part.rect;
        let first = format!("x=\"{}\" y=\"{}\"", coordinate(x), coordinate(y));
        let second = format!("x=\"{}\" y=\"{}\"", coordinate(x + w / f32::from(part.cols)), coordinate(y));
        assert!(cells[0].contains(&first) && cells[1].contains(&second), "{} / {}", cells[0], cells[1]);
    }
}
