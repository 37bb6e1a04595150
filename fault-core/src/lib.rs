//! Standards-exact AWS- and OpenStack-style error responses from an annotated error enum.
#![warn(missing_docs)]

mod api_fault;
mod err_type;
mod fault;
mod format;
mod spec;
mod text;

pub use api_fault::ApiFault;
pub use err_type::ErrType;
pub use fault::{Fault, RetryAfter};
pub use fault_derive::ApiFault;
pub use format::Format;
pub use spec::FaultSpec;
pub use text::Text;

/// The `http` crate this one builds on, re-exported so users name the same `StatusCode`.
pub use http;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
