"""Every error leaves the server as JSON: {"error": message, "status": code[, "detail": ...]}."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..store.db import StoreError

log = logging.getLogger("marsad.api")


class ApiError(Exception):
    """An expected failure with a message for the client."""

    keeps_connection = True  # see StorePool

    def __init__(self, status: int, message: str, detail=None, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.detail = detail
        self.headers = headers


class BodyTooLarge(HTTPException):
    # an HTTPException, so FastAPI's own body parsing passes it through unchanged
    def __init__(self, limit: int):
        super().__init__(413, f"request body larger than the upload limit of {limit / 1048576:.1f} MB")


def error_response(status: int, message: str, detail=None, headers=None) -> JSONResponse:
    body = {"error": message, "status": status}
    if detail is not None:
        body["detail"] = detail
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_message(errors: list) -> str:
    parts = []
    for e in errors[:5]:
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body", "header"))
        parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
    return "invalid request — " + "; ".join(parts)


def _clean(errors: list) -> list:
    # drop the raw input (it may be large or binary) and keep what tells the client what to fix
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))} for e in errors]


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError):
        return error_response(exc.status, exc.message, exc.detail, headers=exc.headers)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page or endpoint: {request.url.path}"
        if exc.status_code == 405:
            message = f"method {request.method} not allowed on {request.url.path}"
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        return error_response(422, _validation_message(exc.errors()), _clean(exc.errors()))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError):
        return error_response(400, str(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, f"internal error ({type(exc).__name__}); the server log has the details")
