//! Step 4: contract details that complete the placeholders of the text.

use super::{field_anchor, inline_error, WizardContext};
use crate::domain::selection::{DetailField, Field};
use crate::state::Action;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub fn step_details(ctx: &WizardContext, heading_ref: &NodeRef) -> Html {
    let m = ctx.messages();
    let hint_id = ctx.id("details-hint");
    html! {
        <fieldset class="ecb-fieldset" aria-describedby={hint_id.clone()}>
            <legend class="ecb-legend">
                <h2 class="ecb-heading" tabindex="-1" ref={heading_ref.clone()}>{ m.step_details }</h2>
            </legend>
            <p class="ecb-hint" id={hint_id}>{ m.step_details_hint }</p>
            { for DetailField::ALL.into_iter().map(|field| {
                let id = field_anchor(ctx, Field::Detail(field));
                let field_hint = format!("{id}-hint");
                let error_id = format!("{id}-error");
                let has_error = ctx.error_for(Field::Detail(field)).is_some();
                let describedby = if has_error { format!("{field_hint} {error_id}") } else { field_hint.clone() };
                let numeric = field.number_range().is_some();
                let oninput = {
                    let state = ctx.state.clone();
                    Callback::from(move |e: InputEvent| {
                        if let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            state.dispatch(Action::SetDetail(field, input.value()));
                        }
                    })
                };
                html! {
                    <div class={classes!("ecb-form-group", has_error.then_some("ecb-form-group-error"))}>
                        <label class="ecb-label" for={id.clone()}>{ m.field_label(field) }</label>
                        <p class="ecb-hint" id={field_hint}>{ m.field_hint(field) }</p>
                        { inline_error(ctx, Field::Detail(field), &error_id) }
                        <input
                            class={classes!("ecb-input", if numeric { "ecb-input-short" } else { "ecb-input-long" })}
                            id={id}
                            type="text"
                            inputmode={numeric.then_some("numeric")}
                            spellcheck={if numeric { "false" } else { "true" }}
                            autocomplete={if field == DetailField::Authority { "organization" } else { "off" }}
                            aria-describedby={describedby}
                            aria-invalid={has_error.then_some("true")}
                            value={ctx.state.selection.details.get(field).to_string()}
                            {oninput}
                        />
                    </div>
                }
            }) }
        </fieldset>
    }
}
