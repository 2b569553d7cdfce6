//! Hostile input through every command that reads what users type, paste or pick: each case
//! gets a correct result or a clear error naming the problem (exit 2) — never a panic, never a
//! hang, and never a partial write (the library is checked unchanged after every refusal).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Case {
    name: &'static str,
    args: Vec<String>,
    /// Expected exit code.
    code: i32,
    /// Text the output (stderr on failure, stdout on success) must contain.
    says: &'static str,
}

struct Lib {
    dir: tempfile::TempDir,
}

impl Lib {
    fn path(&self) -> PathBuf {
        self.dir.path().join("library")
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_owned()
    }

    /// Runs onrecord with a time limit: a hang is a failure too.
    fn run(&self, args: &[String]) -> (Option<i32>, String, String, Duration) {
        let started = Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_onrecord"))
            .arg("--library")
            .arg(self.path())
            .args(args)
            .env_remove("ONRECORD_FAILPOINT")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if started.elapsed() > Duration::from_secs(60) {
                child.kill().unwrap();
                panic!("onrecord {args:?} hung");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
            started.elapsed(),
        )
    }

    fn export(&self) -> String {
        let (code, out, err, _) = self.run(&["export".into(), "--format".into(), "json".into()]);
        assert_eq!(code, Some(0), "{err}");
        // Timestamps and ids are the library's own; the content is what must not change.
        out
    }
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn sparse_file(path: &Path, bytes: u64) {
    let file = std::fs::File::create(path).unwrap();
    file.set_len(bytes).unwrap();
}

#[test]
fn every_hostile_input_gets_a_result_or_a_clear_error() {
    let lib = Lib {
        dir: tempfile::tempdir().unwrap(),
    };
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/seed-quotes.json");
    let (code, _, err, _) = lib.run(&args(&["import", seed.to_str().unwrap()]));
    assert_eq!(code, Some(0), "{err}");

    let empty = lib.file("empty.txt", b"");
    let junk = lib.file(
        "junk.bin",
        &(0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect::<Vec<_>>(),
    );
    let latin1 = lib.file(
        "latin1.txt",
        b"\x93Caf\xe9 words are fine here,\x94 Zo\xeb Ng said.",
    );
    let nul = lib.file(
        "nul.txt",
        "“words with a \0 NUL inside them,” Ann Lee said.".as_bytes(),
    );
    let huge = lib.dir.path().join("huge.txt");
    sparse_file(&huge, 100 * 1024 * 1024);
    let huge = huge.to_str().unwrap().to_owned();
    let nested = lib.file(
        "nested.html",
        format!("<html><body>{}</body></html>", "<div>".repeat(100_000)).as_bytes(),
    );
    let unterminated = lib.file(
        "open.txt",
        "“This quotation never ends, she said.".as_bytes(),
    );
    let rtl = lib.file(
        "rtl.txt",
        "“שלום עולם, זה ציטוט ארוך מאוד,” אמר. “Cafe\u{301} 🎉 opens for everyone,” Zoë Ng said."
            .as_bytes(),
    );
    let ragged = lib.file(
        "ragged.csv",
        b"text,speaker\n\"one quote\",Ann Lee\n\"two\",Bo Li,extra\n",
    );
    let wrong_types = lib.file(
        "types.json",
        br#"[{"text": 42, "speaker": ["not", "a", "name"]}]"#,
    );
    let not_json = lib.file("broken.json", b"[{\"text\": \"unfinished\"");
    let json_junk = lib.file("junk.json", &[0x7b, 0x00, 0xff, 0xfe, 0x00]);
    let dir = lib.dir.path().to_str().unwrap().to_owned();
    let climbing = format!("{dir}/a/../../x.bib");

    let cases = vec![
        Case {
            name: "clip an empty file",
            args: args(&["clip", &empty]),
            code: 2,
            says: "empty",
        },
        Case {
            name: "clip binary junk",
            args: args(&["clip", &junk]),
            code: 2,
            says: "binary",
        },
        Case {
            name: "clip Windows-1252 text",
            args: args(&["clip", &latin1, "--json"]),
            code: 0,
            says: "Zoë Ng",
        },
        Case {
            name: "clip NUL bytes",
            args: args(&["clip", &nul]),
            code: 2,
            says: "binary",
        },
        Case {
            name: "clip a 100 MB file",
            args: args(&["clip", &huge]),
            code: 2,
            says: "100 MB",
        },
        Case {
            name: "clip HTML nested 100,000 deep",
            args: args(&["clip", &nested]),
            code: 2,
            says: "nests",
        },
        Case {
            name: "clip an unterminated quotation",
            args: args(&["clip", &unterminated]),
            code: 0,
            says: "never closed",
        },
        Case {
            name: "clip RTL, combining and emoji",
            args: args(&["clip", &rtl, "--json"]),
            code: 0,
            says: "Zoë Ng",
        },
        Case {
            name: "check an empty draft",
            args: args(&["check", &empty]),
            code: 0,
            says: "no quotations",
        },
        Case {
            name: "check binary junk",
            args: args(&["check", &junk]),
            code: 2,
            says: "binary",
        },
        Case {
            name: "check a 100 MB draft",
            args: args(&["check", &huge]),
            code: 2,
            says: "MB",
        },
        Case {
            name: "check an unterminated quotation",
            args: args(&["check", &unterminated]),
            code: 0,
            says: "never closed",
        },
        Case {
            name: "search with an unbalanced quote",
            args: args(&["search", "\"pivotal moment"]),
            code: 2,
            says: "never closed",
        },
        Case {
            name: "search with unbalanced parentheses",
            args: args(&["search", "((zensar"]),
            code: 2,
            says: "never closed",
        },
        Case {
            name: "search an unknown field",
            args: args(&["search", "colour:zensar"]),
            code: 2,
            says: "no field",
        },
        Case {
            name: "search emoji and RTL",
            args: args(&["search", "🎉 שלום"]),
            code: 0,
            says: "no quotes match",
        },
        Case {
            name: "import an empty file",
            args: args(&["import", &empty, "--format", "csv"]),
            code: 2,
            says: "is empty",
        },
        Case {
            name: "import binary junk",
            args: args(&["import", &junk, "--format", "csv"]),
            code: 2,
            says: "binary data",
        },
        Case {
            name: "import a CSV with a ragged row",
            args: args(&["import", &ragged]),
            code: 2,
            says: "line 3",
        },
        Case {
            name: "import JSON with wrong types",
            args: args(&["import", &wrong_types]),
            code: 2,
            says: "types.json",
        },
        Case {
            name: "import broken JSON",
            args: args(&["import", &not_json]),
            code: 2,
            says: "broken.json",
        },
        Case {
            name: "import JSON junk",
            args: args(&["import", &json_junk]),
            code: 2,
            says: "binary data",
        },
        Case {
            name: "import a 100 MB file of zeros",
            args: args(&["import", &huge, "--format", "json"]),
            code: 2,
            says: "binary data",
        },
        Case {
            name: "export to a path with ..",
            args: args(&["export", "--format", "bibtex", "-o", &climbing]),
            code: 2,
            says: "'..'",
        },
        Case {
            name: "export onto a folder",
            args: args(&["export", "--format", "ris", "-o", &dir]),
            code: 2,
            says: "is a folder",
        },
        Case {
            name: "backup onto a folder",
            args: args(&["backup", &dir]),
            code: 2,
            says: "is a folder",
        },
        Case {
            name: "restore from junk",
            args: args(&["restore", &junk, "--force"]),
            code: 2,
            says: "not an OnRecord backup",
        },
        Case {
            name: "show a nonsense id",
            args: args(&["show", "'; DROP TABLE quote; --"]),
            code: 2,
            says: "id",
        },
    ];
    let before = lib.export();
    let mut report = Vec::new();
    for case in &cases {
        let (code, out, err, took) = lib.run(&case.args);
        let shown = if code == Some(0) { &out } else { &err };
        assert!(
            !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
            "{}: panicked:\n{err}",
            case.name
        );
        assert_eq!(
            code,
            Some(case.code),
            "{}: stdout {out}\nstderr {err}",
            case.name
        );
        assert!(
            shown.to_lowercase().contains(&case.says.to_lowercase()),
            "{}: expected {:?} in\n{shown}",
            case.name,
            case.says
        );
        if case.code == 2 {
            let first = err.lines().next().unwrap_or("");
            assert!(
                first.len() > 30,
                "{}: the error is too bare: {first:?}",
                case.name
            );
        }
        report.push(format!("{} ({} ms)", case.name, took.as_millis()));
    }
    assert_eq!(lib.export(), before, "a refused input changed the library");
    let (code, out, _, _) = lib.run(&args(&["doctor"]));
    assert_eq!(code, Some(0), "{out}");
    println!(
        "{} hostile inputs handled:\n  {}",
        cases.len(),
        report.join("\n  ")
    );
}
