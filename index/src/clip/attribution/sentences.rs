//! Where a sentence begins and ends around a quotation.

/// Abbreviations whose full stop does not end a sentence.
pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "prof", "st", "jr", "sr", "inc", "corp", "co",
    "ltd", "gen", "col", "lt", "sgt", "adm", "capt", "u.s", "u.k", "u.n", "e.g", "i.e", "vs", "no",
    "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft", "rev",
    "del", "sens", "reps", "govt", "ave", "blvd",
    // States as the AP abbreviates them ("Everett, Wash."), less those that are also words.
    "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ga", "ky", "md", "mich", "minn", "mont",
    "neb", "nev", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "okla", "pa", "r.i", "s.c", "s.d",
    "tenn", "tex", "vt", "va", "w.va", "wis", "wyo", "d.c",
];

pub(super) fn ends_sentence(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let word = word
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if ABBREVIATIONS.contains(&word.as_str()) {
        return false;
    }
    // An initial ("J. Smith") or a run of them ("G.K. Butterfield", "N.C.") does not end one
    // either.
    !word
        .split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

/// The longest stretch, in bytes, read as one sentence: scans for a sentence's start or end
/// stop there, so that text without full stops is read in one pass, not once per name.
pub(super) const MAX_SENTENCE: usize = 2000;

/// The start of the sentence containing byte `pos`, or `floor` if it starts before.
pub(super) fn sentence_start(text: &str, pos: usize, floor: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = pos;
    while i > floor {
        let c = bytes[i - 1];
        if c == b'\n' {
            return i;
        }
        if matches!(c, b'.' | b'!' | b'?')
            && i < pos
            && bytes[i].is_ascii_whitespace()
            && (c != b'.' || ends_sentence(text, i - 1))
        {
            return i + 1;
        }
        i -= 1;
    }
    floor
}

/// `pos`, or the character boundary before it, at most the text's end.
pub(super) fn floor_boundary(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

/// The end of the sentence containing byte `pos` (exclusive, at the full stop or line end), or
/// `limit` (at a character boundary) if it ends after.
pub(super) fn sentence_end(text: &str, pos: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let limit = floor_boundary(text, limit);
    let mut i = pos;
    while i < limit {
        let c = bytes[i];
        if c == b'\n' {
            return i;
        }
        if matches!(c, b'.' | b'!' | b'?')
            && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())
            && (c != b'.' || ends_sentence(text, i))
        {
            return i + 1;
        }
        i += 1;
    }
    limit.max(pos)
}
