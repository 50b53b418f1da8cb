"""Typed records passed between pipeline stages.

One article travels as: Document -> Sentence[] -> Token[] -> Mention[] -> Event[], gathered in a
``Processed`` record that each pipeline stage takes and returns.
Every span (start, end) is a character offset into ``Document.text`` (the original text,
never the normalised one), so evidence can always be shown exactly as published.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Document:
    id: str  # stable content hash of text (see ingest.document_id)
    text: str
    title: str = ""
    source: str = ""  # outlet
    url: str = ""
    path: str = ""  # file it was read from (and member/record inside it, after '#')
    published: str | None = None  # ISO date YYYY-MM-DD
    language: str = "ar"
    origin: dict[str, str] = field(default_factory=dict)  # field -> where it came from

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Token:
    text: str  # as in the original
    start: int
    end: int
    norm: str  # normalised form of the whole token
    prefix: str = ""  # normalised proclitics split off (e.g. "و", "ب", "ال", "وال", "لل")
    base: str = ""  # normalised form without proclitics
    suffix: str = ""  # pronoun enclitic split off base, if any
    stem: str = ""  # base without enclitic

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalpha()


@dataclass(slots=True)
class Sentence:
    doc_id: str
    idx: int
    start: int
    end: int
    text: str
    kind: str = "body"  # body | title | boilerplate | duplicate
    norm: str = field(default="", compare=False, repr=False)  # normalize_space(text) when the text stage set it

    @property
    def id(self) -> str:
        return f"{self.doc_id}:{self.idx}"


@dataclass(slots=True)
class Mention:
    start: int  # offsets into the document text
    end: int
    text: str
    code: str  # actor code (RUS, CSTO, DPR …)
    agent: str | None = None  # CAMEO-style role (GOV, MIL …)
    kind: str = "name"  # name | capital | metonym | nisba | people | person | igo | head
    person: str | None = None  # person id when a named person
    entry: str = ""  # dictionary entry id that matched
    tok_start: int = 0  # token indices within the sentence [tok_start, tok_end)
    tok_end: int = 0
    sentence_idx: int = -1
    country: str | None = None  # for a non-state group: the state it acts in (HEZ -> LBN)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Party:
    """An event's actor or recipient."""

    code: str | None = None
    agent: str | None = None
    name: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    # how a party not written (or written without its state) was supplied: "place", "actor", "previous", "speaker",
    # "front" (the other side of a war front, data/ontology/fronts.yaml)
    inferred: str | None = None
    country: str | None = None  # a group's state (HOU -> YEM): both the group and its state stay available

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    id: str
    event: str  # PLOVER type
    actor: Party
    recipient: Party
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    intensity: float = 0.0
    quad: str = ""
    cameo: str = ""
    negated: bool = False
    modality: str = "asserted"  # asserted | future | hypothetical | historical
    attribution: str | None = None  # who says so, when reported
    attribution_code: str | None = None
    date: str | None = None
    date_precision: str = "unknown"  # day | month | year | range | unknown
    date_end: str | None = None
    doc_id: str = ""
    sentence_idx: int = -1
    sentence: str = ""
    event_text: str = ""
    trigger_start: int = 0
    trigger_end: int = 0
    evidence_start: int = 0  # sentence span in the document
    evidence_end: int = 0
    confidence: float = 0.5
    pattern: str = ""  # trigger lexicon id
    symmetric: bool = False
    location: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


PROCESSED_KINDS = ("title", "body")  # sentence kinds that later stages read; boilerplate/duplicates are skipped


@dataclass
class Processed:
    doc: Document
    sentences: list[Sentence] = field(default_factory=list)
    tokens: dict[int, list[Token]] = field(default_factory=dict)  # sentence idx -> tokens
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    candidates: list = field(default_factory=list)  # unknown names after titles (actors.resolver.Candidate)
    agents: list[Mention] = field(default_factory=list)  # head nouns without a country (الحكومة، المتظاهرون)
    places: list[Mention] = field(default_factory=list)  # non-capital places (locations, not actors)
    quads: dict[int, tuple[str, float]] = field(default_factory=dict)  # sentence idx -> (quad label, p)
    # learn.domain.doc_domain's answer, kept for the next stage that asks with the same cue words
    domain: tuple | None = field(default=None, repr=False, compare=False)

    def content_sentences(self) -> list[Sentence]:
        return [s for s in self.sentences if s.kind in PROCESSED_KINDS]
