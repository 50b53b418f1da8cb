"""Which short names of office holders are read alone (the `unambiguous` field of people_*.yaml), by a stated rule.

A person's surname or kunya (لحود، رايس، أبو الغيط) is marked when all of these hold:
1. the person holds a ranking office (`marsad.actors.short_names.RANK`: heads of state and government, kings,
   emirs, vice-presidents, crown princes, foreign and defence ministers, speakers, secretaries-general, party and
   group leaders);
2. the name is the last word of one of the person's full names (or a compound: أبو الغيط), of four letters or
   more, no given name, protected word, state, place, group or office name, and no word of another dictionary
   person's names in years when their roles overlap (`marsad dict check` checks these);
3. it is no common Arabic word, measured on the development press corpus (SaudiNewsNet, read from ../shared at
   run time; nothing of it is written to the repository):
   - a common word takes the article or an inflectional ending (ال-، -ة، -ون/-ين/-ان/-ات، -ه/-ها/-هم, or another
     imperfect prefix for a ي/ت/ن-initial word) in a third or more of its occurrences (of ten or more); for a name
     the person writes with ال (السنيورة) its ال-forms count as the name;
   - a common word seldom stands where a name stands: of ten or more occurrences, fewer than a quarter come right
     after a title, a verb of saying or a given name (the given-name list, or the first word of any dictionary
     person's full name, written without ال);
   and a surname after a particle (لو دريان، دي ميستورا) is not read without it.
Given names include the first words of every dictionary person's full names (ماهر، جون).
The actor stage reads a marked name alone only while the person holds one of the entry's roles
(`short_names.in_office`), in an article that names the state or organisation of that role, not right after
another given name or before بن, and with no proclitic but و.

    python tools/actors_short_names.py                 # table of every candidate and the reasons it fails
    python tools/actors_short_names.py --write         # rewrite the `unambiguous:` lines of people_*.yaml
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from marsad.actors.dictionary import key, name_key
from marsad.actors.short_names import (
    COMPOUND_HEADS,
    RANK,
    first_words,
    name_words,
    rule_problems,
    short_forms,
)
from marsad.actors.stage import bundled_dictionary, bundled_guards, bundled_titled
from marsad.ingest.newsjson import read_news_zip
from marsad.text.normalize import normalize
from marsad.text.tokens import function_words

DATA = Path(__file__).resolve().parent.parent / "src" / "marsad" / "data" / "actors"
CORPUS = Path("../shared/corpora/saudinewsnet")
PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل")
WORD = re.compile(r"[\u0621-\u064A]+")
PARTICLES = {"لو", "لا", "دي", "دو", "دا", "ديل", "دوس", "فون", "فان", "فاندر", "دير", "ال"}  # of foreign surnames
MIN_SEEN = 10  # occurrences below which the corpus says nothing about a word
INFLECTED_SHARE = 1 / 3
NAME_CONTEXT_SHARE = 1 / 4


def inflected_forms(w: str) -> set[str]:
    forms = {"ال" + w, "لل" + w, w + "ه", "ال" + w + "ه", w + "ها", w + "هم", w + "ات", w + "ون", w + "ين", w + "ان",
             "ال" + w + "ين", "ال" + w + "ون", "ال" + w + "ات"}
    if w[0] in "يتن":  # an imperfect verb: the same stem with another person's prefix
        forms |= {p + w[1:] for p in "يتن" if p != w[0]}
    return forms - {w}


def raw_people() -> dict[str, list[str]]:
    out = {}
    for f in sorted(DATA.glob("people_*.yaml")):
        for item in yaml.safe_load(f.read_text(encoding="utf-8")) or []:
            out[item["id"]] = [str(n) for n in item.get("names") or []]
    return out


def candidates(d, raw) -> dict[tuple[str, tuple[str, ...]], str]:
    """(entry, key) -> the spelling to write: the last word of a full name, or a compound (أبو الغيط)."""
    forms = short_forms(d)
    out = {}
    for e in d.entries.values():
        if e.kind != "person" or not any(r.title in RANK for r in e.roles):
            continue
        for name in raw.get(e.id, []):
            words = normalize(name).replace("-", " ").split()
            orig = name.replace("-", " ").split()
            if len(words) < 2 or len(orig) != len(words):
                continue
            if words[-2] in PARTICLES:
                continue  # جان إيف لو دريان: the surname is لو دريان, and دريان alone is someone else's
            if len(words) >= 3 and words[-2] in COMPOUND_HEADS:
                k, spelled = name_key(" ".join(words[-2:])), " ".join(orig[-2:])
            else:
                k, spelled = name_key(words[-1]), orig[-1]
            if k in forms.get(e.id, ()):
                out.setdefault((e.id, k), spelled)
    return out


def corpus_counts(targets: set[str], firsts: set[str], titles: set[str], speech: set[str]):
    """Word frequencies of the corpus, and for each target word (with or without ال) its occurrences and those in a
    name's place."""
    freq: Counter = Counter()
    seen: Counter = Counter()
    named: Counter = Counter()
    for f in sorted(CORPUS.glob("*.zip")):
        for doc in read_news_zip(f):
            if not hasattr(doc, "origin"):
                continue
            words = WORD.findall(normalize(doc.text))
            freq.update(words)
            for i, w in enumerate(words):
                for p in PROCLITICS:
                    if w.startswith(p) and key(w[len(p):]) in targets:
                        t = key(w[len(p):])
                        break
                else:
                    continue
                seen[t] += 1
                prev = words[i - 1] if i else ""
                given = prev if not prev.startswith("ال") else ""  # (الهلال الأحمر: a noun, not هلال's name)
                if given in firsts or prev in titles or key(prev) in speech:
                    named[t] += 1
    return freq, seen, named


def main(argv: list[str]) -> None:
    if not CORPUS.is_dir():
        sys.exit(f"{CORPUS}: corpus folder not found (run from the repository root with ../shared present)")
    d, g, t = bundled_dictionary(), bundled_guards(), bundled_titled()
    raw = raw_people()
    given = {key(x) for x in g.given_names} | set(t.foreign_given_names) | first_words(d)
    fw = set(function_words())
    words, forms = name_words(d), short_forms(d)
    cands = candidates(d, raw)
    with_al = {(eid, key(w)) for eid, names in raw.items() for n in names for w in normalize(n).split()
               if w.startswith("ال")}
    targets = {"".join(k) if k[0] in COMPOUND_HEADS else k[-1] for _, k in cands}
    firsts = given | {n.keys[0] for n in d.names if n.kind == "person" and len(n.keys) > 1}
    titles = {x[0] for x in g.span_titles} | {"ال" + w for w in t.office_words} | set(t.office_words)
    freq, seen, named = corpus_counts(targets, firsts, titles, set(t.speech_verbs))

    def f(w: str) -> int:
        return sum(freq.get(p + w, 0) for p in PROCLITICS)

    chosen: dict[str, list[str]] = defaultdict(list)
    rows = []
    for (eid, k), spelled in sorted(cands.items()):
        why = rule_problems(d, eid, k, given, fw, words, forms)
        w = "".join(k) if k[0] in COMPOUND_HEADS else k[-1]
        bare, infl = f(w), sum(f(x) for x in inflected_forms(w))
        if (eid, w) in with_al:  # السنيورة: the person's own name carries ال
            bare, infl = bare + f("ال" + w), infl - f("ال" + w) - f("لل" + w)
        if bare + infl >= MIN_SEEN and infl >= INFLECTED_SHARE * (bare + infl):
            why.append(f"a common word: inflected in {infl} of {bare + infl}")
        if seen[w] >= MIN_SEEN and named[w] < NAME_CONTEXT_SHARE * seen[w]:
            why.append(f"a common word: in a name's place {named[w]} of {seen[w]} times")
        rows.append((eid, spelled, bare, infl, seen[w], named[w], "; ".join(why)))
        if not why:
            chosen[eid].append(spelled)
    for r in rows:
        print(*r, sep="\t")
    print(f"# {len(rows)} candidate short names of {len({r[0] for r in rows})} people; "
          f"{sum(map(len, chosen.values()))} marked for {len(chosen)} people", file=sys.stderr)
    if "--write" in argv:
        write(chosen)


def write(chosen: dict[str, list[str]]) -> None:
    """Rewrite each people file's `unambiguous:` lines (right after `names:`) from the rule's choice."""
    for f in sorted(DATA.glob("people_*.yaml")):
        lines = f.read_text(encoding="utf-8").splitlines(keepends=True)
        out, current = [], None
        for line in lines:
            if line.startswith("- id: "):
                current = line[6:].strip()
            if line.startswith("  unambiguous:"):
                continue
            out.append(line)
            if line.startswith("  names:") and current in chosen:
                out.append(f"  unambiguous: [{', '.join(sorted(set(chosen[current])))}]\n")
        f.write_text("".join(out), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
