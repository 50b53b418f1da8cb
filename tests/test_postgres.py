"""PostgreSQL: the same schema, migrations and results as SQLite on the same input (real server, tests/pg.py)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pg import fresh_database, pg_server  # noqa: F401  (fixture)
from test_api_support import SAMPLE, build_store, make_app, new_key

DATA = Path(__file__).parent / "data"
INPUTS = (SAMPLE, DATA / "article.html", DATA / "feed.rss", DATA / "feed.atom", DATA / "articles.jsonl")
TABLES = {  # table -> columns that identify a row
    "documents": ("id",), "sentences": ("doc_id", "idx"), "mentions": ("doc_id", "start_off", "end_off", "code"),
    "events": ("id",), "candidates": ("name",), "files": ("path",),
}
VOLATILE = {"ingested_at", "updated_at", "mtime"}


@pytest.fixture(scope="module")
def stores(pg_server, tmp_path_factory):  # noqa: F811
    sqlite = str(tmp_path_factory.mktemp("parity") / "store.db")
    pg = fresh_database(pg_server)
    build_store(sqlite, INPUTS, strict=False)  # articles.jsonl has broken lines on purpose
    build_store(pg, INPUTS, strict=False)
    return sqlite, pg


def table_rows(url: str, table: str) -> list[dict]:
    from marsad.store.db import Store

    with Store.open(url) as store:
        rows = store.rows(f"SELECT * FROM {table}")
    out = []
    for r in rows:
        r = {k: (bytes(v) if isinstance(v, memoryview) else v) for k, v in r.items() if k not in VOLATILE}
        out.append(r)
    return sorted(out, key=lambda r: tuple(str(r[k]) for k in TABLES[table]))


def same_value(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return a == b


@pytest.mark.parametrize("table", sorted(TABLES))
def test_same_rows_in_both_stores(stores, table):
    sqlite, pg = stores
    a, b = table_rows(sqlite, table), table_rows(pg, table)
    assert len(a) == len(b)
    if table in ("documents", "sentences", "mentions", "events"):
        assert a, f"no {table}: the comparison would be empty"
    for ra, rb in zip(a, b, strict=True):
        assert set(ra) == set(rb)
        diff = {k: (ra[k], rb[k]) for k in ra if not same_value(ra[k], rb[k])}
        assert not diff, (table, {k: ra[k] for k in TABLES[table]}, diff)


def test_same_api_answers(stores, tmp_path):
    sqlite, pg = stores
    paths = ["/api/stats", "/api/documents?limit=200", "/api/events?limit=1000", "/api/events?order=desc&limit=17&offset=5",
             "/api/events?party=RUS&quad=verbal_cooperation", "/api/search?q=الروسيه&limit=200",
             "/api/search?q=في&limit=30", "/api/events?q=بيونغ يانغ", "/api/actors?limit=40", "/api/actors/RUS",
             "/api/actors/RUS/timeline", "/api/dyads/RUS/PRK/events", "/api/network", "/api/events.csv?actor=RUS"]
    answers = []
    for url in (sqlite, pg):
        with TestClient(make_app(url, tmp_path / url[-6:].replace("/", "_"))) as c:
            got = {}
            for p in paths:
                r = c.get(p)
                assert r.status_code == 200, (url, p, r.text[:200])
                body = r.json() if "json" in r.headers["content-type"] else r.text
                if p == "/api/stats":
                    body.pop("schema_version")
                got[p] = body
            doc = got["/api/documents?limit=200"]["items"][3]["id"]
            got["doc"] = c.get(f"/api/documents/{doc}").json()
            got["doc"].pop("ingested_at")
            answers.append(got)
    for p in answers[0]:
        assert answers[0][p] == answers[1][p], p


def test_store_behaviour(pg_server):  # noqa: F811
    from marsad.ingest.readers import make_document
    from marsad.pipeline import Pipeline
    from marsad.store.db import Store
    from marsad.store.migrations import LATEST
    from marsad.store.postgres import PostgresStore, rewrite

    assert rewrite("SELECT '?%' , x FROM t WHERE a = ? AND b LIKE '%a' AND symmetric = ?") == \
        "SELECT '?%' , x FROM t WHERE a = %s AND b LIKE '%a' AND \"symmetric\" = %s"
    url = fresh_database(pg_server)
    raw = PostgresStore.connect(url)
    assert raw.version() == 0 and raw.dialect == "postgresql"  # no meta table yet, and no error left behind
    assert raw.scalar("SELECT 1") == 1
    raw.close()
    with Store.open(url) as store:
        assert isinstance(store, PostgresStore) and store.version() == LATEST
        assert store.migrate() == []  # already current
        doc = make_document("استقبل الرئيس الروسي في موسكو نظيره البيلاروسي لبحث التعاون العسكري.", "t.txt", "لقاء")
        p = Pipeline.default("text")(doc)
        with store.transaction():
            assert store.add_document(p.doc, p.sentences) is True
        with store.transaction():
            assert store.add_document(p.doc, p.sentences) is False  # ON CONFLICT DO NOTHING: rowcount 0
        other = Pipeline.default("text")(make_document("نص آخر عن التعاون بين البلدين في مجال الطاقة.", "u.txt"))
        with pytest.raises(RuntimeError), store.transaction():
            store.add_document(other.doc, other.sentences)
            raise RuntimeError("interrupted")
        assert not store.has_document(other.doc.id)  # rolled back as a whole
        assert store.scalar("SELECT COUNT(*) FROM sentences WHERE doc_id = ?", (other.doc.id,)) == 0
        import psycopg

        with pytest.raises(psycopg.errors.UndefinedTable):
            store.execute("SELECT * FROM no_such_table")
        assert store.scalar("SELECT COUNT(*) FROM documents") == 1  # the connection still works
        assert store.document(p.doc.id[:6])["title"] == "لقاء"


def test_bad_url_is_a_clear_error():
    from marsad.store.db import Store, StoreError

    with pytest.raises(StoreError, match="cannot connect") as e:
        Store.open("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(e.value)


def test_keys_and_uploads_on_postgres(pg_server, tmp_path):  # noqa: F811
    url = fresh_database(pg_server)
    key = new_key(url)
    with TestClient(make_app(url, tmp_path / "data")) as c:
        assert c.post("/api/documents", json={"text": "نص"}).status_code == 401
        r = c.post("/api/documents", headers={"X-API-Key": key},
                   json=[{"text": "أعلنت موسكو وبكين مناورات بحرية مشتركة في بحر اليابان الشهر المقبل.",
                          "published": "2024-07-01", "source": "wire"}])
        assert r.status_code == 201, r.text
        doc_id = r.json()["files"][0]["documents"][0]["id"]
        assert c.get(f"/api/documents/{doc_id}").json()["source"] == "wire"
        hits = c.get("/api/search", params={"q": "مناورات بحريه"}).json()
        assert hits["total"] == 1 and hits["items"][0]["doc_id"] == doc_id
