#!/usr/bin/env bash
# Data check (not a unit test: it needs the LIAR data set, which is not ours to ship):
# imports all 12,836 LIAR statements (TSV without a header) with --columns, exports the library
# as JSON, imports that into a fresh library, exports again, and requires the two exports to be
# byte-identical.
#
# Usage: scripts/liar-roundtrip.sh [DIR]   (DIR holds train.tsv, valid.tsv, test.tsv;
#                                           default ../shared/data/liar/liar_dataset)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data/liar/liar_dataset}"
for f in train valid test; do
  if [ ! -f "$data/$f.tsv" ]; then
    echo "liar-roundtrip: $data/$f.tsv not found; pass the folder holding the LIAR TSV files" >&2
    exit 1
  fi
done
cargo build -q --bin onrecord
bin="${CARGO_TARGET_DIR:-target}/debug/onrecord"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

start=$(date +%s%N)
report=$("$bin" --library "$work/a" import --json --format tsv \
  --columns _,_,text,tags,speaker_slug,title,_,_,_,_,_,_,_,source_title \
  "$data/train.tsv" "$data/valid.tsv" "$data/test.tsv")
end=$(date +%s%N)
echo "$report" | grep -q '"imported": 12836' || { echo "liar-roundtrip: expected 12836 imported, got: $report" >&2; exit 1; }
"$bin" --library "$work/a" export --format json -o "$work/a.json"
"$bin" --library "$work/b" import --json "$work/a.json" | grep -q '"imported": 12836'
"$bin" --library "$work/b" export --format json -o "$work/b.json"
cmp "$work/a.json" "$work/b.json"
"$bin" --library "$work/b" doctor >/dev/null
echo "liar-roundtrip: 12836 statements imported in $(( (end - start) / 1000000 )) ms; export -> import -> export identical; doctor healthy"
