//! The Placement API on actix-web: API-WG errors, codes gated by microversion.

use crate::{Answer, send, start_placement};
use fault_suite::demos::Try;
use fault_suite::demos::placement::{COMPUTE_1, NUMA_0};

fn placement(path: impl Into<String>, version: &str) -> Try {
    Try::get("", path, 0).header("openstack-api-version", format!("placement {version}"))
}

fn error_of(answer: &Answer) -> serde_json::Value {
    let body: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    body["errors"][0].clone()
}

#[tokio::test]
async fn placement_sends_codes_from_microversion_1_23() {
    let addr = start_placement();
    let new = send(
        addr,
        &placement("/resource_providers/42", "1.23").header("x-openstack-request-id", "req-9"),
    )
    .await;
    assert_eq!(new.status, 404);
    assert_eq!(new.header("content-type"), Some("application/json"));
    assert_eq!(new.header("openstack-api-version"), Some("placement 1.23"));
    // The service's own id, in the header and the body alike.
    let id = new.header("x-openstack-request-id").unwrap();
    assert!(id.starts_with("req-") && id != "req-9", "{id}");
    assert_eq!(
        new.body,
        format!(
            "{{\"errors\": [{{\"status\": 404, \"title\": \"Not Found\", \"detail\": \"The resource could not be found.\\n\\n \
             No resource provider with uuid 42 found  \", \"code\": \"placement.undefined_code\", \"request_id\": \"{id}\"}}]}}"
        )
    );
    let old = send(addr, &placement("/resource_providers/42", "1.22")).await;
    assert_eq!(error_of(&old)["code"], serde_json::Value::Null);
    assert_eq!(
        error_of(&old)["request_id"].as_str(),
        old.header("x-openstack-request-id")
    );
}

#[tokio::test]
async fn placement_conflicts_carry_their_codes() {
    let addr = start_placement();
    let inventories = |generation: u64| {
        placement(
            format!("/resource_providers/{COMPUTE_1}/inventories"),
            "1.23",
        )
        .method("PUT")
        .json(format!(
            r#"{{"resource_provider_generation": {generation}, "inventories": {{}}}}"#
        ))
    };
    let cases = [
        (inventories(1), 409, "placement.concurrent_update"),
        (
            placement(format!("/resource_providers/{COMPUTE_1}"), "1.23").method("DELETE"),
            409,
            "placement.resource_provider.cannot_delete_parent",
        ),
        (
            placement(format!("/resource_providers/{NUMA_0}"), "1.23").method("DELETE"),
            409,
            "placement.resource_provider.inuse",
        ),
        (
            placement("/resource_providers", "1.23")
                .method("POST")
                .json(r#"{"name": "compute-1"}"#),
            409,
            "placement.duplicate_name",
        ),
        (
            placement("/resource_providers", "1.23")
                .method("POST")
                .json("{"),
            400,
            "placement.undefined_code",
        ),
        (
            placement("/nothing/here", "1.23"),
            404,
            "placement.undefined_code",
        ),
    ];
    for (request, status, code) in cases {
        let answer = send(addr, &request).await;
        assert_eq!(answer.status, status, "{}", answer.body);
        assert_eq!(error_of(&answer)["code"], code);
        assert_eq!(answer.fault().code(), Some(code));
    }
    assert_eq!(send(addr, &inventories(3)).await.status, 200);
    assert_eq!(send(addr, &inventories(3)).await.status, 409);
}
