"""PLOVER ontology as data (data/ontology/plover.yaml): types, modes, contexts, intensity, quad class, CAMEO root."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..data import yamlfile

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass
class EventType:
    name: str
    quad: str
    cameo_root: str
    intensity: float
    definition: str = ""
    modes: dict[str, float] = field(default_factory=dict)  # mode -> intensity

    def intensity_of(self, mode: str | None) -> float:
        return self.modes.get(mode, self.intensity) if mode else self.intensity


@dataclass
class Ontology:
    types: dict[str, EventType]
    contexts: dict[str, str]
    problems: list[str] = field(default_factory=list)

    def get(self, name: str) -> EventType:
        return self.types[name]


def parse_ontology(data: dict, where: str = "plover.yaml") -> Ontology:
    problems: list[str] = []
    types: dict[str, EventType] = {}
    contexts: dict[str, str] = {}
    raw_ctx = data.get("contexts") or []
    for c in raw_ctx:
        if isinstance(c, dict):
            contexts[str(c.get("name"))] = str(c.get("definition") or "")
        else:
            contexts[str(c)] = ""
    for i, t in enumerate(data.get("types") or []):
        w = f"{where} types[{i}]"
        name = t.get("name")
        if name not in PLOVER_TYPES:
            problems.append(f"{w}: '{name}' is not a PLOVER type")
            continue
        if t.get("quad") not in QUADS:
            problems.append(f"{w} ({name}): quad '{t.get('quad')}' not one of {QUADS}")
        try:
            inten = float(t.get("intensity"))
        except (TypeError, ValueError):
            problems.append(f"{w} ({name}): intensity must be a number")
            inten = 0.0
        if not -10 <= inten <= 10:
            problems.append(f"{w} ({name}): intensity {inten} outside -10..10")
        modes = {}
        for m in t.get("modes") or []:
            mi = m.get("intensity", inten)
            modes[str(m.get("name"))] = float(mi if mi is not None else inten)
        types[name] = EventType(name, str(t.get("quad")), str(t.get("cameo_root") or ""), inten,
                                str(t.get("definition") or ""), modes)
    for name in PLOVER_TYPES:
        if name not in types:
            problems.append(f"{where}: PLOVER type {name} is missing")
    return Ontology(types, contexts, problems)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    text = resources.files("marsad.data.ontology").joinpath("plover.yaml").read_text(encoding="utf-8")
    return parse_ontology(yamlfile.safe_load(text))
