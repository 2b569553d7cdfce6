//! The domain: quotes, the speakers who said them (with their titles and employers over time) and
//! the sources they were published in. These are plain serde types; their JSON form is the one in
//! `CLI-CONTRACT.md` and is what scripts rely on, so field names never change.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }

        impl FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self> {
                s.trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .map($name)
                    .ok_or_else(|| Error::invalid(format!(
                        "{s:?} is not a {} id: ids are positive whole numbers, as printed by `onrecord search`",
                        stringify!($name).trim_end_matches("Id").to_lowercase()
                    )))
            }
        }

        // Ids travel as strings in JSON (the contract), so that they can change form later
        // without breaking scripts; numbers are accepted on input too.
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                #[derive(Deserialize)]
                #[serde(untagged)]
                enum Raw {
                    Text(String),
                    Number(i64),
                }
                match Raw::deserialize(d)? {
                    Raw::Text(s) => s.parse().map_err(serde::de::Error::custom),
                    Raw::Number(n) if n > 0 => Ok($name(n)),
                    Raw::Number(n) => Err(serde::de::Error::custom(format!("{n} is not a valid id"))),
                }
            }
        }
    };
}

id_type!(
    /// A quote's id: stable for the life of the library and kept by `export --format json`/`import`.
    QuoteId
);
id_type!(
    /// A source's id.
    SourceId
);
id_type!(
    /// A speaker's id.
    SpeakerId
);

/// How the words were delivered. `Told` carries whom they were told to in [`Quote::told_to`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Medium {
    /// Spoken, with no more said about how (the default).
    #[default]
    Said,
    /// Told to an outlet or person ("told Reuters").
    Told,
    Email,
    Statement,
    Interview,
    Speech,
    /// A social media post.
    Post,
    Document,
    Other,
}

impl Medium {
    pub const ALL: [Medium; 9] = [
        Medium::Said,
        Medium::Told,
        Medium::Email,
        Medium::Statement,
        Medium::Interview,
        Medium::Speech,
        Medium::Post,
        Medium::Document,
        Medium::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Medium::Said => "said",
            Medium::Told => "told",
            Medium::Email => "email",
            Medium::Statement => "statement",
            Medium::Interview => "interview",
            Medium::Speech => "speech",
            Medium::Post => "post",
            Medium::Document => "document",
            Medium::Other => "other",
        }
    }

    /// Parses what a user types for a medium: a bare name (`email`), or `told` followed by whom
    /// (`told Reuters`), which comes back as the second element.
    pub fn parse_with_recipient(input: &str) -> Result<(Medium, Option<String>)> {
        let input = input.trim();
        let (head, rest) = match input.split_once(char::is_whitespace) {
            Some((head, rest)) => (head, Some(rest.trim()).filter(|r| !r.is_empty())),
            None => (input, None),
        };
        let medium: Medium = head.parse()?;
        match (medium, rest) {
            (Medium::Told, recipient) => Ok((medium, recipient.map(str::to_owned))),
            (_, None) => Ok((medium, None)),
            (_, Some(_)) => Err(Error::invalid(format!(
                "medium {input:?}: only `told` takes a name after it (as in `told Reuters`)"
            ))),
        }
    }
}

impl fmt::Display for Medium {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Medium {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let lower = s.trim().to_lowercase();
        Medium::ALL
            .into_iter()
            .find(|m| m.as_str() == lower)
            .ok_or_else(|| {
                let names: Vec<&str> = Medium::ALL.iter().map(|m| m.as_str()).collect();
                Error::invalid(format!(
                    "unknown medium {s:?}; use one of: {}",
                    names.join(", ")
                ))
            })
    }
}

/// What kind of publication a source is; drives the citation type on export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A news article (newspaper, wire service, news site).
    #[default]
    Article,
    Magazine,
    Blog,
    Interview,
    Speech,
    PressRelease,
    Social,
    Email,
    Broadcast,
    Document,
    Other,
}

impl SourceKind {
    pub const ALL: [SourceKind; 11] = [
        SourceKind::Article,
        SourceKind::Magazine,
        SourceKind::Blog,
        SourceKind::Interview,
        SourceKind::Speech,
        SourceKind::PressRelease,
        SourceKind::Social,
        SourceKind::Email,
        SourceKind::Broadcast,
        SourceKind::Document,
        SourceKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Article => "article",
            SourceKind::Magazine => "magazine",
            SourceKind::Blog => "blog",
            SourceKind::Interview => "interview",
            SourceKind::Speech => "speech",
            SourceKind::PressRelease => "press-release",
            SourceKind::Social => "social",
            SourceKind::Email => "email",
            SourceKind::Broadcast => "broadcast",
            SourceKind::Document => "document",
            SourceKind::Other => "other",
        }
    }
}

impl FromStr for SourceKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let lower = s.trim().to_lowercase().replace('_', "-");
        SourceKind::ALL
            .into_iter()
            .find(|k| k.as_str() == lower)
            .ok_or_else(|| {
                let names: Vec<&str> = SourceKind::ALL.iter().map(|k| k.as_str()).collect();
                Error::invalid(format!(
                    "unknown source kind {s:?}; use one of: {}",
                    names.join(", ")
                ))
            })
    }
}

/// A title held at an organization over a span of time. Open ends are unknown, not "forever":
/// the span is widened as quotes dated outside it are recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Affiliation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<NaiveDate>,
}

impl Affiliation {
    /// Whether the span covers `date`. An affiliation with no dates at all covers nothing in
    /// particular, so it answers `false`; callers fall back to it only when nothing else fits.
    pub fn covers(&self, date: NaiveDate) -> bool {
        match (self.valid_from, self.valid_to) {
            (None, None) => false,
            (from, to) => from.is_none_or(|f| f <= date) && to.is_none_or(|t| date <= t),
        }
    }
}

/// A person quotes are attributed to, with the other names they go by and their titles and
/// employers over time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub id: SpeakerId,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub affiliations: Vec<Affiliation>,
}

impl Speaker {
    /// The affiliation held on `date`: the one whose span covers it, else the nearest in time.
    pub fn affiliation_on(&self, date: NaiveDate) -> Option<&Affiliation> {
        if let Some(a) = self.affiliations.iter().find(|a| a.covers(date)) {
            return Some(a);
        }
        self.affiliations.iter().min_by_key(|a| {
            let gap = |d: Option<NaiveDate>| d.map(|d| (d - date).num_days().abs());
            gap(a.valid_from)
                .into_iter()
                .chain(gap(a.valid_to))
                .min()
                .unwrap_or(i64::MAX)
        })
    }
}

/// Where quotes were published: an article, a speech transcript, an email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: SourceId,
    #[serde(default)]
    pub kind: SourceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The full article text the quotes' offsets point into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// SHA-256 of `text` (hex), so the same article clipped twice is recognised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_hash: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The short form of a source carried inside a quote (no article text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub id: SourceId,
    #[serde(default)]
    pub kind: SourceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The authors joined with "; " (the contract's single `author` string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
}

/// A quotation on record: the words, who said them with their title and employer at the time,
/// how, when and where it was published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub id: QuoteId,
    pub text: String,
    pub speaker: String,
    /// The others who said or wrote it with the speaker ("Jane Roe and John Doe wrote"), in
    /// the order the text names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_speakers: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_description: Option<String>,
    #[serde(default)]
    pub medium: Medium,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub told_to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// Character offsets (Unicode scalar values, end exclusive) of the words inside the source's
    /// article text, without the quotation marks; absent for quotes added by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// The page or the time in its source (PDFs and transcripts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<Locator>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The stories it belongs to (see `story`), by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<String>,
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Quote {
    /// The date the quote is filed under: when it was said, else when its source was published.
    pub fn date(&self) -> Option<NaiveDate> {
        self.said_on
            .or_else(|| self.source.as_ref().and_then(|s| s.published))
    }
}

/// Where in its source a quote stands: the page (and column) of a PDF, the start and end time
/// of a transcript's turn, or, for text and HTML, its character offsets. In JSON, `{"page": 4}`,
/// `{"page": 4, "column": 2}`, `{"start": "00:14:03.000", "end": "00:14:09.500"}` or
/// `{"chars": [120, 184]}`. A stored quote keeps the first two kinds (its offsets are its
/// `start` and `end`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Locator {
    Page {
        page: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        column: Option<u32>,
    },
    Time {
        #[serde(with = "timestamp")]
        start: u64,
        #[serde(
            with = "optional_timestamp",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        end: Option<u64>,
    },
    /// Character offsets (Unicode scalar values, end exclusive) in the article's text.
    Chars { chars: [usize; 2] },
}

impl Locator {
    /// How a reader sees it: "p. 4", "p. 4, col. 2", "00:14:03"; `None` for offsets, which
    /// are not shown.
    pub fn label(&self) -> Option<String> {
        Some(match *self {
            Locator::Page { page, column: None } => format!("p. {page}"),
            Locator::Page {
                page,
                column: Some(c),
            } => format!("p. {page}, col. {c}"),
            Locator::Time { start, .. } => clock(start, false),
            Locator::Chars { .. } => return None,
        })
    }

    /// What a citation's locator says: the page, or the time the words start (`None` for
    /// offsets, which no citation gives).
    pub fn cited(&self) -> Option<String> {
        match *self {
            Locator::Page { page, .. } => Some(page.to_string()),
            Locator::Time { start, .. } => Some(clock(start, false)),
            Locator::Chars { .. } => None,
        }
    }

    /// The locator a quote stores: a page or a time (offsets are its `start` and `end`).
    pub fn stored(self) -> Option<Locator> {
        match self {
            Locator::Chars { .. } => None,
            other => Some(other),
        }
    }
}

/// Milliseconds as `HH:MM:SS` (with `.mmm` when `millis`).
pub fn clock(ms: u64, millis: bool) -> String {
    let (h, m, s) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60);
    if millis {
        format!("{h:02}:{m:02}:{s:02}.{:03}", ms % 1000)
    } else {
        format!("{h:02}:{m:02}:{s:02}")
    }
}

/// A time of day in a recording, `HH:MM:SS(.mmm)`, `MM:SS` or `HH:MM:SS,mmm` (SubRip), as
/// milliseconds.
pub fn parse_clock(text: &str) -> Option<u64> {
    let text = text.trim();
    let (whole, fraction) = match text.find(['.', ',']) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, ""),
    };
    let parts: Vec<&str> = whole.split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts.iter().any(|p| {
            p.is_empty() || p.len() > 2 && p != &parts[0] || !p.bytes().all(|b| b.is_ascii_digit())
        })
    {
        return None;
    }
    let numbers: Vec<u64> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (h, m, s) = match numbers[..] {
        [m, s] => (0, m, s),
        [h, m, s] => (h, m, s),
        _ => return None,
    };
    if m >= 60 || s >= 60 || fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let ms = if fraction.is_empty() {
        0
    } else {
        fraction.parse::<u64>().ok()? * 10u64.pow(3 - fraction.len() as u32)
    };
    Some(((h * 60 + m) * 60 + s) * 1000 + ms)
}

mod timestamp {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(ms: &u64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::clock(*ms, true))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        let text = String::deserialize(d)?;
        super::parse_clock(&text).ok_or_else(|| D::Error::custom(format!("not a time: {text}")))
    }
}

mod optional_timestamp {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(ms: &Option<u64>, s: S) -> Result<S::Ok, S::Error> {
        match ms {
            Some(ms) => super::timestamp::serialize(ms, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapper(#[serde(with = "super::timestamp")] u64);
        Ok(Option::<Wrapper>::deserialize(d)?.map(|w| w.0))
    }
}

/// A source to store along with a new quote. Sources are shared: one with the same content hash,
/// or else the same URL, or else the same title, outlet and date, is reused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSource {
    #[serde(default)]
    pub kind: SourceKind,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub published: Option<NaiveDate>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub accessed: Option<NaiveDate>,
}

impl NewSource {
    pub fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.outlet.is_none()
            && self.authors.is_empty()
            && self.published.is_none()
            && self.url.is_none()
            && self.text.is_none()
    }
}

/// A quote to add. `language` is detected from the text when not given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewQuote {
    pub text: String,
    pub speaker: String,
    /// Who said it together with the speaker (see [`Quote::co_speakers`]).
    #[serde(default)]
    pub co_speakers: Vec<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub organization: Option<String>,
    #[serde(default)]
    pub organization_description: Option<String>,
    #[serde(default)]
    pub medium: Medium,
    #[serde(default)]
    pub told_to: Option<String>,
    #[serde(default)]
    pub said_on: Option<NaiveDate>,
    #[serde(default)]
    pub source: Option<NewSource>,
    #[serde(default)]
    pub start: Option<usize>,
    #[serde(default)]
    pub end: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<Locator>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Stories to add it to (created when missing).
    #[serde(default)]
    pub stories: Vec<String>,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

/// A change to one quote: each `Some` field replaces the stored value; `Some(None)` clears an
/// optional one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteEdit {
    pub text: Option<String>,
    pub speaker: Option<String>,
    /// Replaces the co-speakers (an empty list removes them).
    pub co_speakers: Option<Vec<String>>,
    pub title: Option<Option<String>>,
    pub organization: Option<Option<String>>,
    pub organization_description: Option<Option<String>>,
    pub medium: Option<Medium>,
    pub told_to: Option<Option<String>>,
    pub said_on: Option<Option<NaiveDate>>,
    pub tags: Option<Vec<String>>,
    /// Replaces the stories it belongs to (created when missing).
    pub stories: Option<Vec<String>>,
    pub language: Option<String>,
    pub notes: Option<Option<String>>,
}

/// Every editable field of a quote as a form holds them (the desktop app's quote view): an
/// empty text clears an optional field. [`QuoteFields::into_edit`] turns it into a full edit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuoteFields {
    pub text: String,
    pub speaker: String,
    pub co_speakers: Vec<String>,
    pub title: String,
    pub organization: String,
    pub organization_description: String,
    pub medium: Medium,
    pub told_to: String,
    /// `YYYY-MM-DD`, or empty.
    pub said_on: String,
    pub tags: Vec<String>,
    pub stories: Vec<String>,
    pub notes: String,
}

impl QuoteFields {
    /// The edit that makes a quote hold exactly these fields; a bad date is a clear error.
    pub fn into_edit(self) -> Result<QuoteEdit> {
        let opt = |v: String| {
            let v = v.trim().to_owned();
            Some((!v.is_empty()).then_some(v))
        };
        // A list as typed: each name trimmed, empty ones dropped.
        let names = |list: Vec<String>| -> Vec<String> {
            list.into_iter()
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty())
                .collect()
        };
        let said_on = match self.said_on.trim() {
            "" => None,
            date => Some(parse_date(date)?),
        };
        Ok(QuoteEdit {
            text: Some(self.text),
            speaker: Some(self.speaker),
            co_speakers: Some(names(self.co_speakers)),
            title: opt(self.title),
            organization: opt(self.organization),
            organization_description: opt(self.organization_description),
            medium: Some(self.medium),
            told_to: opt(self.told_to),
            said_on: Some(said_on),
            tags: Some(names(self.tags)),
            stories: Some(names(self.stories)),
            language: None,
            notes: opt(self.notes),
        })
    }
}

/// Parses a calendar date as users and files write it: `2025-03-01` (ISO 8601). The error says
/// what was expected.
pub fn parse_date(input: &str) -> Result<NaiveDate> {
    let input = input.trim();
    NaiveDate::parse_from_str(input, "%Y-%m-%d").map_err(|_| {
        Error::invalid(format!(
            "{input:?} is not a date; write it as YYYY-MM-DD, e.g. 2025-03-01"
        ))
    })
}

/// The language of a piece of text as a BCP 47 primary tag (ISO 639-1): `zh` when it is mostly
/// Han script, `ja`/`ko` for kana/hangul; otherwise the language whatlang's trigrams find when
/// they are sure of it ("es", "fr", "cs", "ru"…), else `en` — a short quotation often gives too
/// little to tell, and English is the library's default.
pub fn detect_language(text: &str) -> &'static str {
    // (The first few thousand bytes tell as well as a whole 50 MB text.)
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    let (mut han, mut kana, mut hangul, mut letters) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars() {
        match c as u32 {
            0x3040..=0x30FF => kana += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => hangul += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => han += 1,
            _ if c.is_alphabetic() => letters += 1,
            _ => {}
        }
    }
    let cjk = han + kana + hangul;
    if cjk == 0 || cjk * 2 < letters {
        // An unreliable guess (Danish and Norwegian are close, and so are their neighbours)
        // still beats English for a text with next to none of English's commonest words.
        let english = || {
            let words: Vec<String> = text
                .split_whitespace()
                .take(400)
                .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
                .collect();
            let common = words
                .iter()
                .filter(|w| {
                    ["the", "and", "of", "is", "that", "was", "with", "this"].contains(&w.as_str())
                })
                .count();
            words.len() < 20 || common * 20 >= words.len()
        };
        whatlang::detect(text)
            .filter(|info| info.is_reliable() || !english())
            .and_then(|info| iso_639_1(info.lang()))
            .unwrap_or("en")
    } else if kana > 0 {
        "ja"
    } else if hangul > han {
        "ko"
    } else {
        "zh"
    }
}

/// The two-letter code of a language whatlang names by its three-letter one.
fn iso_639_1(lang: whatlang::Lang) -> Option<&'static str> {
    #[rustfmt::skip]
    const CODES: &[(&str, &str)] = &[
        ("afr", "af"), ("aka", "ak"), ("amh", "am"), ("ara", "ar"), ("aze", "az"),
        ("bel", "be"), ("ben", "bn"), ("bul", "bg"), ("cat", "ca"), ("ces", "cs"),
        ("cmn", "zh"), ("cym", "cy"), ("dan", "da"), ("deu", "de"), ("ell", "el"),
        ("eng", "en"), ("epo", "eo"), ("est", "et"), ("fin", "fi"), ("fra", "fr"),
        ("guj", "gu"), ("heb", "he"), ("hin", "hi"), ("hrv", "hr"), ("hun", "hu"),
        ("hye", "hy"), ("ind", "id"), ("ita", "it"), ("jav", "jv"), ("jpn", "ja"),
        ("kan", "kn"), ("kat", "ka"), ("khm", "km"), ("kor", "ko"), ("lat", "la"),
        ("lav", "lv"), ("lit", "lt"), ("mal", "ml"), ("mar", "mr"), ("mkd", "mk"),
        ("mya", "my"), ("nep", "ne"), ("nld", "nl"), ("nob", "nb"), ("ori", "or"),
        ("pan", "pa"), ("pes", "fa"), ("pol", "pl"), ("por", "pt"), ("ron", "ro"),
        ("rus", "ru"), ("sin", "si"), ("slk", "sk"), ("slv", "sl"), ("sna", "sn"),
        ("spa", "es"), ("srp", "sr"), ("swe", "sv"), ("tam", "ta"), ("tel", "te"),
        ("tgl", "tl"), ("tha", "th"), ("tuk", "tk"), ("tur", "tr"), ("ukr", "uk"),
        ("urd", "ur"), ("uzb", "uz"), ("vie", "vi"), ("yid", "yi"), ("zul", "zu"),
    ];
    let code = lang.code();
    CODES
        .iter()
        .find(|(three, _)| *three == code)
        .map(|(_, two)| *two)
}

/// Whether `text` contains characters that the Chinese tokenizer should see.
/// A Chinese character or Japanese kana: a script that sets no spaces between words.
pub fn is_cjk_ideograph_or_kana(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x3040..=0x30FF | 0x20000..=0x2FA1F)
}

pub fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x3040..=0x30FF | 0xAC00..=0xD7AF)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medium_parses_told_with_recipient() {
        assert_eq!(
            Medium::parse_with_recipient("told Reuters").unwrap(),
            (Medium::Told, Some("Reuters".into()))
        );
        assert_eq!(
            Medium::parse_with_recipient("EMAIL").unwrap(),
            (Medium::Email, None)
        );
        let err = Medium::parse_with_recipient("email Reuters").unwrap_err();
        assert!(err.to_string().contains("only `told`"), "{err}");
        let err = Medium::parse_with_recipient("fax").unwrap_err();
        assert!(err.to_string().contains("use one of"), "{err}");
    }

    #[test]
    fn ids_round_trip_as_strings_and_reject_junk() {
        let id: QuoteId = serde_json::from_str("\"42\"").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"42\"");
        assert_eq!(serde_json::from_str::<QuoteId>("7").unwrap(), QuoteId(7));
        assert!(serde_json::from_str::<QuoteId>("\"-3\"").is_err());
        assert!("abc".parse::<QuoteId>().is_err());
    }

    #[test]
    fn affiliation_on_prefers_covering_span_then_nearest() {
        let d = |s: &str| parse_date(s).unwrap();
        let speaker = Speaker {
            id: SpeakerId(1),
            name: "A".into(),
            aliases: vec![],
            affiliations: vec![
                Affiliation {
                    title: Some("CFO".into()),
                    organization: Some("X".into()),
                    organization_description: None,
                    valid_from: Some(d("2020-01-01")),
                    valid_to: Some(d("2021-06-30")),
                },
                Affiliation {
                    title: Some("CEO".into()),
                    organization: Some("X".into()),
                    organization_description: None,
                    valid_from: Some(d("2023-01-01")),
                    valid_to: Some(d("2024-01-01")),
                },
            ],
        };
        let title = |date| {
            speaker
                .affiliation_on(d(date))
                .unwrap()
                .title
                .clone()
                .unwrap()
        };
        assert_eq!(title("2020-05-05"), "CFO");
        assert_eq!(title("2023-05-05"), "CEO");
        assert_eq!(title("2021-08-01"), "CFO");
        assert_eq!(title("2022-12-01"), "CEO");
    }

    #[test]
    fn language_detection_names_the_language_and_picks_the_tokenizer() {
        assert_eq!(detect_language("The launch could be pivotal."), "en");
        assert_eq!(detect_language("深度求索代表了工程上的独创性。"), "zh");
        assert_eq!(detect_language("これは日本語です"), "ja");
        // Languages in Latin and Cyrillic script, when the text is long enough to tell.
        assert_eq!(
            detect_language(
                "La estrategia de la Coordinadora es realizar sabotajes y movilizaciones en el sur del país."
            ),
            "es"
        );
        assert_eq!(
            detect_language(
                "Le gouvernement a présenté mercredi un projet de loi sur le renseignement."
            ),
            "fr"
        );
        assert_eq!(
            detect_language("Žil jsem v ústraní a ten mikrosvět mi vyhovoval, řekl Hons."),
            "cs"
        );
        assert_eq!(
            detect_language("Папа утверждал, что ушло их четыреста, а вернулось четырнадцать."),
            "ru"
        );
        // Too little to tell: the default.
        assert_eq!(detect_language("distressing"), "en");
        assert!(has_cjk("DeepSeek 模型"));
        assert!(!has_cjk("DeepSeek model"));
    }
}
