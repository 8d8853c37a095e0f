"""Sanity checks for articles.jsonl and gold.jsonl of the extra set.

Checks: JSON validity and field sets; article text identical to the source suite;
every count/amount/date `text` occurs verbatim in the article (as often as it is used);
date values are well-formed TIMEX3 values and weekday / week / relative-year
expressions agree with `published`; official and entity names occur in the text;
categories, entity types, currencies and event fields use the allowed values.
Exit code 1 on any error; warnings are printed but do not fail.
"""
import datetime as dt
import json
import re
import sys

ART = "articles.jsonl"
GOLD = "gold.jsonl"
SOURCES = {
    "tempeval3": "/work/shared/peer-suites/tempeval3-platinum.jsonl",
    "meantime": "/work/shared/peer-suites/meantime-en.jsonl",
}

ENTITY_TYPES = {"country", "government_body", "international_org", "company", "group", "organization"}
CATEGORIES = {"individual", "entity", "vessel", "aircraft", "other"}
CURRENCIES = {"USD", "EUR", "GBP", "JPY", "CNY", "KRW", "RUB", "CAD", "AUD", "IRR", "CHF"}
STATUSES = {"imposed", "planned", "lifted"}
GOLD_KEYS = ["doc_id", "officials", "entities", "counts", "amounts", "dates", "events"]
ART_KEYS = ["id", "url", "title", "published", "text", "origin"]
FIELD_KEYS = {
    "officials": {"name", "title", "aliases"},
    "entities": {"name", "type", "aliases"},
    "counts": {"value", "category", "text"},
    "amounts": {"value", "currency", "text"},
    "dates": {"value", "type", "text"},
    "events": {"authority", "status", "target", "counts", "named_targets", "date"},
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

errors, warnings = [], []


def err(doc, msg):
    errors.append(f"{doc}: {msg}")


def warn(doc, msg):
    warnings.append(f"{doc}: {msg}")


# ------------------------------------------------------------------ TIMEX3 values
POINT = re.compile(
    r"^(?:"
    r"\d{2}"                                   # century, e.g. 19
    r"|[\dX]{4}"                               # year
    r"|[\dX]{4}-(?:0[1-9]|1[0-2]|XX)"          # month
    r"|[\dX]{4}-(?:0[1-9]|1[0-2]|XX)-(?:0[1-9]|[12]\d|3[01]|XX)"  # day
    r"|[\dX]{4}-W(?:0[1-9]|[1-4]\d|5[0-3])"    # ISO week
    r"|[\dX]{4}-Q[1-4]"                        # quarter
    r"|[\dX]{4}-H[12]"                         # half year
    r")$")


def valid_point(v):
    if not POINT.match(v):
        return False
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", v)
    if m:
        try:
            dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return False
    m = re.match(r"^(\d{4})-W(\d{2})$", v)
    if m:
        try:
            dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return False
    return True


def valid_timex(v, typ):
    if "/" in v:
        parts = v.split("/")
        return typ == "range" and len(parts) == 2 and all(valid_point(p) for p in parts) and parts[0] < parts[1]
    return typ == "date" and valid_point(v)


def check_resolution(doc, pub, item):
    """Cross-check relative expressions against the publication date."""
    text, v = item["text"].lower(), item["value"]
    y = pub.year
    wd = [w for w in WEEKDAYS if re.search(r"\b" + w + r"\b", text)]
    if wd and re.match(r"^\d{4}-\d{2}-\d{2}$", v):
        d = dt.date.fromisoformat(v)
        if WEEKDAYS[d.weekday()] != wd[0]:
            err(doc, f"date {item['text']!r}={v} is a {WEEKDAYS[d.weekday()]}")
        if abs((d - pub).days) > 7:
            err(doc, f"date {item['text']!r}={v} more than a week from published {pub}")
    rel = {
        "this year": str(y), "last year": str(y - 1), "next year": str(y + 1),
        "this week": "%d-W%02d" % pub.isocalendar()[:2],
        "last week": "%d-W%02d" % (pub - dt.timedelta(days=7)).isocalendar()[:2],
        "this month": pub.strftime("%Y-%m"),
        "last month": (pub.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m"),
        "today": pub.isoformat(),
        "tomorrow": (pub + dt.timedelta(days=1)).isoformat(),
    }
    for k, exp in rel.items():
        if text == k or text in ("earlier " + k, "later " + k, "by " + k):
            if v != exp:
                err(doc, f"date {item['text']!r}={v}, expected {exp}")
    m = re.match(r"^(\w+) years? ago$", text)
    if m:
        nums = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
        n = nums.get(m[1])
        if n and v != str(y - n):
            err(doc, f"date {item['text']!r}={v}, expected {y - n}")
    # explicit years in the text must agree with the value
    yrs = re.findall(r"\b(1\d{3}|20\d{2})\b", item["text"])
    if yrs and not v.startswith(yrs[0]):
        err(doc, f"date {item['text']!r}={v} disagrees with year in text")
    # a value far from publication is suspicious unless the text carries a year
    m = re.match(r"^(\d{4})", v)
    if m and not yrs and not re.search(r"\bago\b|afterwards|after", text):
        if abs(int(m[1]) - y) > 1:
            warn(doc, f"date {item['text']!r}={v} is far from published {pub} without a year in text")


# ------------------------------------------------------------------ load
def load_jsonl(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(path, f"line {n}: invalid JSON: {e}")
    return out


arts = load_jsonl(ART)
gold = load_jsonl(GOLD)
src = {k: {d["doc_id"]: d for d in map(json.loads, open(p, encoding="utf-8"))} for k, p in SOURCES.items()}

by_id = {}
for i, a in enumerate(arts, 1):
    if list(a.keys()) != ART_KEYS:
        err(a.get("id"), f"article keys {list(a.keys())}")
    if a["id"] != f"extra-{i:03d}":
        err(a["id"], "id out of sequence")
    suite, sid = a["origin"].split(":", 1)
    s = src[suite].get(sid)
    if s is None:
        err(a["id"], f"origin {a['origin']} not found")
        continue
    if a["text"] != s["text"]:
        err(a["id"], "text differs from source")
    if a["published"] != s["dct"] or not re.match(r"^\d{4}-\d{2}-\d{2}$", a["published"]):
        err(a["id"], "published differs from dct")
    if a["title"] != s.get("title"):
        err(a["id"], "title differs from source")
    by_id[a["id"]] = a

if [g["doc_id"] for g in gold] != [a["id"] for a in arts]:
    err("gold", "doc_ids do not match articles one to one, in order")

totals = {k: [0, 0] for k in GOLD_KEYS[1:]}
for g in gold:
    doc = g["doc_id"]
    a = by_id.get(doc)
    if a is None:
        continue
    text, pub = a["text"], dt.date.fromisoformat(a["published"])
    if list(g.keys()) != GOLD_KEYS:
        err(doc, f"gold keys {list(g.keys())}")
    for field in GOLD_KEYS[1:]:
        for it in g[field]:
            extra = set(it) - FIELD_KEYS[field] - {"optional"}
            missing = FIELD_KEYS[field] - set(it)
            if extra or missing:
                err(doc, f"{field} item keys: extra {extra} missing {missing}: {it}")
            if "optional" in it and it["optional"] is not True:
                err(doc, f"{field}: optional must be true when present")
            totals[field][1 if it.get("optional") else 0] += 1

    # surface strings of counts, amounts, dates
    for field in ("counts", "amounts", "dates"):
        used = {}
        for it in g[field]:
            used[it["text"]] = used.get(it["text"], 0) + 1
        for t, n in used.items():
            occ = text.count(t)
            if occ == 0:
                err(doc, f"{field} text not in article: {t!r}")
            elif occ < n:
                # a range gives two items for one surface string
                vals = [it for it in g[field] if it["text"] == t]
                if not (field in ("amounts", "counts") and n == 2 * occ and
                        re.search(r"\d\s*(to|-)\s*[\d$]", t)):
                    err(doc, f"{field} text {t!r} used {n}x but occurs {occ}x")

    for it in g["counts"]:
        if it["category"] not in CATEGORIES:
            err(doc, f"count category {it['category']}")
        if not isinstance(it["value"], int) or it["value"] <= 0:
            err(doc, f"count value {it['value']}")
    for it in g["amounts"]:
        if it["currency"] not in CURRENCIES:
            err(doc, f"currency {it['currency']}")
        if not isinstance(it["value"], (int, float)) or it["value"] <= 0:
            err(doc, f"amount value {it['value']}")
        # the number written in the text should appear in the value
        m = re.search(r"(\d[\d,]*(?:\.\d+)?)", it["text"])
        if m:
            lead = m[1].replace(",", "")
            digits = str(it["value"]).replace(".", "").rstrip("0")
            if not digits.startswith(lead.replace(".", "").rstrip("0")[:2]) and "to" not in it["text"]:
                warn(doc, f"amount {it['text']!r} value {it['value']}")
    for it in g["dates"]:
        if not valid_timex(it["value"], it["type"]):
            err(doc, f"invalid TIMEX3 value/type {it['value']!r}/{it['type']}")
        else:
            check_resolution(doc, pub, it)

    names = set()
    for it in g["officials"]:
        for n in [it["name"]] + it["aliases"]:
            if n not in text:
                err(doc, f"official form not in text: {n!r}")
        if it["title"] is not None and it["title"].lower() not in text.lower():
            warn(doc, f"title not verbatim in text: {it['title']!r}")
        if it["name"] in names:
            err(doc, f"duplicate official {it['name']}")
        names.add(it["name"])
    ents = set()
    for it in g["entities"]:
        if it["type"] not in ENTITY_TYPES:
            err(doc, f"entity type {it['type']}")
        forms = [it["name"]] + it["aliases"]
        missing = [n for n in forms if n not in text]
        if it["type"] in ("country", "international_org") and it["name"] in missing:
            missing.remove(it["name"])  # canonical country / union names may be absent
            if not any(n in text for n in it["aliases"]) and it["name"] not in text:
                err(doc, f"{it['type']} {it['name']} has no surface form in text")
        if missing:
            err(doc, f"entity form not in text: {missing}")
        if it["name"] in it["aliases"]:
            warn(doc, f"entity {it['name']} lists itself as alias")
        if it["name"] in ents:
            err(doc, f"duplicate entity {it['name']}")
        ents.add(it["name"])
    countries = {e["name"] for e in g["entities"] if e["type"] in ("country", "international_org")}
    for ev in g["events"]:
        if ev["status"] not in STATUSES:
            err(doc, f"event status {ev['status']}")
        if ev["authority"] not in countries:
            warn(doc, f"event authority {ev['authority']} not among entities")
        if ev["target"] is not None and ev["target"] not in countries:
            warn(doc, f"event target {ev['target']} not among entities")
        for c in ev["counts"]:
            if c["category"] not in CATEGORIES or set(c) != {"value", "category"}:
                err(doc, f"event count {c}")
            if not any(x["value"] == c["value"] and x["category"] == c["category"] for x in g["counts"]):
                err(doc, f"event count {c} not among the article's counts")
        for n in ev["named_targets"]:
            if n not in text:
                err(doc, f"named target not in text: {n}")
        if ev["date"] is not None and not valid_point(ev["date"]):
            err(doc, f"event date {ev['date']}")

for w in warnings:
    print("WARN ", w)
for e in errors:
    print("ERROR", e)
print(f"{len(arts)} articles, {len(gold)} gold records")
for k, (req, opt) in totals.items():
    print(f"  {k:10s} {req:4d} required + {opt:3d} optional")
print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
