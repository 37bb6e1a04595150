//! The pieces of `Display`, `Error` and `From` for one variant, thiserror's way.

use crate::ast::{Field, Input, Variant};
use crate::generics::mentions_param;
use proc_macro2::{Ident, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{GenericArgument, PathArguments, Type};

/// A `Display` arm: `write!` for an interpolated message, else the fixed text.
pub(crate) fn display_fixed_or_formatted(
    variant: &Variant<'_>,
    self_path: &TokenStream,
    spec_index: usize,
    params: &[Ident],
    bounds: &mut Vec<TokenStream>,
) -> TokenStream {
    if let Some(message) = variant.message.as_ref().filter(|m| m.fixed.is_none()) {
        let mut bound_fields: Vec<usize> = Vec::new();
        for (index, fmt_trait) in &message.uses {
            if !bound_fields.contains(index) {
                bound_fields.push(*index);
            }
            let field = &variant.fields[*index];
            if let Some(fmt_trait) = fmt_trait
                && mentions_param(field.ty, params)
            {
                let fty = field.ty;
                bounds.push(quote!(#fty: #fmt_trait));
            }
        }
        let bindings = bound_fields.iter().map(|&index| {
            let field = &variant.fields[index];
            let member = &field.member;
            let binding = field.binding();
            quote!(#member: #binding)
        });
        let lit = &message.lit;
        let args = &message.args;
        return quote! {
            #self_path { #(#bindings,)* .. } => ::core::write!(__formatter, #lit #args)
        };
    }
    match variant.explanation() {
        Some(text) => quote!(#self_path { .. } => __formatter.write_str(#text)),
        None => quote! {
            #self_path { .. } => __formatter.write_str(::fault_core::FaultSpec::explanation(__FAULT_CATALOGUE.spec(#spec_index)))
        },
    }
}

/// The `source()` arm of a variant with a source field, spanned at the field so that a
/// field that is not an error is reported there.
pub(crate) fn source_arm(self_path: &TokenStream, field: &Field<'_>) -> TokenStream {
    let member = &field.member;
    let span = field.ty.span();
    let value = if field.is_option() {
        quote_spanned!(span=> ::core::option::Option::Some(__source.as_ref()?.as_dyn_error()))
    } else {
        quote_spanned!(span=> ::core::option::Option::Some(__source.as_dyn_error()))
    };
    quote!(#self_path { #member: __source, .. } => #value)
}

/// The error type a source field holds: its type, or `T` of an `Option<T>`.
pub(crate) fn source_type<'a>(field: &Field<'a>) -> Option<&'a Type> {
    if !field.is_option() {
        return Some(field.ty);
    }
    let Type::Path(path) = field.ty else {
        return None;
    };
    let PathArguments::AngleBracketed(args) = &path.path.segments.last()?.arguments else {
        return None;
    };
    args.args.iter().find_map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    })
}

pub(crate) fn from_impl(
    input: &Input<'_>,
    self_path: &TokenStream,
    field: &Field<'_>,
) -> TokenStream {
    let ty = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let fty = field.ty;
    let member = &field.member;
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::convert::From<#fty> for #ty #ty_generics #where_clause {
            #[inline]
            fn from(source: #fty) -> Self {
                #self_path { #member: source }
            }
        }
    }
}
