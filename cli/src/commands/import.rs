//! `onrecord import`: Import quotes from files (OnRecord JSON, JSON Lines, CSV or TSV), all in one
//! transaction.

use crate::print::print_json;
use crate::{Target, open};
use clap::Args;
use onrecord::import::{Format, ImportFile, TableOptions};
use onrecord::{Error, import};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct ImportArgs {
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// json, jsonl, csv or tsv (default: from the file name; .jsonl and .ndjson are JSON Lines).
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

pub(crate) fn run(args: ImportArgs, target: Target) -> Result<ExitCode, Error> {
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
    let mut library = open(target)?;
    let mut total = onrecord::import::ImportReport::default();
    // On a terminal, the count so far, on one line of standard error (scripts see nothing).
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let mut progress = |p: onrecord::library::Progress| {
        if terminal && p.done < p.total {
            eprint!("\rimporting: {} of {} quotes…", p.done, p.total);
        } else if terminal {
            eprint!("\r\x1b[K");
        }
    };
    for file in ImportFile::merge(files) {
        let report = library.import_reporting(file, &mut progress)?;
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
    Ok(ExitCode::SUCCESS)
}
