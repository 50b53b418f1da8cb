"""The one Typer app, its command groups, and the helpers every command module shares.

Command modules import from here only, never from each other, so the CLI has no import cycles.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..store.db import Store, StoreError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Marsad: Arabic political events and alliances.")
dict_app = typer.Typer(help="The actor dictionary, lexicons and formal ties: check, candidates, accept.")
eval_app = typer.Typer(help="Score a stage against a gold file.")
export_app = typer.Typer(help="Export events, dyads or the alliance graph.")
whatif_app = typer.Typer(help="What-if questions on the formal ties and the alignment network.")
keys_app = typer.Typer(help="API keys for writing through the REST API (and reading, when reads are closed).")
app.add_typer(dict_app, name="dict")
app.add_typer(eval_app, name="eval")
app.add_typer(export_app, name="export")
app.add_typer(whatif_app, name="whatif")
app.add_typer(keys_app, name="keys")

console = Console()
err = Console(stderr=True)

DbOpt = Annotated[str | None, typer.Option("--db", help="SQLite path or postgresql:// URL (default: $MARSAD_DB or ./marsad.db)")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


def emit_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=1, default=str) + "\n")


def open_store(db: str | None) -> Store:
    try:
        return Store.open(db)
    except StoreError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from None


def check_export(fmt: str, allowed: tuple[str, ...], output: Path | None) -> None:
    """Exit 2 with a clear message for an unknown format, or for binary output without -o."""
    if fmt not in allowed:
        err.print(f"[red]error:[/red] unknown format '{fmt}' ({', '.join(allowed)})")
        raise typer.Exit(2)
    if fmt == "parquet" and output is None:
        err.print("[red]error:[/red] parquet is binary: give -o FILE")
        raise typer.Exit(2)
