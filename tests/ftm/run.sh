#!/usr/bin/env bash
# The FtM output against the followthemoney library (check_ftm.py): installs
# the package in a virtual environment (FTM_VENV, default target/ftm-venv) and
# uses the binary `cargo build` makes. Real articles come from the shared data
# folder ($SANCTIONS_SHARED, default ../shared) when it is there; under CI
# (`CI` set) it must be.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
venv=${FTM_VENV:-$repo/target/ftm-venv}
# The model the output is checked against: docs/ftm.md names this version.
ftm_version=4.11.2

if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('followthemoney') != '$ftm_version')" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "followthemoney==$ftm_version"
fi
cargo build --locked --quiet
work=$(mktemp -d "${TMPDIR:-/tmp}/sanctions-ftm.XXXXXX")
trap 'rm -rf "$work"' EXIT

shared=${SANCTIONS_SHARED:-$repo/../shared}
shared_args=()
if [ -f "$shared/dev/articles.jsonl" ] && [ -f "$shared/dev2/dev/articles.jsonl" ]; then
    shared_args=(--shared "$shared")
elif [ -n "${CI:-}" ]; then
    echo "$shared: the shared data folder is missing (set SANCTIONS_SHARED)"
    exit 1
else
    echo "SKIPPED the shared articles: $shared not found"
fi
"$venv/bin/python" tests/ftm/check_ftm.py \
    --binary "$repo/target/debug/sanctions-extract" \
    --repo "$repo" \
    --work "$work" \
    "${shared_args[@]}"
