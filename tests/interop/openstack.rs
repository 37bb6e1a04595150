//! openstacksdk, python-novaclient and keystoneauth1 read our OpenStack-family responses
//! into their exception classes, with message, details, request id and retry-after.

use crate::harness::{Case, case, check};
use fault_core::{ApiFault, Context, Microversion, RetryAfter};
use fault_suite::seeds::{ComputeFault, LoadBalancerFault, PlacementError, VolumeFault};
use serde_json::{Value, json};
use std::time::{Duration, SystemTime};

/// Over-limit faults with when to retry, as nova sends them.
#[derive(Debug, ApiFault)]
#[fault(format = "openstack", rename_all = "camelCase")]
enum Limits {
    #[fault(code = 413, message = "This request was rate-limited.")]
    OverLimit {
        #[fault(retry_after)]
        retry_after: RetryAfter,
        #[fault(details)]
        details: String,
    },
    #[fault(
        code = 429,
        title = "overLimit",
        message = "This request was rate-limited."
    )]
    TooMany {
        #[fault(retry_after)]
        retry_after: u64,
    },
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

fn cx() -> Context<'static> {
    Context::new().with_request_id("req-4a8e")
}

fn render(err: &dyn ApiFault) -> http::Response<bytes::Bytes> {
    err.response(&cx())
}

fn volume_missing() -> VolumeFault {
    VolumeFault::ItemNotFound("Volume vol-9 could not be found.".into())
}

fn over_limit(retry_after: RetryAfter) -> Limits {
    Limits::OverLimit {
        retry_after,
        details: "Only 10 POST request(s) can be made to * every minute.".into(),
    }
}

/// A moment an hour from now, plus half a second so the whole seconds left are 3600.
fn in_an_hour() -> RetryAfter {
    RetryAfter::At(SystemTime::now() + Duration::from_millis(3_600_500))
}

fn placement_conflict() -> http::Response<bytes::Bytes> {
    let err = PlacementError::ConcurrentUpdate("resource provider generation conflict".into());
    err.response(&cx().with_microversion(Microversion::new(1, 23)))
}

const PLACEMENT_DETAIL: &str = "There was a conflict when trying to complete your request.\n\n resource provider generation conflict  ";

fn sdk(id: &'static str, response: http::Response<bytes::Bytes>, expect: Value) -> Case {
    case(id, "openstacksdk", response, expect)
}

fn nova(id: &'static str, response: http::Response<bytes::Bytes>, expect: Value) -> Case {
    case(id, "novaclient", response, expect)
}

fn ksa(id: &'static str, response: http::Response<bytes::Bytes>, expect: Value) -> Case {
    case(id, "keystoneauth1", response, expect)
}

#[test]
fn openstacksdk_reads_class_details_and_request_id() {
    let xml = volume_missing().response(&cx().with_accept("application/xml"));
    let lb = LoadBalancerFault::BadRequest {
        details: Some("The object is not valid".into()),
        validation_errors: vec!["Node ip is invalid.".into()],
    };
    let lb = lb.response(&cx().with_accept("application/json"));
    check(&[
        sdk(
            "404",
            render(&volume_missing()),
            json!({
                "class": "NotFoundException", "details": "Volume vol-9 could not be found.", "request_id": "req-4a8e",
            }),
        ),
        sdk(
            "400",
            render(&VolumeFault::BadRequest(
                "Volume 'size' needs to be a positive integer value, -1 cannot be accepted.".into(),
            )),
            json!({
                "class": "BadRequestException",
                "details": "Volume 'size' needs to be a positive integer value, -1 cannot be accepted.",
            }),
        ),
        sdk(
            "413",
            render(&over_limit(RetryAfter::Seconds(30))),
            json!({
                "class": "HttpException", "status": 413, "details": "This request was rate-limited.",
            }),
        ),
        sdk(
            "500",
            render(&VolumeFault::InstanceFault(
                "driver: KeyError 'host'".into(),
            )),
            json!({
                "class": "HttpException", "status": 500,
                "details": "The server has either erred or is incapable of performing the requested operation.",
            }),
        ),
        sdk(
            "XML",
            xml,
            json!({"class": "NotFoundException", "details": "Not Found", "request_id": "req-4a8e"}),
        ),
        sdk(
            "keystone",
            render(&KeystoneError::Unauthorized),
            json!({
                "class": "HttpException", "status": 401, "details": "The request you have made requires authentication.",
            }),
        ),
        sdk(
            "neutron",
            render(&NeutronError::NetworkNotFound("net-1".into())),
            json!({
                "class": "NotFoundException", "details": "Network net-1 could not be found.",
            }),
        ),
        sdk(
            "load balancer",
            lb,
            json!({"class": "BadRequestException", "details": "Validation fault"}),
        ),
        // The API-WG list is not read: the reason phrase stands in, which Placement's
        // title always is.
        sdk(
            "placement",
            placement_conflict(),
            json!({
                "class": "ConflictException", "details": "Conflict", "request_id": "req-4a8e",
            }),
        ),
    ]);
}

#[test]
fn novaclient_reads_class_message_details_request_id_and_retry_after() {
    let missing = ComputeFault::ItemNotFound("Instance 42 could not be found.".into());
    let xml = missing.response(&cx().with_accept("application/xml"));
    check(&[
        nova(
            "404",
            render(&missing),
            json!({
                "class": "NotFound", "message": "Instance 42 could not be found.", "details": null, "request_id": "req-4a8e",
            }),
        ),
        nova(
            "413",
            render(&over_limit(RetryAfter::Seconds(30))),
            json!({
                "class": "OverLimit", "message": "This request was rate-limited.",
                "details": "Only 10 POST request(s) can be made to * every minute.", "retry_after": 30,
            }),
        ),
        nova(
            "413 at a date",
            render(&over_limit(in_an_hour())),
            json!({"class": "OverLimit", "retry_after": 3600}),
        ),
        nova(
            "429",
            render(&Limits::TooMany { retry_after: 4 }),
            json!({"class": "RateLimit", "retry_after": 4}),
        ),
        nova(
            "500",
            render(&ComputeFault::Compute("db timeout on host-7".into())),
            json!({
                "class": "ClientException", "message": "A generic Cloud Servers API fault.",
            }),
        ),
        // A compute-only client: an API-WG body (a list under `errors`) breaks it.
        nova(
            "placement",
            placement_conflict(),
            json!({
                "crash": "AttributeError: 'list' object has no attribute 'get'",
            }),
        ),
        // novaclient asks for JSON; given XML it keeps its class's default message.
        nova(
            "XML",
            xml,
            json!({"class": "NotFound", "message": "Not found", "request_id": "req-4a8e"}),
        ),
    ]);
}

#[test]
fn keystoneauth1_reads_the_api_wg_list_and_keystone() {
    // keystoneauth1's `message` is its formatted text: message, status, request id.
    let placement = json!({
        "class": "Conflict", "message": "Conflict (HTTP 409) (Request-ID: req-4a8e)",
        "details": PLACEMENT_DETAIL, "request_id": "req-4a8e",
    });
    let keystone = json!({
        "class": "Unauthorized",
        "message": "The request you have made requires authentication. (HTTP 401) (Request-ID: req-4a8e)",
    });
    let nova = json!({
        "class": "NotFound",
        "message": "Unrecognized schema in response body. (HTTP 404) (Request-ID: req-4a8e)",
    });
    check(&[
        ksa("placement", placement_conflict(), placement),
        ksa("keystone", render(&KeystoneError::Unauthorized), keystone),
        ksa("nova body", render(&volume_missing()), nova),
        ksa(
            "429",
            render(&Limits::TooMany { retry_after: 4 }),
            json!({"class": "TooManyRequests", "retry_after": 4}),
        ),
        // keystoneauth1's RequestEntityTooLarge reads the header, then its base class resets
        // `retry_after` to 0: a client bug, not ours (the 429 class keeps it).
        ksa(
            "413",
            render(&over_limit(RetryAfter::Seconds(30))),
            json!({
                "class": "RequestEntityTooLarge", "retry_after": 0, "request_id": "req-4a8e",
            }),
        ),
    ]);
}
