//! A segmented choice (radio group styled as large buttons): keyboard arrows move within
//! it, screen readers announce the group's legend and each option.

use yew::prelude::*;

/// One option: the stored value, the big label and a short descriptor.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// Value emitted when picked.
    pub value: u8,
    /// Big label ("1.5").
    pub label: AttrValue,
    /// Descriptor under it ("mild–moderate").
    pub detail: AttrValue,
}

/// Props of [`GradePicker`].
#[derive(Properties, Clone, PartialEq)]
pub struct GradePickerProps {
    /// Unique name of the radio group (also the id prefix).
    pub name: AttrValue,
    /// What is being graded.
    pub legend: AttrValue,
    /// The options, in order.
    pub choices: Vec<Choice>,
    /// The picked value; `None` until the user picks one (nothing is pre-selected).
    pub selected: Option<u8>,
    /// Called with the picked value.
    pub onpick: Callback<u8>,
    /// Shown after the legend while nothing is picked (e.g. "not graded").
    #[prop_or_default]
    pub unset_note: Option<AttrValue>,
    /// One option per row (for worded answers) instead of a row of buttons.
    #[prop_or_default]
    pub stacked: bool,
    /// A 0–10 scale: all eleven in one row where there is room.
    #[prop_or_default]
    pub scale: bool,
    /// The fieldset's id, where something links to it (the score panel's "still needed").
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// What each choice is described by (an error said about the question), when anything is.
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
}

/// A row of large radio buttons.
#[component]
pub fn GradePicker(props: &GradePickerProps) -> Html {
    let unset = props.selected.is_none();
    html! {
        <fieldset id={props.id.clone()} class={classes!("picker", unset.then_some("picker--unset"), props.stacked.then_some("picker--stacked"), props.scale.then_some("picker--scale"))}>
            <legend>
                { &props.legend }
                if let (true, Some(note)) = (unset, &props.unset_note) {
                    <span class="picker__unset">{ " — " }{ note }</span>
                }
            </legend>
            <div class="picker__options">
                { for props.choices.iter().map(|choice| {
                    let id = format!("{}-{}", props.name, choice.value);
                    let onpick = props.onpick.clone();
                    let value = choice.value;
                    html! {
                        <label class="picker__option" for={id.clone()}>
                            <input type="radio" id={id} name={props.name.clone()}
                                value={value.to_string()} aria-describedby={props.describedby.clone()}
                                checked={props.selected == Some(value)}
                                onchange={Callback::from(move |_: Event| onpick.emit(value))} />
                            <span class="picker__label">{ &choice.label }</span>
                            if !choice.detail.is_empty() {
                                <span class="picker__detail">{ &choice.detail }</span>
                            }
                        </label>
                    }
                }) }
            </div>
        </fieldset>
    }
}
