"""The one Typer app, its command groups, and the helpers every command module shares.

Command modules import from here only, never from each other, so the CLI has no import cycles.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .. import __version__
from ..store.db import Store, StoreError, resolve_url
from .termsafe import esc

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
err = Console(stderr=True, soft_wrap=True)  # messages keep paths and ids whole (copyable), never hard-wrapped


def _print_version(value: bool) -> None:
    if value:
        console.print(f"marsad {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """Marsad: Arabic political events and alliances."""

DbOpt = Annotated[str | None, typer.Option("--db", help="SQLite path or postgresql:// URL (default: $MARSAD_DB or ./marsad.db)")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
ExcelOpt = Annotated[bool | None, typer.Option(
    "--excel/--no-excel", help="Start a CSV with a byte-order mark so that Excel reads the Arabic right "
    "(default: on for -o files, off for stdout).")]


def wants_bom(excel: bool | None, output: Path | None) -> bool:
    return excel if excel is not None else output is not None


def emit_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=1, default=str) + "\n")


def store_missing(db: str | None) -> str | None:
    """The SQLite path when it names no existing file (a server URL or :memory: is never missing)."""
    url = resolve_url(db)
    if "://" in url and not url.startswith("sqlite:///"):
        return None
    path = url.removeprefix("sqlite:///")
    return None if path == ":memory:" or os.path.exists(path) else path


def open_store(db: str | None, create: bool = False) -> Store:
    """Open the store; only commands that write (ingest, demo, keys create) may create it."""
    missing = None if create else store_missing(db)
    if missing:
        err.print(f"[red]error:[/red] no store at {esc(missing)}; run [bold]marsad ingest PATH[/bold] or "
                  f"[bold]marsad demo[/bold] (the demo's store is marsad-demo.db: add --db marsad-demo.db)",
                  highlight=False)
        raise typer.Exit(2)
    try:
        return Store.open(db)
    except StoreError as e:
        err.print(f"[red]error:[/red] {esc(e)}")
        raise typer.Exit(2) from None


def check_export(fmt: str, allowed: tuple[str, ...], output: Path | None) -> None:
    """Exit 2 with a clear message for an unknown format, or for binary output without -o."""
    if fmt not in allowed:
        err.print(f"[red]error:[/red] unknown format '{esc(fmt)}' ({', '.join(allowed)})")
        raise typer.Exit(2)
    if fmt == "parquet" and output is None:
        err.print("[red]error:[/red] parquet is binary: give -o FILE")
        raise typer.Exit(2)


def say_empty(why: str) -> None:
    """An empty result always says why, on stderr, so --json output stays clean."""
    err.print(f"[yellow]nothing to show:[/yellow] {esc(why)}", highlight=False)


def actor_code(text: str, what: str = "actor") -> str:
    """A code, Arabic or English name resolved to its code; exit 2 with suggestions when it is unknown."""
    from .lookup import UnknownActor, resolve_actor

    try:
        code, how = resolve_actor(text)
    except UnknownActor as e:
        hint = f"; did you mean: {', '.join(e.suggestions)}" if e.suggestions else ""
        err.print(f"[red]error:[/red] unknown {what} '{esc(text)}'{esc(hint)}", highlight=False)
        raise typer.Exit(2) from None
    if how != "code":
        err.print(f"[dim]{esc(text)} → {code} ({how})[/dim]", highlight=False)
    return code


def need_server_packages() -> None:
    """One line instead of a traceback when an install left the web server's packages out."""
    import importlib.util

    missing = [m for m in ("fastapi", "uvicorn", "multipart") if importlib.util.find_spec(m) is None]
    if missing:
        err.print(f"[red]error:[/red] the dashboard needs {', '.join(missing)}: pip install -e . "
                  f"(or pip install 'marsad[server]')", highlight=False)
        raise typer.Exit(2)
