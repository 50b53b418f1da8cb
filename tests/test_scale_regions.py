"""The incremental refresh re-reads only the regions new reports can change (analysis/regions.py), and gives
exactly what a full rebuild gives: clusters, events' cluster ids, dyad-month rows and dyads, compared with a
store that is rebuilt from scratch after every batch."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from marsad.analysis import refresh
from marsad.analysis.check import check, snapshot
from marsad.analysis.synthetic import QUADS, insert
from marsad.ingest.run import ingest
from marsad.store.db import Store

CODES = ["RUS", "BLR", "ARM", "KAZ", "CSTO"]


def reports(rng: random.Random, n: int, prefix: str, first: int, last: int, codes=CODES,
            types=("CONSULT", "SUPPORT", "ACCUSE", "SANCTION")) -> list[dict]:
    """Every kind of report the clustering treats apart: day, publication-dated (document), inferred, month,
    year, short and long ranges, no precision, undated; future, hypothetical, negated; symmetric."""
    out = []
    for i in range(n):
        a, r = rng.sample(codes, 2)
        o = rng.randint(first, last)
        date = day(o)
        prec = rng.choices(["day", "document", "inferred", "month", "year", "range", None, "undated"],
                           [30, 40, 3, 8, 5, 5, 2, 2])[0]
        e = {"id": f"{prefix}{i:05d}", "doc_id": f"{prefix}d{i}", "event": rng.choice(types), "actor_code": a,
             "recipient_code": r, "date": date, "date_precision": prec, "symmetric": int(rng.random() < 0.2),
             "dup": int(rng.random() < 0.1), "negated": int(rng.random() < 0.1),
             "modality": rng.choice(["asserted"] * 6 + ["future", "hypothetical", "historical"]),
             "source": f"outlet-{rng.randint(0, 4)}"}
        if prec == "month":
            e["date"] = date[:8] + "01"
        elif prec == "year":
            e["date"] = date[:4] + "-01-01"
        elif prec == "range":
            end = o + rng.choice([rng.randint(1, 40), rng.randint(200, 500)])
            e["date_end"] = day(end)
        elif prec == "undated":
            e["date"], e["date_precision"] = None, "day"
        out.append(e)
    return out


def day(o: int) -> str:
    return dt.date.fromordinal(o).isoformat()


def same(a: Store, b: Store) -> None:
    got, want = snapshot(a), snapshot(b)
    for table in want:
        assert got[table] == want[table], table


def ordinal(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


@pytest.mark.parametrize("seed,dense", [(1, True), (2, True), (3, False), (4, True)])
def test_incremental_equals_a_full_rebuild_batch_after_batch(tmp_path, seed, dense):
    rng = random.Random(seed)
    first, last = ordinal("2019-01-01"), ordinal("2021-12-31" if dense else "2025-12-31")
    inc, full = Store.open(str(tmp_path / "inc.db")), Store.open(str(tmp_path / "full.db"))
    batches = [reports(rng, 1500 if dense else 300, "o", first, last)]
    batches += [reports(rng, 150, f"n{k}", first, last) for k in range(3)]  # scattered over the whole history
    batches += [reports(rng, 100, "r", last - 40, last)]  # recent news
    for k, batch in enumerate(batches):
        insert(inc, batch)
        insert(full, batch)
        info = refresh(inc)
        refresh(full, full=True)
        assert info["mode"] == ("full" if k == 0 else "incremental")
        same(inc, full)
    inc.close()
    full.close()


def test_a_cluster_with_reports_outside_its_region_falls_back_to_the_whole_group(tmp_path):
    few = {"codes": ["RUS", "CHN"], "types": ("CONSULT", "ACCUSE")}
    old = reports(random.Random(9), 1500, "o", ordinal("2020-01-01"), ordinal("2021-12-31"), **few)
    new = reports(random.Random(10), 20, "n", ordinal("2021-12-01"), ordinal("2021-12-31"), **few)
    read = {}
    for name in ("clean", "corrupt"):
        s = Store.open(str(tmp_path / f"{name}.db"))
        insert(s, old)
        refresh(s)
        if name == "corrupt":  # stored clusters that claim more reports than they have: no region is trusted
            with s.transaction():
                s.execute("UPDATE clusters SET reports = reports + 1")
        insert(s, new)
        info = refresh(s)
        assert info["mode"] == "incremental"
        read[name] = info["events"]
        result = check(s)
        if name == "clean":
            assert result["ok"], result
        else:  # the touched groups were redone whole and are right; only untouched clusters keep the bad count
            assert set(result["differences"]) <= {"clusters"}
        s.close()
    assert read["corrupt"] > 2 * read["clean"]


def news(path: Path, items: list[tuple[str, str]]) -> Path:
    path.write_text("".join(json.dumps({"id": f"x{i}", "published": day, "text": text}, ensure_ascii=False) + "\n"
                            for i, (day, text) in enumerate(items)), encoding="utf-8")
    return path


def test_ingest_of_new_arabic_news_reads_few_stored_events_and_check_agrees(tmp_path, seeds_dir):
    db = str(tmp_path / "m.db")
    sample = Path(__file__).resolve().parents[1] / "src" / "marsad" / "data" / "sample" / "corpus.jsonl"
    with Store.open(db) as store:
        ingest([str(sample), str(seeds_dir)], store)
        stored = store.scalar("SELECT COUNT(*) FROM events")
    later = news(tmp_path / "later.jsonl", [
        ("2026-11-03", "استقبل الرئيس الروسي في موسكو الرئيس التركي وبحثا العلاقات الثنائية."),
        ("2026-11-04", "فرضت الولايات المتحدة عقوبات جديدة على إيران بسبب برنامجها الصاروخي."),
        ("2026-11-05", "وقعت مصر والسعودية اتفاقية للتعاون في مجال الطاقة المتجددة."),
        ("2026-11-05", "اتهمت الصين الولايات المتحدة بالتدخل في شؤونها الداخلية."),
    ])
    with Store.open(db) as store:
        rep = ingest([str(later)], store)
        assert rep.added == 4 and rep.events >= 4
        assert rep.refresh["mode"] == "incremental"
        assert rep.refresh["events"] < stored / 4  # the whole store was read before regions
        assert store.scalar("SELECT COUNT(*) FROM events WHERE cluster_id IS NULL") == 0
        result = check(store)
        assert result["ok"], result


def test_new_reports_read_only_near_their_dates(tmp_path):
    """A day report joining a stored happening, a month report, a publication-dated back-reference: each
    region ends at the stored anchors around it."""
    rng = random.Random(3)
    s = Store.open(str(tmp_path / "s.db"))
    days = [ordinal("2015-01-01") + 7 * k for k in range(600)]  # one consultation a week for 11 years
    insert(s, [{"id": f"w{k:04d}", "doc_id": "d", "event": "CONSULT", "actor_code": "RUS", "recipient_code": "CHN",
                "date": day(o)} for k, o in enumerate(days)])
    insert(s, reports(rng, 300, "o", days[0], days[-1], codes=["RUS", "CHN"], types=("CONSULT",)))
    refresh(s)
    total = s.scalar("SELECT COUNT(*) FROM events")
    mid = days[300]
    insert(s, [
        {"id": "a1", "doc_id": "n", "event": "CONSULT", "actor_code": "CHN", "recipient_code": "RUS",
         "date": day(mid + 1)},
        {"id": "a2", "doc_id": "n", "event": "CONSULT", "actor_code": "RUS", "recipient_code": "CHN",
         "date": day(mid + 30)[:8] + "01", "date_precision": "month"},
        {"id": "a3", "doc_id": "n", "event": "CONSULT", "actor_code": "RUS", "recipient_code": "CHN",
         "date": day(mid + 100), "date_precision": "document"},
    ])
    info = refresh(s)
    assert 0 < info["events"] < total / 5
    assert check(s)["ok"]
    assert QUADS["CONSULT"] == s.scalar("SELECT quad FROM clusters WHERE id = (SELECT cluster_id FROM events "
                                        "WHERE id = 'a1')")
    s.close()


def test_a_date_the_regions_cannot_read_falls_back_to_the_whole_group(tmp_path):
    s = Store.open(str(tmp_path / "s.db"))
    old = reports(random.Random(4), 300, "o", ordinal("2022-01-01"), ordinal("2023-12-31"), codes=["RUS", "CHN"])
    old.append({"id": "odd", "doc_id": "x", "event": "CONSULT", "actor_code": "RUS", "recipient_code": "CHN",
                "date": "2022", "date_precision": "year"})  # a year written without month and day
    insert(s, old)
    refresh(s)
    insert(s, reports(random.Random(5), 10, "n", ordinal("2023-12-01"), ordinal("2023-12-31"), codes=["RUS", "CHN"]))
    assert refresh(s)["mode"] == "incremental"
    assert check(s)["ok"]
    s.close()
