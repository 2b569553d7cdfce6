//! Linking a mention (a surname, a pronoun, "the company", a title alone) to the person or organization introduced in full.

use super::*;

/// A previous quotation's source that is a person the text describes but does not name ("a
/// doctor", "one senior official"): the description. Only an indefinite description
/// introduces someone new; "the senator", "the former president" mostly mean someone named
/// before.
pub(super) fn unnamed_person(a: &Attribution) -> Option<&str> {
    let full = a.mention.as_deref().filter(|_| a.speaker.is_none())?;
    // ("a doctor from Hebron": the person is the doctor.)
    let described = match of_organization(full) {
        Some(_) => before_link(full).0,
        None => full,
    };
    let first = described.split_whitespace().next()?.to_lowercase();
    if !["a", "an", "one", "another"].contains(&first.as_str()) {
        return None;
    }
    let person = described
        .split_whitespace()
        .next_back()
        .is_some_and(is_person_noun);
    (is_unnamed(described) && person).then_some(full)
}

/// A noun that names a person: a title, a relative or an occupation ("spokeswoman",
/// "friend", "epidemiologist"), not "footage".
pub(super) fn is_person_noun(word: &str) -> bool {
    let word = word.to_lowercase();
    is_title_word(&word)
        || PEOPLE_WORDS.contains(&word.as_str())
        || TITLE_KEYWORDS.contains(&word.as_str())
        || names_an_occupation(&word)
}

/// The last word of a name ("Alilughatta"), before a generational suffix ("King" in "Martin
/// Luther King Jr.").
pub(super) fn surname(name: &str) -> &str {
    name.split_whitespace()
        .rev()
        .find(|w| !is_generational(w))
        .unwrap_or(name)
}

/// "The Food Standards Agency warned people to stay away. ¶ “…,” it said in a statement.": the
/// body that is the subject of the last sentence before the quotation (in `before`, the text
/// since the previous one), as the text names it.
pub(super) fn body_before(before: &str) -> Option<&str> {
    static BODY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^\s*|[.!?]\s+)(?P<body>(?:The\s+)?\p{Lu}[\p{L}&\-]*(?:\s+(?:of|for|and|on|\p{Lu}[\p{L}&\-]*)){0,6})\s+(?:has\s+|had\s+|have\s+)?\p{Ll}+(?:ed|s)\b[^.!?]*[.!?]\s*$",
        )
        .expect("valid regex")
    });
    let body = BODY_SUBJECT
        .captures(before.trim_end())?
        .name("body")?
        .as_str();
    let name = body.strip_prefix("The ").unwrap_or(body);
    let last = name.split_whitespace().next_back()?.to_lowercase();
    (looks_like_organization(name) && NOT_PERSON.contains(&last.as_str())).then_some(body)
}

/// “…,” it said, after a sentence about `body`: the body, as the text names it.
pub(super) fn resolve_it_as(raw: Raw, body: &str) -> Attribution {
    let (medium, told_to) = medium_of(&raw.cue, &raw.rest);
    let name = body.strip_prefix("The ");
    let mention = name.map_or_else(|| body.to_owned(), |name| format!("the {name}"));
    Attribution {
        speaker: Some(name.unwrap_or(body).to_owned()),
        note: Some(format!("“{}” resolved to {mention}", raw.subject.trim())),
        mention: Some(mention),
        medium,
        told_to,
        cue: Some(raw.cue.to_lowercase()),
        ..Default::default()
    }
}

/// “…,” it added: "it" is the newspaper, statement or report quoted last (`earlier`, the
/// attributions so far), never a person the text describes ("a senior aide").
pub(super) fn resolve_it(raw: Raw, earlier: &[Attribution]) -> Attribution {
    let (medium, told_to) = medium_of(&raw.cue, &raw.rest);
    let person = |m: &str| {
        let head = m
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_lowercase();
        is_title_word(&head)
            || PEOPLE_WORDS.contains(&head.as_str())
            || PRONOUNS.contains(&head.as_str())
    };
    // A body quoted as such ("the Times wrote": the speaker "Times"), or a source that was
    // not a person and had no name.
    let source = earlier.iter().rev().find_map(|a| {
        let m = a.mention.as_deref()?;
        let body = the_organization(m).filter(|b| a.speaker.as_deref() == Some(*b));
        let unnamed = a.speaker.is_none() && !m.eq_ignore_ascii_case("it") && !person(m);
        (body.is_some() || unnamed).then_some((m, body))
    });
    let it = raw.subject.trim();
    Attribution {
        speaker: source.and_then(|(_, body)| body).map(str::to_owned),
        mention: source.map(|(m, _)| m.to_owned()),
        medium,
        told_to,
        cue: Some(raw.cue.to_lowercase()),
        note: Some(match source {
            Some((s, _)) => format!("“{it}” resolved to {s}"),
            None => format!("“{it}” does not refer to a source named before"),
        }),
        ..Default::default()
    }
}

/// "Dr. Ward stated:" closing the paragraph before a quotation that opens its own: that last
/// sentence (after `prev_end`, the end of the previous quotation), which introduces it.
pub(super) fn colon_intro(text: &str, prev_end: usize, open: usize) -> Option<&str> {
    let before = &text[prev_end..open];
    let par = before.rfind('\n')?;
    if !before[par..].trim().is_empty() {
        return None;
    }
    let intro = before[..par].trim_end();
    if !intro.ends_with(':') {
        return None;
    }
    let start = sentence_start(text, prev_end + intro.len() - 1, prev_end);
    Some(&text[start..prev_end + intro.len()])
}

/// The speaker of the sentence right before a quotation that opens a sentence (`before_start`
/// to `open` is blank), in the same paragraph and after the previous quotation (`prev_end`).
pub(super) fn said_just_before(
    text: &str,
    prev_end: usize,
    before_start: usize,
    q: &Quotation,
) -> Option<Raw> {
    let open = q.open;
    // (‘Stickerboy’ placed two stickers over his face: a name the sentence goes on about.)
    let goes_on = text[q.close_end..]
        .trim_start_matches([' ', '\u{a0}'])
        .starts_with(char::is_lowercase);
    if !text[before_start..open].trim().is_empty() || goes_on {
        return None;
    }
    let end = prev_end + text[prev_end..before_start].trim_end().len();
    if end <= prev_end || text[end..open].contains('\n') {
        return None;
    }
    let start = sentence_start(text, end - 1, prev_end);
    if start == prev_end && prev_end > 0 {
        // The sentence runs on from the previous quotation: it is that one's attribution.
        return None;
    }
    PRIOR_SAYS
        .captures(&text[start..end])
        .map(|c| Raw::from_captures(&c))
        .filter(|raw| may_speak(&raw.subject))
}

/// Whether a subject a pattern read may be someone speaking: a pronoun, or words that name
/// someone (not "Thursday", "Any", "That").
pub(super) fn may_speak(subject: &str) -> bool {
    PRONOUNS.contains(&subject.trim().to_lowercase().as_str())
        || !names_no_one(strip_sentence_words(subject.trim()))
}

/// Whether quotation `q` is a paragraph of its own that directly follows a paragraph ending with
/// the previous quotation (at `prev_end`) and, at most, its short attribution ("…,” Barkley
/// said.).
pub(super) fn follows_quoted_paragraph(text: &str, prev_end: usize, q: &Quotation) -> bool {
    let between = &text[prev_end..q.open];
    let Some(par) = between.find('\n') else {
        return false;
    };
    let (tail, gap) = between.split_at(par);
    // (Or one that ends its sentence and opens its paragraph, narration following it: “…”
    // This “mathematical trick” was the model.)
    let own_paragraph = text[q.close_end..]
        .split('\n')
        .next()
        .is_some_and(|rest| rest.trim().chars().all(|c| c.is_ascii_punctuation()))
        || q.text.trim_end().ends_with(['.', '!', '?']);
    // (A photo's caption may stand between the two: a line or two that is no sentence, "Hori
    // Parata at his Pātaua farm, the place where he was born".)
    let caption = |line: &str| {
        let line = line.trim();
        line.chars().count() <= 200
            && !line.contains(['“', '”', '"'])
            && !line.ends_with(['.', '!', '?', ':', ';', ',', '…'])
    };
    let (captions, opening) = gap.rsplit_once('\n').unwrap_or(("", gap));
    let lines: Vec<&str> = captions.lines().filter(|l| !l.trim().is_empty()).collect();
    let gap_is_captions =
        opening.trim().is_empty() && lines.len() <= 2 && lines.iter().all(|l| caption(l));
    // (The attribution may describe its speaker at some length: “…,” says Parata, a fierce and
    // uncompromising elder of the Ngātiwai tribe of eastern Northland.)
    let short = tail.len() <= 80
        || (tail.len() <= 200
            && tail
                .trim_start_matches([' ', '\u{a0}'])
                .split_whitespace()
                .next()
                .is_some_and(is_cue_word));
    gap_is_captions && short && !tail.contains(['“', '"']) && own_paragraph
}

pub(super) fn resolve(raw: Raw, people: &mut Vec<Person>, carry: Carry) -> Attribution {
    let inherit = carry == Carry::SpeakerAndRole;
    let (medium, told_to) = medium_of(&raw.cue, &raw.rest);
    let mut a = Attribution {
        mention: Some(raw.subject.clone()),
        medium,
        told_to,
        cue: Some(raw.cue.to_lowercase()),
        ..Default::default()
    };
    let subject = strip_sentence_words(strip_paren(&raw.subject));
    let subject = contracted_pronoun(subject).unwrap_or(subject);
    // "said Stevens’ mother, Janet": whose relative speaks, not who.
    if subject.is_empty() || subject.ends_with(['’', '\'']) {
        a.note = Some(format!("“{}” does not name a speaker", raw.subject.trim()));
        return a;
    }
    let lower = subject.to_lowercase();
    let described = strip_paren(&raw.subject).trim();
    // "the company's spokesman, Joe Smith, said", "a spokeswoman for Acme, Jane Roe, said",
    // "The Prime Minister, Keir Starmer, said": the name is in the appositive.
    let of_org = of_organization(described);
    // (Also "its logistics director, Petra Vogel, said", "his wife, Heidi Cruz, said".)
    let pronoun_owned = ["its ", "their ", "his ", "her "]
        .iter()
        .any(|p| lower.starts_with(p));
    if (is_unnamed(described) || of_org.is_some() || is_a_title(described) || pronoun_owned)
        && raw
            .appositive
            .as_deref()
            .is_some_and(|a| a.trim_start().starts_with(char::is_uppercase))
        && let Some(swapped) = name_from_appositive(&raw, described)
    {
        return resolve(swapped, people, carry);
    }
    if let Some(org) = the_organization(described) {
        // "the Justice Department said", "The Pentagon said:": the body speaks, as "Amtrak
        // said" does (and is no one a later "he" or "she" means). "the Texan", "the Mayor",
        // "The Ebelings" are people the text does not name here.
        a.mention = Some(described.to_owned());
        if describes_people(org, people) {
            a.note = Some(format!("“{described}” is not named in the text"));
        } else if cue_is_a_noun(&raw) {
            // "the Alibaba shares being left behind": no one speaks.
            a.mention = None;
            a.note = Some(format!(
                "“{described} {}” does not name a speaker",
                raw.cue.trim()
            ));
        } else {
            a.speaker = Some(org.to_owned());
        }
        return a;
    }
    if let Some((body, medium)) = body_and_document(described) {
        // "the IMF report stated": the IMF said it, in a document.
        a.speaker = Some(body.to_owned());
        a.mention = Some(format!("the {body}"));
        a.medium = Some(medium);
        return a;
    }
    // "a spokeswoman for the Federal Trade Commission said": someone of an organization,
    // unnamed; the role is kept when it is one ("a friend of Trump" has none).
    if let Some(role) = of_org {
        a.mention = Some(described.to_owned());
        // ("a former business partner of Morales": someone's partner, not a firm's.)
        let of_someone = |org: &str| {
            people
                .iter()
                .any(|p| p.name == org || surname(&p.name) == org)
        };
        if let Some(role) = role.filter(|r| !r.organization.as_deref().is_some_and(of_someone)) {
            a.title = role.title;
            a.organization = role.organization;
            a.organization_description = role.organization_description;
        }
        a.note = Some(format!("“{described}” is not named in the text"));
        return a;
    }
    if is_unnamed(described) {
        // ("A photo was posted", "My mom would just say": the verb's helpers are no part of
        // the description.)
        let mut described = described;
        while let Some((head, last)) = described.rsplit_once(' ')
            && [
                "was", "were", "is", "are", "has", "have", "had", "would", "will", "could", "can",
                "just", "also", "then", "once", "from", "of", "at", "in", "with", "for",
            ]
            .contains(&last)
            && is_unnamed(head)
        {
            described = head;
        }
        a.mention = Some(described.to_owned());
        // "the senator said", after "Sen. Bernie Sanders": the description is the title the
        // text gave someone.
        if let Some(p) = titled(described, people) {
            spoken_by(&mut a, p, described, inherit);
            return a;
        }
        // "a Meta spokesperson", "a Fed spokesperson", "a German official": the
        // organization's role, with no name (not "One former business partner" of "One", nor
        // "one Western official" of "Western").
        let after_determiner = described
            .split_once(' ')
            .map_or(described, |(_, rest)| rest);
        if after_determiner.starts_with(char::is_uppercase)
            && let Some(role) = parse_role(after_determiner).filter(|r| {
                r.organization
                    .as_deref()
                    .is_some_and(|o| !["Western", "Eastern", "Northern", "Southern"].contains(&o))
                    && r.title
                        .as_deref()
                        .and_then(|t| t.split_whitespace().next_back())
                        .is_some_and(has_title_keyword)
            })
        {
            a.title = role.title;
            a.organization = role.organization;
        }
        // Kept as the text gives it: the candidate shows who spoke without inventing a name.
        a.note = Some(format!("“{described}” is not named in the text"));
        return a;
    }
    // "Frank Newport and Jim Harter wrote": two people, whose words the quotation is together.
    if let Some(pair) = two_people(subject, people) {
        // The first named is the speaker on record, the second a co-speaker; the note names
        // both.
        let mut names = pair.split(" and ").map(str::to_owned);
        a.speaker = names.next();
        a.co_speakers = names.collect();
        a.mention = Some(pair.clone());
        a.note = Some(format!(
            "“{pair}” are two people: the quotation is theirs together"
        ));
        return a;
    }
    if matches!(lower.as_str(), "i" | "we") {
        // "I laughed and said, “…”": in narration the first person is the writer, whom the
        // text does not name.
        a.note = Some(format!(
            "“{subject}” is the writer, whom the text does not name"
        ));
        return a;
    }
    if PRONOUNS.contains(&lower.as_str()) {
        let female = match lower.as_str() {
            "she" => Some(true),
            "he" => Some(false),
            _ => None,
        };
        let fits = |p: &&Person| match (female, p.female) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let found = people.iter().rposition(|p| p.referent && fits(&p));
        if let (Some(i), Some(f)) = (found, female) {
            // What this pronoun says of the person holds for later ones.
            people[i].female.get_or_insert(f);
        }
        match found.map(|i| &people[i]) {
            Some(p) => spoken_by(&mut a, p, subject, inherit),
            None => a.note = Some(format!("“{subject}” does not refer to anyone named before")),
        }
        return a;
    }
    // "Sanders's campaign manager, Jeff Weaver, said": the name is in the appositive.
    if split_possessive(subject).is_some()
        && let Some(swapped) = name_from_appositive(&raw, subject)
    {
        return resolve(swapped, people, carry);
    }
    // "says CNN meteorologist": an organization's role with no name.
    if let Some((organization, title)) = organization_then_lower_case(subject)
        && title
            .split_whitespace()
            .all(|w| w.starts_with(char::is_lowercase))
        && title
            .split_whitespace()
            .next_back()
            .is_some_and(has_title_keyword)
    {
        a.title = Some(title);
        a.organization = Some(organization);
        a.note = Some(format!("“{subject}” names a role, not a person"));
        return a;
    }
    // "Alibaba’s COO": a role with no name (not "Scotland's First Minister Nicola Sturgeon").
    if let Some(role) = parse_role(subject).filter(|_| {
        split_possessive(subject).is_some() && !looks_like_name(&split_pre_name(subject).1)
    }) {
        a.title = role.title;
        a.organization = role.organization;
        let known = people.iter().rev().find(|p| {
            p.organization.as_deref().map(str::to_lowercase)
                == a.organization.as_deref().map(str::to_lowercase)
        });
        match known {
            Some(p) => {
                a.speaker = Some(p.name.clone());
                a.note = Some(format!("“{subject}” resolved to {}", p.name));
            }
            None => a.note = Some(format!("“{subject}” names a role, not a person")),
        }
        return a;
    }
    let subject = ["The ", "A ", "An "]
        .iter()
        .find_map(|a| subject.strip_prefix(a))
        .unwrap_or(subject);
    let (pre_role, name) = split_pre_name(subject);
    // "Kevin McCarthy, R-Calif., the House speaker": a party and state, then the role.
    static PARTY_STATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[RDI]-[A-Z][\p{L}.]*(?:\s[A-Z][\p{L}.]*)?$").expect("valid regex")
    });
    let after_party = raw
        .appositive
        .as_deref()
        .filter(|a| PARTY_STATE.is_match(a.trim()))
        .map(|_| raw.rest.trim_start().trim_start_matches(','))
        .map(|rest| rest.split([',', ';']).next().unwrap_or_default())
        .map(|role| {
            let role = role.trim();
            role.strip_suffix('.').unwrap_or(role)
        });
    let appositive_role = after_party
        .or(raw.appositive.as_deref())
        .and_then(parse_role);
    let role = merge_roles(appositive_role, pre_role);
    // A surname (or a first name) alone refers to someone named in full before.
    let single = is_one_name(&name);
    let known = one_name_means(people, &name, |p| {
        single && (p.name.split_whitespace().any(|part| part == name) || known_by(&p.name, &name))
    })
    .map(|i| &people[i]);
    match known {
        Some(p) => {
            if p.name != name {
                a.note = Some(format!("“{name}” resolved to {}", p.name));
            }
            a.speaker = Some(p.name.clone());
            a.title = role
                .title
                .clone()
                .or_else(|| p.title.clone().filter(|_| inherit));
            a.organization = role
                .organization
                .clone()
                .or_else(|| p.organization.clone().filter(|_| inherit));
            a.organization_description = role
                .organization_description
                .clone()
                .or_else(|| p.organization_description.clone().filter(|_| inherit));
        }
        None if names_no_one(&name) => {
            a.note = Some(format!("“{}” does not name a speaker", raw.subject.trim()));
            return a;
        }
        None => {
            a.speaker = Some(name.clone());
            a.title = role.title.clone();
            a.organization = role.organization.clone();
            a.organization_description = role.organization_description.clone();
        }
    }
    if let Some(speaker) = &a.speaker {
        let role = Role {
            title: a.title.clone(),
            organization: a.organization.clone(),
            organization_description: a.organization_description.clone(),
        };
        meet(people, speaker, true, None, role);
        if single
            && *speaker != name
            && let Some(p) = people.last_mut()
        {
            p.by_one_name = true;
        }
    }
    a
}

/// `raw` read again with the name its appositive gives as the subject, and `described` (the
/// role the subject was) as the appositive; `None` when the appositive names no one.
pub(super) fn name_from_appositive(raw: &Raw, described: &str) -> Option<Raw> {
    let appositive = raw.appositive.as_deref()?;
    looks_like_name(split_pre_name(strip_paren(appositive)).1.as_str()).then(|| Raw {
        subject: appositive.trim().to_owned(),
        appositive: Some(described.to_owned()),
        cue: raw.cue.clone(),
        rest: raw.rest.clone(),
    })
}

/// How many people `meet` keeps in mind.
pub(super) const MAX_PEOPLE: usize = 400;

/// Gives the candidate person `p`, whom the text's `mention` ("he", "the senator") refers to,
/// with the title and organization the text gave them when `inherit`.
pub(super) fn spoken_by(a: &mut Attribution, p: &Person, mention: &str, inherit: bool) {
    a.speaker = Some(p.name.clone());
    if inherit {
        a.title = p.title.clone();
        a.organization = p.organization.clone();
        a.organization_description = p.organization_description.clone();
    }
    a.note = Some(format!("“{mention}” resolved to {}", p.name));
}

/// Notes that the text names `name` here (`referent`: quoted, or described with a role), with
/// what this mention says of them: the person moves to the end of `people`, keeping what was
/// known of them where this mention says nothing. Their sex is what this mention says (an
/// honorific), else what pronouns said before, else what the given name tells.
pub(super) fn meet(
    people: &mut Vec<Person>,
    name: &str,
    referent: bool,
    female: Option<bool>,
    role: Role,
) {
    let before = people
        .iter()
        .position(|p| p.name == name)
        .map(|i| people.remove(i));
    let before = before.as_ref();
    people.push(Person {
        referent: referent || before.is_some_and(|p| p.referent),
        female: female
            .or_else(|| before.and_then(|p| p.female))
            .or_else(|| super::super::names::gender_of(name)),
        title: role.title.or_else(|| before.and_then(|p| p.title.clone())),
        organization: role
            .organization
            .or_else(|| before.and_then(|p| p.organization.clone())),
        organization_description: role
            .organization_description
            .or_else(|| before.and_then(|p| p.organization_description.clone())),
        by_one_name: before.is_some_and(|p| p.by_one_name),
        name: name.to_owned(),
    });
    // The people met longest ago are forgotten past `MAX_PEOPLE` (no article names so many),
    // so that text of endless names costs a bounded search per mention.
    if people.len() > MAX_PEOPLE {
        people.drain(..people.len() - MAX_PEOPLE);
    }
}
