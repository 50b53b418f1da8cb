"""API keys: ``mk_<id>_<secret>``. The store keeps the id, the name, a random salt and sha256(salt + secret);
the key itself is shown once, when created. Revoked keys stay listed (with the time of revocation)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import UTC, datetime

from fastapi import Request, Security
from fastapi.security import APIKeyHeader

from ..store.db import Store, StoreError
from .errors import ApiError

KEY_FORMAT = re.compile(r"^mk_([0-9a-f]{8})_([A-Za-z0-9_-]{20,64})$")
header_scheme = APIKeyHeader(name="X-API-Key", auto_error=False,
                             description="An API key made with `marsad keys create NAME`.")


def _digest(salt: str, secret: str) -> str:
    return hashlib.sha256(bytes.fromhex(salt) + secret.encode()).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def create_key(store: Store, name: str) -> tuple[str, dict]:
    """Returns the key (to show once) and its stored record."""
    name = name.strip()
    if not name or len(name) > 100:
        raise StoreError("a key name must have 1 to 100 characters")
    if store.scalar("SELECT 1 FROM api_keys WHERE name = ? AND revoked_at IS NULL", (name,)):
        raise StoreError(f"an active key named '{name}' exists; revoke it first or pick another name")
    key_id, secret, salt = secrets.token_hex(4), secrets.token_urlsafe(24), secrets.token_hex(16)
    record = {"id": key_id, "name": name, "created_at": _now(), "revoked_at": None}
    with store.transaction():
        store.execute("INSERT INTO api_keys (id, name, salt, hash, created_at) VALUES (?, ?, ?, ?, ?)",
                      (key_id, name, salt, _digest(salt, secret), record["created_at"]))
    return f"mk_{key_id}_{secret}", record


def revoke_key(store: Store, name_or_id: str) -> list[dict]:
    """Revokes the active key with that name, or the key with that id; returns what was revoked."""
    found = store.rows("SELECT id, name FROM api_keys WHERE revoked_at IS NULL AND (name = ? OR id = ?)",
                       (name_or_id, name_or_id))
    when = _now()
    with store.transaction():
        for r in found:
            store.execute("UPDATE api_keys SET revoked_at = ? WHERE id = ?", (when, r["id"]))
    return [{**r, "revoked_at": when} for r in found]


def list_keys(store: Store) -> list[dict]:
    return store.rows("SELECT id, name, created_at, revoked_at FROM api_keys ORDER BY created_at, id")


def check_key(store: Store, key: str | None) -> dict | None:
    """The active key record matching ``key``, else None."""
    m = KEY_FORMAT.match(key or "")
    if not m:
        return None
    rows = store.rows("SELECT id, name, salt, hash FROM api_keys WHERE id = ? AND revoked_at IS NULL", (m.group(1),))
    if rows and hmac.compare_digest(rows[0]["hash"], _digest(rows[0]["salt"], m.group(2))):
        return {"id": rows[0]["id"], "name": rows[0]["name"]}
    return None


def _verify(request: Request, key: str | None, needed: bool) -> dict | None:
    if not needed:
        return None
    if not key:
        raise ApiError(401, "this endpoint needs an API key in the X-API-Key header (marsad keys create NAME)")
    with request.app.state.pool.store() as store:
        record = check_key(store, key)
    if record is None:
        raise ApiError(401, "API key not valid (unknown, mistyped or revoked)")
    return record


def require_write(request: Request, key: str | None = Security(header_scheme)) -> dict | None:
    return _verify(request, key, True)


def require_read(request: Request, key: str | None = Security(header_scheme)) -> dict | None:
    return _verify(request, key, request.app.state.config.read_keys_required)
