//! The seed enums of `fault_suite::seeds` against the conformance catalogue: every fault the
//! catalogue lists for a seed system is a variant with its status, title, err_type, text,
//! API-WG code and namespace, and no system has a variant more or less than the catalogue.
//!
//! Reads the copies of `../shared/conformance/seed-catalogues.json` and `seed-samples.json`
//! kept in `tests/data/`.

use fault_core::{ApiFault, ErrType, Format, http::StatusCode};
use fault_suite::seeds::{ComputeFault, HeatError, LoadBalancerFault, PlacementError, VolumeFault};
use serde_json::Value;
use std::collections::BTreeSet;

const BLOCK_STORAGE_NS: &str = "http://docs.openstack.org/openstack-block-storage/2.0/content";

/// The message given to faults that carry one, to tell it apart from their explanation.
const MESSAGE: &str = "message from the handler: id=42 <&>";

fn data(name: &str) -> Value {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn catalogue(system: &str) -> Value {
    data("seed-catalogues.json")[system].clone()
}

fn faults(system: &Value) -> &[Value] {
    system["faults"].as_array().expect("a `faults` array")
}

/// The samples taken from the seed document `seed`.
fn samples(seed: &str) -> Vec<Value> {
    let all = data("seed-samples.json");
    let list = all.as_array().expect("an array of samples");
    list.iter().filter(|s| s["seed"] == seed).cloned().collect()
}

fn str_of<'v>(value: &'v Value, key: &str) -> &'v str {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is not a string in {value}"))
}

fn status_of(value: &Value, key: &str) -> StatusCode {
    let code = value[key]
        .as_u64()
        .unwrap_or_else(|| panic!("`{key}` is not a number in {value}"));
    StatusCode::from_u16(u16::try_from(code).expect("a u16")).expect("a status")
}

/// The one fault among `all` whose title is `title`.
fn by_title<'a, E: ApiFault>(all: &'a [E], title: &str) -> &'a E {
    let mut found = all.iter().filter(|e| e.title() == title);
    let first = found
        .next()
        .unwrap_or_else(|| panic!("no variant has the title `{title}`"));
    assert!(
        found.next().is_none(),
        "two variants have the title `{title}`"
    );
    first
}

/// The facts every OpenStack-style fault shares: status, title, err_type by Heat's rule,
/// format, namespace, and a safe message (the carried message for 4xx, the explanation for
/// 5xx, which must not leak the message).
fn check_openstack_fault<E: ApiFault>(
    fault: &E,
    entry: &Value,
    format: Format,
    namespace: Option<&str>,
    carried: Option<&str>,
) {
    let name = str_of(entry, "name");
    let status = status_of(entry, "code");
    assert_eq!(fault.status(), status, "status of {name}");
    assert_eq!(fault.title(), name);
    assert_eq!(
        fault.err_type(),
        ErrType::for_status(status),
        "err_type of {name}"
    );
    let spec = fault.spec().expect("a derived, non-transparent variant");
    assert_eq!(spec.status(), status);
    assert_eq!(spec.title(), name);
    let wire = fault.fault();
    assert_eq!(wire.status(), status);
    assert_eq!(wire.title(), name);
    assert_eq!(wire.format(), Some(format), "format of {name}");
    assert_eq!(wire.namespace(), namespace, "namespace of {name}");
    assert_eq!(wire.code(), None, "{name} has no API-WG code");
    match carried {
        Some(message) => {
            assert_eq!(fault.to_string(), message, "Display of {name}");
            assert_ne!(
                spec.explanation(),
                status.canonical_reason().unwrap_or_default(),
                "{name} has its own explanation"
            );
            if status.is_server_error() {
                assert!(
                    spec.message_is_fixed(),
                    "{name} is 5xx: its message is fixed"
                );
                assert_eq!(
                    wire.message(),
                    spec.explanation(),
                    "{name} sends its explanation"
                );
                assert!(
                    wire.message() != message,
                    "{name} must not send its Display"
                );
            } else {
                assert!(!spec.message_is_fixed(), "{name} sends its message");
                assert_eq!(wire.message(), message, "message of {name}");
            }
        }
        None => {
            assert!(spec.message_is_fixed(), "{name} has a fixed message");
            assert_eq!(wire.message(), spec.explanation(), "message of {name}");
            assert_eq!(fault.to_string(), spec.explanation(), "Display of {name}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Heat

#[test]
fn heat_has_one_variant_per_catalogue_class() {
    let heat = catalogue("heat-aws");
    let classes: Vec<&str> = faults(&heat).iter().map(|f| str_of(f, "class")).collect();
    assert_eq!(HeatError::ALL.len(), classes.len());
    let ours: BTreeSet<&str> = HeatError::ALL.iter().map(|e| e.class_name()).collect();
    assert_eq!(ours.len(), HeatError::ALL.len(), "class names are distinct");
    assert_eq!(ours, classes.iter().copied().collect::<BTreeSet<_>>());
    // ALL follows the catalogue's order.
    let in_order: Vec<&str> = HeatError::ALL.iter().map(|e| e.class_name()).collect();
    assert_eq!(in_order, classes);
}

#[test]
fn heat_variants_match_the_catalogue() {
    let heat = catalogue("heat-aws");
    for entry in faults(&heat) {
        let class = str_of(entry, "class");
        let err = HeatError::from_class_name(class)
            .unwrap_or_else(|| panic!("no variant for the Heat class {class}"));
        let status = status_of(entry, "code");
        let title = str_of(entry, "title");
        let explanation = str_of(entry, "explanation");
        let err_type = ErrType::from_word(str_of(entry, "err_type")).expect("a known word");

        assert_eq!(err.status(), status, "status of {class}");
        assert_eq!(err.title(), title, "title of {class}");
        assert_eq!(err.err_type(), err_type, "err_type of {class}");
        assert_eq!(err.err_type().as_str(), str_of(entry, "err_type"));
        assert_eq!(err.to_string(), explanation, "Display of {class}");

        let spec = err.spec().expect("a derived variant");
        assert_eq!(spec.explanation(), explanation, "explanation of {class}");
        assert!(spec.message_is_fixed());

        let fault = err.fault();
        assert_eq!(fault.status(), status);
        assert_eq!(fault.title(), title);
        assert_eq!(fault.err_type(), err_type);
        assert_eq!(fault.message(), explanation, "message of {class}");
        assert_eq!(fault.format(), Some(Format::Heat));
        assert_eq!(fault.namespace(), None, "Heat writes no namespace");
        assert_eq!(fault.code(), None);
    }
}

#[test]
fn heat_has_two_invalid_action_classes() {
    let invalid = HeatError::from_class_name("HeatInvalidActionError").expect("a variant");
    let in_progress = HeatError::from_class_name("HeatActionInProgressError").expect("a variant");
    assert_eq!(invalid, HeatError::InvalidAction);
    assert_eq!(in_progress, HeatError::ActionInProgress);
    assert_eq!(invalid.title(), "InvalidAction");
    assert_eq!(in_progress.title(), "InvalidAction");
    assert_eq!(invalid.status(), StatusCode::BAD_REQUEST);
    assert_eq!(in_progress.status(), StatusCode::BAD_REQUEST);
    assert_ne!(invalid.fault().message(), in_progress.fault().message());
    let sharing = HeatError::ALL
        .iter()
        .filter(|e| e.title() == "InvalidAction")
        .count();
    assert_eq!(sharing, 2);
}

#[test]
fn heat_keeps_its_odd_statuses() {
    assert_eq!(
        HeatError::MalformedQueryString.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(HeatError::Throttling.status(), StatusCode::BAD_REQUEST);
    for server in [
        HeatError::InternalFailure,
        HeatError::ServiceUnavailable,
        HeatError::ApiNotImplemented,
    ] {
        assert_eq!(server.err_type(), ErrType::Server, "{server:?}");
    }
}

#[test]
fn heat_sample_matches_its_variant() {
    let list = samples("heat-aws-exceptions.txt");
    assert!(!list.is_empty());
    for sample in list {
        let fields = &sample["fields"];
        let title = str_of(fields, "title");
        let message = str_of(fields, "message");
        let err = HeatError::ALL
            .into_iter()
            .find(|e| e.title() == title && e.fault().message() == message)
            .unwrap_or_else(|| panic!("no variant for the sample {}", sample["id"]));
        assert_eq!(err.status(), status_of(&sample, "status"));
        assert_eq!(err.err_type().as_str(), str_of(fields, "type"));
    }
}

// ---------------------------------------------------------------------------------------
// Compute

#[test]
fn compute_variants_match_the_catalogue() {
    let compute = catalogue("compute");
    let entries = faults(&compute);
    let all = ComputeFault::all(MESSAGE);
    assert_eq!(all.len(), entries.len(), "one variant per catalogue fault");
    for (entry, fault) in entries.iter().zip(&all) {
        assert_eq!(
            fault.title(),
            str_of(entry, "name"),
            "ComputeFault::all follows the catalogue"
        );
    }
    for entry in entries {
        let fault = by_title(&all, str_of(entry, "name"));
        assert_eq!(fault.message(), MESSAGE);
        check_openstack_fault(fault, entry, Format::OpenStack, None, Some(MESSAGE));
    }
}

#[test]
fn compute_server_faults_send_their_explanation() {
    let internal = ComputeFault::Compute("password=hunter2".into());
    assert_eq!(
        internal.fault().message(),
        "A generic Cloud Servers API fault."
    );
    assert_eq!(internal.to_string(), "password=hunter2");
    for fault in ComputeFault::all(MESSAGE) {
        if fault.status().is_server_error() {
            assert_eq!(fault.err_type(), ErrType::Server);
            assert!(fault.fault().message() != MESSAGE, "{fault:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Block storage

#[test]
fn block_storage_variants_match_the_catalogue() {
    let volume = catalogue("block-storage");
    let entries = faults(&volume);
    let all = VolumeFault::all(MESSAGE);
    assert_eq!(all.len(), entries.len(), "one variant per catalogue fault");
    for (entry, fault) in entries.iter().zip(&all) {
        assert_eq!(
            fault.title(),
            str_of(entry, "name"),
            "VolumeFault::all follows the catalogue"
        );
    }
    for entry in entries {
        let fault = by_title(&all, str_of(entry, "name"));
        assert_eq!(fault.message(), MESSAGE);
        check_openstack_fault(
            fault,
            entry,
            Format::OpenStack,
            Some(BLOCK_STORAGE_NS),
            Some(MESSAGE),
        );
    }
}

#[test]
fn block_storage_samples_match_their_variants() {
    let list = samples("block-storage-faults.txt");
    assert_eq!(list.len(), 6);
    for sample in list {
        let fields = &sample["fields"];
        let message = str_of(fields, "message");
        let status = status_of(&sample, "status");
        // A 5xx sends its explanation whatever it carries, so give it something else.
        let carried = if status.is_server_error() {
            "KeyError: 'volume_type' in driver"
        } else {
            message
        };
        let all = VolumeFault::all(carried);
        let fault = by_title(&all, str_of(fields, "name"));
        assert_eq!(fault.status(), status, "status of {}", sample["id"]);
        assert_eq!(fault.status(), status_of(fields, "code"));
        assert_eq!(
            fault.fault().message(),
            message,
            "message of {}",
            sample["id"]
        );
    }
}

// ---------------------------------------------------------------------------------------
// Load balancer

#[test]
fn loadbalancer_variants_match_the_catalogue() {
    let lb = catalogue("loadbalancer");
    let namespace = str_of(&lb, "namespace");
    let entries = faults(&lb);
    let all = LoadBalancerFault::all();
    assert_eq!(all.len(), entries.len(), "one variant per catalogue fault");
    for (entry, fault) in entries.iter().zip(&all) {
        assert_eq!(
            fault.title(),
            str_of(entry, "name"),
            "ALL follows the catalogue"
        );
    }
    for entry in entries {
        let fault = by_title(&all, str_of(entry, "name"));
        check_openstack_fault(fault, entry, Format::LoadBalancer, Some(namespace), None);
    }
}

#[test]
fn loadbalancer_messages_are_the_samples() {
    let lb = catalogue("loadbalancer");
    let list = samples("loadbalancer-faults.rst");
    let all = LoadBalancerFault::all();
    assert_eq!(list.len(), all.len(), "one sample per fault");
    for sample in list {
        let fields = &sample["fields"];
        let name = str_of(fields, "name");
        let fault = by_title(&all, name);
        assert_eq!(
            fault.fault().message(),
            str_of(fields, "message").trim(),
            "{name}"
        );
        // The samples of older editions show other codes; the catalogue's current edition wins.
        let current = faults(&lb)
            .iter()
            .find(|f| f["name"] == name)
            .expect("in the catalogue");
        assert_eq!(fault.status(), status_of(current, "code"), "{name}");
    }
    assert_eq!(
        LoadBalancerFault::LoadBalancer.status(),
        StatusCode::INTERNAL_SERVER_ERROR
    );
    assert_eq!(
        LoadBalancerFault::Unauthorized.status(),
        StatusCode::UNAUTHORIZED
    );
}

// ---------------------------------------------------------------------------------------
// Placement

/// Placement's title is the status's reason phrase.
fn placement_title(status: StatusCode) -> &'static str {
    status.canonical_reason().expect("a reason phrase")
}

#[test]
fn placement_has_one_variant_per_catalogue_code() {
    let placement = catalogue("placement");
    let codes: Vec<&str> = placement["codes"]
        .as_array()
        .expect("a `codes` array")
        .iter()
        .map(|c| c.as_str().expect("a string"))
        .collect();
    let all = PlacementError::all(MESSAGE);
    let ours: BTreeSet<&str> = all
        .iter()
        .map(|e| {
            e.spec()
                .and_then(|s| s.error_code())
                .expect("every variant has a code")
        })
        .collect();
    assert_eq!(ours.len(), codes.len(), "as many codes as the catalogue");
    assert_eq!(ours, codes.iter().copied().collect::<BTreeSet<_>>());
    for code in codes.iter().filter(|c| **c != "placement.undefined_code") {
        let count = all
            .iter()
            .filter(|e| e.fault().code() == Some(*code))
            .count();
        assert_eq!(count, 1, "one variant for {code}");
    }
    let generic = all
        .iter()
        .filter(|e| e.fault().code() == Some("placement.undefined_code"))
        .count();
    assert!(
        generic >= 1,
        "generic variants send placement.undefined_code"
    );
}

#[test]
fn placement_variants_follow_placement() {
    let expected: [(&str, u16); 6] = [
        ("placement.inventory.inuse", 409),
        ("placement.concurrent_update", 409),
        ("placement.duplicate_name", 409),
        ("placement.resource_provider.inuse", 409),
        ("placement.resource_provider.cannot_delete_parent", 409),
        ("placement.resource_provider.not_found", 400),
    ];
    let all = PlacementError::all(MESSAGE);
    for (code, status) in expected {
        let err = all
            .iter()
            .find(|e| e.fault().code() == Some(code))
            .unwrap_or_else(|| panic!("no variant for {code}"));
        assert_eq!(err.status().as_u16(), status, "status of {code}");
    }
    for err in &all {
        let fault = err.fault();
        assert_eq!(
            err.title(),
            placement_title(err.status()),
            "title of {err:?}"
        );
        assert_eq!(err.err_type(), ErrType::Sender);
        assert_eq!(fault.format(), Some(Format::Placement));
        assert_eq!(fault.namespace(), None);
        assert_eq!(fault.message(), MESSAGE, "Placement sends the detail");
        assert_eq!(err.to_string(), MESSAGE);
        assert_eq!(err.detail(), MESSAGE);
    }
}

#[test]
fn placement_sample_matches_its_variant() {
    for sample in samples("placement-errors.rst") {
        let fields = &sample["fields"];
        let code = str_of(fields, "code");
        let all = PlacementError::all(MESSAGE);
        let err = all
            .iter()
            .find(|e| e.fault().code() == Some(code))
            .unwrap_or_else(|| panic!("no variant for {code}"));
        assert_eq!(err.status(), status_of(fields, "status"));
        assert_eq!(err.title(), str_of(fields, "title"));
    }
}
