//! Parses `#[fault(...)]` attributes into [`Attrs`], recording every mistake and going on.
//!
//! Values are kept as the literals the user wrote so that later checks can point at them;
//! `valid.rs` decides whether they make sense.

use crate::ctxt::{Ctxt, did_you_mean};
use crate::values::{int_value, list_value, rest_of_value, skip_value, str_value};
use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt as _;
use syn::parse::ParseStream;
use syn::{Attribute, Ident, LitInt, LitStr, Meta, Token, token};

/// Where an attribute sits; decides which keys it may hold.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Enum,
    /// A struct is both the type and its only variant.
    Struct,
    Variant,
    Field,
}

const ON_TYPE: u8 = 1;
const ON_VARIANT: u8 = 2;
const ON_FIELD: u8 = 4;

impl Place {
    fn mask(self) -> u8 {
        match self {
            Place::Enum => ON_TYPE,
            Place::Struct => ON_TYPE | ON_VARIANT,
            Place::Variant => ON_VARIANT,
            Place::Field => ON_FIELD,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Place::Enum => "an enum",
            Place::Struct => "a struct",
            Place::Variant => "a variant",
            Place::Field => "a field",
        }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    /// `key = 404`
    Int,
    /// `key = "text"`
    Str,
    /// `key`
    Flag,
    /// `key(tokens)`
    List,
}

struct KeyDef {
    name: &'static str,
    places: u8,
    kind: Kind,
}

const fn key(name: &'static str, places: u8, kind: Kind) -> KeyDef {
    KeyDef { name, places, kind }
}

/// The variant keys only `FromFault` reads; `ApiFault` accepts them and ignores them.
pub const FROM_FAULT_KEYS: &[&str] = &["catch_all", "parse_target", "remote", "remote_default"];

/// Every key the derive knows, where it may go and what value it takes.
const KEYS: &[KeyDef] = &[
    key("code", ON_TYPE | ON_VARIANT, Kind::Int),
    key("err_type", ON_TYPE | ON_VARIANT, Kind::Str),
    key("error_code", ON_TYPE | ON_VARIANT, Kind::Str),
    key("namespace", ON_TYPE | ON_VARIANT, Kind::Str),
    key("format", ON_TYPE, Kind::Str),
    key("rename_all", ON_TYPE, Kind::Str),
    key("external_error", ON_TYPE, Kind::Flag),
    key("title", ON_VARIANT, Kind::Str),
    key("message", ON_VARIANT, Kind::Str),
    key("args", ON_VARIANT, Kind::List),
    key("explanation", ON_VARIANT, Kind::Str),
    key("expose", ON_VARIANT, Kind::Flag),
    key("transparent", ON_VARIANT, Kind::Flag),
    // `FromFault` keys: `ApiFault` accepts them and ignores them; `from_fault.rs` checks them.
    key("catch_all", ON_VARIANT, Kind::Flag),
    key("parse_target", ON_VARIANT, Kind::Flag),
    key("remote", ON_VARIANT, Kind::List),
    key("remote_default", ON_VARIANT, Kind::Flag),
    key("source", ON_FIELD, Kind::Flag),
    key("from", ON_FIELD, Kind::Flag),
    key("details", ON_FIELD, Kind::Flag),
    key("retry_after", ON_FIELD, Kind::Flag),
    key("request_id", ON_FIELD, Kind::Flag),
    key("validation_errors", ON_FIELD, Kind::Flag),
    key("created", ON_FIELD, Kind::Flag),
    key("extra", ON_FIELD, Kind::Str),
];

/// The field keys that give a field a role in the fault record, as (key, role).
pub const ROLES: &[(&str, Role)] = &[
    ("details", Role::Details),
    ("retry_after", Role::RetryAfter),
    ("request_id", Role::RequestId),
    ("validation_errors", Role::ValidationErrors),
    ("created", Role::Created),
    ("extra", Role::Extra),
];

/// What a field contributes to the fault record.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Role {
    Details,
    RetryAfter,
    RequestId,
    ValidationErrors,
    Created,
    Extra,
}

/// The keys of one item's `#[fault(...)]` attributes, as written.
#[derive(Clone, Default)]
pub struct Attrs {
    pub code: Option<LitInt>,
    pub err_type: Option<LitStr>,
    pub error_code: Option<LitStr>,
    pub namespace: Option<LitStr>,
    pub format: Option<LitStr>,
    pub rename_all: Option<LitStr>,
    pub external_error: Option<Span>,
    pub title: Option<LitStr>,
    pub message: Option<LitStr>,
    pub args: Option<(Span, TokenStream)>,
    pub explanation: Option<LitStr>,
    pub expose: Option<Span>,
    pub transparent: Option<Span>,
    /// `FromFault`: the variant that receives any fault no other variant matches.
    pub catch_all: Option<Span>,
    /// `FromFault`: the variant chosen among those sharing one wire identity.
    pub parse_target: Option<Span>,
    /// `FromFault`: the remote error names mapped to the variant, as written (string
    /// literals, checked by `from_fault.rs`).
    pub remote: Option<(Span, TokenStream)>,
    /// `FromFault`: the variant a remote error name maps to when no `remote` list has it.
    pub remote_default: Option<Span>,
    pub source: Option<Span>,
    pub from: Option<Span>,
    /// The name an `extra` field is written under.
    pub extra: Option<LitStr>,
    /// The role keys set on a field, with their spans.
    pub roles: Vec<(Role, Span)>,
    /// Each key seen, with the span of the key itself, in the order written.
    keys: Vec<(&'static str, Span)>,
}

impl Attrs {
    /// The span of `name` where it was written, if it was.
    pub fn key_span(&self, name: &str) -> Option<Span> {
        self.keys
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, span)| *span)
    }

    /// The keys written, in order, with their spans.
    pub fn keys(&self) -> impl Iterator<Item = (&'static str, Span)> + '_ {
        self.keys.iter().copied()
    }
}

/// Parses every `#[fault(...)]` among `attrs`, as found at `place`.
pub fn parse(cx: &Ctxt, attrs: &[Attribute], place: Place) -> Attrs {
    let mut out = Attrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("fault")) {
        if !matches!(attr.meta, Meta::List(_)) {
            cx.error_spanned_by(
                attr,
                "expected `#[fault(...)]` with keys inside, as in `#[fault(code = 404)]`",
            );
            continue;
        }
        let parsed = attr.parse_args_with(|input: ParseStream<'_>| {
            parse_keys(cx, &mut out, input, place);
            Ok(())
        });
        if let Err(err) = parsed {
            cx.push(err);
        }
    }
    out
}

/// Reads `key = value, key, key(...)` pairs, recovering after a mistake: at the next key if
/// only a comma is missing, else at the next comma.
fn parse_keys(cx: &Ctxt, out: &mut Attrs, input: ParseStream<'_>, place: Place) {
    let mut previous: Option<String> = None;
    while !input.is_empty() {
        if input.peek(Ident::peek_any) {
            if let Ok(ident) = input.call(Ident::parse_any) {
                parse_key(cx, out, &ident, input, place);
                previous = Some(ident.to_string());
            }
        } else {
            let message = if previous.as_deref() == Some("message") {
                "expected a key; extra format arguments go in `args(...)`, as in \
                 `message = \"{} left\", args(.0.len())`"
            } else {
                "expected a key such as `code`"
            };
            cx.push(syn::Error::new_spanned(rest_of_value(input), message));
            previous = None;
        }
        if input.is_empty() || input.parse::<Token![,]>().is_ok() {
            continue;
        }
        if input.peek(Ident::peek_any) {
            // `code = 404 title = "..."`: only the comma is missing; read the next key.
            cx.error_at(input.span(), "expected `,` between keys");
        } else {
            let key = previous.as_deref().unwrap_or("the key");
            cx.push(syn::Error::new_spanned(
                rest_of_value(input),
                format!("unexpected tokens after the value of `{key}`: a key takes one value, and keys are separated by `,`"),
            ));
            let _ = input.parse::<Token![,]>();
        }
    }
}

fn parse_key(cx: &Ctxt, out: &mut Attrs, ident: &Ident, input: ParseStream<'_>, place: Place) {
    let name = ident.to_string();
    let Some(def) = KEYS.iter().find(|k| k.name == name) else {
        unknown_key(cx, ident, &name, place);
        skip_value(input);
        return;
    };
    if def.places & place.mask() == 0 {
        cx.error_spanned_by(
            ident,
            format!(
                "`{name}` goes on {}, not on {}",
                describe_places(def.places),
                place.describe()
            ),
        );
        skip_value(input);
        return;
    }
    if out.key_span(def.name).is_some() {
        cx.error_spanned_by(
            ident,
            format!("duplicate key `{name}`: it is already set earlier"),
        );
        skip_value(input);
        return;
    }
    out.keys.push((def.name, ident.span()));
    let span = ident.span();
    match def.kind {
        Kind::Int => {
            if let Some(lit) = int_value(cx, ident, input) {
                out.code = Some(lit);
            }
        }
        Kind::Str => {
            let Some(lit) = str_value(cx, ident, input) else {
                return;
            };
            let slot = match def.name {
                "err_type" => &mut out.err_type,
                "error_code" => &mut out.error_code,
                "namespace" => &mut out.namespace,
                "format" => &mut out.format,
                "rename_all" => &mut out.rename_all,
                "title" => &mut out.title,
                "message" => &mut out.message,
                "extra" => {
                    out.roles.push((Role::Extra, span));
                    &mut out.extra
                }
                _ => &mut out.explanation,
            };
            *slot = Some(lit);
        }
        Kind::Flag => {
            if input.peek(Token![=]) || input.peek(token::Paren) {
                cx.push(syn::Error::new_spanned(
                    rest_of_value(input),
                    format!("`{name}` takes no value: write `{name}` alone"),
                ));
                return;
            }
            if let Some((_, role)) = ROLES.iter().find(|(key, _)| *key == def.name) {
                out.roles.push((*role, span));
                return;
            }
            let slot = match def.name {
                "external_error" => &mut out.external_error,
                "expose" => &mut out.expose,
                "transparent" => &mut out.transparent,
                "catch_all" => &mut out.catch_all,
                "parse_target" => &mut out.parse_target,
                "remote_default" => &mut out.remote_default,
                "source" => &mut out.source,
                _ => &mut out.from,
            };
            *slot = Some(span);
        }
        Kind::List => {
            if let Some(tokens) = list_value(cx, ident, input) {
                let slot = match def.name {
                    "remote" => &mut out.remote,
                    _ => &mut out.args,
                };
                *slot = Some((span, tokens));
            }
        }
    }
}

fn unknown_key(cx: &Ctxt, ident: &Ident, name: &str, place: Place) {
    let here: Vec<&str> = KEYS
        .iter()
        .filter(|k| k.places & place.mask() != 0)
        .map(|k| k.name)
        .collect();
    let message = match did_you_mean(name, here.iter().copied()) {
        Some(close) => format!("unknown key `{name}`; did you mean `{close}`?"),
        None => format!(
            "unknown key `{name}`; expected one of {}",
            here.iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    cx.error_spanned_by(ident, message);
}

fn describe_places(places: u8) -> &'static str {
    match places {
        ON_TYPE => "the enum or struct",
        ON_VARIANT => "a variant (or a struct)",
        ON_FIELD => "a field",
        _ => "the enum, a variant or a struct",
    }
}

/// The values `format = "..."` takes, with the `fault_core::Format` variant each names.
pub const FORMATS: &[(&str, &str)] = &[
    ("aws_query", "AwsQuery"),
    ("heat", "Heat"),
    ("ec2_query", "Ec2Query"),
    ("aws_json10", "AwsJson10"),
    ("aws_json11", "AwsJson11"),
    ("aws_rest_json", "AwsRestJson"),
    ("aws_rest_xml", "AwsRestXml"),
    ("s3", "S3"),
    ("openstack", "OpenStack"),
    ("load_balancer", "LoadBalancer"),
    ("keystone", "Keystone"),
    ("neutron", "Neutron"),
    ("api_wg", "ApiWg"),
    ("placement", "Placement"),
    ("problem", "Problem"),
];

/// The words `err_type = "..."` takes: those Heat and the AWS protocols write.
pub const ERR_TYPES: &[&str] = &["Sender", "Receiver", "Server"];
