#!/bin/sh
# rustc wrapper of scripts/fuzz.sh (RUSTC_WRAPPER): the coverage
# instrumentation, compare tracing, debug assertions and overflow checks go
# to the crates under test only (the library and the fuzz targets), not to
# the dependencies. Compare tracing inside regex and aho-corasick took half
# of every execution while telling libFuzzer nothing about this project's
# code; the dependencies still run, so a panic in them is still a crash.
rustc=$1
shift
case " $* " in
*" --crate-name sanctions_extract "* | *" --crate-name stage_"* | *" --crate-name process_"* | *" --crate-name jsonl_line "*)
    # shellcheck disable=SC2086 # the flags are words
    exec "$rustc" "$@" $FUZZ_INSTRUMENT
    ;;
esac
exec "$rustc" "$@"
