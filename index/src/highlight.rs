//! The analyzer that finds the query's words in a search result to highlight them.
//!
//! It splits, lower-cases and folds words exactly as the index's English analyzer does, but
//! stems a word only when it begins like one of the query's (stemmed) words. Stemming every
//! word of ten results was most of the time a search took (about 75 µs of 250 at a million
//! quotes); a stem keeps the first letter of its word (not always the second: "dying" is
//! "die"), so a word that begins otherwise cannot stem to a query word, and is compared as it
//! is, which never matches by mistake. Nor is a stem ever longer than its word (Snowball's
//! English steps remove a suffix, or swap it for one no longer), so a word shorter than every
//! query word that begins the same way is left as it is too: "infrastructure" no longer
//! stems every "in", "is" and "it" of a text.

use std::sync::Arc;

use tantivy::tokenizer::{
    AsciiFoldingFilter, BoxTokenStream, LowerCaser, RemoveLongFilter, SimpleTokenizer,
    TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// How many leading characters a word and its stem always share.
const SHARED: usize = 1;

#[derive(Clone)]
pub(crate) struct Highlighter {
    unstemmed: TextAnalyzer,
    /// The first `SHARED` characters of the query words, each with the length in bytes of the
    /// shortest query word that begins so.
    starts: Arc<Vec<(String, usize)>>,
    stemmer: frostem::Stemmer,
}

impl Highlighter {
    /// An analyzer for highlighting `words` (already stemmed, as the index holds them).
    pub(crate) fn analyzer<'a>(words: impl IntoIterator<Item = &'a str>) -> TextAnalyzer {
        let mut starts: Vec<(String, usize)> = Vec::new();
        for word in words {
            let start: String = word.chars().take(SHARED).collect();
            match starts.iter_mut().find(|(s, _)| *s == start) {
                Some((_, shortest)) => *shortest = (*shortest).min(word.len()),
                None => starts.push((start, word.len())),
            }
        }
        TextAnalyzer::from(Highlighter {
            unstemmed: TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(40))
                .filter(LowerCaser)
                .filter(AsciiFoldingFilter)
                .build(),
            starts: Arc::new(starts),
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        })
    }
}

impl Tokenizer for Highlighter {
    type TokenStream<'a> = Stream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Stream<'a> {
        Stream {
            inner: self.unstemmed.token_stream(text),
            starts: &self.starts,
            stemmer: self.stemmer,
        }
    }
}

pub(crate) struct Stream<'a> {
    inner: BoxTokenStream<'a>,
    starts: &'a [(String, usize)],
    stemmer: frostem::Stemmer,
}

impl TokenStream for Stream<'_> {
    fn advance(&mut self) -> bool {
        if !self.inner.advance() {
            return false;
        }
        let token = self.inner.token_mut();
        if self.starts.iter().any(|(s, shortest)| {
            token.text.len() >= *shortest && token.text.starts_with(s.as_str())
        }) {
            let stem = self.stemmer.stem(&token.text);
            if stem != token.text {
                token.text = stem.into_owned();
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.inner.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.inner.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(words: &[&str], text: &str) -> Vec<String> {
        let mut analyzer = Highlighter::analyzer(words.iter().copied());
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn words_that_begin_like_a_query_word_are_stemmed_as_the_index_stems_them() {
        // "govern" is how the index holds "governments"; "happi" is "happy"; "die" is "dying".
        assert_eq!(
            tokens(
                &["govern", "happi", "die"],
                "Governments were HAPPY, dying."
            ),
            ["govern", "were", "happi", "die"]
        );
    }

    #[test]
    fn other_words_are_left_unstemmed() {
        assert_eq!(
            tokens(&["budget"], "Running budgets"),
            ["running", "budget"]
        );
    }

    /// Against the index's own analyzer: every word the full analyzer turns into a query word,
    /// the highlighter turns into it too.
    #[test]
    fn it_finds_every_word_the_full_analyzer_finds() {
        use tantivy::tokenizer::{Language, Stemmer};
        let text = "The government's governing governors governed; happily, happier \
                    happiness, the dying lying skis, generously generalized generations, \
                    news, early, only, ugly, Café naïve résumés, rated hoping agreed feed \
                    skies tying ties ayes in is it its infrastructure infrastructures.";
        let mut full = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::English))
            .build();
        let mut stems = Vec::new();
        let mut stream = full.token_stream(text);
        while stream.advance() {
            stems.push(stream.token().text.clone());
        }
        for stem in &stems {
            let got = tokens(&[stem.as_str()], text);
            let want: Vec<bool> = stems.iter().map(|s| s == stem).collect();
            let found: Vec<bool> = got.iter().map(|s| s == stem).collect();
            assert_eq!(found, want, "{stem}");
        }
    }
}
