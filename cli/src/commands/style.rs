//! `onrecord style`: Print the CSL style (XML) that apa, mla or chicago exports are rendered
//! with, for pandoc or a reference manager.

use crate::Target;
use clap::Args;
use onrecord::{Error, cite};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct StyleArgs {
    name: String,
}

pub(crate) fn run(args: StyleArgs, _target: Target) -> Result<ExitCode, Error> {
    let StyleArgs { name } = args;
    let format = cite::Format::parse(&name)?;
    put!("{}", cite::styles::style_xml(format)?);
    Ok(ExitCode::SUCCESS)
}
