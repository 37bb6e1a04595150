//! Comparing a response with a Smithy case, as the case's `body_media_type` says: a JSON value,
//! an XML element tree with trimmed text (the declaration and the whitespace between elements
//! ignored), or no body; and every header the case lists, present with the same value.

use fault_core::http::{HeaderMap, HeaderName, HeaderValue};
use quick_xml::events::{BytesStart, Event};
use serde_json::Value as Json;

/// An XML element: its name (prefix included), attributes (sorted), trimmed text, children.
#[derive(Debug, PartialEq)]
pub struct Tree {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub text: String,
    pub children: Vec<Tree>,
}

impl Tree {
    fn child(&self, name: &str) -> Option<&Tree> {
        self.children.iter().find(|c| c.name == name)
    }
}

/// The element tree of `xml`, or why it is not one.
pub fn tree(xml: &[u8]) -> Result<Tree, String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut stack: Vec<Tree> = Vec::new();
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("not XML: {e}"))?;
        match event {
            Event::Start(start) => stack.push(open(&start)?),
            Event::Empty(start) => {
                let done = open(&start)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => return Ok(done),
                }
            }
            Event::End(_) => {
                let mut done = stack.pop().ok_or("an end tag without a start")?;
                done.text = done.text.trim().to_owned();
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => return Ok(done),
                }
            }
            Event::Text(text) => {
                if let Some(open) = stack.last_mut() {
                    open.text.push_str(&text.xml10_content());
                }
            }
            Event::CData(data) => {
                if let Some(open) = stack.last_mut() {
                    open.text.push_str(&data.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                let known = match &*reference {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => None,
                };
                let c = reference
                    .resolve_char_ref()
                    .map_err(|e| e.to_string())?
                    .or(known)
                    .ok_or("an unknown entity reference")?;
                if let Some(open) = stack.last_mut() {
                    open.text.push(c);
                }
            }
            Event::Eof => return Err("the document ends inside an element".into()),
            _ => {}
        }
        buf.clear();
    }
}

fn open(start: &BytesStart<'_>) -> Result<Tree, String> {
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| e.to_string())?;
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| e.to_string())?;
        attrs.push((attr.key.as_ref().to_owned(), value.into_owned()));
    }
    attrs.sort();
    Ok(Tree {
        name: start.name().as_ref().to_owned(),
        attrs,
        text: String::new(),
        children: Vec::new(),
    })
}

/// The request id an XML case body carries (`RequestId`, EC2's `RequestID`), under the root
/// or in its `<Error>`: what the server had, so what the render's context gets.
pub fn request_id(body: Option<&str>) -> Option<String> {
    let root = tree(body?.as_bytes()).ok()?;
    let in_error = root.child("Error");
    [Some(&root), in_error]
        .into_iter()
        .flatten()
        .find_map(|node| node.child("RequestId").or_else(|| node.child("RequestID")))
        .map(|id| id.text.clone())
}

/// The media type of a content type: before any `;`, trimmed, lowercase.
pub fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// The case's headers as a request to the client carries them.
pub fn header_map(headers: &serde_json::Map<String, Json>) -> Result<HeaderMap, String> {
    let mut map = HeaderMap::new();
    for (name, value) in headers {
        let value = value.as_str().ok_or("a header value that is not text")?;
        map.append(
            HeaderName::from_bytes(name.as_bytes()).map_err(|e| format!("{name}: {e}"))?,
            HeaderValue::from_str(value).map_err(|e| format!("{name}: {e}"))?,
        );
    }
    Ok(map)
}

/// Every header of the case is in `ours` with the same value (names are case-insensitive,
/// as `HeaderMap` keeps them; the content type by its media type).
pub fn check_headers(
    expected: &serde_json::Map<String, Json>,
    ours: &HeaderMap,
) -> Result<(), String> {
    for (name, value) in expected {
        let value = value.as_str().unwrap_or_default();
        let Some(got) = ours.get(name.as_str()) else {
            return Err(format!(
                "header {name}: absent, the case has {value:?} (ours: {ours:?})"
            ));
        };
        let got = got.to_str().map_err(|e| format!("header {name}: {e}"))?;
        let same = if name.eq_ignore_ascii_case("content-type") {
            media_type(got) == media_type(value)
        } else {
            got == value
        };
        if !same {
            return Err(format!(
                "header {name}: ours {got:?}, the case has {value:?}"
            ));
        }
    }
    Ok(())
}

/// Our body is the case's, as its media type compares bodies.
pub fn check_body(
    media_type: Option<&str>,
    expected: Option<&str>,
    ours: &[u8],
) -> Result<(), String> {
    let ours_text = String::from_utf8_lossy(ours);
    let expected_text = expected.unwrap_or_default();
    let differ =
        |what: &str| format!("{what}:\n   ours:     {ours_text}\n   the case: {expected_text}");
    match media_type {
        Some("application/json") => {
            let ours: Json = serde_json::from_slice(ours)
                .map_err(|e| differ(&format!("ours is not JSON ({e})")))?;
            let theirs: Json = serde_json::from_str(expected_text)
                .map_err(|e| format!("the case's body is not JSON: {e}"))?;
            if ours == theirs {
                Ok(())
            } else {
                Err(differ("the JSON bodies differ"))
            }
        }
        Some("application/xml") => {
            let ours = tree(ours).map_err(|e| differ(&format!("ours is not XML ({e})")))?;
            let theirs = tree(expected_text.as_bytes())
                .map_err(|e| format!("the case's body is not XML: {e}"))?;
            if ours == theirs {
                Ok(())
            } else {
                Err(differ("the XML trees differ"))
            }
        }
        None if ours.is_empty() && expected.is_none_or(str::is_empty) => Ok(()),
        None => Err(differ("the case has no body")),
        Some(other) => Err(format!("unknown body media type {other}")),
    }
}
