// The office worker's loader: a classic worker script from the widget's own folder (so it runs
// under the widget's CSP, `script-src 'self' 'wasm-unsafe-eval'`), which starts the second
// WebAssembly module (office_worker, built by index.html with the no-modules glue). It writes the
// Word and OpenDocument files and reads templates, off the page and out of the first load.
// A module that does not load is told to the page, which says so to the buyer.
importScripts('../office_worker.js');
wasm_bindgen({ module_or_path: new URL('../office_worker_bg.wasm', self.location.href) }).catch((error) => {
  self.postMessage({ failed: String(error) });
  self.close();
});
