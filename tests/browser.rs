//! The browser host through its real stdio protocol: `onrecord browser-host` started as the
//! browser starts it, framed messages in, framed replies out. Hostile messages each get an
//! error, the host keeps answering, and the library is left as it was; good ones clip, save
//! (all ticked, a selection) and fill the inbox, which `onrecord inbox` then shows.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

const ARTICLE: &str = include_str!("fixtures/article.html");

fn frame(bytes: &[u8]) -> Vec<u8> {
    let mut out = (bytes.len() as u32).to_ne_bytes().to_vec();
    out.extend_from_slice(bytes);
    out
}

fn message(value: &Value) -> Vec<u8> {
    frame(&serde_json::to_vec(value).unwrap())
}

/// Runs the host on `input` to its end; returns the replies and the exit status.
fn host(library: &std::path::Path, input: Vec<u8>) -> (Vec<Value>, std::process::ExitStatus) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .arg("--library")
        .arg(library)
        .args([
            "browser-host",
            "chrome-extension://nbdehldpgdhlgcjecjkdjehojndkfebk/",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the host");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // (The host may stop reading early, after a truncated frame.)
        let _ = stdin.write_all(&input);
    });
    let mut out = Vec::new();
    child.stdout.take().unwrap().read_to_end(&mut out).unwrap();
    writer.join().unwrap();
    let status = child.wait().unwrap();
    let mut replies = Vec::new();
    let mut rest = out.as_slice();
    while !rest.is_empty() {
        replies.push(onrecord::browser::read_frame(&mut rest).expect("a framed reply"));
    }
    (replies, status)
}

fn cli(library: &std::path::Path, args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .arg("--library")
        .arg(library)
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// How many quotes the library holds.
fn stored(library: &std::path::Path) -> usize {
    cli(library, &["doctor"])["quotes_in_store"]
        .as_u64()
        .unwrap() as usize
}

fn page(html: &str) -> Value {
    json!({"url": "https://news.example.org/transit", "title": "Transit – The Ledger", "html": html})
}

fn with(mut base: Value, kind: &str, extra: Value) -> Value {
    base["type"] = kind.into();
    if let Value::Object(map) = extra {
        for (k, v) in map {
            base[k] = v;
        }
    }
    base
}

#[test]
fn hostile_messages_each_get_an_error_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    let mut input = Vec::new();
    let mut expect = Vec::new();
    let mut bad = |bytes: Vec<u8>, says: &str| {
        input.extend(bytes);
        expect.push(says.to_owned());
    };
    bad(frame(b"{not json"), "not JSON");
    bad(frame(b""), "not JSON");
    bad(frame(&[0xff, 0xfe, 0x00, 0x80]), "not JSON");
    bad(message(&json!([1, 2, 3])), "not one OnRecord knows");
    bad(
        message(&json!({"type": "launch_missiles"})),
        "not one OnRecord knows",
    );
    bad(
        message(&json!({"type": "clip", "url": "https://a.example/"})),
        "not one OnRecord knows",
    );
    bad(
        message(&json!({"type": "clip", "html": 42})),
        "not one OnRecord knows",
    );
    bad(
        message(&with(
            page("\u{0}\u{1}\u{2}binary\u{0}junk"),
            "clip",
            json!({}),
        )),
        "binary data",
    );
    bad(
        message(&json!({"type": "inbox", "url": "file:///etc/passwd", "html": ARTICLE})),
        "not a file: address",
    );
    bad(
        message(&json!({"type": "clip", "url": "javascript:alert(1)", "html": ARTICLE})),
        "not a javascript: address",
    );
    let nested = format!(
        "<html><body>{}“We will win,” said Jane Roe.{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    bad(
        message(&with(page(&nested), "inbox", json!({}))),
        "nests its elements",
    );
    // A page over the page cap (16 MB) inside a message under the message cap (24 MB)…
    let big = format!("<p>{}</p>", "word ".repeat(4_000_000));
    bad(
        message(&with(page(&big), "inbox", json!({}))),
        "pages up to 16 MB",
    );
    // …and a 50 MB message, read past and refused.
    bad(frame(&vec![b' '; 50 * 1024 * 1024]), "reads up to 24 MB");
    bad(
        message(&with(
            page(ARTICLE),
            "save",
            json!({"quotes": [{"start": 1, "end": 2}]}),
        )),
        "no longer has a quotation",
    );
    bad(
        message(&with(page(ARTICLE), "save", json!({"quotes": []}))),
        "no quotation was ticked",
    );
    bad(
        message(&with(
            page(ARTICLE),
            "save_selection",
            json!({"selection": "Subscribe now"}),
        )),
        "not in the article",
    );
    bad(
        message(&with(
            page("<p>\u{202e}\u{200b}\u{fffd} 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙃</p>"),
            "clip",
            json!({}),
        )),
        "",
    );
    // Still answering after all that; a truncated length prefix then ends it quietly.
    input.extend(message(&json!({"type": "ping"})));
    input.extend([7u8, 0]);
    let (replies, status) = host(&library, input);
    assert!(status.success());
    assert_eq!(replies.len(), expect.len() + 1, "{replies:#?}");
    for (reply, says) in replies.iter().zip(&expect) {
        if says.is_empty() {
            // (Odd Unicode is text like any other: no quotations, no error.)
            assert_eq!(reply["type"], "clip", "{reply}");
            assert_eq!(reply["message"], "no quotations found on this page");
            continue;
        }
        assert_eq!(reply["type"], "error", "{reply}");
        let text = reply["message"].as_str().unwrap();
        assert!(text.contains(says), "expected “{says}” in “{text}”");
    }
    assert_eq!(replies.last().unwrap()["type"], "pong");
    // Nothing was stored.
    assert_eq!(cli(&library, &["inbox"]), json!([]));
    assert_eq!(stored(&library), 0);
}

#[test]
fn a_locked_library_is_reported_and_used_once_free() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    cli(&library, &["inbox"]);
    let conn = rusqlite::Connection::open(library.join(onrecord::library::DATABASE_FILE)).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(7));
        conn.execute_batch("ROLLBACK").unwrap();
    });
    let mut input = message(&with(page(ARTICLE), "inbox", json!({})));
    // (The second is sent at once, but read only after the first is answered: by then the
    // lock may or may not be gone, so only the first reply is fixed.)
    input.extend(message(&json!({"type": "ping"})));
    let (replies, status) = host(&library, input);
    release.join().unwrap();
    assert!(status.success());
    assert_eq!(replies[0]["type"], "error", "{replies:#?}");
    assert!(
        replies[0]["message"].as_str().unwrap().contains("busy"),
        "{replies:#?}"
    );
    assert_eq!(replies[1]["type"], "pong");
    let (replies, _) = host(&library, message(&with(page(ARTICLE), "inbox", json!({}))));
    assert_eq!(replies[0]["type"], "queued", "{replies:#?}");
}

#[test]
fn clip_save_select_and_send_to_the_inbox() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library");
    let (replies, _) = host(&library, message(&with(page(ARTICLE), "clip", json!({}))));
    let clip = &replies[0];
    assert_eq!(clip["type"], "clip", "{clip}");
    assert_eq!(
        clip["article"]["title"],
        "City council approves new transit plan"
    );
    assert!(
        clip["article"].get("text").is_none(),
        "the article's text is not sent back"
    );
    let quotes = clip["quotes"].as_array().unwrap();
    assert!(quotes.len() >= 3, "{clip}");
    assert_eq!(quotes[0]["speaker"], "Maria Gonzalez");

    // Tick the first two, correcting the second's title.
    let chosen = json!([
        {"start": quotes[0]["start"], "end": quotes[0]["end"]},
        {"start": quotes[1]["start"], "end": quotes[1]["end"], "title": "city councilman"},
    ]);
    let mut input = message(&with(page(ARTICLE), "save", json!({"quotes": chosen})));
    // A selection inside the third quotation saves that quotation, with its speaker.
    let third = quotes[2]["text"].as_str().unwrap();
    let words: String = third
        .split_whitespace()
        .skip(2)
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    input.extend(message(&with(
        page(ARTICLE),
        "save_selection",
        json!({"selection": words}),
    )));
    input.extend(message(&with(page(ARTICLE), "inbox", json!({}))));
    input.extend(message(&json!({"type": "inbox_count"})));
    let (replies, status) = host(&library, input);
    assert!(status.success());
    assert_eq!(replies[0]["type"], "saved", "{replies:#?}");
    assert_eq!(replies[0]["ids"].as_array().unwrap().len(), 2);
    assert_eq!(replies[1]["type"], "saved", "{replies:#?}");
    assert_eq!(replies[1]["quote"]["text"], third);
    assert_eq!(replies[1]["quote"]["speaker"], quotes[2]["speaker"]);
    assert_eq!(replies[2]["type"], "queued");
    assert_eq!(replies[3], json!({"type": "inbox_count", "count": 1}));

    let found = cli(&library, &["search", "speaker:hale"]);
    assert_eq!(found["total"], 1);
    let q = &found["hits"][0]["quote"];
    assert_eq!(q["title"], "city councilman");
    assert_eq!(q["source"]["url"], "https://news.example.org/transit");
    assert_eq!(stored(&library), 3);

    // The inbox lists the page; saving it from there stores the rest and empties it.
    let inbox = cli(&library, &["inbox"]);
    assert_eq!(inbox.as_array().unwrap().len(), 1);
    assert_eq!(inbox[0]["url"], "https://news.example.org/transit");
    let id = inbox[0]["id"].to_string();
    cli(&library, &["inbox", "save", &id]);
    assert_eq!(cli(&library, &["inbox"]), json!([]));
    assert_eq!(
        stored(&library),
        quotes.iter().filter(|q| q["speaker"].is_string()).count()
    );
}
