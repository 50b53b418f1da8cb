"""Guards that drop or trim false actor readings before they are resolved (data: data/actors/context/guards.yaml).

- a state or capital name inside a larger proper name (بنك قطر الوطني، جامعة الكويت، منتخب فرنسا) is not the state;
- a definite nisba after a given name (حسن المصري) is a family name, not the state;
- a name that is also a common feminine noun (القاعدة، الجزيرة) followed by a definite feminine adjective
  (القاعدة العسكرية) is the noun;
- titles and دولة stay outside a name's span (الملك عبد الله الثاني، دولة الإمارات);
- in a sports sentence a state's name or adjective is a team or a nationality (فازت مصر على تونس);
- a state adjective after a currency noun names the currency (دولارا أمريكيا).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from importlib import resources

from ..data.yamlfile import word_lists
from ..records import Token
from ..text.normalize import normalize
from ..text.tokens import function_words
from .dictionary import key
from .matcher import AMBIGUOUS_CUES, Match
from .resolver import definite

LISTS = ("institution_nouns", "span_titles", "given_names", "common_nouns", "sports_words", "match_words",
         "arabic_name_states", "not_name_words", "currency_nouns", "person_titles", "place_words", "tournament_words", "team_words",
         "feature_nouns", "idiom_tails", "compass_words", "continent_names", "draw_words", "region_adjectives", "name_nouns",
         "accusative_nouns", "plural_nouns", "long_form_titles",
         "draw_ordinals", "person_cues", "subject_pronouns", "shared_defaults", "person_name_states",
         "plain_words", "fixture_marks", "bare_names", "maqsura_words")
STATE_KINDS = ("name", "capital", "metonym")
SHARED_PREFIXES = frozenset({"فل", "فب", "ك", "فك", "وك"})  # proclitics a name two states share may not take
CODE = re.compile(r"^[A-Z]{2,4}$")
MARKS = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0640"  # harakat and tatweel after a word's last letter
LONG_FORM_HEADS = frozenset({"الجمهوريه"})  # (ملك المملكة المغربية, مفتي الجمهورية: the long form is the name)




PLAIN_LIMIT = 100_000  # ``Guards.plain_seen``: answers kept


@dataclass
class Guards:
    institution_nouns: frozenset[str] = frozenset()
    span_titles: frozenset[tuple[str, ...]] = frozenset()
    given_names: frozenset[str] = frozenset()
    common_nouns: frozenset[str] = frozenset()
    sports_words: frozenset[str] = frozenset()
    match_words: frozenset[str] = frozenset()
    arabic_name_states: frozenset[str] = frozenset()
    not_name_words: frozenset[str] = frozenset()
    person_titles: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    tournament_words: frozenset[str] = frozenset()
    team_words: frozenset[str] = frozenset()
    feature_nouns: frozenset[str] = frozenset()
    currency_nouns: frozenset[str] = frozenset()
    idiom_tails: frozenset[str] = frozenset()
    compass_words: frozenset[str] = frozenset()
    continent_names: frozenset[str] = frozenset()
    draw_words: frozenset[str] = frozenset()
    region_adjectives: frozenset[str] = frozenset()
    name_nouns: frozenset[str] = frozenset()
    accusative_nouns: frozenset[str] = frozenset()
    plural_nouns: frozenset[str] = frozenset()
    long_form_titles: frozenset[str] = frozenset()
    draw_ordinals: frozenset[str] = frozenset()
    person_cues: frozenset[str] = frozenset()
    subject_pronouns: frozenset[str] = frozenset()
    shared_defaults: frozenset[str] = frozenset()
    person_name_states: frozenset[str] = frozenset()
    plain_words: frozenset[str] = frozenset()
    fixture_marks: frozenset[str] = frozenset()
    bare_names: frozenset[str] = frozenset()
    maqsura_words: frozenset[str] = frozenset()
    states: frozenset[str] = frozenset()  # codes of states (set by the actor stage); empty: every name is one
    # codes of states whose name begins with a root أل (ألمانيا، ألبانيا; set by the actor stage): the matcher's key
    # drops it like an article, but a word without those letters (باني "builder", ماني) is none of their names
    al_root: frozenset[str] = frozenset()
    problems: list[str] = field(default_factory=list)
    # ``plain``'s answers by the token's forms, the proclitic's length and the name's first key (its only inputs):
    # the same few names are met again and again; bounded (PLAIN_LIMIT)
    plain_seen: dict[tuple[str, str, int, str], bool] = field(default_factory=dict, init=False, repr=False, compare=False)

    def sports_seen(self, tokens: list[Token]) -> set[str]:
        """The distinct sports words of a sentence, without the article (المباراة and مباراة are one)."""
        words = self.sports_words
        return {key(t.base or t.norm) for t in tokens if t.norm in words or t.base in words}

    def sports(self, tokens: list[Token]) -> bool:
        """Two or more distinct sports words in the sentence."""
        seen = {t.norm for t in tokens if t.norm in self.sports_words} | \
            {t.base for t in tokens if t.base in self.sports_words}
        return len(seen) >= 2

    def __call__(self, tokens: list[Token], matches: list[Match], sports_doc: bool = False,
                 seen: set[str] | frozenset[str] | None = None) -> list[Match]:
        """``sports_doc``: the article is about sport (several sports words so far); then a state's name in a
        sentence with a sports word is a team (لعبنا مباريات قوية مع فرنسا وسويسرا). ``seen``: the sentence's
        ``sports_seen``, when the caller has read it (the actor stage reads every sentence's once)."""
        out = []
        sports = None
        team_sentence = sports_doc and bool(self.sports_seen(tokens) if seen is None else seen)
        dropped = -1  # end of the last team dropped: the next in a list (فرنسا وسويسرا وسوريا) is a team too
        for m in matches:
            kind = m.names[0].kind
            if m.tok_end == m.tok_start + 1:
                t = tokens[m.tok_start]
                k = (t.norm, t.text, m.char_start - t.start, m.names[0].keys[0])
                is_plain = self.plain_seen.get(k)
                if is_plain is None:
                    is_plain = self.plain(t, m)
                    if len(self.plain_seen) < PLAIN_LIMIT:
                        self.plain_seen[k] = is_plain
                if is_plain:
                    continue  # بنوك "banks", سفينتان "two ships" (س + فينتان): a word, not a name
            if m.tok_end - m.tok_start > 1 and all(n.definite and n.kind != "metonym" for n in m.names) \
                    and not any(with_al(t) or t.norm.endswith(("ون", "ين")) for t in tokens[m.tok_start:m.tok_end]):
                # دولة إسلامية "an Islamic state", ولايات متحدة, جيش حر: an indefinite phrase, not the name (but
                # متمردون حوثيون, some of the group's men, is the group; a metonym is left alone: تحالف دولي is
                # mostly the coalition the article is about)
                continue
            if kind in ("name", "nisba", "people") and m.names[0].code in self.al_root and m.tok_end == m.tok_start + 1 \
                    and not al_written(tokens[m.tok_start].text):
                continue  # باني نهضة البلاد "builder", ماني: not ألباني، ألماني without their first letters
            state = kind == "name" and (not self.states or m.names[0].code in self.states)
            prev = tokens[m.tok_start - 1] if m.tok_start else None
            prev_key = key(prev.base or prev.norm) if prev else ""
            quoted = quoted_after(tokens, m.tok_start)
            if quoted is not None and (state or kind == "capital") and not tokens[m.tok_start].prefix \
                    and key(quoted.base or quoted.norm) in self.institution_nouns | self.name_nouns \
                    and not definite(quoted):
                continue  # جمعية "كاريكاتير إيران"، حزب «مصر القوية»، بنك "قطر الوطني": a quoted name after its noun
            if kind in STATE_KINDS and (prev_key in self.institution_nouns or (
                    prev is not None and key(prev.norm) in self.institution_nouns)) \
                    and tokens[m.tok_start].base != "تحالف" \
                    and not ("ال" in prev.prefix and tokens[m.tok_start].prefix[:1] in ("ب", "ل")) \
                    and not (prev.norm == "طريق" and m.tok_start > 1 and tokens[m.tok_start - 2].norm == "عن"):
                # (عن طريق سوريا "by way of Syria": the idiom, not a road's name)
                # "جمرك المطار بالكويت": a definite noun, then the state with a preposition, is where it is  # طيران التحالف الدولي is the coalition's air force
                if prev_key in ("منتخب", "منتخبات"):
                    dropped = m.tok_end  # منتخبات تونس والكويت وقطر: the next in the list is a team too
                continue  # بنك قطر، منتخب فرنسا (بورصة as written: the tokenizer may read ب + ورصة)
            if state and self.title_republic(tokens, m):
                m.tok_start += 1  # رئيس الجمهورية العراقية: the office's nisba, as before the long forms were names
                m.char_start = tokens[m.tok_start].start
                m.names = [replace(n, keys=n.keys[1:], kind="nisba") for n in m.names[:1]]
            if state and self.inside_name(tokens, m):
                if not (tokens[m.tok_start].text.startswith(("ال", "وال", "بال", "لل"))
                        and any(n.kind == "nisba" for n in m.names)):  # (ألمانيا: أل is no article)
                    continue  # حزب مصر القوية، مدينة الكويت، غرفة تجارة الكويت، شركة نفط نيبال
                m.names = sorted(m.names, key=lambda n: n.kind != "nisba")  # مدينة تدمر السورية: the adjective
            if kind in STATE_KINDS and prev is not None and (prev.base or prev.norm) in self.feature_nouns \
                    and "ال" not in prev.prefix:
                continue  # نهر الأردن، جبال التركمان: a river's or mountain's name
            if kind in STATE_KINDS and m.tok_end == m.tok_start + 1 and self.predicate(tokens, m, prev):
                continue  # تركيا بن عبدالله: a man's name; إنه مصر على موقفه "he insists on"
            if kind in STATE_KINDS and m.tok_end < len(tokens) and tokens[m.tok_end].norm in self.idiom_tails \
                    and not tokens[m.tok_start].prefix:
                continue  # مسقط رأسه "his birthplace": the first word of an idiom, not Muscat
            if kind in STATE_KINDS and ((prev is not None and prev.norm in self.fixture_marks) or (
                    m.tok_end < len(tokens) and tokens[m.tok_end].norm in self.fixture_marks)):
                continue  # الصومال × النيجر: the teams of a fixture
            if state and self.region(tokens, m, prev):
                continue  # شمال وجنوب أمريكا، شرق ووسط وجنوب أفريقيا: parts of a continent, not the USA or RSA
            if state and sports_doc and self.club(tokens, m):
                continue  # المغرب التطواني، قطر القطري: a club named after its country and town
            if kind == "name" and prev is not None and prev.norm in self.person_titles and m.tok_end == m.tok_start + 1:
                continue  # الدكتور السويد، المهندس اليمني: a family name after a person's title, not the state
            if team_sentence and kind == "name" and m.names[0].code and self.opponent(tokens, m, out, dropped):
                dropped = m.tok_end
                continue
            if sports_doc and state and (self.drawn(tokens, m, dropped) or not any(
                    t.is_word for t in tokens[:m.tok_start] + tokens[m.tok_end:])):
                dropped = m.tok_end
                continue  # المجموعة السادسة: انجلترا.. سلوفاكيا.. (each a "sentence" of its own), المستوى الأول،
                # ألمانيا وبلجيكا: a draw's teams
            if kind in STATE_KINDS + ("nisba",) and m.names[0].code and self.team(tokens, m, kind):
                sports = self.sports(tokens) if sports is None else sports
                if sports:
                    continue  # فازت مصر على تونس، المنتخب المصري: teams and nationalities, not states
            if kind == "nisba" and (self.family_name(tokens, m, prev) or self.given_name(tokens, m)
                                    or (prev and key(prev.norm) in self.currency_nouns)):
                continue  # حسن المصري، تركي السديري، دولارا أمريكيا
            if m.tok_end == m.tok_start + 1 and self.common_noun(tokens, m):
                continue
            if kind == "name" and (self.second_adjective(tokens, m) or self.indefinite_adjective(tokens, m)):
                m.names = sorted(m.names, key=lambda n: n.kind != "nisba")  # read as the adjective (resolver)
            self.trim(tokens, m)
            out.append(m)
        return out

    def opponent(self, tokens: list[Token], m: Match, kept: list[Match], dropped: int) -> bool:
        """In a sports article: a state's name next to a match or sports word (مع تايلاند، مباراتي أوزبكستان، قائد
        أيرلندا), or listed right after a team (وسويسرا)."""
        prev = tokens[m.tok_start - 1] if m.tok_start else None
        nxt = tokens[m.tok_end] if m.tok_end < len(tokens) else None
        if tokens[m.tok_start].prefix.startswith("ب") or (prev is not None and prev.norm == "في"):
            return False  # بمعسكره بالنمسا، في كراتشي بباكستان: where the team is, a place
        near = {w for t in (prev, nxt) if t is not None for w in (t.norm, t.base)}
        if near & (self.match_words | self.sports_words | {"مع"}):
            return True
        # a result or standing one or two words away (وحققت كولومبيا فوزا، تعادلت أمس إيطاليا، وحلت عمان في المركز):
        # the team, unless a place or tournament word stands right before it (في قطر، مونديال ألمانيا)
        if prev is not None and {prev.norm, prev.base, key(prev.base or prev.norm)} & (self.place_words
                                                                                     | self.tournament_words):
            return False
        nisba = any(n.kind == "nisba" for n in m.names) and tokens[m.tok_start].norm.startswith("ال")
        if nisba and (prev is not None and definite(prev) or m.names[0].keys[-1].endswith("ي")):
            return False  # لاعب التنس السعودية، المدرب (التشيلي): an adjective (the player's nationality)
        around = [tokens[x] for x in (m.tok_start - 2, m.tok_start - 1, m.tok_end, m.tok_end + 1)
                  if 0 <= x < len(tokens)]
        if {w for x in around for w in (x.norm, x.base, key(x.base or x.norm))} & self.team_words:
            return True
        return prev is not None and prev.norm == "و" and dropped == m.tok_start - 1 or \
            (tokens[m.tok_start].norm.startswith("و") and dropped == m.tok_start)

    def drawn(self, tokens: list[Token], m: Match, dropped: int) -> bool:
        """In a sports article a state listed after a draw word (المجموعة، المستوى، القرعة) within three words, or
        joined to the team before it by و or by punctuation, is a team of the draw."""
        prev = tokens[m.tok_start - 1] if m.tok_start else None
        if prev is not None and {prev.norm, prev.base} & (self.place_words | self.tournament_words):
            return False  # مونديال روسيا، في قطر: where it is held
        window = tokens[max(0, m.tok_start - 3):m.tok_start]
        for j, t in enumerate(window):
            if {t.norm, t.base} & self.draw_words:
                # a group or pot named by its number (المجموعة السادسة:، المستوى الأول،) or listing (وتضم المجموعة
                # أيضا): not بنفس المستوى الذي يحصل إسبانيا
                rest = window[j + 1:]
                if all(not x.is_word or x.norm in self.draw_ordinals for x in rest):
                    return True
        if dropped < 0 or m.tok_start - dropped > 3:
            return False
        # punctuation (انجلترا.. سلوفاكيا), و or ثم (يليه البرازيل ثم البرتغال), or one more listed item joined by و
        # (وإنجلترا وويلز وإسبانيا)
        between = tokens[dropped:m.tok_start]
        return sum(t.is_word and t.norm not in ("و", "ثم") for t in between) <= 1 and \
            all(not t.is_word or t.norm.startswith("و") or t.norm == "ثم" for t in between) and \
            (bool(between) or tokens[m.tok_start].norm.startswith("و"))

    def team(self, tokens: list[Token], m: Match, kind: str) -> bool:
        """Read as a team or nationality if the sentence is about sport: a name next to a match word, an adjective
        after a sports word."""
        prev = tokens[m.tok_start - 1] if m.tok_start else None
        nxt = tokens[m.tok_end] if m.tok_end < len(tokens) else None
        match = self.match_words  # (a word's form or base in the lists: no set made per call, about 10,000 calls)
        if kind == "nisba":
            return prev is not None and (prev.norm in match or prev.base in match or prev.norm in self.sports_words
                                         or prev.base in self.sports_words)
        return any(t is not None and (t.norm in match or t.base in match) for t in (prev, nxt))

    def family_name(self, tokens: list[Token], m: Match, prev: Token | None) -> bool:
        """حسن المصري، عبدالمحسن التركي: a definite masculine singular nisba right after a given name."""
        t = tokens[m.tok_start]
        if m.tok_end != m.tok_start + 1 or prev is None or not t.norm.startswith("ال") or not t.norm.endswith("ي"):
            return False
        name = prev.base or prev.norm
        # a kunya before it: "أبو قتادة المغربي"، "أبو حمزة المصري" (a nom de guerre's origin, not the state)
        before = tokens[m.tok_start - 2] if m.tok_start >= 2 else None
        if before is not None and before.norm in ("ابو", "ابي", "ابا", "وابو", "لابي", "بابي"):
            return True
        # a compound given name written as one word (عبدالمحسن التركي، عبدالله العراقي)
        return name in self.given_names or prev.norm in self.given_names or (name.startswith("عبد") and len(name) > 4)

    def given_name(self, tokens: list[Token], m: Match) -> bool:
        """تركي السديري، تركي بن عبدالله، تركي عمر: a bare nisba that is also a given name, followed by a family
        name (a definite nisba-shaped word, بن or آل) or another given name, is the person's first name, not the
        state."""
        t = tokens[m.tok_start]
        nxt = tokens[m.tok_end] if m.tok_end < len(tokens) else None
        if m.tok_end != m.tok_start + 1 or nxt is None or t.norm.startswith("ال") or t.norm not in self.given_names:
            return False
        # or by a father's given name (تركي عمر السفياني)
        return nxt.norm in ("بن", "ابن", "ال") or (nxt.norm.startswith("ال") and nxt.norm.endswith("ي")
                                                    and len(nxt.norm) > 4) or nxt.norm in self.given_names

    def title_republic(self, tokens: list[Token], m: Match) -> bool:
        """A state's long form (الجمهورية العراقية، المملكة المغربية) right after an office (long_form_titles) is the
        nisba of a fixed title: رئيس الجمهورية العراقية is Iraq's president, مفتي الجمهورية اللبنانية its mufti."""
        if m.tok_end - m.tok_start != 2 or not m.tok_start or tokens[m.tok_start].norm not in LONG_FORM_HEADS:
            return False
        prev = tokens[m.tok_start - 1]
        return (prev.base or prev.norm) in self.long_form_titles and not definite(prev) and not prev.suffix

    def inside_name(self, tokens: list[Token], m: Match) -> bool:
        """A state's name right after a noun that heads proper names of parties, towns, fairs and societies
        (name_nouns: حزب مصر القوية، مدينة الكويت، معرض قطر الدولي), or after such a noun or an institution noun and
        one more indefinite noun of the same name (غرفة تجارة الكويت، شركة نفط نيبال، نقابة صحفيي العراق)."""
        def bare(t: Token) -> str:
            return key(t.base or t.norm) if t.prefix in ("", "و", "ب", "ل") else ""
        i = m.tok_start
        if i and tokens[i].prefix in ("", "ال") and not definite(tokens[i - 1]) \
                and bare(tokens[i - 1]) in self.name_nouns:
            return True
        if i < 2 or tokens[i].prefix not in ("", "ال"):
            return False
        mid, head = tokens[i - 1], tokens[i - 2]
        # the noun between is an indefinite Arabic word, not a function word (مسجد في الكويت، منتخبات وهي السعودية)
        # nor a verbal noun of an act on the state (صندوق إنقاذ اليونان); فريق is also "a group of" (فريق علماء
        # ألمانيا)
        return not mid.prefix and not mid.suffix and not definite(mid) and len(mid.norm) >= 3 \
            and all("\u0621" <= ch <= "\u064a" for ch in mid.norm) \
            and mid.norm not in self.not_name_words and mid.norm not in self.place_words \
            and mid.norm not in function_words() \
            and not mid.norm.startswith("ا") \
            and not definite(head) and not head.suffix \
            and bare(head) in (self.name_nouns | self.institution_nouns) and bare(head) not in ("طريق", "بني", "بنو", "فريق")

    def predicate(self, tokens: list[Token], m: Match, prev: Token | None) -> bool:
        """A one-word state's name that is a man's name or a predicate: before بن/ابن (الأمير تركيا بن عبدالله, the
        accusative of تركي), or after a subject pronoun and before على (إنه مصر على موقفه "he insists on his
        position": مُصِرّ)."""
        nxt = tokens[m.tok_end] if m.tok_end < len(tokens) else None
        if nxt is None:
            return False
        if nxt.norm in ("بن", "ابن"):  # (not بنت: also "she built", حيث إيران بنت)
            return True
        return prev is not None and prev.norm in self.subject_pronouns and nxt.norm == "علي" \
            and not tokens[m.tok_start].prefix

    def region(self, tokens: list[Token], m: Match, prev: Token | None) -> bool:
        """A continent's name that is also a state's (أمريكا) after a compass word (جنوب أمريكا، شمال وجنوب أمريكا),
        or a state named by a compass word and a continent (جنوب أفريقيا) in a list of compass words (شرق ووسط وجنوب
        أفريقيا), is part of the continent."""
        if prev is None or (prev.base or prev.norm) not in self.compass_words:
            return False
        first = tokens[m.tok_start]
        if m.tok_end == m.tok_start + 1:
            return (first.base or first.norm) in self.continent_names and first.prefix in ("", "ال")
        return (first.base or first.norm) in self.compass_words and first.prefix == "و"

    def club(self, tokens: list[Token], m: Match) -> bool:
        """In a sports article a state's name followed by a definite masculine nisba that is no region's adjective
        (الجنوبي، العربي) names a club (المغرب الفاسي، قطر القطري): a feminine state never takes a masculine adjective."""
        nxt = tokens[m.tok_end] if m.tok_end < len(tokens) else None
        if any(n.kind == "nisba" for n in m.names):
            return False  # الكرة السعودية الفعلي: السعودية is an adjective there itself
        return nxt is not None and nxt.norm.startswith("ال") and nxt.norm.endswith("ي") and len(nxt.norm) > 5 \
            and nxt.norm not in self.region_adjectives

    def indefinite_adjective(self, tokens: list[Token], m: Match) -> bool:
        """A state's name written like a nisba of it is the adjective: with ال when the name is the masculine nisba
        itself and never takes ال (للبوروندي طارق مبارك "to the Burundian ..."); the accusative after an indefinite
        accusative noun (مواطنا سوريا، سائحا ألمانيا، جنديا تركيا); the feminine after a plural of things (مصادر سورية،
        قوات سورية، عائلات سعودية)."""
        t = tokens[m.tok_start]
        nisba = [n for n in m.names if n.kind == "nisba"]
        if m.tok_end == m.tok_start + 1 and nisba and definite(t) and m.names[0].keys[-1].endswith("ي"):
            return True  # للبوروندي، الجيبوتي: a state's name that is its masculine nisba (بوروندي) takes no ال
        if m.tok_end != m.tok_start + 1 or not nisba or t.text.startswith(("ال", "وال")) \
                or t.prefix not in ("", "و", "ال"):  # (ألمانيا: the tokenizer may take its أل for the article)
            return False
        if not m.tok_start or t.prefix not in ("", "ال") or m.char_start != t.start:
            return False  # زعيما لروسيا: a preposition makes it the state (the matcher may split it off itself)
        prev = tokens[m.tok_start - 1]
        word = prev.base or prev.norm
        if t.norm.endswith("ا"):
            return word in self.accusative_nouns
        return t.norm.endswith("ه") and word in self.plural_nouns

    @staticmethod
    def second_adjective(tokens: list[Token], m: Match) -> bool:
        """A state's name that is also its feminine nisba (السعودية، السورية) right after another definite feminine
        nisba, or after one and a dash, is a second adjective of the same noun: المحادثات الإسرائيلية السعودية،
        الحدود اللبنانية - السورية (the Israeli-Saudi talks, the Lebanese-Syrian border)."""
        t = tokens[m.tok_start]
        if m.tok_end != m.tok_start + 1 or t.prefix not in ("", "ال") or not t.norm.startswith("ال") \
                or not t.norm.endswith("يه") \
                or not any(n.kind == "nisba" for n in m.names):
            return False
        j = m.tok_start - 1
        if j >= 1 and tokens[j].norm == "-":
            j -= 1
        if j < 1:
            return False
        prev = tokens[j]
        return prev.prefix in ("", "ال") and prev.norm.startswith("ال") and prev.norm.endswith("يه") and len(prev.norm) > 6 \
            and tokens[j - 1].norm.startswith("ال")  # (after a definite noun: في العاصمة السورية is handled apart)

    def plain(self, t: Token, m: Match) -> bool:
        """A common word (``plain_words``, after و/ف and with or without ال), a name read after the future marker
        س, which only verbs take (سفينتان "two ships" is not س + فينتان), or a name never written with ال read with
        it (``bare_names``: الحماس)."""
        w = t.norm[1:] if t.norm[:1] in ("و", "ف") and len(t.norm) > 4 else t.norm
        procl = normalize(t.text[:max(0, m.char_start - t.start)])
        if key(w) in self.plain_words or key(t.norm) in self.plain_words or "س" in procl:
            return True
        if key(w) in self.maqsura_words and t.text.rstrip(MARKS).endswith("ى"):
            return True  # المجرى الملاحي "the channel", ركبته اليمنى "his right knee"
        # الحماس "the enthusiasm", بالفتح: a name written without ال (``bare_names``) read with it is the word
        return m.names[0].keys[0] in self.bare_names and ("ال" in procl or t.norm[len(procl):].startswith("ال")
                                                          or procl.endswith("لل"))

    def common_noun(self, tokens: list[Token], m: Match) -> bool:
        t = tokens[m.tok_start]
        if (t.base or t.norm) not in self.common_nouns and t.norm not in self.common_nouns:
            return False
        nxt = tokens[m.tok_end] if m.tok_end < len(tokens) else None
        return bool(nxt and nxt.norm.startswith("ال") and nxt.norm.endswith("ه") and len(nxt.norm) > 4)

    def trim(self, tokens: list[Token], m: Match) -> None:
        """Move the start past leading titles, also with a proclitic (بدولة إسرائيل، لدولة قطر): the name itself is
        what the span shows. A state's name right after an indefinite جمهورية takes it in (جمهورية فنزويلا is the
        state's name, as جمهورية مصر العربية)."""
        for n in (2, 1):
            if m.tok_end - m.tok_start > n:
                words = [normalize(t.text) for t in tokens[m.tok_start:m.tok_start + n]]
                words[0] = tokens[m.tok_start].base or words[0] if tokens[m.tok_start].prefix in ("ب", "ل", "و") \
                    else words[0]
                if tuple(words) in self.span_titles or (tuple(words) == ("دوله",)):
                    m.tok_start += n
                    m.char_start = tokens[m.tok_start].start
                    return
        prev = tokens[m.tok_start - 1] if m.tok_start else None
        if prev is not None and prev.norm == "جمهوريه" and m.names[0].kind == "name" and m.names[0].code:
            m.tok_start -= 1
            m.char_start = prev.start


def coordinated_agents(tokens: list[Token], mentions: list) -> list:
    """A nisba joined by و right after a nisba of the same definiteness shares its head noun and so its agent
    (قوات أمريكية وبريطانية، مسؤولين سعوديين وعراقيين، السفيرتين الأمريكية والبريطانية)."""
    out = list(mentions)
    for j in range(1, len(out)):
        a, b = out[j - 1], out[j]
        if b.kind == "nisba" and a.kind == "nisba" and b.agent is None and a.agent and b.tok_start == a.tok_end \
                and b.tok_start < len(tokens) and tokens[b.tok_start].prefix[:1] == "و" \
                and with_al(tokens[a.tok_start]) == ("ال" in tokens[b.tok_start].prefix):
            out[j] = replace(b, agent=a.agent)
    return out


def with_al(t: Token) -> bool:
    """The word carries the article, also after a proclitic (بالولايات) or as لل (للولايات)."""
    return "ال" in t.prefix or t.norm.startswith(("ال", "لل", "ولل", "فلل"))


def quoted_after(tokens: list[Token], i: int) -> Token | None:
    """The word before an opening quotation mark that stands right before token ``i`` (حزب «مصر القوية»), else None:
    the name in quotes may begin a word earlier (جمعية "كاريكاتير إيران"). A mark is opening when it is « or “, or
    an odd-numbered plain " of the sentence (not the closing one of «خارطة طريق» لإنقاذ سوريا)."""
    for j in (i - 1, i - 2):
        if j < 1 or tokens[j].norm != '"' or not tokens[j - 1].is_word:
            continue
        if j == i - 2 and not tokens[i - 1].is_word:
            return None
        mark = tokens[j].text
        opening = mark in "«“" or (mark == '"' and sum(t.text == '"' for t in tokens[:j + 1]) % 2 == 1)
        return tokens[j - 1] if opening else None
    return None


def al_written(text: str) -> bool:
    """The word shows an alef and lam at its start, after at most two proclitic letters (ألماني، والألمان، بالماني)."""
    w = normalize(text)
    return any(w[i:].startswith("ال") for i in range(3))


def shared_names(tokens: list[Token], matches: list[Match], named: set[str], full_seen: set[str],
                 person_states, given_name, g: Guards) -> list[Match]:
    """A name two states share (كوريا، الكونغو) is the one the article has named so far (also earlier in the
    sentence), else the listed default (``g.shared_defaults``: KOR, which news means by كوريا alone), else a state
    with no code (الكونغو: either Congo). A person sharing it (كوريا: Rafael Correa) wins after a title or a masculine
    verb of saying (``g.person_cues``: a state takes the feminine), once named in full, or in an article that names
    the person's state; right after a given name (``given_name``: a bare word that starts a person's name, أدريانو
    كوريا) it is no state. ``person_states``: entry -> codes of the person's roles."""
    out = []
    for m in matches:
        codes = list(dict.fromkeys(n.code for n in m.names if n.kind == "name" and n.code))
        if codes and codes[0] in g.person_name_states and m.names[0].kind == "name" \
                and person_named(tokens, matches, m, given_name):
            continue  # الروماني سان مارتن، بليز ماتويدي، جون جيرسي: a person's name, not the territory
        if len(codes) > 1 and m.tok_end == m.tok_start + 1:
            if tokens[m.tok_start].prefix in SHARED_PREFIXES:
                continue  # فلكوريا "folkloric": ف + ل before a short shared name are the word's own letters
            seen = named | {n.code for x in out for n in x.names[:1] if n.code}
            persons = [n for n in m.names if n.kind == "person"]
            prev = tokens[m.tok_start - 1] if m.tok_start else None
            titled = prev is not None and prev.norm in g.person_cues
            if any(titled or n.entry in full_seen or person_states(n.entry) & seen for n in persons):
                m = replace(m, names=persons)
            elif prev is not None and not tokens[m.tok_start].prefix and given_name(prev):
                m = replace(m, names=persons) if persons else None  # أدريانو كوريا: a player's surname
            else:
                picked = next((c for c in codes if c in seen), next((c for c in codes if c in g.shared_defaults), ""))
                first = next(n for n in m.names if n.kind == "name" and n.code in (picked or codes[0]))
                m = replace(m, names=[first if picked else replace(first, code="")])
        if m is not None:
            out.append(m)
    return out


def person_named(tokens: list[Token], matches: list[Match], m: Match, given_name) -> bool:
    """A state's name that is also a person's (``g.person_name_states``) read as the person: right after a given
    name, right before a foreign surname that starts no state's match (بليز ماتويدي, not بليز وغواتيمالا), or right
    after a definite masculine nisba that introduces the person (الروماني سان مارتن)."""
    first = tokens[m.tok_start]
    if first.prefix not in ("", "و"):
        return False  # لبليز، ببليز: a preposition before a person's first name is rare, before a place common
    prev = tokens[m.tok_start - 1] if m.tok_start else None
    if prev is not None and (prev.base in AMBIGUOUS_CUES or prev.base == "وزراء"):
        return False  # رئيس وزراء بليز جون بريسينو، حكومة بليز: the state, whatever follows
    if prev is not None and not first.prefix and (given_name(prev) or (prev.norm.startswith("عبد") and len(prev.norm) > 5)):
        return True  # (a compound given name written as one word: عبدالخالق برناوي)
    nxt = tokens[m.tok_end] if m.tok_end < len(tokens) else None
    if nxt is not None and not nxt.norm.startswith(("ال", "وال")) and given_name(replace(nxt, prefix="", base=nxt.norm)) \
            and not any(x.tok_start == m.tok_end and x.names[0].kind in ("name", "capital", "nisba") for x in matches):
        return True  # (the foreign surname as written: بيرلو is no ب + يرلو)
    # (the nisba may have been dropped as a player's nationality already: its shape, ال…ي, is enough)
    return prev is not None and not first.prefix and prev.norm.startswith("ال") and prev.norm.endswith("ي") \
        and len(prev.norm) > 5


def load_guards(text: str | None = None, where: str = "context/guards.yaml") -> Guards:
    if text is None:
        text = resources.files("marsad.data.actors").joinpath("context", "guards.yaml").read_text(encoding="utf-8")
    g = Guards()
    for name, words in word_lists(text, where, LISTS, g.problems).items():
        norms = [normalize(w) for w in words]
        if name in ("arabic_name_states", "shared_defaults", "person_name_states"):
            bad = [w for w in words if not CODE.match(w)]
            if bad:
                g.problems.append(f"{where}: '{name}' takes state codes, not {bad[0]!r}")
            setattr(g, name, frozenset(words))
        elif name == "span_titles":
            g.span_titles = frozenset(tuple(n.split()) for n in norms)
        elif name == "institution_nouns":
            g.institution_nouns = frozenset(key(n) for n in norms)
        else:
            bad = [w for w in words if " " in w.strip()]
            if bad:
                g.problems.append(f"{where}: '{name}' takes single words, not {bad[0]!r}")
            setattr(g, name, frozenset(norms))
    return g
