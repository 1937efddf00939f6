//! Step 5: check the answers, preview the assembled document, drop or restore criteria, export.

use super::checkbox::Choice;
use super::details_hints::details_hints;
use super::document_preview::{offered_and_dropped, DocumentPreview};
use super::error_summary::focus_field;
use super::export_panel::export_panel;
use super::WizardContext;
use crate::domain::catalog::{CriterionKind, LotFeature};
use crate::domain::document::Document;
use crate::domain::i18n::fill;
use crate::domain::measure::measure;
use crate::domain::render::scope_gap_lines;
use crate::domain::selection::{DetailField, ProcedureStage, Step};
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

pub fn step_review(
    ctx: &WizardContext,
    heading_ref: &NodeRef,
    document: &Rc<Document>,
    second: Option<&Rc<Document>>,
) -> Html {
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
        selection
            .chosen_categories(&state.catalog)
            .map(|c| c.name.clone())
            .collect(),
    );
    let risks = names(
        selection
            .chosen_risks(&state.catalog)
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
    let answers_id = ctx.id("answers-title");
    html! {
        <>
            <h2 class="ecb-heading" tabindex="-1" ref={heading_ref.clone()}>{ m.step_review }</h2>
            { summary(ctx, document) }
            { still_to_complete(ctx, document) }
            { for scope_gap_lines(document).into_iter().map(|line| html! { <p class="ecb-inset">{ line }</p> }) }
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
            { details_hints(ctx) }
            { review_options(ctx, document) }
            <DocumentPreview document={super::Same(document.clone())} dispatch={state.dispatcher()}
                             language={state.language} id_prefix={format!("ecb{}", ctx.instance)} />
            { offered_and_dropped(ctx, document) }
            { export_panel(ctx, document, second) }
        </>
    }
}

/// Per lot and stage: criteria, points and the effort the document asks for.
fn summary(ctx: &WizardContext, document: &Document) -> Html {
    let m = ctx.messages();
    let measure = measure(&ctx.state.catalog, document);
    let kinds: Vec<CriterionKind> = document.sections.iter().map(|s| s.kind).collect();
    let has_award = ctx.state.selection.stages.contains(&ProcedureStage::Award);
    let total = ctx.state.selection.details.number(DetailField::AwardPoints);
    let title_id = ctx.id("summary-title");
    let export_id = ctx.id("export-title");
    let export_target = export_id.clone();
    html! {
        <section class="ecb-review-summary" aria-labelledby={title_id.clone()}>
            <h3 class="ecb-subheading" id={title_id.clone()}>{ m.summary_title }</h3>
            // A region named by the section heading, so it can be scrolled by keyboard at 320 px.
            <div class="ecb-table-wrap" role="region" tabindex="0" aria-labelledby={title_id.clone()}>
                <table class="ecb-table">
                    <thead>
                        <tr>
                            <th scope="col">{ m.summary_lot }</th>
                            <th scope="col">{ m.summary_level }</th>
                            { for kinds.iter().map(|k| html! { <th scope="col">{ m.kind_heading(*k) }</th> }) }
                            if has_award {
                                <th scope="col">{ m.summary_points }</th>
                            }
                        </tr>
                    </thead>
                    <tbody>
                        { for document.lots.iter().map(|lot| {
                            let items = document.lot_items(lot.number);
                            let awarded = items.iter().any(|i| i.points.is_some());
                            html! {
                                <tr>
                                    <th scope="row">{ fill(m.lot_heading, &[("n", &lot.number.to_string()), ("name", &lot.name)]) }</th>
                                    <td>{ lot.level.map_or(m.not_given, |l| m.level(l)) }</td>
                                    { for document.sections.iter().map(|s| {
                                        let n = s.items().filter(|i| i.lots.contains(&lot.number)).count();
                                        html! { <td>{ n }</td> }
                                    }) }
                                    if has_award {
                                        <td>{ match (awarded, total) {
                                            (true, Some(total)) => total.to_string(),
                                            _ => m.summary_none.to_string(),
                                        } }</td>
                                    }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <ul class="ecb-effort">
                <li>{ fill(m.summary_effort, &[
                    ("pages", &measure.tender_pages.to_string()),
                    ("total", &measure.total_pages.to_string()),
                ]) }</li>
                <li>{ if measure.bidder_pages == 0 {
                    m.summary_bidder_none.to_string()
                } else {
                    fill(m.summary_bidder_pages, &[("bidder", &measure.bidder_pages.to_string())])
                } }</li>
                if measure.award_to_read + measure.award_by_rule > 0 {
                    <li>{ fill(m.summary_award, &[
                        ("read", &measure.award_to_read.to_string()),
                        ("rule", &measure.award_by_rule.to_string()),
                    ]) }</li>
                }
            </ul>
            <p>
                <a href={format!("#{export_id}")} onclick={Callback::from(move |e: MouseEvent| focus_field(&e, &export_target))}>
                    { m.summary_go_export }
                </a>
            </p>
        </section>
    }
}

/// The details the text still shows as markers, each a link to its field.
fn still_to_complete(ctx: &WizardContext, document: &Document) -> Html {
    let m = ctx.messages();
    let fields: Vec<(DetailField, &str)> = document
        .missing
        .iter()
        // The marker as the document writes it (its language may differ from the widget's).
        .filter_map(|p| {
            DetailField::for_placeholder(*p).map(|f| (f, document.language.messages().marker(*p)))
        })
        .collect();
    if fields.is_empty() {
        return Html::default();
    }
    let title_id = ctx.id("missing-title");
    html! {
        <section class="ecb-inset" aria-labelledby={title_id.clone()}>
            <h3 class="ecb-subheading" id={title_id}>{ m.still_to_complete }</h3>
            <p>{ m.still_to_complete_hint }</p>
            <ul>
                { for fields.into_iter().map(|(field, marker)| {
                    let state = ctx.state.clone();
                    let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::EditDetail(field)));
                    html! {
                        <li>
                            <button type="button" class="ecb-link-button" {onclick}>
                                { m.field_label(field) }
                            </button>
                            { format!(" {marker}") }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// Working notes in the tender text, and dropping a group of criteria at once.
fn review_options(ctx: &WizardContext, document: &Document) -> Html {
    let m = ctx.messages();
    let selection = &ctx.state.selection;
    let notes = {
        let state = ctx.state.clone();
        Choice {
            id: ctx.id("working-notes"),
            name: ctx.id("working-notes"),
            label: m.working_notes_label.to_string(),
            hint: Some(m.working_notes_hint.to_string()),
            extra: Html::default(),
            checked: selection.working_notes,
            radio: false,
            lang: None,
            on_toggle: Callback::from(move |_| state.dispatch(Action::ToggleWorkingNotes)),
        }
        .view()
    };
    // Groups: each chosen risk (the criteria included for it alone), each stage, each lot.
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for risk in &document.risks {
        let keys: Vec<String> = document
            .sections
            .iter()
            .flat_map(|s| s.items())
            .filter(|i| i.why.risks.len() == 1 && i.why.risks[0] == *risk && !i.why.added)
            .flat_map(|i| i.keys.clone())
            .collect();
        if !keys.is_empty() {
            let n = keys.len().to_string();
            groups.push((fill(m.drop_risk, &[("risk", risk), ("n", &n)]), keys));
        }
    }
    for section in &document.sections {
        let keys: Vec<String> = section.items().flat_map(|i| i.keys.clone()).collect();
        let n = keys.len().to_string();
        let stage = m.kind_heading(section.kind);
        groups.push((fill(m.drop_stage, &[("stage", stage), ("n", &n)]), keys));
    }
    if document.lots.len() > 1 {
        for lot in &document.lots {
            let keys: Vec<String> = document
                .lot_items(lot.number)
                .iter()
                .flat_map(|i| {
                    i.keys
                        .iter()
                        .filter(|k| {
                            k.split_once('/')
                                .is_some_and(|(c, _)| lot.categories.iter().any(|l| l == c))
                        })
                        .cloned()
                })
                .collect();
            if !keys.is_empty() {
                let n = keys.len().to_string();
                groups.push((
                    fill(m.drop_lot, &[("lot", &lot.number.to_string()), ("n", &n)]),
                    keys,
                ));
            }
        }
    }
    html! {
        <section class="ecb-review-options">
            { notes }
            if !groups.is_empty() {
                <details class="ecb-details">
                    <summary class="ecb-details-summary">{ m.drop_group_title }</summary>
                    <p class="ecb-hint">{ m.drop_group_hint }</p>
                    <ul class="ecb-drop-groups">
                        { for groups.into_iter().map(|(label, keys)| {
                            let state = ctx.state.clone();
                            let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::Drop {
                                keys: keys.clone(),
                                then_focus: None,
                            }));
                            html! {
                                <li><button type="button" class="ecb-button ecb-button-secondary" {onclick}>{ label }</button></li>
                            }
                        }) }
                    </ul>
                </details>
            }
        </section>
    }
}
