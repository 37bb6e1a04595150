//! Reading a request into a `Context`: what every server integration shares.

use fault_core::http::Request;
use fault_core::{ApiFault, Context, ContextReader, Format, Microversion};

fn request(headers: &[(&str, &str)]) -> Request<()> {
    let mut builder = Request::post("/v3/demo/volumes");
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(()).unwrap()
}

#[test]
fn the_openstack_request_id_wins_over_the_aws_one() {
    let both = request(&[
        ("x-amzn-RequestId", "aws-1"),
        ("X-OpenStack-Request-ID", "req-1"),
    ]);
    assert_eq!(Context::from_request(&both).request_id(), Some("req-1"));
    let aws = request(&[("x-amzn-requestid", "aws-1")]);
    assert_eq!(Context::from_request(&aws).request_id(), Some("aws-1"));
}

#[test]
fn an_unsafe_request_id_is_replaced_not_copied() {
    let bad = request(&[("x-openstack-request-id", "<script>")]);
    let cx = Context::from_request(&bad);
    let id = cx.request_id().unwrap();
    assert!(id.starts_with("req-") && id.len() == 40, "{id}");
    // A second, safe id is taken instead of the unsafe first.
    let mixed = request(&[
        ("x-openstack-request-id", "a b\"c"),
        ("x-amzn-requestid", "aws-2"),
    ]);
    assert_eq!(Context::from_request(&mixed).request_id(), Some("aws-2"));
}

#[test]
fn every_request_gets_its_own_fresh_id() {
    let a = Context::from_request(&request(&[]));
    let b = Context::from_request(&request(&[]));
    assert_ne!(a.request_id(), b.request_id());
}

#[test]
fn several_accept_headers_are_one_list() {
    let two = request(&[("accept", "text/html;q=0.1"), ("accept", "application/xml")]);
    let cx = Context::from_request(&two);
    assert_eq!(cx.accept(), Some("text/html;q=0.1, application/xml"));

    #[derive(Debug, ApiFault)]
    #[fault(format = "openstack", rename_all = "camelCase")]
    enum VolumeError {
        #[fault(code = 404, message = "gone")]
        ItemNotFound,
    }
    let response = VolumeError::ItemNotFound.response(&cx);
    assert_eq!(
        response.headers()["content-type"],
        "application/xml; charset=UTF-8"
    );
}

#[test]
fn the_microversion_of_the_service_type() {
    let header = [("openstack-api-version", "compute 2.79, placement 1.23")];
    let reader = ContextReader::new().with_service_type("placement");
    assert_eq!(reader.service_type(), Some("placement"));
    assert_eq!(
        reader.read(&request(&header)).microversion(),
        Some(Microversion::new(1, 23))
    );
    let volume = ContextReader::new().with_service_type("volume");
    assert_eq!(volume.read(&request(&header)).microversion(), None);
    // Without a service type, the first entry.
    assert_eq!(
        Context::from_request(&request(&header)).microversion(),
        Some(Microversion::new(2, 79))
    );
    assert_eq!(
        Context::from_request(&request(&[("openstack-api-version", "latest")])).microversion(),
        None
    );
}

#[test]
fn method_and_path_reach_the_formats_that_use_them() {
    #[derive(Debug, ApiFault)]
    #[fault(format = "problem")]
    enum Problem {
        #[fault(code = 404, title = "Not Found")]
        NotFound,
    }
    let cx = Context::from_request(&request(&[]));
    assert!(!cx.is_head());
    let body = Problem::NotFound
        .to_response(Format::Problem, &cx)
        .into_body();
    assert!(
        std::str::from_utf8(&body)
            .unwrap()
            .contains(r#""instance":"/v3/demo/volumes""#)
    );

    let head = Request::head("/bucket/key").body(()).unwrap();
    assert!(Context::from_request(&head).is_head());
}

#[test]
fn frameworks_with_their_own_header_types_read_by_name() {
    let cx = ContextReader::new().read_with("GET", "/x", |name| match name {
        "x-amzn-requestid" => Some("aws-9".into()),
        "accept" => Some("application/json".into()),
        _ => None,
    });
    assert_eq!(cx.request_id(), Some("aws-9"));
    assert_eq!(cx.accept(), Some("application/json"));
}
