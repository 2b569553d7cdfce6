//! `onrecord speakers`: List speakers, or show one with their aliases and titles over time;
//! merge two spellings of one person, correct a name, add an alias, set a title held over time.

use crate::print::{affiliation_line, print_json, print_speaker};
use crate::{Target, date_arg, open};
use clap::{Args, Subcommand};
use onrecord::Error;
use std::process::ExitCode;

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub(crate) struct SpeakersArgs {
    #[command(subcommand)]
    action: Option<SpeakersAction>,
    /// A speaker's name or alias.
    name: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand, Debug)]
pub(crate) enum SpeakersAction {
    /// Merge FROM into INTO (two spellings of one person): FROM's quotes, titles and aliases
    /// become INTO's, and FROM's name one of INTO's aliases.
    Merge { from: String, into: String },
    /// Correct a speaker's name.
    Rename { old: String, new: String },
    /// Record another name a speaker goes by (as `onrecord alias`).
    Alias { name: String, alias: String },
    /// Set the title and employer a speaker held from one date to another (correcting the
    /// dates of the same title and organization, or adding it); `check` compares drafts with
    /// what was held on a quote's date. `--remove` deletes it instead.
    Affiliation {
        name: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long = "org")]
        organization: Option<String>,
        /// The first day held, YYYY-MM-DD (open when absent).
        #[arg(long)]
        from: Option<String>,
        /// The last day held, YYYY-MM-DD (open when absent).
        #[arg(long)]
        to: Option<String>,
        #[arg(long, conflicts_with_all = ["from", "to"])]
        remove: bool,
    },
}

pub(crate) fn run(args: SpeakersArgs, target: Target) -> Result<ExitCode, Error> {
    let SpeakersArgs { action, name, json } = args;
    if let Some(action) = action {
        let mut library = open(target)?;
        match action {
            SpeakersAction::Merge { from, into } => {
                let moved = library.merge_speakers(&from, &into)?;
                out!(
                    "merged {from:?} into {into:?}: {moved} quote(s) moved; {from:?} is now an alias"
                );
            }
            SpeakersAction::Rename { old, new } => {
                library.rename_speaker(&old, &new)?;
                out!("renamed {old:?} to {new:?}");
            }
            SpeakersAction::Alias { name, alias } => {
                library.add_alias(&name, &alias)?;
                out!("{name} is also known as {alias}");
            }
            SpeakersAction::Affiliation {
                name,
                title,
                organization,
                from,
                to,
                remove,
            } => {
                if remove {
                    let gone = library.remove_affiliation(
                        &name,
                        title.as_deref(),
                        organization.as_deref(),
                    )?;
                    if !gone {
                        return Err(Error::Invalid(format!(
                            "{name} has no affiliation with that title and organization; see \
                             `onrecord speakers {name:?}`"
                        )));
                    }
                    out!("removed that affiliation of {name}");
                } else {
                    let affiliation = onrecord::model::Affiliation {
                        title,
                        organization,
                        organization_description: None,
                        valid_from: date_arg(from.as_deref(), "--from")?,
                        valid_to: date_arg(to.as_deref(), "--to")?,
                    };
                    let added = library.set_affiliation(&name, &affiliation)?;
                    out!(
                        "{} {name}: {}",
                        if added { "added to" } else { "corrected for" },
                        affiliation_line(&affiliation)
                    );
                }
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let library = open(target)?;
    match name {
        Some(name) => {
            let speaker = library.speaker(&name)?;
            if json {
                print_json(&speaker)?;
            } else {
                print_speaker(&speaker);
            }
        }
        None => {
            let speakers = library.speakers()?;
            if json {
                print_json(&speakers)?;
            } else {
                let counts: std::collections::HashMap<String, u64> =
                    library.speaker_quote_counts()?.into_iter().collect();
                for s in speakers {
                    let quotes = counts.get(&s.name).copied().unwrap_or(0);
                    let latest = s
                        .affiliations
                        .last()
                        .map(affiliation_line)
                        .unwrap_or_default();
                    out!(
                        "{} ({quotes} quote{}){}",
                        s.name,
                        if quotes == 1 { "" } else { "s" },
                        if latest.is_empty() {
                            String::new()
                        } else {
                            format!(" — {latest}")
                        }
                    );
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
