#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests
# need beyond cargo, then runs every unit, integration and snapshot test.
set -euo pipefail
cd "$(dirname "$0")/.."
# GNU parallel for the `parallel --pipe` recipe test (tests/jsonl.rs skips
# with a note when it is still missing).
command -v parallel >/dev/null || (apt-get update -qq && apt-get install -y -qq parallel) || true
cargo test --release --all-targets --locked
cargo test --release --doc --locked
# The unit tests once more in a debug build: integer overflow panics there
# (and in a library user's debug build), not in release.
cargo test --lib --locked
