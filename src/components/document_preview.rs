//! The live preview: the very outline every export uses, rendered as widget markup (text nodes
//! only, never parsed HTML), with why each criterion is there and a "Drop" button before it; then
//! the related criteria offered, and the dropped ones with "Restore".

use super::error_summary::focus_field;
use super::WizardContext;
use crate::domain::document::{Document, Item};
use crate::domain::i18n::{fill, Messages};
use crate::domain::render::{text_hash, walk_body, walk_footer, Inline, Part, Sink, Style};
use crate::state::{Action, WizardState};
use yew::prelude::*;

/// A part, stage, lot or criterion of the preview, folded under its heading.
struct Fold {
    level: u8,
    summary: Html,
    children: Vec<Html>,
}

struct PreviewSink<'d> {
    nodes: Vec<Html>,
    /// The open folds, outermost first: every heading below the title opens one.
    folds: Vec<Fold>,
    /// The "why" and "Drop" bar of the criterion whose heading comes next.
    pending_bar: Option<Html>,
    /// Whether the headings now come from the tender text (listed in the contents down to stages).
    in_tender: bool,
    state: UseReducerHandle<WizardState>,
    m: &'static Messages,
    /// The first key of each criterion in preview order: where focus goes after a drop.
    order: Vec<&'d str>,
    /// Parts, stages and lots: (level, text, element id), for the table of contents.
    toc: Vec<(u8, String, String)>,
    id_prefix: String,
}

fn inline(line: &[Inline]) -> Html {
    line.iter()
        .map(|part| match part.style {
            Style::Plain => html! { { part.text.clone() } },
            Style::Strong => html! { <strong>{ part.text.clone() }</strong> },
            Style::Missing => html! { <mark class="ecb-missing">{ part.text.clone() }</mark> },
        })
        .collect()
}

/// Why a criterion is in the document, in the buyer's words.
pub fn why_text(m: &Messages, item: &Item) -> String {
    let mut parts = Vec::new();
    if !item.why.risks.is_empty() {
        let risks: Vec<String> = item
            .why
            .risks
            .iter()
            .zip(&item.why.hotspots)
            .map(|(risk, hotspot)| match hotspot {
                Some((level, stages)) if !stages.is_empty() => {
                    let stages: Vec<&str> =
                        stages.iter().map(|s| m.supply_chain_stage(*s)).collect();
                    fill(
                        m.why_risk_hotspot,
                        &[
                            ("risk", risk),
                            ("level", m.salience(*level)),
                            ("stages", &m.join_list(&stages)),
                        ],
                    )
                }
                _ => risk.clone(),
            })
            .collect();
        let risks: Vec<&str> = risks.iter().map(String::as_str).collect();
        parts.push(fill(m.why_risks, &[("risks", &risks.join("; "))]));
    }
    if item.why.added {
        parts.push(m.why_added.to_string());
    }
    if !item.why.scope.is_empty() {
        let scope: Vec<&str> = item.why.scope.iter().map(|f| m.feature(*f)).collect();
        parts.push(fill(m.why_scope, &[("scope", &m.join_list(&scope))]));
    }
    parts.join(" ")
}

impl PreviewSink<'_> {
    fn push(&mut self, node: Html) {
        match self.folds.last_mut() {
            Some(fold) => fold.children.push(node),
            None => self.nodes.push(node),
        }
    }

    /// Closes the folds at `level` or deeper.
    fn close_to(&mut self, level: u8) {
        while self.folds.last().is_some_and(|f| f.level >= level) {
            let Some(fold) = self.folds.pop() else { break };
            let node = html! {
                <details class="ecb-fold" open=true>
                    <summary class="ecb-fold-summary">{ fold.summary }</summary>
                    { for fold.children }
                </details>
            };
            self.push(node);
        }
    }

    fn finish(mut self) -> (Vec<Html>, Vec<(u8, String, String)>) {
        self.close_to(0);
        (self.nodes, self.toc)
    }
}

impl Sink for PreviewSink<'_> {
    fn heading(&mut self, level: u8, text: &str) {
        // The widget's step heading is h2; the document's outline sits below it.
        let tag = format!("h{}", (level + 2).min(6));
        if level == 2 {
            self.in_tender = text == self.m.part_tender;
        }
        let listed = level == 2 || (level == 3 && self.in_tender);
        let heading = if listed {
            let id = format!("{}-{}", self.id_prefix, self.toc.len());
            self.toc.push((level, text.to_string(), id.clone()));
            html! { <@{tag} class="ecb-doc-heading" {id} tabindex="-1">{ text.to_string() }</@> }
        } else {
            html! { <@{tag} class="ecb-doc-heading">{ text.to_string() }</@> }
        };
        if level < 2 {
            self.close_to(0);
            self.push(heading);
            return;
        }
        // Parts, stages, lots and criteria fold under their headings; the criterion's bar
        // stays visible above its text.
        self.close_to(level);
        self.folds.push(Fold {
            level,
            summary: heading,
            children: self.pending_bar.take().into_iter().collect(),
        });
    }

    fn paragraph(&mut self, line: &[Inline]) {
        self.push(html! { <p>{ inline(line) }</p> });
    }

    fn bullets(&mut self, items: &[Vec<Inline>]) {
        self.push(
            html! { <ul>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ul> },
        );
    }

    fn rule(&mut self) {
        self.close_to(0);
        self.push(html! { <hr /> });
    }

    fn item(&mut self, item: &Item) {
        let m = self.m;
        let state = self.state.clone();
        let keys = item.keys.clone();
        let first = keys.first().map(String::as_str).unwrap_or_default();
        // Focus goes to the next criterion's button, or the previous one's after the last.
        let at = self.order.iter().position(|k| *k == first);
        let then_focus = at
            .and_then(|i| {
                self.order
                    .get(i + 1)
                    .or_else(|| i.checked_sub(1).and_then(|j| self.order.get(j)))
            })
            .map(|k| k.to_string());
        let onclick = Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Drop {
                keys: keys.clone(),
                then_focus: then_focus.clone(),
            })
        });
        let lots = if item.lots.len() == 1 {
            format!(" ({})", m.lot_numbers(&item.lots))
        } else {
            String::new()
        };
        self.pending_bar = Some(html! {
            <div class="ecb-item-bar">
                <p class="ecb-why">{ why_text(m, item) }</p>
                <button type="button" class="ecb-link-button ecb-drop"
                        data-drop-key={item.keys.join(" ")} {onclick}>
                    { m.drop }
                    <span class="ecb-visually-hidden">{ format!(" {}{lots}: {}", item.number, item.title) }</span>
                </button>
            </div>
        });
    }
}

/// The first key of every criterion, in the order the preview shows them.
fn preview_order(document: &Document) -> Vec<&str> {
    document
        .sections
        .iter()
        .flat_map(|s| s.items())
        .filter_map(|i| i.keys.first().map(String::as_str))
        .collect()
}

fn offered(ctx: &WizardContext, document: &Document) -> Html {
    let m = ctx.messages();
    if document.offered.is_empty() {
        return Html::default();
    }
    let title_id = ctx.id("offered-title");
    html! {
        <section class="ecb-offered" aria-labelledby={title_id.clone()}>
            <h3 class="ecb-subheading" id={title_id}>{ m.offered_title }</h3>
            <p class="ecb-hint">{ m.offered_hint }</p>
            <ul>
                { for document.offered.iter().map(|o| {
                    let state = ctx.state.clone();
                    let key = o.key.clone();
                    let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::Add(key.clone())));
                    let risks: Vec<&str> = o.touches.iter().map(String::as_str).collect();
                    let lots = match &o.within {
                        Some(category) => format!("{} ({category})", m.lot_numbers(&[o.lot])),
                        None => m.lot_numbers(&[o.lot]),
                    };
                    let row = fill(m.offered_row, &[
                        ("kind", m.kind_heading(o.kind)),
                        ("lots", &lots),
                        ("title", &o.title),
                        ("risks", &m.join_list(&risks)),
                    ]);
                    html! {
                        <li>
                            { format!("{row} ") }
                            <button type="button" class="ecb-link-button" {onclick}>
                                { m.add }<span class="ecb-visually-hidden">{ format!(" {}, {lots}", o.title) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

fn dropped(ctx: &WizardContext, document: &Document) -> Html {
    let m = ctx.messages();
    if document.dropped.is_empty() {
        return Html::default();
    }
    let dropped_id = ctx.id("dropped-title");
    let restore_all = {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::RestoreAll))
    };
    html! {
        <section class="ecb-dropped" aria-labelledby={dropped_id.clone()}>
            <h3 class="ecb-subheading ecb-dropped-title" id={dropped_id} tabindex="-1">{ m.dropped_title }</h3>
            <ul>
                { for document.dropped.iter().map(|d| {
                    let state = ctx.state.clone();
                    let key = d.key.clone();
                    let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::Restore(key.clone())));
                    let lots = match &d.within {
                        Some(category) => format!("{} ({category})", m.lot_numbers(&[d.lot])),
                        None => m.lot_numbers(&[d.lot]),
                    };
                    html! {
                        <li>
                            { format!("{} ({}, {lots}) ", d.title, m.kind_heading(d.kind)) }
                            <button type="button" class="ecb-link-button" {onclick}>
                                { m.restore }<span class="ecb-visually-hidden">{ format!(" {}, {lots}", d.title) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
            if document.dropped.len() > 1 {
                <button type="button" class="ecb-button ecb-button-secondary" onclick={restore_all}>
                    { fill(m.restore_all_n, &[("n", &document.dropped.len().to_string())]) }
                </button>
            }
        </section>
    }
}

pub fn document_preview(ctx: &WizardContext, document: &Document) -> Html {
    let m = ctx.messages();
    let mut sink = PreviewSink {
        nodes: Vec::new(),
        folds: Vec::new(),
        pending_bar: None,
        in_tender: false,
        state: ctx.state.clone(),
        m,
        order: preview_order(document),
        toc: Vec::new(),
        id_prefix: ctx.id("doc"),
    };
    walk_body(document, Part::Whole, &mut sink);
    walk_footer(document, &text_hash(document, Part::Whole), &mut sink);
    let (nodes, toc) = sink.finish();
    let title_id = ctx.id("preview-title");
    html! {
        <>
            <section class="ecb-preview" aria-labelledby={title_id.clone()}>
                <h3 class="ecb-subheading" id={title_id} tabindex="-1">{ m.preview_title }</h3>
                <p class="ecb-hint">{ m.preview_hint }</p>
                <nav class="ecb-toc" aria-label={m.toc_title}>
                    <p class="ecb-toc-title">{ m.toc_title }</p>
                    <ul>
                        { for toc.iter().map(|(level, text, id)| {
                            let target = id.clone();
                            let onclick = Callback::from(move |e: MouseEvent| focus_field(&e, &target));
                            html! {
                                <li class={if *level == 3 { "ecb-toc-sub" } else { "" }}>
                                    <a href={format!("#{id}")} {onclick}>{ text.clone() }</a>
                                </li>
                            }
                        }) }
                    </ul>
                </nav>
                <div class="ecb-document" lang={(document.language != ctx.state.language).then(|| document.language.code())}>{ for nodes }</div>
            </section>
            { offered(ctx, document) }
            { dropped(ctx, document) }
        </>
    }
}
