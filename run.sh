#!/usr/bin/env bash
# Runs OnRecord on the default library (~/.local/share/onrecord, or $ONRECORD_LIBRARY).
# The desktop window is not built yet: this builds the `onrecord` CLI, adds the seed article's
# quotes when the library is empty, and searches it. Extra arguments are passed to `onrecord`.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
cargo build --release --bin onrecord
bin=target/release/onrecord
if [ $# -gt 0 ]; then
  exec "$bin" "$@"
fi
if [ "$("$bin" search '' --json --limit 1 | grep -c '"total": 0')" -eq 1 ]; then
  "$bin" import tests/fixtures/seed-quotes.json
fi
"$bin" search 'pivotal moment'
echo
echo "Try: $bin search 'org:Zensar'   |   $bin --help"
