//! A quotation chosen by the reader: the words selected on a page ("Save quote to OnRecord"
//! in the browser's context menu). When they lie inside one of the article's quotations (or
//! hold one), the saved quote is that quotation, with the speaker the article gives it. Words
//! quoted nowhere in the article become the quotation themselves, attributed as if the
//! article had put them in quotation marks, so that "the minister said" around them still
//! names the minister.

use super::{Article, Candidate, Clip, clip_article};
use crate::error::{Error, Result};

/// The clip of `article` holding only the quotation the selection stands for.
pub fn clip_selection(article: Article, selection: &str) -> Result<Clip> {
    let wanted = Folded::new(selection.trim().trim_matches(QUOTE_MARKS));
    if wanted.text.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
        return Err(Error::invalid(
            "the selection holds no words; select the words of the quotation",
        ));
    }
    let clip = clip_article(article.clone());
    // Inside one of the article's quotations, or holding one whole: that quotation.
    if let Some(found) = clip.quotes.iter().find(|c| {
        let quoted = Folded::new(&c.text).text;
        quoted.contains(&wanted.text) || wanted.text.contains(&quoted)
    }) {
        return Ok(Clip {
            quotes: vec![found.clone()],
            unclosed: Vec::new(),
            article: clip.article,
            format: clip.format,
        });
    }
    let text = Folded::new(&clip.article.text);
    let Some(at) = text.text.find(&wanted.text) else {
        return Err(Error::invalid(
            "the selected words are not in the article's text (a caption, a menu or another \
             page?); select words of the article",
        ));
    };
    // Character offsets of the selection in the article's own text.
    let start = text.origin[text.text[..at].chars().count()];
    let end = text.origin[text.text[..at + wanted.text.len()].chars().count() - 1] + 1;
    let chars: Vec<char> = clip.article.text.chars().collect();
    let words: String = chars[start..end].iter().collect();
    // Read as if the article had quoted the words.
    let mut marked: String = chars[..start].iter().collect();
    marked.push('“');
    marked.push_str(&words);
    marked.push('”');
    marked.extend(&chars[end..]);
    let attributed = clip_article(Article {
        text: marked,
        ..clip.article.clone()
    })
    .quotes
    .into_iter()
    .find(|c| c.start == start + 1 && c.end == end + 1);
    let candidate = match attributed {
        Some(c) => Candidate {
            start,
            end,
            note: Some(match &c.speaker {
                Some(_) => {
                    "the selected words, attributed as the article's sentence gives them".to_owned()
                }
                None => c
                    .note
                    .clone()
                    .unwrap_or_else(|| "no one is named for the selected words".to_owned()),
            }),
            ..c
        },
        None => Candidate {
            id: None,
            text: words,
            speaker: None,
            co_speakers: Vec::new(),
            title: None,
            organization: None,
            organization_description: None,
            medium: crate::model::Medium::Said,
            told_to: None,
            said_on: clip.article.published,
            start,
            end,
            locator: Some(crate::model::Locator::Chars {
                chars: [start, end],
            }),
            language: clip
                .article
                .language
                .clone()
                .unwrap_or_else(|| "en".to_owned()),
            mention: None,
            cue: None,
            note: Some("no one is named for the selected words; give the speaker".to_owned()),
            tags: Vec::new(),
        },
    };
    Ok(Clip {
        quotes: vec![candidate],
        unclosed: Vec::new(),
        article: clip.article,
        format: clip.format,
    })
}

const QUOTE_MARKS: &[char] = &['"', '“', '”', '„', '«', '»', '‘', '’', '\'', '「', '」'];

/// A text as a selection is compared with it: white space collapsed to one space, curly
/// apostrophes and quotation marks made straight, and for each character the offset of the
/// character it came from.
struct Folded {
    text: String,
    origin: Vec<usize>,
}

impl Folded {
    fn new(s: &str) -> Folded {
        let mut text = String::with_capacity(s.len());
        let mut origin = Vec::with_capacity(s.len());
        let mut space = false;
        for (i, c) in s.chars().enumerate() {
            if c.is_whitespace() {
                space = !text.is_empty();
                continue;
            }
            if space {
                text.push(' ');
                origin.push(i - 1);
                space = false;
            }
            text.push(match c {
                '’' | '‘' | '`' => '\'',
                '“' | '”' | '„' | '«' | '»' => '"',
                '—' | '–' => '-',
                c => c,
            });
            origin.push(i);
        }
        Folded { text, origin }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article {
            title: None,
            byline: None,
            published: None,
            site_name: None,
            language: Some("en".into()),
            url: None,
            text: text.into(),
        }
    }

    #[test]
    fn a_selection_inside_a_quotation_is_that_quotation_with_its_speaker() {
        let text = "Ports reopened on Monday.\n\n“We expect the backlog to clear by Friday, and \
                    then we will see,” said Maria Lopez, the port’s director.";
        let clip = clip_selection(article(text), "backlog to\n clear by Friday").unwrap();
        let q = &clip.quotes[0];
        assert_eq!(q.speaker.as_deref(), Some("Maria Lopez"));
        assert!(q.text.starts_with("We expect the backlog"), "{q:?}");
    }

    #[test]
    fn unquoted_words_are_attributed_as_their_sentence_gives_them() {
        let text = "Ports reopened on Monday.\n\nThe backlog will clear by Friday, said Maria \
                    Lopez, the port’s director.";
        let clip = clip_selection(article(text), "The backlog will clear by Friday").unwrap();
        let q = &clip.quotes[0];
        assert_eq!(q.text, "The backlog will clear by Friday");
        assert_eq!(q.speaker.as_deref(), Some("Maria Lopez"));
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(
            chars[q.start..q.end].iter().collect::<String>(),
            "The backlog will clear by Friday"
        );
    }

    #[test]
    fn words_not_in_the_article_or_no_words_are_refused() {
        let text = "Ports reopened on Monday.";
        assert!(clip_selection(article(text), "Subscribe now").is_err());
        assert!(clip_selection(article(text), " “ ” ").is_err());
    }
}
