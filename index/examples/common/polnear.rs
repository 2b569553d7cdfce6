//! PolNeAR's gold attributions (brat standoff), read the way docs/QUALITY.md describes: which
//! relations are direct quotations, each source resolved to a full name, and when a predicted
//! speaker is the gold one. Shared by `eval_clip` and `train_attribution`.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use onrecord::store::name_key;

#[derive(Debug, Clone)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

pub struct Relation {
    pub content: Span,
    pub source: Option<Span>,
}

pub fn parse_ann(ann: &str) -> Vec<Relation> {
    // Records may continue over lines: a line not starting with T/E/A/R/# and a number continues
    // the previous record.
    let mut records: Vec<String> = Vec::new();
    for line in ann.lines() {
        let starts_record = line.split('\t').next().is_some_and(|id| {
            id.len() > 1
                && "TEAR#".contains(&id[..1])
                && id[1..].chars().all(|c| c.is_ascii_digit())
        });
        if starts_record || records.is_empty() {
            records.push(line.to_owned());
        } else if let Some(last) = records.last_mut() {
            last.push('\n');
            last.push_str(line);
        }
    }
    let mut spans: HashMap<String, Span> = HashMap::new();
    let mut relations = Vec::new();
    for r in &records {
        let mut parts = r.splitn(3, '\t');
        let id = parts.next().unwrap_or("");
        let body = parts.next().unwrap_or("");
        let text = parts.next().unwrap_or("").to_owned();
        if id.starts_with('T') {
            // Discontinuous spans ("12 20;25 30", fragments in any order: "1088 1148;938
            // 1030"): keep the outer range.
            let offsets: Vec<usize> = body
                .split_once(' ')
                .map_or("", |(_kind, ranges)| ranges)
                .split([' ', ';'])
                .filter_map(|v| v.parse().ok())
                .collect();
            let start = offsets.iter().min().copied();
            let end = offsets.iter().max().copied();
            if let (Some(start), Some(end)) = (start, end) {
                spans.insert(id.to_owned(), Span { start, end, text });
            }
        } else if id.starts_with('E') {
            let mut content = None;
            let mut source = None;
            for role in body.split_whitespace() {
                if let Some((name, t)) = role.split_once(':') {
                    match name {
                        "Content" => content = spans.get(t).cloned(),
                        "Source" => source = spans.get(t).cloned(),
                        _ => {}
                    }
                }
            }
            if let Some(content) = content {
                relations.push(Relation { content, source });
            }
        }
    }
    relations
}

/// Whether a gold content span is a direct quotation: it opens with a quotation mark, and no
/// narration follows its last closing mark (“You squeezed employees” to drive up the stock price
/// is an indirect attribution holding a partial quotation). A span with no closing mark is a
/// quotation going on into the next paragraph.
pub fn is_direct(text: &str) -> bool {
    let text = text.trim();
    if !text.starts_with(['“', '"', '‘', '«']) {
        return false;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut straight = 0;
    let mut last_close = None;
    for (i, &c) in chars.iter().enumerate() {
        let closes = match c {
            '”' | '»' => true,
            '"' => {
                straight += 1;
                straight % 2 == 0
            }
            // A closing single mark, not an apostrophe ("don’t").
            '’' => !chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()),
            _ => false,
        };
        if closes {
            last_close = Some(i);
        }
    }
    let Some(close) = last_close else {
        return true;
    };
    let after: String = chars[close + 1..].iter().collect();
    after.contains(['“', '"', '‘', '«']) || !after.chars().any(char::is_alphanumeric)
}

/// Token positions (as char ranges) of a text, for overlap counting.
pub fn token_ranges(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = start;
    while i < end.min(chars.len()) {
        if chars[i].is_alphanumeric() {
            let s = i;
            while i < end.min(chars.len()) && chars[i].is_alphanumeric() {
                i += 1;
            }
            out.push((s, i));
        } else {
            i += 1;
        }
    }
    out
}

pub fn overlap(chars: &[char], a: (usize, usize), b: (usize, usize)) -> (usize, usize, usize) {
    let ta = token_ranges(chars, a.0, a.1);
    let tb = token_ranges(chars, b.0, b.1);
    let shared = ta.iter().filter(|t| tb.contains(t)).count();
    (shared, ta.len(), tb.len())
}

pub const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "him", "her", "his", "it"];

/// The gold source as a full name: pronouns take the previous resolved source, a relative
/// pronoun the name right before it ("Jeb Bush, who"), a single word the earliest full name in
/// the text containing it.
pub fn resolve_gold(source: &str, at: usize, chars: &[char], previous: Option<&str>) -> String {
    let s = source.trim();
    if PRONOUNS.contains(&s.to_lowercase().as_str()) {
        return previous.unwrap_or(s).to_owned();
    }
    if ["who", "which", "that", "whom"].contains(&s.to_lowercase().as_str()) {
        let before: String = chars[at.saturating_sub(120)..at.min(chars.len())]
            .iter()
            .collect();
        let before = before.trim_end_matches([' ', ',', '—', '–', '-', '\u{a0}']);
        let name: Vec<&str> = before
            .split_whitespace()
            .rev()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .take(4)
            .collect();
        if !name.is_empty() {
            let name: Vec<&str> = name.into_iter().rev().collect();
            let name = name.join(" ");
            return resolve_gold(&name, at, chars, previous);
        }
        return s.to_owned();
    }
    if !s.contains(' ') && s.chars().next().is_some_and(char::is_uppercase) {
        // (After the headline, which capitalises every word: "The Latest: Trump…".)
        let before: String = chars[..at.min(chars.len())].iter().collect();
        let before = match before.split_once('\n') {
            Some((_headline, body)) if body.contains(s) => body.to_owned(),
            _ => before,
        };
        let mut best: Option<String> = None;
        let tokens: Vec<&str> = before.split_whitespace().collect();
        for (i, t) in tokens.iter().enumerate() {
            let bare = t.trim_matches(|c: char| !c.is_alphanumeric());
            if bare == s && i > 0 {
                let first = tokens[i - 1].trim_matches(|c: char| !c.is_alphanumeric());
                if first.chars().next().is_some_and(char::is_uppercase)
                    && first.chars().any(char::is_lowercase)
                {
                    best = Some(format!("{first} {s}"));
                    break;
                }
            }
        }
        return best.unwrap_or_else(|| s.to_owned());
    }
    s.to_owned()
}

/// Whether a gold source names anyone: annotators left some relations without a source and
/// marked the cue word itself as the source of others ("said"); neither can be compared.
pub fn names_a_source(gold: &str) -> bool {
    const CUE_WORDS: &[&str] = &[
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "wrote",
        "writes",
        "asked",
        "according",
        "according to",
        "noted",
        "stated",
        "saying",
    ];
    let g = gold.trim().to_lowercase();
    !g.is_empty() && !CUE_WORDS.contains(&g.as_str())
}

pub fn same_speaker(predicted: &str, gold: &str) -> bool {
    let p = name_key(predicted);
    let g = name_key(gold);
    // The gold source often carries a title or a description ("Rep. Jim Clyburn (D-S.C.), the
    // assistant leader…"): the predicted name's words all in it is a match.
    let gold_words: Vec<&str> = g
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    // (Initials, a possessive's "s" and a generational suffix say nothing of who it is: the
    // gold source "Brent Bozell" is Brent Bozell III.)
    let predicted_words: Vec<String> = words(&p)
        .into_iter()
        .filter(|w| w.len() > 1 && !["jr", "sr", "ii", "iii", "iv"].contains(&w.as_str()))
        .collect();
    if !predicted_words.is_empty()
        && predicted_words
            .iter()
            .all(|w| gold_words.contains(&w.as_str()))
        && !PRONOUNS.contains(&p.as_str())
    {
        return true;
    }
    // A one-word gold source names the person by either end of their name: "Ban" is Ban
    // Ki-moon, "Tom" is Tom Ebeling.
    if let [only] = gold_words[..]
        && !PRONOUNS.contains(&only)
        && (2..=3).contains(&predicted_words.len())
        && (predicted_words.first().map(String::as_str) == Some(only)
            || predicted_words.last().map(String::as_str) == Some(only))
    {
        return true;
    }
    // "Flynn, a top Trump surrogate" is Michael Flynn: the surname leads the gold description,
    // or stands in a short one ("Mr. Obama") or in the short name before its appositive
    // ("Mr. McGinley, the law professor").
    // (A hyphenated surname is all its parts: "Lopez-Cantera, a Republican…".)
    let surname = words(
        p.split(' ')
            .rfind(|w| !["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"].contains(w))
            .unwrap_or(""),
    );
    // (The words before the first comma are the first of the gold words.)
    let head = &gold_words[..g.split(',').next().map_or(0, |h| words(h).len())];
    let within = |ws: &[&str]| ws.len() <= 3 && surname.iter().all(|w| ws.contains(&w.as_str()));
    if !surname.is_empty()
        && surname.concat().len() > 2
        && (gold_words.starts_with(&surname.iter().map(String::as_str).collect::<Vec<_>>())
            || within(&gold_words)
            || within(head))
    {
        return true;
    }
    if p == g || g.ends_with(&format!(" {p}")) || p.ends_with(&format!(" {g}")) {
        return true;
    }
    let last = |s: &str| s.split(' ').next_back().map(str::to_owned);
    let lp = last(&p);
    lp.is_some() && lp == last(&g) && !PRONOUNS.contains(&g.as_str())
}

/// The direct quotations among an article's relations, in text order, each with its source
/// resolved to a full name ("" when it has none).
pub fn direct_quotations<'a>(
    relations: &'a [Relation],
    chars: &[char],
) -> Vec<(&'a Relation, String)> {
    let mut gold: Vec<(&Relation, String)> = Vec::new();
    let mut previous: Option<String> = None;
    let mut ordered: Vec<&Relation> = relations.iter().collect();
    ordered.sort_by_key(|r| r.content.start);
    for r in ordered {
        let resolved = r
            .source
            .as_ref()
            .map(|s| resolve_gold(&s.text, s.start, chars, previous.as_deref()))
            .unwrap_or_default();
        if !resolved.is_empty() && !PRONOUNS.contains(&resolved.to_lowercase().as_str()) {
            previous = Some(resolved.clone());
        }
        if is_direct(&r.content.text) {
            gold.push((r, resolved));
        }
    }
    gold
}

/// The gold quotation a predicted one (character offsets) is: tokens shared are at least 80% of
/// each.
pub fn matching(
    gold: &[(&Relation, String)],
    chars: &[char],
    start: usize,
    end: usize,
) -> Option<usize> {
    gold.iter().position(|(g, _)| {
        let (shared, np, ng) = overlap(chars, (start, end), (g.content.start, g.content.end));
        ng > 0 && np > 0 && shared * 10 >= ng * 8 && shared * 10 >= np * 8
    })
}

/// A split's articles that have annotations, in name order: (name, text, annotations).
pub fn articles(split: &Path) -> Vec<(String, String, String)> {
    let mut texts: Vec<PathBuf> = std::fs::read_dir(split.join("text"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    texts.sort();
    let mut anns: Vec<PathBuf> = std::fs::read_dir(split.join("attributions"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    anns.sort();
    let mut out = Vec::new();
    for text_path in texts {
        let stem = text_path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_owned();
        let Some(ann_path) = anns.iter().find(|a| {
            a.file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|s| s.rsplit_once('_').is_some_and(|(base, _)| base == stem))
        }) else {
            continue;
        };
        if let (Ok(text), Ok(ann)) = (
            std::fs::read_to_string(&text_path),
            std::fs::read_to_string(ann_path),
        ) {
            out.push((stem, text, ann));
        }
    }
    out
}
