//! Who said a quotation, as the text around it tells: the speaker from the reporting cue before or
//! after it ("…,” Yoon said", "said Ann Lee", "According to X, “…”"), pronouns and surnames
//! resolved to a full name introduced earlier, the title and organization from appositives
//! ("Vijayasimha Alilughatta, chief operating officer of tech services provider Zensar") or from
//! the words before the name ("Zensar CEO Ajay Bhandari", "Alibaba's COO"), and the medium
//! ("told Reuters", "said in an email").
//!
//! The same reading serves clipping (what an article says) and checking (what a draft claims),
//! so both understand attributions the same way. When the text does not say who spoke, the
//! result says so instead of guessing.

pub mod perceptron;
pub mod rank;
pub mod tagger;
pub mod tokens;

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde::Serialize;

use super::names::is_generational;
use super::quotes::Quotation;
use crate::model::Medium;

/// What the text says about one quotation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// The speaker's full name, when the text names (or lets us resolve) one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// How the text refers to the speaker at this quotation ("he", "Yoon", "Alibaba’s COO").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_description: Option<String>,
    /// `None` when the text only says "said"/"says": it claims no particular medium.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub medium: Option<Medium>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub told_to: Option<String>,
    /// The reporting verb or phrase ("told", "said", "according to").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// Why no speaker was given, or how it was resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A person met earlier in the text, for resolving later mentions.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    /// Quoted, or introduced with a role ("Bob Roe, a professor at…"): someone a "he" or "she"
    /// can refer to. A bare capitalised pair may be a place ("Pacific Ocean") and is only used
    /// to complete surnames.
    referent: bool,
    /// What the text's pronouns say: `Some(true)` for "she", `Some(false)` for "he".
    female: Option<bool>,
    title: Option<String>,
    organization: Option<String>,
    organization_description: Option<String>,
    /// Called by one word of the name alone before ("Cruz said"): whom that word goes on to
    /// mean when others with the name come in ("his wife, Heidi Cruz").
    by_one_name: bool,
}

const CUES: &str = "said|says|say|saying|told|tells|telling|added|adds|adding|wrote|writes|writing|explained|explains|noted|notes|stated|states|argued|argues|asked|asks|insisted|insists|warned|warns|continued|continues|recalled|recalls|claimed|claims|declared|declares|acknowledged|acknowledges|admitted|admits|emailed|tweeted|posted|replied|replies|responded|responds|remarked|remarks|observed|observes|predicted|predicts|suggested|suggests|announced|announces|commented|comments|conceded|concedes|cautioned|cautions|contended|contends|maintained|maintains|stressed|stresses|concluded|concludes|agreed|agrees|countered|counters|quipped|joked|shouted|yelled|whispered|testified|testifies|boasted|complained|confirmed|confirms|denied|denies|urged|urges|vowed|vows|pledged|promised|promises|recounted|lamented|laments|mused|answered|answers|reiterated|reiterates|thundered|exclaimed|wondered|described|describes|called|calls|exhorted|charged|scoffed|snapped|retorted|bragged|fumed|marveled|marvelled|offered|chimed|shot|fired|sniped|intoned|interjected|elaborated|clarified|emphasized|emphasizes|mocked|tweets|chanted|riffed|went on|goes on|pointed out|points out|shot back|fired back|wondered aloud|asserted|asserts|assured|assures|decried|denounced|proclaimed|proclaims|mentioned|reminded|reminds|indicated|demanded|demands|raved|restated|pleaded|begged|repeated|repeats|reads|read|yells|shouts|screamed|screams|cried|cries|jokes|quips|asking|sings|sang|write|pressed|presses|mocks|confessed|confesses|puts it|put it|reported|reports|barked|beamed|gushed|growled|sighed|laughed|grumbled|muttered|murmured|snarled|hissed|roared|bellowed|crowed|ranted|griped|blasted|remembered|remembers|retaliated|is quoted as saying|was saying|were saying|is saying|are saying|kept saying|keeps saying|was telling|was asking|emails|texted|texts|shared|shares|labeled|labelled|labels|labeling|is labeling|dubbed|branded|termed|is calling|was calling";

/// Whether `word` is a verb that introduces or follows a quotation ("said", "chanted",
/// "saying").
pub(crate) fn is_cue_word(word: &str) -> bool {
    static WORDS: LazyLock<std::collections::HashSet<&'static str>> =
        LazyLock::new(|| CUES.split('|').chain(PARTICIPLES.split('|')).collect());
    WORDS.contains(word)
}

/// Abbreviations that keep their full stop inside a name ("Jr.", "Sen.", "Lt. Gen.").
macro_rules! abbreviations {
    () => {
        "Jr|Sr|St|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Adm|Capt|Prof|Rev|Pres|Atty|Supt|Sens|Reps|Del"
    };
}

/// Lower-case particles inside a name ("Ludwig van Beethoven", "Michery el Soheil").
macro_rules! particles {
    () => {
        "de|van|von|der|den|bin|al|el|da|di|du|la|le|del|dos|y"
    };
}

fn is_particle(w: &str) -> bool {
    particles!().split('|').any(|p| p == w)
}

/// A surname with the particles that lead it ("van Sebille", "de la Cruz"), or one word: what
/// a person may be called by alone.
fn is_one_name(name: &str) -> bool {
    let mut words = name.split_whitespace().rev();
    words.next().is_some() && words.all(is_particle)
}

/// Participles that introduce a quotation: “…,” she said, adding, “…” / Trump attacked Clinton,
/// saying, “…” / footage of Trump saying, “…”.
const PARTICIPLES: &str = "saying|adding|writing|asking|tweeting|declaring|noting|arguing|explaining|telling|shouting|yelling";

/// A name: capitalised words, initials ("G.K."), or abbreviations that keep their full stop
/// ("Jr.", "Sen."). A capitalised word never takes a full stop: "Clinton." ends a sentence.
/// No name runs across a line break ("Notebook¶Thomas Perez": a heading, then a name); nor
/// do the roles and descriptions below.
const NAME: &str = concat!(
    r"(?:(?:\p{Lu}\.){1,3}|(?:",
    abbreviations!(),
    r")\.|\p{Lu}[\p{L}\p{M}'’\-]*)",
    // (Particles two deep: "Ursula von der Leyen".)
    r"(?:[^\S\n]+(?:(?:",
    particles!(),
    r")[^\S\n]+){0,2}(?:(?:\p{Lu}\.){1,3}|(?:",
    abbreviations!(),
    r")\.|\p{Lu}[\p{L}\p{M}'’\-]*)){0,6}",
    // A party and state after a name: "Jim Clyburn (D-S.C.)".
    r"(?:[^\S\n]*\([^()]{1,24}\))?"
);
/// The organization after a name: "Wray Grimaldi of the University of Otago in Dunedin", "John
/// Roe of the 82nd Airborne".
const ORG_AFTER: &str = concat!(
    r"(?:[^\S\n]+(?:of|at|with|from)[^\S\n]+(?:the[^\S\n]+)?(?:\p{Lu}[\p{L}\p{M}’'&\-]*|\d{1,3}(?:st|nd|rd|th))",
    r"(?:[^\S\n]+(?:(?:of|and|for|in|on|the|de|&)[^\S\n]+)*\p{Lu}[\p{L}\p{M}’'&\-]*){0,8})"
);
/// An appositive after the speaker a cue came before, to its comma or the sentence's end
/// (initials inside it end nothing: "an organizer with D.C. Ferguson").
const APPOS_TO_END: &str =
    r"(?:\s*,\s*(?P<appos>(?:\p{Lu}\.|[^,“”«»\x22])+?)\s*(?:,|\.(?:\s|$)|$))?";
/// The particle that leads a surname used alone: “…,” said van Sebille.
const PARTICLE_LED: &str = concat!("(?:(?:(?:", particles!(), r")[^\S\n]+){1,2})");
/// A name with a role in front of it, partly lower case: "Tulsa police Chief Chuck Jordan",
/// "White House press secretary Josh Earnest", "campaign spokesman Jason Miller".
const ROLE_NAME: &str = concat!(
    r"(?:\p{Lu}[\p{L}’'.\-]*[^\S\n]+){0,3}(?:[a-z][\p{L}’'\-]*[^\S\n]+){0,3}",
    r"(?:[Cc]hief|[Ss]pokes(?:man|woman|person)|[Ss]ecretary|[Dd]irector|[Oo]fficer|[Aa]dvis[eo]r|[Pp]resident|CEO|CFO|COO|[Cc]hair(?:man|woman)?|[Mm]anager|[Aa]nalyst|[Pp]rofessor|[Ll]eader|[Aa]ttorney|[Gg]eneral|[Cc]ommissioner|[Mm]ayor|[Jj]udge|[Gg]overnor|[Ss]enator|[Ee]conomist|[Ss]trategist|[Ff]ounder|[Pp]artner|[Ee]xecutive|[Ee]ditor|[Cc]andidate|[Nn]ominee|[Aa]ide|[Pp]ollster|[Cc]oach|Rep\.|Sen\.|Gov\.|Dr\.)[^\S\n]+",
    r"(?:(?:\p{Lu}\.){1,3}|\p{Lu}[\p{L}\p{M}'’\-]*)(?:[^\S\n]+(?:(?:\p{Lu}\.){1,3}|\p{Lu}[\p{L}\p{M}'’\-]*)){0,3}",
    r"(?:[^\S\n]*\([^()]{1,24}\))?"
);
/// A title "of" something before a name: "Secretary of State John F. Kerry", "Minister of
/// Finance Ana Lopez" (the capitalised run holds what the title is of and the name).
const TITLE_OF_NAME: &str = concat!(
    r"(?:\p{Lu}\p{Ll}+[^\S\n]+){1,2}of[^\S\n]+(?:the[^\S\n]+)?",
    r"\p{Lu}[\p{L}\p{M}'’\-]*(?:[^\S\n]+(?:(?:\p{Lu}\.){1,3}|\p{Lu}[\p{L}\p{M}'’\-]*)){2,5}"
);
/// Any few words of description before a name of two to six capitalised words: "former Obama
/// adviser David Axelrod", "retired neurosurgeon Ben Carson", "the Rev. Peter Wherry", "former
/// secretary of state Hillary Clinton". The description is as short as the match allows, the
/// name as long: `split_pre_name` then tells title and organization from the name.
const ROLE_ANY: &str = concat!(
    r"(?:[\p{L}\p{M}\p{N}./’'\-]+[^\S\n]+){0,6}?",
    // (Abbreviated ranks inside the name: "retired Army Lt. Gen. Mick Bednarek"; initials:
    // "rescue coordinator S.B. Supriyadi".)
    r"(?:(?:\p{Lu}\.){1,3}|\p{Lu}[\p{L}\p{M}'’\-]*)(?:[^\S\n]+(?:(?:",
    particles!(),
    r")[^\S\n]+)?(?:(?:\p{Lu}\.){1,3}|(?:",
    abbreviations!(),
    r")\.|\p{Lu}[\p{L}\p{M}'’\-]*)){1,5}",
    // A party and state after the name: "panel Chairman Rep. Jason Chaffetz (R-Utah)".
    r"(?:[^\S\n]*\([^()]{1,24}\))?"
);
/// A newspaper, agency or body the text names with "the" ("the Times", "the IMF", "the
/// Washington Post", "the Bank of Japan"), or someone it describes so ("the Texan"): not a
/// person's name.
const THE_ORG: &str =
    r"the\s+\p{Lu}[\p{L}\-]*(?:\s+(?:(?:of|for|and|on|the|&)\s+){0,2}\p{Lu}[\p{L}\-]*){0,4}";
const PRONOUN: &str = r"[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ii]t";
/// A role owned by a name: "Sanders's campaign manager" (the name usually follows in an
/// appositive: ", Jeff Weaver,").
/// (An abbreviated title inside the owner's name: "California Rep. Duncan Hunter's chief of
/// staff".)
const POSS_ROLE: &str = r"\p{Lu}[\p{L}\p{M}\-]*\.?(?:\s+\p{Lu}[\p{L}\p{M}\-]*\.?){0,3}[’']s(?:\s+\p{Ll}[\p{L}\-]*){1,4}";
/// The words that open a source described but not named ("a former official", "his lawyer").
macro_rules! determiners {
    () => {
        "a|an|the|one|another|several|two|three|his|her|their|my|our"
    };
}

/// A party's member, a description's capitalised noun: "one senior Democrat".
macro_rules! party_members {
    () => {
        "Democrats?|Republicans?|Independents?|Conservatives?|Tories|Tory"
    };
}

/// One word that is a party's member ("Democrat").
static PARTY_MEMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(concat!("^(?:", party_members!(), ")$")).expect("valid regex"));

/// `NOMINAL` taking as many words as it can, for "said a former senior official."
const NOMINAL_GREEDY: &str = concat!(
    r"(?i:",
    determiners!(),
    r")(?:\s+[\p{L}\d’'\-]+){0,6}\s+(?:(?:\p{Ll}|\d+-)[\p{L}\-]*|(?:CEO|CFO|COO|CTO|CIO|",
    party_members!(),
    r")\b)"
);
/// A source the text describes but does not name: "a former senior law enforcement official",
/// "the congressional report", "one former GOP leadership aide". Ends in a lower-case word
/// or a title's abbreviation ("the CEO").
const NOMINAL: &str = concat!(
    r"(?i:",
    determiners!(),
    r")(?:\s+[\p{L}\d’'\-]+){0,6}?\s+(?:(?:\p{Ll}|\d+-)[\p{L}\-]*|(?:CEO|CFO|COO|CTO|CIO|",
    party_members!(),
    r")\b)"
);
/// A source described as someone of an organization: "a spokeswoman for Acme", "a senior
/// official at the Federal Trade Commission", "the head of the IMF".
static NOMINAL_OF_ORG: LazyLock<String> = LazyLock::new(|| {
    // (The noun names a person: "one Democrat familiar with the Clinton campaign" is none.)
    let nouns: Vec<&str> = TITLE_WORDS
        .iter()
        .chain(TITLE_KEYWORDS)
        .chain(PEOPLE_WORDS)
        .copied()
        .filter(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
        .collect();
    format!(
        r"(?i:{})(?:[^\S\n]+[\p{{L}}\d’'\-]+){{0,4}}?[^\S\n]+(?:{}|\p{{Ll}}+(?:{}))[^\S\n]+(?:for|of|at|with|from)[^\S\n]+(?:the[^\S\n]+)?{org}(?:[^\S\n]+(?:(?:of|and|for|on|the|de|&)[^\S\n]+)*{org}){{0,6}}",
        determiners!(),
        nouns.join("|"),
        OCCUPATION_ENDINGS.join("|"),
        org = r"(?:(?:\p{Lu}\.){1,3}|\p{Lu}[\p{L}\p{M}’'&\-]*)",
    )
});
/// A source described by what it is, as "according to" gives one: "a senior official", "the
/// report", "his lawyer" (not "according to their instinctive preference").
const SOURCE_DESCRIBED: &str = concat!(
    r"(?i:",
    determiners!(),
    r")(?:\s+[\p{L}\d’'\-]+){0,5}?\s+(?:spokes(?:man|woman|person)|officials?|aides?|sources?|reports?|statements?|study|studies|surveys?|polls?|documents?|memos?|letters?|filings?|complaints?|release|analysis|data|lawyers?|attorneys?|people|persons?|experts?|analysts?|police|prosecutors?|investigators?|witnesses|witness|researchers|scientists|estimates?|figures|records|emails?|transcripts?|newspaper|paper|magazine|website|campaign|company|agency|group|government|administration|department|ministry|office|committee)\b"
);
/// "an angry Hollande retaliated", "A flabbergasted Noah quipped": the mood a person is in,
/// before their name, is no part of it; nor is their age ("17-year-old Jared Potts echoed:").
const A_MOOD: &str = r"(?P<mood>[Aa]n?\s+\p{Ll}[\p{L}\-]*\s+|\d{1,3}-year-old\s+)?";
const ADVERBS: &str = r"(?:(?:also|later|then|previously|once|recently|simply|further|separately|again|often|always|never|still|even|had|has|have|would|will|\p{Ll}{2,}ly)\s+)*";

static AFTER_SPEAKER_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[,.;:]?\s*(?:[—–-]+\s*)?(?:as\s+)?{A_MOOD}(?P<subj>{ROLE_NAME}|{PARTICLE_LED}?{NAME}{ORG_AFTER}?|{PRONOUN}|{NOMINAL}|{POSS_ROLE}|{ROLE_ANY}|{THE_ORG}|{nominal_of_org})(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?)(?:(?:\s*,\s*[^,“”«»\x22]{{2,120}}?)?\s*(?P<closed>,))?)?\s+{ADVERBS}(?P<cue>{CUES})\b(?P<rest>[^“«\x22]*)",
        nominal_of_org = &*NOMINAL_OF_ORG,
    ))
    .expect("valid regex")
});

/// An organization's role in lower case, which a name may follow: "CNN meteorologist (Todd
/// Borek)", "Reuters correspondent (Jane Smith)". The role ends on a title's noun.
static ORG_TITLE: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"\p{{Lu}}[\p{{L}}\p{{M}}&\-]*(?:[^\S\n]+\p{{Lu}}[\p{{L}}\p{{M}}&\-]*){{0,3}}(?:[^\S\n]+\p{{Ll}}[\p{{L}}\-]*){{0,2}}?[^\S\n]+(?:{}|\p{{Ll}}+(?:{}))\b",
        TITLE_KEYWORDS.join("|"),
        OCCUPATION_ENDINGS.join("|")
    )
});

/// Cue verbs that may come before their speaker: “…,” said Smith / “…” tweeted Prince Alwaleed.
const CUE_FIRST: &str = "reports|reported|write|said|says|added|adds|wrote|writes|explained|noted|argued|asked|insisted|warned|continued|recalled|claimed|declared|acknowledged|admitted|replied|responded|remarked|observed|stated|countered|quipped|concluded|cautioned|tweeted|posted|emailed|joked|mocked|boasted|complained|lamented|predicted|answered|exclaimed|barked|beamed|gushed|growled|sighed|laughed|grumbled|muttered|murmured|roared|crowed|remembered|retaliated|declares|agrees|agreed|opined|explains|notes|argues|asks|insists|warns|recalls|claims|replies|responds|remarks|observes|counters|quips|concludes|cautions|tweets|jokes|complains|laments|predicts|answers|exclaims";

static AFTER_CUE_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    // (Past the default size limit, with every shape of a speaker after the cue.)
    regex::RegexBuilder::new(&format!(
        r"^\s*[,.;:]?\s*(?:[—–-]+\s*)?(?P<cue>{CUE_FIRST})\s+(?P<subj>{TITLE_OF_NAME}|{ROLE_NAME}|{org_title}(?:[^\S\n]+{NAME})?|{NAME}[^\S\n]+and[^\S\n]+{NAME}|{PARTICLE_LED}?{NAME}{ORG_AFTER}?|he|she|they|{nominal_of_org}|{NOMINAL_GREEDY}|{ROLE_ANY}){APPOS_TO_END}(?P<rest>[^“«\x22]*)",
        nominal_of_org = &*NOMINAL_OF_ORG,
        org_title = &*ORG_TITLE,
    ))
    .size_limit(32 << 20)
    .build()
    .expect("valid regex")
});

static AFTER_ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[,.;:]?\s*(?P<cue>according to)\s+(?P<subj>{THE_ORG}|{NAME}|{SOURCE_DESCRIBED}){APPOS_TO_END}(?P<rest>[^“«\x22]*)"
    ))
    .expect("valid regex")
});

/// “…” ― Pamela Padilla; “…” – Jennifer Lawrence http://t.co/…: a signature after the
/// quotation, the name and an appositive, then nothing but a link, a handle or a date ("– I
/// CAN talk." is no signature).
static AFTER_DASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[,.]?\s*[―—–]+\s*(?P<subj>{NAME})(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?))?\s*(?P<cue>)(?P<rest>(?:[\s.,;!?)]|https?://\S+|pic\.twitter\.com/\S+|\(@\w+\)|\p{{Lu}}\p{{Ll}}+\.?\s+\d{{1,2}},?\s+\d{{4}})*)$"
    ))
    .expect("valid regex")
});

/// “…” ¶ - Bernie Sanders. — a paragraph that only signs the quotation above it, as fact
/// checks and epigraphs do.
static SIGNED_BELOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[-―—–]+\s*(?P<subj>{ROLE_NAME}|{NAME})(?:\s*,\s*(?P<appos>[^,“”«»\x22\n]{{2,200}}?))?\s*\.?(?P<cue>)(?P<rest>)$"
    ))
    .expect("valid regex")
});

/// "his wife, " / "the senator's chief of staff, " — someone's relative or aide, whose name
/// follows.
static WHOSE_ROLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir)|\p{L}[’']s)\s+(?:\p{Ll}+\s+){0,3}\p{Ll}+,\s*$")
        .expect("valid regex")
});

/// … from Mike Lee, who declared in the debate spin room, “…” — a relative clause whose verb
/// is the cue.
static BEFORE_WHO_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[\s(])(?P<subj>{NAME}),\s+who\s+{ADVERBS}(?P<cue>{CUES})\b(?P<rest>[^“”«»\x22]*?)[,:]\s*$"
    ))
    .expect("valid regex")
});

/// Perez says too many women are torn by guilt. “…” — a sentence whose subject says
/// something, right before a quotation that opens the next sentence of the paragraph.
static PRIOR_SAYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:(?:But|And|However|Still|Yet|Later|Meanwhile|Instead|So|Now|Then)\s+|[^,“”«»\x22]{{2,80}},\s+)?(?P<subj>{ROLE_NAME}|{NAME}|[Hh]e|[Ss]he)(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?)\s*,)?\s+{ADVERBS}(?P<cue>{CUES}|disagreed|disagrees|summed up|sums up)\b(?P<rest>[^“”«»\x22]*)\.\s*$"
    ))
    .expect("valid regex")
});

/// “…” for criminal behavior, she said.
static AFTER_LATER_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[^“”«»\x22.!?]{{1,120}}?,\s*(?P<subj>{ROLE_NAME}|{NAME}|{PRONOUN})(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?)\s*,)?\s+{ADVERBS}(?P<cue>{CUES})\b(?P<rest>[^“«\x22]*)"
    ))
    .expect("valid regex")
});

/// “For rank-and-file teachers, he’s saying the right things” about fixing inequality, said
/// Marla Kilfoyle, … — a partial quotation whose sentence goes on to the cue.
static AFTER_LATER_CUE_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[^“”«»\x22.!?]{{1,160}}?,\s*(?P<cue>{CUE_FIRST})\s+(?P<subj>{ROLE_NAME}|{NAME}|{NOMINAL_GREEDY}){APPOS_TO_END}(?P<rest>[^“«\x22]*)"
    ))
    .expect("valid regex")
});

static BEFORE_SPEAKER_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:(?:But|And|However|Still|Yet|Later|Meanwhile|Earlier|Instead|So|Now|Then|As),?\s+|(?:Asked about [^,]+|(?P<doc>In [^,]+)),\s+|(?:Asked about|In) [^,]+?\s+|[^“”«»\x22]{{0,400}}?(?:(?:,\s+(?:and|but)|,|\s[―—–]|\sthat|\s(?:to\s+)?which|\s\p{{Ll}}[\p{{L}}’'\-]*\s+(?:and|but))\s+|\s\())?{A_MOOD}(?P<subj>{ROLE_NAME}|{NAME}|{PRONOUN}|{NOMINAL}|{POSS_ROLE}|{ROLE_ANY}|{nominal_of_org}|{THE_ORG})(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?)(?:\s*,\s*[^,“”«»\x22]{{2,120}}?)?\s*,)?\s+{ADVERBS}(?P<cue>{CUES})\b(?P<rest>[^“«\x22]*)$",
        nominal_of_org = &*NOMINAL_OF_ORG,
    ))
    .expect("valid regex")
});

/// Sanders was asked by host Bill Maher, who …, “…” — the passive's agent asked it.
static BEFORE_ASKED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:was|were|is|are|being)\s+(?P<cue>asked|told|questioned|pressed|urged|warned)\s+by\s+(?P<subj>{ROLE_NAME}|{NAME}|{ROLE_ANY})(?:\s*,\s*(?P<appos>(?:who|a|an|the)\s[^“”«»\x22]{{2,200}}?))?\s*[,:]\s*(?P<rest>)$"
    ))
    .expect("valid regex")
});

/// Said Ellis: “…” / Concluded the researchers: “…”
static BEFORE_CUE_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?P<cue>Said|Says|Added|Adds|Wrote|Writes|Asked|Explained|Noted|Concluded|Recalled|Warned|Quipped|Continued)\s+(?P<subj>{ROLE_NAME}|{NAME}|{NOMINAL_GREEDY})(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?))?\s*[:,]\s*(?P<rest>)$"
    ))
    .expect("valid regex")
});

/// Trump tweeted this: “…” / Sanders stepped up his emphasis, saying, “…” — the subject of the
/// sentence that introduces the quotation with a colon or a speech participle, after any
/// introductory phrase ("During a speech, Trump attacked Clinton, saying, “…”"), or with a
/// document that says it ("Amazon released a statement saying, “…”").
static BEFORE_SUBJECT_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:(?:(?:But|And|However|Still|Yet|Later|Meanwhile|Earlier|Instead|So|Now|Then)(?:\s+then)?|(?:In|During|After|Before|With|Without|Amid|Despite|Following|At|On|From|Since|While|When|As|Asked|Speaking|Last|This|Here|But back) [^,“”«»\x22]+),?\s+)?{A_MOOD}(?P<subj>{ROLE_NAME}|{NAME}|[Hh]e|[Ss]he)(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?)\s*,)?\s+{ADVERBS}(?P<cue>\p{{Ll}}+)\b(?P<rest>(?:[^“«\x22:]|:\d)*?)(?::|,\s*(?:(?:telling|asking|calling)(?:\s+[^\s,“”«»\x22]+){{1,4}}|{PARTICIPLES})\s*,?|(?P<doc>\s(?:statement|letter|tweet|message|e-?mail|note|memo|release|post|video)s?)\s+(?:saying|stating|reading)\s*[,:]?|,?\s+(?:and|then|but)\s+{ADVERBS}(?:{CUE_FIRST}|adding|saying|(?:told|asked)(?:\s+[^\s,“”«»\x22]+){{1,4}})\s*,)\s*$"
    ))
    .expect("valid regex")
});

/// Trump attacked “the hateful ideology of radical Islam” / Ted Nordhaus, co-founder of the
/// Breakthrough Institute, welcomed “the recognition that…” — a partial quotation its subject's
/// verb takes as its object: the subject's words; also what the verb calls its object
/// ("Robinson dismissed the march as “…”", "the Church accused the LCWR of “…”").
static BEFORE_SUBJECT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:(?:In|During|After|Before|At|On|Since|While|When|As|Last|This|But|And|Later|Earlier) [^,“”«»\x22]+,\s+)?(?P<subj>{ROLE_NAME}|{NAME}|[Hh]e|[Ss]he)(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?)\s*,)?\s+{ADVERBS}(?P<cue>\p{{Ll}}+(?:ed|es))(?P<rest>\s+[^“”«»\x22.!?]{{1,60}}?\s+(?:as|of))?\s*$"
    ))
    .expect("valid regex")
});

/// … doesn’t surprise Republican pollster Daron Shaw: “…” — a name ending the introduction.
static BEFORE_NAME_COLON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\s(?P<subj>{ROLE_NAME}|{NAME})(?P<cue>)\s*:\s*(?P<rest>)$"
    ))
    .expect("valid regex")
});

/// … footage of Trump saying during the debate, “…” — someone seen or heard saying it, in the
/// object of a sentence about something else; also "…, with Trump reportedly yelling: “…”".
static BEFORE_SEEN_SAYING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|\s)(?:(?P<with>with)|of|shows?|showed|showing|features?|featured|featuring|hear|heard|hears|see|saw|sees|watch|watched)\s+(?P<subj>{ROLE_NAME}|{NAME})\s+{ADVERBS}(?P<cue>{PARTICIPLES})\b(?P<rest>[^“”«»\x22.!?]{{0,120}}?)[,:]?\s*$"
    ))
    .expect("valid regex")
});

/// Clinton: “…” — a name as a speaker's label, as in transcripts and side-by-side quotes.
static BEFORE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[.!?”\x22]\s+)(?P<subj>{NAME})(?P<cue>)\s*:\s*(?P<rest>)$"
    ))
    .expect("valid regex")
});

static BEFORE_ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|\s)(?P<cue>[Aa]ccording to)\s+(?P<subj>{THE_ORG}|{NAME}|{SOURCE_DESCRIBED})(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?)\s*)?,\s*$"
    ))
    .expect("valid regex")
});

/// Title words that may stand before a name ("President Joe Biden", "Zensar CEO Ajay Bhandari").
const TITLE_WORDS: &[&str] = &[
    "president",
    "vice",
    "first",
    "senator",
    "sen.",
    "rep.",
    "del.",
    "representative",
    "gov.",
    "governor",
    "mayor",
    "secretary",
    "minister",
    "prime",
    "chancellor",
    "judge",
    "justice",
    "prof.",
    "professor",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "cio",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "executive",
    "officer",
    "director",
    "general",
    "gen.",
    "col.",
    "lt.",
    "sgt.",
    "adm.",
    "attorney",
    "speaker",
    "leader",
    "marshal",
    "air",
    "commodore",
    "brigadier",
    "sergeant",
    "corporal",
    "majority",
    "minority",
    "opposition",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "commissioner",
    "founder",
    "co-founder",
    "cofounder",
    "former",
    "acting",
    "deputy",
    "treasurer",
    "sheriff",
    "councilman",
    "councilwoman",
    "councilmember",
    "economist",
    "analyst",
    "strategist",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "dr.",
    "managing",
    "partner",
    "head",
    "candidate",
    "nominee",
    "lawmaker",
    "sens.",
    "reps.",
    "assemblyman",
    "assemblywoman",
    "delegate",
    "pastor",
    "rabbi",
    "imam",
    "bishop",
    "archbishop",
    "cardinal",
    "reverend",
    "coach",
    "manager",
    "solicitor",
    "surgeon",
    "inspector",
    "comptroller",
    "commander",
    "captain",
    "lieutenant",
    "colonel",
    "admiral",
    "detective",
    "constable",
    // Ranks of more than one word: "Private First Class", "Lieutenant Airman", "Staff Sgt."
    // (their first words are in `PORTFOLIOS`).
    "private",
    "class",
    "airman",
];

/// Honorifics dropped from names ("Mr. Smith" is Smith).
const HONORIFICS: &[&str] = &[
    "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr.", "dr", "sir", "dame", "rev.", "the",
];

/// Words that mark a phrase as a title when it follows a name ("…, chief operating officer of…").
const TITLE_KEYWORDS: &[&str] = &[
    "officer",
    "president",
    "chief",
    "director",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "founder",
    "partner",
    "chairman",
    "chairwoman",
    "chair",
    "secretary",
    "minister",
    "senator",
    "representative",
    "governor",
    "mayor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "analyst",
    "professor",
    "economist",
    "manager",
    "head",
    "executive",
    "editor",
    "researcher",
    "fellow",
    "adviser",
    "advisor",
    "strategist",
    "leader",
    "lawyer",
    "attorney",
    "counsel",
    "commissioner",
    "ambassador",
    "general",
    "official",
    "member",
    "candidate",
    "nominee",
    "aide",
    "owner",
    "investor",
    "scientist",
    "engineer",
    "vice",
    "deputy",
    "vp",
    "svp",
    "evp",
    "chancellor",
    "judge",
    "justice",
    "treasurer",
    "sheriff",
    "spokesman",
    "director",
    "professor",
    "lecturer",
    "dean",
    "principal",
    "superintendent",
    "coach",
    "pastor",
    "author",
    "founder",
    "cofounder",
    "co-founder",
    "consultant",
    "specialist",
    "expert",
    "president-elect",
    "congressman",
    "congresswoman",
    "lawmaker",
    "delegate",
    "correspondent",
    "reporter",
    "writer",
    "producer",
    "anchor",
    "teacher",
    "student",
    "doctor",
    "nurse",
    "surgeon",
    "pilot",
    "organizer",
    "coordinator",
    "staffer",
    "premier",
    "speaker",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we"];

/// Words for people a text describes without naming them ("a senior aide", "the woman").
const PEOPLE_WORDS: &[&str] = &[
    "aide",
    "aides",
    "official",
    "officials",
    "source",
    "sources",
    "person",
    "people",
    "man",
    "woman",
    "men",
    "women",
    "staffer",
    "adviser",
    "advisor",
    "expert",
    "lawyer",
    "voter",
    "resident",
    "supporter",
    "critic",
    "member",
    "worker",
    "student",
    "mother",
    "father",
    "friend",
    "wife",
    "husband",
    "son",
    "daughter",
    "insider",
    "protester",
];

/// Title words that are also surnames, which end a name rather than start one ("Steve King",
/// "Rob Bishop", "John Major" against "King Charles", "Judge Reeves").
const SURNAME_TITLES: &[&str] = &["king", "bishop", "judge", "marshal", "major", "chancellor"];

/// Capitalised words that belong to the title they stand before: what an officer or a
/// minister is in charge of ("Microsoft Chief Financial Officer Amy Hood", "German Foreign
/// Minister Annalena Baerbock", "Amazon Senior Vice President Dave Limp", "White House Press
/// Secretary Karine Jean-Pierre"), not the organization.
const PORTFOLIOS: &[&str] = &[
    "financial",
    "operating",
    "technology",
    "technical",
    "information",
    "marketing",
    "commercial",
    "investment",
    "product",
    "revenue",
    "strategy",
    "digital",
    "legal",
    "medical",
    "scientific",
    "data",
    "security",
    "people",
    "senior",
    "press",
    "foreign",
    "finance",
    "defense",
    "defence",
    "interior",
    "health",
    "home",
    "economy",
    "trade",
    "justice",
    "education",
    "environment",
    "energy",
    "agriculture",
    "transport",
    "transportation",
    "labor",
    "labour",
    "commerce",
    "treasury",
    "homeland",
    "culture",
    "housing",
    "immigration",
    "communications",
    "research",
    "innovation",
    "assistant",
    "associate",
    "principal",
    "staff",
    "master",
    "petty",
    "warrant",
    "lance",
];

fn is_portfolio(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && PORTFOLIOS.contains(&w.to_lowercase().as_str())
}

fn is_title_word(w: &str) -> bool {
    TITLE_WORDS.contains(&w.to_lowercase().as_str())
}

fn has_title_keyword(phrase: &str) -> bool {
    phrase
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            TITLE_KEYWORDS.contains(&w.to_lowercase().as_str()) || names_an_occupation(w)
        })
}

/// Endings of nouns that name an occupation ("oceanographer", "physician", "journalist").
const OCCUPATION_ENDINGS: &[&str] = &["ographer", "ologist", "ician", "orian", "arian", "ist"];

/// A lower-case noun whose ending names an occupation: "oceanographer", "epidemiologist",
/// "physician", "historian", "journalist" (not the verbs "insist", "resist" and the like).
fn names_an_occupation(w: &str) -> bool {
    const NOT: &[&str] = &[
        "assist", "insist", "persist", "resist", "exist", "consist", "enlist",
    ];
    w.chars().all(|c| c.is_lowercase() || c == '-')
        && w.chars().count() >= 6
        && OCCUPATION_ENDINGS.iter().any(|e| w.ends_with(e))
        && !NOT.iter().any(|n| w.ends_with(n))
}

/// The parts of an appositive or a pre-name phrase.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Role {
    pub title: Option<String>,
    pub organization: Option<String>,
    pub organization_description: Option<String>,
}

/// Reads "chief operating officer of tech services provider Zensar" as title, description and
/// organization; "Zensar’s COO" and "a spokeswoman for Acme" too. Returns `None` for a phrase
/// that is not a role ("a Democrat from Ohio", "who declined to give her name").
pub fn parse_role(phrase: &str) -> Option<Role> {
    let phrase = phrase.trim().trim_end_matches(['.', ',']);
    let lower = phrase.to_lowercase();
    // "who heads the cloud unit at Oracle", "who founded Acme": the verb's noun is the title.
    for (verb, noun) in [
        ("heads", "head"),
        ("leads", "head"),
        ("runs", "head"),
        ("directs", "director"),
        ("chairs", "chair"),
        ("founded", "founder"),
        ("co-founded", "co-founder"),
    ] {
        if let Some(what) = phrase
            .strip_prefix("who ")
            .and_then(|p| p.strip_prefix(verb))
            .and_then(|p| p.strip_prefix(' '))
            .filter(|what| !what.starts_with(['“', '"']))
        {
            // (Only with an organization named: "who runs a hedge fund" is no title.)
            return parse_role(&format!("{noun} of {what}")).filter(|r| r.organization.is_some());
        }
    }
    if lower.starts_with("who ") || lower.starts_with("which ") || lower.starts_with("whose ") {
        return None;
    }
    // ("now a professor at …": when is no part of the role.)
    let phrase = ["now ", "currently ", "also "]
        .iter()
        .find_map(|w| phrase.strip_prefix(w))
        .unwrap_or(phrase);
    let phrase = strip_article(phrase);
    // "an Italian journalist who visited Assange regularly at the embassy", "a professor at
    // Purdue University whose research includes …": a relative clause is about the person or
    // the organization, not the role.
    static RELATIVE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s+(?:who|whose|which|that)\s").expect("valid regex"));
    let phrase = RELATIVE
        .find(phrase)
        .map_or(phrase, |m| &phrase[..m.start()]);
    // "Zensar’s COO"
    if let Some((org, title)) = split_possessive(phrase)
        && has_title_keyword(title)
    {
        return Some(Role {
            title: Some(title.trim().to_owned()),
            organization: Some(org.trim().to_owned()),
            organization_description: None,
        });
    }
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s+(?:of|at|for|with|from)\s+").expect("valid regex"));
    // "director of U.S. rate strategy at Mitsubishi UFJ Securities": the title runs to the last
    // link after which an organization is named, when no name stands before it ("spokeswoman
    // for the Bank of America" keeps "for").
    let proper = |s: &str| {
        s.split_whitespace()
            .any(|w| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase))
    };
    let link = LINK
        .find_iter(phrase)
        .filter(|m| {
            strip_article(&phrase[m.end()..]).starts_with(char::is_uppercase)
                && !proper(&phrase[..m.start()])
        })
        .last()
        .or_else(|| LINK.find(phrase));
    let (title, rest) = match link {
        Some(m) => (&phrase[..m.start()], Some(&phrase[m.end()..])),
        // ("mission coordinator in Palangkan Bun": where the title is held is no part of it.)
        None => match phrase.split_once(" in ") {
            Some((title, place)) if place.starts_with(char::is_uppercase) => (title, None),
            _ => (phrase, None),
        },
    };
    if !has_title_keyword(title) {
        return None;
    }
    // ("screenwriter and author of “Zombies on Film”": the title cut at a quotation mark.)
    let mut title = title.trim();
    while let Some((head, last)) = title.rsplit_once(' ')
        && ["of", "at", "for", "with", "from", "and", "in", "on"].contains(&last)
    {
        title = head.trim_end();
    }
    // "Rutgers University economist": the organization, then the title in lower case.
    if rest.is_none()
        && let Some((organization, title)) = organization_then_lower_case(title)
        && has_title_keyword(&title)
    {
        // ("an Italian journalist": a nationality.)
        let (organization, title) = match country_of(&organization) {
            Some(_) => nationality_role(&organization, &title),
            None => (Some(organization), title),
        };
        return Some(Role {
            title: Some(title),
            organization,
            organization_description: None,
        });
    }
    let mut role = Role {
        title: Some(title.to_owned()),
        ..Default::default()
    };
    if let Some(rest) = rest {
        // "the Brookings Institution and a former U.S. ambassador to Israel", "Ecuador under
        // Correa", "… where …": a second role, a time or a place clause is no part of its
        // name (a relative clause, "Purdue University whose research …", went with the
        // phrase's).
        static ROLE_ENDS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"\s+(?:(?:where|under)\s|and\s+(?:(?:a|an|the|his|her)\s+)?\p{Ll})")
                .expect("valid regex")
        });
        let rest = ROLE_ENDS.find(rest).map_or(rest, |m| &rest[..m.start()]);
        // "the University of New South Wales in Sydney": where the organization is, is no
        // part of its name.
        let rest = match rest.find(" in ") {
            Some(i)
                if rest[..i]
                    .split_whitespace()
                    .any(|w| w.starts_with(char::is_uppercase)) =>
            {
                &rest[..i]
            }
            _ => rest,
        };
        let (description, org) = split_description(strip_article(rest));
        // "a member of Ennahda’s general secretariat": the party's.
        let owner = || {
            split_possessive(strip_article(rest))
                .map(|(owner, _)| owner.trim().to_owned())
                .filter(|owner| looks_like_organization(owner))
        };
        match org {
            Some(org) => {
                role.organization = Some(org);
                role.organization_description = description;
            }
            None => role.organization = owner(),
        }
    }
    Some(role)
}

/// "CNN meteorologist", "Rutgers University economist": an organization's name, then the words
/// from the first in lower case on; the two parts.
fn organization_then_lower_case(phrase: &str) -> Option<(String, String)> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| w.starts_with(char::is_lowercase))?;
    let organization = words[..at].join(" ");
    looks_like_organization(&organization).then(|| (organization, words[at..].join(" ")))
}

fn strip_article(s: &str) -> &str {
    let t = s.trim();
    for a in [
        "the ", "a ", "an ", "The ", "A ", "An ", "his ", "her ", "their ", "its ",
    ] {
        if let Some(rest) = t.strip_prefix(a) {
            return rest.trim();
        }
    }
    t
}

/// A word without its possessive "’s" or "'s" ("Christie's" → "Christie").
fn without_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

fn split_possessive(s: &str) -> Option<(&str, &str)> {
    for mark in ["’s ", "'s "] {
        if let Some(i) = s.find(mark) {
            let org = &s[..i];
            if org.starts_with(|c: char| c.is_uppercase()) {
                return Some((org, &s[i + mark.len()..]));
            }
        }
    }
    None
}

/// "tech services provider Zensar" → ("tech services provider", "Zensar"); the organization is
/// the trailing run of capitalised words (with "of", "and", "&" inside it).
fn split_description(s: &str) -> (Option<String>, Option<String>) {
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    // "the Israel Democracy Institute think tank", "the Guardian newspaper": what kind of body
    // it is, after its name, describes it.
    const KINDS: &[&str] = &[
        "think tank",
        "newspaper",
        "daily",
        "weekly",
        "magazine",
        "group",
        "firm",
        "company",
        "agency",
        "network",
        "website",
        "party",
        "organization",
        "organisation",
        "nonprofit",
        "charity",
        "union",
        "campaign",
        "broadcaster",
    ];
    if let Some((kind, name)) = KINDS.iter().find_map(|k| {
        s.strip_suffix(k)
            .filter(|name| name.ends_with(' '))
            .map(|name| (*k, name.trim_end()))
    }) && name.split_whitespace().next_back().is_some_and(capital)
    {
        let (description, organization) = split_description(name);
        let description = match description {
            Some(d) => format!("{d} {kind}"),
            None => kind.to_owned(),
        };
        return (Some(description), organization);
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    // (The small words inside a name: "Council on Foreign Relations", "Committee for a
    // Responsible Federal Budget", "Bank of the West", "the … Center for Health and Human
    // Rights at Harvard University".)
    const INSIDE: &[&str] = &["of", "and", "&", "for", "de", "on", "the", "a", "at"];
    let mut start = words.len();
    while start > 0 {
        let w = words[start - 1];
        if capital(w) {
            start -= 1;
            continue;
        }
        // A run of one or two small words, with a capitalised word before it.
        let small = words[..start]
            .iter()
            .rev()
            .take(2)
            .take_while(|w| INSIDE.contains(w))
            .count();
        let joined = small > 0
            && start < words.len()
            && start > small
            && capital(words[start - small - 1])
            && (small == 1 || !["the", "a"].contains(&words[start - small]));
        if joined {
            start -= small;
        } else {
            break;
        }
    }
    while start < words.len() && !capital(words[start]) {
        start += 1;
    }
    // ("Mercer Island-based Dana F. Besecker Company": where it is based describes it.)
    if let Some(based) = words[start..].iter().rposition(|w| w.ends_with("-based")) {
        start += based + 1;
    }
    if start == words.len() {
        // No capitalised name: "a local bank" is a description only.
        return (Some(s.to_owned()).filter(|d| !d.is_empty()), None);
    }
    let desc = words[..start].join(" ");
    let org = words[start..].join(" ");
    (Some(desc).filter(|d| !d.is_empty()), Some(org))
}

/// Splits "Zensar CEO Ajay Bhandari" (or "Tulsa police Chief Chuck Jordan") into the role
/// before the name and the name.
fn split_pre_name(subject: &str) -> (Role, String) {
    // "RealClearPolitics’ David Byler", "the Washington Post’s Ishaan Tharoor": the name is
    // owned by its organization.
    for mark in ["’s ", "'s ", "’ ", "' "] {
        if let Some(i) = subject.rfind(mark) {
            let owner = strip_article(subject[..i].trim());
            let rest = &subject[i + mark.len()..];
            let capitalised = |t: &str| t.chars().next().is_some_and(char::is_uppercase);
            // (A surname alone too, after an organization: "RedMonk’s Stephens".)
            let words = rest.split_whitespace().count();
            if capitalised(owner)
                && (words >= 2 || (words == 1 && looks_like_organization(owner)))
                && rest.split_whitespace().all(capitalised)
            {
                let (mut role, name) = split_pre_name(rest);
                role.organization.get_or_insert_with(|| owner.to_owned());
                return (role, name);
            }
        }
    }
    let tokens: Vec<&str> = subject.split_whitespace().collect();
    // "Republican Christine Todd Whitman": the party before a name is no part of it.
    const PARTIES: &[&str] = &[
        "Republican",
        "Democrat",
        "Democratic",
        "GOP",
        "Independent",
        "Conservative",
        "Labour",
        "Tory",
    ];
    if tokens.len() >= 3
        && PARTIES.contains(&tokens[0])
        && tokens[1..]
            .iter()
            .all(|t| t.starts_with(char::is_uppercase))
    {
        return split_pre_name(&tokens[1..].join(" "));
    }
    let lower_word = |t: &str| t.chars().next().is_some_and(char::is_lowercase);
    // The name is the capitalised run at the end, after the last title or lower-case word
    // (a particle between two capitalised words is the name's: "Michery el Soheil").
    // (Also one that leads a surname: "van Sebille".)
    // (Two of them too: "Ursula von der Leyen".)
    let particle = |i: usize| {
        let next = (i + 1..tokens.len().min(i + 3)).find(|&j| !is_particle(tokens[j]));
        next.is_some_and(|j| !lower_word(tokens[j]))
            && (i == 0 || !lower_word(tokens[i - 1]) || is_particle(tokens[i - 1]))
            && is_particle(tokens[i])
    };
    // (A number is no part of a name: "On March 6 Mr Joseph".)
    // (Nor is a surname before a generational suffix a title: "Martin Luther King Jr.".)
    let suffix =
        usize::from(tokens.len() >= 2 && tokens.last().is_some_and(|t| is_generational(t)));
    let Some(last_role) = tokens[..tokens.len().saturating_sub(1 + suffix)]
        .iter()
        .enumerate()
        .rposition(|(i, t)| {
            (is_title_word(t) || lower_word(t) || t.contains(|c: char| c.is_ascii_digit()))
                && !particle(i)
        })
    else {
        return (Role::default(), strip_honorifics(subject));
    };
    // "Dan Richter of Demand Media", "Patrol Chief James Hall with the New York Police
    // Department": a name, then the organization it is of (not "Secretary of State John
    // Kerry", where no name comes before "of").
    if let Some(link) = tokens[..last_role + 1]
        .iter()
        .position(|t| ["of", "with", "at", "from"].contains(t))
        .filter(|&i| i >= 2)
    {
        let org = tokens[link + 1..].join(" ");
        // (Where the organization is, is no part of its name: "… of Otago in Dunedin".)
        let org = strip_article(org.split(" in ").next().unwrap_or_default()).to_owned();
        let (mut role, name) = split_pre_name(&tokens[..link].join(" "));
        // (An ordinal leads some: "the 82nd Airborne".)
        let ordinal = |w: &str| {
            let digits = w.trim_start_matches(|c: char| c.is_ascii_digit());
            digits.len() < w.len() && ["st", "nd", "rd", "th"].contains(&digits)
        };
        let org_name = org.split_whitespace().all(|w| {
            w.starts_with(char::is_uppercase)
                || ordinal(w)
                || ["of", "and", "for", "on", "the", "de", "&"].contains(&w)
        }) && org.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && org.split_whitespace().count() <= 8;
        if looks_like_name(&name) && !has_title_keyword(&name) && org_name {
            // (What stood before the title is the title's: "Patrol Chief".)
            if let Some(before) = role.organization.replace(org) {
                role.title = Some(match role.title {
                    Some(title) => format!("{before} {title}"),
                    None => before,
                });
            }
            return (role, name);
        }
    }
    // The title: the title words and lower-case words just before the name.
    // "Secretary of State John F. Kerry": after "of", what the title is of runs into the
    // capitalised words; the name is the last two of them (three with a middle initial).
    let mut last_role = last_role;
    let of_at = (tokens[last_role] == "of").then_some(last_role);
    if of_at.is_some() {
        let run = tokens.len() - last_role - 1;
        let initial = |t: &str| t.len() <= 3 && t.ends_with('.');
        let name_len = if run >= 3 && initial(tokens[tokens.len() - 2]) {
            3
        } else {
            2
        };
        if run > name_len {
            last_role = tokens.len() - name_len - 1;
        }
    }
    let mut first_title = of_at.unwrap_or(last_role);
    while first_title > 0
        && (is_title_word(tokens[first_title - 1])
            || lower_word(tokens[first_title - 1])
            || is_portfolio(tokens[first_title - 1])
            || of_at.is_some_and(|of| first_title + 2 > of))
    {
        first_title -= 1;
    }
    // "former Obama adviser", "retired Army Lt. Gen.": lower-case words before the
    // organization qualify the title ("former adviser" of Obama); an article goes.
    // (Also such words opening a sentence: "Former Defense Secretary Robert Gates".)
    let lead = tokens[..first_title]
        .iter()
        .take_while(|t| lower_word(t) || opening_qualifier(t).is_some())
        .count();
    let qualifiers = tokens[..lead]
        .iter()
        .map(|&t| opening_qualifier(t).unwrap_or(t))
        .filter(|t| !["the", "a", "an"].contains(t));
    let mut organization = (first_title > lead).then(|| tokens[lead..first_title].join(" "));
    // ("State Sen. Michael Doherty": "State" is the title's.)
    let state = organization.as_deref() == Some("State");
    if state {
        organization = None;
    }
    // ("his nephew Michery el Soheil": the title is "nephew".)
    // ("when economist William Nordhaus", "as the Satellite Industry Association", "what F.
    // Scott Fitzgerald": the words of the clause before the title are none of it.)
    const CLAUSE: &[&str] = &[
        "when", "while", "as", "what", "that", "who", "where", "with", "on", "at", "in", "by",
        "from", "to", "than", "like", "because", "if", "after", "before", "said", "says", "told",
        "but", "or", "so", "yet",
    ];
    let title: Vec<&str> = qualifiers
        .chain(state.then_some("State"))
        .chain(
            tokens[first_title..=last_role]
                .iter()
                .map(|&t| opening_qualifier(t).unwrap_or(t)),
        )
        .filter(|t| !HONORIFICS.contains(&t.to_lowercase().as_str()))
        .collect();
    let after_clause = title
        .iter()
        .rposition(|t| CLAUSE.contains(t) || t.contains(|c: char| c.is_ascii_digit()))
        .map_or(0, |i| i + 1);
    // (The organization before such words is theirs too: "On March 6 Mr Joseph".)
    let organization = organization.filter(|_| after_clause == 0);
    let title: Vec<&str> = title[after_clause..]
        .iter()
        .copied()
        .skip_while(|t| ["his", "her", "their", "its", "the", "a", "an", "and"].contains(t))
        .collect();
    let name = strip_honorifics(&tokens[last_role + 1..].join(" "));
    // ("Previously unseen papers show Mrs Thatcher": words that end in a verb are no title.)
    let title = title.join(" ");
    let no_role = title.split_whitespace().next_back().is_some_and(|w| {
        is_cue_word(w)
            || [
                "show",
                "shows",
                "showed",
                "reveal",
                "reveals",
                "revealed",
                "suggest",
                "indicate",
                "indicates",
                "find",
                "finds",
                "found",
            ]
            .contains(&w)
    }) && !has_title_keyword(&title);
    let mut title = (!title.is_empty() && !no_role).then_some(title);
    let organization = organization
        // ("Labour’s deputy leader Angela Rayner": the party's.)
        .map(|o| {
            let o = o
                .strip_suffix("’s")
                .or_else(|| o.strip_suffix("'s"))
                .unwrap_or(&o);
            o.trim_end_matches(['’', '\'']).to_owned()
        })
        .and_then(|o| {
            // "Then-DHS Director Michael Chertoff": then Director of DHS.
            if let Some(org) = o.strip_prefix("Then-").or_else(|| o.strip_prefix("then-")) {
                title = Some(before_title("then", title.take()));
                return Some(org.to_owned());
            }
            // "Israeli Prime Minister Benjamin Netanyahu": the country's; "Italian journalist
            // Stefania Maurizi": a journalist who is Italian.
            if country_of(&o).is_some() {
                let (organization, with_nationality) =
                    nationality_role(&o, title.as_deref().unwrap_or_default());
                title = Some(with_nationality);
                return organization;
            }
            // "Pakistan-based developer Ammar Askar": where someone works describes them.
            if o.ends_with("-based") {
                title = Some(before_title(&o, title.take()));
                return None;
            }
            Some(o)
        });
    (
        Role {
            title,
            organization,
            organization_description: None,
        },
        name,
    )
}

/// `word` put before a title ("then" Director), or the whole title when there is none.
fn before_title(word: &str, title: Option<String>) -> String {
    match title {
        Some(t) if !t.is_empty() => format!("{word} {t}"),
        _ => word.to_owned(),
    }
}

/// A nationality before a title: the country, when the title is one a state gives
/// ("Tunisian Prime Minister" → Tunisia, "Prime Minister"); otherwise no organization, and
/// the nationality stays with the title ("Italian journalist").
fn nationality_role(demonym: &str, title: &str) -> (Option<String>, String) {
    const OF_A_STATE: &[&str] = &[
        "president",
        "prime",
        "premier",
        "minister",
        "chancellor",
        "ambassador",
        "envoy",
        "diplomat",
        "king",
        "queen",
        "prince",
        "princess",
        "official",
        "officials",
        "general",
        "military",
        "army",
        "navy",
        "secretary",
        "foreign",
        "defense",
        "defence",
        "senator",
        "lawmaker",
        "parliamentarian",
    ];
    let of_a_state = title
        .split_whitespace()
        .any(|w| OF_A_STATE.contains(&w.to_lowercase().as_str()));
    match country_of(demonym) {
        Some(country) if of_a_state => (Some(country.to_owned()), title.to_owned()),
        _ => (None, before_title(demonym, Some(title.to_owned()))),
    }
}

/// The country a nationality names ("Israeli" → Israel), for a title held in it.
fn country_of(demonym: &str) -> Option<&'static str> {
    #[rustfmt::skip]
    const COUNTRIES: &[(&str, &str)] = &[
        ("Afghan", "Afghanistan"), ("American", "United States"), ("Argentine", "Argentina"),
        ("Australian", "Australia"), ("Austrian", "Austria"), ("Belgian", "Belgium"),
        ("Brazilian", "Brazil"), ("British", "United Kingdom"), ("Canadian", "Canada"),
        ("Chilean", "Chile"), ("Chinese", "China"), ("Colombian", "Colombia"), ("Cuban", "Cuba"),
        ("Czech", "Czech Republic"), ("Danish", "Denmark"), ("Dutch", "Netherlands"),
        ("Egyptian", "Egypt"), ("Ethiopian", "Ethiopia"), ("Filipino", "Philippines"),
        ("Finnish", "Finland"), ("French", "France"), ("German", "Germany"), ("Greek", "Greece"),
        ("Hungarian", "Hungary"), ("Indian", "India"), ("Indonesian", "Indonesia"),
        ("Iranian", "Iran"), ("Iraqi", "Iraq"), ("Irish", "Ireland"), ("Israeli", "Israel"),
        ("Italian", "Italy"), ("Japanese", "Japan"), ("Jordanian", "Jordan"),
        ("Kenyan", "Kenya"), ("Lebanese", "Lebanon"), ("Libyan", "Libya"),
        ("Mexican", "Mexico"), ("Nigerian", "Nigeria"), ("North Korean", "North Korea"),
        ("Norwegian", "Norway"), ("Pakistani", "Pakistan"), ("Palestinian", "Palestine"),
        ("Peruvian", "Peru"), ("Polish", "Poland"), ("Portuguese", "Portugal"),
        ("Qatari", "Qatar"), ("Russian", "Russia"), ("Saudi", "Saudi Arabia"),
        ("Scottish", "Scotland"), ("South African", "South Africa"),
        ("South Korean", "South Korea"), ("Spanish", "Spain"), ("Swedish", "Sweden"),
        ("Swiss", "Switzerland"), ("Syrian", "Syria"), ("Taiwanese", "Taiwan"),
        ("Thai", "Thailand"), ("Tunisian", "Tunisia"), ("Turkish", "Turkey"),
        ("Ukrainian", "Ukraine"), ("Venezuelan", "Venezuela"), ("Vietnamese", "Vietnam"),
        ("Welsh", "Wales"), ("Yemeni", "Yemen"),
    ];
    COUNTRIES
        .iter()
        .find(|(nationality, _)| *nationality == demonym)
        .map(|(_, country)| *country)
}

/// A title's qualifier capitalised because it opens a sentence ("Former Defense Secretary
/// Robert Gates"), in lower case.
fn opening_qualifier(word: &str) -> Option<&'static str> {
    [
        ("Former", "former"),
        ("Acting", "acting"),
        ("Then", "then"),
        ("Outgoing", "outgoing"),
    ]
    .into_iter()
    .find_map(|(opening, lower)| (opening == word).then_some(lower))
}

fn strip_honorifics(name: &str) -> String {
    let mut tokens: Vec<&str> = name
        .split_whitespace()
        .skip_while(|t| HONORIFICS.contains(&t.to_lowercase().as_str()))
        .collect();
    // The sentence's full stop is not part of the name, but an initial's or "Jr."'s is.
    if let Some(last) = tokens.last_mut() {
        let bare = last.trim_end_matches('.');
        if bare.chars().count() > 1 && !["Jr", "Sr"].contains(&bare) {
            *last = bare;
        }
    }
    tokens.join(" ")
}

/// "in a statement", "in its annual report", or "a letter" opening the text after the cue: the
/// start of a pattern for what something was said in, up to two words before its noun.
macro_rules! in_a {
    () => {
        r"(?:\b[Ii]n\s+(?:an?|its|his|her|their|the)|^\s*an?) (?:\w+ ){0,2}?"
    };
}

/// Reads the medium from the cue and what follows it ("told Reuters", "in an email", "issued a
/// statement saying").
fn medium_of(cue: &str, rest: &str) -> (Option<Medium>, Option<String>) {
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

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "prof", "st", "jr", "sr", "inc", "corp", "co",
    "ltd", "gen", "col", "lt", "sgt", "adm", "capt", "u.s", "u.k", "u.n", "e.g", "i.e", "vs", "no",
    "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft", "rev",
    "del", "sens", "reps", "govt", "ave", "blvd",
    // States as the AP abbreviates them ("Everett, Wash."), less those that are also words.
    "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ga", "ky", "md", "mich", "minn", "mont",
    "neb", "nev", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "okla", "pa", "r.i", "s.c", "s.d",
    "tenn", "tex", "vt", "va", "w.va", "wis", "wyo", "d.c",
];

fn ends_sentence(text: &str, dot: usize) -> bool {
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
const MAX_SENTENCE: usize = 2000;

/// The start of the sentence containing byte `pos`, or `floor` if it starts before.
fn sentence_start(text: &str, pos: usize, floor: usize) -> usize {
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
fn floor_boundary(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

/// The end of the sentence containing byte `pos` (exclusive, at the full stop or line end), or
/// `limit` (at a character boundary) if it ends after.
fn sentence_end(text: &str, pos: usize, limit: usize) -> usize {
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

/// How much of an earlier mention carries over to a later one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carry {
    /// The speaker and their title and organization as introduced earlier (reading an article:
    /// "he said" is the chief operating officer of Zensar introduced above).
    SpeakerAndRole,
    /// The speaker only (reading a draft: only what a sentence states is claimed there).
    SpeakerOnly,
}

/// Reads the attribution of every quotation in `text` (in order), resolving pronouns and
/// surnames against the people named before.
pub fn attribute(text: &str, quotations: &[Quotation], carry: Carry) -> Vec<Attribution> {
    let mut people: Vec<Person> = Vec::new();
    let mut out: Vec<Attribution> = Vec::with_capacity(quotations.len());
    let mut scanned_to = 0;
    // The subject of a sentence that a quotation interrupts.
    let mut continued: Option<String> = None;
    // Who was named last when the previous quotation's attribution was read.
    let mut last_named_before: Option<String> = None;
    let last_named = |people: &[Person]| {
        people
            .iter()
            .rev()
            .find(|p| p.referent)
            .map(|p| p.name.clone())
    };
    let stretch = |from: usize| match from {
        0 => Stretch::ArticleStart,
        _ => Stretch::Sentences,
    };
    for (n, q) in quotations.iter().enumerate() {
        // People named in the text before this quotation (outside quotations) are who later
        // pronouns and surnames refer to.
        let prev_end = n.checked_sub(1).map_or(0, |p| quotations[p].close_end);
        let before_start = sentence_start(text, q.open, prev_end).min(q.open);
        // A pronoun opening the quotation's sentence means someone named before that sentence
        // ("She says Trump’s tweets accusing Alicia Machado are “lies”": not Machado).
        if scanned_to < before_start {
            note_mentions(
                &text[scanned_to..before_start],
                stretch(scanned_to),
                continued.take(),
                &mut people,
            );
            scanned_to = before_start;
        }
        let mut before_sentence = people.clone();
        let interrupted = continued.take();
        if scanned_to < q.open {
            let subjects = note_mentions(
                &text[scanned_to..q.open],
                stretch(scanned_to),
                interrupted,
                &mut people,
            );
            // The sentence goes on after the quotation unless the quotation ends it.
            let ends_sentence = q.text.trim_end().ends_with(['.', '!', '?'])
                && !text[q.close_end..]
                    .trim_start_matches([' ', '\u{a0}'])
                    .starts_with(char::is_lowercase);
            continued = subjects.last.filter(|_| !ends_sentence);
        }
        scanned_to = q.close_end;
        let next_open = quotations.get(n + 1).map_or(text.len(), |next| next.open);
        let after_end = sentence_end(text, q.close_end, next_open);
        let after = &text[q.close_end..after_end];
        let before = &text[before_start..q.open];

        // “…classified material.” The candidate reiterated: “…” — a sentence after a quotation
        // that ends its own, ending on a colon, introduces the next quotation.
        let introduces_next =
            q.text.trim_end().ends_with(['.', '!', '?']) && after.trim_end().ends_with(':');
        // After a quotation that closes its sentence with a full stop, a new sentence's cue is
        // not the quotation's when it takes a clause of its own (“…campaign.” Ohio Gov. John
        // Kasich said he would have fired him) or when the quotation's own sentence introduced
        // it (The crowd chanted “Lock Her Up.” He went on.). (“…?” Trump told ITV: a question
        // or an exclamation takes its attribution after it.)
        let new_sentence_after = q.text.trim_end().ends_with('.')
            && after
                .trim_start_matches([' ', '\u{a0}'])
                .starts_with(char::is_uppercase);
        // The reading of the text before, when judging the cue after needed it.
        let mut read_here: Option<Option<Raw>> = None;
        let (found, opens_sentence) = match read_after(after)
            .filter(|raw| !(introduces_next || (new_sentence_after && takes_a_clause(raw))))
            .filter(|_| {
                !new_sentence_after || read_here.insert(read_before(before.trim_start())).is_none()
            })
            .or_else(|| signed_below(text, q.close_end, next_open))
        {
            Some(raw) => {
                // The speaker after the quotation is whom its sentence is about.
                continued = None;
                (Some(raw), false)
            }
            None => {
                // (Trimmed: after a quotation in the same paragraph the text before this one
                // starts with a space, and a label there opens it: “…” Bush: “…”.)
                let raw = read_here
                    .unwrap_or_else(|| read_before(before.trim_start()))
                    .or_else(|| read_before(colon_intro(text, prev_end, q.open)?))
                    .or_else(|| said_just_before(text, prev_end, before_start, q));
                let first_word = before.split_whitespace().next().unwrap_or("");
                let opens = raw.as_ref().is_some_and(|r| {
                    PRONOUNS.contains(&r.subject.trim().to_lowercase().as_str())
                        && first_word.eq_ignore_ascii_case(r.subject.trim())
                });
                (raw, opens)
            }
        };
        let mut attribution = match found {
            // “…,” it added: the newspaper, statement or report quoted last.
            Some(raw) if raw.subject.trim().eq_ignore_ascii_case("it") => {
                match body_before(&text[prev_end..before_start]) {
                    Some(body) => resolve_it_as(raw, body),
                    None => resolve_it(raw, &out),
                }
            }
            Some(raw) if opens_sentence => resolve(raw, &mut before_sentence, carry),
            Some(raw) => resolve(raw, &mut people, carry),
            None => Attribution::default(),
        };
        // “…,” the agency said, after a sentence about the Food Standards Agency; “…,” the
        // company added, after “…,” Meta said: the body the noun means.
        if attribution.speaker.is_none()
            && let Some(mention) = attribution.mention.clone()
            && let Some(body) = body_named_before(
                &text[floor_boundary(text, q.open.saturating_sub(BODY_REACH))..q.open],
                &mention,
            )
            .or_else(|| body_that_spoke_last(out.last(), &mention, &text[prev_end..q.open]))
        {
            attribution.note = Some(format!("“{mention}” resolved to {body}"));
            attribution.speaker = Some(body);
        }
        // “…,” says a doctor from Hebron. … “…,” he says: the pronoun is the unnamed doctor,
        // not someone named before the doctor spoke and not since.
        if let Some(prev) = out.last()
            && let Some(described) = unnamed_person(prev)
            && let Some(speaker) = attribution.speaker.as_deref()
            && attribution
                .mention
                .as_deref()
                .is_some_and(|m| matches!(m.to_lowercase().as_str(), "he" | "she"))
            && !text[prev_end..q.open].contains(surname(speaker))
            && last_named(&before_sentence) == last_named_before
        {
            attribution = Attribution {
                mention: Some(described.to_owned()),
                medium: attribution.medium,
                told_to: attribution.told_to,
                cue: attribution.cue,
                note: Some(format!(
                    "“{}” is {described}, whom the text does not name",
                    attribution.mention.as_deref().unwrap_or_default()
                )),
                ..Attribution::default()
            };
        }
        if attribution.speaker.is_none() && attribution.mention.is_none() {
            // “…,” she said. “More words.” — a quotation with no cue of its own, in the same
            // paragraph as the previous one, continues it.
            let same_paragraph = n > 0 && !text[prev_end..q.open].contains('\n');
            let attributed = |p: &&Attribution| {
                p.speaker.is_some() || p.mention.as_deref().is_some_and(is_unnamed)
            };
            if same_paragraph && let Some(prev) = out.last().filter(attributed) {
                attribution = Attribution {
                    note: Some("continues the previous quotation".into()),
                    cue: None,
                    ..prev.clone()
                };
            } else if n > 0
                && follows_quoted_paragraph(text, prev_end, q)
                && let Some(prev) = out.last().filter(attributed)
            {
                // A paragraph that is only a quotation, right after a paragraph that ended with
                // one, goes on with the same speaker: news style leaves it unattributed.
                attribution = Attribution {
                    note: Some("continues the quotations of the paragraph before".into()),
                    cue: None,
                    ..prev.clone()
                };
            } else {
                attribution.note = Some(NO_ATTRIBUTION.into());
            }
        }
        out.push(attribution);
        last_named_before = last_named(&people);
    }
    said_before_its_attribution(text, quotations, &mut out);
    out
}

/// The note of a quotation next to which no attribution was found.
const NO_ATTRIBUTION: &str = "no attribution found next to the quotation";

/// "Viguerie is upbeat about Cruz’s chances. ¶ “Not only can Ted Cruz win…” ¶ “He may be the
/// only one…,” Viguerie notes.": a paragraph that is only a quotation, between a paragraph
/// about someone and a paragraph whose quotation they are said to say, is theirs too.
fn said_before_its_attribution(text: &str, quotations: &[Quotation], out: &mut [Attribution]) {
    for n in 0..quotations.len().saturating_sub(1) {
        if out[n].speaker.is_some() || out[n].note.as_deref() != Some(NO_ATTRIBUTION) {
            continue;
        }
        let (q, next) = (&quotations[n], &quotations[n + 1]);
        let Some(speaker) = out[n + 1].speaker.clone() else {
            continue;
        };
        let said_next = out[n + 1].cue.is_some();
        // Own paragraph, and the next quotation opens the paragraph after it.
        let between = &text[q.close_end..next.open];
        let head = text[..q.open].trim_end_matches([' ', '\t', '\u{a0}']);
        let own = head.ends_with('\n') && between.contains('\n') && between.trim().is_empty();
        if !(said_next && own) {
            continue;
        }
        // The paragraph before names them (looked for in its last 2,000 bytes at most).
        let head = head.trim_end();
        let floor = floor_boundary(head, head.len().saturating_sub(2000));
        let prev_start = head[floor..].rfind('\n').map_or(floor, |i| floor + i + 1);
        let paragraph = &head[prev_start..];
        let last = surname(&speaker);
        let names_them = paragraph
            .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’')
            .any(|w| without_possessive(w) == last);
        if names_them && !paragraph.contains(['“', '"']) {
            out[n] = Attribution {
                note: Some(format!(
                    "said by {speaker}, whom the paragraph before names and the next quotation is attributed to"
                )),
                cue: None,
                ..out[n + 1].clone()
            };
        }
    }
}

/// A previous quotation's source that is a person the text describes but does not name ("a
/// doctor", "one senior official"): the description. Only an indefinite description
/// introduces someone new; "the senator", "the former president" mostly mean someone named
/// before.
fn unnamed_person(a: &Attribution) -> Option<&str> {
    let full = a.mention.as_deref().filter(|_| a.speaker.is_none())?;
    // ("a doctor from Hebron": the person is the doctor.)
    let described = match of_organization(full) {
        Some(_) => before_link(full).0,
        None => full,
    };
    let first = described.split_whitespace().next()?.to_lowercase();
    if !["a", "an", "one", "another"].contains(&first.as_str()) {
        return None;
    }
    let person = described
        .split_whitespace()
        .next_back()
        .is_some_and(is_person_noun);
    (is_unnamed(described) && person).then_some(full)
}

/// A noun that names a person: a title, a relative or an occupation ("spokeswoman",
/// "friend", "epidemiologist"), not "footage".
fn is_person_noun(word: &str) -> bool {
    let word = word.to_lowercase();
    is_title_word(&word)
        || PEOPLE_WORDS.contains(&word.as_str())
        || TITLE_KEYWORDS.contains(&word.as_str())
        || names_an_occupation(&word)
}

/// The last word of a name ("Alilughatta"), before a generational suffix ("King" in "Martin
/// Luther King Jr.").
fn surname(name: &str) -> &str {
    name.split_whitespace()
        .rev()
        .find(|w| !is_generational(w))
        .unwrap_or(name)
}

/// "The Food Standards Agency warned people to stay away. ¶ “…,” it said in a statement.": the
/// body that is the subject of the last sentence before the quotation (in `before`, the text
/// since the previous one), as the text names it.
fn body_before(before: &str) -> Option<&str> {
    static BODY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^\s*|[.!?]\s+)(?P<body>(?:The\s+)?\p{Lu}[\p{L}&\-]*(?:\s+(?:of|for|and|on|\p{Lu}[\p{L}&\-]*)){0,6})\s+(?:has\s+|had\s+|have\s+)?\p{Ll}+(?:ed|s)\b[^.!?]*[.!?]\s*$",
        )
        .expect("valid regex")
    });
    let body = BODY_SUBJECT
        .captures(before.trim_end())?
        .name("body")?
        .as_str();
    let name = body.strip_prefix("The ").unwrap_or(body);
    let last = name.split_whitespace().next_back()?.to_lowercase();
    (looks_like_organization(name) && NOT_PERSON.contains(&last.as_str())).then_some(body)
}

/// “…,” it said, after a sentence about `body`: the body, as the text names it.
fn resolve_it_as(raw: Raw, body: &str) -> Attribution {
    let (medium, told_to) = medium_of(&raw.cue, &raw.rest);
    let name = body.strip_prefix("The ");
    let mention = name.map_or_else(|| body.to_owned(), |name| format!("the {name}"));
    Attribution {
        speaker: Some(name.unwrap_or(body).to_owned()),
        note: Some(format!("“{}” resolved to {mention}", raw.subject.trim())),
        mention: Some(mention),
        medium,
        told_to,
        cue: Some(raw.cue.to_lowercase()),
        ..Default::default()
    }
}

/// “…,” it added: "it" is the newspaper, statement or report quoted last (`earlier`, the
/// attributions so far), never a person the text describes ("a senior aide").
fn resolve_it(raw: Raw, earlier: &[Attribution]) -> Attribution {
    let (medium, told_to) = medium_of(&raw.cue, &raw.rest);
    let person = |m: &str| {
        let head = m
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_lowercase();
        is_title_word(&head)
            || PEOPLE_WORDS.contains(&head.as_str())
            || PRONOUNS.contains(&head.as_str())
    };
    // A body quoted as such ("the Times wrote": the speaker "Times"), or a source that was
    // not a person and had no name.
    let source = earlier.iter().rev().find_map(|a| {
        let m = a.mention.as_deref()?;
        let body = the_organization(m).filter(|b| a.speaker.as_deref() == Some(*b));
        let unnamed = a.speaker.is_none() && !m.eq_ignore_ascii_case("it") && !person(m);
        (body.is_some() || unnamed).then_some((m, body))
    });
    let it = raw.subject.trim();
    Attribution {
        speaker: source.and_then(|(_, body)| body).map(str::to_owned),
        mention: source.map(|(m, _)| m.to_owned()),
        medium,
        told_to,
        cue: Some(raw.cue.to_lowercase()),
        note: Some(match source {
            Some((s, _)) => format!("“{it}” resolved to {s}"),
            None => format!("“{it}” does not refer to a source named before"),
        }),
        ..Default::default()
    }
}

/// "Dr. Ward stated:" closing the paragraph before a quotation that opens its own: that last
/// sentence (after `prev_end`, the end of the previous quotation), which introduces it.
fn colon_intro(text: &str, prev_end: usize, open: usize) -> Option<&str> {
    let before = &text[prev_end..open];
    let par = before.rfind('\n')?;
    if !before[par..].trim().is_empty() {
        return None;
    }
    let intro = before[..par].trim_end();
    if !intro.ends_with(':') {
        return None;
    }
    let start = sentence_start(text, prev_end + intro.len() - 1, prev_end);
    Some(&text[start..prev_end + intro.len()])
}

/// The speaker of the sentence right before a quotation that opens a sentence (`before_start`
/// to `open` is blank), in the same paragraph and after the previous quotation (`prev_end`).
fn said_just_before(
    text: &str,
    prev_end: usize,
    before_start: usize,
    q: &Quotation,
) -> Option<Raw> {
    let open = q.open;
    // (‘Stickerboy’ placed two stickers over his face: a name the sentence goes on about.)
    let goes_on = text[q.close_end..]
        .trim_start_matches([' ', '\u{a0}'])
        .starts_with(char::is_lowercase);
    if !text[before_start..open].trim().is_empty() || goes_on {
        return None;
    }
    let end = prev_end + text[prev_end..before_start].trim_end().len();
    if end <= prev_end || text[end..open].contains('\n') {
        return None;
    }
    let start = sentence_start(text, end - 1, prev_end);
    if start == prev_end && prev_end > 0 {
        // The sentence runs on from the previous quotation: it is that one's attribution.
        return None;
    }
    PRIOR_SAYS
        .captures(&text[start..end])
        .map(|c| Raw::from_captures(&c))
        .filter(|raw| may_speak(&raw.subject))
}

/// Whether a subject a pattern read may be someone speaking: a pronoun, or words that name
/// someone (not "Thursday", "Any", "That").
fn may_speak(subject: &str) -> bool {
    PRONOUNS.contains(&subject.trim().to_lowercase().as_str())
        || !names_no_one(strip_sentence_words(subject.trim()))
}

/// Whether quotation `q` is a paragraph of its own that directly follows a paragraph ending with
/// the previous quotation (at `prev_end`) and, at most, its short attribution ("…,” Barkley
/// said.).
fn follows_quoted_paragraph(text: &str, prev_end: usize, q: &Quotation) -> bool {
    let between = &text[prev_end..q.open];
    let Some(par) = between.find('\n') else {
        return false;
    };
    let (tail, gap) = between.split_at(par);
    // (Or one that ends its sentence and opens its paragraph, narration following it: “…”
    // This “mathematical trick” was the model.)
    let own_paragraph = text[q.close_end..]
        .split('\n')
        .next()
        .is_some_and(|rest| rest.trim().chars().all(|c| c.is_ascii_punctuation()))
        || q.text.trim_end().ends_with(['.', '!', '?']);
    // (A photo's caption may stand between the two: a line or two that is no sentence, "Hori
    // Parata at his Pātaua farm, the place where he was born".)
    let caption = |line: &str| {
        let line = line.trim();
        line.chars().count() <= 200
            && !line.contains(['“', '”', '"'])
            && !line.ends_with(['.', '!', '?', ':', ';', ',', '…'])
    };
    let (captions, opening) = gap.rsplit_once('\n').unwrap_or(("", gap));
    let lines: Vec<&str> = captions.lines().filter(|l| !l.trim().is_empty()).collect();
    let gap_is_captions =
        opening.trim().is_empty() && lines.len() <= 2 && lines.iter().all(|l| caption(l));
    // (The attribution may describe its speaker at some length: “…,” says Parata, a fierce and
    // uncompromising elder of the Ngātiwai tribe of eastern Northland.)
    let short = tail.len() <= 80
        || (tail.len() <= 200
            && tail
                .trim_start_matches([' ', '\u{a0}'])
                .split_whitespace()
                .next()
                .is_some_and(is_cue_word));
    gap_is_captions && short && !tail.contains(['“', '"']) && own_paragraph
}

/// Words that mark a capitalised run as an organization or a place rather than a person.
const NOT_PERSON: &[&str] = &[
    "city",
    "council",
    "committee",
    "house",
    "senate",
    "congress",
    "university",
    "college",
    "school",
    "inc",
    "corp",
    "group",
    "partners",
    "capital",
    "bank",
    "street",
    "avenue",
    "valley",
    "county",
    "state",
    "states",
    "united",
    "department",
    "ministry",
    "office",
    "party",
    "times",
    "post",
    "news",
    "journal",
    "press",
    "association",
    "institute",
    "foundation",
    "fund",
    "agency",
    "court",
    "board",
    "company",
    "technologies",
    "systems",
    "labs",
    "new",
    "san",
    "los",
    "las",
    "saint",
    "north",
    "south",
    "east",
    "west",
    "the",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "white",
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "democratic",
    "national",
    "federal",
    "international",
    "global",
    "american",
    "chinese",
    "european",
    "union",
    "reuters",
    "ai",
    // Places, things and companies a pronoun never means ("the Pacific Ocean … he said").
    "ocean",
    "sea",
    "river",
    "lake",
    "bay",
    "island",
    "mountain",
    "park",
    "square",
    "plaza",
    "road",
    "bridge",
    "airport",
    "station",
    "hospital",
    "center",
    "centre",
    "church",
    "cathedral",
    "museum",
    "stadium",
    "arena",
    "hotel",
    "club",
    "show",
    "morning",
    "tonight",
    "network",
    "media",
    "radio",
    "magazine",
    "herald",
    "tribune",
    "gazette",
    "daily",
    "energy",
    "coal",
    "oil",
    "gas",
    "motors",
    "airlines",
    "holdings",
    "studies",
    "sciences",
    "affairs",
    // (Prepositions opening a sentence: "Into Joe’s shop": not a name, nor its subject.)
    "into",
    "onto",
    "upon",
    "through",
    "against",
    "among",
    "between",
    "behind",
    "beyond",
    "within",
    // (Words that end companies' names: "Marc Fisher Footwear produces her shoe line.")
    "footwear",
    "apparel",
    "brands",
    "foods",
    "products",
    "industries",
    "enterprises",
    "entertainment",
    "pictures",
    "studios",
    "records",
    "services",
    "solutions",
    "software",
    "pharmaceuticals",
    "communications",
    "insurance",
    "investments",
    "ventures",
    "stores",
    "commission",
    "administration",
    "bureau",
    "army",
    "navy",
    "police",
    "republic",
    "kingdom",
    "americans",
    "europeans",
    "africans",
    "asians",
    "latinos",
    "hispanics",
    "muslims",
    "christians",
    "jews",
    "open",
    "cup",
    "games",
    "olympics",
    "series",
    "bowl",
    "championship",
    "tournament",
    "league",
    "prize",
    "awards",
    "america",
    "africa",
    "asia",
    "europe",
    "act",
    "amendment",
    "treaty",
    "accord",
    "like",
    "unlike",
    "universe",
    "debate",
    "debates",
    "convention",
    "summit",
    "ukraine",
    "russia",
    "china",
    "iran",
    "iraq",
    "syria",
    "mexico",
    "canada",
    "india",
    "japan",
    "korea",
    "germany",
    "france",
    "britain",
    "england",
    "afghanistan",
    "pakistan",
    "turkey",
    "egypt",
    // Capitals standing for their governments ("Beijing said").
    "beijing",
    "moscow",
    "tehran",
    "pyongyang",
    "kiev",
    "kyiv",
    "damascus",
    "ankara",
    "brussels",
];

/// The person the one word `word` means, of those it names (`goes_by`): the one it has meant
/// before, else the one met last (or someone known by that word alone).
fn one_name_means(
    people: &[Person],
    word: &str,
    goes_by: impl Fn(&Person) -> bool,
) -> Option<usize> {
    people
        .iter()
        .rposition(|p| p.by_one_name && p.name != word && goes_by(p))
        .or_else(|| people.iter().rposition(|p| p.name == word || goes_by(p)))
}

/// Whether a person named `name` goes by the one word `surname`: the last word of the name, or
/// the first of a name in East Asian order ("Ban" is Ban Ki-moon).
fn known_by(name: &str, surname: &str) -> bool {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !is_generational(w))
        .collect();
    let east_asian = words.len() == 2
        && words[1]
            .split_once('-')
            .is_some_and(|(_, second)| second.starts_with(char::is_lowercase));
    let particled = surname.contains(' ')
        && name
            .strip_suffix(surname)
            .is_some_and(|given| given.ends_with(' '));
    words.last() == Some(&surname) || (east_asian && words[0] == surname) || particled
}

/// The end of a clause that a speaker's name follows: "…, said", "according to", "said the
/// children's librarian,".
static AFTER_CUE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:said|says|added|adds|wrote|writes|asked|explained|noted|according to)(?:\s+[^,.;“”\x22]{1,60},)?\s*$",
    )
    .expect("valid regex")
});

/// A verb of saying or thinking that only a person is the subject of, right after a word.
static SAYS_OR_THINKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s+(?:said|says|told|tells|added|adds|wrote|writes|believes|thinks|argued|argues|explained|noted|recalled|insisted|agreed|replied|responded|stated)\b",
    )
    .expect("valid regex")
});

/// A verb of saying right before its subject, after a quotation or a clause: "…, said Kunin."
static SAID_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[,”\x22]\s*(?:said|says|added|adds|wrote|writes|explained|noted)\s+$")
        .expect("valid regex")
});

/// Whether one capitalised word could be a person's surname or given name: not a pronoun, a
/// place, a group or a word that opens sentences, nor an acronym or a brand with capitals
/// inside ("NATO", "PolitiFact"; "McLenney" and "DeSantis" are names).
fn could_be_surname(w: &str) -> bool {
    let lower = w.to_lowercase();
    let inner_capitals = ["Mc", "Mac", "De", "Di", "Le", "La", "Van", "O’", "O'"]
        .iter()
        .find_map(|prefix| w.strip_prefix(prefix))
        .unwrap_or(w)
        .chars()
        .skip(1)
        .any(char::is_uppercase);
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().all(|c| c.is_alphabetic() || "-’'".contains(c))
        && !inner_capitals
        && !names_no_one(w)
        && !is_title_word(w)
        && !PRONOUNS.contains(&lower.as_str())
        && !["it", "you", "this", "that", "there", "here"].contains(&lower.as_str())
}

/// Where a stretch of text given to `note_mentions` stands in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stretch {
    /// It begins the article: its first line is the title.
    ArticleStart,
    /// It begins at a sentence or a quotation's end.
    Sentences,
    /// It begins inside a sentence (what follows a name and its comma).
    MidSentence,
    /// A relative clause read with the rest of its sentence: inside a sentence, and no
    /// relative clause in it is read again (text of clause after clause would otherwise be
    /// read over and over).
    Clause,
}

/// Words after a name's "’s" that make it "is" or "has", not a possessive: "Christie's been",
/// "Trump's not", "Clinton's a".
const CONTRACTION_FOLLOWS: &[&str] = &[
    "been", "got", "gotten", "going", "gone", "not", "never", "also", "always", "still", "just",
    "now", "already", "done", "made", "said", "told", "a", "an", "the", "no", "only", "really",
    "very", "had", "about", "back", "right",
];

/// Words that open a subordinate clause before a sentence's main clause.
const SUBORDINATORS: &[&str] = &[
    "while",
    "although",
    "though",
    "because",
    "if",
    "unless",
    "whereas",
    "since",
    "after",
    "before",
    "when",
    "as",
    "once",
    "until",
    // Prepositions opening a phrase before the subject ("Soon after the murder of Father
    // Jacques Hamel in Normandy, Trump asserted…", "In an interview with Sean Hannity, …").
    "soon",
    "shortly",
    "following",
    "despite",
    "amid",
    "during",
    "unlike",
    "like",
    "in",
    "on",
    "at",
    "with",
    "without",
];

/// The people sentences of a stretch are about, as `note_mentions` found them.
#[derive(Debug, Default)]
struct Subjects {
    /// The subject of the stretch's first sentence.
    first: Option<String>,
    /// The subject of its last sentence.
    last: Option<String>,
    /// Everyone it names, in order (a name may repeat).
    named: Vec<String>,
}

/// Notes that `name` is named: once among those its sentence names, and in the stretch's list.
fn note_named(in_sentence: &mut Vec<String>, in_stretch: &mut Vec<String>, name: String) {
    if !in_sentence.contains(&name) {
        in_sentence.push(name.clone());
    }
    in_stretch.push(name);
}

/// Records the people a stretch of text names: full names (with a role when an appositive
/// follows), and surnames of people already met, which make them the most recent.
/// `stretch`: where the text stands in the article; `continued`: the subject of the sentence
/// the stretch goes on with, across a quotation (“Trump says he is making “a demand” of Obama.”
/// is about Trump, whom the next "he" means).
fn note_mentions(
    text: &str,
    stretch: Stretch,
    continued: Option<String>,
    people: &mut Vec<Person>,
) -> Subjects {
    static MENTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?P<name>{NAME})(?:\s*,\s*(?P<appos>(?:(?:\p{{Lu}}\.){{2,}}|[^,“”«»\x22.]){{2,160}}?)\s*,)?"
        ))
        .expect("valid regex")
    });
    // The first person a sentence names is usually its subject, whom a following "he" or "she"
    // means ("McAuliffe remarked that he had consulted Mark Herring. … he said" is McAuliffe):
    // at the end of each sentence its subject moves back to the end of the list.
    let mut sentence: Option<usize> = continued.as_ref().map(|_| 0);
    let mut subject: Option<String> = continued;
    // A named subject followed by a verb ("Florida delegate John Archer, wearing…, said he…")
    // is a person, whom a "he" or "she" can mean; a pronoun later in its sentence says which.
    let promote = |people: &mut Vec<Person>, subject: &mut Option<String>, at: Option<usize>| {
        if let Some(name) = subject.take()
            && let Some(i) = people.iter().rposition(|p| p.name == name)
        {
            let mut p = people.remove(i);
            p.referent = true;
            if p.female.is_none()
                && let Some(start) = at
            {
                p.female =
                    pronoun_gender(&text[start..sentence_end(text, start, start + MAX_SENTENCE)]);
            }
            people.push(p);
        }
    };
    // A pronoun tells the subject's gender only when no one else is named beside it ("Warren
    // told Stumpf, after he admitted…" says nothing of Warren).
    let mut named_here: Vec<String> = Vec::new();
    let mut all_named: Vec<String> = Vec::new();
    let mut first_subject: Option<String> = None;
    let mut first_sentence: Option<usize> = None;
    // The person a possessive surname names ("Evul-art’h’s black hair and pale pink eyes
    // appeared."): the sentence's subject if no one else is ("Bloomberg's pollster, Douglas
    // Schoen, says" is about Schoen).
    let mut owner: Option<String> = None;
    // Where the previous mention was and the start of its sentence, and the previous mention's
    // line and whether it is a headline: each scan goes back no further than the last one.
    let mut last_mention: Option<(usize, usize)> = None;
    let mut line: Option<(usize, usize, bool)> = None;
    // How far relative clauses have been read: each stretch is read as one clause at most once.
    let mut clause_read_to = 0;
    for c in MENTION.captures_iter(text) {
        let mention_start = c.get(0).map_or(0, |m| m.start());
        let at = match last_mention {
            Some((pos, at)) if pos <= mention_start => {
                match sentence_start(text, mention_start, pos) {
                    found if found == pos => at,
                    found => found,
                }
            }
            _ => sentence_start(text, mention_start, 0),
        };
        last_mention = Some((mention_start, at));
        first_sentence.get_or_insert(at);
        // (A stretch that begins inside a sentence has no sentence start of its own at 0.)
        let starts_sentence = !matches!(stretch, Stretch::MidSentence | Stretch::Clause) || at > 0;
        if sentence != Some(at) {
            if subject.is_none() {
                subject = owner.take();
            }
            owner = None;
            promote(
                people,
                &mut subject,
                sentence.filter(|_| named_here.len() <= 1),
            );
            sentence = Some(at);
            named_here.clear();
            // "He said Mateen “has not done this”": the sentence is about whom its "he" means,
            // not about the name after it.
            // (Also after a short opening phrase: "On Wednesday, he told a crowd…".)
            // (An opening phrase is three words at most: the first 200 bytes hold it.)
            let sentence_text = &text[at..floor_boundary(text, at + 200)];
            let first_word = sentence_text
                .split_once(", ")
                .filter(|(lead, _)| {
                    lead.split_whitespace().count() <= 3
                        && lead.chars().next().is_some_and(char::is_uppercase)
                })
                .map_or(sentence_text, |(_, rest)| rest)
                .split_whitespace()
                .next()
                .unwrap_or("");
            let female = match first_word {
                "He" | "he" => Some(false),
                "She" | "she" => Some(true),
                _ => None,
            };
            if let Some(female) = female
                && starts_sentence
                && let Some(p) = people
                    .iter()
                    .rev()
                    .find(|p| p.referent && p.female != Some(!female))
            {
                subject = Some(p.name.clone());
            }
        }
        // Headlines capitalise every word ("Hillary Clinton Speaks Directly To…"): no names there.
        let headline = match line {
            Some((start, end, headline)) if start <= mention_start && mention_start <= end => {
                headline
            }
            _ => {
                let start = text[..mention_start].rfind('\n').map_or(0, |i| i + 1);
                let end = text[mention_start..]
                    .find('\n')
                    .map_or(text.len(), |i| mention_start + i);
                let headline = is_headline(
                    &text[start..end],
                    stretch == Stretch::ArticleStart && start == 0,
                );
                line = Some((start, end, headline));
                headline
            }
        };
        // A name right after an opening mark in narration is a quoted title or slogan (an
        // event billed as “Hard Hats for Hillary”), not someone a pronoun can mean.
        if headline || text[..mention_start].ends_with(['“', '"', '‘', '«', '„']) {
            continue;
        }
        let (role, name) = split_pre_name(strip_sentence_words(strip_paren(&c["name"])));
        // "Donald Trump's failed casino ventures" names Donald Trump (whom a later "Trump"
        // means), though not as the sentence's subject.
        let after_mention = &text[c.get(0).map_or(0, |m| m.end())..];
        // (A surname's too: "Bloomberg's pollster"; not a contraction's "’s": "Christie's been
        // making the case".)
        let possessive = name
            .split_whitespace()
            .next_back()
            .is_some_and(|last| without_possessive(last) != last)
            && !after_mention
                .split_whitespace()
                .next()
                .is_some_and(|w| CONTRACTION_FOLLOWS.contains(&w));
        let name = match possessive {
            true => without_possessive(&name).to_owned(),
            false => name,
        };
        // The person this mention names, if any.
        let mut named: Option<String> = None;
        let tokens: Vec<&str> = name.split_whitespace().collect();
        let one_word = tokens.len() == 1;
        let person_like = |t: &&str| {
            // (A possessive's "’s" is no part of the word; a plural's "s" is.)
            let bare = without_possessive(t).trim_end_matches(['’', '\'', '.']);
            // (A surname that is also a title ends a name: "Billie Jean King", "Rob Bishop".)
            let surname_title = tokens.len() >= 2
                && surname(&name) == *t
                && SURNAME_TITLES.contains(&bare.to_lowercase().as_str());
            t.chars().any(char::is_lowercase)
                && !NOT_PERSON.contains(&bare.to_lowercase().as_str())
                && (!is_title_word(t) || surname_title)
        };
        // A middle initial ("Justin T. Bamberg") is part of a name, not a reason to doubt it.
        let initial = |t: &&str| {
            t.len() <= 6
                && t.ends_with('.')
                && t.split('.')
                    .filter(|p| !p.is_empty())
                    .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
        };
        // "boarding the Trump Train", "the Hillary Victory Fund": a name after "the" is a
        // thing's (a title or an honorific in front of a person's comes with the mention).
        // (The word "the", not the end of "loathe".)
        let after_the = text[..mention_start]
            .strip_suffix("the ")
            .is_some_and(|lead| !lead.ends_with(char::is_alphanumeric))
            && c["name"] == *name;
        if tokens.len() >= 2
            && tokens.len() <= 4
            && tokens.iter().all(|t| {
                person_like(t) || initial(t) || (is_generational(t) && tokens.last() == Some(t))
            })
            && tokens.iter().filter(|t| person_like(t)).count() >= 2
            && !has_possessive_mark(&name)
            && !after_the
        {
            let appositive = c.name("appos").and_then(|m| parse_role(m.as_str()));
            let mut role = merge_roles(appositive, role);
            if role.title.is_none() {
                role.title = title_before(&text[..mention_start]);
            }
            let described = role.title.is_some() || role.organization.is_some();
            // "with Hillary Clinton — who’s called for tax hikes — lambasting…": "who" follows
            // a person.
            let who = after_mention
                .trim_start_matches([',', ' ', '—', '–'])
                .split(|ch: char| !ch.is_alphabetic())
                .next()
                .is_some_and(|w| w == "who" || w == "whose");
            // "Christyn Gionfriddo, a Neptune, N.J., native": a description follows a person.
            let after_name = &text[c.name("name").map_or(0, |m| m.end())..];
            // (Also a title that ends the sentence: "concerns Henry Crespo, president of the
            // Miami-based Florida Democratic Black Caucus.")
            // (Also whose relative or aide: "Patti Davis, Ronald Reagan’s daughter, …".)
            let described_as = [", a ", ", an ", ", the "]
                .iter()
                .any(|d| after_name.starts_with(d))
                || after_name
                    .strip_prefix(", ")
                    .and_then(|rest| rest.split(',').next())
                    .and_then(|appos| split_possessive(appos))
                    .is_some_and(|(_, role)| {
                        role.split_whitespace().count() <= 3
                            && role.starts_with(|c: char| c.is_lowercase())
                    })
                || after_name.strip_prefix(", ").is_some_and(|rest| {
                    rest.split_whitespace()
                        .next()
                        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
                        && parse_role(rest.split([',', ';', '\n']).next().unwrap_or(""))
                            .is_some_and(|r| r.title.is_some())
                });
            // "…, said the children's librarian, Anne Gregory.": who speaks is a person.
            // (The cue and what may stand between it and the name fit in 300 bytes.)
            let mut from = mention_start.saturating_sub(300).max(at);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            // ("Bloomberg's pollster, Douglas Schoen, says": someone's role names a person too.)
            let before_name = &text[from..mention_start];
            meet(
                people,
                &name,
                described
                    || who
                    || described_as
                    || AFTER_CUE_WORD.is_match(before_name)
                    || WHOSE_ROLE_BEFORE.is_match(before_name),
                None,
                role,
            );
            named = Some(name);
        } else if tokens.len() == 1 {
            let surname = without_possessive(tokens[0].trim_end_matches(['’', '\'']));
            if let Some(i) = one_name_means(people, surname, |p| known_by(&p.name, surname)) {
                let mut p = people.remove(i);
                p.by_one_name |= p.name != surname;
                named = Some(p.name.clone());
                people.push(p);
            } else if let Some(female) = honoured(&c["name"])
                && person_like(&surname)
                && surname.chars().count() > 1
                && surname.chars().next().is_some_and(char::is_uppercase)
            {
                // "Mr. Obama", "Mrs. Clinton", "President Obama" with no full name before: a
                // person known by a surname. A "he" or "she" can mean them when the honorific
                // says which, or (below) when they are a sentence's subject.
                meet(people, surname, female.is_some(), female, role.clone());
                named = Some(surname.to_owned());
            } else if let reflexive =
                c.name("appos")
                    .and_then(|a| match a.as_str().split_whitespace().next() {
                        Some("herself") => Some(true),
                        Some("himself") => Some(false),
                        _ => None,
                    })
                && surname == tokens[0]
                && could_be_surname(surname)
                && ((starts_sentence
                    && text[at..c.get(0).map_or(0, |m| m.start())]
                        .trim()
                        .is_empty()
                    && SAYS_OR_THINKS.is_match(after_mention))
                    || after_mention.starts_with(", who ")
                    || c.name("appos")
                        .is_some_and(|a| a.as_str().starts_with("who "))
                    || reflexive.is_some()
                    || WHOSE_ROLE_BEFORE.is_match(
                        &text[floor_boundary(text, mention_start.saturating_sub(80)).max(at)
                            ..mention_start],
                    ))
            {
                // A word no one was named by is someone's surname (often one the article spelt
                // differently where it gave the full name) or given name when it opens a
                // sentence as the subject of a verb of saying ("McLenney said Clinton
                // doesn’t…"), when "who" follows it ("Meanwhile Rihanna, who was honored…"),
                // when its appositive says "herself" or "himself" ("Silverman, herself a
                // Sanders supporter,"), or when it names someone's relative or aide ("his
                // wife, Jane,").
                meet(people, surname, true, reflexive, role.clone());
                named = Some(surname.to_owned());
            }
        }
        // "While Obama had singers writing songs for him, that has not happened for Clinton,
        // which concerns Henry Crespo": a clause opening the sentence is not about its subject.
        let opening_clause = {
            let start = c.get(0).map_or(0, |m| m.start());
            let lead = &text[at..start];
            // (The mention may hold the sentence's first word: "While Obama".)
            let first = lead
                .split_whitespace()
                .chain(c["name"].split_whitespace())
                .next()
                .unwrap_or("")
                .trim_start_matches(['“', '"', '‘', '\''])
                .to_lowercase();
            SUBORDINATORS.contains(&first.as_str())
                && lead.len() < MAX_SENTENCE
                && !lead.contains(',')
                && starts_sentence
        };
        // "On Sunday, Jimmy Tompkins, 31, tossed…": what follows a phrase that names no one, or
        // the comma closing an opening clause ("While he supports Clinton, Groberg admits…"),
        // is no appositive of it but may name someone itself.
        let relative_clause = c.name("appos").is_some_and(|a| {
            ["who ", "whose ", "which "]
                .iter()
                .any(|r| a.as_str().starts_with(r))
        });
        if named.is_some()
            && relative_clause
            && stretch != Stretch::Clause
            && let Some(appos) = c.name("appos")
            && appos.start() >= clause_read_to
        {
            // "Christie, who has campaigned for GOP nominee Donald Trump since…, blasted": the
            // people a relative clause names are met, though the sentence is not about them.
            // (The clause is read with the rest of its sentence, which may describe them:
            // "…, which concerns Henry Crespo, president of the Florida Black Caucus.")
            let end = sentence_end(text, appos.end(), appos.end() + MAX_SENTENCE);
            clause_read_to = end;
            note_mentions(&text[appos.start()..end], Stretch::Clause, None, people);
        } else if (named.is_none() || opening_clause)
            && let Some(appos) = c.name("appos")
        {
            // "On Tuesday, Clinton criticized officer Betty Shelby": Clinton is the subject.
            let inside = note_mentions(appos.as_str(), Stretch::MidSentence, None, people);
            // (Those it names are named in this sentence: "Davis lashed out at the nominee on
            // Facebook, telling Trump that whatever he meant…" says nothing of Davis's sex.)
            for name in inside.named {
                note_named(&mut named_here, &mut all_named, name);
            }
            if subject.is_none() {
                subject = inside.first;
            }
        }
        if let Some(name) = &named {
            note_named(&mut named_here, &mut all_named, name.clone());
        }
        let followed_by_verb = after_mention
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        // "Trump’s accusation that Obama and Clinton created the Islamic State had imperiled
        // the lives of US troops, Biden said.": whoever says the sentence is its subject, not
        // whom the clause they report names.
        // (Also "“This will be a challenge” for Clinton, said Kunin.")
        if let Some(name) = &named
            && ((text[at..mention_start].trim_end().ends_with(',')
                && SAYS_OR_THINKS.is_match(after_mention))
                || (SAID_BEFORE.is_match(&text[at..mention_start])
                    && !possessive
                    && (after_mention.is_empty() || after_mention.starts_with(['.', ',', ';']))))
            && people.iter().any(|p| p.name == *name && p.referent)
        {
            subject = Some(name.clone());
        }
        if possessive
            && one_word
            && !opening_clause
            && let Some(name) = &named
        {
            owner.get_or_insert_with(|| name.clone());
        }
        if subject.is_none()
            && !opening_clause
            && !possessive
            && let Some(name) = named
            && people
                .iter()
                .any(|p| p.name == name && (p.referent || followed_by_verb))
        {
            if first_subject.is_none() && sentence == first_sentence {
                first_subject = Some(name.clone());
            }
            subject = Some(name);
        }
    }
    if subject.is_none() {
        subject = owner.take();
    }
    let last = subject.clone();
    promote(
        people,
        &mut subject,
        sentence.filter(|_| named_here.len() <= 1),
    );
    Subjects {
        first: first_subject,
        last,
        named: all_named,
    }
}

/// Whether what stands where a speaker's name would is no name: nothing, a sentence's opening
/// word ("According", "From", "Any"), a weekday or a place word, or a group ("Pollsters",
/// "Americans": a description, which a candidate should not give as a name).
fn names_no_one(name: &str) -> bool {
    #[rustfmt::skip]
    const OPENERS: &[&str] = &[
        "according", "from", "on", "alongside", "at", "in", "with", "by", "for", "after", "before",
        "during", "since", "under", "over", "about", "any", "a", "an", "some", "many", "most",
        "all", "both", "each", "every", "signs", "estimates", "data", "polls", "once", "last",
        "later", "earlier", "when", "while", "one", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "twenty", "thirty", "hundreds", "thousands", "dozens",
        "several", "few", "seconds", "minutes", "hours", "days", "weeks", "months", "years",
        "moments", "decades",
    ];
    #[rustfmt::skip]
    const GROUPS: &[&str] = &[
        "americans", "pollsters", "experts", "critics", "officials", "analysts", "observers",
        "supporters", "opponents", "democrats", "republicans", "voters", "residents", "sources",
        "economists", "scientists", "researchers", "investigators", "prosecutors", "police",
        "protesters", "activists", "advocates", "lawmakers", "leaders", "others", "readers",
        "viewers", "listeners", "fans", "users", "customers", "people", "parents", "students",
        "teachers", "workers", "employees", "members", "witnesses", "neighbors", "neighbours",
        "families",
    ];
    let tokens: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let Some(first) = tokens.first() else {
        return true;
    };
    // A thing someone has ("Trump’s early-morning tweets" read as a subject of "tweets"), not
    // someone's role before a name ("Labour’s deputy leader Angela Rayner").
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let words: Vec<&str> = name.split_whitespace().collect();
    let ends_in_name = words.len() >= 3 && words[words.len() - 2..].iter().all(capitalised);
    let possessed = !ends_in_name
        && words.windows(2).any(|w| {
            (w[0].ends_with("’s") || w[0].ends_with("'s"))
                && w[1].chars().next().is_some_and(char::is_lowercase)
        });
    !name.chars().any(char::is_alphabetic)
        // No capitalised word: "it", "late-night".
        || !name.split_whitespace().any(|w| w.chars().next().is_some_and(char::is_uppercase))
        || possessed
        || OPENERS.contains(&first.as_str())
        || (tokens.len() == 1
            && (NOT_PERSON.contains(&first.as_str()) || GROUPS.contains(&first.as_str())))
}

/// Whether a mention puts an honorific or a person's title right before its name ("Mr. Obama",
/// "President Obama"), and if so what that says of the person's sex (`Some(None)`: nothing).
/// Only titles used as a form of address count: `TITLE_WORDS` also holds words that merely
/// describe ("former", "chief", "nominee"), and "former Obama adviser" names no Obama.
fn honoured(mention: &str) -> Option<Option<bool>> {
    let tokens: Vec<&str> = mention.split_whitespace().collect();
    let before = tokens
        .len()
        .checked_sub(2)
        .map(|i| tokens[i])?
        .to_lowercase();
    match before.trim_end_matches('.') {
        "mrs" | "ms" | "miss" | "queen" | "princess" | "chairwoman" => Some(Some(true)),
        "mr" | "king" | "prince" | "chairman" => Some(Some(false)),
        "president" | "sen" | "senator" | "rep" | "representative" | "gov" | "governor"
        | "mayor" | "secretary" | "gen" | "general" | "judge" | "justice" | "chancellor"
        | "minister" | "speaker" | "ambassador" | "dr" | "rev" | "prof" | "professor" | "sgt"
        | "lt" | "col" | "capt" | "adm" | "pope" => Some(None),
        _ => None,
    }
}

/// "she" or "her" and no "he", "his" or "him" in a sentence: `Some(true)`; the other way round:
/// `Some(false)`; both or neither: `None`.
fn pronoun_gender(sentence: &str) -> Option<bool> {
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .collect();
    let has = |set: &[&str]| words.iter().any(|w| set.contains(&w.as_str()));
    match (
        has(&["she", "her", "hers", "herself"]),
        has(&["he", "his", "him", "himself"]),
    ) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// "Jim Clyburn (D-S.C.)": the party and state are not part of the name.
fn strip_paren(s: &str) -> &str {
    match s.find('(') {
        Some(i) => s[..i].trim(),
        None => s.trim(),
    }
}

/// Words capitalised only because they start a sentence ("What Mr. Obama said…").
fn strip_sentence_words(s: &str) -> &str {
    const WORDS: &[&str] = &[
        "What",
        "When",
        "Where",
        "Why",
        "How",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "In",
        "As",
        "At",
        "For",
        "If",
        "But",
        "And",
        "So",
        "Then",
        "Also",
        "Still",
        "Yet",
        "While",
        "After",
        "Before",
        "Since",
        "Because",
        "Although",
        "Though",
        "Even",
        "Only",
        "Just",
        "Now",
        "Here",
        "There",
        "Asked",
        "Said",
        "Says",
        "Added",
        "Adds",
        "Wrote",
        "Explained",
        "Noted",
        "Speaking",
        "Writing",
        "Meanwhile",
        "On",
        "Of",
        "To",
        "With",
        "By",
        "Many",
        "Some",
        "Most",
        "Both",
        "All",
        "Each",
        "Every",
        "Despite",
        "Regarding",
        "Should",
        "See",
        "Whatever",
        "Without",
        "However",
        "Nevertheless",
        "Nonetheless",
        "Another",
        "Instead",
        "Indeed",
        "Moreover",
        "Perhaps",
        "Maybe",
        "Thus",
        "Previously",
        // (A question's auxiliary, "Was Bartleby hot and spicy?"; "Enter Stuart R. Kaplan,
        // a graduate of …"; "Regardless of how …"; "Due to the controversy"; a list's
        // "Example:", "Or:", "Don’t say …", "Possible values are:".)
        "Was",
        "Were",
        "Is",
        "Are",
        "Did",
        "Does",
        "Has",
        "Had",
        "Could",
        "Would",
        "Enter",
        "Regardless",
        "Due",
        "Example",
        "Or",
        "Don’t",
        "Don't",
        "Possible",
        "About",
        "Later",
        "Earlier",
        "Yesterday",
    ];
    // (A paragraph's first word in capitals is the same word: "AS Opposition Leader Bill
    // Shorten said".)
    let sentence_word = |w: &str| {
        WORDS.contains(&w)
            || (w.chars().count() >= 2
                && w.chars().all(char::is_uppercase)
                && WORDS.iter().any(|known| known.eq_ignore_ascii_case(w)))
    };
    let mut rest = s.trim();
    while let Some((first, tail)) = rest.split_once(char::is_whitespace) {
        if sentence_word(first) {
            rest = tail.trim_start();
        } else {
            break;
        }
    }
    if sentence_word(rest) { "" } else { rest }
}

/// A line in title case: four or more words, capitalised but for the short words titles leave
/// alone ("Elizabeth Warren Hammers Wells Fargo CEO"), or nearly all capitalised and not ending
/// a sentence ("Obama Sees Personal Insult if Black Voters Don’t Turn Out"). A sentence full of
/// names is no headline: "Sen. Elizabeth Warren grilled Wells Fargo CEO John Stumpf.", unless it
/// is the `first` line of the text, where the title stands (some end with a full stop).
fn is_headline(line: &str, first: bool) -> bool {
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
fn complete_before_cue(text: &str, prev: &Quotation) -> bool {
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
fn broken_by_attribution(text: &str, prev_end: usize, q: &Quotation) -> bool {
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
fn is_attribution_only(between: &str) -> bool {
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
static INTRODUCING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:{PARTICIPLES})(?:\s+(?:her|him|them|me|us|you|the \p{{L}}+))?$"
    ))
    .expect("valid regex")
});

/// Whether `text` holds the end of a sentence: a full stop, question or exclamation mark
/// followed by a capitalised word, the full stop not an abbreviation's or an initial's.
fn has_sentence_end(text: &str) -> bool {
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
fn without_nicknames(s: &str) -> Cow<'_, str> {
    static NICKNAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(\p{Lu}[\p{L}.]*)\s+[“"‘']\p{Lu}[\p{L}.'’-]*[”"’']\s+(\p{Lu})"#)
            .expect("valid regex")
    });
    NICKNAME.replace_all(s, "$1 $2")
}

/// The person a headline in title case is about when it says something of them: "Elizabeth
/// Warren Hammers Wells Fargo CEO" → Elizabeth Warren (two or three words of name, then a
/// capitalised verb: "Hammers", "Tells", "Praises").
fn headline_subject(headline: &str) -> Option<String> {
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

/// The raw reading of one cue, before resolution.
#[derive(Debug, Clone)]
struct Raw {
    subject: String,
    appositive: Option<String>,
    cue: String,
    rest: String,
}

impl Raw {
    /// The reading a cue pattern captured: `subj`, `cue`, and `appos` and `rest` when present.
    fn from_captures(c: &Captures<'_>) -> Raw {
        // (What the speaker put it in belongs to the rest: "released a statement".)
        let rest: String = [c.name("rest"), c.name("doc")]
            .into_iter()
            .flatten()
            .map(|m| m.as_str())
            .collect();
        // "Uber stepped in and tweeted this announcement:": the verb of speech the subject's
        // first verb leads to is the cue.
        let verb = &c["cue"];
        let later = (!verb.is_empty() && !verb.contains(' ') && !is_cue_word(verb))
            .then(|| {
                let words: Vec<&str> = rest.split_whitespace().collect();
                (1..words.len())
                    .find(|&i| {
                        ["and", "then"].contains(&words[i - 1]) && is_cue_word(words[i])
                            || (words[i - 1].ends_with(',') && is_cue_word(words[i]))
                    })
                    .map(|i| (words[i].to_owned(), words[i + 1..].join(" ")))
            })
            .flatten();
        let (cue, rest) = match later {
            Some((cue, rest)) => (cue, format!(" {rest}")),
            // A cue-less pattern (a dash before the name, a "Clinton:" label) stands for "said".
            None if verb.is_empty() => ("said".to_owned(), rest),
            None => (verb.to_owned(), rest),
        };
        // "a spokeswoman for the Federal Trade Commission", "A senior official at the Federal
        // Reserve": what looked like a mood before a name was the start of a description.
        // (Also a party's member: "a senior Democrat".)
        let subject = match c.name("mood") {
            Some(mood)
                if c["subj"].starts_with(char::is_lowercase)
                    || PARTY_MEMBER.is_match(&c["subj"]) =>
            {
                format!("{}{}", mood.as_str(), &c["subj"])
            }
            _ => c["subj"].to_owned(),
        };
        Raw {
            subject,
            appositive: c.name("appos").map(|m| m.as_str().to_owned()),
            cue,
            rest,
        }
    }
}

/// Whether the cue read takes a clause of its own ("Kasich said he would have fired him",
/// "… said that …", "… said Trump should …"): words reported, not a quotation's attribution.
fn takes_a_clause(raw: &Raw) -> bool {
    const CLAUSE_STARTS: &[&str] = &[
        "that", "he", "she", "they", "it", "we", "i", "the", "a", "an", "his", "her", "their",
        "its", "this", "there",
    ];
    raw.rest.split_whitespace().next().is_some_and(|w| {
        CLAUSE_STARTS.contains(&w.to_lowercase().as_str())
            || (w.starts_with(char::is_uppercase) && !w.ends_with([',', '.']))
    })
}

/// The signature in the paragraph after a quotation that ends its own paragraph ("- Sanders."),
/// before `limit` (the next quotation).
fn signed_below(text: &str, close_end: usize, limit: usize) -> Option<Raw> {
    let rest = text.get(close_end..limit)?;
    let (tail, below) = rest.split_once('\n')?;
    if tail.chars().any(char::is_alphanumeric) {
        return None;
    }
    let line = below.trim_start().lines().next()?.trim();
    SIGNED_BELOW.captures(line).map(|c| Raw::from_captures(&c))
}

/// “…,” Mr. Smith, who asked that his first name not be used, said. — a relative clause
/// between the speaker and the cue, whose own verb ("asked") is not the cue.
static AFTER_WHO_CLAUSE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[,.;:]?\s*(?:[—–-]+\s*)?(?P<subj>{ROLE_NAME}|{NAME})\s*,\s*(?P<appos>(?:who|whose)\s[^,“”«»\x22]{{2,200}}?)\s*,\s+{ADVERBS}(?P<cue>{CUES})\b(?P<rest>[^“«\x22]*)"
    ))
    .expect("valid regex")
});

/// "said the Bank of England": a description read up to its last lower-case word ("the Bank
/// of") takes the capitalised words after it, which end the body's name.
fn rest_of_the_name(mut raw: Raw) -> Raw {
    static NAME_GOES_ON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[^\S\n]+\p{Lu}[\p{L}\-]*(?:[^\S\n]+(?:(?:of|for|and|on|the|&)[^\S\n]+)*\p{Lu}[\p{L}\-]*)*")
            .expect("valid regex")
    });
    let link = raw
        .subject
        .rsplit_once(' ')
        .is_some_and(|(_, last)| NAME_LINKS.contains(&last));
    if link
        && raw.appositive.is_none()
        && let Some(m) = NAME_GOES_ON.find(&raw.rest)
    {
        raw.subject.push_str(m.as_str());
        raw.rest = raw.rest[m.end()..].to_owned();
    }
    raw
}

fn read_after(after: &str) -> Option<Raw> {
    let after = &*without_nicknames(after);
    for re in [
        &*AFTER_WHO_CLAUSE_CUE,
        &*AFTER_SPEAKER_CUE,
        &*AFTER_CUE_SPEAKER,
        &*AFTER_ACCORDING,
        &*AFTER_DASH,
        &*AFTER_LATER_CUE,
        &*AFTER_LATER_CUE_SPEAKER,
    ] {
        if let Some(c) = re.captures(after) {
            // An appositive may run to the cue without its closing comma when it describes
            // (“…,” Nate Silver, the polling guru who founded fivethirtyeight.com tweeted), not
            // when it is the start of a clause (“…,” Touché, she said).
            let open_appositive = c.name("appos").is_some_and(|a| {
                c.name("closed").is_none()
                    && (!["the ", "a ", "an ", "who "]
                        .iter()
                        .any(|d| a.as_str().starts_with(d))
                        || !looks_like_name(&c["subj"]))
            }) && std::ptr::eq(re, &*AFTER_SPEAKER_CUE);
            if !open_appositive {
                return Some(rest_of_the_name(Raw::from_captures(&c)));
            }
        }
    }
    None
}

fn read_before(before: &str) -> Option<Raw> {
    read_before_in(before).or_else(|| {
        // Tuesday on WTMJ’s “Midday with Charlie Sykes,” while discussing …, Ryan said “…”: a
        // name in quotation marks (no quotation) inside the sentence; the clause after it.
        let (at, mark) = before
            .char_indices()
            .rfind(|&(_, c)| matches!(c, '”' | '»'))?;
        let tail = before[at + mark.len_utf8()..].trim_start_matches([',', ' ']);
        (!tail.trim().is_empty())
            .then(|| read_before_in(tail))
            .flatten()
    })
}

fn read_before_in(before: &str) -> Option<Raw> {
    // "WASHINGTON, Dec. 8 (UPI) — In response to …": a dateline is no one.
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*\p{Lu}{2,}[\p{Lu}\s.'\-]*(?:,[^—–\n]{0,40}?)?\s[—–]\s*")
            .expect("valid regex")
    });
    let before = DATELINE.find(before).map_or(before, |m| &before[m.end()..]);
    let before = &*without_nicknames(before);
    // "Supporters kicked a protester, with Trump reportedly yelling: “…”": the person "with"
    // brings in, doing the saying, says it.
    if let Some(c) = BEFORE_SEEN_SAYING.captures(before)
        && c.name("with").is_some()
        && may_speak(&c["subj"])
    {
        return Some(Raw::from_captures(&c));
    }
    let mut fallback = None;
    for re in [
        &*BEFORE_ASKED_BY,
        &*BEFORE_SPEAKER_CUE,
        &*BEFORE_ACCORDING,
        &*BEFORE_CUE_SPEAKER,
        &*BEFORE_SUBJECT_INTRO,
        &*BEFORE_SUBJECT_VERB,
        &*BEFORE_WHO_CUE,
        &*BEFORE_LABEL,
    ] {
        if let Some(c) = re.captures(before) {
            // "Ryan’s campaign shrugged it off, telling reporters, …": the name only owns the
            // subject; better no speaker than the wrong one.
            if (c["subj"].ends_with("’s") || c["subj"].ends_with("'s"))
                && contracted_pronoun(&c["subj"]).is_none()
            {
                continue;
            }
            // "searched their records for words such as “ambassador,”": words named, not said.
            if std::ptr::eq(re, &*BEFORE_SUBJECT_VERB)
                && c.name("rest")
                    .is_some_and(|r| r.as_str().ends_with("such as"))
            {
                continue;
            }
            // "the risk is said to be “low”": the passive names no one who said it.
            if matches!(&c["cue"], "said" | "says")
                && c.name("rest").is_some_and(|r| {
                    let r = r.as_str().trim_start();
                    r.starts_with("to be ") || r.starts_with("to have ")
                })
            {
                continue;
            }
            // "What she says: “…”": a word that names no one, then the pronoun that is the
            // subject, then its verb.
            if std::ptr::eq(re, &*BEFORE_SUBJECT_INTRO)
                && PRONOUNS.contains(&&c["cue"])
                && names_no_one(strip_sentence_words(c["subj"].trim()))
            {
                let rest = c["rest"].trim_start();
                let (cue, rest) = rest.split_once(' ').unwrap_or((rest, ""));
                return Some(Raw {
                    subject: c["cue"].to_owned(),
                    appositive: None,
                    cue: cue.to_owned(),
                    rest: rest.to_owned(),
                });
            }
            // "The timing of Sanders’ surge doesn’t surprise Republican pollster Daron Shaw: “…”":
            // a sentence about something else introduces the person it ends on.
            if std::ptr::eq(re, &*BEFORE_SUBJECT_INTRO)
                && names_no_one(strip_sentence_words(c["subj"].trim()))
                && let Some(end) = BEFORE_NAME_COLON.captures(before)
            {
                return Some(Raw::from_captures(&end));
            }
            // "And although he thanked them, he sounded a rare note, saying, “…”": an opening
            // clause before the subject; the sentence's subject follows a comma or a dash.
            if std::ptr::eq(re, &*BEFORE_SUBJECT_INTRO)
                && names_no_one(strip_sentence_words(c["subj"].trim()))
                && let Some(later) = later_subject_intro(before)
            {
                return Some(later);
            }
            // A label is a name, not a headline ("Elizabeth Warren Hammers Wells Fargo CEO:"),
            // but a headline's subject says it: the name before the verb.
            if std::ptr::eq(re, &*BEFORE_LABEL) && c["subj"].split_whitespace().count() > 4 {
                match headline_subject(&c["subj"]) {
                    Some(name) => {
                        return Some(Raw {
                            subject: name,
                            appositive: None,
                            cue: "said".to_owned(),
                            rest: String::new(),
                        });
                    }
                    None => continue,
                }
            }
            // "In response to the proposal, Huma Abedin rallied supporters, saying:": what
            // looked like a subject and its appositive before a participle is the end of an
            // opening phrase and the sentence's subject with its verb.
            // (A participle needs a verb before it; when no such reading is found, none of this
            // pattern's is right.)
            if std::ptr::eq(re, &*BEFORE_SPEAKER_CUE)
                && c.name("appos").is_some()
                && PARTICIPLES.split('|').any(|p| p == &c["cue"])
            {
                match BEFORE_SUBJECT_INTRO.captures(before) {
                    Some(intro)
                        if may_speak(&intro["subj"]) && !has_possessive_mark(&intro["subj"]) =>
                    {
                        return Some(Raw::from_captures(&intro));
                    }
                    _ => continue,
                }
            }
            // "When Clinton noted that Trump paid no tax ― as was true ― Trump boasted, “…”":
            // a later subject and cue in the same sentence is the one the quotation follows.
            if std::ptr::eq(re, &*BEFORE_SPEAKER_CUE)
                && let Some(rest) = c.name("rest")
                && let Some(later) = read_before(rest.as_str()).or_else(|| {
                    // "The spot concludes with footage of Trump saying during the debate, “…”"
                    BEFORE_SEEN_SAYING
                        .captures(rest.as_str())
                        .map(|c| Raw::from_captures(&c))
                })
                && !PRONOUNS.contains(&later.subject.to_lowercase().as_str())
                && !names_no_one(later.subject.trim())
                // ("Angela Rayner told the BBC: “…”": whom she told is no later speaker.)
                && !(matches!(&c["cue"], "told" | "tells" | "telling")
                    && strip_article(rest.as_str().trim_start()).starts_with(later.subject.trim()))
            {
                return Some(later);
            }
            // "In a statement released Thursday, Rep. Hakeem Jeffries reacted to the news,
            // saying: …": a capitalised word that names no one read as the subject; a later
            // pattern may find the person.
            let subject = c["subj"].trim();
            let no_one = !may_speak(subject) && !is_unnamed(subject);
            if fallback.is_some() && no_one {
                continue;
            }
            if (std::ptr::eq(re, &*BEFORE_SPEAKER_CUE) || std::ptr::eq(re, &*BEFORE_SUBJECT_INTRO))
                && subject.chars().next().is_some_and(char::is_uppercase)
                && no_one
            {
                fallback = Some(Raw::from_captures(&c));
                continue;
            }
            return Some(Raw::from_captures(&c));
        }
    }
    fallback
}

/// The subject and cue of `before` read from just after one of its commas or dashes, the first
/// that gives a subject naming someone.
fn later_subject_intro(before: &str) -> Option<Raw> {
    // Only the first few clauses of a sentence's last stretch: each reading runs to the end of
    // `before`, and a sentence of endless commas must not cost a reading per comma.
    let from = floor_boundary(before, before.len().saturating_sub(MAX_SENTENCE));
    before[from..]
        .match_indices([',', '—', '–', '―'])
        .map(|(i, mark)| &before[from + i + mark.len()..])
        .take(8)
        .filter_map(|tail| BEFORE_SUBJECT_INTRO.captures(tail))
        .find(|c| may_speak(&c["subj"]))
        .map(|c| Raw::from_captures(&c))
}

fn resolve(raw: Raw, people: &mut Vec<Person>, carry: Carry) -> Attribution {
    let inherit = carry == Carry::SpeakerAndRole;
    let (medium, told_to) = medium_of(&raw.cue, &raw.rest);
    let mut a = Attribution {
        mention: Some(raw.subject.clone()),
        medium,
        told_to,
        cue: Some(raw.cue.to_lowercase()),
        ..Default::default()
    };
    let subject = strip_sentence_words(strip_paren(&raw.subject));
    let subject = contracted_pronoun(subject).unwrap_or(subject);
    // "said Stevens’ mother, Janet": whose relative speaks, not who.
    if subject.is_empty() || subject.ends_with(['’', '\'']) {
        a.note = Some(format!("“{}” does not name a speaker", raw.subject.trim()));
        return a;
    }
    let lower = subject.to_lowercase();
    let described = strip_paren(&raw.subject).trim();
    // "the company's spokesman, Joe Smith, said", "a spokeswoman for Acme, Jane Roe, said",
    // "The Prime Minister, Keir Starmer, said": the name is in the appositive.
    let of_org = of_organization(described);
    if (is_unnamed(described) || of_org.is_some() || is_a_title(described))
        && raw
            .appositive
            .as_deref()
            .is_some_and(|a| a.trim_start().starts_with(char::is_uppercase))
        && let Some(swapped) = name_from_appositive(&raw, described)
    {
        return resolve(swapped, people, carry);
    }
    if let Some(org) = the_organization(described) {
        // "the Justice Department said", "The Pentagon said:": the body speaks, as "Amtrak
        // said" does (and is no one a later "he" or "she" means). "the Texan", "the Mayor",
        // "The Ebelings" are people the text does not name here.
        a.mention = Some(described.to_owned());
        if describes_people(org, people) {
            a.note = Some(format!("“{described}” is not named in the text"));
        } else if cue_is_a_noun(&raw) {
            // "the Alibaba shares being left behind": no one speaks.
            a.mention = None;
            a.note = Some(format!(
                "“{described} {}” does not name a speaker",
                raw.cue.trim()
            ));
        } else {
            a.speaker = Some(org.to_owned());
        }
        return a;
    }
    if let Some((body, medium)) = body_and_document(described) {
        // "the IMF report stated": the IMF said it, in a document.
        a.speaker = Some(body.to_owned());
        a.mention = Some(format!("the {body}"));
        a.medium = Some(medium);
        return a;
    }
    // "a spokeswoman for the Federal Trade Commission said": someone of an organization,
    // unnamed; the role is kept when it is one ("a friend of Trump" has none).
    if let Some(role) = of_org {
        a.mention = Some(described.to_owned());
        // ("a former business partner of Morales": someone's partner, not a firm's.)
        let of_someone = |org: &str| {
            people
                .iter()
                .any(|p| p.name == org || surname(&p.name) == org)
        };
        if let Some(role) = role.filter(|r| !r.organization.as_deref().is_some_and(of_someone)) {
            a.title = role.title;
            a.organization = role.organization;
            a.organization_description = role.organization_description;
        }
        a.note = Some(format!("“{described}” is not named in the text"));
        return a;
    }
    if is_unnamed(described) {
        // ("A photo was posted", "My mom would just say": the verb's helpers are no part of
        // the description.)
        let mut described = described;
        while let Some((head, last)) = described.rsplit_once(' ')
            && [
                "was", "were", "is", "are", "has", "have", "had", "would", "will", "could", "can",
                "just", "also", "then", "once", "from", "of", "at", "in", "with", "for",
            ]
            .contains(&last)
            && is_unnamed(head)
        {
            described = head;
        }
        a.mention = Some(described.to_owned());
        // "the senator said", after "Sen. Bernie Sanders": the description is the title the
        // text gave someone.
        if let Some(p) = titled(described, people) {
            spoken_by(&mut a, p, described, inherit);
            return a;
        }
        // "a Meta spokesperson", "a Fed spokesperson", "a German official": the
        // organization's role, with no name (not "One former business partner" of "One", nor
        // "one Western official" of "Western").
        let after_determiner = described
            .split_once(' ')
            .map_or(described, |(_, rest)| rest);
        if after_determiner.starts_with(char::is_uppercase)
            && let Some(role) = parse_role(after_determiner).filter(|r| {
                r.organization
                    .as_deref()
                    .is_some_and(|o| !["Western", "Eastern", "Northern", "Southern"].contains(&o))
                    && r.title
                        .as_deref()
                        .and_then(|t| t.split_whitespace().next_back())
                        .is_some_and(has_title_keyword)
            })
        {
            a.title = role.title;
            a.organization = role.organization;
        }
        // Kept as the text gives it: the candidate shows who spoke without inventing a name.
        a.note = Some(format!("“{described}” is not named in the text"));
        return a;
    }
    // "Frank Newport and Jim Harter wrote": two people, whose words the quotation is together.
    if let Some(pair) = two_people(subject, people) {
        // The first named is the speaker on record; the note names both.
        a.speaker = pair.split(" and ").next().map(str::to_owned);
        a.mention = Some(pair.clone());
        a.note = Some(format!(
            "“{pair}” are two people: the quotation is theirs together"
        ));
        return a;
    }
    if matches!(lower.as_str(), "i" | "we") {
        // "I laughed and said, “…”": in narration the first person is the writer, whom the
        // text does not name.
        a.note = Some(format!(
            "“{subject}” is the writer, whom the text does not name"
        ));
        return a;
    }
    if PRONOUNS.contains(&lower.as_str()) {
        let female = match lower.as_str() {
            "she" => Some(true),
            "he" => Some(false),
            _ => None,
        };
        let fits = |p: &&Person| match (female, p.female) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let found = people.iter().rposition(|p| p.referent && fits(&p));
        if let (Some(i), Some(f)) = (found, female) {
            // What this pronoun says of the person holds for later ones.
            people[i].female.get_or_insert(f);
        }
        match found.map(|i| &people[i]) {
            Some(p) => spoken_by(&mut a, p, subject, inherit),
            None => a.note = Some(format!("“{subject}” does not refer to anyone named before")),
        }
        return a;
    }
    // "Sanders's campaign manager, Jeff Weaver, said": the name is in the appositive.
    if split_possessive(subject).is_some()
        && let Some(swapped) = name_from_appositive(&raw, subject)
    {
        return resolve(swapped, people, carry);
    }
    // "says CNN meteorologist": an organization's role with no name.
    if let Some((organization, title)) = organization_then_lower_case(subject)
        && title
            .split_whitespace()
            .all(|w| w.starts_with(char::is_lowercase))
        && title
            .split_whitespace()
            .next_back()
            .is_some_and(has_title_keyword)
    {
        a.title = Some(title);
        a.organization = Some(organization);
        a.note = Some(format!("“{subject}” names a role, not a person"));
        return a;
    }
    // "Alibaba’s COO": a role with no name (not "Scotland's First Minister Nicola Sturgeon").
    if let Some(role) = parse_role(subject).filter(|_| {
        split_possessive(subject).is_some() && !looks_like_name(&split_pre_name(subject).1)
    }) {
        a.title = role.title;
        a.organization = role.organization;
        let known = people.iter().rev().find(|p| {
            p.organization.as_deref().map(str::to_lowercase)
                == a.organization.as_deref().map(str::to_lowercase)
        });
        match known {
            Some(p) => {
                a.speaker = Some(p.name.clone());
                a.note = Some(format!("“{subject}” resolved to {}", p.name));
            }
            None => a.note = Some(format!("“{subject}” names a role, not a person")),
        }
        return a;
    }
    let subject = ["The ", "A ", "An "]
        .iter()
        .find_map(|a| subject.strip_prefix(a))
        .unwrap_or(subject);
    let (pre_role, name) = split_pre_name(subject);
    // "Kevin McCarthy, R-Calif., the House speaker": a party and state, then the role.
    static PARTY_STATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[RDI]-[A-Z][\p{L}.]*(?:\s[A-Z][\p{L}.]*)?$").expect("valid regex")
    });
    let after_party = raw
        .appositive
        .as_deref()
        .filter(|a| PARTY_STATE.is_match(a.trim()))
        .map(|_| raw.rest.trim_start().trim_start_matches(','))
        .map(|rest| rest.split([',', ';']).next().unwrap_or_default())
        .map(|role| {
            let role = role.trim();
            role.strip_suffix('.').unwrap_or(role)
        });
    let appositive_role = after_party
        .or(raw.appositive.as_deref())
        .and_then(parse_role);
    let role = merge_roles(appositive_role, pre_role);
    // A surname (or a first name) alone refers to someone named in full before.
    let single = is_one_name(&name);
    let known = one_name_means(people, &name, |p| {
        single && (p.name.split_whitespace().any(|part| part == name) || known_by(&p.name, &name))
    })
    .map(|i| &people[i]);
    match known {
        Some(p) => {
            if p.name != name {
                a.note = Some(format!("“{name}” resolved to {}", p.name));
            }
            a.speaker = Some(p.name.clone());
            a.title = role
                .title
                .clone()
                .or_else(|| p.title.clone().filter(|_| inherit));
            a.organization = role
                .organization
                .clone()
                .or_else(|| p.organization.clone().filter(|_| inherit));
            a.organization_description = role
                .organization_description
                .clone()
                .or_else(|| p.organization_description.clone().filter(|_| inherit));
        }
        None if names_no_one(&name) => {
            a.note = Some(format!("“{}” does not name a speaker", raw.subject.trim()));
            return a;
        }
        None => {
            a.speaker = Some(name.clone());
            a.title = role.title.clone();
            a.organization = role.organization.clone();
            a.organization_description = role.organization_description.clone();
        }
    }
    if let Some(speaker) = &a.speaker {
        let role = Role {
            title: a.title.clone(),
            organization: a.organization.clone(),
            organization_description: a.organization_description.clone(),
        };
        meet(people, speaker, true, None, role);
        if single
            && *speaker != name
            && let Some(p) = people.last_mut()
        {
            p.by_one_name = true;
        }
    }
    a
}

/// `raw` read again with the name its appositive gives as the subject, and `described` (the
/// role the subject was) as the appositive; `None` when the appositive names no one.
fn name_from_appositive(raw: &Raw, described: &str) -> Option<Raw> {
    let appositive = raw.appositive.as_deref()?;
    looks_like_name(split_pre_name(strip_paren(appositive)).1.as_str()).then(|| Raw {
        subject: appositive.trim().to_owned(),
        appositive: Some(described.to_owned()),
        cue: raw.cue.clone(),
        rest: raw.rest.clone(),
    })
}

/// How many people `meet` keeps in mind.
const MAX_PEOPLE: usize = 400;

/// Gives the candidate person `p`, whom the text's `mention` ("he", "the senator") refers to,
/// with the title and organization the text gave them when `inherit`.
fn spoken_by(a: &mut Attribution, p: &Person, mention: &str, inherit: bool) {
    a.speaker = Some(p.name.clone());
    if inherit {
        a.title = p.title.clone();
        a.organization = p.organization.clone();
        a.organization_description = p.organization_description.clone();
    }
    a.note = Some(format!("“{mention}” resolved to {}", p.name));
}

/// Notes that the text names `name` here (`referent`: quoted, or described with a role), with
/// what this mention says of them: the person moves to the end of `people`, keeping what was
/// known of them where this mention says nothing. Their sex is what this mention says (an
/// honorific), else what pronouns said before, else what the given name tells.
fn meet(people: &mut Vec<Person>, name: &str, referent: bool, female: Option<bool>, role: Role) {
    let before = people
        .iter()
        .position(|p| p.name == name)
        .map(|i| people.remove(i));
    let before = before.as_ref();
    people.push(Person {
        referent: referent || before.is_some_and(|p| p.referent),
        female: female
            .or_else(|| before.and_then(|p| p.female))
            .or_else(|| super::names::gender_of(name)),
        title: role.title.or_else(|| before.and_then(|p| p.title.clone())),
        organization: role
            .organization
            .or_else(|| before.and_then(|p| p.organization.clone())),
        organization_description: role
            .organization_description
            .or_else(|| before.and_then(|p| p.organization_description.clone())),
        by_one_name: before.is_some_and(|p| p.by_one_name),
        name: name.to_owned(),
    });
    // The people met longest ago are forgotten past `MAX_PEOPLE` (no article names so many),
    // so that text of endless names costs a bounded search per mention.
    if people.len() > MAX_PEOPLE {
        people.drain(..people.len() - MAX_PEOPLE);
    }
}

/// What follows a leading "the " or "The " ("the IMF report" → "IMF report"); `None` without
/// one.
fn after_the(s: &str) -> Option<&str> {
    s.strip_prefix("the ").or_else(|| s.strip_prefix("The "))
}

/// A body's document as a source — "the IMF report", "the White House statement" — as the
/// body and the medium the document is.
fn body_and_document(described: &str) -> Option<(&str, Medium)> {
    let rest = after_the(described)?;
    let (body, noun) = rest.rsplit_once(' ')?;
    let medium = match noun {
        "statement" | "release" => Medium::Statement,
        "tweet" | "post" => Medium::Post,
        "email" | "e-mail" => Medium::Email,
        "report" | "study" | "analysis" | "memo" | "letter" | "filing" | "survey" | "ruling"
        | "complaint" | "lawsuit" | "document" | "review" | "audit" => Medium::Document,
        _ => return None,
    };
    looks_like_organization(body).then_some((body, medium))
}

/// "the Alibaba shares being left behind", "the Treasury notes were sold": the cue is the
/// plural of a noun, followed by its verb.
fn cue_is_a_noun(raw: &Raw) -> bool {
    let next = raw.rest.split_whitespace().next().unwrap_or_default();
    raw.cue.ends_with('s')
        && !raw.cue.contains(' ')
        && (next.ends_with("ing")
            || [
                "are", "were", "have", "had", "will", "would", "could", "may",
            ]
            .contains(&next))
}

/// The nouns by which a text refers again to a body it named ("the agency", "the company").
const BODY_NOUNS: &[&str] = &[
    "agency",
    "department",
    "ministry",
    "bank",
    "commission",
    "committee",
    "council",
    "bureau",
    "office",
    "court",
    "university",
    "institute",
    "foundation",
    "association",
    "union",
    "party",
    "campaign",
    "board",
    "fund",
    "group",
    "network",
    "administration",
    "authority",
    "service",
    "league",
    "federation",
    "coalition",
    "organization",
    "organisation",
    "police",
    "army",
    "navy",
    "club",
    "team",
    "hospital",
    "school",
    "college",
    "church",
    "museum",
    "company",
    "corporation",
    "airline",
    "firm",
    "carrier",
    "newspaper",
    "paper",
];

/// "the company", "The agency": the noun, when it is one of `BODY_NOUNS`.
fn body_noun(mention: &str) -> Option<&str> {
    let noun = after_the(mention)?;
    BODY_NOUNS.contains(&noun).then_some(noun)
}

/// How far back (in bytes) a body's noun ("the agency") looks for the body's name.
const BODY_REACH: usize = 6000;

/// "the agency" after "the Food Standards Agency warned…", "the department" after "the
/// Department of Justice", "the company" after "Acme Corp.", "the airline" after "Delta Air
/// Lines": the last name in `before` that ends in (or, with "of", starts with) the noun a
/// `mention` of the form "the <noun>" gives, or in a word for such a body ("Inc.", "Airways",
/// "Times"). `None` for other mentions and when no such name is in `before`.
fn body_named_before(before: &str, mention: &str) -> Option<String> {
    let noun = body_noun(mention)?;
    let heads: &[&str] = match noun {
        "company" | "firm" | "corporation" => &[
            "inc",
            "corp",
            "co",
            "ltd",
            "llc",
            "plc",
            "company",
            "corporation",
            "holdings",
            "ag",
            "sa",
            "gmbh",
        ],
        "airline" | "carrier" => &["airlines", "airways", "airline", "lines"],
        "newspaper" | "paper" => &["times", "post", "journal", "herald", "tribune", "gazette"],
        // (The noun as the list has it, which outlives `mention`.)
        _ => std::slice::from_ref(BODY_NOUNS.iter().find(|n| **n == noun)?),
    };
    static CAPITALISED_RUN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\p{Lu}[\p{L}\p{M}&’'\-]*\.?(?:[^\S\n]+(?:(?:of|for|and|on|the|&)[^\S\n]+){0,2}\p{Lu}[\p{L}\p{M}&’'\-]*\.?){0,7}",
        )
        .expect("valid regex")
    });
    let key = |w: &str| without_possessive(w).trim_end_matches('.').to_lowercase();
    // (Only the quotation's paragraph and the one before: further back "the company" is as
    // likely another.)
    let from = before
        .trim_end()
        .rfind('\n')
        .and_then(|p| before[..p].trim_end().rfind('\n'))
        .map_or(0, |p| p + 1);
    let before = &before[from..];
    let found = CAPITALISED_RUN.find_iter(before).filter_map(|run| {
        let words: Vec<&str> = run.as_str().split_whitespace().collect();
        let at = words
            .iter()
            .rposition(|w| heads.contains(&key(w).as_str()))?;
        // "Department of Justice": the name goes on after its head; "Acme Corp." ends there.
        let end = if words.get(at + 1).is_some_and(|w| ["of", "for"].contains(w)) {
            words.len()
        } else {
            at + 1
        };
        // (Not the sentence's opening article: "The Food Standards Agency".)
        let start = usize::from(words[0] == "The" && at > 0);
        let name = words[start..end].join(" ");
        let name = without_possessive(&name).to_owned();
        (at > start || end > at + 1).then_some((name, run.end()))
    });
    let (name, end) = found.last()?;
    // "One of them, UnitedHealth Group, … the trade group for the Blue Cross Blue Shield
    // plans … “…,” the group wrote": another of its kind described since is who speaks.
    let described_since = before[end..]
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| w[1] == noun && !w[0].eq_ignore_ascii_case("the"));
    (!described_since).then_some(name)
}

/// “…,” Meta said in a blog post. “…,” the company added: for a body's noun (`mention`), the
/// body that spoke in the quotation before (`prev`), named by one word that is no one's name,
/// when `between` the two quotations runs over at most one paragraph break.
fn body_that_spoke_last(
    prev: Option<&Attribution>,
    mention: &str,
    between: &str,
) -> Option<String> {
    body_noun(mention)?;
    let prev = prev?;
    let body = prev.speaker.as_deref().filter(|s| {
        !s.contains(' ')
            && prev.mention.as_deref() == Some(*s)
            && super::names::gender_of(s).is_none()
            && !PRONOUNS.contains(&s.to_lowercase().as_str())
    })?;
    (between.matches('\n').count() <= 2).then(|| body.to_owned())
}

/// "the Justice Department", "The Pentagon": the name of a body after its article (the name
/// without it); `None` for "the senator", "the 43-year-old" and anything not capitalised.
fn the_organization(described: &str) -> Option<&str> {
    let name = after_the(described)?;
    (looks_like_organization(name) && !is_unnamed(described)).then_some(name)
}

/// Whether the capitalised `words` after "the" describe people rather than name a body: a
/// title ("the Mayor"), a party's member or a demonym ("the Democrat", "the Wisconsin
/// Republican", "the Texan", "the Briton"), or a family named before ("the Ebelings", after
/// Tom Ebeling), a person's title ("the Detective Tsukauchi"); not "the Bank of Japan".
fn describes_people(words: &str, people: &[Person]) -> bool {
    const BODIES_IN_AN: &[&str] = &["Vatican", "Guardian", "Taliban", "Kazakhstan", "Sudan"];
    const MEMBERS: &[&str] = &[
        "Democrat",
        "Democrats",
        "Tory",
        "Tories",
        "Brit",
        "Brits",
        "Briton",
        "Britons",
        "Scot",
        "Scots",
        "Dane",
        "Swede",
        "Pole",
        "Finn",
        "Turk",
        "Greek",
        "Frenchman",
        "Englishman",
        "Irishman",
        "Dutchman",
        "Welshman",
        "Highness",
        "Majesty",
        "Pope",
        "Lord",
    ];
    // The name's head: "Bank" of "Bank of Japan", "Republican" of "Wisconsin Republican".
    let Some(last) = words
        .split_whitespace()
        .take_while(|w| !["of", "for", "and", "on", "&"].contains(w))
        .last()
    else {
        return false;
    };
    let singular = last.strip_suffix('s').unwrap_or(last);
    // ("the Detective Tsukauchi" is a person with a title; "the Justice Department" a body.)
    let first = words.split_whitespace().next().unwrap_or_default();
    let titled = (is_title_word(first) || has_title_keyword(&first.to_lowercase()))
        && !NOT_PERSON.contains(&last.to_lowercase().as_str());
    titled
        || is_title_word(last)
        || has_title_keyword(&last.to_lowercase())
        || MEMBERS.contains(&last)
        || country_of(last).is_some()
        || (singular.ends_with("an") && !BODIES_IN_AN.contains(&singular))
        || last.ends_with("man")
        || last.ends_with("men")
        || (last.ends_with('s')
            && people
                .iter()
                .any(|p| surname(&p.name) == singular || surname(&p.name) == last))
}

/// The small words inside a body's name: "National Oceanic and Atmospheric Administration",
/// "Bank of England", "Council on Foreign Relations".
const NAME_LINKS: &[&str] = &["of", "for", "and", "on", "the", "&"];

/// Capitalised words only, the name of a body rather than a person: "Times", "IMF",
/// "Washington Post".
fn looks_like_organization(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    // (Small words inside: "National Oceanic and Atmospheric Administration", "University of
    // Otago"; not "Washington Post’s Ishaan Tharoor": a person the body has.)
    (1..=4).contains(&words.iter().filter(|w| capitalised(w)).count())
        && words.len() <= 7
        && words.first().is_some_and(capitalised)
        && words.last().is_some_and(capitalised)
        && words
            .iter()
            .all(|w| capitalised(w) || NAME_LINKS.contains(w))
        && !s.contains(['’', '\''])
}

/// Two to four capitalised words: "Jeff Weaver", "Jamie Lee Curtis".
fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().enumerate().all(|(i, w)| {
            (w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase))
                || (i > 0 && i + 1 < words.len() && is_particle(w))
        })
        && !has_possessive_mark(s)
}

/// "Frank Newport and Jim Harter", "nuclear experts David Albright and Serena
/// Kelleher-Vergantini", "Omwansa and Sullivan": two people named together, as the text names
/// them (without the description before them).
/// A surname alone counts when it is someone's named before ("Omwansa and Sullivan", not
/// "Procter and Gamble").
fn two_people(subject: &str, people: &[Person]) -> Option<String> {
    let (left, right) = subject.rsplit_once(" and ")?;
    let (_, first) = split_pre_name(left.trim());
    let (_, second) = split_pre_name(right.trim());
    let person = |name: &str| {
        let words: Vec<&str> = name.split_whitespace().collect();
        let full = (2..=4).contains(&words.len())
            && words.iter().all(|w| w.starts_with(char::is_uppercase))
            && words
                .iter()
                .filter(|w| w.chars().any(char::is_lowercase))
                .count()
                >= 2
            && !has_possessive_mark(name)
            // (Not "National Oceanic and Atmospheric Administration".)
            && !words
                .iter()
                .any(|w| NOT_PERSON.contains(&w.to_lowercase().as_str()));
        full || (is_one_name(name) && people.iter().any(|p| known_by(&p.name, name)))
    };
    // (A surname alone is given as the full name it stands for.)
    let full = |name: String| match is_one_name(&name) {
        true => people
            .iter()
            .rev()
            .find(|p| known_by(&p.name, &name))
            .map_or(name, |p| p.name.clone()),
        false => name,
    };
    (person(&first) && person(&second)).then(|| format!("{} and {}", full(first), full(second)))
}

/// The pronoun of "He’ll", "She’s", "They’re": a pronoun with a verb's ending.
fn contracted_pronoun(s: &str) -> Option<&str> {
    s.split_once(['’', '\''])
        .filter(|(pronoun, ending)| {
            PRONOUNS.contains(&pronoun.to_lowercase().as_str())
                && ["ll", "d", "s", "re", "ve", "m"].contains(ending)
        })
        .map(|(pronoun, _)| pronoun)
}

/// Whether `s` has an apostrophe other than one after a name's first capital ("O'Malley",
/// "D’Angelo"): "Washington Post’s", "Trump's".
fn has_possessive_mark(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        let first = w.chars().next();
        let after_capital = first.filter(|c| c.is_uppercase()).map(char::len_utf8);
        w.char_indices()
            .filter(|&(_, c)| c == '’' || c == '\'')
            .any(|(i, _)| Some(i) != after_capital)
    })
}

/// "a spokeswoman for Acme", "the head of the International Monetary Fund": an unnamed
/// source described as someone of an organization, with the role read from the description
/// when it names one (`Some(None)` for "a friend of Trump").
fn of_organization(described: &str) -> Option<Option<Role>> {
    static OF_ORG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!("^(?:{})$", *NOMINAL_OF_ORG)).expect("valid regex"));
    if !OF_ORG.is_match(described) {
        return None;
    }
    // ("The ad uses footage of Hillary Clinton": no person is described; the name is read.)
    let (who, link) = before_link(described);
    if !who
        .split_whitespace()
        .next_back()
        .is_some_and(is_person_noun)
    {
        return None;
    }
    // ("a doctor from Hebron": where someone is from may be a place.)
    let role = parse_role(described)
        .filter(|r| r.organization.is_some() && r.title.is_some() && link != "from");
    Some(role)
}

/// The description before the first link to an organization ("a spokeswoman" of "a
/// spokeswoman for Acme"), and the link.
fn before_link(described: &str) -> (&str, &str) {
    ["for", "of", "at", "with", "from"]
        .into_iter()
        .filter_map(|link| Some((described.find(&format!(" {link} "))?, link)))
        .min()
        .map_or((described, ""), |(i, link)| (&described[..i], link))
}

/// "The Prime Minister", "the Secretary of State", "the Chancellor": a title alone, in
/// capitals, with its article.
fn is_a_title(described: &str) -> bool {
    let Some(title) = ["the ", "The "]
        .iter()
        .find_map(|a| described.strip_prefix(a))
    else {
        return false;
    };
    let words: Vec<&str> = title.split_whitespace().collect();
    words
        .first()
        .is_some_and(|w| is_title_word(w) || is_portfolio(w))
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || ["of", "the", "and", "for"].contains(w))
}

/// "a former senior official", "the report": a determiner, then lower-case words to the end.
fn is_unnamed(subject: &str) -> bool {
    let words: Vec<&str> = subject.split_whitespace().collect();
    words.len() >= 2
        && determiners!()
            .split('|')
            .any(|d| d.eq_ignore_ascii_case(words[0]))
        && words.last().is_some_and(|w| {
            // ("the 43-year-old"; "the CEO": a title's abbreviation)
            w.chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
                || crate::title::is_abbreviation(w)
                || PARTY_MEMBER.is_match(w)
        })
}

/// The title in lower case that ends `before`, right in front of a name ("Republican
/// presidential nominee Donald Trump", "campaign manager Barry Bennett"): up to four words
/// after the last punctuation, article or other small word, the last a title's noun
/// ("fellow billionaire Donald Trump" has none; "describing" is no part of one).
fn title_before(before: &str) -> Option<String> {
    const SMALL: &[&str] = &[
        "the", "a", "an", "and", "or", "but", "of", "with", "by", "to", "in", "on", "at", "for",
        "from", "where", "when", "while", "as", "that", "who", "said", "says", "told", "his",
        "her", "their", "its", "our", "my", "your",
    ];
    let words: Vec<&str> = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .take_while(|w| {
            !w.is_empty()
                && w.chars().all(|c| c.is_lowercase() || c == '-')
                && !SMALL.contains(w)
                && !w.ends_with("ing")
        })
        .take(4)
        .collect();
    let head = words.first()?;
    if !TITLE_KEYWORDS.contains(head) {
        return None;
    }
    let title = words.into_iter().rev().collect::<Vec<_>>().join(" ");
    Some(title)
}

/// The person a definite description means ("the president", "the senator", "the Republican
/// nominee"): the one named last whose title holds every word of it and ends on the same noun
/// (abbreviations read out: "Sen." is a senator). A capitalised word of it (a party: "the
/// Republican nominee") may be missing from the title.
fn titled<'a>(described: &str, people: &'a [Person]) -> Option<&'a Person> {
    let words = crate::title::title_words;
    let rest = after_the(described)?;
    // (Capitalised words may be left out of the title the text gave: "the New Jersey
    // governor" is "Gov. Chris Christie", "the GOP nominee" the Republican one; but a title's
    // abbreviation is the title: "the CEO".)
    let lower: Vec<&str> = rest
        .split_whitespace()
        .filter(|w| {
            !w.chars().next().is_some_and(char::is_uppercase) || crate::title::is_abbreviation(w)
        })
        .collect();
    let wanted = words(&lower.join(" "));
    let head = wanted.last()?;
    // People named since who hold another title are passed over; one whose title the text
    // has not given may be the one meant ("Rubio … the senator said"), and stops the search.
    let found = people
        .iter()
        .rev()
        .filter(|p| p.referent)
        .find(|p| match p.title.as_deref() {
            Some(t) => {
                let title = words(t);
                title.last() == Some(head) && wanted.iter().all(|w| title.contains(w))
            }
            None => true,
        })?;
    found.title.is_some().then_some(found)
}

fn merge_roles(first: Option<Role>, second: Role) -> Role {
    match first {
        Some(r) => Role {
            title: r.title.or(second.title),
            organization: r.organization.or(second.organization),
            organization_description: r
                .organization_description
                .or(second.organization_description),
        },
        None => second,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clip::quotes;

    /// Each pattern is built on first use, so one too big to compile (the regex crate's size
    /// limit) would panic only with a text that needs it: build them all here.
    #[test]
    fn every_pattern_compiles() {
        let patterns: [&Regex; 23] = [
            &*AFTER_WHO_CLAUSE_CUE,
            &*AFTER_SPEAKER_CUE,
            &*AFTER_CUE_SPEAKER,
            &*AFTER_ACCORDING,
            &*AFTER_DASH,
            &*SIGNED_BELOW,
            &*WHOSE_ROLE_BEFORE,
            &*BEFORE_WHO_CUE,
            &*PRIOR_SAYS,
            &*AFTER_LATER_CUE,
            &*AFTER_LATER_CUE_SPEAKER,
            &*BEFORE_SPEAKER_CUE,
            &*BEFORE_CUE_SPEAKER,
            &*BEFORE_SUBJECT_INTRO,
            &*BEFORE_SUBJECT_VERB,
            &*BEFORE_NAME_COLON,
            &*BEFORE_SEEN_SAYING,
            &*BEFORE_LABEL,
            &*BEFORE_ACCORDING,
            &*BEFORE_ASKED_BY,
            &*AFTER_CUE_WORD,
            &*SAYS_OR_THINKS,
            &*INTRODUCING,
        ];
        for p in patterns {
            assert!(!p.as_str().is_empty());
        }
    }

    fn read(text: &str) -> Vec<Attribution> {
        let (found, _) = quotes::find(text);
        attribute(text, &found, Carry::SpeakerAndRole)
    }

    #[test]
    fn roles_from_appositives() {
        let r = parse_role("chief operating officer of tech services provider Zensar").unwrap();
        assert_eq!(r.title.as_deref(), Some("chief operating officer"));
        assert_eq!(r.organization.as_deref(), Some("Zensar"));
        assert_eq!(
            r.organization_description.as_deref(),
            Some("tech services provider")
        );
        let r =
            parse_role("founder and managing partner at venture firm Principal Venture Partners")
                .unwrap();
        assert_eq!(r.title.as_deref(), Some("founder and managing partner"));
        assert_eq!(
            r.organization.as_deref(),
            Some("Principal Venture Partners")
        );
        assert_eq!(r.organization_description.as_deref(), Some("venture firm"));
        let r = parse_role("Zensar’s COO").unwrap();
        assert_eq!(
            (r.title.as_deref(), r.organization.as_deref()),
            (Some("COO"), Some("Zensar"))
        );
        let r = parse_role("a spokeswoman for the Bank of America").unwrap();
        assert_eq!(r.organization.as_deref(), Some("Bank of America"));
        assert!(parse_role("who declined to be named").is_none());
        assert!(parse_role("a Democrat from Ohio").is_none());
        // The title runs to the last link an organization follows.
        let r = parse_role("director of U.S. rate strategy at Mitsubishi UFJ Securities").unwrap();
        assert_eq!(
            (r.title.as_deref(), r.organization.as_deref()),
            (
                Some("director of U.S. rate strategy"),
                Some("Mitsubishi UFJ Securities")
            )
        );
        let r = parse_role("a professor of economics at Harvard University").unwrap();
        assert_eq!(r.title.as_deref(), Some("professor of economics"));
        assert_eq!(r.organization.as_deref(), Some("Harvard University"));
    }

    #[test]
    fn speaker_after_the_quotation_with_appositive_and_told() {
        let a = &read(
            "“It could be pivotal,” Vijayasimha Alilughatta, chief operating officer of tech services provider Zensar, told Reuters.",
        )[0];
        assert_eq!(a.speaker.as_deref(), Some("Vijayasimha Alilughatta"));
        assert_eq!(a.title.as_deref(), Some("chief operating officer"));
        assert_eq!(a.organization.as_deref(), Some("Zensar"));
        assert_eq!(a.medium, Some(Medium::Told));
        assert_eq!(a.told_to.as_deref(), Some("Reuters"));
    }

    #[test]
    fn cue_before_the_speaker_and_titles_before_names() {
        let a = &read("“We are ready,” said Zensar CEO Ajay Bhandari.")[0];
        assert_eq!(a.speaker.as_deref(), Some("Ajay Bhandari"));
        assert_eq!(a.title.as_deref(), Some("CEO"));
        assert_eq!(a.organization.as_deref(), Some("Zensar"));
        assert_eq!(a.medium, None);
        let a = &read("Sen. Ted Cruz said: “Not today.”")[0];
        assert_eq!(a.speaker.as_deref(), Some("Ted Cruz"));
        assert_eq!(a.title.as_deref(), Some("Sen."));
    }

    #[test]
    fn pronouns_and_surnames_resolve_to_the_full_name() {
        let text = "“First,” Songyee Yoon, founder of Acme, said in an email.\n“Second,” Yoon said.\nAnd she added that it was “a third thing entirely.”";
        let all = read(text);
        assert_eq!(all.len(), 3);
        for a in &all {
            assert_eq!(a.speaker.as_deref(), Some("Songyee Yoon"), "{a:?}");
            assert_eq!(a.organization.as_deref(), Some("Acme"));
        }
        assert_eq!(all[0].medium, Some(Medium::Email));
        assert_eq!(all[1].medium, None);
    }

    #[test]
    fn a_role_without_a_name_is_kept_as_a_claim() {
        let a =
            &read("Alibaba’s COO said the launch “could be a pivotal moment in the AI industry.”")
                [0];
        assert_eq!(a.speaker, None);
        assert_eq!(a.organization.as_deref(), Some("Alibaba"));
        assert_eq!(a.title.as_deref(), Some("COO"));
        assert_eq!(a.medium, None);
    }

    #[test]
    fn according_to_and_media() {
        let a = &read("According to Ann Lee, “the numbers are wrong.”")[0];
        assert_eq!(a.speaker.as_deref(), Some("Ann Lee"));
        for (text, medium) in [
            ("“Yes,” Bo Li said in a statement.", Medium::Statement),
            ("“Yes,” Bo Li said in a speech at Harvard.", Medium::Speech),
            ("“Yes,” Bo Li wrote on Twitter.", Medium::Post),
            (
                "“Yes,” Bo Li said in an interview with CNN.",
                Medium::Interview,
            ),
            ("“Yes,” Bo Li tweeted.", Medium::Post),
        ] {
            assert_eq!(read(text)[0].medium, Some(medium), "{text}");
        }
    }

    #[test]
    fn no_cue_means_no_speaker_and_says_so() {
        let a = &read("The slogan “Make it so” was everywhere.")[0];
        assert_eq!(a.speaker, None);
        assert!(
            a.note.as_deref().unwrap().contains("no attribution"),
            "{a:?}"
        );
    }

    #[test]
    fn a_quotation_broken_by_its_attribution_keeps_the_speaker() {
        let all = read("“We are ready,” Ann Lee said. “The rest is up to them.”");
        assert_eq!(all[1].speaker.as_deref(), Some("Ann Lee"));
    }
}
