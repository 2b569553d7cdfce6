//! `onrecord add`: Store one quote; prints its id.

use crate::print::print_json;
use crate::{Target, date_arg, open, opt};
use clap::Args;
use onrecord::model::{Medium, NewSource, SourceKind};
use onrecord::{Error, NewQuote};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct AddArgs {
    #[arg(long)]
    text: String,
    #[arg(long)]
    speaker: String,
    /// Someone who said or wrote it together with the speaker (repeat for several).
    #[arg(long = "co-speaker")]
    co_speakers: Vec<String>,
    /// The speaker's title when they said it, e.g. "chief operating officer".
    #[arg(long)]
    title: Option<String>,
    /// The speaker's employer when they said it.
    #[arg(long = "org", alias = "organization")]
    organization: Option<String>,
    /// What the organization is, e.g. "tech services provider".
    #[arg(long = "org-description")]
    organization_description: Option<String>,
    /// said (default), told, email, statement, interview, speech, post, document, other;
    /// "told Reuters" names whom it was told to.
    #[arg(long)]
    medium: Option<String>,
    #[arg(long)]
    told_to: Option<String>,
    /// When it was said (YYYY-MM-DD).
    #[arg(long)]
    date: Option<String>,
    #[arg(long)]
    outlet: Option<String>,
    #[arg(long)]
    source_title: Option<String>,
    /// article, magazine, blog, interview, speech, press-release, social, email, broadcast,
    /// document, other.
    #[arg(long)]
    source_kind: Option<String>,
    #[arg(long)]
    url: Option<String>,
    #[arg(long = "author")]
    authors: Vec<String>,
    /// When the source was published (YYYY-MM-DD); defaults to --date.
    #[arg(long)]
    published: Option<String>,
    /// A story to add it to (repeat for several; created when missing).
    #[arg(long = "story")]
    stories: Vec<String>,
    #[arg(long = "tag")]
    tags: Vec<String>,
    #[arg(long)]
    language: Option<String>,
    #[arg(long)]
    notes: Option<String>,
    #[arg(long)]
    json: bool,
}
fn new_quote(args: AddArgs) -> Result<NewQuote, Error> {
    let (medium, told_to) = match args.medium.as_deref() {
        Some(m) => Medium::parse_with_recipient(m)?,
        None if args.told_to.is_some() => (Medium::Told, None),
        None => (Medium::Said, None),
    };
    let said_on = date_arg(args.date.as_deref(), "--date")?;
    let source = NewSource {
        kind: args
            .source_kind
            .as_deref()
            .map(str::parse::<SourceKind>)
            .transpose()?
            .unwrap_or_default(),
        title: opt(args.source_title),
        outlet: opt(args.outlet),
        authors: args.authors,
        published: date_arg(args.published.as_deref(), "--published")?,
        url: opt(args.url),
        ..Default::default()
    };
    let has_source = !source.is_empty();
    Ok(NewQuote {
        text: args.text,
        speaker: args.speaker,
        co_speakers: args.co_speakers,
        title: opt(args.title),
        organization: opt(args.organization),
        organization_description: opt(args.organization_description),
        medium,
        told_to: opt(args.told_to).or(told_to),
        source: has_source.then(|| NewSource {
            published: source.published.or(said_on),
            ..source
        }),
        said_on,
        tags: args.tags,
        stories: args.stories,
        language: opt(args.language),
        notes: opt(args.notes),
        ..Default::default()
    })
}
pub(crate) fn run(args: AddArgs, target: Target) -> Result<ExitCode, Error> {
    let json = args.json;
    let quote = new_quote(args)?;
    let mut library = open(target)?;
    let stored = library.add(quote)?;
    if json {
        print_json(&stored)?;
    } else {
        out!("{}", stored.id);
    }
    Ok(ExitCode::SUCCESS)
}
