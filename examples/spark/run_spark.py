#!/usr/bin/env python3
"""Run sanctions-extract over a Spark cluster: the input is split over the
executors, each piece goes through the sanctions-extract binary, and the records
come back as JSONL (a folder of part files) or Parquet.

Two ways to split the input:

  --mode files (default)  the unit of work is a file (a page, a .txt with its
                          .meta.json, a WARC, a JSONL file). The files must be
                          readable at the same paths on every executor (a shared
                          file system). Records equal those of one
                          `sanctions-extract extract INPUT...` run from the same
                          folder.
  --mode lines            the unit of work is a line of JSONL dumps (.jsonl,
                          .ndjson, optionally .gz), read with Spark, so one large
                          dump spreads over many executors; any path Spark reads
                          (hdfs://, s3a://...) works for a single file. Records
                          equal those of one `sanctions-extract extract FILE...`
                          run: a line without an `id` is FILE:LINE as there.
                          Lines end in \\n, and the text is UTF-8 (Spark decodes
                          invalid bytes before the binary sees them).

The binary runs on the executors: give a path that exists on each of them, or
ship it with `spark-submit --files path/to/sanctions-extract` and pass its file
name to --binary.

Example (local, two cores):

  SPARK_LOCAL_IP=127.0.0.1 spark-submit --master 'local[2]' examples/spark/run_spark.py \\
      --binary target/release/sanctions-extract --output records corpus/articles
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

ARTICLE_EXTENSIONS = (".txt", ".html", ".htm", ".jsonl", ".ndjson", ".warc")
JSONL_EXTENSIONS = (".jsonl", ".ndjson")
COMPRESSIONS = (".gz", ".zst", ".zstd")
# What the binary takes for a blank JSONL line (Rust's is_ascii_whitespace).
ASCII_WHITESPACE = " \t\n\r\x0c"


def inner_name(name):
    """The file name without a compression extension, lower-cased."""
    lower = name.lower()
    for ext in COMPRESSIONS:
        if lower.endswith(ext):
            return lower[: -len(ext)]
    return lower


def is_article(name, extensions=ARTICLE_EXTENSIONS):
    return not name.lower().endswith(".meta.json") and inner_name(name).endswith(extensions)


def sidecar(path):
    """`NAME.meta.json` beside `NAME.txt` (or `NAME.txt.gz`...), else None."""
    name = os.path.basename(path)
    inner = inner_name(name)
    if not inner.endswith(".txt"):
        return None
    return os.path.join(os.path.dirname(path), name[: len(inner) - len(".txt")] + ".meta.json")


def walk(root, extensions):
    """Relative paths of the input files under a folder, hidden entries skipped."""
    found = []
    for folder, dirs, files in os.walk(root, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and is_article(name, extensions):
                found.append(os.path.relpath(os.path.join(folder, name), root))
    return found


def binary_path(binary):
    """The binary on this executor: the path given, or the file shipped with --files."""
    if not os.path.exists(binary):
        from pyspark import SparkFiles

        binary = SparkFiles.get(os.path.basename(binary))
    if not os.access(binary, os.X_OK):
        os.chmod(binary, 0o755)
    return binary


def run_binary(binary, inputs, extract_args, cwd, stdin=None):
    """Runs `extract INPUTS --jsonl -` and yields its records, as lines."""
    command = [binary_path(binary), "extract", *inputs, "--jsonl", "-", "--quiet", *extract_args]
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, cwd=cwd, stdin=stdin, stdout=subprocess.PIPE, stderr=errors)
        for line in process.stdout:
            yield line.decode("utf-8").rstrip("\n")
        # 1 means some article is an error record: the records say why.
        if process.wait() not in (0, 1):
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace")
            raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {message}")


def mirror(path):
    """Where an input path goes inside a task's scratch folder: the path as
    given when it is plainly relative, so the binary names it alike."""
    parts = os.path.normpath(path).split(os.sep)
    if os.path.isabs(path) or ".." in parts:
        return os.path.join("input", *[p for p in parts if p not in ("", "..")])
    return os.path.normpath(path)


def extract_files(binary, extract_args):
    """A task of files mode: links its files, with their sidecars, into a
    scratch folder laid out as the inputs are, and runs the binary over it."""

    def task(units):
        units = list(units)
        if not units:
            return
        with tempfile.TemporaryDirectory(prefix="sanctions-extract-") as scratch:
            roots = []
            for root, rel in units:
                target = os.path.join(root, rel) if rel else root
                link = os.path.join(scratch, mirror(root), rel) if rel else os.path.join(scratch, mirror(root))
                os.makedirs(os.path.dirname(link), exist_ok=True)
                os.symlink(os.path.abspath(target), link)
                meta = sidecar(target)
                if meta and os.path.exists(meta):
                    os.symlink(os.path.abspath(meta), sidecar(link))
                if root not in roots:
                    roots.append(root)
            for root in roots:
                shown = mirror(root)
                for line in run_binary(binary, [shown], extract_args, scratch):
                    if shown == root:
                        yield line
                    else:
                        yield rename_path(json.loads(line), shown, root)

    return task


def rename_path(record, shown, root):
    """A record of a mirrored input, with the input's own path in it."""
    source = record.get("source") or {}
    if (source.get("path") or "").startswith(shown):
        source["path"] = root + source["path"][len(shown) :]
    detail = record.get("status_detail") or ""
    if detail.startswith(shown):
        record["status_detail"] = root + detail[len(shown) :]
    return json.dumps(record, ensure_ascii=False)


def extract_lines(binary, extract_args):
    """A task of lines mode: its lines go to the binary on standard input, and
    what the binary names after standard input is named after the file."""

    def task(lines):
        keys = []
        with tempfile.TemporaryFile() as stdin:
            for shown, rel, number, text in lines:
                if all(c in ASCII_WHITESPACE for c in text):
                    continue
                keys.append((shown, rel, number))
                stdin.write(text.encode("utf-8") + b"\n")
            stdin.seek(0)
            records = run_binary(binary, ["-"], extract_args, None, stdin)
            for k, (line, (shown, rel, number)) in enumerate(zip(records, keys), start=1):
                record = json.loads(line)
                changed = False
                if record.get("doc_id") == f"stdin:{k}":
                    record["doc_id"] = f"{rel}:{number}"
                    changed = True
                source = record.get("source") or {}
                if source.get("path") == "-":
                    source["path"] = shown
                    changed = True
                detail = record.get("status_detail") or ""
                if detail.startswith(f"-:{k}: "):
                    record["status_detail"] = f"{shown}:{number}: " + detail[len(f"-:{k}: ") :]
                    changed = True
                yield json.dumps(record, ensure_ascii=False) if changed else line

    return task


def file_units(inputs):
    """(root, relative path) of every input file; a named file is (path, "")."""
    units = []
    for root in inputs:
        if os.path.isdir(root):
            units.extend((root, rel) for rel in walk(root, ARTICLE_EXTENSIONS))
        else:
            units.append((root, ""))
    return units


def line_records(spark, inputs, partitions):
    """The lines of the JSONL inputs, each with its file and line number."""
    sc = spark.sparkContext
    files = []
    for root in inputs:
        if os.path.isdir(root):
            files.extend((os.path.join(root, rel), rel) for rel in walk(root, JSONL_EXTENSIONS))
        else:
            files.append((root, root.rstrip("/").rsplit("/", 1)[-1]))
    rdds = []
    for shown, rel in files:
        lines = sc.textFile(shown, minPartitions=partitions).zipWithIndex()
        rdds.append(lines.map(lambda pair, s=shown, r=rel: (s, r, pair[1] + 1, pair[0])))
    if not rdds:
        return sc.emptyRDD()
    lines = sc.union(rdds)
    # A gzip file is read as one partition: spread its lines (each keeps its
    # file and number, so the order of a task's lines does not matter).
    if lines.getNumPartitions() < partitions:
        lines = lines.repartition(partitions)
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders, as for `extract`")
    parser.add_argument("--binary", required=True, help="the sanctions-extract binary (path, or name shipped with --files)")
    parser.add_argument("--output", required=True, help="folder to write the records to")
    parser.add_argument("--mode", choices=("files", "lines"), default="files", help="split by file or by JSONL line")
    parser.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl", help="output format")
    parser.add_argument("--partitions", type=int, default=None, help="tasks to split the input into")
    parser.add_argument(
        "--extract-args", default="", help="more arguments for `extract`, as one string: '--emit-text'"
    )
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("sanctions-extract").getOrCreate()
    sc = spark.sparkContext
    partitions = args.partitions or sc.defaultParallelism
    extract_args = shlex.split(args.extract_args)
    if args.mode == "files":
        units = file_units(args.inputs)
        records = sc.parallelize(units, max(1, min(partitions, len(units)))).mapPartitions(
            extract_files(args.binary, extract_args)
        )
    else:
        records = line_records(spark, args.inputs, partitions).mapPartitions(extract_lines(args.binary, extract_args))

    if args.format == "jsonl":
        records.saveAsTextFile(args.output)
    else:
        spark.read.json(records).write.parquet(args.output)
    spark.stop()


if __name__ == "__main__":
    sys.exit(main())
