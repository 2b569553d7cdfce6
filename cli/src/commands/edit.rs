//! `onrecord edit`: Change fields of one quote (an empty value clears an optional field).

use crate::print::{describe, print_json};
use crate::{Target, open, opt};
use clap::Args;
use onrecord::model::{Medium, parse_date};
use onrecord::{Error, QuoteEdit, QuoteId};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct EditArgs {
    id: String,
    #[arg(long)]
    text: Option<String>,
    #[arg(long)]
    speaker: Option<String>,
    /// Replaces those who said it with the speaker (repeat for several; `--co-speaker ""`
    /// removes them all).
    #[arg(long = "co-speaker")]
    co_speakers: Vec<String>,
    #[arg(long)]
    title: Option<String>,
    #[arg(long = "org", alias = "organization")]
    organization: Option<String>,
    #[arg(long = "org-description")]
    organization_description: Option<String>,
    #[arg(long)]
    medium: Option<String>,
    #[arg(long)]
    told_to: Option<String>,
    #[arg(long)]
    date: Option<String>,
    /// Replaces the stories it belongs to (repeat for several; `--story ""` takes it out of
    /// all; a story not there yet is created).
    #[arg(long = "story")]
    stories: Vec<String>,
    /// Replaces all tags (repeat for several; `--tag ""` removes them all).
    #[arg(long = "tag")]
    tags: Vec<String>,
    #[arg(long)]
    language: Option<String>,
    #[arg(long)]
    notes: Option<String>,
    #[arg(long)]
    json: bool,
}
fn quote_edit(args: EditArgs) -> Result<QuoteEdit, Error> {
    // An empty value clears an optional field.
    let clearable = |v: Option<String>| v.map(|v| Some(v).filter(|v| !v.trim().is_empty()));
    let (medium, told_to_from_medium) = match args.medium.as_deref() {
        Some(m) => {
            let (m, to) = Medium::parse_with_recipient(m)?;
            (Some(m), to)
        }
        None => (None, None),
    };
    Ok(QuoteEdit {
        text: args.text,
        speaker: args.speaker,
        co_speakers: (!args.co_speakers.is_empty()).then(|| {
            args.co_speakers
                .into_iter()
                .filter(|n| !n.trim().is_empty())
                .collect()
        }),
        title: clearable(args.title),
        organization: clearable(args.organization),
        organization_description: clearable(args.organization_description),
        medium,
        told_to: clearable(args.told_to).or(told_to_from_medium.map(Some)),
        said_on: match args.date {
            Some(d) if d.trim().is_empty() => Some(None),
            Some(d) => Some(Some(
                parse_date(&d).map_err(|e| Error::Invalid(format!("--date: {e}")))?,
            )),
            None => None,
        },
        stories: (!args.stories.is_empty()).then(|| {
            args.stories
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .collect()
        }),
        tags: (!args.tags.is_empty()).then(|| {
            args.tags
                .into_iter()
                .filter(|t| !t.trim().is_empty())
                .collect()
        }),
        language: opt(args.language),
        notes: clearable(args.notes),
    })
}
pub(crate) fn run(args: EditArgs, target: Target) -> Result<ExitCode, Error> {
    let id: QuoteId = args.id.parse()?;
    let json = args.json;
    let edit = quote_edit(args)?;
    if edit == QuoteEdit::default() {
        return Err(Error::Invalid(
            "nothing to change; give at least one field, e.g. --title \"chief executive\"".into(),
        ));
    }
    let mut library = open(target)?;
    let quote = library.edit(id, edit)?;
    if json {
        print_json(&quote)?;
    } else {
        put!("{}", describe(&quote));
    }
    Ok(ExitCode::SUCCESS)
}
