"""The OpenAPI document, made to match what the server does: reads need no key unless the server closes them;
every error an operation can give is listed, with the one error body all errors share ({error, status[, detail]})
instead of FastAPI's default validation body, which this server never sends."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from .links import add_links

ERROR = {
    "type": "object", "required": ["error", "status"],
    "properties": {"error": {"type": "string", "description": "What went wrong and how to fix it."},
                   "status": {"type": "integer"}, "detail": {"description": "Details, e.g. each invalid field."}},
}
REASONS = {
    "400": "Bad request (NUL in the URL, an untrusted Host, a bad Content-Length or body)",
    "401": "No API key, or a key that is unknown, revoked or expired",
    "403": "The API key lacks the scope this operation needs",
    "404": "Not found",
    "413": "Body over the upload limit",
    "415": "Unsupported content or file type",
    "422": "Invalid parameters or body",
    "429": "Too many failed API keys from this address; wait as the Retry-After header says",
}
ALWAYS = ("400", "422")  # the Guard and the Host check answer before routing; validation may fail on any parameter
WITH_KEY = ("401", "403", "429")
WRITE = ("413", "415")


def openapi_document(app: FastAPI) -> dict:
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    reads_closed = app.state.config.read_keys_required
    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    for path, ops in schema.get("paths", {}).items():
        for method, op in ops.items():
            write = method != "get"
            codes = list(ALWAYS)
            if "{" in path:
                codes.append("404")
            if write or reads_closed:
                codes += WITH_KEY
            else:
                op["security"] = []  # open reads: a key is neither needed nor checked
            if write:
                codes += WRITE
            responses = op.setdefault("responses", {})
            for code in codes:
                entry = responses.setdefault(code, {"description": REASONS[code]})
                entry["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
                if code == "429":
                    entry["headers"] = {"Retry-After": {"schema": {"type": "integer"},
                                                        "description": "Seconds to wait."}}
    for name in ("HTTPValidationError", "ValidationError"):
        schema["components"]["schemas"].pop(name, None)
    add_links(schema)
    return schema


def install(app: FastAPI) -> None:
    def openapi() -> dict:
        if app.openapi_schema is None:
            app.openapi_schema = openapi_document(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
