//! The window's commands: each takes its arguments, calls one core function and maps the error
//! to `{code, message}` — no SQL, no Tantivy, no logic here. Work that can take long (fetching
//! and clipping a page, importing, reindexing) runs on a blocking thread and reports progress
//! as `work` events, so the window stays responsive.

use std::path::PathBuf;
use std::sync::Mutex;

use onrecord::cite::{Format, Markup};
use onrecord::clip::{self, Clip, ClipOptions};
use onrecord::import::{self, TableOptions};
use onrecord::{Library, Quote, QuoteFields, QuoteId, SearchRequest, Selection, Sort};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, Manager};

pub struct State {
    /// The library every write goes through.
    pub library: Mutex<Library>,
    /// A second handle on the same folder for what only reads (search, a quote, the lists,
    /// checking, exporting), so that none of it waits behind a save or an import: SQLite's WAL
    /// gives it the last committed state, the index its last commit.
    pub reader: Mutex<Library>,
    pub dir: PathBuf,
}

/// An error as the UI sees it: `code` is what it branches on (`bad_input`, `not_found`,
/// `library`), `message` says what went wrong and what to do.
#[derive(Debug, Serialize)]
pub struct CommandError {
    code: &'static str,
    message: String,
}

impl From<onrecord::Error> for CommandError {
    fn from(err: onrecord::Error) -> Self {
        CommandError {
            code: match err.code() {
                onrecord::ErrorCode::BadInput => "bad_input",
                onrecord::ErrorCode::NotFound => "not_found",
                onrecord::ErrorCode::Library => "library",
            },
            message: err.for_window(),
        }
    }
}

type Result<T> = std::result::Result<T, CommandError>;

fn library<'a>(state: &'a tauri::State<'_, State>) -> Result<std::sync::MutexGuard<'a, Library>> {
    lock(
        &state.library,
        "an earlier action failed midway; restart OnRecord (nothing saved was lost)",
    )
}

fn reader<'a>(state: &'a tauri::State<'_, State>) -> Result<std::sync::MutexGuard<'a, Library>> {
    lock(
        &state.reader,
        "an earlier search failed midway; restart OnRecord (nothing saved was lost)",
    )
}

/// One of the library handles; `poisoned` says what to do when an earlier command panicked
/// holding it.
fn lock<'a>(
    handle: &'a Mutex<Library>,
    poisoned: &str,
) -> Result<std::sync::MutexGuard<'a, Library>> {
    handle.lock().map_err(|_| CommandError {
        code: "library",
        message: poisoned.into(),
    })
}

/// Runs slow work on a blocking thread, so that the window and other commands go on; `what`
/// names it if that thread dies.
async fn blocking<T: Send + 'static>(
    what: &'static str,
    f: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| CommandError {
            code: "library",
            message: format!("{what} stopped unexpectedly ({e}); try again"),
        })?
}

/// Progress of long work, for the status bar.
#[derive(Clone, Serialize)]
struct Work<'a> {
    task: &'a str,
    state: &'a str,
    /// How far it has got, when it can say (`state` is then "progress").
    #[serde(skip_serializing_if = "Option::is_none")]
    progress: Option<onrecord::library::Progress>,
}

fn work(app: &AppHandle, task: &str, state: &str) {
    let _ = app.emit(
        "work",
        Work {
            task,
            state,
            progress: None,
        },
    );
}

#[derive(Serialize)]
pub struct LibraryInfo {
    path: String,
    quotes: u64,
}

#[tauri::command(async)]
pub fn library_info(state: tauri::State<'_, State>) -> Result<LibraryInfo> {
    let library = reader(&state)?;
    Ok(LibraryInfo {
        path: state.dir.display().to_string(),
        quotes: library.store().quote_count()?,
    })
}

#[tauri::command(async)]
pub fn search(
    state: tauri::State<'_, State>,
    query: String,
    sort: String,
    limit: usize,
    offset: usize,
) -> Result<onrecord::SearchResults> {
    let sort: Sort = sort.parse()?;
    Ok(reader(&state)?.search(&SearchRequest {
        query,
        limit,
        offset,
        sort,
        facets: true,
    })?)
}

#[tauri::command(async)]
pub fn quote_view(state: tauri::State<'_, State>, id: QuoteId) -> Result<onrecord::QuoteView> {
    Ok(reader(&state)?.quote_view(id)?)
}

#[tauri::command(async)]
pub fn edit_quote(
    state: tauri::State<'_, State>,
    id: QuoteId,
    fields: QuoteFields,
) -> Result<Quote> {
    Ok(library(&state)?.edit(id, fields.into_edit()?)?)
}

/// Deletes a quote and returns it, so the window can offer to undo.
#[tauri::command(async)]
pub fn delete_quote(state: tauri::State<'_, State>, id: QuoteId) -> Result<Quote> {
    Ok(library(&state)?.remove(id)?)
}

/// Undoes a delete: stores the quote again with its id.
#[tauri::command(async)]
pub fn restore_quote(state: tauri::State<'_, State>, quote: Quote) -> Result<Quote> {
    Ok(library(&state)?.restore(quote)?)
}

/// What to clip: pasted text, a URL, or the contents of a dropped file.
#[derive(Deserialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "value")]
pub enum ClipInput {
    Text(String),
    Url(String),
    /// A dropped file: HTML, text, PDF, Word, OpenDocument or a transcript, told apart by
    /// content (the name only names it in messages and catches a mislabelled file).
    File {
        bytes: Vec<u8>,
        #[serde(default)]
        name: Option<String>,
    },
}

#[tauri::command]
pub async fn clip(app: AppHandle, input: ClipInput) -> Result<Clip> {
    work(&app, "clip", "started");
    let result = blocking("clipping", move || {
        Ok(match input {
            ClipInput::Text(text) => clip::clip_text(&text, &ClipOptions::default())?,
            ClipInput::Url(url) => {
                let page = clip::fetch::fetch(&url, &clip::fetch::FetchOptions::default())?;
                let opts = ClipOptions {
                    url: Some(page.url.clone()),
                    ..Default::default()
                };
                clip::fetch::clip_page(&page, &opts)?
            }
            ClipInput::File { bytes, name } => {
                clip::clip_file(&bytes, name.as_deref(), None, &ClipOptions::default())?
            }
        })
    })
    .await;
    work(&app, "clip", "finished");
    result
}

/// Saves the candidates the user kept (already edited in the window).
#[tauri::command(async)]
pub fn save_clip(
    state: tauri::State<'_, State>,
    mut clip: Clip,
) -> Result<onrecord::library::ClipReport> {
    Ok(library(&state)?.save_clip(&mut clip)?)
}

/// A dropped draft's text (Word, OpenDocument, PDF or text), to check.
#[tauri::command]
pub async fn read_draft(name: String, bytes: Vec<u8>) -> Result<String> {
    blocking("reading the draft", move || {
        Ok(onrecord::files::draft_from_bytes(
            &bytes,
            Some(&name),
            None,
        )?)
    })
    .await
}

#[tauri::command(async)]
pub fn check(
    state: tauri::State<'_, State>,
    draft: String,
) -> Result<onrecord::check::CheckReport> {
    Ok(reader(&state)?.check(&draft)?)
}

/// The selection the export view sends: a search query (all when empty) or chosen ids.
#[derive(Deserialize)]
pub struct ExportSelection {
    #[serde(default)]
    query: String,
    #[serde(default)]
    ids: Vec<QuoteId>,
}

impl ExportSelection {
    fn selection(self) -> Selection {
        if !self.ids.is_empty() {
            Selection::Ids(self.ids)
        } else if self.query.trim().is_empty() {
            Selection::All
        } else {
            Selection::Query(self.query)
        }
    }
}

#[derive(Serialize)]
pub struct Exported {
    text: String,
    count: usize,
}

#[tauri::command(async)]
pub fn export_text(
    state: tauri::State<'_, State>,
    selection: ExportSelection,
    format: String,
    markup: String,
) -> Result<Exported> {
    let (text, count) = reader(&state)?.export_as(
        &selection.selection(),
        Format::parse(&format)?,
        Markup::parse(&markup)?,
    )?;
    Ok(Exported { text, count })
}

#[tauri::command(async)]
pub fn export_file(
    state: tauri::State<'_, State>,
    selection: ExportSelection,
    format: String,
    markup: String,
    path: String,
    force: bool,
) -> Result<Exported> {
    let path = PathBuf::from(path);
    let count = reader(&state)?.export_to_file(
        &selection.selection(),
        Format::parse(&format)?,
        Markup::parse(&markup)?,
        &path,
        force,
    )?;
    Ok(Exported {
        text: path.display().to_string(),
        count,
    })
}

/// Sets a title and employer a speaker held over a span of dates (corrects or adds it).
#[tauri::command(async)]
pub fn set_affiliation(
    state: tauri::State<'_, State>,
    speaker: String,
    affiliation: onrecord::model::Affiliation,
) -> Result<bool> {
    Ok(library(&state)?.set_affiliation(&speaker, &affiliation)?)
}

#[tauri::command(async)]
pub fn remove_affiliation(
    state: tauri::State<'_, State>,
    speaker: String,
    title: Option<String>,
    organization: Option<String>,
) -> Result<bool> {
    Ok(library(&state)?.remove_affiliation(&speaker, title.as_deref(), organization.as_deref())?)
}

/// How many quotes each speaker has, by name.
#[tauri::command(async)]
pub fn speaker_counts(state: tauri::State<'_, State>) -> Result<Vec<(String, u64)>> {
    Ok(reader(&state)?.speaker_quote_counts()?)
}

#[tauri::command(async)]
pub fn speakers(state: tauri::State<'_, State>) -> Result<Vec<onrecord::Speaker>> {
    Ok(reader(&state)?.speakers()?)
}

#[tauri::command]
pub async fn import_file(app: AppHandle, path: String) -> Result<onrecord::import::ImportReport> {
    work(&app, "import", "started");
    // The import holds the writer on a blocking thread: searches (the reader) go on meanwhile.
    let handle = app.clone();
    let report = blocking("the import", move || {
        let file = import::read_file(&PathBuf::from(&path), None, &TableOptions::default())?;
        let state = handle.state::<State>();
        let mut library = library(&state)?;
        let mut report = |progress| {
            let _ = handle.emit(
                "work",
                Work {
                    task: "import",
                    state: "progress",
                    progress: Some(progress),
                },
            );
        };
        Ok(library.import_reporting(file, &mut report)?)
    })
    .await;
    work(&app, "import", "finished");
    report
}

#[tauri::command]
pub async fn reindex(app: AppHandle) -> Result<usize> {
    work(&app, "reindex", "started");
    let handle = app.clone();
    let n = blocking("rebuilding the index", move || {
        let state = handle.state::<State>();
        let mut library = library(&state)?;
        Ok(library.reindex()?)
    })
    .await;
    work(&app, "reindex", "finished");
    n
}

/// Backs the library up into a file (a consistent copy of the database; the index is rebuilt
/// from it on restore).
#[tauri::command]
pub async fn backup(
    app: AppHandle,
    path: String,
    force: bool,
) -> Result<onrecord::backup::BackupReport> {
    work(&app, "backup", "started");
    let handle = app.clone();
    let report = blocking("the backup", move || {
        let state = handle.state::<State>();
        let library = reader(&state)?;
        Ok(library.backup(std::path::Path::new(&path), force)?)
    })
    .await;
    work(&app, "backup", "finished");
    report
}

/// The pages sent from the browser, waiting to be reviewed.
#[tauri::command(async)]
pub fn inbox(state: tauri::State<'_, State>) -> Result<Vec<onrecord::inbox::InboxItem>> {
    Ok(reader(&state)?.inbox()?)
}

/// A page of the inbox, clipped for the review (it stays in the inbox until removed).
#[tauri::command(async)]
pub fn inbox_clip(state: tauri::State<'_, State>, id: i64) -> Result<Clip> {
    Ok(reader(&state)?.inbox_clip(id)?)
}

#[tauri::command(async)]
pub fn inbox_remove(state: tauri::State<'_, State>, id: i64) -> Result<()> {
    Ok(library(&state)?.inbox_remove(id)?)
}

/// Connects the browser extension: writes the host manifests for the current user, naming this
/// program (started as `onrecord-app browser-host`) on this library.
#[tauri::command(async)]
pub fn browser_install(
    state: tauri::State<'_, State>,
) -> Result<Vec<onrecord::browser::Installed>> {
    let exe = std::env::current_exe().map_err(|e| CommandError {
        code: "library",
        message: format!("OnRecord cannot tell where it is installed ({e})"),
    })?;
    Ok(onrecord::browser::install(
        &onrecord::browser::Browser::ALL,
        &exe,
        &state.dir,
        None,
    )?)
}

/// Merges two spellings of one person: `from`'s quotes, titles and aliases become `into`'s.
#[tauri::command(async)]
pub fn merge_speakers(
    state: tauri::State<'_, State>,
    from: String,
    into: String,
) -> Result<Merged> {
    let (moved, undo) = library(&state)?.merge_speakers_undoable(&from, &into)?;
    Ok(Merged { moved, undo })
}

/// A merge done: how many quotes moved, and what puts it back (`undo_merge`).
#[derive(Serialize)]
pub struct Merged {
    moved: u64,
    undo: onrecord::speakers::MergeUndo,
}

/// Undoes a merge with what `merge_speakers` returned.
#[tauri::command(async)]
pub fn undo_merge(
    state: tauri::State<'_, State>,
    undo: onrecord::speakers::MergeUndo,
) -> Result<()> {
    Ok(library(&state)?.undo_merge(&undo)?)
}

#[tauri::command(async)]
pub fn rename_speaker(state: tauri::State<'_, State>, old: String, new: String) -> Result<()> {
    Ok(library(&state)?.rename_speaker(&old, &new)?)
}

#[tauri::command(async)]
pub fn add_alias(state: tauri::State<'_, State>, speaker: String, alias: String) -> Result<()> {
    Ok(library(&state)?.add_alias(&speaker, &alias)?)
}

/// Every tag with its count, most used first (for completion and the tag list).
#[tauri::command(async)]
pub fn tags(state: tauri::State<'_, State>) -> Result<Vec<(String, u64)>> {
    Ok(reader(&state)?.tags()?)
}

/// Renames a tag on every quote that carries it.
#[tauri::command(async)]
pub fn rename_tag(state: tauri::State<'_, State>, old: String, new: String) -> Result<u64> {
    Ok(library(&state)?.rename_tag(&old, &new)?)
}

/// Tags the selected quotes; returns those newly tagged (what an undo untags).
#[tauri::command(async)]
pub fn tag_quotes(
    state: tauri::State<'_, State>,
    ids: Vec<QuoteId>,
    tag: String,
) -> Result<Vec<QuoteId>> {
    Ok(library(&state)?.tag_quotes(&ids, &tag)?)
}

#[tauri::command(async)]
pub fn untag_quotes(state: tauri::State<'_, State>, ids: Vec<QuoteId>, tag: String) -> Result<()> {
    Ok(library(&state)?.untag_quotes(&ids, &tag)?)
}

/// Adds the selected quotes to a story (created when missing); returns those new to it.
#[tauri::command(async)]
pub fn story_add(
    state: tauri::State<'_, State>,
    name: String,
    ids: Vec<QuoteId>,
) -> Result<Vec<QuoteId>> {
    Ok(library(&state)?.story_add(&name, &ids)?)
}

#[tauri::command(async)]
pub fn story_remove(
    state: tauri::State<'_, State>,
    name: String,
    ids: Vec<QuoteId>,
) -> Result<usize> {
    Ok(library(&state)?.story_remove(&name, &ids)?)
}

/// Deletes the selected quotes; returns them as they were, for the undo.
#[tauri::command(async)]
pub fn delete_quotes(state: tauri::State<'_, State>, ids: Vec<QuoteId>) -> Result<Vec<Quote>> {
    Ok(library(&state)?.remove_many(&ids)?)
}

#[tauri::command(async)]
pub fn restore_quotes(state: tauri::State<'_, State>, quotes: Vec<Quote>) -> Result<()> {
    Ok(library(&state)?.restore_many(quotes)?)
}

/// Every story with its count of quotes.
#[tauri::command(async)]
pub fn stories(state: tauri::State<'_, State>) -> Result<Vec<onrecord::story::Story>> {
    Ok(reader(&state)?.stories()?)
}

#[tauri::command(async)]
pub fn story_create(
    state: tauri::State<'_, State>,
    name: String,
) -> Result<onrecord::story::Story> {
    Ok(library(&state)?.story_create(&name)?)
}

#[tauri::command(async)]
pub fn story_rename(state: tauri::State<'_, State>, old: String, new: String) -> Result<()> {
    Ok(library(&state)?.story_rename(&old, &new)?)
}

/// Deletes a story; its quotes stay. Returns how many it held.
#[tauri::command(async)]
pub fn story_delete(state: tauri::State<'_, State>, name: String) -> Result<u64> {
    Ok(library(&state)?.story_delete(&name)?)
}
