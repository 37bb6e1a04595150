//! The catalogue: the type's one `static` table, every variant's facts (which the `ApiFault`
//! methods read), doc comment, message and field roles written into one string literal that
//! `fault_core::__private::Table` reads on first use.
//!
//! Why a string: a `static` array of per-variant values cost rustc about 2 ms per variant (each
//! entry's strings and slices are values of their own to check, evaluate and emit), most of
//! what the derive added to a type's build over thiserror's; one literal costs next to nothing.
//!
//! The format, read by `Reader` in `fault-core/src/private/catalogue.rs` (change both
//! together): strings are `<byte length>:<bytes>`, an absent one `~`, numbers `<decimal>;`.
//! The string is the type's name, `format` and `dialect` (their names as in the attribute),
//! then per variant either `F<status>;<flags>;<title><explanation?><error_code?><namespace?>
//! <message_member?><query_code?><query_status?><problem_type?><language?><help_link?>` or
//! `T`, then
//! `<variant name?><doc><message?><field count>;` and per field
//! `<name><type><role count>;<role letters>`, where `M` is followed by the member's
//! `<name><json name?><xml name?><header?><flags>;`.

use crate::ast::{Input, Variant};
use crate::attr::Role;
use crate::ctxt::type_text;
use crate::generics::mentions_param;
use proc_macro2::{Ident, TokenStream};
use quote::quote;
use std::fmt::Write as _;
use syn::LitStr;

/// The `static __FAULT_CATALOGUE` of `input`.
pub(crate) fn catalogue_static(input: &Input<'_>) -> TokenStream {
    // A `static` cannot name the type's parameters, so a wrapped type that does gets no link.
    let params = all_params(input);
    let mut text = String::with_capacity(64 * input.variants.len() + 32);
    string(&mut text, &unraw(input.ident));
    optional(
        &mut text,
        input.attrs.format.as_ref().map(LitStr::value).as_deref(),
    );
    optional(
        &mut text,
        input.attrs.dialect.as_ref().map(LitStr::value).as_deref(),
    );
    let mut inner = Vec::new();
    for variant in &input.variants {
        if variant.is_transparent() {
            text.push('T');
            inner.push(match variant.fields.first() {
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
            });
        } else {
            facts(&mut text, input, variant);
        }
        let name = (!input.is_struct).then(|| unraw(variant.ident));
        optional(&mut text, name.as_deref());
        string(&mut text, &variant.doc);
        optional(
            &mut text,
            variant.attrs.message.as_ref().map(LitStr::value).as_deref(),
        );
        fields(&mut text, input, variant);
    }
    quote! {
        static __FAULT_CATALOGUE: ::fault_core::__private::Table =
            ::fault_core::__private::Table::new(#text, &[#(#inner),*]);
    }
}

/// `F<status>;<flags>;<title><explanation?><error_code?><namespace?>`, the variant's spec.
fn facts(text: &mut String, input: &Input<'_>, variant: &Variant<'_>) {
    // `valid.rs` rejected a missing or out-of-range status before expansion.
    let status = variant.status(input).unwrap_or(500);
    let err_type = match variant.err_type_written(input).as_deref() {
        Some("Sender") => 0,
        Some("Receiver") => 1,
        Some(_) => 2,
        None => 3,
    };
    let flags = err_type
        | u8::from(variant.message_is_fixed(input, status)) << 2
        | u8::from(variant.attrs.expose.is_some()) << 3
        | u8::from(variant.attrs.error_code.is_some()) << 4
        | u8::from(input.attrs.query_compatible.is_some()) << 5;
    let _ = write!(text, "F{status};{flags};");
    string(text, &variant.title(input));
    optional(text, variant.explanation().as_deref());
    let error_code = variant
        .attrs
        .error_code
        .as_ref()
        .or(input.attrs.error_code.as_ref());
    optional(text, error_code.map(LitStr::value).as_deref());
    let namespace = variant
        .attrs
        .namespace
        .as_ref()
        .or(input.attrs.namespace.as_ref());
    optional(text, namespace.map(LitStr::value).as_deref());
    let own_or_type = |own: &Option<LitStr>, of_type: &Option<LitStr>| {
        own.as_ref().or(of_type.as_ref()).map(LitStr::value)
    };
    optional(
        text,
        own_or_type(&variant.attrs.message_member, &input.attrs.message_member).as_deref(),
    );
    optional(
        text,
        variant
            .attrs
            .query_code
            .as_ref()
            .map(LitStr::value)
            .as_deref(),
    );
    let query_status = variant
        .attrs
        .query_status
        .as_ref()
        .map(|lit| lit.base10_digits().to_owned());
    optional(text, query_status.as_deref());
    optional(
        text,
        variant
            .attrs
            .problem_type
            .as_ref()
            .map(LitStr::value)
            .as_deref(),
    );
    optional(
        text,
        own_or_type(&variant.attrs.language, &input.attrs.language).as_deref(),
    );
    let help_link = variant.attrs.help_link.as_ref().map(LitStr::value);
    optional(text, help_link.as_deref());
}

/// `<count>;` and each field with its type and roles.
fn fields(text: &mut String, input: &Input<'_>, variant: &Variant<'_>) {
    let read_by_message: Vec<usize> = variant
        .message
        .as_ref()
        .map(|m| m.uses.iter().map(|(index, _)| *index).collect())
        .unwrap_or_default();
    let source = variant.source_field().map(|f| f.name.as_str());
    let _ = write!(text, "{};", variant.fields.len());
    for (index, field) in variant.fields.iter().enumerate() {
        let mut roles: Vec<char> = Vec::new();
        if read_by_message.contains(&index) {
            roles.push('m');
        }
        if variant.is_transparent() {
            roles.push('t');
        } else if source == Some(field.name.as_str()) {
            roles.push('s');
        }
        if field.attrs.from.is_some() {
            roles.push('f');
        }
        roles.extend(field.attrs.roles.iter().map(|(role, _)| match role {
            Role::Details => 'd',
            Role::RetryAfter => 'r',
            Role::RequestId => 'i',
            Role::ValidationErrors => 'v',
            Role::Created => 'c',
            Role::Instance => 'n',
            Role::Member => 'M',
        }));
        string(text, &field.name);
        string(text, &type_text(field.ty));
        let _ = write!(text, "{};", roles.len());
        for role in roles {
            text.push(role);
            if role == 'M' {
                string(text, &field.member_name(input).unwrap_or_default());
                let value = |lit: &Option<LitStr>| lit.as_ref().map(LitStr::value);
                optional(text, value(&field.attrs.json_name).as_deref());
                optional(text, value(&field.attrs.xml_name).as_deref());
                optional(text, value(&field.attrs.header).as_deref());
                optional(text, value(&field.attrs.xml_item_name).as_deref());
                let flags = u8::from(field.attrs.xml_attribute.is_some())
                    | u8::from(field.attrs.xml_flattened.is_some()) << 1;
                let _ = write!(text, "{flags};");
            }
        }
    }
}

/// `<byte length>:<bytes>`.
fn string(text: &mut String, value: &str) {
    let _ = write!(text, "{}:{value}", value.len());
}

/// A string, or `~` for none.
fn optional(text: &mut String, value: Option<&str>) {
    match value {
        Some(value) => string(text, value),
        None => text.push('~'),
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
