//! Safe by default in every format (DESIGN.md §5): a 5xx variant wrapping an error whose
//! `Display` holds a secret sends the secret in no header and no byte of the body, unless
//! the variant is marked `expose`.

use fault_core::{ApiFault, Context, Format};

const SECRET: &str = "postgres://admin:hunter2@db.internal:5432";

#[derive(Debug)]
struct DbError;

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "connection to {SECRET} refused")
    }
}

impl std::error::Error for DbError {}

#[derive(Debug, ApiFault)]
#[fault(rename_all = "camelCase")]
enum ServiceError {
    #[fault(code = 500, title = "InternalFailure", message = "query failed: {0}")]
    Database(#[fault(source)] DbError),
    #[fault(code = 503, message = "backend {0} is down")]
    ServiceUnavailable(String),
    #[fault(code = 502, message = "upstream said: {0}", expose)]
    Exposed(String),
}

fn bytes_of(response: &fault_core::http::Response<bytes::Bytes>) -> Vec<u8> {
    let mut all = response.body().to_vec();
    for (name, value) in response.headers() {
        all.extend_from_slice(name.as_str().as_bytes());
        all.extend_from_slice(value.as_bytes());
    }
    all
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn no_format_sends_the_internal_display_of_a_5xx() {
    let errors = [
        ServiceError::Database(DbError),
        ServiceError::ServiceUnavailable(SECRET.to_owned()),
    ];
    for err in &errors {
        assert!(
            err.to_string().contains(SECRET),
            "the secret is in Display, for logs"
        );
        for format in Format::ALL {
            for accept in ["application/json", "application/xml"] {
                let cx = Context::new().with_accept(accept).with_request_id("req-1");
                let response = err.to_response(format, &cx);
                let all = bytes_of(&response);
                assert!(
                    !contains(&all, "hunter2"),
                    "{err:?} as {format} ({accept}) leaks the secret"
                );
                assert!(
                    !contains(&all, "db.internal"),
                    "{err:?} as {format} ({accept}) leaks the host"
                );
            }
        }
    }
}

#[test]
fn expose_sends_the_display_in_every_format() {
    let err = ServiceError::Exposed("rate limit at proxy-3".into());
    for format in Format::ALL {
        let response = err.to_response(format, &Context::new());
        let text = String::from_utf8_lossy(response.body()).into_owned();
        if !text.is_empty() {
            assert!(
                text.contains("upstream said: rate limit at proxy-3"),
                "{format}: {text}"
            );
        }
    }
}

#[test]
fn the_debug_switch_exposes_everything_and_is_off_by_default() {
    let err = ServiceError::Database(DbError);
    let debug = err.to_response(
        Format::Problem,
        &Context::new().with_internal_detail_exposed(true),
    );
    assert!(contains(response_body(&debug), "hunter2"));
    assert!(!Context::new().internal_detail_exposed());
}

fn response_body(response: &fault_core::http::Response<bytes::Bytes>) -> &[u8] {
    response.body()
}

/// An upstream error whose `Display` carries whatever the property gives it.
#[derive(Debug)]
struct Upstream(String);

impl std::fmt::Display for Upstream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "upstream refused credentials {}", self.0)
    }
}

impl std::error::Error for Upstream {}

#[derive(Debug, ApiFault)]
enum Wrapping {
    #[fault(code = 500, title = "InternalFailure", message = "query failed: {0}")]
    Source(#[fault(source)] Upstream),
    #[fault(code = 502, message = "{0}")]
    Gateway(#[fault(from)] Upstream),
    #[fault(
        code = 504,
        message = "timeout at {host}",
        explanation = "The upstream timed out."
    )]
    Timeout { host: String },
    #[fault(
        code = 400,
        title = "InvalidParameterValue",
        message = "bad value: {0}"
    )]
    Invalid(String),
    #[fault(code = 409, message = "conflict on {0}", expose)]
    ExposedConflict(String),
    #[fault(code = 503, message = "{0}", expose)]
    Exposed(String),
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    /// Whatever the secret, a hidden 5xx sends it nowhere; a 4xx, or an `expose`d 5xx, sends
    /// its message in every format that has a body.
    #[test]
    fn secrets_stay_in_display(secret in "[A-Za-z0-9]{16,32}", id in "[a-z0-9-]{1,40}") {
        let hidden = [
            Wrapping::Source(Upstream(secret.clone())),
            Wrapping::Gateway(Upstream(secret.clone())),
            Wrapping::Timeout { host: secret.clone() },
        ];
        let shown = [
            Wrapping::Invalid(secret.clone()),
            Wrapping::ExposedConflict(secret.clone()),
            Wrapping::Exposed(secret.clone()),
        ];
        for format in Format::ALL {
            for accept in ["application/json", "application/xml"] {
                let cx = Context::new().with_accept(accept).with_request_id(id.as_str());
                for err in &hidden {
                    proptest::prop_assert!(err.to_string().contains(&secret));
                    let all = bytes_of(&err.to_response(format, &cx));
                    proptest::prop_assert!(!contains(&all, &secret), "{:?} as {} ({})", err, format, accept);
                }
                for err in &shown {
                    let response = err.to_response(format, &cx);
                    proptest::prop_assert!(contains(response.body(), &secret), "{:?} as {}", err, format);
                }
            }
        }
    }
}
