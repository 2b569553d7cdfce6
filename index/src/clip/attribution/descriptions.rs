//! Descriptions that stand for a speaker: an organization, a body and its document, a title alone, an unnamed person.

use super::*;

/// What follows a leading "the " or "The " ("the IMF report" → "IMF report"); `None` without
/// one.
pub(super) fn after_the(s: &str) -> Option<&str> {
    s.strip_prefix("the ").or_else(|| s.strip_prefix("The "))
}

/// A body's document as a source — "the IMF report", "the White House statement" — as the
/// body and the medium the document is.
pub(super) fn body_and_document(described: &str) -> Option<(&str, Medium)> {
    let rest = after_the(described)?;
    let (body, noun) = rest.rsplit_once(' ')?;
    let medium = match noun {
        "statement" | "release" => Medium::Statement,
        "tweet" | "post" => Medium::Post,
        "email" | "e-mail" => Medium::Email,
        "report" | "study" | "analysis" | "memo" | "letter" | "filing" | "survey" | "ruling"
        | "complaint" | "lawsuit" | "document" | "review" | "audit" => Medium::Document,
        _ => return None,
    };
    looks_like_organization(body).then_some((body, medium))
}

/// "the Alibaba shares being left behind", "the Treasury notes were sold": the cue is the
/// plural of a noun, followed by its verb.
pub(super) fn cue_is_a_noun(raw: &Raw) -> bool {
    let next = raw.rest.split_whitespace().next().unwrap_or_default();
    raw.cue.ends_with('s')
        && !raw.cue.contains(' ')
        && (next.ends_with("ing")
            || [
                "are", "were", "have", "had", "will", "would", "could", "may",
            ]
            .contains(&next))
}

/// The nouns by which a text refers again to a body it named ("the agency", "the company").
pub(super) const BODY_NOUNS: &[&str] = &[
    "agency",
    "department",
    "ministry",
    "bank",
    "commission",
    "committee",
    "council",
    "bureau",
    "office",
    "court",
    "university",
    "institute",
    "foundation",
    "association",
    "union",
    "party",
    "campaign",
    "board",
    "fund",
    "group",
    "network",
    "administration",
    "authority",
    "service",
    "league",
    "federation",
    "coalition",
    "organization",
    "organisation",
    "police",
    "army",
    "navy",
    "club",
    "team",
    "hospital",
    "school",
    "college",
    "church",
    "museum",
    "company",
    "corporation",
    "airline",
    "firm",
    "carrier",
    "newspaper",
    "paper",
];

/// "the company", "The agency": the noun, when it is one of `BODY_NOUNS`.
pub(super) fn body_noun(mention: &str) -> Option<&str> {
    let noun = after_the(mention)?;
    BODY_NOUNS.contains(&noun).then_some(noun)
}

/// How far back (in bytes) a body's noun ("the agency") looks for the body's name.
pub(super) const BODY_REACH: usize = 6000;

/// "the agency" after "the Food Standards Agency warned…", "the department" after "the
/// Department of Justice", "the company" after "Acme Corp.", "the airline" after "Delta Air
/// Lines": the last name in `before` that ends in (or, with "of", starts with) the noun a
/// `mention` of the form "the <noun>" gives, or in a word for such a body ("Inc.", "Airways",
/// "Times"). `None` for other mentions and when no such name is in `before`.
pub(super) fn body_named_before(before: &str, mention: &str) -> Option<String> {
    let noun = body_noun(mention)?;
    let heads: &[&str] = match noun {
        "company" | "firm" | "corporation" => &[
            "inc",
            "corp",
            "co",
            "ltd",
            "llc",
            "plc",
            "company",
            "corporation",
            "holdings",
            "ag",
            "sa",
            "gmbh",
        ],
        "airline" | "carrier" => &["airlines", "airways", "airline", "lines"],
        "newspaper" | "paper" => &["times", "post", "journal", "herald", "tribune", "gazette"],
        // (The noun as the list has it, which outlives `mention`.)
        _ => std::slice::from_ref(BODY_NOUNS.iter().find(|n| **n == noun)?),
    };
    static CAPITALISED_RUN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\p{Lu}[\p{L}\p{M}&’'\-]*\.?(?:[^\S\n]+(?:(?:of|for|and|on|the|&)[^\S\n]+){0,2}\p{Lu}[\p{L}\p{M}&’'\-]*\.?){0,7}",
        )
        .expect("valid regex")
    });
    let key = |w: &str| without_possessive(w).trim_end_matches('.').to_lowercase();
    // (Only the quotation's paragraph and the one before: further back "the company" is as
    // likely another.)
    let from = before
        .trim_end()
        .rfind('\n')
        .and_then(|p| before[..p].trim_end().rfind('\n'))
        .map_or(0, |p| p + 1);
    let before = &before[from..];
    let found = CAPITALISED_RUN.find_iter(before).filter_map(|run| {
        let words: Vec<&str> = run.as_str().split_whitespace().collect();
        let at = words
            .iter()
            .rposition(|w| heads.contains(&key(w).as_str()))?;
        // "Department of Justice": the name goes on after its head; "Acme Corp." ends there.
        let end = if words.get(at + 1).is_some_and(|w| ["of", "for"].contains(w)) {
            words.len()
        } else {
            at + 1
        };
        // (Not the sentence's opening article: "The Food Standards Agency".)
        let start = usize::from(words[0] == "The" && at > 0);
        let name = words[start..end].join(" ");
        let name = without_possessive(&name).to_owned();
        (at > start || end > at + 1).then_some((name, run.end()))
    });
    let (name, end) = found.last()?;
    // "One of them, UnitedHealth Group, … the trade group for the Blue Cross Blue Shield
    // plans … “…,” the group wrote": another of its kind described since is who speaks.
    let described_since = before[end..]
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| w[1] == noun && !w[0].eq_ignore_ascii_case("the"));
    (!described_since).then_some(name)
}

/// “…,” Meta said in a blog post. “…,” the company added: for a body's noun (`mention`), the
/// body that spoke in the quotation before (`prev`), named by one word that is no one's name,
/// when `between` the two quotations runs over at most one paragraph break.
pub(super) fn body_that_spoke_last(
    prev: Option<&Attribution>,
    mention: &str,
    between: &str,
) -> Option<String> {
    body_noun(mention)?;
    let prev = prev?;
    let body = prev.speaker.as_deref().filter(|s| {
        !s.contains(' ')
            && prev.mention.as_deref() == Some(*s)
            && super::super::names::gender_of(s).is_none()
            && !PRONOUNS.contains(&s.to_lowercase().as_str())
    })?;
    (between.matches('\n').count() <= 2).then(|| body.to_owned())
}

/// "the Justice Department", "The Pentagon": the name of a body after its article (the name
/// without it); `None` for "the senator", "the 43-year-old" and anything not capitalised.
pub(super) fn the_organization(described: &str) -> Option<&str> {
    let name = after_the(described)?;
    (looks_like_organization(name) && !is_unnamed(described)).then_some(name)
}

/// Whether the capitalised `words` after "the" describe people rather than name a body: a
/// title ("the Mayor"), a party's member or a demonym ("the Democrat", "the Wisconsin
/// Republican", "the Texan", "the Briton"), or a family named before ("the Ebelings", after
/// Tom Ebeling), a person's title ("the Detective Tsukauchi"); not "the Bank of Japan".
pub(super) fn describes_people(words: &str, people: &[Person]) -> bool {
    const BODIES_IN_AN: &[&str] = &["Vatican", "Guardian", "Taliban", "Kazakhstan", "Sudan"];
    const MEMBERS: &[&str] = &[
        "Democrat",
        "Democrats",
        "Tory",
        "Tories",
        "Brit",
        "Brits",
        "Briton",
        "Britons",
        "Scot",
        "Scots",
        "Dane",
        "Swede",
        "Pole",
        "Finn",
        "Turk",
        "Greek",
        "Frenchman",
        "Englishman",
        "Irishman",
        "Dutchman",
        "Welshman",
        "Highness",
        "Majesty",
        "Pope",
        "Lord",
    ];
    // The name's head: "Bank" of "Bank of Japan", "Republican" of "Wisconsin Republican".
    let Some(last) = words
        .split_whitespace()
        .take_while(|w| !["of", "for", "and", "on", "&"].contains(w))
        .last()
    else {
        return false;
    };
    let singular = last.strip_suffix('s').unwrap_or(last);
    // ("the Detective Tsukauchi" is a person with a title; "the Justice Department" a body.)
    let first = words.split_whitespace().next().unwrap_or_default();
    let titled = (is_title_word(first) || has_title_keyword(&first.to_lowercase()))
        && !NOT_PERSON.contains(&last.to_lowercase().as_str());
    titled
        || is_title_word(last)
        || has_title_keyword(&last.to_lowercase())
        || MEMBERS.contains(&last)
        || country_of(last).is_some()
        || (singular.ends_with("an") && !BODIES_IN_AN.contains(&singular))
        || last.ends_with("man")
        || last.ends_with("men")
        || (last.ends_with('s')
            && people
                .iter()
                .any(|p| surname(&p.name) == singular || surname(&p.name) == last))
}

/// The small words inside a body's name: "National Oceanic and Atmospheric Administration",
/// "Bank of England", "Council on Foreign Relations".
pub(super) const NAME_LINKS: &[&str] = &["of", "for", "and", "on", "the", "&"];

/// Capitalised words only, the name of a body rather than a person: "Times", "IMF",
/// "Washington Post".
pub(super) fn looks_like_organization(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    // (Small words inside: "National Oceanic and Atmospheric Administration", "University of
    // Otago"; not "Washington Post’s Ishaan Tharoor": a person the body has.)
    (1..=4).contains(&words.iter().filter(|w| capitalised(w)).count())
        && words.len() <= 7
        && words.first().is_some_and(capitalised)
        && words.last().is_some_and(capitalised)
        && words
            .iter()
            .all(|w| capitalised(w) || NAME_LINKS.contains(w))
        && !s.contains(['’', '\''])
}

/// Two to four capitalised words: "Jeff Weaver", "Jamie Lee Curtis".
pub(super) fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().enumerate().all(|(i, w)| {
            (w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase))
                || (i > 0 && i + 1 < words.len() && is_particle(w))
        })
        && !has_possessive_mark(s)
}

/// "Frank Newport and Jim Harter", "nuclear experts David Albright and Serena
/// Kelleher-Vergantini", "Omwansa and Sullivan": two people named together, as the text names
/// them (without the description before them).
/// A surname alone counts when it is someone's named before ("Omwansa and Sullivan", not
/// "Procter and Gamble").
pub(super) fn two_people(subject: &str, people: &[Person]) -> Option<String> {
    let (left, right) = subject.rsplit_once(" and ")?;
    let (_, first) = split_pre_name(left.trim());
    let (_, second) = split_pre_name(right.trim());
    let person = |name: &str| {
        let words: Vec<&str> = name.split_whitespace().collect();
        let full = (2..=4).contains(&words.len())
            && words.iter().all(|w| w.starts_with(char::is_uppercase))
            && words
                .iter()
                .filter(|w| w.chars().any(char::is_lowercase))
                .count()
                >= 2
            && !has_possessive_mark(name)
            // (Not "National Oceanic and Atmospheric Administration".)
            && !words
                .iter()
                .any(|w| NOT_PERSON.contains(&w.to_lowercase().as_str()));
        full || (is_one_name(name) && people.iter().any(|p| known_by(&p.name, name)))
    };
    // (A surname alone is given as the full name it stands for.)
    let full = |name: String| match is_one_name(&name) {
        true => people
            .iter()
            .rev()
            .find(|p| known_by(&p.name, &name))
            .map_or(name, |p| p.name.clone()),
        false => name,
    };
    (person(&first) && person(&second)).then(|| format!("{} and {}", full(first), full(second)))
}

/// The pronoun of "He’ll", "She’s", "They’re": a pronoun with a verb's ending.
pub(super) fn contracted_pronoun(s: &str) -> Option<&str> {
    s.split_once(['’', '\''])
        .filter(|(pronoun, ending)| {
            PRONOUNS.contains(&pronoun.to_lowercase().as_str())
                && ["ll", "d", "s", "re", "ve", "m"].contains(ending)
        })
        .map(|(pronoun, _)| pronoun)
}

/// Whether `s` has an apostrophe other than one after a name's first capital ("O'Malley",
/// "D’Angelo"): "Washington Post’s", "Trump's".
pub(super) fn has_possessive_mark(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        let first = w.chars().next();
        let after_capital = first.filter(|c| c.is_uppercase()).map(char::len_utf8);
        w.char_indices()
            .filter(|&(_, c)| c == '’' || c == '\'')
            .any(|(i, _)| Some(i) != after_capital)
    })
}

/// "a spokeswoman for Acme", "the head of the International Monetary Fund": an unnamed
/// source described as someone of an organization, with the role read from the description
/// when it names one (`Some(None)` for "a friend of Trump").
pub(super) fn of_organization(described: &str) -> Option<Option<Role>> {
    static OF_ORG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!("^(?:{})$", *NOMINAL_OF_ORG)).expect("valid regex"));
    if !OF_ORG.is_match(described) {
        return None;
    }
    // ("The ad uses footage of Hillary Clinton": no person is described; the name is read.)
    let (who, link) = before_link(described);
    if !who
        .split_whitespace()
        .next_back()
        .is_some_and(is_person_noun)
    {
        return None;
    }
    // ("a doctor from Hebron": where someone is from may be a place.)
    let role = parse_role(described)
        .filter(|r| r.organization.is_some() && r.title.is_some() && link != "from");
    Some(role)
}

/// The description before the first link to an organization ("a spokeswoman" of "a
/// spokeswoman for Acme"), and the link.
pub(super) fn before_link(described: &str) -> (&str, &str) {
    ["for", "of", "at", "with", "from"]
        .into_iter()
        .filter_map(|link| Some((described.find(&format!(" {link} "))?, link)))
        .min()
        .map_or((described, ""), |(i, link)| (&described[..i], link))
}

/// "The Prime Minister", "the Secretary of State", "the Chancellor": a title alone, in
/// capitals, with its article.
pub(super) fn is_a_title(described: &str) -> bool {
    let Some(title) = ["the ", "The "]
        .iter()
        .find_map(|a| described.strip_prefix(a))
    else {
        return false;
    };
    let words: Vec<&str> = title.split_whitespace().collect();
    words
        .first()
        .is_some_and(|w| is_title_word(w) || is_portfolio(w))
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || ["of", "the", "and", "for"].contains(w))
}

/// "a former senior official", "the report": a determiner, then lower-case words to the end.
pub(super) fn is_unnamed(subject: &str) -> bool {
    let words: Vec<&str> = subject.split_whitespace().collect();
    words.len() >= 2
        && determiners!()
            .split('|')
            .any(|d| d.eq_ignore_ascii_case(words[0]))
        && words.last().is_some_and(|w| {
            // ("the 43-year-old"; "the CEO": a title's abbreviation)
            w.chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
                || crate::title::is_abbreviation(w)
                || PARTY_MEMBER.is_match(w)
        })
}

/// The title in lower case that ends `before`, right in front of a name ("Republican
/// presidential nominee Donald Trump", "campaign manager Barry Bennett"): up to four words
/// after the last punctuation, article or other small word, the last a title's noun
/// ("fellow billionaire Donald Trump" has none; "describing" is no part of one).
pub(super) fn title_before(before: &str) -> Option<String> {
    const SMALL: &[&str] = &[
        "the", "a", "an", "and", "or", "but", "of", "with", "by", "to", "in", "on", "at", "for",
        "from", "where", "when", "while", "as", "that", "who", "said", "says", "told", "his",
        "her", "their", "its", "our", "my", "your",
    ];
    let words: Vec<&str> = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .take_while(|w| {
            !w.is_empty()
                && w.chars().all(|c| c.is_lowercase() || c == '-')
                && !SMALL.contains(w)
                && !w.ends_with("ing")
        })
        .take(4)
        .collect();
    let head = words.first()?;
    if !TITLE_KEYWORDS.contains(head) {
        return None;
    }
    let title = words.into_iter().rev().collect::<Vec<_>>().join(" ");
    Some(title)
}

/// The person a definite description means ("the president", "the senator", "the Republican
/// nominee"): the one named last whose title holds every word of it and ends on the same noun
/// (abbreviations read out: "Sen." is a senator). A capitalised word of it (a party: "the
/// Republican nominee") may be missing from the title.
pub(super) fn titled<'a>(described: &str, people: &'a [Person]) -> Option<&'a Person> {
    let words = crate::title::title_words;
    let rest = after_the(described)?;
    // (Capitalised words may be left out of the title the text gave: "the New Jersey
    // governor" is "Gov. Chris Christie", "the GOP nominee" the Republican one; but a title's
    // abbreviation is the title: "the CEO".)
    let lower: Vec<&str> = rest
        .split_whitespace()
        .filter(|w| {
            !w.chars().next().is_some_and(char::is_uppercase) || crate::title::is_abbreviation(w)
        })
        .collect();
    let wanted = words(&lower.join(" "));
    let head = wanted.last()?;
    // People named since who hold another title are passed over; one whose title the text
    // has not given may be the one meant ("Rubio … the senator said"), and stops the search.
    let found = people
        .iter()
        .rev()
        .filter(|p| p.referent)
        .find(|p| match p.title.as_deref() {
            Some(t) => {
                let title = words(t);
                title.last() == Some(head) && wanted.iter().all(|w| title.contains(w))
            }
            None => true,
        })?;
    found.title.is_some().then_some(found)
}

pub(super) fn merge_roles(first: Option<Role>, second: Role) -> Role {
    match first {
        Some(r) => Role {
            title: r.title.or(second.title),
            organization: r.organization.or(second.organization),
            organization_description: r
                .organization_description
                .or(second.organization_description),
        },
        None => second,
    }
}
