"""Commands of the scaling work (``marsad check``), registered on the main Typer app when imported."""

from __future__ import annotations

import typer

from .cli import DbOpt, JsonOpt, app, console, emit_json, err, open_store


@app.command()
def check(db: DbOpt = None, json_out: JsonOpt = False) -> None:
    """Verify clusters and alliance aggregates against the stored events, and repair them (exit 1 if they
    were wrong or a refresh was pending; 0 when they were right)."""
    from .analysis.check import check as run

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
