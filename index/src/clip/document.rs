//! Clipping documents: PDFs, Word and OpenDocument files read into text and clipped like an
//! article, each quotation given its page (and column); transcripts, whose turns are the
//! candidates, each with its speaker's label (or the name the user gave it) and its time.

use std::path::Path;

use super::{Candidate, Clip, ClipOptions, clip_article, normalise_text};
use crate::documents::{self, Format, transcript};
use crate::error::{Error, Result};
use crate::model::{Locator, Medium, detect_language};

use super::article::Article;

/// Clips a file's bytes in whatever format they are (see [`documents::detect`]). `name` is
/// the file's name (for messages and to catch a mislabelled file), `path` where it is on disk
/// (PDFs are read from there).
pub fn clip_file(
    bytes: &[u8],
    name: Option<&str>,
    path: Option<&Path>,
    opts: &ClipOptions,
) -> Result<Clip> {
    let format = documents::detect(bytes, name)?;
    let what = name.unwrap_or("the input");
    match format {
        Format::Pdf | Format::Docx | Format::Odt => {
            let document = documents::read_document(bytes, format, path, what)?;
            Ok(clip_document(document, opts))
        }
        Format::Html | Format::Text | Format::Vtt | Format::Srt | Format::Transcript => {
            super::check_size(bytes.len())?;
            let text = super::article::decode_page(bytes, None);
            if text.trim().is_empty() {
                return Err(Error::invalid(
                    "the input is empty; there is nothing to clip",
                ));
            }
            match format {
                Format::Html => super::clip_html(&text, opts),
                Format::Vtt | Format::Srt => Ok(clip_transcript(&text, format, opts)),
                _ if transcript::looks_labelled(&text) => {
                    Ok(clip_transcript(&text, Format::Transcript, opts))
                }
                _ => super::clip_text(&text, opts),
            }
        }
    }
}

/// Clips a document's text as an article; each quotation gets the page it starts on.
pub fn clip_document(document: documents::Document, opts: &ClipOptions) -> Clip {
    let text = normalise_text(&document.text);
    let article = Article {
        title: opts.title.clone().or(document.title.clone()),
        byline: (!document.authors.is_empty()).then(|| document.authors.join(", ")),
        published: opts.date,
        site_name: opts.outlet.clone(),
        language: Some(detect_language(&text).to_owned()),
        url: opts.url.clone(),
        text,
    };
    let mut clip = clip_article(article);
    clip.format = document.format;
    // A PDF's quotations stand on pages; a Word or OpenDocument file's keep their offsets.
    for quote in &mut clip.quotes {
        if let Some(page) = document.locator_at(quote.start) {
            quote.locator = Some(page);
        }
    }
    clip
}

/// Reads a label mapping as users type it: `Speaker 2=Maria Lopez` (`Speaker 2=` leaves the
/// label unnamed).
pub fn speaker_mapping(text: &str) -> Result<(String, String)> {
    match text.split_once('=') {
        Some((label, name)) if !label.trim().is_empty() => {
            Ok((label.trim().to_owned(), name.trim().to_owned()))
        }
        _ => Err(Error::invalid(format!(
            "“{text}” is no speaker mapping; write LABEL=NAME, as in \"Speaker 2=Maria Lopez\""
        ))),
    }
}

/// The name a transcript's label stands for: the user's mapping first ("Speaker 2=Maria
/// Lopez"), then the label itself when it is a name ("MARIA LOPEZ" → "Maria Lopez"); a label
/// that names no one ("Speaker 2", "Q") stays unnamed.
fn speaker_of(label: Option<&str>, opts: &ClipOptions) -> (Option<String>, Option<String>) {
    let Some(label) = label else {
        return (
            None,
            Some("the transcript gives this turn no speaker".to_owned()),
        );
    };
    let key = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    if let Some((_, name)) = opts.speakers.iter().find(|(l, _)| key(l) == key(label)) {
        return match name.trim() {
            "" => (None, Some(format!("“{label}” is left unnamed"))),
            name => (Some(name.to_owned()), None),
        };
    }
    if transcript::is_generic(label) {
        return (
            None,
            Some(format!(
                "the transcript calls this speaker “{label}”: say who it is to save these words"
            )),
        );
    }
    (Some(transcript::name_of_label(label)), None)
}

/// The sentences of a turn worth quoting on their own (four words or more), each with the
/// character offset it starts at in the turn.
fn sentences_of(turn: &str) -> Vec<(String, usize)> {
    use super::attribution::tokens::{sentences, tokenize};
    let tokens = tokenize(turn);
    sentences(&tokens)
        .into_iter()
        .filter(|range| range.len() >= 5)
        .map(|range| {
            let (from, to) = (tokens[range.start].start, tokens[range.end - 1].end);
            (turn[from..to].to_owned(), turn[..from].chars().count())
        })
        .collect()
}

/// Clips a transcript: every turn is a candidate quotation said in an interview, with its
/// label's speaker and its time.
pub fn clip_transcript(text: &str, format: Format, opts: &ClipOptions) -> Clip {
    let turns = documents::read_transcript(&normalise_text(text), format);
    let (rendered, starts) = transcript::render(&turns);
    let language = detect_language(&rendered).to_owned();
    // Each turn whole, or each of its sentences worth quoting, with where its words start.
    let pieces: Vec<(&documents::Turn, String, usize)> = turns
        .iter()
        .zip(starts)
        .flat_map(|(turn, start)| match opts.sentences {
            false => vec![(turn, turn.text.clone(), start)],
            true => sentences_of(&turn.text)
                .into_iter()
                .map(|(text, at)| (turn, text, start + at))
                .collect(),
        })
        .collect();
    let quotes = pieces
        .into_iter()
        .filter(|(_, text, _)| text.chars().any(char::is_alphanumeric))
        .map(|(turn, text, start)| {
            let (speaker, note) = speaker_of(turn.label.as_deref(), opts);
            Candidate {
                id: None,
                text: text.clone(),
                speaker,
                co_speakers: Vec::new(),
                title: None,
                organization: None,
                organization_description: None,
                medium: Medium::Interview,
                told_to: None,
                said_on: opts.date,
                start,
                end: start + text.chars().count(),
                locator: Some(match turn.start {
                    Some(start) => Locator::Time {
                        start,
                        end: turn.end,
                    },
                    None => Locator::Chars {
                        chars: [start, start + text.chars().count()],
                    },
                }),
                language: detect_language(&text).to_owned(),
                mention: turn.label.clone(),
                cue: None,
                note,
                tags: Vec::new(),
            }
        })
        .collect();
    Clip {
        article: Article {
            title: opts.title.clone(),
            byline: None,
            published: opts.date,
            site_name: opts.outlet.clone(),
            language: Some(language),
            url: opts.url.clone(),
            text: rendered,
        },
        quotes,
        unclosed: Vec::new(),
        format,
    }
}
