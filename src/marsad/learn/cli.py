"""``marsad learn …``: the learned layer's commands (each is also ``python -m marsad.learn.<name>``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="The learned layer: evaluate (5-fold CV on Keep it Local), train, bench.",
                  no_args_is_help=True)
KilOpt = Annotated[Path | None, typer.Option("--kil", help="Keep it Local folder (default ../shared/eval/kil)")]


@app.command("eval")
def eval_cmd(kil: KilOpt = None, no_ablation: bool = False) -> None:
    """QuadClass macro-F1 and relevance F1, rules only vs the learned layer, with feature-group ablations."""
    from .evaluate import main

    main((["--kil", str(kil)] if kil else []) + (["--no-ablation"] if no_ablation else []))


@app.command("train")
def train_cmd(kil: KilOpt = None, out: Annotated[Path | None, typer.Option(help="output folder")] = None) -> None:
    """Rebuild the shipped models (and their model cards) from ../shared with fixed seeds."""
    from .train import main

    main((["--kil", str(kil)] if kil else []) + (["--out", str(out)] if out else []))


@app.command("bench")
def bench_cmd(mb: float = 2.0) -> None:
    """Sentences/s of the rules alone and with the learned layer, against str.split; model load; memory."""
    from .bench import main

    main(["--mb", str(mb)])
