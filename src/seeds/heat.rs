//! Heat's AWS-compatible API errors, as the seed `heat-aws-exceptions.txt` documents the
//! `heat.api.aws.exception` module.
//!
//! Each `HeatAPIException` subclass becomes a variant with the class's `code`, `title`,
//! `err_type` and `explanation`; the explanation is the fixed message. The seed truncates
//! two explanations (`HeatActionInProgressError` and `HeatSignatureError`); the full strings
//! are those of the conformance catalogue. As in Heat, `MalformedQueryString` is 404,
//! `Throttling` is 400, and two classes share the title `InvalidAction`.
//!
//! The enum also derives [`FromFault`]: a fault read back finds its variant by title, and of
//! the two `InvalidAction` classes [`HeatError::InvalidAction`] is the `parse_target`.
//! [`FromFault::from_remote`] maps the engine's exception names as Heat's `map_remote_error`
//! does (its `remote(...)` lists are the seed's groups; `InternalFailure` is the default),
//! except that every group is matched by exact name, where Heat's two plain-string groups
//! would also match any substring.
//!
//! ```
//! use fault_core::{ApiFault, FromFault};
//! use fault_suite::seeds::HeatError;
//!
//! let fault = HeatError::ActionInProgress.fault();
//! assert_eq!(HeatError::from_fault(&fault), Some(HeatError::InvalidAction));
//! assert_eq!(
//!     HeatError::from_remote("StackValidationFailed_Remote", Some("bad template")),
//!     Some(HeatError::InvalidParameterValue)
//! );
//! assert_eq!(HeatError::from_remote("Stack", None), Some(HeatError::InternalFailure));
//! ```
//!
//! ```
//! use fault_core::{ApiFault, ErrType};
//! use fault_suite::seeds::HeatError;
//!
//! let err = HeatError::ActionInProgress;
//! assert_eq!(err.status().as_u16(), 400);
//! assert_eq!(err.title(), "InvalidAction");
//! assert_eq!(err.err_type(), ErrType::Sender);
//! assert_eq!(err.class_name(), "HeatActionInProgressError");
//! assert_eq!(
//!     err.to_string(),
//!     "Cannot perform action on stack while other actions are in progress"
//! );
//! ```

use fault_core::{ApiFault, FromFault};

/// An error of Heat's AWS-compatible (CloudFormation) API: one variant per
/// `heat.api.aws.exception` class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ApiFault, FromFault)]
#[fault(format = "heat")]
pub enum HeatError {
    /// The request signature does not conform to AWS standards.
    #[fault(
        code = 400,
        title = "IncompleteSignature",
        message = "The request signature does not conform to AWS standards"
    )]
    IncompleteSignature,

    /// The request processing has failed due to some unknown error.
    #[fault(
        code = 500,
        title = "InternalFailure",
        err_type = "Server",
        message = "The request processing has failed due to an internal error",
        remote_default
    )]
    InternalFailure,

    /// The action or operation requested is invalid.
    ///
    /// The variant a parsed `InvalidAction` fault reads back as (`parse_target`).
    #[fault(
        code = 400,
        title = "InvalidAction",
        message = "The action or operation requested is invalid",
        parse_target
    )]
    InvalidAction,

    /// The X.509 certificate or AWS Access Key ID provided does not exist.
    #[fault(
        code = 403,
        title = "InvalidClientTokenId",
        message = "The certificate or AWS Key ID provided does not exist"
    )]
    InvalidClientTokenId,

    /// Parameters that must not be used together were used together.
    #[fault(
        code = 400,
        title = "InvalidParameterCombination",
        message = "Incompatible parameters were used together"
    )]
    InvalidParameterCombination,

    /// A bad or out-of-range value was supplied for the input parameter.
    #[fault(
        code = 400,
        title = "InvalidParameterValue",
        message = "A bad or out-of-range value was supplied",
        remote(
            "AttributeError",
            "ValueError",
            "InvalidTenant",
            "EntityNotFound",
            "ResourceActionNotSupported",
            "ResourceNotFound",
            "ResourceNotAvailable",
            "StackValidationFailed",
            "InvalidSchemaError",
            "InvalidTemplateReference",
            "InvalidTemplateVersion",
            "InvalidTemplateSection",
            "UnknownUserParameter",
            "UserParameterMissing",
            "MissingCredentialError",
            "ResourcePropertyConflict",
            "PropertyUnspecifiedError",
            "NotSupported",
            "InvalidBreakPointHook",
            "PhysicalResourceIDAmbiguity",
        )
    )]
    InvalidParameterValue,

    /// AWS query string is malformed, does not adhere to AWS standards.
    #[fault(
        code = 400,
        title = "InvalidQueryParameter",
        message = "AWS query string is malformed, does not adhere to AWS spec"
    )]
    InvalidQueryParameter,

    /// The query string is malformed.
    ///
    /// Heat answers 404 for it.
    #[fault(
        code = 404,
        title = "MalformedQueryString",
        message = "The query string is malformed"
    )]
    MalformedQueryString,

    /// The request is missing an action or operation parameter.
    #[fault(
        code = 400,
        title = "MissingAction",
        message = "The request is missing an action or operation parameter"
    )]
    MissingAction,

    /// Does not contain a valid AWS Access Key or certificate.
    ///
    /// Request must contain either a valid (registered) AWS Access Key ID or X.509
    /// certificate.
    #[fault(
        code = 403,
        title = "MissingAuthenticationToken",
        message = "Does not contain a valid AWS Access Key or certificate"
    )]
    MissingAuthenticationToken,

    /// A mandatory input parameter is missing.
    ///
    /// An input parameter that is mandatory for processing the request is missing.
    #[fault(
        code = 400,
        title = "MissingParameter",
        message = "A mandatory input parameter is missing"
    )]
    MissingParameter,

    /// The AWS Access Key ID needs a subscription for the service.
    #[fault(
        code = 403,
        title = "OptInRequired",
        message = "The AWS Access Key ID needs a subscription for the service"
    )]
    OptInRequired,

    /// Request expired or more than 15 minutes in the future.
    ///
    /// Request is past expires date or the request date (either with 15 minute padding), or
    /// the request date occurs more than 15 minutes in the future.
    #[fault(
        code = 400,
        title = "RequestExpired",
        message = "Request expired or more than 15mins in the future"
    )]
    RequestExpired,

    /// The request has failed due to a temporary failure of the server.
    #[fault(
        code = 503,
        title = "ServiceUnavailable",
        err_type = "Server",
        message = "Service temporarily unavailable"
    )]
    ServiceUnavailable,

    /// Request was denied due to request throttling.
    ///
    /// Heat answers 400 for it.
    #[fault(
        code = 400,
        title = "Throttling",
        message = "Request was denied due to request throttling"
    )]
    Throttling,

    /// Resource with the name requested already exists.
    #[fault(
        code = 400,
        title = "AlreadyExists",
        message = "Resource with the name requested already exists",
        remote("StackExists")
    )]
    AlreadyExists,

    /// Authentication fails due to user IAM group memberships.
    ///
    /// This is the response given when authentication fails due to user IAM group
    /// memberships meaning we deny access.
    #[fault(
        code = 403,
        title = "AccessDenied",
        message = "User is not authorized to perform action",
        remote("Forbidden", "NotAuthorized")
    )]
    AccessDenied,

    /// Authentication fails due to a bad signature.
    #[fault(
        code = 403,
        title = "SignatureDoesNotMatch",
        message = "The request signature we calculated does not match the signature you provided"
    )]
    Signature,

    /// API action is not yet implemented.
    #[fault(
        code = 500,
        title = "APINotImplemented",
        err_type = "Server",
        message = "The requested action is not yet implemented"
    )]
    ApiNotImplemented,

    /// Cannot perform action on stack in its current state.
    ///
    /// Shares the title `InvalidAction` with [`HeatError::InvalidAction`].
    #[fault(
        code = 400,
        title = "InvalidAction",
        message = "Cannot perform action on stack while other actions are in progress",
        remote("ActionInProgress")
    )]
    ActionInProgress,

    /// Payload exceeds maximum allowed size.
    #[fault(
        code = 400,
        title = "RequestLimitExceeded",
        message = "Payload exceeds maximum allowed size",
        remote("RequestLimitExceeded")
    )]
    RequestLimitExceeded,
}

impl HeatError {
    /// Every variant, in the order of the conformance catalogue.
    pub const ALL: [HeatError; 21] = [
        HeatError::IncompleteSignature,
        HeatError::InternalFailure,
        HeatError::InvalidAction,
        HeatError::InvalidClientTokenId,
        HeatError::InvalidParameterCombination,
        HeatError::InvalidParameterValue,
        HeatError::InvalidQueryParameter,
        HeatError::MalformedQueryString,
        HeatError::MissingAction,
        HeatError::MissingAuthenticationToken,
        HeatError::MissingParameter,
        HeatError::OptInRequired,
        HeatError::RequestExpired,
        HeatError::ServiceUnavailable,
        HeatError::Throttling,
        HeatError::AlreadyExists,
        HeatError::AccessDenied,
        HeatError::Signature,
        HeatError::ApiNotImplemented,
        HeatError::ActionInProgress,
        HeatError::RequestLimitExceeded,
    ];

    /// The name of the `heat.api.aws.exception` class this variant reproduces.
    #[must_use]
    pub const fn class_name(self) -> &'static str {
        match self {
            HeatError::IncompleteSignature => "HeatIncompleteSignatureError",
            HeatError::InternalFailure => "HeatInternalFailureError",
            HeatError::InvalidAction => "HeatInvalidActionError",
            HeatError::InvalidClientTokenId => "HeatInvalidClientTokenIdError",
            HeatError::InvalidParameterCombination => "HeatInvalidParameterCombinationError",
            HeatError::InvalidParameterValue => "HeatInvalidParameterValueError",
            HeatError::InvalidQueryParameter => "HeatInvalidQueryParameterError",
            HeatError::MalformedQueryString => "HeatMalformedQueryStringError",
            HeatError::MissingAction => "HeatMissingActionError",
            HeatError::MissingAuthenticationToken => "HeatMissingAuthenticationTokenError",
            HeatError::MissingParameter => "HeatMissingParameterError",
            HeatError::OptInRequired => "HeatOptInRequiredError",
            HeatError::RequestExpired => "HeatRequestExpiredError",
            HeatError::ServiceUnavailable => "HeatServiceUnavailableError",
            HeatError::Throttling => "HeatThrottlingError",
            HeatError::AlreadyExists => "AlreadyExistsError",
            HeatError::AccessDenied => "HeatAccessDeniedError",
            HeatError::Signature => "HeatSignatureError",
            HeatError::ApiNotImplemented => "HeatAPINotImplementedError",
            HeatError::ActionInProgress => "HeatActionInProgressError",
            HeatError::RequestLimitExceeded => "HeatRequestLimitExceeded",
        }
    }

    /// The variant reproducing the `heat.api.aws.exception` class named `class`, if any.
    #[must_use]
    pub fn from_class_name(class: &str) -> Option<Self> {
        HeatError::ALL.into_iter().find(|e| e.class_name() == class)
    }
}
