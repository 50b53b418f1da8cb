"""The framing lexicon (``data/lexicon/framing.yaml``): groups of terms with a stance per conflict, and finding
them in a text (after normalisation, with proclitics)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..text.normalize import normalize

PROCLITICS = r"(?:و|ف)?(?:ب|ل|ك)?(?:ال|لل)?"


def framing_path() -> Path:
    return Path(str(resources.files("marsad.data.lexicon").joinpath("framing.yaml")))


def _groups_from(data) -> list[dict]:
    """Accepts the documented list of {id, label, stance, terms}; also a mapping {id: [terms]} or
    {id: {terms, stance, label}}."""
    out = []
    if isinstance(data, dict):
        data = data.get("groups") or data.get("frames") or [
            {"id": k, **(v if isinstance(v, dict) else {"terms": v})} for k, v in data.items()]
    for g in data or []:
        if not isinstance(g, dict):
            continue
        gid = str(g.get("id") or g.get("name") or g.get("frame") or "")
        terms = [str(t) for t in (g.get("terms") or g.get("words") or g.get("patterns") or []) if str(t).strip()]
        if gid and terms:
            out.append({"id": gid, "label": str(g.get("label") or gid), "stance": str(g.get("stance") or "neutral"),
                        "conflict": gid.split(".")[0], "terms": terms})
    return out


@lru_cache(maxsize=4)
def load_framing(path: str | None = None) -> tuple[dict, ...]:
    p = Path(path) if path else framing_path()
    if not p.exists():
        return ()
    groups = _groups_from(yaml.safe_load(p.read_text(encoding="utf-8")))
    for g in groups:
        forms = sorted({normalize(t) for t in g["terms"]}, key=len, reverse=True)
        g["regex"] = re.compile(r"(?<![\w])" + PROCLITICS + "(" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")
    return tuple(groups)


def frame_hits(text: str, groups: tuple[dict, ...]) -> dict[str, set[str]]:
    """group id -> distinct (normalised) terms found in the text."""
    norm = normalize(text)
    out = {}
    for g in groups:
        found = {m.group(1) for m in g["regex"].finditer(norm)}
        if found:
            out[g["id"]] = found
    return out
