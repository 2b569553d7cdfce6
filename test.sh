#!/usr/bin/env bash
# Runs every test of OnRecord: formatting, lints, the core's unit and integration tests (real
# SQLite files and Tantivy indexes, the real `onrecord` binary), and the LIAR data check.
# Installs what it needs first (see scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo test --workspace
scripts/liar-roundtrip.sh "${ONRECORD_DATA:-../shared/data}/liar/liar_dataset"
