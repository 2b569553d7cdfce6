//! `onrecord story`: Stories — what you are working on. A quote belongs to any number of them;
//! `search 'story:"Chip exports"'` finds a story's quotes and `export 'story:"…"'` exports them.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use onrecord::{Error, QuoteId};

use crate::print::print_json;
use crate::{Target, open};

#[derive(Args, Debug)]
pub(crate) struct StoryArgs {
    #[command(subcommand)]
    action: StoryAction,
}

#[derive(Subcommand, Debug)]
pub(crate) enum StoryAction {
    /// Create an empty story.
    Create { name: String },
    /// Add quotes to a story (created when missing): those matching QUERY, and/or --id ID.
    Add {
        name: String,
        /// A search: every quote it matches is added.
        query: Option<String>,
        #[arg(long)]
        id: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Take quotes out of a story (they stay in the library).
    Remove {
        name: String,
        #[arg(long, required = true)]
        id: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Every story with its number of quotes.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Rename a story.
    Rename { old: String, new: String },
    /// Delete a story; its quotes stay in the library.
    Delete { name: String },
}

fn ids(values: &[String]) -> Result<Vec<QuoteId>, Error> {
    values.iter().map(|v| v.parse()).collect()
}

pub(crate) fn run(args: StoryArgs, target: Target) -> Result<ExitCode, Error> {
    let mut library = open(target)?;
    match args.action {
        StoryAction::Create { name } => {
            let story = library.story_create(&name)?;
            out!("created the story {:?}", story.name);
        }
        StoryAction::Add {
            name,
            query,
            id,
            json,
        } => {
            let mut chosen = ids(&id)?;
            if let Some(query) = query.filter(|q| !q.trim().is_empty()) {
                chosen.extend(library.select(&query)?.into_iter().map(|q| q.id));
            }
            if chosen.is_empty() {
                return Err(Error::Invalid(
                    "nothing to add; give a search (e.g. 'speaker:Yoon') or --id ID".into(),
                ));
            }
            let added = library.story_add(&name, &chosen)?.len();
            if json {
                print_json(&serde_json::json!({ "story": name, "added": added }))?;
            } else {
                out!(
                    "added {added} quote(s) to {name:?}{}",
                    match chosen.len() - added {
                        0 => String::new(),
                        n => format!(" ({n} were in it already)"),
                    }
                );
            }
        }
        StoryAction::Remove { name, id, json } => {
            let removed = library.story_remove(&name, &ids(&id)?)?;
            if json {
                print_json(&serde_json::json!({ "story": name, "removed": removed }))?;
            } else {
                out!("took {removed} quote(s) out of {name:?}; they stay in the library");
            }
        }
        StoryAction::List { json } => {
            let stories = library.stories()?;
            if json {
                print_json(&stories)?;
            } else if stories.is_empty() {
                out!("no stories yet; `onrecord story create NAME` starts one");
            } else {
                for s in &stories {
                    out!("{} — {} quote(s)", s.name, s.quotes);
                }
            }
        }
        StoryAction::Rename { old, new } => {
            library.story_rename(&old, &new)?;
            out!("renamed {old:?} to {new:?}");
        }
        StoryAction::Delete { name } => {
            let n = library.story_delete(&name)?;
            out!("deleted the story {name:?}; its {n} quote(s) stay in the library");
        }
    }
    Ok(ExitCode::SUCCESS)
}
