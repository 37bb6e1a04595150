//! Rendering any fault in every format and both encodings: the body is well-formed (quick-xml
//! or serde_json), the headers are clean, a request id that is no safe header value is
//! replaced, and `Fault::parse` reads the message back (characters XML 1.0 forbids as U+FFFD).

#![no_main]

use arbitrary::Arbitrary;
use fault_core::http::{Method, StatusCode};
use fault_core::{Dialect, Member, Value, Context, ErrType, Fault, Format, Microversion, RetryAfter, is_valid_request_id};
use fault_fuzz::{check_response, expected_message, is_plain_name};
use libfuzzer_sys::fuzz_target;
use std::time::{Duration, UNIX_EPOCH};

#[derive(Arbitrary, Debug)]
struct Input {
    status: u16,
    title: String,
    message: String,
    details: Option<String>,
    request_id: Option<String>,
    context_request_id: Option<String>,
    extras: Vec<(String, String)>,
    validation_errors: Vec<String>,
    created: Option<String>,
    code: Option<String>,
    namespace: Option<String>,
    retry_after: Option<u32>,
    /// Seconds from the epoch, either way: a `Retry-After` date, any year.
    retry_at: Option<i64>,
    err_type: u8,
    instance: Option<String>,
    host_id: Option<String>,
    auth_uri: Option<String>,
    microversion: Option<(u16, u16)>,
    head: bool,
    query_compatible: bool,
    /// A structured member: a list of structures of a string, a number, a float and a flag,
    /// flattened or not, bound to a header or not.
    structured: Option<(String, Vec<(String, i64, f64, bool)>, bool, Option<String>)>,
    message_member: Option<String>,
    query_code: Option<String>,
    problem_type: Option<String>,
    language: Option<String>,
    dialect: u8,
}

fuzz_target!(|input: Input| {
    let status = StatusCode::from_u16(400 + input.status % 200).unwrap();
    let mut fault = Fault::new(status, input.title.as_str())
        .with_message(input.message.as_str())
        .with_err_type(match input.err_type % 4 {
            0 => ErrType::Sender,
            1 => ErrType::Receiver,
            2 => ErrType::Server,
            _ => ErrType::for_status(status),
        });
    if let Some(details) = &input.details {
        fault = fault.with_details(details.as_str());
    }
    if let Some(id) = &input.request_id {
        fault = fault.with_request_id(id.as_str());
    }
    for (name, value) in &input.extras {
        fault = fault.with_member(Member::new(name.as_str(), value.as_str()));
    }
    if let Some((name, items, flattened, header)) = &input.structured {
        let list = Value::list(items.iter().map(|(text, n, f, b)| {
            Value::structure([
                Member::new("Text", text.as_str()),
                Member::new("Number", *n),
                Member::new("Float", *f),
                Member::new("Flag", *b),
            ])
        }));
        let mut member = Member::new(name.as_str(), list);
        if *flattened {
            member = member.flattened();
        }
        if let Some(header) = header {
            member = member.in_header(header.as_str());
        }
        fault = fault.with_member(member);
    }
    if let Some(name) = &input.message_member {
        fault = fault.with_message_member(name.as_str());
    }
    if let Some(code) = &input.query_code {
        fault = fault.with_query_code(code.as_str());
    }
    if let Some(uri) = &input.problem_type {
        fault = fault.with_problem_type(uri.as_str());
    }
    if let Some(language) = &input.language {
        fault = fault.with_language(language.as_str());
    }
    fault = fault.with_dialect(Dialect::ALL[usize::from(input.dialect) % Dialect::ALL.len()]);
    for error in &input.validation_errors {
        fault = fault.with_validation_error(error.as_str());
    }
    if let Some(created) = &input.created {
        fault = fault.with_created(created.as_str());
    }
    if let Some(code) = &input.code {
        fault = fault.with_code(code.as_str());
    }
    if let Some(ns) = &input.namespace {
        fault = fault.with_namespace(ns.as_str());
    }
    if let Some(seconds) = input.retry_after {
        fault = fault.with_retry_after(RetryAfter::Seconds(seconds.into()));
    }
    let at = input.retry_at.and_then(|offset| {
        let span = Duration::from_secs(offset.unsigned_abs());
        if offset < 0 {
            UNIX_EPOCH.checked_sub(span)
        } else {
            UNIX_EPOCH.checked_add(span)
        }
    });
    if let Some(at) = at {
        fault = fault.with_retry_after(RetryAfter::At(at));
    }
    // The message must read back when nothing else in the body could be mistaken for it.
    let plain = is_plain_name(&input.title)
        && input.extras.iter().all(|(n, _)| is_plain_name(n))
        && input.message_member.is_none()
        && input.query_code.as_deref().is_none_or(is_plain_name)
        && input
            .structured
            .as_ref()
            .is_none_or(|(name, _, _, header)| is_plain_name(name) && header.is_none());
    for accept in ["application/json", "application/xml"] {
        let mut cx = Context::new()
            .with_accept(accept)
            .with_query_compatible(input.query_compatible);
        if let Some(id) = &input.context_request_id {
            cx = cx.with_request_id(id.as_str());
        }
        if let Some(instance) = &input.instance {
            cx = cx.with_instance(instance.as_str());
        }
        if let Some(host_id) = &input.host_id {
            cx = cx.with_host_id(host_id.as_str());
        }
        if let Some(uri) = &input.auth_uri {
            cx = cx.with_auth_uri(uri.as_str());
        }
        if let Some((major, minor)) = input.microversion {
            cx = cx.with_microversion(Microversion::new(major, minor));
        }
        if input.head {
            cx = cx.with_method(Method::HEAD);
        }
        for format in Format::ALL {
            let encoding = Fault::encoding(format, &cx);
            let what = format!("{format} ({accept})");
            let response = fault.render(format, &cx);
            check_response(&response, encoding, &what);
            assert_eq!(response.status(), status, "{what}");
            if format == Format::Keystone && status == StatusCode::UNAUTHORIZED {
                assert!(
                    response.headers().contains_key("www-authenticate"),
                    "{what}"
                );
            }
            // The id sent is the fault's or the context's when it is safe, else a fresh one.
            let given = input
                .request_id
                .as_deref()
                .or(input.context_request_id.as_deref());
            let id_headers = [
                "x-amzn-requestid",
                "x-amz-request-id",
                "x-openstack-request-id",
                "x-compute-request-id",
                "x-request-id",
            ];
            for name in id_headers {
                if let Some(sent) = response.headers().get(name) {
                    let sent = sent.to_str().unwrap();
                    match given {
                        Some(given) if is_valid_request_id(given) => {
                            assert_eq!(sent, given, "{what}: {name}");
                        }
                        _ => assert!(sent.starts_with("req-"), "{what}: {name} = {sent:?}"),
                    }
                }
            }
            if plain && !response.body().is_empty() {
                let back = Fault::from_response(&response);
                let want =
                    expected_message(format, encoding, &input.message, input.details.as_deref());
                assert_eq!(back.message().to_string(), want, "{what}");
            }
        }
    }
});
