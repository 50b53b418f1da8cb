"""The actor dictionary: YAML data files -> validated entries -> surface names keyed for matching.

Formats are documented in docs/formats.md. ``load_dictionary()`` reads the bundled files plus any user
files (YAML in the same format, or PETRARCH-format actor files) and returns an ``ActorDictionary``.
``validate()`` returns human-readable problems; ``marsad dict check`` prints them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..data import yamlfile
from ..text.normalize import normalize
from .variants import name_variants, nisba_forms

KINDS = {"state", "historical", "disputed", "igo", "nsa", "communal", "region"}
AGENTS = {"GOV", "MIL", "LEG", "JUD", "OPP", "REB", "CVL", "MED", "BUS", "SPY", "COP", "DIP", "EDU", "REL",
          "HLH", "NGO", "IGO", "UAF", "ELI", "LAB", "AGR", "CRM", "IMG", "SEP", "INS", "PTY", "ENV", "REF"}
CODE_RE = re.compile(r"^[A-Z][A-Z0-9+]{1,7}$")
# Names that are also common words: matched only with a cue before them (دولة مالي, في مالي).
AMBIGUOUS = {"فتح", "مالي", "ماليه", "ماليون", "ماليين", "ماليان", "بنين", "كيف", "تشاد", "عمان", "جورجيا"}
DEFINITE_KINDS = {"person", "name", "capital", "metonym"}
KIND_RANK = {"region": 0, "name": 0, "igo": 0, "person": 1, "capital": 2, "metonym": 2, "nisba": 3, "people": 3, "head": 4}


def key(word: str) -> str:
    """Match key of one normalised word: a leading ال is not significant (الصين = صين)."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def accusative(k: tuple[str, ...]) -> tuple[str, ...] | None:
    """The indefinite accusative of a one-word head (جنود -> جنودا, وفد -> وفدا, جندي -> جنديا): the alef of the
    tanween is written except after ة, a long vowel, ء, and on sound plurals and duals (ون ين ات ان)."""
    if len(k) != 1 or normalize(k[0]) != k[0] or k[0].startswith("ال"):
        return None
    w = k[0]
    if w.endswith(("ه", "ا", "ء", "ي" + "ا", "ات", "ون", "ين", "ان", "و")) or len(w) < 3:
        return None
    return (w + "ا",)


# masculine heads whose dual names bodies or office holders (الرئيسان، الشعبان، الوفدان، الجيشان), not people counted
# in a casualty report: the coder reads "قتل جنديان سعوديان" as passive only with a count word before the nisba
# (events.clauses.COUNT_WORDS, which has no duals yet), so person duals (جنديان، مسؤولان) are left for that change
DUAL_MASCULINE = frozenset(normalize(w) for w in ("رئيس", "شعب", "وفد", "جيش", "برلمان", "نظام", "مجلس", "بلد"))


def duals(k: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The dual of a one-word singular head of a body (بعثة -> بعثتان/بعثتين، الرئيس -> الرئيسان/الرئيسين): the nisba
    after it agrees (الحكومتان الفرنسية والبريطانية، الرئيسان المصري والسوداني). Feminine heads (ة) and
    ``DUAL_MASCULINE``; sound plurals, duals and words ending in a long vowel or ء form none."""
    if len(k) != 1 or normalize(k[0]) != k[0]:
        return ()
    w = k[0]
    if w.endswith(("ا", "ء", "و", "ات", "ون", "ين", "ان")) or len(w) < 3 \
            or not (w.endswith("ه") or w in DUAL_MASCULINE):
        return ()
    stem = w[:-1] + "ت" if w.endswith("ه") else w
    return (stem + "ان",), (stem + "ين",)


NOT_SURNAMES = {"الثاني", "الاول", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الابن", "الاب", "الكبير",
                "الصغير", "جونيور", "الله", "الدين", "ثاني", "نهيان", "خليفه", "سعود", "صباح", "الصباح", "الثانيه",
                "الاولي", "ثانيه", "زاده", "الرحمن", "الرحيم", "العزيز", "الكريم", "المجيد", "الحميد"}


SURNAME_FIRST = {"CHN", "TWN", "PRK", "KOR"}
NAME_TITLES = {"الملك", "الملكه", "الامير", "الاميره", "الشيخ", "الشيخه", "السلطان", "الامام", "البابا", "الرئيس",
               "الجنرال", "المشير", "الفريق", "اللواء", "الدكتور", "السيد", "السيده"}


def short_form(name: str, surname_first: bool = False) -> str | None:
    """The surname of a full person name (its last word): ايهود اولمرت -> اولمرت. None for one-word names (after a
    title), Chinese and Korean names, ordinals and dynasty words (الثاني، آل ثاني، الدين), and short words."""
    if surname_first:
        return None  # كيم، لي، بارك "he blessed": Chinese and Korean family names are too short and common
    words = normalize(name).replace("-", " ").split()
    while words and words[0] in NAME_TITLES:
        words = words[1:]  # الملك هارالد: a title and a given name, no surname
    if len(words) < 2 or words[-2] in ("بن", "ابن", "بنت", "ال", "ابو", "ام", "عبد") or words[-1] in NOT_SURNAMES:
        return None
    last = words[-1]
    if len(last) <= 3 or (last.startswith("ال") and (len(last) <= 5 or last.endswith("ي"))):
        return None  # العربي، المصري: an adjective of origin, not a surname to read alone
    if last.startswith("عبد"):
        return None  # قيس عبدالكريم: a compound given name written as one word (عبد الكريم الطبال is anyone)
    return last


def name_key(name: str) -> tuple[str, ...]:
    return tuple(key(w) for w in normalize(name).replace("-", " ").split() if w)


@dataclass(slots=True)
class Role:
    code: str
    agent: str | None
    title: str
    start: str | None
    end: str | None
    uncertain: bool = False

    def active(self, date: str | None) -> bool:
        if not date:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(slots=True)
class Entry:
    id: str  # code for states/IGOs/groups, slug for people
    kind: str
    en: str = ""
    ar: str = ""
    code: str | None = None  # for people: None (their roles carry codes)
    country: str | None = None
    agent: str | None = None
    roles: list[Role] = field(default_factory=list)
    source: str = ""
    file: str = ""
    unambiguous: frozenset[tuple[str, ...]] = frozenset()  # short names that need no context (person entries)
    derived: frozenset[tuple[str, ...]] = frozenset()  # surnames taken from the full names (need context)
    unambiguous_al: frozenset[tuple[str, ...]] = frozenset()  # those of `unambiguous` written with ال (السنيورة)

    def role_on(self, date: str | None) -> Role | None:
        """The person's role on ``date``: an active one (highest-ranking first), else the most recent past one."""
        active = [r for r in self.roles if r.active(date)]
        if active:
            return sorted(active, key=lambda r: TITLE_RANK.get(r.title, 9))[0]
        past = [r for r in self.roles if r.end and (not date or r.end < date)]
        if past:
            last = max(past, key=lambda r: r.end or "")
            return Role(last.code, None, "former_" + last.title, last.start, last.end)
        return None


TITLE_RANK = {"supreme_leader": 0, "king": 0, "president": 0, "emir": 0, "head_of_state": 0,
              "prime_minister": 1, "crown_prince": 1, "vice_president": 2, "foreign_minister": 3,
              "defence_minister": 3, "secretary_general": 3}


@dataclass(slots=True)
class Name:
    """One surface name (as match keys) pointing at an entry."""

    keys: tuple[str, ...]
    entry: str
    code: str | None
    agent: str | None
    kind: str  # name | capital | metonym | nisba | people | person | igo
    ambiguous: bool = False
    definite: bool = False  # a one-word name only written with ال (الأسد، العراق): the bare word (أسد "lion") is not it;
    # a longer name (not a person's) never written without any ال: "ولايات متحدة" is not الولايات المتحدة
    bare: bool = False  # a one-word person name only written without ال (رئيسي): الرئيسي "main" is not it
    bare_words: int = 0  # a longer person name: bit i set when its word i is never written with ال (محمد بديع)


@dataclass
class ActorDictionary:
    entries: dict[str, Entry] = field(default_factory=dict)
    names: list[Name] = field(default_factory=list)
    heads: list[tuple[tuple[str, ...], str, str | None]] = field(default_factory=list)  # keys, agent, title
    cities: dict[tuple[str, ...], str] = field(default_factory=dict)
    # one-word places written with ال (القاهرة، الرقة): the others (فاس، حلب) are not read in a word with ال
    # (الفأس "the axe" folds to فاس)
    definite_cities: set[tuple[str, ...]] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    # groups' years of activity (the `period` field): before them a name is not the group ("المقاومة الشعبية"
    # before Yemen's 2015 resistance)
    periods: dict[str, tuple[int, int | None]] = field(default_factory=dict)
    # armed groups that fight for their state's government (the `side: government` field): "the rebels" and
    # "the putschists" of an article are never they
    loyal: set[str] = field(default_factory=set)

    def in_period(self, code: str | None, date: str | None) -> bool:
        """Whether the entry ``code`` existed in the year of ``date`` (always, without a period or a date). Only the
        first year counts, less one for approximate dates: a group that has ended is still named afterwards
        ("ميليشيات جيش المهدي سابقا"), but a phrase written before a group existed is not that group."""
        span = self.periods.get(code or "")
        if span is None or not date or not date[:4].isdigit():
            return True
        return int(date[:4]) >= span[0] - 1

    def by_code(self, code: str) -> Entry | None:
        return self.entries.get(code)

    def display(self, code: str | None) -> str:
        e = self.entries.get(code or "")
        return (e.ar or e.en or code or "") if e else (code or "")

    def words(self) -> set[str]:
        """Normalised words of all names (the tokenizer must not split them into clitics). Keys have no ال;
        a word written with it (البلدان in منظمة البلدان المصدرة) is still split into ال + the protected word, so
        common nouns inside names keep their ordinary reading elsewhere."""
        out = set()
        for n in self.names:
            out.update(n.keys)
        return out

    def stats(self) -> dict[str, int]:
        kinds: dict[str, int] = {}
        for e in self.entries.values():
            kinds[e.kind] = kinds.get(e.kind, 0) + 1
        return {"entries": len(self.entries), "surface_names": len({(n.keys, n.entry) for n in self.names}),
                "people": kinds.get("person", 0), "roles": sum(len(e.roles) for e in self.entries.values()),
                "heads": len(self.heads), **{f"kind_{k}": v for k, v in sorted(kinds.items())}}


def _date(value, where: str, problems: list[str]) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value)
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", s):
        problems.append(f"{where}: date '{s}' is not YYYY-MM-DD")
        return None
    return s


def _list(v) -> list:
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def data_files() -> list[Path]:
    folder = resources.files("marsad.data.actors")
    return sorted(Path(str(p)) for p in folder.iterdir() if str(p).endswith((".yaml", ".yml"))
                  and not Path(str(p)).name.endswith("_curated.yaml"))


class DictionaryBuilder:
    def __init__(self) -> None:
        self.d = ActorDictionary()
        self._seen_names: set[tuple[tuple[str, ...], str, str | None, str]] = set()
        self._with_al: set[tuple[tuple[str, ...], str]] = set()
        self._bare: set[tuple[tuple[str, ...], str]] = set()
        self._al_words: dict[tuple[tuple[str, ...], str], int] = {}  # person names: words written with ال (bits)

    def add_name(self, surface: str, entry: str, code: str | None, agent: str | None, kind: str,
                 ambiguous: bool = False) -> None:
        for variant in name_variants(surface, foreign=kind == "capital"):
            k = name_key(variant)
            if not k:
                continue
            if len(k) == 1:  # is the one-word name ever written without ال? (العراق: no; لبنان: yes)
                # (noted before the duplicate check: المستوطنون then مستوطنون share a key, and both spellings count)
                (self._with_al if normalize(variant).startswith("ال") else self._bare).add((k, entry))
            elif kind != "person":  # a longer name: is it ever written with no ال at all? (الولايات المتحدة: no)
                words = normalize(variant).split()
                (self._with_al if any(w.startswith("ال") for w in words) else self._bare).add((k, entry))
            else:
                words = normalize(variant).replace("-", " ").split()
                bits = sum(1 << i for i, w in enumerate(words) if w.startswith("ال") or words[0] in NAME_TITLES)
                # (after a title the name may take ال: الملك الحسين، الملك الفهد)
                self._al_words[(k, entry)] = self._al_words.get((k, entry), 0) | bits
            sig = (k, entry, agent, kind)
            if sig in self._seen_names:
                continue
            self._seen_names.add(sig)
            amb = ambiguous or (len(k) == 1 and k[0] in AMBIGUOUS)
            self.d.names.append(Name(k, entry, code, agent, kind, amb))

    def mark_definite(self) -> None:
        """One-word names only ever written with ال need it: عراق, مغرب "sunset", هند (a given name), أسد "lion";
        one-word person names and capitals only written without it must lack it: رئيسي (Raisi) is not الرئيسي
        "main"."""
        for n in self.d.names:
            n.definite = n.kind in DEFINITE_KINDS and (len(n.keys) == 1 or n.kind != "person") \
                and (n.keys, n.entry) in self._with_al \
                and (n.keys, n.entry) not in self._bare
            # (a capital too: المنسك "the rite" is not مينسك, a vowel variant of Minsk; not one beginning with ل,
            # which ل writes لل as it writes ل + ال: للندن)
            n.bare = (n.kind == "person" or (n.kind == "capital" and not n.keys[0].startswith("ل"))) \
                and (n.keys, n.entry) in self._bare and (n.keys, n.entry) not in self._with_al
            if n.kind == "person" and len(n.keys) > 1:
                n.bare_words = ((1 << len(n.keys)) - 1) & ~self._al_words.get((n.keys, n.entry), 0)

    def load_yaml(self, path: Path) -> None:
        where = path.name
        try:
            data = yamlfile.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as e:
            self.d.problems.append(f"{where}: invalid YAML ({e})")
            return
        if data is None:
            return
        if path.name.startswith("agents"):
            self.load_agents(data, where)
            return
        if not isinstance(data, list):
            self.d.problems.append(f"{where}: top level must be a list of entries")
            return
        for i, item in enumerate(data):
            w = f"{where}[{i}]"
            if not isinstance(item, dict):
                self.d.problems.append(f"{w}: entry must be a mapping")
                continue
            if "roles" in item or item.get("kind") == "person":
                self.load_person(item, w, where)
            else:
                self.load_actor(item, w, where)

    def load_actor(self, item: dict, w: str, file: str) -> None:
        p = self.d.problems
        code = str(item.get("code") or "")
        kind = item.get("kind")
        if not CODE_RE.match(code):
            p.append(f"{w}: missing or malformed code '{code}'")
            return
        if kind not in KINDS:
            p.append(f"{w} ({code}): kind '{kind}' not one of {sorted(KINDS)}")
            return
        if code in self.d.entries:
            p.append(f"{w}: code {code} already defined in {self.d.entries[code].file}")
            return
        agent = item.get("agent")
        if agent is not None and agent not in AGENTS:
            p.append(f"{w} ({code}): unknown agent '{agent}'")
        period = item.get("period")
        if period is not None and not (isinstance(period, list) and len(period) == 2
                                       and isinstance(period[0], int) and 1900 <= period[0] <= 2100
                                       and (period[1] is None or isinstance(period[1], int) and period[1] >= period[0])):
            p.append(f"{w} ({code}): period must be [first year, last year or null], got {period!r}")
        elif period is not None:
            self.d.periods[code] = (period[0], period[1])
        side = item.get("side")
        if side is not None and side != "government":
            p.append(f"{w} ({code}): side must be 'government' when given, got {side!r}")
        elif side is not None:
            self.d.loyal.add(code)
        if kind in ("nsa", "communal") and "country" not in item:
            p.append(f"{w} ({code}): a group needs a country field (null when it acts in no one state)")
        names = [str(n) for n in _list(item.get("names"))]
        if item.get("ar"):
            names.insert(0, str(item["ar"]))
        if not names:
            p.append(f"{w} ({code}): no Arabic names")
        e = Entry(code, kind, str(item.get("en") or ""), str(item.get("ar") or (names[0] if names else "")), code,
                  item.get("country"), agent, source=str(item.get("source") or ""), file=file)
        self.d.entries[code] = e
        main_kind = {"igo": "igo", "region": "region"}.get(kind, "name")
        for n in names:
            self.add_name(n, code, code, agent, main_kind)
        for n in _list(item.get("capitals")):
            self.add_name(str(n), code, code, "GOV", "capital")
        for m in _list(item.get("metonyms")):
            if isinstance(m, dict) and m.get("name"):
                if m.get("agent") and m["agent"] not in AGENTS:
                    p.append(f"{w} ({code}): metonym {m['name']} has unknown agent '{m['agent']}'")
                self.add_name(str(m["name"]), code, code, m.get("agent"), "metonym")
            else:
                p.append(f"{w} ({code}): metonym must be {{name, agent}}")
        for base in _list(item.get("nisba")):
            ambiguous = normalize(str(base)) in AMBIGUOUS  # مالي "financial": ماليا "financially" too
            for form in nisba_forms(str(base)):
                self.add_name(form, code, code, agent, "nisba", ambiguous)
        for n in _list(item.get("plural")):
            self.add_name(str(n), code, code, agent or "CVL", "people")
        for c in _list(item.get("cities")):
            for v in name_variants(str(c), foreign=True):
                k = name_key(v)
                if k:
                    self.d.cities.setdefault(k, code)
                    if normalize(v).startswith("ال"):
                        self.d.definite_cities.add(k)

    def load_person(self, item: dict, w: str, file: str) -> None:
        p = self.d.problems
        pid = str(item.get("id") or "")
        if not re.match(r"^[a-z0-9][a-z0-9._-]*$", pid):
            p.append(f"{w}: person id '{pid}' must be a lowercase ascii slug")
            return
        if pid in self.d.entries:
            p.append(f"{w}: person id {pid} already defined in {self.d.entries[pid].file}")
            return
        roles = []
        for j, r in enumerate(_list(item.get("roles"))):
            rw = f"{w} ({pid}) role {j}"
            if not isinstance(r, dict) or not r.get("code"):
                p.append(f"{rw}: needs code")
                continue
            if r.get("agent") is not None and r["agent"] not in AGENTS:
                p.append(f"{rw}: unknown agent '{r.get('agent')}'")
            start, end = _date(r.get("start"), rw, p), _date(r.get("end"), rw, p)
            if start and end and start > end:
                p.append(f"{rw}: start {start} after end {end}")
            roles.append(Role(str(r["code"]), r.get("agent"), str(r.get("title") or ""), start, end,
                              bool(r.get("uncertain"))))
        if not roles:
            p.append(f"{w} ({pid}): person without roles")
        names = [str(n) for n in _list(item.get("names"))]
        if not names:
            p.append(f"{w} ({pid}): no Arabic names")
        e = Entry(pid, "person", str(item.get("en") or ""), names[0] if names else "", None, roles=roles, file=file)
        self.d.entries[pid] = e
        for n in names:
            self.add_name(n, pid, None, None, "person")
        listed = {name_key(n) for n in names}
        first = any(r.code in SURNAME_FIRST for r in roles)  # تانغ جيا شيوان: the family name comes first
        derived = {w for w in (short_form(n, first) for n in names) if w and name_key(w) not in listed}
        e.derived = frozenset(name_key(w) for w in derived)
        # short names read alone while in office (actors.short_names); the rule is checked by `marsad dict check`
        marked = [str(u) for u in _list(item.get("unambiguous"))]
        e.unambiguous = frozenset([name_key(u) for u in marked] +  # أبو الغيط also as the stage joins it: ابوالغيط
                                  [(key("".join(normalize(u).split())),) for u in marked if len(name_key(u)) > 1])
        e.unambiguous_al = frozenset(name_key(u) for u in marked if normalize(u).startswith("ال"))
        for u in _list(item.get("unambiguous")):
            if name_key(str(u)) not in listed | e.derived:
                p.append(f"{w} ({pid}): unambiguous name '{u}' is not one of its names")
        for w in derived:  # the surname alone: matched, but counted only in context (actors.stage.short_names)
            self.add_name(w, pid, None, None, "person")

    def load_agents(self, data, where: str) -> None:
        if not isinstance(data, list):
            self.d.problems.append(f"{where}: top level must be a list")
            return
        derived = []
        for i, item in enumerate(data):
            agent = item.get("agent") if isinstance(item, dict) else None
            if agent not in AGENTS:
                self.d.problems.append(f"{where}[{i}]: unknown agent '{agent}'")
                continue
            for h in _list(item.get("head")):
                k = name_key(str(h))
                if k:
                    self.d.heads.append((k, agent, item.get("title")))
                    acc = accusative(k)
                    if acc:
                        self.d.heads.append((acc, agent, item.get("title")))
                    derived += [(form, agent, item.get("title")) for form in duals(k)]
        listed = {k for k, _, _ in self.d.heads}  # (a listed head keeps its own entry: مسلحين is a plural)
        self.d.heads += [h for h in dict.fromkeys(derived) if h[0] not in listed]

    def check_codes(self) -> None:
        """Every code a role or group refers to must exist."""
        for e in self.d.entries.values():
            for r in e.roles:
                if r.code not in self.d.entries:
                    self.d.problems.append(f"{e.file} ({e.id}): role code {r.code} is not in the dictionary")
            if e.country and e.country not in self.d.entries:
                self.d.problems.append(f"{e.file} ({e.id}): country {e.country} is not in the dictionary")
