"""Actor mentions scored against third-party BIO named-entity gold (NewsFANE-style ``token<TAB>label`` files).

The file is split into dev and test halves by sentence with a fixed seed; read errors on dev only. Clitics split in
the gold (و ال…, قال ه) are joined back into written words so that Marsad reads ordinary Arabic; every gold token
keeps its character span, and a mention covers the gold tokens its characters overlap.

Marsad's mentions map to the gold's classes: a state's name -> Nation; a named office holder -> Politician; an
organ (head noun + state: الجيش الإسرائيلي، الحكومة العراقية) -> Government; a capital or known place ->
Population-Center; an IGO, party or armed group -> Non-Governmental (NewsFANE files حزب الله and الأمم المتحدة
there); a people or communal group (العراقيين، الأكراد), and a plural or dual nisba (الجنود الإسرائيليين) -> Group. Bare nisbas (الرئيس الأمريكي) are not entities
in the gold and are not scored. A mention is right when its class and token span equal a gold entity's
("exact"); "overlap" also accepts any shared token (one to one).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..actors.dictionary import key
from ..ingest.readers import make_document
from ..pipeline import Pipeline
from ..text.normalize import normalize

CLASSES = ("Nation", "Politician", "Government", "Population-Center", "Non-Governmental", "Group")
PROCLITICS = {"و", "ف", "ب", "ل", "ك", "ال"}
ENCLITICS = {"ه", "ها", "هم", "هما", "هن", "كم", "نا", "ي"}  # not كما: in news it is the word "as" (وليبيريا كما …)
# First words of head nouns that name an organ of a state rather than a person in office
ORGANS = {"حكومه", "جيش", "وزاره", "برلمان", "مجلس", "كونغرس", "كونجرس", "شرطه", "محكمه", "قوات", "خارجيه",
          "داخليه", "دفاع", "اداره", "سلطات", "سلطه", "بحريه", "مخابرات", "استخبارات", "كنيست", "دوما", "رئاسه",
          "نيابه", "قضاء", "امن", "اجهزه", "جهاز", "حرس", "سلاح", "قياده", "هيئه", "وكاله", "بنك", "سفاره"}
SEED = 11
# first words of names of lands and historic regions that Marsad reads as a state's (الأراضي الفلسطينية -> PSE,
# بلاد الرافدين -> IRQ): NewsFANE files them as lands or provinces, not nations
LAND_WORDS = {"اراضي", "بلاد"}
CITY_TERRITORIES = {"HKG", "MAC"}  # coded as territories (ISO), annotated as cities (Population-Center)


@dataclass(slots=True)
class GoldSentence:
    index: int  # position in the file
    line: int  # line number of its first token
    tokens: list[str]
    labels: list[str]


def read_bio(path: Path) -> list[GoldSentence]:
    """Sentences of a ``token<TAB>label`` file (blank line between sentences)."""
    out: list[GoldSentence] = []
    toks: list[str] = []
    labs: list[str] = []
    first = 0
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"{path}: not valid UTF-8 at byte {e.start}") from None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if toks:
                out.append(GoldSentence(len(out), first, toks, labs))
                toks, labs = [], []
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0]:
            raise ValueError(f"{path}:{n}: expected 'token<TAB>label', got {line[:60]!r}")
        lab = parts[1].strip()
        if lab != "O" and not (lab[:2] in ("B-", "I-") and len(lab) > 2):
            raise ValueError(f"{path}:{n}: label {lab!r} is not O, B-X or I-X")
        if not toks:
            first = n
        toks.append(parts[0])
        labs.append(lab)
    if toks:
        out.append(GoldSentence(len(out), first, toks, labs))
    if not out:
        raise ValueError(f"{path}: no sentences")
    return out


def entities(labels: list[str]) -> set[tuple[int, int, str]]:
    """(start, end exclusive, class) spans; an I- without its B- starts a new entity."""
    out = set()
    start, cls = None, None
    for i, lab in enumerate(labels + ["O"]):
        if start is not None and not (lab.startswith("I-") and lab[2:] == cls):
            out.add((start, i, cls))
            start, cls = None, None
        if lab.startswith("B-") or (lab.startswith("I-") and start is None):
            start, cls = i, lab[2:]
    return out


def split_halves(sentences: list[GoldSentence], seed: int = SEED) -> tuple[list[GoldSentence], list[GoldSentence]]:
    order = list(range(len(sentences)))
    random.Random(seed).shuffle(order)
    half = len(order) // 2
    dev = sorted(order[:half])
    test = sorted(order[half:])
    return [sentences[i] for i in dev], [sentences[i] for i in test]


def repair(token: str, known: frozenset[str]) -> str:
    """The file writes some words of ال + ل… as الال… (الالبنانية 54 times, الالاجئين، الالجان), an artifact of its
    conversion (ال + ألماني is الالماني too, so only a word the dictionary knows is put back: اللبنانية)."""
    if token.startswith("الال") and len(token) > 5:
        fixed = "ال" + token[3:]
        if key(normalize(fixed)) in known and key(normalize(token)) not in known:
            return fixed
    return token


def join_tokens(tokens: list[str], known: frozenset[str] = frozenset()) -> tuple[str, list[tuple[int, int]]]:
    """Written text from clitic-split tokens, with each token's character span in it (``known``: dictionary words,
    for ``repair``)."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    glue = False  # the previous token was a proclitic: no space before this one
    for i, t in enumerate(tokens):
        word = t = repair(t, known) if known else t
        enclitic = i and t in ENCLITICS and tokens[i - 1][-1:].isalpha() and tokens[i - 1] not in PROCLITICS
        if i and not glue and not enclitic:
            parts.append(" ")
            pos += 1
        elif enclitic and parts[-1].endswith("ة"):
            parts[-1] = parts[-1][:-1] + "ت"  # حكومة + ه -> حكومته: a ta marbuta is written open before a suffix
        if glue and tokens[i - 1] == "ل" and t.startswith("ال") and len(t) > 3:
            word = t[1:]  # ل + الولايات -> للولايات (the alef is not written)
            spans.append((pos - 1, pos + len(word)))  # the token owns the ل its ال became
        else:
            spans.append((pos, pos + len(word)))
        parts.append(word)
        pos += len(word)
        # a lone alef is no word: the file splits a word's first letter off (ا سرائيل، ا تصالات); written back joined
        glue = (t in PROCLITICS or t == "ا") and i + 1 < len(tokens) and tokens[i + 1][:1].isalpha()
    return "".join(parts), spans


def _covered(spans: list[tuple[int, int]], start: int, end: int, skip: set[int]) -> tuple[int, int] | None:
    idx = [i for i, (a, b) in enumerate(spans) if a < end and start < b and i not in skip]
    return (idx[0], idx[-1] + 1) if idx else None


class Mapper:
    """Marsad's mentions of one sentence -> (start, end, class) over gold tokens."""

    def __init__(self, dictionary):
        self.kinds = {k: e.kind for k, e in dictionary.entries.items()}
        self.heads = {k for k, _, _ in dictionary.heads}
        self.state_names = {n.keys for n in dictionary.names
                            if n.kind == "name" and self.kinds.get(n.entry) in ("state", "historical")}

    def state_after_fi(self, toks, m) -> tuple[int, int] | None:
        """A group's name that ends in في + a state's name (المجلس الأعلى للثورة الإسلامية في العراق، تنظيم القاعدة في
        العراق): the gold files the group before في and the state as a Nation (3 of 3 on dev). The token
        positions of في and of the name's end."""
        words = toks[m.tok_start:m.tok_end]
        for i in range(len(words) - 2, 0, -1):
            if words[i].norm == "في":
                rest = tuple(key(t.base or t.norm) for t in words[i + 1:])
                return (m.tok_start + i, m.tok_end) if rest in self.state_names else None
        return None

    def cls(self, m) -> str | None:
        if m.kind == "provisional" and m.agent in ("MIL", "COP"):
            return None  # an officer named after a military title: NewsFANE files them apart (Police)
        if m.kind in ("person", "provisional") and m.agent == "REL":
            return None  # a cleric: NewsFANE's Religious_PER
        if m.kind in ("person", "provisional"):
            return "Politician"
        if m.kind == "historic":  # a ruler or dynasty of the past; an empire is a state of the past
            return "Nation" if m.entry.startswith("empire:") else "Politician"
        if m.kind == "capital":
            return "Population-Center"
        if m.kind == "igo":
            return "Non-Governmental"
        if m.entry.startswith("ref:"):
            return None  # المملكة، البلاد: a reference, not a name
        if m.kind == "name":
            first = key(normalize(m.text.split()[0])) if m.text.split() else ""
            if first in LAND_WORDS:
                return None  # الأراضي الفلسطينية، بلاد الرافدين: a land or region's name (Land, State-or-Province)
            if m.code in CITY_TERRITORIES:
                return "Population-Center"
            return {"nsa": "Non-Governmental", "communal": "Group"}.get(self.kinds.get(m.entry, ""), "Nation")
        plural = m.kind == "nisba" and normalize(m.text).endswith(("ين", "ون", "ان"))
        # الأكراد، العراقيين; a plural or dual nisba after a head noun of persons too (الجنود الإسرائيليين، جنديان
        # عراقيان، المسؤولون الأمريكيون: Group in the gold 12 times of 15 on dev); after an organ it is Government
        if (m.kind == "people" and not m.agent) or plural:
            return "Group"
        return None

    def organ_before(self, toks, m):
        """The organ head noun (الجيش، وزارة الخارجية) right before a nisba or state name: its first token."""
        for length in (4, 3, 2, 1):
            s = m.tok_start - length
            if s < 0 or key(toks[s].base or toks[s].norm) not in ORGANS:
                continue
            keys = tuple(key(t.base or t.norm) for t in toks[s:m.tok_start])
            if keys in self.heads:
                return toks[s]
        return None

    def __call__(self, p, spans: list[tuple[int, int]], procl: set[int]) -> set[tuple[int, int, str]]:
        out = set()
        items = [(m.start, m.end, self.cls(m), m) for m in p.mentions]
        items += [(pl.start, pl.end, "Population-Center", pl) for pl in p.places]
        for start, end, cls, m in list(items):
            toks = p.tokens.get(m.sentence_idx, [])
            fi = self.state_after_fi(toks, m) if cls in ("Non-Governmental", "Group") else None
            if fi:
                items.remove((start, end, cls, m))
                items += [(start, toks[fi[0] - 1].end, cls, m), (toks[fi[0] + 1].start, end, "Nation", m)]
        for start, end, cls, m in items:
            if m.kind == "nisba" and m.agent:  # (حكومة كوبا: the gold has the state's name as Nation, the organ apart)
                head = self.organ_before(p.tokens.get(m.sentence_idx, []), m)
                if head is not None:
                    start, cls = head.start, "Government"
            if cls is None:
                continue
            skip = procl
            toks = p.tokens.get(m.sentence_idx, [])
            if m.tok_start < len(toks) and not toks[m.tok_start].prefix and toks[m.tok_start].start == start:
                # Marsad read the first letter as part of the name (فؤاد): the gold's split-off "ف" is in it
                skip = {i for i in procl if spans[i][0] != start}
            got = _covered(spans, start, end, skip)
            if got:
                out.add((got[0], got[1], cls))
        return out


def score(gold: list[set], pred: list[set], overlap: bool = False) -> dict[str, Counter]:
    c: dict[str, Counter] = {k: Counter() for k in CLASSES}
    for g, pr in zip(gold, pred, strict=True):
        g = {x for x in g if x[2] in CLASSES}
        used = set()
        for x in sorted(pr):
            hit = None
            if x in g and x not in used:
                hit = x
            elif overlap:
                hit = next((y for y in sorted(g) if y not in used and y[2] == x[2] and y[0] < x[1] and x[0] < y[1]), None)
            if hit:
                used.add(hit)
                c[x[2]]["tp"] += 1
            else:
                c[x[2]]["fp"] += 1
        for y in g - used:
            c[y[2]]["fn"] += 1
    return c


def run(sentences: list[GoldSentence], pipeline: Pipeline, date: str | None = None,
        window: int = 20) -> dict[int, set]:
    """Predictions per sentence index. The file's sentences are read in order as pseudo-articles of ``window``
    consecutive sentences (one a line), so a surname can refer back to a full name a few sentences before, as in
    the articles the file was cut from; which half a sentence belongs to plays no part here."""
    stage = next(st for st in pipeline.stages if getattr(st, "name", "") == "actors")
    mapper = Mapper(stage.dictionary)
    # (every word of a name: الالاتينية is the اللاتينية of أمريكا اللاتينية)
    known = frozenset(w for n in stage.dictionary.names for w in n.keys) | \
        frozenset(k[0] for k, _, _ in stage.dictionary.heads if len(k) == 1)
    out: dict[int, set] = {}
    for w in range(0, len(sentences), window):
        chunk = sentences[w:w + window]
        texts, offsets, all_spans = [], [], []
        pos = 0
        for s in chunk:
            text, spans = join_tokens(s.tokens, known)
            texts.append(text)
            offsets.append(pos)
            all_spans.append([(a + pos, b + pos) for a, b in spans])
            pos += len(text) + 1
        p = pipeline(make_document("\n".join(texts), f"bio:{chunk[0].line}", published=date))
        for s, spans in zip(chunk, all_spans, strict=True):
            procl = {i for i, t in enumerate(s.tokens) if t in PROCLITICS}
            out[s.index] = mapper(p, spans, procl)
    return out


def eval_ner(path: Path, pipeline: Pipeline | None = None, seed: int = SEED, date: str | None = None,
             errors: int = 0, window: int = 20) -> dict:
    from .evaluate import _prf

    pipeline = pipeline or Pipeline.default("actors")
    sentences = read_bio(path)
    dev, test = split_halves(sentences, seed)
    out: dict = {"file": str(path), "sentences": len(sentences), "seed": seed, "window": window}
    predictions = run(sentences, pipeline, date, window)
    for name, part in (("dev", dev), ("test", test)):
        golds = [entities(s.labels) for s in part]
        preds = [predictions[s.index] for s in part]
        res = {}
        for mode in ("exact", "overlap"):
            c = score(golds, preds, overlap=mode == "overlap")
            res[mode] = {k: _prf(v["tp"], v["fp"], v["fn"]) for k, v in c.items()}
            tot = sum(c.values(), Counter())
            res[mode]["all"] = _prf(tot["tp"], tot["fp"], tot["fn"])
        res["sentences"] = len(part)
        if name == "dev" and errors:  # errors are read on dev only
            res["errors"] = _errors(part, golds, preds, errors)
        out[name] = res
    return out


def _errors(part, golds, preds, limit: int) -> list[dict]:
    out = []
    for s, g, pr in zip(part, golds, preds, strict=True):
        g = {x for x in g if x[2] in CLASSES}
        for x in sorted(pr - g):
            out.append({"line": s.line, "kind": "fp", "class": x[2], "text": " ".join(s.tokens[x[0]:x[1]])})
        for y in sorted(g - pr):
            out.append({"line": s.line, "kind": "fn", "class": y[2], "text": " ".join(s.tokens[y[0]:y[1]])})
    return out[:limit]
