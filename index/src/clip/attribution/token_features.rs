//! The features the token tagger reads for each word: the word, its lowercased and normalised forms, shape, prefixes and suffixes, neighbours, and gazetteers built from the training data.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::perceptron::FeatureHash;
use super::tagger::*;

/// Per-token strings the features are built from.
pub(super) struct Words<'a> {
    pub(super) raw: Vec<&'a str>,
    pub(super) lower: Vec<String>,
    pub(super) shape: Vec<String>,
    pub(super) norm: Vec<String>,
}

impl<'a> Words<'a> {
    pub(super) fn new(raw: Vec<&'a str>) -> Self {
        let lower: Vec<String> = raw.iter().map(|w| w.to_lowercase()).collect();
        let shape = raw.iter().map(|w| shape(w)).collect();
        let norm = raw
            .iter()
            .zip(&lower)
            .map(|(w, l)| normalise(w, l))
            .collect();
        Self {
            raw,
            lower,
            shape,
            norm,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.raw.len()
    }

    pub(super) fn at<'s>(&'s self, field: &'s [String], i: isize) -> &'s str {
        if i < 0 {
            "<s>"
        } else if i as usize >= field.len() {
            "</s>"
        } else {
            &field[i as usize]
        }
    }
}

/// A word's shape, runs collapsed: "Xx", "X.X.", "d,d", "x-x".
pub(super) fn shape(w: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s != last {
            out.push(s);
            last = s;
        }
        if out.len() > 8 {
            break;
        }
    }
    out
}

/// The lower-case form, with numbers collapsed: a year, digits, or a hyphenated word.
pub(super) fn normalise(w: &str, lower: &str) -> String {
    if w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) {
        "!year".into()
    } else if w.starts_with(|c: char| c.is_ascii_digit()) {
        "!digits".into()
    } else {
        lower.to_owned()
    }
}

pub(super) fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

pub(super) fn suffix(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    match s.char_indices().nth(count - n) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// Words that end or head organizations' names (a data file; see its header).
pub(super) static ORGANIZATION_WORDS: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| {
        include_str!("../../../data/organization-words.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });

pub(super) fn f(template: &str, value: &str) -> u64 {
    FeatureHash::new(template).with(value).finish()
}

pub(super) fn f2(template: &str, a: &str, b: &str) -> u64 {
    FeatureHash::new(template).with(a).with(b).finish()
}

pub(super) fn pos_features(w: &Words<'_>, i: usize, p1: &str, p2: &str, out: &mut Vec<u64>) {
    out.clear();
    let i = i as isize;
    let norm = &w.norm;
    let cur = w.at(norm, i);
    out.push(f("bias", ""));
    out.push(f("w", cur));
    out.push(f("s3", suffix(cur, 3)));
    out.push(f("s2", suffix(cur, 2)));
    out.push(f("p1", prefix(w.raw[i as usize], 1)));
    out.push(f("shape", &w.shape[i as usize]));
    out.push(f("t-1", p1));
    out.push(f("t-2", p2));
    out.push(f2("t-1,t-2", p1, p2));
    out.push(f2("t-1,w", p1, cur));
    let prev = w.at(norm, i - 1);
    out.push(f("w-1", prev));
    out.push(f("s-1", suffix(prev, 3)));
    out.push(f("w-2", w.at(norm, i - 2)));
    let next = w.at(norm, i + 1);
    out.push(f("w+1", next));
    out.push(f("s+1", suffix(next, 3)));
    out.push(f("w+2", w.at(norm, i + 2)));
    out.push(f2("w,w+1", cur, next));
    if i == 0 {
        out.push(f("first", &w.shape[0]));
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn ner_features(
    w: &Words<'_>,
    pos: &[&str],
    gaz: &[&str],
    i: usize,
    y1: &str,
    y2: &str,
    out: &mut Vec<u64>,
) {
    out.clear();
    let ii = i as isize;
    let at_pos = |k: isize| -> &str {
        if k < 0 {
            "<s>"
        } else {
            pos.get(k as usize).copied().unwrap_or("</s>")
        }
    };
    let at_gaz = |k: isize| -> &str {
        if k < 0 {
            "<s>"
        } else {
            gaz.get(k as usize).copied().unwrap_or("</s>")
        }
    };
    let lower = &w.lower[i];
    out.push(f("bias", ""));
    out.push(f("w", w.raw[i]));
    out.push(f("l", lower));
    out.push(f("shape", &w.shape[i]));
    out.push(f("pre2", prefix(lower, 2)));
    out.push(f("pre3", prefix(lower, 3)));
    out.push(f("suf2", suffix(lower, 2)));
    out.push(f("suf3", suffix(lower, 3)));
    out.push(f("suf4", suffix(lower, 4)));
    out.push(f("pos", at_pos(ii)));
    out.push(f("pos-1", at_pos(ii - 1)));
    out.push(f("pos+1", at_pos(ii + 1)));
    out.push(f2("pos,shape", at_pos(ii), &w.shape[i]));
    out.push(f("l-1", w.at(&w.lower, ii - 1)));
    out.push(f("l+1", w.at(&w.lower, ii + 1)));
    out.push(f("l-2", w.at(&w.lower, ii - 2)));
    out.push(f("l+2", w.at(&w.lower, ii + 2)));
    out.push(f2("l-1,l", w.at(&w.lower, ii - 1), lower));
    out.push(f2("l,l+1", lower, w.at(&w.lower, ii + 1)));
    out.push(f("shape-1", w.at(&w.shape, ii - 1)));
    out.push(f("shape+1", w.at(&w.shape, ii + 1)));
    out.push(f("y-1", y1));
    out.push(f("y-2", y2));
    out.push(f2("y-1,y-2", y1, y2));
    out.push(f2("y-1,shape", y1, &w.shape[i]));
    out.push(f2("y-1,w", y1, w.raw[i]));
    out.push(f("g", at_gaz(ii)));
    out.push(f("g-1", at_gaz(ii - 1)));
    out.push(f("g+1", at_gaz(ii + 1)));
    out.push(f2("g,shape", at_gaz(ii), &w.shape[i]));
    // A capitalised word up to three before an organization's word ("Acme Corp.", "Bank of
    // England" from "Bank"), or that word itself.
    let capitalised = w.raw[i].starts_with(char::is_uppercase);
    if capitalised {
        let org_word = (i..(i + 4).min(w.len())).find(|&k| {
            w.raw[k].starts_with(char::is_uppercase)
                && ORGANIZATION_WORDS.contains(w.lower[k].as_str())
        });
        if let Some(k) = org_word {
            out.push(f("org word ahead", bin_distance(k - i)));
        }
        if i > 0
            && ORGANIZATION_WORDS.contains(w.lower[i - 1].as_str())
            && w.raw[i - 1].starts_with(char::is_uppercase)
        {
            out.push(f("after org word", ""));
        }
    }
    if i == 0 {
        out.push(f("first", &w.shape[i]));
    }
}

pub(super) fn bin_distance(d: usize) -> &'static str {
    ["0", "1", "2", "3"][d.min(3)]
}

/// Whether label `to` may follow `from` (I-X only after B-X or I-X).
pub(super) fn may_follow(from: &str, to: &str) -> bool {
    match to.strip_prefix("I-") {
        Some(kind) => from
            .strip_suffix(kind)
            .is_some_and(|b| b == "B-" || b == "I-"),
        None => true,
    }
}

pub(super) fn intern(names: &[String]) -> Vec<&'static str> {
    names
        .iter()
        .map(|n| &*Box::leak(n.clone().into_boxed_str()))
        .collect()
}

/// Frequent words (20 times or more) that take one part of speech 97% of the time or more.
pub(super) fn build_tag_dictionary(
    sentences: &[TaggedSentence],
    pos_id: &HashMap<&str, usize>,
) -> HashMap<String, u16> {
    let mut counts: HashMap<&str, HashMap<&str, usize>> = HashMap::default();
    for s in sentences {
        for (w, p) in s.words.iter().zip(&s.pos) {
            *counts.entry(w).or_default().entry(p).or_default() += 1;
        }
    }
    let mut out = HashMap::default();
    for (w, tags) in counts {
        let total: usize = tags.values().sum();
        // (Ties broken by name: deterministic.)
        let Some((tag, n)) = tags.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) else {
            continue;
        };
        if total >= 20 && *n * 100 >= total * 97 {
            out.insert(w.to_owned(), pos_id[tag] as u16);
        }
    }
    out
}

/// Lower-case words seen three times or more inside entities, in one kind at least half of
/// the times they occur at all.
pub(super) fn build_gazetteer(sentences: &[TaggedSentence]) -> HashMap<String, u8> {
    let mut seen: HashMap<String, usize> = HashMap::default();
    let mut in_kind: HashMap<String, [usize; 4]> = HashMap::default();
    for s in sentences {
        for (w, k) in s.words.iter().zip(&s.ner) {
            if !w.chars().any(char::is_alphabetic) {
                continue;
            }
            let lower = w.to_lowercase();
            if let Some(kind) = ENTITY_KINDS.iter().position(|e| e == k) {
                in_kind.entry(lower.clone()).or_default()[kind] += 1;
            }
            *seen.entry(lower).or_default() += 1;
        }
    }
    let mut out = HashMap::default();
    for (w, kinds) in in_kind {
        let total = seen[&w];
        let (kind, n) = kinds
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
            .unwrap_or((0, &0));
        if *n >= 3 && n * 2 >= total {
            out.insert(w, kind as u8);
        }
    }
    out
}

pub(super) fn gazetteer_tags(w: &Words<'_>, gazetteer: &HashMap<String, u8>) -> Vec<&'static str> {
    w.lower
        .iter()
        .map(|l| match gazetteer.get(l) {
            Some(&k) => ENTITY_KINDS[k as usize],
            None => "-",
        })
        .collect()
}
