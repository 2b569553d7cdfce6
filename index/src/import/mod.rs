//! Reading quotes from files: our own lossless JSON, quote objects, and CSV/TSV tables from
//! spreadsheets and data sets (with a header row, or with the columns named by the user).
//!
//! Everything is parsed and checked before anything is written, and errors name the file and
//! line, so a bad file imports nothing and says where to look.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use encoding_rs::Encoding;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{
    Medium, NewQuote, NewSource, Quote, QuoteId, Source, SourceId, SourceKind, Speaker, parse_date,
};
use crate::store;

mod restore;
mod rows;
pub(crate) use restore::{insert_exported_quote, restore};
pub use rows::RowsFile;

/// What a file held, ready for [`crate::Library::import`].
#[derive(Debug, Clone)]
pub enum ImportFile {
    /// Our own export: ids, timelines and sources kept.
    Library {
        speakers: Vec<Speaker>,
        sources: Vec<Source>,
        quotes: Vec<ImportQuote>,
    },
    /// New quotes (a JSON list of quote objects).
    Quotes(Vec<NewQuote>),
    /// A table or JSON Lines file, checked row by row and read again as it is imported, so
    /// that a file of any size needs memory for one batch only.
    Rows(RowsFile),
    /// Files of new quotes imported together, in one transaction (see [`ImportFile::merge`]).
    Many(Vec<ImportFile>),
}

impl ImportFile {
    pub fn len(&self) -> usize {
        match self {
            ImportFile::Library { quotes, .. } => quotes.len(),
            ImportFile::Quotes(q) => q.len(),
            ImportFile::Rows(r) => r.len(),
            ImportFile::Many(files) => files.iter().map(ImportFile::len).sum(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Joins several files into one import (one transaction).
    pub fn merge(files: Vec<ImportFile>) -> Vec<ImportFile> {
        let mut new = Vec::new();
        let mut out = Vec::new();
        for file in files {
            match file {
                library @ ImportFile::Library { .. } => out.push(library),
                ImportFile::Many(files) => new.extend(files),
                quotes => new.push(quotes),
            }
        }
        match new.len() {
            0 => {}
            1 => out.extend(new),
            _ => out.push(ImportFile::Many(new)),
        }
        out
    }

    /// The new quotes a file holds, in order, read as they are asked for. `None` for our own
    /// export, which is imported with its ids.
    #[allow(clippy::type_complexity)]
    pub fn new_quotes(self) -> Option<Result<Box<dyn Iterator<Item = Result<NewQuote>> + Send>>> {
        Some(match self {
            ImportFile::Library { .. } => return None,
            ImportFile::Quotes(q) => Ok(Box::new(q.into_iter().map(Ok))),
            ImportFile::Rows(r) => r.rows(),
            ImportFile::Many(files) => {
                // (Each file is opened when the one before is done.)
                let mut rest = files.into_iter();
                let mut current: Box<dyn Iterator<Item = Result<NewQuote>> + Send> =
                    Box::new(std::iter::empty());
                Ok(Box::new(std::iter::from_fn(move || {
                    loop {
                        if let Some(row) = current.next() {
                            return Some(row);
                        }
                        match rest.next()?.new_quotes() {
                            Some(Ok(next)) => current = next,
                            Some(Err(e)) => return Some(Err(e)),
                            None => {}
                        }
                    }
                })))
            }
        })
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub imported: usize,
    /// Already in the library (same id, same words, same speaker).
    pub skipped: usize,
}

/// A quote object as `export --format json` writes it (the CLI contract's quote shape).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportQuote {
    #[serde(default)]
    pub id: Option<QuoteId>,
    pub text: String,
    pub speaker: String,
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
    pub source: Option<ImportSource>,
    #[serde(default)]
    pub start: Option<usize>,
    #[serde(default)]
    pub end: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<crate::model::Locator>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub stories: Vec<String>,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
}

/// The source carried inside a quote object.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportSource {
    #[serde(default)]
    pub id: Option<SourceId>,
    #[serde(default)]
    pub kind: SourceKind,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub published: Option<NaiveDate>,
    /// When the URL was read (cited as "retrieved"/"accessed").
    #[serde(default)]
    pub accessed: Option<NaiveDate>,
    #[serde(default)]
    pub language: Option<String>,
}

impl ImportSource {
    pub fn to_new_source(&self) -> NewSource {
        NewSource {
            kind: self.kind,
            title: self.title.clone(),
            outlet: self.outlet.clone(),
            authors: self
                .author
                .iter()
                .flat_map(|a| a.split(';'))
                .map(|a| a.trim().to_owned())
                .filter(|a| !a.is_empty())
                .collect(),
            published: self.published,
            url: self.url.clone(),
            accessed: self.accessed,
            language: self.language.clone(),
            ..Default::default()
        }
    }
}

impl From<Quote> for ImportQuote {
    fn from(q: Quote) -> Self {
        ImportQuote {
            id: Some(q.id),
            text: q.text,
            speaker: q.speaker,
            co_speakers: q.co_speakers,
            title: q.title,
            organization: q.organization,
            organization_description: q.organization_description,
            medium: q.medium,
            told_to: q.told_to,
            said_on: q.said_on,
            source: q.source.map(|s| ImportSource {
                id: Some(s.id),
                kind: s.kind,
                title: s.title,
                outlet: s.outlet,
                author: s.author,
                url: s.url,
                published: s.published,
                accessed: None,
                language: None,
            }),
            start: q.start,
            end: q.end,
            locator: q.locator,
            tags: q.tags,
            stories: q.stories,
            language: Some(q.language),
            notes: q.notes,
            created_at: Some(q.created_at),
            updated_at: Some(q.updated_at),
        }
    }
}

impl ImportQuote {
    pub fn into_new_quote(self) -> NewQuote {
        NewQuote {
            source: self.source.as_ref().map(ImportSource::to_new_source),
            text: self.text,
            speaker: self.speaker,
            co_speakers: self.co_speakers,
            title: self.title,
            organization: self.organization,
            organization_description: self.organization_description,
            medium: self.medium,
            told_to: self.told_to,
            said_on: self.said_on,
            start: self.start,
            end: self.end,
            locator: self.locator,
            tags: self.tags,
            stories: self.stories,
            language: self.language,
            notes: self.notes,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LibraryFile {
    format: String,
    version: u32,
    #[serde(default)]
    speakers: Vec<Speaker>,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    quotes: Vec<ImportQuote>,
}

/// The formats `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Our export, or a list of quote objects.
    Json,
    Csv,
    Tsv,
    /// JSON Lines: one quote object a line (read as a stream, for files of any size).
    JsonLines,
}

impl std::str::FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_lowercase().as_str() {
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            "tsv" | "tab" => Ok(Format::Tsv),
            "jsonl" | "ndjson" | "json-lines" | "jsonlines" => Ok(Format::JsonLines),
            "csl-json" | "csl" => Err(Error::invalid(
                "importing CSL-JSON is not supported yet; export from your reference manager as CSV, or use OnRecord's own JSON",
            )),
            other => Err(Error::invalid(format!(
                "unknown import format {other:?}; use json, jsonl, csv or tsv"
            ))),
        }
    }
}

impl Format {
    /// The format a file's name suggests.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_lowercase().as_str() {
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "tsv" | "tab" => Some(Format::Tsv),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// How to read a table.
#[derive(Debug, Clone, Default)]
pub struct TableOptions {
    /// The columns, in order, for a file without a header row. `_` skips a column.
    pub columns: Option<Vec<String>>,
    /// A WHATWG encoding label (`windows-1252`, `utf-8`, `latin1`…); detected when absent.
    pub encoding: Option<String>,
}

/// Reads and checks one file. `format` defaults to what the file name says.
///
/// Tables and JSON Lines are read to the end and checked here, then read again as they are
/// imported ([`ImportFile::Rows`]), so their size is not bounded by memory.
pub fn read_file(path: &Path, format: Option<Format>, table: &TableOptions) -> Result<ImportFile> {
    let read_err = |source| Error::ReadFile {
        path: path.to_owned(),
        source,
    };
    let format = format.or_else(|| Format::from_path(path)).ok_or_else(|| {
        Error::invalid(format!(
            "cannot tell the format of {} from its name; add --format json, jsonl, csv or tsv",
            path.display()
        ))
    })?;
    if format == Format::Json {
        let bytes = std::fs::read(path).map_err(read_err)?;
        check_text_file(path, &bytes)?;
        return parse_json(path, &bytes);
    }
    // The first 8 KB tell an empty or binary file (a file longer than that, all spaces, reads
    // as no quotes).
    let mut head = Vec::with_capacity(8192);
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::fs::File::open(path).map_err(read_err)?, 8192),
        &mut head,
    )
    .map_err(read_err)?;
    check_text_file(path, &head)?;
    let delimiter = match format {
        Format::Csv => Some(b','),
        Format::Tsv => Some(b'\t'),
        _ => None,
    };
    rows::check_rows(path, &head, delimiter, table).map(ImportFile::Rows)
}

/// Refuses an empty file and one that is binary (NUL bytes in its first 8 KB, unless it is
/// UTF-16 with a byte-order mark) before any parsing, with a message that says so.
fn check_text_file(path: &Path, bytes: &[u8]) -> Result<()> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::invalid(format!(
            "{} is empty; nothing was imported",
            path.display()
        )));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if Encoding::for_bom(bytes).is_none() && head.contains(&0) {
        return Err(Error::invalid(format!(
            "{} holds binary data (NUL bytes), not a JSON, CSV or TSV file; nothing was imported \
             — is this the right file?",
            path.display()
        )));
    }
    Ok(())
}

pub fn parse_json(path: &Path, bytes: &[u8]) -> Result<ImportFile> {
    let text = decode(path, bytes, None)?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| json_error(path, &e))?;
    let from_value = |v: serde_json::Value| -> Result<ImportFile> {
        if v.is_array() {
            let quotes: Vec<ImportQuote> =
                serde_json::from_value(v).map_err(|e| json_error(path, &e))?;
            return Ok(ImportFile::Quotes(
                quotes
                    .into_iter()
                    .map(ImportQuote::into_new_quote)
                    .collect(),
            ));
        }
        if v.get("format").is_some() {
            let file: LibraryFile = serde_json::from_value(v).map_err(|e| json_error(path, &e))?;
            if file.format != crate::library::EXPORT_FORMAT {
                return Err(Error::invalid(format!(
                    "{}: format {:?} is not an OnRecord library export",
                    path.display(),
                    file.format
                )));
            }
            if file.version > 1 {
                return Err(Error::invalid(format!(
                    "{}: written by a newer OnRecord (export version {}); upgrade to import it",
                    path.display(),
                    file.version
                )));
            }
            return Ok(ImportFile::Library {
                speakers: file.speakers,
                sources: file.sources,
                quotes: file.quotes,
            });
        }
        if v.is_object() {
            let quote: ImportQuote = serde_json::from_value(v).map_err(|e| json_error(path, &e))?;
            return Ok(ImportFile::Quotes(vec![quote.into_new_quote()]));
        }
        Err(Error::invalid(format!(
            "{}: expected an OnRecord export, a list of quotes or one quote object",
            path.display()
        )))
    };
    let file = from_value(value)?;
    // Check every quote now, so that a bad one fails the file before anything is written.
    let check = |q: &NewQuote, n: usize| {
        store::validate(q).map_err(|e| {
            Error::invalid(format!(
                "{}: quote #{}: {e}; nothing was imported",
                path.display(),
                n + 1
            ))
        })
    };
    match &file {
        ImportFile::Quotes(quotes) => {
            for (n, q) in quotes.iter().enumerate() {
                check(q, n)?;
            }
        }
        ImportFile::Library { quotes, .. } => {
            for (n, q) in quotes.iter().enumerate() {
                check(&q.clone().into_new_quote(), n)?;
            }
        }
        ImportFile::Rows(_) | ImportFile::Many(_) => {}
    }
    Ok(file)
}

fn json_error(path: &Path, e: &serde_json::Error) -> Error {
    // serde_json's value-level errors carry no position; the message still names the field.
    if e.line() > 0 {
        line_error(path, e.line() as u64, format!("column {}: {e}", e.column()))
    } else {
        Error::invalid(format!("{}: {e}; nothing was imported", path.display()))
    }
}

/// Turns a file's bytes into text: a byte-order mark wins, then the label given, then UTF-8 if
/// the bytes are valid UTF-8, else Windows-1252 (what spreadsheet programs save as "CSV").
pub fn decode(path: &Path, bytes: &[u8], label: Option<&str>) -> Result<String> {
    if let Some((encoding, bom)) = declared_encoding(bytes, label)? {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return finish_decode(path, text.into_owned(), had_errors, encoding);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(text.into_owned())
        }
    }
}

/// The encoding a file declares, from its first bytes (`head`): its byte-order mark (with the
/// mark's length, to skip), else the label the user gave. `None`: UTF-8 if the whole file is
/// valid UTF-8, else Windows-1252 — the rule [`decode`] and the streamed tables share.
pub(crate) fn declared_encoding(
    head: &[u8],
    label: Option<&str>,
) -> Result<Option<(&'static Encoding, usize)>> {
    if let Some(found) = Encoding::for_bom(head) {
        return Ok(Some(found));
    }
    label.map(|l| Ok((encoding_for_label(l)?, 0))).transpose()
}

/// The encoding a WHATWG label names (`utf-8`, `windows-1252`, `latin1`, `gbk`…).
fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        Error::invalid(format!(
            "unknown encoding {label:?}; use a name such as utf-8, windows-1252, latin1 or utf-16le"
        ))
    })
}

fn finish_decode(
    path: &Path,
    text: String,
    had_errors: bool,
    encoding: &'static Encoding,
) -> Result<String> {
    if had_errors {
        return Err(undecodable(path, encoding));
    }
    Ok(text)
}

/// A file that is not in the encoding it was read in.
fn undecodable(path: &Path, encoding: &'static Encoding) -> Error {
    Error::invalid(format!(
        "{} is not valid {}; give the file's real encoding with --encoding",
        path.display(),
        encoding.name()
    ))
}

/// An error about one line of a file being imported.
fn line_error(path: &Path, line: u64, message: String) -> Error {
    Error::ImportLine {
        path: path.to_owned(),
        line,
        message,
    }
}

/// A column a table can have. Header names are matched loosely (case, spaces, underscores).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    Skip,
    Text,
    Speaker,
    /// A slug such as `barack-obama`, turned into "Barack Obama".
    SpeakerSlug,
    Title,
    Organization,
    OrganizationDescription,
    Outlet,
    SourceTitle,
    SourceKind,
    Author,
    Url,
    Date,
    Published,
    Medium,
    ToldTo,
    Tags,
    Language,
    Notes,
}

const COLUMN_NAMES: &str = "text, speaker, speaker_slug, title, organization, organization_description, outlet, source_title, source_kind, author, url, date, published, medium, told_to, tags, language, notes, or _ to skip";

fn column(name: &str) -> Option<Column> {
    let key: String = name
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect();
    Some(match key.as_str() {
        "_" | "" | "skip" => Column::Skip,
        "text" | "quote" | "statement" | "quotation" | "words" => Column::Text,
        "speaker" | "name" | "who" | "person" => Column::Speaker,
        "speaker_slug" | "slug" => Column::SpeakerSlug,
        "title" | "job_title" | "speaker_title" | "position" | "role" => Column::Title,
        "organization" | "organisation" | "org" | "employer" | "company" | "affiliation" => {
            Column::Organization
        }
        "organization_description" | "org_description" => Column::OrganizationDescription,
        "outlet" | "publication" | "publisher" | "newspaper" => Column::Outlet,
        "source_title" | "source" | "headline" | "article" | "venue" | "context" => {
            Column::SourceTitle
        }
        "source_kind" | "kind" => Column::SourceKind,
        "author" | "authors" | "byline" => Column::Author,
        "url" | "link" | "source_url" => Column::Url,
        "date" | "said_on" | "when" => Column::Date,
        "published" | "published_date" | "publication_date" => Column::Published,
        "medium" | "how" => Column::Medium,
        "told_to" => Column::ToldTo,
        "tags" | "tag" | "subjects" | "topics" | "keywords" => Column::Tags,
        "language" | "lang" => Column::Language,
        "notes" | "note" | "comment" | "comments" => Column::Notes,
        _ => return None,
    })
}

/// Reads a CSV or TSV table held in memory into new quotes. Every row is checked; the first
/// bad one fails the whole file with its line number.
pub fn read_table(
    path: &Path,
    bytes: &[u8],
    delimiter: u8,
    opts: &TableOptions,
) -> Result<Vec<NewQuote>> {
    let text = decode(path, bytes, opts.encoding.as_deref())?;
    let columns = opts.columns.as_deref().map(table_columns).transpose()?;
    rows::TableRows::new(path, text.as_bytes(), delimiter, columns)?.collect()
}

/// The columns named with `--columns`.
pub(crate) fn table_columns(names: &[String]) -> Result<Vec<Column>> {
    names
        .iter()
        .map(|n| {
            column(n).ok_or_else(|| {
                Error::invalid(format!(
                    "--columns: unknown column {n:?}; the columns are {COLUMN_NAMES}"
                ))
            })
        })
        .collect()
}

pub(crate) fn row_to_quote(
    columns: &[Column],
    record: &csv::StringRecord,
) -> std::result::Result<NewQuote, String> {
    let mut q = NewQuote::default();
    let mut source = NewSource::default();
    let value = |s: &str| Some(s.trim().to_owned()).filter(|v| !v.is_empty());
    let date = |s: &str, what: &str| -> std::result::Result<Option<NaiveDate>, String> {
        match value(s) {
            None => Ok(None),
            Some(v) => parse_date(&v).map(Some).map_err(|e| format!("{what}: {e}")),
        }
    };
    for (col, field) in columns.iter().zip(record.iter()) {
        match col {
            Column::Skip => {}
            Column::Text => q.text = field.trim().to_owned(),
            Column::Speaker => q.speaker = field.trim().to_owned(),
            Column::SpeakerSlug => {
                if q.speaker.is_empty() {
                    q.speaker = unslug(field);
                }
            }
            Column::Title => q.title = value(field),
            Column::Organization => q.organization = value(field),
            Column::OrganizationDescription => q.organization_description = value(field),
            Column::Outlet => source.outlet = value(field),
            Column::SourceTitle => source.title = value(field),
            Column::SourceKind => {
                if let Some(v) = value(field) {
                    source.kind = v.parse().map_err(|e: Error| e.to_string())?;
                }
            }
            Column::Author => {
                source.authors = field.split(';').filter_map(value).collect();
            }
            Column::Url => source.url = value(field),
            Column::Date => q.said_on = date(field, "date")?,
            Column::Published => source.published = date(field, "published")?,
            Column::Medium => {
                if let Some(v) = value(field) {
                    let (m, to) = Medium::parse_with_recipient(&v).map_err(|e| e.to_string())?;
                    q.medium = m;
                    if to.is_some() {
                        q.told_to = to;
                    }
                }
            }
            Column::ToldTo => q.told_to = value(field),
            Column::Tags => {
                q.tags = field.split([',', ';']).filter_map(value).collect();
            }
            Column::Language => q.language = value(field),
            Column::Notes => q.notes = value(field),
        }
    }
    if q.text.trim().is_empty() {
        return Err("the quote text is empty".into());
    }
    if q.speaker.trim().is_empty() {
        return Err("the speaker is empty".into());
    }
    if q.text.contains('\0') {
        return Err("the text contains a NUL character".into());
    }
    if !source.is_empty() {
        q.source = Some(source);
    }
    Ok(q)
}

/// `barack-obama` → `Barack Obama`.
fn unslug(slug: &str) -> String {
    slug.trim()
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &[u8], delimiter: u8, columns: Option<&str>) -> Result<Vec<NewQuote>> {
        let opts = TableOptions {
            columns: columns.map(|c| c.split(',').map(str::to_owned).collect()),
            encoding: None,
        };
        read_table(Path::new("t.csv"), text, delimiter, &opts)
    }

    #[test]
    fn header_row_names_the_columns_and_unknown_ones_are_skipped() {
        let qs = table(
            b"Quote,Speaker,Job Title,Employer,Date,Medium,Tags,Rating\n\"Hello, world\",Ann Lee,CEO,Acme,2025-01-02,told AP,\"a; b\",5\n",
            b',',
            None,
        )
        .unwrap();
        assert_eq!(qs.len(), 1);
        let q = &qs[0];
        assert_eq!(q.text, "Hello, world");
        assert_eq!(q.title.as_deref(), Some("CEO"));
        assert_eq!(q.organization.as_deref(), Some("Acme"));
        assert_eq!(q.medium, Medium::Told);
        assert_eq!(q.told_to.as_deref(), Some("AP"));
        assert_eq!(q.tags, vec!["a", "b"]);
    }

    #[test]
    fn tsv_without_quoting_keeps_quote_marks_and_unslugs_speakers() {
        let qs = table(
            b"1\tHe said \"no\" twice.\tbarack-obama\tPresident\n",
            b'\t',
            Some("_,text,speaker_slug,title"),
        )
        .unwrap();
        assert_eq!(qs[0].text, "He said \"no\" twice.");
        assert_eq!(qs[0].speaker, "Barack Obama");
    }

    #[test]
    fn windows_1252_is_detected() {
        let qs = table(
            b"text,speaker\nCaf\xe9 cr\xe8me,Jos\xe9 Mu\xf1oz\n",
            b',',
            None,
        )
        .unwrap();
        assert_eq!(qs[0].text, "Café crème");
        assert_eq!(qs[0].speaker, "José Muñoz");
    }

    #[test]
    fn a_ragged_row_names_its_line() {
        let err = table(b"text,speaker\na,b\nc\n", b',', None).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("line 3") && msg.contains("1 fields"), "{msg}");
    }

    #[test]
    fn a_missing_column_is_named() {
        let err = table(b"text,title\na,b\n", b',', None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("no column holds the speaker"), "{err}");
        let err = table(b"a\tb\n", b'\t', Some("text,bogus"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown column \"bogus\""), "{err}");
    }

    #[test]
    fn a_bad_date_names_its_line_and_field() {
        let err = table(
            b"text,speaker,date\na,b,2025-01-01\nc,d,01/02/2025\n",
            b',',
            None,
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("line 3") && err.contains("date"), "{err}");
    }

    #[test]
    fn json_errors_carry_position() {
        let err = parse_json(Path::new("x.json"), b"[{\"text\": \"a\", \"speaker\": 3}]")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("x.json") && err.contains("speaker") || err.contains("invalid type"),
            "{err}"
        );
        let err = parse_json(
            Path::new("x.json"),
            b"[{\"text\": \"\", \"speaker\": \"A\"}]",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("quote #1") && err.contains("empty"), "{err}");
    }
}
