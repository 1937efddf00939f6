//! Host-page glue: reading options, mounting into the host's element, and a panic hook that writes
//! only into the widgets' own roots. Each mount has its own state; nothing mutable is shared.

use crate::components::app::{App, AppProps};
use crate::domain::embedded;
use crate::domain::options::RawOptions;
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
    selection: Rc<RefCell<String>>,
}

impl Mounted {
    pub fn destroy(self) {
        ROOTS.with(|roots| roots.borrow_mut().retain(|(id, _, _)| *id != self.id));
        self.app.destroy();
    }

    pub fn selection(&self) -> String {
        self.selection.borrow().clone()
    }
}

/// Reads options; the error names the offending field.
fn read_options(options: JsValue) -> Result<RawOptions, String> {
    if options.is_undefined() || options.is_null() {
        return Ok(RawOptions::default());
    }
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err("invalid options: expected an object such as { language: \"en\" }".into());
    }
    // serde-wasm-bindgen reads only the fields it knows, so a misspelt option would pass unseen.
    let object: &js_sys::Object = options.unchecked_ref();
    let keys: js_sys::Array = js_sys::Object::keys(object);
    for key in keys.iter() {
        let key: String = key.as_string().unwrap_or_default();
        if !RawOptions::FIELDS.contains(&key.as_str()) {
            return Err(format!(
                "unknown option `{key}` (known: {})",
                RawOptions::FIELDS.join(", ")
            ));
        }
    }
    let deserializer = serde_wasm_bindgen::Deserializer::from(options);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        if path == "." {
            format!("invalid options: {inner}")
        } else {
            format!("invalid option `{path}`: {inner}")
        }
    })
}

pub fn mount(element: web_sys::Element, options: JsValue) -> Result<Mounted, String> {
    install_panic_hook();
    let options = read_options(options)?.check().map_err(|e| e.to_string())?;
    let catalog = embedded::catalog(options.language).map_err(|e| e.to_string())?;
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    let crashed = options.language.messages().crashed;
    ROOTS.with(|roots| roots.borrow_mut().push((id, element.clone(), crashed)));
    let selection = Rc::new(RefCell::new(String::new()));
    let props = AppProps {
        instance: id,
        options,
        catalog: Rc::new(catalog),
        selection_out: selection.clone(),
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
