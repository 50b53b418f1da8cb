"""``marsad documents``: list what the store holds, filtered by outlet, date and actor."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from .common import DbOpt, JsonOpt, actor_code, app, console, emit_json, open_store, say_empty


@app.command()
def documents(
    source: Annotated[str | None, typer.Option("--source", "--outlet", help="Only this outlet (as `marsad stats` names it).")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before this date.")] = None,
    actor: Annotated[str | None, typer.Option(help="Mentioning this actor (code or name: RUS, Russia, روسيا).")] = None,
    limit: Annotated[int, typer.Option(help="Documents to list, newest first.")] = 50,
    db: DbOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Stored documents, newest first: id (for `marsad show`), outlet, date, title, mentions and events."""
    from ..store.listing import list_documents, sources

    code = actor_code(actor) if actor else None
    with open_store(db) as store:
        rows = list_documents(store, source, since, until, code, limit)
        if not rows:
            known = sources(store)
            if not known:
                say_empty("the store holds no documents; run marsad ingest PATH")
            elif source and source.lower() not in (s.lower() for s in known if s):
                say_empty(f"no outlet '{source}'; outlets: {', '.join(s or '(none)' for s in known)}")
            else:
                say_empty("no document matches " + " and ".join(
                    f for f in (f"--since {since}" if since else "", f"--until {until}" if until else "",
                                f"--actor {code}" if code else "", f"--source {source}" if source else "") if f))
    if json_out:
        emit_json(rows)
        return
    if not rows:
        return
    t = Table("outlet", "published", "mentions", "events", "title")
    t.add_column("id", no_wrap=True, min_width=20)  # whole: it is what `marsad show` takes
    for r in rows:
        t.add_row(r["source"] or "", r["published"] or "", str(r["mentions"]), str(r["events"]),
                  (r["title"] or "")[:70] + (" (near-duplicate)" if r["dup_of"] else ""), r["id"])
    console.print(t)
