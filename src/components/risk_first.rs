//! "Start from a risk": pick a risk and see which product categories it concerns most. A hint
//! only; nothing is ticked for the buyer.

use super::WizardContext;
use crate::domain::catalog::{SalienceLevel, SupplyChainStage};
use crate::domain::i18n::fill;
use crate::state::Action;
use yew::prelude::*;

pub fn risk_first(ctx: &WizardContext) -> Html {
    let m = ctx.messages();
    let chosen = &ctx.state.risk_first;
    let catalog = &ctx.state.catalog;
    let select_id = ctx.id("risk-first");
    let onchange = {
        let state = ctx.state.clone();
        Callback::from(move |e: Event| {
            state.dispatch(Action::ShowRiskFirst(super::selected(&e)));
        })
    };
    // The live region exists before the first choice, so every change is announced; it says
    // only the count, and the list follows outside it.
    let mut announcement = String::new();
    let result = catalog.risk(chosen).map(|risk| {
        let mut rows: Vec<(SalienceLevel, &str, Vec<&'static str>)> = catalog
            .categories
            .iter()
            .map(|c| {
                let stages = SupplyChainStage::ALL
                    .into_iter()
                    .filter(|s| {
                        catalog
                            .salience_cell(&c.id, &risk.id, *s)
                            .is_some_and(|cell| cell.level > SalienceLevel::Low)
                    })
                    .map(|s| m.supply_chain_stage(s))
                    .collect();
                (catalog.salience(&c.id, &risk.id), c.name.as_str(), stages)
            })
            .filter(|(level, _, _)| *level > SalienceLevel::Low)
            .collect();
        rows.sort_by_key(|row| std::cmp::Reverse(row.0));
        announcement = fill(
            m.risk_first_count,
            &[("risk", &risk.name), ("n", &rows.len().to_string())],
        );
        html! {
            <div class="ecb-risk-first-result">
                <p>{ fill(m.risk_first_result, &[("risk", &risk.name)]) }</p>
                if rows.is_empty() {
                    <p>{ m.risk_first_nothing }</p>
                } else {
                    <ul>
                        { for rows.into_iter().map(|(level, name, stages)| html! {
                            <li>
                                <strong>{ name }</strong>{ ": " }
                                <span class={classes!("ecb-badge", format!("ecb-sal-{}", level.code()))}>
                                    { m.salience(level) }
                                </span>
                                { " " }{ format!("({})", stages.join(", ")) }
                            </li>
                        }) }
                    </ul>
                }
            </div>
        }
    });
    html! {
        <details class="ecb-details">
            <summary class="ecb-details-summary">{ m.risk_first_title }</summary>
            <div class="ecb-details-body">
                <p class="ecb-hint">{ m.risk_first_hint }</p>
                <label class="ecb-label" for={select_id.clone()}>{ m.risk_first_label }</label>
                <select class="ecb-select" id={select_id} {onchange}>
                    <option value="" selected={chosen.is_empty()}>{ m.risk_first_none }</option>
                    { for catalog.risks.iter().map(|r| html! {
                        <option value={r.id.clone()} selected={*chosen == r.id}>{ r.name.clone() }</option>
                    }) }
                </select>
                <p class="ecb-visually-hidden" aria-live="polite">{ announcement }</p>
                { super::catalogue_pending(ctx).or(result).unwrap_or_default() }
            </div>
        </details>
    }
}
