//! A fixed fault's body is rendered once per thread and format, then handed out: the bytes are
//! exactly what rendering writes, and a body that takes anything from the request, or a fault
//! changed after it was made, is never served from the cache.

use fault_core::{ApiFault, Context, Format, Microversion, http::Method};

#[derive(Debug, ApiFault)]
#[fault(
    rename_all = "camelCase",
    namespace = "http://docs.openstack.org/compute/api/v1.1"
)]
enum VolumeError {
    #[fault(code = 403, message = "User is not authorized.")]
    Forbidden,
    #[fault(code = 404, message = "Volume {0} could not be found.")]
    ItemNotFound(String),
    #[fault(code = 500, message = "db: {0}")]
    Internal(String),
    /// A fixed message, but data of its own: never one body for all its values.
    #[fault(code = 400, message = "Validation fault")]
    Invalid(#[fault(details)] String),
}

/// Contexts that reach the body in some format, and plain ones.
fn contexts() -> Vec<Context<'static>> {
    vec![
        Context::new(),
        Context::new().with_accept("application/xml"),
        Context::new().with_request_id("req-1"),
        Context::new()
            .with_request_id("req-2")
            .with_accept("application/xml"),
        Context::new().with_namespace("urn:other"),
        Context::new().with_instance("/volumes/1"),
        Context::new().with_host_id("host-1"),
        Context::new().with_method(Method::HEAD),
        Context::new().with_method(Method::PUT),
        Context::new().with_microversion(Microversion::new(1, 23)),
        Context::new().with_internal_detail_exposed(true),
    ]
}

#[test]
fn cached_bodies_are_the_rendered_bytes_whatever_the_request() {
    for err in [
        VolumeError::Forbidden,
        VolumeError::ItemNotFound("vol-1".into()),
        VolumeError::Internal("secret".into()),
        VolumeError::Invalid("size".into()),
    ] {
        for format in Format::ALL {
            for cx in contexts() {
                // Twice: the first render may fill the cache, the second may read it.
                let first = err.to_response(format, &cx);
                let second = err.to_response(format, &cx);
                // A fault changed after it was made (here to its own err_type) is never cached.
                let uncached = err
                    .fault()
                    .with_err_type(err.err_type())
                    .render(format, &cx);
                let what = format!("{err:?} as {format} with {cx:?}");
                assert_eq!(first.body(), uncached.body(), "{what}: first");
                assert_eq!(second.body(), uncached.body(), "{what}: second");
                assert_eq!(second.headers(), uncached.headers(), "{what}: headers");
                let mut buf = b"prefix:".to_vec();
                err.write_body(format, &cx, &mut buf);
                assert_eq!(&buf[7..], uncached.body().as_ref(), "{what}: write_body");
            }
        }
    }
}

#[test]
fn each_thread_keeps_its_own_bodies() {
    let here = VolumeError::Forbidden.to_response(Format::OpenStack, &Context::new());
    let there = std::thread::spawn(|| {
        VolumeError::Forbidden.to_response(Format::OpenStack, &Context::new())
    })
    .join()
    .unwrap();
    assert_eq!(here.body(), there.body());
    assert_eq!(
        here.body().as_ref(),
        br#"{"forbidden": {"code": 403, "message": "User is not authorized."}}"#
    );
}

#[test]
fn a_variant_with_data_of_its_own_is_rendered_each_time() {
    for format in Format::ALL {
        let cx = Context::new().with_accept("application/xml");
        let mut first = Vec::new();
        VolumeError::Invalid("size must be positive".into()).write_body(format, &cx, &mut first);
        let mut second = Vec::new();
        VolumeError::Invalid("name is taken".into()).write_body(format, &cx, &mut second);
        let carries_details = matches!(
            format,
            Format::AwsQuery
                | Format::AwsRestXml
                | Format::Heat
                | Format::OpenStack
                | Format::LoadBalancer
                | Format::Neutron
                | Format::Problem
        );
        if carries_details {
            // Each value's own details are sent.
            assert_ne!(first, second, "{format}");
        }
        let uncached = VolumeError::Invalid("name is taken".into())
            .fault()
            .with_err_type(fault_core::ErrType::Sender)
            .render(format, &cx);
        assert_eq!(second, uncached.body().as_ref(), "{format}");
    }
}
