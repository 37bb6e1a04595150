//! `Fault::parse` on any status, headers and body: it never panics, keeps at most what the
//! limits say, and what it reads renders back well-formed in the format it detected.

#![no_main]

use fault_core::{Context, Fault, ParseLimits};
use fault_fuzz::{check_response, split_response};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (status, headers, body) = split_response(data);
    // The defaults, and limits tight enough that fuzz-sized inputs hit every cut.
    let tight = ParseLimits {
        max_body: 96,
        max_depth: 3,
        max_elements: 6,
    };
    for limits in [ParseLimits::default(), tight] {
        let fault = Fault::parse_with(status, &headers, body, &limits);
        let raw = fault.raw().expect("a parsed fault keeps its body");
        assert!(raw.len() <= limits.max_body, "raw text over the limit");
        assert_eq!(fault.status(), status);
        // Whatever came in goes out well-formed, in the family it was read as.
        let format = fault.format().unwrap_or_else(|| fault.default_format());
        for accept in ["application/json", "application/xml"] {
            let cx = Context::new().with_accept(accept);
            let response = fault.render(format, &cx);
            check_response(&response, Fault::encoding(format, &cx), "re-rendered parse");
        }
    }
});
