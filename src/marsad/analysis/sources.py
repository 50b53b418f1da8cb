"""Per outlet: how much it publishes, whom it covers, what kind of happenings it reports, and how it frames
conflicts, measured with ``data/lexicon/framing.yaml`` (groups of terms with a stance per conflict).

Framing counts, per document and group, the distinct terms of the group that occur (a word repeated in one
article counts once, as the lexicon's header asks); an outlet's profile is the sum over its original
articles (near-duplicates are left out). Per conflict (the id prefix, e.g. ``rus-ukr``) the stance shares
are the groups' counts divided by the conflict's total, and ``lean`` names the stance with the largest share.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from ..store.answers import cached
from ..store.db import Store
from ..store.doc_cache import per_document, version_of
from .framing import outlet_stances
from .framing_terms import frame_hits, load_framing

SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")


def sources(store: Store, framing: str | None = None, examples: int = 2, top_actors: int = 10) -> list[dict]:
    """One entry per outlet, largest first: documents, events, happenings, actors covered, event mix and tone,
    framing per conflict with example sentences. Kept in the store until it changes (store/answers.py)."""
    groups = load_framing(framing)
    params = {"framing": framing, "examples": examples, "top_actors": top_actors}
    return cached(store, "sources", params, answer_version(groups),
                  lambda: measure_sources(store, groups, framing, examples, top_actors))


def answer_version(groups: tuple[dict, ...]) -> str:
    """The code and framing data that make the answer (not the compiled expressions: their alternatives of
    equal length come in set order, which differs from process to process)."""
    here = Path(__file__)
    data = [[g["id"], g["label"], g["stance"], g["conflict"], g["terms"]] for g in groups]
    return version_of(*(here.with_name(f) for f in ("sources.py", "framing.py", "framing_cache.py",
                                                     "framing_terms.py")),
                      json.dumps(data, ensure_ascii=False))


def measure_sources(store: Store, groups: tuple[dict, ...], framing: str | None, examples: int,
                    top_actors: int) -> list[dict]:
    """``sources`` computed from the stored rows."""
    out: dict[str, dict] = {}
    for r in store.rows("""SELECT COALESCE(NULLIF(source, ''), '(unknown)') AS src, COUNT(*) AS documents,
                                  SUM(CASE WHEN dup_of IS NULL THEN 0 ELSE 1 END) AS duplicates,
                                  MIN(published) AS first, MAX(published) AS last
                           FROM documents GROUP BY COALESCE(NULLIF(source, ''), '(unknown)')"""):
        out[r["src"]] = {"source": r["src"], "documents": r["documents"], "duplicates": r["duplicates"] or 0,
                         "first": r["first"], "last": r["last"], "words": 0, "events": 0, "happenings": 0,
                         "event_mix": {}, "mean_intensity": None, "actors": [], "framing": {}, "conflicts": {}}
    for r in store.rows("""SELECT COALESCE(NULLIF(source, ''), '(unknown)') AS src, COUNT(*) AS n,
                                  COUNT(DISTINCT cluster_id) AS clusters, AVG(intensity) AS tone
                           FROM events WHERE negated = 0 GROUP BY COALESCE(NULLIF(source, ''), '(unknown)')"""):
        if r["src"] in out:
            out[r["src"]].update(events=r["n"], happenings=r["clusters"],
                                 mean_intensity=round(r["tone"], 3) if r["tone"] is not None else None)
    for r in store.rows("""SELECT COALESCE(NULLIF(source, ''), '(unknown)') AS src, quad, COUNT(*) AS n FROM events
                           WHERE negated = 0 GROUP BY COALESCE(NULLIF(source, ''), '(unknown)'), quad"""):
        if r["src"] in out:
            out[r["src"]]["event_mix"][r["quad"] or "?"] = r["n"]
    counts: dict[str, Counter] = defaultdict(Counter)
    for r in store.rows("""SELECT COALESCE(NULLIF(d.source, ''), '(unknown)') AS src, m.code, COUNT(*) AS n
                           FROM mentions m JOIN documents d ON d.id = m.doc_id
                           GROUP BY COALESCE(NULLIF(d.source, ''), '(unknown)'), m.code"""):
        counts[r["src"]][r["code"]] += r["n"]
    with_mentions = set(counts)
    for col in ("actor_code", "recipient_code"):  # stores without mention rows: the codes events name
        for r in store.rows(f"""SELECT COALESCE(NULLIF(source, ''), '(unknown)') AS src, {col} AS code, COUNT(*) AS n
                                FROM events WHERE {col} IS NOT NULL
                                GROUP BY COALESCE(NULLIF(source, ''), '(unknown)'), {col}"""):
            if r["src"] not in with_mentions:
                counts[r["src"]][r["code"]] += r["n"]
    for src, c in counts.items():
        if src in out:
            ranked = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:top_actors]
            out[src]["actors"] = [{"code": k, "mentions": v} for k, v in ranked]
    if groups:
        _framing(store, groups, out, examples)
    stances = outlet_stances(store, framing=framing)
    for src, row in out.items():
        row["stances"] = stances.get(src, [])  # measured from events: see analysis/framing.py
    return sorted(out.values(), key=lambda x: (-x["documents"], x["source"]))


def _framing(store: Store, groups: tuple[dict, ...], out: dict, examples: int) -> None:
    by_id = {g["id"]: g for g in groups}
    score: dict[str, Counter] = defaultdict(Counter)
    samples: dict[tuple[str, str], list[dict]] = defaultdict(list)
    def measure(text: str) -> dict:  # cached per document in the store (store.doc_cache)
        return {"words": len(text.split()), "hits": {g: sorted(t) for g, t in frame_hits(text, groups).items()}}

    version = version_of(Path(__file__), Path(__file__).with_name("framing_terms.py"), *(json.dumps([g["id"], g["stance"], g["terms"]]) for g in groups))
    for doc_id, src, m in per_document(store, "framing", version, measure):
        if src not in out:
            continue
        out[src]["words"] += m["words"]
        for gid, terms in m["hits"].items():
            score[src][gid] += len(terms)
            if len(samples[(src, gid)]) < examples:
                text = store.scalar("SELECT text FROM documents WHERE id = ?", (doc_id,)) or ""
                for sent in SENTENCE_END.split(text):
                    if frame_hits(sent, (by_id[gid],)):
                        samples[(src, gid)].append({"doc_id": doc_id, "sentence": sent.strip(), "terms": terms})
                        break
    for src, sc in score.items():
        words = max(1, out[src]["words"])
        out[src]["framing"] = {gid: {"label": by_id[gid]["label"], "stance": by_id[gid]["stance"], "terms": n,
                                     "per_1000_words": round(1000 * n / words, 3), "examples": samples[(src, gid)]}
                               for gid, n in sc.most_common()}
        conflicts: dict[str, Counter] = defaultdict(Counter)
        for gid, n in sc.items():
            conflicts[by_id[gid]["conflict"]][by_id[gid]["stance"]] += n
        out[src]["conflicts"] = {
            c: {"total": sum(st.values()), "shares": {k: round(v / sum(st.values()), 3) for k, v in st.most_common()},
                "lean": st.most_common(1)[0][0]}
            for c, st in sorted(conflicts.items())}
