#!/usr/bin/env python3
"""Publication-date candidates of the article-extraction pages, for building the gold.

Independent of the Rust extractor: Python's own HTML parser and regexes. For each page
it prints every place that states a date (meta tags, JSON-LD, itemprop, <time>, the
URL, and date-like strings of the visible text near the top), so a person can decide
what date the page itself shows. `html_dates_gold.py` turns the decisions into the
gold file.

    python3 scripts/html_dates_candidates.py [ID_PREFIX...]
"""
import gzip, json, re, sys
from html.parser import HTMLParser
from pathlib import Path

import os

ROOT = Path(__file__).resolve().parent.parent
# The benchmark's pages are third-party: read from the shared data folder.
DATA = Path(os.environ.get("SANCTIONS_SHARED", ROOT.parent / "shared")) / "peer-suites/article-extraction"
# Our gold publication dates of those pages.
GOLD = ROOT / "tests/data/article-extraction"

META_KEYS = {
    "article:published_time", "og:published_time", "article:published", "published_time",
    "pubdate", "publishdate", "publish-date", "publish_date", "parsely-pub-date",
    "sailthru.date", "dc.date.issued", "dcterms.date", "dc.date", "date", "datepublished",
    "dcterms.created", "article.published", "cxenseparse:recs:publishtime", "og:article:published_time",
    "article_date_original", "originalpublicationdate", "ptime", "pdate", "displaydate", "datecreated",
    "article:modified_time", "og:updated_time", "lastmod", "last-modified", "dcterms.modified",
}

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta, self.ld, self.times, self.itemprops = [], [], [], []
        self.stack, self.text = [], []
        self.in_script = None
        self.buf = []
    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or a.get("http-equiv") or "").lower()
            if key in META_KEYS or "date" in key or "time" in key:
                self.meta.append((key, a.get("content", "")))
        if tag == "time":
            self.times.append(("time", a.get("datetime", ""), dict(a)))
        if "itemprop" in a and "date" in a["itemprop"].lower():
            self.itemprops.append((a["itemprop"], a.get("content") or a.get("datetime") or ""))
        if tag in ("script", "style", "noscript"):
            self.in_script = (tag, a.get("type", "").lower())
            self.buf = []
    def handle_endtag(self, tag):
        if self.in_script and tag == self.in_script[0]:
            if "ld+json" in self.in_script[1]:
                self.ld.append("".join(self.buf))
            self.in_script = None
    def handle_data(self, data):
        if self.in_script:
            self.buf.append(data)
        elif data.strip():
            self.text.append(data.strip())

MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
VISIBLE = re.compile(
    r"\b(?:" + MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTHS + r",?\s+\d{4}"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{4}"
    r"|\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,10}\.?,?\s+(?:de\s+)?\d{4})\b",
    re.I,
)
URL_DATE = re.compile(r"/(\d{4})[/-](\d{1,2})(?:[/-](\d{1,2}))?(?=[/-])|(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)|(\d{6})\d{6}\.html")

def ld_dates(raw):
    out = []
    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if isinstance(x, str) and "date" in k.lower():
                    out.append((k, x))
                else:
                    walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    try:
        walk(json.loads(raw))
    except Exception:
        for m in re.finditer(r'"(date\w*)"\s*:\s*"([^"]+)"', raw):
            out.append((m.group(1) + "(regex)", m.group(2)))
    return out

def candidates(key, url):
    html = gzip.open(DATA / "html" / f"{key}.html.gz").read().decode("utf-8", "replace")
    p = Page()
    p.feed(html)
    out = {"url": url, "meta": p.meta, "jsonld": [d for raw in p.ld for d in ld_dates(raw)],
           "itemprop": p.itemprops, "time": [(t[1], t[2].get("class", "")) for t in p.times],
           "url_date": [m.group(0) for m in URL_DATE.finditer(url)]}
    text = " | ".join(p.text)
    out["visible"] = [(m.start(), m.group(0)) for m in VISIBLE.finditer(text)][:12]
    return out

def main():
    truth = json.load(open(DATA / "ground-truth.json"))
    prefixes = sys.argv[1:]
    for key in sorted(truth):
        if prefixes and not any(key.startswith(p) for p in prefixes):
            continue
        c = candidates(key, truth[key]["url"])
        print("=" * 8, key[:12], c["url"])
        for name in ("meta", "jsonld", "itemprop", "time", "url_date", "visible"):
            if c[name]:
                print(f"  {name}: {c[name][:10]}")

if __name__ == "__main__":
    main()
