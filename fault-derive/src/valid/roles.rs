//! The rules on field roles and members.

use super::is_ncname;
use super::values::check_xml_name;
use crate::ast::{Field, Input, Variant};
use crate::attr::{MEMBER_KEYS, Role};
use crate::ctxt::Ctxt;

/// Field roles put a field into the fault record: each role once per variant (members once
/// per name, each with a name, an XML name for its element and a header name that is one),
/// never on a source, which stays internal, and not in a transparent variant, whose record is
/// the inner error's. The keys that name and place a member need the field to be one.
pub(super) fn check_roles(cx: &Ctxt, input: &Input<'_>, variant: &Variant<'_>) {
    let mut seen: Vec<Role> = Vec::new();
    let mut members: Vec<String> = Vec::new();
    let mut headers: Vec<String> = Vec::new();
    let retry_after = variant.fields.iter().any(|f| {
        f.attrs
            .roles
            .iter()
            .any(|(role, _)| *role == Role::RetryAfter)
    });
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
            if let Some(header) = &field.attrs.header {
                check_header_owner(cx, header, retry_after, &mut headers);
            }
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
    if let Some(item) = &field.attrs.xml_item_name {
        check_xml_name(cx, item, "xml_item_name");
        if field.attrs.xml_flattened.is_some() || field.attrs.xml_attribute.is_some() {
            cx.error_spanned_by(
                item,
                "`xml_item_name` names the items of a wrapped list: a flattened list's items take the member's name, and an attribute has no items",
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

/// The headers fault-core writes itself in some format (`wire/emit.rs`, `WRITTEN_HEADERS`,
/// keeps the same list, and `tests/members.rs` holds them equal): a member sent in one would be
/// dropped or would contradict them.
const WRITTEN_HEADERS: &[&str] = &[
    "content-type",
    "content-length",
    "transfer-encoding",
    "content-language",
    "vary",
    "x-amzn-requestid",
    "x-amz-request-id",
    "x-amz-id-2",
    "x-amzn-errortype",
    "x-amzn-query-error",
    "x-openstack-request-id",
    "x-compute-request-id",
    "x-request-id",
    "openstack-api-version",
    "x-openstack-nova-api-version",
];

/// A header member's header is its own: not one the crate writes, not `Retry-After` beside
/// the `retry_after` role, and not another member's.
fn check_header_owner(
    cx: &Ctxt,
    header: &syn::LitStr,
    retry_after: bool,
    headers: &mut Vec<String>,
) {
    let value = header.value();
    let name = value.to_ascii_lowercase();
    if WRITTEN_HEADERS.contains(&name.as_str()) {
        cx.error_spanned_by(
            header,
            format!("`{value}` is a header fault_core writes itself: send this member in a header of its own, or drop `header`"),
        );
    } else if name == "retry-after" && retry_after {
        cx.error_spanned_by(
            header,
            "`Retry-After` is already sent from this variant's `retry_after` field: keep one of the two",
        );
    } else if headers.contains(&name) {
        cx.error_spanned_by(
            header,
            format!("another member of this variant is already sent in `{value}`"),
        );
    } else {
        headers.push(name);
    }
}
