//! Who said a quotation, in articles not in English: the reporting verbs of French, Spanish,
//! Italian, Portuguese, German, Czech and Russian, in the shapes news writing uses most —
//! the verb and the speaker after the quotation (« … », a déclaré Emmanuel Macron; „…“, sagte
//! er; "…," řekl Hons; «…», — заявил министр обороны Сергей Шойгу) or the speaker and the verb
//! before it, with a colon (Scholz sagte: „…“), and "according to" (selon, según, laut…).
//!
//! The English reader ([`super::attribution`]) knows far more shapes; this one reads only
//! these, and leaves a quotation it cannot read without a speaker rather than guess. A pronoun
//! or a verb with no subject (dit-il; "…," poznamenal) is the speaker named last.

use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use super::attribution::Attribution;
use super::german::is_german_title;
use super::profile::Profile;
use super::quotes::Quotation;

mod roles;
use roles::*;

/// What one language needs: its reporting verbs, words for "according to", subject pronouns,
/// determiners (no part of a title or a name) and prepositions (after one, what precedes the
/// name is no title: "poznamenal po zápase Slabý"). Read from the language's profile
/// (`index/data/languages/CODE.txt`, sections of the same names).
struct Language {
    code: &'static str,
    /// "of" and "at" between a role and its organization ("presidente de Telefónica",
    /// "talesperson för Moderaterna").
    of_words: Vec<&'static str>,
    /// The reporting verbs as a regex alternation, in the profile's order.
    cues: String,
    according: String,
    pronouns: Vec<&'static str>,
    determiners: Vec<&'static str>,
    prepositions: Vec<&'static str>,
    /// "as" before one ("Как разъясняет следователь, “…”").
    as_word: String,
    /// Words that join clauses, where a description ends ("сказал швейцар и пошел").
    conjunctions: Vec<&'static str>,
    /// Words that open a sentence and name no one ("Как", "Jak", "Puis"), and titles that,
    /// opening a sentence, are capitalised ("Starosta Jindřich Abrhám", "Президент Путин").
    openers: Vec<&'static str>,
    titles: Vec<&'static str>,
    /// Endings of a definite noun ("Sjuksköterskan" is "sjuksköterska" with "n"): a title so
    /// ended is still one.
    definite: Vec<&'static str>,
    /// Endings of a genitive before a title ("Nordståls koncernchef", "AIK:s lagkapten"):
    /// the organization the title is of.
    genitive: Vec<&'static str>,
    /// Whether the language says "of" by a case, not a word ("prezes spółki Energia Śląska",
    /// "rzecznik URE Paweł Bagiński"): a capitalised run after a title is its organization.
    of_by_case: bool,
    /// Words for a kind of body between a title and the body's name ("dyrektor generalny
    /// sieci Koszyk"): no part of the title.
    body_words: Vec<&'static str>,
    /// The regexes, built the first time an article in the language is read.
    readers: OnceLock<Readers>,
}

/// The languages this reader knows, by the profile code.
const CODES: &[&str] = &[
    "fr", "es", "it", "pt", "de", "cs", "ru", "sv", "nb", "da", "nl", "pl",
];

/// The sections a profile read here must declare (they may be empty: Czech has no word for
/// "according to" that takes a name).
pub(crate) const SECTIONS: &[&str] = &[
    "cues",
    "according",
    "pronouns",
    "determiners",
    "prepositions",
    "of words",
    "as",
    "conjunctions",
    "openers",
    "titles",
];

impl Language {
    fn from_profile(code: &'static str) -> Language {
        let p = Profile::of(code).unwrap_or_else(|| panic!("no profile for {code}"));
        if let Some(missing) = SECTIONS.iter().find(|s| !p.declares(s)) {
            panic!("profile {code} has no [{missing}]");
        }
        // (A phrase's words are joined by "_" in the file: "a_déclaré".)
        let alternation = |section: &str| {
            p.words(section)
                .iter()
                .map(|w| w.replace('_', " "))
                .collect::<Vec<_>>()
                .join("|")
        };
        Language {
            code,
            of_words: p.words("of words").to_vec(),
            cues: alternation("cues"),
            according: alternation("according"),
            pronouns: p.words("pronouns").to_vec(),
            determiners: p.words("determiners").to_vec(),
            prepositions: p.words("prepositions").to_vec(),
            as_word: alternation("as"),
            conjunctions: p.words("conjunctions").to_vec(),
            openers: p.words("openers").to_vec(),
            titles: p.words("titles").to_vec(),
            definite: p.longest_first("definite endings"),
            genitive: p.longest_first("genitive endings"),
            of_by_case: p.words("of by case") == ["yes"],
            body_words: p.words("body words").to_vec(),
            readers: OnceLock::new(),
        }
    }
}

static LANGUAGES: LazyLock<Vec<Language>> =
    LazyLock::new(|| CODES.iter().map(|c| Language::from_profile(c)).collect());

/// The lower-case words a name may hold between its capitalised ones ("Ursula von der Leyen",
/// "Willem van Dijk"), as a regex alternation.
macro_rules! name_particles {
    () => {
        "de|da|del|della|di|do|dos|van|von|der|zu|la|le"
    };
}

/// Whether a word is one a name may hold ([`name_particles`]).
fn is_name_particle(word: &str) -> bool {
    name_particles!().split('|').any(|p| p == word)
}

/// A name: up to four capitalised words (initials and particles inside: "P. Slaný", "Ursula
/// von der Leyen").
const NAME: &str = concat!(
    r"(?:(?:Dr|Prof|Dott|Ing|Mag)\.\s+)?(?:\p{Lu}\.\s*){0,2}\p{Lu}[\p{L}\p{M}'’\-]+(?:\s+(?:(?:",
    name_particles!(),
    r")\s+)*\p{Lu}[\p{L}\p{M}'’\-]+){0,3}"
);

struct Readers {
    /// The text after a quotation: `, a déclaré Emmanuel Macron`, `, — сказал он`.
    after: Regex,
    /// An attribution set inside the quotation marks between dashes: «…, — говорит
    /// Апраушев, — …».
    inner: Regex,
    /// The text before one: `Scholz sagte:`, `Selon Macron,`.
    before: Regex,
}

fn readers(lang: &Language) -> Readers {
    let cues = &lang.cues;
    let pronouns = lang.pronouns.join("|");
    let (according, according_before) = match lang.according.as_str() {
        "" => (String::new(), String::new()),
        a => (
            format!("|{a}"),
            format!(
                r"(?P<according>(?i:{a}))\s+(?P<aname>{NAME})(?:\s*,\s*(?P<aappos>\p{{Ll}}[^,«»“”„\x22\n]{{1,80}}?))?\s*,|"
            ),
        ),
    };
    // (The verb may be led by an adverb or two: "skromně poznamenal".)
    let after = format!(
        r"^[\s,]*(?:[—–-]\s*)?(?:\p{{Ll}}[\p{{L}}\p{{M}}]*\s+){{0,2}}?(?P<cue>(?i:{cues}{according}))(?P<clitic>-t-(?:il|elle|on)|-(?:il|elle|on))?\b(?P<rest>[^\n]*)"
    );
    // Before the quotation: "according to X,"; "as X says," ("Как разъясняет следователь,");
    // a name, perhaps an appositive and a few words, and the verb ("Hasan Nasralláh na
    // shromáždění … prohlásil, že"); a pronoun and the verb ("Он сказал:").
    let gap = r"(?:\s+[^\s,.;:«»“”„\x22]+)";
    // After the verb: a word or two ("Он пишет дальше:"), then the quotation, a colon or a
    // comma, or a clause leading to it ("заявил, что “…”"; "Шувалов признал: у правительства
    // нет “…”"; "zdůraznil, že …").
    // (Or a longer clause that a colon ends: "säger att fler kedjor kommer att följa efter:".)
    let tail = r"(?:(?:\s+[^\s,.;:«»“”„\x22]+){0,2}?(?:\s*[:,][^.!?«»“”„\x22\n]{0,200}?)?|(?:\s+[^\s,.;:«»“”„\x22]+){3,14}?\s*:)\s*$";
    let before = format!(
        r"(?:{according_before}\b(?i:{as_word})\s+(?:(?P<aspron>(?i:{pronouns}))\s+(?P<ascue2>(?i:{cues}))|(?P<ascue>(?i:{cues}))\s+(?P<asrest>[^,«»“”„\x22\n]{{1,80}}?))\s*,|(?P<name>{NAME})(?:\s*,\s*(?P<appos>[^,.;:«»“”„\x22\n]{{2,120}}?)\s*,)?{gap}{{0,8}}?\s+(?P<cue>{cues})|\b(?P<pron>(?i:{pronouns})){gap}{{0,3}}?\s+(?P<pcue>{cues})|(?:^|[,;]\s+)(?P<desc>\p{{Ll}}[\p{{L}}\p{{M}}\-]*(?:\s+\p{{Ll}}[\p{{L}}\p{{M}}\-]*){{0,2}}?)\s+(?P<dcue>{cues})){tail}",
        as_word = lang.as_word,
    );
    // (Spanish sets the dashes against the words: «… —dijo el ministro— …»; French marks the
    // attribution by its inverted pronoun between commas: « …, a-t-il ajouté, … ».)
    let dash = r"(?:\s+[—–-]\s+|\s*—\s*)";
    let inner = format!(
        r"(?P<comma>,)?{dash}(?P<attribution>(?i:{cues})\b[^—–\n«»“”„\x22]{{1,120}}?)\s*,?{dash}|(?P<comma2>,)\s+(?P<inverted>(?:a-t-(?:il|elle|on)\s+\p{{Ll}}+|\p{{Ll}}+-(?:t-)?(?:il|elle|on)))\s*,\s+"
    );
    Readers {
        inner: Regex::new(&inner).expect("valid regex"),
        after: Regex::new(&after).expect("valid regex"),
        before: Regex::new(&before).expect("valid regex"),
    }
}

fn language(code: &str) -> Option<(&'static Language, &'static Readers)> {
    let code = code.split(['-', '_']).next().unwrap_or(code);
    // (Norwegian Bokmål is "nb", and often just "no" in a page's lang attribute.)
    let code = if code == "no" { "nb" } else { code };
    let lang = LANGUAGES.iter().find(|l| l.code == code)?;
    Some((lang, lang.readers.get_or_init(|| readers(lang))))
}

/// Chinese (simplified or traditional: "zh", "zh-TW"), Japanese and Korean, each read by a
/// reader of its own ([`super::chinese`], [`super::japanese`], [`super::korean`]).
fn own_reader(code: &str) -> bool {
    matches!(code.split(['-', '_']).next(), Some("zh" | "ja" | "ko"))
}

/// Whether this reader knows the article's language.
pub(crate) fn reads(code: &str) -> bool {
    language(code).is_some() || own_reader(code)
}

/// What was read of one quotation's attribution.
#[derive(Debug, Default, PartialEq)]
struct Read {
    cue: String,
    /// A name, a pronoun (`pronoun`), or nothing (a verb without a subject).
    name: Option<String>,
    pronoun: Option<String>,
    title: Option<String>,
    /// The organization read between the title and the name ("prezes ZNP Sławomir Broniarz").
    organization: Option<String>,
    /// A source described, not named ("le porte-parole", "předseda").
    described: Option<String>,
}

/// Reads the speaker of each quotation of `text` in language `code`; `None` for a quotation
/// this reader finds no attribution for. With `carry_title`, a pronoun's speaker brings the
/// title read with their name (clipping); without, the pronoun claims only who (checking a
/// draft, whose "a-t-il ajouté" says nothing of a title).
///
/// A quotation whose attribution stands inside its marks between dashes («…, — говорит
/// Апраушев, — …») loses those words from its text, as a quotation broken by its attribution
/// outside the marks is joined.
pub(crate) fn attribute(
    text: &str,
    quotations: &mut [Quotation],
    code: &str,
    carry_title: bool,
) -> Vec<Option<Attribution>> {
    match code.split(['-', '_']).next() {
        Some("zh") => return super::chinese::attribute(text, quotations, carry_title),
        Some("ja") => return super::japanese::attribute(text, quotations, carry_title),
        Some("ko") => return super::korean::attribute(text, quotations, carry_title),
        _ => {}
    }
    let Some((lang, readers)) = language(code) else {
        return vec![None; quotations.len()];
    };
    let mut inner: Vec<Option<Read>> = quotations
        .iter_mut()
        .map(|q| {
            let c = readers.inner.captures(&q.text)?;
            let attribution = c.name("attribution").or(c.name("inverted"))?;
            let read = read_after(lang, readers, attribution.as_str())?;
            let whole = c.get(0)?;
            let comma = match c.name("comma").or(c.name("comma2")) {
                Some(_) => ",",
                None => "",
            };
            q.text = format!(
                "{}{comma} {}",
                &q.text[..whole.start()],
                &q.text[whole.end()..]
            );
            Some(read)
        })
        .collect();
    let quotations = &*quotations;
    // The person named last, with their title and organization.
    let mut last_named: Option<Named> = None;
    // The full names read so far, which a surname alone means ("zdůrazňuje Rice" after
    // "Declan Rice").
    let mut full_names: Vec<Named> = Vec::new();
    quotations
        .iter()
        .enumerate()
        .map(|(n, q)| {
            let (before, after) = super::quotes::neighbourhood(text, quotations, n);
            let after = &after[..after.find(['\n']).unwrap_or(after.len())];
            let before = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
            let read = inner[n].take().or_else(|| {
                read_after(lang, readers, after).or_else(|| read_before(lang, readers, before))
            })?;
            let mut a = Attribution {
                cue: Some(read.cue.to_lowercase()),
                ..Attribution::default()
            };
            // Those the narration names in full before the quotation, read when needed.
            let people = || people_in(lang, &text[..q.open.min(text.len())]);
            if let Some(name) = read.name {
                let (name, of) = split_of(lang, &name);
                let (title, organization) =
                    role_of(lang, read.title.as_deref(), read.organization.or(of));
                a.title = title.map(|t| sentence_case(lang, t));
                a.organization = organization;
                let full = match name.contains(char::is_whitespace) {
                    true => {
                        full_names.push((name.clone(), a.title.clone(), a.organization.clone()));
                        None
                    }
                    // A surname alone: the full name read before, or named in the narration.
                    false => {
                        let last_word =
                            |full: &str| full.split_whitespace().last() == Some(name.as_str());
                        named_before(lang, &full_names, people, |full, _| last_word(full))
                    }
                };
                if let Some((full, title, organization)) = full {
                    a.mention = Some(name.clone());
                    a.note = Some(format!("“{name}” resolved to {full}"));
                    a.speaker = Some(full);
                    // (With the role read with the full name, when clipping.)
                    if carry_title && a.title.is_none() {
                        a.title = title;
                        a.organization = a.organization.take().or(organization);
                    }
                } else {
                    // (A full name read without a role: the role the narration gave it.)
                    if carry_title
                        && a.title.is_none()
                        && a.organization.is_none()
                        && let Some(p) = people()
                            .into_iter()
                            .rfind(|p| p.name == name && p.title.is_some())
                    {
                        (a.title, a.organization) =
                            role_of(lang, p.title.as_deref(), p.organization);
                    }
                    a.speaker = Some(name);
                }
                last_named = a
                    .speaker
                    .clone()
                    .map(|n| (n, a.title.clone(), a.organization.clone()));
            } else if let Some(described) = read.described {
                // "zei de minister": the person the article gave that title before.
                let head = described
                    .split_whitespace()
                    .last()
                    .unwrap_or("")
                    .to_lowercase();
                let titled = |t: &Option<String>| {
                    t.as_deref().is_some_and(|t| {
                        t.to_lowercase()
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w == head)
                    })
                };
                let known = is_title_word(lang, &head)
                    .then(|| named_before(lang, &full_names, people, |_, t| titled(t)))
                    .flatten();
                match known {
                    Some((name, title, organization)) => {
                        a.note = Some(format!(
                            "“{described}” taken as {name}, named with that title before"
                        ));
                        a.speaker = Some(name.clone());
                        if carry_title {
                            a.title = title.clone();
                            a.organization = organization.clone();
                        }
                        last_named = Some((name, title, organization));
                    }
                    None => {
                        a.note =
                            Some("the article describes the speaker without naming them".into());
                    }
                }
                a.mention = Some(described);
            } else {
                let said_by = read.pronoun.as_deref().unwrap_or(&read.cue).to_owned();
                // Someone named in the narration since ("Le président de la SNCF, Jean-Pierre
                // Farandou, a appelé au dialogue. « … », a-t-il assuré"), with the role before
                // the name.
                if let Some(p) = named_in_narration(lang, before) {
                    let (t, o) = role_of(lang, p.title.as_deref(), p.organization);
                    last_named = Some((p.name, t, o));
                }
                match &last_named {
                    Some((name, title, organization)) => {
                        a.speaker = Some(name.clone());
                        if carry_title {
                            a.title = title.clone();
                            a.organization = organization.clone();
                        }
                        a.mention = Some(said_by.clone());
                        a.note = Some(format!(
                            "“{said_by}” taken as {name}, the speaker named last"
                        ));
                    }
                    None => {
                        a.mention = Some(said_by.clone());
                        a.note = Some(format!("“{said_by}” does not refer to anyone named before"));
                    }
                }
            }
            Some(a)
        })
        .collect()
}

/// A person: name, title and organization.
type Named = (String, Option<String>, Option<String>);

/// The last person `pick` accepts (by name and title) among those read before, else among
/// those the narration named (`people`, read only then), with their role.
fn named_before(
    lang: &Language,
    full_names: &[Named],
    people: impl FnOnce() -> Vec<Person>,
    pick: impl Fn(&str, &Option<String>) -> bool,
) -> Option<Named> {
    full_names
        .iter()
        .rev()
        .find(|(name, title, _)| pick(name, title))
        .cloned()
        .or_else(|| {
            people()
                .into_iter()
                .rfind(|p| pick(&p.name, &p.title))
                .map(|p| {
                    let (t, o) = role_of(lang, p.title.as_deref(), p.organization);
                    (p.name, t, o)
                })
        })
}

/// The title and organization of a role read as words ("presidente de Telefónica") and an
/// organization read beside the name ("van FC Zwolle").
fn role_of(
    lang: &Language,
    title: Option<&str>,
    organization: Option<String>,
) -> (Option<String>, Option<String>) {
    let (title, of) = match title {
        Some(t) => split_organization(lang, &bare_title(lang, t)),
        None => (None, None),
    };
    (title, of.or(organization))
}

fn read_after(lang: &Language, readers: &Readers, after: &str) -> Option<Read> {
    // French inversion of a compound verb: "a-t-il ajouté" is the cue "a ajouté" and "il".
    static INVERTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[\s,]*(?:[—–-]\s*)?a-t-(?P<pronoun>il|elle|on)\s+(?P<participle>\p{Ll}+)")
            .expect("valid regex")
    });
    if lang.code == "fr"
        && let Some(c) = INVERTED.captures(after)
    {
        let cue = format!("a {}", &c["participle"]);
        if is_cue(lang, &cue) {
            return Some(Read {
                cue,
                pronoun: Some(c["pronoun"].to_owned()),
                ..Read::default()
            });
        }
    }
    let c = readers.after.captures(after)?;
    let cue = c["cue"].to_owned();
    // "„…“, so Scholz": "so" is a cue only right after the quotation, before a name ("und so
    // weiter" is none).
    let so = cue.eq_ignore_ascii_case("so");
    if so && after[..c.name("cue").map_or(0, |m| m.start())].contains(char::is_alphabetic) {
        return None;
    }
    if let Some(clitic) = c.name("clitic") {
        let pronoun = clitic
            .as_str()
            .trim_start_matches("-t-")
            .trim_start_matches('-');
        return Some(Read {
            cue,
            pronoun: Some(pronoun.to_owned()),
            ..Read::default()
        });
    }
    let rest = c["rest"].trim_start();
    // A pronoun after the verb: "sagte er", "— сказал он", "dijo él".
    let first = rest
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '-' || ch == '\'' || ch == '’'))
        .next()
        .unwrap_or("");
    if is_pronoun(lang, first) {
        return Some(Read {
            cue,
            pronoun: Some(first.to_owned()),
            ..Read::default()
        });
    }
    let subject = subject_after(lang, rest);
    if so && subject.name.is_none() {
        return None;
    }
    if subject == Read::default() {
        // A verb and the sentence's end: a subject the language leaves out ("…," poznamenal.).
        // (Or where it was said: "- napisał w raporcie.")
        let first = rest.split_whitespace().next().unwrap_or("");
        let ends = rest.is_empty()
            || rest.starts_with(['.', ',', ';', '!', '?'])
            || lang.prepositions.contains(&first);
        let according = lang
            .according
            .split('|')
            .any(|a| a.eq_ignore_ascii_case(&cue));
        return (ends && !according && !cue.eq_ignore_ascii_case("so")).then_some(Read {
            cue,
            ..Read::default()
        });
    }
    Some(Read { cue, ..subject })
}

/// The speaker after a verb: a few lower-case words (the title, or the description of an
/// unnamed speaker), then the name, then perhaps an appositive that gives the title. A
/// capitalised word right after a preposition is its object ("při odletu z Kábulu"), not the
/// speaker, who may come after it.
fn subject_after(lang: &Language, rest: &str) -> Read {
    static FOLLOWS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?P<pre>(?:[\p{{Ll}}][\p{{L}}\p{{M}}'’.\-]*\s+){{0,5}}?)(?P<name>{NAME})(?:\s*,\s*(?P<appos>\p{{L}}[^,.;:«»“”„\x22\n]{{1,120}}?)\s*(?:[,.;]|$))?"
        ))
        .expect("valid regex")
    });
    static DESCRIBED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^(?P<described>(?:\p{Ll}[\p{L}\p{M}'’\-]*\s*){1,6}?)\s*(?:[.,;!?«»“”„"]|$)"#)
            .expect("valid regex")
    });
    // "afirmó la ministra de Vivienda, Isabel Rodríguez": a role with its article, then the
    // name between commas.
    static TITLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?P<desc>[\p{{L}}\p{{M}}'’\-]+(?:\s+[\p{{L}}\p{{M}}'’\-]+){{1,7}}?)\s*,\s*(?P<name>{NAME})\s*(?:[,.;]|$)"
        ))
        .expect("valid regex")
    });
    // "sagte der Torhüter", "sagte die CSU-Politikerin", "sagte der Österreicher der
    // Süddeutschen Zeitung": German reporting names someone once and then describes them with a
    // definite article and one noun; the description means the person named last.
    static DEFINITE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?P<described>(?:der|die)\s+[\p{Lu}\d][\p{L}\d\-]*)(?:\s+\p{Ll}|\s*[.,;!?]|\s*$)",
        )
        .expect("valid regex")
    });
    // (Not a spokesperson: "sagte der Sprecher" is someone of an office, whom the article does
    // not name.)
    if lang.code == "de"
        && let Some(c) = DEFINITE.captures(rest)
        && !c["described"].to_lowercase().ends_with("sprecher")
        && !c["described"].to_lowercase().ends_with("sprecherin")
    {
        return Read {
            pronoun: Some(c["described"].to_owned()),
            ..Read::default()
        };
    }
    // "sade IFK Göteborgs tränare Jonas Olsson": an organization's genitive, a title, a name.
    static GENITIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?P<org>{NAME}(?::s)?)\s+(?P<title>\p{{Ll}}[\p{{L}}\-]*(?:\s+\p{{Ll}}[\p{{L}}\-]*){{0,2}}?)\s+(?P<name>{NAME})"
        ))
        .expect("valid regex")
    });
    if !lang.genitive.is_empty()
        && let Some(c) = GENITIVE.captures(rest)
        && lang.genitive.iter().any(|e| c["org"].ends_with(e))
        && c["title"]
            .split_whitespace()
            .last()
            .is_some_and(|w| is_title_word(lang, w))
        && c["name"].contains(char::is_whitespace)
    {
        return Read {
            name: Some(c["name"].to_owned()),
            title: Some(format!("{} {}", &c["org"], &c["title"])),
            ..Read::default()
        };
    }
    // "řekl generální ředitel Moravské banky Petr Novotný": where "of" is a case and a body's
    // name may capitalise its first word only, what lies between the title and the first two
    // capitalised words in a row is the body.
    static CASE_ORG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"^(?P<pre>(?:\p{Ll}[\p{L}\p{M}\-]*\s+){1,4}?)(?P<org>[«"„“]?\p{Lu}[\p{L}\p{M}\-]*(?:\s+[\p{L}\p{M}\-]+){0,5}?[»"“”]?)\s+(?P<name>\p{Lu}[\p{Ll}\p{M}\-]+\s+\p{Lu}[\p{L}\p{M}\-]+)(?:\s+[^\p{Lu}\s]|\s*[,.;:!?]|\s*$)"#,
        )
        .expect("valid regex")
    });
    if lang.of_by_case
        && let Some(c) = CASE_ORG.captures(rest)
        && c["pre"].split_whitespace().any(|w| is_title_word(lang, w))
        && !c["org"].split_whitespace().any(|w| {
            lang.prepositions.contains(&w) || lang.conjunctions.contains(&w) || is_cue(lang, w)
        })
    {
        let pre: Vec<&str> = c["pre"].split_whitespace().collect();
        return Read {
            name: Some(c["name"].to_owned()),
            title: Some(without_body_words(lang, &pre).join(" ")).filter(|t| !t.is_empty()),
            organization: Some(
                c["org"]
                    .trim_matches(['«', '»', '"', '„', '“', '”'])
                    .to_owned(),
            ),
            ..Read::default()
        };
    }
    if let Some(c) = TITLED.captures(rest) {
        let first = c["desc"]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let article = lang.determiners.contains(&first.as_str())
            || first.starts_with("l'")
            || first.starts_with("l’");
        if article && c["name"].contains(char::is_whitespace) && !is_pronoun(lang, &c["name"]) {
            return Read {
                name: Some(c["name"].to_owned()),
                title: Some(c["desc"].to_owned()),
                ..Read::default()
            };
        }
    }
    let mut rest = rest;
    let mut skipped = false;
    for _ in 0..3 {
        let Some(c) = FOLLOWS.captures(rest) else {
            break;
        };
        let pre: Vec<&str> = c["pre"].split_whitespace().collect();
        let one_word = !c["name"].contains(char::is_whitespace);
        if one_word && pre.last().is_some_and(|w| lang.prepositions.contains(w)) {
            rest = rest[c.get(0).map_or(rest.len(), |m| m.end())..].trim_start();
            skipped = true;
            continue;
        }
        // "zei de minister woensdag in de Tweede Kamer": the name is what the preposition
        // leads to; the speaker is the title before it.
        if !skipped && let Some(p) = pre.iter().position(|w| lang.prepositions.contains(w)) {
            let words: Vec<&str> = pre[..p]
                .iter()
                .copied()
                .skip_while(|w| lang.determiners.contains(w))
                .collect();
            if let Some(last) = words.iter().rposition(|w| is_title_word(lang, w)) {
                return Read {
                    described: Some(words[..=last].join(" ")),
                    ..Read::default()
                };
            }
        }
        let pre = if skipped { Vec::new() } else { pre };
        // (With what the name is of after it: "sier fagdirektør Anne Fylling i Forbrukerrådet".)
        let name_end = c.name("name").map_or(0, |m| m.end());
        // (A surname alone is not extended: "sagde Krog i Folketinget" is where he said it.)
        let run = match c["name"].contains(char::is_whitespace) {
            true => extend_run(lang, &c["name"], &rest[name_end..]),
            false => c["name"].to_owned(),
        };
        let (title, name, organization) = split_name(lang, &pre, &run);
        if let Some(name) = name {
            if is_pronoun(lang, &name) {
                return Read {
                    pronoun: Some(name),
                    ..Read::default()
                };
            }
            let title = title.or_else(|| c.name("appos").and_then(|a| role_in(lang, a.as_str())));
            return Read {
                name: Some(name),
                title,
                organization,
                ..Read::default()
            };
        }
        if let Some(title) = title {
            return Read {
                described: Some(title),
                ..Read::default()
            };
        }
        break;
    }
    if skipped {
        return Read::default();
    }
    if let Some(c) = DESCRIBED.captures(rest) {
        let words: Vec<&str> = c["described"]
            .split_whitespace()
            .skip_while(|w| lang.determiners.contains(w))
            .take_while(|w| !lang.conjunctions.contains(w) && !lang.prepositions.contains(w))
            .collect();
        // ("el instructor del ‘caso Noos’": the description ends before what it is of.)
        let of = |w: &&str| lang.determiners.contains(w);
        let words = match words.iter().rposition(|w| !of(w)) {
            Some(last) => &words[..=last],
            None => &[][..],
        };
        if words.is_empty() {
            return Read::default();
        }
        return Read {
            described: Some(words.join(" ")),
            ..Read::default()
        };
    }
    Read::default()
}

/// Whether `word` is one of the language's subject pronouns, in any case ("Он", "er").
fn is_pronoun(lang: &Language, word: &str) -> bool {
    lang.pronouns.contains(&word.to_lowercase().as_str())
}

/// Whether `word` is one of the language's verbs of saying (a word before a name that is one
/// is no part of its title: "manifestó Castro").
fn is_cue(lang: &Language, word: &str) -> bool {
    lang.cues.split('|').any(|cue| cue == word)
}

/// Title and name from the lower-case words before a capitalised run and the run itself.
/// German titles are capitalised too: the run's leading title words go to the title, and a
/// run after a determiner that holds no more than a noun names no one ("der Minister").
fn split_name(
    lang: &Language,
    pre: &[&str],
    run: &str,
) -> (Option<String>, Option<String>, Option<String>) {
    let mut words: Vec<&str> = run.split_whitespace().collect();
    // (An academic honorific is no part of the name: "Dr. Andrea Huber".)
    while words.len() > 1 && ["Dr.", "Prof.", "Dott.", "Ing.", "Mag."].contains(&words[0]) {
        words.remove(0);
    }
    // A capitalised determiner or opener starting a sentence is no part of a name ("Der",
    // "Le", "Как"); nor is a title that starts it ("Starosta Jindřich Abrhám").
    let opens = |w: &str| {
        let w = w.to_lowercase();
        lang.determiners.contains(&w.as_str()) || lang.openers.contains(&w.as_str())
    };
    while words.first().is_some_and(|w| opens(w)) {
        words.remove(0);
    }
    let mut leading_titles: Vec<&str> = Vec::new();
    while words.len() > 1 && is_title_word(lang, words[0]) {
        leading_titles.push(words.remove(0));
    }
    // (An abbreviated degree or honorific is no title: "ing. P. Slaný".)
    let pre: Vec<&str> = pre.iter().copied().filter(|w| !w.ends_with('.')).collect();
    let pre = pre.as_slice();
    // "píše na Twitter Gary Lineker": a preposition's object opens the run.
    if pre.last().is_some_and(|w| lang.prepositions.contains(w)) && words.len() >= 2 {
        words.remove(0);
    }
    let mut title: Vec<&str> = Vec::new();
    let of = [
        "de", "du", "des", "del", "di", "della", "do", "da", "dos", "das", "d’", "d'",
    ];
    // (A title is a few words: more is a clause, "hodnotí českého středopolaře londýnský …".)
    let content = pre
        .iter()
        .filter(|w| !lang.determiners.contains(w) && !of.contains(w))
        .count();
    if !pre.iter().any(|w| lang.prepositions.contains(w)) && content <= 3 {
        // (Determiners leading the title are none of it: "el ministro" is "ministro".)
        title.extend(
            pre.iter()
                .skip_while(|w| lang.determiners.contains(w))
                .copied(),
        );
        // "el ministro de Sanidad Salvador Illa", "le ministre de la Santé François Braun":
        // what the title is of runs into the name, which is the last two words.
        let n = title.len();
        let of_last = title.last().is_some_and(|w| of.contains(w))
            || (n >= 2 && of.contains(&title[n - 2]) && lang.determiners.contains(&title[n - 1]));
        if of_last {
            if words.len() < 3 {
                // "selon le ministère des Affaires étrangères": a body, described.
                title.append(&mut words);
            } else {
                title.extend(words.drain(..words.len() - 2));
            }
        }
    }
    let mut after_determiner = pre.last().is_some_and(|w| lang.determiners.contains(w));
    if lang.code == "de" {
        // ("Sachsens Wirtschaftsminister Dirk Panter": a place's genitive before a title.)
        if words.len() > 2 && words[0].ends_with('s') && is_german_title(words[1]) {
            title.push(words.remove(0));
        }
        while let Some(first) = words.first() {
            if !is_german_title(first) {
                break;
            }
            title.push(words.remove(0));
            after_determiner = false;
        }
        if after_determiner && words.len() == 1 {
            // "sagte der Sprecher": a noun.
            title.append(&mut words);
        }
    }
    title.extend(leading_titles);
    // "prezes ZNP Sławomir Broniarz", "dyrektor generalny sieci Koszyk Robert Wiśniewski": after
    // a title, a run of three capitalised words or more is the organization and then the name.
    let mut organization = None;
    if lang.of_by_case
        && words.len() >= 3
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && title.iter().any(|w| is_title_word(lang, w))
    {
        let name = words.split_off(words.len() - 2);
        organization = Some(words.join(" "));
        title.truncate(without_body_words(lang, &title).len());
        words = name;
    }
    let title = (!title.is_empty()).then(|| title.join(" "));
    let name = (!words.is_empty()).then(|| words.join(" "));
    (title, name, organization)
}

fn read_before(lang: &Language, readers: &Readers, before: &str) -> Option<Read> {
    // A capitalised word that names no one ("Вот", "То") may start the first reading; the
    // next one starts after it.
    let mut from = 0;
    for _ in 0..4 {
        let c = readers.before.captures_at(before, from)?;
        match read_captures(lang, before, &c) {
            Some(read) => return Some(read),
            None => match c.name("name") {
                Some(name) => {
                    from = name.start() + name.as_str().chars().next().map_or(1, char::len_utf8)
                }
                None => return None,
            },
        }
    }
    None
}

fn read_captures(lang: &Language, before: &str, c: &regex::Captures<'_>) -> Option<Read> {
    if let Some(name) = c.name("aname") {
        // ("Selon Gilles Moec, chef économiste d'Axa, « … »": the role between commas.)
        return Some(Read {
            cue: c["according"].to_owned(),
            name: Some(name.as_str().to_owned()),
            title: c.name("aappos").and_then(|a| role_in(lang, a.as_str())),
            ..Read::default()
        });
    }
    let pronoun = |cue: &str, pronoun: &str| Read {
        cue: cue.to_owned(),
        pronoun: Some(pronoun.to_owned()),
        ..Read::default()
    };
    if let Some(p) = c.name("aspron") {
        return Some(pronoun(&c["ascue2"], p.as_str()));
    }
    if let Some(p) = c.name("pron") {
        return Some(pronoun(&c["pcue"], p.as_str()));
    }
    if let Some(desc) = c.name("desc") {
        let words: Vec<&str> = desc
            .as_str()
            .split_whitespace()
            .skip_while(|w| lang.determiners.contains(w))
            .collect();
        let clause = |w: &&str| {
            lang.conjunctions.contains(w)
                || lang.prepositions.contains(w)
                || lang.pronouns.contains(w)
                || lang.openers.contains(w)
        };
        if words.is_empty() || words.iter().any(clause) {
            return None;
        }
        return Some(Read {
            cue: c["dcue"].to_owned(),
            described: Some(words.join(" ")),
            ..Read::default()
        });
    }
    if let Some(rest) = c.name("asrest") {
        let read = subject_after(lang, rest.as_str());
        return (read != Read::default()).then(|| Read {
            cue: c["ascue"].to_owned(),
            ..read
        });
    }
    let name_at = c.name("name")?;
    // The lower-case words before the name, back to the sentence's start, are its title.
    let lead = &before[..name_at.start()];
    let lead = &lead[lead
        .rfind(['.', '!', '?', ':', ';', ',', '«', '“', '„', '"'])
        .map_or(0, |i| i + 1)..];
    let pre: Vec<&str> = lead
        .split_whitespace()
        .rev()
        .take_while(|w| w.chars().next().is_some_and(char::is_lowercase) && !is_cue(lang, w))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // (With what the name is of after it: "Magnus Fors på Handelns Utredningsinstitut säger".)
    let run = extend_run(lang, name_at.as_str(), &before[name_at.end()..]);
    let (title, name, organization) = split_name(lang, &pre, &run);
    let name = name?;
    if is_pronoun(lang, &name) {
        return Some(pronoun(&c["cue"], &name));
    }
    let title = title.or_else(|| c.name("appos").and_then(|a| role_in(lang, a.as_str())));
    Some(Read {
        cue: c["cue"].to_owned(),
        name: Some(name),
        title,
        organization,
        ..Read::default()
    })
}

#[cfg(test)]
mod tests;
