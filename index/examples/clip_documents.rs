//! How fast documents clip: the fifty-page report (`tests/fixtures/documents/long.pdf`, read by
//! pdftotext), the Word and OpenDocument statements and the transcripts, each clipped several
//! times (median and slowest), from reading the bytes to the candidates.
//!
//! ```sh
//! cargo run --release -p index --example clip_documents -- tests/fixtures/documents
//! ```

use std::path::PathBuf;
use std::time::Instant;

use onrecord::clip::{ClipOptions, clip_file};

fn main() {
    let folder = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("tests/fixtures/documents"));
    let runs = 7;
    println!(
        "{:<22} {:>6} {:>8} {:>10} {:>10}",
        "file", "pages", "quotes", "median ms", "max ms"
    );
    for name in [
        "long.pdf",
        "statement.pdf",
        "two-column.pdf",
        "statement.docx",
        "statement.odt",
        "interview.vtt",
        "interview.srt",
        "interview.txt",
    ] {
        let path = folder.join(name);
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!(
                "clip_documents: no {}; pass the documents fixture folder",
                path.display()
            );
            std::process::exit(2);
        };
        let mut times = Vec::new();
        let mut found = None;
        for _ in 0..runs {
            let started = Instant::now();
            let clip = clip_file(&bytes, Some(name), Some(&path), &ClipOptions::default())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            let pages = clip
                .quotes
                .iter()
                .filter_map(|q| match q.locator {
                    Some(onrecord::model::Locator::Page { page, .. }) => Some(page),
                    _ => None,
                })
                .max();
            found = Some((pages, clip.quotes.len()));
        }
        times.sort_by(f64::total_cmp);
        let (pages, quotes) = found.expect("ran");
        println!(
            "{name:<22} {:>6} {quotes:>8} {:>10.1} {:>10.1}",
            pages.map(|p| p.to_string()).unwrap_or_else(|| "-".into()),
            times[runs / 2],
            times[runs - 1]
        );
    }
}
