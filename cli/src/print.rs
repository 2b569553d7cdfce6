//! How the CLI prints for people: quotes, clips, check reports, search results, speakers, the
//! doctor's report; and JSON for scripts.

use std::io::IsTerminal;

use onrecord::model::Medium;
use onrecord::{Error, Quote, QuoteId};

pub(crate) fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Error> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::Invalid(format!("cannot write JSON: {e}")))?;
    out!("{text}");
    Ok(())
}

pub(crate) fn print_check(report: &onrecord::check::CheckReport) {
    use onrecord::check::Verdict;
    let tty = std::io::stdout().is_terminal();
    if !report.unclosed.is_empty() {
        out!(
            "{} quotation mark(s) never closed (at characters {:?}): the words after them were \
             not checked; close the quotation and check again",
            report.unclosed.len(),
            report.unclosed
        );
    }
    if report.findings.is_empty() {
        out!("no quotations found in the draft");
        return;
    }
    for f in &report.findings {
        let (mark, colour) = match f.verdict {
            Verdict::Verified => ("✓ verified", "32"),
            Verdict::Misquoted => ("✗ misquoted", "33"),
            Verdict::Misattributed => ("✗ misattributed", "31"),
            Verdict::Unverified => ("? unverified", "35"),
        };
        let label = if tty {
            format!("\x1b[1;{colour}m{mark}\x1b[0m")
        } else {
            mark.to_owned()
        };
        out!("{label}  “{}”", f.quote);
        for p in &f.problems {
            out!("    {}", p.message);
        }
        match (&f.record, f.verdict) {
            (Some(r), Verdict::Verified) => {
                out!("    on record: {}", onrecord::check::describe_record(r))
            }
            (None, _) => out!("    nothing like it is in the library"),
            _ => {}
        }
    }
    let count = |v: Verdict| report.findings.iter().filter(|f| f.verdict == v).count();
    out!(
        "{} quotation(s): {} verified, {} misquoted, {} misattributed, {} unverified",
        report.findings.len(),
        count(Verdict::Verified),
        count(Verdict::Misquoted),
        count(Verdict::Misattributed),
        count(Verdict::Unverified)
    );
}

pub(crate) fn print_clip(
    clip: &onrecord::clip::Clip,
    report: Option<&onrecord::library::ClipReport>,
) {
    let a = &clip.article;
    if let Some(t) = &a.title {
        out!("{t}");
    }
    let meta: Vec<String> = [
        a.site_name.clone(),
        a.byline.clone(),
        a.published.map(|d| d.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !meta.is_empty() {
        out!("{}", meta.join(" · "));
    }
    out!("{} quotation(s)", clip.quotes.len());
    for (n, q) in clip.quotes.iter().enumerate() {
        let who = match &q.speaker {
            Some(s) => {
                let mut who = s.clone();
                for part in [q.title.as_deref(), q.organization.as_deref()]
                    .into_iter()
                    .flatten()
                {
                    who.push_str(", ");
                    who.push_str(part);
                }
                with_co_speakers(who, &q.co_speakers)
            }
            None => "speaker unknown".to_owned(),
        };
        let how = match (&q.medium, &q.told_to) {
            (Medium::Told, Some(to)) => format!("told {to}"),
            (m, _) => m.to_string(),
        };
        let id = q.id.map(|i| format!(" [{i}]")).unwrap_or_default();
        let at = q
            .locator
            .and_then(|l| l.label())
            .map(|l| format!(" · {l}"))
            .unwrap_or_default();
        out!(
            "{:>3}.{id} “{}”
     {who} · {how}{at}",
            n + 1,
            q.text
        );
        if let Some(note) = &q.note {
            out!("     ({note})");
        }
    }
    let unnamed = clip
        .quotes
        .iter()
        .find(|q| q.speaker.is_none() && q.mention.is_some());
    if let (true, Some(label)) = (
        clip.format.is_transcript(),
        unnamed.and_then(|q| q.mention.as_deref()),
    ) {
        out!("name a label to save its words: --speaker \"{label}=Their Name\"");
    }
    if !clip.unclosed.is_empty() {
        out!(
            "{} quotation mark(s) never closed (at characters {:?}): not clipped",
            clip.unclosed.len(),
            clip.unclosed
        );
    }
    if let Some(r) = report {
        out!(
            "saved {} quote(s){}{}",
            r.saved.len(),
            if r.already_saved > 0 {
                format!(", {} already saved", r.already_saved)
            } else {
                String::new()
            },
            if r.without_speaker > 0 {
                format!(
                    ", {} without a speaker not saved (add them with `onrecord add`)",
                    r.without_speaker
                )
            } else {
                String::new()
            }
        );
    }
}

pub(crate) fn affiliation_line(a: &onrecord::model::Affiliation) -> String {
    let mut s = [a.title.as_deref(), a.organization.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    match (a.valid_from, a.valid_to) {
        (Some(f), Some(t)) if f == t => s.push_str(&format!(" ({f})")),
        (Some(f), Some(t)) => s.push_str(&format!(" ({f} – {t})")),
        (Some(f), None) => s.push_str(&format!(" (from {f})")),
        (None, Some(t)) => s.push_str(&format!(" (until {t})")),
        (None, None) => {}
    }
    s
}

pub(crate) fn print_speaker(s: &onrecord::Speaker) {
    out!("{}", s.name);
    if !s.aliases.is_empty() {
        out!("  also known as: {}", s.aliases.join(", "));
    }
    for a in &s.affiliations {
        out!("  {}", affiliation_line(a));
    }
}

/// "Jane Roe, co-chair (with John Doe)": the speaker as described, and whoever said it with
/// them.
fn with_co_speakers(who: String, co_speakers: &[String]) -> String {
    match co_speakers.is_empty() {
        true => who,
        false => format!("{who} (with {})", co_speakers.join(", ")),
    }
}

/// The attribution as a reporter would read it: name, title, organization · how · where · when.
fn attribution(q: &Quote) -> String {
    let mut who = q.speaker.clone();
    for part in [q.title.as_deref(), q.organization.as_deref()]
        .into_iter()
        .flatten()
    {
        who.push_str(", ");
        who.push_str(part);
    }
    let mut parts = vec![with_co_speakers(who, &q.co_speakers)];
    parts.push(match (&q.medium, &q.told_to) {
        (Medium::Told, Some(to)) => format!("told {to}"),
        (m, _) => m.to_string(),
    });
    if let Some(outlet) = q.source.as_ref().and_then(|s| s.outlet.clone()) {
        parts.push(outlet);
    }
    if let Some(locator) = q.locator.and_then(|l| l.label()) {
        parts.push(locator);
    }
    if let Some(date) = q.date() {
        parts.push(date.to_string());
    }
    parts.join(" · ")
}

pub(crate) fn describe(q: &Quote) -> String {
    let mut out = format!("[{}] “{}”\n  {}\n", q.id, q.text, attribution(q));
    if let Some(s) = &q.source {
        let line = [s.title.as_deref(), s.author.as_deref(), s.url.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        if !line.is_empty() {
            out.push_str(&format!("  source: {line}\n"));
        }
    }
    if !q.stories.is_empty() {
        out.push_str(&format!("  stories: {}\n", q.stories.join(", ")));
    }
    if !q.tags.is_empty() {
        out.push_str(&format!("  tags: {}\n", q.tags.join(", ")));
    }
    if let Some(n) = &q.notes {
        out.push_str(&format!("  notes: {n}\n"));
    }
    out
}

/// A snippet for a terminal: marks in bold on a TTY, bare text otherwise; HTML entities undone.
fn terminal_snippet(html: &str, tty: bool) -> String {
    let (on, off) = if tty {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    html.replace("<mark>", on)
        .replace("</mark>", off)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

pub(crate) fn print_search(query: &str, results: &onrecord::SearchResults) {
    let tty = std::io::stdout().is_terminal();
    if results.total == 0 {
        out!("no quotes match {query:?}");
        return;
    }
    out!(
        "{} quote(s) match {query:?}{}",
        results.total,
        if results.hits.len() < results.total {
            format!(", showing {}", results.hits.len())
        } else {
            String::new()
        }
    );
    for hit in &results.hits {
        out!(
            "[{}] “{}”\n     {}",
            hit.quote.id,
            terminal_snippet(&hit.snippet, tty),
            attribution(&hit.quote)
        );
    }
}

pub(crate) fn print_doctor(r: &onrecord::DoctorReport) {
    out!("database: {}", r.database.display());
    out!("index:    {}", r.index.display());
    out!(
        "integrity: {}",
        if r.integrity == ["ok"] {
            "ok".to_owned()
        } else {
            r.integrity.join("; ")
        }
    );
    out!(
        "quotes in database: {}; documents in index: {}",
        r.quotes_in_store,
        r.documents_in_index
    );
    out!(
        "changes: database at {}, index at {} ({} pending)",
        r.store_sequence,
        r.index_sequence,
        r.pending_changes
    );
    let ids = |v: &[QuoteId]| {
        v.iter()
            .take(20)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !r.missing_from_index.is_empty() {
        out!(
            "not searchable ({}): {}",
            r.missing_from_index.len(),
            ids(&r.missing_from_index)
        );
    }
    if !r.extra_in_index.is_empty() {
        out!(
            "deleted but still in the index ({}): {}",
            r.extra_in_index.len(),
            ids(&r.extra_in_index)
        );
    }
    if !r.duplicated_in_index.is_empty() {
        out!(
            "indexed twice ({}): {}",
            r.duplicated_in_index.len(),
            ids(&r.duplicated_in_index)
        );
    }
    if r.healthy() {
        out!("healthy");
    } else {
        out!("problems found: run `onrecord reindex` to rebuild the index from the database");
    }
}
