#!/usr/bin/env bash
# Installs cargo-fuzz from crates.io when it is missing, so a fresh machine (or CI) can run the
# fuzz targets in fuzz/. The stable toolchain is all there is: fuzz/README.md says how the
# targets build on it.
set -euo pipefail

if cargo fuzz --version >/dev/null 2>&1; then
    exit 0
fi
# --locked: the versions cargo-fuzz was released with, not whatever resolves today.
cargo install cargo-fuzz --locked
cargo fuzz --version
