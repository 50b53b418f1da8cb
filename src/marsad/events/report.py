"""Terminal report of the real-news scorer (``marsad eval events tests/gold/real_news.jsonl``)."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from .scoring import LEVELS, eval_real_news


def print_real_news(gold: Path, corpus: Path, json_out: bool = False, errors: int = 0,
                    console: Console | None = None, pipeline=None) -> dict:
    console = console or Console(highlight=False)
    r = eval_real_news(gold, corpus, pipeline)
    if json_out:
        print(json.dumps(r, ensure_ascii=False, indent=1))
        return r
    t = Table("level", *(f"{s} {m}" for s in ("dev", "test") for m in ("P", "R", "F1")),
              title=f"events vs {gold.name} (dev {r['dev']['sentences']} / test {r['test']['sentences']} sentences)")
    for lv in LEVELS:
        t.add_row(lv, *(f"{r[s][lv][m]:.3f}" for s in ("dev", "test") for m in ("precision", "recall", "f1")))
    console.print(t)
    for s in ("dev", "test"):
        x = r[s]
        console.print(f"{s}: event-free sentences given an event {x['event_free_given_event']} "
                      f"(of {x['event_free_sentences']}); per type F1: "
                      + ", ".join(f"{k} {v['f1']:.2f} ({v['tp']}/{v['tp'] + v['fn']}, fp {v['fp']})"
                                  for k, v in x["per_type"].items()))
    for e in r["dev"]["errors"][:errors]:  # dev only: the test half is scored, never read for errors
        console.print(f"[bold]{e['id']}[/bold] missed {[(g['event'], (g.get('actor') or {}).get('country'), (g.get('recipient') or {}).get('country')) for g in e['missed']]}"
                      f" extra {[(x['event'], x['actor'], x['recipient'], x['trigger']) for x in e['extra']]}")
    return r
