//! Standards-exact AWS- and OpenStack-style error responses from an annotated error enum.
//!
//! Write your error enum, add `#[derive(ApiFault)]` and one `#[fault(...)]` per variant, and
//! get the HTTP status, the wire name (AWS `Code`, OpenStack fault element), which side is at
//! fault, `Display`, `std::error::Error`, `From` conversions, and a [`Fault`] record that the
//! wire formats render, with every mistake in the annotations reported at compile time.
//!
//! ```
//! use fault_core::{ApiFault, ErrType};
//!
//! #[derive(Debug, ApiFault)]
//! #[fault(format = "openstack", rename_all = "camelCase")]
//! pub enum VolumeError {
//!     /// The back-end services did not find anything matching the Request-URI.
//!     #[fault(code = 404, message = "Volume {0} could not be found.")]
//!     ItemNotFound(String),
//!     /// The user request contains one or more errors.
//!     #[fault(code = 400, message = "Volume 'size' must be an integer: {0}")]
//!     BadRequest(#[fault(from)] std::num::ParseIntError),
//!     /// A generic server error; its detail is logged, never sent.
//!     #[fault(code = 500, message = "backend failure: {0}")]
//!     InstanceFault(#[fault(source)] std::io::Error),
//! }
//!
//! fn parse_size(text: &str) -> Result<u32, VolumeError> {
//!     Ok(text.parse()?) // `from` made `?` convert the ParseIntError
//! }
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let err = parse_size("-1").unwrap_err();
//! assert_eq!(err.status().as_u16(), 400);
//! assert_eq!(err.title(), "badRequest");
//! assert_eq!(err.err_type(), ErrType::Sender);
//! assert_eq!(err.to_string(), "Volume 'size' must be an integer: invalid digit found in string");
//!
//! let size = parse_size("10")?;
//! assert_eq!(size, 10);
//!
//! // A 5xx sends its fixed text; the detail stays in Display and the source chain, for logs.
//! let err = VolumeError::InstanceFault(std::io::Error::other("disk /dev/sdb1 on fire"));
//! assert_eq!(err.fault().message(), "Internal Server Error");
//! assert_eq!(err.to_string(), "backend failure: disk /dev/sdb1 on fire");
//! # Ok(())
//! # }
//! ```
//!
//! # Attributes
//!
//! All keys live in one attribute, `#[fault(...)]`, each with one syntax. On a struct, the
//! type's keys and the variant's keys go together on the struct.
//!
//! | Key | Where | Value | Default |
//! | --- | --- | --- | --- |
//! | `code` | type, variant | HTTP status, an integer literal in 400..=599 | the type's `code`; required if neither sets one |
//! | `title` | variant | wire name: AWS `Code`, OpenStack element, API-WG `title`; must be an XML name | the variant's name under `rename_all` |
//! | `err_type` | type, variant | `"Sender"`, `"Receiver"` or `"Server"`, kept as written | the type's, else `Server` for 5xx and `Sender` otherwise (Heat's rule) |
//! | `message` | variant | format string with thiserror's semantics: `{field}`, `{0}`, `{0:?}`, `{}` | none: `Display` writes the explanation |
//! | `args(...)` | variant | extra format arguments for `message`; `.field` and `.0` name fields | none |
//! | `explanation` | variant | the fixed, safe text of a variant whose message has placeholders | the message if it has no placeholders, else the status's reason phrase |
//! | `expose` | variant | flag: a 5xx variant's `Display` is safe to send | not exposed |
//! | `transparent` | variant | flag: delegate everything, status included, to the one field | off |
//! | `error_code` | type, variant | API-WG code, matching `^[a-z0-9._-]+$` | the type's, else none |
//! | `namespace` | type, variant | XML namespace of the fault element | the type's, else none |
//! | `format` | type | default wire format: a [`Format::name`] such as `"aws_query"` | none |
//! | `rename_all` | type | serde's rules: `"camelCase"`, `"snake_case"`, `"kebab-case"`, … | names as written |
//! | `external_error` | type | flag: `Display` and `Error` come from elsewhere (thiserror) | the derive writes them |
//! | `source` | field | flag: the field is `Error::source()` | a field named `source` |
//! | `from` | field | flag: the source, and `From<FieldType>` builds the variant | off |
//!
//! # Messages
//!
//! `message` is a format string, as in thiserror: `{name}` and `{0}` read the variant's fields,
//! format specs apply (`{0:?}`, `{size:>8}`), and `{}` takes the next of `args(...)`, where a
//! leading `.field` or `.0` reads a field:
//!
//! ```
//! use fault_core::ApiFault;
//!
//! const MAX_NAME: usize = 255;
//!
//! #[derive(Debug, ApiFault)]
//! #[fault(code = 400)]
//! enum CfnError {
//!     #[fault(title = "ValidationError", message = "Stack name is {} characters, over {MAX_NAME}",
//!             args(.0.len(), MAX_NAME = MAX_NAME))]
//!     NameTooLong(String),
//!     #[fault(title = "InvalidParameterValue", message = "Parameter {name} has an invalid value {value:?}")]
//!     BadParameter { name: String, value: String },
//! }
//!
//! let err = CfnError::NameTooLong("x".repeat(300));
//! assert_eq!(err.to_string(), "Stack name is 300 characters, over 255");
//! ```
//!
//! A message without placeholders is the variant's fixed text. A variant without a message
//! displays its `explanation`, or the reason phrase of its status. The message is not collected
//! into a `String`: the fault's [`Text`] formats the value when it is written.
//!
//! # Safe by default
//!
//! A 5xx fault never sends its `Display` or source chain unless the variant is marked
//! `expose`: [`ApiFault::fault`] carries the variant's fixed text (its fixed message, its
//! `explanation`, or the reason phrase) while [`Fault::error`] keeps the whole error for logs.
//!
//! ```
//! use fault_core::ApiFault;
//!
//! #[derive(Debug, ApiFault)]
//! enum HeatError {
//!     #[fault(code = 500, title = "InternalFailure", message = "engine said: {0}",
//!             explanation = "The request processing has failed due to an internal error")]
//!     InternalFailure(String),
//!     #[fault(code = 503, title = "ServiceUnavailable", message = "Retry in {0} seconds", expose)]
//!     Unavailable(u32),
//! }
//!
//! let err = HeatError::InternalFailure("connection to db:5432 refused".into());
//! assert_eq!(err.fault().message(), "The request processing has failed due to an internal error");
//! assert!(err.fault().error().unwrap().to_string().contains("db:5432"));
//! assert_eq!(HeatError::Unavailable(30).fault().message(), "Retry in 30 seconds");
//! ```
//!
//! # Wrapping errors
//!
//! `#[fault(source)]` marks a field as the `source()`; `#[fault(from)]` does too and generates
//! `From`, so `?` converts. `#[fault(transparent)]` on a one-field variant delegates status,
//! title, err_type, message, `Display` and `source` to the inner fault: how an API enum wraps a
//! storage-layer enum.
//!
//! ```
//! use fault_core::ApiFault;
//!
//! #[derive(Debug, ApiFault)]
//! #[fault(rename_all = "camelCase")]
//! enum StorageError {
//!     #[fault(code = 404, message = "Volume {0} could not be found.")]
//!     ItemNotFound(String),
//! }
//!
//! #[derive(Debug, ApiFault)]
//! enum ApiError {
//!     #[fault(code = 400, title = "badRequest", message = "{0}")]
//!     BadRequest(String),
//!     #[fault(transparent)]
//!     Storage(#[fault(from)] StorageError),
//! }
//!
//! fn show(id: &str) -> Result<(), ApiError> {
//!     Err(StorageError::ItemNotFound(id.into()))?
//! }
//!
//! let err = show("vol-1").unwrap_err();
//! assert_eq!(err.status().as_u16(), 404);
//! assert_eq!(err.title(), "itemNotFound");
//! ```
//!
//! # Keeping thiserror
//!
//! Many enums already derive `thiserror::Error`. `#[fault(external_error)]` leaves `Display`
//! and `Error` to it and adds only `ApiFault`; the wire message of a 4xx variant is then the
//! thiserror `Display`, unless the variant sets a fixed `message`.
//!
//! ```
//! use fault_core::ApiFault;
//!
//! #[derive(Debug, thiserror::Error, ApiFault)]
//! #[fault(external_error, format = "aws_query")]
//! enum CfnError {
//!     #[error("Stack with id {0} does not exist")]
//!     #[fault(code = 400, title = "ValidationError")]
//!     NoSuchStack(String),
//!     #[error("database unavailable")]
//!     #[fault(code = 500, title = "InternalFailure")]
//!     Database(#[source] std::io::Error),
//! }
//!
//! let err = CfnError::NoSuchStack("web".into());
//! assert_eq!(err.fault().message(), "Stack with id web does not exist");
//! ```
//!
//! # Compile errors
//!
//! Every mistake is a compile error at its culprit, all of them in one compile: a variant
//! without a `code` (at its name); a `code` that is not an integer in 400..=599, an unknown
//! `err_type`, `format` or `rename_all` value, an `error_code` not matching `^[a-z0-9._-]+$`, a
//! `title` that is not an XML name, an empty namespace (at the literal); an unknown key (with
//! the closest key suggested), a key in the wrong place, a duplicate key, a flag given a value
//! (at the key); a message placeholder naming no field or an out-of-range index, an unclosed
//! brace; two sources in a variant, `from` beside other fields or twice for one type;
//! `transparent` without exactly one field or beside other keys; `explanation` beside a fixed
//! message; placeholders with `external_error`; and the derive on a union. Beside the errors
//! the derive emits stand-in impls, so code using the type reports nothing more.
#![warn(missing_docs)]

mod api_fault;
mod context;
mod err_type;
mod fault;
mod format;
mod negotiate;
mod response;
mod spec;
mod text;
mod wire;

pub use api_fault::ApiFault;
pub use context::{Context, Microversion, is_valid_request_id, new_request_id};
pub use err_type::ErrType;
pub use fault::{Extra, Fault, RetryAfter};
pub use fault_derive::ApiFault;
pub use format::Format;
pub use negotiate::{Encoding, negotiate};
pub use response::ReasonPhrase;
pub use spec::FaultSpec;
pub use text::Text;

/// The `http` crate this one builds on, re-exported so users name the same `StatusCode`.
pub use http;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
