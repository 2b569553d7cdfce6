//! The candidates a quotation's speaker is chosen among: the rules' reading, people and organizations the tagger finds, pronouns, descriptions, the previous speaker, and "no one named"; and the reading from the shape of the words alone.

use std::sync::LazyLock;

use super::Attribution;
use super::rank::*;
use super::source::{SourceTagger, sequence};
use crate::clip::quotes::Quotation;

/// The choices for every quotation of an article, given the rules' readings.
pub(super) fn choices(
    text: &str,
    quotations: &[Quotation],
    rules: &[Attribution],
    source: &SourceTagger,
) -> Vec<Instance> {
    let ctx = Context::new(text, quotations);
    let mut out = Vec::with_capacity(quotations.len());
    for (n, q) in quotations.iter().enumerate() {
        let rule = &rules[n];
        let (qa, qb) = ctx.span_of(q);
        let para = ctx.paragraph.get(qa).copied().unwrap_or(0);
        let open_sentence = ctx.sentence.get(qa).copied().unwrap_or(0);
        let close_sentence = ctx.sentence.get(qb.saturating_sub(1)).copied().unwrap_or(0);
        let mut list: Vec<Choice> = Vec::new();
        let seq = sequence(&ctx, q);
        let reading = source.read(&seq);
        // Entity mentions near the quotation, nearest first per name.
        let mut mentions: Vec<((usize, usize, usize), usize, bool)> = ctx
            .entities_within(qa.saturating_sub(90), qb + 41)
            .iter()
            .filter(|e| {
                let p = ctx.paragraph[e.0];
                (p == para || p + 1 == para)
                    && ((e.1 <= qa && qa - e.1 <= 80) || (e.0 >= qb && e.0 - qb <= 40))
            })
            .map(|&e| {
                let before = e.1 <= qa;
                let dist = if before { qa - e.1 } else { e.0 - qb };
                (e, dist, before)
            })
            .collect();
        mentions.sort_by_key(|m| (m.1, !m.2));
        // The cue the quotation hangs on: the nearest cue word outside quotations in its
        // sentence (before it) or the sentence it closes (after it).
        let attached = ctx.attached_cue(qa, qb);
        // The entity nearest that cue.
        let nearest_to_cue = attached.and_then(|k| {
            mentions.iter().map(|m| m.0).min_by_key(|e| {
                if e.1 <= k {
                    k - e.1
                } else {
                    e.0.saturating_sub(k)
                }
            })
        });
        let openings: Vec<f32> = mentions
            .iter()
            .map(|m| reading.opening(&seq, m.0.0, m.0.1))
            .collect();
        let mut rank_before = 0;
        let mut rank_after = 0;
        for (i, &(e, dist, before)) in mentions.iter().enumerate() {
            let rank = if before {
                rank_before += 1;
                rank_before
            } else {
                rank_after += 1;
                rank_after
            };
            let name = ctx.full_name(e);
            if let Some(c) = list.iter_mut().find(|c| same_name(&c.name, &name)) {
                c.features.push(feature(&["again"]));
                continue;
            }
            let side = if before { "before" } else { "after" };
            let kind = if e.2 == 0 { "PERSON" } else { "ORG" };
            let mut fs = vec![
                feature(&["entity", kind]),
                feature(&["side,dist", side, bin(dist)]),
                feature(&["kind,side", kind, side]),
                feature(&["rank", side, bin(rank)]),
                feature(&["len", bin(e.1 - e.0)]),
                feature(&["resolved", if name.contains(' ') { "full" } else { "one" }]),
            ];
            let s = ctx.sentence[e.0];
            let same = if before {
                s == open_sentence
            } else {
                s == close_sentence
            };
            fs.push(feature(&[
                "same sentence",
                side,
                if same { "y" } else { "n" },
            ]));
            fs.push(feature(&[
                "paragraph",
                if ctx.paragraph[e.0] == para {
                    "same"
                } else {
                    "previous"
                },
            ]));
            // Cue words next to the mention and between it and the quotation.
            let near = |from: usize, to: usize| (from..to).any(|k| ctx.cue[k] && !ctx.quoted[k]);
            let left = near(e.0.saturating_sub(3), e.0);
            let right = near(e.1, (e.1 + 3).min(ctx.cue.len()));
            let (gap_from, gap_to) = if before { (e.1, qa) } else { (qb, e.0) };
            let between = near(gap_from, gap_to);
            let others = ctx
                .entities_within(gap_from, gap_to)
                .iter()
                .filter(|o| o.2 == 0 && o.0 >= gap_from && o.1 <= gap_to)
                .count();
            let flag = |b: bool| if b { "y" } else { "n" };
            fs.push(feature(&["cue left", side, flag(left)]));
            fs.push(feature(&["cue right", side, flag(right)]));
            fs.push(feature(&["cue between", side, flag(between)]));
            fs.push(feature(&["people between", side, bin(others)]));
            fs.push(feature(&[
                "cue,same",
                side,
                flag(left || right),
                flag(same),
            ]));
            fs.push(feature(&[
                "sentence start",
                flag(ctx.tagged.tokens[e.0].sentence_start),
            ]));
            match attached {
                Some(k) => {
                    let (to_cue, cue_side) = if e.1 <= k {
                        (k - e.1, "cue after")
                    } else {
                        (e.0.saturating_sub(k + 1), "cue before")
                    };
                    let nearest = flag(nearest_to_cue == Some(e));
                    fs.push(feature(&["to cue", cue_side, bin(to_cue)]));
                    fs.push(feature(&["nearest to cue", nearest]));
                    fs.push(feature(&["nearest to cue, kind", nearest, kind]));
                    fs.push(feature(&["cue adjacent", flag(to_cue == 0)]));
                    // A pronoun between the name and the cue is the cue's subject ("When
                    // Jeffries mentioned it to me, I laughed and said").
                    let (a, b) = if e.1 <= k { (e.1, k) } else { (k + 1, e.0) };
                    let pronoun = (a..b).find_map(|t| match ctx.word(t).to_lowercase().as_str() {
                        "i" | "we" => Some("first"),
                        "he" | "she" | "they" => Some("third"),
                        _ => None,
                    });
                    fs.push(feature(&["pronoun before cue", pronoun.unwrap_or("none")]));
                }
                None => fs.push(feature(&["no cue attached", side, bin(dist)])),
            }
            // The shapes of an attribution whatever its verb: “…,” VERB Name / “…,” Name VERB
            // before the sentence ends (a verb no cue list holds: "hedged", "ventured").
            let verb = |k: usize| {
                ctx.tagged
                    .pos
                    .get(k)
                    .is_some_and(|p| matches!(*p, "VBD" | "VBZ" | "VBP"))
            };
            let gap_words: Vec<usize> = (gap_from..gap_to)
                .filter(|&k| ctx.word(k).chars().any(char::is_alphanumeric))
                .collect();
            let shape = match (before, gap_words.as_slice()) {
                (false, [v]) if verb(*v) => "quote verb name",
                (false, []) if verb(e.1) => "quote name verb",
                (true, [v]) if verb(*v) => "name verb quote",
                (true, []) => "name quote",
                _ => "other",
            };
            fs.push(feature(&["attribution shape", shape]));
            let prev_word = e.0.checked_sub(1).map_or("<s>", |k| ctx.word(k));
            let next_word = ctx.tagged.tokens.get(e.1).map_or("</s>", |t| t.text(text));
            fs.push(feature(&["prev word", &prev_word.to_lowercase()]));
            fs.push(feature(&["next word", &next_word.to_lowercase()]));
            fs.push(feature(&[
                "next pos",
                ctx.tagged.pos.get(e.1).copied().unwrap_or("</s>"),
            ]));
            fs.push(feature(&[
                "prev pos",
                e.0.checked_sub(1).map_or("<s>", |k| ctx.tagged.pos[k]),
            ]));
            if !source.is_empty() {
                // Where this mention stands among the mentions by how strongly the source
                // tagger took it to open the speaker's span (its scores are not calibrated:
                // only their order is read).
                let opening = openings[i];
                let above = openings.iter().filter(|&&o| o > opening).count();
                fs.push(feature(&["opening rank", kind, bin(above)]));
                fs.push(feature(&[
                    "opening sign",
                    kind,
                    if opening > 0.0 { "+" } else { "-" },
                ]));
            }
            list.push(Choice {
                name,
                mention: Some(ctx.words(e.0, e.1).to_owned()),
                from_rules: false,
                features: fs,
            });
        }
        // Someone's described by what they are to a name: "Hillary Clinton’s right-hand
        // woman", "Trump's campaign manager" (an unnamed source, beside the name itself).
        for &(e, dist, before) in &mentions {
            let n = ctx.tagged.tokens.len();
            if ctx.tagged.pos.get(e.1) != Some(&"POS") {
                continue;
            }
            let mut end = e.1 + 1;
            while end < n
                && end < e.1 + 6
                && !ctx.quoted[end]
                && matches!(ctx.tagged.pos[end], "JJ" | "NN" | "NNS" | "HYPH" | "VBN")
            {
                end += 1;
            }
            if end == e.1 + 1 || !matches!(ctx.tagged.pos[end - 1], "NN" | "NNS") {
                continue;
            }
            let mention = ctx.words(e.0, end).to_owned();
            let side = if before { "before" } else { "after" };
            let cue_next = ctx.cue.get(end).copied().unwrap_or(false)
                || e.0.checked_sub(1).is_some_and(|k| ctx.cue[k]);
            list.push(Choice {
                name: mention.clone(),
                mention: Some(mention),
                from_rules: false,
                features: vec![
                    feature(&["possessive description", side, bin(dist)]),
                    feature(&[
                        "possessive description, cue next",
                        if cue_next { "y" } else { "n" },
                    ]),
                    feature(&["description head", &ctx.word(end - 1).to_lowercase()]),
                ],
            });
        }
        // Descriptions next to a cue: "the Vermont senator said", "said a White House aide".
        for (start, end, k) in ctx.descriptions_near(qa, qb) {
            let mention = ctx.words(start, end).to_owned();
            if list.iter().any(|c| c.mention.as_deref() == Some(&mention)) {
                continue;
            }
            let before = end <= qa;
            let side = if before { "before" } else { "after" };
            let dist = if before {
                qa - end
            } else {
                start.saturating_sub(qb)
            };
            let head = ctx.word(end - 1).to_lowercase();
            list.push(Choice {
                name: mention.clone(),
                mention: Some(mention),
                from_rules: false,
                features: vec![
                    feature(&["description", side, bin(dist)]),
                    feature(&["description head", &head]),
                    feature(&[
                        "description cue",
                        if k < start { "before" } else { "after" },
                    ]),
                    feature(&["description det", &ctx.word(start).to_lowercase()]),
                ],
            });
        }
        // What the quotation looks like: how long, how it starts and ends, whether it is a
        // paragraph of its own or sits inside narration.
        let shape = quotation_shape(text, q);
        // The rules' reading.
        if let Some(name) = rules_name(rule) {
            let kind = if rule.speaker.is_some() {
                "named"
            } else {
                "described"
            };
            let how = rule.note.as_deref().map_or("direct", |note| {
                if note.starts_with("continues") {
                    "continues"
                } else if note.contains("resolved") {
                    "resolved"
                } else {
                    "other"
                }
            });
            let extra = [
                feature(&["rules", kind]),
                feature(&["rules how", how]),
                feature(&["rules cue", if rule.cue.is_some() { "y" } else { "n" }]),
            ];
            let same_mention = |c: &Choice| {
                c.mention
                    .as_deref()
                    .zip(rule.mention.as_deref())
                    .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b))
            };
            match list
                .iter_mut()
                .find(|c| same_name(&c.name, &name) || same_mention(c))
            {
                Some(c) => {
                    c.from_rules = true;
                    c.name = name;
                    if rule.mention.is_some() {
                        c.mention = rule.mention.clone();
                    }
                    c.features.extend(extra);
                    c.features.push(feature(&["rules and entity"]));
                }
                None => list.push(Choice {
                    name,
                    mention: rule.mention.clone(),
                    from_rules: true,
                    features: extra
                        .into_iter()
                        .chain([feature(&["rules alone"])])
                        .collect(),
                }),
            }
        }
        // The previous quotation's speaker, as the rules read it.
        if let Some(prev) = n.checked_sub(1).and_then(|p| rules_name(&rules[p])) {
            let prev_q = &quotations[n - 1];
            let gap = &text[prev_q.close_end.min(q.open)..q.open];
            let adjacent = if !gap.contains('\n') {
                "same paragraph"
            } else if gap.matches('\n').count() <= 2 {
                "next paragraph"
            } else {
                "further"
            };
            let fs: Vec<u64> = std::iter::once(feature(&["previous", adjacent]))
                .chain(
                    shape
                        .iter()
                        .map(|f| feature(&["previous, quotation", adjacent, f])),
                )
                .collect();
            match list.iter_mut().find(|c| same_name(&c.name, &prev)) {
                Some(c) => c.features.extend(fs),
                None => list.push(Choice {
                    name: prev,
                    mention: None,
                    from_rules: false,
                    features: fs
                        .into_iter()
                        .chain([feature(&["previous alone"])])
                        .collect(),
                }),
            }
        }
        // The source tagger's spans: a feature of the choice each names, or a choice of its
        // own (a description no pattern knows, a name the entities missed).
        let spans = &reading.spans;
        for (rank, s) in spans.iter().enumerate() {
            let (a, b) = (seq.at[s.start], seq.at[s.end - 1] + 1);
            let mention = ctx.words(a, b).to_owned();
            let lower = mention.to_lowercase();
            let entity = ctx
                .entities_within(a.saturating_sub(4), b)
                .iter()
                .find(|e| e.0 < b && a < e.1)
                .copied();
            let (kind, name) = match (entity, lower.as_str()) {
                (Some(e), _) => (if e.2 == 0 { "person" } else { "org" }, ctx.full_name(e)),
                (None, "he" | "she" | "it" | "they") => {
                    // The person (or, for "it" and "they", the body) named last before it.
                    let people = lower == "he" || lower == "she";
                    match ctx
                        .entities
                        .iter()
                        .rev()
                        .find(|e| e.1 <= a && (e.2 == 0 || !people))
                    {
                        Some(&e) => ("pronoun", ctx.full_name(e)),
                        None => continue,
                    }
                }
                (None, "i" | "we" | "you") => continue,
                (None, _) => ("description", mention.clone()),
            };
            let before = b <= qa;
            let side = if before { "before" } else { "after" };
            let dist = if before { qa - b } else { a.saturating_sub(qb) };
            let fs = [
                feature(&["tagged", kind]),
                feature(&["tagged, rank", kind, bin(rank)]),
                feature(&["tagged, side", kind, side, bin(dist)]),
            ];
            let found = list.iter_mut().find(|c| {
                !c.name.is_empty()
                    && (same_name(&c.name, &name)
                        || c.mention
                            .as_deref()
                            .is_some_and(|m| m.eq_ignore_ascii_case(&mention)))
            });
            match found {
                Some(c) => c.features.extend(fs),
                None => list.push(Choice {
                    name,
                    mention: Some(mention),
                    from_rules: false,
                    features: fs
                        .into_iter()
                        .chain([feature(&["tagged alone", kind])])
                        .collect(),
                }),
            }
        }
        // No one named.
        let any_cue = (qa.saturating_sub(6)..(qb + 6).min(ctx.cue.len()))
            .any(|k| ctx.cue[k] && !ctx.quoted[k]);
        list.push(Choice {
            name: String::new(),
            mention: None,
            from_rules: rules_name(rule).is_none(),
            features: vec![
                feature(&["none"]),
                feature(&["none, cue near", if any_cue { "y" } else { "n" }]),
                feature(&[
                    "none, rules",
                    if rules_name(rule).is_some() {
                        "named"
                    } else {
                        "none"
                    },
                ]),
                feature(&["none, choices", bin(list.len())]),
                feature(&["none, tagged", if spans.is_empty() { "n" } else { "y" }]),
            ]
            .into_iter()
            .chain(shape.iter().map(|f| feature(&["none, quotation", f])))
            .collect(),
        });
        for c in &mut list {
            c.features.push(feature(&["bias"]));
        }
        out.push(Instance {
            open: q.open,
            close_end: q.close_end,
            choices: list,
            shape: shape_reading(&ctx, q, (qa, qb), attached.is_some()),
        });
    }
    out
}

/// A speaker the words around a quotation give by their shape alone:
///
/// - a verb no list holds, and a name, right after a quotation that breaks off at a comma
///   ("“…,” hedged Pavel Novak"; "“…,” Novak hedged");
/// - a name and a social network as the quotation's label ("Tomas Reyes, on X: “…”");
/// - a quotation that is a sentence of its own closing a paragraph, with no verb of saying,
///   after a sentence about someone ("Greta Holm spoke last. She had been quiet all evening.
///   “I have seen this movie before.”").
pub(super) fn shape_reading(
    ctx: &Context<'_>,
    q: &Quotation,
    (qa, qb): (usize, usize),
    cue_attached: bool,
) -> Option<ShapeReading> {
    let text = ctx.text;
    let n = ctx.tagged.tokens.len();
    let person_at = |k: usize| ctx.entities.iter().find(|e| e.0 == k && e.2 == 0).copied();
    let verb = |k: usize| k < n && !ctx.quoted[k] && matches!(ctx.tagged.pos[k], "VBD" | "VBZ");
    let inner = text[q.open..q.close_end].trim_end_matches(['”', '"', '’', '\'', '»', ' ']);
    let breaks_off = inner.ends_with([',', '?', '!', '—']);
    if breaks_off && qb < n && ctx.paragraph[qb] == ctx.paragraph[qa] {
        if verb(qb)
            && let Some(e) = person_at(qb + 1)
        {
            return Some(ShapeReading {
                name: ctx.full_name(e),
                cue: Some(ctx.word(qb).to_lowercase()),
                medium: None,
                note: format!("read from the shape “…,” {} Name", ctx.word(qb)),
            });
        }
        if let Some(e) = person_at(qb)
            && verb(e.1)
        {
            return Some(ShapeReading {
                name: ctx.full_name(e),
                cue: Some(ctx.word(e.1).to_lowercase()),
                medium: None,
                note: format!("read from the shape “…,” Name {}", ctx.word(e.1)),
            });
        }
    }
    let line_start = text[..q.open].rfind('\n').map_or(0, |i| i + 1);
    let label = &text[line_start..q.open];
    static LABEL: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"^\s*(?P<name>\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){1,3}),?\s+(?:on|via)\s+(?P<network>X|Twitter|Facebook|Instagram|TikTok|Threads|Bluesky|LinkedIn|Truth Social|YouTube|Mastodon|Telegram|Weibo)\s*:\s*$",
        )
        .expect("valid regex")
    });
    if let Some(c) = LABEL.captures(label) {
        return Some(ShapeReading {
            name: c["name"].to_owned(),
            cue: None,
            medium: Some(crate::model::Medium::Post),
            note: format!("posted on {}, as its label says", &c["network"]),
        });
    }
    let own_sentence = ctx.tagged.tokens[qa].sentence_start && inner.ends_with(['.', '!', '?']);
    if !own_sentence || cue_attached {
        return None;
    }
    // A sentence of its own that opens its paragraph, and the next sentence names the one
    // who said it ("“We will not close a single school.” The promise came from Mayor Ada
    // Finch"): the first person that sentence names, within its first words.
    let opens_paragraph = qa == 0 || ctx.paragraph[qa - 1] != ctx.paragraph[qa];
    if opens_paragraph && qb < n && ctx.paragraph[qb] == ctx.paragraph[qa] {
        let next = ctx.sentence[qb];
        if let Some(e) = ctx
            .entities
            .iter()
            .find(|e| e.0 >= qb && e.0 < qb + 12 && e.2 == 0)
            .filter(|e| ctx.sentence[e.0] == next && !(qb..e.0).any(|k| ctx.quoted[k]))
        {
            return Some(ShapeReading {
                name: ctx.full_name(*e),
                cue: None,
                medium: None,
                note: "no verb of saying: the person the next sentence names".to_owned(),
            });
        }
    }
    // A sentence of its own that closes its paragraph, with no verb of saying near it.
    let closes_paragraph = text[q.close_end..]
        .split('\n')
        .next()
        .is_some_and(|rest| rest.trim().is_empty());
    if !closes_paragraph || qa == 0 {
        return None;
    }
    // The sentence before it, in its paragraph: about a person named at its start, or
    // "he"/"she" for the person named last.
    let para = ctx.paragraph[qa];
    let prev_sentence = ctx.sentence[qa - 1];
    if ctx.paragraph[qa - 1] != para || prev_sentence == ctx.sentence[qa] {
        return None;
    }
    let start = (0..qa)
        .rev()
        .take_while(|&k| ctx.sentence[k] == prev_sentence)
        .last()?;
    let subject = match ctx.word(start).to_lowercase().as_str() {
        "he" | "she" => ctx
            .entities
            .iter()
            .rev()
            .find(|e| e.1 <= start && e.2 == 0 && ctx.paragraph[e.0] + 1 >= para)
            .copied(),
        _ => person_at(start),
    }?;
    Some(ShapeReading {
        name: ctx.full_name(subject),
        cue: None,
        medium: None,
        note: "no verb of saying: the person the sentence before is about".to_owned(),
    })
}
