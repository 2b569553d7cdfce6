//! Walking the XML inside documents (Word's and OpenDocument's parts, pdftotext's layout) with
//! quick-xml: elements by local name, text with its entity references resolved.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::error::{Error, Result};

/// What the walk meets, in document order.
pub enum Node<'a> {
    /// An element opens (an empty one, `<w:tab/>`, is followed at once by its `Close`).
    Open {
        name: &'a [u8],
        element: &'a BytesStart<'a>,
    },
    Close(&'a [u8]),
    Text(&'a str),
}

/// Calls `visit` for every element and piece of text of `xml`; names are local (no prefix).
/// A document that is not well-formed XML is an error naming `what`.
pub fn walk(xml: &str, what: &str, mut visit: impl FnMut(Node<'_>)) -> Result<()> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    let broken = |e: &dyn std::fmt::Display| {
        Error::invalid(format!(
            "{what} is damaged (its XML does not read: {e}); open and save it again, then retry"
        ))
    };
    loop {
        match reader.read_event().map_err(|e| broken(&e))? {
            Event::Start(e) => visit(Node::Open {
                name: e.local_name().into_inner(),
                element: &e,
            }),
            Event::Empty(e) => {
                visit(Node::Open {
                    name: e.local_name().into_inner(),
                    element: &e,
                });
                visit(Node::Close(e.local_name().into_inner()));
            }
            Event::End(e) => visit(Node::Close(e.local_name().into_inner())),
            Event::Text(t) => {
                let text = t.decode().map_err(|e| broken(&e))?;
                visit(Node::Text(&text));
            }
            Event::CData(t) => {
                let text = t.decode().map_err(|e| broken(&e))?;
                visit(Node::Text(&text));
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => r
                        .decode()
                        .ok()
                        .and_then(|name| quick_xml::escape::resolve_predefined_entity(&name))
                        .map(str::to_owned),
                };
                if let Some(text) = resolved {
                    visit(Node::Text(&text));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The value of an attribute by its local name (`w:id` is `id`), unescaped.
pub fn attribute(element: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner() == local)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}
