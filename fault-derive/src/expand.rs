//! Generates the impls from a checked [`Input`].
//!
//! The facts of each variant become a `FaultSpec` in its entry of the type's one static
//! catalogue (`catalogue.rs`); one `match` (`__fault_entry`) finds a value's spec, or its inner
//! error when the variant is transparent, and every `ApiFault` method reads from that. `Display`, `Error` and `From` follow thiserror's shape.

use crate::ast::{Field, Input, Variant};
use crate::attr::{FORMATS, Role};
use crate::ctxt::Ctxt;
use crate::generics::{mentions_param, type_params, where_clause};
use crate::std_impls::{display_fixed_or_formatted, from_impl, source_arm, source_type};
use crate::{catalogue, fallback, valid};
use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::DeriveInput;
use syn::spanned::Spanned as _;

pub fn derive(node: &DeriveInput) -> TokenStream {
    let cx = Ctxt::default();
    let input = Input::from_syn(&cx, node);
    if let Some(input) = &input {
        valid::check(&cx, input);
    }
    let external_error = input
        .as_ref()
        .is_some_and(|i| i.attrs.external_error.is_some());
    match (cx.check(), input) {
        (Ok(()), Some(input)) => impl_api_fault(&input),
        (Err(error), _) => {
            let mut out = error.to_compile_error();
            out.extend(fallback::expand(node, external_error));
            out
        }
        (Ok(()), None) => fallback::expand(node, external_error),
    }
}

fn impl_api_fault(input: &Input<'_>) -> TokenStream {
    let ty = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let params = type_params(input.generics);
    let generic = !params.is_empty();
    let variants = &input.variants;

    let mut entry_arms = Vec::new();
    let mut transparent_bounds = Vec::new();
    let mut display_arms = Vec::new();
    let mut display_bounds = Vec::new();
    let mut source_arms = Vec::new();
    let mut source_bounds = Vec::new();
    let mut from_impls = Vec::new();

    let mut own_specs = 0;
    for (index, variant) in variants.iter().enumerate() {
        let path = variant_path(input, variant, false);
        let self_path = variant_path(input, variant, true);
        let display_arm;
        if variant.is_transparent() {
            let Some(field) = variant.fields.first() else {
                continue;
            };
            let member = &field.member;
            let fty = field.ty;
            // Naming the type in the turbofish puts a missing `ApiFault` error on the type.
            entry_arms.push(quote! {
                #path { #member: __inner, .. } => return ::fault_core::__private::Entry::transparent::<#fty>(__inner)
            });
            display_arm = quote!(#self_path { #member: __inner, .. } => ::core::fmt::Display::fmt(__inner, __formatter));
            source_arms.push(quote!(#self_path { #member: __inner, .. } => ::core::error::Error::source(__inner)));
            if mentions_param(fty, &params) {
                transparent_bounds.push(quote!(#fty: ::fault_core::ApiFault));
                display_bounds.push(quote!(#fty: ::core::fmt::Display));
                source_bounds.push(quote!(#fty: ::core::error::Error));
            }
        } else {
            own_specs += 1;
            // An index into the catalogue: the cheapest arm to check, one per variant.
            entry_arms.push(quote!(#path { .. } => #index));
            display_arm = display_fixed_or_formatted(
                variant,
                &self_path,
                index,
                &params,
                &mut display_bounds,
            );
            if let Some(field) = variant.source_field() {
                source_arms.push(source_arm(&self_path, field));
                if let Some(source_ty) = source_type(field)
                    && mentions_param(source_ty, &params)
                {
                    source_bounds.push(quote!(#source_ty: ::core::error::Error + 'static));
                }
            }
        }
        display_arms.push(display_arm);
        if let Some(field) = variant.field_marked_from() {
            from_impls.push(from_impl(input, &self_path, field));
        }
    }

    let fault_fn = fault_fn(input);
    // The type's own format wins over a wrapped error's, so it is answered directly.
    let default_format = format_tokens(input).map(|format| {
        quote! {
            #[inline]
            fn default_format(&self) -> ::fault_core::Format {
                #format
            }
        }
    });
    let catalogue_static = catalogue::catalogue_static(input);
    let carried_checks = carried_checks(input);

    let mut entry_generics = input.generics.clone();
    entry_generics.params.insert(0, syn::parse_quote!('__fault));
    let (entry_impl_generics, _, _) = entry_generics.split_for_impl();
    let entry_where = where_clause(input.generics, &transparent_bounds);
    let entry_body = if variants.is_empty() {
        quote!(match *__this {})
    } else if own_specs == 0 {
        // Every arm returns; a spec lookup after the `match` would be unreachable code.
        quote!(match __this { #(#entry_arms,)* })
    } else {
        quote! {
            let __index: usize = match __this { #(#entry_arms,)* };
            ::fault_core::__private::Entry::Spec(__FAULT_CATALOGUE.spec(__index))
        }
    };

    let mut fault_bounds = transparent_bounds.clone();
    if generic {
        fault_bounds.push(quote!(#ty #ty_generics: ::core::error::Error));
    }
    let fault_where = where_clause(input.generics, &fault_bounds);

    let std_impls = input.attrs.external_error.is_none().then(|| {
        let display_where = where_clause(input.generics, &display_bounds);
        let display_body = if variants.is_empty() {
            quote!(match *self {})
        } else {
            quote!(match self { #(#display_arms,)* })
        };
        let mut error_bounds = source_bounds.clone();
        if generic {
            error_bounds.push(quote!(#ty #ty_generics: ::core::fmt::Debug + ::core::fmt::Display));
        }
        let error_where = where_clause(input.generics, &error_bounds);
        let source_fn = (!source_arms.is_empty()).then(|| {
            let fallthrough = (source_arms.len() < variants.len())
                .then(|| quote!(_ => ::core::option::Option::None,));
            quote! {
                fn source(&self) -> ::core::option::Option<&(dyn ::core::error::Error + 'static)> {
                    use ::fault_core::__private::AsDynError as _;
                    match self {
                        #(#source_arms,)*
                        #fallthrough
                    }
                }
            }
        });
        quote! {
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ty #ty_generics #display_where {
                fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #display_body
                }
            }

            #[automatically_derived]
            impl #impl_generics ::core::error::Error for #ty #ty_generics #error_where {
                #source_fn
            }
        }
    });

    let integrations = integrations(
        input.generics,
        ty,
        quote!(#ty #ty_generics: ::fault_core::ApiFault),
    );

    quote! {
        const _: () = {
            #catalogue_static

            #carried_checks

            fn __fault_entry #entry_impl_generics (__this: &'__fault #ty #ty_generics) -> ::fault_core::__private::Entry<'__fault> #entry_where {
                #entry_body
            }

            #[automatically_derived]
            impl #impl_generics ::fault_core::ApiFault for #ty #ty_generics #fault_where {
                #[inline]
                fn status(&self) -> ::fault_core::http::StatusCode {
                    __fault_entry(self).status()
                }

                #[inline]
                fn title(&self) -> &str {
                    __fault_entry(self).title()
                }

                #[inline]
                fn err_type(&self) -> ::fault_core::ErrType {
                    __fault_entry(self).err_type()
                }

                #fault_fn

                #[inline]
                fn spec(&self) -> ::core::option::Option<&'static ::fault_core::FaultSpec> {
                    __fault_entry(self).spec()
                }

                #default_format

                #[inline]
                fn catalogue() -> &'static [::fault_core::CatalogueEntry] {
                    __FAULT_CATALOGUE.entries()
                }
            }

            #std_impls

            #(#from_impls)*

            #integrations

            ::fault_core::__private::__impl_utoipa! {
                [#impl_generics] [#ty #ty_generics] [#fault_where]
            }
        };
    }
}

/// The call that implements the framework traits (axum's `IntoResponse`, actix-web's
/// `ResponseError`) for the features fault-core was built with; `bound` makes the type an
/// `ApiFault` in the impls' where clauses.
pub(crate) fn integrations(input: &syn::Generics, ty: &Ident, bound: TokenStream) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = input.split_for_impl();
    let predicates = where_clause
        .iter()
        .flat_map(|w| w.predicates.iter().map(ToTokens::to_token_stream));
    quote! {
        ::fault_core::__impl_integrations! {
            impl [#impl_generics] for [#ty #ty_generics] where [#(#predicates,)* #bound,]
        }
    }
}

/// `fault()`: the entry's fault, plus the fields whose role puts them in the record.
fn fault_fn(input: &Input<'_>) -> TokenStream {
    let arms: Vec<TokenStream> = input
        .variants
        .iter()
        .filter(|v| !v.is_transparent() && v.fields.iter().any(|f| !f.attrs.roles.is_empty()))
        .map(|variant| {
            let self_path = variant_path(input, variant, true);
            let role_fields: Vec<&Field<'_>> = variant
                .fields
                .iter()
                .filter(|f| !f.attrs.roles.is_empty())
                .collect();
            let bindings = role_fields.iter().map(|f| {
                let member = &f.member;
                let binding = f.binding();
                quote!(#member: #binding)
            });
            let sets = role_fields.iter().map(|f| set_role(input, f));
            quote! {
                #self_path { #(#bindings,)* .. } => { #(#sets)* }
            }
        })
        .collect();
    if arms.is_empty() {
        return quote! {
            #[inline]
            fn fault(&self) -> ::fault_core::Fault<'_> {
                __fault_entry(self).fault(self)
            }
        };
    }
    let fallthrough = (arms.len() < input.variants.len()).then(|| quote!(_ => {}));
    quote! {
        fn fault(&self) -> ::fault_core::Fault<'_> {
            let mut __fault = __fault_entry(self).fault(self);
            match self {
                #(#arms)*
                #fallthrough
            }
            __fault
        }
    }
}

/// The statement that puts one role field into `__fault`.
fn set_role(input: &Input<'_>, field: &Field<'_>) -> TokenStream {
    let binding = field.binding();
    let text = if field.is_option() {
        quote!(::fault_core::__private::opt_text(#binding))
    } else {
        quote!(::fault_core::__private::text(#binding))
    };
    let Some((role, _)) = field.attrs.roles.first() else {
        return TokenStream::new();
    };
    match role {
        Role::Details => quote!(::fault_core::__private::set_details(&mut __fault, #text);),
        Role::RequestId => quote!(::fault_core::__private::set_request_id(&mut __fault, #text);),
        Role::Created => quote!(::fault_core::__private::set_created(&mut __fault, #text);),
        Role::RetryAfter => quote! {
            ::fault_core::__private::set_retry_after(&mut __fault, ::fault_core::__private::AsRetryAfter::as_retry_after(#binding));
        },
        Role::ValidationErrors => quote! {
            ::fault_core::__private::set_validation_errors(&mut __fault, #binding);
        },
        Role::Instance => quote!(::fault_core::__private::set_instance(&mut __fault, #text);),
        Role::Member => {
            let name = field.member_name(input).unwrap_or_default();
            let opt = |lit: &Option<syn::LitStr>| match lit {
                Some(lit) => {
                    let value = lit.value();
                    quote!(::core::option::Option::Some(#value))
                }
                None => quote!(::core::option::Option::None),
            };
            let (json_name, xml_name, xml_item_name, header) = (
                opt(&field.attrs.json_name),
                opt(&field.attrs.xml_name),
                opt(&field.attrs.xml_item_name),
                opt(&field.attrs.header),
            );
            let xml_attribute = field.attrs.xml_attribute.is_some();
            let flattened = field.attrs.xml_flattened.is_some();
            let ty = field.ty;
            // Method resolution picks the first way the type can be a value (`ToValue`,
            // `Serialize`, `Display`); spanned at the type, so a type that is none is
            // reported there.
            let value = quote_spanned! {ty.span()=>
                {
                    #[allow(unused_imports)]
                    use ::fault_core::__private::{ViaDisplay as _, ViaSerialize as _, ViaToValue as _};
                    (&&&::fault_core::__private::ValueProbe::<#ty>(#binding)).member_value()
                }
            };
            quote! {
                ::fault_core::__private::push_member(
                    &mut __fault,
                    &::fault_core::__private::MemberNames {
                        name: #name,
                        json_name: #json_name,
                        xml_name: #xml_name,
                        xml_item_name: #xml_item_name,
                        header: #header,
                        xml_attribute: #xml_attribute,
                        flattened: #flattened,
                    },
                    #value,
                );
            }
        }
    }
}

/// For a type with a `format`, one `const` per field whose role that format has no place for
/// would fail: each evaluates `__private::assert_carried`, which panics at compile time, at
/// the role's key, naming the formats that do carry it. The knowledge of what each format
/// carries stays in fault-core, in the formats' declarations.
fn carried_checks(input: &Input<'_>) -> TokenStream {
    let Some(format) = format_tokens(input) else {
        return TokenStream::new();
    };
    let dialect = match dialect_tokens(input) {
        Some(dialect) => quote!(::core::option::Option::Some(#dialect)),
        None => quote!(::core::option::Option::None),
    };
    let mut checks = TokenStream::new();
    for variant in input.variants.iter().filter(|v| !v.is_transparent()) {
        for field in &variant.fields {
            let Some(&(role, span)) = field.attrs.roles.first() else {
                continue;
            };
            let what = match role {
                Role::Details => quote!(Details),
                Role::ValidationErrors => quote!(ValidationErrors),
                Role::Created => quote!(Created),
                Role::Instance => quote!(Instance),
                Role::Member if field.attrs.header.is_some() => quote!(HeaderMembers),
                Role::Member => quote!(Members),
                Role::RetryAfter | Role::RequestId => continue,
            };
            checks.extend(quote_spanned! {span=>
                const _: () = ::fault_core::__private::assert_carried(
                    #format,
                    #dialect,
                    ::fault_core::__private::Carried::#what,
                );
            });
        }
    }
    checks
}

/// `Type::Variant` (or `Self::Variant` inside an impl); a struct is its type (or `Self`).
pub(crate) fn variant_path(input: &Input<'_>, variant: &Variant<'_>, in_impl: bool) -> TokenStream {
    let head = if in_impl {
        quote!(Self)
    } else {
        input.ident.to_token_stream()
    };
    if input.is_struct {
        head
    } else {
        let ident = variant.ident;
        quote!(#head::#ident)
    }
}

/// `::fault_core::Dialect::X` for the type's `dialect = "..."`, if it names one.
fn dialect_tokens(input: &Input<'_>) -> Option<TokenStream> {
    let name = input.attrs.dialect.as_ref()?.value();
    let (_, variant) = crate::attr::DIALECTS
        .iter()
        .find(|(known, _)| *known == name)?;
    let variant = Ident::new(variant, Span::call_site());
    Some(quote!(::fault_core::Dialect::#variant))
}

/// `::fault_core::Format::X` for the type's `format = "..."`, if it names one.
fn format_tokens(input: &Input<'_>) -> Option<TokenStream> {
    let name = input.attrs.format.as_ref()?.value();
    let (_, variant) = FORMATS.iter().find(|(known, _)| *known == name)?;
    let variant = Ident::new(variant, Span::call_site());
    Some(quote!(::fault_core::Format::#variant))
}
