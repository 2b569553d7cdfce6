//! OnRecord's core: a library of quotations with who said them (their title and employer at the
//! time), how, and where it was published — stored in SQLite (the truth), searched through a
//! Tantivy index derived from it. The desktop app and the `onrecord` CLI are thin faces over
//! [`Library`]; all the logic lives here, and nothing here knows about windows or terminals.
//!
//! - [`model`]: the domain types and their JSON form.
//! - [`store`]: the SQLite database, its migrations and the index outbox.
//! - [`search`] and [`query`]: the Tantivy index and the search language.
//! - [`import`]: reading JSON and CSV/TSV files.
//! - [`cite`]: citations (CSL-JSON, BibLaTeX, RIS, APA/MLA/Chicago, AP attribution lines).
//! - [`library`]: the facade that keeps store and index in step.

pub mod backup;
pub mod browser;
pub mod check;
pub mod cite;
pub mod clip;
pub mod documents;
pub mod error;
pub mod files;
mod highlight;
pub mod import;
pub mod inbox;
pub mod library;
pub mod model;
pub mod query;
pub mod search;
pub mod speakers;
mod stem;
pub mod store;
pub mod story;
pub mod tags;
mod title;

pub use error::{Error, ErrorCode, Result};
pub use library::{DoctorReport, Hit, Library, QuoteView, SearchResults, Selection, default_dir};
pub use model::{
    Medium, NewQuote, NewSource, Quote, QuoteEdit, QuoteFields, QuoteId, Source, Speaker,
};
pub use search::{SearchRequest, Sort};

/// Test hook for crash-safety tests: when `ONRECORD_FAILPOINT` names this point, the process
/// aborts here, as a crash or a kill would stop it (no destructors, no clean shutdown).
pub(crate) fn failpoint(name: &str) {
    if std::env::var_os("ONRECORD_FAILPOINT").is_some_and(|v| v == name) {
        eprintln!("onrecord: failpoint {name}: aborting");
        std::process::abort();
    }
}
