//! Step 5: check the answers, preview the assembled document, drop or restore criteria, export.

use super::details_hints::details_hints;
use super::document_preview::document_preview;
use super::export_panel::export_panel;
use super::WizardContext;
use crate::domain::assemble::Document;
use crate::domain::catalog::LotFeature;
use crate::domain::i18n::fill;
use crate::domain::selection::{DetailField, Step};
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

pub fn step_review(ctx: &WizardContext, heading_ref: &NodeRef, document: &Rc<Document>) -> Html {
    let m = ctx.messages();
    let state = &ctx.state;
    let selection = &state.selection;
    let names = |ids: Vec<String>| -> String {
        if ids.is_empty() {
            m.not_given.to_string()
        } else {
            ids.join(", ")
        }
    };
    let categories = names(
        state
            .catalog
            .categories
            .iter()
            .filter(|c| selection.categories.contains(&c.id))
            .map(|c| c.name.clone())
            .collect(),
    );
    let risks = names(
        state
            .catalog
            .risks
            .iter()
            .filter(|r| selection.risks.contains(&r.id))
            .map(|r| r.name.clone())
            .collect(),
    );
    let level = selection
        .level
        .map(|l| m.level(l).to_string())
        .unwrap_or_else(|| m.not_given.to_string());
    let stages = names(
        selection
            .stages
            .iter()
            .map(|s| m.stage(*s).to_string())
            .collect(),
    );
    let details = names(
        DetailField::ALL
            .into_iter()
            .filter_map(|f| {
                selection
                    .details
                    .text(f)
                    .map(|v| format!("{}: {v}", m.field_label(f)))
            })
            .collect(),
    );
    let row = |label: &'static str, value: String, step: Step| {
        let state = state.clone();
        let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::GoTo(step)));
        html! {
            <div class="ecb-summary-row">
                <dt class="ecb-summary-key">{ label }</dt>
                <dd class="ecb-summary-value">{ value }</dd>
                <dd class="ecb-summary-action">
                    <button type="button" class="ecb-link-button" {onclick}>
                        { m.change }<span class="ecb-visually-hidden">{ format!(" {label}") }</span>
                    </button>
                </dd>
            </div>
        }
    };
    // A row per scope question that a chosen lot asks: the lots that answered yes.
    let scope_rows = LotFeature::ALL.into_iter().filter_map(|feature| {
        let asked = ctx.lots_asking(feature);
        if asked.is_empty() {
            return None;
        }
        let yes: Vec<&str> = asked
            .iter()
            .filter(|c| selection.lot_has(&c.id, feature))
            .map(|c| c.name.as_str())
            .collect();
        let value = if yes.is_empty() {
            m.no_lot.to_string()
        } else {
            yes.join(", ")
        };
        Some(row(m.answer_feature(feature), value, Step::Products))
    });
    let scope_rows: Html = scope_rows.collect();
    let missing: Vec<&str> = document.missing.iter().map(|p| m.marker(*p)).collect();
    let answers_id = ctx.id("answers-title");
    html! {
        <>
            <h2 class="ecb-heading" tabindex="-1" ref={heading_ref.clone()}>{ m.step_review }</h2>
            <section aria-labelledby={answers_id.clone()}>
                <h3 class="ecb-subheading" id={answers_id}>{ m.answers_title }</h3>
                <dl class="ecb-summary">
                    { row(m.answer_products, categories, Step::Products) }
                    { scope_rows }
                    { row(m.answer_risks, risks, Step::Risks) }
                    { row(m.answer_level, level, Step::Ambition) }
                    { row(m.answer_stages, stages, Step::Ambition) }
                    { row(m.answer_details, details, Step::Details) }
                </dl>
            </section>
            if !missing.is_empty() {
                <p class="ecb-inset">{ fill(m.missing_details, &[("list", &m.join_list(&missing))]) }</p>
            }
            { details_hints(ctx) }
            { export_panel(ctx, document) }
            { document_preview(ctx, document) }
        </>
    }
}
