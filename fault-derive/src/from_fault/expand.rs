//! Generates `FromFault`: the identity table, the `match` from an index to a filled
//! variant, transparent delegation, the catch-all, and `from_remote`.

use super::{Identity, identity, parsed_variants};
use crate::ast::{Field, Input, Variant};
use crate::attr::Role;
use crate::expand::variant_path;
use crate::generics::{mentions_param, type_params, where_clause};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::LitStr;
use syn::spanned::Spanned as _;

/// Where a variant's fields are filled from.
#[derive(Clone, Copy)]
enum Origin {
    /// `from_fault`: the fault `__fault`.
    Fault,
    /// `from_remote`: the remote error's `__detail`.
    Remote,
}

struct Gen<'i, 'a> {
    input: &'i Input<'a>,
    params: Vec<Ident>,
    bounds: Vec<TokenStream>,
}

pub(super) fn expand(input: &Input<'_>, remotes: &[Vec<LitStr>]) -> TokenStream {
    let ty = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let mut g = Gen {
        input,
        params: type_params(input.generics),
        bounds: Vec::new(),
    };
    if !g.params.is_empty() {
        g.bounds
            .push(quote!(#ty #ty_generics: ::fault_core::ApiFault));
    }

    let mut identities = Vec::new();
    let mut builds = Vec::new();
    for variant in parsed_variants(input) {
        let Identity {
            title,
            status,
            code,
        } = identity(input, variant);
        let own_code = variant.attrs.error_code.is_some();
        let code = match code {
            Some(code) => quote!(::core::option::Option::Some(#code)),
            None => quote!(::core::option::Option::None),
        };
        let parse_target = variant.attrs.parse_target.is_some();
        let query_code = match &variant.attrs.query_code {
            Some(lit) => {
                let value = lit.value();
                quote!(::core::option::Option::Some(#value))
            }
            None => quote!(::core::option::Option::None),
        };
        identities.push(quote! {
            ::fault_core::__private::identity(#title, #status, #code, #own_code, #parse_target, #query_code)
        });
        builds.push(g.build(variant, Origin::Fault));
    }
    let count = identities.len();
    let (identities_static, identity_step) = match builds.as_slice() {
        [] => (None, None),
        [only] => (
            Some(quote! {
                static __FAULT_IDENTITIES: [::fault_core::__private::Identity; 1] = [#(#identities),*];
            }),
            Some(quote! {
                if ::fault_core::__private::find_identity(__fault, &__FAULT_IDENTITIES).is_some() {
                    return ::core::option::Option::Some(#only);
                }
            }),
        ),
        [init @ .., last] => {
            let indices = (0..init.len()).map(Literal::usize_unsuffixed);
            (
                Some(quote! {
                    static __FAULT_IDENTITIES: [::fault_core::__private::Identity; #count] = [#(#identities),*];
                }),
                Some(quote! {
                    if let ::core::option::Option::Some(__index) =
                        ::fault_core::__private::find_identity(__fault, &__FAULT_IDENTITIES)
                    {
                        return ::core::option::Option::Some(match __index {
                            #(#indices => #init,)*
                            _ => #last,
                        });
                    }
                }),
            )
        }
    };

    let transparent_steps: Vec<TokenStream> = input
        .variants
        .iter()
        .filter(|v| v.attrs.transparent.is_some())
        .filter_map(|variant| {
            let field = variant.fields.first()?;
            let path = variant_path(input, variant, true);
            let member = &field.member;
            let fty = field.ty;
            // Naming the type puts a missing `FromFault` error on it.
            let call =
                quote_spanned!(fty.span()=> <#fty as ::fault_core::FromFault>::from_fault(__fault));
            g.bound(fty, quote!(::fault_core::FromFault));
            Some(quote! {
                if let ::core::option::Option::Some(__inner) = #call {
                    return ::core::option::Option::Some(#path { #member: __inner });
                }
            })
        })
        .collect();

    let last_step = match input
        .variants
        .iter()
        .find(|v| v.attrs.catch_all.is_some() && v.attrs.transparent.is_none())
        .and_then(|v| Some((v, v.fields.first()?)))
    {
        Some((variant, field)) => {
            let path = variant_path(input, variant, true);
            let member = &field.member;
            let fty = field.ty;
            g.bound(fty, quote!(::fault_core::__private::CatchAll));
            let value = quote_spanned!(fty.span()=> <#fty as ::fault_core::__private::CatchAll>::catch_all(__fault));
            quote!(::core::option::Option::Some(#path { #member: #value }))
        }
        None => quote!(::core::option::Option::None),
    };

    let from_remote = g.remote_fn(remotes);
    let where_clause = where_clause(input.generics, &g.bounds);

    quote! {
        const _: () = {
            #identities_static

            #[automatically_derived]
            impl #impl_generics ::fault_core::FromFault for #ty #ty_generics #where_clause {
                fn from_fault(__fault: &::fault_core::Fault<'_>) -> ::core::option::Option<Self> {
                    #identity_step
                    #(#transparent_steps)*
                    #last_step
                }

                #from_remote
            }
        };
    }
}

impl Gen<'_, '_> {
    /// Bounds `ty: bound` when `ty` names a type parameter.
    fn bound(&mut self, ty: &syn::Type, bound: TokenStream) {
        if mentions_param(ty, &self.params) {
            self.bounds.push(quote!(#ty: #bound));
        }
    }

    /// `Self::Variant { field: value, ... }`, each field filled from `from`.
    fn build(&mut self, variant: &Variant<'_>, from: Origin) -> TokenStream {
        let path = variant_path(self.input, variant, true);
        let message_field = message_field(variant);
        let source = variant.source_field().map(|f| f.member.clone());
        let fields: Vec<TokenStream> = variant
            .fields
            .iter()
            .enumerate()
            .map(|(index, field)| {
                let member = &field.member;
                let is_source = source.as_ref() == Some(member);
                let is_message = message_field == Some(index);
                let value = self.value(field, from, is_source, is_message);
                quote!(#member: #value)
            })
            .collect();
        quote!(#path { #(#fields),* })
    }

    /// The value of one field: from its role, the message, or `Default`, spanned at the
    /// field's type so that a type the field cannot be filled into is reported there.
    fn value(
        &mut self,
        field: &Field<'_>,
        from: Origin,
        is_source: bool,
        is_message: bool,
    ) -> TokenStream {
        let fty = field.ty;
        let span = fty.span();
        let private = quote!(::fault_core::__private);
        let role = field.attrs.roles.first().map(|(role, _)| *role);
        let (bound, value) = match (from, role) {
            _ if is_source => (
                quote!(::core::default::Default),
                quote_spanned!(span=> <#fty as ::core::default::Default>::default()),
            ),
            (Origin::Fault, Some(Role::RetryAfter)) => (
                quote!(#private::FromRetryAfter),
                quote_spanned!(span=> <#fty as #private::FromRetryAfter>::from_retry_after(__fault.retry_after())),
            ),
            (Origin::Fault, Some(Role::ValidationErrors)) => (
                quote!(#private::FromValidationErrors),
                quote_spanned!(span=> <#fty as #private::FromValidationErrors>::from_validation_errors(__fault.validation_errors())),
            ),
            (Origin::Fault, Some(Role::Member)) => {
                let name = field.member_name(self.input).unwrap_or_default();
                let member = match &field.attrs.header {
                    // In the AWS RPC protocols a header member arrives in the body.
                    Some(header) => {
                        let header = header.value();
                        quote!(__fault.header_member(#header).or_else(|| __fault.member(#name)))
                    }
                    None => quote!(__fault.member(#name)),
                };
                (
                    quote!(#private::MemberFromValue),
                    quote_spanned! {span=>
                        {
                            #[allow(unused_imports)]
                            use #private::{ViaFromValue as _, ViaOther as _};
                            (&&#private::FromProbe::<#fty>::NEW).fill_member(#member)
                        }
                    },
                )
            }
            (Origin::Fault, Some(role)) => {
                let text = match role {
                    Role::Details => quote!(__fault.details()),
                    Role::RequestId => quote!(__fault.request_id()),
                    Role::Created => quote!(__fault.created()),
                    _ => quote!(__fault.instance()),
                };
                (
                    quote!(#private::FromText),
                    quote_spanned!(span=> <#fty as #private::FromText>::from_text(#text)),
                )
            }
            (Origin::Fault, None) if is_message => (
                quote!(#private::FromText),
                quote_spanned!(span=> <#fty as #private::FromText>::from_text(::core::option::Option::Some(__fault.message()))),
            ),
            (Origin::Remote, Some(Role::Details)) => (
                quote!(#private::FromText),
                quote_spanned!(span=> <#fty as #private::FromText>::from_text(#private::remote_detail(__detail).as_ref())),
            ),
            _ => (
                quote!(::core::default::Default),
                quote_spanned!(span=> <#fty as ::core::default::Default>::default()),
            ),
        };
        self.bound(fty, bound);
        value
    }

    /// `from_remote`, when a variant has `remote(...)` or `remote_default`: the normalised
    /// name matched against the lists, else the default or `None`.
    fn remote_fn(&mut self, remotes: &[Vec<LitStr>]) -> Option<TokenStream> {
        let input = self.input;
        let default = input
            .variants
            .iter()
            .find(|v| v.attrs.remote_default.is_some());
        if default.is_none() && remotes.iter().all(Vec::is_empty) {
            return None;
        }
        let mut arms = Vec::new();
        for (variant, names) in input.variants.iter().zip(remotes) {
            // The default's own names would fall through to it anyway; an arm of their own
            // would repeat the last arm.
            if names.is_empty() || variant.attrs.remote_default.is_some() {
                continue;
            }
            let build = self.build(variant, Origin::Remote);
            arms.push(quote!(#(#names)|* => ::core::option::Option::Some(#build)));
        }
        let fallback = match default {
            Some(variant) => {
                let build = self.build(variant, Origin::Remote);
                quote!(::core::option::Option::Some(#build))
            }
            None => quote!(::core::option::Option::None),
        };
        let body = if arms.is_empty() {
            fallback
        } else {
            quote! {
                match ::fault_core::__private::remote_name(__name) {
                    #(#arms,)*
                    _ => #fallback,
                }
            }
        };
        Some(quote! {
            fn from_remote(
                __name: &str,
                __detail: ::core::option::Option<&str>,
            ) -> ::core::option::Option<Self> {
                #body
            }
        })
    }
}

/// The field a variant's message is exactly (`message = "{0}"` or `"{name}"`, nothing else,
/// no `args`): it receives the fault's message.
fn message_field(variant: &Variant<'_>) -> Option<usize> {
    if variant.attrs.args.is_some() || variant.message.is_none() {
        return None;
    }
    let value = variant.attrs.message.as_ref()?.value();
    let name = value.strip_prefix('{')?.strip_suffix('}')?;
    if name.is_empty() || name.contains(['{', '}', ':']) {
        return None;
    }
    variant.fields.iter().position(|f| f.name == name)
}
