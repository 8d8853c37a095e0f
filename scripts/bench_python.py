#!/usr/bin/env python3
"""Throughput of the Python module's Pipeline.map against the CLI on the same
dump, at the same thread counts.

    scripts/bench_python.py [--size MB] [--threads 1 2] [--repeat N] [--binary PATH]

Run with the Python that has the module installed (`pip install ./python`,
release profile). Generates, or reuses, the plain-text dump of scripts/bench.sh
($BENCH_DIR/text-MB.jsonl, default /tmp/sanctions-bench, 500 MB), then runs,
interleaved and each in a process of its own:

  cli     sanctions-extract extract DUMP --jsonl OUT --threads N (what bench.sh runs)
  dicts   each line json.loads'ed in Python, Pipeline(N).map(dicts): records as dicts;
          the json.loads runs on the thread that holds the GIL, as map's items are
          taken, and counts in the time (what reading a JSONL file into dicts costs)
  ready   the dicts of all lines made first (json.loads, some 2 GB for 500 MB),
          then Pipeline(N).map(those dicts) timed alone: map's own cost with dicts
          in (its peak memory holds the dicts)
  lines   the file's lines as bytes, Pipeline(N).map(lines): records as dicts
  json    the file's lines as bytes, Pipeline(N).map(lines, as_json=True), each
          record's line written to OUT as the CLI writes them

and prints MB/s, CPU seconds, peak resident memory, each mode's share of the
CLI's throughput (the best of --repeat runs, since the machine is shared) and
the one-minute load average when that run ended.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODES = ("cli", "dicts", "ready", "lines", "json")


def child(mode, dump, threads, out):
    """One run of the module, in this process; prints the records it saw."""
    import sanctions_extract as sx

    pipeline = sx.Pipeline(threads)
    n = 0
    if mode == "ready":
        with open(dump, "rb") as f:
            articles = [json.loads(line) for line in f]
        started = time.perf_counter()
        for _record in pipeline.map(articles, name=dump):
            n += 1
        # What the parent takes as the run's seconds: map's alone.
        print(n, time.perf_counter() - started)
        return
    with open(dump, "rb") as f:
        if mode == "dicts":
            for _record in pipeline.map((json.loads(line) for line in f), name=dump):
                n += 1
        elif mode == "lines":
            for _record in pipeline.map(f, name=dump):
                n += 1
        else:
            with open(out, "w", encoding="utf-8") as written:
                for line in pipeline.map(f, name=dump, as_json=True):
                    written.write(line)
                    written.write("\n")
                    n += 1
    print(n)


def run(command):
    """(wall seconds, CPU seconds, peak RSS MB, load average) of a child
    process; the seconds are those the child reports after its count, if it
    does (mode ready: map's alone), and its CPU seconds then count the
    making of the dicts too."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if status != 0 and os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{command} failed: {status}")
    reported = output.split()
    if len(reported) == 2:
        wall = float(reported[1])
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.getloadavg()[0]


def main():
    """Runs the modes interleaved and prints the table (or, with --child, one
    run of the module)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=500, help="dump size in MB")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "sanctions-extract"))
    parser.add_argument("--modes", nargs="+", default=list(MODES), choices=MODES)
    parser.add_argument("--child", nargs=4, metavar=("MODE", "DUMP", "THREADS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, dump, threads, out = args.child
        return child(mode, dump, int(threads), out)

    folder = os.environ.get("BENCH_DIR", "/tmp/sanctions-bench")
    os.makedirs(folder, exist_ok=True)
    dump = os.path.join(folder, f"text-{args.size}.jsonl")
    if not os.path.exists(dump):
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "make_dump.py"), "text", str(args.size), dump],
                       check=True)
    out = os.path.join(folder, "out.jsonl")
    mb = os.path.getsize(dump) / 1e6
    best = {}
    for _ in range(args.repeat):
        for threads in args.threads:
            for mode in args.modes:
                if mode == "cli":
                    command = [args.binary, "extract", dump, "--jsonl", out, "--threads", str(threads), "--quiet"]
                else:
                    command = [sys.executable, __file__, "--child", mode, dump, str(threads), out]
                figures = run(command)
                # Each run as it ends, on stderr: a long series can be read as it goes.
                wall, cpu, peak, load = figures
                print(f"run: {threads} {mode} {wall:.1f} s, {cpu:.1f} CPU s, {peak:.0f} MB, load {load:.1f}",
                      file=sys.stderr, flush=True)
                key = (threads, mode)
                if key not in best or figures[0] < best[key][0]:
                    best[key] = figures
    if os.path.exists(out):
        os.remove(out)

    print(f"{mb:.0f} MB of text JSONL ({dump}), best of {args.repeat}")
    print(f"{'threads':>7} {'mode':<6} {'s':>7} {'MB/s':>7} {'CPU s':>7} {'MB/cpu-s':>9} {'peak MB':>8} {'of cli':>7} {'load':>5}")
    for threads in args.threads:
        cli = best.get((threads, "cli"))
        for mode in args.modes:
            wall, cpu, peak, load = best[(threads, mode)]
            share = f"{cli[0] / wall:>6.0%}" if cli else ""
            print(f"{threads:>7} {mode:<6} {wall:>7.1f} {mb / wall:>7.1f} {cpu:>7.1f} {mb / cpu:>9.1f} {peak:>8.0f} {share:>7} {load:>5.1f}")


if __name__ == "__main__":
    sys.exit(main())
