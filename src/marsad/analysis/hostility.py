"""Hostile formal ties and the geography that conditions obligations.

``data/ties/hostile.yaml``: wars, broken or never established diplomatic relations, sanctions regimes and
lists such as Russia's "unfriendly states", each dated. They enter the formal layer as negative ties: per type
the strongest counts, the types combine as a noisy-or into H, and the formal part of a pair is F − H.
A war between two states also switches off every positive tie between them (a non-aggression pledge breached
by war is no longer a pledge); broken or never established relations switch off the clauses of organisations
the two share (a consultation clause of the CIS presupposes that the two talk to each other).

``data/ties/geography.yaml``: named treaty areas (``pacific``, ``north_atlantic`` …, lists of codes whose
territory lies inside) used by obligations' ``scope``, and the end dates of entities that ceased to exist
(SUN, DPR, LPR …): after that day they leave the graph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .datefield import iso_date as _date

# Weight of one hostile tie of each type (same scale as the positive obligation weights).
HOSTILE_WEIGHT = {"war": 0.9, "broken_relations": 0.5, "no_relations": 0.5, "sanctions": 0.4,
                  "unfriendly_list": 0.3}
HOSTILE_TYPES = tuple(HOSTILE_WEIGHT)


@dataclass(frozen=True)
class Hostility:
    id: str
    type: str
    en: str
    ar: str
    side_a: tuple[str, ...]  # imposing side for directed ties (sanctions, lists)
    side_b: tuple[str, ...]
    start: str
    end: str | None
    directed: bool
    certainty: str = "confirmed"
    source: str = ""
    note: str | None = None

    def valid(self, date: str) -> bool:
        return self.start <= date and (self.end is None or date < self.end)

    def links(self, a: str, b: str) -> bool:
        return (a in self.side_a and b in self.side_b) or (b in self.side_a and a in self.side_b)

    def codes(self) -> set[str]:
        return set(self.side_a) | set(self.side_b)


@dataclass
class Geography:
    areas: dict[str, frozenset[str]] = field(default_factory=dict)
    ended: dict[str, str] = field(default_factory=dict)  # code -> first day it no longer exists

    def inside(self, code: str, scope: tuple[str, ...] | list[str]) -> bool:
        """Whether an attack on ``code`` falls inside a scope (area names or codes); an empty scope is anywhere."""
        return not scope or any(code == s or code in self.areas.get(s, ()) for s in scope)

    def exists(self, code: str, date: str) -> bool:
        end = self.ended.get(code)
        return end is None or date < end



def _codes(v: Any, where: str, key: str, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(v, list) or not v or not all(isinstance(x, str) for x in v):
        problems.append(f"{where}: {key} must be a non-empty list of codes")
        return ()
    return tuple(v)


HOSTILE_KEYS = frozenset({"id", "type", "en", "ar", "sides", "by", "against", "from", "to", "certainty", "source",
                          "note", "date_precision"})


def parse_hostilities(data: Any, where: str, problems: list[str]) -> dict[str, Hostility]:
    out: dict[str, Hostility] = {}
    if not isinstance(data, list):
        problems.append(f"{where}: top level must be a list")
        return out
    for i, h in enumerate(data):
        if not isinstance(h, dict) or not h.get("id"):
            problems.append(f"{where}[{i}]: hostile tie needs an id")
            continue
        hid = str(h["id"])
        w = f"{where} {hid}"
        if hid in out:
            problems.append(f"{w}: defined twice")
            continue
        unknown = set(h) - HOSTILE_KEYS
        if unknown:
            problems.append(f"{w}: unknown keys {sorted(unknown)}")
        typ = h.get("type")
        if typ not in HOSTILE_WEIGHT:
            problems.append(f"{w}: type '{typ}' not one of {list(HOSTILE_TYPES)}")
            continue
        if "sides" in h:
            sides = h["sides"]
            if not isinstance(sides, list) or len(sides) != 2:
                problems.append(f"{w}: sides must be two lists of codes")
                continue
            a, b, directed = _codes(sides[0], w, "sides[0]", problems), _codes(sides[1], w, "sides[1]", problems), False
        else:
            a, b, directed = _codes(h.get("by"), w, "by", problems), _codes(h.get("against"), w, "against", problems), True
        if set(a) & set(b):
            problems.append(f"{w}: a code on both sides ({sorted(set(a) & set(b))})")
        start, end = _date(h.get("from"), w, problems), _date(h.get("to"), w, problems)
        if start is None:
            problems.append(f"{w}: no 'from' date")
            continue
        if end and end < start:
            problems.append(f"{w}: to {end} before from {start}")
        if start > "2024-12-31" and not h.get("source"):
            problems.append(f"{w}: a tie dated after 2024 needs a source note")
        cert = h.get("certainty") or "confirmed"
        if cert not in ("confirmed", "uncertain"):
            problems.append(f"{w}: certainty '{cert}' not confirmed or uncertain")
        if not h.get("en") or not h.get("ar"):
            problems.append(f"{w}: needs en and ar names")
        out[hid] = Hostility(hid, str(typ), str(h.get("en") or ""), str(h.get("ar") or ""), a, b, start, end,
                             directed, str(cert), str(h.get("source") or ""), h.get("note"))
    return out


def parse_geography(data: Any, where: str, problems: list[str]) -> Geography:
    geo = Geography()
    if not isinstance(data, dict):
        problems.append(f"{where}: top level must be a mapping with 'areas' and 'ended'")
        return geo
    for name, codes in (data.get("areas") or {}).items():
        geo.areas[str(name)] = frozenset(_codes(codes, f"{where} area {name}", "codes", problems))
    for code, day in (data.get("ended") or {}).items():
        d = _date(day, f"{where} ended {code}", problems)
        if d:
            geo.ended[str(code)] = d
    return geo


def hostile_tie(h: Hostility, date: str) -> dict:
    w = HOSTILE_WEIGHT[h.type] * (0.7 if h.certainty == "uncertain" else 1.0)
    return {"kind": "hostile", "id": h.id, "en": h.en, "ar": h.ar, "state": "in_force", "status": None,
            "status_since": None, "status_note": None, "since": h.start, "until": h.end, "signed": h.start,
            "certainty": h.certainty, "assumed": False, "via": None, "directed": h.directed,
            "by": list(h.side_a) if h.directed else None,
            "obligations": [{"type": h.type, "article": None, "text": h.note or h.en, "certainty": h.certainty,
                             "weight": round(w, 4), "instrument": None, "hostile": True}],
            "source": h.source}
