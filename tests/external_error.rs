//! `#[fault(external_error)]`: keep thiserror (or a hand-written impl) for `Display` and
//! `Error`; the derive adds only `ApiFault`.

use fault_core::ApiFault;
use std::error::Error as _;

#[derive(Debug, thiserror::Error, ApiFault)]
#[fault(external_error, format = "aws_query")]
enum CfnError {
    #[error("stack {0} does not exist")]
    #[fault(code = 400, title = "ValidationError")]
    NoSuchStack(String),
    #[error("the template is invalid")]
    #[fault(
        code = 400,
        title = "ValidationError",
        message = "Template format error"
    )]
    BadTemplate,
    #[error("database: {0}")]
    #[fault(code = 500, title = "InternalFailure")]
    Database(#[source] std::io::Error),
    #[error(transparent)]
    #[fault(transparent)]
    Other(#[from] OtherError),
}

#[derive(Debug, thiserror::Error, ApiFault)]
#[fault(external_error)]
#[error("throttled")]
#[fault(code = 429, title = "Throttling")]
struct OtherError;

#[test]
fn display_and_source_come_from_thiserror() {
    let e = CfnError::NoSuchStack("web".into());
    assert_eq!(e.to_string(), "stack web does not exist");
    let e = CfnError::Database(std::io::Error::other("disk"));
    assert_eq!(e.source().unwrap().to_string(), "disk");
}

#[test]
fn a_4xx_sends_the_thiserror_display() {
    let e = CfnError::NoSuchStack("web".into());
    assert_eq!(e.status().as_u16(), 400);
    assert_eq!(e.fault().message(), "stack web does not exist");
}

#[test]
fn a_fixed_message_overrides_the_display_on_the_wire() {
    let e = CfnError::BadTemplate;
    assert_eq!(e.to_string(), "the template is invalid");
    assert_eq!(e.fault().message(), "Template format error");
}

#[test]
fn a_5xx_keeps_its_display_internal() {
    let e = CfnError::Database(std::io::Error::other("secret"));
    assert_eq!(e.to_string(), "database: secret");
    assert_eq!(e.fault().message(), "Internal Server Error");
}

#[test]
fn transparent_works_with_thiserror_transparent() {
    let e: CfnError = OtherError.into();
    assert_eq!(e.status().as_u16(), 429);
    assert_eq!(e.title(), "Throttling");
    assert_eq!(e.fault().message(), "throttled");
}
