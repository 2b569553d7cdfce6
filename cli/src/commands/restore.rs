//! `onrecord restore`: Replace the library with a backup and rebuild the index. A library holding
//! quotes is only replaced with --force, and its database is then kept beside it.

use crate::Target;
use crate::print::print_json;
use clap::Args;
use onrecord::{Error, Library};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct RestoreArgs {
    file: PathBuf,
    #[arg(long)]
    force: bool,
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: RestoreArgs, target: Target) -> Result<ExitCode, Error> {
    let RestoreArgs { file, force, json } = args;
    let dir = target.dir.unwrap_or_else(onrecord::default_dir);
    let (_, report) = Library::restore_backup(&dir, &file, force)?;
    if json {
        print_json(&report)?;
    } else {
        out!(
            "restored {} quote(s) from {} into {}; the search index was rebuilt",
            report.quotes,
            report.from.display(),
            dir.display()
        );
        if let Some(previous) = &report.previous {
            out!("the database it replaced is kept as {}", previous.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}
