#!/usr/bin/env python3
"""Soak run of issue #24: a large JSONL dump with 1% broken lines spread
through it, through the release binary, checking one record per line and
sampling resident memory as it goes.

    scripts/soak.py [--size-mb 1000] [--threads 2] [--dir /tmp/sanctions-soak] [--keep]

The dump is made by scripts/make_dump.py (text articles from the corpus), then
every 100th line (from line 50) is replaced by a broken one, in turn: bad JSON
(cut short), wrong types (`id` a number, `text` a list), invalid UTF-8 inside
the text, empty text. The binary (target/release, built if missing or BIN=...)
runs `extract DUMP --jsonl OUT --threads N`; its resident memory is read from
/proc every second. Then the output is read back line by line:

- exactly one record per input line, in input order;
- each broken line's record: its status against what the record contract
  says of it (RECORD.md: bad JSON, wrong types and invalid UTF-8 are
  unreadable input, `error` naming the file and line, `dump.jsonl:LINE: ...`;
  an empty text is read but no article, `skipped` with `empty`);
- every record's status, counted;
- memory: peak, and the resident size at each tenth of the run (flat memory
  means the later tenths are no higher than the early ones).
"""

import argparse
import json
import os
import pathlib
import subprocess
import sys
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent

BROKEN = [
    ("bad JSON", lambda n: b'{"id": "broken-%d", "text": "cut short' % n),
    ("wrong types", lambda n: b'{"id": %d, "text": ["not", "a", "string"]}' % n),
    ("invalid UTF-8", lambda n: b'{"id": "utf8-%d", "text": "The EU sanctioned \xff\xfe five firms on Monday."}' % n),
    ("empty text", lambda n: b'{"id": "empty-%d", "text": ""}' % n),
]
# The record each kind of broken line must give: status, status_detail.
EXPECTED = {
    "bad JSON": ("error", "invalid JSON: "),
    "wrong types": ("error", "`text` must be a string, found an array"),
    "invalid UTF-8": ("error", "not valid UTF-8 (byte "),
    "empty text": ("skipped", "empty"),
}


def make_dump(path, size_mb):
    clean = path.with_suffix(".clean.jsonl")
    if not path.exists():
        if not clean.exists():
            subprocess.run([sys.executable, ROOT / "scripts/make_dump.py", "text", str(size_mb), clean], check=True)
        with open(clean, "rb") as src, open(path, "wb") as out:
            for n, line in enumerate(src, 1):
                if n % 100 == 50:
                    kind = BROKEN[(n // 100) % len(BROKEN)]
                    line = kind[1](n) + b"\n"
                out.write(line)
        clean.unlink()
    return path


def sample_memory(pid, samples, done):
    while not done.is_set():
        try:
            for line in open(f"/proc/{pid}/status"):
                if line.startswith("VmRSS:"):
                    samples.append((time.monotonic(), int(line.split()[1]) / 1024))
        except FileNotFoundError:
            return
        done.wait(1.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--dir", default=os.environ.get("SOAK_DIR", "/tmp/sanctions-soak"))
    ap.add_argument("--keep", action="store_true", help="keep the dump and the output")
    args = ap.parse_args()
    folder = pathlib.Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    dump = make_dump(folder / f"dump-{args.size_mb}.jsonl", args.size_mb)
    out = folder / "out.jsonl"
    binary = os.environ.get("BIN")
    if not binary:
        subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=ROOT, check=True)
        binary = ROOT / "target/release/sanctions-extract"

    started = time.monotonic()
    proc = subprocess.Popen(
        ["/usr/bin/time", "-v", binary, "extract", dump.name, "--jsonl", out, "--threads", str(args.threads), "--quiet"],
        cwd=folder, stderr=subprocess.PIPE,
    )
    # /usr/bin/time's child is the binary: sample it, not time.
    time.sleep(0.5)
    children = pathlib.Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
    samples, done = [], threading.Event()
    sampler = threading.Thread(target=sample_memory, args=(int(children[0]) if children else proc.pid, samples, done))
    sampler.start()
    _, err = proc.communicate()
    done.set()
    sampler.join()
    seconds = time.monotonic() - started
    err = err.decode(errors="replace")
    peak = int(next(l for l in err.splitlines() if "Maximum resident" in l).split()[-1]) / 1024

    lines = 0
    broken = {kind: {} for kind, _ in BROKEN}
    statuses = {}
    mismatched = []
    unexpected = []
    with open(dump, "rb") as src, open(out, "rb") as records:
        for n, (line, record) in enumerate(zip(src, records), 1):
            lines += 1
            r = json.loads(record)
            statuses[r["status"]] = statuses.get(r["status"], 0) + 1
            if n % 100 == 50:
                kind = BROKEN[(n // 100) % len(BROKEN)][0]
                detail = r.get("status_detail") or ""
                names_line = detail.startswith(f"{dump.name}:{n}: ")
                key = f"{r['status']}" + (f" ({detail.split(': ', 1)[-1][:40]}...)" if r["status"] == "error" else f" ({detail})" if detail else "")
                broken[kind][key] = broken[kind].get(key, 0) + 1
                if r["status"] == "error" and not names_line:
                    mismatched.append((n, detail))
                status, what = EXPECTED[kind]
                if r["status"] != status or what not in detail:
                    unexpected.append((n, kind, r["status"], detail))
            elif r["status"] == "error":
                unexpected.append((n, "whole line", r["status"], r.get("status_detail")))
    in_lines = sum(1 for _ in open(dump, "rb"))
    out_lines = sum(1 for _ in open(out, "rb"))

    print(f"dump: {dump} ({dump.stat().st_size / 1e6:.0f} MB, {in_lines} lines, {in_lines // 100} broken)")
    print(f"exit status {proc.returncode}; {out_lines} records for {in_lines} lines"
          + (" (one per line)" if out_lines == in_lines else " MISMATCH"))
    print(f"{seconds:.0f} s, {dump.stat().st_size / 1e6 / seconds:.1f} MB/s on {args.threads} threads; peak {peak:.0f} MB")
    if samples:
        t0, t1 = samples[0][0], samples[-1][0]
        tenths = []
        for i in range(1, 11):
            at = t0 + (t1 - t0) * i / 10
            tenths.append(min(samples, key=lambda s: abs(s[0] - at))[1])
        print("resident MB at each tenth of the run: " + " ".join(f"{m:.0f}" for m in tenths))
        print(f"resident MB, first tenth of the run vs last: {tenths[0]:.0f} vs {tenths[-1]:.0f}")
    print("records by status: " + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())))
    for kind, statuses in broken.items():
        print(f"  {kind}: " + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())))
    if mismatched:
        print(f"error records not naming their line: {len(mismatched)}, e.g. {mismatched[:3]}")
    else:
        print("every error record names its file and line")
    if unexpected:
        print(f"records not as the contract says: {len(unexpected)}, e.g. {unexpected[:3]}")
    else:
        print("every broken line gave the record the contract says; no whole line gave an error")
    if not args.keep:
        out.unlink()
    ok = proc.returncode in (0, 1) and out_lines == in_lines and not mismatched and not unexpected
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
