//! The importers (JSON, CSV, TSV) on arbitrary bytes: no panic; an error names the file.
#![no_main]
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use onrecord::import::{TableOptions, parse_json, read_table};

fuzz_target!(|data: &[u8]| {
    let opts = TableOptions::default();
    for (name, result) in [
        ("f.json", parse_json(Path::new("f.json"), data).map(|_| ())),
        ("f.csv", read_table(Path::new("f.csv"), data, b',', &opts).map(|_| ())),
        ("f.tsv", read_table(Path::new("f.tsv"), data, b'\t', &opts).map(|_| ())),
    ] {
        if let Err(e) = result {
            let message = e.to_string();
            assert!(message.contains(name) || message.contains("encoding"), "{message}");
        }
    }
});
