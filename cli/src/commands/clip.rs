//! `onrecord clip`: Extract an article's quotations with their speakers (FILE, URL, or - for
//! standard input).

use crate::print::{print_clip, print_json};
use crate::{Target, date_arg, open, opt};
use clap::Args;
use onrecord::Error;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct ClipArgs {
    /// An HTML page, text, PDF, Word (.docx) or OpenDocument (.odt) file, a transcript (.vtt,
    /// .srt, or "Name: words" text), an http(s) URL, or - to read standard input.
    input: String,
    /// The article's address (for a saved page or pasted text).
    #[arg(long)]
    url: Option<String>,
    /// The publication (when the page does not say).
    #[arg(long)]
    outlet: Option<String>,
    /// The publication date, YYYY-MM-DD (when the page does not say, or to correct it).
    #[arg(long)]
    date: Option<String>,
    /// The article's title.
    #[arg(long)]
    title: Option<String>,
    /// For transcripts: who a speaker label is, as LABEL=NAME ("Speaker 2=Maria Lopez");
    /// repeatable. LABEL= leaves the label unnamed.
    #[arg(long = "speaker", value_name = "LABEL=NAME")]
    speakers: Vec<String>,
    /// For transcripts: offer each sentence worth quoting (four words or more) instead of
    /// whole turns.
    #[arg(long)]
    sentences: bool,
    /// Store the article and every quotation that has a speaker.
    #[arg(long)]
    save: bool,
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: ClipArgs, target: Target) -> Result<ExitCode, Error> {
    let opts = onrecord::clip::ClipOptions {
        url: opt(args.url.clone()),
        outlet: opt(args.outlet),
        date: date_arg(args.date.as_deref(), "--date")?,
        title: opt(args.title),
        speakers: args
            .speakers
            .iter()
            .map(|m| onrecord::clip::speaker_mapping(m))
            .collect::<Result<_, _>>()?,
        sentences: args.sentences,
    };
    let mut clip = onrecord::files::read_article(&args.input, opts)?;
    let report = if args.save {
        let mut library = open(target)?;
        Some(library.save_clip(&mut clip)?)
    } else {
        None
    };
    if args.json {
        print_json(&clip)?;
    } else {
        print_clip(&clip, report.as_ref());
    }
    Ok(ExitCode::SUCCESS)
}
