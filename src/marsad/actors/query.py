"""Read queries of the CLI (the REST API has its own, with totals and more filters, in marsad.api.queries)."""

from __future__ import annotations

from collections import Counter

from ..store.db import Store


def actor_names() -> dict[str, str]:
    from .stage import bundled_dictionary

    d = bundled_dictionary()
    return {code: (e.ar or e.en) for code, e in d.entries.items() if e.code}


def top_actors(store: Store, code: str | None = None, since: str | None = None, until: str | None = None,
               limit: int = 30) -> list[dict]:
    where, params = [], []
    if code:
        if code.endswith("*"):
            where.append("code LIKE ?")
            params.append(code[:-1].upper() + "%")
        else:
            where.append("code = ?")
            params.append(code.upper())
    if since:
        where.append("published >= ?")
        params.append(since)
    if until:
        where.append("published <= ?")
        params.append(until)
    sql_where = ("WHERE " + " AND ".join(where)) if where else ""
    rows = store.rows(f"SELECT code, COUNT(*) AS mentions, COUNT(DISTINCT doc_id) AS documents FROM mentions {sql_where} "
                      f"GROUP BY code ORDER BY mentions DESC, code LIMIT ?", (*params, limit))
    names = actor_names()
    out = []
    for r in rows:
        detail = store.rows(f"SELECT agent, text FROM mentions {sql_where + (' AND ' if sql_where else 'WHERE ')} code = ?",
                            (*params, r["code"]))
        agents = Counter(d["agent"] or "-" for d in detail)
        forms = Counter(d["text"] for d in detail)
        out.append({"code": r["code"], "name": names.get(r["code"], r["code"]), "mentions": r["mentions"],
                    "documents": r["documents"], "agents": dict(agents.most_common()),
                    "forms": [f for f, _ in forms.most_common(8)]})
    return out

