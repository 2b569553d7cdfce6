#!/usr/bin/env bash
# Runs every test of OnRecord: formatting, lints, the core's unit and integration tests (real
# SQLite files and Tantivy indexes, the real `onrecord` binary, pandoc and the CSL schema for
# exports, crash and concurrency harnesses, property tests), the UI's unit tests (Vitest), the
# desktop app end to end in a real WebKit window (WebDriver under Xvfb), the browser extension
# (Vitest, web-ext lint, headless Chromium), the LIAR data check and
# a benchmark smoke run. Installs what it needs first (see scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")"
data="${ONRECORD_DATA:-../shared/data}"
scripts/setup.sh
cargo fmt --all -- --check
npm --prefix ui run build
cargo clippy --workspace --all-targets -- -D warnings
cargo test --workspace
npm --prefix ui test
# The browser extension: its unit tests, the Firefox manifest through web-ext lint, and end to
# end in headless Chromium with the real host (the `onrecord` that `cargo test` built).
npm --prefix extension test
npm --prefix extension run lint
npm --prefix extension run e2e
scripts/e2e.sh
scripts/liar-roundtrip.sh "$data/liar/liar_dataset"
# Benchmark smoke: completes, OnRecord and SQLite FTS5 find the same quotes for phrases, and the
# corpus imported from a CSV file (streamed, as `onrecord import` does) gives the same library
# as the batches. (`cargo test` built the example; running it directly avoids a rebuild.)
target/debug/examples/bench --quotes 20000 --runs 5 --verify --file --data "$data"
