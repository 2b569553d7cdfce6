//! End-to-end tests of the `onrecord` binary: each runs the real program on a real library folder
//! (SQLite file and Tantivy index on disk) in a fresh temporary directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const SEED_FIRST: &str =
    "The launch of DeepSeek’s R2 model could be a pivotal moment in the AI industry";
const SEED_SECOND: &str = "would likely spur companies worldwide to accelerate their own efforts … breaking the stranglehold of the few dominant players in the field";
const SEED_THIRD: &str = "DeepSeek represents engineering ingenuity and the natural evolution of science and technology. Throughout human civilization, innovation has built upon the work of those before us, and this marks another landmark moment in our legacy of progress";

struct Lib {
    dir: tempfile::TempDir,
}

impl Lib {
    fn new() -> Lib {
        Lib {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("library")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_onrecord"));
        cmd.arg("--library").arg(self.path()).args(args);
        cmd.env_remove("ONRECORD_FAILPOINT");
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run onrecord")
    }

    /// Runs and asserts success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "onrecord {args:?} failed ({:?}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut args = args.to_vec();
        args.push("--json");
        serde_json::from_str(&self.ok(&args)).expect("JSON output")
    }

    /// The ids of the quotes a search returns, in order.
    fn search_texts(&self, query: &str) -> Vec<String> {
        let v = self.json(&["search", query]);
        v["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| h["quote"]["text"].as_str().expect("text").to_owned())
            .collect()
    }

    fn add_seed_quotes(&self) {
        self.ok(&[
            "add",
            "--text",
            SEED_FIRST,
            "--speaker",
            "Vijayasimha Alilughatta",
            "--title",
            "chief operating officer",
            "--org",
            "Zensar",
            "--org-description",
            "tech services provider",
            "--medium",
            "told Reuters",
            "--outlet",
            "Reuters",
            "--date",
            "2025-03-01",
        ]);
        self.ok(&[
            "add",
            "--text",
            SEED_SECOND,
            "--speaker",
            "Vijayasimha Alilughatta",
            "--title",
            "chief operating officer",
            "--org",
            "Zensar",
            "--medium",
            "said",
            "--outlet",
            "Reuters",
            "--date",
            "2025-03-01",
        ]);
        self.ok(&[
            "add",
            "--text",
            SEED_THIRD,
            "--speaker",
            "Songyee Yoon",
            "--title",
            "founder and managing partner",
            "--org",
            "Principal Venture Partners",
            "--medium",
            "email",
            "--date",
            "2025-03-01",
        ]);
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn seed_quotes_added_by_hand_are_found_by_phrase_org_fuzzy_name_and_date() {
    let lib = Lib::new();
    lib.add_seed_quotes();

    assert_eq!(lib.search_texts("pivotal moment"), vec![SEED_FIRST]);
    assert_eq!(lib.search_texts("\"pivotal moment\""), vec![SEED_FIRST]);

    let mut zensar = lib.search_texts("org:Zensar");
    zensar.sort();
    assert_eq!(zensar, vec![SEED_FIRST, SEED_SECOND]);

    // A typo in the name still finds both of his quotes, and not Yoon's.
    let mut typo = lib.search_texts("speaker:alilughata");
    typo.sort();
    assert_eq!(typo, vec![SEED_FIRST, SEED_SECOND]);

    assert_eq!(
        lib.search_texts("after:2025-01-01 ingenuity"),
        vec![SEED_THIRD]
    );
    assert!(lib.search_texts("before:2025-01-01 ingenuity").is_empty());
}

#[test]
fn search_json_has_snippets_facets_and_the_stored_quote() {
    let lib = Lib::new();
    lib.add_seed_quotes();
    let v = lib.json(&["search", "deepseek"]);
    assert_eq!(v["total"], 2);
    let first = &v["hits"][0];
    assert!(
        first["snippet"]
            .as_str()
            .unwrap()
            .contains("<mark>DeepSeek</mark>"),
        "{first}"
    );
    assert!(first["score"].as_f64().unwrap() > 0.0);
    assert_eq!(v["facets"]["speaker"]["Vijayasimha Alilughatta"], 1);
    assert_eq!(v["facets"]["speaker"]["Songyee Yoon"], 1);
    assert_eq!(v["facets"]["year"]["2025"], 2);

    let told = lib.json(&["search", "pivotal"]);
    let q = &told["hits"][0]["quote"];
    assert_eq!(q["speaker"], "Vijayasimha Alilughatta");
    assert_eq!(q["title"], "chief operating officer");
    assert_eq!(q["organization"], "Zensar");
    assert_eq!(q["organization_description"], "tech services provider");
    assert_eq!(q["medium"], "told");
    assert_eq!(q["told_to"], "Reuters");
    assert_eq!(q["said_on"], "2025-03-01");
    assert_eq!(q["source"]["outlet"], "Reuters");
}

#[test]
fn boolean_operators_and_sort_by_date() {
    let lib = Lib::new();
    lib.ok(&[
        "add",
        "--text",
        "Older words about budgets",
        "--speaker",
        "Ann Lee",
        "--date",
        "2020-01-01",
    ]);
    lib.ok(&[
        "add",
        "--text",
        "Newer words about budgets",
        "--speaker",
        "Bob Roe",
        "--date",
        "2024-01-01",
    ]);
    lib.ok(&[
        "add",
        "--text",
        "Undated words about budgets",
        "--speaker",
        "Cy Doe",
    ]);
    assert_eq!(
        lib.search_texts("budgets -newer -undated"),
        vec!["Older words about budgets"]
    );
    assert_eq!(lib.search_texts("speaker:lee OR speaker:roe").len(), 2);
    assert_eq!(
        lib.search_texts("budgets AND NOT (speaker:lee OR speaker:roe)"),
        vec!["Undated words about budgets"]
    );
    let by_date = lib.json(&["search", "budgets", "--sort", "date"]);
    let texts: Vec<&str> = by_date["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["quote"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        vec![
            "Newer words about budgets",
            "Older words about budgets",
            "Undated words about budgets"
        ]
    );
    assert_eq!(
        lib.search_texts("year:2020"),
        vec!["Older words about budgets"]
    );
}

#[test]
fn a_chinese_quote_is_found_by_a_two_character_word() {
    let lib = Lib::new();
    lib.ok(&[
        "add",
        "--text",
        "深度求索代表了工程上的独创性和科学技术的自然演进。",
        "--speaker",
        "尹松怡",
    ]);
    lib.ok(&[
        "add",
        "--text",
        "The launch could be pivotal.",
        "--speaker",
        "Someone Else",
    ]);
    let hits = lib.json(&["search", "工程"]);
    assert_eq!(hits["total"], 1, "{hits}");
    assert_eq!(hits["hits"][0]["quote"]["language"], "zh");
    assert!(
        hits["hits"][0]["snippet"]
            .as_str()
            .unwrap()
            .contains("<mark>工程</mark>"),
        "{hits}"
    );
    assert_eq!(lib.json(&["search", "科学"])["total"], 1);
    assert_eq!(lib.json(&["search", "lang:zh"])["total"], 1);
    assert_eq!(lib.json(&["search", "汽车"])["total"], 0);
}

#[test]
fn plain_search_output_shows_apostrophes_and_brackets_as_written() {
    let lib = Lib::new();
    lib.ok(&[
        "add",
        "--text",
        "We don't <really> know & won't guess.",
        "--speaker",
        "Ana Lee",
    ]);
    let out = lib.ok(&["search", "guess"]);
    assert!(
        out.contains("We don't <really> know & won't guess"),
        "{out}"
    );
    assert!(!out.contains("&#"), "{out}");
}

#[test]
fn a_malformed_query_is_a_clear_usage_error() {
    let lib = Lib::new();
    lib.add_seed_quotes();
    for (query, expect) in [
        ("\"pivotal moment", "never closed"),
        ("(zensar OR alibaba", "never closed"),
        ("zensar)", "no matching '('"),
        ("employer2:zensar", "no field `employer2:`"),
        ("after:last-week", "not a date"),
        ("OR", "OR needs something"),
    ] {
        let out = lib.run(&["search", query]);
        assert_eq!(out.status.code(), Some(2), "{query}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(expect), "{query}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn show_edit_and_rm_one_quote() {
    let lib = Lib::new();
    let id = lib.ok(&[
        "add",
        "--text",
        "We will ship in May.",
        "--speaker",
        "Ann Lee",
        "--title",
        "CFO",
        "--org",
        "Acme",
        "--date",
        "2021-04-01",
    ]);
    let id = id.trim();
    let shown = lib.json(&["show", id]);
    assert_eq!(shown["id"], id);
    assert_eq!(shown["title"], "CFO");

    let edited = lib.json(&[
        "edit",
        id,
        "--title",
        "chief executive",
        "--tag",
        "launch",
        "--tag",
        "Q2",
    ]);
    assert_eq!(edited["title"], "chief executive");
    assert_eq!(edited["tags"], serde_json::json!(["launch", "q2"]));
    assert_eq!(lib.json(&["search", "title:executive"])["total"], 1);
    assert_eq!(lib.json(&["search", "tag:launch"])["total"], 1);
    assert_eq!(lib.json(&["search", "title:CFO"])["total"], 0);

    // The speaker's timeline keeps both titles.
    let speaker = lib.json(&["speakers", "Ann Lee"]);
    let titles: Vec<&str> = speaker["affiliations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, vec!["CFO", "chief executive"]);

    let cleared = lib.json(&["edit", id, "--title", ""]);
    assert!(cleared.get("title").is_none(), "{cleared}");

    lib.ok(&["rm", id]);
    let out = lib.run(&["show", id]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!("no quote with id {id}")),
        "{}",
        stderr(&out)
    );
    assert_eq!(lib.json(&["search", "ship"])["total"], 0);

    let out = lib.run(&["show", "not-a-number"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("positive whole numbers"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_kill_between_the_database_commit_and_the_index_commit_loses_nothing() {
    for point in ["after-store-commit", "before-index-commit"] {
        let lib = Lib::new();
        lib.add_seed_quotes();
        let out = lib
            .command(&[
                "add",
                "--text",
                "Acknowledged but never indexed",
                "--speaker",
                "Dee Crash",
            ])
            .env("ONRECORD_FAILPOINT", point)
            .output()
            .unwrap();
        assert!(
            !out.status.success(),
            "{point}: the process should have died"
        );
        assert_eq!(
            std::os::unix::process::ExitStatusExt::signal(&out.status),
            Some(6),
            "{point}: expected SIGABRT, got {:?}",
            out.status
        );
        // The next open replays the outbox; search finds the quote.
        let hits = lib.json(&["search", "acknowledged"]);
        assert_eq!(hits["total"], 1, "{point}: {hits}");
        assert_eq!(hits["hits"][0]["quote"]["speaker"], "Dee Crash");
        let doctor = lib.json(&["doctor"]);
        assert_eq!(
            doctor["missing_from_index"],
            serde_json::json!([]),
            "{point}: {doctor}"
        );
        assert_eq!(doctor["quotes_in_store"], 4);
        assert_eq!(doctor["documents_in_index"], 4);
    }
}

#[test]
fn a_kill_before_the_index_commit_of_a_large_import_loses_nothing() {
    // Large enough for the bulk path, whose quotes wait in the outbox as runs of ids.
    let lib = Lib::new();
    let csv = lib.dir.path().join("wire.csv");
    let mut text = String::from("text,speaker\n");
    for i in 0..12_345 {
        text.push_str(&format!("Remark {i} about the harbor,Speaker {}\n", i % 50));
    }
    std::fs::write(&csv, text).unwrap();
    let out = lib
        .command(&["import", csv.to_str().unwrap()])
        .env("ONRECORD_FAILPOINT", "before-index-commit")
        .output()
        .unwrap();
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&out.status),
        Some(6),
        "expected SIGABRT, got {:?}",
        out.status
    );
    // The next open replays the runs; every quote is found.
    let hits = lib.json(&["search", "harbor"]);
    assert_eq!(hits["total"], 12_345, "{hits}");
    let doctor = lib.json(&["doctor"]);
    assert_eq!(
        doctor["missing_from_index"],
        serde_json::json!([]),
        "{doctor}"
    );
    assert_eq!(doctor["documents_in_index"], 12_345);
    assert_eq!(doctor["pending_changes"], 0);
}

#[test]
fn a_deleted_index_folder_is_rebuilt_on_open_and_by_reindex() {
    let lib = Lib::new();
    lib.add_seed_quotes();
    std::fs::remove_dir_all(lib.path().join("index")).unwrap();
    let out = lib.run(&["search", "pivotal", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("rebuilt"),
        "the user is told: {}",
        stderr(&out)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"], 1);

    // Garbage in place of the index is treated the same way.
    std::fs::remove_dir_all(lib.path().join("index")).unwrap();
    std::fs::create_dir(lib.path().join("index")).unwrap();
    std::fs::write(lib.path().join("index/meta.json"), b"{not json").unwrap();
    assert_eq!(lib.json(&["search", "ingenuity"])["total"], 1);

    let v = lib.json(&["reindex"]);
    assert_eq!(v["indexed"], 3);
    assert_eq!(lib.json(&["search", "org:zensar"])["total"], 2);
    let doctor = lib.run(&["doctor"]);
    assert!(
        doctor.status.success(),
        "{}",
        String::from_utf8_lossy(&doctor.stdout)
    );
    assert!(String::from_utf8_lossy(&doctor.stdout).contains("healthy"));
}

#[test]
fn import_a_headerless_tsv_with_named_columns_and_round_trip_through_json() {
    let lib = Lib::new();
    let report = lib.json(&[
        "import",
        "--format",
        "tsv",
        "--columns",
        "_,_,text,tags,speaker_slug,title,_,_,_,_,_,_,_,source_title",
        fixture("liar-shaped.tsv").to_str().unwrap(),
    ]);
    assert_eq!(report["imported"], 4);
    let hits = lib.json(&["search", "speaker:\"jane q public\""]);
    assert_eq!(hits["total"], 2, "{hits}");
    let bridge = lib.json(&["search", "bridge"]);
    let q = &bridge["hits"][0]["quote"];
    assert_eq!(
        q["text"],
        "Says the bridge was \"built with no federal money at all.\""
    );
    assert_eq!(q["speaker"], "John Roe");
    assert_eq!(q["title"], "State senator");
    assert_eq!(q["source"]["title"], "a floor speech.");
    assert_eq!(q["tags"], serde_json::json!(["transportation"]));

    lib.ok(&["edit", "1", "--notes", "checked against the transcript"]);
    lib.ok(&["alias", "Jane Q Public", "J. Public"]);

    let export_a = lib.dir.path().join("a.json");
    lib.ok(&[
        "export",
        "--format",
        "json",
        "-o",
        export_a.to_str().unwrap(),
    ]);

    let other = Lib::new();
    let report = other.json(&["import", export_a.to_str().unwrap()]);
    assert_eq!(report["imported"], 4);
    let export_b = other.dir.path().join("b.json");
    other.ok(&[
        "export",
        "--format",
        "json",
        "-o",
        export_b.to_str().unwrap(),
    ]);
    let a = std::fs::read_to_string(&export_a).unwrap();
    let b = std::fs::read_to_string(&export_b).unwrap();
    assert_eq!(a, b, "export → import → export must be identical");
    assert_eq!(other.json(&["search", "speaker:\"j public\""])["total"], 2);

    // Importing the same export again adds nothing.
    let again = other.json(&["import", export_a.to_str().unwrap()]);
    assert_eq!(again["imported"], 0);
    assert_eq!(again["skipped"], 4);
}

#[test]
fn a_windows_1252_csv_imports_with_its_accents() {
    let lib = Lib::new();
    lib.ok(&[
        "import",
        fixture("quotes-windows-1252.csv").to_str().unwrap(),
    ]);
    let v = lib.json(&["search", "speaker:munoz"]);
    assert_eq!(v["total"], 1, "{v}");
    let q = &v["hits"][0]["quote"];
    assert_eq!(q["speaker"], "José Muñoz");
    assert_eq!(
        q["text"],
        "La situación económica es difícil, pero mejoraremos."
    );
    assert_eq!(q["medium"], "statement");
    let v = lib.json(&["search", "org:\"société générale\""]);
    assert_eq!(
        v["hits"][0]["quote"]["text"],
        "Ça ne se reproduira plus, je vous l’assure."
    );
    assert_eq!(v["hits"][0]["quote"]["told_to"], "Le Monde");

    // Forcing the wrong encoding garbles rather than fails, as the user asked; forcing UTF-8 on
    // these bytes is refused with a clear message.
    let out = lib.run(&[
        "import",
        "--encoding",
        "utf-8",
        fixture("quotes-windows-1252.csv").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not valid UTF-8"), "{}", stderr(&out));
}

#[test]
fn a_bad_table_names_the_line_and_writes_nothing() {
    let lib = Lib::new();
    lib.ok(&["add", "--text", "Already here", "--speaker", "Ann Lee"]);
    let out = lib.run(&["import", fixture("malformed-row.csv").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("malformed-row.csv, line 3") && err.contains("2 fields"),
        "{err}"
    );
    assert!(err.contains("nothing was imported"), "{err}");

    let out = lib.run(&["import", fixture("missing-column.csv").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no column holds the speaker"),
        "{}",
        stderr(&out)
    );

    // A good file and a bad one together: nothing from either.
    let out = lib.run(&[
        "import",
        fixture("quotes-windows-1252.csv").to_str().unwrap(),
        fixture("malformed-row.csv").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(lib.json(&["search", ""])["total"], 1);
}

#[test]
fn a_library_from_a_newer_version_is_refused_with_exit_3() {
    let lib = Lib::new();
    lib.ok(&["add", "--text", "x", "--speaker", "y"]);
    let db = lib.path().join("library.sqlite3");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    let out = lib.run(&["search", "x"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("newer version of OnRecord"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn export_refuses_to_overwrite_or_write_onto_a_folder() {
    let lib = Lib::new();
    lib.ok(&["add", "--text", "x", "--speaker", "y"]);
    let target = lib.dir.path().join("out.json");
    std::fs::write(&target, "keep me").unwrap();
    let out = lib.run(&["export", "-o", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    lib.ok(&["export", "-o", target.to_str().unwrap(), "--force"]);
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("onrecord-library")
    );

    let out = lib.run(&["export", "-o", lib.dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is a folder"), "{}", stderr(&out));

    // A selection exports only what matches.
    lib.ok(&["add", "--text", "other words", "--speaker", "z"]);
    let sel = lib.ok(&["export", "speaker:z"]);
    let v: Value = serde_json::from_str(&sel).unwrap();
    assert_eq!(v["quotes"].as_array().unwrap().len(), 1);
    assert_eq!(v["speakers"].as_array().unwrap().len(), 1);
}

#[test]
fn bad_add_input_is_refused_before_anything_is_written() {
    let lib = Lib::new();
    for (args, expect) in [
        (vec!["--text", " ", "--speaker", "A"], "quote text is empty"),
        (
            vec!["--text", "x", "--speaker", "A", "--date", "March 1"],
            "YYYY-MM-DD",
        ),
        (
            vec!["--text", "x", "--speaker", "A", "--medium", "fax"],
            "unknown medium",
        ),
    ] {
        let mut full = vec!["add"];
        full.extend(args);
        let out = lib.run(&full);
        assert_eq!(out.status.code(), Some(2), "{full:?}");
        assert!(stderr(&out).contains(expect), "{full:?}: {}", stderr(&out));
    }
    assert_eq!(lib.json(&["search", ""])["total"], 0);
}

/// `onrecord export | head`: when the reader stops early, the CLI stops quietly (exit 0, nothing
/// on standard error) instead of panicking on the broken pipe.
#[test]
fn a_reader_that_stops_early_gets_a_quiet_exit() {
    use std::io::Read;
    let lib = Lib::new();
    let rows: String = (0..2_000)
        .map(|i| format!("Quote number {i} about the budget and the bridge,Ann Lee\n"))
        .collect();
    let table = lib.dir.path().join("many.csv");
    std::fs::write(&table, format!("text,speaker\n{rows}")).unwrap();
    lib.ok(&["import", table.to_str().unwrap()]);
    let mut child = lib
        .command(&["export", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The pipe is closed here, with most of the export (about 400 KB) still to write.
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}: {}", out.status, stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

/// A letter two people wrote: clipped, both are on record; `speaker:` finds it under either
/// (and under an alias of the second); an edit replaces the second; a JSON export carries both
/// into another library; a draft giving it to the second is right, to a third wrong.
#[test]
fn a_quotation_said_together_keeps_every_speaker_from_clip_to_check() {
    let lib = Lib::new();
    let article = lib.dir.path().join("letter.txt");
    std::fs::write(
        &article,
        "Teachers reject the offer\n\n\
         “We will not accept these terms,” Marta Quiroga and Dev Anand, the union’s \
         co-chairs, wrote in a letter to members.\n",
    )
    .unwrap();
    let clip = lib.json(&["clip", article.to_str().unwrap(), "--save"]);
    let q = &clip["quotes"][0];
    assert_eq!(q["speaker"], "Marta Quiroga", "{clip}");
    assert_eq!(q["co_speakers"], serde_json::json!(["Dev Anand"]), "{clip}");
    let id = q["id"].as_str().expect("saved").to_owned();

    for query in ["speaker:Quiroga", "speaker:\"Dev Anand\"", "speaker:anand"] {
        assert_eq!(lib.json(&["search", query])["total"], 1, "{query}");
    }
    let shown = lib.json(&["show", &id]);
    assert_eq!(shown["co_speakers"], serde_json::json!(["Dev Anand"]));
    assert!(
        lib.ok(&["show", &id])
            .contains("Marta Quiroga (with Dev Anand)")
    );

    lib.ok(&["alias", "Dev Anand", "D. Anand"]);
    assert_eq!(lib.json(&["search", "speaker:\"D. Anand\""])["total"], 1);

    // A draft may name either writer; a third person is a misattribution.
    let draft = lib.dir.path().join("draft.txt");
    std::fs::write(
        &draft,
        "“We will not accept these terms,” Dev Anand wrote.\n\n\
         “We will not accept these terms,” Paul Okafor wrote.\n",
    )
    .unwrap();
    let out = lib.run(&["check", draft.to_str().unwrap(), "--json"]);
    let report: Value = serde_json::from_slice(&out.stdout).expect("check JSON");
    let verdicts: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|r| r["verdict"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(verdicts, vec!["verified", "misattributed"], "{report}");

    // Exported and imported, both stay; then an edit replaces the second.
    let export = lib.dir.path().join("all.json");
    lib.ok(&["export", "--format", "json", "-o", export.to_str().unwrap()]);
    let other = Lib::new();
    other.ok(&["import", export.to_str().unwrap()]);
    assert_eq!(other.json(&["search", "speaker:anand"])["total"], 1);
    assert_eq!(other.json(&["search", "speaker:\"D. Anand\""])["total"], 1);

    lib.ok(&["edit", &id, "--co-speaker", "Lena Vogt"]);
    assert_eq!(lib.json(&["search", "speaker:anand"])["total"], 0);
    assert_eq!(lib.json(&["search", "speaker:vogt"])["total"], 1);
    lib.ok(&["edit", &id, "--co-speaker", ""]);
    assert_eq!(lib.json(&["search", "speaker:vogt"])["total"], 0);
    assert!(lib.json(&["show", &id]).get("co_speakers").is_none());
}

/// A tiny HTTP server on 127.0.0.1: the fixture article at `/article`, 404 elsewhere.
struct Server {
    url: String,
}

impl Server {
    fn start() -> Server {
        use std::io::{BufRead, BufReader, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            for mut stream in listener.incoming().flatten() {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request = String::new();
                let _ = reader.read_line(&mut request);
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                }
                let (status, body) = match request.split_whitespace().nth(1) {
                    Some("/article") => ("200 OK", std::fs::read(fixture("article.html")).unwrap()),
                    _ => ("404 Not Found", b"<h1>Not found</h1>".to_vec()),
                };
                let head = format!(
                    "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&body);
            }
        });
        Server { url }
    }
}

#[test]
fn the_cli_clips_a_url_and_saves_it() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .arg("--library")
        .arg(dir.path())
        .args([
            "clip",
            &format!("{}/article", server.url),
            "--save",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["article"]["title"],
        "City council approves new transit plan"
    );
    assert_eq!(v["quotes"].as_array().unwrap().len(), 4);
    assert!(v["quotes"][0]["id"].is_string());
    assert_eq!(v["quotes"][3]["medium"], "statement");

    let out = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .arg("--library")
        .arg(dir.path())
        .args(["clip", &format!("{}/missing", server.url)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("HTTP 404"));
}

#[test]
fn a_50_megabyte_file_is_refused_quickly_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    drop(file);
    std::fs::write(dir.path().join("x"), b"").unwrap();
    let started = std::time::Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .arg("--library")
        .arg(dir.path().join("lib"))
        .args(["clip", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("50 MB") && err.contains("right file"), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert!(!dir.path().join("lib").exists(), "nothing was written");
}

#[test]
fn a_whole_draft_in_one_pass_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let seeded = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .arg("--library")
        .arg(dir.path().join("lib"))
        .args([
            "clip",
            fixture("seed-article.txt").to_str().unwrap(),
            "--save",
        ])
        .args(["--outlet", "Reuters", "--date", "2025-02-26"])
        .output()
        .unwrap();
    assert!(
        seeded.status.success(),
        "{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    let draft = "Alibaba's COO said the launch of DeepSeek's R2 model \"could be a pivotal moment in the AI industry.\"\n\
                 “DeepSeek represents engineering ingenuity and the natural evolution of science and technology,” Songyee Yoon said in an email.\n\
                 Officials called it “a so-called breakthrough.”\n";
    let path = dir.path().join("draft.txt");
    std::fs::write(&path, draft).unwrap();
    let run = |file: &Path| {
        Command::new(env!("CARGO_BIN_EXE_onrecord"))
            .arg("--library")
            .arg(dir.path().join("lib"))
            .args(["check", file.to_str().unwrap(), "--json"])
            .output()
            .unwrap()
    };
    let out = run(&path);
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit 1 when any finding is not verified"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    let verdicts: Vec<&str> = findings
        .iter()
        .map(|f| f["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, vec!["misattributed", "verified", "unverified"]);
    assert_eq!(findings[0]["problems"][0]["field"], "organization");
    assert_eq!(findings[0]["record"]["organization"], "Zensar");
    // Offsets are characters in the draft.
    let chars: Vec<char> = draft.chars().collect();
    let (s, e) = (
        findings[1]["start"].as_u64().unwrap() as usize,
        findings[1]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        chars[s..e].iter().collect::<String>(),
        findings[1]["quote"].as_str().unwrap()
    );

    let good = dir.path().join("good.txt");
    std::fs::write(
        &good,
        "“DeepSeek represents engineering ingenuity,” Yoon said in an email.",
    )
    .unwrap();
    let out = run(&good);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // People-facing output explains each problem in one line.
    let out = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .arg("--library")
        .arg(dir.path().join("lib"))
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("✗ misattributed") && text.contains("the record has Zensar, not Alibaba"),
        "{text}"
    );
}

/// A story from creation to export: quotes added by a search and by id, found with `story:`
/// whatever the case, shown on the quote, renamed (the index follows), a quote taken out, the
/// story exported, carried through a JSON export into another library, and deleted with its
/// quotes kept.
#[test]
fn a_story_from_creation_to_export() {
    let lib = Lib::new();
    lib.add_seed_quotes();
    lib.ok(&["story", "create", "Chip exports"]);
    assert!(
        !lib.run(&["story", "create", "chip  EXPORTS"])
            .status
            .success()
    );
    let added = lib.json(&["story", "add", "chip exports", "speaker:alilughatta"]);
    assert_eq!(added["added"], 2);
    let yoon = lib.search_texts("speaker:yoon");
    let id = lib.json(&["search", "speaker:yoon"])["hits"][0]["quote"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    lib.ok(&["story", "add", "Chip exports", "--id", &id]);
    assert_eq!(lib.json(&["search", "story:\"CHIP EXPORTS\""])["total"], 3);
    assert_eq!(
        lib.json(&["show", &id])["stories"],
        serde_json::json!(["Chip exports"])
    );
    let list = lib.json(&["story", "list"]);
    assert_eq!(list[0]["name"], "Chip exports");
    assert_eq!(list[0]["quotes"], 3);

    lib.ok(&["story", "rename", "Chip exports", "Export curbs"]);
    assert_eq!(lib.json(&["search", "story:\"chip exports\""])["total"], 0);
    assert_eq!(lib.json(&["search", "story:\"export curbs\""])["total"], 3);
    lib.ok(&["story", "remove", "Export curbs", "--id", &id]);
    assert_eq!(
        lib.search_texts("story:\"export curbs\" speaker:yoon"),
        Vec::<String>::new()
    );
    assert_eq!(lib.search_texts("speaker:yoon"), yoon, "the quote stays");

    let bib = lib.ok(&["export", "story:\"export curbs\"", "--format", "bibtex"]);
    assert_eq!(bib.matches("@").count(), 1, "{bib}");
    let csl = lib.ok(&["export", "story:\"export curbs\"", "--format", "csl"]);
    assert!(csl.contains("Zensar"), "{csl}");

    let file = lib.dir.path().join("all.json");
    lib.ok(&["export", "--format", "json", "-o", file.to_str().unwrap()]);
    let other = Lib::new();
    other.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(
        other.json(&["search", "story:\"export curbs\""])["total"],
        2
    );

    lib.ok(&["story", "delete", "Export curbs"]);
    assert_eq!(lib.json(&["story", "list"]), serde_json::json!([]));
    assert_eq!(lib.json(&["search", "speaker:alilughatta"])["total"], 2);
    assert!(
        !lib.run(&["story", "rename", "Export curbs", "x"])
            .status
            .success(),
        "a deleted story is gone"
    );
}

/// Two spellings of one person merged: the quotes (said alone or with someone), titles over time
/// and aliases move, the old spelling becomes an alias that search and check still know; a
/// name corrected is followed by the index; a name another speaker has is refused.
#[test]
fn speakers_are_merged_renamed_and_aliased() {
    let lib = Lib::new();
    let add = |text: &str, speaker: &str, extra: &[&str]| {
        let mut args = vec!["add", "--text", text, "--speaker", speaker];
        args.extend_from_slice(extra);
        lib.ok(&args);
    };
    add(
        "We will not sell the company at any price",
        "Songyee Yoon",
        &[
            "--title",
            "founder",
            "--org",
            "Principal Venture Partners",
            "--date",
            "2025-03-01",
        ],
    );
    add(
        "The market will turn before the summer is out",
        "Song-yee Yoon",
        &["--title", "managing partner", "--date", "2025-05-01"],
    );
    add(
        "Together we stand",
        "Ann Lee",
        &["--co-speaker", "Song-yee Yoon"],
    );
    assert_eq!(lib.json(&["speakers"]).as_array().unwrap().len(), 3);

    let listed = lib.ok(&["speakers"]);
    assert!(listed.contains("Ann Lee (1 quote)"), "{listed}");
    // A title held over time, set by hand, then removed.
    let board = |extra: &[&str]| {
        let mut args = vec![
            "speakers",
            "affiliation",
            "Ann Lee",
            "--title",
            "board member",
            "--org",
            "Acme Group",
        ];
        args.extend_from_slice(extra);
        lib.ok(&args)
    };
    let out = board(&["--from", "2020-01-01", "--to", "2022-12-31"]);
    assert!(out.starts_with("added to Ann Lee: board member"), "{out}");
    let ann = lib.json(&["speakers", "Ann Lee"]);
    assert!(
        ann["affiliations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["title"] == "board member" && a["valid_to"] == "2022-12-31"),
        "{ann}"
    );
    let bad = lib.run(&["speakers", "affiliation", "Ann Lee", "--from", "2020-01-01"]);
    assert_eq!(bad.status.code(), Some(2));
    board(&["--remove"]);
    let ann = lib.json(&["speakers", "Ann Lee"]);
    assert!(!ann.to_string().contains("board member"), "{ann}");
    let out = lib.ok(&["speakers", "merge", "Song-yee Yoon", "Songyee Yoon"]);
    assert!(out.contains("1 quote(s) moved"), "{out}");
    let speakers = lib.json(&["speakers"]);
    let mut names: Vec<&str> = speakers
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, vec!["Ann Lee", "Songyee Yoon"]);
    let yoon = lib.json(&["speakers", "Songyee Yoon"]);
    assert_eq!(yoon["aliases"], serde_json::json!(["Song-yee Yoon"]));
    assert_eq!(yoon["affiliations"].as_array().unwrap().len(), 2);
    // Every quote of either spelling, the one said together included, is hers now.
    let hits = lib.json(&["search", "speaker:\"Songyee Yoon\""]);
    assert_eq!(hits["total"], 3, "{hits}");
    let together = lib.json(&["search", "together"]);
    assert_eq!(
        together["hits"][0]["quote"]["co_speakers"],
        serde_json::json!(["Songyee Yoon"])
    );
    // A draft under the old spelling is still right.
    let draft = lib.dir.path().join("draft.txt");
    std::fs::write(
        &draft,
        "“The market will turn before the summer is out,” Song-yee Yoon said.",
    )
    .unwrap();
    let report = lib.json(&["check", draft.to_str().unwrap()]);
    assert_eq!(report["findings"][0]["verdict"], "verified", "{report}");

    lib.ok(&["speakers", "rename", "Songyee Yoon", "Songyee Yoon-Park"]);
    assert_eq!(lib.json(&["search", "speaker:\"Yoon-Park\""])["total"], 3);
    lib.ok(&["speakers", "alias", "Ann Lee", "A. Lee"]);
    assert_eq!(lib.json(&["search", "speaker:\"A. Lee\""])["total"], 1);
    for refused in [
        vec!["speakers", "rename", "Ann Lee", "song-yee yoon"],
        vec!["speakers", "merge", "Ann Lee", "A. Lee"],
        vec!["speakers", "merge", "Nobody Here", "Ann Lee"],
    ] {
        let out = lib.run(&refused);
        assert_eq!(out.status.code(), Some(2), "{refused:?}");
    }
    assert_eq!(lib.json(&["doctor"])["quotes_in_store"], 3);
    assert!(
        lib.run(&["doctor"]).status.success(),
        "store and index agree"
    );
}

/// Tags across the library: counted, faceted in search, renamed everywhere (into an existing tag
/// they merge), and the index follows.
#[test]
fn a_tag_is_renamed_everywhere_and_counted_as_a_facet() {
    let lib = Lib::new();
    lib.add_seed_quotes();
    for id in ["1", "2"] {
        lib.ok(&["edit", id, "--tag", "AI", "--tag", "chips"]);
    }
    lib.ok(&["edit", "3", "--tag", "artificial intelligence"]);
    let tags = lib.json(&["tag", "list"]);
    assert_eq!(
        tags[0],
        serde_json::json!({"tag": "ai", "quotes": 2}),
        "{tags}"
    );
    let facets = &lib.json(&["search", "deepseek"])["facets"];
    assert_eq!(facets["tag"]["ai"], 1, "{facets}");

    lib.ok(&["tag", "rename", "artificial intelligence", "AI"]);
    assert_eq!(lib.json(&["search", "tag:ai"])["total"], 3);
    assert_eq!(
        lib.json(&["search", "tag:\"artificial intelligence\""])["total"],
        0
    );
    assert_eq!(
        lib.json(&["tag", "list"]),
        serde_json::json!([{"tag": "ai", "quotes": 3}, {"tag": "chips", "quotes": 2}])
    );
    let out = lib.run(&["tag", "rename", "nonexistent", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no quote is tagged"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn documents_and_transcripts_through_the_cli() {
    let lib = Lib::new();
    let docs = |name: &str| fixture("documents").join(name).to_str().unwrap().to_owned();
    // A PDF: each quotation's page in --json and in the listing.
    let pdf = lib.json(&["clip", &docs("statement.pdf")]);
    assert_eq!(pdf["format"], "pdf");
    assert_eq!(pdf["quotes"][1]["locator"], serde_json::json!({"page": 2}));
    let listing = lib.ok(&["clip", &docs("two-column.pdf")]);
    assert!(listing.contains("p. 1, col. 2"), "{listing}");
    // A transcript: a label named on the command line; unnamed turns are not saved.
    let listing = lib.ok(&["clip", &docs("interview.vtt")]);
    assert!(
        listing.contains("--speaker \"Speaker 1=Their Name\""),
        "the listing says how to name a label:\n{listing}"
    );
    let saved = lib.json(&[
        "clip",
        &docs("interview.vtt"),
        "--speaker",
        "Speaker 2=Maria Lopez",
        "--date",
        "2026-03-03",
        "--save",
    ]);
    assert_eq!(saved["quotes"][1]["speaker"], "Maria Lopez");
    assert_eq!(saved["quotes"][1]["locator"]["start"], "00:14:06.500");
    let found = lib.json(&["search", "kind:interview"]);
    assert_eq!(found["total"], 2);
    // Exports carry the time; the AP line says whose interview it was.
    let md = lib.ok(&["export", "kind:interview", "--format", "markdown"]);
    assert!(
        md.contains("Maria Lopez said in an interview with the author. (00:14:06, March 3, 2026)"),
        "{md}"
    );
    // A mapping that is not LABEL=NAME is a usage error naming the form.
    let out = lib.run(&["clip", &docs("interview.vtt"), "--speaker", "Maria Lopez"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("LABEL=NAME"), "{}", stderr(&out));
    // A Word draft is checked like a text one: its quotation is on record, by someone else.
    lib.ok(&["clip", &docs("statement.docx"), "--save"]);
    let out = lib.run(&["check", &docs("draft.docx"), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["findings"][0]["verdict"], "misattributed");
    // Junk named as a transcript: refused, and nothing saved from it.
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.vtt");
    std::fs::write(&junk, [0u8, 159, 146, 150, 0, 1].repeat(100)).unwrap();
    let before = lib.json(&["search", ""])["total"].clone();
    let out = lib.run(&["clip", junk.to_str().unwrap(), "--save"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("binary data"), "{}", stderr(&out));
    assert_eq!(lib.json(&["search", ""])["total"], before);
}
