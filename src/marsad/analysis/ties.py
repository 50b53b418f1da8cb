"""Formal ties: organisations (memberships) and treaties, valid by date.

The two YAML files (``data/ties/organisations.yaml``, ``treaties.yaml``; format in docs/formats.md) are read
into frozen records. ``ties_in_force(a, b, date)`` answers which instruments bind a pair on a day, honouring
signature/entry into force/termination, membership join/leave (the leave day is the first day outside),
status periods (frozen, suspended, dormant ... switch a tie off; withdrawal announced, associate ... halve it),
an obligation's own start (``from``) and state succession (``continued_by: {SUN: RUS}``).
An unknown entry into force (``in_force: null``) is read as "in force since signature", flagged ``assumed``
and weighted down, because the files use null for "not verified" far more often than for "never ratified".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .datefield import iso_date as _d
from .hostility import HOSTILE_WEIGHT, Geography, Hostility, hostile_tie, parse_geography, parse_hostilities

OBLIGATION_TYPES = ("defence", "offence", "consultation", "partnership", "nonaggression", "neutrality")
# Strength of one obligation in the formal layer (docs/analysis.md). "membership" is a shared organisation
# without any obligation (BRICS, SCO): a weak signal of belonging to the same camp.
TYPE_WEIGHT = {"defence": 0.8, "offence": 0.7, "consultation": 0.4, "partnership": 0.3,
               "nonaggression": 0.15, "neutrality": 0.1, "membership": 0.1}
CERTAINTY_FACTOR = {"confirmed": 1.0, "uncertain": 0.7}
# Credibility (ATOP-style institutionalisation): an integrated command, stationed forces or joint planning make a
# pledge more likely to be honoured than a paper pact; an executive act one government can revoke is "paper".
CREDIBILITY_FACTOR = {"integrated": 1.0, "standard": 0.9, "paper": 0.6}
# A pledge owed by one side only (a guarantee) aligns the pair less than a mutual one.
ONE_SIDED_FACTOR = 0.75
# Signed but not (known to be) in force: a commitment of intent, not a legal obligation.
SIGNED_FACTOR = {"signed_not_in_force": 0.5, "initialled": 0.3}
ASSUMED_IN_FORCE_FACTOR = SIGNED_FACTOR["signed_not_in_force"]
REDUCED_FACTOR = 0.5
# An organisation of many members binds each pair less tightly (UN, OSCE): weight x min(1, 30 / members).
ORG_SIZE_REFERENCE = 30

# Status values that switch the obligations off for their period, and those that only weaken them.
OFF_STATUSES = frozenset({"frozen", "suspended", "withdrawn", "dormant", "inactive", "ceased_participation",
                          "obligations_suspended", "merged", "repudiated", "breached", "not_ratified"})
REDUCED_STATUSES = frozenset({"withdrawal_initiated", "withdrawal_declared", "disengaging", "boycotted",
                              "associate", "invited", "military_structure_withdrawn"})
NEUTRAL_STATUSES = frozenset({"voting_rights_suspended"})
SIGNED_STATUSES = frozenset(SIGNED_FACTOR)
KNOWN_STATUSES = OFF_STATUSES | REDUCED_STATUSES | NEUTRAL_STATUSES | SIGNED_STATUSES
PRECISIONS = ("day", "month", "year")
# Actor-dictionary codes that name an organisation of the ties files under another code.
ORG_ALIASES = {"USRB": "RBU"}


@dataclass(frozen=True)
class Obligation:
    type: str
    article: str | None = None
    text: str = ""
    certainty: str = "confirmed"
    start: str | None = None  # "from": later than the instrument's own start
    instrument: str | None = None  # "treaty" key of an organisation's obligation
    note: str | None = None
    owed_by: tuple[str, ...] = ()  # the parties that owe it; empty: every party (mutual)
    scope: tuple[str, ...] = ()  # areas (geography.yaml) or codes where an attack triggers it; empty: anywhere
    attacker: tuple[str, ...] = ()  # only against these attackers; empty: any non-party
    requires_war: bool = False  # only once the party attacked is in a state of war
    credibility: str | None = None  # integrated | standard | paper; None: the instrument's

    def owed(self, by: str) -> bool:
        return not self.owed_by or by in self.owed_by


@dataclass(frozen=True)
class Period:
    status: str
    start: str | None
    end: str | None
    parties: tuple[str, ...] = ()
    certainty: str = "confirmed"
    note: str | None = None

    def covers(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)

    def applies_to(self, a: str, b: str) -> bool:
        """A status naming parties concerns the pair inside them (2+ names) or the pair with that one party."""
        if not self.parties:
            return True
        if len(self.parties) == 1:
            return self.parties[0] in (a, b)
        return a in self.parties and b in self.parties


@dataclass(frozen=True)
class Membership:
    org: str
    code: str
    joined: str | None
    left: str | None
    role: str = "member"  # member | observer | partner
    certainty: str = "confirmed"
    status: tuple[Period, ...] = ()
    note: str | None = None

    def valid(self, date: str) -> bool:
        return (self.joined is not None and self.joined <= date) and (self.left is None or date < self.left)


@dataclass(frozen=True)
class Organisation:
    code: str
    en: str
    ar: str
    founded: str | None
    dissolved: str | None
    obligations: tuple[Obligation, ...]
    members: tuple[Membership, ...]
    others: tuple[Membership, ...]  # observers and partners: listed, never bound
    certainty: str = "confirmed"
    source: str = ""
    note: str | None = None
    universal: bool = False  # open to (nearly) every state: membership says nothing about a pair
    credibility: str = "standard"

    def alive(self, date: str) -> bool:
        return (self.founded is None or self.founded <= date) and (self.dissolved is None or date < self.dissolved)

    def members_on(self, date: str) -> list[Membership]:
        return [m for m in self.members if m.valid(date)] if self.alive(date) else []


@dataclass(frozen=True)
class Treaty:
    id: str
    en: str
    ar: str
    parties: tuple[str, ...]
    signed: str | None
    in_force: str | None
    terminated: str | None
    obligations: tuple[Obligation, ...]
    status: tuple[Period, ...] = ()
    continued_by: tuple[tuple[str, str], ...] = ()
    certainty: str = "confirmed"
    date_precision: tuple[tuple[str, str], ...] = ()
    source: str = ""
    note: str | None = None
    credibility: str = "standard"

    @property
    def start(self) -> str | None:
        return self.in_force or self.signed

    @property
    def assumed(self) -> bool:
        return self.in_force is None and self.signed is not None

    def valid(self, date: str) -> bool:
        s = self.start
        return s is not None and s <= date and (self.terminated is None or date < self.terminated)

    def party_for(self, code: str) -> tuple[str, str | None] | None:
        """The party a code stands for here: itself, or the state it continues (RUS for SUN)."""
        if code in self.parties:
            return code, None
        for old, new in self.continued_by:
            if new == code and old in self.parties:
                return old, f"{old}→{new}"
        return None


@dataclass
class Ties:
    organisations: dict[str, Organisation] = field(default_factory=dict)
    treaties: dict[str, Treaty] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    hostilities: dict[str, Hostility] = field(default_factory=dict)
    geo: Geography = field(default_factory=Geography)
    by_code: dict[str, list[str]] = field(default_factory=dict)  # code -> treaty ids
    orgs_of: dict[str, list[str]] = field(default_factory=dict)  # code -> organisation codes (ever a member)
    hostile_of: dict[str, list[str]] = field(default_factory=dict)  # code -> hostile tie ids

    def index(self) -> Ties:
        self.by_code.clear()
        self.orgs_of.clear()
        self.hostile_of.clear()
        for h in self.hostilities.values():
            for c in h.codes():
                self.hostile_of.setdefault(c, []).append(h.id)
        for t in self.treaties.values():
            codes = set(t.parties) | {new for old, new in t.continued_by if old in t.parties}
            for c in codes:
                self.by_code.setdefault(c, []).append(t.id)
        for o in self.organisations.values():
            for m in o.members:
                lst = self.orgs_of.setdefault(m.code, [])
                if o.code not in lst:
                    lst.append(o.code)
        return self

    def is_org(self, code: str | None) -> bool:
        return ORG_ALIASES.get(code or "", code) in self.organisations

    def org(self, code: str | None) -> Organisation | None:
        return self.organisations.get(ORG_ALIASES.get(code or "", code or ""))

    def member_count(self, org: str, date: str) -> int:
        o = self.organisations.get(org)
        return len({m.code for m in o.members_on(date)}) if o else 0


# -- loading ---------------------------------------------------------------------------------------

def _certainty(v: Any, where: str, problems: list[str]) -> str:
    v = v or "confirmed"
    if v not in CERTAINTY_FACTOR:
        problems.append(f"{where}: certainty '{v}' not one of {sorted(CERTAINTY_FACTOR)}")
        return "uncertain"
    return str(v)


def _precision(v: Any, keys: tuple[str, ...], where: str, problems: list[str]) -> tuple[tuple[str, str], ...]:
    if not v:
        return ()
    if not isinstance(v, dict):
        problems.append(f"{where}: date_precision must be a mapping")
        return ()
    out = []
    for k, p in v.items():
        if k not in keys:
            problems.append(f"{where}: date_precision key '{k}' not one of {list(keys)}")
        elif p not in PRECISIONS:
            problems.append(f"{where}: date_precision '{p}' not one of {list(PRECISIONS)}")
        else:
            out.append((str(k), str(p)))
    return tuple(out)


def _obligations(items: Any, where: str, problems: list[str]) -> tuple[Obligation, ...]:
    out = []
    for i, ob in enumerate(items or []):
        w = f"{where} obligation {i}"
        if not isinstance(ob, dict):
            problems.append(f"{w}: must be a mapping")
            continue
        typ = ob.get("type")
        if typ not in OBLIGATION_TYPES:
            problems.append(f"{w}: type '{typ}' not one of {list(OBLIGATION_TYPES)}")
            continue
        unknown = set(ob) - OBLIGATION_KEYS
        if unknown:
            problems.append(f"{w}: unknown keys {sorted(unknown)}")
        art = ob.get("article")
        lists = {}
        for key in ("owed_by", "scope", "attacker"):
            v = ob.get(key) or []
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                problems.append(f"{w}: {key} must be a list of codes")
                v = []
            lists[key] = tuple(v)
        if not isinstance(ob.get("requires_war", False), bool):
            problems.append(f"{w}: requires_war must be true or false")
        out.append(Obligation(str(typ), None if art is None else str(art), str(ob.get("text") or ""),
                              _certainty(ob.get("certainty"), w, problems), _d(ob.get("from"), w, problems),
                              ob.get("treaty"), ob.get("note"), lists["owed_by"], lists["scope"], lists["attacker"],
                              ob.get("requires_war") is True, _credibility(ob.get("credibility"), w, problems, None)))
    return tuple(out)


OBLIGATION_KEYS = frozenset({"type", "article", "text", "certainty", "from", "treaty", "note", "owed_by", "scope",
                             "attacker", "requires_war", "credibility"})


def _credibility(v: Any, where: str, problems: list[str], default: str | None = "standard") -> str | None:
    if v is None:
        return default
    if v not in CREDIBILITY_FACTOR:
        problems.append(f"{where}: credibility '{v}' not one of {sorted(CREDIBILITY_FACTOR)}")
        return default
    return str(v)


def _periods(items: Any, where: str, problems: list[str], start: str | None = None,
             end: str | None = None) -> tuple[Period, ...]:
    out = []
    for i, s in enumerate(items or []):
        w = f"{where} status {i}"
        if not isinstance(s, dict):
            problems.append(f"{w}: must be a mapping")
            continue
        st = s.get("status")
        if st not in KNOWN_STATUSES:
            problems.append(f"{w}: status '{st}' not one of {sorted(KNOWN_STATUSES)}")
            continue
        f, t = _d(s.get("from"), w, problems), _d(s.get("to"), w, problems)
        if f and t and f > t:
            problems.append(f"{w}: from {f} after to {t}")
        if f and start and f < start:
            problems.append(f"{w}: from {f} before the start {start}")
        if f and end and f > end:
            problems.append(f"{w}: from {f} after the end {end}")
        _precision(s.get("date_precision"), ("from", "to"), w, problems)
        out.append(Period(str(st), f, t, tuple(s.get("parties") or ()), _certainty(s.get("certainty"), w, problems),
                          s.get("note")))
    return tuple(out)


def _memberships(org: str, items: Any, role: str, where: str, problems: list[str]) -> tuple[Membership, ...]:
    out = []
    for i, m in enumerate(items or []):
        w = f"{where} {role} {i}"
        if not isinstance(m, dict) or not m.get("code"):
            problems.append(f"{w}: needs a code")
            continue
        code = str(m["code"])
        w = f"{where} {role} {code}"
        j, lft = _d(m.get("joined"), w, problems), _d(m.get("left"), w, problems)
        if j is None:
            problems.append(f"{w}: no joined date")
        if j and lft and j > lft:
            problems.append(f"{w}: joined {j} after left {lft}")
        _precision(m.get("date_precision"), ("joined", "left"), w, problems)
        out.append(Membership(org, code, j, lft, role, _certainty(m.get("certainty"), w, problems),
                              _periods(m.get("status"), w, problems, j, lft), m.get("note")))
    # The same code twice must not overlap in time.
    by: dict[str, list[Membership]] = {}
    for m in out:
        by.setdefault(m.code, []).append(m)
    for code, ms in by.items():
        ms = sorted(ms, key=lambda m: m.joined or "")
        for x, y in zip(ms, ms[1:], strict=False):
            if x.left is None or (y.joined and y.joined < x.left):
                problems.append(f"{where} {role} {code}: periods overlap ({x.joined}–{x.left} and {y.joined}–{y.left})")
    return tuple(out)


def parse_organisations(data: Any, where: str, problems: list[str]) -> dict[str, Organisation]:
    out: dict[str, Organisation] = {}
    if not isinstance(data, list):
        problems.append(f"{where}: top level must be a list")
        return out
    for i, o in enumerate(data):
        if not isinstance(o, dict) or not o.get("code"):
            problems.append(f"{where}[{i}]: organisation needs a code")
            continue
        code = str(o["code"])
        w = f"{where} {code}"
        if code in out:
            problems.append(f"{w}: defined twice")
            continue
        founded, dissolved = _d(o.get("founded"), w, problems), _d(o.get("dissolved"), w, problems)
        _precision(o.get("date_precision"), ("founded", "dissolved"), w, problems)
        members = _memberships(code, o.get("members"), "member", w, problems)
        others = (_memberships(code, o.get("observers"), "observer", w, problems)
                  + _memberships(code, o.get("partners"), "partner", w, problems)
                  + _memberships(code, o.get("candidates"), "candidate", w, problems))
        for m in members:
            if founded and m.joined and m.joined < founded:
                problems.append(f"{w} member {m.code}: joined {m.joined} before the founding {founded}")
        out[code] = Organisation(code, str(o.get("en") or ""), str(o.get("ar") or ""), founded, dissolved,
                                 _obligations(o.get("obligations"), w, problems), members, others,
                                 _certainty(o.get("certainty"), w, problems), str(o.get("source") or ""), o.get("note"),
                                 o.get("universal") is True, _credibility(o.get("credibility"), w, problems) or "standard")
        if not o.get("ar"):
            problems.append(f"{w}: no Arabic name")
    return out


def parse_treaties(data: Any, where: str, problems: list[str]) -> dict[str, Treaty]:
    out: dict[str, Treaty] = {}
    if not isinstance(data, list):
        problems.append(f"{where}: top level must be a list")
        return out
    for i, t in enumerate(data):
        if not isinstance(t, dict) or not t.get("id"):
            problems.append(f"{where}[{i}]: treaty needs an id")
            continue
        tid = str(t["id"])
        w = f"{where} {tid}"
        if tid in out:
            problems.append(f"{w}: defined twice")
            continue
        parties = tuple(str(p) for p in t.get("parties") or ())
        if len(parties) < 2 or len(set(parties)) != len(parties):
            problems.append(f"{w}: needs two or more distinct parties")
        signed, in_force = _d(t.get("signed"), w, problems), _d(t.get("in_force"), w, problems)
        terminated = _d(t.get("terminated"), w, problems)
        if signed and in_force and in_force < signed:
            problems.append(f"{w}: in force {in_force} before signature {signed}")
        start = in_force or signed
        if start and terminated and terminated < start:
            problems.append(f"{w}: terminated {terminated} before it started {start}")
        cont = t.get("continued_by") or {}
        if not isinstance(cont, dict):
            problems.append(f"{w}: continued_by must be a mapping OLD: NEW")
            cont = {}
        for old in cont:
            if old not in parties:
                problems.append(f"{w}: continued_by names {old}, not a party")
        status = _periods(t.get("status"), w, problems, start, terminated)
        for s in status:
            for p in s.parties:
                if p not in parties:
                    problems.append(f"{w}: status names {p}, not a party")
        out[tid] = Treaty(tid, str(t.get("en") or ""), str(t.get("ar") or ""), parties, signed, in_force, terminated,
                          _obligations(t.get("obligations"), w, problems), status,
                          tuple((str(k), str(v)) for k, v in cont.items()),
                          _certainty(t.get("certainty"), w, problems),
                          _precision(t.get("date_precision"), ("signed", "in_force", "terminated"), w, problems),
                          str(t.get("source") or ""), t.get("note"),
                          _credibility(t.get("credibility"), w, problems) or "standard")
        for ob in out[tid].obligations:
            for c in ob.owed_by:
                if c not in parties:
                    problems.append(f"{w}: obligation owed_by names {c}, not a party")
        if not t.get("ar"):
            problems.append(f"{w}: no Arabic name")
    return out


def _read(path: Path, where: str, problems: list[str]) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError) as e:
        problems.append(f"{where}: cannot read ({e})")
        return []


def data_dir() -> Path:
    return Path(str(resources.files("marsad.data.ties")))


def load_ties(organisations: Path | None = None, treaties: Path | None = None, hostile: Path | None = None,
              geography: Path | None = None) -> Ties:
    folder = data_dir()
    op, tp = organisations or folder / "organisations.yaml", treaties or folder / "treaties.yaml"
    hp, gp = hostile or folder / "hostile.yaml", geography or folder / "geography.yaml"
    ties = Ties()
    ties.organisations = parse_organisations(_read(op, op.name, ties.problems), op.name, ties.problems)
    ties.treaties = parse_treaties(_read(tp, tp.name, ties.problems), tp.name, ties.problems)
    ties.hostilities = parse_hostilities(_read(hp, hp.name, ties.problems), hp.name, ties.problems)
    ties.geo = parse_geography(_read(gp, gp.name, ties.problems), gp.name, ties.problems)
    return ties.index()


def ties_from_data(organisations: list, treaties: list, hostile: list | None = None,
                   geography: dict | None = None) -> Ties:
    """Ties from in-memory lists in the YAML shape (tests, hand-built networks)."""
    ties = Ties()
    ties.organisations = parse_organisations(organisations, "organisations", ties.problems)
    ties.treaties = parse_treaties(treaties, "treaties", ties.problems)
    ties.hostilities = parse_hostilities(hostile or [], "hostile", ties.problems)
    ties.geo = parse_geography(geography or {}, "geography", ties.problems)
    return ties.index()


@lru_cache(maxsize=1)
def bundled_ties() -> Ties:
    """The bundled ties, read once per process; treat as read-only."""
    return load_ties()


# -- validity by date ------------------------------------------------------------------------------

def _status_on(periods: tuple[Period, ...], date: str, a: str, b: str) -> Period | None:
    """The status period in effect on the date for the pair; an "off" status wins over a weakening one."""
    hit = [p for p in periods if p.covers(date) and p.applies_to(a, b) and p.status not in NEUTRAL_STATUSES]
    hit.sort(key=lambda p: (p.status not in OFF_STATUSES, p.start or ""))
    return hit[0] if hit else None


def _state(st: Period | None) -> str:
    if st is None:
        return "in_force"
    return "off" if st.status in OFF_STATUSES else "signed" if st.status in SIGNED_STATUSES else "reduced"


def _factor(st: Period | None) -> float:
    if st is None:
        return 1.0
    return REDUCED_FACTOR if st.status in REDUCED_STATUSES else SIGNED_FACTOR.get(st.status, 1.0)


def _obligation_dicts(obs: tuple[Obligation, ...], date: str, factor: float, tie_certainty: str,
                      credibility: str = "standard") -> list[dict]:
    out = []
    for ob in obs:
        if ob.start and date < ob.start:
            continue
        cert = "uncertain" if "uncertain" in (ob.certainty, tie_certainty) else "confirmed"
        cred = ob.credibility or credibility
        w = TYPE_WEIGHT[ob.type] * factor * CERTAINTY_FACTOR[cert] * CREDIBILITY_FACTOR[cred]
        w *= ONE_SIDED_FACTOR if ob.owed_by else 1.0
        out.append({"type": ob.type, "article": ob.article, "text": ob.text, "certainty": cert,
                    "weight": round(w, 4), "instrument": ob.instrument, "owed_by": list(ob.owed_by),
                    "scope": list(ob.scope), "attacker": list(ob.attacker), "requires_war": ob.requires_war,
                    "credibility": cred})
    return out


def treaty_tie(t: Treaty, a: str, b: str, date: str) -> dict | None:
    """The tie a treaty makes between a and b on the date, or None when it does not link them then.
    A treaty whose entry into force is unknown counts as "signed, not in force" (state ``signed``)."""
    pa, pb = t.party_for(a), t.party_for(b)
    if not pa or not pb or pa[0] == pb[0] or not t.valid(date):
        return None
    st = _status_on(t.status, date, pa[0], pb[0])
    if st is None and t.assumed:
        st = Period("signed_not_in_force", t.signed, None, note="entry into force not known")
    state = _state(st)
    factor = _factor(st)
    obs = [] if state == "off" else _obligation_dicts(t.obligations, date, factor, t.certainty, t.credibility)
    # one-sided pledges: keep the direction with the parties' own codes (RUS for SUN)
    own = {pa[0]: a, pb[0]: b}
    for ob in obs:
        ob["owed_by"] = [own.get(c, c) for c in ob["owed_by"]]
    return {"kind": "treaty", "id": t.id, "en": t.en, "ar": t.ar, "state": state,
            "status": st.status if st else None, "status_since": st.start if st else None,
            "status_note": st.note if st else None, "since": t.start, "until": t.terminated,
            "signed": t.signed, "certainty": t.certainty, "assumed": t.assumed,
            "via": pa[1] or pb[1], "parties": list(t.parties), "obligations": obs, "source": t.source}


def org_tie(o: Organisation, ms: list[Membership], date: str, n_members: int) -> dict:
    """The tie of shared membership (two memberships) or of belonging (one membership) on the date."""
    statuses = [p for m in ms for p in [_status_on(m.status, date, m.code, m.code)] if p]
    statuses.sort(key=lambda p: p.status not in OFF_STATUSES)
    st = statuses[0] if statuses else None
    state = _state(st)
    cert = "uncertain" if "uncertain" in [o.certainty] + [m.certainty for m in ms] else "confirmed"
    size = min(1.0, ORG_SIZE_REFERENCE / max(1, n_members))
    factor = size * _factor(st)
    obs = [] if state == "off" else _obligation_dicts(o.obligations, date, factor, cert, o.credibility)
    if state != "off":
        obs.append({"type": "membership", "article": None, "text": f"members of {o.en}", "certainty": cert,
                    "weight": round(TYPE_WEIGHT["membership"] * factor * CERTAINTY_FACTOR[cert], 4),
                    "instrument": None})
    whose = next((m.code for m in ms if st and st in m.status), None)
    lefts = [m.left for m in ms if m.left] + ([o.dissolved] if o.dissolved else [])
    return {"kind": "organisation" if len(ms) > 1 else "membership", "id": o.code, "en": o.en, "ar": o.ar,
            "state": state, "status": st.status if st else None, "status_since": st.start if st else None,
            "status_note": st.note if st else None, "status_of": whose,
            "since": max(m.joined for m in ms if m.joined), "until": min(lefts) if lefts else None,
            "signed": o.founded, "certainty": cert, "assumed": False, "via": None, "members": n_members,
            "obligations": obs, "source": o.source}


def candidate_tie(o: Organisation, code: str, date: str) -> dict | None:
    """A candidate status (EU): a partnership between the state and the body at half weight, none with members."""
    m = next((m for m in o.others if m.role == "candidate" and m.code == code and m.valid(date)), None)
    if m is None or not o.alive(date):
        return None
    st = _status_on(m.status, date, code, code)
    state = _state(st)
    w = TYPE_WEIGHT["partnership"] * REDUCED_FACTOR * _factor(st) * CERTAINTY_FACTOR[m.certainty]
    obs = [] if state == "off" else [{"type": "partnership", "article": None, "text": f"candidate for {o.en}",
                                       "certainty": m.certainty, "weight": round(w, 4), "instrument": None,
                                       "owed_by": [], "scope": [], "attacker": [], "requires_war": False,
                                       "credibility": "paper"}]
    return {"kind": "candidate", "id": o.code, "en": o.en, "ar": o.ar, "state": state,
            "status": st.status if st else None, "status_since": st.start if st else None,
            "status_note": st.note if st else None, "since": m.joined, "until": m.left, "signed": m.joined,
            "certainty": m.certainty, "assumed": False, "via": None, "obligations": obs, "source": o.source}


class Snapshot:
    """Memberships of every organisation on one date, computed once (for many pairs on the same day)."""

    def __init__(self, ties: Ties, date: str):
        self.ties, self.date = ties, date
        self.members: dict[str, dict[str, Membership]] = {}

    def of(self, org: str) -> dict[str, Membership]:
        if org not in self.members:
            o = self.ties.organisations[org]
            self.members[org] = {m.code: m for m in o.members_on(self.date)}
        return self.members[org]

    def pair(self, a: str, b: str, include_inactive: bool = True) -> list[dict]:
        ties, date = self.ties, self.date
        out: list[dict] = []
        if a == b:
            return out
        for tid in set(ties.by_code.get(a, [])) & set(ties.by_code.get(b, [])):
            tie = treaty_tie(ties.treaties[tid], a, b, date)
            if tie:
                out.append(tie)
        for org in set(ties.orgs_of.get(a, [])) & set(ties.orgs_of.get(b, [])):
            ms = self.of(org)
            if a in ms and b in ms and not ties.organisations[org].universal:
                out.append(org_tie(ties.organisations[org], [ms[a], ms[b]], date, len(ms)))
        for member, org in ((a, b), (b, a)):  # a state and an organisation it belongs to
            if org in ties.organisations and member in self.of(org):
                ms = self.of(org)
                out.append(org_tie(ties.organisations[org], [ms[member]], date, len(ms)))
            elif org in ties.organisations:
                cand = candidate_tie(ties.organisations[org], member, date)
                if cand:
                    out.append(cand)
        for hid in set(ties.hostile_of.get(a, [])) & set(ties.hostile_of.get(b, [])):
            h = ties.hostilities[hid]
            if h.valid(date) and h.links(a, b):
                out.append(hostile_tie(h, date))
        at_war(out)
        if not include_inactive:
            out = [t for t in out if t["state"] != "off"]
        out.sort(key=lambda t: (t["state"] == "off", -max([o["weight"] for o in t["obligations"]] or [0]), t["id"]))
        return out


def pair_ties(a: str, b: str, date: str, ties: Ties | None = None, include_inactive: bool = True) -> list[dict]:
    """Every treaty and shared organisation linking a and b that is alive on ``date``.

    Each tie: kind (treaty | organisation | membership), id, en, ar, state (in_force | reduced | off), status
    (the status in effect, if any), since, until, certainty, assumed (in-force date unknown), via
    (succession), obligations (those in force, each with its weight) and source. ``off`` ties carry no
    obligations: they are listed to explain why a tie no longer counts.
    """
    return Snapshot(ties or bundled_ties(), date).pair(a, b, include_inactive)


def ties_in_force(a: str, b: str, date: str, ties: Ties | None = None) -> list[dict]:
    """Ties binding a and b on the date (state in_force or reduced)."""
    return [t for t in pair_ties(a, b, date, ties, include_inactive=False) if t["state"] != "off"]


def obligations(a: str, b: str, date: str, ties: Ties | None = None) -> list[dict]:
    """The obligations in force between a and b on the date, each with its instrument, strongest first."""
    out = []
    for t in ties_in_force(a, b, date, ties):
        for ob in t["obligations"]:
            if ob["type"] not in OBLIGATION_TYPES:  # membership, hostile ties
                continue
            out.append({**ob, "tie": t["id"], "kind": t["kind"], "tie_en": t["en"], "tie_ar": t["ar"],
                        "via": t["via"], "assumed": t["assumed"], "since": t["since"], "members": t.get("members"),
                        "state": t["state"], "status": t["status"], "parties": t.get("parties")})
    out.sort(key=lambda o: (-o["weight"], o["tie"]))
    return out


def at_war(ties_list: list[dict]) -> list[dict]:
    """A war between the pair switches every positive tie between them off (status ``breached``); broken or
    never established relations switch off the organisations they share (status ``no_relations``). In place."""
    hostile = {t["obligations"][0]["type"]: t for t in ties_list if t["kind"] == "hostile"}
    war = hostile.get("war")
    cut = hostile.get("broken_relations") or hostile.get("no_relations")
    for t in ties_list:
        if t["kind"] == "hostile" or t["state"] == "off":
            continue
        if war:
            t.update(state="off", status="breached", status_since=war["since"],
                     status_note=f"at war: {war['en']}", obligations=[])
        elif cut and t["kind"] == "organisation":
            t.update(state="off", status="no_relations", status_since=cut["since"],
                     status_note=cut["en"], obligations=[])
    return ties_list


def formal_strength(ties_list: list[dict]) -> tuple[float, float]:
    """(F, certainty) of a pair from its ties in force: per obligation type the strongest instance counts
    (two defence treaties do not make a pair twice as allied), the types combine as a noisy-or,
    P = 1 - prod_type(1 - max weight); hostile ties combine the same way into H, and F = P - H in [-1, 1].
    Certainty: 1 when some tie is confirmed, 0.7 when all are uncertain."""
    best: dict[str, float] = {}
    certain = 0.0
    for t in ties_list:
        if t["state"] == "off":
            continue
        for ob in t["obligations"]:
            best[ob["type"]] = max(best.get(ob["type"], 0.0), ob["weight"])
        if t["obligations"]:
            certain = max(certain, CERTAINTY_FACTOR.get(t["certainty"], 0.7) * (ASSUMED_IN_FORCE_FACTOR if t["assumed"] else 1))
    pos = neg = 1.0
    for typ, w in best.items():
        if typ in HOSTILE_WEIGHT:
            neg *= 1.0 - min(1.0, w)
        else:
            pos *= 1.0 - min(1.0, w)
    return (1.0 - pos) - (1.0 - neg), certain


def formal_score(a: str, b: str, date: str, ties: Ties | None = None) -> float:
    return formal_strength(ties_in_force(a, b, date, ties))[0]


def formal_matrix(date: str, codes: set[str] | None = None, ties: Ties | None = None) -> dict[tuple[str, str], float]:
    """F for every pair (a < b) bound by something on the date, optionally only among ``codes``.
    Same numbers as ``formal_strength(ties_in_force(a, b, date))``, computed in one sweep."""
    ties = ties or bundled_ties()
    snap = Snapshot(ties, date)
    per_pair: dict[tuple[str, str], list[dict]] = {}
    for t in ties.treaties.values():
        if not t.valid(date):
            continue
        cs = set(t.parties) | {new for old, new in t.continued_by if old in t.parties}
        cs = cs & codes if codes is not None else cs
        for x in cs:
            for y in cs:
                if x < y:
                    tie = treaty_tie(t, x, y, date)
                    if tie and tie["state"] != "off":
                        per_pair.setdefault((x, y), []).append(tie)
    for o in ties.organisations.values():
        if o.universal:
            continue
        ms = snap.of(o.code)
        sel = sorted(c for c in ms if codes is None or c in codes)
        for i, x in enumerate(sel):
            for y in sel[i + 1:]:
                tie = org_tie(o, [ms[x], ms[y]], date, len(ms))
                if tie["state"] != "off":
                    per_pair.setdefault((x, y), []).append(tie)
    for h in ties.hostilities.values():
        if not h.valid(date):
            continue
        for x in h.side_a:
            for y in h.side_b:
                if codes is None or (x in codes and y in codes):
                    per_pair.setdefault((min(x, y), max(x, y)), []).append(hostile_tie(h, date))
    out = {}
    for pair, lst in per_pair.items():
        f = formal_strength(at_war(lst))[0]
        if f != 0:
            out[pair] = f
    return out


def ties_of(code: str, ties: Ties | None = None) -> list[dict]:
    """Every treaty and membership of a code over time (for timelines): id, kind, en, ar, partners, start, end,
    statuses, strongest obligation type."""
    ties = ties or bundled_ties()
    out = []
    for tid in ties.by_code.get(code, []):
        t = ties.treaties[tid]
        own = t.party_for(code)
        partners = [p for p in t.parties if own and p != own[0]]
        out.append({"kind": "treaty", "id": t.id, "en": t.en, "ar": t.ar, "partners": partners, "start": t.start,
                    "end": t.terminated, "signed": t.signed, "assumed": t.assumed,
                    "statuses": [{"status": s.status, "from": s.start, "to": s.end} for s in t.status],
                    "strongest": _strongest(t.obligations), "certainty": t.certainty})
    for org in ties.orgs_of.get(code, []):
        o = ties.organisations[org]
        for m in o.members:
            if m.code != code:
                continue
            out.append({"kind": "organisation", "id": o.code, "en": o.en, "ar": o.ar, "partners": [],
                        "start": m.joined, "end": m.left or o.dissolved, "signed": o.founded, "assumed": False,
                        "statuses": [{"status": s.status, "from": s.start, "to": s.end} for s in m.status],
                        "strongest": _strongest(o.obligations) or "membership", "certainty": m.certainty})
    out.sort(key=lambda x: (x["start"] or "9999", x["id"]))
    return out


def _strongest(obs: tuple[Obligation, ...]) -> str | None:
    return max((o.type for o in obs), key=lambda t: TYPE_WEIGHT[t], default=None)


# -- validation ------------------------------------------------------------------------------------

def validate_ties(ties: Ties | None = None, known_codes: set[str] | None = None) -> tuple[dict, list[str]]:
    """Statistics and problems of both ties files. A code is a problem only when the actor dictionary
    does not know it either."""
    ties = ties or load_ties()
    problems = list(ties.problems)
    if known_codes is None:
        from ..actors.stage import bundled_dictionary

        known_codes = set(bundled_dictionary().entries)
    for o in ties.organisations.values():
        if o.code not in known_codes:
            problems.append(f"organisations.yaml {o.code}: organisation code not in the actor dictionary")
        for m in o.members + o.others:
            if m.code not in known_codes:
                problems.append(f"organisations.yaml {o.code}: {m.role} code {m.code} not in the actor dictionary")
    for t in ties.treaties.values():
        for c in t.parties + tuple(new for _, new in t.continued_by):
            if c not in known_codes:
                problems.append(f"treaties.yaml {t.id}: party code {c} not in the actor dictionary")
    for h in ties.hostilities.values():
        for c in h.codes():
            if c not in known_codes:
                problems.append(f"hostile.yaml {h.id}: code {c} not in the actor dictionary")
    for name, codes in ties.geo.areas.items():
        for c in codes - known_codes:
            problems.append(f"geography.yaml area {name}: code {c} not in the actor dictionary")
    for c in set(ties.geo.ended) - known_codes:
        problems.append(f"geography.yaml ended: code {c} not in the actor dictionary")
    owners = [(f"organisations.yaml {o.code}", o.obligations) for o in ties.organisations.values()] + \
             [(f"treaties.yaml {t.id}", t.obligations) for t in ties.treaties.values()]
    for where, obs_ in owners:
        for ob in obs_:
            for c in ob.scope:
                if c not in ties.geo.areas and c not in known_codes:
                    problems.append(f"{where}: scope '{c}' is neither an area of geography.yaml nor an actor code")
            for c in ob.attacker:
                if c not in known_codes:
                    problems.append(f"{where}: attacker code {c} not in the actor dictionary")
    from .expectations import CHECKLISTS, checklist_path, load_expectations  # checklists live beside the ties

    exps = []
    for name in CHECKLISTS:
        found, eproblems = load_expectations(checklist_path(name), known=known_codes)
        exps += found
        problems += eproblems
    for t in ties.treaties.values():
        if (t.signed or "") > "2024-12-31" and not t.source:
            problems.append(f"treaties.yaml {t.id}: a tie dated after 2024 needs a source note")
    obs = [ob for o in ties.organisations.values() for ob in o.obligations] + \
          [ob for t in ties.treaties.values() for ob in t.obligations]
    stats = {
        "organisations": len(ties.organisations),
        "memberships": sum(len(o.members) for o in ties.organisations.values()),
        "treaties": len(ties.treaties),
        "obligations": len(obs),
        "defence": sum(1 for ob in obs if ob.type == "defence"),
        "uncertain": sum(1 for t in ties.treaties.values() if t.certainty == "uncertain"),
        "in_force_unknown": sum(1 for t in ties.treaties.values() if t.assumed),
        "undated": sum(1 for t in ties.treaties.values() if t.start is None),
        "hostile": len(ties.hostilities),
        "conditional": sum(1 for ob in obs if ob.scope or ob.attacker or ob.requires_war),
        "one_sided": sum(1 for ob in obs if ob.owed_by),
        "expectations": len(exps),
    }
    return stats, problems
