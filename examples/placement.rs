//! Serves a Placement API (actix-web), answering with `PlacementError` on
//! 127.0.0.1 (port: `--port N`, or `PLACEMENT_PORT`), and prints the `curl` lines to try.
//!
//! Run: `cargo run --example placement`, or `cargo run --example placement -- --self-test` to send them
//! and exit.

use fault_suite::demos::{Service, main as serve};
use std::process::ExitCode;

fn main() -> ExitCode {
    serve(&[Service::Placement])
}
