//! The OpenStack cases fault-core cannot reproduce or read yet, and why: what we send or read
//! against what the case shows, and the part of fault-core at fault.

use crate::conformance_cases::{Known, Side};

const PY2_ORDER: &str = "icehouse nova (Python 2 dict order) wrote `message` before `code`, and \
    this test compares the bytes; the nova shape writes code, message (wire/openstack.rs NOVA), \
    and no dialect has the Python 2 order";

const ICEHOUSE_QUOTA: &str = "icehouse's FaultWrapper replaced the whole header list with the \
    QuotaError's, so this 413 went out as `Content-Type: application/json` without charset; the \
    nova dialect always sends `application/json; charset=UTF-8`";

const RATE_LIMIT_XML: &str = "nova's RateLimitFault put `retryAfter` in an attribute \
    (`<overLimit code=\"429\" retryAfter=\"60\">`); the nova XML shape writes wsgi.Fault's \
    `<retryAfter>` child (wire/openstack.rs NOVA xml), and no compute shape writes the attribute \
    in seconds";

const OVER_LIMIT_FAULT: &str = "cinder's OverLimitFault sends no `retryAfter` member and, never \
    setting a content type, goes out as `text/html; charset=UTF-8`; the cinder shape adds \
    `retryAfter` to every 413 with a Retry-After (wire/openstack.rs CINDER, \
    When::PayloadTooLarge) and sends `application/json` or `application/xml; charset=UTF-8`";

const OVER_LIMIT_FAULT_SORTED: &str = "cinder's OverLimitFault (mitaka) sorts the children \
    (`<details>` before `<message>`), sends no `retryAfter` and goes out as `text/html; \
    charset=UTF-8`; we write message, details, `<retryAfter>` (wire/openstack.rs CINDER xml) as \
    `application/xml; charset=UTF-8`";

const OLD_WEBOB_CHARSET: &str = "WebOb < 1.7 kept `; charset=UTF-8` on cinder's JSON (Python 2 \
    era); the cinder dialect sends `application/json` as cinder on WebOb >= 1.7 does \
    (wire/openstack.rs CINDER), and no dialect has the old charset";

const ICEHOUSE_CINDER_NUMBER: &str = "icehouse cinder copied an int Retry-After unchanged, so \
    `retryAfter` was the JSON number 4 (and the JSON kept `; charset=UTF-8`); we write the string \
    \"4\", as later cinder does, in `application/json` (wire/openstack.rs CINDER)";

const SHAPES_RENDER: &str = "icehouse nova's XMLDictSerializer wrote a dict's members in Python \
    2 order, `<message>` last, and a list under `details` as `<details><detail>…`; the nova \
    shape writes `<message>` first and keeps the name `details` for the details text, so a list \
    member named `details` is not sent (Fault::unsent: `member details`)";

const SHAPES_PARSE: &str = "a `<details>` holding `<detail>` items is read as the details text, \
    its own empty text (wire/extract.rs xml, the `details` leaf), so the list is lost and the \
    member missing; nova's `None` also reads back as the string \"None\"";

const RETRY_AFTER_DATE: &str = "the v2 and v1.0 samples put a date-time under `retryAfter`; the \
    compute_schema dialect writes it as `retryAt` (wire/openstack.rs COMPUTE_SCHEMA), nova's as \
    seconds, and no shape writes a date under `retryAfter`";

pub const KNOWN_FAILURES: &[Known] = &[
    // nova today
    // nova 2014.1
    (
        "nova:2014.1:test_wsgi:test_resource_call_with_method_post",
        Side::Render,
        PY2_ORDER,
    ),
    (
        "nova:2014.1:test_wsgi:test_resource_call_with_method_put",
        Side::Render,
        PY2_ORDER,
    ),
    (
        "nova:2014.1:test_floating_ips:test_floating_ip_release_nonexisting",
        Side::Render,
        PY2_ORDER,
    ),
    (
        "nova:2014.1:test_floating_ips:test_floating_ip_show_not_found",
        Side::Render,
        PY2_ORDER,
    ),
    (
        "nova:2014.1:test_api:test_quota_error_mapping",
        Side::Render,
        ICEHOUSE_QUOTA,
    ),
    (
        "nova:2014.1:test_limits:test_limited_request_xml",
        Side::Render,
        RATE_LIMIT_XML,
    ),
    (
        "nova:2014.1:extra:XMLDictSerializer-shapes",
        Side::Render,
        SHAPES_RENDER,
    ),
    (
        "nova:2014.1:extra:XMLDictSerializer-shapes",
        Side::Parse,
        SHAPES_PARSE,
    ),
    // cinder today
    (
        "cinder:master:test_rate_limit:test_limited_request_json",
        Side::Render,
        OVER_LIMIT_FAULT,
    ),
    // cinder mitaka
    (
        "cinder:mitaka:test_faults:test_400_fault_json:ext",
        Side::Render,
        OLD_WEBOB_CHARSET,
    ),
    (
        "cinder:mitaka:test_faults:test_413_fault_json:ext",
        Side::Render,
        OLD_WEBOB_CHARSET,
    ),
    (
        "cinder:mitaka:test_faults:test_400_fault_json:accept",
        Side::Render,
        OLD_WEBOB_CHARSET,
    ),
    (
        "cinder:mitaka:test_faults:test_413_fault_json:accept",
        Side::Render,
        OLD_WEBOB_CHARSET,
    ),
    (
        "cinder:mitaka:test_limits:test_limited_request_xml",
        Side::Render,
        OVER_LIMIT_FAULT_SORTED,
    ),
    (
        "cinder:mitaka:test_limits:test_limited_request_json",
        Side::Render,
        OVER_LIMIT_FAULT,
    ),
    // cinder 2014.1
    (
        "cinder:2014.1:test_faults:test_400_fault_json:ext",
        Side::Render,
        OLD_WEBOB_CHARSET,
    ),
    (
        "cinder:2014.1:test_faults:test_413_fault_json:ext",
        Side::Render,
        ICEHOUSE_CINDER_NUMBER,
    ),
    (
        "cinder:2014.1:test_faults:test_400_fault_json:accept",
        Side::Render,
        OLD_WEBOB_CHARSET,
    ),
    (
        "cinder:2014.1:test_faults:test_413_fault_json:accept",
        Side::Render,
        ICEHOUSE_CINDER_NUMBER,
    ),
    (
        "cinder:2014.1:test_faults:test_raise_invalid_with_localized_explanation",
        Side::Render,
        OLD_WEBOB_CHARSET,
    ),
    (
        "cinder:2014.1:test_limits:test_limited_request_xml",
        Side::Render,
        OVER_LIMIT_FAULT,
    ),
    (
        "cinder:2014.1:test_limits:test_limited_request_json",
        Side::Render,
        OVER_LIMIT_FAULT,
    ),
    // the Compute API's and Rackspace's samples
    (
        "compute-api:v2/samples/overlimit.json",
        Side::Render,
        RETRY_AFTER_DATE,
    ),
    (
        "compute-api:v2/samples/overlimit.xml",
        Side::Render,
        RETRY_AFTER_DATE,
    ),
    (
        "compute-api:v1.0/samples/overlimit.json",
        Side::Render,
        RETRY_AFTER_DATE,
    ),
    (
        "compute-api:v1.0/samples/overlimit.xml",
        Side::Render,
        RETRY_AFTER_DATE,
    ),
];
