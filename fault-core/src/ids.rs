//! Fresh request ids and S3 host ids, in each family's form. Every response gets one, so
//! making one is on the hot path: a v4 UUID built and formatted by the `uuid` crate into a
//! stack buffer and copied once into the returned `String`, its random bytes from a per-thread
//! generator seeded once from the system (`Uuid::new_v4` asks the system for every id: 290 ns
//! against 30, BENCHMARKS.md). The ids must be unique, not secret.

use crate::wire::shape;
use crate::{Dialect, Format};

/// The form of a family's request ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IdStyle {
    /// OpenStack's `req-<uuid>` (also Heat's and the default).
    OpenStack,
    /// S3's 16 uppercase hex digits.
    S3,
    /// AWS's bare UUID.
    Aws,
}

impl IdStyle {
    /// The form of `format`'s ids, from the request-id header its shape declares.
    pub(crate) fn of(format: Format, dialect: Dialect) -> IdStyle {
        let first = shape::shape(format, dialect)
            .headers
            .iter()
            .find_map(|header| match header {
                shape::Header::RequestId([name, ..]) => Some(name()),
                _ => None,
            });
        match first.as_ref().map(http::HeaderName::as_str) {
            Some("x-amz-request-id") => IdStyle::S3,
            Some("x-amzn-requestid") => IdStyle::Aws,
            _ => IdStyle::OpenStack,
        }
    }
}

thread_local! {
    /// wyrand's state, seeded from the system on a thread's first id.
    static STATE: std::cell::Cell<u64> = std::cell::Cell::new(seed());
}

/// A seed from the system's randomness, else from the clock and the thread (ids then stay
/// unique across threads and restarts, if predictable).
fn seed() -> u64 {
    let mut bytes = [0u8; 8];
    if getrandom::fill(&mut bytes).is_ok() {
        return u64::from_le_bytes(bytes);
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let thread = &bytes as *const _ as u64;
    now ^ thread.rotate_left(32)
}

/// The next 64 random bits of this thread (wyrand).
fn next_u64() -> u64 {
    STATE.with(|state| {
        let s = state.get().wrapping_add(0xa076_1d64_78bd_642f);
        state.set(s);
        let t = u128::from(s) * u128::from(s ^ 0xe703_7ed1_a0b4_28db);
        (t >> 64) as u64 ^ t as u64
    })
}

/// Sixteen random bytes.
fn random_16() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&next_u64().to_le_bytes());
    bytes[8..].copy_from_slice(&next_u64().to_le_bytes());
    bytes
}

/// A fresh id in `style`.
pub(crate) fn new_id(style: IdStyle) -> String {
    let uuid = uuid::Builder::from_random_bytes(random_16()).into_uuid();
    match style {
        IdStyle::OpenStack => {
            let mut buf = [0u8; uuid::fmt::Hyphenated::LENGTH];
            let text = uuid.hyphenated().encode_lower(&mut buf);
            let mut id = String::with_capacity(4 + text.len());
            id.push_str("req-");
            id.push_str(text);
            id
        }
        IdStyle::Aws => {
            let mut buf = [0u8; uuid::fmt::Hyphenated::LENGTH];
            uuid.hyphenated().encode_lower(&mut buf).to_owned()
        }
        IdStyle::S3 => {
            let mut buf = [0u8; uuid::fmt::Simple::LENGTH];
            uuid.simple().encode_upper(&mut buf)[..16].to_owned()
        }
    }
}

/// A fresh S3 host id: 48 random bytes in base64, the length of the ids S3 sends.
pub(crate) fn new_host_id() -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bytes = [0u8; 48];
    for chunk in bytes.chunks_mut(8) {
        chunk.copy_from_slice(&next_u64().to_le_bytes());
    }
    let mut id = String::with_capacity(64);
    for group in bytes.chunks(3) {
        let n = u32::from(group[0]) << 16 | u32::from(group[1]) << 8 | u32::from(group[2]);
        for shift in [18, 12, 6, 0] {
            id.push(char::from(ALPHABET[(n >> shift) as usize & 63]));
        }
    }
    id
}

/// Whether `id` is a request id as OpenStack makes them, `req-` and a lowercase hyphenated
/// UUID: what oslo.middleware accepts as a global request id.
pub(crate) fn is_openstack_id(id: &str) -> bool {
    let Some(uuid) = id.strip_prefix("req-") else {
        return false;
    };
    uuid.len() == 36
        && uuid.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(&b),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn each_style_has_its_form() {
        let openstack = new_id(IdStyle::OpenStack);
        assert!(is_openstack_id(&openstack), "{openstack}");
        let aws = new_id(IdStyle::Aws);
        assert!(Uuid::parse_str(&aws).is_ok() && aws.len() == 36, "{aws}");
        let s3 = new_id(IdStyle::S3);
        assert!(
            s3.len() == 16
                && s3
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        );
        assert_ne!(new_id(IdStyle::S3), s3);
        let host = new_host_id();
        assert_eq!(host.len(), 64);
        assert_ne!(new_host_id(), host);
    }

    #[test]
    fn only_well_formed_openstack_ids_are_global_ids() {
        assert!(is_openstack_id("req-2f3e4e8e-0bb5-4d2a-9a3c-1e6c5b7d8f90"));
        assert!(!is_openstack_id("req-2F3E4E8E-0bb5-4d2a-9a3c-1e6c5b7d8f90"));
        assert!(!is_openstack_id("2f3e4e8e-0bb5-4d2a-9a3c-1e6c5b7d8f90"));
        assert!(!is_openstack_id("req-2f3e4e8e0bb54d2a9a3c1e6c5b7d8f90"));
        assert!(!is_openstack_id("req-1"));
    }
}
