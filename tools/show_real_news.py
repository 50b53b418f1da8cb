"""Print the real-news sample's sentences with a little context (title, previous sentence), for annotators.

    python tools/show_real_news.py [--ids rn000-rn199] > /somewhere/outside/the/repo.txt

The text comes from ../shared/corpora at run time; never save its output inside the repository.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from marsad.ingest.newsjson import corpus_articles


def _num(rid: str) -> int:
    # ids grow past rn999, so compare numbers, not strings
    return int("".join(c for c in rid if c.isdigit()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", default="tests/gold/real_news_sample.jsonl")
    ap.add_argument("--corpus", default="../shared/corpora/saudinewsnet")
    ap.add_argument("--ids", default="", help="a range such as rn000-rn199")
    args = ap.parse_args()
    lo, hi = (args.ids.split("-") + [""])[:2] if args.ids else ("", "")
    cache: dict[str, list[dict]] = {}
    for line in open(args.sample, encoding="utf-8"):
        r = json.loads(line)
        if lo and not (_num(lo) <= _num(r["id"]) <= _num(hi or lo)):
            continue
        arts = cache.setdefault(r["file"], corpus_articles(Path(args.corpus) / r["file"]))
        a = arts[r["index"]]
        text = a["content"].replace("\r\n", "\n").replace("\r", "\n")
        before = text[max(0, r["start"] - 300):r["start"]].split("\n")[-1][-300:]
        print(f"=== {r['id']}  ({r['source']}, {r['published']})")
        print(f"TITLE: {a.get('title', '')}")
        print(f"BEFORE: …{before}")
        print(f"SENTENCE: {text[r['start']:r['end']]}")
        print()


if __name__ == "__main__":
    main()
