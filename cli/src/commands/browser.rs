//! `onrecord browser`: Connect the browser extension: write (install) or remove (uninstall) the
//! host manifests that let it start `onrecord browser-host`.

use crate::Target;
use crate::print::print_json;
use clap::{Args, Subcommand};
use onrecord::browser::Browser;
use onrecord::{Error, browser};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct BrowserArgs {
    #[command(subcommand)]
    action: BrowserAction,
}
#[derive(Subcommand, Debug)]
pub(crate) enum BrowserAction {
    /// Let the extension start OnRecord (writes the host manifest for the current user).
    Install(InstallArgs),
    /// Remove what `install` wrote.
    Uninstall(InstallArgs),
}
#[derive(Args, Debug)]
pub(crate) struct InstallArgs {
    /// chromium, chrome or firefox (repeat for several; default: all three).
    #[arg(long = "browser")]
    browsers: Vec<String>,
    /// A browser profile folder to install into instead of your own (Chromium's
    /// --user-data-dir, a Firefox profile).
    #[arg(long, value_name = "DIR")]
    profile: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}
pub(crate) fn run(args: BrowserArgs, target: Target) -> Result<ExitCode, Error> {
    let BrowserArgs { action } = args;
    let (args, install) = match action {
        BrowserAction::Install(a) => (a, true),
        BrowserAction::Uninstall(a) => (a, false),
    };
    let browsers = match args.browsers.is_empty() {
        true => Browser::ALL.to_vec(),
        false => args
            .browsers
            .iter()
            .map(|b| b.parse())
            .collect::<Result<Vec<Browser>, Error>>()?,
    };
    if install {
        let exe = std::env::current_exe().map_err(|e| {
            Error::Invalid(format!("cannot tell where this onrecord program is: {e}"))
        })?;
        let dir = target.dir.unwrap_or_else(onrecord::default_dir);
        let dir = std::path::absolute(&dir).unwrap_or(dir);
        let done = browser::install(&browsers, &exe, &dir, args.profile.as_deref())?;
        if args.json {
            print_json(&done)?;
        } else {
            for d in &done {
                out!("{:?}: {}", d.browser, d.manifest.display());
            }
            out!(
                "the extension can now reach the library at {}; load it from the \
                     extension/ folder (see README, \"Clip from the browser\")",
                dir.display()
            );
        }
    } else {
        let removed = browser::uninstall(&browsers, args.profile.as_deref())?;
        if args.json {
            print_json(&removed)?;
        } else if removed.is_empty() {
            out!("nothing to remove: the browser host was not installed");
        } else {
            for path in &removed {
                out!("removed {}", path.display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
