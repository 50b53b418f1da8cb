"""Find actor names in a token sequence in one left-to-right pass over a token trie (longest match).

Keys are normalised words with a leading ال dropped (see ``dictionary.key``); the first word of a name may
carry proclitics (وموسكو، لروسيا، بالصين، والكرملين) and every allowed reading is tried, the unsplit one first,
so بيونغ is never read as ب+يونغ when بيونغ يانغ is a name. Finding matches is separate from resolving them
(``resolver``): the matcher only returns spans and dictionary names.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

from ..records import Token
from ..text.normalize import normalize
from ..text.tokens import _PREFIXES
from .dictionary import KIND_RANK, ActorDictionary, Name, key
from .firstsight import FirstSight
from .spelling import skeleton_of, word_skeleton

_END = object()
_UNSEEN = object()  # (no answer kept yet: ``head_at``)
LIMIT = 500_000  # distinct words kept by each per-word cache
PICKS = 10_000  # token lists whose picked positions are kept (an article's sentences; ``prepare`` starts afresh)
AMBIGUOUS_CUES = {"حركه", "في", "دوله", "جمهوريه", "حكومه", "الي", "مع", "رئيس", "شمال", "جنوب", "عاصمه"}
# the ambiguous states whose other reading is no noun a preposition or a state's noun goes with (مالي "financial",
# تشاد "is built", عمان/Amman, جورجيا a given name): a ب/ل proclitic is a cue like في (لمالي، بتشاد، لعمان)
# and so are more indefinite nouns of a state (شرق تشاد، سفير جورجيا، جيش مالي); not فتح (بفتح "by opening",
# جيش الفتح), كيف (بكيف "with how") or بنين (ببنين "with sons"); not وسط (وسط مالي "a financial milieu")
CLITIC_CUED = {"مالي", "تشاد", "عمان", "جورجيا"}
CLITIC_CUES = {"ب", "ل", "وب", "ول", "فب", "فل"}
STATE_CUES_MORE = {"شرق", "غرب", "سفير", "سفاره", "جيش", "قوات", "شعب", "خارجيه"}
AMBIGUOUS_PLACES = {("اطار",), ("امل",), ("سلام",), ("نصر",), ("حره",), ("وحده",), ("عين",), ("مدينه",), ("ميدان",),
                    ("جامعه",), ("ساحه",), ("مركز",)}  # places spelled like common words (ميدان "square" / Medan)
STATE_CUES = {"دوله", "جمهوريه", "مملكه", "سلطنه", "اماره", "يا"}  # مملكة بحرين، يا دنمارك (vocative): no ال after them
NASAB = {"بن", "ابن", "بنت"}  # the father's name inside a full name
AFTER_FIRST = frozenset(NASAB | {"-"})  # next words that let a walk go on whatever the trie says (بيونغ-يانغ، فلان بن …)
DUAL_HEADS = {"جمهوريتي": "جمهوريه", "جمهوريتا": "جمهوريه", "جمهوريتين": "جمهوريه"}


@dataclass(slots=True)
class Match:
    tok_start: int
    tok_end: int  # exclusive
    char_start: int  # offsets into the document (proclitics excluded)
    char_end: int
    names: list[Name]  # every dictionary name with these keys (resolver picks)
    nasab: bool = False  # a two-word name read across its father's name (عادل بن أحمد الجبير): another may bear it


# the Arabic block's characters that normalise to something (letters) and to nothing (marks, tatweel), decided once
_ARABIC_BLOCK = [chr(c) for c in range(0x0600, 0x0700)]
_LETTERS = frozenset(ch for ch in _ARABIC_BLOCK if normalize(ch))
_MARKS = frozenset(ch for ch in _ARABIC_BLOCK if not normalize(ch))


def orig_prefix_len(text: str, n_norm: int) -> int:
    """Characters of ``text`` that make up its first ``n_norm`` normalised characters."""
    if n_norm <= 0:
        return 0
    count = 0
    for i, ch in enumerate(text):
        if ch in _LETTERS or (ch not in _MARKS and normalize(ch)):
            count += 1
            if count == n_norm:
                # include marks (diacritics) that follow the last counted letter
                j = i + 1
                while j < len(text) and (text[j] in _MARKS or (text[j] not in _LETTERS and not normalize(text[j]))):
                    j += 1
                return j
    return len(text)


_BY_FIRST: dict[str, tuple[str, ...]] = {}  # proclitic readings by their first letter (in _PREFIXES' order)
for _p in _PREFIXES:
    if "س" in _p:
        continue  # the future particle precedes verbs, never a name: سرقة "theft" is no س + (ال)رقة
    _BY_FIRST[_p[0]] = _BY_FIRST.get(_p[0], ()) + (_p,)
# by a word's first two letters (وب: وبال، وب، و), in the same order: a و word tries three, not eleven
_ONE = {c: tuple(p for p in ps if len(p) == 1) for c, ps in _BY_FIRST.items()}
_BY_TWO = {p[:2]: tuple(q for q in _BY_FIRST[p[0]] if len(q) == 1 or q[:2] == p[:2])
           for p in _PREFIXES if len(p) > 1 and "س" not in p}


def first_keys(norm: str) -> tuple[tuple[int, str], ...]:
    """(normalised prefix length, key) readings of a name's first word, unsplit first. (Not cached here: the
    Matcher keeps what each word starts, so this runs once per distinct word.)"""
    out = [(0, key(norm))]
    for pre in _BY_TWO.get(norm[:2]) or _ONE.get(norm[:1], ()):
        if norm.startswith(pre) and len(norm) - len(pre) >= 2:
            # لل = ل + ال: the span keeps the second ل (it is the ال of the name)
            out.append((len(pre) - 1 if pre.endswith("لل") else len(pre), key(norm[len(pre):])))
    return tuple(out)


def skeleton(word: str) -> str:
    """A long transliterated word without its inner long vowels ي و (بروكسيل، بروكسل -> بركسل): spellings of one
    foreign name that differ only in written vowels share it. Empty for short words (no fuzzy match for them)."""
    if len(word) < 5:
        return ""
    sk = word[0] + word[1:-1].replace("ي", "").replace("و", "") + word[-1]  # (3x faster than str.translate)
    return sk if len(sk) >= 5 else ""


def follows(starts: tuple) -> dict | frozenset | None:
    """The words that may come right after a name's first word, from the trie nodes its readings reach (``written``
    nodes: the words as written); None when a reading is a whole name itself (any next word will do)."""
    if any(_END in node for _, node in starts):
        return None
    if len(starts) == 1:
        return starts[0][1]  # (a node's keys are the words that may follow)
    return frozenset(k for _, node in starts for k in node)


def by_last(words) -> dict[str, frozenset[str]]:
    """Last letter -> the first letters of the words ending with it (a prefilter before skeletons are made)."""
    out: dict[str, set[str]] = {}
    for w in words:
        if w:
            out.setdefault(w[-1], set()).add(w[0])
    return {k: frozenset(v) for k, v in out.items()}


def as_written(node: dict) -> dict:
    """A copy of a trie node whose children are reached by the words as written (الرئيس and رئيس both lead to the
    child ``رئيس``): the walk after a name's first word then needs no ``key()`` per word. A word w leads where
    ``key(w)`` leads: a key itself when ``key`` leaves it as it is, and the key with ال before it (four letters or
    more, which ``key`` strips)."""
    out: dict = {_END: node[_END]} if _END in node else {}
    for k, child in node.items():
        if k is _END:
            continue
        sub = as_written(child)
        if key(k) == k:
            out[k] = sub
        if len(k) >= 2:
            out["ال" + k] = sub
    return out


class Trie:
    def __init__(self, names: list[Name], ranked: bool = False):
        self.root: dict = {}  # keyed words (``dictionary.key``) -> nodes; the walkers that key their words use it
        self.starts: dict[str, tuple] = {}  # word -> ((prefix length, node of ``written``), …)
        self.follow: dict[str, dict | frozenset | None] = {}  # word -> ``follows`` of its starts (``Matcher._at``)
        for n in names:
            node = self.root
            for k in n.keys:
                node = node.setdefault(k, {})
            node.setdefault(_END, []).append(n)
        if ranked:  # names of one span in the order the resolver reads them (a stable sort: as sorting each match)
            stack = [self.root]
            while stack:
                node = stack.pop()
                if _END in node:
                    node[_END].sort(key=lambda x: KIND_RANK[x.kind])
                stack.extend(v for k, v in node.items() if k is not _END)
        # first words keyed as the readings of ``first_keys`` are; the words after them as written
        self.written = {k: as_written(child) for k, child in self.root.items()}

    def walk(self, node: dict, tokens: list[Token], j: int) -> list[tuple[int, list[Name]]]:
        """Terminals reachable from ``node`` consuming tokens from j: [(end index, names)]."""
        out = []
        n = len(tokens)
        while j < n:
            t = tokens[j]
            if t.norm == "-" and j + 1 < n:  # بيونغ-يانغ
                j += 1
                continue
            nxt = node.get(key(t.norm))
            if nxt is None:
                break
            node = nxt
            j += 1
            if _END in node:
                out.append((j, node[_END]))
        return out


class Matcher:
    """Callable: tokens -> non-overlapping matches, longest first."""

    def __init__(self, dictionary: ActorDictionary, spellings=None, function_words: frozenset[str] = frozenset()):
        # function words (كما، خلال) are never split into proclitic + name (ك + ما), nor start a name by skeleton
        self.function_words = function_words
        self.spellings = spellings  # actors.spelling.PersonSpellings: foreign person names in other spellings
        self.spelled_as: dict[str, str] = {}  # a one-word variant read by skeleton -> the dictionary's key (per word)
        # per-word caches, bounded (LIMIT distinct words each; past that, words are read afresh each time)
        self.plain: set[str] = set()  # words that start no name in any way (most words of a text)
        self.inert: set[str] = set()  # those of them that start no head noun or place either
        # the token lists matched since the article began (``prepare``) -> the positions of their words not inert
        # (the stage matches every sentence before it scans any), and the head nouns found at their positions so far
        # (the resolver, the candidates, the short names and the agents' scan ask for the same ones: about 21,000
        # asks, 9,500 distinct per 2 MB); bounded for callers that never call ``prepare``
        # and the positions where a head noun may start (the candidates' and the agents' scans: one pass for both)
        self.picks: dict[int, tuple[list[Token], list[int], dict[int, tuple | None], list]] = {}
        self.known: dict[str, tuple] = {}  # the other words -> what they start (``_learn``)
        # words that may start a foreign person's name of two words or more only -> the skeletons the next word must
        # have (most such words are followed by another word: ``_spelled`` is not called)
        self.spell_next: dict[str, frozenset[str]] = {}
        self.trie = Trie(dictionary.names, ranked=True)
        self.head_trie = Trie([Name(k, agent, None, agent, "head") for k, agent, _ in dictionary.heads])
        self.heads = {k: (agent, title) for k, agent, title in dictionary.heads}
        self.city_trie = Trie([Name(k, code, code, None, "place") for k, code in dictionary.cities.items()
                               if k not in AMBIGUOUS_PLACES])
        self.first_words = set(self.trie.root) | set(self.head_trie.root) | set(self.city_trie.root)
        # one-word state and capital names by skeleton, for spellings that differ in long vowels only
        self.skeletons: dict[str, list[Name]] = {}
        for n in dictionary.names:
            if len(n.keys) == 1 and n.kind in ("name", "capital") and not n.ambiguous and skeleton(n.keys[0]):
                self.skeletons.setdefault(skeleton(n.keys[0]), []).append(n)
        exact = {n.keys[0] for n in dictionary.names if len(n.keys) == 1}
        exact |= {k[0] for k in dictionary.cities if len(k) == 1}  # أكادير is a city, not إكوادور in other vowels
        self.skeletons = {k: sorted(v, key=lambda x: KIND_RANK[x.kind]) for k, v in self.skeletons.items()
                          if len({n.entry for n in v}) == 1}  # (ranked, as the name trie's lists)
        self.exact_words = exact
        # first letters of the skeletons by their last letter (state skeletons; first words of foreign persons)
        self.fuzzy_firsts = by_last(self.skeletons)
        self.spell_firsts = by_last(spellings.first) if spellings is not None else {}
        # most words begin nothing: a few set lookups say so before any reading or skeleton is made
        self.sight = FirstSight(self.first_words, self.skeletons, spellings.first if spellings is not None else (),
                                function_words)

    def scan(self, tokens: list[Token], trie: Trie) -> list[tuple[int, int, list[Name]]]:
        """Non-overlapping longest matches of ``trie`` over tokens: (start, end, names)."""
        out = []
        upto = 0
        starts = trie.starts
        # the words that may start something, as the matcher picked them for these tokens (the stage scans the tokens it
        # has just matched), else all; one pass skips the words known to start nothing here
        if trie is self.head_trie:
            spots, heads = self.head_positions(tokens)
        else:
            spots, heads = [i for i in self.positions(tokens) if starts.get(tokens[i].norm) != ()], None
        for i in spots:
            if i < upto:
                continue
            hit = self._at(tokens, i, trie) if heads is None else self.head_at(tokens, i, heads)
            if hit:
                out.append((i, hit[0], hit[2]))
                upto = hit[0]
        return out

    def forget(self) -> None:
        """The article is read: its token lists' positions go (nothing of it is kept alive past the stage)."""
        self.picks.clear()

    def positions(self, tokens: list[Token]) -> list[int] | range:
        """The positions of the words not known to begin anything, as matching these very tokens picked them (all
        positions for tokens not matched in this article, or a copy of them)."""
        got = self.picks.get(id(tokens))
        return got[1] if got is not None and got[0] is tokens else range(len(tokens))

    def head_memo(self, tokens: list[Token]) -> dict[int, tuple | None] | None:
        """The head nouns found so far at the positions of tokens matched in this article (None for other tokens:
        each ask is answered afresh)."""
        got = self.picks.get(id(tokens))
        return got[2] if got is not None and got[0] is tokens else None

    def head_positions(self, tokens: list[Token]) -> tuple[list[int], dict[int, tuple | None] | None]:
        """The positions where a head noun may start (of the picked ones: the words not known to start none), and the
        head nouns found so far (``head_memo``). Made once per token list matched in this article: a word learnt later
        to start none stays in the list, and ``head_at`` answers None there, as a fresh list would skip it."""
        starts = self.head_trie.starts
        got = self.picks.get(id(tokens))
        if got is None or got[0] is not tokens:
            return [i for i in range(len(tokens)) if starts.get(tokens[i].norm) != ()], None
        if got[3][0] is None:
            got[3][0] = [i for i in got[1] if starts.get(tokens[i].norm) != ()]
        return got[3][0], got[2]

    def head_at(self, tokens: list[Token], i: int, memo: dict[int, tuple | None] | None):
        """``_at`` of the head-noun trie, kept in ``memo`` (``head_memo``): the answer depends on the tokens and i only."""
        if memo is None:
            return self._at(tokens, i, self.head_trie)
        hit = memo.get(i, _UNSEEN)
        if hit is _UNSEEN:
            hit = memo[i] = self._at(tokens, i, self.head_trie)
        return hit

    def _at(self, tokens: list[Token], i: int, trie: Trie) -> tuple[int, int, list[Name]] | None:
        norm = tokens[i].norm
        starts = trie.starts.get(norm)
        if starts is None:  # readings of this word that begin a name, cached per word
            root = trie.written
            readings = first_keys(norm) if norm not in self.function_words else first_keys(norm)[:1]
            starts = tuple([(pl, root[k]) for pl, k in readings if k in root]) if norm[:1].isalpha() else ()
            if len(trie.starts) < LIMIT:
                trie.starts[norm] = starts
        if not starts:
            return None
        # most words that may begin a place or head noun of several words are not followed by its next word here:
        # one lookup says so before the walk (as the matcher's loop does for names)
        follow = trie.follow.get(norm, _UNSEEN)
        if follow is _UNSEEN:
            follow = follows(starts)
            if len(trie.follow) < LIMIT:
                trie.follow[norm] = follow
        if follow is not None:
            nxt = tokens[i + 1].norm if i + 1 < len(tokens) else None
            if nxt not in follow and nxt != "-":
                return None
        return self._longest(tokens, i, starts)

    @staticmethod
    def _longest(tokens: list[Token], i: int, starts: tuple) -> tuple[int, int, list[Name]] | None:
        """The longest name that one of the word's readings (prefix length, trie node) begins: (end, prefix length,
        names); at equal length the unsplit (shorter prefix) reading wins."""
        best = None
        n = len(tokens)
        for pre_len, node in starts:
            # the longest name of this reading (``Trie.walk`` inlined: called for every candidate word)
            names = node.get(_END)
            end = i + 1 if names is not None else 0
            j = i + 1
            while j < n:
                w = tokens[j].norm
                if w == "-" and j + 1 < n:  # بيونغ-يانغ
                    j += 1
                    continue
                node = node.get(w)  # (``written`` nodes: no key() of the word)
                if node is None:
                    break
                j += 1
                if _END in node:
                    end, names = j, node[_END]
            if end and (best is None or end > best[0] or (end == best[0] and pre_len < best[1])):
                best = (end, pre_len, names)
        return best

    def __call__(self, tokens: list[Token]) -> list[Match]:
        out: list[Match] = []
        n = len(tokens)
        plain, known, inert, spell_next = self.plain, self.known, self.inert, self.spell_next
        upto = 0  # the token after the last match
        # most words are known to start nothing (no name, head noun or place, exact, by skeleton or in other vowels):
        # one pass picks the others, kept for ``scan`` of the same tokens
        picked = [i for i, t in enumerate(tokens) if t.norm not in inert]
        if len(self.picks) >= PICKS:
            self.picks.clear()
        self.picks[id(tokens)] = (tokens, picked, {}, [None])
        for i in picked:
            if i < upto:  # (inside a match)
                continue
            t = tokens[i]
            norm = t.norm
            facts = known.get(norm)
            if facts is None:
                if norm in plain:  # (starts no name: a head noun or place only, or learnt plain in this sentence)
                    continue
                facts = self._learn(norm)
            starts, fuzzy, spelled, begins, follow = facts
            if follow is not None:
                nxt = tokens[i + 1].norm if i + 1 < n else None
                if nxt not in follow and nxt not in AFTER_FIRST:
                    if not spelled:
                        continue  # (most sightings of a name's first word: the next word continues no name here)
                    # a word that may also start a foreign name in another spelling (about 15,000 sightings per 2 MB,
                    # most of them common words): neither when the next word's skeleton is none of its next words'
                    nexts = spell_next.get(norm)
                    if nexts is not None and (word_skeleton(key(nxt)) if nxt is not None else "") not in nexts:
                        continue
            dual = (DUAL_HEADS.get(key(norm)) or DUAL_HEADS.get(t.base)) if "جمهوريت" in norm else None
            if dual:
                got = self._dual(tokens, i, dual)
                if got:
                    out.extend(got)
                    upto = got[-1].tok_end
                    continue
            hit = self._longest(tokens, i, starts) if starts else None
            if not hit and fuzzy is not None:
                hit = (i + 1, fuzzy[0], fuzzy[1])
            if spelled and (not hit or hit[0] == i + 1):
                nexts = spell_next.get(norm)
                if nexts is None or (word_skeleton(key(tokens[i + 1].norm)) if i + 1 < n else "") in nexts:
                    alt = self._spelled(tokens, i, spelled)
                    if alt and (not hit or alt[0] > hit[0]):
                        hit = alt
            if (not hit or hit[0] == i + 1) and i + 3 < n and tokens[i + 1].norm in NASAB:
                hit = self._nasab(tokens, i) or hit
            if not hit:
                if not (starts or fuzzy or spelled or dual) and len(plain) < LIMIT:
                    plain.add(norm)  # (the answer depends on the word only)
                    if not begins and len(inert) < LIMIT:
                        inert.add(norm)
                continue
            end, pre_len, names = hit
            if names[0].ambiguous and all(nm.ambiguous for nm in names) \
                    and not (i > 0 and self._cued(tokens[i - 1], end == i + 1 and norm[pre_len:] in CLITIC_CUED)) \
                    and not (end == i + 1 and norm[:pre_len] in CLITIC_CUES and norm[pre_len:] in CLITIC_CUED) \
                    and not self._coordinated(tokens, i, end, out):
                continue
            if end == i + 1:
                has_al = "ال" in norm[:pre_len + 2] or norm.startswith(("لل", "ولل", "فلل"))
                cue = i > 0 and tokens[i - 1].norm in STATE_CUES
                # "أسد الرافدين" is a lion, not الأسد; "مغرب" is sunset; "الرئيسي" is "main", not رئيسي; the
                # other readings of the word (الكيني: Kenyan, not Jason Kenney) stay
                names = [nm for nm in names if not (nm.definite and not has_al and not cue)
                         and not (nm.bare and has_al)]
                if not names:
                    continue
            elif any(nm.bare_words for nm in names):
                # "محمد بديع" is not "محمد البديّع", "مالك عقار" not "مالك العقار" (the owner of the property)
                names = [nm for nm in names if not self._al_added(tokens, i, end, pre_len, nm)]
                if not names:
                    continue
            start_char = t.start + orig_prefix_len(t.text, pre_len) if pre_len else t.start
            # (every list of names comes ranked: the name trie's and the skeleton indexes' are sorted when built)
            out.append(Match(i, end, start_char, tokens[end - 1].end, names[:],
                             end - i > 2 and tokens[i + 1].norm in NASAB and all(len(nm.keys) == 2 for nm in names)))
            upto = end
        return out

    @staticmethod
    def _al_added(tokens: list[Token], i: int, end: int, pre_len: int, nm: Name) -> bool:
        """A word of a longer person name that the dictionary never writes with ال carries it in the text."""
        if not nm.bare_words or len(nm.keys) != end - i:
            return False  # (read across a father's name or by skeleton: the words do not line up)
        for j in range(end - i):
            if nm.bare_words >> j & 1:
                t = tokens[i + j]
                if ("ال" in t.norm[:pre_len + 2] or t.norm.startswith(("لل", "ولل", "فلل"))) if j == 0 \
                        else ("ال" in t.prefix or t.norm.startswith("ال")):
                    return True
        return False

    def prepare(self, words: set[str]) -> None:
        """First sight of a whole article's words at once (``words``: its distinct normalised words; the stage calls
        it before the article's sentences): most new words begin nothing, and a few set lookups over all of them say
        so (``firstsight``). They are kept in ``plain`` and ``inert``, as the loop after ``_learn`` would keep them;
        the sentences' one pass then skips them. The other new words are read in full by ``_learn`` when met, as before: the answers are the same with
        or without this call."""
        self.picks.clear()  # (a new article: the last one's token lists are not scanned again)
        known = self.known
        fresh = [w for w in words - self.plain if w not in known]
        silent = self.sight.silent(fresh)
        # (the head-noun and place tries need not learn them: their scans read only the words not inert, and the
        # look back for a head noun reads the few words it meets as before)
        plain, inert = self.plain, self.inert
        if len(plain) + len(silent) < LIMIT and len(inert) + len(silent) < LIMIT:  # (the usual case: all at once)
            plain.update(silent)
            inert.update(silent)
            return
        for w in silent:
            if len(plain) < LIMIT:
                plain.add(w)
                if len(inert) < LIMIT:
                    inert.add(w)

    def _learn(self, norm: str) -> tuple:
        """First sight of a word: what it starts, all at once and kept per word (the answers depend on the word
        only): (readings that start a name as (prefix length, trie node), a state in other vowels as (prefix length,
        names) or None, readings that may start a foreign person's name by skeleton, whether a reading begins a
        name, head noun or place at all). The head-noun and place tries learn the readings that begin one of theirs.
        A word that starts no name is kept in ``plain`` by the caller instead (and in ``inert`` if it begins nothing)."""
        keys = first_keys(norm)
        function = norm in self.function_words
        # a function word starts a name only unsplit and never by skeleton; most words begin nothing
        some = [r for r in (keys[:1] if function else keys) if r[1] in self.first_words] if norm[:1].isalpha() \
            else None
        if some:
            starts = tuple([(pl, self.trie.written[k]) for pl, k in some if k in self.trie.written])
            for trie in (self.head_trie, self.city_trie):
                if len(trie.starts) < LIMIT:  # (the answers depend on the word only: kept or made again alike)
                    trie.starts[norm] = tuple([(pl, trie.written[k]) for pl, k in some if k in trie.written])
        else:  # (the name trie's answer is kept with the word, in ``known`` or ``plain``; the head nouns' and places'
            # in their tries: the resolver and the scans of the same sentence read them)
            starts = ()
            heads, places = self.head_trie.starts, self.city_trie.starts
            if len(heads) < LIMIT:
                heads[norm] = ()
            if len(places) < LIMIT:
                places[norm] = ()
        # every reading ends with the word's last letter, and a skeleton keeps a word's first and last letters: most
        # words are ruled out before a skeleton is made
        last = norm[-1:]
        fuzzy = None
        firsts = self.fuzzy_firsts.get(last) if len(norm) >= 5 else None
        if firsts:
            exact, skeletons = self.exact_words, self.skeletons
            for pl, k in keys:
                if len(k) >= 5 and k[0] in firsts and k not in exact:
                    sk = skeleton(k)
                    if sk and sk in skeletons:
                        fuzzy = (pl, skeletons[sk])
                        break
        spelled = ()
        if self.spellings is not None and not function:
            firsts, first = self.spell_firsts.get(last, ()), self.spellings.first
            hits = [(pl, k, sk) for pl, k in keys if k and (k[0] in firsts or k.startswith("تش"))
                    and (sk := skeleton_of(k)) in first]
            if hits:  # (prefix length, key, skeleton, a one-word name's skeleton?, skeletons of the words after it)
                index, seconds = self.spellings.index, self.spellings.seconds
                spelled = tuple([(pl, k, sk, (sk,) in index, seconds.get(sk, ())) for pl, k, sk in hits])
                if not any(r[3] for r in spelled) and len(self.spell_next) < LIMIT:
                    self.spell_next[norm] = frozenset().union(*(r[4] for r in spelled))
        # the words that may come next when the word is no name alone (no reading ends a name, no state in other
        # vowels, no dual): one lookup then tells most sightings that no name starts here (``follows``)
        follow = follows(starts) if starts and fuzzy is None and "جمهوريت" not in norm else None
        if not starts and fuzzy is None and spelled and "جمهوريت" not in norm:
            follow = frozenset()  # (a foreign name's first word in other spellings only: the loop's test of its next word)
        facts = (starts, fuzzy, spelled, bool(some), follow)  # (begins: a name, head noun or place)
        if (starts or fuzzy or spelled) and len(self.known) < LIMIT:
            self.known[norm] = facts  # (a word that starts nothing goes to ``plain`` once its sentence is read)
        return facts

    def _nasab(self, tokens: list[Token], i: int) -> tuple[int, int, list[Name]] | None:
        """A known two-word name (given name + family name) written with the father's and grandfather's names
        between (عادل بن أحمد الجبير for عادل الجبير): the whole span is that person."""
        t = tokens[i]
        node = self.trie.root.get(key(t.norm)) if not t.prefix or t.prefix == "و" else None
        if node is None and t.prefix == "و":
            node = self.trie.root.get(key(t.norm[1:]))
        j = i + 1
        while node is not None and j + 1 < len(tokens) and tokens[j].norm in NASAB and tokens[j + 1].is_word:
            j += 2  # بن أحمد (بن محمد)
            if j < len(tokens):
                nxt = node.get(key(tokens[j].norm))
                if nxt is not None and _END in nxt:
                    names = [nm for nm in nxt[_END] if nm.kind == "person" and len(nm.keys) == 2]
                    if names:
                        return j + 1, (1 if t.prefix == "و" else 0), names
        return None

    def _spelled(self, tokens: list[Token], i: int, readings: tuple) -> tuple[int, int, list[Name]] | None:
        """A foreign person's name in another spelling (عمير بيريتس for عمير بيرتس): see ``actors.spelling``.
        ``readings``: the word's readings that may start one (``_learn``)."""
        sp = self.spellings
        nxt = None
        for pre_len, k, _, single, seconds in readings:
            if not single:
                if nxt is None:
                    nxt = word_skeleton(key(tokens[i + 1].norm)) if i + 1 < len(tokens) else ""
                if nxt not in seconds:
                    continue  # (most readings: a first word of a foreign name followed by a word not its next)
            # (a word with the article ends the walk: البلوي is no foreign name's word)
            words = chain((k,), (key(t.norm) if not t.norm.startswith("ال") else "" for t in tokens[i + 1:i + sp.longest]))
            # كفنان (ك + فنان): a one-word name by skeleton only without a proclitic but و
            got = sp.find(words, single=pre_len == 0 or (pre_len == 1 and tokens[i].norm[0] == "و"))
            if got:
                count, names = got
                if count == 1:
                    self.spelled_as[k] = names[0].keys[0]
                return i + count, pre_len, names
        return None

    @staticmethod
    def _cued(prev: Token, state: bool) -> bool:
        """The word before an ambiguous name is its cue (في مالي، حركة فتح; with a proclitic: بسفير جورجيا, but not
        with ال: العاصمة ماليه is Malé)."""
        word = prev.norm if prev.norm in AMBIGUOUS_CUES or "ال" in prev.prefix else prev.base
        return word in AMBIGUOUS_CUES or (state and word in STATE_CUES_MORE)

    def _coordinated(self, tokens: list[Token], i: int, end: int, found: list[Match]) -> bool:
        """An ambiguous name (مالي "financial", تشاد) coordinated with a plain name is a state:
        "قطعت مالي والنيجر", "النيجر ومالي"."""
        if tokens[i].norm.startswith("و") and found and found[-1].tok_end == i:
            return True
        if end < len(tokens) and tokens[end].norm.startswith("و"):
            nxt = self._at(tokens, end, self.trie)
            return bool(nxt) and not all(nm.ambiguous for nm in nxt[2])
        return False

    def _dual(self, tokens: list[Token], i: int, singular: str) -> list[Match]:
        """جمهوريتي دونيتسك ولوغانسك -> جمهورية دونيتسك + جمهورية لوغانسك (two entities)."""
        node = self.trie.root.get(key(singular))
        if node is None:
            return []
        out = []
        j = i + 1
        first = True
        while j < len(tokens):
            t = tokens[j]
            best = None
            for pre_len, k in ([(0, key(t.norm))] if first else first_keys(t.norm)[1:] if t.norm.startswith("و") else ()):
                nxt = node.get(k)
                if nxt is None:
                    continue
                hits = ([(j + 1, nxt[_END])] if _END in nxt else []) + self.trie.walk(nxt, tokens, j + 1)
                for end, names in hits:
                    if best is None or end > best[0]:
                        best = (end, pre_len, names)
            if not best:
                break
            end, pre_len, names = best
            out.append(Match(j, end, t.start + orig_prefix_len(t.text, pre_len), tokens[end - 1].end,
                             sorted(names, key=lambda x: KIND_RANK[x.kind])))
            j = end
            first = False
        return out if out else []

    def head_before(self, tokens: list[Token], i: int) -> tuple[int, str, str | None] | None:
        """A head noun (وزير الدفاع، البرلمان …) ending right before token i: (start index, agent, title)."""
        starts = self.head_trie.starts
        memo = None
        for length in (4, 3, 2, 1):
            s = i - length
            if s < 0 or starts.get(tokens[s].norm) == () or tokens[s].norm in self.inert:  # (most start no head noun)
                continue
            if memo is None:
                memo = self.head_memo(tokens)
            hit = self.head_at(tokens, s, memo)
            if hit and hit[0] == i:
                names = hit[2]
                agent = names[0].agent
                title = self.heads.get(names[0].keys, (agent, None))[1]
                return s, agent, title
        return None
