//! `#[fault(transparent)]` delegates everything, status included, to one inner `ApiFault`:
//! how an API enum wraps a storage-layer enum.

use fault_core::{ApiFault, ErrType};
use std::error::Error as _;
use std::io;

#[derive(Debug, ApiFault)]
#[fault(rename_all = "camelCase")]
enum StorageError {
    #[fault(code = 404, message = "volume {0} not found")]
    ItemNotFound(String),
    #[fault(code = 503, message = "backend down: {0}")]
    ServiceUnavailable(#[fault(source)] io::Error),
}

#[derive(Debug, ApiFault)]
#[fault(format = "openstack")]
enum ApiError {
    #[fault(code = 400, title = "badRequest", message = "bad request: {0}")]
    BadRequest(String),
    #[fault(transparent)]
    Storage(#[fault(from)] StorageError),
}

#[derive(Debug, ApiFault)]
#[fault(transparent)]
struct Wrapper(ApiError);

#[test]
fn transparent_delegates_every_fact() {
    let e = ApiError::Storage(StorageError::ItemNotFound("v1".into()));
    assert_eq!(e.status().as_u16(), 404);
    assert_eq!(e.title(), "itemNotFound");
    assert_eq!(e.err_type(), ErrType::Sender);
    assert_eq!(e.to_string(), "volume v1 not found");
    let fault = e.fault();
    assert_eq!(fault.title(), "itemNotFound");
    assert_eq!(fault.message(), "volume v1 not found");
    // The inner type sets no format; the wrapper's own default does not leak in.
    assert_eq!(fault.format(), None);
    assert_eq!(e.spec().unwrap().title(), "itemNotFound");
}

#[test]
fn transparent_delegates_source_and_5xx_safety() {
    let e = ApiError::Storage(StorageError::ServiceUnavailable(io::Error::other("secret")));
    assert_eq!(e.status().as_u16(), 503);
    assert_eq!(e.to_string(), "backend down: secret");
    assert_eq!(e.source().unwrap().to_string(), "secret");
    assert_eq!(e.fault().message(), "Service Unavailable");
}

#[test]
fn from_on_a_transparent_field_converts_with_question_mark() {
    fn lookup() -> Result<(), ApiError> {
        Err(StorageError::ItemNotFound("v2".into()))?;
        Ok(())
    }
    let e = lookup().unwrap_err();
    assert_eq!(e.title(), "itemNotFound");
}

#[test]
fn transparent_structs_nest() {
    let e = Wrapper(ApiError::BadRequest("size".into()));
    assert_eq!(e.status().as_u16(), 400);
    assert_eq!(e.title(), "badRequest");
    assert_eq!(e.to_string(), "bad request: size");
    let deep = Wrapper(ApiError::Storage(StorageError::ItemNotFound("v3".into())));
    assert_eq!(deep.fault().title(), "itemNotFound");
    assert_eq!(deep.spec().unwrap().status().as_u16(), 404);
}
