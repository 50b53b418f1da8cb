"""War fronts (data/ontology/fronts.yaml): the side a projectile or shelling came from when a report on the other
side of a border names no attacker ("استشهاد الجندي … بعد إصابته بمقذوف بقطاع جيزان" in 2015: fired from Yemen).
Only the place names and the period decide; the coder asks only for projectiles and shelling."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import yaml

from ..records import Token
from ..text.normalize import normalize

FIELDS = {"id", "attacked", "origin", "agent", "period", "places"}


@dataclass(frozen=True, slots=True)
class Front:
    id: str
    attacked: str
    origin: str
    agent: str
    start: str
    end: str
    places: frozenset[tuple[str, ...]]  # normalised words of each place name


def _iso(x) -> bool:
    s = str(x)
    return len(s) == 10 and s[4] == "-" and s[7] == "-" and s.replace("-", "").isdigit()


def parse_fronts(data, where: str = "fronts.yaml") -> tuple[list[Front], list[str]]:
    problems: list[str] = []
    out: list[Front] = []
    if not isinstance(data, list):
        return [], [f"{where}: expected a list of fronts"]
    for i, e in enumerate(data):
        at = f"{where}: entry {i + 1}"
        if not isinstance(e, dict):
            problems.append(f"{at}: expected a mapping")
            continue
        missing, unknown = FIELDS - set(e), set(e) - FIELDS
        if missing or unknown:
            problems.append(f"{at}: missing {sorted(missing)}, unknown {sorted(unknown)}")
            continue
        codes = [e["attacked"], e["origin"]]
        if not all(isinstance(c, str) and len(c) == 3 and c.isupper() for c in codes) or codes[0] == codes[1]:
            problems.append(f"{at} ({e['id']}): attacked and origin must be two different ISO alpha-3 codes")
            continue
        p = e["period"]
        if not (isinstance(p, list) and len(p) == 2 and all(_iso(x) for x in p) and str(p[0]) <= str(p[1])):
            problems.append(f"{at} ({e['id']}): period must be [YYYY-MM-DD, YYYY-MM-DD], start first")
            continue
        if not (isinstance(e["places"], list) and e["places"] and all(isinstance(x, str) and x.strip() for x in e["places"])):
            problems.append(f"{at} ({e['id']}): places must be a non-empty list of names")
            continue
        out.append(Front(str(e["id"]), e["attacked"], e["origin"], str(e["agent"]), str(p[0]), str(p[1]),
                         frozenset(tuple(normalize(w) for w in x.split()) for x in e["places"])))
    return out, problems


def load_fronts() -> tuple[list[Front], list[str]]:
    text = resources.files("marsad.data.ontology").joinpath("fronts.yaml").read_text(encoding="utf-8")
    return parse_fronts(yaml.safe_load(text))


def front_of(fronts: list[Front], tokens: list[Token], date: str | None, where: str | None) -> Front | None:
    """The front whose place the sentence names, on the date, when the sentence's place (if any) is the attacked
    state's. A place's word is read with its prepositions split off (بقطاع جيزان، بجازان)."""
    if not date:
        return None
    # each word as written, without its proclitics, and with its article kept (بالحد الجنوبي -> الحد)
    words = [{t.norm, t.base} | ({"ال" + t.base} if "ال" in t.prefix else set()) for t in tokens]
    for f in fronts:
        if not (f.start <= date[:10] <= f.end) or (where and where != f.attacked):
            continue
        for name in f.places:
            n = len(name)
            if any(all(name[j] in words[k + j] for j in range(n)) for k in range(len(tokens) - n + 1)):
                return f
    return None
