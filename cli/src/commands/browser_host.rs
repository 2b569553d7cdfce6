//! `onrecord browser-host`: The browser extension's host: native-messaging JSON over standard
//! input and output (started by the browser; see docs/BROWSER.md).

use crate::Target;
use clap::Args;
use onrecord::{Error, browser};
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct BrowserHostArgs {
    /// What the browser passes (the extension's origin); not used.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
    browser_args: Vec<String>,
}

pub(crate) fn run(args: BrowserHostArgs, target: Target) -> Result<ExitCode, Error> {
    let BrowserHostArgs { browser_args: _ } = args;
    let dir = target.dir.unwrap_or_else(onrecord::default_dir);
    let mut host = browser::Host::new(dir);
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    browser::serve(&mut host, &mut stdin.lock(), &mut stdout.lock())
        .map_err(|e| Error::Invalid(format!("the browser host stopped: {e}")))?;
    Ok(ExitCode::SUCCESS)
}
