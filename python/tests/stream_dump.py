"""Streams a JSONL dump through Pipeline.map as dicts and prints, as JSON,
what it took: records, errors, seconds, the resident memory after a tenth of
the records and at the end, and the peak. Run by test_streaming.py in a process
of its own.

The peak is the kernel's high-water mark of this process's memory (VmHWM), not
getrusage's ru_maxrss, which also counts what the parent held when it forked
this process (exec keeps the larger of the two).

    python stream_dump.py DUMP THREADS
"""

import json
import sys
import time

import sanctions_extract as sx


def status_mb(field):
    """A memory figure of /proc/self/status (VmRSS, VmHWM), in MB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def main():
    path, threads = sys.argv[1], int(sys.argv[2])
    with open(path, "rb") as f:
        total = sum(1 for _ in f)
    records = errors = 0
    rss_first_tenth = None
    started = time.perf_counter()
    with open(path, "rb") as f:
        for record in sx.Pipeline(threads).map((json.loads(line) for line in f), name=path):
            records += 1
            errors += record["status"] == "error"
            if records == total // 10:
                rss_first_tenth = status_mb("VmRSS")
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "records": records,
                "errors": errors,
                "seconds": seconds,
                "rss_first_tenth_mb": rss_first_tenth,
                "rss_end_mb": status_mb("VmRSS"),
                "peak_rss_mb": status_mb("VmHWM"),
            }
        )
    )


if __name__ == "__main__":
    main()
