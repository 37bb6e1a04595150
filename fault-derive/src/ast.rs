//! The derive input as the rest of the pipeline sees it: the type, its variants and fields,
//! each with its parsed `#[fault(...)]` keys.

use crate::attr::{self, Attrs, Place};
use crate::case;
use crate::ctxt::Ctxt;
use crate::fmt::{self, Message};
use proc_macro2::{Ident, Span};
use quote::format_ident;
use syn::{Data, DeriveInput, Fields, Generics, LitStr, Member, Type};

pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: Attrs,
    pub variants: Vec<Variant<'a>>,
    /// A struct is one variant whose keys are the type's keys.
    pub is_struct: bool,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub attrs: Attrs,
    /// The doc comment, unindented as rustdoc does; empty when there is none.
    pub doc: String,
    pub fields: Vec<Field<'a>>,
    pub message: Option<Message>,
}

pub struct Field<'a> {
    pub member: Member,
    /// The field's name without `r#`, or its index.
    pub name: String,
    pub ty: &'a Type,
    pub attrs: Attrs,
}

impl<'a> Input<'a> {
    /// Parses `input`, recording every mistake in `cx`; `None` only for a union.
    pub fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        let shape = match &input.data {
            Data::Enum(data) => {
                let attrs = attr::parse(cx, &input.attrs, Place::Enum);
                let variants = data
                    .variants
                    .iter()
                    .map(|v| {
                        Variant::from_syn(cx, input, &v.ident, &v.attrs, &v.fields, Place::Variant)
                    })
                    .collect();
                return Some(Input {
                    ident: &input.ident,
                    generics: &input.generics,
                    attrs,
                    variants,
                    is_struct: false,
                });
            }
            Data::Struct(data) => Variant::from_syn(
                cx,
                input,
                &input.ident,
                &input.attrs,
                &data.fields,
                Place::Struct,
            ),
            Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "`ApiFault` can be derived for an enum or a struct, not a union",
                );
                return None;
            }
        };
        Some(Input {
            ident: &input.ident,
            generics: &input.generics,
            attrs: shape.attrs.clone(),
            variants: vec![shape],
            is_struct: true,
        })
    }
}

impl<'a> Variant<'a> {
    fn from_syn(
        cx: &Ctxt,
        input: &DeriveInput,
        ident: &'a Ident,
        attrs_list: &[syn::Attribute],
        fields: &'a Fields,
        place: Place,
    ) -> Self {
        let attrs = attr::parse(cx, attrs_list, place);
        let fields: Vec<Field<'a>> = fields
            .iter()
            .enumerate()
            .map(|(index, field)| Field::from_syn(cx, index, field))
            .collect();
        let const_params: Vec<String> = input
            .generics
            .const_params()
            .map(|p| p.ident.to_string())
            .collect();
        let message = match (&attrs.message, &attrs.args) {
            (Some(lit), args) => {
                let args = args.as_ref().map(|(_, a)| a);
                fmt::parse(cx, lit, args, &fields, ident, &const_params)
            }
            (None, Some((span, _))) => {
                cx.error_at(*span, "`args(...)` needs a `message` to format");
                None
            }
            (None, None) => None,
        };
        Variant {
            ident,
            attrs,
            doc: doc_text(attrs_list),
            fields,
            message,
        }
    }

    /// The field marked `source` or `from`, or else one named `source`, as thiserror does.
    pub fn source_field(&self) -> Option<&Field<'a>> {
        self.fields
            .iter()
            .find(|f| f.attrs.source.is_some() || f.attrs.from.is_some())
            .or_else(|| {
                self.fields
                    .iter()
                    .find(|f| f.name == "source" && !f.is_unnamed())
            })
    }

    pub fn field_marked_from(&self) -> Option<&Field<'a>> {
        self.fields.iter().find(|f| f.attrs.from.is_some())
    }
}

/// The text of the `#[doc = "..."]` attributes (what `///` becomes), one line each, with the
/// indentation common to all lines removed and blank lines at either end dropped, as rustdoc
/// shows it. Docs that are not a string literal (`include_str!`) are left out.
fn doc_text(attrs: &[syn::Attribute]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("doc")) {
        if let syn::Meta::NameValue(pair) = &attr.meta
            && let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) = &pair.value
        {
            // `split`, not `lines`: a blank `///` line is `#[doc = ""]`, and it ends a paragraph.
            lines.extend(text.value().split('\n').map(str::to_owned));
        }
    }
    let indent = lines
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.chars().take_while(|c| c.is_whitespace()).count())
        .min()
        .unwrap_or(0);
    let lines: Vec<String> = lines
        .iter()
        .map(|line| {
            line.chars()
                .skip(indent)
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect();
    lines.join("\n").trim_matches('\n').to_owned()
}

impl<'a> Field<'a> {
    fn from_syn(cx: &Ctxt, index: usize, field: &'a syn::Field) -> Self {
        let (member, name) = match &field.ident {
            Some(ident) => {
                let name = ident.to_string();
                let name = name.strip_prefix("r#").map(str::to_owned).unwrap_or(name);
                (Member::Named(ident.clone()), name)
            }
            None => (Member::Unnamed(index.into()), index.to_string()),
        };
        Field {
            member,
            name,
            ty: &field.ty,
            attrs: attr::parse(cx, &field.attrs, Place::Field),
        }
    }

    /// Whether the field is a member of the fault.
    pub fn is_member(&self) -> bool {
        self.attrs
            .roles
            .iter()
            .any(|(role, _)| *role == attr::Role::Member)
    }

    /// The member's name in the model: `rename`, else the field's name under the type's
    /// rule (`rename_all` on a struct, `rename_all_fields` on an enum, as serde applies
    /// them); `None` for a tuple field without `rename`.
    pub fn member_name(&self, input: &Input<'_>) -> Option<String> {
        if let Some(name) = &self.attrs.rename {
            return Some(name.value());
        }
        if self.is_unnamed() {
            return None;
        }
        let rule = if input.is_struct {
            input.attrs.rename_all.as_ref()
        } else {
            input.attrs.rename_all_fields.as_ref()
        };
        Some(match rule {
            Some(rule) => case::rename_field(&rule.value(), &self.name),
            None => self.name.clone(),
        })
    }

    pub fn is_unnamed(&self) -> bool {
        matches!(self.member, Member::Unnamed(_))
    }

    /// The local the field is bound to in generated `match` arms.
    pub fn binding(&self) -> Ident {
        format_ident!("__self_{}", self.name, span = Span::call_site())
    }

    /// Whether the field's type is `Option<...>`, judged by its last path segment as
    /// thiserror does, since a derive cannot resolve types.
    pub fn is_option(&self) -> bool {
        match self.ty {
            Type::Path(path) => {
                path.qself.is_none()
                    && path
                        .path
                        .segments
                        .last()
                        .is_some_and(|s| s.ident == "Option")
            }
            _ => false,
        }
    }
}

/// The facts of a variant once the type's defaults are applied.
impl Variant<'_> {
    pub fn is_transparent(&self) -> bool {
        self.attrs.transparent.is_some()
    }

    /// The variant's status, or the type's default; `None` when neither sets one or the
    /// literal is not a `u16` (both reported by `valid.rs`).
    pub fn status(&self, input: &Input<'_>) -> Option<u16> {
        let lit = self.attrs.code.as_ref().or(input.attrs.code.as_ref())?;
        lit.base10_parse::<u16>().ok()
    }

    /// The title as written, else the variant's name under the type's `rename_all`.
    pub fn title(&self, input: &Input<'_>) -> String {
        if let Some(title) = &self.attrs.title {
            return title.value();
        }
        let name = self.ident.to_string();
        let name = name.strip_prefix("r#").unwrap_or(&name);
        match &input.attrs.rename_all {
            Some(rule) => case::rename(&rule.value(), name),
            None => name.to_owned(),
        }
    }

    /// The err_type word as written: the variant's, else the type's. `None` leaves the word to
    /// each family (`Receiver` for a 5xx in the AWS query shapes, `Server` in Heat's).
    pub fn err_type_written(&self, input: &Input<'_>) -> Option<String> {
        self.attrs
            .err_type
            .as_ref()
            .or(input.attrs.err_type.as_ref())
            .map(LitStr::value)
    }

    /// The fixed, safe text of the variant: `explanation`, or a message without
    /// placeholders. `None` leaves it to the status's reason phrase at run time.
    pub fn explanation(&self) -> Option<String> {
        match (&self.attrs.explanation, &self.message) {
            (Some(explanation), _) => Some(explanation.value()),
            (None, Some(message)) => message.fixed.clone(),
            (None, None) => None,
        }
    }

    /// Whether the variant's wire message comes from its `Display` rather than its fixed
    /// text: an interpolated message, or with `external_error` another derive's `Display`.
    pub fn message_is_displayed(&self, input: &Input<'_>) -> bool {
        match &self.message {
            Some(message) => message.fixed.is_none(),
            None => input.attrs.external_error.is_some() && self.attrs.explanation.is_none(),
        }
    }

    /// Whether the fault sends the fixed text: no displayed message, or a 5xx that is not
    /// marked `expose` (DESIGN.md §5).
    pub fn message_is_fixed(&self, input: &Input<'_>, status: u16) -> bool {
        !self.message_is_displayed(input) || (status >= 500 && self.attrs.expose.is_none())
    }
}
