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
or deduplication. The output is deterministic for a given seed. Ids are `PREFIX-NNNNNNNN` (prefix
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
    texts = []
    for path in sorted((ROOT / "corpus/articles").rglob("*")):
        if path.suffix == ".txt":
            texts.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".jsonl":
            for line in path.open(encoding="utf-8"):
                text = json.loads(line).get("text")
                if text:
                    texts.append(text)
    return texts


def html_pages():
    pages = []
    folder = SHARED / "peer-suites/article-extraction/html"
    if not folder.is_dir():
        raise SystemExit(f"{folder}: not found (set SANCTIONS_SHARED to the shared data folder)")
    for path in sorted(folder.glob("*.html.gz")):
        pages.append(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
    return pages


PARAGRAPH = re.compile(r"(<p\b[^>]*>)(.*?)(</p>)", re.S | re.I)


def text_article(rng, texts):
    first, second = rng.sample(texts, 2)
    paragraphs = [p for p in first.split("\n") if p.strip()]
    extra = [p for p in second.split("\n") if p.strip()]
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
            published = dt.date.fromordinal(start + rng.randrange(6000)).isoformat()
            record = {"id": f"{args.prefix}-{n:08d}", "url": f"https://news.example/{published}/{n}", "published": published}
            if args.kind == "text":
                title, record["text"] = text_article(rng, sources)
                record["title"] = title[:120]
            else:
                record["html"] = html_article(rng, sources)
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
    print(f"{args.out}: {n} articles, {written / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
