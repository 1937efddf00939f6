//! The opener of saved answers: any bytes, read as the JSON of a file, give answers or a problem
//! naming what is wrong, never a panic; answers it opens save and open again to the same.
#![no_main]

use criteria_builder::domain::saved;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    if let Ok((selection, _)) = saved::open(&saved::Json::from(&value)) {
        let json: serde_json::Value =
            serde_json::from_str(&saved::write(&selection)).expect("saved answers are JSON");
        let (again, notices) = saved::open(&saved::Json::from(&json)).expect("saved answers open again");
        assert_eq!(again, selection);
        assert!(notices.is_empty());
    }
});
