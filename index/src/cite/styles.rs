//! Formatted references in APA 7, MLA 9 and Chicago author-date, rendered by the hayagriva CSL
//! processor from our CSL-JSON items with the official CSL styles and locales bundled in
//! hayagriva's archive (so rendering needs no file and no network).
//!
//! Quotes from the same source share one reference; the list is sorted as the style sorts it.
//! Output is plain text, HTML (`<i>` for italics, text escaped) or Markdown (`*` for italics).

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use hayagriva::archive::{ArchivedStyle, locales};
use hayagriva::citationberg::json::Item;
use hayagriva::citationberg::taxonomy::Locator as CslLocator;
use hayagriva::citationberg::{FontStyle, FontWeight, IndependentStyle, Style};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChild,
    ElemChildren, Formatting, LocatorPayload, SpecificLocator,
};

use super::{Entry, Format, Markup, escape_markdown};
use crate::error::{Error, Result};

/// The archived CSL style for a reference format.
fn archived(format: Format) -> Result<ArchivedStyle> {
    match format {
        Format::Apa => Ok(ArchivedStyle::AmericanPsychologicalAssociation),
        Format::Mla => Ok(ArchivedStyle::ModernLanguageAssociation),
        Format::Chicago => Ok(ArchivedStyle::ChicagoAuthorDate),
        other => Err(Error::Invalid(format!(
            "{} is not a reference style; use apa, mla or chicago",
            other.name()
        ))),
    }
}

fn independent(format: Format) -> Result<IndependentStyle> {
    match archived(format)?.get() {
        Style::Independent(style) => Ok(style),
        Style::Dependent(_) => Err(Error::Invalid(format!(
            "the bundled {} style depends on another style and cannot be used alone",
            format.name()
        ))),
    }
}

/// The CSL style (XML) OnRecord renders `format` with, so another processor (pandoc, Zotero)
/// can render the same references.
pub fn style_xml(format: Format) -> Result<String> {
    archived(format)?
        .get()
        .to_xml()
        .map_err(|e| Error::Invalid(format!("cannot write the {} style: {e}", format.name())))
}

/// One formatted reference per source (and per quote without one), one per line.
pub fn render(
    entries: &[Entry<'_>],
    keys: &[String],
    format: Format,
    markup: Markup,
) -> Result<String> {
    let style = independent(format)?;
    let locales = locales();
    let mut csl_items: Vec<Item> = Vec::new();
    for (entry, key) in entries.iter().zip(keys) {
        let mut value = super::csl::item(entry, key);
        // Chicago names the recipient itself ("email message to The Example Times"): the
        // description must not say it again.
        if format == Format::Chicago
            && value.get("recipient").is_some()
            && let Some(genre) = value.get_mut("genre")
            && genre.as_str().is_some_and(|g| g.starts_with("Email to "))
        {
            *genre = "email message".into();
        }
        let parsed: Item = serde_json::from_value(value)
            .map_err(|e| Error::Invalid(format!("cannot build a CSL item for {key}: {e}")))?;
        csl_items.push(parsed);
    }
    let cased = mixed_case_words(entries);
    let mut driver = BibliographyDriver::new();
    for item in &csl_items {
        driver.citation(CitationRequest::from_items(
            vec![CitationItem::with_entry(item)],
            &style,
            &locales,
        ));
    }
    // A quote with a page or a time is cited in the text with it ("(Lopez, 2026, p. 4)"):
    // those citations follow their source's reference.
    let located: Vec<(usize, String, CslLocator)> = entries
        .iter()
        .enumerate()
        .flat_map(|(at, entry)| entry.quotes.iter().map(move |q| (at, q)))
        .filter_map(|(at, q)| {
            let l = q.quote.locator?;
            let kind = match l {
                crate::model::Locator::Page { .. } => CslLocator::Page,
                crate::model::Locator::Time { .. } => CslLocator::Timestamp,
                crate::model::Locator::Chars { .. } => return None,
            };
            Some((at, l.cited()?, kind))
        })
        .collect();
    for (at, value, kind) in &located {
        driver.citation(CitationRequest::from_items(
            vec![CitationItem::new(
                &csl_items[*at],
                Some(SpecificLocator(*kind, LocatorPayload::Str(value))),
                None,
                false,
                None,
            )],
            &style,
            &locales,
        ));
    }
    let rendered = driver.finish(BibliographyRequest::new(&style, None, &locales));
    let mut in_text: HashMap<String, Vec<String>> = HashMap::new();
    for ((at, _, _), citation) in located
        .iter()
        .zip(rendered.citations.iter().skip(csl_items.len()))
    {
        let mut line = String::new();
        write_children(&mut line, &citation.citation, markup, &cased);
        let key = keys[*at].clone();
        let list = in_text.entry(key).or_default();
        if !list.contains(&line) {
            list.push(line);
        }
    }
    let with_in_text = |line: String, key: &str| match in_text.get(key) {
        Some(list) => format!("{} In text: {}.", line.trim_end(), list.join("; ")),
        None => line,
    };
    let mut out = String::new();
    let mut lines_seen = HashSet::new();
    let mut listed = HashSet::new();
    let mut push_line = |line: String, out: &mut String| {
        let line = line.trim().to_owned();
        if !line.is_empty() && lines_seen.insert(line.clone()) {
            out.push_str(&line);
            out.push('\n');
        }
    };
    if let Some(bibliography) = rendered.bibliography {
        for entry in bibliography.items {
            let mut line = String::new();
            if let Some(first) = &entry.first_field {
                write_child(&mut line, first, markup, &cased);
                line.push(' ');
            }
            write_children(&mut line, &entry.content, markup, &cased);
            if !line.trim().is_empty() {
                let line = with_in_text(line, &entry.key);
                listed.insert(entry.key);
                push_line(line, &mut out);
            }
        }
    }
    // Styles leave some items out of the reference list — APA and Chicago cite a personal
    // communication (an email to the reporter) only in the text. Those get their in-text
    // citation instead, so no quote silently disappears from an export.
    for ((item, citation), key) in csl_items.iter().zip(&rendered.citations).zip(keys) {
        if item.id().is_some_and(|id| listed.contains(id.as_ref())) {
            continue;
        }
        // (A personal communication with a time: its in-text citations are the located ones.)
        match in_text.get(key.as_str()) {
            Some(list) => push_line(list.join("; "), &mut out),
            None => {
                let mut line = String::new();
                write_children(&mut line, &citation.citation, markup, &cased);
                push_line(line, &mut out);
            }
        }
    }
    if markup == Markup::Html && !out.is_empty() {
        out = format!(
            "<ul class=\"references\">\n{}</ul>\n",
            out.lines()
                .map(|l| format!("<li>{l}</li>\n"))
                .collect::<String>()
        );
    }
    Ok(out)
}

/// Words written with capitals inside them ("DeepSeek", "OpenAI", "iPhone"), by their
/// lowercase form. hayagriva's title case lowercases everything after a word's first letter,
/// which would print "Deepseek"; CSL-JSON has no portable way to protect a word, so the
/// rendered text gets these words back as the user wrote them.
fn mixed_case_words(entries: &[Entry<'_>]) -> HashMap<String, String> {
    let mut words = HashMap::new();
    for entry in entries {
        let source = entry.item.source.as_ref();
        let texts = [
            source.and_then(|s| s.title.as_deref()),
            source.and_then(|s| s.outlet.as_deref()),
        ];
        for text in texts.into_iter().flatten() {
            for word in text.split(|c: char| !c.is_alphanumeric()) {
                if word.chars().skip(1).any(char::is_uppercase)
                    && word.chars().any(char::is_lowercase)
                {
                    words.insert(word.to_lowercase(), word.to_owned());
                }
            }
        }
    }
    words
}

fn restore_case(line: &str, words: &HashMap<String, String>) -> String {
    // URLs are case-sensitive and come out of the processor as they went in.
    if words.is_empty() || line.contains("://") {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        match words.get(&word.to_lowercase()) {
            Some(original) => out.push_str(original),
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in line.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

type Cased = HashMap<String, String>;

fn write_children(out: &mut String, children: &ElemChildren, markup: Markup, cased: &Cased) {
    for child in &children.0 {
        write_child(out, child, markup, cased);
    }
}

fn write_child(out: &mut String, child: &ElemChild, markup: Markup, cased: &Cased) {
    match child {
        ElemChild::Text(text) => {
            let restored = restore_case(&text.text, cased);
            write_text(out, &restored, text.formatting, markup, None)
        }
        ElemChild::Elem(elem) => write_children(out, &elem.children, markup, cased),
        ElemChild::Markup(text) => write_text(out, text, Formatting::default(), markup, None),
        ElemChild::Link { text, url } => {
            write_text(out, &text.text, text.formatting, markup, Some(url))
        }
        ElemChild::Transparent { .. } => {}
    }
}

fn write_text(out: &mut String, text: &str, f: Formatting, markup: Markup, url: Option<&str>) {
    let italic = f.font_style == FontStyle::Italic;
    let bold = f.font_weight == FontWeight::Bold;
    match markup {
        Markup::Text => out.push_str(text),
        Markup::Html => {
            let body = escape_html(text);
            let body = match (italic, bold) {
                (true, true) => format!("<b><i>{body}</i></b>"),
                (true, false) => format!("<i>{body}</i>"),
                (false, true) => format!("<b>{body}</b>"),
                (false, false) => body,
            };
            match url {
                Some(url) => {
                    let _ = write!(out, "<a href=\"{}\">{body}</a>", escape_html(url));
                }
                None => out.push_str(&body),
            }
        }
        Markup::Markdown => {
            let escaped = escape_markdown(text);
            // Emphasis markers must hug the text: "*Reuters*" works, "* Reuters*" does not.
            let lead = &escaped[..escaped.len() - escaped.trim_start().len()];
            let trail = &escaped[escaped.trim_end().len()..];
            let core = escaped.trim();
            let marker = match (italic, bold) {
                (true, true) => "***",
                (true, false) => "*",
                (false, true) => "**",
                (false, false) => "",
            };
            let body = if core.is_empty() {
                escaped.clone()
            } else {
                format!("{lead}{marker}{core}{marker}{trail}")
            };
            match url {
                Some(url) => {
                    let _ = write!(out, "[{body}](<{}>)", url.replace('>', "%3E"));
                }
                None => out.push_str(&body),
            }
        }
    }
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::csl::tests::citable;
    use crate::cite::keys;
    use crate::model::SourceKind;

    fn one(format: Format, markup: Markup) -> String {
        let items = [citable(
            "pivotal",
            "Vijayasimha Alilughatta",
            Some(SourceKind::Article),
        )];
        let entries = crate::cite::entries(&items);
        render(&entries, &keys::assign(&[&items[0]]), format, markup).unwrap()
    }

    #[test]
    fn chinese_names_keep_family_name_first_with_no_inversion_or_initials() {
        let mut item = citable("pivotal", "梁文锋", Some(SourceKind::Article));
        if let Some(s) = item.source.as_mut() {
            s.authors = vec!["梁文锋".into(), "欧阳瑞峰".into()];
        }
        let items = [item];
        let entries = crate::cite::entries(&items);
        let keys = keys::assign(&[&items[0]]);
        for format in [Format::Apa, Format::Mla, Format::Chicago] {
            let text = render(&entries, &keys, format, Markup::Text).unwrap();
            assert!(text.starts_with("梁文锋, "), "{format:?}: {text}");
            assert!(text.contains("欧阳瑞峰."), "{format:?}: {text}");
            assert!(
                !text.contains("梁, ") && !text.contains("文."),
                "{format:?}: {text}"
            );
        }
        let csl = crate::cite::csl::item(&entries[0], &keys[0]);
        assert_eq!(csl["author"][1]["family"], "欧阳");
        assert_eq!(csl["author"][1]["given"], "瑞峰");
    }

    #[test]
    fn apa_renders_a_newspaper_article() {
        let text = one(Format::Apa, Markup::Text);
        assert_eq!(
            text.trim(),
            "Potkin, F., & Baptista, E. (2025, March 1). DeepSeek rushes to launch R2. Reuters. \
             https://example.org/r2"
        );
        let html = one(Format::Apa, Markup::Html);
        assert!(html.contains("<i>Reuters</i>"), "{html}");
        assert!(html.contains("&amp; Baptista"), "{html}");
        let md = one(Format::Apa, Markup::Markdown);
        assert!(md.contains("*Reuters*"), "{md}");
    }

    #[test]
    fn mla_and_chicago_render_too() {
        let mla = one(Format::Mla, Markup::Text);
        assert!(
            mla.starts_with("Potkin, Fanny, and Eduardo Baptista."),
            "{mla}"
        );
        let chicago = one(Format::Chicago, Markup::Text);
        assert!(
            chicago.starts_with("Potkin, Fanny, and Eduardo Baptista. 2025."),
            "{chicago}"
        );
    }
}
