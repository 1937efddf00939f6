//! "What this catalogue covers": the version and change log, the counts, every category against
//! every risk, and the labels table. Rendered only while open, so it costs nothing otherwise.

use super::WizardContext;
use crate::domain::catalog::SalienceLevel;
use crate::domain::coverage::{self, Counts, Gap};
use crate::domain::i18n::fill;
use crate::state::Action;
use yew::prelude::*;

/// `covered`: the counts and gaps of the catalogue while the view is open (see `use_coverage`).
pub fn catalogue_coverage(ctx: &WizardContext, covered: Option<&(Counts, Vec<Gap>)>) -> Html {
    let m = ctx.messages();
    let open = ctx.state.coverage_open;
    let panel_id = ctx.id("coverage");
    let toggle = {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ToggleCoverage))
    };
    html! {
        <section class="ecb-coverage">
            <button type="button" class="ecb-button ecb-button-secondary" onclick={toggle}
                    aria-expanded={open.to_string()} aria-controls={panel_id.clone()}>
                { m.coverage_open }
            </button>
            <div id={panel_id}>
                if open {
                    { super::catalogue_pending(ctx)
                        .or_else(|| covered.map(|(counts, gaps)| panel(ctx, counts, gaps)))
                        .unwrap_or_default() }
                }
            </div>
        </section>
    }
}

fn panel(ctx: &WizardContext, counts: &Counts, gaps: &[Gap]) -> Html {
    let m = ctx.messages();
    let catalog = &ctx.state.catalog;
    let meta = &catalog.meta;
    let date = ctx
        .state
        .catalog
        .changes
        .first()
        .map(|c| c.date.as_str())
        .unwrap_or("");
    let levels: Vec<String> = counts
        .per_level
        .iter()
        .map(|(level, n)| format!("{} {n}", m.level(*level)))
        .collect();
    let title_id = ctx.id("coverage-title");
    let name_of = |id: &str| {
        catalog
            .category(id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    };
    html! {
        <div class="ecb-coverage-panel" role="region" aria-labelledby={title_id.clone()}>
            <h2 class="ecb-subheading" id={title_id}>{ m.coverage_title }</h2>
            <p>{ fill(m.coverage_version, &[("title", &meta.title), ("version", &meta.version), ("date", date)]) }</p>
            <p>{ fill(m.coverage_totals, &[
                ("criteria", &counts.total.to_string()),
                ("categories", &catalog.categories.len().to_string()),
                ("risks", &catalog.risks.len().to_string()),
                ("labels", &catalog.labels.len().to_string()),
                ("legal", &catalog.legal.len().to_string()),
                ("sources", &catalog.sources.len().to_string()),
            ]) }</p>
            <p>{ fill(m.coverage_per_level, &[("levels", &m.join_list(&levels.iter().map(String::as_str).collect::<Vec<_>>()))]) }</p>
            if let Some((from, to)) = coverage::review_range(catalog) {
                <p>{ fill(m.coverage_reviewed, &[("from", from), ("to", to)]) }</p>
            }
            <p>
                if gaps.is_empty() {
                    { m.coverage_complete }
                } else {
                    { fill(m.coverage_gaps, &[("list", &gaps.iter().map(|g| format!("{} / {} / {}", name_of(&g.category), g.risk, m.level(g.level))).collect::<Vec<_>>().join("; "))]) }
                }
            </p>
            { matrix(ctx) }
            { labels(ctx) }
            <h3 class="ecb-subheading">{ m.coverage_changes_title }</h3>
            <ul class="ecb-changes">
                { for ctx.state.catalog.changes.iter().map(|c| html! {
                    <li><strong>{ format!("{} ({})", c.version, c.date) }</strong>{ format!(": {}", c.summary) }</li>
                }) }
            </ul>
        </div>
    }
}

fn matrix(ctx: &WizardContext) -> Html {
    let m = ctx.messages();
    let catalog = &ctx.state.catalog;
    let caption_id = ctx.id("coverage-matrix");
    html! {
        <>
            <h3 class="ecb-subheading">{ m.coverage_matrix_title }</h3>
            <div class="ecb-table-wrap" role="region" tabindex="0" aria-labelledby={caption_id.clone()}>
                <table class="ecb-table ecb-table-compact">
                    <caption id={caption_id}>{ m.coverage_matrix_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ m.coverage_category }</th>
                            { for catalog.risks.iter().map(|r| html! { <th scope="col">{ r.name.clone() }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for catalog.categories.iter().map(|c| html! {
                            <tr>
                                <th scope="row">{ c.name.clone() }</th>
                                { for catalog.risks.iter().map(|r| {
                                    let level: SalienceLevel = catalog.salience(&c.id, &r.id);
                                    let n = coverage::addressing(catalog, &c.id, &r.id).count();
                                    html! {
                                        <td class={format!("ecb-sal-{}", level.code())}>
                                            { m.salience(level) }<br />
                                            <span class="ecb-count">{ fill(m.coverage_criteria_count, &[("n", &n.to_string())]) }</span>
                                        </td>
                                    }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

/// One entry per label: long "covers" texts read better as a list than in narrow table cells.
fn labels(ctx: &WizardContext) -> Html {
    let m = ctx.messages();
    let catalog = &ctx.state.catalog;
    html! {
        <>
            <h3 class="ecb-subheading">{ m.coverage_labels_title }</h3>
            <p class="ecb-hint">{ m.coverage_labels_caption }</p>
            <ul class="ecb-proof-list">
                { for catalog.labels.iter().map(|l| {
                    let categories = if l.categories.is_empty() {
                        m.coverage_all_categories.to_string()
                    } else {
                        l.categories.iter()
                            .map(|id| catalog.category(id).map_or(id.as_str(), |c| c.name.as_str()))
                            .collect::<Vec<_>>()
                            .join("; ")
                    };
                    html! {
                        <li class="ecb-proof">
                            <h4 class="ecb-proof-name">{ format!("{} ({})", l.name, m.label_kind(l.kind)) }</h4>
                            <dl class="ecb-proof-facts">
                                <dt>{ m.coverage_covers }</dt>
                                <dd>{ l.covers.clone() }</dd>
                                <dt>{ m.coverage_does_not_cover }</dt>
                                <dd>{ l.does_not_cover.clone() }</dd>
                                <dt>{ m.coverage_categories }</dt>
                                <dd>{ categories }</dd>
                            </dl>
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}
