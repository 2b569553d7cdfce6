//! Property tests (proptest) for the parts that read hostile text: the quote extractor, the
//! draft checker, the query parser and the importers. Inputs are drawn from alphabets heavy in
//! what breaks parsers — every quotation mark we know, CJK, right-to-left, combining marks,
//! emoji, NUL, newlines — and each property says what must hold for every input: no panic,
//! offsets inside the text, errors positioned inside the query, round trips exact.
//!
//! Case counts are modest so the suite stays quick; `PROPTEST_CASES=5000 cargo test --test
//! properties` runs more.

use std::path::Path;

use onrecord::clip::{ClipOptions, clip_text};
use onrecord::import::{self, ImportFile, TableOptions};
use onrecord::{Error, Library, NewQuote, SearchRequest};
use proptest::prelude::*;

/// Characters that matter to quotation finding and tokenising.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => prop::char::range('a', 'z'),
        2 => prop::char::range('A', 'Z'),
        3 => Just(' '),
        1 => Just('\n'),
        1 => prop::sample::select(vec![
            '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '「', '」', '『', '』', '‹', '›',
            ',', '.', '…', '—', '-', '(', ')', '[', ']', ':', '*', '\\', '\0', '\u{301}',
            '\u{200f}', 'ש', 'ל', '中', '文', '🎉', 'é', 'ß',
        ]),
    ]
}

fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..max).prop_map(|c| c.into_iter().collect())
}

/// Text shaped like news copy: sentences with quotations and attributions, plus noise.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“The plan is working well,” Ann Lee, chief executive of Acme, said. ".to_owned()),
        Just("He said: \"We will see.\" ".to_owned()),
        Just("«Nous verrons bien», a dit Marie Curie. ".to_owned()),
        Just("「我们会成功的」，梁文锋说。".to_owned()),
        Just("“Unclosed and then ".to_owned()),
        Just("” stray closer ".to_owned()),
        Just("\n\n“A second paragraph\n\n“continues here,” she told Reuters. ".to_owned()),
        hostile_text(30),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_quote_extractor_never_panics_and_its_offsets_point_at_the_words(text in newsy_text()) {
        let Ok(clip) = clip_text(&text, &ClipOptions::default()) else {
            return Ok(());
        };
        let chars: Vec<char> = clip.article.text.chars().collect();
        for q in &clip.quotes {
            prop_assert!(q.start < q.end && q.end <= chars.len(), "{q:?} in {} chars", chars.len());
            let slice: String = chars[q.start..q.end].iter().collect();
            // The words of the candidate are the words at its offsets (a quote joined across
            // its attribution spans the attribution too, so compare its first and last word).
            let words: Vec<&str> = q.text.split_whitespace().collect();
            if let (Some(first), Some(last)) = (words.first(), words.last()) {
                prop_assert!(slice.starts_with(first), "{slice:?} vs {:?}", q.text);
                prop_assert!(slice.ends_with(last), "{slice:?} vs {:?}", q.text);
            }
        }
        for &u in &clip.unclosed {
            prop_assert!(u < chars.len());
        }
    }

    #[test]
    fn the_query_parser_never_panics_and_places_its_errors_inside_the_query(query in hostile_text(40)) {
        if let Err(Error::Query { position, message, .. }) = onrecord::query::parse(&query) {
            prop_assert!(position <= query.chars().count(), "{message} at {position} in {query:?}");
            prop_assert!(!message.is_empty());
        }
    }

    #[test]
    fn the_csv_reader_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = import::read_table(Path::new("fuzz.csv"), &bytes, b',', &TableOptions::default());
        let _ = import::parse_json(Path::new("fuzz.json"), &bytes);
    }

    #[test]
    fn the_csv_reader_never_panics_on_near_csv(text in prop::collection::vec(
        prop_oneof![Just("text,speaker\n".to_owned()), Just("\"a \"\"b\"\"\",Ann\n".to_owned()),
                    Just(",,,\n".to_owned()), Just("\"open".to_owned()), hostile_text(12)], 0..8)) {
        let text = text.concat();
        match import::read_table(Path::new("q.csv"), text.as_bytes(), b',', &TableOptions::default()) {
            Ok(quotes) => for q in quotes {
                prop_assert!(!q.text.trim().is_empty() && !q.speaker.trim().is_empty());
            },
            Err(e) => prop_assert!(e.to_string().contains("q.csv"), "{e}"),
        }
    }
}

/// One library for the tests that need records (creating an index per case would be slow).
fn seeded_library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib")).unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/seed-quotes.json");
    let file = import::read_file(&seed, None, &TableOptions::default()).unwrap();
    library.import(file).unwrap();
    (dir, library)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn the_checker_never_panics_and_its_findings_point_into_the_draft(draft in newsy_text()) {
        thread_local! {
            static LIB: std::cell::RefCell<Option<(tempfile::TempDir, Library)>> = const { std::cell::RefCell::new(None) };
        }
        LIB.with(|cell| {
            let mut cell = cell.borrow_mut();
            let (_, library) = cell.get_or_insert_with(seeded_library);
            let report = library.check(&draft).unwrap();
            let n = draft.chars().count();
            for f in &report.findings {
                prop_assert!(f.start < f.end && f.end <= n, "{f:?}");
            }
            Ok(())
        })?;
    }

    #[test]
    fn search_answers_any_query_or_explains_it(query in hostile_text(30)) {
        thread_local! {
            static LIB: std::cell::RefCell<Option<(tempfile::TempDir, Library)>> = const { std::cell::RefCell::new(None) };
        }
        LIB.with(|cell| {
            let mut cell = cell.borrow_mut();
            let (_, library) = cell.get_or_insert_with(seeded_library);
            match library.search(&SearchRequest { query: query.clone(), ..Default::default() }) {
                Ok(results) => prop_assert!(results.hits.len() <= results.total),
                Err(e) => prop_assert!(matches!(e, Error::Query { .. }), "{query:?}: {e}"),
            }
            Ok(())
        })?;
    }
}

fn printable(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => prop::char::range('a', 'z'),
            2 => Just(' '),
            1 => prop::sample::select(vec!['“', '”', '"', ',', 'é', '中', '🎉', '\u{301}', '\n', '\t']),
        ],
        1..max,
    )
    .prop_map(|c| c.into_iter().collect::<String>())
    .prop_filter("has words", |s| s.chars().any(char::is_alphanumeric))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn export_then_import_gives_the_same_library(
        quotes in prop::collection::vec((printable(60), printable(20), prop::option::of(printable(15))), 1..6)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut first = Library::open(&dir.path().join("a")).unwrap();
        let new: Vec<NewQuote> = quotes
            .iter()
            .map(|(text, speaker, org)| NewQuote {
                text: text.clone(),
                speaker: speaker.clone(),
                organization: org.clone(),
                ..Default::default()
            })
            .collect();
        first.add_many(new).unwrap();
        let exported = serde_json::to_string(&first.export("").unwrap()).unwrap();
        let path = dir.path().join("export.json");
        std::fs::write(&path, &exported).unwrap();
        let mut second = Library::open(&dir.path().join("b")).unwrap();
        let file = import::read_file(&path, None, &TableOptions::default()).unwrap();
        let is_library = matches!(file, ImportFile::Library { .. });
        prop_assert!(is_library, "an export reads back as a library");
        second.import(file).unwrap();
        let again = serde_json::to_string(&second.export("").unwrap()).unwrap();
        prop_assert_eq!(exported, again);
    }
}
