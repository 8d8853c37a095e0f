#!/usr/bin/env python3
"""Checks the Spark job against single-process runs: over the corpus in files
mode, over a JSONL dump of the corpus in lines mode and in module mode (the
Python module inside the tasks; with lines that have no id, a blank line and a
malformed one), and the Parquet output. The records of
each Spark run must equal those of one `sanctions-extract extract` run of the
same inputs, record for record (compared as JSON, sorted by doc_id). The three
runs name the binary each way --binary takes it: a relative path (files mode
runs it from a scratch folder), a file shipped with --files, an absolute path;
the last two replace an output folder with --overwrite.

Then the failures, each one clear line and no trace: a missing binary, an
existing output folder, --overwrite over an input (all found before Spark
starts, so run with plain python), and a binary that fails in a task, whose
standard error ends the message and whose leftover folder stops a rerun.

Run by test_spark.sh, which sets up Spark; prints `N passed, 0 failed`.
"""

import argparse
import glob
import gzip
import json
import os
import subprocess
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
JOB = os.path.join(REPO, "examples", "spark", "run_spark.py")
QUIET = [
    "--conf", "spark.ui.enabled=false",
    "--conf", "spark.ui.showConsoleProgress=false",
    "--conf", "spark.log.level=WARN",
]


def reference(binary, inputs, cwd, extra=()):
    """The records of one single-process run, by doc_id."""
    out = subprocess.run(
        [binary, "extract", *inputs, "--jsonl", "-", "--quiet", *extra], cwd=cwd, capture_output=True, check=False
    )
    assert out.returncode in (0, 1), out.stderr.decode()
    return by_id(out.stdout.decode().splitlines())


def by_id(lines):
    records = [json.loads(line) for line in lines if line.strip()]
    ids = [r["doc_id"] for r in records]
    assert len(ids) == len(set(ids)), f"doc_ids repeat: {sorted(i for i in ids if ids.count(i) > 1)}"
    return dict(sorted((r["doc_id"], r) for r in records))


def spark(spark_submit, args, cwd, submit_args=()):
    subprocess.run(
        [spark_submit, "--master", "local[2]", *QUIET, *submit_args, JOB, *args], cwd=cwd, check=True
    )


def fails(name, command, cwd, status, *wanted):
    """Runs a job that must fail with STATUS, its error in one line that
    holds every WANTED text (the last line for a failed task), and no trace."""
    # spark-submit sends what the script prints to stderr to its stdout.
    out = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    said = out.stdout
    errors = [line for line in said.splitlines() if line.startswith("run_spark.py: error: ")]
    assert out.returncode == status, f"{name}: status {out.returncode}, not {status}:\n{said}"
    assert len(errors) == 1, f"{name}: not one error line:\n{said}"
    for text in wanted:
        assert text in said[said.index(errors[0]) :], f"{name}: no {text!r} in:\n{said}"
    if status == 2:
        assert "Traceback" not in said and "at org.apache" not in said, f"{name}:\n{said}"
    print(f"ok: {name}: {errors[0]}")


def stale(folder):
    """An output folder as a failed run leaves it, with a file to be replaced."""
    os.makedirs(folder)
    with open(os.path.join(folder, "part-00099"), "w") as f:
        f.write("not a record\n")


def spark_records(folder):
    lines = []
    for part in sorted(glob.glob(os.path.join(folder, "part-*"))):
        with open(part, encoding="utf-8") as f:
            lines.extend(f.read().splitlines())
    return by_id(lines)


def same(name, got, expected):
    assert len(expected) > 0, f"{name}: the reference run wrote no record"
    missing = sorted(set(expected) - set(got))
    extra = sorted(set(got) - set(expected))
    assert not missing and not extra, f"{name}: missing {missing}, extra {extra}"
    for doc_id, record in expected.items():
        assert got[doc_id] == record, f"{name}: {doc_id} differs:\n{got[doc_id]}\n{record}"
    print(f"ok: {name}: {len(got)} records equal those of one process")


def without_nulls(value):
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def corpus_dump(path):
    """One JSONL of the corpus: the seeds as objects, the dumps' lines as they
    are, then a line without id, a blank line and a malformed one."""
    articles = os.path.join(REPO, "corpus", "articles")
    lines = []
    for txt in sorted(glob.glob(os.path.join(articles, "seeds", "*.txt"))):
        with open(txt[: -len(".txt")] + ".meta.json", encoding="utf-8") as f:
            meta = json.load(f)
        with open(txt, encoding="utf-8") as f:
            meta["text"] = f.read()
        lines.append(json.dumps(meta, ensure_ascii=False))
    for dump in sorted(glob.glob(os.path.join(articles, "*", "*.jsonl"))):
        with open(dump, encoding="utf-8") as f:
            lines.extend(line.rstrip("\n") for line in f if line.strip())
    lines.append(json.dumps({"title": "No id", "published": "2024-02-23", "text": lines and json.loads(lines[0])["text"]}))
    lines.append("")
    lines.append('{"id": "broken", "text": ')
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return len(lines) - 1


def failures(args):
    """The job's errors; returns how many checks passed."""
    plain = [sys.executable, JOB]
    submit = [args.spark_submit, "--master", "local[1]", *QUIET, JOB]
    files = os.path.join(args.work, "files")
    fresh = os.path.join(args.work, "fresh")
    missing = os.path.join("target", "release", "no-such-binary")
    fails(
        "missing binary", [*plain, "--binary", missing, "--output", fresh, "corpus/articles"], REPO, 2,
        f"--binary {missing}: no such file (looked in {REPO})", "cargo build --release",
    )
    fails(
        "binary not executable", [*plain, "--binary", "README.md", "--output", fresh, "corpus/articles"], REPO, 2,
        "README.md is not executable",
    )
    fails(
        "existing output", [*plain, "--binary", args.binary, "--output", files, "corpus/articles"], REPO, 2,
        f"--output {files}: {files} already exists (the records of an earlier run)", "--overwrite",
    )
    fails(
        "module mode with a flag it has not", [*plain, "--mode", "module", "--output", fresh,
                                               "--extract-args=--db x.sqlite", "corpus/articles"], REPO, 2,
        "--extract-args --db x.sqlite: not for --mode module",
    )
    fails(
        "--overwrite over an input",
        [*plain, "--binary", args.binary, "--output", "corpus", "--overwrite", "corpus/articles"], REPO, 2,
        "--overwrite would delete the input corpus/articles",
    )
    # A binary that fails in a task (the one spark-submit here): its own error
    # ends the message, and the folder the failed job leaves stops a rerun.
    seed = sorted(glob.glob(os.path.join(REPO, "corpus", "articles", "seeds", "*.txt")))[0]
    failing = ["--binary", args.binary, "--output", fresh, "--extract-args=--no-such-flag", seed]
    fails(
        "failing binary", [*submit, *failing], REPO, 1,
        "a task failed: ", "exited with status 2", "its standard error:", "unexpected argument",
    )
    assert os.path.isdir(fresh), "the failed job left its output folder"
    fails("rerun after a failure", [*plain, *failing], REPO, 2, "perhaps left by a run that failed", "--overwrite")
    return 7


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--spark-submit", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    passed = 0

    # Files mode over the corpus folder, as the README runs it: with the binary's
    # path relative to the current folder, which the tasks' scratch folders are not.
    out = os.path.join(args.work, "files")
    relative = os.path.relpath(args.binary, REPO)
    assert not relative.startswith(".."), relative
    spark(args.spark_submit, ["--binary", relative, "--output", out, "--partitions", "4", "corpus/articles"], REPO)
    same("files mode", spark_records(out), reference(args.binary, ["corpus/articles"], REPO))
    passed += 1

    # Lines mode over one dump, in several tasks, with the clean text.
    dump_dir = os.path.join(args.work, "dump")
    os.makedirs(dump_dir)
    articles = corpus_dump(os.path.join(dump_dir, "corpus.jsonl"))
    # The binary shipped with --files, as the README's cluster example; the
    # output folder a failed run left is replaced.
    out = os.path.join(args.work, "lines")
    stale(out)
    spark(
        args.spark_submit,
        ["--binary", os.path.basename(args.binary), "--output", out, "--overwrite", "--mode", "lines",
         "--partitions", "3", "--extract-args=--emit-text", "corpus.jsonl"],
        dump_dir,
        ["--files", args.binary],
    )
    expected = reference(args.binary, ["corpus.jsonl"], dump_dir, ["--emit-text"])
    assert len(expected) == articles, (len(expected), articles)
    assert f"corpus.jsonl:{articles - 1}" in expected, "the line without id is named after its line"
    assert expected[f"corpus.jsonl:{articles + 1}"]["status"] == "error", "the malformed line is an error record"
    same("lines mode", spark_records(out), expected)
    assert not os.path.exists(os.path.join(out, "part-00099")), "--overwrite replaced the folder"
    passed += 1

    # Module mode: the same lines through the Python module inside the tasks,
    # one worker thread each, with the clean text.
    out = os.path.join(args.work, "module")
    spark(
        args.spark_submit,
        ["--mode", "module", "--output", out, "--partitions", "3", "--extract-args=--emit-text -j 1", "corpus.jsonl"],
        dump_dir,
    )
    same("module mode", spark_records(out), expected)
    passed += 1

    # Parquet: the same records, as rows; from a gzip file, which Spark reads
    # as one partition and the job spreads over five tasks.
    out = os.path.join(args.work, "parquet")
    stale(out)
    with open(os.path.join(dump_dir, "corpus.jsonl"), "rb") as f, gzip.open(
        os.path.join(dump_dir, "corpus.jsonl.gz"), "wb"
    ) as gz:
        gz.write(f.read())
    spark(
        args.spark_submit,
        ["--binary", args.binary, "--output", out, "--overwrite", "--mode", "lines", "--format", "parquet",
         "--partitions", "5", "corpus.jsonl.gz"],
        dump_dir,
    )
    parts = glob.glob(os.path.join(out, "part-*.parquet"))
    assert len(parts) >= 2, f"the gzip file's lines were spread over tasks: {parts}"
    assert not os.path.exists(os.path.join(out, "part-00099")), "--overwrite replaced the folder"
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[1]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.log.level", "WARN")
        .getOrCreate()
    )
    rows = [row.asDict(recursive=True) for row in session.read.parquet(out).collect()]
    # The check for outputs the driver cannot see (hdfs://, s3a://), through
    # Spark's file system; here over the local one.
    sys.dont_write_bytecode = True
    sys.path.insert(0, os.path.dirname(JOB))
    import run_spark

    try:
        run_spark.check_output(session, "file://" + out, False)
        raise AssertionError("check_output let an existing output pass")
    except run_spark.Unusable as e:
        assert f"{out} already exists (the records of an earlier run)" in str(e), e
    # Module mode's check, on a driver without the module.
    module, sys.modules["sanctions_extract"] = sys.modules.get("sanctions_extract"), None
    try:
        run_spark.check_module()
        raise AssertionError("check_module let a missing module pass")
    except run_spark.Unusable as e:
        assert "cannot import the Python module sanctions_extract" in str(e) and "pip install ./python" in str(e), e
    finally:
        sys.modules.pop("sanctions_extract")
        if module is not None:
            sys.modules["sanctions_extract"] = module
    session.stop()
    expected = reference(args.binary, ["corpus.jsonl.gz"], dump_dir)
    got = {row["doc_id"]: row for row in rows}
    assert len(got) == len(rows) and sorted(got) == sorted(expected), "Parquet holds one row per record"
    # Parquet has a column for every field any record has: absent ones are null.
    for doc_id, record in expected.items():
        assert without_nulls(got[doc_id]) == without_nulls(record), f"parquet: {doc_id} differs"
    print(f"ok: parquet: {len(rows)} rows equal the records of one process; the folder exists for Spark")
    passed += 1

    passed += failures(args)

    print(f"{passed} passed, 0 failed")


if __name__ == "__main__":
    sys.exit(main())
