//! Finished bodies of fixed faults, rendered once per process and handed out.
//!
//! A variant whose message is fixed and whose fields put nothing into its fault has one body
//! per format and encoding for the life of the process, when sent without anything of the
//! request in it. Rendering it once and copying the bytes afterwards is what lets such a fault
//! cost about a copy (issue 5). The slots live beside the variant's spec ([`FaultSpec::bodies`]),
//! which the derive's faults link to (`Fault::spec`) until any setter changes them, so a fault
//! that differs from its spec is never served from them.
//!
//! A hit is two atomic loads and an index: no lock, no hashing, shared by every thread.

use crate::{Context, Encoding, FaultSpec, Format};
use bytes::Bytes;
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
/// allocated when the variant is first rendered (sixty of 16 bytes), so a variant never sent
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
    request_id: Option<&'c str>,
}

/// What of the request reaches a fixed fault's body in a format.
#[derive(Clone, Copy)]
pub(crate) enum Reach {
    /// Nothing: one body serves every request.
    Nothing,
    /// The request id, when there is one.
    RequestId,
    /// More than the request id: such a body is never kept.
    More,
}

/// What of the request `cx` reaches a fixed fault's body in `format`.
#[inline]
pub(crate) fn reach(format: Format, cx: &Context<'_>) -> Reach {
    if cx.expose_internal || cx.namespace.is_some() {
        return Reach::More;
    }
    match format {
        // The microversion, the method and `Accept` all reach Placement's body.
        Format::Placement => Reach::More,
        Format::S3 if cx.host_id.is_some() || cx.is_head() || cx.request_id.is_some() => {
            Reach::More
        }
        Format::Problem if cx.instance.is_some() => Reach::More,
        Format::AwsQuery
        | Format::AwsRestXml
        | Format::Ec2Query
        | Format::ApiWg
        | Format::Problem => Reach::RequestId,
        Format::S3
        | Format::Heat
        | Format::AwsJson10
        | Format::AwsJson11
        | Format::AwsRestJson
        | Format::OpenStack
        | Format::LoadBalancer
        | Format::Keystone
        | Format::Neutron => Reach::Nothing,
    }
}

/// Where the body of `spec`'s fixed fault in `format` is kept, when that body is the same for
/// every request up to its request id: `reach` is what of the request reaches it
/// ([`reach`]), `request_id` the id already resolved (checked, or replaced by a fresh one).
#[inline]
pub(crate) fn slot<'c>(
    spec: &'static FaultSpec,
    format: Format,
    encoding: Encoding,
    reach: Reach,
    request_id: Option<&'c str>,
) -> Option<Slot<'c>> {
    let bodies = spec.bodies?;
    let id_in_body = match reach {
        Reach::Nothing => None,
        Reach::RequestId => request_id,
        Reach::More => return None,
    };
    let slots = bodies
        .0
        .get_or_init(|| Box::new(core::array::from_fn(|_| OnceLock::new())));
    let index = (format as usize * 2 + encoding as usize) * 2 + usize::from(id_in_body.is_some());
    Some(Slot {
        kept: slots.get(index)?,
        request_id: id_in_body,
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
        match (self.kept(cx, render), self.request_id) {
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
                copy_around(body, *at, self.request_id?, &mut buf);
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
