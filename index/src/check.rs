//! Checking a draft: for every quotation in it, are the words on record, and does the draft
//! attribute them as the record does — the same speaker, their title and employer at the time,
//! the same medium?
//!
//! Quotations and what the draft claims about them are read exactly as clipping reads an article
//! (`clip::quotes`, `clip::attribution`). Tantivy retrieves candidate records by the quotation's
//! rarest words; an alignment then decides: typography, the case of the first letter, a faithful
//! elision (`…`, `...`, `[...]`) and a bracketed insertion are allowed, anything else is a change
//! of wording, shown as a word diff.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::clip::{self, Attribution};
use crate::model::{Medium, Quote, Speaker};
use crate::store::name_key;
use crate::title::title_words;

/// The outcome for one quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The words match a record and everything the draft says about them agrees.
    Verified,
    /// The closest record differs in wording.
    Misquoted,
    /// The words match a record, but not who said them, their title or employer, or how.
    Misattributed,
    /// Nothing in the library is close.
    Unverified,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Verified => "verified",
            Verdict::Misquoted => "misquoted",
            Verdict::Misattributed => "misattributed",
            Verdict::Unverified => "unverified",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Speaker,
    Title,
    Organization,
    Wording,
    Medium,
    Date,
}

/// One disagreement between the draft and the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub field: Field,
    pub draft: String,
    pub record: String,
    /// One line for people: "the record has Zensar, not Alibaba".
    pub message: String,
}

/// A piece of the word diff from the record's words to the draft's: `delete` is on record but
/// missing from the draft, `insert` is in the draft but not on record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPart {
    pub op: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// The quotation as written in the draft.
    pub quote: String,
    /// Character offsets of the words in the draft.
    pub start: usize,
    pub end: usize,
    pub verdict: Verdict,
    pub problems: Vec<Problem>,
    /// The best-matching record (absent when unverified).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<Quote>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diff: Vec<DiffPart>,
    /// What the draft says about the quotation: speaker, title, organization, medium.
    pub claim: Attribution,
    /// The record's words and attribution as AP writes them ("“…,” Vijayasimha Alilughatta,
    /// chief operating officer of Zensar, told Reuters."), to put in the draft instead; absent
    /// when unverified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correct: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    pub findings: Vec<Finding>,
    /// Character offsets of opening quotation marks that are never closed: what follows them
    /// cannot be checked until the draft's punctuation is fixed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unclosed: Vec<usize>,
}

impl CheckReport {
    /// True when every quotation is verified (the draft can be published as far as quotes go).
    pub fn all_verified(&self) -> bool {
        self.findings.iter().all(|f| f.verdict == Verdict::Verified)
    }
}

/// Where the check gets its records: candidate quotes for a quotation, and speakers by name.
pub trait Records {
    /// Records that may hold `words`: `wide == false` asks for those sharing all of its rarest
    /// words (fast; enough for a faithful quotation), `true` for those sharing any.
    fn candidates(&mut self, words: &str, wide: bool) -> crate::Result<Vec<Quote>>;
    fn speaker(&mut self, name: &str) -> crate::Result<Option<Speaker>>;
}

/// How close the draft's words must be to a record's (share of the draft's words found in order)
/// to call it a misquotation of that record rather than an unrecorded quote.
const MISQUOTE_SIMILARITY: f64 = 0.6;
/// The most words a bracketed insertion may stand for.
const BRACKET_SPAN: usize = 8;

/// Checks every quotation in `draft`.
pub fn check(draft: &str, records: &mut dyn Records) -> crate::Result<CheckReport> {
    clip::check_size(draft.len())?;
    let text = clip::normalise_text(draft);
    let (mut found, claims, unclosed) =
        clip::read_quotations(&text, clip::attribution::Carry::SpeakerOnly);
    let claims = clip::claims_in(&text, &mut found, claims);
    let unclosed = unclosed
        .iter()
        .map(|u| text[..u.open].chars().count())
        .collect();
    let mut findings = Vec::new();
    for (q, claim) in found.iter().zip(claims) {
        if !clip::keep(&text, q, &claim) {
            // Scare quotes and titles, as in clipping.
            continue;
        }
        let mut finding = check_one(&q.text, claim, records)?;
        finding.correct = finding.record.as_ref().map(|r| {
            format!(
                "{} {}.",
                crate::cite::attribution::quoted(&r.text),
                crate::cite::attribution::who_and_how(r)
            )
        });
        findings.push(Finding {
            quote: text[q.start..q.end].to_owned(),
            start: text[..q.start].chars().count(),
            end: text[..q.end].chars().count(),
            ..finding
        });
    }
    Ok(CheckReport { findings, unclosed })
}

fn check_one(quote: &str, claim: Attribution, records: &mut dyn Records) -> crate::Result<Finding> {
    let draft_tokens = tokens(quote);
    // Narrow first: a faithful quotation contains all of the record's rarest words it quotes.
    // Only when nothing aligns is the wide (slower) lookup needed, to find a misquotation.
    let mut candidates = records.candidates(quote, false)?;
    if !candidates
        .iter()
        .any(|r| faithful(&draft_tokens, &tokens(&r.text)))
    {
        candidates = records.candidates(quote, true)?;
    }
    // The first faithful match wins, preferring one whose attribution agrees with the draft.
    let mut best_faithful: Option<(Quote, Vec<Problem>)> = None;
    let mut best_close: Option<(f64, Quote, Vec<DiffPart>)> = None;
    for record in candidates {
        let record_tokens = tokens(&record.text);
        if faithful(&draft_tokens, &record_tokens) {
            let problems = compare_attribution(&claim, &record, records)?;
            let better = match &best_faithful {
                None => true,
                Some((_, p)) => problems.len() < p.len(),
            };
            if better {
                let done = problems.is_empty();
                best_faithful = Some((record, problems));
                if done {
                    break;
                }
            }
            continue;
        }
        let (similarity, diff) = word_diff(&draft_tokens, &record_tokens);
        if best_close.as_ref().is_none_or(|(s, _, _)| similarity > *s) {
            best_close = Some((similarity, record, diff));
        }
    }
    let mut finding = Finding {
        quote: quote.to_owned(),
        start: 0,
        end: 0,
        verdict: Verdict::Unverified,
        problems: Vec::new(),
        record: None,
        diff: Vec::new(),
        claim,
        correct: None,
    };
    if let Some((record, problems)) = best_faithful {
        finding.verdict = if problems.is_empty() {
            Verdict::Verified
        } else {
            Verdict::Misattributed
        };
        finding.problems = problems;
        finding.record = Some(record);
        return Ok(finding);
    }
    if let Some((similarity, record, diff)) = best_close
        && similarity >= MISQUOTE_SIMILARITY
    {
        let mut problems = compare_attribution(&finding.claim, &record, records)?;
        let attribution_wrong = !problems.is_empty();
        problems.insert(
            0,
            Problem {
                field: Field::Wording,
                draft: quote.to_owned(),
                record: record.text.clone(),
                message: format!("the words differ from the record: {}", describe_diff(&diff)),
            },
        );
        finding.verdict = if attribution_wrong {
            Verdict::Misattributed
        } else {
            Verdict::Misquoted
        };
        finding.problems = problems;
        finding.record = Some(record);
        finding.diff = diff;
    }
    Ok(finding)
}

/// A word of a quotation, or a marker for what the draft left out or put in brackets.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Token {
    Word(String),
    /// `…`, `...`, `[...]`: any number of words left out.
    Elision,
    /// `[the company]`: the draft's own words standing for a few of the speaker's.
    Bracket(String),
}

/// Splits a quotation into comparable words: typography unified (curly and straight quotes,
/// dashes), punctuation other than elisions dropped, case kept.
fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<Token>| {
        if !word.is_empty() {
            out.push(Token::Word(std::mem::take(word)));
        }
    };
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '[' {
            flush(&mut word, &mut out);
            let close = chars[i..].iter().position(|c| *c == ']').map(|p| i + p);
            match close {
                Some(j) => {
                    let inner: String = chars[i + 1..j].iter().collect();
                    let inner = inner.trim();
                    if inner
                        .chars()
                        .all(|c| c == '.' || c == '…' || c.is_whitespace())
                    {
                        out.push(Token::Elision);
                    } else {
                        out.push(Token::Bracket(inner.to_owned()));
                    }
                    i = j + 1;
                    continue;
                }
                None => {
                    i += 1;
                    continue;
                }
            }
        }
        if c == '…'
            || (c == '.' && chars.get(i + 1) == Some(&'.') && chars.get(i + 2) == Some(&'.'))
        {
            flush(&mut word, &mut out);
            if out.last() != Some(&Token::Elision) {
                out.push(Token::Elision);
            }
            i += if c == '…' { 1 } else { 3 };
            while chars.get(i) == Some(&'.') {
                i += 1;
            }
            continue;
        }
        let c = match c {
            '’' | '‘' | '`' | '´' => '\'',
            c => c,
        };
        // Chinese and Japanese set no spaces between words: each character is compared as a
        // word, so that a draft quoting part of a sentence still aligns with the record.
        if crate::model::is_cjk_ideograph_or_kana(c) {
            flush(&mut word, &mut out);
            out.push(Token::Word(c.to_string()));
            i += 1;
            continue;
        }
        if c.is_alphanumeric()
            || (c == '\'' && !word.is_empty())
            || ((c == '-' || c == '.' || c == ',')
                && !word.is_empty()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()))
        {
            // Keep inner hyphens, decimal points and thousands separators ("cut-rate", "5.6",
            // "1,237"): changing them changes the words.
            word.push(c);
        } else {
            flush(&mut word, &mut out);
        }
        i += 1;
    }
    flush(&mut word, &mut out);
    // A possessive or contraction mark at a word's end is typography too.
    for t in &mut out {
        if let Token::Word(w) = t {
            while w.ends_with('\'') {
                w.pop();
            }
        }
    }
    out
}

/// Whether two words are the same, allowing a different case of the first letter only at the
/// very start of the quotation.
fn same_word(draft: &str, record: &str, first: bool) -> bool {
    if draft == record {
        return true;
    }
    if !first {
        return false;
    }
    let mut d = draft.chars();
    let mut r = record.chars();
    match (d.next(), r.next()) {
        (Some(a), Some(b)) => a.to_lowercase().eq(b.to_lowercase()) && d.as_str() == r.as_str(),
        _ => false,
    }
}

/// Whether the draft's words are a faithful rendering of the record's: the same words in the
/// same order, possibly an excerpt, with elisions skipping any number of words and brackets
/// standing for a few.
fn faithful(draft: &[Token], record: &[Token]) -> bool {
    let record: Vec<&str> = record
        .iter()
        .filter_map(|t| match t {
            Token::Word(w) => Some(w.as_str()),
            _ => None,
        })
        .collect();
    if !draft.iter().any(|t| matches!(t, Token::Word(_))) {
        return false;
    }
    // Memoised search over (position in draft, position in record, whether a gap may stretch).
    let mut failed: HashSet<(usize, usize)> = HashSet::new();
    (0..=record.len()).any(|start| align(draft, 0, &record, start, true, &mut failed))
}

fn align(
    draft: &[Token],
    d: usize,
    record: &[&str],
    r: usize,
    first: bool,
    failed: &mut HashSet<(usize, usize)>,
) -> bool {
    if d == draft.len() {
        return true;
    }
    if failed.contains(&(d, r)) {
        return false;
    }
    let ok = match &draft[d] {
        Token::Word(w) => {
            r < record.len()
                && same_word(w, record[r], first)
                && align(draft, d + 1, record, r + 1, false, failed)
        }
        Token::Elision => {
            (r..=record.len()).any(|next| align(draft, d + 1, record, next, false, failed))
        }
        Token::Bracket(_) => (r..=(r + BRACKET_SPAN).min(record.len()))
            .any(|next| align(draft, d + 1, record, next, false, failed)),
    };
    if !ok {
        failed.insert((d, r));
    }
    ok
}

/// The word diff from the record to the draft, over the part of the record the draft covers,
/// and how much of the draft is found in the record (0 to 1).
fn word_diff(draft: &[Token], record: &[Token]) -> (f64, Vec<DiffPart>) {
    let words = |ts: &[Token]| -> Vec<String> {
        ts.iter()
            .filter_map(|t| match t {
                Token::Word(w) => Some(w.clone()),
                _ => None,
            })
            .collect()
    };
    let d = words(draft);
    let r = words(record);
    if d.is_empty() || r.is_empty() {
        return (0.0, Vec::new());
    }
    let ops = capture_diff_slices(Algorithm::Myers, &r, &d);
    let equal: usize = ops
        .iter()
        .filter(|op| op.tag() == DiffTag::Equal)
        .map(|op| op.new_range().len())
        .sum();
    let similarity = equal as f64 / d.len() as f64;
    // Leave out what the record says before and after the part the draft quotes.
    let mut parts: Vec<DiffPart> = Vec::new();
    let push = |parts: &mut Vec<DiffPart>, op: &'static str, text: String| {
        if let Some(last) = parts.last_mut().filter(|p| p.op == op) {
            last.text.push(' ');
            last.text.push_str(&text);
        } else {
            parts.push(DiffPart { op, text });
        }
    };
    let n = ops.len();
    for (i, op) in ops.iter().enumerate() {
        let edge = i == 0 || i == n - 1;
        let (tag, old, new) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => push(&mut parts, "equal", d[new].join(" ")),
            DiffTag::Delete if edge => {}
            DiffTag::Delete => push(&mut parts, "delete", r[old].join(" ")),
            DiffTag::Insert => push(&mut parts, "insert", d[new].join(" ")),
            DiffTag::Replace => {
                push(&mut parts, "delete", r[old].join(" "));
                push(&mut parts, "insert", d[new].join(" "));
            }
        }
    }
    (similarity, parts)
}

fn describe_diff(diff: &[DiffPart]) -> String {
    let changes: Vec<String> = diff
        .windows(2)
        .filter_map(|w| match (w[0].op, w[1].op) {
            ("delete", "insert") => Some(format!("“{}” became “{}”", w[0].text, w[1].text)),
            _ => None,
        })
        .collect();
    let mut out = changes;
    for (i, part) in diff.iter().enumerate() {
        let paired_before = i > 0 && diff[i - 1].op == "delete" && part.op == "insert";
        let paired_after = diff
            .get(i + 1)
            .is_some_and(|n| part.op == "delete" && n.op == "insert");
        if paired_before || paired_after {
            continue;
        }
        match part.op {
            "delete" => out.push(format!("“{}” left out", part.text)),
            "insert" => out.push(format!("“{}” added", part.text)),
            _ => {}
        }
    }
    out.join("; ")
}

/// What the draft claims against what the record says. Only claims the draft makes are
/// compared: no title named, no title problem.
fn compare_attribution(
    claim: &Attribution,
    record: &Quote,
    records: &mut dyn Records,
) -> crate::Result<Vec<Problem>> {
    let mut problems = Vec::new();
    let mut speaker = records.speaker(&record.speaker)?;
    let who = describe_record(record);
    // A quotation said together ("Jane Roe and John Doe wrote") is rightly given to any of
    // them; the record's title and organization are the first speaker's, so a co-speaker's
    // are read from their own timeline.
    let mut co_speaker = None;
    if let Some(name) = &claim.speaker
        && !same_person(name, &record.speaker, speaker.as_ref())
    {
        for other in &record.co_speakers {
            let found = records.speaker(other)?;
            if same_person(name, other, found.as_ref()) {
                co_speaker = Some(found);
                break;
            }
        }
    }
    if let Some(name) = &claim.speaker
        && co_speaker.is_none()
        && !same_person(name, &record.speaker, speaker.as_ref())
    {
        problems.push(Problem {
            field: Field::Speaker,
            draft: name.clone(),
            record: record.speaker.clone(),
            message: format!("the record has {}, not {name} — {who}", record.speaker),
        });
    }
    let date = record.date();
    let (record_title, record_org) = match co_speaker {
        Some(other) => {
            speaker = other;
            let held = speaker
                .as_ref()
                .and_then(|s| date.and_then(|d| s.affiliation_on(d)));
            (
                held.and_then(|a| a.title.clone()),
                held.and_then(|a| a.organization.clone()),
            )
        }
        None => role_on(record, speaker.as_ref(), date),
    };
    if let Some(title) = &claim.title {
        match &record_title {
            Some(rt) if same_title(title, rt) => {}
            Some(rt) => {
                let later = speaker.as_ref().is_some_and(|s| {
                    s.affiliations
                        .iter()
                        .any(|a| a.title.as_deref().is_some_and(|t| same_title(title, t)))
                });
                let when = date.map(|d| format!(" on {d}")).unwrap_or_default();
                let extra = if later {
                    format!(" ({title} is a title they held at another time)")
                } else {
                    String::new()
                };
                problems.push(Problem {
                    field: Field::Title,
                    draft: title.clone(),
                    record: rt.clone(),
                    message: format!("the record has {rt}{when}, not {title}{extra} — {who}"),
                });
            }
            None => {}
        }
    }
    if let Some(org) = &claim.organization {
        match &record_org {
            Some(ro) if same_organization(org, ro) => {}
            Some(ro) => problems.push(Problem {
                field: Field::Organization,
                draft: org.clone(),
                record: ro.clone(),
                message: format!("the record has {ro}, not {org} — {who}"),
            }),
            None => {}
        }
    }
    if let Some(medium) = claim.medium {
        let told_differs = medium == Medium::Told
            && record.medium == Medium::Told
            && match (&claim.told_to, &record.told_to) {
                (Some(a), Some(b)) => {
                    name_key(a).trim_start_matches("the ") != name_key(b).trim_start_matches("the ")
                }
                _ => false,
            };
        if medium != record.medium || told_differs {
            let draft = medium_phrase(medium, claim.told_to.as_deref());
            let on_record = medium_phrase(record.medium, record.told_to.as_deref());
            problems.push(Problem {
                field: Field::Medium,
                draft: draft.clone(),
                record: on_record.clone(),
                message: format!("the record has “{on_record}”, not “{draft}” — {who}"),
            });
        }
    }
    Ok(problems)
}

/// The title and organization the speaker held when the quote was said: the quote's own, else
/// the timeline's for that date.
fn role_on(
    record: &Quote,
    speaker: Option<&Speaker>,
    date: Option<NaiveDate>,
) -> (Option<String>, Option<String>) {
    let from_timeline = speaker.and_then(|s| date.and_then(|d| s.affiliation_on(d)));
    (
        record
            .title
            .clone()
            .or_else(|| from_timeline.and_then(|a| a.title.clone())),
        record
            .organization
            .clone()
            .or_else(|| from_timeline.and_then(|a| a.organization.clone())),
    )
}

fn medium_phrase(medium: Medium, told_to: Option<&str>) -> String {
    match (medium, told_to) {
        (Medium::Told, Some(to)) => format!("told {to}"),
        (Medium::Said, _) => "said".into(),
        (Medium::Told, None) => "told".into(),
        (Medium::Email, _) => "said in an email".into(),
        (Medium::Statement, _) => "said in a statement".into(),
        (Medium::Interview, _) => "said in an interview".into(),
        (Medium::Speech, _) => "said in a speech".into(),
        (Medium::Post, _) => "posted".into(),
        (Medium::Document, _) => "wrote".into(),
        (Medium::Other, _) => "said".into(),
    }
}

/// "Vijayasimha Alilughatta, chief operating officer of Zensar, told Reuters, 2025-02-26".
pub fn describe_record(q: &Quote) -> String {
    let mut s = q.speaker.clone();
    match (&q.title, &q.organization) {
        (Some(t), Some(o)) => s.push_str(&format!(", {t} of {o}")),
        (Some(t), None) => s.push_str(&format!(", {t}")),
        (None, Some(o)) => s.push_str(&format!(", of {o}")),
        (None, None) => {}
    }
    if !q.co_speakers.is_empty() {
        s.push_str(&format!(", with {}", q.co_speakers.join(", ")));
    }
    s.push_str(&format!(
        ", {}",
        medium_phrase(q.medium, q.told_to.as_deref())
    ));
    if let Some(d) = q.date() {
        s.push_str(&format!(", {d}"));
    }
    s
}

fn same_person(claimed: &str, recorded: &str, speaker: Option<&Speaker>) -> bool {
    let c = name_key(claimed);
    let mut names = vec![name_key(recorded)];
    if let Some(s) = speaker {
        names.extend(s.aliases.iter().map(|a| name_key(a)));
    }
    names
        .iter()
        .any(|n| *n == c || (!c.contains(' ') && n.split(' ').any(|part| part == c)))
}

fn same_title(claimed: &str, recorded: &str) -> bool {
    let c = title_words(claimed);
    let r = title_words(recorded);
    if c.is_empty() || r.is_empty() {
        return true;
    }
    // A shorter claim that is part of the record's title ("partner" of "founder and managing
    // partner") is not wrong.
    c.iter().all(|w| r.contains(w))
}

fn org_key(org: &str) -> Vec<String> {
    const SUFFIXES: &[&str] = &[
        "inc",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "llc",
        "plc",
        "group",
        "holdings",
        "holding",
        "limited",
        "sa",
        "ag",
        "gmbh",
        "the",
    ];
    org.split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !SUFFIXES.contains(&w.as_str()))
        .collect()
}

fn same_organization(claimed: &str, recorded: &str) -> bool {
    let c = org_key(claimed);
    let r = org_key(recorded);
    if c.is_empty() || r.is_empty() {
        return c == r;
    }
    c == r || r.starts_with(&c) || c.starts_with(&r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<Token> {
        tokens(s)
    }

    #[test]
    fn typography_and_first_letter_case_are_allowed() {
        let record =
            t("The launch of DeepSeek’s R2 model could be a pivotal moment in the AI industry");
        assert!(faithful(
            &t("the launch of DeepSeek's R2 model could be a pivotal moment in the AI industry."),
            &record
        ));
        assert!(faithful(&t("could be a pivotal moment"), &record));
        assert!(faithful(&t("Could be a pivotal moment"), &record));
        assert!(!faithful(&t("could be a pivotal Moment"), &record));
        assert!(!faithful(&t("could be a decisive moment"), &record));
    }

    #[test]
    fn elisions_and_brackets() {
        let record = t(
            "would likely spur companies worldwide to accelerate their own efforts breaking the stranglehold of the few dominant players in the field",
        );
        assert!(faithful(
            &t("would likely spur companies … breaking the stranglehold"),
            &record
        ));
        assert!(faithful(
            &t("would likely spur companies ... the few dominant players"),
            &record
        ));
        assert!(faithful(
            &t("would likely spur [firms] to accelerate their own efforts"),
            &record
        ));
        assert!(faithful(
            &t("[It] would likely spur companies worldwide"),
            &record
        ));
        assert!(!faithful(
            &t("would likely spur companies … breaking the monopoly"),
            &record
        ));
        // An elision may not reorder.
        assert!(!faithful(
            &t("breaking the stranglehold … would likely spur"),
            &record
        ));
    }

    #[test]
    fn numbers_and_hyphens_are_words() {
        let record = t("It cost only $5.6 million to create, a cut-rate model");
        assert!(!faithful(
            &t("It cost only $6.5 million to create"),
            &record
        ));
        assert!(faithful(&t("a cut-rate model"), &record));
    }

    #[test]
    fn titles_compare_through_abbreviations() {
        assert!(same_title("COO", "chief operating officer"));
        assert!(same_title("Sen.", "senator"));
        assert!(same_title("former CEO", "chief executive"));
        assert!(same_title("partner", "founder and managing partner"));
        assert!(!same_title("CEO", "chief operating officer"));
        assert!(!same_title("CFO", "chief executive"));
    }

    #[test]
    fn organizations_compare_through_legal_forms() {
        assert!(same_organization("Alibaba Group", "Alibaba"));
        assert!(same_organization("Zensar Technologies", "Zensar"));
        assert!(!same_organization("Alibaba", "Zensar"));
    }

    #[test]
    fn the_diff_names_the_changed_word() {
        let (similarity, diff) = word_diff(
            &t("could be a decisive moment in the AI industry"),
            &t("The launch could be a pivotal moment in the AI industry"),
        );
        assert!(similarity > 0.8);
        assert_eq!(
            diff,
            vec![
                DiffPart {
                    op: "equal",
                    text: "could be a".into()
                },
                DiffPart {
                    op: "delete",
                    text: "pivotal".into()
                },
                DiffPart {
                    op: "insert",
                    text: "decisive".into()
                },
                DiffPart {
                    op: "equal",
                    text: "moment in the AI industry".into()
                },
            ]
        );
        assert_eq!(describe_diff(&diff), "“pivotal” became “decisive”");
    }
}
