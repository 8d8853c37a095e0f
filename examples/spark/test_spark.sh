#!/usr/bin/env bash
# The Spark job in local[2] mode against single-process runs (test_spark.py).
# Installs PySpark in a virtual environment (SPARK_VENV, default
# target/spark-venv), and the Python module for module mode when the
# environment lacks it (`pip install ./python`: .ci/run passes python/test.sh's
# environment, which has it), and uses the binary `cargo build` makes. Needs
# Java 17+.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
venv=$(realpath -m "${SPARK_VENV:-$repo/target/spark-venv}")
pyspark_version=4.3.0

if ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$pyspark_version')" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "pyspark==$pyspark_version"
fi
if ! "$venv/bin/python" -c "import sanctions_extract" 2>/dev/null; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check ./python
fi
cargo build --locked --quiet
work=$(mktemp -d "${TMPDIR:-/tmp}/sanctions-spark.XXXXXX")
trap 'rm -rf "$work"' EXIT

export SPARK_LOCAL_IP=127.0.0.1
export PYSPARK_PYTHON="$venv/bin/python"
"$venv/bin/python" examples/spark/test_spark.py \
    --binary "$repo/target/debug/sanctions-extract" \
    --spark-submit "$venv/bin/spark-submit" \
    --work "$work"
