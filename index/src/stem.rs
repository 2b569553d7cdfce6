//! English stemming for the index, remembering the stems of words already seen.
//!
//! It gives the stems Tantivy's `Stemmer` gives (the same Snowball algorithm through the same
//! crate), but stemming was a quarter of the indexing thread's time during a large import, and
//! news text repeats its words: a writer's analyzer lives for a whole segment, so most words are
//! looked up instead of stemmed again. Words of up to 16 bytes (nearly all) are remembered
//! packed into integers, so a lookup compares numbers instead of chasing a pointer to the
//! word; longer ones are stemmed each time. The memory is bounded: past `CAPACITY` words it
//! starts over.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// How many distinct words one analyzer remembers before it forgets them all.
const CAPACITY: usize = 200_000;

/// The token filter: `TextAnalyzer::builder(…).filter(CachedStemmer)`.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            stems: Stems::default(),
        }
    }
}

pub(crate) struct CachedStemmerFilter<T> {
    inner: T,
    stems: Stems,
}

/// Stems, remembered: word → stem, packed (see `pack`), for the words stemmed so far.
pub(crate) struct Stems {
    memory: FxHashMap<u128, u128>,
    stemmer: frostem::Stemmer,
}

impl Default for Stems {
    fn default() -> Self {
        Stems {
            memory: FxHashMap::default(),
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

impl Stems {
    /// Replaces `word` with its stem.
    pub(crate) fn stem(&mut self, word: &mut String) {
        if self.memory.len() > CAPACITY {
            self.memory.clear();
        }
        let Some(packed) = pack(word) else {
            *word = self.stemmer.stem(word).into_owned();
            return;
        };
        let stem = match self.memory.get(&packed) {
            Some(stem) => *stem,
            None => {
                let stemmed = self.stemmer.stem(word);
                let Some(stem) = pack(&stemmed) else {
                    *word = stemmed.into_owned();
                    return;
                };
                self.memory.insert(packed, stem);
                stem
            }
        };
        word.clear();
        word.push_str(unpack(&stem.to_le_bytes()));
    }
}

/// A copy starts with an empty memory: the tokenizer manager hands out copies (one per segment
/// writer, one per query), and copying a full memory for a three-word query would cost more
/// than it saves.
impl<T: Clone> Clone for CachedStemmerFilter<T> {
    fn clone(&self) -> Self {
        CachedStemmerFilter {
            inner: self.inner.clone(),
            stems: Stems::default(),
        }
    }
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stems: &mut self.stems,
        }
    }
}

pub(crate) struct CachedStemmerStream<'a, T> {
    tail: T,
    stems: &'a mut Stems,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        self.stems.stem(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// A word of up to 16 bytes as a number: its bytes, then zeros (text holds no NUL byte, so
/// where the zeros begin is where the word ends).
fn pack(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > 16 || bytes.contains(&0) {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..bytes.len()].copy_from_slice(bytes);
    Some(u128::from_le_bytes(buf))
}

/// The word `pack` made `bytes` of.
fn unpack(bytes: &[u8; 16]) -> &str {
    let len = bytes.iter().position(|b| *b == 0).unwrap_or(16);
    // Packed from a `str` and cut where it ended, so always whole characters.
    std::str::from_utf8(&bytes[..len]).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    use super::*;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
    }

    #[test]
    fn stems_as_tantivy_does_on_first_sight_and_from_memory() {
        let text = "The ministers were running; running, ran and runs. Said: generously \
                    generous generalization Dying dies died connected connections internationalizations \
                    caféteria naïvely";
        let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build();
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let expected = tokens(&mut plain, text);
        assert!(expected.contains(&"run".to_owned()));
        // Twice: the second pass answers every word from memory.
        assert_eq!(tokens(&mut cached, text), expected);
        assert_eq!(tokens(&mut cached, text), expected);
        // A copy forgets, and still stems the same.
        assert_eq!(tokens(&mut cached.clone(), text), expected);
    }

    #[test]
    fn words_up_to_sixteen_bytes_pack_and_unpack() {
        for word in ["a", "sixteen-bytes-ok", "naïve", "日本語"] {
            let packed = pack(word).expect("short enough");
            assert_eq!(unpack(&packed.to_le_bytes()), word);
        }
        assert_eq!(pack("seventeen-bytes-x"), None);
        assert_eq!(pack("nul\0"), None);
    }

    #[test]
    fn memory_is_bounded() {
        let mut filter = CachedStemmer.transform(SimpleTokenizer::default());
        let words: String = (0..CAPACITY + 10).map(|n| format!("w{n} ")).collect();
        let mut stream = filter.token_stream(&words);
        let mut most = 0;
        while stream.advance() {
            most = most.max(stream.stems.memory.len());
        }
        // Past its capacity the memory starts over; stemming still works.
        assert_eq!(most, CAPACITY + 1);
        assert_eq!(filter.stems.memory.len(), 9);
        {
            let mut stream = filter.token_stream("connections");
            assert!(stream.advance());
            assert_eq!(stream.token().text, "connect");
        }
        assert_eq!(filter.stems.memory.len(), 10);
    }
}
