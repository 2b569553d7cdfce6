//! English word lists: titles, honorifics, people words, portfolios, and words that name no person.
//! The words are the English profile, `index/data/languages/en.txt` (one section each); the
//! statics here read it the first time they are used.

use std::ops::Deref;
use std::sync::LazyLock;

use crate::clip::profile::Profile;

/// The English profile.
pub(crate) static ENGLISH: LazyLock<Profile> =
    LazyLock::new(|| Profile::of("en").expect("the English profile is compiled in"));

/// One section of the English profile, as a list of words.
pub(crate) struct Words(LazyLock<Vec<&'static str>>);

impl Deref for Words {
    type Target = [&'static str];
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

/// One section of the English profile as a regex alternation (`said|says|went on`), the
/// profile's "_" read as a space.
pub(crate) struct Alternation(LazyLock<String>);

impl Alternation {
    pub(crate) const fn new(build: fn() -> String) -> Alternation {
        Alternation(LazyLock::new(build))
    }
}

impl Deref for Alternation {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Alternation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

/// The entries of an English profile section joined as a regex alternation.
pub(crate) fn alternation(section: &str) -> String {
    ENGLISH
        .words(section)
        .iter()
        .map(|w| w.replace('_', " "))
        .collect::<Vec<_>>()
        .join("|")
}

macro_rules! section {
    ($name:literal) => {
        Words(LazyLock::new(|| ENGLISH.words($name).to_vec()))
    };
}

/// Title words that may stand before a name ("President Joe Biden", "Zensar CEO Ajay Bhandari").
pub(super) static TITLE_WORDS: Words = section!("titles");

/// Honorifics dropped from names ("Mr. Smith" is Smith).
pub(super) static HONORIFICS: Words = section!("honorifics");

/// Words that mark a phrase as a title when it follows a name ("…, chief operating officer of…").
pub(super) static TITLE_KEYWORDS: Words = section!("title keywords");

pub(super) static PRONOUNS: Words = section!("pronouns");

/// Words for people a text describes without naming them ("a senior aide", "the woman").
pub(super) static PEOPLE_WORDS: Words = section!("people words");

/// Title words that are also surnames, which end a name rather than start one ("Steve King",
/// "Rob Bishop", "John Major" against "King Charles", "Judge Reeves").
pub(super) static SURNAME_TITLES: Words = section!("surname titles");

/// Capitalised words that belong to the title they stand before: what an officer or a
/// minister is in charge of ("Microsoft Chief Financial Officer Amy Hood", "German Foreign
/// Minister Annalena Baerbock", "Amazon Senior Vice President Dave Limp", "White House Press
/// Secretary Karine Jean-Pierre"), not the organization.
pub(super) static PORTFOLIOS: Words = section!("portfolios");

pub(super) fn is_portfolio(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && PORTFOLIOS.contains(&w.to_lowercase().as_str())
}

pub(super) fn is_title_word(w: &str) -> bool {
    TITLE_WORDS.contains(&w.to_lowercase().as_str())
}

pub(super) fn has_title_keyword(phrase: &str) -> bool {
    phrase
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            TITLE_KEYWORDS.contains(&w.to_lowercase().as_str()) || names_an_occupation(w)
        })
}

/// Endings of nouns that name an occupation ("oceanographer", "physician", "journalist").
pub(super) static OCCUPATION_ENDINGS: Words = section!("occupation endings");

/// A lower-case noun whose ending names an occupation: "oceanographer", "epidemiologist",
/// "physician", "historian", "journalist" (not the verbs "insist", "resist" and the like).
pub(super) fn names_an_occupation(w: &str) -> bool {
    const NOT: &[&str] = &[
        "assist", "insist", "persist", "resist", "exist", "consist", "enlist",
    ];
    w.chars().all(|c| c.is_lowercase() || c == '-')
        && w.chars().count() >= 6
        && OCCUPATION_ENDINGS.iter().any(|e| w.ends_with(e))
        && !NOT.iter().any(|n| w.ends_with(n))
}

/// Words that mark a capitalised run as an organization or a place rather than a person.
pub(super) static NOT_PERSON: Words = section!("not a person");

/// Words after a name's "’s" that make it "is" or "has", not a possessive: "Christie's been",
/// "Trump's not", "Clinton's a".
pub(super) static CONTRACTION_FOLLOWS: Words = section!("contraction follows");

/// Words that open a subordinate clause before a sentence's main clause.
pub(super) static SUBORDINATORS: Words = section!("subordinators");

#[cfg(test)]
mod tests {
    use super::*;

    /// One list of reporting verbs: the inverted cues and the participles are parts of it, and
    /// every section the reader takes words from has some.
    #[test]
    fn the_english_profile_has_one_cue_list_and_every_section_read() {
        let cues = ENGLISH.set("cues");
        for part in ["cues before the speaker", "participles"] {
            let missing: Vec<_> = ENGLISH
                .words(part)
                .iter()
                .filter(|w| !cues.contains(*w))
                .collect();
            assert!(missing.is_empty(), "[{part}] not in [cues]: {missing:?}");
        }
        for list in [
            &TITLE_WORDS,
            &TITLE_KEYWORDS,
            &HONORIFICS,
            &PRONOUNS,
            &PEOPLE_WORDS,
            &SURNAME_TITLES,
            &PORTFOLIOS,
            &OCCUPATION_ENDINGS,
            &NOT_PERSON,
            &CONTRACTION_FOLLOWS,
            &SUBORDINATORS,
        ] {
            assert!(!list.is_empty());
        }
        // ("_" joins a phrase's words in the file; the regexes get them with a space.)
        assert!(
            alternation("cues")
                .split('|')
                .any(|c| c == "is quoted as saying")
        );
        assert!(super::super::patterns::is_cue_word("opined"));
    }
}
