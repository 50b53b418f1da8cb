"""Surnames the article itself teaches: after (or before) a known person's full name, the press names the person
by the family name alone (نبيه بري … مصادر مقربة من بري). The dictionary derives most surnames itself, but not
short ones (بري), adjective-like ones (الحريري is listed; المصري is not derived) nor, for Chinese and Korean names,
the family name written first (وانغ غوانغيا … وانغ). Here a full name read anywhere in the article lets its family
name stand for the person in that article only, where the sentence shows a name (the stage's ``_surname_here``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from difflib import SequenceMatcher

from ..records import Mention
from ..text.normalize import normalize
from .dictionary import NOT_SURNAMES, SURNAME_FIRST, ActorDictionary, key
from .matcher import orig_prefix_len

# proclitics a surname may carry: و ف and the prepositions ل ب (لبري، وبري); ال only when the full name had it
PROCLITICS = {"", "و", "ف", "ل", "ب", "ول", "وب", "فل", "فب"}
# prepositions before a name (مصادر مقربة من بري): the function-word list leaves some out
PREPOSITIONS = {"من", "الي", "علي", "عن", "مع", "بين", "ضد", "لدي", "عند", "حول", "بعد", "قبل", "امام", "خلف", "وراء",
                "دون", "بدون", "مثل", "غير"}
# states where a name's بن X is a family name (Benaissa, Ben Ali), not a father's name as in the Gulf
BEN_FAMILY_STATES = {"MAR", "DZA", "TUN", "LBY", "MRT"}
# a family, not the person (آل بوش، عائلة كنيدي، أسرة الفيصل)
FAMILY_WORDS = {"ال", "عايله", "عايلات", "اسره", "اسر", "ابناء", "اشقاء"}
LINKS = {"بن", "ابن", "بنت", "ابو", "ام", "عبد", "ال"}  # a name's last word after these is no family name alone


def similar(a: str, b: str) -> bool:
    """Two spellings of one name (كونداليزا، كوندوليزا): the same first letter, most letters shared."""
    return a == b or (a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= 0.75)


def strip_al(word: str) -> tuple[str, bool]:
    return (word[2:], True) if word.startswith("ال") and len(word) > 4 else (word, False)


class ArticleSurnames:
    """Family names of the persons an article names in full: surname -> (person, written with ال)."""

    def __init__(self, dictionary: ActorDictionary, given: frozenset[str] | set[str], protected: Iterable[str],
                 foreign: Callable[[object], bool] | None = None, verbs: frozenset[str] = frozenset(),
                 idioms: frozenset[str] = frozenset(), stops: frozenset[str] = frozenset(),
                 firsts: frozenset[str] = frozenset(), titles: frozenset[str] = frozenset()):
        self.d = dictionary
        self.given = given  # given names (أحمد، صدام): no surname alone, and before a surname someone else's name
        self.protected = frozenset(protected)
        self.foreign = foreign  # is a token a transliterated foreign name (فيكي، تيدي)?
        self.verbs = verbs  # verbs of saying: a family name بن X may follow one (وأكد بن عيسى)
        self.idioms = idioms  # لصالح "in favour of": as written, no family name with a proclitic
        # first words of the dictionary's full names (جهاد، عزام), four letters or more: given names, though some are
        # also words (صادق "ratified"); asked only where a surname would be read from the article's full names
        self.firsts = frozenset(w for w in firsts if len(w) >= 4)
        self.titles = titles  # office words and honorifics: before a name they are no given name (سفير، الشيخ)
        self.stops = stops  # words that end a name (اليوم، السابق): no family name after a surname
        # family names (the last word of a dictionary person's names: الخطيب، الجبوري): after a surname one makes the
        # surname someone else's given name (الشيخ عزام الخطيب is not نافذ عزام)
        self.families = frozenset(n.keys[-1] for n in dictionary.names if n.kind == "person" and len(n.keys) > 1)
        self.own: dict[str, set[str]] = {}  # person -> the words of its names (علي صالح، خوسيه لويس ثاباتيرو: himself)
        for n in dictionary.names:
            if n.kind == "person":
                self.own.setdefault(n.entry, set()).update(n.keys[:-1])

    def someone_else(self, tokens, i: int, covered: set[int] | frozenset[int] = frozenset(),
                     person: str | None = None, foreign: bool = True, family: bool = True, broad: bool = True) -> bool:
        """The family name at token i belongs to someone else or to a family: right after another given name (خالد
        الفيصل after سعود الفيصل, تيدي كنيدي, حمزة الحوثي), Arabic or foreign, or after آل/عائلة/أسرة (آل بوش).
        A surname with a proclitic starts a new item (لافروف وجبير)."""
        if not i or tokens[i].prefix.startswith(("و", "ف", "ل", "ب")):
            return False
        prev = tokens[i - 1]
        if family and (prev.norm in FAMILY_WORDS or (not prev.prefix and key(prev.base or prev.norm) in FAMILY_WORDS)):
            return True
        k = key(prev.base or prev.norm)
        if tokens[i].norm == "بن" and prev.is_word and prev.norm.isalpha() and i - 1 not in covered and len(k) >= 3 \
                and not {k, prev.norm} & (self.verbs | self.titles | self.protected | PREPOSITIONS) \
                and not any(similar(prev.norm, w) for w in self.own.get(person or "", ())):
            return True  # سناء بن لادن (س+ناء to the tokenizer): after a name word, بن X is her family's name
        if prev.norm in ("الدين", "الله") and not prev.prefix:
            return True  # نور الدين دمرتاش، محمد بن عبد الله الشريف: the end of a compound given name
        # (a word before that another reading covers is still a given name here: محمد علي الحوثي)
        if prev.prefix not in ("", "و", "ف") or not prev.is_word or len(k) < 3 \
                or any(similar(k, w) for w in self.own.get(person or "", ())):
            return False  # (علي صالح، كونداليزا رايس: his or her own given name, as listed or in other letters)
        if k == "علي" and i >= 2 and key(tokens[i - 2].base or tokens[i - 2].norm) in self.given:
            return True  # محمد علي الحوثي: علي after a given name is a name too (على العبادي is "on")
        if prev.norm in PREPOSITIONS or k in self.titles or prev.norm in self.protected or k in self.protected:
            return False  # أمام كيري (أمام is also the given name إمام)، سفير بن لادن، إن ترامب
        # (عبدالكريم الحوثي: a given name in عبد- written as one word; جهاد مغنية: a given name of the dictionary)
        return k in self.given or (k.startswith("عبد") and len(k) > 5) or (broad and k in self.firsts) or (
            foreign and self.foreign is not None and self.foreign(prev))

    def widen(self, tokens, mentions: list[Mention], text: str, offset: int) -> None:
        """A known person read by one word, right after words of that person's own names written otherwise
        (خوسي لويس ثاباتيرو for خوسيه لويس رودريغيث ثاباتيرو): the span takes them in."""
        if not any(m.kind == "person" and m.tok_end - m.tok_start == 1 and m.person for m in mentions):
            return  # (most sentences)
        covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
        for m in mentions:
            if m.kind != "person" or m.tok_end - m.tok_start != 1 or not m.person:
                continue
            own = self.own.get(m.person, ())
            j = m.tok_start
            while j and j - 1 not in covered and tokens[j - 1].is_word and not tokens[j - 1].prefix \
                    and tokens[j - 1].norm not in self.protected \
                    and any(similar(key(tokens[j - 1].norm), w) for w in own if len(w) >= 3):
                j -= 1
            if j < m.tok_start:
                m.start, m.tok_start = tokens[j].start, j
                m.text = text[m.start - offset:m.end - offset]

    def given_here(self, tokens, i: int, end: int, covered: set[int] | frozenset[int] = frozenset()) -> bool:
        """The word(s) tokens[i:end] are someone's given name: a family name with the article follows (عزام الخطيب),
        or, with its proclitic, they make a fixed expression before a definite noun (لصالح الجيش)."""
        nxt = tokens[end] if end < len(tokens) else None
        if tokens[i].norm in self.idioms:  # لصالح الجيش "in favour of the army"; الموالية لصالح في تعز، لصالح هي: him
            return nxt is not None and nxt.is_word and nxt.prefix == "ال"
        if nxt is None or end in covered or not nxt.is_word or not nxt.prefix == "ال" or nxt.suffix:
            return False
        b = key(nxt.base or nxt.norm)
        return len(b) >= 4 and b in self.families and nxt.norm not in NOT_SURNAMES and b not in self.stops \
            and not b.endswith(("ه", "ين", "ون", "ات"))

    def surname(self, m: Mention) -> tuple[str, bool] | None:
        """The family name of a full-name mention: the last word, or the first for a Chinese or Korean name, or
        بن + the last word of a three-word name of the Maghreb, where بن X is a family name (محمد بن عيسى -> بن عيسى,
        Benaissa; in the Gulf it is a father's name), keyed "بن X"."""
        words = normalize(m.text).replace("-", " ").split()
        entry = self.d.entries.get(m.person or m.entry)
        if len(words) < 2 or entry is None:
            return None
        first = entry.roles and all(r.code in SURNAME_FIRST for r in entry.roles)
        if first:
            word = words[0]
        elif len(words) == 3 and words[1] == "بن" and words[2] not in NOT_SURNAMES and len(words[2]) >= 3 \
                and words[2].isalpha() and any(r.code in BEN_FAMILY_STATES for r in entry.roles):
            return "بن " + key(words[2]), False
        elif words[-2] in LINKS or words[-1] in NOT_SURNAMES:
            return None  # أبو الغيط، آل ثاني، محيي الدين: a by-name, a house or part of a compound given name
        else:
            word = words[-1]
        base, al = strip_al(word)
        if len(base) < 3 or key(base) in self.given or base in self.protected or not base.isalpha():
            return None
        return base, al

    def memory(self, full_names: Iterable[Mention]) -> dict[str, tuple[str, bool]]:
        """Surname -> (person, with ال) for the article's full names; a surname two persons share is dropped."""
        out: dict[str, tuple[str, bool]] = {}
        clash: set[str] = set()
        for m in full_names:
            got = self.surname(m)
            if got is None:
                continue
            base, al = got
            person = m.person or m.entry
            if base in out and out[base][0] != person:
                clash.add(base)
            out.setdefault(base, (person, al))
        return {k: v for k, v in out.items() if k not in clash}

    def _hit(self, tokens, i: int, memory: dict[str, tuple[str, bool]], covered: set[int]):
        """(person, end token, proclitic) of a remembered surname at token i, or None."""
        t = tokens[i]
        if t.base == "بن" or t.norm == "بن":  # بن عيسى (وبن عيسى)
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is None or i + 1 in covered or nxt.prefix or nxt.suffix:
                return None
            hit = memory.get("بن " + key(nxt.norm))
            pre = t.prefix if t.base == "بن" else ""
            return (hit[0], i + 2, pre) if hit and pre in PROCLITICS else None
        hit = memory.get(t.norm)  # as written (بوين, whose ب the tokenizer may take for a proclitic)
        if hit is not None:
            return hit[0], i + 1, ""
        pre = t.prefix
        al = pre.endswith("ال")
        hit = memory.get(t.base)
        if hit is None or (pre[:-2] if al else pre) not in PROCLITICS or (al and not hit[1]):
            return None  # البري is no بري: the article comes only with a name that had it
        return hit[0], i + 1, pre[:-2] if al else pre

    def find(self, tokens, mentions: list[Mention], memory: dict[str, tuple[str, bool]], sentence_idx: int,
             date: str | None, text: str, offset: int, name_here: Callable[[list, Mention], bool]) -> list[Mention]:
        """Mentions of remembered surnames on words no dictionary name covers: where the sentence shows a name
        (``name_here``, a preposition before it), or joined by و to a person just named (بري والسنيورة وبن عيسى)."""
        if not memory:
            return []
        ben = any(k.startswith("بن ") for k in memory)
        # (only a word written as a remembered surname, or بن when one is بن X, may be one: ``_hit``)
        spots = [i for i, t in enumerate(tokens) if t.norm in memory or t.base in memory
                 or (ben and (t.norm == "بن" or t.base == "بن"))]
        if not spots:
            return []
        covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
        # (a word after بن that the dictionary reads alone as someone's name: عيسى of بن عيسى)
        lone = {m.tok_start for m in mentions if m.kind == "person" and m.tok_end - m.tok_start == 1}
        people_end = {m.tok_end for m in mentions if m.kind == "person"}
        out: list[Mention] = []
        for i in spots:
            t = tokens[i]
            if i in covered or t.suffix:
                continue
            got = self._hit(tokens, i, memory, covered - lone)
            if got is None:
                continue
            person, end, pre = got
            if end - i == 2 and i and pre != "و" and tokens[i - 1].is_word and not (
                    tokens[i - 1].norm in self.protected or tokens[i - 1].norm in PREPOSITIONS
                    or key(tokens[i - 1].base or tokens[i - 1].norm) in self.verbs):
                continue  # عبدالله بن مساعد بن عبدالعزيز: after a name word, بن X is a father's name in a chain
            if self.someone_else(tokens, i, covered - lone, person) or self.given_here(tokens, i, end, covered):
                continue  # أحمد بري: someone else's full name
            prev = tokens[i - 1] if i else None
            start = t.start + orig_prefix_len(t.text, len(pre))
            entry = self.d.entries[person]
            role = entry.role_on(date)  # (none yet on the date: the state of the first role, no agent)
            code, agent = (role.code, role.agent) if role else (entry.roles[0].code if entry.roles else "", None)
            last = tokens[end - 1]
            m = Mention(start, last.end, text[start - offset:last.end - offset], code, agent, "person", person, person,
                        i, end, sentence_idx)
            listed = pre == "و" and (i in people_end or (out and out[-1].tok_end == i))
            if listed or (prev is not None and prev.norm in PREPOSITIONS) or name_here(tokens, m):
                out.append(m)
                covered.update(range(i, end))
        return out
