//! A variant whose fields give its fault nothing but its message has its body rendered once per
//! process and format, then handed out, an interpolated message put in its place each time: the
//! bytes are exactly what rendering writes, and a body that takes anything else from the request
//! is never served from the cache (a `Fault` holds no link to it, so one changed after it was
//! made never is either).

use bytes::Bytes;
use fault_core::http::{Method, Response};
use fault_core::{ApiFault, Context, Format, Microversion};

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
    /// The text the cache renders in place of a request id, to find where it goes: a body
    /// holding it twice is rendered every time.
    #[fault(code = 409, message = "req-fault-core-template-7d1e94b0c2a85f36")]
    Marked,
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
        Context::new().with_query_compatible(true),
        Context::new().with_auth_uri("https://keystone.example/v3"),
        // Not a safe header value: replaced by a fresh id, the same in headers and body.
        Context::new().with_request_id("req-3\r\nX: y"),
        Context::new()
            .with_request_id("req-4")
            .with_host_id("host-2")
            .with_instance("/volumes/4"),
    ]
}

#[test]
fn cached_bodies_are_the_rendered_bytes_whatever_the_request() {
    for err in [
        VolumeError::Forbidden,
        VolumeError::Marked,
        VolumeError::ItemNotFound("vol-1".into()),
        VolumeError::Internal("secret".into()),
        VolumeError::Invalid("size".into()),
    ] {
        for format in Format::ALL {
            for cx in contexts() {
                // Twice: the first render may fill the cache, the second may read it.
                let first = err.to_response(format, &cx);
                let second = err.to_response(format, &cx);
                // `Fault::render` never reads the kept bodies: the fresh rendering.
                let uncached = err.fault().render(format, &cx);
                let what = format!("{err:?} as {format} with {cx:?}");
                assert_eq!(same_id(&first), same_id(&uncached), "{what}: first");
                assert_eq!(same_id(&second), same_id(&uncached), "{what}: second");
                let mut buf = b"prefix:".to_vec();
                err.write_body(format, &cx, &mut buf);
                assert!(
                    same_but_id(&buf[7..], uncached.body(), request_id(&uncached).as_deref()),
                    "{what}: write_body gave {:?}",
                    String::from_utf8_lossy(&buf[7..])
                );
            }
        }
    }
}

/// The request id a response sends, from whichever header carries it.
fn request_id(response: &Response<Bytes>) -> Option<String> {
    let ids = [
        "x-amzn-requestid",
        "x-amz-request-id",
        "x-openstack-request-id",
        "x-request-id",
    ];
    ids.iter()
        .find_map(|name| response.headers().get(*name))
        .map(|value| value.to_str().unwrap().to_owned())
}

fn replace(bytes: &[u8], id: Option<&str>, with: &str) -> String {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    match id {
        Some(id) => text.replace(id, with),
        None => text,
    }
}

/// Whether `got` is `expected` with any valid request id where `expected` has `id`.
fn same_but_id(got: &[u8], expected: &[u8], id: Option<&str>) -> bool {
    let expected = std::str::from_utf8(expected).unwrap();
    let Some((before, after)) = id.and_then(|id| expected.split_once(id)) else {
        return got == expected.as_bytes();
    };
    let got = std::str::from_utf8(got).unwrap();
    got.strip_prefix(before)
        .and_then(|rest| rest.strip_suffix(after))
        .is_some_and(fault_core::is_valid_request_id)
}

/// Headers and body with the request id written as `ID`: an id the request sent that is not
/// a safe header value is replaced by a fresh one on every response.
fn same_id(response: &Response<Bytes>) -> (Vec<(String, String)>, String) {
    let id = request_id(response);
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| {
            let value = value.to_str().unwrap();
            (
                name.to_string(),
                replace(value.as_bytes(), id.as_deref(), "ID"),
            )
        })
        .collect();
    (headers, replace(response.body(), id.as_deref(), "ID"))
}

#[test]
fn every_thread_is_served_the_same_bytes() {
    // Eight threads race to render a body no test has rendered yet.
    let bodies: Vec<_> = (0..8)
        .map(|_| {
            std::thread::spawn(|| {
                VolumeError::Forbidden.to_response(Format::Keystone, &Context::new())
            })
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|thread| thread.join().unwrap().into_body())
        .collect();
    for body in &bodies {
        assert_eq!(
            body.as_ref(),
            b"{\"error\":{\"code\":403,\"message\":\"User is not authorized.\",\"title\":\"forbidden\"}}\n"
        );
        // One rendering, shared: every response holds the same bytes, not a copy.
        assert_eq!(body.as_ptr(), bodies[0].as_ptr());
    }
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
                | Format::AwsRestXmlUnwrapped
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
            .render(format, &cx);
        assert_eq!(second, uncached.body().as_ref(), "{format}");
    }
}

#[test]
fn each_interpolated_message_is_put_in_as_rendering_writes_it() {
    let messages = [
        "vol-1".to_owned(),
        "<&> \"quoted\" é ✓ 𝄞 \n\t\r \u{0} \u{FFFE} ]]>".to_owned(),
        String::new(),
        "x".repeat(5000),
        // The cache's own marker, inside a message: put in as any other text.
        "fault-core-message-template-3c9a51e07b64d2f8".to_owned(),
    ];
    for format in Format::ALL {
        for cx in contexts() {
            for message in &messages {
                let err = VolumeError::ItemNotFound(message.clone());
                let fresh = err.fault().render(format, &cx);
                let kept = err.to_response(format, &cx);
                let what = format!("{format} with {cx:?}, {message:?}");
                assert_eq!(same_id(&kept), same_id(&fresh), "{what}");
                let mut buf = Vec::new();
                err.write_body(format, &cx, &mut buf);
                assert!(
                    same_but_id(&buf, fresh.body(), request_id(&fresh).as_deref()),
                    "{what}: write_body gave {:?}",
                    String::from_utf8_lossy(&buf)
                );
            }
        }
    }
}
