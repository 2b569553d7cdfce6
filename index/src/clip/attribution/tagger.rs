//! The token tagger: part of speech (Penn Treebank tags) and named entities (PERSON,
//! ORGANIZATION, LOCATION, MISC as B/I/O), two greedy averaged perceptrons trained on PolNeAR's
//! CoreNLP annotation (`cargo run --release -p index --example train_attribution`), the second
//! reading the first's tags. Features: the word, its lower-case form, shape, prefixes and
//! suffixes, the words and tags around it, and gazetteers (words seen in the training data's
//! entities, and of which kind) built from the training data.
//!
//! The committed model (`index/models/tagger.bin`) is compiled into the binary and read once, on
//! first use.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::perceptron::{Perceptron, Reader, Rng, Trainer, write_str};
use super::token_features::*;
use super::tokens::{Token, sentences, tokenize};

/// The kinds of entity the tagger marks.
pub const ENTITY_KINDS: [&str; 4] = ["PERSON", "ORGANIZATION", "LOCATION", "MISC"];

/// One sentence of training data: words with their part of speech and entity kind (CoreNLP's
/// IO form: the kind on every word of an entity, "O" outside; kinds outside [`ENTITY_KINDS`]
/// count as "O").
#[derive(Debug, Clone, Default)]
pub struct TaggedSentence {
    pub words: Vec<String>,
    pub pos: Vec<String>,
    pub ner: Vec<String>,
}

/// How to train.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    pub pos_epochs: usize,
    pub ner_epochs: usize,
    pub seed: u64,
    /// Averaged weights smaller than this are dropped from the model.
    pub min_weight: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            pos_epochs: 5,
            ner_epochs: 8,
            seed: 1,
            min_weight: 0.05,
        }
    }
}

/// A named entity: tokens `start..end` of what was tagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    /// An index into [`ENTITY_KINDS`].
    pub kind: usize,
}

impl Entity {
    pub fn kind_name(&self) -> &'static str {
        ENTITY_KINDS[self.kind]
    }
}

/// A text's tokens with their tags.
#[derive(Debug, Clone, Default)]
pub struct Tagged {
    pub tokens: Vec<Token>,
    /// Part of speech per token (Penn Treebank).
    pub pos: Vec<&'static str>,
    /// Entity label per token: "O", "B-PERSON", "I-PERSON", …
    pub ner: Vec<&'static str>,
}

impl Tagged {
    /// The entities, in order.
    pub fn entities(&self) -> Vec<Entity> {
        entities_of(&self.ner)
    }
}

/// Entities of a B/I/O label sequence.
pub fn entities_of<S: AsRef<str>>(labels: &[S]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let mut open: Option<Entity> = None;
    for (i, l) in labels.iter().enumerate() {
        let l = l.as_ref();
        let (bio, kind) = l.split_once('-').unwrap_or((l, ""));
        let kind = ENTITY_KINDS.iter().position(|k| *k == kind);
        match (bio, kind) {
            ("I", Some(k)) if open.is_some_and(|e| e.kind == k) => {
                if let Some(e) = open.as_mut() {
                    e.end = i + 1;
                }
            }
            ("B" | "I", Some(k)) => {
                out.extend(open.take());
                open = Some(Entity {
                    start: i,
                    end: i + 1,
                    kind: k,
                });
            }
            _ => out.extend(open.take()),
        }
    }
    out.extend(open);
    out
}

/// CoreNLP's IO kinds to B/I/O labels (a new entity where the kind changes).
pub fn bio_of<S: AsRef<str>>(kinds: &[S]) -> Vec<String> {
    let mut out = Vec::with_capacity(kinds.len());
    let mut prev = "O";
    for k in kinds {
        let k = k.as_ref();
        if ENTITY_KINDS.contains(&k) {
            out.push(format!("{}-{k}", if prev == k { "I" } else { "B" }));
            prev = k;
        } else {
            out.push("O".to_owned());
            prev = "O";
        }
    }
    out
}

/// The two models and their lexicons.
#[derive(Debug, Clone, Default)]
pub struct Tagger {
    pos: Perceptron,
    ner: Perceptron,
    /// Frequent words that nearly always take one part of speech.
    tag_dictionary: HashMap<String, u16>,
    /// Lower-case words seen in entities of one kind most of the time (an index into
    /// [`ENTITY_KINDS`]).
    gazetteer: HashMap<String, u8>,
    /// Class names, interned for [`Tagged`].
    pos_names: Vec<&'static str>,
    ner_names: Vec<&'static str>,
}

pub(super) const MAGIC: &[u8; 8] = b"ORTAGGR1";

pub(super) static COMMITTED: LazyLock<Tagger> = LazyLock::new(|| {
    Tagger::from_bytes(include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/models/tagger.bin"
    )))
    .expect("the committed tagger model (index/models/tagger.bin) is readable")
});

/// The tagger compiled into the binary.
pub fn committed() -> &'static Tagger {
    &COMMITTED
}

impl Tagger {
    /// Trains both models from `sentences`.
    pub fn train(sentences: &[TaggedSentence], opts: &TrainOptions) -> Tagger {
        let mut pos_classes: Vec<String> = sentences
            .iter()
            .flat_map(|s| s.pos.iter().cloned())
            .collect();
        pos_classes.sort();
        pos_classes.dedup();
        let pos_id: HashMap<&str, usize> = pos_classes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.as_str(), i))
            .collect();
        let tag_dictionary = build_tag_dictionary(sentences, &pos_id);
        let gazetteer = build_gazetteer(sentences);

        let mut order: Vec<usize> = (0..sentences.len()).collect();
        let mut rng = Rng::new(opts.seed);
        let mut feats = Vec::with_capacity(40);

        // Part of speech.
        let mut trainer = Trainer::new(pos_classes.clone());
        let mut scores = vec![0.0; pos_classes.len()];
        for _ in 0..opts.pos_epochs {
            rng.shuffle(&mut order);
            for &s in &order {
                let sent = &sentences[s];
                let words = Words::new(sent.words.iter().map(String::as_str).collect());
                let (mut p1, mut p2) = ("<s>", "<s>");
                for i in 0..words.len() {
                    let truth = pos_id[sent.pos[i].as_str()];
                    let guess = match tag_dictionary.get(&sent.words[i]) {
                        Some(&t) => t as usize,
                        None => {
                            pos_features(&words, i, p1, p2, &mut feats);
                            let g = trainer.predict(&feats, &mut scores, |_| true);
                            trainer.update(&feats, truth, g);
                            g
                        }
                    };
                    p2 = p1;
                    p1 = pos_classes[guess].as_str();
                }
            }
        }
        let pos = trainer.finish(opts.min_weight);

        // Entities, reading the training data's parts of speech.
        let mut ner_classes = vec!["O".to_owned()];
        for k in ENTITY_KINDS {
            ner_classes.push(format!("B-{k}"));
            ner_classes.push(format!("I-{k}"));
        }
        let ner_id: HashMap<&str, usize> = ner_classes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.as_str(), i))
            .collect();
        let mut trainer = Trainer::new(ner_classes.clone());
        let mut scores = vec![0.0; ner_classes.len()];
        let bio: Vec<Vec<String>> = sentences.iter().map(|s| bio_of(&s.ner)).collect();
        for _ in 0..opts.ner_epochs {
            rng.shuffle(&mut order);
            for &s in &order {
                let sent = &sentences[s];
                let words = Words::new(sent.words.iter().map(String::as_str).collect());
                let pos_tags: Vec<&str> = sent.pos.iter().map(String::as_str).collect();
                let gaz = gazetteer_tags(&words, &gazetteer);
                let (mut y1, mut y2) = ("<s>", "<s>");
                for i in 0..words.len() {
                    let truth = ner_id[bio[s][i].as_str()];
                    ner_features(&words, &pos_tags, &gaz, i, y1, y2, &mut feats);
                    let prev = y1;
                    let g =
                        trainer.predict(&feats, &mut scores, |c| may_follow(prev, &ner_classes[c]));
                    trainer.update(&feats, truth, g);
                    y2 = y1;
                    y1 = ner_classes[g].as_str();
                }
            }
        }
        let ner = trainer.finish(opts.min_weight);
        Tagger {
            pos_names: intern(&pos.classes),
            ner_names: intern(&ner.classes),
            pos,
            ner,
            tag_dictionary,
            gazetteer,
        }
    }

    /// Tags one sentence's words: parts of speech and entity labels.
    pub fn tag_words(&self, words: &[&str]) -> (Vec<&'static str>, Vec<&'static str>) {
        let w = Words::new(words.to_vec());
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0.0; self.pos.classes.len()];
        let mut pos: Vec<&'static str> = Vec::with_capacity(words.len());
        let (mut p1, mut p2) = ("<s>", "<s>");
        for (i, word) in words.iter().enumerate() {
            let t = match self.tag_dictionary.get(*word) {
                Some(&t) => t as usize,
                None => {
                    pos_features(&w, i, p1, p2, &mut feats);
                    self.pos.predict(&feats, &mut scores, |_| true)
                }
            };
            p2 = p1;
            p1 = self.pos_names[t];
            pos.push(self.pos_names[t]);
        }
        let gaz = gazetteer_tags(&w, &self.gazetteer);
        let mut scores = vec![0.0; self.ner.classes.len()];
        let mut ner: Vec<&'static str> = Vec::with_capacity(words.len());
        let (mut y1, mut y2) = ("<s>", "<s>");
        for (i, word) in words.iter().enumerate() {
            // A word in lower case (or punctuation) outside an entity starts none: CoreNLP's
            // entities, which the model learnt, open on a capital or a digit. Not scoring it
            // halves the work (dev F1: PERSON 0.8893 -> 0.8896, ORGANIZATION 0.7266 -> 0.7278,
            // MISC 0.8450 -> 0.8429).
            if y1 == "O" && !word.starts_with(|c: char| c.is_uppercase() || c.is_numeric()) {
                y2 = y1;
                ner.push("O");
                continue;
            }
            ner_features(&w, &pos, &gaz, i, y1, y2, &mut feats);
            let prev = y1;
            let names = &self.ner_names;
            let g = self
                .ner
                .predict(&feats, &mut scores, |c| may_follow(prev, names[c]));
            y2 = y1;
            y1 = self.ner_names[g];
            ner.push(self.ner_names[g]);
        }
        (pos, ner)
    }

    /// Tokenizes and tags a text, sentence by sentence.
    pub fn tag(&self, text: &str) -> Tagged {
        self.tag_sentences(text, tokenize(text), |_| true)
    }

    /// Tags the sentences of `tokens` that `wanted` picks (given each sentence's first
    /// token); the others get the part of speech "" and no entity.
    pub fn tag_sentences(
        &self,
        text: &str,
        tokens: Vec<Token>,
        wanted: impl Fn(usize) -> bool,
    ) -> Tagged {
        let mut pos = Vec::with_capacity(tokens.len());
        let mut ner = Vec::with_capacity(tokens.len());
        for range in sentences(&tokens) {
            if !wanted(range.start) {
                pos.extend(std::iter::repeat_n("", range.len()));
                ner.extend(std::iter::repeat_n("O", range.len()));
                continue;
            }
            let words: Vec<&str> = tokens[range].iter().map(|t| t.text(text)).collect();
            let (p, n) = self.tag_words(&words);
            pos.extend(p);
            ner.extend(n);
        }
        Tagged { tokens, pos, ner }
    }

    /// The model file's bytes (deterministic).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        self.pos.write(&mut out);
        self.ner.write(&mut out);
        let mut dict: Vec<(&String, &u16)> = self.tag_dictionary.iter().collect();
        dict.sort();
        out.extend_from_slice(&(dict.len() as u32).to_le_bytes());
        for (w, t) in dict {
            write_str(&mut out, w);
            out.extend_from_slice(&t.to_le_bytes());
        }
        let mut gaz: Vec<(&String, &u8)> = self.gazetteer.iter().collect();
        gaz.sort();
        out.extend_from_slice(&(gaz.len() as u32).to_le_bytes());
        for (w, k) in gaz {
            write_str(&mut out, w);
            out.push(*k);
        }
        out
    }

    /// Reads a model file; `None` when it is not one this version wrote.
    pub fn from_bytes(bytes: &[u8]) -> Option<Tagger> {
        let mut r = Reader::new(bytes);
        if r.take(MAGIC.len())? != MAGIC {
            return None;
        }
        let pos = Perceptron::read(&mut r)?;
        let ner = Perceptron::read(&mut r)?;
        let n = r.u32()? as usize;
        let mut tag_dictionary = HashMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let w = r.str()?;
            let t = r.u16()?;
            if t as usize >= pos.classes.len() {
                return None;
            }
            tag_dictionary.insert(w, t);
        }
        let n = r.u32()? as usize;
        let mut gazetteer = HashMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let w = r.str()?;
            let k = *r.take(1)?.first()?;
            if k as usize >= ENTITY_KINDS.len() {
                return None;
            }
            gazetteer.insert(w, k);
        }
        if !r.done() || ner.class_id("O") != Some(0) {
            return None;
        }
        Some(Tagger {
            pos_names: intern(&pos.classes),
            ner_names: intern(&ner.classes),
            pos,
            ner,
            tag_dictionary,
            gazetteer,
        })
    }

    /// Feature counts of the two models (for the training report).
    pub fn sizes(&self) -> (usize, usize, usize, usize) {
        (
            self.pos.features(),
            self.ner.features(),
            self.tag_dictionary.len(),
            self.gazetteer.len(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(spec: &str) -> TaggedSentence {
        // "word/POS/NER word/POS/NER …"
        let mut s = TaggedSentence::default();
        for t in spec.split_whitespace() {
            let mut parts = t.split('/');
            s.words.push(parts.next().unwrap().to_owned());
            s.pos.push(parts.next().unwrap().to_owned());
            s.ner.push(parts.next().unwrap().to_owned());
        }
        s
    }

    #[test]
    fn a_tiny_model_learns_its_sentences_and_round_trips_byte_for_byte() {
        let data = [
            "Jane/NNP/PERSON Roe/NNP/PERSON said/VBD/O the/DT/O plan/NN/O works/VBZ/O ./././O",
            "Acme/NNP/ORGANIZATION Corp./NNP/ORGANIZATION hired/VBD/O John/NNP/PERSON Doe/NNP/PERSON ./././O",
            "The/DT/O mayor/NN/O of/IN/O Paris/NNP/LOCATION spoke/VBD/O ./././O",
            "John/NNP/PERSON Doe/NNP/PERSON told/VBD/O Acme/NNP/ORGANIZATION staff/NN/O ./././O",
            "Roe/NNP/PERSON visited/VBD/O Paris/NNP/LOCATION ./././O",
        ];
        let sentences: Vec<TaggedSentence> = data.iter().map(|s| sentence(s)).collect();
        let opts = TrainOptions {
            pos_epochs: 10,
            ner_epochs: 10,
            seed: 7,
            min_weight: 0.0,
        };
        let tagger = Tagger::train(&sentences, &opts);
        for s in &sentences {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let (pos, ner) = tagger.tag_words(&words);
            assert_eq!(pos, s.pos, "{words:?}");
            assert_eq!(ner, bio_of(&s.ner), "{words:?}");
        }
        let bytes = tagger.to_bytes();
        let again = Tagger::train(&sentences, &opts).to_bytes();
        assert_eq!(bytes, again, "training is deterministic");
        let back = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(back.to_bytes(), bytes);
        assert!(Tagger::from_bytes(&bytes[..bytes.len() - 1]).is_none());
    }

    #[test]
    fn bio_labels_and_entities_agree() {
        let labels = bio_of(&["PERSON", "PERSON", "O", "ORGANIZATION", "LOCATION"]);
        assert_eq!(
            labels,
            ["B-PERSON", "I-PERSON", "O", "B-ORGANIZATION", "B-LOCATION"]
        );
        let e = entities_of(&labels);
        assert_eq!(e.len(), 3);
        assert_eq!((e[0].start, e[0].end, e[0].kind_name()), (0, 2, "PERSON"));
    }
}

#[cfg(test)]
mod committed_model {
    use super::*;

    #[test]
    fn the_committed_model_loads_and_tags_a_known_sentence() {
        let text = "“The launch could be a pivotal moment,” said Vijayasimha Alilughatta, chief operating officer of Zensar, who told Reuters on Monday.";
        let tagged = committed().tag(text);
        let words: Vec<&str> = tagged.tokens.iter().map(|t| t.text(text)).collect();
        let entities: Vec<(String, &str)> = tagged
            .entities()
            .iter()
            .map(|e| (words[e.start..e.end].join(" "), e.kind_name()))
            .collect();
        assert!(
            entities.contains(&("Vijayasimha Alilughatta".to_owned(), "PERSON")),
            "{entities:?}"
        );
        assert!(
            entities
                .iter()
                .any(|(w, k)| w == "Reuters" && *k == "ORGANIZATION"),
            "{entities:?}"
        );
        let said = words.iter().position(|w| *w == "said").unwrap();
        assert_eq!(tagged.pos[said], "VBD");
        assert_eq!(
            tagged.pos[words.iter().position(|w| *w == "The").unwrap()],
            "DT"
        );
    }
}
