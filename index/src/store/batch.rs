//! Many quotes in one transaction: [`Batch`] remembers speakers, sources and affiliation spans
//! between rows, collects what the index needs, and queues new quotes for the index in runs.

use super::*;

/// Inserts many quotes in one transaction, remembering speakers, sources and affiliation spans
/// between rows, so that a bulk import costs a few statements a quote rather than a dozen.
/// Call [`Batch::finish`] before committing: it writes the affiliation spans.
pub struct Batch<'c> {
    conn: &'c Connection,
    /// Speakers by name as written, and by name key (which also finds aliases).
    speaker_names: FxHashMap<String, SpeakerId>,
    speakers: FxHashMap<String, SpeakerId>,
    sources: FxHashMap<String, (SourceId, Option<NaiveDate>)>,
    /// Affiliations by (speaker, title key, organization key), loaded per speaker on first use.
    spans: FxHashMap<(SpeakerId, Option<u32>, Option<u32>), Span>,
    loaded: std::collections::HashSet<SpeakerId>,
    /// A number for each distinct name key, and the number of each title or organization as
    /// written: a large import repeats a few hundred of them, and keying a span by number
    /// spares computing a name key for every quote.
    keys: FxHashMap<String, u32>,
    written_keys: FxHashMap<String, u32>,
    /// When the batch began, as stored: the time a quote given none was created.
    began: String,
    /// When collecting, what the index needs for every quote inserted (see `Batch::collecting`).
    records: Option<Vec<IndexRecord>>,
    speaker_facts: FxHashMap<SpeakerId, (String, Vec<String>)>,
    /// Each source's outlet and kind, as the index needs them.
    source_facts: FxHashMap<SourceId, (Option<String>, SourceKind)>,
    /// When collecting, new quotes are queued for the index as runs of ids (one outbox entry
    /// for up to [`OUTBOX_RUN`] consecutive ids) instead of one entry each: the run so far.
    run: Option<(i64, i64)>,
}

impl std::fmt::Debug for Batch<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batch")
            .field("speakers", &self.speakers.len())
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone)]
struct Span {
    id: Option<i64>,
    title: Option<String>,
    organization: Option<String>,
    description: Option<String>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    dirty: bool,
}

impl<'c> Batch<'c> {
    pub fn new(conn: &'c Connection) -> Batch<'c> {
        Batch {
            conn,
            speaker_names: FxHashMap::default(),
            speakers: FxHashMap::default(),
            sources: FxHashMap::default(),
            spans: FxHashMap::default(),
            loaded: Default::default(),
            keys: FxHashMap::default(),
            written_keys: FxHashMap::default(),
            began: now_stamp(),
            records: None,
            speaker_facts: FxHashMap::default(),
            source_facts: FxHashMap::default(),
            run: None,
        }
    }

    /// A batch that also returns, from [`Batch::take_records`], the index records of the quotes
    /// it inserted, so that a bulk import can feed the index without reading them back. Its
    /// quotes are queued for the index in runs, written by [`Batch::finish`].
    pub fn collecting(conn: &'c Connection) -> Batch<'c> {
        Batch {
            records: Some(Vec::new()),
            ..Batch::new(conn)
        }
    }

    pub fn take_records(&mut self) -> Vec<IndexRecord> {
        self.records
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    }

    /// Keeps what the index needs of a quote just inserted, when collecting.
    fn collect(
        &mut self,
        id: QuoteId,
        quote: Tidy,
        speaker: SpeakerId,
        source: Option<SourceId>,
        date: Option<NaiveDate>,
    ) -> Result<()> {
        if self.records.is_none() {
            return Ok(());
        }
        if !self.speaker_facts.contains_key(&speaker) {
            let name: String = self
                .conn
                .prepare_cached("SELECT name FROM speaker WHERE id = ?1")?
                .query_row([speaker.0], |r| r.get(0))?;
            let aliases = self
                .conn
                .prepare_cached("SELECT alias FROM speaker_alias WHERE speaker_id = ?1")?
                .query_map([speaker.0], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            self.speaker_facts.insert(speaker, (name, aliases));
        }
        let (outlet, kind) = match source {
            Some(id) => match self.source_facts.get(&id) {
                Some((o, k)) => (o.clone(), Some(*k)),
                None => {
                    let (o, k): (Option<String>, String) = self
                        .conn
                        .prepare_cached("SELECT outlet, kind FROM source WHERE id = ?1")?
                        .query_row([id.0], |r| Ok((r.get(0)?, r.get(1)?)))?;
                    let k = k.parse().unwrap_or_default();
                    self.source_facts.insert(id, (o.clone(), k));
                    (o, Some(k))
                }
            },
            None => (None, None),
        };
        let (name, aliases) = self.speaker_facts[&speaker].clone();
        let Tidy(quote) = quote;
        let co_speakers = match quote.co_speakers.is_empty() {
            true => Vec::new(),
            false => co_speaker_names(self.conn, id)?,
        };
        let record = IndexRecord {
            id,
            text: quote.text,
            speaker: name,
            aliases,
            co_speakers,
            title: quote.title,
            organization: quote.organization,
            outlet,
            told_to: quote.told_to,
            medium: quote.medium,
            kind,
            tags: quote.tags,
            // (Stored names: a story given in another case or spacing is the existing one.)
            stories: match quote.stories.is_empty() {
                true => Vec::new(),
                false => story_names(self.conn, id)?,
            },
            language: quote.language.unwrap_or_default(),
            date,
        };
        if let Some(records) = self.records.as_mut() {
            records.push(record);
        }
        Ok(())
    }

    /// Inserts a quote published in an already stored source (a saved clip).
    pub fn insert_in_source(
        &mut self,
        quote: NewQuote,
        source: SourceId,
        opts: InsertOptions,
    ) -> Result<QuoteId> {
        validate(&quote)?;
        let speaker = self.speaker(&quote.speaker)?;
        let published: Option<NaiveDate> = self
            .conn
            .prepare_cached("SELECT published FROM source WHERE id = ?1")?
            .query_row([source.0], |r| r.get(0))?;
        self.insert_resolved(Tidy::new(quote), speaker, Some(source), published, opts)
    }

    /// The part of an insert after the speaker and source are known: the speaker's timeline,
    /// the row, and the index record.
    fn insert_resolved(
        &mut self,
        quote: Tidy,
        speaker: SpeakerId,
        source: Option<SourceId>,
        published: Option<NaiveDate>,
        opts: InsertOptions,
    ) -> Result<QuoteId> {
        let date = quote.0.said_on.or(published);
        if opts.record_affiliation {
            let q = &quote.0;
            self.widen(
                speaker,
                q.title.as_deref(),
                q.organization.as_deref(),
                q.organization_description.as_deref(),
                date,
            )?;
        }
        let id = insert_unqueued(self.conn, &quote, speaker, source, opts, &self.began)?;
        self.queue(id)?;
        self.collect(id, quote, speaker, source, date)?;
        Ok(id)
    }

    /// Queues a new quote for the index: on its own, or as part of the run being collected.
    fn queue(&mut self, id: QuoteId) -> Result<()> {
        if self.records.is_none() {
            return enqueue(self.conn, id);
        }
        match self.run {
            Some((first, last)) if id.0 == last + 1 && id.0 - first < OUTBOX_RUN => {
                self.run = Some((first, id.0));
            }
            _ => {
                self.write_run()?;
                self.run = Some((id.0, id.0));
            }
        }
        Ok(())
    }

    fn write_run(&mut self) -> Result<()> {
        if let Some((first, last)) = self.run.take() {
            self.conn
                .prepare_cached(
                    "INSERT INTO index_outbox (quote_id, last_quote_id) VALUES (?1, ?2)",
                )?
                .execute([first, last])?;
        }
        Ok(())
    }

    fn speaker(&mut self, name: &str) -> Result<SpeakerId> {
        if let Some(id) = self.speaker_names.get(name) {
            return Ok(*id);
        }
        let key = name_key(name);
        let id = match self.speakers.get(&key) {
            Some(id) => *id,
            None => {
                let id = speaker_id_for(self.conn, name)?;
                self.speakers.insert(key, id);
                id
            }
        };
        self.speaker_names.insert(name.to_owned(), id);
        Ok(id)
    }

    pub fn insert(&mut self, mut quote: NewQuote, opts: InsertOptions) -> Result<QuoteId> {
        validate(&quote)?;
        let speaker = self.speaker(&quote.speaker)?;
        let (source, published) = match quote.source.take() {
            Some(s) if !s.is_empty() => {
                let key = source_key(&s);
                match self.sources.get(&key) {
                    Some(found) => (Some(found.0), found.1),
                    None => {
                        let before = self.conn.last_insert_rowid();
                        let id = source_id_for(self.conn, &s, None)?;
                        let inserted = self.conn.last_insert_rowid() != before
                            && self.conn.last_insert_rowid() == id.0;
                        // A source stored just now holds what we gave it; only a found one is read.
                        let (published, outlet, kind) = if inserted {
                            (s.published, clean(s.outlet), s.kind)
                        } else {
                            let (published, outlet, kind): (_, _, String) = self
                                .conn
                                .prepare_cached(
                                    "SELECT published, outlet, kind FROM source WHERE id = ?1",
                                )?
                                .query_row([id.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                            (published, outlet, kind.parse().unwrap_or_default())
                        };
                        self.sources.insert(key, (id, published));
                        self.source_facts.insert(id, (outlet, kind));
                        (Some(id), published)
                    }
                }
            }
            _ => (None, None),
        };
        self.insert_resolved(Tidy::new(quote), speaker, source, published, opts)
    }

    /// The number standing for `name_key(value)`.
    fn key_of(&mut self, value: &str) -> u32 {
        if let Some(n) = self.written_keys.get(value) {
            return *n;
        }
        let next = self.keys.len() as u32;
        let n = *self.keys.entry(name_key(value)).or_insert(next);
        self.written_keys.insert(value.to_owned(), n);
        n
    }

    /// Widens the matching affiliation span to cover `date`, or starts a new one.
    fn widen(
        &mut self,
        speaker: SpeakerId,
        title: Option<&str>,
        organization: Option<&str>,
        description: Option<&str>,
        date: Option<NaiveDate>,
    ) -> Result<()> {
        if title.is_none() && organization.is_none() {
            return Ok(());
        }
        if self.loaded.insert(speaker) {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, title, organization, organization_description, valid_from, valid_to
                 FROM affiliation WHERE speaker_id = ?1",
            )?;
            let rows = stmt
                .query_map([speaker.0], |r| {
                    Ok(Span {
                        id: Some(r.get(0)?),
                        title: r.get(1)?,
                        organization: r.get(2)?,
                        description: r.get(3)?,
                        from: r.get(4)?,
                        to: r.get(5)?,
                        dirty: false,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            for span in rows {
                let key = (
                    speaker,
                    span.title.as_deref().map(|t| self.key_of(t)),
                    span.organization.as_deref().map(|o| self.key_of(o)),
                );
                self.spans.entry(key).or_insert(span);
            }
        }
        let key = (
            speaker,
            title.map(|t| self.key_of(t)),
            organization.map(|o| self.key_of(o)),
        );
        let span = self.spans.entry(key).or_insert_with(|| Span {
            id: None,
            title: title.map(str::to_owned),
            organization: organization.map(str::to_owned),
            description: None,
            from: None,
            to: None,
            dirty: true,
        });
        if span.description.is_none()
            && let Some(d) = description
        {
            span.description = Some(d.to_owned());
            span.dirty = true;
        }
        if let Some(date) = date {
            let from = Some(span.from.map_or(date, |f| f.min(date)));
            let to = Some(span.to.map_or(date, |t| t.max(date)));
            if (from, to) != (span.from, span.to) {
                span.from = from;
                span.to = to;
                span.dirty = true;
            }
        }
        Ok(())
    }

    /// Keeps what a long batch remembers bounded: past a limit, the affiliation spans it
    /// changed are written and its memories of speakers, sources and spans start again (they
    /// are read back from the transaction when needed). A large import calls this between
    /// chunks, so its memory does not grow with the number of quotes.
    pub fn bound_memory(&mut self) -> Result<()> {
        const LIMIT: usize = 50_000;
        // (The numbers in `keys` key `spans`: forgetting them forgets the spans too.)
        let keys_full = self.written_keys.len() > LIMIT;
        if keys_full || self.spans.len() > LIMIT || self.loaded.len() > LIMIT {
            self.write_spans()?;
            self.spans.clear();
            self.loaded.clear();
        }
        if keys_full {
            self.written_keys.clear();
            self.keys.clear();
        }
        if self.speakers.len() > LIMIT || self.speaker_names.len() > LIMIT {
            self.speakers.clear();
            self.speaker_names.clear();
            self.speaker_facts.clear();
        }
        if self.sources.len() > LIMIT || self.source_facts.len() > LIMIT {
            self.sources.clear();
            self.source_facts.clear();
        }
        Ok(())
    }

    /// Writes the affiliation spans this batch changed and the last run of queued quotes.
    pub fn finish(mut self) -> Result<()> {
        self.write_run()?;
        self.write_spans()
    }

    fn write_spans(&mut self) -> Result<()> {
        for ((speaker, _, _), span) in self.spans.iter_mut() {
            if !span.dirty {
                continue;
            }
            span.dirty = false;
            match span.id {
                Some(id) => {
                    self.conn
                        .prepare_cached(
                            "UPDATE affiliation SET valid_from = ?2, valid_to = ?3,
                             organization_description = ?4 WHERE id = ?1",
                        )?
                        .execute(params![id, span.from, span.to, span.description])?;
                }
                None => {
                    self.conn
                        .prepare_cached(
                            "INSERT INTO affiliation (speaker_id, title, organization,
                             organization_description, valid_from, valid_to)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        )?
                        .execute(params![
                            speaker.0,
                            span.title,
                            span.organization,
                            span.description,
                            span.from,
                            span.to
                        ])?;
                    span.id = Some(self.conn.last_insert_rowid());
                }
            }
        }
        Ok(())
    }
}

/// What tells sources apart, as a cache key (see [`source_id_for`]).
fn source_key(s: &NewSource) -> String {
    if let Some(text) = s.text.as_deref().filter(|t| !t.is_empty()) {
        return format!("h:{}", content_hash(text));
    }
    if let Some(url) = clean(s.url.clone()) {
        return format!("u:{url}");
    }
    format!(
        "t:{:?}\u{1f}{:?}\u{1f}{:?}\u{1f}{}",
        clean(s.title.clone()),
        clean(s.outlet.clone()),
        s.published,
        s.kind.as_str()
    )
}
