//! Finds the query's words in a search result and marks them, as Tantivy's `SnippetGenerator`
//! does with the index's English analyzer, without running that analyzer over every word.
//!
//! Snippets were most of the time a rare-word search took at a million quotes: the analyzer
//! chain (split, drop long words, lower-case, fold accents, stem) ran over every word of ten
//! results, and Tantivy's fragment picker lower-cased each word once more into a new string.
//! Here words are found by one scan of the text, and only a word that could turn into a query
//! word is lower-cased, folded and stemmed. A stem keeps the first letter of its word (not
//! always the second: "dying" is "die"), so a word that begins with another letter cannot stem
//! to a query word; nor is a stem ever longer than its word (Snowball's English steps remove a
//! suffix, or swap it for one no longer), so a word shorter than every query word that begins
//! the same way cannot either: "infrastructure" no longer stems every "in", "is" and "it".
//! Words that begin with a letter outside ASCII are always folded first, since folding may
//! change their first letter ("Émile" is "emile"). The fragment picked and the HTML written are
//! the generator's own, byte for byte; a test holds the two side by side.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

use crate::stem::Stems;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, TokenStream,
};

/// Words of this many bytes or more are not indexed (`RemoveLongFilter::limit(40)`).
const LONG: usize = 40;

pub(crate) struct Marker {
    /// The query's words as the index holds them (lower-cased, folded, stemmed), each with its
    /// weight in picking the fragment.
    weights: Vec<(String, f32)>,
    /// The first letter of the query words, each with the length in bytes of the shortest
    /// query word that begins with it.
    starts: Vec<(char, usize)>,
    /// Splits, drops long words, lower-cases and folds, as the index does before stemming.
    fold: TextAnalyzer,
    /// Shared by every search of an index: the words of results recur from page to page.
    stems: Arc<Mutex<Stems>>,
    /// The longest fragment, in bytes.
    max_len: usize,
}

/// A stretch of the text scored by the query words it holds.
struct Fragment {
    score: f32,
    start: usize,
    stop: usize,
    marks: Vec<Range<usize>>,
}

impl Fragment {
    fn at(start: usize) -> Fragment {
        Fragment {
            score: 0.0,
            start,
            stop: start,
            marks: Vec::new(),
        }
    }
}

impl Marker {
    /// A marker for `weights` (query words as the index holds them, with their weights), whose
    /// snippets are at most `max_len` bytes of the text, stemming with `stems`.
    pub(crate) fn new(
        weights: BTreeMap<String, f32>,
        max_len: usize,
        stems: Arc<Mutex<Stems>>,
    ) -> Marker {
        let mut starts: Vec<(char, usize)> = Vec::new();
        for word in weights.keys() {
            let Some(first) = word.chars().next() else {
                continue;
            };
            match starts.iter_mut().find(|(c, _)| *c == first) {
                Some((_, shortest)) => *shortest = (*shortest).min(word.len()),
                None => starts.push((first, word.len())),
            }
        }
        Marker {
            weights: weights.into_iter().collect(),
            starts,
            fold: TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(LONG))
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build(),
            stems,
            max_len,
        }
    }

    /// The best fragment of `text` (the one whose query words weigh most; the first of equals),
    /// HTML-escaped, with each query word in `<mark>…</mark>`; `None` when no query word is in
    /// it.
    pub(crate) fn snippet(&self, text: &str) -> Option<String> {
        let mut fold: Option<TextAnalyzer> = None;
        let mut best: Option<Fragment> = None;
        let keep = |fragment: Fragment, best: &mut Option<Fragment>| {
            if fragment.score > 0.0 && best.as_ref().is_none_or(|b| fragment.score > b.score) {
                *best = Some(fragment);
            }
        };
        let mut fragment = Fragment::at(0);
        for word in words(text) {
            if word.len() >= LONG {
                continue;
            }
            if word.end - fragment.start > self.max_len {
                let full = std::mem::replace(&mut fragment, Fragment::at(word.start));
                keep(full, &mut best);
            }
            fragment.stop = word.end;
            if let Some(weight) = self.weight(&text[word.clone()], &mut fold) {
                fragment.score += weight;
                fragment.marks.push(word);
            }
        }
        keep(fragment, &mut best);
        best.map(|best| html(text, &best))
    }

    /// The weight of the query word `word` is, if it is one once analyzed.
    fn weight(&self, word: &str, fold: &mut Option<TextAnalyzer>) -> Option<f32> {
        let could_be = |first: char, len: usize| {
            self.starts
                .iter()
                .any(|&(c, shortest)| c == first && len >= shortest)
        };
        // Lower-casing may lengthen a word ("İ" is "i" and a combining dot), so only an ASCII
        // word's length is known before it is folded.
        let first = word.chars().next()?;
        let len = if word.is_ascii() {
            word.len()
        } else {
            usize::MAX
        };
        if first.is_ascii() && !could_be(first.to_ascii_lowercase(), len) {
            return None;
        }
        let folded: Cow<str> = if word.is_ascii() {
            if word.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(word.to_ascii_lowercase())
            } else {
                Cow::Borrowed(word)
            }
        } else {
            let analyzer = fold.get_or_insert_with(|| self.fold.clone());
            let mut stream = analyzer.token_stream(word);
            if !stream.advance() {
                return None;
            }
            Cow::Owned(std::mem::take(&mut stream.token_mut().text))
        };
        if !could_be(folded.chars().next()?, folded.len()) {
            return None;
        }
        let mut stem = folded.into_owned();
        self.stems
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .stem(&mut stem);
        self.weights
            .iter()
            .find(|(w, _)| *w == stem)
            .map(|&(_, weight)| weight)
    }
}

/// The words of `text` as Tantivy's `SimpleTokenizer` splits it: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices();
    std::iter::from_fn(move || {
        let start = chars.find(|(_, c)| c.is_alphanumeric())?.0;
        let end = chars
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(text.len(), |(at, _)| at);
        Some(start..end)
    })
}

/// The fragment as HTML, its marked words in `<mark>…</mark>`.
fn html(text: &str, fragment: &Fragment) -> String {
    let mut out = String::with_capacity(fragment.stop - fragment.start + 64);
    let mut at = fragment.start;
    for mark in &fragment.marks {
        escape_into(&mut out, &text[at..mark.start]);
        out.push_str("<mark>");
        escape_into(&mut out, &text[mark.clone()]);
        out.push_str("</mark>");
        at = mark.end;
    }
    escape_into(&mut out, &text[at..fragment.stop]);
    out
}

/// `text` HTML-escaped, with the entities Tantivy's snippets use (every snippet a search
/// returns escapes the same way, marked or not).
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// `text` HTML-escaped onto `out`, with the entities Tantivy's snippets use.
fn escape_into(out: &mut String, text: &str) {
    let mut plain = 0;
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'"' => "&quot;",
            b'&' => "&amp;",
            b'\'' => "&#x27;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => continue,
        };
        out.push_str(&text[plain..at]);
        out.push_str(entity);
        plain = at + 1;
    }
    out.push_str(&text[plain..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tantivy::schema::Field;
    use tantivy::snippet::SnippetGenerator;
    use tantivy::tokenizer::{Language, Stemmer};

    /// The index's English analyzer.
    fn english() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(LONG))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build()
    }

    fn stems(text: &str) -> Vec<String> {
        let mut analyzer = english();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    /// What Tantivy's generator makes of `text` with the full analyzer.
    fn tantivy(weights: &BTreeMap<String, f32>, text: &str, max_len: usize) -> Option<String> {
        let generator =
            SnippetGenerator::new(weights.clone(), english(), Field::from_field_id(0), max_len);
        let mut snippet = generator.snippet(text);
        if snippet.highlighted().is_empty() {
            return None;
        }
        snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
        Some(snippet.to_html())
    }

    fn weights(words: &[(&str, f32)]) -> BTreeMap<String, f32> {
        words.iter().map(|&(w, n)| (w.to_owned(), n)).collect()
    }

    #[test]
    fn query_words_are_found_in_every_form_the_index_gives_them() {
        let marker = Marker::new(
            weights(&[("govern", 0.5), ("happi", 0.5), ("die", 0.5)]),
            200,
            Default::default(),
        );
        assert_eq!(
            marker
                .snippet("Governments were HAPPY, dying & <fine>.")
                .as_deref(),
            Some(
                "<mark>Governments</mark> were <mark>HAPPY</mark>, <mark>dying</mark> \
                 &amp; &lt;fine"
            )
        );
        let marker = Marker::new(weights(&[("emil", 1.0)]), 200, Default::default());
        assert_eq!(
            marker.snippet("« Émile » said 'Emile'").as_deref(),
            Some("« <mark>Émile</mark> » said &#x27;<mark>Emile</mark>")
        );
        assert_eq!(
            Marker::new(weights(&[("budget", 1.0)]), 200, Default::default()).snippet("Running"),
            None
        );
    }

    #[test]
    fn the_heaviest_fragment_is_picked_the_first_of_equals() {
        let text = "alpha beta gamma delta. alpha alpha zeta eta theta. beta beta alpha zeta eta.";
        for words in [
            &[("alpha", 0.5)][..],
            &[("alpha", 0.2), ("beta", 0.3)],
            &[("zeta", 0.2), ("eta", 0.2)],
        ] {
            let weights = weights(words);
            for max_len in [5, 12, 20, 30, 200] {
                let ours = Marker::new(weights.clone(), max_len, Default::default()).snippet(text);
                assert!(ours.is_some(), "{words:?} {max_len}");
                assert_eq!(
                    ours,
                    tantivy(&weights, text, max_len),
                    "{words:?} {max_len}"
                );
            }
        }
    }

    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "The", "government's", "governing", "GOVERNORS", "governed", "happily", "happier",
        "dying", "lying", "skis", "skies", "news", "early", "only", "ugly", "Café", "naïve",
        "résumés", "Émile", "émigré", "İstanbul", "ǅemal", "\u{212A}elvin", "straße", "中文",
        "generously", "generations", "rated", "in", "is", "it", "its", "infrastructure",
        "pneumonoultramicroscopicsilicovolcanoconiosis", "x2", "2024", " ", " ", " ", " ", ", ",
        ". ", "\n", "&", "<b>", "\"", "'", "—", "«", "»",
    ];

    /// One memory of stems for every case, as every search of an index shares one.
    static SHARED: std::sync::LazyLock<Arc<Mutex<Stems>>> =
        std::sync::LazyLock::new(Default::default);

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        /// Side by side with Tantivy's generator and the full analyzer: the same snippet, or
        /// none for both, for any text of these pieces, any query words among its stems, and
        /// any fragment length.
        #[test]
        fn the_same_snippet_as_tantivys_generator(
            pieces in prop::collection::vec(0..PIECES.len(), 0..60),
            picks in prop::collection::vec((0usize..1000, 1u32..20), 1..4),
            extra in prop::sample::select(vec!["govern", "happi", "die", "emil", "x", "zzz"]),
            max_len in 3usize..250,
        ) {
            let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
            let stems = stems(&text);
            let mut weights: BTreeMap<String, f32> = BTreeMap::new();
            weights.insert(extra.to_owned(), 0.25);
            for (at, n) in picks {
                if !stems.is_empty() {
                    weights.insert(stems[at % stems.len()].clone(), 1.0 / (1.0 + n as f32));
                }
            }
            let ours = Marker::new(weights.clone(), max_len, SHARED.clone()).snippet(&text);
            prop_assert_eq!(ours, tantivy(&weights, &text, max_len));
        }
    }
}
