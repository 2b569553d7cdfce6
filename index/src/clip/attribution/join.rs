//! Quotations broken by their attribution ("…,” she said. “…”) joined again, and headlines told from text.

use super::*;

/// A line in title case: four or more words, capitalised but for the short words titles leave
/// alone ("Elizabeth Warren Hammers Wells Fargo CEO"), or nearly all capitalised and not ending
/// a sentence ("Obama Sees Personal Insult if Black Voters Don’t Turn Out"). A sentence full of
/// names is no headline: "Sen. Elizabeth Warren grilled Wells Fargo CEO John Stumpf.", unless it
/// is the `first` line of the text, where the title stands (some end with a full stop).
pub(super) fn is_headline(line: &str, first: bool) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "the", "and", "but", "or", "nor", "for", "of", "on", "at", "to", "in", "by",
        "as", "with", "from", "vs.", "v.",
    ];
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.len() < 4 {
        return false;
    }
    let capitalised = |w: &str| {
        w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
    };
    let count = words.iter().filter(|w| capitalised(w)).count();
    let title_case = words
        .iter()
        .all(|w| capitalised(w) || SMALL.contains(&w.to_lowercase().as_str()));
    title_case || (count * 10 >= words.len() * 8 && (first || !line.trim_end().ends_with('.')))
}

/// Joins a quotation broken by its attribution — “First part,” she said. “Second part.” — into
/// one quotation spoken by the same person: the words are one quote, the cue sits inside it.
pub fn join_broken(
    text: &str,
    mut quotations: Vec<Quotation>,
    mut attributions: Vec<Attribution>,
) -> (Vec<Quotation>, Vec<Attribution>) {
    // Joined in place: the kept ones move to the front (a text of millions of quotations must
    // not hold two copies of each list).
    let mut kept = 0;
    for n in 0..quotations.len().min(attributions.len()) {
        // The second part has no cue after it of its own (“…,” Lee said. “…,” Roe said. are two).
        let next_open = quotations.get(n + 1).map_or(text.len(), |next| next.open);
        let close_end = quotations[n].close_end;
        let after_end = sentence_end(text, close_end, next_open);
        let own_cue_after = read_after(&text[close_end..after_end]).is_some();
        if kept > 0 {
            let (done, rest) = quotations.split_at_mut(n);
            let (prev, q) = (&mut done[kept - 1], &rest[0]);
            let (prev_a, a) = (&attributions[kept - 1], &attributions[n]);
            if prev_a.cue.is_some()
                && !own_cue_after
                && (a.speaker.is_none() || a.speaker == prev_a.speaker)
                && broken_by_attribution(text, prev.close_end, q)
                && !complete_before_cue(text, prev)
            {
                // “…climb back,” said Yearout. “The economy…”: the comma stood for the full
                // stop that ends the first sentence, which the attribution's own full stop shows.
                // (A show's name may close the attribution: on “Fox and Friends.”)
                let new_sentence = text[prev.close_end..q.open]
                    .trim_end()
                    .trim_end_matches(['”', '"', '’', '»'])
                    .ends_with('.')
                    && q.text.starts_with(char::is_uppercase)
                    && !prev.text.ends_with(['.', '!', '?', '…', ':', ';']);
                let joint = if new_sentence { ". " } else { " " };
                prev.text = format!("{}{joint}{}", prev.text, q.text);
                prev.end = q.end;
                prev.close_end = q.close_end;
                continue;
            }
        }
        quotations.swap(kept, n);
        attributions.swap(kept, n);
        kept += 1;
    }
    quotations.truncate(kept);
    attributions.truncate(kept);
    (quotations, attributions)
}

/// Whether quotation `prev` is complete in itself, so that a cue after it introduces the next
/// one: a sentence closed inside the marks before a new sentence (“…change.” She adds, “…”), or
/// a partial quotation the narration leads into (because “most people don’t know,” she said.
/// “…”).
pub(super) fn complete_before_cue(text: &str, prev: &Quotation) -> bool {
    let closed_sentence = text[prev.open..prev.close_end]
        .trim_end_matches(['”', '"', '’', '\'', '»'])
        .ends_with('.')
        && text[prev.close_end..]
            .trim_start()
            .starts_with(char::is_uppercase);
    let led_into = text[..prev.open]
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(char::is_lowercase);
    closed_sentence || led_into
}

/// Whether quotation `q` goes on with the one closing at `prev_end`, with only that one's
/// attribution between: in the same paragraph (“…,” she said. “…”), or in a paragraph that is
/// only `q`, after a paragraph closing with the attribution (“…,” he said.¶“…”).
pub(super) fn broken_by_attribution(text: &str, prev_end: usize, q: &Quotation) -> bool {
    let between = &text[prev_end..q.open];
    match between.split_once('\n') {
        None => is_attribution_only(between),
        Some((line, gap)) => {
            let closes_paragraph = text[q.close_end..]
                .split('\n')
                .next()
                .is_some_and(|rest| rest.trim().is_empty());
            gap.trim().is_empty() && closes_paragraph && is_attribution_only(line)
        }
    }
}

/// Whether the text between two quotations on one line is just the attribution of the first:
/// one clause with a cue, ending the sentence or continuing it.
pub(super) fn is_attribution_only(between: &str) -> bool {
    // “…,” she said. “…” or “…,” she said, “…” — but not “…,” Flynn told “Fox and Friends.”
    // “…,” he said, but “…”: the sentence goes on with more of the same quotation.
    let end = between
        .trim_end()
        .trim_end_matches(['”', '"', '’', '\''])
        .trim_end();
    let end = end
        .strip_suffix(" but")
        .or_else(|| end.strip_suffix(" and"))
        .map_or(end, str::trim_end);
    if between.len() > 240 || !end.ends_with(['.', ',', ':', ';']) {
        return false;
    }
    let Some(raw) = read_after(between) else {
        return false;
    };
    // The clause after the cue may say where and when (“…,” Trump warned in Everett, Wash.,
    // recently. “…”) but must not carry a sentence of its own.
    let rest = raw
        .rest
        .trim()
        .trim_end_matches(['.', ',', ':', ';', ' ', '”', '"', '’', '\'']);
    // … but not introduce a quotation of its own (“…,” he said, adding: “…”; “…,” Sanders
    // said, suggesting a few questions, including, “…”).
    let introduces =
        end.ends_with(':') || rest.ends_with(" including") || INTRODUCING.is_match(rest);
    !has_sentence_end(rest) && rest.len() < 200 && !introduces
}

/// A clause after a cue that introduces a quotation of its own: “…,” Blige sings to Clinton
/// before asking her, “…”.
pub(super) static INTRODUCING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:{PARTICIPLES})(?:\s+(?:her|him|them|me|us|you|the \p{{L}}+))?$"
    ))
    .expect("valid regex")
});

/// Whether `text` holds the end of a sentence: a full stop, question or exclamation mark
/// followed by a capitalised word, the full stop not an abbreviation's or an initial's.
pub(super) fn has_sentence_end(text: &str) -> bool {
    text.char_indices().any(|(at, c)| {
        matches!(c, '.' | '!' | '?')
            && text[at + 1..].starts_with(char::is_whitespace)
            && text[at + 1..]
                .trim_start()
                .starts_with(|n: char| n.is_uppercase() || "“\"‘'".contains(n))
            && (c != '.' || ends_sentence(text, at))
    })
}

/// `s` without the quoted nicknames inside names (state Del. Marcia “Cia” Price → Marcia
/// Price), which would otherwise stop a name at its quotation marks.
pub(super) fn without_nicknames(s: &str) -> Cow<'_, str> {
    static NICKNAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(\p{Lu}[\p{L}.]*)\s+[“"‘']\p{Lu}[\p{L}.'’-]*[”"’']\s+(\p{Lu})"#)
            .expect("valid regex")
    });
    NICKNAME.replace_all(s, "$1 $2")
}

/// The person a headline in title case is about when it says something of them: "Elizabeth
/// Warren Hammers Wells Fargo CEO" → Elizabeth Warren (two or three words of name, then a
/// capitalised verb: "Hammers", "Tells", "Praises").
pub(super) fn headline_subject(headline: &str) -> Option<String> {
    let words: Vec<&str> = headline.split_whitespace().collect();
    (2..=3).find_map(|n| {
        let verb = words.get(n)?;
        let name = words[..n].join(" ");
        let verb_like = verb.len() > 3
            && verb.ends_with('s')
            && !verb.ends_with("’s")
            && !verb.ends_with("'s")
            && verb.starts_with(char::is_uppercase);
        (verb_like && looks_like_name(&name) && !words[..n].iter().any(|w| is_title_word(w)))
            .then_some(name)
    })
}
