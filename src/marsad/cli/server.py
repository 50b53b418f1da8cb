"""Commands of the server: ``marsad serve`` and ``marsad keys create|revoke|list`` (registered on the main app)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..store.db import StoreError
from .common import (
    DbOpt,
    JsonOpt,
    app,
    console,
    emit_json,
    err,
    keys_app,
    need_server_packages,
    open_store,
    store_missing,
)
from .termsafe import esc


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0 for every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help="Folder for uploaded files "
                                                  "(default: $MARSAD_DATA_DIR or ./marsad-data).")] = None,
    read_keys: Annotated[bool | None, typer.Option("--read-keys/--open-reads", help="Require an API key for "
                                                   "reads too (default: $MARSAD_READ_KEYS_REQUIRED).")] = None,
    max_upload_mb: Annotated[float | None, typer.Option(help="Largest request body accepted by writes, in MB "
                                                        "(default: $MARSAD_MAX_UPLOAD_MB or 20).")] = None,
) -> None:
    """Serve the REST API (/api, /openapi.json) and the dashboard (/) on one port."""
    need_server_packages()
    if store_missing(db):
        open_store(db)  # says there is no store and how to make one
    from ..api.app import serve as run_server
    from ..api.config import Config

    config = Config.from_env(data_dir=data_dir, read_keys_required=read_keys,
                             max_upload_bytes=int(max_upload_mb * 1024 * 1024) if max_upload_mb else None)
    try:
        run_server(db, host=host, port=port, config=config)
    except StoreError as e:
        err.print(f"[red]error:[/red] {e}")
        raise typer.Exit(2) from None


@keys_app.command("create")
def keys_create(
    name: str, db: DbOpt = None, json_out: JsonOpt = False,
    scope: Annotated[list[str] | None, typer.Option(help="read, write or admin; repeat for several "
                                                    "(default: read and write).")] = None,
    expires: Annotated[str | None, typer.Option(help="Last day the key works (YYYY-MM-DD, UTC).")] = None,
) -> None:
    """Make a key; it is printed once and stored only as a salted hash."""
    from ..api.auth import create_key

    with open_store(db, create=True) as store:
        try:
            key, record = create_key(store, name, scope or ("read", "write"), expires)
        except StoreError as e:
            err.print(f"[red]error:[/red] {esc(e)}")
            raise typer.Exit(2) from None
    if json_out:
        emit_json({**record, "key": key})
        return
    console.print(f"key [bold]{esc(record['name'])}[/bold] (id {record['id']}) created. Keep it now; it is not shown again:")
    console.print(key, highlight=False, soft_wrap=True)


@keys_app.command("revoke")
def keys_revoke(name_or_id: Annotated[str, typer.Argument(metavar="NAME|ID")], db: DbOpt = None,
                json_out: JsonOpt = False) -> None:
    """Revoke the active key with that name, or the key with that id."""
    from ..api.auth import revoke_key

    with open_store(db) as store:
        revoked = revoke_key(store, name_or_id)
    if json_out:
        emit_json(revoked)
    elif revoked:
        for r in revoked:
            console.print(f"revoked key [bold]{esc(r['name'])}[/bold] (id {r['id']})")
    if not revoked:
        err.print(f"[red]error:[/red] no active key named or numbered '{esc(name_or_id)}'")
        raise typer.Exit(1)


@keys_app.command("list")
def keys_list(db: DbOpt = None, json_out: JsonOpt = False) -> None:
    """Keys with their id, creation and revocation times (never the keys themselves)."""
    from ..api.auth import list_keys

    with open_store(db) as store:
        rows = list_keys(store)
    if json_out:
        emit_json(rows)
        return
    t = Table("id", "name", "scopes", "created", "expires", "revoked")
    for r in rows:
        t.add_row(r["id"], esc(r["name"]), r["scopes"], r["created_at"], r["expires_at"] or "", r["revoked_at"] or "")
    console.print(t)
