//! CSL-JSON items (the `csl-data.json` schema): one item per quote, describing what the quote is
//! cited from, with the quote itself in `note`.
//!
//! Who is the author: the source's byline when the quote comes from a published piece (the
//! reporter wrote the article; the speaker is quoted in it). When the piece is the speaker's own
//! words — an email, a speech, an interview, a post, a statement without a source — the speaker
//! is the author.

use chrono::{Datelike, NaiveDate};
use serde_json::{Map, Value, json};

use super::{Citable, Entry, issued, split_name};
use crate::model::{Medium, SourceKind};

/// The CSL item type for a quote.
pub fn item_type(item: &Citable) -> &'static str {
    match &item.source {
        Some(source) => match source.kind {
            SourceKind::Article => "article-newspaper",
            SourceKind::Magazine => "article-magazine",
            SourceKind::Blog => "post-weblog",
            SourceKind::Interview => "interview",
            SourceKind::Speech => "speech",
            SourceKind::PressRelease => "document",
            SourceKind::Social => "post",
            SourceKind::Email => "personal_communication",
            SourceKind::Broadcast => "broadcast",
            SourceKind::Document => "document",
            SourceKind::Other => {
                if source.url.is_some() {
                    "webpage"
                } else {
                    "document"
                }
            }
        },
        None => match item.quote.medium {
            Medium::Speech => "speech",
            Medium::Interview => "interview",
            Medium::Post => "post",
            Medium::Statement | Medium::Document => "document",
            Medium::Email | Medium::Said | Medium::Told | Medium::Other => "personal_communication",
        },
    }
}

/// Whether the speaker, not a reporter, is the author of what is cited.
pub fn speaker_is_author(item: &Citable) -> bool {
    matches!(
        item_type(item),
        "personal_communication" | "speech" | "interview" | "post"
    ) || item
        .source
        .as_ref()
        .is_some_and(|s| s.kind == SourceKind::PressRelease && s.authors.is_empty())
        || item.source.is_none()
}

/// The people (or organizations) credited as authors.
pub fn authors(item: &Citable) -> Vec<String> {
    let byline: Vec<String> = item
        .source
        .as_ref()
        .map(|s| s.authors.clone())
        .unwrap_or_default();
    if speaker_is_author(item) || (byline.is_empty() && item.source.is_none()) {
        // (Those who wrote or said it together are its authors together.)
        std::iter::once(&item.quote.speaker)
            .chain(&item.quote.co_speakers)
            .cloned()
            .collect()
    } else {
        byline
    }
}

/// The title of what is cited: its source's own title. An untitled work (an email, a
/// statement, one's own interview) has none: it gets a [`description`] instead, never a title
/// made up from how the words were said.
pub fn title(item: &Citable) -> Option<String> {
    item.source.as_ref().and_then(|s| s.title.clone())
}

/// What an untitled work is ("Email to Reuters", "Interview by the author", "Statement"), as
/// styles describe untitled works: CSL's `genre`, BibLaTeX's `howpublished`, RIS's `M3`.
pub fn description(item: &Citable) -> Option<String> {
    if title(item).is_some() {
        return None;
    }
    let quote = &item.quote;
    let to = quote
        .told_to
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let own_interview = item
        .source
        .as_ref()
        .is_some_and(|s| s.kind == SourceKind::Interview && s.outlet.is_none() && s.url.is_none());
    Some(match (quote.medium, to) {
        (Medium::Interview, None) if own_interview => "Interview by the author".to_owned(),
        (Medium::Interview, Some(to)) => format!("Interview with {to}"),
        (Medium::Interview, None) => "Interview".to_owned(),
        (Medium::Email, Some(to)) => format!("Email to {to}"),
        (Medium::Email, None) => "Email".to_owned(),
        (Medium::Speech, _) => "Speech".to_owned(),
        (Medium::Statement, _) => "Statement".to_owned(),
        (Medium::Told, Some(to)) => format!("Remarks to {to}"),
        (Medium::Post, _) => "Social media post".to_owned(),
        _ => return None,
    })
}

fn date_value(date: NaiveDate) -> Value {
    json!({ "date-parts": [[date.year(), date.month(), date.day()]] })
}

fn name_value(name: &str) -> Value {
    match split_name(name) {
        (family, Some(given)) => json!({ "family": family, "given": given }),
        (literal, None) => json!({ "literal": literal }),
    }
}

/// The quote with its attribution, as a reader of the reference would want it noted.
pub fn note(item: &Citable) -> String {
    let at = item
        .quote
        .locator
        .and_then(|l| l.label())
        .map(|l| format!(" ({l})"))
        .unwrap_or_default();
    format!(
        "“{}” — {}{at}",
        item.quote.text.trim(),
        super::attribution::who_and_how(&item.quote)
    )
}

/// The CSL-JSON item for one entry, with the citation key as its id.
pub fn item(entry: &Entry<'_>, key: &str) -> Value {
    let item = entry.item;
    let mut map = Map::new();
    map.insert("id".into(), key.into());
    map.insert("type".into(), item_type(item).into());
    let authors = authors(item);
    if !authors.is_empty() {
        map.insert(
            "author".into(),
            Value::Array(authors.iter().map(|a| name_value(a)).collect()),
        );
    }
    if let Some(title) = title(item) {
        map.insert("title".into(), title.into());
    }
    let quote = &item.quote;
    if let Some(source) = &item.source {
        if let Some(outlet) = &source.outlet {
            let field = match item_type(item) {
                "broadcast" | "speech" | "document" => "publisher",
                _ => "container-title",
            };
            map.insert(field.into(), outlet.clone().into());
        }
        if let Some(url) = &source.url {
            map.insert("URL".into(), url.clone().into());
            let accessed = source.accessed.unwrap_or(source.created_at.date_naive());
            map.insert("accessed".into(), date_value(accessed));
        }
        if let Some(language) = &source.language {
            map.insert("language".into(), language.clone().into());
        }
    } else {
        map.insert("language".into(), quote.language.clone().into());
    }
    if let (None, Some(to)) = (&item.source, &quote.told_to)
        && item_type(item) == "personal_communication"
    {
        // Whom it was sent to is usually an outlet: kept whole, never split into given/family.
        map.insert("recipient".into(), json!([{ "literal": to }]));
    }
    if let Some(description) = description(item) {
        map.insert("genre".into(), description.into());
    } else if item_type(item) == "speech" {
        map.insert("genre".into(), "Speech".into());
    }
    if item
        .source
        .as_ref()
        .is_some_and(|s| s.kind == SourceKind::PressRelease)
    {
        map.insert("genre".into(), "Press release".into());
    }
    if let Some(date) = issued(item) {
        map.insert("issued".into(), date_value(date));
    }
    if let Some(pages) = entry.pages("-") {
        map.insert("page".into(), pages.into());
    }
    map.insert("note".into(), entry.note().into());
    Value::Object(map)
}

#[cfg(test)]
pub(crate) mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::model::{Quote, QuoteId, Source, SourceId};

    /// A quote by `speaker` from 2025-03-01, with an optional source of the given kind.
    pub(crate) fn citable(text: &str, speaker: &str, kind: Option<SourceKind>) -> Citable {
        let at = Utc.with_ymd_and_hms(2025, 3, 2, 9, 0, 0).unwrap();
        let date = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        let source = kind.map(|kind| Source {
            id: SourceId(1),
            kind,
            title: Some("DeepSeek rushes to launch R2".into()),
            outlet: Some("Reuters".into()),
            authors: vec!["Fanny Potkin".into(), "Eduardo Baptista".into()],
            published: Some(date),
            url: Some("https://example.org/r2".into()),
            language: Some("en".into()),
            text: None,
            content_hash: None,
            accessed: None,
            created_at: at,
            updated_at: at,
        });
        Citable {
            quote: Quote {
                id: QuoteId(1),
                text: text.into(),
                speaker: speaker.into(),
                co_speakers: Vec::new(),
                title: None,
                organization: None,
                organization_description: None,
                medium: Medium::Said,
                told_to: None,
                said_on: Some(date),
                source: None,
                start: None,
                end: None,
                locator: None,
                tags: vec![],
                stories: Vec::new(),
                language: "en".into(),
                notes: None,
                created_at: at,
                updated_at: at,
            },
            source,
        }
    }

    #[test]
    fn a_newspaper_quote_is_cited_as_the_article_by_its_reporters() {
        let c = citable(
            "could be a pivotal moment",
            "Vijayasimha Alilughatta",
            Some(SourceKind::Article),
        );
        let v = item(
            &Entry {
                item: &c,
                quotes: vec![&c],
            },
            "k",
        );
        assert_eq!(v["type"], "article-newspaper");
        assert_eq!(v["author"][0]["family"], "Potkin");
        assert_eq!(v["container-title"], "Reuters");
        assert_eq!(v["issued"]["date-parts"][0][2], 1);
        assert_eq!(v["accessed"]["date-parts"][0][2], 2);
        assert!(v["note"].as_str().unwrap().contains("pivotal moment"));
    }

    #[test]
    fn an_email_without_a_source_is_a_personal_communication_by_the_speaker() {
        let mut c = citable("We are done", "Songyee Yoon", None);
        c.quote.medium = Medium::Email;
        c.quote.told_to = Some("Reuters".into());
        let v = item(
            &Entry {
                item: &c,
                quotes: vec![&c],
            },
            "k",
        );
        assert_eq!(v["type"], "personal_communication");
        assert_eq!(v["author"][0]["family"], "Yoon");
        // Untitled: described, never given a title made up from the medium.
        assert!(v.get("title").is_none(), "{v}");
        assert_eq!(v["genre"], "Email to Reuters");
        assert_eq!(v["recipient"][0]["literal"], "Reuters");
    }

    #[test]
    fn pages_of_a_sources_quotes_make_its_page_range_and_notes_carry_locators() {
        use crate::model::Locator;
        let mut quotes: Vec<Citable> = [3, 1, 2, 7]
            .into_iter()
            .map(|page| {
                let mut c = citable("Words", "Jane Roe", Some(SourceKind::Document));
                c.quote.locator = Some(Locator::Page { page, column: None });
                c
            })
            .collect();
        quotes[0].quote.locator = Some(Locator::Page {
            page: 3,
            column: Some(2),
        });
        let entries = crate::cite::entries(&quotes);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].pages("-").as_deref(), Some("1-3, 7"));
        let v = item(&entries[0], "k");
        assert_eq!(v["page"], "1-3, 7");
        assert!(
            v["note"].as_str().unwrap().contains("(p. 3, col. 2)"),
            "{v}"
        );
        let bib = crate::cite::bibtex::render(&entries, &["k".into()]);
        assert!(bib.contains("pages      = {1--3, 7}"), "{bib}");
        let ris = crate::cite::ris::render(&entries, &["k".into()]);
        assert!(ris.contains("SP  - 1-3, 7\r\n"), "{ris}");
        // Quotes with no page: no page field.
        let plain = citable("Words", "Jane Roe", Some(SourceKind::Article));
        assert!(
            crate::cite::entries(std::slice::from_ref(&plain))[0]
                .pages("-")
                .is_none()
        );
    }

    #[test]
    fn ones_own_interview_is_described_and_cited_with_its_time() {
        use crate::model::Locator;
        let mut c = citable("We wait", "Maria Lopez", Some(SourceKind::Interview));
        c.quote.medium = Medium::Interview;
        let source = c.source.as_mut().unwrap();
        source.title = None;
        source.outlet = None;
        source.url = None;
        c.quote.locator = Some(Locator::Time {
            start: 843_000,
            end: Some(850_000),
        });
        assert_eq!(description(&c).as_deref(), Some("Interview by the author"));
        let line = crate::cite::attribution::line(&c);
        assert!(
            line.contains("Maria Lopez said in an interview with the author. (00:14:03"),
            "{line}"
        );
        let mla = crate::cite::render(
            std::slice::from_ref(&c),
            crate::cite::Format::Mla,
            crate::cite::Markup::Text,
        )
        .unwrap();
        assert!(
            mla.contains("Lopez, Maria. Interview by the author."),
            "{mla}"
        );
        assert!(mla.contains("(Lopez 00:14:03)"), "{mla}");
    }

    #[test]
    fn a_letter_written_together_has_every_writer_as_author() {
        let mut c = citable("We will not accept these terms", "Jane Roe", None);
        c.quote.co_speakers = vec!["John Doe".into()];
        c.quote.medium = Medium::Document;
        let v = item(
            &Entry {
                item: &c,
                quotes: vec![&c],
            },
            "k",
        );
        assert_eq!(v["author"][0]["family"], "Roe");
        assert_eq!(v["author"][1]["family"], "Doe");
        assert_eq!(v["author"].as_array().map(Vec::len), Some(2));
    }
}
