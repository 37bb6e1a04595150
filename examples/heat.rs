//! Serves Heat's CloudFormation query API, answering with `HeatError` on
//! 127.0.0.1 (port: `--port N`, or `HEAT_PORT`), and prints the `curl` lines to try.
//!
//! Run: `cargo run --example heat`, or `cargo run --example heat -- --self-test` to send them
//! and exit.

use fault_suite::demos::{Service, main as serve};
use std::process::ExitCode;

fn main() -> ExitCode {
    serve(&[Service::Heat])
}
