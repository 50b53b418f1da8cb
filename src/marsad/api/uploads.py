"""Retention of uploaded files: the store keeps what was read from them, so the files themselves are only
kept for a while (to re-read or inspect) and then deleted; 0 days deletes each upload once it is ingested."""

from __future__ import annotations

import time
from pathlib import Path


def prune_uploads(data_dir: Path, days: float, now: float | None = None) -> int:
    """Deletes uploads older than ``days`` (by modification time) and the day folders left empty; returns the
    number of files deleted. Never follows links and touches nothing outside ``<data_dir>/uploads``."""
    root = data_dir / "uploads"
    if not root.is_dir() or root.is_symlink():
        return 0
    cutoff = (now or time.time()) - days * 86400
    deleted = 0
    for day in sorted(root.iterdir()):
        if not day.is_dir() or day.is_symlink():
            continue
        for f in day.iterdir():
            if (f.is_file() or f.is_symlink()) and f.lstat().st_mtime < cutoff:
                f.unlink(missing_ok=True)
                deleted += 1
        if not any(day.iterdir()):
            day.rmdir()
    return deleted
