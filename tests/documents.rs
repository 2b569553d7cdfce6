//! Documents and interviews: PDFs (one column, two columns, running headers, a scan, an
//! encrypted one), Word and OpenDocument files, and transcripts (WebVTT, SubRip, labelled
//! text), from the fixtures `tests/fixtures/documents/make.py` wrote. Each is clipped through
//! the same entry point the CLI and the app use, with its quotations, speakers and locators
//! asserted; saved quotes keep their locators; Word drafts are checked; hostile files are
//! refused with a clear error and nothing saved. PDFs are read by Debian's pdftotext
//! (poppler-utils, installed by scripts/setup.sh).

use std::path::{Path, PathBuf};

use onrecord::check::Verdict;
use onrecord::clip::{Clip, ClipOptions, clip_file};
use onrecord::documents::Format;
use onrecord::model::{Locator, Medium, SourceKind};
use onrecord::{Error, Library};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/documents")
        .join(name)
}

fn clip_with(name: &str, opts: &ClipOptions) -> Result<Clip, Error> {
    let path = fixture(name);
    let bytes = std::fs::read(&path).unwrap();
    clip_file(&bytes, Some(name), Some(&path), opts)
}

fn clip(name: &str) -> Clip {
    clip_with(name, &ClipOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn page(page: u32, column: Option<u32>) -> Option<Locator> {
    Some(Locator::Page { page, column })
}

/// (text, speaker, locator) of every candidate.
fn found(clip: &Clip) -> Vec<(String, Option<String>, Option<Locator>)> {
    clip.quotes
        .iter()
        .map(|q| (q.text.clone(), q.speaker.clone(), q.locator))
        .collect()
}

#[test]
fn a_pdf_gives_each_quotation_its_page_with_line_end_hyphens_joined() {
    let clip = clip("statement.pdf");
    assert_eq!(clip.format, Format::Pdf);
    assert_eq!(
        found(&clip),
        [
            (
                "The turbines will serve the coastal communities for thirty years".to_owned(),
                Some("Maria Lopez".to_owned()),
                page(1, None)
            ),
            (
                "Our engineers finished the survey ahead of schedule".to_owned(),
                Some("Tom Becker".to_owned()),
                page(2, None)
            ),
        ]
    );
    assert_eq!(
        clip.quotes[0].organization.as_deref(),
        Some("Northwind Energy")
    );
    assert_eq!(clip.quotes[1].title.as_deref(), Some("chief engineer"));
}

#[test]
fn two_columns_are_read_column_by_column() {
    let clip = clip("two-column.pdf");
    assert_eq!(
        found(&clip),
        [
            (
                "Farmers downstream have waited three years for this water".to_owned(),
                Some("Anna Kowalski".to_owned()),
                page(1, Some(1))
            ),
            (
                "The reservoir cannot spare a single week of release".to_owned(),
                Some("Peter Hall".to_owned()),
                page(1, Some(2))
            ),
        ]
    );
    assert_eq!(
        clip.quotes[1].organization.as_deref(),
        Some("Lakeside University")
    );
}

#[test]
fn running_headers_footers_and_page_numbers_are_dropped() {
    let clip = clip("headers.pdf");
    let text = &clip.article.text;
    assert!(!text.contains("CITY COUNCIL MINUTES"), "{text}");
    assert!(!text.contains("Page "), "{text}");
    assert!(text.starts_with("The council met at City Hall"), "{text}");
    assert_eq!(
        found(&clip),
        [(
            "This budget keeps every promise we made to the voters".to_owned(),
            Some("Linda Park".to_owned()),
            page(3, None)
        )]
    );
}

#[test]
fn scans_encrypted_and_damaged_pdfs_are_refused_with_what_to_do() {
    let err = clip_with("scan.pdf", &ClipOptions::default()).unwrap_err();
    assert!(
        err.to_string()
            .contains("this PDF has no text (a scan?): OnRecord does not read images"),
        "{err}"
    );
    let err = clip_with("encrypted.pdf", &ClipOptions::default()).unwrap_err();
    assert!(err.to_string().contains("is encrypted"), "{err}");
    let bytes = std::fs::read(fixture("statement.pdf")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let truncated = dir.path().join("truncated.pdf");
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    let err = clip_file(
        &bytes[..bytes.len() / 3],
        Some("truncated.pdf"),
        Some(&truncated),
        &ClipOptions::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("truncated.pdf"), "{err}");
}

#[test]
fn word_and_opendocument_keep_paragraphs_footnotes_and_accepted_changes() {
    for name in ["statement.docx", "statement.odt"] {
        let clip = clip(name);
        let text = &clip.article.text;
        assert!(
            text.contains("We checked every mooring with"),
            "{name}: {text}"
        );
        assert!(
            !text.contains("berth"),
            "{name}: a deleted word was kept: {text}"
        );
        assert!(
            text.contains("Line one line two after a tab."),
            "{name}: {text}"
        );
        assert!(
            text.ends_with("\n1. Speaking at the council meeting on March 3."),
            "{name}: the footnote follows the body: {text}"
        );
        assert!(
            text.contains("said Mayor Linda Park."),
            "{name}: no note mark: {text}"
        );
        assert_eq!(
            clip.article.title.as_deref(),
            Some("Harbor Wind: the mayor answers")
        );
        assert_eq!(clip.article.byline.as_deref(), Some("Sam Reporter"));
        let speakers: Vec<_> = clip.quotes.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, [Some("Linda Park"), Some("Tom Becker")], "{name}");
        assert_eq!(
            clip.quotes[1].organization.as_deref(),
            Some("Northwind Energy")
        );
        // No pages: each quotation's locator is its character offsets.
        let q = &clip.quotes[0];
        assert_eq!(
            q.locator,
            Some(Locator::Chars {
                chars: [q.start, q.end]
            })
        );
    }
}

#[test]
fn transcripts_give_every_turn_with_its_label_and_time() {
    let vtt = clip("interview.vtt");
    assert_eq!(vtt.format, Format::Vtt);
    let texts: Vec<&str> = vtt.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "How long will the harbor stay closed?",
            "We expect to reopen the north basin before the herring season begins.",
            "And the south basin?",
            "That depends on the dredging contract & the weather.",
        ]
    );
    // "Speaker 2" names no one until the user says who it is.
    assert!(vtt.quotes.iter().all(|q| q.speaker.is_none()));
    assert_eq!(vtt.quotes[1].mention.as_deref(), Some("Speaker 2"));
    assert_eq!(
        vtt.quotes[1].locator,
        Some(Locator::Time {
            start: 14 * 60_000 + 6_500,
            end: Some(14 * 60_000 + 12_500)
        })
    );
    assert!(vtt.quotes.iter().all(|q| q.medium == Medium::Interview));
    // The offsets point at the words in the text the source keeps.
    let chars: Vec<char> = vtt.article.text.chars().collect();
    for q in &vtt.quotes {
        assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
    }
    let mapped = clip_with(
        "interview.vtt",
        &ClipOptions {
            speakers: vec![
                onrecord::clip::speaker_mapping("speaker 2 = Maria Lopez").unwrap(),
                ("Speaker 1".into(), String::new()),
            ],
            ..Default::default()
        },
    )
    .unwrap();
    let speakers: Vec<_> = mapped.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [None, Some("Maria Lopez"), None, Some("Maria Lopez")]
    );
    assert!(onrecord::clip::speaker_mapping("Maria Lopez").is_err());

    let srt = clip("interview.srt");
    assert_eq!(srt.format, Format::Srt);
    let turns: Vec<_> = srt
        .quotes
        .iter()
        .map(|q| (q.speaker.as_deref(), q.text.as_str()))
        .collect();
    assert_eq!(
        turns,
        [
            (None, "What changed after the vote?"),
            (
                Some("Maria Lopez"),
                "Our investors stopped asking whether the project would survive."
            ),
            (None, "And now?"),
            (Some("Maria Lopez"), "Now they ask how soon it can double."),
        ]
    );
    assert_eq!(
        srt.quotes[1].locator,
        Some(Locator::Time {
            start: 134_000,
            end: Some(141_250)
        })
    );

    // Split into sentences worth quoting (four words or more), each with its turn's time.
    let split = clip_with(
        "interview.txt",
        &ClipOptions {
            sentences: true,
            ..Default::default()
        },
    )
    .unwrap();
    let lopez: Vec<&str> = split
        .quotes
        .iter()
        .filter(|q| q.speaker.as_deref() == Some("Maria Lopez"))
        .map(|q| q.text.as_str())
        .collect();
    assert_eq!(
        lopez,
        [
            "It has been a long winter for all of us.",
            "The first foundations go in next April.",
            "If the permit arrives on time, the turbines turn by autumn.",
            "Then we wait, and we say so.",
        ]
    );
    let chars: Vec<char> = split.article.text.chars().collect();
    for q in &split.quotes {
        assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text);
    }
    let autumn = split
        .quotes
        .iter()
        .find(|q| q.text.ends_with("autumn."))
        .unwrap();
    assert_eq!(
        autumn.locator,
        Some(Locator::Time {
            start: 18_000,
            end: Some(31_000)
        })
    );

    let txt = clip("interview.txt");
    assert_eq!(txt.format, Format::Transcript);
    let lopez: Vec<_> = txt
        .quotes
        .iter()
        .filter(|q| q.speaker.as_deref() == Some("Maria Lopez"))
        .map(|q| (q.text.as_str(), q.locator))
        .collect();
    assert_eq!(lopez.len(), 3);
    assert_eq!(
        lopez[1],
        (
            "The first foundations go in next April. If the permit arrives on time, the turbines turn by autumn.",
            Some(Locator::Time {
                start: 18_000,
                end: Some(31_000)
            })
        )
    );
}

#[test]
fn saved_quotes_keep_their_locators_and_sources_their_kind() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib")).unwrap();
    let mut pdf = clip("statement.pdf");
    let report = library.save_clip(&mut pdf).unwrap();
    assert_eq!(report.saved.len(), 2);
    let quote = library.quote(report.saved[1]).unwrap();
    assert_eq!(quote.locator, page(2, None));
    let source = library.source(quote.source.unwrap().id).unwrap().unwrap();
    assert_eq!(source.kind, SourceKind::Document);

    let mut interview = clip_with(
        "interview.srt",
        &ClipOptions {
            speakers: vec![("INTERVIEWER".into(), String::new())],
            ..Default::default()
        },
    )
    .unwrap();
    let report = library.save_clip(&mut interview).unwrap();
    assert_eq!(
        report.saved.len(),
        2,
        "the interviewer's turns are not saved"
    );
    let quote = library.quote(report.saved[0]).unwrap();
    assert_eq!(quote.medium, Medium::Interview);
    assert_eq!(
        quote.locator,
        Some(Locator::Time {
            start: 134_000,
            end: Some(141_250)
        })
    );
    let source = library.source(quote.source.unwrap().id).unwrap().unwrap();
    assert_eq!(source.kind, SourceKind::Interview);
    assert!(source.outlet.is_none());
    // Search filters by the source's kind.
    let mut library = library;
    let count = |library: &mut Library, query: &str| {
        library
            .search(&onrecord::search::SearchRequest {
                query: query.into(),
                ..Default::default()
            })
            .map(|r| r.total)
    };
    assert_eq!(count(&mut library, "kind:interview").unwrap(), 2);
    assert_eq!(count(&mut library, "kind:document").unwrap(), 2);
    assert_eq!(count(&mut library, "kind:document survey").unwrap(), 1);
    assert_eq!(count(&mut library, "kind:article").unwrap(), 0);
    let err = count(&mut library, "kind:podcast").unwrap_err();
    assert!(err.to_string().contains("podcast"), "{err}");
    // A reopened library reads them back the same (the locator is stored, not derived), and a
    // rebuilt index filters the same.
    drop(library);
    let mut library = Library::open(&dir.path().join("lib")).unwrap();
    assert_eq!(
        library.quote(report.saved[0]).unwrap().locator,
        quote.locator
    );
    library.reindex().unwrap();
    assert_eq!(count(&mut library, "kind:interview").unwrap(), 2);
}

#[test]
fn a_word_draft_is_checked_against_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib")).unwrap();
    library.save_clip(&mut clip("statement.docx")).unwrap();
    let draft = onrecord::files::read_draft(fixture("draft.docx").to_str().unwrap()).unwrap();
    assert!(
        draft.contains("said Tom Becker, chief executive of Acme Corp."),
        "{draft}"
    );
    let report = library.check(&draft).unwrap();
    assert_eq!(report.findings.len(), 1, "{:#?}", report.findings);
    assert_eq!(report.findings[0].verdict, Verdict::Misattributed);
    assert_eq!(
        report.findings[0]
            .record
            .as_ref()
            .map(|r| r.speaker.as_str()),
        Some("Linda Park")
    );
}

/// A PDF of `pages` empty pages sharing one content stream.
fn many_pages(pages: usize) -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        String::new(),
        "<< /Length 0 >>\nstream\n\nendstream".to_owned(),
    ];
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", i + 4)).collect();
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {pages} >>",
        kids.join(" ")
    );
    for _ in 0..pages {
        objects
            .push("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>".into());
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

#[test]
fn hostile_documents_are_refused_quickly_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name);
    let refused = |name: &str, says: &str| {
        let started = std::time::Instant::now();
        let input = path(name);
        let err = onrecord::files::read_article(input.to_str().unwrap(), ClipOptions::default())
            .unwrap_err();
        assert!(err.to_string().contains(says), "{name}: {err}");
        assert!(
            started.elapsed().as_secs() < 30,
            "{name} took {:?}",
            started.elapsed()
        );
    };
    // 10,000 pages.
    std::fs::write(path("pages.pdf"), many_pages(10_000)).unwrap();
    refused("pages.pdf", "more than 2000 pages");
    // 200 MB: refused by its size, before it is read.
    let big = std::fs::File::create(path("big.pdf")).unwrap();
    big.set_len(200 * 1024 * 1024).unwrap();
    drop(big);
    refused("big.pdf", "200 MB");
    // A zip bomb dressed as Word: its document inflates past the cap.
    {
        use std::io::Write;
        let file = std::fs::File::create(path("bomb.docx")).unwrap();
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file("word/document.xml", options).unwrap();
        let zeros = vec![b' '; 1024 * 1024];
        for _ in 0..80 {
            zip.write_all(&zeros).unwrap();
        }
        zip.finish().unwrap();
    }
    assert!(std::fs::metadata(path("bomb.docx")).unwrap().len() < 1024 * 1024);
    refused("bomb.docx", "zip bomb");
    // Binary junk named as a transcript, an image named as a PDF, a zip that is no document.
    std::fs::write(
        path("junk.vtt"),
        [0x13u8, 0, 0xff, 0xfe, 0, 7, 9].repeat(500),
    )
    .unwrap();
    refused("junk.vtt", "binary data");
    std::fs::write(path("photo.pdf"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    refused("photo.pdf", "looks like a PNG image");
    {
        let file = std::fs::File::create(path("archive.docx")).unwrap();
        let mut zip = zip::ZipWriter::new(file);
        zip.start_file("notes.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut zip, b"hello").unwrap();
        zip.finish().unwrap();
    }
    refused(
        "archive.docx",
        "a zip archive, not a Word or OpenDocument text",
    );
    // Not well-formed XML inside a Word file.
    {
        let file = std::fs::File::create(path("broken.docx")).unwrap();
        let mut zip = zip::ZipWriter::new(file);
        zip.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        std::io::Write::write_all(&mut zip, b"<w:document><w:body><w:p><w:t>Hi</w:body>\x01<<")
            .unwrap();
        zip.finish().unwrap();
    }
    refused("broken.docx", "is damaged");
}
