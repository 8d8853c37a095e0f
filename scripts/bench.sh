#!/usr/bin/env bash
# Throughput and memory of the release binary on generated dumps.
#
#   scripts/bench.sh [SIZE_MB] [--keep]
#
# Generates, from the shipped corpus, a plain-text JSONL dump of SIZE_MB
# (default 500) and one twice as large, and an HTML JSONL dump of SIZE_MB / 5
# (scripts/make_dump.py: distinct ids, dates and paragraph orders), then runs
# `sanctions-extract extract DUMP --jsonl OUT` at 1 and 2 threads and prints
# MB/s, articles/s and peak resident memory (/usr/bin/time -v). Output goes to
# a JSONL file in the work folder, so writing is measured too. Dumps are kept
# in $BENCH_DIR (default /tmp/sanctions-bench) and reused when present.
set -euo pipefail
cd "$(dirname "$0")/.."

size=${1:-500}
dir=${BENCH_DIR:-/tmp/sanctions-bench}
mkdir -p "$dir"
cargo build --release --locked --quiet
bin=target/release/sanctions-extract

dump() { # kind size path
    [ -s "$3" ] || python3 scripts/make_dump.py "$1" "$2" "$3" >&2
}
text="$dir/text-${size}.jsonl"
text2="$dir/text-$((size * 2)).jsonl"
html_size=$((size / 5))
html="$dir/html-${html_size}.jsonl"
dump text "$size" "$text"
dump text "$((size * 2))" "$text2"
dump html "$html_size" "$html"

run() { # label input threads
    local log="$dir/run.log" out="$dir/out.jsonl"
    /usr/bin/time -v "$bin" extract "$2" --jsonl "$out" --threads "$3" 2>"$log" >/dev/null
    python3 - "$1" "$2" "$3" "$log" <<'PY'
import os, re, sys
label, path, threads, log = sys.argv[1:]
text = open(log).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
seconds = sum(float(p) * 60 ** i for i, p in enumerate(reversed(wall.split(":"))))
cpu = float(re.search(r"User time \(seconds\): (\S+)", text).group(1)) + float(re.search(r"System time \(seconds\): (\S+)", text).group(1))
peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
articles = int(re.search(r"(\d+) articles? read", text).group(1))
mb = os.path.getsize(path) / 1e6
print(f"{label:<6} {threads:>7} {mb:>8.0f} {articles:>9} {seconds:>8.1f} {mb / seconds:>7.1f} {articles / seconds:>10.0f} {mb / cpu:>10.1f} {peak:>8.0f}")
PY
}

echo "input  threads       MB  articles        s    MB/s  articles/s  MB/cpu-s  peak MB"
run text "$text" 1
run text "$text" 2
run text "$text2" 1
run text "$text2" 2
run html "$html" 1
run html "$html" 2
[ "${2:-}" = "--keep" ] || rm -f "$dir/out.jsonl"
