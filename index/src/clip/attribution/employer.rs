//! Title and employer completed from the whole article, after the speaker is chosen.
//!
//! The cue next to a quotation often gives the person and little else ("“…,” Hale said"),
//! while the article said who they are where it first named them ("Northwind’s chief financial
//! officer, Martin Hale, said…", "A researcher at the University of Denver, Dr. Paul Navarro,
//! said…"). This step reads every mention of the speaker's full name for the role around it,
//! fills in what the cue left out, resolves "the company’s", "its" and "the firm’s" to the
//! organization the article named last, takes an organization that is the subject of the
//! quotation's own sentence ("Brightline was “…,” CEO Wen-Li Chang said"), and writes an
//! organization's name in full where the article gave it in full ("Northwind" → "Northwind
//! Logistics"). It never replaces a title or organization the cue gave, except one that cannot
//! be a title or an organization (a clause, a year).

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::super::profile::Profile;
use super::token_features::ORGANIZATION_WORDS;
use super::*;

/// The words of `index/data/organization-nouns.txt`, by section.
static NOUNS: LazyLock<Profile> = LazyLock::new(|| {
    Profile::parse(include_str!("../../../data/organization-nouns.txt"))
        .expect("index/data/organization-nouns.txt reads")
});
/// Nouns that stand for an organization ("the company's", "the union's").
static ORGANIZATION_NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    NOUNS
        .words("any kind")
        .iter()
        .chain(NOUNS.words("of a kind"))
        .copied()
        .collect()
});
/// Of them, those that say nothing of the organization's kind ("the company's").
static ANY_KIND: LazyLock<HashSet<&'static str>> = LazyLock::new(|| NOUNS.set("any kind"));
/// Nouns that open a title and name its organization's kind ("board chair").
static TITLE_HEADS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| NOUNS.set("before a title"));
/// Nouns of organizations before a title that are no part of it ("airport chief executive").
static STRIPPED_HEADS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NOUNS.set("stripped before a title"));
/// Words that open a title before a title word ("Press Secretary").
static TITLE_OPENERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NOUNS.set("title openers"));
/// Capitalised words that open a sentence and no name ("As RealClearPolitics noted").
static OPENERS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| NOUNS.set("sentence openers"));

/// Words that end an organization's name, beyond the tagger's list (which is a trained
/// feature and stays as the model saw it): the English profile's `[organization suffixes]`.
static ENDINGS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    ENGLISH
        .words("organization suffixes")
        .iter()
        .chain(ORGANIZATION_WORDS.iter())
        .copied()
        .collect()
});

/// A run of capitalised words, with the small words names hold ("University of Denver",
/// "St. Luke's Hospital", "Teamsters Local 413").
static CAPITALISED_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b\p{Lu}[\p{L}\p{M}\-&]*(?:\.|['’]s?)?(?:[^\S\n]+(?:(?:of|for|and|the|de|&)[^\S\n]+)?(?:\p{Lu}[\p{L}\p{M}\-&]*(?:\.|['’]s?)?|\d+)){0,6}",
    )
    .expect("valid regex")
});

/// ", who covers regional banks for Moorgate Research", ", who works at …".
static WHO_WORKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^,?\s+who\s+(?:\p{Ll}+\s+){1,5}?(?:at|for|with)\s+(?:the\s+)?(?:\p{Ll}[\p{Ll}\-]*\s+){0,3}(?P<org>\p{Lu}[^,.;:“”\x22()]*)",
    )
    .expect("valid regex")
});

/// Names with where they stand in the text (a byte offset).
type Named = Vec<(usize, String)>;

/// Fills in the title and organization of each attribution from the rest of `text`.
pub(crate) fn complete_roles(
    text: &str,
    quotations: &[Quotation],
    attributions: &mut [Attribution],
) {
    if attributions.is_empty() {
        return;
    }
    let (organizations, runs) = organizations(text, attributions);
    let names: Vec<(usize, String)> = organizations.iter().chain(&runs).cloned().collect();
    // The roles around each speaker's mentions, read once however often they are quoted.
    let mut roles_of: HashMap<String, Vec<Role>> = HashMap::default();
    for (q, a) in quotations.iter().zip(attributions.iter_mut()) {
        let at = q.start;
        let company_title = clean(a);
        if let Some(name) = a
            .speaker
            .clone()
            .filter(|n| n.split_whitespace().count() >= 2)
        {
            let roles = roles_of.entry(name).or_insert_with_key(|name| {
                // (Whole words only: "Ann Lee" is not in "Ann Leeds".)
                words_at(text, name)
                    .filter_map(|start| role_at(text, start, start + name.len(), &organizations))
                    .collect()
            });
            for role in roles.iter() {
                fill(a, role.clone());
            }
        }
        if let Some(noun) = company_title
            && a.organization.is_none()
        {
            a.organization = named_before(text, &organizations, at, Some(&noun));
        }
        // ("airport chief executive Phillip Washington": the airport is the one the article
        // names, and no part of the title.)
        if a.organization.is_none()
            && let Some((head, rest)) = a.title.clone().as_deref().and_then(|t| t.split_once(' '))
            && STRIPPED_HEADS.contains(&head)
            && rest.split_whitespace().next().is_some_and(is_title_word)
            && let Some(org) = named_before(text, &organizations, at, Some(head))
        {
            a.title = Some(rest.to_owned());
            a.organization = Some(org);
        }
        // ("board chair Richard Lowe": the board is the one the article names.)
        if a.organization.is_none()
            && let Some(head) = a.title.as_deref().and_then(|t| t.split_whitespace().next())
            && TITLE_HEADS.contains(&head.to_lowercase().as_str())
            && a.title.as_deref().is_some_and(|t| t.contains(' '))
        {
            a.organization = named_before(text, &organizations, at, Some(&head.to_lowercase()));
        }
        // ("The university's president": the noun stands for the university named before;
        // "Her coach": a pronoun is nobody's organization.)
        if let Some(org) = a.organization.take() {
            let bare = org.strip_prefix("The ").unwrap_or(&org);
            a.organization = if ["Her", "His", "Their", "Its", "My", "Our", "Your"].contains(&bare)
            {
                None
            } else if is_generic(bare) {
                named_before(text, &organizations, at, Some(&bare.to_lowercase()))
                    .filter(|o| !is_generic(o))
            } else {
                Some(in_full(text, &org, &names)).filter(|o| !is_generic(o))
            };
        }
    }
}

/// Drops a "title" or "organization" that cannot be one; gives the noun the title was
/// whose ("company’s managing director" → "managing director", Some("company")).
fn clean(a: &mut Attribution) -> Option<String> {
    if a.organization
        .as_deref()
        .is_some_and(|o| !o.chars().any(char::is_alphabetic))
    {
        a.organization = None;
    }
    // ("State agriculture secretary": a sentence's capitalised "State" names no one.)
    let mut company = None;
    if let Some(title) = a.title.clone() {
        // ("31-year-old teacher": the age is no part of the role.)
        let title = match title.split_once(' ') {
            Some((age, rest)) if age.ends_with("-year-old") => {
                a.title = Some(rest.to_owned());
                rest.to_owned()
            }
            _ => title,
        };
        if not_a_title(&title) {
            a.title = None;
        } else if let Some((owner, rest)) = company_owned(&title) {
            a.title = Some(rest.to_owned());
            company = Some(owner.to_owned());
        }
    }
    company
}

/// "company's managing director" → ("company", "managing director"): a title whose owner is a
/// noun that stands for an organization.
fn company_owned(s: &str) -> Option<(&str, &str)> {
    let (owner, rest) = s.split_once(' ')?;
    Some((company_noun(owner)?, rest))
}

/// "company's" → "company": a possessive noun that stands for an organization.
fn company_noun(word: &str) -> Option<&str> {
    let noun = without_possessive(word);
    (noun.len() < word.len() && ORGANIZATION_NOUNS.contains(noun)).then_some(noun)
}

/// A "title" that opens as a clause does, not as a role ("as its next chief executive", "when
/// economist").
fn not_a_title(title: &str) -> bool {
    let first = title.split_whitespace().next().unwrap_or("").to_lowercase();
    [
        "as", "on", "in", "at", "to", "for", "with", "by", "from", "after", "before", "when",
        "while", "since", "if", "because", "although", "that", "which", "where", "and", "but",
        "or", "than",
    ]
    .contains(&first.as_str())
}

/// A capitalised noun that names no one organization ("State agriculture secretary").
fn is_generic(org: &str) -> bool {
    !org.contains(' ') && ORGANIZATION_NOUNS.contains(&org.to_lowercase().as_str())
}

/// Takes what `role` adds: the title and organization both when no title was given, the
/// organization alone when the titles agree.
fn fill(a: &mut Attribution, mut role: Role) {
    if role.title.as_deref().is_some_and(not_a_title) {
        role.title = None;
    }
    match (&a.title, &role.title) {
        (None, Some(t)) => {
            a.title = Some(t.clone());
            if a.organization.is_none() {
                a.organization = role.organization;
            }
        }
        (Some(have), Some(t))
            if role.organization.is_some()
                && t.strip_suffix(have.as_str())
                    .and_then(|p| p.strip_suffix(' '))
                    .is_some_and(|p| {
                        !p.contains(' ') && a.organization.as_deref().is_none_or(|o| o == p)
                    }) =>
        {
            // ("Political scientist … of Sacramento State University": the cue's reading
            // took "Political" for the organization.)
            a.title = Some(t.clone());
            a.organization = role.organization;
        }
        (Some(have), found) => {
            let agree = found
                .as_deref()
                .is_none_or(|t| t.eq_ignore_ascii_case(have) || t.contains(have.as_str()));
            if agree && a.organization.is_none() {
                a.organization = role.organization;
            }
            // ("chief of pediatric emergency medicine" where the cue's reading kept "chief".)
            let longer = found.as_ref().is_some_and(|t| {
                t.starts_with(&format!("{have} of ")) && t.split_whitespace().count() <= 6
            });
            // ("founder and co-CEO" where the cue's reading kept "CEO".)
            let joined = found.as_ref().is_some_and(|t| {
                t.len() > have.len()
                    && t.ends_with(have.as_str())
                    && t.split_whitespace().count() <= 5
                    && (t.contains(" and ") || t.contains(" & "))
                    && !t[..t.len() - have.len()].chars().any(char::is_uppercase)
            });
            if longer || joined {
                a.title = found.clone();
            }
        }
        (None, None) => {
            if a.organization.is_none() {
                a.organization = role.organization;
            }
        }
    }
}

/// The organizations `text` names, with where: the attributions' own, and runs of capitalised
/// words that end as organizations' names do; and beside them every other run of two to four
/// capitalised words below the headline, which may be an organization's full name
/// ("Crispwell Snacks").
fn organizations(text: &str, attributions: &[Attribution]) -> (Named, Named) {
    let mut out: Named = Vec::new();
    let mut runs: Named = Vec::new();
    let body = text.find('\n').map_or(0, |i| i + 1);
    for m in CAPITALISED_RUN.find_iter(text) {
        // (A sentence's full stop is no part of a name; an abbreviation's is: "Acme Inc.".)
        let run = match m.as_str().rsplit(' ').next() {
            Some(last) if ENDINGS.contains(last.to_lowercase().as_str()) && last.ends_with('.') => {
                m.as_str()
            }
            _ => m.as_str().trim_end_matches('.'),
        };
        let mut words: Vec<&str> = run.split_whitespace().collect();
        // (A full stop after a word that is no abbreviation ends the name: "Fenwick & Lowe.
        // She said".)
        if let Some(i) = words.iter().position(|w| {
            w.strip_suffix('.').is_some_and(|bare| {
                bare.chars().count() > 3
                    && !bare.contains('.')
                    && !ENDINGS.contains(w.to_lowercase().as_str())
            })
        }) {
            words.truncate(i + 1);
            if let Some(last) = words.last_mut() {
                *last = last.trim_end_matches('.');
            }
        }
        // The longest part of the run that ends in an organization word ("Northwind Logistics
        // will" is no run; "SEATTLE - Northwind Logistics" starts at the first word).
        // (A title ends the run: "Microsoft Chief Financial Officer Amy Hood", "White House
        // Press Secretary".)
        // (With the words that open a title: "Press Secretary", "Managing Director".)
        let words = match words
            .iter()
            .position(|w| is_title_word(w) && !ENDINGS.contains(w.to_lowercase().as_str()))
        {
            Some(mut i) => {
                while i > 0 && TITLE_OPENERS.contains(&words[i - 1].to_lowercase().as_str()) {
                    i -= 1;
                }
                words[..i].to_vec()
            }
            None => words,
        };
        // (And a description opens it: "Mercer Island-based Dana F. Besecker Company".)
        let words = match words.iter().rposition(|w| {
            w.split_once('-')
                .is_some_and(|(_, b)| b.starts_with(char::is_lowercase))
        }) {
            Some(i) => words[i + 1..].to_vec(),
            None => words,
        };
        let lead = words
            .iter()
            .position(|w| may_open_name(w))
            .unwrap_or(words.len());
        let run = &words[lead..];
        // ("Elena Markova of Bulgaria": a run through "of" after a word that ends no
        // organization's name is two names.)
        let run = match run.iter().rposition(|w| *w == "of") {
            Some(i) if i > 0 && !ENDINGS.contains(run[i - 1].to_lowercase().as_str()) => {
                &run[i + 1..]
            }
            _ => run,
        };
        if m.start() >= body
            && (2..=4).contains(&run.len())
            && run
                .last()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        {
            let name = without_possessive(&run.join(" ")).to_owned();
            // ("Hansen Mobel said some products would arrive late": a name that speaks and is
            // no person's, by its first word and by the speakers, is an organization.)
            let speaks = SAYS_OR_THINKS.is_match(&text[m.end()..]);
            let person = run
                .first()
                .is_some_and(|w| super::super::names::gender_of(w).is_some())
                || attributions
                    .iter()
                    .any(|a| a.speaker.as_deref() == Some(name.as_str()));
            if speaks && !person && !m.as_str().ends_with('.') {
                out.push((m.start(), name.clone()));
            }
            runs.push((m.start(), name));
        }
        if let Some(last) = words.iter().rposition(|w| {
            let w = without_possessive(w).trim_end_matches('.').to_lowercase();
            ENDINGS.contains(w.as_str())
        }) && last >= 1
        {
            // ("University of Central Texas": what the organization is of is its name's too.)
            let last = match words.get(last + 1) {
                Some(&"of") if words.len() > last + 2 => words.len() - 1,
                _ => last,
            };
            // (Not a dateline's "SEATTLE" nor a sentence's "The".)
            let first = words[..last]
                .iter()
                .position(|w| may_open_name(w))
                .unwrap_or(0);
            // ("Economist Laura Finch of Portland State University": what comes before "of" is
            // no organization's unless it ends as one does: "University of Denver".)
            let first = (first..last)
                .filter(|&i| {
                    words[i] == "of"
                        && i > 0
                        && !ENDINGS.contains(words[i - 1].to_lowercase().as_str())
                })
                .map(|i| i + 1)
                .next_back()
                .unwrap_or(first);
            let name = words[first..=last].join(" ");
            let name = without_possessive(&name).to_owned();
            out.push((m.start(), name));
        }
    }
    for a in attributions {
        if let Some(org) = &a.organization
            && org.chars().any(char::is_alphabetic)
        {
            let pos = words_at(text, org).next().unwrap_or(text.len());
            out.push((pos, org.clone()));
        }
    }
    out.sort();
    (out, runs)
}

/// Whether a capitalised word may open an organization's name: not a dateline's "SEATTLE"
/// (capitals, past three letters) nor a sentence's "The" or "As".
fn may_open_name(w: &str) -> bool {
    (w.chars().count() <= 3 || w.chars().any(char::is_lowercase)) && !OPENERS.contains(w)
}

/// Where `words` stand in `text` as whole words ("Fed" is not in "Federal").
fn words_at<'a>(text: &'a str, words: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(words).map(|(i, _)| i).filter(move |&i| {
        !text[..i].ends_with(char::is_alphanumeric)
            && !text[i + words.len()..].starts_with(char::is_alphanumeric)
    })
}

/// The organization "the company" means at `pos`: of those named before (in the paragraph,
/// or twice: a company named once, paragraphs ago, is not what "the company" means), one of
/// the noun's kind when the noun says one ("the association's president" → an association),
/// then one in the paragraph, then the one named most often (the story's subject, not a
/// backer named once), then the later.
fn named_before(
    text: &str,
    organizations: &[(usize, String)],
    pos: usize,
    noun: Option<&str>,
) -> Option<String> {
    let before = &text[..floor_boundary(text, pos)];
    let paragraph = before.rfind("\n\n").map_or(0, |i| i + 2);
    let of_kind = |name: &str| {
        noun.is_some_and(|n| name.split_whitespace().any(|w| w.eq_ignore_ascii_case(n)))
    };
    // (A noun that names a kind — "the county's", "the union's" — means one of that kind or
    // none.)
    // (Unless none of that kind is named, when one in the paragraph is it: "Bay State Medical
    // Center said… the hospital's chief nursing officer".)
    let any_kind = noun.is_none_or(|n| ANY_KIND.contains(&n));
    let kind_named = organizations
        .iter()
        .any(|(at, name)| *at < pos && of_kind(name));
    organizations
        .iter()
        .filter(|(at, name)| *at < pos && !is_generic(name.strip_prefix("The ").unwrap_or(name)))
        // (How often the text has named it so far, read once.)
        .map(|(at, name)| (*at, name, words_at(before, short_form(name)).count()))
        .filter(|&(at, name, count)| {
            let salient = at >= paragraph || count >= 2;
            match (any_kind, kind_named) {
                (true, _) => salient,
                (false, true) => of_kind(name),
                (false, false) => at >= paragraph,
            }
        })
        .max_by_key(|&(at, name, count)| (of_kind(name), at >= paragraph, count, at))
        .map(|(_, name, _)| name.clone())
}

/// The word a name is shortened to: its first, not counting "The" ("Northwind" for
/// "Northwind Logistics").
fn short_form(name: &str) -> &str {
    name.split_whitespace()
        .find(|w| !OPENERS.contains(w))
        .unwrap_or(name)
}

/// `org` as the article gave it in full: a longer name that begins or ends with it, given in
/// full before the short form stands alone ("Northwind Logistics will cut…" then "Northwind
/// chief executive" → "Northwind Logistics"; "Sacramento Mayor…" then "Sacramento State
/// University" is another body), or whose initials it is ("NPRN").
fn in_full(text: &str, org: &str, names: &[(usize, String)]) -> String {
    let org = without_possessive(org);
    if (2..=6).contains(&org.len()) && org.chars().all(|c| c.is_ascii_uppercase()) {
        if let Some((_, name)) = names.iter().find(|(_, name)| initials(name) == org) {
            return name.clone();
        }
        return org.to_owned();
    }
    let body = text.find('\n').map_or(0, |i| i + 1);
    names
        .iter()
        .filter(|(_, name)| {
            name.len() > org.len()
                && (name.starts_with(&format!("{org} "))
                    || name.starts_with(&format!("{org}. "))
                    || name.ends_with(&format!(" {org}"))
                    || name.as_str() == format!("{org}."))
        })
        .filter(|(_, name)| {
            let full = words_at(text, name).find(|&i| i >= body);
            let alone = words_at(text, org).find(|&i| {
                // (Not inside the full name, whether it begins or ends with the short one.)
                let end = i + org.len();
                i >= body
                    && !text[i..].starts_with(name.as_str())
                    && !end
                        .checked_sub(name.len())
                        .and_then(|start| text.get(start..))
                        .is_some_and(|t| t.starts_with(name.as_str()))
            });
            match (full, alone) {
                (Some(f), Some(a)) => f < a,
                (Some(_), None) => true,
                _ => false,
            }
        })
        .max_by_key(|(_, name)| name.len())
        .map(|(_, name)| name.clone())
        .unwrap_or_else(|| org.to_owned())
}

/// The initials of a name's capitalised words ("National Public Radio Network" → "NPRN").
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_uppercase)
        .collect()
}

/// The role the words around one mention of a name give (bytes `start..end`).
fn role_at(
    text: &str,
    start: usize,
    end: usize,
    organizations: &[(usize, String)],
) -> Option<Role> {
    let sentence = sentence_start(text, start, start.saturating_sub(MAX_SENTENCE));
    let stop = sentence_end(text, end, end + MAX_SENTENCE);
    let before = &text[sentence..start];
    let after = &text[end..stop.max(end)];
    let mut role = Role::default();
    // Before the name: "Northwind’s chief financial officer, Martin Hale,", "Arbor Ventures
    // partner Simon Kwok", "A researcher at the University of Denver, Dr. Paul Navarro,".
    let trimmed = strip_honorifics_before(before);
    let (phrase, appositive) = match trimmed.strip_suffix(',') {
        Some(p) if after.trim_start().starts_with(',') => (p.trim_end(), true),
        Some(_) => ("", false),
        None => (trimmed, false),
    };
    let phrase = last_clause(phrase, appositive);
    // (Some(noun) for "the association's", Some(None) for "its".)
    let its = {
        let lower = phrase.to_lowercase();
        match lower.split_whitespace().next() {
            Some("its" | "their") => Some(None),
            _ => lower
                .strip_prefix("the ")
                .and_then(company_owned)
                .map(|(noun, _)| Some(noun.to_owned())),
        }
    };
    if !phrase.is_empty()
        && let Some(r) = parse_role(&without_company(phrase))
    {
        role = r;
        if let Some(noun) = its
            && role.organization.is_none()
        {
            role.organization = named_before(text, organizations, start, noun.as_deref());
        }
    }
    // After the name: " of Portland State University" (where a word before the title the
    // cue's reading took for the organization is the title's: "Political scientist").
    if let Some(rest) = after.strip_prefix(" of ")
        && let Some(m) = CAPITALISED_RUN.find(rest)
        && m.start() == 0
    {
        let org = m.as_str().trim_end_matches('.');
        if looks_like_organization(org) || org.contains(" of ") {
            if let (Some(o), Some(t)) = (&role.organization, &role.title)
                && !o.contains(' ')
            {
                role.title = Some(format!("{o} {t}"));
            }
            role.organization = Some(org.to_owned());
        }
    }
    // ", an analyst at Redstone Securities", ", who covers regional banks for Moorgate
    // Research", ", the county's registrar of voters" (after an age: "Kathleen Murphy, 44, an
    // intensive care nurse at…").
    static AGE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^,\s*\d{1,3}\s*,").expect("valid regex"));
    // (The comma after the age stays: it opens the appositive.)
    let after = match AGE.find(after) {
        Some(m) => &after[m.end() - 1..],
        None => after,
    };
    if role.organization.is_none() || role.title.is_none() {
        if let Some(c) = WHO_WORKS.captures(after) {
            let org = c["org"].trim().trim_end_matches(['.', ',']);
            if looks_like_organization(org) {
                role.organization = role.organization.or(Some(org.to_owned()));
            }
        } else if let Some(rest) = after.strip_prefix(", ") {
            let appos = rest
                .split([',', ';', '“', '”', '"', '('])
                .next()
                .unwrap_or("");
            let appos = appos.trim().trim_end_matches('.');
            // ("the astronomer at Caltech who led the study")
            let appos = appos
                .split(" who ")
                .next()
                .and_then(|a| a.split(" whose ").next())
                .unwrap_or(appos);
            let lower_start = appos.starts_with(|c: char| c.is_lowercase());
            // ("the astronomer at Caltech": a description after a name is a role, whatever
            // its noun.)
            static DESCRIBED: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"^(?:(?:the|an?)\s+)?(?P<title>\p{Ll}[\p{Ll}\-]*(?:\s+\p{Ll}[\p{Ll}\-]*){0,3}?)\s+(?:at|of|for|with)\s+(?:the\s+)?(?P<org>\p{Lu}.*)$")
                    .expect("valid regex")
            });
            let described = DESCRIBED
                .captures(appos)
                .filter(|c| looks_like_organization(&c["org"]))
                .map(|c| Role {
                    title: Some(c["title"].to_owned()),
                    organization: Some(c["org"].to_owned()),
                    organization_description: None,
                });
            // ("its chief of pediatric emergency medicine": the organization named before.)
            if let Some(title) = appos.strip_prefix("its ")
                && role.title.is_none()
                && title.split_whitespace().count() <= 6
            {
                role.title = Some(title.to_owned());
                role.organization = role
                    .organization
                    .or_else(|| named_before(text, organizations, start, None));
            }
            let whose = appos.strip_prefix("the ").and_then(company_owned);
            static BARE: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"^an?\s+(?P<title>\p{Ll}[\p{Ll}\-]*(?:\s+\p{Ll}[\p{Ll}\-]*){0,2}?)(?:\s+(?:in|from|near)\s+\p{Lu}.*)?$")
                    .expect("valid regex")
            });
            if let Some((noun, title)) = whose
                && role.title.is_none()
            {
                role.title = Some(title.to_owned());
                role.organization = role
                    .organization
                    .or_else(|| named_before(text, organizations, start, Some(noun)));
            } else if let Some(r) = described
                && role.title.is_none()
            {
                role.title = r.title;
                role.organization = role.organization.or(r.organization);
            } else if let Some(c) = BARE.captures(appos)
                && role.title.is_none()
                && parse_role(appos).is_none()
            {
                // ("a shopkeeper whose store…", "a subscriber in Ohio who…": a person
                // described by a noun alone.)
                role.title = Some(c["title"].to_owned());
            } else if lower_start
                && !appos.starts_with("who")
                && !appos.starts_with("said")
                && let Some(r) = parse_role(appos)
                && r.title.is_some()
                && role.title.is_none()
            {
                role.title = r.title;
                role.organization = role.organization.or(r.organization);
            }
        }
    }
    // The quotation's sentence opens with an organization: "Brightline was “…,” CEO Wen-Li
    // Chang said".
    if role.organization.is_none() {
        let subject = before.trim_start_matches(|c: char| !c.is_alphanumeric());
        if let Some((_, org)) = organizations.iter().find(|(_, name)| {
            subject.starts_with(name.as_str())
                || name
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| subject.starts_with(&format!("{w} ")) && w.len() > 3)
        }) && subject.contains(['“', '"'])
        {
            role.organization = Some(org.clone());
        }
    }
    (role.title.is_some() || role.organization.is_some()).then_some(role)
}

/// The text before a name without the honorific just before it ("…, Dr. ").
fn strip_honorifics_before(before: &str) -> &str {
    let t = before.trim_end();
    for h in ["Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "Rev.", "Sir", "Dame"] {
        if let Some(rest) = t.strip_suffix(h)
            && rest.ends_with(|c: char| c.is_whitespace() || c == ',')
        {
            return rest.trim_end();
        }
    }
    t
}

/// The words of `phrase` after its last clause mark or verb of saying: "said council member"
/// → "council member". An appositive's phrase is all the clause before the name's comma.
fn last_clause(phrase: &str, appositive: bool) -> &str {
    let mut from = phrase
        .rfind([',', ';', ':', '“', '”', '"', '—', '–', '(', ')'])
        .map_or(0, |i| {
            i + phrase[i..].chars().next().map_or(1, char::len_utf8)
        });
    // (Words after a verb of saying: "said council member Joanne Pike".)
    let mut at = from;
    for w in phrase[from..].split_inclusive(char::is_whitespace) {
        at += w.len();
        if is_cue_word(w.trim()) {
            from = at;
        }
    }
    // (And after a dash or a verb in the past: "Jan 15 - Fairhaven Bank named its president"
    // → "its president".)
    for dash in [" - ", " – ", " — "] {
        if let Some(i) = phrase[from..].rfind(dash) {
            from += i + dash.len();
        }
    }
    let mut at = from;
    for w in phrase[from..].split_inclusive(char::is_whitespace) {
        at += w.len();
        let bare = w.trim();
        // ("The case was brought by a former billing manager at Meridian, Lisa Moreno".)
        let linking = [
            "by", "was", "were", "is", "are", "be", "been", "became", "becomes",
        ]
        .contains(&bare);
        let past = bare.len() > 4 && bare.ends_with("ed") && bare.chars().all(|c| c.is_lowercase());
        if (linking || past) && at < phrase.len() {
            from = at;
        }
    }
    let clause = phrase[from..].trim();
    // ("In the rural Eastfield School District, which adopted…, superintendent Greg Tanaka"
    // keeps its organization out of reach; a bare title before a name keeps to a few words.)
    if !appositive && clause.split_whitespace().count() > 8 {
        return "";
    }
    clause
}

/// "the company’s chief technology officer" → "chief technology officer", so the title is read
/// without the word standing for the organization.
fn without_company(phrase: &str) -> String {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let skip = match words.first().map(|w| w.to_lowercase()) {
        Some(w) if w == "its" || w == "their" => 1,
        Some(w) if w == "the" => words.get(1).map_or(0, |n| {
            usize::from(company_noun(&n.to_lowercase()).is_some()) * 2
        }),
        _ => 0,
    };
    words[skip..].join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Looking back from a short name for the full one lands inside a multibyte character
    /// when quotation marks or apostrophes stand before it: no panic, and a name given in full
    /// first is still written in full (a PolNeAR page once stopped `eval_clip` here).
    #[test]
    fn names_in_full_never_split_a_character() {
        let text = "Headline\n\nThe White People’s Party met.\n\n’’’’’’’’’’ Party officials left.";
        let names = [(10, "White People’s Party".to_owned())];
        assert_eq!(in_full(text, "Party", &names), "White People’s Party");
        let text = "Headline\n\n’’’’’’’’’’ Party officials left. The White People’s Party met.";
        assert_eq!(in_full(text, "Party", &names), "Party");
    }
}
