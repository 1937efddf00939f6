//! The binary catalogue reader: any bytes give a catalogue or an error, never a panic.
#![no_main]

use criteria_builder::domain::embedded::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = decode(data);
});
