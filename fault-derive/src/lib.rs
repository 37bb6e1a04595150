//! The `#[derive(ApiFault)]` and `#[derive(FromFault)]` macros. Use them through `fault-core`,
//! which re-exports them and documents every attribute key.
//!
//! The pipeline: `ast.rs` and `attr.rs` parse the input, `valid.rs` checks it, `expand.rs`
//! generates the impls (`catalogue.rs` the catalogue's static data), and `fallback.rs` stands
//! in for them when there are errors.
//! `from_fault.rs` runs the same pipeline for `FromFault`, with the rules of its own keys.

extern crate proc_macro;

mod ast;
mod attr;
mod case;
mod catalogue;
mod ctxt;
mod expand;
mod fallback;
mod fmt;
mod from_fault;
mod generics;
mod std_impls;
mod valid;
mod values;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `fault_core::ApiFault`, `Display`, `std::error::Error` and `From` from
/// `#[fault(...)]` attributes. See the `fault-core` crate documentation.
#[proc_macro_derive(ApiFault, attributes(fault))]
pub fn derive_api_fault(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}

/// Derives `fault_core::FromFault`, reading a parsed `Fault` back into the type, from the
/// same `#[fault(...)]` attributes. See the `fault-core` crate documentation.
#[proc_macro_derive(FromFault, attributes(fault))]
pub fn derive_from_fault(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    from_fault::derive(&input).into()
}
