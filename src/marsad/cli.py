"""Command line: a thin layer over the Python API (marsad.api_py / store / pipeline).

Every read command takes ``--json`` for scripting; ``--db`` (or MARSAD_DB) picks the store.
"""

from __future__ import annotations

import json
import os
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from .store.db import Store, StoreError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Marsad: Arabic political events and alliances.")
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


def sample_path() -> Path:
    return Path(str(resources.files("marsad.data.sample").joinpath("corpus.jsonl")))


# -- ingest --------------------------------------------------------------------------------------

@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively).")],
    db: DbOpt = None,
    json_out: JsonOpt = False,
    force: Annotated[bool, typer.Option(help="Re-read files already ingested (stored documents are still skipped).")] = False,
    upto: Annotated[str, typer.Option(help="Last stage to run: text | actors | events.")] = "events",
    workers: Annotated[int, typer.Option(help="Pipeline processes (default: the machine's cores); one writer.")] = 0,
) -> None:
    """Read news files (txt, html, jsonl, rss/atom, warc) into the store. Safe to re-run."""
    from .ingest.run import ingest as run_ingest
    from .ingest.run import total_bytes
    from .ingest.workers import default_workers
    from .pipeline import Pipeline

    store = open_store(db)
    pipeline = Pipeline.default(upto)
    total = total_bytes(paths)
    with Progress(TextColumn("[bold]ingest"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                  TextColumn("{task.description}"), console=err, disable=json_out or not err.is_terminal) as bar:
        task = bar.add_task("", total=total or None)
        report = run_ingest(paths, store, pipeline, progress=lambda f, n: bar.update(task, advance=n, description=Path(f).name),
                            force=force, workers=workers or default_workers(), on_wait=lambda m: err.print(m, markup=False))
    store.close()
    for e in report.errors:
        err.print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)
    if json_out:
        emit_json(report.to_dict())
    else:
        console.print(
            f"files {report.files} · documents read {report.documents_read} · added {report.added} · "
            f"already stored {report.skipped} · near-duplicates {report.near_duplicates} · "
            f"sentences {report.sentences} · mentions {report.mentions} · events {report.events} · "
            f"errors {len(report.errors)}")
    raise typer.Exit(1 if report.errors else 0)


# -- reading -------------------------------------------------------------------------------------

@app.command()
def stats(db: DbOpt = None, json_out: JsonOpt = False) -> None:
    """Counts of documents, sentences, mentions and events, per outlet."""
    with open_store(db) as store:
        s = store.stats()
    if json_out:
        emit_json(s)
        return
    console.print(f"documents {s['documents']} (near-duplicates {s['duplicates']}) · sentences {s['sentences']} · "
                  f"mentions {s['mentions']} · events {s['events']} · schema v{s['schema_version']}")
    t = Table("outlet", "documents", "sentences")
    for r in s["by_source"]:
        t.add_row(r["source"], str(r["documents"]), str(r["sentences"]))
    console.print(t)


@app.command()
def show(doc_id: str, db: DbOpt = None, json_out: JsonOpt = False) -> None:
    """One document with its sentences, actor mentions (highlighted) and events."""
    with open_store(db) as store:
        try:
            d = store.document(doc_id)
        except StoreError as e:
            err.print(f"[red]error:[/red] {e}")
            raise typer.Exit(2) from None
    if d is None:
        err.print(f"[red]error:[/red] no document '{doc_id}'")
        raise typer.Exit(2)
    if json_out:
        emit_json(d)
        return
    from .render import render_document

    render_document(console, d)


# -- demo ----------------------------------------------------------------------------------------

@app.command()
def demo(
    db: Annotated[str, typer.Option("--db", help="Store to (re)create for the demo.")] = "marsad-demo.db",
    serve: Annotated[bool, typer.Option(help="Start the web dashboard on the demo store afterwards.")] = False,
    port: int = 8000,
) -> None:
    """Ingest the bundled sample corpus into a fresh store and show what each stage found."""
    from .ingest.run import ingest as run_ingest
    from .pipeline import Pipeline

    if not db.startswith("postgres"):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
    store = open_store(db)
    pipeline = Pipeline.default("events")
    report = run_ingest([sample_path()], store, pipeline)
    for e in report.errors:
        err.print(f"[red]error:[/red] {e}")
    s = store.stats()
    console.print(f"[bold]Marsad demo[/bold] — store {db}: {s['documents']} documents "
                  f"({s['duplicates']} near-duplicates), {s['sentences']} sentences, "
                  f"{s['mentions']} actor mentions, {s['events']} events")
    t = Table("outlet", "documents", "sentences", title="Per outlet")
    for r in s["by_source"]:
        t.add_row(r["source"], str(r["documents"]), str(r["sentences"]))
    console.print(t)
    from .render import demo_allies, demo_summary

    demo_summary(console, store)
    demo_allies(console, store)
    store.close()
    console.print(f"Next: [bold]marsad show DOC_ID --db {db}[/bold], [bold]marsad allies ARM --db {db}[/bold], "
                  f"[bold]marsad report RUS --db {db} -o rus.html[/bold], [bold]marsad serve --db {db}[/bold]")
    if serve:
        from .api.app import serve as run_server

        run_server(db, port=port)


# -- bench ---------------------------------------------------------------------------------------

@app.command()
def bench(
    mb: Annotated[float, typer.Option(help="Megabytes of Arabic text to process (seeds and sample replicated).")] = 10.0,
    stage: Annotated[str, typer.Option(help="text | actors | events | ingest | all")] = "all",
    seeds: Annotated[Path | None, typer.Option(help="Folder of extra .txt articles to replicate (default ../shared/seeds if present).")] = None,
    workers: int = 1,
    json_out: JsonOpt = False,
) -> None:
    """Throughput and peak memory of each stage on >= MB of Arabic text."""
    from .bench import run_bench

    results = run_bench(mb=mb, stage=stage, seeds=seeds, workers=workers, log=lambda m: err.print(m))
    if json_out:
        emit_json(results)
        return
    t = Table("benchmark", "seconds", "MB/s", "sentences/s", "extra", "peak MB")
    for r in results:
        t.add_row(r["name"], f"{r['seconds']:.2f}", f"{r.get('mb_per_s', 0):.2f}", f"{r.get('sentences_per_s', 0):,.0f}",
                  r.get("extra", ""), f"{r.get('peak_mb', 0):.0f}")
    console.print(t)


def main() -> None:
    from . import analysis_commands, commands, scale_commands, server_commands  # noqa: F401  (register later stages' commands)

    app()


if __name__ == "__main__":  # run as marsad.cli: hand over to the package module so commands register once
    from marsad.cli import main as package_main

    package_main()
