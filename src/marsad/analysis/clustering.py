"""Reports of the same happening -> one cluster, so that scores count happenings, not articles.

Two reports belong to one happening when they share
* the pair: ordered (actor -> recipient) for directed events; unordered for symmetric events and for
  CONSULT, whose visit/host readings name the same meeting from either side;
* the PLOVER type and the modality class (asserted | future | hypothetical | negated: a promise, a denial
  and the act itself are different things);
* the time: day-precision dates (and publication-date fallbacks) within WINDOW_DAYS of the cluster's
  first report; a month-precision report joins a cluster of that month, a year-precision one a cluster of
  that year, a range one a cluster starting inside the range; otherwise they form their own cluster.
The first report anchors the window, so a cluster never spans more than WINDOW_DAYS (no chaining).

A report dated only by its publication (precision ``document``: no time expression of its own) that follows a
cluster anchored by an explicitly dated report of the same group within BACKREF_DAYS is a reference back to that
happening ("Yerevan, which froze its participation ..."): it joins that cluster instead of adding a new one.
News of a new act carries its own time expression (today, on Tuesday); a bare mention is background.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import NamedTuple

WINDOW_DAYS = 3
BACKREF_DAYS = 365
UNDIRECTED_TYPES = frozenset({"CONSULT"})
FINE = ("day", "document", "inferred")


class Ev(NamedTuple):
    id: str
    actor: str | None
    recipient: str | None
    event: str
    symmetric: int
    negated: int
    modality: str | None
    date: str | None
    precision: str | None
    date_end: str | None
    dup: int
    intensity: float | None
    quad: str | None
    confidence: float | None
    source: str | None
    actor_agent: str | None = None


EV_COLUMNS = ("id, actor_code, recipient_code, event, symmetric, negated, modality, date, date_precision, "
              "date_end, dup, intensity, quad, confidence, source, actor_agent")


def pair_key(e: Ev) -> tuple[str, str, int]:
    """(a, b, directed): a, b sorted when the event has no direction."""
    a, b = e.actor or "", e.recipient or ""
    if e.symmetric or e.event in UNDIRECTED_TYPES:
        return (a, b, 0) if a <= b else (b, a, 0)
    return a, b, 1


def modality_class(e: Ev) -> str:
    if e.negated:
        return "negated"
    return "asserted" if (e.modality or "asserted") == "historical" else (e.modality or "asserted")


def group_key(e: Ev) -> tuple:
    a, b, d = pair_key(e)
    return a, b, d, e.event


class Cluster(NamedTuple):
    id: str
    a: str
    b: str
    directed: int
    event: str
    mclass: str
    date: str | None
    members: list[Ev]


def _cid(a: str, b: str, d: int, typ: str, mclass: str, anchor: str | None, first: str) -> str:
    raw = f"{a}|{b}|{d}|{typ}|{mclass}|{anchor}|{first}"
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


def _ordinal(date: str) -> int:
    return dt.date.fromisoformat(date[:10]).toordinal()


def cluster_group(events: Iterable[Ev], window: int = WINDOW_DAYS) -> list[Cluster]:
    """Cluster the reports of one (pair, type) group; every report lands in exactly one cluster."""
    by_class: dict[str, list[Ev]] = {}
    for e in events:
        by_class.setdefault(modality_class(e), []).append(e)
    out: list[Cluster] = []
    for mclass, evs in sorted(by_class.items()):
        a, b, d = pair_key(evs[0])
        typ = evs[0].event
        fine = sorted((e for e in evs if e.date and (e.precision or "day") in FINE), key=lambda e: (e.date, e.id))
        coarse = [e for e in evs if not (e.date and (e.precision or "day") in FINE)]
        groups: list[tuple[str | None, list[Ev]]] = []  # (anchor date, members)
        start = -10**9
        explicit = -10**9  # day of the last cluster anchored by an explicitly dated report
        for e in fine:
            o = _ordinal(e.date)
            if groups and o - start <= window:
                groups[-1][1].append(e)
            elif e.precision in ("document", "inferred") and 0 <= o - explicit <= BACKREF_DAYS:
                next(m for anc, m in reversed(groups) if anc and _ordinal(anc) == explicit).append(e)
            else:
                groups.append((e.date[:10], [e]))
                start = o
                if (e.precision or "day") == "day":
                    explicit = o
        coarse.sort(key=lambda e: ({"month": 0, "range": 1, "year": 2}.get(e.precision or "", 3), e.date or "", e.id))
        for e in coarse:
            target = None
            if e.date:
                p = e.precision
                for anchor, members in groups:
                    if anchor is None:
                        continue
                    if (p == "month" and anchor[:7] == e.date[:7]) or (p == "year" and anchor[:4] == e.date[:4]) or (
                            p == "range" and e.date[:10] <= anchor <= (e.date_end or e.date)[:10]):
                        target = members
                        break
            else:
                target = next((m for anc, m in groups if anc is None), None)
            if target is not None:
                target.append(e)
            else:
                groups.append((e.date[:10] if e.date else None, [e]))
        for anchor, members in groups:
            first = min(m.id for m in members)
            out.append(Cluster(_cid(a, b, d, typ, mclass, anchor, first), a, b, d, typ, mclass, anchor, members))
    return out


def cluster_events(events: Iterable[Ev], window: int = WINDOW_DAYS) -> list[Cluster]:
    groups: dict[tuple, list[Ev]] = {}
    for e in events:
        groups.setdefault(group_key(e), []).append(e)
    out: list[Cluster] = []
    for g in groups.values():
        out.extend(cluster_group(g, window))
    return out


def cluster_ids(clusters: Iterable[Cluster]) -> dict[str, str]:
    return {m.id: c.id for c in clusters for m in c.members}
