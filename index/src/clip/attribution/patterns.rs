//! The regular expressions that read an English attribution: cue verbs, names, roles, and the shapes before and after a quotation.

use super::*;

/// Every reporting verb or phrase (the English profile's `[cues]`).
pub(super) static CUES: Alternation = Alternation::new(|| alternation("cues"));

/// Whether `word` is a verb that introduces or follows a quotation ("said", "chanted",
/// "saying").
pub(crate) fn is_cue_word(word: &str) -> bool {
    static WORDS: LazyLock<std::collections::HashSet<&'static str>> =
        LazyLock::new(|| CUES.split('|').collect());
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

pub(super) fn is_particle(w: &str) -> bool {
    particles!().split('|').any(|p| p == w)
}

/// A surname with the particles that lead it ("van Sebille", "de la Cruz"), or one word: what
/// a person may be called by alone.
pub(super) fn is_one_name(name: &str) -> bool {
    let mut words = name.split_whitespace().rev();
    words.next().is_some() && words.all(is_particle)
}

/// Participles that introduce a quotation: “…,” she said, adding, “…” / Trump attacked Clinton,
/// saying, “…” / footage of Trump saying, “…”.
pub(super) static PARTICIPLES: Alternation = Alternation::new(|| alternation("participles"));

/// A name: capitalised words, initials ("G.K."), or abbreviations that keep their full stop
/// ("Jr.", "Sen."). A capitalised word never takes a full stop: "Clinton." ends a sentence.
/// No name runs across a line break ("Notebook¶Thomas Perez": a heading, then a name); nor
/// do the roles and descriptions below.
pub(super) const NAME: &str = concat!(
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
pub(super) const ORG_AFTER: &str = concat!(
    r"(?:[^\S\n]+(?:of|at|with|from)[^\S\n]+(?:the[^\S\n]+)?(?:\p{Lu}[\p{L}\p{M}’'&\-]*|\d{1,3}(?:st|nd|rd|th))",
    r"(?:[^\S\n]+(?:(?:of|and|for|in|on|the|de|&)[^\S\n]+)*\p{Lu}[\p{L}\p{M}’'&\-]*){0,8})"
);
/// An appositive after the speaker a cue came before, to its comma or the sentence's end
/// (initials inside it end nothing: "an organizer with D.C. Ferguson").
pub(super) const APPOS_TO_END: &str =
    r"(?:\s*,\s*(?P<appos>(?:\p{Lu}\.|[^,“”«»\x22])+?)\s*(?:,|\.(?:\s|$)|$))?";
/// The particle that leads a surname used alone: “…,” said van Sebille.
pub(super) const PARTICLE_LED: &str = concat!("(?:(?:(?:", particles!(), r")[^\S\n]+){1,2})");
/// A name with a role in front of it, partly lower case: "Tulsa police Chief Chuck Jordan",
/// "White House press secretary Josh Earnest", "campaign spokesman Jason Miller".
pub(super) const ROLE_NAME: &str = concat!(
    r"(?:\p{Lu}[\p{L}’'.\-]*[^\S\n]+){0,3}(?:[a-z][\p{L}’'\-]*[^\S\n]+){0,3}",
    // ("co-CEO", "vice-chair": a prefix on the title's word.)
    r"(?:[Cc]o-|[Vv]ice-)?(?:[Cc]hief|[Ss]pokes(?:man|woman|person)|[Ss]ecretary|[Dd]irector|[Oo]fficer|[Aa]dvis[eo]r|[Pp]resident|CEO|CFO|COO|[Cc]hair(?:man|woman)?|[Mm]anager|[Aa]nalyst|[Pp]rofessor|[Ll]eader|[Aa]ttorney|[Gg]eneral|[Cc]ommissioner|[Mm]ayor|[Jj]udge|[Gg]overnor|[Ss]enator|[Ee]conomist|[Ss]trategist|[Ff]ounder|[Pp]artner|[Ee]xecutive|[Ee]ditor|[Cc]andidate|[Nn]ominee|[Aa]ide|[Pp]ollster|[Cc]oach|[Aa]dministrator|[Ss]uperintendent|[Tt]reasurer|[Cc]omptroller|[Cc]ounsel|[Cc]oordinator|[Mm]inister|Rep\.|Sen\.|Gov\.|Dr\.)[^\S\n]+",
    r"(?:(?:\p{Lu}\.){1,3}|\p{Lu}[\p{L}\p{M}'’\-]*)(?:[^\S\n]+(?:(?:\p{Lu}\.){1,3}|\p{Lu}[\p{L}\p{M}'’\-]*)){0,3}",
    r"(?:[^\S\n]*\([^()]{1,24}\))?"
);
/// A title "of" something before a name: "Secretary of State John F. Kerry", "Minister of
/// Finance Ana Lopez" (the capitalised run holds what the title is of and the name).
pub(super) const TITLE_OF_NAME: &str = concat!(
    r"(?:\p{Lu}\p{Ll}+[^\S\n]+){1,2}of[^\S\n]+(?:the[^\S\n]+)?",
    r"\p{Lu}[\p{L}\p{M}'’\-]*(?:[^\S\n]+(?:(?:\p{Lu}\.){1,3}|\p{Lu}[\p{L}\p{M}'’\-]*)){2,5}"
);
/// Any few words of description before a name of two to six capitalised words: "former Obama
/// adviser David Axelrod", "retired neurosurgeon Ben Carson", "the Rev. Peter Wherry", "former
/// secretary of state Hillary Clinton". The description is as short as the match allows, the
/// name as long: `split_pre_name` then tells title and organization from the name.
pub(super) const ROLE_ANY: &str = concat!(
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
pub(super) const THE_ORG: &str =
    r"the\s+\p{Lu}[\p{L}\-]*(?:\s+(?:(?:of|for|and|on|the|&)\s+){0,2}\p{Lu}[\p{L}\-]*){0,4}";
pub(super) const PRONOUN: &str = r"[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ii]t";
/// A role owned by a name: "Sanders's campaign manager" (the name usually follows in an
/// appositive: ", Jeff Weaver,").
/// (An abbreviated title inside the owner's name: "California Rep. Duncan Hunter's chief of
/// staff".)
/// A role whose owner is a pronoun, before the name in an appositive: "its logistics director,
/// (Petra Vogel)".
pub(super) const POSS_PRONOUN_ROLE: &str =
    r"(?:its|their|his|her)\s+\p{Ll}[\p{L}\-]*(?:\s+\p{Ll}[\p{L}\-]*){0,3}";
pub(super) const POSS_ROLE: &str = r"\p{Lu}[\p{L}\p{M}\-]*\.?(?:\s+\p{Lu}[\p{L}\p{M}\-]*\.?){0,3}[’']s(?:\s+\p{Ll}[\p{L}\-]*){1,4}(?:\s+of(?:\s+\p{Lu}[\p{L}\p{M}\-]*){1,3}(?:\s+\p{Ll}[\p{L}\-]*){0,2})?";
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
pub(super) static PARTY_MEMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(concat!("^(?:", party_members!(), ")$")).expect("valid regex"));

/// `NOMINAL` taking as many words as it can, for "said a former senior official."
pub(super) const NOMINAL_GREEDY: &str = concat!(
    r"(?i:",
    determiners!(),
    r")(?:\s+[\p{L}\d’'\-]+){0,6}\s+(?:(?:\p{Ll}|\d+-)[\p{L}\-]*|(?:CEO|CFO|COO|CTO|CIO|",
    party_members!(),
    r")\b)"
);
/// A source the text describes but does not name: "a former senior law enforcement official",
/// "the congressional report", "one former GOP leadership aide". Ends in a lower-case word
/// or a title's abbreviation ("the CEO").
pub(super) const NOMINAL: &str = concat!(
    r"(?i:",
    determiners!(),
    r")(?:\s+[\p{L}\d’'\-]+){0,6}?\s+(?:(?:\p{Ll}|\d+-)[\p{L}\-]*|(?:CEO|CFO|COO|CTO|CIO|",
    party_members!(),
    r")\b)"
);
/// A source described as someone of an organization: "a spokeswoman for Acme", "a senior
/// official at the Federal Trade Commission", "the head of the IMF".
pub(super) static NOMINAL_OF_ORG: LazyLock<String> = LazyLock::new(|| {
    // (The noun names a person: "one Democrat familiar with the Clinton campaign" is none.)
    let nouns: Vec<&str> = TITLE_WORDS
        .iter()
        .chain(TITLE_KEYWORDS.iter())
        .chain(PEOPLE_WORDS.iter())
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
pub(super) const SOURCE_DESCRIBED: &str = concat!(
    r"(?i:",
    determiners!(),
    r")(?:\s+[\p{L}\d’'\-]+){0,5}?\s+(?:spokes(?:man|woman|person)|officials?|aides?|sources?|reports?|statements?|study|studies|surveys?|polls?|documents?|memos?|letters?|filings?|complaints?|release|analysis|data|lawyers?|attorneys?|people|persons?|experts?|analysts?|police|prosecutors?|investigators?|witnesses|witness|researchers|scientists|estimates?|figures|records|emails?|transcripts?|newspaper|paper|magazine|website|campaign|company|agency|group|government|administration|department|ministry|office|committee)\b"
);
/// "an angry Hollande retaliated", "A flabbergasted Noah quipped": the mood a person is in,
/// before their name, is no part of it; nor is their age ("17-year-old Jared Potts echoed:").
pub(super) const A_MOOD: &str = r"(?P<mood>[Aa]n?\s+\p{Ll}[\p{L}\-]*\s+|\d{1,3}-year-old\s+)?";
pub(super) static ADVERBS: Alternation = Alternation::new(|| {
    format!(
        r"(?:(?:{}|\p{{Ll}}{{2,}}ly)\s+)*",
        alternation("adverbials")
    )
});

pub(super) static AFTER_SPEAKER_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[,.;:]?\s*(?:[—–-]+\s*)?(?:as\s+)?{A_MOOD}(?P<subj>{ROLE_NAME}|{PARTICLE_LED}?{NAME}{ORG_AFTER}?|{PRONOUN}|{NOMINAL}|{POSS_ROLE}|{POSS_PRONOUN_ROLE}|{ROLE_ANY}|{THE_ORG}|{nominal_of_org})(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?)(?:(?:\s*,\s*[^,“”«»\x22]{{2,120}}?)?\s*(?P<closed>,))?)?\s+{ADVERBS}(?P<cue>{CUES})\b(?P<rest>[^“«\x22]*)",
        nominal_of_org = &*NOMINAL_OF_ORG,
    ))
    .expect("valid regex")
});

/// An organization's role in lower case, which a name may follow: "CNN meteorologist (Todd
/// Borek)", "Reuters correspondent (Jane Smith)". The role ends on a title's noun.
pub(super) static ORG_TITLE: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"\p{{Lu}}[\p{{L}}\p{{M}}&\-]*(?:[^\S\n]+\p{{Lu}}[\p{{L}}\p{{M}}&\-]*){{0,3}}(?:[^\S\n]+\p{{Ll}}[\p{{L}}\-]*){{0,2}}?[^\S\n]+(?:{}|\p{{Ll}}+(?:{}))\b",
        TITLE_KEYWORDS.join("|"),
        OCCUPATION_ENDINGS.join("|")
    )
});

/// Cue verbs that may come before their speaker: “…,” said Smith / “…” tweeted Prince Alwaleed.
pub(super) static CUE_FIRST: Alternation =
    Alternation::new(|| alternation("cues before the speaker"));

pub(super) static AFTER_CUE_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    // (Past the default size limit, with every shape of a speaker after the cue.)
    regex::RegexBuilder::new(&format!(
        r"^\s*[,.;:]?\s*(?:[—–-]+\s*)?(?P<cue>{CUE_FIRST})\s+(?P<subj>{TITLE_OF_NAME}|{ROLE_NAME}|{org_title}(?:[^\S\n]+{NAME})?|{NAME}[^\S\n]+and[^\S\n]+{NAME}|{POSS_ROLE}|{PARTICLE_LED}?{NAME}{ORG_AFTER}?|he|she|they|{nominal_of_org}|{NOMINAL_GREEDY}|{ROLE_ANY}){APPOS_TO_END}(?P<rest>[^“«\x22]*)",
        nominal_of_org = &*NOMINAL_OF_ORG,
        org_title = &*ORG_TITLE,
    ))
    .size_limit(32 << 20)
    .build()
    .expect("valid regex")
});

pub(super) static AFTER_ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[,.;:]?\s*(?P<cue>according to)\s+(?P<subj>{THE_ORG}|{NAME}|{SOURCE_DESCRIBED}){APPOS_TO_END}(?P<rest>[^“«\x22]*)"
    ))
    .expect("valid regex")
});

/// “…” ― Pamela Padilla; “…” – Jennifer Lawrence http://t.co/…: a signature after the
/// quotation, the name and an appositive, then nothing but a link, a handle or a date ("– I
/// CAN talk." is no signature).
pub(super) static AFTER_DASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[,.]?\s*[―—–]+\s*(?P<subj>{NAME})(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?))?\s*(?P<cue>)(?P<rest>(?:[\s.,;!?)]|https?://\S+|pic\.twitter\.com/\S+|\(@\w+\)|\p{{Lu}}\p{{Ll}}+\.?\s+\d{{1,2}},?\s+\d{{4}})*)$"
    ))
    .expect("valid regex")
});

/// “…” ¶ - Bernie Sanders. — a paragraph that only signs the quotation above it, as fact
/// checks and epigraphs do.
pub(super) static SIGNED_BELOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[-―—–]+\s*(?P<subj>{ROLE_NAME}|{NAME})(?:\s*,\s*(?P<appos>[^,“”«»\x22\n]{{2,200}}?))?\s*\.?(?P<cue>)(?P<rest>)$"
    ))
    .expect("valid regex")
});

/// "his wife, " / "the senator's chief of staff, " — someone's relative or aide, whose name
/// follows.
pub(super) static WHOSE_ROLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir)|\p{L}[’']s)\s+(?:\p{Ll}+\s+){0,3}\p{Ll}+,\s*$")
        .expect("valid regex")
});

/// … from Mike Lee, who declared in the debate spin room, “…” — a relative clause whose verb
/// is the cue.
pub(super) static BEFORE_WHO_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[\s(])(?P<subj>{NAME}),\s+who\s+{ADVERBS}(?P<cue>{CUES})\b(?P<rest>[^“”«»\x22]*?)[,:]\s*$"
    ))
    .expect("valid regex")
});

/// Perez says too many women are torn by guilt. “…” — a sentence whose subject says
/// something, right before a quotation that opens the next sentence of the paragraph.
pub(super) static PRIOR_SAYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:(?:But|And|However|Still|Yet|Later|Meanwhile|Instead|So|Now|Then)\s+|[^,“”«»\x22]{{2,80}},\s+)?(?P<subj>{ROLE_NAME}|{NAME}|[Hh]e|[Ss]he)(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?)\s*,)?\s+{ADVERBS}(?P<cue>{CUES}|disagreed|disagrees|summed up|sums up)\b(?P<rest>[^“”«»\x22]*)\.\s*$"
    ))
    .expect("valid regex")
});

/// “…” for criminal behavior, she said.
pub(super) static AFTER_LATER_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[^“”«»\x22.!?]{{1,120}}?,\s*(?P<subj>{ROLE_NAME}|{NAME}|{PRONOUN})(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?)\s*,)?\s+{ADVERBS}(?P<cue>{CUES})\b(?P<rest>[^“«\x22]*)"
    ))
    .expect("valid regex")
});

/// “For rank-and-file teachers, he’s saying the right things” about fixing inequality, said
/// Marla Kilfoyle, … — a partial quotation whose sentence goes on to the cue.
pub(super) static AFTER_LATER_CUE_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[^“”«»\x22.!?]{{1,160}}?,\s*(?P<cue>{CUE_FIRST})\s+(?P<subj>{ROLE_NAME}|{NAME}|{NOMINAL_GREEDY}){APPOS_TO_END}(?P<rest>[^“«\x22]*)"
    ))
    .expect("valid regex")
});

pub(super) static BEFORE_SPEAKER_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:(?:But|And|However|Still|Yet|Later|Meanwhile|Earlier|Instead|So|Now|Then|As),?\s+|(?:Asked about [^,]+|(?P<doc>In [^,]+)),\s+|(?:Asked about|In) [^,]+?\s+|[^“”«»\x22]{{0,400}}?(?:(?:,\s+(?:and|but)|,|\s[―—–]|\sthat|\s(?:to\s+)?which|\s\p{{Ll}}[\p{{L}}’'\-]*\s+(?:and|but))\s+|\s\())?{A_MOOD}(?P<subj>{ROLE_NAME}|{NAME}|{PRONOUN}|{NOMINAL}|{POSS_ROLE}|{ROLE_ANY}|{nominal_of_org}|{THE_ORG})(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?)(?:\s*,\s*[^,“”«»\x22]{{2,120}}?)?\s*,)?\s+{ADVERBS}(?P<cue>{CUES})\b(?P<rest>[^“«\x22]*)$",
        nominal_of_org = &*NOMINAL_OF_ORG,
    ))
    .expect("valid regex")
});

/// Sanders was asked by host Bill Maher, who …, “…” — the passive's agent asked it.
pub(super) static BEFORE_ASKED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:was|were|is|are|being)\s+(?P<cue>asked|told|questioned|pressed|urged|warned)\s+by\s+(?P<subj>{ROLE_NAME}|{NAME}|{ROLE_ANY})(?:\s*,\s*(?P<appos>(?:who|a|an|the)\s[^“”«»\x22]{{2,200}}?))?\s*[,:]\s*(?P<rest>)$"
    ))
    .expect("valid regex")
});

/// Said Ellis: “…” / Concluded the researchers: “…”
pub(super) static BEFORE_CUE_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?P<cue>Said|Says|Added|Adds|Wrote|Writes|Asked|Explained|Noted|Concluded|Recalled|Warned|Quipped|Continued)\s+(?P<subj>{ROLE_NAME}|{NAME}|{NOMINAL_GREEDY})(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?))?\s*[:,]\s*(?P<rest>)$"
    ))
    .expect("valid regex")
});

/// Trump tweeted this: “…” / Sanders stepped up his emphasis, saying, “…” — the subject of the
/// sentence that introduces the quotation with a colon or a speech participle, after any
/// introductory phrase ("During a speech, Trump attacked Clinton, saying, “…”"), or with a
/// document that says it ("Amazon released a statement saying, “…”").
pub(super) static BEFORE_SUBJECT_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:(?:(?:But|And|However|Still|Yet|Later|Meanwhile|Earlier|Instead|So|Now|Then)(?:\s+then)?|(?:In|During|After|Before|With|Without|Amid|Despite|Following|At|On|From|Since|While|When|As|Asked|Speaking|Last|This|Here|But back) [^,“”«»\x22]+),?\s+)?{A_MOOD}(?P<subj>{ROLE_NAME}|{NAME}|[Hh]e|[Ss]he)(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?)\s*,)?\s+{ADVERBS}(?P<cue>\p{{Ll}}+)\b(?P<rest>(?:[^“«\x22:]|:\d)*?)(?::|,\s*(?:(?:telling|asking|calling)(?:\s+[^\s,“”«»\x22]+){{1,4}}|{PARTICIPLES})\s*,?|(?P<doc>\s(?:statement|letter|tweet|message|e-?mail|note|memo|release|post|video)s?)\s+(?:saying|stating|reading)\s*[,:]?|,?\s+(?:and|then|but)\s+{ADVERBS}(?:{CUE_FIRST}|adding|saying|(?:told|asked)(?:\s+[^\s,“”«»\x22]+){{1,4}})\s*,)\s*$"
    ))
    .expect("valid regex")
});

/// Trump attacked “the hateful ideology of radical Islam” / Ted Nordhaus, co-founder of the
/// Breakthrough Institute, welcomed “the recognition that…” — a partial quotation its subject's
/// verb takes as its object: the subject's words; also what the verb calls its object
/// ("Robinson dismissed the march as “…”", "the Church accused the LCWR of “…”").
pub(super) static BEFORE_SUBJECT_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:(?:In|During|After|Before|At|On|Since|While|When|As|Last|This|But|And|Later|Earlier) [^,“”«»\x22]+,\s+)?(?P<subj>{ROLE_NAME}|{NAME}|[Hh]e|[Ss]he)(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?)\s*,)?\s+{ADVERBS}(?P<cue>\p{{Ll}}+(?:ed|es))(?P<rest>\s+[^“”«»\x22.!?]{{1,60}}?\s+(?:as|of))?\s*$"
    ))
    .expect("valid regex")
});

/// … doesn’t surprise Republican pollster Daron Shaw: “…” — a name ending the introduction.
pub(super) static BEFORE_NAME_COLON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\s(?P<subj>{ROLE_NAME}|{NAME})(?P<cue>)\s*:\s*(?P<rest>)$"
    ))
    .expect("valid regex")
});

/// … footage of Trump saying during the debate, “…” — someone seen or heard saying it, in the
/// object of a sentence about something else; also "…, with Trump reportedly yelling: “…”".
pub(super) static BEFORE_SEEN_SAYING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|\s)(?:(?P<with>with)|of|shows?|showed|showing|features?|featured|featuring|hear|heard|hears|see|saw|sees|watch|watched)\s+(?P<subj>{ROLE_NAME}|{NAME})\s+{ADVERBS}(?P<cue>{PARTICIPLES})\b(?P<rest>[^“”«»\x22.!?]{{0,120}}?)[,:]?\s*$"
    ))
    .expect("valid regex")
});

/// Clinton: “…” — a name as a speaker's label, as in transcripts and side-by-side quotes.
pub(super) static BEFORE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[.!?”\x22]\s+)(?P<subj>{NAME})(?P<cue>)\s*:\s*(?P<rest>)$"
    ))
    .expect("valid regex")
});

pub(super) static BEFORE_ACCORDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|\s)(?P<cue>[Aa]ccording to)\s+(?P<subj>{THE_ORG}|{NAME}|{SOURCE_DESCRIBED})(?:\s*,\s*(?P<appos>[^,“”«»\x22]{{2,200}}?)\s*)?,\s*$"
    ))
    .expect("valid regex")
});
