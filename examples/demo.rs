//! The README's demo: serves all three demo services on 127.0.0.1, Heat's CloudFormation
//! query API (port 8000, `HEAT_PORT`), a block-storage API (8776, `VOLUMES_PORT`) and a
//! Placement API (8778, `PLACEMENT_PORT`), and prints the `curl` lines to try on each.
//!
//! Run: `cargo run --example demo`, or `cargo run --example demo -- --self-test` to send
//! them, print what came back, and exit (as CI does).

use fault_suite::demos::{Service, main as serve};
use std::process::ExitCode;

fn main() -> ExitCode {
    serve(&Service::ALL)
}
