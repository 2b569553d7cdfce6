//! Compares article extractors on the same pages: the one OnRecord uses (`dom_smoothie`, through
//! `onrecord::clip::article`), `rs-trafilatura` and `readability`. Prints, per test set, the mean
//! token F1 of each one's main text against the expected text, and its time per page.
//!
//! ```sh
//! cargo run --release -p index --features compare-extractors --example compare_extractors -- ../shared/data
//! ```

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use onrecord::clip::article;

#[path = "common/text.rs"]
mod text;
use text::token_f1;

type Extractor = fn(&str) -> String;

fn ours(html: &str) -> String {
    article::extract(html, None)
        .map(|a| a.text)
        .unwrap_or_default()
}

fn trafilatura(html: &str) -> String {
    rs_trafilatura::extract(html)
        .map(|r| r.content_text)
        .unwrap_or_default()
}

fn readability(html: &str) -> String {
    let url = url::Url::parse("http://127.0.0.1/article").expect("url");
    readability::extractor::extract(&mut html.as_bytes(), &url)
        .map(|p| p.text)
        .unwrap_or_default()
}

const EXTRACTORS: [(&str, Extractor); 3] = [
    ("dom_smoothie (OnRecord)", ours),
    ("rs-trafilatura 0.2.2", trafilatura),
    ("readability 0.3.0", readability),
];

fn sorted(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// (page HTML, expected text) for each page of a set.
fn pages(data: &Path, set: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    match set {
        "readability-test-pages" => {
            for page in sorted(&data.join("readability-test-pages/pages")) {
                let (Ok(source), Ok(expected)) = (
                    std::fs::read(page.join("source.html")),
                    std::fs::read_to_string(page.join("expected.html")),
                ) else {
                    continue;
                };
                let expected = dom_query::Document::from(expected.as_str())
                    .select("body")
                    .text()
                    .to_string();
                out.push((article::decode_page(&source, None), expected));
            }
        }
        _ => {
            let dir = data.join(format!("newspaper-tests/{set}/tests/data"));
            for html in sorted(&dir.join("html")) {
                let stem = html.file_stem().and_then(|s| s.to_str()).unwrap_or("");
                let expected =
                    std::fs::read_to_string(dir.join("text").join(format!("{stem}.txt")))
                        .or_else(|_| {
                            std::fs::read_to_string(dir.join("txt").join(format!("{stem}.txt")))
                        })
                        .ok()
                        .or_else(|| {
                            let meta = std::fs::read_to_string(
                                dir.join("metadata").join(format!("{stem}.json")),
                            )
                            .ok()?;
                            let meta: serde_json::Value = serde_json::from_str(&meta).ok()?;
                            meta["text"].as_str().map(str::to_owned)
                        });
                let (Some(expected), Ok(source)) = (expected, std::fs::read(&html)) else {
                    continue;
                };
                out.push((article::decode_page(&source, None), expected));
            }
        }
    }
    out
}

fn main() {
    let data = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/data".into()),
    );
    println!("| set | pages | extractor | mean text F1 | time per page |");
    println!("|---|---|---|---|---|");
    for set in ["readability-test-pages", "newspaper3k", "newspaper4k"] {
        let pages = pages(&data, set);
        for (name, extract) in EXTRACTORS {
            let mut f1 = 0.0;
            let mut time = Duration::ZERO;
            for (html, expected) in &pages {
                let t = Instant::now();
                let text = extract(html);
                time += t.elapsed();
                f1 += token_f1(&text, expected);
            }
            let n = pages.len().max(1) as f64;
            println!(
                "| {set} | {} | {name} | {:.3} | {:.1} ms |",
                pages.len(),
                f1 / n,
                time.as_secs_f64() * 1e3 / n
            );
        }
    }
}
