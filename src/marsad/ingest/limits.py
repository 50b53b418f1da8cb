"""Resource limits for readers: what one hostile file may cost before it is refused with a clear error.

- gzip (.warc.gz): decompressed in bounded steps; every window of output must come from enough compressed input
  (a ratio cap), so a bomb is stopped after a few MB instead of filling memory; a stream that ends inside a gzip
  member is an error (truncated download), not a quiet end of file.
- HTML: nesting depth is measured by a linear scan before parsing (lexbor and the main-text search are
  quadratic in depth); the extracted text may not outgrow the page (nested blocks repeat their children's text).
- JSON lines: one record (line) may not exceed ``MAX_RECORD_BYTES``; it is skipped without being held in memory.
- RSS/Atom: the whole file is parsed at once, so it may not exceed ``MAX_FEED_BYTES``.
- One article's text, from any reader or the API: at most ``MAX_TEXT_BYTES``. The pipeline holds every
  sentence, token, mention and event of a document at once: 65-80 MB of memory per MB of Arabic text (distinct
  news sentences; 4 MB of sentences that are all events took 410 MB), so a 10 MB text took 570 MB or more.
"""

from __future__ import annotations

import re
import zlib

MAX_RECORD_BYTES = 10 * 1024 * 1024  # one JSONL line or one WARC response body: same bound as one .txt article
MAX_FEED_BYTES = 20 * 1024 * 1024  # an RSS/Atom file; real feeds are well under 1 MB
MAX_TEXT_BYTES = 3 * 1024 * 1024  # one article's text in UTF-8: ~330 MB through the pipeline; news is < 0.1 MB
MAX_HTML_DEPTH = 1000  # real news pages nest 20-100 deep; the parser gets slow (quadratic) far beyond
GZIP_RATIO = 100  # HTML compresses 5-15x; gzip's maximum is about 1030x (a run of zeros)
GZIP_WINDOW = 32 * 1024 * 1024  # the ratio is checked over every window of this much decompressed output
GZIP_STEP = 1024 * 1024  # most output one decompress call may produce


class LimitError(ValueError):
    """Input over a resource limit; the message says which and how to get under it."""


def mb(n: float) -> str:
    return f"{n / 1048576:.0f} MB" if n >= 1048576 else f"{n / 1024:.0f} KB"


class CappedReader:
    """Read-only stream over a WARC file, plain or (multi-member) gzip, that refuses what would exhaust memory:
    a decompression ratio over ``ratio`` within any window of ``window`` output bytes (a bomb is stopped after a
    few MB), and a line longer than ``MAX_RECORD_BYTES`` (warcio gathers a header line in memory, quadratically).
    A gzip stream that ends inside a member is an error (a truncated download), not a quiet end of file."""

    def __init__(self, raw, compressed: bool, ratio: int = GZIP_RATIO, window: int = GZIP_WINDOW):
        self.raw = raw
        self.compressed = compressed
        self.ratio = ratio
        self.window = window
        self._d = zlib.decompressobj(31)
        self._pending = b""  # compressed input left over after a member ended
        self._buf = bytearray()
        self._pos = 0  # bytes handed out (tell)
        self._win_out = 0
        self._win_in = 0
        self._in_member = False
        self._eof = False
        self._line = 0  # bytes since the last newline
        self._long_lines_until = 0  # a record body being skipped may have long lines up to this position
        self._error: Exception | None = None

    def tell(self) -> int:
        return self._pos

    def readable(self) -> bool:
        return True

    def _inflate(self) -> bytes:
        if self._d.unconsumed_tail:
            out = self._d.decompress(self._d.unconsumed_tail, GZIP_STEP)
        else:
            data = self._pending or self.raw.read(64 * 1024)
            self._pending = b""
            if not data:
                if self._in_member:
                    raise TruncatedError("the gzip stream ends inside a member: the file is truncated")
                self._eof = True
                return b""
            self._win_in += len(data)
            self._in_member = True
            out = self._d.decompress(data, GZIP_STEP)
        if self._d.eof:  # member finished: the rest of the input starts the next member
            self._pending = self._d.unused_data
            self._d = zlib.decompressobj(31)
            self._in_member = False
        self._win_out += len(out)
        if self._win_out > self._win_in * self.ratio + GZIP_STEP:
            raise LimitError(f"gzip decompresses more than {self.ratio}x ({mb(self._win_out)} from "
                             f"{mb(self._win_in)}): refusing a likely decompression bomb")
        if self._win_out >= self.window:
            self._win_out = self._win_in = 0
        return out

    def _feed(self) -> None:
        if self.compressed:
            out = self._inflate()
        else:
            out = self.raw.read(64 * 1024)
            self._eof = not out
        nl = out.rfind(b"\n")
        self._line = len(out) - nl - 1 if nl >= 0 else self._line + len(out)
        if self._pos + len(self._buf) < self._long_lines_until:
            self._line = 0
        if self._line > MAX_RECORD_BYTES:
            raise LimitError(f"a line longer than {mb(MAX_RECORD_BYTES)}: not a WARC file, or a record over the cap")
        self._buf += out

    def skipping(self, n: int) -> None:
        """The next ``n`` bytes are a record body that warcio will skip without reading lines from it."""
        self._long_lines_until = self._pos + n

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            n = 1 << 62
        while len(self._buf) < n and not self._eof and self._error is None:
            try:
                self._feed()
            except (LimitError, TruncatedError) as e:
                self._error = e
        if not self._buf and self._error is not None:
            raise self._error  # only once everything read before the problem has been handed out
        out = bytes(self._buf[:n])
        del self._buf[:n]
        self._pos += len(out)
        return out

    def close(self) -> None:
        self.raw.close()


class TruncatedError(ValueError):
    """The file ends in the middle of a record or gzip member."""


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
# elements that never have children or whose end tag may be left out (<p>, <li> …): they do not nest in practice
_FLAT = frozenset("""area base br col embed hr img input link meta source track wbr param keygen
p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rtc rp""".split())
_RAW = ("script", "style", "textarea", "title", "xmp", "noscript", "template")


def html_depth(html: str, stop: int = MAX_HTML_DEPTH) -> int:
    """Approximate element nesting depth in one linear pass (stops counting once ``stop`` is passed).
    Script and style contents are skipped; a close tag pops to its matching open tag, as a browser would."""
    html = html.lower()
    stack: list[str] = []
    open_count: dict[str, int] = {}
    pos, n = 0, len(html)
    deepest = 0
    while pos < n:
        m = _TAG.search(html, pos)
        if not m:
            break
        pos = m.end()
        name = m.group(2)
        if m.group(1):
            if open_count.get(name):
                while stack:
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
            continue
        if name in _RAW:
            end = html.find("</" + name, pos)
            if end < 0:
                break
            pos = end
            continue
        if name in _FLAT:
            continue
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
        if len(stack) > deepest:
            deepest = len(stack)
            if deepest > stop:
                break
    return deepest


def check_html(html: str) -> None:
    depth = html_depth(html)
    if depth > MAX_HTML_DEPTH:
        raise LimitError(f"HTML nested deeper than {MAX_HTML_DEPTH} elements; not a news page")


def check_text_size(text: str) -> None:
    """Refuse an article text over MAX_TEXT_BYTES in UTF-8 (a character takes at most 4 bytes: most texts
    are cleared without encoding them)."""
    if len(text) * 4 > MAX_TEXT_BYTES and (size := len(text.encode("utf-8", "surrogatepass"))) > MAX_TEXT_BYTES:
        raise LimitError(f"text of {size / 1048576:.1f} MB is over {mb(MAX_TEXT_BYTES)} for one article "
                         "(the pipeline holds a whole document in memory); split it into articles")
