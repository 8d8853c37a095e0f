#!/usr/bin/env python3
"""Writes a realistic article dump of a chosen size from the shipped corpus.

    scripts/make_dump.py text SIZE_MB OUT.jsonl [--seed N] [--prefix P] [--articles N]
    scripts/make_dump.py html SIZE_MB OUT.jsonl [--seed N] [--prefix P] [--articles N]

`text`: JSONL lines {id, url, title, published, text} built from the corpus
articles (corpus/articles: the seeds and the project's own articles). `html`:
JSONL lines {id, url, published, html} built from the 181 real news pages of the
article-extraction benchmark, read from the shared data folder
($SANCTIONS_SHARED/peer-suites/article-extraction, by default ../shared beside the
repository; third-party pages are not kept in the repository). Every line has its
own id, url and publication date (2010-2026), and its paragraphs (text) or
paragraph contents (html) are shuffled and drawn from two source articles, so
that no two articles are the same and nothing downstream is flattered by caches
or deduplication. A text article's dates move with its publication date (a
paragraph's written dates by as many days as its source article's publication
date moved), so that its events happen around when it was published, as a
news article's do: without that, the few dates the corpus writes would be the
dates of hundreds of thousands of events, and the canonical events of a
generated database a few giant ones that no real database holds. The output is deterministic for a given seed. Ids are `PREFIX-NNNNNNNN` (prefix
`bench` by default: dumps meant to go into one database need prefixes of their
own); `--articles N` stops after N articles, whatever the size.
"""

import argparse
import datetime as dt
import gzip
import json
import os
import pathlib
import random
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = pathlib.Path(os.environ.get("SANCTIONS_SHARED", ROOT.parent / "shared"))


def corpus_texts():
    """The corpus articles as (text, publication date or None)."""
    texts = []
    for path in sorted((ROOT / "corpus/articles").rglob("*")):
        if path.suffix == ".txt":
            meta = path.with_name(path.name[: -len(".txt")] + ".meta.json")
            published = json.loads(meta.read_text()).get("published") if meta.exists() else None
            texts.append((path.read_text(encoding="utf-8"), parse_day(published)))
        elif path.suffix == ".jsonl":
            for line in path.open(encoding="utf-8"):
                record = json.loads(line)
                if record.get("text"):
                    texts.append((record["text"], parse_day(record.get("published"))))
    return texts


def parse_day(value):
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTH = r"(Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|tember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
DATE = re.compile(
    rf"\b(?:(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    rf"|(?P<md_m>{MONTH})\s+(?P<md_d>[0-3]?\d)\b(?:,?\s+(?P<md_y>(?:19|20)\d\d)\b)?"
    rf"|(?P<dm_d>[0-3]?\d)\s+(?P<dm_m>{MONTH})(?:\s+(?P<dm_y>(?:19|20)\d\d)\b)?"
    rf"|(?P<my_m>{MONTH})\s+(?P<my_y>(?:19|20)\d\d)\b"
    rf"|(?P<y>(?:199\d|20[0-2]\d))\b)"
)


def month_number(word):
    return next(i for i, m in enumerate(MONTHS, 1) if m.lower().startswith(word.rstrip(".").lower()[:3]))


def shift_dates(text, offset, original):
    """The text with the dates it writes moved by `offset` days, as if it were
    published `offset` days after `original` (dates without a year are read in
    the year of publication). Relative dates (`on Tuesday`) need nothing: they
    are read against the new publication date."""
    if original is None or offset == 0:
        return text
    years = round(offset / 365.25)

    def day(year, month, d):
        try:
            return dt.date(year, month, d) + dt.timedelta(days=offset)
        except ValueError:
            return None

    def replace(m):
        g = m.groupdict()
        if g["iso"]:
            moved = day(*map(int, g["iso"].split("-")))
            return moved.isoformat() if moved else m.group(0)
        if g["md_m"] or g["dm_m"]:
            month = month_number(g["md_m"] or g["dm_m"])
            d, y = int(g["md_d"] or g["dm_d"]), g["md_y"] or g["dm_y"]
            moved = day(int(y) if y else original.year, month, d)
            if moved is None:
                return m.group(0)
            name = MONTHS[moved.month - 1]
            tail = f" {moved.year}" if y else ""
            return f"{name} {moved.day}{',' if g['md_m'] and y else ''}{tail}" if g["md_m"] else f"{moved.day} {name}{tail}"
        if g["my_m"]:
            moved = day(int(g["my_y"]), month_number(g["my_m"]), 15)
            return f"{MONTHS[moved.month - 1]} {moved.year}" if moved else m.group(0)
        return str(int(g["y"]) + years)

    return DATE.sub(replace, text)


def html_pages():
    pages = []
    folder = SHARED / "peer-suites/article-extraction/html"
    if not folder.is_dir():
        raise SystemExit(f"{folder}: not found (set SANCTIONS_SHARED to the shared data folder)")
    for path in sorted(folder.glob("*.html.gz")):
        pages.append(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
    return pages


PARAGRAPH = re.compile(r"(<p\b[^>]*>)(.*?)(</p>)", re.S | re.I)


def text_article(rng, texts, published):
    """Paragraphs of two corpus articles, their dates moved to the new publication date."""
    (first, first_day), (second, second_day) = rng.sample(texts, 2)
    moved = lambda text, day: shift_dates(text, (published - day).days if day else 0, day)
    paragraphs = [p for p in moved(first, first_day).split("\n") if p.strip()]
    extra = [p for p in moved(second, second_day).split("\n") if p.strip()]
    head, body = paragraphs[0], paragraphs[1:] + rng.sample(extra, min(len(extra), 3))
    rng.shuffle(body)
    return head, "\n\n".join([head] + body)


def html_article(rng, pages):
    page = rng.choice(pages)
    contents = [m.group(2) for m in PARAGRAPH.finditer(page)]
    rng.shuffle(contents)
    it = iter(contents)
    return PARAGRAPH.sub(lambda m: m.group(1) + next(it) + m.group(3), page)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=["text", "html"])
    parser.add_argument("size_mb", type=float)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--prefix", default="bench")
    parser.add_argument("--articles", type=int, default=None)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    limit = int(args.size_mb * 1_000_000)
    sources = corpus_texts() if args.kind == "text" else html_pages()
    start = dt.date(2010, 1, 1).toordinal()
    written = n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        while written < limit and (args.articles is None or n < args.articles):
            n += 1
            day = dt.date.fromordinal(start + rng.randrange(6000))
            published = day.isoformat()
            record = {"id": f"{args.prefix}-{n:08d}", "url": f"https://news.example/{published}/{n}", "published": published}
            if args.kind == "text":
                title, record["text"] = text_article(rng, sources, day)
                record["title"] = title[:120]
            else:
                record["html"] = html_article(rng, sources)
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
    print(f"{args.out}: {n} articles, {written / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
