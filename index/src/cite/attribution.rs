//! AP-style attribution lines, as a reporter pastes them into copy:
//!
//! “The launch of DeepSeek’s R2 model could be a pivotal moment in the AI industry,” Vijayasimha
//! Alilughatta, chief operating officer of Zensar, told Reuters.
//!
//! AP's rules applied: the sentence's period becomes a comma inside the closing quotation mark
//! (a question or exclamation mark stays); quotation marks inside the quote become single; a
//! title after the name is lowercase ("chief operating officer of Zensar"), a short formal title
//! goes before the name, capitalised and abbreviated ("Sen. Elizabeth Warren"); the medium is
//! worded as AP words it ("told Reuters", "said in an email", "said in a statement").

use super::{Citable, ap_date, escape_markdown};
use crate::model::{Medium, Quote};

/// Formal titles AP puts before a name, with the form it uses there.
const FORMAL_TITLES: &[(&str, &str)] = &[
    ("senator", "Sen."),
    ("sen.", "Sen."),
    ("state senator", "state Sen."),
    ("representative", "Rep."),
    ("rep.", "Rep."),
    ("congressman", "Rep."),
    ("congresswoman", "Rep."),
    ("governor", "Gov."),
    ("gov.", "Gov."),
    ("lieutenant governor", "Lt. Gov."),
    ("president", "President"),
    ("vice president", "Vice President"),
    ("mayor", "Mayor"),
    ("prime minister", "Prime Minister"),
    ("chancellor", "Chancellor"),
    ("pope", "Pope"),
    ("king", "King"),
    ("queen", "Queen"),
];

/// Markdown: one attribution line per quote, separated by blank lines.
pub fn render(items: &[Citable]) -> String {
    let mut out = String::new();
    for item in items {
        out.push_str(&line(item));
        out.push_str("\n\n");
    }
    if out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The Markdown line for one quote, with its source linked.
pub fn line(item: &Citable) -> String {
    let quote = &item.quote;
    let mut who = who_and_how(quote);
    // One's own interview: AP says "in an interview with the author" (or "with The
    // Associated Press" for its own reporters' interviews).
    let own_interview = quote.medium == Medium::Interview
        && quote.told_to.is_none()
        && item.source.as_ref().is_some_and(|s| {
            s.kind == crate::model::SourceKind::Interview && s.outlet.is_none() && s.url.is_none()
        });
    if own_interview {
        who.push_str(" with the author");
    }
    let mut line = format!(
        "{} {}.",
        escape_markdown(&quoted(&quote.text)),
        escape_markdown(&who)
    );
    let mut cite: Vec<String> = Vec::new();
    if let Some(source) = &item.source {
        let label = source
            .title
            .clone()
            .or_else(|| source.outlet.clone())
            .or_else(|| source.url.clone());
        match (&source.url, label) {
            (Some(url), Some(label)) => cite.push(format!(
                "[{}](<{}>)",
                escape_markdown(&label),
                url.replace('>', "%3E")
            )),
            (None, Some(label)) => cite.push(format!("*{}*", escape_markdown(&label))),
            (_, None) => {}
        }
        if let Some(outlet) = &source.outlet
            && source.title.is_some()
        {
            cite.push(escape_markdown(outlet));
        }
    }
    if let Some(locator) = quote.locator.and_then(|l| l.label()) {
        cite.push(locator);
    }
    if let Some(date) = quote.date() {
        cite.push(ap_date(date));
    }
    if !cite.is_empty() {
        line.push_str(&format!(" ({})", cite.join(", ")));
    }
    line
}

/// The quote inside curly quotation marks, with its inner quotation marks made single and its
/// closing period turned into the comma AP puts before the attribution.
pub fn quoted(text: &str) -> String {
    let mut inner = String::with_capacity(text.len());
    let mut open = true;
    for c in text.trim().chars() {
        match c {
            '“' => inner.push('‘'),
            '”' => inner.push('’'),
            '"' => {
                inner.push(if open { '‘' } else { '’' });
                open = !open;
            }
            _ => inner.push(c),
        }
    }
    let body = inner.trim_end();
    let body = match body.chars().last() {
        Some('.') if !body.ends_with("...") => format!("{},", &body[..body.len() - 1]),
        Some('?' | '!' | ',' | '…') => body.to_owned(),
        Some(_) => format!("{body},"),
        None => String::new(),
    };
    format!("“{body}”")
}

/// "Vijayasimha Alilughatta, chief operating officer of Zensar, told Reuters" — who said it and
/// how, without a closing period.
pub fn who_and_how(quote: &Quote) -> String {
    let speaker = quote.speaker.trim();
    let title = quote
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let org = quote
        .organization
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty());
    let formal = title.and_then(|t| {
        let lower = t.to_lowercase();
        FORMAL_TITLES
            .iter()
            .find(|(name, _)| *name == lower)
            .map(|(_, form)| *form)
    });
    let who = match (formal, title, org) {
        (Some(form), _, Some(org)) => format!("{form} {speaker} of {org}"),
        (Some(form), _, None) => format!("{form} {speaker}"),
        (None, Some(title), Some(org)) => {
            format!(
                "{speaker}, {} {} {org},",
                lowercase_title(title),
                preposition(title)
            )
        }
        (None, Some(title), None) => format!("{speaker}, {},", lowercase_title(title)),
        (None, None, Some(org)) => format!("{speaker} of {org}"),
        // ("the Justice Department said": a body clipped as the speaker.)
        (None, None, None) => super::with_article(speaker),
    };
    format!(
        "{} {}",
        with_others(who, &quote.co_speakers),
        medium_phrase(quote)
    )
}

/// "Jane Roe, co-chair of the union, and John Doe": the speaker as described, then whoever
/// said it with them ("A, B and C" for several).
fn with_others(who: String, others: &[String]) -> String {
    let others: Vec<&str> = others
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    let Some((last, rest)) = others.split_last() else {
        return who;
    };
    let mut out = who;
    for name in rest {
        if !out.ends_with(',') {
            out.push(',');
        }
        out.push(' ');
        out.push_str(name);
    }
    out.push_str(" and ");
    out.push_str(last);
    out
}

/// "of" for most titles; "at" reads better after roles that already end in a preposition-less
/// noun phrase such as "partner" or "analyst".
fn preposition(title: &str) -> &'static str {
    let last = title.split_whitespace().last().unwrap_or("").to_lowercase();
    match last.as_str() {
        "partner" | "analyst" | "economist" | "researcher" | "fellow" | "scientist"
        | "strategist" | "professor" | "engineer" => "at",
        _ => "of",
    }
}

/// AP lowercases a title after a name: words in title case lose their capital; acronyms
/// ("CEO") and words with inner capitals ("DeepSeek") keep theirs.
fn lowercase_title(title: &str) -> String {
    title
        .split(' ')
        .map(|word| {
            let mut chars = word.chars();
            let Some(first) = chars.next() else {
                return String::new();
            };
            let rest: String = chars.collect();
            if first.is_uppercase() && rest.chars().all(|c| !c.is_uppercase()) && !rest.is_empty() {
                format!("{}{rest}", first.to_lowercase())
            } else {
                word.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How AP words each medium.
pub fn medium_phrase(quote: &Quote) -> String {
    let to = quote
        .told_to
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    match (quote.medium, to) {
        (Medium::Told, Some(to)) => format!("told {to}"),
        (Medium::Email, Some(to)) => format!("said in an email to {to}"),
        (Medium::Email, None) => "said in an email".into(),
        (Medium::Statement, _) => "said in a statement".into(),
        (Medium::Interview, Some(to)) => format!("said in an interview with {to}"),
        (Medium::Interview, None) => "said in an interview".into(),
        (Medium::Speech, _) => "said in a speech".into(),
        (Medium::Post, _) => "wrote in a social media post".into(),
        (Medium::Document, _) => "wrote".into(),
        (Medium::Said | Medium::Told | Medium::Other, _) => "said".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::csl::tests::citable;
    use crate::model::SourceKind;

    #[test]
    fn those_who_said_it_together_are_all_named() {
        let mut c = citable("We will not accept these terms.", "Jane Roe", None);
        c.quote.co_speakers = vec!["John Doe".into()];
        c.quote.medium = Medium::Document;
        assert_eq!(who_and_how(&c.quote), "Jane Roe and John Doe wrote");
        c.quote.title = Some("Co-chair".into());
        c.quote.organization = Some("the Teachers Union".into());
        c.quote.co_speakers.push("Ann Lee".into());
        assert_eq!(
            who_and_how(&c.quote),
            "Jane Roe, co-chair of the Teachers Union, John Doe and Ann Lee wrote"
        );
    }

    #[test]
    fn the_seed_quote_reads_as_ap_writes_it() {
        let mut c = citable(
            "The launch of DeepSeek’s R2 model could be a pivotal moment in the AI industry.",
            "Vijayasimha Alilughatta",
            Some(SourceKind::Article),
        );
        c.quote.title = Some("Chief Operating Officer".into());
        c.quote.organization = Some("Zensar".into());
        c.quote.medium = Medium::Told;
        c.quote.told_to = Some("Reuters".into());
        assert_eq!(
            line(&c),
            "“The launch of DeepSeek’s R2 model could be a pivotal moment in the AI industry,” \
             Vijayasimha Alilughatta, chief operating officer of Zensar, told Reuters. \
             ([DeepSeek rushes to launch R2](<https://example.org/r2>), Reuters, March 1, 2025)"
        );
    }

    #[test]
    fn media_titles_and_punctuation_follow_ap() {
        let mut c = citable("Why now?", "Elizabeth Warren", None);
        c.quote.title = Some("senator".into());
        c.quote.medium = Medium::Statement;
        assert_eq!(
            format!("{} {}", quoted(&c.quote.text), who_and_how(&c.quote)),
            "“Why now?” Sen. Elizabeth Warren said in a statement"
        );
        c.quote.title = Some("founder and managing partner".into());
        c.quote.organization = Some("Principal Venture Partners".into());
        c.quote.medium = Medium::Email;
        assert_eq!(
            who_and_how(&c.quote),
            "Elizabeth Warren, founder and managing partner at Principal Venture Partners, \
             said in an email"
        );
        assert_eq!(quoted("He said \"no\" twice"), "“He said ‘no’ twice,”");
        assert_eq!(quoted("the few players …"), "“the few players …”");
    }

    #[test]
    fn a_body_named_by_a_common_noun_takes_the() {
        let mut c = citable("No charges have been filed", "Justice Department", None);
        c.quote.medium = Medium::Statement;
        assert_eq!(
            who_and_how(&c.quote),
            "the Justice Department said in a statement"
        );
        for (body, who) in [
            ("Bank of Japan", "the Bank of Japan said"),
            ("Amtrak", "Amtrak said"),
            ("Acme Corp.", "Acme Corp. said"),
            ("The New York Times", "The New York Times said"),
            ("Mark Bank", "Mark Bank said"),
        ] {
            c.quote.speaker = body.into();
            c.quote.medium = Medium::Said;
            assert_eq!(who_and_how(&c.quote), who);
        }
    }

    #[test]
    fn markdown_characters_in_quotes_are_escaped() {
        let c = citable("use *stars* and [links]", "A B", None);
        assert!(
            line(&c).starts_with("“use \\*stars\\* and \\[links\\],”"),
            "{}",
            line(&c)
        );
    }
}
