//! The rules of `FromFault`'s own keys, one commented function each.

use super::{Identity, identity, parsed_variants};
use crate::ast::{Input, Variant};
use crate::ctxt::Ctxt;
use proc_macro2::Ident;
use syn::parse::Parser as _;
use syn::punctuated::Punctuated;
use syn::{Lit, LitStr, Token};

/// The `FromFault` rules; returns each variant's `remote` names (empty when it has none).
pub(super) fn check(cx: &Ctxt, input: &Input<'_>) -> Vec<Vec<LitStr>> {
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

/// Variants sharing a wire identity cannot be told apart when read back: exactly one of them
/// is marked `parse_target`. (Plain `ApiFault` allows the duplicates: Heat has two
/// `InvalidAction` classes.) An error at each unmarked duplicate after the first, at its
/// title literal or else its name; a second `parse_target` at its key.
fn check_identities(cx: &Ctxt, input: &Input<'_>) {
    let variants: Vec<(&Variant<'_>, Identity)> = parsed_variants(input)
        .map(|v| (v, identity(input, v)))
        .collect();
    for (index, (variant, id)) in variants.iter().enumerate() {
        let Some((first, _)) = variants[..index].iter().find(|(_, other)| other == id) else {
            continue;
        };
        let group = || variants.iter().filter(|(_, other)| other == id);
        let Identity {
            title,
            status,
            code,
        } = id;
        let described = match code {
            Some(code) => format!("title `{title}`, status {status}, error_code `{code}`"),
            None => format!("title `{title}`, status {status}"),
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
