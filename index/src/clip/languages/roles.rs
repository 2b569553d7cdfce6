//! Roles in the languages [`super`] reads: a title without its article, the organization a
//! role names after "of" or "at" ("presidente de Telefónica"), an appositive that is a role,
//! and the person last named in narration with the role before the name.

use std::sync::LazyLock;

use regex::Regex;

use super::super::german::{german_organization, is_german_title};
use super::{Language, NAME, is_name_particle, split_name};

/// An appositive that describes its name ("někdejší útočník Liverpoolu"), not a clause about
/// it ("que al ser preguntado por…"), which opens with a conjunction, a relative or a
/// preposition.
pub(super) fn role_in(lang: &Language, appositive: &str) -> Option<String> {
    let appositive = appositive.trim();
    let first = appositive.split_whitespace().next()?;
    let clause = lang.conjunctions.contains(&first)
        || lang.prepositions.contains(&first)
        || lang.openers.contains(&first)
        || lang.pronouns.contains(&first);
    // (German capitalises its titles: "Vorstandsvorsitzende der Commerzbank".)
    let german_title = lang.code == "de" && is_german_title(first);
    // ("Branns toppscorer": an organization's genitive and a title.)
    let genitive = lang.genitive.iter().any(|e| first.ends_with(e))
        && appositive
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| is_title_word(lang, w));
    ((appositive.starts_with(char::is_lowercase) || german_title || genitive) && !clause)
        .then(|| appositive.to_owned())
}

/// Someone named in full in a text of narration, with the role the text gives them there.
#[derive(Debug, Clone)]
pub(super) struct Person {
    pub name: String,
    pub title: Option<String>,
    pub organization: Option<String>,
    /// The subject of its sentence: opening it, after a role between commas ("Le président de
    /// la SNCF, Jean-Pierre Farandou,"), or after a title that opens it ("Financieel
    /// directeur Femke Vaandrager").
    pub subject: bool,
}

/// Every full name (two capitalised words or more) of a text of narration, in order, with
/// the role the text gives it: between commas before it, a title in front of it ("Technisch
/// directeur Ruud Bosman"), an appositive after it ("Jan de Graaf, analist bij Petercam,"),
/// and what it is "of" ("Ruud Bosman van FC Zwolle").
pub(super) fn people_in(lang: &Language, text: &str) -> Vec<Person> {
    static FULL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:(?P<role>\p{{Lu}}?\p{{Ll}}[^,.;:«»“”„\x22\n]{{1,80}}?),\s+)?(?P<name>{NAME})(?:\s*,\s*(?P<appos>\p{{L}}[^,.;:«»“”„\x22\n]{{1,80}}?)\s*[,.])?"
        ))
        .expect("valid regex")
    });
    static NAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?P<name>{NAME})(?:\s*,\s*(?P<appos>\p{{L}}[^,.;:«»“”„\x22\n]{{1,80}}?)\s*[,.])?"
        ))
        .expect("valid regex")
    });
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(c) = FULL.captures_at(text, from) {
        let Some(m) = c.name("name") else { break };
        from = m.end();
        // What was taken for a role before the name may be a name of its own ("Tomas Bergvik,
        // Branns toppscorer,"): read from there again, without a role.
        let role = c.name("role");
        let role_is_name = role.is_some_and(|r| {
            let words: Vec<&str> = r.as_str().split_whitespace().collect();
            words.len() >= 2 && words.iter().all(|w| w.starts_with(char::is_uppercase))
        });
        let found = match role {
            Some(r) if role_is_name => match NAMED.captures_at(text, r.start()) {
                Some(c2) => {
                    from = c2.name("name").map_or(from, |n| n.end().max(r.start() + 1));
                    person(lang, text, &c2, None)
                }
                None => None,
            },
            _ => person(lang, text, &c, role),
        };
        out.extend(found);
    }
    out
}

/// One name of [`people_in`], with the role read before it (`role`) and around it.
fn person(
    lang: &Language,
    text: &str,
    c: &regex::Captures<'_>,
    role: Option<regex::Match<'_>>,
) -> Option<Person> {
    let m = c.name("name")?;
    let at = role.map_or(m.start(), |r| r.start());
    let opens =
        text[..at].trim_end().is_empty() || text[..at].trim_end().ends_with(['.', '!', '?']);
    // ("Secondo il presidente dell'Ordine dei medici di Milano, Roberto Carlo Rossi": the
    // word that opens the sentence is no part of the role.)
    let role = role
        .map(|r| {
            let mut r = r.as_str();
            while let Some((first, rest)) = r.split_once(' ') {
                let first = first.to_lowercase();
                if !(lang.openers.contains(&first.as_str())
                    || lang.according.split('|').any(|a| a == first))
                {
                    break;
                }
                r = rest;
            }
            r
        })
        .map(|r| bare_title(lang, r))
        .filter(|r| !r.is_empty() && r.split_whitespace().count() <= 6);
    // (An opener or a title at the front is no part of the name: "Laut Thomas Engelke",
    // "Sachsens Wirtschaftsminister Dirk Panter".)
    let run = extend_run(lang, m.as_str(), &text[m.end()..]);
    let (mut title, bare, named_with) = split_name(lang, &[], &run);
    let bare = bare?;
    // (What the run names between the title and the name comes before what the name is of.)
    let (mut bare, organization) = split_of(lang, &bare);
    let organization = named_with.or(organization);
    // ("Minister Eva Lindhout van Volksgezondheid": a portfolio after the name goes with
    // the title before it.)
    let words: Vec<&str> = bare.split_whitespace().collect();
    if let Some(t) = title.as_deref()
        && organization.is_none()
        && words.len() >= 4
        && lang.of_words.contains(&words[words.len() - 2])
    {
        title = Some(format!("{t} {}", words[words.len() - 2..].join(" ")));
        bare = words[..words.len() - 2].join(" ");
    }
    // A title opening the sentence before the name, in lower case after its first word.
    let head = &text[..m.start()];
    let lead = head[head.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1)..].trim();
    let mut lead_words: Vec<&str> = lead.split_whitespace().collect();
    // ("Ifølge boligøkonom Lise Brekke", "Para o economista Pedro Almeida": a word that
    // opens the sentence, a preposition or an article is no title.)
    while lead_words.first().is_some_and(|w| {
        let w = w.to_lowercase();
        lang.openers.contains(&w.as_str())
            || lang.according.split('|').any(|a| a == w)
            || lang.prepositions.contains(&w.as_str())
            || lang.determiners.contains(&w.as_str())
    }) {
        lead_words.remove(0);
    }
    // "Formand for Danske Gymnasieelever Ida Lauritsen": a title and what it is of open
    // the sentence, and the run holds the organization and then the name (its last two
    // words).
    let mut organization = organization;
    let run_words: Vec<&str> = bare.split_whitespace().collect();
    if title.is_none()
        && organization.is_none()
        && role.is_none()
        && run_words.len() >= 3
        && lead_words.len() >= 2
        && lead_words.last().is_some_and(|w| lang.of_words.contains(w))
        && is_title_word(lang, lead_words[lead_words.len() - 2])
    {
        let cut = run_words.len() - 2;
        organization = Some(run_words[..cut].join(" "));
        bare = run_words[cut..].join(" ");
        lead_words.pop();
    }
    let capitals = bare
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    if capitals < 2 {
        return None;
    }
    // ("Dyrektorka liceum w Poznaniu Anna Krawczyk": a preposition ends the title, and what it
    // leads to is no part of the name.)
    if lead_words
        .last()
        .is_some_and(|w| lang.prepositions.contains(w))
    {
        lead_words.pop();
        let words: Vec<&str> = bare.split_whitespace().collect();
        if words.len() >= 3 {
            bare = words[1..].join(" ");
        }
    }
    // (A title and what it is of, in a language that says "of" by a case: "Ministra
    // edukacji Barbara Nowacka".)
    let lead_title = (role.is_none()
        && title.is_none()
        && (1..=3).contains(&lead_words.len())
        && lead_words[1..]
            .iter()
            .all(|w| w.starts_with(char::is_lowercase))
        && (lead_words.last().is_some_and(|w| is_title_word(lang, w))
            || (lang.of_words.iter().all(|o| !lead_words.contains(o))
                && is_title_word(lang, lead_words[0]))))
    .then(|| lead_words.join(" "));
    // (A title right before the name anywhere in the sentence is its role too, though the
    // name is no subject there: "har fyret cheftræner Morten Dahl".)
    let next_to = (role.is_none() && title.is_none() && lead_title.is_none())
        .then(|| {
            let w = *lead_words.last()?;
            (w.starts_with(char::is_lowercase) && is_title_word(lang, w)).then(|| w.to_owned())
        })
        .flatten();
    let subject = opens || role.is_some() || lead_title.is_some();
    // The appositive: a role ("professor da Universidade de Coimbra"), or only what the
    // person is of ("do Hospital Municipal de Campinas", "da corretora Valor Investimentos").
    let appos = c.name("appos").map(|a| a.as_str());
    let appos_role = appos.and_then(|a| role_in(lang, a));
    let appos_of = appos.and_then(|a| of_phrase(lang, a));
    let organization = organization.or(appos_of).or_else(|| {
        appos_role
            .as_deref()
            .and_then(|r| split_organization(lang, r).1)
    });
    let title = role
        .or(title)
        .or(lead_title)
        .or(appos_role)
        .or(next_to)
        .map(|t| sentence_case(lang, t));
    Some(Person {
        name: bare,
        title,
        organization,
        subject,
    })
}

/// A title without the words for a kind of body that end it ("dyrektor generalny sieci" →
/// "dyrektor generalny"), which stand between a title and the body's name.
pub(super) fn without_body_words<'w, 'a>(lang: &Language, title: &'a [&'w str]) -> &'a [&'w str] {
    let end = title
        .iter()
        .rposition(|w| !lang.body_words.contains(w))
        .map_or(0, |k| k + 1);
    &title[..end]
}

/// What an appositive says the person is of, when that is all it says: "do Hospital
/// Municipal de Campinas", "da corretora Valor Investimentos" (a word or two in lower case
/// may describe the organization before its name).
fn of_phrase(lang: &Language, appositive: &str) -> Option<String> {
    let words: Vec<&str> = appositive.split_whitespace().collect();
    if !lang.of_words.contains(words.first()?) {
        return None;
    }
    let start = (1..words.len().min(4)).find(|&k| words[k].starts_with(char::is_uppercase))?;
    let rest = &words[start..];
    let named = rest.iter().all(|w| {
        w.starts_with(char::is_uppercase)
            || lang.of_words.contains(w)
            || lang.determiners.contains(w)
    });
    (named && rest.last()?.starts_with(char::is_uppercase)).then(|| rest.join(" "))
}

/// A name run with the capitalised words that follow it, joined by "of" words and
/// determiners ("Sanne Kok" + "van het Maasland Ziekenhuis"), past the few words a name
/// may hold.
pub(super) fn extend_run(lang: &Language, run: &str, after: &str) -> String {
    let mut out = run.to_owned();
    // (German capitalises every noun: "Richard Lutz bei der Vorstellung" runs on no further.)
    if lang.code == "de" {
        return out;
    }
    // (Within its line, and only past a space: "Kok," ends the run.)
    let line = &after[..after.find('\n').unwrap_or(after.len())];
    if !line.starts_with(char::is_whitespace) {
        return out;
    }
    let words: Vec<&str> = line.split_whitespace().take(8).collect();
    let joins = |w: &str| lang.of_words.contains(&w) || lang.determiners.contains(&w);
    let mut i = 0;
    while i < words.len() {
        let j = (i..words.len().min(i + 2))
            .find(|&k| !joins(words[k]))
            .unwrap_or(words.len().min(i + 2));
        let Some(w) = words.get(j) else { break };
        let word = w.trim_end_matches([',', '.', ';', ':', '!', '?']);
        let capitalised = word.starts_with(char::is_uppercase)
            && word.chars().all(|c| c.is_alphanumeric() || c == '-');
        // ("på Akademiska sjukhuset": a definite noun ends a Scandinavian institution's name.)
        let definite_end = i > 0
            && j == i
            && word.chars().all(char::is_lowercase)
            && lang
                .definite
                .iter()
                .any(|e| e.len() >= 2 && word.ends_with(e));
        if definite_end {
            out.push(' ');
            out.push_str(word);
            break;
        }
        if !capitalised {
            break;
        }
        for (k, part) in words[i..=j].iter().enumerate() {
            out.push(' ');
            out.push_str(if i + k == j { word } else { part });
        }
        if word.len() != w.len() {
            break;
        }
        i = j + 1;
    }
    out
}

/// The last full name that is the subject of its sentence in a text of narration, with its
/// role ("Le président de la SNCF, Jean-Pierre Farandou,").
pub(super) fn named_in_narration(lang: &Language, text: &str) -> Option<Person> {
    people_in(lang, text).into_iter().rfind(|p| p.subject)
}

/// Whether a word is one of the profile's titles (see [`title_form`]).
pub(super) fn is_title_word(lang: &Language, word: &str) -> bool {
    title_form(lang, word).is_some()
}

/// The title a word is, in lower case and without a definite ending: one of the profile's
/// titles, or a compound ending in one ("FNV-bestuurder", "energie-expert", "koncernchef",
/// "bestuursvoorzitter"), or either with a definite ending ("Sjuksköterskan" →
/// "sjuksköterska").
pub(super) fn title_form(lang: &Language, word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let lower = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let known = |w: &str| {
        lang.titles.contains(&w)
            || w.rsplit_once('-')
                .is_some_and(|(head, tail)| !head.is_empty() && lang.titles.contains(&tail))
            || lang
                .titles
                .iter()
                .any(|t| t.chars().count() >= 4 && w.len() >= t.len() + 3 && w.ends_with(t))
    };
    if known(lower) {
        return Some(lower.to_owned());
    }
    lang.definite
        .iter()
        .filter_map(|e| lower.strip_suffix(e))
        .find(|stem| stem.chars().count() >= 3 && known(stem))
        .map(str::to_owned)
}

/// A title as it is recorded: a title that opens a sentence in lower case ("Verpleegkundige"
/// → "verpleegkundige"), a definite one without its ending ("Sjuksköterskan" →
/// "sjuksköterska"). An acronym, an organization's genitive ("Lärarförbundets ordförande"),
/// and German's nouns keep their capitals.
pub(super) fn sentence_case(lang: &Language, title: String) -> String {
    if lang.code == "de" {
        return title;
    }
    let words: Vec<&str> = title.split_whitespace().collect();
    let Some(first) = words.first() else {
        return title;
    };
    let mut chars = first.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(char::is_lowercase);
    let genitive = lang.genitive.iter().any(|e| first.ends_with(e));
    let titled = is_title_word(lang, first)
        || (!genitive && words[1..].iter().any(|w| is_title_word(lang, w)));
    let out: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| match title_form(lang, w) {
            // (Only a definite ending is taken off: a title's own spelling stays.)
            Some(form) if !lang.definite.is_empty() && form != w.to_lowercase() => form,
            _ if i == 0 && capitalised && titled => {
                let mut c = w.chars();
                c.next()
                    .into_iter()
                    .flat_map(char::to_lowercase)
                    .chain(c)
                    .collect()
            }
            _ => (*w).to_owned(),
        })
        .collect();
    out.join(" ")
}

/// A name read with what it is of after it ("Pieter Verhoeven van Havenbedrijf Westerdok"):
/// the name and the organization. The "of" word must follow a full name and lead to two
/// capitalised words or more, so that "Willem van Dijk" and "María de la Fuente" stay whole.
pub(super) fn split_of(lang: &Language, name: &str) -> (String, Option<String>) {
    let words: Vec<&str> = name.split_whitespace().collect();
    for i in 2..words.len() {
        if !lang.of_words.contains(&words[i]) {
            continue;
        }
        let capitals = words[..i]
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count();
        let rest: Vec<&str> = words[i + 1..]
            .iter()
            .copied()
            .skip_while(|w| lang.determiners.contains(w))
            .collect();
        // ("på Akademiska sjukhuset": a name whose last word is a definite noun.)
        let named = |(k, w): (usize, &&str)| {
            w.starts_with(char::is_uppercase)
                || (k > 0 && k + 1 == rest.len() && lang.definite.iter().any(|e| w.ends_with(e)))
        };
        // (One word is enough after an "of" word that no name holds: "Lise Brekke i Nordea";
        // not after "van", "de": "Jan Peter van Dijk".)
        let enough = rest.len() >= 2 || (rest.len() == 1 && !is_name_particle(words[i]));
        if capitals >= 2 && enough && rest.iter().enumerate().all(named) {
            return (words[..i].join(" "), Some(rest.join(" ")));
        }
    }
    (name.to_owned(), None)
}

/// A title without the article before it ("l'entraîneur", "une usagère" → entraîneur,
/// usagère) or an aside ("de son côté l'économiste").
pub(super) fn bare_title(lang: &Language, title: &str) -> String {
    let mut t = title.trim();
    for aside in [
        "de son côté",
        "de leur côté",
        "pour sa part",
        "pour leur part",
        "quant à lui",
        "quant à elle",
        "lui aussi",
        "elle aussi",
        "également",
        "côté",
    ] {
        if let Some(rest) = t.strip_prefix(aside) {
            t = rest.trim_start();
        }
    }
    loop {
        let lower = t.to_lowercase();
        if let Some(rest) = ["l'", "l’", "d'", "d’"]
            .iter()
            .find_map(|e| lower.starts_with(e).then(|| &t[e.len()..]))
        {
            t = rest;
            continue;
        }
        match t.split_once(' ') {
            Some((first, rest))
                if lang.determiners.contains(&first.to_lowercase().as_str())
                    || first == "une"
                    || first == "un" =>
            {
                t = rest
            }
            _ => break,
        }
    }
    t.to_owned()
}

/// A role and the organization it names after "of" or "at", when that begins with a capital
/// ("presidente de Telefónica" → presidente, Telefónica; "talesperson för Moderaterna");
/// a minister's portfolio stays in the title ("ministre de la Santé").
pub(super) fn split_organization(lang: &Language, title: &str) -> (Option<String>, Option<String>) {
    let words: Vec<&str> = title.split_whitespace().collect();
    if lang.code == "de"
        && let Some(split) = german_organization(&words)
    {
        return split;
    }
    // "Nordståls koncernchef", "AIK:s lagkapten": the organization's genitive before the
    // title; a common noun's ("förbundets ordförande") is dropped.
    if !lang.genitive.is_empty()
        && let Some(i) = words.iter().position(|w| w.starts_with(char::is_lowercase))
        && let Some(ending) = (i > 0)
            .then(|| lang.genitive.iter().find(|e| words[i - 1].ends_with(*e)))
            .flatten()
        && words[i..].last().is_some_and(|w| is_title_word(lang, w))
    {
        let title = Some(words[i..].join(" "));
        let mut org: Vec<&str> = words[..i].to_vec();
        let last = org.len() - 1;
        org[last] = &org[last][..org[last].len() - ending.len()];
        return (title, Some(org.join(" ")));
    }
    if !lang.genitive.is_empty()
        && words.len() >= 2
        && words[0].starts_with(char::is_lowercase)
        && lang.genitive.iter().any(|e| words[0].ends_with(e))
        && is_title_word(lang, words[words.len() - 1])
    {
        return (Some(words[1..].join(" ")), None);
    }
    // A title, perhaps a word for what kind of body, then the body's name, where "of" is a
    // case ("prezes spółki Energia Śląska", "prezes Naczelnej Rady Lekarskiej").
    let title_part =
        |t: &[&str]| Some(without_body_words(lang, t).join(" ")).filter(|t| !t.is_empty());
    // (What follows a preposition is where, not whose: "… Solidarność w firmie".)
    let words: Vec<&str> = match words
        .iter()
        .position(|w| lang.prepositions.contains(w) && !lang.of_words.contains(w))
    {
        Some(k) if lang.of_by_case && k > 0 => words[..k].to_vec(),
        _ => words,
    };
    if lang.of_by_case
        && let Some(first_named) = words.iter().position(|w| w.starts_with(char::is_uppercase))
        && first_named > 0
        && words[first_named..]
            .iter()
            .all(|w| w.starts_with(char::is_uppercase))
        && let Some(last_title) = words[..first_named]
            .iter()
            .rposition(|w| is_title_word(lang, w))
    {
        return (
            title_part(&words[..=last_title]),
            Some(words[first_named..].join(" ")),
        );
    }
    // "FNV-bestuurder", "Gelrestroom-topman": an organization's name joined to a title.
    if lang.code != "de"
        && let Some((head, tail)) = words.first().and_then(|w| w.rsplit_once('-'))
        && head.starts_with(char::is_uppercase)
        && lang.titles.contains(&tail)
    {
        let title: Vec<&str> = std::iter::once(tail)
            .chain(words[1..].iter().copied())
            .collect();
        return (Some(title.join(" ")), Some(head.to_owned()));
    }
    // (A portfolio is part of the title: "ministre de la Santé", "consejero de Sanidad",
    // "exsecretaria de Estado de Digitalización".)
    // ("consejero delegado de Telefónica", "secretaria general de UGT": a chief executive or a
    // general secretary works for an organization, not a portfolio.)
    // ("secretário-geral da Federação…": the same, joined by a hyphen.)
    let executive = words.get(1).is_some_and(|w| {
        let w = w.to_lowercase();
        ["delegad", "general", "généra", "generale"]
            .iter()
            .any(|p| w.starts_with(p))
    }) || words.first().is_some_and(|w| {
        let w = w.to_lowercase();
        ["-geral", "-general", "-générale", "-général", "-generale"]
            .iter()
            .any(|p| w.ends_with(p))
    });
    let minister = !executive
        && words.first().is_some_and(|w| {
            let w = w.to_lowercase();
            [
                "minist",
                "exminist",
                "consejer",
                "conseller",
                "secretari",
                "secretári",
                "exsecretari",
                "sottosegretari",
                "assessor",
                "staatssekret",
            ]
            .iter()
            .any(|p| w.starts_with(p))
        });
    for (i, w) in words.iter().enumerate().skip(1) {
        let lower = w.to_lowercase();
        // ("éleveur dans la vallée du Rhône": where the person works is no part of the role,
        // nor an organization.)
        if lang.prepositions.contains(&lower.as_str()) && !lang.of_words.contains(&lower.as_str()) {
            return (Some(words[..i].join(" ")), None);
        }
        // ("chef économiste d'Axa", "amministratore delegato dell'Enel": the elided "of" and
        // the name in one word; in Italian also a noun before a name, "dell'ospedale
        // Niguarda".)
        let elided: &[&str] = match lang.code {
            "fr" => &["d'", "d’"],
            "it" => &["dell'", "dell’", "d'", "d’"],
            _ => &[],
        };
        let next_named = words
            .get(i + 1)
            .is_some_and(|n| n.starts_with(char::is_uppercase));
        if let Some(org) = elided.iter().find_map(|e| w.strip_prefix(e)).filter(|o| {
            (o.starts_with(char::is_uppercase) || (lang.code == "it" && next_named))
                && !o.is_empty()
                && !minister
        }) {
            let org = std::iter::once(org).chain(words[i + 1..].iter().copied());
            return (
                Some(words[..i].join(" ")),
                Some(org.collect::<Vec<_>>().join(" ")),
            );
        }
        if !lang.of_words.contains(&lower.as_str()) || minister {
            continue;
        }
        // (An article may come between: "de la", "van de".)
        let rest = &words[i + 1..];
        let start = rest
            .iter()
            .position(|x| !lang.determiners.contains(&x.to_lowercase().as_str()))
            .unwrap_or(rest.len());
        // (The head of state or government is a title whole: "président de la République".)
        const STATE: &[&str] = &[
            "République",
            "Republik",
            "República",
            "Repubblica",
            "Gobierno",
            "Governo",
            "Gouvernement",
            "Regierung",
            "Consiglio",
            "Generalitat",
        ];
        if rest.get(start).is_some_and(|x| {
            // ("formand for 3F Vestjylland": a name may open on a digit, an age may not.)
            let named = x.starts_with(char::is_uppercase)
                || (x.starts_with(|c: char| c.is_ascii_digit())
                    && x.chars().any(char::is_alphabetic));
            named && !STATE.contains(x)
        }) {
            return (Some(words[..i].join(" ")), Some(rest[start..].join(" ")));
        }
    }
    // "consejero delegado de la entidad", "enfermera de 29 años": a generic "of the company" or
    // an age at the end is no part of the role.
    if let Some(i) = words
        .iter()
        .rposition(|w| lang.of_words.contains(&w.to_lowercase().as_str()))
        && i > 0
    {
        let rest = &words[i + 1..];
        let start = rest
            .iter()
            .position(|x| !lang.determiners.contains(&x.to_lowercase().as_str()))
            .unwrap_or(rest.len());
        let tail = &rest[start..];
        // (An article, alone or in the "of": "de la entidad", "del banco".)
        let with_article = start > 0
            || [
                "del", "du", "des", "della", "dello", "do", "da", "dos", "das", "au", "aux",
            ]
            .contains(&words[i].to_lowercase().as_str());
        let generic = with_article && tail.len() == 1 && tail[0].starts_with(char::is_lowercase);
        let age = tail.len() == 2 && tail[0].chars().all(|c| c.is_ascii_digit());
        if generic || age {
            return (Some(words[..i].join(" ")), None);
        }
    }
    (Some(title.to_owned()), None)
}
