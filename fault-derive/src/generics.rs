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
            // Spanned at the user's field type, the bound would read as written by the user,
            // and clippy's `multiple_bound_locations` would flag a parameter that already has
            // an inline bound (`enum E<T: ApiFault>`): the derive wrote it, so it says so.
            predicates.push(respan(bound.clone()));
        }
    }
    if predicates.is_empty() {
        TokenStream::new()
    } else {
        quote!(where #(#predicates),*)
    }
}

/// `tokens` with every span at the derive's call site.
fn respan(tokens: TokenStream) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let TokenTree::Group(group) = &token {
                let mut inner = Group::new(group.delimiter(), respan(group.stream()));
                inner.set_span(Span::call_site());
                token = TokenTree::Group(inner);
            } else {
                token.set_span(Span::call_site());
            }
            token
        })
        .collect()
}
