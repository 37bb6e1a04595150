//! The `message = "..."` format string and its `args(...)`: thiserror's semantics.
//!
//! `{name}` and `{0}` name the variant's fields, `{}` takes the next of `args(...)`, and in
//! `args(...)` a leading `.field` or `.0` names a field too. Fields are bound as
//! `__self_<name>` locals, so the rewritten string captures them inline.

use crate::ast::Field;
use crate::ctxt::{Ctxt, did_you_mean};
use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::LitStr;

/// A parsed message, ready for `write!`.
pub struct Message {
    /// The format string with field references rewritten to their bindings.
    pub lit: LitStr,
    /// The rewritten `args(...)`, each preceded by a comma.
    pub args: TokenStream,
    /// Each field the message reads, with the formatting trait it needs (`None`: in args).
    pub uses: Vec<(usize, Option<FmtTrait>)>,
    /// The message's text when it has no placeholders and no args: a fixed message.
    pub fixed: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FmtTrait {
    Display,
    Debug,
    LowerHex,
    UpperHex,
    Octal,
    Binary,
    LowerExp,
    UpperExp,
    Pointer,
}

impl ToTokens for FmtTrait {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend(match self {
            FmtTrait::Display => quote!(::core::fmt::Display),
            FmtTrait::Debug => quote!(::core::fmt::Debug),
            FmtTrait::LowerHex => quote!(::core::fmt::LowerHex),
            FmtTrait::UpperHex => quote!(::core::fmt::UpperHex),
            FmtTrait::Octal => quote!(::core::fmt::Octal),
            FmtTrait::Binary => quote!(::core::fmt::Binary),
            FmtTrait::LowerExp => quote!(::core::fmt::LowerExp),
            FmtTrait::UpperExp => quote!(::core::fmt::UpperExp),
            FmtTrait::Pointer => quote!(::core::fmt::Pointer),
        });
    }
}

impl FmtTrait {
    /// The trait a format spec such as `:?` or `:#x` asks for: its last character.
    fn of_spec(spec: &str) -> FmtTrait {
        match spec.chars().next_back() {
            Some('?') => FmtTrait::Debug,
            Some('x') => FmtTrait::LowerHex,
            Some('X') => FmtTrait::UpperHex,
            Some('o') => FmtTrait::Octal,
            Some('b') => FmtTrait::Binary,
            Some('e') => FmtTrait::LowerExp,
            Some('E') => FmtTrait::UpperExp,
            Some('p') => FmtTrait::Pointer,
            _ => FmtTrait::Display,
        }
    }
}

/// Parses `lit` (and `args`) for a variant named `owner` with `fields`; every mistake is
/// recorded in `cx` at the literal or the offending token.
pub fn parse(
    cx: &Ctxt,
    lit: &LitStr,
    args: Option<&TokenStream>,
    fields: &[Field<'_>],
    owner: &Ident,
    const_params: &[String],
) -> Option<Message> {
    let errors_before = cx.error_count();
    let mut uses = Vec::new();
    let (args, mut in_scope) = match args {
        Some(args) => (
            rewrite_args(cx, args.clone(), fields, owner, &mut uses),
            named_args(args),
        ),
        None => (TokenStream::new(), Vec::new()),
    };
    // The type's const generic parameters are in scope in the impl, so `{N}` captures them.
    in_scope.extend(const_params.iter().cloned());
    let value = lit.value();
    let mut out = String::with_capacity(value.len());
    let mut fixed = String::with_capacity(value.len());
    let mut holes = 0usize;
    let mut rest = value.as_str();
    while let Some(at) = rest.find(['{', '}']) {
        let (text, brace) = rest.split_at(at);
        out.push_str(text);
        fixed.push_str(text);
        if let Some(after) = brace
            .strip_prefix("{{")
            .or_else(|| brace.strip_prefix("}}"))
        {
            out.push_str(&brace[..2]);
            fixed.push_str(&brace[..1]);
            rest = after;
            continue;
        }
        if brace.starts_with('}') {
            cx.error_spanned_by(
                lit,
                "unmatched `}` in message: write `}}` for a literal brace",
            );
            return None;
        }
        let Some(close) = brace.find('}') else {
            cx.error_spanned_by(
                lit,
                "unclosed `{` in message: close the placeholder, or write `{{` for a literal brace",
            );
            return None;
        };
        let hole = &brace[1..close];
        rest = &brace[close + 1..];
        holes += 1;
        let (arg, spec) = hole.split_once(':').unwrap_or((hole, ""));
        let arg = arg.trim_end();
        out.push('{');
        match resolve_hole(cx, lit, arg, fields, owner, &in_scope, !args.is_empty()) {
            Some(Hole::Field(index)) => {
                out.push_str(&fields[index].binding().to_string());
                uses.push((index, Some(FmtTrait::of_spec(spec))));
            }
            Some(Hole::Verbatim) => out.push_str(arg),
            None => {}
        }
        if !spec.is_empty() || hole.contains(':') {
            out.push(':');
            out.push_str(spec);
        }
        out.push('}');
    }
    out.push_str(rest);
    fixed.push_str(rest);
    if cx.error_count() > errors_before {
        return None;
    }
    Some(Message {
        lit: LitStr::new(&out, lit.span()),
        fixed: (holes == 0 && args.is_empty()).then_some(fixed),
        args,
        uses,
    })
}

enum Hole {
    /// A field of the variant, by index.
    Field(usize),
    /// An `args(...)` argument, kept as written.
    Verbatim,
}

fn resolve_hole(
    cx: &Ctxt,
    lit: &LitStr,
    arg: &str,
    fields: &[Field<'_>],
    owner: &Ident,
    in_scope: &[String],
    has_args: bool,
) -> Option<Hole> {
    if arg.is_empty() {
        if !has_args {
            cx.error_spanned_by(
                lit,
                "`{}` takes the next of `args(...)`, but there are none: name a field (`{0}`, `{name}`) or add `args(...)`",
            );
            return None;
        }
        return Some(Hole::Verbatim);
    }
    if arg.bytes().all(|b| b.is_ascii_digit()) {
        let tuple = fields.iter().all(|f| f.is_unnamed());
        let index = arg.parse::<usize>().ok();
        return match index {
            Some(i) if tuple && i < fields.len() => Some(Hole::Field(i)),
            _ if !tuple => {
                cx.error_spanned_by(
                    lit,
                    format!("`{{{arg}}}` names a field by position, but `{owner}` has named fields: write `{{name}}`"),
                );
                None
            }
            _ => {
                let count = fields.len();
                let fields_word = if count == 1 { "field" } else { "fields" };
                let has = if count == 0 {
                    "no fields".to_owned()
                } else {
                    format!("{count} {fields_word}")
                };
                cx.error_spanned_by(
                    lit,
                    format!("`{{{arg}}}` is out of range: `{owner}` has {has}"),
                );
                None
            }
        };
    }
    let is_ident = arg
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && arg.chars().all(|c| c.is_alphanumeric() || c == '_');
    if !is_ident {
        cx.error_spanned_by(
            lit,
            format!("`{{{arg}}}` is not a placeholder: name a field (`{{name}}`, `{{0}}`) or use `{{}}` with `args(...)`"),
        );
        return None;
    }
    if in_scope.iter().any(|a| a == arg) {
        return Some(Hole::Verbatim);
    }
    if let Some(index) = fields.iter().position(|f| !f.is_unnamed() && f.name == arg) {
        return Some(Hole::Field(index));
    }
    let names = fields
        .iter()
        .filter(|f| !f.is_unnamed())
        .map(|f| f.name.as_str());
    let hint = match did_you_mean(arg, names) {
        Some(close) => format!("; did you mean `{{{close}}}`?"),
        None if fields.is_empty() => format!("; `{owner}` has no fields"),
        None => String::new(),
    };
    cx.error_spanned_by(
        lit,
        format!("`{{{arg}}}` names no field of `{owner}`{hint}"),
    );
    None
}

/// The names of `name = value` arguments at the top level of `args(...)`.
fn named_args(args: &TokenStream) -> Vec<String> {
    let mut names = Vec::new();
    let mut segment_start = true;
    let mut tokens = args.clone().into_iter().peekable();
    while let Some(token) = tokens.next() {
        match &token {
            TokenTree::Punct(p) if p.as_char() == ',' => segment_start = true,
            TokenTree::Ident(ident) if segment_start => {
                segment_start = false;
                if let Some(TokenTree::Punct(eq)) = tokens.peek()
                    && eq.as_char() == '='
                    && eq.spacing() == Spacing::Alone
                {
                    names.push(ident.to_string());
                }
            }
            _ => segment_start = false,
        }
    }
    names
}

/// Rewrites `.field` and `.0` at the start of an expression into the field's binding.
fn rewrite_args(
    cx: &Ctxt,
    args: TokenStream,
    fields: &[Field<'_>],
    owner: &Ident,
    uses: &mut Vec<(usize, Option<FmtTrait>)>,
) -> TokenStream {
    let mut out = TokenStream::new();
    if !args.is_empty() {
        out.extend(quote!(,));
    }
    out.extend(rewrite_level(cx, args, fields, owner, uses));
    out
}

fn rewrite_level(
    cx: &Ctxt,
    tokens: TokenStream,
    fields: &[Field<'_>],
    owner: &Ident,
    uses: &mut Vec<(usize, Option<FmtTrait>)>,
) -> TokenStream {
    let mut out = Vec::<TokenTree>::new();
    let mut tokens = tokens.into_iter().peekable();
    while let Some(token) = tokens.next() {
        match token {
            TokenTree::Punct(dot) if dot.as_char() == '.' && starts_expression(out.last()) => {
                let Some(next) = tokens.peek().cloned() else {
                    out.push(TokenTree::Punct(dot));
                    continue;
                };
                let (name, tail) = match &next {
                    TokenTree::Ident(ident) => (ident.to_string(), None),
                    TokenTree::Literal(lit) => match split_member_literal(lit) {
                        Some(parts) => parts,
                        None => {
                            out.push(TokenTree::Punct(dot));
                            continue;
                        }
                    },
                    _ => {
                        out.push(TokenTree::Punct(dot));
                        continue;
                    }
                };
                tokens.next();
                let name = name.strip_prefix("r#").unwrap_or(&name).to_owned();
                match fields.iter().position(|f| f.name == name) {
                    Some(index) => {
                        uses.push((index, None));
                        out.push(TokenTree::Ident(fields[index].binding()));
                        if let Some(tail) = tail {
                            out.push(TokenTree::Punct(Punct::new('.', Spacing::Alone)));
                            out.push(TokenTree::Literal(tail));
                        }
                    }
                    None => {
                        let names = fields.iter().map(|f| f.name.as_str());
                        let hint = match did_you_mean(&name, names) {
                            Some(close) => format!("; did you mean `.{close}`?"),
                            None => String::new(),
                        };
                        let culprit: TokenStream =
                            [TokenTree::Punct(dot), next].into_iter().collect();
                        cx.error_spanned_by(
                            culprit,
                            format!("`{owner}` has no field `{name}`{hint}"),
                        );
                    }
                }
            }
            TokenTree::Group(group) => {
                let inner = rewrite_level(cx, group.stream(), fields, owner, uses);
                let mut rewritten = Group::new(group.delimiter(), inner);
                rewritten.set_span(group.span());
                out.push(TokenTree::Group(rewritten));
            }
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

/// Whether a `.` after `previous` starts an expression (`.field` shorthand) rather than
/// continuing one (`value.method()`, `a..b`).
fn starts_expression(previous: Option<&TokenTree>) -> bool {
    match previous {
        None => true,
        Some(TokenTree::Punct(p)) => p.as_char() != '.',
        Some(TokenTree::Group(g)) => g.delimiter() == Delimiter::None,
        Some(TokenTree::Ident(_) | TokenTree::Literal(_)) => false,
    }
}

/// `0` → field `0`; `0.1` (lexed as one float) → field `0`, then `.1`.
fn split_member_literal(lit: &Literal) -> Option<(String, Option<Literal>)> {
    let repr = lit.to_string();
    let (head, tail) = match repr.split_once('.') {
        Some((head, tail)) => (head, Some(tail)),
        None => (repr.as_str(), None),
    };
    if head.is_empty() || !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let tail = match tail {
        None => None,
        Some(t) if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) => {
            let mut literal = Literal::usize_unsuffixed(t.parse().ok()?);
            literal.set_span(lit.span());
            Some(literal)
        }
        Some(_) => return None,
    };
    Some((head.to_owned(), tail))
}
