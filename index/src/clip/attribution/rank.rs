//! The speaker ranker: for each quotation, the people and bodies that may have said it are
//! gathered (the rules' reading, the tagger's PERSON and ORGANIZATION spans in the quotation's
//! paragraph and the one before, the previous quotation's speaker, and "no one named"), each is
//! described by features (side, distance in tokens, same sentence, a cue word next to it or
//! between it and the quotation, others in between, what the rules said), and a conditional
//! logistic regression trained on PolNeAR (`train_attribution`) picks one.
//!
//! The rules stay as one candidate generator among others and as features: where the ranker
//! keeps their choice, their reading (title, organization, medium) stands; where it picks
//! another name, the role the article gave that name elsewhere comes with it.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::Attribution;
use super::perceptron::{FeatureHash, Reader, Rng};
use super::tagger::{Tagged, committed};
use super::tokens::tokenize;
use crate::clip::quotes::Quotation;
use crate::store::name_key;

/// One answer to "who said it".
#[derive(Debug, Clone, Default)]
pub struct Choice {
    /// The full name (or the description of an unnamed source); empty for "no one named".
    pub name: String,
    /// How the text refers to it nearest the quotation.
    pub mention: Option<String>,
    /// The rules' own answer.
    pub from_rules: bool,
    pub features: Vec<u64>,
}

/// The choices for one quotation, with the quotation's byte offsets.
#[derive(Debug, Clone)]
pub struct Instance {
    pub open: usize,
    pub close_end: usize,
    pub choices: Vec<Choice>,
    /// A speaker read from the shape of the words around the quotation, whatever its verb:
    /// given where neither the rules nor the model named anyone.
    pub shape: Option<ShapeReading>,
}

/// Who a quotation's surroundings say spoke, from their shape and the tagger's tags.
#[derive(Debug, Clone)]
pub struct ShapeReading {
    pub name: String,
    pub cue: Option<String>,
    pub medium: Option<crate::model::Medium>,
    pub note: String,
}

/// How much better than the rules' answer another must score to replace it (chosen by
/// cross-validation on PolNeAR train; see docs/QUALITY.md).
pub const OVERRIDE_MARGIN: f32 = 2.0;

/// The same where the rules named no one: how much better a name must score than "no one
/// named" to be given.
pub const OVERRIDE_MARGIN_NONE: f32 = 2.0;

/// A linear model over choices' features (softmax across one quotation's choices).
#[derive(Debug, Clone, Default)]
pub struct Ranker {
    weights: HashMap<u64, f32>,
}

const MAGIC: &[u8; 8] = b"ORRANK01";

static COMMITTED: LazyLock<Ranker> = LazyLock::new(|| {
    Ranker::from_bytes(include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/models/ranker.bin"
    )))
    .expect("the committed ranker model (index/models/ranker.bin) is readable")
});

/// The ranker compiled into the binary.
pub fn committed_ranker() -> &'static Ranker {
    &COMMITTED
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct RankOptions {
    pub epochs: usize,
    pub learning_rate: f64,
    pub l2: f64,
    pub seed: u64,
    /// The share of training quotations whose rules' features are hidden, so that the model
    /// learns what else tells the speaker (the rules were tuned on this very data, and would
    /// otherwise explain everything).
    pub rule_dropout: f64,
}

impl Default for RankOptions {
    fn default() -> Self {
        Self {
            epochs: 15,
            learning_rate: 0.05,
            l2: 1e-5,
            seed: 1,
            rule_dropout: 0.0,
        }
    }
}

impl Ranker {
    pub fn score(&self, c: &Choice) -> f32 {
        c.features
            .iter()
            .map(|f| self.weights.get(f).copied().unwrap_or(0.0))
            .sum()
    }

    /// The index of the best choice (the first on a tie).
    pub fn best(&self, choices: &[Choice]) -> Option<usize> {
        let mut best: Option<(usize, f32)> = None;
        for (i, c) in choices.iter().enumerate() {
            let s = self.score(c);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((i, s));
            }
        }
        best.map(|(i, _)| i)
    }

    /// The choice to take: the best one, unless the rules' own answer scores within `margin`
    /// of it (the rules then keep their reading, title and organization included).
    pub fn decide(&self, choices: &[Choice], margin: f32) -> Option<usize> {
        self.decide_with(choices, margin, margin)
    }

    /// [`Ranker::decide`] with its own margin where the rules named no one.
    pub fn decide_with(&self, choices: &[Choice], margin: f32, margin_none: f32) -> Option<usize> {
        let best = self.best(choices)?;
        match choices.iter().position(|c| c.from_rules) {
            Some(r) => {
                let m = if choices[r].name.is_empty() {
                    margin_none
                } else {
                    margin
                };
                Some(
                    if self.score(&choices[r]) + m >= self.score(&choices[best]) {
                        r
                    } else {
                        best
                    },
                )
            }
            None => Some(best),
        }
    }

    /// Trains on quotations whose right choices are marked (`gold[i][j]`: choice j of
    /// instance i is right); instances with no right choice are skipped.
    pub fn train(instances: &[Instance], gold: &[Vec<bool>], opts: &RankOptions) -> Ranker {
        let mut w: HashMap<u64, f64> = HashMap::default();
        let mut order: Vec<usize> = (0..instances.len())
            .filter(|&i| gold[i].iter().any(|g| *g))
            .collect();
        let mut rng = Rng::new(opts.seed);
        let rules = rule_features();
        let threshold = (opts.rule_dropout.clamp(0.0, 1.0) * u64::MAX as f64) as u64;
        for epoch in 0..opts.epochs {
            rng.shuffle(&mut order);
            let lr = opts.learning_rate / (1.0 + epoch as f64 * 0.2);
            for &i in &order {
                let hide = opts.rule_dropout > 0.0 && rng.next_u64() < threshold;
                let kept: Vec<Vec<u64>>;
                let features: Vec<&[u64]> = if hide {
                    kept = instances[i]
                        .choices
                        .iter()
                        .map(|c| {
                            c.features
                                .iter()
                                .copied()
                                .filter(|f| !rules.contains(f))
                                .collect()
                        })
                        .collect();
                    kept.iter().map(Vec::as_slice).collect()
                } else {
                    instances[i]
                        .choices
                        .iter()
                        .map(|c| c.features.as_slice())
                        .collect()
                };
                let choices = &features;
                let scores: Vec<f64> = choices
                    .iter()
                    .map(|c| c.iter().map(|f| w.get(f).copied().unwrap_or(0.0)).sum())
                    .collect();
                let max = scores.iter().copied().fold(f64::MIN, f64::max);
                let exp: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
                let z: f64 = exp.iter().sum();
                let right = gold[i].iter().filter(|g| **g).count() as f64;
                for (j, c) in choices.iter().enumerate() {
                    // The gradient of the log-likelihood of the right choices (shared
                    // equally when several name the same person).
                    let target = if gold[i][j] { 1.0 / right } else { 0.0 };
                    let g = target - exp[j] / z;
                    if g == 0.0 {
                        continue;
                    }
                    for f in c.iter() {
                        let v = w.entry(*f).or_insert(0.0);
                        *v += lr * (g - opts.l2 * *v);
                    }
                }
            }
        }
        Ranker {
            weights: w
                .into_iter()
                .filter(|(_, v)| v.abs() > 1e-4)
                .map(|(k, v)| (k, v as f32))
                .collect(),
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        let mut keys: Vec<(&u64, &f32)> = self.weights.iter().collect();
        keys.sort_by_key(|(k, _)| **k);
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for (k, v) in keys {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&v.to_le_bytes());
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Ranker> {
        let mut r = Reader::new(bytes);
        if r.take(MAGIC.len())? != MAGIC {
            return None;
        }
        let n = r.u32()? as usize;
        let mut weights = HashMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let k = r.u64()?;
            let v = f32::from_bits(r.u32()?);
            weights.insert(k, v);
        }
        r.done().then_some(Ranker { weights })
    }

    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

/// What the ranker knows of an article's tokens.
struct Context<'a> {
    text: &'a str,
    tagged: Tagged,
    sentence: Vec<u32>,
    paragraph: Vec<u32>,
    quoted: Vec<bool>,
    cue: Vec<bool>,
    /// PERSON and ORGANIZATION spans outside quotations: (first token, end token, kind), in
    /// order.
    entities: Vec<(usize, usize, usize)>,
    /// The first full name (of two words or more) each first and last word of a PERSON
    /// belongs to, as a token range: whom a surname alone means.
    full_names: HashMap<&'a str, (usize, usize)>,
}

impl<'a> Context<'a> {
    fn new(text: &'a str, quotations: &[Quotation]) -> Self {
        let tokens = tokenize(text);
        let n = tokens.len();
        let mut sentence = Vec::with_capacity(n);
        let mut paragraph = Vec::with_capacity(n);
        let (mut s, mut p) = (0u32, 0u32);
        let mut last_end = 0;
        for (i, t) in tokens.iter().enumerate() {
            if i > 0 && t.sentence_start {
                s += 1;
            }
            if text[last_end..t.start].contains('\n') {
                p += 1;
            }
            last_end = t.end;
            sentence.push(s);
            paragraph.push(p);
        }
        // Only the paragraphs the choices are read from are tagged: each quotation's and the
        // one before it (most of a long page holds no quotation).
        let mut needed = vec![false; p as usize + 2];
        for q in quotations {
            let at = tokens
                .partition_point(|t| t.start < q.open)
                .min(n.saturating_sub(1));
            if let Some(&para) = paragraph.get(at) {
                needed[para as usize] = true;
                needed[para.saturating_sub(1) as usize] = true;
            }
        }
        let tagged =
            committed().tag_sentences(text, tokens, |first| needed[paragraph[first] as usize]);
        let mut quoted = vec![false; n];
        let mut qi = 0;
        for (i, t) in tagged.tokens.iter().enumerate() {
            while qi < quotations.len() && quotations[qi].close_end <= t.start {
                qi += 1;
            }
            if let Some(q) = quotations.get(qi) {
                quoted[i] = q.open <= t.start && t.end <= q.close_end;
            }
        }
        let cue = tagged
            .tokens
            .iter()
            .map(|t| {
                let w = t.text(text).to_lowercase();
                super::is_cue_word(&w) || w == "according"
            })
            .collect();
        let entities: Vec<(usize, usize, usize)> = tagged
            .entities()
            .into_iter()
            .filter(|e| e.kind <= 1 && !(e.start..e.end).any(|k| quoted[k]))
            .map(|e| (e.start, e.end, e.kind))
            .collect();
        let mut full_names: HashMap<&'a str, (usize, usize)> = HashMap::default();
        for &(s, t, k) in &entities {
            if k == 0 && t - s > 1 {
                for w in [tagged.tokens[s].text(text), tagged.tokens[t - 1].text(text)] {
                    full_names.entry(w).or_insert((s, t));
                }
            }
        }
        Context {
            full_names,
            text,
            tagged,
            sentence,
            paragraph,
            quoted,
            cue,
            entities,
        }
    }

    fn words(&self, start: usize, end: usize) -> &'a str {
        &self.text[self.tagged.tokens[start].start..self.tagged.tokens[end - 1].end]
    }

    fn word(&self, i: usize) -> &'a str {
        self.tagged.tokens[i].text(self.text)
    }

    /// The token range of a quotation (its marks included).
    fn span_of(&self, q: &Quotation) -> (usize, usize) {
        let toks = &self.tagged.tokens;
        let a = toks.partition_point(|t| t.start < q.open);
        let b = toks.partition_point(|t| t.end <= q.close_end);
        (
            a.min(toks.len().saturating_sub(1)),
            b.max(a + 1).min(toks.len()),
        )
    }

    /// Descriptions of a source right next to a cue word near the quotation (tokens `qa..qb`):
    /// a determiner or possessive pronoun, then nouns and adjectives ending on a common noun
    /// ("the Vermont senator", "a White House aide"), as (start, end, cue token).
    fn descriptions_near(&self, qa: usize, qb: usize) -> Vec<(usize, usize, usize)> {
        const DETERMINERS: &[&str] = &[
            "the", "a", "an", "his", "her", "their", "its", "another", "one", "some",
        ];
        let nominal = |k: usize| {
            matches!(
                self.tagged.pos[k],
                "NN" | "NNS" | "NNP" | "NNPS" | "JJ" | "CD" | "VBN" | "POS" | "HYPH"
            ) && !self.quoted[k]
        };
        let common_noun = |k: usize| matches!(self.tagged.pos[k], "NN" | "NNS");
        let determiner = |k: usize| {
            !self.quoted[k] && DETERMINERS.contains(&self.word(k).to_lowercase().as_str())
        };
        let n = self.tagged.tokens.len();
        let para = self.paragraph.get(qa).copied().unwrap_or(0);
        let mut out = Vec::new();
        let from = qa.saturating_sub(12);
        let to = (qb + 12).min(n);
        for k in (from..qa).chain(qb..to) {
            if !self.cue[k] || self.quoted[k] || self.paragraph[k] != para {
                continue;
            }
            // After the cue: "said the senator".
            if k + 1 < n && determiner(k + 1) {
                let mut e = k + 2;
                while e < n && e < k + 8 && nominal(e) {
                    e += 1;
                }
                if e > k + 2 && common_noun(e - 1) {
                    out.push((k + 1, e, k));
                }
            }
            // Before it: "the senator said".
            let mut s = k;
            while s > 0 && s + 7 > k && nominal(s - 1) {
                s -= 1;
            }
            if s < k && s > 0 && determiner(s - 1) && common_noun(k - 1) {
                out.push((s - 1, k, k));
            }
        }
        out
    }

    /// A PERSON named by one word, as the full name the article gave it before.
    fn full_name(&self, e: (usize, usize, usize)) -> String {
        let name = self.words(e.0, e.1);
        if e.1 - e.0 > 1 || e.2 != 0 {
            return name.to_owned();
        }
        match self.full_names.get(name) {
            Some(&(start, end)) if start < e.0 => self.words(start, end).to_owned(),
            _ => name.to_owned(),
        }
    }

    /// The entities (outside quotations) whose tokens lie within `from..to`.
    fn entities_within(&self, from: usize, to: usize) -> &[(usize, usize, usize)] {
        let a = self.entities.partition_point(|e| e.0 < from);
        let b = self.entities.partition_point(|e| e.0 < to);
        &self.entities[a..b.max(a)]
    }
}

fn bin(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        11..=20 => "11-20",
        21..=40 => "21-40",
        _ => "41+",
    }
}

fn feature(parts: &[&str]) -> u64 {
    let mut h = FeatureHash::new(parts[0]);
    for p in &parts[1..] {
        h = h.with(p);
    }
    h.finish()
}

/// Whether two names are one person: the same, or one the other's surname.
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (name_key(a), name_key(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a == b
        || a.rsplit(' ').next() == Some(b.as_str())
        || b.rsplit(' ').next() == Some(a.as_str())
        || a.ends_with(&format!(" {b}"))
        || b.ends_with(&format!(" {a}"))
}

/// Who the rules say spoke: the name, or an unnamed source's description.
fn rules_name(a: &Attribution) -> Option<String> {
    a.speaker.clone().or_else(|| {
        a.mention.clone().filter(|m| {
            !["he", "she", "they", "i", "we", "it", "him", "her"]
                .contains(&m.trim().to_lowercase().as_str())
        })
    })
}

/// Features of the quotation itself, for "no one named" and "the previous speaker".
fn quotation_shape(text: &str, q: &Quotation) -> Vec<String> {
    let words = q.text.split_whitespace().count();
    let first = q.text.chars().find(|c| c.is_alphanumeric());
    // (Only the characters next to the marks are read: a paragraph may be the whole text.)
    let before = text[..q.open].trim_end_matches([' ', '\t', '\u{a0}']);
    let after = text[q.close_end..].trim_start_matches([' ', '\t', '\u{a0}']);
    let own_paragraph = (before.is_empty() || before.ends_with('\n'))
        && (after.is_empty() || after.starts_with('\n'));
    let inside_narration = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric())
        && after.chars().next().is_some_and(|c| c.is_lowercase());
    vec![
        format!("words {}", bin(words)),
        format!("lower start {}", first.is_some_and(char::is_lowercase)),
        format!(
            "ends {}",
            match q.text.trim_end().chars().next_back() {
                Some('.' | '!' | '?') => "stop",
                Some(',') => "comma",
                _ => "word",
            }
        ),
        format!("own paragraph {own_paragraph}"),
        format!("inside narration {inside_narration}"),
    ]
}

/// The choices for every quotation of an article, given the rules' readings.
fn choices(text: &str, quotations: &[Quotation], rules: &[Attribution]) -> Vec<Instance> {
    let ctx = Context::new(text, quotations);
    let mut out = Vec::with_capacity(quotations.len());
    for (n, q) in quotations.iter().enumerate() {
        let rule = &rules[n];
        let (qa, qb) = ctx.span_of(q);
        let para = ctx.paragraph.get(qa).copied().unwrap_or(0);
        let open_sentence = ctx.sentence.get(qa).copied().unwrap_or(0);
        let close_sentence = ctx.sentence.get(qb.saturating_sub(1)).copied().unwrap_or(0);
        let mut list: Vec<Choice> = Vec::new();
        // Entity mentions near the quotation, nearest first per name.
        let mut mentions: Vec<((usize, usize, usize), usize, bool)> = ctx
            .entities_within(qa.saturating_sub(90), qb + 41)
            .iter()
            .filter(|e| {
                let p = ctx.paragraph[e.0];
                (p == para || p + 1 == para)
                    && ((e.1 <= qa && qa - e.1 <= 80) || (e.0 >= qb && e.0 - qb <= 40))
            })
            .map(|&e| {
                let before = e.1 <= qa;
                let dist = if before { qa - e.1 } else { e.0 - qb };
                (e, dist, before)
            })
            .collect();
        mentions.sort_by_key(|m| (m.1, !m.2));
        // The cue the quotation hangs on: the nearest cue word outside quotations in its
        // sentence (before it) or the sentence it closes (after it).
        let attached = {
            let before = (qa.saturating_sub(40)..qa)
                .rev()
                .find(|&k| ctx.cue[k] && !ctx.quoted[k] && ctx.sentence[k] == open_sentence);
            let after = (qb..(qb + 40).min(ctx.cue.len()))
                .find(|&k| ctx.cue[k] && !ctx.quoted[k] && ctx.sentence[k] == close_sentence);
            match (before, after) {
                (Some(b), Some(a)) => Some(if qa - b <= a - qb { b } else { a }),
                (b, a) => b.or(a),
            }
        };
        // The entity nearest that cue.
        let nearest_to_cue = attached.and_then(|k| {
            mentions.iter().map(|m| m.0).min_by_key(|e| {
                if e.1 <= k {
                    k - e.1
                } else {
                    e.0.saturating_sub(k)
                }
            })
        });
        let mut rank_before = 0;
        let mut rank_after = 0;
        for &(e, dist, before) in &mentions {
            let rank = if before {
                rank_before += 1;
                rank_before
            } else {
                rank_after += 1;
                rank_after
            };
            let name = ctx.full_name(e);
            if let Some(c) = list.iter_mut().find(|c| same_name(&c.name, &name)) {
                c.features.push(feature(&["again"]));
                continue;
            }
            let side = if before { "before" } else { "after" };
            let kind = if e.2 == 0 { "PERSON" } else { "ORG" };
            let mut fs = vec![
                feature(&["entity", kind]),
                feature(&["side,dist", side, bin(dist)]),
                feature(&["kind,side", kind, side]),
                feature(&["rank", side, bin(rank)]),
                feature(&["len", bin(e.1 - e.0)]),
                feature(&["resolved", if name.contains(' ') { "full" } else { "one" }]),
            ];
            let s = ctx.sentence[e.0];
            let same = if before {
                s == open_sentence
            } else {
                s == close_sentence
            };
            fs.push(feature(&[
                "same sentence",
                side,
                if same { "y" } else { "n" },
            ]));
            fs.push(feature(&[
                "paragraph",
                if ctx.paragraph[e.0] == para {
                    "same"
                } else {
                    "previous"
                },
            ]));
            // Cue words next to the mention and between it and the quotation.
            let near = |from: usize, to: usize| (from..to).any(|k| ctx.cue[k] && !ctx.quoted[k]);
            let left = near(e.0.saturating_sub(3), e.0);
            let right = near(e.1, (e.1 + 3).min(ctx.cue.len()));
            let (gap_from, gap_to) = if before { (e.1, qa) } else { (qb, e.0) };
            let between = near(gap_from, gap_to);
            let others = ctx
                .entities_within(gap_from, gap_to)
                .iter()
                .filter(|o| o.2 == 0 && o.0 >= gap_from && o.1 <= gap_to)
                .count();
            let flag = |b: bool| if b { "y" } else { "n" };
            fs.push(feature(&["cue left", side, flag(left)]));
            fs.push(feature(&["cue right", side, flag(right)]));
            fs.push(feature(&["cue between", side, flag(between)]));
            fs.push(feature(&["people between", side, bin(others)]));
            fs.push(feature(&[
                "cue,same",
                side,
                flag(left || right),
                flag(same),
            ]));
            fs.push(feature(&[
                "sentence start",
                flag(ctx.tagged.tokens[e.0].sentence_start),
            ]));
            match attached {
                Some(k) => {
                    let (to_cue, cue_side) = if e.1 <= k {
                        (k - e.1, "cue after")
                    } else {
                        (e.0.saturating_sub(k + 1), "cue before")
                    };
                    let nearest = flag(nearest_to_cue == Some(e));
                    fs.push(feature(&["to cue", cue_side, bin(to_cue)]));
                    fs.push(feature(&["nearest to cue", nearest]));
                    fs.push(feature(&["nearest to cue, kind", nearest, kind]));
                    fs.push(feature(&["cue adjacent", flag(to_cue == 0)]));
                    // A pronoun between the name and the cue is the cue's subject ("When
                    // Jeffries mentioned it to me, I laughed and said").
                    let (a, b) = if e.1 <= k { (e.1, k) } else { (k + 1, e.0) };
                    let pronoun = (a..b).find_map(|t| match ctx.word(t).to_lowercase().as_str() {
                        "i" | "we" => Some("first"),
                        "he" | "she" | "they" => Some("third"),
                        _ => None,
                    });
                    fs.push(feature(&["pronoun before cue", pronoun.unwrap_or("none")]));
                }
                None => fs.push(feature(&["no cue attached", side, bin(dist)])),
            }
            // The shapes of an attribution whatever its verb: “…,” VERB Name / “…,” Name VERB
            // before the sentence ends (a verb no cue list holds: "hedged", "ventured").
            let verb = |k: usize| {
                ctx.tagged
                    .pos
                    .get(k)
                    .is_some_and(|p| matches!(*p, "VBD" | "VBZ" | "VBP"))
            };
            let gap_words: Vec<usize> = (gap_from..gap_to)
                .filter(|&k| ctx.word(k).chars().any(char::is_alphanumeric))
                .collect();
            let shape = match (before, gap_words.as_slice()) {
                (false, [v]) if verb(*v) => "quote verb name",
                (false, []) if verb(e.1) => "quote name verb",
                (true, [v]) if verb(*v) => "name verb quote",
                (true, []) => "name quote",
                _ => "other",
            };
            fs.push(feature(&["attribution shape", shape]));
            let prev_word = e.0.checked_sub(1).map_or("<s>", |k| ctx.word(k));
            let next_word = ctx.tagged.tokens.get(e.1).map_or("</s>", |t| t.text(text));
            fs.push(feature(&["prev word", &prev_word.to_lowercase()]));
            fs.push(feature(&["next word", &next_word.to_lowercase()]));
            fs.push(feature(&[
                "next pos",
                ctx.tagged.pos.get(e.1).copied().unwrap_or("</s>"),
            ]));
            fs.push(feature(&[
                "prev pos",
                e.0.checked_sub(1).map_or("<s>", |k| ctx.tagged.pos[k]),
            ]));
            list.push(Choice {
                name,
                mention: Some(ctx.words(e.0, e.1).to_owned()),
                from_rules: false,
                features: fs,
            });
        }
        // Someone's described by what they are to a name: "Hillary Clinton’s right-hand
        // woman", "Trump's campaign manager" (an unnamed source, beside the name itself).
        for &(e, dist, before) in &mentions {
            let n = ctx.tagged.tokens.len();
            if ctx.tagged.pos.get(e.1) != Some(&"POS") {
                continue;
            }
            let mut end = e.1 + 1;
            while end < n
                && end < e.1 + 6
                && !ctx.quoted[end]
                && matches!(ctx.tagged.pos[end], "JJ" | "NN" | "NNS" | "HYPH" | "VBN")
            {
                end += 1;
            }
            if end == e.1 + 1 || !matches!(ctx.tagged.pos[end - 1], "NN" | "NNS") {
                continue;
            }
            let mention = ctx.words(e.0, end).to_owned();
            let side = if before { "before" } else { "after" };
            let cue_next = ctx.cue.get(end).copied().unwrap_or(false)
                || e.0.checked_sub(1).is_some_and(|k| ctx.cue[k]);
            list.push(Choice {
                name: mention.clone(),
                mention: Some(mention),
                from_rules: false,
                features: vec![
                    feature(&["possessive description", side, bin(dist)]),
                    feature(&[
                        "possessive description, cue next",
                        if cue_next { "y" } else { "n" },
                    ]),
                    feature(&["description head", &ctx.word(end - 1).to_lowercase()]),
                ],
            });
        }
        // Descriptions next to a cue: "the Vermont senator said", "said a White House aide".
        for (start, end, k) in ctx.descriptions_near(qa, qb) {
            let mention = ctx.words(start, end).to_owned();
            if list.iter().any(|c| c.mention.as_deref() == Some(&mention)) {
                continue;
            }
            let before = end <= qa;
            let side = if before { "before" } else { "after" };
            let dist = if before {
                qa - end
            } else {
                start.saturating_sub(qb)
            };
            let head = ctx.word(end - 1).to_lowercase();
            list.push(Choice {
                name: mention.clone(),
                mention: Some(mention),
                from_rules: false,
                features: vec![
                    feature(&["description", side, bin(dist)]),
                    feature(&["description head", &head]),
                    feature(&[
                        "description cue",
                        if k < start { "before" } else { "after" },
                    ]),
                    feature(&["description det", &ctx.word(start).to_lowercase()]),
                ],
            });
        }
        // What the quotation looks like: how long, how it starts and ends, whether it is a
        // paragraph of its own or sits inside narration.
        let shape = quotation_shape(text, q);
        // The rules' reading.
        if let Some(name) = rules_name(rule) {
            let kind = if rule.speaker.is_some() {
                "named"
            } else {
                "described"
            };
            let how = rule.note.as_deref().map_or("direct", |note| {
                if note.starts_with("continues") {
                    "continues"
                } else if note.contains("resolved") {
                    "resolved"
                } else {
                    "other"
                }
            });
            let extra = [
                feature(&["rules", kind]),
                feature(&["rules how", how]),
                feature(&["rules cue", if rule.cue.is_some() { "y" } else { "n" }]),
            ];
            let same_mention = |c: &Choice| {
                c.mention
                    .as_deref()
                    .zip(rule.mention.as_deref())
                    .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
            };
            match list
                .iter_mut()
                .find(|c| same_name(&c.name, &name) || same_mention(c))
            {
                Some(c) => {
                    c.from_rules = true;
                    c.name = name;
                    if rule.mention.is_some() {
                        c.mention = rule.mention.clone();
                    }
                    c.features.extend(extra);
                    c.features.push(feature(&["rules and entity"]));
                }
                None => list.push(Choice {
                    name,
                    mention: rule.mention.clone(),
                    from_rules: true,
                    features: extra
                        .into_iter()
                        .chain([feature(&["rules alone"])])
                        .collect(),
                }),
            }
        }
        // The previous quotation's speaker, as the rules read it.
        if let Some(prev) = n.checked_sub(1).and_then(|p| rules_name(&rules[p])) {
            let prev_q = &quotations[n - 1];
            let gap = &text[prev_q.close_end.min(q.open)..q.open];
            let adjacent = if !gap.contains('\n') {
                "same paragraph"
            } else if gap.matches('\n').count() <= 2 {
                "next paragraph"
            } else {
                "further"
            };
            let fs: Vec<u64> = std::iter::once(feature(&["previous", adjacent]))
                .chain(
                    shape
                        .iter()
                        .map(|f| feature(&["previous, quotation", adjacent, f])),
                )
                .collect();
            match list.iter_mut().find(|c| same_name(&c.name, &prev)) {
                Some(c) => c.features.extend(fs),
                None => list.push(Choice {
                    name: prev,
                    mention: None,
                    from_rules: false,
                    features: fs
                        .into_iter()
                        .chain([feature(&["previous alone"])])
                        .collect(),
                }),
            }
        }
        // No one named.
        let any_cue = (qa.saturating_sub(6)..(qb + 6).min(ctx.cue.len()))
            .any(|k| ctx.cue[k] && !ctx.quoted[k]);
        list.push(Choice {
            name: String::new(),
            mention: None,
            from_rules: rules_name(rule).is_none(),
            features: vec![
                feature(&["none"]),
                feature(&["none, cue near", if any_cue { "y" } else { "n" }]),
                feature(&[
                    "none, rules",
                    if rules_name(rule).is_some() {
                        "named"
                    } else {
                        "none"
                    },
                ]),
                feature(&["none, choices", bin(list.len())]),
            ]
            .into_iter()
            .chain(shape.iter().map(|f| feature(&["none, quotation", f])))
            .collect(),
        });
        for c in &mut list {
            c.features.push(feature(&["bias"]));
        }
        out.push(Instance {
            open: q.open,
            close_end: q.close_end,
            choices: list,
            shape: shape_reading(&ctx, q, (qa, qb), attached.is_some()),
        });
    }
    out
}

/// A speaker the words around a quotation give by their shape alone:
///
/// - a verb no list holds, and a name, right after a quotation that breaks off at a comma
///   ("“…,” hedged Pavel Novak"; "“…,” Novak hedged");
/// - a name and a social network as the quotation's label ("Tomas Reyes, on X: “…”");
/// - a quotation that is a sentence of its own closing a paragraph, with no verb of saying,
///   after a sentence about someone ("Greta Holm spoke last. She had been quiet all evening.
///   “I have seen this movie before.”").
fn shape_reading(
    ctx: &Context<'_>,
    q: &Quotation,
    (qa, qb): (usize, usize),
    cue_attached: bool,
) -> Option<ShapeReading> {
    let text = ctx.text;
    let n = ctx.tagged.tokens.len();
    let person_at = |k: usize| ctx.entities.iter().find(|e| e.0 == k && e.2 == 0).copied();
    let verb = |k: usize| k < n && !ctx.quoted[k] && matches!(ctx.tagged.pos[k], "VBD" | "VBZ");
    let inner = text[q.open..q.close_end].trim_end_matches(['”', '"', '’', '\'', '»', ' ']);
    let breaks_off = inner.ends_with([',', '?', '!', '—']);
    if breaks_off && qb < n && ctx.paragraph[qb] == ctx.paragraph[qa] {
        if verb(qb)
            && let Some(e) = person_at(qb + 1)
        {
            return Some(ShapeReading {
                name: ctx.full_name(e),
                cue: Some(ctx.word(qb).to_lowercase()),
                medium: None,
                note: format!("read from the shape “…,” {} Name", ctx.word(qb)),
            });
        }
        if let Some(e) = person_at(qb)
            && verb(e.1)
        {
            return Some(ShapeReading {
                name: ctx.full_name(e),
                cue: Some(ctx.word(e.1).to_lowercase()),
                medium: None,
                note: format!("read from the shape “…,” Name {}", ctx.word(e.1)),
            });
        }
    }
    let line_start = text[..q.open].rfind('\n').map_or(0, |i| i + 1);
    let label = &text[line_start..q.open];
    static LABEL: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"^\s*(?P<name>\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){1,3}),?\s+(?:on|via)\s+(?P<network>X|Twitter|Facebook|Instagram|TikTok|Threads|Bluesky|LinkedIn|Truth Social|YouTube|Mastodon|Telegram|Weibo)\s*:\s*$",
        )
        .expect("valid regex")
    });
    if let Some(c) = LABEL.captures(label) {
        return Some(ShapeReading {
            name: c["name"].to_owned(),
            cue: None,
            medium: Some(crate::model::Medium::Post),
            note: format!("posted on {}, as its label says", &c["network"]),
        });
    }
    let own_sentence = ctx.tagged.tokens[qa].sentence_start && inner.ends_with(['.', '!', '?']);
    if !own_sentence || cue_attached {
        return None;
    }
    // A sentence of its own that opens its paragraph, and the next sentence names the one
    // who said it ("“We will not close a single school.” The promise came from Mayor Ada
    // Finch"): the first person that sentence names, within its first words.
    let opens_paragraph = qa == 0 || ctx.paragraph[qa - 1] != ctx.paragraph[qa];
    if opens_paragraph && qb < n && ctx.paragraph[qb] == ctx.paragraph[qa] {
        let next = ctx.sentence[qb];
        if let Some(e) = ctx
            .entities
            .iter()
            .find(|e| e.0 >= qb && e.0 < qb + 12 && e.2 == 0)
            .filter(|e| ctx.sentence[e.0] == next && !(qb..e.0).any(|k| ctx.quoted[k]))
        {
            return Some(ShapeReading {
                name: ctx.full_name(*e),
                cue: None,
                medium: None,
                note: "no verb of saying: the person the next sentence names".to_owned(),
            });
        }
    }
    // A sentence of its own that closes its paragraph, with no verb of saying near it.
    let closes_paragraph = text[q.close_end..]
        .split('\n')
        .next()
        .is_some_and(|rest| rest.trim().is_empty());
    if !closes_paragraph || qa == 0 {
        return None;
    }
    // The sentence before it, in its paragraph: about a person named at its start, or
    // "he"/"she" for the person named last.
    let para = ctx.paragraph[qa];
    let prev_sentence = ctx.sentence[qa - 1];
    if ctx.paragraph[qa - 1] != para || prev_sentence == ctx.sentence[qa] {
        return None;
    }
    let start = (0..qa)
        .rev()
        .take_while(|&k| ctx.sentence[k] == prev_sentence)
        .last()?;
    let subject = match ctx.word(start).to_lowercase().as_str() {
        "he" | "she" => ctx
            .entities
            .iter()
            .rev()
            .find(|e| e.1 <= start && e.2 == 0 && ctx.paragraph[e.0] + 1 >= para)
            .copied(),
        _ => person_at(start),
    }?;
    Some(ShapeReading {
        name: ctx.full_name(subject),
        cue: None,
        medium: None,
        note: "no verb of saying: the person the sentence before is about".to_owned(),
    })
}

/// The features that say what the rules read (hidden from some training quotations: see
/// [`RankOptions::rule_dropout`]).
fn rule_features() -> rustc_hash::FxHashSet<u64> {
    let mut out = rustc_hash::FxHashSet::default();
    for kind in ["named", "described"] {
        out.insert(feature(&["rules", kind]));
    }
    for how in ["direct", "continues", "resolved", "other"] {
        out.insert(feature(&["rules how", how]));
    }
    for flag in ["y", "n"] {
        out.insert(feature(&["rules cue", flag]));
    }
    out.insert(feature(&["rules and entity"]));
    out.insert(feature(&["rules alone"]));
    for r in ["named", "none"] {
        out.insert(feature(&["none, rules", r]));
    }
    out
}

/// The ranker's instances for a whole text, read as clipping reads it (for training and
/// evaluation).
pub fn instances(text: &str) -> Vec<Instance> {
    let (found, rules, _) = super::super::read_quotations(text, super::Carry::SpeakerAndRole);
    choices(text, &found, &rules)
}

/// The rules' readings with the speaker the ranker chooses: the rules' whole reading where it
/// picks their answer, else the chosen name, with the title and organization the rules gave
/// that name elsewhere in the text.
pub fn rerank(
    ranker: &Ranker,
    text: &str,
    quotations: &[Quotation],
    rules: Vec<Attribution>,
) -> Vec<Attribution> {
    if quotations.is_empty() || ranker.is_empty() {
        return rules;
    }
    let instances = choices(text, quotations, &rules);
    // Who the rules gave a role, by name and by surname (the first time).
    let mut roles: HashMap<String, usize> = HashMap::default();
    for (i, a) in rules.iter().enumerate() {
        if let Some(s) = a.speaker.as_deref()
            && (a.title.is_some() || a.organization.is_some())
        {
            let key = name_key(s);
            if let Some(last) = key.rsplit(' ').next() {
                roles.entry(last.to_owned()).or_insert(i);
            }
            roles.entry(key).or_insert(i);
        }
    }
    let mut out = rules.clone();
    for (n, inst) in instances.iter().enumerate() {
        // Where no one is named, the shape of the words may name someone.
        let fill = |a: &mut Attribution| {
            if a.speaker.is_none()
                && a.mention.is_none()
                && let Some(shape) = &inst.shape
            {
                let known = roles
                    .get(name_key(&shape.name).as_str())
                    .map(|&i| &rules[i]);
                a.speaker = Some(shape.name.clone());
                a.mention = Some(shape.name.clone());
                a.cue = shape.cue.clone().or(a.cue.take());
                a.medium = shape.medium.or(a.medium);
                a.title = known.and_then(|k| k.title.clone());
                a.organization = known.and_then(|k| k.organization.clone());
                a.note = Some(shape.note.clone());
            }
        };
        let Some(best) = ranker.decide_with(&inst.choices, OVERRIDE_MARGIN, OVERRIDE_MARGIN_NONE)
        else {
            fill(&mut out[n]);
            continue;
        };
        let c = &inst.choices[best];
        if c.from_rules {
            fill(&mut out[n]);
            continue;
        }
        let known = roles.get(name_key(&c.name).as_str()).map(|&i| &rules[i]);
        out[n] = Attribution {
            speaker: Some(c.name.clone()).filter(|s| !s.is_empty()),
            mention: c
                .mention
                .clone()
                .or_else(|| Some(c.name.clone()))
                .filter(|s| !s.is_empty()),
            title: known.and_then(|a| a.title.clone()),
            organization: known.and_then(|a| a.organization.clone()),
            organization_description: known.and_then(|a| a.organization_description.clone()),
            medium: rules[n].medium,
            told_to: rules[n].told_to.clone(),
            cue: rules[n].cue.clone(),
            note: Some(match c.name.is_empty() {
                true => "no speaker: the model found no one named for this quotation".to_owned(),
                false => format!(
                    "speaker chosen by the model among {} candidates",
                    inst.choices.len()
                ),
            }),
        };
        fill(&mut out[n]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tiny_ranker_learns_to_prefer_the_name_next_to_the_cue_and_round_trips() {
        // Articles where the speaker follows "said" right after the quotation, with another
        // person named before it.
        let texts = [
            "Anna Berg met Tom Reyes on Monday.\n“We will build the bridge,” said Tom Reyes.",
            "Paul Stone met Rita Moore in March.\n“Taxes are too high,” said Rita Moore.",
            "Carl Lund saw Ivan Petrov last week.\n“The river is rising,” said Ivan Petrov.",
        ];
        let speakers = ["Tom Reyes", "Rita Moore", "Ivan Petrov"];
        let mut instances = Vec::new();
        let mut gold = Vec::new();
        for (text, speaker) in texts.iter().zip(speakers) {
            for inst in instances_of(text) {
                gold.push(
                    inst.choices
                        .iter()
                        .map(|c| c.name == speaker)
                        .collect::<Vec<_>>(),
                );
                instances.push(inst);
            }
        }
        assert!(
            gold.iter().all(|g| g.iter().any(|r| *r)),
            "the speaker is a candidate"
        );
        let ranker = Ranker::train(&instances, &gold, &RankOptions::default());
        let unseen = instances_of(
            "Lena Voss met Omar Haddad at noon.\n“The budget is late,” said Omar Haddad.",
        );
        let best = ranker.best(&unseen[0].choices).unwrap();
        assert_eq!(unseen[0].choices[best].name, "Omar Haddad");
        let bytes = ranker.to_bytes();
        assert_eq!(Ranker::from_bytes(&bytes).unwrap().to_bytes(), bytes);
        assert_eq!(
            Ranker::train(&instances, &gold, &RankOptions::default()).to_bytes(),
            bytes,
            "training is deterministic"
        );
    }

    fn instances_of(text: &str) -> Vec<Instance> {
        instances(text)
    }

    #[test]
    fn the_committed_ranker_loads_and_keeps_a_plain_attribution() {
        assert!(committed_ranker().len() > 100);
        let text = "Jane Roe, the mayor of Springfield, spoke on Monday.\n\
                    “We will fix the roads before winter,” Roe said.";
        let (found, rules, _) =
            crate::clip::read_quotations(text, super::super::Carry::SpeakerAndRole);
        let read = rerank(committed_ranker(), text, &found, rules);
        assert_eq!(read[0].speaker.as_deref(), Some("Jane Roe"));
    }
}
