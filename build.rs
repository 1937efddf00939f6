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
#[path = "src/domain/catalog_check.rs"]
#[allow(dead_code)]
mod catalog_check;
#[path = "src/domain/catalog_source.rs"]
#[allow(dead_code)]
mod catalog_source;
#[path = "src/domain/dates.rs"]
#[allow(dead_code)]
mod dates;
#[path = "src/domain/digest.rs"]
mod digest;
#[path = "src/domain/message_data.rs"]
mod message_data;
#[path = "src/domain/messages_source.rs"]
mod messages_source;
#[path = "src/domain/overlay.rs"]
#[allow(dead_code)]
mod overlay;
#[path = "src/domain/template.rs"]
#[allow(dead_code)]
mod template;
#[path = "src/domain/translation.rs"]
#[allow(dead_code)]
mod translation;

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    // CRITERIA_CATALOG_DIR points the build at another catalogue folder (e.g. an authority's own).
    println!("cargo:rerun-if-env-changed=CRITERIA_CATALOG_DIR");
    let root = std::env::var("CRITERIA_CATALOG_DIR").unwrap_or_else(|_| "catalog".into());
    println!("cargo:rerun-if-changed={root}");
    println!("cargo:rerun-if-changed=src/domain/catalog.rs");
    println!("cargo:rerun-if-changed=src/domain/catalog_source.rs");
    println!("cargo:rerun-if-changed=src/domain/catalog_check.rs");
    println!("cargo:rerun-if-changed=src/domain/template.rs");
    println!("cargo:rerun-if-changed=src/domain/i18n/en.rs");
    println!("cargo:rerun-if-changed=src/domain/messages_source.rs");
    println!("cargo:rerun-if-changed=src/domain/translation.rs");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut folders: Vec<String> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read the catalogue folder {root}: {e}"))
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    // A folder is a catalogue language when it has catalog.toml (English, the reference), a
    // translated catalogue when it has translation.toml, and a UI language when it has
    // messages.toml (English messages are compiled in from src/domain/i18n/en.rs).
    let has = |lang: &str, file: &str| Path::new(&root).join(lang).join(file).is_file();
    let languages: Vec<String> = folders
        .iter()
        .filter(|l| has(l, "catalog.toml"))
        .cloned()
        .collect();
    let translations: Vec<String> = folders
        .iter()
        .filter(|l| has(l, "translation.toml") && !has(l, "catalog.toml"))
        .cloned()
        .collect();
    let message_languages: Vec<String> = folders
        .iter()
        .filter(|l| has(l, "messages.toml"))
        .cloned()
        .collect();

    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let complete = !wasm || std::env::var("CARGO_FEATURE_EMBEDDED_CATALOGUE").is_ok();
    let mut table = format!(
        "/// Whether the embedded catalogues are complete (otherwise only their core is).\n\
         pub const COMPLETE: bool = {complete};\n\
         /// Every language the catalogue is published in, translations included.\n\
         pub static LANGUAGES: &[&str] = &{all:?};\n\
         /// The checked catalogues, one per language, as postcard bytes (written by build.rs; in the\n\
         /// browser only the reference catalogue's core, unless the catalogue is embedded).\n\
         pub static EMBEDDED: &[(&str, &[u8])] = &[\n",
        all = {
            let mut all: Vec<&String> = languages.iter().chain(&translations).collect();
            all.sort();
            all
        }
    );
    let mut failures = Vec::new();
    let mut reference: Option<catalog::Catalog> = None;
    let mut cores: Vec<(String, Vec<u8>)> = Vec::new();
    let write = |lang: &str, mut cat: catalog::Catalog, embed: bool, table: &mut String| {
        let bytes = postcard::to_allocvec(&cat).expect("a catalogue always serialises");
        cat.meta.content_hash = digest::short_sha256(&bytes);
        let bytes = if complete {
            postcard::to_allocvec(&cat).expect("a catalogue always serialises")
        } else {
            postcard::to_allocvec(&core(&cat)).expect("a catalogue always serialises")
        };
        fs::write(out_dir.join(format!("catalog-{lang}.bin")), bytes).expect("OUT_DIR is writable");
        if embed {
            table.push_str(&format!(
                "    ({lang:?}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/catalog-{lang}.bin\"))),\n"
            ));
        }
        cat
    };
    for lang in &languages {
        let mut files = Vec::new();
        collect(Path::new(&root).join(lang).as_path(), &mut files);
        match catalog_source::load(&files) {
            Ok(cat) => {
                if &cat.meta.language != lang {
                    failures.push(format!(
                        "catalog/{lang}/catalog.toml: language is {:?} but the folder is {lang:?}",
                        cat.meta.language
                    ));
                    continue;
                }
                let cat = write(lang, cat, true, &mut table);
                if lang == "en" {
                    reference = Some(cat);
                }
            }
            Err(errors) => failures.extend(errors.iter().map(ToString::to_string)),
        }
    }
    for lang in &translations {
        let Some(english) = &reference else {
            failures.push(format!("catalog/{lang}: a translation needs catalog/en"));
            continue;
        };
        let mut files = Vec::new();
        collect(Path::new(&root).join(lang).as_path(), &mut files);
        match translation::merge(english, lang, &files) {
            // A translated catalogue is fetched in the browser: only complete builds embed it.
            // Its core travels with the language's messages.
            Ok(cat) => {
                let cat = write(lang, cat, complete, &mut table);
                let core =
                    postcard::to_allocvec(&core(&cat)).expect("a catalogue always serialises");
                cores.push((lang.clone(), core));
            }
            Err(errors) => failures.extend(errors.iter().map(ToString::to_string)),
        }
    }
    table.push_str("];\n");

    // UI messages of the translated languages, checked against the English ones.
    let en_rs = fs::read_to_string("src/domain/i18n/en.rs").expect("src/domain/i18n/en.rs exists");
    let english = messages_source::english(&en_rs);
    println!("cargo:rerun-if-changed=src/domain/i18n/messages.rs");
    let i18n_rs = fs::read_to_string("src/domain/i18n/messages.rs")
        .expect("src/domain/i18n/messages.rs exists");
    let struct_order = message_fields(&i18n_rs);
    {
        let mut a: Vec<&str> = struct_order.iter().map(String::as_str).collect();
        let mut b: Vec<&str> = english.iter().map(|(k, _)| k.as_str()).collect();
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(
            a, b,
            "the fields of Messages (i18n/messages.rs) and the English messages (en.rs) differ"
        );
    }
    table.push_str(
        "/// The checked UI messages of the translated languages, as postcard bytes (written by build.rs;\n\
         /// in the browser they are fetched instead, unless the catalogue is embedded).\n\
         pub static MESSAGES: &[(&str, &[u8])] = &[\n",
    );
    for lang in &message_languages {
        let path = format!("{root}/{lang}/messages.toml");
        let contents =
            fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: cannot read: {e}"));
        match messages_source::load(&path, &contents, &english) {
            Ok(mut data) => {
                // In the order of the struct's fields, so that building it is one copy.
                data.values = struct_order
                    .iter()
                    .map(|key| {
                        let at = english.iter().position(|(k, _)| k == key).expect("checked");
                        data.values[at].clone()
                    })
                    .collect();
                data.core = cores
                    .iter()
                    .find(|(l, _)| l == lang)
                    .map(|(_, core)| core.clone())
                    .unwrap_or_default();
                let bytes = postcard::to_allocvec(&data).expect("messages always serialise");
                fs::write(out_dir.join(format!("messages-{lang}.bin")), bytes)
                    .expect("OUT_DIR is writable");
                if complete {
                    table.push_str(&format!(
                        "    ({lang:?}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/messages-{lang}.bin\"))),\n"
                    ));
                }
            }
            Err(errors) => failures.extend(errors.iter().map(ToString::to_string)),
        }
    }
    table.push_str("];\n");
    // Builds a `Messages` from the values in the order of its fields, so a translated language
    // needs no Rust. The array is taken apart by a pattern in field order: one copy, no index.
    let keys: Vec<&str> = struct_order.iter().map(String::as_str).collect();
    let from_values = format!(
        "/// How many messages a language has (the English ones).\n\
         pub const MESSAGE_COUNT: usize = {count};\n\
         /// A `Messages` from one value per English message, in the English order (written by build.rs).\n\
         pub fn from_values(v: [&'static str; MESSAGE_COUNT], month_names: [&'static str; 12]) -> Messages {{\n\
         \x20   let [{keys}] = v;\n\
         \x20   Messages {{ {keys}, month_names }}\n}}\n",
        count = keys.len(),
        keys = keys.join(", "),
    );
    fs::write(out_dir.join("messages_from.rs"), from_values).expect("OUT_DIR is writable");
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

/// The string fields of `struct Messages` in `src/domain/i18n/messages.rs`, in declaration order.
fn message_fields(source: &str) -> Vec<String> {
    source
        .lines()
        .skip_while(|l| !l.starts_with("pub struct Messages {"))
        .take_while(|l| *l != "}")
        .filter_map(|l| {
            l.trim()
                .strip_prefix("pub ")?
                .strip_suffix(": &'static str,")
                .map(str::to_string)
        })
        .collect()
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
        } else if path.extension().is_some_and(|e| e == "toml")
            && !path
                .file_name()
                .is_some_and(|n| n == "messages.toml" || n == "terms.toml")
        {
            let contents = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
            files.push((path.to_string_lossy().replace('\\', "/"), contents));
        }
    }
}
