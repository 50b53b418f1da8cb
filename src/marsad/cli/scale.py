"""Commands of the scaling work (``marsad check``, ``marsad spark ingest|load``), registered on the main Typer
app when imported."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import DbOpt, JsonOpt, app, console, emit_json, err, open_store


@app.command()
def check(db: DbOpt = None, json_out: JsonOpt = False) -> None:
    """Verify clusters and alliance aggregates against the stored events, and repair them (exit 1 if they
    were wrong or a refresh was pending; 0 when they were right)."""
    from ..analysis.check import check as run

    with open_store(db) as store:
        out = run(store)
    if json_out:
        emit_json(out)
    elif out["ok"]:
        console.print("aggregates match the events")
    else:
        what = ", ".join(f"{n} rows in {t}" for t, n in out["differences"].items()) or "no rows"
        err.print(f"[yellow]repaired:[/yellow] {'a refresh was pending; ' if out['pending'] else ''}{what} differed",
                  highlight=False)
    raise typer.Exit(0 if out["ok"] else 1)


spark_app = typer.Typer(help="Apache Spark: ingest corpora beyond one machine (pip install 'marsad[spark]').")
app.add_typer(spark_app, name="spark")


@spark_app.command("ingest")
def spark_ingest(
    paths: Annotated[list[str], typer.Argument(help="INPUT... OUTPUT: files or folders (any path Spark reads), "
                                               "then the output folder")],
    master: Annotated[str | None, typer.Option(help="Spark master, e.g. local[2] (default: spark-submit's)")] = None,
    partitions: Annotated[int | None, typer.Option(help="Partitions of the input files")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Run the pipeline on Spark; write documents, sentences, mentions, events (Parquet by month)."""
    if len(paths) < 2:
        err.print("[red]error:[/red] give at least one INPUT and the OUTPUT folder")
        raise typer.Exit(2)
    import importlib.util
    import shutil

    if importlib.util.find_spec("pyspark") is None or shutil.which("java") is None:
        err.print("[red]error:[/red] Spark needs pyspark and Java 17: pip install 'marsad[spark]' and "
                  "apt-get install openjdk-17-jre-headless")
        raise typer.Exit(2)
    from urllib.parse import urlparse

    missing = [p for p in paths[:-1] if not urlparse(p).scheme and not Path(p).exists()]
    if missing:
        err.print(f"error: {missing[0]}: no such file or directory", markup=False)
        raise typer.Exit(2)
    from ..spark.job import run

    try:
        out = run(paths[:-1], paths[-1], master=master, partitions=partitions,
                  log=lambda m: err.print(m, markup=False))
    except Exception as e:  # Spark's errors (paths, cluster) as one line, not a JVM traceback
        if type(e).__module__.startswith(("pyspark", "py4j")):
            err.print(f"error: Spark: {str(e).strip().splitlines()[0]}", markup=False)
            raise typer.Exit(1) from None
        raise
    for e in out["errors"]:
        err.print(f"error: {e}", markup=False, highlight=False, soft_wrap=True)
    if json_out:
        emit_json(out | {"errors": len(out["errors"])})
    else:
        console.print(f"files {out['files']} · documents read {out['documents_read']} · added {out['added']} · "
                      f"duplicates {out['skipped']} · near-duplicates {out['near_duplicates']} · "
                      f"events {out['events']} · errors {len(out['errors'])}")
    raise typer.Exit(1 if out["errors"] else 0)


@spark_app.command("load")
def spark_load(output: Path, db: DbOpt = None, json_out: JsonOpt = False) -> None:
    """Load a 'marsad spark ingest' OUTPUT into a store (--db sqlite path or postgresql://) and refresh it."""
    from ..spark.load import load

    with open_store(db, create=True) as store:  # a load writes: it may create the store
        try:
            out = load(output, store, log=lambda m: err.print(m, markup=False))
        except FileNotFoundError as e:
            err.print(f"error: {e}", markup=False)
            raise typer.Exit(2) from None
    if json_out:
        emit_json(out)
    else:
        console.print(f"documents loaded {out['documents']}")
