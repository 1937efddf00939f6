//! Checks the authored catalogue and embeds it in binary form.
//!
//! Every language folder under `catalog/` is read, checked with the same code the tests use, and
//! written as postcard bytes to `OUT_DIR`. A malformed catalogue fails the build with the file, the
//! criterion ID and the reason. No TOML parser reaches the browser.
//!
//! The browser build embeds only the catalogue's core (version, categories, risks): enough for the
//! first step. The complete catalogue is a separate same-origin file (`catalog-<lang>.bin`, written
//! into the site by `criteria export-catalog`) that the widget fetches once the first step is
//! interactive. Native builds, and wasm builds with the `embedded-catalogue` feature, embed the
//! complete catalogue.

#[path = "src/domain/catalog.rs"]
#[allow(dead_code)]
mod catalog;
#[path = "src/domain/catalog_source.rs"]
#[allow(dead_code)]
mod catalog_source;
#[path = "src/domain/dates.rs"]
#[allow(dead_code)]
mod dates;
#[path = "src/domain/digest.rs"]
mod digest;
#[path = "src/domain/template.rs"]
#[allow(dead_code)]
mod template;

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    // CRITERIA_CATALOG_DIR points the build at another catalogue folder (e.g. an authority's own).
    println!("cargo:rerun-if-env-changed=CRITERIA_CATALOG_DIR");
    let root = std::env::var("CRITERIA_CATALOG_DIR").unwrap_or_else(|_| "catalog".into());
    println!("cargo:rerun-if-changed={root}");
    println!("cargo:rerun-if-changed=src/domain/catalog.rs");
    println!("cargo:rerun-if-changed=src/domain/catalog_source.rs");
    println!("cargo:rerun-if-changed=src/domain/template.rs");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut languages: Vec<String> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read the catalogue folder {root}: {e}"))
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    languages.sort();

    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let complete = !wasm || std::env::var("CARGO_FEATURE_EMBEDDED_CATALOGUE").is_ok();
    let mut table = format!(
        "/// Whether the embedded catalogues are complete (otherwise only their core is).\n\
         pub const COMPLETE: bool = {complete};\n\
         /// The checked catalogues, one per language, as postcard bytes (written by build.rs).\n\
         pub static EMBEDDED: &[(&str, &[u8])] = &[\n"
    );
    let mut failures = Vec::new();
    for lang in &languages {
        let mut files = Vec::new();
        collect(Path::new(&root).join(lang).as_path(), &mut files);
        match catalog_source::load(&files) {
            Ok(mut cat) => {
                if &cat.meta.language != lang {
                    failures.push(format!(
                        "catalog/{lang}/catalog.toml: language is {:?} but the folder is {lang:?}",
                        cat.meta.language
                    ));
                    continue;
                }
                let bytes = postcard::to_allocvec(&cat).expect("a catalogue always serialises");
                cat.meta.content_hash = digest::short_sha256(&bytes);
                let bytes = if complete {
                    postcard::to_allocvec(&cat).expect("a catalogue always serialises")
                } else {
                    postcard::to_allocvec(&core(&cat)).expect("a catalogue always serialises")
                };
                let file = out_dir.join(format!("catalog-{lang}.bin"));
                fs::write(&file, bytes).expect("OUT_DIR is writable");
                table.push_str(&format!(
                    "    ({lang:?}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/catalog-{lang}.bin\"))),\n"
                ));
            }
            Err(errors) => failures.extend(errors.iter().map(ToString::to_string)),
        }
    }
    table.push_str("];\n");
    if !failures.is_empty() {
        for f in &failures {
            println!("cargo:warning={f}");
        }
        panic!(
            "the catalogue has {} problem(s):\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
    fs::write(out_dir.join("catalogs.rs"), table).expect("OUT_DIR is writable");
}

/// The part of a catalogue the first step needs: its identity, categories and risks.
fn core(full: &catalog::Catalog) -> catalog::Catalog {
    catalog::Catalog {
        meta: full.meta.clone(),
        categories: full.categories.clone(),
        risks: full.risks.clone(),
        changes: Vec::new(),
        labels: Vec::new(),
        legal: Vec::new(),
        sources: Vec::new(),
        salience: Vec::new(),
        criteria: Vec::new(),
        deliverables: Vec::new(),
        thresholds: Vec::new(),
        duties: Vec::new(),
    }
}

/// Every `.toml` file below `dir`, as (path, contents), paths with forward slashes.
fn collect(dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let contents = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
            files.push((path.to_string_lossy().replace('\\', "/"), contents));
        }
    }
}
