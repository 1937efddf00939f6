//! In-browser timing of the widget's own work, for the benchmark (`bash .ci/bench`): assembling
//! the document and rendering every export format, as the browser runs them.

use crate::domain::assemble::assemble;
use crate::domain::embedded;
use crate::domain::fragment;
use crate::domain::i18n::Language;
use crate::domain::render::{html, markdown, text, Part};

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Median milliseconds of `runs` calls of `f`.
fn median_ms(runs: u32, mut f: impl FnMut()) -> f64 {
    let mut samples: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = now();
            f();
            now() - start
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// Median times in milliseconds: `[assemble, markdown, text, html]`.
pub fn exports(catalogue: &[u8], selection: &str, runs: u32) -> Result<[f64; 4], String> {
    let catalog = embedded::decode(catalogue).map_err(|e| e.to_string())?;
    let (mut selection, _) = fragment::decode(selection);
    selection.retain_known(&catalog);
    let doc = assemble(&catalog, &selection, Language::En);
    Ok([
        median_ms(runs, || drop(assemble(&catalog, &selection, Language::En))),
        median_ms(runs, || drop(markdown::render(&doc, Part::Whole))),
        median_ms(runs, || drop(text::render(&doc, Part::Whole))),
        median_ms(runs, || drop(html::standalone(&doc, Part::Whole))),
    ])
}
