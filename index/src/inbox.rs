//! The inbox: pages sent from the browser to review later. A page waits here as the reader saw
//! it (the rendered HTML, its address and title) until it is clipped (the review opens it like
//! any other article) or dismissed. It lives in the library's SQLite database like everything
//! else, so a backup holds it and a crash loses none of it.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// A page waiting in the inbox (without its HTML).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxItem {
    pub id: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub received_at: DateTime<Utc>,
    /// The size of the page's HTML, in bytes.
    pub bytes: usize,
}

/// A page as the browser sends it: what the reader sees, not what a fetch of the URL would get.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    pub html: String,
}

impl Page {
    /// Checks a page before anything is done with it: an address that is not a web page's, an
    /// empty or oversized page, or binary data is refused with what to do.
    pub fn validate(&self) -> Result<()> {
        if let Some(url) = &self.url {
            check_page_url(url)?;
        }
        if self.html.len() > crate::clip::MAX_INPUT_BYTES {
            return Err(Error::invalid(format!(
                "the page is {:.1} MB; OnRecord reads pages up to {} MB — select the article's \
                 text and save the quotations from the selection instead",
                self.html.len() as f64 / 1e6,
                crate::clip::MAX_INPUT_BYTES / (1024 * 1024)
            )));
        }
        if self.html.trim().is_empty() {
            return Err(Error::invalid(
                "the page is empty; there is nothing to clip",
            ));
        }
        if self.html.contains('\0') {
            return Err(Error::invalid(
                "this is binary data, not a web page; clip an article",
            ));
        }
        Ok(())
    }
}

/// Only web pages are clipped: `file:`, `javascript:`, `data:` and browser-internal pages are
/// refused (they are not sources a reader can cite, and may be the reader's own files).
pub fn check_page_url(url: &str) -> Result<()> {
    let lower = url.trim().to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        if url.len() > 8192 || url.chars().any(char::is_control) {
            return Err(Error::invalid(
                "the page's address is not a valid web address",
            ));
        }
        return Ok(());
    }
    let scheme = lower.split(':').next().unwrap_or_default();
    Err(Error::invalid(format!(
        "only web pages (http or https) can be clipped, not a {scheme}: address"
    )))
}

pub(crate) fn add(conn: &Connection, page: &Page) -> Result<InboxItem> {
    page.validate()?;
    let now = Utc::now();
    conn.execute(
        "INSERT INTO inbox (url, title, html, received_at) VALUES (?1, ?2, ?3, ?4)",
        params![
            page.url.as_deref().map(str::trim),
            page.title
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty()),
            page.html,
            now.to_rfc3339()
        ],
    )?;
    Ok(InboxItem {
        id: conn.last_insert_rowid(),
        url: page.url.clone(),
        title: page.title.clone(),
        received_at: now,
        bytes: page.html.len(),
    })
}

fn item_of_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<InboxItem> {
    let received: String = r.get(3)?;
    Ok(InboxItem {
        id: r.get(0)?,
        url: r.get(1)?,
        title: r.get(2)?,
        received_at: DateTime::parse_from_rfc3339(&received)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default(),
        bytes: r.get::<_, i64>(4)? as usize,
    })
}

/// Every page waiting, oldest first.
pub(crate) fn list(conn: &Connection) -> Result<Vec<InboxItem>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, url, title, received_at, length(CAST(html AS BLOB)) FROM inbox ORDER BY id",
        )?
        .query_map([], item_of_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// How many pages wait.
pub(crate) fn count(conn: &Connection) -> Result<u64> {
    Ok(conn.query_row("SELECT count(*) FROM inbox", [], |r| r.get::<_, i64>(0))? as u64)
}

/// One page with its HTML.
pub(crate) fn page(conn: &Connection, id: i64) -> Result<(InboxItem, Page)> {
    conn.query_row(
        "SELECT id, url, title, received_at, length(CAST(html AS BLOB)), html FROM inbox
         WHERE id = ?1",
        [id],
        |r| {
            let item = item_of_row(r)?;
            let page = Page {
                url: item.url.clone(),
                title: item.title.clone(),
                html: r.get(5)?,
            };
            Ok((item, page))
        },
    )
    .optional()?
    .ok_or_else(|| not_found(id))
}

pub(crate) fn remove(conn: &Connection, id: i64) -> Result<()> {
    match conn.execute("DELETE FROM inbox WHERE id = ?1", [id])? {
        0 => Err(not_found(id)),
        _ => Ok(()),
    }
}

fn not_found(id: i64) -> Error {
    Error::NotFound(format!(
        "no page {id} in the inbox; `onrecord inbox` lists the pages waiting"
    ))
}
