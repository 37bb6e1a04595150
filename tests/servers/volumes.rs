//! The block-storage API: OpenStack faults in JSON or XML, Retry-After, the request id.

use crate::{get, send, start_axum};
use fault_suite::demos::{Throttle, Try, volumes::Volumes};
use std::time::Duration;

const NS: &str = "http://docs.openstack.org/openstack-block-storage/2.0/content";

#[tokio::test]
async fn volumes_answer_in_json_or_xml_by_accept() {
    let addr = start_axum(Volumes::new().router());
    let list = get(addr, "/v3/demo/volumes").await;
    assert_eq!(list.status, 200);
    assert!(
        list.header("x-openstack-request-id")
            .unwrap()
            .starts_with("req-")
    );

    let request =
        Try::get("", "/v3/demo/volumes/vol-9", 404).header("x-openstack-request-id", "req-abc");
    let json = send(addr, &request).await;
    assert_eq!(json.status, 404);
    assert_eq!(
        json.header("content-type"),
        Some("application/json; charset=UTF-8")
    );
    // The service's own id, never the client's (oslo.middleware keeps that one for logs).
    let id = json.header("x-openstack-request-id").unwrap();
    assert!(id.starts_with("req-") && id != "req-abc", "{id}");
    assert_eq!(json.header("x-compute-request-id"), Some(id));
    assert_eq!(
        json.body,
        r#"{"itemNotFound": {"code": 404, "message": "Volume vol-9 could not be found."}}"#
    );

    let xml = send(addr, &request.clone().header("accept", "application/xml")).await;
    assert_eq!(
        xml.header("content-type"),
        Some("application/xml; charset=UTF-8")
    );
    assert_eq!(
        xml.body,
        format!(
            "<itemNotFound code=\"404\" xmlns=\"{NS}\"><message>Volume vol-9 could not be found.</message></itemNotFound>"
        )
    );
    assert_eq!(xml.fault().title(), "itemNotFound");
    assert_eq!(
        xml.fault().request_id().unwrap(),
        xml.header("x-openstack-request-id").unwrap()
    );
}

#[tokio::test]
async fn volumes_refuse_bad_requests_with_their_faults() {
    let addr = start_axum(Volumes::new().router());
    let create = |body: &str| {
        Try::get("", "/v3/demo/volumes", 0)
            .method("POST")
            .json(body)
    };
    let cases = [
        (
            create(r#"{"volume": {"size": -1}}"#),
            400,
            "badRequest",
            "Volume 'size' needs to be a positive integer value, -1 cannot be accepted.",
        ),
        (
            create(r#"{"volume": {"size": "big"}}"#),
            400,
            "badRequest",
            "Volume 'size' needs to be a positive integer value, \"big\" cannot be accepted.",
        ),
        (create("{"), 400, "badRequest", "Malformed request body"),
        (
            create(r#"{"size": 1}"#),
            400,
            "badRequest",
            "Missing required element 'volume' in request body.",
        ),
        (
            Try::get("", "/v3/demo/volumes", 0).method("POST"),
            415,
            "badMediaType",
            "Unsupported Content-Type",
        ),
        (
            Try::get("", "/v3/demo/volumes/vol-1", 0).method("PUT"),
            405,
            "badMethod",
            "The request method is not allowed for this resource.",
        ),
        (
            Try::get("", "/v2/anything", 0),
            404,
            "itemNotFound",
            "The resource could not be found.",
        ),
    ];
    for (request, status, title, message) in cases {
        let answer = send(addr, &request).await;
        assert_eq!(answer.status, status, "{}", answer.body);
        let fault = answer.fault();
        assert_eq!(
            (fault.title(), fault.message().to_string().as_str()),
            (title, message)
        );
    }
}

#[tokio::test]
async fn volumes_send_a_5xx_without_its_cause() {
    let addr = start_axum(Volumes::new().router());
    let request = Try::get("", "/v3/demo/volumes", 0)
        .method("POST")
        .json(r#"{"volume": {"size": 1, "name": "fail-2"}}"#);
    let answer = send(addr, &request).await;
    assert_eq!(answer.status, 500);
    assert_eq!(
        answer.body,
        r#"{"instanceFault": {"code": 500, "message": "The server has either erred or is incapable of performing the requested operation."}}"#
    );
}

#[tokio::test]
async fn volumes_rate_limit_with_retry_after_and_the_quota_without() {
    let addr =
        start_axum(Volumes::with_throttle(Throttle::new(1, Duration::from_secs(60))).router());
    let create = Try::get("", "/v3/demo/volumes", 0)
        .method("POST")
        .json(r#"{"volume": {"size": 1}}"#);
    assert_eq!(send(addr, &create).await.status, 202);
    let limited = send(addr, &create).await;
    assert_eq!(limited.status, 413);
    assert_eq!(limited.header("retry-after"), Some("60"));
    assert_eq!(
        limited.body,
        r#"{"overLimit": {"code": 413, "message": "This request was rate-limited.", "retryAfter": "60"}}"#
    );

    let addr =
        start_axum(Volumes::with_throttle(Throttle::new(100, Duration::from_secs(1))).router());
    for _ in 1..fault_suite::demos::volumes::QUOTA {
        assert_eq!(send(addr, &create).await.status, 202);
    }
    let over = send(addr, &create).await;
    assert_eq!(over.status, 413);
    assert_eq!(over.header("retry-after"), None);
    assert!(
        over.body
            .contains("Maximum number of volumes allowed (10) exceeded"),
        "{}",
        over.body
    );
}
