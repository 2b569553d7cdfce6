//! Words and sentences of an article, cut the way the tagger's training data was cut (Penn
//! Treebank style, as CoreNLP does it): punctuation and quotation marks are tokens of their own,
//! a possessive "'s" and a contraction's "n't" are split off, abbreviations and initials keep their
//! full stop ("Mr.", "U.S.", "G.K."), numbers keep their commas and points ("1,237", "3.5").
//!
//! Offsets are bytes into the text, so a token's words are always `&text[start..end]`.

/// One token of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into the text (end exclusive).
    pub start: usize,
    pub end: usize,
    /// The first token of a sentence.
    pub sentence_start: bool,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Abbreviations whose full stop belongs to them (lower case, without the stop).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "prof", "st", "jr", "sr", "inc", "corp", "co",
    "ltd", "gen", "col", "lt", "sgt", "adm", "capt", "vs", "no", "jan", "feb", "mar", "apr", "aug",
    "sept", "sep", "oct", "nov", "dec", "mt", "ft", "rev", "sens", "reps", "govt", "ave", "blvd",
    "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ga", "ky", "md", "mich", "minn", "mont",
    "neb", "nev", "okla", "pa", "tenn", "tex", "vt", "va", "wis", "wyo", "lt", "maj", "cmdr",
    "supt", "messrs", "mmes", "etc", "al", "ph", "univ", "dept", "assn", "bros", "est",
];

/// Clitics split off the end of a word, longest first (CoreNLP: "do n't", "it 's").
const CLITICS: &[&str] = &[
    "n't", "n’t", "'ll", "’ll", "'re", "’re", "'ve", "’ve", "'s", "’s", "'d", "’d", "'m", "’m",
    "'S", "’S", "N'T", "N’T",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36f}')
}

/// Characters that are a token alone wherever they stand.
fn always_alone(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '"'
            | '«'
            | '»'
            | '„'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '—'
            | '–'
            | '…'
            | ';'
            | '!'
            | '?'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

/// Cuts `text` into tokens, marking where sentences start (after a full stop, question or
/// exclamation mark that is no abbreviation's, and at every line break).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut new_sentence = true;
    let mut chunk_start: Option<usize> = None;
    let push_chunk = |out: &mut Vec<Token>, s: usize, e: usize, new_sentence: &mut bool| {
        split_chunk(text, s, e, out, new_sentence);
    };
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                push_chunk(&mut out, s, i, &mut new_sentence);
            }
            if c == '\n' {
                new_sentence = true;
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        push_chunk(&mut out, s, text.len(), &mut new_sentence);
    }
    out
}

/// Splits one whitespace-free chunk into tokens.
fn split_chunk(
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<Token>,
    new_sentence: &mut bool,
) {
    let push = |out: &mut Vec<Token>, s: usize, e: usize, new_sentence: &mut bool| {
        if s >= e {
            return;
        }
        // A sentence ends after ". ! ?" (and the quotation marks closing them) when the next
        // token opens with a capital, a digit or an opening mark.
        if let Some(prev) = out.last()
            && !*new_sentence
        {
            let first = text[s..e].chars().next().unwrap_or(' ');
            let opens = first.is_uppercase()
                || first.is_ascii_digit()
                || matches!(first, '“' | '"' | '‘' | '«' | '(' | '\'');
            if opens && ends_a_sentence(text, out, prev) {
                *new_sentence = true;
            }
        }
        out.push(Token {
            start: s,
            end: e,
            sentence_start: std::mem::take(new_sentence),
        });
    };
    let mut i = start;
    while i < end {
        let rest = &text[i..end];
        let c = rest.chars().next().unwrap_or(' ');
        if always_alone(c) || c == ',' || c == ':' {
            push(out, i, i + c.len_utf8(), new_sentence);
            i += c.len_utf8();
            continue;
        }
        if rest.starts_with("...") {
            push(out, i, i + 3, new_sentence);
            i += 3;
            continue;
        }
        if rest.starts_with("--") {
            push(out, i, i + 2, new_sentence);
            i += 2;
            continue;
        }
        if c == '\'' || c == '’' {
            // A clitic ('s after a closing mark), else an opening or closing single mark.
            if let Some(cl) = CLITICS.iter().find(|cl| {
                rest.starts_with(**cl)
                    && !rest[cl.len()..].chars().next().is_some_and(is_word_char)
                    && !out.is_empty()
                    && out.last().is_some_and(|t| t.end == i)
            }) {
                push(out, i, i + cl.len(), new_sentence);
                i += cl.len();
                continue;
            }
            // '90s, 'em: the mark belongs to the word.
            let word_len = rest[c.len_utf8()..]
                .char_indices()
                .find(|(_, ch)| !is_word_char(*ch))
                .map_or(rest.len() - c.len_utf8(), |(k, _)| k);
            let word = &rest[c.len_utf8()..c.len_utf8() + word_len];
            if matches!(word, "em" | "til" | "cause")
                || (word.len() == 3
                    && word.ends_with('s')
                    && word[..2].chars().all(|d| d.is_ascii_digit()))
            {
                push(out, i, i + c.len_utf8() + word_len, new_sentence);
                i += c.len_utf8() + word_len;
                continue;
            }
            push(out, i, i + c.len_utf8(), new_sentence);
            i += c.len_utf8();
            continue;
        }
        if !is_word_char(c) && !matches!(c, '$' | '#' | '@' | '&' | '%' | '.') {
            // Other punctuation: one token per mark.
            push(out, i, i + c.len_utf8(), new_sentence);
            i += c.len_utf8();
            continue;
        }
        if c == '.' {
            push(out, i, i + 1, new_sentence);
            i += 1;
            continue;
        }
        if c == '$' || (matches!(c, '#' | '@' | '%') && !rest[1..].starts_with(is_word_char)) {
            push(out, i, i + 1, new_sentence);
            i += 1;
            continue;
        }
        // A word: letters, digits and marks, with inner hyphens, points, commas between
        // digits, ampersands and apostrophes that do not start a clitic.
        let mut j = i;
        let bytes_end = end;
        for (k, ch) in text[i..bytes_end].char_indices() {
            let at = i + k;
            let next = text[at + ch.len_utf8()..bytes_end].chars().next();
            // "wasn’t" is "was" and "n’t".
            let negation = at > i
                && matches!(ch, 'n' | 'N')
                && CLITICS[..2].iter().chain(&CLITICS[16..]).any(|cl| {
                    text[at..bytes_end].starts_with(cl)
                        && !text[at + cl.len()..bytes_end].starts_with(is_word_char)
                });
            let keep = if negation {
                false
            } else if is_word_char(ch) || (at == i && matches!(ch, '#' | '@')) {
                true
            } else {
                match ch {
                    '-' | '&' | '/' | '_' => next.is_some_and(is_word_char) && at > i,
                    ',' | ':' => {
                        text[..at]
                            .chars()
                            .next_back()
                            .is_some_and(|p| p.is_ascii_digit())
                            && next.is_some_and(|n| n.is_ascii_digit())
                    }
                    '.' => {
                        // Inside a number or an initialism (3.5, U.S, e.g), or an
                        // abbreviation's own stop.
                        let inner = next.is_some_and(is_word_char);
                        inner || abbreviation_stop(&text[i..at], next)
                    }
                    '\'' | '’' => {
                        next.is_some_and(char::is_alphabetic)
                            && !CLITICS.iter().any(|cl| {
                                text[at..bytes_end].starts_with(cl)
                                    && !text[at + cl.len()..bytes_end].starts_with(is_word_char)
                            })
                    }
                    '%' => false,
                    _ => false,
                }
            };
            if !keep {
                break;
            }
            j = at + ch.len_utf8();
        }
        if j == i {
            j = i + c.len_utf8();
        }
        push(out, i, j, new_sentence);
        i = j;
    }
}

/// Whether the full stop after `word` (and before `next`) belongs to it: an abbreviation, a
/// single initial, or an initialism written with points ("U.S.", "G.K.").
fn abbreviation_stop(word: &str, next: Option<char>) -> bool {
    if next.is_some_and(|n| n.is_alphanumeric()) {
        return true;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let parts: Vec<&str> = word.split('.').collect();
    parts
        .iter()
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// Whether the token `prev` (the last of `out`) ends a sentence: a closing mark, ". ! ?" or an
/// abbreviation that is also the end of one ("…in the U.S." before a capital is not: too rare
/// to tell, and names follow "Mr." far more often).
fn ends_a_sentence(text: &str, out: &[Token], prev: &Token) -> bool {
    let mut k = out.len();
    let mut tok = *prev;
    // Skip closing marks: "…,” he said." ends at the stop before them.
    while matches!(tok.text(text), "”" | "’" | "\"" | "'" | ")" | "»") && k > 1 {
        k -= 1;
        tok = out[k - 1];
    }
    matches!(tok.text(text), "." | "!" | "?" | "..." | "…")
}

/// The sentences of a token list, as index ranges.
pub fn sentences(tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.sentence_start && i > start {
            out.push(start..i);
            start = i;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn punctuation_clitics_and_abbreviations_are_cut_as_the_treebank_does() {
        assert_eq!(
            words("“We don’t know,” said Mr. Smith of the U.S. Senate's panel."),
            [
                "“", "We", "do", "n’t", "know", ",", "”", "said", "Mr.", "Smith", "of", "the",
                "U.S.", "Senate", "'s", "panel", "."
            ]
        );
        assert_eq!(
            words("It cost $1,237.50 (3.5%) — well-known; G.K. Butterfield said..."),
            [
                "It",
                "cost",
                "$",
                "1,237.50",
                "(",
                "3.5",
                "%",
                ")",
                "—",
                "well-known",
                ";",
                "G.K.",
                "Butterfield",
                "said",
                "..."
            ]
        );
    }

    #[test]
    fn sentences_end_at_stops_and_line_breaks_not_at_abbreviations() {
        let text = "Sen. Ted Cruz spoke. “Go,” he said. Then Dr. Lee left!\nNew line";
        let tokens = tokenize(text);
        let starts: Vec<&str> = tokens
            .iter()
            .filter(|t| t.sentence_start)
            .map(|t| t.text(text))
            .collect();
        assert_eq!(starts, ["Sen.", "“", "Then", "New"]);
        assert_eq!(sentences(&tokens).len(), 4);
    }
}
