"""The FtM output (`extract --ftm`, docs/ftm.md) against the followthemoney
library itself. Run by tests/ftm/run.sh, which makes the virtual environment.

Over the corpus, the shared dev and dev2 dev articles (when the shared data
folder is there) and a file of awkward inputs made here, per article and with
`--events`:

- every schema and property written exists in the model, every required
  property is there, every value passes the model's validation (its form and
  length);
- `ftm validate` gives every entity back whole: the same id, schema and
  values, property by property (it drops what the model rejects without a
  word, so nothing dropped means nothing rejected);
- every reference is the id of an entity of the same output, of a schema the
  property allows;
- `ftm aggregate` combines the fragments: one entity per id, with the union of
  its fragments' values and a schema each fragment's schema is;
- `ftm export-csv` and `ftm export-cypher` read the aggregated entities
  (of the run with `--events`).

And the tables the writer relies on: every property docs/ftm.md lists exists
in the model, the lexicon's country codes are FtM's (or mapped in
src/sinks/ftm/values.rs), and the language codes mapped there are right.
"""

import argparse
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

from followthemoney import model
from followthemoney.types import registry

ENGLISH = (
    "The U.S. Treasury Department sanctioned eight North Korean individuals and two entities "
    "on Thursday, saying they laundered stolen cryptocurrency to fund the country's weapons programs."
)

# Inputs that stress the value forms: URLs FtM rewrites or drops, time zones,
# text that is not NFC or holds invisible characters.
AWKWARD = [
    {"id": "odd-bare-host", "url": "https://news.example", "published": "2025-11-07T23:30:00-05:00",
     "title": "  Cafe\u0301 \u200bnews  ", "author": "Jane  Doe", "text": ENGLISH},
    {"id": "odd-scheme-case", "url": "HTTPS://News.Example/A?x=1#top", "published": "2025-11-07T14:00:00Z",
     "title": "Sanctions\u2003update", "text": ENGLISH},
    {"id": "odd-empty-query", "url": "https://news.example/a?#", "published": "2025-11-07T14:00:00.250+02:00",
     "text": ENGLISH},
    {"id": "odd-ftp", "url": "ftp://news.example/a", "published": "Tue, 19 Nov 2019 14:00:00 GMT", "text": ENGLISH},
    {"id": "odd-no-scheme", "url": "news.example/a", "published": "some day soon", "text": ENGLISH},
    {"id": "odd-port-and-user", "url": "http://reader@news.example:8080/a", "published": "2025-11",
     "text": "The U.S. Treasury sanctioned M\u00fcller Shipping Company and K\u00f6nig Trading Company on "
             "Friday, Under Secretary John Hurley said. The European Union lifted sanctions on Syria on "
             "May 20, 2025, and the EU Council said it was considering sanctions on Iran in the week of "
             "June 9, 2025."},
    {"id": "odd-html", "url": "https://news.example/2024/02/23/eu",
     "html": "<html><head><title>EU \u00e0 la carte</title><meta name=\"author\" content=\"A. Writer\">"
             "</head><body><article><p>The European Union imposed sanctions on Russia's Sovcomflot on "
             "Friday, the Council of the EU said.</p><p>" + ENGLISH + "</p></article></body></html>"},
]

ID_FORM = re.compile(r"^[0-9a-zA-Z]([0-9a-zA-Z.\-]*[0-9a-zA-Z])?$")


class Failures:
    def __init__(self):
        self.items = []

    def add(self, where, what):
        self.items.append(f"{where}: {what}")


def read_entities(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def ftm(*args):
    subprocess.run([str(Path(sys.executable).parent / "ftm"), *args], check=True)


def check_model(entities, fail):
    for e in entities:
        where = f"{e['id']} ({e['schema']})"
        if not ID_FORM.match(e["id"]):
            fail.add(where, "not an FtM id")
        schema = model.get(e["schema"])
        if schema is None or schema.abstract:
            fail.add(where, "no such (concrete) schema")
            continue
        for name in schema.required:
            if not e["properties"].get(name):
                fail.add(where, f"lacks required {name}")
        for name, values in e["properties"].items():
            prop = schema.get(name)
            if prop is None or prop.stub:
                fail.add(where, f"no property {name}")
                continue
            for value in values:
                if not prop.type.validate(value) or len(value) > prop.max_length:
                    fail.add(where, f"{name}: invalid {value!r}")
        try:
            schema.validate(e)
        except Exception as err:  # noqa: BLE001 (the model's InvalidData says why)
            fail.add(where, f"schema validation: {err}")


def check_validate(paths, work, fail):
    """`ftm validate` gives each entity back whole (one run over all outputs:
    the command takes seconds to start)."""
    both = work / "all.ftm.json"
    both.write_text("".join(p.read_text(encoding="utf-8") for p in paths), encoding="utf-8")
    entities = read_entities(both)
    out = work / "all.validated.json"
    ftm("validate", "-i", str(both), "-o", str(out))
    validated = read_entities(out)
    if len(validated) != len(entities):
        fail.add("ftm validate", f"wrote {len(validated)} entities of {len(entities)}")
    for before, after in zip(entities, validated):
        where = f"{before['id']} ({before['schema']})"
        if (before["id"], before["schema"]) != (after["id"], after["schema"]):
            fail.add(where, f"came back as {after['id']} ({after['schema']})")
        for name in sorted(set(before["properties"]) | set(after["properties"])):
            b, a = before["properties"].get(name, []), after["properties"].get(name, [])
            if b != a:
                dropped = [v for v in b if v not in a]
                fail.add(where, f"{name}: wrote {b!r}, ftm validate kept {a!r} (dropped {dropped!r})")
    return len(entities)


def check_references(entities, fail):
    schemas = defaultdict(set)
    for e in entities:
        schemas[e["id"]].add(e["schema"])
    for e in entities:
        schema = model.get(e["schema"])
        for name, values in e["properties"].items():
            prop = schema.get(name)
            if prop is None or prop.type != registry.entity:
                continue
            for target in values:
                if target not in schemas:
                    fail.add(e["id"], f"{name} -> {target}: no such entity in the output")
                elif not all(model.get(s).is_a(prop.range) for s in schemas[target]):
                    fail.add(e["id"], f"{name} -> {target}: {schemas[target]} is no {prop.range.name}")


def check_aggregate(path, entities, work, fail, export):
    out = work / (path.stem + ".aggregated.json")
    ftm("aggregate", "-i", str(path), "-o", str(out))
    aggregated = {e["id"]: e for e in read_entities(out)}
    fragments = defaultdict(list)
    for e in entities:
        fragments[e["id"]].append(e)
    if set(aggregated) != set(fragments):
        fail.add(path.name, "ftm aggregate changed the set of ids")
    for eid, parts in fragments.items():
        whole = aggregated.get(eid)
        if whole is None:
            continue
        merged = model.get(whole["schema"])
        for part in parts:
            if not merged.is_a(model.get(part["schema"])):
                fail.add(eid, f"aggregated as {whole['schema']}, which a {part['schema']} fragment is not")
            for name, values in part["properties"].items():
                missing = set(values) - set(whole["properties"].get(name, []))
                if missing:
                    fail.add(eid, f"{name}: ftm aggregate lost {sorted(missing)!r}")
    if export:
        csv = work / (path.stem + ".csv")
        ftm("export-csv", "-i", str(out), "-o", str(csv))
        cypher = work / (path.stem + ".cypher")
        ftm("export-cypher", "-i", str(out), "-o", str(cypher))
        if not any(csv.glob("*.csv")) or cypher.stat().st_size == 0:
            fail.add(path.name, "the exports wrote nothing")
    return len(aggregated)


def check_tables(repo, fail):
    """docs/ftm.md's properties, the lexicon's countries, the language map."""
    docs = (repo / "docs/ftm.md").read_text(encoding="utf-8")
    section = docs.split("\n## Schemas and properties\n")[1].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    if len(rows) < 30:
        fail.add("docs/ftm.md", f"only {len(rows)} rows in its table")
    for row in rows:
        cells = [c.strip() for c in row.split("|")]
        prop = cells[2].strip("`")
        for name in cells[1].split(","):
            schema = model.get(name.strip().strip("`"))
            if schema is None or schema.get(prop) is None or schema.get(prop).stub:
                fail.add("docs/ftm.md", f"{name.strip()}.{prop} is not in the model")
    values = (repo / "src/sinks/ftm/values.rs").read_text(encoding="utf-8")
    mapped = dict(re.findall(r'\("([A-Z]{2})", "([a-z]+)"\)', values))
    for code in mapped.values():
        if registry.country.clean(code) != code:
            fail.add("values.rs COUNTRY_CODES", f"{code} is no FtM country")
    countries = (repo / "src/extract/lexicon/countries.rs").read_text(encoding="utf-8")
    codes = re.findall(r'\bc\(\s*"([A-Z]{2})"', countries)
    if len(codes) < 150:
        fail.add("countries.rs", f"found only {len(codes)} country codes: has its layout changed?")
    for code in codes:
        ftm_code = mapped.get(code, code.lower())
        if registry.country.clean(ftm_code) != ftm_code:
            fail.add("countries.rs", f"{code}: FtM has no country {ftm_code} (map it in values.rs)")
    for detected, ftm_code in re.findall(r'\("([a-z]{3})", (None|Some\("[a-z]{3}"\))\)', values):
        target = ftm_code[6:9] if ftm_code.startswith("Some") else None
        if registry.language.clean(detected) == detected:
            fail.add("values.rs LANGUAGES", f"FtM knows {detected}: no need to map it")
        if target is not None and registry.language.clean(target) != target:
            fail.add("values.rs LANGUAGES", f"FtM has no language {target}")
    return len(rows), len(codes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--repo", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--shared", type=Path, help="the shared data folder, for real articles")
    args = parser.parse_args()
    fail = Failures()

    awkward = args.work / "awkward.jsonl"
    awkward.write_text("".join(json.dumps(a) + "\n" for a in AWKWARD), encoding="utf-8")
    inputs = [str(args.repo / "corpus/articles"), str(awkward)]
    if args.shared is not None:
        inputs += [str(args.shared / "dev/articles.jsonl"), str(args.shared / "dev2/dev/articles.jsonl")]

    rows, codes = check_tables(args.repo, fail)
    print(f"docs/ftm.md: {rows} rows in the model; {codes} lexicon countries are FtM codes")
    outputs = []
    for mode, extra in [("per-article", []), ("events", ["--events", str(args.work / "events.jsonl")])]:
        path = args.work / f"{mode}.ftm.json"
        run = subprocess.run(
            [args.binary, "extract", *inputs, "--ftm", str(path), "--quiet", *extra],
            capture_output=True, text=True,
        )
        if run.returncode != 0:
            fail.add(mode, f"extract exited {run.returncode}: {run.stderr}")
            continue
        outputs.append(path)
        entities = read_entities(path)
        check_model(entities, fail)
        check_references(entities, fail)
        ids = check_aggregate(path, entities, args.work, fail, export=mode == "events")
        counts = Counter(e["schema"] for e in entities)
        print(f"{mode}: {len(entities)} entities ({ids} ids after ftm aggregate): "
              + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))

    validated = check_validate(outputs, args.work, fail)
    print(f"ftm validate: {validated} entities of both outputs")

    for line in fail.items[:50]:
        print("FAIL", line)
    if fail.items:
        print(f"{len(fail.items)} failures")
        sys.exit(1)
    print("the FtM output is valid, whole and resolvable")


if __name__ == "__main__":
    main()
