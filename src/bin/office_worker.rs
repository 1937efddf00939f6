//! The office worker's entry (built for the browser by index.html, `data-type="worker"`): see
//! `criteria_builder::office_worker`. Natively there is nothing to run.

fn main() {
    #[cfg(target_arch = "wasm32")]
    criteria_builder::office_worker::start();
}
