//! The few side effects the widget has, all local to the page: the URL fragment, the clipboard and
//! downloads. Nothing here decides anything, and nothing sends a request anywhere.

use crate::domain::draft::{self, StorageProblem};
use crate::domain::embedded::LoadProblem;
use gloo::file::{Blob, ObjectUrl};
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

// A module file of its own (wasm-bindgen writes it under snippets/), so no inline script is needed.
// From snippets/<crate>-<hash>/inline0.js, two levels up is the folder the widget is served from.
// `new_worker` starts a worker from one of the widget's own files; on a page that requires Trusted
// Types it passes the address through a policy named `ethical-ict-criteria`, which accepts only
// the widget's files (the host lists that name in its `trusted-types` directive).
#[wasm_bindgen(
    inline_js = "export function widget_base() { return new URL('../../', import.meta.url).href; }
let policy;
export function new_worker(url, options) {
  const tt = globalThis.trustedTypes;
  if (tt && tt.createPolicy) {
    const base = widget_base();
    policy ??= tt.createPolicy('ethical-ict-criteria', { createScriptURL: (u) => {
      if (u.startsWith(base)) return u;
      throw new TypeError(`not one of the widget's files: ${u}`);
    } });
    return new Worker(policy.createScriptURL(url), options);
  }
  return new Worker(url, options);
}"
)]
extern "C" {
    fn widget_base() -> String;
    #[wasm_bindgen(catch)]
    fn new_worker(url: &str, options: &web_sys::WorkerOptions) -> Result<web_sys::Worker, JsValue>;
}

/// Starts a worker from one of the widget's own files (`None`: the browser refused).
pub fn worker(file: &str, options: &web_sys::WorkerOptions) -> Option<web_sys::Worker> {
    new_worker(&asset_url(file), options).ok()
}

/// Today's date in the visitor's browser (UTC), as `YYYY-MM-DD`: for the hints that depend on it.
/// Work scheduled after the next painted frame; dropping it first cancels it.
pub struct AfterPaint {
    _frame: AnimationFrame,
    _timer: Rc<RefCell<Option<Timeout>>>,
}

/// Runs `f` in a task of its own `delay_ms` after the browser has painted its next frame, so that
/// what a click changes on screen never waits for it (a `setTimeout` alone may run before the
/// frame).
pub fn after_paint(delay_ms: u32, f: impl FnOnce() + 'static) -> AfterPaint {
    let timer = Rc::new(RefCell::new(None));
    let slot = timer.clone();
    let frame = request_animation_frame(move |_| {
        *slot.borrow_mut() = Some(Timeout::new(delay_ms, f));
    });
    AfterPaint {
        _frame: frame,
        _timer: timer,
    }
}

pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_utc_full_year(),
        now.get_utc_month() + 1,
        now.get_utc_date()
    )
}

/// The address of a file published next to the widget's own files (same origin as the widget).
pub fn asset_url(file: &str) -> String {
    format!("{}{file}", widget_base())
}

/// An address relative to the page made absolute (`None`: not an address).
pub fn resolve_url(url: &str) -> Option<String> {
    let base = window()?.document()?.base_uri().ok().flatten()?;
    web_sys::Url::new_with_base(url, &base)
        .ok()
        .map(|u| u.href())
}

/// The address of a catalogue or message file: in the host's `catalogUrl` folder where given,
/// otherwise next to the widget's own files.
pub fn data_url(folder: Option<&str>, file: &str) -> String {
    match folder {
        Some(folder) => format!("{folder}{file}"),
        None => asset_url(file),
    }
}

/// Fetches a file's bytes; the error says what went wrong, for the buyer.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadProblem> {
    let window = window().ok_or(LoadProblem::Unreachable)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| LoadProblem::Unreachable)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| LoadProblem::Unreadable)?;
    if !response.ok() {
        return Err(LoadProblem::Status(response.status()));
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| LoadProblem::Unreadable)?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| LoadProblem::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The browser refused or does not offer what was asked (clipboard permission, no document).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAllowed;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The page's current URL fragment, without `#`.
pub fn location_fragment() -> Option<String> {
    let hash = window()?.location().hash().ok()?;
    Some(hash.trim_start_matches('#').to_string())
}

/// Writes the fragment into the current history entry (keeping the step it records) without
/// adding an entry or scrolling.
pub fn replace_fragment(fragment: &str) {
    let Some(window) = window() else { return };
    if location_fragment().as_deref() == Some(fragment) {
        return;
    }
    if let Ok(history) = window.history() {
        let step = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&step, "", Some(&format!("#{fragment}")));
    }
}

/// The wizard step (1-based) the current history entry records, if any.
pub fn history_step() -> Option<usize> {
    let state = window()?.history().ok()?.state().ok()?;
    state.as_f64().map(|n| n as usize)
}

/// Records a step in history: a new entry after a step change (so the browser's Back button goes
/// to the previous step), or the current entry on first load.
pub fn record_step(step: usize, fragment: &str, new_entry: bool) {
    let Some(window) = window() else { return };
    let Ok(history) = window.history() else {
        return;
    };
    let state = JsValue::from_f64(step as f64);
    let url = format!("#{fragment}");
    let _ = if new_entry {
        history.push_state_with_url(&state, "", Some(&url))
    } else {
        history.replace_state_with_url(&state, "", Some(&url))
    };
}

/// Sets the page's title (the stand-alone page only: a host's title is the host's).
pub fn set_title(title: &str) {
    if let Some(document) = window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// The stand-alone page follows the widget's language: its `lang` and its heading.
pub fn set_page_language(code: &str, heading: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", code);
    }
    if let Ok(Some(title)) = document.query_selector(".page-title") {
        title.set_text_content(Some(heading));
    }
}

/// The page's local storage, or why it cannot be used. Reading `localStorage` itself throws where
/// storage is blocked (privacy settings, sandboxed frames), so even that is guarded.
fn local_storage() -> Result<web_sys::Storage, StorageProblem> {
    window()
        .ok_or(StorageProblem::Failed)?
        .local_storage()
        .map_err(|e| storage_problem(&e))?
        .ok_or(StorageProblem::Blocked)
}

fn storage_problem(error: &JsValue) -> StorageProblem {
    let name = js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageProblem::Full,
        "SecurityError" | "InvalidAccessError" | "NotAllowedError" => StorageProblem::Blocked,
        _ => StorageProblem::Failed,
    }
}

/// The stored draft under `storage_key`, if any.
pub fn load_draft(storage_key: &str) -> Result<Option<String>, StorageProblem> {
    local_storage()?
        .get_item(&draft::storage_name(storage_key))
        .map_err(|e| storage_problem(&e))
}

pub fn save_draft(storage_key: &str, value: &str) -> Result<(), StorageProblem> {
    local_storage()?
        .set_item(&draft::storage_name(storage_key), value)
        .map_err(|e| storage_problem(&e))
}

pub fn remove_draft(storage_key: &str) -> Result<(), StorageProblem> {
    local_storage()?
        .remove_item(&draft::storage_name(storage_key))
        .map_err(|e| storage_problem(&e))
}

/// A link to this page that opens the given selection.
pub fn share_link(fragment: &str) -> String {
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

/// Copies formatted (HTML) and plain text at once, so a word processor pastes the formatting and a
/// plain field gets clean text. Falls back to plain text where rich copying is not available.
pub async fn copy_rich(html: &str, text: &str) -> Result<(), NotAllowed> {
    let clipboard = window().ok_or(NotAllowed)?.navigator().clipboard();
    let blob = |content: &str, mime: &str| -> JsValue {
        let blob = Blob::new_with_options(content, Some(mime));
        let raw: &web_sys::Blob = blob.as_ref();
        raw.clone().into()
    };
    let record = js_sys::Object::new();
    let rich = js_sys::Reflect::set(&record, &"text/html".into(), &blob(html, "text/html"))
        .and_then(|_| {
            js_sys::Reflect::set(&record, &"text/plain".into(), &blob(text, "text/plain"))
        })
        .and_then(|_| web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record));
    match rich {
        Ok(item) => {
            let items = js_sys::Array::of1(&item);
            match JsFuture::from(clipboard.write(&items)).await {
                Ok(_) => Ok(()),
                Err(_) => copy_text(text).await,
            }
        }
        Err(_) => copy_text(text).await,
    }
}

pub async fn copy_text(text: &str) -> Result<(), NotAllowed> {
    let clipboard = window().ok_or(NotAllowed)?.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| NotAllowed)
}

/// Offers `content` as a file download. The object URL is released a minute later.
pub fn download(file_name: &str, mime: &str, content: &[u8]) -> Result<(), NotAllowed> {
    let document = window().and_then(|w| w.document()).ok_or(NotAllowed)?;
    let url = ObjectUrl::from(Blob::new_with_options(content, Some(mime)));
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| NotAllowed)?
        .dyn_into()
        .map_err(|_| NotAllowed)?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    Timeout::new(60_000, move || drop(url)).forget();
    Ok(())
}

/// Sets a User Timing mark (read by the benchmark; costs nothing otherwise).
pub fn mark(name: &str) {
    if let Some(performance) = window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// The bytes of linear memory the widgets' WebAssembly instance holds.
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|memory| memory.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |buffer| f64::from(buffer.byte_length()))
}

/// Reads a file of saved answers with the browser's `JSON.parse` and the domain's checks.
pub fn open_answers(
    text: &str,
) -> Result<
    (
        crate::domain::selection::Selection,
        Vec<crate::domain::notice::Notice>,
    ),
    crate::domain::saved::OpenProblem,
> {
    use crate::domain::saved::{self, OpenProblem};
    let value = js_sys::JSON::parse(text).map_err(|_| OpenProblem::NotJson)?;
    let value = to_json(&value, 0).ok_or(OpenProblem::NotAnswers)?;
    saved::open(&value)
}

/// A parsed JSON value as the domain reads it; `None` beyond [`saved::MAX_DEPTH`] levels.
fn to_json(value: &JsValue, depth: usize) -> Option<crate::domain::saved::Json> {
    use crate::domain::saved::{Json, MAX_DEPTH};
    if depth > MAX_DEPTH {
        return None;
    }
    Some(if let Some(b) = value.as_bool() {
        Json::Bool(b)
    } else if let Some(n) = value.as_f64() {
        Json::Number(n)
    } else if let Some(s) = value.as_string() {
        Json::String(s)
    } else if js_sys::Array::is_array(value) {
        let items = js_sys::Array::from(value);
        let mut out = Vec::new();
        for item in items.iter() {
            out.push(to_json(&item, depth + 1)?);
        }
        Json::Array(out)
    } else if value.is_object() {
        let mut out = Vec::new();
        for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
            let entry = js_sys::Array::from(&entry);
            let key = entry.get(0).as_string().unwrap_or_default();
            out.push((key, to_json(&entry.get(1), depth + 1)?));
        }
        Json::Object(out)
    } else {
        Json::Null
    })
}

/// Sends the host page an event from inside the widget: it bubbles to the element the widget was
/// mounted in and crosses a shadow root (`composed`); `detail` is the documented payload.
pub fn host_event(
    target: &web_sys::EventTarget,
    name: &str,
    detail: &impl crate::domain::host_events::Detail,
) {
    use crate::domain::host_events::Value;
    let object = js_sys::Object::new();
    for (key, value) in detail.detail() {
        let value: JsValue = match value {
            Value::Text(text) => text.into(),
            Value::List(items) => items
                .iter()
                .map(|item| JsValue::from_str(item))
                .collect::<js_sys::Array>()
                .into(),
            Value::Bool(b) => b.into(),
            Value::Null => JsValue::NULL,
        };
        let _ = js_sys::Reflect::set(&object, &key.into(), &value);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}
