"""Streaming and the GIL: a 100 MB generated dump goes through Pipeline.map
with flat memory, and Python threads run while articles are processed.

The dump test runs in a fresh process (tests/stream_dump.py), so that its peak
resident memory is the stream's own; it prints its figures."""

import json
import os
import subprocess
import sys
import threading
import time

import sanctions_extract as sx
from conftest import REPO

HERE = os.path.dirname(os.path.abspath(__file__))

# What the stream may take at most, with margin: it takes about 80 MB (the
# interpreter, the module, the pipeline's queues and mimalloc's arenas), where
# the dump alone is 100 MB, and its records as dicts, if they were kept,
# several hundred MB.
PEAK_LIMIT_MB = 200
# How much resident memory may grow from the first tenth of the dump to its
# end: a stream that kept anything per article would grow by tens of MB.
GROWTH_LIMIT_MB = 30


def test_a_100_mb_dump_streams_through_map_with_flat_memory(tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    subprocess.run(
        [sys.executable, os.path.join(REPO, "scripts", "make_dump.py"), "text", "100", str(dump)],
        check=True,
        capture_output=True,
    )
    size_mb = dump.stat().st_size / 1e6
    out = subprocess.run(
        [sys.executable, os.path.join(HERE, "stream_dump.py"), str(dump), "2"],
        check=True,
        capture_output=True,
        text=True,
    )
    figures = json.loads(out.stdout)
    with open(dump, "rb") as f:
        lines = sum(1 for _ in f)
    assert figures["records"] == lines
    assert figures["errors"] == 0
    growth = figures["rss_end_mb"] - figures["rss_first_tenth_mb"]
    with capsys.disabled():
        print(
            f"\n100 MB stream: {size_mb:.0f} MB, {figures['records']} records as dicts in {figures['seconds']:.1f} s "
            f"({size_mb / figures['seconds']:.1f} MB/s, 2 threads); peak RSS {figures['peak_rss_mb']:.0f} MB, "
            f"RSS {figures['rss_first_tenth_mb']:.0f} MB after a tenth, {figures['rss_end_mb']:.0f} MB at the end"
        )
    assert figures["peak_rss_mb"] < PEAK_LIMIT_MB, figures
    assert growth < GROWTH_LIMIT_MB, figures


def counting_thread():
    """A Python thread that counts while it gets the GIL; returns (count, stop)."""
    count = [0]
    stop = threading.Event()

    def run():
        while not stop.is_set():
            count[0] += 1

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return count, stop


def long_text():
    """An article that takes a while: distinct paragraphs (repeated lines
    would be dropped as page furniture)."""
    return "\n\n".join(
        f"On day {i}, the EU imposed sanctions on {i % 40 + 2} Russian officials and {i % 7 + 2} banks, "
        f"officials said in Brussels, citing {i} reports."
        for i in range(4000)
    )


def test_extract_releases_the_gil_while_it_processes():
    text = long_text()
    count, stop = counting_thread()
    try:
        time.sleep(0.05)
        started, before = time.perf_counter(), count[0]
        sx.extract(text)
        took, during = time.perf_counter() - started, count[0] - before
    finally:
        stop.set()
    assert took > 0.05, "the article is long enough to tell"
    # With the GIL held for the whole call, the counter would stand still.
    assert during > 10_000, (during, took)


def test_map_waits_for_records_without_the_gil():
    records = sx.Pipeline(1).map([{"id": "long", "text": long_text()}])
    count, stop = counting_thread()
    try:
        time.sleep(0.05)
        started, before = time.perf_counter(), count[0]
        assert next(records)["doc_id"] == "long"
        took, during = time.perf_counter() - started, count[0] - before
    finally:
        stop.set()
    assert took > 0.05
    assert during > 10_000, (during, took)
