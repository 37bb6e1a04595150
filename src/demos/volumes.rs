//! A block-storage API in the manner of Cinder's v3: `/v3/{project_id}/volumes`, answering
//! with [`VolumeFault`]s in JSON or, by `Accept`, XML, the `x-openstack-request-id` header
//! on every response, and `Retry-After` when creating too fast.
//!
//! | Request | Fault |
//! | --- | --- |
//! | a volume that does not exist, or a path that names nothing | 404 `itemNotFound` |
//! | a body that is not JSON, lacks `volume`, or a `size` that is not a positive integer | 400 `badRequest` |
//! | a body that is not `application/json` | 415 `badMediaType` |
//! | a method the path does not serve | 405 `badMethod` |
//! | more volumes than the project's quota | 413 `overLimit` |
//! | creating faster than the rate limit | 413 `overLimit`, with `Retry-After` and `retryAfter` |
//! | a volume named `fail-*`: the back end breaks | 500 `instanceFault`, its cause logged, never sent |

use super::{Throttle, Try, retry_seconds};
use crate::seeds::VolumeFault;
use axum::extract::{Path, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use fault_core::integrations::axum::FaultLayer;
use fault_core::{ApiFault, Context, Fault, Format, FrameworkError, ServiceProfile};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The default port, `cinder-api`'s.
pub const PORT: u16 = 8776;

/// How many volumes a project may have.
pub const QUOTA: usize = 10;

/// The errors of this API: the seed's faults, and the rate limit's `overLimit`, which
/// carries when to retry (the seed's `overLimit` carries only its message).
#[derive(Debug, ApiFault)]
#[fault(
    format = "openstack",
    namespace = "http://docs.openstack.org/openstack-block-storage/2.0/content",
    rename_all = "camelCase"
)]
pub enum VolumeError {
    /// One of the seed's faults.
    #[fault(transparent)]
    Fault(#[fault(from)] VolumeFault),
    /// Too many requests: `Retry-After` says when to come back.
    #[fault(
        code = 413,
        title = "overLimit",
        message = "This request was rate-limited."
    )]
    RateLimited {
        /// Seconds to wait.
        #[fault(retry_after)]
        retry_after: u64,
    },
}

/// The service: volumes per project, in memory, and the rate limit of creates.
#[derive(Debug)]
pub struct Volumes {
    projects: Mutex<BTreeMap<String, BTreeMap<String, Value>>>,
    creates: Throttle,
}

impl Volumes {
    /// Project `demo` with one volume, `vol-1`; 5 creates at once, one every 12 seconds after.
    #[must_use]
    pub fn new() -> Self {
        Volumes::with_throttle(Throttle::new(5, Duration::from_secs(12)))
    }

    /// The same volumes, with this rate limit on creates.
    #[must_use]
    pub fn with_throttle(creates: Throttle) -> Self {
        let volume = json!({"id": "vol-1", "name": "data", "size": 10, "status": "available"});
        let demo = BTreeMap::from([("vol-1".to_owned(), volume)]);
        Volumes {
            projects: Mutex::new(BTreeMap::from([("demo".to_owned(), demo)])),
            creates,
        }
    }

    /// The axum app, behind the `FaultLayer`.
    pub fn router(self) -> Router {
        Router::new()
            .route("/v3/{project_id}/volumes", get(list).post(create))
            .route(
                "/v3/{project_id}/volumes/{volume_id}",
                get(show).delete(remove),
            )
            .with_state(Arc::new(self))
            // Every response gets the request ids; a body axum cannot read and a panic get
            // the family's faults; an unknown path and a wrong method the service's own.
            .layer(FaultLayer::new(
                ServiceProfile::new(Format::OpenStack)
                    .with_service_type("volume")
                    .with_framework_faults(own_faults),
            ))
    }

    fn project<R>(&self, project: &str, f: impl FnOnce(&mut BTreeMap<String, Value>) -> R) -> R {
        let mut projects = self
            .projects
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(projects.entry(project.to_owned()).or_default())
    }
}

impl Default for Volumes {
    fn default() -> Self {
        Volumes::new()
    }
}

/// The requests to try.
#[must_use]
pub fn tries() -> Vec<Try> {
    vec![
        Try::get("list the volumes", "/v3/demo/volumes", 200),
        Try::get(
            "a volume that does not exist",
            "/v3/demo/volumes/vol-9",
            404,
        ),
        Try::get("the same, in XML", "/v3/demo/volumes/vol-9", 404)
            .header("accept", "application/xml"),
        Try::get("a size that is no size", "/v3/demo/volumes", 400)
            .method("POST")
            .json(r#"{"volume": {"size": -1}}"#),
        Try::get(
            "a method the path does not serve",
            "/v3/demo/volumes/vol-1",
            405,
        )
        .method("PATCH"),
        Try::get(
            "the back end breaks: the cause is logged, not sent",
            "/v3/demo/volumes",
            500,
        )
        .method("POST")
        .json(r#"{"volume": {"size": 1, "name": "fail-1"}}"#),
    ]
}

/// The block-storage API's own faults for an unknown path and a method a path does not serve.
fn own_faults(error: FrameworkError, _cx: &Context<'_>) -> Option<Fault<'static>> {
    let fault = match error {
        FrameworkError::NotFound => {
            VolumeFault::ItemNotFound("The resource could not be found.".into())
        }
        FrameworkError::MethodNotAllowed => {
            VolumeFault::BadMethod("The request method is not allowed for this resource.".into())
        }
        _ => return None,
    };
    Some(fault.fault().into_owned())
}

fn not_found(id: &str) -> VolumeError {
    VolumeFault::ItemNotFound(format!("Volume {id} could not be found.")).into()
}

fn bad_request(message: impl Into<String>) -> VolumeError {
    VolumeFault::BadRequest(message.into()).into()
}

async fn list(State(api): State<Arc<Volumes>>, Path(project): Path<String>) -> Json<Value> {
    let volumes: Vec<Value> = api.project(&project, |volumes| volumes.values().cloned().collect());
    Json(json!({ "volumes": volumes }))
}

async fn show(
    State(api): State<Arc<Volumes>>,
    Path((project, id)): Path<(String, String)>,
) -> Result<Json<Value>, VolumeError> {
    let volume = api.project(&project, |volumes| volumes.get(&id).cloned());
    Ok(Json(
        json!({ "volume": volume.ok_or_else(|| not_found(&id))? }),
    ))
}

async fn remove(
    State(api): State<Arc<Volumes>>,
    Path((project, id)): Path<(String, String)>,
) -> Result<StatusCode, VolumeError> {
    api.project(&project, |volumes| volumes.remove(&id))
        .ok_or_else(|| not_found(&id))?;
    Ok(StatusCode::ACCEPTED)
}

async fn create(
    State(api): State<Arc<Volumes>>,
    Path(project): Path<String>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<(StatusCode, Json<Value>), VolumeError> {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !content_type.starts_with("application/json") {
        return Err(VolumeFault::BadMediaType("Unsupported Content-Type".into()).into());
    }
    let body: Value =
        serde_json::from_slice(&body).map_err(|_| bad_request("Malformed request body"))?;
    let volume = body
        .get("volume")
        .and_then(Value::as_object)
        .ok_or_else(|| bad_request("Missing required element 'volume' in request body."))?;
    let size = volume
        .get("size")
        .and_then(Value::as_i64)
        .filter(|size| *size > 0);
    let Some(size) = size else {
        let given = volume
            .get("size")
            .map_or_else(|| "None".to_owned(), Value::to_string);
        return Err(bad_request(format!(
            "Volume 'size' needs to be a positive integer value, {given} cannot be accepted."
        )));
    };
    let name = volume
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    if name.starts_with("fail") {
        // What a driver error looks like from the API: the detail is for the log only.
        let cause = format!(
            "volume backend lvm-1 refused to create '{name}': connection to 10.0.0.7:3260 reset"
        );
        return Err(VolumeFault::InstanceFault(cause).into());
    }
    api.creates
        .take()
        .map_err(|wait| VolumeError::RateLimited {
            retry_after: retry_seconds(wait),
        })?;
    let id = super::new_uuid();
    let volume = json!({"id": id, "name": name, "size": size, "status": "creating"});
    api.project(&project, |volumes| {
        if volumes.len() >= QUOTA {
            return Err(VolumeFault::OverLimit(format!(
                "VolumeLimitExceeded: Maximum number of volumes allowed ({QUOTA}) exceeded for quota 'volumes'."
            )));
        }
        volumes.insert(id, volume.clone());
        Ok(())
    })?;
    Ok((StatusCode::ACCEPTED, Json(json!({ "volume": volume }))))
}
