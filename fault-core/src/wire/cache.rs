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
use crate::{Context, Dialect, Encoding, FaultSpec, Format};
use bytes::Bytes;
use std::borrow::Cow;
use std::sync::OnceLock;

/// One slot per (format, encoding, whether the request id is in the body).
const SLOTS: usize = Format::ALL.len() * 2 * 2;

/// A valid request id no message contains by chance: rendered in its place, it marks where a
/// template's request id goes.
const MARKER: &str = "req-fault-core-template-7d1e94b0c2a85f36";

/// What a slot keeps: a whole body, or one with a place for the request id.
pub(crate) enum Kept {
    Body(Bytes),
    Around {
        body: Bytes,
        at: usize,
    },
    /// The marker was not found exactly once (a message holding it): rendered every time.
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

/// Where a body is kept, and the request id to put in it.
pub(crate) struct Slot<'c> {
    kept: &'static OnceLock<Box<Kept>>,
    request_id: Option<Cow<'c, str>>,
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

/// What each format's bodies read of the request, per dialect and encoding, computed from the
/// shapes at compile time.
static READS: [[u16; 2]; Format::ALL.len() * Dialect::ALL.len()] = {
    let mut table = [[0; 2]; Format::ALL.len() * Dialect::ALL.len()];
    let mut f = 0;
    while f < Format::ALL.len() {
        let mut d = 0;
        while d < Dialect::ALL.len() {
            let shape = shape::shape(Format::ALL[f], Dialect::ALL[d]);
            let json = match &shape.json {
                Some(body) => shape::json_reads(&body.root),
                None => 0,
            };
            let xml = match &shape.xml {
                Some(body) => shape::xml_reads(&body.root),
                None => 0,
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

/// What of the request `cx` reaches a fixed fault's body in `format`.
#[inline]
fn reach(
    format: Format,
    dialect: Dialect,
    shape: &Shape,
    encoding: Encoding,
    cx: &Context<'_>,
) -> Reach {
    let bits = READS[format as usize * Dialect::ALL.len() + dialect as usize][encoding as usize];
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

/// Where the body of `spec`'s fixed fault is kept for the render `r`, when that body is the
/// same for every request up to its request id.
#[inline]
pub(crate) fn slot<'c>(
    spec: &'static FaultSpec,
    format: Format,
    r: &'c Render<'_>,
) -> Option<Slot<'c>> {
    let dialect = spec.dialect.unwrap_or_default();
    match reach(format, dialect, r.shape, r.encoding, r.cx) {
        Reach::More => None,
        Reach::Nothing => slot_at(spec, format, r.encoding, None),
        Reach::RequestId => slot_at(
            spec,
            format,
            r.encoding,
            r.request_id.as_deref().map(Cow::Borrowed),
        ),
    }
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
    match reach(format, dialect, shape, encoding, cx) {
        Reach::More => None,
        Reach::Nothing => slot_at(spec, format, encoding, None),
        // The fault of a fixed variant carries no request id of its own.
        Reach::RequestId => slot_at(spec, format, encoding, request_id(None, cx)),
    }
}

fn slot_at<'c>(
    spec: &'static FaultSpec,
    format: Format,
    encoding: Encoding,
    request_id: Option<Cow<'c, str>>,
) -> Option<Slot<'c>> {
    let bodies = spec.bodies?;
    let slots = bodies
        .0
        .get_or_init(|| Box::new(core::array::from_fn(|_| OnceLock::new())));
    let index = (format as usize * 2 + encoding as usize) * 2 + usize::from(request_id.is_some());
    Some(Slot {
        kept: slots.get(index)?,
        request_id,
    })
}

impl Slot<'_> {
    /// What the slot keeps, rendered by `render` the first time any thread asks.
    fn kept(&self, cx: &Context<'_>, render: impl FnOnce(&Context<'_>) -> Vec<u8>) -> &Kept {
        // Boxed, so that a slot never filled costs a pointer, not a `Kept`.
        self.kept.get_or_init(|| Box::new(self.keep(cx, render)))
    }

    /// The body for the context it is given, with the marker as the request id if the body
    /// holds one.
    fn keep(&self, cx: &Context<'_>, render: impl FnOnce(&Context<'_>) -> Vec<u8>) -> Kept {
        if self.request_id.is_none() {
            return Kept::Body(Bytes::from(render(cx)));
        }
        let marked = Context {
            request_id: Some(MARKER.into()),
            ..cx.clone()
        };
        let mut body = render(&marked);
        let only = {
            let mut found = find_all(&body, MARKER.as_bytes());
            (found.next(), found.next())
        };
        match only {
            (Some(at), None) => {
                body.drain(at..at + MARKER.len());
                Kept::Around {
                    body: Bytes::from(body),
                    at,
                }
            }
            _ => Kept::Nothing,
        }
    }

    /// Appends the kept body to `buf`; false if this body is not kept.
    pub(crate) fn append_body(
        &self,
        cx: &Context<'_>,
        buf: &mut Vec<u8>,
        render: impl FnOnce(&Context<'_>) -> Vec<u8>,
    ) -> bool {
        match (self.kept(cx, render), self.request_id.as_deref()) {
            (Kept::Body(body), _) if buf.capacity() == 0 => {
                // An empty buffer takes a copy in one allocation, without the growth path.
                *buf = body.to_vec();
            }
            (Kept::Body(body), _) => buf.extend_from_slice(body),
            (Kept::Around { body, at }, Some(id)) => copy_around(body, *at, id, buf),
            (Kept::Around { .. } | Kept::Nothing, _) => return false,
        }
        true
    }

    /// The kept body as a response body, if this body is kept.
    pub(crate) fn body(
        &self,
        cx: &Context<'_>,
        render: impl FnOnce(&Context<'_>) -> Vec<u8>,
    ) -> Option<Bytes> {
        match self.kept(cx, render) {
            Kept::Body(body) => Some(body.clone()),
            Kept::Around { body, at } => {
                let mut buf = Vec::new();
                copy_around(body, *at, self.request_id.as_deref()?, &mut buf);
                Some(Bytes::from(buf))
            }
            Kept::Nothing => None,
        }
    }
}

/// Appends `body` with `id` put in at `at`.
fn copy_around(body: &[u8], at: usize, id: &str, buf: &mut Vec<u8>) {
    let len = body.len() + id.len();
    if buf.capacity() == 0 {
        // Allocated at its size (which `Bytes` then takes over as it is), without the
        // growth path.
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
