//! Citation keys: `alilughatta2025launch` — the speaker's family name, the year (or `nd`) and
//! the first word of the quote that says something, folded to ASCII. Keys are unique within one
//! export (a second `alilughatta2025launch` becomes `alilughatta2025launchb`) and depend only on
//! the quotes, so the same selection exported twice gets the same keys.

use std::collections::HashMap;

use chrono::Datelike;

use super::{Citable, issued, split_name};

const STOP_WORDS: &[&str] = &[
    "the", "and", "but", "for", "not", "are", "was", "were", "has", "have", "had", "this", "that",
    "these", "those", "with", "from", "into", "our", "their", "there", "they", "them", "its",
    "it's", "his", "her", "she", "you", "your", "all", "any", "can", "could", "would", "should",
    "will", "just", "very", "what", "when", "which", "who", "why", "how", "been", "being", "also",
    "than", "then", "out", "about", "more", "most", "some", "such", "only", "one", "over", "we're",
    "i'm", "don't", "didn't", "does", "did", "because", "like", "get", "got", "think",
];

/// One key per item, in order.
pub fn assign(items: &[&Citable]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    items
        .iter()
        .map(|item| {
            let base = base_key(item);
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                base
            } else {
                format!("{base}{}", suffix(*n))
            }
        })
        .collect()
}

/// b, c, …, z, then 27, 28, …
fn suffix(n: usize) -> String {
    if n <= 26 {
        char::from(b'a' + (n - 1) as u8).to_string()
    } else {
        n.to_string()
    }
}

fn base_key(item: &Citable) -> String {
    let (family, _) = split_name(&item.quote.speaker);
    // (A transliterated name's family name is its last part: "维杰亚辛哈·阿利卢加塔".)
    let family = family.rsplit(['·', '•', '・']).next().unwrap_or(&family);
    let mut name = ascii_word(family);
    if name.is_empty() {
        name = "anon".into();
    }
    let year = issued(item)
        .map(|d| d.year().to_string())
        .unwrap_or_else(|| "-nd-".into());
    let word = item
        .quote
        .text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.replace('’', "'").to_lowercase())
        .find(|w| w.chars().count() >= 3 && !STOP_WORDS.contains(&w.as_str()))
        // (Chinese and Japanese set no spaces: a run of characters is a sentence, of which
        // the first two stand for its first word.)
        .map(
            |w| match w.chars().position(crate::model::is_cjk_ideograph_or_kana) {
                Some(at) => ascii_word(&w.chars().skip(at).take(2).collect::<String>()),
                None => ascii_word(&w),
            },
        )
        .unwrap_or_default();
    format!("{name}{year}{word}")
}

/// Lowercase ASCII letters and digits only ("Alilughatta" → "alilughatta", "Müller" →
/// "muller", "梁文锋" → "liangwenfeng").
fn ascii_word(text: &str) -> String {
    deunicode::deunicode(text)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::csl::tests::citable;

    #[test]
    fn keys_are_readable_and_unique() {
        let a = citable(
            "The launch of DeepSeek's R2 model",
            "Vijayasimha Alilughatta",
            None,
        );
        let b = citable("The launch again", "Vijayasimha Alilughatta", None);
        let c = citable("Ça va très bien", "Jürgen Müller", None);
        let keys = assign(&[&a, &b, &c]);
        assert_eq!(keys[0], "alilughatta2025launch");
        assert_eq!(keys[1], "alilughatta2025launchb");
        assert_eq!(keys[2], "muller2025tres");
        // Chinese: the family name, and the quotation's first two characters.
        let d = citable("我们会继续投资，人工智能是核心。", "吴泳铭", None);
        let e = citable("这是一个重要的时刻。", "维杰亚辛哈·阿利卢加塔", None);
        assert_eq!(assign(&[&d, &e]), ["wu2025women", "alilujiata2025zheshi"]);
    }
}
