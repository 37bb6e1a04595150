//! The Placement API's errors, as the seed `placement-errors.rst` documents them: one
//! variant per error code it defines, plus generic variants for errors without a specific
//! code.
//!
//! Placement follows the OpenStack API-WG errors guideline: the body is
//! `{"errors": [{status, title, detail, code, request_id}]}`, the title is the HTTP reason
//! phrase (webob's title, passed through `json_error_formatter` in `placement/util.py`), the
//! detail is the message of the exception raised, and the code is sent from microversion
//! 1.23 on, `placement.undefined_code` when none was set. That default is this type's
//! `error_code`.
//!
//! The statuses are those Placement raises each code with, in the handlers of the
//! `openstack/placement` repository (cited on each variant). Each variant carries the
//! detail it sends; the seed's meaning of its code is its `explanation`.
//!
//! ```
//! use fault_core::ApiFault;
//! use fault_suite::seeds::PlacementError;
//!
//! let err = PlacementError::ConcurrentUpdate("resource provider generation conflict".into());
//! assert_eq!(err.status().as_u16(), 409);
//! assert_eq!(err.title(), "Conflict");
//! assert_eq!(err.fault().code(), Some("placement.concurrent_update"));
//! assert_eq!(err.fault().message(), "resource provider generation conflict");
//!
//! let other = PlacementError::NotFound("No resource provider with uuid 42 found".into());
//! assert_eq!(other.fault().code(), Some("placement.undefined_code"));
//! ```

use fault_core::ApiFault;

/// An error of the Placement API: one variant per error code of the seed, and generic
/// variants that send `placement.undefined_code`.
///
/// Titles are the HTTP reason phrase, as Placement sends them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, ApiFault)]
#[fault(format = "placement", error_code = "placement.undefined_code")]
pub enum PlacementError {
    /// An attempt has been made to remove or shrink inventory that has capacity in use.
    ///
    /// Placement answers 409: `set_inventories` and `delete_inventories` in
    /// `placement/handlers/inventory.py` raise `HTTPConflict(...,
    /// comment=errors.INVENTORY_INUSE)` on `InventoryInUse`.
    #[fault(
        code = 409,
        title = "Conflict",
        error_code = "placement.inventory.inuse",
        message = "{0}",
        explanation = "An attempt has been made to remove or shrink inventory that has capacity in use."
    )]
    InventoryInUse(String),

    /// Another operation has concurrently made a request that involves one or more of the
    /// same resources referenced in this request, changing state. The current state should
    /// be retrieved to determine if the desired operation should be retried.
    ///
    /// Placement answers 409: the inventory, allocation and reshaper handlers raise
    /// `HTTPConflict(..., comment=errors.CONCURRENT_UPDATE)` on a generation conflict
    /// (`ConcurrentUpdateDetected`), e.g. `set_inventories` in
    /// `placement/handlers/inventory.py`.
    #[fault(
        code = 409,
        title = "Conflict",
        error_code = "placement.concurrent_update",
        message = "{0}",
        explanation = "Another operation has concurrently made a request that involves one or more of the same resources referenced in this request, changing state. The current state should be retrieved to determine if the desired operation should be retried."
    )]
    ConcurrentUpdate(String),

    /// A resource of this type already exists with the same name, and duplicate names are
    /// not allowed.
    ///
    /// Placement answers 409: `create_resource_provider` and `update_resource_provider` in
    /// `placement/handlers/resource_provider.py` raise `HTTPConflict(...,
    /// comment=errors.DUPLICATE_NAME)` on `DBDuplicateEntry`.
    #[fault(
        code = 409,
        title = "Conflict",
        error_code = "placement.duplicate_name",
        message = "{0}",
        explanation = "A resource of this type already exists with the same name, and duplicate names are not allowed."
    )]
    DuplicateName(String),

    /// An attempt was made to remove a resource provider, but there are allocations against
    /// its inventory.
    ///
    /// Placement answers 409: `delete_resource_provider` in
    /// `placement/handlers/resource_provider.py` raises `HTTPConflict(...,
    /// comment=errors.PROVIDER_IN_USE)` on `ResourceProviderInUse`.
    #[fault(
        code = 409,
        title = "Conflict",
        error_code = "placement.resource_provider.inuse",
        message = "{0}",
        explanation = "An attempt was made to remove a resource provider, but there are allocations against its inventory."
    )]
    ProviderInUse(String),

    /// An attempt was made to remove a resource provider, but it has one or more child
    /// providers. They must be removed first in order to remove this provider.
    ///
    /// Placement answers 409: `delete_resource_provider` in
    /// `placement/handlers/resource_provider.py` raises `HTTPConflict(...,
    /// comment=errors.PROVIDER_CANNOT_DELETE_PARENT)` on
    /// `CannotDeleteParentResourceProvider`.
    #[fault(
        code = 409,
        title = "Conflict",
        error_code = "placement.resource_provider.cannot_delete_parent",
        message = "{0}",
        explanation = "An attempt was made to remove a resource provider, but it has one or more child providers. They must be removed first in order to remove this provider."
    )]
    CannotDeleteParent(String),

    /// A resource provider mentioned in an operation involving multiple resource providers,
    /// such as reshaper, does not exist.
    ///
    /// Placement answers 400 (the provider is named in the body, not the URL):
    /// `reshape` in `placement/handlers/reshaper.py` raises `HTTPBadRequest(...,
    /// comment=errors.RESOURCE_PROVIDER_NOT_FOUND)` when a provider of the inventories is
    /// not found.
    #[fault(
        code = 400,
        title = "Bad Request",
        error_code = "placement.resource_provider.not_found",
        message = "{0}",
        explanation = "A resource provider mentioned in an operation involving multiple resource providers, such as reshaper, does not exist."
    )]
    ProviderNotFound(String),

    /// A malformed or invalid request with no specific code (`placement.undefined_code`),
    /// such as a body that does not validate against the schema.
    #[fault(code = 400, title = "Bad Request", message = "{0}")]
    BadRequest(String),

    /// A missing resource with no specific code (`placement.undefined_code`), such as an
    /// unknown resource provider in the URL.
    #[fault(code = 404, title = "Not Found", message = "{0}")]
    NotFound(String),

    /// A conflict with no specific code (`placement.undefined_code`), such as a race
    /// detected while setting inventory.
    #[fault(code = 409, title = "Conflict", message = "{0}")]
    Conflict(String),
}

impl PlacementError {
    /// The number of variants.
    pub const COUNT: usize = 9;

    /// Every variant, each carrying `detail`: first the one per error code of the seed, in
    /// its order, then the generic ones.
    #[must_use]
    pub fn all(detail: &str) -> [PlacementError; Self::COUNT] {
        let d = || detail.to_owned();
        [
            PlacementError::InventoryInUse(d()),
            PlacementError::ConcurrentUpdate(d()),
            PlacementError::DuplicateName(d()),
            PlacementError::ProviderInUse(d()),
            PlacementError::CannotDeleteParent(d()),
            PlacementError::ProviderNotFound(d()),
            PlacementError::BadRequest(d()),
            PlacementError::NotFound(d()),
            PlacementError::Conflict(d()),
        ]
    }

    /// The detail this error carries and sends.
    #[must_use]
    pub fn detail(&self) -> &str {
        match self {
            PlacementError::InventoryInUse(d)
            | PlacementError::ConcurrentUpdate(d)
            | PlacementError::DuplicateName(d)
            | PlacementError::ProviderInUse(d)
            | PlacementError::CannotDeleteParent(d)
            | PlacementError::ProviderNotFound(d)
            | PlacementError::BadRequest(d)
            | PlacementError::NotFound(d)
            | PlacementError::Conflict(d) => d,
        }
    }
}
