//! Host-page glue: reading options, mounting into the host's element, and a panic hook that writes
//! only into the widgets' own roots. Each mount has its own state; nothing mutable is shared.

use crate::components::app::{App, AppProps};
use crate::domain::embedded;
use crate::domain::fragment;
use crate::domain::i18n::Language;
use crate::domain::options::{OptionsError, RawOptions};
use crate::domain::overlay::OverlaySource;
use crate::domain::selection::Selection;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::AppHandle;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// The roots of mounted widgets, so a panic message reaches them and nothing else.
    static ROOTS: RefCell<Vec<(u32, web_sys::Element, &'static str)>> = const { RefCell::new(Vec::new()) };
}

/// A mounted widget's app and root.
pub struct Mounted {
    id: u32,
    app: AppHandle<App>,
    selection: Rc<RefCell<Selection>>,
}

impl Mounted {
    pub fn destroy(self) {
        ROOTS.with(|roots| roots.borrow_mut().retain(|(id, _, _)| *id != self.id));
        self.app.destroy();
    }

    /// The selection in link form.
    pub fn selection(&self) -> String {
        fragment::encode(&self.selection.borrow())
    }

    /// The selection as the buyer left it (values not shortened as a link would).
    pub fn answers(&self) -> Selection {
        self.selection.borrow().clone()
    }
}

/// What a JavaScript value is, for an error message.
fn js_type(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(value) {
        "an array".into()
    } else {
        match value.js_typeof().as_string().as_deref() {
            Some("object") => "an object".into(),
            Some(t) => format!("a {t}"),
            None => "something else".into(),
        }
    }
}

fn wrong_type(field: &str, expected: &'static str, got: &JsValue) -> OptionsError {
    OptionsError::WrongType {
        field: field.to_string(),
        expected,
        got: js_type(got),
    }
}

/// Why a widget could not be mounted, thrown to the host as an error naming the cause.
#[derive(Debug, thiserror::Error)]
pub enum MountError {
    #[error(transparent)]
    Options(#[from] OptionsError),
    #[error(transparent)]
    Catalogue(#[from] embedded::LoadError),
}

/// Reads options; the error names the offending field.
fn read_options(options: JsValue) -> Result<RawOptions, OptionsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(RawOptions::default());
    }
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err(OptionsError::NotAnObject);
    }
    // Read by hand rather than through serde: serde's error messages format floating-point
    // numbers, which alone added about 15 KB gzip to the first load. Unknown keys are refused,
    // because a misspelt option would otherwise pass unseen.
    let object: &js_sys::Object = options.unchecked_ref();
    let keys: js_sys::Array = js_sys::Object::keys(object);
    for key in keys.iter() {
        let key: String = key.as_string().unwrap_or_default();
        if !RawOptions::FIELDS.contains(&key.as_str()) {
            return Err(OptionsError::Unknown {
                key,
                known: RawOptions::FIELDS.join(", "),
            });
        }
    }
    let field = |name: &str| js_sys::Reflect::get(&options, &JsValue::from_str(name)).ok();
    let text = |name: &str| -> Result<Option<String>, OptionsError> {
        match field(name) {
            None => Ok(None),
            Some(v) if v.is_undefined() || v.is_null() => Ok(None),
            Some(v) => v
                .as_string()
                .map(Some)
                .ok_or_else(|| wrong_type(name, "a string", &v)),
        }
    };
    let flag = |name: &str| -> Result<Option<bool>, OptionsError> {
        match field(name) {
            Some(v) if !(v.is_undefined() || v.is_null()) => Ok(Some(
                v.as_bool()
                    .ok_or_else(|| wrong_type(name, "true or false", &v))?,
            )),
            _ => Ok(None),
        }
    };
    let sync_url = flag("syncUrl")?;
    // The overlay: an address (string), or the object itself, which the office worker reads and
    // checks; a problem in it is shown in the widget, which starts without it.
    let overlay = match field("overlay") {
        Some(v) if v.is_undefined() || v.is_null() => None,
        None => None,
        Some(v) if v.is_string() => v.as_string().map(OverlaySource::Url),
        Some(v) if v.is_object() && !js_sys::Array::is_array(&v) => Some(OverlaySource::Object),
        Some(v) => return Err(wrong_type("overlay", "an address or an object", &v)),
    };
    Ok(RawOptions {
        language: text("language")?,
        selection: text("selection")?,
        theme: text("theme")?,
        sync_url,
        storage_key: text("storageKey")?,
        event_text: flag("eventText")?,
        catalog_url: text("catalogUrl")?,
        accessibility_statement: text("accessibilityStatement")?,
        overlay,
    })
}

pub fn mount(element: web_sys::Element, given: JsValue) -> Result<Mounted, MountError> {
    install_panic_hook();
    let mut options = read_options(given.clone())?.check()?;
    // The overlay for the office worker, which reads and checks it: the object as the host gave
    // it, or its address made absolute (the worker is elsewhere).
    let overlay = match &options.overlay {
        Some(OverlaySource::Object) => {
            js_sys::Reflect::get(&given, &JsValue::from_str("overlay")).ok()
        }
        Some(OverlaySource::Url(url)) => Some(JsValue::from_str(
            &crate::browser::resolve_url(url).unwrap_or_else(|| url.clone()),
        )),
        None => None,
    };
    // The catalogue folder as a full address: the office worker, elsewhere, fetches from it too.
    if let Some(url) = options.catalog_url.take() {
        options.catalog_url =
            Some(
                crate::browser::resolve_url(&url).ok_or_else(|| OptionsError::Invalid {
                    field: "catalogUrl".into(),
                    reason: format!("expected an address, got {url:?}"),
                })?,
            );
    }
    // The catalogue of the language where it is embedded (complete builds); otherwise the
    // reference catalogue's core, and the language's own catalogue is fetched.
    let catalog = embedded::catalog(options.language.document_language())
        .or_else(|_| embedded::catalog(Language::En))?;
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    let crashed = options.language.messages().crashed;
    ROOTS.with(|roots| roots.borrow_mut().push((id, element.clone(), crashed)));
    let selection = Rc::new(RefCell::new(Selection::default()));
    let props = AppProps {
        instance: id,
        options,
        catalog: Rc::new(catalog),
        selection_out: selection.clone(),
        overlay,
    };
    // Whatever the host put inside (a loading note, <noscript>) gives way to the widget.
    element.set_text_content(None);
    let app = yew::Renderer::<App>::with_root_and_props(element, props).render();
    Ok(Mounted { id, app, selection })
}

fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
            ROOTS.with(|roots| {
                if let Ok(roots) = roots.try_borrow() {
                    for (_, root, message) in roots.iter() {
                        // Text, never markup.
                        root.set_text_content(Some(message));
                    }
                }
            });
        }));
    });
}
