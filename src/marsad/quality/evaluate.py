"""Scorers against gold files: each stage has its own (``marsad eval actors|events``).

Actors: a predicted mention is correct when it overlaps a gold mention of the same code (each gold used once).
Events: gold and predictions are compared per sentence; an event matches when its type agrees (greedy, one
to one); actor/recipient code accuracy is measured on matched pairs (symmetric events in either order).
The third-party PROTEST set (../shared/eval) is scored with its own measures (see README).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest.readers import make_document
from ..pipeline import Pipeline
from ..records import Event


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def read_jsonl(path: Path) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise ValueError(f"{path}:{i}: invalid JSON ({e})") from None
    return out


SEED_DATES = {  # publication dates of the seed articles: not in the files, estimated from their content
    "000_37acb0a4d0c7e998.txt": "2025-05-15",  # Kursk "liberated" (April 2025) is past
    "001_8a7be7528faee170.txt": "2025-11-27",  # Putin's Bishkek visit, CSTO summit of 27 Nov 2025
    "002_66bdd0e495e7da2e.txt": "2022-09-16",  # US intelligence report on DPRK shells, Sept 2022
    "003_1428729a5b6ad7d9.txt": "2024-06-22",  # "الأربعاء الماضي" = Putin in Pyongyang, 19 June 2024
    "004_926e420f9a451382.txt": "2024-06-22",
}


def seed_document(seeds: Path, name: str):
    text = (seeds / name).read_text(encoding="utf-8")
    title = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return make_document(text, str(seeds / name), title, published=SEED_DATES.get(name))


def eval_actors(gold: Path, seeds: Path, pipeline: Pipeline | None = None) -> dict:
    pipeline = pipeline or Pipeline.default("actors")
    rows = read_jsonl(gold)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_doc[r["doc"]].append(r)
    tp = fp = fn = 0
    misses: list[dict] = []
    wrong: list[dict] = []
    per_code: dict[str, Counter] = defaultdict(Counter)
    for name in sorted(by_doc):
        p = pipeline(seed_document(seeds, name))
        pred = [m for m in p.mentions]
        golds = by_doc[name]
        used = set()
        for m in pred:
            hit = next((i for i, g in enumerate(golds) if i not in used and g["code"] == m.code
                        and m.start < g["end"] and g["start"] < m.end), None)
            if hit is None:
                fp += 1
                per_code[m.code]["fp"] += 1
                wrong.append({"doc": name, "text": m.text, "code": m.code, "start": m.start})
            else:
                used.add(hit)
                tp += 1
                per_code[m.code]["tp"] += 1
        for i, g in enumerate(golds):
            if i not in used:
                fn += 1
                per_code[g["code"]]["fn"] += 1
                misses.append({"doc": name, "text": g["text"], "code": g["code"], "start": g["start"]})
    return {"overall": _prf(tp, fp, fn), "gold": len(rows),
            "per_code": {c: _prf(v["tp"], v["fp"], v["fn"]) for c, v in sorted(per_code.items())},
            "false_positives": wrong, "misses": misses}


# -- events -----------------------------------------------------------------------------------------

@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    actor_ok: int = 0
    actor_n: int = 0
    recipient_ok: int = 0
    recipient_n: int = 0
    modality_errors: list[dict] = field(default_factory=list)
    asserted_when_not: int = 0
    not_asserted_gold: int = 0

    def report(self) -> dict:
        types = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        return {
            "overall": _prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())),
            "per_type": {t: _prf(self.tp[t], self.fp[t], self.fn[t]) for t in types},
            "actor_accuracy": round(self.actor_ok / self.actor_n, 3) if self.actor_n else None,
            "recipient_accuracy": round(self.recipient_ok / self.recipient_n, 3) if self.recipient_n else None,
            "actor_n": self.actor_n, "recipient_n": self.recipient_n,
            "negated_or_future_coded_as_asserted": self.asserted_when_not,  # hypothetical counted too
            "negated_or_future_gold": self.not_asserted_gold,
            "modality_errors": self.modality_errors[:50],
        }


def _status(negated: bool, modality: str) -> str:
    return "negated" if negated else modality


def score_sentence(s: Scores, gold_events: list[dict], pred: list[Event], sid: str) -> None:
    used: set[int] = set()
    for g in gold_events:
        gs = _status(bool(g.get("negated")), g.get("modality") or "asserted")
        unreal = gs in ("negated", "future", "hypothetical")  # acts that did not (yet) happen
        if unreal:
            s.not_asserted_gold += 1
        best = None
        for i, e in enumerate(pred):
            if i in used or e.event != g["event"]:
                continue
            score = _arg_score(g, e)
            if best is None or score > best[1]:
                best = (i, score)
        if best is None:
            s.fn[g["event"]] += 1
            continue
        used.add(best[0])
        e = pred[best[0]]
        s.tp[g["event"]] += 1
        ga, gr = (g.get("actor") or {}).get("country"), (g.get("recipient") or {}).get("country")
        pa, pr = e.actor.code, e.recipient.code
        if g.get("symmetric") or e.symmetric:
            if {ga, gr} == {pr, pa}:
                pa, pr = ga, gr
        if ga:
            s.actor_n += 1
            s.actor_ok += int(pa == ga)
        if gr:
            s.recipient_n += 1
            s.recipient_ok += int(pr == gr)
        ps = _status(e.negated, e.modality)
        if unreal and ps == "asserted":
            s.asserted_when_not += 1
        if gs != ps:
            s.modality_errors.append({"id": sid, "event": g["event"], "gold": gs, "pred": ps, "trigger": e.event_text})
    for i, e in enumerate(pred):
        if i not in used:
            s.fp[e.event] += 1


def _arg_score(g: dict, e: Event) -> int:
    ga, gr = (g.get("actor") or {}).get("country"), (g.get("recipient") or {}).get("country")
    return int(ga == e.actor.code) + int(gr == e.recipient.code) + int({ga, gr} == {e.actor.code, e.recipient.code})


def code_text(pipeline: Pipeline, text: str, date: str | None, doc_id: str = "eval") -> list[Event]:
    """Code one piece of text as a document of its own (the unit of ``marsad extract``)."""
    doc = make_document(text, doc_id, "", published=date)
    return pipeline(doc).events


def eval_events(gold: Path, seeds: Path | None = None, pipeline: Pipeline | None = None) -> dict:
    """Project-format gold: lines with "text", or "doc"+"start"+"end" pointing into the seeds."""
    pipeline = pipeline or Pipeline.default("events")
    rows = read_jsonl(gold)
    s = Scores()
    processed: dict[str, list] = {}
    for r in rows:
        if "doc" in r:
            if seeds is None:
                raise ValueError(f"{gold}: lines point into seed articles; give --seeds")
            if r["doc"] not in processed:
                p = pipeline(seed_document(seeds, r["doc"]))
                processed[r["doc"]] = [p.sentences, p.events]
            sentences, events = processed[r["doc"]]
            # predictions whose evidence sentence overlaps the gold span
            sids = {x.idx for x in sentences if x.start < r["end"] and r["start"] < x.end}
            pred = [e for e in events if e.sentence_idx in sids]
        else:
            pred = code_text(pipeline, r["text"], r.get("date"), r.get("id", "eval"))
        score_sentence(s, r.get("events") or [], pred, r.get("id", ""))
    # seed documents: events in sentences with no gold line are false positives
    if processed:
        gold_spans = defaultdict(list)
        for r in rows:
            if "doc" in r:
                gold_spans[r["doc"]].append((r["start"], r["end"]))
        for doc, (sentences, events) in processed.items():
            covered = {x.idx for x in sentences for a, b in gold_spans[doc] if x.start < b and a < x.end}
            for e in events:
                if e.sentence_idx not in covered:
                    s.fp[e.event] += 1
    out = s.report()
    out["sentences"] = len(rows)
    return out


def eval_protest(gold: Path, pipeline: Pipeline | None = None) -> dict:
    """UniversalPetrarch's Arabic PROTEST gold: share found, actor/recipient country accuracy, agent accuracy."""
    pipeline = pipeline or Pipeline.default("events")
    from ..actors.stage import bundled_dictionary

    entries = bundled_dictionary().entries

    def country(code: str | None) -> str | None:
        """The gold codes countries; a group (HEZ) counts as its state (LBN), an IGO as itself."""
        e = entries.get(code or "")
        return (e.country or code) if e is not None and e.kind in ("nsa", "communal") else code

    rows = read_jsonl(gold)
    found = 0
    a_ok = a_n = r_ok = r_n = ag_ok = ag_n = 0
    for r in rows:
        date = r.get("date")
        events = [e for e in code_text(pipeline, r["text"], date, r.get("id", "eval")) if e.event == "PROTEST"]
        g = (r.get("events") or [{}])[0]
        if events:
            found += 1
        ga = (g.get("actor") or {}).get("country")
        gr = (g.get("recipient") or {}).get("country")
        gag = (g.get("actor") or {}).get("agent")
        e = events[0] if events else None
        if ga:
            a_n += 1
            a_ok += int(bool(e) and country(e.actor.code) == ga)
        if gr:
            r_n += 1
            r_ok += int(bool(e) and country(e.recipient.code) == gr)
        if gag:
            ag_n += 1
            ag_ok += int(bool(e) and e.actor.agent == gag)
    n = len(rows)
    return {"sentences": n, "protest_found": found, "protest_found_share": round(found / n, 3) if n else 0,
            "actor_country_accuracy": round(a_ok / a_n, 3) if a_n else None, "actor_country_n": a_n,
            "recipient_country_accuracy": round(r_ok / r_n, 3) if r_n else None, "recipient_country_n": r_n,
            "actor_agent_accuracy": round(ag_ok / ag_n, 3) if ag_n else None, "actor_agent_n": ag_n}


def gold_kind(rows: list[dict]) -> str:
    """"protest" for the third-party PROTEST set (one PROTEST event a sentence, no modality fields),
    "marsad" for the project's own format (docs/formats.md)."""
    events = [e for r in rows for e in r.get("events") or []]
    if rows and all("doc" not in r for r in rows) and events and all(e.get("event") == "PROTEST" for e in events) \
            and not any("modality" in e or "negated" in e for e in events):
        return "protest"
    return "marsad"
