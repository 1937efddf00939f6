//! "Worth checking": what the estimated value, the duration, the level and the points suggest,
//! shown on the details step and in the review. Never blocks; the domain decides every hint.

use super::WizardContext;
use crate::browser;
use crate::domain::proportion;
use crate::state::CatalogStatus;
use yew::prelude::*;

pub fn details_hints(ctx: &WizardContext) -> Html {
    let state = &ctx.state;
    if state.catalog_status != CatalogStatus::Complete {
        return html! {};
    }
    let hints = proportion::hints(&state.catalog, &state.selection, &browser::today());
    if hints.is_empty() {
        return html! {};
    }
    let m = ctx.messages();
    let title_id = ctx.id("hints-title");
    html! {
        <section class="ecb-inset ecb-hints" aria-labelledby={title_id.clone()}>
            <h3 class="ecb-hints-title" id={title_id}>{ m.hints_title }</h3>
            <ul>
                { for hints.iter().map(|hint| html! { <li>{ m.hint(hint) }</li> }) }
            </ul>
        </section>
    }
}
