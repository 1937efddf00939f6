//! The error summary at the top: takes focus after a failed "Continue" and links to each field.

use super::{field_anchor, WizardContext};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Focuses the field an error link points at, inside this widget only (the host page's URL
/// fragment is left alone).
pub(crate) fn focus_field(event: &MouseEvent, id: &str) {
    event.prevent_default();
    let root = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("[data-ecb-root]").ok().flatten());
    let field = root
        .and_then(|r| r.query_selector(&format!("#{id}")).ok().flatten())
        .and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(field) = field {
        let _ = field.focus();
    }
}

pub fn error_summary(ctx: &WizardContext, summary_ref: &NodeRef) -> Html {
    let m = ctx.messages();
    let title_id = ctx.id("error-summary-title");
    if ctx.state.errors.is_empty() {
        return html! { <div ref={summary_ref.clone()} hidden=true></div> };
    }
    html! {
        <div class="ecb-error-summary" ref={summary_ref.clone()} tabindex="-1"
             role="alert" aria-labelledby={title_id.clone()}>
            <h2 class="ecb-error-summary-title" id={title_id}>{ m.error_summary_title }</h2>
            <ul class="ecb-error-summary-list">
                { for ctx.state.errors.iter().map(|error| {
                    let target = field_anchor(ctx, error.field);
                    let href = format!("#{target}");
                    let onclick = Callback::from(move |e: MouseEvent| focus_field(&e, &target));
                    html! { <li><a {href} {onclick}>{ m.problem(error) }</a></li> }
                }) }
            </ul>
        </div>
    }
}
