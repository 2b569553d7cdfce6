//! How a quotation was said: "told Reuters", "said in an email", "wrote on X".

use super::*;

/// "in a statement", "in its annual report", or "a letter" opening the text after the cue: the
/// start of a pattern for what something was said in, up to two words before its noun.
macro_rules! in_a {
    () => {
        r"(?:\b[Ii]n\s+(?:an?|its|his|her|their|the)|^\s*an?) (?:\w+ ){0,2}?"
    };
}

/// Reads the medium from the cue and what follows it ("told Reuters", "in an email", "issued a
/// statement saying").
pub(super) fn medium_of(cue: &str, rest: &str) -> (Option<Medium>, Option<String>) {
    static TOLD_TO: LazyLock<Regex> = LazyLock::new(|| {
        // (An audience in lower case too: "told reporters", "told a crowd of supporters".)
        Regex::new(&format!(
            r"^\s+(?P<to>(?:[Tt]he\s+)?{NAME}|(?:the\s+|an?\s+)?(?:reporters|journalists|lawmakers|legislators|senators|investors|analysts|supporters|crowd|audience|students|employees|staff|delegates|voters|viewers|listeners|committee|jury|court)(?:\s+of\s+\p{{Ll}}+)?)\b"
        ))
        .expect("valid regex")
    });
    static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\b(?:in|via|by) |^\s*)(?:an? )?(?:\w+ ){0,2}?e-?mail(?:ed)?\b|\bemailed (?:comments|remarks|statement)")
            .expect("valid regex")
    });
    static STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            in_a!(),
            r"(?:statement|news release|press release)\b"
        ))
        .expect("valid regex")
    });
    static INTERVIEW: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:[Ii]n|[Dd]uring) an? (?:\w+ ){0,3}?interview\b").expect("valid regex")
    });
    static SPEECH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:in|during|at) (?:an? |his |her |their )?(?:\w+ ){0,3}?(?:speech|address|rally|commencement|news conference|press conference|briefing|town hall|debate|hearing)\b")
            .expect("valid regex")
    });
    static POST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\bon (?:Twitter|X|Facebook|Instagram|LinkedIn|Truth Social|Threads|Bluesky|TikTok|Weibo|WeChat|YouTube|Reddit|Substack|Telegram|Mastodon)\b|(?:\b[Ii]n\s+(?:an?|its|his|her|their)|^\s*an?) (?:\w+ )?(?:tweet|social media post|blog post|post)\b")
            .expect("valid regex")
    });
    static DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            in_a!(),
            r"(?:letter|memo|report|filing|op-ed|essay|column|book|affidavit|complaint)\b"
        ))
        .expect("valid regex")
    });
    let cue = cue.to_lowercase();
    if matches!(cue.as_str(), "told" | "tells" | "telling")
        && let Some(c) = TOLD_TO.captures(rest)
    {
        let to = c["to"].trim().trim_end_matches(['.', ',']);
        return (Some(Medium::Told), Some(to.to_owned()));
    }
    if cue == "emailed" || EMAIL.is_match(rest) {
        return (Some(Medium::Email), None);
    }
    if STATEMENT.is_match(rest) {
        return (Some(Medium::Statement), None);
    }
    if INTERVIEW.is_match(rest) {
        return (Some(Medium::Interview), None);
    }
    if SPEECH.is_match(rest) {
        return (Some(Medium::Speech), None);
    }
    if cue == "tweeted" || cue == "posted" || POST.is_match(rest) {
        return (Some(Medium::Post), None);
    }
    if DOCUMENT.is_match(rest) || matches!(cue.as_str(), "wrote" | "writes" | "writing") {
        return (Some(Medium::Document), None);
    }
    (None, None)
}
