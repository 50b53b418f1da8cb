"""Digest of a SQLite store's tables' contents, to show that two ingests wrote the same rows.

    .venv/bin/python bench/store_digest.py A.db B.db          # one line per table: equal or not, row counts

Every table's rows are read in a fixed order (sorted by their text) and hashed; columns that record when a
row was written (``*_at``) or the input file's modification time are left out, since two runs differ there by
nature. The indexes (names, tables, definitions) are compared as one more line, ``(indexes)``. A speed
change that must not change results passes when every table is equal under the same PYTHONHASHSEED (the
learned layer sums float32 weights in an order that follows string hashing, so two seeds may differ in a
probability's last bits). Not part of the tests.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys

SKIP_COLUMNS = {"mtime", "made_at"}


def digest(db: str) -> dict[str, tuple[int, str]]:
    """table -> (rows, sha256 of the sorted rows' reprs)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        out = {}
        for t in tables:
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')
                    if not r[1].endswith("_at") and r[1] not in SKIP_COLUMNS]
            rows = sorted(repr(r) for r in con.execute(f'SELECT {", ".join(cols)} FROM "{t}"'))
            h = hashlib.sha256()
            for r in rows:
                h.update(r.encode("utf-8") + b"\n")
            out[t] = (len(rows), h.hexdigest()[:16])
        # the schema's indexes too: an ingest that sets indexes aside must leave every one as it was
        idx = sorted(con.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'"))
        out["(indexes)"] = (len(idx), hashlib.sha256(repr(idx).encode("utf-8")).hexdigest()[:16])
        return out
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stores", nargs=2)
    args = ap.parse_args()
    a, b = (digest(s) for s in args.stores)
    same = True
    for t in sorted(set(a) | set(b)):
        ra, rb = a.get(t), b.get(t)
        ok = ra == rb
        same &= ok
        print(f"{t:<16} {'equal' if ok else 'DIFFERENT':<10} rows {ra[0] if ra else '-':>8} {rb[0] if rb else '-':>8}")
    print("all tables equal" if same else "stores differ")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
