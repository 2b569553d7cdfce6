//! Titles in a comparable form, so that "Sen." is "senator", "CEO" "chief executive officer"
//! and "the congressman" a representative: how `check` compares a draft's title with the one
//! recorded, and how clipping finds whom "the senator said" means.

/// Title words in a comparable form: abbreviations expanded, case and "former" dropped.
pub(crate) fn title_words(title: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in title.split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == '-') {
        let w = raw
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
            .to_lowercase();
        let expanded: &[&str] = match w.trim_end_matches('.') {
            "ceo" => &["chief", "executive", "officer"],
            "coo" => &["chief", "operating", "officer"],
            "cfo" => &["chief", "financial", "officer"],
            "cto" => &["chief", "technology", "officer"],
            "cio" => &["chief", "information", "officer"],
            "cmo" => &["chief", "marketing", "officer"],
            "sen" | "senator" => &["senator"],
            "rep" | "representative" | "congressman" | "congresswoman" => &["representative"],
            "gov" | "governor" => &["governor"],
            "prof" | "professor" => &["professor"],
            "pres" | "president" => &["president"],
            "vp" => &["vice", "president"],
            "gen" | "general" => &["general"],
            "sec" | "secy" | "secretary" => &["secretary"],
            "atty" | "attorney" => &["attorney"],
            "" | "former" | "the" | "and" | "of" | "a" | "an" | "u.s" | "us" | "state" => &[],
            other => {
                out.push(other.to_owned());
                continue;
            }
        };
        out.extend(expanded.iter().map(|s| (*s).to_owned()));
    }
    // "chief executive" is the chief executive officer.
    if out.ends_with(&["chief".to_owned(), "executive".to_owned()]) {
        out.push("officer".into());
    }
    out
}

/// Whether `word` is a title's abbreviation written in capitals: "CEO", "COO", "VP".
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let letters = word.trim_end_matches('.');
    letters.len() >= 2
        && letters.chars().all(|c| c.is_ascii_uppercase())
        && title_words(word) != [letters.to_lowercase()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_in_their_other_forms_compare_equal() {
        for (a, b) in [
            ("Sen.", "senator"),
            ("CEO", "chief executive"),
            ("congressman", "Rep."),
            ("Sec. of State", "secretary of state"),
            ("former President", "president"),
        ] {
            assert_eq!(title_words(a), title_words(b), "{a} / {b}");
        }
        assert_ne!(title_words("senator"), title_words("governor"));
    }

    #[test]
    fn an_abbreviation_is_a_titles_not_a_bodys() {
        assert!(is_abbreviation("CEO"));
        assert!(is_abbreviation("VP"));
        assert!(!is_abbreviation("IMF"));
        assert!(!is_abbreviation("GOP"));
        assert!(!is_abbreviation("Ceo"));
    }
}
