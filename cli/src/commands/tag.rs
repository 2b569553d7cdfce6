//! `onrecord tag`: Tags across the library: list them with their counts, rename one everywhere.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use onrecord::Error;

use crate::print::print_json;
use crate::{Target, open};

#[derive(Args, Debug)]
pub(crate) struct TagArgs {
    #[command(subcommand)]
    action: TagAction,
}

#[derive(Subcommand, Debug)]
pub(crate) enum TagAction {
    /// Every tag with how many quotes carry it, most used first.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Rename a tag on every quote that carries it (into an existing tag merges the two).
    Rename { old: String, new: String },
}

pub(crate) fn run(args: TagArgs, target: Target) -> Result<ExitCode, Error> {
    let mut library = open(target)?;
    match args.action {
        TagAction::List { json } => {
            let tags = library.tags()?;
            if json {
                let list: Vec<serde_json::Value> = tags
                    .into_iter()
                    .map(|(tag, quotes)| serde_json::json!({ "tag": tag, "quotes": quotes }))
                    .collect();
                print_json(&list)?;
            } else if tags.is_empty() {
                out!("no tags yet; `onrecord edit ID --tag NAME` adds one");
            } else {
                for (tag, n) in tags {
                    out!("{tag} — {n} quote(s)");
                }
            }
        }
        TagAction::Rename { old, new } => {
            let n = library.rename_tag(&old, &new)?;
            out!("renamed the tag {old:?} to {new:?} on {n} quote(s)");
        }
    }
    Ok(ExitCode::SUCCESS)
}
