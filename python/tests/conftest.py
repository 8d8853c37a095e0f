"""What the tests share: the repository, the CLI binary they compare with, and
a run of it.

The binary is $SANCTIONS_EXTRACT_BIN, else target/debug/sanctions-extract
(what `cargo build` and `cargo test` make), else target/release/.... It must
be built from the same sources as the installed module: the tests compare
their records byte for byte.
"""

import json
import os
import subprocess

import pytest

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.path.join(REPO, "corpus", "articles")


def cli_binary():
    given = os.environ.get("SANCTIONS_EXTRACT_BIN")
    if given:
        return os.path.abspath(given)
    for profile in ("debug", "release"):
        path = os.path.join(REPO, "target", profile, "sanctions-extract")
        if os.path.exists(path):
            return path
    raise RuntimeError("no sanctions-extract binary: run `cargo build` or set SANCTIONS_EXTRACT_BIN")


@pytest.fixture(scope="session")
def cli():
    """Runs `sanctions-extract ARGS` from CWD and returns (status, stdout, stderr)."""
    binary = cli_binary()

    def run(*args, cwd=REPO, stdin=None):
        out = subprocess.run(
            [binary, *args], cwd=cwd, input=stdin, capture_output=True, check=False
        )
        return out.returncode, out.stdout.decode("utf-8"), out.stderr.decode("utf-8")

    return run


@pytest.fixture(scope="session")
def cli_records(cli):
    """The records `sanctions-extract extract INPUTS --jsonl - ARGS` writes, as
    dicts, in order."""

    def records(*inputs, args=(), cwd=REPO, stdin=None):
        status, out, err = cli("extract", *inputs, "--jsonl", "-", "--quiet", *args, cwd=cwd, stdin=stdin)
        assert status in (0, 1), err
        return [json.loads(line) for line in out.splitlines()]

    return records


def corpus_lines():
    """(file, lines) of every JSONL file of the corpus, as the CLI names them
    when run from the corpus folder."""
    found = []
    for folder in sorted(os.listdir(CORPUS)):
        for name in sorted(os.listdir(os.path.join(CORPUS, folder))):
            if name.endswith(".jsonl"):
                with open(os.path.join(CORPUS, folder, name), "rb") as f:
                    found.append((f"{folder}/{name}", f.read().splitlines(keepends=True)))
    return found


def corpus_texts():
    """(relative path, text, metadata) of every .txt article of the corpus with
    its sidecar."""
    found = []
    for folder in sorted(os.listdir(CORPUS)):
        for name in sorted(os.listdir(os.path.join(CORPUS, folder))):
            if name.endswith(".txt"):
                path = os.path.join(CORPUS, folder, name)
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                meta = {}
                sidecar = path[: -len(".txt")] + ".meta.json"
                if os.path.exists(sidecar):
                    with open(sidecar, encoding="utf-8") as f:
                        meta = json.load(f)
                found.append((f"{folder}/{name}", text, meta))
    return found
