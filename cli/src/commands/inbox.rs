//! `onrecord inbox`: Pages sent from the browser to review later: list them (no action), or show,
//! save or remove one.

use crate::print::{print_clip, print_json};
use crate::{Target, open};
use clap::{Args, Subcommand};
use onrecord::Error;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct InboxArgs {
    #[command(subcommand)]
    action: Option<InboxAction>,
    #[arg(long)]
    json: bool,
}
#[derive(Subcommand, Debug)]
pub(crate) enum InboxAction {
    /// The quotations found on a page of the inbox.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Save every quotation of the page that has a speaker, and take it out of the inbox.
    Save {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Take a page out of the inbox without saving anything.
    Remove { id: i64 },
}
pub(crate) fn run(args: InboxArgs, target: Target) -> Result<ExitCode, Error> {
    let InboxArgs { action, json } = args;
    let mut library = open(target)?;
    match action {
        None => {
            let items = library.inbox()?;
            if json {
                print_json(&items)?;
            } else if items.is_empty() {
                out!("the inbox is empty (the browser extension's \"Send to inbox\" fills it)");
            } else {
                for item in &items {
                    out!(
                        "[{}] {} · {}{}",
                        item.id,
                        item.title.as_deref().unwrap_or("(no title)"),
                        item.received_at.format("%Y-%m-%d %H:%M"),
                        item.url
                            .as_deref()
                            .map(|u| format!("\n     {u}"))
                            .unwrap_or_default()
                    );
                }
                out!(
                    "{} page(s) waiting; `onrecord inbox show ID` lists a page's quotations",
                    items.len()
                );
            }
        }
        Some(InboxAction::Show { id, json }) => {
            let clip = library.inbox_clip(id)?;
            if json {
                print_json(&clip)?;
            } else {
                print_clip(&clip, None);
            }
        }
        Some(InboxAction::Save { id, json }) => {
            let mut clip = library.inbox_clip(id)?;
            let report = library.save_clip(&mut clip)?;
            library.inbox_remove(id)?;
            if json {
                print_json(&clip)?;
            } else {
                print_clip(&clip, Some(&report));
            }
        }
        Some(InboxAction::Remove { id }) => {
            library.inbox_remove(id)?;
            out!("removed page {id} from the inbox");
        }
    }
    Ok(ExitCode::SUCCESS)
}
