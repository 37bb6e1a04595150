//! The AWS family's faults for framework errors.
//!
//! Sources: S3's error code list and recordings of real S3 (localstack's AWS-validated
//! snapshots, which drop the final period of `MalformedXML` and `NoSuchBucket`); the "Common
//! Errors" list of the query APIs; Heat's `heat/api/aws/exception.py`; what real AWS JSON
//! services send for an unknown target (`{"__type": "UnknownOperationException"}`, 400); and
//! the smithy-rs server's runtime errors for the REST protocols (`UnknownOperationException`,
//! `SerializationException`, `UnsupportedMediaTypeException`, `NotAcceptableException`,
//! `InternalFailureException`). A status a family has no code for is named by its reason
//! phrase in one word (`NotAcceptable`).

use super::{FrameworkError as E, fault, method, status_code_word};
use crate::{Context, Fault, Format, Member};

/// The fault of `format` for `error`, or the status's own where the family has no code.
pub(super) fn for_error(format: Format, error: E, cx: &Context<'_>) -> Fault<'static> {
    let known = match format {
        Format::S3 => s3(error, cx),
        Format::Heat => heat(error),
        Format::AwsQuery | Format::Ec2Query => query(error),
        Format::AwsJson10 | Format::AwsJson11 => json_rpc(error),
        _ => rest(format, error),
    };
    known.unwrap_or_else(|| {
        let status = error.status();
        Fault::new(status, status_code_word(status))
    })
}

/// S3: the codes of its list, with S3's statuses (a too large body and a timeout are 400).
fn s3(error: E, cx: &Context<'_>) -> Option<Fault<'static>> {
    let path = cx.instance.as_deref().unwrap_or("/");
    let mut segments = path.trim_start_matches('/').splitn(2, '/');
    let bucket = segments.next().filter(|b| !b.is_empty());
    let has_key = segments.next().is_some_and(|key| !key.is_empty());
    Some(match error {
        E::NotFound => {
            let fault = fault(404, "NoSuchBucket", "The specified bucket does not exist");
            match bucket {
                Some(bucket) => fault.with_member(Member::new("BucketName", bucket.to_owned())),
                None => fault,
            }
        }
        E::MethodNotAllowed => fault(
            405,
            "MethodNotAllowed",
            "The specified method is not allowed against this resource.",
        )
        .with_member(Member::new("Method", method(cx).to_owned()))
        .with_member(Member::new(
            "ResourceType",
            if has_key { "OBJECT" } else { "BUCKET" },
        )),
        E::BadRequest | E::MissingAction | E::InvalidAction => fault(
            400,
            "MalformedXML",
            "The XML you provided was not well-formed or did not validate against our published schema",
        ),
        E::PayloadTooLarge => fault(
            400,
            "EntityTooLarge",
            "Your proposed upload exceeds the maximum allowed object size.",
        ),
        E::Timeout => fault(
            400,
            "RequestTimeout",
            "Your socket connection to the server was not read from or written to within the timeout period.",
        ),
        E::Internal => fault(
            500,
            "InternalError",
            "We encountered an internal error. Please try again.",
        ),
        E::Status(status) => match status.as_u16() {
            403 => fault(403, "AccessDenied", "Access Denied"),
            411 => fault(
                411,
                "MissingContentLength",
                "You must provide the Content-Length HTTP header.",
            ),
            501 => fault(
                501,
                "NotImplemented",
                "A header you provided implies functionality that is not implemented.",
            ),
            503 => fault(503, "ServiceUnavailable", "Reduce your request rate."),
            _ => return None,
        },
        E::UnsupportedMediaType | E::NotAcceptable => return None,
    })
}

/// The query protocols' common errors (awsQuery, ec2Query).
fn query(error: E) -> Option<Fault<'static>> {
    Some(match error {
        E::NotFound | E::MethodNotAllowed | E::InvalidAction => fault(
            400,
            "InvalidAction",
            "The action or operation requested is invalid. Verify that the action is typed correctly.",
        ),
        E::MissingAction => fault(
            400,
            "MissingAction",
            "The request is missing an action or a required parameter.",
        ),
        E::BadRequest => fault(
            404,
            "MalformedQueryString",
            "The query string contains a syntax error.",
        ),
        E::UnsupportedMediaType => fault(
            400,
            "InvalidQueryParameter",
            "The AWS query string is malformed or does not adhere to AWS standards.",
        ),
        E::Internal => fault(
            500,
            "InternalFailure",
            "The request processing has failed because of an unknown error, exception or failure.",
        ),
        E::Status(status) if status.as_u16() == 503 => fault(
            503,
            "ServiceUnavailable",
            "The request has failed due to a temporary failure of the server.",
        ),
        _ => return None,
    })
}

/// The titles of Heat's faults below, which Heat sends as the reason phrase: the `'static`
/// strings a framework that takes only those (actix-web) can send.
#[cfg(feature = "actix")]
pub(super) const HEAT_TITLES: [&str; 7] = [
    "InvalidAction",
    "MalformedQueryString",
    "InvalidQueryParameter",
    "RequestLimitExceeded",
    "InternalFailure",
    "AccessDenied",
    "ServiceUnavailable",
];

/// Heat's CloudFormation-compatible API: its own exception classes. Heat answers a missing
/// `Action` with `InvalidAction` too (its `MissingAction` is never raised).
fn heat(error: E) -> Option<Fault<'static>> {
    Some(match error {
        E::NotFound | E::MethodNotAllowed | E::InvalidAction | E::MissingAction => fault(
            400,
            "InvalidAction",
            "The action or operation requested is invalid",
        ),
        E::BadRequest => fault(404, "MalformedQueryString", "The query string is malformed"),
        E::UnsupportedMediaType => fault(
            400,
            "InvalidQueryParameter",
            "AWS query string is malformed, does not adhere to AWS spec",
        ),
        E::PayloadTooLarge => fault(
            400,
            "RequestLimitExceeded",
            "Payload exceeds maximum allowed size",
        ),
        E::Internal => fault(
            500,
            "InternalFailure",
            "The request processing has failed due to an internal error",
        ),
        E::Status(status) => match status.as_u16() {
            403 => fault(
                403,
                "AccessDenied",
                "User is not authorized to perform action",
            ),
            503 => fault(503, "ServiceUnavailable", "Service temporarily unavailable"),
            _ => return None,
        },
        E::NotAcceptable | E::Timeout => return None,
    })
}

/// awsJson 1.0 and 1.1: one endpoint, `POST /`, so a wrong path or method is an unknown
/// operation, answered as real services do (400, no message); a body, content type or
/// `Accept` the service cannot take is a `SerializationException`, as smithy-rs answers.
fn json_rpc(error: E) -> Option<Fault<'static>> {
    Some(match error {
        E::NotFound | E::MethodNotAllowed | E::InvalidAction | E::MissingAction => {
            fault(400, "UnknownOperationException", "")
        }
        E::BadRequest | E::UnsupportedMediaType | E::NotAcceptable => {
            fault(400, "SerializationException", "")
        }
        E::Internal => fault(
            500,
            "InternalFailure",
            "The request processing has failed because of an unknown error, exception or failure.",
        ),
        _ => return None,
    })
}

/// restJson1 and restXml, as the smithy-rs server answers (restXml reads an unacceptable
/// `Accept` as a serialization error).
fn rest(format: Format, error: E) -> Option<Fault<'static>> {
    Some(match error {
        E::NotFound | E::InvalidAction | E::MissingAction => {
            fault(404, "UnknownOperationException", "")
        }
        E::MethodNotAllowed => fault(405, "UnknownOperationException", ""),
        E::BadRequest => fault(400, "SerializationException", ""),
        E::UnsupportedMediaType => fault(415, "UnsupportedMediaTypeException", ""),
        E::NotAcceptable if format == Format::AwsRestJson => {
            fault(406, "NotAcceptableException", "")
        }
        E::NotAcceptable => fault(400, "SerializationException", ""),
        E::Internal => fault(500, "InternalFailureException", ""),
        _ => return None,
    })
}
