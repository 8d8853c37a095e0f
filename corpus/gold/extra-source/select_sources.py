"""Write articles.jsonl for the 24 chosen source documents (text copied unchanged)."""
import json

TE = "/work/shared/peer-suites/tempeval3-platinum.jsonl"
MT = "/work/shared/peer-suites/meantime-en.jsonl"

CHOSEN = [
    ("tempeval3", "CNN_20130322_248"),
    ("tempeval3", "CNN_20130322_314"),
    ("tempeval3", "WSJ_20130322_159"),
    ("tempeval3", "bbc_20130322_1353"),
    ("tempeval3", "bbc_20130322_332"),
    ("tempeval3", "bbc_20130322_721"),
    ("tempeval3", "nyt_20130321_china_pollution"),
    ("tempeval3", "nyt_20130321_cyprus"),
    ("tempeval3", "nyt_20130321_sarcozy"),
    ("tempeval3", "nyt_20130321_women_senate"),
    ("meantime", "118147"),
    ("meantime", "118175"),
    ("meantime", "121134"),
    ("meantime", "123881"),
    ("meantime", "1007169"),
    ("meantime", "39951"),
    ("meantime", "143480"),
    ("meantime", "100911"),
    ("meantime", "108294"),
    ("meantime", "1173"),
    ("meantime", "87805"),
    ("meantime", "61389"),
    ("meantime", "113278"),
    ("meantime", "113227"),
]

def load(path):
    return {d["doc_id"]: d for d in map(json.loads, open(path, encoding="utf-8"))}

src = {"tempeval3": load(TE), "meantime": load(MT)}
with open("articles.jsonl", "w", encoding="utf-8") as out:
    for i, (suite, doc_id) in enumerate(CHOSEN, 1):
        d = src[suite][doc_id]
        assert d.get("dct") and len(d["dct"]) == 10 and d["dct"][4] == "-", (doc_id, d.get("dct"))
        rec = {"id": f"extra-{i:03d}", "url": None, "title": d.get("title"),
               "published": d["dct"], "text": d["text"], "origin": f"{suite}:{doc_id}"}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
print("wrote", len(CHOSEN))
