//! Logging each fault served (feature `tracing`): what the client got, and for a 5xx what it
//! did not get, the internal error chain.

use crate::context::is_valid_request_id;
use crate::{ApiFault, Context};
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

/// Logs `err` as served for `cx`: a 5xx at error level, anything else at debug level, each
/// with the request id sent (the fault's own when valid, else the context's), the status,
/// the title, the message sent (`sent`), and the error chain (`error`).
pub(crate) fn record(err: &(dyn ApiFault + '_), cx: &Context<'_>) {
    let fault = err.fault();
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
