//! Finished bodies of fixed faults, kept per thread.
//!
//! A variant whose message is fixed, sent without anything of the request in its body, has one
//! body per format and encoding for the life of the process. Rendering it once and handing out
//! the bytes afterwards is what lets such a fault cost about a copy (issue 5). The cache is
//! keyed by the variant's spec, which the derive's faults link to (`Fault::spec`) until any
//! setter changes them, so a fault that differs from its spec is never served from it.
//!
//! Per thread, so no lock is taken on the error path and nothing is shared between the
//! threads of a server; it holds at most one entry per (variant, format, encoding) rendered.

use crate::{Context, Encoding, Fault, FaultSpec, Format};
use bytes::Bytes;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// (spec address, format, encoding).
type Key = (usize, u8, u8);

/// A multiply-rotate hasher for the three small integers of a key: SipHash would cost more
/// than the rest of the lookup.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(26) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

thread_local! {
    static BODIES: RefCell<HashMap<Key, Bytes, BuildHasherDefault<KeyHasher>>> =
        RefCell::new(HashMap::default());
}

/// The cache key of `fault`'s body in `format`, when that body is the same for every request
/// like `cx`: the fault is its variant's fixed fault, internal detail is not exposed, and
/// nothing `cx` carries reaches the body of this format.
pub(crate) fn key(
    fault: &Fault<'_>,
    format: Format,
    encoding: Encoding,
    cx: &Context<'_>,
) -> Option<Key> {
    key_for(fault.spec?, format, encoding, cx)
}

/// [`key`] for the fixed fault of `spec`, known to be what its values send.
pub(crate) fn key_for(
    spec: &'static FaultSpec,
    format: Format,
    encoding: Encoding,
    cx: &Context<'_>,
) -> Option<Key> {
    if !spec.message_is_fixed || cx.expose_internal || cx.namespace.is_some() {
        return None;
    }
    let request_free = cx.request_id.is_none();
    let neutral = match format {
        // The microversion, the method and `Accept` all reach Placement's body.
        Format::Placement => false,
        Format::S3 => request_free && cx.host_id.is_none() && !cx.is_head(),
        Format::Problem => request_free && cx.instance.is_none(),
        Format::AwsQuery | Format::AwsRestXml | Format::Ec2Query | Format::ApiWg => request_free,
        Format::Heat
        | Format::AwsJson10
        | Format::AwsJson11
        | Format::AwsRestJson
        | Format::OpenStack
        | Format::LoadBalancer
        | Format::Keystone
        | Format::Neutron => true,
    };
    neutral.then(|| {
        (
            std::ptr::from_ref(spec) as usize,
            format as u8,
            encoding as u8,
        )
    })
}

/// Appends the body under `key` to `buf`, rendered by `render` the first time this thread
/// asks: copied straight from the cache, without taking a handle on it.
pub(crate) fn append_body(key: Key, buf: &mut Vec<u8>, render: impl FnOnce() -> Vec<u8>) {
    let copied = BODIES.with(|bodies| match bodies.borrow().get(&key) {
        Some(found) => {
            if buf.capacity() == 0 {
                // An empty buffer takes a copy in one allocation, without the growth path.
                *buf = found.to_vec();
            } else {
                buf.extend_from_slice(found);
            }
            true
        }
        None => false,
    });
    if !copied {
        buf.extend_from_slice(&body(key, render));
    }
}

/// The body under `key`, rendered by `render` the first time this thread asks.
pub(crate) fn body(key: Key, render: impl FnOnce() -> Vec<u8>) -> Bytes {
    if let Some(found) = BODIES.with(|bodies| bodies.borrow().get(&key).cloned()) {
        return found;
    }
    // Rendered outside the borrow, so nothing it calls can find the cache borrowed.
    let rendered = Bytes::from(render());
    BODIES.with(|bodies| {
        bodies.borrow_mut().insert(key, rendered.clone());
    });
    rendered
}
