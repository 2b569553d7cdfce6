//! `onrecord show`: Show one quote.

use crate::print::{describe, print_json};
use crate::{Target, open};
use clap::Args;
use onrecord::{Error, QuoteId};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct ShowArgs {
    id: String,
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: ShowArgs, target: Target) -> Result<ExitCode, Error> {
    let ShowArgs { id, json } = args;
    let id: QuoteId = id.parse()?;
    let library = open(target)?;
    let quote = library.quote(id)?;
    if json {
        print_json(&quote)?;
    } else {
        put!("{}", describe(&quote));
    }
    Ok(ExitCode::SUCCESS)
}
