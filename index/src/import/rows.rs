//! Files of new quotes read a row at a time: CSV and TSV tables and JSON Lines, of any size.
//!
//! [`check_rows`] reads a file to its end once, decoding, parsing and checking every row (the
//! first bad one fails the import before anything is written, naming its line) and counting
//! them. [`RowsFile::rows`] then reads it again while the import writes, so an import holds one
//! batch of quotes at a time and its memory does not grow with the file.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use encoding_rs::{CoderResult, Decoder, Encoding};

use super::{
    Column, ImportQuote, TableOptions, declared_encoding, line_error, row_to_quote, table_columns,
    undecodable,
};
use crate::error::{Error, Result};
use crate::model::NewQuote;
use crate::store;

/// How a file of rows is laid out.
#[derive(Debug, Clone)]
enum Layout {
    Table {
        delimiter: u8,
        /// Named by the user (`--columns`); otherwise read from the header row on each pass.
        columns: Option<Vec<Column>>,
    },
    JsonLines,
}

/// A file of new quotes, checked row by row, ready to be read again by the import.
#[derive(Debug, Clone)]
pub struct RowsFile {
    path: PathBuf,
    layout: Layout,
    encoding: &'static Encoding,
    /// Bytes of byte-order mark to skip.
    bom: usize,
    rows: usize,
}

impl RowsFile {
    /// How many quotes the file holds (counted when it was checked).
    pub fn len(&self) -> usize {
        self.rows
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The file's quotes, read from disk again a row at a time. A file changed since it was
    /// checked fails on its first bad row, or at its end if some of it no longer decodes (the
    /// import then writes nothing).
    pub fn rows(&self) -> Result<Box<dyn Iterator<Item = Result<NewQuote>> + Send>> {
        let (mut rows, errors) = self.read()?;
        let (path, encoding) = (self.path.clone(), self.encoding);
        let mut ended = false;
        Ok(Box::new(std::iter::from_fn(move || {
            if ended {
                return None;
            }
            let row = rows.next();
            if row.is_none() {
                ended = true;
                if errors.load(Ordering::Relaxed) {
                    return Some(Err(undecodable(&path, encoding)));
                }
            }
            row
        })))
    }

    /// The rows as read, and the flag the decoder sets when bytes do not decode.
    #[allow(clippy::type_complexity)]
    fn read(
        &self,
    ) -> Result<(
        Box<dyn Iterator<Item = Result<NewQuote>> + Send>,
        Arc<AtomicBool>,
    )> {
        let mut file = File::open(&self.path).map_err(|source| Error::ReadFile {
            path: self.path.clone(),
            source,
        })?;
        let mut skip = [0u8; 3];
        file.read_exact(&mut skip[..self.bom])
            .map_err(|source| Error::ReadFile {
                path: self.path.clone(),
                source,
            })?;
        let decoded = Decoding::new(file, self.encoding);
        let errors = decoded.errors.clone();
        let rows: Box<dyn Iterator<Item = Result<NewQuote>> + Send> = match &self.layout {
            Layout::Table { delimiter, columns } => Box::new(TableRows::new(
                &self.path,
                decoded,
                *delimiter,
                columns.clone(),
            )?),
            Layout::JsonLines => Box::new(JsonLines::new(&self.path, decoded)),
        };
        Ok((rows, errors))
    }
}

/// Reads and checks a CSV/TSV table (`delimiter`) or, with `None`, a JSON Lines file, to the
/// end, and counts its quotes. `head` is the file's first bytes; the encoding is chosen as
/// [`super::decode`] chooses it (a byte-order mark, the one the user named, else UTF-8 if the
/// whole file is valid UTF-8, else Windows-1252).
pub(crate) fn check_rows(
    path: &Path,
    head: &[u8],
    delimiter: Option<u8>,
    opts: &TableOptions,
) -> Result<RowsFile> {
    let (encoding, bom, guessed) = match declared_encoding(head, opts.encoding.as_deref())? {
        Some((encoding, bom)) => (encoding, bom, false),
        None => (encoding_rs::UTF_8, 0, true),
    };
    let columns = match &opts.columns {
        Some(names) => Some(table_columns(names)?),
        None => None,
    };
    let layout = match delimiter {
        Some(delimiter) => Layout::Table { delimiter, columns },
        None => Layout::JsonLines,
    };
    let mut file = RowsFile {
        path: path.to_owned(),
        layout,
        encoding,
        bom,
        rows: 0,
    };
    match count_rows(&file) {
        Ok(rows) => file.rows = rows,
        // Not UTF-8 after all, and no encoding was named: read it as Windows-1252.
        Err(Undecodable) if guessed => {
            file.encoding = encoding_rs::WINDOWS_1252;
            file.rows = count_rows(&file).map_err(|e| e.into_error(&file))?;
        }
        Err(e) => return Err(e.into_error(&file)),
    }
    Ok(file)
}

/// Why a checking pass stopped.
enum Stop {
    Undecodable,
    Bad(Error),
}
use Stop::Undecodable;

impl Stop {
    fn into_error(self, file: &RowsFile) -> Error {
        match self {
            Undecodable => undecodable(&file.path, file.encoding),
            Stop::Bad(e) => e,
        }
    }
}

fn count_rows(file: &RowsFile) -> std::result::Result<usize, Stop> {
    // (An error after bytes that did not decode is the encoding's fault.)
    let (rows, errors) = match file.read() {
        Ok(read) => read,
        Err(e) => return Err(Stop::Bad(e)),
    };
    let stop = |e| match errors.load(Ordering::Relaxed) {
        true => Undecodable,
        false => Stop::Bad(e),
    };
    let mut n = 0;
    for row in rows {
        row.map_err(&stop)?;
        n += 1;
    }
    if errors.load(Ordering::Relaxed) {
        return Err(Undecodable);
    }
    Ok(n)
}

/// Decodes a byte stream in any encoding into UTF-8 as it is read. Bytes that do not decode
/// become U+FFFD and set the shared `errors` flag.
struct Decoding<R> {
    inner: R,
    decoder: Decoder,
    raw: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
    finished: bool,
    out: Vec<u8>,
    out_at: usize,
    out_len: usize,
    errors: Arc<AtomicBool>,
}

impl<R: Read> Decoding<R> {
    fn new(inner: R, encoding: &'static Encoding) -> Decoding<R> {
        const SIZE: usize = 64 * 1024;
        Decoding {
            inner,
            decoder: encoding.new_decoder_without_bom_handling(),
            raw: vec![0; SIZE],
            start: 0,
            end: 0,
            eof: false,
            finished: false,
            out: vec![0; SIZE * 3 + 16],
            out_at: 0,
            out_len: 0,
            errors: Default::default(),
        }
    }
}

impl<R: Read> Read for Decoding<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.out_at == self.out_len {
            if self.finished {
                return Ok(0);
            }
            if self.start == self.end && !self.eof {
                self.start = 0;
                self.end = self.inner.read(&mut self.raw)?;
                self.eof = self.end == 0;
            }
            let (result, read, written, had_errors) = self.decoder.decode_to_utf8(
                &self.raw[self.start..self.end],
                &mut self.out,
                self.eof,
            );
            self.start += read;
            self.out_at = 0;
            self.out_len = written;
            if had_errors {
                self.errors.store(true, Ordering::Relaxed);
            }
            if self.eof && result == CoderResult::InputEmpty {
                self.finished = true;
            }
        }
        let n = buf.len().min(self.out_len - self.out_at);
        buf[..n].copy_from_slice(&self.out[self.out_at..self.out_at + n]);
        self.out_at += n;
        Ok(n)
    }
}

/// The rows of a CSV or TSV table as new quotes, blank rows skipped; each bad row is an error
/// that names its line.
pub(crate) struct TableRows<R: Read> {
    records: csv::StringRecordsIntoIter<R>,
    columns: Vec<Column>,
    columns_given: bool,
    first_line: u64,
    n: u64,
    path: PathBuf,
}

impl<R: Read> TableRows<R> {
    pub(crate) fn new(
        path: &Path,
        reader: R,
        delimiter: u8,
        columns: Option<Vec<Column>>,
    ) -> Result<TableRows<R>> {
        let mut records = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            // TSV files (LIAR among them) use no quoting: a `"` is part of the text.
            .quoting(delimiter != b'\t')
            .from_reader(reader)
            .into_records();
        let line_err = |line, message| line_error(path, line, message);
        let columns_given = columns.is_some();
        let (columns, first_line) = match columns {
            Some(cols) => (cols, 1),
            None => {
                let Some(header) = records.next() else {
                    return Err(line_err(1, "the file is empty".into()));
                };
                let header = header.map_err(|e| line_err(1, e.to_string()))?;
                // Columns a spreadsheet has that we do not know are skipped, not fatal.
                let cols = header
                    .iter()
                    .map(|h| super::column(h).unwrap_or(Column::Skip))
                    .collect();
                (cols, 2)
            }
        };
        for (needed, what) in [
            (Column::Text, "the quote text (text)"),
            (Column::Speaker, "the speaker (speaker)"),
        ] {
            let has = columns.contains(&needed)
                || (needed == Column::Speaker && columns.contains(&Column::SpeakerSlug));
            if !has {
                let how = if columns_given {
                    "name it in --columns"
                } else {
                    "add it to the header row, or use --columns for a file without one"
                };
                return Err(line_err(1, format!("no column holds {what}; {how}")));
            }
        }
        Ok(TableRows {
            records,
            columns,
            columns_given,
            first_line,
            n: 0,
            path: path.to_owned(),
        })
    }

    fn line_err(&self, line: u64, message: String) -> Error {
        line_error(&self.path, line, message)
    }
}

impl<R: Read> Iterator for TableRows<R> {
    type Item = Result<NewQuote>;

    fn next(&mut self) -> Option<Result<NewQuote>> {
        loop {
            let record = self.records.next()?;
            let n = self.n;
            self.n += 1;
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map_or(self.first_line + n, |p| p.line());
                    return Some(Err(self.line_err(line, format!("cannot read the row: {e}"))));
                }
            };
            let line = record.position().map_or(self.first_line + n, |p| p.line());
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            if record.len() != self.columns.len() {
                let message = format!(
                    "the row has {} fields but the {} has {}",
                    record.len(),
                    if self.columns_given {
                        "--columns list"
                    } else {
                        "header"
                    },
                    self.columns.len()
                );
                return Some(Err(self.line_err(line, message)));
            }
            return Some(
                row_to_quote(&self.columns, &record)
                    .and_then(|q| checked(q).map_err(|e| e.to_string()))
                    .map_err(|m| self.line_err(line, m)),
            );
        }
    }
}

/// JSON Lines: one quote object a line (the shape `export --format json` gives each quote),
/// blank lines skipped.
struct JsonLines<R: Read> {
    reader: BufReader<R>,
    line: u64,
    buf: String,
    path: PathBuf,
    done: bool,
}

impl<R: Read> JsonLines<R> {
    fn new(path: &Path, reader: R) -> JsonLines<R> {
        JsonLines {
            reader: BufReader::with_capacity(64 * 1024, reader),
            line: 0,
            buf: String::new(),
            path: path.to_owned(),
            done: false,
        }
    }
}

impl<R: Read> Iterator for JsonLines<R> {
    type Item = Result<NewQuote>;

    fn next(&mut self) -> Option<Result<NewQuote>> {
        while !self.done {
            self.buf.clear();
            self.line += 1;
            let line_err = |message: String| line_error(&self.path, self.line, message);
            match self.reader.read_line(&mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    let text = self.buf.trim();
                    if text.is_empty() {
                        continue;
                    }
                    return Some(
                        serde_json::from_str::<ImportQuote>(text)
                            .map_err(|e| line_err(json_message(&e)))
                            .and_then(|q| {
                                checked(q.into_new_quote()).map_err(|e| line_err(e.to_string()))
                            }),
                    );
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(line_err(format!("cannot read the line: {e}"))));
                }
            }
        }
        None
    }
}

/// A JSON error without serde's "at line 1 column N" (the line is the file's, given apart).
fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) => format!("{} (column {})", &text[..at], e.column()),
        None => text,
    }
}

/// A quote the store would refuse is refused here, where its line is known.
fn checked(q: NewQuote) -> Result<NewQuote> {
    store::validate(&q)?;
    Ok(q)
}
