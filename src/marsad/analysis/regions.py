"""Which stored reports new reports can change, so that the incremental refresh re-reads only those.

The clustering (clustering.py) scans each (pair, type, modality class) in (date, id) order; its state is the
start of the last cluster (the window) and the last cluster anchored by an explicitly day-dated report (the
target of back-references, BACKREF_DAYS). The scan restarts, whatever lies before, at a stored report that
started its cluster with an explicit day date, at one that started its cluster with no day-dated report of
its class in the BACKREF_DAYS before, and on any day with no fine report of the class in the BACKREF_DAYS
before. Month-, year- and range-dated reports join the first cluster anchored inside their span, so a region
may start where such a span crosses only if that report stays out (its cluster is anchored before, or has no
fine report while the span ends before the new reports) or is anchored inside (clustering the region finds
it). A region runs from the last such start before the new reports to a stored anchor after them that still
anchors when clustered with the region, or to a day no span crosses after which the next fine report starts
afresh; every stored cluster it replaces must have all its reports inside (stored ``reports`` count), else the
end moves on. Undated reports only ever join each other.

Reports are read by date windows that widen until both ends are found; the history before a window is asked of
the store (``Group.exists``, ``Group.fine_first``) rather than read. Anything unexpected (a date that does not
parse, no end) returns None: recluster the whole group.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from .clustering import (
    BACKREF_DAYS,
    EV_COLUMNS,
    FINE,
    Ev,
    cluster_group,
    modality_class,
    pair_key,
)

FINE_SQL = "COALESCE(date_precision, 'day') IN ('day', 'document', 'inferred') AND date IS NOT NULL"
CLASS_SQL = ("CASE WHEN COALESCE(negated, 0) <> 0 THEN 'negated' WHEN modality IS NULL OR modality IN "
             "('', 'asserted', 'historical') THEN 'asserted' ELSE modality END")  # clustering.modality_class
Key = tuple[str, str, int, str]  # (a, b, directed, type): clustering.group_key
HALF = 2  # a group read to more than half is read whole: fewer queries
FIRST_SPAN = 14  # days read on each side of the new reports at first; doubled while an end is missing


def is_fine(e: Ev) -> bool:
    return bool(e.date) and (e.precision or "day") in FINE


def _ord(date: str) -> int:
    return dt.date.fromisoformat(date[:10]).toordinal()


def span(e: Ev) -> tuple[int, int]:
    """First and last day of the anchors a dated report can join (or the one it may create)."""
    d = e.date or ""
    if is_fine(e):
        o = _ord(d)
        return o, o
    if e.precision == "month":
        y, m = int(d[:4]), int(d[5:7])
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1).toordinal()
        return dt.date(y, m, 1).toordinal(), nxt - 1
    if e.precision == "year":
        y = int(d[:4])
        return dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()
    if e.precision == "range":
        a, b = _ord(d), _ord(e.date_end or d)
        return min(a, b), max(a, b)
    o = _ord(d)  # another coarse precision joins nothing; it may only create a cluster at its date
    return o, o


def _iso(o: int) -> str:
    return dt.date.fromordinal(o).isoformat()


class Group:
    """The stored reports of one (pair, type) group, read window by window."""

    def __init__(self, store, key: Key):
        self.store, self.key = store, key
        a, b, d, _ = key
        self.orients = [(a, b)] if d or a == b else [(a, b), (b, a)]
        self.rows: dict[str, tuple[Ev, str | None]] = {}  # id -> (report, stored cluster id)
        self.lo = self.hi = None  # days read so far (inclusive)
        self.counts: dict[str, int | None] = {}  # Group.reports, cached
        self.starts: dict[str, int | None] = {}  # Group.fine_start, cached
        self.new_from = 0  # first day of the new reports of the region being drawn
        self.version = 0  # grows with every read that adds reports (classes are rebuilt then)
        self.classes: dict[str, tuple[int, _Class]] = {}
        lo, hi = None, None
        self.size = 0
        for where, params in self._wheres():
            r = store.execute(f"SELECT MIN(date), MAX(date), COUNT(*) FROM events WHERE {where}", params).fetchone()
            self.size += r[2]
            if r[0]:
                lo = r[0] if lo is None else min(lo, r[0])
                hi = r[1] if hi is None else max(hi, r[1])
        self.first = _ord(lo) if lo else 0
        self.last = _ord(hi) if hi else 0
        self._select("date_precision = 'range' AND date IS NOT NULL", ())  # few, and a span may be long

    def _wheres(self):
        for x, y in self.orients:
            wa = "actor_code IS NULL" if not x else "actor_code = ?"
            wb = "recipient_code IS NULL" if not y else "recipient_code = ?"
            yield f"{wa} AND {wb} AND event = ?", [v for v in (x, y) if v] + [self.key[3]]

    def _select(self, cond: str, params: Sequence) -> None:
        for where, wp in self._wheres():
            for r in self.store.execute(f"SELECT {EV_COLUMNS}, cluster_id FROM events WHERE {where} AND {cond}",
                                        (*wp, *params)).fetchall():
                e = Ev(*r[:16])
                if pair_key(e) + (e.event,) == self.key and e.id not in self.rows:
                    self.rows[e.id] = (e, r[16])
                    self.version += 1

    def _read(self, lo: int, hi: int) -> None:
        """Every report dated in [lo, hi], and every month or year report whose span may reach into it (range
        reports are all read at the start)."""
        a, b = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
        self._select("date >= ? AND date < ?", (_iso(lo), _iso(hi + 1)))
        self._select("date_precision = 'year' AND date >= ? AND date < ?", (f"{a.year:04d}", f"{b.year + 1:04d}"))
        self._select("date_precision = 'month' AND date >= ? AND date < ?",
                     (f"{a.year:04d}-{a.month:02d}", _iso(span(Ev("", None, None, "", 0, 0, None, b.isoformat(),
                                                                   "month", None, 0, None, None, None, None))[1] + 1)))

    def cover(self, lo: int, hi: int) -> None:
        lo, hi = max(lo, self.first), min(hi, self.last)
        if self.lo is None:
            self._read(lo, hi)
            self.lo, self.hi = lo, hi
            return
        if lo < self.lo:
            self._read(lo, self.lo - 1)
            self.lo = lo
        if hi > self.hi:
            self._read(self.hi + 1, hi)
            self.hi = hi

    def of_class(self, mclass: str) -> _Class:
        v, cl = self.classes.get(mclass, (-1, None))
        if v != self.version or cl.new_from != self.new_from:
            cl = _Class(self, mclass)
            self.classes[mclass] = (self.version, cl)
        return cl

    def undated(self) -> None:
        self._select("date IS NULL", ())

    def reports(self, cids: set[str]) -> dict[str, int | None]:
        """Stored clusters' numbers of reports (None when missing)."""
        ask = sorted(c for c in cids if c not in self.counts)
        for i in range(0, len(ask), 500):
            chunk = ask[i:i + 500]
            self.counts.update((c, None) for c in chunk)
            self.counts.update(self.store.execute(
                f"SELECT id, reports FROM clusters WHERE id IN ({','.join('?' * len(chunk))})", chunk).fetchall())
        return {c: self.counts[c] for c in cids}

    def fine_first(self, cid: str) -> tuple[str, str] | None:
        """(date, id) of the first fine report of a stored cluster (None: it has none)."""
        if cid not in self.starts:
            r = self.store.execute(f"SELECT date, id FROM events WHERE cluster_id = ? AND {FINE_SQL} "
                                   "ORDER BY date, id LIMIT 1", (cid,)).fetchone()
            self.starts[cid] = (r[0], r[1]) if r else None
        return self.starts[cid]

    def fine_start(self, cid: str) -> int | None:
        first = self.fine_first(cid)
        return _ord(first[0]) if first else None

    def exists(self, mclass: str, lo: int, hi: int, explicit: bool) -> bool:
        """Is a fine report of the class (with ``explicit``: one dated to the day) dated in days [lo, hi)?"""
        if lo >= hi:
            return False
        prec = "COALESCE(date_precision, 'day') = 'day'" if explicit else FINE_SQL
        undirected = "(COALESCE(symmetric, 0) <> 0 OR event = 'CONSULT')"
        sym = undirected if not self.key[2] else f"NOT {undirected}"
        for where, params in self._wheres():
            if self.store.execute(f"SELECT 1 FROM events WHERE {where} AND {sym} AND {CLASS_SQL} = ? AND {prec} "
                                  "AND date >= ? AND date < ? LIMIT 1", (*params, mclass, _iso(lo), _iso(hi))).fetchone():
                return True
        return False


class _Class:
    """One modality class of a group: its fine reports in order and its coarse reports with their spans."""

    def __init__(self, group: Group, mclass: str):
        self.group, self.mclass = group, mclass
        evs = [(e, c) for e, c in group.rows.values() if e.date and modality_class(e) == mclass]
        self.fine = sorted(((e, c) for e, c in evs if is_fine(e)), key=lambda ec: (ec[0].date, ec[0].id))
        self.days = [_ord(e.date) for e, _ in self.fine]
        self.coarse = [(*span(e), e) for e, c in evs if not is_fine(e)]
        self.cluster_of = {e.id: c for e, c in evs}
        self.new_from = group.new_from

    def outside(self, e: Ev, o: int) -> bool | None:
        """For a stored month/year/range report whose span starts before day ``o``, where a region would start:
        True when it stays out of the region: it joined a cluster anchored by a fine report before ``o`` (the
        first of its span, and those before ``o`` stay), or a cluster of month/year/range reports only (no fine
        report in its span) while its span ends before the first new report (none can appear there). False: it
        goes into the region (its cluster is anchored inside, and clustering the region finds that anchor again).
        None: a region cannot start at ``o``."""
        c = self.cluster_of.get(e.id)
        if not c:
            return None
        first = self.group.fine_start(c)
        if first is None:
            return True if span(e)[1] < self.new_from else None
        return first < o

    def clean(self, o: int) -> bool:
        """Can a region start at day ``o``, with every month/year/range span across it either in or out?"""
        return all(self.outside(e, o) is not None for s, t, e in self.coarse if s < o <= t)

    def quiet(self, n: int, o: int, explicit: bool = False) -> bool:
        """No fine report of the class (with ``explicit``: none dated to the day) in the BACKREF_DAYS before day
        ``o``; ``n``: the index of the first fine report read on or after ``o``. Asks the store for days not read."""
        k = n - 1
        while k >= 0 and o - self.days[k] <= BACKREF_DAYS:
            if not explicit or (self.fine[k][0].precision or "day") == "day":
                return False
            k -= 1
        g = self.group
        return not g.exists(self.mclass, o - BACKREF_DAYS, min(o, g.lo), explicit)

    def anchor(self, i: int, start: bool) -> bool:
        """Does the i-th fine report (a stored one) start a cluster whatever came before, with no month/year/range
        span across it at a region's start? Either no fine report of its class lies within BACKREF_DAYS before it
        (neither the window nor a back-reference reaches it), or it started its stored cluster and
        back-references after it can only go to it: it has an explicit day date, or no report with one lies
        within BACKREF_DAYS before it."""
        e, c = self.fine[i]
        o = self.days[i]
        if not c or (start and not self.clean(o)):
            return False
        if self.quiet(i, o):
            return True
        if self.group.fine_first(c) != (e.date, e.id):  # not the first of its cluster
            return False
        return (e.precision or "day") == "day" or self.quiet(i, o, explicit=True)


class Unsafe(Exception):
    """No region can be drawn: recluster the whole group."""


def _region(group: Group, mclass: str, new: list[Ev]) -> tuple[list[Ev], list[Ev]]:
    """(reports of the region, new reports not in it) for the first new reports of one class, in span order.
    A region starts at a stored clean anchor, or on the day of its first new report when no fine report of
    the class lies in the BACKREF_DAYS before and every span across that day is settled (Class.clean). It ends
    before a stored anchor that still anchors with the region clustered, or on a day after its last span that no
    span crosses and after which the next fine report starts afresh."""
    lo = span(new[0])[0]
    group.new_from = lo
    width = FIRST_SPAN
    while True:
        group.cover(lo - width, span(new[0])[1] + FIRST_SPAN)
        cl = group.of_class(mclass)
        j = bisect_left(cl.days, lo)
        if cl.clean(lo) and cl.quiet(j, lo):
            k0, s0, cut = (_iso(lo), ""), lo, True
            break
        i = next((i for i in range(j - 1, -1, -1) if cl.anchor(i, True)), None)
        if i is not None:
            e = cl.fine[i][0]
            k0, s0, cut = (e.date, e.id), cl.days[i], True
            break
        if group.lo <= group.first:
            k0, s0, cut = ("", ""), -10**9, False  # from the group's beginning
            break
        width *= 2
    hi = span(new[0])[1]
    width = FIRST_SPAN
    skip: set[str] = set()
    while True:
        while (top := max(span(e)[1] for e in new if span(e)[0] <= hi + 1)) > hi:
            hi = top
        group.cover(lo - FIRST_SPAN, hi + width)
        cl = group.of_class(mclass)
        end = None
        n = bisect_right(cl.days, hi)
        known = n < len(cl.fine) or group.hi >= group.last  # the next fine report, or that there is none
        if known and (n == len(cl.fine) or cl.quiet(n, cl.days[n])) and not any(s <= hi < t for s, t, _ in cl.coarse):
            k1, stop = (_iso(hi + 1), ""), hi + 1  # a day cut
        else:
            for i in range(n, len(cl.fine)):
                e = cl.fine[i][0]
                if e.id not in skip and cl.anchor(i, False):
                    end = e
                    break
            if end is None and group.hi < group.last:
                width *= 2
                continue
            stop = _ord(end.date) if end else 10**9
            k1 = (end.date, end.id) if end else ("\uffff", "")
            if end is not None and any(span(e)[0] <= stop for e in new if span(e)[1] > hi):
                hi = stop  # a new report reaches the anchor: further
                continue
        i0 = bisect_left(cl.days, s0) if cut else 0
        i1 = bisect_right(cl.days, stop)
        evs = [e for e, _ in cl.fine[i0:i1] if k0 <= (e.date, e.id) < k1]
        evs += [e for s, t, e in cl.coarse if t >= s0 and s < stop and not (cut and s < s0 and cl.outside(e, s0))]
        # an anchor at the end must still anchor a cluster of its own (a month/year/range report reaching over it
        # then has a cluster inside the region to join), and no stored cluster of the region may keep reports
        # beyond it
        if end is None or len(next(c for c in cluster_group(evs + [end]) if end in c.members).members) == 1:
            counts: dict[str, int] = {}
            for e in evs:
                c = cl.cluster_of.get(e.id)
                if c:
                    counts[c] = counts.get(c, 0) + 1
            if group.reports(set(counts)) == counts:
                ids = {e.id for e in evs}
                return evs, [e for e in new if e.id not in ids]
            if end is None:
                if stop > 10**8:
                    raise Unsafe("a stored cluster has reports outside every region")
                hi = stop  # a day cut that leaves a cluster in two: further
                continue
        skip.add(end.id)
        hi = _ord(end.date)


class Touched(NamedTuple):
    events: list[Ev]  # to recluster, new and stored
    clusters: dict[str, int]  # stored clusters they leave -> how many of their reports are among them
    stored: dict[str, str]  # report -> its stored cluster
    read: int  # reports read from the store


def _whole(group: Group) -> Touched:
    was = {eid: c for eid, (_, c) in group.rows.items() if c}
    counts: dict[str, int] = {}
    for c in was.values():
        counts[c] = counts.get(c, 0) + 1
    return Touched([e for e, _ in group.rows.values()], counts, was, len(group.rows))


def touched(store, key: Key, new: list[Ev]) -> Touched | None:
    """What new reports of one group can change; None: recluster the whole group. The caller checks that each
    replaced cluster has no reports outside ``events`` (its stored count of reports)."""
    out: dict[str, Ev] = {}
    try:
        group = Group(store, key)
        if any(not e.date for e in new):
            group.undated()
            out.update((e.id, e) for e, _ in group.rows.values() if not e.date)
        by_class: dict[str, list[Ev]] = {}
        for e in new:
            if e.date:
                by_class.setdefault(modality_class(e), []).append(e)
        for mclass, evs in sorted(by_class.items()):
            rest = sorted(evs, key=lambda e: (span(e)[0], e.date, e.id))
            while rest:
                region, rest = _region(group, mclass, rest)
                out.update((e.id, e) for e in region)
                if len(group.rows) * HALF > group.size:  # most of it read already: the rest at once
                    group.cover(group.first, group.last)
                    group.undated()
                    return _whole(group)
    except (ValueError, TypeError, Unsafe):  # e.g. an unreadable date: the group as a whole
        return None
    if any(e.id not in out for e in new):
        return None
    counts: dict[str, int] = {}
    was: dict[str, str] = {}
    for eid in out:
        c = group.rows.get(eid, (None, None))[1]
        if c:
            counts[c] = counts.get(c, 0) + 1
            was[eid] = c
    return Touched(list(out.values()), counts, was, len(group.rows))
