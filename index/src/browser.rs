//! The browser host: what the OnRecord extension talks to. The browser starts `onrecord
//! browser-host` and exchanges messages with it over standard input and output, in the
//! browsers' native-messaging framing (a 4-byte length in native byte order, then that many
//! bytes of UTF-8 JSON, both ways). No port is opened: only the extension the host manifest
//! names can start it (see `docs/BROWSER.md` for the messages).
//!
//! Everything a message carries is hostile until read: a frame over the cap is skipped and
//! answered, a message that is not JSON or not one we know gets an error, a page is checked
//! (`inbox::Page::validate`) before it is parsed, and HTML is only ever parsed, never rendered.
//! The host answers every message and keeps running; only the end of its input stops it.

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;
use serde_json::{Value, json};

use crate::clip::{Candidate, Clip};
use crate::error::Error;
use crate::inbox::Page;
use crate::library::{Library, clip_page};
use crate::model::Medium;

/// The protocol's version, sent with `pong`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The largest message read from the browser: a page of `clip::MAX_INPUT_BYTES` with room for
/// JSON's escapes. A larger one is skipped and answered with an error.
pub const MAX_MESSAGE: usize = 24 * 1024 * 1024;

/// The largest reply: browsers refuse a message from a host over 1 MB.
pub const MAX_REPLY: usize = 1024 * 1024;

/// How long a write waits for another writer (the app) before the popup hears "busy".
const WAIT: Duration = Duration::from_secs(5);

/// A message from the extension.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum Request {
    Ping,
    /// Find the quotations of a page.
    Clip {
        #[serde(flatten)]
        page: Page,
    },
    /// Save some of a page's quotations (as `clip` found them, by offsets), with the reader's
    /// corrections.
    Save {
        #[serde(flatten)]
        page: Page,
        quotes: Vec<Chosen>,
    },
    /// Save the words the reader selected.
    SaveSelection {
        #[serde(flatten)]
        page: Page,
        selection: String,
        #[serde(default)]
        speaker: Option<String>,
    },
    /// Keep the page in the inbox, to review in the app.
    Inbox {
        #[serde(flatten)]
        page: Page,
    },
    /// How many pages wait in the inbox.
    InboxCount,
}

/// A quotation the reader ticked: its offsets in the page's text, and what they corrected.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Chosen {
    start: usize,
    end: usize,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    co_speakers: Option<Vec<String>>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    organization: Option<String>,
    #[serde(default)]
    medium: Option<Medium>,
}

/// The host's state between messages: the library, opened on the first message that needs it
/// (and again after a failure, so a library that was locked is used once it is free).
pub struct Host {
    dir: PathBuf,
    library: Option<Library>,
}

impl std::fmt::Debug for Host {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Host")
            .field("dir", &self.dir)
            .field("open", &self.library.is_some())
            .finish()
    }
}

impl Host {
    pub fn new(dir: PathBuf) -> Host {
        Host { dir, library: None }
    }

    fn library(&mut self) -> Result<&mut Library, Error> {
        if self.library.is_none() {
            let mut library = Library::open(&self.dir)?;
            library.set_wait_limit(WAIT);
            self.library = Some(library);
        }
        Ok(self.library.as_mut().expect("opened above"))
    }

    /// The reply to one message (its bytes as framed): always a JSON object with a `type`.
    pub fn handle(&mut self, message: &[u8]) -> Value {
        let request: Request = match serde_json::from_slice::<Value>(message) {
            Err(e) => return error(format!("the message is not JSON ({e})")),
            Ok(value) => match serde_json::from_value(value) {
                Ok(r) => r,
                Err(e) => {
                    return error(format!(
                        "the message is not one OnRecord knows ({e}); expected ping, clip, \
                         save, save_selection, inbox or inbox_count"
                    ));
                }
            },
        };
        let reply = match request {
            Request::Ping => Ok(json!({"type": "pong", "version": VERSION})),
            Request::Clip { page } => self.clip(&page),
            Request::Save { page, quotes } => self.save(&page, quotes),
            Request::SaveSelection {
                page,
                selection,
                speaker,
            } => self.save_selection(&page, &selection, speaker),
            Request::Inbox { page } => self.inbox(&page),
            Request::InboxCount => self
                .library()
                .and_then(|l| l.inbox_count())
                .map(|n| json!({"type": "inbox_count", "count": n})),
        };
        let reply = reply.unwrap_or_else(|e| error(browser_words(&e)));
        match serde_json::to_vec(&reply) {
            Ok(bytes) if bytes.len() <= MAX_REPLY => reply,
            _ => error(
                "the page has too many quotations to show here; send it to the inbox and \
                 review it in the OnRecord app",
            ),
        }
    }

    fn clip(&mut self, page: &Page) -> Result<Value, Error> {
        let clip = clip_page(page)?;
        Ok(clip_reply("clip", &clip))
    }

    fn save(&mut self, page: &Page, chosen: Vec<Chosen>) -> Result<Value, Error> {
        if chosen.is_empty() {
            return Err(Error::Invalid(
                "no quotation was ticked; tick the ones to save".into(),
            ));
        }
        let mut clip = clip_page(page)?;
        let mut kept = Vec::new();
        for c in chosen {
            let Some(found) = clip
                .quotes
                .iter()
                .find(|q| q.start == c.start && q.end == c.end)
            else {
                return Err(Error::Invalid(format!(
                    "the page no longer has a quotation at {}–{} (it changed since it was \
                     clipped); clip it again",
                    c.start, c.end
                )));
            };
            kept.push(corrected(found.clone(), c));
        }
        clip.quotes = kept;
        let report = self.library()?.save_clip(&mut clip)?;
        Ok(saved_reply(&report))
    }

    fn save_selection(
        &mut self,
        page: &Page,
        selection: &str,
        speaker: Option<String>,
    ) -> Result<Value, Error> {
        let clip = clip_page(page)?;
        let mut clip = crate::clip::clip_selection(clip.article, selection)?;
        if let Some(name) = speaker.filter(|s| !s.trim().is_empty()) {
            clip.quotes[0].speaker = Some(name.trim().to_owned());
        }
        if clip.quotes[0].speaker.is_none() {
            // Nothing saved: the popup asks who said it and sends the selection again.
            return Ok(json!({
                "type": "needs_speaker",
                "quote": clip.quotes[0],
                "message": "the page names no one for these words; say who said them",
            }));
        }
        let report = self.library()?.save_clip(&mut clip)?;
        let mut reply = saved_reply(&report);
        reply["quote"] = json!(clip.quotes[0]);
        Ok(reply)
    }

    fn inbox(&mut self, page: &Page) -> Result<Value, Error> {
        // (Read first: a page the review could not open is refused now, not later.)
        let found = clip_page(page)?.quotes.len();
        let library = self.library()?;
        let item = library.inbox_add(page)?;
        Ok(json!({
            "type": "queued",
            "item": item,
            "quotations": found,
            "count": library.inbox_count()?,
        }))
    }
}

/// What a save answers: the ids saved, and those left (already saved, or without a speaker).
fn saved_reply(report: &crate::library::ClipReport) -> Value {
    json!({
        "type": "saved",
        "ids": report.saved,
        "already_saved": report.already_saved,
        "without_speaker": report.without_speaker,
    })
}

/// The reader's corrections to a found quotation.
fn corrected(mut q: Candidate, c: Chosen) -> Candidate {
    let clean = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    if let Some(s) = c.speaker {
        q.speaker = clean(Some(s));
    }
    if let Some(names) = c.co_speakers {
        q.co_speakers = names.into_iter().filter_map(|n| clean(Some(n))).collect();
    }
    if let Some(t) = c.title {
        q.title = clean(Some(t));
    }
    if let Some(o) = c.organization {
        q.organization = clean(Some(o));
    }
    if let Some(m) = c.medium {
        q.medium = m;
    }
    q
}

/// A clip as the popup shows it: the article's facts (not its text) and the quotations.
fn clip_reply(kind: &str, clip: &Clip) -> Value {
    let a = &clip.article;
    let mut reply = json!({
        "type": kind,
        "article": {
            "title": a.title, "site_name": a.site_name, "byline": a.byline,
            "published": a.published, "url": a.url, "language": a.language,
        },
        "quotes": clip.quotes,
    });
    if clip.quotes.is_empty() {
        reply["message"] = "no quotations found on this page".into();
    }
    reply
}

fn error(message: impl Into<String>) -> Value {
    json!({"type": "error", "message": message.into()})
}

/// An error as the popup says it: in the reader's words, not the command line's.
fn browser_words(e: &Error) -> String {
    match e {
        Error::Busy { .. } => "the OnRecord library is busy (the app or another program is \
                               writing it); nothing was saved — try again in a moment"
            .to_owned(),
        Error::NewerLibrary { .. } => "the OnRecord library was written by a newer OnRecord; \
                                       update OnRecord and run `onrecord browser install` again"
            .to_owned(),
        other => other.to_string(),
    }
}

/// Serves the browser until its input ends: reads each framed message, answers it. A frame over
/// [`MAX_MESSAGE`] is read past and answered with an error; a length cut short by the end of
/// input ends the host quietly (the browser went away).
pub fn serve(host: &mut Host, input: &mut impl Read, output: &mut impl Write) -> io::Result<()> {
    loop {
        let mut prefix = [0u8; 4];
        let mut got = 0;
        while got < 4 {
            match input.read(&mut prefix[got..]) {
                Ok(0) => return Ok(()),
                Ok(n) => got += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        let len = u32::from_ne_bytes(prefix) as usize;
        if len > MAX_MESSAGE {
            let skipped = io::copy(&mut input.take(len as u64), &mut io::sink())?;
            write_frame(
                output,
                &error(format!(
                    "the message is {:.1} MB; OnRecord reads up to {} MB from the browser — \
                     select the article's text and save quotations from the selection instead",
                    len as f64 / 1e6,
                    MAX_MESSAGE / (1024 * 1024)
                )),
            )?;
            if (skipped as usize) < len {
                return Ok(());
            }
            continue;
        }
        let mut message = vec![0u8; len];
        if let Err(e) = input.read_exact(&mut message) {
            if e.kind() == io::ErrorKind::UnexpectedEof {
                // (The browser closed the pipe mid-message: no one is left to answer.)
                return Ok(());
            }
            return Err(e);
        }
        let reply = host.handle(&message);
        write_frame(output, &reply)?;
    }
}

/// Writes one framed message.
pub fn write_frame(output: &mut impl Write, value: &Value) -> io::Result<()> {
    let bytes = serde_json::to_vec(value).map_err(io::Error::other)?;
    output.write_all(&(bytes.len() as u32).to_ne_bytes())?;
    output.write_all(&bytes)?;
    output.flush()
}

/// Reads one framed message (for tests and tools that talk to a host).
pub fn read_frame(input: &mut impl Read) -> io::Result<Value> {
    let mut prefix = [0u8; 4];
    input.read_exact(&mut prefix)?;
    let mut message = vec![0u8; u32::from_ne_bytes(prefix) as usize];
    input.read_exact(&mut message)?;
    serde_json::from_slice(&message).map_err(io::Error::other)
}

/// The host's name, as the extension asks for it (`chrome.runtime.connectNative`).
pub const HOST_NAME: &str = "com.onrecord.host";

/// The extension's id in Chromium-based browsers: fixed by the public key in
/// `extension/manifest.json`, so an unpacked copy has it too.
pub const CHROMIUM_EXTENSION_ID: &str = "nbdehldpgdhlgcjecjkdjehojndkfebk";

/// The extension's id in Firefox (`browser_specific_settings.gecko.id`).
pub const FIREFOX_EXTENSION_ID: &str = "onrecord@onrecord.app";

/// A browser the host can be installed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Browser {
    Chromium,
    Chrome,
    Firefox,
}

impl std::str::FromStr for Browser {
    type Err = Error;
    fn from_str(s: &str) -> Result<Browser, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "chromium" => Ok(Browser::Chromium),
            "chrome" | "google-chrome" => Ok(Browser::Chrome),
            "firefox" => Ok(Browser::Firefox),
            other => Err(Error::Invalid(format!(
                "unknown browser {other:?}; give chromium, chrome or firefox"
            ))),
        }
    }
}

impl Browser {
    pub const ALL: [Browser; 3] = [Browser::Chromium, Browser::Chrome, Browser::Firefox];

    /// Where this browser looks for the current user's host manifests; `profile` is a browser
    /// profile folder given instead of the user's own (Chromium's `--user-data-dir`).
    pub fn manifest_dir(self, profile: Option<&std::path::Path>) -> Option<PathBuf> {
        match (self, profile) {
            (Browser::Firefox, Some(p)) => Some(p.join("native-messaging-hosts")),
            (_, Some(p)) => Some(p.join("NativeMessagingHosts")),
            (Browser::Chromium, None) => {
                dirs::config_dir().map(|d| d.join("chromium/NativeMessagingHosts"))
            }
            (Browser::Chrome, None) => {
                dirs::config_dir().map(|d| d.join("google-chrome/NativeMessagingHosts"))
            }
            (Browser::Firefox, None) => {
                dirs::home_dir().map(|d| d.join(".mozilla/native-messaging-hosts"))
            }
        }
    }

    fn manifest(self, launcher: &std::path::Path) -> Value {
        let mut m = json!({
            "name": HOST_NAME,
            "description": "OnRecord: clip quotations from the page you are reading",
            "path": launcher,
            "type": "stdio",
        });
        match self {
            Browser::Firefox => m["allowed_extensions"] = json!([FIREFOX_EXTENSION_ID]),
            _ => {
                m["allowed_origins"] =
                    json!([format!("chrome-extension://{CHROMIUM_EXTENSION_ID}/")])
            }
        }
        m
    }
}

/// What `install` wrote for one browser.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Installed {
    pub browser: Browser,
    pub manifest: PathBuf,
    pub launcher: PathBuf,
}

/// Writes the host manifest (and the launcher it names: a script that starts `exe
/// browser-host` on `library`) for each browser, for the current user. Browsers start a host
/// with arguments of their own, so the manifest cannot name `onrecord browser-host` itself.
pub fn install(
    browsers: &[Browser],
    exe: &std::path::Path,
    library: &std::path::Path,
    profile: Option<&std::path::Path>,
) -> Result<Vec<Installed>, Error> {
    let quote = |p: &std::path::Path| {
        let s = p.to_string_lossy();
        format!("'{}'", s.replace('\'', r"'\''"))
    };
    let mut done = Vec::new();
    for &browser in browsers {
        let dir = browser.manifest_dir(profile).ok_or_else(|| {
            Error::Invalid("no home folder to install the browser host in; set HOME".into())
        })?;
        std::fs::create_dir_all(&dir).map_err(|source| Error::WriteFile {
            path: dir.clone(),
            source,
        })?;
        let launcher = dir.join(format!("{HOST_NAME}.sh"));
        let script = format!(
            "#!/bin/sh\n# Written by `onrecord browser install`: starts the OnRecord browser host.\nexec {} --library {} browser-host \"$@\"\n",
            quote(exe),
            quote(library)
        );
        write_file(&launcher, script.as_bytes())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&launcher, std::fs::Permissions::from_mode(0o755)).map_err(
                |source| Error::WriteFile {
                    path: launcher.clone(),
                    source,
                },
            )?;
        }
        let manifest = dir.join(format!("{HOST_NAME}.json"));
        let text = serde_json::to_string_pretty(&browser.manifest(&launcher))
            .map_err(|e| Error::Invalid(e.to_string()))?;
        write_file(&manifest, text.as_bytes())?;
        done.push(Installed {
            browser,
            manifest,
            launcher,
        });
    }
    Ok(done)
}

/// Removes what [`install`] wrote; returns the files removed.
pub fn uninstall(
    browsers: &[Browser],
    profile: Option<&std::path::Path>,
) -> Result<Vec<PathBuf>, Error> {
    let mut removed = Vec::new();
    for &browser in browsers {
        let Some(dir) = browser.manifest_dir(profile) else {
            continue;
        };
        for name in [format!("{HOST_NAME}.json"), format!("{HOST_NAME}.sh")] {
            let path = dir.join(name);
            match std::fs::remove_file(&path) {
                Ok(()) => removed.push(path),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(source) => return Err(Error::WriteFile { path, source }),
            }
        }
    }
    Ok(removed)
}

fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), Error> {
    std::fs::write(path, bytes).map_err(|source| Error::WriteFile {
        path: path.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(value: &Value) -> Vec<u8> {
        let mut out = Vec::new();
        write_frame(&mut out, value).unwrap();
        out
    }

    #[test]
    fn ping_is_answered_with_pong_and_the_version() {
        let dir = tempfile::tempdir().unwrap();
        let mut host = Host::new(dir.path().join("lib"));
        let mut input = framed(&json!({"type": "ping"}));
        input.extend(framed(&json!({"type": "ping"})));
        let mut output = Vec::new();
        serve(&mut host, &mut input.as_slice(), &mut output).unwrap();
        let mut replies = output.as_slice();
        for _ in 0..2 {
            let reply = read_frame(&mut replies).unwrap();
            assert_eq!(reply, json!({"type": "pong", "version": VERSION}));
        }
        assert!(replies.is_empty());
        // (A ping opens no library.)
        assert!(!dir.path().join("lib").exists());
    }

    #[test]
    fn install_writes_a_manifest_naming_only_our_extension_and_uninstall_removes_it() {
        let dir = tempfile::tempdir().unwrap();
        let profile = dir.path().join("profile");
        let done = install(
            &Browser::ALL,
            std::path::Path::new("/opt/on record/onrecord"),
            &dir.path().join("it's a library"),
            Some(&profile),
        )
        .unwrap();
        assert_eq!(done.len(), 3);
        let chromium: Value =
            serde_json::from_slice(&std::fs::read(&done[0].manifest).unwrap()).unwrap();
        assert_eq!(chromium["name"], HOST_NAME);
        assert_eq!(
            chromium["allowed_origins"],
            json!([format!("chrome-extension://{CHROMIUM_EXTENSION_ID}/")])
        );
        let firefox: Value =
            serde_json::from_slice(&std::fs::read(&done[2].manifest).unwrap()).unwrap();
        assert_eq!(firefox["allowed_extensions"], json!([FIREFOX_EXTENSION_ID]));
        let script = std::fs::read_to_string(&done[0].launcher).unwrap();
        assert!(
            script.contains(r"'/opt/on record/onrecord' --library '")
                && script.contains(r"it'\''s"),
            "{script}"
        );
        assert_eq!(uninstall(&Browser::ALL, Some(&profile)).unwrap().len(), 4);
        assert!(!done[0].manifest.exists() && !done[2].launcher.exists());
    }
}
