//! Who said a quotation in Korean, in the shapes Korean news writing uses: the speaker as the
//! sentence's subject before the quotation and the verb after it (`삼성전자 한종희 부회장은
//! "…"라고 말했다`), the subject between the quotation and the verb (`"…"고 그는 말했다`), a later
//! reference by family name and title (`한 부회장은`), a pronoun (`그는`), and the verb after a
//! connecting quotative (`"…"며`, `"…"라면서`).
//!
//! The words are the language profile `index/data/languages/ko.txt`.

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
    pronouns: Vec<&'static str>,
    adverbials: Vec<&'static str>,
    media: Vec<(Medium, Vec<&'static str>)>,
    surnames: Vec<&'static str>,
    not_organizations: Vec<&'static str>,
}

static KO: LazyLock<Words> = LazyLock::new(|| {
    let p = Profile::of("ko").expect("the Korean profile is compiled in");
    Words {
        cues: p.longest_first("cues"),
        quotative: p.longest_first("quotative"),
        titles: p.longest_first("titles"),
        honorifics: p.longest_first("honorifics"),
        org_suffixes: p.longest_first("organization suffixes"),
        pronouns: p.longest_first("pronouns"),
        adverbials: p.longest_first("adverbials"),
        media: p.media(),
        surnames: p.longest_first("surnames"),
        not_organizations: p.longest_first("not organizations"),
    }
});

fn hangul(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| ('\u{AC00}'..='\u{D7AF}').contains(&c))
}

/// A family name and 모 ("김모"): someone the article keeps anonymous.
fn anonymized(s: &str) -> bool {
    hangul(s)
        && s.chars().count() == 2
        && s.ends_with('모')
        && KO.surnames.iter().any(|f| s.starts_with(f))
}

/// A Korean personal name: a family name and one or two syllables (two or three after a
/// family name of two).
fn is_name(s: &str) -> bool {
    let n = s.chars().count();
    hangul(s)
        && !anonymized(s)
        && !KO.not_organizations.contains(&s)
        && (2..=4).contains(&n)
        && !KO.titles.contains(&s)
        && !KO
            .org_suffixes
            .iter()
            .any(|x| x.chars().count() >= 2 && s.ends_with(x))
        && KO.surnames.iter().any(|f| {
            s.starts_with(f)
                && (n - f.chars().count() == 1 || n - f.chars().count() == 2)
                && (n <= 3 || f.chars().count() == 2)
        })
}

/// The subject particle ending a word: 은/는/이/가.
fn strip_particle(word: &str) -> Option<&str> {
    let last = word.chars().next_back()?;
    matches!(last, '은' | '는' | '이' | '가')
        .then(|| &word[..word.len() - last.len_utf8()])
        .filter(|w| !w.is_empty())
}

#[derive(Debug, Default, Clone, PartialEq)]
struct Subject {
    name: Option<String>,
    /// A family name alone, with a title: "한 부회장".
    family: Option<String>,
    title: Option<String>,
    organization: Option<String>,
    pronoun: bool,
}

/// Reads the words of a subject: `[회사] [이름] [직책]`, `[이름] [회사] [직책]`, `[회사] [직책]
/// [이름]`, `[성] [직책]`, `그`.
fn read_words(words: &[&str]) -> Option<Subject> {
    let w = &*KO;
    // (Not a time, a number, or a word describing what follows: "경쟁사인", "이날".)
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|x| !w.honorifics.contains(x))
        .skip_while(|x| {
            w.adverbials.contains(x)
                || x.chars().any(|c| c.is_ascii_digit())
                || (x.chars().count() > 1 && x.ends_with(['인', '한', '된']))
        })
        .map(|x| {
            w.honorifics
                .iter()
                .find_map(|h| x.strip_suffix(h))
                .unwrap_or(x)
        })
        .collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let mut out = Subject::default();
    if let [only] = words[..]
        && w.pronouns.contains(&only)
    {
        out.pronoun = true;
        return Some(out);
    }
    let title_at = words.iter().position(|x| w.titles.contains(x));
    let name_at = match title_at {
        // The name next to the role: before it ("한종희 부회장") or after it ("주장 손민호").
        Some(t) => [t.checked_sub(1), Some(t + 1)]
            .into_iter()
            .flatten()
            .find(|&k| words.get(k).is_some_and(|x| is_name(x)))
            .or_else(|| words.iter().position(|x| is_name(x))),
        None => words.iter().position(|x| is_name(x)),
    };
    if let Some(t) = title_at {
        out.title = Some(words[t].to_owned());
        // "한 부회장": a family name alone before the role.
        if t > 0 && name_at.is_none() && words[t - 1].chars().count() == 1 && hangul(words[t - 1]) {
            out.family = Some(words[t - 1].to_owned());
        }
    }
    if let Some(k) = name_at {
        out.name = Some(words[k].to_owned());
    } else if words.iter().any(|x| anonymized(x)) {
        // "김모 씨": a person the article does not name.
        return None;
    }
    let first_person_word = [title_at, name_at]
        .into_iter()
        .flatten()
        .min()
        .map_or(words.len(), |k| {
            k.saturating_sub(usize::from(out.family.is_some()))
        });
    // (Who someone is, not whose: "증권사 애널리스트", "소비자 김모 씨".)
    let org: Vec<&str> = words[..first_person_word]
        .iter()
        .copied()
        .filter(|x| !w.not_organizations.contains(x))
        .collect();
    let after: Vec<&str> = words[first_person_word..]
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            Some(i + first_person_word) != title_at
                && Some(i + first_person_word) != name_at
                && !(out.family.is_some() && i + first_person_word + 1 == title_at.unwrap_or(0))
        })
        .map(|(_, x)| *x)
        .collect();
    // ("이정훈 산업통상자원부 장관": the organization between the name and the role.)
    let org = if org.is_empty() { after } else { org };
    if !org.is_empty() {
        out.organization = Some(org.join(" "));
    }
    (out.name.is_some()
        || out.family.is_some()
        || out.title.is_some()
        || out.organization.is_some())
    .then_some(out)
}

/// The subject of the words before a quotation in its sentence: up to the first word with a
/// subject particle.
fn subject_before(before: &str) -> Option<Subject> {
    let clause = before.rsplit([',', '，']).next().unwrap_or(before);
    let words: Vec<&str> = clause.split_whitespace().collect();
    // The topic (은/는) first, else the subject (이/가) of a word that does not simply end so
    // ("해설가", "전문가" are roles).
    let end = words
        .iter()
        .position(|w| w.ends_with(['은', '는']) && strip_particle(w).is_some())
        .or_else(|| {
            words
                .iter()
                .position(|w| strip_particle(w).is_some() && !KO.titles.contains(w))
        })?;
    let mut subject: Vec<&str> = words[..=end].to_vec();
    let last = strip_particle(subject[end])?;
    subject[end] = last;
    read_words(&subject)
}

/// Reads the speaker of each quotation of a Korean text; `None` where no attribution is in a
/// shape this reader knows.
pub(crate) fn attribute(
    text: &str,
    quotations: &[Quotation],
    carry_title: bool,
) -> Vec<Option<Attribution>> {
    let w = &*KO;
    let mut known: Vec<super::profile::Named> = Vec::new();
    quotations
        .iter()
        .enumerate()
        .map(|(n, _)| {
            let (before, after) = super::quotes::neighbourhood(text, quotations, n);
            let before = &before[before.rfind(['.', '\n', '?', '!']).map_or(0, |i| i + 1)..];
            let after = &after[..after.find(['.', '\n']).unwrap_or(after.len())];
            let quotative = w.quotative.iter().find(|x| after.starts_with(**x))?;
            let rest = &after[quotative.len()..];
            // The verb: right after, or after the subject put between ("…"고 그는 말했다);
            // "…"며 joins a clause of the same speaker and needs none.
            let cue = w
                .cues
                .iter()
                .filter_map(|c| rest.find(c).map(|i| (i, *c)))
                .min_by_key(|(i, c)| (*i, std::cmp::Reverse(c.len())));
            let connecting = quotative.ends_with('며') || quotative.ends_with("면서");
            if cue.is_none() && !connecting {
                return None;
            }
            let between = cue.map_or("", |(i, _)| &rest[..i]);
            let read = between
                .split_whitespace()
                .position(|x| strip_particle(x).is_some())
                .and_then(|_| subject_before(between))
                .or_else(|| subject_before(before));
            let mut a = Attribution {
                cue: Some(cue.map_or(*quotative, |(_, c)| c).to_owned()),
                ..Attribution::default()
            };
            a.medium = super::profile::medium_in(&KO.media, &format!("{before}{between}"));
            let Some(s) = read else {
                return Some(a);
            };
            if s.pronoun {
                super::profile::pronoun_as_named_last(&mut a, &known, "그", carry_title);
                return Some(a);
            }
            if let Some(family) = &s.family {
                let mention = format!("{family} {}", s.title.clone().unwrap_or_default());
                let earlier = known
                    .iter()
                    .rev()
                    .find(|(full, _, _)| full.starts_with(family.as_str()))
                    .cloned();
                a.mention = Some(mention.trim().to_owned());
                if let Some((full, title, org)) = earlier {
                    a.note = Some(format!("“{}” resolved to {full}", mention.trim()));
                    a.speaker = Some(full);
                    if carry_title {
                        // ("박 대표" after "박성민 대표이사": the fuller role.)
                        a.title = match (s.title.clone(), title) {
                            (Some(short), Some(full)) if full.starts_with(&short) => Some(full),
                            (short, full) => short.or(full),
                        };
                        a.organization = s.organization.clone().or(org);
                    }
                }
                return Some(a);
            }
            a.title = s.title.clone();
            a.organization = s.organization.clone();
            match &s.name {
                Some(name) => {
                    a.speaker = Some(name.clone());
                    if carry_title
                        && a.title.is_none()
                        && let Some((_, t, o)) = known.iter().find(|(k, _, _)| k == name)
                    {
                        a.title = t.clone();
                        a.organization = o.clone();
                    }
                    known.push((name.clone(), a.title.clone(), a.organization.clone()));
                }
                None if a.title.is_none() => a.speaker = a.organization.take(),
                None => {
                    a.note = Some("the article describes the speaker without naming them".into())
                }
            }
            Some(a)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_give_organization_name_and_role() {
        let s = subject_before("삼성전자 한종희 부회장은 5일 기자간담회에서 ").unwrap();
        assert_eq!(s.name.as_deref(), Some("한종희"));
        assert_eq!(s.title.as_deref(), Some("부회장"));
        assert_eq!(s.organization.as_deref(), Some("삼성전자"));
        let s = subject_before("한 부회장은 또 ").unwrap();
        assert_eq!(
            (s.family.as_deref(), s.title.as_deref()),
            (Some("한"), Some("부회장"))
        );
        assert!(subject_before("그는 ").unwrap().pronoun);
    }
}
