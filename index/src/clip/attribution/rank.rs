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
use super::candidates::choices;
use super::perceptron::{FeatureHash, Reader, Rng};
use super::source::SourceTagger;
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

pub(super) const MAGIC: &[u8; 8] = b"ORRANK01";

pub(super) static COMMITTED: LazyLock<Ranker> = LazyLock::new(|| {
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
pub(super) struct Context<'a> {
    pub(super) text: &'a str,
    pub(super) tagged: Tagged,
    pub(super) sentence: Vec<u32>,
    pub(super) paragraph: Vec<u32>,
    pub(super) quoted: Vec<bool>,
    pub(super) cue: Vec<bool>,
    /// PERSON and ORGANIZATION spans outside quotations: (first token, end token, kind), in
    /// order.
    pub(super) entities: Vec<(usize, usize, usize)>,
    /// The first full name (of two words or more) each first and last word of a PERSON
    /// belongs to, as a token range: whom a surname alone means.
    pub(super) full_names: HashMap<&'a str, (usize, usize)>,
}

impl<'a> Context<'a> {
    pub(super) fn new(text: &'a str, quotations: &[Quotation]) -> Self {
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

    pub(super) fn words(&self, start: usize, end: usize) -> &'a str {
        &self.text[self.tagged.tokens[start].start..self.tagged.tokens[end - 1].end]
    }

    pub(super) fn word(&self, i: usize) -> &'a str {
        self.tagged.tokens[i].text(self.text)
    }

    /// The token range of a quotation (its marks included).
    pub(super) fn span_of(&self, q: &Quotation) -> (usize, usize) {
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
    pub(super) fn descriptions_near(&self, qa: usize, qb: usize) -> Vec<(usize, usize, usize)> {
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

    /// The cue the quotation (tokens `qa..qb`) hangs on: the nearest cue word outside
    /// quotations in its sentence (before it) or the sentence it closes (after it).
    pub(super) fn attached_cue(&self, qa: usize, qb: usize) -> Option<usize> {
        let ctx = self;
        let open_sentence = ctx.sentence.get(qa).copied().unwrap_or(0);
        let close_sentence = ctx.sentence.get(qb.saturating_sub(1)).copied().unwrap_or(0);
        let before = (qa.saturating_sub(40)..qa)
            .rev()
            .find(|&k| ctx.cue[k] && !ctx.quoted[k] && ctx.sentence[k] == open_sentence);
        let after = (qb..(qb + 40).min(ctx.cue.len()))
            .find(|&k| ctx.cue[k] && !ctx.quoted[k] && ctx.sentence[k] == close_sentence);
        match (before, after) {
            (Some(b), Some(a)) => Some(if qa - b <= a - qb { b } else { a }),
            (b, a) => b.or(a),
        }
    }

    /// A PERSON named by one word, as the full name the article gave it before.
    pub(super) fn full_name(&self, e: (usize, usize, usize)) -> String {
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
    pub(super) fn entities_within(&self, from: usize, to: usize) -> &[(usize, usize, usize)] {
        let a = self.entities.partition_point(|e| e.0 < from);
        let b = self.entities.partition_point(|e| e.0 < to);
        &self.entities[a..b.max(a)]
    }
}

pub(super) fn bin(n: usize) -> &'static str {
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

pub(super) fn feature(parts: &[&str]) -> u64 {
    let mut h = FeatureHash::new(parts[0]);
    for p in &parts[1..] {
        h = h.with(p);
    }
    h.finish()
}

/// Whether two names are one person: the same, or one the other's surname.
pub(super) fn same_name(a: &str, b: &str) -> bool {
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
pub(super) fn rules_name(a: &Attribution) -> Option<String> {
    a.speaker.clone().or_else(|| {
        a.mention.clone().filter(|m| {
            !["he", "she", "they", "i", "we", "it", "him", "her"]
                .contains(&m.trim().to_lowercase().as_str())
        })
    })
}

/// Features of the quotation itself, for "no one named" and "the previous speaker".
pub(super) fn quotation_shape(text: &str, q: &Quotation) -> Vec<String> {
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

/// The features that say what the rules read (hidden from some training quotations: see
/// [`RankOptions::rule_dropout`]).
pub(super) fn rule_features() -> rustc_hash::FxHashSet<u64> {
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
    instances_with(text, super::source::committed_source())
}

/// [`instances`] with a given source tagger (training reads each article with one that never
/// saw it).
pub fn instances_with(text: &str, source: &SourceTagger) -> Vec<Instance> {
    let (found, rules, _) = super::super::read_quotations(text, super::Carry::SpeakerAndRole);
    choices(text, &found, &rules, source)
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
    let instances = choices(text, quotations, &rules, super::source::committed_source());
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
            // (Those who said it with the rules' speaker stay when the model agrees on them.)
            co_speakers: match rules[n].speaker.as_deref() == Some(c.name.as_str()) {
                true => rules[n].co_speakers.clone(),
                false => Vec::new(),
            },
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
