//! Editing speakers: two spellings of one person merged into one, a name corrected. Every quote
//! whose attribution changes is queued for the index in the same transaction, as every other
//! write is.

use rusqlite::{Connection, params};

use crate::error::{Error, Result};
use crate::model::SpeakerId;
use crate::store::{affiliation_matching, clean, name_key, now_stamp, speaker_named};

/// The id of the speaker called `name` (or known by that alias).
fn find(conn: &Connection, name: &str) -> Result<i64> {
    speaker_named(conn, &name_key(name))?
        .map(|s| s.0)
        .ok_or_else(|| Error::SpeakerNotFound(name.to_owned()))
}

/// Queues every quote said by the speaker, alone or with others.
fn enqueue_quotes_of(conn: &Connection, speaker: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO index_outbox (quote_id)
         SELECT id FROM quote WHERE speaker_id = ?1
         UNION SELECT quote_id FROM quote_co_speaker WHERE speaker_id = ?1",
        [speaker],
    )?;
    Ok(())
}

/// Merges the speaker `from` into `into`: `from`'s quotes (as speaker or co-speaker), titles
/// over time and aliases become `into`'s, and `from`'s name becomes one of `into`'s aliases, so
/// searches and checks under either name find the same person. Returns how many quotes moved.
pub(crate) fn merge(conn: &Connection, from: &str, into: &str) -> Result<u64> {
    merge_keeping(conn, from, into).map(|(moved, _)| moved)
}

/// What a merge moved, to put it back ([`unmerge`]): the merged speaker's name, the quotes it
/// said, the places it held among co-speakers, its titles over time and its aliases.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MergeUndo {
    pub from: String,
    pub into: String,
    quotes: Vec<i64>,
    /// (quote, position) of each place `from` held among a quote's co-speakers.
    co_speaker_places: Vec<(i64, i64)>,
    affiliations: Vec<i64>,
    aliases: Vec<String>,
    created_at: String,
}

/// [`merge`], returning what it moved.
pub(crate) fn merge_keeping(conn: &Connection, from: &str, into: &str) -> Result<(u64, MergeUndo)> {
    let (old, new) = (find(conn, from)?, find(conn, into)?);
    if old == new {
        return Err(Error::invalid(format!(
            "{from:?} and {into:?} are already the same speaker"
        )));
    }
    let ids = |sql: &str| -> Result<Vec<i64>> {
        Ok(conn
            .prepare(sql)?
            .query_map([old], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    };
    let (from_name, created_at): (String, String) = conn.query_row(
        "SELECT name, created_at FROM speaker WHERE id = ?1",
        [old],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let into_name: String =
        conn.query_row("SELECT name FROM speaker WHERE id = ?1", [new], |r| {
            r.get(0)
        })?;
    let undo = MergeUndo {
        from: from_name,
        into: into_name,
        quotes: ids("SELECT id FROM quote WHERE speaker_id = ?1")?,
        co_speaker_places: conn
            .prepare("SELECT quote_id, position FROM quote_co_speaker WHERE speaker_id = ?1")?
            .query_map([old], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?,
        affiliations: ids("SELECT id FROM affiliation WHERE speaker_id = ?1")?,
        aliases: conn
            .prepare("SELECT alias_key FROM speaker_alias WHERE speaker_id = ?1")?
            .query_map([old], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?,
        created_at,
    };
    let moved: i64 = conn.query_row(
        "SELECT count(*) FROM quote WHERE speaker_id = ?1",
        [old],
        |r| r.get(0),
    )?;
    enqueue_quotes_of(conn, old)?;
    conn.execute(
        "UPDATE quote SET speaker_id = ?2, updated_at = ?3 WHERE speaker_id = ?1",
        params![old, new, now_stamp()],
    )?;
    // A co-speaker who is now the quote's speaker, or already its co-speaker, is dropped.
    conn.execute(
        "DELETE FROM quote_co_speaker WHERE speaker_id = ?1 AND (
             quote_id IN (SELECT id FROM quote WHERE speaker_id = ?2)
             OR quote_id IN (SELECT quote_id FROM quote_co_speaker WHERE speaker_id = ?2))",
        [old, new],
    )?;
    conn.execute(
        "UPDATE quote_co_speaker SET speaker_id = ?2 WHERE speaker_id = ?1",
        [old, new],
    )?;
    conn.execute(
        "UPDATE affiliation SET speaker_id = ?2 WHERE speaker_id = ?1",
        [old, new],
    )?;
    conn.execute(
        "UPDATE speaker_alias SET speaker_id = ?2 WHERE speaker_id = ?1",
        [old, new],
    )?;
    let (name, key): (String, String) = conn.query_row(
        "SELECT name, name_key FROM speaker WHERE id = ?1",
        [old],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    conn.execute("DELETE FROM speaker WHERE id = ?1", [old])?;
    conn.execute(
        "INSERT OR IGNORE INTO speaker_alias (speaker_id, alias, alias_key) VALUES (?1, ?2, ?3)",
        params![new, name, key],
    )?;
    enqueue_quotes_of(conn, new)?;
    Ok((moved as u64, undo))
}

/// Puts back what a merge moved: the merged speaker again under its own name, with its quotes,
/// its places among co-speakers, its titles and its aliases; its name no longer an alias of the
/// other. Refused when a speaker of that name exists again.
pub(crate) fn unmerge(conn: &Connection, undo: &MergeUndo) -> Result<()> {
    let into = find(conn, &undo.into)?;
    let key = name_key(&undo.from);
    let taken: Option<i64> = conn
        .query_row("SELECT id FROM speaker WHERE name_key = ?1", [&key], |r| {
            r.get(0)
        })
        .ok();
    if taken.is_some() {
        return Err(Error::invalid(format!(
            "cannot undo the merge: a speaker called {:?} exists again",
            undo.from
        )));
    }
    conn.execute(
        "DELETE FROM speaker_alias WHERE speaker_id = ?1 AND alias_key = ?2",
        params![into, key],
    )?;
    conn.execute(
        "INSERT INTO speaker (name, name_key, created_at, updated_at) VALUES (?1, ?2, ?3, ?4)",
        params![undo.from, key, undo.created_at, now_stamp()],
    )?;
    let from = conn.last_insert_rowid();
    let stamp = now_stamp();
    for id in &undo.quotes {
        conn.execute(
            "UPDATE quote SET speaker_id = ?2, updated_at = ?3 WHERE id = ?1 AND speaker_id = ?4",
            params![id, from, stamp, into],
        )?;
    }
    for (quote, position) in &undo.co_speaker_places {
        // Moved with the merge, or dropped by it as a duplicate: either way, back in its place.
        conn.execute(
            "INSERT INTO quote_co_speaker (quote_id, position, speaker_id)
             SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM quote WHERE id = ?1)
             ON CONFLICT (quote_id, position) DO UPDATE SET speaker_id = excluded.speaker_id",
            params![quote, position, from],
        )?;
    }
    for id in &undo.affiliations {
        conn.execute(
            "UPDATE affiliation SET speaker_id = ?2 WHERE id = ?1 AND speaker_id = ?3",
            params![id, from, into],
        )?;
    }
    for alias in &undo.aliases {
        conn.execute(
            "UPDATE speaker_alias SET speaker_id = ?2 WHERE alias_key = ?1 AND speaker_id = ?3",
            params![alias, from, into],
        )?;
    }
    enqueue_quotes_of(conn, from)?;
    enqueue_quotes_of(conn, into)?;
    Ok(())
}

/// Gives a speaker another name (a spelling corrected). A name another speaker has is refused:
/// merge them instead.
pub(crate) fn rename(conn: &Connection, old: &str, new: &str) -> Result<()> {
    let id = find(conn, old)?;
    let new = new.split_whitespace().collect::<Vec<_>>().join(" ");
    if new.is_empty() {
        return Err(Error::invalid("the new name is empty; give a name"));
    }
    let key = name_key(&new);
    if let Some(other) = speaker_named(conn, &key)?
        && other.0 != id
    {
        return Err(Error::invalid(format!(
            "{new:?} already names another speaker; merge the two instead"
        )));
    }
    // (The new name may have been an alias of this speaker: it is the name now.)
    conn.execute(
        "DELETE FROM speaker_alias WHERE speaker_id = ?1 AND alias_key = ?2",
        params![id, key],
    )?;
    conn.execute(
        "UPDATE speaker SET name = ?2, name_key = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, new, key, now_stamp()],
    )?;
    enqueue_quotes_of(conn, id)
}

/// Sets a speaker's title and employer over a span of dates, as the user knows them: the
/// affiliation with the same title and organization takes these dates and description (what
/// clipping inferred from quote dates is replaced), or a new one is added. Checking a draft
/// compares titles with the affiliation held on the quote's date, so this corrects what it
/// accepts. Returns whether an affiliation was added (rather than corrected).
pub(crate) fn set_affiliation(
    conn: &Connection,
    speaker: &str,
    affiliation: &crate::model::Affiliation,
) -> Result<bool> {
    let id = find(conn, speaker)?;
    let (title, organization) = (
        clean(affiliation.title.clone()),
        clean(affiliation.organization.clone()),
    );
    if title.is_none() && organization.is_none() {
        return Err(Error::invalid(
            "an affiliation needs a title, an organization or both",
        ));
    }
    if let (Some(from), Some(to)) = (affiliation.valid_from, affiliation.valid_to)
        && from > to
    {
        return Err(Error::invalid(format!(
            "the affiliation starts ({from}) after it ends ({to}); swap the dates"
        )));
    }
    let existing = affiliation_matching(
        conn,
        SpeakerId(id),
        title.as_deref(),
        organization.as_deref(),
    )?
    .map(|(row, _)| row);
    let description = clean(affiliation.organization_description.clone());
    match existing {
        Some(row) => {
            conn.execute(
                "UPDATE affiliation SET valid_from = ?2, valid_to = ?3,
                 organization_description = coalesce(?4, organization_description) WHERE id = ?1",
                params![
                    row,
                    affiliation.valid_from,
                    affiliation.valid_to,
                    description
                ],
            )?;
        }
        None => {
            conn.execute(
                "INSERT INTO affiliation (speaker_id, title, organization, organization_description,
                 valid_from, valid_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    id,
                    title,
                    organization,
                    description,
                    affiliation.valid_from,
                    affiliation.valid_to
                ],
            )?;
        }
    }
    Ok(existing.is_none())
}

/// Removes the speaker's affiliation with this title and organization; whether there was one.
pub(crate) fn remove_affiliation(
    conn: &Connection,
    speaker: &str,
    title: Option<&str>,
    organization: Option<&str>,
) -> Result<bool> {
    let id = find(conn, speaker)?;
    fn given(v: Option<&str>) -> Option<&str> {
        v.map(str::trim).filter(|v| !v.is_empty())
    }
    match affiliation_matching(conn, SpeakerId(id), given(title), given(organization))? {
        Some((row, _)) => {
            conn.execute("DELETE FROM affiliation WHERE id = ?1", [row])?;
            Ok(true)
        }
        None => Ok(false),
    }
}
