//! `onrecord backup`: Write a consistent copy of the library's database to FILE (safe while the
//! app is running); the search index is rebuilt from it on restore.

use crate::print::print_json;
use crate::{Target, open};
use clap::Args;
use onrecord::Error;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct BackupArgs {
    file: PathBuf,
    /// Overwrite FILE if it exists.
    #[arg(long)]
    force: bool,
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: BackupArgs, target: Target) -> Result<ExitCode, Error> {
    let BackupArgs { file, force, json } = args;
    let library = open(target)?;
    let report = library.backup(&file, force)?;
    if json {
        print_json(&report)?;
    } else {
        out!(
            "backed up {} quote(s) to {} ({} KB)",
            report.quotes,
            report.path.display(),
            report.bytes.div_ceil(1024)
        );
    }
    Ok(ExitCode::SUCCESS)
}
