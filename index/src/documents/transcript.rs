//! Interview transcripts: WebVTT, SubRip, and speaker-labelled text ("MARIA LOPEZ: …",
//! "Speaker 2 (00:14:03): …", "[00:14:03] Lopez: …"). Each turn is one speaker's words with
//! the time they start (and end, where the format says).

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{clock, parse_clock};

/// One speaker's turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// The label as the transcript writes it ("Speaker 2", "MARIA LOPEZ"), if any.
    pub label: Option<String>,
    pub start: Option<u64>,
    pub end: Option<u64>,
    pub text: String,
}

/// A cue's timing line: `00:01:02.500 --> 00:01:05.000` (SubRip writes `,` for `.`).
static TIMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})",
    )
    .expect("timing pattern")
});
/// WebVTT's voice span `<v Maria Lopez>` (with optional classes: `<v.loud Maria>`).
static VOICE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^<v(?:\.[^ >]*)?\s+([^>]+)>").expect("voice pattern"));
/// Any other cue markup: `<i>`, `</c>`, `<00:00:01.000>`.
static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]*>").expect("tag pattern"));
/// A labelled line: an optional `[00:14:03]` first, a label of up to six words, an optional
/// `(00:14:03)` or `[00:14:03]` after it, then `:`.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:[\[(]?(?P<before>(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])]?\s+)?(?P<label>\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+[\p{L}\p{M}\d'’.\-]+){0,5}?)\s*(?:[\[(](?P<after>(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])])?\s*:\s+(?P<text>\S.*)$",
    )
    .expect("label pattern")
});

/// Whether a text file reads as a labelled transcript: most of its paragraphs open with a
/// label, at least three do, and at least one label is timed or repeats.
pub fn looks_labelled(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let labelled: Vec<_> = lines.iter().filter_map(|l| LABELLED.captures(l)).collect();
    if labelled.len() < 3 || labelled.len() * 10 < lines.len() * 7 {
        return false;
    }
    let timed = labelled
        .iter()
        .any(|c| c.name("before").is_some() || c.name("after").is_some());
    let mut labels: Vec<&str> = labelled
        .iter()
        .map(|c| c.name("label").unwrap().as_str())
        .collect();
    labels.sort_unstable();
    let before = labels.len();
    labels.dedup();
    timed || labels.len() < before
}

/// Splits a "Name: words" line.
fn label_of(line: &str) -> Option<(String, String)> {
    let at = line.find(':')?;
    let (label, rest) = (line[..at].trim(), line[at + 1..].trim());
    let words = label.split_whitespace().count();
    let capital = label.chars().next().is_some_and(char::is_uppercase);
    (capital && (1..=4).contains(&words) && !rest.is_empty() && !label.contains(['"', '“', '”']))
        .then(|| (label.to_owned(), rest.to_owned()))
}

/// Reads WebVTT or SubRip cues; consecutive cues of one speaker make one turn.
pub fn read_cues(text: &str) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let flush = |block: &mut Vec<&str>, turns: &mut Vec<Turn>| {
        let Some(at) = block.iter().position(|l| TIMING.is_match(l)) else {
            block.clear();
            return;
        };
        let timing = TIMING.captures(block[at]).expect("matched");
        let (start, end) = (parse_clock(&timing[1]), parse_clock(&timing[2]));
        let mut label = None;
        let mut words = Vec::new();
        for line in &block[at + 1..] {
            let mut line = line.trim().to_owned();
            if let Some(voice) = VOICE.captures(&line) {
                label = Some(voice[1].trim().to_owned());
                line = line[voice[0].len()..].to_owned();
            }
            let line = TAG
                .replace_all(&line, "")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&nbsp;", " ");
            let line = line.trim().trim_start_matches(['-', '–']).trim();
            let line = match (words.is_empty() && label.is_none(), label_of(line)) {
                (true, Some((l, rest))) => {
                    label = Some(l);
                    rest
                }
                _ => line.to_owned(),
            };
            if !line.is_empty() {
                words.push(line);
            }
        }
        block.clear();
        if words.is_empty() {
            return;
        }
        let words = words.join(" ");
        match turns.last_mut() {
            // A cue without a label goes on with the speaker before it.
            Some(last) if label.is_none() || label == last.label => {
                last.text.push(' ');
                last.text.push_str(&words);
                last.end = end.or(last.end);
            }
            _ => turns.push(Turn {
                label,
                start,
                end,
                text: words,
            }),
        }
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut block, &mut turns);
        } else {
            block.push(line);
        }
    }
    flush(&mut block, &mut turns);
    turns
}

/// Reads a labelled transcript: a line with a label starts a turn, other lines go on with it.
/// A turn ends where the next timed one starts.
pub fn read_labelled(text: &str) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match LABELLED.captures(line) {
            Some(c) => turns.push(Turn {
                label: Some(c["label"].trim().to_owned()),
                start: c
                    .name("before")
                    .or(c.name("after"))
                    .and_then(|t| parse_clock(t.as_str())),
                end: None,
                text: c["text"].trim().to_owned(),
            }),
            None => match turns.last_mut() {
                Some(turn) => {
                    turn.text.push(' ');
                    turn.text.push_str(line);
                }
                None => turns.push(Turn {
                    label: None,
                    start: None,
                    end: None,
                    text: line.to_owned(),
                }),
            },
        }
    }
    for i in 1..turns.len() {
        if turns[i - 1].start.is_some() {
            turns[i - 1].end = turns[i].start;
        }
    }
    turns
}

/// The transcript as text, one turn a line ("[00:14:03] Maria Lopez: …"), and where each
/// turn's words start in it, in characters.
pub fn render(turns: &[Turn]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut starts = Vec::new();
    for turn in turns {
        if !text.is_empty() {
            text.push('\n');
        }
        if let Some(start) = turn.start {
            text.push_str(&format!("[{}] ", clock(start, false)));
        }
        if let Some(label) = &turn.label {
            text.push_str(label);
            text.push_str(": ");
        }
        starts.push(text.chars().count());
        text.push_str(&turn.text);
    }
    (text, starts)
}

/// Whether a label names no one: "Speaker 2", "Interviewer", "Q", "Unknown".
pub fn is_generic(label: &str) -> bool {
    static GENERIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:speaker|spk|voice|person|participant|unknown|unidentified|interviewer|interviewee|host|guest|moderator|reporter|respondent|q|a|question|answer|male|female|man|woman)\b")
            .expect("generic pattern")
    });
    GENERIC.is_match(label.trim())
}

/// A label as a name: "MARIA LOPEZ" reads "Maria Lopez"; mixed case is kept.
pub fn name_of_label(label: &str) -> String {
    let label = label.trim();
    if label.chars().any(char::is_lowercase) {
        return label.to_owned();
    }
    label
        .split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_lines_with_times_before_or_after_the_label() {
        let turns = read_labelled(
            "[00:14:03] Lopez: We will open the harbor.\nIt takes a year.\nSpeaker 2 (00:15:10): Why a year?\nMARIA LOPEZ: Permits.",
        );
        assert_eq!(turns.len(), 3);
        assert_eq!(turns[0].label.as_deref(), Some("Lopez"));
        assert_eq!(turns[0].text, "We will open the harbor. It takes a year.");
        assert_eq!(
            (turns[0].start, turns[0].end),
            (Some(843_000), Some(910_000))
        );
        assert_eq!(turns[1].label.as_deref(), Some("Speaker 2"));
        assert_eq!(turns[2].start, None);
        assert_eq!(name_of_label("MARIA LOPEZ"), "Maria Lopez");
        assert!(is_generic("Speaker 2") && is_generic("Q") && !is_generic("Quentin Blake"));
    }

    #[test]
    fn cues_of_one_voice_make_one_turn() {
        let vtt = "WEBVTT\n\nNOTE a comment\n\n1\n00:00:01.000 --> 00:00:03.500\n<v Maria Lopez>We will <i>open</i>\n\n00:00:03.500 --> 00:00:05.000\nthe harbor.\n\n00:00:06.000 --> 00:00:07.000\n<v Tom>Why?\n";
        let turns = read_cues(vtt);
        assert_eq!(turns.len(), 2, "{turns:?}");
        assert_eq!(turns[0].text, "We will open the harbor.");
        assert_eq!((turns[0].start, turns[0].end), (Some(1000), Some(5000)));
        assert_eq!(turns[1].label.as_deref(), Some("Tom"));
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nLOPEZ: Yes.\n\n2\n00:00:02,500 --> 00:00:04,000\n- Really?\n";
        let turns = read_cues(srt);
        assert_eq!(turns[0].label.as_deref(), Some("LOPEZ"));
        assert_eq!(turns[0].text, "Yes. Really?");
    }

    #[test]
    fn prose_is_not_a_transcript() {
        assert!(!looks_labelled(
            "The mayor spoke: the harbor opens.\nCritics disagreed.\nNote: permits are pending.\nThe end."
        ));
        assert!(looks_labelled("A: one\nB: two\nA: three"));
    }
}
