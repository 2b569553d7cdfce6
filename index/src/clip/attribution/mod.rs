//! Who said a quotation, as the text around it tells: the speaker from the reporting cue before or
//! after it ("…,” Yoon said", "said Ann Lee", "According to X, “…”"), pronouns and surnames
//! resolved to a full name introduced earlier, the title and organization from appositives
//! ("Vijayasimha Alilughatta, chief operating officer of tech services provider Zensar") or from
//! the words before the name ("Zensar CEO Ajay Bhandari", "Alibaba's COO"), and the medium
//! ("told Reuters", "said in an email").
//!
//! The same reading serves clipping (what an article says) and checking (what a draft claims),
//! so both understand attributions the same way. When the text does not say who spoke, the
//! result says so instead of guessing.

#[macro_use]
mod patterns;
mod candidates;
mod descriptions;
mod employer;
mod join;
mod medium;
mod mentions;
pub mod perceptron;
pub mod rank;
mod read;
mod resolve;
mod role;
mod sentences;
pub mod source;
pub mod tagger;
mod token_features;
pub mod tokens;
mod words;

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde::Serialize;

use super::names::is_generational;
use super::quotes::Quotation;
use crate::model::Medium;

pub(crate) use self::employer::complete_roles;
pub use self::join::join_broken;
pub(crate) use self::patterns::is_cue_word;
pub use self::role::{Role, parse_role};
use self::{
    descriptions::*, join::*, medium::*, mentions::*, patterns::*, read::*, resolve::*, role::*,
    sentences::*, words::*,
};

/// What the text says about one quotation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// The speaker's full name, when the text names (or lets us resolve) one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Others named as saying it together with the speaker ("X and Y wrote").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub co_speakers: Vec<String>,
    /// How the text refers to the speaker at this quotation ("he", "Yoon", "Alibaba’s COO").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_description: Option<String>,
    /// `None` when the text only says "said"/"says": it claims no particular medium.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medium: Option<Medium>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub told_to: Option<String>,
    /// The reporting verb or phrase ("told", "said", "according to").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Why no speaker was given, or how it was resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A person met earlier in the text, for resolving later mentions.
#[derive(Debug, Clone)]
struct Person {
    pub(super) name: String,
    /// Quoted, or introduced with a role ("Bob Roe, a professor at…"): someone a "he" or "she"
    /// can refer to. A bare capitalised pair may be a place ("Pacific Ocean") and is only used
    /// to complete surnames.
    pub(super) referent: bool,
    /// What the text's pronouns say: `Some(true)` for "she", `Some(false)` for "he".
    pub(super) female: Option<bool>,
    pub(super) title: Option<String>,
    pub(super) organization: Option<String>,
    pub(super) organization_description: Option<String>,
    /// Called by one word of the name alone before ("Cruz said"): whom that word goes on to
    /// mean when others with the name come in ("his wife, Heidi Cruz").
    pub(super) by_one_name: bool,
}

/// How much of an earlier mention carries over to a later one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carry {
    /// The speaker and their title and organization as introduced earlier (reading an article:
    /// "he said" is the chief operating officer of Zensar introduced above).
    SpeakerAndRole,
    /// The speaker only (reading a draft: only what a sentence states is claimed there).
    SpeakerOnly,
}

/// Reads the attribution of every quotation in `text` (in order), resolving pronouns and
/// surnames against the people named before.
pub fn attribute(text: &str, quotations: &[Quotation], carry: Carry) -> Vec<Attribution> {
    let mut people: Vec<Person> = Vec::new();
    let mut out: Vec<Attribution> = Vec::with_capacity(quotations.len());
    let mut scanned_to = 0;
    // The subject of a sentence that a quotation interrupts.
    let mut continued: Option<String> = None;
    // Who was named last when the previous quotation's attribution was read.
    let mut last_named_before: Option<String> = None;
    let last_named = |people: &[Person]| {
        people
            .iter()
            .rev()
            .find(|p| p.referent)
            .map(|p| p.name.clone())
    };
    let stretch = |from: usize| match from {
        0 => Stretch::ArticleStart,
        _ => Stretch::Sentences,
    };
    for (n, q) in quotations.iter().enumerate() {
        // People named in the text before this quotation (outside quotations) are who later
        // pronouns and surnames refer to.
        let prev_end = n.checked_sub(1).map_or(0, |p| quotations[p].close_end);
        let before_start = sentence_start(text, q.open, prev_end).min(q.open);
        // A pronoun opening the quotation's sentence means someone named before that sentence
        // ("She says Trump’s tweets accusing Alicia Machado are “lies”": not Machado).
        if scanned_to < before_start {
            note_mentions(
                &text[scanned_to..before_start],
                stretch(scanned_to),
                continued.take(),
                &mut people,
            );
            scanned_to = before_start;
        }
        let mut before_sentence = people.clone();
        let interrupted = continued.take();
        if scanned_to < q.open {
            let subjects = note_mentions(
                &text[scanned_to..q.open],
                stretch(scanned_to),
                interrupted,
                &mut people,
            );
            // The sentence goes on after the quotation unless the quotation ends it.
            let ends_sentence = q.text.trim_end().ends_with(['.', '!', '?'])
                && !text[q.close_end..]
                    .trim_start_matches([' ', '\u{a0}'])
                    .starts_with(char::is_lowercase);
            continued = subjects.last.filter(|_| !ends_sentence);
        }
        scanned_to = q.close_end;
        let next_open = quotations.get(n + 1).map_or(text.len(), |next| next.open);
        let after_end = sentence_end(text, q.close_end, next_open);
        let after = &text[q.close_end..after_end];
        let before = &text[before_start..q.open];

        // “…classified material.” The candidate reiterated: “…” — a sentence after a quotation
        // that ends its own, ending on a colon, introduces the next quotation.
        let introduces_next =
            q.text.trim_end().ends_with(['.', '!', '?']) && after.trim_end().ends_with(':');
        // After a quotation that closes its sentence with a full stop, a new sentence's cue is
        // not the quotation's when it takes a clause of its own (“…campaign.” Ohio Gov. John
        // Kasich said he would have fired him) or when the quotation's own sentence introduced
        // it (The crowd chanted “Lock Her Up.” He went on.). (“…?” Trump told ITV: a question
        // or an exclamation takes its attribution after it.)
        let new_sentence_after = q.text.trim_end().ends_with('.')
            && after
                .trim_start_matches([' ', '\u{a0}'])
                .starts_with(char::is_uppercase);
        // The reading of the text before, when judging the cue after needed it.
        let mut read_here: Option<Option<Raw>> = None;
        let (found, opens_sentence) = match read_after(after)
            .filter(|raw| !(introduces_next || (new_sentence_after && takes_a_clause(raw))))
            .filter(|_| {
                !new_sentence_after || read_here.insert(read_before(before.trim_start())).is_none()
            })
            .or_else(|| signed_below(text, q.close_end, next_open))
        {
            Some(raw) => {
                // The speaker after the quotation is whom its sentence is about.
                continued = None;
                (Some(raw), false)
            }
            None => {
                // (Trimmed: after a quotation in the same paragraph the text before this one
                // starts with a space, and a label there opens it: “…” Bush: “…”.)
                let raw = read_here
                    .unwrap_or_else(|| read_before(before.trim_start()))
                    .or_else(|| read_before(colon_intro(text, prev_end, q.open)?))
                    .or_else(|| said_just_before(text, prev_end, before_start, q));
                let first_word = before.split_whitespace().next().unwrap_or("");
                let opens = raw.as_ref().is_some_and(|r| {
                    PRONOUNS.contains(&r.subject.trim().to_lowercase().as_str())
                        && first_word.eq_ignore_ascii_case(r.subject.trim())
                });
                (raw, opens)
            }
        };
        let mut attribution = match found {
            // “…,” it added: the newspaper, statement or report quoted last.
            Some(raw) if raw.subject.trim().eq_ignore_ascii_case("it") => {
                match body_before(&text[prev_end..before_start]) {
                    Some(body) => resolve_it_as(raw, body),
                    None => resolve_it(raw, &out),
                }
            }
            Some(raw) if opens_sentence => resolve(raw, &mut before_sentence, carry),
            Some(raw) => resolve(raw, &mut people, carry),
            None => Attribution::default(),
        };
        // “…,” the agency said, after a sentence about the Food Standards Agency; “…,” the
        // company added, after “…,” Meta said: the body the noun means.
        if attribution.speaker.is_none()
            && let Some(mention) = attribution.mention.clone()
            && let Some(body) = body_named_before(
                &text[floor_boundary(text, q.open.saturating_sub(BODY_REACH))..q.open],
                &mention,
            )
            .or_else(|| body_that_spoke_last(out.last(), &mention, &text[prev_end..q.open]))
        {
            attribution.note = Some(format!("“{mention}” resolved to {body}"));
            attribution.speaker = Some(body);
        }
        // “…,” says a doctor from Hebron. … “…,” he says: the pronoun is the unnamed doctor,
        // not someone named before the doctor spoke and not since.
        if let Some(prev) = out.last()
            && let Some(described) = unnamed_person(prev)
            && let Some(speaker) = attribution.speaker.as_deref()
            && attribution
                .mention
                .as_deref()
                .is_some_and(|m| matches!(m.to_lowercase().as_str(), "he" | "she"))
            && !text[prev_end..q.open].contains(surname(speaker))
            && last_named(&before_sentence) == last_named_before
        {
            attribution = Attribution {
                mention: Some(described.to_owned()),
                medium: attribution.medium,
                told_to: attribution.told_to,
                cue: attribution.cue,
                note: Some(format!(
                    "“{}” is {described}, whom the text does not name",
                    attribution.mention.as_deref().unwrap_or_default()
                )),
                ..Attribution::default()
            };
        }
        if attribution.speaker.is_none() && attribution.mention.is_none() {
            // “…,” she said. “More words.” — a quotation with no cue of its own, in the same
            // paragraph as the previous one, continues it.
            let same_paragraph = n > 0 && !text[prev_end..q.open].contains('\n');
            let attributed = |p: &&Attribution| {
                p.speaker.is_some() || p.mention.as_deref().is_some_and(is_unnamed)
            };
            if same_paragraph && let Some(prev) = out.last().filter(attributed) {
                attribution = Attribution {
                    note: Some("continues the previous quotation".into()),
                    cue: None,
                    ..prev.clone()
                };
            } else if n > 0
                && follows_quoted_paragraph(text, prev_end, q)
                && let Some(prev) = out.last().filter(attributed)
            {
                // A paragraph that is only a quotation, right after a paragraph that ended with
                // one, goes on with the same speaker: news style leaves it unattributed.
                attribution = Attribution {
                    note: Some("continues the quotations of the paragraph before".into()),
                    cue: None,
                    ..prev.clone()
                };
            } else {
                attribution.note = Some(NO_ATTRIBUTION.into());
            }
        }
        out.push(attribution);
        last_named_before = last_named(&people);
    }
    said_before_its_attribution(text, quotations, &mut out);
    out
}

/// The note of a quotation next to which no attribution was found.
const NO_ATTRIBUTION: &str = "no attribution found next to the quotation";

/// "Viguerie is upbeat about Cruz’s chances. ¶ “Not only can Ted Cruz win…” ¶ “He may be the
/// only one…,” Viguerie notes.": a paragraph that is only a quotation, between a paragraph
/// about someone and a paragraph whose quotation they are said to say, is theirs too.
fn said_before_its_attribution(text: &str, quotations: &[Quotation], out: &mut [Attribution]) {
    for n in 0..quotations.len().saturating_sub(1) {
        if out[n].speaker.is_some() || out[n].note.as_deref() != Some(NO_ATTRIBUTION) {
            continue;
        }
        let (q, next) = (&quotations[n], &quotations[n + 1]);
        let Some(speaker) = out[n + 1].speaker.clone() else {
            continue;
        };
        let said_next = out[n + 1].cue.is_some();
        // Own paragraph, and the next quotation opens the paragraph after it.
        let between = &text[q.close_end..next.open];
        let head = text[..q.open].trim_end_matches([' ', '\t', '\u{a0}']);
        let own = head.ends_with('\n') && between.contains('\n') && between.trim().is_empty();
        if !(said_next && own) {
            continue;
        }
        // The paragraph before names them (looked for in its last 2,000 bytes at most).
        let head = head.trim_end();
        let floor = floor_boundary(head, head.len().saturating_sub(2000));
        let prev_start = head[floor..].rfind('\n').map_or(floor, |i| floor + i + 1);
        let paragraph = &head[prev_start..];
        let last = surname(&speaker);
        let names_them = paragraph
            .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
            .any(|w| without_possessive(w) == last);
        if names_them && !paragraph.contains(['“', '"']) {
            out[n] = Attribution {
                note: Some(format!(
                    "said by {speaker}, whom the paragraph before names and the next quotation is attributed to"
                )),
                cue: None,
                ..out[n + 1].clone()
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clip::quotes;

    /// Each pattern is built on first use, so one too big to compile (the regex crate's size
    /// limit) would panic only with a text that needs it: build them all here.
    #[test]
    fn every_pattern_compiles() {
        let patterns: [&Regex; 23] = [
            &*AFTER_WHO_CLAUSE_CUE,
            &*AFTER_SPEAKER_CUE,
            &*AFTER_CUE_SPEAKER,
            &*AFTER_ACCORDING,
            &*AFTER_DASH,
            &*SIGNED_BELOW,
            &*WHOSE_ROLE_BEFORE,
            &*BEFORE_WHO_CUE,
            &*PRIOR_SAYS,
            &*AFTER_LATER_CUE,
            &*AFTER_LATER_CUE_SPEAKER,
            &*BEFORE_SPEAKER_CUE,
            &*BEFORE_CUE_SPEAKER,
            &*BEFORE_SUBJECT_INTRO,
            &*BEFORE_SUBJECT_VERB,
            &*BEFORE_NAME_COLON,
            &*BEFORE_SEEN_SAYING,
            &*BEFORE_LABEL,
            &*BEFORE_ACCORDING,
            &*BEFORE_ASKED_BY,
            &*AFTER_CUE_WORD,
            &*SAYS_OR_THINKS,
            &*INTRODUCING,
        ];
        for p in patterns {
            assert!(!p.as_str().is_empty());
        }
    }

    fn read(text: &str) -> Vec<Attribution> {
        let (found, _) = quotes::find(text);
        attribute(text, &found, Carry::SpeakerAndRole)
    }

    #[test]
    fn roles_from_appositives() {
        let r = parse_role("chief operating officer of tech services provider Zensar").unwrap();
        assert_eq!(r.title.as_deref(), Some("chief operating officer"));
        assert_eq!(r.organization.as_deref(), Some("Zensar"));
        assert_eq!(
            r.organization_description.as_deref(),
            Some("tech services provider")
        );
        let r =
            parse_role("founder and managing partner at venture firm Principal Venture Partners")
                .unwrap();
        assert_eq!(r.title.as_deref(), Some("founder and managing partner"));
        assert_eq!(
            r.organization.as_deref(),
            Some("Principal Venture Partners")
        );
        assert_eq!(r.organization_description.as_deref(), Some("venture firm"));
        let r = parse_role("Zensar’s COO").unwrap();
        assert_eq!(
            (r.title.as_deref(), r.organization.as_deref()),
            (Some("COO"), Some("Zensar"))
        );
        let r = parse_role("a spokeswoman for the Bank of America").unwrap();
        assert_eq!(r.organization.as_deref(), Some("Bank of America"));
        assert!(parse_role("who declined to be named").is_none());
        assert!(parse_role("a Democrat from Ohio").is_none());
        // The title runs to the last link an organization follows.
        let r = parse_role("director of U.S. rate strategy at Mitsubishi UFJ Securities").unwrap();
        assert_eq!(
            (r.title.as_deref(), r.organization.as_deref()),
            (
                Some("director of U.S. rate strategy"),
                Some("Mitsubishi UFJ Securities")
            )
        );
        let r = parse_role("a professor of economics at Harvard University").unwrap();
        assert_eq!(r.title.as_deref(), Some("professor of economics"));
        assert_eq!(r.organization.as_deref(), Some("Harvard University"));
    }

    #[test]
    fn speaker_after_the_quotation_with_appositive_and_told() {
        let a = &read(
            "“It could be pivotal,” Vijayasimha Alilughatta, chief operating officer of tech services provider Zensar, told Reuters.",
        )[0];
        assert_eq!(a.speaker.as_deref(), Some("Vijayasimha Alilughatta"));
        assert_eq!(a.title.as_deref(), Some("chief operating officer"));
        assert_eq!(a.organization.as_deref(), Some("Zensar"));
        assert_eq!(a.medium, Some(Medium::Told));
        assert_eq!(a.told_to.as_deref(), Some("Reuters"));
    }

    #[test]
    fn cue_before_the_speaker_and_titles_before_names() {
        let a = &read("“We are ready,” said Zensar CEO Ajay Bhandari.")[0];
        assert_eq!(a.speaker.as_deref(), Some("Ajay Bhandari"));
        assert_eq!(a.title.as_deref(), Some("CEO"));
        assert_eq!(a.organization.as_deref(), Some("Zensar"));
        assert_eq!(a.medium, None);
        let a = &read("Sen. Ted Cruz said: “Not today.”")[0];
        assert_eq!(a.speaker.as_deref(), Some("Ted Cruz"));
        assert_eq!(a.title.as_deref(), Some("Sen."));
    }

    #[test]
    fn pronouns_and_surnames_resolve_to_the_full_name() {
        let text = "“First,” Songyee Yoon, founder of Acme, said in an email.\n“Second,” Yoon said.\nAnd she added that it was “a third thing entirely.”";
        let all = read(text);
        assert_eq!(all.len(), 3);
        for a in &all {
            assert_eq!(a.speaker.as_deref(), Some("Songyee Yoon"), "{a:?}");
            assert_eq!(a.organization.as_deref(), Some("Acme"));
        }
        assert_eq!(all[0].medium, Some(Medium::Email));
        assert_eq!(all[1].medium, None);
    }

    #[test]
    fn a_role_without_a_name_is_kept_as_a_claim() {
        let a =
            &read("Alibaba’s COO said the launch “could be a pivotal moment in the AI industry.”")
                [0];
        assert_eq!(a.speaker, None);
        assert_eq!(a.organization.as_deref(), Some("Alibaba"));
        assert_eq!(a.title.as_deref(), Some("COO"));
        assert_eq!(a.medium, None);
    }

    #[test]
    fn according_to_and_media() {
        let a = &read("According to Ann Lee, “the numbers are wrong.”")[0];
        assert_eq!(a.speaker.as_deref(), Some("Ann Lee"));
        for (text, medium) in [
            ("“Yes,” Bo Li said in a statement.", Medium::Statement),
            ("“Yes,” Bo Li said in a speech at Harvard.", Medium::Speech),
            ("“Yes,” Bo Li wrote on Twitter.", Medium::Post),
            (
                "“Yes,” Bo Li said in an interview with CNN.",
                Medium::Interview,
            ),
            ("“Yes,” Bo Li tweeted.", Medium::Post),
        ] {
            assert_eq!(read(text)[0].medium, Some(medium), "{text}");
        }
    }

    #[test]
    fn no_cue_means_no_speaker_and_says_so() {
        let a = &read("The slogan “Make it so” was everywhere.")[0];
        assert_eq!(a.speaker, None);
        assert!(
            a.note.as_deref().unwrap().contains("no attribution"),
            "{a:?}"
        );
    }

    #[test]
    fn a_quotation_broken_by_its_attribution_keeps_the_speaker() {
        let all = read("“We are ready,” Ann Lee said. “The rest is up to them.”");
        assert_eq!(all[1].speaker.as_deref(), Some("Ann Lee"));
    }
}
