//! What the derive emits beside `compile_error!`: impls whose bodies are never run, so that
//! code using the type as an `ApiFault` does not add a cascade of errors to the real ones.

use crate::generics;
use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

pub fn expand(input: &DeriveInput, external_error: bool) -> TokenStream {
    let ty = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    // The `for<'__w>` wrapper keeps an unmet bound on a concrete type from being an error of
    // its own (rust-lang/rust#48214): the stub then simply does not apply.
    let fault_where = generics::where_clause(
        &input.generics,
        &[quote!(for<'__w> #ty #ty_generics: ::core::error::Error)],
    );
    let std_impls = (!external_error).then(|| {
        quote! {
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ty #ty_generics #where_clause {
                fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!()
                }
            }

            #[automatically_derived]
            impl #impl_generics ::core::error::Error for #ty #ty_generics
            where
                for<'__w> #ty #ty_generics: ::core::fmt::Debug,
            {
            }
        }
    });
    // The framework impls too, each applying only where the stub does.
    let integrations = crate::expand::integrations(
        &input.generics,
        ty,
        quote!(for<'__w> #ty #ty_generics: ::fault_core::ApiFault),
    );
    quote! {
        #std_impls

        #integrations

        #[automatically_derived]
        impl #impl_generics ::fault_core::ApiFault for #ty #ty_generics #fault_where {
            fn status(&self) -> ::fault_core::http::StatusCode {
                ::core::unreachable!()
            }

            fn title(&self) -> &str {
                ::core::unreachable!()
            }

            fn fault(&self) -> ::fault_core::Fault<'_> {
                ::core::unreachable!()
            }
        }
    }
}

/// The stand-in for `#[derive(FromFault)]`: it applies only where the type is an `ApiFault`,
/// so it adds no error of its own when `ApiFault` is missing or broken too.
pub fn expand_from_fault(input: &DeriveInput) -> TokenStream {
    let ty = &input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let from_where = generics::where_clause(
        &input.generics,
        &[quote!(for<'__w> #ty #ty_generics: ::fault_core::ApiFault)],
    );
    quote! {
        #[automatically_derived]
        impl #impl_generics ::fault_core::FromFault for #ty #ty_generics #from_where {
            fn from_fault(_: &::fault_core::Fault<'_>) -> ::core::option::Option<Self> {
                ::core::unreachable!()
            }
        }
    }
}
