//! `source()` comes from a field marked `source` or `from` (or named `source`, as in
//! thiserror), and `from` also generates `From`.

use fault_core::ApiFault;
use std::error::Error as _;
use std::io;

#[derive(Debug, ApiFault)]
#[fault(code = 500)]
enum StorageError {
    #[fault(message = "read failed")]
    Read(#[fault(source)] io::Error),
    #[fault(message = "parse failed at {line}")]
    Parse {
        line: usize,
        #[fault(source)]
        cause: std::num::ParseIntError,
    },
    #[fault(code = 502, message = "upstream")]
    Upstream(#[fault(from)] std::fmt::Error),
    #[fault(message = "boxed")]
    Boxed(#[fault(source)] Box<dyn std::error::Error + Send + Sync>),
    #[fault(message = "maybe")]
    Maybe(#[fault(source)] Option<io::Error>),
    #[fault(message = "implicit")]
    Implicit { source: io::Error },
    #[fault(code = 404, message = "none")]
    NoSource,
}

#[test]
fn source_returns_the_marked_field() {
    let e = StorageError::Read(io::Error::other("disk"));
    assert_eq!(e.source().unwrap().to_string(), "disk");
    let cause = "x".parse::<u8>().unwrap_err();
    let e = StorageError::Parse { line: 3, cause };
    assert_eq!(e.to_string(), "parse failed at 3");
    assert!(e.source().unwrap().is::<std::num::ParseIntError>());
}

#[test]
fn a_boxed_dyn_error_is_a_source() {
    let e = StorageError::Boxed("boxed cause".into());
    assert_eq!(e.source().unwrap().to_string(), "boxed cause");
}

#[test]
fn an_optional_source_is_one_only_when_present() {
    assert!(StorageError::Maybe(None).source().is_none());
    let e = StorageError::Maybe(Some(io::Error::other("late")));
    assert_eq!(e.source().unwrap().to_string(), "late");
}

#[test]
fn a_field_named_source_is_the_source() {
    let e = StorageError::Implicit {
        source: io::Error::other("named"),
    };
    assert_eq!(e.source().unwrap().to_string(), "named");
}

#[test]
fn variants_without_a_source_have_none() {
    assert!(StorageError::NoSource.source().is_none());
}

#[test]
fn from_generates_from_and_is_the_source() {
    let e: StorageError = std::fmt::Error.into();
    assert!(matches!(e, StorageError::Upstream(_)));
    assert_eq!(e.status().as_u16(), 502);
    assert!(e.source().unwrap().is::<std::fmt::Error>());
}

fn parse_number(text: &str) -> Result<u32, NumberError> {
    let value = text.parse::<u32>()?;
    Ok(value)
}

#[derive(Debug, ApiFault)]
#[fault(code = 400, title = "InvalidParameterValue", message = "not a number")]
struct NumberError(#[fault(from)] std::num::ParseIntError);

#[test]
fn question_mark_converts_through_from() {
    let e = parse_number("ten").unwrap_err();
    assert_eq!(e.status().as_u16(), 400);
    assert_eq!(e.fault().message(), "not a number");
    assert!(e.source().is_some());
    assert_eq!(parse_number("10").unwrap(), 10);
}

#[test]
fn the_chain_is_walkable_through_dyn_error() {
    let e = StorageError::Read(io::Error::other("disk"));
    let mut chain = vec![e.to_string()];
    let mut next = e.source();
    while let Some(cause) = next {
        chain.push(cause.to_string());
        next = cause.source();
    }
    assert_eq!(chain, ["read failed", "disk"]);
}
