"""The module's records against the CLI's: every corpus article, whichever way
it goes in (extract, Pipeline.map of dicts, str or bytes lines, Pipeline.read),
at one thread and at several, and bad input, which gives the CLI's `error`
records."""

import datetime
import json
import os

import pytest

import sanctions_extract as sx
from conftest import CORPUS, REPO, corpus_lines, corpus_texts


def test_the_readme_example():
    record = sx.extract("The U.S. Treasury sanctioned two North Korean banks on Tuesday.", published="2025-11-04")
    assert record["status"] == "ok"
    (event,) = record["events"]
    assert event["authority"] == "United States"
    assert event["counts"] == [{"value": 2, "category": "entity"}]
    assert event["date"] == "2025-11-04"


def test_read_gives_the_records_of_the_cli_for_every_corpus_article(cli_records, monkeypatch):
    expected = cli_records("corpus/articles")
    assert len(expected) == 55  # 5 seeds and the 50 own articles (corpus/README.md)
    monkeypatch.chdir(REPO)
    records = list(sx.Pipeline(2).read("corpus/articles"))
    assert records == expected
    # Dicts keep the keys in the line's order, as json.loads does.
    assert [list(r) for r in records] == [list(r) for r in expected]


def test_extract_gives_the_record_of_the_cli_for_every_corpus_article(cli_records):
    expected = {r["doc_id"]: r for r in cli_records("corpus/articles", args=["--emit-text"])}
    articles = []
    for _, text, meta in corpus_texts():
        articles.append((dict(meta), "text", text))
    for _, lines in corpus_lines():
        for line in lines:
            fields = json.loads(line)
            kind = "text" if "text" in fields else "html"
            articles.append((fields, kind, fields.pop(kind)))
    assert len(articles) == len(expected)
    for fields, kind, body in articles:
        doc_id = fields.pop("id")
        given = {key: fields.pop(key, None) for key in ("published", "title", "url")}
        call = sx.extract if kind == "text" else sx.extract_html
        record = call(body, doc_id=doc_id, extra=fields, emit_text=True, **given)
        want = expected[doc_id]
        want["source"]["path"] = None
        assert record == want, doc_id


@pytest.mark.parametrize("form", ["dict", "str", "bytes"])
def test_map_gives_the_records_of_the_cli_for_every_corpus_dump(cli_records, form):
    for name, lines in corpus_lines():
        expected = cli_records(name, cwd=CORPUS)
        if form == "dict":
            items = (json.loads(line) for line in lines)
        elif form == "str":
            items = (line.decode("utf-8") for line in lines)
        else:
            items = iter(lines)
        assert list(sx.Pipeline(2).map(items, name=name)) == expected, name


def test_as_json_gives_the_lines_of_the_cli_byte_for_byte(cli):
    name, lines = corpus_lines()[0]
    status, out, err = cli("extract", name, "--jsonl", "-", "--quiet", "--emit-text", cwd=CORPUS)
    assert status == 0, err
    got = list(sx.Pipeline(2, emit_text=True).map(lines, name=name, as_json=True))
    assert got == out.splitlines()
    got = list(sx.Pipeline(1, emit_text=True).read(os.path.join(CORPUS, name), as_json=True))
    assert [json.loads(line)["text"] for line in got] == [json.loads(line)["text"] for line in out.splitlines()]


def dump_lines(tmp_path_factory, size_mb):
    import subprocess
    import sys

    path = tmp_path_factory.mktemp("dump") / "dump.jsonl"
    subprocess.run(
        [sys.executable, os.path.join(REPO, "scripts", "make_dump.py"), "text", str(size_mb), str(path)],
        check=True,
        capture_output=True,
    )
    return path


def test_one_thread_and_several_give_the_same_records(tmp_path_factory, cli_records):
    path = dump_lines(tmp_path_factory, 3)
    with open(path, "rb") as f:
        lines = f.read().splitlines()
    # Repeated ids and bad lines among them, which must keep their place.
    lines[10:10] = [lines[3], b"{oops", b"[1]"]
    path.write_bytes(b"\n".join(lines) + b"\n")
    with pytest.warns(sx.InputWarning):
        one = list(sx.Pipeline(1).map(lines, name="dump.jsonl", as_json=True))
    assert len(one) == len(lines)
    for threads in (2, 3):
        with pytest.warns(sx.InputWarning):
            assert list(sx.Pipeline(threads).map(lines, name="dump.jsonl", as_json=True)) == one, threads
    assert [json.loads(line) for line in one] == cli_records("dump.jsonl", cwd=path.parent)


BAD_LINES = [
    b'{"id": "ok", "text": "The EU imposed sanctions on six Russian officials on Friday.", "published": "2024-02-23"}',
    b"{oops",
    b'{"id": "c", "text": 5}',
    b"[1]",
    b'{"id": "e"}',
    b'{"id": "f", "text": "ok", "title": ["no"]}',
    b"   ",
    b'{"id": "ok", "text": "a repeated id"}',
    b'{"id": "h", "html": "<p>The UK froze the assets of two banks.</p>", "lang": "en"}',
    b'{"id": "caf\xe9", "text": "invalid UTF-8 in the line"}',
    b'{"text": "' + b"x" * 300 + b'"}',
    b'{"id": "cut short", "text": ',
]


def test_bad_lines_give_the_error_records_of_the_cli(tmp_path, cli_records):
    (tmp_path / "bad.jsonl").write_bytes(b"\n".join(BAD_LINES) + b"\n")
    expected = cli_records("bad.jsonl", cwd=tmp_path, args=["--max-article-bytes", "200"])
    assert [r["status"] for r in expected].count("error") == 8
    # JSON text is UTF-8: a line that is not is unreadable, an error naming it.
    assert expected[8]["status_detail"] == "bad.jsonl:10: not valid UTF-8 (byte 12 of the line); JSON text must be UTF-8"
    pipeline = sx.Pipeline(2, max_article_bytes=200)
    with pytest.warns(sx.InputWarning, match=r'bad.jsonl:8: doc_id "ok" is taken by an earlier article'):
        got = list(pipeline.map(BAD_LINES, name="bad.jsonl"))
    assert got == expected
    # The same as dicts where JSON has them: the same records.
    items = []
    for line in BAD_LINES:
        try:
            items.append(json.loads(line))
        except ValueError:
            items.append(line)
    with pytest.warns(sx.InputWarning):
        by_dicts = list(pipeline.map(items, name="bad.jsonl"))
    assert [r["status_detail"] for r in by_dicts] == [r["status_detail"] for r in expected]


def test_items_without_a_json_form_give_error_records():
    items = [
        {"id": "d", "text": "t", "published": datetime.date(2024, 2, 23)},
        {"id": "s", "text": "t", "tags": {"a"}},
        datetime.datetime(2024, 2, 23),
        {"id": "nan", "text": "The EU imposed sanctions on Iran.", "title": float("nan"), "score": float("inf")},
        7,
    ]
    records = list(sx.Pipeline(1).map(items))
    assert [(r["doc_id"], r["status"], r["status_detail"]) for r in records] == [
        ("input:1", "error", "input:1: `published` holds a Python datetime.date, which has no JSON form"),
        ("input:2", "error", "input:2: `tags` holds a Python set, which has no JSON form"),
        ("input:3", "error", "input:3: expected a JSON object, found a Python datetime.datetime"),
        ("nan", "ok", None),
        ("input:5", "error", "input:5: expected a JSON object, found a number"),
    ]
    # NaN is null, as pandas means it; so is infinity, as serde_json has it.
    assert records[3]["source"]["title"] is None
    assert records[3]["source"]["extra"] == {"score": None}
    assert all(r["source"]["path"] == "input" for r in records)


def test_records_come_in_input_order_as_they_are_wanted():
    seen = []

    def articles():
        for i in range(10_000):
            seen.append(i)
            yield {"id": str(i), "text": f"Article {i}: the EU imposed sanctions on {i} Russian officials."}

    records = sx.Pipeline(2).map(articles())
    ahead = 0
    for i, record in enumerate(records):
        assert record["doc_id"] == str(i)
        ahead = max(ahead, len(seen) - i)
    assert i == 9_999 and records.summary["read"] == 10_000
    # Items are taken only a bounded number ahead of the records, whatever the
    # input's length: what the queues between hold (64 lines, the reader's
    # chunks of 64 and the two queued, two chunks a thread in process, finished
    # chunks on their way back, 64 records). At most 26 chunks were seen.
    assert ahead <= 40 * 64, ahead


def test_an_exception_of_the_input_comes_after_the_records_before_it():
    def articles():
        yield {"id": "a", "text": "first"}
        yield {"id": "b", "text": "second"}
        raise KeyError("the input broke")

    records = sx.Pipeline(2).map(articles())
    assert [next(records)["doc_id"], next(records)["doc_id"]] == ["a", "b"]
    with pytest.raises(KeyError, match="the input broke"):
        next(records)
    assert list(records) == []


def test_a_stream_left_early_stops_its_run():
    records = sx.Pipeline(2).map({"id": str(i), "text": "The UK sanctioned two banks."} for i in range(100_000))
    assert next(records)["doc_id"] == "0"
    del records  # must neither hang nor crash
    assert sx.extract("still working")["status"] == "ok"
