//! The facade the CLI and the desktop app use: one library folder, its SQLite store (the truth)
//! and its Tantivy index (derived), kept in step.
//!
//! Every write commits to SQLite first — that is the moment it is acknowledged and can no longer
//! be lost — and then brings the index up to date from the outbox. If the process dies in
//! between, the next open (or the next search, in another process) replays the outbox.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::check::{self, CheckReport};
use crate::cite::{self, Citable, Format, Markup};
use crate::clip::Clip;
use crate::documents::Format as InputFormat;
use crate::error::{Error, Result};
use crate::import::{ImportFile, ImportQuote, ImportReport};
use crate::inbox::{self, InboxItem, Page};
use crate::model::{
    NewQuote, NewSource, Quote, QuoteEdit, QuoteId, Source, SourceId, SourceKind, Speaker,
};
use crate::search::{Facets, SearchIndex, SearchRequest, SyncReport};
use crate::store::{self, InsertOptions, Store};
use crate::story::{self, Story};
use crate::tags;

pub const DATABASE_FILE: &str = "library.sqlite3";
pub const INDEX_DIR: &str = "index";

/// The folder the CLI and the app use when none is given: `$ONRECORD_LIBRARY`, else the
/// platform data directory (`$XDG_DATA_HOME/onrecord`, i.e. `~/.local/share/onrecord` on Linux).
pub fn default_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("ONRECORD_LIBRARY").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("onrecord")
}

#[derive(Debug)]
pub struct Library {
    dir: PathBuf,
    store: Store,
    index: SearchIndex,
    /// Things worth telling the user about the open (an index rebuilt, changes replayed).
    notices: Vec<String>,
}

/// How far a long operation has got: `done` of `total` items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// What saving a clip did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ClipReport {
    pub source: Option<SourceId>,
    pub saved: Vec<QuoteId>,
    /// Candidates of this article saved before.
    pub already_saved: usize,
    /// Candidates with no speaker: they need one before they can be saved.
    pub without_speaker: usize,
}

/// One search result: the quote as stored, its relevance and a highlighted extract.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub score: f32,
    pub snippet: String,
    pub quote: Quote,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<Hit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
}

/// What `doctor` found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DoctorReport {
    pub database: PathBuf,
    pub index: PathBuf,
    /// SQLite's `integrity_check` lines; `["ok"]` when healthy.
    pub integrity: Vec<String>,
    pub quotes_in_store: usize,
    pub documents_in_index: usize,
    /// In the store but not findable.
    pub missing_from_index: Vec<QuoteId>,
    /// In the index but deleted from the store (would show as dead results).
    pub extra_in_index: Vec<QuoteId>,
    /// Indexed more than once.
    pub duplicated_in_index: Vec<QuoteId>,
    /// Changes committed to the store that the index has not applied yet.
    pub pending_changes: u64,
    pub store_sequence: i64,
    pub index_sequence: i64,
}

impl DoctorReport {
    pub fn healthy(&self) -> bool {
        self.integrity == ["ok"]
            && self.missing_from_index.is_empty()
            && self.extra_in_index.is_empty()
            && self.duplicated_in_index.is_empty()
    }
}

/// The library as one lossless JSON document (`export --format json`). `import` of it restores
/// the same quotes, ids, speakers with their aliases and timelines, and sources with their text.
#[derive(Debug, Clone, Serialize)]
pub struct LibraryExport {
    pub format: &'static str,
    pub version: u32,
    pub speakers: Vec<Speaker>,
    pub sources: Vec<Source>,
    pub quotes: Vec<Quote>,
}

pub const EXPORT_FORMAT: &str = "onrecord-library";

/// A quote as the app shows it: with its source (without the article text) and the words
/// around it in the article.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    pub quote: Quote,
    pub source: Option<Source>,
    /// Up to [`CONTEXT_CHARS`] characters of the article before and after the quote.
    pub before: Option<String>,
    pub after: Option<String>,
}

pub const CONTEXT_CHARS: usize = 400;

/// Which quotes an export takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    All,
    /// The quotes a search query matches.
    Query(String),
    /// These quotes, in this order.
    Ids(Vec<QuoteId>),
}

impl Library {
    /// Opens the library in `dir` (created when missing) and brings its index in step with the
    /// store: rebuilt when missing or damaged, pending changes replayed.
    pub fn open(dir: &Path) -> Result<Library> {
        std::fs::create_dir_all(dir).map_err(|source| Error::WriteFile {
            path: dir.to_owned(),
            source,
        })?;
        let store = Store::open(&dir.join(DATABASE_FILE))?;
        let (index, rebuilt) = SearchIndex::open(&dir.join(INDEX_DIR), &store)?;
        let mut library = Library {
            dir: dir.to_owned(),
            store,
            index,
            notices: Vec::new(),
        };
        if rebuilt && library.store.quote_count()? > 0 {
            library.notices.push(format!(
                "the search index at {} was missing or out of date and has been rebuilt from the database",
                library.index.dir().display()
            ));
        }
        let report = library.index.sync(&library.store)?;
        if report.applied > 0 {
            library.notices.push(format!(
                "{} change(s) saved in the database but not yet searchable (an interrupted write) were added to the index",
                report.applied
            ));
        }
        Ok(library)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// How long a write waits for another writer (the app, another `onrecord`) before giving up
    /// with [`Error::Busy`] (default 10 s).
    pub fn set_wait_limit(&mut self, limit: std::time::Duration) {
        self.store.set_wait_limit(limit);
    }

    /// Called once whenever a write has to wait for another writer, so the face can say so.
    pub fn on_wait(&mut self, hook: Box<dyn FnMut() + Send>) {
        self.store.on_wait(hook);
    }

    /// Messages about what opening the library repaired; empty on a normal open.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    fn sync(&mut self) -> Result<SyncReport> {
        self.index.sync(&self.store)
    }

    /// Stores a quote. Once this returns, the quote is durable; it is searchable at once unless
    /// another process holds the index, in which case it becomes searchable when that one syncs.
    pub fn add(&mut self, quote: NewQuote) -> Result<Quote> {
        let id = self.store.write(|c| {
            store::insert_quote(
                c,
                quote,
                InsertOptions {
                    record_affiliation: true,
                    ..Default::default()
                },
            )
        })?;
        crate::failpoint("after-store-commit");
        self.sync()?;
        self.store.quote(id)
    }

    /// Stores many quotes in one transaction: all of them, or none. A large batch is fed to the
    /// index while SQLite writes (the two use different cores), and both commit at the end.
    pub fn add_many(&mut self, quotes: Vec<NewQuote>) -> Result<Vec<QuoteId>> {
        self.add_many_reporting(quotes, &mut |_| {})
    }

    /// [`Library::add_many`], telling `progress` how many are stored so far, every 10,000 and
    /// at the end (when they are also searchable).
    pub fn add_many_reporting(
        &mut self,
        quotes: Vec<NewQuote>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Vec<QuoteId>> {
        let total = quotes.len();
        let mut ids = Vec::with_capacity(total);
        self.add_stream(quotes.into_iter().map(Ok), total, progress, &mut |id| {
            ids.push(id)
        })?;
        Ok(ids)
    }

    /// Stores quotes as they come, in one transaction: all of them, or none (the first error,
    /// from the store or from `quotes`, rolls everything back). `total` is how many are
    /// expected, for `progress` and to choose the bulk path; `each` is told every new id. A
    /// large import is fed to the index while SQLite writes (the two use different cores), a
    /// batch at a time, so memory does not grow with the number of quotes.
    pub fn add_stream(
        &mut self,
        quotes: impl Iterator<Item = Result<NewQuote>>,
        total: usize,
        progress: &mut dyn FnMut(Progress),
        each: &mut dyn FnMut(QuoteId),
    ) -> Result<usize> {
        const BULK_MIN: usize = 5_000;
        const CHUNK: usize = 10_000;
        let Library { store, index, .. } = self;
        let mut bulk = if total >= BULK_MIN {
            index.begin_bulk(store)?
        } else {
            None
        };
        let opts = InsertOptions {
            record_affiliation: true,
            ..Default::default()
        };
        let done = store.write(|c| {
            let from = store::outbox_head_in(c)?;
            let mut batch = if bulk.is_some() {
                store::Batch::collecting(c)
            } else {
                store::Batch::new(c)
            };
            let mut done = 0;
            let mut pending = 0;
            for q in quotes {
                each(batch.insert(q?, opts)?);
                done += 1;
                pending += 1;
                if pending == CHUNK {
                    if let Some(b) = bulk.as_mut() {
                        index.bulk_add(b, &batch.take_records())?;
                    }
                    batch.bound_memory()?;
                    pending = 0;
                    if done < total {
                        progress(Progress { done, total });
                    }
                }
            }
            let records = batch.take_records();
            // (Writes the last run of queued ids, before the outbox head is read.)
            batch.finish()?;
            if let Some(b) = bulk.as_mut() {
                index.bulk_add(b, &records)?;
                index.bulk_covers(b, from, store::outbox_head_in(c)?);
            }
            Ok(done)
        })?;
        crate::failpoint("after-store-commit");
        match bulk {
            Some(b) => self.index.bulk_finish(b, &self.store)?,
            None => self.sync()?,
        };
        progress(Progress { done, total: done });
        Ok(done)
    }

    pub fn quote(&self, id: QuoteId) -> Result<Quote> {
        self.store.quote(id)
    }

    pub fn edit(&mut self, id: QuoteId, edit: QuoteEdit) -> Result<Quote> {
        self.store.write(|c| store::update_quote(c, id, edit))?;
        self.sync()?;
        self.store.quote(id)
    }

    /// Deletes a quote and returns it as it was (the app offers it back as an undo).
    pub fn remove(&mut self, id: QuoteId) -> Result<Quote> {
        let quote = self.store.write(|c| store::delete_quote(c, id))?;
        self.sync()?;
        Ok(quote)
    }

    /// Puts back a quote returned by [`Library::remove`], with its id.
    pub fn restore(&mut self, quote: Quote) -> Result<Quote> {
        let id = quote.id;
        self.restore_many(vec![quote])?;
        self.store.quote(id)
    }

    pub fn speakers(&self) -> Result<Vec<Speaker>> {
        self.store.speakers()
    }

    /// How many quotes each speaker has, by name, in the order `speakers` lists them.
    pub fn speaker_quote_counts(&self) -> Result<Vec<(String, u64)>> {
        self.store.speaker_quote_counts()
    }

    pub fn speaker(&self, name: &str) -> Result<Speaker> {
        self.store
            .speaker_by_name(name)?
            .ok_or_else(|| Error::SpeakerNotFound(name.to_owned()))
    }

    pub fn add_alias(&mut self, speaker: &str, alias: &str) -> Result<()> {
        self.store.write(|c| store::add_alias(c, speaker, alias))?;
        self.sync()?;
        Ok(())
    }

    pub fn source(&self, id: SourceId) -> Result<Option<Source>> {
        self.store.source(id)
    }

    /// Full-text search; the rows shown come from the store, so a lagging index never shows
    /// stale text.
    pub fn search(&mut self, request: &SearchRequest) -> Result<SearchResults> {
        self.sync()?;
        let matches = self.index.search(request)?;
        let ids: Vec<QuoteId> = matches.matches.iter().map(|m| m.id).collect();
        // In the order of the ids, those the store no longer holds left out.
        let mut quotes = self.store.quotes(&ids)?.into_iter().peekable();
        let hits = matches
            .matches
            .iter()
            .filter_map(|m| {
                let quote = quotes.next_if(|q| q.id == m.id)?;
                Some(Hit {
                    score: m.score,
                    snippet: matches.snippet(&quote.text),
                    quote,
                })
            })
            .collect();
        Ok(SearchResults {
            total: matches.total,
            hits,
            facets: matches.facets,
        })
    }

    /// The quotes matching a query (all when it is empty), oldest id first.
    pub fn select(&mut self, query: &str) -> Result<Vec<Quote>> {
        if query.trim().is_empty() {
            return self.store.read(store::all_quotes);
        }
        self.sync()?;
        let ids = self.index.matching_ids(query)?;
        self.store.quotes(&ids)
    }

    /// Throws the index away and builds it again from the store. Returns the number of quotes
    /// indexed.
    pub fn reindex(&mut self) -> Result<usize> {
        self.index = SearchIndex::rebuild(&self.dir.join(INDEX_DIR), &self.store)?;
        Ok(self.store.quote_count()? as usize)
    }

    /// Compares the store and the index and reports every disagreement. Pending changes are not
    /// applied first, so that an interrupted write shows up here.
    pub fn doctor(&mut self) -> Result<DoctorReport> {
        let integrity = self.store.integrity_check()?;
        let in_store: BTreeSet<QuoteId> = self.store.quote_ids()?.into_iter().collect();
        let indexed = self.index.all_ids()?;
        let mut seen = BTreeSet::new();
        let mut duplicated = BTreeSet::new();
        for id in &indexed {
            if !seen.insert(*id) {
                duplicated.insert(*id);
            }
        }
        let payload = self.index.payload()?;
        Ok(DoctorReport {
            database: self.store.path().to_owned(),
            index: self.index.dir().to_owned(),
            integrity,
            quotes_in_store: in_store.len(),
            documents_in_index: indexed.len(),
            missing_from_index: in_store.difference(&seen).copied().collect(),
            extra_in_index: seen.difference(&in_store).copied().collect(),
            duplicated_in_index: duplicated.into_iter().collect(),
            pending_changes: self.store.outbox_pending(payload.seq)?,
            store_sequence: self.store.outbox_head()?,
            index_sequence: payload.seq,
        })
    }

    /// Merges two speakers (two spellings of one person): `from`'s quotes, titles and aliases
    /// become `into`'s, and `from`'s name one of its aliases. Returns how many quotes moved.
    pub fn merge_speakers(&mut self, from: &str, into: &str) -> Result<u64> {
        let n = self
            .store
            .write(|c| crate::speakers::merge(c, from, into))?;
        self.sync()?;
        Ok(n)
    }

    /// Sets a speaker's title and employer over a span of dates (see
    /// [`crate::speakers::set_affiliation`]); `true` when it was added rather than corrected.
    pub fn set_affiliation(
        &mut self,
        speaker: &str,
        affiliation: &crate::model::Affiliation,
    ) -> Result<bool> {
        self.store
            .write(|c| crate::speakers::set_affiliation(c, speaker, affiliation))
    }

    /// Removes a speaker's affiliation with this title and organization; whether there was one.
    pub fn remove_affiliation(
        &mut self,
        speaker: &str,
        title: Option<&str>,
        organization: Option<&str>,
    ) -> Result<bool> {
        self.store
            .write(|c| crate::speakers::remove_affiliation(c, speaker, title, organization))
    }

    /// [`Library::merge_speakers`], returning also what the merge moved, so that it can be
    /// undone ([`Library::undo_merge`]).
    pub fn merge_speakers_undoable(
        &mut self,
        from: &str,
        into: &str,
    ) -> Result<(u64, crate::speakers::MergeUndo)> {
        let done = self
            .store
            .write(|c| crate::speakers::merge_keeping(c, from, into))?;
        self.sync()?;
        Ok(done)
    }

    /// Puts back what a merge moved (see [`crate::speakers::unmerge`]).
    pub fn undo_merge(&mut self, undo: &crate::speakers::MergeUndo) -> Result<()> {
        self.store.write(|c| crate::speakers::unmerge(c, undo))?;
        self.sync()?;
        Ok(())
    }

    /// Corrects a speaker's name.
    pub fn rename_speaker(&mut self, old: &str, new: &str) -> Result<()> {
        self.store.write(|c| crate::speakers::rename(c, old, new))?;
        self.sync()?;
        Ok(())
    }

    /// Tags many quotes at once (one transaction); returns those that did not carry it yet.
    pub fn tag_quotes(&mut self, ids: &[QuoteId], tag: &str) -> Result<Vec<QuoteId>> {
        let added = self.store.write(|c| tags::tag_quotes(c, ids, tag))?;
        self.sync()?;
        Ok(added)
    }

    /// Takes a tag off these quotes (the undo of [`Library::tag_quotes`]).
    pub fn untag_quotes(&mut self, ids: &[QuoteId], tag: &str) -> Result<()> {
        self.store.write(|c| tags::untag_quotes(c, ids, tag))?;
        self.sync()?;
        Ok(())
    }

    /// Deletes many quotes in one transaction; returns them as they were, for an undo.
    pub fn remove_many(&mut self, ids: &[QuoteId]) -> Result<Vec<Quote>> {
        let quotes = self.store.write(|c| {
            ids.iter()
                .map(|id| store::delete_quote(c, *id))
                .collect::<Result<Vec<_>>>()
        })?;
        self.sync()?;
        Ok(quotes)
    }

    /// Puts back quotes returned by [`Library::remove_many`], with their ids, in one
    /// transaction.
    pub fn restore_many(&mut self, quotes: Vec<Quote>) -> Result<()> {
        self.store.write(|c| {
            for quote in quotes {
                let speaker = store::speaker_id_for(c, &quote.speaker)?;
                crate::import::insert_exported_quote(
                    c,
                    ImportQuote::from(quote),
                    speaker,
                    &HashMap::new(),
                )?;
            }
            Ok(())
        })?;
        self.sync()?;
        Ok(())
    }

    /// Every tag with its count of quotes, most used first.
    pub fn tags(&self) -> Result<Vec<(String, u64)>> {
        tags::tags(self.store.connection())
    }

    /// Renames a tag everywhere; returns how many quotes carried it.
    pub fn rename_tag(&mut self, old: &str, new: &str) -> Result<u64> {
        let n = self.store.write(|c| tags::rename_tag(c, old, new))?;
        self.sync()?;
        Ok(n)
    }

    /// Creates an empty story.
    pub fn story_create(&mut self, name: &str) -> Result<Story> {
        self.store.write(|c| story::create(c, name))
    }

    /// Every story with its count of quotes, by name.
    pub fn stories(&self) -> Result<Vec<Story>> {
        story::list(self.store.connection())
    }

    /// Adds quotes to a story (created when missing); returns those new to it (what an undo
    /// takes out again).
    pub fn story_add(&mut self, name: &str, ids: &[QuoteId]) -> Result<Vec<QuoteId>> {
        let n = self.store.write(|c| story::add(c, name, ids))?;
        self.sync()?;
        Ok(n)
    }

    /// Takes quotes out of a story; they stay in the library.
    pub fn story_remove(&mut self, name: &str, ids: &[QuoteId]) -> Result<usize> {
        let n = self.store.write(|c| story::remove(c, name, ids))?;
        self.sync()?;
        Ok(n)
    }

    pub fn story_rename(&mut self, old: &str, new: &str) -> Result<()> {
        self.store.write(|c| story::rename(c, old, new))?;
        self.sync()?;
        Ok(())
    }

    /// Deletes a story, keeping its quotes; returns how many it held.
    pub fn story_delete(&mut self, name: &str) -> Result<u64> {
        let n = self.store.write(|c| story::delete(c, name))?;
        self.sync()?;
        Ok(n)
    }

    /// Sends a page from the browser to the inbox, to review later.
    pub fn inbox_add(&mut self, page: &Page) -> Result<InboxItem> {
        self.store.write(|c| inbox::add(c, page))
    }

    /// The pages waiting in the inbox, oldest first.
    pub fn inbox(&self) -> Result<Vec<InboxItem>> {
        inbox::list(self.store.connection())
    }

    /// How many pages wait in the inbox.
    pub fn inbox_count(&self) -> Result<u64> {
        inbox::count(self.store.connection())
    }

    /// A page of the inbox, clipped: its quotations to review (the page stays in the inbox
    /// until [`Library::inbox_remove`]).
    pub fn inbox_clip(&self, id: i64) -> Result<Clip> {
        let (_, page) = inbox::page(self.store.connection(), id)?;
        clip_page(&page)
    }

    /// Takes a page out of the inbox (reviewed, or not worth it).
    pub fn inbox_remove(&mut self, id: i64) -> Result<()> {
        self.store.write(|c| inbox::remove(c, id))
    }

    /// Saves a clip: the article as a source (with its full text and content hash) and every
    /// candidate that has a speaker, with its offsets. Clipping the same article again adds
    /// nothing; the candidates' `id`s are filled in.
    pub fn save_clip(&mut self, clip: &mut Clip) -> Result<ClipReport> {
        let report = self.store.write(|c| {
            let article = &clip.article;
            let source = NewSource {
                kind: match clip.format {
                    InputFormat::Pdf | InputFormat::Docx | InputFormat::Odt => SourceKind::Document,
                    InputFormat::Vtt | InputFormat::Srt | InputFormat::Transcript => {
                        SourceKind::Interview
                    }
                    InputFormat::Html | InputFormat::Text => SourceKind::Article,
                },
                title: article.title.clone(),
                outlet: article.site_name.clone(),
                authors: article
                    .byline
                    .iter()
                    .flat_map(|b| {
                        b.trim_start_matches("By ")
                            .trim_start_matches("by ")
                            .split([',', ';'])
                    })
                    .flat_map(|b| b.split(" and "))
                    .map(|a| a.trim().to_owned())
                    .filter(|a| !a.is_empty())
                    .collect(),
                published: article.published,
                url: article.url.clone(),
                language: article.language.clone(),
                text: Some(article.text.clone()),
                accessed: Some(chrono::Utc::now().date_naive()),
            };
            let source_id = store::source_id_for(c, &source, None)?;
            let mut batch = store::Batch::new(c);
            let mut report = ClipReport::default();
            for candidate in &mut clip.quotes {
                let Some(speaker) = candidate.speaker.clone() else {
                    report.without_speaker += 1;
                    continue;
                };
                if let Some(existing) =
                    store::quote_at(c, source_id, candidate.start, candidate.end)?
                {
                    candidate.id = Some(existing);
                    report.already_saved += 1;
                    continue;
                }
                let new = NewQuote {
                    text: candidate.text.clone(),
                    speaker,
                    co_speakers: candidate.co_speakers.clone(),
                    title: candidate.title.clone(),
                    organization: candidate.organization.clone(),
                    organization_description: candidate.organization_description.clone(),
                    medium: candidate.medium,
                    told_to: candidate.told_to.clone(),
                    said_on: candidate.said_on,
                    source: None,
                    start: Some(candidate.start),
                    end: Some(candidate.end),
                    locator: candidate.locator,
                    tags: candidate.tags.clone(),
                    stories: Vec::new(),
                    language: Some(candidate.language.clone()),
                    notes: None,
                };
                let id = batch.insert_in_source(
                    new,
                    source_id,
                    InsertOptions {
                        record_affiliation: true,
                        ..Default::default()
                    },
                )?;
                candidate.id = Some(id);
                report.saved.push(id);
            }
            batch.finish()?;
            report.source = Some(source_id);
            Ok(report)
        })?;
        crate::failpoint("after-store-commit");
        self.sync()?;
        Ok(report)
    }

    /// Checks every quotation in a draft against the library.
    pub fn check(&mut self, draft: &str) -> Result<CheckReport> {
        self.sync()?;
        check::check(draft, self)
    }

    /// One quote with its source and the article text around it.
    pub fn quote_view(&self, id: QuoteId) -> Result<QuoteView> {
        let quote = self.store.quote(id)?;
        let mut source = match quote.source.as_ref() {
            Some(s) => self.store.source(s.id)?,
            None => None,
        };
        let (mut before, mut after) = (None, None);
        if let (Some(text), Some(start), Some(end)) = (
            source.as_ref().and_then(|s| s.text.as_deref()),
            quote.start,
            quote.end,
        ) {
            let chars: Vec<char> = text.chars().collect();
            if start <= end && end <= chars.len() {
                let from = start.saturating_sub(CONTEXT_CHARS);
                let to = (end + CONTEXT_CHARS).min(chars.len());
                before = Some(chars[from..start].iter().collect());
                after = Some(chars[end..to].iter().collect());
            }
        }
        if let Some(s) = source.as_mut() {
            s.text = None;
        }
        Ok(QuoteView {
            quote,
            source,
            before,
            after,
        })
    }

    /// The quotes a selection picks, oldest id first.
    pub fn selected(&mut self, selection: &Selection) -> Result<Vec<Quote>> {
        match selection {
            Selection::All => self.select(""),
            Selection::Query(query) => self.select(query),
            Selection::Ids(ids) => ids.iter().map(|&id| self.store.quote(id)).collect(),
        }
    }

    /// The selected quotes with their sources (without the article text), ready to cite.
    pub fn citables(&mut self, selection: &Selection) -> Result<Vec<Citable>> {
        let quotes = self.selected(selection)?;
        let mut sources: HashMap<SourceId, Option<Source>> = HashMap::new();
        quotes
            .into_iter()
            .map(|quote| {
                let source = match quote.source.as_ref().map(|s| s.id) {
                    Some(id) => match sources.get(&id) {
                        Some(source) => source.clone(),
                        None => {
                            let mut source = self.store.source(id)?;
                            if let Some(s) = source.as_mut() {
                                s.text = None;
                            }
                            sources.insert(id, source.clone());
                            source
                        }
                    },
                    None => None,
                };
                Ok(Citable { quote, source })
            })
            .collect()
    }

    /// The selected quotes in an export format, with how many quotes went in. `Format::Json` is
    /// the lossless library export; the others are citations ([`cite::render`]).
    pub fn export_as(
        &mut self,
        selection: &Selection,
        format: Format,
        markup: Markup,
    ) -> Result<(String, usize)> {
        if format == Format::Json {
            let export = self.export_selection(selection)?;
            let mut text = serde_json::to_string_pretty(&export)
                .map_err(|e| Error::Invalid(format!("cannot write JSON: {e}")))?;
            text.push('\n');
            return Ok((text, export.quotes.len()));
        }
        let items = self.citables(selection)?;
        Ok((cite::render(&items, format, markup)?, items.len()))
    }

    /// [`Library::export_as`] written to `path` (checked before any work, then written through
    /// a temporary file): what the CLI's `-o` and the app's "Save to file" both do.
    pub fn export_to_file(
        &mut self,
        selection: &Selection,
        format: Format,
        markup: Markup,
        path: &Path,
        force: bool,
    ) -> Result<usize> {
        crate::files::check_destination(path, force)?;
        let (text, count) = self.export_as(selection, format, markup)?;
        crate::files::write_file(path, text.as_bytes(), force)?;
        Ok(count)
    }

    /// The quotes matching `query` (the whole library when it is empty) as one lossless
    /// document, with the speakers and sources they refer to.
    pub fn export(&mut self, query: &str) -> Result<LibraryExport> {
        let selection = if query.trim().is_empty() {
            Selection::All
        } else {
            Selection::Query(query.to_owned())
        };
        self.export_selection(&selection)
    }

    fn export_selection(&mut self, selection: &Selection) -> Result<LibraryExport> {
        let quotes = self.selected(selection)?;
        let (mut speakers, mut sources) = self
            .store
            .read(|_| Ok((self.store.speakers()?, self.store.sources()?)))?;
        if !matches!(selection, Selection::All) {
            let names: BTreeSet<String> = quotes
                .iter()
                .flat_map(|q| std::iter::once(&q.speaker).chain(&q.co_speakers))
                .map(|name| store::name_key(name))
                .collect();
            let source_ids: BTreeSet<SourceId> = quotes
                .iter()
                .filter_map(|q| q.source.as_ref().map(|s| s.id))
                .collect();
            speakers.retain(|s| names.contains(&store::name_key(&s.name)));
            sources.retain(|s| source_ids.contains(&s.id));
        }
        Ok(LibraryExport {
            format: EXPORT_FORMAT,
            version: 1,
            speakers,
            sources,
            quotes,
        })
    }

    /// Imports a parsed file in one transaction: everything in it, or nothing.
    pub fn import(&mut self, file: ImportFile) -> Result<ImportReport> {
        self.import_reporting(file, &mut |_| {})
    }

    /// [`Library::import`], telling `progress` how many quotes are stored so far (every
    /// 10,000, and at the end) so a face can show counts while a large file goes in.
    pub fn import_reporting(
        &mut self,
        file: ImportFile,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportReport> {
        let (speakers, sources, quotes) = match file {
            ImportFile::Library {
                speakers,
                sources,
                quotes,
            } => (speakers, sources, quotes),
            // New quotes take the bulk path: the index is fed while SQLite writes, and a table
            // is read from disk as it goes in.
            new => {
                let total = new.len();
                let quotes = new.new_quotes().expect("new quotes")?;
                let imported = self.add_stream(quotes, total, progress, &mut |_| {})?;
                return Ok(ImportReport {
                    imported,
                    ..Default::default()
                });
            }
        };
        let total = quotes.len();
        let report = self
            .store
            .write(|c| crate::import::restore(c, &speakers, &sources, quotes))?;
        crate::failpoint("after-store-commit");
        self.sync()?;
        progress(Progress { done: total, total });
        Ok(report)
    }
}

impl check::Records for Library {
    fn candidates(&mut self, words: &str, wide: bool) -> Result<Vec<Quote>> {
        let ids = self.index.similar_to(words, CHECK_CANDIDATES, wide)?;
        self.store.quotes(&ids)
    }

    fn speaker(&mut self, name: &str) -> Result<Option<Speaker>> {
        self.store.speaker_by_name(name)
    }
}

/// Clips a page as the browser rendered it, with its address and title.
pub fn clip_page(page: &Page) -> Result<Clip> {
    page.validate()?;
    let mut clip = crate::clip::clip_html(
        &page.html,
        &crate::clip::ClipOptions {
            url: page.url.clone(),
            ..Default::default()
        },
    )?;
    // (The page's own headline is better than its tab title, which carries the site's name.)
    if clip.article.title.is_none() {
        clip.article.title = page.title.clone().filter(|t| !t.trim().is_empty());
    }
    Ok(clip)
}

/// How many records, by shared rare words, are aligned against each quotation of a draft.
const CHECK_CANDIDATES: usize = 10;
