//! Who said a quotation in Chinese (simplified and traditional), in the shapes Chinese news
//! writing uses:
//!
//! - the speaker and the verb before the quotation: `[机构][职务][姓名][状语][表示/说/称…]：“…”`
//!   ("泽萨尔公司首席运营官阿利卢加塔周五表示：“…”"), with a colon or a comma;
//! - after it: `“…，”[机构][职务][姓名]说。`;
//! - a label: `吴泳铭：“…”`; "according to": `据吴泳铭介绍，“…”`;
//! - a later reference by surname and title or honorific (`林总`, `陈董`, `王先生`), a pronoun
//!   (`他说`), or "the company" (`该公司发言人`), resolved to the person or organization named
//!   before;
//! - how it was said: in an interview (`在接受路透社采访时`), told to someone (`对记者表示`,
//!   `告诉路透社`), in a statement, on social media, in a speech, by e-mail.
//!
//! The words (verbs, titles, honorifics, surnames, organization endings, the words that stand
//! between a name and its verb) are the language profile `index/data/languages/zh.txt`. A
//! quotation whose attribution is in no such shape is left without a speaker rather than
//! guessed.

use std::sync::LazyLock;

use rustc_hash::FxHashSet as HashSet;

use tantivy_jieba::jieba_rs::Jieba;

use super::attribution::Attribution;
use super::profile::Profile;
use super::quotes::Quotation;
use crate::model::Medium;

struct Words {
    cues: Lexicon,
    told_cues: Lexicon,
    not_cues: Lexicon,
    according: Lexicon,
    titles: Lexicon,
    joiners: Lexicon,
    modifiers: Lexicon,
    quantifiers: Lexicon,
    org_descriptors: Lexicon,
    affiliation_endings: Lexicon,
    title_endings: HashSet<&'static str>,
    kind_nouns: Lexicon,
    org_nouns: HashSet<&'static str>,
    honorifics: Lexicon,
    org_suffixes: Lexicon,
    company_refs: Lexicon,
    pronouns: HashSet<&'static str>,
    adverbials: Lexicon,
    connectives: Lexicon,
    conjunctions: Lexicon,
    reporters: HashSet<&'static str>,
    media: Vec<(Medium, Vec<&'static str>)>,
    surnames: HashSet<&'static str>,
}

static ZH: LazyLock<Words> = LazyLock::new(|| {
    let p = Profile::of("zh").expect("the Chinese profile is compiled in");
    Words {
        cues: Lexicon::new(p.longest_first("cues")),
        told_cues: Lexicon::new(p.longest_first("told cues")),
        not_cues: Lexicon::new(p.longest_first("not cues")),
        according: Lexicon::new(p.longest_first("according")),
        titles: Lexicon::new(p.longest_first("titles")),
        joiners: Lexicon::new(p.longest_first("title joiners")),
        modifiers: Lexicon::new(p.longest_first("title modifiers")),
        quantifiers: Lexicon::new(p.longest_first("quantifiers")),
        org_descriptors: Lexicon::new(p.longest_first("organization descriptors")),
        affiliation_endings: Lexicon::new(p.longest_first("affiliation endings")),
        title_endings: p.set("title endings"),
        kind_nouns: Lexicon::new(p.longest_first("kind nouns")),
        org_nouns: p.set("organization nouns"),
        honorifics: Lexicon::new(p.longest_first("honorifics")),
        org_suffixes: Lexicon::new(p.longest_first("organization suffixes")),
        company_refs: Lexicon::new(p.longest_first("company references")),
        pronouns: p.set("pronouns"),
        adverbials: Lexicon::new(p.longest_first("adverbials")),
        connectives: Lexicon::new(p.longest_first("connectives")),
        conjunctions: Lexicon::new(p.longest_first("conjunctions")),
        reporters: p.set("reporters"),
        media: p.media(),
        surnames: p.set("surnames"),
    }
});

/// jieba's dictionary (the one the search index segments Chinese with), for where words
/// begin: "首都" holds "都" and "竞争对手" holds "对", neither of which then stands between a
/// name and its verb. Loaded the first time a Chinese attribution is read.
static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// The dictionary words of `s`, as (start, end) byte ranges.
fn dictionary_words(s: &str) -> Vec<(usize, usize)> {
    JIEBA
        .cut(s, false)
        .iter()
        .map(|t| (t.byte_start, t.byte_end))
        .collect()
}

/// Whether the dictionary knows `s` as one word that is no person's name ("公诉人", "金融").
fn a_common_word(s: &str) -> bool {
    match JIEBA.tag(s, false).as_slice() {
        [one] => one.word == s && !one.tag.starts_with("nr"),
        _ => false,
    }
}

/// A word list, longest first, indexed by first character (the lists are read at every
/// character of an article).
struct Lexicon {
    words: Vec<&'static str>,
    by_first: rustc_hash::FxHashMap<char, Vec<&'static str>>,
}

impl Lexicon {
    fn new(words: Vec<&'static str>) -> Lexicon {
        let mut by_first: rustc_hash::FxHashMap<char, Vec<&'static str>> = Default::default();
        for w in &words {
            if let Some(c) = w.chars().next() {
                by_first.entry(c).or_default().push(w);
            }
        }
        Lexicon { words, by_first }
    }
}

impl std::ops::Deref for Lexicon {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        &self.words
    }
}

/// The longest of `words` that `s` starts with at byte `i`.
fn match_at(s: &str, i: usize, words: &Lexicon) -> Option<&'static str> {
    let rest = &s[i..];
    let first = rest.chars().next()?;
    words
        .by_first
        .get(&first)?
        .iter()
        .copied()
        .find(|w| rest.starts_with(w))
}

/// Where `s` ends with one of `words` (the longest), as its byte start.
fn ends_with_any(s: &str, words: &[&'static str]) -> Option<usize> {
    words
        .iter()
        .find(|w| s.ends_with(**w))
        .map(|w| s.len() - w.len())
}

/// The verbs of saying in `s`, in order, as (start, end) byte ranges: the longest at each
/// place, none inside a word that only holds one ("说明", "小说", "分析师").
fn cues_in(s: &str) -> Vec<(usize, usize)> {
    let w = &*ZH;
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if let Some(n) = match_at(s, i, &w.not_cues) {
            i += n.len();
            continue;
        }
        if let Some(c) = match_at(s, i, &w.cues) {
            out.push((i, i + c.len()));
            i += c.len();
            continue;
        }
        i += s[i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Punctuation that ends a clause.
fn ends_clause(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '；' | ';' | '\n' | '”' | '」' | '』' | '“' | '「' | '『'
    )
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '，' | ',' | '、' | '：' | ':' | '—' | '－' | '-' | '…')
    })
}

/// Whether `s` is a person's name: a family name and one or two given characters (two and
/// two for a compound family name), a transliterated foreign name with its middle dot
/// ("维杰亚辛哈·阿利卢加塔"), or a name in Latin letters ("Songyee Yoon").
fn is_name(s: &str) -> bool {
    let w = &*ZH;
    if s.is_empty() {
        return false;
    }
    if s.contains(['·', '•', '・']) {
        let parts: Vec<&str> = s.split(['·', '•', '・']).collect();
        return parts.len() <= 4
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().count() <= 6 && p.chars().all(is_han));
    }
    if s.chars()
        .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '.' || c == '-')
    {
        let words: Vec<&str> = s.split_whitespace().collect();
        return (1..=4).contains(&words.len())
            && words
                .iter()
                .all(|x| x.chars().next().is_some_and(|c| c.is_ascii_uppercase()));
    }
    let chars: Vec<char> = s.chars().collect();
    if !chars.iter().all(|&c| is_han(c)) || surname_reference(s).is_some() || a_common_word(s) {
        return false;
    }
    let surname = |n: usize| {
        chars.len() > n
            && w.surnames
                .contains(chars[..n].iter().collect::<String>().as_str())
    };
    (surname(1) && (2..=3).contains(&chars.len())) || (surname(2) && (3..=4).contains(&chars.len()))
}

/// How many characters of `name` are its family name, when it is a Chinese name of a family
/// name and one or two given characters (two for a compound family name).
pub(crate) fn family_name_len(name: &str) -> Option<usize> {
    let n = name.chars().count();
    let cut = |k: usize| name.char_indices().nth(k).map_or(name.len(), |(i, _)| i);
    if !name.chars().all(is_han) {
        return None;
    }
    if (3..=4).contains(&n) && ZH.surnames.contains(&name[..cut(2)]) {
        Some(2)
    } else if (2..=3).contains(&n) && ZH.surnames.contains(&name[..cut(1)]) {
        Some(1)
    } else {
        None
    }
}

/// After a role, a name transliterated from another language that no family name starts
/// ("美国总统拜登"): two to four Chinese characters.
fn is_foreign_name(s: &str) -> bool {
    (2..=4).contains(&s.chars().count()) && s.chars().all(is_han)
}

/// A family name and an honorific or a title ("林总", "陈董", "王先生", "赵主任"): a later
/// reference to someone named before, as (family name, honorific).
fn surname_reference(s: &str) -> Option<(&str, &'static str)> {
    let w = &*ZH;
    for n in [2, 1] {
        let Some((cut, _)) = s.char_indices().nth(n) else {
            continue;
        };
        let (family, rest) = s.split_at(cut);
        if w.surnames.contains(family)
            && let Some(h) = w.honorifics.iter().find(|h| **h == rest)
        {
            return Some((family, h));
        }
    }
    None
}

fn is_organization(s: &str) -> bool {
    let w = &*ZH;
    s.chars().count() >= 2 && ends_with_any(s, &w.org_suffixes).is_some_and(|at| at > 0)
}

/// What a clause says of who spoke.
#[derive(Debug, Default, Clone, PartialEq)]
struct Subject {
    name: Option<String>,
    /// A later reference to a named person ("林总"), to be resolved.
    reference: Option<(String, String)>,
    pronoun: Option<String>,
    title: Option<String>,
    organization: Option<String>,
    /// What the organization is to the story ("竞争对手").
    organization_description: Option<String>,
    /// "该公司…": the organization named before.
    same_company: bool,
    /// A source described, not named ("知情人士").
    described: Option<String>,
    medium: Option<Medium>,
    told_to: Option<String>,
}

impl Subject {
    fn says_who(&self) -> bool {
        self.name.is_some()
            || self.reference.is_some()
            || self.pronoun.is_some()
            || self.title.is_some()
            || self.organization.is_some()
            || self.described.is_some()
    }
}

/// How it was said, from the words of the attribution clause (`clause`) and the cue.
fn medium_of(clause: &str, cue: &str, object: &str, subject: &mut Subject) {
    let w = &*ZH;
    // (Not in a role: "发言人" holds "发言", a speech.)
    let mut plain = String::with_capacity(clause.len());
    let mut i = 0;
    while i < clause.len() {
        if let Some(t) = match_at(clause, i, &w.titles) {
            plain.push('|');
            i += t.len();
        } else {
            let c = clause[i..].chars().next().unwrap_or(' ');
            plain.push(c);
            i += c.len_utf8();
        }
    }
    if let Some(m) = super::profile::medium_in(&w.media, &plain) {
        subject.medium = Some(m);
    }
    // "在接受路透社采访时": the outlet interviewing.
    if subject.medium == Some(Medium::Interview)
        && let Some(at) = clause.find("接受")
    {
        let rest = &clause[at + "接受".len()..];
        let interview = w.media.iter().find(|(m, _)| *m == Medium::Interview);
        if let Some(end) =
            interview.and_then(|(_, words)| words.iter().filter_map(|m| rest.find(m)).min())
        {
            let who = trim(&rest[..end]).trim_end_matches('的');
            if !who.is_empty() && !w.reporters.contains(who) && who.chars().count() <= 12 {
                subject.told_to = Some(who.to_owned());
            }
        }
    }
    // "告诉路透社", "对记者表示", "向路透社透露".
    let told = if w.told_cues.contains(&cue) {
        Some(object)
    } else {
        ["对", "對", "向"].iter().find_map(|p| {
            let at = clause.rfind(p)?;
            // (Only right before the verb: "对此" is "about this".)
            let who = &clause[at + p.len()..];
            (at > 0 && !who.starts_with('此') && who.chars().count() <= 12).then_some(who)
        })
    };
    if let Some(who) = told.map(trim).filter(|s| !s.is_empty()) {
        if subject.medium.is_none() {
            subject.medium = Some(Medium::Told);
        }
        if subject.told_to.is_none() && !w.reporters.contains(who) {
            subject.told_to = Some(who.to_owned());
        }
    }
}

/// Reads the words before a verb of saying: `[机构][的][职务][姓名]`, a pronoun, a reference, a
/// description. `clause` is those words with whatever stood between the name and the verb.
fn read_subject(clause: &str) -> Subject {
    read_words(clause, false)
}

/// A name that opens `s`, followed by more words ("廖思远持谨慎态度"): three characters
/// (four with a compound family name), else two.
fn name_at_start(s: &str) -> Option<&str> {
    let cut = |n: usize| s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    [4, 3, 2]
        .into_iter()
        .map(|n| &s[..cut(n)])
        .find(|p| is_name(p) && (p.chars().count() < 4 || ZH.surnames.contains(&p[..cut(2)])))
}

/// Where a name ends `s` after other words ("医师邬文涛"), as its byte start: three
/// characters, else two (four with a compound family name).
fn name_at_end(s: &str) -> Option<usize> {
    let n = s.chars().count();
    [4, 3, 2]
        .into_iter()
        .filter(|&k| k < n)
        .filter_map(|k| s.char_indices().nth(n - k).map(|(i, _)| i))
        .find(|&i| {
            let p = &s[i..];
            let first = p.chars().next().map_or(0, char::len_utf8);
            // ("官王明": a role's last character, then a two-character name.)
            let role_end_first = p.chars().count() == 3
                && ZH.title_endings.contains(&p[..first])
                && is_name(&p[first..]);
            is_name(p)
                && !role_end_first
                && s[..i].chars().all(is_han)
                && (p.chars().count() < 4
                    || p.char_indices()
                        .nth(2)
                        .is_some_and(|(k, _)| ZH.surnames.contains(&p[..k])))
        })
}

/// [`read_subject`]; with `narration`, the words are a sentence of narration, where a name
/// after a role is followed by what the person did ("合伙人廖思远持谨慎态度").
fn read_words(clause: &str, narration: bool) -> Subject {
    let w = &*ZH;
    let mut s = trim(clause);
    // A dateline before the story's first words ("新华社上海12月5日电 泽萨尔公司…"): Chinese
    // sets no space between two of its characters, and a dateline ends on "电" or "讯" (or
    // the reporter's name in brackets) and a space.
    if let Some(at) = s
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            let prev = s[..i].chars().next_back();
            let next = s[i + c.len_utf8()..].trim_start().chars().next();
            c.is_whitespace()
                && next.is_some()
                && (prev.is_some_and(|p| matches!(p, '电' | '電' | '讯' | '訊' | '）' | ')'))
                    || (prev.is_some_and(is_han) && next.is_some_and(is_han)))
        })
        .map(|(i, _)| i)
    {
        s = trim(&s[at..]);
    }
    // Words that open the clause and name no one: "此外", "据", "周五".
    while let Some(a) = match_at(s, 0, &w.according).or_else(|| match_at(s, 0, &w.connectives)) {
        s = trim(&s[a.len()..]);
    }
    // Where the name ends: the first word that stands between a speaker and the verb (a
    // time, "在…上", "也"), a number (a date), or "和" joining a second speaker. A family name
    // that is also such a word ("曾", "向", "于") ends nothing right after a title.
    let title_end = |upto: usize| -> usize {
        let mut end = 0;
        let mut i = 0;
        while i < upto {
            if let Some(t) = match_at(s, i, &w.titles) {
                end = i + t.len();
                i += t.len();
            } else {
                i += s[i..].chars().next().map_or(1, char::len_utf8);
            }
        }
        end
    };
    let mut cut = s.len();
    let mut words: Option<Vec<(usize, usize)>> = None;
    for (i, c) in s.char_indices() {
        if i == 0 {
            continue;
        }
        // (A word the dictionary reads as part of a longer one stands between nothing; a
        // one-character word must be a word of its own: "李和平" holds no "和".)
        let mut own_word = |a: &str| {
            let words = words.get_or_insert_with(|| dictionary_words(s));
            words
                .iter()
                .find(|w| w.0 <= i && i < w.1)
                .is_none_or(|w| w.0 == i && (a.chars().count() > 1 || w.1 <= i + a.len()))
        };
        let stop = c.is_ascii_digit()
            || matches!(c, '，' | ',' | '（' | '(')
            || match_at(s, i, &w.adverbials)
                .or_else(|| match_at(s, i, &w.conjunctions))
                .filter(|a| own_word(a))
                .is_some_and(|a| {
                    let after_title = title_end(i);
                    // "和" joins two speakers, not the words of a name ("运输及物流局").
                    let joins =
                        w.conjunctions.contains(&a) && match_at(s, i, &w.adverbials).is_none();
                    if joins {
                        let head = trim(&s[..i]);
                        return (after_title > 0 && s[after_title..i].chars().count() >= 2)
                            || is_name(head)
                            || is_organization(head);
                    }
                    // (A name's or an organization's two characters at least since the last
                    // role, or right after a role a word that is no family name.)
                    s[after_title..i].chars().count() >= 2
                        || (after_title > 0 && after_title == i && !w.surnames.contains(a))
                });
        if stop {
            cut = i;
            break;
        }
    }
    // How it was said, right before the verb ("激动地", "笑着"): no part of the name.
    let mut np = trim(&s[..cut]);
    for ending in ['地', '着', '著'] {
        if let Some(head) = np.strip_suffix(ending)
            && head.chars().count() >= 4
            && let Some((k, _)) = head.char_indices().rev().nth(1)
        {
            np = &head[..k];
        }
    }
    let mut out = read_np(np, narration);
    // "吴泳铭（阿里巴巴集团首席执行官）": the role in brackets after the name.
    if out.name.is_some()
        && out.title.is_none()
        && let Some(inner) = s[cut..].strip_prefix(['（', '('])
        && let Some(end) = inner.find(['）', ')'])
    {
        let role = read_np(trim(&inner[..end]), true);
        out.title = role.title;
        out.organization = out.organization.or(role.organization);
    }
    out
}

/// Reads the noun phrase of a subject, the words before the verb and what stands between:
/// `[机构][的][职务][姓名]`, a pronoun, a reference, an organization, a description.
fn read_np(np: &str, narration: bool) -> Subject {
    let w = &*ZH;
    let mut out = Subject::default();
    if np.is_empty() {
        return out;
    }
    if w.pronouns.contains(np) {
        out.pronoun = Some(np.to_owned());
        return out;
    }
    // "俱乐部在声明中说": the organization named before, by its kind.
    if w.org_nouns.contains(np) {
        out.same_company = true;
        out.described = Some(np.to_owned());
        return out;
    }
    // "该公司首席执行官": the company named before.
    let (np, same_company) = match match_at(np, 0, &w.company_refs) {
        Some(r) if np.len() > r.len() => (&np[r.len()..], true),
        Some(_) => {
            out.same_company = true;
            out.described = Some(np.to_owned());
            return out;
        }
        None => (np, false),
    };
    out.same_company = same_company;
    // "范教授", "林总": a family name and an honorific or a role, someone named before.
    if let Some((family, h)) = surname_reference(np) {
        out.reference = Some((family.to_owned(), h.to_owned()));
        if w.titles.contains(&h) {
            out.title = Some(h.to_owned());
        }
        return out;
    }
    // The last role named, and the roles joined to it before ("联合创始人兼首席执行官").
    let mut title: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < np.len() {
        if let Some(t) = match_at(np, i, &w.titles) {
            title = match title {
                Some((a, b)) if b == i => Some((a, i + t.len())),
                Some((a, b)) if match_at(np, b, &w.joiners).is_some_and(|j| b + j.len() == i) => {
                    Some((a, i + t.len()))
                }
                _ => Some((i, i + t.len())),
            };
            i += t.len();
        } else {
            i += np[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if let Some((mut a, b)) = title {
        // Words that narrow the role ("采购副总裁", "中国区总经理").
        while let Some(m) = w
            .modifiers
            .iter()
            .find(|m| np[..a].ends_with(**m) && np[..a].len() > m.len())
        {
            a -= m.len();
        }
        // A region the role covers ("香港区首席经济师", "华东区总经理").
        let head = &np[..a];
        if let Some((k, c)) = head.char_indices().next_back()
            && matches!(c, '区' | '區')
            && let Some((r, _)) = head[..k].char_indices().rev().nth(1)
            && r > 0
            && head[r..k].chars().all(is_han)
        {
            a = r;
        }
        // "许志鹏的辩护律师": what the role is to a person named before it joins the role,
        // and the person is no organization.
        let mut possessor = false;
        if let Some(d) = np[..a].rfind('的') {
            let (owner, mid) = (trim(&np[..d]), &np[d + '的'.len_utf8()..a]);
            if is_name(owner) || w.pronouns.contains(owner) {
                possessor = true;
                a = d + '的'.len_utf8();
            } else if !mid.is_empty()
                && mid.chars().count() <= 4
                && mid.chars().all(is_han)
                && match_at(mid, 0, &w.quantifiers).is_none()
            {
                a = d + '的'.len_utf8();
            }
        }
        let name = trim(&np[b..]);
        let mut before = trim(np[..a].trim_end_matches('的'));
        if possessor {
            before = "";
        }
        // "城北农商行的一位负责人": "one of" is no part of the organization.
        while let Some(q) = ends_with_any(before, &w.quantifiers)
            .or_else(|| ends_with_any(before, &w.affiliation_endings))
            .filter(|&q| q > 0)
        {
            before = trim(before[..q].trim_end_matches('的'));
        }
        if let Some(d) = match_at(before, 0, &w.org_descriptors).filter(|d| before.len() > d.len())
        {
            out.organization_description = Some(d.to_owned());
            before = trim(before[d.len()..].trim_start_matches('的'));
        }
        // "市场研究机构星图数据": what kind of body it is, then its name.
        if let Some(k) = w.kind_nouns.iter().find_map(|k| {
            let at = before.find(k)? + k.len();
            (at < before.len() && before[at..].chars().count() >= 2 && at > k.len()).then_some(at)
        }) {
            out.organization_description = Some(before[..k].to_owned());
            before = trim(&before[k..]);
        }
        // "科技服务提供商Zensar": a description in Chinese, then a name in Latin letters.
        if let Some(latin) = before
            .char_indices()
            .find(|&(_, c)| c.is_ascii_alphabetic())
            .map(|(i, _)| i)
            .filter(|&i| {
                i > 0
                    && before[..i].chars().all(is_han)
                    && before[..i].chars().count() >= 2
                    && before[i..].chars().all(|c| c.is_ascii() || c == '·')
            })
        {
            out.organization_description = Some(before[..latin].to_owned());
            before = trim(&before[latin..]);
        }
        out.title = Some(np[a..b].to_owned());
        if !before.is_empty() && !w.pronouns.contains(before) {
            out.organization = Some(before.to_owned());
        }
        if let Some((family, h)) = surname_reference(name) {
            out.reference = Some((family.to_owned(), h.to_owned()));
        } else if is_name(name) || is_foreign_name(name) {
            out.name = Some(name.to_owned());
        } else if let Some(n) = narration.then(|| name_at_start(name)).flatten() {
            out.name = Some(n.to_owned());
        } else if let Some(at) = name_at_end(name).filter(|&at| name[..at].chars().count() <= 3) {
            // "主任医师邬文涛": a role longer than the one the profile knows ends on the name.
            out.title = Some(format!("{}{}", &np[a..b], &name[..at]));
            out.name = Some(name[at..].to_owned());
        } else if !name.is_empty() && !narration {
            // Words after the role that are no name: what the clause says is unclear.
            return Subject::default();
        }
        return out;
    }
    // ("林总" is a reference before it is a two-character name.)
    if let Some((family, h)) = surname_reference(np) {
        out.reference = Some((family.to_owned(), h.to_owned()));
    } else if is_name(np) {
        out.name = Some(np.to_owned());
    } else if is_organization(np) {
        out.organization = Some(np.to_owned());
    } else if let Some(p) = w
        .pronouns
        .iter()
        .find(|p| np.starts_with(**p) && np[p.len()..].chars().count() <= 4 && !narration)
    {
        // "他笑着说": a pronoun, and how it was said.
        out.pronoun = Some((*p).to_owned());
    } else if let Some(n) = (!narration)
        .then(|| name_at_start(np))
        .flatten()
        .filter(|n| np[n.len()..].chars().count() <= 4 && !is_organization(np))
    {
        // "吴泳铭坦率地说": a name, and how it was said.
        out.name = Some(n.to_owned());
    } else if let Some((family, h)) = (!narration)
        .then(|| {
            np.char_indices()
                .map(|(i, _)| i)
                .filter(|&i| i > 0)
                .find_map(|i| surname_reference(&np[i..]))
        })
        .flatten()
    {
        // "旅客胡女士": someone by family name and honorific, described before it.
        out.reference = Some((family.to_owned(), h.to_owned()));
    } else if let Some(at) = name_at_end(np).filter(|&at| at > 0 && !narration) {
        // "[机构][职务][姓名]" with a role the profile does not know ("华信银行信贷审批官王明"):
        // the name ends it, the organization is up to its last organization ending, the
        // role is what is left.
        let (head, name) = np.split_at(at);
        // (Where a modifier of a role begins, the role begins: "中央气象台首席预报员"; else
        // after the last ending of two characters or more, else the first of one.)
        let bounds: Vec<usize> = (1..head.len())
            .filter(|&k| head.is_char_boundary(k))
            .collect();
        let org_end = bounds
            .iter()
            .copied()
            .find(|&k| match_at(head, k, &w.modifiers).is_some() && k >= 2 * 3)
            .or_else(|| {
                bounds.iter().rev().copied().find(|&k| {
                    w.org_suffixes
                        .iter()
                        .any(|x| x.chars().count() >= 2 && head[..k].ends_with(x) && k > x.len())
                })
            })
            .or_else(|| {
                bounds
                    .iter()
                    .copied()
                    .find(|&k| ends_with_any(&head[..k], &w.org_suffixes).is_some_and(|x| x > 0))
            });
        match org_end {
            Some(k) => {
                out.organization = Some(head[..k].to_owned()).filter(|o| !o.is_empty());
                out.title =
                    Some(head[k..].trim_start_matches('的').to_owned()).filter(|t| !t.is_empty());
            }
            // "当地一家民宿的老板娘": the role follows the last "的"; what it is of, with
            // "one" before it, is a description, not an organization's name.
            None => match head.rfind('的') {
                Some(d) if d + '的'.len_utf8() < head.len() => {
                    out.title = Some(head[d + '的'.len_utf8()..].to_owned());
                    let owner = trim(&head[..d]);
                    let described = w.quantifiers.iter().any(|q| owner.contains(q));
                    if !described && !owner.is_empty() {
                        out.organization = Some(owner.to_owned());
                    }
                }
                _ => out.title = Some(head.to_owned()),
            },
        }
        out.name = Some(name.to_owned());
    } else if np.chars().count() <= 16 && np.chars().all(is_han) {
        let mut d = np;
        while let Some(q) = match_at(d, 0, &w.quantifiers).filter(|q| d.len() > q.len()) {
            d = &d[q.len()..];
        }
        out.described = Some(d.to_owned());
    }
    out
}

/// A reading of one quotation's attribution.
#[derive(Debug, Default)]
struct Read {
    cue: Option<String>,
    subject: Subject,
}

/// The attribution after a quotation: `，”吴泳铭周二说。`; `continues` when the quotation
/// broke off at a comma inside its marks.
fn read_after(after: &str, continues: bool) -> Option<Read> {
    // (In the quotation's paragraph.)
    let after = &after[..after.find('\n').unwrap_or(after.len())];
    let after = after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '，' | ','));
    let end = after
        .char_indices()
        .find(|&(_, c)| ends_clause(c))
        .map_or(after.len(), |(i, _)| i);
    let clause = &after[..end];
    let &(a, b) = cues_in(clause).first()?;
    // "…。”林总指出：“…”": words that lead into the next quotation are its attribution, unless
    // this one broke off at a comma ("“…，”吴泳铭说，“…”": both halves are one person's).
    let leads_on = clause[b..].trim_start().starts_with(['：', ':'])
        || (after[end..].starts_with(['“', '「', '『']) && !continues);
    if leads_on {
        return None;
    }
    let subject_words = &clause[..a];
    // (A clause of a sentence, not a paragraph: a Latin name counts as one word.)
    let words = subject_words.chars().filter(|c| !c.is_ascii()).count()
        + subject_words
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .count();
    if words > 40 {
        return None;
    }
    let mut subject = read_subject(subject_words);
    if !subject.says_who() {
        return None;
    }
    let object = trim(&clause[b..]);
    medium_of(subject_words, &clause[a..b], object, &mut subject);
    Some(Read {
        cue: Some(clause[a..b].to_owned()),
        subject,
    })
}

/// The attribution before a quotation: `…首席执行官吴泳铭表示：` or a label `吴泳铭：`.
fn read_before(before: &str) -> Option<Read> {
    let w = &*ZH;
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| ends_clause(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let sentence = before[start..].trim_end();
    let colon = sentence.ends_with(['：', ':']);
    let sentence = trim(sentence);
    if sentence.is_empty() {
        return None;
    }
    let cues = cues_in(sentence);
    // The verb ends the words before the quotation, or a verb of telling and whom
    // ("告诉路透社").
    // (Two verbs in a row are one: "提醒说", "回应表示".)
    let mut cues = cues;
    while cues.len() >= 2 && cues[cues.len() - 2].1 == cues[cues.len() - 1].0 {
        let (_, b) = cues.pop().unwrap_or_default();
        if let Some(last) = cues.last_mut() {
            last.1 = b;
        }
    }
    let last = cues.last().copied().filter(|&(a, b)| {
        b == sentence.len()
            || (w.told_cues.iter().any(|t| &sentence[a..b] == *t)
                && sentence[b..].chars().count() <= 12
                && !sentence[b..].contains(['，', ',']))
            || sentence[b..]
                .chars()
                .all(|c| matches!(c, '道' | '说' | '說'))
    });
    let Some((a, b)) = last else {
        // A label: "吴泳铭：“…”".
        let subject = read_subject(sentence);
        return (colon && (subject.name.is_some() || subject.reference.is_some()))
            .then_some(Read { cue: None, subject });
    };
    let object = trim(&sentence[b..]);
    // The clause of the verb, or the one before it when that one names no one
    // ("吴泳铭在会上，面对分析师的提问表示").
    let head = &sentence[..a];
    let mut parts: Vec<&str> = head.split(['，', ',']).collect();
    let mut subject = Subject::default();
    let mut clause = "";
    while let Some(part) = parts.pop() {
        let read = read_subject(part);
        if read.says_who() {
            subject = read;
            clause = part;
            break;
        }
        if parts.is_empty() || part.chars().count() > 30 {
            break;
        }
    }
    if !subject.says_who() {
        return None;
    }
    medium_of(clause, &sentence[a..b], object, &mut subject);
    Some(Read {
        cue: Some(sentence[a..b].to_owned()),
        subject,
    })
}

/// Someone named with a role in the narration ("阿里巴巴首席执行官吴泳铭周二公布财报"), for
/// resolving a later "吴总" or "他".
#[derive(Debug, Clone)]
struct Person {
    at: usize,
    name: String,
    title: Option<String>,
    organization: Option<String>,
}

/// The people named with a role anywhere outside the quotations, in text order, and the
/// organizations named with a role (where a later "该公司" points).
fn people(text: &str, quotations: &[Quotation]) -> (Vec<Person>, Vec<(usize, String)>) {
    let w = &*ZH;
    let mut out = Vec::new();
    let mut organizations = Vec::new();
    let inside = |i: usize| quotations.iter().any(|q| q.open <= i && i < q.close_end);
    let mut i = 0;
    while i < text.len() {
        let Some(t) = match_at(text, i, &w.titles) else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        if inside(i) {
            i += t.len();
            continue;
        }
        // The clause around the role, read as the words before a verb would be.
        let from = text[..i]
            .char_indices()
            .rev()
            .find(|&(_, c)| ends_clause(c) || matches!(c, '，' | ','))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let to = text[i..]
            .char_indices()
            .find(|&(_, c)| ends_clause(c) || matches!(c, '，' | ','))
            .map_or(text.len(), |(k, _)| i + k);
        let clause = &text[from..to];
        let cut = cues_in(clause).first().map_or(clause.len(), |c| c.0);
        let read = read_words(&clause[..cut], true);
        if let Some(o) = read.organization.clone().filter(|_| read.title.is_some()) {
            organizations.push((from, o));
        }
        // (Only a name given with its role: "陈可欣对本报记者说" names no role of hers.)
        if let Some(name) = read.name.filter(|_| read.title.is_some()) {
            out.push(Person {
                at: from,
                name,
                title: read.title,
                organization: read.organization,
            });
        }
        i = to.max(i + t.len());
    }
    (out, organizations)
}

/// Reads the speaker of each quotation of a Chinese text; `None` where no attribution is in a
/// shape this reader knows. With `carry_title`, a speaker named by surname, pronoun or "the
/// company" brings the role read with their full name (clipping); without, the reference
/// claims only who (checking a draft: "林总说" says nothing of a title).
pub(crate) fn attribute(
    text: &str,
    quotations: &[Quotation],
    carry_title: bool,
) -> Vec<Option<Attribution>> {
    let (mut known, organizations) = people(text, quotations);
    let mut last_speaker: Option<Person> = None;
    // The organization a quotation's speaker was last given, and where.
    let mut last_organization: Option<(usize, String)> = None;
    quotations
        .iter()
        .enumerate()
        .map(|(n, q)| {
            let (before, after) = super::quotes::neighbourhood(text, quotations, n);
            // (The quotation's last character before its closing mark.)
            let inner = &text[q.open..q.close_end];
            let continues = inner
                .char_indices()
                .next_back()
                .map(|(i, _)| inner[..i].trim_end())
                .is_some_and(|s| s.ends_with(['，', ',']));
            let read = read_after(after, continues).or_else(|| read_before(before))?;
            let s = read.subject;
            let mut a = Attribution {
                cue: read.cue.clone(),
                medium: s.medium,
                told_to: s.told_to.clone(),
                ..Attribution::default()
            };
            // Whom a reference means: the latest person before the quotation whose name
            // starts with its family name.
            let earlier = |family: &str| {
                known
                    .iter()
                    .rev()
                    .filter(|p| p.at < q.open)
                    .chain(last_speaker.iter())
                    .find(|p| p.name.starts_with(family))
                    .cloned()
            };
            let organization = match (&s.organization, s.same_company) {
                (Some(o), _) => Some(o.clone()),
                // "该公司": the organization named last, in a quotation's attribution or in
                // the narration.
                (None, true) => organizations
                    .iter()
                    .rev()
                    .find(|(at, _)| *at < q.open)
                    .filter(|(at, _)| last_organization.as_ref().is_none_or(|(l, _)| at > l))
                    .or(last_organization.as_ref())
                    .map(|(_, o)| o.clone()),
                _ => None,
            };
            a.organization_description = s.organization_description.clone();
            if let Some(name) = &s.name {
                a.speaker = Some(name.clone());
                a.title = s.title.clone();
                a.organization = organization;
                // A full name read without a role: the role the article gave it before.
                if carry_title
                    && a.title.is_none()
                    && a.organization.is_none()
                    && let Some(p) = known.iter().find(|p| &p.name == name)
                {
                    a.title = p.title.clone();
                    a.organization = p.organization.clone();
                }
            } else if let Some((family, honorific)) = &s.reference {
                let mention = format!("{family}{honorific}");
                a.mention = Some(mention.clone());
                match earlier(family) {
                    Some(p) => {
                        a.note = Some(format!("“{mention}” resolved to {}", p.name));
                        a.speaker = Some(p.name.clone());
                        if carry_title {
                            a.title = s.title.clone().or(p.title.clone());
                            a.organization = organization.or(p.organization.clone());
                        }
                    }
                    None => {
                        a.note = Some(format!("“{mention}” does not refer to anyone named before"))
                    }
                }
            } else if let Some(pronoun) = &s.pronoun {
                a.mention = Some(pronoun.clone());
                // The person named last before the quotation: a speaker, or someone named
                // with a role in the narration ("据研发副总裁姚佩玲介绍，…。“…，”她说").
                // (Where each was last named: "钱博文透露，…。他还说" is 钱博文 even after
                // another's quotation.)
                let named_at = |p: &Person| {
                    let mut at = p.at;
                    let mut from = 0;
                    while let Some(k) = text[from..q.open].find(p.name.as_str()) {
                        let k = from + k;
                        if !quotations.iter().any(|o| o.open <= k && k < o.close_end) {
                            at = at.max(k);
                        }
                        from = k + p.name.len();
                    }
                    at
                };
                let p = known
                    .iter()
                    .filter(|p| p.at < q.open)
                    .chain(last_speaker.iter())
                    .max_by_key(|p| named_at(p))
                    .cloned();
                match p {
                    Some(p) => {
                        a.note = Some(format!(
                            "“{pronoun}” taken as {}, the speaker named last",
                            p.name
                        ));
                        a.speaker = Some(p.name.clone());
                        if carry_title {
                            a.title = p.title.clone();
                            a.organization = p.organization.clone();
                        }
                    }
                    None => {
                        a.note = Some(format!("“{pronoun}” does not refer to anyone named before"))
                    }
                }
            } else if s.title.is_some() {
                // A role with no name: an unnamed spokesperson of a named company.
                a.title = s.title.clone();
                a.organization = organization;
                a.mention = Some(
                    [a.organization.as_deref(), a.title.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<String>(),
                );
                a.note = Some("the article describes the speaker without naming them".into());
            } else if let Some(o) = organization.filter(|_| s.described.is_none()) {
                a.speaker = Some(o.clone());
                a.mention = Some(o);
            } else if let Some(p) = s.described.as_ref().and_then(|d| {
                // "奥尔特曼" after "山姆·奥尔特曼": one part of a transliterated name.
                known.iter().rev().find(|p| {
                    p.at < q.open
                        && (p.name == *d
                            || p.name.split(['·', '•', '・']).skip(1).any(|part| part == d))
                })
            }) {
                let d = s.described.clone().unwrap_or_default();
                if d != p.name {
                    a.note = Some(format!("“{d}” resolved to {}", p.name));
                }
                a.mention = Some(d);
                a.speaker = Some(p.name.clone());
                if carry_title {
                    a.title = p.title.clone();
                    a.organization = p.organization.clone();
                }
            } else if let Some(d) = &s.described {
                a.mention = Some(d.clone());
                a.note = Some("the article describes the speaker without naming them".into());
            }
            if let Some(o) = &a.organization {
                last_organization = Some((q.open, o.clone()));
            }
            let a_person = s.name.is_some() || s.reference.is_some() || s.pronoun.is_some();
            if let Some(name) = a.speaker.clone() {
                if a_person {
                    let p = Person {
                        at: q.open,
                        name,
                        title: a.title.clone(),
                        organization: a.organization.clone(),
                    };
                    if !known.iter().any(|k| k.name == p.name) {
                        known.push(p.clone());
                    }
                    last_speaker = Some(p);
                } else {
                    last_organization = Some((q.open, name));
                }
            }
            Some(a)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(s: &str) -> (Option<String>, Option<String>, Option<String>) {
        let r = read_subject(s);
        (r.name, r.title, r.organization)
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn the_words_before_a_verb_give_organization_title_and_name() {
        assert_eq!(
            subject("泽萨尔公司首席运营官维杰亚辛哈·阿利卢加塔周五"),
            (
                some("维杰亚辛哈·阿利卢加塔"),
                some("首席运营官"),
                some("泽萨尔公司")
            )
        );
        assert_eq!(
            subject("星云科技联合创始人兼首席执行官陈嘉怡在声明中"),
            (
                some("陈嘉怡"),
                some("联合创始人兼首席执行官"),
                some("星云科技")
            )
        );
        assert_eq!(
            subject("华润置地的董事长林振华"),
            (some("林振华"), some("董事长"), some("华润置地"))
        );
        assert_eq!(subject("吴泳铭周二"), (some("吴泳铭"), None, None));
        assert_eq!(
            subject("台積電董事長魏哲家"),
            (some("魏哲家"), some("董事長"), some("台積電"))
        );
        // A family name that is also an adverbial ("曾") right after a role.
        assert_eq!(
            subject("董事长曾志伟"),
            (some("曾志伟"), some("董事长"), None)
        );
        let r = read_subject("腾讯发言人");
        assert_eq!(
            (r.name, r.title, r.organization),
            (None, some("发言人"), some("腾讯"))
        );
        assert_eq!(
            read_subject("林总还").reference,
            Some(("林".into(), "总".into()))
        );
        assert_eq!(read_subject("他").pronoun, some("他"));
        assert!(
            !read_subject("今年的市场").says_who()
                || read_subject("今年的市场").described.is_some()
        );
    }

    #[test]
    fn names_without_a_known_family_name_or_role_are_read_by_their_place() {
        // A transliterated name after a role.
        assert_eq!(
            subject("美国总统拜登周二"),
            (some("拜登"), some("总统"), some("美国"))
        );
        // A role the profile does not list: the name ends the words, the organization ends
        // on its ending, the rest is the role; the role's last character is not the name's.
        assert_eq!(
            subject("华信银行信贷审批官王明"),
            (some("王明"), some("信贷审批官"), some("华信银行"))
        );
        // How it was said, between the name and the verb.
        assert_eq!(subject("王明激动地"), (some("王明"), None, None));
        assert_eq!(read_subject("他笑着").pronoun, some("他"));
        // The role in brackets after the name.
        assert_eq!(
            subject("吴泳铭（阿里巴巴集团首席执行官）"),
            (some("吴泳铭"), some("首席执行官"), some("阿里巴巴集团"))
        );
    }

    #[test]
    fn verbs_inside_other_words_are_no_cues() {
        assert!(cues_in("这部小说很长").is_empty());
        assert!(cues_in("他的说法").is_empty());
        assert_eq!(cues_in("吴泳铭表示").len(), 1);
    }
}
