//! The generated code is lint-clean: this file derives every shape under
//! `deny(warnings, clippy::pedantic)`, so `cargo clippy --all-targets -- -D warnings` (run in
//! CI) fails if an expansion trips a lint. "Should expand to" notes sit beside each shape.
#![deny(
    warnings,
    clippy::pedantic,
    rust_2018_idioms,
    unused_qualifications,
    missing_docs
)]
#![allow(dead_code)]

use fault_core::http::StatusCode;
use fault_core::{ApiFault, Fault, FromFault};

/// Should expand to: one static `Table` (one string holding each entry's facts, doc comment,
/// message and field roles; `Inner`'s a closure reaching `Small`'s catalogue), one `__fault_entry` match with six arms (indices, and a `return` for `Inner`),
/// `Display` with `write_str` for fixed text and `write!` for the interpolated arms, `Error`
/// with a `source` match and a `_ => None` arm, and `From<std::io::Error>`.
#[derive(Debug, ApiFault)]
#[fault(
    code = 400,
    format = "aws_query",
    namespace = "http://example.com/",
    rename_all = "camelCase"
)]
pub enum Everything {
    /// Unit, fixed message.
    #[fault(title = "AccessDenied", message = "denied")]
    Unit,
    /// Tuple, interpolated.
    #[fault(message = "tuple {0} {1:?}")]
    Tuple(u8, String),
    /// Struct, interpolated with extra args.
    #[fault(message = "{name} has {}", args(.items.len()))]
    Struct {
        /// A name.
        name: String,
        /// Items.
        items: Vec<u8>,
    },
    /// 5xx with a source and `from`.
    #[fault(code = 500, err_type = "Receiver", explanation = "internal")]
    Io(#[fault(from)] std::io::Error),
    /// Exposed 5xx.
    #[fault(code = 503, message = "retry in {0}", expose, error_code = "svc.busy")]
    Busy(u32),
    /// Delegates to another fault.
    #[fault(transparent)]
    Inner(Small),
}

/// A parameter bounded inline and wrapped: the `E: ApiFault` bound the derive adds must not
/// read as the user's second bound location (`clippy::multiple_bound_locations`).
#[derive(Debug, ApiFault)]
pub enum Bounded<E: ApiFault + 'static> {
    /// Delegates.
    #[fault(transparent)]
    Inner(E),
}

/// A small fault to wrap.
#[derive(Debug, ApiFault, FromFault)]
#[fault(code = 404, message = "missing")]
pub struct Small;

/// Generic, with a lifetime and a where clause. `FromFault` should add `T: Default` and
/// `E: Default` (the fields are filled with `Default`) and `Self: ApiFault` to its where clause.
#[derive(Debug, ApiFault, FromFault)]
pub enum Generic<'a, T: std::fmt::Debug, E>
where
    E: std::error::Error + 'static,
{
    /// Borrows.
    #[fault(code = 400, message = "{0} {1:?}")]
    Borrowed(&'a str, T),
    /// Generic source.
    #[fault(code = 500)]
    Source(#[fault(source)] E),
    /// Optional source.
    #[fault(code = 500)]
    Maybe(#[fault(source)] Option<E>),
}

/// Bounds declared inline: the bounds the derive adds for generic fields must not read as a
/// second place the user bounded them (clippy's `multiple_bound_locations`), so they should
/// expand with the derive's span, not the field type's.
#[derive(Debug, ApiFault, FromFault)]
pub enum InlineBounds<E: ApiFault + FromFault + 'static, S: std::error::Error + Default + 'static> {
    /// Delegates to a generic fault.
    #[fault(transparent)]
    Inner(E),
    /// A generic source.
    #[fault(code = 500, message = "{0}")]
    Source(#[fault(source)] S),
}

/// Every field role; should expand to a `fault()` with one `match` that sets each role, and a
/// `from_fault` that fills each role from the fault.
#[derive(Debug, ApiFault, FromFault)]
#[fault(code = 413)]
pub enum Roles {
    /// All roles.
    #[fault(message = "over limit")]
    All {
        /// Details.
        #[fault(details)]
        details: String,
        /// Seconds.
        #[fault(retry_after)]
        retry: Option<u32>,
        /// Request id.
        #[fault(request_id)]
        id: String,
        /// Validation errors.
        #[fault(validation_errors)]
        errors: Vec<String>,
        /// Created.
        #[fault(created)]
        created: Option<String>,
        /// A member.
        #[fault(member, rename = "Resource")]
        resource: String,
        /// A list member, flattened in XML.
        #[fault(member, rename = "Tags", xml_name = "Tag", xml_flattened)]
        tags: Vec<String>,
        /// A member bound to a header.
        #[fault(header = "X-Limit", json_name = "limit")]
        limit: Option<u64>,
        /// A member whose type is `Serialize` and `Deserialize` (through serde).
        #[fault(member, rename = "Address")]
        address: Option<std::net::Ipv4Addr>,
        /// RFC 9457's instance.
        #[fault(instance)]
        instance: String,
    },
    /// No roles.
    None,
}

/// The facts of AWS query compatibility and RFC 9457, in one type.
#[derive(Debug, ApiFault, FromFault)]
#[fault(
    format = "aws_json10",
    namespace = "com.amazonaws.sqs",
    query_compatible,
    message_member = "Message",
    language = "en",
    rename_all_fields = "PascalCase"
)]
pub enum Facts {
    /// A legacy query code and status.
    #[fault(
        code = 400,
        title = "QueueDoesNotExist",
        query_code = "AWS.SimpleQueueService.NonExistentQueue",
        query_status = 400,
        problem_type = "https://example.com/probs/no-queue"
    )]
    NoQueue {
        /// A member named by the rule.
        #[fault(member)]
        queue_url: String,
    },
}

/// Empty; `from_fault` should be `None` alone.
#[derive(Debug, ApiFault, FromFault)]
pub enum Empty {}

/// Transparent struct.
#[derive(Debug, ApiFault)]
#[fault(transparent)]
pub struct Wrapper(Everything);

/// Named-field struct; `from_fault` should test its one identity with `is_some()`.
#[derive(Debug, ApiFault, FromFault)]
#[fault(code = 409, message = "conflict on {resource}")]
pub struct Conflict {
    /// The resource.
    pub resource: String,
}

/// Every `FromFault` key. Should expand to a static `[Identity; 3]` (the transparent and
/// catch-all variants are not in it), a `match` on the index found, the transparent
/// variant's `from_fault`, then the catch-all; and a `from_remote` matching the two lists,
/// with `Internal` as the default.
#[derive(Debug, ApiFault, FromFault)]
#[fault(code = 400)]
pub enum ReadBack {
    /// Shares its identity with `Target`.
    #[fault(title = "InvalidAction", remote("StackExists"))]
    Shared,
    /// The parse target of `InvalidAction`.
    #[fault(
        title = "InvalidAction",
        parse_target,
        remote("ValueError", "KeyError")
    )]
    Target {
        /// Filled with the remote error's detail.
        #[fault(details)]
        details: Option<String>,
    },
    /// The remote default, with the message as a field.
    #[fault(code = 500, message = "{0}", remote_default)]
    Internal(String),
    /// Delegates.
    #[fault(transparent)]
    Inner(Small),
    /// Everything else.
    #[fault(code = 502, catch_all)]
    Other(Box<Fault<'static>>),
}

/// A transparent struct; `from_fault` should only delegate.
#[derive(Debug, ApiFault, FromFault)]
#[fault(transparent)]
pub struct ReadBackWrapper(ReadBack);

#[test]
fn the_shapes_compile_under_deny_pedantic() {
    assert_eq!(Wrapper(Everything::Unit).title(), "AccessDenied");
    assert_eq!(Everything::Tuple(1, "a".into()).title(), "tuple");
    assert_eq!(
        Conflict {
            resource: "r".into()
        }
        .status()
        .as_u16(),
        409
    );
    let fault = Fault::new(StatusCode::NOT_FOUND, "Small");
    assert!(matches!(
        ReadBackWrapper::from_fault(&fault),
        Some(ReadBackWrapper(ReadBack::Inner(Small)))
    ));
    assert!(Empty::from_fault(&fault).is_none());
    assert_eq!(Everything::catalogue().len(), 6);
    assert_eq!(Bounded::<Small>::catalogue().len(), 1);
}
