#!/usr/bin/env python3
"""Print each article's events with the sentences they were read from.

Usage: sanctions-extract extract INPUT --jsonl - --emit-text | scripts/show_events.py [DOC_ID...]
"""
import json
import sys

wanted = set(sys.argv[1:])
for line in sys.stdin:
    record = json.loads(line)
    if wanted and record["doc_id"] not in wanted:
        continue
    text = record.get("text") or ""
    print(f"=== {record['doc_id']} ({record['source'].get('published')})")
    for event in record["events"]:
        counts = ", ".join(f"{c['value']} {c['category']}" for c in event["counts"])
        print(f"  {event['authority']} {event['status']} {event['target']} [{counts}] "
              f"{event['named_targets']} {event['date']} agency={event['agency']} rule={event['rule']}")
        for start, end in event["evidence"]:
            print(f"      | {text[start:end]}")
