//! Bounds for generic types: which field types name a type parameter, and where clauses
//! extended with what the generated impls need.

use proc_macro2::{Group, Ident, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::{Generics, Type};

pub(crate) fn type_params(generics: &Generics) -> Vec<Ident> {
    generics.type_params().map(|p| p.ident.clone()).collect()
}

/// Whether `ty` names one of the type's generic parameters, so it needs a bound.
pub(crate) fn mentions_param(ty: &Type, params: &[Ident]) -> bool {
    fn walk(tokens: TokenStream, params: &[Ident]) -> bool {
        tokens.into_iter().any(|token| match token {
            TokenTree::Ident(ident) => params.contains(&ident),
            TokenTree::Group(group) => walk(group.stream(), params),
            _ => false,
        })
    }
    !params.is_empty() && walk(ty.to_token_stream(), params)
}

/// The type's own where clause plus `extra` predicates (deduplicated).
pub(crate) fn where_clause(generics: &Generics, extra: &[TokenStream]) -> TokenStream {
    let mut predicates: Vec<TokenStream> = generics
        .where_clause
        .iter()
        .flat_map(|w| w.predicates.iter().map(ToTokens::to_token_stream))
        .collect();
    for bound in extra {
        let text = bound.to_string();
        if !predicates.iter().any(|p| p.to_string() == text) {
            predicates.push(respan(bound.clone()));
        }
    }
    if predicates.is_empty() {
        TokenStream::new()
    } else {
        quote!(where #(#predicates),*)
    }
}

/// `tokens` with the derive's own span throughout. A bound the derive adds names a field's
/// type, whose tokens carry the user's span; with it, clippy takes the bound for one the user
/// wrote a second time (`multiple_bound_locations`) and fails a `-D warnings` build.
fn respan(tokens: TokenStream) -> TokenStream {
    tokens
        .into_iter()
        .map(|token| match token {
            TokenTree::Group(group) => {
                let mut new = Group::new(group.delimiter(), respan(group.stream()));
                new.set_span(Span::call_site());
                TokenTree::Group(new)
            }
            mut other => {
                other.set_span(Span::call_site());
                other
            }
        })
        .collect()
}
