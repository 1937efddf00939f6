//! The authored-catalogue loader: any text in any catalogue file gives a catalogue or located
//! errors, never a panic.
#![no_main]

use criteria_builder::domain::catalog_source::load;
use libfuzzer_sys::fuzz_target;

const FILES: [&str; 8] = [
    "catalog.toml", "categories.toml", "risks.toml", "labels.toml", "legal.toml",
    "sources.toml", "salience.toml", "criteria/x.toml",
];

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let name = FILES[usize::from(which) % FILES.len()];
    let text = String::from_utf8_lossy(rest).into_owned();
    let _ = load(&[(format!("x/en/{name}"), text)]);
});
