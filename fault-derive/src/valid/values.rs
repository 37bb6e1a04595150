//! The rules on the values of keys: each literal is one the derive (and the runtime) knows.

use super::is_ncname;
use crate::ast::{Input, Variant};
use crate::attr::{Attrs, DIALECTS, ERR_TYPES, FORMATS};
use crate::case;
use crate::ctxt::{Ctxt, did_you_mean};
use syn::{LitInt, LitStr};

/// The type-level keys hold values the derive knows. For a struct these are also its
/// variant-level keys, which `check_variant_values` then skips.
pub(super) fn check_type_values(cx: &Ctxt, input: &Input<'_>) {
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
pub(super) fn check_variant_values(cx: &Ctxt, input: &Input<'_>, variant: &Variant<'_>) {
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
pub(super) fn check_xml_name(cx: &Ctxt, name: &LitStr, what: &str) {
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
