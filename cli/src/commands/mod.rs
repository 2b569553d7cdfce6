//! One module per subcommand: its arguments and what it does (parse, call the core, print).

pub(crate) mod add;
pub(crate) mod alias;
pub(crate) mod backup;
pub(crate) mod browser;
pub(crate) mod browser_host;
pub(crate) mod check;
pub(crate) mod clip;
pub(crate) mod doctor;
pub(crate) mod edit;
pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod inbox;
pub(crate) mod reindex;
pub(crate) mod restore;
pub(crate) mod rm;
pub(crate) mod search;
pub(crate) mod show;
pub(crate) mod speakers;
pub(crate) mod story;
pub(crate) mod style;
pub(crate) mod tag;
