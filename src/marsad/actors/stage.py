"""Actor stage of the pipeline: tokens of each sentence -> resolved Mentions (and name candidates)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..records import Mention, Processed
from ..text.normalize import normalize
from ..text.tokens import function_words
from . import amman
from .dictionary import NOT_SURNAMES, ActorDictionary, key
from .foreign_names import bundled_foreign_names
from .guards import Guards, coordinated_agents, load_guards, shared_names
from .historic import Historic, load_historic
from .loader import load_dictionary
from .matcher import Matcher, orig_prefix_len
from .outlets import Outlets, load_outlets
from .passes import Passes, base_forms
from .resolver import Resolver, definite
from .short_names import first_words, in_office
from .spelling import PersonSpellings
from .surnames import ArticleSurnames
from .titled import NAMED_PLACES, STAFF_NOUNS, TitledPersons, load_titled

LOCATIVE = {"في", "من", "الي", "قرب", "مدينه", "بمدينه", "بلده", "قريه", "محافظه", "منطقه", "ولايه", "اقليم", "شمال",
            "جنوب", "شرق", "غرب", "وسط", "عاصمه", "داخل", "حول", "عند", "نحو", "باتجاه", "شوارع", "ضواحي", "مخيم",
            "علي", "ضد",  # "الهجوم على خاركيف": a place attacked
            # a town's or region's own services and officials ("شرطة جدة"، "أمير عسير"، "طوارئ عسير")
            "امير", "اماره", "شرطه", "صحه", "طواري", "اهالي", "سكان", "مستشفي", "محافظ", "بلديه", "امانه",
            "مطار", "ميناء", "قطاع"}  # "إلى مطار عدن"، "بقطاع جازان": a town's port or front sector


def by_start(mentions: list[Mention], more: list[Mention]) -> list[Mention]:
    """Mentions sorted by their first token with ``more`` added (most sentences add none: kept as they are)."""
    return sorted(mentions + more, key=lambda m: m.tok_start) if more else mentions


def normalize_key(token) -> str:
    return key(token.base or token.norm)


MET_LIMIT = 500_000  # distinct words kept in ``ActorStage.met`` (past that an article's words are all read as new)
SPORTS_DOC = 3  # distinct sports words in an article that make it a sports article
RECENT = 6  # البلاد is the state the article is about: its last few state mentions must agree


def topic(recent: list[str]) -> str | None:
    """The one state of the recent mentions; None when they name several (then البلاد stays unresolved)."""
    return recent[-1] if len(set(recent)) == 1 else None


STATE_BODIES = {key(w) for w in ("مركز", "صندوق", "مؤسسة", "هيئة", "برنامج", "حملة")}  # a state's agencies
OPEN_QUOTES = {"“", "«", '"', "'", "‘"}
COMPOUND_HEADS = {"عبد", "ابو", "ابي", "ام", "بن", "ابن"}  # عبد الله، أبو مازن: one name, not a full name
TOP_OFFICES = {"president", "prime_minister", "king", "emir", "supreme_leader", "head_of_state", "secretary_general"}


@lru_cache(maxsize=1)
def bundled_dictionary() -> ActorDictionary:
    """The bundled dictionary, loaded once per process (read-only after loading)."""
    return load_dictionary()


@lru_cache(maxsize=1)
def stateless_groups() -> frozenset[str]:
    """Codes of groups of no one state (ISIL, al-Qaeda): an event gives them the state of its place."""
    return frozenset(c for c, e in bundled_dictionary().entries.items()
                     if e.kind in ("nsa", "communal") and not e.country)


@lru_cache(maxsize=1)
def bundled_guards() -> Guards:
    return load_guards()


@lru_cache(maxsize=1)
def bundled_outlets() -> Outlets:
    return load_outlets()


@lru_cache(maxsize=1)
def bundled_titled():
    return load_titled()


@lru_cache(maxsize=1)
def bundled_historic():
    return load_historic()


# agents of a state's own internal order, named without their state by a national paper
DOMESTIC_ORGANS = frozenset({"COP", "JUD"})


class ActorStage:
    name = "actors"

    def __init__(self, dictionary: ActorDictionary | None = None, collect_candidates: bool = True,
                 guards: Guards | None = None):
        self.dictionary = dictionary or bundled_dictionary()
        # the guards told which codes are states' (a rule for a state's name leaves a group's alone: حركة بوكو حرام)
        self.guards = replace(guards or bundled_guards(), states=frozenset(
            k for k, e in self.dictionary.entries.items() if e.kind in ("state", "historical", "disputed")),
            al_root=frozenset(k for k, e in self.dictionary.entries.items()
                              if e.kind in ("state", "historical") and e.ar.startswith(("أل", "إل", "آل"))))
        self.outlets = bundled_outlets()
        # states with a name "المملكة …" (GBR JOR MAR SAU …): المملكة alone may refer back to one of them
        self.kingdoms = {n.code for n in self.dictionary.names if n.kind == "name" and n.keys[0] == "مملكه" and n.code}
        self.state_codes = {k for k, e in self.dictionary.entries.items() if e.kind == "state"}
        self.person_keys: dict[tuple[str, ...], list[str]] = {}  # one-word person name -> entries sharing it
        for n in self.dictionary.names:
            if n.kind == "person" and len(n.keys) == 1 and n.entry not in self.person_keys.get(n.keys, []):
                self.person_keys.setdefault(n.keys, []).append(n.entry)
        # given names: the listed ones and the first words of full names, of three letters or more (آن is أن)
        self.first_words = {w for w in first_words(self.dictionary) | self.guards.given_names if len(w) >= 3}
        spellings = PersonSpellings(self.dictionary, self.guards.arabic_name_states, function_words(),
                                    frozenset(key(n) for n in self.guards.given_names))
        self.matcher = Matcher(self.dictionary, spellings, function_words())
        self.resolver = Resolver(self.dictionary, self.matcher)
        self.resolver.matcher_protected = function_words()
        self.collect_candidates = collect_candidates
        self.titled = TitledPersons(bundled_titled(), self.guards.given_names, self.resolver.matcher_protected,
                                    {k for k, _, _ in self.dictionary.heads}, self.dictionary.words(),
                                    self.guards.institution_nouns, bundled_foreign_names())
        self.historic = Historic(bundled_historic(), self.guards.institution_nouns,
                                 frozenset(self.dictionary.words()) | function_words())
        # (the listed given names only: first words of the dictionary's names include verbs and nouns, صادق، حكم)
        self.surnames = ArticleSurnames(self.dictionary, self.titled.given, function_words() | self.titled.g.subject_cues,
                                        self.titled.foreign, self.titled.g.speech_verbs,
                                        self.titled.g.surname_idioms, self.titled.g.name_stops, frozenset(self.first_words),
                                        self.titled.g.office_words | self.titled.g.honorifics)
        # one pass per sentence notes the words the titled, historic and reference parts look for
        self.passes = Passes(self.titled.triggers, self.titled.g.honorifics, self.historic.quick, self.titled.appositions)
        self.sports_forms = base_forms(self.guards.sports_words)  # (an article without any: no sentence has one)
        self.oman_forms = base_forms(frozenset({"عمان", "العمان"}))  # (an article without عمان: nothing for ``amman``)
        # the words of the articles read so far (bounded): first sight looks at an article's other words only
        self.met: set[str] = set()

    def _agents_and_places(self, p: Processed, s, tokens, mentions, own: str | None = None) -> None:
        """Head nouns standing alone (الحكومة، المتظاهرون: an agent without a country) and non-capital places
        (حلب، كورسك: locations, never actors). Kept for the event coder, not stored as mentions. An office named by
        its title alone (ولي العهد، وزير الداخلية) in a national outlet's article about its own state is that
        state's (``own``)."""
        starts = {m.tok_start for m in mentions}
        covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
        first = len(p.agents)  # (this sentence's agents are the ones added here)
        for a, b, names in self.matcher.scan(tokens, self.matcher.head_trie):
            if b in starts or covered.intersection(range(a, b)):
                continue  # head + nisba/state: the resolver already gave that mention its agent
            office = own if own and (self.titled.national_office(tokens, a, b) or self.titled.own_organ(tokens, a, b)) \
                else ""
            p.agents.append(Mention(tokens[a].start, tokens[b - 1].end, s.text[tokens[a].start - s.start:tokens[b - 1].end - s.start],
                                    office, names[0].agent, "head", None, "", a, b, s.idx))
        head_ends = {x.tok_end for x in p.agents[first:] if "ال" not in tokens[x.tok_start].prefix}
        for a, b, names in self.matcher.scan(tokens, self.matcher.city_trie):
            if covered.intersection(range(a, b)):
                continue
            # many place names are also words (النعمة "grace", ميدان "square"): require a locative cue before, or
            # an indefinite head in construct with the town ("ثوار تعز"، "مسلحو الفلوجة")
            if not ((a > 0 and (tokens[a - 1].norm in LOCATIVE or tokens[a - 1].base in LOCATIVE)) or "ب" in tokens[a].prefix
                    or (a in head_ends and tokens[a].prefix in ("", "ال"))):
                continue
            if b == a + 1 and "ال" in tokens[a].prefix and (tokens[a].base,) not in self.dictionary.definite_cities \
                    and (tokens[a].norm,) not in self.dictionary.cities:
                continue  # "بالفأس" is "with the axe", not in Fes: a place written without ال
            p.places.append(Mention(tokens[a].start, tokens[b - 1].end, s.text[tokens[a].start - s.start:tokens[b - 1].end - s.start],
                                    names[0].code or "", None, "place", None, "", a, b, s.idx))
        if own and not any(x.code and x.code != own for x in p.places):
            # police, prosecutors, customs and courts (الشرطة، النيابة العامة، جمرك الحديثة) in a national outlet's
            # article that has named no other state nor a foreign place so far: the outlet's state's own organs
            for i, x in enumerate(p.agents[first:], first):
                if not x.code and x.agent in DOMESTIC_ORGANS:
                    p.agents[i] = replace(x, code=own)

    def protected_words(self) -> set[str]:
        return self.dictionary.words()

    def short_names(self, tokens, mentions: list[Mention], full_seen: set[str], date: str | None,
                    named: set[str] | None = None, sports_doc: bool = False) -> list[Mention]:
        """A one-word person name (surname or first name) counts only after the person's full name earlier in the
        article, right after a title (الرئيس X، وزير الخارجية الروسي X), or when the dictionary marks it
        unambiguous: a businessman or athlete sharing a politician's surname is not the politician. Of several
        people sharing the name, the one named in full earlier wins, then one in a top office on the date."""
        if not any(m.kind == "person" for m in mentions):
            return mentions[:]  # (most sentences: no person to decide)
        out = []
        covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)
                   if m.kind != "person" or m.tok_end - m.tok_start > 1}
        for m in mentions:
            if m.kind == "person" and self._named_after(tokens, m):
                if self._state_body(tokens, m):  # مركز الملك سلمان للإغاثة: the state's agency, not the king
                    out.append(replace(m, kind="metonym", person="", agent="GOV"))
                continue  # طريق الملك عبد الله، جامعة الملك سعود: a place named after the person
            if m.kind == "person" and m.tok_start and tokens[m.tok_start - 1].norm in ("بن", "ابن", "بنت"):
                continue  # عبدالعزيز بن عبدالله آل الشيخ: a father's name inside someone else's
            if m.kind == "person":
                k = (normalize_key(tokens[m.tok_start]),)
                if m.tok_end - m.tok_start > 1 and tokens[m.tok_start].norm in COMPOUND_HEADS:
                    k = (key("".join(t.norm for t in tokens[m.tok_start:m.tok_end])),)  # عبد الله: as عبدالله
                spelled = k[0] in self.matcher.spelled_as  # بيريتس read as بيرتس: another spelling
                k = (self.matcher.spelled_as.get(k[0], k[0]),)
                units = sum(t.norm not in COMPOUND_HEADS for t in tokens[m.tok_start:m.tok_end])
                if units > 1:
                    full_seen.add(m.person or m.entry)  # (the person picked by date, not the matched name's entry)
                elif self._longer_name(tokens, m, covered):
                    continue  # السفير معصوم مرزوق، الدكتور محمد سعيد الكندي: the first word of another person's name
                else:
                    # العربي (نبيل العربي)، عبدالله، المعلم: derived from an Arabic name, a plain word: never alone
                    every = self.person_keys.get(k, [m.entry])
                    sharing = [e for e in every if not self._arabic_derived(k, e)]
                    seen = [e for e in sharing if e in full_seen]
                    if len(seen) > 1:  # صالح after علي عبد الله صالح and أحمد علي صالح: the title may tell (الرئيس صالح)
                        head = self.matcher.head_before(tokens, m.tok_start)
                        seen = [e for e in seen if head and head[2] and any(
                            r.title == head[2] for r in self.dictionary.entries[e].roles)]
                    pick = seen[0] if len(seen) == 1 else None
                    if pick is not None and (self.surnames.someone_else(tokens, m.tok_start, covered, pick)
                                             or self.surnames.given_here(tokens, m.tok_start, m.tok_end, covered)):
                        pick = None  # خالد الفيصل after سعود الفيصل، تيدي كنيدي، آل بوش، عزام الخطيب، لصالح
                    # (بري والسنيورة وموسى، عنان وصبري: one of a list of persons joined by و is a name too)
                    listed = tokens[m.tok_start].prefix == "و" and bool(out) and out[-1].tok_end == m.tok_start \
                        and out[-1].kind == "person"
                    if pick is not None and self._arabic(pick) and not (listed or self._surname_here(tokens, m)):
                        pick = None  # الحريري after رفيق الحريري, but not الشهيد الحريري … (an adjective reading)
                    prev = tokens[m.tok_start - 1] if m.tok_start else None
                    after_given = prev is not None and not prev.prefix and normalize_key(prev) in self.titled.given
                    t0 = tokens[m.tok_start]
                    nxt = tokens[m.tok_end] if m.tok_end < len(tokens) else None
                    if pick is None and not spelled and t0.text[:m.start - t0.start] in ("", "و") and not (
                            prev is not None and normalize_key(prev) in self.first_words) and not (
                            nxt is not None and nxt.norm in ("بن", "ابن", "بنت")) and \
                            not self.surnames.someone_else(tokens, m.tok_start, covered, foreign=False):
                        # لحود، رايس in office, marked in the dictionary, in an article that names the state or
                        # organisation of the office: not after someone's given name (عبدالله بن خليفة العطية) or
                        # before a father's name (علوش بن عبدالله), nor with a proclitic that may be the word's
                        # first letter (فرائس)
                        # written as marked, with or without ال (الغانم; غانم is a given name), and not in a
                        # sports article or sentence (a player may share the surname)
                        has_al = normalize(m.text).startswith("ال")
                        alone = [e for e in every if k in self.dictionary.entries[e].unambiguous
                                 and (k in self.dictionary.entries[e].unambiguous_al) == has_al
                                 and in_office(self.dictionary.entries[e], date)]
                        if alone and (sports_doc or self.guards.sports_seen(tokens)):
                            alone = []
                        role = self.dictionary.entries[alone[0]].role_on(date) if len(alone) == 1 else None
                        pick = alone[0] if role is not None and role.code in (named or ()) else None
                    if not spelled:  # another spelling alone (سابيلا، مهاما) is no known name without context
                        # (nor a derived surname after someone's given name: شين لونج is not Lee Hsien Loong)
                        pick = pick or next((e for e in sharing if self._known(k, e, date)
                                             and not (after_given and k in self.dictionary.entries[e].derived)), None)
                    if pick is None:  # السنيورة، بري after فؤاد السنيورة، نبيه بري earlier in the article
                        back = [e for e in every if e in full_seen and e not in sharing]
                        head = self.matcher.head_before(tokens, m.tok_start) if back else None
                        if head and head[2] and not any(r.title == head[2] for r in self.dictionary.entries[back[0]].roles):
                            back = []  # الرئيس صالح after أحمد علي عبد الله صالح: the title names his father
                        if len(back) == 1 and (listed or self._surname_here(tokens, m)) and \
                                not self.surnames.someone_else(tokens, m.tok_start, covered, back[0]) and \
                                not self.surnames.given_here(tokens, m.tok_start, m.tok_end, covered):
                            pick = back[0]
                    if pick is None and m.entry in sharing and self._titled(tokens, m, out):
                        # السيد جونز، الرئيس الأمريكي باراك (not Ehud Barak): a derived surname after a title needs the
                        # title's country to be its holder's, and to pick out one person
                        fits = [e for e in sharing if self._same_country(e, out, m, date)]
                        if k not in self.dictionary.entries[m.entry].derived:
                            pick = m.person if m.person in sharing else m.entry  # (الأسد in 2015: Bashar)
                        elif len(fits) == 1:
                            pick = fits[0]
                    if pick is None:
                        pick = self._in_context(tokens, m, out, k, sharing, date, spelled)
                    pick = self._office_holder(tokens, m, out, every, date) or pick
                    if pick is None or self.surnames.someone_else(tokens, m.tok_start, covered, pick, foreign=False,
                                                                  family=False, broad=False):
                        continue  # (ميشيل أوباما: after another listed given name, whichever rule read it)
                    if pick != m.person or pick != m.entry:  # (the resolver's person may differ from the
                        self._reassign(m, pick, date)  # entry of the name it matched: the one in office then)
            out.append(m)
        return out

    def _own_state(self, ctx: dict, tokens, mentions: list[Mention]) -> str | None:
        """The outlet's state, when the article so far and this sentence name no other state: then a national
        office named by its title alone is that state's."""
        outlet = ctx.get("outlet")
        if not outlet:
            return None
        # (a named office holder of another state counts too: "اتهم النائب ميشال عون الحكومة" is Lebanon's)
        here = [m.code for m in mentions if m.code in self.state_codes and m.kind in ("name", "nisba", "capital", "person")]
        return outlet if all(c == outlet for c in ctx.get("recent", []) + here) else None

    def _topic_state(self, ctx: dict, mentions: list[Mention]) -> str | None:
        """The one state the article is about: its last few state mentions (two at least) and this sentence's name
        it alone, as for البلاد. With no outlet known, a named person's national office takes it (وزير البيئة فلان in
        an article about Lebanon); an office named by its title alone does not, nor in a national paper (a Saudi
        paper's article about a visit to Washington names Saudi ministers by office alone)."""
        here = [m.code for m in mentions if m.code in self.state_codes and m.kind in ("name", "nisba", "capital")]
        recent = ctx.get("recent", [])
        state = topic(recent) if len(recent) >= 2 else None
        return state if state and all(c == state for c in here) else None

    def _longer_name(self, tokens, m: Mention, covered: set[int]) -> bool:
        """A given name, or a word right after a title, followed by a word that reads as a name (not a verb, not
        definite): the first word of someone else's name."""
        nxt = tokens[m.tok_end] if m.tok_end < len(tokens) else None
        prev = tokens[m.tok_start - 1] if m.tok_start else None
        first = normalize_key(tokens[m.tok_start])
        given = first in self.titled.given
        if given and prev is not None and prev.norm in ("ابو", "ابي", "ام"):
            return True  # أبو عبد الله: a by-name
        if nxt is None:
            return False
        if given and nxt.norm in NOT_SURNAMES and nxt.norm.startswith("ال"):
            return True  # الملك محمد الخامس: a king of that name, not the one in the dictionary
        if first.startswith("عبد") and nxt.prefix == "ال" and m.tok_end not in covered \
                and len(nxt.base) > 3 and nxt.norm not in NOT_SURNAMES and prev is not None \
                and (self.titled.is_title(prev) or prev.base in ("دكتور", "مهندس", "استاذ", "شيخ")):
            return True  # الدكتور عبدالرحمن السالم: after a title, an عبد- given name and a family name with ال
        if nxt.prefix or m.tok_end in covered:
            return False
        if not given and not (prev is not None and self.titled.is_title(prev)):
            return False
        return self.titled._word(nxt, False, given)

    def _in_context(self, tokens, m: Mention, before: list[Mention], k: tuple[str, ...], sharing: list[str],
                    date: str | None, spelled: bool = False) -> str | None:
        """One word of a known person where the sentence shows a person: after a title, the one holder of a top
        office on the date among those sharing it (الرئيس مبارك، الملك حمد); as the subject right after a verb of
        saying (وقال رايس، وحذر نجاد) or joined by و to another person (بوش وبلير), the one sharing it who is in
        office on the date, if that name is not an Arabic plain word or given name."""
        if self._titled(tokens, m, before):
            head = self.matcher.head_before(tokens, m.tok_start)
            title = head[2] if head else None  # الرئيس -> president; الشيخ, السيد: any top office
            top = [e for e in self.person_keys.get(k, []) if any(
                r.title in TOP_OFFICES and r.active(date) and (title is None or r.title == title)
                for r in self.dictionary.entries[e].roles)]
            return top[0] if len(top) == 1 else None
        prev = tokens[m.tok_start - 1] if m.tok_start else None
        cues = self.titled.g.subject_cues  # (وكانت is written as one word: و read off here)
        said = prev is not None and (key(prev.base or prev.norm) in self.titled.g.speech_verbs or prev.norm in cues
                                     or prev.base in cues or (prev.norm[:1] in "وف" and prev.norm[1:] in cues))
        listed = prev is not None and prev.norm == "و" and before and before[-1].kind == "person" \
            and before[-1].tok_end == m.tok_start - 1
        joined = tokens[m.tok_start].prefix == "و" and before and before[-1].kind == "person" \
            and before[-1].tok_end == m.tok_start
        if listed or joined:
            live = [e for e in sharing if any(r.active(date) for r in self.dictionary.entries[e].roles)]
        elif said and (spelled or k[0] in self.titled.g.foreign_given_names
                       or (k[0] in self.titled.given and self._name_goes_on(tokens, m))):
            # سابيلا (another spelling of سيبيلا) is no known name by position alone; إن ميشيل بلاتيني: a foreign
            # given name, or any given name followed by a family name, begins someone's full name
            return None
        elif said:  # the subject of a verb of saying: a head of state, government or IGO, or a foreign minister
            # whose one-word name the dictionary lists itself; a derived surname (ماكي may be anyone) only for a
            # top office holder who is the one person in the dictionary with it (أنان, not عنان: سامي عنان too)
            def fits(e: str) -> bool:
                derived = k in self.dictionary.entries[e].derived
                if derived and len(self.person_keys.get(k, [])) > 1:
                    return False
                return any(r.active(date) and (r.title in TOP_OFFICES or (r.title == "foreign_minister" and not derived))
                           for r in self.dictionary.entries[e].roles)
            live = [e for e in sharing if fits(e)]
        else:
            return None
        return live[0] if len(live) == 1 else None

    def _name_goes_on(self, tokens, m: Mention) -> bool:
        """The word after the mention may be a family name: a plain word, no article, proclitic, function word or
        punctuation (ميشيل بلاتيني; not عباس إن …، عباس «…»، عباس الشباب)."""
        nxt = tokens[m.tok_end] if m.tok_end < len(tokens) else None
        return nxt is not None and nxt.is_word and nxt.norm.isalpha() and not nxt.prefix \
            and not nxt.norm.startswith("ال") and nxt.norm not in self.resolver.matcher_protected

    def _same_country(self, entry: str, before: list[Mention], m: Mention, date: str | None) -> bool:
        """The state word right before the name (وزير الدفاع الأمريكي كارتر) is the person's country."""
        prev = before[-1] if before else None
        if not prev or prev.tok_end != m.tok_start or prev.kind not in ("nisba", "name"):
            return False
        role = self.dictionary.entries[entry].role_on(date)
        return role is not None and role.code == prev.code

    @staticmethod
    def _state_body(tokens, m: Mention) -> bool:
        """A centre, fund or foundation named after a head of state is that state's agency (مركز الملك سلمان
        للإغاثة، صندوق الملك عبدالله): it acts for the state in aid and relief."""
        j = m.tok_start - 1
        while j >= 0 and tokens[j].norm in ("الملك", "الامير", "الشيخ", "الرييس", "السلطان"):
            j -= 1
        return j >= 0 and key(tokens[j].base or tokens[j].norm) in STATE_BODIES

    def _named_after(self, tokens, m: Mention) -> bool:
        """An institution noun right before the name or its title (مطار الملك خالد، مستشفى الملك فيصل), also over an
        opening quotation mark (معرض “الفيصل”)."""
        j = m.tok_start - 1
        if j > 0 and tokens[j].text in OPEN_QUOTES:  # (a show, a festival, a movement; not بالفريق «خليفة حفتر»)
            return key(tokens[j - 1].base or tokens[j - 1].norm) in self.guards.name_nouns
        if j >= 0 and (tokens[j].norm,) in self.guards.span_titles:
            j -= 1
        b = key(tokens[j].base or tokens[j].norm) if j >= 0 and not tokens[j].suffix else ""
        if b in STAFF_NOUNS and j < m.tok_start - 1:
            return False  # فريق الرئيس جورج بوش: the president's team (after a title), not a team named after him
        return b in self.guards.institution_nouns or b in NAMED_PLACES

    def _surname_here(self, tokens, m: Mention) -> bool:
        """An Arabic surname alone (often also a plain word: بري "land", العربي "Arab") reads as the person named in
        full earlier only where the sentence shows a name, not an adjective: after a verb of saying, a preposition
        or other function word, a title, a construct head (حكومة السنيورة), a punctuation mark, or at the start; never
        after a definite word it could agree with (الوطن العربي) or, without ال, after an indefinite noun (هجوم بري)."""
        t = tokens[m.tok_start]
        if t.prefix.endswith(("ب", "ل", "ك")) and not t.prefix.endswith("ال"):
            return True  # لبري، بالحريري: a preposition on the name itself
        prev = tokens[m.tok_start - 1] if m.tok_start else None
        if prev is None or not prev.is_word:
            return True
        pk = key(prev.base or prev.norm)
        if pk in self.titled.g.speech_verbs or prev.norm in self.resolver.matcher_protected or \
                self.titled.is_title(prev) or (prev.norm,) in self.guards.span_titles:
            return True
        if definite(prev):
            return False  # الوطن العربي، الشعب الحريري: an adjective agreeing with the noun before it
        return definite(t)  # حكومة السنيورة: a construct head before a definite name; هجوم بري: an adjective

    def _arabic(self, entry: str) -> bool:
        return any(r.code in self.guards.arabic_name_states for r in self.dictionary.entries[entry].roles)

    def _arabic_derived(self, k: tuple[str, ...], entry: str) -> bool:
        """A surname derived from the full name of an office holder of an Arabic-speaking state (Arabic surnames are
        often plain words: العربي "Arab", المعلم "teacher"), or one that is a given name, is never read alone."""
        e = self.dictionary.entries[entry]
        if k not in e.derived:
            return False
        return k[0] in self.guards.given_names or k[0].startswith("عبد") or \
            any(r.code in self.guards.arabic_name_states for r in e.roles)

    def _reassign(self, m: Mention, entry: str, date: str | None) -> None:
        role = self.dictionary.entries[entry].role_on(date)
        m.entry = m.person = entry
        if role is not None:
            m.code, m.agent = role.code, role.agent

    def provisional(self, tokens, cands, sentence_idx: int) -> list[Mention]:
        """A title and a country word before an unknown name (وزير الخارجية العراقي فلان): a person mention coded from
        them (IRQ DIP), person unknown; kind ``provisional``. Only names that look like names: two or more words, none
        with a proclitic (للضغط) or the accusative alef (ردا), the article only on the last (family) word; others
        stay candidates for `marsad dict candidates`."""
        out = []
        for c in cands:
            words = tokens[c.tok_start:c.tok_end]
            if not c.guess_code or len(words) < 2 or (words[0].norm,) in self.guards.span_titles:
                continue
            if any(w.prefix not in ("", "ال") or w.norm.endswith("ا") for w in words) or any(w.norm.startswith("ال") for w in words[:-1]):
                continue
            if any(w.norm in self.guards.not_name_words or not w.norm.isalpha() or
                   normalize_key(w) in self.titled.g.name_stops for w in words):
                continue  # (عقب ذلك: words that end names in titled.yaml are none either)
            if words[0].norm not in self.guards.given_names and \
                    not all(self._name_like(w, w is words[-1]) for w in words):
                continue  # خلال حفل الافتتاح، مراسم استقبال رسمية، يزور أحد المصانع: not a name
            out.append(Mention(c.start, c.end, c.name, c.guess_code, c.guess_agent, "provisional", None, "",
                               c.tok_start, c.tok_end, sentence_idx))
        return out

    def _name_like(self, w, last: bool = False) -> bool:
        """A word that can be part of an unknown (often foreign) name: no feminine or pronoun ending (زيارته، مرة),
        no article but on the family name, not a head noun or a function word (رئيس، مجلس، خلال), not an imperfect
        verb (يزور، تتابع)."""
        n = w.norm[2:] if last and w.norm.startswith("ال") else w.norm
        return len(n) >= 3 and not n.endswith(("ه", "ها", "هم")) and not n.startswith(("ال", "ي", "ت", "ن")) \
            and not w.suffix and (n,) not in self.matcher.heads and n not in self.resolver.matcher_protected

    def _known(self, k: tuple[str, ...], entry: str, date: str | None) -> bool:
        """A head of state, government or international organisation in office on the date: the press names them by surname alone (بوتين، أردوغان، عنان). One name of an office holder
        of an Arabic-speaking state, or a given name, is not enough (it is often a plain word or another person)."""
        e = self.dictionary.entries[entry]  # (names marked unambiguous: read in short_names)
        if k[0] in self.guards.given_names or any(r.code in self.guards.arabic_name_states for r in e.roles):
            return False  # غريب "strange", الأسد "the lion", عباس (a given name): an Arabic name alone needs context
        if k in e.derived:  # a surname taken from a full name: only this person's, no given name, not a plain word,
            # and only while in a top office (أنان in 2006); else it needs the full name or a title (ميشال، كارتر)
            return len(self.person_keys.get(k, ())) == 1 and k[0] not in self.titled.given \
                and k[0] not in self.resolver.matcher_protected and len(k[0]) >= 4 \
                and any(r.title in TOP_OFFICES and r.active(date) for r in e.roles)
        if any(r.title in TOP_OFFICES and r.active(date) for r in e.roles):
            return True
        # a former head of state or government whose one-word name the dictionary lists itself and no one else has
        # (برلسكوني after May 2006, شارون): the press goes on naming them alone
        return len(self.person_keys.get(k, ())) == 1 and len(k[0]) >= 5 and k[0] not in self.titled.given and any(
            r.title in TOP_OFFICES and r.start and (not date or r.start <= date) for r in e.roles)  # (جول: Jules)

    def _office_holder(self, tokens, m: Mention, before: list[Mention], every: list[str], date: str | None) -> str | None:
        """After a title that names an office (وزير الخارجية ليبرمان، الملك سلمان), the one person sharing the name who
        holds that office on the date, whoever else bears the name or was named in full earlier."""
        if not date or len(every) < 2:
            return None
        prev = before[-1] if before else None
        start = prev.tok_start if prev and prev.tok_end == m.tok_start and prev.kind in ("nisba", "name") else m.tok_start
        head = self.matcher.head_before(tokens, start)
        if head is None or head[2] is None:
            return None
        holders = [e for e in every if any(r.title == head[2] and r.active(date) for r in self.dictionary.entries[e].roles)]
        return holders[0] if len(holders) == 1 else None

    def _titled(self, tokens, m: Mention, before: list[Mention]) -> bool:
        if tokens[m.tok_start].prefix and "ال" not in tokens[m.tok_start].prefix:
            return False  # الدفاع لمدني، الشرطة ومدني: a bare word with a proclitic after a head noun ("civil", "and a
            # civilian"), not a name after a title (بالأسد after المبعوث still is)
        prev = before[-1] if before else None
        start = prev.tok_start if prev and prev.tok_end == m.tok_start and prev.kind in ("nisba", "name") else m.tok_start
        if start and (tokens[start - 1].norm,) in self.guards.span_titles:  # الشيخ، السيد، الدكتور
            return True
        return self.matcher.head_before(tokens, start) is not None

    def _note_states(self, tokens, mentions: list[Mention], ctx: dict) -> None:
        for m in mentions:
            if m.code in self.state_codes and m.kind in ("name", "nisba") and not m.entry.startswith("ref:"):
                ctx["recent"] = (ctx.get("recent", []) + [m.code])[-RECENT:]
                if m.code in self.kingdoms:
                    ctx.setdefault("kingdoms", set()).add(m.code)
                if m.code in self.kingdoms and normalize_key(tokens[m.tok_start]) == "مملكه":
                    ctx["kingdom"] = m.code

    def references(self, tokens, mentions: list[Mention], s, ctx: dict, spots: list[int] | None = None) -> list[Mention]:
        """المملكة and البلاد standing alone: the outlet's state when it is a kingdom, unless the article names only
        other kingdoms (then the one last named in full: المملكة الأردنية … المملكة), and the state the article is about (its last few state mentions all name it; none
        named yet: the outlet's state; several: unresolved). Entry ``ref:article`` or
        ``ref:outlet`` says which; kind ``name``, as the state's own name."""
        if spots is None:  # (the stage's one pass gives them: ``passes``)
            spots = [i for i, t in enumerate(tokens) if "مملكه" in t.norm or "بلاد" in t.norm]
        if not spots:  # most sentences: only note the states they name
            self._note_states(tokens, mentions, ctx)
            return []
        covered = {i for m in mentions for i in range(m.tok_start, m.tok_end)}
        out = []
        noted = 0
        for i in spots:
            upto = noted
            while upto < len(mentions) and mentions[upto].tok_start <= i:
                upto += 1
            self._note_states(tokens, mentions[noted:upto], ctx)  # the states named before this word
            noted = upto
            t = tokens[i]
            base = t.base or t.norm
            if i in covered or key(base) not in ("مملكه", "بلاد") or not definite(t):
                continue
            if i and key(tokens[i - 1].base or tokens[i - 1].norm) in self.guards.institution_nouns:
                continue  # بنك البلاد: a name
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and nxt.norm.startswith("ال") and nxt.norm.endswith("ه"):
                continue  # البلاد العربية، المملكة المتحدة: another noun phrase
            if key(base) == "مملكه":  # the outlet's own kingdom if it is one and the article has not named only another
                own = ctx.get("outlet") if ctx.get("outlet") in self.kingdoms else None
                named = ctx.get("kingdoms", set())
                code, how = (own, "outlet") if own and (not named or own in named) else \
                    (ctx.get("kingdom"), "article") if ctx.get("kingdom") else (None, "")
            else:
                code, how = (topic(ctx["recent"]), "article") if ctx.get("recent") else (ctx.get("outlet"), "outlet")
                if code == ctx.get("outlet"):
                    how = "outlet"
            if code:
                pre = t.prefix[:-2] if t.prefix.endswith("ال") else t.prefix
                start = t.start + orig_prefix_len(t.text, len(pre))  # وبالبلاد -> البلاد; وللبلاد -> لبلاد (as names)
                out.append(Mention(start, t.end, s.text[start - s.start:t.end - s.start], code, "GOV", "name", None,
                                   f"ref:{how}", i, i + 1, s.idx))
        self._note_states(tokens, mentions[noted:], ctx)
        return out

    def _read(self, tokens, s, date: str | None, matches) -> list[Mention]:
        """The dictionary's names in one sentence (its guarded matches), resolved (in the article's period)."""
        mentions = self.resolver(tokens, matches, date, s.idx, s.text, s.start)
        return [m for m in mentions if self.dictionary.in_period(m.entry or m.code, date)]

    def _full_names(self, p: Processed, read: dict[int, list[Mention]]) -> list[Mention]:
        """Persons named in full anywhere in the article. A surname may come before the full name: a headline
        (تحذيرات لارسن) or a lead names people by surname, and the body names them in full."""
        out = []
        for idx, mentions in read.items():
            tokens = p.tokens.get(idx, [])
            for m in mentions:
                if m.kind == "person" and sum((t.base or t.norm) not in COMPOUND_HEADS
                                              for t in tokens[m.tok_start:m.tok_end]) > 1 \
                        and tokens[m.tok_start].norm not in self.titled.g.subject_cues \
                        and not self._named_after(tokens, m) and not (
                            m.tok_start and tokens[m.tok_start - 1].norm in ("بن", "ابن", "بنت")):
                    out.append(m)
        return out

    def __call__(self, p: Processed) -> Processed:
        date = p.doc.published
        named: set[str] = set()  # codes of the states and organisations named so far
        ctx: dict = {"outlet": self.outlets.of(p.doc), "titled": {}, "sports": set(), "named": set(),
                     "historic": set()}  # recent states, kingdom last named in full, outlet
        words = {t.norm for tokens in p.tokens.values() for t in tokens}
        # a sports article is one from its first sentence: its sports words are counted over the whole text (most
        # articles have none in any form: no sentence is read for them)
        seen_in = {s.idx: self.guards.sports_seen(p.tokens.get(s.idx, [])) for s in p.sentences} \
            if not words.isdisjoint(self.sports_forms) else dict.fromkeys([s.idx for s in p.sentences], frozenset())
        new = words - self.met  # (first sight of the article's new words at once: most begin nothing)
        if len(self.met) < MET_LIMIT:
            self.met |= new
        self.matcher.prepare(new)
        self.passes.prepare(new)
        ctx["sports"] = set().union(*seen_in.values()) if seen_in else set()
        matched = {s.idx: self.guards(p.tokens.get(s.idx, []), self.matcher(p.tokens.get(s.idx, [])),
                                      len(ctx["sports"]) >= SPORTS_DOC, seen_in[s.idx]) for s in p.sentences}
        read = {s.idx: self._read(p.tokens.get(s.idx, []), s, date, matched[s.idx]) for s in p.sentences}
        fulls = self._full_names(p, read)
        full_seen = {m.person or m.entry for m in fulls}
        memory = self.surnames.memory(fulls)  # family names the article teaches (نبيه بري … بري)
        # (most articles have no word عمان in any form: Oman or Amman is no question in any sentence)
        oman = not words.isdisjoint(self.oman_forms)
        for s in p.sentences:
            tokens = p.tokens.get(s.idx, [])
            seen = seen_in[s.idx]
            mark = self.passes(tokens)  # (made as the sentence is read: its objects go with it)
            mentions = read[s.idx]
            if matched[s.idx] and any(len({n.code for n in m.names if n.kind == "name" and n.code}) > 1
                                      or m.names[0].code in self.guards.person_name_states
                                      for m in matched[s.idx]):
                # كوريا، الكونغو: which state (or person) a shared name is depends on what the article named so far
                matches = shared_names(tokens, matched[s.idx], named, full_seen,
                                       lambda e: {r.code for r in self.dictionary.entries[e].roles},
                                       lambda t: t.prefix in ("", "و") and ((t.base or t.norm) in self.first_words
                                                                            or self.titled.foreign_name(t.base or t.norm)),
                                       self.guards)
                mentions = self.resolver(tokens, matches, date, s.idx, s.text, s.start)
                mentions = [m for m in mentions if self.dictionary.in_period(m.entry or m.code, date)]
            named |= {m.code for m in mentions if m.code and m.kind != "person"}  # states, IGOs so far
            if len(mentions) > 1:
                mentions = coordinated_agents(tokens, mentions)  # قوات أمريكية وبريطانية: both MIL
            mentions = self.short_names(tokens, mentions, full_seen, date, named, len(ctx["sports"]) >= SPORTS_DOC)
            self.surnames.widen(tokens, mentions, s.text, s.start)  # (خوسي لويس ثاباتيرو: his own names too)
            taught = self.surnames.find(tokens, read[s.idx], memory, s.idx, date, s.text, s.start, self._surname_here)
            if taught:  # (بن عيسى over the lone عيسى the dictionary read)
                mentions = by_start([m for m in mentions if not any(
                    f.tok_start <= m.tok_start and m.tok_end <= f.tok_end for f in taught)], taught)
            cands = self.resolver.candidates(tokens, mentions, s.text, s.start)
            mentions = sorted(mentions + self.provisional(tokens, cands, s.idx) if cands else mentions,
                              key=lambda m: m.tok_start)
            # rulers and empires of the past (none in most sentences: no word that may begin one)
            found, drop = self.historic(tokens, mentions, s, ctx["historic"], mark.past) if mark.past else ((), ())
            if found:
                mentions = by_start([m for j, m in enumerate(mentions) if j not in drop], found)
            own = self._own_state(ctx, tokens, mentions)
            if not (seen and self.guards.sports(tokens)):  # مدير الفريق، الكابتن فلان: players and coaches
                about = own or (None if ctx.get("outlet") else self._topic_state(ctx, mentions))
                # (a named person's national office: the outlet's state, else with no outlet known the article's
                # state; a national paper names its own officials in articles about other states too)
                mentions = by_start(mentions, self.titled(tokens, mentions, about, ctx["titled"], s, mark.cues,
                                                                 mark.offices))
            mentions = [m for m in mentions if m.kind not in ("person", "provisional")
                        or not self.titled.after_occupation(tokens, m)]  # الشاعر نزار قباني: not the minister
            if mark.references:
                mentions = by_start(mentions, self.references(tokens, mentions, s, ctx, mark.references))
            else:  # (as ``references`` does with no word to read: the states named)
                self._note_states(tokens, mentions, ctx)
            if oman:
                mentions = by_start(mentions, amman.find(tokens, mentions, s))
                amman.resolve(tokens, mentions, ctx["named"])
                amman.note(tokens, mentions, ctx["named"])
            p.mentions.extend(mentions)
            self._agents_and_places(p, s, tokens, mentions, own)
            if self.collect_candidates:
                p.candidates.extend(cands)
        self.matcher.forget()
        return p
