//! The search language parser: no panic, errors positioned inside the query.
#![no_main]
use libfuzzer_sys::fuzz_target;
use onrecord::Error;

fuzz_target!(|data: &[u8]| {
    if let Ok(query) = std::str::from_utf8(data)
        && let Err(Error::Query { position, .. }) = onrecord::query::parse(query)
    {
        assert!(position <= query.chars().count());
    }
});
