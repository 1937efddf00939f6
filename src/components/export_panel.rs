//! Export: which part of the document (the tender text by default, a stage, the plan, the
//! guidance, or everything), then copy (formatted or plain), download (Markdown, text, HTML) or
//! copy a link. What happened is said next to the buttons, each time.

use super::template_file::TemplateFile;
use super::WizardContext;
use crate::browser;
use crate::domain::document::Document;
use crate::domain::host_events::{self, ExportEvent};
use crate::domain::i18n::fill;
use crate::domain::i18n::Language;
use crate::domain::render::office::template::Kind;
use crate::domain::render::{html, parts_of, text, Format, Part};
use crate::office_client::{self, Written};
use crate::state::{Action, Status};
use std::rc::Rc;
use yew::prelude::*;

pub fn export_panel(
    ctx: &WizardContext,
    document: &Rc<Document>,
    second: Option<&Rc<Document>>,
) -> Html {
    let m = ctx.messages();
    let parts = parts_of(document);
    // A part the document no longer has (its stage was dropped) falls back to the first one.
    let part = if parts.contains(&ctx.state.export_part) {
        ctx.state.export_part
    } else {
        parts.first().copied().unwrap_or(Part::Whole)
    };
    let report = {
        let state = ctx.state.clone();
        Callback::from(move |status: Status| state.dispatch(Action::SetStatus(Some(status))))
    };
    let second = second.cloned();
    let copy = |rich: bool| {
        let (document, second, report) = (document.clone(), second.clone(), report.clone());
        Callback::from(move |e: MouseEvent| {
            let (document, second, report) = (document.clone(), second.clone(), report.clone());
            let target = e.target();
            wasm_bindgen_futures::spawn_local(async move {
                let plain = match &second {
                    Some(second) => text::render_pair(&document, second, part),
                    None => text::render(&document, part),
                };
                let result = if rich {
                    let html = match &second {
                        Some(second) => html::fragment_pair(&document, second, part),
                        None => html::fragment(&document, part),
                    };
                    browser::copy_rich(&html, &plain).await
                } else {
                    browser::copy_text(&plain).await
                };
                if let (Ok(()), Some(target)) = (&result, &target) {
                    let event = ExportEvent {
                        format: if rich { "copy-formatted" } else { "copy-plain" },
                        part: part.code(),
                        file: String::new(),
                        languages: std::iter::once(document.language.code())
                            .chain(second.as_ref().map(|d| d.language.code()))
                            .collect(),
                    };
                    browser::host_event(target, host_events::EXPORT, &event);
                }
                report.emit(if result.is_ok() {
                    Status::Copied
                } else {
                    Status::CopyFailed
                });
            });
        })
    };
    let download = |format: Format| {
        let (document, second, report) = (document.clone(), second.clone(), report.clone());
        let (state, files) = (ctx.state.clone(), ctx.files.clone());
        Callback::from(move |e: MouseEvent| {
            let name = format.file_name(part);
            let languages: Vec<&'static str> = std::iter::once(document.language.code())
                .chain(second.as_ref().map(|d| d.language.code()))
                .collect();
            let exported = {
                let (target, name) = (e.target(), name.clone());
                move || {
                    if let Some(target) = &target {
                        let event = ExportEvent {
                            format: format.code(),
                            part: part.code(),
                            file: name,
                            languages,
                        };
                        browser::host_event(target, host_events::EXPORT, &event);
                    }
                }
            };
            if !format.in_worker() {
                let bytes = format
                    .render_text(&document, second.as_deref(), part)
                    .unwrap_or_default();
                if browser::download(&name, format.mime(), &bytes).is_ok() {
                    report.emit(Status::Downloaded(name));
                    exported();
                }
                return;
            }
            // The office files are written in the office worker, from the same answers; the
            // page says it is preparing the file once that takes longer than a moment.
            let template = state
                .template
                .as_ref()
                .filter(|(_, kind, _)| (*kind == Kind::Word) == (format == Format::Docx))
                .map(|(_, _, bytes)| bytes.clone());
            let (language, second) = (document.language, second.as_ref().map(|d| d.language));
            let (fragment, report, state) = (state.fragment(), report.clone(), state.clone());
            let files = files.clone();
            // The authority's overlay goes with the answers: the worker merges it as the page did.
            let overlay = state.overlay.as_ref().map(|o| o.bytes.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let slow = {
                    let (report, name) = (report.clone(), name.clone());
                    gloo::timers::callback::Timeout::new(200, move || {
                        report.emit(Status::Preparing(name))
                    })
                };
                let template = template.as_deref().map(Vec::as_slice);
                let (languages, from) =
                    ((language, second), (files.as_deref(), overlay.as_deref()));
                let written =
                    office_client::write(format, part, languages, &fragment, template, from).await;
                drop(slow);
                match written {
                    Written::Bytes(bytes) => {
                        if browser::download(&name, format.mime(), &bytes).is_ok() {
                            report.emit(Status::Downloaded(name));
                            exported();
                        }
                    }
                    Written::Template(problem) => {
                        if let Some((file, _, _)) = &state.template {
                            state.dispatch(Action::TemplateFailed {
                                file: file.clone(),
                                problem: Some(problem),
                            });
                        }
                        report.emit(Status::PrepareFailed(name));
                    }
                    Written::Failed => report.emit(Status::PrepareFailed(name)),
                }
            });
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
    let onchange = {
        let state = ctx.state.clone();
        Callback::from(move |e: Event| {
            let code = super::selected(&e);
            if let Some(part) = Part::from_code(&code) {
                state.dispatch(Action::SetExportPart(part));
            }
        })
    };
    let status = ctx.state.status.as_ref().map(|s| match s {
        Status::Copied => m.copied.to_string(),
        Status::LinkCopied => m.link_copied.to_string(),
        Status::CopyFailed => m.copy_failed.to_string(),
        Status::Downloaded(file) => fill(m.downloaded, &[("file", file)]),
        Status::Preparing(file) => fill(m.preparing, &[("file", file)]),
        Status::PrepareFailed(file) => fill(m.prepare_failed, &[("file", file)]),
    });
    let title_id = ctx.id("export-title");
    let part_id = ctx.id("export-part");
    let second_id = ctx.id("export-second");
    let second_hint_id = ctx.id("export-second-hint");
    let first = document.language;
    let chosen = ctx.state.second_language();
    let on_second = {
        let state = ctx.state.clone();
        Callback::from(move |e: Event| {
            let code = super::selected(&e);
            state.dispatch(Action::SetSecondLanguage(Language::from_code(&code)));
        })
    };
    html! {
        <section class="ecb-export" aria-labelledby={title_id.clone()}>
            <h3 class="ecb-subheading" id={title_id} tabindex="-1">{ m.export_title }</h3>
            <div class="ecb-field">
                <label class="ecb-label" for={part_id.clone()}>{ m.export_part_legend }</label>
                <select class="ecb-select" id={part_id} {onchange}>
                    { for parts.iter().map(|p| html! {
                        <option value={p.code()} selected={*p == part}>{ p.label(m) }</option>
                    }) }
                </select>
            </div>
            <div class="ecb-field">
                <label class="ecb-label" for={second_id.clone()}>{ m.second_language_label }</label>
                <p class="ecb-hint" id={second_hint_id.clone()}>{ m.second_language_hint }</p>
                <select class="ecb-select" id={second_id} aria-describedby={second_hint_id} onchange={on_second}>
                    <option value="" selected={chosen.is_none()}>{ m.second_language_none }</option>
                    { for Language::ALL.into_iter().filter(|l| *l != first && l.document_language() == *l).map(|l| html! {
                        <option value={l.code()} lang={l.code()} selected={chosen == Some(l)}>{ l.name() }</option>
                    }) }
                </select>
            </div>
            <div class="ecb-button-group">
                <button type="button" class="ecb-button" onclick={copy(true)}>{ m.copy_rich }</button>
                <button type="button" class="ecb-button ecb-button-secondary" onclick={copy(false)}>{ m.copy_plain }</button>
                { for Format::ALL.into_iter().map(|format| html! {
                    <button type="button" class="ecb-button ecb-button-secondary"
                            onclick={download(format)}>{ format.label(m) }</button>
                }) }
                <button type="button" class="ecb-button ecb-button-secondary" onclick={copy_link}>{ m.copy_link }</button>
            </div>
            // Keyed by the status count: a repeated action inserts a new node, announced again.
            <p class="ecb-status" role="status" aria-live="polite">
                if let Some(status) = status {
                    <span key={ctx.state.status_seq}>{ status }</span>
                }
            </p>
            <TemplateFile state={ctx.state.clone()} instance={ctx.instance} />
        </section>
    }
}
