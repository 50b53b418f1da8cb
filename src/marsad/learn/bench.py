"""Speed and memory of the learned layer: ``python -m marsad.learn.bench [--mb 2]``.

Runs, each in a fresh process on the same texts (../shared/seeds and the bundled sample, replicated): str.split,
the rule pipeline (text, actors, events), and the rule pipeline plus the learned layer (sentence classifier, event
and argument scorers, recall stage); also the load time of all the models.
Figures only, no pass/fail.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ..quality.bench import b_split, corpus_texts, in_child, replicate


def _run(docs: list[str], learned: bool, recall_on: bool = False) -> dict:
    from ..ingest.readers import make_document
    from .dataset import rules_pipeline

    pipe = rules_pipeline()
    if learned:
        from .eventstage import LearnedEventStage
        from .recall import RecallStage
        from .stage import QuadStage

        coder = pipe.stages[-1].coder
        pipe.stages.append(QuadStage(coder))
        pipe.stages.append(LearnedEventStage())
        pipe.stages.append(RecallStage(coder, force_on=recall_on))
    t0 = time.perf_counter()
    ns = nq = ne = 0
    for i, d in enumerate(docs):
        # the first line as the title, as in press articles (the press relevance model reads it)
        p = pipe(make_document(d, f"bench#{i}", d.split("\n", 1)[0][:200], published="2025-06-01"))
        ns += len(p.content_sentences())
        nq += sum(1 for q in p.quads.values() if q[0] != "irrelevant")
        ne += len(p.events)
    return {"seconds": time.perf_counter() - t0, "sentences": ns, "relevant": nq, "events": ne}


def _load() -> dict:
    from ..events.coder import EventCoder
    from .eventstage import LearnedEventStage
    from .recall import RecallStage
    from .stage import QuadStage

    coder = EventCoder()
    stage = QuadStage(coder)
    t0 = time.perf_counter()
    stage._load()
    LearnedEventStage()._load()
    RecallStage(coder)._load()
    return {"seconds": time.perf_counter() - t0}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0, help="MB of text (default 2)")
    ap.add_argument("--seeds", type=Path, help="folder of .txt articles (default ../shared/seeds)")
    ap.add_argument("--recall-on", action="store_true",
                    help="also time the recall stage at the threshold dev CV preferred where training switched it off")
    args = ap.parse_args(argv)
    docs = replicate(corpus_texts(args.seeds), args.mb)
    split = in_child(b_split, docs)
    rules = in_child(_run, docs, False)
    both = in_child(_run, docs, True)
    load = in_child(_load)
    runs = [("str.split (baseline)", split), ("rules (text+actors+events)", rules), ("rules + learned layer", both)]
    if args.recall_on:
        runs.append(("... + recall stage forced on", in_child(_run, docs, True, True)))
    n = rules["sentences"]
    print(f"{len(docs):,} documents, {args.mb} MB, {n:,} content sentences; one process each")
    print(f"{'run':<26} {'seconds':>8} {'sentences/s':>12} {'peak MB':>8}")
    for name, r in runs:
        print(f"{name:<26} {r['seconds']:>8.2f} {n / r['seconds']:>12,.0f} {r['peak_mb']:>8.0f}")
    layer = both["seconds"] - rules["seconds"]
    alone = f"{n / layer:,.0f} sentences/s" if layer > 0 else "n/a: the machine's load changed between runs"
    print(f"learned layer alone: {layer:.2f}s ({alone}); model load "
          f"{load['seconds']:.2f}s, load process peak {load['peak_mb']:.0f} MB; "
          f"{both['relevant']:,} sentences labelled relevant; events {rules['events']:,} (rules) -> "
          f"{both['events']:,} (learned)")


if __name__ == "__main__":
    main()
