//! Three live services answering with the seed systems' faults, for the examples and
//! `tests/servers/`.
//!
//! | Module | Service | Framework | Faults |
//! | --- | --- | --- | --- |
//! | [`heat`] | a CloudFormation-style query API, as Heat's `heat-api-cfn` | axum | [`HeatError`](crate::seeds::HeatError) in the `heat` format |
//! | [`volumes`] | a block-storage API, `/v3/{project_id}/volumes`, as Cinder's | axum | [`VolumeFault`](crate::seeds::VolumeFault), JSON or XML by `Accept` |
//! | [`placement`] | a Placement API, resource providers and inventories | actix-web | [`PlacementError`](crate::seeds::PlacementError), API-WG errors gated by microversion |
//!
//! Each handler returns `Result<_, FaultType>`; one `FaultLayer` (axum) or `FaultMiddleware`
//! (actix-web) per app gives the errors the request's `Accept`, request id and microversion.
//! [`Service`] starts any of them on a listener, and lists the requests to try with `curl`.

pub mod heat;
pub mod placement;
mod run;
pub mod volumes;
mod wire;

pub use run::{Service, axum_serve, main};
pub use wire::{Try, exchange, status_of};

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A token bucket: `capacity` requests at once, one more every `refill`. The demos throttle
/// with it (Heat's `Throttling`, Cinder's `overLimit` with `Retry-After`).
#[derive(Debug)]
pub struct Throttle {
    capacity: u32,
    refill: Duration,
    state: Mutex<(f64, Instant)>,
}

impl Throttle {
    /// A full bucket.
    #[must_use]
    pub fn new(capacity: u32, refill: Duration) -> Self {
        Throttle {
            capacity,
            refill,
            state: Mutex::new((f64::from(capacity), Instant::now())),
        }
    }

    /// Takes a token, or says how long until one is back.
    ///
    /// # Errors
    ///
    /// The wait until the next token, when the bucket is empty.
    pub fn take(&self) -> Result<(), Duration> {
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (tokens, since) = &mut *state;
        let now = Instant::now();
        let earned = now.duration_since(*since).as_secs_f64() / self.refill.as_secs_f64();
        *tokens = (*tokens + earned).min(f64::from(self.capacity));
        *since = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(self.refill.mul_f64(1.0 - *tokens))
        }
    }
}

/// Whole seconds to wait, rounded up, at least one: what `Retry-After` says.
#[must_use]
pub fn retry_seconds(wait: Duration) -> u64 {
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
}

/// A fresh id for a new resource, in UUID form.
#[must_use]
pub fn new_uuid() -> String {
    let id = fault_core::new_request_id();
    id.trim_start_matches("req-").to_owned()
}
