//! Importing our own export into a library: its speakers (aliases, timelines), its sources and
//! its quotes with their ids, skipping the quotes already there.

use std::collections::HashMap;

use crate::error::Result;
use crate::model::{QuoteId, Source, SourceId, Speaker};
use crate::store::{self, InsertOptions};

use super::{ImportQuote, ImportReport};

/// Restores a library exported as JSON: its speakers, sources and quotes (quotes already in the
/// library are skipped).
pub(crate) fn restore(
    conn: &rusqlite::Connection,
    speakers: &[Speaker],
    sources: &[Source],
    quotes: Vec<ImportQuote>,
) -> Result<ImportReport> {
    let mut report = ImportReport::default();
    let mut speaker_ids = HashMap::new();
    for speaker in speakers {
        let id = store::import_speaker(conn, speaker)?;
        speaker_ids.insert(store::name_key(&speaker.name), id);
    }
    let mut source_ids: HashMap<SourceId, SourceId> = HashMap::new();
    for source in sources {
        source_ids.insert(source.id, store::import_source(conn, source)?);
    }
    for quote in quotes {
        let speaker = match speaker_ids.get(&store::name_key(&quote.speaker)) {
            Some(id) => *id,
            None => store::speaker_id_for(conn, &quote.speaker)?,
        };
        if let Some(id) = quote.id
            && store::same_quote_exists(conn, id, &quote.text, &quote.speaker)?
        {
            report.skipped += 1;
            continue;
        }
        insert_exported_quote(conn, quote, speaker, &source_ids)?;
        report.imported += 1;
    }
    Ok(report)
}

/// Inserts a quote as exported: its id (when free), timestamps and source, without adding to the
/// speaker's timeline (the exported timeline is imported as it was).
pub(crate) fn insert_exported_quote(
    conn: &rusqlite::Connection,
    quote: ImportQuote,
    speaker: crate::model::SpeakerId,
    source_ids: &HashMap<SourceId, SourceId>,
) -> Result<QuoteId> {
    let source = match &quote.source {
        Some(s) => match s.id.and_then(|id| source_ids.get(&id).copied()) {
            Some(id) => Some(id),
            None => match s
                .id
                .filter(|id| source_ids.is_empty() && exists_source(conn, *id))
            {
                Some(id) => Some(id),
                None => {
                    let new = s.to_new_source();
                    (!new.is_empty())
                        .then(|| store::source_id_for(conn, &new, None))
                        .transpose()?
                }
            },
        },
        None => None,
    };
    let opts = InsertOptions {
        id: quote.id,
        created_at: quote.created_at,
        updated_at: quote.updated_at,
        record_affiliation: false,
    };
    let new = quote.into_new_quote();
    store::validate(&new)?;
    store::insert_row(
        conn,
        &store::Tidy::new(new),
        speaker,
        source,
        opts,
        &store::now_stamp(),
    )
}

fn exists_source(conn: &rusqlite::Connection, id: SourceId) -> bool {
    conn.query_row("SELECT 1 FROM source WHERE id = ?1", [id.0], |_| Ok(()))
        .is_ok()
}
