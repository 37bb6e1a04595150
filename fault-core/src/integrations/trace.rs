//! Logging each fault served (feature `tracing`): what the client got, and for a 5xx what it
//! did not get, the internal error chain.

use crate::context::is_valid_request_id;
use crate::{Context, Fault, TraceParent};
use std::any::Any;
use std::error::Error;
use std::fmt;

/// An error and its `source()` chain, `: `-separated, as anyhow's `{:#}` writes it.
struct Chain<'a>(&'a (dyn Error + 'a));

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        while let Some(error) = source {
            write!(f, ": {error}")?;
            source = error.source();
        }
        Ok(())
    }
}

/// Logs `fault` as served for `cx`: a 5xx at error level, anything else at debug level, each
/// with the request id sent (the fault's own when valid, else the context's), the status,
/// the title, the message sent (`sent`), and the error chain (`error`: the fault's internal
/// error, else `err`).
pub(crate) fn record(fault: &Fault<'_>, err: &(dyn Error + '_), cx: &Context<'_>) {
    let own_id = fault.request_id().map(|id| id.to_cow());
    let request_id = own_id
        .as_deref()
        .filter(|id| is_valid_request_id(id))
        .or(cx.request_id());
    let chain = Chain(fault.error().unwrap_or(err));
    let status = fault.status().as_u16();
    let title = fault.title();
    let message = fault.message();
    if fault.status().is_server_error() {
        tracing::error!(target: "fault_core", request_id, status, title, sent = %message, error = %chain, "request failed");
    } else {
        tracing::debug!(target: "fault_core", request_id, status, title, sent = %message, error = %chain, "request refused");
    }
}

/// Logs a handler's panic at error level with the request id and the panic's message, which
/// the client never sees.
pub(crate) fn record_panic(payload: &(dyn Any + Send), cx: &Context<'_>) {
    let panic = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic with a payload that is not text");
    let request_id = cx.request_id();
    tracing::error!(target: "fault_core", request_id, panic, "handler panicked");
}

/// The span of one request: its id, the global id an OpenStack caller sent, and the W3C
/// trace context it joins.
pub(crate) fn span(cx: &Context<'_>) -> tracing::Span {
    let parent = cx.trace_parent();
    tracing::info_span!(
        target: "fault_core",
        "request",
        request_id = cx.request_id(),
        global_request_id = cx.global_request_id(),
        trace_id = parent.map(TraceParent::trace_id),
        parent_id = parent.map(TraceParent::parent_id),
    )
}
