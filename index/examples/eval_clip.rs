//! Scores clipping on gold data and prints the figures (recorded in docs/QUALITY.md).
//!
//! ```sh
//! cargo run --release -p index --example eval_clip -- ../shared/data
//! ```
//!
//! - Quotations and speakers on PolNeAR (brat standoff): for attribution relations whose content
//!   is a direct quotation (the content span starts with a quotation mark), precision, recall and
//!   F1 of the quotation span — a predicted quotation counts as found when the tokens it shares
//!   with the gold span are at least 80% of the gold span's tokens and at least 80% of its own —
//!   and the share of found quotations whose speaker matches the gold source resolved to a full
//!   name (equal names, or the same surname). Predictions that fall inside a gold content span
//!   that is not a direct quotation (an indirect attribution with a partial quote) are not
//!   counted either way.
//! - Speakers in Czech and Russian sentences (ADAQ, token tags): for each sentence with a direct
//!   quotation and a cue, whether the speaker read is inside the gold source (a name), the
//!   description read is (a source described, "předseda"), or no speaker is given where the
//!   sentence has no source (a verb without a subject, "…," poznamenal.), each sentence read
//!   alone as an article in its language.
//! - Speakers, titles and organizations per language on our own fixture articles
//!   (`tests/fixtures/clip/<lang>/*.expected`, in the repository): quotations, and how many of
//!   each were read as the expected file says.
//! - Article text on Readability's and newspaper's test pages: bag-of-words token F1 of the main
//!   text against the expected text, and exact-match rates for title, byline and date.
//!
//! `EVAL_SPLITS=dev` (or `train`) scores one PolNeAR split, `EVAL_TEXT=0` skips the article
//! pages, and `EVAL_DEBUG=1` prints every false positive (`FP`), miss (`FN`), wrong speaker
//! (`SPK`) and page score (`TEXT`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use onrecord::clip::{Article, article, clip_article};

#[path = "common/polnear.rs"]
mod polnear;
#[path = "common/text.rs"]
mod text;
use polnear::{
    PRONOUNS, direct_quotations, is_direct, matching, names_a_source, parse_ann, same_speaker,
};
use text::token_f1;

fn main() {
    let data = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data"));
    if !data.join("polnear").exists() {
        eprintln!(
            "eval_clip: {} has no polnear/ folder; pass the shared data folder",
            data.display()
        );
        std::process::exit(2);
    }
    println!("# Clipping quality ({})\n", data.display());
    println!("## Quotations and speakers (PolNeAR)\n");
    println!(
        "| split | articles | gold quotes | predicted | found | precision | recall | F1 | speaker accuracy | of all found |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let splits: Vec<String> = std::env::var("EVAL_SPLITS")
        .map(|s| s.split(',').map(str::to_owned).collect())
        .unwrap_or_else(|_| vec!["train".into(), "dev".into()]);
    for split in &splits {
        let split = split.as_str();
        let s = polnear(&data.join("polnear/data").join(split));
        println!(
            "| {split} | {} | {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} ({}/{}) | {:.3} |",
            s.articles,
            s.gold,
            s.predicted,
            s.found,
            s.precision(),
            s.recall(),
            s.f1(),
            s.judged_ok as f64 / s.judged.max(1) as f64,
            s.judged_ok,
            s.judged,
            s.speaker_ok as f64 / s.found.max(1) as f64
        );
    }
    if data.join("adaq-cs-ru").exists() {
        println!("\n## Speakers in Czech and Russian (ADAQ)\n");
        println!(
            "| language | sentences with a direct quotation and a cue | named source: right | wrong | none | described source: right | no source in the sentence: none given |"
        );
        println!("|---|---|---|---|---|---|---|");
        for code in ["cs", "ru"] {
            adaq(&data.join("adaq-cs-ru/data"), code).print(code);
        }
    }
    fixture_languages();
    if std::env::var("EVAL_TEXT").is_ok_and(|v| v == "0") {
        return;
    }
    println!("\n## Article extraction\n");
    println!("| set | pages | mean text F1 | title exact | byline exact | date exact |");
    println!("|---|---|---|---|---|---|");
    let r = readability_pages(&data.join("readability-test-pages/pages"));
    r.print("readability-test-pages");
    let n3 = newspaper3k(&data.join("newspaper-tests/newspaper3k/tests/data"));
    n3.print("newspaper3k");
    let n4 = newspaper4k(&data.join("newspaper-tests/newspaper4k/tests/data"));
    n4.print("newspaper4k");
    // Both newspaper sets are one data folder (`newspaper-tests`); and every page scored, of
    // the three sets together.
    let sum = |sets: &[&TextScore]| {
        sets.iter().fold(TextScore::default(), |mut all, s| {
            all.pages += s.pages;
            all.notes += s.notes;
            all.f1_sum += s.f1_sum;
            all.not_the_article.0 += s.not_the_article.0;
            all.not_the_article.1 += s.not_the_article.1;
            for (a, b) in [
                (&mut all.title, s.title),
                (&mut all.byline, s.byline),
                (&mut all.date, s.date),
            ] {
                a.0 += b.0;
                a.1 += b.1;
            }
            all
        })
    };
    let newspaper = sum(&[&n3, &n4]);
    newspaper.print("newspaper-tests (both sets)");
    // The same, without the pages whose expected text is not the article (see
    // NOT_THE_ARTICLE): what agreement with newspaper looks like where it found the article.
    TextScore {
        pages: newspaper.pages - newspaper.not_the_article.0,
        notes: 0,
        f1_sum: newspaper.f1_sum - newspaper.not_the_article.1,
        ..TextScore::default()
    }
    .print(&format!(
        "newspaper-tests without the {} pages whose expected text is not the article",
        newspaper.not_the_article.0
    ));
    sum(&[&r, &n3, &n4]).print("all pages");
}

#[derive(Default)]
struct QuoteScore {
    articles: usize,
    gold: usize,
    predicted: usize,
    found: usize,
    /// Predictions matched to a gold quotation (for precision).
    true_predictions: usize,
    speaker_ok: usize,
    /// Found quotations whose gold relation names a source (not none, not the cue word).
    judged: usize,
    judged_ok: usize,
}

impl QuoteScore {
    fn precision(&self) -> f64 {
        self.true_predictions as f64 / self.predicted.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.found as f64 / self.gold.max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Who the candidate says spoke: the speaker's name, or for a source the text does not name
/// ("a former senior official said"), the description it gives (the candidate's mention).
fn said_by(q: &onrecord::clip::Candidate) -> Option<&str> {
    q.speaker.as_deref().or_else(|| {
        q.mention
            .as_deref()
            .filter(|m| !PRONOUNS.contains(&m.to_lowercase().as_str()))
    })
}

/// Whether the candidate's speaker is the gold source. Where the gold source is a description
/// the text gives no name beside ("the senator", "the president"), the gold cannot say whom it
/// means: the candidate is right when its mention is that description, whether or not it also
/// resolved it to a name.
fn speaker_ok(q: &onrecord::clip::Candidate, gold: &str) -> bool {
    let description = |s: &str| {
        let s = s.trim();
        (s.starts_with("the ") || s.starts_with("The "))
            && s.split_whitespace()
                .next_back()
                .is_some_and(|w| w.chars().all(char::is_lowercase))
    };
    said_by(q).is_some_and(|p| same_speaker(p, gold))
        || (description(gold)
            && q.mention
                .as_deref()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case(gold.trim())))
}

fn polnear(split: &Path) -> QuoteScore {
    let mut score = QuoteScore::default();
    for (stem, text, ann) in polnear::articles(split) {
        score.articles += 1;
        let chars: Vec<char> = text.chars().collect();
        let relations = parse_ann(&ann);
        let clip = clip_article(Article {
            text: text.clone(),
            language: Some("en".into()),
            ..Default::default()
        });
        let gold = direct_quotations(&relations, &chars);
        score.gold += gold.len();
        let debug = std::env::var_os("EVAL_DEBUG").is_some();
        let mut gold_found = vec![false; gold.len()];
        for q in &clip.quotes {
            let inside_indirect = relations.iter().any(|r| {
                !is_direct(&r.content.text) && r.content.start <= q.start && q.end <= r.content.end
            });
            let matched = matching(&gold, &chars, q.start, q.end);
            match matched {
                Some(i) => {
                    score.predicted += 1;
                    score.true_predictions += 1;
                    if !gold_found[i] {
                        gold_found[i] = true;
                        score.found += 1;
                        let gold_speaker = &gold[i].1;
                        let ok = speaker_ok(q, gold_speaker);
                        if ok {
                            score.speaker_ok += 1;
                        }
                        if names_a_source(gold_speaker) {
                            score.judged += 1;
                            score.judged_ok += usize::from(ok);
                        }
                    }
                }
                None if inside_indirect => {}
                None => {
                    score.predicted += 1;
                    if debug {
                        println!("FP {stem}: {:?} [{:?}] cue {:?}", q.text, q.speaker, q.cue);
                    }
                }
            }
        }
        if debug {
            for (i, (g, sp)) in gold.iter().enumerate() {
                if !gold_found[i] {
                    println!("FN {stem}: {:?} [{sp}]", g.content.text);
                }
            }
            for q in &clip.quotes {
                if let Some((g, sp)) = gold
                    .iter()
                    .find(|(g, _)| g.content.start <= q.start && q.end <= g.content.end + 2)
                    && !speaker_ok(q, sp)
                {
                    let _ = g;
                    println!(
                        "SPK {stem}: {:?} predicted {:?} gold {sp:?} note {:?}",
                        q.text.chars().take(60).collect::<String>(),
                        q.speaker,
                        q.note.as_deref().unwrap_or_default()
                    );
                }
            }
        }
    }
    score
}

#[derive(Default)]
struct TextScore {
    pages: usize,
    /// Pages whose expected text is a note or empty, left out of the mean.
    notes: usize,
    f1_sum: f64,
    /// Pages (of those scored) whose expected text is not the page's article, and their F1.
    not_the_article: (usize, f64),
    title: (usize, usize),
    byline: (usize, usize),
    date: (usize, usize),
}

impl TextScore {
    fn print(&self, name: &str) {
        let rate = |(ok, n): (usize, usize)| {
            if n == 0 {
                "–".to_owned()
            } else {
                format!("{:.3} ({ok}/{n})", ok as f64 / n as f64)
            }
        };
        let pages = match self.notes {
            0 => self.pages.to_string(),
            n => format!("{} (+{n} without an expected text)", self.pages),
        };
        println!(
            "| {name} | {pages} | {:.3} | {} | {} | {} |",
            self.f1_sum / self.pages.max(1) as f64,
            rate(self.title),
            rate(self.byline),
            rate(self.date)
        );
    }

    fn add_text(&mut self, predicted: &str, expected: &str) {
        // newspaper3k's maintainers left notes where their extractor failed ("FAILED, ENTIRE
        // ARTICLE LOADED VIA JS", "MISSES SECOND HALF OF ARTICLE") or an empty file: no text to
        // score against. A note is in capitals but for what it quotes from the page (ONLY
        // "More coming soon!" AT END OF ARTICLE WAS EXTRACTED). (Texts in scripts without
        // case, such as Arabic or Thai, are kept.)
        let unquoted: String = expected.split('"').step_by(2).collect::<Vec<_>>().concat();
        let note = expected.trim().is_empty()
            || (unquoted.chars().any(char::is_uppercase)
                && !unquoted.chars().any(char::is_lowercase));
        if note {
            self.notes += 1;
            return;
        }
        self.pages += 1;
        self.f1_sum += token_f1(predicted, expected);
    }
}

fn extract(html_bytes: &[u8]) -> Option<Article> {
    let html = article::decode_page(html_bytes, None);
    article::extract(&html, None).ok()
}

fn html_text(html: &str) -> String {
    dom_query::Document::from(html)
        .select("body")
        .text()
        .to_string()
}

fn same(a: Option<&str>, b: Option<&str>) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    match (a, b) {
        (Some(a), Some(b)) => norm(a) == norm(b),
        _ => false,
    }
}

fn readability_pages(dir: &Path) -> TextScore {
    let mut score = TextScore::default();
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    pages.sort();
    for page in pages {
        let (Ok(source), Ok(expected)) = (
            std::fs::read(page.join("source.html")),
            std::fs::read_to_string(page.join("expected.html")),
        ) else {
            continue;
        };
        let meta: serde_json::Value = std::fs::read_to_string(page.join("expected-metadata.json"))
            .ok()
            .and_then(|m| serde_json::from_str(&m).ok())
            .unwrap_or_default();
        let got = extract(&source);
        let text = got.as_ref().map(|a| a.text.clone()).unwrap_or_default();
        if std::env::var_os("EVAL_DEBUG").is_some() {
            let stem = page.file_name().and_then(|s| s.to_str()).unwrap_or("");
            println!("PAGE {stem}: {:.3}", token_f1(&text, &html_text(&expected)));
        }
        score.add_text(&text, &html_text(&expected));
        let a = got.unwrap_or_default();
        if let Some(t) = meta["title"].as_str() {
            score.title.1 += 1;
            score.title.0 += usize::from(same(a.title.as_deref(), Some(t)));
        }
        if let Some(b) = meta["byline"].as_str() {
            score.byline.1 += 1;
            score.byline.0 += usize::from(same(a.byline.as_deref(), Some(b)));
        }
        if let Some(d) = meta["publishedTime"].as_str() {
            score.date.1 += 1;
            let want = d.get(..10).map(str::to_owned);
            score.date.0 += usize::from(a.published.map(|p| p.to_string()) == want);
        }
    }
    score
}

/// newspaper3k's pages whose expected text is not the page's article but something else its
/// extractor took, with no maintainer's note to say so. Each was checked by reading the page.
const NOT_THE_ARTICLE: &[(&str, &str)] = &[
    (
        "architecturaldigest.com2",
        "a video page; expected: the newsletter sign-up box",
    ),
    (
        "cricket.com.au2",
        "a video page on Glenn Maxwell's leave; expected: another video's blurb (Flintoff)",
    ),
    (
        "cntraveler.com1",
        "a shopping guide to Marrakech; expected: its last shop only",
    ),
    (
        "cntraveler.com2",
        "the airlines' year in ten slides; expected: one slide's paragraph",
    ),
    (
        "backstage.com1",
        "a casting notice; expected: the site's review banner above it",
    ),
];

fn newspaper3k(dir: &Path) -> TextScore {
    let mut score = TextScore::default();
    let mut htmls: Vec<PathBuf> = std::fs::read_dir(dir.join("html"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    htmls.sort();
    for html in htmls {
        let stem = html
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_owned();
        let Ok(expected) = std::fs::read_to_string(dir.join("text").join(format!("{stem}.txt")))
        else {
            continue;
        };
        let Ok(source) = std::fs::read(&html) else {
            continue;
        };
        let text = extract(&source).map(|a| a.text).unwrap_or_default();
        if std::env::var_os("EVAL_DEBUG").is_some() {
            println!("TEXT {stem}: {:.3}", token_f1(&text, &expected));
        }
        score.add_text(&text, &expected);
        if NOT_THE_ARTICLE.iter().any(|(page, _)| *page == stem) {
            score.not_the_article.0 += 1;
            score.not_the_article.1 += token_f1(&text, &expected);
        }
    }
    score
}

fn newspaper4k(dir: &Path) -> TextScore {
    let mut score = TextScore::default();
    let mut htmls: Vec<PathBuf> = std::fs::read_dir(dir.join("html"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    htmls.sort();
    for html in htmls {
        let stem = html
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_owned();
        let Ok(source) = std::fs::read(&html) else {
            continue;
        };
        let got = extract(&source).unwrap_or_default();
        let meta: Option<serde_json::Value> =
            std::fs::read_to_string(dir.join("metadata").join(format!("{stem}.json")))
                .ok()
                .and_then(|m| serde_json::from_str(&m).ok());
        let expected_text = std::fs::read_to_string(dir.join("txt").join(format!("{stem}.txt")))
            .ok()
            .or_else(|| {
                meta.as_ref()
                    .and_then(|m| m["text"].as_str().map(str::to_owned))
            });
        if let Some(expected) = expected_text {
            score.add_text(&got.text, &expected);
        }
        if let Some(m) = meta {
            if let Some(t) = m["title"].as_str() {
                score.title.1 += 1;
                score.title.0 += usize::from(same(got.title.as_deref(), Some(t)));
            }
            if let Some(authors) = m["authors"].as_array().filter(|a| !a.is_empty()) {
                score.byline.1 += 1;
                let names: Vec<&str> = authors.iter().filter_map(|a| a.as_str()).collect();
                let byline = got.byline.unwrap_or_default().to_lowercase();
                score.byline.0 +=
                    usize::from(names.iter().all(|n| byline.contains(&n.to_lowercase())));
            }
            if let Some(d) = m["publish_date"].as_str() {
                score.date.1 += 1;
                score.date.0 += usize::from(
                    got.published.map(|p| p.to_string()) == d.get(..10).map(str::to_owned),
                );
            }
        }
    }
    score
}

#[derive(Default)]
struct AdaqScore {
    sentences: usize,
    named: (usize, usize, usize, usize),
    described: (usize, usize),
    unsourced: (usize, usize),
}

impl AdaqScore {
    fn print(&self, code: &str) {
        let (n, right, wrong, none) = self.named;
        println!(
            "| {code} | {} | {right}/{n} | {wrong} | {none} | {}/{} | {}/{} |",
            self.sentences, self.described.0, self.described.1, self.unsourced.0, self.unsourced.1
        );
    }
}

/// ADAQ's token file: one token a row (`lemmas, text, sentence_num, index, tags`) with the tags
/// `source`, `cue`, `content` or `None`; the sentence file gives each sentence's text.
fn adaq(dir: &Path, code: &str) -> AdaqScore {
    let mut score = AdaqScore::default();
    let debug = std::env::var_os("EVAL_DEBUG").is_some();
    let read = |name: &str| -> Vec<csv::StringRecord> {
        csv::ReaderBuilder::new()
            .delimiter(b'\t')
            .from_path(dir.join(name))
            .map(|mut r| r.records().flatten().collect())
            .unwrap_or_default()
    };
    let texts: HashMap<String, String> = read(&format!("{code}_sentences.tsv"))
        .into_iter()
        .filter_map(|r| Some((r.get(1)?.to_owned(), r.get(0)?.to_owned())))
        .collect();
    let mut sentences: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for r in read(&format!("{code}_tokens.tsv")) {
        let (Some(id), Some(token), Some(tag)) = (r.get(2), r.get(1), r.get(4)) else {
            continue;
        };
        if sentences.last().is_none_or(|(last, _)| last != id) {
            sentences.push((id.to_owned(), Vec::new()));
        }
        if let Some((_, tokens)) = sentences.last_mut() {
            tokens.push((token.to_owned(), tag.to_owned()));
        }
    }
    let marks = ['"', '«', '»', '„', '“', '”'];
    for (id, tokens) in &sentences {
        // A direct quotation: content right inside a quotation mark; and a cue.
        let direct = tokens.iter().enumerate().any(|(i, (_, tag))| {
            tag == "content"
                && [i.checked_sub(1), Some(i + 1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|j| tokens.get(j))
                    .any(|(t, _)| t.chars().all(|c| marks.contains(&c)))
        });
        let cue = tokens.iter().any(|(_, tag)| tag == "cue");
        let Some(text) = texts.get(id) else {
            continue;
        };
        if !direct || !cue {
            continue;
        }
        score.sentences += 1;
        let source: Vec<String> = tokens
            .iter()
            .filter(|(_, tag)| tag == "source")
            .map(|(t, _)| t.to_lowercase())
            .collect();
        let clip = clip_article(Article {
            language: Some(code.to_owned()),
            text: text.clone(),
            ..Article::default()
        });
        let first = clip
            .quotes
            .iter()
            .find(|q| q.speaker.is_some() || q.mention.is_some());
        let speaker = first.and_then(|q| q.speaker.clone());
        let mention = first.and_then(|q| q.mention.clone());
        let inside = |said: &str| {
            !said.is_empty()
                && said
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .all(|w| source.contains(&w.to_lowercase()))
        };
        // (A capital opening the sentence says nothing: "Он сказал:".)
        let named = tokens.iter().enumerate().any(|(i, (t, tag))| {
            tag == "source" && i > 0 && t.chars().next().is_some_and(char::is_uppercase)
        });
        let verdict = if source.is_empty() {
            score.unsourced.1 += 1;
            let ok = speaker.is_none();
            score.unsourced.0 += usize::from(ok);
            ok
        } else if named {
            score.named.0 += 1;
            match &speaker {
                Some(s) if inside(s) => {
                    score.named.1 += 1;
                    true
                }
                Some(_) => {
                    score.named.2 += 1;
                    false
                }
                None => {
                    score.named.3 += 1;
                    false
                }
            }
        } else {
            score.described.1 += 1;
            let ok = speaker
                .as_deref()
                .or(mention.as_deref())
                .is_some_and(inside);
            score.described.0 += usize::from(ok);
            ok
        };
        if debug && !verdict {
            println!(
                "ADAQ {code} {id}: speaker {speaker:?} mention {mention:?} gold {:?} | {text}",
                source.join(" ")
            );
        }
    }
    score
}

/// Our own fixture articles per language (`tests/fixtures/clip/<lang>/`): every quotation of
/// each `.expected` file (quotation start, speaker, title, organization; "-" for none) looked up
/// among the article's candidates, and its speaker, title and organization compared.
fn fixture_languages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/clip");
    let Ok(dirs) = std::fs::read_dir(&root) else {
        return;
    };
    let mut langs: Vec<PathBuf> = dirs
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    println!("\n## Speakers, titles and organizations per language (our fixture articles)\n");
    println!("| language | articles | quotations | found | speakers | titles | organizations |");
    println!("|---|---|---|---|---|---|---|");
    for dir in langs {
        let lang = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_owned();
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "expected"));
        files.sort();
        let (mut total, mut found, mut right) = (0, 0, [0usize; 3]);
        for path in &files {
            let Ok(bytes) = std::fs::read(path.with_extension("txt")) else {
                continue;
            };
            let Ok(clip) = onrecord::clip::clip_bytes(&bytes, &Default::default()) else {
                continue;
            };
            for line in std::fs::read_to_string(path).unwrap_or_default().lines() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                let f: Vec<&str> = line.split('\t').collect();
                if f.len() < 4 {
                    continue;
                }
                total += 1;
                let Some(q) = clip.quotes.iter().find(|q| q.text.starts_with(f[0])) else {
                    if std::env::var_os("EVAL_DEBUG").is_some() {
                        println!("FIX {lang} {}: not found", f[0]);
                    }
                    continue;
                };
                found += 1;
                let want = |i: usize| Some(f[i]).filter(|v| *v != "-");
                let got = [
                    q.speaker.as_deref(),
                    q.title.as_deref(),
                    q.organization.as_deref(),
                ];
                for (k, r) in right.iter_mut().enumerate() {
                    *r += usize::from(got[k] == want(k + 1));
                }
                if std::env::var_os("EVAL_DEBUG").is_some() && got != [want(1), want(2), want(3)] {
                    println!(
                        "FIX {lang} {}: {got:?} expected {:?} (note {:?})",
                        f[0],
                        &f[1..],
                        q.note
                    );
                }
            }
        }
        let pct = |n: usize| format!("{n} ({:.0} %)", 100.0 * n as f64 / total.max(1) as f64);
        println!(
            "| {lang} | {} | {total} | {found} | {} | {} | {} |",
            files.len(),
            pct(right[0]),
            pct(right[1]),
            pct(right[2])
        );
    }
}
