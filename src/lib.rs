//! Ethical ICT Criteria Builder: assembles tender-ready ethical criteria for public ICT purchases,
//! entirely in the browser. This file lists the modules and holds the JavaScript surface (`mount`
//! and the handle it returns); nothing else.

pub mod browser;
pub mod components;
pub mod domain;
pub mod embed;
pub mod state;

use wasm_bindgen::prelude::*;

/// A mounted widget. Call `destroy()` to remove it and free its memory.
#[wasm_bindgen]
pub struct WidgetHandle {
    inner: Option<embed::Mounted>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Unmounts the widget and empties its element. Calling it twice does nothing.
    pub fn destroy(&mut self) {
        if let Some(mounted) = self.inner.take() {
            mounted.destroy();
        }
    }

    /// Bytes of WebAssembly linear memory in use (shared by all widgets of the page).
    #[wasm_bindgen(getter, js_name = memoryBytes)]
    pub fn memory_bytes(&self) -> f64 {
        browser::wasm_memory_bytes()
    }

    /// The current selection in the shareable fragment format.
    #[wasm_bindgen(getter)]
    pub fn selection(&self) -> Option<String> {
        self.inner.as_ref().map(embed::Mounted::selection)
    }
}

/// Mounts a widget into `element`. `options` (all optional): `language` ("en"), `selection` (a
/// shared-link fragment), `theme` ("auto", "light", "dark"), `syncUrl` (keep the page's URL fragment
/// in step; for stand-alone pages). An invalid option throws an error naming the field.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<WidgetHandle, JsError> {
    embed::mount(element, options)
        .map(|mounted| WidgetHandle {
            inner: Some(mounted),
        })
        .map_err(|message| JsError::new(&message))
}
