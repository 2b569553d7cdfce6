//! How fast clipping is: every HTML page of the data folder clipped once (pages per second),
//! and one article of about 2,000 words clipped many times (median and 95th percentile).
//!
//! ```sh
//! cargo run --release -p index --example clip_speed -- ../shared/data
//! ```
//!
//! The article is the first PolNeAR train text of 1,800 words or more, cut at 2,000 words.
//! Then the Chinese fixture articles (`tests/fixtures/clip/zh/`) against that English one, per
//! character (the target: Chinese within 2× of English).

use std::path::{Path, PathBuf};
use std::time::Instant;

use onrecord::clip::{ClipOptions, clip_html, clip_text};

fn main() {
    let data = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data"));
    let mut pages = Vec::new();
    for dir in ["readability-test-pages", "newspaper-tests"] {
        html_files(&data.join(dir), &mut pages);
    }
    pages.sort();
    if pages.is_empty() {
        eprintln!(
            "clip_speed: no HTML pages under {}; pass the shared data folder",
            data.display()
        );
        std::process::exit(2);
    }
    let htmls: Vec<String> = pages
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    let opts = ClipOptions::default();
    // (One page first, so that loading the models is not counted against the rest.)
    let _ = clip_html(&htmls[0], &opts);
    let started = Instant::now();
    let mut quotes = 0;
    for html in &htmls {
        if let Ok(clip) = clip_html(html, &opts) {
            quotes += clip.quotes.len();
        }
    }
    let took = started.elapsed().as_secs_f64();
    println!(
        "{} HTML pages in {:.2} s: {:.1} pages/s ({} quotations)",
        htmls.len(),
        took,
        htmls.len() as f64 / took,
        quotes
    );
    let Some(article) = article_of_2000_words(&data.join("polnear/data/train/text")) else {
        return;
    };
    let mut times: Vec<f64> = (0..50)
        .map(|_| {
            let t = Instant::now();
            let clip = clip_text(&article, &opts).expect("the article clips");
            std::hint::black_box(clip);
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "a {}-word article: median {:.2} ms, p95 {:.2} ms (50 runs)",
        article.split_whitespace().count(),
        times[25],
        times[47]
    );
    let english = times[25] / article.chars().count() as f64;
    let zh_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/clip/zh");
    let mut chinese: Vec<String> = std::fs::read_dir(&zh_dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default();
    chinese.sort();
    if chinese.is_empty() {
        return;
    }
    // (The first pass loads jieba's dictionary: timed apart.)
    let t = Instant::now();
    for a in &chinese {
        let _ = clip_text(a, &opts);
    }
    let first = t.elapsed().as_secs_f64() * 1e3;
    let chars: usize = chinese.iter().map(|a| a.chars().count()).sum();
    let mut times: Vec<f64> = (0..20)
        .map(|_| {
            let t = Instant::now();
            for a in &chinese {
                std::hint::black_box(clip_text(a, &opts).expect("the article clips"));
            }
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let per_char = times[10] / chars as f64;
    println!(
        "{} Chinese articles ({chars} characters): median {:.2} ms for all, {:.2} µs a character \
         against English {:.2} µs ({:.2}×); the first pass, loading the dictionary, {first:.0} ms",
        chinese.len(),
        times[10],
        per_char * 1e3,
        english * 1e3,
        per_char / english
    );
}

fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            html_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "html") && !p.ends_with("expected.html") {
            out.push(p);
        }
    }
}

fn article_of_2000_words(dir: &Path) -> Option<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    files.iter().find_map(|f| {
        let text = std::fs::read_to_string(f).ok()?;
        (text.split_whitespace().count() >= 1800).then(|| {
            let mut words = 0;
            text.split_inclusive('\n')
                .take_while(|line| {
                    words += line.split_whitespace().count();
                    words <= 2000
                })
                .collect()
        })
    })
}
