//! Word (.docx) and OpenDocument (.odt) texts: zip files of XML. Paragraphs are kept, tracked
//! changes read as accepted (insertions in, deletions out), footnotes follow the body under
//! their numbers, comments are left out. A zip bomb is refused by size before it is inflated.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::xml::{Node, attribute, walk};
use super::{Document, Format};
use crate::error::{Error, Result};

/// The most any one part of a document may inflate to. Real documents' XML is a few MB; a
/// part declaring more is a zip bomb or not a text document.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// The most members a document's zip may have (Word writes a dozen; images add a few hundred).
const MAX_MEMBERS: usize = 10_000;

type Zip<'a> = ZipArchive<Cursor<&'a [u8]>>;

pub(super) fn open<'a>(bytes: &'a [u8], what: &str) -> Result<Zip<'a>> {
    let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        Error::invalid(format!(
            "{what} is damaged: its zip container does not read ({e}); open and save it again"
        ))
    })?;
    if zip.len() > MAX_MEMBERS {
        return Err(Error::invalid(format!(
            "{what} holds {} files; a text document holds far fewer — is this the right file?",
            zip.len()
        )));
    }
    Ok(zip)
}

/// The text of one member, or `None` when the document has no such part.
pub(super) fn part(zip: &mut Zip<'_>, name: &str, what: &str) -> Result<Option<String>> {
    let mut file = match zip.by_name(name) {
        Ok(file) => file,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(Error::invalid(format!(
                "{what} is damaged: {name} does not read ({e}); open and save it again"
            )));
        }
    };
    let too_big = || {
        Error::invalid(format!(
            "{what} is refused: its {name} inflates to more than {} MB (a zip bomb, or not a \
             text document)",
            MAX_PART_BYTES / (1024 * 1024)
        ))
    };
    if file.size() > MAX_PART_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    // The declared size can lie: read no further than the cap either way.
    (&mut file)
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Error::invalid(format!(
                "{what} is damaged: {name} does not inflate ({e}); open and save it again"
            ))
        })?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(too_big());
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| Error::invalid(format!("{what} is damaged: {name} is not UTF-8 XML")))
}

/// Paragraph text as it accumulates: runs of white space become one space.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
}

impl Paragraphs {
    fn push_str(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                if !self.current.is_empty() && !self.current.ends_with(' ') {
                    self.current.push(' ');
                }
            } else {
                self.current.push(c);
            }
        }
    }

    fn end(&mut self) {
        let text = self.current.trim_end().to_owned();
        self.current.clear();
        if !text.is_empty() {
            self.done.push(text);
        }
    }
}

/// Reads a Word document's body and footnotes.
pub(super) fn docx(bytes: &[u8], what: &str) -> Result<Document> {
    let mut zip = open(bytes, what)?;
    let body = part(&mut zip, "word/document.xml", what)?.ok_or_else(|| {
        Error::invalid(format!(
            "{what} is a zip file with no word/document.xml: not a Word document"
        ))
    })?;
    let (mut paragraphs, references) = word_paragraphs(&body, what)?;
    if let Some(notes) = part(&mut zip, "word/footnotes.xml", what)? {
        let notes = word_notes(&notes, what)?;
        for (number, id) in references.iter().enumerate() {
            if let Some((_, text)) = notes.iter().find(|(n, _)| n == id) {
                paragraphs.push(format!("{}. {text}", number + 1));
            }
        }
    }
    let (title, authors) = match part(&mut zip, "docProps/core.xml", what)? {
        Some(core) => properties(&core, what)?,
        None => (None, Vec::new()),
    };
    Ok(Document::from_paragraphs(
        Format::Docx,
        paragraphs,
        title,
        authors,
    ))
}

/// Word elements whose content is not the accepted text: deletions, moved-away text, field
/// codes, the fallback copy of text boxes, comments' anchors.
const WORD_SKIPPED: &[&[u8]] = &[
    b"del",
    b"moveFrom",
    b"instrText",
    b"delInstrText",
    b"Fallback",
    b"commentReference",
];

/// The paragraphs of a Word part, and the footnotes referred to, in order.
fn word_paragraphs(xml: &str, what: &str) -> Result<(Vec<String>, Vec<String>)> {
    let mut out = Paragraphs::default();
    let mut references = Vec::new();
    let mut skipping = 0usize;
    let mut in_text = false;
    walk(xml, what, |node| match node {
        Node::Open { .. } if skipping > 0 => skipping += 1,
        Node::Close(_) if skipping > 0 => skipping -= 1,
        Node::Open { name, .. } if WORD_SKIPPED.contains(&name) => skipping = 1,
        Node::Open { name, element, .. } => match name {
            b"p" => out.end(),
            b"t" => in_text = true,
            b"tab" | b"br" | b"cr" => out.push_str(" "),
            b"noBreakHyphen" => out.push_str("-"),
            b"footnoteReference" => references.extend(attribute(element, b"id")),
            _ => {}
        },
        Node::Close(name) => match name {
            b"p" => out.end(),
            b"t" => in_text = false,
            _ => {}
        },
        Node::Text(text) if in_text && skipping == 0 => out.push_str(text),
        Node::Text(_) => {}
    })?;
    out.end();
    Ok((out.done, references))
}

/// Word's footnotes by id (separators left out).
fn word_notes(xml: &str, what: &str) -> Result<Vec<(String, String)>> {
    let mut notes = Vec::new();
    let mut current: Option<(String, Paragraphs)> = None;
    let mut in_text = false;
    walk(xml, what, |node| match node {
        Node::Open {
            name: b"footnote",
            element,
            ..
        } => {
            let separator = attribute(element, b"type").is_some_and(|t| t != "normal");
            current = (!separator).then(|| {
                (
                    attribute(element, b"id").unwrap_or_default(),
                    Paragraphs::default(),
                )
            });
        }
        Node::Close(b"footnote") => {
            if let Some((id, mut text)) = current.take() {
                text.end();
                notes.push((id, text.done.join(" ")));
            }
        }
        Node::Open { name: b"t", .. } => in_text = true,
        Node::Close(b"t") => in_text = false,
        Node::Open {
            name: b"tab" | b"br",
            ..
        } => {
            if let Some((_, text)) = &mut current {
                text.push_str(" ");
            }
        }
        Node::Close(b"p") => {
            if let Some((_, text)) = &mut current {
                text.end();
            }
        }
        Node::Text(t) if in_text => {
            if let Some((_, text)) = &mut current {
                text.push_str(t);
            }
        }
        _ => {}
    })?;
    Ok(notes)
}

/// The title and authors a document's properties give (Dublin Core in both formats).
fn properties(xml: &str, what: &str) -> Result<(Option<String>, Vec<String>)> {
    let (mut title, mut authors) = (None::<String>, Vec::new());
    let mut field: Option<&'static str> = None;
    walk(xml, what, |node| match node {
        Node::Open { name, .. } => {
            field = match name {
                b"title" => Some("title"),
                b"creator" | b"initial-creator" => Some("creator"),
                _ => None,
            }
        }
        Node::Close(_) => field = None,
        Node::Text(text) => {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            match field {
                _ if text.is_empty() => {}
                Some("title") => title = Some(text),
                Some(_) if !authors.contains(&text) => authors.push(text),
                _ => {}
            }
        }
    })?;
    Ok((title, authors))
}

/// Reads an OpenDocument text's body and footnotes.
pub(super) fn odt(bytes: &[u8], what: &str) -> Result<Document> {
    let mut zip = open(bytes, what)?;
    let content = part(&mut zip, "content.xml", what)?.ok_or_else(|| {
        Error::invalid(format!(
            "{what} is a zip file with no content.xml: not an OpenDocument text"
        ))
    })?;
    let mut out = Paragraphs::default();
    let mut notes: Vec<String> = Vec::new();
    let mut note: Option<Paragraphs> = None;
    let mut skipping = 0usize;
    let mut depth_in_paragraph = 0usize;
    walk(&content, what, |node| {
        let target = match note.as_mut() {
            Some(n) => n,
            None => &mut out,
        };
        match node {
            Node::Open { .. } if skipping > 0 => skipping += 1,
            Node::Close(_) if skipping > 0 => skipping -= 1,
            Node::Text(_) if skipping > 0 => {}
            // Deleted text lives in the tracked-changes log; what is in the body is accepted.
            Node::Open {
                name: b"tracked-changes" | b"note-citation" | b"annotation",
                ..
            } => skipping = 1,
            Node::Open {
                name: b"note-body", ..
            } => note = Some(Paragraphs::default()),
            Node::Close(b"note-body") => {
                if let Some(mut n) = note.take() {
                    n.end();
                    notes.push(n.done.join(" "));
                }
            }
            Node::Open {
                name: b"p" | b"h", ..
            } => {
                target.end();
                depth_in_paragraph += 1;
            }
            Node::Close(b"p" | b"h") => {
                target.end();
                depth_in_paragraph = depth_in_paragraph.saturating_sub(1);
            }
            Node::Open {
                name: b"s",
                element,
                ..
            } => {
                let count = attribute(element, b"c")
                    .and_then(|c| c.parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(8);
                target.push_str(&" ".repeat(count));
            }
            Node::Open {
                name: b"tab" | b"line-break",
                ..
            } => target.push_str(" "),
            Node::Text(text) if depth_in_paragraph > 0 => target.push_str(text),
            _ => {}
        }
    })?;
    out.end();
    let mut paragraphs = out.done;
    for (number, text) in notes.iter().enumerate() {
        paragraphs.push(format!("{}. {text}", number + 1));
    }
    let (title, authors) = match part(&mut zip, "meta.xml", what)? {
        Some(meta) => properties(&meta, what)?,
        None => (None, Vec::new()),
    };
    Ok(Document::from_paragraphs(
        Format::Odt,
        paragraphs,
        title,
        authors,
    ))
}
