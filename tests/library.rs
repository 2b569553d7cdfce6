//! Tests of the core library through its public API, on real files: the store and index staying
//! in step, `doctor` seeing when they do not, and undo of a delete.

use onrecord::search::SearchRequest;
use onrecord::{Library, NewQuote, QuoteId};

fn quote(text: &str, speaker: &str) -> NewQuote {
    NewQuote {
        text: text.into(),
        speaker: speaker.into(),
        ..Default::default()
    }
}

fn total(library: &mut Library, query: &str) -> usize {
    library
        .search(&SearchRequest {
            query: query.into(),
            ..Default::default()
        })
        .expect("search")
        .total
}

#[test]
fn doctor_reports_quotes_the_index_lost_and_reindex_repairs_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let a = library.add(quote("first words", "Ann Lee")).unwrap();
    library.add(quote("second words", "Bob Roe")).unwrap();
    assert!(library.doctor().unwrap().healthy());
    drop(library);

    // Damage the derived index behind the library's back: drop one document but keep the
    // payload, as a lost segment would.
    {
        let index = tantivy::Index::open_in_dir(dir.path().join("index")).unwrap();
        let payload = index.load_metas().unwrap().payload.unwrap();
        let id_field = index.schema().get_field("id").unwrap();
        let mut writer: tantivy::IndexWriter =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.delete_term(tantivy::Term::from_field_u64(id_field, a.id.0 as u64));
        let mut prepared = writer.prepare_commit().unwrap();
        prepared.set_payload(&payload);
        prepared.commit().unwrap();
    }

    let mut library = Library::open(dir.path()).unwrap();
    let report = library.doctor().unwrap();
    assert!(!report.healthy());
    assert_eq!(report.missing_from_index, vec![a.id]);
    assert_eq!(report.quotes_in_store, 2);
    assert_eq!(report.documents_in_index, 1);
    assert_eq!(total(&mut library, "first"), 0);

    assert_eq!(library.reindex().unwrap(), 2);
    assert!(library.doctor().unwrap().healthy());
    assert_eq!(total(&mut library, "first"), 1);
}

#[test]
fn a_write_while_another_process_holds_the_index_waits_in_the_outbox() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    library.add(quote("before the lock", "Ann Lee")).unwrap();

    let index = tantivy::Index::open_in_dir(dir.path().join("index")).unwrap();
    let writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();

    // Acknowledged (durable in SQLite) even though the index cannot be written now.
    let added = library.add(quote("during the lock", "Bob Roe")).unwrap();
    assert_eq!(library.quote(added.id).unwrap().text, "during the lock");
    let report = library.doctor().unwrap();
    assert_eq!(report.pending_changes, 1);
    assert_eq!(total(&mut library, "during"), 0);

    drop(writer);
    assert_eq!(total(&mut library, "during"), 1);
    assert_eq!(library.doctor().unwrap().pending_changes, 0);
}

#[test]
fn two_libraries_on_one_folder_see_each_others_writes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = Library::open(dir.path()).unwrap();
    let mut cli = Library::open(dir.path()).unwrap();
    app.add(quote("written by the app", "Ann Lee")).unwrap();
    cli.add(quote("written by the cli", "Bob Roe")).unwrap();
    assert_eq!(total(&mut app, "written"), 2);
    assert_eq!(total(&mut cli, "written"), 2);
    assert!(app.doctor().unwrap().healthy());
}

#[test]
fn a_removed_quote_can_be_restored_with_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let mut q = quote("undo me", "Ann Lee");
    q.tags = vec!["keep".into()];
    let added = library.add(q).unwrap();
    let removed = library.remove(added.id).unwrap();
    assert_eq!(total(&mut library, "undo"), 0);
    let restored = library.restore(removed).unwrap();
    assert_eq!(restored, added);
    assert_eq!(total(&mut library, "tag:keep"), 1);
    assert!(library.quote(QuoteId(added.id.0 + 1)).is_err());
}

#[test]
fn an_index_from_another_library_is_rebuilt() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    {
        let mut a = Library::open(one.path()).unwrap();
        a.add(quote("only in one", "Ann Lee")).unwrap();
        let mut b = Library::open(two.path()).unwrap();
        b.add(quote("only in two", "Bob Roe")).unwrap();
    }
    // Copy library one's index over library two's (a folder copied by hand, a restored backup).
    let target = two.path().join("index");
    std::fs::remove_dir_all(&target).unwrap();
    std::fs::create_dir(&target).unwrap();
    for entry in std::fs::read_dir(one.path().join("index")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), target.join(entry.file_name())).unwrap();
    }
    let mut b = Library::open(two.path()).unwrap();
    assert_eq!(total(&mut b, "one"), 0);
    assert_eq!(total(&mut b, "two"), 1);
    assert!(!b.take_notices().is_empty());
}
