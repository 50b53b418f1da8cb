"""Hostile-input benchmark (not a test): seconds and peak memory of reading each hostile input, each in a fresh
process, against a baseline of an ordinary file of the same format read in the same run.

    python bench/bench_hostile.py            # prints one line per input: outcome, seconds, peak MB

Inputs are generated in a temporary folder (about 80 MB of disk at most).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

PROBE = """
import json, sys, time
from pathlib import Path
from marsad.ingest.readers import Document, read_path
t = time.perf_counter()
items = list(read_path(Path(sys.argv[1])))
secs = time.perf_counter() - t
peak = next(int(l.split()[1]) / 1024 for l in open("/proc/self/status") if l.startswith("VmHWM:"))
errs = [x.message for x in items if not isinstance(x, Document)]
print(json.dumps({"docs": sum(isinstance(x, Document) for x in items), "error": errs[0] if errs else "",
                  "seconds": secs, "peak_mb": peak}))
"""
TEXT = "أكد وزير الخارجية خلال لقائه نظيره في العاصمة ضرورة وقف التصعيد وبحث الجانبان سبل التعاون المشترك."


def warc(path: Path, bodies: list[bytes]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i, body in enumerate(bodies):
            hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://example.org/{i}", "response", payload=io.BytesIO(body),
                                                http_headers=hh))


def page(text: str) -> bytes:
    return f"<html><body><article><p>{text}</p></article></body></html>".encode()


def inputs(tmp: Path) -> list[tuple[str, Path]]:
    out = []

    def add(name: str, file: str, data: bytes | str) -> None:
        p = tmp / file
        p.write_bytes(data.encode() if isinstance(data, str) else data)
        out.append((name, p))

    add("baseline .jsonl (2,000 records)", "base.jsonl",
        "".join(json.dumps({"text": f"{TEXT} ({i})"}, ensure_ascii=False) + "\n" for i in range(2000)))
    add("JSONL record of 60 MB", "big.jsonl", '{"text": "' + "كلمة " * ((60 << 20) // 9) + '"}\n')
    add("JSONL nested 100,000 deep", "deep.jsonl", "[" * 100_000 + "]" * 100_000 + "\n")
    add("baseline .html", "base.html", page(TEXT * 20))
    add("HTML nested 100,000 deep", "deep.html", "<div>" * 100_000 + f"<p>{TEXT}</p>")
    add("HTML blockquotes 900 deep", "quotes.html",
        "<article>" + "<blockquote>" * 900 + f"<span>{TEXT}</span>" * 2000 + "</blockquote>" * 900 + "</article>")
    add("baseline .txt", "base.txt", "عنوان\n" + TEXT * 50)
    add(".txt with 800,000 marks on one letter", "marks.txt", "عنوان\nب" + "\u0651\u064e" * 400_000)
    base = tmp / "base.warc.gz"
    warc(base, [page(f"{TEXT} ({i})") for i in range(200)])
    out.append(("baseline .warc.gz (200 records)", base))
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    add("gzip bomb .warc.gz (1 MB -> 1 GB)", "bomb.warc.gz",
        b"".join(c.compress(b"\0" * (1 << 20)) for _ in range(1024)) + c.flush())
    rec = tmp / "record-bomb.warc.gz"
    warc(rec, [page(TEXT), b"<html>" + b" " * (300 << 20) + b"</html>", page(TEXT)])
    out.append(("WARC record of 300 MB (300 KB gzip)", rec))
    return out


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="marsad-hostile-") as d:
        rows = []
        for name, path in inputs(Path(d)):
            r = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, timeout=600)
            if r.returncode != 0:
                rows.append((name, path.stat().st_size, None, r.stderr.strip().splitlines()[-1][:80]))
                continue
            rows.append((name, path.stat().st_size, json.loads(r.stdout), ""))
        print(f"{'input':40} {'size MB':>8} {'docs':>5} {'seconds':>8} {'peak MB':>8}  outcome")
        for name, size, res, crash in rows:
            if res is None:
                print(f"{name:40} {size / 1e6:8.2f}  CRASH {crash}")
                continue
            outcome = res["error"][:70] or "read"
            print(f"{name:40} {size / 1e6:8.2f} {res['docs']:5d} {res['seconds']:8.2f} {res['peak_mb']:8.0f}  {outcome}")


if __name__ == "__main__":
    main()
