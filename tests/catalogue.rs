//! The catalogue the derive emits (`ApiFault::catalogue`, `Catalogue`): each variant's facts,
//! doc comment, message and field roles; transparent variants replaced by what they wrap; and
//! the docs tables rendered from it, checked against the seed systems' catalogue
//! (`tests/data/seed-catalogues.json`, a copy of `../shared/conformance/`).

#![allow(dead_code)] // the types exist for their catalogues, not to be built

use fault_core::catalogue::DEFAULT_CODE_MEANING;
use fault_core::{ApiFault, Catalogue, CatalogueEntry, Encoding, ErrType, FieldRole, Format};
use fault_suite::seeds::{ComputeFault, HeatError, LoadBalancerFault, PlacementError, VolumeFault};
use serde_json::Value;

/// Every way a field can take part in a fault (with no format of its own, which no format
/// carries every role of: the format is chosen at run time).
#[derive(Debug, ApiFault)]
#[fault(error_code = "svc.undefined", rename_all = "camelCase")]
enum Storage {
    /// The volume could not be found.
    ///
    /// A second paragraph, left out of the summary.
    #[fault(code = 404, message = "Volume {id} not found ({}).", args(.reason.len()))]
    VolumeNotFound {
        id: String,
        reason: String,
        #[fault(request_id)]
        request: String,
    },
    /// Over the quota: retry later.
    #[fault(code = 413, error_code = "svc.quota", message = "quota exceeded")]
    OverLimit {
        #[fault(retry_after)]
        retry: u64,
        #[fault(details)]
        details: Option<String>,
        #[fault(member, rename = "Quota")]
        quota: u32,
    },
    #[fault(code = 400, message = "invalid: {0:?}")]
    Invalid(Vec<String>, #[fault(validation_errors)] Vec<String>),
    #[fault(code = 500, explanation = "The backend failed.")]
    Backend(#[fault(from)] std::io::Error),
    #[fault(code = 503)]
    Unavailable {
        source: std::io::Error,
        #[fault(created)]
        at: String,
    },
}

/// The API's own faults, wrapping the storage layer's twice.
#[derive(Debug, ApiFault)]
#[fault(format = "api_wg")]
enum Api {
    /// The request is malformed.
    #[fault(code = 400, title = "BadRequest")]
    BadRequest,
    /// Storage faults, sent as they are.
    #[fault(transparent)]
    Storage(#[fault(from)] Storage),
    #[fault(transparent)]
    StorageAgain(Box<Storage>),
}

/// A struct is one fault, keyed by the type's name.
#[derive(Debug, ApiFault)]
#[fault(code = 409, message = "conflict on {resource}")]
struct Conflict {
    resource: String,
}

/// A generic wrapper: a `static` cannot name `E`, so its catalogue has no link to it.
#[derive(Debug, ApiFault)]
enum Generic<E: ApiFault + 'static> {
    #[fault(transparent)]
    Inner(E),
    #[fault(code = 502)]
    Upstream,
}

#[derive(Debug, ApiFault)]
enum Empty {}

fn entry(entries: &'static [CatalogueEntry], variant: &str) -> &'static CatalogueEntry {
    entries
        .iter()
        .find(|e| e.variant() == Some(variant))
        .unwrap_or_else(|| panic!("no entry {variant}"))
}

fn roles(entry: &CatalogueEntry) -> Vec<(&'static str, Vec<FieldRole>)> {
    entry
        .fields()
        .iter()
        .map(|f| (f.name(), f.roles().to_vec()))
        .collect()
}

#[test]
fn each_variant_has_an_entry_with_its_facts_and_doc() {
    let entries = Storage::catalogue();
    assert_eq!(entries.len(), 5);
    let found = entry(entries, "VolumeNotFound");
    assert_eq!(found.type_name(), "Storage");
    assert_eq!(found.path(), "Storage::VolumeNotFound");
    let spec = found.spec().expect("a fault of its own");
    assert_eq!(
        (spec.status().as_u16(), spec.title(), spec.err_type()),
        (404, "volumeNotFound", ErrType::Sender)
    );
    assert_eq!(
        found.doc(),
        "The volume could not be found.\n\nA second paragraph, left out of the summary."
    );
    assert_eq!(found.summary(), "The volume could not be found.");
    assert_eq!(found.message(), Some("Volume {id} not found ({})."));
    assert_eq!(found.type_format(), None);
    // The type's default code is not the variant's own; `svc.quota` is.
    assert_eq!(spec.error_code(), Some("svc.undefined"));
    assert!(!found.error_code_is_own());
    assert!(entry(entries, "OverLimit").error_code_is_own());
    // No doc comment: empty, and tables fall back on the explanation.
    assert_eq!(entry(entries, "Backend").doc(), "");
    assert_eq!(
        Catalogue::of::<Storage>()
            .iter()
            .nth(3)
            .unwrap()
            .description(),
        "The backend failed."
    );
}

#[test]
fn fields_carry_their_names_and_roles() {
    let entries = Storage::catalogue();
    assert_eq!(
        roles(entry(entries, "VolumeNotFound")),
        [
            ("id", vec![FieldRole::Message]),
            ("reason", vec![FieldRole::Message]),
            ("request", vec![FieldRole::RequestId]),
        ]
    );
    assert_eq!(
        roles(entry(entries, "OverLimit")),
        [
            ("retry", vec![FieldRole::RetryAfter]),
            ("details", vec![FieldRole::Details]),
            ("quota", vec![FieldRole::Member("Quota")]),
        ]
    );
    assert_eq!(
        roles(entry(entries, "Invalid")),
        [
            ("0", vec![FieldRole::Message]),
            ("1", vec![FieldRole::ValidationErrors]),
        ]
    );
    assert_eq!(
        roles(entry(entries, "Backend")),
        [("0", vec![FieldRole::Source, FieldRole::From])]
    );
    // A field named `source` is the source, as in thiserror.
    assert_eq!(
        roles(entry(entries, "Unavailable")),
        [
            ("source", vec![FieldRole::Source]),
            ("at", vec![FieldRole::Created]),
        ]
    );
    assert_eq!(
        roles(entry(Api::catalogue(), "Storage")),
        [("0", vec![FieldRole::Transparent, FieldRole::From])]
    );
    assert!(entry(entries, "OverLimit").fields()[0].has(FieldRole::RetryAfter));
}

#[test]
fn transparent_variants_list_what_they_wrap_once() {
    let entries = Api::catalogue();
    let storage = entry(entries, "Storage");
    assert!(storage.is_transparent() && storage.spec().is_none());
    assert_eq!(storage.inner().map(<[_]>::len), Some(5));
    assert_eq!(storage.doc(), "Storage faults, sent as they are.");

    let catalogue = Catalogue::of::<Api>();
    let titles: Vec<&str> = catalogue.iter().map(|f| f.title()).collect();
    assert_eq!(
        titles,
        [
            "BadRequest",
            "volumeNotFound",
            "overLimit",
            "invalid",
            "backend",
            "unavailable"
        ]
    );
    // Sent in the outer type's format, as `ApiFault::response` does.
    let sent = Api::Storage(Storage::Backend(std::io::Error::other("x")));
    assert_eq!(sent.default_format(), Format::ApiWg);
    assert!(catalogue.iter().all(|f| f.format() == Format::ApiWg));
    assert!(catalogue.iter().all(|f| f.encodings() == [Encoding::Json]));
    // On its own, the storage layer is sent as problem details (JSON, else XML), its type
    // naming no format.
    let alone = Catalogue::of::<Storage>();
    assert!(alone.iter().all(|f| f.format() == Format::Problem));
    assert_eq!(
        alone.iter().next().unwrap().encodings(),
        [Encoding::Json, Encoding::Xml]
    );
}

#[test]
fn structs_generics_empty_and_hand_written_types() {
    let [conflict] = Conflict::catalogue() else {
        panic!("a struct has one entry");
    };
    assert_eq!(
        (conflict.variant(), conflict.path()),
        (None, "Conflict".into())
    );
    assert_eq!(
        conflict.doc(),
        "A struct is one fault, keyed by the type's name."
    );
    assert_eq!(conflict.fields()[0].roles(), [FieldRole::Message]);

    let generic = Generic::<Storage>::catalogue();
    assert!(generic[0].is_transparent() && generic[0].inner().is_none());
    let titles: Vec<&str> = Catalogue::of::<Generic<Storage>>()
        .iter()
        .map(|f| f.title())
        .collect();
    assert_eq!(titles, ["Upstream"]);
    assert_eq!(
        Catalogue::of::<Generic<Storage>>()
            .iter()
            .next()
            .unwrap()
            .format(),
        Format::Problem
    );

    assert!(Empty::catalogue().is_empty() && Catalogue::of::<Empty>().is_empty());
    // A hand-written implementation lists nothing, `Box`'s included (it cannot reach a
    // possibly unsized inner type's catalogue).
    assert!(<Box<Api> as ApiFault>::catalogue().is_empty());
}

#[test]
fn tables_render_in_markdown_and_rst() {
    let catalogue = Catalogue::of::<Storage>();
    let markdown = catalogue.markdown_table();
    let mut lines = markdown.lines();
    assert_eq!(
        lines.next(),
        Some("| Fault type | Associated error code | Description |")
    );
    assert_eq!(lines.next(), Some("| --- | --- | --- |"));
    assert_eq!(
        lines.next(),
        Some("| `volumeNotFound` | 404 | The volume could not be found. |")
    );
    assert_eq!(
        lines.next(),
        Some("| `overLimit` | 413 | Over the quota: retry later. |")
    );
    assert_eq!(markdown.lines().count(), 7);

    let rst = catalogue.rst_table();
    assert!(rst.starts_with(".. list-table::\n   :header-rows: 1\n\n   * - Fault type\n     - Associated error code\n     - Description\n"));
    assert!(rst.contains(
        "   * - ``volumeNotFound``\n     - 404\n     - The volume could not be found.\n"
    ));

    assert_eq!(
        catalogue.error_codes(),
        [
            ("svc.undefined", DEFAULT_CODE_MEANING.into()),
            ("svc.quota", "Over the quota: retry later.".into())
        ]
    );
}

#[test]
fn table_cells_escape_what_the_markup_reads() {
    /// Pipes | and *stars*, `code`, and a link_ target.
    #[derive(Debug, ApiFault)]
    #[fault(code = 400, format = "placement", title = "Bad Request")]
    struct Odd;
    let catalogue = Catalogue::of::<Odd>();
    assert_eq!(
        catalogue.markdown_table().lines().nth(2),
        Some("| `Bad Request` | 400 | Pipes \\| and *stars*, `code`, and a link_ target. |")
    );
    assert!(
        catalogue
            .rst_table()
            .contains("     - Pipes \\| and \\*stars\\*, ``code``, and a link\\_ target.\n")
    );
}

// ---------------------------------------------------------------------------------------
// The seed systems

fn seed(system: &str) -> Value {
    let path = format!(
        "{}/tests/data/seed-catalogues.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let all: Value = serde_json::from_str(&text).expect("JSON");
    all[system].clone()
}

/// The rows of a Markdown table this crate rendered: (fault type, code, description).
fn markdown_rows(table: &str) -> Vec<(String, u16, String)> {
    table
        .lines()
        .skip(2)
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
            let [name, code, description] = cells[..] else {
                panic!("three cells in {line}");
            };
            (
                name.trim_matches('`').to_owned(),
                code.parse().expect("a status"),
                description.to_owned(),
            )
        })
        .collect()
}

/// The seed's (name, code) rows, under the key the seed names its faults by.
fn seed_rows(system: &str, name_key: &str) -> Vec<(String, u16)> {
    seed(system)["faults"]
        .as_array()
        .expect("faults")
        .iter()
        .map(|f| {
            let name = f[name_key].as_str().expect("a name").to_owned();
            let code = u16::try_from(f["code"].as_u64().expect("a code")).expect("u16");
            (name, code)
        })
        .collect()
}

fn names_and_codes(table: &str) -> Vec<(String, u16)> {
    markdown_rows(table)
        .into_iter()
        .map(|(name, code, _)| (name, code))
        .collect()
}

#[test]
fn block_storage_table_has_the_seed_rows() {
    let catalogue = Catalogue::of::<VolumeFault>();
    let table = catalogue.markdown_table();
    assert_eq!(names_and_codes(&table), seed_rows("block-storage", "name"));
    // The seed's descriptions are the variants' doc summaries, and their explanations but
    // for instanceFault, which sends the sample message instead.
    for (fault, (name, _, description)) in catalogue.iter().zip(markdown_rows(&table)) {
        assert_eq!(description, fault.description());
        if name != "instanceFault" {
            assert_eq!(description, fault.explanation(), "{name}");
        }
    }
}

#[test]
fn the_readme_shows_the_table_the_example_prints() {
    let path = format!("{}/README.md", env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let table = Catalogue::of::<VolumeFault>().markdown_table();
    assert!(
        readme.contains(&table),
        "README.md's Block Storage table is stale: paste `cargo run --example catalogue`'s"
    );
}

#[test]
fn heat_table_has_the_seed_rows_and_facts() {
    let catalogue = Catalogue::of::<HeatError>();
    assert_eq!(
        names_and_codes(&catalogue.markdown_table()),
        seed_rows("heat-aws", "title")
    );
    let faults = seed("heat-aws")["faults"].clone();
    for (fault, expected) in catalogue.iter().zip(faults.as_array().unwrap()) {
        assert_eq!(
            fault.err_type().as_str(),
            expected["err_type"],
            "{}",
            fault.title()
        );
        assert_eq!(
            fault.explanation(),
            expected["explanation"],
            "{}",
            fault.title()
        );
        assert_eq!(fault.format(), Format::Heat);
    }
}

#[test]
fn compute_and_load_balancer_tables_have_the_seed_rows() {
    let compute = Catalogue::of::<ComputeFault>().markdown_table();
    assert_eq!(names_and_codes(&compute), seed_rows("compute", "name"));
    let lb = Catalogue::of::<LoadBalancerFault>().markdown_table();
    assert_eq!(names_and_codes(&lb), seed_rows("loadbalancer", "name"));
}

#[test]
fn placement_error_codes_are_the_seed_list() {
    let catalogue = Catalogue::of::<PlacementError>();
    let codes: Vec<&str> = catalogue.error_codes().iter().map(|(c, _)| *c).collect();
    let expected: Vec<Value> = seed("placement")["codes"].as_array().unwrap().clone();
    assert_eq!(codes, expected);
    let list = catalogue.error_codes_rst();
    assert!(list.contains(
        "   * - ``placement.concurrent_update``\n     - Another operation has concurrently made a request that involves one or more of the same resources referenced in this request, changing state. The current state should be retrieved to determine if the desired operation should be retried.\n"
    ));
}
