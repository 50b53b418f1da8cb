"""Build tests/gold/real_news.jsonl from the annotators' working files (docs/annotation.md).

Every `text` and `trigger` of the working files is replaced by character offsets into the sentence, so the gold
keeps labels and references only, never corpus text.

    python tools/real_news_gold.py WORKFILE... [--sample tests/gold/real_news_sample.jsonl] [-o tests/gold/real_news.jsonl]
    python tools/real_news_gold.py --base tests/gold/real_news.jsonl NEWWORKFILE...   # add new parts to a built gold

With `--base`, the sentences already in that gold keep their labels (the working files they came from need not be
at hand); a sentence labelled in both is an error.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from marsad.ingest.newsjson import corpus_articles

# Guideline revisions applied to every half alike (docs/annotation.md, "Revisions"):
# 1. executions are ASSAULT (mode execute) as in the project's ontology; the first guidelines said COERCE.
EXECUTION = re.compile("عدام|أعدم|اعدم|حكم القتل|القصاص")


def revise(e: dict) -> dict:
    if e["event"] == "COERCE" and EXECUTION.search(e.get("trigger") or ""):
        e = {**e, "event": "ASSAULT", "mode": "execute"}
    return e


def _span(sentence: str, text: str | None, where: str) -> dict:
    if not text:
        return {}
    i = sentence.find(text)
    if i < 0:
        raise SystemExit(f"{where}: '{text}' is not in the sentence")
    return {"start": i, "end": i + len(text)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("work", nargs="*")
    ap.add_argument("--sample", default="tests/gold/real_news_sample.jsonl")
    ap.add_argument("--corpus", default="../shared/corpora/saudinewsnet")
    ap.add_argument("-o", "--out", default="tests/gold/real_news.jsonl")
    ap.add_argument("--base", help="a built gold whose rows are kept as they are")
    args = ap.parse_args()
    base = {}
    if args.base:
        for line in open(args.base, encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                base[r["id"]] = r
    labels = {}
    for w in args.work:
        for n, line in enumerate(open(w, encoding="utf-8"), 1):
            if line.strip():
                r = json.loads(line)
                if r["id"] in base:
                    raise SystemExit(f"{w}:{n}: {r['id']} is already in {args.base}")
                labels[r["id"]] = (r, f"{w}:{n}")
    cache: dict[str, list] = {}
    rows = []
    for line in open(args.sample, encoding="utf-8"):
        s = json.loads(line)
        if s["id"] in base:
            rows.append(base[s["id"]])
            continue
        if s["id"] not in labels:
            continue
        r, where = labels[s["id"]]
        arts = cache.setdefault(s["file"], corpus_articles(Path(args.corpus) / s["file"]))
        text = arts[s["index"]]["content"].replace("\r\n", "\n").replace("\r", "\n")[s["start"]:s["end"]]
        events = []
        for e in map(revise, r.get("events") or []):
            ev = {"event": e["event"], "mode": e.get("mode"), "negated": bool(e.get("negated")),
                  "modality": e.get("modality") or "asserted", "optional": bool(e.get("optional"))}
            for side in ("actor", "recipient"):
                p = e.get(side) or {}
                ev[side] = {"country": p.get("country"), "agent": p.get("agent"),
                            **_span(text, p.get("text"), where)} if p else None
            trig = _span(text, e.get("trigger"), where)
            if trig:
                ev["trigger_start"], ev["trigger_end"] = trig["start"], trig["end"]
            events.append(ev)
        rows.append({**s, "events": events})
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences, {sum(len(r['events']) for r in rows)} events -> {args.out}")


if __name__ == "__main__":
    main()
