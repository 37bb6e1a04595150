//! The rules a derive input must follow. Each records its errors in the context and goes on,
//! so one compile reports every mistake, each at its culprit.

use crate::ast::{Field, Input, Variant};
use crate::attr::{
    Attrs, DIALECTS, ERR_TYPES, FORMATS, FROM_FAULT_KEYS, MEMBER_KEYS, Role, TYPE_KEYS,
};
use crate::case;
use crate::ctxt::{Ctxt, did_you_mean, type_text};
use proc_macro2::Ident;
use syn::{LitInt, LitStr};

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

/// The type-level keys hold values the derive knows. For a struct these are also its
/// variant-level keys, which `check_variant_values` then skips.
fn check_type_values(cx: &Ctxt, input: &Input<'_>) {
    let attrs = &input.attrs;
    check_shared_values(cx, attrs);
    if let Some(format) = &attrs.format {
        check_one_of(cx, format, "format", FORMATS.iter().map(|(name, _)| *name));
    }
    if let Some(rule) = &attrs.rename_all {
        check_one_of(cx, rule, "rename_all rule", case::RULES.iter().copied());
    }
    if let Some(rule) = &attrs.rename_all_fields {
        if input.is_struct {
            cx.error_spanned_by(
                rule,
                "`rename_all_fields` renames the fields of an enum's variants; on a struct, `rename_all` renames its fields",
            );
        } else {
            check_one_of(
                cx,
                rule,
                "rename_all_fields rule",
                case::RULES.iter().copied(),
            );
        }
    }
    check_dialect(cx, attrs);
    check_query_compatible(cx, attrs);
}

/// A dialect is one the runtime knows, and belongs to the OpenStack format: with another
/// format named, it would do nothing.
fn check_dialect(cx: &Ctxt, attrs: &Attrs) {
    let Some(dialect) = &attrs.dialect else {
        return;
    };
    check_one_of(
        cx,
        dialect,
        "dialect",
        DIALECTS.iter().map(|(name, _)| *name),
    );
    if let Some(format) = &attrs.format
        && format.value() != "openstack"
    {
        cx.error_spanned_by(
            dialect,
            format!(
                "`dialect` chooses among the openstack format's dialects, and this type's format is `{}`",
                format.value()
            ),
        );
    }
}

/// `query_compatible` is Smithy's `@awsQueryCompatible`, a trait of AWS JSON services: with
/// another format named, it would do nothing.
fn check_query_compatible(cx: &Ctxt, attrs: &Attrs) {
    let (Some(span), Some(format)) = (attrs.query_compatible, &attrs.format) else {
        return;
    };
    if !matches!(format.value().as_str(), "aws_json10" | "aws_json11") {
        cx.error_at(
            span,
            format!(
                "`query_compatible` adds `x-amzn-query-error` to the AWS JSON formats (aws_json10, aws_json11), and this type's format is `{}`",
                format.value()
            ),
        );
    }
}

/// A variant's own keys hold values the derive knows.
fn check_variant_values(cx: &Ctxt, input: &Input<'_>, variant: &Variant<'_>) {
    if !input.is_struct {
        check_shared_values(cx, &variant.attrs);
    }
}

/// The keys a type and a variant both take.
fn check_shared_values(cx: &Ctxt, attrs: &Attrs) {
    if let Some(code) = &attrs.code {
        check_status_literal(cx, code);
    }
    if let Some(word) = &attrs.err_type {
        check_err_type(cx, word);
    }
    if let Some(code) = &attrs.error_code {
        check_error_code(cx, code);
    }
    if let Some(namespace) = &attrs.namespace {
        check_namespace(cx, namespace);
    }
    if let Some(name) = &attrs.message_member {
        check_xml_name(cx, name, "message_member");
    }
    if let Some(language) = &attrs.language {
        check_language(cx, language);
    }
    if let Some(code) = &attrs.query_code {
        check_query_code(cx, code);
    }
    if let Some(status) = &attrs.query_status {
        check_status_literal(cx, status);
    }
    if let Some(uri) = &attrs.problem_type {
        check_uri(cx, uri, "problem_type");
    }
    if let Some(uri) = &attrs.help_link {
        check_uri(cx, uri, "help_link");
    }
}

/// A name that becomes an element (or JSON member) name: an XML NCName.
fn check_xml_name(cx: &Ctxt, name: &LitStr, what: &str) {
    let value = name.value();
    if !is_ncname(&value) {
        cx.error_spanned_by(
            name,
            format!("{what} `{value}` is not a valid XML name, and it becomes an element name: use letters, digits, `_`, `-` and `.`, starting with a letter or `_`"),
        );
    }
}

/// A language tag (BCP 47) as `Content-Language` carries it: letters and digits in
/// subtags of 1 to 8, separated by `-`.
fn check_language(cx: &Ctxt, language: &LitStr) {
    let value = language.value();
    let valid = !value.is_empty()
        && value.split('-').all(|subtag| {
            (1..=8).contains(&subtag.len()) && subtag.bytes().all(|b| b.is_ascii_alphanumeric())
        });
    if !valid {
        cx.error_spanned_by(
            language,
            format!("`{value}` is not a language tag: write one as `Content-Language` carries it, as in `en` or `de-CH`"),
        );
    }
}

/// A query code goes in `<Code>` and in `x-amzn-query-error: Code;Sender`, so it is header
/// text without the `;` that separates the two.
fn check_query_code(cx: &Ctxt, code: &LitStr) {
    let value = code.value();
    let valid = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_graphic() && !matches!(b, b';' | b'<' | b'>' | b'&' | b'"'));
    if !valid {
        cx.error_spanned_by(
            code,
            format!("query_code `{value}` must be visible ASCII without `;`, as in `AWS.SimpleQueueService.NonExistentQueue`"),
        );
    }
}

/// RFC 9457's `type` and API-WG's help link are URI references: non-empty, without
/// whitespace or quotes.
fn check_uri(cx: &Ctxt, uri: &LitStr, key: &str) {
    let value = uri.value();
    let valid = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_graphic() && !matches!(b, b'"' | b'<' | b'>' | b'\\'));
    if !valid {
        cx.error_spanned_by(
            uri,
            format!("{key} `{value}` is not a URI reference: write one without spaces, as in `https://example.com/probs/out-of-credit`"),
        );
    }
}

/// `code` is an HTTP error status: the derive builds error responses, so 400..=599.
fn check_status_literal(cx: &Ctxt, code: &LitInt) {
    let in_range = code
        .base10_parse::<u16>()
        .is_ok_and(|status| (400..=599).contains(&status));
    if !in_range {
        cx.error_spanned_by(
            code,
            format!(
                "expected an HTTP error status between 400 and 599, found {}",
                code.base10_digits()
            ),
        );
    }
}

/// `err_type` is a word Heat or the AWS protocols write, kept as written. `Client` and `User`
/// are read from other services' bodies but not written, so they get a pointed hint.
fn check_err_type(cx: &Ctxt, word: &LitStr) {
    let value = word.value();
    if matches!(value.as_str(), "Client" | "User") {
        cx.error_spanned_by(
            word,
            format!("err_type `{value}` is read from other services but not written: use `Sender`, the word AWS and Heat send for the caller's fault"),
        );
        return;
    }
    check_one_of(cx, word, "err_type", ERR_TYPES.iter().copied());
}

/// A closed set of values: report the closest one, or list them all.
fn check_one_of<'a>(
    cx: &Ctxt,
    lit: &LitStr,
    what: &str,
    allowed: impl Iterator<Item = &'a str> + Clone,
) {
    let value = lit.value();
    if allowed.clone().any(|a| a == value) {
        return;
    }
    let message = match did_you_mean(&value, allowed.clone()) {
        Some(close) => format!("unknown {what} `{value}`; did you mean `{close}`?"),
        None => format!(
            "unknown {what} `{value}`; expected one of {}",
            allowed
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    cx.error_spanned_by(lit, message);
}

/// An API-WG `error_code` matches `^[a-z0-9._-]+$`, as the guideline requires.
fn check_error_code(cx: &Ctxt, code: &LitStr) {
    let value = code.value();
    let valid = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if !valid {
        cx.error_spanned_by(
            code,
            format!("error_code `{value}` must match `^[a-z0-9._-]+$`, as in `placement.concurrent_update`"),
        );
    }
}

/// A namespace is written into an `xmlns` attribute: a non-empty URI without whitespace.
fn check_namespace(cx: &Ctxt, namespace: &LitStr) {
    let value = namespace.value();
    if value.is_empty() || value.chars().any(char::is_whitespace) {
        cx.error_spanned_by(
            namespace,
            "expected a namespace URI without whitespace, as in `http://docs.openstack.org/compute/api/v1.1`",
        );
    }
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

fn is_ncname(name: &str) -> bool {
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

/// Field roles put a field into the fault record: each role once per variant (members once
/// per name, each with a name, an XML name for its element and a header name that is one),
/// never on a source, which stays internal, and not in a transparent variant, whose record is
/// the inner error's. The keys that name and place a member need the field to be one.
fn check_roles(cx: &Ctxt, input: &Input<'_>, variant: &Variant<'_>) {
    let mut seen: Vec<Role> = Vec::new();
    let mut members: Vec<String> = Vec::new();
    for field in &variant.fields {
        if !field.is_member() {
            for key in MEMBER_KEYS {
                if let Some(span) = field.attrs.key_span(key) {
                    cx.error_at(
                        span,
                        format!("`{key}` names or places a member: add `member` to this field"),
                    );
                }
            }
        }
        if let [_, (_, second), ..] = field.attrs.roles.as_slice() {
            cx.error_at(*second, "a field has one role: keep one of these keys");
        }
        let Some(&(role, span)) = field.attrs.roles.first() else {
            continue;
        };
        if variant.is_transparent() {
            cx.error_at(span, "a transparent variant takes its fault from the error it wraps, so its field has no role");
            continue;
        }
        if field.attrs.source.is_some() || field.attrs.from.is_some() {
            cx.error_at(
                span,
                "a source stays internal and is never sent: give the role to another field",
            );
            continue;
        }
        if role == Role::Member {
            check_member(cx, input, field, span, &mut members);
        } else if seen.contains(&role) {
            let key = crate::attr::ROLES
                .iter()
                .find(|(_, r)| *r == role)
                .map_or("", |(k, _)| k);
            cx.error_at(
                span,
                format!(
                    "another field of `{}` is already its `{key}`",
                    variant.ident
                ),
            );
        } else {
            seen.push(role);
        }
    }
}

/// One member field: named, its XML name an XML name, its header a header name, placed once.
fn check_member(
    cx: &Ctxt,
    input: &Input<'_>,
    field: &Field<'_>,
    span: proc_macro2::Span,
    members: &mut Vec<String>,
) {
    let Some(name) = field.member_name(input) else {
        cx.error_at(
            span,
            format!(
                "field `{}` has no name to be a member under: add `rename = \"Name\"`",
                field.name
            ),
        );
        return;
    };
    let culprit = |cx: &Ctxt, message: String| match &field.attrs.rename {
        Some(lit) => cx.error_spanned_by(lit, message),
        None => cx.error_at(span, message),
    };
    if name.is_empty() {
        culprit(
            cx,
            "a member needs a name: `rename = \"\"` gives none".to_owned(),
        );
        return;
    }
    match &field.attrs.xml_name {
        Some(xml) => check_xml_name(cx, xml, "xml_name"),
        None if !is_ncname(&name) => culprit(
            cx,
            format!(
                "member name `{name}` is not a valid XML name, and it becomes an element name: rename it, or give its XML name with `xml_name = \"...\"`"
            ),
        ),
        None => {}
    }
    if let Some(json) = &field.attrs.json_name
        && json.value().is_empty()
    {
        cx.error_spanned_by(json, "json_name is empty: give the member's JSON name");
    }
    if let Some(header) = &field.attrs.header {
        let value = header.value();
        let token = !value.is_empty()
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        if !token {
            cx.error_spanned_by(
                header,
                format!("`{value}` is not a header name: use letters, digits and `-`, as in `X-Amzn-Limit`"),
            );
        }
    }
    if let (Some(attribute), Some(_)) = (field.attrs.xml_attribute, field.attrs.xml_flattened) {
        cx.error_at(
            attribute,
            "`xml_attribute` conflicts with `xml_flattened`: an attribute holds one value, a flattened list many",
        );
    }
    if members.contains(&name) {
        culprit(cx, format!("another field is already the member `{name}`"));
    } else {
        members.push(name);
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
