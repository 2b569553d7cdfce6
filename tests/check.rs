//! Checking drafts against a real library holding the clipped seed article (and a few quotes
//! added for the title-over-time cases). Each case states its expected verdict and problems.

use std::path::Path;

use onrecord::check::{CheckReport, Field, Finding, Verdict};
use onrecord::clip::{ClipOptions, clip_bytes};
use onrecord::{Library, NewQuote};

fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib")).unwrap();
    let seed = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/seed-article.txt"),
    )
    .unwrap();
    let mut clip = clip_bytes(
        &seed,
        &ClipOptions {
            outlet: Some("Reuters".into()),
            date: chrono::NaiveDate::from_ymd_opt(2025, 2, 26),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(library.save_clip(&mut clip).unwrap().saved.len(), 3);
    let d = |s: &str| Some(onrecord::model::parse_date(s).unwrap());
    for (text, title, date) in [
        (
            "We will keep our costs under control this year",
            "chief financial officer",
            "2021-03-04",
        ),
        (
            "Our growth will come from new markets in Asia",
            "chief executive officer",
            "2024-06-01",
        ),
    ] {
        library
            .add(NewQuote {
                text: text.into(),
                speaker: "Ann Lee".into(),
                title: Some(title.into()),
                organization: Some("Acme Group".into()),
                said_on: d(date),
                ..Default::default()
            })
            .unwrap();
    }
    (dir, library)
}

fn one(library: &mut Library, draft: &str) -> Finding {
    let report = library.check(draft).unwrap();
    assert_eq!(report.findings.len(), 1, "{draft}: {:#?}", report.findings);
    report.findings.into_iter().next().unwrap()
}

fn fields(f: &Finding) -> Vec<Field> {
    f.problems.iter().map(|p| p.field).collect()
}

#[test]
fn alibabas_coo_is_misattributed_with_one_organization_problem() {
    let (_dir, mut lib) = library();
    let f = one(
        &mut lib,
        "Alibaba's COO said the launch of DeepSeek's R2 model \"could be a pivotal moment in the AI industry.\"",
    );
    assert_eq!(f.verdict, Verdict::Misattributed);
    assert_eq!(fields(&f), vec![Field::Organization]);
    assert_eq!(f.problems[0].draft, "Alibaba");
    assert_eq!(f.problems[0].record, "Zensar");
    assert!(f.problems[0].message.starts_with("the record has Zensar, not Alibaba — Vijayasimha Alilughatta, chief operating officer of Zensar, told Reuters, 2025-02-26"), "{}", f.problems[0].message);
    // What to write instead, as AP writes it.
    assert_eq!(
        f.correct.as_deref(),
        Some(
            "“The launch of DeepSeek’s R2 model could be a pivotal moment in the AI industry,” \
             Vijayasimha Alilughatta, chief operating officer of Zensar, told Reuters."
        )
    );
    assert_eq!(f.record.unwrap().speaker, "Vijayasimha Alilughatta");
}

#[test]
fn the_correct_attribution_is_verified() {
    let (_dir, mut lib) = library();
    for draft in [
        "“The launch of DeepSeek’s R2 model could be a pivotal moment in the AI industry,” Vijayasimha Alilughatta, chief operating officer of Zensar, told Reuters.",
        "Zensar's COO said the launch of DeepSeek's R2 model \"could be a pivotal moment in the AI industry.\"",
        "\"the launch of DeepSeek's R2 model could be a pivotal moment,\" Alilughatta said.",
    ] {
        let f = one(&mut lib, draft);
        assert_eq!(f.verdict, Verdict::Verified, "{draft}: {:#?}", f.problems);
        assert!(f.problems.is_empty());
    }
}

#[test]
fn an_altered_word_is_misquoted_with_a_diff() {
    let (_dir, mut lib) = library();
    let f = one(
        &mut lib,
        "Alilughatta said the launch “could be a decisive moment in the AI industry.”",
    );
    assert_eq!(f.verdict, Verdict::Misquoted);
    assert_eq!(fields(&f), vec![Field::Wording]);
    let ops: Vec<(&str, &str)> = f.diff.iter().map(|d| (d.op, d.text.as_str())).collect();
    assert!(
        ops.contains(&("delete", "pivotal")) && ops.contains(&("insert", "decisive")),
        "{ops:?}"
    );
    assert!(
        f.problems[0]
            .message
            .contains("“pivotal” became “decisive”")
    );
}

#[test]
fn yoons_words_given_to_alilughatta_are_misattributed_by_speaker() {
    let (_dir, mut lib) = library();
    let f = one(
        &mut lib,
        "“DeepSeek represents engineering ingenuity and the natural evolution of science and technology,” Vijayasimha Alilughatta said.",
    );
    assert_eq!(f.verdict, Verdict::Misattributed);
    assert_eq!(fields(&f), vec![Field::Speaker]);
    assert_eq!(f.problems[0].draft, "Vijayasimha Alilughatta");
    assert_eq!(f.problems[0].record, "Songyee Yoon");
}

/// A draft that names its speaker by a title given earlier ("Zensar's chief executive … the
/// executive said") is checked against the person that title belongs to.
#[test]
fn a_speaker_named_by_an_earlier_title_is_checked_as_that_person() {
    let (_dir, mut lib) = library();
    let f = one(
        &mut lib,
        "Tech news\n\nGaming executive Songyee Yoon spoke on Tuesday.\n\n\
         “DeepSeek represents engineering ingenuity and the natural evolution of science and technology,” the executive said.",
    );
    assert_eq!(f.claim.speaker.as_deref(), Some("Songyee Yoon"));
    assert_eq!(f.verdict, Verdict::Verified, "{f:#?}");
    let f = one(
        &mut lib,
        "Tech news\n\nGaming executive Vijayasimha Alilughatta spoke on Tuesday.\n\n\
         “DeepSeek represents engineering ingenuity and the natural evolution of science and technology,” the executive said.",
    );
    assert_eq!(f.verdict, Verdict::Misattributed);
    assert_eq!(f.problems[0].record, "Songyee Yoon");
}

#[test]
fn a_quote_nobody_said_is_unverified() {
    let (_dir, mut lib) = library();
    let f = one(
        &mut lib,
        "“We will open-source every model we build next year,” Yoon said.",
    );
    assert_eq!(f.verdict, Verdict::Unverified);
    assert!(f.record.is_none() && f.problems.is_empty());
}

#[test]
fn faithful_elisions_and_bracketed_insertions_are_verified() {
    let (_dir, mut lib) = library();
    let draft = "Vijayasimha Alilughatta of Zensar spoke to Reuters. DeepSeek “would likely spur companies worldwide … breaking the stranglehold of the few dominant players,” he said.";
    let f = one(&mut lib, draft);
    assert_eq!(f.verdict, Verdict::Verified, "{:#?}", f.problems);
    let f = one(
        &mut lib,
        "“DeepSeek represents engineering ingenuity […] and the evolution of art,” Yoon said in an email.",
    );
    assert_eq!(
        f.verdict,
        Verdict::Misquoted,
        "an elision may leave words out, not change them: {f:#?}"
    );
    let f = one(
        &mut lib,
        "“[The Chinese startup] represents engineering ingenuity and the natural evolution of science and technology,” Yoon said in an email.",
    );
    assert_eq!(f.verdict, Verdict::Verified, "{:#?}", f.problems);
}

#[test]
fn the_medium_is_compared_only_when_the_draft_names_one() {
    let (_dir, mut lib) = library();
    let f = one(
        &mut lib,
        "“DeepSeek represents engineering ingenuity,” Songyee Yoon said in a statement.",
    );
    assert_eq!(f.verdict, Verdict::Misattributed);
    assert_eq!(fields(&f), vec![Field::Medium]);
    assert_eq!(
        (f.problems[0].draft.as_str(), f.problems[0].record.as_str()),
        ("said in a statement", "said in an email")
    );

    let f = one(
        &mut lib,
        "“The launch of DeepSeek’s R2 model could be a pivotal moment in the AI industry,” Alilughatta told Bloomberg.",
    );
    assert_eq!(fields(&f), vec![Field::Medium]);
    assert_eq!(f.problems[0].record, "told Reuters");

    let f = one(
        &mut lib,
        "“DeepSeek represents engineering ingenuity,” Songyee Yoon says.",
    );
    assert_eq!(f.verdict, Verdict::Verified);
}

#[test]
fn a_later_title_for_an_older_quote_is_a_title_problem_naming_both() {
    let (_dir, mut lib) = library();
    let f = one(
        &mut lib,
        "Acme CEO Ann Lee said in 2021 that “we will keep our costs under control this year.”",
    );
    assert_eq!(f.verdict, Verdict::Misattributed);
    assert_eq!(fields(&f), vec![Field::Title]);
    assert_eq!(f.problems[0].draft, "CEO");
    assert_eq!(f.problems[0].record, "chief financial officer");
    assert!(
        f.problems[0].message.contains("on 2021-03-04")
            && f.problems[0].message.contains("another time"),
        "{}",
        f.problems[0].message
    );

    // The same title for the later quote is right; "Acme" is "Acme Group".
    let f = one(
        &mut lib,
        "Acme CEO Ann Lee said “our growth will come from new markets in Asia.”",
    );
    assert_eq!(f.verdict, Verdict::Verified, "{:#?}", f.problems);
}

#[test]
fn wrong_words_and_wrong_speaker_are_misattributed_listing_both() {
    let (_dir, mut lib) = library();
    let f = one(
        &mut lib,
        "“DeepSeek represents engineering genius and the natural evolution of science and technology,” Vijayasimha Alilughatta said.",
    );
    assert_eq!(f.verdict, Verdict::Misattributed);
    assert_eq!(fields(&f), vec![Field::Wording, Field::Speaker]);
}

#[test]
fn hostile_drafts_give_results_or_clear_errors() {
    let (_dir, mut lib) = library();
    let report: CheckReport = lib
        .check("“unterminated quotation that never ends")
        .unwrap();
    assert!(report.findings.is_empty());
    let report = lib.check("“(((“[[[” … ”…” ...").unwrap();
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.verdict == Verdict::Unverified)
    );
    let report = lib
        .check("“🎉 שלום עולם e\u{301}é speaker: OR AND (,” Ann Lee said.")
        .unwrap();
    assert_eq!(report.findings[0].verdict, Verdict::Unverified);
    let huge = "word ".repeat(4 * 1024 * 1024);
    assert!(lib.check(&huge).unwrap_err().to_string().contains("MB"));
}

#[test]
fn a_draft_in_french_is_checked_for_who_said_it() {
    let (_dir, mut lib) = library();
    lib.add(NewQuote {
        text: "Nous sommes en guerre contre le terrorisme djihadiste".into(),
        speaker: "François Hollande".into(),
        title: Some("président".into()),
        said_on: Some(onrecord::model::parse_date("2015-11-16").unwrap()),
        language: Some("fr".into()),
        ..Default::default()
    })
    .unwrap();
    let draft = |who: &str| {
        format!(
            "Le Congrès s'est réuni lundi à Versailles après les attentats de vendredi soir. \
             « Nous sommes en guerre contre le terrorisme djihadiste », a déclaré {who} devant \
             les parlementaires."
        )
    };
    let f = one(&mut lib, &draft("François Hollande"));
    assert_eq!(f.verdict, Verdict::Verified, "{:#?}", f.problems);
    let f = one(&mut lib, &draft("Manuel Valls"));
    assert_eq!(f.verdict, Verdict::Misattributed, "{:#?}", f.problems);
    assert_eq!(fields(&f), vec![Field::Speaker]);
    assert_eq!(f.problems[0].draft, "Manuel Valls");
}

/// A body's statement, clipped as "the Justice Department said", is on record under the body:
/// a draft giving it to the Pentagon is misattributed, one giving it to the department with
/// "The Justice Department said:" is verified.
#[test]
fn a_bodys_statement_is_checked_against_the_body() {
    let (_dir, mut lib) = library();
    let mut clip = clip_bytes(
        "Rulings\n\n\"No charges have been filed in the case,\" the Justice Department said."
            .as_bytes(),
        &ClipOptions::default(),
    )
    .unwrap();
    assert_eq!(lib.save_clip(&mut clip).unwrap().saved.len(), 1);

    let f = one(
        &mut lib,
        "The Pentagon said: “No charges have been filed in the case.”",
    );
    assert_eq!(f.verdict, Verdict::Misattributed);
    assert_eq!(fields(&f), vec![Field::Speaker]);
    assert_eq!(f.problems[0].record, "Justice Department");

    let f = one(
        &mut lib,
        "The Justice Department said: “No charges have been filed in the case.”",
    );
    assert_eq!(f.verdict, Verdict::Verified, "{:#?}", f.problems);
}

/// The Chinese counterpart of the seed: the story clipped and saved, a draft that gives the
/// first quotation to Alibaba's COO is misattributed naming Zensar; the right company, or part
/// of the quotation, is verified; a changed word is misquoted.
#[test]
fn the_chinese_seed_flags_alibabas_coo_and_verifies_zensars() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&dir.path().join("lib")).unwrap();
    let seed = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/seed-article-zh.txt"),
    )
    .unwrap();
    let mut clip = clip_bytes(
        &seed,
        &ClipOptions {
            outlet: Some("路透社".into()),
            date: chrono::NaiveDate::from_ymd_opt(2025, 2, 26),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(lib.save_clip(&mut clip).unwrap().saved.len(), 3);
    let first = &clip.quotes[0];
    assert_eq!(first.speaker.as_deref(), Some("维杰亚辛哈·阿利卢加塔"));
    assert_eq!(first.title.as_deref(), Some("首席运营官"));
    assert_eq!(first.organization.as_deref(), Some("Zensar"));
    assert_eq!(first.medium, onrecord::Medium::Told);

    let f = one(
        &mut lib,
        "阿里巴巴首席运营官表示：“DeepSeek的R2模型的发布可能成为人工智能行业的一个关键时刻。”",
    );
    assert_eq!(f.verdict, Verdict::Misattributed, "{:#?}", f.problems);
    assert_eq!(fields(&f), vec![Field::Organization]);
    assert_eq!(f.problems[0].draft, "阿里巴巴");
    assert_eq!(f.problems[0].record, "Zensar");
    assert!(
        f.problems[0]
            .message
            .starts_with("the record has Zensar, not 阿里巴巴")
    );

    for draft in [
        "Zensar首席运营官维杰亚辛哈·阿利卢加塔告诉路透社：“DeepSeek的R2模型的发布可能成为人工智能行业的一个关键时刻。”",
        "阿利卢加塔认为，DeepSeek的R2模型的发布“可能成为人工智能行业的一个关键时刻”。",
    ] {
        let f = one(&mut lib, draft);
        assert_eq!(f.verdict, Verdict::Verified, "{draft}: {:#?}", f.problems);
    }
    let f = one(
        &mut lib,
        "维杰亚辛哈·阿利卢加塔说：“DeepSeek的R2模型的发布可能成为人工智能行业的一个决定性时刻。”",
    );
    assert_eq!(f.verdict, Verdict::Misquoted, "{:#?}", f.problems);
}

/// Japanese and Korean drafts are read like their articles: a quotation given to the right
/// person at the wrong company is misattributed, naming the company on record.
#[test]
fn japanese_and_korean_drafts_name_the_right_company() {
    for (article, draft, recorded, claimed) in [
        (
            "トヨタ、新工場の建設を発表\n\nトヨタ自動車の佐藤恒治社長は5日、東京都内で記者会見し、\
             「電気自動車の生産能力を2倍にする」と述べた。\n",
            "ホンダの佐藤恒治社長は「電気自動車の生産能力を2倍にする」と述べた。",
            "トヨタ自動車",
            "ホンダ",
        ),
        (
            "삼성전자, 새 반도체 공장 착공\n\n삼성전자 한종희 부회장은 5일 기자간담회에서 \
             \"내년에는 생산량을 두 배로 늘리겠다\"고 말했다.\n",
            "SK하이닉스 한종희 부회장은 \"내년에는 생산량을 두 배로 늘리겠다\"고 말했다.",
            "삼성전자",
            "SK하이닉스",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = Library::open(&dir.path().join("lib")).unwrap();
        let mut clip = clip_bytes(article.as_bytes(), &ClipOptions::default()).unwrap();
        assert_eq!(lib.save_clip(&mut clip).unwrap().saved.len(), 1);
        let f = one(&mut lib, draft);
        assert_eq!(
            f.verdict,
            Verdict::Misattributed,
            "{draft}: {:#?}",
            f.problems
        );
        assert_eq!(fields(&f), vec![Field::Organization]);
        assert_eq!(f.problems[0].record, recorded);
        assert_eq!(f.problems[0].draft, claimed);
    }
}
