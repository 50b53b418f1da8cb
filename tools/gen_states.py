#!/usr/bin/env python3
"""Generate src/marsad/data/actors/states.yaml.

Base list: every ISO 3166-1 country/territory known to pycountry (alpha-2 -> alpha-3, English name),
with its Arabic name from CLDR (babel.Locale('ar').territories). CLDR region codes that are not ISO
3166-1 countries (numeric regions, EU, EZ, UN, QO, XA, XB, ZZ, and the exceptional reservations AC, CP,
DG, EA, IC, TA) are skipped. TW, XK, PS and EH are disputed and live in disputed.yaml (hand-curated),
so they are skipped here too.

The base list is merged with states_curated.yaml (see its header for the keys). Entries with curated
data get `source: cldr+curated`, the rest `source: cldr`. Output is sorted by code and deterministic.

CLDR name clean-up: a parenthetical is dropped ("ميانمار (بورما)" -> "ميانمار"), and " - " joins
become a space ("الكونغو - كينشاسا" -> "الكونغو كينشاسا"); `drop` in the curated file removes a
CLDR name (raw or cleaned) altogether.

Long forms: الجمهورية/المملكة/السلطنة + the first curated nisba in the feminine, when pycountry's official name
says Republic, Kingdom or Sultanate (الجمهورية اللبنانية، المملكة المغربية).

Nisba: for each curated nisba ending in ي the Egyptian spelling with final ى is added
(روسي -> روسى, كوري شمالي -> كورى شمالى); the loader normalises both to the same form.

Usage:  .venv/bin/python tools/gen_states.py [--check]
        --check  exit 1 if states.yaml is not what the generator would write (no file is written)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import babel
import pycountry
import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTORS = ROOT / "src" / "marsad" / "data" / "actors"
CURATED = ACTORS / "states_curated.yaml"
OUT = ACTORS / "states.yaml"

DISPUTED_ALPHA2 = {"TW", "XK", "PS", "EH"}   # -> disputed.yaml (TWN, XKX, PSE, ESH)
KEYS = ("code", "kind", "en", "ar", "names", "capitals", "metonyms", "nisba", "plural", "cities",
        "country", "agent", "source")
CURATED_KEYS = {"en", "ar", "names", "drop", "capitals", "metonyms", "nisba", "plural", "cities"}
AGENTS = {"GOV", "MIL", "LEG", "JUD", "OPP", "REB", "CVL", "MED", "BUS", "SPY", "COP", "DIP", "EDU",
          "REL", "HLH", "NGO", "IGO", "UAF"}


def dedup(items):
    seen, out = set(), []
    for x in items:
        x = re.sub(r"\s+", " ", str(x)).strip()
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def clean_cldr(name: str) -> str:
    name = re.sub(r"\s*\([^)]*\)", "", name)
    name = name.replace(" - ", " ")
    return re.sub(r"\s+", " ", name).strip()


def english_name(country, en_cldr: dict) -> str:
    name = getattr(country, "common_name", None) or country.name
    if "," in name or "(" in name:
        name = en_cldr.get(country.alpha_2, name)
    return name


def egyptian(nisba: str) -> str:
    return " ".join(w[:-1] + "ى" if w.endswith("ي") else w for w in nisba.split(" "))


# The state's long form that news writes with its nisba, from the kind of state in pycountry's official name:
# Lebanese Republic -> الجمهورية اللبنانية, Kingdom of Morocco -> المملكة المغربية, Sultanate of Oman -> السلطنة العمانية
LONG_FORMS = (("Republic", "الجمهورية"), ("Kingdom", "المملكة"), ("Sultanate", "السلطنة"))


def long_forms(country, cur: dict, curated: dict) -> list[str]:
    official = getattr(country, "official_name", "") or ""
    nisba = (cur.get("nisba") or [None])[0]
    if not nisba or " " in nisba:
        return []
    if sum(nisba in (c or {}).get("nisba", []) for c in curated.values()) > 1:
        return []  # a nisba two states share names neither
    drop = set(cur.get("drop") or [])
    return [f"{ar} ال{nisba}ة" for en, ar in LONG_FORMS if en in official and f"{ar} ال{nisba}ة" not in drop][:1]


def build() -> list[dict]:
    ar = babel.Locale("ar").territories
    en = babel.Locale("en").territories
    curated = yaml.safe_load(CURATED.read_text(encoding="utf-8")) or {}

    by_a3 = {}
    for c in pycountry.countries:
        if c.alpha_2 in DISPUTED_ALPHA2:
            continue
        if c.alpha_2 not in ar:
            raise SystemExit(f"no CLDR Arabic name for {c.alpha_2}")
        by_a3[c.alpha_3] = c

    unknown = sorted(set(curated) - set(by_a3))
    if unknown:
        raise SystemExit(f"curated codes not in the base list: {unknown}")

    entries = []
    for a3 in sorted(by_a3):
        c = by_a3[a3]
        cur = curated.get(a3) or {}
        bad = set(cur) - CURATED_KEYS
        if bad:
            raise SystemExit(f"{a3}: unknown curated keys {sorted(bad)}")
        raw = ar[c.alpha_2]
        drop = set(cur.get("drop") or [])
        cldr_names = [n for n in dedup([raw, clean_cldr(raw)]) if n not in drop]
        if "(" in raw or ")" in raw:
            cldr_names = [n for n in cldr_names if "(" not in n]
        names = dedup(cldr_names + list(cur.get("names") or []) + long_forms(c, cur, curated))
        ar_display = cur.get("ar") or (clean_cldr(raw) if clean_cldr(raw) not in drop else names[0])
        nisba = []
        for n in cur.get("nisba") or []:
            nisba += [n, egyptian(n)]
        metonyms = []
        seen = set()
        for m in cur.get("metonyms") or []:
            if m["agent"] not in AGENTS:
                raise SystemExit(f"{a3}: bad agent {m['agent']}")
            if m["name"] not in seen:
                seen.add(m["name"])
                metonyms.append({"name": m["name"], "agent": m["agent"]})
        entries.append({
            "code": a3,
            "kind": "state",
            "en": cur.get("en") or english_name(c, en),
            "ar": ar_display,
            "names": names,
            "capitals": dedup(cur.get("capitals") or []),
            "metonyms": metonyms,
            "nisba": dedup(nisba),
            "plural": dedup(cur.get("plural") or []),
            "cities": dedup(cur.get("cities") or []),
            "country": None,
            "agent": None,
            "source": "cldr+curated" if cur else "cldr",
        })
    return entries


# ------------------------------------------------------------------ YAML output (stable, readable)

def scalar(s) -> str:
    if s is None:
        return "null"
    s = str(s)
    try:
        plain_ok = yaml.safe_load(f"[{s}]") == [s] and yaml.safe_load(f"k: {s}") == {"k": s}
    except yaml.YAMLError:
        plain_ok = False
    return s if plain_ok and s.strip() == s and not s.startswith(("-", "?", "*", "&", "!", "|", ">", "'", '"', "%", "@", "`")) else json.dumps(s, ensure_ascii=False)


def flow(items) -> str:
    return "[" + ", ".join(scalar(x) for x in items) + "]"


def dump(entries: list[dict]) -> str:
    lines = ["# GENERATED by tools/gen_states.py from CLDR (babel) + pycountry + states_curated.yaml.",
             "# Do not edit by hand: edit states_curated.yaml and re-run the generator.", ""]
    for e in entries:
        lines.append(f"- code: {e['code']}")
        for k in KEYS[1:]:
            v = e[k]
            if k == "metonyms":
                if not v:
                    lines.append("  metonyms: []")
                else:
                    lines.append("  metonyms:")
                    for m in v:
                        lines.append(f"    - {{name: {scalar(m['name'])}, agent: {m['agent']}}}")
            elif isinstance(v, list):
                lines.append(f"  {k}: {flow(v)}")
            else:
                lines.append(f"  {k}: {scalar(v)}")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="verify states.yaml is up to date")
    args = ap.parse_args()
    entries = build()
    text = dump(entries)
    assert yaml.safe_load(text) == entries, "YAML round-trip mismatch"
    if args.check:
        ok = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("states.yaml is up to date" if ok else "states.yaml is stale: re-run tools/gen_states.py")
        return 0 if ok else 1
    OUT.write_text(text, encoding="utf-8")
    n_names = sum(len(e["names"]) for e in entries)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(entries)} entries "
          f"({sum(e['source'] != 'cldr' for e in entries)} curated), {n_names} names "
          f"(babel {babel.__version__}, pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else '?'})",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
