//! A query-compatible AWS JSON service (SQS): the type declares itself query-compatible and
//! each variant its legacy awsQuery code, so its JSON responses carry `x-amzn-query-error`
//! with no request-time setting; the awsQuery format sends the legacy code (and status);
//! parsing reads both, and `FromFault` matches either.

use fault_core::http::StatusCode;
use fault_core::{ApiFault, Context, ErrType, Fault, Format, FromFault};

#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(
    format = "aws_json10",
    namespace = "com.amazonaws.sqs",
    query_compatible
)]
enum SqsError {
    /// The specified queue doesn't exist.
    #[fault(
        code = 400,
        title = "QueueDoesNotExist",
        query_code = "AWS.SimpleQueueService.NonExistentQueue",
        message = "{0}"
    )]
    QueueDoesNotExist(String),
    /// Smithy's `@awsQueryError(code: "Customized", httpResponseCode: 402)`.
    #[fault(
        code = 400,
        title = "CustomCodeError",
        query_code = "Customized",
        query_status = 402,
        message = "Hi"
    )]
    CustomCode,
    /// No legacy code: the shape name is the query code too.
    #[fault(code = 500, title = "InternalError", message = "oops")]
    Internal,
}

fn missing() -> SqsError {
    SqsError::QueueDoesNotExist("The specified queue does not exist.".into())
}

#[test]
fn json_responses_carry_the_legacy_code_in_x_amzn_query_error() {
    let response = missing().response(&Context::new().with_request_id("req-1"));
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.headers()["x-amzn-query-error"],
        "AWS.SimpleQueueService.NonExistentQueue;Sender"
    );
    assert_eq!(
        response.body().as_ref(),
        br#"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}"#
    );
    // A 5xx is the receiver's fault; a variant without a legacy code sends its title.
    let internal = SqsError::Internal.response(&Context::new());
    assert_eq!(
        internal.headers()["x-amzn-query-error"],
        "InternalError;Receiver"
    );
}

#[test]
fn the_query_format_sends_the_legacy_code_and_status() {
    let response = SqsError::CustomCode.to_response(Format::AwsQuery, &Context::new());
    assert_eq!(response.status().as_u16(), 402);
    let body = std::str::from_utf8(response.body()).unwrap();
    assert!(body.contains("<Code>Customized</Code>"), "{body}");
    // awsJson keeps the JSON status; only awsQuery has the legacy one.
    assert_eq!(SqsError::CustomCode.response(&Context::new()).status(), 400);
    let response = missing().to_response(Format::AwsQuery, &Context::new());
    assert!(
        std::str::from_utf8(response.body())
            .unwrap()
            .contains("<Code>AWS.SimpleQueueService.NonExistentQueue</Code>")
    );
}

#[test]
fn parsing_reads_both_codes_and_from_fault_matches_either() {
    let fault = Fault::from_response(&missing().response(&Context::new()));
    assert_eq!(fault.title(), "QueueDoesNotExist");
    assert_eq!(
        fault.query_code(),
        Some("AWS.SimpleQueueService.NonExistentQueue")
    );
    assert_eq!(fault.err_type(), ErrType::Sender);
    assert!(fault.is_query_compatible());
    assert_eq!(SqsError::from_fault(&fault), Some(missing()));
    // Over the query protocol the body's Code is the legacy code: matched by it.
    let fault = Fault::from_response(&missing().to_response(Format::AwsQuery, &Context::new()));
    assert_eq!(fault.title(), "AWS.SimpleQueueService.NonExistentQueue");
    assert_eq!(SqsError::from_fault(&fault), Some(missing()));
    // A fault built in code with only the legacy code.
    let fault = Fault::new(StatusCode::BAD_REQUEST, "Unknown").with_query_code("Customized");
    assert_eq!(SqsError::from_fault(&fault), Some(SqsError::CustomCode));
}

#[test]
fn a_context_can_still_make_any_json_fault_query_compatible() {
    #[derive(Debug, ApiFault)]
    #[fault(format = "aws_json11")]
    enum Plain {
        #[fault(code = 404, title = "ResourceNotFoundException")]
        NotFound,
    }
    let cx = Context::new().with_query_compatible(true);
    let response = Plain::NotFound.response(&cx);
    assert_eq!(
        response.headers()["x-amzn-query-error"],
        "ResourceNotFoundException;Sender"
    );
    assert!(
        Plain::NotFound
            .response(&Context::new())
            .headers()
            .get("x-amzn-query-error")
            .is_none()
    );
}
