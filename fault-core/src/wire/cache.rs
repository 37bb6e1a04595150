//! Finished bodies of fixed faults, rendered once per process and handed out.
//!
//! A variant whose message is fixed and whose fields put nothing into its fault has one body
//! per format and encoding for the life of the process, when sent without anything of the
//! request in it. Rendering it once and copying the bytes afterwards is what lets such a fault
//! cost about a copy. The slots live beside the variant's spec ([`FaultSpec::bodies`]), and only
//! `ApiFault`'s rendering of a derived value reads them, where the fault is its spec's
//! unchanged: a `Fault` itself holds no link to them, so nothing done to one can leave a kept
//! body stale.
//!
//! What of the request reaches a body comes from the format's shape ([`shape::json_reads`]).
//! A hit is two atomic loads and an index: no lock, no hashing, shared by every thread.

use super::emit::{Render, request_id};
use super::shape::{self, Shape, reads};
use crate::{Context, Dialect, Encoding, FaultSpec, Format, Text};
use bytes::Bytes;
use std::borrow::Cow;
use std::sync::OnceLock;

/// One slot per (format, encoding, whether the request id is in the body).
const SLOTS: usize = Format::ALL.len() * 2 * 2;

/// A valid request id no message contains by chance: rendered in its place, it marks where a
/// template's request id goes.
const MARKER: &str = "req-fault-core-template-7d1e94b0c2a85f36";

/// A message no escaping changes: rendered in its place, it marks where an interpolated
/// variant's message goes.
const MESSAGE_MARKER: &str = "fault-core-message-template-3c9a51e07b64d2f8";

/// How a message is escaped where it stands in a body.
#[derive(Clone, Copy)]
pub(crate) enum Escape {
    /// Inside a JSON string, non-ASCII escaped or not.
    Json { ascii: bool },
    /// XML character data.
    Xml,
}

/// What fills a hole of a kept body.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hole {
    RequestId,
    Message,
}

/// What a slot keeps: a whole body, or one with places for the request id and the message.
pub(crate) enum Kept {
    Body(Bytes),
    Holes {
        body: Bytes,
        /// Where each hole is, in the order they come.
        holes: Vec<(usize, Hole)>,
    },
    /// A marker was not found exactly once (a message holding it): rendered every time.
    Nothing,
}

/// The finished bodies of one fixed variant, each filled on first use. The slots are
/// allocated when the variant is first rendered (sixty-four of 16 bytes), so a variant never sent
/// costs one.
#[derive(Default)]
pub(crate) struct FixedBodies(OnceLock<Box<[OnceLock<Box<Kept>>; SLOTS]>>);

impl core::fmt::Debug for FixedBodies {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let filled = self.0.get().map_or(0, |slots| {
            slots.iter().filter(|s| s.get().is_some()).count()
        });
        write!(f, "FixedBodies({filled} rendered)")
    }
}

/// Where a body is kept, the request id to put in it, and whether and how the message goes
/// in it (an interpolated variant's).
pub(crate) struct Slot<'c> {
    kept: &'static OnceLock<Box<Kept>>,
    request_id: Option<Cow<'c, str>>,
    message: Option<Escape>,
}

/// What of the request reaches a fixed fault's body in a format.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    /// Nothing: one body serves every request.
    Nothing,
    /// The request id, when there is one.
    RequestId,
    /// More than the request id: such a body is never kept.
    More,
}

/// What a format's body is, for the kept bodies: what it reads of the request, and how a
/// message stands in it.
#[derive(Clone, Copy)]
struct Kind {
    reads: u16,
    escape: Option<Escape>,
}

/// Each format's kinds of body, per dialect and encoding, computed from the shapes at compile
/// time: every render of a kept variant asks.
static KINDS: [[Kind; 2]; Format::ALL.len() * Dialect::ALL.len()] = {
    let none = Kind {
        reads: 0,
        escape: None,
    };
    let mut table = [[none; 2]; Format::ALL.len() * Dialect::ALL.len()];
    let mut f = 0;
    while f < Format::ALL.len() {
        let mut d = 0;
        while d < Dialect::ALL.len() {
            let shape = shape::shape(Format::ALL[f], Dialect::ALL[d]);
            let json = match &shape.json {
                Some(body) => Kind {
                    reads: shape::json_reads(&body.root),
                    escape: Some(Escape::Json {
                        ascii: body.style.ascii(),
                    }),
                },
                None => none,
            };
            let xml = match &shape.xml {
                Some(body) => Kind {
                    reads: shape::xml_reads(&body.root),
                    escape: Some(Escape::Xml),
                },
                None => none,
            };
            // An encoding a format does not have is written in the one it has.
            let (json, xml) = match (&shape.json, &shape.xml) {
                (None, Some(_)) => (xml, xml),
                (Some(_), None) => (json, json),
                _ => (json, xml),
            };
            table[f * Dialect::ALL.len() + d] = [json, xml];
            d += 1;
        }
        f += 1;
    }
    table
};

#[inline]
fn kind(format: Format, dialect: Dialect, encoding: Encoding) -> Kind {
    KINDS[format as usize * Dialect::ALL.len() + dialect as usize][encoding as usize]
}

/// What of the request `cx` reaches a fixed fault's body in `format`.
#[inline]
fn reach(
    format: Format,
    dialect: Dialect,
    shape: &Shape,
    encoding: Encoding,
    cx: &Context<'_>,
) -> Reach {
    let bits = kind(format, dialect, encoding).reads;
    let more = cx.expose_internal
        || bits & reads::REQUEST != 0
        || (bits & reads::NAMESPACE != 0 && cx.namespace.is_some())
        || (bits & reads::HOST_ID != 0 && cx.host_id.is_some())
        || (bits & reads::INSTANCE != 0 && cx.instance.is_some())
        || (shape.no_body_for_head && cx.is_head());
    if more {
        Reach::More
    } else if bits & reads::REQUEST_ID != 0 {
        Reach::RequestId
    } else {
        Reach::Nothing
    }
}

/// Where the body of `spec`'s fault is kept for the render `r`, when that body is the same
/// for every request up to its request id (and, for an interpolated variant, its message).
#[inline]
pub(crate) fn slot<'c>(
    spec: &'static FaultSpec,
    format: Format,
    r: &'c Render<'_>,
) -> Option<Slot<'c>> {
    let dialect = spec.dialect.unwrap_or_default();
    let escape = escape(spec, format, r.encoding);
    match reach(format, dialect, r.shape, r.encoding, r.cx) {
        Reach::More => None,
        Reach::Nothing => slot_at(spec, format, r.encoding, None, escape),
        Reach::RequestId => slot_at(
            spec,
            format,
            r.encoding,
            r.request_id.as_deref().map(Cow::Borrowed),
            escape,
        ),
    }
}

/// How the message of `spec`'s variant is escaped in its body, when it is not fixed (an
/// interpolated variant's message is put in the kept body each time).
#[inline]
fn escape(spec: &FaultSpec, format: Format, encoding: Encoding) -> Option<Escape> {
    if spec.message_is_fixed {
        return None;
    }
    kind(format, spec.dialect.unwrap_or_default(), encoding).escape
}

/// [`slot`] without a render: the request id is resolved only when the body holds it.
#[inline]
pub(crate) fn bare_slot<'c>(
    spec: &'static FaultSpec,
    format: Format,
    shape: &Shape,
    encoding: Encoding,
    cx: &'c Context<'_>,
) -> Option<Slot<'c>> {
    let dialect = spec.dialect.unwrap_or_default();
    let escape = escape(spec, format, encoding);
    match reach(format, dialect, shape, encoding, cx) {
        Reach::More => None,
        Reach::Nothing => slot_at(spec, format, encoding, None, escape),
        // The fault of a kept variant carries no request id of its own.
        Reach::RequestId => slot_at(spec, format, encoding, request_id(None, cx), escape),
    }
}

#[inline]
fn slot_at<'c>(
    spec: &'static FaultSpec,
    format: Format,
    encoding: Encoding,
    request_id: Option<Cow<'c, str>>,
    message: Option<Escape>,
) -> Option<Slot<'c>> {
    let bodies = spec.bodies?;
    let slots = bodies
        .0
        .get_or_init(|| Box::new(core::array::from_fn(|_| OnceLock::new())));
    let index = (format as usize * 2 + encoding as usize) * 2 + usize::from(request_id.is_some());
    Some(Slot {
        kept: slots.get(index)?,
        request_id,
        message,
    })
}

impl Slot<'_> {
    /// What the slot keeps, rendered by `render` the first time any thread asks.
    fn kept(
        &self,
        cx: &Context<'_>,
        render: impl FnOnce(&Context<'_>, Option<&str>) -> Vec<u8>,
    ) -> &Kept {
        // Boxed, so that a slot never filled costs a pointer, not a `Kept`.
        self.kept.get_or_init(|| Box::new(self.keep(cx, render)))
    }

    /// The body for the context it is given, with markers in the holes it has: the request
    /// id if the body holds one, the message if the variant's is interpolated.
    fn keep(
        &self,
        cx: &Context<'_>,
        render: impl FnOnce(&Context<'_>, Option<&str>) -> Vec<u8>,
    ) -> Kept {
        if self.request_id.is_none() && self.message.is_none() {
            return Kept::Body(Bytes::from(render(cx, None)));
        }
        let marked = Context {
            request_id: self.request_id.as_ref().map(|_| MARKER.into()),
            ..cx.clone()
        };
        let mut body = render(&marked, self.message.map(|_| MESSAGE_MARKER));
        let mut holes = Vec::with_capacity(2);
        for (marker, hole, wanted) in [
            (MARKER, Hole::RequestId, self.request_id.is_some()),
            (MESSAGE_MARKER, Hole::Message, self.message.is_some()),
        ] {
            if !wanted {
                continue;
            }
            let mut found = find_all(&body, marker.as_bytes());
            match (found.next(), found.next()) {
                (Some(at), None) => holes.push((at, hole)),
                _ => return Kept::Nothing,
            }
        }
        holes.sort_by_key(|(at, _)| *at);
        // Cut the markers out, back to front, so earlier positions stay right; each later
        // position then moves by the markers cut before it.
        for (at, hole) in holes.iter().rev() {
            let len = match hole {
                Hole::RequestId => MARKER.len(),
                Hole::Message => MESSAGE_MARKER.len(),
            };
            body.drain(*at..*at + len);
        }
        let mut cut = 0;
        for (at, hole) in &mut holes {
            *at -= cut;
            cut += match hole {
                Hole::RequestId => MARKER.len(),
                Hole::Message => MESSAGE_MARKER.len(),
            };
        }
        Kept::Holes {
            body: Bytes::from(body),
            holes,
        }
    }

    /// Appends the kept body to `buf`, `message` in its hole; false if this body is not kept.
    pub(crate) fn append_body(
        &self,
        cx: &Context<'_>,
        message: Option<&Text<'_>>,
        buf: &mut Vec<u8>,
        render: impl FnOnce(&Context<'_>, Option<&str>) -> Vec<u8>,
    ) -> bool {
        match self.kept(cx, render) {
            Kept::Body(body) if buf.capacity() == 0 => {
                // An empty buffer takes a copy in one allocation, without the growth path.
                *buf = body.to_vec();
                true
            }
            Kept::Body(body) => {
                buf.extend_from_slice(body);
                true
            }
            Kept::Holes { body, holes } => self.fill(body, holes, message, buf),
            Kept::Nothing => false,
        }
    }

    /// The kept body as a response body, `message` in its hole, if this body is kept.
    pub(crate) fn body(
        &self,
        cx: &Context<'_>,
        message: Option<&Text<'_>>,
        render: impl FnOnce(&Context<'_>, Option<&str>) -> Vec<u8>,
    ) -> Option<Bytes> {
        match self.kept(cx, render) {
            Kept::Body(body) => Some(body.clone()),
            Kept::Holes { body, holes } => {
                let mut buf = Vec::new();
                self.fill(body, holes, message, &mut buf)
                    .then(|| Bytes::from(buf))
            }
            Kept::Nothing => None,
        }
    }

    /// Appends `body` with each hole filled; false if a hole has nothing to fill it.
    fn fill(
        &self,
        body: &[u8],
        holes: &[(usize, Hole)],
        message: Option<&Text<'_>>,
        buf: &mut Vec<u8>,
    ) -> bool {
        let id = self.request_id.as_deref();
        if let ([(at, Hole::RequestId)], Some(id)) = (holes, id) {
            // The common case, a fixed body around its request id: three copies.
            copy_around(body, *at, id, buf);
            return true;
        }
        // Sized exactly where it can be: `Bytes` takes over a buffer without allocating only
        // when it is full.
        let guess = match (self.message, message) {
            (Some(_), Some(m)) => m.as_str().map_or(128, |s| s.len() + 16),
            _ => 0,
        };
        let len = body.len() + id.map_or(0, str::len) + guess;
        if buf.capacity() == 0 {
            // Allocated at its size (which `Bytes` then takes over as it is), without the
            // growth path.
            *buf = Vec::with_capacity(len);
        } else {
            buf.reserve(len);
        }
        let mut from = 0;
        for (at, hole) in holes {
            buf.extend_from_slice(&body[from..*at]);
            match (hole, id, message, self.message) {
                (Hole::RequestId, Some(id), _, _) => buf.extend_from_slice(id.as_bytes()),
                (Hole::Message, _, Some(message), Some(Escape::Json { ascii })) => {
                    super::json::text(buf, message, ascii);
                }
                (Hole::Message, _, Some(message), Some(Escape::Xml)) => {
                    super::xml::text(buf, message);
                }
                _ => return false,
            }
            from = *at;
        }
        buf.extend_from_slice(&body[from..]);
        true
    }
}

/// Appends `body` with `id` put in at `at`, into a buffer of the exact size when it is new
/// (which `Bytes` then takes over as it is).
#[inline]
fn copy_around(body: &[u8], at: usize, id: &str, buf: &mut Vec<u8>) {
    let len = body.len() + id.len();
    if buf.capacity() == 0 {
        *buf = Vec::with_capacity(len);
    } else {
        buf.reserve(len);
    }
    buf.extend_from_slice(&body[..at]);
    buf.extend_from_slice(id.as_bytes());
    buf.extend_from_slice(&body[at..]);
}

/// The starts of every occurrence of `needle` in `haystack`.
fn find_all<'h>(haystack: &'h [u8], needle: &'h [u8]) -> impl Iterator<Item = usize> + use<'h> {
    haystack
        .windows(needle.len())
        .enumerate()
        .filter(move |(_, window)| *window == needle)
        .map(|(at, _)| at)
}
