//! The live preview: the very outline every export uses, rendered as widget markup (text nodes
//! only, never parsed HTML), with why each criterion is there and a "Drop" button before it; then
//! the related criteria offered, and the dropped ones with "Restore".

use super::error_summary::focus_field;
use super::{Same, WizardContext};
use crate::domain::document::{Document, Item};
use crate::domain::i18n::{fill, Language, Messages};
use crate::domain::render::{text_hash, walk_body, walk_footer, Inline, Part, Sink, Style};
use crate::state::{Action, WizardState};
use std::rc::Rc;
use yew::prelude::*;

/// A block of the preview. Parts, stages, lots and criteria fold under their headings; each fold
/// is its own memoised component, so a drop re-renders only the folds whose text changed.
#[derive(Debug, PartialEq, Eq)]
enum Node {
    /// The document's title (the headings above the parts).
    Heading(u8, String),
    Paragraph(Vec<Inline>),
    Bullets(Vec<Vec<Inline>>),
    Rule,
    Fold(Rc<Fold>),
}

/// A node with the key that keeps it matched to its DOM across re-renders: a criterion's keys, a
/// heading's text, or the position among its parent's other blocks.
#[derive(Debug, PartialEq, Eq)]
struct Keyed {
    key: String,
    node: Node,
}

/// A criterion's "why" line and its "Drop" button.
#[derive(Debug, PartialEq, Eq)]
struct Bar {
    why: String,
    keys: Vec<String>,
    /// What the button drops, for screen readers.
    names: String,
    /// Where focus goes after the drop: the next criterion's button (the previous after the last).
    then_focus: Option<String>,
}

#[derive(Debug, PartialEq, Eq)]
struct Fold {
    level: u8,
    heading: String,
    /// The element id of a heading listed in the contents.
    id: Option<String>,
    bar: Option<Bar>,
    children: Vec<Keyed>,
}

/// The preview as data: built once per document, compared fold by fold.
#[derive(Debug, PartialEq, Eq)]
struct Outline {
    nodes: Vec<Keyed>,
    /// Parts, stages and lots: (level, text, element id), for the table of contents.
    toc: Vec<(u8, String, String)>,
}

/// Children being collected, with how many unkeyed blocks came so far (their keys).
#[derive(Default)]
struct Siblings {
    children: Vec<Keyed>,
    blocks: usize,
}

impl Siblings {
    fn push(&mut self, node: Node) {
        let key = match &node {
            Node::Fold(fold) => {
                let base = match &fold.bar {
                    Some(bar) => format!("c:{}", bar.keys.join(" ")),
                    None => format!("h{}:{}", fold.level, fold.heading),
                };
                // Sibling keys must differ; a repeated heading takes its count.
                let repeats = self
                    .children
                    .iter()
                    .filter(|c| c.key.starts_with(&base))
                    .count();
                if repeats == 0 {
                    base
                } else {
                    format!("{base}#{repeats}")
                }
            }
            _ => {
                self.blocks += 1;
                format!("b{}", self.blocks)
            }
        };
        self.children.push(Keyed { key, node });
    }
}

struct OpenFold {
    level: u8,
    heading: String,
    id: Option<String>,
    bar: Option<Bar>,
    inner: Siblings,
}

struct OutlineSink<'d> {
    top: Siblings,
    /// The open folds, outermost first: every heading below the title opens one.
    folds: Vec<OpenFold>,
    /// The "why" and "Drop" bar of the criterion whose heading comes next.
    pending_bar: Option<Bar>,
    /// Whether the headings now come from the tender text (listed in the contents down to stages).
    in_tender: bool,
    m: &'static Messages,
    /// The first key of each criterion in preview order: where focus goes after a drop.
    order: Vec<&'d str>,
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

impl OutlineSink<'_> {
    fn push(&mut self, node: Node) {
        match self.folds.last_mut() {
            Some(fold) => fold.inner.push(node),
            None => self.top.push(node),
        }
    }

    /// Closes the folds at `level` or deeper.
    fn close_to(&mut self, level: u8) {
        while self.folds.last().is_some_and(|f| f.level >= level) {
            let Some(open) = self.folds.pop() else { break };
            self.push(Node::Fold(Rc::new(Fold {
                level: open.level,
                heading: open.heading,
                id: open.id,
                bar: open.bar,
                children: open.inner.children,
            })));
        }
    }

    fn finish(mut self) -> Outline {
        self.close_to(0);
        Outline {
            nodes: self.top.children,
            toc: self.toc,
        }
    }
}

impl Sink for OutlineSink<'_> {
    fn heading(&mut self, level: u8, text: &str) {
        if level == 2 {
            self.in_tender = text == self.m.part_tender;
        }
        if level < 2 {
            self.close_to(0);
            self.push(Node::Heading(level, text.to_string()));
            return;
        }
        let listed = level == 2 || (level == 3 && self.in_tender);
        let id = listed.then(|| {
            let id = format!("{}-{}", self.id_prefix, self.toc.len());
            self.toc.push((level, text.to_string(), id.clone()));
            id
        });
        // The criterion's bar stays visible above its text.
        self.close_to(level);
        self.folds.push(OpenFold {
            level,
            heading: text.to_string(),
            id,
            bar: self.pending_bar.take(),
            inner: Siblings::default(),
        });
    }

    fn paragraph(&mut self, line: &[Inline]) {
        self.push(Node::Paragraph(line.to_vec()));
    }

    fn bullets(&mut self, items: &[Vec<Inline>]) {
        self.push(Node::Bullets(items.to_vec()));
    }

    fn rule(&mut self) {
        self.close_to(0);
        self.push(Node::Rule);
    }

    fn item(&mut self, item: &Item) {
        let m = self.m;
        let first = item.keys.first().map(String::as_str).unwrap_or_default();
        let at = self.order.iter().position(|k| *k == first);
        let then_focus = at
            .and_then(|i| {
                self.order
                    .get(i + 1)
                    .or_else(|| i.checked_sub(1).and_then(|j| self.order.get(j)))
            })
            .map(|k| k.to_string());
        let lots = if item.lots.len() == 1 {
            format!(" ({})", m.lot_numbers(&item.lots))
        } else {
            String::new()
        };
        self.pending_bar = Some(Bar {
            why: why_text(m, item),
            keys: item.keys.clone(),
            names: format!(" {}{lots}: {}", item.number, item.title),
            then_focus,
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

fn outline(document: &Document, m: &'static Messages, id_prefix: String) -> Outline {
    let mut sink = OutlineSink {
        top: Siblings::default(),
        folds: Vec::new(),
        pending_bar: None,
        in_tender: false,
        m,
        order: preview_order(document),
        toc: Vec::new(),
        id_prefix,
    };
    walk_body(document, Part::Whole, &mut sink);
    walk_footer(document, &text_hash(document, Part::Whole), &mut sink);
    sink.finish()
}

type Dispatch = UseReducerDispatcher<WizardState>;

fn node_html(keyed: &Keyed, dispatch: &Dispatch, language: Language) -> Html {
    let key = keyed.key.clone();
    match &keyed.node {
        Node::Heading(level, text) => {
            // The widget's step heading is h2; the document's outline sits below it.
            let tag = format!("h{}", (level + 2).min(6));
            html! { <@{tag} {key} class="ecb-doc-heading">{ text.clone() }</@> }
        }
        Node::Paragraph(line) => html! { <p {key}>{ inline(line) }</p> },
        Node::Bullets(items) => html! {
            <ul {key}>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ul>
        },
        Node::Rule => html! { <hr {key} /> },
        Node::Fold(fold) => html! {
            <FoldView {key} fold={fold.clone()} dispatch={dispatch.clone()} {language} />
        },
    }
}

#[derive(Properties, PartialEq)]
struct FoldProps {
    fold: Rc<Fold>,
    dispatch: Dispatch,
    /// The widget's language (the "why" line and the button), not the document's.
    language: Language,
}

/// One part, stage, lot or criterion: rendered again only when its own text changed.
#[function_component(FoldView)]
fn fold_view(props: &FoldProps) -> Html {
    let m = props.language.messages();
    let fold = &props.fold;
    let tag = format!("h{}", (fold.level + 2).min(6));
    let heading = match &fold.id {
        Some(id) => {
            html! { <@{tag} class="ecb-doc-heading" id={id.clone()} tabindex="-1">{ fold.heading.clone() }</@> }
        }
        None => html! { <@{tag} class="ecb-doc-heading">{ fold.heading.clone() }</@> },
    };
    let bar = fold.bar.as_ref().map(|bar| {
        let dispatch = props.dispatch.clone();
        let (keys, then_focus) = (bar.keys.clone(), bar.then_focus.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::Drop {
                keys: keys.clone(),
                then_focus: then_focus.clone(),
            })
        });
        html! {
            <div class="ecb-item-bar">
                <p class="ecb-why">{ bar.why.clone() }</p>
                <button type="button" class="ecb-link-button ecb-drop"
                        data-drop-key={bar.keys.join(" ")} {onclick}>
                    { m.drop }
                    <span class="ecb-visually-hidden">{ bar.names.clone() }</span>
                </button>
            </div>
        }
    });
    html! {
        <details class="ecb-fold" open=true>
            <summary class="ecb-fold-summary">{ heading }</summary>
            { bar.unwrap_or_default() }
            { for fold.children.iter().map(|c| node_html(c, &props.dispatch, props.language)) }
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub document: Same<Document>,
    pub dispatch: Dispatch,
    /// The widget's language.
    pub language: Language,
    /// Prefix of the element ids (unique per widget).
    pub id_prefix: String,
}

/// The document itself with its contents: skipped entirely when the document is unchanged.
#[function_component(DocumentPreview)]
pub fn document_preview(props: &PreviewProps) -> Html {
    let m = props.language.messages();
    let outline = {
        let deps = (
            props.document.clone(),
            props.language,
            props.id_prefix.clone(),
        );
        use_memo(deps, |(document, language, prefix)| {
            outline(document, language.messages(), format!("{prefix}-doc"))
        })
    };
    let title_id = format!("{}-preview-title", props.id_prefix);
    let document = &props.document;
    html! {
        <section class="ecb-preview" aria-labelledby={title_id.clone()}>
            <h3 class="ecb-subheading" id={title_id} tabindex="-1">{ m.preview_title }</h3>
            <p class="ecb-hint">{ m.preview_hint }</p>
            <nav class="ecb-toc" aria-label={m.toc_title}>
                <p class="ecb-toc-title">{ m.toc_title }</p>
                <ul>
                    { for outline.toc.iter().map(|(level, text, id)| {
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
            <div class="ecb-document" lang={(document.language != props.language).then(|| document.language.code())}>
                { for outline.nodes.iter().map(|n| node_html(n, &props.dispatch, props.language)) }
            </div>
        </section>
    }
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

/// The related criteria offered and the dropped ones, below the preview.
pub fn offered_and_dropped(ctx: &WizardContext, document: &Document) -> Html {
    html! {
        <>
            { offered(ctx, document) }
            { dropped(ctx, document) }
        </>
    }
}
