//! Runs `clients.py` in the virtual environment `scripts/python-env.sh` makes, on responses
//! rendered here, and compares what each client extracted with what we expect.
//!
//! Never skips: without Python, or without a client, the test fails and says why.

use bytes::Bytes;
use fault_core::ReasonPhrase;
use http::Response;
use serde_json::{Value, json};
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// One response, the client to feed it to, and the fields it should extract (fields not
/// named are not checked; `null` means absent).
pub struct Case {
    pub id: &'static str,
    pub client: &'static str,
    pub response: Response<Bytes>,
    pub expect: Value,
}

/// A case.
pub fn case(
    id: &'static str,
    client: &'static str,
    response: Response<Bytes>,
    expect: Value,
) -> Case {
    Case {
        id,
        client,
        response,
        expect,
    }
}

/// The venv's Python, made once per run by the project's script (which does nothing when the
/// venv is current).
fn python() -> &'static PathBuf {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        let root = env!("CARGO_MANIFEST_DIR");
        let output = Command::new("bash")
            .arg(format!("{root}/scripts/python-env.sh"))
            .arg("--print-python")
            .stderr(Stdio::inherit())
            .output()
            .expect("bash runs scripts/python-env.sh");
        assert!(
            output.status.success(),
            "scripts/python-env.sh failed: the interop test needs Python 3 with venv and pip, \
             and PyPI to install the clients"
        );
        PathBuf::from(String::from_utf8(output.stdout).unwrap().trim())
    })
}

/// The case as `clients.py` reads it.
fn input(case: &Case) -> Value {
    let response = &case.response;
    let reason = response
        .extensions()
        .get::<ReasonPhrase>()
        .map(ReasonPhrase::as_str)
        .or(response.status().canonical_reason())
        .unwrap_or("");
    let headers: Vec<[&str; 2]> = response
        .headers()
        .iter()
        .map(|(name, value)| [name.as_str(), value.to_str().unwrap()])
        .collect();
    json!({
        "id": case.id,
        "client": case.client,
        "status": response.status().as_u16(),
        "reason": reason,
        "headers": headers,
        "body": std::str::from_utf8(response.body()).unwrap(),
    })
}

/// Feeds every case to its client; fails listing every field that differs.
pub fn check(cases: &[Case]) {
    let input = Value::Array(cases.iter().map(input).collect());
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/interop/clients.py");
    let mut child = Command::new(python())
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the venv's python starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "clients.py failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let results: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    let mut wrong = Vec::new();
    for (case, result) in cases.iter().zip(&results) {
        assert_eq!(result["id"], case.id);
        println!("{} / {}: {result}", case.id, case.client);
        for (field, expected) in case.expect.as_object().unwrap() {
            let got = result.get(field).unwrap_or(&Value::Null);
            if got != expected {
                wrong.push(format!(
                    "{} ({}): {field} is {got}, expected {expected}\n  all: {result}\n  body: {}",
                    case.id,
                    case.client,
                    String::from_utf8_lossy(case.response.body())
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
