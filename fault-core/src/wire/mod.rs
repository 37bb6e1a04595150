//! The wire formats: each family declares its formats' [shapes](shape) once (`aws.rs`,
//! `openstack.rs`, `apiwg.rs`, `problem.rs`); `emit.rs` writes any of them, `read/` reads
//! them back, `cache.rs` keeps the finished bodies of fixed faults, and the catalogue's
//! schemas are written from the same declarations.

pub(crate) mod apiwg;
pub(crate) mod aws;
pub(crate) mod cache;
pub(crate) mod dates;
#[cfg(feature = "parse")]
mod detect;
pub(crate) mod emit;
#[cfg(feature = "parse")]
mod extract;
pub(crate) mod json;
#[cfg(feature = "parse")]
pub(crate) mod limits;
pub(crate) mod openstack;
#[cfg(feature = "parse")]
pub(crate) mod parse;
pub(crate) mod problem;
#[cfg(feature = "parse")]
pub(crate) mod read;
pub(crate) mod shape;
mod swar;
pub(crate) mod xml;

use crate::{Context, Encoding, Fault, FaultSpec, Format, ReasonPhrase, Text, negotiate};
use bytes::Bytes;
use emit::{Out, Render};
use http::{HeaderMap, Response};
use shape::{Carried, Shape};

/// Appends what it is given as it is: a displayed value's pieces, which the JSON and XML
/// writers then scan once and escape only if they must.
pub(crate) struct RawWriter<'o>(pub(crate) &'o mut Vec<u8>);

impl core::fmt::Write for RawWriter<'_> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// Adds the request-id headers `format` sends (and S3's host id) to a response that does not
/// have them: what every response of a service carries, success included. The id is the
/// context's, sent only when it is a safe header value.
#[cfg(feature = "server")]
pub(crate) fn add_id_headers(
    format: Format,
    dialect: crate::Dialect,
    cx: &Context<'_>,
    headers: &mut HeaderMap,
) {
    let value = |text: Option<&str>| {
        text.filter(|id| crate::is_valid_request_id(id))
            .and_then(|id| http::HeaderValue::from_str(id).ok())
    };
    for header in shape::shape(format, dialect).headers {
        match header {
            shape::Header::RequestId(names) => {
                let Some(id) = value(cx.request_id.as_deref()) else {
                    continue;
                };
                for name in *names {
                    headers.entry(name()).or_insert_with(|| id.clone());
                }
            }
            shape::Header::HostId(name) => {
                if let Some(host_id) = value(cx.host_id.as_deref()) {
                    headers.entry(name()).or_insert(host_id);
                }
            }
            _ => {}
        }
    }
}

/// The shape `fault` is written in, for `format`.
fn shape_of(fault: &Fault<'_>, format: Format) -> &'static Shape {
    shape::shape(format, fault.dialect.unwrap_or_default())
}

/// The encoding `format` is written in for this context: negotiated between JSON and XML for
/// the formats that have both, fixed for the rest.
pub(crate) fn encoding(format: Format, cx: &Context<'_>) -> Encoding {
    match *format.encodings() {
        [default, _, ..] => negotiate(cx.accept.as_deref(), default),
        [only, ..] => only,
        [] => Encoding::Json,
    }
}

/// Writes `fault` as `format` for the request `cx` describes.
pub(crate) fn render(fault: &Fault<'_>, format: Format, cx: &Context<'_>) -> Response<Bytes> {
    // Reborrowing with one lifetime keeps the renderers' signatures simple.
    let (fault, cx): (&Fault<'_>, &Context<'_>) = (fault, cx);
    let r = Render::new(fault, shape_of(fault, format), encoding(format, cx), cx);
    respond(&r, None)
}

/// The response of what `r` resolved, its body `kept` when a kept body serves it.
fn respond(r: &Render<'_>, kept: Option<Bytes>) -> Response<Bytes> {
    let mut out = Out {
        body: Vec::new(),
        headers: HeaderMap::new(),
        reason: None,
        headers_wanted: true,
        body_wanted: kept.is_none(),
    };
    if out.body_wanted {
        out.body.reserve(size_hint(r));
    }
    emit::emit(r, &mut out);
    let body = kept.unwrap_or_else(|| Bytes::from(out.body));
    let mut response = Response::new(body);
    *response.status_mut() = emit::status(r.fault, r.shape);
    *response.headers_mut() = out.headers;
    if let Some(reason) = out.reason {
        response.extensions_mut().insert(ReasonPhrase(reason));
    }
    response
}

/// Appends the body `format` sends for `fault` to `buf`, and nothing else: no headers are
/// built.
pub(crate) fn write_body(fault: &Fault<'_>, format: Format, cx: &Context<'_>, buf: &mut Vec<u8>) {
    let (fault, cx): (&Fault<'_>, &Context<'_>) = (fault, cx);
    let r = Render::new(fault, shape_of(fault, format), encoding(format, cx), cx);
    write_resolved(&r, buf);
}

/// Appends the body of what `r` resolved, without headers.
fn write_resolved(r: &Render<'_>, buf: &mut Vec<u8>) {
    // A fresh (or full) buffer is sized once; a caller's buffer with room is used as it is.
    if buf.capacity() == buf.len() {
        buf.reserve(size_hint(r));
    }
    let mut out = Out {
        body: core::mem::take(buf),
        headers: HeaderMap::new(),
        reason: None,
        headers_wanted: false,
        body_wanted: true,
    };
    emit::emit(r, &mut out);
    *buf = out.body;
}

/// The response of a value whose variant's fault is its spec's with at most its own message
/// (`spec.bodies`): its body from the kept bodies, the message put in, its headers from the
/// fault `make` builds.
pub(crate) fn render_kept<'f>(
    spec: &'static FaultSpec,
    make: impl Fn() -> Fault<'f>,
    format: Format,
    cx: &Context<'_>,
) -> Response<Bytes> {
    let fault = make();
    let (fault, cx): (&Fault<'_>, &Context<'_>) = (&fault, cx);
    let r = Render::new(fault, shape_of(fault, format), encoding(format, cx), cx);
    let kept = cache::slot(spec, format, &r).and_then(|slot| {
        slot.body(cx, Some(&r.message), |cx, message| {
            kept_body(fault, format, cx, message)
        })
    });
    respond(&r, kept)
}

/// The body of a value whose variant's fault is its spec's with at most its own message, from
/// the kept bodies: a fixed variant's without building its fault, which `make` builds only on
/// a miss.
pub(crate) fn write_kept_body<'f>(
    spec: &'static FaultSpec,
    make: impl Fn() -> Fault<'f>,
    format: Format,
    cx: &Context<'_>,
    buf: &mut Vec<u8>,
) {
    let shape = shape::shape(format, spec.dialect.unwrap_or_default());
    let encoding = encoding(format, cx);
    let kept = cache::bare_slot(spec, format, shape, encoding, cx).is_some_and(|slot| {
        if spec.message_is_fixed {
            // A fixed variant's body is copied without building its fault.
            slot.append_body(cx, None, buf, |cx, message| {
                kept_body(&make(), format, cx, message)
            })
        } else {
            let fault = make();
            let message = fault.message.reborrow();
            slot.append_body(cx, Some(&message), buf, |cx, marker| {
                kept_body(&fault, format, cx, marker)
            })
        }
    });
    if !kept {
        let fault = make();
        let (fault, cx): (&Fault<'_>, &Context<'_>) = (&fault, cx);
        write_resolved(&Render::new(fault, shape, encoding, cx), buf);
    }
}

/// A body rendered for the kept bodies: exactly what the fresh path writes, with `message`
/// (a marker) in place of the fault's when given.
fn kept_body(
    fault: &Fault<'_>,
    format: Format,
    cx: &Context<'_>,
    message: Option<&str>,
) -> Vec<u8> {
    let mut body = Vec::new();
    match message {
        Some(marker) => {
            let marked = Fault {
                message: Text::from(marker),
                error: None,
                ..fault.clone()
            };
            write_body(&marked, format, cx, &mut body);
        }
        None => write_body(fault, format, cx, &mut body),
    }
    body
}

/// Room for a body: the fixed markup of the largest format (Placement's WebOb text), the
/// strings the fault holds, and slack for escapes. A displayed message is guessed at, and the
/// buffer grows if it writes more.
fn size_hint(r: &Render<'_>) -> usize {
    let text = |t: &Text<'_>| t.as_str().map_or(64, str::len);
    let fault = r.fault;
    let mut hint = 320
        + 2 * fault.title.len()
        + text(&r.message)
        + fault.details.as_ref().map_or(0, text)
        + r.request_id.as_deref().map_or(0, str::len)
        + r.namespace().map_or(0, str::len)
        + fault.code.as_deref().map_or(0, str::len)
        + fault.created.as_ref().map_or(0, text);
    for error in &fault.validation_errors {
        hint += text(error) + 24;
    }
    for member in &fault.members {
        hint += 2 * member.name.len() + member.value.as_str().map_or(64, str::len) + 8;
    }
    hint
}

/// What `fault` holds that `format` has no place for, named as reports name them: `details`,
/// `validation_errors`, `created`, `error_code`, `member Name`, `header member X-Name`,
/// `links`, `further errors`.
pub(crate) fn unsent(fault: &Fault<'_>, format: Format) -> Vec<String> {
    let shape = shape_of(fault, format);
    let held = |what: Carried| match what {
        Carried::Details => fault.details.is_some(),
        Carried::ValidationErrors => !fault.validation_errors.is_empty(),
        Carried::Created => fault.created.is_some(),
        Carried::Code => fault.code.is_some(),
        Carried::Members | Carried::HeaderMembers => false,
        Carried::Links => !fault.links.is_empty(),
        Carried::MoreErrors => !fault.more.is_empty(),
        Carried::Instance => fault.instance.is_some(),
    };
    let mut unsent: Vec<String> = Carried::ALL
        .into_iter()
        .filter(|what| held(*what) && !shape::carries(shape, *what))
        .map(|what| what.name().to_owned())
        .collect();
    let message_member = fault.message_member.as_deref();
    for member in &fault.members {
        let what = if member.header.is_some() {
            Carried::HeaderMembers
        } else {
            Carried::Members
        };
        let in_body = member.header.is_none() || !shape.header_members;
        // A member named as something the body already writes there is not sent.
        let collides = in_body
            && (shape.json.as_ref().is_some_and(|body| {
                let name = if shape.json_names {
                    member.json_name()
                } else {
                    member.name()
                };
                shape::json_members_container(&body.root)
                    .is_some_and(|items| shape::json_reserved(items, name, message_member))
            }) || shape.xml.as_ref().is_some_and(|body| {
                shape::xml_members_container(&body.root).is_some_and(|children| {
                    shape::xml_reserved(children, member.xml_name(), message_member)
                })
            }));
        // A header member in a header the format writes itself (`Retry-After` from the
        // fault's wait included) is not sent either.
        let header_taken = !in_body
            && member.header.as_deref().is_some_and(|h| {
                emit::is_written_header(h)
                    || (fault.retry_after.is_some() && h.eq_ignore_ascii_case("retry-after"))
            });
        if !shape::carries(shape, what) || collides || header_taken {
            match &member.header {
                Some(header) => unsent.push(format!("header member {header}")),
                None => unsent.push(format!("member {}", member.name)),
            }
        }
    }
    unsent
}

#[cfg(feature = "parse")]
pub(crate) use parse::{parse, parsed};
