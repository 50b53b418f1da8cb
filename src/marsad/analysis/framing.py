"""How each outlet presents each major actor, measured from the events it reports rather than from word counts.

Per outlet and actor (events where the actor is a party; negated events and near-duplicate reprints left out):
- ``tone_as_actor``: mean intensity (PLOVER, -10..+10) of the acts the outlet reports the actor doing;
- ``tone_as_target``: mean intensity of the acts it reports done to the actor;
- ``relative_tone``: ``tone_as_actor`` minus the same mean over every outlet: an outlet that reports mostly the
  actor's hostile acts, where others report its cooperation too, is below zero;
- ``own_voice``: share of those events told in the actor's own words (attribution to the actor) — an outlet that
  quotes one side gives it the story;
- ``shared``: on happenings that other outlets report too (the same two parties within three days, whatever
  type each outlet coded), the mean
  difference between this outlet's intensity and the mean of the outlets' intensities for the same happening —
  the part of the tone that is framing, not choice of news; ``shared_n`` happenings;
- ``framing_terms``: hits of ``data/lexicon/framing.yaml`` groups (by stance) in the evidence sentences;
- ``evidence``: the events furthest from neutral, with their sentence and document, one click away.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from statistics import fmean

from ..store.db import Store
from .framing_cache import event_hits
from .framing_terms import load_framing

UNKNOWN_SOURCE = "(unknown)"
SIDES = ("actor", "recipient")
SAME_HAPPENING_DAYS = 3  # reports of one pair this close in time are taken as one happening


def _events(store: Store) -> list[dict]:
    return store.rows(
        f"""SELECT id, doc_id, COALESCE(NULLIF(source, ''), '{UNKNOWN_SOURCE}') AS source, event, intensity,
                   actor_code, recipient_code, attribution_code, cluster_id, sentence, date
            FROM events WHERE negated = 0 AND dup = 0 AND (actor_code IS NOT NULL OR recipient_code IS NOT NULL)""")


def happenings(events: list[dict], window_days: int = SAME_HAPPENING_DAYS) -> dict[str, int]:
    """event id -> happening number: the same two parties within a few days, whatever type each outlet coded
    (one outlet's "aid" is another's "troops sent"), so that outlets can be compared on the same happening."""
    import datetime as dt

    by_pair: dict[tuple, list[dict]] = defaultdict(list)
    for e in events:
        if e["actor_code"] and e["recipient_code"] and e["date"]:
            by_pair[tuple(sorted((e["actor_code"], e["recipient_code"])))].append(e)
    out, n = {}, 0
    for evs in by_pair.values():
        evs.sort(key=lambda e: e["date"])
        start = None
        for e in evs:
            day = dt.date.fromisoformat(e["date"][:10])
            if start is None or (day - start).days > window_days:
                n, start = n + 1, day
            out[e["id"]] = n
    return out


def _shared_deviations(events: list[dict]) -> dict[tuple[str, str], list[float]]:
    """(outlet, actor) -> this outlet's intensity minus the outlets' mean, per happening several outlets report
    with the actor as the doer."""
    group = happenings(events)
    by_happening: dict[tuple[int, str], dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for e in events:
        if e["id"] in group:
            by_happening[(group[e["id"]], e["actor_code"])][e["source"]].append(e["intensity"] or 0.0)
    out: dict[tuple[str, str], list[float]] = defaultdict(list)
    for (_happening, actor), per_outlet in by_happening.items():
        if len(per_outlet) < 2:
            continue
        means = {src: fmean(v) for src, v in per_outlet.items()}
        overall = fmean(means.values())
        for src, m in means.items():
            out[(src, actor)].append(m - overall)
    return out


def outlet_stances(store: Store, actors: int = 8, min_events: int = 2, evidence: int = 3,
                   framing: str | None = None) -> dict[str, list[dict]]:
    """outlet -> one row per major actor it reports (its ``actors`` most reported, ``min_events`` or more)."""
    events = _events(store)
    groups = load_framing(framing)
    stance_of = {g["id"]: g["stance"] for g in groups}
    per: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: {"actor": [], "recipient": []})
    overall_as_actor: dict[str, list[float]] = defaultdict(list)
    for e in events:
        for side in SIDES:
            code = e[f"{side}_code"]
            if code and code != (e["recipient_code"] if side == "actor" else e["actor_code"]):
                per[(e["source"], code)][side].append(e)
        if e["actor_code"]:
            overall_as_actor[e["actor_code"]].append(e["intensity"] or 0.0)
    shared = _shared_deviations(events)
    hits = event_hits(store, events, groups) if groups else {}  # measured once per document, kept in the store
    out: dict[str, list[dict]] = defaultdict(list)
    for (src, code), sides in per.items():
        evs = sides["actor"] + sides["recipient"]
        if len(evs) < min_events:
            continue
        doing = [e["intensity"] or 0.0 for e in sides["actor"]]
        done_to = [e["intensity"] or 0.0 for e in sides["recipient"]]
        terms: Counter = Counter()
        for e in evs:
            for gid in hits.get(e["id"], ()):
                terms[stance_of[gid]] += 1
        devs = shared.get((src, code), [])
        strongest = sorted(evs, key=lambda e: (-abs(e["intensity"] or 0.0), e["date"] or "", e["id"]))[:evidence]
        out[src].append({
            "code": code, "events": len(evs), "as_actor": len(doing), "as_target": len(done_to),
            "tone_as_actor": round(fmean(doing), 2) if doing else None,
            "tone_as_target": round(fmean(done_to), 2) if done_to else None,
            "relative_tone": round(fmean(doing) - fmean(overall_as_actor[code]), 2) if doing else None,
            "own_voice": round(sum(1 for e in evs if e["attribution_code"] == code) / len(evs), 2),
            "shared": round(fmean(devs), 2) if devs else None, "shared_n": len(devs),
            "framing_terms": dict(terms.most_common()),
            "evidence": [{"event": e["id"], "doc_id": e["doc_id"], "date": e["date"], "event_type": e["event"],
                          "intensity": e["intensity"], "role": "actor" if e["actor_code"] == code else "target",
                          "sentence": e["sentence"]} for e in strongest],
        })
    for src in out:
        out[src].sort(key=lambda r: (-r["events"], r["code"]))
        del out[src][actors:]
    return dict(out)


METHOD = ("Stance is measured from the events each outlet reports about an actor: the mean intensity (−10 hostile … "
          "+10 cooperative) of the acts it reports the actor doing and suffering, that tone relative to all outlets, "
          "the share told in the actor's own words, and — on happenings several outlets report — how far this "
          "outlet's coding of the same happening lies from the others'. Framing-lexicon terms found in those "
          "sentences are listed by stance. Negated events and reprints are left out; each row links to its evidence.")
