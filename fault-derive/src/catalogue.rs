//! The catalogue: the type's one `static` array, a `CatalogueEntry` per variant holding its
//! `FaultSpec` (which the `ApiFault` methods read), doc comment, message and field roles.
//! Data only, no per-variant code: one array is cheaper to compile than two.

use crate::ast::{Field, Input, Variant};
use crate::attr::Role;
use crate::generics::mentions_param;
use proc_macro2::{Ident, TokenStream};
use quote::quote;
use syn::LitStr;

/// The `static __FAULT_CATALOGUE` of `input`, given each variant's spec (`None` for a
/// transparent variant), as `expand.rs` built them.
pub(crate) fn catalogue_static(
    input: &Input<'_>,
    specs: &[Option<TokenStream>],
    format: Option<&TokenStream>,
) -> TokenStream {
    // A `static` cannot name the type's parameters, so a wrapped type that does gets no link.
    let params = all_params(input);
    let type_name = unraw(input.ident);
    let entries: Vec<TokenStream> = input
        .variants
        .iter()
        .zip(specs)
        .map(|(variant, spec)| {
            let name = if input.is_struct {
                quote!(::core::option::Option::None)
            } else {
                let name = unraw(variant.ident);
                quote!(::core::option::Option::Some(#name))
            };
            let doc = &variant.doc;
            let fields = fields(variant);
            let Some(spec) = spec else {
                let format = match format {
                    Some(format) => quote!(::core::option::Option::Some(#format)),
                    None => quote!(::core::option::Option::None),
                };
                let inner = match variant.fields.first() {
                    Some(field) if !mentions_param(field.ty, &params) => {
                        let ty = field.ty;
                        // Not `<#ty as ApiFault>::catalogue`: that would repeat the error the
                        // `match` already gives a wrapped type that is not an `ApiFault`.
                        quote!(::core::option::Option::Some(|| {
                            use ::fault_core::__private::{ViaApiFault as _, ViaNothing as _};
                            (&&::fault_core::__private::Probe::<#ty>::NEW).inner_catalogue()
                        }))
                    }
                    _ => quote!(::core::option::Option::None),
                };
                return quote! {
                    ::fault_core::__private::transparent(#type_name, #name, #doc, #fields, #format, #inner)
                };
            };
            let message = match variant.attrs.message.as_ref().map(LitStr::value) {
                    Some(text) => quote!(::core::option::Option::Some(#text)),
                    None => quote!(::core::option::Option::None),
                };
            let own_code = variant.attrs.error_code.is_some();
            quote! {
                ::fault_core::__private::entry(#spec, #type_name, #name, #doc, #message, #fields, #own_code)
            }
        })
        .collect();
    let count = entries.len();
    quote! {
        static __FAULT_CATALOGUE: [::fault_core::CatalogueEntry; #count] = [#(#entries),*];
    }
}

/// `&[field("name", &[roles]), ...]`.
fn fields(variant: &Variant<'_>) -> TokenStream {
    let read_by_message: Vec<usize> = variant
        .message
        .as_ref()
        .map(|m| m.uses.iter().map(|(index, _)| *index).collect())
        .unwrap_or_default();
    let source = variant.source_field().map(|f| f.name.as_str());
    let fields = variant.fields.iter().enumerate().map(|(index, field)| {
        let name = &field.name;
        let mut roles = Vec::new();
        if read_by_message.contains(&index) {
            roles.push(quote!(::fault_core::FieldRole::Message));
        }
        if variant.is_transparent() {
            roles.push(quote!(::fault_core::FieldRole::Transparent));
        } else if source == Some(field.name.as_str()) {
            roles.push(quote!(::fault_core::FieldRole::Source));
        }
        if field.attrs.from.is_some() {
            roles.push(quote!(::fault_core::FieldRole::From));
        }
        roles.extend(
            field
                .attrs
                .roles
                .iter()
                .map(|(role, _)| role_tokens(*role, field)),
        );
        quote!(::fault_core::__private::field(#name, &[#(#roles),*]))
    });
    quote!(&[#(#fields),*])
}

fn role_tokens(role: Role, field: &Field<'_>) -> TokenStream {
    match role {
        Role::Details => quote!(::fault_core::FieldRole::Details),
        Role::RetryAfter => quote!(::fault_core::FieldRole::RetryAfter),
        Role::RequestId => quote!(::fault_core::FieldRole::RequestId),
        Role::ValidationErrors => quote!(::fault_core::FieldRole::ValidationErrors),
        Role::Created => quote!(::fault_core::FieldRole::Created),
        Role::Extra => {
            let name = field
                .attrs
                .extra
                .as_ref()
                .map(LitStr::value)
                .unwrap_or_default();
            quote!(::fault_core::FieldRole::Extra(#name))
        }
    }
}

/// Every generic parameter's name: types, lifetimes (their identifier) and consts.
fn all_params(input: &Input<'_>) -> Vec<Ident> {
    input
        .generics
        .params
        .iter()
        .map(|param| match param {
            syn::GenericParam::Type(p) => p.ident.clone(),
            syn::GenericParam::Lifetime(p) => p.lifetime.ident.clone(),
            syn::GenericParam::Const(p) => p.ident.clone(),
        })
        .collect()
}

/// An identifier as written, without `r#`.
fn unraw(ident: &Ident) -> String {
    let name = ident.to_string();
    name.strip_prefix("r#").map(str::to_owned).unwrap_or(name)
}
