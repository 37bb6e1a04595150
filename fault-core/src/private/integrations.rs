//! The framework impls of a derived type. The derive cannot see fault-core's features, so it
//! always emits `::fault_core::__impl_integrations! { impl [generics] for [Type] where
//! [predicates,] }`; these macros expand to the axum and actix-web impls when their feature
//! is on, and to nothing otherwise. (Orphan rules forbid a blanket impl over `ApiFault` here.)

#[cfg(any(feature = "axum", feature = "actix"))]
use crate::ApiFault;

/// The impls of every enabled integration for one derived type. The where predicates end
/// with a comma and include the bound that makes the type an `ApiFault`.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_integrations {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($predicates:tt)*]) => {
        $crate::__impl_axum! { impl [$($generics)*] for [$($ty)*] where [$($predicates)*] }
        $crate::__impl_actix! { impl [$($generics)*] for [$($ty)*] where [$($predicates)*] }
    };
}

/// axum's `IntoResponse`, rendered by `integrations::respond`.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($predicates:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::axum_core::response::IntoResponse for $($ty)*
        where
            $($predicates)*
        {
            fn into_response(self) -> $crate::__private::axum_core::response::Response {
                $crate::__private::axum_response(&self)
            }
        }
    };
}

/// Nothing: the `axum` feature is off.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ($($input:tt)*) => {};
}

/// actix-web's `ResponseError`, rendered by `integrations::respond`.
#[cfg(feature = "actix")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix {
    (impl [$($generics:tt)*] for [$($ty:tt)*] where [$($predicates:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::actix_web::ResponseError for $($ty)*
        where
            $($predicates)*
        {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::__private::actix_status(self)
            }

            fn error_response(&self) -> $crate::__private::actix_web::HttpResponse {
                $crate::__private::actix_response(self)
            }
        }
    };
}

/// Nothing: the `actix` feature is off.
#[cfg(not(feature = "actix"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix {
    ($($input:tt)*) => {};
}

#[cfg(feature = "axum")]
pub use axum_core;

/// The axum response for `err`.
#[cfg(feature = "axum")]
#[must_use]
pub fn axum_response(err: &(dyn ApiFault + '_)) -> axum_core::response::Response {
    crate::integrations::axum::into_axum(crate::integrations::respond(err))
}

#[cfg(feature = "actix")]
pub use actix_web;

/// The actix-web status of `err`.
#[cfg(feature = "actix")]
#[must_use]
pub fn actix_status(err: &(dyn ApiFault + '_)) -> actix_web::http::StatusCode {
    crate::integrations::actix::status(err)
}

/// The actix-web response for `err`.
#[cfg(feature = "actix")]
#[must_use]
pub fn actix_response(err: &(dyn ApiFault + '_)) -> actix_web::HttpResponse {
    crate::integrations::actix::response(err)
}
