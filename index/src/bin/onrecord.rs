//! `onrecord`: the headless face of the library. Each subcommand parses its arguments, calls one
//! function of the core and prints the result — for people, or as JSON with `--json` (the shapes
//! in `CLI-CONTRACT.md`). Exit codes: 0 ok, 1 problems found, 2 bad usage or input, 3 the library
//! could not be opened or written.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use onrecord::browser::{self, Browser};
use onrecord::cite;
use onrecord::import::{self, Format, ImportFile, TableOptions};
use onrecord::model::{Medium, NewSource, SourceKind, parse_date};
use onrecord::{
    Error, ErrorCode, Library, NewQuote, Quote, QuoteEdit, QuoteId, SearchRequest, Selection, Sort,
};

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
    Add(AddArgs),
    /// Show one quote.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Change fields of one quote (an empty value clears an optional field).
    Edit(EditArgs),
    /// Delete one quote.
    Rm {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Extract an article's quotations with their speakers (FILE, URL, or - for standard input).
    Clip(ClipArgs),
    /// Check every quotation in a draft against the library (FILE or - for standard input);
    /// exits 1 when any is not verified.
    Check {
        input: String,
        #[arg(long)]
        json: bool,
    },
    /// Full-text search: words, "exact phrases", speaker: org: title: outlet: tag: lang:
    /// medium: after: before: year:, AND/OR/NOT, parentheses.
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// relevance or date (newest first).
        #[arg(long, default_value = "relevance")]
        sort: String,
        #[arg(long)]
        json: bool,
    },
    /// Import quotes from files (OnRecord JSON, CSV or TSV), all in one transaction.
    Import(ImportArgs),
    /// Export the quotes matching QUERY (all when absent) as citations or as a lossless file.
    Export(ExportArgs),
    /// Print the CSL style (XML) that apa, mla or chicago exports are rendered with, for pandoc
    /// or a reference manager.
    Style { name: String },
    /// Write a consistent copy of the library's database to FILE (safe while the app is
    /// running); the search index is rebuilt from it on restore.
    Backup {
        file: PathBuf,
        /// Overwrite FILE if it exists.
        #[arg(long)]
        force: bool,
        #[arg(long)]
        json: bool,
    },
    /// Replace the library with a backup and rebuild the index. A library holding quotes is
    /// only replaced with --force, and its database is then kept beside it.
    Restore {
        file: PathBuf,
        #[arg(long)]
        force: bool,
        #[arg(long)]
        json: bool,
    },
    /// Rebuild the search index from the database.
    Reindex {
        #[arg(long)]
        json: bool,
    },
    /// Check the database and compare it with the search index.
    Doctor {
        #[arg(long)]
        json: bool,
    },
    /// List speakers, or show one with their aliases and titles over time.
    Speakers {
        /// A speaker's name or alias.
        name: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record another name a speaker goes by.
    Alias { speaker: String, alias: String },
    /// Pages sent from the browser to review later: list them (no action), or show, save or
    /// remove one.
    Inbox {
        #[command(subcommand)]
        action: Option<InboxAction>,
        #[arg(long)]
        json: bool,
    },
    /// Connect the browser extension: write (install) or remove (uninstall) the host manifests
    /// that let it start `onrecord browser-host`.
    Browser {
        #[command(subcommand)]
        action: BrowserAction,
    },
    /// The browser extension's host: native-messaging JSON over standard input and output
    /// (started by the browser; see docs/BROWSER.md).
    #[command(name = "browser-host")]
    BrowserHost {
        /// What the browser passes (the extension's origin); not used.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
        browser_args: Vec<String>,
    },
}

#[derive(Subcommand, Debug)]
enum InboxAction {
    /// The quotations found on a page of the inbox.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Save every quotation of the page that has a speaker, and take it out of the inbox.
    Save {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Take a page out of the inbox without saving anything.
    Remove { id: i64 },
}

#[derive(Subcommand, Debug)]
enum BrowserAction {
    /// Let the extension start OnRecord (writes the host manifest for the current user).
    Install(BrowserArgs),
    /// Remove what `install` wrote.
    Uninstall(BrowserArgs),
}

#[derive(Args, Debug)]
struct BrowserArgs {
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

#[derive(Args, Debug)]
struct AddArgs {
    #[arg(long)]
    text: String,
    #[arg(long)]
    speaker: String,
    /// Someone who said or wrote it together with the speaker (repeat for several).
    #[arg(long = "co-speaker")]
    co_speakers: Vec<String>,
    /// The speaker's title when they said it, e.g. "chief operating officer".
    #[arg(long)]
    title: Option<String>,
    /// The speaker's employer when they said it.
    #[arg(long = "org", alias = "organization")]
    organization: Option<String>,
    /// What the organization is, e.g. "tech services provider".
    #[arg(long = "org-description")]
    organization_description: Option<String>,
    /// said (default), told, email, statement, interview, speech, post, document, other;
    /// "told Reuters" names whom it was told to.
    #[arg(long)]
    medium: Option<String>,
    #[arg(long)]
    told_to: Option<String>,
    /// When it was said (YYYY-MM-DD).
    #[arg(long)]
    date: Option<String>,
    #[arg(long)]
    outlet: Option<String>,
    #[arg(long)]
    source_title: Option<String>,
    /// article, magazine, blog, interview, speech, press-release, social, email, broadcast,
    /// document, other.
    #[arg(long)]
    source_kind: Option<String>,
    #[arg(long)]
    url: Option<String>,
    #[arg(long = "author")]
    authors: Vec<String>,
    /// When the source was published (YYYY-MM-DD); defaults to --date.
    #[arg(long)]
    published: Option<String>,
    #[arg(long = "tag")]
    tags: Vec<String>,
    #[arg(long)]
    language: Option<String>,
    #[arg(long)]
    notes: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct ClipArgs {
    /// A saved HTML page or text file, an http(s) URL, or - to read standard input.
    input: String,
    /// The article's address (for a saved page or pasted text).
    #[arg(long)]
    url: Option<String>,
    /// The publication (when the page does not say).
    #[arg(long)]
    outlet: Option<String>,
    /// The publication date, YYYY-MM-DD (when the page does not say, or to correct it).
    #[arg(long)]
    date: Option<String>,
    /// The article's title.
    #[arg(long)]
    title: Option<String>,
    /// Store the article and every quotation that has a speaker.
    #[arg(long)]
    save: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct EditArgs {
    id: String,
    #[arg(long)]
    text: Option<String>,
    #[arg(long)]
    speaker: Option<String>,
    /// Replaces those who said it with the speaker (repeat for several; `--co-speaker ""`
    /// removes them all).
    #[arg(long = "co-speaker")]
    co_speakers: Vec<String>,
    #[arg(long)]
    title: Option<String>,
    #[arg(long = "org", alias = "organization")]
    organization: Option<String>,
    #[arg(long = "org-description")]
    organization_description: Option<String>,
    #[arg(long)]
    medium: Option<String>,
    #[arg(long)]
    told_to: Option<String>,
    #[arg(long)]
    date: Option<String>,
    /// Replaces all tags (repeat for several; `--tag ""` removes them all).
    #[arg(long = "tag")]
    tags: Vec<String>,
    #[arg(long)]
    language: Option<String>,
    #[arg(long)]
    notes: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct ImportArgs {
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// json, csv or tsv (default: from the file name).
    #[arg(long)]
    format: Option<String>,
    /// The columns of a table without a header row, comma-separated; `_` skips one.
    /// E.g. `_,_,text,tags,speaker_slug,title,_,_,_,_,_,_,_,source_title`.
    #[arg(long)]
    columns: Option<String>,
    /// The text encoding of a table (default: UTF-8 when valid, else Windows-1252).
    #[arg(long)]
    encoding: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct ExportArgs {
    /// A search query selecting the quotes (all when absent).
    query: Option<String>,
    /// csl-json, bibtex, ris, apa, mla, chicago, markdown (AP attribution lines) or json
    /// (lossless, for `import`).
    #[arg(long, default_value = "json")]
    format: String,
    /// For apa, mla and chicago: text, html or markdown.
    #[arg(long, default_value = "text")]
    markup: String,
    /// Export these quotes (repeatable) instead of a query's.
    #[arg(long)]
    id: Vec<String>,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    force: bool,
}

/// `println!` that stops quietly when the reader has gone away (`onrecord export | head`), as
/// Unix tools do, instead of panicking on the broken pipe.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        written(writeln!(std::io::stdout(), $($arg)*));
    }};
}

/// `print!` with the same care as `out!`.
macro_rules! put {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        written(write!(std::io::stdout(), $($arg)*));
    }};
}

fn written(result: std::io::Result<()>) {
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
struct Target {
    dir: Option<PathBuf>,
    wait: f64,
}

fn open(target: Target) -> Result<Library, Error> {
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

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Error> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::Invalid(format!("cannot write JSON: {e}")))?;
    out!("{text}");
    Ok(())
}

fn opt(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

fn date_arg(value: Option<&str>, flag: &str) -> Result<Option<chrono::NaiveDate>, Error> {
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
    let library_dir = Target {
        dir: cli.library,
        wait: cli.wait,
    };
    match cli.command {
        Command::Add(args) => {
            let json = args.json;
            let quote = new_quote(args)?;
            let mut library = open(library_dir)?;
            let stored = library.add(quote)?;
            if json {
                print_json(&stored)?;
            } else {
                out!("{}", stored.id);
            }
        }
        Command::Show { id, json } => {
            let id: QuoteId = id.parse()?;
            let library = open(library_dir)?;
            let quote = library.quote(id)?;
            if json {
                print_json(&quote)?;
            } else {
                put!("{}", describe(&quote));
            }
        }
        Command::Edit(args) => {
            let id: QuoteId = args.id.parse()?;
            let json = args.json;
            let edit = quote_edit(args)?;
            if edit == QuoteEdit::default() {
                return Err(Error::Invalid(
                    "nothing to change; give at least one field, e.g. --title \"chief executive\""
                        .into(),
                ));
            }
            let mut library = open(library_dir)?;
            let quote = library.edit(id, edit)?;
            if json {
                print_json(&quote)?;
            } else {
                put!("{}", describe(&quote));
            }
        }
        Command::Rm { id, json } => {
            let id: QuoteId = id.parse()?;
            let mut library = open(library_dir)?;
            let quote = library.remove(id)?;
            if json {
                print_json(&quote)?;
            } else {
                out!("removed quote {id} ({})", quote.speaker);
            }
        }
        Command::Clip(args) => {
            let opts = onrecord::clip::ClipOptions {
                url: opt(args.url.clone()),
                outlet: opt(args.outlet),
                date: date_arg(args.date.as_deref(), "--date")?,
                title: opt(args.title),
            };
            let mut clip = read_clip(&args.input, opts)?;
            let report = if args.save {
                let mut library = open(library_dir)?;
                Some(library.save_clip(&mut clip)?)
            } else {
                None
            };
            if args.json {
                print_json(&clip)?;
            } else {
                print_clip(&clip, report.as_ref());
            }
        }
        Command::Check { input, json } => {
            let draft = read_text_input(&input)?;
            let mut library = open(library_dir)?;
            let report = library.check(&draft)?;
            if json {
                print_json(&report)?;
            } else {
                print_check(&report);
            }
            if !report.all_verified() {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Search {
            query,
            limit,
            offset,
            sort,
            json,
        } => {
            let sort: Sort = sort.parse()?;
            let mut library = open(library_dir)?;
            let results = library.search(&SearchRequest {
                query: query.clone(),
                limit,
                offset,
                sort,
                facets: true,
            })?;
            if json {
                print_json(&results)?;
            } else {
                print_search(&query, &results);
            }
        }
        Command::Import(args) => {
            let format = args
                .format
                .as_deref()
                .map(str::parse::<Format>)
                .transpose()?;
            let table = TableOptions {
                columns: args
                    .columns
                    .map(|c| c.split(',').map(|s| s.trim().to_owned()).collect()),
                encoding: args.encoding,
            };
            // Read and check every file before opening the library: a bad file writes nothing.
            let files = args
                .files
                .iter()
                .map(|path| import::read_file(path, format, &table))
                .collect::<Result<Vec<_>, _>>()?;
            let mut library = open(library_dir)?;
            let mut total = onrecord::import::ImportReport::default();
            for file in ImportFile::merge(files) {
                let report = library.import(file)?;
                total.imported += report.imported;
                total.skipped += report.skipped;
            }
            if args.json {
                print_json(&total)?;
            } else {
                out!(
                    "imported {} quote(s){}",
                    total.imported,
                    if total.skipped > 0 {
                        format!(", skipped {} already in the library", total.skipped)
                    } else {
                        String::new()
                    }
                );
            }
        }
        Command::Export(args) => {
            let format = cite::Format::parse(&args.format)?;
            let markup = cite::Markup::parse(&args.markup)?;
            if let Some(path) = &args.output {
                cite::check_destination(path, args.force)?;
            }
            let selection = if !args.id.is_empty() {
                if args.query.is_some() {
                    return Err(Error::Invalid(
                        "give either a QUERY or --id, not both".into(),
                    ));
                }
                Selection::Ids(
                    args.id
                        .iter()
                        .map(|id| id.parse::<QuoteId>())
                        .collect::<Result<_, _>>()?,
                )
            } else {
                match args.query.as_deref().map(str::trim) {
                    None | Some("") => Selection::All,
                    Some(query) => Selection::Query(query.to_owned()),
                }
            };
            let mut library = open(library_dir)?;
            match &args.output {
                Some(path) => {
                    let count =
                        library.export_to_file(&selection, format, markup, path, args.force)?;
                    eprintln!(
                        "onrecord: exported {count} quote(s) as {} to {}",
                        format.name(),
                        path.display()
                    );
                }
                None => {
                    let (text, _) = library.export_as(&selection, format, markup)?;
                    put!("{text}");
                    if !text.ends_with('\n') && !text.is_empty() {
                        out!();
                    }
                }
            }
        }
        Command::Style { name } => {
            let format = cite::Format::parse(&name)?;
            put!("{}", cite::styles::style_xml(format)?);
        }
        Command::Backup { file, force, json } => {
            let library = open(library_dir)?;
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
        }
        Command::Restore { file, force, json } => {
            let dir = library_dir.dir.unwrap_or_else(onrecord::default_dir);
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
        }
        Command::Reindex { json } => {
            let mut library = open(library_dir)?;
            let n = library.reindex()?;
            if json {
                print_json(&serde_json::json!({ "indexed": n }))?;
            } else {
                out!("reindexed {n} quote(s)");
            }
        }
        Command::Doctor { json } => {
            let mut library = open(library_dir)?;
            let report = library.doctor()?;
            if json {
                print_json(&report)?;
            } else {
                print_doctor(&report);
            }
            if !report.healthy() {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Speakers { name, json } => {
            let library = open(library_dir)?;
            match name {
                Some(name) => {
                    let speaker = library.speaker(&name)?;
                    if json {
                        print_json(&speaker)?;
                    } else {
                        print_speaker(&speaker);
                    }
                }
                None => {
                    let speakers = library.speakers()?;
                    if json {
                        print_json(&speakers)?;
                    } else {
                        for s in speakers {
                            let latest = s
                                .affiliations
                                .last()
                                .map(affiliation_line)
                                .unwrap_or_default();
                            out!(
                                "{}{}",
                                s.name,
                                if latest.is_empty() {
                                    String::new()
                                } else {
                                    format!(" — {latest}")
                                }
                            );
                        }
                    }
                }
            }
        }
        Command::Inbox { action, json } => {
            let mut library = open(library_dir)?;
            match action {
                None => {
                    let items = library.inbox()?;
                    if json {
                        print_json(&items)?;
                    } else if items.is_empty() {
                        out!(
                            "the inbox is empty (the browser extension's \"Send to inbox\" fills it)"
                        );
                    } else {
                        for item in &items {
                            out!(
                                "[{}] {} · {}{}",
                                item.id,
                                item.title.as_deref().unwrap_or("(no title)"),
                                item.received_at.format("%Y-%m-%d %H:%M"),
                                item.url
                                    .as_deref()
                                    .map(|u| format!("\n     {u}"))
                                    .unwrap_or_default()
                            );
                        }
                        out!(
                            "{} page(s) waiting; `onrecord inbox show ID` lists a page's quotations",
                            items.len()
                        );
                    }
                }
                Some(InboxAction::Show { id, json }) => {
                    let clip = library.inbox_clip(id)?;
                    if json {
                        print_json(&clip)?;
                    } else {
                        print_clip(&clip, None);
                    }
                }
                Some(InboxAction::Save { id, json }) => {
                    let mut clip = library.inbox_clip(id)?;
                    let report = library.save_clip(&mut clip)?;
                    library.inbox_remove(id)?;
                    if json {
                        print_json(&clip)?;
                    } else {
                        print_clip(&clip, Some(&report));
                    }
                }
                Some(InboxAction::Remove { id }) => {
                    library.inbox_remove(id)?;
                    out!("removed page {id} from the inbox");
                }
            }
        }
        Command::Browser { action } => {
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
                let dir = library_dir.dir.unwrap_or_else(onrecord::default_dir);
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
        }
        Command::BrowserHost { browser_args: _ } => {
            let dir = library_dir.dir.unwrap_or_else(onrecord::default_dir);
            let mut host = browser::Host::new(dir);
            let stdin = std::io::stdin();
            let stdout = std::io::stdout();
            browser::serve(&mut host, &mut stdin.lock(), &mut stdout.lock())
                .map_err(|e| Error::Invalid(format!("the browser host stopped: {e}")))?;
        }
        Command::Alias { speaker, alias } => {
            let mut library = open(library_dir)?;
            library.add_alias(&speaker, &alias)?;
            out!("{speaker} is also known as {alias}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn new_quote(args: AddArgs) -> Result<NewQuote, Error> {
    let (medium, told_to) = match args.medium.as_deref() {
        Some(m) => Medium::parse_with_recipient(m)?,
        None if args.told_to.is_some() => (Medium::Told, None),
        None => (Medium::Said, None),
    };
    let said_on = date_arg(args.date.as_deref(), "--date")?;
    let source = NewSource {
        kind: args
            .source_kind
            .as_deref()
            .map(str::parse::<SourceKind>)
            .transpose()?
            .unwrap_or_default(),
        title: opt(args.source_title),
        outlet: opt(args.outlet),
        authors: args.authors,
        published: date_arg(args.published.as_deref(), "--published")?,
        url: opt(args.url),
        ..Default::default()
    };
    let has_source = !source.is_empty();
    Ok(NewQuote {
        text: args.text,
        speaker: args.speaker,
        co_speakers: args.co_speakers,
        title: opt(args.title),
        organization: opt(args.organization),
        organization_description: opt(args.organization_description),
        medium,
        told_to: opt(args.told_to).or(told_to),
        source: has_source.then(|| NewSource {
            published: source.published.or(said_on),
            ..source
        }),
        said_on,
        tags: args.tags,
        language: opt(args.language),
        notes: opt(args.notes),
        ..Default::default()
    })
}

fn quote_edit(args: EditArgs) -> Result<QuoteEdit, Error> {
    // An empty value clears an optional field.
    let clearable = |v: Option<String>| v.map(|v| Some(v).filter(|v| !v.trim().is_empty()));
    let (medium, told_to_from_medium) = match args.medium.as_deref() {
        Some(m) => {
            let (m, to) = Medium::parse_with_recipient(m)?;
            (Some(m), to)
        }
        None => (None, None),
    };
    Ok(QuoteEdit {
        text: args.text,
        speaker: args.speaker,
        co_speakers: (!args.co_speakers.is_empty()).then(|| {
            args.co_speakers
                .into_iter()
                .filter(|n| !n.trim().is_empty())
                .collect()
        }),
        title: clearable(args.title),
        organization: clearable(args.organization),
        organization_description: clearable(args.organization_description),
        medium,
        told_to: clearable(args.told_to).or(told_to_from_medium.map(Some)),
        said_on: match args.date {
            Some(d) if d.trim().is_empty() => Some(None),
            Some(d) => Some(Some(
                parse_date(&d).map_err(|e| Error::Invalid(format!("--date: {e}")))?,
            )),
            None => None,
        },
        tags: (!args.tags.is_empty()).then(|| {
            args.tags
                .into_iter()
                .filter(|t| !t.trim().is_empty())
                .collect()
        }),
        language: opt(args.language),
        notes: clearable(args.notes),
    })
}

fn read_clip(
    input: &str,
    opts: onrecord::clip::ClipOptions,
) -> Result<onrecord::clip::Clip, Error> {
    use std::io::Read;
    if input.starts_with("http://") || input.starts_with("https://") {
        let page =
            onrecord::clip::fetch::fetch(input, &onrecord::clip::fetch::FetchOptions::default())?;
        let opts = onrecord::clip::ClipOptions {
            url: opts.url.clone().or(Some(page.url.clone())),
            ..opts
        };
        return onrecord::clip::fetch::clip_page(&page, &opts);
    }
    let bytes = if input == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(onrecord::clip::MAX_INPUT_BYTES as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|source| Error::ReadFile {
                path: PathBuf::from("-"),
                source,
            })?;
        buf
    } else {
        let path = Path::new(input);
        let meta = std::fs::metadata(path).map_err(|source| Error::ReadFile {
            path: path.to_owned(),
            source,
        })?;
        if meta.is_dir() {
            return Err(Error::Invalid(format!(
                "{input} is a folder; give an HTML or text file"
            )));
        }
        if meta.len() > onrecord::clip::MAX_INPUT_BYTES as u64 {
            return Err(Error::Invalid(format!(
                "{input} is {} MB; an article is at most {} MB — is this the right file?",
                meta.len() / (1024 * 1024),
                onrecord::clip::MAX_INPUT_BYTES / (1024 * 1024)
            )));
        }
        std::fs::read(path).map_err(|source| Error::ReadFile {
            path: path.to_owned(),
            source,
        })?
    };
    onrecord::clip::clip_bytes(&bytes, &opts)
}

/// Reads a text file or standard input (`-`), refusing binary data and huge files.
fn read_text_input(input: &str) -> Result<String, Error> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let limit = onrecord::clip::MAX_INPUT_BYTES as u64 + 1;
    let (path, result) = if input == "-" {
        (
            PathBuf::from("-"),
            std::io::stdin().take(limit).read_to_end(&mut bytes),
        )
    } else {
        let path = PathBuf::from(input);
        let result = std::fs::File::open(&path).and_then(|f| f.take(limit).read_to_end(&mut bytes));
        (path, result)
    };
    result.map_err(|source| Error::ReadFile {
        path: path.clone(),
        source,
    })?;
    if bytes.len() as u64 >= limit {
        return Err(Error::Invalid(format!(
            "{} is larger than {} MB; a draft is much smaller — is this the right file?",
            path.display(),
            onrecord::clip::MAX_INPUT_BYTES / (1024 * 1024)
        )));
    }
    if bytes.iter().take(8192).any(|b| *b == 0) {
        return Err(Error::Invalid(format!(
            "{} is binary data, not a draft",
            path.display()
        )));
    }
    onrecord::import::decode(&path, &bytes, None)
}

fn print_check(report: &onrecord::check::CheckReport) {
    use onrecord::check::Verdict;
    let tty = std::io::stdout().is_terminal();
    if !report.unclosed.is_empty() {
        out!(
            "{} quotation mark(s) never closed (at characters {:?}): the words after them were \
             not checked; close the quotation and check again",
            report.unclosed.len(),
            report.unclosed
        );
    }
    if report.findings.is_empty() {
        out!("no quotations found in the draft");
        return;
    }
    for f in &report.findings {
        let (mark, colour) = match f.verdict {
            Verdict::Verified => ("✓ verified", "32"),
            Verdict::Misquoted => ("✗ misquoted", "33"),
            Verdict::Misattributed => ("✗ misattributed", "31"),
            Verdict::Unverified => ("? unverified", "35"),
        };
        let label = if tty {
            format!("\x1b[1;{colour}m{mark}\x1b[0m")
        } else {
            mark.to_owned()
        };
        out!("{label}  “{}”", f.quote);
        for p in &f.problems {
            out!("    {}", p.message);
        }
        match (&f.record, f.verdict) {
            (Some(r), Verdict::Verified) => {
                out!("    on record: {}", onrecord::check::describe_record(r))
            }
            (None, _) => out!("    nothing like it is in the library"),
            _ => {}
        }
    }
    let count = |v: Verdict| report.findings.iter().filter(|f| f.verdict == v).count();
    out!(
        "{} quotation(s): {} verified, {} misquoted, {} misattributed, {} unverified",
        report.findings.len(),
        count(Verdict::Verified),
        count(Verdict::Misquoted),
        count(Verdict::Misattributed),
        count(Verdict::Unverified)
    );
}

fn print_clip(clip: &onrecord::clip::Clip, report: Option<&onrecord::library::ClipReport>) {
    let a = &clip.article;
    if let Some(t) = &a.title {
        out!("{t}");
    }
    let meta: Vec<String> = [
        a.site_name.clone(),
        a.byline.clone(),
        a.published.map(|d| d.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !meta.is_empty() {
        out!("{}", meta.join(" · "));
    }
    out!("{} quotation(s)", clip.quotes.len());
    for (n, q) in clip.quotes.iter().enumerate() {
        let who = match &q.speaker {
            Some(s) => {
                let mut who = s.clone();
                for part in [q.title.as_deref(), q.organization.as_deref()]
                    .into_iter()
                    .flatten()
                {
                    who.push_str(", ");
                    who.push_str(part);
                }
                with_co_speakers(who, &q.co_speakers)
            }
            None => "speaker unknown".to_owned(),
        };
        let how = match (&q.medium, &q.told_to) {
            (Medium::Told, Some(to)) => format!("told {to}"),
            (m, _) => m.to_string(),
        };
        let id = q.id.map(|i| format!(" [{i}]")).unwrap_or_default();
        out!(
            "{:>3}.{id} “{}”
     {who} · {how}",
            n + 1,
            q.text
        );
        if let Some(note) = &q.note {
            out!("     ({note})");
        }
    }
    if !clip.unclosed.is_empty() {
        out!(
            "{} quotation mark(s) never closed (at characters {:?}): not clipped",
            clip.unclosed.len(),
            clip.unclosed
        );
    }
    if let Some(r) = report {
        out!(
            "saved {} quote(s){}{}",
            r.saved.len(),
            if r.already_saved > 0 {
                format!(", {} already saved", r.already_saved)
            } else {
                String::new()
            },
            if r.without_speaker > 0 {
                format!(
                    ", {} without a speaker not saved (add them with `onrecord add`)",
                    r.without_speaker
                )
            } else {
                String::new()
            }
        );
    }
}

fn affiliation_line(a: &onrecord::model::Affiliation) -> String {
    let mut s = [a.title.as_deref(), a.organization.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    match (a.valid_from, a.valid_to) {
        (Some(f), Some(t)) if f == t => s.push_str(&format!(" ({f})")),
        (Some(f), Some(t)) => s.push_str(&format!(" ({f} – {t})")),
        (Some(f), None) => s.push_str(&format!(" (from {f})")),
        (None, Some(t)) => s.push_str(&format!(" (until {t})")),
        (None, None) => {}
    }
    s
}

fn print_speaker(s: &onrecord::Speaker) {
    out!("{}", s.name);
    if !s.aliases.is_empty() {
        out!("  also known as: {}", s.aliases.join(", "));
    }
    for a in &s.affiliations {
        out!("  {}", affiliation_line(a));
    }
}

/// "Jane Roe, co-chair (with John Doe)": the speaker as described, and whoever said it with
/// them.
fn with_co_speakers(who: String, co_speakers: &[String]) -> String {
    match co_speakers.is_empty() {
        true => who,
        false => format!("{who} (with {})", co_speakers.join(", ")),
    }
}

/// The attribution as a reporter would read it: name, title, organization · how · where · when.
fn attribution(q: &Quote) -> String {
    let mut who = q.speaker.clone();
    for part in [q.title.as_deref(), q.organization.as_deref()]
        .into_iter()
        .flatten()
    {
        who.push_str(", ");
        who.push_str(part);
    }
    let mut parts = vec![with_co_speakers(who, &q.co_speakers)];
    parts.push(match (&q.medium, &q.told_to) {
        (Medium::Told, Some(to)) => format!("told {to}"),
        (m, _) => m.to_string(),
    });
    if let Some(outlet) = q.source.as_ref().and_then(|s| s.outlet.clone()) {
        parts.push(outlet);
    }
    if let Some(date) = q.date() {
        parts.push(date.to_string());
    }
    parts.join(" · ")
}

fn describe(q: &Quote) -> String {
    let mut out = format!("[{}] “{}”\n  {}\n", q.id, q.text, attribution(q));
    if let Some(s) = &q.source {
        let line = [s.title.as_deref(), s.author.as_deref(), s.url.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        if !line.is_empty() {
            out.push_str(&format!("  source: {line}\n"));
        }
    }
    if !q.tags.is_empty() {
        out.push_str(&format!("  tags: {}\n", q.tags.join(", ")));
    }
    if let Some(n) = &q.notes {
        out.push_str(&format!("  notes: {n}\n"));
    }
    out
}

/// A snippet for a terminal: marks in bold on a TTY, bare text otherwise; HTML entities undone.
fn terminal_snippet(html: &str, tty: bool) -> String {
    let (on, off) = if tty {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    html.replace("<mark>", on)
        .replace("</mark>", off)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

fn print_search(query: &str, results: &onrecord::SearchResults) {
    let tty = std::io::stdout().is_terminal();
    if results.total == 0 {
        out!("no quotes match {query:?}");
        return;
    }
    out!(
        "{} quote(s) match {query:?}{}",
        results.total,
        if results.hits.len() < results.total {
            format!(", showing {}", results.hits.len())
        } else {
            String::new()
        }
    );
    for hit in &results.hits {
        out!(
            "[{}] “{}”\n     {}",
            hit.quote.id,
            terminal_snippet(&hit.snippet, tty),
            attribution(&hit.quote)
        );
    }
}

fn print_doctor(r: &onrecord::DoctorReport) {
    out!("database: {}", r.database.display());
    out!("index:    {}", r.index.display());
    out!(
        "integrity: {}",
        if r.integrity == ["ok"] {
            "ok".to_owned()
        } else {
            r.integrity.join("; ")
        }
    );
    out!(
        "quotes in database: {}; documents in index: {}",
        r.quotes_in_store,
        r.documents_in_index
    );
    out!(
        "changes: database at {}, index at {} ({} pending)",
        r.store_sequence,
        r.index_sequence,
        r.pending_changes
    );
    let ids = |v: &[QuoteId]| {
        v.iter()
            .take(20)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !r.missing_from_index.is_empty() {
        out!(
            "not searchable ({}): {}",
            r.missing_from_index.len(),
            ids(&r.missing_from_index)
        );
    }
    if !r.extra_in_index.is_empty() {
        out!(
            "deleted but still in the index ({}): {}",
            r.extra_in_index.len(),
            ids(&r.extra_in_index)
        );
    }
    if !r.duplicated_in_index.is_empty() {
        out!(
            "indexed twice ({}): {}",
            r.duplicated_in_index.len(),
            ids(&r.duplicated_in_index)
        );
    }
    if r.healthy() {
        out!("healthy");
    } else {
        out!("problems found: run `onrecord reindex` to rebuild the index from the database");
    }
}
