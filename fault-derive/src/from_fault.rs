//! `#[derive(FromFault)]`: the client side's way back, from a neutral `Fault` to the user's
//! enum. The same pipeline as `ApiFault`: parse with `ast.rs`, check (the rules below, one
//! commented function each), expand, and a stub from `fallback.rs` on error.
//!
//! The input is parsed and checked by the `ApiFault` rules too, but those errors are left to
//! `#[derive(ApiFault)]` (which `FromFault` requires) so that the user sees each once; this
//! derive reports only the rules of its own keys, and emits its stub when either has errors.
//!
//! What it generates: a static table of the wire identities (title, API-WG code) of the
//! variants, searched at run time by `__private::find_identity`; one `match` from the index
//! found to the variant, filled from the fault; then each transparent variant's inner
//! `FromFault`; then the `catch_all` variant or `None`. With `remote(...)` keys, a
//! `from_remote` that matches the normalised name against the lists.

use crate::ast::{Field, Input, Variant};
use crate::attr::Role;
use crate::ctxt::Ctxt;
use crate::expand::{mentions_param, type_params, variant_path, where_clause};
use crate::{fallback, valid};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::parse::Parser as _;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned as _;
use syn::{DeriveInput, Lit, LitStr, Token};

pub fn derive(node: &DeriveInput) -> TokenStream {
    let base = Ctxt::default();
    let input = Input::from_syn(&base, node);
    if let Some(input) = &input {
        valid::check(&base, input);
    }
    // `#[derive(ApiFault)]` reports these; reporting them here too would show each twice.
    let base_ok = base.check().is_ok();
    let cx = Ctxt::default();
    let remotes = input.as_ref().map(|input| check(&cx, input));
    match (cx.check(), input, remotes) {
        (Ok(()), Some(input), Some(remotes)) if base_ok => expand(&input, &remotes),
        (Err(error), _, _) => {
            let mut out = error.to_compile_error();
            out.extend(fallback::expand_from_fault(node));
            out
        }
        _ => fallback::expand_from_fault(node),
    }
}

/// The `FromFault` rules; returns each variant's `remote` names (empty when it has none).
fn check(cx: &Ctxt, input: &Input<'_>) -> Vec<Vec<LitStr>> {
    for variant in &input.variants {
        check_conflicts(cx, variant);
    }
    check_catch_all(cx, input);
    check_identities(cx, input);
    let remotes: Vec<Vec<LitStr>> = input
        .variants
        .iter()
        .map(|variant| parse_remote(cx, variant))
        .collect();
    check_remote_names_unique(cx, input, &remotes);
    check_remote_default(cx, input);
    remotes
}

/// A transparent variant takes its fault from the error it wraps, so it has no identity to
/// parse into, no fields to fill and no remote name; a catch-all is the fallback of parsing,
/// so it is no parse target, and it has no remote name either.
fn check_conflicts(cx: &Ctxt, variant: &Variant<'_>) {
    let attrs = &variant.attrs;
    let (owner, why) = if attrs.transparent.is_some() {
        (
            "transparent",
            "a transparent variant is read back through the `FromFault` of the error it wraps",
        )
    } else if attrs.catch_all.is_some() {
        (
            "catch_all",
            "the catch-all receives whatever fault no other variant matches",
        )
    } else {
        return;
    };
    for key in ["catch_all", "parse_target", "remote", "remote_default"] {
        if key == owner {
            continue;
        }
        if let Some(span) = attrs.key_span(key) {
            cx.error_at(span, format!("`{key}` conflicts with `{owner}`: {why}"));
        }
    }
}

/// One variant at most is the catch-all, and it has exactly one field to receive the fault
/// (`Fault<'static>`) or its message (`String`).
fn check_catch_all(cx: &Ctxt, input: &Input<'_>) {
    let mut first: Option<&Ident> = None;
    for variant in &input.variants {
        let Some(span) = variant.attrs.catch_all else {
            continue;
        };
        if variant.attrs.transparent.is_some() {
            continue; // reported by `check_conflicts`
        }
        if let Some(previous) = first {
            cx.error_at(
                span,
                format!(
                    "`{previous}` is already the catch-all: a type has one `catch_all` variant"
                ),
            );
            continue;
        }
        first = Some(variant.ident);
        if variant.fields.len() != 1 {
            let has = match variant.fields.len() {
                0 => "no fields".to_owned(),
                n => format!("{n} fields"),
            };
            cx.error_at(
                span,
                format!(
                    "`catch_all` needs exactly one field, to receive the fault (`Fault<'static>`) \
                     or its message (`String`); `{}` has {has}",
                    variant.ident
                ),
            );
        }
    }
}

/// The wire identity of a variant: its title, and its API-WG code (its own or the type's).
fn identity(input: &Input<'_>, variant: &Variant<'_>) -> (String, Option<String>) {
    let code = variant
        .attrs
        .error_code
        .as_ref()
        .or(input.attrs.error_code.as_ref())
        .map(LitStr::value);
    (variant.title(input), code)
}

/// The variants a fault is matched against: all but transparent ones and the catch-all.
fn parsed_variants<'i, 'a>(input: &'i Input<'a>) -> impl Iterator<Item = &'i Variant<'a>> {
    input
        .variants
        .iter()
        .filter(|v| v.attrs.transparent.is_none() && v.attrs.catch_all.is_none())
}

/// Variants sharing a wire identity cannot be told apart when read back: exactly one of them
/// is marked `parse_target`. (Plain `ApiFault` allows the duplicates: Heat has two
/// `InvalidAction` classes.) An error at each unmarked duplicate after the first, at its
/// title literal or else its name; a second `parse_target` at its key.
fn check_identities(cx: &Ctxt, input: &Input<'_>) {
    let variants: Vec<(&Variant<'_>, (String, Option<String>))> = parsed_variants(input)
        .map(|v| (v, identity(input, v)))
        .collect();
    for (index, (variant, id)) in variants.iter().enumerate() {
        let Some((first, _)) = variants[..index].iter().find(|(_, other)| other == id) else {
            continue;
        };
        let group = || variants.iter().filter(|(_, other)| other == id);
        let (title, code) = id;
        let described = match code {
            Some(code) => format!("title `{title}`, error_code `{code}`"),
            None => format!("title `{title}`"),
        };
        let targets: Vec<&Variant<'_>> = group()
            .map(|(v, _)| *v)
            .filter(|v| v.attrs.parse_target.is_some())
            .collect();
        match targets.as_slice() {
            [] => {
                let message = format!(
                    "`{}` has the same wire identity as `{}` ({described}), so `FromFault` cannot \
                     tell them apart: mark one of them `#[fault(parse_target)]`",
                    variant.ident, first.ident
                );
                match &variant.attrs.title {
                    Some(lit) => cx.error_spanned_by(lit, message),
                    None => cx.error_spanned_by(variant.ident, message),
                }
            }
            [target, ..] => {
                if let Some(span) = variant.attrs.parse_target
                    && target.ident != variant.ident
                {
                    cx.error_at(
                        span,
                        format!(
                            "`{}` is already the parse target for {described}: mark one variant \
                             of a wire identity `parse_target`",
                            target.ident
                        ),
                    );
                }
            }
        }
    }
}

/// `remote("Name", ...)` lists one or more exception names as string literals, each as it is
/// matched: after normalisation, so without a module path or a `_Remote` suffix.
fn parse_remote(cx: &Ctxt, variant: &Variant<'_>) -> Vec<LitStr> {
    let Some((span, tokens)) = &variant.attrs.remote else {
        return Vec::new();
    };
    let parsed = Punctuated::<Lit, Token![,]>::parse_terminated.parse2(tokens.clone());
    let lits = match parsed {
        Ok(lits) => lits,
        Err(error) => {
            cx.error_at(
                error.span(),
                "expected string literals: `remote(\"StackExists\", \"NotFound\")`",
            );
            return Vec::new();
        }
    };
    if lits.is_empty() {
        cx.error_at(
            *span,
            "expected at least one name: `remote(\"StackExists\")`",
        );
    }
    let mut names = Vec::new();
    for lit in lits {
        let Lit::Str(name) = lit else {
            cx.error_spanned_by(lit, "expected a string literal: `remote(\"StackExists\")`");
            continue;
        };
        let value = name.value();
        let normalised = value.rsplit('.').next().unwrap_or(&value);
        let normalised = normalised.strip_suffix("_Remote").unwrap_or(normalised);
        if value.is_empty() {
            cx.error_spanned_by(
                &name,
                "a remote error name is not empty: `remote(\"StackExists\")`",
            );
        } else if normalised != value {
            cx.error_spanned_by(
                &name,
                format!(
                    "remote names are matched after normalisation (no module path, no `_Remote` \
                     suffix), so `{value}` never matches: write `{normalised}`"
                ),
            );
        } else {
            names.push(name);
        }
    }
    names
}

/// A remote name maps to one variant: an error at each repetition, naming the variant that
/// has it first.
fn check_remote_names_unique(cx: &Ctxt, input: &Input<'_>, remotes: &[Vec<LitStr>]) {
    let mut seen: Vec<(String, &Ident)> = Vec::new();
    for (variant, names) in input.variants.iter().zip(remotes) {
        for name in names {
            let value = name.value();
            match seen.iter().find(|(seen, _)| *seen == value) {
                Some((_, first)) => cx.error_spanned_by(
                    name,
                    format!("the remote name `{value}` is already mapped to `{first}`"),
                ),
                None => seen.push((value, variant.ident)),
            }
        }
    }
}

/// One variant at most is where unlisted remote names go.
fn check_remote_default(cx: &Ctxt, input: &Input<'_>) {
    let mut first: Option<&Ident> = None;
    for variant in &input.variants {
        let Some(span) = variant.attrs.remote_default else {
            continue;
        };
        match first {
            Some(previous) => cx.error_at(
                span,
                format!("`{previous}` is already the `remote_default`: a type has one"),
            ),
            None => first = Some(variant.ident),
        }
    }
}

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

fn expand(input: &Input<'_>, remotes: &[Vec<LitStr>]) -> TokenStream {
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
        let (title, code) = identity(input, variant);
        let own_code = variant.attrs.error_code.is_some();
        let code = match code {
            Some(code) => quote!(::core::option::Option::Some(#code)),
            None => quote!(::core::option::Option::None),
        };
        let parse_target = variant.attrs.parse_target.is_some();
        identities.push(quote! {
            ::fault_core::__private::identity(#title, #code, #own_code, #parse_target)
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
            (Origin::Fault, Some(role)) => {
                let text = match role {
                    Role::Details => quote!(__fault.details()),
                    Role::RequestId => quote!(__fault.request_id()),
                    Role::Created => quote!(__fault.created()),
                    _ => {
                        let name = field
                            .attrs
                            .extra
                            .as_ref()
                            .map(LitStr::value)
                            .unwrap_or_default();
                        quote!(__fault.extra(#name))
                    }
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
