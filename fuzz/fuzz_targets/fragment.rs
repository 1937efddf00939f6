//! The URL-fragment decoder: any bytes give a selection and notices, never a panic; what it
//! decodes encodes back to something it decodes the same way.
#![no_main]

use criteria_builder::domain::fragment::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (selection, _) = decode(&text);
    let again = encode(&selection);
    let (back, _) = decode(&again);
    assert_eq!(encode(&back), again);
});
