//! The one error type of the core. Every variant carries what was involved (a path, an id, a
//! line) and its message says what went wrong and what the user can do about it; the CLI and the
//! app only choose how to show it, using [`Error::code`].

use std::path::PathBuf;

/// What kind of failure this is, for the faces of the program to branch on (exit codes in the
/// CLI, `{code, message}` in the app). Never branch on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The user's input (a query, a file, a field value) is not acceptable. Nothing was written.
    BadInput,
    /// The thing asked for does not exist.
    NotFound,
    /// The library could not be opened or written (locked, corrupt, newer version, disk).
    Library,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Invalid(String),

    #[error("invalid search query: {message} (at character {position}); {hint}")]
    Query {
        message: String,
        position: usize,
        hint: String,
    },

    #[error("{path}, line {line}: {message}; nothing was imported")]
    ImportLine {
        path: PathBuf,
        line: u64,
        message: String,
    },

    #[error("no quote with id {0}; `onrecord search` lists quotes with their ids")]
    QuoteNotFound(String),

    #[error("no speaker named {0:?} in the library")]
    SpeakerNotFound(String),

    /// Something else asked for by id is not there; the message says what and where to look.
    #[error("{0}")]
    NotFound(String),

    #[error("cannot read {path}: {source}")]
    ReadFile {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("cannot write {path}: {source}")]
    WriteFile {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error(
        "the library at {path} was written by a newer version of OnRecord (schema {found}, this \
         build knows up to {known}); install a newer OnRecord to open it — the library was not modified"
    )]
    NewerLibrary {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error("the library database at {path} cannot be used: {source}; {hint}")]
    Store {
        path: PathBuf,
        source: rusqlite::Error,
        hint: &'static str,
    },

    #[error(
        "the library at {path} stayed busy for {waited:.0} s: another program (the desktop app or \
         another onrecord) is writing it; nothing was changed — try again when it has finished, \
         or wait longer with --wait SECONDS"
    )]
    Busy { path: PathBuf, waited: f64 },

    #[error("the library database failed: {0}")]
    Sql(#[from] rusqlite::Error),

    #[error(
        "the search index at {path} failed: {source}; `onrecord reindex` rebuilds it from the database"
    )]
    Index {
        path: PathBuf,
        source: tantivy::TantivyError,
    },
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Invalid(_) | Error::Query { .. } | Error::ImportLine { .. } => {
                ErrorCode::BadInput
            }
            Error::ReadFile { .. } => ErrorCode::BadInput,
            Error::QuoteNotFound(_) | Error::SpeakerNotFound(_) | Error::NotFound(_) => {
                ErrorCode::NotFound
            }
            Error::WriteFile { .. }
            | Error::NewerLibrary { .. }
            | Error::Store { .. }
            | Error::Sql(_)
            | Error::Busy { .. }
            | Error::Index { .. } => ErrorCode::Library,
        }
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Error::Invalid(message.into())
    }

    /// The message as the desktop window says it: what to do in the window's own words (its
    /// buttons and views), not the command line's commands and flags, which `Display` gives.
    pub fn for_window(&self) -> String {
        let mut message = match self {
            Error::Busy { .. } => {
                "the library is busy: another program (another OnRecord window or \
                                   the command line) is writing it; nothing was changed — try \
                                   again in a moment"
                    .to_owned()
            }
            other => other.to_string(),
        };
        for (cli, window) in WINDOW_WORDS {
            message = message.replace(cli, window);
        }
        message
    }
}

/// The command line's advice, and the window's for the same thing.
const WINDOW_WORDS: &[(&str, &str)] = &[
    (
        "`onrecord search` lists quotes with their ids",
        "search the library to find the quote",
    ),
    (
        "as printed by `onrecord search`",
        "as search results show them",
    ),
    (
        "`onrecord reindex` rebuilds it from the database",
        "restart OnRecord to rebuild it from the database",
    ),
    (
        "add --force to overwrite it",
        "tick “overwrite” to replace it",
    ),
    (
        "to remove a quote use `onrecord rm`",
        "to remove the quote, use Delete",
    ),
    (
        "`onrecord story list` lists the stories",
        "the Story filter in the library lists them",
    ),
    (
        "`onrecord tag list` lists the tags",
        "the Tag filter in the library lists them",
    ),
    (
        "`onrecord inbox` lists the pages waiting",
        "the Inbox lists the pages waiting",
    ),
    (
        "add --format json, jsonl, csv or tsv",
        "give the file a name ending in .json, .jsonl, .csv or .tsv",
    ),
    (
        "give the file `onrecord backup` wrote",
        "give a backup file OnRecord wrote",
    ),
    (
        "update OnRecord and run `onrecord browser install` again",
        "update OnRecord and press “Connect the browser” again",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// No error the window shows names a command or a flag of the command line.
    #[test]
    fn the_window_gets_no_command_line_words() {
        let errors = [
            Error::QuoteNotFound("7".into()),
            Error::Busy {
                path: "/lib".into(),
                waited: 10.0,
            },
            Error::Invalid("the new text is empty; to remove a quote use `onrecord rm`".into()),
            Error::Invalid("/tmp/q.bib already exists; add --force to overwrite it".into()),
            Error::NotFound("no story named \"x\"; `onrecord story list` lists the stories".into()),
            Error::NotFound("no quote is tagged \"x\"; `onrecord tag list` lists the tags".into()),
            Error::NotFound(
                "no page 3 in the inbox; `onrecord inbox` lists the pages waiting".into(),
            ),
            Error::Invalid(
                "cannot tell the format of a.txt from its name; add --format json, jsonl, csv or tsv"
                    .into(),
            ),
        ];
        // Real errors from the functions that raise them, so a reworded message is noticed.
        let dir = tempfile::tempdir().unwrap();
        let existing = dir.path().join("q.bib");
        std::fs::write(&existing, "").unwrap();
        let real = [
            crate::files::check_destination(&existing, false).unwrap_err(),
            "abc".parse::<crate::model::QuoteId>().unwrap_err(),
        ];
        for e in errors.into_iter().chain(real) {
            let said = e.for_window();
            assert!(
                !said.contains("onrecord ") && !said.contains("--"),
                "{said}"
            );
            assert!(said.len() > 20, "{said}");
        }
        assert!(
            Error::QuoteNotFound("7".into())
                .to_string()
                .contains("`onrecord search`")
        );
    }
}
