//! `onrecord doctor`: Check the database and compare it with the search index.

use crate::print::{print_doctor, print_json};
use crate::{Target, open};
use clap::Args;
use onrecord::Error;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct DoctorArgs {
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: DoctorArgs, target: Target) -> Result<ExitCode, Error> {
    let DoctorArgs { json } = args;
    let mut library = open(target)?;
    let report = library.doctor()?;
    if json {
        print_json(&report)?;
    } else {
        print_doctor(&report);
    }
    if !report.healthy() {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
