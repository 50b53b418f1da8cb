"""Files met while walking a folder that are not articles: skipped and counted, not reported as errors.

A news folder often holds a README, a licence, images or PDFs next to the articles. Such files are not
errors of the run; a file named explicitly on the command line is still read (and fails loudly if it cannot be).
"""

from __future__ import annotations

from pathlib import Path

from .readers import reader_for

# project files by convention (any extension): never articles
NOT_ARTICLE_NAMES = {"readme", "license", "licence", "copying", "changelog", "changes", "authors", "contributing",
                     "notice"}
TEXT_FORMATS = (".txt", ".html", ".htm", ".jsonl", ".rss", ".atom", ".xml")
SNIFF_BYTES = 8192


def not_article(path: Path) -> str | None:
    """Why the file is not an article, or None when a reader should read it."""
    if path.name.split(".")[0].lower() in NOT_ARTICLE_NAMES:
        return "project file (README, licence …)"
    if reader_for(path) is None:
        return f"not a news format ({path.suffix.lower() or 'no extension'})"
    if path.name.lower().endswith(TEXT_FORMATS):
        try:
            with open(path, "rb") as f:
                head = f.read(SNIFF_BYTES)
        except OSError:
            return None  # the reader reports it
        if b"\0" in head:
            return "binary content in a text format"
    return None
