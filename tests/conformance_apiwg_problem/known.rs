//! The API-WG, Placement and RFC 9457 cases fault-core cannot reproduce or read yet, and why:
//! what we send or read against what the case shows, and the part of fault-core at fault.

use crate::conformance_cases::{Known, Side};

const GUIDELINE_VERSION_HEADERS: &str = "the guideline's 406 example sends `Openstack-API-Version: \
    compute 5.3` and `Vary: OpenStack-API-Version`; the api_wg shape sends the request id only \
    (wire/apiwg.rs GUIDELINE headers), and fault-core's one version header writes `placement \
    X.Y` (wire/apiwg.rs api_version), though the Context holds the microversion";

const PLACEMENT_ALWAYS_VERSIONED: &str = "we send `openstack-api-version: placement 1.0` and \
    `vary: openstack-api-version` on every Placement fault (wire/apiwg.rs PLACEMENT headers, \
    Header::ApiVersion, api_version defaulting to 1.0); microversion-parse raises its 400 and 406 \
    for a bad version before storing one and sends neither header";

const PLACEMENT_RAISED_NO_VARY: &str = "an error raised inside placement gets \
    `openstack-api-version` only, no `Vary` (microversion-parse adds Vary to returned responses, \
    as the 405s); we send `vary: openstack-api-version` on every Placement fault \
    (wire/apiwg.rs api_version)";

const PLACEMENT_HTML: &str = "with `Accept: text/html` WebOb renders its HTML error page \
    (json_error_formatter is not used); the Placement shape writes JSON only (wire/apiwg.rs \
    PLACEMENT), and sends the version headers this response lacks";

const HTML_PAGE: &str = "an HTML page is set aside as a proxy's (wire/parse.rs is_html, then \
    unrecognised): title \"406\" and the reason phrase as message, so WebOb's page's message \
    (\"Invalid microversion: Unacceptable version header: 0.5\") is lost and FromFault finds no \
    variant";

const FORMATTER_UNIT: &str = "not a response: the test calls placement's json_error_formatter \
    with title \"\" and body \"\"; the Placement shape writes the reason phrase as title and \
    WebOb's text around the message as detail (wire/apiwg.rs PLACEMENT_ERROR), and the version \
    headers";

const FORMATTER_UNIT_PARSE: &str = "the body's title is \"\" (the formatter's argument) and \
    below 1.23 it has no code: FromFault, matching by code or title only \
    (private/read_back.rs find_identity), finds no variant, though the status names one";

const WEBOB_JSON: &str = "without a json_error_formatter WebOb sends its own JSON, `{message, \
    code: \"<status line>\", title}`; fault-core reads it (wire/openstack.rs WEBOB_JSON is \
    parse-only) but no format writes it";

const WEBOB_JSON_VERSIONED: &str = "WebOb's own JSON (`{message, code: \"404 Not Found\", \
    title}`), which no format writes (wire/openstack.rs WEBOB_JSON is parse-only), with \
    `openstack-api-version: cats 1.1`, which no format sends for a service but placement";

const PROBLEM_STATUS: &str = "the example has no `status` (advisory and optional in RFC 9457 \
    §3.1.2); the problem shape always writes it (wire/problem.rs PROBLEM: pair(\"status\"))";

const PROBLEM_XML_STATUS: &str = "the XML example has no `<status>`; the problem shape's XML \
    always writes it (wire/problem.rs PROBLEM: leaf(\"status\"))";

const HTML_EMBEDDING: &str = "an HTML `<script type=\"application/problem+json\">`, compared \
    as bytes: fault-core writes the bare JSON (with `status`), never an HTML embedding";

const HTML_EMBEDDING_PARSE: &str = "a problem embedded in HTML is not found: the `<script>` \
    root is read as XML, claimed by no family, and the whole text becomes the message \
    (wire/parse.rs unrecognised)";

pub const APIWG_KNOWN_FAILURES: &[Known] = &[
    (
        "apiwg:microversion-errors-example",
        Side::Render,
        GUIDELINE_VERSION_HEADERS,
    ),
    (
        "placement:gabbi:microversion.yaml:unavailable microversion raises 406",
        Side::Render,
        PLACEMENT_ALWAYS_VERSIONED,
    ),
    (
        "placement:gabbi:microversion.yaml:other accept header bad version",
        Side::Render,
        PLACEMENT_HTML,
    ),
    (
        "placement:gabbi:microversion.yaml:other accept header bad version",
        Side::Parse,
        HTML_PAGE,
    ),
    (
        "placement:gabbi:microversion.yaml:bad format string raises 400",
        Side::Render,
        PLACEMENT_ALWAYS_VERSIONED,
    ),
    (
        "placement:gabbi:microversion.yaml:bad format multidot raises 400",
        Side::Render,
        PLACEMENT_ALWAYS_VERSIONED,
    ),
    (
        "placement:gabbi:microversion-bug-1724065.yaml:no accept header and out of range microversion",
        Side::Render,
        PLACEMENT_ALWAYS_VERSIONED,
    ),
    (
        "placement:gabbi:basic-http.yaml:404 at no service / error message has request id",
        Side::Render,
        PLACEMENT_RAISED_NO_VARY,
    ),
    (
        "placement:gabbi:basic-http.yaml:error message has default code 1.23",
        Side::Render,
        PLACEMENT_RAISED_NO_VARY,
    ),
    (
        "placement:unit:test_util:test_status_to_int_code",
        Side::Render,
        FORMATTER_UNIT,
    ),
    (
        "placement:unit:test_util:test_status_to_int_code",
        Side::Parse,
        FORMATTER_UNIT_PARSE,
    ),
    (
        "placement:unit:test_util:test_strip_body_tags",
        Side::Render,
        FORMATTER_UNIT,
    ),
    (
        "placement:unit:test_util:test_strip_body_tags",
        Side::Parse,
        FORMATTER_UNIT_PARSE,
    ),
    (
        "placement:unit:test_util:test_request_id_presence",
        Side::Render,
        FORMATTER_UNIT,
    ),
    (
        "placement:unit:test_util:test_request_id_presence",
        Side::Parse,
        FORMATTER_UNIT_PARSE,
    ),
    (
        "placement:unit:test_util:test_microversion_406_handling",
        Side::Render,
        FORMATTER_UNIT,
    ),
    (
        "placement:unit:test_util:test_microversion_406_handling",
        Side::Parse,
        FORMATTER_UNIT_PARSE,
    ),
    (
        "microversion-parse:gabbi:middleware.yaml:out of range",
        Side::Render,
        WEBOB_JSON,
    ),
    (
        "microversion-parse:gabbi:middleware.yaml:invalid format",
        Side::Render,
        WEBOB_JSON,
    ),
    (
        "microversion-parse:gabbi:middleware.yaml:header present on exception",
        Side::Render,
        WEBOB_JSON_VERSIONED,
    ),
];

pub const RFC9457_KNOWN_FAILURES: &[Known] = &[
    (
        "rfc9457:section3:out-of-credit",
        Side::Render,
        PROBLEM_STATUS,
    ),
    (
        "rfc9457:section3:validation-error",
        Side::Render,
        PROBLEM_STATUS,
    ),
    (
        "rfc9457:appendixB:xml-out-of-credit",
        Side::Render,
        PROBLEM_XML_STATUS,
    ),
    (
        "rfc9457:appendixC:html-script",
        Side::Render,
        HTML_EMBEDDING,
    ),
    (
        "rfc9457:appendixC:html-script",
        Side::Parse,
        HTML_EMBEDDING_PARSE,
    ),
    (
        "rfc7807:section3:invalid-params",
        Side::Render,
        PROBLEM_STATUS,
    ),
];
