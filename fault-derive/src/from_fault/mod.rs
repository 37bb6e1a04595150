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

mod expand;
mod valid;

use crate::ast::{Input, Variant};
use crate::ctxt::Ctxt;
use crate::{fallback, valid as api_fault_rules};
use proc_macro2::TokenStream;
use syn::{DeriveInput, LitStr};

pub fn derive(node: &DeriveInput) -> TokenStream {
    let base = Ctxt::default();
    let input = Input::from_syn(&base, node);
    if let Some(input) = &input {
        api_fault_rules::check(&base, input);
    }
    // `#[derive(ApiFault)]` reports these; reporting them here too would show each twice.
    let base_ok = base.check().is_ok();
    let cx = Ctxt::default();
    let remotes = input.as_ref().map(|input| valid::check(&cx, input));
    match (cx.check(), input, remotes) {
        (Ok(()), Some(input), Some(remotes)) if base_ok => expand::expand(&input, &remotes),
        (Err(error), _, _) => {
            let mut out = error.to_compile_error();
            out.extend(fallback::expand_from_fault(node));
            out
        }
        _ => fallback::expand_from_fault(node),
    }
}

/// The wire identity of a variant: its title, its status, and its API-WG code (its own or the
/// type's).
pub(super) struct Identity {
    pub title: String,
    pub status: u16,
    pub code: Option<String>,
}

impl PartialEq for Identity {
    fn eq(&self, other: &Self) -> bool {
        (&self.title, self.status, &self.code) == (&other.title, other.status, &other.code)
    }
}

pub(super) fn identity(input: &Input<'_>, variant: &Variant<'_>) -> Identity {
    let code = variant
        .attrs
        .error_code
        .as_ref()
        .or(input.attrs.error_code.as_ref())
        .map(LitStr::value);
    Identity {
        title: variant.title(input),
        // A missing or bad status is reported by `ApiFault`'s checks; 0 matches no response.
        status: variant.status(input).unwrap_or(0),
        code,
    }
}

/// The variants a fault is matched against: all but transparent ones and the catch-all.
pub(super) fn parsed_variants<'i, 'a>(
    input: &'i Input<'a>,
) -> impl Iterator<Item = &'i Variant<'a>> {
    input
        .variants
        .iter()
        .filter(|v| v.attrs.transparent.is_none() && v.attrs.catch_all.is_none())
}
