"""Analyst expectations (``data/ties/expectations.yaml``) checked against a store: orderings of pairs, levels,
drifts, what-if answers and the formal layer of a given year (ATOP-style "who has a defence pact with whom").

Each expectation carries its reason. ``run_checklist(store)`` returns one result per expectation (passed, what
was measured); ``marsad expectations`` prints them and how many pass. Kinds:

* ``rank``: in the allies of ``of``, ``above`` scores higher than ``below`` on ``as_of``;
* ``level``: the index of ``pair`` on ``as_of`` is above ``min`` and/or below ``max``;
* ``drift``: the index of ``pair`` moves ``up`` or ``down`` by at least ``at_least`` (default 0.02) from ``since``;
* ``whatif``: an attack on ``target`` (by ``by``) on ``as_of``: ``obliged`` must be obliged to assist,
  ``not_obliged`` neither obliged nor drawn in through a chain, ``not_aligned`` not listed as aligned,
  ``not_listed`` nowhere in the answer, ``not_via`` tie ids that must not be the reason of any assistance;
* ``formal``: on ``as_of`` the pair has (``defence: true``) or has not (``false``) a defence obligation in force
  (through ``tie`` only, when named).
"""

from __future__ import annotations

import json

from ..store.db import Store
from . import alignment as al
from .api import _score, whatif_attack
from .expectations import CHECKLISTS, Expectation, checklist_path, load_expectations
from .reader import pair_states
from .ties import Snapshot, Ties, bundled_ties, obligations


def pair_score(store: Store, a: str, b: str, date: str, ties: Ties) -> al.Score:
    return _score(Snapshot(ties, date), pair_states(store, a, b), a, b, date)[0]


def _check(store: Store, e: Expectation, ties: Ties, default_as_of: str) -> tuple[bool, str]:
    s = e.spec
    as_of = str(s.get("as_of") or default_as_of)
    if e.kind == "rank":
        hi, lo = pair_score(store, s["of"], s["above"], as_of, ties), pair_score(store, s["of"], s["below"], as_of, ties)
        return hi.score > lo.score, f"{s['of']}–{s['above']} {hi.score:+.3f} vs {s['of']}–{s['below']} {lo.score:+.3f}"
    if e.kind == "level":
        v = pair_score(store, *s["pair"], as_of, ties).score
        ok = ("min" not in s or v > s["min"]) and ("max" not in s or v < s["max"])
        return ok, f"{'–'.join(s['pair'])} {v:+.3f} (expected {s.get('min', '-1')} < x < {s.get('max', '1')})"
    if e.kind == "drift":
        then = pair_score(store, *s["pair"], str(s["since"]), ties).score
        now = pair_score(store, *s["pair"], as_of, ties).score
        need = float(s.get("at_least", 0.02))
        ok = now - then >= need if s["direction"] == "up" else then - now >= need
        return ok, f"{'–'.join(s['pair'])} {then:+.3f} on {s['since']} → {now:+.3f} on {as_of}"
    if e.kind == "formal":
        obs = [o for o in obligations(s["pair"][0], s["pair"][1], as_of, ties) if o["tie"] == s.get("tie", o["tie"])]
        has = any(o["type"] == "defence" and o["state"] != "signed" for o in obs)
        return has == bool(s["defence"]), f"defence in force: {has} ({', '.join(sorted({o['tie'] for o in obs if o['type'] == 'defence'})) or 'none'})"
    w = whatif_attack(store, s["target"], as_of, ties, depth=int(s.get("depth", 3)), by=s.get("by"))
    assist = {d["code"] for d in w["obliged_to_assist"]}
    chain = {d["code"] for d in w["chain"]}
    aligned = {d["code"] for d in w.get("aligned_not_obliged", [])}
    text = json.dumps(w, ensure_ascii=False)
    bad = [f"{c} not obliged" for c in s.get("obliged") or [] if c not in assist]
    bad += [f"{c} obliged or drawn in" for c in s.get("not_obliged") or [] if c in assist | chain]
    bad += [f"{c} listed as aligned" for c in s.get("not_aligned") or [] if c in aligned]
    bad += [f"{c} listed" for c in s.get("not_listed") or [] if f'"{c}"' in text]
    vias = {o["tie"] for d in w["obliged_to_assist"] for o in d["obligations"] if o["type"] in ("defence", "offence")}
    bad += [f"assistance via {t}" for t in s.get("not_via") or [] if t in vias]
    return not bad, "; ".join(bad) or f"obliged: {', '.join(sorted(assist)[:8])}{' …' if len(assist) > 8 else ''}"


def run_checklist(store: Store, expectations: list[Expectation] | None = None, ties: Ties | None = None,
                  as_of: str | None = None, checklist: str = "current") -> list[dict]:
    """Evaluate every expectation of the named checklist (or those given); ``as_of`` is the date of those that
    do not name one (default: the checklist's own)."""
    ties = ties or bundled_ties()
    as_of = as_of or CHECKLISTS[checklist][1]
    if expectations is None:
        expectations, problems = load_expectations(checklist_path(checklist))
        if problems:
            raise ValueError(f"{CHECKLISTS[checklist][0]}: " + "; ".join(problems))
    out = []
    for e in expectations:
        ok, got = _check(store, e, ties, as_of)
        out.append({"id": e.id, "kind": e.kind, "passed": ok, "measured": got, "reason": e.reason})
    return out
