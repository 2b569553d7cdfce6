//! OnRecord at newsroom scale, side by side with SQLite FTS5 on the same corpus and queries.
//!
//! ```sh
//! cargo run --release --example bench -- --quotes 1000000 [--json] [--data ../shared/data] [--dir DIR]
//! ```
//!
//! A seeded generator writes N quotes shaped like news: the words are real runs of text from
//! PolNeAR articles and LIAR statements (so phrases and word frequencies are real), speakers and
//! their titles come from LIAR, organizations and outlets from fixed lists, dates spread over
//! 2000–2026 in order, and one quote in twenty is Chinese (runs of newspaper4k's Chinese pages).
//! The same quotes go into an OnRecord library (SQLite + Tantivy, through `Library::add_many`)
//! and into a plain SQLite table with an FTS5 index (porter stemming, like ours). Then every query
//! class runs many times on both, through the paths a user's search takes: OnRecord's
//! `Library::search` (top 10, snippets, rows read from SQLite) and, for FTS5, a MATCH ordered by
//! bm25 with `snippet()` and the rows joined from the table.
//!
//! With `--verify`, every exact-phrase query must match the same set of quotes in both engines
//! (the CI smoke test runs that with 20,000 quotes).

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use onrecord::{Library, Medium, NewQuote, NewSource, SearchRequest, Sort};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rusqlite::{Connection, params};

struct Args {
    quotes: usize,
    json: bool,
    verify: bool,
    data: PathBuf,
    dir: Option<PathBuf>,
    runs: usize,
    /// Print each class's queries and stop (to run them again under `probe`).
    queries: bool,
    /// Also write the corpus as a CSV file and import it the way `onrecord import` does.
    file: bool,
    /// Query the libraries an earlier run left in `--dir` (same `--quotes`) without importing.
    reuse: bool,
}

fn args() -> Args {
    let mut a = Args {
        quotes: 100_000,
        json: false,
        verify: false,
        data: PathBuf::from("../shared/data"),
        dir: None,
        runs: 200,
        queries: false,
        file: false,
        reuse: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--quotes" => {
                a.quotes = it
                    .next()
                    .and_then(|v| v.replace('_', "").parse().ok())
                    .unwrap_or_else(|| usage())
            }
            "--json" => a.json = true,
            "--verify" => a.verify = true,
            "--queries" => a.queries = true,
            "--file" => a.file = true,
            "--reuse" => a.reuse = true,
            "--data" => a.data = it.next().map(PathBuf::from).unwrap_or_else(|| usage()),
            "--dir" => a.dir = it.next().map(PathBuf::from),
            "--runs" => {
                a.runs = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or_else(|| usage())
            }
            _ => usage(),
        }
    }
    a
}

fn usage() -> ! {
    eprintln!(
        "usage: bench [--quotes N] [--json] [--verify] [--file] [--reuse] [--queries] [--data DIR] [--dir WORKDIR] [--runs N]"
    );
    std::process::exit(2)
}

/// Words and speakers to draw from.
struct Corpus {
    tokens: Vec<String>,
    zh: Vec<char>,
    speakers: Vec<(String, String)>,
}

fn load_corpus(data: &Path) -> Corpus {
    let mut text = String::new();
    let polnear = data.join("polnear/data/train/text");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&polnear)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e}; pass --data with the shared data folder",
                polnear.display()
            )
        })
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for f in files {
        text.push_str(&std::fs::read_to_string(f).unwrap_or_default());
        text.push(' ');
    }
    let mut speakers = BTreeSet::new();
    for split in ["train", "valid", "test"] {
        let path = data.join(format!("liar/liar_dataset/{split}.tsv"));
        for line in std::fs::read_to_string(&path).unwrap_or_default().lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() >= 6 {
                text.push_str(cols[2]);
                text.push(' ');
                let name = cols[4]
                    .split('-')
                    .filter(|w| !w.is_empty())
                    .map(|w| {
                        let mut c = w.chars();
                        c.next()
                            .map(|f| f.to_uppercase().chain(c).collect::<String>())
                            .unwrap_or_default()
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                if name.contains(' ') && !cols[5].trim().is_empty() {
                    speakers.insert((name, cols[5].trim().to_owned()));
                }
            }
        }
    }
    let tokens: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .to_owned()
        })
        .filter(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '\'' || c == '-')
        })
        .collect();
    let mut zh = Vec::new();
    for name in [
        "chinese_article.txt",
        "chinese_article_001.txt",
        "chinese_article_002.txt",
    ] {
        let t = std::fs::read_to_string(
            data.join("newspaper-tests/newspaper4k/tests/data/txt")
                .join(name),
        )
        .unwrap_or_default();
        zh.extend(t.chars().filter(|c| !c.is_whitespace()));
    }
    Corpus {
        tokens,
        zh,
        speakers: speakers.into_iter().collect(),
    }
}

const ORGS: &[&str] = &[
    "Zensar",
    "Acme Group",
    "Principal Venture Partners",
    "Department of Energy",
    "Senate Finance Committee",
    "Alibaba",
    "Wells Fargo",
    "Sierra Club",
    "Heritage Foundation",
    "Brookings Institution",
    "City of Austin",
    "United Auto Workers",
    "Pfizer",
    "Goldman Sachs",
    "Harvard University",
    "World Bank",
];
const OUTLETS: &[&str] = &[
    "Reuters",
    "Associated Press",
    "The New York Times",
    "The Washington Post",
    "Politico",
    "Bloomberg",
    "The Guardian",
    "BBC News",
    "USA Today",
    "Financial Times",
    "Xinhua",
    "Caixin",
];

/// The seeded corpus, one quote at a time: the same seed gives the same quotes, so each engine
/// imports a fresh stream and nothing holds the whole corpus.
struct Generator<'a> {
    corpus: &'a Corpus,
    rng: StdRng,
    n: usize,
    i: usize,
    start: NaiveDate,
}

fn generate(corpus: &Corpus, n: usize, seed: u64) -> Generator<'_> {
    Generator {
        corpus,
        rng: StdRng::seed_from_u64(seed),
        n,
        i: 0,
        start: NaiveDate::from_ymd_opt(2000, 1, 1).expect("date"),
    }
}

impl Iterator for Generator<'_> {
    type Item = NewQuote;

    fn next(&mut self) -> Option<NewQuote> {
        if self.i == self.n {
            return None;
        }
        let (i, n, corpus, rng) = (self.i, self.n, self.corpus, &mut self.rng);
        self.i += 1;
        let days = 27 * 365;
        let (speaker, title) = &corpus.speakers[rng.random_range(0..corpus.speakers.len())];
        let zh = !corpus.zh.is_empty() && rng.random_range(0..20) == 0;
        let text = if zh {
            let len = rng.random_range(12..60);
            let at = rng.random_range(0..corpus.zh.len().saturating_sub(len).max(1));
            corpus.zh[at..(at + len).min(corpus.zh.len())]
                .iter()
                .collect()
        } else {
            let len = rng.random_range(8..40);
            let at = rng.random_range(0..corpus.tokens.len() - len);
            corpus.tokens[at..at + len].join(" ")
        };
        // Dates rise with the index, so both engines store quotes oldest first.
        let date = self.start + chrono::Duration::days((i as i64 * days) / n as i64);
        let medium = match rng.random_range(0..10) {
            0 => Medium::Email,
            1 => Medium::Statement,
            2 | 3 => Medium::Told,
            4 => Medium::Interview,
            _ => Medium::Said,
        };
        let outlet = OUTLETS[rng.random_range(0..OUTLETS.len())];
        Some(NewQuote {
            text,
            speaker: speaker.clone(),
            title: Some(title.clone()),
            organization: Some(ORGS[rng.random_range(0..ORGS.len())].to_owned()),
            medium,
            told_to: (medium == Medium::Told).then(|| outlet.to_owned()),
            said_on: Some(date),
            source: Some(NewSource {
                outlet: Some(outlet.to_owned()),
                published: Some(date),
                ..Default::default()
            }),
            language: Some(if zh { "zh" } else { "en" }.to_owned()),
            ..Default::default()
        })
    }
}

/// What the queries and the draft are made from, gathered as the corpus streams past: word
/// counts over the English quotes and a uniform sample of them (reservoir sampling).
struct Sample {
    freq: HashMap<String, usize>,
    quotes: Vec<NewQuote>,
    seen: usize,
    rng: StdRng,
}

impl Sample {
    const SIZE: usize = 5_000;

    fn new() -> Sample {
        Sample {
            freq: HashMap::new(),
            quotes: Vec::new(),
            seen: 0,
            rng: StdRng::seed_from_u64(3),
        }
    }

    fn observe(&mut self, q: &NewQuote) {
        if q.language.as_deref() != Some("en") {
            return;
        }
        for w in q.text.split_whitespace() {
            if w.len() > 3 && w.chars().all(|c| c.is_ascii_alphabetic()) {
                match self.freq.get_mut(w) {
                    Some(n) => *n += 1,
                    None => {
                        *self.freq.entry(w.to_lowercase()).or_default() += 1;
                    }
                }
            }
        }
        self.seen += 1;
        if self.quotes.len() < Self::SIZE {
            self.quotes.push(q.clone());
        } else {
            let at = self.rng.random_range(0..self.seen);
            if at < Self::SIZE {
                self.quotes[at] = q.clone();
            }
        }
    }
}

/// Writes quotes as a CSV table with a header row, as a spreadsheet or a data set would.
fn write_csv(path: &Path, quotes: impl Iterator<Item = NewQuote>) {
    let mut w = csv::Writer::from_path(path).expect("csv file");
    w.write_record([
        "text",
        "speaker",
        "title",
        "organization",
        "medium",
        "told_to",
        "date",
        "outlet",
        "published",
        "language",
    ])
    .expect("header");
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for q in quotes {
        let source = q.source.unwrap_or_default();
        w.write_record([
            q.text.as_str(),
            &q.speaker,
            q.title.as_deref().unwrap_or(""),
            q.organization.as_deref().unwrap_or(""),
            q.medium.as_str(),
            q.told_to.as_deref().unwrap_or(""),
            &day(q.said_on),
            source.outlet.as_deref().unwrap_or(""),
            &day(source.published),
            q.language.as_deref().unwrap_or(""),
        ])
        .expect("row");
    }
    w.flush().expect("flush");
}

/// Where two libraries that imported the same corpus differ: each quote (all but its times),
/// each speaker's timeline (all but the rows' ids), and what a few searches count.
fn compare_libraries(a: &mut Library, b: &mut Library, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let plain = |q: onrecord::Quote| {
        let mut v = serde_json::to_value(q).expect("json");
        if let Some(m) = v.as_object_mut() {
            m.remove("created_at");
            m.remove("updated_at");
        }
        v
    };
    for id in 1..=n as i64 {
        let (x, y) = (
            a.quote(onrecord::QuoteId(id)).map(plain),
            b.quote(onrecord::QuoteId(id)).map(plain),
        );
        match (x, y) {
            (Ok(x), Ok(y)) if x == y => {}
            (x, y) => out.push(format!("quote {id}: {x:?} / {y:?}")),
        }
        if out.len() > 5 {
            return out;
        }
    }
    let timelines = |l: &Library| -> Vec<serde_json::Value> {
        l.speakers()
            .expect("speakers")
            .into_iter()
            .map(|s| {
                let mut v = serde_json::to_value(s).expect("json");
                for a in v["affiliations"].as_array_mut().into_iter().flatten() {
                    a.as_object_mut().map(|m| m.remove("id"));
                }
                v
            })
            .collect()
    };
    if timelines(a) != timelines(b) {
        out.push("the speakers or their timelines differ".into());
    }
    for query in [
        "government",
        "tax people",
        "speaker:obama",
        "\"health care\"",
        "说",
    ] {
        let count = |l: &mut Library| {
            l.search(&SearchRequest {
                query: query.into(),
                limit: 10,
                ..Default::default()
            })
            .map(|r| r.total)
            .expect("search")
        };
        let (x, y) = (count(a), count(b));
        if x != y {
            out.push(format!("{query}: {x:?} / {y:?}"));
        }
    }
    out
}

fn status_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with(field)).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<f64>().ok())
            })
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The process's peak resident memory so far.
fn peak_rss_mb() -> f64 {
    status_mb("VmHWM:")
}

/// Resets the peak to the current resident memory (Linux: `clear_refs` 5), so that the peak
/// read after the import is the import's own on top of what was resident before it.
fn reset_peak_rss() -> f64 {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    status_mb("VmRSS:")
}

fn dir_size(path: &Path) -> u64 {
    let Ok(meta) = std::fs::metadata(path) else {
        return 0;
    };
    if meta.is_file() {
        return meta.len();
    }
    std::fs::read_dir(path)
        .map(|d| d.flatten().map(|e| dir_size(&e.path())).sum())
        .unwrap_or(0)
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// One query in both languages: OnRecord's search syntax and an FTS5 statement + parameter.
#[derive(Clone)]
struct Query {
    onrecord: String,
    sort: Sort,
    facets: bool,
    fts_sql: &'static str,
    fts_param: String,
    fts_extra: Option<(i64, i64)>,
}

const FTS_TOP: &str = "SELECT q.id, q.text, q.speaker, snippet(quote_fts, 0, '<mark>', '</mark>', '…', 24) \
    FROM quote_fts JOIN quote q ON q.id = quote_fts.rowid WHERE quote_fts MATCH ?1 ORDER BY bm25(quote_fts) LIMIT 10";
const FTS_DATE_RANGE: &str = "SELECT q.id, q.text, q.speaker, snippet(quote_fts, 0, '<mark>', '</mark>', '…', 24) \
    FROM quote_fts JOIN quote q ON q.id = quote_fts.rowid WHERE quote_fts MATCH ?1 AND q.day >= ?2 AND q.day < ?3 \
    ORDER BY bm25(quote_fts) LIMIT 10";
const FTS_FACET: &str = "SELECT q.speaker, count(*) FROM quote_fts JOIN quote q ON q.id = quote_fts.rowid \
    WHERE quote_fts MATCH ?1 GROUP BY q.speaker ORDER BY 2 DESC LIMIT 20";
// FTS5 walks rowids backwards for this, and rowids are in date order: its best case.
const FTS_NEWEST: &str = "SELECT q.id, q.text, q.speaker, snippet(quote_fts, 0, '<mark>', '</mark>', '…', 24) \
    FROM quote_fts JOIN quote q ON q.id = quote_fts.rowid WHERE quote_fts MATCH ?1 ORDER BY quote_fts.rowid DESC LIMIT 10";

const STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "is", "was", "that", "it", "he",
    "she", "they", "we", "i", "you", "his", "her", "be", "are", "at", "by", "with", "as", "this",
    "from", "have", "has", "not", "but", "had", "were", "who", "said", "their", "would", "will",
    "about", "been", "which", "its", "s", "t",
];

fn query_set(corpus: &Corpus, sample: &Sample, seed: u64) -> Vec<(&'static str, Vec<Query>)> {
    let mut rng = StdRng::seed_from_u64(seed);
    let quotes = &sample.quotes;
    let mut by_freq: Vec<(String, usize)> =
        sample.freq.iter().map(|(w, n)| (w.clone(), *n)).collect();
    by_freq.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let common: Vec<String> = by_freq
        .iter()
        .filter(|(w, _)| !STOP.contains(&w.as_str()))
        .take(30)
        .map(|(w, _)| w.clone())
        .collect();
    // Rare: at most 30 times per million English quotes (at least 3 times).
    let cap = (30 * sample.seen / 950_000).max(30);
    let rare: Vec<String> = by_freq
        .iter()
        .filter(|(_, n)| (3..=cap).contains(n))
        .map(|(w, _)| w.clone())
        .collect();
    let medium: Vec<String> = by_freq
        .iter()
        .skip(200)
        .take(2000)
        .map(|(w, _)| w.clone())
        .collect();
    let pick = |rng: &mut StdRng, v: &[String]| v[rng.random_range(0..v.len())].clone();
    let top = |q: String, fts: String| Query {
        onrecord: q,
        sort: Sort::Relevance,
        facets: false,
        fts_sql: FTS_TOP,
        fts_param: fts,
        fts_extra: None,
    };
    let surnames: Vec<String> = corpus
        .speakers
        .iter()
        .filter_map(|(n, _)| n.split_whitespace().last().map(str::to_lowercase))
        .filter(|s| s.len() >= 6 && s.chars().all(|c| c.is_ascii_alphabetic()))
        .collect();
    let n = 20;
    let mut classes: Vec<(&'static str, Vec<Query>)> = Vec::new();
    classes.push((
        "rare_term",
        (0..n)
            .map(|_| {
                let w = pick(&mut rng, &rare);
                top(w.clone(), w)
            })
            .collect(),
    ));
    classes.push((
        "common_term",
        (0..n)
            .map(|_| {
                let w = pick(&mut rng, &common);
                top(w.clone(), w)
            })
            .collect(),
    ));
    classes.push((
        "two_terms",
        (0..n)
            .map(|_| {
                let (a, b) = (pick(&mut rng, &medium), pick(&mut rng, &medium));
                top(format!("{a} {b}"), format!("{a} {b}"))
            })
            .collect(),
    ));
    classes.push((
        "phrase",
        phrases(quotes, &sample.freq, &mut rng, n)
            .into_iter()
            .map(|p| top(format!("\"{p}\""), format!("\"{p}\"")))
            .collect(),
    ));
    classes.push((
        "speaker_filter",
        (0..n)
            .map(|_| {
                let s = pick(&mut rng, &surnames);
                top(format!("speaker:{s}"), format!("speaker : {s}"))
            })
            .collect(),
    ));
    classes.push((
        "fuzzy_name",
        (0..n)
            .map(|_| {
                let s = pick(&mut rng, &surnames);
                // A typo: one letter dropped from the middle. FTS5 cannot forgive typos; its closest
                // tool is a prefix query on the part before the typo.
                let cut = s.len() / 2;
                let typo = format!("{}{}", &s[..cut], &s[cut + 1..]);
                top(
                    format!("speaker:{typo}"),
                    format!("speaker : {}*", &s[..cut]),
                )
            })
            .collect(),
    ));
    classes.push((
        "date_range",
        (0..n)
            .map(|_| {
                let w = pick(&mut rng, &common);
                let year = rng.random_range(2001..2026);
                let from = NaiveDate::from_ymd_opt(year, 1, 1).expect("date");
                let to = NaiveDate::from_ymd_opt(year + 1, 1, 1).expect("date");
                Query {
                    onrecord: format!("{w} after:{from} before:{to}"),
                    sort: Sort::Relevance,
                    facets: false,
                    fts_sql: FTS_DATE_RANGE,
                    fts_param: w,
                    fts_extra: Some((day(from), day(to))),
                }
            })
            .collect(),
    ));
    classes.push((
        "facet_count",
        (0..n)
            .map(|_| {
                let w = pick(&mut rng, &common);
                Query {
                    onrecord: w.clone(),
                    sort: Sort::Relevance,
                    facets: true,
                    fts_sql: FTS_FACET,
                    fts_param: w,
                    fts_extra: None,
                }
            })
            .collect(),
    ));
    classes.push((
        "newest_first",
        (0..n)
            .map(|_| {
                let w = pick(&mut rng, &common);
                Query {
                    onrecord: w.clone(),
                    sort: Sort::Date,
                    facets: false,
                    fts_sql: FTS_NEWEST,
                    fts_param: w,
                    fts_extra: None,
                }
            })
            .collect(),
    ));
    classes
}

/// Two- and three-word runs of plain lower-case words taken from the quotes.
///
/// A word is only taken when no longer word of the corpus begins with it: "clear" is left out
/// because of "clearly", which Snowball stems to "clear" and Porter to "clearli", so the two
/// engines would rightly disagree about "clear that".
fn phrases(
    quotes: &[NewQuote],
    vocabulary: &HashMap<String, usize>,
    rng: &mut StdRng,
    n: usize,
) -> Vec<String> {
    let mut words: Vec<&str> = vocabulary.keys().map(String::as_str).collect();
    words.sort_unstable();
    let alone = |w: &str| match words.binary_search(&w) {
        Ok(at) => !words.get(at + 1).is_some_and(|next| next.starts_with(w)),
        Err(_) => false,
    };
    let mut out = Vec::new();
    while out.len() < n {
        let q = &quotes[rng.random_range(0..quotes.len())];
        if q.language.as_deref() != Some("en") {
            continue;
        }
        let words: Vec<&str> = q.text.split_whitespace().collect();
        let len = rng.random_range(2..=3);
        if words.len() <= len {
            continue;
        }
        let at = rng.random_range(0..words.len() - len);
        let run = &words[at..at + len];
        // Words no stemmer changes, so that OnRecord's Snowball and FTS5's Porter stemmers agree
        // and both engines must find exactly the same quotes.
        const SUFFIXES: &[&str] = &[
            "s", "e", "y", "ed", "ing", "ly", "er", "al", "ion", "ive", "ize", "ous", "ful",
            "ness", "ment", "ism", "ist", "able", "ible", "ity", "ate", "ic", "ence", "ance",
            "ant", "ent",
        ];
        if run.iter().all(|w| {
            alone(w)
                && w.len() > 3
                && w.chars().all(|c| c.is_ascii_lowercase())
                && !SUFFIXES.iter().any(|s| w.ends_with(s))
        }) {
            out.push(run.join(" "));
        }
    }
    out
}

fn day(d: NaiveDate) -> i64 {
    use chrono::Datelike;
    i64::from(d.num_days_from_ce())
}

fn fts_import(path: &Path, quotes: impl Iterator<Item = NewQuote>) -> Duration {
    let _ = std::fs::remove_file(path);
    let mut conn = Connection::open(path).expect("fts db");
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
         CREATE TABLE quote (id INTEGER PRIMARY KEY, text TEXT NOT NULL, speaker TEXT NOT NULL, title TEXT,
                             organization TEXT, outlet TEXT, day INTEGER);
         CREATE INDEX quote_day ON quote(day);
         CREATE VIRTUAL TABLE quote_fts USING fts5(text, speaker, organization, outlet, content='quote',
                             content_rowid='id', tokenize='porter unicode61');",
    )
    .expect("fts schema");
    let mut took = Duration::ZERO;
    let mut quotes = quotes.peekable();
    while quotes.peek().is_some() {
        // (Made up before the clock starts, as for OnRecord.)
        let chunk: Vec<NewQuote> = quotes.by_ref().take(50_000).collect();
        let started = Instant::now();
        let tx = conn.transaction().expect("tx");
        {
            let mut row = tx
                .prepare("INSERT INTO quote (text, speaker, title, organization, outlet, day) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .expect("insert");
            let mut fts = tx
                .prepare("INSERT INTO quote_fts (rowid, text, speaker, organization, outlet) VALUES (?1, ?2, ?3, ?4, ?5)")
                .expect("insert fts");
            for q in &chunk {
                let outlet = q.source.as_ref().and_then(|s| s.outlet.clone());
                row.execute(params![
                    q.text,
                    q.speaker,
                    q.title,
                    q.organization,
                    outlet,
                    q.said_on.map(day)
                ])
                .expect("row");
                let id = tx.last_insert_rowid();
                fts.execute(params![id, q.text, q.speaker, q.organization, outlet])
                    .expect("fts row");
            }
        }
        tx.commit().expect("commit");
        took += started.elapsed();
    }
    took
}

#[derive(Default, Clone, Copy)]
struct Latency {
    p50: f64,
    p95: f64,
    p99: f64,
}

fn percentiles(mut us: Vec<f64>) -> Latency {
    us.sort_by(|a, b| a.partial_cmp(b).expect("finite"));
    let at = |p: f64| us[((us.len() as f64 - 1.0) * p).round() as usize];
    Latency {
        p50: at(0.50),
        p95: at(0.95),
        p99: at(0.99),
    }
}

fn run_onrecord(library: &mut Library, q: &Query) -> usize {
    let r = library
        .search(&SearchRequest {
            query: q.onrecord.clone(),
            limit: 10,
            offset: 0,
            sort: q.sort,
            facets: q.facets,
        })
        .expect("search");
    r.hits.len() + r.facets.map_or(0, |f| f.speaker.0.len())
}

fn run_fts(conn: &Connection, q: &Query) -> usize {
    let mut stmt = conn.prepare_cached(q.fts_sql).expect("prepare");
    let mut rows = match q.fts_extra {
        Some((a, b)) => stmt.query(params![q.fts_param, a, b]),
        None => stmt.query(params![q.fts_param]),
    }
    .expect("query");
    let mut n = 0;
    while let Some(row) = rows.next().expect("row") {
        let _: rusqlite::types::Value = row.get(1).expect("col");
        n += 1;
    }
    n
}

fn time_class<F: FnMut(&Query) -> usize>(queries: &[Query], runs: usize, mut f: F) -> Latency {
    for q in queries {
        f(q); // warm up
    }
    let mut us = Vec::with_capacity(runs);
    for i in 0..runs {
        let q = &queries[i % queries.len()];
        let t = Instant::now();
        std::hint::black_box(f(q));
        us.push(t.elapsed().as_secs_f64() * 1e6);
    }
    percentiles(us)
}

/// A 5,000-word draft with 40 quotations from the library, some altered, some misattributed.
fn draft(corpus: &Corpus, quotes: &[NewQuote], seed: u64) -> String {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut out = String::new();
    let mut words = 0;
    for i in 0..40 {
        let q = loop {
            let q = &quotes[rng.random_range(0..quotes.len())];
            if q.language.as_deref() == Some("en") && q.text.split_whitespace().count() >= 10 {
                break q;
            }
        };
        let filler_len = 100;
        let at = rng.random_range(0..corpus.tokens.len() - filler_len);
        out.push_str(&corpus.tokens[at..at + filler_len].join(" "));
        out.push_str(".\n");
        let mut text = q.text.clone();
        if i % 4 == 1 {
            text = text.replacen(' ', " really ", 1);
        }
        let speaker = if i % 5 == 2 {
            "Someone Else"
        } else {
            q.speaker.as_str()
        };
        out.push_str(&format!("“{text},” {speaker} said.\n"));
        words += filler_len + text.split_whitespace().count() + 3;
    }
    while words < 5000 {
        let at = rng.random_range(0..corpus.tokens.len() - 50);
        out.push_str(&corpus.tokens[at..at + 50].join(" "));
        out.push_str(".\n");
        words += 50;
    }
    out
}

fn main() {
    let a = args();
    let work = a
        .dir
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join(format!("onrecord-bench-{}", a.quotes)));
    if !a.reuse {
        let _ = std::fs::remove_dir_all(&work);
    }
    std::fs::create_dir_all(&work).expect("work dir");
    let log = |s: String| {
        if !a.json {
            eprintln!("{s}");
        }
    };
    let corpus = load_corpus(&a.data);
    log(format!(
        "corpus: {} tokens, {} speakers, {} Chinese characters",
        corpus.tokens.len(),
        corpus.speakers.len(),
        corpus.zh.len()
    ));
    if let Ok(path) = std::env::var("BENCH_WRITE_CSV") {
        // Only write the corpus as a CSV file (to time `onrecord import` of it on its own).
        write_csv(Path::new(&path), generate(&corpus, a.quotes, 42));
        return;
    }
    if a.queries {
        // One line per class: its name, a tab, its queries joined by '|' (probe's syntax).
        let mut sample = Sample::new();
        generate(&corpus, a.quotes, 42).for_each(|q| sample.observe(&q));
        for (name, qs) in query_set(&corpus, &sample, 7) {
            let joined: Vec<&str> = qs.iter().map(|q| q.onrecord.as_str()).collect();
            println!("{name}\t{}", joined.join("|"));
        }
        return;
    }

    // OnRecord import: SQLite and Tantivy both written, in one transaction, from a stream (the
    // path `onrecord import` takes; the sample for the queries is gathered on the way). The
    // clock runs while OnRecord stores, not while the bench makes up quotes: the time spent
    // in the generator is measured and taken off.
    let lib_dir = work.join("library");
    let before_import = reset_peak_rss();
    let mut sample = Sample::new();
    let mut generating = Duration::ZERO;
    let started = Instant::now();
    if a.reuse {
        generate(&corpus, a.quotes, 42).for_each(|q| sample.observe(&q));
        generating = started.elapsed();
    } else {
        let mut library = Library::open(&lib_dir).expect("library");
        let mut quotes = generate(&corpus, a.quotes, 42);
        let timed = std::iter::from_fn(|| {
            let t = Instant::now();
            let q = quotes.next();
            if let Some(q) = &q {
                sample.observe(q);
            }
            generating += t.elapsed();
            q.map(Ok)
        });
        let trace = std::env::var_os("BENCH_TRACE").is_some();
        let mut progress = |p: onrecord::library::Progress| {
            if trace && (p.done.is_multiple_of(250_000) || p.done + 10_000 >= p.total) {
                eprintln!(
                    "  {:>9} stored at {:.1} s",
                    p.done,
                    started.elapsed().as_secs_f64()
                );
            }
        };
        library
            .add_stream(timed, a.quotes, &mut progress, &mut |_| {})
            .expect("import");
    }
    let onrecord_import = started.elapsed() - generating;
    let onrecord_peak = peak_rss_mb();
    let import_growth = onrecord_peak - before_import;
    let onrecord_disk = dir_size(&lib_dir);
    log(format!(
        "onrecord import: {:.1} s ({:.0} quotes/s)",
        onrecord_import.as_secs_f64(),
        a.quotes as f64 / onrecord_import.as_secs_f64()
    ));
    if std::env::var_os("BENCH_IMPORT_ONLY").is_some() {
        // (For profiling the import alone.)
        return;
    }

    // The same corpus as a CSV file, imported the way `onrecord import` does it: checked, then
    // read from disk again as it goes in, in one transaction.
    let file_import = (a.file && !a.reuse).then(|| {
        let csv_path = work.join("corpus.csv");
        write_csv(&csv_path, generate(&corpus, a.quotes, 42));
        let csv_bytes = dir_size(&csv_path);
        let file_dir = work.join("library-file");
        let before = reset_peak_rss();
        let t = Instant::now();
        let mut library = Library::open(&file_dir).expect("library");
        let file =
            onrecord::import::read_file(&csv_path, None, &Default::default()).expect("read csv");
        let report = library.import(file).expect("import csv");
        let took = t.elapsed();
        assert_eq!(report.imported, a.quotes, "every row imported");
        let peak = peak_rss_mb();
        let _ = std::fs::remove_file(&csv_path);
        log(format!("file import: {:.1} s", took.as_secs_f64()));
        (took, peak, peak - before, csv_bytes, file_dir)
    });

    let fts_path = work.join("fts5.sqlite3");
    let fts_import_time = if a.reuse {
        Duration::ZERO
    } else {
        fts_import(&fts_path, generate(&corpus, a.quotes, 42))
    };
    let fts_disk = dir_size(&fts_path) + dir_size(&work.join("fts5.sqlite3-wal"));
    log(format!(
        "fts5 import: {:.1} s",
        fts_import_time.as_secs_f64()
    ));

    // Cold start: open the library and answer a first query (warm disk cache).
    let t = Instant::now();
    let mut library = Library::open(&lib_dir).expect("open");
    library
        .search(&SearchRequest {
            query: "government".into(),
            limit: 10,
            ..Default::default()
        })
        .expect("first query");
    let open_ms = t.elapsed().as_secs_f64() * 1e3;

    // The streamed file import must give the same library as the batches.
    let mut file_mismatches = Vec::new();
    if let (true, Some((.., file_dir))) = (a.verify, &file_import) {
        let mut other = Library::open(file_dir).expect("open file library");
        file_mismatches = compare_libraries(&mut library, &mut other, a.quotes);
    }

    let fts = Connection::open(&fts_path).expect("fts open");
    let classes = query_set(&corpus, &sample, 7);

    let mut phrase_mismatches = Vec::new();
    if a.verify {
        for (_, qs) in classes.iter().filter(|(n, _)| *n == "phrase") {
            for q in qs {
                let ours: BTreeSet<i64> = library
                    .select(&q.onrecord)
                    .expect("select")
                    .iter()
                    .map(|q| q.id.0)
                    .collect();
                let mut stmt = fts
                    .prepare("SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?1")
                    .expect("prepare");
                let theirs: BTreeSet<i64> = stmt
                    .query_map([&q.fts_param], |r| r.get(0))
                    .expect("query")
                    .collect::<Result<_, _>>()
                    .expect("rows");
                if ours != theirs {
                    phrase_mismatches.push(format!(
                        "{}: onrecord {} fts5 {}",
                        q.onrecord,
                        ours.len(),
                        theirs.len()
                    ));
                }
            }
        }
    }

    let mut results = Vec::new();
    for (name, qs) in &classes {
        let ours = time_class(qs, a.runs, |q| run_onrecord(&mut library, q));
        let theirs = time_class(
            qs,
            a.runs.min(if a.quotes > 200_000 { 60 } else { a.runs }),
            |q| run_fts(&fts, q),
        );
        log(format!(
            "{name:>15}: onrecord p50 {:>9.0} µs  fts5 p50 {:>9.0} µs",
            ours.p50, theirs.p50
        ));
        results.push((*name, ours, theirs));
    }

    let text = draft(&corpus, &sample.quotes, 11);
    library.check(&text).expect("check warm-up");
    let mut check_times = Vec::new();
    let mut findings = 0;
    for _ in 0..5 {
        let t = Instant::now();
        findings = library.check(&text).expect("check").findings.len();
        check_times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    check_times.sort_by(|a, b| a.partial_cmp(b).expect("finite"));
    let check_ms = check_times[check_times.len() / 2];

    let onrecord_per_s = a.quotes as f64 / onrecord_import.as_secs_f64();
    let fts5_per_s = a.quotes as f64 / fts_import_time.as_secs_f64();
    if a.json {
        let mut queries = serde_json::Map::new();
        for (name, o, f) in &results {
            queries.insert(
                (*name).to_owned(),
                serde_json::json!({
                    "onrecord": {"p50_us": o.p50, "p95_us": o.p95, "p99_us": o.p99},
                    "fts5": {"p50_us": f.p50, "p95_us": f.p95, "p99_us": f.p99},
                    "ratio_p50": f.p50 / o.p50,
                }),
            );
        }
        let out = serde_json::json!({
            "quotes": a.quotes,
            "import": {
                "onrecord_per_s": onrecord_per_s,
                "fts5_per_s": fts5_per_s,
                "onrecord_peak_rss_mb": onrecord_peak,
                "onrecord_import_rss_mb": import_growth,
                "corpus_rss_mb": before_import,
                "onrecord_disk_mb": mb(onrecord_disk),
                "fts5_disk_mb": mb(fts_disk),
            },
            "queries": queries,
            "file_import": file_import.as_ref().map(|(took, peak, growth, bytes, _)| serde_json::json!({
                "per_s": a.quotes as f64 / took.as_secs_f64(),
                "peak_rss_mb": peak,
                "import_rss_mb": growth,
                "csv_mb": mb(*bytes),
            })),
            "file_mismatches": file_mismatches,
            "check_ms": check_ms,
            "check_findings": findings,
            "open_ms": open_ms,
            "phrase_mismatches": phrase_mismatches,
        });
        println!("{}", serde_json::to_string_pretty(&out).expect("json"));
    } else {
        println!("OnRecord vs SQLite FTS5 — {} quotes", a.quotes);
        println!();
        println!("| import | OnRecord | FTS5 |");
        println!("|---|---|---|");
        if !a.reuse {
            println!("| quotes/s | {onrecord_per_s:.0} | {fts5_per_s:.0} |");
        }
        println!(
            "| disk | {:.1} MB | {:.1} MB |",
            mb(onrecord_disk),
            mb(fts_disk)
        );
        if !a.reuse {
            println!("| peak memory (whole process, corpus included) | {onrecord_peak:.0} MB | |");
            println!(
                "| peak memory added by the import (corpus of {before_import:.0} MB held before) | {import_growth:.0} MB | |"
            );
        }
        if let Some((took, peak, growth, bytes, _)) = &file_import {
            println!(
                "| quotes/s from a {:.0} MB CSV file, one transaction (`onrecord import`'s path) | {:.0} | |",
                mb(*bytes),
                a.quotes as f64 / took.as_secs_f64()
            );
            println!(
                "| peak memory of that import (whole process {peak:.0} MB) | {growth:.0} MB | |"
            );
        }
        println!();
        println!(
            "| query class | OnRecord p50 | p95 | p99 | FTS5 p50 | p95 | p99 | FTS5/OnRecord (p50) |"
        );
        println!("|---|---|---|---|---|---|---|---|");
        for (name, o, f) in &results {
            println!(
                "| {name} | {:.0} µs | {:.0} µs | {:.0} µs | {:.0} µs | {:.0} µs | {:.0} µs | {:.1}× |",
                o.p50,
                o.p95,
                o.p99,
                f.p50,
                f.p95,
                f.p99,
                f.p50 / o.p50
            );
        }
        println!();
        println!("check (5,000-word draft, {findings} quotations): {check_ms:.1} ms");
        println!("open library + first query: {open_ms:.1} ms");
        if a.verify && file_import.is_some() {
            println!(
                "file import gives the same library as the batches: {}",
                if file_mismatches.is_empty() {
                    "yes".to_owned()
                } else {
                    format!("NO: {file_mismatches:?}")
                }
            );
        }
        if a.verify {
            println!(
                "exact-phrase match sets identical: {}",
                if phrase_mismatches.is_empty() {
                    "yes".to_owned()
                } else {
                    format!("NO: {phrase_mismatches:?}")
                }
            );
        }
    }
    if a.dir.is_none() {
        let _ = std::fs::remove_dir_all(&work);
    }
    if !phrase_mismatches.is_empty() || !file_mismatches.is_empty() {
        std::process::exit(1);
    }
}
