//! Safe by default (DESIGN.md §5): a 5xx fault sends its fixed text, never its `Display` or
//! source chain, unless the variant is marked `expose`; the full error stays available for logs.

use fault_core::ApiFault;
use std::io;

#[derive(Debug, ApiFault)]
enum ServiceError {
    #[fault(code = 500, title = "InternalFailure", message = "db error: {0}")]
    Database(String),
    #[fault(
        code = 500,
        title = "InternalFailure",
        message = "db error: {0}",
        explanation = "The request processing has failed due to an internal error"
    )]
    Explained(String),
    #[fault(
        code = 503,
        title = "ServiceUnavailable",
        message = "retry in {0}s",
        expose
    )]
    Exposed(u32),
    #[fault(code = 500, message = "Fixed text is already safe")]
    Fixed,
    #[fault(code = 502)]
    Wrapped(#[fault(source)] io::Error),
    #[fault(code = 404, message = "no volume {0}")]
    NotFound(String),
}

const SECRET: &str = "password=hunter2";

#[test]
fn a_5xx_interpolated_message_is_not_sent() {
    let e = ServiceError::Database(SECRET.into());
    assert_eq!(e.to_string(), format!("db error: {SECRET}"));
    let fault = e.fault();
    assert_eq!(fault.message(), "Internal Server Error");
    assert!(!fault.message().to_cow().contains("hunter2"));
    assert!(fault.details().is_none());
}

#[test]
fn explanation_is_the_text_sent_instead() {
    let e = ServiceError::Explained(SECRET.into());
    assert_eq!(
        e.fault().message(),
        "The request processing has failed due to an internal error"
    );
    assert_eq!(e.to_string(), format!("db error: {SECRET}"));
}

#[test]
fn expose_sends_the_display() {
    let e = ServiceError::Exposed(30);
    assert_eq!(e.fault().message(), "retry in 30s");
    assert!(e.spec().unwrap().exposed());
}

#[test]
fn a_fixed_5xx_message_is_sent() {
    assert_eq!(
        ServiceError::Fixed.fault().message(),
        "Fixed text is already safe"
    );
}

#[test]
fn a_source_never_reaches_the_message() {
    let e = ServiceError::Wrapped(io::Error::other(SECRET));
    assert_eq!(e.fault().message(), "Bad Gateway");
}

#[test]
fn the_internal_error_stays_reachable_for_logs() {
    let e = ServiceError::Database(SECRET.into());
    let fault = e.fault();
    let internal = fault.error().expect("the value itself");
    assert!(internal.to_string().contains("hunter2"));
    // An owned copy keeps only what may be sent.
    let owned = fault.into_owned();
    assert!(owned.error().is_none());
    assert_eq!(owned.message(), "Internal Server Error");
}

#[test]
fn a_4xx_message_is_sent() {
    assert_eq!(
        ServiceError::NotFound("v1".into()).fault().message(),
        "no volume v1"
    );
}
