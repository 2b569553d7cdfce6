//! Documents beyond web pages: PDF, Word (.docx), OpenDocument (.odt) and interview
//! transcripts (WebVTT, SubRip, speaker-labelled text). Each is read into plain text, one
//! paragraph a line, with where its pages (or turns) stand, for clipping and checking.
//!
//! The format is recognised by content, not by the file's name; a name that says otherwise,
//! or a file OnRecord does not read, gets an error naming what it looks like.

mod office;
mod pdf;
pub mod transcript;
mod xml;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use pdf::MAX_PAGES;
pub use transcript::Turn;

/// The largest document file read (PDFs of court filings and reports run to tens of MB).
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// What a file holds, as far as OnRecord reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Html,
    #[default]
    Text,
    Pdf,
    Docx,
    Odt,
    /// WebVTT captions or transcript.
    Vtt,
    /// SubRip captions.
    Srt,
    /// Speaker-labelled text ("MARIA LOPEZ: …").
    Transcript,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Text => "text",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Vtt => "vtt",
            Format::Srt => "srt",
            Format::Transcript => "transcript",
        }
    }

    /// How people call it in messages.
    pub fn describe(self) -> &'static str {
        match self {
            Format::Html => "an HTML page",
            Format::Text => "plain text",
            Format::Pdf => "a PDF",
            Format::Docx => "a Word document",
            Format::Odt => "an OpenDocument text",
            Format::Vtt => "a WebVTT transcript",
            Format::Srt => "a SubRip transcript",
            Format::Transcript => "a speaker-labelled transcript",
        }
    }

    pub fn is_transcript(self) -> bool {
        matches!(self, Format::Vtt | Format::Srt | Format::Transcript)
    }

    /// The format a file name's extension claims, if it names one OnRecord reads.
    pub fn from_name(name: &str) -> Option<Format> {
        let extension = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "html" | "htm" | "xhtml" => Format::Html,
            "txt" | "text" | "md" => Format::Text,
            "pdf" => Format::Pdf,
            "docx" => Format::Docx,
            "odt" => Format::Odt,
            "vtt" => Format::Vtt,
            "srt" => Format::Srt,
            _ => return None,
        })
    }
}

/// Where a page (and column) starts in a document's text, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageSpan {
    pub start: usize,
    pub page: u32,
    pub column: Option<u32>,
}

/// A document read into text.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub format: Format,
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// One paragraph a line.
    pub text: String,
    /// For PDFs: where each page (and column) starts in `text`, in order.
    pub pages: Vec<PageSpan>,
}

impl Document {
    fn from_paragraphs(
        format: Format,
        paragraphs: Vec<String>,
        title: Option<String>,
        authors: Vec<String>,
    ) -> Document {
        Document {
            format,
            title,
            authors,
            text: paragraphs.join("\n"),
            pages: Vec::new(),
        }
    }

    /// The page (and column) the character at `offset` stands on.
    pub fn locator_at(&self, offset: usize) -> Option<crate::model::Locator> {
        let at = self.pages.partition_point(|s| s.start <= offset);
        let span = self.pages.get(at.checked_sub(1)?)?;
        Some(crate::model::Locator::Page {
            page: span.page,
            column: span.column,
        })
    }
}

/// Whether bytes begin like a PDF or a zip file (Word, OpenDocument): the files allowed up to
/// [`MAX_DOCUMENT_BYTES`] rather than an article's size.
pub fn is_document(head: &[u8]) -> bool {
    head.starts_with(b"%PDF-") || head.starts_with(b"PK\x03\x04")
}

/// What a file's first bytes say it is. Formats OnRecord does not read are errors that name
/// what the file looks like.
pub fn detect(bytes: &[u8], name: Option<&str>) -> Result<Format> {
    let what = name.unwrap_or("the input");
    let claimed = name.and_then(Format::from_name);
    let head = &bytes[..bytes.len().min(4096)];
    let found = sniff(bytes, head);
    match found {
        Ok(format) => {
            // A name that promises a binary format the content does not have is a mistake
            // worth saying (a .pdf that is really HTML would clip as HTML silently otherwise).
            if let Some(claimed) = claimed
                && claimed != format
                && matches!(claimed, Format::Pdf | Format::Docx | Format::Odt)
            {
                return Err(Error::invalid(format!(
                    "{what} is named as {} but holds {}; check that it is the right file",
                    claimed.describe(),
                    format.describe()
                )));
            }
            Ok(format)
        }
        Err(looks_like) => Err(Error::invalid(match claimed {
            Some(claimed) => format!(
                "{what} is named as {} but looks like {looks_like}; OnRecord reads HTML, text, \
                 PDF, Word (.docx), OpenDocument (.odt) and transcripts (.vtt, .srt, labelled text)",
                claimed.describe()
            ),
            None => format!(
                "{what} looks like {looks_like}; OnRecord reads HTML, text, PDF, Word (.docx), \
                 OpenDocument (.odt) and transcripts (.vtt, .srt, labelled text)"
            ),
        })),
    }
}

/// The format by content, or what the bytes look like when it is none OnRecord reads.
fn sniff(bytes: &[u8], head: &[u8]) -> std::result::Result<Format, &'static str> {
    let starts = |magic: &[u8]| head.starts_with(magic);
    if head.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if starts(b"PK\x03\x04") {
        return match office_kind(bytes) {
            Some(format) => Ok(format),
            None => Err(zip_kind(bytes)),
        };
    }
    let binary: &[(&[u8], &str)] = &[
        (
            b"\xd0\xcf\x11\xe0",
            "an old Word or Office file (.doc): save it as .docx and try again",
        ),
        (
            b"{\\rtf",
            "an RTF document: save it as .docx or .odt and try again",
        ),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"\x7fELF", "a program"),
        (
            b"ID3",
            "an MP3 recording (OnRecord reads transcripts, not audio)",
        ),
        (
            b"OggS",
            "an Ogg recording (OnRecord reads transcripts, not audio)",
        ),
        (
            b"RIFF",
            "a WAV or AVI recording (OnRecord reads transcripts, not audio)",
        ),
    ];
    if let Some((_, what)) = binary.iter().find(|(magic, _)| starts(magic)) {
        return Err(what);
    }
    if head.len() >= 8 && &head[4..8] == b"ftyp" {
        return Err("an MP4 or M4A recording (OnRecord reads transcripts, not audio)");
    }
    if head.iter().take(8192).any(|b| *b == 0) {
        return Err("binary data");
    }
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with("WEBVTT") {
        return Ok(Format::Vtt);
    }
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    if let (Some(first), Some(second)) = (lines.next(), lines.next())
        && first.chars().all(|c| c.is_ascii_digit())
        && second.contains("-->")
    {
        return Ok(Format::Srt);
    }
    if crate::clip::article::looks_like_html(text) {
        return Ok(Format::Html);
    }
    Ok(Format::Text)
}

/// Which office document a zip file is, from its members.
fn office_kind(bytes: &[u8]) -> Option<Format> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    if zip.index_for_name("word/document.xml").is_some() {
        return Some(Format::Docx);
    }
    // OpenDocument names its kind in a small `mimetype` member.
    let has_content = zip.index_for_name("content.xml").is_some();
    let mut kind = String::new();
    match zip.by_name("mimetype") {
        Ok(file) => {
            file.take(256).read_to_string(&mut kind).ok()?;
        }
        Err(_) => return has_content.then_some(Format::Odt),
    }
    (kind.trim() == "application/vnd.oasis.opendocument.text").then_some(Format::Odt)
}

/// What a zip file that is no text document looks like.
fn zip_kind(bytes: &[u8]) -> &'static str {
    let has = |needle: &[u8]| bytes.windows(needle.len()).take(4096).any(|w| w == needle);
    if has(b"xl/") {
        "an Excel workbook (OnRecord reads text documents: .docx, .odt)"
    } else if has(b"ppt/") {
        "a PowerPoint presentation (OnRecord reads text documents: .docx, .odt)"
    } else if has(b"opendocument.spreadsheet") || has(b"opendocument.presentation") {
        "an OpenDocument spreadsheet or presentation (OnRecord reads text documents: .odt)"
    } else if has(b"epub") {
        "an EPUB book"
    } else {
        "a zip archive, not a Word or OpenDocument text"
    }
}

/// Reads a PDF, Word or OpenDocument file's text. `path` is where its bytes are on disk (PDFs
/// are read by pdftotext from the file); `what` names it in errors.
pub fn read_document(
    bytes: &[u8],
    format: Format,
    path: Option<&Path>,
    what: &str,
) -> Result<Document> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::invalid(format!(
            "{what} is {} MB; OnRecord reads documents up to {} MB — split it and clip the part \
             you need",
            bytes.len() / (1024 * 1024),
            MAX_DOCUMENT_BYTES / (1024 * 1024)
        )));
    }
    match format {
        Format::Docx => office::docx(bytes, what),
        Format::Odt => office::odt(bytes, what),
        Format::Pdf => match path {
            Some(path) => pdf::read(path, what),
            None => {
                let mut file = tempfile::Builder::new()
                    .prefix("onrecord-")
                    .suffix(".pdf")
                    .tempfile()
                    .map_err(|e| {
                        Error::invalid(format!("could not stage {what} to read it: {e}"))
                    })?;
                std::io::Write::write_all(&mut file, bytes).map_err(|e| {
                    Error::invalid(format!("could not stage {what} to read it: {e}"))
                })?;
                pdf::read(file.path(), what)
            }
        },
        other => Err(Error::invalid(format!(
            "{what} is {}, not a document to read as one",
            other.describe()
        ))),
    }
}

/// Reads a transcript's turns.
pub fn read_transcript(text: &str, format: Format) -> Vec<Turn> {
    match format {
        Format::Vtt | Format::Srt => transcript::read_cues(text),
        _ => transcript::read_labelled(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_content_and_mislabels_named() {
        assert_eq!(detect(b"%PDF-1.4\n", None).unwrap(), Format::Pdf);
        assert_eq!(detect(b"WEBVTT\n\n", Some("a.txt")).unwrap(), Format::Vtt);
        assert_eq!(
            detect(b"1\n00:00:01,000 --> 00:00:02,000\nHi\n", None).unwrap(),
            Format::Srt
        );
        assert_eq!(
            detect(b"<html><p>Hi</p>", Some("x.html")).unwrap(),
            Format::Html
        );
        let err = detect(b"\x89PNG\r\n\x1a\n....", Some("photo.pdf")).unwrap_err();
        assert!(
            err.to_string()
                .contains("named as a PDF but looks like a PNG image"),
            "{err}"
        );
        let err = detect(b"\xd0\xcf\x11\xe0....", Some("old.doc")).unwrap_err();
        assert!(err.to_string().contains("save it as .docx"), "{err}");
        let err = detect(b"<html>hi</html>", Some("report.pdf")).unwrap_err();
        assert!(err.to_string().contains("holds an HTML page"), "{err}");
        let err = detect(&[0x13, 0x00, 0xff, 0x20], Some("talk.vtt")).unwrap_err();
        assert!(err.to_string().contains("binary data"), "{err}");
    }

    #[test]
    fn page_locators_follow_the_page_spans() {
        let document = Document {
            pages: vec![
                PageSpan {
                    start: 0,
                    page: 1,
                    column: None,
                },
                PageSpan {
                    start: 10,
                    page: 2,
                    column: Some(1),
                },
                PageSpan {
                    start: 20,
                    page: 2,
                    column: Some(2),
                },
            ],
            ..Document::default()
        };
        use crate::model::Locator::Page;
        assert_eq!(
            document.locator_at(3),
            Some(Page {
                page: 1,
                column: None
            })
        );
        assert_eq!(
            document.locator_at(10),
            Some(Page {
                page: 2,
                column: Some(1)
            })
        );
        assert_eq!(
            document.locator_at(25),
            Some(Page {
                page: 2,
                column: Some(2)
            })
        );
    }
}
