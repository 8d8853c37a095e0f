"""canonical_events: the cross-article merge of `extract --events`, over
records as dicts or as JSONL lines."""

import json

import sanctions_extract as sx


def test_canonical_events_are_those_of_the_cli(cli, tmp_path, monkeypatch):
    records_file = tmp_path / "records.jsonl"
    status, out, err = cli(
        "extract", "corpus/articles", "--jsonl", str(records_file), "--events", "-", "--quiet"
    )
    assert status == 0, err
    expected = [json.loads(line) for line in out.splitlines()]
    assert len(expected) > 10
    from conftest import REPO

    monkeypatch.chdir(REPO)
    records = list(sx.Pipeline(2).read("corpus/articles"))
    events = sx.canonical_events(records)
    assert events == expected
    assert [list(e) for e in events] == [list(e) for e in expected]
    # From the JSONL lines as well, the CLI's or the module's.
    assert sx.canonical_events(records_file.read_text().splitlines()) == expected
    assert sx.canonical_events(records_file.read_bytes().splitlines()) == expected
    assert sx.canonical_events(sx.Pipeline(1).read("corpus/articles", as_json=True)) == expected


def test_three_reports_of_one_action_are_one_canonical_event(monkeypatch):
    from conftest import REPO

    monkeypatch.chdir(REPO)
    seeds = list(sx.Pipeline(1).read("corpus/articles/seeds"))
    events = sx.canonical_events(seeds)
    reported = [e for e in events if e["authority"] == "United States" and len(e["sources"]) == 3]
    assert len(reported) == 1, [e["sources"] for e in events]
    (event,) = reported
    assert event["status"] == "imposed" and event["target"] == "North Korea"
    assert sorted(s["doc_id"] for s in event["sources"]) == ["seed-001", "seed-002", "seed-004"]


def test_records_of_extract_merge_when_each_has_its_doc_id():
    text = "The U.S. Treasury on Tuesday sanctioned eight North Korean individuals and two entities."
    records = [
        sx.extract(text, published="2025-11-04", doc_id="a"),
        sx.extract(text, published="2025-11-05", doc_id="b"),
    ]
    (event,) = sx.canonical_events(records)
    assert [s["doc_id"] for s in event["sources"]] == ["a", "b"]
    assert sx.canonical_events([]) == []
