//! Fetching an article by URL: http and https only, a time limit, a size cap, a bounded number of
//! redirects, the content type checked (HTML or text, not a PDF or an image) and the charset
//! honoured. Nothing is fetched unless the user asks for a URL.

use std::time::Duration;

use crate::error::{Error, Result};

use super::{Clip, ClipOptions, MAX_INPUT_BYTES, article};

#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub timeout: Duration,
    pub max_bytes: usize,
    pub max_redirects: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(20),
            max_bytes: MAX_INPUT_BYTES,
            max_redirects: 5,
        }
    }
}

/// A fetched page, decoded to text.
#[derive(Debug, Clone)]
pub struct Page {
    /// Where it was finally fetched from (after redirects).
    pub url: String,
    pub content_type: String,
    pub text: String,
}

/// Fetches a page. Every failure says what happened in terms a user can act on.
pub fn fetch(url: &str, opts: &FetchOptions) -> Result<Page> {
    let lower = url.trim().to_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Err(Error::invalid(format!(
            "{url:?} is not a web address OnRecord can fetch; use an http:// or https:// URL, or save the page and clip the file"
        )));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .max_redirects(opts.max_redirects)
        .http_status_as_error(false)
        .user_agent(concat!("OnRecord/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let response = agent
        .get(url.trim())
        .call()
        .map_err(|e| fetch_error(url, e))?;
    let status = response.status().as_u16();
    let final_url = {
        use ureq::ResponseExt;
        response.get_uri().to_string()
    };
    if status == 404 || status == 410 {
        return Err(Error::invalid(format!(
            "{url} was not found (HTTP {status}); check the address"
        )));
    }
    if (300..400).contains(&status) {
        return Err(Error::invalid(format!(
            "{url} redirects more than {} times; open it in a browser and clip the final address",
            opts.max_redirects
        )));
    }
    if !(200..300).contains(&status) {
        return Err(Error::invalid(format!(
            "{url} answered HTTP {status} instead of a page; try again later or save the page and clip the file"
        )));
    }
    let body = response.body();
    let mime = body.mime_type().unwrap_or("").to_lowercase();
    let charset = body.charset().map(str::to_owned);
    let allowed = mime.is_empty()
        || mime == "text/html"
        || mime == "application/xhtml+xml"
        || mime == "text/plain";
    if !allowed {
        let what = if mime == "application/pdf" {
            "a PDF".to_owned()
        } else if mime.starts_with("image/") {
            "an image".to_owned()
        } else {
            format!("{mime:?}")
        };
        return Err(Error::invalid(format!(
            "{url} is {what}, not a web page; OnRecord clips HTML pages and text"
        )));
    }
    let mut response = response;
    let bytes = response
        .body_mut()
        .with_config()
        .limit(opts.max_bytes as u64)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => Error::invalid(format!(
                "{url} is larger than {} MB; it is not an article page",
                opts.max_bytes / (1024 * 1024)
            )),
            other => fetch_error(url, other),
        })?;
    let text = article::decode_page(&bytes, charset.as_deref());
    Ok(Page {
        url: final_url,
        content_type: mime,
        text,
    })
}

fn fetch_error(url: &str, e: ureq::Error) -> Error {
    let why = match &e {
        ureq::Error::Timeout(_) => "it took too long to answer".to_owned(),
        ureq::Error::HostNotFound => {
            "its host name could not be found (check the address, or whether you are online)"
                .to_owned()
        }
        ureq::Error::ConnectionFailed => "the connection failed".to_owned(),
        ureq::Error::TooManyRedirects => "it redirects too many times".to_owned(),
        ureq::Error::BadUri(u) => format!("the address is malformed ({u})"),
        other => other.to_string(),
    };
    Error::invalid(format!("cannot fetch {url}: {why}"))
}

/// Clips a fetched page: HTML is extracted, text is clipped as it is.
pub fn clip_page(page: &Page, opts: &ClipOptions) -> Result<Clip> {
    if page.content_type == "text/plain" || !article::looks_like_html(&page.text) {
        super::clip_text(&page.text, opts)
    } else {
        super::clip_html(&page.text, opts)
    }
}
