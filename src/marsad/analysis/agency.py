"""Whose behaviour an event is. A state's civilians, opposition or rebels acting are events but not the state's
behaviour; a non-state actor of its own (the Houthis, ISIS, the PKK: kind ``nsa`` or ``communal`` in the actor
dictionary) acts through its own fighters and members, so its REB/CVL/OPP agent is its own behaviour."""

from __future__ import annotations

from functools import lru_cache

from ..actors.dictionary import data_files
from ..data.yamlfile import safe_load
from . import alignment as al

OWN_AGENT_KINDS = ("nsa", "communal")


@lru_cache(maxsize=1)
def non_state_actors() -> frozenset[str]:
    """Codes of the dictionary's non-state actors; read from the YAML files only (the people files hold no
    such entries), which is much cheaper than building the dictionary."""
    codes: set[str] = set()
    for p in data_files():
        if p.name.startswith("people_"):
            continue
        data = safe_load(p.read_text(encoding="utf-8"))
        for x in data if isinstance(data, list) else []:
            if isinstance(x, dict) and x.get("kind") in OWN_AGENT_KINDS and x.get("code"):
                codes.add(str(x["code"]))
    return frozenset(codes)


def counts_for_actor(actor: str | None, agent: str | None) -> bool:
    """True when the act is behaviour of the actor code itself."""
    return agent not in al.NON_STATE_AGENTS or actor in non_state_actors()
