//! The SQLite store: the truth of a library. Everything a user ever typed or clipped lives here;
//! the search index is derived from it (see `search`) and is told what changed through the
//! `index_outbox` table, which every write appends to inside its own transaction.
//!
//! Schema changes are numbered SQL files embedded in the binary, applied in order inside one
//! transaction each, and counted in `PRAGMA user_version`. A library whose version is newer than
//! this build is refused before anything is written to it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension, Row, params};
use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::model::{
    Affiliation, Medium, NewQuote, NewSource, Quote, QuoteEdit, QuoteId, Source, SourceId,
    SourceKind, SourceRef, Speaker, SpeakerId, detect_language,
};

mod batch;
mod rows;
pub use batch::Batch;
use rows::*;
pub(crate) use rows::{all_quotes, quotes_by_id};

/// The numbered migrations, in order. `user_version` N means the first N have been applied.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_date_indexes.sql"),
    include_str!("../../migrations/0003_co_speakers.sql"),
    include_str!("../../migrations/0004_inbox.sql"),
    include_str!("../../migrations/0005_stories.sql"),
    include_str!("../../migrations/0006_locators.sql"),
    include_str!("../../migrations/0007_outbox_runs.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a write waits for another process (the app, another CLI) to finish its own.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// How long a write waits for another writer (the desktop app, another `onrecord`) before
    /// giving up with [`Error::Busy`].
    wait_limit: Duration,
    /// Called once when a write has to wait, so the face can say so while it waits.
    on_wait: Option<Box<dyn FnMut() + Send>>,
    refs: RefCell<RefCache>,
}

/// Speakers' names and sources as quotes show them, by id. A page of search results is ten
/// quotes, mostly by speakers and from sources met before: looking their rows up for every
/// quote was a sixth of a search at a million quotes. Valid for one version of the database:
/// `PRAGMA data_version` changes when another connection commits, and this connection's own
/// writes (`Store::write`) empty the cache.
#[derive(Default)]
struct RefCache {
    version: Option<i64>,
    speakers: FxHashMap<i64, String>,
    sources: FxHashMap<i64, SourceRef>,
}

impl RefCache {
    /// More than this many entries, and the cache starts again (a speaker or source is a few
    /// hundred bytes).
    const LIMIT: usize = 100_000;

    fn clear(&mut self) {
        self.version = None;
        self.speakers.clear();
        self.sources.clear();
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("wait_limit", &self.wait_limit)
            .finish_non_exhaustive()
    }
}

/// How long a write tries before telling the user it is waiting for another writer.
const WAIT_NOTICE_AFTER: Duration = Duration::from_millis(250);

/// What the search index needs to know about one quote.
#[derive(Debug, Clone)]
pub struct IndexRecord {
    pub id: QuoteId,
    pub text: String,
    pub speaker: String,
    pub aliases: Vec<String>,
    /// The names and aliases of those who said it with the speaker.
    pub co_speakers: Vec<String>,
    pub title: Option<String>,
    pub organization: Option<String>,
    pub outlet: Option<String>,
    pub told_to: Option<String>,
    pub medium: Medium,
    /// What its source is (article, document, interview…), when it has one.
    pub kind: Option<SourceKind>,
    pub tags: Vec<String>,
    /// The stories it belongs to, by name.
    pub stories: Vec<String>,
    pub language: String,
    pub date: Option<NaiveDate>,
}

/// Options for inserting a quote that came from an export rather than from a user.
#[derive(Debug, Clone, Copy, Default)]
pub struct InsertOptions {
    /// Keep this id if it is free.
    pub id: Option<QuoteId>,
    pub created_at: Option<DateTime<Utc>>,
    pub updated_at: Option<DateTime<Utc>>,
    /// Record the quote's title and organization in the speaker's affiliation timeline. Off when
    /// the timeline is imported as it was exported.
    pub record_affiliation: bool,
}

impl Store {
    /// Opens (creating when missing) the database at `path`, refusing one written by a newer
    /// version, and brings an older one up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| Error::WriteFile {
                path: dir.to_owned(),
                source,
            })?;
        }
        let store_err = |source, hint| Error::Store {
            path: path.to_owned(),
            source,
            hint,
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| store_err(e, "check that the folder exists and is writable"))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;

        // Read the version before touching anything: a newer library must not be modified, and
        // switching the journal mode is a modification.
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| {
                store_err(
                    e,
                    "the file is not an OnRecord library (or is damaged); restore it from a backup",
                )
            })?;
        if version > SCHEMA_VERSION {
            return Err(Error::NewerLibrary {
                path: path.to_owned(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| {
                store_err(
                    e,
                    "another program may hold the library; close it and retry",
                )
            })?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // A 64 MiB page cache (the default is 2 MiB): a large import updates four B-tree
        // indexes at scattered places, and re-reading their pages was most of its SQLite time.
        // Reads go through a memory map, which saves a system call per page on every search.
        conn.pragma_update(None, "cache_size", -65_536)?;
        conn.pragma_update(None, "mmap_size", 1_i64 << 30)?;

        let mut store = Store {
            conn,
            path: path.to_owned(),
            wait_limit: BUSY_TIMEOUT,
            on_wait: None,
            refs: RefCell::default(),
        };
        store.migrate(version)?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        if from > 0 && from < SCHEMA_VERSION {
            self.backup_before_migration(from)?;
        }
        for (n, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
            let tx = self.conn.transaction()?;
            // Re-check inside the write transaction: another process may have migrated meanwhile.
            let current: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
            if current > n as i64 {
                continue;
            }
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", n as i64 + 1)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Copies the library aside before its schema changes, so a failed or unwanted upgrade can be
    /// undone by hand.
    fn backup_before_migration(&self, from: i64) -> Result<()> {
        let target = self
            .path
            .with_extension(format!("before-v{}.sqlite3", from + 1));
        self.backup_to(&target)
    }

    /// A consistent copy of the database, taken with SQLite's online backup while others may
    /// still be writing.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        let mut dest = Connection::open(target).map_err(|source| Error::Store {
            path: target.to_owned(),
            source,
            hint: "choose a writable place for the backup",
        })?;
        let backup = rusqlite::backup::Backup::new(&self.conn, &mut dest)?;
        backup.run_to_completion(256, Duration::from_millis(5), None)?;
        Ok(())
    }

    pub fn library_id(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("SELECT id FROM library LIMIT 1", [], |r| r.get(0))?)
    }

    /// Sets how long a write waits for another writer before giving up.
    pub fn set_wait_limit(&mut self, limit: Duration) {
        self.wait_limit = limit;
    }

    /// Sets what to call (once per write) when a write has to wait for another writer.
    pub fn on_wait(&mut self, hook: Box<dyn FnMut() + Send>) {
        self.on_wait = Some(hook);
    }

    /// Runs `f` inside one write transaction: all of it is stored, or none of it.
    ///
    /// SQLite lets one writer in at a time. When another program holds the write lock, this
    /// waits — telling `on_wait` after a moment — up to the wait limit, then gives up with
    /// [`Error::Busy`] having changed nothing. Readers are never blocked (WAL).
    pub fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        // This connection's own commits leave `data_version` as it was.
        self.refs.get_mut().clear();
        self.begin_immediate()?;
        match f(&self.conn) {
            Ok(value) => match self.conn.execute_batch("COMMIT") {
                Ok(()) => Ok(value),
                Err(e) => {
                    let _ = self.conn.execute_batch("ROLLBACK");
                    Err(e.into())
                }
            },
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    fn begin_immediate(&mut self) -> Result<()> {
        let started = std::time::Instant::now();
        let mut told = false;
        let result = loop {
            let left = self.wait_limit.saturating_sub(started.elapsed());
            self.conn.busy_timeout(if told {
                left.min(Duration::from_secs(1))
            } else {
                WAIT_NOTICE_AFTER.min(left)
            })?;
            match self.conn.execute_batch("BEGIN IMMEDIATE") {
                Ok(()) => break Ok(()),
                Err(e) if is_busy(&e) => {
                    if started.elapsed() >= self.wait_limit {
                        break Err(Error::Busy {
                            path: self.path.clone(),
                            waited: started.elapsed().as_secs_f64(),
                        });
                    }
                    if !told {
                        told = true;
                        if let Some(hook) = self.on_wait.as_mut() {
                            hook();
                        }
                    }
                }
                Err(e) => break Err(e.into()),
            }
        };
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        result
    }

    /// Runs `f` in one read transaction, so that everything it reads is one consistent snapshot.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let tx = self.conn.unchecked_transaction()?;
        let value = f(&tx)?;
        tx.finish()?;
        Ok(value)
    }

    pub fn quote(&self, id: QuoteId) -> Result<Quote> {
        quotes_by_id(&self.conn, &[id])?
            .pop()
            .ok_or_else(|| Error::QuoteNotFound(id.to_string()))
    }

    /// The quotes with these ids, in the order given; ids that do not exist (and repeats) are
    /// skipped. Their speakers and sources come from `RefCache`.
    pub fn quotes(&self, ids: &[QuoteId]) -> Result<Vec<Quote>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        if !self.conn.is_autocommit() {
            return quotes_by_id(&self.conn, ids);
        }
        // One read transaction: the rows are read from the version the cache was checked at.
        self.conn.prepare_cached("BEGIN")?.execute([])?;
        let quotes = self.quotes_at_one_version(ids);
        let end = if quotes.is_ok() { "COMMIT" } else { "ROLLBACK" };
        self.conn.prepare_cached(end)?.execute([])?;
        quotes
    }

    fn quotes_at_one_version(&self, ids: &[QuoteId]) -> Result<Vec<Quote>> {
        let mut refs = self.refs.borrow_mut();
        let version: i64 = self
            .conn
            .prepare_cached("PRAGMA data_version")?
            .query_row([], |r| r.get(0))?;
        if refs.version != Some(version)
            || refs.speakers.len() + refs.sources.len() > RefCache::LIMIT
        {
            refs.clear();
            refs.version = Some(version);
        }
        let mut by_id: FxHashMap<i64, (Quote, i64, Option<i64>)> =
            FxHashMap::with_capacity_and_hasher(ids.len(), Default::default());
        for chunk in ids.chunks(500) {
            let placeholders = vec!["?"; chunk.len()].join(",");
            let sql = format!("SELECT {QUOTE_COLUMNS} FROM quote q WHERE q.id IN ({placeholders})");
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(
                rusqlite::params_from_iter(chunk.iter().map(|id| id.0)),
                |r| {
                    Ok((
                        quote_of_row(r, String::new(), None)?,
                        r.get(18)?,
                        r.get(19)?,
                    ))
                },
            )?;
            for row in rows {
                let row = row?;
                by_id.insert(row.0.id.0, row);
            }
        }
        let mut out = Vec::with_capacity(by_id.len());
        for id in ids {
            let Some((mut quote, speaker, source)) = by_id.remove(&id.0) else {
                continue;
            };
            quote.speaker = match refs.speakers.get(&speaker) {
                Some(name) => name.clone(),
                None => {
                    let name: String = self
                        .conn
                        .prepare_cached("SELECT name FROM speaker WHERE id = ?1")?
                        .query_row([speaker], |r| r.get(0))?;
                    refs.speakers.insert(speaker, name.clone());
                    name
                }
            };
            quote.source = match source {
                None => None,
                Some(source) => Some(match refs.sources.get(&source) {
                    Some(found) => found.clone(),
                    None => {
                        let found = self
                            .conn
                            .prepare_cached(&format!(
                                "SELECT {SOURCE_REF_COLUMNS} FROM source WHERE id = ?1"
                            ))?
                            .query_row([source], |r| source_ref_at(r, SourceId(source), 0))?;
                        refs.sources.insert(source, found.clone());
                        found
                    }
                }),
            };
            out.push(quote);
        }
        Ok(out)
    }

    pub fn quote_count(&self) -> Result<u64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM quote", [], |r| r.get::<_, i64>(0))? as u64)
    }

    pub fn source(&self, id: SourceId) -> Result<Option<Source>> {
        source_by_id(&self.conn, id)
    }

    pub fn speaker_by_name(&self, name: &str) -> Result<Option<Speaker>> {
        speaker_named(&self.conn, &name_key(name))?
            .map(|id| speaker_by_id(&self.conn, id))
            .transpose()
    }

    pub fn speakers(&self) -> Result<Vec<Speaker>> {
        let ids: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM speaker ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter()
            .map(|id| speaker_by_id(&self.conn, SpeakerId(id)))
            .collect()
    }

    /// How many quotes each speaker has (as speaker, not co-speaker), by name.
    pub fn speaker_quote_counts(&self) -> Result<Vec<(String, u64)>> {
        Ok(self
            .conn
            .prepare(
                "SELECT sp.name, (SELECT count(*) FROM quote q WHERE q.speaker_id = sp.id)
                 FROM speaker sp ORDER BY sp.id",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?
            .collect::<rusqlite::Result<_>>()?)
    }

    pub fn sources(&self) -> Result<Vec<Source>> {
        let ids: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM source ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(source_by_id(&self.conn, SourceId(id))?);
        }
        Ok(out)
    }

    /// Every quote id, ascending.
    pub fn quote_ids(&self) -> Result<Vec<QuoteId>> {
        let mut stmt = self.conn.prepare("SELECT id FROM quote ORDER BY id")?;
        let ids = stmt
            .query_map([], |r| r.get(0).map(QuoteId))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// The highest outbox sequence number ever handed out (0 for none).
    pub fn outbox_head(&self) -> Result<i64> {
        outbox_head(&self.conn)
    }

    /// The quotes queued after `seq`, oldest first, each with its entry's sequence number: a
    /// run of new quotes is one entry, given here id by id. At most `limit` ids, but never part
    /// of an entry (a run holds at most [`OUTBOX_RUN`]).
    pub fn outbox_after(&self, seq: i64, limit: usize) -> Result<Vec<(i64, QuoteId)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, quote_id, last_quote_id FROM index_outbox WHERE seq > ?1 ORDER BY seq",
        )?;
        let mut rows = stmt.query([seq])?;
        let mut out = Vec::new();
        while out.len() < limit
            && let Some(row) = rows.next()?
        {
            let (seq, first): (i64, i64) = (row.get(0)?, row.get(1)?);
            let last: Option<i64> = row.get(2)?;
            for id in first..=last.unwrap_or(first).max(first) {
                out.push((seq, QuoteId(id)));
            }
        }
        Ok(out)
    }

    /// Forgets outbox entries the index has durably applied.
    pub fn outbox_trim(&self, up_to: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM index_outbox WHERE seq <= ?1", [up_to])?;
        Ok(())
    }

    pub fn outbox_pending(&self, after: i64) -> Result<u64> {
        let n: i64 = self.conn.query_row(
            "SELECT coalesce(sum(coalesce(last_quote_id - quote_id + 1, 1)), 0)
             FROM index_outbox WHERE seq > ?1",
            [after],
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    /// What the index needs for these quotes; ids that no longer exist are absent.
    pub fn index_records(&self, ids: &[QuoteId]) -> Result<Vec<IndexRecord>> {
        index_records(&self.conn, ids)
    }

    /// Walks every quote's index record in id order, in batches, handing each batch to `f`.
    pub fn for_each_index_batch(
        &self,
        batch: usize,
        mut f: impl FnMut(Vec<IndexRecord>) -> Result<()>,
    ) -> Result<()> {
        let mut after = 0i64;
        loop {
            let ids: Vec<QuoteId> = self
                .conn
                .prepare_cached("SELECT id FROM quote WHERE id > ?1 ORDER BY id LIMIT ?2")?
                .query_map(params![after, batch as i64], |r| r.get(0).map(QuoteId))?
                .collect::<rusqlite::Result<_>>()?;
            let Some(last) = ids.last() else {
                return Ok(());
            };
            after = last.0;
            f(index_records(&self.conn, &ids)?)?;
        }
    }

    /// SQLite's own check of the file; `["ok"]` when healthy.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// The key speakers, aliases and organizations are matched by: case-folded, with runs of
/// whitespace collapsed and dots dropped ("J.  Smith" = "j smith").
pub fn name_key(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn now() -> DateTime<Utc> {
    Utc::now()
}

/// The present time as stored.
pub(crate) fn now_stamp() -> String {
    stamp(now())
}

/// The outbox head as seen inside a transaction.
pub(crate) fn outbox_head_in(conn: &Connection) -> Result<i64> {
    outbox_head(conn)
}

fn outbox_head(conn: &Connection) -> Result<i64> {
    // sqlite_sequence keeps the high-water mark even after rows are trimmed.
    // Asked before every search (is the index behind?), so the statement is kept prepared.
    Ok(conn
        .prepare_cached("SELECT seq FROM sqlite_sequence WHERE name = 'index_outbox'")?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or(0))
}

/// The most quotes one outbox entry stands for (see [`Batch::collecting`]).
pub const OUTBOX_RUN: i64 = 10_000;

pub(crate) fn enqueue(conn: &Connection, id: QuoteId) -> Result<()> {
    conn.prepare_cached("INSERT INTO index_outbox (quote_id) VALUES (?1)")?
        .execute([id.0])?;
    Ok(())
}

pub(crate) fn clean(value: Option<String>) -> Option<String> {
    let value = value?;
    if is_clean(&value) {
        return Some(value);
    }
    Some(value.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|v| !v.is_empty())
}

/// Whether `clean` would leave `value` as it is: not empty, no space at either end, and no
/// whitespace but single spaces between words.
fn is_clean(value: &str) -> bool {
    let mut after_space = true;
    for c in value.chars() {
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    !after_space
}

/// Co-speakers as stored: spaces collapsed, empty names, repeats and the speaker themself left
/// out, in the order given.
fn clean_co_speakers(speaker: &str, names: Vec<String>) -> Vec<String> {
    if names.is_empty() {
        return names;
    }
    let mut seen = vec![name_key(speaker)];
    names
        .into_iter()
        .filter_map(|n| clean(Some(n)))
        .filter(|n| {
            let key = name_key(n);
            let new = !seen.contains(&key);
            seen.push(key);
            new
        })
        .collect()
}

pub(crate) fn clean_tags(tags: Vec<String>) -> Vec<String> {
    let mut tags: Vec<String> = tags
        .into_iter()
        .filter_map(|t| clean(Some(t)))
        .map(|t| t.to_lowercase())
        .collect();
    tags.sort();
    tags.dedup();
    tags
}

/// Checks a new quote before anything is written, so that a bad one fails with a clear message.
pub fn validate(quote: &NewQuote) -> Result<()> {
    if quote.text.trim().is_empty() {
        return Err(Error::invalid(
            "the quote text is empty; give the words that were said",
        ));
    }
    if quote.speaker.trim().is_empty() {
        return Err(Error::invalid(
            "the speaker is empty; give the name of the person who said it",
        ));
    }
    if quote.text.contains('\0')
        || quote.speaker.contains('\0')
        || quote.co_speakers.iter().any(|n| n.contains('\0'))
    {
        return Err(Error::invalid(
            "the quote contains a NUL character, which is not text; remove it",
        ));
    }
    match (quote.start, quote.end) {
        (Some(s), Some(e)) if s > e => {
            return Err(Error::invalid(format!(
                "the quote's start offset {s} is after its end offset {e}"
            )));
        }
        (Some(_), None) | (None, Some(_)) => {
            return Err(Error::invalid(
                "give both start and end offsets, or neither",
            ));
        }
        _ => {}
    }
    Ok(())
}

/// The speaker whose name, or one of whose aliases, has this name key.
pub(crate) fn speaker_named(conn: &Connection, key: &str) -> Result<Option<SpeakerId>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM speaker WHERE name_key = ?1
             UNION ALL SELECT speaker_id FROM speaker_alias WHERE alias_key = ?1 LIMIT 1",
        )?
        .query_row([key], |r| r.get(0).map(SpeakerId))
        .optional()?)
}

/// Finds or creates the speaker called `name` (or known by that alias).
pub(crate) fn speaker_id_for(conn: &Connection, name: &str) -> Result<SpeakerId> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let key = name_key(&name);
    if let Some(id) = speaker_named(conn, &key)? {
        return Ok(id);
    }
    let ts = now();
    conn.prepare_cached(
        "INSERT INTO speaker (name, name_key, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
    )?
    .execute(params![name, key, ts])?;
    Ok(SpeakerId(conn.last_insert_rowid()))
}

/// Widens the speaker's matching affiliation to cover `date`, or records a new one.
fn record_affiliation(
    conn: &Connection,
    speaker: SpeakerId,
    title: Option<&str>,
    organization: Option<&str>,
    description: Option<&str>,
    date: Option<NaiveDate>,
) -> Result<()> {
    if title.is_none() && organization.is_none() {
        return Ok(());
    }
    // Only the matching row is needed; its span is widened below.
    match affiliation_matching(conn, speaker, title, organization)? {
        Some((id, Held { from, to })) => {
            if let Some(date) = date {
                let from = Some(from.map_or(date, |f| f.min(date)));
                let to = Some(to.map_or(date, |t| t.max(date)));
                conn.prepare_cached(
                    "UPDATE affiliation SET valid_from = ?2, valid_to = ?3,
                     organization_description = coalesce(organization_description, ?4) WHERE id = ?1",
                )?
                .execute(params![id, from, to, description])?;
            }
        }
        None => {
            conn.prepare_cached(
                "INSERT INTO affiliation (speaker_id, title, organization, organization_description,
                 valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            )?
            .execute(params![speaker.0, title, organization, description, date])?;
        }
    }
    Ok(())
}

/// The speaker's affiliation with this title and organization, compared as names are (case,
/// accents and spacing aside; an absent one matches an absent one): its row and when it was held.
pub(crate) fn affiliation_matching(
    conn: &Connection,
    speaker: SpeakerId,
    title: Option<&str>,
    organization: Option<&str>,
) -> Result<Option<(i64, Held)>> {
    let (title_key, org_key) = (title.map(name_key), organization.map(name_key));
    let rows = conn
        .prepare_cached(
            "SELECT id, title, organization, valid_from, valid_to FROM affiliation
             WHERE speaker_id = ?1",
        )?
        .query_map([speaker.0], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<NaiveDate>>(3)?,
                r.get::<_, Option<NaiveDate>>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .find(|(_, t, o, _, _)| {
            t.as_deref().map(name_key) == title_key && o.as_deref().map(name_key) == org_key
        })
        .map(|(id, _, _, from, to)| (id, Held { from, to })))
}

/// When an affiliation was held, as far as is known (open ends unknown).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Held {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Finds the stored source this one describes, or stores it.
pub(crate) fn source_id_for(
    conn: &Connection,
    source: &NewSource,
    keep_id: Option<SourceId>,
) -> Result<SourceId> {
    let text = source.text.as_deref().filter(|t| !t.is_empty());
    let hash = text.map(content_hash);
    let title = clean(source.title.clone());
    let outlet = clean(source.outlet.clone());
    let url = clean(source.url.clone());
    let found: Option<i64> = if let Some(hash) = &hash {
        conn.prepare_cached("SELECT id FROM source WHERE content_hash = ?1")?
            .query_row([hash], |r| r.get(0))
            .optional()?
    } else if let Some(url) = &url {
        conn.prepare_cached("SELECT id FROM source WHERE url = ?1 AND content_hash IS NULL")?
            .query_row([url], |r| r.get(0))
            .optional()?
    } else {
        conn.prepare_cached(
            "SELECT id FROM source WHERE url IS NULL AND content_hash IS NULL
             AND title IS ?1 AND outlet IS ?2 AND published IS ?3 AND kind = ?4",
        )?
        .query_row(
            params![
                title,
                outlet,
                source.published.map(day_text),
                source.kind.as_str()
            ],
            |r| r.get(0),
        )
        .optional()?
    };
    if let Some(id) = found {
        return Ok(SourceId(id));
    }
    let id_free = match keep_id {
        Some(id) => conn
            .query_row("SELECT 1 FROM source WHERE id = ?1", [id.0], |_| Ok(()))
            .optional()?
            .is_none(),
        None => false,
    };
    let ts = now();
    let authors = serde_json::to_string(
        &source
            .authors
            .iter()
            .filter_map(|a| clean(Some(a.clone())))
            .collect::<Vec<_>>(),
    )
    .map_err(|e| Error::invalid(format!("cannot store the source's authors: {e}")))?;
    conn.prepare_cached(
        "INSERT INTO source (id, kind, title, outlet, authors, published, url, language, text,
         content_hash, accessed, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
    )?
    .execute(params![
        keep_id.filter(|_| id_free).map(|id| id.0),
        source.kind.as_str(),
        title,
        outlet,
        authors,
        source.published.map(day_text),
        url,
        clean(source.language.clone()),
        text,
        hash,
        source.accessed,
        ts
    ])?;
    Ok(SourceId(conn.last_insert_rowid()))
}

/// Stores one quote (and its speaker and source when new) and queues it for the index. Call it
/// inside [`Store::write`].
pub fn insert_quote(conn: &Connection, quote: NewQuote, opts: InsertOptions) -> Result<QuoteId> {
    let mut batch = Batch::new(conn);
    let id = batch.insert(quote, opts)?;
    batch.finish()?;
    Ok(id)
}

/// The language a quote is stored with: the one given, else detected from its words.
fn quote_language(quote: &NewQuote) -> String {
    clean(quote.language.clone()).unwrap_or_else(|| detect_language(&quote.text).into())
}

/// A quote as it is stored: text trimmed, spaces collapsed in its other fields, tags cleaned
/// and its language decided. Tidied once, then bound, remembered and indexed as it is.
pub(crate) struct Tidy(NewQuote);

impl Tidy {
    pub(crate) fn new(mut q: NewQuote) -> Tidy {
        let text = q.text.trim();
        if text.len() != q.text.len() {
            q.text = text.to_owned();
        }
        q.co_speakers = clean_co_speakers(&q.speaker, std::mem::take(&mut q.co_speakers));
        q.title = clean(q.title.take());
        q.organization = clean(q.organization.take());
        q.organization_description = clean(q.organization_description.take());
        q.told_to = clean(q.told_to.take());
        q.notes = clean(q.notes.take());
        q.language = Some(quote_language(&q));
        q.tags = clean_tags(std::mem::take(&mut q.tags));
        Tidy(q)
    }
}

/// A day as stored: the text rusqlite writes for a `NaiveDate` (YYYY-MM-DD), through chrono's
/// `Display`, which does not interpret a format string for every row of an import.
fn day_text(day: NaiveDate) -> String {
    day.to_string()
}

/// A time as stored (the text rusqlite writes for a `DateTime<Utc>`).
fn stamp(time: DateTime<Utc>) -> String {
    time.format("%F %T%.f%:z").to_string()
}

/// Inserts the quote row itself (speaker and source already resolved), its tags, and its outbox
/// entry. The speaker's timeline is the caller's business. `now` is the stored time a quote
/// given no creation time gets.
pub(crate) fn insert_row(
    conn: &Connection,
    quote: &Tidy,
    speaker: SpeakerId,
    source: Option<SourceId>,
    opts: InsertOptions,
    now: &str,
) -> Result<QuoteId> {
    let id = insert_unqueued(conn, quote, speaker, source, opts, now)?;
    enqueue(conn, id)?;
    Ok(id)
}

/// [`insert_row`] without the outbox entry (the caller queues the quote).
fn insert_unqueued(
    conn: &Connection,
    quote: &Tidy,
    speaker: SpeakerId,
    source: Option<SourceId>,
    opts: InsertOptions,
    now: &str,
) -> Result<QuoteId> {
    let Tidy(quote) = quote;
    let created = opts.created_at.map(stamp);
    let created = created.as_deref().unwrap_or(now);
    let updated = opts.updated_at.map(stamp);
    let updated = updated.as_deref().unwrap_or(created);
    let id_free = match opts.id {
        Some(id) => conn
            .prepare_cached("SELECT 1 FROM quote WHERE id = ?1")?
            .query_row([id.0], |_| Ok(()))
            .optional()?
            .is_none(),
        None => false,
    };
    conn.prepare_cached(
        "INSERT INTO quote (id, text, speaker_id, title, organization, organization_description,
         medium, told_to, said_on, source_id, start_offset, end_offset, language, notes,
         created_at, updated_at, locator)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        opts.id.filter(|_| id_free).map(|id| id.0),
        quote.text,
        speaker.0,
        quote.title,
        quote.organization,
        quote.organization_description,
        quote.medium.as_str(),
        quote.told_to,
        quote.said_on.map(day_text),
        source.map(|s| s.0),
        quote.start.map(|s| s as i64),
        quote.end.map(|e| e as i64),
        quote.language,
        quote.notes,
        created,
        updated,
        quote
            .locator
            .and_then(crate::model::Locator::stored)
            .map(|l| locator_text(&l)),
    ])?;
    let id = QuoteId(conn.last_insert_rowid());
    add_tags(conn, id, &quote.tags)?;
    add_co_speakers(conn, id, &quote.co_speakers)?;
    if !quote.stories.is_empty() {
        crate::story::set_for_quote(conn, id, &quote.stories)?;
    }
    Ok(id)
}

/// Records who said a quote together with its speaker (names already cleaned), after any the
/// quote has.
fn add_co_speakers(conn: &Connection, id: QuoteId, names: &[String]) -> Result<()> {
    if names.is_empty() {
        return Ok(());
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO quote_co_speaker (quote_id, position, speaker_id) VALUES (?1, ?2, ?3)",
    )?;
    for (position, name) in names.iter().enumerate() {
        let speaker = speaker_id_for(conn, name)?;
        stmt.execute(params![id.0, position as i64, speaker.0])?;
    }
    Ok(())
}

fn set_tags(conn: &Connection, id: QuoteId, tags: Vec<String>) -> Result<()> {
    conn.prepare_cached("DELETE FROM quote_tag WHERE quote_id = ?1")?
        .execute([id.0])?;
    add_tags(conn, id, &clean_tags(tags))
}

/// Adds tags (already cleaned) to a quote.
fn add_tags(conn: &Connection, id: QuoteId, tags: &[String]) -> Result<()> {
    if tags.is_empty() {
        return Ok(());
    }
    let mut stmt = conn.prepare_cached("INSERT INTO quote_tag (quote_id, tag) VALUES (?1, ?2)")?;
    for tag in tags {
        stmt.execute(params![id.0, tag])?;
    }
    Ok(())
}

/// Applies an edit to one quote and queues it for the index.
pub fn update_quote(conn: &Connection, id: QuoteId, edit: QuoteEdit) -> Result<()> {
    let exists = conn
        .query_row("SELECT 1 FROM quote WHERE id = ?1", [id.0], |_| Ok(()))
        .optional()?
        .is_some();
    if !exists {
        return Err(Error::QuoteNotFound(id.to_string()));
    }
    if let Some(text) = &edit.text {
        if text.trim().is_empty() {
            return Err(Error::invalid(
                "the new text is empty; to remove a quote use `onrecord rm`",
            ));
        }
        conn.execute(
            "UPDATE quote SET text = ?2 WHERE id = ?1",
            params![id.0, text.trim()],
        )?;
    }
    if let Some(name) = &edit.speaker {
        if name.trim().is_empty() {
            return Err(Error::invalid("the new speaker is empty; give a name"));
        }
        let speaker = speaker_id_for(conn, name)?;
        conn.execute(
            "UPDATE quote SET speaker_id = ?2 WHERE id = ?1",
            params![id.0, speaker.0],
        )?;
    }
    if edit.speaker.is_some() || edit.co_speakers.is_some() {
        if edit
            .co_speakers
            .as_ref()
            .is_some_and(|names| names.iter().any(|n| n.contains('\0')))
        {
            return Err(Error::invalid(
                "a co-speaker's name contains a NUL character, which is not text; remove it",
            ));
        }
        let speaker: String = conn.query_row(
            "SELECT sp.name FROM quote q JOIN speaker sp ON sp.id = q.speaker_id WHERE q.id = ?1",
            [id.0],
            |r| r.get(0),
        )?;
        // (A new speaker who was a co-speaker is no longer one.)
        let names = match &edit.co_speakers {
            Some(names) => names.clone(),
            None => co_speakers_of(conn, id)?,
        };
        conn.prepare_cached("DELETE FROM quote_co_speaker WHERE quote_id = ?1")?
            .execute([id.0])?;
        add_co_speakers(conn, id, &clean_co_speakers(&speaker, names))?;
    }
    let set_text = |column: &str, value: Option<String>| -> Result<()> {
        conn.execute(
            &format!("UPDATE quote SET {column} = ?2 WHERE id = ?1"),
            params![id.0, clean(value)],
        )?;
        Ok(())
    };
    if let Some(v) = edit.title {
        set_text("title", v)?;
    }
    if let Some(v) = edit.organization {
        set_text("organization", v)?;
    }
    if let Some(v) = edit.organization_description {
        set_text("organization_description", v)?;
    }
    if let Some(v) = edit.told_to {
        set_text("told_to", v)?;
    }
    if let Some(v) = edit.notes {
        set_text("notes", v)?;
    }
    if let Some(v) = edit.language {
        set_text("language", Some(v))?;
    }
    if let Some(m) = edit.medium {
        conn.execute(
            "UPDATE quote SET medium = ?2 WHERE id = ?1",
            params![id.0, m.as_str()],
        )?;
    }
    if let Some(d) = edit.said_on {
        conn.execute(
            "UPDATE quote SET said_on = ?2 WHERE id = ?1",
            params![id.0, d],
        )?;
    }
    if let Some(tags) = edit.tags {
        set_tags(conn, id, tags)?;
    }
    if let Some(stories) = &edit.stories {
        crate::story::set_for_quote(conn, id, stories)?;
    }
    conn.execute(
        "UPDATE quote SET updated_at = ?2 WHERE id = ?1",
        params![id.0, now()],
    )?;
    // Record the (possibly new) attribution in the speaker's timeline.
    let (speaker, title, org, desc, date): (
        i64,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<NaiveDate>,
    ) = conn.query_row(
        "SELECT q.speaker_id, q.title, q.organization, q.organization_description,
                coalesce(q.said_on, s.published)
         FROM quote q LEFT JOIN source s ON s.id = q.source_id WHERE q.id = ?1",
        [id.0],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?;
    record_affiliation(
        conn,
        SpeakerId(speaker),
        title.as_deref(),
        org.as_deref(),
        desc.as_deref(),
        date,
    )?;
    enqueue(conn, id)?;
    Ok(())
}

/// The text column one query gives for a quote (`?1` is its id).
fn texts_of(conn: &Connection, sql: &str, id: QuoteId) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached(sql)?
        .query_map([id.0], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The names of the stories a quote belongs to.
fn story_names(conn: &Connection, id: QuoteId) -> Result<Vec<String>> {
    texts_of(
        conn,
        "SELECT st.name FROM quote_story x JOIN story st ON st.id = x.story_id
         WHERE x.quote_id = ?1",
        id,
    )
}

/// What the index holds of a quote's co-speakers: their names and aliases.
fn co_speaker_names(conn: &Connection, id: QuoteId) -> Result<Vec<String>> {
    texts_of(
        conn,
        "SELECT sp.name FROM quote_co_speaker c JOIN speaker sp ON sp.id = c.speaker_id
         WHERE c.quote_id = ?1
         UNION ALL SELECT a.alias FROM quote_co_speaker c
         JOIN speaker_alias a ON a.speaker_id = c.speaker_id WHERE c.quote_id = ?1",
        id,
    )
}

/// The names of those who said the quote with its speaker, in order.
fn co_speakers_of(conn: &Connection, id: QuoteId) -> Result<Vec<String>> {
    texts_of(
        conn,
        "SELECT sp.name FROM quote_co_speaker c JOIN speaker sp ON sp.id = c.speaker_id
         WHERE c.quote_id = ?1 ORDER BY c.position",
        id,
    )
}

/// Deletes one quote and queues its removal from the index. Returns the quote as it was, so the
/// caller can offer an undo.
pub fn delete_quote(conn: &Connection, id: QuoteId) -> Result<Quote> {
    let quote = quotes_by_id(conn, &[id])?
        .pop()
        .ok_or_else(|| Error::QuoteNotFound(id.to_string()))?;
    conn.execute("DELETE FROM quote WHERE id = ?1", [id.0])?;
    enqueue(conn, id)?;
    Ok(quote)
}

/// Adds another name the speaker goes by; every quote of theirs is re-indexed under it.
pub fn add_alias(conn: &Connection, speaker: &str, alias: &str) -> Result<()> {
    let key = name_key(speaker);
    let id: i64 = conn
        .query_row("SELECT id FROM speaker WHERE name_key = ?1", [&key], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or_else(|| Error::SpeakerNotFound(speaker.to_owned()))?;
    let alias = alias.split_whitespace().collect::<Vec<_>>().join(" ");
    if alias.is_empty() {
        return Err(Error::invalid("the alias is empty"));
    }
    let alias_key = name_key(&alias);
    let taken = speaker_named(conn, &alias_key)?.map(|s| s.0);
    match taken {
        Some(other) if other == id => return Ok(()),
        Some(_) => {
            return Err(Error::invalid(format!(
                "{alias:?} already names another speaker; merge them instead"
            )));
        }
        None => {}
    }
    conn.execute(
        "INSERT INTO speaker_alias (speaker_id, alias, alias_key) VALUES (?1, ?2, ?3)",
        params![id, alias, alias_key],
    )?;
    conn.execute(
        "INSERT INTO index_outbox (quote_id) SELECT id FROM quote WHERE speaker_id = ?1
         UNION SELECT quote_id FROM quote_co_speaker WHERE speaker_id = ?1",
        [id],
    )?;
    Ok(())
}

/// Stores a speaker exactly as exported (aliases and timeline), merging with one of the same name.
pub(crate) fn import_speaker(conn: &Connection, speaker: &Speaker) -> Result<SpeakerId> {
    let key = name_key(&speaker.name);
    let known = conn
        .query_row(
            "SELECT 1 FROM speaker WHERE name_key = ?1 OR id = ?2
             UNION ALL SELECT 1 FROM speaker_alias WHERE alias_key = ?1",
            params![key, speaker.id.0],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if !known {
        // Keep the exported id, so that a restored library is the same library.
        let ts = now();
        conn.execute(
            "INSERT INTO speaker (id, name, name_key, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            params![speaker.id.0, speaker.name, key, ts],
        )?;
    }
    let id = speaker_id_for(conn, &speaker.name)?;
    for alias in &speaker.aliases {
        let key = name_key(alias);
        conn.execute(
            "INSERT OR IGNORE INTO speaker_alias (speaker_id, alias, alias_key) VALUES (?1, ?2, ?3)",
            params![id.0, alias, key],
        )?;
    }
    for a in &speaker.affiliations {
        let exists = conn
            .query_row(
                "SELECT 1 FROM affiliation WHERE speaker_id = ?1 AND title IS ?2
                 AND organization IS ?3 AND valid_from IS ?4 AND valid_to IS ?5",
                params![id.0, a.title, a.organization, a.valid_from, a.valid_to],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if !exists {
            conn.execute(
                "INSERT INTO affiliation (speaker_id, title, organization, organization_description,
                 valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    id.0,
                    a.title,
                    a.organization,
                    a.organization_description,
                    a.valid_from,
                    a.valid_to
                ],
            )?;
        }
    }
    Ok(id)
}

/// The quote already stored for these offsets in this source, if any (a clip saved twice).
pub(crate) fn quote_at(
    conn: &Connection,
    source: SourceId,
    start: usize,
    end: usize,
) -> Result<Option<QuoteId>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM quote WHERE source_id = ?1 AND start_offset = ?2 AND end_offset = ?3",
        )?
        .query_row(params![source.0, start as i64, end as i64], |r| {
            r.get(0).map(QuoteId)
        })
        .optional()?)
}

/// Whether a quote with this id already holds these words by this speaker (a re-import).
pub(crate) fn same_quote_exists(
    conn: &Connection,
    id: QuoteId,
    text: &str,
    speaker: &str,
) -> Result<bool> {
    let found: Option<(String, String)> = conn
        .query_row(
            "SELECT q.text, sp.name_key FROM quote q JOIN speaker sp ON sp.id = q.speaker_id WHERE q.id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(found.is_some_and(|(t, k)| t == text.trim() && k == name_key(speaker)))
}

fn speaker_by_id(conn: &Connection, id: SpeakerId) -> Result<Speaker> {
    let name: String = conn.query_row("SELECT name FROM speaker WHERE id = ?1", [id.0], |r| {
        r.get(0)
    })?;
    let aliases = conn
        .prepare_cached("SELECT alias FROM speaker_alias WHERE speaker_id = ?1 ORDER BY alias_key")?
        .query_map([id.0], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let affiliations = conn
        .prepare_cached(
            "SELECT title, organization, organization_description, valid_from, valid_to
             FROM affiliation WHERE speaker_id = ?1
             ORDER BY valid_from IS NULL, valid_from, valid_to, id",
        )?
        .query_map([id.0], |r| {
            Ok(Affiliation {
                title: r.get(0)?,
                organization: r.get(1)?,
                organization_description: r.get(2)?,
                valid_from: r.get(3)?,
                valid_to: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Speaker {
        id,
        name,
        aliases,
        affiliations,
    })
}

fn source_by_id(conn: &Connection, id: SourceId) -> Result<Option<Source>> {
    Ok(conn
        .prepare_cached(
            "SELECT kind, title, outlet, authors, published, url, language, text, content_hash,
                    accessed, created_at, updated_at FROM source WHERE id = ?1",
        )?
        .query_row([id.0], |r| {
            let kind: String = r.get(0)?;
            let authors: String = r.get(3)?;
            Ok(Source {
                id,
                kind: kind.parse::<SourceKind>().unwrap_or_default(),
                title: r.get(1)?,
                outlet: r.get(2)?,
                authors: serde_json::from_str(&authors).unwrap_or_default(),
                published: r.get(4)?,
                url: r.get(5)?,
                language: r.get(6)?,
                text: r.get(7)?,
                content_hash: r.get(8)?,
                accessed: r.get(9)?,
                created_at: r.get(10)?,
                updated_at: r.get(11)?,
            })
        })
        .optional()?)
}

/// Stores a source exactly as exported, keeping its id and timestamps when the id is free.
pub(crate) fn import_source(conn: &Connection, source: &Source) -> Result<SourceId> {
    let new = NewSource {
        kind: source.kind,
        title: source.title.clone(),
        outlet: source.outlet.clone(),
        authors: source.authors.clone(),
        published: source.published,
        url: source.url.clone(),
        language: source.language.clone(),
        text: source.text.clone(),
        accessed: source.accessed,
    };
    let before = conn.last_insert_rowid();
    let id = source_id_for(conn, &new, Some(source.id))?;
    if conn.last_insert_rowid() != before && id.0 == conn.last_insert_rowid() {
        conn.execute(
            "UPDATE source SET created_at = ?2, updated_at = ?3 WHERE id = ?1",
            params![id.0, source.created_at, source.updated_at],
        )?;
    }
    Ok(id)
}

fn index_records(conn: &Connection, ids: &[QuoteId]) -> Result<Vec<IndexRecord>> {
    let mut out = Vec::with_capacity(ids.len());
    // (Most libraries have no quote said by two: their records skip the lookup.)
    let has_co_speakers = conn
        .prepare_cached("SELECT 1 FROM quote_co_speaker LIMIT 1")?
        .exists([])?;
    let mut aliases: HashMap<i64, Vec<String>> = HashMap::new();
    for chunk in ids.chunks(500) {
        let placeholders = vec!["?"; chunk.len()].join(",");
        let sql = format!(
            "SELECT q.id, q.text, sp.name, q.title, q.organization, s.outlet, q.told_to, q.medium,
                    q.language, coalesce(q.said_on, s.published), q.speaker_id,
                    (SELECT group_concat(tag, char(31)) FROM quote_tag WHERE quote_id = q.id),
                    (SELECT group_concat(st.name, char(31)) FROM quote_story x
                     JOIN story st ON st.id = x.story_id WHERE x.quote_id = q.id),
                    s.kind
             FROM quote q JOIN speaker sp ON sp.id = q.speaker_id
             LEFT JOIN source s ON s.id = q.source_id
             WHERE q.id IN ({placeholders})"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params_from_iter(chunk.iter().map(|id| id.0)),
            |r| {
                let medium: String = r.get(7)?;
                let tags: Option<String> = r.get(11)?;
                let stories: Option<String> = r.get(12)?;
                Ok((
                    r.get::<_, i64>(10)?,
                    IndexRecord {
                        id: QuoteId(r.get(0)?),
                        text: r.get(1)?,
                        speaker: r.get(2)?,
                        aliases: Vec::new(),
                        co_speakers: Vec::new(),
                        title: r.get(3)?,
                        organization: r.get(4)?,
                        outlet: r.get(5)?,
                        told_to: r.get(6)?,
                        medium: medium.parse().unwrap_or_default(),
                        kind: r
                            .get::<_, Option<String>>(13)?
                            .map(|k| k.parse().unwrap_or_default()),
                        language: r.get(8)?,
                        date: r.get(9)?,
                        tags: tags
                            .map(|t| t.split('\u{1f}').map(str::to_owned).collect())
                            .unwrap_or_default(),
                        stories: stories
                            .map(|t| t.split('\u{1f}').map(str::to_owned).collect())
                            .unwrap_or_default(),
                    },
                ))
            },
        )?;
        for row in rows {
            let (speaker_id, mut record) = row?;
            if let std::collections::hash_map::Entry::Vacant(slot) = aliases.entry(speaker_id) {
                let list = conn
                    .prepare_cached("SELECT alias FROM speaker_alias WHERE speaker_id = ?1")?
                    .query_map([speaker_id], |r| r.get(0))?
                    .collect::<rusqlite::Result<Vec<String>>>()?;
                slot.insert(list);
            }
            record.aliases = aliases[&speaker_id].clone();
            if has_co_speakers {
                record.co_speakers = co_speaker_names(conn, record.id)?;
            }
            out.push(record);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_time_reads_as_chrono_reads_it() {
        // Times as rusqlite writes them, with every length of fraction, and in other UTC forms.
        let mut texts: Vec<String> = Vec::new();
        let start = DateTime::parse_from_rfc3339("1999-12-31T23:59:58Z").unwrap();
        for i in 0..2_000i64 {
            let time = start.with_timezone(&Utc)
                + chrono::Duration::nanoseconds(i * 7_919_000_123 + i * i * 13);
            texts.push(time.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
            texts.push(time.to_rfc3339_opts(chrono::SecondsFormat::Nanos, false));
            texts.push(time.format("%F %T%.f%:z").to_string());
            texts.push(time.format("%F %T%.3f%:z").to_string());
            texts.push(time.format("%F %T%:z").to_string());
        }
        for text in &texts {
            let chrono = DateTime::parse_from_rfc3339(text)
                .unwrap()
                .with_timezone(&Utc);
            assert_eq!(stored_time(text), Some(chrono), "{text}");
        }
        // Other offsets, shapes and impossible times are left to chrono and rusqlite.
        for text in [
            "2024-02-29 10:00:00+01:00",
            "2024-02-29 24:00:00+00:00",
            "2024-02-30 10:00:00+00:00",
            "2024-02-29 10:60:00Z",
            "2024-02-29 10:00:00.Z",
            "2024-02-29 10:00:00.1234567890Z",
            "2024-02-29 10:00Z",
            "2024-02-29_10:00:00Z",
            "2024-02-29 10:00:00",
            "+00:00",
            "",
        ] {
            assert_eq!(stored_time(text), None, "{text}");
        }
    }

    #[test]
    fn a_stored_day_reads_as_chrono_reads_it() {
        for text in [
            "2025-03-01",
            "1999-12-31",
            "2024-02-29",
            "0001-01-01",
            "9999-12-31",
        ] {
            assert_eq!(stored_day(text), text.parse::<NaiveDate>().ok(), "{text}");
            assert!(stored_day(text).is_some(), "{text}");
        }
        // Days that do not exist, and other shapes, are not read (chrono's reader gets them).
        for text in [
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-01-32",
            "2025-1-01",
            "25-01-01xx",
            "2025/01/01",
            "2025-01-0a",
            "２０２５-01-01",
            "",
        ] {
            assert_eq!(stored_day(text), None, "{text}");
        }
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("library.sqlite3")).unwrap();
        (dir, store)
    }

    fn quote(text: &str, speaker: &str) -> NewQuote {
        NewQuote {
            text: text.into(),
            speaker: speaker.into(),
            ..Default::default()
        }
    }

    /// Search pages read speakers and sources from a cache; it must show what the database
    /// holds now, whichever connection changed it, and exactly what the joined reader shows.
    #[test]
    fn quotes_show_speakers_and_sources_as_the_database_holds_them_now() {
        let (dir, mut store) = store();
        let ids: Vec<QuoteId> = store
            .write(|c| {
                let mut ids = Vec::new();
                for (i, speaker) in ["Ann Lee", "Bob Roe", "Ann Lee"].into_iter().enumerate() {
                    let mut q = quote(&format!("words number {i}"), speaker);
                    if i < 2 {
                        q.source = Some(NewSource {
                            title: Some(format!("Story {i}")),
                            outlet: Some("Reuters".into()),
                            authors: vec!["Kim Park".into(), "Lu Chen".into()],
                            published: NaiveDate::from_ymd_opt(2025, 3, 1),
                            url: Some(format!("https://example.org/{i}")),
                            ..Default::default()
                        });
                    }
                    q.tags = vec!["b".into(), "a".into()];
                    ids.push(insert_quote(c, q, InsertOptions::default())?);
                }
                Ok(ids)
            })
            .unwrap();
        let joined = |store: &Store, ids: &[QuoteId]| quotes_by_id(&store.conn, ids).unwrap();
        // In the order asked, missing and repeated ids skipped as the joined reader skips them.
        let asked = [ids[2], QuoteId(999), ids[0], ids[1], ids[0]];
        let first = store.quotes(&asked).unwrap();
        assert_eq!(first, joined(&store, &asked));
        assert_eq!(first.len(), 3);
        assert_eq!(first[1].speaker, "Ann Lee");
        let source = first[1].source.as_ref().unwrap();
        assert_eq!(source.author.as_deref(), Some("Kim Park; Lu Chen"));
        assert_eq!(source.outlet.as_deref(), Some("Reuters"));
        assert!(first[0].source.is_none());
        // Changed through this connection.
        store
            .write(|c| {
                c.execute(
                    "UPDATE speaker SET name = 'Ann B. Lee' WHERE name = 'Ann Lee'",
                    [],
                )?;
                Ok(())
            })
            .unwrap();
        let renamed = store.quotes(&ids).unwrap();
        assert_eq!(renamed[0].speaker, "Ann B. Lee");
        assert_eq!(renamed, joined(&store, &ids));
        // Changed by another connection, as another process would.
        let other = Connection::open(dir.path().join("library.sqlite3")).unwrap();
        other
            .execute(
                "UPDATE source SET outlet = 'AP' WHERE title = 'Story 0'",
                [],
            )
            .unwrap();
        other
            .execute(
                "UPDATE speaker SET name = 'Robert Roe' WHERE name = 'Bob Roe'",
                [],
            )
            .unwrap();
        let changed = store.quotes(&ids).unwrap();
        assert_eq!(
            changed[0].source.as_ref().unwrap().outlet.as_deref(),
            Some("AP")
        );
        assert_eq!(changed[1].speaker, "Robert Roe");
        assert_eq!(changed, joined(&store, &ids));
    }

    #[test]
    fn times_and_days_read_back_as_written_whatever_their_stored_form() {
        let (_dir, mut store) = store();
        let created = DateTime::parse_from_rfc3339("2024-02-29T23:59:58.123456789Z")
            .unwrap()
            .with_timezone(&Utc);
        let updated = created + chrono::Duration::seconds(3);
        let opts = InsertOptions {
            created_at: Some(created),
            updated_at: Some(updated),
            ..Default::default()
        };
        let id = store
            .write(|c| {
                insert_quote(
                    c,
                    NewQuote {
                        said_on: NaiveDate::from_ymd_opt(2024, 2, 29),
                        ..quote("Leap.", "A B")
                    },
                    opts,
                )
            })
            .unwrap();
        let q = store.quote(id).unwrap();
        assert_eq!((q.created_at, q.updated_at), (created, updated));
        assert_eq!(q.said_on, NaiveDate::from_ymd_opt(2024, 2, 29));
        let stored: String = store
            .connection()
            .query_row("SELECT said_on FROM quote", [], |r| r.get(0))
            .unwrap();
        assert_eq!(stored, "2024-02-29");
        // Written by something else in other forms: read all the same.
        store
            .write(|c| {
                c.execute(
                    "UPDATE quote SET created_at = '2024-02-29T23:59:58+01:00',
                     updated_at = '2024-03-01 00:00:00', said_on = NULL WHERE id = ?1",
                    [id.0],
                )?;
                Ok(())
            })
            .unwrap();
        let q = store.quote(id).unwrap();
        assert_eq!(q.created_at.to_rfc3339(), "2024-02-29T22:59:58+00:00");
        assert_eq!(q.updated_at.timestamp(), 1_709_251_200); // no offset: UTC
        assert_eq!(q.said_on, None);
    }

    #[test]
    fn an_older_library_is_backed_up_then_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite3");
        {
            // A library as version 1 wrote it, with one quote.
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(MIGRATIONS[0]).unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
            conn.execute_batch(
                "INSERT INTO speaker (name, name_key, created_at, updated_at) \
                 VALUES ('A B', 'a b', 'now', 'now'); \
                 INSERT INTO quote (text, speaker_id, created_at, updated_at) \
                 VALUES ('kept words', 1, 'now', 'now');",
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        let version: i64 = store
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        assert_eq!(store.quote_count().unwrap(), 1);
        let backup = dir.path().join("library.before-v2.sqlite3");
        let old = Connection::open(&backup).expect("a backup was taken before migrating");
        let old_version: i64 = old
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(old_version, 1);
        let text: String = old
            .query_row("SELECT text FROM quote", [], |r| r.get(0))
            .unwrap();
        assert_eq!(text, "kept words");
        // A library already current is not backed up again.
        drop(store);
        std::fs::remove_file(&backup).unwrap();
        Store::open(&path).unwrap();
        assert!(!backup.exists());
    }

    #[test]
    fn refuses_a_newer_library_without_touching_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite3");
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, Error::NewerLibrary { .. }), "{err}");
        assert!(err.to_string().contains("newer version"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "file was modified");
        assert!(!dir.path().join("library.sqlite3-wal").exists());
    }

    #[test]
    fn speakers_merge_by_name_key_and_alias() {
        let (_dir, mut store) = store();
        store
            .write(|c| {
                insert_quote(c, quote("one", "Songyee  Yoon"), InsertOptions::default())?;
                insert_quote(c, quote("two", "songyee yoon"), InsertOptions::default())?;
                add_alias(c, "Songyee Yoon", "S. Yoon")?;
                insert_quote(c, quote("three", "S Yoon"), InsertOptions::default())
            })
            .unwrap();
        let speakers = store.speakers().unwrap();
        assert_eq!(speakers.len(), 1);
        assert_eq!(speakers[0].name, "Songyee Yoon");
        assert_eq!(speakers[0].aliases, vec!["S. Yoon"]);
    }

    #[test]
    fn a_collecting_batch_queues_runs_of_ids_in_one_outbox_entry_each() {
        let (_dir, mut store) = store();
        let opts = InsertOptions::default();
        let n = OUTBOX_RUN as usize + 5;
        store
            .write(|c| {
                let mut batch = Batch::collecting(c);
                for i in 0..n {
                    batch.insert(quote(&format!("words {i}"), "Ann Lee"), opts)?;
                }
                batch.finish()?;
                // A write of its own after the run: an entry of one.
                insert_quote(c, quote("alone", "Bo Chen"), opts)?;
                Ok(())
            })
            .unwrap();
        let entries: i64 = store
            .conn
            .query_row("SELECT count(*) FROM index_outbox", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            entries, 3,
            "a full run, the rest of the run, and the single write"
        );
        assert_eq!(store.outbox_pending(0).unwrap(), n as u64 + 1);
        let all = store.outbox_after(0, usize::MAX).unwrap();
        let ids: Vec<i64> = all.iter().map(|(_, id)| id.0).collect();
        assert_eq!(ids, (1..=n as i64 + 1).collect::<Vec<_>>());
        // A run is never split: asking for five ids gives the whole first entry.
        let first = store.outbox_after(0, 5).unwrap();
        assert_eq!(first.len(), OUTBOX_RUN as usize);
        assert!(first.iter().all(|(seq, _)| *seq == first[0].0));
        let rest = store.outbox_after(first[0].0, usize::MAX).unwrap();
        assert_eq!(rest.len(), 6);
        store.outbox_trim(first[0].0).unwrap();
        assert_eq!(store.outbox_pending(0).unwrap(), 6);
    }

    #[test]
    fn affiliations_widen_with_dated_quotes() {
        let (_dir, mut store) = store();
        let d = |s| crate::model::parse_date(s).unwrap();
        store
            .write(|c| {
                for (date, title) in [
                    ("2021-01-05", "CFO"),
                    ("2022-03-01", "cfo"),
                    ("2024-02-02", "CEO"),
                ] {
                    let mut q = quote("words", "Ann Lee");
                    q.title = Some(title.into());
                    q.organization = Some("Acme".into());
                    q.said_on = Some(d(date));
                    insert_quote(
                        c,
                        q,
                        InsertOptions {
                            record_affiliation: true,
                            ..Default::default()
                        },
                    )?;
                }
                Ok(())
            })
            .unwrap();
        let speaker = store.speaker_by_name("ann lee").unwrap().unwrap();
        assert_eq!(speaker.affiliations.len(), 2);
        assert_eq!(speaker.affiliations[0].valid_from, Some(d("2021-01-05")));
        assert_eq!(speaker.affiliations[0].valid_to, Some(d("2022-03-01")));
        assert_eq!(speaker.affiliations[1].title.as_deref(), Some("CEO"));
    }

    #[test]
    fn sources_are_shared_by_content_hash() {
        let (_dir, mut store) = store();
        let source = NewSource {
            title: Some("R2".into()),
            text: Some("full text".into()),
            ..Default::default()
        };
        let (a, b) = store
            .write(|c| {
                let mut q = quote("one", "A");
                q.source = Some(source.clone());
                let a = insert_quote(c, q.clone(), InsertOptions::default())?;
                q.text = "two".into();
                let b = insert_quote(c, q, InsertOptions::default())?;
                Ok((a, b))
            })
            .unwrap();
        let qa = store.quote(a).unwrap();
        let qb = store.quote(b).unwrap();
        assert_eq!(qa.source.unwrap().id, qb.source.unwrap().id);
        assert_eq!(store.sources().unwrap().len(), 1);
    }

    #[test]
    fn every_write_is_queued_for_the_index() {
        let (_dir, mut store) = store();
        let id = store
            .write(|c| insert_quote(c, quote("one", "A"), InsertOptions::default()))
            .unwrap();
        store
            .write(|c| {
                update_quote(
                    c,
                    id,
                    QuoteEdit {
                        text: Some("uno".into()),
                        ..Default::default()
                    },
                )
            })
            .unwrap();
        store.write(|c| delete_quote(c, id)).unwrap();
        let queued: Vec<QuoteId> = store
            .outbox_after(0, 10)
            .unwrap()
            .into_iter()
            .map(|(_, q)| q)
            .collect();
        assert_eq!(queued, vec![id, id, id]);
        assert_eq!(store.outbox_head().unwrap(), 3);
        store.outbox_trim(3).unwrap();
        assert_eq!(
            store.outbox_head().unwrap(),
            3,
            "the head survives trimming"
        );
    }

    #[test]
    fn a_bad_quote_is_refused_with_a_reason() {
        let (_dir, mut store) = store();
        let err = store
            .write(|c| insert_quote(c, quote("  ", "A"), InsertOptions::default()))
            .unwrap_err();
        assert!(err.to_string().contains("quote text is empty"), "{err}");
        assert_eq!(store.quote_count().unwrap(), 0);
    }
}
