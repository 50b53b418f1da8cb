"""Proposed changes to the formal ties, read from coded events, for a person to accept or reject.

Events that change ties: joining an organisation (COOPERATE join), leaving it (SANCTION withdraw), freezing or
suspending participation (SANCTION discontinue), expulsion by it (SANCTION expel), signing a treaty between
states (SUPPORT sign) and ratifying one (SUPPORT ratify). Only what the text asserts as done proposes anything:
negated, future (announcements, promises) and hypothetical events do not, nor an agreement only initialled
(بالأحرف الأولى) or a joining that is only a process, bid or talks (عملية/طلب/مفاوضات الانضمام). Only states act
here: an agreement between companies (agent BUS) or a party's or rebels' act is not a state instrument.
A proposal the ties files already contain is marked ``known``. Each proposal carries a YAML snippet in the
ties format and its evidence (sentences and documents), one line per happening.
"""

from __future__ import annotations

import re

from ..store.db import Store
from ..text.normalize import normalize
from . import alignment as al
from .ties import Ties, bundled_ties

TREATY_WORDS = re.compile(r"معاهد|اتفاقي|اتفاق|ميثاق|معاهده|بروتوكول|مذكره")
OBLIGATION_WORDS = [("defence", re.compile(r"دفاع المشترك|دفاع المتبادل|دفاع عن|مساعده العسكريه|ضمانات الامنيه")),
                    ("nonaggression", re.compile(r"عدم الاعتداء")),
                    ("partnership", re.compile(r"شراكه|تعاون"))]
SIGN_WINDOW_DAYS = 45
STATE_KINDS = {"state", "disputed", "historical"}
STATE_AGENTS = {None, "", "GOV", "MIL", "DIP", "LEG"}  # the state itself, its government, army, diplomats, parliament
INITIALLED = re.compile(r"بالاحرف الاولي")  # initialling a text is not signing it
# companies named as the signers before the agreement word ("وقعت شركتا X الروسية وY الصينية اتفاقا"): the nisbas
# give the states' codes, but the deal is commercial, not a state instrument
COMPANY_SIGNERS = re.compile(r"\b(?:[وف]?(?:ال)?)(?:شركه|شركتا|شركتي|شركات|مجموعه|مجموعتا|مؤسسه|مؤسستا)\b")
JOIN_PROCESS = re.compile(r"(عمليه|طلب|طلبات|مسار|مساعي|مسعي|مفاوضات|محادثات|خطه|خطط|ملف|ترشح|شروط|معايير|"
                          r"استعداد|رغبه|امكانيه|احتمال|فرص|فرصه|سعي|تسريع|بدء|اطلاق|تمهيد)\s+(لل|ل)?(ال)?انضمام")


def _member_on(ties: Ties, org: str, code: str, date: str):
    o = ties.org(org)
    return next((m for m in o.members_on(date) if m.code == code), None) if o else None


def _status_on(m, date: str, statuses: set[str]) -> bool:
    return any(p.status in statuses and p.covers(date) for p in m.status) if m else False


def _treaty_between(ties: Ties, a: str, b: str, date: str) -> list:
    out = []
    for tid in set(ties.by_code.get(a, [])) & set(ties.by_code.get(b, [])):
        t = ties.treaties[tid]
        if t.party_for(a) and t.party_for(b):
            out.append(t)
    return out


def _state_party(ties: Ties, code: str, agent: str | None) -> bool:
    """A state acting as a state: not an organisation, not a company, party, rebel group or the press."""
    from .reader import actor_index

    kind = actor_index().get(code, ("", "", ""))[2]
    return not ties.is_org(code) and kind in STATE_KINDS and agent in STATE_AGENTS


def _propose(e: dict, ties: Ties) -> dict | None:
    typ, mode, mod = e["event"], e["mode"], e["modality"] or "asserted"
    a, b, date = e["actor_code"], e["recipient_code"], e["date"]
    if not a or not b or not date or e["negated"] or mod not in ("asserted", "historical"):
        return None
    org_b, org_a = ties.org(b), ties.org(a)
    member, agent = (a, e["actor_agent"]) if org_b else (b, e["recipient_agent"])
    if (org_a or org_b) and not _state_party(ties, member, agent):
        return None  # memberships are of states
    text = normalize(e["sentence"] or "")
    if typ == "COOPERATE" and JOIN_PROCESS.search(text):
        return None
    if typ == "COOPERATE" and mode == "join" and org_b and not org_a:
        m = _member_on(ties, b, a, date)
        return {"change": "add_member", "organisation": org_b.code, "code": a, "date": date, "known": m is not None,
                "yaml": f"- {{code: {a}, joined: {date}, left: null}}   # under {org_b.code} members"}
    if typ == "SANCTION" and mode in ("withdraw", "discontinue") and org_b and not org_a:
        m = _member_on(ties, b, a, date)
        if mode == "discontinue":
            known = _status_on(m, date, {"frozen", "suspended", "ceased_participation", "inactive"})
            return {"change": "freeze_membership", "organisation": org_b.code, "code": a, "date": date,
                    "known": known or m is None,
                    "yaml": f"status: [{{status: frozen, from: {date}, to: null}}]   # {a} in {org_b.code}"}
        return {"change": "end_membership", "organisation": org_b.code, "code": a, "date": date, "known": m is None,
                "yaml": f"left: {date}   # {a} in {org_b.code}"}
    if typ == "SANCTION" and mode == "expel" and org_a and not org_b:
        m = _member_on(ties, a, b, date)
        return {"change": "suspend_member", "organisation": org_a.code, "code": b, "date": date,
                "known": m is None or _status_on(m, date, {"suspended"}),
                "yaml": f"status: [{{status: suspended, from: {date}, to: null}}]   # {b} in {org_a.code}"}
    if typ == "SUPPORT" and mode in ("sign", "ratify") and not org_a and not org_b:
        treaty_word = TREATY_WORDS.search(text)
        if not treaty_word or INITIALLED.search(text) or COMPANY_SIGNERS.search(text, 0, treaty_word.start()):
            return None
        if not (_state_party(ties, a, e["actor_agent"]) and _state_party(ties, b, e["recipient_agent"])):
            return None
        x, y = sorted((a, b))
        near = [t for t in _treaty_between(ties, x, y, date)
                if (t.signed and abs(al.days_between(t.signed, date)) <= SIGN_WINDOW_DAYS)
                or (t.in_force and abs(al.days_between(t.in_force, date)) <= SIGN_WINDOW_DAYS)]
        if mode == "ratify":
            known = any(t.in_force and abs(al.days_between(t.in_force, date)) <= SIGN_WINDOW_DAYS for t in near)
            target = near[0].id if near else None
            return {"change": "treaty_in_force", "treaty": target, "code": x, "partner": y, "date": date,
                    "known": known, "yaml": f"in_force: {date}   # {target or f'new treaty {x}-{y}'}"}
        types = [name for name, rx in OBLIGATION_WORDS if rx.search(text)][:1] or ["partnership"]
        tid = f"{x.lower()}-{y.lower()}-{date[:4]}"
        return {"change": "add_treaty", "treaty": tid, "code": x, "partner": y, "date": date, "known": bool(near),
                "yaml": (f"- id: {tid}\n  en: ''\n  ar: ''\n  parties: [{x}, {y}]\n  signed: {date}\n  in_force: null\n"
                         f"  terminated: null\n  obligations: [{{type: {types[0]}, article: null, text: ''}}]\n"
                         f"  certainty: uncertain\n  source: \"{e['source'] or ''} {e['doc_id']}\"")}
    return None


def suggest_ties(store: Store, ties: Ties | None = None, include_known: bool = False) -> list[dict]:
    """Proposed changes, oldest first, each with its evidence; known ones only when asked."""
    ties = ties or bundled_ties()
    rows = store.rows(
        """SELECT id, doc_id, event, mode, actor_code, actor_agent, recipient_code, recipient_agent, negated, modality,
                  date, sentence, source, cluster_id, dup
           FROM events WHERE ((event = 'SUPPORT' AND mode IN ('sign', 'ratify'))
                              OR (event = 'COOPERATE' AND mode = 'join')
                              OR (event = 'SANCTION' AND mode IN ('withdraw', 'discontinue', 'expel')))
             AND negated = 0 ORDER BY date, id""")
    props: dict[tuple, dict] = {}
    for e in rows:
        p = _propose(e, ties)
        if p is None or (p["known"] and not include_known):
            continue
        key = (p["change"], p.get("organisation") or p.get("treaty"), p["code"], p.get("partner"))
        cur = props.get(key)
        if cur is None:
            cur = props[key] = {**p, "happenings": 0, "evidence": [], "_clusters": set()}
        cid = e["cluster_id"] or e["id"]
        if cid not in cur["_clusters"]:
            cur["_clusters"].add(cid)
            cur["happenings"] += 1
        cur["evidence"].append({"event": e["id"], "doc_id": e["doc_id"], "date": e["date"], "source": e["source"],
                                "sentence": e["sentence"], "duplicate": bool(e["dup"])})
    out = []
    for p in props.values():
        p.pop("_clusters")
        out.append(p)
    out.sort(key=lambda p: (p["date"], p["change"], p["code"]))
    return out
