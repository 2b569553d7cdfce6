//! The quote extractor on arbitrary bytes (decoded as clipping decodes them): no panic, and
//! every candidate's offsets inside the article text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use onrecord::clip::{ClipOptions, clip_bytes};

fuzz_target!(|data: &[u8]| {
    if let Ok(clip) = clip_bytes(data, &ClipOptions::default()) {
        let n = clip.article.text.chars().count();
        for q in &clip.quotes {
            assert!(q.start < q.end && q.end <= n);
        }
    }
});
