//! Citations: every quote leaves OnRecord in the format its destination expects.
//!
//! One [`Citable`] per quote (the quote and its full source) becomes, depending on the
//! [`Format`]:
//! Quotes from the same source share one entry (its note lists them); AP lines are per quote.
//!
//! - a CSL-JSON item ([`csl`]), the common ground of reference managers and CSL processors;
//! - a BibLaTeX entry ([`bibtex`]) or a RIS record ([`ris`]);
//! - a reference formatted in APA 7, MLA 9 or Chicago author-date ([`styles`]), rendered by the
//!   hayagriva CSL processor from the CSL-JSON items, as text, HTML or Markdown;
//! - an AP-style attribution line ([`attribution`]): “…,” Name, title of Org, told Reuters.
//!
//! Every format starts from the same CSL-JSON item, so a quote's type, names and dates agree
//! across formats. Citation keys ([`keys`]) are readable (`alilughatta2025launch`) and unique
//! within one export.

pub mod attribution;
pub mod bibtex;
pub mod csl;
pub mod keys;
pub mod ris;
pub mod styles;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::{Quote, Source};

/// A quote ready to be cited: the quote and, when it has one, its source (without the article
/// text, which no citation format carries).
#[derive(Debug, Clone, Serialize)]
pub struct Citable {
    pub quote: Quote,
    pub source: Option<Source>,
}

/// The export formats (`export --format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// OnRecord's own lossless JSON (handled by the library, not here).
    Json,
    CslJson,
    Bibtex,
    Ris,
    Apa,
    Mla,
    Chicago,
    /// AP-style attribution lines in Markdown.
    Markdown,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::CslJson,
        Format::Bibtex,
        Format::Ris,
        Format::Apa,
        Format::Mla,
        Format::Chicago,
        Format::Markdown,
        Format::Json,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::CslJson => "csl-json",
            Format::Bibtex => "bibtex",
            Format::Ris => "ris",
            Format::Apa => "apa",
            Format::Mla => "mla",
            Format::Chicago => "chicago",
            Format::Markdown => "markdown",
        }
    }

    pub fn parse(name: &str) -> Result<Format> {
        let wanted = name.trim().to_lowercase();
        let alias = match wanted.as_str() {
            "csl" | "csljson" | "csl_json" => "csl-json",
            "bib" | "biblatex" => "bibtex",
            "md" | "ap" => "markdown",
            "chicago-author-date" => "chicago",
            other => other,
        };
        Format::ALL
            .into_iter()
            .find(|f| f.name() == alias)
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "unknown export format {name:?}; use one of {}",
                    Format::ALL.map(Format::name).join(", ")
                ))
            })
    }

    /// The usual file extension, for save dialogs and default file names.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json | Format::CslJson => "json",
            Format::Bibtex => "bib",
            Format::Ris => "ris",
            Format::Apa | Format::Mla | Format::Chicago => "txt",
            Format::Markdown => "md",
        }
    }
}

/// How formatted references (APA, MLA, Chicago) are marked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Markup {
    /// Plain text (italics are lost).
    #[default]
    Text,
    /// HTML with `<i>` for italics.
    Html,
    /// Markdown with `*` for italics.
    Markdown,
}

impl Markup {
    pub fn parse(name: &str) -> Result<Markup> {
        match name.trim().to_lowercase().as_str() {
            "text" | "plain" | "txt" => Ok(Markup::Text),
            "html" => Ok(Markup::Html),
            "markdown" | "md" => Ok(Markup::Markdown),
            _ => Err(Error::Invalid(format!(
                "unknown markup {name:?}; use text, html or markdown"
            ))),
        }
    }
}

/// Renders `items` in a citation format. [`Format::Json`] is the library's lossless export and
/// is refused here.
pub fn render(items: &[Citable], format: Format, markup: Markup) -> Result<String> {
    if format == Format::Markdown {
        return Ok(attribution::render(items));
    }
    let entries = entries(items);
    let keys = keys::assign(&entries.iter().map(|e| e.item).collect::<Vec<_>>());
    match format {
        Format::CslJson => {
            let csl: Vec<_> = entries
                .iter()
                .zip(&keys)
                .map(|(entry, key)| csl::item(entry, key))
                .collect();
            let mut text = serde_json::to_string_pretty(&csl)
                .map_err(|e| Error::Invalid(format!("cannot write CSL-JSON: {e}")))?;
            text.push('\n');
            Ok(text)
        }
        Format::Bibtex => Ok(bibtex::render(&entries, &keys)),
        Format::Ris => Ok(ris::render(&entries, &keys)),
        Format::Apa | Format::Mla | Format::Chicago => {
            styles::render(&entries, &keys, format, markup)
        }
        Format::Markdown | Format::Json => Err(Error::Invalid(
            "the json format is the library's own export; use Library::export".into(),
        )),
    }
}

/// One bibliography entry: what is cited (a source, or a quote that has none) and the quotes
/// taken from it. Reference managers and processors want each source once; the quotes go in
/// its note.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// The first quote, whose source (or own details) the entry describes.
    pub item: &'a Citable,
    pub quotes: Vec<&'a Citable>,
}

impl Entry<'_> {
    /// The pages its quotes stand on ("4", "2-3, 7"), joined by `dash`; `None` when no quote
    /// has a page.
    pub fn pages(&self, dash: &str) -> Option<String> {
        let mut pages: Vec<u32> = self
            .quotes
            .iter()
            .filter_map(|c| match c.quote.locator {
                Some(crate::model::Locator::Page { page, .. }) => Some(page),
                _ => None,
            })
            .collect();
        pages.sort_unstable();
        pages.dedup();
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for page in pages {
            match ranges.last_mut() {
                Some((_, end)) if *end + 1 == page => *end = page,
                _ => ranges.push((page, page)),
            }
        }
        (!ranges.is_empty()).then(|| {
            ranges
                .iter()
                .map(|&(a, b)| match a == b {
                    true => a.to_string(),
                    false => format!("{a}{dash}{b}"),
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
    }

    /// The quotes with their attribution, one per line.
    pub fn note(&self) -> String {
        self.quotes
            .iter()
            .map(|c| csl::note(c))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Groups quotes by source, in the order sources first appear.
pub fn entries(items: &[Citable]) -> Vec<Entry<'_>> {
    let mut entries: Vec<Entry<'_>> = Vec::new();
    let mut by_source = std::collections::HashMap::new();
    for item in items {
        match item.source.as_ref().map(|s| s.id) {
            Some(id) => match by_source.get(&id) {
                Some(&at) => {
                    let entry: &mut Entry<'_> = &mut entries[at];
                    entry.quotes.push(item);
                }
                None => {
                    by_source.insert(id, entries.len());
                    entries.push(Entry {
                        item,
                        quotes: vec![item],
                    });
                }
            },
            None => entries.push(Entry {
                item,
                quotes: vec![item],
            }),
        }
    }
    entries
}

pub use crate::files::{check_destination, write_file};

/// The date a citation gives for a quote: its source's publication, else when it was said.
pub(crate) fn issued(item: &Citable) -> Option<NaiveDate> {
    item.source
        .as_ref()
        .and_then(|s| s.published)
        .or(item.quote.said_on)
}

/// "March 1, 2025" with AP's month abbreviations (Jan., Feb., Aug., Sept., Oct., Nov., Dec.).
pub(crate) fn ap_date(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
        "Dec.",
    ];
    format!(
        "{} {}, {}",
        MONTHS[date.month0() as usize],
        date.day(),
        date.year()
    )
}

/// A personal name split into family and given parts: "Fanny Potkin" → (Potkin, Fanny);
/// "Potkin, Fanny" → (Potkin, Fanny); a single word stays whole (an organization or a
/// mononym). Particles ("van", "de la") stay with the family name.
pub(crate) fn split_name(name: &str) -> (String, Option<String>) {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some((family, given)) = name.split_once(',') {
        let given = given.trim();
        return (
            family.trim().to_owned(),
            (!given.is_empty()).then(|| given.to_owned()),
        );
    }
    if let Some(split) = cjk_name(&name) {
        return split;
    }
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() < 2 || crate::model::has_cjk(&name) || names_a_body(&words) {
        return (name, None);
    }
    let mut end = words.len();
    if crate::clip::names::is_generational(words[end - 1]) && end > 2 {
        end -= 1;
    }
    let mut start = end - 1;
    const PARTICLES: [&str; 8] = ["van", "von", "de", "der", "den", "la", "del", "da"];
    while start > 1 && PARTICLES.contains(&words[start - 1]) {
        start -= 1;
    }
    let mut family = words[start..end].join(" ");
    if end < words.len() {
        family = format!("{family} {}", words[end..].join(" "));
    }
    (family, Some(words[..start].join(" ")))
}

/// A Chinese or Korean personal name, family name first: "梁文锋" → (梁, 文锋), "欧阳瑞峰" →
/// (欧阳, 瑞峰), "김민준" → (김, 민준). A transliterated foreign name ("维杰亚辛哈·阿利卢加塔"), a
/// Japanese one or anything longer stays whole.
fn cjk_name(name: &str) -> Option<(String, Option<String>)> {
    let chars: Vec<char> = name.chars().collect();
    let hangul = |c: &char| ('\u{AC00}'..='\u{D7AF}').contains(c);
    if (2..=4).contains(&chars.len()) && chars.iter().all(hangul) {
        let family: String = chars[..1].iter().collect();
        return Some((family, Some(chars[1..].iter().collect())));
    }
    let family_len = crate::clip::chinese_family_name(name)?;
    let family: String = chars[..family_len].iter().collect();
    Some((family, Some(chars[family_len..].iter().collect())))
}

/// The nouns that end a body's name and take "the" in running text ("the Justice Department",
/// "the World Bank", "the University of Otago").
const COMMON_HEADS: &[&str] = &[
    "department",
    "ministry",
    "agency",
    "administration",
    "commission",
    "committee",
    "council",
    "bureau",
    "office",
    "service",
    "authority",
    "board",
    "court",
    "government",
    "police",
    "army",
    "navy",
    "reserve",
    "bank",
    "fund",
    "university",
    "institute",
    "institution",
    "foundation",
    "association",
    "union",
    "pentagon",
    "kremlin",
    "house",
    "survey",
    "parliament",
    "senate",
    "league",
    "federation",
    "society",
    "coalition",
    "organization",
    "organisation",
    "center",
    "centre",
];

/// Other words that end a body's name: a company's ("Acme Corp."), a newspaper's ("The New
/// York Times"), a party's or campaign's.
const OTHER_HEADS: &[&str] = &[
    "services",
    "group",
    "company",
    "corporation",
    "corp.",
    "corp",
    "inc.",
    "inc",
    "ltd",
    "ltd.",
    "llc",
    "plc",
    "co.",
    "party",
    "campaign",
    "times",
    "post",
    "news",
    "journal",
    "press",
    "network",
    "congress",
];

/// Whether a speaker's name is a body's ("Justice Department", "Bank of Japan", "Food
/// Standards Agency": clipped from "the Justice Department said"), which citations give whole,
/// as a literal name, not as a person's family and given names.
fn names_a_body(words: &[&str]) -> bool {
    // (Particles are lower case in persons' names too, but never these: "Ursula von der Leyen"
    // against "Bank of Japan", "National Oceanic and Atmospheric Administration".)
    words
        .iter()
        .any(|w| ["of", "for", "and", "the", "&"].contains(w))
        || words.last().is_some_and(|w| {
            let w = w.to_lowercase();
            COMMON_HEADS.contains(&w.as_str()) || OTHER_HEADS.contains(&w.as_str())
        }) && !starts_with_a_given_name(&words.join(" "))
}

/// "Mark Bank", "Emily Post": a person whose surname is also a body's noun.
fn starts_with_a_given_name(name: &str) -> bool {
    crate::clip::names::gender_of(name).is_some()
}

/// "the Justice Department", "the Bank of Japan": bodies named by a common noun take "the" in
/// running text (AP: "the Justice Department said"); persons, companies ("Amtrak", "Acme
/// Corp.") and names that hold their article ("The New York Times") do not.
pub(crate) fn with_article(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let head = words
        .iter()
        .take_while(|w| !["of", "for"].contains(w))
        .last()
        .map(|w| w.to_lowercase());
    let takes_the = words.first().is_some_and(|w| *w != "The")
        && head.is_some_and(|h| COMMON_HEADS.contains(&h.as_str()))
        && !starts_with_a_given_name(name);
    if takes_the {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}

/// Escapes the characters Markdown would read as formatting (a `#` or `|` too: a heading or a
/// table cell where a line starts or a row runs).
pub(crate) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_what_would_format_a_line() {
        assert_eq!(
            escape_markdown("# a|b *c* [d](e) `f` <g> h_i \\"),
            "\\# a\\|b \\*c\\* \\[d\\](e) \\`f\\` \\<g\\> h\\_i \\\\"
        );
    }

    #[test]
    fn names_split_into_family_and_given() {
        assert_eq!(
            split_name("Vijayasimha Alilughatta"),
            ("Alilughatta".into(), Some("Vijayasimha".into()))
        );
        assert_eq!(
            split_name("Potkin, Fanny"),
            ("Potkin".into(), Some("Fanny".into()))
        );
        assert_eq!(
            split_name("Ursula von der Leyen"),
            ("von der Leyen".into(), Some("Ursula".into()))
        );
        assert_eq!(split_name("Reuters"), ("Reuters".into(), None));
        // A generational suffix stays with the family name.
        assert_eq!(
            split_name("Martin Luther King Jr."),
            ("King Jr.".into(), Some("Martin Luther".into()))
        );
        assert_eq!(
            split_name("Luther Stan Pate IV"),
            ("Pate IV".into(), Some("Luther Stan".into()))
        );
        // A body's name is whole: "Department, J." would cite no one.
        for body in [
            "Justice Department",
            "Bank of Japan",
            "Food Standards Agency",
            "National Oceanic and Atmospheric Administration",
        ] {
            assert_eq!(split_name(body), (body.into(), None));
        }
        assert_eq!(
            split_name("Mark Bank"),
            ("Bank".into(), Some("Mark".into()))
        );
        // Chinese and Korean names, family name first; a transliterated one stays whole.
        assert_eq!(split_name("梁文锋"), ("梁".into(), Some("文锋".into())));
        assert_eq!(split_name("欧阳瑞峰"), ("欧阳".into(), Some("瑞峰".into())));
        assert_eq!(split_name("김민준"), ("김".into(), Some("민준".into())));
        assert_eq!(
            split_name("维杰亚辛哈·阿利卢加塔"),
            ("维杰亚辛哈·阿利卢加塔".into(), None)
        );
    }

    #[test]
    fn ap_dates_abbreviate_long_months_only() {
        let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
        assert_eq!(ap_date(d(3, 1)), "March 1, 2025");
        assert_eq!(ap_date(d(9, 30)), "Sept. 30, 2025");
        assert_eq!(ap_date(d(1, 5)), "Jan. 5, 2025");
    }
}
