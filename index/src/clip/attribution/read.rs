//! The speaker as a cue before or after a quotation gives it, before it is resolved.

use super::*;

/// The raw reading of one cue, before resolution.
#[derive(Debug, Clone)]
pub(super) struct Raw {
    pub(super) subject: String,
    pub(super) appositive: Option<String>,
    pub(super) cue: String,
    pub(super) rest: String,
}

impl Raw {
    /// The reading a cue pattern captured: `subj`, `cue`, and `appos` and `rest` when present.
    pub(super) fn from_captures(c: &Captures<'_>) -> Raw {
        // (What the speaker put it in belongs to the rest: "released a statement".)
        let rest: String = [c.name("rest"), c.name("doc")]
            .into_iter()
            .flatten()
            .map(|m| m.as_str())
            .collect();
        // "Uber stepped in and tweeted this announcement:": the verb of speech the subject's
        // first verb leads to is the cue.
        let verb = &c["cue"];
        let later = (!verb.is_empty() && !verb.contains(' ') && !is_cue_word(verb))
            .then(|| {
                let words: Vec<&str> = rest.split_whitespace().collect();
                (1..words.len())
                    .find(|&i| {
                        ["and", "then"].contains(&words[i - 1]) && is_cue_word(words[i])
                            || (words[i - 1].ends_with(',') && is_cue_word(words[i]))
                    })
                    .map(|i| (words[i].to_owned(), words[i + 1..].join(" ")))
            })
            .flatten();
        let (cue, rest) = match later {
            Some((cue, rest)) => (cue, format!(" {rest}")),
            // A cue-less pattern (a dash before the name, a "Clinton:" label) stands for "said".
            None if verb.is_empty() => ("said".to_owned(), rest),
            None => (verb.to_owned(), rest),
        };
        // "a spokeswoman for the Federal Trade Commission", "A senior official at the Federal
        // Reserve": what looked like a mood before a name was the start of a description.
        // (Also a party's member: "a senior Democrat".)
        let subject = match c.name("mood") {
            Some(mood)
                if c["subj"].starts_with(char::is_lowercase)
                    || PARTY_MEMBER.is_match(&c["subj"]) =>
            {
                format!("{}{}", mood.as_str(), &c["subj"])
            }
            _ => c["subj"].to_owned(),
        };
        Raw {
            subject,
            appositive: c.name("appos").map(|m| m.as_str().to_owned()),
            cue,
            rest,
        }
    }
}

/// Whether the cue read takes a clause of its own ("Kasich said he would have fired him",
/// "… said that …", "… said Trump should …"): words reported, not a quotation's attribution.
pub(super) fn takes_a_clause(raw: &Raw) -> bool {
    const CLAUSE_STARTS: &[&str] = &[
        "that", "he", "she", "they", "it", "we", "i", "the", "a", "an", "his", "her", "their",
        "its", "this", "there",
    ];
    raw.rest.split_whitespace().next().is_some_and(|w| {
        CLAUSE_STARTS.contains(&w.to_lowercase().as_str())
            || (w.starts_with(char::is_uppercase) && !w.ends_with([',', '.']))
    })
}

/// The signature in the paragraph after a quotation that ends its own paragraph ("- Sanders."),
/// before `limit` (the next quotation).
pub(super) fn signed_below(text: &str, close_end: usize, limit: usize) -> Option<Raw> {
    let rest = text.get(close_end..limit)?;
    let (tail, below) = rest.split_once('\n')?;
    if tail.chars().any(char::is_alphanumeric) {
        return None;
    }
    let line = below.trim_start().lines().next()?.trim();
    SIGNED_BELOW.captures(line).map(|c| Raw::from_captures(&c))
}

/// “…,” Mr. Smith, who asked that his first name not be used, said. — a relative clause
/// between the speaker and the cue, whose own verb ("asked") is not the cue.
pub(super) static AFTER_WHO_CLAUSE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[,.;:]?\s*(?:[—–-]+\s*)?(?P<subj>{ROLE_NAME}|{NAME})\s*,\s*(?P<appos>(?:who|whose)\s[^,“”«»\x22]{{2,200}}?)\s*,\s+{ADVERBS}(?P<cue>{CUES})\b(?P<rest>[^“«\x22]*)"
    ))
    .expect("valid regex")
});

/// "said the Bank of England": a description read up to its last lower-case word ("the Bank
/// of") takes the capitalised words after it, which end the body's name.
pub(super) fn rest_of_the_name(mut raw: Raw) -> Raw {
    static NAME_GOES_ON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[^\S\n]+\p{Lu}[\p{L}\-]*(?:[^\S\n]+(?:(?:of|for|and|on|the|&)[^\S\n]+)*\p{Lu}[\p{L}\-]*)*")
            .expect("valid regex")
    });
    let link = raw
        .subject
        .rsplit_once(' ')
        .is_some_and(|(_, last)| NAME_LINKS.contains(&last));
    if link
        && raw.appositive.is_none()
        && let Some(m) = NAME_GOES_ON.find(&raw.rest)
    {
        raw.subject.push_str(m.as_str());
        raw.rest = raw.rest[m.end()..].to_owned();
    }
    raw
}

pub(super) fn read_after(after: &str) -> Option<Raw> {
    let after = &*without_nicknames(after);
    for re in [
        &*AFTER_WHO_CLAUSE_CUE,
        &*AFTER_SPEAKER_CUE,
        &*AFTER_CUE_SPEAKER,
        &*AFTER_ACCORDING,
        &*AFTER_DASH,
        &*AFTER_LATER_CUE,
        &*AFTER_LATER_CUE_SPEAKER,
    ] {
        if let Some(c) = re.captures(after) {
            // An appositive may run to the cue without its closing comma when it describes
            // (“…,” Nate Silver, the polling guru who founded fivethirtyeight.com tweeted), not
            // when it is the start of a clause (“…,” Touché, she said).
            let open_appositive = c.name("appos").is_some_and(|a| {
                c.name("closed").is_none()
                    && (!["the ", "a ", "an ", "who "]
                        .iter()
                        .any(|d| a.as_str().starts_with(d))
                        || !looks_like_name(&c["subj"]))
            }) && std::ptr::eq(re, &*AFTER_SPEAKER_CUE);
            if !open_appositive {
                return Some(rest_of_the_name(Raw::from_captures(&c)));
            }
        }
    }
    None
}

pub(super) fn read_before(before: &str) -> Option<Raw> {
    read_before_in(before).or_else(|| {
        // Tuesday on WTMJ’s “Midday with Charlie Sykes,” while discussing …, Ryan said “…”: a
        // name in quotation marks (no quotation) inside the sentence; the clause after it.
        let (at, mark) = before
            .char_indices()
            .rfind(|&(_, c)| matches!(c, '”' | '»'))?;
        let tail = before[at + mark.len_utf8()..].trim_start_matches([',', ' ']);
        (!tail.trim().is_empty())
            .then(|| read_before_in(tail))
            .flatten()
    })
}

pub(super) fn read_before_in(before: &str) -> Option<Raw> {
    // "WASHINGTON, Dec. 8 (UPI) — In response to …": a dateline is no one.
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*\p{Lu}{2,}[\p{Lu}\s.'\-]*(?:,[^—–\n]{0,40}?)?\s[—–]\s*")
            .expect("valid regex")
    });
    let before = DATELINE.find(before).map_or(before, |m| &before[m.end()..]);
    let before = &*without_nicknames(before);
    // "Supporters kicked a protester, with Trump reportedly yelling: “…”": the person "with"
    // brings in, doing the saying, says it.
    if let Some(c) = BEFORE_SEEN_SAYING.captures(before)
        && c.name("with").is_some()
        && may_speak(&c["subj"])
    {
        return Some(Raw::from_captures(&c));
    }
    let mut fallback = None;
    for re in [
        &*BEFORE_ASKED_BY,
        &*BEFORE_SPEAKER_CUE,
        &*BEFORE_ACCORDING,
        &*BEFORE_CUE_SPEAKER,
        &*BEFORE_SUBJECT_INTRO,
        &*BEFORE_SUBJECT_VERB,
        &*BEFORE_WHO_CUE,
        &*BEFORE_LABEL,
    ] {
        if let Some(c) = re.captures(before) {
            // "Ryan’s campaign shrugged it off, telling reporters, …": the name only owns the
            // subject; better no speaker than the wrong one.
            if (c["subj"].ends_with("’s") || c["subj"].ends_with("'s"))
                && contracted_pronoun(&c["subj"]).is_none()
            {
                continue;
            }
            // "searched their records for words such as “ambassador,”": words named, not said.
            if std::ptr::eq(re, &*BEFORE_SUBJECT_VERB)
                && c.name("rest")
                    .is_some_and(|r| r.as_str().ends_with("such as"))
            {
                continue;
            }
            // "the risk is said to be “low”": the passive names no one who said it.
            if matches!(&c["cue"], "said" | "says")
                && c.name("rest").is_some_and(|r| {
                    let r = r.as_str().trim_start();
                    r.starts_with("to be ") || r.starts_with("to have ")
                })
            {
                continue;
            }
            // "What she says: “…”": a word that names no one, then the pronoun that is the
            // subject, then its verb.
            if std::ptr::eq(re, &*BEFORE_SUBJECT_INTRO)
                && PRONOUNS.contains(&&c["cue"])
                && names_no_one(strip_sentence_words(c["subj"].trim()))
            {
                let rest = c["rest"].trim_start();
                let (cue, rest) = rest.split_once(' ').unwrap_or((rest, ""));
                return Some(Raw {
                    subject: c["cue"].to_owned(),
                    appositive: None,
                    cue: cue.to_owned(),
                    rest: rest.to_owned(),
                });
            }
            // "The timing of Sanders’ surge doesn’t surprise Republican pollster Daron Shaw: “…”":
            // a sentence about something else introduces the person it ends on.
            if std::ptr::eq(re, &*BEFORE_SUBJECT_INTRO)
                && names_no_one(strip_sentence_words(c["subj"].trim()))
                && let Some(end) = BEFORE_NAME_COLON.captures(before)
            {
                return Some(Raw::from_captures(&end));
            }
            // "And although he thanked them, he sounded a rare note, saying, “…”": an opening
            // clause before the subject; the sentence's subject follows a comma or a dash.
            if std::ptr::eq(re, &*BEFORE_SUBJECT_INTRO)
                && names_no_one(strip_sentence_words(c["subj"].trim()))
                && let Some(later) = later_subject_intro(before)
            {
                return Some(later);
            }
            // A label is a name, not a headline ("Elizabeth Warren Hammers Wells Fargo CEO:"),
            // but a headline's subject says it: the name before the verb.
            if std::ptr::eq(re, &*BEFORE_LABEL) && c["subj"].split_whitespace().count() > 4 {
                match headline_subject(&c["subj"]) {
                    Some(name) => {
                        return Some(Raw {
                            subject: name,
                            appositive: None,
                            cue: "said".to_owned(),
                            rest: String::new(),
                        });
                    }
                    None => continue,
                }
            }
            // "In response to the proposal, Huma Abedin rallied supporters, saying:": what
            // looked like a subject and its appositive before a participle is the end of an
            // opening phrase and the sentence's subject with its verb.
            // (A participle needs a verb before it; when no such reading is found, none of this
            // pattern's is right.)
            if std::ptr::eq(re, &*BEFORE_SPEAKER_CUE)
                && c.name("appos").is_some()
                && PARTICIPLES.split('|').any(|p| p == &c["cue"])
            {
                match BEFORE_SUBJECT_INTRO.captures(before) {
                    Some(intro)
                        if may_speak(&intro["subj"]) && !has_possessive_mark(&intro["subj"]) =>
                    {
                        return Some(Raw::from_captures(&intro));
                    }
                    _ => continue,
                }
            }
            // "When Clinton noted that Trump paid no tax ― as was true ― Trump boasted, “…”":
            // a later subject and cue in the same sentence is the one the quotation follows.
            if std::ptr::eq(re, &*BEFORE_SPEAKER_CUE)
                && let Some(rest) = c.name("rest")
                && let Some(later) = read_before(rest.as_str()).or_else(|| {
                    // "The spot concludes with footage of Trump saying during the debate, “…”"
                    BEFORE_SEEN_SAYING
                        .captures(rest.as_str())
                        .map(|c| Raw::from_captures(&c))
                })
                && !PRONOUNS.contains(&later.subject.to_lowercase().as_str())
                && !names_no_one(later.subject.trim())
                // ("Angela Rayner told the BBC: “…”": whom she told is no later speaker.)
                && !(matches!(&c["cue"], "told" | "tells" | "telling")
                    && strip_article(rest.as_str().trim_start()).starts_with(later.subject.trim()))
            {
                return Some(later);
            }
            // "In a statement released Thursday, Rep. Hakeem Jeffries reacted to the news,
            // saying: …": a capitalised word that names no one read as the subject; a later
            // pattern may find the person.
            let subject = c["subj"].trim();
            let no_one = !may_speak(subject) && !is_unnamed(subject);
            if fallback.is_some() && no_one {
                continue;
            }
            if (std::ptr::eq(re, &*BEFORE_SPEAKER_CUE) || std::ptr::eq(re, &*BEFORE_SUBJECT_INTRO))
                && subject.chars().next().is_some_and(char::is_uppercase)
                && no_one
            {
                fallback = Some(Raw::from_captures(&c));
                continue;
            }
            return Some(Raw::from_captures(&c));
        }
    }
    fallback
}

/// The subject and cue of `before` read from just after one of its commas or dashes, the first
/// that gives a subject naming someone.
pub(super) fn later_subject_intro(before: &str) -> Option<Raw> {
    // Only the first few clauses of a sentence's last stretch: each reading runs to the end of
    // `before`, and a sentence of endless commas must not cost a reading per comma.
    let from = floor_boundary(before, before.len().saturating_sub(MAX_SENTENCE));
    before[from..]
        .match_indices([',', '—', '–', '―'])
        .map(|(i, mark)| &before[from + i + mark.len()..])
        .take(8)
        .filter_map(|tail| BEFORE_SUBJECT_INTRO.captures(tail))
        .find(|c| may_speak(&c["subj"]))
        .map(|c| Raw::from_captures(&c))
}
