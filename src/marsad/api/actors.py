"""Actor look-up over the bundled dictionary (names in Arabic and English, codes) and formal ties."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

import yaml

from ..text.normalize import normalize_space


@dataclass(frozen=True)
class ActorInfo:
    code: str
    name_ar: str
    name_en: str
    kind: str
    entry: str  # dictionary entry id (the code, or a person's slug)
    keys: str  # every normalised name, Arabic and Latin, for searching

    def to_dict(self) -> dict:
        return {"code": self.code, "name_ar": self.name_ar, "name_en": self.name_en, "kind": self.kind,
                "entry": self.entry}


def _current_role(entry):
    roles = sorted(entry.roles, key=lambda r: (r.end is None, r.end or "", r.start or ""))
    return roles[-1] if roles else None


class ActorIndex:
    """Built once per app from the dictionary (read-only afterwards)."""

    def __init__(self, dictionary=None):
        if dictionary is None:
            from ..actors.stage import bundled_dictionary

            dictionary = bundled_dictionary()
        aliases: dict[str, list[str]] = {}
        for n in dictionary.names:
            aliases.setdefault(n.entry, []).append(" ".join(n.keys))
        self.items: list[ActorInfo] = []
        self.by_code: dict[str, ActorInfo] = {}
        for e in dictionary.entries.values():
            code = e.code
            if code is None:
                role = _current_role(e)
                if role is None or not role.code:
                    continue
                code = role.code
            keys = " | ".join([normalize_space(e.ar), e.en.lower(), code.lower(), e.id.lower(), *aliases.get(e.id, [])])
            info = ActorInfo(code=code, name_ar=e.ar, name_en=e.en, kind=e.kind, entry=e.id, keys=keys)
            self.items.append(info)
            if e.code and e.code not in self.by_code:
                self.by_code[e.code] = info
        self.items.sort(key=lambda i: (i.kind == "person", i.code, i.entry))

    def names(self) -> dict[str, dict]:
        return {c: {"ar": i.name_ar, "en": i.name_en} for c, i in sorted(self.by_code.items())}

    def search(self, q: str | None) -> list[ActorInfo]:
        if not q or not q.strip():
            return [i for i in self.items if i.kind != "person"]
        q_norm = normalize_space(q).lower()
        code = q.strip().upper()
        ranked = []
        for i in self.items:
            if i.code == code and i.entry == i.code:
                rank = 0
            elif q_norm in (normalize_space(i.name_ar), i.name_en.lower()):
                rank = 1
            elif i.code.startswith(code) and i.entry == i.code:
                rank = 2
            elif q_norm in i.keys:
                rank = 3
            else:
                continue
            ranked.append((rank, i.kind == "person", i.code, i.entry, i))
        return [r[-1] for r in sorted(ranked, key=lambda r: r[:4])]


def _d(value) -> str | None:
    return value.isoformat() if isinstance(value, date) else (str(value) if value else None)


@lru_cache(maxsize=1)
def _ties_data() -> tuple[list, list]:
    folder = resources.files("marsad.data.ties")
    orgs = yaml.safe_load(folder.joinpath("organisations.yaml").read_text(encoding="utf-8")) or []
    treaties = yaml.safe_load(folder.joinpath("treaties.yaml").read_text(encoding="utf-8")) or []
    return orgs, treaties


def formal_ties(code: str, as_of: str | None = None) -> dict:
    """Organisations the actor belongs to and treaties it is party to, on ``as_of`` (default: today)."""
    day = as_of or date.today().isoformat()
    code = code.upper()
    orgs, treaties = _ties_data()
    members = []
    for org in orgs:
        for m in org.get("members") or []:
            joined, left = _d(m.get("joined")), _d(m.get("left"))
            if m.get("code") == code and (joined or "") <= day and (left is None or left > day):
                members.append({"code": org.get("code"), "name_ar": org.get("ar", ""), "name_en": org.get("en", ""),
                                "joined": joined, "obligations": sorted({o.get("type") for o in org.get("obligations") or []
                                                                         if o.get("type")})})
    parties = []
    for t in treaties:
        signed, ended = _d(t.get("signed")), _d(t.get("terminated"))
        if code in (t.get("parties") or []) and (signed or "") <= day and (ended is None or ended > day):
            parties.append({"id": t.get("id"), "name_ar": t.get("ar", ""), "name_en": t.get("en", ""),
                            "parties": t.get("parties"), "signed": signed, "in_force": _d(t.get("in_force")),
                            "obligations": sorted({o.get("type") for o in t.get("obligations") or [] if o.get("type")})})
    members.sort(key=lambda m: (m["code"] or ""))
    parties.sort(key=lambda t: (t["signed"] or "", t["id"] or ""))
    return {"as_of": day, "organisations": members, "treaties": parties}
