//! The source tagger: for one quotation, which tokens around it are its speaker's mention,
//! tagged B/I/O by a greedy averaged perceptron trained on PolNeAR's Source spans of direct
//! quotations (`train_attribution`).
//!
//! It reads the quotation's paragraph and the one before (at most 80 tokens before the
//! quotation and 40 after), token by token, with features that do not depend on the cue lists
//! alone: the word and its tags, side and distance, the sentence and clause it sits in, the cue
//! the quotation hangs on and where the token is relative to it, and the labels before it. Its
//! spans are candidates for the ranker (a speaker behind a long descriptor, a description no
//! pattern knows, a pronoun), and a feature of the candidates it agrees with.

use std::ops::Range;
use std::sync::LazyLock;

use super::perceptron::{Perceptron, Reader, Rng, Trainer};
use super::rank::{Context, bin, feature};
use crate::clip::quotes::Quotation;

/// O, B and I: outside, first token and inside of the speaker's mention.
const CLASSES: [&str; 3] = ["O", "B", "I"];
const MAGIC: &[u8; 8] = b"ORSRC001";
/// Tokens read before the quotation, and after it.
const BEFORE: usize = 80;
const AFTER: usize = 40;

/// The trained source tagger.
#[derive(Debug, Clone)]
pub struct SourceTagger {
    model: Option<Perceptron>,
}

static COMMITTED: LazyLock<SourceTagger> = LazyLock::new(|| {
    SourceTagger::from_bytes(include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/models/source.bin"
    )))
    .expect("the committed source tagger (index/models/source.bin) is readable")
});

/// The source tagger compiled into the binary.
pub fn committed_source() -> &'static SourceTagger {
    &COMMITTED
}

/// One quotation's window of tokens, with each token's features (the ones that do not depend
/// on the labels before it).
#[derive(Debug, Clone)]
pub struct SourceSeq {
    /// The quotation's byte offsets in its text.
    pub open: usize,
    pub close_end: usize,
    /// Each window token's byte range.
    pub tokens: Vec<Range<usize>>,
    /// Each window token's index in the article's tokens.
    pub(super) at: Vec<usize>,
    /// Tokens inside a quotation: never part of a source.
    quoted: Vec<bool>,
    features: Vec<Vec<u64>>,
    /// Each token's part of speech (for the label features).
    pos: Vec<&'static str>,
}

/// A span the tagger found, as a window token range (how strongly its first token opened it
/// is in [`SourceReading::opens`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SourceSpan {
    pub start: usize,
    pub end: usize,
}

/// What the tagger read in one window.
#[derive(Debug, Clone)]
pub struct SourceReading {
    pub spans: Vec<SourceSpan>,
    /// Per window token: the score of B over the best other label (`f32::MIN` where nothing
    /// was scored).
    pub opens: Vec<f32>,
}

impl SourceReading {
    /// The strongest opening among the window tokens at article tokens `from..to`.
    pub(super) fn opening(&self, seq: &SourceSeq, from: usize, to: usize) -> f32 {
        seq.at
            .iter()
            .zip(&self.opens)
            .filter(|(k, _)| (from..to).contains(*k))
            .map(|(_, m)| *m)
            .fold(f32::MIN, f32::max)
    }
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct SourceOptions {
    pub epochs: usize,
    pub seed: u64,
    pub min_weight: f32,
}

impl Default for SourceOptions {
    fn default() -> Self {
        Self {
            epochs: 6,
            seed: 1,
            min_weight: 0.05,
        }
    }
}

impl SourceSeq {
    /// Gold labels for a source at bytes `source` (`None`: the quotation has none), or `None`
    /// when the source lies outside the window or inside a quotation (nothing to learn).
    pub fn labels_for(&self, source: Option<Range<usize>>) -> Option<Vec<u8>> {
        let mut labels = vec![0u8; self.tokens.len()];
        let Some(src) = source else {
            return Some(labels);
        };
        let mut any = false;
        for (i, t) in self.tokens.iter().enumerate() {
            if t.start < src.end && src.start < t.end && !self.quoted[i] {
                labels[i] = if any && labels[i - 1] != 0 { 2 } else { 1 };
                any = true;
            }
        }
        any.then_some(labels)
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

/// The source windows of every quotation clipping finds in `text` (for training and scoring).
pub fn sequences(text: &str) -> Vec<SourceSeq> {
    let (found, _, _) = crate::clip::read_quotations(text, super::Carry::SpeakerAndRole);
    let ctx = Context::new(text, &found);
    found.iter().map(|q| sequence(&ctx, q)).collect()
}

/// One quotation's window and features.
pub(super) fn sequence(ctx: &Context<'_>, q: &Quotation) -> SourceSeq {
    let (qa, qb) = ctx.span_of(q);
    let n = ctx.tagged.tokens.len();
    let para = ctx.paragraph.get(qa).copied().unwrap_or(0);
    let mut from = qa;
    while from > 0 && qa - from < BEFORE && ctx.paragraph[from - 1] + 1 >= para {
        from -= 1;
    }
    let mut to = qb;
    while to < n && to - qb < AFTER && ctx.paragraph[to] == para {
        to += 1;
    }
    let attached = ctx.attached_cue(qa, qb);
    let open_sentence = ctx.sentence.get(qa).copied().unwrap_or(0);
    let close_sentence = ctx.sentence.get(qb.saturating_sub(1)).copied().unwrap_or(0);
    let mut seq = SourceSeq {
        open: q.open,
        close_end: q.close_end,
        tokens: Vec::with_capacity(to - from),
        at: Vec::with_capacity(to - from),
        quoted: Vec::with_capacity(to - from),
        features: Vec::with_capacity(to - from),
        pos: Vec::with_capacity(to - from),
    };
    let lower = |k: usize| ctx.word(k).to_lowercase();
    let pos = |k: Option<usize>| k.filter(|&k| k < n).map_or("<s>", |k| ctx.tagged.pos[k]);
    let flag = |b: bool| if b { "y" } else { "n" };
    // The entities of the window, with their rank by distance from the quotation on their
    // side, and which is nearest the cue.
    let entities: Vec<(usize, usize, usize)> = ctx
        .entities_within(from, to)
        .iter()
        .copied()
        .filter(|e| e.1 <= qa || e.0 >= qb)
        .collect();
    let nearest_cue = attached.and_then(|c| {
        entities
            .iter()
            .min_by_key(|e| {
                if e.1 <= c {
                    c - e.1
                } else {
                    e.0.saturating_sub(c)
                }
            })
            .copied()
    });
    let entity_at = |k: usize| -> Option<(usize, (usize, usize, usize))> {
        let e = *entities.iter().find(|e| e.0 <= k && k < e.1)?;
        let rank = if e.1 <= qa {
            entities.iter().filter(|o| o.1 <= qa && o.0 > e.0).count()
        } else {
            entities.iter().filter(|o| o.0 >= qb && o.0 < e.0).count()
        };
        Some((rank, e))
    };
    for k in (from..qa).chain(qb..to) {
        let t = &ctx.tagged.tokens[k];
        seq.tokens.push(t.start..t.end);
        seq.at.push(k);
        seq.quoted.push(ctx.quoted[k]);
        seq.pos.push(ctx.tagged.pos[k]);
        if ctx.quoted[k] {
            seq.features.push(Vec::new());
            continue;
        }
        let before = k < qa;
        let side = if before { "before" } else { "after" };
        let dist = if before { qa - k - 1 } else { k - qb };
        let w = lower(k);
        let shape = shape(ctx.word(k));
        let p = ctx.tagged.pos[k];
        let ner = ctx.tagged.ner[k];
        let same = if before {
            ctx.sentence[k] == open_sentence
        } else {
            ctx.sentence[k] == close_sentence
        };
        let (gap_from, gap_to) = if before { (k + 1, qa) } else { (qb, k) };
        let cue_between = (gap_from..gap_to).any(|j| ctx.cue[j] && !ctx.quoted[j]);
        let commas = (gap_from..gap_to).filter(|&j| ctx.word(j) == ",").count();
        let quotes_between = (gap_from..gap_to).any(|j| ctx.quoted[j]);
        let mut fs = vec![
            feature(&["bias"]),
            feature(&["side", side]),
            feature(&["side,dist", side, bin(dist)]),
            feature(&["w", &w]),
            feature(&["w,side", &w, side]),
            feature(&["shape", shape]),
            feature(&["pos", p]),
            feature(&["pos,side", p, side]),
            feature(&["ner", ner]),
            feature(&["ner,side,same", ner, side, flag(same)]),
            feature(&["pos,same", p, side, flag(same)]),
            feature(&["w-1", &k.checked_sub(1).map_or("<s>".into(), lower)]),
            feature(&[
                "w+1",
                &if k + 1 < n {
                    lower(k + 1)
                } else {
                    "</s>".into()
                },
            ]),
            feature(&["pos-1,pos", pos(k.checked_sub(1)), p]),
            feature(&["pos,pos+1", p, pos(Some(k + 1))]),
            feature(&[
                "pos-2,pos-1,pos",
                pos(k.checked_sub(2)),
                pos(k.checked_sub(1)),
                p,
            ]),
            feature(&["pos,pos+1,pos+2", p, pos(Some(k + 1)), pos(Some(k + 2))]),
            feature(&["cue", flag(ctx.cue[k])]),
            feature(&["cue-1", flag(k > 0 && ctx.cue[k - 1])]),
            feature(&["cue+1", flag(k + 1 < n && ctx.cue[k + 1])]),
            feature(&["cue+2", flag(k + 2 < n && ctx.cue[k + 2])]),
            feature(&["cue between", side, flag(cue_between)]),
            feature(&["commas between", side, bin(commas)]),
            feature(&["quotes between", side, flag(quotes_between)]),
            feature(&["same sentence", side, flag(same)]),
            feature(&["paragraph", flag(ctx.paragraph[k] == para)]),
            feature(&["sentence start", flag(ctx.tagged.tokens[k].sentence_start)]),
        ];
        if let Some((rank, e)) = entity_at(k) {
            let kind = if e.2 == 0 { "person" } else { "org" };
            let first = if k == e.0 { "first" } else { "inside" };
            fs.push(feature(&["entity rank", kind, side, bin(rank), first]));
            fs.push(feature(&[
                "entity nearest cue",
                kind,
                flag(nearest_cue == Some(e)),
                first,
            ]));
        }
        match attached {
            Some(c) => {
                let rel = if k < c {
                    format!("-{}", bin(c - k))
                } else if k > c {
                    format!("+{}", bin(k - c))
                } else {
                    "0".to_owned()
                };
                let cue_side = if c < qa { "cue before" } else { "cue after" };
                fs.push(feature(&["to cue", cue_side, &rel]));
                fs.push(feature(&["to cue,pos", cue_side, &rel, p]));
                fs.push(feature(&["to cue,ner", cue_side, &rel, ner]));
                fs.push(feature(&["to cue,w", &rel, &w]));
                // Whether the cue and the token are in one clause (no comma or other cue
                // between them).
                let (a, b) = if k < c { (k + 1, c) } else { (c + 1, k) };
                let clause = !(a..b).any(|j| matches!(ctx.word(j), "," | ";" | ":" | "—"));
                fs.push(feature(&["cue clause", cue_side, flag(clause), side]));
                fs.push(feature(&["cue word", &lower(c), &rel]));
            }
            None => fs.push(feature(&["no cue", side, bin(dist)])),
        }
        seq.features.push(fs);
    }
    seq
}

/// A word's shape: capitals, lower case, digits, punctuation.
fn shape(w: &str) -> &'static str {
    let mut chars = w.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => {
            if w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) && w.len() > 1 {
                "XX"
            } else {
                "Xx"
            }
        }
        Some(c) if c.is_lowercase() => "x",
        Some(c) if c.is_numeric() => "d",
        Some(_) => "p",
        None => "",
    }
}

/// The features that depend on the labels before token `i`.
fn label_features(seq: &SourceSeq, i: usize, y1: u8, y2: u8, out: &mut Vec<u64>) {
    out.clear();
    out.extend_from_slice(&seq.features[i]);
    let (l1, l2) = (CLASSES[y1 as usize], CLASSES[y2 as usize]);
    out.push(feature(&["y-1", l1]));
    out.push(feature(&["y-2,y-1", l2, l1]));
    out.push(feature(&["y-1,pos", l1, seq.pos[i]]));
}

/// Whether label `c` may follow `prev` (I only inside a span).
fn may_follow(prev: u8, c: usize) -> bool {
    c != 2 || prev != 0
}

impl SourceTagger {
    /// A tagger that finds nothing (before one is trained).
    pub fn empty() -> Self {
        Self { model: None }
    }

    pub fn train(seqs: &[SourceSeq], labels: &[Vec<u8>], opts: &SourceOptions) -> Self {
        let mut trainer = Trainer::new(CLASSES.iter().map(|c| (*c).to_owned()).collect());
        let mut order: Vec<usize> = (0..seqs.len()).collect();
        let mut rng = Rng::new(opts.seed);
        let mut feats = Vec::with_capacity(48);
        let mut scores = [0.0f32; 3];
        for _ in 0..opts.epochs {
            rng.shuffle(&mut order);
            for &s in &order {
                let seq = &seqs[s];
                let (mut y1, mut y2) = (0u8, 0u8);
                for (i, &truth) in labels[s].iter().enumerate() {
                    if seq.quoted[i] {
                        (y2, y1) = (y1, 0);
                        continue;
                    }
                    label_features(seq, i, y1, y2, &mut feats);
                    let prev = y1;
                    let g = trainer.predict(&feats, &mut scores, |c| may_follow(prev, c));
                    trainer.update(&feats, truth as usize, g);
                    (y2, y1) = (y1, g as u8);
                }
            }
        }
        Self {
            model: Some(trainer.finish(opts.min_weight)),
        }
    }

    /// The spans of one window, in order.
    pub fn spans(&self, seq: &SourceSeq) -> Vec<SourceSpan> {
        self.read(seq).spans
    }

    /// The spans of one window, and how strongly each token was taken to open one.
    pub fn read(&self, seq: &SourceSeq) -> SourceReading {
        let mut out = SourceReading {
            spans: Vec::new(),
            opens: vec![f32::MIN; seq.len()],
        };
        let Some(model) = &self.model else {
            return out;
        };
        let mut feats = Vec::with_capacity(48);
        let mut scores = [0.0f32; 3];
        let (mut y1, mut y2) = (0u8, 0u8);
        for i in 0..seq.len() {
            if seq.quoted[i] {
                (y2, y1) = (y1, 0);
                continue;
            }
            label_features(seq, i, y1, y2, &mut feats);
            let prev = y1;
            let g = model.predict(&feats, &mut scores, |c| may_follow(prev, c)) as u8;
            out.opens[i] = scores[1] - scores[0].max(scores[2]);
            match g {
                1 => out.spans.push(SourceSpan {
                    start: i,
                    end: i + 1,
                }),
                2 => {
                    if let Some(last) = out.spans.last_mut() {
                        last.end = i + 1;
                    }
                }
                _ => {}
            }
            (y2, y1) = (y1, g);
        }
        out
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        match &self.model {
            Some(m) => {
                out.push(1);
                m.write(&mut out);
            }
            None => out.push(0),
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let mut r = Reader::new(bytes);
        if r.take(MAGIC.len())? != MAGIC {
            return None;
        }
        let model = match r.take(1)?[0] {
            0 => None,
            _ => Some(Perceptron::read(&mut r)?),
        };
        r.done().then_some(Self { model })
    }

    pub fn is_empty(&self) -> bool {
        self.model.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mention a text's first quotation's speaker is given by `tagger`.
    fn first_span(tagger: &SourceTagger, text: &str) -> Option<String> {
        let seqs = sequences(text);
        let seq = seqs.first()?;
        let s = tagger.spans(seq).into_iter().next()?;
        Some(text[seq.tokens[s.start].start..seq.tokens[s.end - 1].end].to_owned())
    }

    #[test]
    fn a_tiny_source_tagger_learns_the_mention_beside_the_cue_and_round_trips() {
        let texts = [
            (
                "The vote was close.\n“We will build the bridge,” said the harbour master.",
                "the harbour master",
            ),
            (
                "Rain fell all week.\n“Taxes are too high,” the shop owner said.",
                "the shop owner",
            ),
            (
                "Prices rose again.\n“The river is rising,” warned a local farmer.",
                "a local farmer",
            ),
            (
                "Talks went on.\n“The deal is done,” the union leader said on Friday.",
                "the union leader",
            ),
        ];
        let mut seqs = Vec::new();
        let mut labels = Vec::new();
        for (text, source) in texts {
            let at = text.find(source).unwrap();
            for seq in sequences(text) {
                labels.push(seq.labels_for(Some(at..at + source.len())).unwrap());
                seqs.push(seq);
            }
        }
        let tagger = SourceTagger::train(&seqs, &labels, &SourceOptions::default());
        assert_eq!(
            first_span(
                &tagger,
                "Snow came early.\n“The road is closed,” said the park ranger."
            )
            .as_deref(),
            Some("the park ranger")
        );
        let bytes = tagger.to_bytes();
        assert_eq!(SourceTagger::from_bytes(&bytes).unwrap().to_bytes(), bytes);
        assert_eq!(
            SourceTagger::train(&seqs, &labels, &SourceOptions::default()).to_bytes(),
            bytes,
            "training is deterministic"
        );
    }

    #[test]
    fn the_committed_source_tagger_finds_a_speaker_behind_a_long_descriptor() {
        assert!(!committed_source().is_empty());
        let text = "The plant will close in May.\n“We did everything we could,” said the \
                    company’s longtime head of operations in Ohio, Mara Quist.";
        let span = first_span(committed_source(), text).expect("a span");
        assert!(
            span.contains("Mara Quist") || span.contains("head of operations"),
            "{span}"
        );
    }
}
