//! RIS records (EndNote, Zotero, Mendeley, RefWorks): `TAG  - value` lines, one record per quote,
//! each ending with `ER  - `. Lines end with CRLF as the format's specification asks.

use chrono::Datelike;

use super::csl::{authors, item_type, note, title};
use super::{Entry, issued};

/// The RIS type tag for a CSL type.
pub fn type_tag(csl_type: &str) -> &'static str {
    match csl_type {
        "article-newspaper" => "NEWS",
        "article-magazine" => "MGZN",
        "post-weblog" => "BLOG",
        "post" | "webpage" => "ELEC",
        "personal_communication" => "PCOMM",
        "interview" | "speech" => "GEN",
        "broadcast" => "VIDEO",
        _ => "GEN",
    }
}

pub fn render(entries: &[Entry<'_>], keys: &[String]) -> String {
    let mut out = String::new();
    for (entry, key) in entries.iter().zip(keys) {
        record(&mut out, entry, key);
    }
    out
}

fn push(out: &mut String, tag: &str, value: &str) {
    let value: String = value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    out.push_str(tag);
    out.push_str("  - ");
    out.push_str(value.trim());
    out.push_str("\r\n");
}

fn record(out: &mut String, entry: &Entry<'_>, key: &str) {
    let item = entry.item;
    let csl_type = item_type(item);
    push(out, "TY", type_tag(csl_type));
    push(out, "ID", key);
    for name in authors(item) {
        let name = match super::split_name(&name) {
            (family, Some(given)) => format!("{family}, {given}"),
            (literal, None) => literal,
        };
        push(out, "AU", &name);
    }
    if let Some(title) = title(item) {
        push(out, "TI", &title);
    }
    match csl_type {
        // M3, the type of work, describes an untitled one.
        _ if super::csl::description(item).is_some() => push(
            out,
            "M3",
            &super::csl::description(item).unwrap_or_default(),
        ),
        "speech" => push(out, "M3", "Speech"),
        "interview" => push(out, "M3", "Interview"),
        "personal_communication" => push(out, "M3", "Personal communication"),
        _ => {}
    }
    if let Some(source) = &item.source {
        if let Some(outlet) = &source.outlet {
            let tag = match csl_type {
                "article-newspaper" | "article-magazine" | "post-weblog" => "T2",
                _ => "PB",
            };
            push(out, tag, outlet);
        }
        if let Some(url) = &source.url {
            push(out, "UR", url);
            let accessed = source.accessed.unwrap_or(source.created_at.date_naive());
            push(out, "Y2", &accessed.format("%Y/%m/%d").to_string());
        }
        if let Some(language) = &source.language {
            push(out, "LA", language);
        }
    }
    if let Some(pages) = entry.pages("-") {
        // SP is the start page, or the whole range where there is no EP.
        push(out, "SP", &pages);
    }
    if let Some(date) = issued(item) {
        push(out, "PY", &date.year().to_string());
        push(out, "DA", &date.format("%Y/%m/%d").to_string());
    }
    // One N1 per quote: a RIS value is one line.
    for quote in &entry.quotes {
        push(out, "N1", &note(quote));
    }
    let mut tags: Vec<&String> = entry.quotes.iter().flat_map(|q| &q.quote.tags).collect();
    tags.sort();
    tags.dedup();
    for tag in tags {
        push(out, "KW", tag);
    }
    out.push_str("ER  - \r\n\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::csl::tests::citable;
    use crate::model::SourceKind;

    #[test]
    fn a_newspaper_record_has_its_tags_in_order() {
        let c = citable(
            "pivotal",
            "Vijayasimha Alilughatta",
            Some(SourceKind::Article),
        );
        let text = render(&crate::cite::entries(&[c]), &["k".into()]);
        let tags: Vec<&str> = text
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| &l[..2])
            .collect();
        assert_eq!(
            tags,
            [
                "TY", "ID", "AU", "AU", "TI", "T2", "UR", "Y2", "LA", "PY", "DA", "N1", "ER"
            ]
        );
        assert!(text.starts_with("TY  - NEWS\r\n"));
        assert!(text.contains("DA  - 2025/03/01\r\n"));
    }
}
