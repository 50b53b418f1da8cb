"""Ingest: files -> Documents (readers) -> the pipeline -> the store (run)."""

from .newsjson import read_news_json, read_news_zip
from .readers import READERS

# article arrays in JSON (and zips of them, the SaudiNewsNet layout) live in their own module
READERS.setdefault(".json", read_news_json)
READERS.setdefault(".zip", read_news_zip)
