"""Python API of the alliance graph: allies, dyad, drift, blocs, what-if. Read-only over the store; the
aggregates must be fresh (``marsad.analysis.refresh``). Scores are explained in docs/analysis.md."""

from __future__ import annotations

from ..store.db import Store
from . import alignment as al
from .communities import signed_louvain, signed_modularity
from .reader import (
    attach_evidence,
    default_as_of,
    is_org_code,
    latest,
    month_evidence,
    name_of,
    pair_clusters,
    pair_states,
    partner_rows,
    partner_states,
    states_at,
    top_evidence,
)
from .ties import (
    ORG_SIZE_REFERENCE,
    Snapshot,
    Ties,
    bundled_ties,
    formal_matrix,
    formal_strength,
    obligations,
    ties_of,
)

MIN_TIE_WEIGHT = 0.05  # ties weaker than this (near-universal bodies) are not listed as reasons
MIN_EDGE = 0.05  # weaker alignments are left out of the network
FORMAL_ONLY_MIN = 0.2  # a partner with no happening is listed only for an obligation at least this strong


def _tie_summary(t: dict) -> dict:
    return {"id": t["id"], "kind": t["kind"], "en": t["en"], "ar": t["ar"], "state": t["state"],
            "status": t["status"], "status_since": t["status_since"], "since": t["since"], "certainty": t["certainty"],
            "assumed": t["assumed"], "via": t["via"],
            "obligations": [{"type": o["type"], "article": o["article"], "weight": o["weight"]}
                            for o in t["obligations"] if o["type"] != "membership"]}


def _shown(ties_list: list[dict]) -> list[dict]:
    return [_tie_summary(t) for t in ties_list
            if t["state"] == "off" or max([o["weight"] for o in t["obligations"]] or [0]) >= MIN_TIE_WEIGHT]


def _formal_partners(code: str, dates: list[str], ties: Ties) -> set[str]:
    out: set[str] = set()
    for tid in ties.by_code.get(code, []):
        t = ties.treaties[tid]
        if any(t.valid(d) for d in dates):
            out |= set(t.parties) | {new for old, new in t.continued_by if old in t.parties}
    for org in ties.orgs_of.get(code, []):
        o = ties.organisations[org]
        for d in dates:
            ms = {m.code for m in o.members_on(d)}
            if code in ms and ORG_SIZE_REFERENCE / max(1, len(ms)) >= 0.2 and not o.universal:
                out |= ms
    for hid in ties.hostile_of.get(code, []):
        h = ties.hostilities[hid]
        if any(h.valid(d) for d in dates):
            out |= set(h.side_b) if code in h.side_a else set(h.side_a)
    old = {o for t in ties.treaties.values() for o, n in t.continued_by if n == code}
    return {c for c in out - {code} - old if all(ties.geo.exists(c, d) for d in dates)}


def _score(snap: Snapshot, states: list, a: str, b: str, date: str) -> tuple[al.Score, list[dict]]:
    tl = snap.pair(a, b)
    f, cert = formal_strength(tl)
    return al.score_at(date, latest(states, al.month_of(date)), f, cert), tl


def allies(store: Store, code: str, as_of: str | None = None, limit: int | None = None,
           ties: Ties | None = None, include_orgs: bool = False, evidence: int = 3) -> list[dict]:
    """Partners of ``code`` best first: score, trends over 6, 12 and 24 months, formal ties and the happenings
    that move the score most (with their sentences and documents)."""
    ties = ties or bundled_ties()
    code = code.upper()
    as_of = as_of or default_as_of(store)
    d6, d12, d24 = al.shift_months(as_of, -6), al.shift_months(as_of, -12), al.shift_months(as_of, -24)
    snaps = {d: Snapshot(ties, d) for d in (as_of, d6, d12, d24)}
    states, tops = partner_rows(store, code)
    partners = set(states) | _formal_partners(code, [as_of], ties)
    out = []
    for p in sorted(partners):
        if p == code or (not include_orgs and is_org_code(p, ties)):
            continue
        st = states.get(p, [])
        s0, tl = _score(snaps[as_of], st, code, p, as_of)
        strongest = max([o["weight"] for t in tl if t["state"] != "off" for o in t["obligations"]] or [0.0])
        if (s0.clusters == 0 and strongest < FORMAL_ONLY_MIN) or not ties.geo.exists(p, as_of):
            continue
        s6, _ = _score(snaps[d6], st, code, p, d6)
        s12, _ = _score(snaps[d12], st, code, p, d12)
        s24, _ = _score(snaps[d24], st, code, p, d24)
        t6, t12, t24 = s0.score - s6.score, s0.score - s12.score, s0.score - s24.score
        # the label follows the largest move of the last two years: a drift that ended a year ago
        # (Armenia's CSTO freeze in 2024) still reads as falling at the end of 2025
        out.append({"code": p, **name_of(p), **{k: v for k, v in s0.to_dict().items()},
                    "trend_6m": round(t6, 4), "trend_12m": round(t12, 4), "trend_24m": round(t24, 4),
                    "trend": al.trend_label(max((t6, t12, t24), key=abs)),
                    "formal_ties": _shown(tl), "evidence": []})
    out.sort(key=lambda r: (-r["score"], r["code"]))
    if limit:
        out = out[:limit]
    if evidence and out:
        chosen = month_evidence(store, code, tops, [r["code"] for r in out], as_of, evidence)
        filled = attach_evidence(store, [c for v in chosen.values() for c in v])
        for r in out:
            n = len(chosen.get(r["code"], []))
            r["evidence"], filled = filled[:n], filled[n:]
    return out


def dyad(store: Store, a: str, b: str, as_of: str | None = None, since: str | None = None,
         ties: Ties | None = None, events_limit: int = 200) -> dict:
    """Monthly timeline of one pair's index, the formal ties on the last day and the happenings behind it."""
    ties = ties or bundled_ties()
    a, b = a.upper(), b.upper()
    as_of = as_of or default_as_of(store)
    states = pair_states(store, a, b)
    first = states[0][0] if states else al.month_of(al.shift_months(as_of, -36))
    start = al.month_of(since) if since else min(first, al.month_of(al.shift_months(as_of, -12)))
    timeline = []
    for i in range(al.month_index(start), al.month_index(al.month_of(as_of)) + 1):
        m = al.month_name(i)
        date = min(al.month_end(m), as_of)
        s, tl = _score(Snapshot(ties, date), states, a, b, date)
        timeline.append({"month": m, "date": date, **s.to_dict(),
                         "ties": [t["id"] for t in tl if t["state"] != "off" and t["obligations"]]})
    now, tl = _score(Snapshot(ties, as_of), states, a, b, as_of)
    d6, d12 = al.shift_months(as_of, -6), al.shift_months(as_of, -12)
    s6, _ = _score(Snapshot(ties, d6), states, a, b, d6)
    s12, _ = _score(Snapshot(ties, d12), states, a, b, d12)
    entries = pair_clusters(store, a, b, since, as_of, ties)
    items = top_evidence(entries, as_of, len(entries), (a, b))
    top = attach_evidence(store, items[:5])
    items.sort(key=lambda x: x["date"], reverse=True)
    events = attach_evidence(store, items[:events_limit])
    b_orgs = {t["id"] for t in ties_of(b, ties) if t["kind"] == "organisation"}
    history = [t for t in ties_of(a, ties) if b in t["partners"] or (t["kind"] == "organisation" and t["id"] in b_orgs)]
    return {"a": a, "b": b, "a_name": name_of(a)["name"], "b_name": name_of(b)["name"], "as_of": as_of,
            **now.to_dict(), "trend_6m": round(now.score - s6.score, 4), "trend_12m": round(now.score - s12.score, 4),
            "trend": al.trend_label(now.score - s12.score if abs(now.score - s12.score) >= abs(now.score - s6.score)
                                    else now.score - s6.score),
            "formal_ties": _shown(tl), "ties_history": history, "top_events": top, "timeline": timeline,
            "events": events}


def network(store: Store, as_of: str | None = None, ties: Ties | None = None,
            min_edge: float = MIN_EDGE, include_orgs: bool = False) -> dict:
    """Signed alignment network on a date: {"nodes": [codes], "edges": {(a, b): Score}} among actors with
    happenings in the store (formal-only actors are left out)."""
    ties = ties or bundled_ties()
    as_of = as_of or default_as_of(store)
    states = states_at(store, al.month_of(as_of))
    codes = {c for pair in states for c in pair}
    if not include_orgs:
        codes = {c for c in codes if not is_org_code(c, ties)}
    formal = formal_matrix(as_of, codes, ties)
    snap = Snapshot(ties, as_of)
    edges: dict[tuple[str, str], al.Score] = {}
    for pair in set(states) | set(formal):
        x, y = pair
        if x not in codes or y not in codes:
            continue
        f = formal.get(pair, 0.0)
        cert = formal_strength(snap.pair(x, y))[1] if f else 0.0
        s = al.score_at(as_of, states.get(pair), f, cert)
        if abs(s.score) >= min_edge:
            edges[pair] = s
    return {"as_of": as_of, "nodes": sorted(codes), "edges": edges}


def blocs(store: Store, as_of: str | None = None, ties: Ties | None = None, min_edge: float = MIN_EDGE) -> dict:
    """Communities of the signed alignment network, with each bloc's and each member's cohesion (mean
    index with the other members over the pairs that have one) and the relations between blocs."""
    net = network(store, as_of, ties, min_edge)
    weights = {p: s.score for p, s in net["edges"].items()}
    nodes = sorted({c for p in weights for c in p})
    parts = signed_louvain(nodes, weights)
    groups: dict[str, list[str]] = {}
    for n in nodes:
        groups.setdefault(parts[n], []).append(n)
    out = []
    label_of = {}
    for members in sorted(groups.values(), key=lambda m: (-len(m), m[0])):
        inside = {p: w for p, w in weights.items() if p[0] in members and p[1] in members}
        per = {m: [w for p, w in inside.items() if m in p] for m in members}
        possible = len(members) * (len(members) - 1) / 2
        label = f"B{len(out) + 1}"
        for m in members:
            label_of[m] = label
        out.append({
            "id": label, "size": len(members),
            "cohesion": round(sum(inside.values()) / len(inside), 4) if inside else 0.0,
            "density": round(len(inside) / possible, 4) if possible else 0.0,
            "hostile_pairs": sum(1 for w in inside.values() if w < 0),
            "members": sorted(({"code": m, **name_of(m),
                                "cohesion": round(sum(per[m]) / len(per[m]), 4) if per[m] else 0.0,
                                "ties": len(per[m])} for m in members), key=lambda x: (-x["cohesion"], x["code"])),
        })
    between: dict[tuple[str, str], list[float]] = {}
    for (x, y), w in weights.items():
        bx, by = label_of[x], label_of[y]
        if bx != by:
            between.setdefault(tuple(sorted((bx, by))), []).append(w)
    return {"as_of": net["as_of"], "nodes": len(nodes), "edges": len(weights),
            "modularity": round(signed_modularity(weights, parts), 4), "blocs": out,
            "between": [{"a": k[0], "b": k[1], "mean": round(sum(v) / len(v), 4), "pairs": len(v)}
                        for k, v in sorted(between.items())]}


def drift(store: Store, since: str | None = None, as_of: str | None = None, limit: int = 20,
          ties: Ties | None = None, evidence: int = 3) -> list[dict]:
    """Pairs whose index moved most between ``since`` (default: a year before) and ``as_of``, with the
    formal and behavioural parts of the move and the happenings of the period that weigh most."""
    ties = ties or bundled_ties()
    as_of = as_of or default_as_of(store)
    since = since or al.shift_months(as_of, -12)
    s0, s1 = states_at(store, al.month_of(since)), states_at(store, al.month_of(as_of))
    codes = {c for p in s1 for c in p if not is_org_code(c, ties)}
    f0, f1 = formal_matrix(since, codes, ties), formal_matrix(as_of, codes, ties)
    rows = []
    for pair in set(s0) | set(s1) | {p for p in set(f0) | set(f1) if abs(f0.get(p, 0) - f1.get(p, 0)) > 1e-9}:
        if pair[0] not in codes or pair[1] not in codes:
            continue
        then = al.score_at(since, s0.get(pair), f0.get(pair, 0.0), 0.0)
        now = al.score_at(as_of, s1.get(pair), f1.get(pair, 0.0), 0.0)
        delta = now.score - then.score
        if abs(delta) < 1e-6:
            continue
        rows.append({"a": pair[0], "b": pair[1], "a_name": name_of(pair[0])["name"], "b_name": name_of(pair[1])["name"],
                     "then": round(then.score, 4), "now": round(now.score, 4), "change": round(delta, 4),
                     "formal_change": round(al.ALPHA_FORMAL * (now.formal - then.formal), 4),
                     "behaviour_change": round((1 - al.ALPHA_FORMAL) * (now.behaviour - then.behaviour), 4),
                     "clusters_in_period": now.clusters - then.clusters, "evidence": []})
    rows.sort(key=lambda r: (-abs(r["change"]), r["a"], r["b"]))
    rows = rows[:limit]
    for r in rows:
        if evidence:
            entries = pair_clusters(store, r["a"], r["b"], since, as_of, ties)
            r["evidence"] = attach_evidence(store, top_evidence(entries, as_of, evidence, (r["a"], r["b"])))
    return rows


# -- what if ------------------------------------------------------------------------------------------

# General norms of near-universal bodies (UN Charter Art. 2(4), OSCE principles) bind everyone alike: they are not
# listed as anyone's duty towards the victim. Defence clauses count whatever the size of the alliance.
GENERAL_NORM_MEMBERS = ORG_SIZE_REFERENCE
HELP = {"defence": "assist", "offence": "assist", "consultation": "consult", "neutrality": "stay_neutral",
        "nonaggression": "not_attack", "partnership": "partnership"}


def whatif_attack(store: Store | None, code: str, as_of: str | None = None, ties: Ties | None = None,
                  depth: int = 3, by: str | None = None) -> dict:
    """Who must help ``code`` if it is attacked (by ``by``, when named) on the date.

    Obligations are applied as ATOP codes them: only the parties that owe a clause (one-sided pledges), only
    inside its geographic scope, only against a named attacker when the clause names one; an attack by a
    party of the same instrument, or a clause whose condition cannot be checked (scope or attacker unknown),
    is listed under ``conditional`` with the reason; instruments signed but not in force under
    ``signed_not_in_force``. direct: assistance (defence clauses), consultation, neutrality or non-aggression
    towards the aggressor. chain: states drawn in through defence clauses when the aggressor also strikes a
    helper (depth levels, with the path). With a store, the partners' behavioural alignment is set beside the
    obligation; an ally of the attacker is never "aligned" with the victim."""
    ties = ties or bundled_ties()
    code, by = code.upper(), (by or "").upper() or None
    as_of = as_of or default_as_of(store)
    direct: dict[str, dict] = {}
    conditional: list[dict] = []
    signed: list[dict] = []
    for p in sorted(_partners_with_obligations(code, as_of, ties)):
        if p == by:
            continue
        obs, cond = _applicable(code, p, as_of, ties, by)
        if cond:
            conditional.append({"code": p, **name_of(p), "obligations": cond})
        sig = [o for o in obs if o["state"] == "signed"]
        obs = [o for o in obs if o["state"] != "signed"
               and (HELP[o["type"]] == "assist" or (o.get("members") or 0) <= GENERAL_NORM_MEMBERS)]
        if sig:
            signed.append({"code": p, **name_of(p), "obligations": [_ob_summary(o) for o in sig]})
        if not obs:
            continue
        kinds = sorted({HELP[o["type"]] for o in obs}, key=lambda k: list(HELP.values()).index(k))
        direct[p] = {"code": p, **name_of(p), "duty": kinds[0], "duties": kinds,
                     "obligations": [_ob_summary(o) for o in obs]}
    helpers = {p for p, d in direct.items() if d["duty"] == "assist"}
    chain: list[dict] = []
    reached = {code} | helpers | ({by} if by else set())
    frontier = [(p, [code, p]) for p in sorted(helpers)]
    for level in range(2, depth + 1):
        nxt = []
        for h, path in frontier:
            for p in sorted(_partners_with_obligations(h, as_of, ties)):
                if p in reached:
                    continue
                obs = [o for o in _applicable(h, p, as_of, ties, by)[0]
                       if HELP[o["type"]] == "assist" and o["state"] != "signed"]
                if not obs:
                    continue
                reached.add(p)
                chain.append({"code": p, **name_of(p), "level": level, "path": path + [p], "helps": h,
                              "obligations": [{"type": o["type"], "article": o["article"], "tie": o["tie"],
                                               "tie_en": o["tie_en"]} for o in obs]})
                nxt.append((p, path + [p]))
        frontier = nxt
    out = {"target": code, **name_of(code), "as_of": as_of, "attacker": by,
           "obliged_to_assist": [d for d in direct.values() if d["duty"] == "assist"],
           "obliged_to_consult": [d for d in direct.values() if d["duty"] == "consult"],
           "bound_to_neutrality": [d for d in direct.values() if d["duty"] in ("stay_neutral", "not_attack")],
           "partnership_only": [d for d in direct.values() if d["duty"] == "partnership"],
           "conditional": conditional, "signed_not_in_force": signed, "chain": chain}
    if by:
        # the attacker's own defence partners: they are on the other side, whatever they owe the victim
        out["allies_of_attacker"] = sorted(p for p in _partners_with_obligations(by, as_of, ties)
                                           if any(HELP[o["type"]] == "assist" and o["state"] != "signed"
                                                  for o in _applicable(by, p, as_of, ties, None)[0]))
    if store is not None:
        ranking = {r["code"]: r for r in allies(store, code, as_of, ties=ties, evidence=0)}
        foe = {r["code"]: r for r in allies(store, by, as_of, ties=ties, evidence=0)} if by else {}
        for d in list(direct.values()) + chain:
            r = ranking.get(d["code"])
            d["score"] = r["score"] if r else None
            d["behaviour"] = r["behaviour"] if r else None
        with_attacker = set(out.get("allies_of_attacker", [])) | {by}
        out["aligned_not_obliged"] = [
            {"code": c, **name_of(c), "score": r["score"], "behaviour": r["behaviour"]}
            for c, r in ranking.items() if c not in helpers and c not in with_attacker and r["behaviour"] >= 0.2
            and (c not in foe or foe[c]["score"] < r["score"])][:15]
        out["obliged_but_estranged"] = [
            {"code": c, **name_of(c), "score": ranking[c]["score"], "behaviour": ranking[c]["behaviour"]}
            for c in sorted(helpers) if c in ranking and ranking[c]["behaviour"] < 0]
    return out


def _ob_summary(o: dict) -> dict:
    return {"type": o["type"], "article": o["article"], "tie": o["tie"], "tie_en": o["tie_en"], "text": o["text"],
            "certainty": o["certainty"], "via": o["via"], "state": o["state"], "owed_by": o.get("owed_by") or [],
            "requires_war": o.get("requires_war", False), "credibility": o.get("credibility"),
            **({"condition": o["condition"]} if o.get("condition") else {})}


def _applicable(victim: str, p: str, date: str, ties: Ties, by: str | None) -> tuple[list[dict], list[dict]]:
    """p's obligations towards ``victim`` attacked by ``by``: (those that apply, those whose condition is not
    met or cannot be checked, each with a ``condition``). Clauses owed by the victim alone are dropped."""
    ok, cond = [], []
    for o in obligations(victim, p, date, ties):
        if o.get("owed_by") and p not in o["owed_by"]:
            continue
        reason = None
        if o.get("scope") and not ties.geo.inside(victim, o["scope"]):
            reason = f"only for an attack in {', '.join(o['scope'])}"
        elif o.get("attacker") and (by is None or by not in o["attacker"]):
            reason = f"only against {', '.join(o['attacker'])}"
        elif by and HELP[o["type"]] == "assist" and by in (o.get("parties") or _org_members(o, date, ties)):
            reason = f"the attacker {by} is itself a party to {o['tie']}"
        if reason:
            cond.append(_ob_summary({**o, "condition": reason}))
        else:
            ok.append(o)
    return ok, cond


def _org_members(o: dict, date: str, ties: Ties) -> set[str]:
    org = ties.organisations.get(o["tie"]) if o.get("kind") in ("organisation", "membership") else None
    return {m.code for m in org.members_on(date)} if org else set()


def _partners_with_obligations(code: str, date: str, ties: Ties) -> set[str]:
    out: set[str] = set()
    for tid in ties.by_code.get(code, []):
        t = ties.treaties[tid]
        if t.valid(date) and t.obligations:
            out |= set(t.parties) | {new for old, new in t.continued_by if old in t.parties}
    for org in ties.orgs_of.get(code, []):
        o = ties.organisations[org]
        if o.obligations:
            ms = {m.code for m in o.members_on(date)}
            if code in ms:
                out |= ms
    old = {o for t in ties.treaties.values() for o, n in t.continued_by if n == code}
    return {c for c in out - {code} - old if not ties.is_org(c) and ties.geo.exists(c, date)}


def series(store: Store, code: str, partners: list[str], as_of: str | None = None, months: int = 36,
           ties: Ties | None = None) -> dict[str, list[tuple[str, float]]]:
    """Monthly index of ``code`` with each partner over the last ``months`` months (month-end dates)."""
    ties = ties or bundled_ties()
    code = code.upper()
    as_of = as_of or default_as_of(store)
    states = partner_states(store, code)
    out: dict[str, list[tuple[str, float]]] = {p: [] for p in partners}
    last = al.month_index(al.month_of(as_of))
    for i in range(last - months + 1, last + 1):
        m = al.month_name(i)
        date = min(al.month_end(m), as_of)
        snap = Snapshot(ties, date)
        for p in partners:
            s, _ = _score(snap, states.get(p, []), code, p, date)
            out[p].append((m, round(s.score, 4)))
    return out
