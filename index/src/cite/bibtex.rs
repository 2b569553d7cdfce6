//! BibLaTeX entries (read by biber, pandoc and every reference manager that reads BibTeX).
//!
//! The file is UTF-8: non-ASCII names stay as they are (biber and pandoc read them), and the
//! characters TeX treats specially (`{ } % & $ # _ ~ ^ \`) are escaped. Titles are wrapped in
//! an extra pair of braces so styles that change case cannot turn "DeepSeek" into "Deepseek".
//! The quote and its attribution go in `annotation`, which standard styles do not print.

use std::fmt::Write;

use super::csl::{authors, item_type, title};
use super::{Entry, issued};

/// The BibLaTeX entry type for a CSL type.
pub fn entry_type(csl_type: &str) -> &'static str {
    match csl_type {
        "article-newspaper" | "article-magazine" | "article" | "article-journal" => "article",
        "post-weblog" | "post" | "webpage" => "online",
        _ => "misc",
    }
}

pub fn render(entries: &[Entry<'_>], keys: &[String]) -> String {
    let mut out = String::new();
    for (e, key) in entries.iter().zip(keys) {
        entry(&mut out, e, key);
        out.push('\n');
    }
    if out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn entry(out: &mut String, e: &Entry<'_>, key: &str) {
    let item = e.item;
    let csl_type = item_type(item);
    let kind = entry_type(csl_type);
    let mut fields: Vec<(&str, String)> = Vec::new();
    let names = authors(item);
    if !names.is_empty() {
        let names: Vec<String> = names
            .iter()
            .map(|n| match super::split_name(n) {
                (family, Some(given)) => format!("{}, {}", escape(&family), escape(&given)),
                // An organization or a single name: braces keep it whole.
                (literal, None) => format!("{{{}}}", escape(&literal)),
            })
            .collect();
        fields.push(("author", names.join(" and ")));
    }
    if let Some(title) = title(item) {
        fields.push(("title", format!("{{{}}}", escape(&title))));
    }
    if let Some(source) = &item.source {
        if let Some(outlet) = &source.outlet {
            let field = match kind {
                "article" => "journaltitle",
                "online" => "organization",
                _ => "publisher",
            };
            fields.push((field, escape(outlet)));
        }
        if let Some(url) = &source.url {
            fields.push(("url", escape_url(url)));
            let accessed = source.accessed.unwrap_or(source.created_at.date_naive());
            fields.push(("urldate", accessed.format("%Y-%m-%d").to_string()));
        }
        if let Some(language) = &source.language {
            fields.push(("langid", escape(&language_name(language))));
        }
    }
    let described = super::csl::description(item);
    match csl_type {
        // An untitled work is described where a title would be read from.
        _ if described.is_some() => fields.push((
            "howpublished",
            escape(&described.clone().unwrap_or_default()),
        )),
        "article-newspaper" => fields.push(("entrysubtype", "newspaper".into())),
        "article-magazine" => fields.push(("entrysubtype", "magazine".into())),
        "personal_communication" => fields.push(("howpublished", "Personal communication".into())),
        "speech" => fields.push(("howpublished", "Speech".into())),
        "interview" => fields.push(("howpublished", "Interview".into())),
        "document"
            if item
                .source
                .as_ref()
                .is_some_and(|s| s.kind == crate::model::SourceKind::PressRelease) =>
        {
            fields.push(("howpublished", "Press release".into()))
        }
        _ => {}
    }
    if let Some(date) = issued(item) {
        fields.push(("date", date.format("%Y-%m-%d").to_string()));
    }
    if let Some(pages) = e.pages("--") {
        fields.push(("pages", pages));
    }
    fields.push(("annotation", escape(&e.note())));
    let _ = writeln!(out, "@{kind}{{{key},");
    let width = fields.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
    for (name, value) in &fields {
        let _ = writeln!(out, "  {name:<width$} = {{{value}}},");
    }
    out.push_str("}\n");
}

/// The language names BibLaTeX's `langid` (babel/polyglossia) expects.
fn language_name(code: &str) -> String {
    match code {
        "en" => "english",
        "zh" => "chinese",
        "fr" => "french",
        "de" => "german",
        "es" => "spanish",
        "it" => "italian",
        "pt" => "portuguese",
        "ja" => "japanese",
        "ru" => "russian",
        other => other,
    }
    .to_owned()
}

/// Escapes TeX's special characters; newlines become spaces (a field is one paragraph).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            '\n' => out.push('\n'),
            '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// URLs are verbatim in BibLaTeX; only braces (which would end the field) and `%` (a comment
/// in some readers) are escaped.
fn escape_url(url: &str) -> String {
    url.replace('%', "\\%")
        .replace('{', "%7B")
        .replace('}', "%7D")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::csl::tests::citable;
    use crate::model::SourceKind;

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(escape("50% & {x} #1 a_b"), "50\\% \\& \\{x\\} \\#1 a\\_b");
        assert_eq!(
            escape("~^\\"),
            "\\textasciitilde{}\\textasciicircum{}\\textbackslash{}"
        );
        assert_eq!(escape("Müller"), "Müller");
    }

    #[test]
    fn an_article_entry_has_its_journal_date_and_annotation() {
        let c = citable(
            "Growth & 100% {sure}",
            "Jürgen Müller",
            Some(SourceKind::Article),
        );
        let text = render(&crate::cite::entries(&[c]), &["muller2025growth".into()]);
        assert!(text.starts_with("@article{muller2025growth,\n"), "{text}");
        assert!(
            text.contains("author       = {Potkin, Fanny and Baptista, Eduardo},"),
            "{text}"
        );
        assert!(text.contains("journaltitle = {Reuters},"), "{text}");
        assert!(text.contains("date         = {2025-03-01},"), "{text}");
        assert!(text.contains("Growth \\& 100\\% \\{sure\\}"), "{text}");
        assert!(text.contains("Jürgen Müller said"), "{text}");
    }
}
