//! Keeping a published API stable: `assert_stable` compares a type's catalogue with a
//! committed snapshot and fails on a changed title, status or API-WG code, or a removed
//! fault, while new faults pass. The seed enums' snapshots are in `tests/data/catalogue/`;
//! rewrite them with `FAULT_CATALOGUE_UPDATE=always` when a change is intended.
#![allow(dead_code)] // the types exist for their catalogues, not to be built

use fault_core::catalogue::{Change, StabilityError, Update, assert_stable, check_stable};
use fault_core::{ApiFault, Catalogue};
use fault_suite::seeds::{ComputeFault, HeatError, LoadBalancerFault, PlacementError, VolumeFault};
use serde_json::json;
use std::path::PathBuf;

fn snapshot_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/catalogue/{name}.json"))
}

#[test]
fn the_seed_systems_keep_their_published_faults() {
    assert_stable::<HeatError>(snapshot_path("heat"));
    assert_stable::<ComputeFault>(snapshot_path("compute"));
    assert_stable::<VolumeFault>(snapshot_path("block-storage"));
    assert_stable::<LoadBalancerFault>(snapshot_path("loadbalancer"));
    assert_stable::<PlacementError>(snapshot_path("placement"));
}

#[test]
fn a_snapshot_holds_what_clients_rely_on() {
    let snapshot = Catalogue::of::<PlacementError>().snapshot();
    assert_eq!(
        snapshot["faults"][1],
        json!({"variant": "PlacementError::ConcurrentUpdate", "title": "Conflict", "status": 409,
               "code": "placement.concurrent_update"})
    );
}

/// The published API, one release back.
#[derive(Debug, ApiFault)]
#[fault(format = "api_wg")]
enum V1 {
    #[fault(code = 404, title = "NotFound", error_code = "svc.not_found")]
    NotFound,
    #[fault(code = 409, title = "Conflict", error_code = "svc.conflict")]
    Conflict,
    #[fault(code = 400, title = "BadRequest")]
    BadRequest,
    #[fault(code = 503, title = "Unavailable")]
    Unavailable,
}

#[test]
fn every_kind_of_change_is_found_and_only_additions_pass() {
    let mut published = Catalogue::of::<V1>().snapshot();
    let faults = published["faults"].as_array_mut().unwrap();
    faults[0]["title"] = json!("Missing");
    faults[1]["status"] = json!(412);
    faults[2]["code"] = json!("svc.bad_request");
    faults.remove(3); // `Unavailable` was not published: an addition
    faults.push(json!({"variant": "V1::Gone", "title": "Gone", "status": 410, "code": null}));

    let changes = Catalogue::of::<V1>().compare(&published).unwrap();
    assert_eq!(
        changes,
        [
            Change::Title {
                variant: "V1::NotFound".into(),
                was: "Missing".into(),
                now: "NotFound".into()
            },
            Change::Status {
                variant: "V1::Conflict".into(),
                was: 412,
                now: 409
            },
            Change::Code {
                variant: "V1::BadRequest".into(),
                was: Some("svc.bad_request".into()),
                now: None
            },
            Change::Removed {
                variant: "V1::Gone".into()
            },
            Change::Added {
                variant: "V1::Unavailable".into()
            },
        ]
    );
    let breaking: Vec<bool> = changes.iter().map(Change::is_breaking).collect();
    assert_eq!(breaking, [true, true, true, true, false]);
    assert_eq!(
        changes[2].to_string(),
        "V1::BadRequest: API-WG code changed from `svc.bad_request` to `no code`"
    );
    assert!(
        Catalogue::of::<V1>()
            .compare(&json!({"faults": 3}))
            .is_err()
    );
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fault-stability-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let path = dir.join(format!("{name}.json"));
    let _ = std::fs::remove_file(&path);
    path
}

#[test]
fn check_stable_writes_only_when_asked_and_never_over_a_break() {
    let catalogue = Catalogue::of::<V1>();
    let path = scratch("modes");
    assert!(matches!(
        check_stable(&catalogue, &path, Update::Never),
        Err(StabilityError::Missing(_))
    ));
    let written = check_stable(&catalogue, &path, Update::Always).unwrap();
    assert!(written.written && written.changes.is_empty());
    assert!(std::fs::read_to_string(&path).unwrap().ends_with("}\n"));
    // Unchanged: nothing to say, nothing written.
    let again = check_stable(&catalogue, &path, Update::Auto).unwrap();
    assert!(!again.written && again.changes.is_empty());

    // A published title that differs is a break; the snapshot is left alone.
    let mut published = catalogue.snapshot();
    published["faults"][0]["title"] = json!("Missing");
    let text = published.to_string();
    std::fs::write(&path, &text).unwrap();
    let Err(error @ StabilityError::Breaking(..)) = check_stable(&catalogue, &path, Update::Never)
    else {
        panic!("a changed title breaks clients");
    };
    assert!(
        error
            .to_string()
            .contains("V1::NotFound: title changed from `Missing` to `NotFound`")
    );
    assert!(error.to_string().contains("FAULT_CATALOGUE_UPDATE=always"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    // Accepting it rewrites the snapshot, and says what changed.
    let accepted = check_stable(&catalogue, &path, Update::Always).unwrap();
    assert!(accepted.written && accepted.changes.len() == 1);
    assert!(
        check_stable(&catalogue, &path, Update::Never)
            .unwrap()
            .changes
            .is_empty()
    );

    std::fs::write(&path, "not json").unwrap();
    assert!(matches!(
        check_stable(&catalogue, &path, Update::Never),
        Err(StabilityError::Malformed(..))
    ));
    let _ = std::fs::remove_file(&path);
}

#[test]
fn new_faults_pass() {
    /// The next release: one fault more.
    #[derive(Debug, ApiFault)]
    #[fault(format = "api_wg")]
    enum V2 {
        #[fault(code = 404, title = "NotFound", error_code = "svc.not_found")]
        NotFound,
        #[fault(code = 429, title = "TooManyRequests")]
        Throttled,
    }
    let path = scratch("additions");
    let mut published = Catalogue::of::<V2>().snapshot();
    published["faults"].as_array_mut().unwrap().pop();
    std::fs::write(&path, published.to_string()).unwrap();
    let checked = check_stable(&Catalogue::of::<V2>(), &path, Update::Never).unwrap();
    assert_eq!(
        checked.changes,
        [Change::Added {
            variant: "V2::Throttled".into()
        }]
    );
    assert_stable::<V2>(&path);
    let _ = std::fs::remove_file(&path);
}
