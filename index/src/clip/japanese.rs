//! Who said a quotation in Japanese, in the shapes Japanese news writing uses: the speaker as
//! the sentence's topic before the quotation and the verb after it
//! (`トヨタ自動車の佐藤恒治社長は記者会見で「…」と述べた`), the speaker between the quotation and
//! the verb (`「…」と同社の広報担当者は話した`), a later reference by family name and title or
//! 氏 (`佐藤社長は`, `佐藤氏は`), a pronoun (`彼は`), and "the company" (`同社の広報担当者`).
//!
//! The words are the language profile `index/data/languages/ja.txt`.

use std::sync::LazyLock;

use super::attribution::Attribution;
use super::profile::Profile;
use super::quotes::Quotation;
use crate::model::Medium;

struct Words {
    cues: Vec<&'static str>,
    quotative: Vec<&'static str>,
    titles: Vec<&'static str>,
    honorifics: Vec<&'static str>,
    org_suffixes: Vec<&'static str>,
    company_refs: Vec<&'static str>,
    kind_nouns: Vec<&'static str>,
    pronouns: Vec<&'static str>,
    adverbials: Vec<&'static str>,
    media: Vec<(Medium, Vec<&'static str>)>,
}

static JA: LazyLock<Words> = LazyLock::new(|| {
    let p = Profile::of("ja").expect("the Japanese profile is compiled in");
    Words {
        cues: p.longest_first("cues"),
        quotative: p.longest_first("quotative"),
        titles: p.longest_first("titles"),
        honorifics: p.longest_first("honorifics"),
        org_suffixes: p.longest_first("organization suffixes"),
        company_refs: p.longest_first("company references"),
        kind_nouns: p.longest_first("kind nouns"),
        pronouns: p.longest_first("pronouns"),
        adverbials: p.longest_first("adverbials"),
        media: p.media(),
    }
});

fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '\n')
}

/// What a topic phrase says of who spoke.
#[derive(Debug, Default, Clone, PartialEq)]
struct Subject {
    name: Option<String>,
    title: Option<String>,
    organization: Option<String>,
    same_company: bool,
    pronoun: bool,
}

/// Reads `[組織]の[氏名][役職]`, `[役職]の[氏名]氏`, `[氏名]氏`, `同社の[役職]`, `彼`.
fn read_phrase(phrase: &str) -> Option<Subject> {
    let w = &*JA;
    let mut p = phrase.trim_matches(|c: char| c.is_whitespace() || c == '、');
    // (A dateline before the first sentence: "横浜12月2日 北山市の…".)
    if let Some(i) = p.rfind(char::is_whitespace) {
        p = p[i..].trim_start();
    }
    // (After the last comma: "一方、ホンダの三部敏宏社長"; but "みなと証券のチーフエコノミスト、
    // 村井直子氏" is a role and then the name.)
    let mut role_before: Option<Subject> = None;
    if let Some(i) = p.rfind('、') {
        let head = &p[..i];
        let head = head.rsplit('、').next().unwrap_or(head);
        if w.titles.iter().any(|t| head.ends_with(t)) {
            role_before = read_role(head);
        }
        p = &p[i + '、'.len_utf8()..];
    }
    while let Some(a) = w.adverbials.iter().find(|a| p.starts_with(**a)) {
        p = p[a.len()..].trim_start_matches('、');
    }
    if p.is_empty() || p.chars().count() > 30 {
        return None;
    }
    let mut out = Subject::default();
    if w.pronouns.contains(&p) {
        out.pronoun = true;
        return Some(out);
    }
    let (owner, rest) = match p.rfind('の') {
        Some(i) => (&p[..i], &p[i + 'の'.len_utf8()..]),
        None => ("", p),
    };
    if !owner.is_empty() {
        if let Some(r) = w.company_refs.iter().find(|r| owner == **r) {
            out.same_company = true;
            let _ = r;
        } else if let Some(t) = w.titles.iter().find(|t| owner.ends_with(**t)) {
            // "最高経営責任者（CEO）の佐藤氏", "敗れた新人で元衆院議員の岡本聡子氏": the role
            // before the name (former: 元), and no clause of what happened.
            let mut start = owner.len() - t.len();
            if owner[..start].ends_with(['元', '前']) {
                start -= '元'.len_utf8();
            }
            let org = owner[..start]
                .char_indices()
                .rev()
                .find(|&(_, c)| "たるでをがにて".contains(c))
                .map_or(&owner[..start], |(i, c)| &owner[i + c.len_utf8()..start]);
            out.title = Some(owner[start..].to_owned());
            if !org.is_empty() {
                out.organization = Some(org.to_owned());
            }
        } else {
            // ("計画を推進してきた市議会": what the body did is no part of its name, which
            // is written in kanji, katakana or Latin letters after the last kana of a verb.)
            let org = owner
                .char_indices()
                .rev()
                .find(|&(i, c)| {
                    "たるでをがにて".contains(c)
                        && owner[i + c.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(|n| !('\u{3041}'..='\u{3096}').contains(&n))
                })
                .map_or(owner, |(i, c)| &owner[i + c.len_utf8()..]);
            // "格安航空会社ピーチライナー": what kind of company, then its name.
            let org = w
                .kind_nouns
                .iter()
                .find_map(|k| {
                    let at = org.find(k)? + k.len();
                    (at < org.len()
                        && org[at..].chars().all(|c| {
                            ('\u{30A0}'..='\u{30FF}').contains(&c) || c.is_ascii_alphanumeric()
                        }))
                    .then(|| &org[at..])
                })
                .unwrap_or(org);
            if !org.is_empty() {
                out.organization = Some(org.to_owned());
            }
        }
    }
    // The name and what follows it: 氏, さん, or a role.
    let mut name = rest;
    if let Some(h) = w.honorifics.iter().find(|h| name.ends_with(**h)) {
        name = &name[..name.len() - h.len()];
    } else if let Some(t) = w.titles.iter().find(|t| name.ends_with(**t)) {
        let mut start = name.len() - t.len();
        // ("常務執行役員", "元衆院議員": a role joined to another, or former.)
        while let Some(more) = w
            .titles
            .iter()
            .chain(["元", "前", "副"].iter())
            .find(|m| name[..start].ends_with(**m) && start > m.len())
        {
            start -= more.len();
        }
        out.title = Some(name[start..].to_owned());
        name = &name[..start];
    }
    let chars = name.chars().count();
    if chars > 0 {
        if !(1..=10).contains(&chars)
            || name.contains(|c: char| c.is_ascii_digit() || "でにをとも".contains(c))
        {
            return None;
        }
        // An organization and no one in it ("ソニーグループは"): the body speaks.
        if out.title.is_none()
            && out.organization.is_none()
            && w.org_suffixes.iter().any(|s| name.ends_with(s))
        {
            out.organization = Some(name.to_owned());
            return Some(out);
        }
        out.name = Some(name.to_owned());
    }
    if let Some(role) = role_before.filter(|_| out.title.is_none() && out.organization.is_none()) {
        out.title = role.title;
        out.organization = role.organization;
    }
    (out.name.is_some() || out.title.is_some() || out.organization.is_some()).then_some(out)
}

/// A role with no name after it ("光陽電機の家電事業本部長"): the organization before の, the
/// role all that follows.
fn read_role(phrase: &str) -> Option<Subject> {
    let (owner, role) = phrase.rsplit_once('の').unwrap_or(("", phrase));
    let mut out = read_phrase(&format!(
        "{owner}の{}",
        JA.titles.first().copied().unwrap_or("")
    ))
    .unwrap_or_default();
    out.name = None;
    out.title = Some(role.to_owned());
    if owner.is_empty() {
        out.organization = None;
    }
    Some(out)
}

/// The topic of the sentence before a quotation: the words before its first は or が (not
/// "では", "には"…).
fn topic(before: &str) -> Option<(&str, Subject)> {
    for (i, c) in before.char_indices() {
        if !matches!(c, 'は' | 'が') || i == 0 {
            continue;
        }
        let prev = before[..i].chars().next_back();
        if prev.is_some_and(|p| "でにとも".contains(p)) {
            continue;
        }
        if let Some(s) = read_phrase(&before[..i]) {
            return Some((&before[..i], s));
        }
    }
    None
}

fn medium_of(clause: &str, a: &mut Attribution) {
    a.medium = super::profile::medium_in(&JA.media, clause).or(a.medium);
    // "ロイターの取材に対し", "ロイターのインタビューで": the outlet asking.
    for marker in ["の取材に", "のインタビューに", "のインタビューで"] {
        if let Some(i) = clause.find(marker) {
            let who = clause[..i].rsplit(['、', 'は', 'が']).next().unwrap_or("");
            if !who.is_empty() && who.chars().count() <= 12 {
                a.told_to = Some(who.to_owned());
                a.medium = Some(Medium::Interview);
            }
        }
    }
}

/// The full name a family name stands for, from the narration before: the family name, one to
/// three more characters, and a role or 氏 ("高橋誠市長", "村井直子氏"), with the organization
/// before it ("北山市の").
fn narrated(before: &str, family: &str) -> Option<(String, Option<String>, Option<String>)> {
    let w = &*JA;
    let mut best = None;
    for (i, _) in before.match_indices(family) {
        let start = before[..i]
            .char_indices()
            .rev()
            .find(|&(_, c)| ends_sentence(c) || matches!(c, '、' | '」' | '「'))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let rest = &before[i + family.len()..];
        let given: String = rest.chars().take(3).collect();
        for k in 1..=given.chars().count() {
            let end = i + family.len() + given.chars().take(k).map(char::len_utf8).sum::<usize>();
            let after = &before[end..];
            let role = w
                .titles
                .iter()
                .chain(w.honorifics.iter())
                .find(|t| after.starts_with(**t));
            if let Some(role) = role {
                let phrase = &before[start..end + role.len()];
                if let Some(s) = read_phrase(phrase)
                    && s.name.as_deref() == Some(&before[i..end])
                {
                    best = Some((before[i..end].to_owned(), s.title, s.organization));
                }
                break;
            }
        }
    }
    best
}

/// Reads the speaker of each quotation of a Japanese text; `None` where no attribution is in a
/// shape this reader knows. With `carry_title`, a reference brings the role read with the full
/// name (clipping); without, only who (checking a draft).
pub(crate) fn attribute(
    text: &str,
    quotations: &[Quotation],
    carry_title: bool,
) -> Vec<Option<Attribution>> {
    let w = &*JA;
    // People named so far: (full name, title, organization).
    let mut known: Vec<super::profile::Named> = Vec::new();
    let mut last_org: Option<String> = None;
    quotations
        .iter()
        .enumerate()
        .map(|(n, q)| {
            let (before, after) = super::quotes::neighbourhood(text, quotations, n);
            let before = &before[before
                .char_indices()
                .rev()
                .find(|&(_, c)| ends_sentence(c))
                .map_or(0, |(i, c)| i + c.len_utf8())..];
            let after = &after[..after
                .char_indices()
                .find(|&(_, c)| ends_sentence(c))
                .map_or(after.len(), |(i, _)| i)];
            // 「…」と + (subject は) + verb.
            let quotative = w.quotative.iter().find(|x| after.starts_with(**x))?;
            let rest = &after[quotative.len()..];
            let (cue_at, cue) = w
                .cues
                .iter()
                .filter_map(|c| rest.find(c).map(|i| (i, *c)))
                .min_by_key(|(i, c)| (*i, std::cmp::Reverse(c.len())))?;
            let between = &rest[..cue_at];
            let read = between
                .rfind(['は', 'が'])
                .and_then(|i| read_phrase(&between[..i]))
                .or_else(|| topic(before).map(|(_, s)| s));
            let mut a = Attribution {
                cue: Some(cue.to_owned()),
                ..Attribution::default()
            };
            medium_of(&format!("{before}{between}"), &mut a);
            let Some(s) = read else {
                return Some(a);
            };
            let organization = s
                .organization
                .clone()
                .or_else(|| s.same_company.then(|| last_org.clone()).flatten());
            if s.pronoun {
                super::profile::pronoun_as_named_last(&mut a, &known, "彼", carry_title);
                return Some(a);
            }
            match &s.name {
                Some(name) => {
                    // A family name alone ("佐藤社長", "佐藤氏"): the full name given before,
                    // by a speaker or in the narration ("北山市の高橋誠市長は2日、…").
                    let earlier = known
                        .iter()
                        .rev()
                        .find(|(full, _, _)| full != name && full.starts_with(name.as_str()))
                        .cloned()
                        .or_else(|| narrated(&text[..q.open], name));
                    match earlier {
                        Some((full, title, org)) => {
                            a.mention = Some(name.clone());
                            a.note = Some(format!("“{name}” resolved to {full}"));
                            a.speaker = Some(full);
                            if carry_title {
                                a.title = s.title.clone().or(title);
                                a.organization = organization.or(org);
                            }
                        }
                        None => {
                            a.speaker = Some(name.clone());
                            a.title = s.title.clone();
                            a.organization = organization;
                        }
                    }
                    if let Some(sp) = &a.speaker {
                        known.push((sp.clone(), a.title.clone(), a.organization.clone()));
                    }
                }
                None => {
                    a.title = s.title.clone();
                    a.organization = organization;
                    if a.title.is_none() {
                        // The organization itself speaks.
                        a.speaker = a.organization.take();
                    } else {
                        a.note =
                            Some("the article describes the speaker without naming them".into());
                    }
                }
            }
            if let Some(o) = a.organization.clone().or_else(|| {
                a.speaker
                    .clone()
                    .filter(|_| s.name.is_none() && s.title.is_none())
            }) {
                last_org = Some(o);
            }
            Some(a)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_phrases_give_organization_name_and_role() {
        let s = read_phrase("トヨタ自動車の佐藤恒治社長").unwrap();
        assert_eq!(s.name.as_deref(), Some("佐藤恒治"));
        assert_eq!(s.title.as_deref(), Some("社長"));
        assert_eq!(s.organization.as_deref(), Some("トヨタ自動車"));
        let s = read_phrase("一方、ホンダの三部敏宏社長").unwrap();
        assert_eq!(s.organization.as_deref(), Some("ホンダ"));
        let s = read_phrase("山田太郎氏").unwrap();
        assert_eq!((s.name.as_deref(), s.title), (Some("山田太郎"), None));
        assert!(read_phrase("彼").unwrap().pronoun);
        let s = read_phrase("同社の広報担当者").unwrap();
        assert!(s.same_company && s.name.is_none());
        assert_eq!(s.title.as_deref(), Some("広報担当者"));
    }
}
