"""Paths shown by the API: never the server's folder layout. A document read from /srv/news/2024/a.jsonl line 3
is shown as ``a.jsonl:3``; a path given relative to where ingest ran stays as it was."""

from __future__ import annotations

from pathlib import PurePosixPath


def public_path(path: str | None) -> str | None:
    if not path:
        return path
    file, sep, member = path.partition("#")  # a WARC/feed member after '#' may be a URL: keep it whole
    p = PurePosixPath(file.replace("\\", "/"))
    if p.is_absolute() or ".." in p.parts or (len(file) > 1 and file[1] == ":"):  # also C:\ paths
        return p.name + sep + member
    return path
