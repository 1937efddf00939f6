//! An authority's overlay, as a host page gives it: any bytes are read as its JSON form or
//! refused, and an overlay read is applied to the catalogue or refused with located problems,
//! never a panic.
#![no_main]

use criteria_builder::domain::embedded;
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::overlay::{apply, Overlay};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(overlay) = serde_json::from_slice::<Overlay>(data) else { return };
    let Ok(catalog) = embedded::catalog(Language::En) else { return };
    let _ = overlay.stamp();
    if let Err(errors) = apply(&catalog, &overlay, "fuzz.json") {
        assert!(errors.iter().all(|e| e.file == "fuzz.json"));
    }
});
