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
}
