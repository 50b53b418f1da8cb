"""Commands of the first stages and the tour: ingest, stats, show, demo, bench."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..store.db import StoreError
from .common import DbOpt, JsonOpt, app, console, emit_json, err, need_server_packages, open_store
from .termsafe import esc


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
    date: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD of documents that bring none.")] = None,
    follow_links: Annotated[bool, typer.Option(help="Follow symbolic links that lead out of the given folders.")] = False,
    workers: Annotated[int, typer.Option(help="Pipeline processes (default: the machine's cores); one writer.")] = 0,
) -> None:
    """Read news files (txt, html, jsonl, rss/atom, warc) into the store. Safe to re-run."""
    date = _iso_or_exit(date, "--date")
    from ..ingest.run import ingest as run_ingest
    from ..ingest.run import total_bytes
    from ..ingest.workers import default_workers
    from ..pipeline import Pipeline

    store = open_store(db, create=True)
    pipeline = Pipeline.default(upto)
    total = total_bytes(paths)
    with Progress(TextColumn("[bold]ingest"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                  TextColumn("{task.description}"), console=err, disable=json_out or not err.is_terminal) as bar:
        task = bar.add_task("", total=total or None)
        report = run_ingest(paths, store, pipeline, progress=lambda f, n: bar.update(task, advance=n, description=esc(Path(f).name)),
                            force=force, default_date=date, follow_links=follow_links,
                            workers=workers or default_workers(), on_wait=lambda m: err.print(m, markup=False))
    store.close()
    for e in report.errors:
        err.print(f"[red]error:[/red] {esc(e)}", highlight=False, soft_wrap=True)
    if json_out:
        emit_json(report.to_dict())
    else:
        console.print(
            f"files {report.files} · documents read {report.documents_read} · added {report.added} · "
            f"already stored {report.skipped} · near-duplicates {report.near_duplicates} · "
            f"sentences {report.sentences} · mentions {report.mentions} · events {report.events} · "
            f"errors {len(report.errors)}"
            + (f" · not articles, skipped {report.not_articles}" if report.not_articles else "")
            + "".join(f" · read as {enc} {n}" for enc, n in sorted(report.encodings.items())))
    if report.undated:
        from ..analysis.coverage import HOW_TO_DATE

        err.print(f"[yellow]warning:[/yellow] {report.undated} of {report.events} new events have no date and are "
                  f"excluded from the alliance index; {HOW_TO_DATE}", highlight=False)
    raise typer.Exit(1 if report.errors else 0)


def _iso_or_exit(value: str | None, what: str) -> str | None:
    import datetime as dt

    try:
        return None if value is None else dt.date.fromisoformat(value).isoformat()
    except ValueError:
        err.print(f"[red]error:[/red] {what} '{value}' is not a YYYY-MM-DD date")
        raise typer.Exit(2) from None


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
        t.add_row(esc(r["source"]), str(r["documents"]), str(r["sentences"]))
    console.print(t)


@app.command()
def show(doc_id: str, db: DbOpt = None, json_out: JsonOpt = False) -> None:
    """One document with its sentences, actor mentions (highlighted) and events."""
    with open_store(db) as store:
        try:
            d = store.document(doc_id)
        except StoreError as e:
            err.print(f"[red]error:[/red] {esc(e)}")
            raise typer.Exit(2) from None
    if d is None:
        err.print(f"[red]error:[/red] no document '{esc(doc_id)}'")
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
    if serve:
        need_server_packages()  # before the ingest, not after it
    from ..ingest.run import ingest as run_ingest
    from ..pipeline import Pipeline

    if not db.startswith("postgres"):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
    store = open_store(db, create=True)
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
        t.add_row(esc(r["source"]), str(r["documents"]), str(r["sentences"]))
    console.print(t)
    from .render import demo_allies, demo_summary

    demo_summary(console, store)
    demo_allies(console, store)
    store.close()
    console.print(f"Next: [bold]marsad show DOC_ID --db {db}[/bold], [bold]marsad allies ARM --db {db}[/bold], "
                  f"[bold]marsad report RUS --db {db} -o rus.html[/bold], [bold]marsad serve --db {db}[/bold]")
    if serve:
        from ..api.app import serve as run_server

        run_server(db, port=port)


# -- bench ---------------------------------------------------------------------------------------

@app.command()
def bench(
    mb: Annotated[float, typer.Option(help="Megabytes of Arabic text to process (seeds and sample replicated).")] = 10.0,
    stage: Annotated[str, typer.Option(help="text | actors | events | ingest | all")] = "all",
    seeds: Annotated[Path | None, typer.Option(help="Folder of extra .txt articles to replicate (default ../shared/seeds if present).")] = None,
    workers: int = 1,
    press: Annotated[Path | None, typer.Option(help="A folder of news .zip archives (SaudiNewsNet): its first MB of articles, each once, instead of the replicated seeds.")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Throughput and peak memory of each stage on >= MB of Arabic text."""
    from ..quality.bench import run_bench

    try:
        results = run_bench(mb=mb, stage=stage, seeds=seeds, workers=workers, log=lambda m: err.print(m), press=press)
    except FileNotFoundError as e:
        err.print(f"[red]error:[/red] {esc(e)}")
        raise typer.Exit(2) from e
    if json_out:
        emit_json(results)
        return
    t = Table("benchmark", "seconds", "MB/s", "sentences/s", "extra", "peak MB")
    for r in results:
        t.add_row(r["name"], f"{r['seconds']:.2f}", f"{r.get('mb_per_s', 0):.2f}", f"{r.get('sentences_per_s', 0):,.0f}",
                  r.get("extra", ""), f"{r.get('peak_mb', 0):.0f}")
    console.print(t)
