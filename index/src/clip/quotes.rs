//! Finding direct quotations in running text: the spans between quotation marks, in the marks of
//! many languages (“ ” " " ‘ ’ « » „ “ „ ” 「 」 『 』 ” ”), including quotations that run over
//! several paragraphs (the opening mark repeated at each new paragraph, the closing one only at
//! the end).
//!
//! Offsets are byte offsets into the text given; the caller converts them to characters.

/// One quotation found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark.
    pub close_end: usize,
    /// Byte range of the words (marks and surrounding space excluded; trailing comma dropped).
    pub start: usize,
    pub end: usize,
    /// The words. For a quotation over several paragraphs the repeated opening marks are left
    /// out and paragraphs are joined by a space.
    pub text: String,
}

/// A quotation mark that was opened and never closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unclosed {
    pub open: usize,
}

fn closers(open: char) -> &'static [char] {
    match open {
        // (“ also where a typist used it for the closing mark: see `closes`.)
        '“' => &['”', '“'],
        '„' => &['“', '”'],
        '"' => &['"'],
        '«' => &['»'],
        '»' => &['«'],
        '「' => &['」'],
        '『' => &['』'],
        '‘' => &['’'],
        '‚' => &['‘', '’'],
        '\'' => &['\'', '’'],
        '”' => &['”'],
        _ => &[],
    }
}

/// Whether `c` at this position opens a quotation. Marks that also serve as apostrophes or
/// closing marks open only at the start of a word.
fn opens(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let at_word_start = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
    let followed = next.is_some_and(|n| !n.is_whitespace());
    match c {
        // French sets the words off with spaces: « Nous gagnerons ».
        '«' => true,
        '“' | '„' | '「' | '『' => followed || next.is_none(),
        // (A straight mark opening a paragraph opens, even set off by a space: " Souhlasem…)
        '"' => at_word_start && (followed || prev.is_none_or(|p| p == '\n') && next.is_some()),
        '‘' | '‚' => at_word_start && followed,
        // ('90s is a year; 'em, 'n' and the like are elisions: see `elided`.)
        '\'' => at_word_start && next.is_some_and(|n| n.is_alphabetic() || "“\"‘".contains(n)),
        // Swedish/Finnish ” … ”, and Danish » … «.
        '”' | '»' => at_word_start && followed,
        _ => false,
    }
}

/// Whether `c` at this position closes a quotation opened with `open`.
fn closes(open: char, c: char, prev: Option<char>, next: Option<char>) -> bool {
    if !closers(open).contains(&c) {
        return false;
    }
    match c {
        // An apostrophe inside a word (don’t, Reuters’) is not a closing mark.
        '’' | '\'' => {
            prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric())
        }
        '"' | '”' if open == c => {
            prev.is_some_and(|p| !p.is_whitespace()) || next.is_none_or(|n| n.is_whitespace())
        }
        // “expedited review“ of Flint’s water: an opening mark typed where the closing one
        // belongs (after a word, before a space) closes the quotation.
        '“' if open == '“' => {
            prev.is_some_and(|p| p.is_alphanumeric() || ".,!?".contains(p))
                && next.is_none_or(|n| n.is_whitespace() || ",.;:".contains(n))
        }
        _ => true,
    }
}

/// Whether straight single marks are the text's quotation marks ('…', as British plain text
/// has them): they open more quotations than double marks do. Where double marks are the
/// quotation marks, single ones set off headings' phrases and titles ('All Bets Are Off.'),
/// which are left alone, as before.
fn straight_singles_are_the_marks(text: &str) -> bool {
    let (mut singles, mut doubles) = (0usize, 0usize);
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        // (Two straight single marks are a typewriter's double one: ''That's not it.'')
        let typed_double =
            c == '\'' && next == Some('\'') && prev.is_none_or(|p| p.is_whitespace() || p == '(');
        if typed_double || matches!(c, '"' | '“' | '„' | '«') && opens(c, prev, next) {
            doubles += 1;
        } else if c == '\'' && opens(c, prev, next) {
            singles += 1;
        }
        prev = Some(c);
    }
    singles > doubles
}

/// Words that open with an apostrophe, not a quotation mark: "'em", "rock 'n' roll", "'tis".
fn elided(chars: &[(usize, char)], k: usize) -> bool {
    const ELISIONS: &[&str] = &[
        "em", "n", "tis", "twas", "til", "till", "cause", "cos", "bout", "round", "nuff", "ere",
        "ow", "ello", "allo", "scuse", "kay",
    ];
    let word: String = chars[k + 1..]
        .iter()
        .map(|(_, c)| *c)
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    ELISIONS.contains(&word.as_str())
}

/// `closes`, and for a straight single mark not a plural's apostrophe before the noun it
/// owns: "the players' union" (an "s", a space, a lower-case word).
fn closes_at(chars: &[(usize, char)], j: usize, open: char) -> bool {
    let c = chars[j].1;
    let prev = j.checked_sub(1).map(|p| chars[p].1);
    let next = chars.get(j + 1).map(|(_, n)| *n);
    if !closes(open, c, prev, next) {
        return false;
    }
    let owned_noun = open == '\''
        && prev == Some('s')
        && next == Some(' ')
        && chars.get(j + 2).is_some_and(|(_, n)| n.is_lowercase());
    !owned_noun
}

/// A quotation carried over from earlier paragraphs: its opening mark, where it opened and the
/// word ranges collected so far.
type Pending = (char, usize, Vec<(usize, usize)>);

/// Finds every quotation in `text`. Marks left open (and not continued in the next paragraph)
/// are reported separately so that a caller can say so instead of guessing.
pub fn find(text: &str) -> (Vec<Quotation>, Vec<Unclosed>) {
    let singles = straight_singles_are_the_marks(text);
    let mut found = Vec::new();
    let mut unclosed = Vec::new();
    let mut pending: Option<Pending> = None;

    let mut para_start = 0;
    for para in text.split_inclusive('\n') {
        let para_end = para_start + para.len();
        let body_end = para_start + para.trim_end_matches(['\n', '\r']).len();
        let chars: Vec<(usize, char)> = text[para_start..body_end]
            .char_indices()
            .map(|(i, c)| (para_start + i, c))
            .collect();
        let mut k = 0;
        if let Some((mark, open_at, pieces)) = pending.take() {
            // A continued quotation starts the next paragraph with the same opening mark.
            let first = chars.iter().position(|(_, c)| !c.is_whitespace());
            match first {
                Some(f) if chars[f].1 == mark => {
                    let (closed, next_k) = scan_to_close(&chars, f + 1, mark, &mut Vec::new());
                    let piece_start = chars.get(f + 1).map_or(body_end, |(i, _)| *i);
                    let mut pieces = pieces;
                    match closed {
                        Some((close_at, close_end)) => {
                            pieces.push((piece_start, close_at));
                            found.extend(finish(text, open_at, close_end, &pieces));
                            k = next_k;
                        }
                        None => {
                            pieces.push((piece_start, body_end));
                            pending = Some((mark, open_at, pieces));
                            para_start = para_end;
                            continue;
                        }
                    }
                }
                None if chars.is_empty() => {
                    // A blank line between paragraphs: keep waiting.
                    pending = Some((mark, open_at, pieces));
                    para_start = para_end;
                    continue;
                }
                _ => unclosed.push(Unclosed { open: open_at }),
            }
        }
        // Marks known to have no closing mark from some index on in this paragraph.
        let mut no_close: Vec<(char, usize)> = Vec::new();
        while k < chars.len() {
            let (at, c) = chars[k];
            let prev = k.checked_sub(1).map(|p| chars[p].1);
            let next = chars.get(k + 1).map(|(_, n)| *n);
            if !opens(c, prev, next) || c == '\'' && (!singles || elided(&chars, k)) {
                k += 1;
                continue;
            }
            let (closed, next_k) = scan_to_close(&chars, k + 1, c, &mut no_close);
            let words_start = chars.get(k + 1).map_or(body_end, |(i, _)| *i);
            match closed {
                Some((close_at, close_end)) => {
                    found.extend(finish(text, at, close_end, &[(words_start, close_at)]));
                    k = next_k;
                }
                // A straight single mark never closed is an apostrophe ("'Allo"), unless the
                // next paragraph opens with one: a quotation running on.
                None if c == '\'' && !text[para_end..].trim_start().starts_with('\'') => {
                    k += 1;
                }
                None => {
                    pending = Some((c, at, vec![(words_start, body_end)]));
                    break;
                }
            }
        }
        para_start = para_end;
    }
    if let Some((_, open_at, _)) = pending {
        unclosed.push(Unclosed { open: open_at });
    }
    (found, unclosed)
}

/// Looks for the mark closing `open` from `from` to the end of the paragraph. Returns the byte
/// range of the closing mark and the index to continue scanning from.
///
/// A paragraph that never closes a curly “ but has a straight " where a closing mark would be
/// (“At this point, I don’t think there is bad publicity," said …), or the other way round, is
/// closed there: the typist's or the converter's mix, not a quotation running on.
///
/// `no_close` records, for each opening mark, the index from which the paragraph holds no
/// closing mark for it, so that a paragraph of marks closed only by stand-ins is scanned once.
fn scan_to_close(
    chars: &[(usize, char)],
    from: usize,
    open: char,
    no_close: &mut Vec<(char, usize)>,
) -> (Option<(usize, usize)>, usize) {
    if no_close.iter().any(|&(c, f)| c == open && from >= f) {
        return first_close(chars, from, open, no_close);
    }
    // “…what he calls “hell” than…”: an opening “ before a closing mark is a quotation inside
    // this one, when the paragraph holds a closing mark for this one after it. (Without one
    // the inner mark was a typing slip and the first closing mark ends the quotation.) One
    // pass: inner quotations are skipped one after another, not nested deeper, and the outer
    // closing mark is looked for within `NESTED_REACH` characters, so that text full of marks
    // costs a bounded scan per quotation.
    const NESTED_REACH: usize = 3000;
    let mut inner = false;
    let mut slip: Option<(usize, usize)> = None;
    // “Our roads are crumbling," she said. "Families endure blackouts.”: a converter's mix of
    // marks. Inside a curly quotation a straight mark after a sentence's comma or stop, before
    // a space, closes it, unless a straight mark opened a quotation inside it (“He called it
    // "fake," twice”); and the other way round.
    let mixed: Option<(char, char)> = match open {
        '“' => Some(('"', '"')),
        '"' => Some(('“', '”')),
        _ => None,
    };
    let mut mixed_inner = false;
    for j in from..chars.len() {
        if slip.is_some() && j > from + NESTED_REACH {
            break;
        }
        let (at, c) = chars[j];
        let prev = j.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(j + 1).map(|(_, n)| *n);
        if let Some((mixed_open, mixed_close)) = mixed
            && !inner
        {
            if c == mixed_close {
                let after_stop = prev.is_some_and(|p| ",.?!".contains(p));
                let before_space = next.is_none_or(char::is_whitespace);
                if mixed_inner && prev.is_some_and(|p| !p.is_whitespace()) {
                    mixed_inner = false;
                    continue;
                }
                if !mixed_inner && after_stop && before_space {
                    return (Some((at, at + c.len_utf8())), j + 1);
                }
            }
            if c == mixed_open && opens(c, prev, next) {
                mixed_inner = true;
                continue;
            }
        }
        if closes_at(chars, j, open) {
            let close = (at, at + c.len_utf8());
            if !inner {
                return (Some(close), j + 1);
            }
            inner = false;
            slip.get_or_insert(close);
            continue;
        }
        if open == '“'
            && c == '“'
            && j > from
            && prev.is_none_or(char::is_whitespace)
            && opens(c, prev, next)
        {
            inner = true;
        }
    }
    if let Some(close @ (_, end)) = slip {
        let next = chars.partition_point(|(at, _)| *at < end);
        return (Some(close), next);
    }
    no_close.push((open, from));
    first_close(chars, from, open, no_close)
}

/// The first mark from `from` that closes a quotation opened with `open`, and where to go on
/// scanning.
fn first_close(
    chars: &[(usize, char)],
    from: usize,
    open: char,
    no_close: &mut Vec<(char, usize)>,
) -> (Option<(usize, usize)>, usize) {
    // The first mark from `from` at an index `is_close` accepts, and where to go on scanning.
    let first = |is_close: &dyn Fn(usize) -> bool| {
        (from..chars.len()).find(|&j| is_close(j)).map(|j| {
            let (at, c) = chars[j];
            ((at, at + c.len_utf8()), j + 1)
        })
    };
    let known_none = no_close.iter().any(|&(c, f)| c == open && from >= f);
    let proper = if known_none {
        None
    } else {
        let found = first(&|j| closes_at(chars, j, open));
        if found.is_none() {
            no_close.push((open, from));
        }
        found
    };
    let found = proper.or_else(|| {
        let stand_in = match open {
            '“' => '"',
            '"' => '”',
            _ => return None,
        };
        first(&|j| {
            let prev = j.checked_sub(1).map(|p| chars[p].1);
            let next = chars.get(j + 1).map(|(_, n)| *n);
            chars[j].1 == stand_in
                && prev.is_some_and(|p| !p.is_whitespace())
                && next.is_none_or(|n| !n.is_alphanumeric())
        })
    });
    match found {
        Some((close, next)) => (Some(close), next),
        None => (None, chars.len()),
    }
}

fn finish(
    text: &str,
    open: usize,
    close_end: usize,
    pieces: &[(usize, usize)],
) -> Option<Quotation> {
    let trim = |(s, e): (usize, usize)| {
        let slice = &text[s..e];
        let lead = slice.len() - slice.trim_start().len();
        let body = slice.trim();
        (s + lead, s + lead + body.len())
    };
    let mut pieces: Vec<(usize, usize)> = pieces
        .iter()
        .map(|p| trim(*p))
        .filter(|(s, e)| s < e)
        .collect();
    // The comma before the closing mark belongs to the sentence around the quotation
    // (“…,” she said), not to the words.
    if let Some(last) = pieces.last_mut() {
        let body = &text[last.0..last.1];
        let stripped = body.trim_end_matches([',', '，']).trim_end();
        last.1 = last.0 + stripped.len();
        if last.0 >= last.1 {
            pieces.pop();
        }
    }
    let (first, last) = (pieces.first()?, pieces.last()?);
    let words: Vec<&str> = pieces.iter().map(|(s, e)| &text[*s..*e]).collect();
    Some(Quotation {
        open,
        close_end,
        start: first.0,
        end: last.1,
        text: words.join(" "),
    })
}

/// The text between quotation `n` and its neighbours: from the end of the one before (or the
/// start of the text) to its opening mark, and from its closing mark to the opening of the
/// next (or the end of the text). Where each reader looks for an attribution.
pub(crate) fn neighbourhood<'a>(
    text: &'a str,
    quotations: &[Quotation],
    n: usize,
) -> (&'a str, &'a str) {
    let q = &quotations[n];
    let prev_end = n
        .checked_sub(1)
        .map_or(0, |p| quotations[p].close_end)
        .min(q.open);
    let next_open = quotations
        .get(n + 1)
        .map_or(text.len(), |next| next.open)
        .max(q.close_end);
    (&text[prev_end..q.open], &text[q.close_end..next_open])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<String> {
        find(input).0.into_iter().map(|q| q.text).collect()
    }

    #[test]
    fn each_style_of_quotation_mark() {
        for (input, want) in [
            ("He said “we will win,” and left.", "we will win"),
            ("He said \"we will win\" and left.", "we will win"),
            ("Sie sagte: „Wir schaffen das“.", "Wir schaffen das"),
            ("Hij zei: „We gaan winnen”.", "We gaan winnen"),
            (
                "Il a dit : « Nous allons gagner » hier.",
                "Nous allons gagner",
            ),
            ("他说：「我们会赢」。", "我们会赢"),
            ("她说：『我们会赢』。", "我们会赢"),
            ("Han sa: ”Vi kommer att vinna” igår.", "Vi kommer att vinna"),
            ("She said ‘we will win’ and left.", "we will win"),
            ("Hun sagde: »Vi vinder« i går.", "Vi vinder"),
        ] {
            assert_eq!(texts(input), vec![want.to_owned()], "{input}");
        }
    }

    #[test]
    fn a_curly_mark_closed_by_a_straight_one_or_the_other_way_round() {
        assert_eq!(
            texts(
                "“At this point, there is no bad publicity,\" said the mayor. \"We made mistakes.\""
            ),
            vec![
                "At this point, there is no bad publicity",
                "We made mistakes."
            ]
        );
        assert_eq!(
            texts("\"We did try to convey it,” said Daniel Benjamin, a former official."),
            vec!["We did try to convey it"]
        );
        // A paragraph that closes its curly mark properly keeps its straight marks inside.
        assert_eq!(
            texts("“He called it \"fake\" twice,” she said."),
            vec!["He called it \"fake\" twice"]
        );
        assert_eq!(
            texts("“He called it \"fake,\" twice,” she said."),
            vec!["He called it \"fake,\" twice"]
        );
        // … but a straight mark after a comma, before a space, closes it when the curly
        // closing mark belongs to the next quotation, opened by a straight mark.
        assert_eq!(
            texts("“Our roads are crumbling,\" she said. \"Families endure blackouts.”"),
            vec!["Our roads are crumbling", "Families endure blackouts."]
        );
        assert_eq!(
            texts("\"Our roads are crumbling,” she said. “Families endure blackouts.\""),
            vec!["Our roads are crumbling", "Families endure blackouts."]
        );
    }

    #[test]
    fn an_opening_mark_typed_for_the_closing_one() {
        assert_eq!(
            texts(
                "He asked for an “expedited review“ of the water system and a “health monitoring” plan."
            ),
            vec!["expedited review", "health monitoring"]
        );
        assert_eq!(
            texts("“Do you want to be associated with a fascist?“ he asked. “No.”"),
            vec!["Do you want to be associated with a fascist?", "No."]
        );
    }

    #[test]
    fn apostrophes_do_not_close_single_quotes() {
        assert_eq!(
            texts("She said ‘the company’s plan isn’t working’ yesterday."),
            vec!["the company’s plan isn’t working"]
        );
        assert!(texts("It’s Reuters’ report, not the company’s.").is_empty());
    }

    #[test]
    fn a_quotation_over_several_paragraphs() {
        let text = "“This is the first part.\n“And this is the second,” she said.\nNext.";
        let (found, unclosed) = find(text);
        assert!(unclosed.is_empty());
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].text,
            "This is the first part. And this is the second"
        );
        assert_eq!(
            &text[found[0].start..found[0].end],
            "This is the first part.\n“And this is the second"
        );
    }

    #[test]
    fn a_quotation_broken_by_its_attribution_is_two_spans() {
        assert_eq!(
            texts("“We are ready,” she said. “The rest is up to them.”"),
            vec!["We are ready", "The rest is up to them."]
        );
    }

    #[test]
    fn unterminated_marks_are_reported_not_guessed() {
        let (found, unclosed) = find("He said “this never ends.\nA new paragraph.");
        assert!(found.is_empty());
        assert_eq!(unclosed, vec![Unclosed { open: 8 }]);
        let (found, unclosed) = find("“open at the very end");
        assert!(found.is_empty());
        assert_eq!(unclosed.len(), 1);
    }

    #[test]
    fn offsets_point_at_the_words() {
        let text = "Yoon said “engineering ingenuity,” in an email.";
        let q = &find(text).0[0];
        assert_eq!(&text[q.start..q.end], "engineering ingenuity");
        assert_eq!(&text[q.open..q.close_end], "“engineering ingenuity,”");
    }

    #[test]
    fn a_quotation_inside_one_with_the_same_marks_nests() {
        assert_eq!(
            texts("“I’d rather live in what he calls “hell” than here,” she wrote. “Really.”"),
            vec![
                "I’d rather live in what he calls “hell” than here",
                "Really."
            ]
        );
        // With no second closing mark in the paragraph the inner mark was a slip: the first
        // closing mark ends the quotation.
        assert_eq!(
            texts("“We won, she said, “and we will win again.” Then she left."),
            vec!["We won, she said, “and we will win again."]
        );
    }

    #[test]
    fn straight_single_marks_where_they_are_the_quotation_marks() {
        // British plain text: '…' with "…" inside, over two paragraphs, and apostrophes that
        // open ('em, '90s, rock 'n' roll) or close (the players' union) no quotation.
        let text = "'We will not back down,' said Mick Lynch. 'He called it \"fake\".'\n\
                    The players' union met in the '90s; rock 'n' roll and all, they took 'em \
                    home.\n\
                    'It is the first part.\n\
                    'And this is the second,' she said. 'Allo.";
        assert_eq!(
            texts(text),
            vec![
                "We will not back down",
                "He called it \"fake\".",
                "It is the first part. And this is the second",
            ]
        );
        assert!(find(text).1.is_empty(), "an apostrophe is no unclosed mark");
        // Where double marks are the quotation marks, single ones set off a heading's
        // phrase ('All Bets Are Off.'), as two typed for a double one do (''So it is.'').
        assert_eq!(
            texts("\"We won,\" she said. \"Again.\"\n'All Bets Are Off.'\nHe read 'Ulysses'."),
            vec!["We won", "Again."]
        );
        assert_eq!(
            texts("''So it is,'' he said. ''Yes.'' She said 'really'."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn inches_and_stray_marks_are_not_quotations() {
        assert!(texts("He is 6'2\" tall and 5\" wide.").is_empty());
    }
}
