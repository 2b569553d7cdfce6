//! The Tantivy index: a derived, rebuildable view of the store for fast search.
//!
//! It holds no text a user could lose: every document is rebuilt from SQLite rows, results are
//! ids that the caller turns back into rows, and the whole folder can be deleted at any time
//! (`reindex`, or simply the next open, brings it back). The commit payload records which library
//! it belongs to and the last `index_outbox` sequence it has applied, which is how a crash between
//! the SQLite commit and the Tantivy commit is repaired on the next open.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::ops::Bound;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, Bm25StatisticsProvider, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery,
    EnableScoring, FuzzyTermQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};
use tantivy::{
    DocAddress, DocId, DocSet, Index, IndexReader, IndexWriter, ReloadPolicy, TERMINATED,
    TantivyDocument, Term,
};

use crate::error::{Error, Result};
use crate::model::{QuoteId, has_cjk};
use crate::query::{self, Node};
use crate::store::{IndexRecord, Store};

mod facets;
use facets::*;

/// Bumped whenever the schema or the analysis changes; an index of another version is rebuilt.
const INDEX_VERSION: u32 = 6;
const WRITER_HEAP: usize = 64_000_000;
/// Indexing threads for a bulk import or a large replay (the SQLite writer takes the other core).
const BULK_THREADS: usize = 2;
/// The largest segment a small write may merge (see `SearchIndex::sync`).
const SMALL_MERGE_DOCS: usize = 50_000;
/// How many of a quotation's rarest words look it up in `similar_to`.
const RARE_TERMS: usize = 8;
/// How many of a quotation's rarest words a narrow candidate lookup requires together.
const NARROW_TERMS: usize = 4;
const EN: &str = "onrecord_en";
const NAME: &str = "onrecord_name";
const KEYWORD: &str = "onrecord_keyword";
const ZH: &str = "onrecord_zh";

/// The fields of the index. Only `id` comes back out; everything else is for matching.
#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    text: Field,
    text_cjk: Field,
    speaker: Field,
    title: Field,
    organization: Field,
    outlet: Field,
    tag: Field,
    story: Field,
    language: Field,
    medium: Field,
    /// The source's kind: article, document, interview…
    kind: Field,
    date: Field,
    /// Whole values as fast (columnar) fields only: facets count their term ordinals.
    speaker_facet: Field,
    organization_facet: Field,
    outlet_facet: Field,
    story_facet: Field,
    tag_facet: Field,
    year: Field,
    /// The year again, as a term with a posting list (see `date_query`); `year` is a column,
    /// and Tantivy answers a term of a column field by scanning the column.
    year_term: Field,
    /// The day again, as a term (see `date_query`): a few months of days are a few hundred
    /// small posting lists, cheaper than scanning the `date` column of every segment.
    day_term: Field,
}

impl Fields {
    /// The fields with few distinct words (names, organizations, outlets and titles), which a
    /// bare word is looked up in besides the text and whose terms `SegmentData` holds.
    fn names(&self) -> [Field; 4] {
        [self.speaker, self.organization, self.outlet, self.title]
    }
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let analysed = |tokenizer: &str, positions: bool| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(if positions {
                    IndexRecordOption::WithFreqsAndPositions
                } else {
                    IndexRecordOption::WithFreqs
                }),
        )
    };
    let keyword = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(KEYWORD)
            .set_index_option(IndexRecordOption::Basic),
    );
    let fields = Fields {
        id: b.add_u64_field("id", INDEXED | FAST),
        text: b.add_text_field("text", analysed(EN, true)),
        text_cjk: b.add_text_field("text_cjk", analysed(ZH, true)),
        speaker: b.add_text_field("speaker", analysed(NAME, true)),
        title: b.add_text_field("title", analysed(EN, true)),
        organization: b.add_text_field("organization", analysed(NAME, true)),
        outlet: b.add_text_field("outlet", analysed(NAME, true)),
        tag: b.add_text_field("tag", keyword.clone()),
        story: b.add_text_field("story", keyword.clone()),
        language: b.add_text_field("language", keyword.clone()),
        medium: b.add_text_field("medium", keyword.clone()),
        kind: b.add_text_field("kind", keyword),
        date: b.add_i64_field("date", INDEXED | FAST),
        speaker_facet: b.add_text_field("speaker_facet", TextOptions::default().set_fast("raw")),
        organization_facet: b
            .add_text_field("organization_facet", TextOptions::default().set_fast("raw")),
        outlet_facet: b.add_text_field("outlet_facet", TextOptions::default().set_fast("raw")),
        story_facet: b.add_text_field("story_facet", TextOptions::default().set_fast("raw")),
        tag_facet: b.add_text_field("tag_facet", TextOptions::default().set_fast("raw")),
        year: b.add_u64_field("year", FAST),
        year_term: b.add_u64_field("year_term", INDEXED),
        day_term: b.add_i64_field("day_term", INDEXED),
    };
    (b.build(), fields)
}

fn register_analyzers(index: &Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(
        EN,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(crate::stem::CachedStemmer)
            .build(),
    );
    tokenizers.register(
        NAME,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
    tokenizers.register(
        KEYWORD,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
    tokenizers.register(
        ZH,
        TextAnalyzer::builder(tantivy_jieba::JiebaTokenizer::new())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .build(),
    );
}

/// What the index says about itself in its commit payload.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payload {
    pub library: String,
    pub version: u32,
    /// The last outbox sequence whose change is in this commit.
    pub seq: i64,
}

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    #[default]
    Relevance,
    /// Newest first.
    Date,
}

impl std::str::FromStr for Sort {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_lowercase().as_str() {
            "relevance" | "score" => Ok(Sort::Relevance),
            "date" | "newest" => Ok(Sort::Date),
            _ => Err(Error::invalid(format!(
                "unknown sort {s:?}; use relevance or date"
            ))),
        }
    }
}

/// One match: the quote's id, its relevance, and the query as Tantivy understood it (for
/// snippets).
#[derive(Debug, Clone)]
pub struct Match {
    pub id: QuoteId,
    pub score: f32,
}

/// The facet counts over every match (not just the page shown), most frequent first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    pub speaker: Counts,
    pub organization: Counts,
    pub outlet: Counts,
    /// The stories the matches belong to (absent when none does).
    #[serde(skip_serializing_if = "Counts::is_empty")]
    pub story: Counts,
    /// The tags of the matches (absent when none has one).
    #[serde(skip_serializing_if = "Counts::is_empty")]
    pub tag: Counts,
    pub year: Counts,
    /// The counts are estimates: the query matched more than `FACET_EXACT` quotes, so about one
    /// match in every `n` (picked by a hash of the document) was counted and the counts scaled.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
}

/// Value → count, kept in order (most first) and written as a JSON object in that order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts(pub Vec<(String, u64)>);

impl Counts {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// How many values of each facet are reported.
const FACET_TOP: usize = 20;
/// Documents per run in the newest-first listing (see `SearchIndex::newest`).
const DATE_RUN: u32 = 1_024;

/// The newest date in each run of [`DATE_RUN`] documents of a segment (`i64::MIN` where none
/// is dated). A run's rows are decoded together (`get_range`): asking the column document by
/// document cost a tenth of a second a first search at ten million quotes.
fn date_runs(column: &tantivy::columnar::Column<i64>, max_doc: u32) -> Vec<i64> {
    use tantivy::columnar::ColumnValues;
    let mut buf = vec![0i64; DATE_RUN as usize];
    (0..max_doc.div_ceil(DATE_RUN))
        .map(|run| {
            let docs = run * DATE_RUN..((run + 1) * DATE_RUN).min(max_doc);
            let rows = column.index.docid_range_to_rowids(docs);
            let mut newest = i64::MIN;
            let mut at = rows.start;
            while at < rows.end {
                let n = ((rows.end - at) as usize).min(buf.len());
                column.values.get_range(u64::from(at), &mut buf[..n]);
                newest = buf[..n].iter().copied().fold(newest, i64::max);
                at += n as u32;
            }
            newest
        })
        .collect()
}

pub struct Matches {
    pub total: usize,
    pub matches: Vec<Match>,
    pub facets: Option<Facets>,
    english: crate::highlight::Marker,
    cjk: SnippetGenerator,
}

impl Matches {
    /// A short extract of `text` around the matched words, HTML-escaped, with each match in
    /// `<mark>…</mark>`. Falls back to the start of the text when no word of the query is in it.
    pub fn snippet(&self, text: &str) -> String {
        if let Some(snippet) = self.english.snippet(text) {
            return snippet;
        }
        // The Chinese and Japanese generator can only mark what a text written in them holds;
        // asked of anything else, it would load its dictionary (a tenth of a second, once per
        // process) to find nothing.
        if has_cjk(text) {
            let mut snippet = self.cjk.snippet(text);
            if !snippet.highlighted().is_empty() {
                snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
                return snippet.to_html();
            }
        }
        let mut head: String = text.chars().take(SNIPPET_CHARS).collect();
        if head.len() < text.len() {
            head.push('…');
        }
        crate::highlight::escape_html(&head)
    }
}

const SNIPPET_CHARS: usize = 200;

/// What a search asks for.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    pub offset: usize,
    pub sort: Sort,
    pub facets: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            limit: 20,
            offset: 0,
            sort: Sort::Relevance,
            facets: true,
        }
    }
}

impl std::fmt::Debug for Matches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matches")
            .field("total", &self.total)
            .field("matches", &self.matches)
            .finish_non_exhaustive()
    }
}

/// An index writer held through a bulk import (see [`SearchIndex::begin_bulk`]). Dropping it
/// without [`SearchIndex::bulk_finish`] discards what was added.
pub struct Bulk {
    writer: IndexWriter<TantivyDocument>,
    /// The outbox sequence the documents added so far bring the index to.
    covered: i64,
    contiguous: bool,
    /// The highest quote id the index held when the import began: a record above it is new to
    /// the index and needs no delete of an older copy (deletes are a visible cost at commit).
    indexed_max: u64,
}

impl std::fmt::Debug for Bulk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bulk")
            .field("covered", &self.covered)
            .finish_non_exhaustive()
    }
}

/// What syncing the index with the store did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Outbox entries applied.
    pub applied: usize,
    /// True when another process holds the index writer; the changes wait in the outbox and are
    /// applied by whichever process next gets the writer.
    pub deferred: bool,
}

pub struct SearchIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    library: String,
    /// The payload sequence the reader was last reloaded at.
    reader_seq: i64,
    /// The last payload read and the stamp of the `meta.json` it came from: every search asks
    /// for the payload, and one `stat` is cheaper than parsing the file again.
    payload_cache: Mutex<Option<(MetaStamp, Payload)>>,
    /// Per segment, the newest date in each run of documents (for newest-first listings).
    segments: Mutex<SegmentCache>,
    facet_values: Mutex<FacetValues>,
    /// The stems of words in results, for marking query words in snippets.
    stems: Arc<Mutex<crate::stem::Stems>>,
}

/// What searches read of each segment besides its postings, kept while the segment lives:
/// opening a fast-field column costs microseconds, which a search paid per segment per column.
#[derive(Default)]
struct SegmentCache {
    segments: HashMap<tantivy::index::SegmentId, Arc<SegmentData>>,
    /// Every run of every segment of one searcher, newest first, as (newest date, segment
    /// ordinal, run), and the segments it was built for.
    runs: PerSearcher<Vec<Run>>,
    /// Every name-field term of one searcher's segments with its document frequency summed
    /// over them, and the segments it was built for.
    names: PerSearcher<NameTerms>,
}

/// Something built from one searcher's segments, with the segments it was built for.
type PerSearcher<T> = Option<(Vec<tantivy::index::SegmentId>, Arc<T>)>;

/// Name-field terms with their document frequencies.
type NameTerms = HashMap<Term, u64>;

/// One run of documents: (newest date, segment ordinal, run number).
type Run = (i64, u32, u32);

struct SegmentData {
    id: tantivy::columnar::Column<u64>,
    date: Option<tantivy::columnar::Column<i64>>,
    max_doc: u32,
    /// The newest date in each run of `DATE_RUN` documents (`i64::MIN` for undated ones),
    /// worked out when a search first sorts by date (see [`SegmentData::runs`]).
    runs: std::sync::OnceLock<Vec<i64>>,
    /// Per scored field, how many tokens the segment holds (BM25's average field length).
    tokens: HashMap<Field, u64>,
    /// Every term of the name fields (speaker, organization, outlet, title) with its document
    /// frequency: a bare word is looked up in each of them, and a few thousand names are
    /// cheaper to hold than to look up in every segment's term dictionary on every search.
    /// Neither changes while the segment lives (deletes leave postings as they are).
    names: HashMap<Term, u32>,
}

impl SegmentData {
    /// The newest date of each run of documents: a pass over the segment's dates, made the
    /// first time a search sorts by date (a search by relevance, the usual first search of a
    /// process, never needs it).
    fn runs(&self) -> &[i64] {
        self.runs.get_or_init(|| match &self.date {
            Some(column) => date_runs(column, self.max_doc),
            None => vec![i64::MIN; self.max_doc.div_ceil(DATE_RUN) as usize],
        })
    }
}

/// What identifies one version of `meta.json`: Tantivy replaces the file atomically on every
/// commit, so a new commit changes at least one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MetaStamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
}

impl MetaStamp {
    fn of(path: &Path) -> Option<MetaStamp> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&meta);
        #[cfg(not(unix))]
        let inode = 0;
        Some(MetaStamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            inode,
        })
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("dir", &self.dir)
            .field("reader_seq", &self.reader_seq)
            .finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// Opens the index in `dir` for the library `library`, creating or rebuilding it from the
    /// store when it is missing, damaged, of another version or of another library. Returns the
    /// index and whether it had to be rebuilt.
    pub fn open(dir: &Path, store: &Store) -> Result<(SearchIndex, bool)> {
        let library = store.library_id()?;
        match Self::open_existing(dir, &library) {
            Ok(Some(index)) => Ok((index, false)),
            Ok(None) | Err(_) => Ok((Self::rebuild(dir, store)?, true)),
        }
    }

    fn open_existing(dir: &Path, library: &str) -> Result<Option<SearchIndex>> {
        if !dir.join("meta.json").exists() {
            return Ok(None);
        }
        let index = Index::open_in_dir(dir).map_err(|e| index_err(dir, e))?;
        let (schema, fields) = schema();
        if index.schema() != schema {
            return Ok(None);
        }
        let payload = read_payload(&index, dir)?;
        if payload.library != library || payload.version != INDEX_VERSION {
            return Ok(None);
        }
        register_analyzers(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| index_err(dir, e))?;
        Ok(Some(SearchIndex {
            dir: dir.to_owned(),
            index,
            reader,
            fields,
            library: library.to_owned(),
            reader_seq: payload.seq,
            payload_cache: Mutex::new(None),
            segments: Mutex::new(SegmentCache::default()),
            facet_values: Mutex::new(FacetValues::default()),
            stems: Arc::default(),
        }))
    }

    /// Builds a fresh index from every quote in the store, beside the live one, then swaps it in.
    pub fn rebuild(dir: &Path, store: &Store) -> Result<SearchIndex> {
        let library = store.library_id()?;
        let staging = dir.with_extension("building");
        let _ = std::fs::remove_dir_all(&staging);
        std::fs::create_dir_all(&staging).map_err(|source| Error::WriteFile {
            path: staging.clone(),
            source,
        })?;
        let (schema, fields) = schema();
        // Nothing is stored in the index (rows come from SQLite), so its doc store needs no
        // compression; zstd contexts were a visible cost in bulk imports.
        let settings = tantivy::IndexSettings {
            docstore_compression: tantivy::store::Compressor::None,
            ..Default::default()
        };
        let index = Index::builder()
            .schema(schema)
            .settings(settings)
            .create_in_dir(&staging)
            .map_err(|e| index_err(&staging, e))?;
        register_analyzers(&index);
        {
            let mut writer: IndexWriter<TantivyDocument> = index
                .writer_with_num_threads(2, 2 * WRITER_HEAP)
                .map_err(|e| index_err(&staging, e))?;
            // One snapshot: the documents and the sequence they correspond to agree.
            let seq = store.read(|_| {
                let seq = store.outbox_head()?;
                store.for_each_index_batch(5_000, |batch| {
                    for record in &batch {
                        writer
                            .add_document(document(&fields, record))
                            .map_err(|e| index_err(&staging, e))?;
                    }
                    Ok(())
                })?;
                Ok(seq)
            })?;
            commit(&mut writer, &library, seq, &staging)?;
            writer
                .wait_merging_threads()
                .map_err(|e| index_err(&staging, e))?;
        }
        drop(index);
        // Swap: the old folder goes aside first so that a crash leaves either the old or the
        // new index in place, never a half-written one (and a missing one is rebuilt anyway).
        let old = dir.with_extension("old");
        let _ = std::fs::remove_dir_all(&old);
        if dir.exists() {
            std::fs::rename(dir, &old).map_err(|source| Error::WriteFile {
                path: dir.to_owned(),
                source,
            })?;
        }
        std::fs::rename(&staging, dir).map_err(|source| Error::WriteFile {
            path: dir.to_owned(),
            source,
        })?;
        let _ = std::fs::remove_dir_all(&old);
        Self::open_existing(dir, &library)?.ok_or_else(|| {
            Error::invalid(format!(
                "the index rebuilt at {} could not be opened again",
                dir.display()
            ))
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The payload of the last commit on disk (which may be another process's).
    pub fn payload(&self) -> Result<Payload> {
        let stamp = MetaStamp::of(&self.dir.join("meta.json"));
        let mut cache = self.payload_cache.lock().unwrap_or_else(|e| e.into_inner());
        if let (Some(stamp), Some((cached, payload))) = (stamp, cache.as_ref())
            && stamp == *cached
        {
            return Ok(payload.clone());
        }
        let payload = read_payload(&self.index, &self.dir)?;
        *cache = stamp.map(|stamp| (stamp, payload.clone()));
        Ok(payload)
    }

    /// Applies whatever the store changed since the index's last commit, and makes the reader
    /// see the latest commit.
    pub fn sync(&mut self, store: &Store) -> Result<SyncReport> {
        let on_disk = self.payload()?;
        if on_disk.seq != self.reader_seq {
            self.reader.reload().map_err(|e| index_err(&self.dir, e))?;
            self.reader_seq = on_disk.seq;
        }
        if store.outbox_head()? <= on_disk.seq {
            return Ok(SyncReport::default());
        }
        // A bulk import gets both cores and a larger buffer; a single edit, one thread. (The
        // backlog is counted in quotes: one outbox entry may stand for a run of them.)
        let backlog = store.outbox_pending(on_disk.seq)?;
        let (threads, heap) = if backlog > 20_000 {
            (BULK_THREADS, 4 * WRITER_HEAP)
        } else {
            (1, WRITER_HEAP)
        };
        let mut writer: IndexWriter<TantivyDocument> =
            match self.index.writer_with_num_threads(threads, heap) {
                Ok(w) => {
                    if backlog <= 20_000 {
                        // A small write waits for its merges (below): let it merge only small
                        // segments, so that adding one quote never rewrites a large one.
                        let mut policy = tantivy::indexer::LogMergePolicy::default();
                        policy.set_max_docs_before_merge(SMALL_MERGE_DOCS);
                        w.set_merge_policy(Box::new(policy));
                    }
                    w
                }
                Err(tantivy::TantivyError::LockFailure(..)) => {
                    return Ok(SyncReport {
                        applied: 0,
                        deferred: true,
                    });
                }
                Err(e) => return Err(index_err(&self.dir, e)),
            };
        // Re-read under the writer lock: another process may have applied some meanwhile.
        let mut seq = self.payload()?.seq;
        let mut applied = 0;
        loop {
            let entries = store.outbox_after(seq, 10_000)?;
            let Some(&(last, _)) = entries.last() else {
                break;
            };
            let ids: Vec<QuoteId> = entries
                .iter()
                .map(|(_, id)| *id)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            for id in &ids {
                writer.delete_term(Term::from_field_u64(self.fields.id, id.0 as u64));
            }
            for record in store.index_records(&ids)? {
                writer
                    .add_document(document(&self.fields, &record))
                    .map_err(|e| index_err(&self.dir, e))?;
            }
            applied += entries.len();
            seq = last;
        }
        crate::failpoint("before-index-commit");
        commit(&mut writer, &self.library, seq, &self.dir)?;
        // Let the merges this commit started finish: dropping the writer would cancel them,
        // and a library written one quote at a time would pile up small segments that every
        // search then visits.
        writer
            .wait_merging_threads()
            .map_err(|e| index_err(&self.dir, e))?;
        store.outbox_trim(seq)?;
        self.reader.reload().map_err(|e| index_err(&self.dir, e))?;
        self.reader_seq = seq;
        Ok(SyncReport {
            applied,
            deferred: false,
        })
    }

    /// Starts feeding a bulk import straight into the index, in step with the SQLite writes:
    /// the index is brought up to date first, then held for writing with both cores. `None`
    /// when another process holds the index (the import then waits in the outbox as usual).
    pub fn begin_bulk(&mut self, store: &Store) -> Result<Option<Bulk>> {
        self.sync(store)?;
        let covered = self.payload()?.seq;
        match self
            .index
            .writer_with_num_threads(BULK_THREADS, 4 * WRITER_HEAP)
        {
            Ok(writer) => {
                // Read under the writer lock, so no other process adds documents meanwhile.
                self.reader.reload().map_err(|e| index_err(&self.dir, e))?;
                self.reader_seq = self.payload()?.seq;
                let mut indexed_max = 0;
                for segment in self.reader.searcher().segment_readers() {
                    let column = segment
                        .fast_fields()
                        .u64("id")
                        .map_err(|e| index_err(&self.dir, e))?;
                    indexed_max = indexed_max.max(column.max_value());
                }
                Ok(Some(Bulk {
                    writer,
                    covered,
                    contiguous: true,
                    indexed_max,
                }))
            }
            Err(tantivy::TantivyError::LockFailure(..)) => Ok(None),
            Err(e) => Err(index_err(&self.dir, e)),
        }
    }

    /// Adds the records of quotes the store is writing.
    pub fn bulk_add(&self, bulk: &mut Bulk, records: &[IndexRecord]) -> Result<()> {
        for record in records {
            let id = record.id.0 as u64;
            if id <= bulk.indexed_max {
                bulk.writer
                    .delete_term(Term::from_field_u64(self.fields.id, id));
            }
            bulk.writer
                .add_document(document(&self.fields, record))
                .map_err(|e| index_err(&self.dir, e))?;
        }
        Ok(())
    }

    /// Records that the documents added so far cover outbox entries `from+1..=to`. The payload
    /// may only claim what the index really holds: entries another process wrote in between
    /// are left to `sync`.
    pub fn bulk_covers(&self, bulk: &mut Bulk, from: i64, to: i64) {
        if bulk.contiguous && from == bulk.covered {
            bulk.covered = to;
        } else {
            bulk.contiguous = false;
        }
    }

    /// Commits a bulk import once its SQLite transaction has committed, then syncs whatever
    /// else the outbox holds.
    pub fn bulk_finish(&mut self, mut bulk: Bulk, store: &Store) -> Result<SyncReport> {
        crate::failpoint("before-index-commit");
        commit(&mut bulk.writer, &self.library, bulk.covered, &self.dir)?;
        bulk.writer
            .wait_merging_threads()
            .map_err(|e| index_err(&self.dir, e))?;
        self.merge_small_segments()?;
        store.outbox_trim(self.payload()?.seq)?;
        self.reader.reload().map_err(|e| index_err(&self.dir, e))?;
        self.reader_seq = self.payload()?.seq;
        self.sync(store)
    }

    /// After a bulk import, the segments its last commits wrote are too few for the merge
    /// policy to merge (it waits for eight of a size) and too many for searches, which visit
    /// every segment (a term lookup and a scorer each). Three or more small ones beside a large
    /// one are merged into one: cheap (a fifth of a million quotes in half a second), and at a
    /// million quotes a rare-word search then visits four segments instead of six, a tenth
    /// faster. Skipped when another process holds the index.
    fn merge_small_segments(&self) -> Result<()> {
        let err = |e| index_err(&self.dir, e);
        // (The metas are let go before collecting garbage: a segment whose meta is held
        // anywhere in the process keeps its files.)
        let small: Vec<tantivy::index::SegmentId> = {
            let metas = self.index.searchable_segment_metas().map_err(err)?;
            let largest = metas.iter().map(|m| m.num_docs()).max().unwrap_or(0);
            metas
                .iter()
                .filter(|m| m.num_docs().saturating_mul(4) < largest)
                .map(|m| m.id())
                .collect()
        };
        if small.len() < 3 {
            return Ok(());
        }
        let mut writer: IndexWriter<TantivyDocument> =
            match self.index.writer_with_num_threads(1, 15_000_000) {
                Ok(w) => w,
                Err(tantivy::TantivyError::LockFailure(..)) => return Ok(()),
                Err(e) => return Err(err(e)),
            };
        writer.merge(&small).wait().map_err(err)?;
        // The merged segments' files go now (once no searcher holds them), not at the next
        // commit.
        self.reader.reload().map_err(err)?;
        writer.garbage_collect_files().wait().map_err(err)?;
        writer.wait_merging_threads().map_err(err)?;
        Ok(())
    }

    /// Every quote id the index holds (for `doctor`), with duplicates kept so they show.
    pub fn all_ids(&self) -> Result<Vec<QuoteId>> {
        let searcher = self.reader.searcher();
        let mut ids = Vec::new();
        for segment in searcher.segment_readers() {
            let column = segment
                .fast_fields()
                .u64("id")
                .map_err(|e| index_err(&self.dir, e))?;
            for doc in segment.doc_ids_alive() {
                if let Some(id) = column.first(doc) {
                    ids.push(QuoteId(id as i64));
                }
            }
        }
        Ok(ids)
    }

    /// Runs a query: the matching ids for the page asked for, the total, and the facet counts.
    pub fn search(&self, request: &SearchRequest) -> Result<Matches> {
        let node = query::parse(&request.query)?;
        let searcher = self.reader.searcher();
        let stats = self.stats(&searcher)?;
        // A bare word's clauses are looked up once, for the query and for counting it.
        let (query, word_terms) = match &node {
            Node::Word(word) => {
                let clauses = self.word_clauses(&stats, word);
                let terms: Option<Vec<Term>> = clauses
                    .iter()
                    .map(|(_, q)| q.downcast_ref::<TermQuery>().map(|t| t.term().clone()))
                    .collect();
                (word_query(clauses), terms)
            }
            _ => (self.compile(&stats, &node)?, None),
        };
        let limit = request.limit.max(1);
        let index_err = |e| index_err(&self.dir, e);
        let top = TopDocs::with_limit(limit)
            .and_offset(request.offset)
            .order_by_score();
        let (docs, total): (Vec<(f32, DocAddress)>, usize) = match request.sort {
            // One term: its count is the posting list's length, and the top ten skip blocks
            // that cannot make the page (block-max WAND). With facets, a word in two or three
            // fields (no deleted documents) is ranked the same way and counted by inclusion
            // and exclusion, since the facet pass walks every match anyway: measured, a third
            // fewer instructions than scoring every match to count it. Without facets that
            // one scoring pass is as cheap as WAND plus counting, so anything else is counted
            // while ranking.
            Sort::Relevance if query.is::<TermQuery>() => (
                searcher
                    .search_with_statistics_provider(&query, &top, &stats)
                    .map_err(index_err)?,
                match query.downcast_ref::<TermQuery>() {
                    Some(term) if !has_deletes(&searcher) => {
                        stats.doc_freq(term.term()).map_err(index_err)? as usize
                    }
                    _ => query.count(&searcher).map_err(index_err)?,
                },
            ),
            Sort::Relevance
                if request.facets
                    && word_terms
                        .as_ref()
                        .is_some_and(|t| (2..=3).contains(&t.len()))
                    && !has_deletes(&searcher) =>
            {
                (
                    searcher
                        .search_with_statistics_provider(&query, &top, &stats)
                        .map_err(index_err)?,
                    self.count(&stats, word_terms, query.as_ref())?,
                )
            }
            Sort::Relevance => searcher
                .search_with_statistics_provider(&query, &(top, Count), &stats)
                .map_err(index_err)?,
            Sort::Date => (
                self.newest(&searcher, query.as_ref(), limit + request.offset)?
                    .into_iter()
                    .skip(request.offset)
                    .map(|addr| (0.0, addr))
                    .collect(),
                self.count(&stats, word_terms, query.as_ref())?,
            ),
        };
        // Facets in a pass of their own, which needs no scores (ranking needs them for every
        // match when it counts too), over a sample when the matches are many.
        let stride = total.div_ceil(FACET_EXACT).max(1) as u32;
        let approximate = stride > 1;
        let tally = if request.facets {
            Some(
                searcher
                    .search(
                        &query,
                        &FacetCounter {
                            stride,
                            values: &self.facet_values,
                        },
                    )
                    .map_err(index_err)?,
            )
        } else {
            None
        };
        let facet_counts = tally.map(|t| (t, approximate));
        let columns = &stats.segments;
        let matches: Vec<Match> = docs
            .into_iter()
            .filter_map(|(score, addr)| {
                let id = columns
                    .get(addr.segment_ord as usize)?
                    .id
                    .first(addr.doc_id)?;
                Some(Match {
                    id: QuoteId(id as i64),
                    score,
                })
            })
            .collect();
        let facets = facet_counts.map(|(counts, approximate): (FacetTally, bool)| {
            let values = self.facet_values.lock().unwrap_or_else(|e| e.into_inner());
            let top = |facet: usize, counts: &[u64]| {
                let mut v: Vec<(&str, u64)> = counts
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| **n > 0)
                    .filter_map(|(number, n)| Some((values.names[facet].get(number)?.as_str(), *n)))
                    .collect();
                let order =
                    |a: &(&str, u64), b: &(&str, u64)| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0));
                if v.len() > FACET_TOP {
                    v.select_nth_unstable_by(FACET_TOP, order);
                    v.truncate(FACET_TOP);
                }
                v.sort_unstable_by(order);
                Counts(
                    v.into_iter()
                        .take(FACET_TOP)
                        .map(|(name, n)| (name.to_owned(), n))
                        .collect(),
                )
            };
            let mut years: Vec<(String, u64)> = counts
                .years
                .into_iter()
                .map(|(y, n)| (y.to_string(), n))
                .collect();
            years.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            years.truncate(FACET_TOP);
            Facets {
                speaker: top(0, &counts.values[0]),
                organization: top(1, &counts.values[1]),
                outlet: top(2, &counts.values[2]),
                story: top(3, &counts.values[3]),
                tag: top(4, &counts.values[4]),
                year: Counts(years),
                approximate,
            }
        });
        let english = self.english_marker(&stats, query.as_ref())?;
        let mut cjk =
            SnippetGenerator::create(&searcher, &query, self.fields.text_cjk).map_err(index_err)?;
        cjk.set_max_num_chars(SNIPPET_CHARS);
        Ok(Matches {
            total,
            matches,
            facets,
            english,
            cjk,
        })
    }

    /// Marks the query's words in English text as `SnippetGenerator::create` would, only faster
    /// (see `highlight`).
    fn english_marker(&self, stats: &Stats, query: &dyn Query) -> Result<crate::highlight::Marker> {
        let field = self.fields.text;
        let mut terms: BTreeSet<Term> = BTreeSet::new();
        query.query_terms(&mut |term, _| {
            if term.field() == field {
                terms.insert(term.clone());
            }
        });
        let mut weights = std::collections::BTreeMap::new();
        for term in terms {
            let Some(word) = term.value().as_str().map(str::to_owned) else {
                continue;
            };
            let docs = stats.doc_freq(&term).map_err(|e| index_err(&self.dir, e))?;
            if docs > 0 {
                // Rarer words weigh more in picking the fragment, as in Tantivy's own.
                weights.insert(word, 1.0 / (1.0 + docs as f32));
            }
        }
        Ok(crate::highlight::Marker::new(
            weights,
            SNIPPET_CHARS,
            self.stems.clone(),
        ))
    }

    /// The `want` newest matches, newest first; undated quotes come last, and quotes of the
    /// same day in the index's document order, last first (usually the order they were added).
    ///
    /// Every segment is cut into runs of `DATE_RUN` documents, and the newest date of each run
    /// is kept (computed once per segment). Runs are visited newest first, each from a fresh
    /// cursor, until the page is full and no run left can hold anything newer than its last
    /// entry. Quotes are usually added roughly in date order (clipped as they are published,
    /// archives imported in order), so the newest page is found in a run or two; when they are
    /// not, a single pass over the remaining matches finishes the job, skipping every run too
    /// old to matter.
    fn newest(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        want: usize,
    ) -> Result<Vec<DocAddress>> {
        /// Runs visited from a fresh cursor before falling back to one pass per segment.
        const JUMPS: usize = 16;
        let index_err = |e| index_err(&self.dir, e);
        let weight = query
            .weight(EnableScoring::disabled_from_searcher(searcher))
            .map_err(index_err)?;
        let segments = searcher.segment_readers();
        let data = self.segment_data(searcher)?;
        let runs = self.sorted_runs(searcher, &data);
        // The best `want` so far as a min-heap of (date, segment, doc).
        let mut best: std::collections::BinaryHeap<std::cmp::Reverse<(i64, u32, DocId)>> =
            std::collections::BinaryHeap::with_capacity(want + 1);
        let floor = |best: &std::collections::BinaryHeap<std::cmp::Reverse<(i64, u32, DocId)>>| {
            if best.len() < want {
                None
            } else {
                best.peek().map(|r| r.0.0)
            }
        };
        let offer = |best: &mut std::collections::BinaryHeap<_>, key: (i64, u32, DocId)| {
            best.push(std::cmp::Reverse(key));
            if best.len() > want {
                best.pop();
            }
        };
        let date_of = |ord: usize, doc: DocId| -> i64 {
            data[ord]
                .date
                .as_ref()
                .and_then(|c| c.first(doc))
                .unwrap_or(i64::MIN)
        };
        let mut visited: BTreeSet<(u32, u32)> = BTreeSet::new();
        let mut finished = false;
        for &(max, ord, run) in runs.iter() {
            if floor(&best).is_some_and(|f| max < f) {
                finished = true;
                break;
            }
            if visited.len() == JUMPS {
                break;
            }
            visited.insert((ord, run));
            let segment = &segments[ord as usize];
            let alive = segment.alive_bitset();
            let mut scorer = weight.scorer(segment, 1.0).map_err(index_err)?;
            let end = ((run + 1) * DATE_RUN).min(segment.max_doc());
            let mut doc = scorer.doc();
            if doc < run * DATE_RUN {
                doc = scorer.seek(run * DATE_RUN);
            }
            while doc < end {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    offer(&mut best, (date_of(ord as usize, doc), ord, doc));
                }
                doc = scorer.advance();
            }
        }
        if !finished && runs.len() > visited.len() {
            for (ord, segment) in segments.iter().enumerate() {
                let ord32 = ord as u32;
                let maxima = data[ord].runs();
                let alive = segment.alive_bitset();
                let mut scorer = weight.scorer(segment, 1.0).map_err(index_err)?;
                let mut doc = scorer.doc();
                while doc != TERMINATED {
                    let run = doc / DATE_RUN;
                    let stale = floor(&best).is_some_and(|f| maxima[run as usize] < f);
                    if stale || visited.contains(&(ord32, run)) {
                        doc = scorer.seek((run + 1) * DATE_RUN);
                        continue;
                    }
                    if alive.is_none_or(|a| a.is_alive(doc)) {
                        offer(&mut best, (date_of(ord, doc), ord32, doc));
                    }
                    doc = scorer.advance();
                }
            }
        }
        let mut page: Vec<(i64, u32, DocId)> = best.into_iter().map(|r| r.0).collect();
        page.sort_unstable_by(|a, b| b.cmp(a));
        Ok(page
            .into_iter()
            .map(|(_, ord, doc)| DocAddress::new(ord, doc))
            .collect())
    }

    /// The cached columns and date runs of each segment of `searcher`, by segment ordinal.
    /// The term statistics of one search over `searcher`.
    fn stats<'a>(&self, searcher: &'a tantivy::Searcher) -> Result<Stats<'a>> {
        let segments = self.segment_data(searcher)?;
        Ok(Stats {
            searcher,
            names: self.name_terms(searcher, &segments),
            segments,
            name_fields: self.fields.names(),
            doc_freqs: RefCell::new(Vec::new()),
        })
    }

    /// Every name-field term of the searcher's segments, with its document frequency summed
    /// over them (built once per searcher).
    fn name_terms(
        &self,
        searcher: &tantivy::Searcher,
        data: &[Arc<SegmentData>],
    ) -> Arc<NameTerms> {
        self.per_searcher(
            searcher,
            |cache| &mut cache.names,
            || {
                let mut names = NameTerms::new();
                for segment in data {
                    for (term, n) in &segment.names {
                        *names.entry(term.clone()).or_default() += u64::from(*n);
                    }
                }
                names
            },
        )
    }

    /// What `slot` of the segment cache holds for the searcher's segments, or, when it was
    /// built for others, what `build` makes (kept for the next search).
    fn per_searcher<T>(
        &self,
        searcher: &tantivy::Searcher,
        slot: impl FnOnce(&mut SegmentCache) -> &mut PerSearcher<T>,
        build: impl FnOnce() -> T,
    ) -> Arc<T> {
        let ids: Vec<tantivy::index::SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(|s| s.segment_id())
            .collect();
        let mut cache = self.segments.lock().unwrap_or_else(|e| e.into_inner());
        let slot = slot(&mut cache);
        if let Some((for_ids, value)) = slot.as_ref()
            && *for_ids == ids
        {
            return value.clone();
        }
        let value = Arc::new(build());
        *slot = Some((ids, value.clone()));
        value
    }

    fn segment_data(&self, searcher: &tantivy::Searcher) -> Result<Vec<Arc<SegmentData>>> {
        let mut cache = self.segments.lock().unwrap_or_else(|e| e.into_inner());
        let readers = searcher.segment_readers();
        // Forget segments that merges have replaced.
        if cache.segments.len() > 4 * readers.len() + 16 {
            cache.segments.clear();
        }
        let mut out = Vec::with_capacity(readers.len());
        for segment in readers {
            let key = segment.segment_id();
            if let Some(data) = cache.segments.get(&key) {
                out.push(data.clone());
                continue;
            }
            let fast = segment.fast_fields();
            let id = fast.u64("id").map_err(|e| index_err(&self.dir, e))?;
            let date = fast.i64("date").ok();
            let max_doc = segment.max_doc();

            let err = |e| index_err(&self.dir, e);
            let f = &self.fields;
            let mut tokens = HashMap::new();
            for field in [
                f.text,
                f.text_cjk,
                f.title,
                f.speaker,
                f.organization,
                f.outlet,
            ] {
                tokens.insert(
                    field,
                    segment
                        .inverted_index(field)
                        .map_err(err)?
                        .total_num_tokens(),
                );
            }
            let mut names = HashMap::new();
            for field in self.fields.names() {
                let terms = segment.inverted_index(field).map_err(err)?;
                let mut stream = terms.terms().stream().map_err(|e| err(e.into()))?;
                while let Some((bytes, info)) = stream.next() {
                    if let Ok(text) = std::str::from_utf8(bytes) {
                        names.insert(Term::from_field_text(field, text), info.doc_freq);
                    }
                }
            }
            let data = Arc::new(SegmentData {
                id,
                date,
                max_doc,
                runs: Default::default(),
                tokens,
                names,
            });
            cache.segments.insert(key, data.clone());
            out.push(data);
        }
        Ok(out)
    }

    /// Every run of the searcher's segments, newest first (built once per searcher).
    fn sorted_runs(
        &self,
        searcher: &tantivy::Searcher,
        data: &[Arc<SegmentData>],
    ) -> Arc<Vec<Run>> {
        self.per_searcher(
            searcher,
            |cache| &mut cache.runs,
            || {
                let mut runs: Vec<Run> = data
                    .iter()
                    .enumerate()
                    .flat_map(|(ord, d)| {
                        d.runs()
                            .iter()
                            .enumerate()
                            .map(move |(run, max)| (*max, ord as u32, run as u32))
                    })
                    .collect();
                runs.sort_unstable_by(|a, b| b.cmp(a));
                runs
            },
        )
    }

    /// The ids of every quote matching a query, unordered (for export and bulk actions).
    pub fn matching_ids(&self, query_text: &str) -> Result<Vec<QuoteId>> {
        let node = query::parse(query_text)?;
        let searcher = self.reader.searcher();
        let query = self.compile(&self.stats(&searcher)?, &node)?;
        let docs = searcher
            .search(&query, &tantivy::collector::DocSetCollector)
            .map_err(|e| index_err(&self.dir, e))?;
        let mut ids = Vec::with_capacity(docs.len());
        for addr in docs {
            let column = searcher
                .segment_reader(addr.segment_ord)
                .fast_fields()
                .u64("id")
                .map_err(|e| index_err(&self.dir, e))?;
            ids.extend(column.first(addr.doc_id).map(|id| QuoteId(id as i64)));
        }
        ids.sort();
        Ok(ids)
    }

    /// Quotes sharing the most words with `text` (for checking a quotation against the record):
    /// the top `limit` by BM25 over the distinct words, in order.
    /// Quotes that may be `text` or contain it. Narrow (`wide == false`): quotes holding all of
    /// its few rarest words — an intersection driven by short posting lists, fast at any library
    /// size, and enough for words quoted faithfully. Wide: quotes sharing any of its rarest words,
    /// ranked — for misquotations, where a rare word may be the one that was changed.
    pub fn similar_to(&self, text: &str, limit: usize, wide: bool) -> Result<Vec<QuoteId>> {
        let mut words: BTreeSet<String> = self.tokens(EN, text).into_iter().collect();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        // A quotation's rarest words identify it; common ones ("the", "said", "的") only cost
        // time — in Chinese as much as in English, so both compete for the same few slots.
        let searcher = self.reader.searcher();
        words.retain(|w| w.chars().any(char::is_alphanumeric));
        let mut terms: Vec<Term> = words
            .into_iter()
            .map(|w| Term::from_field_text(self.fields.text, &w))
            .collect();
        if has_cjk(text) {
            let cjk: BTreeSet<String> = self
                .tokens(ZH, text)
                .into_iter()
                .filter(|t| t.chars().any(char::is_alphanumeric))
                .collect();
            terms.extend(
                cjk.into_iter()
                    .map(|t| Term::from_field_text(self.fields.text_cjk, &t)),
            );
        }
        let mut by_rarity: Vec<(u64, Term)> = Vec::with_capacity(terms.len());
        for term in terms {
            let df = searcher
                .doc_freq(&term)
                .map_err(|e| index_err(&self.dir, e))?;
            if df > 0 {
                by_rarity.push((df, term));
            }
        }
        by_rarity.sort_by_key(|(df, _)| *df);
        let (take, occur) = if wide {
            (RARE_TERMS, Occur::Should)
        } else {
            (NARROW_TERMS, Occur::Must)
        };
        for (_, term) in by_rarity.into_iter().take(take) {
            clauses.push((
                occur,
                Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
            ));
        }
        if clauses.is_empty() {
            return Ok(Vec::new());
        }
        let query = BooleanQuery::new(clauses);
        let docs = searcher
            .search(&query, &TopDocs::with_limit(limit.max(1)).order_by_score())
            .map_err(|e| index_err(&self.dir, e))?;
        // (The segments' id columns come from the cache: opening one per hit was a quarter of
        // a draft check at ten million quotes.)
        let segments = self.segment_data(&searcher)?;
        Ok(docs
            .into_iter()
            .filter_map(|(_, addr)| {
                let id = segments[addr.segment_ord as usize].id.first(addr.doc_id)?;
                Some(QuoteId(id as i64))
            })
            .collect())
    }

    fn tokens(&self, analyzer: &str, text: &str) -> Vec<String> {
        let Some(mut analyzer) = self.index.tokenizers().get(analyzer) else {
            return Vec::new();
        };
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    /// Words or a phrase in one field: one term, or every term in order.
    fn phrase_in(&self, field: Field, analyzer: &str, text: &str) -> Option<Box<dyn Query>> {
        terms_in(field, &self.tokens(analyzer, text))
    }

    /// Chinese text: every word jieba finds, in any order (jieba's search mode emits overlapping
    /// words, which a phrase would not line up).
    fn cjk_in(&self, text: &str) -> Option<Box<dyn Query>> {
        let terms: Vec<Box<dyn Query>> = self
            .tokens(ZH, text)
            .into_iter()
            .filter(|t| {
                t.chars()
                    .any(|c| !c.is_whitespace() && !c.is_ascii_punctuation())
            })
            .map(|t| {
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.text_cjk, &t),
                    IndexRecordOption::WithFreqs,
                )) as Box<dyn Query>
            })
            .collect();
        (!terms.is_empty()).then(|| Box::new(BooleanQuery::intersection(terms)) as Box<dyn Query>)
    }

    /// A name typed by a user, with typos forgiven: each word matches exactly or within an edit
    /// distance that grows with its length.
    fn name_in(&self, stats: &Stats, field: Field, text: &str) -> Option<Box<dyn Query>> {
        let words = self.tokens(NAME, text);
        let clauses: Vec<(Occur, Box<dyn Query>)> = words
            .iter()
            .map(|w| {
                let term = Term::from_field_text(field, w);
                // A name that is in the index is taken as typed; only a name that is not is
                // looked up with typos forgiven (cheaper, and "Smith" does not also find "Smyth").
                let known = stats.doc_freq(&term).map_or(true, |n| n > 0);
                let distance = match w.chars().count() {
                    _ if known => 0,
                    0..=3 => 0,
                    4..=11 => 1,
                    _ => 2,
                };
                let q: Box<dyn Query> = if distance == 0 {
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
                } else {
                    Box::new(FuzzyTermQuery::new(term, distance, true))
                };
                (Occur::Must, q)
            })
            .collect();
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    fn keyword(&self, field: Field, value: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, &value.trim().to_lowercase()),
            IndexRecordOption::Basic,
        ))
    }

    /// A bare word: in the quotation (counting double), or in the speaker's name, title,
    /// organization or outlet, each with its weight. Fields that do not hold the word at all are
    /// left out: a word found in one field only is then a plain term query, which Tantivy counts
    /// from its posting list's length and ranks skipping whole blocks.
    fn word_clauses(&self, stats: &Stats, word: &str) -> Vec<(f32, Box<dyn Query>)> {
        let f = &self.fields;
        let absent = |q: &dyn Query| {
            q.downcast_ref::<TermQuery>()
                .is_some_and(|t| stats.doc_freq(t.term()).is_ok_and(|n| n == 0))
        };
        let mut any: Vec<(f32, Box<dyn Query>)> = Vec::new();
        if has_cjk(word) {
            any.extend(self.cjk_in(word).map(|q| (1.0, q)));
        }
        let english = self.tokens(EN, word);
        let name = self.tokens(NAME, word);
        any.extend(terms_in(f.text, &english).map(|q| (2.0, q)));
        for field in [f.speaker, f.organization, f.outlet] {
            any.extend(terms_in(field, &name).map(|q| (1.0, q)));
        }
        any.extend(terms_in(f.title, &english).map(|q| (1.0, q)));
        any.retain(|(_, q)| !absent(q.as_ref()));
        any
    }

    /// How many quotes a query matches. A bare word held by two or three fields (`word_terms`,
    /// one term per field) is counted by inclusion and exclusion (|A| + |B| − |A ∩ B|) from
    /// posting-list lengths and intersections led by the shorter list, instead of walking the
    /// whole union; with deleted documents in the index, posting-list lengths overcount, so
    /// Tantivy counts.
    fn count(
        &self,
        stats: &Stats,
        word_terms: Option<Vec<Term>>,
        query: &dyn Query,
    ) -> Result<usize> {
        let searcher = stats.searcher;
        let index_err = |e| index_err(&self.dir, e);
        if !has_deletes(searcher)
            && let Some(terms) = word_terms.filter(|t| (2..=3).contains(&t.len()))
        {
            let mut total: i64 = 0;
            // Every non-empty subset, with the sign of its size.
            for subset in 1u32..(1 << terms.len()) {
                let chosen: Vec<Box<dyn Query>> = terms
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| subset & (1 << i) != 0)
                    .map(|(_, t)| {
                        Box::new(TermQuery::new(t.clone(), IndexRecordOption::Basic))
                            as Box<dyn Query>
                    })
                    .collect();
                let n = if chosen.len() == 1 {
                    stats.doc_freq(&terms[subset.trailing_zeros() as usize])
                } else {
                    BooleanQuery::intersection(chosen)
                        .count(searcher)
                        .map(|n| n as u64)
                }
                .map_err(index_err)? as i64;
                total += if subset.count_ones() % 2 == 1 { n } else { -n };
            }
            return Ok(total.max(0) as usize);
        }
        query.count(searcher).map_err(index_err)
    }

    fn compile(&self, stats: &Stats, node: &Node) -> Result<Box<dyn Query>> {
        let f = &self.fields;
        Ok(match node {
            Node::All => Box::new(AllQuery),
            Node::And(parts) => {
                let mut clauses = Vec::with_capacity(parts.len());
                // "after:2010 before:2012" is one range (which whole years can answer), not
                // two half-open ones.
                let mut dates: Option<(Option<NaiveDate>, Option<NaiveDate>)> = None;
                for part in parts {
                    match part {
                        Node::Not(inner) => {
                            clauses.push((Occur::MustNot, self.compile(stats, inner)?))
                        }
                        Node::Date { from, to } => {
                            let (lo, hi) = dates.get_or_insert((None, None));
                            *lo = (*lo).max(*from);
                            *hi = match (*hi, *to) {
                                (Some(a), Some(b)) => Some(a.min(b)),
                                (a, b) => a.or(b),
                            };
                        }
                        other => clauses.push((Occur::Must, self.compile(stats, other)?)),
                    }
                }
                if let Some((from, to)) = dates {
                    clauses.push((Occur::Must, self.date_query(from, to)));
                }
                with_positive(clauses)
            }
            Node::Or(parts) => {
                let mut clauses = Vec::with_capacity(parts.len());
                for part in parts {
                    clauses.push((Occur::Should, self.compile(stats, part)?));
                }
                Box::new(BooleanQuery::new(clauses))
            }
            Node::Not(inner) => with_positive(vec![(Occur::MustNot, self.compile(stats, inner)?)]),
            Node::Word(word) => word_query(self.word_clauses(stats, word)),
            Node::Phrase(text) => {
                let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                if has_cjk(text) {
                    any.extend(self.cjk_in(text).map(|q| (Occur::Should, q)));
                }
                any.extend(self.phrase_in(f.text, EN, text).map(|q| (Occur::Should, q)));
                if any.is_empty() {
                    Box::new(EmptyQuery)
                } else {
                    Box::new(BooleanQuery::new(any))
                }
            }
            Node::Field(field, value) => {
                let q = match field {
                    query::Field::Speaker => self.name_in(stats, f.speaker, value),
                    query::Field::Organization => self.phrase_in(f.organization, NAME, value),
                    query::Field::Outlet => self.phrase_in(f.outlet, NAME, value),
                    query::Field::Title => self.phrase_in(f.title, EN, value),
                    query::Field::Tag => Some(self.keyword(f.tag, value)),
                    query::Field::Story => {
                        Some(self.keyword(f.story, &crate::story::story_key(value)))
                    }
                    query::Field::Language => Some(self.keyword(f.language, value)),
                    query::Field::Medium => Some(self.keyword(f.medium, value)),
                    query::Field::Kind => Some(self.keyword(f.kind, value)),
                };
                q.unwrap_or_else(|| Box::new(EmptyQuery))
            }
            Node::Date { from, to } => self.date_query(*from, *to),
        })
    }

    /// Quotes said from `from` (inclusive) until `to` (exclusive); undated quotes never match.
    ///
    /// Each whole year inside the range is one term of the `year_term` field, whose posting
    /// list a word's intersects with by skipping; the part-years at either end are their days'
    /// terms (`day_term`). A fast-field range over the `date` column, which an open-ended
    /// range still is, scans the column of every segment: 1.4–2 ms for a word and a year at a
    /// million quotes, against 0.2 ms. Every part scores 1, as a range does.
    fn date_query(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Box<dyn Query> {
        let f = &self.fields;
        let day = |d: NaiveDate| Term::from_field_i64(f.date, day_number(d));
        // A range needs one bound set; the open side is the extreme value, so that undated
        // quotes (which have no value at all) stay out.
        let range = |from: Option<NaiveDate>, to: Option<NaiveDate>| -> Box<dyn Query> {
            let lower = from.map_or(
                Bound::Included(Term::from_field_i64(f.date, i64::MIN)),
                |d| Bound::Included(day(d)),
            );
            let upper = to.map_or(
                Bound::Included(Term::from_field_i64(f.date, i64::MAX)),
                |d| Bound::Excluded(day(d)),
            );
            Box::new(RangeQuery::new(lower, upper))
        };
        let year = |y: i32| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_u64(f.year_term, y.max(0) as u64),
                IndexRecordOption::Basic,
            ))
        };
        // Part of a year: its days, as terms.
        let days = |from: NaiveDate, to: NaiveDate| -> Box<dyn Query> {
            Box::new(RangeQuery::new(
                Bound::Included(Term::from_field_i64(f.day_term, day_number(from))),
                Bound::Excluded(Term::from_field_i64(f.day_term, day_number(to))),
            ))
        };
        let new_year = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1);
        let (from, to) = match (from, to) {
            (None, None) => return Box::new(AllQuery),
            (Some(from), Some(to)) if from < to => (from, to),
            (from, to) => return range(from, to),
        };
        // Years wholly inside: from 1 January of the first to 1 January of the last.
        let first = if from.ordinal() == 1 {
            from.year()
        } else {
            from.year() + 1
        };
        let end = to.year();
        let (Some(first_day), Some(end_day)) = (new_year(first), new_year(end)) else {
            return range(Some(from), Some(to));
        };
        if end - first > MAX_YEAR_TERMS {
            return range(Some(from), Some(to));
        }
        if first >= end {
            // Within a year, or across one new year: days only.
            return Box::new(ConstScoreQuery::new(days(from, to), 1.0));
        }
        let mut parts: Vec<(Occur, Box<dyn Query>)> =
            (first..end).map(|y| (Occur::Should, year(y))).collect();
        if from < first_day {
            parts.push((Occur::Should, days(from, first_day)));
        }
        if end_day < to {
            parts.push((Occur::Should, days(end_day, to)));
        }
        Box::new(ConstScoreQuery::new(
            Box::new(BooleanQuery::new(parts)),
            1.0,
        ))
    }
}

/// What one search asks of the index about its terms, each asked once: a word's document
/// frequency decides which fields hold it, counts a one-term query's matches, weighs it for
/// BM25 and picks the snippets' fragments. Name-field terms and token totals come from each
/// segment's cached data (`SegmentData`) instead of its term dictionaries.
struct Stats<'a> {
    searcher: &'a tantivy::Searcher,
    /// `segment_data` for the searcher's segments, in the same order.
    segments: Vec<Arc<SegmentData>>,
    name_fields: [Field; 4],
    /// `name_terms` for the searcher.
    names: Arc<NameTerms>,
    /// The terms asked about so far (a search asks about a handful).
    doc_freqs: RefCell<Vec<(Term, u64)>>,
}

impl Stats<'_> {
    /// How many documents hold the term, deleted ones included (as `Searcher::doc_freq`).
    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        if let Some((_, n)) = self.doc_freqs.borrow().iter().find(|(t, _)| t == term) {
            return Ok(*n);
        }
        let n = if self.name_fields.contains(&term.field()) {
            self.names.get(term).copied().unwrap_or(0)
        } else {
            self.searcher.doc_freq(term)?
        };
        self.doc_freqs.borrow_mut().push((term.clone(), n));
        Ok(n)
    }
}

impl Bm25StatisticsProvider for Stats<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        let mut total = 0;
        for (segment, data) in self.searcher.segment_readers().iter().zip(&self.segments) {
            total += match data.tokens.get(&field) {
                Some(&n) => n,
                None => segment.inverted_index(field)?.total_num_tokens(),
            };
        }
        Ok(total)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self
            .searcher
            .segment_readers()
            .iter()
            .map(|s| u64::from(s.max_doc()))
            .sum())
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        Stats::doc_freq(self, term)
    }
}

/// Analysed words in one field: one term, or every term in order.
fn terms_in(field: Field, tokens: &[String]) -> Option<Box<dyn Query>> {
    let mut terms: Vec<Term> = tokens
        .iter()
        .map(|t| Term::from_field_text(field, t))
        .collect();
    match terms.len() {
        0 => None,
        1 => Some(Box::new(TermQuery::new(
            terms.pop()?,
            IndexRecordOption::WithFreqs,
        ))),
        _ => Some(Box::new(PhraseQuery::new(terms))),
    }
}

/// Whether any segment holds deleted documents, whose postings still count in posting-list
/// lengths.
fn has_deletes(searcher: &tantivy::Searcher) -> bool {
    searcher.segment_readers().iter().any(|s| s.has_deletes())
}

/// The most whole years a date range turns into year terms; a longer one is a plain range.
const MAX_YEAR_TERMS: i32 = 50;

/// The query for a bare word from its clauses (see `word_clauses`): nothing, the one clause,
/// or any of them, each with its boost.
fn word_query(mut any: Vec<(f32, Box<dyn Query>)>) -> Box<dyn Query> {
    match any.len() {
        // Only punctuation, or a word nothing holds: it matches nothing.
        0 => Box::new(EmptyQuery),
        1 => any
            .pop()
            .map(|(_, q)| q)
            .unwrap_or_else(|| Box::new(EmptyQuery)),
        _ => Box::new(BooleanQuery::new(
            any.into_iter()
                .map(|(boost, q)| {
                    let q: Box<dyn Query> = if boost == 1.0 {
                        q
                    } else {
                        Box::new(BoostQuery::new(q, boost))
                    };
                    (Occur::Should, q)
                })
                .collect(),
        )),
    }
}

/// A boolean query that is only exclusions matches nothing in Tantivy; "everything except" is
/// what the user meant.
fn with_positive(mut clauses: Vec<(Occur, Box<dyn Query>)>) -> Box<dyn Query> {
    if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
        clauses.push((Occur::Must, Box::new(AllQuery)));
    }
    Box::new(BooleanQuery::new(clauses))
}

fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

fn document(f: &Fields, r: &IndexRecord) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_u64(f.id, r.id.0 as u64);
    doc.add_text(f.text, &r.text);
    if has_cjk(&r.text) {
        doc.add_text(f.text_cjk, &r.text);
    }
    doc.add_text(f.speaker, &r.speaker);
    for alias in r.aliases.iter().chain(&r.co_speakers) {
        doc.add_text(f.speaker, alias);
    }
    if let Some(t) = &r.title {
        doc.add_text(f.title, t);
    }
    if let Some(o) = &r.organization {
        doc.add_text(f.organization, o);
    }
    for outlet in [&r.outlet, &r.told_to].into_iter().flatten() {
        doc.add_text(f.outlet, outlet);
    }
    for tag in &r.tags {
        doc.add_text(f.tag, tag);
        doc.add_text(f.tag_facet, tag);
    }
    for story in &r.stories {
        doc.add_text(f.story, crate::story::story_key(story));
        doc.add_text(f.story_facet, story);
    }
    doc.add_text(f.language, &r.language);
    doc.add_text(f.medium, r.medium.as_str());
    if let Some(kind) = r.kind {
        doc.add_text(f.kind, kind.as_str());
    }
    doc.add_text(f.speaker_facet, &r.speaker);
    if let Some(o) = &r.organization {
        doc.add_text(f.organization_facet, o);
    }
    if let Some(o) = r.outlet.as_ref().or(r.told_to.as_ref()) {
        doc.add_text(f.outlet_facet, o);
    }
    if let Some(d) = r.date {
        doc.add_i64(f.date, day_number(d));
        doc.add_u64(f.year, d.year().max(0) as u64);
        doc.add_u64(f.year_term, d.year().max(0) as u64);
        doc.add_i64(f.day_term, day_number(d));
    }
    doc
}

fn commit(
    writer: &mut IndexWriter<TantivyDocument>,
    library: &str,
    seq: i64,
    dir: &Path,
) -> Result<()> {
    let payload = serde_json::to_string(&Payload {
        library: library.to_owned(),
        version: INDEX_VERSION,
        seq,
    })
    .map_err(|e| Error::invalid(format!("cannot encode the index payload: {e}")))?;
    let mut prepared = writer.prepare_commit().map_err(|e| index_err(dir, e))?;
    prepared.set_payload(&payload);
    prepared.commit().map_err(|e| index_err(dir, e))?;
    Ok(())
}

fn read_payload(index: &Index, dir: &Path) -> Result<Payload> {
    let meta = index.load_metas().map_err(|e| index_err(dir, e))?;
    Ok(meta
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str(p).ok())
        .unwrap_or_default())
}

fn index_err(dir: &Path, source: tantivy::TantivyError) -> Error {
    Error::Index {
        path: dir.to_owned(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewQuote, NewSource};
    use crate::store::{self, InsertOptions};

    /// A library whose index holds three segments, with words in every scored field.
    fn three_segments() -> (tempfile::TempDir, Store, SearchIndex) {
        segments(&[20, 20, 20])
    }

    /// A library whose index holds one segment of each size given.
    fn segments(sizes: &[usize]) -> (tempfile::TempDir, Store, SearchIndex) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("library.sqlite3")).unwrap();
        let (mut index, _) = SearchIndex::open(&dir.path().join("index"), &store).unwrap();
        let speakers = ["Ann Lee", "Bob Budget", "Chen Lee-Wong", "Dana Price"];
        let organizations = ["Budget Office", "Lee & Partners", "Zensar"];
        let mut n = 0;
        for &size in sizes {
            store
                .write(|c| {
                    for _ in 0..size {
                        n += 1;
                        let quote = NewQuote {
                            text: format!(
                                "the budget {} late and the price of {} rose",
                                ["is", "was", "will be"][n % 3],
                                ["bread", "lee sauce", "budget cuts", "fuel"][n % 4]
                            ),
                            speaker: speakers[n % speakers.len()].into(),
                            title: (n % 5 == 0).then(|| "budget director".into()),
                            organization: Some(organizations[n % 3].into()),
                            source: Some(NewSource {
                                outlet: Some(["Reuters", "Budget Weekly"][n % 2].into()),
                                ..Default::default()
                            }),
                            ..Default::default()
                        };
                        store::insert_quote(c, quote, InsertOptions::default())?;
                    }
                    Ok(())
                })
                .unwrap();
            index.sync(&store).unwrap();
        }
        assert_eq!(index.reader.searcher().segment_readers().len(), sizes.len());
        (dir, store, index)
    }

    #[test]
    fn date_runs_hold_each_runs_newest_date_read_in_blocks() {
        // 2,500 quotes, a third undated (an optional column), dates in no order.
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("library.sqlite3")).unwrap();
        let (mut index, _) = SearchIndex::open(&dir.path().join("index"), &store).unwrap();
        let day = |n: usize| {
            NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
                + chrono::Duration::days((n * 7919 % 9000) as i64)
        };
        store
            .write(|c| {
                for n in 0..2_500 {
                    let quote = NewQuote {
                        text: format!("remark {n}"),
                        speaker: "Ann Lee".into(),
                        said_on: (n % 3 != 0 || n >= 2_048).then(|| day(n)),
                        ..Default::default()
                    };
                    store::insert_quote(c, quote, InsertOptions::default())?;
                }
                Ok(())
            })
            .unwrap();
        index.sync(&store).unwrap();
        let searcher = index.reader.searcher();
        let segment = &searcher.segment_readers()[0];
        let column = segment.fast_fields().i64("date").unwrap();
        let max_doc = segment.max_doc();
        let mut naive = vec![i64::MIN; max_doc.div_ceil(DATE_RUN) as usize];
        for doc in 0..max_doc {
            if let Some(d) = column.first(doc) {
                let slot = &mut naive[(doc / DATE_RUN) as usize];
                *slot = (*slot).max(d);
            }
        }
        assert_eq!(naive.len(), 3);
        assert!(naive.iter().all(|d| *d > i64::MIN));
        assert_eq!(date_runs(&column, max_doc), naive);
    }

    #[test]
    fn small_segments_beside_a_large_one_are_merged() {
        let count = |index: &SearchIndex| {
            index
                .search(&SearchRequest {
                    query: "budget".into(),
                    ..Default::default()
                })
                .unwrap()
                .total
        };
        // Two small ones: left as they are.
        let (_dir, _store, index) = segments(&[40, 3, 3]);
        index.merge_small_segments().unwrap();
        index.reader.reload().unwrap();
        assert_eq!(index.reader.searcher().segment_readers().len(), 3);
        // Three: one.
        let (_dir, _store, index) = segments(&[40, 3, 4, 5]);
        let (before, payload) = (count(&index), index.payload().unwrap());
        index.merge_small_segments().unwrap();
        index.reader.reload().unwrap();
        let sizes: Vec<u32> = index
            .reader
            .searcher()
            .segment_readers()
            .iter()
            .map(|s| s.num_docs())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        assert_eq!(sizes, vec![12, 40]);
        // Only the two segments' files are left.
        let segments: BTreeSet<String> = std::fs::read_dir(index.dir())
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().into_string().unwrap();
                let (stem, _) = name.split_once('.')?;
                (stem.len() == 32).then(|| stem.to_owned())
            })
            .collect();
        assert_eq!(segments.len(), 2, "{segments:?}");
        assert_eq!(count(&index), before);
        // The commit's payload (which outbox entries the index holds) survives the merge.
        assert_eq!(index.payload().unwrap(), payload);
    }

    /// `Stats` answers from cached segment data what Tantivy reads from the segments: the
    /// same document frequencies and token totals, hence the same scores.
    #[test]
    fn a_searchs_statistics_are_tantivys() {
        let (_dir, _store, index) = three_segments();
        let searcher = index.reader.searcher();
        let stats = index.stats(&searcher).unwrap();
        let f = index.fields;
        for field in [
            f.text,
            f.title,
            f.speaker,
            f.organization,
            f.outlet,
            f.text_cjk,
        ] {
            assert_eq!(
                Bm25StatisticsProvider::total_num_tokens(&stats, field).unwrap(),
                Bm25StatisticsProvider::total_num_tokens(&searcher, field).unwrap()
            );
            for word in [
                "budget", "lee", "price", "reuters", "zensar", "wong", "absent", "late",
            ] {
                let term = Term::from_field_text(field, word);
                // Asked twice: the second answer comes from what the first asked.
                for _ in 0..2 {
                    assert_eq!(
                        stats.doc_freq(&term).unwrap(),
                        searcher.doc_freq(&term).unwrap(),
                        "{word} in {}",
                        searcher.schema().get_field_name(field)
                    );
                }
            }
        }
        assert!(
            stats
                .doc_freq(&Term::from_field_text(f.speaker, "lee"))
                .unwrap()
                > 0
        );
        let top = TopDocs::with_limit(100).order_by_score();
        for text in [
            "budget",
            "lee",
            "price",
            "\"budget cuts\"",
            "speaker:lee",
            "speaker:budgt",
            "organization:\"budget office\"",
            "budget OR lee",
            "budget -lee",
        ] {
            let node = query::parse(text).unwrap();
            let query = index.compile(&stats, &node).unwrap();
            let ours = searcher
                .search_with_statistics_provider(&query, &top, &stats)
                .unwrap();
            let theirs = searcher.search(&query, &top).unwrap();
            assert!(!theirs.is_empty(), "{text}");
            assert_eq!(ours, theirs, "{text}");
        }
    }
}
