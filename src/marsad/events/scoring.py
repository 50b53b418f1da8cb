"""Scorer of the event stage against the real-news gold (``tests/gold/real_news.jsonl``, docs/annotation.md).

The gold points into the development corpus (file, article index, sentence offsets); each article is coded
whole and the events whose evidence sentence overlaps the gold sentence are compared with its gold events.
Three levels, each matched greedily on its own: type; type + actor country; type + actor + recipient country
(either order for symmetric events). Optional gold events are neither required nor counted against a
prediction. Groups count as the state they act in (HOU -> YEM), as the annotation guidelines code them.
Figures are printed for the dev and test halves separately.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from ..ingest.newsjson import read_news_zip
from ..records import Event

LEVELS = ("type", "type+actor", "type+actor+recipient")


def read_gold(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except ValueError as e:
                raise ValueError(f"{path}:{n}: invalid JSON ({e})") from None
            missing = [k for k in ("id", "split", "file", "index", "start", "end", "events") if k not in r]
            if missing:
                raise ValueError(f"{path}:{n}: missing {', '.join(missing)}")
            rows.append(r)
    return rows


def is_real_news(rows: list[dict]) -> bool:
    return bool(rows) and all("file" in r and "index" in r and "split" in r for r in rows)


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def _same(level: str, g: dict, e: tuple[str, str | None, str | None, bool]) -> bool:
    etype, pa, pr, sym = e
    if g["event"] != etype:
        return False
    ga, gr = (g.get("actor") or {}).get("country"), (g.get("recipient") or {}).get("country")
    either = sym or bool(g.get("symmetric"))
    if level == "type+actor":
        return pa == ga or (either and pr == ga)
    if level == "type+actor+recipient":
        return (pa, pr) == (ga, gr) or (either and (pr, pa) == (ga, gr))
    return True


def match(level: str, gold: list[dict], pred: list[tuple]) -> tuple[int, int, int, list[int], list[int]]:
    """(tp, fp, fn, unmatched gold indices, unmatched prediction indices) for one sentence."""
    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    optional = [i for i, g in enumerate(gold) if g.get("optional")]
    used: set[int] = set()
    tp, missed = 0, []
    for i in required + optional:
        j = next((j for j, e in enumerate(pred) if j not in used and _same(level, gold[i], e)), None)
        if j is not None:
            used.add(j)
            tp += i in required
        elif i in required:
            missed.append(i)
    extra = [j for j in range(len(pred)) if j not in used]
    return tp, len(extra), len(missed), missed, extra


def eval_real_news(gold: Path, corpus: Path, pipeline: Callable | None = None, group_country=None) -> dict:
    """Scores per split: {"dev": {...}, "test": {...}}; each with P/R/F1 per level, per type (type level),
    the share of event-free sentences given an event, and the sentence-level errors (dev only)."""
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline.default("events")
    if group_country is None:
        from ..actors.stage import bundled_dictionary

        entries = bundled_dictionary().entries

        def group_country(code):
            e = entries.get(code or "")
            return (e.country or code) if e is not None and e.kind in ("nsa", "communal") else code

    rows = read_gold(gold)
    need: dict[str, set[int]] = {}
    for r in rows:
        need.setdefault(r["file"], set()).add(r["index"])
    docs = {}
    for name, idx in need.items():
        path = corpus / name
        if not path.exists():
            raise FileNotFoundError(f"{path}: the real-news gold points into the development corpus; "
                                    f"give --corpus (default ../shared/corpora/saudinewsnet)")
        for d in read_news_zip(path):
            if hasattr(d, "origin") and int(d.origin["index"]) in idx:
                docs[(name, int(d.origin["index"]))] = d
    coded: dict[tuple, tuple] = {}
    out: dict[str, dict] = {}
    for split in ("dev", "test"):
        counts = {lv: Counter() for lv in LEVELS}
        per_type: dict[str, Counter] = {}
        free = free_hit = 0
        errors = []
        for r in (x for x in rows if x["split"] == split):
            key = (r["file"], r["index"])
            if key not in coded:
                p = pipeline(docs[key])
                coded[key] = (p.sentences, p.events)
            sentences, events = coded[key]
            sids = {s.idx for s in sentences if s.start < r["end"] and r["start"] < s.end}
            evs: list[Event] = [e for e in events if e.sentence_idx in sids]
            # a group's country is the event's own (ISIL in Iraq: IRQ), else its dictionary entry's
            pred = [(e.event, e.actor.country or group_country(e.actor.code),
                     e.recipient.country or group_country(e.recipient.code), e.symmetric) for e in evs]
            gold_events = r["events"]
            for lv in LEVELS:
                tp, fp, fn, missed, extra = match(lv, gold_events, pred)
                counts[lv].update(tp=tp, fp=fp, fn=fn)
                if lv == "type":
                    for g in gold_events:
                        if not g.get("optional"):
                            per_type.setdefault(g["event"], Counter())["gold"] += 1
                    for i in missed:
                        per_type.setdefault(gold_events[i]["event"], Counter())["fn"] += 1
                    for j in extra:
                        per_type.setdefault(pred[j][0], Counter())["fp"] += 1
                if lv == "type+actor+recipient" and (missed or extra) and split == "dev":
                    errors.append({"id": r["id"], "missed": [gold_events[i] for i in missed],
                                   "extra": [{"event": evs[j].event, "actor": pred[j][1], "recipient": pred[j][2],
                                              "trigger": evs[j].event_text, "pattern": evs[j].pattern}
                                             for j in extra]})
            if not any(not g.get("optional") for g in gold_events):
                free += 1
                _, fp, _, _, _ = match("type", gold_events, pred)
                free_hit += fp > 0
        out[split] = {
            "sentences": sum(x["split"] == split for x in rows),
            **{lv: _prf(c["tp"], c["fp"], c["fn"]) for lv, c in counts.items()},
            "per_type": {t: _prf(c["gold"] - c["fn"], c["fp"], c["fn"]) for t, c in sorted(per_type.items())},
            "event_free_sentences": free,
            "event_free_given_event": round(free_hit / free, 3) if free else None,
            "errors": errors,
        }
    return out
