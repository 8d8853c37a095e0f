#!/usr/bin/env python3
"""Builds tests/data/article-extraction/published.json: the publication date each
benchmark page shows, or null, made apart from the Rust extractor.

A proposal comes from the page's own markup, read by `html_dates_candidates.py`
(Python's HTML parser): the machine-readable publication date (meta tags, JSON-LD,
itemprop), else the URL's date, else a `<time datetime>`, else the first visible
date near the top. Pages where these sources disagree were looked at by hand; the
decisions are in MANUAL below, each with the reason.

Each entry is `{"published": "YYYY-MM-DD" or null, "also": [...], "source": ...}`.
`also` lists days that name the same moment in another time zone: a page whose
metadata says 2019-11-19T04:58Z and whose dateline says November 18 (US time) was
published on either day depending on the clock, and an extractor reading either
source is right.

    python3 scripts/html_dates_gold.py [--review]
"""
import datetime as dt
import json, re, sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from html_dates_candidates import DATA, GOLD, candidates  # noqa: E402

PUBLISHED_KEYS = ("published", "pubdate", "publishdate", "publish-date", "publish_date", "pub-date",
                  "dc.date", "dcterms.date", "dc.date.issued", "sailthru.date", "date", "datecreated",
                  "dcterms.created", "pdate", "ptime", "post-date", "displaydate", "article.published")
MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}

def iso_day(value):
    """The calendar day a machine-readable date writes, without time-zone shifts."""
    v = value.strip()
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", v)
    if m:
        return day(*m.groups())
    m = re.match(r"(\d{4})/(\d{1,2})/(\d{1,2})", v)
    if m:
        return day(*m.groups())
    return text_day(v)

def text_day(v):
    m = re.search(r"([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", v, re.I)
    if m and m.group(1).lower() in MONTHS:
        return day(m.group(3), MONTHS[m.group(1).lower()], m.group(2))
    m = re.search(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3})[a-z]*\.?,?\s+(\d{4})", v, re.I)
    if m and m.group(2).lower() in MONTHS:
        return day(m.group(3), MONTHS[m.group(2).lower()], m.group(1))
    return None

def day(y, m, d):
    if int(y) < 1990:  # placeholders such as 0001-01-01
        return None
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None

def is_published_key(key):
    key = key.lower()
    return "modif" not in key and "updat" not in key and (
        key in PUBLISHED_KEYS or "publish" in key or key.endswith(":published_time"))

def utc_shift_days(value):
    """Other days the instant `value` falls on in time zones from UTC-8 to UTC+9."""
    m = re.match(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})", value.strip())
    if not m:
        return []
    base = dt.datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}:{m.group(3)}")
    tz = re.search(r"(Z|[+-]\d{2}:?\d{2})$", value.strip())
    if not tz:
        return []
    off = 0 if tz.group(1) == "Z" else int(tz.group(1)[:3]) * 60 + int(tz.group(1)[-2:]) * (1 if tz.group(1)[0] == "+" else -1)
    try:
        utc = base - dt.timedelta(minutes=off)
        return sorted({(utc + dt.timedelta(hours=h)).date().isoformat() for h in (-8, 9)})
    except OverflowError:
        return []

def propose(c):
    machine = [(k, v) for k, v in c["meta"] if is_published_key(k) and iso_day(v)]
    machine += [(f"json-ld {k}", v) for k, v in c["jsonld"] if "published" in k.lower() and iso_day(v)]
    machine += [(f"itemprop {k}", v) for k, v in c["itemprop"] if "published" in k.lower() and iso_day(v)]
    # A key that says "published" outranks one that says "created" or just "date".
    machine.sort(key=lambda kv: "publish" not in kv[0].lower())
    url = None
    for u in c["url_date"]:
        m = re.match(r"/(\d{4})[/-](\d{1,2})[/-](\d{1,2})", u) or re.match(r"(20\d{2})(\d{2})(\d{2})$", u)
        if m:
            url = day(*m.groups())
            break
    times = [iso_day(v) for v, _ in c["time"] if v and iso_day(v)]
    visible = [d for d in (text_day(v) or iso_day(v) for _, v in c["visible"]) if d]
    if machine:
        source, value = machine[0]
        return iso_day(value), source, value, url, times, visible
    if url:
        return url, "url", c["url"], url, times, visible
    if times:
        return times[0], "time", times[0], url, times, visible
    if visible:
        return visible[0], "visible", visible[0], url, times, visible
    return None, None, None, url, times, visible

# Decisions made by looking at the pages (id prefix -> (published, also, note)).
MANUAL = {
    "098bb3e96c0a": ("2019-11-19", ["2019-11-20"], "dateline and URL say Nov. 19; metadata 2019-11-20T01:50 is UTC"),
    "8634d1211c3f": ("2019-11-19", ["2019-11-20"], "dateline and URL say Nov. 19; metadata 2019-11-20T01:53 is UTC"),
    "5f03fc173ebc": ("2018-10-07", ["2018-11-12"], "metadata says published 2018-10-07; the byline shows November 12, 2018"),
    "ec3878db7e49": ("2018-01-29", ["2019-02-01"], "metadata says published 2018-01-29; the byline shows the later date"),
    "5fbc7ccb504c": ("2019-11-18", ["2019-11-19"], "byline 'November 18, 2019 -- 19:14 GMT'; metadata says 2019-11-19 19:31"),
    "a078b3656adc": ("2019-11-19", ["2019-11-18"], "metadata 2019-11-19 (03:05 GMT); URL and updated time give Nov 18 US time"),
    "33fe2471fd55": ("2018-09-15", ["2018-09-16"], "JSON-LD published 2018-09-15; the byline shows the modified day"),
    "94fbcc267720": ("2018-04-18", ["2019-04-10"], "JSON-LD published 2018-04-18; the byline shows the modified day"),
    "e372e42c0a3d": ("2019-11-20", [], "dateline 'NOVEMBER 20, 2019 10:43'; metadata holds 0001-01-01"),
    "57b4dafd18cf": ("2018-09-25", [], "dateline 'publiziert am 25. September 2018'"),
    "ba07d1e64775": ("2018-07-30", [], "dateline 'publiziert am 30. Juli 2018'"),
    "f6ac15a4d985": ("2018-10-05", [], "dateline '05/10/2018 - Publicado por' (day/month on a Brazilian page)"),
    "9e8c9f082a8d": ("2019-11-18", [], "byline 'on Monday, November 18th, 2019'; the first visible date is the quoted claim's"),
    "ff0f958ade71": (None, [], "no publication date shown; only reader comments carry dates"),
}

def main():
    review = "--review" in sys.argv
    truth = json.load(open(DATA / "ground-truth.json"))
    gold = {}
    for key in sorted(truth):
        c = candidates(key, truth[key]["url"])
        published, source, value, url, times, visible = propose(c)
        shown = [url] + times + visible[:3]
        also = [d for d in utc_shift_days(value or "") if d != published and d in shown]
        manual = next((v for k, v in MANUAL.items() if key.startswith(k)), None)
        if manual:
            published, also, source = manual[0], manual[1], f"by hand: {manual[2]}"
        agree = published and (published == url or published in times or published in visible[:3]
                               or bool(also))
        if review and not manual and not agree:
            print(f"{key[:12]} {published} [{source}: {value}] also={also} url={url} time={times[:3]} visible={visible[:5]} {c['url']}")
        gold[key] = {"url": truth[key]["url"], "published": published, "also": also, "source": source}
    if not review:
        out = GOLD / "published.json"
        out.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n")
        dated = sum(1 for g in gold.values() if g["published"])
        print(f"{out}: {len(gold)} pages, {dated} with a publication date")

if __name__ == "__main__":
    main()
