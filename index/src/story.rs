//! Stories: what a reporter is working on. A quote belongs to any number of stories; a story
//! is found with `story:"Chip exports"` in a search, exported like any search, and deleting it
//! keeps its quotes. Every change to which quotes a story holds queues them for the index, in
//! the same transaction, as every other write does.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::QuoteId;
use crate::store::{enqueue, now_stamp};

/// A story with how many quotes it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Story {
    pub name: String,
    pub quotes: u64,
    pub created_at: String,
}

/// A story's name as stored: spaces collapsed; empty, over-long or control characters refused.
fn clean_name(name: &str) -> Result<String> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(Error::invalid("the story's name is empty; give it a name"));
    }
    if name.chars().count() > 200 || name.chars().any(char::is_control) {
        return Err(Error::invalid(
            "a story's name is a line of text of at most 200 characters",
        ));
    }
    Ok(name)
}

/// How story names are compared: case and spacing ignored.
pub fn story_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn id_of(conn: &Connection, name: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM story WHERE name_key = ?1")?
        .query_row([story_key(name)], |r| r.get(0))
        .optional()?)
}

fn existing(conn: &Connection, name: &str) -> Result<i64> {
    id_of(conn, name)?.ok_or_else(|| {
        Error::NotFound(format!(
            "no story named {name:?}; `onrecord story list` lists the stories"
        ))
    })
}

/// The story called `name`, created when there is none.
pub(crate) fn find_or_create(conn: &Connection, name: &str) -> Result<i64> {
    let name = clean_name(name)?;
    if let Some(id) = id_of(conn, &name)? {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO story (name, name_key, created_at) VALUES (?1, ?2, ?3)")?
        .execute(params![name, story_key(&name), now_stamp()])?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn create(conn: &Connection, name: &str) -> Result<Story> {
    let clean = clean_name(name)?;
    if id_of(conn, &clean)?.is_some() {
        return Err(Error::invalid(format!(
            "there is already a story named {clean:?}"
        )));
    }
    find_or_create(conn, &clean)?;
    Ok(Story {
        name: clean,
        quotes: 0,
        created_at: now_stamp(),
    })
}

/// Queues every quote of a story for the index (its name changed, or it is going).
fn enqueue_members(conn: &Connection, story: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO index_outbox (quote_id) SELECT quote_id FROM quote_story WHERE story_id = ?1",
        [story],
    )?;
    Ok(())
}

pub(crate) fn rename(conn: &Connection, old: &str, new: &str) -> Result<()> {
    let id = existing(conn, old)?;
    let new = clean_name(new)?;
    if let Some(other) = id_of(conn, &new)?
        && other != id
    {
        return Err(Error::invalid(format!(
            "there is already a story named {new:?}; add its quotes to one of them instead"
        )));
    }
    conn.execute(
        "UPDATE story SET name = ?2, name_key = ?3 WHERE id = ?1",
        params![id, new, story_key(&new)],
    )?;
    enqueue_members(conn, id)
}

/// Deletes a story; its quotes stay. Returns how many it held.
pub(crate) fn delete(conn: &Connection, name: &str) -> Result<u64> {
    let id = existing(conn, name)?;
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM quote_story WHERE story_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    enqueue_members(conn, id)?;
    conn.execute("DELETE FROM story WHERE id = ?1", [id])?;
    Ok(n as u64)
}

/// Adds quotes to a story (created when missing); returns those that were not in it yet.
pub(crate) fn add(conn: &Connection, name: &str, ids: &[QuoteId]) -> Result<Vec<QuoteId>> {
    let story = find_or_create(conn, name)?;
    let mut added = Vec::new();
    for id in ids {
        let exists = conn
            .prepare_cached("SELECT 1 FROM quote WHERE id = ?1")?
            .exists([id.0])?;
        if !exists {
            return Err(Error::QuoteNotFound(id.to_string()));
        }
        let new = conn
            .prepare_cached(
                "INSERT OR IGNORE INTO quote_story (quote_id, story_id) VALUES (?1, ?2)",
            )?
            .execute([id.0, story])?;
        if new > 0 {
            enqueue(conn, *id)?;
            added.push(*id);
        }
    }
    Ok(added)
}

/// Takes quotes out of a story (the quotes stay in the library); returns how many were in it.
pub(crate) fn remove(conn: &Connection, name: &str, ids: &[QuoteId]) -> Result<usize> {
    let story = existing(conn, name)?;
    let mut removed = 0;
    for id in ids {
        removed += conn
            .prepare_cached("DELETE FROM quote_story WHERE quote_id = ?1 AND story_id = ?2")?
            .execute([id.0, story])?;
        enqueue(conn, *id)?;
    }
    Ok(removed)
}

/// Every story, by name, with its count.
pub(crate) fn list(conn: &Connection) -> Result<Vec<Story>> {
    Ok(conn
        .prepare_cached(
            "SELECT s.name, count(qs.quote_id), s.created_at FROM story s
             LEFT JOIN quote_story qs ON qs.story_id = s.id
             GROUP BY s.id ORDER BY s.name_key",
        )?
        .query_map([], |r| {
            Ok(Story {
                name: r.get(0)?,
                quotes: r.get::<_, i64>(1)? as u64,
                created_at: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Makes a quote's stories exactly these (created when missing).
pub(crate) fn set_for_quote(conn: &Connection, id: QuoteId, names: &[String]) -> Result<()> {
    conn.prepare_cached("DELETE FROM quote_story WHERE quote_id = ?1")?
        .execute([id.0])?;
    for name in names {
        let story = find_or_create(conn, name)?;
        conn.prepare_cached(
            "INSERT OR IGNORE INTO quote_story (quote_id, story_id) VALUES (?1, ?2)",
        )?
        .execute([id.0, story])?;
    }
    Ok(())
}
