#!/usr/bin/env bash
# Where the instructions go, per function, on a sample of a text dump.
#
#   scripts/callgrind.sh [DUMP] [LINES]
#
# Runs the release binary under `valgrind --tool=callgrind` over the first
# LINES (default 2000) articles of DUMP (default: a 20 MB dump generated with
# scripts/make_dump.py), once more over its first article alone, and prints the
# functions of this crate by inclusive instruction count with the second run
# subtracted (start-up: compiling regexes and lexicons). Instruction counts do
# not vary with the load of the machine, unlike timings: compare two builds by
# them, then confirm with scripts/bench.sh. Needs valgrind; takes about a
# minute for 2000 articles.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${BENCH_DIR:-/tmp/sanctions-bench}
mkdir -p "$dir"
dump=${1:-$dir/text-20.jsonl}
lines=${2:-2000}
[ -s "$dump" ] || python3 scripts/make_dump.py text 20 "$dump" >&2
# BIN=path/to/binary profiles another build (say, one built without LTO for
# quick iteration) instead of building the release binary.
if [ -z "${BIN:-}" ]; then cargo build --release --locked --quiet; fi
bin=${BIN:-target/release/sanctions-extract}

head -n "$lines" "$dump" > "$dir/sample.jsonl"
head -n 1 "$dump" > "$dir/one.jsonl"
profile() { # input output
    valgrind --tool=callgrind --callgrind-out-file="$2" "$bin" extract "$1" \
        --jsonl /dev/null --threads 1 --quiet 2>&1 | grep 'refs' >&2
}
profile "$dir/sample.jsonl" "$dir/callgrind.sample"
profile "$dir/one.jsonl" "$dir/callgrind.one"

python3 - "$dir/callgrind.sample" "$dir/callgrind.one" "$(stat -c %s "$dir/sample.jsonl")" <<'PY'
import re, sys

def inclusive(path):
    # Read from callgrind's own output rather than from callgrind_annotate's
    # inclusive rows: those come per `file:function`, and with inlining a
    # function's instructions and calls are split over rows for the files
    # inlined into it (and its own file twice, by a relative and an absolute
    # path), some rows counting others, so neither one row nor their sum is
    # its cost (`assemble` read 13 M of its 141 M). Here a function's cost is
    # the sum of its cost lines: its own instructions plus, after each
    # `calls=` line, the inclusive cost of that call. (A function calling
    # itself would be counted twice; none of this crate's hot ones do.)
    names, counts, fn = {}, {}, None
    with open(path) as f:
        for line in f:
            if line.startswith(("fn=", "cfn=")):
                m = re.match(r"c?fn=\((\d+)\)(?: (.*))?", line.rstrip("\n"))
                if m.group(2) is not None:
                    names[m.group(1)] = m.group(2)
                if line.startswith("fn="):
                    fn = names[m.group(1)]
            elif fn is not None and (line[:1].isdigit() or line[:1] in "+-*"):
                parts = line.split()
                if len(parts) > 1:
                    counts[fn] = counts.get(fn, 0) + int(parts[1])
    return counts

sample, one, size = inclusive(sys.argv[1]), inclusive(sys.argv[2]), int(sys.argv[3])
total = sample.get("sanctions_extract::pipeline::Pipeline::process", 0) - one.get(
    "sanctions_extract::pipeline::Pipeline::process", 0)
print(f"per-article work: {total / 1e6:.0f} M instructions, {total / size:.0f} per input byte")
rows = sorted(((sample[k] - one.get(k, 0), k) for k in sample if "sanctions_extract::" in k), reverse=True)
for count, name in rows[:40]:
    print(f"{count / 1e6:9.1f} M {100 * count / max(total, 1):5.1f}%  {name[:100]}")
PY
