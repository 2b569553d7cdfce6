//! Article extraction and quote finding on arbitrary HTML.
#![no_main]
use libfuzzer_sys::fuzz_target;
use onrecord::clip::{ClipOptions, clip_html};

fuzz_target!(|data: &[u8]| {
    if let Ok(html) = std::str::from_utf8(data) {
        let _ = clip_html(html, &ClipOptions::default());
    }
});
