"""Writes articles.jsonl (in the current folder) for the 24 general news articles:
the documents corpus/gold/extra-origins.jsonl names, read from the peer suites in
the shared data folder ($SANCTIONS_SHARED, by default ../shared beside the
repository), text copied unchanged, `published` = the suite's document creation
time. The same articles are built by tests/integration/scores.rs."""
import json
import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[3]
SUITES = pathlib.Path(os.environ.get("SANCTIONS_SHARED", ROOT.parent / "shared")) / "peer-suites"
ORIGINS = ROOT / "corpus/gold/extra-origins.jsonl"

origins = [json.loads(line) for line in ORIGINS.open(encoding="utf-8")]
docs = {}
for suite in {o["suite"] for o in origins}:
    for line in (SUITES / suite).open(encoding="utf-8"):
        d = json.loads(line)
        docs[(suite, d["doc_id"])] = d
with open("articles.jsonl", "w", encoding="utf-8") as out:
    for o in origins:
        d = docs[(o["suite"], o["doc_id"])]
        assert d.get("dct") and len(d["dct"]) == 10 and d["dct"][4] == "-", (o, d.get("dct"))
        rec = {"id": o["id"], "url": None, "title": d.get("title"), "published": d["dct"], "text": d["text"]}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
print("wrote", len(origins))
