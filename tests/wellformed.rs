//! Every output is well-formed whatever the fault holds: XML parses with quick-xml's strict
//! reader to one root, JSON parses with serde_json, and the message reads back (characters XML
//! 1.0 forbids come back as U+FFFD, the one documented change).

mod common;

use common::{assert_well_formed_xml, read_back};
use fault_core::{Context, Encoding, Fault, Format, Member, http::StatusCode};

fn hostile() -> Vec<String> {
    let mut all = vec![
        String::new(),
        " leading and trailing ".to_owned(),
        "tab\tnewline\ncarriage\rreturn\r\nmixed".to_owned(),
        "nul\u{0} bell\u{7} escape\u{1B} vertical\u{B} formfeed\u{C}".to_owned(),
        "nonchars \u{FFFE}\u{FFFF} and \u{FFFD} and del\u{7F}".to_owned(),
        "markup <tag attr=\"v\"> & entity &amp; &#1; &#x41; &bogus; ]]> <![CDATA[x]]>".to_owned(),
        "quotes ' \" ` and backslash \\ and slash /".to_owned(),
        "ünïcödé ✓ 日本語 𝄞 emoji 🦀 rtl \u{202E}".to_owned(),
        "\u{2028}\u{2029} separators".to_owned(),
        "{\"json\": [1, 2]} </message></itemNotFound>".to_owned(),
    ];
    all.push("x".repeat(1 << 20));
    all.push("<&>\u{0}".repeat(1 << 16));
    all
}

#[test]
fn every_format_writes_well_formed_bodies_that_read_back() {
    for text in hostile() {
        let fault = Fault::new(StatusCode::BAD_REQUEST, "badRequest")
            .with_message(text.as_str())
            .with_details(text.as_str())
            .with_member(Member::new("Resource", text.as_str()))
            .with_validation_error(text.as_str())
            .with_request_id(text.as_str());
        for format in Format::ALL {
            for accept in ["application/json", "application/xml"] {
                let cx = Context::new()
                    .with_accept(accept)
                    .with_instance(text.as_str())
                    .with_host_id(text.as_str());
                let encoding = Fault::encoding(format, &cx);
                let what = format!(
                    "{format} ({accept}) with {:?}",
                    text.chars().take(40).collect::<String>()
                );
                let response = fault.render(format, &cx);
                match encoding {
                    Encoding::Xml => assert_well_formed_xml(response.body(), &what),
                    Encoding::Json => {
                        serde_json::from_slice::<serde_json::Value>(response.body())
                            .unwrap_or_else(|e| panic!("{what}: invalid JSON: {e}"));
                    }
                }
                for (name, value) in response.headers() {
                    assert!(
                        value.to_str().is_ok() && !value.as_bytes().contains(&b'\n'),
                        "{what}: header {name}"
                    );
                }
                // Reading back is bounded by the parse limit (1 MiB); larger bodies are cut.
                if response.body().len() <= fault_core::ParseLimits::default().max_body {
                    let back = Fault::from_response(&response);
                    let mut want = read_back(&text, encoding);
                    if format == Format::Heat {
                        want = format!("{want}:{want}");
                    }
                    if matches!(
                        format,
                        Format::AwsQuery
                            | Format::AwsRestXml
                            | Format::Ec2Query
                            | Format::S3
                            | Format::AwsJson10
                            | Format::AwsJson11
                            | Format::AwsRestJson
                    ) && text.is_empty()
                    {
                        // An empty AWS message is left out, and reads back empty.
                        want = String::new();
                    }
                    let got = back.message().to_string();
                    assert!(
                        got == want,
                        "{what}: message reads back as {:?}…",
                        got.chars().take(80).collect::<String>()
                    );
                }
            }
        }
    }
}

#[test]
fn the_default_context_renders_every_format() {
    let fault = Fault::new(StatusCode::NOT_FOUND, "itemNotFound").with_message("gone");
    for format in Format::ALL {
        let response = fault.render(format, &Context::default());
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{format}");
        assert!(response.headers().contains_key("content-type"), "{format}");
        let back = Fault::from_response(&response);
        assert_eq!(back.message(), "gone", "{format}");
    }
}

#[test]
fn a_title_that_is_no_xml_name_still_gives_well_formed_xml() {
    let fault = Fault::new(StatusCode::CONFLICT, "Bad Request: <weird> & 1st").with_message("m");
    for format in [
        Format::OpenStack,
        Format::LoadBalancer,
        Format::AwsQuery,
        Format::S3,
    ] {
        let response = fault.render(format, &Context::new().with_accept("application/xml"));
        assert_well_formed_xml(response.body(), &format.to_string());
    }
}

#[test]
fn retry_after_dates_outside_what_http_can_name_still_render() {
    // httpdate panics on a time before 1970 or after 9999; rendering must not.
    use fault_core::RetryAfter;
    use std::time::{Duration, UNIX_EPOCH};
    let cases = [
        (
            UNIX_EPOCH - Duration::from_secs(1),
            "Thu, 01 Jan 1970 00:00:00 GMT",
        ),
        (
            UNIX_EPOCH + Duration::from_secs(1 << 40),
            "Fri, 31 Dec 9999 23:59:59 GMT",
        ),
        (
            UNIX_EPOCH + Duration::from_secs(784_111_777),
            "Sun, 06 Nov 1994 08:49:37 GMT",
        ),
    ];
    for (at, header) in cases {
        let fault = Fault::new(StatusCode::TOO_MANY_REQUESTS, "overLimit")
            .with_retry_after(RetryAfter::At(at));
        let past = at < std::time::SystemTime::now();
        for format in Format::ALL {
            let response = fault.render(format, &Context::new());
            let sent = response.headers()["retry-after"].to_str().unwrap();
            // All but problem details send seconds, as OpenStack's clients `int()` the header
            // and botocore reads it into an integer member.
            let seconds = format != Format::Problem;
            match (seconds, past) {
                (true, true) => assert_eq!(sent, "0", "{format}"),
                (true, false) => {
                    assert!(sent.parse::<u64>().is_ok_and(|s| s > 0), "{format}: {sent}")
                }
                (false, _) => assert_eq!(sent, header, "{format}"),
            }
        }
    }
}
