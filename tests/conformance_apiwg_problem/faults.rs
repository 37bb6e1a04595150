//! The typed enums the API-WG, Placement and RFC 9457 cases render from, as the services and
//! the RFC's fictional APIs would declare them, and the typed extension members.

use fault_core::{ApiFault, FromFault, FromValue, Member, ToValue, Value};

/// The errors of the guideline's examples (a contrived chain of an orchestration and a
/// compute error, and the microversion example), as a service following it declares them.
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(format = "api_wg")]
pub enum GuidelineError {
    #[fault(
        code = 418,
        title = "The Stack could not be created",
        error_code = "orchestration.create_failed",
        message = "{detail}"
    )]
    CreateFailed {
        detail: String,
        #[fault(request_id)]
        request_id: String,
    },
    /// The first edition's code (2015), before `_` was allowed.
    #[fault(
        code = 418,
        title = "The Stack could not be created",
        error_code = "orchestration.create-failed",
        message = "{detail}"
    )]
    CreateFailed2015 {
        detail: String,
        #[fault(request_id)]
        request_id: String,
    },
    #[fault(
        code = 403,
        title = "No valid host found",
        error_code = "compute.scheduler.no-valid-host-found",
        message = "{detail}"
    )]
    NoValidHost {
        detail: String,
        #[fault(request_id)]
        request_id: String,
    },
    /// The microversion example, its code's typo kept.
    #[fault(
        code = 406,
        title = "Requested microversion is unsupported",
        error_code = "compute.microverion-unsupported",
        message = "{detail}"
    )]
    MicroversionUnsupported {
        detail: String,
        #[fault(request_id)]
        request_id: String,
        #[fault(member)]
        max_version: String,
        #[fault(member)]
        min_version: String,
    },
}

/// Placement's errors: the reason phrase as title, the code from microversion 1.23
/// (`placement.undefined_code` for these), the versions on a 406, `Allow` on a 405.
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(format = "placement", error_code = "placement.undefined_code")]
pub enum PlacementError {
    #[fault(code = 400, title = "Bad Request", message = "{0}")]
    BadRequest(String),
    #[fault(code = 404, title = "Not Found", message = "{0}")]
    NotFound(String),
    #[fault(code = 405, title = "Method Not Allowed", message = "{message}")]
    MethodNotAllowed {
        message: String,
        /// RFC 9110 §15.5.6: a 405 lists the methods the resource allows.
        #[fault(header = "allow")]
        allow: String,
    },
    #[fault(code = 406, title = "Not Acceptable", message = "{message}")]
    NotAcceptable {
        message: String,
        #[fault(member)]
        max_version: String,
        #[fault(member)]
        min_version: String,
    },
}

/// microversion-parse's test app ("cats") without a `json_error_formatter`: WebOb's own JSON
/// goes out, which no format of fault-core writes; the family its formatter would give (the
/// guideline's) is declared.
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(format = "api_wg")]
pub enum CatsError {
    #[fault(code = 400, title = "Bad Request", message = "{0}")]
    BadRequest(String),
    #[fault(code = 404, title = "Not Found", message = "{0}")]
    NotFound(String),
    #[fault(code = 406, title = "Not Acceptable", message = "{0}")]
    NotAcceptable(String),
}

/// One item of the RFC's `errors` extension: a detail and a JSON Pointer into the request.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pointer {
    pub detail: String,
    pub pointer: String,
}

impl ToValue for Pointer {
    fn to_value(&self) -> Value<'_> {
        Value::structure([
            Member::new("detail", self.detail.as_str()),
            Member::new("pointer", self.pointer.as_str()),
        ])
    }
}

impl FromValue for Pointer {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        Some(Pointer {
            detail: String::from_member(value.get("detail")),
            pointer: String::from_member(value.get("pointer")),
        })
    }
    fn missing() -> Self {
        Pointer::default()
    }
}

/// One item of RFC 7807's `invalid-params` extension.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Param {
    pub name: String,
    pub reason: String,
}

impl ToValue for Param {
    fn to_value(&self) -> Value<'_> {
        Value::structure([
            Member::new("name", self.name.as_str()),
            Member::new("reason", self.reason.as_str()),
        ])
    }
}

impl FromValue for Param {
    fn from_value(value: &Value<'_>) -> Option<Self> {
        Some(Param {
            name: String::from_member(value.get("name")),
            reason: String::from_member(value.get("reason")),
        })
    }
    fn missing() -> Self {
        Param::default()
    }
}

/// The problems of RFC 9457's examples (and RFC 7807's `invalid-params`), in English.
#[derive(Debug, PartialEq, ApiFault, FromFault)]
#[fault(format = "problem", language = "en")]
pub enum ProblemError {
    /// §3: the store's out-of-credit problem, with two extension members.
    #[fault(
        code = 403,
        title = "You do not have enough credit.",
        problem_type = "https://example.com/probs/out-of-credit",
        message = "{detail}"
    )]
    OutOfCredit {
        detail: String,
        #[fault(member)]
        balance: u32,
        #[fault(member)]
        accounts: Vec<String>,
        #[fault(instance)]
        instance: String,
    },
    /// §3: several problems of one type, in an `errors` extension; no detail.
    #[fault(
        code = 422,
        title = "Your request is not valid.",
        problem_type = "https://example.net/validation-error",
        message = ""
    )]
    ValidationError {
        #[fault(member)]
        errors: Vec<Pointer>,
    },
    /// RFC 7807 §3: the `invalid-params` extension RFC 9457 replaced; no detail.
    #[fault(
        code = 400,
        title = "Your request parameters didn't validate.",
        problem_type = "https://example.net/validation-error",
        message = ""
    )]
    InvalidParams {
        #[fault(member, rename = "invalid-params")]
        invalid_params: Vec<Param>,
    },
    /// §3.1.1: a type URI that does not resolve (a `tag:` URI).
    #[fault(
        code = 400,
        title = "Out of luck",
        problem_type = "tag:example@example.org,2021-09-17:OutOfLuck"
    )]
    OutOfLuck,
    /// §3.1.1: a relative type URI.
    #[fault(
        code = 400,
        title = "Example problem",
        problem_type = "example-problem"
    )]
    Example,
    /// §4.2.1: no type (`about:blank`), the status phrase as title.
    #[fault(code = 404, title = "Not Found")]
    NotFound,
}
