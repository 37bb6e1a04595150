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
//! | `title` | variant | wire name: AWS `Code`, OpenStack element, API-WG `title`; must be an XML name where it becomes an element | the variant's name under `rename_all` |
//! | `err_type` | type, variant | `"Sender"`, `"Receiver"` or `"Server"`, kept as written | the type's, else each family's word: `Sender` for 4xx; for 5xx `Receiver` in the AWS query and restXml shapes, `Server` in Heat's |
//! | `message` | variant | format string with thiserror's semantics: `{field}`, `{0}`, `{0:?}`, `{}` | none: `Display` writes the explanation |
//! | `args(...)` | variant | extra format arguments for `message`; `.field` and `.0` name fields | none |
//! | `explanation` | variant | the fixed, safe text of a variant whose message has placeholders | the message if it has no placeholders, else the status's reason phrase |
//! | `expose` | variant | flag: a 5xx variant's `Display` is safe to send | not exposed |
//! | `transparent` | variant | flag: delegate everything, status included, to the one field | off |
//! | `error_code` | type, variant | API-WG code, matching `^[a-z0-9._-]+$` | the type's, else none |
//! | `help_link` | variant | URI of the variant's documentation: API-WG's `links: [{"rel": "help", …}]` | none |
//! | `namespace` | type, variant | XML namespace of the fault element; the Smithy shape namespace of awsJson 1.0's `__type` | the type's, else none |
//! | `message_member` | type, variant | the message member's name as the model spells it (`Message`, `errorMessage`), an XML name, in the AWS formats | `message` in JSON, `Message` in XML |
//! | `query_code` | variant | the legacy awsQuery code (SQS's `AWS.SimpleQueueService.NonExistentQueue`): awsQuery's `<Code>` and `x-amzn-query-error` | the title |
//! | `query_status` | variant | the status awsQuery sends, where it differs (Smithy's `awsQueryError(httpResponseCode)`) | `code` |
//! | `query_compatible` | type | flag: AWS JSON responses carry `x-amzn-query-error: Code;Sender` (Smithy's `@awsQueryCompatible`); the format must be `aws_json10` or `aws_json11` if set | off |
//! | `problem_type` | variant | RFC 9457 `type`, a URI reference | the namespace and the title, else `about:blank` |
//! | `language` | type, variant | language tag of the messages: RFC 9457's `Content-Language` | none |
//! | `format` | type | default wire format: a [`Format::name`] such as `"aws_query"` | none |
//! | `dialect` | type | the OpenStack format's [`Dialect`]: `"nova"`, `"cinder"`, `"compute_schema"` | `nova` |
//! | `rename_all` | type | serde's rules: `"camelCase"`, `"snake_case"`, `"kebab-case"`, …; on a struct it renames its member fields too | names as written |
//! | `rename_all_fields` | enum | serde's rules, for the member fields of every variant | names as written |
//! | `external_error` | type | flag: `Display` and `Error` come from elsewhere (thiserror) | the derive writes them |
//! | `source` | field | flag: the field is `Error::source()` | a field named `source` |
//! | `from` | field | flag: the source, and `From<FieldType>` builds the variant | off |
//! | `member` | field | flag: the field is a member of the fault, its value typed ([`ToValue`], `serde::Serialize`, or `Display`) | not a member |
//! | `rename` | field | a member's name in the model | the field's name under the rename rules |
//! | `json_name`, `xml_name` | field | a member's name in JSON bodies (Smithy's `@jsonName`, honoured by all JSON formats but awsJson) and XML bodies (`@xmlName`) | its name |
//! | `header = "X-Name"` | field | the field is a member bound to that response header (Smithy's `@httpHeader`; the AWS RPC protocols put it in the body); the derive refuses a header the crate writes itself (`Content-Type`, `Content-Language`, `Vary`, the request-id, error-type and microversion headers), `Retry-After` beside a `retry_after` field, and a header another member has | not a header |
//! | `xml_item_name = "Name"` | field | the element name of a wrapped list member's items in XML (Smithy's `@xmlName` on the list's member); refused with `xml_flattened` or `xml_attribute` | the format's own: `member` (Smithy), the name less its `s` (nova), `i` (RFC 9457) |
//! | `xml_attribute`, `xml_flattened` | field | flags: the member is an XML attribute; a list or map member's items are not wrapped | an element; wrapped |
//! | `details`, `request_id`, `created`, `retry_after`, `validation_errors`, `instance` | field | roles: the field goes into that part of the [`Fault`] (and is read back from it) | no role |
//! | `parse_target` | variant | flag, [`FromFault`]: of the variants sharing one wire identity, the one a fault reads back as | required when an identity is shared |
//! | `catch_all` | variant | flag, [`FromFault`]: the one-field variant that receives a fault nothing else matches | none: `from_fault` returns `None` |
//! | `remote("Name", ...)` | variant | string literals, [`FromFault`]: upstream error names that [`FromFault::from_remote`] maps here | none |
//! | `remote_default` | variant | flag, [`FromFault`]: where `from_remote` maps a name no list has (Heat's `InternalFailure`) | `None` |
//!
//! # Members
//!
//! A field marked `member` becomes a member of the fault, its value as typed as the field:
//! strings, numbers, booleans, `Option`s (absent when `None`), lists, maps, timestamps, and
//! structures of your own (through [`ToValue`], or with the default `serde` feature any
//! `serde::Serialize` type). Each format writes it as it writes that type: a JSON value, XML
//! elements nested as Smithy's binding says (list items in `<member>` unless `xml_flattened`),
//! under the name the service's model gives it in that format. DynamoDB's cancellation
//! reasons, a list of structures, as awsJson 1.0 sends them:
//!
//! ```
//! # #[cfg(not(all(feature = "parse", feature = "serde")))] fn main() {}
//! # #[cfg(all(feature = "parse", feature = "serde"))]
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use fault_core::{ApiFault, Context, Fault, FromFault, Value};
//!
//! #[derive(Debug, serde::Serialize, serde::Deserialize, Default, PartialEq)]
//! #[serde(rename_all = "PascalCase")]
//! struct Reason {
//!     code: String,
//!     #[serde(skip_serializing_if = "Option::is_none")]
//!     message: Option<String>,
//! }
//!
//! #[derive(Debug, ApiFault, FromFault)]
//! #[fault(format = "aws_json10", namespace = "com.amazonaws.dynamodb.v20120810")]
//! enum DynamoError {
//!     #[fault(code = 400, title = "TransactionCanceledException", message = "Transaction cancelled")]
//!     TransactionCanceled {
//!         #[fault(member, rename = "CancellationReasons")]
//!         reasons: Vec<Reason>,
//!     },
//! }
//!
//! let err = DynamoError::TransactionCanceled {
//!     reasons: vec![Reason { code: "ConditionalCheckFailed".into(), message: None }],
//! };
//! let response = err.response(&Context::new());
//! assert_eq!(
//!     std::str::from_utf8(response.body())?,
//!     r#"{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","message":"Transaction cancelled","CancellationReasons":[{"Code":"ConditionalCheckFailed"}]}"#
//! );
//!
//! // The way back: a list read as a list, and into the typed field.
//! let fault = Fault::from_response(&response);
//! assert_eq!(fault.member("CancellationReasons").and_then(Value::as_list).map(<[_]>::len), Some(1));
//! let Some(DynamoError::TransactionCanceled { reasons }) = DynamoError::from_fault(&fault) else {
//!     return Err("not the variant".into());
//! };
//! assert_eq!(reasons[0].code, "ConditionalCheckFailed");
//! # Ok(())
//! # }
//! ```
//!
//! Names follow the model: `rename` (or `rename_all_fields` on an enum, `rename_all` on a
//! struct, as serde applies them), `json_name` and `xml_name` where a format spells it
//! otherwise, `message_member` for the message; `header = "X-Name"` binds a member to a
//! response header. A format with no place for a field's member or role is a compile error
//! at the field, naming the formats that have one ([`Format`] lists what each carries; for a
//! format chosen at run time, [`Fault::unsent`] says what would not be sent).
//!
//! ```
//! use fault_core::{ApiFault, Context, Format};
//!
//! #[derive(Debug, ApiFault)]
//! #[fault(format = "aws_rest_json", message_member = "Message", rename_all_fields = "PascalCase")]
//! enum GreetingError {
//!     #[fault(code = 400, title = "ComplexError", message = "Hi")]
//!     Complex {
//!         #[fault(header = "X-Header")]
//!         header: String,
//!         #[fault(member)]
//!         top_level: String,
//!     },
//! }
//!
//! let err = GreetingError::Complex { header: "Header".into(), top_level: "Top level".into() };
//! let response = err.response(&Context::new());
//! assert_eq!(response.headers()["x-amzn-errortype"], "ComplexError");
//! assert_eq!(response.headers()["x-header"], "Header");
//! assert_eq!(response.body().as_ref(), br#"{"Message":"Hi","TopLevel":"Top level"}"#);
//! // awsJson has no HTTP bindings: the header member is in the body there.
//! let json = err.to_response(Format::AwsJson11, &Context::new());
//! assert!(json.body().ends_with(br#""Header":"Header","TopLevel":"Top level"}"#));
//! ```
//!
//! ## Query compatibility
//!
//! An AWS JSON service that was a query service (SQS) sends each error's legacy code in
//! `x-amzn-query-error`; the type says it once, each variant its code:
//!
//! ```
//! # #[cfg(feature = "parse")] {
//! use fault_core::{ApiFault, Context, Fault, Format, FromFault};
//!
//! #[derive(Debug, PartialEq, ApiFault, FromFault)]
//! #[fault(format = "aws_json10", namespace = "com.amazonaws.sqs", query_compatible)]
//! enum SqsError {
//!     #[fault(code = 400, title = "QueueDoesNotExist",
//!             query_code = "AWS.SimpleQueueService.NonExistentQueue",
//!             message = "The specified queue does not exist.")]
//!     QueueDoesNotExist,
//! }
//!
//! let response = SqsError::QueueDoesNotExist.response(&Context::new());
//! assert_eq!(response.headers()["x-amzn-query-error"], "AWS.SimpleQueueService.NonExistentQueue;Sender");
//! assert!(response.body().starts_with(br#"{"__type":"com.amazonaws.sqs#QueueDoesNotExist""#));
//! // The query protocol sends the legacy code as its `Code`.
//! let query = SqsError::QueueDoesNotExist.to_response(Format::AwsQuery, &Context::new());
//! assert!(std::str::from_utf8(query.body()).unwrap().contains("<Code>AWS.SimpleQueueService.NonExistentQueue</Code>"));
//! // Both read back, and either finds the variant.
//! let fault = Fault::from_response(&response);
//! assert_eq!((fault.title(), fault.query_code()), ("QueueDoesNotExist", Some("AWS.SimpleQueueService.NonExistentQueue")));
//! assert_eq!(SqsError::from_fault(&fault), Some(SqsError::QueueDoesNotExist));
//! assert_eq!(SqsError::from_fault(&Fault::from_response(&query)), Some(SqsError::QueueDoesNotExist));
//! # }
//! ```
//!
//! ## Problem details
//!
//! RFC 9457's `type`, extension members with their JSON types, `instance` and the language:
//!
//! ```
//! use fault_core::{ApiFault, Context};
//!
//! #[derive(Debug, ApiFault)]
//! #[fault(format = "problem", language = "en")]
//! enum AccountError {
//!     #[fault(code = 403, title = "You do not have enough credit.",
//!             problem_type = "https://example.com/probs/out-of-credit",
//!             message = "Your current balance is {balance}, but that costs {cost}.")]
//!     OutOfCredit {
//!         #[fault(member)]
//!         balance: u32,
//!         cost: u32,
//!         #[fault(member)]
//!         accounts: Vec<&'static str>,
//!     },
//! }
//!
//! let err = AccountError::OutOfCredit { balance: 30, cost: 50, accounts: vec!["/account/12345"] };
//! let response = err.response(&Context::new().with_instance("/account/12345/msgs/abc"));
//! assert_eq!(response.headers()["content-language"], "en");
//! assert_eq!(
//!     std::str::from_utf8(response.body()).unwrap(),
//!     r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345"]}"#
//! );
//! // A request that asks for XML gets the RFC's `application/problem+xml`.
//! let xml = err.response(&Context::new().with_accept("application/problem+xml"));
//! assert!(std::str::from_utf8(xml.body()).unwrap().contains("<accounts><i>/account/12345</i></accounts>"));
//! ```
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
//! # Reading faults back
//!
//! On the client side, `#[derive(FromFault)]` turns a neutral [`Fault`] (as parsed from a
//! response) back into the enum, reading the same attributes. It is a second derive, beside
//! `ApiFault`, so that server-side types do not carry the code.
//!
//! A variant's *wire identity* is its title, its status and its API-WG `error_code` (its own,
//! else the type's). [`FromFault::from_fault`] finds the variant in this order:
//!
//! 1. if the fault has an API-WG [`code`](Fault::code), the variant whose own `error_code` is
//!    that code (preferring the one whose title also matches): codes identify errors, while
//!    Placement's titles are only reason phrases;
//! 2. else the variant whose title is the fault's: the one whose whole identity matches (for
//!    a fault with the type's default code, or with no code, the variants without a code of
//!    their own), else one with the title and no code of its own, else (for a fault without
//!    a code) any with the title. A variant whose own code differs from the fault's is never
//!    chosen by its title;
//! 3. else each `transparent` variant in turn, through its inner type's `FromFault` (which
//!    the inner type must implement);
//! 4. else the `catch_all` variant, whose one field receives the fault as a `Fault<'static>`
//!    (or `Box<Fault<'static>>`), or its message as a `String` (or `Box<str>`,
//!    `Cow<'static, str>`); the catch-all's own title is not matched in the steps above;
//! 5. else `None`.
//!
//! Variants sharing a wire identity (Heat's two `InvalidAction` classes, the many server
//! variants sharing `itemNotFound` at 404) are fine for `ApiFault`, but `FromFault` needs one
//! of them marked `parse_target`, the one the fault reads back as; the derive rejects the type
//! otherwise. Among several candidates in any step, the one with the fault's status wins (nova's
//! `overLimit` at 413 and at 429 need no `parse_target`), then the `parse_target`, then the
//! first declared.
//!
//! The fields of the variant found are filled from the fault:
//!
//! | Field | Receives | Types |
//! | --- | --- | --- |
//! | `details`, `request_id`, `created`, `instance` | that part, when present | `String`, `Box<str>`, `Cow<'static, str>`, or an `Option` of one (empty when absent) |
//! | `member` (and `header = "X-Name"`) | the member of that name (the header, else the body member, for a header member) | any [`FromValue`] type (strings, numbers, booleans, `Vec`, maps, `Option`s of them, `Value<'static>`), or with the `serde` feature any `serde::Deserialize + Default` type; absent or unreadable, [`FromValue::missing`] (or `Default`) |
//! | `retry_after` | the fault's `retry_after` | seconds as an integer (saturating), `Duration`, `SystemTime`, [`RetryAfter`], or an `Option` of one (zero, or `UNIX_EPOCH`, when absent) |
//! | `validation_errors` | each message | `Vec<String>` (or of `Box<str>`, `Cow<'static, str>`) |
//! | the field that is the whole message (`message = "{0}"` or `"{name}"`, nothing else) | the fault's message | as for `details` |
//! | any other field, sources included | `Default::default()` | any type with `Default`: make a source an `Option` |
//!
//! A field of any other type is a compile error at the field's type.
//!
//! ```
//! use fault_core::http::StatusCode;
//! use fault_core::{ApiFault, Fault, FromFault, RetryAfter};
//!
//! #[derive(Debug, ApiFault, FromFault)]
//! #[fault(format = "placement", error_code = "placement.undefined_code")]
//! enum PlacementError {
//!     #[fault(code = 409, title = "Conflict", error_code = "placement.concurrent_update", message = "{0}")]
//!     ConcurrentUpdate(String),
//!     #[fault(code = 409, title = "Conflict", message = "{0}")]
//!     Conflict(String),
//!     #[fault(code = 413, title = "Request Entity Too Large", message = "{message}")]
//!     TooLarge {
//!         message: String,
//!         #[fault(retry_after)]
//!         retry_after: Option<u64>,
//!         #[fault(source)]
//!         cause: Option<std::io::Error>, // never sent, so never read back: `None`
//!     },
//!     #[fault(code = 500, title = "Unknown", catch_all)]
//!     Unknown(Box<Fault<'static>>),
//! }
//!
//! // The code identifies the error, whatever the title.
//! let fault = Fault::new(StatusCode::CONFLICT, "Conflict")
//!     .with_code("placement.concurrent_update")
//!     .with_message("resource provider generation conflict");
//! let Some(PlacementError::ConcurrentUpdate(message)) = PlacementError::from_fault(&fault) else {
//!     panic!("expected ConcurrentUpdate");
//! };
//! assert_eq!(message, "resource provider generation conflict");
//!
//! // Without a code (an old microversion), the title: the variant without a code of its own.
//! let fault = Fault::new(StatusCode::CONFLICT, "Conflict").with_message("try again");
//! assert!(matches!(PlacementError::from_fault(&fault), Some(PlacementError::Conflict(m)) if m == "try again"));
//!
//! // Roles and the message field are filled; what a fault does not carry gets `Default`.
//! let fault = Fault::new(StatusCode::PAYLOAD_TOO_LARGE, "Request Entity Too Large")
//!     .with_message("too big")
//!     .with_retry_after(RetryAfter::Seconds(30));
//! let Some(PlacementError::TooLarge { message, retry_after, cause }) = PlacementError::from_fault(&fault) else {
//!     panic!("expected TooLarge");
//! };
//! assert_eq!((message.as_str(), retry_after, cause.is_none()), ("too big", Some(30), true));
//!
//! // Anything else lands in the catch-all, whole.
//! let fault = Fault::new(StatusCode::BAD_GATEWAY, "Bad Gateway").with_message("upstream");
//! let Some(PlacementError::Unknown(caught)) = PlacementError::from_fault(&fault) else {
//!     panic!("expected the catch-all");
//! };
//! assert_eq!(caught.status(), StatusCode::BAD_GATEWAY);
//! assert_eq!(caught.message(), "upstream");
//! ```
//!
//! ## Remote errors
//!
//! Heat turns its engine's exceptions, re-raised over RPC, into API faults by their class
//! name. `#[fault(remote("Name", ...))]` lists the names a variant stands for, and
//! `remote_default` marks where other names go; the derive then implements
//! [`FromFault::from_remote`]`(name, detail)`. The name is normalised as Heat does: a module
//! path before the last `.` and a trailing `_Remote` are stripped. It is then matched exactly
//! (Heat tests two of its groups with `in` on a plain string, a substring match by accident;
//! we do not reproduce that). A `details` field of the variant receives `detail`; the other
//! fields get `Default`.
//!
//! ```
//! use fault_core::{ApiFault, FromFault};
//!
//! #[derive(Debug, PartialEq, ApiFault, FromFault)]
//! #[fault(format = "heat")]
//! enum HeatError {
//!     #[fault(code = 400, title = "InvalidParameterValue", remote("ValueError", "StackValidationFailed"))]
//!     InvalidParameterValue {
//!         #[fault(details)]
//!         detail: Option<String>,
//!     },
//!     #[fault(code = 400, title = "AlreadyExists", remote("StackExists"))]
//!     AlreadyExists,
//!     #[fault(code = 500, title = "InternalFailure", remote_default)]
//!     InternalFailure,
//! }
//!
//! assert_eq!(
//!     HeatError::from_remote("heat.common.exception.StackValidationFailed_Remote", Some("bad")),
//!     Some(HeatError::InvalidParameterValue { detail: Some("bad".into()) })
//! );
//! assert_eq!(HeatError::from_remote("StackExists", None), Some(HeatError::AlreadyExists));
//! assert_eq!(HeatError::from_remote("Stack", None), Some(HeatError::InternalFailure));
//! ```
//!
//! # Serving
//!
//! [`ApiFault::to_response`] gives any server an `http::Response<Bytes>`. With a cargo
//! feature, a handler just returns `Result<_, YourError>`: the derive emits the framework's
//! trait for every derived type, and one layer per app, given the service's
//! [`ServiceProfile`], answers every response in the family's dialect: each error with the
//! request's [`Context`] (encoding by `Accept`, request id, microversion), request ids on
//! every response, the framework's own errors ([`FrameworkError`]) and panics as the family's
//! faults.
//!
//! | Feature | Gives |
//! | --- | --- |
//! | `axum` | `IntoResponse`, and `integrations::axum::FaultLayer` |
//! | `actix` | actix-web's `ResponseError`, and `integrations::actix::FaultMiddleware` |
//! | `tracing` | a span per request with its ids and W3C trace context; each fault served logged: 5xx at error level with the request id and the error chain, 4xx at debug; panics at error level |
//! | `server` | `integrations::{scope, respond, current_context}` for any server on tokio |
//!
//! None is on by default. The `integrations` module documents each, with tested examples,
//! and the one rule of layer order: the fault layer outermost among the layers that answer
//! requests themselves.
//!
//! The other features:
//!
//! | Feature | Gives | Default |
//! | --- | --- | --- |
//! | `parse` | [`Fault::parse`], `Fault::parse_with`, `Fault::from_response`, [`ParseLimits`]: reading any fault body back (quick-xml, serde_json) | on |
//! | `openapi` | `Catalogue::openapi` and `openapi_responses`: the faults as OpenAPI 3.1 (serde_json) | off |
//! | `stability` | `catalogue::assert_stable`: a test that keeps a published API's faults stable (serde_json) | off |
//! | `utoipa` | `utoipa::IntoResponses` for every derived type (with `openapi`) | off |
//!
//! Rendering needs none of them: a server that only sends faults can turn `parse` off
//! (`default-features = false`) and build without quick-xml and serde_json.
//!
//! # Catalogue
//!
//! The derive also emits the type's catalogue, as one `static` table read into an array on
//! first use: for each variant its
//! facts ([`FaultSpec`]: title, status, err_type, API-WG code, fixed message), its doc comment,
//! its `message` as written, and its fields with their roles ([`CatalogueEntry`],
//! [`FieldRole`]). [`ApiFault::catalogue`] hands it out without allocating; call it on the
//! type (`VolumeError::catalogue()`), as it is not part of the object-safe surface.
//! [`Catalogue`] reads it, replacing each `transparent` variant by the faults of the type it
//! wraps, sent in the outer type's format, and renders it:
//!
//! - [`Catalogue::markdown_table`] and [`Catalogue::rst_table`]: the fault table of the
//!   OpenStack API references (fault type, associated error code, description), the
//!   description being the doc comment's first paragraph, else the fixed message;
//! - [`Catalogue::error_codes_rst`] (and `_markdown`): Placement's list of API-WG codes;
//! - [`Catalogue::openapi`] (feature `openapi`): the `components` of an OpenAPI 3.1 document,
//!   a response and body schemas per fault, with examples written by the real renderer;
//!   [`Catalogue::openapi_responses`]: an operation's `responses`, keyed by status. With the
//!   `utoipa` cargo feature every derived type implements `utoipa::IntoResponses`;
//! - [`catalogue::assert_stable`] (feature `stability`): a test that fails when a published
//!   title, status or API-WG code changes, or a fault goes away, against a committed snapshot.
//!
//! ```
//! use fault_core::{ApiFault, Catalogue, FieldRole, Format};
//!
//! #[derive(Debug, ApiFault)]
//! #[fault(format = "openstack", rename_all = "camelCase")]
//! pub enum VolumeError {
//!     /// The back-end services did not find anything matching the Request-URI.
//!     ///
//!     /// Only the first paragraph goes into tables.
//!     #[fault(code = 404, message = "Volume {id} could not be found.")]
//!     ItemNotFound { id: String },
//!     /// Either the number of entities in the request is larger than allowed limits, or the
//!     /// user has exceeded allowable request rate limits.
//!     #[fault(code = 413, message = "Over the limit.")]
//!     OverLimit {
//!         #[fault(retry_after)]
//!         retry_after: u64,
//!     },
//! }
//!
//! let [not_found, _] = VolumeError::catalogue() else { unreachable!() };
//! assert_eq!(not_found.variant(), Some("ItemNotFound"));
//! assert_eq!(not_found.message(), Some("Volume {id} could not be found."));
//! assert_eq!(not_found.fields()[0].roles(), [FieldRole::Message]);
//! assert_eq!(not_found.spec().unwrap().title(), "itemNotFound");
//!
//! let catalogue = Catalogue::of::<VolumeError>();
//! assert_eq!(
//!     catalogue.markdown_table().lines().nth(2),
//!     Some("| `itemNotFound` | 404 | The back-end services did not find anything matching the Request-URI. |")
//! );
//! assert!(catalogue.iter().all(|fault| fault.format() == Format::OpenStack));
//!
//! # #[cfg(feature = "openapi")] {
//! let openapi = catalogue.openapi();
//! let over = &openapi["responses"]["VolumeError.OverLimit"];
//! assert_eq!(over["headers"]["retry-after"]["example"], "30");
//! assert_eq!(
//!     over["content"]["application/json; charset=UTF-8"]["example"]["overLimit"]["retryAfter"],
//!     "30"
//! );
//! assert_eq!(catalogue.openapi_responses()["404"]["$ref"], "#/components/responses/VolumeError.ItemNotFound");
//! # }
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
//!
//! `FromFault` adds its own: two variants with one wire identity and no `parse_target` (at the
//! second's title), a second `parse_target` for one identity, a second `catch_all` or
//! `remote_default`, a `catch_all` without exactly one field, `catch_all` beside
//! `parse_target` or `remote`, any of its keys on a `transparent` variant, and a `remote` list
//! that is empty, holds something other than string literals, repeats a name, or holds a name
//! that normalisation would change (`heat.common.exception.StackExists`, `NotFound_Remote`).
//! The mistakes `ApiFault` reports are not reported again. A field that cannot be filled (no
//! `Default`, or a role's type that cannot be read back, such as `&'static str`) is rustc's
//! error at the field's type.
#![warn(missing_docs)]

mod api_fault;
pub mod catalogue;
mod context;
mod err_type;
mod fault;
mod format;
mod framework;
mod from_fault;
mod ids;
#[cfg(feature = "server")]
pub mod integrations;
mod negotiate;
mod request;
mod response;
mod spec;
mod text;
mod value;
mod wire;

pub use api_fault::ApiFault;
pub use catalogue::{
    Catalogue, CatalogueEntry, CatalogueFault, CatalogueField, CatalogueMember, FieldRole,
};
pub use context::{Context, Microversion, TraceParent, is_valid_request_id, new_request_id};
pub use err_type::ErrType;
pub use fault::{Fault, Link, RetryAfter};
pub use fault_derive::ApiFault;
pub use fault_derive::FromFault;
pub use format::{Dialect, Format, UnknownDialect};
pub use framework::FrameworkError;
pub use from_fault::FromFault;
pub use negotiate::{Encoding, negotiate};
pub use request::{REQUEST_ID_HEADERS, RequestIdPolicy, ServiceProfile};
pub use response::ReasonPhrase;
pub use spec::FaultSpec;
pub use text::Text;
pub use value::{FromValue, Member, ToValue, Value};
#[cfg(feature = "parse")]
pub use wire::limits::ParseLimits;

/// The `http` crate this one builds on, re-exported so users name the same `StatusCode`.
pub use http;

#[doc(hidden)]
#[path = "private/mod.rs"]
pub mod __private;
