//! `onrecord export`: Export the quotes matching QUERY (all when absent) as citations or as a
//! lossless file.

use crate::{Target, open};
use clap::Args;
use onrecord::{Error, QuoteId, Selection, cite};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct ExportArgs {
    /// A search query selecting the quotes (all when absent).
    query: Option<String>,
    /// csl-json, bibtex, ris, apa, mla, chicago, markdown (AP attribution lines) or json
    /// (lossless, for `import`).
    #[arg(long, default_value = "json")]
    format: String,
    /// For apa, mla and chicago: text, html or markdown.
    #[arg(long, default_value = "text")]
    markup: String,
    /// Export these quotes (repeatable) instead of a query's.
    #[arg(long)]
    id: Vec<String>,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(args: ExportArgs, target: Target) -> Result<ExitCode, Error> {
    let format = cite::Format::parse(&args.format)?;
    let markup = cite::Markup::parse(&args.markup)?;
    if let Some(path) = &args.output {
        cite::check_destination(path, args.force)?;
    }
    let selection = if !args.id.is_empty() {
        if args.query.is_some() {
            return Err(Error::Invalid(
                "give either a QUERY or --id, not both".into(),
            ));
        }
        Selection::Ids(
            args.id
                .iter()
                .map(|id| id.parse::<QuoteId>())
                .collect::<Result<_, _>>()?,
        )
    } else {
        match args.query.as_deref().map(str::trim) {
            None | Some("") => Selection::All,
            Some(query) => Selection::Query(query.to_owned()),
        }
    };
    let mut library = open(target)?;
    match &args.output {
        Some(path) => {
            let count = library.export_to_file(&selection, format, markup, path, args.force)?;
            eprintln!(
                "onrecord: exported {count} quote(s) as {} to {}",
                format.name(),
                path.display()
            );
        }
        None => {
            let (text, _) = library.export_as(&selection, format, markup)?;
            put!("{text}");
            if !text.ends_with('\n') && !text.is_empty() {
                out!();
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
