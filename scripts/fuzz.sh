#!/usr/bin/env bash
# Runs the fuzz targets (fuzz/fuzz_targets) with libFuzzer, seeded with the
# shipped corpus, and prints how many inputs each one executed.
#
#   scripts/fuzz.sh [RUNS] [TARGET...]
#
# RUNS (default 5000000) is the number of executions per target (libFuzzer's
# -runs); FUZZ_SECONDS, when set, also caps each target's time. Targets, by
# default every one:
#   stage_clean       normalize::clean alone
#   stage_html        normalize::html::extract alone
#   stage_extractors  one extractor per input (numeral, money, count, date,
#                     entity, official), chosen by the first byte
#   stage_assemble    extract::all then assemble::events
#   process_text, process_html, jsonl_line
#                     the whole pipeline (slower: hundreds of executions per
#                     second on real pages, not millions in a day)
# The stage targets take inputs of at most 1024 bytes (stage_clean) or 256
# (the others; FUZZ_MAX_LEN sets them all), seeded with the corpus's articles
# cut at line or sentence ends into pieces that long: one or two sentences,
# what a rule reads. Rates measured and runs made: docs/faults.md. Run it
# under `nice -n 19` on a shared machine, one target at a time.
#
# How it builds: on the stable toolchain, without cargo-fuzz. libfuzzer-sys
# compiles libFuzzer itself (with the system's C++ compiler) and links it as
# `main`; the code is instrumented for coverage by the same rustc flags
# cargo-fuzz passes (`-Cpasses=sancov-module` with inline 8-bit counters, PC
# table and compare tracing), plus debug assertions and overflow checks, in
# the library and the targets only (scripts/fuzz-rustc.sh; FUZZ_INSTRUMENT_ALL=1
# instruments every crate, as cargo-fuzz does: perf showed compare tracing in
# regex and aho-corasick taking half of each stage_assemble execution then);
# `--cfg fuzzing` everywhere; no sanitizer (ASan needs nightly; the targets
# are safe Rust, so it would only catch bugs in the C libraries). A crash
# leaves its input under fuzz/artifacts/TARGET/: turn it into a regression
# test (a unit test in the module concerned) before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5000000}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(stage_clean stage_html stage_extractors stage_assemble process_text process_html jsonl_line)
# Inputs of at most this many bytes per stage target (FUZZ_MAX_LEN overrides
# them all): long enough for a few sentences (what one rule reads), short
# enough for thousands of executions per second on one core.
stage_len() {
    if [ -n "${FUZZ_MAX_LEN:-}" ]; then echo "$FUZZ_MAX_LEN"; return; fi
    case $1 in
        stage_clean) echo 1024 ;;
        stage_html) echo 256 ;;
        stage_extractors) echo 256 ;;
        stage_assemble) echo 256 ;;
        *) echo 65536 ;;
    esac
}
triple=$(rustc -vV | sed -n 's/^host: //p')

instrument="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks"
if [ -n "${FUZZ_INSTRUMENT_ALL:-}" ]; then
    # Every crate instrumented, as cargo-fuzz does (about half as fast).
    export RUSTFLAGS="--cfg fuzzing $instrument"
    export CARGO_TARGET_DIR=${FUZZ_TARGET_DIR:-fuzz/target-all}
else
    # The library and the targets only (scripts/fuzz-rustc.sh says why).
    export RUSTFLAGS="--cfg fuzzing"
    export FUZZ_INSTRUMENT=$instrument
    export RUSTC_WRAPPER=$PWD/scripts/fuzz-rustc.sh
    # A target folder of its own: the flags differ from every other build's.
    export CARGO_TARGET_DIR=${FUZZ_TARGET_DIR:-fuzz/target}
fi
cargo build --release --locked --manifest-path fuzz/Cargo.toml --target "$triple" --bins
bin=$CARGO_TARGET_DIR/$triple/release

# Seeds: every corpus article's text (cut to max_len for the stage targets),
# every HTML page of the benchmark, every JSONL line.
seed() {
    local target=$1 dir=fuzz/corpus/$1
    mkdir -p "$dir"
    [ -n "$(ls -A "$dir")" ] && return
    case $target in
        stage_*|process_text)
            python3 - "$dir" "$target" "$(stage_len "$target")" <<'PY'
import json, pathlib, sys
out, target, max_len = pathlib.Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
texts = [p.read_text(encoding="utf-8") for p in pathlib.Path("corpus/articles").rglob("*.txt")]
for path in pathlib.Path("corpus/articles").rglob("*.jsonl"):
    texts += [json.loads(l).get("text") or "" for l in path.open(encoding="utf-8")]

def pieces(data, size):
    """The text cut into pieces of at most `size` bytes, at a line or
    sentence end where there is one: every sentence of the corpus is a seed."""
    while data:
        if len(data) <= size:
            yield data
            return
        cut = max(data.rfind(b"\n", 0, size), data.rfind(b". ", 0, size) + 1)
        cut = cut if cut > 0 else size
        yield data[:cut]
        data = data[cut:].lstrip()

# The HTML target's seeds are wrapped in markup: their text is cut shorter.
room = max_len - 1 - (80 if target == "stage_html" else 0)
for n, text in enumerate(t for t in texts if t):
    data = text.encode()
    parts = pieces(data, room) if target.startswith("stage_") else [data]
    for k, part in enumerate(parts):
        if target == "stage_extractors":
            for which in range(6):
                (out / f"{n}-{k}-{which}").write_bytes(bytes([which]) + part)
        elif target == "stage_html":
            (out / f"{n}-{k}.html").write_bytes(b"<html><body><article><p>" + part.replace(b"\n\n", b"</p><p>") + b"</p></article></body></html>")
        else:
            (out / f"{n}-{k}.txt").write_bytes(part)
PY
            ;;
        process_html)
            pages=${SANCTIONS_SHARED:-../shared}/peer-suites/article-extraction/html
            [ -d "$pages" ] || echo "fuzz.sh: $pages not found: process_html starts without the benchmark's pages" >&2
            for page in "$pages"/*.html.gz; do
                [ -e "$page" ] || continue
                gunzip -c "$page" | head -c 65536 >"$dir/$(basename "$page" .gz)" || true
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
    len=$(stage_len "$target")
    limit=(-runs="$runs")
    [ -n "${FUZZ_SECONDS:-}" ] && limit+=(-max_total_time="$FUZZ_SECONDS")
    echo "== $target: $runs runs${FUZZ_SECONDS:+ or $FUZZ_SECONDS s}, inputs up to $len bytes (log in $log)"
    mkdir -p "fuzz/artifacts/$target"
    started=$SECONDS
    "$bin/$target" "${limit[@]}" -max_len="$len" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="fuzz/artifacts/$target/" "fuzz/corpus/$target" >"$log" 2>&1 \
        || { echo "$target FAILED: see $log and fuzz/artifacts/$target/"; tail -40 "$log"; exit 1; }
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    echo "$target: $execs executions in $((SECONDS - started)) s ($rate per second), inputs up to $len bytes, no crash"
done
