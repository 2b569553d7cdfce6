//! `onrecord rm`: Delete one quote.

use crate::print::print_json;
use crate::{Target, open};
use clap::Args;
use onrecord::{Error, QuoteId};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct RmArgs {
    id: String,
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: RmArgs, target: Target) -> Result<ExitCode, Error> {
    let RmArgs { id, json } = args;
    let id: QuoteId = id.parse()?;
    let mut library = open(target)?;
    let quote = library.remove(id)?;
    if json {
        print_json(&quote)?;
    } else {
        out!("removed quote {id} ({})", quote.speaker);
    }
    Ok(ExitCode::SUCCESS)
}
