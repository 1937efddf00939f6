//! Native benchmark of the work behind the preview and the exports, for the largest selection
//! (every category, every risk, the highest level, every stage, every detail filled).
//!
//! `cargo bench --bench assemble` prints the median, minimum and maximum of each step over many
//! runs; the benchmark command (`.ci/bench`) copies the table into docs/performance.md.

use criteria_builder::domain::assemble::assemble;
use criteria_builder::domain::catalog::{AmbitionLevel, Catalog, LotFeature};
use criteria_builder::domain::embedded;
use criteria_builder::domain::fragment;
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::render::{html, markdown, text, Part};
use criteria_builder::domain::selection::{ContractDetails, ProcedureStage, Selection};
use std::hint::black_box;
use std::time::Instant;

fn largest(catalog: &Catalog) -> Selection {
    Selection {
        categories: catalog.categories.iter().map(|c| c.id.clone()).collect(),
        risks: catalog.risks.iter().map(|r| r.id.clone()).collect(),
        level: Some(AmbitionLevel::Spearhead),
        stages: ProcedureStage::ALL.into_iter().collect(),
        details: ContractDetails {
            authority: "City of Example".into(),
            contract_months: "48".into(),
            estimated_value: "EUR 2.4 million".into(),
            award_points: "30".into(),
            disclosure_days: "60".into(),
            remediation_days: "30".into(),
            ..Default::default()
        },
        // Every scope question answered yes: the most criteria a selection can bring.
        take_back: catalog
            .asking(LotFeature::TakeBack)
            .map(|c| c.id.clone())
            .collect(),
        refurbished: catalog
            .asking(LotFeature::Refurbished)
            .map(|c| c.id.clone())
            .collect(),
        ..Default::default()
    }
}

/// (median, min, max) in microseconds of `runs` timed calls.
fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64, f64) {
    for _ in 0..runs / 10 + 1 {
        f();
    }
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    (samples[runs / 2], samples[0], samples[runs - 1])
}

fn main() {
    let catalog = embedded::catalog(Language::En).expect("the embedded catalogue decodes");
    let selection = largest(&catalog);
    let doc = assemble(&catalog, &selection, Language::En);
    let runs = 200;
    println!("| step (largest selection, native) | median µs | min µs | max µs |");
    println!("| --- | ---: | ---: | ---: |");
    let rows: Vec<(&str, (f64, f64, f64))> = vec![
        (
            "decode catalogue",
            time(runs, || {
                black_box(embedded::decode(embedded::EMBEDDED[0].1).ok());
            }),
        ),
        (
            "decode URL fragment",
            time(runs, || {
                black_box(fragment::decode(&fragment::encode(&selection)));
            }),
        ),
        (
            "assemble document",
            time(runs, || {
                black_box(assemble(&catalog, &selection, Language::En));
            }),
        ),
        (
            "render Markdown",
            time(runs, || {
                black_box(markdown::render(&doc, Part::Whole));
            }),
        ),
        (
            "render plain text",
            time(runs, || {
                black_box(text::render(&doc, Part::Whole));
            }),
        ),
        (
            "render HTML (standalone)",
            time(runs, || {
                black_box(html::standalone(&doc, Part::Whole));
            }),
        ),
    ];
    for (name, (median, min, max)) in rows {
        println!("| {name} | {median:.0} | {min:.0} | {max:.0} |");
    }
    let md = markdown::render(&doc, Part::Whole);
    println!(
        "\nLargest document: {} lots, {} criteria, {} bytes of Markdown.",
        doc.lots.len(),
        doc.sections
            .iter()
            .map(|s| s.items().count())
            .sum::<usize>(),
        md.len()
    );
}
