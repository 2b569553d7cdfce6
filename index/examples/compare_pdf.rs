//! pdftotext (poppler, through OnRecord's reader) against pdf-extract (pure Rust, on lopdf) on
//! the same PDFs: how many of each file's quotations come out whole with their speaker and on
//! the right page, whether running headers leak into the text, and how long reading and
//! clipping take. The choice it informs is in docs/DOCUMENTS.md.
//!
//! ```sh
//! cargo run --release -p index --features compare-pdf --example compare_pdf -- tests/fixtures/documents
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

use onrecord::clip::{ClipOptions, clip_file, clip_text};

/// A file, its quotations (words, speaker, page) and a running line that must not be kept.
type Expected = (
    &'static str,
    Vec<(String, &'static str, u32)>,
    Option<&'static str>,
);

fn expected() -> Vec<Expected> {
    let people = [
        "Maria Lopez",
        "Tom Becker",
        "Anna Kowalski",
        "Peter Hall",
        "Linda Park",
    ];
    let long = (1..=50)
        .map(|n| {
            (
                format!("District {n} will have enough water through the summer"),
                people[n as usize % 5],
                n,
            )
        })
        .collect();
    let columns = vec![
        (
            "Farmers downstream have waited three years for this water".to_owned(),
            "Anna Kowalski",
            1,
        ),
        (
            "The reservoir cannot spare a single week of release".to_owned(),
            "Peter Hall",
            1,
        ),
    ];
    vec![
        (
            "statement.pdf",
            vec![
                (
                    "The turbines will serve the coastal communities for thirty years".to_owned(),
                    "Maria Lopez",
                    1,
                ),
                (
                    "Our engineers finished the survey ahead of schedule".to_owned(),
                    "Tom Becker",
                    2,
                ),
            ],
            None,
        ),
        ("two-column.pdf", columns.clone(), None),
        ("two-column-rows.pdf", columns, None),
        (
            "headers.pdf",
            vec![(
                "This budget keeps every promise we made to the voters".to_owned(),
                "Linda Park",
                3,
            )],
            Some("CITY COUNCIL MINUTES"),
        ),
        ("long.pdf", long, Some("HARBOR AUTHORITY")),
    ]
}

/// pdf-extract's pages as one text of paragraphs (blank lines part them; a line-end hyphen
/// before a lowercase letter joins the word, as OnRecord does), with where each page starts.
fn pure_rust(bytes: &[u8]) -> Result<(String, Vec<usize>), String> {
    let pages = pdf_extract::extract_text_from_mem_by_pages(bytes).map_err(|e| e.to_string())?;
    let mut text = String::new();
    let mut starts = Vec::new();
    for page in pages {
        starts.push(text.chars().count());
        let mut paragraph = String::new();
        for line in page.lines().map(str::trim) {
            if line.is_empty() {
                if !paragraph.is_empty() {
                    text.push_str(&paragraph);
                    text.push('\n');
                    paragraph.clear();
                }
                continue;
            }
            if paragraph.ends_with('-') && line.starts_with(char::is_lowercase) {
                paragraph.pop();
            } else if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(line);
        }
        if !paragraph.is_empty() {
            text.push_str(&paragraph);
            text.push('\n');
        }
    }
    Ok((text, starts))
}

fn main() {
    let folder = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("tests/fixtures/documents"));
    println!(
        "{:<20} {:<12} {:>9} {:>8} {:>8} {:>8}",
        "file", "reader", "right", "of", "headers", "ms"
    );
    let mut totals = [(0usize, 0usize, 0.0f64); 2];
    for (name, quotes, running) in expected() {
        let path: &Path = &folder.join(name);
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // pdftotext, through OnRecord's reader.
        let started = Instant::now();
        let clip = clip_file(&bytes, Some(name), Some(path), &ClipOptions::default());
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let (right, leaked) = match &clip {
            Ok(clip) => (
                quotes
                    .iter()
                    .filter(|(words, who, page)| {
                        clip.quotes.iter().any(|q| {
                            &q.text == words
                                && q.speaker.as_deref() == Some(*who)
                                && matches!(q.locator, Some(onrecord::model::Locator::Page { page: p, .. }) if p == *page)
                        })
                    })
                    .count(),
                running.is_some_and(|r| clip.article.text.contains(r)),
            ),
            Err(_) => (0, false),
        };
        println!(
            "{name:<20} {:<12} {right:>9} {:>8} {:>8} {ms:>8.1}",
            "pdftotext",
            quotes.len(),
            if leaked { "kept" } else { "dropped" }
        );
        totals[0].0 += right;
        totals[0].1 += quotes.len();
        totals[0].2 += ms;
        // pdf-extract, then the same clipping.
        let started = Instant::now();
        let result = pure_rust(&bytes).and_then(|(text, starts)| {
            clip_text(&text, &ClipOptions::default())
                .map(|c| (c, starts))
                .map_err(|e| e.to_string())
        });
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let (right, leaked) = match &result {
            Ok((clip, starts)) => (
                quotes
                    .iter()
                    .filter(|(words, who, page)| {
                        clip.quotes.iter().any(|q| {
                            let on = starts.partition_point(|s| *s <= q.start) as u32;
                            &q.text == words && q.speaker.as_deref() == Some(*who) && on == *page
                        })
                    })
                    .count(),
                running.is_some_and(|r| clip.article.text.contains(r)),
            ),
            Err(e) => {
                eprintln!("pdf-extract on {name}: {e}");
                (0, false)
            }
        };
        println!(
            "{name:<20} {:<12} {right:>9} {:>8} {:>8} {ms:>8.1}",
            "pdf-extract",
            quotes.len(),
            if leaked { "kept" } else { "dropped" }
        );
        totals[1].0 += right;
        totals[1].1 += quotes.len();
        totals[1].2 += ms;
    }
    for (reader, (right, of, ms)) in ["pdftotext", "pdf-extract"].iter().zip(totals) {
        println!("total {reader:<14} {right}/{of} quotations right, {ms:.0} ms");
    }
}
