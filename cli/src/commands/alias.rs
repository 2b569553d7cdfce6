//! `onrecord alias`: Record another name a speaker goes by.

use crate::{Target, open};
use clap::Args;
use onrecord::Error;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct AliasArgs {
    speaker: String,
    alias: String,
}

pub(crate) fn run(args: AliasArgs, target: Target) -> Result<ExitCode, Error> {
    let AliasArgs { speaker, alias } = args;
    let mut library = open(target)?;
    library.add_alias(&speaker, &alias)?;
    out!("{speaker} is also known as {alias}");
    Ok(ExitCode::SUCCESS)
}
