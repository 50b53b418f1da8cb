"""Rulers, dynasties and empires of the past (data: historic.yaml): named, but no party to today's events.

A feature about a mosque built under the Tang or a sultan's reign names rulers that no dated office list holds. Such a
name becomes a mention of kind ``historic`` with no actor code (the coder never takes it for a party): entry
``ruler:ID``, ``dynasty:ID`` or ``empire:ID``. Full names are read anywhere; short names (قلاوون alone is in
``names``, but صلاح الدين, المأمون or بومبي are plain words, given names or places too) only where the sentence shows
a ruler: after a ruler's title or an era noun, after the full name earlier in the article, or listed right after
another historic name. A dynasty's name only after a dynasty noun (أسرة تانغ) or joined to one named in the sentence.
Titles stay outside the span (الملك فاروق -> فاروق); a name right after an institution noun is a place named after
the ruler (شارع رمسيس، مسجد محمد علي).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from ..data.yamlfile import checked
from ..records import Mention, Token
from ..text.normalize import normalize
from .dictionary import key
from .matcher import orig_prefix_len

SECTIONS = {"rulers": "ruler", "dynasties": "dynasty", "empires": "empire"}
LISTS = ("titles", "era_nouns", "dynasty_nouns", "past_titles", "place_nouns")
ORDINALS = {"الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"}
JOINERS = {"و", "او", "،", ","}  # سولا ، بومبي ، ويوليوس قيصر؛ يوان أو سونغ
LATEST = 1999  # a ruler of later years belongs in people_*.yaml with dated roles


@dataclass
class HistoricData:
    titles: frozenset[str] = frozenset()
    era_nouns: frozenset[str] = frozenset()
    dynasty_nouns: frozenset[str] = frozenset()
    past_titles: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    # normalised name words -> (entry, how): how is name, short, dynasty or empire
    names: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    first: frozenset[str] = frozenset()  # first words of all names
    problems: list[str] = field(default_factory=list)


def words_of(name: str) -> tuple[str, ...]:
    return tuple(normalize(name).replace("-", " ").split())


def load_historic(text: str | None = None, where: str = "context/historic.yaml") -> HistoricData:
    if text is None:
        text = resources.files("marsad.data.actors").joinpath("context", "historic.yaml").read_text(encoding="utf-8")
    h = HistoricData()
    data = checked(text, where, dict, "a mapping", h.problems)
    if data is None:
        return h
    for name in set(data) - set(LISTS) - set(SECTIONS):
        h.problems.append(f"{where}: unknown key '{name}'")
    for name in LISTS:
        words = data.get(name)
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            h.problems.append(f"{where}: '{name}' must be a non-empty list of words")
            continue
        setattr(h, name, frozenset(normalize(w) for w in words))
    names: dict[tuple[str, ...], tuple[str, str]] = {}
    seen: set[str] = set()
    for section, prefix in SECTIONS.items():
        entries = data.get(section)
        if not isinstance(entries, list) or not entries:
            h.problems.append(f"{where}: '{section}' must be a non-empty list of entries")
            continue
        for i, e in enumerate(entries):
            at = f"{where}: {section}[{i}]"
            if not isinstance(e, dict) or not isinstance(e.get("id"), str) or not e["id"]:
                h.problems.append(f"{at}: an entry needs an id")
                continue
            at = f"{where}: {section} '{e['id']}'"
            for k in set(e) - {"id", "en", "names", "short", "period", "where"}:
                h.problems.append(f"{at}: unknown field '{k}'")
            entry = f"{prefix}:{e['id']}"
            if entry in seen:
                h.problems.append(f"{at}: duplicate id")
            seen.add(entry)
            if not isinstance(e.get("en"), str) or not e["en"].strip():
                h.problems.append(f"{at}: 'en' (an English name) is required")
            period = e.get("period")
            if not (isinstance(period, list) and len(period) == 2 and all(isinstance(y, int) for y in period)
                    and period[0] <= period[1] <= LATEST):
                h.problems.append(f"{at}: 'period' must be [first year, last year], in order, up to {LATEST}")
            lists = [("names", e.get("names"))] + ([("short", e["short"])] if "short" in e else [])
            if section != "rulers" and "short" in e:
                h.problems.append(f"{at}: only rulers have short names")
            for field_name, values in lists:
                if not isinstance(values, list) or not values or not all(isinstance(n, str) and n.strip() for n in values):
                    h.problems.append(f"{at}: '{field_name}' must be a non-empty list of names")
                    continue
                for n in values:
                    w = words_of(n)
                    if not w or not all(x.isalpha() for x in w):
                        h.problems.append(f"{at}: name {n!r} must be Arabic words")
                        continue
                    if field_name == "names" and section == "rulers" and len(w) == 1 and len(w[0]) < 4:
                        h.problems.append(f"{at}: one-word name {n!r} read anywhere needs four letters or more "
                                          f"(list it under 'short')")
                    how = "short" if field_name == "short" else {"rulers": "name"}.get(section, prefix)
                    if w in names and names[w][0] != entry:
                        h.problems.append(f"{at}: name {n!r} is also {names[w][0]}'s")
                    names.setdefault(w, (entry, how))
    h.names = names
    h.first = frozenset(w[0] for w in names)
    return h


def written(t: Token) -> str:
    """A word as the data writes it: without proclitics but with its article (والإسكندر -> الاسكندر)."""
    base = t.base or t.norm
    merged = t.base and t.norm.endswith(base) and t.norm[:-len(base)].endswith("لل")  # للدولة: ل + الدولة
    return "ال" + base if (t.prefix.endswith(("ال", "لل")) or merged) and not base.startswith("ال") else base


class Written:
    """``written`` of a sentence's tokens, made only for the words a historic name is looked up at."""

    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.cache: dict[int, str] = {}

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[x] for x in range(*i.indices(len(self.tokens)))]
        w = self.cache.get(i)
        if w is None:
            w = self.cache[i] = written(self.tokens[i])
        return w


class Historic:
    """Finds historic mentions in one sentence; ``seen`` holds the entries named in full so far in the article."""

    def __init__(self, data: HistoricData, institutions: frozenset[str], known: frozenset[str] = frozenset()):
        self.d = data
        self.institutions = institutions
        self.known = known  # words of dictionary names and function words: no unknown ruler's name
        # every word that may start a historic name, with and without its article: most sentences have none
        self.quick = data.first | data.past_titles | frozenset(key(w) for w in data.first | data.past_titles)
        self.longest: dict[str, int] = {}  # a first word -> the most words of a name it starts (no longer look-up)
        for w in data.names:
            self.longest[w[0]] = max(self.longest.get(w[0], 0), len(w))

    def __call__(self, tokens: list[Token], mentions: list[Mention], s, seen: set[str],
                 spots: list[int] | None = None) -> tuple[list[Mention], set[int]]:
        """New mentions, and the indices of ``mentions`` that a longer historic name covers (to drop). ``spots``: the
        positions of words in ``quick``, when the caller has them (the actor stage's one pass: ``passes``)."""
        quick = self.quick
        if spots is None:
            spots = [i for i, t in enumerate(tokens) if t.base in quick or t.norm in quick]
        if not spots:  # most sentences
            return [], set()
        n = len(tokens)
        words = Written(tokens)
        covered = {i: j for j, m in enumerate(mentions) for i in range(m.tok_start, m.tok_end)}
        out: list[Mention] = []
        drop: set[int] = set()
        dynasty_seen = False
        upto = 0
        for i in sorted(set(spots) | {i + 1 for i in spots if i + 1 < n}):  # (and the word after a past title)
            if i < upto:
                continue
            hit = None
            # the tokenizer may take a name's first letter for a proclitic (بومبي): the whole token too
            for whole, first in ((False, words[i]), (True, tokens[i].norm)):
                if first not in self.d.first or (whole and first == words[i]):
                    continue
                top = min(6, n - i, self.longest[first])
                after = tuple(words[i + 1:i + top])  # (the next words, written once for every length)
                for length in range(top, 0, -1):
                    got = self.d.names.get((first,) + after[:length - 1])
                    if got is not None and all(tokens[x].prefix in ("", "ال") for x in range(i + 1, i + length)):
                        hit = (length, got, whole)
                        break
                if hit:
                    break
            if hit is None:
                end = self._unknown_after_title(tokens, i, covered)
                if end:
                    t = tokens[i]
                    out.append(Mention(t.start, tokens[end - 1].end, s.text[t.start - s.start:tokens[end - 1].end - s.start],
                                       "", None, "historic", None, "ruler:", i, end, s.idx))
                    upto = end
                continue
            length, (entry, how), whole = hit
            end = i + length
            inside = {covered[x] for x in range(i, end) if x in covered}
            # a dictionary mention wins unless the historic name is longer and holds it whole (الإمبراطورية
            # الرومانية over الرومانية)
            if inside and not all(mentions[j].tok_start >= i and mentions[j].tok_end <= end
                                  and mentions[j].tok_end - mentions[j].tok_start < length for j in inside):
                continue
            if not self._fits(tokens, words, i, end, entry, how, out, seen, dynasty_seen, whole):
                if self._named_after(tokens, words, i):
                    upto = end  # (جسر السلطان محمد الفاتح: all of it)
                continue
            a = i
            while a < end - 1 and words[a] in self.d.titles:
                a += 1  # الملك فاروق -> فاروق: titles stay outside spans
            t = tokens[a]
            pre = "" if whole and a == i else \
                t.prefix[:-2] if t.prefix.endswith("ال") else t.prefix[:-1] if t.prefix.endswith("لل") else t.prefix
            start = t.start + orig_prefix_len(t.text, len(pre))
            stop = tokens[end - 1].end
            out.append(Mention(start, stop, s.text[start - s.start:stop - s.start], "", None, "historic", None, entry,
                               a, end, s.idx))
            drop |= inside
            if how != "dynasty" and length > 1:
                seen.add(entry)
            dynasty_seen = dynasty_seen or how == "dynasty"
            upto = end
        return out, drop

    def _unknown_after_title(self, tokens, i: int, covered) -> int:
        """الإمبراطور تشيتشنغ، الشاه طهماسب الثاني: a name the data lacks right after a title no office of today
        bears (the emperor of Japan is in the dictionary, so covered); returns the name's end, or 0."""
        if not i or written(tokens[i - 1]) not in self.d.past_titles or i in covered:
            return 0
        t = tokens[i]
        if t.prefix or t.suffix or not t.norm.isalpha() or len(t.norm) < 3 or t.norm.startswith("ال") \
                or key(t.norm) in self.known or t.norm in self.known:
            return 0
        return i + 2 if i + 1 < len(tokens) and tokens[i + 1].norm in ORDINALS and i + 1 not in covered else i + 1

    def _named_after(self, tokens, words, i: int) -> bool:
        j = i - 1 if i and tokens[i - 1].is_word else i - 2  # (حركة "نور الدين زنكي": over a quotation mark)
        return j >= 0 and (key(words[j]) in self.institutions or tokens[j].norm in self.d.place_nouns)

    def _fits(self, tokens, words, i: int, end: int, entry: str, how: str, out: list[Mention], seen: set[str],
              dynasty_seen: bool, whole: bool = False) -> bool:
        if i and tokens[i - 1].norm in ("بن", "ابن", "بنت"):
            return False  # محمد بن نايف بن عبدالعزيز آل سعود: a forefather inside someone's name
        nxt = tokens[end] if end < len(tokens) else None
        if nxt is not None and (nxt.norm in ("بن", "ابن", "بنت", "غراد") or (nxt.norm in ORDINALS and end - i == 1)):
            return False  # الشريف حسين بن ناصر: a longer name; ستالين غراد: a city; نابليون الثالث: another ruler
        if how == "name" and "بن" in words[i:end] and nxt is not None and nxt.prefix == "ال" and nxt.is_word \
                and nxt.norm not in self.known and written(nxt) not in self.d.titles:
            return False  # عمر بن عبد العزيز الهبدان: the same names, then a family name
        if self._named_after(tokens, words, i):
            return False  # شارع رمسيس، جامعة الملك فيصل، منزل بورقيبة: a place named after the ruler
        if how in ("name", "empire"):
            return True
        prefix = "" if whole else tokens[i].prefix
        joined = i and (prefix in ("و", "ف") or words[i - 1] in JOINERS)
        last = out[-1] if out else None
        listed = joined and last is not None and last.tok_end >= i - 1 - (words[i - 1] in JOINERS)
        if how == "dynasty":
            # أسرة تانغ؛ أسرتي تانغ … وسونغ (years between); لأسرة تانغ
            return bool((i and not prefix and words[i - 1] in self.d.dynasty_nouns) or (joined and dynasty_seen))
        # a short name: after a ruler's title or an era noun, the full name earlier, or in a list of rulers
        if prefix not in ("", "و", "ال"):
            return False
        return (i > 0 and (words[i - 1] in self.d.titles or words[i - 1] in self.d.era_nouns
                           or tokens[i - 1].base in self.d.era_nouns)) or entry in seen or bool(listed)


def problems(data: HistoricData, dictionary) -> list[str]:
    """For `marsad dict check`: the file's own problems, and names that the dictionary gives to a state, group,
    place or person in office after 1999 (a historic name must be nobody's today; a historic figure the people files
    also list, with roles that ended by then, may share it). Dynasty names are read only after a dynasty noun."""
    out = list(data.problems)
    owners: dict[tuple[str, ...], list] = {}
    for n in dictionary.names:
        owners.setdefault(n.keys, []).append(n)
    for w, (entry, how) in data.names.items():
        if how == "dynasty":
            continue
        for n in owners.get(tuple(key(x) for x in w), []):
            e = dictionary.entries.get(n.entry)
            late = e is not None and any(not r.end or r.end[:4] > str(LATEST) for r in e.roles)
            if n.kind != "person" or late:
                out.append(f"context/historic.yaml: {entry} name {' '.join(w)!r} is also the dictionary's "
                           f"{n.kind} {n.entry or n.code}")
                break
    return out
