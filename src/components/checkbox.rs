//! A labelled checkbox or radio with an optional hint, at least 24×24 px to hit.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChoiceProps {
    pub id: AttrValue,
    /// The group name (radios of one question share it).
    pub name: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Extra content under the hint, such as a salience badge.
    #[prop_or_default]
    pub extra: Html,
    pub checked: bool,
    #[prop_or_default]
    pub radio: bool,
    pub on_toggle: Callback<()>,
}

#[function_component(Choice)]
pub fn choice(props: &ChoiceProps) -> Html {
    let hint_id = format!("{}-hint", props.id);
    let onchange = {
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |_: Event| on_toggle.emit(()))
    };
    let class = if props.radio {
        "ecb-radio"
    } else {
        "ecb-checkbox"
    };
    html! {
        <div class={class}>
            <input
                class="ecb-choice-input"
                id={props.id.clone()}
                name={props.name.clone()}
                type={if props.radio { "radio" } else { "checkbox" }}
                checked={props.checked}
                aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}
                {onchange}
            />
            <label class="ecb-choice-label" for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(hint) = &props.hint {
                <div class="ecb-choice-hint" id={hint_id}>
                    { hint.clone() }
                    { props.extra.clone() }
                </div>
            }
        </div>
    }
}
