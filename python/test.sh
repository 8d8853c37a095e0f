#!/usr/bin/env bash
# The Python package's tests: makes a virtual environment (PYTHON_VENV, default
# target/python-venv), installs the package into it with `pip install ./python`
# (maturin builds it with cargo; MATURIN_PEP517_ARGS="--profile NAME" picks
# another cargo profile than release) and pytest, then runs python/tests against
# the CLI binary `cargo build` makes. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
venv=$(realpath -m "${PYTHON_VENV:-$repo/target/python-venv}")
pytest_version=9.2.0

if ! "$venv/bin/python" -c "import pytest, sys; sys.exit(pytest.__version__ != '$pytest_version')" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "pytest==$pytest_version"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps ./python
cargo build --locked --quiet
cd python
SANCTIONS_EXTRACT_BIN="$repo/target/debug/sanctions-extract" "$venv/bin/python" -m pytest tests -q -p no:cacheprovider
