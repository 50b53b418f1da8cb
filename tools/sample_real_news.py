"""Draw the real-news gold sample from the development corpus (../shared/corpora/saudinewsnet), fixed seed.

Articles are visited in a seeded random order; from each, one body sentence (6-70 tokens) is drawn at random and
put in stratum "state" (Marsad's actor stage names a state in it) or "other", until 240 + 160 are filled. Each
sentence is assigned to dev or test at random (seeded, half each). `--part 2` draws a second, dev-only sample of
180 + 120 sentences (ids rn400-rn699) with its own seed from the articles the first part did not use, and appends
it to the sample file; `--part 3` likewise draws rn700-rn999 (seed + 3) and `--part 4`
rn1000-rn1299 (seed + 4, 200 naming a state and 100 others: more events per sentence for training), `--part 5`
rn1300-rn1599 (seed + 5, the same quotas), `--part 6` rn1600-rn1899 (seed + 6), `--part 7` rn1900-rn2199 (seed + 7), `--part 8` rn2200-rn2499 (seed + 8), `--part 9` rn2500-rn2799 (seed + 9), `--part 10` rn2800-rn3099 (seed + 10), `--part 11` rn3100-rn3399 … `--part 16` rn4600-rn4899, `--part 17` rn4900-rn5199, `--part 18` rn5200-rn5499 … `--part 22` rn6400-rn6699 (300 each, seed + part); the test half stays the first part's 200
sentences. The output holds references only (file, article
index, character offsets into the article text as `marsad.ingest.newsjson` reads it): the corpus's text never
enters the repository.

    python tools/sample_real_news.py [--part 2] [--corpus ../shared/corpora/saudinewsnet] [-o tests/gold/real_news_sample.jsonl]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from marsad.ingest.newsjson import read_news_zip
from marsad.pipeline import Pipeline

SEED = 20150721
QUOTA = {"state": 240, "other": 160}
PARTS = {2: {"seed": SEED + 2, "quota": {"state": 180, "other": 120}, "first": 400},
         3: {"seed": SEED + 3, "quota": {"state": 180, "other": 120}, "first": 700}}
# from part 4 on: 300 sentences each, 200 naming a state (more events per sentence for training)
PARTS.update({n: {"seed": SEED + n, "quota": {"state": 200, "other": 100}, "first": 1000 + 300 * (n - 4)}
              for n in range(4, 23)})


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="../shared/corpora/saudinewsnet")
    ap.add_argument("-o", "--out", default="tests/gold/real_news_sample.jsonl")
    ap.add_argument("--part", type=int, choices=tuple(range(1, 23)), default=1)
    args = ap.parse_args()
    part2 = args.part in PARTS  # a later, dev-only part
    quota = PARTS[args.part]["quota"] if part2 else QUOTA
    used = set()
    if part2:
        for line in open(args.out, encoding="utf-8"):
            r = json.loads(line)
            used.add((r["file"], r["index"]))
    rng = random.Random(PARTS[args.part]["seed"] if part2 else SEED)
    files = sorted(Path(args.corpus).glob("*.zip"))
    docs = {}
    for f in files:
        for d in read_news_zip(f):
            if hasattr(d, "origin"):
                docs[(f.name, int(d.origin["index"]))] = d
    keys = sorted(k for k in docs if k not in used)
    rng.shuffle(keys)
    pipe = Pipeline.default(upto="actors")
    taken = {k: [] for k in quota}
    for key in keys:
        if all(len(taken[k]) >= n for k, n in quota.items()):
            break
        p = pipe(docs[key])
        body = [s for s in p.sentences if s.kind == "body" and 6 <= len(p.tokens[s.idx]) <= 70]
        if not body:
            continue
        s = rng.choice(body)
        states = any(m.kind in ("name", "nisba", "capital", "metonym", "person") and len(m.code) == 3
                     and m.code.isalpha() and s.start <= m.start < s.end for m in p.mentions)
        stratum = "state" if states else "other"
        if len(taken[stratum]) >= quota[stratum]:
            continue
        taken[stratum].append({"file": key[0], "index": key[1], "start": s.start, "end": s.end, "stratum": stratum,
                               "published": docs[key].published, "source": docs[key].source})
    rows = taken["state"] + taken["other"]
    rng.shuffle(rows)
    first = PARTS[args.part]["first"] if part2 else 0
    for i, r in enumerate(rows):
        r["id"] = f"rn{first + i:03d}"
        # rows are already in random order; the second part is development data only
        r["split"] = "dev" if part2 or i < len(rows) // 2 else "test"
    with open(args.out, "a" if part2 else "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({k: r[k] for k in ("id", "split", "stratum", "file", "index", "start", "end",
                                                   "published", "source")}, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences -> {args.out}: "
          + ", ".join(f"{k} {sum(r['split'] == k for r in rows)}" for k in ("dev", "test")))


if __name__ == "__main__":
    main()
