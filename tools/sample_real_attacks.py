"""Draw the real-attacks gold sample: sentences of the development corpus that carry a word of violence or
coercion, for measuring the coder where real news is hardest (parties of attacks, passives, unnamed gunmen).

Articles are visited in a seeded random order, skipping those of the real-news sample; from each, one body
sentence (6-70 tokens) containing a keyword is drawn at random, until 200 are taken; 120 go to dev and 80 to test
at random (seeded). The output holds references only, as tools/sample_real_news.py does.

    python tools/sample_real_attacks.py [--corpus ../shared/corpora/saudinewsnet] [-o tests/gold/real_attacks_sample.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from marsad.ingest.newsjson import read_news_zip
from marsad.pipeline import Pipeline

SEED = 20150805
TAKE, DEV = 200, 120
# general words of violence and coercion (verbs, nouns, participles), not chosen from any gold sentence
KEYWORDS = re.compile("قتل|مقتل|قتيل|هجوم|هاجم|انفجار|تفجير|قصف|غارة|غارات|اغتيال|اغتيل|اشتباك|مسلح|انتحاري|عبوة|"
                      "قذيف|صاروخ|اختطاف|اختطف|خطف|أصيب|جرح|استهدف|اعتقل|اعتقال|أعدم|إعدام|رصاص|كمين|اقتحم")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="../shared/corpora/saudinewsnet")
    ap.add_argument("--exclude", default="tests/gold/real_news_sample.jsonl")
    ap.add_argument("-o", "--out", default="tests/gold/real_attacks_sample.jsonl")
    args = ap.parse_args()
    used = {(r["file"], r["index"]) for r in map(json.loads, open(args.exclude, encoding="utf-8"))}
    rng = random.Random(SEED)
    docs = {}
    for f in sorted(Path(args.corpus).glob("*.zip")):
        for d in read_news_zip(f):
            if hasattr(d, "origin") and (f.name, int(d.origin["index"])) not in used:
                docs[(f.name, int(d.origin["index"]))] = d
    keys = sorted(docs)
    rng.shuffle(keys)
    pipe = Pipeline.default(upto="text")
    rows = []
    for key in keys:
        if len(rows) >= TAKE:
            break
        p = pipe(docs[key])
        body = [s for s in p.sentences if s.kind == "body" and 6 <= len(p.tokens[s.idx]) <= 70
                and KEYWORDS.search(p.doc.text[s.start:s.end])]
        if not body:
            continue
        s = rng.choice(body)
        rows.append({"file": key[0], "index": key[1], "start": s.start, "end": s.end, "stratum": "violence",
                     "published": docs[key].published, "source": docs[key].source})
    for i, r in enumerate(rows):  # already in random order
        r["id"] = f"ra{i:03d}"
        r["split"] = "dev" if i < DEV else "test"
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({k: r[k] for k in ("id", "split", "stratum", "file", "index", "start", "end",
                                                   "published", "source")}, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences -> {args.out}: dev {sum(r['split'] == 'dev' for r in rows)}, "
          f"test {sum(r['split'] == 'test' for r in rows)}")


if __name__ == "__main__":
    main()
