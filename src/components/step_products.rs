//! Step 1: what the buyer is buying. Each ticked category becomes a lot.

use super::checkbox::Choice;
use super::lot_groups::lot_groups;
use super::lot_scope::lot_scope;
use super::risk_first::risk_first;
use super::{inline_error, WizardContext};
use crate::domain::selection::Field;
use crate::state::Action;
use yew::prelude::*;

pub fn step_products(ctx: &WizardContext, heading_ref: &NodeRef) -> Html {
    let m = ctx.messages();
    let hint_id = ctx.id("categories-question-hint");
    let error_id = ctx.id("categories-error");
    let has_error = ctx.error_for(Field::Categories).is_some();
    let describedby = if has_error {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
    html! {
        <>
            <fieldset class={classes!("ecb-fieldset", has_error.then_some("ecb-fieldset-error"))}
                      aria-describedby={describedby}>
                <legend class="ecb-legend">
                    <h2 class="ecb-heading" tabindex="-1" ref={heading_ref.clone()}>{ m.step_products }</h2>
                </legend>
                <p class="ecb-hint" id={hint_id}>{ m.step_products_hint }{ " " }{ m.select_all }</p>
                { inline_error(ctx, Field::Categories, &error_id) }
                <div class="ecb-choices">
                    { for ctx.state.catalog.categories.iter().enumerate().map(|(i, category)| {
                        let id = if i == 0 { ctx.id("categories") } else { ctx.id(&format!("category-{}", category.id)) };
                        let state = ctx.state.clone();
                        let value = category.id.clone();
                        Choice {
                                id,
                                name: ctx.id("category"),
                                label: category.name.clone().to_string(),
                                hint: Some(category.description.clone().to_string()),
                                extra: Html::default(),
                                checked: ctx.state.selection.categories.contains(&category.id),
                                radio: false,
                                lang: ctx.catalogue_lang(),
                                on_toggle: Callback::from(move |_| state.dispatch(Action::ToggleCategory(value.clone()))),
                            }
                            .view()
                    }) }
                </div>
            </fieldset>
            { lot_groups(ctx) }
            { lot_scope(ctx) }
            { risk_first(ctx) }
        </>
    }
}
