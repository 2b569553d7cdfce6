//! Tags across the library: many quotes tagged or untagged at once (what bulk work and its undo
//! need), every tag with its count, a tag renamed everywhere. A quote's own tags are written with
//! the quote (`store`); every change here queues the quotes it touches for the index in the same
//! transaction.

use rusqlite::{Connection, params};

use crate::error::{Error, Result};
use crate::model::QuoteId;
use crate::store::{clean_tags, enqueue};

/// Tags many quotes at once; returns those that did not carry the tag (what an undo untags).
pub fn tag_quotes(conn: &Connection, ids: &[QuoteId], tag: &str) -> Result<Vec<QuoteId>> {
    let Some(tag) = clean_tags(vec![tag.to_owned()]).pop() else {
        return Err(Error::invalid("the tag is empty; give a word or a few"));
    };
    let mut added = Vec::new();
    for id in ids {
        let n = conn
            .prepare_cached("INSERT OR IGNORE INTO quote_tag (quote_id, tag) SELECT id, ?2 FROM quote WHERE id = ?1")?
            .execute(params![id.0, tag])?;
        if n > 0 {
            enqueue(conn, *id)?;
            added.push(*id);
        }
    }
    Ok(added)
}

/// Takes a tag off these quotes.
pub fn untag_quotes(conn: &Connection, ids: &[QuoteId], tag: &str) -> Result<()> {
    let tag = clean_tags(vec![tag.to_owned()]).pop().unwrap_or_default();
    for id in ids {
        let n = conn
            .prepare_cached("DELETE FROM quote_tag WHERE quote_id = ?1 AND tag = ?2")?
            .execute(params![id.0, tag])?;
        if n > 0 {
            enqueue(conn, *id)?;
        }
    }
    Ok(())
}

/// Every tag with how many quotes carry it, most used first.
pub fn tags(conn: &Connection) -> Result<Vec<(String, u64)>> {
    Ok(conn
        .prepare_cached(
            "SELECT tag, count(*) FROM quote_tag GROUP BY tag ORDER BY count(*) DESC, tag",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Renames a tag on every quote that carries it (merging it into `new` where a quote has
/// both); returns how many quotes carried it.
pub fn rename_tag(conn: &Connection, old: &str, new: &str) -> Result<u64> {
    let old = clean_tags(vec![old.to_owned()]);
    let new = clean_tags(vec![new.to_owned()]);
    let (Some(old), Some(new)) = (old.first(), new.first()) else {
        return Err(Error::invalid(
            "a tag is a word or a few; give the old one and the new one",
        ));
    };
    let n = conn.execute(
        "INSERT INTO index_outbox (quote_id) SELECT quote_id FROM quote_tag WHERE tag = ?1",
        [old],
    )?;
    if n == 0 {
        return Err(Error::NotFound(format!(
            "no quote is tagged {old:?}; `onrecord tag list` lists the tags"
        )));
    }
    conn.execute(
        "INSERT OR IGNORE INTO quote_tag (quote_id, tag) SELECT quote_id, ?2 FROM quote_tag WHERE tag = ?1",
        params![old, new],
    )?;
    if old != new {
        conn.execute("DELETE FROM quote_tag WHERE tag = ?1", [old])?;
    }
    Ok(n as u64)
}
