"""Exports of the alliance graph: the signed network on a date (GraphML, GEXF through networkx) and the
dyad x month table of scores (CSV, Parquet through pyarrow)."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

from ..store.db import Store
from . import alignment as al
from .api import blocs, network
from .reader import default_as_of, is_org_code, name_of
from .ties import Ties, bundled_ties, formal_matrix

DYAD_FIELDS = ["a", "b", "month", "score", "formal", "behaviour", "tone", "confidence", "positive", "negative",
               "clusters", "clusters_total", "volume"]


def dyad_rows(store: Store, ties: Ties | None = None, as_of: str | None = None) -> Iterator[dict]:
    """One row per dyad and month with at least one happening: the index at the end of that month and the
    month's own positive and negative weight."""
    ties = ties or bundled_ties()
    as_of = as_of or default_as_of(store)
    codes = {r[0] for r in store.execute("SELECT a FROM dyads UNION SELECT b FROM dyads").fetchall()}
    codes = {c for c in codes if not ties.is_org(c)}
    formal_by_month: dict[str, dict] = {}
    cur = store.execute("SELECT a, b, month, pos, neg, clusters, pos_d, neg_d, volume, clusters_total FROM dyad_month "
                        "WHERE month <= ? ORDER BY month, a, b", (al.month_of(as_of),))
    while True:
        chunk = cur.fetchmany(5000)
        if not chunk:
            break
        for a, b, month, pos, neg, n, pd, nd, vol, total in chunk:
            date = min(al.month_end(month), as_of)
            if month not in formal_by_month:
                formal_by_month.clear()
                formal_by_month[month] = formal_matrix(date, codes, ties)
            f = formal_by_month[month].get((a, b), 0.0)
            s = al.score_at(date, (month, pd, nd, vol, total), f, 0.0)
            yield {"a": a, "b": b, "month": month, "score": round(s.score, 5), "formal": round(f, 5),
                   "behaviour": round(s.behaviour, 5), "tone": round(s.tone, 5), "confidence": round(s.confidence, 5),
                   "positive": round(pos, 5), "negative": round(neg, 5), "clusters": n, "clusters_total": total,
                   "volume": round(vol, 5)}


def export_dyads(store: Store, fmt: str, output: Path | None, ties: Ties | None = None,
                 as_of: str | None = None, bom: bool = False) -> int:
    rows = dyad_rows(store, ties, as_of)
    n = 0
    if fmt == "csv":
        fh = open(output, "w", newline="", encoding="utf-8") if output else sys.stdout
        if bom:  # Excel reads a CSV as UTF-8 only after a byte-order mark
            fh.write("\ufeff")
        try:
            w = csv.DictWriter(fh, fieldnames=DYAD_FIELDS)
            w.writeheader()
            for r in rows:
                w.writerow(r)
                n += 1
        finally:
            if output:
                fh.close()
        return n
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([("a", pa.string()), ("b", pa.string()), ("month", pa.string())]
                           + [(k, pa.float64()) for k in ("score", "formal", "behaviour", "tone", "confidence",
                                                          "positive", "negative")]
                           + [("clusters", pa.int64()), ("clusters_total", pa.int64()), ("volume", pa.float64())])
        with pq.ParquetWriter(str(output), schema) as w:
            batch: list[dict] = []
            for r in rows:
                batch.append(r)
                if len(batch) >= 50000:
                    w.write_table(pa.Table.from_pylist(batch, schema=schema))
                    n += len(batch)
                    batch = []
            w.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
        return n
    raise ValueError(f"unknown format {fmt}")


def graph(store: Store, as_of: str | None = None, ties: Ties | None = None, min_edge: float = 0.05):
    """networkx Graph of the signed alignment network with node names, kinds and blocs."""
    import networkx as nx

    ties = ties or bundled_ties()
    as_of = as_of or default_as_of(store)
    net = network(store, as_of, ties, min_edge)
    bl = blocs(store, as_of, ties, min_edge)
    bloc_of = {m["code"]: b["id"] for b in bl["blocs"] for m in b["members"]}
    g = nx.Graph(as_of=as_of, description="Marsad alignment network: edge weight = alignment index in [-1, 1]")
    for code in sorted({c for p in net["edges"] for c in p}):
        nm = name_of(code)
        g.add_node(code, label=nm["name_en"], name_ar=nm["name"], kind=nm["kind"], bloc=bloc_of.get(code, ""),
                   organisation=is_org_code(code, ties))
    for (a, b), s in sorted(net["edges"].items()):
        g.add_edge(a, b, weight=round(s.score, 5), sign=1 if s.score >= 0 else -1, formal=round(s.formal, 5),
                   behaviour=round(s.behaviour, 5), confidence=round(s.confidence, 5), clusters=s.clusters)
    return g


def export_graph(store: Store, fmt: str, output: Path, as_of: str | None = None, ties: Ties | None = None) -> tuple[int, int]:
    import networkx as nx

    g = graph(store, as_of, ties)
    if fmt == "graphml":
        nx.write_graphml(g, str(output))
    elif fmt == "gexf":
        nx.write_gexf(g, str(output))
    else:
        raise ValueError(f"unknown format {fmt}")
    return g.number_of_nodes(), g.number_of_edges()
