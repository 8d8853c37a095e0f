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
  --mode module           as lines, but each task runs the lines through the
                          Python module sanctions_extract (`pip install ./python`
                          in the executors' Python) inside the task's own
                          process, instead of piping them through the binary;
                          no --binary. --extract-args takes --emit-text,
                          --threads/-j and --max-article-bytes.

The binary runs on the executors. --binary is either a path the driver sees
(a relative one is taken from the driver's current folder and made absolute, so
it must then exist at that absolute path on every executor: local mode, a
shared file system), or the file name of a binary shipped with
`spark-submit --files path/to/sanctions-extract`. The driver checks the binary
before Spark starts and stops with one line (status 2) when it is missing or
not executable.

--output must not exist: a folder left by an earlier run (one that failed
leaves an empty one) stops the job before it starts, unless --overwrite is
given, which replaces it. When the binary fails in a task, its standard error
ends the job's message (status 1).

Example (local, two cores):

  SPARK_LOCAL_IP=127.0.0.1 spark-submit --master 'local[2]' examples/spark/run_spark.py \\
      --binary target/release/sanctions-extract --output records corpus/articles
"""

import argparse
import json
import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile
import urllib.parse

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


class Unusable(Exception):
    """An argument the job cannot run with, found before any task runs: one
    line for the user, exit status 2."""


# What a task's error message starts with: the rest is JSON, so the driver
# can find it in the Java exception that reports the failed job.
TASK_ERROR = "run_spark task error: "


def task_error(message):
    return RuntimeError(TASK_ERROR + json.dumps(message))


def shipped_files():
    """The names under which tasks see the files spark-submit ships with
    --files (spark.files; spark.yarn.dist.files on YARN). They are read from
    spark-submit's JVM, which runs before this script does, so no session
    starts; a plain `python run_spark.py` ships nothing."""
    if "PYSPARK_GATEWAY_PORT" not in os.environ and "PYSPARK_SUBMIT_ARGS" not in os.environ:
        return set()
    from pyspark import SparkConf, SparkContext

    SparkContext._ensure_initialized()
    conf = SparkConf()
    names = set()
    for key in ("spark.files", "spark.yarn.dist.files"):
        for entry in (conf.get(key) or "").split(","):
            if entry.strip():
                uri = urllib.parse.urlparse(entry.strip())
                names.add(uri.fragment or os.path.basename(uri.path.rstrip("/")))
    return names


def resolve_binary(given, shipped=shipped_files):
    """Where the tasks look for the binary: (absolute path, name given).

    A bare name shipped with --files is each executor's own copy (path None):
    SparkFiles, or the container's folder on YARN. Anything else must exist on
    the driver and is made absolute, since a task of files mode runs the binary
    from a scratch folder. Raises Unusable when the driver can tell that the
    binary cannot run."""
    names = shipped() if os.path.basename(given) == given else set()
    if given in names:
        return None, given
    path = os.path.abspath(given)
    if not os.path.exists(path):
        where = f"looked in {os.getcwd()}" if not os.path.isabs(given) else "on the driver"
        if names:
            where += f", and among the files shipped with --files: {', '.join(sorted(names))}"
        raise Unusable(
            f"--binary {given}: no such file ({where}); build it with `cargo build --release`, "
            "give a path that exists on the driver and every executor, "
            "or ship it with spark-submit --files and give its file name"
        )
    if os.path.isdir(path):
        raise Unusable(f"--binary {given}: {path} is a folder, not the sanctions-extract binary")
    if not os.access(path, os.X_OK):
        raise Unusable(f"--binary {given}: {path} is not executable (chmod +x it)")
    return path, given


def binary_path(binary):
    """The binary on this executor: the driver's absolute path, else the copy
    shipped with --files (SparkFiles, or the task's folder on YARN)."""
    path, given = binary
    tried = [path] if path else []
    if not path or not os.path.exists(path):
        from pyspark import SparkFiles

        tried += [SparkFiles.get(os.path.basename(given)), os.path.abspath(given)]
    for candidate in tried:
        if os.path.isfile(candidate):
            # A shipped copy may have lost its executable bit on the way.
            if candidate != path and not os.access(candidate, os.X_OK):
                os.chmod(candidate, 0o755)
            return candidate
    raise task_error(f"--binary {given}: no such file on executor {socket.gethostname()} (tried {', '.join(tried)})")


def run_binary(binary, inputs, extract_args, cwd, stdin=None):
    """Runs `extract INPUTS --jsonl -` and yields its records, as lines."""
    command = [binary_path(binary), "extract", *inputs, "--jsonl", "-", "--quiet", *extract_args]
    shown = " ".join(shlex.quote(word) for word in command)
    with tempfile.TemporaryFile() as errors:
        try:
            process = subprocess.Popen(command, cwd=cwd, stdin=stdin, stdout=subprocess.PIPE, stderr=errors)
        except OSError as e:
            raise task_error(f"`{shown}` did not start on {socket.gethostname()}: {e.strerror}") from None
        for line in process.stdout:
            yield line.decode("utf-8").rstrip("\n")
        # 1 means some article is an error record: the records say why.
        if process.wait() not in (0, 1):
            errors.seek(0)
            lines = errors.read().decode("utf-8", "replace").splitlines()[-20:]
            said = "".join(f"\n    {line}" for line in lines) if lines else " (nothing)"
            ended = f"exited with status {process.returncode}"
            if process.returncode < 0:
                ended = f"was killed by signal {-process.returncode}"
            raise task_error(f"`{shown}` {ended} on {socket.gethostname()}; its standard error:{said}")


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
            for k, (line, key) in enumerate(zip(records, keys), start=1):
                yield named_after_file(line, "stdin", "-", k, key)

    return task


def extract_module(options):
    """A task of module mode: its lines go through the Python module in this
    process (Pipeline.map, records as the CLI's JSONL lines), and what the
    module names after its stream is named after the file."""

    def task(lines):
        import collections

        import sanctions_extract

        keys = collections.deque()

        def texts():
            for shown, rel, number, text in lines:
                if not all(c in ASCII_WHITESPACE for c in text):
                    keys.append((shown, rel, number))
                    yield text

        pipeline = sanctions_extract.Pipeline(
            options.threads, emit_text=options.emit_text, max_article_bytes=options.max_article_bytes
        )
        # The module takes items ahead of the records it gives, in order: a
        # record's key is always queued by then.
        records = pipeline.map(texts(), name=MODULE_STREAM, as_json=True)
        for k, line in enumerate(records, start=1):
            yield named_after_file(line, MODULE_STREAM, MODULE_STREAM, k, keys.popleft())

    return task


# What module mode names its stream of lines, as the binary names standard
# input `stdin` (and `-` in source.path).
MODULE_STREAM = "stdin"


def named_after_file(line, stream, path, k, key):
    """The record (a JSONL line) of the k-th line of a stream that the binary
    or the module read as `stream` (ids `STREAM:K`, details `STREAM:K: ...`,
    `path` in source.path), named after the line's own file and number
    instead, as one run over the file names it."""
    shown, rel, number = key
    record = json.loads(line)
    changed = False
    if record.get("doc_id") == f"{stream}:{k}":
        record["doc_id"] = f"{rel}:{number}"
        changed = True
    source = record.get("source") or {}
    if source.get("path") == path:
        source["path"] = shown
        changed = True
    detail = record.get("status_detail") or ""
    if detail.startswith(f"{stream}:{k}: "):
        record["status_detail"] = f"{shown}:{number}: " + detail[len(f"{stream}:{k}: ") :]
        changed = True
    return json.dumps(record, ensure_ascii=False) if changed else line


def module_options(extract_args):
    """What --extract-args may say in module mode, as Pipeline arguments."""
    parser = argparse.ArgumentParser(prog="--extract-args", add_help=False, exit_on_error=False)
    parser.add_argument("--emit-text", action="store_true")
    parser.add_argument("-j", "--threads", type=int, default=None)
    parser.add_argument("--max-article-bytes", type=int, default=None)
    try:
        options, rest = parser.parse_known_args(extract_args)
    except argparse.ArgumentError as e:
        raise Unusable(f"--extract-args: {e}") from None
    if rest:
        raise Unusable(
            f"--extract-args {' '.join(rest)}: not for --mode module, which takes --emit-text, "
            "--threads and --max-article-bytes"
        )
    return options


def check_module():
    """The driver's check, before Spark starts, that module mode can run: the
    module is importable here (the executors need it too)."""
    try:
        import sanctions_extract  # noqa: F401
    except ImportError as e:
        raise Unusable(
            f"--mode module: cannot import the Python module sanctions_extract ({e}); "
            "install it in the driver's and the executors' Python with `pip install ./python`"
        ) from None


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


def local_path(uri):
    """The driver's path for a local --output or input (no scheme, or file:),
    else None."""
    parsed = urllib.parse.urlparse(uri)
    if parsed.scheme == "file":
        return os.path.abspath(urllib.parse.unquote(parsed.path))
    if parsed.scheme == "":
        return os.path.abspath(uri)
    return None


def taken(output, where, has_success):
    """The line for an --output that exists already."""
    if has_success:
        what = "the records of an earlier run"
    else:
        what = "no _SUCCESS file in it: perhaps left by a run that failed"
    return (
        f"--output {output}: {where} already exists ({what}); remove it, "
        "choose another --output, or pass --overwrite to replace it"
    )


def check_output_locally(output, overwrite, inputs):
    """Before Spark starts: a local --output must not exist, unless
    --overwrite, which must not delete an input."""
    path = local_path(output)
    if path is None:
        return
    if os.path.exists(path) and not overwrite:
        raise Unusable(taken(output, path, os.path.exists(os.path.join(path, "_SUCCESS"))))
    if overwrite:
        real = os.path.realpath(path)
        for root in inputs:
            local = local_path(root)
            if local and (os.path.realpath(local) + os.sep).startswith(real.rstrip(os.sep) + os.sep):
                raise Unusable(f"--output {output}: --overwrite would delete the input {root}")


def check_output(spark, output, overwrite):
    """With Spark's own file system (hdfs://, s3a://... or local): an existing
    --output stops the job before it starts; with --overwrite, a JSONL output
    is deleted by the function returned (Parquet is written in Spark's
    overwrite mode)."""
    sc = spark.sparkContext
    path = sc._jvm.org.apache.hadoop.fs.Path(output)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    if not fs.exists(path):
        return lambda: None
    if not overwrite:
        success = sc._jvm.org.apache.hadoop.fs.Path(path, "_SUCCESS")
        raise Unusable(taken(output, fs.makeQualified(path).toString(), fs.exists(success)))
    return lambda: fs.delete(path, True)


def job_failure(error):
    """The line for a failed job: what a task said (task_error), or that the
    output appeared meanwhile; None for other failures, which keep their trace."""
    text = str(error)
    found = re.search(re.escape(TASK_ERROR) + r'("(?:[^"\\]|\\.)*")', text)
    if found:
        return "a task failed: " + json.loads(found.group(1))
    if "FileAlreadyExistsException" in text or "PATH_ALREADY_EXISTS" in text:
        return "the output folder appeared while the job ran (another run?); pass --overwrite to replace it"
    return None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders, as for `extract`")
    parser.add_argument(
        "--binary",
        help="the sanctions-extract binary: a path the driver sees (a relative one is made absolute), "
        "or the file name of one shipped with spark-submit --files; not with --mode module",
    )
    parser.add_argument(
        "--output",
        required=True,
        help="folder to write the records to (any path Spark writes); must not exist, but see --overwrite",
    )
    parser.add_argument(
        "--overwrite", action="store_true", help="replace --output if it exists (an earlier run's, or a failed one's)"
    )
    parser.add_argument(
        "--mode",
        choices=("files", "lines", "module"),
        default="files",
        help="split by file or by JSONL line (module: by line, through the Python module)",
    )
    parser.add_argument("--format", choices=("jsonl", "parquet"), default="jsonl", help="output format")
    parser.add_argument("--partitions", type=int, default=None, help="tasks to split the input into")
    parser.add_argument(
        "--extract-args", default="", help="more arguments for `extract`, as one string: '--emit-text'"
    )
    args = parser.parse_args(argv)

    def error(message, status):
        print(f"{parser.prog}: error: {message}", file=sys.stderr)
        return status

    if args.mode == "module" and args.binary is not None:
        parser.error("--binary is not for --mode module, which runs the Python module")
    if args.mode != "module" and args.binary is None:
        parser.error(f"--mode {args.mode} needs --binary")
    try:
        if args.mode == "module":
            binary = None
            module_options(shlex.split(args.extract_args))
            check_module()
        else:
            binary = resolve_binary(args.binary)
        check_output_locally(args.output, args.overwrite, args.inputs)
    except Unusable as e:
        return error(e, 2)

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("sanctions-extract").getOrCreate()
    try:
        failure = run_job(spark, args, binary)
    finally:
        spark.stop()
    # After Spark's own lines about stopping, so that it is the last word.
    return error(*failure) if failure else 0


def run_job(spark, args, binary):
    """Runs the job; (line, status) for a failure that one line says."""
    try:
        remove_old = check_output(spark, args.output, args.overwrite)
        run(spark, args, binary, remove_old)
    except Unusable as e:
        return e, 2
    except Exception as e:
        message = job_failure(e)
        if message is None:
            raise
        return message, 1
    return None


def run(spark, args, binary, remove_old):
    """Builds the records and writes them to --output."""
    sc = spark.sparkContext
    partitions = args.partitions or sc.defaultParallelism
    extract_args = shlex.split(args.extract_args)
    if args.mode == "files":
        units = file_units(args.inputs)
        records = sc.parallelize(units, max(1, min(partitions, len(units)))).mapPartitions(
            extract_files(binary, extract_args)
        )
    elif args.mode == "lines":
        records = line_records(spark, args.inputs, partitions).mapPartitions(extract_lines(binary, extract_args))
    else:
        options = module_options(extract_args)
        records = line_records(spark, args.inputs, partitions).mapPartitions(extract_module(options))

    if args.format == "jsonl":
        remove_old()
        records.saveAsTextFile(args.output)
    else:
        spark.read.json(records).write.mode("overwrite" if args.overwrite else "errorifexists").parquet(args.output)


if __name__ == "__main__":
    sys.exit(main())
