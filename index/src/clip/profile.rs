//! Language profiles: the words an attribution is made of in one language (its verbs of
//! saying, titles, honorifics, how an organization's name ends…), kept as data files under
//! `index/data/languages/` and compiled into the binary, one file per language (Chinese, Japanese,
//! Korean, and the twelve European languages of [`super::languages`]). The shapes those words
//! are read in are code ([`super::chinese`], [`super::languages`]…); the words are here, so
//! that a newsroom's editor can add a verb or a title without reading Rust.
//!
//! A profile file holds sections: a `[heading]` line, then entries separated by white space
//! or new lines; `#` starts a comment. An entry is one word or phrase; a phrase's words are
//! joined by `_` ("a_déclaré") where the reader takes phrases.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The sections every profile declares (a test checks each file); a section may be empty where
/// the language's reader has no use for it yet, but `NON_EMPTY` ones never are.
pub(crate) const REQUIRED: &[&str] = &[
    "cues",
    "titles",
    "honorifics",
    "organization suffixes",
    "pronouns",
    "adverbials",
];
pub(crate) const NON_EMPTY: &[&str] = &["cues", "pronouns"];

/// The profiles compiled in, by language code.
pub(crate) const FILES: &[(&str, &str)] = &[
    ("en", include_str!("../../data/languages/en.txt")),
    ("zh", include_str!("../../data/languages/zh.txt")),
    ("ja", include_str!("../../data/languages/ja.txt")),
    ("ko", include_str!("../../data/languages/ko.txt")),
    ("fr", include_str!("../../data/languages/fr.txt")),
    ("es", include_str!("../../data/languages/es.txt")),
    ("it", include_str!("../../data/languages/it.txt")),
    ("pt", include_str!("../../data/languages/pt.txt")),
    ("de", include_str!("../../data/languages/de.txt")),
    ("cs", include_str!("../../data/languages/cs.txt")),
    ("ru", include_str!("../../data/languages/ru.txt")),
    ("sv", include_str!("../../data/languages/sv.txt")),
    ("nb", include_str!("../../data/languages/nb.txt")),
    ("da", include_str!("../../data/languages/da.txt")),
    ("nl", include_str!("../../data/languages/nl.txt")),
    ("pl", include_str!("../../data/languages/pl.txt")),
];

/// Someone named before, as the readers keep them: full name, title, organization.
pub(crate) type Named = (String, Option<String>, Option<String>);

/// A pronoun's quotation given to the speaker named last (with their role when clipping:
/// `carry_title`), or left with the pronoun as its mention when no one was named before.
pub(crate) fn pronoun_as_named_last(
    a: &mut super::attribution::Attribution,
    known: &[Named],
    pronoun: &str,
    carry_title: bool,
) {
    a.mention = Some(pronoun.to_owned());
    match known.last() {
        Some((name, title, org)) => {
            a.speaker = Some(name.clone());
            a.note = Some(format!(
                "the pronoun taken as {name}, the speaker named last"
            ));
            if carry_title {
                a.title = title.clone();
                a.organization = org.clone();
            }
        }
        None => a.note = Some(format!("“{pronoun}” does not refer to anyone named before")),
    }
}

/// How something was said, by the first medium whose words the clause holds.
pub(crate) fn medium_in(
    media: &[(crate::model::Medium, Vec<&'static str>)],
    clause: &str,
) -> Option<crate::model::Medium> {
    media
        .iter()
        .find(|(_, words)| words.iter().any(|x| clause.contains(x)))
        .map(|(m, _)| *m)
}

/// One language's words, by section.
#[derive(Debug, Default)]
pub(crate) struct Profile {
    sections: HashMap<&'static str, Vec<&'static str>>,
}

impl Profile {
    /// Reads a profile file; an error names the line that is wrong.
    pub(crate) fn parse(src: &'static str) -> Result<Profile, String> {
        let mut sections: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
        let mut current: Option<&'static str> = None;
        for (n, line) in src.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[') {
                let name = name
                    .strip_suffix(']')
                    .ok_or_else(|| format!("line {}: a heading ends with ']'", n + 1))?
                    .trim();
                if sections.contains_key(name) {
                    return Err(format!("line {}: section [{name}] appears twice", n + 1));
                }
                sections.insert(name, Vec::new());
                current = Some(name);
                continue;
            }
            let name = current
                .ok_or_else(|| format!("line {}: words before the first [section]", n + 1))?;
            let words = sections.entry(name).or_default();
            for w in line.split_whitespace() {
                if !words.contains(&w) {
                    words.push(w);
                }
            }
        }
        Ok(Profile { sections })
    }

    /// The compiled-in profile of a language, if there is one.
    pub(crate) fn of(code: &str) -> Option<Profile> {
        let code = code.split(['-', '_']).next().unwrap_or(code);
        FILES.iter().find(|(c, _)| *c == code).map(|(c, src)| {
            let p = Profile::parse(src).unwrap_or_else(|e| panic!("profile {c}: {e}"));
            if let Some(s) = REQUIRED.iter().find(|s| !p.declares(s)) {
                panic!("profile {c} has no [{s}]");
            }
            if let Some(s) = NON_EMPTY.iter().find(|s| p.words(s).is_empty()) {
                panic!("profile {c} has nothing in [{s}]");
            }
            p
        })
    }

    /// Whether the file has this section (perhaps empty).
    pub(crate) fn declares(&self, section: &str) -> bool {
        self.sections.contains_key(section)
    }

    /// A section's entries in file order (empty when the file has no such section).
    pub(crate) fn words(&self, section: &str) -> &[&'static str] {
        self.sections.get(section).map_or(&[], Vec::as_slice)
    }

    /// A section's entries, longest first: for matching the longest entry at a position.
    pub(crate) fn longest_first(&self, section: &str) -> Vec<&'static str> {
        let mut words = self.words(section).to_vec();
        words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        words
    }

    /// The words that tell how something was said (sections `[medium statement]`,
    /// `[medium interview]`, `[medium post]`, `[medium speech]`, `[medium email]`), each list
    /// longest first.
    pub(crate) fn media(&self) -> Vec<(crate::model::Medium, Vec<&'static str>)> {
        use crate::model::Medium;
        [
            (Medium::Statement, "medium statement"),
            (Medium::Interview, "medium interview"),
            (Medium::Post, "medium post"),
            (Medium::Speech, "medium speech"),
            (Medium::Email, "medium email"),
        ]
        .into_iter()
        .map(|(m, section)| (m, self.longest_first(section)))
        .collect()
    }

    pub(crate) fn set(&self, section: &str) -> HashSet<&'static str> {
        self.words(section).iter().copied().collect()
    }

    #[cfg(test)]
    pub(crate) fn sections(&self) -> impl Iterator<Item = &&'static str> {
        self.sections.keys()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profile_reads_and_has_every_required_section() {
        for (code, src) in FILES {
            let p = Profile::parse(src).unwrap_or_else(|e| panic!("{code}: {e}"));
            for section in REQUIRED {
                assert!(p.declares(section), "profile {code} has no [{section}]");
            }
            for section in NON_EMPTY {
                assert!(
                    !p.words(section).is_empty(),
                    "profile {code} has nothing in [{section}]"
                );
            }
            for s in p.sections() {
                for w in p.words(s) {
                    assert!(!w.is_empty() && !w.contains(char::is_whitespace));
                }
            }
        }
    }

    #[test]
    fn a_bad_profile_is_refused_with_its_line() {
        assert!(
            Profile::parse("cue words\n[cues]\nsaid")
                .unwrap_err()
                .contains("line 1")
        );
        assert!(
            Profile::parse("[cues]\nsaid\n[cues]\nsays")
                .unwrap_err()
                .contains("twice")
        );
        let p =
            Profile::parse("[cues] # verbs\nsaid says said\n[titles]\nchief executive").unwrap();
        assert_eq!(p.words("cues"), ["said", "says"]);
        assert_eq!(p.longest_first("titles"), ["executive", "chief"]);
    }
}
