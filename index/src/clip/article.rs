//! From an HTML page to an article: title, byline, date, site name, language and the main text
//! (navigation, ads and comments left out). The extraction itself is `dom_smoothie` (a port of
//! Mozilla's Readability); this module feeds it safely and shapes its output.

use chrono::NaiveDate;
use encoding_rs::Encoding;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::detect_language;

/// An article's text and what is known about it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<NaiveDate>,
    pub site_name: Option<String>,
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The main text, one paragraph a line. Quote offsets point into this.
    pub text: String,
}

/// The deepest element nesting we hand to the HTML parser. Real pages stay in the tens; a page
/// nested thousands deep is an attack or an accident, and recursive tree walks would overflow.
const MAX_NESTING: usize = 512;
/// The most elements we let the extractor score.
const MAX_ELEMENTS: usize = 200_000;

pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(2048).collect::<String>().to_lowercase();
    head.contains("<html")
        || head.contains("<!doctype html")
        || head.contains("<body")
        || head.contains("<p>")
        || head.contains("<div")
}

/// Decodes a page: a byte-order mark, else the charset its HTTP header gave, else a
/// `<meta charset>` in its first kilobytes, else UTF-8 when valid, else the encoding its bytes
/// look like (chardetng, the detector Firefox uses: GB18030/GBK, Big5, Shift_JIS, EUC-KR,
/// Windows-1250, Windows-1252…).
///
/// A saved page whose bytes are valid UTF-8 with characters beyond ASCII is read as UTF-8
/// whatever its `<meta>` says: browsers and editors that re-save a page in UTF-8 often keep
/// the old declaration (gb2312, windows-1252), and text in a legacy encoding is all but never
/// valid UTF-8 by accident. A charset the server sent is still obeyed.
pub fn decode_page(bytes: &[u8], header_charset: Option<&str>) -> String {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    if let Some(encoding) = header_charset.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        return encoding.decode_without_bom_handling(bytes).0.into_owned();
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    if let Some(text) = utf8.filter(|t| !t.is_ascii()) {
        return text.to_owned();
    }
    if let Some(encoding) = meta_charset(bytes) {
        return encoding.decode_without_bom_handling(bytes).0.into_owned();
    }
    match utf8 {
        Some(s) => s.to_owned(),
        None => {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            detector
                .guess(None, false)
                .decode_without_bom_handling(bytes)
                .0
                .into_owned()
        }
    }
}

fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_lowercase();
    let i = head.find("charset=")?;
    let rest = head[i + 8..].trim_start_matches(['"', '\'']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    Encoding::for_label(label.as_bytes())
}

/// How deep elements nest, roughly (void elements and self-closing tags ignored). Cheap, and
/// enough to refuse pathological pages before they reach a tree builder.
fn nesting_depth(html: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "!doctype", "!--",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off + 1;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = if closing { start + 1 } else { start };
        let name: String = html[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '-')
            .take(16)
            .collect::<String>()
            .to_ascii_lowercase();
        let end = html[start..].find('>').map_or(html.len(), |e| start + e);
        let self_closing = end > 0 && bytes.get(end - 1) == Some(&b'/');
        if !name.is_empty() && !VOID.contains(&name.as_str()) && !self_closing {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                max = max.max(depth);
            }
        }
        i = (end + 1).min(html.len());
        if i >= html.len() {
            break;
        }
    }
    max
}

/// Extracts the article from an HTML page.
pub fn extract(html: &str, url: Option<&str>) -> Result<Article> {
    let depth = nesting_depth(html);
    if depth > MAX_NESTING {
        return Err(Error::invalid(format!(
            "the page nests its elements {depth} deep (an article stays under {MAX_NESTING}); it is malformed or not an article — save its text and clip that instead"
        )));
    }
    let config = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    // A URL the extractor cannot use (relative, odd scheme) only loses link resolution.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut reader = dom_smoothie::Readability::new(html, url, Some(config.clone()))
        .or_else(|_| dom_smoothie::Readability::new(html, None, Some(config)))
        .map_err(|e| Error::invalid(format!("cannot read this HTML page: {e}")))?;
    let parsed = reader.parse().map_err(|e| {
        Error::invalid(format!(
            "no article text found in this page ({e}); if it is an article, copy its text and clip that"
        ))
    })?;
    // The page as a document for the fallbacks below, parsed once and only if one needs it.
    let page = std::cell::LazyCell::new(|| dom_query::Document::from(html));
    let mut text = without_repeats(&without_furniture(&tidy(&parsed.text_content)));
    if is_boilerplate(&text)
        && let Some(body) = marked_body(&page)
    {
        // Readability took the site's footer over a short article.
        text = body;
    }
    if text.is_empty() {
        return Err(Error::invalid(
            "no article text found in this page; if it is an article, copy its text and clip that",
        ));
    }
    let nonempty = |s: Option<String>| s.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let language = nonempty(parsed.lang.clone())
        .map(|l| l.split(['-', '_']).next().unwrap_or("en").to_lowercase())
        .unwrap_or_else(|| detect_language(&text).to_owned());
    let site_name = nonempty(parsed.site_name.clone());
    let title =
        nonempty(Some(parsed.title.clone())).map(|t| without_site(&t, &page, site_name.as_deref()));
    Ok(Article {
        title,
        byline: nonempty(parsed.byline.as_deref().map(tidy)),
        published: parsed
            .published_time
            .as_deref()
            .and_then(parse_published)
            .or_else(|| meta_published(&page)),
        site_name,
        language: Some(language),
        url: nonempty(parsed.url.clone()).or_else(|| url.map(str::to_owned)),
        text,
    })
}

/// A title without what a site appends to it (" -- Sott.net", "-新华网", " » Local » Noticias »
/// Ultima Hora Mallorca"): the site's name after a separator, or whatever follows a separator
/// after the headline the page gives on its own (its `<h1>`, `twitter:title`, `og:title`).
/// Headlines too short to be the title ("Opinion" over "Opinion | Why …") are no guide.
fn without_site(title: &str, page: &dom_query::Document, site_name: Option<&str>) -> String {
    const SEPARATORS: &[char] = &['|', '-', '–', '—', '»', '·', '/', '\\', '_', '>'];
    let title = one_line(title);
    // (No separator, nothing appended: the page need not be parsed again.)
    if !title.contains(SEPARATORS) {
        return title;
    }
    let headline_then_rest = |headline: &str| {
        let after = title.strip_prefix(headline)?;
        // A word the headline cuts in two is no boundary ("Covid" in "Covid-19 …").
        let whole_word = after.starts_with(char::is_whitespace)
            || headline
                .chars()
                .last()
                .is_some_and(|c| !c.is_ascii_alphanumeric());
        (whole_word && after.trim_start().starts_with(SEPARATORS)).then_some(())
    };
    if let Some(site) = site_name.map(str::trim).filter(|s| !s.is_empty())
        && let Some(head) = title.strip_suffix(site)
    {
        let head = head.trim_end();
        if head.ends_with(SEPARATORS) {
            let head = head.trim_end_matches(SEPARATORS).trim_end();
            if head.chars().count() * 2 >= title.chars().count() {
                return head.to_owned();
            }
        }
    }
    let mut headlines: Vec<String> = page
        .select("h1")
        .iter()
        .map(|h| h.text().to_string())
        .collect();
    for meta in [
        r#"meta[name="twitter:title"]"#,
        r#"meta[property="og:title"]"#,
    ] {
        headlines.extend(
            page.select(meta)
                .iter()
                .filter_map(|m| m.attr("content"))
                .map(|c| c.to_string()),
        );
    }
    headlines
        .iter()
        .map(|h| one_line(h))
        .filter(|h| h.chars().count() >= 4 && h.chars().count() * 2 >= title.chars().count())
        .find(|h| headline_then_rest(h).is_some())
        .unwrap_or(title)
}

/// Whether extracted text is a site's legal footer rather than an article: short, and saying
/// at least two of the things footers say.
fn is_boilerplate(text: &str) -> bool {
    const FOOTER: &[&str] = &[
        "all rights reserved",
        "privacy policy",
        "user agreement",
        "terms of use",
        "terms of service",
        "ad choices",
        "cookie policy",
    ];
    let lower = text.to_lowercase();
    text.len() < 2000 && FOOTER.iter().filter(|f| lower.contains(*f)).count() >= 2
}

/// The text of the element a page marks as its article's body (`itemprop="articleBody"`, the
/// usual class names), if one holds a paragraph that is no footer.
fn marked_body(page: &dom_query::Document) -> Option<String> {
    const BODY: &str = r#"[itemprop="articleBody"], .entry-content, .article-body, .article-content, .story-body, .post-content"#;
    page.select(BODY).iter().find_map(|el| {
        let paragraphs: Vec<String> = el
            .select("p")
            .iter()
            .map(|p| tidy(&p.text()))
            .filter(|p| !p.is_empty())
            .collect();
        let text = paragraphs.join("\n");
        (text.len() >= 80 && !is_boilerplate(&text)).then_some(text)
    })
}

/// `text` without the lines that are the page's furniture rather than the article, which
/// Readability keeps when they sit inside the article's element: a slideshow's or a page's
/// controls ("Play Slideshow", "1 of 10", "HIDE CAPTION", "Share This"), tag and credit
/// labels ("Tags: …", "Image source: …"), copyright lines, bare counters ("5,263", "<<"),
/// datelines ("Dec. 29, 2014, 5:04 PM"), and a headline a layout stacks three times or more
/// in a row, which is kept once.
fn without_furniture(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    // (A headline's length, not a paragraph's: a refrain or a test page's placeholder text
    // repeats by design. Words, not code: a run of closing braces is a program's text.)
    let stacked = |i: usize| {
        let l = lines[i];
        l.chars().count() <= 80
            && l.contains(' ')
            && l.chars().any(char::is_alphabetic)
            && i >= 1
            && lines[i - 1] == l
            && (lines.get(i + 1) == Some(&l) || (i >= 2 && lines[i - 2] == l))
    };
    (0..lines.len())
        .filter(|&i| !is_furniture(lines[i]) && !stacked(i))
        .map(|i| lines[i])
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether one line of extracted text is page furniture (see [`without_furniture`]).
fn is_furniture(line: &str) -> bool {
    const CONTROLS: &[&str] = &[
        "play slideshow",
        "pause",
        "view larger",
        "view all thumbnails",
        "previous",
        "next",
        "print",
        "share",
        "share:",
        "share this",
        "share this article",
        "advertisement",
        "hide caption",
        "show caption",
        "video ad feedback",
        "printer-friendly version",
        "most popular",
        "most read",
        "get updates in your inbox",
        "lese-empfehlung",
    ];
    const LABELS: &[&str] = &[
        "tags:",
        "tagged:",
        "topics:",
        "themen:",
        "filed under:",
        "image source:",
        "image copyright",
        "photo credit:",
        "credit:",
    ];
    let lower = line.to_lowercase();
    let short = line.chars().count() <= 120;
    let counter = || {
        let mut parts = lower.split(" of ").flat_map(|p| p.split(" / "));
        let numeric = |p: Option<&str>| {
            p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        };
        numeric(parts.next()) && numeric(parts.next()) && parts.next().is_none()
    };
    CONTROLS.contains(&lower.as_str())
        || counter()
        || (short && LABELS.iter().any(|l| lower.starts_with(l)))
        // BBC's label for a caption, in every language edition (capitalised as it gives it:
        // prose may speak of an image caption).
        || line.contains("Image caption")
        || (short && (lower.starts_with(['©', '™']) || lower.contains("all rights reserved")))
        // A counter or a pager: "5,263", "<<", "8". (Not code's braces and brackets.)
        || (line.chars().count() <= 12
            && (line.chars().all(|c| c.is_ascii_digit() || c == ',')
                || line.chars().all(|c| matches!(c, '<' | '>' | '«' | '»'))))
        || is_dateline(line)
}

/// Whether a line is only a date, perhaps with a time and a word before it: "Dec. 29, 2014,
/// 5:04 PM", "Published December 20, 2014", "Submitted on Mon, 2019-01-21 13:49".
fn is_dateline(line: &str) -> bool {
    const BEFORE: &[&str] = &[
        "published",
        "updated",
        "posted",
        "submitted on",
        "submitted",
    ];
    const AFTER: &[&str] = &[
        "am", "pm", "a.m.", "p.m.", "gmt", "utc", "et", "est", "edt", "pt", "pst", "pdt", "ct",
        "cst", "cdt", "bst", "cet",
    ];
    if line.chars().count() > 60 {
        return false;
    }
    let mut rest = line.trim();
    for word in BEFORE {
        if rest
            .get(..word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
        {
            rest = rest[word.len()..].trim_start_matches([':', ' ']);
            break;
        }
    }
    // A weekday before the date: "Mon, 2019-01-21".
    if let Some((day, after)) = rest.split_once(", ")
        && day.parse::<chrono::Weekday>().is_ok()
    {
        rest = after;
    }
    [
        "%b %d, %Y",
        "%b. %d, %Y",
        "%B %d, %Y",
        "%Y-%m-%d",
        "%d %B %Y",
        "%d %b %Y",
    ]
    .iter()
    .find_map(|f| NaiveDate::parse_and_remainder(rest, f).ok())
    .is_some_and(|(_, remainder)| {
        remainder
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .all(|w| {
                w.chars()
                    .all(|c| c.is_ascii_digit() || ":.-+()/".contains(c))
                    || AFTER.contains(&w.to_lowercase().as_str())
            })
    })
}

/// `text` once where the page holds its article twice in a row (for two layouts): the second
/// half repeating the first line for line, after at most a few lines of title or date. A
/// paragraph that repeats on its own is kept (a refrain, a test page's placeholder text).
fn without_repeats(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    for lead in 0..=3.min(lines.len()) {
        let body = &lines[lead..];
        if body.len() < 4 || !body.len().is_multiple_of(2) {
            continue;
        }
        let (first, second) = body.split_at(body.len() / 2);
        // (Two different paragraphs at least: a page of one placeholder paragraph under
        // headings repeats by design.)
        let paragraphs: std::collections::HashSet<&&str> =
            first.iter().filter(|l| l.chars().count() >= 80).collect();
        let distinct = paragraphs.len() >= 2;
        if first == second && distinct {
            return lines[..lead + first.len()].join("\n");
        }
    }
    text.to_owned()
}

/// Collapses the extractor's whitespace: paragraphs on their own lines, no blank runs.
fn tidy(text: &str) -> String {
    text.lines()
        .map(one_line)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` on one line, its whitespace runs (no-break spaces, line breaks) single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Publication dates as pages give them: RFC 3339 / ISO 8601 timestamps or plain dates.
fn parse_published(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(v) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(v) {
        return Some(dt.date_naive());
    }
    // "20180619T055000+0900" (ISO 8601's basic form).
    if let Ok(dt) = chrono::DateTime::parse_from_str(v, "%Y%m%dT%H%M%S%z") {
        return Some(dt.date_naive());
    }
    // "2023-11-17", "2018/06/18", and dates written out with whatever time follows them:
    // "Saturday, December 27, 2014, 12:06 PM", "December 27, 2014".
    ["%Y-%m-%d", "%Y/%m/%d", "%A, %B %d, %Y", "%B %d, %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_and_remainder(v, f).ok())
        .map(|(day, _)| day)
}

/// The publication date a page gives in a meta tag Readability does not read ("pubdate",
/// "publishdate", `itemprop="datePublished"`, …).
fn meta_published(page: &dom_query::Document) -> Option<NaiveDate> {
    const META: &str = r#"meta[property="article:published_time"], meta[itemprop="datePublished"], meta[name="pubdate"], meta[name="publishdate"], meta[name="publish-date"], meta[name="article_date_original"], meta[name="cXenseParse:recs:publishtime"], meta[name="DC.date.issued"], meta[name="sailthru.date"]"#;
    page.select(META)
        .iter()
        .find_map(|m| m.attr("content").and_then(|c| parse_published(&c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deeply_nested_pages_are_refused_quickly() {
        let html = format!(
            "<html><body>{}x{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let err = extract(&html, None).unwrap_err().to_string();
        assert!(err.contains("nests its elements"), "{err}");
    }

    #[test]
    fn charset_from_meta_and_fallback() {
        let page =
            b"<html><head><meta charset=\"windows-1252\"></head><body><p>caf\xe9</p></body></html>";
        assert!(decode_page(page, None).contains("café"));
        assert!(decode_page(b"caf\xc3\xa9", None).contains("café"));
        assert!(decode_page(b"caf\xe9", None).contains("café"));
        // Legacy East Asian and Central European encodings with no declaration are detected.
        for (text, encoding) in [
            (
                "阿里巴巴集团首席执行官吴泳铭表示，公司将继续投资人工智能和云计算。",
                encoding_rs::GBK,
            ),
            (
                "台積電董事長魏哲家說，先進製程的產能到明年底都已經被預訂一空。",
                encoding_rs::BIG5,
            ),
            (
                "トヨタ自動車の社長は記者会見で、新しい工場を建設すると述べた。",
                encoding_rs::SHIFT_JIS,
            ),
            (
                "삼성전자 대표이사는 기자회견에서 새 공장을 짓겠다고 밝혔다.",
                encoding_rs::EUC_KR,
            ),
            (
                "Předseda vlády řekl, že příští týden představí nový rozpočet.",
                encoding_rs::WINDOWS_1250,
            ),
        ] {
            let (bytes, _, lossy) = encoding.encode(text);
            assert!(!lossy);
            let mut html = b"<html><body><p>".to_vec();
            html.extend_from_slice(&bytes);
            assert!(
                decode_page(&html, None).contains(text),
                "{}: {}",
                encoding.name(),
                decode_page(&html, None)
            );
        }
        assert!(decode_page("café".as_bytes(), Some("utf-8")).contains("café"));
        // A page re-saved as UTF-8 that still declares its old charset.
        let resaved =
            "<html><head><meta charset=\"gb2312\"></head><body><p>新电脑 café</p></body></html>";
        assert!(decode_page(resaved.as_bytes(), None).contains("新电脑 café"));
        // The server's word stands.
        assert!(decode_page("café".as_bytes(), Some("windows-1252")).contains("cafÃ©"));
    }

    #[test]
    fn dates_in_the_forms_pages_use() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 1);
        assert_eq!(parse_published("2025-03-01T08:00:00Z"), d);
        assert_eq!(parse_published("2025-03-01T08:00:00+05:30"), d);
        assert_eq!(parse_published("2025-03-01"), d);
        assert_eq!(parse_published("Sat, 01 Mar 2025 10:00:00 GMT"), d);
        assert_eq!(parse_published("20250301T083000+0900"), d);
        assert_eq!(parse_published("2025/03/01"), d);
        assert_eq!(parse_published("Saturday, March 1, 2025, 12:06 PM"), d);
        assert_eq!(parse_published("March 1, 2025"), d);
        assert_eq!(parse_published("yesterday"), None);
    }

    #[test]
    fn datelines_and_not_sentences_with_dates() {
        for line in [
            "Dec. 29, 2014, 5:04 PM",
            "Dec 12, 2014 12:06 PM",
            "Published December 20, 2014",
            "Submitted on Mon, 2019-01-21 13:49",
            "Posted: Thursday, October 17, 2013, 8:09 PM",
            "29 December 2014",
        ] {
            assert!(is_dateline(line), "{line}");
        }
        for line in [
            "December 20, 2014 was the day the storm came.",
            "Published in the Lancet",
            "Updated rules take effect",
            "“none”: default.",
            "2014",
        ] {
            assert!(!is_dateline(line), "{line}");
        }
    }

    #[test]
    fn titles_without_the_site_name() {
        let page = |head: &str, h1: &str| {
            format!(
                "<html><head>{head}</head><body><article><h1>{h1}</h1><p>{}</p></article></body></html>",
                "The storm moved east overnight and forecasters expect clear skies. ".repeat(8)
            )
        };
        let title = |head: &str, h1: &str| extract(&page(head, h1), None).unwrap().title.unwrap();
        // The site's name after a separator.
        assert_eq!(
            title(
                r#"<meta property="og:title" content="Rain ends after a week -- Sott.net"><meta property="og:site_name" content="Sott.net">"#,
                ""
            ),
            "Rain ends after a week"
        );
        // Whatever follows the page's own headline after a separator.
        assert_eq!(
            title(
                "<title>Rain ends after a week » Local » Noticias » Ultima Hora</title>",
                "Rain ends after a week"
            ),
            "Rain ends after a week"
        );
        assert_eq!(
            title(
                "<title>短缺药品保供稳价 全力保障临床用药需求-新华网</title>",
                "短缺药品保供稳价 全力保障临床用药需求"
            ),
            "短缺药品保供稳价 全力保障临床用药需求"
        );
        // No cut inside a word, at a colon, or after a headline too short to be the title.
        for (want, h1) in [
            ("Covid-19 rules end in the city", "Covid"),
            (
                "Gates on Tillerson: friendly is not friends",
                "Gates on Tillerson",
            ),
            ("Opinion | Why the rain ends after a week", "Opinion"),
        ] {
            let head = format!(r#"<meta property="og:title" content="{want}">"#);
            assert_eq!(title(&head, h1), want);
        }
    }

    #[test]
    fn a_date_only_a_meta_tag_gives() {
        let page = |meta: &str| {
            format!(
                "<html><head><title>Rain ends</title>{meta}</head><body><article><p>{}</p></article></body></html>",
                "The storm moved east overnight and forecasters expect clear skies. ".repeat(8)
            )
        };
        let d = NaiveDate::from_ymd_opt(2014, 12, 27);
        for meta in [
            r#"<meta name="publishdate" content="2014-12-27" />"#,
            r#"<meta content="2014-12-27T08:36:32Z" itemprop="datePublished" name="pubdate"/>"#,
            r#"<meta name="article_date_original" content="Saturday, December 27, 2014, 12:06 PM" />"#,
        ] {
            assert_eq!(extract(&page(meta), None).unwrap().published, d, "{meta}");
        }
        assert_eq!(extract(&page(""), None).unwrap().published, None);
    }
}
