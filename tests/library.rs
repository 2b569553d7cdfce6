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

/// A small deterministic generator (the tests need no randomness crate).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

fn dated(text: &str, speaker: &str, day: Option<i64>) -> NewQuote {
    let start = chrono::NaiveDate::from_ymd_opt(2005, 1, 1).unwrap();
    NewQuote {
        said_on: day.map(|d| start + chrono::Duration::days(d)),
        ..quote(text, speaker)
    }
}

fn newest_dates(
    library: &mut Library,
    query: &str,
    offset: usize,
    limit: usize,
) -> Vec<Option<chrono::NaiveDate>> {
    library
        .search(&SearchRequest {
            query: query.into(),
            limit,
            offset,
            sort: onrecord::Sort::Date,
            facets: false,
        })
        .expect("search")
        .hits
        .into_iter()
        .map(|h| h.quote.said_on)
        .collect()
}

/// Newest-first pages, compared with a full sort of every match, for quotes added in date
/// order (the fast path: the newest run of documents holds the page) and in shuffled order
/// (the fallback: one pass skipping runs too old to matter), across several segments, with
/// deleted and undated quotes.
#[test]
fn newest_first_pages_match_a_full_sort_in_any_insertion_order() {
    for shuffled in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(dir.path()).unwrap();
        let mut rng = Lcg(if shuffled { 7 } else { 8 });
        let mut days: Vec<Option<i64>> = (0..7_000).map(|i| Some(i * 2)).collect();
        for d in days.iter_mut().step_by(97) {
            *d = None;
        }
        if shuffled {
            for i in (1..days.len()).rev() {
                days.swap(i, rng.next(i as u64 + 1) as usize);
            }
        }
        // Two bulk imports and a few single adds: several segments.
        let words = ["budget talks", "budget cuts", "weather today"];
        let make = |(i, d): (usize, &Option<i64>)| dated(words[i % 3], "Ann Lee", *d);
        library
            .add_many(days[..3_500].iter().enumerate().map(make).collect())
            .unwrap();
        library
            .add_many(days[3_500..6_990].iter().enumerate().map(make).collect())
            .unwrap();
        for (i, d) in days[6_990..].iter().enumerate() {
            library.add(make((i, d))).unwrap();
        }
        // Delete a few of the newest budget quotes: they must not come back.
        let newest = library
            .search(&SearchRequest {
                query: "budget".into(),
                limit: 3,
                sort: onrecord::Sort::Date,
                ..Default::default()
            })
            .unwrap();
        for hit in &newest.hits {
            library.remove(hit.quote.id).unwrap();
        }

        let mut expected: Vec<Option<chrono::NaiveDate>> = library
            .select("budget")
            .unwrap()
            .into_iter()
            .map(|q| q.said_on)
            .collect();
        // Newest first, undated last.
        expected.sort_by(|a, b| match (a, b) {
            (Some(a), Some(b)) => b.cmp(a),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        assert!(expected.len() > 4_000, "{}", expected.len());
        for hit in &newest.hits {
            assert!(
                !library
                    .select("budget")
                    .unwrap()
                    .iter()
                    .any(|q| q.id == hit.quote.id)
            );
        }
        for offset in [0, 10, 2_000, expected.len() - 5] {
            let got = newest_dates(&mut library, "budget", offset, 10);
            let want: Vec<_> = expected.iter().skip(offset).take(10).cloned().collect();
            assert_eq!(got, want, "shuffled {shuffled}, offset {offset}");
        }
        // A rare word: only a few matches, spread over the whole library.
        let got = newest_dates(&mut library, "weather", 0, 10);
        let mut weather: Vec<_> = library
            .select("weather")
            .unwrap()
            .into_iter()
            .filter_map(|q| q.said_on)
            .collect();
        weather.sort_by(|a, b| b.cmp(a));
        assert_eq!(
            got,
            weather.into_iter().take(10).map(Some).collect::<Vec<_>>()
        );
    }
}

/// Facet counts are exact up to 2,048 matches; beyond that they are estimated from a sample,
/// scaled, and marked approximate.
#[test]
fn facets_are_exact_for_small_match_sets_and_marked_estimates_for_large_ones() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let speakers = [
        "Ann Lee", "Ann Lee", "Ann Lee", "Bob Roe", "Bob Roe", "Cy Diaz",
    ];
    let quotes: Vec<NewQuote> = (0..9_000)
        .map(|i| dated("the budget vote", speakers[i % 6], Some(i as i64 % 730)))
        .collect();
    library.add_many(quotes).unwrap();
    let facets = |library: &mut Library, query: &str| {
        library
            .search(&SearchRequest {
                query: query.into(),
                facets: true,
                ..Default::default()
            })
            .unwrap()
            .facets
            .unwrap()
    };
    let count = |counts: &onrecord::search::Counts, key: &str| {
        counts
            .0
            .iter()
            .find(|(k, _)| k == key)
            .map_or(0, |(_, n)| *n)
    };

    let all = facets(&mut library, "budget");
    assert!(all.approximate);
    for (name, truth) in [
        ("Ann Lee", 4_500.0),
        ("Bob Roe", 3_000.0),
        ("Cy Diaz", 1_500.0),
    ] {
        let n = count(&all.speaker, name) as f64;
        assert!((n - truth).abs() / truth < 0.15, "{name}: {n} for {truth}");
    }
    assert_eq!(all.speaker.0[0].0, "Ann Lee");

    // 1,500 matches: counted exactly (the sampling judged from the word "budget" is undone).
    let few = facets(&mut library, "budget speaker:Diaz");
    assert!(!few.approximate);
    assert_eq!(count(&few.speaker, "Cy Diaz"), 1_500);
    assert_eq!(few.speaker.0.len(), 1);
    assert_eq!(count(&few.year, "2005") + count(&few.year, "2006"), 1_500);
}

/// A bulk import skips deleting ids the index has never held; an id the store hands out again
/// after a delete is still replaced, not duplicated.
#[test]
fn a_bulk_import_after_deleting_the_newest_quote_leaves_no_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    library.add(quote("old words", "Ann Lee")).unwrap();
    let newest = library.add(quote("old words", "Bob Roe")).unwrap();
    library.remove(newest.id).unwrap();
    let ids = library
        .add_many((0..6_000).map(|_| quote("new words", "Cy Diaz")).collect())
        .unwrap();
    assert_eq!(total(&mut library, "words"), 6_001);
    assert_eq!(total(&mut library, "old"), 1);
    assert!(library.doctor().unwrap().healthy());
    assert_eq!(ids.len(), 6_000);
}

/// The newest-first listing counts a word held by several fields by inclusion and exclusion;
/// its total must be the one the relevance listing gets by walking the matches, with deleted
/// quotes in the index or not.
#[test]
fn totals_agree_between_sort_orders_for_words_in_several_fields() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let mut quotes = Vec::new();
    for i in 0..600 {
        let mut q = dated(
            if i % 3 == 0 {
                "the budget is late"
            } else {
                "nothing to report"
            },
            if i % 5 == 0 { "Bob Budget" } else { "Ann Lee" },
            Some(i),
        );
        if i % 7 == 0 {
            q.title = Some("budget director".into());
        }
        quotes.push(q);
    }
    library.add_many(quotes).unwrap();
    // By relevance, by date, and by relevance with facets (which ranks and counts otherwise).
    let totals = |library: &mut Library| {
        [
            (onrecord::Sort::Relevance, false),
            (onrecord::Sort::Date, false),
            (onrecord::Sort::Relevance, true),
        ]
        .map(|(sort, facets)| {
            library
                .search(&SearchRequest {
                    query: "budget".into(),
                    sort,
                    facets,
                    ..Default::default()
                })
                .unwrap()
                .total
        })
    };
    let expected = (0..600)
        .filter(|i| i % 3 == 0 || i % 5 == 0 || i % 7 == 0)
        .count();
    assert_eq!(totals(&mut library), [expected; 3]);
    // The same page whether facets are asked for or not.
    let page = |library: &mut Library, facets: bool| {
        library
            .search(&SearchRequest {
                query: "budget".into(),
                facets,
                ..Default::default()
            })
            .unwrap()
            .hits
            .iter()
            .map(|h| (h.quote.id, h.score))
            .collect::<Vec<_>>()
    };
    assert_eq!(page(&mut library, true), page(&mut library, false));
    let first = library.select("budget").unwrap()[0].id;
    library.remove(first).unwrap();
    assert_eq!(totals(&mut library), [expected - 1; 3]);
}

/// Date ranges are answered with year terms, day terms and the date column, depending on their
/// shape; each shape must give exactly the quotes a plain filter on the dates gives.
#[test]
fn date_ranges_of_every_shape_match_a_plain_filter() {
    use chrono::NaiveDate;
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    // One quote every 11 days from 2005 into 2010, every third about the budget, some undated.
    let start = NaiveDate::from_ymd_opt(2005, 1, 1).unwrap();
    let days: Vec<Option<NaiveDate>> = (0..180)
        .map(|i| (i % 17 != 0).then(|| start + chrono::Duration::days(i * 11)))
        .collect();
    let quotes = days
        .iter()
        .enumerate()
        .map(|(i, day)| NewQuote {
            said_on: *day,
            ..quote(
                if i % 3 == 0 {
                    "the budget is late"
                } else {
                    "nothing to report"
                },
                "Ann Lee",
            )
        })
        .collect();
    library.add_many(quotes).unwrap();
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let expect = |from: Option<&str>, to: Option<&str>, budget: bool| {
        days.iter()
            .enumerate()
            .filter(|(i, day)| {
                day.is_some_and(|day| {
                    from.is_none_or(|f| day >= d(f)) && to.is_none_or(|t| day < d(t))
                }) && (!budget || i % 3 == 0)
            })
            .count()
    };
    let cases: &[(Option<&str>, Option<&str>)] = &[
        (Some("2006-01-01"), Some("2007-01-01")), // one whole year
        (Some("2006-01-01"), Some("2009-01-01")), // whole years
        (Some("2006-03-05"), Some("2008-07-01")), // part, whole, part
        (Some("2006-03-05"), Some("2006-07-01")), // inside a year
        (Some("2006-12-20"), Some("2007-01-10")), // across one new year
        (Some("2006-03-05"), Some("2007-01-01")), // part, then up to a new year
        (Some("2006-01-01"), Some("2007-02-01")), // a new year, then part
        (Some("2006-03-05"), None),               // open-ended
        (None, Some("2006-03-05")),
        (Some("2008-01-01"), Some("2006-01-01")), // empty
    ];
    for (from, to) in cases {
        let mut query = String::new();
        if let Some(f) = from {
            query.push_str(&format!("after:{f} "));
        }
        if let Some(t) = to {
            query.push_str(&format!("before:{t}"));
        }
        assert_eq!(
            total(&mut library, &query),
            expect(*from, *to, false),
            "{query}"
        );
        let with_word = format!("budget {query}");
        assert_eq!(
            total(&mut library, &with_word),
            expect(*from, *to, true),
            "{with_word}"
        );
    }
    assert_eq!(
        total(&mut library, "year:2007"),
        expect(Some("2007-01-01"), Some("2008-01-01"), false)
    );
    assert_eq!(
        total(&mut library, "budget date:2007-03"),
        expect(Some("2007-03-01"), Some("2007-04-01"), true)
    );
}

/// Co-speakers come through the bulk path (the index fed from the batch, not read back) and an
/// undone delete as they went in: cleaned, in order, searchable under each name.
#[test]
fn co_speakers_survive_bulk_import_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let ids = library
        .add_many(vec![
            NewQuote {
                co_speakers: vec![
                    "  Dev   Anand ".into(),
                    "Marta Quiroga".into(),
                    "dev anand".into(),
                    "Lena Vogt".into(),
                    "".into(),
                ],
                ..quote("we will not accept these terms", "Marta Quiroga")
            },
            quote("other words", "Bob Roe"),
        ])
        .unwrap();
    let stored = library.quote(ids[0]).unwrap();
    assert_eq!(stored.co_speakers, vec!["Dev Anand", "Lena Vogt"]);
    assert!(library.quote(ids[1]).unwrap().co_speakers.is_empty());
    assert_eq!(total(&mut library, "speaker:anand"), 1);
    assert_eq!(total(&mut library, "speaker:vogt terms"), 1);

    let removed = library.remove(ids[0]).unwrap();
    assert_eq!(total(&mut library, "speaker:vogt"), 0);
    let back = library.restore(removed).unwrap();
    assert_eq!(back.co_speakers, vec!["Dev Anand", "Lena Vogt"]);
    assert_eq!(total(&mut library, "speaker:vogt"), 1);
    assert!(library.doctor().unwrap().healthy());
}

/// Bulk work in one transaction each, with what an undo needs: tagging returns the quotes it
/// changed (untagging them leaves the others' tag), a story add returns those new to it, and
/// deleted quotes come back with their ids, tags and stories.
#[test]
fn bulk_tag_story_and_delete_undo_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let mut ids = Vec::new();
    for (i, text) in ["ferry one", "ferry two", "ferry three"].iter().enumerate() {
        let mut q = quote(text, "Pat Doe");
        if i == 0 {
            q.tags = vec!["ferries".into()];
            q.stories = vec!["Harbour".into()];
        }
        ids.push(library.add(q).unwrap().id);
    }
    let added = library.tag_quotes(&ids, "Ferries").unwrap();
    assert_eq!(added, ids[1..].to_vec(), "the first carried it already");
    assert_eq!(total(&mut library, "tag:ferries"), 3);
    library.untag_quotes(&added, "ferries").unwrap();
    assert_eq!(
        total(&mut library, "tag:ferries"),
        1,
        "the undo leaves the first's own tag"
    );

    let new = library.story_add("harbour", &ids).unwrap();
    assert_eq!(new, ids[1..].to_vec());
    library.story_remove("Harbour", &new).unwrap();
    assert_eq!(total(&mut library, "story:harbour"), 1);

    let removed = library.remove_many(&ids).unwrap();
    assert_eq!(total(&mut library, "ferry"), 0);
    library.restore_many(removed.clone()).unwrap();
    assert_eq!(total(&mut library, "ferry"), 3);
    let back = library.quote(ids[0]).unwrap();
    assert_eq!(back.tags, vec!["ferries"]);
    assert_eq!(back.stories, vec!["Harbour"]);
    assert!(library.doctor().unwrap().healthy());
}

#[test]
fn a_speakers_affiliations_are_corrected_added_and_removed_by_hand() {
    use onrecord::model::{Affiliation, parse_date};
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    library
        .add(NewQuote {
            title: Some("chief financial officer".into()),
            organization: Some("Acme Group".into()),
            said_on: Some(parse_date("2021-03-04").unwrap()),
            ..quote("We will keep our costs under control", "Ann Lee")
        })
        .unwrap();
    let day = |d: &str| Some(parse_date(d).unwrap());
    let cfo = |from: &str, to: &str| Affiliation {
        title: Some("Chief Financial Officer".into()),
        organization: Some("acme group".into()),
        organization_description: None,
        valid_from: day(from),
        valid_to: day(to),
    };
    // What clipping inferred (one day) is corrected to the span the user knows.
    assert!(
        !library
            .set_affiliation("Ann Lee", &cfo("2019-01-01", "2023-06-30"))
            .unwrap()
    );
    let added = library
        .set_affiliation(
            "ann lee",
            &Affiliation {
                title: Some("chief executive officer".into()),
                organization: Some("Acme Group".into()),
                organization_description: None,
                valid_from: day("2023-07-01"),
                valid_to: None,
            },
        )
        .unwrap();
    assert!(added);
    let ann = library.speaker("Ann Lee").unwrap();
    assert_eq!(ann.affiliations.len(), 2, "{:?}", ann.affiliations);
    let title_on = |date: &str| {
        ann.affiliation_on(parse_date(date).unwrap())
            .and_then(|a| a.title.clone())
            .unwrap_or_default()
    };
    assert_eq!(title_on("2022-05-01"), "chief financial officer");
    assert_eq!(title_on("2024-05-01"), "chief executive officer");
    // Refused with the reason: nothing to set, dates backwards, nobody by that name.
    let err = library
        .set_affiliation("Ann Lee", &Affiliation::default())
        .unwrap_err();
    assert!(err.to_string().contains("needs a title"), "{err}");
    let err = library
        .set_affiliation("Ann Lee", &cfo("2023-06-30", "2019-01-01"))
        .unwrap_err();
    assert!(err.to_string().contains("swap the dates"), "{err}");
    assert!(
        library
            .set_affiliation("Nobody Here", &cfo("2019-01-01", "2020-01-01"))
            .is_err()
    );
    // Removed by its title and organization.
    assert!(
        library
            .remove_affiliation(
                "Ann Lee",
                Some("chief executive officer"),
                Some("Acme Group")
            )
            .unwrap()
    );
    assert!(
        !library
            .remove_affiliation(
                "Ann Lee",
                Some("chief executive officer"),
                Some("Acme Group")
            )
            .unwrap()
    );
    assert_eq!(library.speaker("Ann Lee").unwrap().affiliations.len(), 1);
}

#[test]
fn a_large_import_reports_its_progress_in_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let quotes: Vec<NewQuote> = (0..25_000)
        .map(|i| quote(&format!("remark number {i} about the harbor"), "Ann Lee"))
        .collect();
    let mut seen = Vec::new();
    let report = library
        .import_reporting(onrecord::import::ImportFile::Quotes(quotes), &mut |p| {
            seen.push((p.done, p.total))
        })
        .unwrap();
    assert_eq!(report.imported, 25_000);
    assert_eq!(seen, [(10_000, 25_000), (20_000, 25_000), (25_000, 25_000)]);
    assert_eq!(total(&mut library, "harbor"), 25_000);
}

#[test]
fn a_merge_of_two_speakers_is_undone_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path()).unwrap();
    let a = library
        .add(NewQuote {
            title: Some("founder".into()),
            organization: Some("Principal Venture Partners".into()),
            ..quote("We back founders early", "Song-yee Yoon")
        })
        .unwrap();
    let b = library
        .add(quote("Chips are the new oil", "Songyee Yoon"))
        .unwrap();
    let c = library
        .add(NewQuote {
            co_speakers: vec!["Song-yee Yoon".into()],
            ..quote("We wrote this letter together", "Ann Lee")
        })
        .unwrap();
    library.add_alias("Song-yee Yoon", "S. Yoon").unwrap();
    let before = library.speaker("Song-yee Yoon").unwrap();

    let (moved, undo) = library
        .merge_speakers_undoable("Song-yee Yoon", "Songyee Yoon")
        .unwrap();
    assert_eq!(moved, 1);
    assert_eq!(library.quote(a.id).unwrap().speaker, "Songyee Yoon");
    assert_eq!(library.speaker("S. Yoon").unwrap().name, "Songyee Yoon");

    library.undo_merge(&undo).unwrap();
    let after = library.speaker("Song-yee Yoon").unwrap();
    assert_eq!(after.name, "Song-yee Yoon");
    assert_eq!(after.aliases, before.aliases);
    assert_eq!(after.affiliations, before.affiliations);
    assert_eq!(library.quote(a.id).unwrap().speaker, "Song-yee Yoon");
    assert_eq!(library.quote(b.id).unwrap().speaker, "Songyee Yoon");
    assert_eq!(library.quote(c.id).unwrap().co_speakers, ["Song-yee Yoon"]);
    let other = library.speaker("Songyee Yoon").unwrap();
    assert!(other.aliases.is_empty(), "{:?}", other.aliases);
    assert!(other.affiliations.is_empty(), "{:?}", other.affiliations);
    // The index follows: each name finds its own quotes again.
    assert_eq!(total(&mut library, "speaker:\"Song-yee Yoon\" founders"), 1);
    assert_eq!(total(&mut library, "speaker:\"Songyee Yoon\" founders"), 0);
    assert_eq!(total(&mut library, "speaker:\"Song-yee Yoon\" letter"), 1);
    // Once undone, not twice.
    assert!(library.undo_merge(&undo).is_err());
}

/// Writes `rows` data rows of a CSV table (`text,speaker,organization,url,date`), row `i`
/// given by `row(i)`, in `encoding`.
fn write_table(
    path: &std::path::Path,
    rows: usize,
    encoding: &'static encoding_rs::Encoding,
    row: impl Fn(usize) -> String,
) {
    let mut text = String::from("text,speaker,organization,url,date\n");
    for i in 0..rows {
        text.push_str(&row(i));
        text.push('\n');
    }
    let (bytes, _, _) = encoding.encode(&text);
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_table_is_streamed_from_disk_and_every_row_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("wire.csv");
    // Sixty thousand sources and speakers: past what an import keeps in memory, so the
    // batch's memories of speakers, sources and affiliations start over several times.
    write_table(&csv, 60_000, encoding_rs::UTF_8, |i| {
        format!(
            "\"Remark {i}, on the harbor\",Speaker {},Port Authority {},https://example.com/{i},2024-01-{:02}",
            i % 30_000,
            i / 30_000,
            1 + i % 28
        )
    });
    let file = onrecord::import::read_file(&csv, None, &Default::default()).unwrap();
    assert!(matches!(file, onrecord::import::ImportFile::Rows(_)));
    assert_eq!(file.len(), 60_000);
    let mut library = Library::open(&dir.path().join("lib")).unwrap();
    let report = library.import(file).unwrap();
    assert_eq!(report.imported, 60_000);
    assert_eq!(total(&mut library, "harbor"), 60_000);
    let hits = library.select("\"remark 59999\"").unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].speaker, "Speaker 29999");
    assert_eq!(
        hits[0].source.as_ref().and_then(|s| s.url.as_deref()),
        Some("https://example.com/59999")
    );
    // Each speaker said two things, at two employers: two spans on the timeline, each over its
    // own day, whatever the batch forgot in between.
    let speaker = library.speaker("Speaker 12345").unwrap();
    let mut spans: Vec<(Option<String>, Option<String>)> = speaker
        .affiliations
        .iter()
        .map(|a| (a.organization.clone(), a.valid_from.map(|d| d.to_string())))
        .collect();
    spans.sort();
    assert_eq!(
        spans,
        [
            (Some("Port Authority 0".into()), Some("2024-01-26".into())),
            (Some("Port Authority 1".into()), Some("2024-01-10".into())),
        ]
    );
    assert_eq!(library.speakers().unwrap().len(), 30_000);
}

#[test]
fn a_bad_row_at_the_end_of_a_streamed_table_imports_nothing_and_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("wire.csv");
    write_table(&csv, 12_000, encoding_rs::UTF_8, |i| {
        if i == 11_999 {
            "A remark with no speaker,,,,".into()
        } else {
            format!("Remark {i} on the harbor,Ann Lee,,,2024-02-03")
        }
    });
    let err = onrecord::import::read_file(&csv, None, &Default::default()).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("12001"), "{message}");
    assert!(message.contains("speaker"), "{message}");

    // A file that goes bad after it was checked (changed on disk) fails while importing, and
    // the transaction takes back everything before the bad row.
    write_table(&csv, 12_000, encoding_rs::UTF_8, |i| {
        format!("Remark {i} on the harbor,Ann Lee,,,2024-02-03")
    });
    let file = onrecord::import::read_file(&csv, None, &Default::default()).unwrap();
    write_table(&csv, 12_000, encoding_rs::UTF_8, |i| {
        if i == 11_000 {
            "Remark,Ann Lee,,,not a date".into()
        } else {
            format!("Remark {i} on the harbor,Ann Lee,,,2024-02-03")
        }
    });
    let mut library = Library::open(&dir.path().join("lib")).unwrap();
    assert!(library.import(file).is_err());
    assert_eq!(total(&mut library, "harbor"), 0);
    assert!(library.speakers().unwrap().is_empty());

    // Checked as UTF-8, then saved in Windows-1252: the import stops at the bytes that no
    // longer decode instead of storing replacement characters.
    write_table(&csv, 12_000, encoding_rs::UTF_8, |i| {
        format!("Remark {i} on the harbor,Ann Lee,,,2024-02-03")
    });
    let file = onrecord::import::read_file(&csv, None, &Default::default()).unwrap();
    write_table(&csv, 12_000, encoding_rs::WINDOWS_1252, |i| {
        let name = if i == 11_000 { "José Lee" } else { "Ann Lee" };
        format!("Remark {i} on the harbor,{name},,,2024-02-03")
    });
    let err = library.import(file).unwrap_err().to_string();
    assert!(err.contains("--encoding"), "{err}");
    assert_eq!(total(&mut library, "harbor"), 0);
}

#[test]
fn a_streamed_table_not_in_utf8_is_read_as_windows_1252_past_the_first_block() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("excel.csv");
    // The first byte that is not UTF-8 comes far past the reader's first 64 KB block.
    write_table(&csv, 3_000, encoding_rs::WINDOWS_1252, |i| {
        let name = if i == 2_999 {
            "José Müller"
        } else {
            "Ann Lee"
        };
        format!("Remark {i} about the harbor and its cranes,{name},,,")
    });
    assert!(std::fs::metadata(&csv).unwrap().len() > 100_000);
    let file = onrecord::import::read_file(&csv, None, &Default::default()).unwrap();
    let mut library = Library::open(&dir.path().join("lib")).unwrap();
    library.import(file).unwrap();
    let hits = library.select("\"remark 2999\"").unwrap();
    assert_eq!(hits[0].speaker, "José Müller");

    // Named as UTF-8, the same file is refused with the way out.
    let named = onrecord::import::TableOptions {
        encoding: Some("utf-8".into()),
        ..Default::default()
    };
    let err = onrecord::import::read_file(&csv, None, &named).unwrap_err();
    assert!(err.to_string().contains("--encoding"), "{err}");
}

#[test]
fn json_lines_and_tables_import_together_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("quotes.jsonl");
    std::fs::write(
        &jsonl,
        "{\"text\": \"The harbor opens in May\", \"speaker\": \"Ann Lee\", \"medium\": \"email\"}\n\
         \n\
         {\"text\": \"The harbor closes in June\", \"speaker\": \"Bo Chen\", \"said_on\": \"2024-06-01\"}\n",
    )
    .unwrap();
    let csv = dir.path().join("more.csv");
    write_table(&csv, 2, encoding_rs::UTF_8, |i| {
        format!("Harbor remark {i},Cy Diaz,,,")
    });
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"text\": \"fine\", \"speaker\": \"Di Eze\"}\n{\"text\": \"no speaker\"}\n",
    )
    .unwrap();
    let read = |p: &std::path::Path| onrecord::import::read_file(p, None, &Default::default());
    let err = read(&bad).unwrap_err().to_string();
    assert!(
        err.contains("bad.jsonl") && err.contains('2') && err.contains("speaker"),
        "{err}"
    );

    let mut library = Library::open(&dir.path().join("lib")).unwrap();
    let files =
        onrecord::import::ImportFile::merge(vec![read(&jsonl).unwrap(), read(&csv).unwrap()]);
    assert_eq!(
        files.len(),
        1,
        "new quotes from several files go in together"
    );
    let report = library.import(files.into_iter().next().unwrap()).unwrap();
    assert_eq!(report.imported, 4);
    assert_eq!(total(&mut library, "harbor"), 4);
    let may = library.select("\"opens in may\"").unwrap();
    assert_eq!(may[0].medium, onrecord::Medium::Email);
}
