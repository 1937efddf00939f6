//! Ethical ICT Criteria Builder: assembles tender-ready ethical criteria for public ICT purchases,
//! entirely in the browser. This file lists the modules and holds the JavaScript surface (`mount`
//! and the handle it returns); nothing else.

#[cfg(feature = "bench-exports")]
pub mod benchmark;
pub mod browser;
pub mod components;
pub mod domain;
pub mod embed;
pub mod office_client;
pub mod office_worker;
pub mod state;

// The widget's JavaScript surface; the office worker (built with the `office-worker` feature)
// leaves it out, so that none of the widget's interface is linked into the worker.
#[cfg(not(feature = "office-worker"))]
mod exports {
    use super::*;
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

        /// The buyer's answers as a plain object (`categories`, `risks`, `level`, `stages`, `details`,
        /// `dropped`, `take_back`, `refurbished`, `catalog_version`), for a host that wants to use them
        /// in its own page; `undefined` once destroyed.
        #[wasm_bindgen(getter)]
        pub fn answers(&self) -> Result<JsValue, JsError> {
            let Some(mounted) = self.inner.as_ref() else {
                return Ok(JsValue::UNDEFINED);
            };
            serde_wasm_bindgen::to_value(&mounted.answers())
                .map_err(|e| JsError::new(&e.to_string()))
        }
    }

    /// Mounts a widget into `element`. `options` (all optional): `language` ("en"), `selection` (a
    /// shared-link fragment), `theme` ("auto", "light", "dark"), `syncUrl` (keep the page's URL fragment
    /// in step; for stand-alone pages), `storageKey` (keep a draft of the answers in this browser's
    /// storage under that name). An invalid option throws an error naming the field.
    #[wasm_bindgen]
    pub fn mount(element: web_sys::Element, options: JsValue) -> Result<WidgetHandle, JsError> {
        embed::mount(element, options)
            .map(|mounted| WidgetHandle {
                inner: Some(mounted),
            })
            .map_err(|error| JsError::new(&error.to_string()))
    }
}
#[cfg(not(feature = "office-worker"))]
pub use exports::*;

/// For the benchmark (built with the `bench-exports` feature only): median milliseconds of assembling the document for `selection` (a link
/// fragment) with the complete catalogue `catalogue` (the bytes of catalog-<lang>.bin), and of
/// rendering Markdown, plain text and HTML: `[assemble, markdown, text, html]`.
#[cfg(feature = "bench-exports")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = benchmarkExports)]
pub fn benchmark_exports(
    catalogue: &[u8],
    selection: &str,
    runs: u32,
) -> Result<Vec<f64>, wasm_bindgen::JsError> {
    benchmark::exports(catalogue, selection, runs)
        .map(|times| times.to_vec())
        .map_err(|message| wasm_bindgen::JsError::new(&message))
}
