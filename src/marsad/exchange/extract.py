"""Stateless streaming coder (``marsad extract``): JSONL or plain text in, one JSON line per record out.

Input lines are {"id", "text", "date"?} objects; a line that is not JSON is coded as plain text with its
line number as id. Output keeps input order, also with several worker processes.
"""

from __future__ import annotations

import json
import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from ..learn.stage import record_quad
from .export import event_record

_PIPE = None


def _init(dicts: list[str]) -> None:
    global _PIPE
    from ..actors.loader import load_dictionary
    from ..pipeline import Pipeline

    _PIPE = Pipeline.default("events", dictionary=load_dictionary(dicts) if dicts else None)


def _code(item: tuple[int, str]) -> str:
    from ..ingest.readers import make_document

    lineno, line = item
    try:
        obj = json.loads(line)
        if not isinstance(obj, dict):
            raise ValueError
    except ValueError:
        obj = {"id": str(lineno), "text": line.rstrip("\n")}
    rid = obj.get("id", str(lineno))
    text = obj.get("text")
    if not isinstance(text, str):
        return json.dumps({"id": rid, "events": [], "error": 'no "text"'}, ensure_ascii=False)
    try:  # a record that cannot be coded (NUL, lone surrogate, mark flood, a stage failure) is named, not fatal
        doc = make_document(text, f"line {lineno}", "", published=obj.get("date"))
        p = _PIPE(doc)
    except Exception as e:  # noqa: BLE001
        return json.dumps({"id": rid, "events": [], "error": str(e)}, ensure_ascii=True)
    return json.dumps({"id": rid, "events": [event_record(e, doc) for e in p.events], "quad": record_quad(p)},
                      ensure_ascii=False)


def _lines(src: IO[str]) -> Iterator[tuple[int, str]]:
    for i, line in enumerate(src, 1):
        if line.strip():
            yield i, line


def run_extract(src: IO[str], out: IO[str], workers: int = 1, dicts: Iterable = (), where: str = "<stdin>",
                log: Callable[[str], None] = print) -> int:
    dicts = [str(d) for d in dicts]
    n_err = 0
    if workers <= 1:
        _init(dicts)
        results: Iterable[str] = map(_code, _lines(src))
        pool = None
    else:
        pool = mp.get_context("fork").Pool(workers, initializer=_init, initargs=(dicts,))
        results = pool.imap(_code, _lines(src), chunksize=64)
    try:
        for line in results:
            if '"error"' in line[:200] and line.endswith('"}'):
                n_err += 1
                rec = json.loads(line)
                log(f"{where}: {rec['id']}: {rec['error']}")
            out.write(line + "\n")
    finally:
        if pool:
            pool.close()
            pool.join()
    return n_err
