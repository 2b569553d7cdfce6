//! Title and organization from the words around a name ("chief operating officer of Zensar", "Zensar CEO Ajay Bhandari", "Alibaba's COO").

use super::*;

/// The parts of an appositive or a pre-name phrase.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Role {
    pub title: Option<String>,
    pub organization: Option<String>,
    pub organization_description: Option<String>,
}

/// Reads "chief operating officer of tech services provider Zensar" as title, description and
/// organization; "Zensar’s COO" and "a spokeswoman for Acme" too. Returns `None` for a phrase
/// that is not a role ("a Democrat from Ohio", "who declined to give her name").
pub fn parse_role(phrase: &str) -> Option<Role> {
    let phrase = phrase.trim().trim_end_matches(['.', ',']);
    let lower = phrase.to_lowercase();
    // "who heads the cloud unit at Oracle", "who founded Acme": the verb's noun is the title.
    for (verb, noun) in [
        ("heads", "head"),
        ("leads", "head"),
        ("runs", "head"),
        ("directs", "director"),
        ("chairs", "chair"),
        ("founded", "founder"),
        ("co-founded", "co-founder"),
    ] {
        if let Some(what) = phrase
            .strip_prefix("who ")
            .and_then(|p| p.strip_prefix(verb))
            .and_then(|p| p.strip_prefix(' '))
            .filter(|what| !what.starts_with(['“', '"']))
        {
            // (Only with an organization named: "who runs a hedge fund" is no title.)
            return parse_role(&format!("{noun} of {what}")).filter(|r| r.organization.is_some());
        }
    }
    if lower.starts_with("who ") || lower.starts_with("which ") || lower.starts_with("whose ") {
        return None;
    }
    // ("now a professor at …": when is no part of the role.)
    let phrase = ["now ", "currently ", "also "]
        .iter()
        .find_map(|w| phrase.strip_prefix(w))
        .unwrap_or(phrase);
    let phrase = strip_article(phrase);
    // "an Italian journalist who visited Assange regularly at the embassy", "a professor at
    // Purdue University whose research includes …": a relative clause is about the person or
    // the organization, not the role.
    static RELATIVE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s+(?:who|whose|which|that)\s").expect("valid regex"));
    let phrase = RELATIVE
        .find(phrase)
        .map_or(phrase, |m| &phrase[..m.start()]);
    // "Zensar’s COO"
    if let Some((org, title)) = split_possessive(phrase)
        && has_title_keyword(title)
    {
        return Some(Role {
            title: Some(title.trim().to_owned()),
            organization: Some(org.trim().to_owned()),
            organization_description: None,
        });
    }
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s+(?:of|at|for|with|from)\s+").expect("valid regex"));
    // "director of U.S. rate strategy at Mitsubishi UFJ Securities": the title runs to the last
    // link after which an organization is named, when no name stands before it ("spokeswoman
    // for the Bank of America" keeps "for").
    let proper = |s: &str| {
        s.split_whitespace()
            .any(|w| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase))
    };
    let link = LINK
        .find_iter(phrase)
        .filter(|m| {
            strip_article(&phrase[m.end()..]).starts_with(char::is_uppercase)
                && !proper(&phrase[..m.start()])
        })
        .last()
        .or_else(|| LINK.find(phrase));
    let (title, rest) = match link {
        Some(m) => (&phrase[..m.start()], Some(&phrase[m.end()..])),
        // ("mission coordinator in Palangkan Bun": where the title is held is no part of it.)
        None => match phrase.split_once(" in ") {
            Some((title, place)) if place.starts_with(char::is_uppercase) => (title, None),
            _ => (phrase, None),
        },
    };
    if !has_title_keyword(title) {
        return None;
    }
    // ("screenwriter and author of “Zombies on Film”": the title cut at a quotation mark.)
    let mut title = title.trim();
    while let Some((head, last)) = title.rsplit_once(' ')
        && ["of", "at", "for", "with", "from", "and", "in", "on"].contains(&last)
    {
        title = head.trim_end();
    }
    // "Rutgers University economist": the organization, then the title in lower case.
    if rest.is_none()
        && let Some((organization, title)) = organization_then_lower_case(title)
        && has_title_keyword(&title)
    {
        // ("an Italian journalist": a nationality.)
        let (organization, title) = match country_of(&organization) {
            Some(_) => nationality_role(&organization, &title),
            None => (Some(organization), title),
        };
        return Some(Role {
            title: Some(title),
            organization,
            organization_description: None,
        });
    }
    let mut role = Role {
        title: Some(title.to_owned()),
        ..Default::default()
    };
    if let Some(rest) = rest {
        // "the Brookings Institution and a former U.S. ambassador to Israel", "Ecuador under
        // Correa", "… where …": a second role, a time or a place clause is no part of its
        // name (a relative clause, "Purdue University whose research …", went with the
        // phrase's).
        static ROLE_ENDS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\s+(?:(?:where|under)\s|and\s+(?:(?:a|an|the|his|her)\s+)?\p{Ll})")
                .expect("valid regex")
        });
        let rest = ROLE_ENDS.find(rest).map_or(rest, |m| &rest[..m.start()]);
        // "the University of New South Wales in Sydney": where the organization is, is no
        // part of its name.
        let rest = match rest.find(" in ") {
            Some(i)
                if rest[..i]
                    .split_whitespace()
                    .any(|w| w.starts_with(char::is_uppercase)) =>
            {
                &rest[..i]
            }
            _ => rest,
        };
        let (description, org) = split_description(strip_article(rest));
        // "a member of Ennahda’s general secretariat": the party's.
        let owner = || {
            split_possessive(strip_article(rest))
                .map(|(owner, _)| owner.trim().to_owned())
                .filter(|owner| looks_like_organization(owner))
        };
        match org {
            Some(org) => {
                role.organization = Some(org);
                role.organization_description = description;
            }
            None => role.organization = owner(),
        }
    }
    Some(role)
}

/// "CNN meteorologist", "Rutgers University economist": an organization's name, then the words
/// from the first in lower case on; the two parts.
pub(super) fn organization_then_lower_case(phrase: &str) -> Option<(String, String)> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| w.starts_with(char::is_lowercase))?;
    let organization = words[..at].join(" ");
    looks_like_organization(&organization).then(|| (organization, words[at..].join(" ")))
}

pub(super) fn strip_article(s: &str) -> &str {
    let t = s.trim();
    for a in [
        "the ", "a ", "an ", "The ", "A ", "An ", "his ", "her ", "their ", "its ",
    ] {
        if let Some(rest) = t.strip_prefix(a) {
            return rest.trim();
        }
    }
    t
}

/// A word without its possessive "’s" or "'s" ("Christie's" → "Christie").
pub(super) fn without_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

pub(super) fn split_possessive(s: &str) -> Option<(&str, &str)> {
    for mark in ["’s ", "'s "] {
        if let Some(i) = s.find(mark) {
            let org = &s[..i];
            if org.starts_with(|c: char| c.is_uppercase()) {
                return Some((org, &s[i + mark.len()..]));
            }
        }
    }
    None
}

/// "tech services provider Zensar" → ("tech services provider", "Zensar"); the organization is
/// the trailing run of capitalised words (with "of", "and", "&" inside it).
pub(super) fn split_description(s: &str) -> (Option<String>, Option<String>) {
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    // "the Israel Democracy Institute think tank", "the Guardian newspaper": what kind of body
    // it is, after its name, describes it.
    const KINDS: &[&str] = &[
        "think tank",
        "newspaper",
        "daily",
        "weekly",
        "magazine",
        "group",
        "firm",
        "company",
        "agency",
        "network",
        "website",
        "party",
        "organization",
        "organisation",
        "nonprofit",
        "charity",
        "union",
        "campaign",
        "broadcaster",
    ];
    if let Some((kind, name)) = KINDS.iter().find_map(|k| {
        s.strip_suffix(k)
            .filter(|name| name.ends_with(' '))
            .map(|name| (*k, name.trim_end()))
    }) && name.split_whitespace().next_back().is_some_and(capital)
    {
        let (description, organization) = split_description(name);
        let description = match description {
            Some(d) => format!("{d} {kind}"),
            None => kind.to_owned(),
        };
        return (Some(description), organization);
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    // (The small words inside a name: "Council on Foreign Relations", "Committee for a
    // Responsible Federal Budget", "Bank of the West", "the … Center for Health and Human
    // Rights at Harvard University".)
    const INSIDE: &[&str] = &["of", "and", "&", "for", "de", "on", "the", "a", "at"];
    let mut start = words.len();
    while start > 0 {
        let w = words[start - 1];
        if capital(w) {
            start -= 1;
            continue;
        }
        // A run of one or two small words, with a capitalised word before it.
        let small = words[..start]
            .iter()
            .rev()
            .take(2)
            .take_while(|w| INSIDE.contains(w))
            .count();
        let joined = small > 0
            && start < words.len()
            && start > small
            && capital(words[start - small - 1])
            && (small == 1 || !["the", "a"].contains(&words[start - small]));
        if joined {
            start -= small;
        } else {
            break;
        }
    }
    while start < words.len() && !capital(words[start]) {
        start += 1;
    }
    // ("Mercer Island-based Dana F. Besecker Company": where it is based describes it.)
    if let Some(based) = words[start..].iter().rposition(|w| w.ends_with("-based")) {
        start += based + 1;
    }
    if start == words.len() {
        // No capitalised name: "a local bank" is a description only.
        return (Some(s.to_owned()).filter(|d| !d.is_empty()), None);
    }
    let desc = words[..start].join(" ");
    let org = words[start..].join(" ");
    (Some(desc).filter(|d| !d.is_empty()), Some(org))
}

/// Splits "Zensar CEO Ajay Bhandari" (or "Tulsa police Chief Chuck Jordan") into the role
/// before the name and the name.
pub(super) fn split_pre_name(subject: &str) -> (Role, String) {
    // "RealClearPolitics’ David Byler", "the Washington Post’s Ishaan Tharoor": the name is
    // owned by its organization.
    for mark in ["’s ", "'s ", "’ ", "' "] {
        if let Some(i) = subject.rfind(mark) {
            let owner = strip_article(subject[..i].trim());
            let rest = &subject[i + mark.len()..];
            let capitalised = |t: &str| t.chars().next().is_some_and(char::is_uppercase);
            // (A surname alone too, after an organization: "RedMonk’s Stephens".)
            let words = rest.split_whitespace().count();
            if capitalised(owner)
                && (words >= 2 || (words == 1 && looks_like_organization(owner)))
                && rest.split_whitespace().all(capitalised)
            {
                let (mut role, name) = split_pre_name(rest);
                role.organization.get_or_insert_with(|| owner.to_owned());
                return (role, name);
            }
        }
    }
    let tokens: Vec<&str> = subject.split_whitespace().collect();
    // "Republican Christine Todd Whitman": the party before a name is no part of it.
    const PARTIES: &[&str] = &[
        "Republican",
        "Democrat",
        "Democratic",
        "GOP",
        "Independent",
        "Conservative",
        "Labour",
        "Tory",
    ];
    if tokens.len() >= 3
        && PARTIES.contains(&tokens[0])
        && tokens[1..]
            .iter()
            .all(|t| t.starts_with(char::is_uppercase))
    {
        return split_pre_name(&tokens[1..].join(" "));
    }
    let lower_word = |t: &str| t.chars().next().is_some_and(char::is_lowercase);
    // The name is the capitalised run at the end, after the last title or lower-case word
    // (a particle between two capitalised words is the name's: "Michery el Soheil").
    // (Also one that leads a surname: "van Sebille".)
    // (Two of them too: "Ursula von der Leyen".)
    let particle = |i: usize| {
        let next = (i + 1..tokens.len().min(i + 3)).find(|&j| !is_particle(tokens[j]));
        next.is_some_and(|j| !lower_word(tokens[j]))
            && (i == 0 || !lower_word(tokens[i - 1]) || is_particle(tokens[i - 1]))
            && is_particle(tokens[i])
    };
    // (A number is no part of a name: "On March 6 Mr Joseph".)
    // (Nor is a surname before a generational suffix a title: "Martin Luther King Jr.".)
    let suffix =
        usize::from(tokens.len() >= 2 && tokens.last().is_some_and(|t| is_generational(t)));
    let Some(last_role) = tokens[..tokens.len().saturating_sub(1 + suffix)]
        .iter()
        .enumerate()
        .rposition(|(i, t)| {
            (is_title_word(t) || lower_word(t) || t.contains(|c: char| c.is_ascii_digit()))
                && !particle(i)
        })
    else {
        return (Role::default(), strip_honorifics(subject));
    };
    // "Dan Richter of Demand Media", "Patrol Chief James Hall with the New York Police
    // Department": a name, then the organization it is of (not "Secretary of State John
    // Kerry", where no name comes before "of").
    if let Some(link) = tokens[..last_role + 1]
        .iter()
        .position(|t| ["of", "with", "at", "from"].contains(t))
        .filter(|&i| i >= 2)
    {
        let org = tokens[link + 1..].join(" ");
        // (Where the organization is, is no part of its name: "… of Otago in Dunedin".)
        let org = strip_article(org.split(" in ").next().unwrap_or_default()).to_owned();
        let (mut role, name) = split_pre_name(&tokens[..link].join(" "));
        // (An ordinal leads some: "the 82nd Airborne".)
        let ordinal = |w: &str| {
            let digits = w.trim_start_matches(|c: char| c.is_ascii_digit());
            digits.len() < w.len() && ["st", "nd", "rd", "th"].contains(&digits)
        };
        let org_name = org.split_whitespace().all(|w| {
            w.starts_with(char::is_uppercase)
                || ordinal(w)
                || ["of", "and", "for", "on", "the", "de", "&"].contains(&w)
        }) && org.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && org.split_whitespace().count() <= 8;
        if looks_like_name(&name) && !has_title_keyword(&name) && org_name {
            // (What stood before the title is the title's: "Patrol Chief".)
            if let Some(before) = role.organization.replace(org) {
                role.title = Some(match role.title {
                    Some(title) => format!("{before} {title}"),
                    None => before,
                });
            }
            return (role, name);
        }
    }
    // The title: the title words and lower-case words just before the name.
    // "Secretary of State John F. Kerry": after "of", what the title is of runs into the
    // capitalised words; the name is the last two of them (three with a middle initial).
    let mut last_role = last_role;
    let of_at = (tokens[last_role] == "of").then_some(last_role);
    if of_at.is_some() {
        let run = tokens.len() - last_role - 1;
        let initial = |t: &str| t.len() <= 3 && t.ends_with('.');
        let name_len = if run >= 3 && initial(tokens[tokens.len() - 2]) {
            3
        } else {
            2
        };
        if run > name_len {
            last_role = tokens.len() - name_len - 1;
        }
    }
    let mut first_title = of_at.unwrap_or(last_role);
    while first_title > 0
        && (is_title_word(tokens[first_title - 1])
            || lower_word(tokens[first_title - 1])
            || is_portfolio(tokens[first_title - 1])
            || of_at.is_some_and(|of| first_title + 2 > of))
    {
        first_title -= 1;
    }
    // "former Obama adviser", "retired Army Lt. Gen.": lower-case words before the
    // organization qualify the title ("former adviser" of Obama); an article goes.
    // (Also such words opening a sentence: "Former Defense Secretary Robert Gates".)
    let lead = tokens[..first_title]
        .iter()
        .take_while(|t| lower_word(t) || opening_qualifier(t).is_some())
        .count();
    let qualifiers = tokens[..lead]
        .iter()
        .map(|&t| opening_qualifier(t).unwrap_or(t))
        .filter(|t| !["the", "a", "an"].contains(t));
    let mut organization = (first_title > lead).then(|| tokens[lead..first_title].join(" "));
    // ("State Sen. Michael Doherty": "State" is the title's.)
    let state = organization.as_deref() == Some("State");
    if state {
        organization = None;
    }
    // ("his nephew Michery el Soheil": the title is "nephew".)
    // ("when economist William Nordhaus", "as the Satellite Industry Association", "what F.
    // Scott Fitzgerald": the words of the clause before the title are none of it.)
    const CLAUSE: &[&str] = &[
        "when", "while", "as", "what", "that", "who", "where", "with", "on", "at", "in", "by",
        "from", "to", "than", "like", "because", "if", "after", "before", "said", "says", "told",
        "but", "or", "so", "yet",
    ];
    let title: Vec<&str> = qualifiers
        .chain(state.then_some("State"))
        .chain(
            tokens[first_title..=last_role]
                .iter()
                .map(|&t| opening_qualifier(t).unwrap_or(t)),
        )
        .filter(|t| !HONORIFICS.contains(&t.to_lowercase().as_str()))
        .collect();
    let after_clause = title
        .iter()
        .rposition(|t| CLAUSE.contains(t) || t.contains(|c: char| c.is_ascii_digit()))
        .map_or(0, |i| i + 1);
    // (The organization before such words is theirs too: "On March 6 Mr Joseph".)
    let organization = organization.filter(|_| after_clause == 0);
    let title: Vec<&str> = title[after_clause..]
        .iter()
        .copied()
        .skip_while(|t| ["his", "her", "their", "its", "the", "a", "an", "and"].contains(t))
        .collect();
    let name = strip_honorifics(&tokens[last_role + 1..].join(" "));
    // ("Previously unseen papers show Mrs Thatcher": words that end in a verb are no title.)
    let title = title.join(" ");
    let no_role = title.split_whitespace().next_back().is_some_and(|w| {
        is_cue_word(w)
            || [
                "show",
                "shows",
                "showed",
                "reveal",
                "reveals",
                "revealed",
                "suggest",
                "indicate",
                "indicates",
                "find",
                "finds",
                "found",
            ]
            .contains(&w)
    }) && !has_title_keyword(&title);
    let mut title = (!title.is_empty() && !no_role).then_some(title);
    let organization = organization
        // ("Labour’s deputy leader Angela Rayner": the party's.)
        .map(|o| {
            let o = o
                .strip_suffix("’s")
                .or_else(|| o.strip_suffix("'s"))
                .unwrap_or(&o);
            o.trim_end_matches(['’', '\'']).to_owned()
        })
        .and_then(|o| {
            // "Then-DHS Director Michael Chertoff": then Director of DHS.
            if let Some(org) = o.strip_prefix("Then-").or_else(|| o.strip_prefix("then-")) {
                title = Some(before_title("then", title.take()));
                return Some(org.to_owned());
            }
            // "Israeli Prime Minister Benjamin Netanyahu": the country's; "Italian journalist
            // Stefania Maurizi": a journalist who is Italian.
            if country_of(&o).is_some() {
                let (organization, with_nationality) =
                    nationality_role(&o, title.as_deref().unwrap_or_default());
                title = Some(with_nationality);
                return organization;
            }
            // "Pakistan-based developer Ammar Askar": where someone works describes them.
            if o.ends_with("-based") {
                title = Some(before_title(&o, title.take()));
                return None;
            }
            Some(o)
        });
    (
        Role {
            title,
            organization,
            organization_description: None,
        },
        name,
    )
}

/// `word` put before a title ("then" Director), or the whole title when there is none.
pub(super) fn before_title(word: &str, title: Option<String>) -> String {
    match title {
        Some(t) if !t.is_empty() => format!("{word} {t}"),
        _ => word.to_owned(),
    }
}

/// A nationality before a title: the country, when the title is one a state gives
/// ("Tunisian Prime Minister" → Tunisia, "Prime Minister"); otherwise no organization, and
/// the nationality stays with the title ("Italian journalist").
pub(super) fn nationality_role(demonym: &str, title: &str) -> (Option<String>, String) {
    const OF_A_STATE: &[&str] = &[
        "president",
        "prime",
        "premier",
        "minister",
        "chancellor",
        "ambassador",
        "envoy",
        "diplomat",
        "king",
        "queen",
        "prince",
        "princess",
        "official",
        "officials",
        "general",
        "military",
        "army",
        "navy",
        "secretary",
        "foreign",
        "defense",
        "defence",
        "senator",
        "lawmaker",
        "parliamentarian",
    ];
    let of_a_state = title
        .split_whitespace()
        .any(|w| OF_A_STATE.contains(&w.to_lowercase().as_str()));
    match country_of(demonym) {
        Some(country) if of_a_state => (Some(country.to_owned()), title.to_owned()),
        _ => (None, before_title(demonym, Some(title.to_owned()))),
    }
}

/// The country a nationality names ("Israeli" → Israel), for a title held in it.
pub(super) fn country_of(demonym: &str) -> Option<&'static str> {
    #[rustfmt::skip]
    const COUNTRIES: &[(&str, &str)] = &[
        ("Afghan", "Afghanistan"), ("American", "United States"), ("Argentine", "Argentina"),
        ("Australian", "Australia"), ("Austrian", "Austria"), ("Belgian", "Belgium"),
        ("Brazilian", "Brazil"), ("British", "United Kingdom"), ("Canadian", "Canada"),
        ("Chilean", "Chile"), ("Chinese", "China"), ("Colombian", "Colombia"), ("Cuban", "Cuba"),
        ("Czech", "Czech Republic"), ("Danish", "Denmark"), ("Dutch", "Netherlands"),
        ("Egyptian", "Egypt"), ("Ethiopian", "Ethiopia"), ("Filipino", "Philippines"),
        ("Finnish", "Finland"), ("French", "France"), ("German", "Germany"), ("Greek", "Greece"),
        ("Hungarian", "Hungary"), ("Indian", "India"), ("Indonesian", "Indonesia"),
        ("Iranian", "Iran"), ("Iraqi", "Iraq"), ("Irish", "Ireland"), ("Israeli", "Israel"),
        ("Italian", "Italy"), ("Japanese", "Japan"), ("Jordanian", "Jordan"),
        ("Kenyan", "Kenya"), ("Lebanese", "Lebanon"), ("Libyan", "Libya"),
        ("Mexican", "Mexico"), ("Nigerian", "Nigeria"), ("North Korean", "North Korea"),
        ("Norwegian", "Norway"), ("Pakistani", "Pakistan"), ("Palestinian", "Palestine"),
        ("Peruvian", "Peru"), ("Polish", "Poland"), ("Portuguese", "Portugal"),
        ("Qatari", "Qatar"), ("Russian", "Russia"), ("Saudi", "Saudi Arabia"),
        ("Scottish", "Scotland"), ("South African", "South Africa"),
        ("South Korean", "South Korea"), ("Spanish", "Spain"), ("Swedish", "Sweden"),
        ("Swiss", "Switzerland"), ("Syrian", "Syria"), ("Taiwanese", "Taiwan"),
        ("Thai", "Thailand"), ("Tunisian", "Tunisia"), ("Turkish", "Turkey"),
        ("Ukrainian", "Ukraine"), ("Venezuelan", "Venezuela"), ("Vietnamese", "Vietnam"),
        ("Welsh", "Wales"), ("Yemeni", "Yemen"),
    ];
    COUNTRIES
        .iter()
        .find(|(nationality, _)| *nationality == demonym)
        .map(|(_, country)| *country)
}

/// A title's qualifier capitalised because it opens a sentence ("Former Defense Secretary
/// Robert Gates"), in lower case.
pub(super) fn opening_qualifier(word: &str) -> Option<&'static str> {
    [
        ("Former", "former"),
        ("Acting", "acting"),
        ("Then", "then"),
        ("Outgoing", "outgoing"),
    ]
    .into_iter()
    .find_map(|(opening, lower)| (opening == word).then_some(lower))
}

pub(super) fn strip_honorifics(name: &str) -> String {
    let mut tokens: Vec<&str> = name
        .split_whitespace()
        .skip_while(|t| HONORIFICS.contains(&t.to_lowercase().as_str()))
        .collect();
    // The sentence's full stop is not part of the name, but an initial's or "Jr."'s is.
    if let Some(last) = tokens.last_mut() {
        let bare = last.trim_end_matches('.');
        if bare.chars().count() > 1 && !["Jr", "Sr"].contains(&bare) {
            *last = bare;
        }
    }
    tokens.join(" ")
}
