"""Event stage of the pipeline: each content sentence's tokens and mentions -> events."""

from __future__ import annotations

from ..actors.stage import bundled_outlets
from ..records import Processed
from .coder import EventCoder, coalition_leader, event_id
from .parties import border_crossers, domestic_organs, outlet_offices, pronoun_victims


class EventStage:
    name = "events"

    def __init__(self, coder: EventCoder | None = None):
        self.coder = coder or EventCoder()

    def __call__(self, p: Processed) -> Processed:
        def group(items):
            out: dict[int, list] = {}
            for m in items:
                out.setdefault(m.sentence_idx, []).append(m)
            return out

        mentions, agents, places = group(p.mentions), group(p.agents), group(p.places)
        doc_place = None  # the article's place: the first one its opening sentences name (dateline, lead)
        for s in p.content_sentences()[:3]:
            toks = p.tokens.get(s.idx, [])
            doc_place = self.coder._location([t.norm for t in toks], mentions.get(s.idx, []), places.get(s.idx, []))
            if doc_place:
                break
        recent: list[str] = []  # states named in the preceding sentences, for البلدان / الزعيمان
        orgs: list[str] = []  # organisations named before, for المنظمة / الحلف
        groups: list[tuple[str, str | None]] = []  # armed groups named before, for الانقلابيين / المتمردين
        for s in p.content_sentences():
            here = mentions.get(s.idx, [])
            leader = coalition_leader(recent + [m.code for m in here])  # whose "التحالف" the article means
            p.events.extend(self.coder(s, p.tokens.get(s.idx, []), here, p.doc.published, p.doc.id, p.doc.source,
                                       agents.get(s.idx, []), places.get(s.idx, []), recent[-6:], orgs[-3:],
                                       doc_place, leader, groups[-3:]))
            recent.extend(m.code for m in here)
            orgs.extend(m.code for m in here if m.kind == "igo")
            groups.extend((m.code, m.country) for m in here if m.country and m.agent == "REB")
        # parties the coder left without a state: "سمو ولي العهد" in Saudi press, "الحكومة" facing its own rebels
        for e in outlet_offices(p.events, bundled_outlets().of(p.doc)) + domestic_organs(p.events) \
                + pronoun_victims(p.events, p.tokens, mentions, self.coder.states) + border_crossers(p.events, p.tokens):
            e.id = event_id(e.doc_id, e)
        return p
