"""Outlets and their states (data/actors/context/outlets.yaml): المملكة and البلاد in an article resolve from them.

In Saudi press المملكة is Saudi Arabia unless the article has named another kingdom (المملكة الأردنية الهاشمية …,
then that one); البلاد is the state the article last named, else the outlet's own state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from urllib.parse import urlsplit

from ..data.yamlfile import checked
from ..records import Document
from ..text.normalize import normalize


@dataclass
class Outlets:
    country: dict[str, str] = field(default_factory=dict)  # outlet id, host or normalised name -> state code
    problems: list[str] = field(default_factory=list)

    def of(self, doc: Document) -> str | None:
        """The state of a document's outlet, or None when the outlet is unknown."""
        src = (doc.source or "").strip()
        for k in (src.lower(), _host(src), normalize(src), _host(doc.url)):
            if k and k in self.country:
                return self.country[k]
        return None


def _host(url: str) -> str:
    if "/" not in url and "." not in url:
        return ""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:  # a malformed URL ("http://[::1") names no outlet
        return ""
    return host.lower().removeprefix("www.")


def load_outlets(text: str | None = None, where: str = "context/outlets.yaml",
                 codes: set[str] | None = None) -> Outlets:
    if text is None:
        text = resources.files("marsad.data.actors").joinpath("context", "outlets.yaml").read_text(encoding="utf-8")
    o = Outlets()
    data = checked(text, where, list, "a list of outlets", o.problems)
    if data is None:
        return o
    for i, item in enumerate(data):
        w = f"{where}[{i}]"
        if not isinstance(item, dict) or not item.get("outlet") or not item.get("country"):
            o.problems.append(f"{w}: an outlet needs 'outlet' and 'country'")
            continue
        unknown = set(item) - {"outlet", "names", "hosts", "country", "city"}
        if unknown:
            o.problems.append(f"{w} ({item['outlet']}): unknown field(s) {sorted(unknown)}")
        code = str(item["country"])
        if codes is not None and code not in codes:
            o.problems.append(f"{w} ({item['outlet']}): country {code} is not in the actor dictionary")
        keys = [str(item["outlet"]).lower()] + [str(h).lower().removeprefix("www.") for h in item.get("hosts") or []]
        keys += [normalize(str(n)) for n in item.get("names") or []]
        for k in keys:
            if o.country.get(k, code) != code:
                o.problems.append(f"{w} ({item['outlet']}): '{k}' already names an outlet of {o.country[k]}")
            o.country[k] = code
    return o
