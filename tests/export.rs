//! Citation exports, checked by real consumers: pandoc's citeproc renders our CSL-JSON and our
//! BibLaTeX with the APA style; the CSL-JSON validates against the CSL schema (python
//! jsonschema); the BibLaTeX parses back with the biblatex crate; the RIS parses back tag by
//! tag. Golden files pin every format for `tests/fixtures/cite-quotes.json` (the seed article's
//! quotes plus an email without a source, a speech and a quote with no known date); run with
//! `UPDATE_GOLDEN=1` to rewrite them after an intended change, and review the diff.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use biblatex::{Bibliography, ChunksExt, Person};
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

struct Lib {
    dir: tempfile::TempDir,
}

impl Lib {
    /// A library holding the citation fixture.
    fn with_fixture() -> Lib {
        let lib = Lib {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let fixture = fixtures().join("cite-quotes.json");
        lib.ok(&["import", fixture.to_str().unwrap()]);
        lib
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_onrecord"))
            .arg("--library")
            .arg(self.dir.path().join("library"))
            .args(args)
            .env_remove("ONRECORD_FAILPOINT")
            .output()
            .expect("run onrecord")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "onrecord {args:?} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    fn export(&self, format: &str) -> String {
        self.ok(&["export", "--format", format])
    }

    /// Exports to a file in the temp dir and returns its path.
    fn export_file(&self, format: &str, name: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        self.ok(&["export", "--format", format, "-o", path.to_str().unwrap()]);
        path
    }
}

fn golden(name: &str, actual: &str) {
    let path = fixtures().join("export").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("read {}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert_eq!(
        actual, expected,
        "{name} differs from its golden file; if the change is intended, rerun with UPDATE_GOLDEN=1"
    );
}

#[test]
fn every_format_matches_its_golden_file() {
    let lib = Lib::with_fixture();
    for (format, file) in [
        ("csl-json", "cite-quotes.csl.json"),
        ("bibtex", "cite-quotes.bib"),
        ("ris", "cite-quotes.ris"),
        ("apa", "cite-quotes.apa.txt"),
        ("mla", "cite-quotes.mla.txt"),
        ("chicago", "cite-quotes.chicago.txt"),
        ("markdown", "cite-quotes.md"),
    ] {
        golden(file, &lib.export(format));
    }
    golden(
        "cite-quotes.apa.html",
        &lib.ok(&["export", "--format", "apa", "--markup", "html"]),
    );
    golden(
        "cite-quotes.apa.md",
        &lib.ok(&["export", "--format", "apa", "--markup", "markdown"]),
    );
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs `pandoc --citeproc` with our APA style over a bibliography and returns the references as
/// plain text, whitespace squashed.
fn pandoc_references(lib: &Lib, bibliography: &Path) -> String {
    pandoc_in(lib, bibliography, "apa")
}

/// pandoc's rendering of every item of `bibliography` in one of our styles.
fn pandoc_in(lib: &Lib, bibliography: &Path, style_name: &str) -> String {
    let style = lib.dir.path().join(format!("{style_name}.csl"));
    std::fs::write(&style, lib.ok(&["style", style_name])).unwrap();
    let doc = lib.dir.path().join("doc.md");
    std::fs::write(&doc, "---\nnocite: '@*'\n---\n\n# References\n").unwrap();
    let out = Command::new("pandoc")
        .arg("--citeproc")
        .arg("--csl")
        .arg(&style)
        .arg("--bibliography")
        .arg(bibliography)
        .args(["-t", "plain", "--wrap", "none"])
        .arg(&doc)
        .output()
        .expect("pandoc is installed by scripts/setup.sh");
    assert!(
        out.status.success(),
        "pandoc failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    squash(&String::from_utf8(out.stdout).unwrap())
}

#[test]
fn pandoc_renders_our_csl_json_in_apa_as_we_do() {
    let lib = Lib::with_fixture();
    let csl = lib.export_file("csl-json", "quotes.json");
    let pandoc = pandoc_references(&lib, &csl);
    let ours = lib.export("apa");
    let references: Vec<&str> = ours.lines().filter(|l| !l.starts_with('(')).collect();
    assert_eq!(references.len(), 3, "{ours}");
    for line in references {
        assert!(
            pandoc.contains(&squash(line)),
            "pandoc's APA lacks our reference\n  {line}\npandoc rendered:\n  {pandoc}"
        );
    }
    assert!(pandoc.contains(
        "Lopez, M., & Chen, W. (2025, February 26). DeepSeek rushes to launch R2. Reuters. \
         https://news.example.com/deepseek-r2"
    ));
}

#[test]
fn pandoc_renders_our_bibtex_in_apa() {
    let lib = Lib::with_fixture();
    let bib = lib.export_file("bibtex", "quotes.bib");
    let pandoc = pandoc_references(&lib, &bib);
    for expected in [
        "Lopez, M., & Chen, W. (2025, February 26). DeepSeek rushes to launch R2. Reuters. \
         https://news.example.com/deepseek-r2",
        "Mayors & money: the 50% question. (n.d.). The Example Times.",
        "Morgan, A. (2024). Commencement address to the class of 2024.",
        "Whitfield, D. (2024). Email to The Example Times.",
    ] {
        assert!(
            pandoc.contains(expected),
            "missing {expected:?} in pandoc's rendering:\n{pandoc}"
        );
    }
}

#[test]
fn csl_json_validates_against_the_csl_schema() {
    let lib = Lib::with_fixture();
    let csl = lib.export_file("csl-json", "quotes.json");
    let schema = fixtures().join("csl/csl-data.json");
    let script = "import json,sys,jsonschema\n\
        schema=json.load(open(sys.argv[1])); data=json.load(open(sys.argv[2]))\n\
        jsonschema.Draft7Validator.check_schema(schema)\n\
        errors=list(jsonschema.Draft7Validator(schema).iter_errors(data))\n\
        [print(list(e.path), e.message) for e in errors]\n\
        sys.exit(1 if errors else 0)";
    let out = Command::new("/usr/bin/python3")
        .args(["-c", script])
        .arg(&schema)
        .arg(&csl)
        .output()
        .expect("python3 with jsonschema is installed by scripts/setup.sh");
    assert!(
        out.status.success(),
        "CSL-JSON does not validate:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // And the validator does reject a wrong item, so the check above means something.
    let bad = lib.dir.path().join("bad.json");
    std::fs::write(&bad, r#"[{"id": "x", "type": "newspaper-article"}]"#).unwrap();
    let out = Command::new("/usr/bin/python3")
        .args(["-c", script])
        .arg(&schema)
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!out.status.success(), "the schema check accepts anything");
}

#[test]
fn bibtex_parses_back_into_the_same_fields() {
    let lib = Lib::with_fixture();
    let bib = lib.export("bibtex");
    let csl: Value = serde_json::from_str(&lib.export("csl-json")).unwrap();
    let parsed = Bibliography::parse(&bib).unwrap_or_else(|e| panic!("{e:?}\n{bib}"));
    let items = csl.as_array().unwrap();
    assert_eq!(parsed.len(), items.len());
    for item in items {
        let key = item["id"].as_str().unwrap();
        let entry = parsed.get(key).unwrap_or_else(|| panic!("no entry {key}"));
        let field = |name: &str| entry.get(name).map(|c| c.format_verbatim());
        assert_eq!(
            field("title").as_deref(),
            item["title"].as_str(),
            "{key} title"
        );
        let authors: Vec<Person> = entry
            .get("author")
            .map(|a| a.parse().unwrap())
            .unwrap_or_default();
        let expected: Vec<&Value> = item["author"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        assert_eq!(authors.len(), expected.len(), "{key} authors");
        for (person, want) in authors.iter().zip(expected) {
            let family = want["family"]
                .as_str()
                .or(want["literal"].as_str())
                .unwrap();
            assert_eq!(person.name, family, "{key}");
            assert_eq!(
                person.given_name,
                want["given"].as_str().unwrap_or(""),
                "{key}"
            );
        }
        assert_eq!(field("url").as_deref(), item["URL"].as_str(), "{key} url");
        let date = item["issued"]["date-parts"][0].as_array().map(|p| {
            format!(
                "{}-{:02}-{:02}",
                p[0].as_i64().unwrap(),
                p[1].as_i64().unwrap(),
                p[2].as_i64().unwrap()
            )
        });
        assert_eq!(field("date"), date, "{key} date");
        // TeX reads a line break inside a field as a space.
        let note = field("annotation").unwrap();
        assert_eq!(
            squash(&note),
            squash(item["note"].as_str().unwrap()),
            "{key} annotation"
        );
        if let Some(outlet) = item["container-title"].as_str() {
            assert_eq!(field("journaltitle").as_deref(), Some(outlet), "{key}");
        }
    }
}

/// A tiny RIS reader: records of (tag, value) pairs.
fn parse_ris(text: &str) -> Vec<Vec<(String, String)>> {
    let mut records = Vec::new();
    let mut current = Vec::new();
    for line in text.split("\r\n") {
        if line.is_empty() {
            continue;
        }
        assert!(
            line.len() >= 6 && &line[2..6] == "  - ",
            "malformed RIS line {line:?}"
        );
        let (tag, value) = (line[..2].to_owned(), line[6..].to_owned());
        if tag == "ER" {
            records.push(std::mem::take(&mut current));
        } else {
            current.push((tag, value));
        }
    }
    assert!(current.is_empty(), "a record lacks its ER line");
    records
}

#[test]
fn ris_parses_back_into_the_same_fields() {
    let lib = Lib::with_fixture();
    let ris = lib.export("ris");
    assert!(
        !ris.contains('\n') || ris.contains("\r\n"),
        "RIS lines end with CRLF"
    );
    let csl: Value = serde_json::from_str(&lib.export("csl-json")).unwrap();
    let records = parse_ris(&ris);
    let items = csl.as_array().unwrap();
    assert_eq!(records.len(), items.len());
    for (record, item) in records.iter().zip(items) {
        let tags: BTreeMap<&str, Vec<&str>> =
            record.iter().fold(BTreeMap::new(), |mut m, (t, v)| {
                m.entry(t.as_str()).or_default().push(v.as_str());
                m
            });
        let one = |tag: &str| tags.get(tag).map(|v| v[0]);
        assert_eq!(record[0].0, "TY", "TY comes first");
        let expected_type = match item["type"].as_str().unwrap() {
            "article-newspaper" => "NEWS",
            "personal_communication" => "PCOMM",
            "speech" => "GEN",
            other => panic!("unexpected type {other}"),
        };
        assert_eq!(one("TY"), Some(expected_type));
        assert_eq!(one("ID"), item["id"].as_str());
        assert_eq!(one("TI"), item["title"].as_str());
        assert_eq!(one("UR"), item["URL"].as_str());
        assert_eq!(
            tags.get("AU").map(Vec::len).unwrap_or(0),
            item["author"].as_array().map(Vec::len).unwrap_or(0)
        );
        let notes = tags.get("N1").map(|v| v.join("\n"));
        assert_eq!(notes.as_deref(), item["note"].as_str());
        match item["issued"]["date-parts"][0].as_array() {
            Some(p) => {
                assert_eq!(one("PY"), Some(p[0].to_string().as_str()));
                assert_eq!(
                    one("DA").unwrap(),
                    format!(
                        "{}/{:02}/{:02}",
                        p[0],
                        p[1].as_i64().unwrap(),
                        p[2].as_i64().unwrap()
                    )
                );
            }
            None => assert!(one("PY").is_none() && one("DA").is_none()),
        }
    }
}

/// Asserts that an export holds a piece of text, showing the export when it does not.
fn has(text: &str, piece: &str) {
    assert!(text.contains(piece), "missing {piece:?} in:\n{text}");
}

#[test]
fn email_told_speech_and_undated_quotes_come_out_right_in_every_format() {
    let lib = Lib::with_fixture();

    let md = lib.export("markdown");
    has(
        &md,
        "“The launch of DeepSeek’s R2 model could be a pivotal moment in the AI industry,” \
         Vijayasimha Alilughatta, chief operating officer of Zensar, told Reuters. \
         ([DeepSeek rushes to launch R2](<https://news.example.com/deepseek-r2>), Reuters, Feb. 26, 2025)",
    );
    has(
        &md,
        "Songyee Yoon, founder and managing partner at Principal Venture Partners, said in an email.",
    );
    has(
        &md,
        "Dana Whitfield, spokesperson of Acme Corp., said in an email to The Example Times. (Nov. 5, 2024)",
    );
    has(&md, "Gov. Alex Morgan said in a speech.");
    has(
        &md,
        "Mayor Jürgen Müller of Musterstadt said. (*Mayors & money: the 50% question*, The Example Times)",
    );

    let csl: Value = serde_json::from_str(&lib.export("csl-json")).unwrap();
    let by_key = |prefix: &str| {
        csl.as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"].as_str().unwrap().starts_with(prefix))
            .unwrap_or_else(|| panic!("no item {prefix}"))
            .clone()
    };
    let email = by_key("whitfield");
    assert_eq!(email["type"], "personal_communication");
    assert_eq!(email["author"][0]["family"], "Whitfield");
    assert_eq!(email["recipient"][0]["literal"], "The Example Times");
    let speech = by_key("morgan");
    assert_eq!(speech["type"], "speech");
    assert_eq!(speech["author"][0]["family"], "Morgan");
    let undated = by_key("muller");
    assert!(undated.get("issued").is_none());
    let told = by_key("alilughatta");
    assert_eq!(told["type"], "article-newspaper");
    assert!(told["note"].as_str().unwrap().contains("told Reuters"));
    assert!(
        told["note"].as_str().unwrap().contains("said in an email"),
        "Yoon's quote shares the article's entry"
    );

    let bib = lib.export("bibtex");
    has(&bib, "@misc{whitfield2024comment,");
    has(&bib, "howpublished = {Email to The Example Times}");
    has(&bib, "howpublished = {Speech}");
    has(&bib, "@article{muller-nd-100,");
    has(
        &bib,
        "title        = {{Mayors \\& money: the 50\\% question}}",
    );

    let ris = lib.export("ris");
    has(&ris, "TY  - PCOMM\r\nID  - whitfield2024comment");
    has(&ris, "M3  - Speech");
    has(
        &ris,
        "TY  - PCOMM\r\nID  - whitfield2024comment\r\nAU  - Whitfield, Dana\r\nM3  - Email to The Example Times",
    );

    let apa = lib.export("apa");
    has(
        &apa,
        "(D. Whitfield, personal communication, November 5, 2024)",
    );
    has(
        &apa,
        "Morgan, A. (2024, June 16). Commencement address to the class of 2024 [Speech]. Example State University.",
    );
    has(
        &apa,
        "Mayors & money: the 50% question. (n.d.). The Example Times.",
    );

    let mla = lib.export("mla");
    has(
        &mla,
        // An untitled email is described, not given a title in quotation marks (MLA 9, 2.1.3).
        "Whitfield, Dana. Email to The Example Times. 5 Nov. 2024.",
    );
    has(
        &mla,
        "Morgan, Alex. “Commencement Address to the Class of 2024.” Speech.",
    );
    has(
        &mla,
        "Lopez, Maria, and Wen Chen. “DeepSeek Rushes to Launch R2.” Reuters, 26 Feb. 2025",
    );

    let chicago = lib.export("chicago");
    has(
        &chicago,
        "The Example Times. n.d. Mayors & Money: The 50% Question.",
    );
    assert!(
        chicago
            .contains("Morgan, Alex. 2024. “Commencement Address to the Class of 2024.” Speech."),
        "{chicago}"
    );
}

#[test]
fn a_selection_exports_only_what_it_picks() {
    let lib = Lib::with_fixture();
    let md = lib.export("markdown");
    assert_eq!(md.matches("“").count(), 5);
    let picked = lib.ok(&["export", "speaker:Morgan", "--format", "markdown"]);
    assert_eq!(picked.matches("said in a speech").count(), 1);
    assert!(!picked.contains("Zensar"), "{picked}");
    let search: Value = serde_json::from_str(&lib.ok(&["search", "pivotal", "--json"])).unwrap();
    let id = search["hits"][0]["quote"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let by_id = lib.ok(&["export", "--id", &id, "--format", "csl-json"]);
    let items: Value = serde_json::from_str(&by_id).unwrap();
    assert_eq!(items.as_array().unwrap().len(), 1);
    assert!(items[0]["note"].as_str().unwrap().contains("pivotal"));
}

#[test]
fn bad_destinations_and_formats_are_clear_errors_that_write_nothing() {
    let lib = Lib::with_fixture();
    let check = |args: &[&str], needle: &str| {
        let out = lib.run(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    };
    check(
        &["export", "--format", "word"],
        "use one of csl-json, bibtex",
    );
    let dir = lib.dir.path().to_str().unwrap().to_owned();
    check(&["export", "--format", "bibtex", "-o", &dir], "is a folder");
    let climbing = format!("{dir}/sub/../../out.bib");
    check(&["export", "--format", "bibtex", "-o", &climbing], "'..'");
    let missing = format!("{dir}/no/such/folder/out.bib");
    check(
        &["export", "--format", "bibtex", "-o", &missing],
        "does not exist",
    );
    let existing = lib.dir.path().join("keep.bib");
    std::fs::write(&existing, "precious").unwrap();
    check(
        &[
            "export",
            "--format",
            "bibtex",
            "-o",
            existing.to_str().unwrap(),
        ],
        "--force",
    );
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "precious");
    lib.ok(&[
        "export",
        "--format",
        "bibtex",
        "-o",
        existing.to_str().unwrap(),
        "--force",
    ]);
    assert!(
        std::fs::read_to_string(&existing)
            .unwrap()
            .starts_with("@article{")
    );
}

/// Chinese names keep family-name-first order in every format: CSL-JSON and BibTeX carry the
/// family and given names (pandoc reads our BibTeX back into the same parts), and the
/// rendered styles neither invert nor abbreviate them.
#[test]
fn chinese_names_are_family_name_first_in_every_format() {
    let lib = Lib {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    let fixture = fixtures().join("cite-quotes-zh.json");
    lib.ok(&["import", fixture.to_str().unwrap()]);
    let parts = |v: &serde_json::Value| -> Vec<(String, String)> {
        v[0]["author"]
            .as_array()
            .expect("authors")
            .iter()
            .map(|a| {
                (
                    a["family"].as_str().unwrap_or("").to_owned(),
                    a["given"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect()
    };
    let expected = vec![
        ("梁".to_owned(), "文锋".to_owned()),
        ("欧阳".to_owned(), "瑞峰".to_owned()),
    ];
    let csl: serde_json::Value = serde_json::from_str(&lib.export("csl-json")).unwrap();
    assert_eq!(parts(&csl), expected);
    let bib = lib.export_file("bibtex", "zh.bib");
    let out = Command::new("pandoc")
        .args(["-f", "biblatex", "-t", "csljson"])
        .arg(&bib)
        .output()
        .expect("pandoc is installed by scripts/setup.sh");
    assert!(out.status.success());
    let read_back: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(parts(&read_back), expected);
    assert!(
        read_back[0]["id"]
            .as_str()
            .is_some_and(|k| k.starts_with("alilujiata2025")),
        "{}",
        read_back[0]["id"]
    );
    for format in ["apa", "mla", "chicago"] {
        let text = lib.export(format);
        assert!(text.starts_with("梁文锋, "), "{format}: {text}");
        assert!(!text.contains("梁, "), "{format}: {text}");
    }
}

#[test]
fn pandoc_renders_a_pdf_quote_with_its_page_and_an_interview_as_one() {
    let lib = Lib {
        dir: tempfile::tempdir().expect("temp dir"),
    };
    let docs = fixtures().join("documents");
    lib.ok(&[
        "clip",
        docs.join("statement.pdf").to_str().unwrap(),
        "--outlet",
        "Northwind Energy",
        "--title",
        "Harbor Wind survey",
        "--date",
        "2026-03-03",
        "--save",
    ]);
    lib.ok(&[
        "clip",
        docs.join("interview.srt").to_str().unwrap(),
        "--date",
        "2026-03-03",
        "--save",
    ]);
    let csl = lib.export_file("csl-json", "documents.json");
    let items: Value = serde_json::from_str(&std::fs::read_to_string(&csl).unwrap()).unwrap();
    let pdf = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["type"] == "document")
        .unwrap();
    assert_eq!(pdf["page"], "1-2");
    let interview = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["type"] == "interview")
        .unwrap();
    assert_eq!(interview["genre"], "Interview by the author");
    assert!(
        interview.get("title").is_none(),
        "no title made up: {interview}"
    );
    let mla = pandoc_in(&lib, &csl, "mla");
    assert!(
        mla.contains("Harbor Wind Survey.” Northwind Energy, 3 Mar. 2026, pp. 1–2."),
        "pandoc's MLA lacks the pages:\n{mla}"
    );
    assert!(
        mla.contains("Lopez, Maria. Interview by the author. 3 Mar. 2026."),
        "pandoc's MLA lacks the interview:\n{mla}"
    );
    // Ours says the same.
    let ours = squash(&lib.export("mla"));
    assert!(
        ours.contains("Lopez, Maria. Interview by the author. 3 Mar. 2026."),
        "{ours}"
    );
    assert!(ours.contains("pp. 1–2."), "{ours}");
}
