//! Clipping articles end to end: the seed article, an HTML page, pages fetched over HTTP from a
//! server on 127.0.0.1, saving clips, and hostile input.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use onrecord::clip::fetch::{FetchOptions, fetch};
use onrecord::clip::{ClipOptions, clip_bytes};
use onrecord::{Library, Medium, SearchRequest};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
}

fn seed() -> Vec<u8> {
    std::fs::read(fixture("seed-article.txt")).unwrap()
}

#[test]
fn the_seed_article_gives_exactly_its_three_quotations_with_speakers_roles_and_media() {
    let clip = clip_bytes(&seed(), &ClipOptions::default()).unwrap();
    assert_eq!(clip.quotes.len(), 3, "{:#?}", clip.quotes);
    let [first, second, third] = &clip.quotes[..] else {
        unreachable!()
    };

    assert!(
        first
            .text
            .starts_with("The launch of DeepSeek’s R2 model could be a pivotal moment")
    );
    assert_eq!(first.speaker.as_deref(), Some("Vijayasimha Alilughatta"));
    assert_eq!(first.title.as_deref(), Some("chief operating officer"));
    assert_eq!(first.organization.as_deref(), Some("Zensar"));
    assert_eq!(
        first.organization_description.as_deref(),
        Some("tech services provider")
    );
    assert_eq!(first.medium, Medium::Told);
    assert_eq!(first.told_to.as_deref(), Some("Reuters"));

    // The partial quotation, attributed by "he said".
    assert!(
        second
            .text
            .starts_with("would likely spur companies worldwide")
    );
    assert_eq!(second.speaker.as_deref(), Some("Vijayasimha Alilughatta"));
    assert_eq!(second.mention.as_deref(), Some("he"));
    assert_eq!(second.title.as_deref(), Some("chief operating officer"));
    assert_eq!(second.organization.as_deref(), Some("Zensar"));
    assert_eq!(second.medium, Medium::Said);

    assert!(
        third
            .text
            .starts_with("DeepSeek represents engineering ingenuity")
    );
    assert_eq!(third.speaker.as_deref(), Some("Songyee Yoon"));
    assert_eq!(third.title.as_deref(), Some("founder and managing partner"));
    assert_eq!(
        third.organization.as_deref(),
        Some("Principal Venture Partners")
    );
    assert_eq!(
        third.organization_description.as_deref(),
        Some("venture firm")
    );
    assert_eq!(third.medium, Medium::Email);

    for q in &clip.quotes {
        assert_ne!(q.organization.as_deref(), Some("Alibaba"));
        // Offsets are characters into the article text and cover exactly the words.
        let chars: Vec<char> = clip.article.text.chars().collect();
        let slice: String = chars[q.start..q.end].iter().collect();
        assert_eq!(slice, q.text);
    }
}

#[test]
fn saving_a_clip_twice_stores_it_once_and_records_the_affiliation_with_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let opts = ClipOptions {
        outlet: Some("Reuters".into()),
        date: chrono::NaiveDate::from_ymd_opt(2025, 2, 26),
        url: Some("https://example.org/deepseek-r2".into()),
        ..Default::default()
    };
    let mut clip = clip_bytes(&seed(), &opts).unwrap();
    let report = library.save_clip(&mut clip).unwrap();
    assert_eq!(report.saved.len(), 3);
    assert!(clip.quotes.iter().all(|q| q.id.is_some()));

    let mut again = clip_bytes(&seed(), &opts).unwrap();
    let report = library.save_clip(&mut again).unwrap();
    assert!(report.saved.is_empty());
    assert_eq!(report.already_saved, 3);
    assert_eq!(library.store().quote_count().unwrap(), 3);
    assert_eq!(library.store().sources().unwrap().len(), 1);

    let source = &library.store().sources().unwrap()[0];
    assert_eq!(source.text.as_deref(), Some(clip.article.text.as_str()));
    assert_eq!(source.content_hash.as_ref().map(String::len), Some(64));

    let stored = library.quote(clip.quotes[0].id.unwrap()).unwrap();
    assert_eq!(stored.start, Some(clip.quotes[0].start));
    assert_eq!(stored.source.unwrap().outlet.as_deref(), Some("Reuters"));

    let speaker = library.speaker("Vijayasimha Alilughatta").unwrap();
    assert_eq!(speaker.affiliations.len(), 1);
    assert_eq!(
        speaker.affiliations[0].organization.as_deref(),
        Some("Zensar")
    );
    assert_eq!(speaker.affiliations[0].valid_from, opts.date);

    let hits = library
        .search(&SearchRequest {
            query: "pivotal".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.total, 1);
    assert_eq!(hits.hits[0].quote.organization.as_deref(), Some("Zensar"));
}

#[test]
fn an_html_page_gives_its_article_without_navigation_ads_or_comments() {
    let html = std::fs::read(fixture("article.html")).unwrap();
    let clip = clip_bytes(&html, &ClipOptions::default()).unwrap();
    let a = &clip.article;
    assert_eq!(
        a.title.as_deref(),
        Some("City council approves new transit plan")
    );
    assert_eq!(a.site_name.as_deref(), Some("The Riverside Ledger"));
    assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2024, 11, 5));
    assert_eq!(a.language.as_deref(), Some("en"));
    assert!(
        a.byline
            .as_deref()
            .is_some_and(|b| b.contains("Dana Whitfield")),
        "{:?}",
        a.byline
    );
    assert!(a.text.contains("voted 7-2 on Monday"));
    for junk in [
        "mattress",
        "angry_taxpayer",
        "Subscribe now",
        "Privacy policy",
        "Bridge repairs",
    ] {
        assert!(
            !a.text.contains(junk),
            "{junk} leaked into the text:\n{}",
            a.text
        );
    }

    let speakers: Vec<(&str, Option<&str>, Medium)> = clip
        .quotes
        .iter()
        .map(|q| {
            (
                q.speaker.as_deref().unwrap_or("?"),
                q.title.as_deref(),
                q.medium,
            )
        })
        .collect();
    assert_eq!(
        speakers,
        vec![
            ("Maria Gonzalez", Some("chair"), Medium::Said),
            ("Robert Hale", Some("Councilman"), Medium::Said),
            ("Maria Gonzalez", Some("chair"), Medium::Said),
            ("James Okafor", Some("spokesman"), Medium::Statement),
        ]
    );
    assert_eq!(clip.quotes[2].mention.as_deref(), Some("she"));
}

#[test]
fn surnames_pronouns_and_multi_paragraph_quotations() {
    let text = "Ann Lee, the mayor of Springfield, spoke first.\n\
                “We will rebuild the bridge.\n\
                “And we will do it this year,” Lee said.\n\
                Bob Roe, a professor at Shelbyville University, was skeptical. “I have heard that before,” he said.\n\
                “Nobody has the money,” Roe added.";
    let clip = clip_text(text);
    let got: Vec<(&str, &str)> = clip
        .quotes
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref().unwrap_or("?")))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "We will rebuild the bridge. And we will do it this year",
                "Ann Lee"
            ),
            ("I have heard that before", "Bob Roe"),
            ("Nobody has the money", "Bob Roe"),
        ]
    );
    // The role comes from where each was introduced, not from the quotation's sentence.
    assert_eq!(clip.quotes[0].title.as_deref(), Some("mayor"));
    assert_eq!(clip.quotes[0].organization.as_deref(), Some("Springfield"));
    assert_eq!(clip.quotes[1].title.as_deref(), Some("professor"));
    assert_eq!(
        clip.quotes[1].organization.as_deref(),
        Some("Shelbyville University")
    );
}

/// Speakers as news writing gives them: unnamed sources, a name in an appositive after a
/// possessive role, an inverted "Said X:", an introductory clause before the speaker, the
/// subject of the previous sentence for "he", and "she" skipping a man named in between.
#[test]
fn unnamed_sources_appositive_names_inverted_cues_and_gendered_pronouns() {
    let text = "“There was wrongdoing,” said a former senior law enforcement official. “But was it criminal?”\n\
                “We are gravely concerned,” the members wrote in a letter.\n\
                “California stuck out,” Sanders's campaign manager, Jeff Weaver, said in an interview.\n\
                Said Ellis: “I don’t get the sense she is interested.”\n\
                Asked what he wanted in a nominee, Sheldon Adelson said, “They have to win.”\n\
                Terry McAuliffe remarked that he had consulted Attorney General Mark Herring.\n\
                “I want to be crystal clear,” he said.\n\
                Dorothy Woods concluded that her husband would approve, and she thanked Louis Dorfman, a retired colonel.\n\
                “It’s more important for them to honor him,” she said.";
    let clip = clip_text(text);
    let got = said(&clip);
    assert_eq!(
        got,
        vec![
            // Broken by its attribution, so one quotation.
            (
                "There was wrongdoing. But was it criminal?",
                None,
                Some("a former senior law enforcement official")
            ),
            ("We are gravely concerned", None, Some("the members")),
            (
                "California stuck out",
                Some("Jeff Weaver"),
                Some("Jeff Weaver")
            ),
            (
                "I don’t get the sense she is interested.",
                Some("Ellis"),
                Some("Ellis")
            ),
            (
                "They have to win.",
                Some("Sheldon Adelson"),
                Some("Sheldon Adelson")
            ),
            (
                "I want to be crystal clear",
                Some("Terry McAuliffe"),
                Some("he")
            ),
            (
                "It’s more important for them to honor him",
                Some("Dorothy Woods"),
                Some("she")
            ),
        ]
    );
    // An unnamed source says so instead of getting a made-up name.
    assert!(
        clip.quotes[0]
            .note
            .as_deref()
            .unwrap_or("")
            .contains("not named")
    );
    // The possessive role stays with the named speaker.
    assert_eq!(clip.quotes[2].title.as_deref(), Some("campaign manager"));
}

/// A tiny HTTP server on 127.0.0.1 answering each path from a table.
struct Server {
    url: String,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                std::thread::spawn(move || answer(stream));
            }
        });
        Server { url }
    }
}

fn answer(mut stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let html = std::fs::read(fixture("article.html")).unwrap();
    let (status, headers, body): (&str, String, Vec<u8>) = match path.as_str() {
        "/article" => ("200 OK", "Content-Type: text/html; charset=utf-8\r\n".into(), html),
        "/latin" => (
            "200 OK",
            "Content-Type: text/html; charset=windows-1252\r\n".into(),
            b"<html><body><article><p>Le ministre a d\xe9clar\xe9 : \xab Nous ne c\xe9derons pas sur ce point essentiel \xbb, a dit Jos\xe9 Mu\xf1oz.</p><p>Il a ajout\xe9 que la r\xe9forme continuerait malgr\xe9 les protestations dans les rues de la capitale.</p></article></body></html>".to_vec(),
        ),
        "/text" => ("200 OK", "Content-Type: text/plain\r\n".into(), seed()),
        "/redirect" => ("302 Found", "Location: /article\r\n".into(), Vec::new()),
        "/loop" => ("302 Found", "Location: /loop\r\n".into(), Vec::new()),
        "/report.pdf" => ("200 OK", "Content-Type: application/pdf\r\n".into(), b"%PDF-1.7".to_vec()),
        "/photo.jpg" => ("200 OK", "Content-Type: image/jpeg\r\n".into(), vec![0xff, 0xd8, 0xff]),
        "/huge" => ("200 OK", "Content-Type: text/html\r\n".into(), vec![b'a'; 3 * 1024 * 1024]),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            ("200 OK", "Content-Type: text/html\r\n".into(), b"<p>late</p>".to_vec())
        }
        _ => ("404 Not Found", "Content-Type: text/html\r\n".into(), b"<h1>Not found</h1>".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
    let mut rest = Vec::new();
    let _ = stream.set_read_timeout(Some(Duration::from_millis(50)));
    let _ = reader.read_to_end(&mut rest);
}

#[test]
fn fetching_pages_from_a_local_server() {
    let server = Server::start();
    let opts = FetchOptions::default();

    let page = fetch(&format!("{}/redirect", server.url), &opts).unwrap();
    assert!(page.url.ends_with("/article"), "{}", page.url);
    let clip = onrecord::clip::fetch::clip_page(&page, &ClipOptions::default()).unwrap();
    assert_eq!(clip.quotes.len(), 4);

    let latin = fetch(&format!("{}/latin", server.url), &opts).unwrap();
    assert!(
        latin.text.contains("déclaré : « Nous ne céderons pas"),
        "{}",
        latin.text
    );
    let clip = onrecord::clip::fetch::clip_page(&latin, &ClipOptions::default()).unwrap();
    assert_eq!(
        clip.quotes[0].text,
        "Nous ne céderons pas sur ce point essentiel"
    );

    let text = fetch(&format!("{}/text", server.url), &opts).unwrap();
    let clip = onrecord::clip::fetch::clip_page(&text, &ClipOptions::default()).unwrap();
    assert_eq!(clip.quotes.len(), 3);

    let err = |path: &str, opts: &FetchOptions| {
        fetch(&format!("{}{path}", server.url), opts)
            .unwrap_err()
            .to_string()
    };
    assert!(err("/missing", &opts).contains("not found (HTTP 404)"));
    assert!(err("/report.pdf", &opts).contains("is a PDF"));
    assert!(err("/photo.jpg", &opts).contains("an image"));
    assert!(
        err("/loop", &opts).contains("redirect"),
        "{}",
        err("/loop", &opts)
    );
    let small = FetchOptions {
        max_bytes: 1024 * 1024,
        ..FetchOptions::default()
    };
    assert!(
        err("/huge", &small).contains("larger than 1 MB"),
        "{}",
        err("/huge", &small)
    );
    let quick = FetchOptions {
        timeout: Duration::from_millis(500),
        ..FetchOptions::default()
    };
    assert!(
        err("/slow", &quick).contains("too long"),
        "{}",
        err("/slow", &quick)
    );
    assert!(
        fetch("ftp://127.0.0.1/file", &opts)
            .unwrap_err()
            .to_string()
            .contains("http:// or https://")
    );
    assert!(fetch("file:///etc/passwd", &opts).is_err());
}

#[test]
fn hostile_input_gets_a_result_or_a_clear_error_never_a_panic() {
    let opts = ClipOptions::default();
    // Binary junk.
    let err = clip_bytes(&[0u8, 159, 146, 150, 0, 1, 2, 3], &opts).unwrap_err();
    assert!(err.to_string().contains("binary data"));
    // Invalid UTF-8 without NULs decodes as Windows-1252 rather than failing.
    let clip = clip_bytes(
        b"\xe9t\xe9 \x93Quoted words here now,\x94 Ann Lee said.",
        &opts,
    )
    .unwrap();
    assert_eq!(clip.quotes[0].speaker.as_deref(), Some("Ann Lee"));
    // Unterminated quotation marks are reported, not guessed at.
    let clip = clip_bytes(
        "“This never ends, he said.\nNext paragraph “and this neither".as_bytes(),
        &opts,
    )
    .unwrap();
    assert!(clip.quotes.is_empty());
    assert_eq!(clip.unclosed.len(), 2);
    // Right-to-left text, combining characters, emoji.
    let clip = clip_bytes(
        "“שלום עולם, זה ציטוט ארוך,” אמר. “Cafe\u{301} 🎉 is open for everyone,” Zoë Ng said."
            .as_bytes(),
        &opts,
    )
    .unwrap();
    assert_eq!(clip.quotes.len(), 2);
    assert_eq!(clip.quotes[1].speaker.as_deref(), Some("Zoë Ng"));
    // HTML nested 100,000 deep.
    let nested = format!(
        "<html><body>{}“deep words are here,” X said{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let err = clip_bytes(nested.as_bytes(), &opts).unwrap_err();
    assert!(err.to_string().contains("nests its elements"), "{err}");
    // Malformed HTML still gives text.
    let clip = clip_bytes(b"<html><body><p>\xe2\x80\x9cUnclosed tags everywhere here,\xe2\x80\x9d Ann Lee said.<p><div><span>More text for the page so it reads as an article.", &opts).unwrap();
    assert_eq!(clip.quotes.len(), 1);
}

#[test]
fn cues_after_a_partial_quotation_an_intro_paragraph_and_a_quotation_paragraph_that_goes_on() {
    let text = "Teachers are split.\n\n\
                “For rank-and-file teachers, he’s saying the right things” about fixing inequality, said Marla Kilfoyle, executive director of the Badass Teachers Association.\n\n\
                “Trump: you base your statements on photoshopped pics?” tweeted Alwaleed Talal on Thursday.\n\n\
                Former state senator Kelli Ward called for the impeachment.\n\n\
                Ward stated:\n\n\
                “The Department of Justice is not about equal justice anymore.”\n\n\
                “CNN has done an awful job this election,” Charles Barkley said.\n\n\
                “And it’s become sad that our company has sold its soul for ratings.”\n\n\
                The network did not answer.\n\n\
                “Nobody asked us what we thought about any of this.”";
    let clip = clip_text(text);
    let got: Vec<(&str, Option<&str>)> = clip
        .quotes
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "For rank-and-file teachers, he’s saying the right things",
                Some("Marla Kilfoyle")
            ),
            (
                "Trump: you base your statements on photoshopped pics?",
                Some("Alwaleed Talal")
            ),
            (
                "The Department of Justice is not about equal justice anymore.",
                Some("Kelli Ward")
            ),
            // A paragraph of its own right after his attribution goes on with his quotation.
            (
                "CNN has done an awful job this election. And it’s become sad that our company has sold its soul for ratings.",
                Some("Charles Barkley")
            ),
            // After a paragraph of narration, an unattributed quotation stays unattributed.
            ("Nobody asked us what we thought about any of this.", None),
        ]
    );
    assert_eq!(
        clip.quotes[0].organization.as_deref(),
        Some("Badass Teachers Association")
    );
}

#[test]
fn a_name_with_a_middle_initial_is_a_person_a_surname_finds() {
    let text = "The senator was accompanied by South Carolina Rep. Justin T. Bamberg, an attorney.\n\n\
                “Things are picking up, and his name comes up in every conversation,” Bamberg said.";
    let clip = clip_text(text);
    assert_eq!(clip.quotes.len(), 1);
    assert_eq!(clip.quotes[0].speaker.as_deref(), Some("Justin T. Bamberg"));
}

/// Clips plain text with the default options.
fn clip_text(text: &str) -> onrecord::clip::Clip {
    clip_bytes(text.as_bytes(), &ClipOptions::default()).unwrap()
}

/// The speaker of each quotation clipped, in order.
fn speakers(clip: &onrecord::clip::Clip) -> Vec<Option<&str>> {
    clip.quotes.iter().map(|q| q.speaker.as_deref()).collect()
}

/// How each candidate names its source when no speaker is given ("the letter", "a senior aide").
fn mentions(clip: &onrecord::clip::Clip) -> Vec<Option<&str>> {
    clip.quotes.iter().map(|q| q.mention.as_deref()).collect()
}

/// Each candidate's speaker, title and organization.
fn roles(clip: &onrecord::clip::Clip) -> Vec<(Option<&str>, Option<&str>, Option<&str>)> {
    clip.quotes
        .iter()
        .map(|q| {
            (
                q.speaker.as_deref(),
                q.title.as_deref(),
                q.organization.as_deref(),
            )
        })
        .collect()
}

/// Each candidate's words, speaker and mention.
fn said(clip: &onrecord::clip::Clip) -> Vec<(&str, Option<&str>, Option<&str>)> {
    clip.quotes
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref(), q.mention.as_deref()))
        .collect()
}

/// Each candidate's speaker and how the article referred to them.
fn speakers_and_mentions(clip: &onrecord::clip::Clip) -> Vec<(Option<&str>, Option<&str>)> {
    clip.quotes
        .iter()
        .map(|q| (q.speaker.as_deref(), q.mention.as_deref()))
        .collect()
}

#[test]
fn descriptions_of_any_words_before_a_name() {
    let text = "“It is a resurgence for her,” said former Obama adviser David Axelrod.\n\n\
                “The voters want to stay the course,” political scientist Christopher Wlezien told Bloomberg in late May.\n\n\
                “This is a good thing,” said longtime pastor Peter Wherry of Mayfield Memorial Church.\n\n\
                “Radicalization is within the community,” said former secretary of state Hillary Clinton, who praised the plan.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![
            Some("David Axelrod"),
            Some("Christopher Wlezien"),
            Some("Peter Wherry"),
            Some("Hillary Clinton"),
        ]
    );
    assert_eq!(clip.quotes[1].title.as_deref(), Some("political scientist"));
    assert_eq!(clip.quotes[1].told_to.as_deref(), Some("Bloomberg"));
    // "former" qualifies the title; the organization is Obama, not "former Obama".
    assert_eq!(clip.quotes[0].title.as_deref(), Some("former adviser"));
    assert_eq!(clip.quotes[0].organization.as_deref(), Some("Obama"));
}

#[test]
fn more_cues_a_sentence_ending_and_joked_and_an_opening_word_that_is_no_name() {
    let text = "Sean Hannity interviewed the candidate on Monday.\n\n\
                “Would it be negotiable?” Hannity pressed. “Maybe let some people stay?”\n\n\
                As The Post’s Dana Milbank puts it, “Senate Republicans are unmoved.”\n\n\
                Sarah Silverman was joined on stage by Al Franken and joked, “Bernie or Bust people, you’re being ridiculous.”\n\n\
                Hillary Clinton riffed on the incident in Iowa, telling the crowd, “Some people get a little carried away.”\n\n\
                Once in my early 20s, when my mother mentioned the devil, I laughed and said, “I don’t believe in the devil.”";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Sean Hannity"),
            Some("Dana Milbank"),
            Some("Sarah Silverman"),
            Some("Hillary Clinton"),
            None,
        ]
    );
    assert_eq!(
        clip.quotes[0].text,
        "Would it be negotiable? Maybe let some people stay?"
    );
    // "reported" is a cue, after a person or an outlet.
    let text = "Benghazi cables\n\n\
                In the July 9, 2012, cable, Chris Stevens reported, “Overall security conditions continue to be unpredictable.”\n\n\
                “The emails released Monday were largely sent in 2012,” CBS News reported.";
    assert_eq!(
        speakers(&clip_text(text)),
        vec![Some("Chris Stevens"), Some("CBS News")]
    );
}

#[test]
fn a_partial_quotation_the_subjects_verb_takes_is_the_subjects() {
    let text = "Donald Trump spoke in Ohio on Monday.\n\n\
                In an August speech, Trump attacked “the hateful ideology of radical Islam and its oppression of women.”\n\n\
                Ted Nordhaus, co-founder of the Breakthrough Institute, welcomed “the recognition that we do not have all the technology we need.”";
    assert_eq!(
        speakers(&clip_text(text)),
        vec![Some("Donald Trump"), Some("Ted Nordhaus")]
    );
}

#[test]
fn a_full_name_first_given_as_a_possessive_is_the_name_a_surname_means() {
    let text = "Hillary Clinton gave a critique of Donald Trump's failed casino ventures.\n\n\
                Gov. Chris Christie made Atlantic City a priority in his first term.\n\n\
                Trump blamed local officials on Twitter before the speech. “Hillary Clinton should ask why,” he wrote.\n\n\
                “We will win Atlantic City back,” Trump said.";
    assert_eq!(
        speakers(&clip_text(text)),
        vec![Some("Donald Trump"), Some("Donald Trump")]
    );
}

#[test]
fn a_name_described_as_someones_relative_is_a_person_a_pronoun_means() {
    let text = "Reagan’s daughter speaks out\n\n\
                The drumbeat against Republican nominee Donald Trump grew louder Wednesday as Patti Davis, Ronald Reagan’s daughter, attacked Trump.\n\n\
                “I am the daughter of a man who was shot,” she wrote.";
    assert_eq!(speakers(&clip_text(text)), vec![Some("Patti Davis")]);
    // A "he" in a sentence that names someone else too, inside a participle clause, says
    // nothing of her sex.
    let text = "Reagan’s daughter speaks out\n\n\
                The drumbeat against Republican nominee Donald Trump grew louder Wednesday as Patti Davis, Ronald Reagan’s daughter, attacked Trump.\n\n\
                Davis lashed out at the GOP nominee on Facebook, telling Trump that whatever he meant, words have the power to inspire actions.\n\n\
                “I am the daughter of a man who was shot,” she wrote.";
    assert_eq!(speakers(&clip_text(text)), vec![Some("Patti Davis")]);
}

#[test]
fn a_name_after_the_is_a_things_not_someone_a_surname_means() {
    let text = "Donald Trump held a rally in Ohio.\n\n\
                Thousands of supporters are boarding the Trump Train this fall.\n\n\
                “We will win Ohio,” Trump said.";
    assert_eq!(speakers(&clip_text(text)), vec![Some("Donald Trump")]);
    // The word "the", not a word ending in it.
    let text = "Rally notes\n\n\
                Many voters loathe Donald Trump, polls show.\n\n\
                “We will win Ohio,” Trump said.";
    assert_eq!(speakers(&clip_text(text)), vec![Some("Donald Trump")]);
}

#[test]
fn a_label_right_after_a_quotation_in_the_same_paragraph_names_the_next_speaker() {
    let text = "Jeb Bush and Hillary Clinton reject containment.\n\n\
                Clinton: \"Our goal is to defeat and destroy ISIS.\" Bush: \"The mission is to destroy ISIS -- not to contain it.\"";
    assert_eq!(
        speakers(&clip_text(text)),
        vec![Some("Hillary Clinton"), Some("Jeb Bush")]
    );
}

#[test]
fn a_name_quoted_in_narration_is_a_title_not_someone_a_pronoun_means() {
    let text = "Hillary Clinton turned Sunday to pothole politics.\n\n\
                At an event billed as “Hard Hats for Hillary,” Clinton unveiled a plan.\n\n\
                “Here in Boston, I remember the snowfall,” she told the packed hall.";
    assert_eq!(speakers(&clip_text(text)), vec![Some("Hillary Clinton")]);
}

#[test]
fn an_abbreviated_rank_inside_a_described_name_and_mixed_quotation_marks() {
    // A converter's mix: a curly quotation closed by a straight mark after its comma, the
    // next one opened by a straight mark and closed by a curly one.
    let text = "Experts rebuked the plan on Monday.\n\n\
                “I fundamentally disagree,\" said retired Army Lt. Gen. Mick Bednarek, who served in Iraq from 2013 to 2015. \"The bottom line is that bombing has no bearing on this.”\n\n\
                “Our roads are crumbling,\" Mayor Jane Roe said. \"Families endure blackouts.”";
    let clip = clip_text(text);
    assert_eq!(
        said(&clip)
            .iter()
            .map(|(t, s, _)| (*t, *s))
            .collect::<Vec<_>>(),
        vec![
            (
                "I fundamentally disagree. The bottom line is that bombing has no bearing on this.",
                Some("Mick Bednarek")
            ),
            (
                "Our roads are crumbling. Families endure blackouts.",
                Some("Jane Roe")
            ),
        ]
    );
    assert_eq!(clip.quotes[0].title.as_deref(), Some("retired Lt. Gen."));
    assert_eq!(clip.quotes[0].organization.as_deref(), Some("Army"));
}

#[test]
fn labels_adverbs_and_more_cue_verbs() {
    let text = "Jeb Bush and Hillary Clinton reject the term containment.\n\n\
                Clinton: “Our goal is to defeat and destroy the group, not contain it.”\n\n\
                Asked about a registry, Donald Trump reportedly said, “You tell me what you think.”\n\n\
                “You know, it happens, right?” Trump went on, as if he had not heard.\n\n\
                As RealClearPolitics’ David Byler pointed out in December, “The rules can change before the convention.”";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Hillary Clinton"),
            Some("Donald Trump"),
            Some("Donald Trump"),
            Some("David Byler"),
        ]
    );
    assert_eq!(
        clip.quotes[3].organization.as_deref(),
        Some("RealClearPolitics")
    );
}

fn texts(clip: &onrecord::clip::Clip) -> Vec<&str> {
    clip.quotes.iter().map(|q| q.text.as_str()).collect()
}

#[test]
fn a_quotation_broken_by_a_long_attribution_or_a_show_name_is_one_quotation() {
    let text = "“Bad things are going to happen,” Trump warned in Everett, Wash., recently. \
                “This could be the great Trojan horse.”\n\n\
                “He is right,” Michael Flynn, a top Trump surrogate, said Thursday morning on Fox News’s “Fox and Friends.” \
                “There is a lot of frustration.”\n\n\
                “We have had problems,” Obama said after meeting Vladimir Putin. He did not suggest retaliation. \
                “Our goal is to set norms.”\n\n\
                “This is a big year!” Scott's niece, state Del. Marcia “Cia” Price, shouted to the crowd.";
    let clip = clip_text(text);
    assert_eq!(
        texts(&clip),
        vec![
            "Bad things are going to happen. This could be the great Trojan horse.",
            "He is right. There is a lot of frustration.",
            // A sentence of narration between the parts: two quotations.
            "We have had problems",
            "Our goal is to set norms.",
            "This is a big year!",
        ]
    );
    assert_eq!(
        speakers(&clip)[..3],
        [Some("Trump"), Some("Michael Flynn"), Some("Obama")]
    );
}

#[test]
fn a_headline_is_no_speaker_label_and_a_pronoun_beside_another_name_tells_no_gender() {
    let text = "Elizabeth Warren Hammers Wells Fargo CEO: ‘You Should Be Criminally Investigated.’\n\n\
                Massachusetts Sen. Elizabeth Warren grilled Wells Fargo CEO John Stumpf on Tuesday.\n\n\
                “You should resign,” Warren told Stumpf, after he admitted he had not been held accountable.\n\n\
                “This just isn’t right,” Warren said. “You squeezed employees to the breaking point” \
                to drive up the stock price, she said.";
    let clip = clip_text(text);
    // (The headline's subject, not the headline, speaks its quotation.)
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Elizabeth Warren"),
            Some("Elizabeth Warren"),
            Some("Elizabeth Warren"),
            Some("Elizabeth Warren"),
        ]
    );
}

#[test]
fn a_pronoun_skips_people_whose_given_name_says_otherwise() {
    let text = "Hillary Clinton spoke first. Donald Trump answered at length.\n\n\
                “It was a fine debate,” she said.\n\n\
                Cheryl Mills took questions later.\n\n\
                “We won tonight,” he said.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Hillary Clinton"), Some("Donald Trump")]
    );
}

#[test]
fn a_surname_after_an_honorific_or_a_title_is_a_person_a_pronoun_can_mean() {
    let text = "Last week, President Obama flew here to swim with seals.\n\n\
                Bombs may not be falling. What Mr. Obama has seen instead are charts. \
                \"And they're terrifying,\" he said in an interview.\n\n\
                In a statement, Mrs. Clinton condemned the test. \"To be clear, we never will,\" she said.";
    let clip = clip_text(text);
    assert_eq!(speakers(&clip), vec![Some("Obama"), Some("Clinton")]);
    assert_eq!(clip.quotes[0].title.as_deref(), Some("President"));
}

#[test]
fn an_introductory_phrase_before_the_subject_that_introduces_a_quotation() {
    let text = "During a national security speech earlier in the day, Donald Trump attacked \
                Hillary Clinton, saying, \"She's trigger-happy and very unstable.\"\n\n\
                With leaders worried about turnout, President Barack Obama is rolling out a new \
                message: \"It's about me.\"";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Donald Trump"), Some("Barack Obama")]
    );
}

#[test]
fn demands_assertions_and_descriptions_with_numbers() {
    let text = "Sen. David Vitter questioned the bank's chief executive.\n\n\
                “Why isn’t this proof that the bank is too big to manage?” Vitter demanded.\n\n\
                “The rationales to veto the bill don’t hold weight,” said 9/11 widow Terry Strada.\n\n\
                “We will not back down,” Maria Lopez asserted.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![
            Some("David Vitter"),
            Some("Terry Strada"),
            Some("Maria Lopez"),
        ]
    );
}

#[test]
fn a_name_after_an_opening_phrase_and_its_comma_is_a_person() {
    let text = "Late Saturday night, Sarah and Timothy Rogers rode in a rickshaw after their wedding.\n\n\
                On Sunday, Jimmy Tompkins, 31, tossed a football in the park with his son. \
                The stadium, Tompkins said, is usually full of activities.\n\n\
                \"This normally is a big open park,\" he said.";
    let clip = clip_text(text);
    assert_eq!(speakers(&clip), vec![Some("Jimmy Tompkins")]);
}

#[test]
fn names_that_begin_with_initials() {
    let text = "“This is a disgrace,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus.\n\n\
                “They see it as a fight,” J.J. MacNab, an expert on militias, said.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("G.K. Butterfield"), Some("J.J. MacNab")]
    );
}

#[test]
fn a_sentence_opener_or_a_group_is_no_speakers_name() {
    let text = "Pollsters noticed the change: “One of the biggest lessons was humility.”\n\n\
                Estimates vary widely: “All the samples evaluated include bias.”";
    let clip = clip_text(text);
    assert_eq!(speakers(&clip), vec![None, None]);
    assert_eq!(clip.quotes[0].mention.as_deref(), Some("Pollsters"));
}

#[test]
fn a_title_of_something_before_a_name() {
    let text = "“We will not accept it,” said Secretary of State John F. Kerry on Monday.\n\n\
                “It is a threat,” said Secretary of Homeland Security Jeh Johnson.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("John F. Kerry"), Some("Jeh Johnson")]
    );
    assert_eq!(clip.quotes[0].title.as_deref(), Some("Secretary of State"));
    assert_eq!(
        clip.quotes[1].title.as_deref(),
        Some("Secretary of Homeland Security")
    );
}

#[test]
fn the_subject_and_cue_nearest_the_quotation_speak_it() {
    let text = "When Hillary Clinton noted that Donald Trump has paid no federal income tax ― as \
                was true for the years his returns were made public ― Trump boasted, \
                “That makes me smart.”";
    let clip = clip_text(text);
    assert_eq!(speakers(&clip), vec![Some("Donald Trump")]);
}

#[test]
fn places_events_and_groups_are_no_one_a_pronoun_means() {
    let text = "Barack Obama flew to an atoll in the Pacific Ocean. Storms there have grown.\n\n\
                “And they're terrifying,” he said.\n\n\
                Serena Williams watched the French Open. Later, Rohingya Muslims cheered. Miss Universe was there.\n\n\
                “It was a privilege,” she said.\n\n\
                Bernie Sanders spoke in Iowa. Central America sends migrants. Modern Ukraine is at war.\n\n\
                “This is the just and moral thing to do,” he said.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Barack Obama"),
            Some("Serena Williams"),
            Some("Bernie Sanders")
        ]
    );
}

/// A pronoun that opens the quotation's sentence means someone named before that sentence, not
/// someone the sentence names before the quotation; and a thing someone has ("Trump’s
/// early-morning tweets") is nobody who speaks.
#[test]
fn a_pronoun_opening_the_sentence_looks_before_it() {
    let text = "Hillary Clinton spoke in Florida on Friday.\n\
                She says Trump’s early-morning tweets accusing Alicia Machado of lying are “lies and conspiracy theories.”\n\
                Late that night, Donald Trump’s flurry of late-night tweets called her “disgusting.”";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Hillary Clinton"), None],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(
        clip.quotes[0].note.as_deref(),
        Some("“She” resolved to Hillary Clinton")
    );
}

#[test]
fn a_quotation_that_goes_on_in_the_next_paragraph_after_its_attribution_is_one() {
    let text = "Henry Crespo, president of the caucus, is worried.\n\n\
                “No one is writing songs for Hillary,” he said.\n\n\
                “Right now, the vote is against Trump.”\n\n\
                “We will knock on doors,” Crespo said.\n\n\
                “It is close,” Maria Lopez said.\n\n\
                “Turnout matters,” Crespo said. “We need buses.”\n\n\
                “And we need volunteers in every county.”\n\n\
                “Apathy is the enemy of every campaign” is how he put it.\n\n\
                “You know, I love Larry,” he said, but “Larry has a history of representing coal.”";
    let clip = clip_text(text);
    assert_eq!(
        texts(&clip),
        vec![
            "No one is writing songs for Hillary. Right now, the vote is against Trump.",
            // The next paragraph has a speaker of its own, or goes on after the quotation.
            "We will knock on doors",
            "It is close",
            "Turnout matters. We need buses.",
            // A paragraph that is only a quotation, after one that ends with a quotation: the
            // same speaker goes on, in a quotation of its own.
            "And we need volunteers in every county.",
            "Apathy is the enemy of every campaign",
            // The sentence goes on with more of the same quotation.
            "You know, I love Larry Larry has a history of representing coal.",
        ]
    );
    assert_eq!(speakers(&clip)[0], Some("Henry Crespo"));
    assert_eq!(speakers(&clip)[4], Some("Henry Crespo"));
    assert_eq!(
        clip.quotes[4].note.as_deref(),
        Some("continues the quotations of the paragraph before")
    );
}

#[test]
fn a_clause_opening_the_sentence_is_not_its_subject() {
    let text = "Hillary Clinton and Carly Fiorina spoke on Tuesday.\n\n\
                On The Steve Harvey Show on Tuesday, Clinton criticized Tulsa, Okla., police officer Betty Shelby for the shooting.\n\n\
                “How many times do we have to see this in our country?” she said.\n\n\
                As for the notion that people want to vote for Clinton because she would be the first woman president, Fiorina offered her own approach.\n\n\
                “Look, how about an honest woman?” she said.\n\n\
                As the Washington Post’s Ishaan Tharoor wrote, “Azerbaijan is a useful friend to Israel.”\n\n\
                However, as Archbishop Aris Shirvanian told the Associated Press, “We have suffered the same fate.” He added, “So Israel should have been one of the first.”";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![
            // The subject after the opening phrase, not the officer named after the verb.
            Some("Hillary Clinton"),
            // Not Clinton, named in the clause that opens the sentence.
            Some("Carly Fiorina"),
            Some("Ishaan Tharoor"),
            // (Inside "However, as Archbishop … told the AP,": the clause introduces the
            // quotation its subject speaks; "He added" introduces a second one.)
            Some("Aris Shirvanian"),
            Some("Aris Shirvanian"),
        ],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_name_followed_by_who_is_a_person_a_pronoun_can_mean() {
    let text = "Taxes would go up, according to an analysis by Lily Batchelder, a former Democratic tax aide.\n\n\
                The losses would outstrip the gains, said Batchelder.\n\n\
                It’s become a major issue in the campaign, with Hillary Clinton — who’s called for big tax hikes on the rich — lambasting Trump’s plan.\n\n\
                “The kind of plan that Donald has put forth would be trickle-down economics all over again,” she said.";
    let clip = clip_text(text);
    assert_eq!(speakers(&clip), vec![Some("Hillary Clinton")]);
}

#[test]
fn a_sentence_opening_with_he_is_about_whom_he_means() {
    let text = "Omar Mateen, the gunman, had visited the mosque.\n\n\
                Adel Nefzi, a member of the mosque's board, said he never saw Mateen there. \
                He said Mateen acted alone because of a psychological problem.\n\n\
                “We don't teach anything like that in the mosque,” he said.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Adel Nefzi")],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn titles_of_shows_are_no_quotations_but_a_short_clause_is() {
    let text = "She watches “Orange is the New Black” and “Flip the Script with Liz Plank” every week.\n\n\
                “Word is,” Trump said, “that Ford Motor is going to cancel their deal to go to Mexico.”";
    let clip = clip_text(text);
    assert_eq!(
        texts(&clip),
        vec!["Word is that Ford Motor is going to cancel their deal to go to Mexico."]
    );
}

#[test]
fn a_statement_or_letter_that_reads() {
    let text = "A group of parents sent a letter to the board.\n\n\
                “We see charter schools offering parents hope,” the letter reads. “Our support is not abstract.”\n\n\
                “The results of that meeting will be revealed tonight,” the statement read.";
    let clip = clip_text(text);
    assert_eq!(
        texts(&clip),
        vec![
            "We see charter schools offering parents hope. Our support is not abstract.",
            "The results of that meeting will be revealed tonight",
        ]
    );
    let mentions = mentions(&clip);
    assert_eq!(mentions, vec![Some("the letter"), Some("the statement")]);
    assert_eq!(clip.quotes[0].cue.as_deref(), Some("reads"));
}

#[test]
fn an_appositive_that_runs_to_the_cue_and_an_age_as_description() {
    let text = "Polls moved.\n\n\
                “Clinton needs a strategy for targeting voters,” Nate Silver, the polling guru who founded fivethirtyeight.com tweeted on Wednesday. “They're clearly drawing more from her side.”\n\n\
                “What if Donald Trump had elocution lessons?” the 43-year-old asked in the description.\n\n\
                The Post noted his “plan would benefit affluent households more than poorer ones.” \
                Likewise, a paper from the left-leaning Brookings Institution had this to say: “Families from the top half would receive more.”";
    let clip = clip_text(text);
    let got = said(&clip);
    assert_eq!(
        got[..2],
        [
            (
                "Clinton needs a strategy for targeting voters. They're clearly drawing more from her side.",
                Some("Nate Silver"),
                Some("Nate Silver")
            ),
            (
                "What if Donald Trump had elocution lessons?",
                None,
                Some("the 43-year-old")
            ),
        ]
    );
    // "Likewise" is no speaker, and the partial quotation is not joined to the next one.
    assert_eq!(got.len(), 4, "{got:#?}");
    assert!(got.iter().all(|(_, s, _)| *s != Some("Likewise")));
}

#[test]
fn it_means_the_newspaper_or_statement_quoted_last() {
    let text = "The newspaper looked back.\n\n\
                “After the collapse of the real estate market, Mr. Trump’s company was left holding debt,” the Times wrote.\n\n\
                “But since then, his fortunes have changed,” it further wrote.\n\n\
                “We will not comment on the inquiry,” a senior aide said.\n\n\
                “The committee has interviewed 59 witnesses,” it said.";
    let clip = clip_text(text);
    let mentions = mentions(&clip);
    assert_eq!(
        mentions,
        vec![
            Some("the Times"),
            Some("the Times"),
            Some("a senior aide"),
            // Not the aide: a person is no “it”; the Times was quoted before.
            Some("the Times"),
        ],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(
        clip.quotes[1].note.as_deref(),
        Some("“it” resolved to the Times")
    );
}

#[test]
fn a_role_before_a_name_with_its_party_yells_and_he_after_an_opening_phrase() {
    let text = "The committee voted.\n\n\
                \"Subpoenas are not optional,\" panel Chairman Rep. Jason Chaffetz (R-Utah) said after the vote.\n\n\
                Rakeyia Scott can be heard yelling to the officers.\n\n\
                \"Did you shoot him? He better not be dead,\" she yells while moving along the street.\n\n\
                Donald Trump spoke in Ohio. Officer Betty Shelby shot Terence Crutcher, a 40-year-old man.\n\n\
                Trump has also commented on Crutcher’s death.\n\n\
                On Wednesday, he told Crutcher’s family in Tulsa that he was troubled.\n\n\
                “This young officer, I don’t know what she was thinking,” he said.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Jason Chaffetz"),
            Some("Rakeyia Scott"),
            Some("Donald Trump")
        ],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_speaker_after_that_and_jokes() {
    let text = "The debate grew so heated that New Jersey Gov. Chris Christie said, \"I feel like I need a Washington-to-English converter.\"\n\n\
                Bernie Sanders walked past a long line of caucus-goers. He jokes, “It’s a never ending line!”";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Chris Christie"), Some("Bernie Sanders")],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_cue_after_a_complete_or_partial_quotation_introduces_the_next() {
    let text = "Hillary Clinton spoke in Toledo.\n\n\
                She says Trump represents the “same rigged system that he claims he’s going to change.” She adds, “What kind of genius loses a billion dollars in a single year?”\n\n\
                Ava DuVernay said the amendment was worth examining because “most people don’t know about that loop-hole,” she said. “We have no context for the current moment.”\n\n\
                “We will win this state,” Clinton said. “And then we will win the country.”";
    let clip = clip_text(text);
    assert_eq!(
        texts(&clip),
        vec![
            "same rigged system that he claims he’s going to change.",
            "What kind of genius loses a billion dollars in a single year?",
            "most people don’t know about that loop-hole",
            "We have no context for the current moment.",
            // Broken by its attribution: one quotation.
            "We will win this state. And then we will win the country.",
        ]
    );
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Hillary Clinton"),
            Some("Hillary Clinton"),
            Some("Ava DuVernay"),
            Some("Ava DuVernay"),
            Some("Hillary Clinton"),
        ]
    );
}

#[test]
fn an_attribution_that_introduces_the_next_quotation_does_not_join_them() {
    let text = "Bernie Sanders spoke on Friday.\n\n\
                \"She has to contrast,\" Sanders said, suggesting a few questions, including, \"Mr. Trump, do you think billionaires need a tax break?\"\n\n\
                \"We are winning,\" Ted Cruz said, adding: \"We will keep winning.\"\n\n\
                \"It is valuable,\" Bill Skelly said. \"Vito is outstanding with data.\"";
    let clip = clip_text(text);
    assert_eq!(
        texts(&clip),
        vec![
            "She has to contrast",
            "Mr. Trump, do you think billionaires need a tax break?",
            "We are winning",
            "We will keep winning.",
            // Broken by its attribution only: one quotation.
            "It is valuable. Vito is outstanding with data.",
        ]
    );
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Bernie Sanders"),
            Some("Bernie Sanders"),
            Some("Ted Cruz"),
            Some("Ted Cruz"),
            Some("Bill Skelly"),
        ]
    );
}

#[test]
fn a_sentence_a_quotation_interrupts_is_still_about_its_subject() {
    let text = "Barack Obama stayed in Washington.\n\n\
                Speaking at a rally in Novi, Donald Trump says he is making “a demand” of Obama.\n\n\
                “Mr. President, will you pledge not to issue a pardon?” he asks.\n\n\
                Trump’s misinformation may be “strategic,” said Jeffery Hemsley, a professor at Syracuse University. \
                “Each candidate is talking to their base,” he said.";
    let clip = clip_text(text);
    assert_eq!(
        said(&clip),
        vec![
            ("a demand", Some("Donald Trump"), Some("Donald Trump")),
            (
                "Mr. President, will you pledge not to issue a pardon?",
                Some("Donald Trump"),
                Some("he")
            ),
            (
                "strategic",
                Some("Jeffery Hemsley"),
                Some("Jeffery Hemsley")
            ),
            (
                "Each candidate is talking to their base",
                Some("Jeffery Hemsley"),
                Some("he")
            ),
        ]
    );
}

#[test]
fn one_word_opening_a_sentence_as_the_subject_of_said_is_someone() {
    let text = "Hillary Clinton is campaigning in Florida.\n\n\
                McLenney said Clinton doesn’t show consistency.\n\n\
                “It’s not something that she continuously says,” she said.\n\n\
                Ban Ki-moon spoke in Paris. Beijing said it disagreed. “This is a priority,” he said.\n\n\
                NATO said nothing. “We will wait,” she said.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("McLenney"), Some("Ban Ki-moon"), Some("McLenney")]
    );
}

#[test]
fn a_nickname_inside_a_name_and_asking() {
    let text = "Bobby Scott welcomed his guests.\n\n\
                \"This is a big year for our potential senator!\" Scott's niece, state Del. Marcia \"Cia\" Price (D-Newport News), shouted to the crowd.\n\n\
                The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might ask?”";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Marcia Price"), Some("Hillary Clinton")],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn people_a_relative_clause_names_are_met() {
    let text = "Chris Christie, who has campaigned for GOP nominee Donald Trump since February, blasted Hillary Clinton.\n\n\
                Terence Crutcher was killed Friday.\n\n\
                Trump has also commented on Crutcher’s death.\n\n\
                On Wednesday, he told a crowd in Cleveland that he was troubled. \
                “This young officer, I don’t know what she was thinking,” he said.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Donald Trump")],
        "{:#?}",
        clip.quotes
    );
    // Described by a title that ends the sentence, after a clause opening it.
    let text = "Barack Obama spoke.\n\nHillary Clinton spoke.\n\n\
                While Obama had a wide array of black artists writing songs about him, that has not been happening for Clinton, \
                which is something that concerns Henry Crespo, president of the Miami-based Florida Democratic Black Caucus.\n\n\
                “No one is writing songs for Hillary,” he said.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Henry Crespo")],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_subject_tweeting_after_its_verb_and_someone_seen_saying() {
    let text = "Howard Dean, a former party chairman, poked at Trump's sniffing during the debate, tweeting, “Notice Trump sniffing all the time.”\n\n\
                Donald Trump left the stage.\n\n\
                The spot concludes with footage of Trump saying during the debate last week, “That makes me smart,” when Clinton blasted him.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Howard Dean"), Some("Donald Trump")],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_singer_sings_and_asks_two_quotations_and_a_title_after_of_is_none() {
    let text = "Mary J. Blige sings to Hillary Clinton in preview clip of ‘The 411.’\n\n\
                “Promise mama you’ll keep your hands in sight,” Blige sings to Clinton before asking her, “I just want to know, where do we go from here?”\n\n\
                Protesters broke into chants of “Marco! Marco!”";
    let clip = clip_text(text);
    assert_eq!(
        said(&clip),
        vec![
            (
                "Promise mama you’ll keep your hands in sight",
                Some("Mary J. Blige"),
                Some("Blige")
            ),
            (
                "I just want to know, where do we go from here?",
                Some("Mary J. Blige"),
                Some("Blige")
            ),
            ("Marco! Marco!", None, None),
        ]
    );
}

#[test]
fn a_headline_says_who_it_quotes_before_its_verb() {
    let text = "Elizabeth Warren Hammers Wells Fargo CEO: ‘You Should Be Criminally Investigated.’\n\n\
                The senator spoke on Tuesday.\n\n\
                Senate Banking Committee Hearing Room Schedule: “Doors open at nine for everyone.”";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Elizabeth Warren"), None],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_bodys_report_or_statement_is_the_body_speaking_in_a_document() {
    let text = "\"The ultimate impact remains very unclear,\" the IMF report stated.\n\n\
                \"We will not comment on the case,\" the White House statement said.\n\n\
                \"The numbers are wrong,\" the annual report said.";
    let clip = clip_text(text);
    let got: Vec<(Option<&str>, onrecord::model::Medium)> = clip
        .quotes
        .iter()
        .map(|q| (q.mention.as_deref(), q.medium))
        .collect();
    use onrecord::model::Medium;
    assert_eq!(
        got,
        vec![
            (Some("the IMF"), Medium::Document),
            (Some("the White House"), Medium::Statement),
            (Some("the annual report"), Medium::Said),
        ]
    );
    // The body speaks, as "the IMF said" would have it; an annual report names no one.
    let speakers: Vec<Option<&str>> = clip.quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers, vec![Some("IMF"), Some("White House"), None]);
}

#[test]
fn article_text_without_the_sites_footer_slideshow_controls_or_a_second_copy() {
    let html = std::fs::read(fixture("short-article-long-footer.html")).unwrap();
    let clip = clip_bytes(&html, &ClipOptions::default()).unwrap();
    let text = &clip.article.text;
    assert!(
        text.starts_with("Today, on the first day of Kwanzaa"),
        "{text}"
    );
    assert!(!text.contains("All rights reserved"), "{text}");
    assert!(!text.contains("User Agreement"), "{text}");
    assert_eq!(texts(&clip), vec!["We do this every year"]);
    // Named after "said the children's librarian,": a person "she" can mean.
    assert_eq!(speakers(&clip), vec![Some("Anne Gregory")]);

    let html = "<html><body><article><h1>Going gray</h1>\
                <p>This season, designers updated a classic color by way of modern silhouettes, both tailored and casual.</p>\
                <div>Play Slideshow</div><div>Pause</div><div>View Larger</div><div>Previous</div><div>1 of 10</div><div>2 / 10</div><div>Next</div>\
                <p>Blazer and vest by Ermenegildo Zegna Couture. Shirt by Carven. The most effortless way to transition into fall is all in the shading.</p>\
                </article></body></html>";
    let clip = clip_bytes(html.as_bytes(), &ClipOptions::default()).unwrap();
    let lines: Vec<&str> = clip.article.text.lines().collect();
    for control in [
        "Play Slideshow",
        "Pause",
        "View Larger",
        "Previous",
        "1 of 10",
        "2 / 10",
        "Next",
    ] {
        assert!(!lines.contains(&control), "{lines:?}");
    }
    assert!(clip.article.text.contains("Blazer and vest"), "{lines:?}");

    // Labels, counters, datelines and copyright lines inside the article's element; a
    // headline stacked three times; none of them the article. Code's braces and a short
    // sentence that mentions a date stay.
    let html = "<html><body><article><h1>Weather threatens holiday plans</h1>\
                <div>Dec. 29, 2014, 5:04 PM</div><div>5,263</div>\
                <p>Forecasters expect snow across the Northeast through Thursday, and airlines have begun to cancel flights out of Boston and New York.</p>\
                <div>HIDE CAPTION</div><div>Image copyright Getty Images Image caption Travelers wait at Logan airport</div>\
                <p>Editors should write an image caption for every photo they publish, the style guide says.</p>\
                <div>Weather threatens holiday plans</div><div>Weather threatens holiday plans</div><div>Weather threatens holiday plans</div>\
                <div>&lt;&lt;</div><div>8</div><div>&gt;&gt;</div>\
                <p>Travelers should check with their airline before leaving home, the agency said in a statement on Monday night.</p>\
                <pre>if (ready) {\n  go();\n}\n}\n}</pre>\
                <p>The storm is expected to reach Maine by December 31, 2014.</p>\
                <div>Tags: Weather, Travel</div><div>Share This</div><div>Published December 20, 2014</div>\
                <div>\u{2122} &amp; \u{a9} 2014 Cable News Network. All rights reserved.</div>\
                </article></body></html>";
    let clip = clip_bytes(html.as_bytes(), &ClipOptions::default()).unwrap();
    let text = &clip.article.text;
    for furniture in [
        "Dec. 29, 2014",
        "5,263",
        "HIDE CAPTION",
        "Image copyright",
        "<<",
        ">>",
        "Tags:",
        "Share This",
        "Published December",
        "All rights reserved",
    ] {
        assert!(!text.contains(furniture), "{furniture}: {text}");
    }
    assert!(!text.lines().any(|l| l == "8"), "{text}");
    // The headline, and the stack once.
    assert_eq!(
        text.matches("Weather threatens holiday plans").count(),
        2,
        "{text}"
    );
    for article in [
        "Forecasters expect snow",
        "the agency said in a statement",
        "go();",
        "The storm is expected to reach Maine by December 31, 2014.",
        "Editors should write an image caption",
    ] {
        assert!(text.contains(article), "{article}: {text}");
    }
    assert_eq!(text.lines().filter(|l| *l == "}").count(), 3, "{text}");

    // The article twice, for two layouts: once.
    let first = "As you may remember from High School Musical, Disney Channel Original Movies aren't just made-for-TV movies, but actual events.";
    let second = "Not that the recent selection isn't great and all, but we definitely suggest watching these movies over the holiday break.";
    let html = format!(
        "<html><body><article><div class=\"wide\"><p>{first}</p><p>{second}</p></div>\
         <div class=\"narrow\"><p>{first}</p><p>{second}</p></div></article></body></html>"
    );
    let clip = clip_bytes(html.as_bytes(), &ClipOptions::default()).unwrap();
    assert_eq!(
        clip.article.text.matches("High School Musical").count(),
        1,
        "{}",
        clip.article.text
    );
    assert!(clip.article.text.contains("holiday break"));
}

#[test]
fn an_introduction_about_something_else_ending_on_a_name() {
    let text = "Bernie Sanders surged in the polls.\n\n\
                The timing of Sanders’ surge doesn’t surprise Republican pollster Daron Shaw: “Lesser-known candidates have seen the biggest boost.”";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Daron Shaw")],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_contraction_is_no_possessive_and_a_description_after_a_name_makes_a_person() {
    let text = "Chris Christie and Marco Rubio debated on Saturday.\n\n\
                Christie's been making the case for weeks that Rubio isn't ready for the White House.\n\n\
                \"You have not been involved in a consequential decision,\" he said.\n\n\
                Vanessa Iampaglia, a teacher from Ohio, said she owes $40,000.\n\n\
                Christyn Gionfriddo, a Neptune, N.J., native, is saddled with about $92,000 in student loan debt.\n\n\
                \"Who wants to live at home at 29?\" she said.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Chris Christie"), Some("Christyn Gionfriddo")],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_short_exclamation_or_question_is_a_quotation_a_short_scare_quote_is_not() {
    let text = "Protesters marched past the police line, “What curfew?” written on their signs, \
                while the “so-called experts” watched and one man waved a flag reading “Build the wall!” at them.";
    let clip = clip_text(text);
    assert_eq!(texts(&clip), vec!["What curfew?", "Build the wall!"]);
}

#[test]
fn an_introduction_after_and_then_or_here_or_with_a_pronoun_subject() {
    let text = "Donald Trump and Bernie Sanders campaigned.\n\n\
                And then Trump went fully on the attack, saying, \"Is President Obama going to finally mention the words?\"\n\n\
                Here in Columbia, Sanders stepped up his emphasis on criminal justice, saying, \"We have got to achieve the day when young men can walk the streets.\"\n\n\
                Sanders spoke for an hour. But back on the stage, he returned to his familiar lines: \"It's called a political revolution!\"";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Donald Trump"),
            Some("Bernie Sanders"),
            Some("Bernie Sanders")
        ],
        "{:#?}",
        clip.quotes
    );
}

/// "the senator said" means the senator the text named last, passing over people it gave
/// another title; someone named since whose title it never gave may be the one meant, so the
/// candidate then keeps the description without a name.
#[test]
fn a_definite_description_is_the_person_last_given_that_title() {
    let text = "Campaign notebook\n\n\
                Sen. Bernie Sanders spoke in Iowa on Monday. Republican presidential nominee Donald Trump was in Ohio.\n\n\
                “We will win this state,” the senator said.\n\n\
                “We win,” the Republican nominee said.\n\n\
                Marco Rubio stopped by his headquarters in Manchester.\n\n\
                “It is closing really strong,” the senator said.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Bernie Sanders"), Some("Donald Trump"), None],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(mentions(&clip)[2], Some("the senator"));
    // What the text said of the person comes with the name.
    assert_eq!(
        clip.quotes[1].title.as_deref(),
        Some("presidential nominee")
    );
    // A description that ends on no title's noun ("fellow billionaire") makes no title.
    let text = "Cuban weighs in\n\n\
                Eight years after backing Barack Obama, billionaire Mark Cuban is sizing up the field.\n\n\
                In describing fellow billionaire Donald Trump, Cuban said he sees someone without curiosity.\n\n\
                “You have got to be able to adapt,” he said of Trump.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Mark Cuban")],
        "{:#?}",
        clip.quotes
    );
}

/// Titles are compared as `check` compares them: "the congressman" is a representative, "the
/// chief executive" a CEO.
#[test]
fn a_definite_description_matches_a_title_in_another_form() {
    let text = "Hearing notes\n\n\
                Rep. John Mica questioned the witness on Tuesday. Jane Roe, the bank's CEO, answered.\n\n\
                “We have no record of that,” the chief executive said.\n\n\
                “Then find one,” the congressman said.\n\n\
                “We will look again,” the CEO said.";
    assert_eq!(
        speakers(&clip_text(text)),
        vec![Some("Jane Roe"), Some("John Mica"), Some("Jane Roe")]
    );
}

/// "his lawyer said", "my father often said": a source described by whose it is, with an
/// adverb before the cue, is kept as described (and a short quotation with it is found).
#[test]
fn a_source_described_by_whose_it_is_with_an_adverb_before_the_cue() {
    let text = "Family notes\n\n\
                \"We will fight,\" his lawyer said.\n\n\
                \"No comment,\" her spokesman told Reuters.\n\n\
                The paranoia remained. \"We live in Satan's kingdom,\" my father often said.\n\n\
                \"We will fight on,\" the mayor always said.";
    let clip = clip_text(text);
    assert_eq!(
        mentions(&clip),
        vec![
            Some("his lawyer"),
            Some("her spokesman"),
            Some("my father"),
            Some("the mayor")
        ],
        "{:#?}",
        clip.quotes
    );
    assert!(clip.quotes.iter().all(|q| q.speaker.is_none()));
    assert_eq!(clip.quotes[1].medium, Medium::Told);
    assert_eq!(clip.quotes[1].told_to.as_deref(), Some("Reuters"));
}

/// Sentences whose subject is not where a simple reading looks for it: after an opening
/// clause ("And although …, he sounded …, saying,"; "That is, when …— Cruz called them on
/// it:"), with a weekday before it ("In a statement released Thursday, Rep. …"), or before a
/// verb of manner ("barked", "beamed") or "but told …,". In narration "I" is the writer, not
/// the last person named.
#[test]
fn a_subject_after_an_opening_clause_a_manner_verb_and_the_writers_i() {
    let text = "Campaign notebook\n\n\
                Donald Trump, Ben Carson and Rep. Hakeem Jeffries spoke on Monday.\n\n\
                And although he thanked the evangelical community, Trump sounded a rare note of self-deprecation, saying, \"I'm not sure I really deserve it.\"\n\n\
                That is, when the moderators yielded to snark—and do we know how tempting that can be!— Carson called them on it: \"The questions illustrate why people don't trust the media.\"\n\n\
                In a statement released Thursday, Rep. Hakeem Jeffries (D-N.Y.) reacted to the news, saying: \"The killer should be in prison.\"\n\n\
                \"Go back to Univision,\" Trump barked as a guard escorted Ramos out.\n\n\
                \"This is fantastic!\" beamed Carson.\n\n\
                Carson did not mention his opponents by name, but told his supporters, \"our nation is in horrible trouble.\"\n\n\
                When Jeffries mentioned the devil to me, I laughed and said, \"I don't believe in the devil.\"";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Donald Trump"),
            Some("Ben Carson"),
            Some("Hakeem Jeffries"),
            Some("Donald Trump"),
            Some("Ben Carson"),
            Some("Ben Carson"),
            None,
        ],
        "{:#?}",
        clip.quotes
    );
    let writer = clip.quotes.last().unwrap();
    assert_eq!(writer.mention.as_deref(), Some("I"), "{writer:#?}");
    assert!(
        writer
            .note
            .as_deref()
            .unwrap_or_default()
            .contains("writer"),
        "{writer:#?}"
    );
}

/// A paragraph that only signs the quotation above it ("- Sanders.", as fact checks print
/// them), a mood before a name ("an angry Hollande retaliated"), and "remembered" and "is
/// quoted as saying" as cues.
#[test]
fn a_signature_below_a_mood_before_a_name_and_more_cues() {
    let text = "Fact check\n\n\
                Bernie Sanders, Hillary Clinton and Francois Hollande spoke; so did Roy Verley.\n\n\
                \"Boeing and GE and other multinationals . . . pay zero taxes.\"\n\n\
                - Sanders.\n\n\
                This is a complex issue.\n\n\
                \"I went to Wall Street before the crash.\"\n\n\
                — Hillary Clinton\n\n\
                Clinton tends to overstate it.\n\n\
                “France will always be France,” an angry Hollande retaliated.\n\n\
                \"An awful lot of analysts said no,\" remembered Roy Verley, HP's former chief corporate spokesman.\n\n\
                “Our method succeeds where others fail,” Sanders is quoted as saying.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Bernie Sanders"),
            Some("Hillary Clinton"),
            Some("Francois Hollande"),
            Some("Roy Verley"),
            Some("Bernie Sanders"),
        ],
        "{:#?}",
        clip.quotes
    );
    // The signature is not taken for the next quotation's.
    let after_signature = "Notes\n\n\
                \"Boeing pays zero taxes.\"\n\n\
                - Sanders.\n\n\
                \"We will see about that, and then some more.\"";
    let clip = clip_text(after_signature);
    assert_eq!(speakers(&clip)[0], Some("Sanders"), "{:#?}", clip.quotes);
    assert_eq!(clip.quotes.len(), 2, "{:#?}", clip.quotes);
}

/// A quotation that opens a sentence right after a sentence in which someone says or agrees
/// ("Perez says too many women are torn. “…”") is theirs; a name quoted at the start of a
/// sentence about it is no quotation of anyone's. Present-tense cues before the speaker
/// ("declares Stephanie Acs"). A heading's last capitalised word is no part of the name that
/// opens the next paragraph ("Notebook¶Thomas Perez" had made "Notebook Thomas Perez").
#[test]
fn a_quotation_after_a_sentence_someone_says_and_present_cues_before_a_name() {
    let text = "Notebook\n\n\
                Thomas Perez and Dianne Bystrom toured the state.\n\n\
                With two TV crews filming, Perez says too many women are torn by guilt. \"They feel like a bad employee and a bad mom.\"\n\n\
                Bystrom agreed. \"Mainstream Republicans are running out of time to find an alternative.\"\n\n\
                \"I'm a voter,\" declares Stephanie Acs, 27, a Navy veteran. \"If I have a view on something, I don't just post it.\"\n\n\
                The crowd cheered. ‘Stickerboy’ placed two stickers over his face and danced.";
    let clip = clip_text(text);
    assert_eq!(
        said(&clip)
            .iter()
            .map(|(_, speaker, _)| *speaker)
            .collect::<Vec<_>>(),
        vec![
            Some("Thomas Perez"),
            Some("Dianne Bystrom"),
            Some("Stephanie Acs"),
        ],
        "{:#?}",
        clip.quotes
    );
}

/// One name that "who" follows, or that names someone's relative ("his wife, Jane,"), is
/// someone's, whom a later "she" can mean. A sentence that follows a quotation ending its own
/// sentence and ends on a colon introduces the next quotation, not the one before.
#[test]
fn a_single_name_a_relative_clause_follows_is_a_person() {
    let text = "Awards night\n\n\
                Shonda Rhimes spoke about ambition: “Change the world,” she said.\n\n\
                Meanwhile Rihanna, who was honored with the Rockstar award, spoke about self-love. “The minute you learn to love yourself, you would not want to be anyone else,” she said.\n\n\
                Bernie Sanders did not attend. But his wife, Jane, offered a preview. “If he is president, he wants to keep this movement going,” she said.\n\n\
                Hillary Clinton proclaimed at a press conference, “I did not email any classified material.” The candidate reiterated: “I am well aware of the requirements.”";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Shonda Rhimes"),
            Some("Rihanna"),
            Some("Jane"),
            Some("Hillary Clinton"),
            None
        ],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(clip.quotes[4].mention.as_deref(), Some("The candidate"));
}

/// After a quotation that ends its own sentence with a full stop, a new sentence whose cue
/// takes a clause of its own ("Ohio Gov. John Kasich said he would have fired him") reports
/// someone else; a question takes its attribution after it all the same ("“…?” Trump told
/// ITV"). A number opening a sentence ("Eight years ago, he …") is no name.
#[test]
fn a_new_sentence_after_a_full_stop_reports_someone_else() {
    let text = "Campaign notebook\n\n\
                Ted Cruz, John Kasich, Donald Trump and Al Sharpton spoke on Tuesday.\n\n\
                \"It's a very sad development,\" Cruz told reporters. \"This is the consequence of the culture of the Trump campaign. That has no place in a campaign.\" Ohio Gov. John Kasich said he would have fired Lewandowski.\n\n\
                “It looks like we’re not going to have a very good relationship, who knows?” Trump told Britain’s ITV.\n\n\
                Sharpton left no doubt. Eight years ago, he supported Barack Obama over Clinton and said, “Hillary Clinton has never done nothing for us.” Sharpton later clarified that remark.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Ted Cruz"),
            Some("Ted Cruz"),
            Some("Donald Trump"),
            Some("Al Sharpton"),
        ],
        "{:#?}",
        clip.quotes
    );
}

/// "…, to which O'Malley interjected: “…”" — the subject of a relative clause that ends on the
/// cue speaks. An apostrophe after a name's first capital is no possessive: "Martin O'Malley"
/// is someone "O'Malley" can mean.
#[test]
fn the_subject_of_a_relative_clause_before_a_quotation_speaks() {
    let text = "Debate notebook\n\n\
                Hillary Clinton and Martin O'Malley debated.\n\n\
                Clinton said that experts had found her proposals strong, to which O'Malley interjected: \"It's just not true.\"";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Martin O'Malley")],
        "{:#?}",
        clip.quotes
    );
}

/// "Mike Lee, who declared in the spin room, “…”" — a relative clause whose verb is the cue;
/// a name inside parentheses; a particle inside a name ("Michery el Soheil").
#[test]
fn a_relative_clause_cue_a_name_in_parentheses_and_a_particle() {
    let text = "Notebook\n\n\
                Cruz scored an endorsement from Mike Lee, who declared in the debate spin room, “I’m sending the signal that it’s time to unite.”\n\n\
                Any decision would involve Attorney General Loretta E. Lynch, who told Congress when asked about the inquiry: \"That matter is being handled by career agents.\"\n\n\
                Historians agree (Raphael Lemkin, who coined the word genocide, once said, “It happened so many times”).\n\n\
                “We had called him just before he boarded,” his nephew Michery el Soheil added.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Mike Lee"),
            Some("Loretta E. Lynch"),
            Some("Raphael Lemkin"),
            Some("Michery el Soheil"),
        ],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(clip.quotes[1].title.as_deref(), Some("Attorney General"));
    assert_eq!(clip.quotes[3].title.as_deref(), Some("nephew"));
}

/// A surname goes on meaning the person it meant before when relatives with that surname come
/// in by full name: after "Cruz said", "his wife, Heidi Cruz" does not make the next "Cruz"
/// hers.
#[test]
fn a_surname_keeps_meaning_whom_it_meant_when_relatives_come_in() {
    let text = "Convention notebook\n\n\
                Sen. Ted Cruz spoke to the Texas delegation.\n\n\
                \"No, this is not politics,\" Cruz said at the time. \"I will tell the truth.\"\n\n\
                Trump had attacked his wife, Heidi Cruz, and his father, Rafael Cruz.\n\n\
                \"I am not in the habit of supporting people who attack my wife,\" Cruz said in July.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Ted Cruz"), Some("Ted Cruz")],
        "{:#?}",
        clip.quotes
    );
}

/// A title closing a sentence of narration (“The Revenant.” after "she had seen") is no
/// quotation; a quotation its own sentence introduced and closed ("The crowd chanted “Lock Her
/// Up.”") is that sentence's, not the next sentence's ("He went on.").
#[test]
fn a_title_closing_narration_and_a_quotation_its_sentence_introduced_and_closed() {
    let text = "Rally notebook\n\n\
                Donald Trump and Hillary Clinton campaigned.\n\n\
                Clinton remarked that she had seen “The Revenant.” She went on about the film.\n\n\
                The crowd chanted “Lock Her Up Right Now.” He went on.";
    let clip = clip_text(text);
    assert_eq!(
        said(&clip),
        vec![("Lock Her Up Right Now.", None, Some("The crowd"))],
        "{:#?}",
        clip.quotes
    );
}

/// Text built so that reading it name by name or mark by mark would take hours (relative
/// clause after relative clause, names with no full stop, marks closed only by stand-ins,
/// endless different people) reads in one pass. Each case took minutes or never finished before; the limit here is a
/// hang detector with a wide margin, not a speed measurement.
#[test]
fn text_built_to_be_read_over_and_over_finishes() {
    let cases = [
        format!(
            "Title\n\n{}“hello there friend,” he said.",
            "Bob Roe, who runs fast, ".repeat(2_000)
        ),
        format!(
            "Title\n\n{}“hello there friend,” he said.",
            "Bob Roe and ".repeat(80_000)
        ),
        format!("Title\n\n{}", "“a\" ".repeat(100_000)),
        // An opening clause of endless commas before the subject.
        format!(
            "Title\n\nThat is, {}Cruz called them on it: “hello there friend.” ",
            "Bob went, ".repeat(40_000)
        )
        .repeat(20),
        format!("Title\n\n{}", "“a “b” c ".repeat(100_000)),
        // 60,000 people, each quoted once.
        (0..60_000)
            .map(|i: u32| {
                let letters: String = i
                    .to_string()
                    .bytes()
                    .map(|d| char::from(b'a' + d - b'0'))
                    .collect();
                format!("Zed{letters} Quo{letters} said “we will go home now.” ")
            })
            .collect(),
    ];
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for text in cases {
            let clip = clip_bytes(text.as_bytes(), &ClipOptions::default()).unwrap();
            send.send(clip.quotes.len()).unwrap();
        }
    });
    let counts: Vec<usize> = (0..6)
        .map(|_| {
            receive
                .recv_timeout(Duration::from_secs(120))
                .expect("clipping hung")
        })
        .collect();
    // (Words as short as “a” and “b” with no cue are no quotations.)
    assert_eq!(counts, vec![1, 1, 0, 20, 0, 60_000]);
}

/// From newspaper pages: a surname led by a particle, an occupation and where its
/// organization is, an appositive that runs to the cue, and an organization's statement.
#[test]
fn a_particle_led_surname_an_occupation_and_a_statement_saying() {
    let clip = clip_text(
        "Search\n\n\
         \"The Java Sea area isn't even an ocean,\" Erik van Sebille, a physical oceanographer \
         at the University of New South Wales in Sydney told Reuters.\n\n\
         \"It's so shallow that they may just be able to spot the plane,\" said van Sebille.\n\n\
         Amazon released a separate statement saying, \u{201c}It allows us to grow our \
         business.\u{201d}\n\n\
         Ivanka Trump met the board. Minutes later, she sent an email saying, \u{201c}Done and \
         dusted.\u{201d}",
    );
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Erik van Sebille"),
            Some("Erik van Sebille"),
            Some("Amazon"),
            Some("Ivanka Trump")
        ],
        "{:#?}",
        clip.quotes
    );
    let first = &clip.quotes[0];
    assert_eq!(first.title.as_deref(), Some("physical oceanographer"));
    assert_eq!(
        first.organization.as_deref(),
        Some("University of New South Wales")
    );
    assert_eq!(first.medium, Medium::Told);
    assert_eq!(clip.quotes[2].medium, Medium::Statement);
    assert_eq!(clip.quotes[3].medium, Medium::Email);
}

/// "the CEO" is a description like "the spokesman" (and resolves to the chief executive named
/// before); a relative clause between a speaker and the cue does not lend its verb as the cue.
#[test]
fn the_ceo_and_a_relative_clause_between_speaker_and_cue() {
    let clip = clip_text(
        "Acme\n\n\
         Jane Doe, Acme's chief executive, spoke to analysts. Later, the CEO told Reuters: \
         \"Margins will improve.\"\n\n\
         \"This is a disaster,\" Mr. Smith, who asked that his first name not be used, said.",
    );
    assert_eq!(
        speakers_and_mentions(&clip),
        vec![
            (Some("Jane Doe"), Some("the CEO")),
            (Some("Smith"), Some("Mr. Smith")),
        ],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(clip.quotes[0].told_to.as_deref(), Some("Reuters"));
}

/// AP-style names and appositives: two particles in a name (and the name read again from
/// them), a party and state before the role, a premier.
#[test]
fn two_particles_a_party_and_state_and_a_premier() {
    let clip = clip_text(
        "Brussels\n\n\
         \"We are ready to act,\" said Ursula von der Leyen, the European Commission president.\n\n\
         \"We will act soon,\" von der Leyen said.\n\n\
         \"We will pass it,\" said Kevin McCarthy, R-Calif., the House speaker.\n\n\
         \"Growth is steady,\" said Li Qiang, China's premier.",
    );
    assert_eq!(
        roles(&clip),
        vec![
            (
                Some("Ursula von der Leyen"),
                Some("president"),
                Some("European Commission")
            ),
            (
                Some("Ursula von der Leyen"),
                Some("president"),
                Some("European Commission")
            ),
            (Some("Kevin McCarthy"), Some("speaker"), Some("House")),
            (Some("Li Qiang"), Some("premier"), Some("China")),
        ],
        "{:#?}",
        clip.quotes
    );
}

/// British style: a title alone with the name in its appositive, in single curly marks, and
/// a party's role before a name (the possessive is no part of the party's name); whom a
/// speaker told, named before the colon, is not the speaker.
#[test]
fn a_title_with_the_name_in_its_appositive_and_a_partys_role() {
    let clip = clip_text(
        "Westminster\n\n\
         The Prime Minister, Keir Starmer, said: ‘We will not go back to the single market.’\n\n\
         “We did not see it coming,” the Chancellor, Rachel Reeves, said.\n\n\
         Labour’s deputy leader Angela Rayner told the BBC: ‘We are focused on growth.’\n\n\
         Tri Wobowo, who co-piloted the aircraft, told Indonesian newspaper Kompas: “There are \
         seven to eight people.”",
    );
    assert_eq!(
        roles(&clip),
        vec![
            (Some("Keir Starmer"), Some("Prime Minister"), None),
            (Some("Rachel Reeves"), Some("Chancellor"), None),
            (Some("Angela Rayner"), Some("deputy leader"), Some("Labour")),
            // (Whom he told is no later speaker.)
            (Some("Tri Wobowo"), None, None),
        ],
        "{:#?}",
        clip.quotes
    );
}

/// How it was said: to an audience in lower case ("told reporters"), at a news conference or
/// a hearing (public remarks, as a speech), on a video platform (a post).
#[test]
fn media_told_to_an_audience_news_conferences_and_video_platforms() {
    let clip = clip_text(
        "Media\n\n\
         \"We are ready,\" Jane Doe told reporters at the White House.\n\n\
         \"We are not,\" Tom Roe told lawmakers during a hearing.\n\n\
         \"It was late,\" Pat Lynch, head of the police union, said at a press conference.\n\n\
         \"Watch this,\" Ann Ray said in a video posted on YouTube.\n\n\
         \"Nothing more,\" Jane Doe said.",
    );
    let media: Vec<_> = clip
        .quotes
        .iter()
        .map(|q| (q.medium, q.told_to.as_deref()))
        .collect();
    assert_eq!(
        media,
        vec![
            (Medium::Told, Some("reporters")),
            (Medium::Told, Some("lawmakers")),
            (Medium::Speech, None),
            (Medium::Post, None),
            (Medium::Said, None),
        ],
        "{:#?}",
        clip.quotes
    );
}

/// Wire-copy titles before a name: what an officer or a minister is in charge of is the
/// title's, the company or country before it the organization; a source described as
/// someone of an organization keeps that role with no name; a name in the appositive of a
/// description is the speaker; "who heads …" gives a title.
#[test]
fn titles_with_portfolios_and_unnamed_sources_of_an_organization() {
    let clip = clip_text(
        "Earnings\n\n\
         \"We beat the forecast,\" Microsoft Chief Financial Officer Amy Hood said.\n\n\
         \"Talks go on,\" German Foreign Minister Annalena Baerbock said.\n\n\
         \"Sales are up,\" Amazon Senior Vice President Dave Limp said.\n\n\
         \"Nothing has changed,\" White House Press Secretary Karine Jean-Pierre said.\n\n\
         \"We will appeal,\" a spokeswoman for Acme said.\n\n\
         \"We are studying it,\" said a spokesman for the European Commission.\n\n\
         A senior official at the Federal Reserve said: \"Rates stay where they are.\"\n\n\
         \"We regret it,\" the company's spokesman, Joe Smith, said.\n\n\
         \"Demand is strong,\" said Eve Adams, who heads the cloud unit at Oracle.\n\n\
         \"He is a genius,\" a friend of Trump said.\n\n\
         \"No comment,\" a Fed spokesperson said.\n\n\
         \"It is over,\" one Western official said.\n\n\
         \"It is not over,\" a German official said.",
    );
    assert_eq!(
        roles(&clip),
        vec![
            (
                Some("Amy Hood"),
                Some("Chief Financial Officer"),
                Some("Microsoft")
            ),
            (
                Some("Annalena Baerbock"),
                Some("Foreign Minister"),
                Some("Germany")
            ),
            (
                Some("Dave Limp"),
                Some("Senior Vice President"),
                Some("Amazon")
            ),
            (
                Some("Karine Jean-Pierre"),
                Some("Press Secretary"),
                Some("White House")
            ),
            (None, Some("spokeswoman"), Some("Acme")),
            (None, Some("spokesman"), Some("European Commission")),
            (None, Some("senior official"), Some("Federal Reserve")),
            // ("The company" is no organization named in its paragraph or twice before: the
            // title is the spokesman's, the company stays unnamed.)
            (Some("Joe Smith"), Some("spokesman"), None),
            (
                Some("Eve Adams"),
                Some("head of the cloud unit"),
                Some("Oracle")
            ),
            // (A friend is no title, and Trump no organization.)
            (None, None, None),
            (None, Some("spokesperson"), Some("Fed")),
            (None, None, None),
            (None, Some("official"), Some("Germany")),
        ],
        "{:#?}",
        clip.quotes
    );
    let mentions: Vec<_> = clip.quotes.iter().map(|q| q.mention.as_deref()).collect();
    assert_eq!(mentions[5], Some("a spokesman for the European Commission"));
    assert_eq!(
        mentions[6],
        Some("A senior official at the Federal Reserve")
    );
    assert_eq!(mentions[9], Some("a friend of Trump"));
    assert!(
        clip.quotes[4]
            .note
            .as_deref()
            .is_some_and(|n| n.contains("not named")),
        "{:?}",
        clip.quotes[4].note
    );
}

/// From newspaper pages: how a name stands beside its role and organization, and words that
/// open a sentence or name a relative but no speaker.
#[test]
fn roles_around_names_and_openers_that_name_no_one() {
    let clip = clip_text(
        "Roles\n\n\
         \"We will decide tomorrow,\" Patrol Chief James Hall with the New York Police \
         Department said Wednesday.\n\n\
         \"Sitcoms are typically short,\" Dan Richter of Demand Media notes.\n\n\
         \"Our first thoughts are with the families,\" Scotland's First Minister Nicola \
         Sturgeon said.\n\n\
         That was in 2009, when economist William Nordhaus suggested it would \"take the \
         climate outside of the range.\"\n\n\
         Laura Stevens met Kyle. \"To be honest, we were surprised,\" said Stevens’ mother, \
         Janet, who noted the stares.\n\n\
         Readers wrote in. Another: \"Green energy generation and wind farms.\"\n\n\
         Max Roe watched the storm. He’ll say, \"Did your parents escape the floods?\"\n\n\
         Edelstein and Kilian estimated costs. Concluded the researchers: \"It takes repeated \
         surprise increases in prices.\"\n\n\
         \"We have argued this for years,\" Solicitor General Elizabeth Prelogar said.\n\n\
         Former Defense Secretary Robert Gates said, \"Clearly the chief executive matters.\"\n\n\
         \"The court needs to hear him out,\" Chris Kise, his lawyer, said.",
    );
    assert_eq!(
        roles(&clip),
        vec![
            (
                Some("James Hall"),
                Some("Patrol Chief"),
                Some("New York Police Department")
            ),
            (Some("Dan Richter"), None, Some("Demand Media")),
            (
                Some("Nicola Sturgeon"),
                Some("First Minister"),
                Some("Scotland")
            ),
            (Some("William Nordhaus"), Some("economist"), None),
            // Whose mother speaks is no speaker; nor is "Another", nor "Readers" a "he".
            (None, None, None),
            (None, None, None),
            (Some("Max Roe"), None, None),
            (None, None, None),
            (Some("Elizabeth Prelogar"), Some("Solicitor General"), None),
            // (The qualifier that opened the sentence keeps its lower case.)
            (Some("Robert Gates"), Some("former Defense Secretary"), None),
            (Some("Chris Kise"), Some("lawyer"), None),
        ],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(clip.quotes[7].mention.as_deref(), Some("the researchers"));
    assert_eq!(clip.quotes[7].cue.as_deref(), Some("concluded"));
}

/// From newspaper pages: cues after a quotation ("reports X", "as Fortune noted", "according
/// to the NWS"), a pronoun with a verb's ending, a speaker after "and" or ", but", a cue in
/// the progressive, and what names no source (a passive, "according to their preference").
#[test]
fn reports_as_noted_according_to_a_described_source_and_the_progressive() {
    let clip = clip_text(
        "Briefing\n\n\
         Goldman Sachs analysts \"see more declines in prices for oil,\" reports Janet Levaux.\n\n\
         \"Google Wallet has not made much headway,\" as Fortune noted earlier this year.\n\n\
         \"The service was founded in 1870 and grew,\" according to the NWS.\n\n\
         \"It was a very bad week,\" according to a senior official.\n\n\
         They voted for \"R,\" or \"D,\" according to their instinctive preference.\n\n\
         Matiullah Matie runs a firm. He’s philosophical about his new financial situation: \
         \"I want to be my own boss now.\"\n\n\
         At one point, a woman asked for a photo and Clinton said, \"as long as we are not \
         violating any laws.\"\n\n\
         Jane Roe smiled, but Max Roe said, \"Never again will we go there.\"\n\n\
         I remember the table, and my father was saying, \"You cannot be a pastor, you are \
         a girl!\"\n\n\
         The nurse showed no symptoms and the risk to other patients is said to be \"low\".",
    );
    let got: Vec<_> = clip
        .quotes
        .iter()
        .map(|q| (q.speaker.as_deref(), q.mention.as_deref(), q.cue.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("Janet Levaux"), Some("Janet Levaux"), Some("reports")),
            (Some("Fortune"), Some("Fortune"), Some("noted")),
            (Some("NWS"), Some("the NWS"), Some("according to")),
            (None, Some("a senior official"), Some("according to")),
            (Some("Matiullah Matie"), Some("He’s"), Some("philosophical")),
            (Some("Clinton"), Some("Clinton"), Some("said")),
            (Some("Max Roe"), Some("Max Roe"), Some("said")),
            (None, Some("my father"), Some("was saying")),
        ],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(clip.quotes[6].title, None, "{:#?}", clip.quotes[6]);
}

/// From newspaper pages: a name with its organization and no comma, initials after a role in
/// lower case, more cue verbs, and what a verb calls its object.
#[test]
fn organization_after_a_name_initials_and_what_a_verb_calls_its_object() {
    let clip = clip_text(
        "Penguins\n\n\
         \"The effects will not be without consequences,\" Wray Grimaldi of the University of \
         Otago in Dunedin, New Zealand, said to New Scientist.\n\n\
         \"Stormy weather stopped the search today,\" air force rescue coordinator S.B. \
         Supriyadi told AFP.\n\n\
         Gwyneth Paltrow talked. \"I was such a kid,\" she shared.\n\n\
         David Taylor runs a blog. \"The forecasts are so often way off,\" he emails.\n\n\
         Janessa Robinson spoke. Robinson dismissed the march as \"a publicity stunt for the \
         cameras\" and left.\n\n\
         Officials searched their records for words such as \"ambassador,\" and more.\n\n\
         \"It will snow tonight,\" says CNN meteorologist Todd Borek.\n\n\
         \"It will be quieter tomorrow,\" says CNN meteorologist.\n\n\
         \"It seemed calm out there,\" Sunarbowo Sandi, mission coordinator in Palangkan Bun, \
         said.\n\n\
         \"The recovery is slow,\" said Joseph Seneca, a Rutgers University economist in New \
         Brunswick.\n\n\
         \"He sold himself to the voters,\" State Sen. Michael Doherty said.\n\n\
         \"We came here to be heard,\" said Janessa Robinson, an organizer with D.C. Ferguson, \
         the group of activists.",
    );
    assert_eq!(
        roles(&clip),
        vec![
            (Some("Wray Grimaldi"), None, Some("University of Otago")),
            (
                Some("S.B. Supriyadi"),
                Some("air force rescue coordinator"),
                None
            ),
            (Some("Gwyneth Paltrow"), None, None),
            (Some("David Taylor"), None, None),
            // (Her role, given where the article names her last, is hers here too.)
            (
                Some("Janessa Robinson"),
                Some("organizer"),
                Some("D.C. Ferguson")
            ),
            (Some("Todd Borek"), Some("meteorologist"), Some("CNN")),
            // An organization's role, no name: not "CNN" as if a person.
            (None, Some("meteorologist"), Some("CNN")),
            (Some("Sunarbowo Sandi"), Some("mission coordinator"), None),
            (
                Some("Joseph Seneca"),
                Some("economist"),
                Some("Rutgers University")
            ),
            (Some("Michael Doherty"), Some("State Sen."), None),
            // (Initials inside the appositive end no sentence.)
            (
                Some("Janessa Robinson"),
                Some("organizer"),
                Some("D.C. Ferguson")
            ),
        ],
        "{:#?}",
        clip.quotes
    );
}

/// Two people named together speak together: the first named is the speaker on record, the
/// candidate's mention and note name both (it once gave the second, with the first as their
/// "organization", and later neither).
#[test]
fn two_people_named_together_give_the_first_as_speaker_and_name_both() {
    let clip = clip_text(
        "Mobile money\n\n\
         Tonny K. Omwansa and Nicholas P. Sullivan wrote a book about it.\n\n\
         \"Cash is the enemy of the poor,\" write Omwansa and Sullivan.\n\n\
         \"Tritium would enable smaller weapons,\" nuclear experts David Albright and Serena \
         Kelleher-Vergantini wrote.\n\n\
         \"We found that leadership mattered,\" Frank Newport and Jim Harter wrote.\n\n\
         \"The rain gauge and barometer were kept in a tin box,\" as the National Oceanic and \
         Atmospheric Administration notes.",
    );
    assert_eq!(
        said(&clip),
        vec![
            // (The first named is the speaker on record; the mention and note keep both.)
            (
                "Cash is the enemy of the poor",
                Some("Tonny K. Omwansa"),
                Some("Tonny K. Omwansa and Nicholas P. Sullivan")
            ),
            (
                "Tritium would enable smaller weapons",
                Some("David Albright"),
                Some("David Albright and Serena Kelleher-Vergantini")
            ),
            (
                "We found that leadership mattered",
                Some("Frank Newport"),
                Some("Frank Newport and Jim Harter")
            ),
            // (One body's name holding "and" is no two people: the body speaks.)
            (
                "The rain gauge and barometer were kept in a tin box",
                Some("National Oceanic and Atmospheric Administration"),
                Some("the National Oceanic and Atmospheric Administration")
            ),
        ],
        "{:#?}",
        clip.quotes
    );
    assert!(
        clip.quotes[0]
            .note
            .as_deref()
            .is_some_and(|n| n.contains("two people")),
        "{:#?}",
        clip.quotes[0]
    );
    // The second is on record as a co-speaker (the body is one speaker).
    let co: Vec<Vec<String>> = clip.quotes.iter().map(|q| q.co_speakers.clone()).collect();
    assert_eq!(
        co,
        vec![
            vec!["Nicholas P. Sullivan".to_owned()],
            vec!["Serena Kelleher-Vergantini".to_owned()],
            vec!["Jim Harter".to_owned()],
            vec![],
        ]
    );
}

/// From PolNeAR's train errors: a show's name in quotation marks earlier in the sentence, the
/// agent of a passive ("was asked by"), a cue in the progressive with its object, and a colon
/// inside a reference before the introducing colon.
#[test]
fn a_show_name_before_the_cue_a_passive_agent_and_a_verse_reference() {
    let clip = clip_text(
        "Radio\n\n\
         Tuesday on WTMJ’s “Midday with Charlie Sykes,” while discussing a tweet featuring a \
         six-pointed star, Speaker of the House Rep. Paul Ryan (R-WI) said “anti-Semitic \
         images, they’ve got no place in a presidential campaign.”\n\n\
         Sanders was asked by host Bill Maher, who is supporting Sanders, “Now, you famously \
         said you were tired of the emails?”\n\n\
         Former Arkansas Gov. Mike Huckabee, for his part, is labeling the actions “a blatant, \
         belligerent abuse of power.”\n\n\
         Glenn Beck spoke next. Speaking in his real voice again, he went on to recite 2 Timothy \
         3:1-5 from the Bible, saying: “This know also, that in those days the perilous times \
         shall come.”",
    );
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Paul Ryan"),
            Some("Bill Maher"),
            Some("Mike Huckabee"),
            Some("Glenn Beck")
        ],
        "{:#?}",
        clip.quotes
    );
}

/// A description's mention leaves out the verb's helpers, and "What she says:" is hers.
#[test]
fn a_description_without_its_helpers_and_what_she_says() {
    let clip = clip_text(
        "Home\n\n\
         A photo was posted saying, “Seddique Mateen is the real leader of the people.”\n\n\
         My mom would just say, “Look at her. Do not be like me, be like her.”\n\n\
         Our neighbour Jane Roe calls every week.\n\n\
         What she says: “Would it not be nice to be in a relationship soon?”",
    );
    assert_eq!(
        mentions(&clip),
        vec![Some("A photo"), Some("My mom"), Some("she")],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(clip.quotes[2].speaker.as_deref(), Some("Jane Roe"));
    assert_eq!(clip.quotes[2].cue.as_deref(), Some("says"));
}

/// "said the 46-year-old": an age is a description after the cue too (it was no source at all,
/// and the quotation was dropped as unattributed).
#[test]
fn an_age_after_the_cue_is_a_described_source() {
    let clip = clip_text(
        "Convention\n\n\
         “Donald is, and always has been, an amazing leader,” said the 46-year-old. “Now, he \
         will go to work for you.”",
    );
    assert_eq!(
        mentions(&clip).first().copied().flatten(),
        Some("the 46-year-old"),
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn an_organizations_name_keeps_its_small_words_and_ends_before_a_clause_or_second_role() {
    let clip = clip_text(
        "Roles\n\n\
         “So it is,” said Robert M. Danin, a senior fellow at the Council on Foreign Relations.\n\n\
         “By 2020, we will spend more,” said Marc Goldwein, senior policy director at the \
         Committee for a Responsible Federal Budget, a research and advocacy organization.\n\n\
         “It can’t be repaired,” said Martin Indyk, executive vice president of the Brookings \
         Institution and a former U.S. ambassador to Israel.\n\n\
         “The worry is real,” said Ananth Iyer, a professor at Purdue University whose research \
         includes sustainability in supply chains.\n\n\
         Ajmi Lourimi, a member of Ennahda’s general secretariat, said he believed the attack \
         would unite Tunisians.\n\n\
         “There is a consensus here,” Lourimi said.\n\n\
         Rachel Stephens, a senior analyst at RedMonk, studies budgets.\n\n\
         According to RedMonk’s Stephens, “We are in a cash-constrained financial environment.”\n\n\
         “Who wants to use them?” says Tehilla Shwartz Altshuler, a senior fellow at the Israel \
         Democracy Institute think tank.\n\n\
         “We have to differentiate,” says Ori Givati, advocacy director for Breaking the Silence.\n\n\
         “It is appalling,” said Eric Reeves, a senior fellow at the François-Xavier Bagnoud \
         Center for Health and Human Rights at Harvard University.",
    );
    assert_eq!(
        roles(&clip),
        vec![
            (
                Some("Robert M. Danin"),
                Some("senior fellow"),
                Some("Council on Foreign Relations")
            ),
            (
                Some("Marc Goldwein"),
                Some("senior policy director"),
                Some("Committee for a Responsible Federal Budget")
            ),
            (
                Some("Martin Indyk"),
                Some("executive vice president"),
                Some("Brookings Institution")
            ),
            (
                Some("Ananth Iyer"),
                Some("professor"),
                Some("Purdue University")
            ),
            (Some("Ajmi Lourimi"), Some("member"), Some("Ennahda")),
            (
                Some("Rachel Stephens"),
                Some("senior analyst"),
                Some("RedMonk")
            ),
            (
                Some("Tehilla Shwartz Altshuler"),
                Some("senior fellow"),
                Some("Israel Democracy Institute")
            ),
            (
                Some("Ori Givati"),
                Some("advocacy director"),
                Some("Breaking the Silence")
            ),
            (
                Some("Eric Reeves"),
                Some("senior fellow"),
                Some(
                    "François-Xavier Bagnoud Center for Health and Human Rights at Harvard \
                     University"
                )
            ),
        ],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_leaders_title_holds_majority_or_opposition_and_a_capitalised_lead_word_is_none_of_it() {
    let clip = clip_text(
        "Leaders\n\n\
         AS Opposition Leader Bill Shorten said in a letter last month: “Press freedom \
         concerns should be addressed in this Bill.”\n\n\
         House Majority Leader Kevin McCarthy said: “We will vote on it next week.”",
    );
    assert_eq!(
        roles(&clip),
        vec![
            (Some("Bill Shorten"), Some("Opposition Leader"), None),
            (
                Some("Kevin McCarthy"),
                Some("Majority Leader"),
                Some("House")
            ),
        ],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_photo_caption_between_two_quoted_paragraphs_does_not_part_them() {
    let clip = clip_text(
        "Whales\n\n\
         “Man’s greed in the ocean is hurting the whales,” says Hori Parata, a fierce and \
         uncompromising elder of the Ngātiwai tribe of eastern Northland.\n\n\
         Hori Parata at his Pātaua farm, the place where he was born and grew up\n\n\
         “We’re having to put up with a lot of stuff today. The public want to hug the whales.”\n\n\
         The department counted the strandings last year.\n\n\
         “They are drowning out there, they can’t breathe, they beach themselves.”",
    );
    assert_eq!(
        speakers(&clip),
        vec![Some("Hori Parata"), Some("Hori Parata"), None],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(
        clip.quotes[1].note.as_deref(),
        Some("continues the quotations of the paragraph before")
    );
}

#[test]
fn the_verb_of_speech_a_first_verb_leads_to_is_the_cue() {
    let clip = clip_text(
        "In the midst of the fear, Uber stepped in and tweeted this announcement: “We are all \
         concerned with events in CBD.”",
    );
    assert_eq!(speakers(&clip), vec![Some("Uber")], "{:#?}", clip.quotes);
    assert_eq!(clip.quotes[0].cue.as_deref(), Some("tweeted"));
    assert_eq!(clip.quotes[0].medium, Medium::Post);
    // ("According to" stays the cue, whatever verbs follow.)
    let clip = clip_text(
        "The committee sees “significant underutilization of labor resources,” according to          the statement after its meeting, and continued room to keep rates near zero.",
    );
    assert_eq!(clip.quotes[0].cue.as_deref(), Some("according to"));
}

#[test]
fn an_article_in_another_language_gets_its_language_and_no_guessed_speaker() {
    let clip = clip_text(
        "Consultada sobre esta desproporción, una fuente de los servicios nos la resumió así: \
         \"La estrategia de la Coordinadora es realizar sabotajes, movilizaciones y ataques a \
         iglesias y empresas.\"\n\n\
         Macron: \"Nous sommes en guerre contre le terrorisme.\"",
    );
    assert_eq!(clip.article.language.as_deref(), Some("es"));
    assert_eq!(
        speakers(&clip),
        vec![None, Some("Macron")],
        "{:#?}",
        clip.quotes
    );
    assert!(
        clip.quotes[0]
            .note
            .as_deref()
            .is_some_and(|n| n.contains("the article is in “es”")),
        "{:?}",
        clip.quotes[0].note
    );
    assert!(clip.quotes.iter().all(|q| q.language == "es"));
}

#[test]
fn a_nationality_before_a_title_is_the_country_and_a_base_describes_the_person() {
    let clip = clip_text(
        "Titles\n\n\
         “Our nation is in danger,” said Tunisian Prime Minister Habib Essid.\n\n\
         “I thought a lot before writing this post,” Pakistan-based developer Ammar Askar wrote \
         in a blog post published Thursday.\n\n\
         “It was a surprise,” said former Obama adviser David Axelrod.\n\n\
         “They took my notes,” said Italian journalist Stefania Maurizi.\n\n\
         “I was shocked to see that level,” said Tyler Besecker, president of Mercer \
         Island-based Dana F. Besecker Company, the largest buyer of Pacific halibut.",
    );
    assert_eq!(
        roles(&clip),
        vec![
            (Some("Habib Essid"), Some("Prime Minister"), Some("Tunisia")),
            (Some("Ammar Askar"), Some("Pakistan-based developer"), None),
            (Some("David Axelrod"), Some("former adviser"), Some("Obama")),
            (Some("Stefania Maurizi"), Some("Italian journalist"), None),
            (
                Some("Tyler Besecker"),
                Some("president"),
                Some("Dana F. Besecker Company")
            ),
        ],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(
        clip.quotes[4].organization_description.as_deref(),
        Some("Mercer Island-based")
    );
}

#[test]
fn sentence_openers_that_name_no_one_are_no_speaker() {
    let clip = clip_text(
        "Openers\n\n\
         Enter Stuart R. Kaplan, a graduate of the Wharton School of Business in 1955.\n\n\
         “I’m all yours,” he tells me after a few weeks of missed calls.\n\n\
         Tom Cole came in. Was Bartleby hot and spicy? Not at all.\n\n\
         \"I have given up copying,\" he answered, and slid aside.\n\n\
         Regardless of how much credibility you give the analysis, the report’s recommendation \
         is a good one: “Consider brushing up on some technologies that offer higher demand.”\n\n\
         So use it only when you mean it. Example: “That was so funny I literally cried.”",
    );
    assert_eq!(
        speakers(&clip),
        vec![Some("Stuart R. Kaplan"), Some("Tom Cole"), None, None],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_dateline_is_no_one_and_a_participle_belongs_to_the_sentences_subject() {
    let clip = clip_text(
        "Datelines\n\n\
         WASHINGTON, Dec. 8 (UPI) — In response to the proposal, Huma Abedin rallied \
         supporters, saying: “We have to be ready to stop him.”\n\n\
         SEOUL, South Korea — In response to Donald Trump’s proposal to bar Muslims from \
         entering the United States, Hillary Clinton’s right-hand woman rallied supporters, \
         saying: “We will not be silent about this.”",
    );
    assert_eq!(
        speakers(&clip),
        vec![Some("Huma Abedin"), None],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_quoted_paragraph_between_a_paragraph_about_someone_and_their_attributed_quotation_is_theirs() {
    let clip = clip_text(
        "Endorsements\n\n\
         Viguerie is upbeat about Cruz’s chances of winning in November.\n\n\
         “Not only can Ted Cruz win in November, he’s the one with the best chance of winning.”\n\n\
         “He may be the only one because Trump doesn’t unite the party,” Viguerie notes.\n\n\
         The polls opened at seven.\n\n\
         “Nobody expected the turnout we saw this morning in the county.”\n\n\
         “We will count every ballot,” said Ann Ruiz, the county clerk.",
    );
    assert_eq!(
        speakers(&clip),
        vec![Some("Viguerie"), Some("Viguerie"), None, Some("Ann Ruiz")],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_role_without_its_relative_clause_time_or_possessive_and_then_as_a_qualifier() {
    let clip = clip_text(
        "Roles\n\n\
         Stefania Maurizi, an Italian journalist who visited Assange regularly at the embassy \
         in London, said: “They seized everything.”\n\n\
         Guillaume Long, the foreign minister of Ecuador under Correa, told reporters it was “a \
         major breach of sovereignty.”\n\n\
         Then-DHS Director Michael Chertoff vowed the institute would “turn the tables on \
         criminal groups” by empowering the police.\n\n\
         The judge told his lawyer Chris Kise to keep order. Kise called his client’s answers \
         “brilliant.”",
    );
    assert_eq!(
        roles(&clip),
        vec![
            (Some("Stefania Maurizi"), Some("Italian journalist"), None),
            (
                Some("Guillaume Long"),
                Some("foreign minister"),
                Some("Ecuador")
            ),
            (Some("Michael Chertoff"), Some("then Director"), Some("DHS")),
            (Some("Chris Kise"), Some("lawyer"), None),
        ],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_pronoun_after_an_unnamed_speaker_is_that_speaker_not_someone_named_earlier() {
    let clip = clip_text(
        "Hebron\n\n\
         Tom Azza lives in Tel Rumeida, the most tightly controlled neighborhood. “We are \
         locked out,” he said.\n\n\
         “We are just numbers,” says a doctor from Hebron, whose name has been withheld. \
         During a break from his shift at Ramallah Hospital, he explains that he lives \
         locally. “There’s a tragedy inside every one of us in the medical team,” he says.\n\n\
         Later Sam Ortiz, a nurse, spoke. “We need supplies,” he said.",
    );
    assert_eq!(
        speakers_and_mentions(&clip),
        vec![
            (Some("Tom Azza"), Some("he")),
            (None, Some("a doctor from Hebron")),
            (None, Some("a doctor from Hebron")),
            (Some("Sam Ortiz"), Some("he")),
        ],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_summing_up_before_a_quotation_and_a_quoted_paragraph_that_narration_follows() {
    let clip = clip_text(
        "Deficits\n\n\
         Charles Schultze, chairman of the Council of Economic Advisers, once summed up the \
         danger of deficits with a metaphor. “It’s not so much a question of the wolf at the \
         door, but termites in the woodwork.”\n\n\
         “If the time reported to us was valid, we could predict the decision,” explains Dr. \
         Michael Shadlen.\n\n\
         “We incorporated a kind of mathematical trick from earlier studies.” This trick was the \
         evidence accumulation model.",
    );
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Charles Schultze"),
            Some("Michael Shadlen"),
            Some("Michael Shadlen")
        ],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn it_after_a_sentence_about_a_body_is_that_body() {
    let clip = clip_text(
        "Pills\n\n\
         “We are undoubtedly concerned,” said chief inspector Jennifer Mattinson.\n\n\
         The Food Standards Agency warned people to stay away from slimming products that \
         contained DNP.\n\n\
         “We advise the public not to take any tablets,” it said in a statement.",
    );
    assert_eq!(
        mentions(&clip),
        vec![
            Some("chief inspector Jennifer Mattinson"),
            Some("the Food Standards Agency")
        ],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(
        clip.quotes[1].speaker.as_deref(),
        Some("Food Standards Agency")
    );
    assert_eq!(clip.quotes[1].medium, Medium::Statement);
}

#[test]
fn a_title_is_no_verb_phrase_and_keeps_its_qualifiers_in_lower_case() {
    let clip = clip_text(
        "Papers\n\n\
         Previously unseen papers show Margaret Thatcher warned that she did not “like the \
         sound of the new exam”.\n\n\
         Former mayor Rudy Giuliani echoed the sentiment: “We have had four months of \
         propaganda.”\n\n\
         “It works,” said Emmanuelle Charpentier, now a professor at the Helmholtz Centre for \
         Infection Research.\n\n\
         “The weather is bad,” said Air Vice Marshal Sunarbowo Sandi.",
    );
    assert_eq!(
        roles(&clip),
        vec![
            (Some("Margaret Thatcher"), None, None),
            (Some("Rudy Giuliani"), Some("former mayor"), None),
            (
                Some("Emmanuelle Charpentier"),
                Some("professor"),
                Some("Helmholtz Centre for Infection Research")
            ),
            (Some("Sunarbowo Sandi"), Some("Air Vice Marshal"), None),
        ],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_surname_that_is_also_a_title_ends_a_name() {
    let clip = clip_text(
        "Mourners\n\n\
         Dorothy Poynter, 71, came to see the champion. “It was worth it,” she said.\n\n\
         Tennis great Billie Jean King remembered Ali as fun to be around. She saw the fight \
         in 1971.\n\n\
         “He always whispered in my ear, ‘you are the Queen,’” she said.\n\n\
         “It was a great night,” King added.",
    );
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Dorothy Poynter"),
            Some("Billie Jean King"),
            Some("Billie Jean King")
        ],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn an_age_before_a_name_with_someone_saying_and_calling_something() {
    let clip = clip_text(
        "Rally\n\n\
         Voters lined up early on Sunday.\n\n\
         17-year-old Jared Potts echoed:\n\n\
         “He speaks his mind, and I think that might be what the country needs.”\n\n\
         Some of the supporters pushed a protester, with Donald Trump reportedly yelling: \
         “Get him out of here!”\n\n\
         Trump later defended the incident, calling the protester “a very obnoxious guy.”",
    );
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Jared Potts"),
            Some("Donald Trump"),
            Some("Donald Trump")
        ],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn speakers_in_french_czech_and_russian_articles() {
    let clip = clip_text(
        "Le gouvernement a présenté mercredi son plan pour les hôpitaux du pays.\n\n\
         « Nous allons recruter dix mille infirmières », a déclaré le ministre de la Santé \
         François Braun lors d'une conférence de presse. « Ce n'est qu'un début », a-t-il \
         ajouté.\n\n\
         « Les urgences sont saturées depuis des mois », a dit une infirmière de Lyon.",
    );
    assert_eq!(clip.article.language.as_deref(), Some("fr"));
    assert_eq!(
        roles(&clip),
        vec![
            (Some("François Braun"), Some("ministre de la Santé"), None),
            (Some("François Braun"), Some("ministre de la Santé"), None),
            (None, None, None),
        ],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(mentions(&clip)[1], Some("il"));
    assert_eq!(mentions(&clip)[2], Some("infirmière de Lyon"));

    let clip = clip_text(
        "Fotbalisté Benešova včera doma porazili Slavii po velmi tvrdém zápase.\n\n\
         \"Žil jsem v ústraní a ten mikrosvět mi vyhovoval,\" řekl po zápase trenér Jan Hons. \
         \"Bylo to krásné odpoledne,\" poznamenal.\n\n\
         \"Škoda, že nepřijela televize,\" dodal předseda klubu.",
    );
    assert_eq!(clip.article.language.as_deref(), Some("cs"));
    assert_eq!(
        speakers(&clip),
        vec![Some("Jan Hons"), Some("Jan Hons"), None],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(mentions(&clip)[2], Some("předseda klubu"));

    let clip = clip_text(
        "В понедельник министерство обороны провело учения на юге страны.\n\n\
         «Это наш ответ на угрозы», — заявил министр обороны Сергей Шойгу. \
         Президент Путин позже сказал: «Мы готовы к любому развитию событий».",
    );
    assert_eq!(clip.article.language.as_deref(), Some("ru"));
    assert_eq!(
        roles(&clip),
        vec![
            (Some("Сергей Шойгу"), Some("министр обороны"), None),
            // (A title capitalised only because it opens the sentence is recorded in lower
            // case, as Russian writes it.)
            (Some("Путин"), Some("президент"), None),
        ],
        "{:#?}",
        clip.quotes
    );
}

/// A body the text names with "the" speaks as one named without it does ("Amtrak said"): the
/// Justice Department, the Pentagon, the Bank of Japan, the Federal Reserve and what "it"
/// then says. A description of a person with "the" ("the Texan", "the Wisconsin Republican",
/// "the Mayor", "the Ebelings") names no one; nor does a cue that is the plural of a noun
/// ("the Alibaba shares being left behind"). Saved, the body's quotations are kept under its
/// name (a candidate without a speaker is not saved).
#[test]
fn a_body_named_with_the_speaks_and_is_saved_under_its_name() {
    let text = "Rulings\n\n\
        \"No charges have been filed,\" the Justice Department said.\n\n\
        The Pentagon said: \"The strike was lawful.\"\n\n\
        \"We will appeal the ruling,\" the Bank of Japan said.\n\n\
        \"Prices will rise,\" the Federal Reserve said in a statement. \"Inflation is high,\" \
        it added.\n\n\
        \"We won the primary,\" the Texan said.\n\n\
        \"We will not vote for it,\" the Wisconsin Republican said.\n\n\
        \"The road is closed,\" the Mayor said.\n\n\
        Tom Ebeling met the press. \"We love the town,\" the Ebelings said.\n\n\
        It sold \"substantially all\" – the Alibaba shares being left behind.\n\n\
        \"We expect a strong year,\" he said.";
    let clip = clip_text(text);
    assert_eq!(
        speakers_and_mentions(&clip),
        vec![
            (Some("Justice Department"), Some("the Justice Department")),
            (Some("Pentagon"), Some("The Pentagon")),
            (Some("Bank of Japan"), Some("the Bank of Japan")),
            (Some("Federal Reserve"), Some("the Federal Reserve")),
            (Some("Federal Reserve"), Some("the Federal Reserve")),
            (None, Some("the Texan")),
            (None, Some("the Wisconsin Republican")),
            (None, Some("the Mayor")),
            (None, Some("the Ebelings")),
            (None, None),
            // A body is no "he": Tom Ebeling is the one named last.
            (Some("Tom Ebeling"), Some("he")),
        ],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(clip.quotes[3].medium, Medium::Statement);
    assert_eq!(
        clip.quotes[4].note.as_deref(),
        Some("“it” resolved to the Federal Reserve")
    );

    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let mut clip = clip;
    let report = library.save_clip(&mut clip).unwrap();
    assert_eq!(report.saved.len(), 6);
    assert_eq!(report.without_speaker, 5);
    let stored = library.quote(clip.quotes[0].id.unwrap()).unwrap();
    assert_eq!(stored.speaker, "Justice Department");
}

/// "the company", "the agency", "the department", "the airline": the body of that kind named
/// in the quotation's paragraph or the one before, when no other of its kind was described
/// since ("the trade group for the Blue Cross Blue Shield plans" is not UnitedHealth Group)
/// and none is named further back.
#[test]
fn a_bodys_noun_resolves_to_the_body_named_just_before() {
    let clip = clip_text(
        "Recalls\n\n\
         Acme Corp. recalled 40,000 heaters on Tuesday.\n\n\
         \"We are taking this step out of caution,\" the company said in a statement.\n\n\
         The Food Standards Agency warned people to stay away from the pills. \"We advise the \
         public not to take any tablets,\" the agency said.\n\n\
         The Department of Justice opened an inquiry. \"No charges have been filed,\" the \
         department said.\n\n\
         Delta Air Lines cancelled flights.\n\n\
         \"Safety comes first,\" the airline said.\n\n\
         One of them, UnitedHealth Group, has threatened to leave the exchanges.\n\n\
         This week, the trade group for the Blue Cross Blue Shield plans spelled out its \
         concerns. \"The current risk pool is out of balance,\" the group wrote.\n\n\
         Zeta Inc. sold its stake.\n\n\
         Prices fell.\n\n\
         Markets closed lower.\n\n\
         \"We will not comment,\" the company said.",
    );
    assert_eq!(
        speakers_and_mentions(&clip),
        vec![
            (Some("Acme Corp."), Some("the company")),
            (Some("Food Standards Agency"), Some("the agency")),
            (Some("Department of Justice"), Some("the department")),
            (Some("Delta Air Lines"), Some("the airline")),
            (None, Some("the group")),
            (None, Some("the company")),
        ],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(
        clip.quotes[0].note.as_deref(),
        Some("“the company” resolved to Acme Corp.")
    );
}

/// British plain text quotes with straight single marks: each quotation is found with its
/// speaker, title and medium; an apostrophe opens or closes none. A dash after a quotation
/// followed by more words is no signature ("– I CAN talk.").
#[test]
fn british_straight_single_quotes_are_clipped_with_their_speakers() {
    let clip = clip_text(
        "Strike\n\n\
         'We will not back down,' said Mick Lynch, general secretary of the RMT union.\n\n\
         He added: 'This is a fight for fair pay.'\n\n\
         The players' union met in the '90s and took 'em home.\n\n\
         Prime Minister Keir Starmer told the BBC: 'This is a serious moment for the country.'\n\n\
         The trolls blasted me with 'You can't talk, homewrecker' – I CAN talk.",
    );
    assert_eq!(
        said(&clip),
        vec![
            (
                "We will not back down",
                Some("Mick Lynch"),
                Some("Mick Lynch")
            ),
            (
                "This is a fight for fair pay.",
                Some("Mick Lynch"),
                Some("He")
            ),
            (
                "This is a serious moment for the country.",
                Some("Keir Starmer"),
                Some("Prime Minister Keir Starmer")
            ),
            // (Not "I CAN" of the dash after it: the trolls, whom the text does not name.)
            ("You can't talk, homewrecker", None, Some("The trolls")),
        ],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(clip.quotes[0].title.as_deref(), Some("general secretary"));
    assert_eq!(clip.quotes[2].medium, Medium::Told);
    assert_eq!(clip.quotes[2].told_to.as_deref(), Some("the BBC"));
    assert!(clip.unclosed.is_empty(), "{:?}", clip.unclosed);
}

/// Ranks of more than one word are the title, and an organization after a name follows the
/// cue as it precedes it: "said Dan Richter of Demand Media", "of the 82nd Airborne".
#[test]
fn ranks_of_several_words_and_an_organization_after_the_cue_and_name() {
    let clip = clip_text(
        "Probe\n\n\
         \"The weather is bad,\" said Lieutenant Airman Tri Wobowo.\n\n\
         \"It works,\" said Private First Class Jane Doe.\n\n\
         \"It is done,\" said Staff Sgt. John Roe of the 82nd Airborne.\n\n\
         \"Sitcoms are short,\" said Dan Richter of Demand Media.",
    );
    assert_eq!(
        roles(&clip),
        vec![
            (Some("Tri Wobowo"), Some("Lieutenant Airman"), None),
            (Some("Jane Doe"), Some("Private First Class"), None),
            (Some("John Roe"), Some("Staff Sgt."), Some("82nd Airborne")),
            (Some("Dan Richter"), None, Some("Demand Media")),
        ],
        "{:#?}",
        clip.quotes
    );
}

/// Bodies in wire copy's other shapes: an opening "In a statement," before the body and its
/// cue (the medium is the statement), "in its statement" after the cue, a body's name with
/// "of" after the cue ("said the Bank of England"), and an opening "In an interview with the
/// BBC," before a person.
#[test]
fn a_bodys_statement_in_an_opening_phrase_and_a_name_with_of_after_the_cue() {
    let clip = clip_text(
        "Wire\n\n\
         In a statement, the Kremlin said: \"This is a provocation.\"\n\n\
         \"Prices will rise,\" the Federal Reserve said in its statement on Wednesday.\n\n\
         \"Markets are calm,\" said the Bank of England.\n\n\
         In an interview with the BBC, Mr Obama said it was \"distressing\" to fail.",
    );
    let got: Vec<(Option<&str>, Medium)> = clip
        .quotes
        .iter()
        .map(|q| (q.speaker.as_deref(), q.medium))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("Kremlin"), Medium::Statement),
            (Some("Federal Reserve"), Medium::Statement),
            (Some("Bank of England"), Medium::Said),
            (Some("Obama"), Medium::Interview),
        ],
        "{:#?}",
        clip.quotes
    );
}

/// "the company" right after a quotation of a body named by one word ("Meta said") is that
/// body; after a person's (named in full before, or by a given name) it is no one.
#[test]
fn the_company_after_a_body_named_by_one_word_is_that_body() {
    let clip = clip_text(
        "Posts\n\n\
         \"We will comply,\" Meta said in a blog post. \"Users come first,\" the company \
         added.\n\n\
         Jane Smith runs the shop. \"We are open,\" Smith said. \"Prices will fall,\" the \
         company said.\n\n\
         \"We will not,\" Donald said. \"No,\" the company said.",
    );
    assert_eq!(
        speakers_and_mentions(&clip),
        vec![
            (Some("Meta"), Some("Meta")),
            (Some("Meta"), Some("the company")),
            (Some("Jane Smith"), Some("Smith")),
            (None, Some("the company")),
            (Some("Donald"), Some("Donald")),
            (None, Some("the company")),
        ],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_name_in_a_phrase_before_the_subject_is_not_whom_he_means() {
    let text = "Donald Trump spoke in Ohio on Monday.\n\n\
                Soon after the murder of Father Jacques Hamel in Normandy, Trump asserted that France had lost its identity: “France is no longer France,” he claimed.\n\n\
                In an interview with Fox News host Sean Hannity, Trump promised a wall.\n\n\
                “We’re going to do a wall,” he said.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Donald Trump"), Some("Donald Trump")],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn who_says_a_sentence_is_its_subject_not_whom_the_report_names() {
    let text = "Vice President Joe Biden campaigned in Scranton with Hillary Clinton on Monday, while Donald Trump spoke in Ohio.\n\n\
                Trump’s accusation that Obama and Clinton created the so-called Islamic State extremist group had imperiled the lives of US troops, Biden said.\n\n\
                “If my son were still in Iraq, the threat to their life has gone up a couple of clicks,” he said.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Joe Biden")],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_name_with_a_generational_suffix_is_a_person_its_surname_finds() {
    let text = "But it turns out that Rubio donor Luther Stan Pate IV—a Tuscaloosa real estate tycoon worth millions—was the one behind the effort.\n\n\
                Pate claimed in an interview that he’s not backing any particular candidate, and in addition to a private meeting he had with Rubio a year ago, he also hosted Bush aboard his private jet.\n\n\
                “I have not had any conversations with any campaign in almost a year,” he said.\n\n\
                The Rev. Martin Luther King Jr. led the march to Montgomery in 1965.\n\n\
                “We are not about to turn around,” King said.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Luther Stan Pate IV"), Some("Martin Luther King Jr.")],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_partys_member_described_and_a_role_owned_by_a_titled_name() {
    let text = "“The campaign has been really reluctant to jump in on the foundation,” one senior Democrat said.\n\n\
                “Eventually, positions are gonna soften on Donald Trump,” California Rep. Duncan Hunter’s chief of staff, Joe Kasper, told POLITICO.";
    let clip = clip_text(text);
    assert_eq!(
        mentions(&clip),
        vec![Some("one senior Democrat"), Some("Joe Kasper")],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(speakers(&clip), vec![None, Some("Joe Kasper")]);
    assert_eq!(clip.quotes[1].title.as_deref(), Some("chief of staff"));
}

#[test]
fn a_name_in_the_appositive_of_someones_role_is_a_person_he_means() {
    let text = "Michael Bloomberg is weighing a run. Bloomberg's pollster, Douglas Schoen, says his man has the money.\n\n\
                \"I don't think the conventional wisdom is going to last,\" he says.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Douglas Schoen")],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_speaker_after_said_and_a_party_before_a_name_are_whom_she_means() {
    let text = "Hillary Clinton and Donald Trump campaigned in New Jersey.\n\n\
                Republican Christine Todd Whitman, the former New Jersey governor, told The Star-Ledger last week she would rather vote for Hillary Clinton than Trump.\n\n\
                “I am ashamed that Christie would endorse him,” she said.\n\n\
                Former governor Madeleine Kunin backs Clinton in Vermont.\n\n\
                \"This will be a challenge\" for Clinton, said Kunin. \"She can never be as far left as Bernie,\" she said.";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![
            Some("Christine Todd Whitman"),
            Some("Madeleine Kunin"),
            Some("Madeleine Kunin")
        ],
        "{:#?}",
        clip.quotes
    );
}

#[test]
fn a_surname_whose_appositive_says_herself_is_a_woman_she_means() {
    let text = "Rep. Duncan Hunter spoke first.\n\n\
                Silverman, herself a Sanders supporter during the primary, took the stage next.\n\n\
                She continued, “I am proud to be a part of Bernie’s movement.”";
    let clip = clip_text(text);
    assert_eq!(
        speakers(&clip),
        vec![Some("Silverman")],
        "{:#?}",
        clip.quotes
    );
}

/// Issue 27's shapes, on sentences written for the test: a speaker behind a long descriptor
/// keeps the whole role, and an unnamed spokesperson of a named company is no speaker but keeps
/// the title and the company; neither is lost when the trained ranker has the last word.
#[test]
fn a_long_descriptor_and_an_unnamed_spokesperson_keep_their_roles_under_the_ranker() {
    let clip = clip_text(
        "Chip talks\n\n\
         “We are not going to sell the factory to anyone who asks,” said Maria Gonzalez, the \
         54-year-old former chief financial officer of Acme Corp. who now advises several Gulf \
         sovereign funds on technology deals.\n\n\
         “We do not comment on rumours about acquisitions,” a spokesperson for Contoso said.",
    );
    assert_eq!(
        speakers(&clip),
        vec![Some("Maria Gonzalez"), None],
        "{:#?}",
        clip.quotes
    );
    let q = &clip.quotes[0];
    // (The age is no part of the role.)
    assert_eq!(q.title.as_deref(), Some("former chief financial officer"));
    assert_eq!(q.organization.as_deref(), Some("Acme Corp."));
    let q = &clip.quotes[1];
    assert_eq!(q.title.as_deref(), Some("spokesperson"));
    assert_eq!(q.organization.as_deref(), Some("Contoso"));
}

/// The seed article still clips exactly with the trained ranker deciding: three quotations,
/// Alilughatta twice with Zensar, Yoon with Principal Venture Partners (and not Alibaba, which
/// the article also names).
#[test]
fn the_seed_article_still_clips_exactly_under_the_ranker() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/seed-article.txt"
    ))
    .unwrap();
    let clip = clip_text(&text);
    let got: Vec<(Option<&str>, Option<&str>)> = clip
        .quotes
        .iter()
        .map(|q| (q.speaker.as_deref(), q.organization.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("Vijayasimha Alilughatta"), Some("Zensar")),
            (Some("Vijayasimha Alilughatta"), Some("Zensar")),
            (Some("Songyee Yoon"), Some("Principal Venture Partners")),
        ],
        "{:#?}",
        clip.quotes
    );
}

/// Every fixture article under `tests/fixtures/clip/<lang>/` (wire-style, invented people and
/// companies, each with a person or company that is not the speaker) is clipped, and every
/// quotation in its `.expected` file is found with the speaker, title and organization written
/// there ("-" for none). Returns the quotations, the rights for speakers, titles and
/// organizations, and what was wrong.
fn score_fixtures(lang: &str) -> (usize, [usize; 3], Vec<String>) {
    let dir = fixture(&format!("clip/{lang}"));
    let mut expected_files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "expected"))
        .collect();
    expected_files.sort();
    let (mut total, mut right) = (0, [0; 3]);
    let mut wrong = Vec::new();
    for path in &expected_files {
        let article = std::fs::read(path.with_extension("txt")).unwrap();
        let clip = clip_bytes(&article, &ClipOptions::default()).unwrap();
        assert_eq!(clip.article.language.as_deref(), Some(lang));
        for line in std::fs::read_to_string(path).unwrap().lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let want = |i: usize| Some(f[i]).filter(|v| *v != "-");
            total += 1;
            let Some(q) = clip.quotes.iter().find(|q| q.text.starts_with(f[0])) else {
                wrong.push(format!("{}: {} not found", path.display(), f[0]));
                continue;
            };
            let got = [
                q.speaker.as_deref(),
                q.title.as_deref(),
                q.organization.as_deref(),
            ];
            for (k, r) in right.iter_mut().enumerate() {
                *r += usize::from(got[k] == want(k + 1));
            }
            if got != [want(1), want(2), want(3)] {
                wrong.push(format!("{}: {got:?}, expected {:?}", f[0], &f[1..]));
            }
        }
    }
    assert!(expected_files.len() >= 6, "{lang}: six articles at least");
    (total, right, wrong)
}

/// The Chinese fixtures (19 articles, simplified and traditional) and the Japanese (six): 95 % of
/// speakers, titles and organizations right, the language target. Korean (six): every speaker
/// and title, 90 % of organizations (one of 18 is wrong). French (six): 90 % of speakers, 75 %
/// of titles and organizations. Spanish (six): 95 % of speakers, 90 % of titles and
/// organizations. English (65 wire stories, the title-and-employer gold set): 90 % of speakers,
/// 80 % of titles and organizations. German (six, first scored 9/18 speakers, 5/18 titles, 1/18
/// organizations): 90 % of speakers, 40 % of titles and organizations, where it stands now (see
/// docs/QUALITY.md for where each stands). Italian (six, first scored 16/18, 5/18, 9/18): 85 % of
/// speakers, 60 % of titles and organizations (50 % before the roles of narration were read).
/// Dutch (six, first scored 2/18 speakers, 5/18 titles, 5/18 organizations): 95 % of each.
/// Swedish (six, first scored 7/18, 4/18, 10/18): 90 % of each (a capitalised descriptor
/// opening a sentence, "Matchvinnaren Ali Suljic", is still read as part of the name). Danish
/// (six, first scored 7/18, 3/18, 7/18): 95 % of speakers, 90 % of titles and organizations.
/// Norwegian (six, first scored 6/18, 3/18, 8/18): 95 % of speakers, 85 % of titles and
/// organizations (a place after a title is taken for the employer: "eiendomsmegler Per Sandvik
/// i Fredrikstad"; an institution named in lower case is cut: "Byåsen videregående skole").
/// Portuguese (six, first scored 13/18, 10/18, 11/18): 90 % of speakers, 85 % of titles and
/// organizations ("o presidente do clube" names no club; "o treinador" is not "o técnico").
/// Polish (six, first scored 6/18, 3/18, 7/18): 75 % of speakers, 70 % of titles and
/// organizations, where it stands; Czech (six, first scored 7/18, 10/18, 8/18): 85 % of
/// speakers, 75 % of titles and organizations. In both, names and organizations in the
/// genitive ("Zdaniem Agnieszki Wróbel", "prezes Banku Wiślanego") are kept as written, for
/// want of a morphological dictionary. Russian (six, first scored 6/18, 5/18, 11/18): 70 % of
/// speakers, 60 % of titles and organizations, where it stands (a title in another case than
/// the description that takes it up, "тренером" and "тренер", is not matched).
#[test]
fn fixture_articles_give_speaker_title_and_organization_per_language() {
    for (lang, min_quotes, speakers, roles) in [
        ("zh", 60, 95, 95),
        ("ja", 17, 95, 95),
        ("ko", 18, 95, 90),
        ("fr", 17, 90, 75),
        ("es", 17, 95, 90),
        ("en", 200, 90, 80),
        ("de", 18, 90, 40),
        ("it", 18, 85, 60),
        ("nl", 18, 95, 95),
        ("sv", 18, 90, 90),
        ("da", 18, 95, 90),
        ("nb", 18, 95, 85),
        ("pt", 18, 90, 85),
        ("pl", 18, 75, 70),
        ("cs", 18, 85, 75),
        ("ru", 18, 70, 60),
    ] {
        let (total, right, wrong) = score_fixtures(lang);
        assert!(total >= min_quotes, "{lang}: {total} quotations");
        for (what, r, target) in [
            ("speakers", right[0], speakers),
            ("titles", right[1], roles),
            ("organizations", right[2], roles),
        ] {
            assert!(
                r * 100 >= total * target,
                "{lang} {what}: {r} of {total} right\n{}",
                wrong.join("\n")
            );
        }
    }
}

/// A Chinese story with a speaker before the quotation, one after it, and one referred to
/// later by family name and title: clipped and saved, each is on record with the right person,
/// title and company, and the company whose chairman attended but said nothing has none.
#[test]
fn a_chinese_story_saves_speakers_before_after_and_by_surname_and_title() {
    let text = "明川化工第三季度利润下降\n\n\
        上海10月30日电 明川化工股份有限公司周四公布，第三季度净利润同比下降百分之十八。东禾集团董事长\
        严立诚出席了业绩说明会。\n\n\
        明川化工首席财务官卓雅婷在说明会上表示：“原材料价格上涨是利润下滑的主要原因。”\n\n\
        “我们预计第四季度会有所改善，”明川化工总经理葛振宇说。\n\n\
        卓总随后补充说：“公司的现金流依然充裕。”\n";
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let mut clip = clip_bytes(text.as_bytes(), &ClipOptions::default()).unwrap();
    let report = library.save_clip(&mut clip).unwrap();
    assert_eq!(report.saved.len(), 3, "{:#?}", clip.quotes);
    let stored: Vec<_> = clip
        .quotes
        .iter()
        .map(|q| library.quote(q.id.unwrap()).unwrap())
        .collect();
    let who: Vec<(&str, Option<&str>, Option<&str>)> = stored
        .iter()
        .map(|q| {
            (
                q.speaker.as_str(),
                q.title.as_deref(),
                q.organization.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        who,
        [
            ("卓雅婷", Some("首席财务官"), Some("明川化工")),
            ("葛振宇", Some("总经理"), Some("明川化工")),
            ("卓雅婷", Some("首席财务官"), Some("明川化工")),
        ]
    );
    assert_eq!(
        clip.quotes[2].note.as_deref(),
        Some("“卓总” resolved to 卓雅婷")
    );
    let speaker = library.speaker("卓雅婷").unwrap();
    assert_eq!(
        speaker.affiliations[0].organization.as_deref(),
        Some("明川化工")
    );
}

/// Shapes no cue list holds, read by their form and the tagger's tags (issue 27): an inverted
/// attribution with a verb no list has ("hedged"), the name before such a verb, a social
/// network label ("Name, on X:"), a quotation whose speaker the next sentence names, a
/// quotation closing a paragraph about someone, and a pronoun two sentences after the name.
#[test]
fn speakers_are_read_from_shapes_whatever_the_verb() {
    let clip = clip_text(
        "Budget talks stall in Riverton\n\n\
         The city council met on Tuesday to discuss the budget.\n\n\
         \"The numbers do not add up,\" hedged Pavel Novak, the city's auditor.\n\n\
         \"The reserve is nearly empty,\" Novak fretted.\n\n\
         Tomas Reyes, on X: \"The council should publish the full audit today.\"\n\n\
         \"We will not close a single school.\" The promise came from Mayor Ada Finch, who \
         spoke at a rally on Sunday.\n\n\
         Greta Holm, the council's longest-serving member, spoke last. She had been quiet all \
         evening. \"I have seen this movie before, and it ends badly.\"\n\n\
         Jane Roe runs the port authority in Eastwick. The authority employs 40 people and \
         owns three piers. \"We are stretched to the limit,\" she said on Monday.",
    );
    let who: Vec<(&str, Option<&str>)> = clip
        .quotes
        .iter()
        .map(|q| (q.text.as_str(), q.speaker.as_deref()))
        .collect();
    assert_eq!(
        who,
        [
            ("The numbers do not add up", Some("Pavel Novak")),
            ("The reserve is nearly empty", Some("Pavel Novak")),
            (
                "The council should publish the full audit today.",
                Some("Tomas Reyes")
            ),
            ("We will not close a single school.", Some("Ada Finch")),
            (
                "I have seen this movie before, and it ends badly.",
                Some("Greta Holm")
            ),
            ("We are stretched to the limit", Some("Jane Roe")),
        ],
        "{:#?}",
        clip.quotes
    );
    assert_eq!(clip.quotes[0].cue.as_deref(), Some("hedged"));
    assert_eq!(clip.quotes[2].medium, Medium::Post);
}

/// Swedish, Norwegian, Danish, Dutch and Polish articles get their speakers read (issue 28),
/// and in every language the reader knows, a role "of" an organization that is named gives
/// the organization ("presidente de Telefónica", "talesperson för Moderaterna").
#[test]
fn nordic_dutch_and_polish_speakers_and_organizations_after_of_are_read() {
    let cases = [
        (
            "Regeringen skjuter upp skattesänkningen\n\nFinansministern presenterade på tisdagen en ny budget för nästa år, som innebär att skattesänkningen skjuts upp.\n\n\"Det här är ett svek mot pensionärerna\", säger Erik Holm, ekonomisk talesperson för Moderaterna.",
            "sv",
            "Erik Holm",
            Some("ekonomisk talesperson"),
            Some("Moderaterna"),
        ),
        (
            "Regjeringen utsetter skattelettelsen\n\nFinansministeren la på tirsdag fram et nytt budsjett for neste år, og skattelettelsen blir utsatt.\n\n\"Dette er et svik mot pensjonistene\", sier Kari Nordmann, leder i Høyre.",
            "nb",
            "Kari Nordmann",
            Some("leder"),
            Some("Høyre"),
        ),
        (
            "Regeringen udskyder skattelettelsen\n\nFinansministeren fremlagde tirsdag et nyt budget for næste år, og skattelettelsen bliver udskudt. Oppositionen er meget utilfreds med forslaget, som efter dens mening rammer de ældre hårdest.\n\n\"Det er et svigt over for pensionisterne\", siger Mette Larsen, ordfører for Venstre.",
            "da",
            "Mette Larsen",
            Some("ordfører"),
            Some("Venstre"),
        ),
        (
            "Kabinet stelt belastingverlaging uit\n\nDe minister van Financiën presenteerde dinsdag de begroting voor volgend jaar, waarin de belastingverlaging wordt uitgesteld.\n\n\"Dit is een klap in het gezicht van gepensioneerden\", zegt Marieke Jansen, fractievoorzitter van GroenLinks.",
            "nl",
            "Marieke Jansen",
            Some("fractievoorzitter"),
            Some("GroenLinks"),
        ),
        (
            "Rząd odkłada obniżkę podatków\n\nMinister finansów przedstawił we wtorek projekt budżetu na przyszły rok, w którym obniżka podatków zostanie odłożona.\n\n„Musimy ostrożnie wydawać publiczne pieniądze” – powiedział Tomasz Nowak dziennikarzom w Warszawie.",
            "pl",
            "Tomasz Nowak",
            None,
            None,
        ),
        (
            "Telefónica recorta su plantilla\n\nLa operadora anunció el martes un plan de ajuste que afectará a miles de empleados en España.\n\n\"Es una decisión difícil pero necesaria\", dijo Marta Ruiz, presidenta de Telefónica, en una rueda de prensa.",
            "es",
            "Marta Ruiz",
            Some("presidenta"),
            Some("Telefónica"),
        ),
    ];
    for (text, lang, speaker, title, organization) in cases {
        let clip = clip_text(text);
        assert_eq!(clip.article.language.as_deref(), Some(lang), "{text}");
        let q = &clip.quotes[0];
        assert_eq!(
            (
                q.speaker.as_deref(),
                q.title.as_deref(),
                q.organization.as_deref()
            ),
            (Some(speaker), title, organization),
            "{lang}: {:#?}",
            clip.quotes
        );
    }
}

/// Title and employer come from the whole article, not only the cue next to the quotation: the
/// organization that is the subject of the quotation's sentence, a title read where the person
/// was introduced, "its"/"the company's" resolved to the organization the article is about,
/// and a short or abbreviated organization written as the article first gave it.
#[test]
fn title_and_employer_come_from_the_whole_article() {
    let clip = clip_text(
        "Acme results\n\n\
         Acme Robotics Inc. reported record orders on Monday. Acme was \"pulled into the \
         market by our customers,\" CEO Jane Roe said.\n\n\
         \"It tells you the market has turned,\" said Contoso Analytics founder and co-CEO \
         John Doe.\n\n\
         The company's chief technology officer, Li Wei, said the robots learn on the job. \
         \"They teach each other,\" Li said.\n\n\
         A researcher at the University of Denver, Dr. Paul Navarro, was less sure. \"The \
         early results are mixed,\" Navarro said.\n\n\
         The Robot Workers Guild objected. \"Every machine is a job lost,\" said Tom Nguyen, \
         the guild's unit chair.\n\n\
         \"Margins are thin,\" said Priya Natarajan, a 41-year-old analyst with Fenwick & \
         Lowe. She rates the shares a hold.",
    );
    assert_eq!(
        roles(&clip),
        vec![
            (Some("Jane Roe"), Some("CEO"), Some("Acme Robotics Inc.")),
            (
                Some("John Doe"),
                Some("founder and co-CEO"),
                Some("Contoso Analytics")
            ),
            (
                Some("Li Wei"),
                Some("chief technology officer"),
                Some("Acme Robotics Inc.")
            ),
            (
                Some("Paul Navarro"),
                Some("researcher"),
                Some("University of Denver")
            ),
            (
                Some("Tom Nguyen"),
                Some("unit chair"),
                Some("Robot Workers Guild")
            ),
            (
                Some("Priya Natarajan"),
                Some("analyst"),
                Some("Fenwick & Lowe")
            ),
        ],
        "{:#?}",
        clip.quotes
    );
}

/// The attribution code stays cut into modules that say what they do: no single
/// `attribution.rs`, and no module of `clip/attribution/` over 800 lines.
#[test]
fn attribution_modules_stay_small() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/clip");
    assert!(!dir.join("attribution.rs").exists());
    let mut modules = 0;
    for entry in std::fs::read_dir(dir.join("attribution"))
        .unwrap()
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "rs") {
            let lines = std::fs::read_to_string(&path).unwrap().lines().count();
            assert!(lines <= 800, "{}: {lines} lines", path.display());
            modules += 1;
        }
    }
    assert!(modules >= 10, "{modules} modules");
}
