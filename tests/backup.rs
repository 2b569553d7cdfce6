//! Backups, restores and two programs writing one library, through the real `onrecord` binary.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;

struct Lib {
    dir: tempfile::TempDir,
}

impl Lib {
    fn new() -> Lib {
        Lib {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> PathBuf {
        self.dir.path().join("library")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_onrecord"));
        cmd.arg("--library")
            .arg(self.path())
            .args(args)
            .env_remove("ONRECORD_FAILPOINT");
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "onrecord {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn add(&self, text: &str) {
        self.ok(&[
            "add",
            "--text",
            text,
            "--speaker",
            "Ann Lee",
            "--org",
            "Acme",
        ]);
    }

    fn count(&self, query: &str) -> u64 {
        let v: serde_json::Value =
            serde_json::from_str(&self.ok(&["search", query, "--json"])).unwrap();
        v["total"].as_u64().unwrap()
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn backup_then_restore_brings_the_library_back_with_its_search() {
    let lib = Lib::new();
    lib.add("the harbour will reopen in spring");
    lib.add("the budget is balanced this year");
    let backup = lib.dir.path().join("quotes.backup");
    let out = lib.ok(&["backup", backup.to_str().unwrap()]);
    assert!(out.contains("backed up 2 quote(s)"), "{out}");
    // A second backup onto the same file needs --force.
    let again = lib.run(&["backup", backup.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));

    lib.add("a later quote about the harbour");
    assert_eq!(lib.count("harbour"), 2);

    // Restoring over quotes needs --force, and changes nothing without it.
    let refused = lib.run(&["restore", backup.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("holds 3 quote(s)"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(lib.count("harbour"), 2);

    let out = lib.ok(&["restore", backup.to_str().unwrap(), "--force"]);
    assert!(out.contains("restored 2 quote(s)"), "{out}");
    assert!(out.contains("kept as"), "{out}");
    assert_eq!(
        lib.count("harbour"),
        1,
        "search reflects the restored library"
    );
    assert_eq!(lib.count("budget"), 1);
    let doctor = lib.run(&["doctor"]);
    assert!(
        doctor.status.success(),
        "{}",
        String::from_utf8_lossy(&doctor.stdout)
    );

    // The replaced database was kept, whole.
    let kept: Vec<_> = std::fs::read_dir(lib.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("library.before-restore-")
        })
        .collect();
    assert_eq!(kept.len(), 1);
    let conn = Connection::open(kept[0].path()).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM quote", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 3);
}

#[test]
fn restore_into_a_new_folder_and_refusals_of_bad_backups() {
    let lib = Lib::new();
    lib.add("words worth keeping for later");
    let backup = lib.dir.path().join("b.sqlite3");
    lib.ok(&["backup", backup.to_str().unwrap()]);

    let other = Lib::new();
    let out = other.ok(&["restore", backup.to_str().unwrap()]);
    assert!(out.contains("restored 1 quote(s)"), "{out}");
    assert_eq!(other.count("worth"), 1);

    // Not a database, a damaged one, and one from a newer OnRecord: refused, nothing touched.
    let junk = lib.dir.path().join("junk.sqlite3");
    std::fs::write(&junk, b"this is not a database at all, just words").unwrap();
    let out = other.run(&["restore", junk.to_str().unwrap(), "--force"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not an OnRecord backup"),
        "{}",
        stderr(&out)
    );

    let damaged = lib.dir.path().join("damaged.sqlite3");
    let mut bytes = std::fs::read(&backup).unwrap();
    let len = bytes.len();
    for b in &mut bytes[len / 2..len / 2 + 4096] {
        *b = 0x55;
    }
    std::fs::write(&damaged, bytes).unwrap();
    let out = other.run(&["restore", damaged.to_str().unwrap(), "--force"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("damaged") || err.contains("not an OnRecord backup"),
        "{err}"
    );

    let newer = lib.dir.path().join("newer.sqlite3");
    std::fs::copy(&backup, &newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let out = other.run(&["restore", newer.to_str().unwrap(), "--force"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("newer version"), "{}", stderr(&out));
    assert_eq!(other.count("worth"), 1, "the library is untouched");
}

#[test]
fn a_writer_that_must_wait_says_so_and_one_that_gives_up_says_why() {
    let lib = Lib::new();
    lib.add("first words in the library");
    let db = lib.path().join("library.sqlite3");

    // Another program holds the write lock and does not let go.
    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = Instant::now();
    let out = lib.run(&[
        "--wait",
        "1",
        "add",
        "--text",
        "blocked words",
        "--speaker",
        "Bo Li",
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("waiting up to 1 s"), "{err}");
    assert!(
        err.contains("stayed busy") && err.contains("nothing was changed"),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(8));
    // Readers are not blocked meanwhile.
    assert_eq!(lib.count("first"), 1);
    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(lib.count("blocked"), 0, "the refused write left nothing");

    // Held briefly: the writer waits, says so, then succeeds.
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let child = lib
        .command(&["add", "--text", "patient words", "--speaker", "Bo Li"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1200));
    holder.execute_batch("COMMIT").unwrap();
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("is writing the library; waiting"), "{err}");
    assert_eq!(lib.count("patient"), 1);
}
