//! Trains the attribution models from PolNeAR and writes them into the crate (`index/models/`),
//! printing their figures on data they never saw.
//!
//! ```sh
//! cargo run --release -p index --example train_attribution -- ../shared/data/polnear
//! ```
//!
//! - The token tagger (part of speech, named entities) is trained on `data/train/tags/` (the
//!   corpus's CoreNLP annotation) and scored on `data/dev/tags/`: part-of-speech accuracy and
//!   entity precision, recall and F1 per kind (exact spans), against those silver tags.
//! - `--cv` also prints 5-fold cross-validated figures on train (five more trainings).
//! - `--out DIR` writes the models elsewhere (default: the crate's `models/`); `--seed N` picks
//!   the shuffle (default 1): the same data and seed give byte-identical files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use onrecord::clip::attribution::rank::{self, Instance, RankOptions, Ranker};
use onrecord::clip::attribution::source::{
    self, SourceOptions, SourceSeq, SourceTagger, committed_source,
};
use onrecord::clip::attribution::tagger::{
    ENTITY_KINDS, TaggedSentence, Tagger, TrainOptions, bio_of, committed, entities_of,
};

#[path = "common/polnear.rs"]
mod polnear;
use polnear::{articles, direct_quotations, matching, names_a_source, parse_ann, same_speaker};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut data: Option<PathBuf> = None;
    let mut out = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/models"));
    let mut cv = false;
    let mut ranker_only = false;
    let mut opts = TrainOptions::default();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--cv" => cv = true,
            "--ranker-only" => ranker_only = true,
            "--tag" => {
                // Prints the compiled-in tagger's reading of a text, token by token.
                let text = args.next().expect("--tag TEXT");
                let tagged = committed().tag(&text);
                for (i, t) in tagged.tokens.iter().enumerate() {
                    println!("{}\t{}\t{}", t.text(&text), tagged.pos[i], tagged.ner[i]);
                }
                return;
            }
            "--explain" => {
                // Prints, for each quotation of a text file, the ranker's choices and scores.
                let path = args.next().expect("--explain FILE");
                let text = std::fs::read_to_string(&path).expect("read the text");
                let ranker = rank::committed_ranker();
                for inst in rank::instances(&text) {
                    println!("{:?}", &text[inst.open..inst.close_end]);
                    for c in &inst.choices {
                        println!(
                            "  {:7.2} {} {:?} ({:?})",
                            ranker.score(c),
                            if c.from_rules { "rules" } else { "     " },
                            c.name,
                            c.mention
                        );
                    }
                }
                return;
            }
            "--out" => out = PathBuf::from(args.next().expect("--out DIR")),
            "--seed" => opts.seed = args.next().and_then(|s| s.parse().ok()).expect("--seed N"),
            "--pos-epochs" => {
                opts.pos_epochs = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .expect("--pos-epochs N")
            }
            "--ner-epochs" => {
                opts.ner_epochs = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .expect("--ner-epochs N")
            }
            "--min-weight" => {
                opts.min_weight = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .expect("--min-weight W")
            }
            _ => data = Some(PathBuf::from(a)),
        }
    }
    let Some(data) = data else {
        eprintln!("usage: train_attribution POLNEAR_DIR [--cv] [--out DIR] [--seed N]");
        std::process::exit(2);
    };
    let split = |name: &str| data.join("data").join(name).join("tags");
    if !split("train").is_dir() {
        eprintln!(
            "train_attribution: {} has no data/train/tags/; pass the PolNeAR folder (../shared/data/polnear)",
            data.display()
        );
        std::process::exit(2);
    }
    if !ranker_only {
        train_tagger(&data, &out, cv, &opts);
    }
    let mut folds = train_source(&data, &out, opts.seed);
    if std::env::var_os("SOURCE_OFF").is_some() {
        // (An ablation: the ranker without the source tagger's candidates and features.)
        let empty: &'static SourceTagger = Box::leak(Box::new(SourceTagger::empty()));
        folds = Folds {
            held: vec![empty; 5],
            all: empty,
        };
    }
    train_ranker(&data, &out, opts.seed, &folds);
}

fn train_tagger(data: &Path, out: &Path, cv: bool, opts: &TrainOptions) {
    let split = |name: &str| data.join("data").join(name).join("tags");
    let opts = *opts;
    let train = read_tags(&split("train"));
    let dev = read_tags(&split("dev"));
    println!(
        "# Token tagger\n\ntrain: {} sentences, {} tokens; dev: {} sentences, {} tokens",
        train.len(),
        train.iter().map(|s| s.words.len()).sum::<usize>(),
        dev.len(),
        dev.iter().map(|s| s.words.len()).sum::<usize>()
    );
    println!(
        "settings: pos epochs {}, ner epochs {}, seed {}, min weight {}\n",
        opts.pos_epochs, opts.ner_epochs, opts.seed, opts.min_weight
    );
    if cv {
        let mut all = Score::default();
        for fold in 0..5 {
            let in_fold = |i: usize| i % 5 == fold;
            let pick = |held: bool| -> Vec<TaggedSentence> {
                train
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| in_fold(*i) == held)
                    .map(|(_, s)| s.clone())
                    .collect()
            };
            let (held, rest) = (pick(true), pick(false));
            let tagger = Tagger::train(&rest, &opts);
            let s = score(&tagger, &held);
            println!(
                "fold {fold}: POS {:.4}, PERSON F1 {:.4}",
                s.pos_accuracy(),
                s.f1(0)
            );
            all.add(&s);
        }
        all.print("train, 5-fold cross-validation");
    }
    let started = Instant::now();
    let tagger = Tagger::train(&train, &opts);
    let took = started.elapsed();
    let (pos_f, ner_f, dict, gaz) = tagger.sizes();
    println!(
        "trained in {:.1} s: {pos_f} part-of-speech features, {ner_f} entity features, {dict} words in the tag dictionary, {gaz} in the gazetteer",
        took.as_secs_f64()
    );
    score(&tagger, &dev).print("dev (never seen in training)");
    let bytes = tagger.to_bytes();
    std::fs::create_dir_all(out).expect("create the models folder");
    let path = out.join("tagger.bin");
    std::fs::write(&path, &bytes).expect("write the tagger model");
    println!(
        "\nwrote {} ({:.1} MB)",
        path.display(),
        bytes.len() as f64 / 1e6
    );
    let started = Instant::now();
    let loaded = Tagger::from_bytes(&bytes).expect("the model just written reads back");
    println!("loads in {:.1} ms", started.elapsed().as_secs_f64() * 1e3);
    drop(loaded);
    if bytes != committed().to_bytes() {
        println!(
            "\nThe tagger written differs from the one compiled into this binary: the ranker below was trained on the compiled one's tags. Build again and rerun with --ranker-only."
        );
    }
}

/// Reads every `.tsv` of a tags folder (sorted by name) into sentences.
fn read_tags(dir: &Path) -> Vec<TaggedSentence> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "tsv"));
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let mut current = TaggedSentence::default();
        let mut sentence_id = "";
        for line in text.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 8 || cols[4].is_empty() {
                continue;
            }
            if cols[0] != sentence_id && !current.words.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            sentence_id = cols[0];
            // (A token with a space inside, such as a phone number, is one word.)
            current.words.push(cols[4].replace(' ', "_"));
            current.pos.push(cols[6].to_owned());
            current.ner.push(cols[7].to_owned());
        }
        if !current.words.is_empty() {
            out.push(current);
        }
    }
    out
}

#[derive(Default)]
struct Score {
    tokens: usize,
    pos_right: usize,
    /// Per kind: (gold, predicted, right).
    kinds: BTreeMap<usize, (usize, usize, usize)>,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.tokens += o.tokens;
        self.pos_right += o.pos_right;
        for (k, (g, p, r)) in &o.kinds {
            let e = self.kinds.entry(*k).or_default();
            e.0 += g;
            e.1 += p;
            e.2 += r;
        }
    }

    fn pos_accuracy(&self) -> f64 {
        self.pos_right as f64 / self.tokens.max(1) as f64
    }

    fn prf(&self, k: usize) -> (f64, f64, f64) {
        let (g, p, r) = self.kinds.get(&k).copied().unwrap_or_default();
        let precision = r as f64 / p.max(1) as f64;
        let recall = r as f64 / g.max(1) as f64;
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        (precision, recall, f1)
    }

    fn f1(&self, k: usize) -> f64 {
        self.prf(k).2
    }

    fn print(&self, name: &str) {
        println!("\n## {name}\n");
        println!(
            "part of speech: accuracy {:.4} ({} tokens)\n",
            self.pos_accuracy(),
            self.tokens
        );
        println!("| entity | gold | predicted | precision | recall | F1 |");
        println!("|---|---|---|---|---|---|");
        for (k, kind) in ENTITY_KINDS.iter().enumerate() {
            let (g, p, _) = self.kinds.get(&k).copied().unwrap_or_default();
            let (pr, re, f1) = self.prf(k);
            println!("| {kind} | {g} | {p} | {pr:.4} | {re:.4} | {f1:.4} |");
        }
    }
}

fn score(tagger: &Tagger, sentences: &[TaggedSentence]) -> Score {
    let mut s = Score::default();
    for sent in sentences {
        let words: Vec<&str> = sent.words.iter().map(String::as_str).collect();
        let (pos, ner) = tagger.tag_words(&words);
        s.tokens += words.len();
        s.pos_right += pos
            .iter()
            .zip(&sent.pos)
            .filter(|(a, b)| **a == b.as_str())
            .count();
        let gold = entities_of(&bio_of(&sent.ner));
        let predicted = entities_of(&ner);
        for e in &gold {
            s.kinds.entry(e.kind).or_default().0 += 1;
        }
        for e in &predicted {
            let k = s.kinds.entry(e.kind).or_default();
            k.1 += 1;
            if gold.contains(e) {
                k.2 += 1;
            }
        }
    }
    s
}

/// One article's ranker instances with, for each, which choices name the gold source (empty
/// when the quotation matches no gold direct quotation or its gold source names no one).
fn ranker_data(
    split: &Path,
    source: &dyn Fn(usize) -> &'static SourceTagger,
) -> Vec<(Vec<Instance>, Vec<Vec<bool>>)> {
    let mut out = Vec::new();
    for (a, (stem, text, ann)) in articles(split).into_iter().enumerate() {
        let chars: Vec<char> = text.chars().collect();
        let relations = parse_ann(&ann);
        let gold = direct_quotations(&relations, &chars);
        let instances = rank::instances_with(&text, source(a));
        let labels: Vec<Vec<bool>> = instances
            .iter()
            .map(|inst| {
                let start = text[..inst.open].chars().count();
                let end = start + text[inst.open..inst.close_end].chars().count();
                match matching(&gold, &chars, start, end) {
                    Some(i) if names_a_source(&gold[i].1) => inst
                        .choices
                        .iter()
                        .map(|c| right_choice(c, &gold[i].1))
                        .collect(),
                    // A quotation the annotators gave no source, or that they did not mark as
                    // anyone's (a title, a scare quote, a quotation of no one): no one named
                    // is right.
                    Some(i) if gold[i].0.source.is_none() => {
                        inst.choices.iter().map(|c| c.name.is_empty()).collect()
                    }
                    None if !relations
                        .iter()
                        .any(|r| r.content.start < end && start < r.content.end) =>
                    {
                        inst.choices.iter().map(|c| c.name.is_empty()).collect()
                    }
                    _ => Vec::new(),
                }
            })
            .collect();
        if std::env::var_os("RANK_DEBUG").is_some() {
            for (inst, gold_of) in instances.iter().zip(&labels) {
                let start = text[..inst.open].chars().count();
                let end = start + text[inst.open..inst.close_end].chars().count();
                let Some(i) = matching(&gold, &chars, start, end) else {
                    continue;
                };
                if gold_of.is_empty() || gold_of.iter().any(|g| *g) {
                    continue;
                }
                let names: Vec<&str> = inst.choices.iter().map(|c| c.name.as_str()).collect();
                println!(
                    "MISS {stem}: {:?} gold {:?} choices {names:?}",
                    text[inst.open..inst.close_end]
                        .chars()
                        .take(50)
                        .collect::<String>(),
                    gold[i].1
                );
            }
        }
        out.push((instances, labels));
    }
    out
}

/// The source taggers: one per fold of train's articles (fold `f` never saw the articles
/// `a % 5 == f`), and one trained on all of train.
struct Folds {
    held: Vec<&'static SourceTagger>,
    all: &'static SourceTagger,
}

/// One article's source windows, with their gold labels (`None`: nothing to learn).
type SourceArticle = (Vec<SourceSeq>, Vec<Option<Vec<u8>>>);

fn source_data(split: &Path) -> Vec<SourceArticle> {
    articles(split)
        .into_iter()
        .map(|(_, text, ann)| {
            let chars: Vec<char> = text.chars().collect();
            let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            byte_at.push(text.len());
            let relations = parse_ann(&ann);
            let gold = direct_quotations(&relations, &chars);
            let seqs = source::sequences(&text);
            let labels = seqs
                .iter()
                .map(|seq| {
                    let start = text[..seq.open].chars().count();
                    let end = start + text[seq.open..seq.close_end].chars().count();
                    match matching(&gold, &chars, start, end) {
                        Some(i) => match &gold[i].0.source {
                            Some(src) => seq.labels_for(Some(
                                byte_at[src.start.min(chars.len())]
                                    ..byte_at[src.end.min(chars.len())],
                            )),
                            None => seq.labels_for(None),
                        },
                        None if !relations
                            .iter()
                            .any(|r| r.content.start < end && start < r.content.end) =>
                        {
                            seq.labels_for(None)
                        }
                        None => None,
                    }
                })
                .collect();
            (seqs, labels)
        })
        .collect()
}

#[derive(Default)]
struct SourceScore {
    /// Gold spans, predicted spans, exact matches, gold spans overlapped by a prediction.
    gold: usize,
    predicted: usize,
    exact: usize,
    overlapped: usize,
}

impl SourceScore {
    fn add(&mut self, tagger: &SourceTagger, data: &[&SourceArticle]) {
        for (seqs, labels) in data {
            for (seq, labels) in seqs.iter().zip(labels) {
                let Some(labels) = labels else { continue };
                let gold = spans_of(labels);
                let predicted = tagger.spans(seq);
                self.gold += gold.len();
                self.predicted += predicted.len();
                for g in &gold {
                    self.exact +=
                        usize::from(predicted.iter().any(|p| p.start == g.0 && p.end == g.1));
                    self.overlapped +=
                        usize::from(predicted.iter().any(|p| p.start < g.1 && g.0 < p.end));
                }
            }
        }
    }

    fn row(&self, name: &str) {
        let p = self.exact as f64 / self.predicted.max(1) as f64;
        let r = self.exact as f64 / self.gold.max(1) as f64;
        println!(
            "| {name} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} |",
            self.gold,
            self.predicted,
            p,
            r,
            2.0 * p * r / (p + r).max(1e-9),
            self.overlapped as f64 / self.gold.max(1) as f64
        );
    }
}

/// The gold spans of a label sequence, as (start, end).
fn spans_of(labels: &[u8]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, l) in labels.iter().enumerate() {
        match l {
            1 => out.push((i, i + 1)),
            2 => {
                if let Some(last) = out.last_mut() {
                    last.1 = i + 1;
                }
            }
            _ => {}
        }
    }
    out
}

fn train_source(data: &Path, out: &Path, seed: u64) -> Folds {
    println!("\n# Source tagger\n");
    let started = Instant::now();
    let train = source_data(&data.join("data/train"));
    let dev = source_data(&data.join("data/dev"));
    let count = |d: &[SourceArticle]| {
        d.iter()
            .map(|a| a.1.iter().flatten().count())
            .sum::<usize>()
    };
    println!(
        "read {} train and {} dev articles ({} and {} quotations with labels) in {:.1} s\n",
        train.len(),
        dev.len(),
        count(&train),
        count(&dev),
        started.elapsed().as_secs_f64()
    );
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<f64>().ok());
    let defaults = SourceOptions::default();
    let opts = SourceOptions {
        seed,
        epochs: env("SOURCE_EPOCHS").map_or(defaults.epochs, |v| v as usize),
        min_weight: env("SOURCE_MIN_WEIGHT").map_or(defaults.min_weight, |v| v as f32),
    };
    println!(
        "settings: {} epochs, min weight {}\n",
        opts.epochs, opts.min_weight
    );
    let fit = |articles: &[&SourceArticle]| {
        let mut seqs = Vec::new();
        let mut labels = Vec::new();
        for (s, l) in articles {
            for (seq, l) in s.iter().zip(l) {
                if let Some(l) = l {
                    seqs.push(seq.clone());
                    labels.push(l.clone());
                }
            }
        }
        SourceTagger::train(&seqs, &labels, &opts)
    };
    println!(
        "| set | gold spans | predicted | precision | recall | F1 (exact spans) | gold spans overlapped |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut held = Vec::new();
    let mut cv = SourceScore::default();
    for fold in 0..5 {
        let (test, rest): (Vec<_>, Vec<_>) =
            train.iter().enumerate().partition(|(i, _)| i % 5 == fold);
        let rest: Vec<&SourceArticle> = rest.into_iter().map(|(_, a)| a).collect();
        let test: Vec<&SourceArticle> = test.into_iter().map(|(_, a)| a).collect();
        let tagger = fit(&rest);
        cv.add(&tagger, &test);
        held.push(&*Box::leak(Box::new(tagger)));
    }
    cv.row("train, 5-fold cross-validation");
    let all: Vec<&SourceArticle> = train.iter().collect();
    let tagger = fit(&all);
    let mut d = SourceScore::default();
    d.add(&tagger, &dev.iter().collect::<Vec<_>>());
    d.row("dev (never seen in training)");
    let bytes = tagger.to_bytes();
    std::fs::create_dir_all(out).expect("create the models folder");
    let path = out.join("source.bin");
    std::fs::write(&path, &bytes).expect("write the source tagger");
    println!(
        "\nwrote {} ({:.2} MB) in {:.1} s",
        path.display(),
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    if bytes != committed_source().to_bytes() {
        println!(
            "\nThe source tagger written differs from the one compiled into this binary: the ranker below reads dev with the new one; clipping uses it once rebuilt."
        );
    }
    Folds {
        held,
        all: Box::leak(Box::new(tagger)),
    }
}

/// Whether a choice names the gold source, as `eval_clip` judges a speaker: the same name, or,
/// where the gold source is a description ("the senator"), that description as the mention.
fn right_choice(c: &rank::Choice, gold: &str) -> bool {
    let description = |s: &str| {
        let s = s.trim();
        (s.starts_with("the ") || s.starts_with("The "))
            && s.split_whitespace()
                .next_back()
                .is_some_and(|w| w.chars().all(char::is_lowercase))
    };
    (!c.name.is_empty() && same_speaker(&c.name, gold))
        || (description(gold)
            && c.mention
                .as_deref()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case(gold.trim())))
}

/// Override margins scored (see `rank::OVERRIDE_MARGIN`).
const MARGINS: [f32; 6] = [0.0, 0.5, 1.0, 2.0, 4.0, 1000.0];

#[derive(Default, Debug)]
struct RankScore {
    judged: usize,
    rules_right: usize,
    model_right: usize,
    unsourced: usize,
    unsourced_rules: usize,
    unsourced_right: usize,
    /// Right under each override margin of MARGINS.
    margins: [usize; MARGINS.len()],
    /// Right (named or not) under each pair of margins (rules named someone, rules named no
    /// one), over every quotation judged or of no one.
    pairs: [[usize; MARGINS.len()]; MARGINS.len()],
    reachable: usize,
}

impl RankScore {
    fn add(&mut self, o: &RankScore) {
        self.judged += o.judged;
        self.rules_right += o.rules_right;
        self.model_right += o.model_right;
        self.unsourced += o.unsourced;
        self.unsourced_rules += o.unsourced_rules;
        self.unsourced_right += o.unsourced_right;
        for (a, b) in self.margins.iter_mut().zip(o.margins) {
            *a += b;
        }
        for (ra, rb) in self.pairs.iter_mut().zip(o.pairs) {
            for (a, b) in ra.iter_mut().zip(rb) {
                *a += b;
            }
        }
        self.reachable += o.reachable;
    }

    fn row(&self, name: &str) {
        let r = |n: usize| n as f64 / self.judged.max(1) as f64;
        println!(
            "| {name} | {} | {:.3} | {:.3} | {:.3} |",
            self.judged,
            r(self.reachable),
            r(self.rules_right),
            r(self.model_right)
        );
        let margins: Vec<String> = MARGINS
            .iter()
            .zip(self.margins)
            .map(|(m, n)| format!("{m}: {:.3}", r(n)))
            .collect();
        println!(
            "|  | model's speaker right when it must beat the rules' answer by | {} |||",
            margins.join(", ")
        );
        println!(
            "|  | quotations of no one marked (no source, or no relation): no one named | {} | rules {} | model {} |",
            self.unsourced, self.unsourced_rules, self.unsourced_right
        );
        if std::env::var_os("RANK_PAIRS").is_some() {
            let all = (self.judged + self.unsourced).max(1) as f64;
            for (i, m) in MARGINS.iter().enumerate() {
                let row: Vec<String> = MARGINS
                    .iter()
                    .enumerate()
                    .map(|(j, n)| format!("{n}: {:.4}", self.pairs[i][j] as f64 / all))
                    .collect();
                println!(
                    "|  | margin {m}, where the rules named no one | {} |||",
                    row.join(", ")
                );
            }
        }
    }
}

fn rank_score(ranker: &Ranker, data: &[(Vec<Instance>, Vec<Vec<bool>>)]) -> RankScore {
    let mut s = RankScore::default();
    for (instances, labels) in data {
        for (inst, gold) in instances.iter().zip(labels) {
            if gold.is_empty() {
                continue;
            }
            let named = !inst
                .choices
                .iter()
                .zip(gold)
                .any(|(c, g)| *g && c.name.is_empty());
            if !named {
                // (Quotations with no source: how often no one is named.)
                s.unsourced += 1;
                s.unsourced_rules += usize::from(
                    inst.choices
                        .iter()
                        .position(|c| c.from_rules)
                        .is_some_and(|i| gold[i]),
                );
                s.unsourced_right += usize::from(
                    ranker
                        .decide_with(
                            &inst.choices,
                            rank::OVERRIDE_MARGIN,
                            rank::OVERRIDE_MARGIN_NONE,
                        )
                        .is_some_and(|i| gold[i]),
                );
                add_pairs(&mut s, ranker, inst, gold);
                continue;
            }
            s.judged += 1;
            s.reachable += usize::from(gold.iter().any(|g| *g));
            let rules = inst.choices.iter().position(|c| c.from_rules);
            s.rules_right += usize::from(rules.is_some_and(|i| gold[i]));
            let best = ranker.best(&inst.choices);
            s.model_right += usize::from(best.is_some_and(|i| gold[i]));
            for (k, m) in MARGINS.iter().enumerate() {
                s.margins[k] +=
                    usize::from(ranker.decide(&inst.choices, *m).is_some_and(|i| gold[i]));
            }
            add_pairs(&mut s, ranker, inst, gold);
            if std::env::var_os("RANK_DEBUG").is_some()
                && gold.iter().any(|g| *g)
                && let Some(b) = best.filter(|b| !gold[*b])
            {
                let right: Vec<&str> = inst
                    .choices
                    .iter()
                    .zip(gold)
                    .filter(|(_, g)| **g)
                    .map(|(c, _)| c.name.as_str())
                    .collect();
                println!(
                    "WRONG chose {:?} (rules: {}) right {right:?} of {}",
                    inst.choices[b].name,
                    inst.choices[b].from_rules,
                    inst.choices.len()
                );
            }
        }
    }
    s
}

fn add_pairs(s: &mut RankScore, ranker: &Ranker, inst: &Instance, gold: &[bool]) {
    for (i, m) in MARGINS.iter().enumerate() {
        for (j, n) in MARGINS.iter().enumerate() {
            s.pairs[i][j] += usize::from(
                ranker
                    .decide_with(&inst.choices, *m, *n)
                    .is_some_and(|k| gold[k]),
            );
        }
    }
}

fn flatten(data: &[&(Vec<Instance>, Vec<Vec<bool>>)]) -> (Vec<Instance>, Vec<Vec<bool>>) {
    let mut instances = Vec::new();
    let mut labels = Vec::new();
    for (i, l) in data {
        let skip_none = std::env::var_os("RANK_NO_NONE").is_some();
        for (inst, gold) in i.iter().zip(l) {
            let none = inst
                .choices
                .iter()
                .zip(gold)
                .any(|(c, g)| *g && c.name.is_empty());
            if !(gold.is_empty() || (skip_none && none)) {
                instances.push(inst.clone());
                labels.push(gold.clone());
            }
        }
    }
    (instances, labels)
}

fn train_ranker(data: &Path, out: &Path, seed: u64, folds: &Folds) {
    println!("\n# Speaker ranker\n");
    let started = Instant::now();
    // Each train article is read with the source tagger of the fold that never saw it; dev
    // with the one trained on all of train.
    let train = ranker_data(&data.join("data/train"), &|a| folds.held[a % 5]);
    let dev = ranker_data(&data.join("data/dev"), &|_| folds.all);
    println!(
        "read and tagged {} train and {} dev articles in {:.1} s\n",
        train.len(),
        dev.len(),
        started.elapsed().as_secs_f64()
    );
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<f64>().ok());
    let defaults = RankOptions::default();
    // (RANK_EPOCHS, RANK_LR, RANK_L2 override the settings, for choosing them.)
    let opts = RankOptions {
        seed,
        epochs: env("RANK_EPOCHS").map_or(defaults.epochs, |v| v as usize),
        learning_rate: env("RANK_LR").unwrap_or(defaults.learning_rate),
        l2: env("RANK_L2").unwrap_or(defaults.l2),
        rule_dropout: env("RANK_DROPOUT").unwrap_or(defaults.rule_dropout),
    };
    println!(
        "settings: {} epochs, learning rate {}, L2 {}, rules' features hidden from {} of the quotations\n",
        opts.epochs, opts.learning_rate, opts.l2, opts.rule_dropout
    );
    println!(
        "| set | quotations judged | candidate recall | rules' speaker right | model's speaker right |"
    );
    println!("|---|---|---|---|---|");
    // Five folds of train's articles.
    let mut cv = RankScore::default();
    for fold in 0..5 {
        let (held, rest): (Vec<_>, Vec<_>) =
            train.iter().enumerate().partition(|(i, _)| i % 5 == fold);
        let rest: Vec<_> = rest.into_iter().map(|(_, a)| a).collect();
        let (instances, labels) = flatten(&rest);
        let ranker = Ranker::train(&instances, &labels, &opts);
        let held: Vec<_> = held.into_iter().map(|(_, a)| a.clone()).collect();
        cv.add(&rank_score(&ranker, &held));
    }
    cv.row("train, 5-fold cross-validation");
    let all: Vec<_> = train.iter().collect();
    let (instances, labels) = flatten(&all);
    let ranker = Ranker::train(&instances, &labels, &opts);
    rank_score(&ranker, &dev).row("dev (never seen in training)");
    let bytes = ranker.to_bytes();
    let path = out.join("ranker.bin");
    std::fs::write(&path, &bytes).expect("write the ranker model");
    println!(
        "\nwrote {} ({} weights, {:.2} MB)",
        path.display(),
        ranker.len(),
        bytes.len() as f64 / 1e6
    );
}
