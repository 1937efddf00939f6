//! The office worker: a second WebAssembly module, started in a Web Worker on the first Word or
//! LibreOffice download (or template chosen), so that the office writers and the template reader
//! are not in the widget's first load and writing a large document never blocks the page.
//!
//! It assembles the document itself from the same answers (the share link's fragment), with the
//! complete catalogue and messages fetched from the widget's folder like the page fetches them,
//! and writes it exactly as the command line does. Requests and replies are plain objects:
//! - `{id, kind: "check", template}`: `{id, template: "word" | "odt"}` or `{id, problem, detail}`;
//! - `{id, kind: "render", format, part, language, second, fragment, template?}`:
//!   `{id, bytes}` or `{id, problem, detail}` (the template) or `{id, error}` (a file missing).
//!
//! The page side is [`crate::office_client`].

use crate::domain::render::office::template::{self, Template, TemplateProblem};
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The browser's `DecompressionStream` (web-sys has it only behind its unstable APIs).
    #[wasm_bindgen(js_name = DecompressionStream)]
    type Inflater;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Inflater, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &Inflater) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &Inflater) -> web_sys::WritableStream;
}

/// Inflates raw deflate data with the browser's own `DecompressionStream` (no inflater ships),
/// stopping at `limit` bytes: a part that inflates to more than its package says is damaged, and
/// is never held in memory whole.
async fn inflate_raw(data: &[u8], limit: usize) -> Option<Vec<u8>> {
    let parts = js_sys::Array::of1(&Uint8Array::from(data));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?;
    let inflater = Inflater::new("deflate-raw").ok()?;
    let pair = web_sys::ReadableWritablePair::new(&inflater.readable(), &inflater.writable());
    let stream = blob.stream().pipe_through(&pair);
    let reader = web_sys::ReadableStreamDefaultReader::new(&stream).ok()?;
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.ok()?;
        let done = Reflect::get(&chunk, &"done".into()).ok()?;
        if done.as_bool() == Some(true) {
            return Some(out);
        }
        let value = Reflect::get(&chunk, &"value".into()).ok()?;
        let bytes = value.dyn_into::<Uint8Array>().ok()?;
        if out.len() + bytes.length() as usize > limit {
            let _ = reader.cancel();
            return None;
        }
        out.extend(bytes.to_vec());
    }
}

/// Reads a template: the package in the domain, the inflating by the browser.
pub async fn read_template(bytes: &[u8]) -> Result<Template, TemplateProblem> {
    let (kind, parts) = template::open(bytes)?;
    let mut inflated = Vec::new();
    for packed in parts {
        let data = if packed.deflated {
            inflate_raw(&packed.data, packed.size)
                .await
                .ok_or_else(|| TemplateProblem::Damaged(packed.name.to_string()))?
        } else {
            packed.data.clone()
        };
        inflated.push((packed, data));
    }
    template::finish(kind, inflated)
}

#[cfg(target_arch = "wasm32")]
mod run {
    use super::*;
    use crate::domain::assemble::assemble;
    use crate::domain::catalog::Catalog;
    use crate::domain::embedded;
    use crate::domain::fragment;
    use crate::domain::i18n::Language;
    use crate::domain::overlay::{self, Checked, Overlay};
    use crate::domain::render::{Format, Part};
    use js_sys::Object;

    fn scope() -> web_sys::DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    /// A data file from the host's catalogue folder (`files`, an absolute address) where given,
    /// otherwise next to the worker's loader (in the widget's `www/` folder): one level up.
    async fn fetch(files: &str, file: &str) -> Result<Vec<u8>, String> {
        let scope = scope();
        let folder = if files.is_empty() { "../" } else { files };
        let url = web_sys::Url::new_with_base(&format!("{folder}{file}"), &scope.location().href())
            .map_err(|_| file.to_string())?;
        let response = JsFuture::from(scope.fetch_with_str(&url.href()))
            .await
            .map_err(|_| file.to_string())?;
        let response: web_sys::Response = response.dyn_into().map_err(|_| file.to_string())?;
        if !response.ok() {
            return Err(file.to_string());
        }
        let buffer = JsFuture::from(response.array_buffer().map_err(|_| file.to_string())?)
            .await
            .map_err(|_| file.to_string())?;
        Ok(Uint8Array::new(&buffer).to_vec())
    }

    async fn catalogue(
        files: &str,
        language: Language,
        overlay: Option<&Checked>,
    ) -> Result<Catalog, String> {
        let core = embedded::catalog(Language::En).map_err(|e| e.to_string())?;
        let catalog = if embedded::COMPLETE {
            embedded::catalog(language).map_err(|e| e.to_string())?
        } else {
            let bytes = fetch(files, &embedded::file_name(language)).await?;
            embedded::complete(&core, &bytes).map_err(|e| e.to_string())?
        };
        // The authority's overlay (checked here when the page got it), merged as the page did.
        Ok(match overlay {
            Some(o) => overlay::merge(&catalog, &o.overlay, o.stamp.clone()),
            None => catalog,
        })
    }

    fn text(request: &JsValue, key: &str) -> String {
        Reflect::get(request, &key.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }

    fn reply(id: &JsValue, fields: &[(&str, JsValue)]) -> Object {
        let out = Object::new();
        let _ = Reflect::set(&out, &"id".into(), id);
        for (key, value) in fields {
            let _ = Reflect::set(&out, &(*key).into(), value);
        }
        out
    }

    fn problem(id: &JsValue, problem: &TemplateProblem) -> Object {
        let (code, detail) = problem.code();
        reply(id, &[("problem", code.into()), ("detail", detail.into())])
    }

    /// Reads the host's overlay (its object, or fetches its JSON form) and checks it with the
    /// build's rules against the reference catalogue: `checked` (postcard bytes of the overlay and
    /// its stamp), or `problems`, each "file: entry: reason".
    async fn check_overlay(id: &JsValue, request: &JsValue) -> Object {
        let file = text(request, "file");
        let files = text(request, "files");
        let problems = |list: Vec<String>| {
            let array = js_sys::Array::new();
            for p in list {
                array.push(&p.into());
            }
            reply(id, &[("problems", array.into())])
        };
        let given = Reflect::get(request, &"overlay".into()).unwrap_or(JsValue::UNDEFINED);
        let value = match given.as_string() {
            Some(url) => match fetch_json(&url).await {
                Ok(value) => value,
                Err(why) => return problems(vec![format!("{file}: {why}")]),
            },
            None => given,
        };
        let overlay: Overlay = match serde_wasm_bindgen::from_value(value) {
            Ok(o) => o,
            Err(e) => {
                let why = e.to_string();
                return problems(vec![format!(
                    "{file}: not an overlay: {}",
                    why.trim_start_matches("Error: ")
                )]);
            }
        };
        let catalog = match catalogue(&files, Language::En, None).await {
            Ok(c) => c,
            Err(missing) => {
                return problems(vec![format!(
                    "{file}: could not be checked: the catalogue file {missing} did not load"
                )])
            }
        };
        match overlay::apply(&catalog, &overlay, &file) {
            Ok(merged) => {
                // The stamp `apply` put on the catalogue (the overlay's hash, computed once).
                let stamp = merged.meta.overlay.unwrap_or_default();
                let bytes = postcard::to_allocvec(&Checked { overlay, stamp }).unwrap_or_default();
                reply(
                    id,
                    &[("checked", Uint8Array::from(bytes.as_slice()).into())],
                )
            }
            Err(errors) => problems(errors.iter().map(ToString::to_string).collect()),
        }
    }

    /// An overlay's JSON form, read with the browser's own parser.
    async fn fetch_json(url: &str) -> Result<JsValue, String> {
        let response = JsFuture::from(scope().fetch_with_str(url))
            .await
            .map_err(|_| "could not be fetched (the address is unreachable, or blocked by the page's Content Security Policy, connect-src)".to_string())?;
        let response: web_sys::Response = response.dyn_into().map_err(|_| String::new())?;
        if !response.ok() {
            return Err(format!(
                "could not be fetched (HTTP status {})",
                response.status()
            ));
        }
        let json = response.json().map_err(|_| "is not JSON".to_string())?;
        JsFuture::from(json).await.map_err(|e| {
            let reason = Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_default();
            format!("is not JSON: {reason}")
        })
    }

    async fn handle(request: JsValue) -> Object {
        let id = Reflect::get(&request, &"id".into()).unwrap_or(JsValue::NULL);
        let template = match Reflect::get(&request, &"template".into())
            .ok()
            .and_then(|t| t.dyn_into::<Uint8Array>().ok())
        {
            Some(bytes) => match read_template(&bytes.to_vec()).await {
                Ok(template) => Some(template),
                Err(p) => return problem(&id, &p),
            },
            None => None,
        };
        if text(&request, "kind") == "overlay" {
            return check_overlay(&id, &request).await;
        }
        if text(&request, "kind") == "check" {
            return match template {
                Some(t) => reply(&id, &[("template", t.kind.code().into())]),
                None => problem(&id, &TemplateProblem::NotPackage),
            };
        }
        let (Some(format), Some(part), Some(language)) = (
            Format::from_code(&text(&request, "format")),
            Part::from_code(&text(&request, "part")),
            Language::from_code(&text(&request, "language")),
        ) else {
            return reply(&id, &[("error", "request".into())]);
        };
        let second = Language::from_code(&text(&request, "second"));
        let files = text(&request, "files");
        let overlay: Option<Checked> = Reflect::get(&request, &"overlay".into())
            .ok()
            .and_then(|o| o.dyn_into::<Uint8Array>().ok())
            .and_then(|bytes| postcard::from_bytes(&bytes.to_vec()).ok());
        let result: Result<Vec<u8>, String> = async {
            for language in [Some(language), second].into_iter().flatten() {
                if language.loaded().is_none() {
                    let bytes = fetch(&files, &language.messages_file()).await?;
                    language.install(&bytes).map_err(|e| e.to_string())?;
                }
            }
            let (selection, _) = fragment::decode(&text(&request, "fragment"));
            let overlay = overlay.as_ref();
            let first = assemble(
                &catalogue(&files, language, overlay).await?,
                &selection,
                language,
            );
            let second = match second {
                Some(l) => Some(assemble(
                    &catalogue(&files, l, overlay).await?,
                    &selection,
                    l,
                )),
                None => None,
            };
            Ok(format.render_with(&first, second.as_ref(), part, template.as_ref()))
        }
        .await;
        match result {
            Ok(bytes) => reply(&id, &[("bytes", Uint8Array::from(bytes.as_slice()).into())]),
            Err(error) => reply(&id, &[("error", error.into())]),
        }
    }

    /// The worker's start: answers each request in turn, after saying it is ready (messages
    /// posted before its handler is set would be lost).
    pub fn start() {
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
                let request = event.data();
                wasm_bindgen_futures::spawn_local(async move {
                    let answer = handle(request).await;
                    let _ = scope().post_message(&answer);
                });
            });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let _ = scope().post_message(&"ready".into());
    }
}

#[cfg(target_arch = "wasm32")]
pub use run::start;
