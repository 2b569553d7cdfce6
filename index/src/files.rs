//! The files a user names. Reading: an article or a draft, from a file, standard input or a
//! URL, with the same limits for every face (CLI, app, browser host). Writing (exports,
//! backups): only where they asked, never over an existing file without their say-so, and
//! never half a file.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};

/// Checks that `path` is a place a file the user asked for may be written: a file name (not a folder), without
/// `..` steps, inside a folder that exists, and not an existing file unless `force`.
pub fn check_destination(path: &Path, force: bool) -> Result<()> {
    if path.as_os_str().is_empty() {
        return Err(Error::Invalid(
            "the export file name is empty; give a file name such as quotes.bib".into(),
        ));
    }
    if path.components().any(|c| c == Component::ParentDir) {
        return Err(Error::Invalid(format!(
            "{} climbs out of its folder with '..'; give the folder plainly (e.g. an absolute path)",
            path.display()
        )));
    }
    if path.is_dir() || path.as_os_str().to_string_lossy().ends_with('/') {
        return Err(Error::Invalid(format!(
            "{} is a folder; give a file name inside it, e.g. {}",
            path.display(),
            path.join("quotes.bib").display()
        )));
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(Error::Invalid(format!(
            "the folder {} does not exist; create it first or choose another place",
            parent.display()
        )));
    }
    if path.exists() && !force {
        return Err(Error::Invalid(format!(
            "{} already exists; add --force to overwrite it",
            path.display()
        )));
    }
    Ok(())
}

/// Writes `bytes` to `path` after [`check_destination`]: into a temporary file beside it, then
/// renamed over it, so a failure never leaves half a file.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    check_destination(path, force)?;
    let tmp = temporary_beside(path);
    let write = || -> std::io::Result<()> {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    };
    write().map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        Error::WriteFile {
            path: path.to_owned(),
            source,
        }
    })
}

/// A hidden temporary name in the same folder as `path`, so a rename onto `path` is atomic.
pub fn temporary_beside(path: &Path) -> PathBuf {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    dir.join(format!(
        ".{}.onrecord-tmp",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("file")
    ))
}

/// Reads and clips an article the way every face takes one: an http(s) URL is fetched, `-` is
/// standard input, anything else a file (a folder, or a file over the size cap, is refused
/// before it is read). Files are read in any format OnRecord knows: HTML, text, PDF, Word,
/// OpenDocument, transcripts (see [`crate::documents`]).
pub fn read_article(input: &str, opts: crate::clip::ClipOptions) -> Result<crate::clip::Clip> {
    if input.starts_with("http://") || input.starts_with("https://") {
        let page = crate::clip::fetch::fetch(input, &crate::clip::fetch::FetchOptions::default())?;
        let opts = crate::clip::ClipOptions {
            url: opts.url.clone().or(Some(page.url.clone())),
            ..opts
        };
        return crate::clip::fetch::clip_page(&page, &opts);
    }
    let (bytes, path) = read_input(input, "an HTML, text, PDF, Word or transcript file")?;
    crate::clip::clip_file(&bytes, path.as_ref().map(|_| input), path.as_deref(), &opts)
}

/// The bytes of a file or of standard input (`-`), up to the size cap of what they are (a PDF
/// or a zipped document up to [`crate::documents::MAX_DOCUMENT_BYTES`], anything else up to
/// [`crate::clip::MAX_INPUT_BYTES`]); the path when it was a file. `expected` says what should
/// have been given instead of a folder.
fn read_input(input: &str, expected: &str) -> Result<(Vec<u8>, Option<PathBuf>)> {
    use std::io::Read;
    let cap_for = |head: &[u8]| {
        if crate::documents::is_document(head) {
            crate::documents::MAX_DOCUMENT_BYTES
        } else {
            crate::clip::MAX_INPUT_BYTES
        }
    };
    let too_big = |len: u64, cap: usize| {
        let what = if cap == crate::clip::MAX_INPUT_BYTES {
            "an article or a draft"
        } else {
            "a document"
        };
        Error::Invalid(format!(
            "{input} is {} MB; {what} is at most {} MB — is this the right file?",
            len / (1024 * 1024),
            cap / (1024 * 1024)
        ))
    };
    let read_error = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::ReadFile { path, source }
    };
    if input == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(crate::documents::MAX_DOCUMENT_BYTES as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(read_error(Path::new("-")))?;
        let cap = cap_for(&buf);
        if buf.len() > cap {
            return Err(too_big(buf.len() as u64, cap));
        }
        return Ok((buf, None));
    }
    let path = Path::new(input);
    let meta = std::fs::metadata(path).map_err(read_error(path))?;
    if meta.is_dir() {
        return Err(Error::Invalid(format!(
            "{input} is a folder; give {expected}"
        )));
    }
    // The first bytes say what it is, and so how large it may be, before the rest is read.
    let mut file = std::fs::File::open(path).map_err(read_error(path))?;
    let mut head = Vec::new();
    (&mut file)
        .take(8)
        .read_to_end(&mut head)
        .map_err(read_error(path))?;
    let cap = cap_for(&head);
    if meta.len() > cap as u64 {
        return Err(too_big(meta.len(), cap));
    }
    let mut bytes = head;
    file.take(cap as u64 + 1 - bytes.len() as u64)
        .read_to_end(&mut bytes)
        .map_err(read_error(path))?;
    if bytes.len() > cap {
        return Err(too_big(bytes.len() as u64, cap));
    }
    Ok((bytes, Some(path.to_owned())))
}

/// Reads a draft: a text, Word, OpenDocument or PDF file, or standard input (`-`), refusing
/// binary data and huge files.
pub fn read_draft(input: &str) -> Result<String> {
    let (bytes, path) = read_input(input, "a draft (text, Word, OpenDocument or PDF)")?;
    draft_from_bytes(&bytes, path.as_ref().map(|_| input), path.as_deref())
}

/// A draft's text from a file's bytes (dropped on a window, or read by [`read_draft`]): Word,
/// OpenDocument and PDF are read as documents, anything else as text. `name` names it in
/// messages; `path` is where it is on disk, if it is.
pub fn draft_from_bytes(bytes: &[u8], name: Option<&str>, path: Option<&Path>) -> Result<String> {
    use crate::documents::Format;
    let shown = name.unwrap_or("the draft");
    let format = crate::documents::detect(bytes, name)
        .map_err(|e| Error::Invalid(e.to_string().replace("the input", shown)))?;
    match format {
        Format::Pdf | Format::Docx | Format::Odt => {
            Ok(crate::documents::read_document(bytes, format, path, shown)?.text)
        }
        _ => {
            if bytes.len() > crate::clip::MAX_INPUT_BYTES {
                return Err(Error::Invalid(format!(
                    "{shown} is larger than {} MB; a draft is much smaller — is this the right file?",
                    crate::clip::MAX_INPUT_BYTES / (1024 * 1024)
                )));
            }
            crate::import::decode(path.unwrap_or(Path::new(shown)), bytes, None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_destinations_are_refused_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        let err = check_destination(&dir.path().join("../x.bib"), false).unwrap_err();
        assert!(err.to_string().contains(".."), "{err}");
        let err = check_destination(dir.path(), false).unwrap_err();
        assert!(err.to_string().contains("is a folder"), "{err}");
        let err = check_destination(&dir.path().join("nope/x.bib"), false).unwrap_err();
        assert!(err.to_string().contains("does not exist"), "{err}");
        let file = dir.path().join("x.bib");
        write_file(&file, b"one", false).unwrap();
        let err = write_file(&file, b"two", false).unwrap_err();
        assert!(err.to_string().contains("--force"), "{err}");
        assert_eq!(std::fs::read(&file).unwrap(), b"one");
        write_file(&file, b"two", true).unwrap();
        assert_eq!(std::fs::read(&file).unwrap(), b"two");
    }
}
