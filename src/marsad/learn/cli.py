"""``marsad learn …``: the learned layer's commands (each is also ``python -m marsad.learn.<name>``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="The learned layer: evaluate (5-fold CV on Keep it Local), train, bench, ablation.",
                  no_args_is_help=True)
KilOpt = Annotated[Path | None, typer.Option("--kil", help="Keep it Local folder (default ../shared/eval/kil)")]


@app.command("eval")
def eval_cmd(kil: KilOpt = None, no_ablation: bool = False) -> None:
    """QuadClass macro-F1 and relevance F1, rules only vs the learned layer, with feature-group ablations."""
    from .evaluate import main

    main((["--kil", str(kil)] if kil else []) + (["--no-ablation"] if no_ablation else []))


@app.command("train")
def train_cmd(kil: KilOpt = None, out: Annotated[Path | None, typer.Option(help="output folder")] = None,
              only: Annotated[str | None, typer.Option(help="'sentences' (Keep it Local models) or 'events' "
                                                            "(event and argument scorers, recall stage)")] = None) -> None:
    """Rebuild the shipped models (and their model cards) from ../shared with fixed seeds: the sentence
    classifier first, then the event and argument scorers (which read its quads)."""
    if only not in (None, "sentences", "events"):
        raise typer.BadParameter(f"--only {only}: expected 'sentences' or 'events'")
    if only != "events":
        from .train import main

        main((["--kil", str(kil)] if kil else []) + (["--out", str(out)] if out else []))
    if only != "sentences":
        from .eventtrain import main as event_main
        from .recalltrain import main as recall_main

        event_main(["--out", str(out)] if out else [])
        recall_main(["--out", str(out)] if out else [])  # reads the event scorers' output: after them


@app.command("bench")
def bench_cmd(mb: float = 2.0, recall_on: Annotated[bool, typer.Option(
        help="also time the recall stage at the threshold dev CV preferred")] = False) -> None:
    """Sentences/s of the rules alone and with the learned layer, against str.split; model load; memory."""
    from .bench import main

    main(["--mb", str(mb)] + (["--recall-on"] if recall_on else []))


@app.command("ablation")
def ablation_cmd(gold: Annotated[Path, typer.Option(help="real-news gold")] = Path("tests/gold/real_news.jsonl"),
                 corpus: Annotated[Path, typer.Option(help="development corpus")] = Path(
                     "../shared/corpora/saudinewsnet"),
                 recall_on: Annotated[bool, typer.Option(help="run the recall stage at the threshold dev CV "
                                                              "preferred even where training switched it off")] = False
                 ) -> None:
    """Rules only vs rules + learned layer (without and with the recall stage) on the PROTEST set, the real-news
    and attacks golds (dev, test), seed and own gold."""
    from .ablation import main

    main(["--gold", str(gold), "--corpus", str(corpus)] + (["--recall-on"] if recall_on else []))
