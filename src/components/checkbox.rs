//! A labelled checkbox or radio with an optional hint, at least 24×24 px to hit.
//!
//! A plain view (not a component): it has no state of its own, and every Yew component costs
//! code in the release wasm.

use yew::prelude::*;

pub struct Choice {
    pub id: String,
    /// The group name (radios of one question share it).
    pub name: String,
    pub label: String,
    pub hint: Option<String>,
    /// Extra content under the hint, such as a salience badge.
    pub extra: Html,
    pub checked: bool,
    pub radio: bool,
    pub on_toggle: Callback<()>,
    /// The `lang` of the label and hint where they are catalogue text in another language than
    /// the widget's own words (WCAG 3.1.2).
    pub lang: Option<&'static str>,
}

impl Choice {
    pub fn view(self) -> Html {
        let hint_id = format!("{}-hint", self.id);
        let on_toggle = self.on_toggle;
        let onchange = Callback::from(move |_: Event| on_toggle.emit(()));
        let class = if self.radio {
            "ecb-radio"
        } else {
            "ecb-checkbox"
        };
        html! {
            <div class={class}>
                <input
                    class="ecb-choice-input"
                    id={self.id.clone()}
                    name={self.name}
                    type={if self.radio { "radio" } else { "checkbox" }}
                    checked={self.checked}
                    aria-describedby={self.hint.as_ref().map(|_| hint_id.clone())}
                    {onchange}
                />
                <label class="ecb-choice-label" for={self.id} lang={self.lang}>{ self.label }</label>
                if let Some(hint) = self.hint {
                    <div class="ecb-choice-hint" id={hint_id}>
                        <span lang={self.lang}>{ hint }</span>
                        { self.extra }
                    </div>
                }
            </div>
        }
    }
}
