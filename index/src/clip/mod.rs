//! Clipping: from an article (HTML or plain text) to candidate quotes, each with its speaker,
//! their title and organization as the article gives them, and how it was said.
//!
//! - [`quotes`] finds the quotations (the marks of many languages, multi-paragraph quotations);
//! - [`attribution`] reads who said each one (shared with checking drafts);
//! - [`article`] turns an HTML page into its main text and metadata.

pub mod article;
pub mod attribution;
mod chinese;
mod document;
pub mod fetch;
mod german;
mod japanese;
mod korean;
mod languages;
pub(crate) mod names;
mod profile;
pub mod quotes;
mod selection;

pub use document::{clip_document, clip_file, clip_transcript, speaker_mapping};
pub use selection::clip_selection;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Medium, detect_language};

pub use article::Article;
pub use attribution::Attribution;

/// The largest input clipping reads: far above any article, small enough that a mistaken file
/// (a video, a disk image) is refused at once rather than churned through.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// What the user knows about the article beyond its text.
#[derive(Debug, Clone, Default)]
pub struct ClipOptions {
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// The publication date, when the page does not give one (or to override it).
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
    /// For transcripts: who each label is ("Speaker 2" → "Maria Lopez"); an empty name leaves
    /// the label unnamed.
    pub speakers: Vec<(String, String)>,
    /// For transcripts: offer each sentence of a turn worth quoting (four words or more) rather
    /// than the whole turn.
    pub sentences: bool,
}

/// One quotation found in an article, ready to review and save.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// Set once the candidate is saved (`clip --save`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<crate::model::QuoteId>,
    pub text: String,
    /// `null` when the article does not say who said it (see `note`).
    pub speaker: Option<String>,
    /// Others who said or wrote it together with the speaker ("Jane Roe and John Doe wrote").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_speakers: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_description: Option<String>,
    pub medium: Medium,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub told_to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_on: Option<NaiveDate>,
    /// Character offsets of the words in the article text (Unicode scalar values, end
    /// exclusive, quotation marks excluded).
    pub start: usize,
    pub end: usize,
    /// Where it stands: the page (and column) of a PDF, the time of a transcript's turn, or
    /// its character offsets in text and HTML (`{"chars": [start, end]}`).
    #[serde(default)]
    pub locator: Option<crate::model::Locator>,
    pub language: String,
    /// How the article refers to the speaker here ("he", "Yoon").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention: Option<String>,
    /// The reporting verb ("told", "said in an email" → "said").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Why there is no speaker, or how a pronoun or surname was resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Tags the reviewer gave it before saving.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// An article and the quotations in it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Clip {
    pub article: Article,
    pub quotes: Vec<Candidate>,
    /// Quotation marks opened and never closed, as character offsets (not guessed at).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unclosed: Vec<usize>,
    /// What the input was: html, text, pdf, docx, odt, vtt, srt or transcript.
    #[serde(default)]
    pub format: crate::documents::Format,
}

/// Clips plain text (one paragraph a line).
pub fn clip_text(text: &str, opts: &ClipOptions) -> Result<Clip> {
    check_size(text.len())?;
    let article = Article {
        title: opts.title.clone(),
        byline: None,
        published: opts.date,
        site_name: opts.outlet.clone(),
        language: Some(detect_language(text).to_owned()),
        url: opts.url.clone(),
        text: normalise_text(text),
    };
    Ok(clip_article(article))
}

/// Clips an HTML page: the main text is extracted first.
pub fn clip_html(html: &str, opts: &ClipOptions) -> Result<Clip> {
    check_size(html.len())?;
    let mut article = article::extract(html, opts.url.as_deref())?;
    if opts.title.is_some() {
        article.title = opts.title.clone();
    }
    if opts.outlet.is_some() {
        article.site_name = opts.outlet.clone();
    }
    if opts.date.is_some() {
        article.published = opts.date;
    }
    if opts.url.is_some() {
        article.url = opts.url.clone();
    }
    let mut clip = clip_article(article);
    clip.format = crate::documents::Format::Html;
    Ok(clip)
}

/// Clips bytes of any format OnRecord reads (see [`clip_file`]); binary data is refused.
pub fn clip_bytes(bytes: &[u8], opts: &ClipOptions) -> Result<Clip> {
    clip_file(bytes, None, None, opts)
}

pub(crate) fn check_size(len: usize) -> Result<()> {
    if len > MAX_INPUT_BYTES {
        return Err(Error::invalid(format!(
            "the input is {} MB; an article is at most {} MB — is this the right file?",
            len / (1024 * 1024),
            MAX_INPUT_BYTES / (1024 * 1024)
        )));
    }
    Ok(())
}

/// Line endings unified, trailing space trimmed, NULs dropped: the text the offsets refer to.
pub(crate) fn normalise_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\0', "")
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// The quotations of `text` with their attributions (a quotation broken by its attribution
/// joined), and the marks left open. Clipping and checking read a text the same way.
pub(crate) fn read_quotations(
    text: &str,
    carry: attribution::Carry,
) -> (
    Vec<quotes::Quotation>,
    Vec<Attribution>,
    Vec<quotes::Unclosed>,
) {
    let (mut found, unclosed) = quotes::find(text);
    // The names of things are not quotations, nor do they break one: “…,” Flynn said on Fox
    // News’s “Fox and Friends.” “…” is one quotation.
    found.retain(|q| !names_a_thing(text, q));
    // (Chinese, Japanese and Korean are read by their own readers, in `read_in` and
    // `claims_in`: the English one would find nothing there, slowly.)
    let attributions = match detect_language(text) {
        "zh" | "ja" | "ko" => vec![Attribution::default(); found.len()],
        _ => attribution::attribute(text, &found, carry),
    };
    let (found, attributions) = attribution::join_broken(text, found, attributions);
    (found, attributions, unclosed)
}

/// How many characters of a Chinese personal name are its family name ("欧阳瑞峰" → 2,
/// "梁文锋" → 1), or `None` when it is no name of a family name and one or two given
/// characters.
pub(crate) fn chinese_family_name(name: &str) -> Option<usize> {
    chinese::family_name_len(name)
}

/// Finds and attributes the quotations of an extracted article.
pub fn clip_article(article: Article) -> Clip {
    let text = &article.text;
    let (mut found, attributions, unclosed) =
        read_quotations(text, attribution::Carry::SpeakerAndRole);
    let mut offsets: Vec<usize> = found.iter().flat_map(|q| [q.start, q.end]).collect();
    offsets.extend(unclosed.iter().map(|u| u.open));
    let to_char = char_offsets(text, &offsets);
    let language = article.language.clone().unwrap_or_else(|| "en".into());
    let attributions = read_in(text, &mut found, attributions, &language);
    // In English the trained ranker has the last word on who spoke (see attribution::rank),
    // and the rest of the article completes the speaker's title and employer.
    let attributions = match language == "en" || language.starts_with("en-") {
        true => {
            let mut a = attribution::rank::rerank(
                attribution::rank::committed_ranker(),
                text,
                &found,
                attributions,
            );
            attribution::complete_roles(text, &found, &mut a);
            a
        }
        false => attributions,
    };
    let quotes = found
        .iter()
        .zip(attributions)
        .filter(|(q, a)| keep(text, q, a))
        .map(|(q, a)| Candidate {
            id: None,
            language: if language == "en" {
                detect_language(&q.text).to_owned()
            } else {
                language.clone()
            },
            text: q.text.clone(),
            speaker: a.speaker,
            co_speakers: a.co_speakers,
            title: a.title,
            organization: a.organization,
            organization_description: a.organization_description,
            medium: a.medium.unwrap_or(Medium::Said),
            told_to: a.told_to,
            said_on: article.published,
            start: to_char(q.start),
            end: to_char(q.end),
            locator: Some(crate::model::Locator::Chars {
                chars: [to_char(q.start), to_char(q.end)],
            }),
            mention: a.mention,
            cue: a.cue,
            note: a.note,
            tags: Vec::new(),
        })
        .collect();
    let unclosed = unclosed.iter().map(|u| to_char(u.open)).collect();
    Clip {
        article,
        quotes,
        unclosed,
        format: crate::documents::Format::Text,
    }
}

/// Attribution reads English: in an article in another language, a cue that is no English verb
/// of speech ("Consultada sobre …, una fuente nos la resumió así:") was a guess. In the
/// languages [`languages`] knows (French, Spanish, Italian, Portuguese, German, Czech,
/// Russian) its reading replaces the English one; where it reads nothing, or in another
/// language, the candidate says that its speaker was not read (with any quotation said to
/// continue it), as does every candidate left without a speaker. A speaker's label ("Macron :
/// « … »") reads the same in any language and stays.
fn read_in(
    text: &str,
    found: &mut [quotes::Quotation],
    attributions: Vec<Attribution>,
    language: &str,
) -> Vec<Attribution> {
    if language == "en" || language.starts_with("en-") {
        return attributions;
    }
    let note = match languages::reads(language) {
        true => format!(
            "the article is in “{language}”: no speaker found in the shapes OnRecord reads in that language (« … », a déclaré X; X sagte: „…“; 吴泳铭表示：“…”)"
        ),
        false => format!(
            "the article is in “{language}”: its speakers are not read (attribution reads English, Chinese, Japanese, Korean, French, Spanish, Italian, Portuguese, German, Czech, Russian, Swedish, Norwegian, Danish, Dutch and Polish)"
        ),
    };
    let unread = || Attribution {
        note: Some(note.clone()),
        ..Attribution::default()
    };
    let read = languages::attribute(text, found, language, true);
    let mut guessed = false;
    attributions
        .into_iter()
        .zip(read)
        .map(|(a, read)| {
            if let Some(read) = read {
                guessed = false;
                return read;
            }
            let continues = a.cue.is_none() && a.speaker.is_some();
            guessed = match &a.cue {
                Some(_) => a_guess(&a),
                None => continues && guessed,
            };
            if guessed || (a.speaker.is_none() && a.mention.is_none()) {
                unread()
            } else {
                a
            }
        })
        .collect()
}

/// Whether the English reading of a text in another language was a guess: its cue is no
/// English verb of speech ("Consultada sobre …, una fuente nos la resumió así:").
fn a_guess(a: &Attribution) -> bool {
    a.cue
        .as_deref()
        .is_some_and(|cue| !attribution::is_cue_word(cue))
}

/// What a draft in another language claims of each quotation: the readings of [`languages`]
/// where it has one; elsewhere the English reading when it is a "Name:" label (which reads the
/// same in any language) or an English verb of speech, and no claim when it was a guess. An
/// English draft's claims stay as they are.
pub(crate) fn claims_in(
    text: &str,
    found: &mut [quotes::Quotation],
    claims: Vec<Attribution>,
) -> Vec<Attribution> {
    let language = detect_language(text);
    if language == "en" || !languages::reads(language) {
        return claims;
    }
    claims
        .into_iter()
        .zip(languages::attribute(text, found, language, false))
        .map(|(english, read)| match read {
            Some(read) => read,
            None if a_guess(&english) => Attribution::default(),
            None => english,
        })
        .collect()
}

/// Short quoted phrases with no attribution are scare quotes, titles or names ("so-called
/// “experts”"), not quotations of anyone; `text` is the text `q` was found in.
pub(crate) fn keep(text: &str, q: &quotes::Quotation, a: &Attribution) -> bool {
    let words = q.text.split_whitespace().count();
    let cjk = crate::model::has_cjk(&q.text);
    // An exclamation or a question is said by someone (“You lie!”), a scare quote is not.
    let exclaimed = words >= 2 && q.text.trim_end().ends_with(['!', '?']);
    // A phrase quoted inside a sentence of narration (sent into “a living room in western
    // Pennsylvania” to watch) is the writer's borrowing, unless it is long.
    let lower = |w: Option<&str>| {
        w.and_then(|w| w.chars().find(|c| c.is_alphabetic()))
            .is_some_and(char::is_lowercase)
    };
    let borrowed = words < 8
        && lower(q.text.split_whitespace().next())
        && lower(text[..q.open].split_whitespace().next_back())
        && lower(text[q.close_end..].split_whitespace().next());
    a.cue.is_some()
        || (words >= 4 && !borrowed)
        || exclaimed
        || (cjk && q.text.chars().count() >= 6)
}

/// Whether a quotation is the name of a thing in title case: “Morning Joe”, “The Steve Harvey
/// Morning Show”, or, after a possessive or "on", a show name that ends the sentence (“Fox and
/// Friends.”).
pub(crate) fn names_a_thing(text: &str, q: &quotes::Quotation) -> bool {
    let words: Vec<&str> = q.text.split_whitespace().collect();
    // A nickname inside a name: Marcia “Cia” Price.
    let capitalised = |w: Option<&str>| {
        w.and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    if words.len() == 1
        && capitalised(words.first().copied())
        && capitalised(text[..q.open].split_whitespace().next_back())
        && text[q.close_end..].starts_with(' ')
        && capitalised(text[q.close_end..].split_whitespace().next())
    {
        return true;
    }
    // An organization's name in marks between a title and a person's name: "генеральный
    // директор сети «Корзинка» Роман Васильев".
    if (1..=3).contains(&words.len())
        && words.iter().all(|w| capitalised(Some(w)))
        && text[..q.open]
            .split_whitespace()
            .next_back()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_lowercase)
        && text[q.close_end..].starts_with(' ')
        && capitalised(text[q.close_end..].split_whitespace().next())
    {
        return true;
    }
    let title_case = (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            !w.chars().any(char::is_alphabetic)
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || [
                    "of", "the", "and", "a", "an", "in", "on", "to", "for", "with", "is", "at",
                    "by", "from", "as", "or",
                ]
                .contains(w)
        });
    // ("Word is," is a clause: a title has two capitalised words at least; a number counts,
    // as in “The 411.”)
    let capitals = words
        .iter()
        .filter(|w| capitalised(Some(w)) || w.starts_with(|c: char| c.is_ascii_digit()))
        .count();
    if !title_case || capitals < 2 {
        return false;
    }
    if !q.text.ends_with(['.', '!', '?', ',']) {
        return true;
    }
    let before = text[..q.open].trim_end();
    // “The Revenant.” after "she had seen", “Here’s the Thing.” after "on the podcast": a
    // title closing a sentence of narration, right after a word that says nothing was said.
    let after_narration = before
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.chars().all(char::is_lowercase) && !attribution::is_cue_word(w));
    before.ends_with("’s")
        || before.ends_with("'s")
        || before.ends_with(" on")
        || (before.ends_with(" of") && q.text.ends_with(['.', ',']))
        || (after_narration && q.text.ends_with('.'))
}

/// Maps byte offsets (any order) to character offsets in one pass.
fn char_offsets(text: &str, bytes: &[usize]) -> impl Fn(usize) -> usize + use<> {
    let mut sorted: Vec<usize> = bytes.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut map = Vec::with_capacity(sorted.len());
    let mut chars = 0;
    let mut last = 0;
    for b in sorted {
        chars += text[last..b].chars().count();
        last = b;
        map.push((b, chars));
    }
    move |b| match map.binary_search_by_key(&b, |(k, _)| *k) {
        Ok(i) => map[i].1,
        Err(_) => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_characters_into_the_article_text() {
        let clip = clip_text(
            "Ünïcödé — “naïve café words here,” Zoë Ng said.",
            &ClipOptions::default(),
        )
        .unwrap();
        let q = &clip.quotes[0];
        let chars: Vec<char> = clip.article.text.chars().collect();
        let slice: String = chars[q.start..q.end].iter().collect();
        assert_eq!(slice, "naïve café words here");
        assert_eq!(q.speaker.as_deref(), Some("Zoë Ng"));
    }

    #[test]
    fn binary_and_empty_input_are_refused_clearly() {
        let err = clip_bytes(b"\x00\x01\x02PK\x03\x04", &ClipOptions::default()).unwrap_err();
        assert!(err.to_string().contains("binary data"), "{err}");
        let err = clip_bytes(b"   \n ", &ClipOptions::default()).unwrap_err();
        assert!(err.to_string().contains("empty"), "{err}");
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        let err = clip_bytes(&big, &ClipOptions::default()).unwrap_err();
        assert!(err.to_string().contains("MB"), "{err}");
    }

    #[test]
    fn scare_quotes_are_not_candidates() {
        let clip = clip_text(
            "So-called “experts” disagree about the “plan.”",
            &ClipOptions::default(),
        )
        .unwrap();
        assert!(clip.quotes.is_empty(), "{:?}", clip.quotes);
    }

    #[test]
    fn a_phrase_borrowed_inside_narration_is_no_quotation_a_sentence_is() {
        let clip = clip_text(
            "The Post sent a reporter into “a living room in western Pennsylvania” to watch.\n\n\
             The mayor’s “plan to fix the roads before winter” drew praise.\n\n\
             The crowd waited. “We will not go away from here.” The police left.",
            &ClipOptions::default(),
        )
        .unwrap();
        let texts: Vec<&str> = clip.quotes.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["We will not go away from here."]);
    }
}
