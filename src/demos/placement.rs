//! A Placement-style API on actix-web: resource providers and their inventories, answering
//! with [`PlacementError`]s in the API-WG format. The error `code` is sent only when the
//! request asks for microversion 1.23 or later (`OpenStack-API-Version: placement 1.23`),
//! as Placement does; below it the client must go by status and title.
//!
//! | Request | Error |
//! | --- | --- |
//! | a provider that does not exist, or a path that names nothing | 404, `placement.undefined_code` |
//! | a body that is not JSON or lacks a required member | 400, `placement.undefined_code` |
//! | creating a provider with a name taken | 409, `placement.duplicate_name` |
//! | setting inventory with a stale `resource_provider_generation` | 409, `placement.concurrent_update` |
//! | deleting a provider with children | 409, `placement.resource_provider.cannot_delete_parent` |
//! | deleting a provider with allocations | 409, `placement.resource_provider.inuse` |

use super::Try;
use crate::seeds::PlacementError;
use actix_web::{App, HttpResponse, HttpServer, web};
use fault_core::integrations::actix::FaultMiddleware;
use fault_core::{Format, ServiceProfile};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::Mutex;

/// The default port, `placement-api`'s.
pub const PORT: u16 = 8778;

/// `compute-1`, which has a child.
pub const COMPUTE_1: &str = "4e8e5957-649f-477b-9e5b-f1f75b21c03c";
/// `compute-1-numa0`, a child of `compute-1` with allocations against it.
pub const NUMA_0: &str = "7a4e2a5c-1b0f-4a47-9d7e-6f1b3a2c9e10";

/// The service: resource providers in memory.
#[derive(Debug)]
pub struct Placement {
    providers: Mutex<BTreeMap<String, Provider>>,
}

#[derive(Clone, Debug)]
struct Provider {
    name: String,
    generation: u64,
    parent: Option<String>,
    allocations: u32,
    inventories: Value,
}

impl Placement {
    /// Two providers: `compute-1` (generation 3) and its child `compute-1-numa0`, which has
    /// allocations.
    #[must_use]
    pub fn new() -> Self {
        let provider = |name: &str, generation, parent: Option<&str>, allocations| Provider {
            name: name.to_owned(),
            generation,
            parent: parent.map(str::to_owned),
            allocations,
            inventories: json!({}),
        };
        let providers = BTreeMap::from([
            (COMPUTE_1.to_owned(), provider("compute-1", 3, None, 0)),
            (
                NUMA_0.to_owned(),
                provider("compute-1-numa0", 1, Some(COMPUTE_1), 2),
            ),
        ]);
        Placement {
            providers: Mutex::new(providers),
        }
    }

    /// An actix-web server on `listener`, one worker, behind the `FaultMiddleware`; it runs
    /// when awaited.
    ///
    /// # Errors
    ///
    /// The listener cannot be used.
    pub fn server(
        self,
        listener: std::net::TcpListener,
    ) -> std::io::Result<actix_web::dev::Server> {
        let state = web::Data::new(self);
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .wrap(FaultMiddleware::new(
                    ServiceProfile::new(Format::Placement).with_service_type("placement"),
                ))
                .route("/", web::get().to(versions))
                .service(
                    web::resource("/resource_providers")
                        .route(web::get().to(list))
                        .route(web::post().to(create)),
                )
                .service(
                    web::resource("/resource_providers/{uuid}")
                        .route(web::get().to(show))
                        .route(web::delete().to(delete)),
                )
                .service(
                    web::resource("/resource_providers/{uuid}/inventories")
                        .route(web::put().to(put_inventories)),
                )
                .default_service(web::to(no_route))
        })
        .workers(1)
        .disable_signals()
        .listen(listener)?;
        Ok(server.run())
    }

    fn providers(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Provider>> {
        self.providers
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Default for Placement {
    fn default() -> Self {
        Placement::new()
    }
}

/// The requests to try.
#[must_use]
pub fn tries() -> Vec<Try> {
    let mv = |v: &str| format!("placement {v}");
    vec![
        Try::get(
            "a provider that does not exist, microversion 1.23: with a code",
            "/resource_providers/42",
            404,
        )
        .header("openstack-api-version", mv("1.23")),
        Try::get("the same at 1.22: no code", "/resource_providers/42", 404)
            .header("openstack-api-version", mv("1.22")),
        Try::get(
            "a stale generation",
            format!("/resource_providers/{COMPUTE_1}/inventories"),
            409,
        )
        .method("PUT")
        .header("openstack-api-version", mv("1.23"))
        .json(r#"{"resource_provider_generation": 1, "inventories": {"VCPU": {"total": 8}}}"#),
        Try::get(
            "deleting a parent",
            format!("/resource_providers/{COMPUTE_1}"),
            409,
        )
        .method("DELETE")
        .header("openstack-api-version", mv("1.23")),
        Try::get("a name taken", "/resource_providers", 409)
            .method("POST")
            .header("openstack-api-version", mv("1.23"))
            .json(r#"{"name": "compute-1"}"#),
    ]
}

fn body_json(body: &[u8]) -> Result<Value, PlacementError> {
    serde_json::from_slice(body)
        .map_err(|e| PlacementError::BadRequest(format!("Malformed JSON: {e}")))
}

fn required(name: &str) -> PlacementError {
    PlacementError::BadRequest(format!(
        "JSON does not validate: '{name}' is a required property"
    ))
}

fn not_found(uuid: &str) -> PlacementError {
    PlacementError::NotFound(format!("No resource provider with uuid {uuid} found"))
}

fn view(uuid: &str, p: &Provider) -> Value {
    json!({
        "uuid": uuid,
        "name": p.name,
        "generation": p.generation,
        "parent_provider_uuid": p.parent,
    })
}

async fn versions() -> HttpResponse {
    HttpResponse::Ok().json(json!({"versions": [
        {"id": "v1.0", "min_version": "1.0", "max_version": "1.39", "status": "CURRENT"}
    ]}))
}

async fn list(state: web::Data<Placement>) -> HttpResponse {
    let providers: Vec<Value> = state
        .providers()
        .iter()
        .map(|(uuid, p)| view(uuid, p))
        .collect();
    HttpResponse::Ok().json(json!({ "resource_providers": providers }))
}

async fn show(
    state: web::Data<Placement>,
    uuid: web::Path<String>,
) -> Result<HttpResponse, PlacementError> {
    let providers = state.providers();
    let provider = providers
        .get(uuid.as_str())
        .ok_or_else(|| not_found(&uuid))?;
    Ok(HttpResponse::Ok().json(view(&uuid, provider)))
}

async fn create(
    state: web::Data<Placement>,
    body: web::Bytes,
) -> Result<HttpResponse, PlacementError> {
    let body = body_json(&body)?;
    let name = body
        .get("name")
        .and_then(Value::as_str)
        .ok_or_else(|| required("name"))?;
    let mut providers = state.providers();
    if providers.values().any(|p| p.name == name) {
        return Err(PlacementError::DuplicateName(format!(
            "Conflicting resource provider name: {name} already exists."
        )));
    }
    let uuid = super::new_uuid();
    let provider = Provider {
        name: name.to_owned(),
        generation: 0,
        parent: None,
        allocations: 0,
        inventories: json!({}),
    };
    let response = HttpResponse::Ok().json(view(&uuid, &provider));
    providers.insert(uuid, provider);
    Ok(response)
}

async fn delete(
    state: web::Data<Placement>,
    uuid: web::Path<String>,
) -> Result<HttpResponse, PlacementError> {
    let mut providers = state.providers();
    let provider = providers
        .get(uuid.as_str())
        .ok_or_else(|| not_found(&uuid))?;
    if providers
        .values()
        .any(|p| p.parent.as_deref() == Some(uuid.as_str()))
    {
        return Err(PlacementError::CannotDeleteParent(format!(
            "Unable to delete parent resource provider {uuid}: It has child resource providers."
        )));
    }
    if provider.allocations > 0 {
        return Err(PlacementError::ProviderInUse(format!(
            "Unable to delete resource provider {uuid}: Resource provider has allocations."
        )));
    }
    providers.remove(uuid.as_str());
    Ok(HttpResponse::NoContent().finish())
}

async fn put_inventories(
    state: web::Data<Placement>,
    uuid: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, PlacementError> {
    let body = body_json(&body)?;
    let generation = body
        .get("resource_provider_generation")
        .and_then(Value::as_u64)
        .ok_or_else(|| required("resource_provider_generation"))?;
    let inventories = body
        .get("inventories")
        .cloned()
        .ok_or_else(|| required("inventories"))?;
    let mut providers = state.providers();
    let provider = providers
        .get_mut(uuid.as_str())
        .ok_or_else(|| not_found(&uuid))?;
    if provider.generation != generation {
        return Err(PlacementError::ConcurrentUpdate(
            "resource provider generation conflict".into(),
        ));
    }
    provider.generation += 1;
    provider.inventories = inventories;
    Ok(HttpResponse::Ok().json(json!({
        "resource_provider_generation": provider.generation,
        "inventories": provider.inventories,
    })))
}

async fn no_route() -> Result<HttpResponse, PlacementError> {
    Err(PlacementError::NotFound(
        "The resource could not be found.".into(),
    ))
}
