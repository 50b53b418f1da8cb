"""Stress check of the incremental refresh (analysis/regions.py) against full rebuilds, over many random
histories: 1-5 actors, 1-4 event types, 100-1,200 stored reports over 1-5 years, then four batches of 1-100
reports spread over 3 days to a year (at the start, the end or anywhere). After every batch the incremental
store and a store rebuilt from scratch must have the same clusters, events' cluster ids, dyad-month rows and
dyads. Prints one line per history (events read by each refresh) and the number of mismatches.

    .venv/bin/python bench/check_regions.py 0 200

Not part of the tests (tests/test_scale_regions.py runs four of these histories).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from marsad.analysis import refresh  # noqa: E402
from marsad.analysis.check import snapshot  # noqa: E402
from marsad.analysis.synthetic import insert  # noqa: E402
from marsad.store.db import Store  # noqa: E402
from test_scale_regions import ordinal, reports  # noqa: E402


def main(first_seed: int, last_seed: int) -> int:
    bad = 0
    for seed in range(first_seed, last_seed):
        rng = random.Random(seed)
        codes = rng.choice([["RUS", "CHN"], ["RUS", "CHN", "IRN"], ["RUS", "BLR", "ARM", "KAZ", "CSTO"]])
        types = rng.choice([("CONSULT",), ("CONSULT", "ACCUSE"), ("CONSULT", "SUPPORT", "ACCUSE", "SANCTION")])
        first = ordinal("2019-01-01")
        last = first + 365 * rng.choice([1, 2, 5])
        inc, full = Store.open(":memory:"), Store.open(":memory:")
        batches = [reports(rng, rng.choice([100, 400, 1200]), "o", first, last, codes=codes, types=types)]
        for k in range(4):
            lo = rng.choice([first, last - 60, rng.randint(first, last)])
            hi = min(last, lo + rng.choice([3, 40, 400]))
            batches.append(reports(rng, rng.choice([1, 5, 30, 100]), f"n{k}", lo, hi, codes=codes, types=types))
        reads = []
        for k, batch in enumerate(batches):
            insert(inc, batch)
            insert(full, batch)
            reads.append(refresh(inc)["events"])
            refresh(full, full=True)
            got, want = snapshot(inc), snapshot(full)
            if got != want:
                bad += 1
                print(f"seed {seed} batch {k}: differs in", [t for t in got if got[t] != want[t]])
                break
        print(seed, reads, inc.scalar("SELECT COUNT(*) FROM events"), flush=True)
        inc.close()
        full.close()
    print("mismatches:", bad)
    return bad


if __name__ == "__main__":
    sys.exit(1 if main(int(sys.argv[1]), int(sys.argv[2])) else 0)
