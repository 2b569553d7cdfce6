//! The draft checker on arbitrary text, against a library holding the seed article's quotes
//! (opened once per fuzzing process).
#![no_main]
use std::sync::{Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;
use onrecord::Library;
use onrecord::import::{TableOptions, read_file};

fn library() -> &'static Mutex<Library> {
    static LIBRARY: OnceLock<Mutex<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("onrecord-fuzz-{}", std::process::id()));
        let mut library = Library::open(&dir).expect("open a library");
        if library.store().quote_count().unwrap() == 0 {
            let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/seed-quotes.json");
            let file = read_file(seed.as_ref(), None, &TableOptions::default()).unwrap();
            library.import(file).unwrap();
        }
        Mutex::new(library)
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(draft) = std::str::from_utf8(data) {
        let mut library = library().lock().unwrap();
        if let Ok(report) = library.check(draft) {
            let n = draft.chars().count();
            for f in &report.findings {
                assert!(f.start < f.end && f.end <= n);
            }
        }
    }
});
