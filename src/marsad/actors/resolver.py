"""Resolve matches to mentions: person roles by the article's date, head nouns to agents, office holders.

"وزير الدفاع الروسي" -> RUS MIL (and the person who held that office on the date);
"البرلمان الأرمني" -> ARM LEG; "بوتين" in 2010 -> RUS GOV (prime minister), in 2020 -> RUS GOV (president).
Also collects unknown names after titles ("رئيس الوزراء X") as dictionary candidates.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Mention, Token
from .dictionary import ActorDictionary, Entry, Role
from .matcher import Match, Matcher

PERSON_TITLES = {"president", "prime_minister", "foreign_minister", "defence_minister", "king", "emir",
                 "crown_prince", "supreme_leader", "vice_president", "leader"}
TITLE_EQUIV = {"leader": ("supreme_leader", "president", "head_of_state", "king", "emir", "leader")}


@dataclass(slots=True)
class Candidate:
    name: str
    title: str
    guess_code: str | None
    guess_agent: str | None
    example: str
    tok_start: int = 0  # the name's tokens [tok_start, tok_end) and characters in the document
    tok_end: int = 0
    start: int = 0
    end: int = 0


def definite(t: Token) -> bool:
    return t.norm.startswith(("ال", "لل", "ولل", "فلل")) or "ال" in t.prefix


class Resolver:
    def __init__(self, dictionary: ActorDictionary, matcher: Matcher):
        self.d = dictionary
        self.matcher = matcher
        self.holders: dict[tuple[str, str], list[tuple[Entry, object]]] = {}
        for e in dictionary.entries.values():
            for r in e.roles:
                self.holders.setdefault((r.code, r.title), []).append((e, r))

    def pick_person(self, names, date: str | None):
        """Of several people sharing a name (علييف, كاسترو), the one in office on the date, else the latest."""
        best = None
        for n in names:
            e = self.d.entries[n.entry]
            r = e.role_on(date)
            if r is None:
                continue
            rank = (0 if not r.title.startswith("former_") else 1, "" if r.end is None else r.end)
            if best is None or rank[0] < best[0][0] or (rank[0] == best[0][0] and rank[1] > best[0][1]):
                best = (rank, e, r)
        if best is None:  # every role after the date (سعد الحريري in 2006): the person, with the state of the first
            for n in names:
                e = self.d.entries[n.entry]
                first = min(e.roles, key=lambda r: r.start or "", default=None)
                if first is not None:
                    return e, Role(first.code, None, "future_" + first.title, first.start, first.end)
        return (best[1], best[2]) if best else (None, None)

    def _adjective(self, tokens: list[Token], m: Match) -> bool:
        """A state's name that is also its feminine nisba (السعودية، سورية) right after a definite noun it agrees with
        is the adjective (الفتاة السعودية، وكالة الأنباء السورية): not after a function word (في السعودية), a
        proclitic (والسعودية), or a person's title (زار الرئيس السعودية is a visit); only the feminine form (المانيا
        is Germany: an accusative nisba never takes ال)."""
        if m.tok_end - m.tok_start != 1 or not m.tok_start or not any(n.kind == "nisba" for n in m.names):
            return False
        t, prev = tokens[m.tok_start], tokens[m.tok_start - 1]
        if t.prefix not in ("", "ال") or not t.norm.startswith("ال") or not t.norm.endswith("ه") or not definite(prev) \
                or not prev.is_word \
                or prev.norm in self.matcher_protected or prev.text.endswith("ي"):  # (الرئيس الفرنسي السعودية: a visit; not الطوارئ)
            return False
        head = self.matcher.heads.get((prev.base[2:] if prev.base.startswith("ال") else prev.base,))
        return not (head and head[1] in PERSON_TITLES)

    def holder(self, code: str, title: str, date: str | None) -> Entry | None:
        for t in TITLE_EQUIV.get(title, (title,)):
            for e, r in self.holders.get((code, t), []):
                if r.active(date):
                    return e
        return None

    def __call__(self, tokens: list[Token], matches: list[Match], date: str | None, sentence_idx: int = -1,
                 text: str = "", text_offset: int = 0) -> list[Mention]:
        out: list[Mention] = []
        for m in matches:
            name = m.names[0]
            person = None
            if name.kind == "region":  # matched only so that it blocks the state inside it
                continue
            if name.kind == "name" and not (out and out[-1].tok_end == m.tok_start) and self._adjective(tokens, m):
                name = next(n for n in m.names if n.kind == "nisba")  # الأسر السورية: Syrian, not Syria
            if name.kind == "person":
                entry, role = self.pick_person([n for n in m.names if n.kind == "person"], date)
                if role is None or (m.nasab and not any(r.active(date) for r in entry.roles)):
                    continue  # (across a father's name only a holder in office then: خالد بن حمد العطية in 2006 is
                    # not the later foreign minister خالد العطية)
                code, agent, person = role.code, role.agent, entry.id
            else:
                code, agent = name.code, name.agent
            if name.kind in ("nisba", "name", "people", "igo"):
                head = self.matcher.head_before(tokens, m.tok_start)
                if head and name.kind == "nisba" and definite(tokens[m.tok_start]) != definite(tokens[m.tok_start - 1]):
                    head = None  # an adjective agrees in definiteness: "الشرطة مصريات" is not Egyptian police
                if head:
                    agent = head[1]
                    if head[2] in PERSON_TITLES and code:
                        h = self.holder(code, head[2], date)
                        person = h.id if h else None
            surface = text[m.char_start - text_offset:m.char_end - text_offset] if text else \
                " ".join(t.text for t in tokens[m.tok_start:m.tok_end])
            if out and name.kind == "nisba" and out[-1].code == code and out[-1].tok_end == m.tok_start \
                    and out[-1].kind in ("name", "igo"):
                prev = out[-1]  # الولايات المتحدة الأمريكية: one mention
                prev.end, prev.tok_end = m.char_end, m.tok_end
                prev.text = text[prev.start - text_offset:prev.end - text_offset] if text else prev.text + " " + surface
                continue
            entry = self.d.entries.get(name.entry)
            country = entry.country if entry is not None and entry.kind in ("nsa", "communal") else None
            if entry is not None and entry.kind == "communal" and not country:
                code = ""  # Kurds, Shia: a people of no one state acts like an agent noun of the place (CVL)
            out.append(Mention(m.char_start, m.char_end, surface, code or "", agent, name.kind, person, name.entry,
                               m.tok_start, m.tok_end, sentence_idx, country))
        return out

    def candidates(self, tokens: list[Token], mentions: list[Mention], text: str = "",
                   text_offset: int = 0) -> list[Candidate]:
        """Title followed by a name the dictionary does not know: "رئيس الوزراء X", "الزعيم X"."""
        covered = None
        out = []
        upto = 0
        n = len(tokens)
        # the words that may start a head noun: of the positions the matcher picked for these tokens (the words it
        # knows to start nothing are none), else of all; most words are known to start none; and the head nouns
        # found at them so far (the agents' scan asks for the same)
        spots, heads = self.matcher.head_positions(tokens)
        for i in spots:
            if i < upto:
                continue
            hit = self.matcher.head_at(tokens, i, heads)
            if not hit:
                continue
            end = hit[0]
            agent, title = self.matcher.heads.get(hit[2][0].keys, (None, None))
            if title not in PERSON_TITLES:
                upto = end
                continue
            if covered is None:  # (made for the sentences with a title only)
                covered = {x for m in mentions for x in range(m.tok_start, m.tok_end)}
            guess = None
            j = end
            for m in mentions:  # optional nisba / state after the title
                if m.tok_start == j and m.kind in ("nisba", "name"):
                    guess, j = m.code, m.tok_end
                    break
            words = []
            while j < n and len(words) < 3:
                t = tokens[j]
                # words of known names may appear in new names (ولد, محمد): only a full known name is covered
                if j in covered or not t.is_word or t.norm in self.matcher_protected or len(t.norm) < 3:
                    break
                words.append(t)
                j += 1
            # a single word starting with ال is more often an adjective (الجديد) than a name
            if words and (len(words) >= 2 or (guess and not words[0].norm.startswith("ال"))):
                name = text[words[0].start - text_offset:words[-1].end - text_offset] if text else \
                    " ".join(w.text for w in words)
                out.append(Candidate(name, title, guess, agent, text, j - len(words), j,
                                     words[0].start, words[-1].end))
            upto = max(end, j)
        return out

    matcher_protected: frozenset[str] = frozenset()
