//! EASI entry: for each of the four regions an area score and four sign grades, plus a
//! one-tap "region clear".

use crate::components::grade_picker::{Choice, GradePicker};
use crate::form::{easi_sign_index, EasiRegionForm};
use crate::scoring::easi::{Region, Sign, SignGrade};
use crate::state::Action;
use crate::components::use_strings;
use crate::i18n::{fill, percent, Strings};
use yew::prelude::*;

/// Props of [`EasiEntry`].
#[derive(Properties, Clone, PartialEq)]
pub struct EasiEntryProps {
    /// The four regions as entered, in [`Region::ALL`] order.
    pub regions: [EasiRegionForm; 4],
    /// The body map's area score and percent (tenths) per region, once confirmed.
    pub map_areas: [Option<(u8, u16)>; 4],
    /// Whether the body map has painted squares in each region (confirmed or not).
    pub map_painted: [bool; 4],
    /// Sends the user's changes.
    pub ondispatch: Callback<Action>,
}

fn area_choices(t: &Strings) -> Vec<Choice> {
    (0..=6)
        .map(|score| {
            let (label, detail) = t.area_score(score);
            Choice { value: score, label: label.into(), detail: detail.into() }
        })
        .collect()
}

fn sign_choices(t: &Strings) -> Vec<Choice> {
    SignGrade::ALLOWED_HALVES
        .iter()
        .map(|&halves| {
            let (label, detail) = t.easi_grade(halves);
            Choice { value: halves, label: label.into(), detail: detail.into() }
        })
        .collect()
}

/// The EASI form.
#[component]
pub fn EasiEntry(props: &EasiEntryProps) -> Html {
    let t = use_strings();
    let translated = use_context::<crate::i18n::Lang>().unwrap_or_default() != crate::i18n::Lang::En;
    html! {
        <section class="card" id="easi" aria-labelledby="easi-title">
            <h2 id="easi-title">{ t.easi_title }</h2>
            <p class="intro">{ t.easi_intro }</p>
            <p class="note">{ t.erythema_note }</p>
            if translated {
                <p class="note">{ t.translation_note }</p>
            }
            { for Region::ALL.iter().zip(props.regions).zip(props.map_areas).zip(props.map_painted).map(|(((&region, form), map_area), map_painted)| html! {
                <EasiRegionCard key={region.key()} {region} {form} {map_area} {map_painted} ondispatch={props.ondispatch.clone()} />
            }) }
        </section>
    }
}

/// Props of [`EasiRegionCard`].
#[derive(Properties, Clone, PartialEq)]
pub struct EasiRegionCardProps {
    /// The region.
    pub region: Region,
    /// Its entries.
    pub form: EasiRegionForm,
    /// The map's area score and percent (tenths), once confirmed.
    pub map_area: Option<(u8, u16)>,
    /// Whether the body map has painted squares in this region.
    pub map_painted: bool,
    /// Sends the user's changes.
    pub ondispatch: Callback<Action>,
}

/// One region's area and signs; re-renders only when this region changes.
#[component]
pub fn EasiRegionCard(props: &EasiRegionCardProps) -> Html {
    let t = use_strings();
    let (region, form, map_area) = (props.region, props.form, props.map_area);
    // The same callbacks on every render: a picker is drawn again only when its own grade
    // changes, not when another sign of the region does.
    let picks = use_memo((region, props.ondispatch.clone()), |(region, d)| {
        let region = *region;
        (d.reform(move |score| Action::SetEasiArea(region, score)), Sign::ALL.map(|sign| d.reform(move |halves| Action::SetEasiSign(region, sign, halves))))
    });
    // Clearing the region also erases its squares on the body map, which SCORAD's areas come
    // from too: asked first when there are any, as "Erase map" asks.
    let onclear = {
        let (dispatch, painted) = (props.ondispatch.clone(), props.map_painted);
        Callback::from(move |_: MouseEvent| {
            if !painted || gloo::dialogs::confirm(&fill(t.confirm_region_clear_map, &[&t.region(region)])) {
                dispatch.emit(Action::ClearRegion(region));
            }
        })
    };
    let onarea = picks.0.clone();
    let signs = sign_choices(t);
    let area = form.area.or(map_area.map(|(a, _)| a));
    // Area 0: the signs need no grade (ExamForm::easi_record records them as 0).
    let ungraded = if area == Some(0) { t.not_needed_no_area } else { t.not_graded };
    html! {
        // A group named by its region: a screen reader says "Upper limbs" on entering it, so the
        // signs' own names ("Erythema"), alike in all four regions, are never heard without it.
        <div class="region" id={format!("easi-{}", region.key())} role="group" aria-labelledby={format!("easi-{}-title", region.key())}>
            <div class="region__head">
                <h3 id={format!("easi-{}-title", region.key())}>{ t.region(region) }</h3>
                <button type="button" class="button button--quiet" onclick={onclear}
                    aria-label={fill(t.region_clear_label, &[&t.region(region)])}>
                    { t.region_clear }
                </button>
            </div>
            <GradePicker name={format!("easi-{}-area", region.key())} legend={t.area_label} unset_note={t.not_graded}
                choices={area_choices(t)} selected={area} onpick={onarea} />
            if let Some((score, tenths)) = map_area {
                <p class="map-note" data-testid={format!("map-area-{}", region.key())}>
                    { fill(t.map_area, &[&score, &percent(tenths)]) }
                    if form.area.is_some_and(|picked| picked != score) {
                        <span class="override">{ t.area_overrides_map }</span>
                        // Pressed, the button goes and the focus moves to the map's area, picked.
                        <button type="button" class="button button--quiet"
                            aria-label={fill(t.reset_to_map_label, &[&t.region(region)])}
                            onclick={crate::components::reset_then_focus(props.ondispatch.clone(), Action::ResetArea(region), format!("easi-{}-area-{score}", region.key()))}>
                            { t.reset_to_map }
                        </button>
                    }
                </p>
            }
            { for Sign::ALL.iter().zip(&picks.1).map(|(&sign, onpick)| {
                let onpick = onpick.clone();
                html! {
                    <GradePicker name={format!("easi-{}-{}", region.key(), sign.key())} unset_note={ungraded}
                        legend={t.easi_sign(sign)} choices={signs.clone()}
                        selected={form.signs[easi_sign_index(sign)]} {onpick} />
                }
            }) }
        </div>
    }
}
