"""The coder over the whole development corpus: events per 1,000 sentences, share with both parties, share with
an inferred party, top triggers (by pattern family), and a seeded random sample of events for reading.

    python tools/corpus_report.py [--corpus ../shared/corpora/saudinewsnet] [--sample 50] [--show-sample]
        [--count news.aid.distribute,news.request.circumstantial]

Prints figures only; `--show-sample` prints the sampled sentences to the terminal for a person to judge (never
save that output inside the repository: the corpus's text stays out of it).
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from marsad.ingest.newsjson import read_news_zip
from marsad.pipeline import Pipeline


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="../shared/corpora/saudinewsnet")
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--show-sample", action="store_true")
    ap.add_argument("--limit", type=int, default=0, help="articles per file (0: all)")
    ap.add_argument("--count", default="", help="comma-separated trigger entries (families) whose counts to print")
    args = ap.parse_args()
    pipe = Pipeline.default()
    n_docs = n_sent = 0
    events = []
    families: Counter = Counter()
    types: Counter = Counter()
    for f in sorted(Path(args.corpus).glob("*.zip")):
        k = 0
        for d in read_news_zip(f):
            if not hasattr(d, "origin"):
                continue
            k += 1
            if args.limit and k > args.limit:
                break
            p = pipe(d)
            n_docs += 1
            n_sent += len(p.content_sentences())
            for e in p.events:
                events.append((f.name, d.origin["index"], e))
                families[e.pattern.split("#")[0]] += 1
                types[e.event] += 1
    n = len(events)
    both = sum(1 for *_, e in events if e.actor.code and e.recipient.code)
    inferred = sum(1 for *_, e in events if e.actor.inferred or e.recipient.inferred)
    asserted = sum(1 for *_, e in events if e.modality == "asserted" and not e.negated)
    print(f"articles {n_docs:,}; content sentences {n_sent:,}; events {n:,}")
    print(f"events per 1,000 sentences {1000 * n / max(n_sent, 1):.1f}; both parties coded {both / max(n, 1):.3f}; "
          f"a party inferred {inferred / max(n, 1):.3f}; asserted and not negated {asserted / max(n, 1):.3f}")
    print("types: " + ", ".join(f"{t} {c}" for t, c in types.most_common()))
    print("top 20 trigger entries: " + ", ".join(f"{t} {c}" for t, c in families.most_common(20)))
    if args.count:
        print("entries asked for: " + ", ".join(f"{t} {families[t]}" for t in args.count.split(",")))
    sample = random.Random(7).sample(events, min(args.sample, n))
    if args.show_sample:
        for i, (name, idx, e) in enumerate(sample):
            print(f"[{i}] {name}#{idx} {e.event}/{e.mode} {e.actor.code}({e.actor.agent})->{e.recipient.code}"
                  f"({e.recipient.agent}) {e.modality}{' NEG' if e.negated else ''} «{e.event_text}»\n    {e.sentence[:300]}")


if __name__ == "__main__":
    main()
