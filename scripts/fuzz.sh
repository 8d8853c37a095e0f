#!/usr/bin/env bash
# Runs each cargo-fuzz target for a while, seeded with the shipped corpus,
# and prints how many inputs each one executed.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Defaults: 1800 seconds (30 minutes) for each of process_text, process_html
# and jsonl_line. Needs cargo-fuzz (`cargo install cargo-fuzz`); works on the
# stable toolchain with `--sanitizer none`. A crash leaves its input under
# fuzz/artifacts/TARGET/: turn it into a regression test before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-1800}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(process_text process_html jsonl_line)

# Seeds: every corpus article as text, every HTML page, every JSONL line.
seed() {
    local target=$1 dir=fuzz/corpus/$1
    mkdir -p "$dir"
    case $target in
        process_text)
            find corpus/articles -name '*.txt' -exec cp {} "$dir"/ \;
            python3 - "$dir" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
for path in pathlib.Path("corpus/articles").rglob("*.jsonl"):
    for n, line in enumerate(path.open(encoding="utf-8")):
        text = json.loads(line).get("text")
        if text:
            (out / f"{path.stem}-{n}.txt").write_text(text, encoding="utf-8")
PY
            ;;
        process_html)
            pages=${SANCTIONS_SHARED:-../shared}/peer-suites/article-extraction/html
            [ -d "$pages" ] || echo "fuzz.sh: $pages not found: process_html starts without the benchmark's pages" >&2
            for page in "$pages"/*.html.gz; do
                [ -e "$page" ] || continue
                name=$(basename "$page" .gz)
                gunzip -c "$page" | head -c 65536 >"$dir/$name" || true # head closes the pipe early
            done
            ;;
        jsonl_line)
            for dump in $(find corpus/articles -name '*.jsonl'); do
                split -l 1 -a 4 "$dump" "$dir/$(basename "$(dirname "$dump")")-"
            done
            ;;
    esac
}

for target in "${targets[@]}"; do
    seed "$target"
    log=fuzz/$target.log
    echo "== $target: $seconds s (log in $log)"
    cargo fuzz run "$target" --sanitizer none --release -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
        -print_final_stats=1 >"$log" 2>&1 || { echo "$target FAILED: see $log and fuzz/artifacts/$target/"; tail -40 "$log"; exit 1; }
    grep -E '^stat::number_of_executed_units|^Done' "$log" || tail -3 "$log"
done
