//! `onrecord check`: Check every quotation in a draft against the library (FILE or - for standard
//! input); exits 1 when any is not verified.

use crate::print::{print_check, print_json};
use crate::{Target, open};
use clap::Args;
use onrecord::Error;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct CheckArgs {
    input: String,
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: CheckArgs, target: Target) -> Result<ExitCode, Error> {
    let CheckArgs { input, json } = args;
    let draft = onrecord::files::read_draft(&input)?;
    let mut library = open(target)?;
    let report = library.check(&draft)?;
    if json {
        print_json(&report)?;
    } else {
        print_check(&report);
    }
    if !report.all_verified() {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
