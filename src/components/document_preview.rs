//! The live preview: the very outline every export uses, rendered as widget markup (text nodes
//! only, never parsed HTML), with a "Drop" button before each criterion and the dropped ones listed
//! with "Restore".

use super::WizardContext;
use crate::domain::assemble::Document;
use crate::domain::i18n::fill;
use crate::domain::render::{walk_body, walk_footer, Inline, Sink, Style};
use crate::state::{Action, WizardState};
use yew::prelude::*;

struct PreviewSink {
    nodes: Vec<Html>,
    state: UseReducerHandle<WizardState>,
    drop_label: &'static str,
    reference: &'static str,
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

impl Sink for PreviewSink {
    fn heading(&mut self, level: u8, text: &str) {
        // The widget's step heading is h2; the document's outline sits below it.
        let tag = format!("h{}", (level + 2).min(6));
        self.nodes
            .push(html! { <@{tag} class="ecb-doc-heading">{ text.to_string() }</@> });
    }

    fn paragraph(&mut self, line: &[Inline]) {
        self.nodes.push(html! { <p>{ inline(line) }</p> });
    }

    fn bullets(&mut self, items: &[Vec<Inline>]) {
        self.nodes.push(
            html! { <ul>{ for items.iter().map(|i| html! { <li>{ inline(i) }</li> }) }</ul> },
        );
    }

    fn rule(&mut self) {
        self.nodes.push(html! { <hr /> });
    }

    fn item(&mut self, key: &str, lot: usize, number: &str, title: &str) {
        let state = self.state.clone();
        let key = key.to_string();
        let key_attr = key.clone();
        let onclick =
            Callback::from(move |_: MouseEvent| state.dispatch(Action::Drop(key.clone())));
        let whom = fill(
            self.reference,
            &[("lot", &lot.to_string()), ("number", number)],
        );
        self.nodes.push(html! {
            <button type="button" class="ecb-link-button ecb-drop" data-drop-key={key_attr} {onclick}>
                { self.drop_label }
                <span class="ecb-visually-hidden">{ format!(" {whom}: {title}") }</span>
            </button>
        });
    }
}

pub fn document_preview(ctx: &WizardContext, document: &Document) -> Html {
    let m = ctx.messages();
    let mut sink = PreviewSink {
        nodes: Vec::new(),
        state: ctx.state.clone(),
        drop_label: m.drop,
        reference: m.reference,
    };
    walk_body(document, &mut sink);
    walk_footer(document, &mut sink);
    let title_id = ctx.id("preview-title");
    let dropped_id = ctx.id("dropped-title");
    html! {
        <>
            if !document.dropped.is_empty() {
                <section class="ecb-dropped" aria-labelledby={dropped_id.clone()}>
                    <h3 class="ecb-subheading ecb-dropped-title" id={dropped_id} tabindex="-1">{ m.dropped_title }</h3>
                    <ul>
                        { for document.dropped.iter().map(|d| {
                            let state = ctx.state.clone();
                            let key = d.key.clone();
                            let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::Restore(key.clone())));
                            let whom = fill(m.reference, &[("lot", &d.lot.to_string()), ("number", &d.id)]);
                            html! {
                                <li>
                                    { format!("{whom}: {} ", d.title) }
                                    <button type="button" class="ecb-link-button" {onclick}>
                                        { m.restore }<span class="ecb-visually-hidden">{ format!(" {}", d.title) }</span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
            <section class="ecb-preview" aria-labelledby={title_id.clone()}>
                <h3 class="ecb-subheading" id={title_id}>{ m.preview_title }</h3>
                <p class="ecb-hint">{ m.preview_hint }</p>
                <div class="ecb-document">{ for sink.nodes }</div>
            </section>
        </>
    }
}
