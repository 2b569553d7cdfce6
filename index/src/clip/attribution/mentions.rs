//! The people and organizations an article mentions as it goes, sentence by sentence.

use super::*;

/// The person the one word `word` means, of those it names (`goes_by`): the one it has meant
/// before, else the one met last (or someone known by that word alone).
pub(super) fn one_name_means(
    people: &[Person],
    word: &str,
    goes_by: impl Fn(&Person) -> bool,
) -> Option<usize> {
    people
        .iter()
        .rposition(|p| p.by_one_name && p.name != word && goes_by(p))
        .or_else(|| people.iter().rposition(|p| p.name == word || goes_by(p)))
}

/// Whether a person named `name` goes by the one word `surname`: the last word of the name, or
/// the first of a name in East Asian order ("Ban" is Ban Ki-moon).
pub(super) fn known_by(name: &str, surname: &str) -> bool {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !is_generational(w))
        .collect();
    let east_asian = words.len() == 2
        && words[1]
            .split_once('-')
            .is_some_and(|(_, second)| second.starts_with(char::is_lowercase));
    let particled = surname.contains(' ')
        && name
            .strip_suffix(surname)
            .is_some_and(|given| given.ends_with(' '));
    words.last() == Some(&surname) || (east_asian && words[0] == surname) || particled
}

/// The end of a clause that a speaker's name follows: "…, said", "according to", "said the
/// children's librarian,".
pub(super) static AFTER_CUE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:said|says|added|adds|wrote|writes|asked|explained|noted|according to)(?:\s+[^,.;“”\x22]{1,60},)?\s*$",
    )
    .expect("valid regex")
});

/// A verb of saying or thinking that only a person is the subject of, right after a word.
pub(super) static SAYS_OR_THINKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s+(?:said|says|told|tells|added|adds|wrote|writes|believes|thinks|argued|argues|explained|noted|recalled|insisted|agreed|replied|responded|stated)\b",
    )
    .expect("valid regex")
});

/// A verb of saying right before its subject, after a quotation or a clause: "…, said Kunin."
pub(super) static SAID_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[,”\x22]\s*(?:said|says|added|adds|wrote|writes|explained|noted)\s+$")
        .expect("valid regex")
});

/// Whether one capitalised word could be a person's surname or given name: not a pronoun, a
/// place, a group or a word that opens sentences, nor an acronym or a brand with capitals
/// inside ("NATO", "PolitiFact"; "McLenney" and "DeSantis" are names).
pub(super) fn could_be_surname(w: &str) -> bool {
    let lower = w.to_lowercase();
    let inner_capitals = ["Mc", "Mac", "De", "Di", "Le", "La", "Van", "O’", "O'"]
        .iter()
        .find_map(|prefix| w.strip_prefix(prefix))
        .unwrap_or(w)
        .chars()
        .skip(1)
        .any(char::is_uppercase);
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().all(|c| c.is_alphabetic() || "-’'".contains(c))
        && !inner_capitals
        && !names_no_one(w)
        && !is_title_word(w)
        && !PRONOUNS.contains(&lower.as_str())
        && !["it", "you", "this", "that", "there", "here"].contains(&lower.as_str())
}

/// Where a stretch of text given to `note_mentions` stands in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stretch {
    /// It begins the article: its first line is the title.
    ArticleStart,
    /// It begins at a sentence or a quotation's end.
    Sentences,
    /// It begins inside a sentence (what follows a name and its comma).
    MidSentence,
    /// A relative clause read with the rest of its sentence: inside a sentence, and no
    /// relative clause in it is read again (text of clause after clause would otherwise be
    /// read over and over).
    Clause,
}

/// The people sentences of a stretch are about, as `note_mentions` found them.
#[derive(Debug, Default)]
pub(super) struct Subjects {
    /// The subject of the stretch's first sentence.
    pub(super) first: Option<String>,
    /// The subject of its last sentence.
    pub(super) last: Option<String>,
    /// Everyone it names, in order (a name may repeat).
    pub(super) named: Vec<String>,
}

/// Notes that `name` is named: once among those its sentence names, and in the stretch's list.
pub(super) fn note_named(
    in_sentence: &mut Vec<String>,
    in_stretch: &mut Vec<String>,
    name: String,
) {
    if !in_sentence.contains(&name) {
        in_sentence.push(name.clone());
    }
    in_stretch.push(name);
}

/// Records the people a stretch of text names: full names (with a role when an appositive
/// follows), and surnames of people already met, which make them the most recent.
/// `stretch`: where the text stands in the article; `continued`: the subject of the sentence
/// the stretch goes on with, across a quotation (“Trump says he is making “a demand” of Obama.”
/// is about Trump, whom the next "he" means).
pub(super) fn note_mentions(
    text: &str,
    stretch: Stretch,
    continued: Option<String>,
    people: &mut Vec<Person>,
) -> Subjects {
    static MENTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?P<name>{NAME})(?:\s*,\s*(?P<appos>(?:(?:\p{{Lu}}\.){{2,}}|[^,“”«»\x22.]){{2,160}}?)\s*,)?"
        ))
        .expect("valid regex")
    });
    // The first person a sentence names is usually its subject, whom a following "he" or "she"
    // means ("McAuliffe remarked that he had consulted Mark Herring. … he said" is McAuliffe):
    // at the end of each sentence its subject moves back to the end of the list.
    let mut sentence: Option<usize> = continued.as_ref().map(|_| 0);
    let mut subject: Option<String> = continued;
    // A named subject followed by a verb ("Florida delegate John Archer, wearing…, said he…")
    // is a person, whom a "he" or "she" can mean; a pronoun later in its sentence says which.
    let promote = |people: &mut Vec<Person>, subject: &mut Option<String>, at: Option<usize>| {
        if let Some(name) = subject.take()
            && let Some(i) = people.iter().rposition(|p| p.name == name)
        {
            let mut p = people.remove(i);
            p.referent = true;
            if p.female.is_none()
                && let Some(start) = at
            {
                p.female =
                    pronoun_gender(&text[start..sentence_end(text, start, start + MAX_SENTENCE)]);
            }
            people.push(p);
        }
    };
    // A pronoun tells the subject's gender only when no one else is named beside it ("Warren
    // told Stumpf, after he admitted…" says nothing of Warren).
    let mut named_here: Vec<String> = Vec::new();
    let mut all_named: Vec<String> = Vec::new();
    let mut first_subject: Option<String> = None;
    let mut first_sentence: Option<usize> = None;
    // The person a possessive surname names ("Evul-art’h’s black hair and pale pink eyes
    // appeared."): the sentence's subject if no one else is ("Bloomberg's pollster, Douglas
    // Schoen, says" is about Schoen).
    let mut owner: Option<String> = None;
    // Where the previous mention was and the start of its sentence, and the previous mention's
    // line and whether it is a headline: each scan goes back no further than the last one.
    let mut last_mention: Option<(usize, usize)> = None;
    let mut line: Option<(usize, usize, bool)> = None;
    // How far relative clauses have been read: each stretch is read as one clause at most once.
    let mut clause_read_to = 0;
    for c in MENTION.captures_iter(text) {
        let mention_start = c.get(0).map_or(0, |m| m.start());
        let at = match last_mention {
            Some((pos, at)) if pos <= mention_start => {
                match sentence_start(text, mention_start, pos) {
                    found if found == pos => at,
                    found => found,
                }
            }
            _ => sentence_start(text, mention_start, 0),
        };
        last_mention = Some((mention_start, at));
        first_sentence.get_or_insert(at);
        // (A stretch that begins inside a sentence has no sentence start of its own at 0.)
        let starts_sentence = !matches!(stretch, Stretch::MidSentence | Stretch::Clause) || at > 0;
        if sentence != Some(at) {
            if subject.is_none() {
                subject = owner.take();
            }
            owner = None;
            promote(
                people,
                &mut subject,
                sentence.filter(|_| named_here.len() <= 1),
            );
            sentence = Some(at);
            named_here.clear();
            // "He said Mateen “has not done this”": the sentence is about whom its "he" means,
            // not about the name after it.
            // (Also after a short opening phrase: "On Wednesday, he told a crowd…".)
            // (An opening phrase is three words at most: the first 200 bytes hold it.)
            let sentence_text = &text[at..floor_boundary(text, at + 200)];
            let first_word = sentence_text
                .split_once(", ")
                .filter(|(lead, _)| {
                    lead.split_whitespace().count() <= 3
                        && lead.chars().next().is_some_and(char::is_uppercase)
                })
                .map_or(sentence_text, |(_, rest)| rest)
                .split_whitespace()
                .next()
                .unwrap_or("");
            let female = match first_word {
                "He" | "he" => Some(false),
                "She" | "she" => Some(true),
                _ => None,
            };
            if let Some(female) = female
                && starts_sentence
                && let Some(p) = people
                    .iter()
                    .rev()
                    .find(|p| p.referent && p.female != Some(!female))
            {
                subject = Some(p.name.clone());
            }
        }
        // Headlines capitalise every word ("Hillary Clinton Speaks Directly To…"): no names there.
        let headline = match line {
            Some((start, end, headline)) if start <= mention_start && mention_start <= end => {
                headline
            }
            _ => {
                let start = text[..mention_start].rfind('\n').map_or(0, |i| i + 1);
                let end = text[mention_start..]
                    .find('\n')
                    .map_or(text.len(), |i| mention_start + i);
                let headline = is_headline(
                    &text[start..end],
                    stretch == Stretch::ArticleStart && start == 0,
                );
                line = Some((start, end, headline));
                headline
            }
        };
        // A name right after an opening mark in narration is a quoted title or slogan (an
        // event billed as “Hard Hats for Hillary”), not someone a pronoun can mean.
        if headline || text[..mention_start].ends_with(['“', '"', '‘', '«', '„']) {
            continue;
        }
        let (role, name) = split_pre_name(strip_sentence_words(strip_paren(&c["name"])));
        // "Donald Trump's failed casino ventures" names Donald Trump (whom a later "Trump"
        // means), though not as the sentence's subject.
        let after_mention = &text[c.get(0).map_or(0, |m| m.end())..];
        // (A surname's too: "Bloomberg's pollster"; not a contraction's "’s": "Christie's been
        // making the case".)
        let possessive = name
            .split_whitespace()
            .next_back()
            .is_some_and(|last| without_possessive(last) != last)
            && !after_mention
                .split_whitespace()
                .next()
                .is_some_and(|w| CONTRACTION_FOLLOWS.contains(&w));
        let name = match possessive {
            true => without_possessive(&name).to_owned(),
            false => name,
        };
        // The person this mention names, if any.
        let mut named: Option<String> = None;
        let tokens: Vec<&str> = name.split_whitespace().collect();
        let one_word = tokens.len() == 1;
        let person_like = |t: &&str| {
            // (A possessive's "’s" is no part of the word; a plural's "s" is.)
            let bare = without_possessive(t).trim_end_matches(['’', '\'', '.']);
            // (A surname that is also a title ends a name: "Billie Jean King", "Rob Bishop".)
            let surname_title = tokens.len() >= 2
                && surname(&name) == *t
                && SURNAME_TITLES.contains(&bare.to_lowercase().as_str());
            t.chars().any(char::is_lowercase)
                && !NOT_PERSON.contains(&bare.to_lowercase().as_str())
                && (!is_title_word(t) || surname_title)
        };
        // A middle initial ("Justin T. Bamberg") is part of a name, not a reason to doubt it.
        let initial = |t: &&str| {
            t.len() <= 6
                && t.ends_with('.')
                && t.split('.')
                    .filter(|p| !p.is_empty())
                    .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
        };
        // "boarding the Trump Train", "the Hillary Victory Fund": a name after "the" is a
        // thing's (a title or an honorific in front of a person's comes with the mention).
        // (The word "the", not the end of "loathe".)
        let after_the = text[..mention_start]
            .strip_suffix("the ")
            .is_some_and(|lead| !lead.ends_with(char::is_alphanumeric))
            && c["name"] == *name;
        if tokens.len() >= 2
            && tokens.len() <= 4
            && tokens.iter().all(|t| {
                person_like(t) || initial(t) || (is_generational(t) && tokens.last() == Some(t))
            })
            && tokens.iter().filter(|t| person_like(t)).count() >= 2
            && !has_possessive_mark(&name)
            && !after_the
        {
            let appositive = c.name("appos").and_then(|m| parse_role(m.as_str()));
            let mut role = merge_roles(appositive, role);
            if role.title.is_none() {
                role.title = title_before(&text[..mention_start]);
            }
            let described = role.title.is_some() || role.organization.is_some();
            // "with Hillary Clinton — who’s called for tax hikes — lambasting…": "who" follows
            // a person.
            // (Also when the clause holds commas, which end the appositive the mention reads:
            // "Karl Lindqvist, who farms 2,000 acres near Ames, Iowa, said…".)
            let after_name = &text[c.name("name").map_or(0, |m| m.end())..];
            let who = [after_mention, after_name].iter().any(|t| {
                t.trim_start_matches([',', ' ', '—', '–'])
                    .split(|ch: char| !ch.is_alphabetic())
                    .next()
                    .is_some_and(|w| w == "who" || w == "whose")
            });
            // "Christyn Gionfriddo, a Neptune, N.J., native": a description follows a person.
            // (Also a title that ends the sentence: "concerns Henry Crespo, president of the
            // Miami-based Florida Democratic Black Caucus.")
            // (Also whose relative or aide: "Patti Davis, Ronald Reagan’s daughter, …".)
            let described_as = [", a ", ", an ", ", the "]
                .iter()
                .any(|d| after_name.starts_with(d))
                || after_name
                    .strip_prefix(", ")
                    .and_then(|rest| rest.split(',').next())
                    .and_then(|appos| split_possessive(appos))
                    .is_some_and(|(_, role)| {
                        role.split_whitespace().count() <= 3
                            && role.starts_with(|c: char| c.is_lowercase())
                    })
                || after_name.strip_prefix(", ").is_some_and(|rest| {
                    rest.split_whitespace()
                        .next()
                        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
                        && parse_role(rest.split([',', ';', '\n']).next().unwrap_or(""))
                            .is_some_and(|r| r.title.is_some())
                });
            // "…, said the children's librarian, Anne Gregory.": who speaks is a person.
            // (The cue and what may stand between it and the name fit in 300 bytes.)
            let mut from = mention_start.saturating_sub(300).max(at);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            // ("Bloomberg's pollster, Douglas Schoen, says": someone's role names a person too.)
            let before_name = &text[from..mention_start];
            meet(
                people,
                &name,
                described
                    || who
                    || described_as
                    // ("A spokeswoman for the agency, Maria Lopez, said it…": the subject of a
                    // verb of saying is a person.)
                    || SAYS_OR_THINKS.is_match(after_mention.trim_start_matches(','))
                    || AFTER_CUE_WORD.is_match(before_name)
                    || WHOSE_ROLE_BEFORE.is_match(before_name),
                None,
                role,
            );
            named = Some(name);
        } else if tokens.len() == 1 {
            let surname = without_possessive(tokens[0].trim_end_matches(['’', '\'']));
            if let Some(i) = one_name_means(people, surname, |p| known_by(&p.name, surname)) {
                let mut p = people.remove(i);
                p.by_one_name |= p.name != surname;
                named = Some(p.name.clone());
                people.push(p);
            } else if let Some(female) = honoured(&c["name"])
                && person_like(&surname)
                && surname.chars().count() > 1
                && surname.chars().next().is_some_and(char::is_uppercase)
            {
                // "Mr. Obama", "Mrs. Clinton", "President Obama" with no full name before: a
                // person known by a surname. A "he" or "she" can mean them when the honorific
                // says which, or (below) when they are a sentence's subject.
                meet(people, surname, female.is_some(), female, role.clone());
                named = Some(surname.to_owned());
            } else if let reflexive =
                c.name("appos")
                    .and_then(|a| match a.as_str().split_whitespace().next() {
                        Some("herself") => Some(true),
                        Some("himself") => Some(false),
                        _ => None,
                    })
                && surname == tokens[0]
                && could_be_surname(surname)
                && ((starts_sentence
                    && text[at..c.get(0).map_or(0, |m| m.start())]
                        .trim()
                        .is_empty()
                    && SAYS_OR_THINKS.is_match(after_mention))
                    || after_mention.starts_with(", who ")
                    || c.name("appos")
                        .is_some_and(|a| a.as_str().starts_with("who "))
                    || reflexive.is_some()
                    || WHOSE_ROLE_BEFORE.is_match(
                        &text[floor_boundary(text, mention_start.saturating_sub(80)).max(at)
                            ..mention_start],
                    ))
            {
                // A word no one was named by is someone's surname (often one the article spelt
                // differently where it gave the full name) or given name when it opens a
                // sentence as the subject of a verb of saying ("McLenney said Clinton
                // doesn’t…"), when "who" follows it ("Meanwhile Rihanna, who was honored…"),
                // when its appositive says "herself" or "himself" ("Silverman, herself a
                // Sanders supporter,"), or when it names someone's relative or aide ("his
                // wife, Jane,").
                meet(people, surname, true, reflexive, role.clone());
                named = Some(surname.to_owned());
            }
        }
        // "While Obama had singers writing songs for him, that has not happened for Clinton,
        // which concerns Henry Crespo": a clause opening the sentence is not about its subject.
        let opening_clause = {
            let start = c.get(0).map_or(0, |m| m.start());
            let lead = &text[at..start];
            // (The mention may hold the sentence's first word: "While Obama".)
            let first = lead
                .split_whitespace()
                .chain(c["name"].split_whitespace())
                .next()
                .unwrap_or("")
                .trim_start_matches(['“', '"', '‘', '\''])
                .to_lowercase();
            SUBORDINATORS.contains(&first.as_str())
                && lead.len() < MAX_SENTENCE
                && !lead.contains(',')
                && starts_sentence
        };
        // "On Sunday, Jimmy Tompkins, 31, tossed…": what follows a phrase that names no one, or
        // the comma closing an opening clause ("While he supports Clinton, Groberg admits…"),
        // is no appositive of it but may name someone itself.
        let relative_clause = c.name("appos").is_some_and(|a| {
            ["who ", "whose ", "which "]
                .iter()
                .any(|r| a.as_str().starts_with(r))
        });
        if named.is_some()
            && relative_clause
            && stretch != Stretch::Clause
            && let Some(appos) = c.name("appos")
            && appos.start() >= clause_read_to
        {
            // "Christie, who has campaigned for GOP nominee Donald Trump since…, blasted": the
            // people a relative clause names are met, though the sentence is not about them.
            // (The clause is read with the rest of its sentence, which may describe them:
            // "…, which concerns Henry Crespo, president of the Florida Black Caucus.")
            let end = sentence_end(text, appos.end(), appos.end() + MAX_SENTENCE);
            clause_read_to = end;
            note_mentions(&text[appos.start()..end], Stretch::Clause, None, people);
        } else if (named.is_none() || opening_clause)
            && let Some(appos) = c.name("appos")
        {
            // "On Tuesday, Clinton criticized officer Betty Shelby": Clinton is the subject.
            let inside = note_mentions(appos.as_str(), Stretch::MidSentence, None, people);
            // (Those it names are named in this sentence: "Davis lashed out at the nominee on
            // Facebook, telling Trump that whatever he meant…" says nothing of Davis's sex.)
            for name in inside.named {
                note_named(&mut named_here, &mut all_named, name);
            }
            if subject.is_none() {
                subject = inside.first;
            }
        }
        // "A spokeswoman for the Drug Enforcement Administration, Maria Lopez, said…": the name
        // in the appositive of a body, before a verb of saying, is the person who speaks.
        if named.is_none()
            && let Some(appos) = c.name("appos").map(|m| m.as_str().trim())
            && looks_like_name(appos)
            && SAYS_OR_THINKS.is_match(after_mention.trim_start_matches(','))
        {
            meet(people, appos, true, None, Role::default());
            subject = Some(appos.to_owned());
        }
        if let Some(name) = &named {
            note_named(&mut named_here, &mut all_named, name.clone());
        }
        let followed_by_verb = after_mention
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        // "Trump’s accusation that Obama and Clinton created the Islamic State had imperiled
        // the lives of US troops, Biden said.": whoever says the sentence is its subject, not
        // whom the clause they report names.
        // (Also "“This will be a challenge” for Clinton, said Kunin.")
        if let Some(name) = &named
            && ((text[at..mention_start].trim_end().ends_with(',')
                && SAYS_OR_THINKS.is_match(after_mention))
                || (SAID_BEFORE.is_match(&text[at..mention_start])
                    && !possessive
                    && (after_mention.is_empty() || after_mention.starts_with(['.', ',', ';']))))
            && people.iter().any(|p| p.name == *name && p.referent)
        {
            subject = Some(name.clone());
        }
        if possessive
            && one_word
            && !opening_clause
            && let Some(name) = &named
        {
            owner.get_or_insert_with(|| name.clone());
        }
        if subject.is_none()
            && !opening_clause
            && !possessive
            && let Some(name) = named
            && people
                .iter()
                .any(|p| p.name == name && (p.referent || followed_by_verb))
        {
            if first_subject.is_none() && sentence == first_sentence {
                first_subject = Some(name.clone());
            }
            subject = Some(name);
        }
    }
    if subject.is_none() {
        subject = owner.take();
    }
    let last = subject.clone();
    promote(
        people,
        &mut subject,
        sentence.filter(|_| named_here.len() <= 1),
    );
    Subjects {
        first: first_subject,
        last,
        named: all_named,
    }
}

/// Whether what stands where a speaker's name would is no name: nothing, a sentence's opening
/// word ("According", "From", "Any"), a weekday or a place word, or a group ("Pollsters",
/// "Americans": a description, which a candidate should not give as a name).
pub(super) fn names_no_one(name: &str) -> bool {
    #[rustfmt::skip]
    const OPENERS: &[&str] = &[
        "according", "from", "on", "alongside", "at", "in", "with", "by", "for", "after", "before",
        "during", "since", "under", "over", "about", "any", "a", "an", "some", "many", "most",
        "all", "both", "each", "every", "signs", "estimates", "data", "polls", "once", "last",
        "later", "earlier", "when", "while", "one", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "twenty", "thirty", "hundreds", "thousands", "dozens",
        "several", "few", "seconds", "minutes", "hours", "days", "weeks", "months", "years",
        "moments", "decades",
    ];
    #[rustfmt::skip]
    const GROUPS: &[&str] = &[
        "americans", "pollsters", "experts", "critics", "officials", "analysts", "observers",
        "supporters", "opponents", "democrats", "republicans", "voters", "residents", "sources",
        "economists", "scientists", "researchers", "investigators", "prosecutors", "police",
        "protesters", "activists", "advocates", "lawmakers", "leaders", "others", "readers",
        "viewers", "listeners", "fans", "users", "customers", "people", "parents", "students",
        "teachers", "workers", "employees", "members", "witnesses", "neighbors", "neighbours",
        "families",
    ];
    let tokens: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let Some(first) = tokens.first() else {
        return true;
    };
    // A thing someone has ("Trump’s early-morning tweets" read as a subject of "tweets"), not
    // someone's role before a name ("Labour’s deputy leader Angela Rayner").
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let words: Vec<&str> = name.split_whitespace().collect();
    let ends_in_name = words.len() >= 3 && words[words.len() - 2..].iter().all(capitalised);
    let possessed = !ends_in_name
        && words.windows(2).any(|w| {
            (w[0].ends_with("’s") || w[0].ends_with("'s"))
                && w[1].chars().next().is_some_and(char::is_lowercase)
        });
    !name.chars().any(char::is_alphabetic)
        // No capitalised word: "it", "late-night".
        || !name.split_whitespace().any(|w| w.chars().next().is_some_and(char::is_uppercase))
        || possessed
        || OPENERS.contains(&first.as_str())
        || (tokens.len() == 1
            && (NOT_PERSON.contains(&first.as_str()) || GROUPS.contains(&first.as_str())))
}

/// Whether a mention puts an honorific or a person's title right before its name ("Mr. Obama",
/// "President Obama"), and if so what that says of the person's sex (`Some(None)`: nothing).
/// Only titles used as a form of address count: `TITLE_WORDS` also holds words that merely
/// describe ("former", "chief", "nominee"), and "former Obama adviser" names no Obama.
pub(super) fn honoured(mention: &str) -> Option<Option<bool>> {
    let tokens: Vec<&str> = mention.split_whitespace().collect();
    let before = tokens
        .len()
        .checked_sub(2)
        .map(|i| tokens[i])?
        .to_lowercase();
    match before.trim_end_matches('.') {
        "mrs" | "ms" | "miss" | "queen" | "princess" | "chairwoman" => Some(Some(true)),
        "mr" | "king" | "prince" | "chairman" => Some(Some(false)),
        "president" | "sen" | "senator" | "rep" | "representative" | "gov" | "governor"
        | "mayor" | "secretary" | "gen" | "general" | "judge" | "justice" | "chancellor"
        | "minister" | "speaker" | "ambassador" | "dr" | "rev" | "prof" | "professor" | "sgt"
        | "lt" | "col" | "capt" | "adm" | "pope" => Some(None),
        _ => None,
    }
}

/// "she" or "her" and no "he", "his" or "him" in a sentence: `Some(true)`; the other way round:
/// `Some(false)`; both or neither: `None`.
pub(super) fn pronoun_gender(sentence: &str) -> Option<bool> {
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .collect();
    let has = |set: &[&str]| words.iter().any(|w| set.contains(&w.as_str()));
    match (
        has(&["she", "her", "hers", "herself"]),
        has(&["he", "his", "him", "himself"]),
    ) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// "Jim Clyburn (D-S.C.)": the party and state are not part of the name.
pub(super) fn strip_paren(s: &str) -> &str {
    match s.find('(') {
        Some(i) => s[..i].trim(),
        None => s.trim(),
    }
}

/// Words capitalised only because they start a sentence ("What Mr. Obama said…").
pub(super) fn strip_sentence_words(s: &str) -> &str {
    const WORDS: &[&str] = &[
        "What",
        "When",
        "Where",
        "Why",
        "How",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "In",
        "As",
        "At",
        "For",
        "If",
        "But",
        "And",
        "So",
        "Then",
        "Also",
        "Still",
        "Yet",
        "While",
        "After",
        "Before",
        "Since",
        "Because",
        "Although",
        "Though",
        "Even",
        "Only",
        "Just",
        "Now",
        "Here",
        "There",
        "Asked",
        "Said",
        "Says",
        "Added",
        "Adds",
        "Wrote",
        "Explained",
        "Noted",
        "Speaking",
        "Writing",
        "Meanwhile",
        "On",
        "Of",
        "To",
        "With",
        "By",
        "Many",
        "Some",
        "Most",
        "Both",
        "All",
        "Each",
        "Every",
        "Despite",
        "Regarding",
        "Should",
        "See",
        "Whatever",
        "Without",
        "However",
        "Nevertheless",
        "Nonetheless",
        "Another",
        "Instead",
        "Indeed",
        "Moreover",
        "Perhaps",
        "Maybe",
        "Thus",
        "Previously",
        // (A question's auxiliary, "Was Bartleby hot and spicy?"; "Enter Stuart R. Kaplan,
        // a graduate of …"; "Regardless of how …"; "Due to the controversy"; a list's
        // "Example:", "Or:", "Don’t say …", "Possible values are:".)
        "Was",
        "Were",
        "Is",
        "Are",
        "Did",
        "Does",
        "Has",
        "Had",
        "Could",
        "Would",
        "Enter",
        "Regardless",
        "Due",
        "Example",
        "Or",
        "Don’t",
        "Don't",
        "Possible",
        "About",
        "Later",
        "Earlier",
        "Yesterday",
    ];
    // (A paragraph's first word in capitals is the same word: "AS Opposition Leader Bill
    // Shorten said".)
    let sentence_word = |w: &str| {
        WORDS.contains(&w)
            || (w.chars().count() >= 2
                && w.chars().all(char::is_uppercase)
                && WORDS.iter().any(|known| known.eq_ignore_ascii_case(w)))
    };
    let mut rest = s.trim();
    while let Some((first, tail)) = rest.split_once(char::is_whitespace) {
        if sentence_word(first) {
            rest = tail.trim_start();
        } else {
            break;
        }
    }
    if sentence_word(rest) { "" } else { rest }
}
