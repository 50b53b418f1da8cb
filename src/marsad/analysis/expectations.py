"""Parsing and validation of the analyst expectations (``data/ties/expectations.yaml``); evaluation is in
``checklist.py``. Kept apart so that ``marsad dict check`` validates the file without loading the analysis."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

KINDS = {"rank": {"of", "above", "below"}, "level": {"pair"}, "drift": {"pair", "since", "direction"},
         "whatif": {"target"}, "formal": {"pair", "defence"}}
OPTIONAL = {"id", "kind", "as_of", "reason", "min", "max", "by", "at_least", "obliged", "not_obliged",
            "not_aligned", "not_listed", "not_via", "depth", "tie"}


@dataclass(frozen=True)
class Expectation:
    id: str
    kind: str
    reason: str
    spec: dict


def parse_expectations(data: Any, where: str, problems: list[str], known: set[str] | None = None) -> list[Expectation]:
    out: list[Expectation] = []
    if not isinstance(data, list):
        problems.append(f"{where}: top level must be a list")
        return out
    seen: set[str] = set()
    for i, x in enumerate(data):
        w = f"{where}[{i}]"
        if not isinstance(x, dict) or x.get("kind") not in KINDS:
            problems.append(f"{w}: needs a kind, one of {sorted(KINDS)}")
            continue
        eid = str(x.get("id") or "")
        w = f"{where} {eid or i}"
        if not eid or eid in seen:
            problems.append(f"{w}: needs a unique id")
        seen.add(eid)
        missing = KINDS[x["kind"]] - set(x)
        unknown = set(x) - KINDS[x["kind"]] - OPTIONAL
        if missing:
            problems.append(f"{w}: missing {sorted(missing)}")
        if unknown:
            problems.append(f"{w}: unknown keys {sorted(unknown)}")
        if not x.get("reason"):
            problems.append(f"{w}: every expectation needs a reason")
        codes = [x.get(k) for k in ("of", "above", "below", "target", "by") if x.get(k)]
        codes += list(x.get("pair") or []) + [c for k in ("obliged", "not_obliged", "not_aligned", "not_listed")
                                              for c in x.get(k) or []]
        if "pair" in x and (not isinstance(x["pair"], list) or len(x["pair"]) != 2):
            problems.append(f"{w}: pair must be two codes")
        if x["kind"] == "drift" and x.get("direction") not in ("up", "down"):
            problems.append(f"{w}: direction must be up or down")
        if known is not None:
            for c in codes:
                if c not in known:
                    problems.append(f"{w}: code {c} not in the actor dictionary")
        for k in ("as_of", "since"):
            if k in x and not _is_date(x[k]):
                problems.append(f"{w}: {k} '{x[k]}' is not a YYYY-MM-DD date")
        out.append(Expectation(eid, x["kind"], str(x.get("reason") or ""), dict(x)))
    return out


def _is_date(v: Any) -> bool:
    try:
        dt.date.fromisoformat(str(v))
        return True
    except ValueError:
        return False


# Named checklists: the 2022-2025 one (demo + seeds) and the mid-2015 one for the development press corpus, each
# with the date its expectations default to.
CHECKLISTS = {"current": ("expectations.yaml", "2025-12-31"), "press": ("expectations_press.yaml", "2015-08-10")}


def checklist_path(name: str = "current") -> Path:
    return Path(str(resources.files("marsad.data.ties"))) / CHECKLISTS[name][0]


def load_expectations(path: Path | None = None, known: set[str] | None = None) -> tuple[list[Expectation], list[str]]:
    p = path or checklist_path()
    problems: list[str] = []
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        return [], [f"{p.name}: cannot read ({e})"]
    return parse_expectations(data, p.name, problems, known), problems
