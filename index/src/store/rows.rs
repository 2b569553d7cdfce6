//! Rows into values: the columns a quote is read with, and the quick readers of stored days
//! and times (see `stored_day` and `stored_time`).

use super::*;

/// A quote's own columns (0–17), then its speaker's and source's ids (18, 19).
pub(super) const QUOTE_COLUMNS: &str = "
    q.id, q.text, q.title, q.organization, q.organization_description, q.medium, q.told_to,
    q.said_on, q.start_offset, q.end_offset, q.language, q.notes, q.created_at, q.updated_at,
    (SELECT group_concat(tag, char(31)) FROM quote_tag WHERE quote_id = q.id),
    (SELECT group_concat(cs.name, char(31) ORDER BY c.position)
     FROM quote_co_speaker c JOIN speaker cs ON cs.id = c.speaker_id WHERE c.quote_id = q.id),
    (SELECT group_concat(st.name, char(31) ORDER BY st.name_key)
     FROM quote_story x JOIN story st ON st.id = x.story_id WHERE x.quote_id = q.id),
    q.locator, q.speaker_id, q.source_id";
/// What a quote shows of its source (`source_ref_at`).
pub(super) const SOURCE_REF_COLUMNS: &str = "kind, title, outlet, authors, url, published";

/// Quotes with their speaker's name (20) and source (21–26) joined.
pub(super) static QUOTE_SELECT: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {QUOTE_COLUMNS}, sp.name, {}
         FROM quote q
         JOIN speaker sp ON sp.id = q.speaker_id
         LEFT JOIN source s ON s.id = q.source_id",
        SOURCE_REF_COLUMNS
            .split(", ")
            .map(|c| format!("s.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    )
});

/// A locator as the `locator` column keeps it (the JSON of `clip --json`).
pub(super) fn locator_text(locator: &crate::model::Locator) -> String {
    serde_json::to_string(locator).expect("a locator is plain JSON")
}

/// A quote from a `QUOTE_SELECT` row.
pub(super) fn quote_from_row(r: &Row<'_>) -> rusqlite::Result<Quote> {
    let source = match r.get::<_, Option<i64>>(19)? {
        Some(id) => Some(source_ref_at(r, SourceId(id), 21)?),
        None => None,
    };
    quote_of_row(r, r.get(20)?, source)
}

/// A quote from a row that starts with `QUOTE_COLUMNS`, given its speaker's name and source.
pub(super) fn quote_of_row(
    r: &Row<'_>,
    speaker: String,
    source: Option<SourceRef>,
) -> rusqlite::Result<Quote> {
    let medium = r.get_ref(5)?.as_str().unwrap_or_default().parse();
    let tags: Option<String> = r.get(14)?;
    let mut tags: Vec<String> = tags
        .map(|t| t.split('\u{1f}').map(str::to_owned).collect())
        .unwrap_or_default();
    tags.sort();
    let co_speakers: Option<String> = r.get(15)?;
    let stories: Option<String> = r.get(16)?;
    Ok(Quote {
        id: QuoteId(r.get(0)?),
        text: r.get(1)?,
        speaker,
        co_speakers: co_speakers
            .map(|t| t.split('\u{1f}').map(str::to_owned).collect())
            .unwrap_or_default(),
        title: r.get(2)?,
        organization: r.get(3)?,
        organization_description: r.get(4)?,
        medium: medium.unwrap_or_default(),
        told_to: r.get(6)?,
        said_on: day_at(r, 7)?,
        source,
        start: r.get::<_, Option<i64>>(8)?.map(|v| v as usize),
        end: r.get::<_, Option<i64>>(9)?.map(|v| v as usize),
        locator: r
            .get_ref(17)?
            .as_str_or_null()?
            .and_then(|t| serde_json::from_str(t).ok()),
        tags,
        stories: stories
            .map(|t| t.split('\u{1f}').map(str::to_owned).collect())
            .unwrap_or_default(),
        language: r.get(10)?,
        notes: r.get(11)?,
        created_at: time_at(r, 12)?,
        updated_at: time_at(r, 13)?,
    })
}

/// A source as quotes show it, from `SOURCE_REF_COLUMNS` at `at`.
pub(super) fn source_ref_at(r: &Row<'_>, id: SourceId, at: usize) -> rusqlite::Result<SourceRef> {
    let authors: Vec<String> =
        serde_json::from_str(r.get_ref(at + 3)?.as_str().unwrap_or("[]")).unwrap_or_default();
    Ok(SourceRef {
        id,
        kind: r
            .get_ref(at)?
            .as_str()
            .unwrap_or_default()
            .parse()
            .unwrap_or_default(),
        title: r.get(at + 1)?,
        outlet: r.get(at + 2)?,
        author: (!authors.is_empty()).then(|| authors.join("; ")),
        url: r.get(at + 4)?,
        published: day_at(r, at + 5)?,
    })
}

/// A stored time. Quotes store them in UTC as RFC 3339 with a space (as rusqlite writes
/// them), which `stored_time` reads; other offsets go to chrono's RFC 3339 reader, which is
/// several times faster than rusqlite's format-driven one, and anything else to rusqlite. A
/// search reads two per result.
pub(super) fn time_at(r: &Row<'_>, column: usize) -> rusqlite::Result<DateTime<Utc>> {
    if let Ok(text) = r.get_ref(column)?.as_str()
        && let Some(time) = stored_time(text).or_else(|| {
            DateTime::parse_from_rfc3339(text)
                .ok()
                .map(|t| t.with_timezone(&Utc))
        })
    {
        return Ok(time);
    }
    r.get(column)
}

/// A UTC time as the store writes it: a `stored_day`, a space or `T`, two-digit hours, minutes
/// and seconds, up to nine digits of a second, then `+00:00` or `Z`; chrono checks that the
/// time exists. (chrono's RFC 3339 reader takes about 800 instructions a time.)
pub(super) fn stored_time(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    let rest = text
        .strip_suffix("+00:00")
        .or_else(|| text.strip_suffix('Z'))?
        .as_bytes();
    if rest.len() < 19 || !matches!(b[10], b' ' | b'T') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let nanos = match &rest[19..] {
        [] => 0,
        [b'.', digits @ ..] if (1..=9).contains(&digits.len()) => {
            number(digits)? * 10u32.pow(9 - digits.len() as u32)
        }
        _ => return None,
    };
    stored_day(&text[..10])?
        .and_hms_nano_opt(
            number(&b[11..13])?,
            number(&b[14..16])?,
            number(&b[17..19])?,
            nanos,
        )
        .map(|t| t.and_utc())
}

/// A stored day (YYYY-MM-DD), or none; read as `time_at` reads times.
pub(super) fn day_at(r: &Row<'_>, column: usize) -> rusqlite::Result<Option<NaiveDate>> {
    if let Ok(Some(text)) = r.get_ref(column)?.as_str_or_null()
        && let Some(day) = stored_day(text).or_else(|| text.parse::<NaiveDate>().ok())
    {
        return Ok(Some(day));
    }
    r.get(column)
}

/// A day as the store writes it, four, two and two digits between hyphens; chrono checks that
/// the day exists. chrono's general reader (`str::parse`) takes over a thousand instructions a
/// day, and a search reads two per result.
pub(super) fn stored_day(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(number(&b[..4])? as i32, number(&b[5..7])?, number(&b[8..])?)
}

/// The quotes with these ids in the order given (missing ids skipped).
pub(crate) fn quotes_by_id(conn: &Connection, ids: &[QuoteId]) -> Result<Vec<Quote>> {
    let mut by_id: HashMap<i64, Quote> = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let placeholders = vec!["?"; chunk.len()].join(",");
        let sql = format!("{} WHERE q.id IN ({placeholders})", *QUOTE_SELECT);
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params_from_iter(chunk.iter().map(|id| id.0)),
            quote_from_row,
        )?;
        for row in rows {
            let q = row?;
            by_id.insert(q.id.0, q);
        }
    }
    Ok(ids.iter().filter_map(|id| by_id.remove(&id.0)).collect())
}

/// Every quote in id order, in one pass (export).
pub(crate) fn all_quotes(conn: &Connection) -> Result<Vec<Quote>> {
    let sql = format!("{} ORDER BY q.id", *QUOTE_SELECT);
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map([], quote_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
