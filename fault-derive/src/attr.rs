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

/// A key's value as read, of its key's [`Kind`].
enum Value {
    Int(LitInt),
    Str(LitStr),
    Flag(Span),
    List(Span, TokenStream),
}

impl Value {
    fn int(self) -> Option<LitInt> {
        match self {
            Value::Int(lit) => Some(lit),
            _ => None,
        }
    }
    fn str(self) -> Option<LitStr> {
        match self {
            Value::Str(lit) => Some(lit),
            _ => None,
        }
    }
    fn span(&self) -> Span {
        match self {
            Value::Int(lit) => lit.span(),
            Value::Str(lit) => lit.span(),
            Value::Flag(span) | Value::List(span, _) => *span,
        }
    }
    fn list(self) -> Option<(Span, TokenStream)> {
        match self {
            Value::List(span, tokens) => Some((span, tokens)),
            _ => None,
        }
    }
}

/// A key: its name, where it may go, the value it takes, and the one slot it fills.
struct KeyDef {
    name: &'static str,
    places: u8,
    kind: Kind,
    set: fn(&mut Attrs, Value),
}

const fn key(name: &'static str, places: u8, kind: Kind, set: fn(&mut Attrs, Value)) -> KeyDef {
    KeyDef {
        name,
        places,
        kind,
        set,
    }
}

/// The variant keys only `FromFault` reads; `ApiFault` accepts them and ignores them.
pub const FROM_FAULT_KEYS: &[&str] = &["catch_all", "parse_target", "remote", "remote_default"];

/// The type keys that, on a struct, may stand beside `transparent` (they describe the type).
pub const TYPE_KEYS: &[&str] = &[
    "format",
    "dialect",
    "rename_all",
    "rename_all_fields",
    "external_error",
    "namespace",
    "query_compatible",
];

const TYPE: u8 = ON_TYPE;
const BOTH: u8 = ON_TYPE | ON_VARIANT;
const VARIANT: u8 = ON_VARIANT;
const FIELD: u8 = ON_FIELD;

/// Every key the derive knows, where it may go, what value it takes and where it goes.
const KEYS: &[KeyDef] = &[
    key("code", BOTH, Kind::Int, |a, v| a.code = v.int()),
    key("err_type", BOTH, Kind::Str, |a, v| a.err_type = v.str()),
    key("error_code", BOTH, Kind::Str, |a, v| a.error_code = v.str()),
    key("namespace", BOTH, Kind::Str, |a, v| a.namespace = v.str()),
    key("message_member", BOTH, Kind::Str, |a, v| {
        a.message_member = v.str();
    }),
    key("language", BOTH, Kind::Str, |a, v| a.language = v.str()),
    key("format", TYPE, Kind::Str, |a, v| a.format = v.str()),
    key("dialect", TYPE, Kind::Str, |a, v| a.dialect = v.str()),
    key("rename_all", TYPE, Kind::Str, |a, v| a.rename_all = v.str()),
    key("rename_all_fields", TYPE, Kind::Str, |a, v| {
        a.rename_all_fields = v.str();
    }),
    key("external_error", TYPE, Kind::Flag, |a, v| {
        a.external_error = Some(v.span());
    }),
    key("query_compatible", TYPE, Kind::Flag, |a, v| {
        a.query_compatible = Some(v.span());
    }),
    key("title", VARIANT, Kind::Str, |a, v| a.title = v.str()),
    key("message", VARIANT, Kind::Str, |a, v| a.message = v.str()),
    key("args", VARIANT, Kind::List, |a, v| a.args = v.list()),
    key("explanation", VARIANT, Kind::Str, |a, v| {
        a.explanation = v.str()
    }),
    key("expose", VARIANT, Kind::Flag, |a, v| {
        a.expose = Some(v.span())
    }),
    key("transparent", VARIANT, Kind::Flag, |a, v| {
        a.transparent = Some(v.span());
    }),
    key("query_code", VARIANT, Kind::Str, |a, v| {
        a.query_code = v.str()
    }),
    key("query_status", VARIANT, Kind::Int, |a, v| {
        a.query_status = v.int()
    }),
    key("help_link", VARIANT, Kind::Str, |a, v| {
        a.help_link = v.str()
    }),
    key("problem_type", VARIANT, Kind::Str, |a, v| {
        a.problem_type = v.str()
    }),
    // `FromFault` keys: `ApiFault` accepts them and ignores them; `from_fault.rs` checks them.
    key("catch_all", VARIANT, Kind::Flag, |a, v| {
        a.catch_all = Some(v.span())
    }),
    key("parse_target", VARIANT, Kind::Flag, |a, v| {
        a.parse_target = Some(v.span());
    }),
    key("remote", VARIANT, Kind::List, |a, v| a.remote = v.list()),
    key("remote_default", VARIANT, Kind::Flag, |a, v| {
        a.remote_default = Some(v.span());
    }),
    key("source", FIELD, Kind::Flag, |a, v| {
        a.source = Some(v.span())
    }),
    key("from", FIELD, Kind::Flag, |a, v| a.from = Some(v.span())),
    key("details", FIELD, Kind::Flag, |a, v| {
        a.roles.push((Role::Details, v.span()))
    }),
    key("retry_after", FIELD, Kind::Flag, |a, v| {
        a.roles.push((Role::RetryAfter, v.span()));
    }),
    key("request_id", FIELD, Kind::Flag, |a, v| {
        a.roles.push((Role::RequestId, v.span()));
    }),
    key("validation_errors", FIELD, Kind::Flag, |a, v| {
        a.roles.push((Role::ValidationErrors, v.span()));
    }),
    key("created", FIELD, Kind::Flag, |a, v| {
        a.roles.push((Role::Created, v.span()))
    }),
    key("instance", FIELD, Kind::Flag, |a, v| {
        a.roles.push((Role::Instance, v.span()));
    }),
    key("member", FIELD, Kind::Flag, |a, v| a.add_member(v.span())),
    key("header", FIELD, Kind::Str, |a, v| {
        let span = v.span();
        a.header = v.str();
        a.add_member(span);
    }),
    key("rename", FIELD, Kind::Str, |a, v| a.rename = v.str()),
    key("json_name", FIELD, Kind::Str, |a, v| a.json_name = v.str()),
    key("xml_name", FIELD, Kind::Str, |a, v| a.xml_name = v.str()),
    key("xml_item_name", FIELD, Kind::Str, |a, v| {
        a.xml_item_name = v.str()
    }),
    key("xml_attribute", FIELD, Kind::Flag, |a, v| {
        a.xml_attribute = Some(v.span());
    }),
    key("xml_flattened", FIELD, Kind::Flag, |a, v| {
        a.xml_flattened = Some(v.span());
    }),
];

/// The field keys that give a field a role in the fault record, as (key, role).
pub const ROLES: &[(&str, Role)] = &[
    ("details", Role::Details),
    ("retry_after", Role::RetryAfter),
    ("request_id", Role::RequestId),
    ("validation_errors", Role::ValidationErrors),
    ("created", Role::Created),
    ("instance", Role::Instance),
    ("member", Role::Member),
];

/// The field keys that say how a member is named and placed: they need `member` (or
/// `header`) on the same field.
pub const MEMBER_KEYS: &[&str] = &[
    "rename",
    "json_name",
    "xml_name",
    "xml_item_name",
    "xml_attribute",
    "xml_flattened",
];

/// What a field contributes to the fault record.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Role {
    Details,
    RetryAfter,
    RequestId,
    ValidationErrors,
    Created,
    Instance,
    /// A member of the fault (`member`, or `header = "..."`).
    Member,
}

/// The keys of one item's `#[fault(...)]` attributes, as written.
#[derive(Clone, Default)]
pub struct Attrs {
    pub code: Option<LitInt>,
    pub err_type: Option<LitStr>,
    pub error_code: Option<LitStr>,
    pub namespace: Option<LitStr>,
    pub message_member: Option<LitStr>,
    pub language: Option<LitStr>,
    pub format: Option<LitStr>,
    pub dialect: Option<LitStr>,
    pub rename_all: Option<LitStr>,
    pub rename_all_fields: Option<LitStr>,
    pub external_error: Option<Span>,
    pub query_compatible: Option<Span>,
    pub title: Option<LitStr>,
    pub message: Option<LitStr>,
    pub args: Option<(Span, TokenStream)>,
    pub explanation: Option<LitStr>,
    pub expose: Option<Span>,
    pub transparent: Option<Span>,
    pub query_code: Option<LitStr>,
    pub query_status: Option<LitInt>,
    pub problem_type: Option<LitStr>,
    /// API-WG's `links: [{"rel": "help", "href": …}]`.
    pub help_link: Option<LitStr>,
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
    /// The header a member field is bound to.
    pub header: Option<LitStr>,
    /// A member field's name, where it is not the field's (under the rename rules).
    pub rename: Option<LitStr>,
    pub json_name: Option<LitStr>,
    pub xml_name: Option<LitStr>,
    /// The element name of a wrapped list member's items (`@xmlName` on the list's member).
    pub xml_item_name: Option<LitStr>,
    pub xml_attribute: Option<Span>,
    pub xml_flattened: Option<Span>,
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

    /// `member` and `header` both make the field a member: once.
    fn add_member(&mut self, span: Span) {
        if !self.roles.iter().any(|(role, _)| *role == Role::Member) {
            self.roles.push((Role::Member, span));
        }
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
    let value = match def.kind {
        Kind::Int => int_value(cx, ident, input).map(Value::Int),
        Kind::Str => str_value(cx, ident, input).map(Value::Str),
        Kind::Flag => {
            if input.peek(Token![=]) || input.peek(token::Paren) {
                cx.push(syn::Error::new_spanned(
                    rest_of_value(input),
                    format!("`{name}` takes no value: write `{name}` alone"),
                ));
                None
            } else {
                Some(Value::Flag(span))
            }
        }
        Kind::List => list_value(cx, ident, input).map(|tokens| Value::List(span, tokens)),
    };
    if let Some(value) = value {
        (def.set)(out, value);
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
    ("aws_rest_xml_unwrapped", "AwsRestXmlUnwrapped"),
    ("s3", "S3"),
    ("openstack", "OpenStack"),
    ("load_balancer", "LoadBalancer"),
    ("keystone", "Keystone"),
    ("neutron", "Neutron"),
    ("api_wg", "ApiWg"),
    ("placement", "Placement"),
    ("problem", "Problem"),
];

/// The values `dialect = "..."` takes, with the `fault_core::Dialect` variant each names.
pub const DIALECTS: &[(&str, &str)] = &[
    ("nova", "Nova"),
    ("cinder", "Cinder"),
    ("compute_schema", "ComputeSchema"),
];

/// The words `err_type = "..."` takes: those Heat and the AWS protocols write.
pub const ERR_TYPES: &[&str] = &["Sender", "Receiver", "Server"];
