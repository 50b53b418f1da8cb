"""Reader for article arrays in JSON: a ``.json`` file holding a list of article objects, or a ``.zip`` of such
files (the layout of the SaudiNewsNet corpus: ``source``, ``url``, ``date_extracted``, ``title``, ``author``,
``content``). Each article becomes one Document whose text is its ``content`` (character offsets into it are
stable, so gold files can point into the corpus without copying it); ``origin`` records file, member and index.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..records import Document
from .readers import ReadError, make_document

MAX_MEMBER_BYTES = 512 * 1024 * 1024  # one JSON member uncompressed; the corpus's largest day is ~30 MB
TEXT_KEYS = ("content", "text", "body")
DATE_KEYS = ("published", "date", "date_extracted")


def _articles(data: bytes, where: str) -> Iterator[tuple[int, dict] | ReadError]:
    try:
        arr = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        yield ReadError(where, f"not valid UTF-8 (byte offset {e.start})")
        return
    except ValueError as e:
        yield ReadError(where, f"invalid JSON ({e})")
        return
    if isinstance(arr, dict):  # a single article object
        arr = [arr]
    if not isinstance(arr, list):
        yield ReadError(where, "expected a JSON array of article objects")
        return
    for i, obj in enumerate(arr):
        if not isinstance(obj, dict):
            yield ReadError(f"{where}#{i}", "article is not a JSON object")
            continue
        yield i, obj


def _document(obj: dict, where: str, file: str, member: str, index: int) -> Document | ReadError:
    text = next((obj[k] for k in TEXT_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    if text is None:
        return ReadError(where, f"article has no text (one of {', '.join(TEXT_KEYS)})")
    published = next((obj[k] for k in DATE_KEYS if obj.get(k)), None)
    return make_document(text, where, str(obj.get("title") or ""), source=obj.get("source"), url=obj.get("url"),
                         published=published,
                         origin={"file": file, "member": member, "index": str(index),
                                 "author": str(obj.get("author") or "")})


def read_news_json(path: Path) -> Iterator[Document | ReadError]:
    try:
        data = path.read_bytes()
    except OSError as e:
        yield ReadError(str(path), str(e))
        return
    if not data.strip():
        yield ReadError(str(path), "empty file")
        return
    for item in _articles(data, str(path)):
        if isinstance(item, ReadError):
            yield item
        else:
            i, obj = item
            yield _document(obj, f"{path}#{i}", path.name, "", i)


def read_news_zip(path: Path) -> Iterator[Document | ReadError]:
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as e:
        yield ReadError(str(path), f"not a readable zip archive ({e})")
        return
    with zf:
        members = [m for m in zf.infolist() if m.filename.lower().endswith(".json") and not m.is_dir()]
        if not members:
            yield ReadError(str(path), "zip archive holds no .json article files")
            return
        for m in members:
            where = f"{path}!{m.filename}"
            if m.file_size > MAX_MEMBER_BYTES:
                yield ReadError(where, f"member too large ({m.file_size} bytes uncompressed, limit {MAX_MEMBER_BYTES})")
                continue
            try:
                data = zf.read(m)
            except (OSError, zipfile.BadZipFile, EOFError) as e:
                yield ReadError(where, f"broken zip member ({e})")
                continue
            for item in _articles(data, where):
                if isinstance(item, ReadError):
                    yield item
                else:
                    i, obj = item
                    yield _document(obj, f"{where}#{i}", path.name, m.filename, i)


def corpus_articles(path: Path) -> list[dict]:
    """The raw article objects of one corpus file (.zip or .json), in order: for gold files that point into it."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            out: list[dict] = []
            for m in zf.infolist():
                if m.filename.lower().endswith(".json"):
                    out.extend(json.loads(zf.read(m).decode("utf-8-sig")))
            return out
    return json.loads(path.read_text(encoding="utf-8-sig"))
