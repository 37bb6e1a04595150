//! Reading one key's value: `= <literal>` or `(...)`, reporting a malformed value as a whole
//! and skipping to the next comma so the other keys are still read.

use crate::ctxt::Ctxt;
use proc_macro2::{TokenStream, TokenTree};
use syn::parse::ParseStream;
use syn::{Ident, LitInt, LitStr, Token, token};

/// Reads `= <literal>` after a key. A value that is not one literal is reported as a whole
/// and skipped; what follows a literal is left to `parse_keys`.
fn literal_value(
    cx: &Ctxt,
    key: &Ident,
    input: ParseStream<'_>,
    example: &str,
) -> Option<TokenTree> {
    if input.parse::<Token![=]>().is_err() {
        cx.error_spanned_by(key, format!("expected a value: `{key} = {example}`"));
        skip_value(input);
        return None;
    }
    if input.is_empty() || input.peek(Token![,]) {
        cx.error_spanned_by(
            key,
            format!("expected a value after `=`: `{key} = {example}`"),
        );
        return None;
    }
    if input.peek(syn::Lit) {
        return input.parse::<TokenTree>().ok();
    }
    let value = rest_of_value(input);
    let negative_status = example == "404"
        && matches!(value.clone().into_iter().next(), Some(TokenTree::Punct(p)) if p.as_char() == '-');
    let message = if negative_status {
        format!("expected an HTTP error status between 400 and 599, found {value}")
    } else {
        format!("expected a literal: `{key} = {example}`")
    };
    cx.push(syn::Error::new_spanned(value, message));
    None
}

pub(crate) fn int_value(cx: &Ctxt, key: &Ident, input: ParseStream<'_>) -> Option<LitInt> {
    let value = literal_value(cx, key, input, "404")?;
    match syn::parse2::<LitInt>(value.clone().into()) {
        Ok(lit) if lit.suffix().is_empty() => Some(lit),
        Ok(lit) => {
            cx.error_spanned_by(
                &lit,
                format!(
                    "expected an integer literal without a suffix: `{key} = {}`",
                    lit.base10_digits()
                ),
            );
            None
        }
        Err(_) => {
            cx.error_spanned_by(value, format!("expected an integer literal: `{key} = 404`"));
            None
        }
    }
}

pub(crate) fn str_value(cx: &Ctxt, key: &Ident, input: ParseStream<'_>) -> Option<LitStr> {
    let value = literal_value(cx, key, input, "\"...\"")?;
    match syn::parse2::<LitStr>(value.clone().into()) {
        Ok(lit) if lit.suffix().is_empty() => Some(lit),
        _ => {
            cx.error_spanned_by(
                value,
                format!("expected a string literal: `{key} = \"...\"`"),
            );
            None
        }
    }
}

pub(crate) fn list_value(cx: &Ctxt, key: &Ident, input: ParseStream<'_>) -> Option<TokenStream> {
    if input.peek(token::Paren)
        && let Ok(TokenTree::Group(group)) = input.parse::<TokenTree>()
    {
        return Some(group.stream());
    }
    cx.error_spanned_by(key, format!("expected a list: `{key}(...)`"));
    skip_value(input);
    None
}

/// Skips the rest of a key's value, up to the next top-level comma.
pub(crate) fn skip_value(input: ParseStream<'_>) {
    let _ = rest_of_value(input);
}

/// Takes the tokens up to the next top-level comma, to report or to skip them as one.
pub(crate) fn rest_of_value(input: ParseStream<'_>) -> TokenStream {
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        match input.parse::<TokenTree>() {
            Ok(token) => tokens.extend([token]),
            Err(_) => break,
        }
    }
    tokens
}
