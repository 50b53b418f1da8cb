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
from datetime import date
from pathlib import Path

from ..records import Document
from ..text.limits import check_marks
from .encodings import decode_text
from .limits import (
    MAX_FEED_BYTES,
    MAX_RECORD_BYTES,
    CappedReader,
    LimitError,
    check_html,
    check_text_size,
    mb,
)
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
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m and _real_date(m) else None


def _real_date(m: re.Match) -> bool:
    try:  # 2024-02-30 or 2024-13-45 would break every later date computation
        date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return False
    return True


def date_problem(value) -> str | None:
    """Why an explicitly given date is refused (has the ISO shape but is not a calendar date), else None."""
    m = _ISO.search(str(value)) if value and not hasattr(value, "tm_year") else None
    if m and not _real_date(m):
        return f"'{m.group()}' is not a calendar date"
    return None


def check_storable(**fields) -> None:
    """Raises ValueError when a text field cannot be stored: a NUL character (PostgreSQL refuses it; usually a
    UTF-16 file read as UTF-8) or a lone surrogate (not encodable), or text over the text layer's limits."""
    for name, value in fields.items():
        if not isinstance(value, str):
            continue
        if "\x00" in value:
            raise ValueError(f"{name} contains a NUL character at offset {value.index(chr(0))} "
                             "(binary data or a UTF-16 file? re-save it as UTF-8)")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            raise ValueError(f"{name} contains a lone surrogate {value[e.start]!a} at offset {e.start}") from None
    check_text_size(fields.get("text") or "")
    check_marks(fields.get("text") or "")


def make_document(text: str, path: str, title: str = "", **meta) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    check_storable(text=text, title=title, **{k: v for k, v in meta.items() if isinstance(v, str)},
                   **{f"origin {k}": str(v) for k, v in meta.get("origin", {}).items()})
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
    try:
        check_marks(text)  # before any scan of the text (the date search below)
    except ValueError as e:
        yield ReadError(str(path), str(e))
        return
    published, where = txt_date(path.name, text)  # a .txt carries no metadata: "Date:" line, file name, text
    if not published:
        published, where = inferred_date(text), "inferred"
    _, skip = header_date(text)
    title = next((ln.strip() for i, ln in enumerate(text.splitlines()) if ln.strip() and i != skip), "")
    origin = {"title": "first line", "text": "file"} | ({"encoding": encoding} if encoding != "utf-8" else {}) \
        | ({"published": where} if published else {})
    try:
        yield make_document(text, str(path), title, published=published, origin=origin)
    except ValueError as e:
        yield ReadError(str(path), str(e))


# --- HTML ---------------------------------------------------------------------------------------

_DROP = "script, style, noscript, nav, footer, header, aside, form, iframe, svg, figure figcaption, .share, .related, .comments"


def html_to_text(html: str) -> tuple[str, dict]:
    """Main text and metadata of an HTML page. Paragraph-like blocks become lines."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    check_html(html)
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
        root = _densest(tree) or tree.body
    if root is None:
        return "", meta
    blocks, size = [], 0
    for n in root.css("h1, h2, h3, h4, p, li, blockquote"):
        b = n.text(separator=" ", strip=True)
        size += len(b)
        if size > 2 * len(html) + 1000:  # nested blocks repeat their children's text: refuse the blow-up
            raise LimitError("HTML blocks nest so deeply that the text would outgrow the page")
        blocks.append(b)
    blocks = [_WS.sub(" ", b).strip() for b in blocks if b and b.strip()]
    if not blocks:
        blocks = [ln.strip() for ln in root.text(separator="\n").splitlines() if ln.strip()]
    if meta.get("title") and (not blocks or blocks[0] != meta["title"]):
        blocks.insert(0, meta["title"])
    return "\n".join(blocks), meta


def _densest(tree):
    """The first div/section/body with the most paragraph text below it, in one pass over the tree
    (asking each container for its paragraphs is quadratic in the nesting depth)."""
    if tree.root is None:
        return None
    order, below = [], {}
    for node in tree.root.traverse():
        order.append(node)
    for node in reversed(order):  # children before parents: add each subtree's total to its parent
        parent = node.parent
        if parent is None:
            continue
        n = below.get(node.mem_id, 0) + (len(node.text(strip=True)) if node.tag == "p" else 0)
        if n:
            below[parent.mem_id] = below.get(parent.mem_id, 0) + n
    best, best_len = None, 0
    for node in order:
        if node.tag in ("div", "section", "body") and below.get(node.mem_id, 0) > best_len:
            best, best_len = node, below[node.mem_id]
    return best


def read_html(path: Path) -> Iterator[Document | ReadError]:
    try:
        _check_size(path)
        html = _decode(path.read_bytes(), str(path))
    except (ValueError, OSError) as e:
        yield ReadError(str(path), str(e))
        return
    yield from _html_document(html, str(path), {})


def _html_document(html: str, path: str, extra: dict) -> Iterator[Document | ReadError]:
    try:
        yield from _html_document_unguarded(html, path, extra)
    except (ValueError, RecursionError) as e:
        yield ReadError(path, str(e))


def _html_document_unguarded(html: str, path: str, extra: dict) -> Iterator[Document | ReadError]:
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
        for lineno, raw in enumerate(_bounded_lines(fh), 1):
            where = f"{path}:{lineno}"
            if raw is None:
                yield ReadError(where, f"record longer than {mb(MAX_RECORD_BYTES)} (one article a line); skipped")
                continue
            if not raw.strip():
                continue
            try:
                yield _jsonl_document(raw, where, lineno)
            except RecursionError:
                yield ReadError(where, "invalid JSON line (nested too deeply)")
            except ValueError as e:
                yield ReadError(where, str(e))


def _bounded_lines(fh, limit: int = MAX_RECORD_BYTES) -> Iterator[bytes | None]:
    """Lines of a binary file; a line over ``limit`` bytes is skipped in chunks (never held) and given as None."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (chunk := fh.readline(1 << 20)) and not chunk.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def _jsonl_document(raw: bytes, where: str, lineno: int) -> Document:
    try:
        obj = json.loads(_decode(raw, where))
    except ValueError as e:
        raise ValueError(f"invalid JSON line ({e})") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
        raise ValueError('each line must be an object with a non-empty "text"')
    published = obj.get("published") or obj.get("date")
    if problem := date_problem(published):
        raise ValueError(f"published: {problem} (use YYYY-MM-DD)")
    return make_document(
        obj["text"], where, str(obj.get("title") or ""), source=obj.get("source"), url=obj.get("url"),
        published=published, language=obj.get("language"), origin={"record": str(obj.get("id") or lineno)},
    )


# --- RSS / Atom ---------------------------------------------------------------------------------

def read_feed(path: Path) -> Iterator[Document | ReadError]:
    import feedparser

    try:
        size = path.stat().st_size
        if size == 0:
            raise ValueError("empty file")
        if size > MAX_FEED_BYTES:  # the parser holds the whole feed, several times over, in memory
            raise LimitError(f"feed of {mb(size)} (over {mb(MAX_FEED_BYTES)}); split it or give it as .jsonl")
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
        try:
            yield _feed_document(e, where, source)
        except (ValueError, RecursionError) as err:
            yield ReadError(where, str(err))


def _feed_document(e, where: str, source: str) -> Document:
    body = ""
    if e.get("content"):
        body = e.content[0].get("value", "")
    body = body or e.get("summary", "")
    text, _ = html_to_text(f"<html><body><article>{body}</article></body></html>") if "<" in body else (body, {})
    title = e.get("title", "")
    full = (title + "\n" + text).strip() if title and not text.startswith(title) else text
    if not full.strip():
        raise ValueError("feed entry has no text")
    return make_document(full, where, title, source=source, url=e.get("link"),
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
    # .warc.gz is decompressed here, with caps, so warcio sees a plain WARC (it has no size limits of its own)
    stream = CappedReader(fh, compressed=fh.read(2) == b"\x1f\x8b")
    fh.seek(0)
    with fh:
        n = 0
        try:
            for rec in ArchiveIterator(stream):
                if rec.rec_type is None:  # headers cut off: the file ends inside a record
                    raise EOFError("the file ends inside a record: truncated")
                if rec.rec_type != "response":
                    continue
                ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
                if "html" not in ctype:
                    continue
                n += 1
                url = rec.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{url}"
                yield from _warc_document(rec, where, ctype, url, stream)
        except (ArchiveLoadFailed, OSError, ValueError, EOFError, AttributeError) as e:  # warcio raises these on cut records
            yield ReadError(str(path), f"broken WARC after {n} records ({e})")
            return
        if n == 0:
            yield ReadError(str(path), "no HTML response records in the WARC")


def _warc_document(rec, where: str, ctype: str, url: str | None, stream: CappedReader
                   ) -> Iterator[Document | ReadError]:
    declared = rec.rec_headers.get_header("Content-Length")
    if declared and declared.isdigit() and int(declared) > MAX_RECORD_BYTES + 65536:
        stream.skipping(int(declared))
        yield ReadError(where, f"response record of {mb(int(declared))} (over {mb(MAX_RECORD_BYTES)}); skipped")
        return
    raw = rec.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(raw) > MAX_RECORD_BYTES:
        yield ReadError(where, f"response body over {mb(MAX_RECORD_BYTES)} once decompressed; skipped")
        return
    if rec.raw_stream.limit > 0:  # the record ends before its declared Content-Length
        raise EOFError(f"record {url} is cut short")
    charset = "utf-8"
    m = re.search(r"charset=([\w-]+)", ctype)
    if m:
        charset = m.group(1)
    try:
        html = raw.decode(charset)
    except (UnicodeDecodeError, LookupError):
        yield ReadError(where, f"response body is not valid {charset}")
        return
    yield from _html_document(html, where, {"url": url, "published": rec.rec_headers.get_header("WARC-Date")})


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


def iter_files(paths: list[str | os.PathLike], follow_links: bool = False) -> Iterator[Path | ReadError]:
    """Files under the given paths, directories walked recursively in sorted order; hidden files skipped.
    A symbolic link inside a folder is read only when it stays inside that folder, unless ``follow_links``
    (a link to /etc/passwd dropped into a news folder must not become a document)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from _walk(path, follow_links)
        elif path.exists():
            yield path
        else:
            yield ReadError(str(path), "no such file or directory")


def _walk(top: Path, follow_links: bool) -> Iterator[Path | ReadError]:
    real_top = top.resolve()
    seen_dirs = {real_top}
    for root, dirs, files in os.walk(top, followlinks=follow_links):
        keep = []
        for d in sorted(dirs):
            if d.startswith("."):
                continue
            full = Path(root) / d
            if full.is_symlink():
                target = full.resolve()
                if not follow_links:
                    if not target.is_relative_to(real_top):
                        yield ReadError(str(full), f"symbolic link to a folder outside {top} not followed "
                                                   "(use --follow-links)")
                    continue  # a link inside the folder: its files are read under their own path
                if target in seen_dirs:  # a loop, or a folder already walked
                    continue
                seen_dirs.add(target)
            keep.append(d)
        dirs[:] = keep
        for f in sorted(files):
            if f.startswith("."):
                continue
            full = Path(root) / f
            if not _encodable(str(full)):  # the store and the terminal need text: name it, do not crash later
                shown = os.fsencode(full).decode("utf-8", "backslashreplace")
                yield ReadError(shown, "file name is not valid UTF-8; rename the file")
                continue
            if full.is_symlink() and not full.exists():
                yield ReadError(str(full), "broken symbolic link (its target does not exist)")
                continue
            if full.is_symlink() and not follow_links and not full.resolve().is_relative_to(real_top):
                yield ReadError(str(full), f"symbolic link to a file outside {top} not followed (use --follow-links)")
                continue
            yield full


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_path(path: Path) -> Iterator[Document | ReadError]:
    reader = reader_for(path)
    if reader is None:
        yield ReadError(str(path), f"unsupported format '{path.suffix or path.name}' (known: {', '.join(sorted(READERS))})")
        return
    try:
        yield from reader(path)
    except Exception as e:  # noqa: BLE001 - last guard: a reader bug ends this file with a named error, not the run
        yield ReadError(str(path), f"reading stopped ({type(e).__name__}: {e})")


def read_all(paths: list[str | os.PathLike]) -> Iterator[Document | ReadError]:
    for f in iter_files(paths):
        if isinstance(f, ReadError):
            yield f
        else:
            yield from read_path(f)
