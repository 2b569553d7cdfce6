//! `onrecord speakers`: List speakers, or show one with their aliases and titles over time.

use crate::print::{affiliation_line, print_json, print_speaker};
use crate::{Target, open};
use clap::Args;
use onrecord::Error;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct SpeakersArgs {
    /// A speaker's name or alias.
    name: Option<String>,
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: SpeakersArgs, target: Target) -> Result<ExitCode, Error> {
    let SpeakersArgs { name, json } = args;
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
                for s in speakers {
                    let latest = s
                        .affiliations
                        .last()
                        .map(affiliation_line)
                        .unwrap_or_default();
                    out!(
                        "{}{}",
                        s.name,
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
