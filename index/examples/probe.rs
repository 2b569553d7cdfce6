//! Repeats one search on an existing library and prints the mean time per search: the loop to
//! put under a profiler (`perf record --call-graph dwarf target/release/examples/probe …`).
//!
//! ```sh
//! cargo build --release -p index --example probe
//! target/release/examples/probe LIBRARY_DIR QUERY [relevance|date] [facets] [RUNS]
//! ```
//!
//! `bench --dir WORKDIR` keeps its library in `WORKDIR/library` to probe afterwards. Several
//! queries separated by `|` are run in turn, as the bench cycles through a class's queries.

use std::path::PathBuf;
use std::time::Instant;

use onrecord::{Library, SearchRequest, Sort};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(query)) = (args.first(), args.get(1)) else {
        eprintln!("usage: probe LIBRARY_DIR QUERY [relevance|date] [facets] [RUNS]");
        std::process::exit(2);
    };
    let sort = match args.get(2).map(String::as_str) {
        Some("date") => Sort::Date,
        _ => Sort::Relevance,
    };
    let facets = args.get(3).is_some_and(|a| a == "facets");
    let runs: usize = args.get(4).and_then(|n| n.parse().ok()).unwrap_or(2_000);
    let opened = Instant::now();
    let mut library = Library::open(&PathBuf::from(dir)).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    if let Some(path) = query.strip_prefix("check:") {
        // `probe LIBRARY check:DRAFT.txt … RUNS`: checks a draft RUNS times.
        let text = std::fs::read_to_string(path).expect("draft");
        let started = Instant::now();
        let mut findings = 0;
        for _ in 0..runs {
            findings = library.check(&text).expect("check").findings.len();
        }
        println!(
            "{findings} findings, {:.1} ms per check",
            started.elapsed().as_secs_f64() * 1e3 / runs.max(1) as f64
        );
        return;
    }
    let requests: Vec<SearchRequest> = query
        .split('|')
        .map(|query| SearchRequest {
            query: query.to_owned(),
            limit: 10,
            offset: 0,
            sort,
            facets,
        })
        .collect();
    eprintln!("opened in {:.1} ms", opened.elapsed().as_secs_f64() * 1e3);
    let started = Instant::now();
    let mut total = 0;
    for run in 0..runs {
        total += library
            .search(&requests[run % requests.len()])
            .unwrap_or_else(|e| {
                eprintln!("{e}");
                std::process::exit(1);
            })
            .total;
    }
    println!(
        "{total} matches, {:.1} µs per search",
        started.elapsed().as_secs_f64() * 1e6 / runs.max(1) as f64
    );
}
