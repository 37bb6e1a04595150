//! The OpenStack Block Storage (v2) faults, as the seed `block-storage-faults.txt` lists
//! them in its table of fault types, error codes and descriptions.
//!
//! Every fault carries the human-readable `message` it sends and is written in the
//! namespace `http://docs.openstack.org/openstack-block-storage/2.0/content`. The table's
//! description of each fault is its `explanation`, except for `instanceFault`: a 5xx sends
//! its explanation rather than its message, and the seed's samples show what that is, "The
//! server has either erred or is incapable of performing the requested operation." (the
//! reason for the error stays in `Display`, for logs).
//!
//! ```
//! use fault_core::ApiFault;
//! use fault_suite::seeds::VolumeFault;
//!
//! let bad = VolumeFault::BadRequest(
//!     "Volume 'size' needs to be a positive integer value, -1.0 cannot be accepted.".into(),
//! );
//! assert_eq!(bad.status().as_u16(), 400);
//! assert_eq!(bad.title(), "badRequest");
//! assert_eq!(
//!     bad.fault().message(),
//!     "Volume 'size' needs to be a positive integer value, -1.0 cannot be accepted."
//! );
//!
//! let crashed = VolumeFault::InstanceFault("volume driver raised KeyError".into());
//! assert_eq!(
//!     crashed.fault().message(),
//!     "The server has either erred or is incapable of performing the requested operation."
//! );
//! ```

use fault_core::ApiFault;

/// A fault of the OpenStack Block Storage API: one variant per row of the seed's table, each
/// carrying its message.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ApiFault)]
#[fault(
    format = "openstack",
    namespace = "http://docs.openstack.org/openstack-block-storage/2.0/content",
    rename_all = "camelCase"
)]
pub enum VolumeFault {
    /// The user request contains one or more errors.
    #[fault(
        code = 400,
        message = "{0}",
        explanation = "The user request contains one or more errors."
    )]
    BadRequest(String),

    /// The supplied token is not authorized to access the resources, either it's expired or
    /// invalid.
    #[fault(
        code = 401,
        message = "{0}",
        explanation = "The supplied token is not authorized to access the resources, either it's expired or invalid."
    )]
    Unauthorized(String),

    /// Access to the requested resource was denied.
    #[fault(
        code = 403,
        message = "{0}",
        explanation = "Access to the requested resource was denied."
    )]
    Forbidden(String),

    /// The back-end services did not find anything matching the Request-URI.
    ///
    /// The seed's sample message: "The resource could not be found."
    #[fault(
        code = 404,
        message = "{0}",
        explanation = "The back-end services did not find anything matching the Request-URI."
    )]
    ItemNotFound(String),

    /// The request method is not allowed for this resource.
    #[fault(
        code = 405,
        message = "{0}",
        explanation = "The request method is not allowed for this resource."
    )]
    BadMethod(String),

    /// Either the number of entities in the request is larger than allowed limits, or the
    /// user has exceeded allowable request rate limits. See the details element for more
    /// specifics. Contact your cloud provider if you think you need higher request rate
    /// limits.
    #[fault(
        code = 413,
        message = "{0}",
        explanation = "Either the number of entities in the request is larger than allowed limits, or the user has exceeded allowable request rate limits. See the details element for more specifics. Contact your cloud provider if you think you need higher request rate limits."
    )]
    OverLimit(String),

    /// The requested content type is not supported by this service.
    #[fault(
        code = 415,
        message = "{0}",
        explanation = "The requested content type is not supported by this service."
    )]
    BadMediaType(String),

    /// The requested resource could not be processed on at the moment.
    #[fault(
        code = 422,
        message = "{0}",
        explanation = "The requested resource could not be processed on at the moment."
    )]
    UnprocessableEntity(String),

    /// This is a generic server error and the message contains the reason for the error.
    /// This error could wrap several error messages and is a catch all.
    ///
    /// The reason is this variant's `Display`, for logs; the client is sent the seed's
    /// sample message, "The server has either erred or is incapable of performing the
    /// requested operation."
    #[fault(
        code = 500,
        message = "{0}",
        explanation = "The server has either erred or is incapable of performing the requested operation."
    )]
    InstanceFault(String),

    /// The requested method or resource is not implemented.
    #[fault(
        code = 501,
        message = "{0}",
        explanation = "The requested method or resource is not implemented."
    )]
    NotImplemented(String),

    /// Block Storage is not available.
    #[fault(
        code = 503,
        message = "{0}",
        explanation = "Block Storage is not available."
    )]
    ServiceUnavailable(String),
}

impl VolumeFault {
    /// The number of variants.
    pub const COUNT: usize = 11;

    /// Every variant, each carrying `message`, in the order of the seed's table.
    #[must_use]
    pub fn all(message: &str) -> [VolumeFault; Self::COUNT] {
        let m = || message.to_owned();
        [
            VolumeFault::BadRequest(m()),
            VolumeFault::Unauthorized(m()),
            VolumeFault::Forbidden(m()),
            VolumeFault::ItemNotFound(m()),
            VolumeFault::BadMethod(m()),
            VolumeFault::OverLimit(m()),
            VolumeFault::BadMediaType(m()),
            VolumeFault::UnprocessableEntity(m()),
            VolumeFault::InstanceFault(m()),
            VolumeFault::NotImplemented(m()),
            VolumeFault::ServiceUnavailable(m()),
        ]
    }

    /// The message this fault carries (its `Display`; for a 5xx, not what is sent).
    #[must_use]
    pub fn message(&self) -> &str {
        match self {
            VolumeFault::BadRequest(m)
            | VolumeFault::Unauthorized(m)
            | VolumeFault::Forbidden(m)
            | VolumeFault::ItemNotFound(m)
            | VolumeFault::BadMethod(m)
            | VolumeFault::OverLimit(m)
            | VolumeFault::BadMediaType(m)
            | VolumeFault::UnprocessableEntity(m)
            | VolumeFault::InstanceFault(m)
            | VolumeFault::NotImplemented(m)
            | VolumeFault::ServiceUnavailable(m) => m,
        }
    }
}
