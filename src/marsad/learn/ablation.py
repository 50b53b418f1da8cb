"""Ablation: rules only vs rules + learned layer, on every gold the project has:
``python -m marsad.learn.ablation`` (or ``marsad learn ablation``).

Rows: the real-news gold's dev and test halves (type, type+actor, type+actor+recipient F1 and the share of
event-free sentences given an event; test figures are printed, never its errors), the third-party PROTEST set,
the seed gold and the own gold. Keep it Local figures come from `marsad learn eval` (5-fold CV; slow) and are
quoted from the shipped model cards, with the published peer figures.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..events.scoring import eval_real_news
from ..pipeline import Pipeline
from ..quality.evaluate import eval_events, eval_protest
from .recall import RecallStage

PEERS = "published, authors' test split, fine-tuned on GPUs: ConfliBERT-Arabic quad macro-F1 0.63 / relevance F1 0.91; " \
        "AraBERT 0.51 / 0.90"


def run(gold: Path, corpus: Path, protest: Path, seeds: Path, more: tuple[Path, ...] = (),
        recall_on: bool = False) -> dict[str, dict]:
    out = {}
    relevance = {}
    if gold.exists() and corpus.exists():  # sentence relevance: rules = "the coder codes an event there"
        from .news import prf, score

        for split, c in score(gold, corpus).items():
            relevance[split] = {k: prf(c[k]) for k in ("rules", "layer")}
    for name, learned, recall in (("rules only", False, False), ("rules + learned", True, False),
                                  ("rules + learned + recall", True, True)):
        pipe = Pipeline.default("events", learned=learned)
        if not recall:  # the recall stage (learn/recall.py) is its own column
            pipe = Pipeline([s for s in pipe.stages if not isinstance(s, RecallStage)])
        for s in pipe.stages:
            if isinstance(s, RecallStage):
                s.force_on = recall_on
        r = {}
        for g in (gold, *more):
            if not (g.exists() and corpus.exists()):
                continue
            rn = eval_real_news(g, corpus, pipe)
            for split in ("dev", "test"):
                x = rn[split]
                rel = relevance.get(split, {}).get("layer" if learned else "rules", (0.0, 0.0, 0.0))
                tp = x["type"]
                key = split if g == gold else f"{g.stem}:{split}"
                r[key] = (f"{tp['precision']:.3f} / {tp['recall']:.3f} / {tp['f1']:.3f}", x["type+actor"]["f1"],
                          x["type+actor+recipient"]["f1"], x["event_free_given_event"],
                          "{:.3f} / {:.3f} / {:.3f}".format(*rel) if g == gold else "-")
        if protest.exists():
            p = eval_protest(protest, pipe)
            r["protest"] = (p["protest_found_share"], p["actor_country_accuracy"], p["recipient_country_accuracy"])
        for g in ("seed_events", "own_events"):
            path = Path("tests/gold") / f"{g}.jsonl"
            if path.exists() and (g != "seed_events" or seeds.exists()):
                e = eval_events(path, seeds, pipe)
                r[g] = (e["overall"]["f1"], e["actor_accuracy"], e["recipient_accuracy"])
        out[name] = r
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=Path("tests/gold/real_news.jsonl"))
    ap.add_argument("--more-gold", type=Path, nargs="*", default=[Path("tests/gold/real_attacks.jsonl")],
                    help="further real-news gold files (both halves printed; type and party figures only)")
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpora/saudinewsnet"))
    ap.add_argument("--recall-on", action="store_true",
                    help="run the recall stage at the threshold dev CV preferred even where training switched it off")
    ap.add_argument("--protest", type=Path, default=Path("../shared/eval/up_protest_gold.jsonl"))
    ap.add_argument("--seeds", type=Path, default=Path("../shared/seeds"))
    a = ap.parse_args(argv)
    res = run(a.gold, a.corpus, a.protest, a.seeds, tuple(a.more_gold), a.recall_on)
    print("| set | measure | rules only | rules + learned | rules + learned + recall |")
    print("|---|---|---|---|---|")
    real = ("type P / R / F1", "type+actor F1", "type+actor+recipient F1", "event-free sentences given an event",
            "sentence relevance P / R / F1 (rules: an event coded there; learned: the sentence quad)")
    rows = [("dev", "real-news gold, dev half (trained on)", real), ("test", "real-news gold, test half", real),
            *[(f"{g.stem}:{sp}", f"{g.stem}, {sp} half", real[:4]) for g in a.more_gold for sp in ("dev", "test")],
            ("protest", "PROTEST set (272)", ("found", "actor country", "recipient country")),
            ("seed_events", "seed gold (111 events)", ("event F1", "actor code acc.", "recipient code acc.")),
            ("own_events", "own gold (165 sentences)", ("event F1", "actor code acc.", "recipient code acc."))]
    base, learned, recall = res["rules only"], res["rules + learned"], res["rules + learned + recall"]
    for key, title, measures in rows:
        if key not in base:
            continue
        for i, m in enumerate(measures):
            print(f"| {title} | {m} | {base[key][i]} | {learned[key][i]} | {recall[key][i]} |")
    print(f"Keep it Local: see `marsad learn eval` (model cards in src/marsad/data/models); {PEERS}")


if __name__ == "__main__":
    main()
