//! The category × risk view: how salient each risk is for each chosen category, and where in the
//! supply chain, with the reason and source. Every cell carries a word, not just a colour.

use super::error_summary::focus_field;
use super::WizardContext;
use crate::domain::catalog::{SalienceLevel, SupplyChainStage};
use crate::domain::i18n::fill;
use yew::prelude::*;

fn level_class(level: SalienceLevel) -> String {
    format!("ecb-sal-{}", level.code())
}

pub fn salience_matrix(ctx: &WizardContext) -> Html {
    let m = ctx.messages();
    let catalog = &ctx.state.catalog;
    let chosen = ctx.chosen_categories();
    if chosen.is_empty() {
        return html! {};
    }
    if let Some(pending) = super::catalogue_pending(ctx) {
        return pending;
    }
    let title_id = ctx.id("matrix-title");
    let caption_id = ctx.id("matrix-caption");
    html! {
        <section class="ecb-matrix" aria-labelledby={title_id.clone()}>
            <h3 class="ecb-subheading" id={title_id}>{ m.matrix_title }</h3>
            // The column headers are links (to where in the supply chain), so the scroller has
            // focusable content and needs no tab stop or name of its own.
            <div class="ecb-table-wrap">
                <table class="ecb-table">
                    <caption id={caption_id}>{ m.matrix_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ m.matrix_risk }</th>
                            { for chosen.iter().map(|c| {
                                let target = ctx.id(&format!("where-{}", c.id));
                                let href = format!("#{target}");
                                let onclick = Callback::from(move |e: MouseEvent| focus_field(&e, &target));
                                html! { <th scope="col"><a {href} {onclick}>{ c.name.clone() }</a></th> }
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for catalog.risks.iter().map(|risk| html! {
                            <tr>
                                <th scope="row">{ risk.name.clone() }</th>
                                { for chosen.iter().map(|c| {
                                    let level = catalog.salience(&c.id, &risk.id);
                                    html! { <td class={level_class(level)}>{ m.salience(level) }</td> }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            { for chosen.iter().map(|c| html! {
                <details class="ecb-details" open={chosen.len() == 1}>
                    <summary class="ecb-details-summary" id={ctx.id(&format!("where-{}", c.id))}>
                        { fill(m.matrix_stages, &[("category", &c.name)]) }
                    </summary>
                    <div class="ecb-details-body">
                        <ul class="ecb-stage-list">
                            { for catalog.risks.iter().flat_map(|risk| {
                                SupplyChainStage::ALL.into_iter().filter_map(move |stage| {
                                    catalog.salience_cell(&c.id, &risk.id, stage).map(|cell| (risk, stage, cell))
                                })
                            }).map(|(risk, stage, cell)| html! {
                                <li>
                                    <strong>{ format!("{}, {}: ", risk.name, m.supply_chain_stage(stage)) }</strong>
                                    <span class={classes!("ecb-badge", level_class(cell.level))}>{ m.salience(cell.level) }</span>
                                    { format!(". {} ", cell.reason) }
                                    <span class="ecb-sources">
                                        { format!("{}: ", m.salience_sources) }
                                        { for cell.sources.iter().filter_map(|s| catalog.source(s)).map(|s| html! {
                                            <a href={s.url.clone()} rel="noopener noreferrer external">{ s.title.clone() }</a>
                                        }) }
                                    </span>
                                </li>
                            }) }
                        </ul>
                        <p class="ecb-hint">{ format!("{}: {}", m.salience_low, m.not_listed) }</p>
                    </div>
                </details>
            }) }
        </section>
    }
}
