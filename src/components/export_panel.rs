//! Export buttons: copy (formatted or plain), download (Markdown, text, HTML) and copy a link.

use super::WizardContext;
use crate::browser;
use crate::domain::assemble::Document;
use crate::domain::render::{file_name, html, markdown, text};
use crate::state::{Action, Status};
use std::rc::Rc;
use yew::prelude::*;

pub fn export_panel(ctx: &WizardContext, document: &Rc<Document>) -> Html {
    let m = ctx.messages();
    let report = {
        let state = ctx.state.clone();
        Callback::from(move |status: Status| state.dispatch(Action::SetStatus(Some(status))))
    };
    let copy = |rich: bool| {
        let (document, report) = (document.clone(), report.clone());
        Callback::from(move |_: MouseEvent| {
            let (document, report) = (document.clone(), report.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let plain = text::render(&document);
                let result = if rich {
                    browser::copy_rich(&html::fragment(&document), &plain).await
                } else {
                    browser::copy_text(&plain).await
                };
                report.emit(if result.is_ok() {
                    Status::Copied
                } else {
                    Status::CopyFailed
                });
            });
        })
    };
    let download =
        |extension: &'static str, mime: &'static str, render: fn(&Document) -> String| {
            let (document, report) = (document.clone(), report.clone());
            Callback::from(move |_: MouseEvent| {
                let name = file_name(extension);
                if browser::download(&name, mime, &render(&document)).is_ok() {
                    report.emit(Status::Downloaded(name));
                }
            })
        };
    let copy_link = {
        let (state, report) = (ctx.state.clone(), report.clone());
        Callback::from(move |_: MouseEvent| {
            let (link, report) = (browser::share_link(&state.fragment()), report.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let ok = browser::copy_text(&link).await.is_ok();
                report.emit(if ok {
                    Status::LinkCopied
                } else {
                    Status::CopyFailed
                });
            });
        })
    };
    let title_id = ctx.id("export-title");
    html! {
        <section class="ecb-export" aria-labelledby={title_id.clone()}>
            <h3 class="ecb-subheading" id={title_id}>{ m.export_title }</h3>
            <div class="ecb-button-group">
                <button type="button" class="ecb-button" onclick={copy(true)}>{ m.copy_rich }</button>
                <button type="button" class="ecb-button ecb-button-secondary" onclick={copy(false)}>{ m.copy_plain }</button>
                <button type="button" class="ecb-button ecb-button-secondary"
                        onclick={download("md", "text/markdown;charset=utf-8", markdown::render)}>{ m.download_markdown }</button>
                <button type="button" class="ecb-button ecb-button-secondary"
                        onclick={download("txt", "text/plain;charset=utf-8", text::render)}>{ m.download_text }</button>
                <button type="button" class="ecb-button ecb-button-secondary"
                        onclick={download("html", "text/html;charset=utf-8", html::standalone)}>{ m.download_html }</button>
                <button type="button" class="ecb-button ecb-button-secondary" onclick={copy_link}>{ m.copy_link }</button>
            </div>
        </section>
    }
}
