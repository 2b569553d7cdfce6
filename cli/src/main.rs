//! `onrecord`: the headless face of the library. Each subcommand (one module each, under
//! `commands/`) parses its arguments, calls the core and prints the result — for people
//! (`print.rs`), or as JSON with `--json` (the shapes in `CLI-CONTRACT.md`). Exit codes: 0 ok,
//! 1 problems found, 2 bad usage or input, 3 the library could not be opened or written.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use onrecord::model::parse_date;
use onrecord::{Error, ErrorCode, Library};

/// `println!` that stops quietly when the reader has gone away (`onrecord export | head`), as
/// Unix tools do, instead of panicking on the broken pipe.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        $crate::written(writeln!(std::io::stdout(), $($arg)*));
    }};
}

/// `print!` with the same care as `out!`.
macro_rules! put {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        $crate::written(write!(std::io::stdout(), $($arg)*));
    }};
}

mod commands;
mod print;

#[derive(Parser, Debug)]
#[command(
    name = "onrecord",
    version,
    about = "Keep quotes with who said them, search them, check drafts against them",
    after_help = "The library folder is --library, else $ONRECORD_LIBRARY, else ~/.local/share/onrecord.\nExit codes: 0 ok, 1 problems found, 2 bad usage or input, 3 library unavailable."
)]
struct Cli {
    /// The library folder (created on first write).
    #[arg(long, global = true, value_name = "DIR")]
    library: Option<PathBuf>,

    /// How long a write waits for another program writing the same library before giving up.
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 10.0)]
    wait: f64,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Store one quote; prints its id.
    Add(commands::add::AddArgs),
    /// Show one quote.
    Show(commands::show::ShowArgs),
    /// Change fields of one quote (an empty value clears an optional field).
    Edit(commands::edit::EditArgs),
    /// Delete one quote.
    Rm(commands::rm::RmArgs),
    /// Extract an article's quotations with their speakers (FILE, URL, or - for standard input).
    Clip(commands::clip::ClipArgs),
    /// Check every quotation in a draft against the library (FILE or - for standard input);
    /// exits 1 when any is not verified.
    Check(commands::check::CheckArgs),
    /// Full-text search: words, "exact phrases", speaker: org: title: outlet: tag: lang:
    /// medium: after: before: year:, AND/OR/NOT, parentheses.
    Search(commands::search::SearchArgs),
    /// Import quotes from files (OnRecord JSON, CSV or TSV), all in one transaction.
    Import(commands::import::ImportArgs),
    /// Export the quotes matching QUERY (all when absent) as citations or as a lossless file.
    Export(commands::export::ExportArgs),
    /// Print the CSL style (XML) that apa, mla or chicago exports are rendered with, for pandoc
    /// or a reference manager.
    Style(commands::style::StyleArgs),
    /// Write a consistent copy of the library's database to FILE (safe while the app is
    /// running); the search index is rebuilt from it on restore.
    Backup(commands::backup::BackupArgs),
    /// Replace the library with a backup and rebuild the index. A library holding quotes is
    /// only replaced with --force, and its database is then kept beside it.
    Restore(commands::restore::RestoreArgs),
    /// Rebuild the search index from the database.
    Reindex(commands::reindex::ReindexArgs),
    /// Check the database and compare it with the search index.
    Doctor(commands::doctor::DoctorArgs),
    /// List speakers, or show one with their aliases and titles over time.
    Speakers(commands::speakers::SpeakersArgs),
    /// Record another name a speaker goes by.
    Alias(commands::alias::AliasArgs),
    /// Stories: create, add quotes to, remove from, list, rename, delete.
    Story(commands::story::StoryArgs),
    /// Tags across the library: list, rename everywhere.
    Tag(commands::tag::TagArgs),
    /// Pages sent from the browser to review later: list them (no action), or show, save or
    /// remove one.
    Inbox(commands::inbox::InboxArgs),
    /// Connect the browser extension: write (install) or remove (uninstall) the host manifests
    /// that let it start `onrecord browser-host`.
    Browser(commands::browser::BrowserArgs),
    /// The browser extension's host: native-messaging JSON over standard input and output
    /// (started by the browser; see docs/BROWSER.md).
    #[command(name = "browser-host")]
    BrowserHost(commands::browser_host::BrowserHostArgs),
}

pub(crate) fn written(result: std::io::Result<()>) {
    if let Err(e) = result {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("onrecord: error: cannot write to standard output: {e}");
        std::process::exit(1);
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("onrecord: error: {err}");
            ExitCode::from(match err.code() {
                ErrorCode::BadInput | ErrorCode::NotFound => 2,
                ErrorCode::Library => 3,
            })
        }
    }
}

/// Which library to open and how long its writes may wait for another writer.
pub(crate) struct Target {
    pub(crate) dir: Option<PathBuf>,
    pub(crate) wait: f64,
}

pub(crate) fn open(target: Target) -> Result<Library, Error> {
    let dir = target.dir.unwrap_or_else(onrecord::default_dir);
    let mut library = Library::open(&dir)?;
    for notice in library.take_notices() {
        eprintln!("onrecord: note: {notice}");
    }
    library.set_wait_limit(std::time::Duration::from_secs_f64(target.wait));
    let wait = target.wait;
    library.on_wait(Box::new(move || {
        eprintln!(
            "onrecord: another program (the desktop app or another onrecord) is writing the \
             library; waiting up to {wait:.0} s…"
        );
    }));
    Ok(library)
}

pub(crate) fn opt(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

pub(crate) fn date_arg(
    value: Option<&str>,
    flag: &str,
) -> Result<Option<chrono::NaiveDate>, Error> {
    value
        .filter(|v| !v.trim().is_empty())
        .map(|v| parse_date(v).map_err(|e| Error::Invalid(format!("{flag}: {e}"))))
        .transpose()
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    if !(cli.wait.is_finite() && cli.wait >= 0.0) {
        return Err(Error::Invalid(format!(
            "--wait takes a number of seconds (0 or more), not {}",
            cli.wait
        )));
    }
    let target = Target {
        dir: cli.library,
        wait: cli.wait,
    };
    match cli.command {
        Command::Add(args) => commands::add::run(args, target),
        Command::Show(args) => commands::show::run(args, target),
        Command::Edit(args) => commands::edit::run(args, target),
        Command::Rm(args) => commands::rm::run(args, target),
        Command::Clip(args) => commands::clip::run(args, target),
        Command::Check(args) => commands::check::run(args, target),
        Command::Search(args) => commands::search::run(args, target),
        Command::Import(args) => commands::import::run(args, target),
        Command::Export(args) => commands::export::run(args, target),
        Command::Style(args) => commands::style::run(args, target),
        Command::Backup(args) => commands::backup::run(args, target),
        Command::Restore(args) => commands::restore::run(args, target),
        Command::Reindex(args) => commands::reindex::run(args, target),
        Command::Doctor(args) => commands::doctor::run(args, target),
        Command::Speakers(args) => commands::speakers::run(args, target),
        Command::Alias(args) => commands::alias::run(args, target),
        Command::Story(args) => commands::story::run(args, target),
        Command::Tag(args) => commands::tag::run(args, target),
        Command::Inbox(args) => commands::inbox::run(args, target),
        Command::Browser(args) => commands::browser::run(args, target),
        Command::BrowserHost(args) => commands::browser_host::run(args, target),
    }
}
