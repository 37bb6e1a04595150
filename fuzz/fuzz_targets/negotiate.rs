//! Content negotiation on any `Accept`: `negotiate` never panics and is what the render path
//! uses; the response it picks is well-formed, labelled with its encoding, and reads back.

#![no_main]

use fault_core::http::StatusCode;
use fault_core::{Context, Encoding, Fault, Format, negotiate};
use fault_fuzz::{check_response, expected_message};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let accept = String::from_utf8_lossy(data);
    let json = negotiate(Some(&accept), Encoding::Json);
    let xml = negotiate(Some(&accept), Encoding::Xml);
    // Only a tie keeps the default, so two different answers mean a tie: both defaults won.
    if json != xml {
        assert_eq!((json, xml), (Encoding::Json, Encoding::Xml));
    }
    let cx = Context::new().with_accept(accept.as_ref());
    assert_eq!(Fault::encoding(Format::OpenStack, &cx), json);
    assert_eq!(Fault::encoding(Format::LoadBalancer, &cx), xml);
    // 406 puts the Accept header into Placement's detail.
    for status in [StatusCode::NOT_FOUND, StatusCode::NOT_ACCEPTABLE] {
        let fault = Fault::new(status, "itemNotFound")
            .with_message("m <&> \"q\"")
            .with_details("d")
            .with_validation_error("v");
        for format in Format::ALL {
            let encoding = Fault::encoding(format, &cx);
            let response = fault.render(format, &cx);
            let what = format!("{format} for Accept {accept:?}");
            check_response(&response, encoding, &what);
            let content_type = response.headers()["content-type"].to_str().unwrap();
            if matches!(format, Format::OpenStack | Format::LoadBalancer) {
                let says_xml = content_type.contains("xml");
                assert_eq!(
                    says_xml,
                    encoding == Encoding::Xml,
                    "{what}: {content_type}"
                );
            }
            let back = Fault::from_response(&response);
            let want = expected_message(format, encoding, "m <&> \"q\"", Some("d"));
            assert_eq!(back.message().to_string(), want, "{what}");
        }
    }
});
