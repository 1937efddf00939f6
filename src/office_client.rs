//! The page's side of the office worker ([`crate::office_worker`]): started on the first Word or
//! LibreOffice download or template, from the widget's own folder (`www/office-worker.js`, same
//! origin, so it runs under the widget's strict CSP); one per page, shared by its widgets. Each
//! request is answered in turn; a worker that cannot start fails the requests waiting for it and
//! is started again on the next one.

use crate::browser;
use crate::domain::i18n::Language;
use crate::domain::render::office::template::{Kind, TemplateProblem};
use crate::domain::render::{Format, Part};
use crate::state::CheckedOverlay;
use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The worker's loader, in the widget's folder.
pub const LOADER: &str = "www/office-worker.js";

struct Client {
    worker: web_sys::Worker,
    ready: bool,
    queue: Vec<Object>,
    pending: Vec<(f64, Function)>,
    next: f64,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

fn failure() -> JsValue {
    let out = Object::new();
    let _ = Reflect::set(&out, &"error".into(), &"worker".into());
    out.into()
}

fn on_message(event: web_sys::MessageEvent) {
    let data = event.data();
    // The loader says its module did not load.
    if Reflect::has(&data, &"failed".into()).unwrap_or(false) {
        fail_all();
        return;
    }
    CLIENT.with(|client| {
        let mut client = client.borrow_mut();
        let Some(client) = client.as_mut() else {
            return;
        };
        if data.as_string().as_deref() == Some("ready") {
            client.ready = true;
            for request in std::mem::take(&mut client.queue) {
                let _ = client.worker.post_message(&request);
            }
            return;
        }
        let id = Reflect::get(&data, &"id".into())
            .ok()
            .and_then(|id| id.as_f64());
        if let Some(at) = client.pending.iter().position(|(n, _)| Some(*n) == id) {
            let (_, resolve) = client.pending.remove(at);
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
    });
}

fn on_error(_: web_sys::Event) {
    fail_all();
}

/// The worker could not start (its files missing, say): every waiting request fails, and the
/// next one starts a new worker.
fn fail_all() {
    let client = CLIENT.with(|client| client.borrow_mut().take());
    if let Some(client) = client {
        client.worker.terminate();
        for (_, resolve) in client.pending {
            let _ = resolve.call1(&JsValue::NULL, &failure());
        }
    }
}

fn start() -> Option<Client> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Classic);
    let worker = browser::worker(LOADER, &options)?;
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(on_message);
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(on_error);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Client {
        worker,
        ready: false,
        queue: Vec::new(),
        pending: Vec::new(),
        next: 1.0,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Sends a request and waits for its reply (an object with `error` set if the worker failed).
async fn ask(request: Object) -> JsValue {
    let promise = Promise::new(&mut |resolve: Function, _reject: Function| {
        CLIENT.with(|client| {
            let mut client = client.borrow_mut();
            if client.is_none() {
                *client = start();
            }
            let Some(client) = client.as_mut() else {
                let _ = resolve.call1(&JsValue::NULL, &failure());
                return;
            };
            let id = client.next;
            client.next += 1.0;
            let _ = Reflect::set(&request, &"id".into(), &id.into());
            client.pending.push((id, resolve));
            if client.ready {
                let _ = client.worker.post_message(&request);
            } else {
                client.queue.push(request.clone());
            }
        });
    });
    JsFuture::from(promise).await.unwrap_or_else(|_| failure())
}

fn field(reply: &JsValue, key: &str) -> Option<String> {
    Reflect::get(reply, &key.into())
        .ok()
        .and_then(|v| v.as_string())
}

fn problem(reply: &JsValue) -> Option<TemplateProblem> {
    let code = field(reply, "problem")?;
    Some(TemplateProblem::from_code(
        &code,
        &field(reply, "detail").unwrap_or_default(),
    ))
}

/// What a request to write an office file came to.
pub enum Written {
    Bytes(Vec<u8>),
    /// The template given could not be read (it was checked when chosen, so this is rare).
    Template(TemplateProblem),
    /// The worker or a file it needs could not be loaded.
    Failed,
}

/// Writes an office file in the worker, from the answers (a share link's fragment) in the
/// document's language or two, in a template's styles where given.
pub async fn write(
    format: Format,
    part: Part,
    (language, second): (Language, Option<Language>),
    fragment: &str,
    template: Option<&[u8]>,
    (files, overlay): (Option<&str>, Option<&[u8]>),
) -> Written {
    let request = Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&request, &key.into(), &value);
    };
    set("kind", "render".into());
    set("format", format.code().into());
    set("part", part.code().into());
    set("language", language.code().into());
    set(
        "second",
        second.map(|l| l.code()).unwrap_or_default().into(),
    );
    set("fragment", fragment.into());
    // The host's catalogue folder, if the data files are not next to the widget.
    set("files", files.unwrap_or_default().into());
    // The authority's overlay (postcard bytes of the overlay the page applied).
    if let Some(overlay) = overlay {
        set("overlay", Uint8Array::from(overlay).into());
    }
    if let Some(template) = template {
        set("template", Uint8Array::from(template).into());
    }
    let reply = ask(request).await;
    if let Some(problem) = problem(&reply) {
        return Written::Template(problem);
    }
    match Reflect::get(&reply, &"bytes".into())
        .ok()
        .and_then(|b| b.dyn_into::<Uint8Array>().ok())
    {
        Some(bytes) => Written::Bytes(bytes.to_vec()),
        None => Written::Failed,
    }
}

/// Checks a file chosen as template in the worker: its kind, or why it cannot be used (`None`:
/// the worker could not be loaded to check it).
pub async fn check(bytes: &[u8]) -> Result<Kind, Option<TemplateProblem>> {
    let request = Object::new();
    let _ = Reflect::set(&request, &"kind".into(), &"check".into());
    let _ = Reflect::set(
        &request,
        &"template".into(),
        &Uint8Array::from(bytes).into(),
    );
    let reply = ask(request).await;
    if let Some(problem) = problem(&reply) {
        return Err(Some(problem));
    }
    field(&reply, "template")
        .and_then(|code| Kind::from_code(&code))
        .ok_or(None)
}

/// Has the worker read an overlay (the host's object, or the address of its JSON form) and check
/// it with the build's rules against the reference catalogue: the checked overlay, or every
/// problem as "file: entry: reason".
pub async fn check_overlay(
    given: &JsValue,
    file: &str,
    files: Option<&str>,
) -> Result<Box<CheckedOverlay>, Vec<String>> {
    let request = Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = Reflect::set(&request, &key.into(), value);
    };
    set("kind", &"overlay".into());
    set("overlay", given);
    set("file", &file.into());
    set("files", &files.unwrap_or_default().into());
    let reply = ask(request).await;
    if let Some(bytes) = Reflect::get(&reply, &"checked".into())
        .ok()
        .and_then(|b| b.dyn_into::<Uint8Array>().ok())
    {
        let bytes = bytes.to_vec();
        return postcard::from_bytes(&bytes)
            .map(|checked| Box::new(CheckedOverlay { checked, bytes }))
            .map_err(|_| vec![format!("{file}: the checked overlay came back damaged")]);
    }
    match Reflect::get(&reply, &"problems".into()) {
        Ok(list) if js_sys::Array::is_array(&list) => Err(js_sys::Array::from(&list)
            .iter()
            .filter_map(|p| p.as_string())
            .collect()),
        _ => Err(vec![format!(
            "{file}: could not be checked: the office worker (office_worker.js, office_worker_bg.wasm, www/office-worker.js) did not load"
        )]),
    }
}
