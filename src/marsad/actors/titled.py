"""Persons the dictionary does not know, found from the words around them (data: context/titled.yaml).

Arabic news introduces an office holder by a title phrase before the name (وزير الموارد الطبيعية الروسي يوري
تروتنيف، السفير معصوم مرزوق، معالي الدكتور فلان) or by an apposition after it (فلان وزير البيئة، وقال فلان مندوب
إيران). Such a person becomes a ``provisional`` mention: coded from a country word in the title phrase (or the
outlet's state for a national office), person unknown. Later in the same article the surname alone, or the full
name again, refers back to that person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources

from ..data.yamlfile import word_lists
from ..records import Mention, Token
from ..text.normalize import normalize
from .dictionary import NOT_SURNAMES, key
from .foreign_names import ForeignNames

LISTS = ("office_words", "apposition_words", "ruling_families", "honorifics", "political_honorifics", "speech_verbs",
         "foreign_given_names", "name_stops", "military_ranks", "state_organs", "subject_cues", "business_words", "occupations", "religious_words",
         "quote_nouns", "source_nouns", "surname_idioms")
LINKS = {"بن", "ابن", "ابو", "ابي", "عبد", "ال", "ولد", "بنت", "دي", "دو", "فون", "فان"}  # inside a name
# Offices a national paper names by title alone for its own state's holder: ministers, deputies, governors, the crown
# prince, spokesmen (not heads of state or diplomats, often foreign)
NATIONAL_OFFICES = frozenset({"وزير", "وزيره", "نايب", "وكيل", "محافظ", "امين", "امير", "مساعد", "ولي", "متحدث",
                              "ناطق"})  # (not مستشار: an adviser or consultant may be anyone's)
# bodies that are no state's though their officers bear national titles (نائب رئيس المفوضية، المتحدث باسم منظمة)
ORGANISATIONS = frozenset({"منظمه", "مفوضيه", "اتحاد", "وكاله", "صندوق", "برنامج", "شركه", "مجموعه", "حمله"})
# nouns of places named after a person that are no institution before a state (مدينة الكويت is Kuwait City)
NAMED_PLACES = frozenset({"مدينه", "مجمع", "حي", "قاعده"})
STAFF_NOUNS = frozenset({"فريق"})  # an institution noun that before a person is the person's staff (فريق الرئيس فلان)
# one-letter proclitics the tokenizer may take off a foreign name's first letter (ف+يرنهاوت، ك+وفالسكي)
SPLIT_LETTERS = ("ف", "ب", "ك", "ل")
MASDAR = re.compile(r"^(ا.ت.ا.|است..ا.|ان.[^وي]ا.)$")  # verbal nouns افتعال، استفعال، انفعال (not أنطوان)
# افتعال of roots with و or ء, whose ت is doubled (اتفاق، اتخاذ): not a lone surname (a name may look so: أتمار)
MASDAR_AT = re.compile(r"^ات.ا.$")
VERB_ENDINGS = ("ون", "ين", "ان", "وا", "ه", "ها", "هم", "هما", "كم", "نا", "ني")  # plural/dual verbs, object pronouns
WORDS_LIMIT = 200_000  # token forms and flags whose ``_word`` answer is kept
NAME_MAX = 4  # words of a name, not counting the links above
GENERAL_HEADS = ("امين", "امينه")  # الأمين العام: an office after a name only before عام
CHIEF_HEADS = ("رييس", "رييسه")  # رئيس: an office after a name only before a political office or a state
PHRASE_MAX = 7  # words of a title phrase between the office word and the name


def bare(t: Token) -> str:
    """A word without proclitics and article: والسفير -> سفير (``key`` inlined: called for every word)."""
    w = t.base or t.norm
    return w[2:] if len(w) > 3 and w.startswith("ال") else w


@dataclass
class TitledLists:
    office_words: frozenset[str] = frozenset()
    apposition_words: frozenset[str] = frozenset()
    ruling_families: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    political_honorifics: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    foreign_given_names: frozenset[str] = frozenset()
    name_stops: frozenset[str] = frozenset()
    military_ranks: frozenset[str] = frozenset()
    state_organs: frozenset[str] = frozenset()
    subject_cues: frozenset[str] = frozenset()
    business_words: frozenset[str] = frozenset()
    occupations: frozenset[str] = frozenset()
    religious_words: frozenset[str] = frozenset()
    quote_nouns: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    surname_idioms: frozenset[str] = frozenset()
    problems: list[str] = field(default_factory=list)


def load_titled(text: str | None = None, where: str = "context/titled.yaml") -> TitledLists:
    if text is None:
        text = resources.files("marsad.data.actors").joinpath("context", "titled.yaml").read_text(encoding="utf-8")
    g = TitledLists()
    for name, words in word_lists(text, where, LISTS, g.problems).items():
        bad = [w for w in words if " " in w.strip()]
        if bad:
            g.problems.append(f"{where}: '{name}' takes single words, not {bad[0]!r}")
        setattr(g, name, frozenset(key(normalize(w)) for w in words))
    return g


class TitledPersons:
    """Finds provisional persons in one sentence and remembers them for the rest of the article."""

    def __init__(self, lists: TitledLists, given_names: frozenset[str], protected: frozenset[str],
                 heads: set[tuple[str, ...]], words: set[str], institutions: frozenset[str] = frozenset(),
                 foreign: ForeignNames | None = None):
        self.g = lists
        self.foreign_name = foreign  # is a word a transliterated foreign name (تريباثي) rather than Arabic?
        self.institutions = institutions  # مطار حيدر علييف الدولي: a place named after a person
        self.given = frozenset(key(n) for n in given_names) | lists.foreign_given_names
        self.triggers = lists.office_words | lists.honorifics | lists.speech_verbs | self.given | lists.quote_nouns
        # the bare words an office after a name begins with (``_apposition``): no name before an office without one
        self.appositions = lists.apposition_words | frozenset(GENERAL_HEADS + CHIEF_HEADS)
        self.protected = protected  # function words
        self.heads = heads  # head nouns (رئيس، مجلس، قوات …)
        self.words = words  # words of dictionary names: a known name is the dictionary's business
        # what ``_word`` answered for a token's forms and flags (its answer depends on them only), bounded
        self.seen_words: dict[tuple, bool] = {}
        self.memory_words: tuple | None = None  # (memory, its size, firsts, singles): ``_memory_words``

    def is_office(self, t: Token) -> bool:
        """A word that opens the name of a political post held by one person (وزير، ولي العهد، أمير)."""
        return bare(t) in self.g.office_words

    def national_office(self, tokens: list[Token], a: int, b: int) -> bool:
        """A head noun of two words or more that names one state office by its title alone (وزير الداخلية، ولي العهد،
        أمير المنطقة); not inside a larger name (مطار الملك خالد), not a one-word head (الرئيس، الأمير، رئيسة
        "main", زعيم): those are as often foreign, generic or not a title."""
        if a and bare(tokens[a - 1]) in self.institutions:
            return False
        return b - a >= 2 and bare(tokens[a]) in NATIONAL_OFFICES

    def own_organ(self, tokens: list[Token], a: int, b: int) -> bool:
        """The government as a whole named by one definite word standing alone (وأعلنت الحكومة): in a national outlet's
        article about its own state, that state's; not before a genitive or adjective that names whose it is."""
        if b - a != 1 or not tokens[a].norm.startswith(("ال", "وال", "فال", "بال", "لل")):
            return False
        nxt = tokens[b] if b < len(tokens) else None
        if nxt is not None and nxt.is_word and (nxt.norm.startswith("ال") and not nxt.prefix.endswith(("و", "ف"))):
            return False  # الحكومة العراقية، الحكومة الجديدة (an adjective: whose or which government)
        return bare(tokens[a]) in self.g.state_organs

    def after_occupation(self, tokens: list[Token], m: Mention) -> bool:
        """الشاعر نزار قباني، الممثل آدم ساندلر، اللاعب فلان: a name after a non-political occupation (one definite
        adjective may come between: الشاعر الكبير) is an artist's or player's, not the politician's who shares it."""
        j = m.tok_start - 1
        if j >= 1 and tokens[j].prefix == "ال" and bare(tokens[j]) not in self.g.occupations \
                and not self.is_title(tokens[j]) and bare(tokens[j - 1]) in self.g.occupations:
            j -= 1  # الشاعر الكبير
        if j < 0 or bare(tokens[j]) not in self.g.occupations:
            return False
        while j >= 0 and (bare(tokens[j]) in self.g.occupations or tokens[j].norm in ("و",)):
            j -= 1
        # الأمير الشاعر خالد الفيصل: a political title before the occupations still makes an office holder
        return not (j >= 0 and (self.is_title(tokens[j]) or bare(tokens[j]) in self.g.office_words))

    def is_title(self, t: Token) -> bool:
        b = bare(t)
        return b in self.g.office_words or b in self.g.honorifics or t.norm in self.g.honorifics

    def foreign(self, t: Token) -> bool:
        """A plain word (no article, proclitic or suffix) that no list of Marsad knows and the model reads as a
        transliterated foreign name (تريباثي، كايسي), not an Arabic word (مسؤول، شهود)."""
        n = t.norm
        if t.prefix in SPLIT_LETTERS and (t.base in self.protected or t.base in self.words or n in self.words
                                          or n in self.given):
            return False  # بلارسن is ب + a known word, فارس a given name; فيرنهاوت, كوفالسكي are read whole
        if self.foreign_name is None or not t.is_word or t.prefix not in ("", *SPLIT_LETTERS) or t.suffix \
                or not n.isalpha() or len(n) < 3 \
                or n.startswith("ال") or n in self.protected or n in self.g.name_stops or bare(t) in self.given \
                or self.is_title(t) or n in self.g.speech_verbs or (n,) in self.heads:
            return False
        if t.prefix in ("ل", "ب") and self.foreign_name.prob(t.base) >= 0.5:
            return False  # لفلوريدا، لفالكاو: "to, by" before a name that is one without the letter (not ليفيت)
        if n.endswith(("ان", "ون", "ين", "ات")) and len(n) >= 6 and self.foreign_name.prob(n[:-2]) < 0.5:
            return False  # مندوبان، خليجيون: the dual or plural of an Arabic word (not أردوغان)
        return self.foreign_name(n)

    def all_foreign(self, tokens: list[Token], a: int, b: int) -> bool:
        """Every word of the name tokens[a:b] but the links is a foreign name (كريس كلارك، ميتسو سايتو)."""
        units = [t for t in tokens[a:b] if t.norm not in LINKS]
        return bool(units) and all(self.foreign(t) for t in units)

    def _word(self, t: Token, first: bool, after_given: bool = False, loose: bool = False) -> bool:
        """``_read_word``, kept per token form and flags: the same few given names and family names come again and
        again after titles (about four calls in five are a word seen before with the same flags)."""
        k = (t.norm, t.prefix, t.base, t.suffix, not first, not after_given, not loose)  # (``not``: no bool() calls)
        got = self.seen_words.get(k)
        if got is None:
            got = self._read_word(t, first, after_given, loose)
            if len(self.seen_words) < WORDS_LIMIT:
                self.seen_words[k] = got
        return got

    def _read_word(self, t: Token, first: bool, after_given: bool = False, loose: bool = False) -> bool:
        """A word that can be part of a name: a plain word (no proclitic but the article on a family name, no pronoun
        suffix), not a function word, title, verb of saying or head noun. An imperfect-looking word (يزور) only when
        it is a known given name or ``loose`` (after a verb of saying); a word in -ية only after a given name (علي أصغر
        سلطانية)."""
        n = t.norm
        if not t.is_word or not n.isalpha() or t.suffix or len(n) < 2 or n in self.protected:
            return False
        b = bare(t)
        if b in self.g.military_ranks or n in self.g.military_ranks or (
                n.startswith("و") and (n[1:] in self.protected or n[1:] in self.g.name_stops)):
            return False  # اللواء فلان: the rank is no part of the name; وما، ومن
        if first and n[:1] in ("ل", "ب", "و", "ف", "ك") and (n[1:] in self.words or n[1:] in self.protected):
            return False  # لدول الخليج: a proclitic on a known word
        if t.prefix in SPLIT_LETTERS and self.foreign(t):
            return True  # كوفالسكي, not ك + وفالسكي: a foreign name whose first letter looks like a proclitic
        if t.prefix not in ("", "ال") or (first and t.prefix == "ال" and b not in self.given):
            return False  # (ألكسندر، ألان: a foreign given name written with ال)
        if b in self.g.name_stops or n in self.g.name_stops or self.is_title(t) or b in self.g.speech_verbs:
            return False
        if b in self.given or n in LINKS or b in self.g.ruling_families or (not first and b.endswith("الله")):
            return True
        if MASDAR.match(b):
            return False  # اقتراح، اجتماع، استقبال: verbal nouns, not names
        if (len(b) < 3 and not (after_given and len(b) == 2)) or (b,) in self.heads:
            return False  # (عبد الله غل: a two-letter family name after a given name)
        if t.prefix == "ال":
            return not b.endswith(("يه", "ين", "ون", "ات"))  # a family name (الحريري), not an adjective (التلفزيونية)
        if b.endswith(("يين", "يون", "ات")):
            return False  # plural nouns and adjectives (اتصالات، هاتفيين), not هيلين
        if b.endswith("ا") and not first and not t.prefix and self.foreign(t):
            return True  # كنزو أوشيما، خوسيه ثاباتيرو: a foreign family name in -a after the name's first word
        if b.endswith("ا") or (b.endswith("ه") and not (after_given and b.endswith("يه"))):
            return False  # an accusative (هجوما، مثالا) or a feminine or suffixed noun (مناظرة، طريقه)
        # not a verb (يزور، تناولت); a word too long for a singular imperfect (تستفعل has six letters) that does not end
        # like a plural or dual verb or carry an object pronoun is a family name after a given name (يوري تروتنيف)
        return (loose or not b.startswith(("ي", "ت", "ن"))
                or (after_given and len(b) > 6 and not b.endswith(VERB_ENDINGS))) and (after_given or not b.endswith("ت"))

    def name_at(self, tokens: list[Token], j: int, taken: set[int], cue: bool = False) -> int:
        """End of the name that starts at token j (j itself when there is none). A family name with the article
        ends it (سعد الحريري); a link takes the word after it whatever it is (عبد الفتاح، أبو مازن، بن زايد، آل
        نهيان), and the pair counts as one word; الدين and الله go on a name (جمال الدين). After a verb of saying
        or a title the first word may look like a verb (نيتشيرفان)."""
        k = j
        units = 0
        n = len(tokens)
        given = j < n and (bare(tokens[j]) in self.given or cue)
        foreign_seen = False
        while k < n and k not in taken and units < NAME_MAX:
            t = tokens[k]
            if t.norm in LINKS:
                if k + 1 >= n or k + 1 in taken or not tokens[k + 1].is_word or not tokens[k + 1].norm.isalpha() \
                        or (k == j and t.norm in ("بن", "ابن", "ال")):
                    break  # a name neither starts nor ends on بن
                units += 1
                k += 2
                continue
            if k > j and t.norm in NOT_SURNAMES and t.prefix == "ال":
                k += 1  # جمال الدين، عبد الله الثاني
                continue
            if not self._word(t, k == j and not cue, given and k > j or (cue and k == j), cue):
                break
            if k == j and t.prefix in SPLIT_LETTERS and k + 1 < n and bare(tokens[k + 1]) in self.given \
                    and len(tokens[k + 1].norm) >= 3 and tokens[k + 1].norm not in self.g.name_stops:  # (آن is أن)
                break  # حاكم ولاية كولورادو جون فلان: a place before a given name, not the name's first word
            if foreign_seen and (self.arabic_word(t) or t.prefix == "ال"):
                # جان دافيد ليفيت مشروع قرار، جون كيربي التعليق: a name read whole over a split-off letter does not
                # go on into an Arabic noun or a word with the article
                break
            foreign_seen = foreign_seen or (t.prefix in SPLIT_LETTERS and self.foreign(t))
            units += 1
            k += 1
            if t.prefix == "ال" and k - 1 > j:
                break
        return k

    def arabic_word(self, t: Token) -> bool:
        """A plain word the foreign-name model reads as clearly Arabic, not a known given name."""
        if self.foreign_name is None or t.prefix or bare(t) in self.given or t.norm in LINKS:
            return False
        return self.foreign_name.prob(t.norm) < 0.2  # (مشروع 0.001; not آدمز 0.25 in جون كوينسي آدمز)

    def __call__(self, tokens: list[Token], mentions: list[Mention], outlet: str | None,
                 memory: dict[tuple[str, ...], tuple[str, str | None]], s, cues: list[int] | None = None,
                 offices: list[int] | None = None) -> list[Mention]:
        """``cues``: the positions of the words in ``triggers`` or honorifics, when the caller has them (the actor
        stage's one pass: ``passes``); ``offices``: the positions of the words whose bare form is one of
        ``appositions``, in order, when the caller has them (a name before an office needs one after it)."""
        self.families(tokens, mentions, s)
        if cues is not None and not cues and not memory:
            return []
        # cheap cues first: most words are no title, no verb of saying, no given name and nothing remembered
        if cues is None:  # (no pass gave the marks: every word's bare form, as ``bare``)
            bares = [w[2:] if len(w) > 3 and w.startswith("ال") else w for w in [t.base or t.norm for t in tokens]]
            if not memory and self.triggers.isdisjoint(bares) and self.g.honorifics.isdisjoint(t.norm for t in tokens):
                return []
        office, hon, verbs = self.g.office_words, self.g.honorifics, self.g.speech_verbs
        taken = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
        starts = {m.tok_start: m for m in mentions}
        firsts, singles = self._memory_words(memory)
        # only words at or after a title, a verb of saying or a given name, or that may start a remembered name, can
        # start a name here: one pass picks them
        marks = cues if cues is not None else [i for i, b in enumerate(bares) if b in self.triggers or tokens[i].norm in hon]
        spots = sorted({x for i in marks for x in (i, i + 1)}.union(
            [i for i, t in enumerate(tokens) if t.norm in firsts or (t.base or t.norm) in singles] if memory else ()))
        out: list[Mention] = []
        n = len(tokens)
        upto = 0
        k = 0
        # ``_before_title`` finds a name of two words or more only before an office (one of ``appositions``) or after
        # a verb of saying: most spots have neither (about 10,000 per 2 MB, a few dozen names)
        last_office = -1 if offices is None or not offices else offices[-1]
        while k < len(spots):
            i = spots[k]
            k += 1
            if i >= n or i < upto or i in taken:
                continue
            found = None
            if tokens[i].norm in self.g.quote_nouns:  # (the name is before this word: عن فلان قوله)
                found = self._quoted(tokens, i, taken)
                if found is None or found[0] < upto:
                    continue
            t = tokens[i]
            w = t.base or t.norm  # (``bare`` inlined: every spot)
            if len(w) > 3 and w.startswith("ال"):
                w = w[2:]
            title = w in office or w in hon or t.norm in hon
            if title:
                found = self._after_title(tokens, i, starts, taken, outlet, s)
                if found is not None and found[1] - found[0] == 1 and found[2] is None:
                    # الرئيس أولاند after فرانسوا أولاند earlier: the surname keeps what the full name taught
                    found = self._remembered(tokens, found[0], taken, memory) or found
            if found is None and (w in self.given or (i and ((pw := bare(tokens[i - 1])) in office or pw in hon
                                                             or tokens[i - 1].norm in hon or pw in verbs))) \
                    and (offices is None or i + 2 <= last_office or (i and bare(tokens[i - 1]) in verbs)):
                found = self._before_title(tokens, i, starts, taken, outlet)
            if found is None and (tokens[i].norm in firsts or (w,) in memory):
                found = self._remembered(tokens, i, taken, memory)
            if found is None:
                continue
            a, b, code, agent = found
            start, end = tokens[a].start, tokens[b - 1].end
            out.append(Mention(start, end, s.text[start - s.start:end - s.start], code or "", agent, "provisional",
                               None, "", a, b, s.idx))
            names = tuple(tokens[x].norm for x in range(a, b))
            if sum(n not in LINKS for n in names) >= 2:  # عبد الله alone is anyone
                memory.setdefault(names, (code, agent))
            last = bare(tokens[b - 1])
            if b - a >= 3 and tokens[b - 2].norm in ("ابو", "ابي", "ام"):
                # أبو العيش, not العيش (not عبد الله or آل خليفة: a whole family's or anyone's)
                memory.setdefault((tokens[b - 2].norm, tokens[b - 1].norm), (code, agent))
                last = ""
            if b - a >= 2 and tokens[b - 1].norm not in NOT_SURNAMES and last not in self.given and len(last) >= 3 \
                    and last not in self.words and (code or bare(tokens[a]) in self.given):
                memory.setdefault((last,), (code, agent))
                memory.setdefault(("=" + tokens[b - 1].norm,), (code, agent))  # as written (لوفيفر = ل + وفيفر)
            taken.update(range(a, b))
            upto = b
            # (what this name taught the memory may start a name later in the sentence)
            spots[k:] = sorted(set(spots[k:]).union(x for x in range(b, n) if (bare(tokens[x]),) in memory))
        return out

    def _memory_words(self, memory: dict) -> tuple[set[str], set[str]]:
        """The words that may start a remembered name, and the forms whose bare form is a remembered one-word name
        (``(bare(t),) in memory``, tested on ``t.base or t.norm`` as it is: ``bare`` takes ال off words of four
        letters or more). Kept while the memory is the same dict with as many names: the article's memory only grows
        (``setdefault``), and most of its sentences teach it nothing."""
        got = self.memory_words
        if got is not None and got[0] is memory and got[1] == len(memory):
            return got[2], got[3]
        firsts = {k[0][1:] if k[0].startswith("=") else k[0] for k in memory}
        singles = {w for k in memory if len(k) == 1 for w in
                   ((k[0],) if not (len(k[0]) > 3 and k[0].startswith("ال")) else ()) + (("ال" + k[0],) if len(k[0]) > 1 else ())}
        self.memory_words = (memory, len(memory), firsts, singles)
        return firsts, singles

    def _phrase(self, tokens: list[Token], i: int, starts: dict[int, Mention],
                after: bool = False) -> tuple[int, str | None, str | None]:
        """The title phrase from token i: office words, honorifics, the nouns an office word governs (رئيس كتلة تيار
        المستقبل، وزير الموارد الطبيعية), definite words and country words (وزير الخارجية الروسي، نائب رئيس الوزراء،
        معالي الدكتور); an office after the name (``after``) also over في (المتحدث الأمني في وزارة الداخلية السعودية).
        Returns (end, country, agent)."""
        j = i + 1
        code = agent = None
        # (رئيس بعثة الأمم المتحدة في أفغانستان فلان: the UN's, not Afghanistan's; رئيس الجامعة الإسلامية في باكستان:
        # a university's, an institute's or a firm's officer, not the state's)
        igo = False
        governed = self._governs(tokens[i])
        while j < len(tokens) and j - i <= PHRASE_MAX:
            m = starts.get(j)
            t = tokens[j]
            if m is not None:
                igo = igo or m.kind == "igo"
                if m.kind not in ("name", "nisba", "head", "igo", "capital") or (
                        m.kind == "capital" and not (t.prefix == "ب" or j == i + 1)):
                    break  # (سفير كراكاس بدمشق: a capital right after the office word or with ب; not أمير منطقة الرياض)
                if (m.kind in ("name", "nisba") or (m.kind == "capital" and j == i + 1)) and m.code and code is None:
                    code, agent = m.code, m.agent  # السفير المصري لدى الجزائر: the first state is the holder's
                j = m.tok_end
                governed = False
                continue
            igo = igo or bare(t) in self.institutions or bare(t) in self.g.business_words  # (جامعة، معهد، شركة)
            if self.is_title(t) or ((bare(t) in self.g.military_ranks or t.norm in self.g.military_ranks) and (
                    t.prefix == "ال" or bare(tokens[j - 1]) in self.g.military_ranks)):
                # (اللفتنانت كولونيل فلان; not فريق "team" without the article)
                governed = self._governs(t)
                j += 1
                continue
            there = starts.get(j + 1)
            if not after and t.norm in ("في", "لدي") and there is not None and there.kind in ("name", "capital") \
                    and there.code and (code is not None or (bare(tokens[j - 1]) not in self.g.office_words and not igo
                                                             and there.kind == "name")):
                # السفير الأذري في عمان فلان: where the envoy serves, after the holder's state; المتحدث باسم المجلس
                # الأعلى في الصومال فلان: the state of the body, when none came before (a state's name: ممثل الائتلاف في
                # واشنطن is where he serves, not whose)
                if code is None:
                    code, agent = there.code, there.agent
                j = there.tok_end
                governed = False
                continue
            if (t.prefix in ("ال", "وال", "لل") and t.is_word and not t.suffix) or t.norm in ("باسم", "لشوون", "لدي") \
                    or (t.norm == "و" and j + 1 < len(tokens) and tokens[j + 1].prefix == "ال") \
                    or (after and t.norm == "في" and code is None and j + 1 < len(tokens) and tokens[j + 1].is_word):
                # (المتحدث الأمني في وزارة الداخلية السعودية: the office's state after في)
                governed = t.norm in ("باسم", "في")  # المتحدث باسم الحكومة، … في وزارة الداخلية
                j += 1
                continue
            if governed and t.is_word and not t.prefix and not t.suffix and bare(t) not in self.given:
                j += 1  # رئيس كتلة …، رئيس قسم …: the office's complement, not a name
                continue
            break
        return j, code, agent

    def _governs(self, t: Token) -> bool:
        """An indefinite office noun is in construct with the noun after it (رئيس كتلة، وزير خارجية)."""
        return bare(t) in self.g.office_words and "ال" not in t.prefix and not t.norm.startswith("ال")

    def _after_title(self, tokens, i, starts, taken, outlet, s):
        if i and (bare(tokens[i - 1]) in self.institutions or bare(tokens[i - 1]) in NAMED_PLACES) \
                and bare(tokens[i - 1]) not in STAFF_NOUNS:
            return None  # جامعة الملك عبد العزيز، مجمع الملك عبد الله الطبي: a place named after a person
        j, code, agent = self._phrase(tokens, i, starts)
        if j >= len(tokens):
            return None
        title = {bare(tokens[x]) for x in range(i, j)}
        if not (title & self.g.office_words or title & self.g.political_honorifics):
            return None  # السيد فلان، الدكتور فلان: anyone
        if self._in_business(tokens, i, j) or any(
                bare(tokens[x]) == "اتحاد" and x not in starts and x + 1 in starts and starts[x + 1].kind == "nisba"
                for x in range(i, j)):
            # رئيس مجلس إدارة البنك، رئيس تحرير جريدة: an office in a firm or paper, not a political post; رئيس الاتحاد
            # الليبيري: a national federation's (football, labour), not the state's (الاتحاد الأوروبي is one name)
            return None
        end = self.name_at(tokens, j, taken)
        if end < len(tokens) and end in starts and starts[end].kind == "person" and bare(tokens[j]) in self.given:
            m = starts[end]
            self._extend(tokens, m, j, m.tok_end, s)  # الرئيس أوغو شافيز: the known surname with its given name
            return None
        units = [w for w in tokens[j:end] if w.norm not in LINKS]
        if "في" in {tokens[x].norm for x in range(i, j)} and not (
                bare(tokens[j]) in self.given or tokens[j].norm in self.given or self.all_foreign(tokens, j, end)):
            return None  # السفير الإيراني في صنعاء جبال مران: after the post's place, a name must look like one
        if len(units) < 2 and not ((code or self.foreign(tokens[j])) and title & self.g.office_words
                                   and self._lone_surname(tokens, j, end, starts, j - i)):
            return None  # الرئيس الجديد، وزير الدفاع نفسه: one unknown word is rarely a name
        if code is None and title & NATIONAL_OFFICES and not title & ORGANISATIONS:
            code = outlet  # وزير الداخلية فلان in a national paper: that state's minister (not a president,
            # king or ambassador: the press names foreign ones by title alone as well; not an organisation's
            # spokesman or deputy head: المتحدث باسم منظمة الهجرة، نائب رئيس المفوضية)
        if bare(tokens[j - 1]) in self.g.military_ranks or tokens[j - 1].norm in self.g.military_ranks:
            agent = "MIL"  # المتحدث باسم الجيش العقيد فلان: an officer
        elif not title.isdisjoint(self.g.religious_words):
            agent = "REL"  # الزعيم الشيعي فلان، مفتي مصر الشيخ فلان: a cleric
        return j, end, code, agent or "GOV"

    def _in_business(self, tokens, a: int, b: int) -> bool:
        """The first office of a title phrase (up to و: عضو مجلس الشورى ورئيس جمعية … is a member of the Shura) names
        a firm, paper or club; a central bank is the state's (رئيس البنك المركزي الأوروبي)."""
        words = []
        for x in range(a, b):
            if x > a and (tokens[x].norm == "و" or tokens[x].prefix.startswith("و")):
                break
            words.append(bare(tokens[x]))
        return not self.g.business_words.isdisjoint(words) and "مركزي" not in words

    def _lone_surname(self, tokens, j: int, end: int, starts: dict[int, Mention], title_len: int = 2) -> bool:
        """وزير الخارجية البريطاني سترو إن …: one unknown word after an office and a country word is a surname when it
        is no word of a dictionary name, has no article, proclitic or suffix, four letters or more, and the clause goes
        on with a stop word or a punctuation mark (not an adjective or noun: وزير الخارجية الأمريكي السابق، نفسه)."""
        if end != j + 1:
            return False
        t = tokens[j]
        if (t.prefix and not (t.prefix in SPLIT_LETTERS and self.foreign(t))) or t.suffix or t.norm.startswith("ال") or len(t.norm) < 4 or t.norm in self.words \
                or bare(t) in self.given or MASDAR_AT.match(t.norm) or t.norm.endswith(("اء", "ان", "ون", "ين", "ات")) \
                or t.norm in self.g.name_stops:
            return False  # (هباء "in vain", خياران "two choices", آنذاك: words, not surnames)
        nisba = any(m.tok_end == j and m.kind == "nisba" for m in starts.values())
        if not nisba and not self.foreign(t):
            return False  # the country word right before
        if j and tokens[j - 1].norm in ("لدي", "في", "باسم"):
            return False  # القنصل الإسرائيلي لدى فيلادلفيا: the post's place, not the holder's name
        if not nisba and (title_len < 2 or not (self.is_title(tokens[j - 1]) or tokens[j - 1].prefix == "ال")
                          or (self.foreign_name is not None and self.foreign_name(bare(tokens[j - 1])))):
            # by its letters only right after a title of two words or more ending on a title or a definite word
            # (وزير الخارجية فيرنهاوت; not باسم قوات بيشمركة زيرفاني، حاكم ولاية كوينزلاند، سلطان بيلي), and not after
            # a foreign word (a given name: the name began there)
            return False
        nxt = tokens[end] if end < len(tokens) else None
        # (إن، في، من، عن …; not a noun: قرار)
        return nxt is None or not nxt.is_word or nxt.norm in self.g.subject_cues or nxt.norm in self.protected \
            or (nxt.norm in self.g.name_stops and len(nxt.norm) <= 3)

    @staticmethod
    def _extend(tokens, m: Mention, start: int, end: int, s) -> None:
        """Widen a known person's span to the words around it that belong to the name."""
        m.start, m.tok_start = tokens[start].start, start
        m.end, m.tok_end = tokens[end - 1].end, end
        m.text = s.text[m.start - s.start:m.end - s.start]

    def families(self, tokens, mentions: list[Mention], s) -> None:
        """محمد بن زايد آل نهيان: a known person's name goes on to the ruling house after it. A known name of two
        words or more followed by another family name (محمد بن مبارك الخليفي) is someone else of that name: a
        provisional person, not the dictionary's."""
        if not any(m.kind == "person" for m in mentions):
            return  # (most sentences: no known person to go on from)
        covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
        for m in mentions:
            k = m.tok_end
            if m.kind != "person" or k >= len(tokens):
                continue
            t = tokens[k]
            before = tokens[m.tok_start - 1] if m.tok_start else None
            if m.tok_end - m.tok_start >= 2 and k not in covered and t.prefix == "ال" and t.norm.endswith("ي") \
                    and len(t.norm) > 5 and t.norm not in NOT_SURNAMES and bare(t) not in self.g.ruling_families \
                    and bare(t) not in self.g.speech_verbs and bare(t) not in self.g.name_stops \
                    and not (before is not None and bare(before) in self.institutions):
                self._extend(tokens, m, m.tok_start, k + 1, s)
                m.kind, m.person, m.entry, m.code, m.agent = "provisional", None, "", "", None
                continue
            if tokens[k].norm == "ال" and k + 1 < len(tokens) and bare(tokens[k + 1]) in self.g.ruling_families:
                self._extend(tokens, m, m.tok_start, k + 2, s)
            elif tokens[k].prefix == "ال" and bare(tokens[k]) in self.g.ruling_families:
                self._extend(tokens, m, m.tok_start, k + 1, s)

    def _before_title(self, tokens, i, starts, taken, outlet):
        """فلان الفلاني وزير البيئة، وقال فلان مندوب إيران: a name of two or more words that starts with a known given
        name, or follows a verb of saying or a title, right before an office word."""
        if i in taken:
            return None
        prev = tokens[i - 1] if i else None
        cue = False
        if prev is not None:
            pn = prev.norm
            if pn in ("بن", "ابن", "بنت"):
                return None  # منصور بن ناصر بن [عبد الله الحواسي]: the name began before بن
            pb = prev.base or pn  # (``bare`` and ``is_title`` inlined: about 10,000 calls per 2 MB)
            if len(pb) > 3 and pb.startswith("ال"):
                pb = pb[2:]
            g = self.g
            cue = pb in g.speech_verbs or pb in g.office_words or pb in g.honorifics or pn in g.honorifics
        if tokens[i].norm not in LINKS and not self._word(tokens[i], not cue, cue, cue):
            return None  # (most calls: the word after a title is none of a name; ``name_at`` would stop at once)
        end = self.name_at(tokens, i, taken, cue)
        units = [w for w in tokens[i:end] if w.norm not in LINKS]
        if len(units) < 2:
            # (وقال تريباثي إن: one foreign word after a verb of saying is a person, but of no known office: measured
            # on NewsFANE's dev half as many quoted experts and reporters as politicians; not read)
            return None
        office = end + 1 if end + 1 < len(tokens) and tokens[end].norm in ("،", ",") else end  # فلان، المتحدث باسم …
        if office >= len(tokens) or not self._apposition(tokens, office, starts):
            return self._subject(tokens, i, end)
        if not (cue or bare(tokens[i]) in self.given):
            return None
        j, code, agent = self._phrase(tokens, office, starts, after=True)
        if self._in_business(tokens, office, j):
            return None  # فلان العضو المنتدب للبنك: a firm's officer
        if code is None and {bare(tokens[x]) for x in range(office, j)} & NATIONAL_OFFICES \
                and not {bare(tokens[x]) for x in range(office, j)} & ORGANISATIONS:
            code = outlet  # فلان وزير البيئة in an article about one state: that state's minister
        if prev is not None and bare(prev) in self.g.military_ranks:
            agent = "MIL"  # الجنرال فلان رئيس الأركان
        elif not {bare(tokens[x]) for x in range(office, j)}.isdisjoint(self.g.religious_words):
            agent = "REL"  # فلان عضو هيئة كبار العلماء
        return i, end, code, agent or "GOV"

    def _subject(self, tokens, i: int, end: int):
        """وقال مارك ريغيف إن …، ودافعت هيلاري كلينتون عن …: a full name that starts with a known given name, right
        after a verb of saying and before إن/أن, a preposition or a punctuation mark, is a person speaking in the news;
        no country is known."""
        prev = tokens[i - 1] if i else None
        if prev is None or bare(prev) not in self.g.speech_verbs:
            return None
        if bare(tokens[i]) not in self.given and not self.all_foreign(tokens, i, end):
            return None  # (وقال مسؤول، وقال شهود: Arabic words, not a name)
        nxt = tokens[end] if end < len(tokens) else None
        if nxt is not None and nxt.is_word and bare(nxt) not in self.g.name_stops:
            return None
        return i, end, None, None

    def _quoted(self, tokens, q: int, taken: set[int]):
        """ونقلت الوكالة عن فلان قوله إن …: the words between عن and a noun of saying with a pronoun (قوله، قولها،
        تأكيده) are the name of the one quoted: a known or foreign given name first, or a name of two words or more
        whose first word is no noun for a source (عن مسؤول عسكري قوله، عن مصدر مطلع قوله). No office is known."""
        for a in range(q - 2, max(q - 6, -1), -1):
            if tokens[a].norm != "عن":
                continue
            i = a + 1
            if i in taken or self.name_at(tokens, i, taken, cue=True) != q:
                return None
            units = [t for t in tokens[i:q] if t.norm not in LINKS]
            first = bare(tokens[i])
            if first in self.g.source_nouns or not units:
                return None
            if first in self.given or self.all_foreign(tokens, i, q) or len(units) >= 2:
                return i, q, None, None
            return None
        return None

    def _apposition(self, tokens, k: int, starts: dict[int, Mention]) -> bool:
        """An office right after a name: وزير …، مندوب …، or رئيس before a political office or a state (رئيس الوزراء،
        رئيس جمهورية فنزويلا)."""
        b = bare(tokens[k])
        if b in GENERAL_HEADS:  # الأمين العام للحزب; not محمد أمين داغستاني, a name
            return k + 1 < len(tokens) and bare(tokens[k + 1]) in ("عام", "عامه")
        if b in self.g.apposition_words:
            return True
        if b not in CHIEF_HEADS or k + 1 >= len(tokens):
            return False
        nxt = starts.get(k + 1)
        return (b, bare(tokens[k + 1])) in self.heads or (nxt is not None and nxt.kind == "name") or \
            (k + 2 < len(tokens) and k + 2 in starts and starts[k + 2].kind == "name")

    def _remembered(self, tokens, i, taken, memory):
        """The full name again, or its surname alone, after the person was introduced earlier in the article."""
        if not memory:
            return None
        for length in (4, 3, 2):
            names = tuple(t.norm for t in tokens[i:i + length])
            if len(names) == length and names in memory and not taken.intersection(range(i, i + length)):
                return (i, i + length) + memory[names]
        t = tokens[i]
        prev = tokens[i - 1] if i else None
        if prev is not None and i - 1 not in taken and (prev.norm in ("الدين", "الله") or (
                prev.prefix in ("", "و") and bare(prev) in self.given and len(bare(prev)) >= 3
                and prev.norm not in self.protected and prev.norm not in self.g.subject_cues)) \
                and not any(len(k) > 1 and bare(prev) in k and t.norm in k for k in memory):
            return None  # نور الدين دمرتاش after صلاح الدين دمرتاش: a brother, someone else of the family (not ماجد
            # القصبي after ماجد بن عبدالله القصبي: his own given name)
        if ("=" + t.norm,) in memory:
            return (i, i + 1) + memory[("=" + t.norm,)]
        if t.prefix in ("", "ال") and not t.suffix and (bare(t),) in memory and len(bare(t)) >= 3:
            return (i, i + 1) + memory[(bare(t),)]
        return None
