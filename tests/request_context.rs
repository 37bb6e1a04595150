//! Reading a request into a `Context` as a `ServiceProfile` says: what every server
//! integration shares.

use fault_core::http::Request;
use fault_core::{
    ApiFault, Context, Format, Microversion, RequestIdPolicy, ServiceProfile, TraceParent,
};

fn request(headers: &[(&str, &str)]) -> Request<()> {
    let mut builder = Request::post("/v3/demo/volumes");
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(()).unwrap()
}

/// `Echo`: the profile that adopts the ids a gateway in front assigns.
fn echo() -> ServiceProfile {
    ServiceProfile::default().with_request_ids(RequestIdPolicy::Echo)
}

#[test]
fn by_default_the_server_answers_with_an_id_of_its_own() {
    let sent = request(&[
        ("x-amzn-RequestId", "aws-1"),
        ("X-OpenStack-Request-ID", "req-1"),
    ]);
    for format in Format::ALL {
        let cx = ServiceProfile::new(format).read(&sent);
        let id = cx.request_id().unwrap();
        assert!(id != "aws-1" && id != "req-1", "{format:?} adopted {id}");
        assert!(fault_core::is_valid_request_id(id));
    }
    assert_ne!(
        Context::from_request(&sent).request_id(),
        Some("req-1"),
        "the default profile is fresh too"
    );
}

#[test]
fn each_family_makes_ids_in_its_own_form() {
    let id = |format| {
        ServiceProfile::new(format)
            .read(&request(&[]))
            .request_id()
            .unwrap()
            .to_owned()
    };
    for format in [
        Format::OpenStack,
        Format::Heat,
        Format::Placement,
        Format::Keystone,
        Format::Problem,
    ] {
        let id = id(format);
        assert!(id.starts_with("req-") && id.len() == 40, "{format:?}: {id}");
    }
    for format in [
        Format::AwsJson10,
        Format::AwsQuery,
        Format::AwsRestXml,
        Format::Ec2Query,
    ] {
        let id = id(format);
        assert!(
            id.len() == 36 && id.matches('-').count() == 4 && !id.starts_with("req-"),
            "{format:?}: {id}"
        );
    }
    let s3 = id(Format::S3);
    assert!(
        s3.len() == 16
            && s3
                .bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()),
        "{s3}"
    );
}

#[test]
fn a_well_formed_openstack_id_sent_in_is_kept_as_the_global_id() {
    let global = "req-2f3e4e8e-0bb5-4d2a-9a3c-1e6c5b7d8f90";
    let cx = ServiceProfile::new(Format::OpenStack)
        .read(&request(&[("x-openstack-request-id", global)]));
    assert_eq!(cx.global_request_id(), Some(global));
    assert_ne!(cx.request_id(), Some(global));
    // oslo.middleware keeps only `req-<uuid>`.
    for sent in ["req-1", "2f3e4e8e-0bb5-4d2a-9a3c-1e6c5b7d8f90", "<script>"] {
        let cx = ServiceProfile::new(Format::OpenStack)
            .read(&request(&[("x-openstack-request-id", sent)]));
        assert_eq!(cx.global_request_id(), None, "{sent}");
    }
}

#[test]
fn echo_takes_the_openstack_id_before_the_aws_one() {
    let both = request(&[
        ("x-amzn-RequestId", "aws-1"),
        ("X-OpenStack-Request-ID", "req-1"),
    ]);
    assert_eq!(echo().read(&both).request_id(), Some("req-1"));
    let aws = request(&[("x-amzn-requestid", "aws-1")]);
    assert_eq!(echo().read(&aws).request_id(), Some("aws-1"));
}

#[test]
fn an_unsafe_request_id_is_replaced_not_copied() {
    let bad = request(&[("x-openstack-request-id", "<script>")]);
    let cx = echo().read(&bad);
    let id = cx.request_id().unwrap();
    assert!(id.starts_with("req-") && id.len() == 40, "{id}");
    // A second, safe id is taken instead of the unsafe first.
    let mixed = request(&[
        ("x-openstack-request-id", "a b\"c"),
        ("x-amzn-requestid", "aws-2"),
    ]);
    assert_eq!(echo().read(&mixed).request_id(), Some("aws-2"));
}

#[test]
fn every_request_gets_its_own_fresh_id() {
    let a = Context::from_request(&request(&[]));
    let b = Context::from_request(&request(&[]));
    assert_ne!(a.request_id(), b.request_id());
}

#[test]
fn a_w3c_traceparent_is_read_and_a_malformed_one_is_not() {
    let good = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    let cx = Context::from_request(&request(&[("traceparent", good)]));
    let parent = cx.trace_parent().unwrap();
    assert_eq!(parent.trace_id(), "4bf92f3577b34da6a3ce929d0e0e4736");
    assert_eq!(parent.parent_id(), "00f067aa0ba902b7");
    assert_eq!(parent.to_string(), good);
    for bad in [
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
        "",
    ] {
        assert!(TraceParent::parse(bad).is_none(), "{bad}");
    }
    // A later version may add fields after a dash.
    let later = "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-what-comes";
    let parent = TraceParent::parse(later).unwrap();
    assert!(!parent.sampled());
}

#[test]
fn an_s3_profile_makes_a_host_id_per_request_unless_given_one() {
    let s3 = ServiceProfile::new(Format::S3);
    let a = s3.read(&request(&[]));
    let b = s3.read(&request(&[]));
    assert_eq!(a.host_id().unwrap().len(), 64);
    assert_ne!(a.host_id(), b.host_id());
    let fixed = ServiceProfile::new(Format::S3).with_host_id(|| "host-7".to_owned());
    assert_eq!(fixed.read(&request(&[])).host_id(), Some("host-7"));
    assert_eq!(
        ServiceProfile::new(Format::AwsRestXml)
            .read(&request(&[]))
            .host_id(),
        None
    );
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
    let reader = ServiceProfile::default().with_service_type("placement");
    assert_eq!(reader.service_type(), Some("placement"));
    assert_eq!(
        reader.read(&request(&header)).microversion(),
        Some(Microversion::new(1, 23))
    );
    let volume = ServiceProfile::default().with_service_type("volume");
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
    let cx = echo().read_with("GET", "/x", |name| match name {
        "x-amzn-requestid" => Some("aws-9".into()),
        "accept" => Some("application/json".into()),
        _ => None,
    });
    assert_eq!(cx.request_id(), Some("aws-9"));
    assert_eq!(cx.accept(), Some("application/json"));
}
