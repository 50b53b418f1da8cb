"""The pipeline stage of the learned layer: every content sentence gets a quad label and its probability.

The label is ``irrelevant`` when the relevance model says so (p < 0.5) and the coder found no event with both
parties (see RULES_BOTH_PARTIES_RELEVANT); otherwise the QuadClass model's most
likely of the four relevant classes. ``p`` is the probability of the label given: 1 - p(relevant) for
irrelevant, p(relevant) x p(class | relevant) otherwise. Models load on the first sentence (lazily), from
files inside the package (offline).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from ..text.normalize import normalize
from .domain import doc_domain
from .features import _TEXT_MASK, _WORD, Featurizer, layer_names, marsad_names
from .kil import QUAD_LABELS
from .model import LinearModel, ModelError
from .named import NamedModel
from .newsrel import NEWS_MODEL, decide, is_press, news_names

MODEL_FILES = {"quad": "quad.npz", "relevance": "relevance.npz"}


def model_dir() -> Path:
    return Path(str(resources.files("marsad") / "data" / "models"))


def cue_sets(cues) -> list[tuple[str, frozenset[str]]]:
    return [("neg", cues.negation), ("deny", cues.suppress), ("fut", cues.future), ("hyp", cues.hypothetical),
            ("rep", frozenset(cues.reporting))]


# Share of Keep it Local relevance sentences that are relevant when the coder found an event with both an actor
# and a recipient (134 of 148; base rate 0.48): the rules' strongest evidence, used as a floor for p(relevant).
RULES_BOTH_PARTIES_RELEVANT = 0.91
_WORDS_MAX = 200_000  # words whose summed weight rows are kept (about 5 MB)


def combine(p_rel: float, p_quad: np.ndarray, both_parties: bool = False) -> tuple[str, float]:
    """(label, p) from p(relevant) and the QuadClass model's distribution over QUAD_LABELS; ``both_parties``:
    the coder found an event with actor and recipient in the sentence."""
    if both_parties:
        p_rel = max(p_rel, RULES_BOTH_PARTIES_RELEVANT)
    if p_rel < 0.5:
        return QUAD_LABELS[0], 1.0 - p_rel
    rel = p_quad[1:] / max(float(p_quad[1:].sum()), 1e-9)
    k = int(rel.argmax())
    return QUAD_LABELS[k + 1], p_rel * float(rel[k])


@dataclass
class SentenceFeatures:
    """Featurises content sentences of a ``Processed`` record, with the rules' own view of them."""

    coder: object  # events.coder.EventCoder: its lexicon and modality cues
    featurizer: Featurizer = field(default_factory=Featurizer)
    _cues: list | None = None
    _tok: dict = field(default_factory=dict, repr=False)  # token forms -> (entry indices, cue indices)

    def names(self, p, sentence_idxs: list[int], by_sentence: dict | None = None) -> list[str]:
        """``by_sentence`` (from ``group``) avoids rescanning the document's mentions for every sentence."""
        if self._cues is None:
            self._cues = cue_sets(self.coder.cues)
        g = by_sentence or group(p)
        toks = [t for i in sentence_idxs for t in p.tokens.get(i, [])]
        pick = [[x for i in sentence_idxs for x in g[k].get(i, ())] for k in ("mentions", "agents", "events")]
        return marsad_names(toks, *pick, self._entries(toks), self._cues)

    def indices(self, p, idx: int, by_sentence: dict) -> list[int]:
        """``featurizer.marsad(names(p, [idx], by_sentence))`` of one sentence, the same list in the same order,
        with what depends on a token alone (its trigger entries, its cue words) cached per token form: words
        repeat, so most tokens cost one lookup instead of a few set tests and name strings."""
        fz = self.featurizer
        if "marsad" not in fz.groups:
            return []
        if self._cues is None:
            self._cues = cue_sets(self.coder.cues)
        toks = p.tokens.get(idx, [])
        parts = [self._token_indices(t) for t in toks]
        out = [i for ent, _ in parts for i in ent]
        mentions, agents, events = (by_sentence[k].get(idx, ()) for k in ("mentions", "agents", "events"))
        out += fz.marsad(layer_names(mentions, agents, events))
        out += [i for _, cue in parts for i in cue]
        return out  # never empty (ncodes), so marsad_names' "none" never applies

    def _token_indices(self, t) -> tuple[list[int], list[int]]:
        """(indices of the trigger entries whose first word the token can be, indices of its cue words), as
        marsad_names orders them; cached by the token's forms (bounded)."""
        key = (t.norm, t.base, t.stem, t.prefix)
        got = self._tok.get(key)
        if got is None:
            ent = [n for pat in self._entries([t]) for n in ("trig:" + pat.id, "trigtype:" + pat.event)]
            cue = ["cue:" + name for name, words in self._cues if t.norm in words or t.base in words]
            if t.prefix in ("س", "وس", "فس"):
                cue.append("cue:future_s")
            got = (self.featurizer.marsad(ent), self.featurizer.marsad(cue))
            if len(self._tok) >= 200_000:
                self._tok.clear()
            self._tok[key] = got
        return got

    def _entries(self, tokens) -> list[str]:
        """Trigger entries whose first word a token can be (any clitic reading): a cheap stand-in for a full
        lexicon match, which the coder has already done for the events it keeps."""
        first = self.coder.lexicon.by_first
        out = []
        for t in tokens:
            for f in {t.norm, t.base, t.stem}:
                out.extend(first.get(f, ()))
        return out

    def __call__(self, p, sentence_idxs: list[int], text: str, by_sentence: dict | None = None) -> list[int]:
        return self.featurizer.text(text) + self.featurizer.marsad(self.names(p, sentence_idxs, by_sentence))


def group(p) -> dict[str, dict[int, list]]:
    out: dict[str, dict[int, list]] = {"mentions": {}, "agents": {}, "events": {}}
    for k in out:
        for x in getattr(p, k):
            out[k].setdefault(x.sentence_idx, []).append(x)
    return out


class QuadStage:
    """Sets ``p.quads[sentence idx] = (label, p)`` for every content sentence."""

    name = "learn"

    def __init__(self, coder, directory: Path | None = None, news: bool | Path = True):
        """``news``: use the press relevance model (newsrel) for documents with a title; a path names its file
        (training writes one before the event scorers read the quads); False: the KIL decision everywhere."""
        self.directory = directory or model_dir()
        self.coder = coder
        self.news = news
        self._models: dict[str, LinearModel] | None = None
        self._features: SentenceFeatures | None = None
        self._news: NamedModel | None = None
        self._cues = None

    def _load(self) -> None:
        models = {k: LinearModel.load(self.directory / f) for k, f in MODEL_FILES.items()}
        if models["quad"].groups != models["relevance"].groups:
            raise ModelError(f"{self.directory}: quad and relevance models were trained on different features")
        self._models = models
        # one float32 matrix for both models: one gather per sentence instead of two gathers and casts
        both = np.hstack([models["quad"].weights, models["relevance"].weights]).astype(np.float32)
        # plus one row of -0.0 after the features' rows (no feature index reaches it): doc_margins pads with it,
        # and x + (-0.0) is x for every float, zeros' signs included
        self._weights = np.vstack([both, np.full((1, both.shape[1]), -0.0, np.float32)])
        self._pad = len(both)
        self._word_sums: dict[str, tuple[np.ndarray, int]] = {}  # word -> (1 x outputs row, feature count)
        self._words: dict[str, tuple[int, int, int]] = {}  # word -> (hash, row in _word_table, feature count)
        self._word_table = np.zeros((1024, self._weights.shape[1]), np.float32)
        self._features = SentenceFeatures(self.coder, Featurizer(groups=models["quad"].groups))
        news = self.news if isinstance(self.news, Path) else self.directory / NEWS_MODEL if self.news else None
        if news is not None and news.exists():  # absent: the KIL decision everywhere
            from .eventfeatures import load_domain_cues

            self._news, self._cues = NamedModel.load(news), load_domain_cues()

    def raw(self, p, s, by_sentence: dict | None = None) -> tuple[float, np.ndarray]:
        """(p(relevant) of the KIL model, QuadClass distribution) of one sentence."""
        if self._models is None:
            self._load()
        z = self._margins(p, s, by_sentence or group(p))
        k = len(QUAD_LABELS)
        return float(self._models["relevance"].proba_margins(z[k:])[1]), self._models["quad"].proba_margins(z[:k])

    def label(self, p, s, by_sentence: dict | None = None) -> tuple[str, float]:
        """The KIL decision (combine) for one sentence."""
        by_sentence = by_sentence or group(p)
        p_rel, p_quad = self.raw(p, s, by_sentence)
        both = any(e.actor.code and e.recipient.code for e in by_sentence["events"].get(s.idx, ()))
        return combine(p_rel, p_quad, both)

    def news_features(self, p, s, by_sentence: dict, page: tuple[list[str], dict]) -> tuple[list[str], np.ndarray]:
        """The press relevance model's features of one sentence, and its QuadClass distribution; ``page``:
        marsad.learn.domain.doc_domain of the document."""
        p_rel, p_quad = self.raw(p, s, by_sentence)
        evs = by_sentence["events"].get(s.idx, [])
        label = combine(p_rel, p_quad, any(e.actor.code and e.recipient.code for e in evs))[0]
        doms = [d for d, n in page[1].get(s.idx, {}).items() if n]
        return news_names(p_rel, label, evs, page[0], doms), p_quad

    def _margins(self, p, s, by_sentence: dict) -> np.ndarray:
        """``row_values(features) @ weights``, computed from cached per-word sums of weight rows: the same
        number (the representation is additive over words), several times faster than gathering every n-gram."""
        fz, w = self._features.featurizer, self._weights
        words, bigrams = fz.parts(s.text)
        n_text = len(bigrams)
        total = w[bigrams].sum(axis=0) if bigrams else np.zeros(w.shape[1], np.float32)
        for word in words:
            got = self._word_sum(word)
            total = total + got[0][0]
            n_text += got[1]
        z = total / np.sqrt(n_text) if n_text else total
        m = fz.marsad(self._features.names(p, [s.idx], by_sentence))
        if m:
            z = z + w[m].sum(axis=0) * (self._models["quad"].marsad_weight / np.sqrt(len(m)))
        return z

    def _word_sum(self, word: str) -> tuple:
        """(summed weight row of a word's n-grams, their count), cached per word (bounded)."""
        got = self._word_sums.get(word)
        if got is None:
            feats = self._features.featurizer.word_features(word)
            got = self._word_sums[word] = (self._weights[list(feats)].sum(axis=0, keepdims=True), len(feats))
            if len(self._word_sums) > 200_000:
                self._word_sums.clear()
        return got

    def doc_margins(self, p, sentences: list, by_sentence: dict) -> np.ndarray:
        """``_margins`` of every sentence at once, one row each, the same numbers: the rows a sentence sums
        (its bigrams' weight rows, then each word's cached sum, as ``_margins`` adds them) are put in place for
        the whole document with two numpy gathers and summed per sentence with one ``reduceat``. A word costs one
        lookup in ``_words`` (its hash, row in the word table and n-gram count)."""
        fz, w = self._features.featurizer, self._weights
        with_bigrams = "words" in fz.groups
        if len(self._words) >= _WORDS_MAX:  # bounded: start again, between documents (rows are read below)
            self._words.clear()
        table = self._words
        bigrams: list[int] = []  # weight rows, all sentences
        word_rows: list[int] = []  # word-table rows, all sentences
        b_at: list[int] = []  # where each of those rows goes in the document's rows, in summing order
        w_at: list[int] = []
        starts, counts = [], []
        at = 0
        for s in sentences:
            words = _WORD.findall(s.norm or normalize(s.text))  # (words: the same in either form)
            got = [table.get(x) or self._word_entry(x) for x in words]
            starts.append(at)
            n = 0
            if with_bigrams and len(got) > 1:
                bigrams += [(a[0] * 1_000_003 + b[0] + 1) & _TEXT_MASK for a, b in zip(got, got[1:], strict=False)]
                n = len(got) - 1
                b_at += range(at, at + n)
                at += n
            else:
                at += 1  # a zero row: a sentence's segment is never empty
            word_rows += [g[1] for g in got]
            w_at += range(at, at + len(got))
            at += len(got)
            counts.append(n + sum([g[2] for g in got]))
        rows = np.zeros((at, w.shape[1]), np.float32)
        rows[b_at] = w[bigrams]
        rows[w_at] = self._word_table[word_rows]
        z = np.add.reduceat(rows, starts, axis=0)
        z /= np.sqrt(np.maximum(np.asarray(counts, np.float32), 1.0))[:, None]
        # the marsad block of every sentence at once: each sentence's rows in one padded line of a gather, summed
        # along the line; numpy sums that axis row after row, as w[m].sum(axis=0) does (the same bits), where
        # reduceat would not; then scaled and added in float64 and stored as float32, as z[i] += … did
        ms = [self._features.indices(p, s.idx, by_sentence) for s in sentences]
        lens = np.array([len(m) for m in ms])
        if lens.max() > 0:
            at = np.full((len(ms), int(lens.max())), self._pad, np.intp)
            for i, m in enumerate(ms):
                at[i, :len(m)] = m
            has = lens > 0
            z[has] += w[at[has]].sum(axis=1) * (self._models["quad"].marsad_weight / np.sqrt(lens[has]))[:, None]
        return z

    def _word_entry(self, word: str) -> tuple[int, int, int]:
        """(word hash, row of the word's summed n-gram weights in ``_word_table``, n-gram count), added to the
        table on first sight (``doc_margins`` starts the table again when full, never within a document)."""
        fz = self._features.featurizer
        wh, feats = fz._word(word)
        row = len(self._words)
        if row == len(self._word_table):
            grown = np.zeros((2 * row, self._weights.shape[1]), np.float32)
            grown[:row] = self._word_table
            self._word_table = grown
        self._word_table[row] = self._weights[list(feats)].sum(axis=0)
        got = self._words[word] = (wh, row, len(feats))
        return got

    def __call__(self, p):
        sentences = p.content_sentences()
        if not sentences:
            return p
        g = group(p)
        if self._models is None:
            self._load()
        news = self._news if self._news is not None and is_press(p) else None
        page = doc_domain(p, self._cues) if news is not None else ([], {})
        k = len(QUAD_LABELS)
        rel, quad = self._models["relevance"], self._models["quad"]
        for s, z in zip(sentences, self.doc_margins(p, sentences, g), strict=True):
            p_rel, p_quad = float(rel.proba_margins(z[k:])[1]), quad.proba_margins(z[:k])
            evs = g["events"].get(s.idx, [])
            label = combine(p_rel, p_quad, any(e.actor.code and e.recipient.code for e in evs))
            if news is None:
                p.quads[s.idx] = label
            else:
                doms = [d for d, n in page[1].get(s.idx, {}).items() if n]
                feats = news_names(p_rel, label[0], evs, page[0], doms)
                p.quads[s.idx] = decide(float(news.proba(feats)[1]), news.threshold, p_quad, QUAD_LABELS)
        return p


def record_quad(p) -> dict:
    """The quad of a whole record for ``marsad extract``: its most probable relevant sentence's label, else
    irrelevant with the least certain sentence's p; records of several sentences also list each one."""
    quads = [(s, p.quads[s.idx]) for s in p.content_sentences() if s.idx in p.quads]
    if not quads:
        return {"label": QUAD_LABELS[0], "p": None}
    relevant = [q for _, q in quads if q[0] != QUAD_LABELS[0]]
    label, prob = max(relevant, key=lambda q: q[1]) if relevant else min((q for _, q in quads), key=lambda q: q[1])
    out = {"label": label, "p": round(prob, 3)}
    if len(quads) > 1:
        out["sentences"] = [{"idx": s.idx, "start": s.start, "end": s.end, "label": q[0], "p": round(q[1], 3)}
                            for s, q in quads]
    return out
