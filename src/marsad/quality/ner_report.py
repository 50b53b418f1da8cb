"""Printing of ``marsad eval actors FILE.tsv`` (the NER evaluation in ``ner_eval``)."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from .ner_eval import CLASSES, eval_ner


def print_ner(gold: Path, json_out: bool, show_errors: int, date: str | None = None) -> None:
    try:
        r = eval_ner(gold, errors=show_errors, date=date)
    except (OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        raise SystemExit(2) from None
    if json_out:
        from ..cli.common import emit_json

        emit_json(r)
        return
    console = Console(width=150)
    console.print(f"{r['file']}: {r['sentences']} sentences, split by sentence with seed {r['seed']} "
                  f"(dev {r['dev']['sentences']}, test {r['test']['sentences']}); read as articles of {r['window']} "
                  f"consecutive sentences dated {date or 'unknown'}")
    for mode in ("exact", "overlap"):
        t = Table(title=f"span match: {mode}")
        t.add_column("class", no_wrap=True)
        for half in ("dev", "test"):
            for col in ("P", "R", "F1", "gold"):
                t.add_column(f"{half} {col}", justify="right")
        for cls in CLASSES + ("all",):
            row = [cls]
            for half in ("dev", "test"):
                x = r[half][mode][cls]
                row += [f"{x['precision']:.3f}", f"{x['recall']:.3f}", f"{x['f1']:.3f}", str(x["tp"] + x["fn"])]
            t.add_row(*row)
        console.print(t)
    for e in r["dev"].get("errors", []):
        console.print(f"  dev {e['kind']} {e['class']}: line {e['line']} {e['text']}", highlight=False)
