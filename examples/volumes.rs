//! Serves a block-storage API, `/v3/{project_id}/volumes`, answering with `VolumeFault` on
//! 127.0.0.1 (port: `--port N`, or `VOLUMES_PORT`), and prints the `curl` lines to try.
//!
//! Run: `cargo run --example volumes`, or `cargo run --example volumes -- --self-test` to send them
//! and exit.

use fault_suite::demos::{Service, main as serve};
use std::process::ExitCode;

fn main() -> ExitCode {
    serve(&[Service::Volumes])
}
