"""Coverage-guided fuzzing of one reader with atheris (libFuzzer), for long runs outside CI; the bounded CI fuzzing
is tests/test_hostile_fuzz.py (hypothesis).

    pip install atheris
    python tools/fuzz_atheris.py .jsonl -atheris_runs=20000     # or .html .txt .rss .atom .xml .warc .warc.gz

Starts from the test data of that format. An input that makes the reader raise is saved under
tests/data/hostile/found/ (then read by test_hostile_corpus_regressions) before the fuzzer stops.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from marsad.ingest.readers import READERS, Document, ReadError, read_path

ROOT = Path(__file__).resolve().parents[1]
FOUND = ROOT / "tests" / "data" / "hostile" / "found"


def main() -> None:
    ext = sys.argv[1] if len(sys.argv) > 1 else ""
    if ext not in READERS:
        sys.exit(f"usage: fuzz_atheris.py FORMAT [libFuzzer options]; FORMAT one of {', '.join(sorted(READERS))}")
    tmp = Path(tempfile.mkdtemp(prefix="marsad-atheris-"))
    target = tmp / f"input{ext}"
    seeds = tmp / "seeds"
    seeds.mkdir()
    for p in (ROOT / "tests" / "data").rglob(f"*{ext}"):
        (seeds / p.name).write_bytes(p.read_bytes())

    def one(data: bytes) -> None:
        target.write_bytes(data)
        try:
            items = list(read_path(target))
        except BaseException:
            FOUND.mkdir(parents=True, exist_ok=True)
            (FOUND / f"{hashlib.sha256(data).hexdigest()[:16]}{ext}").write_bytes(data)
            raise
        for x in items:
            if not isinstance(x, Document | ReadError):
                raise AssertionError(f"reader yielded {type(x).__name__}")

    atheris.Setup([sys.argv[0], str(seeds), *sys.argv[2:]], one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
