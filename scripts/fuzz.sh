#!/usr/bin/env bash
# Runs every cargo-fuzz target for a bounded time each (default 60 s): ./scripts/fuzz.sh [SECONDS]
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP=1 lets the stable toolchain provide them.
# Corpora and any crash found are kept under fuzz/corpus and fuzz/artifacts (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
for target in clip_text clip_html check_draft query import; do
  echo "fuzz: $target for ${seconds}s" >&2
  mkdir -p "fuzz/corpus/$target"
  cp tests/fixtures/*.txt tests/fixtures/*.html tests/fixtures/*.csv "fuzz/corpus/$target/" 2>/dev/null || true
  cargo fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$seconds" -rss_limit_mb=4096 2>&1 \
    | grep -E "^#[0-9]+.*(DONE|pulse)|Done [0-9]+ runs|ERROR|panicked" | tail -3
done
