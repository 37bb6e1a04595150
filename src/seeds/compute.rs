//! The OpenStack Compute API faults, as the seed `compute-api-faults.txt` (the schema of
//! `ComputeAPIFault` and its subtypes) describes them.
//!
//! Every fault carries the human-readable `message` it sends; the seed's description of the
//! fault is its `explanation`. The 5xx faults (`computeFault`, `serverCapacityUnavailable`,
//! `serviceUnavailable`, `notImplemented`) send their explanation instead of the message,
//! which stays in `Display` for logs, so internal detail is never sent by default. The seed
//! says the codes are customary defaults rather than part of the schema (`computeFault` in
//! particular may carry any status); these are the defaults it shows.
//!
//! ```
//! use fault_core::ApiFault;
//! use fault_suite::seeds::ComputeFault;
//!
//! let missing = ComputeFault::ItemNotFound("Instance 42 could not be found.".into());
//! assert_eq!(missing.status().as_u16(), 404);
//! assert_eq!(missing.title(), "itemNotFound");
//! assert_eq!(missing.fault().message(), "Instance 42 could not be found.");
//!
//! let broken = ComputeFault::Compute("db timeout on host-7".into());
//! assert_eq!(broken.title(), "computeFault");
//! assert_eq!(broken.fault().message(), "A generic Cloud Servers API fault.");
//! assert_eq!(broken.to_string(), "db timeout on host-7");
//! ```

use fault_core::ApiFault;

/// A fault of the OpenStack Compute API: one variant per fault element of the schema, each
/// carrying its message.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ApiFault)]
#[fault(format = "openstack", rename_all = "camelCase")]
pub enum ComputeFault {
    /// A generic Cloud Servers API fault.
    #[fault(
        code = 500,
        title = "computeFault",
        message = "{0}",
        explanation = "A generic Cloud Servers API fault."
    )]
    Compute(String),

    /// The item or resource could not be found.
    #[fault(
        code = 404,
        message = "{0}",
        explanation = "The item or resource could not be found."
    )]
    ItemNotFound(String),

    /// The operation is not allowed because the corresponding server is in a build state.
    #[fault(
        code = 409,
        message = "{0}",
        explanation = "The operation is not allowed because the corresponding server is in a build state."
    )]
    BuildInProgress(String),

    /// There is not enough capacity to honor the request.
    #[fault(
        code = 503,
        message = "{0}",
        explanation = "There is not enough capacity to honor the request."
    )]
    ServerCapacityUnavailable(String),

    /// The operation is not allowed because the corresponding server is being re-sized or
    /// backed up.
    #[fault(
        code = 409,
        message = "{0}",
        explanation = "The operation is not allowed because the corresponding server is being re-sized or backed up."
    )]
    BackupOrResizeInProgress(String),

    /// The re-size operation is not permitted.
    #[fault(
        code = 403,
        message = "{0}",
        explanation = "The re-size operation is not permitted."
    )]
    ResizeNotAllowed(String),

    /// The API service is currently unavailable.
    #[fault(
        code = 503,
        message = "{0}",
        explanation = "The API service is currently unavailable."
    )]
    ServiceUnavailable(String),

    /// Insufficient privileges to honor the request, perhaps an authentication token needs to
    /// be obtained or renewed.
    #[fault(
        code = 401,
        message = "{0}",
        explanation = "Insufficient privileges to honor the request, perhaps an authentication token needs to be obtained or renewed."
    )]
    Unauthorized(String),

    /// Authentication has been validated, however the operation is unauthorized.
    #[fault(
        code = 403,
        message = "{0}",
        explanation = "Authentication has been validated, however the operation is unauthorized."
    )]
    Forbidden(String),

    /// An absolute or rate limit has been exceeded.
    #[fault(
        code = 413,
        message = "{0}",
        explanation = "An absolute or rate limit has been exceeded."
    )]
    OverLimit(String),

    /// The request is malformed.
    #[fault(code = 400, message = "{0}", explanation = "The request is malformed.")]
    BadRequest(String),

    /// The Content Type of the request is not supported.
    #[fault(
        code = 415,
        message = "{0}",
        explanation = "The Content Type of the request is not supported."
    )]
    BadMediaType(String),

    /// The HTTP method (or verb) is not supported by the corresponding resource.
    #[fault(
        code = 405,
        message = "{0}",
        explanation = "The HTTP method (or verb) is not supported by the corresponding resource."
    )]
    BadMethod(String),

    /// The operation is currently not implemented.
    #[fault(
        code = 501,
        message = "{0}",
        explanation = "The operation is currently not implemented."
    )]
    NotImplemented(String),
}

impl ComputeFault {
    /// The number of variants.
    pub const COUNT: usize = 14;

    /// Every variant, each carrying `message`, in the order of the seed.
    #[must_use]
    pub fn all(message: &str) -> [ComputeFault; Self::COUNT] {
        let m = || message.to_owned();
        [
            ComputeFault::Compute(m()),
            ComputeFault::ItemNotFound(m()),
            ComputeFault::BuildInProgress(m()),
            ComputeFault::ServerCapacityUnavailable(m()),
            ComputeFault::BackupOrResizeInProgress(m()),
            ComputeFault::ResizeNotAllowed(m()),
            ComputeFault::ServiceUnavailable(m()),
            ComputeFault::Unauthorized(m()),
            ComputeFault::Forbidden(m()),
            ComputeFault::OverLimit(m()),
            ComputeFault::BadRequest(m()),
            ComputeFault::BadMediaType(m()),
            ComputeFault::BadMethod(m()),
            ComputeFault::NotImplemented(m()),
        ]
    }

    /// The message this fault carries (its `Display`; for a 5xx, not what is sent).
    #[must_use]
    pub fn message(&self) -> &str {
        match self {
            ComputeFault::Compute(m)
            | ComputeFault::ItemNotFound(m)
            | ComputeFault::BuildInProgress(m)
            | ComputeFault::ServerCapacityUnavailable(m)
            | ComputeFault::BackupOrResizeInProgress(m)
            | ComputeFault::ResizeNotAllowed(m)
            | ComputeFault::ServiceUnavailable(m)
            | ComputeFault::Unauthorized(m)
            | ComputeFault::Forbidden(m)
            | ComputeFault::OverLimit(m)
            | ComputeFault::BadRequest(m)
            | ComputeFault::BadMediaType(m)
            | ComputeFault::BadMethod(m)
            | ComputeFault::NotImplemented(m) => m,
        }
    }
}
