//! Step 4: contract details that complete the placeholders of the text, the periods the chosen
//! clauses use (with suggested values), and what is worth checking before the review.

use super::details_hints::details_hints;
use super::{field_anchor, inline_error, WizardContext};
use crate::domain::assemble::placeholders_used;
use crate::domain::i18n::fill;
use crate::domain::selection::{DetailField, Field};
use crate::domain::template::Placeholder;
use crate::state::{Action, CatalogStatus};
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn detail_input(ctx: &WizardContext, field: DetailField) -> Html {
    let m = ctx.messages();
    let id = field_anchor(ctx, Field::Detail(field));
    let field_hint = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_error = ctx.error_for(Field::Detail(field)).is_some();
    let describedby = if has_error {
        format!("{field_hint} {error_id}")
    } else {
        field_hint.clone()
    };
    let numeric = field.number_range().is_some();
    let oninput = {
        let state = ctx.state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                state.dispatch(Action::SetDetail(field, input.value()));
            }
        })
    };
    let suggested = field
        .suggested()
        .map(|n| fill(m.suggested_value, &[("n", &n.to_string())]));
    html! {
        <div class={classes!("ecb-form-group", has_error.then_some("ecb-form-group-error"))}>
            <label class="ecb-label" for={id.clone()}>{ m.field_label(field) }</label>
            <p class="ecb-hint" id={field_hint}>
                { m.field_hint(field) }
                if let Some(suggested) = suggested { { " " }{ suggested } }
            </p>
            { inline_error(ctx, Field::Detail(field), &error_id) }
            <input
                class={classes!("ecb-input", match (numeric, field) {
                    (true, _) => "ecb-input-short",
                    (_, DetailField::StartDate) => "ecb-input-date",
                    _ => "ecb-input-long",
                })}
                id={id}
                type={if field == DetailField::StartDate { "date" } else { "text" }}
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
}

pub fn step_details(ctx: &WizardContext, heading_ref: &NodeRef) -> Html {
    let m = ctx.messages();
    let state = &ctx.state;
    let hint_id = ctx.id("details-hint");
    let periods_hint = ctx.id("periods-hint");
    // The periods the chosen clauses use; all of them until the complete catalogue is here, and
    // always one that holds a value, so that its error can be seen and fixed.
    let used = (state.catalog_status == CatalogStatus::Complete)
        .then(|| placeholders_used(&state.catalog, &state.selection));
    let periods: Vec<DetailField> = DetailField::ALL
        .into_iter()
        .filter(|f| f.suggested().is_some())
        .filter(|f| {
            let typed = !state.selection.details.get(*f).trim().is_empty();
            let needed = match (&used, f.placeholder()) {
                (Some(used), Some(p)) => used.contains(&p),
                _ => true,
            };
            typed || needed
        })
        .collect();
    html! {
        <>
            <fieldset class="ecb-fieldset" aria-describedby={hint_id.clone()}>
                <legend class="ecb-legend">
                    <h2 class="ecb-heading" tabindex="-1" ref={heading_ref.clone()}>{ m.step_details }</h2>
                </legend>
                <p class="ecb-hint" id={hint_id}>{ m.step_details_hint }</p>
                { for DetailField::ALL
                    .into_iter()
                    .filter(|f| f.suggested().is_none())
                    // The label annex and the share held back are asked for only when a chosen
                    // criterion refers to them.
                    .filter(|f| {
                        let only_when = match f {
                            DetailField::LabelAnnex => Some(Placeholder::LabelTable),
                            DetailField::WithholdShare => Some(Placeholder::WithholdShare),
                            _ => None,
                        };
                        only_when.is_none_or(|p| {
                            !state.selection.details.get(*f).trim().is_empty()
                                || used.as_ref().is_some_and(|u| u.contains(&p))
                        })
                    })
                    .map(|field| detail_input(ctx, field)) }
            </fieldset>
            if !periods.is_empty() {
                <fieldset class="ecb-fieldset" aria-describedby={periods_hint.clone()}>
                    <legend class="ecb-legend ecb-legend-medium">{ m.periods_title }</legend>
                    <p class="ecb-hint" id={periods_hint}>{ m.periods_hint }</p>
                    { for periods.into_iter().map(|field| detail_input(ctx, field)) }
                </fieldset>
            }
            { details_hints(ctx) }
        </>
    }
}
