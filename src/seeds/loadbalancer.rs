//! The load balancer API faults, as the seed `loadbalancer-faults.rst` documents them.
//!
//! All faults extend `serviceFault` (never returned itself) and are written in the namespace
//! `http://docs.openstack.org/loadbalancers/api/v1.0`. Each variant's fixed message is the
//! one in the seed's sample response for that fault. The statuses are those of the current
//! edition of the document: the seed's samples still show `loadBalancerFault` with code 401
//! and `unauthorized` with 404, from older editions; here they are 500 and 401.
//!
//! ```
//! use fault_core::ApiFault;
//! use fault_suite::seeds::LoadBalancerFault;
//!
//! let err = LoadBalancerFault::ItemNotFound;
//! assert_eq!(err.status().as_u16(), 404);
//! assert_eq!(err.title(), "itemNotFound");
//! assert_eq!(err.fault().message(), "Object not Found");
//! assert_eq!(
//!     err.fault().namespace(),
//!     Some("http://docs.openstack.org/loadbalancers/api/v1.0")
//! );
//! ```

use fault_core::ApiFault;

/// A fault of the load balancer API: one variant per fault the seed documents.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ApiFault)]
#[fault(
    format = "load_balancer",
    namespace = "http://docs.openstack.org/loadbalancers/api/v1.0",
    rename_all = "camelCase"
)]
pub enum LoadBalancerFault {
    /// The data in the request object is invalid; for example, a string was used in a
    /// parameter that was expecting an integer. The fault wraps validation errors.
    #[fault(code = 400, message = "Validation fault")]
    BadRequest {
        /// What is wrong with the object as a whole (`details`).
        #[fault(details)]
        details: Option<String>,
        /// One message per invalid field (`validationErrors`).
        #[fault(validation_errors)]
        validation_errors: Vec<String>,
    },

    /// A user attempts to modify an item that is not currently in a state that allows
    /// modification. For example, load balancers in a status of `PENDING_UPDATE`, `BUILD`,
    /// or `DELETED` may not be modified.
    #[fault(
        code = 422,
        message = "The object at the specified URI is immutable and can not be overwritten."
    )]
    ImmutableEntity,

    /// The item was not found.
    #[fault(code = 404, message = "Object not Found")]
    ItemNotFound,

    /// An error occurred during a load balancer operation.
    ///
    /// The message is the seed's sample, which comes from an older edition of the document
    /// where this fault had code 401.
    #[fault(
        code = 500,
        title = "loadBalancerFault",
        message = "Invalid authentication token. Please renew"
    )]
    LoadBalancer,

    /// There are no virtual IPs left to assign to a new load balancer. In practice, this
    /// fault should not occur, as virtual IPs is ordered as capacity is required. If you do
    /// experience this fault, contact support so that we may make more IPs available.
    #[fault(
        code = 500,
        message = "Out of virtual IPs. Please contact support so they can allocate more virtual IPs."
    )]
    OutOfVirtualIps,

    /// The user has exceeded a currently allocated limit.
    #[fault(
        code = 413,
        message = "Your account is currently over the limit so your request could not be processed."
    )]
    OverLimit,

    /// The service is unavailable, such as when the service is undergoing maintenance. Note
    /// that this does not necessarily mean that the currently configured load balancers are
    /// unable to process traffic; it simply means that the API is currently unable to
    /// service requests.
    #[fault(
        code = 500,
        message = "The Load balancing service is currently not available"
    )]
    ServiceUnavailable,

    /// The user is not authorized to perform an attempted operation.
    #[fault(
        code = 401,
        message = "You are not authorized to execute this operation."
    )]
    Unauthorized,

    /// An operation is requested on an item that does not support the operation, but the
    /// request is properly formed. The API does not allow concurrent modifications on a
    /// single load balancer, so a concurrent modification returns this fault.
    #[fault(
        code = 422,
        message = "The Object at the specified URI is unprocessable."
    )]
    UnprocessableEntity,
}

impl LoadBalancerFault {
    /// Every variant, in the order of the seed (`BadRequest` without details or errors).
    #[must_use]
    pub fn all() -> [LoadBalancerFault; 9] {
        [
            LoadBalancerFault::BadRequest {
                details: None,
                validation_errors: Vec::new(),
            },
            LoadBalancerFault::ImmutableEntity,
            LoadBalancerFault::ItemNotFound,
            LoadBalancerFault::LoadBalancer,
            LoadBalancerFault::OutOfVirtualIps,
            LoadBalancerFault::OverLimit,
            LoadBalancerFault::ServiceUnavailable,
            LoadBalancerFault::Unauthorized,
            LoadBalancerFault::UnprocessableEntity,
        ]
    }
}
