#!/usr/bin/env bash
# Whether a change leaves the output byte-identical: runs two builds of
# `sanctions-extract extract` over the same inputs and diffs their JSONL.
#
#   scripts/compare_output.sh BASE_BIN [NEW_BIN]
#
# BASE_BIN is a release binary built before the change (copy
# target/release/sanctions-extract aside first); NEW_BIN defaults to this
# tree's release build. Inputs: the shipped corpus, ../shared/dev2 and
# ../shared/dev (when present), and a generated 20 MB text dump and 4 MB HTML
# dump (scripts/make_dump.py, kept in $BENCH_DIR, default
# /tmp/sanctions-bench). Prints one line per input and exits 1 when any
# differs, naming the first differing record.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: scripts/compare_output.sh BASE_BIN [NEW_BIN]}
new=${2:-}
if [ -z "$new" ]; then
    cargo build --release --locked --quiet
    new=target/release/sanctions-extract
fi
dir=${BENCH_DIR:-/tmp/sanctions-bench}
mkdir -p "$dir"
shared=${SANCTIONS_SHARED:-../shared}
[ -s "$dir/text-20.jsonl" ] || python3 scripts/make_dump.py text 20 "$dir/text-20.jsonl" >&2
[ -s "$dir/html-4.jsonl" ] || python3 scripts/make_dump.py html 4 "$dir/html-4.jsonl" >&2 || true
inputs=(corpus/articles "$dir/text-20.jsonl")
[ -s "$dir/html-4.jsonl" ] && inputs+=("$dir/html-4.jsonl")
for f in "$shared"/dev2/batch-*/articles.jsonl "$shared"/dev/articles.jsonl; do
    [ -s "$f" ] && inputs+=("$f")
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for input in "${inputs[@]}"; do
    rm -f "$work/a.jsonl" "$work/b.jsonl"
    rc_a=0 rc_b=0
    "$base" extract "$input" --jsonl "$work/a.jsonl" -q || rc_a=$?
    "$new" extract "$input" --jsonl "$work/b.jsonl" -q || rc_b=$?
    if [ "$rc_a" = "$rc_b" ] && cmp -s "$work/a.jsonl" "$work/b.jsonl"; then
        echo "same     $input ($(wc -l <"$work/a.jsonl") records)"
    else
        status=1
        line=$(cmp "$work/a.jsonl" "$work/b.jsonl" | sed -n 's/.*line \([0-9]*\).*/\1/p')
        echo "DIFFERS  $input (first at record ${line:-?}; exit $rc_a vs $rc_b)"
    fi
done
exit $status
