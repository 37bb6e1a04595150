//! [`FromFault`]: the client side's way back, from a neutral [`Fault`] to the user's enum.

use crate::{ApiFault, Fault};

/// An error type that a [`Fault`] read from a response can be turned back into: the client
/// side of an [`ApiFault`].
///
/// `#[derive(FromFault)]` implements it beside `#[derive(ApiFault)]`, reading the same
/// `#[fault(...)]` attributes; see ["Reading faults back"](crate#reading-faults-back) in the
/// crate docs for how a fault finds its variant and how the variant's fields are filled. It
/// is a second derive so that server-side types do not pay for code they never run.
///
/// ```
/// use fault_core::{ApiFault, Fault, FromFault, http::StatusCode};
///
/// #[derive(Debug, PartialEq, ApiFault, FromFault)]
/// #[fault(rename_all = "camelCase")]
/// enum VolumeFault {
///     #[fault(code = 404, message = "{0}")]
///     ItemNotFound(String),
///     #[fault(code = 413)]
///     OverLimit {
///         #[fault(retry_after)]
///         retry_after: Option<u64>,
///     },
/// }
///
/// let fault = Fault::new(StatusCode::NOT_FOUND, "itemNotFound")
///     .with_message("Volume vol-1 could not be found.");
/// assert_eq!(
///     VolumeFault::from_fault(&fault),
///     Some(VolumeFault::ItemNotFound("Volume vol-1 could not be found.".into()))
/// );
/// assert_eq!(VolumeFault::from_fault(&Fault::new(StatusCode::CONFLICT, "conflictingRequest")), None);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `FromFault`",
    label = "this type does not implement `FromFault`",
    note = "derive it with `#[derive(FromFault)]` beside `#[derive(ApiFault)]`, or implement `fault_core::FromFault` by hand"
)]
pub trait FromFault: ApiFault + Sized {
    /// The variant `fault` names, filled from it; `None` when nothing (not even a catch-all)
    /// matches.
    fn from_fault(fault: &Fault<'_>) -> Option<Self>;

    /// Heat-style remote error mapping: the variant an upstream error's *name* maps to, with
    /// `detail` as its details. The derive implements it when a variant has
    /// `#[fault(remote("Name", ...))]` or `#[fault(remote_default)]`; by default, `None`.
    ///
    /// The name is normalised as Heat does (a module path before the last `.` and a trailing
    /// `_Remote`, as oslo.messaging names re-raised exceptions, are stripped) and then matched
    /// exactly against the `remote` lists.
    fn from_remote(name: &str, detail: Option<&str>) -> Option<Self> {
        let _ = (name, detail);
        None
    }
}
