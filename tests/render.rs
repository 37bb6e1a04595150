//! Every wire format renders the status, headers and bytes its producers send.

use fault_core::{ApiFault, Context, Format, Microversion, ReasonPhrase, RetryAfter};
use http::Method;

type Response = http::Response<bytes::Bytes>;

fn body(response: &Response) -> &str {
    std::str::from_utf8(response.body()).expect("UTF-8 body")
}

fn header<'r>(response: &'r Response, name: &str) -> Option<&'r str> {
    response.headers().get(name).map(|v| v.to_str().unwrap())
}

#[derive(Debug, ApiFault)]
#[fault(
    format = "aws_query",
    namespace = "https://iam.amazonaws.com/doc/2010-05-08/"
)]
enum IamError {
    #[fault(
        code = 404,
        title = "NoSuchEntity",
        message = "The user with name {0} cannot be found."
    )]
    NoSuchEntity(String),
    #[fault(
        code = 500,
        title = "ServiceFailure",
        err_type = "Receiver",
        message = "db: {0}"
    )]
    ServiceFailure(String),
}

#[test]
fn aws_query() {
    let cx = Context::new().with_request_id("c0a3e8f1-req");
    let response = IamError::NoSuchEntity("bob".into()).response(&cx);
    assert_eq!(response.status(), 404);
    assert_eq!(header(&response, "content-type"), Some("text/xml"));
    assert_eq!(header(&response, "x-amzn-requestid"), Some("c0a3e8f1-req"));
    assert_eq!(
        body(&response),
        "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>\
         <Code>NoSuchEntity</Code><Message>The user with name bob cannot be found.</Message></Error>\
         <RequestId>c0a3e8f1-req</RequestId></ErrorResponse>"
    );
    let response = IamError::ServiceFailure("secret".into()).response(&Context::new());
    assert_eq!(
        body(&response),
        "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Receiver</Type>\
         <Code>ServiceFailure</Code><Message>Internal Server Error</Message></Error></ErrorResponse>"
    );
}

#[test]
fn aws_rest_xml_is_the_query_shape_as_application_xml() {
    let response =
        IamError::NoSuchEntity("bob".into()).to_response(Format::AwsRestXml, &Context::new());
    assert_eq!(header(&response, "content-type"), Some("application/xml"));
    assert!(body(&response).starts_with("<ErrorResponse xmlns="));
}

#[derive(Debug, ApiFault)]
#[fault(format = "heat")]
enum HeatError {
    #[fault(
        code = 400,
        title = "InvalidAction",
        message = "The action or operation requested is invalid"
    )]
    InvalidAction,
    #[fault(
        code = 400,
        title = "InvalidParameterValue",
        message = "A bad or out-of-range value was supplied"
    )]
    InvalidParameterValue(#[fault(details)] String),
    #[fault(
        code = 500,
        title = "InternalFailure",
        message = "The request processing has failed due to an internal error"
    )]
    InternalFailure,
}

#[test]
fn heat_matches_the_seed_byte_for_byte() {
    let response = HeatError::InvalidAction.response(&Context::new());
    assert_eq!(response.status(), 400);
    assert_eq!(
        header(&response, "content-type"),
        Some("application/xml; charset=UTF-8")
    );
    assert_eq!(
        response
            .extensions()
            .get::<ReasonPhrase>()
            .map(ReasonPhrase::as_str),
        Some("InvalidAction")
    );
    assert_eq!(
        body(&response),
        "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code>\
         <Message>The action or operation requested is invalid</Message></Error></ErrorResponse>"
    );
}

#[test]
fn heat_joins_a_detail_with_a_colon() {
    let response = HeatError::InvalidParameterValue("StackName".into()).response(&Context::new());
    assert!(
        body(&response)
            .contains("<Message>A bad or out-of-range value was supplied:StackName</Message>")
    );
    let response = HeatError::InternalFailure.response(&Context::new());
    assert!(body(&response).contains("<Type>Server</Type>"));
}

#[derive(Debug, ApiFault)]
#[fault(format = "ec2_query")]
enum Ec2Error {
    #[fault(
        code = 400,
        title = "InvalidInstanceID.NotFound",
        message = "The instance ID 'i-1' does not exist"
    )]
    InstanceNotFound,
}

#[test]
fn ec2_query() {
    let response = Ec2Error::InstanceNotFound.response(&Context::new().with_request_id("ec2-id"));
    assert_eq!(
        header(&response, "content-type"),
        Some("text/xml;charset=UTF-8")
    );
    assert_eq!(
        body(&response),
        "<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code>\
         <Message>The instance ID 'i-1' does not exist</Message></Error></Errors>\
         <RequestID>ec2-id</RequestID></Response>"
    );
}

#[derive(Debug, ApiFault)]
#[fault(format = "aws_json10", namespace = "aws.protocoltests.json10")]
enum JsonError {
    #[fault(code = 400, title = "InvalidGreeting", message = "Hi")]
    InvalidGreeting,
    #[fault(code = 400, title = "ComplexError", message = "Hi")]
    ComplexError {
        #[fault(member, rename = "TopLevel")]
        top_level: String,
    },
}

#[test]
fn aws_json_10_and_11() {
    let cx = Context::new().with_request_id("json-id");
    let response = JsonError::InvalidGreeting.response(&cx);
    assert_eq!(
        header(&response, "content-type"),
        Some("application/x-amz-json-1.0")
    );
    assert_eq!(header(&response, "x-amzn-requestid"), Some("json-id"));
    assert_eq!(
        body(&response),
        r#"{"__type":"aws.protocoltests.json10#InvalidGreeting","message":"Hi"}"#
    );
    let response = JsonError::ComplexError {
        top_level: "Top level".into(),
    }
    .to_response(Format::AwsJson11, &cx);
    assert_eq!(
        header(&response, "content-type"),
        Some("application/x-amz-json-1.1")
    );
    assert_eq!(
        body(&response),
        r#"{"__type":"ComplexError","message":"Hi","TopLevel":"Top level"}"#
    );
}

#[test]
fn aws_json_query_compatible_names_code_and_type() {
    let cx = Context::new().with_query_compatible(true);
    let response = JsonError::InvalidGreeting.response(&cx);
    assert_eq!(
        header(&response, "x-amzn-query-error"),
        Some("InvalidGreeting;Sender")
    );
}

#[test]
fn aws_rest_json() {
    let response = JsonError::InvalidGreeting.to_response(Format::AwsRestJson, &Context::new());
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    assert_eq!(
        header(&response, "x-amzn-errortype"),
        Some("InvalidGreeting")
    );
    assert_eq!(body(&response), r#"{"message":"Hi"}"#);
}

#[derive(Debug, ApiFault)]
#[fault(format = "s3")]
enum S3Error {
    #[fault(
        code = 404,
        title = "NoSuchKey",
        message = "The resource you requested does not exist"
    )]
    NoSuchKey {
        #[fault(member, rename = "Resource")]
        resource: String,
    },
}

#[test]
fn s3_with_extras_request_id_and_host_id() {
    let cx = Context::new()
        .with_request_id("4442587FB7D0A2F9")
        .with_host_id("host/id=");
    let err = S3Error::NoSuchKey {
        resource: "/mybucket/myfoto.jpg".into(),
    };
    let response = err.response(&cx);
    assert_eq!(header(&response, "content-type"), Some("application/xml"));
    assert_eq!(
        header(&response, "x-amz-request-id"),
        Some("4442587FB7D0A2F9")
    );
    assert_eq!(header(&response, "x-amz-id-2"), Some("host/id="));
    assert_eq!(
        body(&response),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>\
         <Message>The resource you requested does not exist</Message>\
         <Resource>/mybucket/myfoto.jpg</Resource><RequestId>4442587FB7D0A2F9</RequestId>\
         <HostId>host/id=</HostId></Error>"
    );
    let head = err.response(
        &Context::new()
            .with_method(Method::HEAD)
            .with_request_id("r"),
    );
    assert_eq!(head.status(), 404);
    assert!(head.body().is_empty());
    assert_eq!(header(&head, "x-amz-request-id"), Some("r"));
}

#[derive(Debug, ApiFault)]
#[fault(
    format = "openstack",
    rename_all = "camelCase",
    namespace = "http://docs.openstack.org/compute/api/v1.1"
)]
enum ComputeFault {
    #[fault(code = 404, message = "Instance {0} could not be found.")]
    ItemNotFound(String),
    #[fault(code = 413, message = "This request was rate-limited.")]
    OverLimit {
        #[fault(retry_after)]
        retry: u64,
        #[fault(details)]
        details: String,
    },
    #[fault(
        code = 500,
        title = "computeFault",
        message = "Unexpected API Error: {0}"
    )]
    Internal(String),
}

#[test]
fn openstack_json_as_nova_writes_it() {
    let cx = Context::new().with_request_id("req-42");
    let response = ComputeFault::ItemNotFound("i-1".into()).response(&cx);
    assert_eq!(response.status(), 404);
    assert_eq!(
        header(&response, "content-type"),
        Some("application/json; charset=UTF-8")
    );
    assert_eq!(header(&response, "x-openstack-request-id"), Some("req-42"));
    assert_eq!(header(&response, "x-compute-request-id"), Some("req-42"));
    assert_eq!(
        body(&response),
        r#"{"itemNotFound": {"code": 404, "message": "Instance i-1 could not be found."}}"#
    );
}

#[test]
fn openstack_over_limit_carries_retry_after() {
    let err = ComputeFault::OverLimit {
        retry: 30,
        details: "Only 10 POST request(s) can be made to * every minute.".into(),
    };
    let response = err.response(&Context::new());
    assert_eq!(header(&response, "retry-after"), Some("30"));
    assert_eq!(
        body(&response),
        r#"{"overLimit": {"code": 413, "message": "This request was rate-limited.", "details": "Only 10 POST request(s) can be made to * every minute.", "retryAfter": "30"}}"#
    );
    assert_eq!(err.fault().retry_after(), Some(RetryAfter::Seconds(30)));
}

#[test]
fn openstack_xml_by_accept() {
    let cx = Context::new().with_accept("application/xml");
    let response = ComputeFault::ItemNotFound("i-1".into()).response(&cx);
    // nova's XML, as WebOb sent it before 1.7: with a charset.
    assert_eq!(
        header(&response, "content-type"),
        Some("application/xml; charset=UTF-8")
    );
    assert_eq!(
        body(&response),
        "<itemNotFound code=\"404\" xmlns=\"http://docs.openstack.org/compute/api/v1.1\">\
         <message>Instance i-1 could not be found.</message></itemNotFound>"
    );
}

#[test]
fn openstack_json_escapes_non_ascii_as_python_does() {
    let response = ComputeFault::ItemNotFound("é".into()).response(&Context::new());
    assert_eq!(
        body(&response),
        r#"{"itemNotFound": {"code": 404, "message": "Instance \u00e9 could not be found."}}"#
    );
}

#[derive(Debug, ApiFault)]
#[fault(format = "load_balancer", rename_all = "camelCase")]
enum LbFault {
    #[fault(code = 400, message = "Validation fault")]
    BadRequest {
        #[fault(details)]
        details: String,
        #[fault(validation_errors)]
        errors: Vec<String>,
    },
}

#[test]
fn load_balancer_xml_and_json() {
    let err = LbFault::BadRequest {
        details: "The object is not valid".into(),
        errors: vec!["Node ip is invalid. Please specify a valid ip.".into()],
    };
    let response = err.response(&Context::new());
    assert_eq!(header(&response, "content-type"), Some("application/xml"));
    assert_eq!(
        body(&response),
        "<badRequest code=\"400\" xmlns=\"http://docs.openstack.org/loadbalancers/api/v1.0\">\
         <message>Validation fault</message><details>The object is not valid</details>\
         <validationErrors><message>Node ip is invalid. Please specify a valid ip.</message>\
         </validationErrors></badRequest>"
    );
    let response = err.response(&Context::new().with_accept("application/json"));
    assert_eq!(
        body(&response),
        r#"{"validationErrors":{"messages":["Node ip is invalid. Please specify a valid ip."]},"message":"Validation fault","code":400,"details":"The object is not valid"}"#
    );
}

#[derive(Debug, ApiFault)]
#[fault(format = "keystone")]
enum KeystoneError {
    #[fault(
        code = 401,
        title = "Unauthorized",
        message = "The request you have made requires authentication."
    )]
    Unauthorized,
}

#[test]
fn keystone_as_flask_writes_it() {
    let cx = Context::new().with_auth_uri("https://keystone.example.com/v3");
    let response = KeystoneError::Unauthorized.response(&cx);
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    assert_eq!(
        header(&response, "www-authenticate"),
        Some(r#"Keystone uri="https://keystone.example.com/v3""#)
    );
    assert_eq!(header(&response, "vary"), Some("X-Auth-Token"));
    assert_eq!(
        body(&response),
        "{\"error\":{\"code\":401,\"message\":\"The request you have made requires authentication.\",\"title\":\"Unauthorized\"}}\n"
    );
}

#[test]
fn keystone_always_sends_a_challenge_on_401() {
    // An auth URI that cannot be a quoted header value used to drop the whole header.
    for uri in [
        "https://k\r\nx",
        "https://k/ü",
        "https://k/\"x",
        "https://k/\\",
    ] {
        let response = KeystoneError::Unauthorized.response(&Context::new().with_auth_uri(uri));
        assert_eq!(
            header(&response, "www-authenticate"),
            Some("Keystone"),
            "{uri:?}"
        );
    }
}

#[derive(Debug, ApiFault)]
#[fault(format = "neutron")]
enum NeutronError {
    #[fault(
        code = 404,
        title = "NetworkNotFound",
        message = "Network {0} could not be found."
    )]
    NetworkNotFound(String),
}

#[test]
fn neutron() {
    let response = NeutronError::NetworkNotFound("n1".into()).response(&Context::new());
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    assert_eq!(
        body(&response),
        r#"{"NeutronError": {"type": "NetworkNotFound", "message": "Network n1 could not be found.", "detail": ""}}"#
    );
}

#[derive(Debug, ApiFault)]
#[fault(format = "api_wg")]
enum Guideline {
    #[fault(
        code = 409,
        title = "Conflict",
        error_code = "compute.server.locked",
        message = "Server is locked"
    )]
    Locked,
}

#[test]
fn api_wg_guideline() {
    let response = Guideline::Locked.response(&Context::new().with_request_id("req-7"));
    assert_eq!(header(&response, "x-openstack-request-id"), Some("req-7"));
    assert_eq!(
        body(&response),
        r#"{"errors": [{"request_id": "req-7", "code": "compute.server.locked", "status": 409, "title": "Conflict", "detail": "Server is locked"}]}"#
    );
}

#[derive(Debug, ApiFault)]
#[fault(format = "placement", error_code = "placement.undefined_code")]
enum PlacementError {
    #[fault(
        code = 409,
        title = "Conflict",
        error_code = "placement.concurrent_update",
        message = "{0}"
    )]
    ConcurrentUpdate(String),
    #[fault(code = 404, title = "Not Found", message = "{0}")]
    NotFound(String),
}

#[test]
fn placement_matches_the_seed_sample() {
    let cx = Context::new()
        .with_request_id("req-2f3e4e8e-0bb5-4d2a-9a3c-1e6c5b7d8f90")
        .with_microversion(Microversion::new(1, 23));
    let err = PlacementError::ConcurrentUpdate("resource provider generation conflict".into());
    let response = err.response(&cx);
    assert_eq!(
        header(&response, "openstack-api-version"),
        Some("placement 1.23")
    );
    assert_eq!(
        body(&response),
        "{\"errors\": [{\"status\": 409, \"title\": \"Conflict\", \"detail\": \"There was a conflict when trying \
         to complete your request.\\n\\n resource provider generation conflict  \", \"code\": \
         \"placement.concurrent_update\", \"request_id\": \"req-2f3e4e8e-0bb5-4d2a-9a3c-1e6c5b7d8f90\"}]}"
    );
}

#[test]
fn placement_sends_code_only_from_1_23() {
    let err = PlacementError::NotFound("No resource provider with uuid 1 found".into());
    let old = err.response(&Context::new().with_microversion(Microversion::new(1, 22)));
    assert!(!body(&old).contains("\"code\""));
    assert_eq!(
        header(&old, "openstack-api-version"),
        Some("placement 1.22")
    );
    let new = err.response(&Context::new().with_microversion(Microversion::new(1, 30)));
    assert!(body(&new).contains("\"code\": \"placement.undefined_code\""));
    let none = err.response(&Context::new());
    assert_eq!(
        header(&none, "openstack-api-version"),
        Some("placement 1.0")
    );
}

#[test]
fn placement_names_the_method_for_405() {
    #[derive(Debug, ApiFault)]
    #[fault(format = "placement")]
    enum E {
        #[fault(code = 405, title = "Method Not Allowed", message = "")]
        NotAllowed,
    }
    let response = E::NotAllowed.response(&Context::new().with_method(Method::PUT));
    assert!(
        body(&response)
            .contains(r#""detail": "The method PUT is not allowed for this resource. \n\n ""#)
    );
}

#[derive(Debug, ApiFault)]
#[fault(format = "problem")]
enum Problem {
    #[fault(
        code = 403,
        title = "OutOfCredit",
        message = "Your current balance is 30, but that costs 50."
    )]
    OutOfCredit {
        #[fault(member, rename = "balance")]
        balance: u32,
    },
}

#[test]
fn problem_details() {
    let cx = Context::new()
        .with_instance("/account/12345/msgs/abc")
        .with_request_id("p-1");
    let response = Problem::OutOfCredit { balance: 30 }.response(&cx);
    assert_eq!(
        header(&response, "content-type"),
        Some("application/problem+json")
    );
    assert_eq!(
        body(&response),
        r#"{"type":"about:blank","title":"OutOfCredit","status":403,"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","request_id":"p-1","balance":30}"#
    );
}

#[test]
fn an_unsafe_request_id_is_replaced_not_copied() {
    let cx = Context::new().with_request_id("evil\r\nSet-Cookie: a=b");
    let response = ComputeFault::ItemNotFound("i".into()).response(&cx);
    let id = header(&response, "x-openstack-request-id").unwrap();
    assert!(id.starts_with("req-") && !id.contains("evil"));
}

#[test]
fn retry_after_as_a_date() {
    let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(784_111_777);
    let fault = fault_core::Fault::new(http::StatusCode::SERVICE_UNAVAILABLE, "ServiceUnavailable")
        .with_retry_after(RetryAfter::At(at));
    let response = fault.render(Format::Problem, &Context::new());
    assert_eq!(
        header(&response, "retry-after"),
        Some("Sun, 06 Nov 1994 08:49:37 GMT")
    );
}

/// Regression (found by the interop tests): OpenStack's clients read `Retry-After` with
/// `int(value)` and take 0 for a date (novaclient, keystoneauth1), and botocore's restJson
/// models bind it to an integer member (`int()` raises on a date), so the OpenStack and AWS
/// families send the seconds left, as nova does; problem details send the date.
#[test]
fn openstack_and_aws_formats_send_retry_after_as_seconds() {
    let at = std::time::SystemTime::now() + std::time::Duration::from_millis(90_500);
    let fault = fault_core::Fault::new(http::StatusCode::PAYLOAD_TOO_LARGE, "overLimit")
        .with_retry_after(RetryAfter::At(at));
    for format in [
        Format::OpenStack,
        Format::LoadBalancer,
        Format::Keystone,
        Format::Neutron,
        Format::ApiWg,
        Format::Placement,
        Format::AwsQuery,
        Format::Ec2Query,
        Format::AwsJson10,
        Format::AwsJson11,
        Format::AwsRestJson,
        Format::AwsRestXml,
        Format::AwsRestXmlUnwrapped,
        Format::S3,
        Format::Heat,
    ] {
        let response = fault.render(format, &Context::new());
        assert_eq!(header(&response, "retry-after"), Some("90"), "{format}");
    }
    let response = fault.render(Format::Problem, &Context::new());
    assert!(header(&response, "retry-after").unwrap().ends_with(" GMT"));
}

#[test]
fn exposing_internal_detail_sends_the_display() {
    let err = ComputeFault::Internal("db down".into());
    let safe = err.response(&Context::new());
    assert!(body(&safe).contains("\"message\": \"Internal Server Error\""));
    let debug = err.response(&Context::new().with_internal_detail_exposed(true));
    assert!(body(&debug).contains("Unexpected API Error: db down"));
}
