//! Helpers the derive's generated code reaches through `::fault_core::__private`; not a public
//! API, no stability promised.

use crate::{ApiFault, Dialect, ErrType, Fault, FaultSpec, Format};
use http::StatusCode;
use std::error::Error;

pub use core::fmt;
pub use core::option::Option::{None, Some};
pub use core::result::Result;

/// Where a value's facts live: its variant's static spec, or the inner error of a
/// `transparent` variant. The derive's one `match` per type produces this.
#[derive(Clone, Copy)]
pub enum Entry<'a> {
    /// The variant's own spec.
    Spec(&'static FaultSpec),
    /// The wrapped error that a transparent variant delegates to.
    Transparent(&'a (dyn ApiFault + 'a)),
}

impl<'a> Entry<'a> {
    /// The entry of a transparent variant wrapping `inner`.
    #[inline]
    #[must_use]
    pub fn transparent<T: ApiFault + 'a>(inner: &'a T) -> Self {
        Entry::Transparent(inner)
    }

    #[inline]
    #[must_use]
    pub fn status(self) -> StatusCode {
        match self {
            Entry::Spec(spec) => spec.status,
            Entry::Transparent(inner) => inner.status(),
        }
    }

    #[inline]
    #[must_use]
    pub fn title(self) -> &'a str {
        match self {
            Entry::Spec(spec) => spec.title,
            Entry::Transparent(inner) => inner.title(),
        }
    }

    #[inline]
    #[must_use]
    pub fn err_type(self) -> ErrType {
        match self {
            Entry::Spec(spec) => spec.err_type(),
            Entry::Transparent(inner) => inner.err_type(),
        }
    }

    #[inline]
    #[must_use]
    pub fn spec(self) -> Option<&'static FaultSpec> {
        match self {
            Entry::Spec(spec) => Some(spec),
            Entry::Transparent(inner) => inner.spec(),
        }
    }

    /// The fault of `error`, the value this entry was found for.
    #[inline]
    #[must_use]
    pub fn fault(self, error: &'a (dyn Error + 'a)) -> Fault<'a> {
        match self {
            Entry::Spec(spec) => Fault::from_spec(spec, error),
            Entry::Transparent(inner) => inner.fault(),
        }
    }
}

/// Turns a source field into `&dyn Error`, whether it holds a concrete error or a boxed
/// `dyn Error` (which does not itself implement `Error`).
pub trait AsDynError<'a> {
    fn as_dyn_error(&self) -> &(dyn Error + 'a);
}

impl<'a, T: Error + 'a> AsDynError<'a> for T {
    #[inline]
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + 'a {
    #[inline]
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + Send + 'a {
    #[inline]
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

impl<'a> AsDynError<'a> for dyn Error + Send + Sync + 'a {
    #[inline]
    fn as_dyn_error(&self) -> &(dyn Error + 'a) {
        self
    }
}

/// The headers fault-core writes itself, for tests that check none is missing.
pub use crate::wire::emit::WRITTEN_HEADERS;
pub use crate::wire::shape::Carried;

/// Fails the build, at the field the derive spans it to, when `format` has no place for what
/// the field puts in the fault: a member nothing would send is a compile error.
pub const fn assert_carried(format: Format, dialect: Option<Dialect>, what: Carried) {
    let dialect = match dialect {
        Some(dialect) => dialect,
        None => Dialect::Nova,
    };
    if !crate::wire::shape::carries(crate::wire::shape::shape(format, dialect), what) {
        panic!("{}", what.unsent_message());
    }
}

mod catalogue;
mod integrations;
mod read_back;
mod roles;
mod utoipa_glue;

pub use catalogue::*;
#[allow(unused_imports)] // empty without the axum and actix features
pub use integrations::*;
pub use read_back::*;
pub use roles::*;
pub use utoipa_glue::*;
