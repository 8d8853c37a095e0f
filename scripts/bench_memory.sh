#!/usr/bin/env bash
# Peak resident memory for one huge article: a single line of plain text of
# 1, 10, 20 and 64 MB (the default --max-article-bytes is 64 MiB, 67.1 MB),
# made from the corpus's English articles, run through the release binary on
# 1 and 2 threads (`extract FILE.txt --jsonl OUT`, peak from /usr/bin/time -v).
# Prints the peak beside the bound of issue #24: 100 MB + 4 x the article.
#
#   scripts/bench_memory.sh [SIZES_MB...]      (default: 1 10 20 64)
#
# BIN=path/to/sanctions-extract measures another binary (an older build, say);
# articles are kept in $BENCH_DIR (default /tmp/sanctions-bench) and reused.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1 10 20 64)
dir=${BENCH_DIR:-/tmp/sanctions-bench}
mkdir -p "$dir"
if [ -z "${BIN:-}" ]; then
    cargo build --release --locked --quiet
    BIN=target/release/sanctions-extract
fi

article() { # size_mb path: one line, no newline inside, of the corpus's texts
    [ -s "$2" ] && return
    python3 - "$1" "$2" <<'PY'
import json, pathlib, sys
size, out = int(sys.argv[1]) * 1_000_000, sys.argv[2]
texts = []
for path in sorted(pathlib.Path("corpus/articles").rglob("*")):
    if path.suffix == ".txt":
        texts.append(path.read_text(encoding="utf-8"))
    elif path.suffix == ".jsonl":
        texts += [json.loads(l).get("text") or "" for l in path.open(encoding="utf-8")]
one = " ".join(" ".join(t.split()) for t in texts if t) + " "
data = (one * (size // len(one.encode()) + 1)).encode()[:size]
data = data.decode("utf-8", "ignore").rstrip() + "\n"
pathlib.Path(out).write_text(data, encoding="utf-8")
PY
}

echo "size MB  threads  peak MB  bound MB  seconds  status"
for size in "${sizes[@]}"; do
    input="$dir/one-line-${size}mb.txt"
    article "$size" "$input"
    mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)" "$input")
    for threads in 1 2; do
        log="$dir/memory.log"
        /usr/bin/time -v "$BIN" extract "$input" --jsonl "$dir/memory-out.jsonl" --threads "$threads" --quiet 2>"$log" || true
        python3 - "$mb" "$threads" "$log" "$dir/memory-out.jsonl" <<'PY'
import json, re, sys
mb, threads, log, out = float(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
text = open(log).read()
peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024 * 1.048576
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
seconds = sum(float(p) * 60 ** i for i, p in enumerate(reversed(wall.split(":"))))
try:
    record = json.loads(open(out).readline())
    status = record["status"] + (f" ({record['status_detail']})" if record.get("status_detail") else "") + f", {len(record['events'])} events"
except Exception as e:
    status = f"no record ({e})"
bound = 100 + 4 * mb
print(f"{mb:>7.0f} {threads:>8} {peak:>8.0f} {bound:>9.0f} {seconds:>8.1f}  {status}{'' if peak <= bound else '  OVER'}")
PY
    done
done
rm -f "$dir/memory-out.jsonl"
