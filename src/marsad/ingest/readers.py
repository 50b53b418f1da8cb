"""Readers: files -> Document records. Each reader yields Documents or ReadErrors, never raises on bad input.

Formats (see README "Input formats"):
- .txt  UTF-8 text; first non-empty line is the title.
- .html/.htm  main text extracted with selectolax (article/main element or the densest block of <p>).
- .jsonl  one article per line: {"text" (required), "title", "id", "url", "source", "published"|"date"}.
- .rss/.atom/.xml  RSS or Atom feeds (feedparser); each entry's content or summary becomes a document.
- .warc/.warc.gz  WARC files (warcio); each HTML response record becomes a document.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..records import Document
from .encodings import decode_text
from .txt_dates import header_date, inferred_date, txt_date

MAX_SINGLE_DOC_BYTES = 10 * 1024 * 1024  # a .txt/.html larger than this is almost surely not one article
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WS = re.compile(r"[ \t\u00a0]+")


@dataclass(slots=True)
class ReadError:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def document_id(text: str) -> str:
    """Stable content hash: the same article text always gets the same id, wherever it was read from."""
    key = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def iso_date(value) -> str | None:
    if not value:
        return None
    if hasattr(value, "tm_year"):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    m = _ISO.search(str(value))
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def make_document(text: str, path: str, title: str = "", **meta) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    published = iso_date(meta.get("published"))
    return Document(
        id=document_id(text),
        text=text,
        title=(title or "").strip(),
        source=str(meta.get("source") or ""),
        url=str(meta.get("url") or ""),
        path=path,
        published=published,
        language=str(meta.get("language") or "ar"),
        origin={k: str(v) for k, v in meta.get("origin", {}).items()},
    )


def _decode(data: bytes, path: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); re-save the file as UTF-8") from None


def _check_size(path: Path) -> None:
    size = path.stat().st_size
    if size == 0:
        raise ValueError("empty file")
    if size > MAX_SINGLE_DOC_BYTES:
        raise ValueError(
            f"file too large for one article ({size / 1e6:.1f} MB > {MAX_SINGLE_DOC_BYTES / 1e6:.0f} MB); "
            "split it or give it as .jsonl (one article a line)"
        )


def read_txt(path: Path) -> Iterator[Document | ReadError]:
    try:
        _check_size(path)
        text, encoding = decode_text(path.read_bytes())
    except (ValueError, OSError) as e:
        yield ReadError(str(path), str(e))
        return
    if not text.strip():
        yield ReadError(str(path), "no text (only whitespace)")
        return
    published, where = txt_date(path.name, text)  # a .txt carries no metadata: "Date:" line, file name, text
    if not published:
        published, where = inferred_date(text), "inferred"
    _, skip = header_date(text)
    title = next((ln.strip() for i, ln in enumerate(text.splitlines()) if ln.strip() and i != skip), "")
    origin = {"title": "first line", "text": "file"} | ({"encoding": encoding} if encoding != "utf-8" else {}) \
        | ({"published": where} if published else {})
    yield make_document(text, str(path), title, published=published, origin=origin)


# --- HTML ---------------------------------------------------------------------------------------

_DROP = "script, style, noscript, nav, footer, header, aside, form, iframe, svg, figure figcaption, .share, .related, .comments"


def html_to_text(html: str) -> tuple[str, dict]:
    """Main text and metadata of an HTML page. Paragraph-like blocks become lines."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(html)
    meta: dict = {}

    def first_meta(*names: str) -> str | None:
        for n in names:
            node = tree.css_first(f'meta[property="{n}"]') or tree.css_first(f'meta[name="{n}"]')
            if node and node.attributes.get("content"):
                return node.attributes["content"].strip()
        return None

    meta["title"] = first_meta("og:title") or (tree.css_first("title").text(strip=True) if tree.css_first("title") else "")
    h1 = tree.css_first("h1")
    if h1 and h1.text(strip=True):
        meta["title"] = h1.text(strip=True)
    meta["published"] = first_meta("article:published_time", "pubdate", "date", "DC.date.issued", "og:published_time")
    if not meta["published"]:
        t = tree.css_first("time[datetime]")
        meta["published"] = t.attributes.get("datetime") if t else None
    meta["source"] = first_meta("og:site_name")
    canon = tree.css_first('link[rel="canonical"]')
    meta["url"] = first_meta("og:url") or (canon.attributes.get("href") if canon else None)
    for node in tree.css(_DROP):
        node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.css_first('[itemprop="articleBody"]')
    if root is None:
        # densest container of paragraphs
        best, best_len = None, 0
        for node in tree.css("div, section, body"):
            n = sum(len(p.text(strip=True)) for p in node.css("p"))
            if n > best_len:
                best, best_len = node, n
        root = best or tree.body
    if root is None:
        return "", meta
    blocks = [n.text(separator=" ", strip=True) for n in root.css("h1, h2, h3, h4, p, li, blockquote")]
    blocks = [_WS.sub(" ", b).strip() for b in blocks if b and b.strip()]
    if not blocks:
        blocks = [ln.strip() for ln in root.text(separator="\n").splitlines() if ln.strip()]
    if meta.get("title") and (not blocks or blocks[0] != meta["title"]):
        blocks.insert(0, meta["title"])
    return "\n".join(blocks), meta


def read_html(path: Path) -> Iterator[Document | ReadError]:
    try:
        _check_size(path)
        html = _decode(path.read_bytes(), str(path))
    except (ValueError, OSError) as e:
        yield ReadError(str(path), str(e))
        return
    yield from _html_document(html, str(path), {})


def _html_document(html: str, path: str, extra: dict) -> Iterator[Document | ReadError]:
    text, meta = html_to_text(html)
    body = text[len(meta.get("title") or ""):] if text.startswith(meta.get("title") or "\0") else text
    if len(body.strip()) < 20:
        yield ReadError(path, "no article text found in the HTML")
        return
    for k, v in extra.items():
        if v and not meta.get(k):
            meta[k] = v
    yield make_document(text, path, meta.get("title") or "", source=meta.get("source"), url=meta.get("url"),
                        published=meta.get("published"), origin={"text": "html main text", "title": "html title/h1"})


# --- JSON lines ---------------------------------------------------------------------------------

def read_jsonl(path: Path) -> Iterator[Document | ReadError]:
    try:
        if path.stat().st_size == 0:
            yield ReadError(str(path), "empty file")
            return
        fh = open(path, "rb")
    except OSError as e:
        yield ReadError(str(path), str(e))
        return
    with fh:
        for lineno, raw in enumerate(fh, 1):
            where = f"{path}:{lineno}"
            if not raw.strip():
                continue
            try:
                obj = json.loads(_decode(raw, where))
            except ValueError as e:
                yield ReadError(where, f"invalid JSON line ({e})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
                yield ReadError(where, 'each line must be an object with a non-empty "text"')
                continue
            yield make_document(
                obj["text"], where, str(obj.get("title") or ""), source=obj.get("source"), url=obj.get("url"),
                published=obj.get("published") or obj.get("date"), language=obj.get("language"),
                origin={"record": str(obj.get("id") or lineno)},
            )


# --- RSS / Atom ---------------------------------------------------------------------------------

def read_feed(path: Path) -> Iterator[Document | ReadError]:
    import feedparser

    try:
        if path.stat().st_size == 0:
            raise ValueError("empty file")
        data = path.read_bytes()
    except (ValueError, OSError) as e:
        yield ReadError(str(path), str(e))
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = str(getattr(feed, "bozo_exception", "")) or "no entries"
        yield ReadError(str(path), f"not a readable RSS/Atom feed ({reason})")
        return
    source = feed.feed.get("title", "") if hasattr(feed, "feed") else ""
    for i, e in enumerate(feed.entries):
        where = f"{path}#{i}"
        body = ""
        if e.get("content"):
            body = e.content[0].get("value", "")
        body = body or e.get("summary", "")
        text, _ = html_to_text(f"<html><body><article>{body}</article></body></html>") if "<" in body else (body, {})
        title = e.get("title", "")
        full = (title + "\n" + text).strip() if title and not text.startswith(title) else text
        if not full.strip():
            yield ReadError(where, "feed entry has no text")
            continue
        yield make_document(full, where, title, source=source, url=e.get("link"),
                            published=e.get("published_parsed") or e.get("updated_parsed") or e.get("published"),
                            origin={"text": "feed entry content/summary"})


# --- WARC ---------------------------------------------------------------------------------------

def read_warc(path: Path) -> Iterator[Document | ReadError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        if path.stat().st_size == 0:
            raise ValueError("empty file")
        fh = open(path, "rb")
    except (ValueError, OSError) as e:
        yield ReadError(str(path), str(e))
        return
    with fh:
        n = 0
        try:
            for rec in ArchiveIterator(fh):
                if rec.rec_type != "response":
                    continue
                ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
                if "html" not in ctype:
                    continue
                n += 1
                url = rec.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{url}"
                raw = rec.content_stream().read()
                charset = "utf-8"
                m = re.search(r"charset=([\w-]+)", ctype)
                if m:
                    charset = m.group(1)
                try:
                    html = raw.decode(charset)
                except (UnicodeDecodeError, LookupError):
                    yield ReadError(where, f"response body is not valid {charset}")
                    continue
                yield from _html_document(html, where, {"url": url, "published": rec.rec_headers.get_header("WARC-Date")})
        except (ArchiveLoadFailed, OSError, ValueError, EOFError, AttributeError) as e:  # warcio raises these on cut records
            yield ReadError(str(path), f"broken WARC after {n} records ({e})")
        if n == 0:
            yield ReadError(str(path), "no HTML response records in the WARC")


READERS = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
    ".warc": read_warc,
    ".warc.gz": read_warc,
}


def reader_for(path: Path):
    name = path.name.lower()
    for ext in sorted(READERS, key=len, reverse=True):
        if name.endswith(ext):
            return READERS[ext]
    return None


def iter_files(paths: list[str | os.PathLike]) -> Iterator[Path | ReadError]:
    """Files under the given paths, directories walked recursively in sorted order; hidden files skipped."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield Path(root) / f
        elif path.exists():
            yield path
        else:
            yield ReadError(str(path), "no such file or directory")


def read_path(path: Path) -> Iterator[Document | ReadError]:
    reader = reader_for(path)
    if reader is None:
        yield ReadError(str(path), f"unsupported format '{path.suffix or path.name}' (known: {', '.join(sorted(READERS))})")
        return
    yield from reader(path)


def read_all(paths: list[str | os.PathLike]) -> Iterator[Document | ReadError]:
    for f in iter_files(paths):
        if isinstance(f, ReadError):
            yield f
        else:
            yield from read_path(f)
