//! `onrecord reindex`: Rebuild the search index from the database.

use crate::print::print_json;
use crate::{Target, open};
use clap::Args;
use onrecord::Error;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct ReindexArgs {
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: ReindexArgs, target: Target) -> Result<ExitCode, Error> {
    let ReindexArgs { json } = args;
    let mut library = open(target)?;
    let n = library.reindex()?;
    if json {
        print_json(&serde_json::json!({ "indexed": n }))?;
    } else {
        out!("reindexed {n} quote(s)");
    }
    Ok(ExitCode::SUCCESS)
}
