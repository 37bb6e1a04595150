//! The rules a derive input must follow. Each records its errors in the context and goes on,
//! so one compile reports every mistake, each at its culprit.

use crate::ast::{Field, Input, Variant};
use crate::attr::{FROM_FAULT_KEYS, TYPE_KEYS};
use crate::ctxt::{Ctxt, type_text};
use proc_macro2::Ident;

mod roles;
mod values;

use roles::check_roles;
use values::{check_type_values, check_variant_values};

pub fn check(cx: &Ctxt, input: &Input<'_>) {
    check_type_values(cx, input);
    for variant in &input.variants {
        check_variant_values(cx, input, variant);
        check_status_present(cx, input, variant);
        check_title(cx, input, variant);
        check_transparent(cx, input, variant);
        check_sources(cx, variant);
        check_from(cx, variant);
        check_explanation(cx, variant);
        check_external_display(cx, input, variant);
        check_roles(cx, input, variant);
    }
    check_from_types_unique(cx, input);
}

/// Every variant that is not transparent has a status, its own or the type's default. The
/// error points at the variant's name.
fn check_status_present(cx: &Ctxt, input: &Input<'_>, variant: &Variant<'_>) {
    // A `code` written with a bad value was reported where it was written.
    let written = |attrs: &crate::attr::Attrs| attrs.key_span("code").is_some();
    if variant.is_transparent() || written(&variant.attrs) || written(&input.attrs) {
        return;
    }
    let on_type = if input.is_struct { "struct" } else { "enum" };
    cx.error_spanned_by(
        variant.ident,
        format!(
            "missing `code` for `{}`: add `#[fault(code = 404)]` (an HTTP status in 400..=599) \
             here, or a default `#[fault(code = ...)]` on the {on_type}",
            variant.ident
        ),
    );
}

/// The title becomes an XML element name in the OpenStack and load balancer formats, so there
/// (and when the type names no format, as any may be chosen at run time) it must be an XML
/// NCName. Elsewhere it is text, such as Placement's reason phrases ("Bad Request"), and only
/// has to be non-empty and free of control characters.
fn check_title(cx: &Ctxt, input: &Input<'_>, variant: &Variant<'_>) {
    if variant.is_transparent() {
        return;
    }
    let title = variant.title(input);
    let as_element = input
        .attrs
        .format
        .as_ref()
        .is_none_or(|f| matches!(f.value().as_str(), "openstack" | "load_balancer"));
    let message = if title.is_empty() {
        "title is empty: give the fault a name, as in `title = \"itemNotFound\"`".to_owned()
    } else if title.chars().any(char::is_control) {
        format!("title {title:?} holds a control character")
    } else if as_element && !is_ncname(&title) {
        format!(
            "title `{title}` is not a valid XML name, and it becomes an element name in the \
             OpenStack formats: use letters, digits, `_`, `-` and `.`, starting with a letter or `_`"
        )
    } else {
        return;
    };
    match &variant.attrs.title {
        Some(lit) => cx.error_spanned_by(lit, message),
        None => cx.error_spanned_by(variant.ident, message),
    }
}

pub(crate) fn is_ncname(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(is_name_start_char)
        && chars.all(|c| {
            is_name_start_char(c)
                || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
        })
}

/// XML 1.0 (5th edition) NameStartChar, without `:`.
fn is_name_start_char(c: char) -> bool {
    matches!(c,
        'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}'
        | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

/// A transparent variant wraps exactly one error and takes everything from it, so it has
/// one field and none of the keys that would describe it differently.
fn check_transparent(cx: &Ctxt, input: &Input<'_>, variant: &Variant<'_>) {
    let Some(span) = variant.attrs.transparent else {
        return;
    };
    if variant.fields.len() != 1 {
        cx.error_at(
            span,
            format!(
                "`transparent` needs exactly one field, the error to delegate to; `{}` has {}",
                variant.ident,
                count_fields(variant.fields.len())
            ),
        );
    }
    let own_keys = variant.attrs.keys().filter(|(key, _)| {
        // On a struct the type-level keys are allowed beside `transparent`; the `FromFault`
        // keys are that derive's to check.
        let on_type = input.is_struct && TYPE_KEYS.contains(key);
        !on_type && !FROM_FAULT_KEYS.contains(key)
    });
    for (key, key_span) in own_keys {
        if key != "transparent" {
            cx.error_at(
                key_span,
                format!("`{key}` conflicts with `transparent`: a transparent variant takes its status, title and message from the error it wraps"),
            );
        }
    }
    for field in &variant.fields {
        if let Some(span) = field.attrs.source {
            cx.error_at(
                span,
                "`source` conflicts with `transparent`: the source is the wrapped error's source",
            );
        }
    }
}

/// A variant has at most one source, and a field marked `from` is already its source.
fn check_sources(cx: &Ctxt, variant: &Variant<'_>) {
    let mut first: Option<&Field<'_>> = None;
    for field in &variant.fields {
        if let (Some(source), Some(_)) = (field.attrs.source, field.attrs.from) {
            cx.error_at(
                source,
                "`from` already makes this field the source: remove `source`",
            );
        }
        let Some(span) = field.attrs.source.or(field.attrs.from) else {
            continue;
        };
        match first {
            Some(previous) => cx.error_at(
                span,
                format!(
                    "a variant has one source, and field `{}` is already `{}`'s source",
                    previous.name, variant.ident
                ),
            ),
            None => first = Some(field),
        }
    }
}

/// `from` builds the variant from the field alone, so the field must be the only one.
fn check_from(cx: &Ctxt, variant: &Variant<'_>) {
    let Some(span) = variant.field_marked_from().and_then(|f| f.attrs.from) else {
        return;
    };
    if variant.fields.len() > 1 {
        cx.error_at(
            span,
            format!(
                "`from` needs its field to be the only field of `{}`, so `From` can build it; \
                 use `source` to keep the other fields",
                variant.ident
            ),
        );
    }
}

/// `explanation` is the fixed text of a variant whose message has placeholders; a message
/// without placeholders is already that text.
fn check_explanation(cx: &Ctxt, variant: &Variant<'_>) {
    let (Some(explanation), Some(message)) = (&variant.attrs.explanation, &variant.message) else {
        return;
    };
    if message.fixed.is_some() {
        cx.error_spanned_by(
            explanation,
            "`explanation` conflicts with a message without placeholders, which is already the fixed text: keep one",
        );
    }
}

/// With `external_error`, another derive writes `Display`, so a message cannot interpolate
/// fields: the derive would have no `Display` of its own to write it with.
fn check_external_display(cx: &Ctxt, input: &Input<'_>, variant: &Variant<'_>) {
    if input.attrs.external_error.is_none() {
        return;
    }
    if let (Some(message), Some(lit)) = (&variant.message, &variant.attrs.message)
        && message.fixed.is_none()
    {
        cx.error_spanned_by(
            lit,
            "with `external_error`, `message` must be fixed text: `Display` comes from the other derive, so use its message or drop the placeholders",
        );
    }
}

/// Two `from` fields of the same type would implement `From` twice for the type.
fn check_from_types_unique(cx: &Ctxt, input: &Input<'_>) {
    let mut seen: Vec<(String, &Ident)> = Vec::new();
    for variant in &input.variants {
        let Some(field) = variant.field_marked_from() else {
            continue;
        };
        let ty = type_text(field.ty);
        match seen.iter().find(|(seen_ty, _)| *seen_ty == ty) {
            Some((_, first)) => cx.error_spanned_by(
                field.ty,
                format!("`{first}` already has `from` for `{ty}`: `From<{ty}>` can be implemented once; use `source` here"),
            ),
            None => seen.push((ty, variant.ident)),
        }
    }
}

fn count_fields(count: usize) -> String {
    match count {
        0 => "no fields".to_owned(),
        1 => "1 field".to_owned(),
        n => format!("{n} fields"),
    }
}
