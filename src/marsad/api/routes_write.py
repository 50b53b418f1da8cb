"""Write endpoint: add documents as JSON or as uploaded files, through the CLI's readers and pipeline.

Whatever arrives is first saved under ``<data_dir>/uploads/<day>/<random>.<ext>``: the client's file name only
chooses the reader (by its extension, from a fixed list) and is never used as a path.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator
from starlette.datastructures import UploadFile

from ..ingest.limits import check_text_size
from ..ingest.readers import READERS, ReadError, date_problem, read_path
from ..ingest.run import ingest
from ..text.limits import check_marks
from .auth import require_write
from .errors import ApiError, _clean, _validation_message
from .uploads import prune_uploads

log = logging.getLogger("marsad.api")
router = APIRouter(prefix="/api", tags=["documents"])
MAX_ITEMS = 1000
MAX_FILES = 20


# a calendar day as a pattern, so the OpenAPI document says which dates are accepted (29 February in a common
# year still passes the pattern; the validator refuses it)
CALENDAR_DAY = (r"^[1-9]\d{3}-((0[13578]|1[02])-(0[1-9]|[12]\d|3[01])|(0[469]|11)-(0[1-9]|[12]\d|30)"
                r"|02-(0[1-9]|1\d|2[0-9]))")
PUBLISHED = CALENDAR_DAY + r"([T ][0-9:.+\-Z]{0,30})?$"


class DocumentIn(BaseModel):
    """One article. ``published`` is a date (YYYY-MM-DD, optionally followed by a time)."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=10_000_000, json_schema_extra={"pattern": r"\S"})  # not blank
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)
    published: str | None = Field(None, json_schema_extra={"pattern": PUBLISHED})

    @field_validator("text", "title", "url", "source")
    @classmethod
    def storable(cls, v: str | None) -> str | None:
        if v is None:
            return v
        if "\x00" in v:
            raise ValueError("NUL characters are not allowed")
        try:
            v.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("not valid Unicode text (lone surrogate)") from None
        return v

    @field_validator("text")
    @classmethod
    def not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is empty")
        check_text_size(v)  # a LimitError is a ValueError: 422 with its message
        check_marks(v)  # a TextLimitError is a ValueError: 422 with its message
        return v

    @field_validator("published")
    @classmethod
    def calendar_date(cls, v: str | None) -> str | None:
        # the schema's pattern, checked here so that the message names the problem
        if v is not None and not re.match(r"^\d{4}-\d{2}-\d{2}([T ][0-9:.+\-Z]{0,30})?$", v):
            raise ValueError("published must be YYYY-MM-DD, optionally followed by a time")
        if v is not None and (problem := date_problem(v) or (None if re.match(PUBLISHED, v) else "not a date")):
            raise ValueError(problem)
        return v


DOCS = TypeAdapter(DocumentIn | list[DocumentIn])
_doc_schema = DocumentIn.model_json_schema()
REQUEST_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"oneOf": [
        _doc_schema, {"type": "array", "items": _doc_schema, "minItems": 1, "maxItems": MAX_ITEMS}]}},
    "multipart/form-data": {"schema": {
        "type": "object", "required": ["files"],
        "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"},
                                 "description": "Files: " + ", ".join(sorted(READERS))}}}},
}}}


def suffix_of(filename: str | None) -> str | None:
    """The reader extension of a client file name (longest match), or None when not a known type."""
    name = (filename or "").lower().strip()
    return next((ext for ext in sorted(READERS, key=len, reverse=True) if name.endswith(ext)), None)


def new_upload_path(data_dir: Path, suffix: str) -> Path:
    folder = (data_dir / "uploads" / datetime.now(UTC).strftime("%Y-%m-%d")).resolve()
    path = folder / f"{uuid.uuid4().hex}{suffix}"
    if not path.is_relative_to(data_dir.resolve()):  # cannot happen with generated names; checked anyway
        raise ApiError(400, "refusing a path outside the data folder")
    folder.mkdir(parents=True, exist_ok=True)
    return path


def _relative(text: str, data_dir: Path) -> str:
    return text.replace(str(data_dir.resolve()) + "/", "")


def ingest_saved(request: Request, saved: list[tuple[str, Path]]) -> dict:
    """Runs in a worker thread; one write at a time per server (the pipeline and the store writer are shared)."""
    state = request.app.state
    data_dir = state.config.data_dir
    out_files, totals = [], {"added": 0, "already_stored": 0, "near_duplicates": 0, "errors": 0}
    with state.write_lock, state.pool.store() as store:
        pipeline = state.pipeline()
        for client_name, path in saved:
            read = list(read_path(path))
            docs = [d for d in read if not isinstance(d, ReadError)]
            before = {d.id for d in docs if store.has_document(d.id)}
            report = ingest([path], store, pipeline, force=True)  # refreshes the alliance aggregates itself
            dup_of = {}
            ids = sorted({d.id for d in docs})
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                for r in store.rows(f"SELECT id, dup_of FROM documents WHERE id IN ({', '.join('?' * len(chunk))})",
                                    chunk):
                    dup_of[r["id"]] = r["dup_of"]
            items, seen = [], set()
            for d in docs:
                status = "already stored" if d.id in before or d.id in seen else "added"
                seen.add(d.id)
                items.append({"id": d.id, "title": d.title, "published": d.published, "source": d.source,
                              "status": status, "near_duplicate_of": dup_of.get(d.id) if status == "added" else None})
            errors = [{"where": _relative(e.path, data_dir), "message": e.message} for e in report.errors]
            out_files.append({"name": client_name, "stored_as": _relative(str(path), data_dir), "documents": items,
                              "errors": errors})
            totals["added"] += report.added
            totals["already_stored"] += report.skipped
            totals["near_duplicates"] += report.near_duplicates
            totals["errors"] += len(errors)
            if state.config.upload_retention_days <= 0:
                path.unlink(missing_ok=True)
        prune_uploads(data_dir, state.config.upload_retention_days)
    return {**totals, "pipeline": pipeline.names, "files": out_files}


async def _save_json(request: Request) -> list[tuple[str, Path]]:
    try:
        payload = json.loads(await request.body())
    except ValueError as e:
        raise ApiError(400, f"body is not valid JSON ({e})") from None
    try:
        parsed = DOCS.validate_python(payload)
    except ValidationError as e:
        raise ApiError(422, _validation_message(e.errors()), _clean(e.errors())) from None
    docs = parsed if isinstance(parsed, list) else [parsed]
    if not docs or len(docs) > MAX_ITEMS:
        raise ApiError(422, f"send 1 to {MAX_ITEMS} documents per request")
    path = new_upload_path(request.app.state.config.data_dir, ".jsonl")
    with open(path, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d.model_dump(exclude_none=True), ensure_ascii=False) + "\n")
    return [("request.json", path)]


async def _save_files(request: Request) -> list[tuple[str, Path]]:
    form = await request.form(max_files=MAX_FILES, max_fields=MAX_FILES + 10)
    uploads = [v for key in ("files", "file") for v in form.getlist(key) if isinstance(v, UploadFile)]
    if not uploads:
        raise ApiError(422, "no file in the form: send them as 'files' (multipart/form-data)")
    kinds = []
    for up in uploads:
        suffix = suffix_of(up.filename)
        if suffix is None:
            raise ApiError(415, f"unsupported file type '{Path(up.filename or '').suffix or up.filename}' "
                                f"(known: {', '.join(sorted(READERS))})")
        kinds.append(suffix)
    saved = []
    for up, suffix in zip(uploads, kinds, strict=True):
        path = new_upload_path(request.app.state.config.data_dir, suffix)
        with open(path, "wb") as fh:
            while chunk := await up.read(1 << 20):
                fh.write(chunk)
        await up.close()
        # keep only a display name: no folders, no control characters
        shown = re.sub(r"[\x00-\x1f]", "", (up.filename or "").replace("\\", "/").rsplit("/", 1)[-1])[:200]
        saved.append((shown, path))
    return saved


@router.post("/documents", summary="Add documents (JSON, or files as multipart/form-data); needs an API key",
             openapi_extra=REQUEST_BODY, status_code=201,
             responses={200: {"description": "Nothing new: every document was already stored"},
                        201: {"description": "Documents added"}, 401: {"description": "No or bad API key"},
                        413: {"description": "Body over the upload limit"},
                        415: {"description": "Unsupported content or file type"}})
async def add_documents(request: Request, _key: Annotated[dict | None, Depends(require_write)] = None):
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        saved = await _save_json(request)
    elif ctype == "multipart/form-data":
        saved = await _save_files(request)
    else:
        raise ApiError(415, "send application/json (one document or a list) or multipart/form-data (files)")
    result = await run_in_threadpool(ingest_saved, request, saved)
    log.info("POST /api/documents by key %s: %s added", (_key or {}).get("name"), result["added"])
    return JSONResponse(result, status_code=201 if result["added"] else 200)
