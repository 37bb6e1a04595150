//! The `utoipa` feature: every derived type implements `utoipa::IntoResponses`, so its faults
//! drop into a utoipa-built spec. The map utoipa holds must be exactly
//! `Catalogue::openapi_responses_inline`, which `tests/openapi.rs` validates as OpenAPI 3.1.
#![cfg(feature = "utoipa")]
#![allow(dead_code)] // the types exist for their responses, not to be built

use fault_core::{ApiFault, Catalogue};
use fault_suite::seeds::{ComputeFault, HeatError, LoadBalancerFault, PlacementError, VolumeFault};
use utoipa::{IntoResponses, OpenApi};

/// Every role, several faults on one status, and a wrapped type.
#[derive(Debug, ApiFault)]
#[fault(
    format = "problem",
    namespace = "https://errors.example.com/",
    error_code = "svc.undefined"
)]
enum ApiError {
    /// The request is malformed.
    #[fault(code = 400, title = "BadRequest", message = "{0}")]
    BadRequest(String),
    /// Slow down.
    #[fault(code = 429, title = "TooManyRequests", error_code = "svc.throttled")]
    Throttled {
        #[fault(retry_after)]
        retry: u64,
        #[fault(details)]
        details: String,
        #[fault(member, rename = "Limit")]
        limit: u32,
    },
    #[fault(transparent)]
    Volume(VolumeFault),
}

/// A generic type gets the impl too, under the same bounds as its `ApiFault`.
#[derive(Debug, ApiFault)]
enum Generic<E: ApiFault + 'static> {
    #[fault(transparent)]
    Inner(E),
    #[fault(code = 502, title = "BadGateway")]
    Upstream,
}

fn utoipa_json<T: IntoResponses>() -> serde_json::Value {
    serde_json::to_value(T::responses()).expect("JSON")
}

#[test]
fn into_responses_holds_the_inline_responses_whole() {
    let pairs = [
        (utoipa_json::<ApiError>(), Catalogue::of::<ApiError>()),
        (utoipa_json::<HeatError>(), Catalogue::of::<HeatError>()),
        (
            utoipa_json::<ComputeFault>(),
            Catalogue::of::<ComputeFault>(),
        ),
        (utoipa_json::<VolumeFault>(), Catalogue::of::<VolumeFault>()),
        (
            utoipa_json::<LoadBalancerFault>(),
            Catalogue::of::<LoadBalancerFault>(),
        ),
        (
            utoipa_json::<PlacementError>(),
            Catalogue::of::<PlacementError>(),
        ),
        (
            utoipa_json::<Generic<HeatError>>(),
            Catalogue::of::<Generic<HeatError>>(),
        ),
    ];
    for (theirs, catalogue) in pairs {
        assert_eq!(theirs, catalogue.openapi_responses_inline());
    }
}

/// `GET /volumes/{id}`, answering with the Block Storage faults.
#[utoipa::path(get, path = "/volumes/{id}", responses((status = 200, description = "The volume"), VolumeFault))]
#[allow(dead_code)]
fn show_volume() {}

#[derive(OpenApi)]
#[openapi(paths(show_volume))]
struct Doc;

#[test]
fn a_utoipa_path_lists_the_faults_as_responses() {
    let doc = serde_json::to_value(Doc::openapi()).expect("JSON");
    let responses = &doc["paths"]["/volumes/{id}"]["get"]["responses"];
    assert_eq!(responses["200"]["description"], "The volume");
    let missing = &responses["404"];
    assert_eq!(missing["x-fault"]["title"], "itemNotFound");
    assert_eq!(
        missing["content"]["application/json; charset=UTF-8"]["example"]["itemNotFound"]["code"],
        404
    );
    let keys: Vec<&String> = responses.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "200", "400", "401", "403", "404", "405", "413", "415", "422", "500", "501", "503"
        ]
    );
}
