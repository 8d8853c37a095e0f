"""Errors: a failure that stops a run is an exception carrying the message the
CLI prints after `error: `; what the CLI prints as `warning: ` is an
InputWarning; wrong arguments are the usual ValueError and TypeError."""

import datetime
import os

import pytest

import sanctions_extract as sx


def test_a_missing_input_raises_input_error_with_the_cli_message(cli, tmp_path, monkeypatch):
    status, _, err = cli("extract", "nope", "--jsonl", "-", cwd=tmp_path)
    assert status == 2
    said = err.strip().removeprefix("error: ")
    assert said == "nope: No such file or directory (os error 2)"
    monkeypatch.chdir(tmp_path)
    with pytest.raises(sx.InputError) as raised:
        sx.Pipeline(1).read(["nope"])
    assert str(raised.value) == said
    assert isinstance(raised.value, sx.Error) and isinstance(raised.value, Exception)
    # Nothing is read when one of the inputs is missing, as in the CLI.
    (tmp_path / "a.txt").write_text("The UK sanctioned two banks.")
    with pytest.raises(sx.InputError, match="^nope: "):
        sx.Pipeline(1).read([tmp_path / "a.txt", "nope"])


def test_what_the_cli_warns_of_is_an_input_warning(cli, tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    (tmp_path / "empty").mkdir()
    status, _, err = cli("extract", str(tmp_path), str(tmp_path / "empty"), "--jsonl", "-", "--quiet")
    assert status == 0
    expected = [line.removeprefix("warning: ") for line in err.splitlines()]
    assert len(expected) == 3, err
    with pytest.warns(sx.InputWarning) as warned:
        records = list(sx.Pipeline(1).read([str(tmp_path), tmp_path / "empty"]))
    assert records == []
    assert [str(w.message) for w in warned] == expected


@pytest.mark.parametrize("threads", [0, -1, 65536])
def test_a_thread_count_out_of_range_is_refused_as_the_cli_refuses_it(cli, threads):
    status, _, err = cli("extract", "-", "-j", str(threads))
    assert status == 2
    with pytest.raises(ValueError) as raised:
        sx.Pipeline(threads)
    # clap words it "invalid value '0' for '--threads <N>': 0 is not in 1..=65535".
    assert str(raised.value) == f"invalid value '{threads}' for 'threads': {threads} is not in 1..=65535"
    if threads >= 0:
        assert f"{threads} is not in 1..=65535" in err


def test_wrong_arguments_are_type_errors():
    with pytest.raises(TypeError):
        sx.extract(5)
    with pytest.raises(TypeError):
        sx.extract("text", published=datetime.date(2024, 1, 1))
    with pytest.raises(TypeError, match=r"extra: `when` holds a Python datetime.date, which has no JSON form"):
        sx.extract("text", extra={"when": datetime.date(2024, 1, 1)})
    with pytest.raises(TypeError):
        sx.Pipeline(1).map(5)
    with pytest.raises(TypeError):
        sx.Pipeline(1).read(5)


def test_records_canonical_events_cannot_merge_are_value_errors():
    with pytest.raises(ValueError, match=r"^record 1: missing field `doc_id`"):
        sx.canonical_events([{"events": []}])
    with pytest.raises(ValueError, match=r"^record 2: doc_id \"a\" is taken by an earlier record"):
        sx.canonical_events([sx.extract("x", doc_id="a"), sx.extract("y", doc_id="a")])
    with pytest.raises(ValueError, match=r"^record 1: "):
        sx.canonical_events(["{not json"])
    with pytest.raises(ValueError, match=r"^record 1: a Python datetime.date is no record"):
        sx.canonical_events([datetime.date(2024, 1, 1)])


def test_the_api_is_documented():
    for name in ("extract", "extract_html", "canonical_events", "Pipeline", "Records", "Error", "InputError",
                 "InputWarning"):
        assert getattr(sx, name).__doc__, name
    for name in ("map", "read", "threads", "emit_text"):
        assert getattr(sx.Pipeline, name).__doc__, name
    assert sx.Records.summary.__doc__
    assert sx.__doc__ and os.path.basename(sx.__file__).startswith("__init__")
