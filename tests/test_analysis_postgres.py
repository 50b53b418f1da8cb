"""The alliance analysis on PostgreSQL gives the same clusters, aggregates and rankings as on SQLite."""

from __future__ import annotations

from marsad.analysis import refresh
from marsad.analysis.api import allies, blocs, drift
from marsad.analysis.coverage import undated
from marsad.analysis.reader import default_as_of
from marsad.analysis.sources import sources
from marsad.analysis.suggest import suggest_ties
from marsad.analysis.synthetic import insert
from pg import fresh_database, pg_server  # noqa: F401  (fixture)
from test_analysis import EVENTS, build_store


def _rows(store, sql):
    return [tuple(round(v, 9) if isinstance(v, float) else v for v in r.values()) for r in store.rows(sql)]


def test_same_results_on_postgres_and_sqlite(pg_server, tmp_path):  # noqa: F811
    half = len(EVENTS) // 2
    stores = [build_store(tmp_path / "a.db", EVENTS[:half]), build_store(fresh_database(pg_server), EVENTS[:half])]
    rest = [{"id": f"e{i:03d}", "doc_id": f"d{i:03d}", "event": typ, "actor_code": a, "recipient_code": r, "date": date,
             "sentence": s, "source": outlet, **opts}
            for i, (date, typ, a, r, s, outlet, opts) in enumerate(EVENTS[half:], start=half)]
    docs = [{"id": f"d{i:03d}", "source": e[5], "published": e[0], "text": e[4]} for i, e in enumerate(EVENTS[half:], start=half)]
    for s in stores:
        insert(s, rest, docs)
        assert refresh(s)["mode"] == "incremental"
    lite, pg = stores
    for sql in ("SELECT id, cluster_id FROM events ORDER BY id",
                "SELECT * FROM clusters ORDER BY id",
                "SELECT * FROM dyad_month ORDER BY a, b, month",
                "SELECT * FROM dyads ORDER BY a, b"):
        assert _rows(lite, sql) == _rows(pg, sql), sql
    a, b = (allies(s, "RUS", as_of="2025-12-31") for s in stores)
    assert [(r["code"], r["score"], r["trend_12m"]) for r in a] == [(r["code"], r["score"], r["trend_12m"]) for r in b]
    assert [[e["cluster"] for e in r["evidence"]] for r in a] == [[e["cluster"] for e in r["evidence"]] for r in b]
    assert blocs(lite, "2025-12-31")["blocs"] == blocs(pg, "2025-12-31")["blocs"]
    assert drift(lite, "2023-01-01", "2025-12-31") == drift(pg, "2023-01-01", "2025-12-31")
    assert sources(lite) == sources(pg)
    assert suggest_ties(lite, include_known=True) == suggest_ties(pg, include_known=True)
    # the default "as of" (last counted happening) and the undated counts read the same on both
    assert default_as_of(lite) == default_as_of(pg) == "2025-11-06"
    assert undated(lite) == undated(pg)
    assert refresh(pg, full=True)["mode"] == "full"
    assert _rows(lite, "SELECT * FROM dyad_month ORDER BY a, b, month") == _rows(pg, "SELECT * FROM dyad_month ORDER BY a, b, month")
    for s in stores:
        s.close()
