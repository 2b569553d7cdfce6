//! Backups of the truth (the SQLite database) and restoring them.
//!
//! A backup is a single SQLite file taken with SQLite's online backup API: a consistent snapshot
//! even while the desktop app or another `onrecord` keeps writing. The search index is not in
//! it — it is derived and rebuilt on restore. A backup is written beside its destination and
//! renamed into place once checked, so a failed backup never leaves a file that looks whole.
//!
//! Restoring checks the file first (an OnRecord library, not newer than this build, passing
//! `PRAGMA integrity_check`), refuses to replace a library that holds quotes unless forced, and
//! even then keeps the replaced database beside it (`library.before-restore-….sqlite3`).

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::files;
use crate::library::{DATABASE_FILE, INDEX_DIR, Library};
use crate::store::{SCHEMA_VERSION, Store};

#[derive(Debug, Clone, Serialize)]
pub struct BackupReport {
    pub path: PathBuf,
    pub quotes: u64,
    pub bytes: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct RestoreReport {
    pub from: PathBuf,
    pub quotes: u64,
    /// Where the database that was replaced now is, when there was one.
    pub previous: Option<PathBuf>,
}

/// What a candidate backup file holds, once checked.
struct Checked {
    quotes: u64,
}

/// Opens `path` read-only and checks it is a whole OnRecord library this build can read.
fn check_backup(path: &Path) -> Result<Checked> {
    if !path.is_file() {
        return Err(Error::Invalid(format!(
            "{} is not a file; give the file `onrecord backup` wrote",
            path.display()
        )));
    }
    let not_ours = |why: String| {
        Error::Invalid(format!(
            "{} is not an OnRecord backup ({why}); nothing was restored — choose a file made by \
             `onrecord backup`",
            path.display()
        ))
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| not_ours(e.to_string()))?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| not_ours(e.to_string()))?;
    if version > SCHEMA_VERSION {
        return Err(Error::NewerLibrary {
            path: path.to_owned(),
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    if version < 1 {
        return Err(not_ours("it has no OnRecord schema".into()));
    }
    let problems: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| not_ours(e.to_string()))?;
    if problems != ["ok"] {
        return Err(Error::Invalid(format!(
            "{} is damaged ({}); nothing was restored — try an older backup",
            path.display(),
            problems.join("; ")
        )));
    }
    let quotes: i64 = conn
        .query_row("SELECT count(*) FROM quote", [], |r| r.get(0))
        .map_err(|e| not_ours(e.to_string()))?;
    conn.query_row("SELECT id FROM library LIMIT 1", [], |r| {
        r.get::<_, String>(0)
    })
    .map_err(|e| not_ours(e.to_string()))?;
    Ok(Checked {
        quotes: quotes as u64,
    })
}

/// Copies the database behind `from` into `to` with the online backup API.
fn copy_database(from: &Connection, to: &Path) -> Result<()> {
    let mut dest = Connection::open(to).map_err(|source| Error::Store {
        path: to.to_owned(),
        source,
        hint: "choose a writable place",
    })?;
    let backup = rusqlite::backup::Backup::new(from, &mut dest)?;
    backup.run_to_completion(256, Duration::from_millis(5), None)?;
    Ok(())
}

impl Library {
    /// Writes a consistent copy of the library's database to `target` (a new file, or an
    /// existing one with `force`), checked before it is put in place.
    pub fn backup(&self, target: &Path, force: bool) -> Result<BackupReport> {
        files::check_destination(target, force)?;
        let tmp = files::temporary_beside(target);
        let _ = std::fs::remove_file(&tmp);
        let result = (|| -> Result<Checked> {
            self.store().backup_to(&tmp)?;
            let checked = check_backup(&tmp)?;
            std::fs::File::open(&tmp)
                .and_then(|f| f.sync_all())
                .and_then(|()| std::fs::rename(&tmp, target))
                .map_err(|source| Error::WriteFile {
                    path: target.to_owned(),
                    source,
                })?;
            Ok(checked)
        })();
        let checked = result.inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })?;
        Ok(BackupReport {
            path: target.to_owned(),
            quotes: checked.quotes,
            bytes: std::fs::metadata(target).map(|m| m.len()).unwrap_or(0),
        })
    }

    /// Replaces the library in `dir` with the backup at `from` and rebuilds its index. A library
    /// that holds quotes is only replaced with `force`, and is then kept beside it.
    pub fn restore_backup(
        dir: &Path,
        from: &Path,
        force: bool,
    ) -> Result<(Library, RestoreReport)> {
        let checked = check_backup(from)?;
        let db = dir.join(DATABASE_FILE);
        let mut previous = None;
        let mut damaged = false;
        if db.exists() {
            let current = Store::open(&db);
            let holds = match &current {
                Ok(store) => store.quote_count()?,
                // A library that cannot be opened is what restoring is for; still only with
                // --force, since its file is about to be replaced.
                Err(_) => u64::MAX,
            };
            if holds > 0 && !force {
                let what = if holds == u64::MAX {
                    "cannot be opened".to_owned()
                } else {
                    format!("holds {holds} quote(s)")
                };
                return Err(Error::Invalid(format!(
                    "the library at {} {what}; restoring replaces everything in it — add --force \
                     (the current database is then kept beside it)",
                    dir.display()
                )));
            }
            let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
            let aside = dir.join(format!("library.before-restore-{stamp}.sqlite3"));
            match &current {
                Ok(store) => store.backup_to(&aside)?,
                Err(_) => {
                    std::fs::copy(&db, &aside).map_err(|source| Error::WriteFile {
                        path: aside.clone(),
                        source,
                    })?;
                }
            }
            previous = Some(aside);
            damaged = current.is_err();
            drop(current);
        } else {
            std::fs::create_dir_all(dir).map_err(|source| Error::WriteFile {
                path: dir.to_owned(),
                source,
            })?;
        }
        let source = Connection::open_with_flags(
            from,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| Error::Store {
            path: from.to_owned(),
            source,
            hint: "check that the backup file is readable",
        })?;
        if db.exists() && !damaged {
            // Through SQLite, so that a program that has the library open sees a consistent
            // switch rather than a file replaced under it.
            copy_database(&source, &db)?;
        } else {
            // A damaged or absent database: start from a fresh file.
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(dir.join(format!("{DATABASE_FILE}{suffix}")));
            }
            copy_database(&source, &db)?;
        }
        drop(source);
        // The index belongs to what was there before: rebuild it from the restored truth.
        let _ = std::fs::remove_dir_all(dir.join(INDEX_DIR));
        let mut library = Library::open(dir)?;
        library.take_notices();
        library.reindex()?;
        Ok((
            library,
            RestoreReport {
                from: from.to_owned(),
                quotes: checked.quotes,
                previous,
            },
        ))
    }
}
