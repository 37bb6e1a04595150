//! Allocations per render and per parse, counted by a global allocator (its own test binary,
//! since it sets `#[global_allocator]`). DESIGN.md §6: a variant with a fixed message renders
//! its body with one allocation, the output buffer, or none into a caller's buffer.
//!
//! What is counted: calls to `alloc`, `alloc_zeroed` and `realloc` made on the calling
//! thread (tests run on parallel threads) while the closure runs, after the type's catalogue
//! has been read once (its first use allocates the static entries, once per process).
//! - `write_body` into `Vec::new()`: the body alone, so the buffer is the only allocation;
//! - `write_body` into a buffer with room: none;
//! - `to_response`: the body, `Bytes`'s shared header for a buffer it does not fill exactly,
//!   `HeaderMap`'s two tables, and one per header value copied from data (the request id);
//! - `Fault::parse`: the lowercased content type, the JSON or XML tree, the fault's owned
//!   strings and the raw text it keeps.

use fault_core::http::{HeaderMap, StatusCode};
use fault_core::{ApiFault, Context, Fault, Format, FromFault};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn bump() {
    // `try_with`: the thread's counter may be gone while the thread shuts down.
    let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
}

// SAFETY: every call is forwarded to the system allocator unchanged; counting touches only a
// thread-local `Cell` with a const initialiser, which never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump();
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The allocations `f` makes on this thread, and its result.
fn count<R>(f: impl FnOnce() -> R) -> (usize, R) {
    let before = ALLOCATIONS.with(Cell::get);
    let result = f();
    (ALLOCATIONS.with(Cell::get) - before, result)
}

#[derive(Debug, ApiFault, FromFault)]
enum VolumeError {
    #[fault(
        code = 404,
        title = "itemNotFound",
        message = "Volume {0} could not be found."
    )]
    NotFound(String),
    #[fault(
        code = 403,
        title = "AccessDenied",
        message = "User is not authorized."
    )]
    Denied,
}

const REQUEST_ID: &str = "req-7b1c0a52-2f4e-4c1e-9a57-2d5b9c4e8f10";

/// Each family of issue 5, with its context.
fn families() -> [(Format, Context<'static>); 6] {
    let cx = || Context::new().with_request_id(REQUEST_ID);
    [
        (Format::AwsQuery, cx()),
        (Format::AwsJson11, cx()),
        (Format::OpenStack, cx()),
        (Format::OpenStack, cx().with_accept("application/xml")),
        (Format::ApiWg, cx()),
        (Format::Problem, cx()),
    ]
}

fn warm_up() {
    // The first use of a type reads its catalogue into static entries, once per process; the
    // first render of a variant whose fields give its fault nothing but its message fills its
    // kept body (with a hole for an interpolated message), once per process and format.
    let _ = VolumeError::Denied.status();
    for (format, cx) in families() {
        let _ = VolumeError::Denied.to_response(format, &cx);
        let _ = VolumeError::NotFound("vol-1".into()).to_response(format, &cx);
        VolumeError::NotFound("vol-1".into()).write_body(format, &cx, &mut Vec::new());
    }
}

#[test]
fn a_fixed_message_body_is_one_allocation_or_none() {
    warm_up();
    for (format, cx) in families() {
        let err = VolumeError::Denied;
        let (n, body) = count(|| {
            let mut buf = Vec::new();
            err.write_body(format, &cx, &mut buf);
            buf
        });
        assert_eq!(n, 1, "{format:?}: the buffer only");
        let mut buf = Vec::with_capacity(body.len());
        let (n, ()) = count(|| err.write_body(format, &cx, &mut buf));
        assert_eq!((n, &buf), (0, &body), "{format:?}: into a buffer with room");
    }
}

#[test]
fn an_interpolated_body_is_one_allocation_too() {
    warm_up();
    for (format, cx) in families() {
        let err = VolumeError::NotFound("vol-0f3a9c2e-1d44-4b7a-8e21-5c9d7f6b3a10".into());
        let (n, _) = count(|| {
            let mut buf = Vec::new();
            err.write_body(format, &cx, &mut buf);
            buf
        });
        assert_eq!(n, 1, "{format:?}: the message is formatted into the buffer");
    }
}

#[test]
fn a_response_adds_its_headers() {
    warm_up();
    // The header map's two tables and each request-id header (OpenStack sends two); where the
    // body carries the request id (AWS query, API-WG, problem), the body too, the kept body
    // copied around the id into a buffer of the exact size (which `Bytes` takes over without
    // allocating). Elsewhere a fixed fault's body is shared from the cache, allocation-free.
    let expected = [4, 3, 4, 4, 4, 4];
    for ((format, cx), expected) in families().into_iter().zip(expected) {
        let (n, _) = count(|| VolumeError::Denied.to_response(format, &cx));
        assert_eq!(n, expected, "{format:?}");
    }
}

#[test]
fn parsing_allocates_what_it_keeps() {
    warm_up();
    // Per family, what `Fault::parse` allocates for our own interpolated body: the tree (an
    // XML element is a `String` for its name and one for its text, besides its `Vec`s; JSON
    // strings borrow from the body), the fault's owned title, message and request id, and
    // the raw body it keeps. The headers are read borrowed. `from_fault` adds nothing (the
    // variant's `String` field is filled with `Default`).
    let expected = [21, 5, 6, 16, 7, 6];
    let mut counted = Vec::new();
    for (format, cx) in families() {
        let response = VolumeError::NotFound("vol-1".into()).to_response(format, &cx);
        let (status, headers, body): (StatusCode, &HeaderMap, &[u8]) =
            (response.status(), response.headers(), response.body());
        let (n, fault) = count(|| Fault::parse(status, headers, body));
        let (m, found) = count(|| VolumeError::from_fault(&fault));
        assert!(
            matches!(found, Some(VolumeError::NotFound(_))),
            "{format:?}"
        );
        assert_eq!(m, 0, "{format:?}: from_fault");
        counted.push(n);
    }
    assert_eq!(counted, expected);
}
