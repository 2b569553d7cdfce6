//! Crash safety and concurrent writers, with real processes.
//!
//! This test has its own `main` (harness = false) so that it can run itself as the child
//! process that writes: `crash --writer DIR START [COUNT]` opens the library in DIR and adds
//! quotes — single adds and batches of 10 (one transaction each) — printing `ack N K` once the
//! add of item N (K quotes) has returned, i.e. once OnRecord has acknowledged it.
//!
//! 1. Crash rounds: the parent starts a writer, kills it with SIGKILL after a seeded random
//!    delay, reopens the library and checks: `PRAGMA integrity_check` is ok; every acknowledged
//!    quote is there with its exact words; no batch is half there and no quote is malformed;
//!    the index holds exactly what the store holds (doctor) and finds the last acknowledged
//!    quotes by their unique words. `ONRECORD_CRASH_ROUNDS` (default 50) and
//!    `ONRECORD_CRASH_SEED` change the run.
//! 2. Two writers at once on one library, a reader searching all the while, and a backup taken
//!    in the middle: nothing lost, nothing corrupt, the reader never stalls for long, the
//!    backup is a consistent library.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use onrecord::{Library, NewQuote, SearchRequest};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const BATCH: usize = 10;
const SPEAKERS: [&str; 5] = [
    "Vijayasimha Alilughatta",
    "Songyee Yoon",
    "Ana María Pérez",
    "梁文锋",
    "Jean-Luc Picard",
];

/// The unique word of quote `k` of item `n`: searchable, and tells which item wrote it.
fn token(n: u64, k: usize) -> String {
    format!("zq{n}x{k}")
}

fn text(n: u64, k: usize) -> String {
    format!(
        "Item {n} part {k} says {} about the harbour, the budget and the “long” winter ahead",
        token(n, k)
    )
}

fn new_quote(n: u64, k: usize) -> NewQuote {
    NewQuote {
        text: text(n, k),
        speaker: SPEAKERS[(n as usize + k) % SPEAKERS.len()].to_owned(),
        title: Some("spokesperson".into()),
        organization: Some(format!("Org {}", n % 7)),
        tags: vec![format!("item-{n}")],
        ..Default::default()
    }
}

/// Item `n` is a batch of BATCH quotes when n % 4 == 0, else one quote.
fn size(n: u64) -> usize {
    if n.is_multiple_of(4) { BATCH } else { 1 }
}

fn writer(dir: &Path, start: u64, count: Option<u64>) {
    let mut library = Library::open(dir).expect("open library");
    library.set_wait_limit(Duration::from_secs(60));
    let stdout = std::io::stdout();
    let mut n = start;
    loop {
        if count.is_some_and(|c| n >= start + c) {
            break;
        }
        let k = size(n);
        if k == 1 {
            library.add(new_quote(n, 0)).expect("add");
        } else {
            library
                .add_many((0..k).map(|i| new_quote(n, i)).collect())
                .expect("add_many");
        }
        let mut out = stdout.lock();
        writeln!(out, "ack {n} {k}").unwrap();
        out.flush().unwrap();
        n += 1;
    }
}

fn spawn_writer(dir: &Path, start: u64, count: Option<u64>) -> Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.arg("--writer").arg(dir).arg(start.to_string());
    if let Some(c) = count {
        cmd.arg(c.to_string());
    }
    cmd.stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env_remove("ONRECORD_FAILPOINT")
        .spawn()
        .expect("spawn writer")
}

fn read_acks(child: &mut Child) -> Vec<(u64, usize)> {
    let mut text = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text.lines()
        .filter_map(|l| {
            let mut parts = l.strip_prefix("ack ")?.split(' ');
            Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
        })
        .collect()
}

/// Checks everything the crash harness promises about the library in `dir`; returns the number
/// of quotes it holds.
fn verify(dir: &Path, acked: &BTreeMap<u64, usize>, context: &str) -> usize {
    let mut library = Library::open(dir).unwrap_or_else(|e| panic!("{context}: reopen: {e}"));
    library.take_notices();
    let doctor = library.doctor().unwrap();
    assert_eq!(doctor.integrity, ["ok"], "{context}: integrity_check");
    // Doctor compares before replaying: the open above has already replayed everything.
    assert!(
        doctor.healthy(),
        "{context}: store and index disagree: {doctor:?}"
    );
    let quotes = library.select("").unwrap();
    let mut by_item: BTreeMap<u64, BTreeSet<usize>> = BTreeMap::new();
    for quote in &quotes {
        let tag = quote.tags.first().expect("every quote has its item tag");
        let n: u64 = tag.strip_prefix("item-").unwrap().parse().unwrap();
        let k: usize = quote
            .text
            .split(" part ")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .and_then(|k| k.parse().ok())
            .unwrap_or_else(|| panic!("{context}: malformed quote {:?}", quote.text));
        assert_eq!(quote.text, text(n, k), "{context}: words changed");
        assert_eq!(quote.speaker, new_quote(n, k).speaker, "{context}: speaker");
        assert!(
            by_item.entry(n).or_default().insert(k),
            "{context}: item {n} part {k} stored twice"
        );
    }
    for (n, parts) in &by_item {
        assert_eq!(
            parts.len(),
            size(*n),
            "{context}: item {n} is half there ({} of {} quotes)",
            parts.len(),
            size(*n)
        );
    }
    for (n, k) in acked {
        assert_eq!(
            by_item.get(n).map(BTreeSet::len),
            Some(*k),
            "{context}: acknowledged item {n} was lost"
        );
    }
    // Search finds the last acknowledged quotes by their unique words.
    for (n, k) in acked.iter().rev().take(3) {
        let token = token(*n, k - 1);
        let hits = library
            .search(&SearchRequest {
                query: token.clone(),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(hits.total, 1, "{context}: search {token}");
        assert_eq!(hits.hits[0].quote.text, text(*n, k - 1));
    }
    quotes.len()
}

fn crash_rounds() {
    let rounds: u64 = std::env::var("ONRECORD_CRASH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let seed: u64 = std::env::var("ONRECORD_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20261128);
    let mut rng = StdRng::seed_from_u64(seed);
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("library");
    let mut acked: BTreeMap<u64, usize> = BTreeMap::new();
    let mut kills_mid_write = 0;
    let started = Instant::now();
    for round in 0..rounds {
        let mut child = spawn_writer(&dir, round * 100_000, None);
        // Early kills land while the library opens or replays; later ones mid-write.
        let delay = rng.random_range(0..600u64);
        std::thread::sleep(Duration::from_millis(delay));
        child.kill().expect("SIGKILL the writer");
        let status = child.wait().unwrap();
        assert!(!status.success(), "the writer ran to completion?");
        let round_acks = read_acks(&mut child);
        if !round_acks.is_empty() {
            kills_mid_write += 1;
        }
        acked.extend(round_acks);
        let held = verify(
            &dir,
            &acked,
            &format!("round {round} (seed {seed}, kill after {delay} ms)"),
        );
        assert!(held >= acked.values().sum::<usize>());
    }
    let total: usize = acked.values().sum();
    println!(
        "crash rounds: {rounds} SIGKILLs (seed {seed}), {kills_mid_write} after writes began, \
         {total} acknowledged quotes, all present; writes lost: 0 ({:.1} s)",
        started.elapsed().as_secs_f64()
    );
    assert!(
        kills_mid_write * 2 >= rounds,
        "too few kills landed mid-write to mean anything"
    );
}

fn two_writers_a_reader_and_a_backup() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("library");
    Library::open(&dir).unwrap();
    let per_writer = 250;
    let mut a = spawn_writer(&dir, 1_000_000, Some(per_writer));
    let mut b = spawn_writer(&dir, 2_000_000, Some(per_writer));

    let done = Arc::new(AtomicBool::new(false));
    let reader = {
        let dir = dir.clone();
        let done = done.clone();
        std::thread::spawn(move || {
            let mut library = Library::open(&dir).unwrap();
            let mut worst = Duration::ZERO;
            let mut searches = 0;
            while !done.load(Ordering::Relaxed) {
                let t = Instant::now();
                library
                    .search(&SearchRequest {
                        query: "harbour budget".into(),
                        ..Default::default()
                    })
                    .unwrap();
                worst = worst.max(t.elapsed());
                searches += 1;
                std::thread::sleep(Duration::from_millis(5));
            }
            (worst, searches)
        })
    };
    // A backup in the middle of it all.
    std::thread::sleep(Duration::from_millis(300));
    let backup_path = temp.path().join("mid.sqlite3");
    let backup = Library::open(&dir)
        .unwrap()
        .backup(&backup_path, false)
        .unwrap();

    let mut acked = BTreeMap::new();
    for (name, child) in [("a", &mut a), ("b", &mut b)] {
        let mut stderr = String::new();
        let acks = read_acks(child);
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let status = child.wait().unwrap();
        assert!(status.success(), "writer {name} failed: {stderr}");
        assert_eq!(acks.len() as u64, per_writer, "writer {name}");
        acked.extend(acks);
    }
    done.store(true, Ordering::Relaxed);
    let (worst, searches) = reader.join().unwrap();
    let held = verify(&dir, &acked, "two writers");
    assert_eq!(held, acked.values().sum::<usize>());

    // The backup is a whole library in itself: restore it elsewhere and check it the same way
    // (it holds whole items only, whatever was committed when it was taken).
    let restored = temp.path().join("restored");
    let (_, report) = Library::restore_backup(&restored, &backup_path, false).unwrap();
    assert_eq!(report.quotes, backup.quotes);
    verify(&restored, &BTreeMap::new(), "backup taken during writes");

    println!(
        "two writers: {} items ({} quotes) from 2 processes, none lost; a reader ran {searches} \
         searches meanwhile, slowest {:.0} ms; a backup taken mid-way held {} quotes and \
         restored whole",
        acked.len(),
        held,
        worst.as_secs_f64() * 1000.0,
        backup.quotes
    );
    assert!(
        worst < Duration::from_secs(2),
        "a reader waited {worst:?} behind the writers"
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--writer") {
        let dir = PathBuf::from(&args[2]);
        let start = args[3].parse().unwrap();
        let count = args.get(4).map(|c| c.parse().unwrap());
        writer(&dir, start, count);
        return;
    }
    // `cargo test -- NAME` filters like the normal harness would.
    let filter = args.iter().skip(1).find(|a| !a.starts_with('-'));
    let tests: [(&str, fn()); 2] = [
        ("crash_rounds", crash_rounds),
        (
            "two_writers_a_reader_and_a_backup",
            two_writers_a_reader_and_a_backup,
        ),
    ];
    for (name, test) in tests {
        if filter.is_some_and(|f| !name.contains(f.as_str())) {
            continue;
        }
        println!("test {name} ...");
        test();
        println!("test {name} ... ok");
    }
}
