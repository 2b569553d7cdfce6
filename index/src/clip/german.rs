//! German: a title is a noun, capitalised like a name, told by its ending; a role's
//! organization follows a genitive article or "bei", "am", "von", or is joined to the title.
//! Read by [`super::languages`].

/// German capitalises every noun: a word ending in one of the profile's `[title endings]` is a
/// title, not a name ("Bundesfinanzminister Lindner", "Regierungssprecher Steffen Hebestreit").
static GERMAN_TITLES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    super::profile::Profile::of("de")
        .expect("the German profile is compiled in")
        .words("title endings")
        .to_vec()
});

/// Whether a German word is a title by its ending ("Bundesfinanzminister",
/// "Vorstandsvorsitzende").
pub(super) fn is_german_title(word: &str) -> bool {
    let word = word.to_lowercase();
    GERMAN_TITLES.iter().any(|t| word.ends_with(t))
}

/// A German role's organization: after "bei", "beim", "am", "vom" or "von" ("Chefärztin der
/// Notaufnahme am Klinikum Augsburg"), after a genitive "der"/"des" ("Vorstandsvorsitzende der
/// Commerzbank"), or an abbreviation joined to the title ("EVG-Vorsitzende", "DWD-Meteorologe").
pub(super) fn german_organization(words: &[&str]) -> Option<(Option<String>, Option<String>)> {
    let capitalised = |w: &&str| w.starts_with(char::is_uppercase);
    // Where the title ends and the organization starts. (An article may follow the
    // preposition: "Bankenanalyst bei der DZ Bank".)
    let split = words
        .iter()
        .rposition(|w| ["bei", "beim", "am", "vom", "von"].contains(w))
        .filter(|&p| p > 0)
        .map(|p| {
            let article = words
                .get(p + 1)
                .is_some_and(|w| ["der", "des", "dem", "den", "die"].contains(w));
            (p, p + 1 + usize::from(article))
        })
        .filter(|&(_, org)| words.get(org).is_some_and(capitalised))
        .or_else(|| {
            words
                .iter()
                .position(|w| ["der", "des"].contains(w))
                .filter(|&i| i > 0 && words.get(i + 1).is_some_and(capitalised))
                .map(|i| (i, i + 1))
        });
    if let Some((end, org)) = split {
        return Some((Some(words[..end].join(" ")), Some(words[org..].join(" "))));
    }
    // ("Sachsens Wirtschaftsminister": the place is the organization.)
    if let [place, title] = words
        && let Some(place) = place.strip_suffix('s')
        && place.starts_with(char::is_uppercase)
        && is_german_title(title)
    {
        return Some((Some((*title).to_owned()), Some(place.to_owned())));
    }
    if let [one] = words
        && let Some((org, title)) = one.split_once('-')
        && org.len() >= 2
        && org.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && title.starts_with(char::is_uppercase)
    {
        return Some((Some(title.to_owned()), Some(org.to_owned())));
    }
    None
}
