"""A document's domain (sport, economy, crime, local services, politics, security …) from its words.

Political words on the sports, business, crime and municipal pages of the press are mostly in another sense (a
team "meets" another, a company "signs" with a bank, the police "arrest" a thief). The signal: the share of the
document's content words (title and body) that are cue words of each domain (data/models/domain_cues.yaml), the
title's own cue words, and which domain leads. A single sentence (``marsad extract``) is its own document.
"""

from __future__ import annotations

from ..records import Processed, Token
from ..text.tokens import tokenize

POLITICAL = frozenset({"security", "diplomacy"})  # domains where political words keep their political sense
SHARE_EDGES = (0.005, 0.02, 0.05)  # cue words per content word: none / a trace / some / much


class DomainCues(dict):
    """domain -> normalised cue words, with the inverse index word -> domains (one lookup per word form)."""

    def __init__(self, data: dict[str, frozenset[str]]):
        super().__init__(data)
        index: dict[str, list[str]] = {}
        for d, words in data.items():
            for w in words:
                index.setdefault(w, []).append(d)
        self.index = {w: tuple(ds) for w, ds in index.items()}
        # what the cue words are, for answers kept on a document (Processed.domain)
        self.key = hash(tuple(sorted((d, tuple(sorted(ws))) for d, ws in data.items())))
        self._of_forms: dict[tuple[str, str, str], tuple[str, ...]] = {}  # token forms -> domains (bounded)

    def domains(self, t: Token) -> tuple[str, ...]:
        """The domains whose cue words one of the token's forms is, each once; cached by its forms (words
        repeat: one lookup instead of three and a set)."""
        key = (t.norm, t.base, t.stem)
        got = self._of_forms.get(key)
        if got is None:
            index = self.index
            ds = index.get(t.norm, ()) + index.get(t.base, ()) + index.get(t.stem, ())
            got = tuple(set(ds)) if len(ds) > 1 else ds
            if len(self._of_forms) >= 200_000:
                self._of_forms.clear()
            self._of_forms[key] = got
        return got


def domain_hits(tokens: list[Token], cues: dict[str, frozenset[str]]) -> dict[str, int]:
    """Number of words of each domain's cues (a word counts once per domain, whichever of its forms matches)."""
    of = (cues if isinstance(cues, DomainCues) else DomainCues(cues)).domains
    got = dict.fromkeys(cues, 0)
    for t in tokens:
        for d in of(t):
            got[d] += 1
    return got


def _level(share: float) -> str:
    for i, e in enumerate(SHARE_EDGES):
        if share < e:
            return str(i)
    return str(len(SHARE_EDGES))


def doc_domain_names(p: Processed, cues: dict[str, frozenset[str]]) -> list[str]:
    """Named features of the document's domain: ``doc.sport=2`` (share level), ``doc.top=economy``,
    ``title.sport``, ``doc.political=lead|second|none``."""
    return doc_domain(p, cues)[0]


def doc_domain(p: Processed, cues: dict[str, frozenset[str]]) -> tuple[list[str], dict[int, dict[str, int]]]:
    """(doc_domain_names, cue words of each domain per content sentence): one pass over the words serves the
    page and the sentence features. Kept on ``p`` for the next stage that asks with the same cue words (the
    sentences and tokens it reads do not change after the text stage)."""
    key = (cues.key, p.doc.title) if isinstance(cues, DomainCues) else None
    if key is not None and p.domain is not None and p.domain[0] == key:
        return p.domain[1]
    per_sentence = {s.idx: domain_hits(p.tokens.get(s.idx, []), cues) for s in p.content_sentences()}
    counts = {d: sum(h[d] for h in per_sentence.values()) for d in cues}
    title = domain_hits(tokenize(p.doc.title), cues) if p.doc.title else dict.fromkeys(cues, 0)
    n = max(sum(len(p.tokens.get(i, [])) for i in per_sentence), 1)
    got = _names(counts, title, n, cues), per_sentence
    if key is not None:
        p.domain = (key, got)
    return got


def _names(counts: dict[str, int], title: dict[str, int], n: int, cues: dict[str, frozenset[str]]) -> list[str]:
    out = [f"doc.{d}={_level(c / n)}" for d, c in counts.items()]
    out += [f"title.{d}" for d, c in title.items() if c]
    # the title weighs like five body words: it names the page's subject
    total = {d: counts[d] + 5 * title[d] for d in cues}
    ranked = sorted((d for d in total if total[d]), key=lambda d: (-total[d], d))
    if not ranked:
        out.append("doc.top=none")
        out.append("doc.political=none")
        return out
    out.append(f"doc.top={ranked[0]}")
    pol = "lead" if ranked[0] in POLITICAL else "second" if any(d in POLITICAL for d in ranked[1:2]) else \
        "some" if any(d in POLITICAL for d in ranked) else "none"
    out.append(f"doc.political={pol}")
    if ranked[0] not in POLITICAL:
        out.append(f"doc.top={ranked[0]}|political={pol}")
    return out


def page(p: Processed, cues: dict[str, frozenset[str]]) -> str | None:
    """The page a document clearly belongs to, for weak labels: a non-political domain when the title has its
    cue words, it leads the document's words and no political domain is among the first two; ``"political"``
    when a political domain leads; else None (unclear)."""
    names = doc_domain_names(p, cues)
    top = next(f.split("=")[1] for f in names if f.startswith("doc.top="))
    pol = next(f.split("=")[1] for f in names if f.startswith("doc.political="))
    if top in POLITICAL:
        return "political"
    if top != "none" and pol in ("none", "some") and f"title.{top}" in names:
        return top
    return None
