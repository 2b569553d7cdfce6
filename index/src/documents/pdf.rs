//! PDFs, read by poppler's `pdftotext` (Debian's poppler-utils) in its layout mode: blocks of
//! lines in reading order, with their boxes, page by page. From those: paragraphs with line-end
//! hyphens joined, running headers and footers (and bare page numbers) dropped, and the page
//! and column each paragraph stands in. See docs/DOCUMENTS.md for why pdftotext and not a
//! pure-Rust reader.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::xml::{Node, attribute, walk};
use super::{Document, Format, PageSpan};
use crate::error::{Error, Result};

/// The most pages read: court filings run to hundreds; beyond this, split the file.
pub const MAX_PAGES: u32 = 2_000;
/// How long pdftotext may take before the PDF is given up on.
const TIME_LIMIT: Duration = Duration::from_secs(60);
/// The most layout output read (a page of text is a few tens of kB of it).
const MAX_OUTPUT: u64 = 512 * 1024 * 1024;

/// The program that reads PDFs, overridable for packaging (`ONRECORD_PDFTOTEXT`).
fn program() -> String {
    std::env::var("ONRECORD_PDFTOTEXT").unwrap_or_else(|_| "pdftotext".to_owned())
}

#[derive(Debug, Clone)]
struct Block {
    x_min: f32,
    y_min: f32,
    x_max: f32,
    y_max: f32,
    lines: Vec<String>,
}

/// What the layout gives besides the pages: the document's title and author, as its
/// properties say.
#[derive(Debug, Default)]
struct Properties {
    title: Option<String>,
    author: Option<String>,
}

#[derive(Debug, Default)]
struct Page {
    width: f32,
    height: f32,
    blocks: Vec<Block>,
}

/// Reads the PDF at `path` (its bytes are `bytes`, already checked to start like a PDF).
pub(super) fn read(path: &Path, what: &str) -> Result<Document> {
    let xml = run_pdftotext(path, what)?;
    let (pages, properties) = parse_layout(&xml, what)?;
    if pages.len() as u32 > MAX_PAGES {
        return Err(Error::invalid(format!(
            "{what} has more than {MAX_PAGES} pages; OnRecord reads at most {MAX_PAGES}: split \
             it (qpdf --pages) and clip the part you need"
        )));
    }
    let mut document = assemble(pages);
    document.title = properties.title.filter(|t| !is_file_name(t));
    document.authors = properties.author.into_iter().collect();
    if document.text.trim().is_empty() {
        return Err(Error::invalid(format!(
            "{what}: this PDF has no text (a scan?): OnRecord does not read images. Run it \
             through OCR (ocrmypdf, say) and clip the result"
        )));
    }
    Ok(document)
}

fn run_pdftotext(path: &Path, what: &str) -> Result<String> {
    let program = program();
    let mut child = Command::new(&program)
        .args(["-bbox-layout", "-enc", "UTF-8", "-l"])
        .arg((MAX_PAGES + 1).to_string())
        .arg(path)
        .arg("-")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            Error::invalid(format!(
                "reading PDFs needs poppler's {program}, which did not start ({e}): install \
                 poppler-utils (apt install poppler-utils) and try again"
            ))
        })?;
    let stdout = child.stdout.take().expect("piped");
    let stderr = child.stderr.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.take(MAX_OUTPUT + 1).read_to_end(&mut out);
        out
    });
    let errors = std::thread::spawn(move || {
        let mut out = String::new();
        let _ = stderr.take(64 * 1024).read_to_string(&mut out);
        out
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child
            .try_wait()
            .map_err(|e| Error::invalid(e.to_string()))?
        {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Error::invalid(format!(
                "{what} took over {} s to read and was given up on; is it very large or \
                 damaged?",
                TIME_LIMIT.as_secs()
            )));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let out = reader.join().unwrap_or_default();
    let errors = errors.join().unwrap_or_default();
    if !status.success() {
        // Exit 1 is "could not open": a password, or a file that is not a readable PDF.
        return Err(if errors.contains("password") {
            Error::invalid(format!(
                "{what} is encrypted: open it with its password, save an unprotected copy (or \
                 print it to PDF) and clip that"
            ))
        } else if status.code() == Some(3) {
            Error::invalid(format!(
                "{what} does not allow copying its text (its permissions forbid it)"
            ))
        } else {
            Error::invalid(format!(
                "{what} is damaged or not a PDF ({}); open it in a PDF viewer and save it again",
                errors.lines().next().unwrap_or("pdftotext failed").trim()
            ))
        });
    }
    if out.len() as u64 > MAX_OUTPUT {
        return Err(Error::invalid(format!(
            "{what} holds more text than OnRecord reads at once; split it and clip the part \
             you need"
        )));
    }
    String::from_utf8(out).map_err(|_| Error::invalid(format!("{what}: pdftotext gave no UTF-8")))
}

/// A title that is only the name of the file it was made from ("Microsoft Word - draft3.docx",
/// "report_final.indd"), which no citation should carry.
fn is_file_name(title: &str) -> bool {
    let lower = title.trim().to_lowercase();
    lower.is_empty()
        || lower.starts_with("microsoft word - ")
        || [
            ".doc", ".docx", ".pdf", ".indd", ".odt", ".rtf", ".txt", ".tmp",
        ]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// pdftotext's `-bbox-layout` XHTML: the document's title and author, then pages of flows of
/// blocks of lines of words.
fn parse_layout(xml: &str, what: &str) -> Result<(Vec<Page>, Properties)> {
    let number = |e: &quick_xml::events::BytesStart<'_>, name: &[u8]| {
        attribute(e, name)
            .and_then(|v| v.parse::<f32>().ok())
            .unwrap_or(0.0)
    };
    let mut pages: Vec<Page> = Vec::new();
    let mut properties = Properties::default();
    let mut in_word = false;
    let mut in_title = false;
    let mut raw_title = String::new();
    let clean = |t: &str| {
        Some(t.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|t| !t.is_empty())
    };
    walk(xml, what, |node| match node {
        Node::Open { name: b"title", .. } => in_title = true,
        Node::Close(b"title") => in_title = false,
        Node::Text(text) if in_title => raw_title.push_str(text),
        Node::Open {
            name: b"meta",
            element,
        } if attribute(element, b"name").as_deref() == Some("Author") => {
            properties.author = attribute(element, b"content").and_then(|a| clean(&a));
        }
        Node::Open {
            name: b"page",
            element,
            ..
        } => pages.push(Page {
            width: number(element, b"width"),
            height: number(element, b"height"),
            blocks: Vec::new(),
        }),
        Node::Open {
            name: b"block",
            element,
            ..
        } => {
            if let Some(page) = pages.last_mut() {
                page.blocks.push(Block {
                    x_min: number(element, b"xMin"),
                    y_min: number(element, b"yMin"),
                    x_max: number(element, b"xMax"),
                    y_max: number(element, b"yMax"),
                    lines: Vec::new(),
                });
            }
        }
        Node::Open { name: b"line", .. } => {
            if let Some(block) = pages.last_mut().and_then(|p| p.blocks.last_mut()) {
                block.lines.push(String::new());
            }
        }
        Node::Open { name: b"word", .. } => in_word = true,
        Node::Close(b"word") => in_word = false,
        Node::Text(text) if in_word => {
            if let Some(line) = pages
                .last_mut()
                .and_then(|p| p.blocks.last_mut())
                .and_then(|b| b.lines.last_mut())
            {
                if !line.is_empty() && !text.is_empty() && !line.ends_with(' ') {
                    line.push(' ');
                }
                line.push_str(text.trim());
            }
        }
        _ => {}
    })?;
    properties.title = clean(&raw_title);
    Ok((pages, properties))
}

/// A block's text with digits masked, to recognise "Page 3" and "Page 4" as one running line.
fn shape(block: &Block) -> String {
    block
        .lines
        .join(" ")
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect::<String>()
        .to_lowercase()
}

/// Whether a block is only a page number ("4", "- 4 -", "Page 4", "4 of 12", "iv").
fn is_page_number(block: &Block) -> bool {
    let text = block.lines.join(" ").to_lowercase();
    let text = text.trim().trim_matches(['-', '–', '—', ' ']);
    let text = text.strip_prefix("page").unwrap_or(text).trim();
    let digits = text.split(" of ").all(|part| {
        let part = part.trim();
        !part.is_empty() && part.chars().all(|c| c.is_ascii_digit())
    });
    let roman = !text.is_empty() && text.len() <= 6 && text.chars().all(|c| "ivxlc".contains(c));
    digits || roman
}

/// In the top or bottom margin of its page (a tenth of its height).
fn in_margin(block: &Block, page: &Page) -> bool {
    let margin = page.height * 0.1;
    page.height > 0.0 && (block.y_max <= margin || block.y_min >= page.height - margin)
}

/// Paragraphs in reading order with their pages and columns; headers, footers and page
/// numbers left out.
fn assemble(pages: Vec<Page>) -> Document {
    // A line in the margins on at least half the pages (and two of them) runs on every page.
    // Each margin block's shape, by page and block.
    let shapes: Vec<Vec<Option<String>>> = pages
        .iter()
        .map(|page| {
            let in_it = |b: &Block| in_margin(b, page).then(|| shape(b));
            page.blocks.iter().map(in_it).collect()
        })
        .collect();
    let mut counts: std::collections::HashMap<&str, usize> = Default::default();
    for page in &shapes {
        let mut seen = std::collections::HashSet::new();
        for shape in page.iter().flatten() {
            if seen.insert(shape) {
                *counts.entry(shape).or_default() += 1;
            }
        }
    }
    let running = |block: &Block, shape: &Option<String>| match shape {
        None => false,
        Some(shape) => {
            is_page_number(block)
                || pages.len() >= 2
                    && counts
                        .get(shape.as_str())
                        .is_some_and(|n| *n * 2 >= pages.len() && *n >= 2)
        }
    };
    let mut paragraphs = Vec::new();
    let mut spans = Vec::new();
    let mut chars = 0usize;
    for (number, (page, shapes)) in pages.iter().zip(&shapes).enumerate() {
        let columns = two_columns(page);
        for (block, shape) in page.blocks.iter().zip(shapes) {
            if running(block, shape) {
                continue;
            }
            let text = join_lines(&block.lines);
            if text.is_empty() {
                continue;
            }
            let span = PageSpan {
                start: chars,
                page: number as u32 + 1,
                column: columns.then(|| side(block, page)).flatten(),
            };
            if spans
                .last()
                .is_none_or(|s: &PageSpan| s.page != span.page || s.column != span.column)
            {
                spans.push(span);
            }
            chars += text.chars().count() + 1;
            paragraphs.push(text);
        }
    }
    let mut document = Document::from_paragraphs(Format::Pdf, paragraphs, None, Vec::new());
    document.pages = spans;
    document
}

/// The half of the page a block lies wholly in (a little past the middle allowed): 1 for the
/// left, 2 for the right, `None` for a block across both.
fn side(block: &Block, page: &Page) -> Option<u32> {
    let middle = page.width / 2.0;
    if block.x_max <= middle * 1.1 {
        Some(1)
    } else if block.x_min >= middle * 0.9 {
        Some(2)
    } else {
        None
    }
}

/// A page set in two columns: blocks wholly in each half, and most of the text in them.
/// (A narrow block near the middle counts in both halves here.)
fn two_columns(page: &Page) -> bool {
    let middle = page.width / 2.0;
    let left = page
        .blocks
        .iter()
        .filter(|b| b.x_max <= middle * 1.1)
        .count();
    let right = page
        .blocks
        .iter()
        .filter(|b| b.x_min >= middle * 0.9)
        .count();
    left >= 1 && right >= 1 && (left + right) * 2 > page.blocks.len()
}

/// A block's lines as one paragraph: a word broken by a hyphen at a line end is joined
/// ("commu-" + "nities"), other lines meet with a space.
fn join_lines(lines: &[String]) -> String {
    let mut text = String::new();
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        let continues_word = text.ends_with('-')
            && !text.ends_with(" -")
            && text[..text.len() - 1].ends_with(char::is_alphabetic)
            && line.starts_with(char::is_lowercase);
        if continues_word {
            text.pop();
        } else if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(line);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(y: f32, text: &str) -> Block {
        Block {
            x_min: 72.0,
            y_min: y,
            x_max: 300.0,
            y_max: y + 10.0,
            lines: vec![text.to_owned()],
        }
    }

    #[test]
    fn line_end_hyphens_join_words_but_keep_dashes_and_compounds() {
        let lines = [
            "the coastal commu-",
            "nities stay",
            "a well-",
            "Known name -",
            "then",
        ]
        .map(str::to_owned);
        assert_eq!(
            join_lines(&lines),
            "the coastal communities stay a well- Known name - then"
        );
    }

    #[test]
    fn titles_that_are_file_names_are_not_titles() {
        assert!(is_file_name("Microsoft Word - draft3.docx"));
        assert!(is_file_name("report_final.indd"));
        assert!(!is_file_name("Harbor Wind survey complete"));
    }

    #[test]
    fn page_numbers_and_running_lines_are_dropped() {
        let page = |n: usize, body: &str| Page {
            width: 612.0,
            height: 792.0,
            blocks: vec![
                block(30.0, "ANNUAL REPORT 2026"),
                block(300.0, body),
                block(760.0, &format!("Page {n} of 3")),
            ],
        };
        let document = assemble(vec![page(1, "One."), page(2, "Two."), page(3, "Three.")]);
        assert_eq!(document.text, "One.\nTwo.\nThree.");
        let pages: Vec<u32> = document.pages.iter().map(|s| s.page).collect();
        assert_eq!(pages, [1, 2, 3]);
        // One page: a title at the top is not a running header.
        let single = assemble(vec![page(1, "Body.")]);
        assert_eq!(single.text, "ANNUAL REPORT 2026\nBody.");
    }
}
