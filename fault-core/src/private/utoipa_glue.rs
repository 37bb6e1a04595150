//! The `utoipa` integration: `IntoResponses` for a derived type, so its faults drop into a
//! utoipa-built spec (`#[utoipa::path(responses(MyError))]`, or
//! `ResponsesBuilder::responses_from_into_responses::<MyError>()`).
//!
//! The derive always calls `__impl_utoipa!`; it expands to the impl when fault-core is built
//! with the `utoipa` feature and to nothing otherwise, so users who do not enable the
//! feature pay no more than one macro call per type.

#[cfg(feature = "utoipa")]
pub use utoipa;

/// The responses of the catalogue `entries`, keyed by status, self-contained (schemas in
/// place): [`Catalogue::openapi_responses_inline`](crate::Catalogue::openapi_responses_inline)
/// in utoipa's model.
///
/// # Panics
///
/// If utoipa's model cannot hold the JSON, which `tests/utoipa.rs` shows it can for a type
/// in every format: a bug, reported where the spec is built rather than as a silently
/// missing response.
#[cfg(feature = "utoipa")]
#[must_use]
pub fn utoipa_responses(
    entries: &'static [crate::CatalogueEntry],
) -> std::collections::BTreeMap<String, utoipa::openapi::RefOr<utoipa::openapi::response::Response>>
{
    let responses = crate::Catalogue::new(entries).openapi_responses_inline();
    match serde_json::from_value(responses) {
        Ok(responses) => responses,
        Err(error) => panic!("fault-core: the catalogue's responses do not fit utoipa: {error}"),
    }
}

/// `impl IntoResponses` for a derived type: `[impl generics] [type] [where clause]`.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::utoipa::IntoResponses for $($ty)* $($where_clause)* {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<
                    $crate::__private::utoipa::openapi::response::Response,
                >,
            > {
                $crate::__private::utoipa_responses(<Self as $crate::ApiFault>::catalogue())
            }
        }
    };
}

/// Without the `utoipa` feature: nothing.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ($($tokens:tt)*) => {};
}

pub use crate::__impl_utoipa;
