//! The search box language, parsed into a small tree before it meets Tantivy, so that every
//! mistake a user can type gets an error that names it and where it is.
//!
//! ```text
//! pivotal moment              both words (AND is implied)
//! "pivotal moment"            the exact phrase
//! zensar OR infosys           either;  NOT / -word excludes;  ( ) group
//! speaker:yoon  speaker:"songyee yoon"   (names are typo tolerant)
//! org:zensar  title:coo  outlet:reuters  tag:ai  lang:zh  medium:email
//! after:2025-01-01  before:2025-06  year:2025  date:2025-03
//! ```
//! `after:` includes its date, `before:` excludes its own (`after:2025-03-01 before:2025-03-02`
//! is that one day). Dates may be a year, a month or a day.

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};
use crate::model::Medium;

/// A field a query can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Speaker,
    Organization,
    Title,
    Outlet,
    Tag,
    Story,
    Language,
    Medium,
    /// The source's kind (`kind:interview`, `kind:document`).
    Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// All of these.
    And(Vec<Node>),
    /// Any of these.
    Or(Vec<Node>),
    Not(Box<Node>),
    /// A free word, matched against the text and the attribution.
    Word(String),
    /// An exact phrase in the text.
    Phrase(String),
    /// A word or phrase in one field.
    Field(Field, String),
    /// Dated within `[from, to)`; either end may be open.
    Date {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
    /// Everything (an empty query).
    All,
}

const FIELD_NAMES: &str = "speaker:, org:, title:, outlet:, tag:, story:, lang:, medium:, kind:, after:, before:, year:, date:";

/// Parses a search query. An empty query means "everything".
pub fn parse(input: &str) -> Result<Node> {
    let tokens = lex(input)?;
    if tokens.is_empty() {
        return Ok(Node::All);
    }
    let mut parser = Parser { tokens, pos: 0 };
    let node = parser.or_expr()?;
    if let Some(tok) = parser.peek() {
        // Only a stray ')' can stop the top-level expression early.
        return Err(query_error(
            "this ')' has no matching '('",
            tok.at,
            "remove it or add a '(' before it",
        ));
    }
    Ok(node)
}

fn query_error(message: &str, at: usize, hint: &str) -> Error {
    Error::Query {
        message: message.to_owned(),
        position: at + 1,
        hint: hint.to_owned(),
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    LParen,
    RParen,
    And,
    Or,
    Not,
    Word(String),
    Phrase(String),
    Field(String, String),
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    /// Character position in the input (0-based).
    at: usize,
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '„' | '«' | '「')
}

fn closing_for(c: char) -> &'static [char] {
    match c {
        '“' | '„' => &['”', '“', '"'],
        '«' => &['»'],
        '「' => &['」'],
        _ => &['"', '”'],
    }
}

fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && c != '(' && c != ')' && !is_open_quote(c) && c != '”' && c != '»'
}

fn lex(input: &str) -> Result<Vec<Token>> {
    let chars: Vec<char> = input.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() || c.is_control() {
            i += 1;
            continue;
        }
        let at = i;
        if c == '(' {
            out.push(Token {
                tok: Tok::LParen,
                at,
            });
            i += 1;
            continue;
        }
        if c == ')' {
            out.push(Token {
                tok: Tok::RParen,
                at,
            });
            i += 1;
            continue;
        }
        if is_open_quote(c) {
            let (text, next) = read_phrase(&chars, i)?;
            out.push(Token {
                tok: Tok::Phrase(text),
                at,
            });
            i = next;
            continue;
        }
        if c == '”' || c == '»' || c == '」' {
            return Err(query_error(
                "this closing quotation mark has no opening one",
                at,
                "remove it or add the opening mark",
            ));
        }
        if (c == '-' || c == '!')
            && chars
                .get(i + 1)
                .is_some_and(|n| is_word_char(*n) || is_open_quote(*n) || *n == '(')
        {
            out.push(Token { tok: Tok::Not, at });
            i += 1;
            continue;
        }
        if c == '+' {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_word_char(chars[i]) && chars[i] != ':' {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        let looks_like_field = word.chars().next().is_some_and(char::is_alphabetic)
            && word.chars().all(|c| c.is_alphanumeric() || c == '_')
            // A URL's scheme is not a field.
            && !(chars.get(i + 1) == Some(&'/') && chars.get(i + 2) == Some(&'/'));
        if i < chars.len() && chars[i] == ':' && looks_like_field {
            // A field: its value is a phrase or a word right after the colon.
            i += 1;
            let value = match chars.get(i) {
                Some(q) if is_open_quote(*q) => {
                    let (text, next) = read_phrase(&chars, i)?;
                    i = next;
                    text
                }
                _ => {
                    let vstart = i;
                    while i < chars.len() && is_word_char(chars[i]) {
                        i += 1;
                    }
                    chars[vstart..i].iter().collect()
                }
            };
            out.push(Token {
                tok: Tok::Field(word.to_lowercase(), value),
                at,
            });
            continue;
        }
        // A colon not after a field name (a time, a URL) is part of the word.
        while i < chars.len() && is_word_char(chars[i]) {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        let tok = match word.as_str() {
            "AND" | "&&" => Tok::And,
            "OR" | "||" => Tok::Or,
            "NOT" => Tok::Not,
            _ => Tok::Word(word),
        };
        out.push(Token { tok, at });
    }
    Ok(out)
}

fn read_phrase(chars: &[char], open: usize) -> Result<(String, usize)> {
    let closers = closing_for(chars[open]);
    let mut i = open + 1;
    while i < chars.len() {
        if closers.contains(&chars[i]) {
            let text: String = chars[open + 1..i].iter().collect();
            return Ok((text, i + 1));
        }
        i += 1;
    }
    Err(query_error(
        "this quotation mark is never closed",
        open,
        "add the closing quotation mark, or remove this one to search the words separately",
    ))
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn or_expr(&mut self) -> Result<Node> {
        let mut parts = vec![self.and_expr()?];
        while let Some(Token { tok: Tok::Or, at }) = self.peek().cloned() {
            self.pos += 1;
            if self.at_end_of_group() {
                return Err(query_error(
                    "OR needs something after it",
                    at,
                    "add a word after OR, or remove it",
                ));
            }
            parts.push(self.and_expr()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Node::Or(parts)
        })
    }

    fn at_end_of_group(&self) -> bool {
        matches!(self.peek().map(|t| &t.tok), None | Some(Tok::RParen))
    }

    fn and_expr(&mut self) -> Result<Node> {
        let mut parts = Vec::new();
        loop {
            match self.peek().cloned() {
                None => break,
                Some(Token {
                    tok: Tok::RParen | Tok::Or,
                    at,
                }) => {
                    if parts.is_empty() {
                        let what = if self.peek().map(|t| &t.tok) == Some(&Tok::Or) {
                            (
                                "OR needs something before it",
                                "add a word before OR, or remove it",
                            )
                        } else {
                            (
                                "this ')' has nothing before it",
                                "remove the empty parentheses",
                            )
                        };
                        return Err(query_error(what.0, at, what.1));
                    }
                    break;
                }
                Some(Token { tok: Tok::And, at }) => {
                    self.pos += 1;
                    if parts.is_empty() || self.at_end_of_group() {
                        return Err(query_error(
                            "AND needs something on both sides",
                            at,
                            "add a word on each side of AND, or remove it",
                        ));
                    }
                }
                Some(_) => parts.push(self.unary()?),
            }
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Node::And(parts)
        })
    }

    fn unary(&mut self) -> Result<Node> {
        let Some(token) = self.peek().cloned() else {
            return Err(query_error("the query ends too early", 0, "finish it"));
        };
        if token.tok == Tok::Not {
            self.pos += 1;
            if self.at_end_of_group()
                || matches!(self.peek().map(|t| &t.tok), Some(Tok::Or | Tok::And))
            {
                return Err(query_error(
                    "NOT (or '-') needs something after it",
                    token.at,
                    "put the word to exclude right after it, as in -alibaba",
                ));
            }
            return Ok(Node::Not(Box::new(self.unary()?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Node> {
        let token = self.tokens[self.pos].clone();
        self.pos += 1;
        match token.tok {
            Tok::LParen => {
                if matches!(self.peek().map(|t| &t.tok), Some(Tok::RParen)) {
                    return Err(query_error(
                        "these parentheses are empty",
                        token.at,
                        "put words inside them or remove them",
                    ));
                }
                let inner = self.or_expr()?;
                match self.peek() {
                    Some(Token {
                        tok: Tok::RParen, ..
                    }) => {
                        self.pos += 1;
                        Ok(inner)
                    }
                    _ => Err(query_error(
                        "this '(' is never closed",
                        token.at,
                        "add a ')' after the words it groups, or remove it",
                    )),
                }
            }
            Tok::Word(w) => Ok(Node::Word(w)),
            Tok::Phrase(p) => {
                if p.trim().is_empty() {
                    Err(query_error(
                        "the quotation marks hold nothing",
                        token.at,
                        "put the exact words between them",
                    ))
                } else {
                    Ok(Node::Phrase(p))
                }
            }
            Tok::Field(name, value) => field_node(&name, value, token.at),
            Tok::RParen | Tok::And | Tok::Or | Tok::Not => Err(query_error(
                "unexpected operator",
                token.at,
                "put a word or phrase here",
            )),
        }
    }
}

fn field_node(name: &str, value: String, at: usize) -> Result<Node> {
    let field = match name {
        "speaker" | "by" | "who" => Some(Field::Speaker),
        "org" | "organization" | "organisation" | "employer" => Some(Field::Organization),
        "title" | "role" => Some(Field::Title),
        "outlet" | "publication" => Some(Field::Outlet),
        "tag" => Some(Field::Tag),
        "story" | "collection" => Some(Field::Story),
        "lang" | "language" => Some(Field::Language),
        "medium" => Some(Field::Medium),
        "kind" | "source" => Some(Field::Kind),
        "after" | "before" | "year" | "date" | "on" => None,
        _ => {
            return Err(query_error(
                &format!("there is no field `{name}:`"),
                at,
                &format!(
                    "the fields are {FIELD_NAMES}; to search for the text itself, put it in quotes"
                ),
            ));
        }
    };
    if value.trim().is_empty() {
        return Err(query_error(
            &format!("`{name}:` needs a value right after the colon"),
            at,
            &format!("write it as {name}:value or {name}:\"two words\""),
        ));
    }
    if let Some(field) = field {
        if field == Field::Medium {
            value
                .parse::<Medium>()
                .map_err(|e| query_error(&e.to_string(), at, "pick one of those"))?;
        }
        if field == Field::Kind {
            let kind = value
                .parse::<crate::model::SourceKind>()
                .map_err(|e| query_error(&e.to_string(), at, "pick one of those"))?;
            return Ok(Node::Field(field, kind.as_str().to_owned()));
        }
        return Ok(Node::Field(field, value.trim().to_owned()));
    }
    let (first, next) = date_span(&value).ok_or_else(|| {
        query_error(
            &format!("`{name}:{value}` is not a date"),
            at,
            "write a year, a month or a day: 2025, 2025-03 or 2025-03-01",
        )
    })?;
    Ok(match name {
        "after" => Node::Date {
            from: Some(first),
            to: None,
        },
        "before" => Node::Date {
            from: None,
            to: Some(first),
        },
        "year" if value.len() != 4 => {
            return Err(query_error(
                &format!("`year:{value}` is not a year"),
                at,
                "write four digits, as in year:2025",
            ));
        }
        _ => Node::Date {
            from: Some(first),
            to: Some(next),
        },
    })
}

/// The first day of a year, month or day written as `2025`, `2025-03` or `2025-03-01`, and the
/// first day after it.
fn date_span(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let value = value.trim();
    if let Ok(day) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        return Some((day, day.succ_opt()?));
    }
    if let Ok(month) = NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d") {
        let next = if month.month() == 12 {
            NaiveDate::from_ymd_opt(month.year() + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(month.year(), month.month() + 1, 1)?
        };
        return Some((month, next));
    }
    if value.len() == 4 && value.chars().all(|c| c.is_ascii_digit()) {
        let year: i32 = value.parse().ok()?;
        return Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?,
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn err(q: &str) -> String {
        parse(q).unwrap_err().to_string()
    }

    #[test]
    fn words_phrases_and_fields() {
        assert_eq!(
            parse(r#"pivotal "AI industry" speaker:"songyee yoon""#).unwrap(),
            Node::And(vec![
                Node::Word("pivotal".into()),
                Node::Phrase("AI industry".into()),
                Node::Field(Field::Speaker, "songyee yoon".into()),
            ])
        );
        assert_eq!(
            parse("org:Zensar").unwrap(),
            Node::Field(Field::Organization, "Zensar".into())
        );
        assert_eq!(parse("   ").unwrap(), Node::All);
    }

    #[test]
    fn boolean_precedence_not_and_or() {
        assert_eq!(
            parse("a b OR -c (d OR e)").unwrap(),
            Node::Or(vec![
                Node::And(vec![Node::Word("a".into()), Node::Word("b".into())]),
                Node::And(vec![
                    Node::Not(Box::new(Node::Word("c".into()))),
                    Node::Or(vec![Node::Word("d".into()), Node::Word("e".into())]),
                ]),
            ])
        );
        assert_eq!(
            parse("a AND NOT b").unwrap(),
            Node::And(vec![
                Node::Word("a".into()),
                Node::Not(Box::new(Node::Word("b".into())))
            ])
        );
    }

    #[test]
    fn dates_cover_years_months_and_days() {
        assert_eq!(
            parse("after:2025-01-01").unwrap(),
            Node::Date {
                from: Some(d("2025-01-01")),
                to: None
            }
        );
        assert_eq!(
            parse("year:2025").unwrap(),
            Node::Date {
                from: Some(d("2025-01-01")),
                to: Some(d("2026-01-01"))
            }
        );
        assert_eq!(
            parse("date:2024-12").unwrap(),
            Node::Date {
                from: Some(d("2024-12-01")),
                to: Some(d("2025-01-01"))
            }
        );
        assert_eq!(
            parse("before:2025").unwrap(),
            Node::Date {
                from: None,
                to: Some(d("2025-01-01"))
            }
        );
    }

    #[test]
    fn colons_that_are_not_fields_stay_words() {
        assert_eq!(parse("3:30").unwrap(), Node::Word("3:30".into()));
        assert_eq!(
            parse("https://example.org/a").unwrap(),
            Node::Word("https://example.org/a".into())
        );
    }

    #[test]
    fn curly_quotes_make_phrases() {
        assert_eq!(
            parse("“pivotal moment”").unwrap(),
            Node::Phrase("pivotal moment".into())
        );
    }

    #[test]
    fn mistakes_are_named_with_their_position() {
        let e = err(r#"pivotal "moment"#);
        assert!(
            e.contains("never closed") && e.contains("character 9"),
            "{e}"
        );
        let e = err("(a OR b");
        assert!(
            e.contains("'(' is never closed") && e.contains("character 1"),
            "{e}"
        );
        let e = err("a b)");
        assert!(e.contains("no matching '('"), "{e}");
        let e = err("foo:bar");
        assert!(
            e.contains("no field `foo:`") && e.contains("speaker:"),
            "{e}"
        );
        let e = err("speaker:");
        assert!(e.contains("needs a value"), "{e}");
        let e = err("after:yesterday");
        assert!(e.contains("not a date"), "{e}");
        let e = err("a OR");
        assert!(e.contains("OR needs something after"), "{e}");
        let e = err("OR a");
        assert!(e.contains("OR needs something before"), "{e}");
        let e = err("a AND");
        assert!(e.contains("AND needs something"), "{e}");
        let e = err("()");
        assert!(e.contains("empty"), "{e}");
        let e = err("medium:fax");
        assert!(e.contains("unknown medium"), "{e}");
        let e = err("year:25");
        assert!(e.contains("not a"), "{e}");
        let e = err("\"\"");
        assert!(e.contains("hold nothing"), "{e}");
    }
}
