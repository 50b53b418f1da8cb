"""`marsad dict check`: validate every data file the pipeline reads, with file and entry in each problem."""

from __future__ import annotations

from pathlib import Path


def check_all(extra: list[Path] | None = None) -> dict:
    sections: dict[str, dict] = {}

    from ..actors.loader import load_dictionary

    d = load_dictionary(extra or [])
    from ..actors.foreign_names import check as foreign_names_check
    from ..actors.guards import load_guards
    from ..actors.historic import load_historic
    from ..actors.historic import problems as historic_problems
    from ..actors.outlets import load_outlets
    from ..actors.short_names import problems as short_name_problems
    from ..actors.titled import load_titled
    from ..text.tokens import function_words

    guards, titled = load_guards(), load_titled()
    problems = d.problems + guards.problems + load_outlets(codes=set(d.entries)).problems + titled.problems + \
        short_name_problems(d, set(guards.given_names) | set(titled.foreign_given_names), function_words())
    historic = load_historic()
    problems += historic_problems(historic, d)
    names_stats, names_problems = foreign_names_check()
    problems += names_problems
    sections["actors"] = {"stats": {**d.stats(), "historic_names": len(historic.names),
                                    "foreign_names_model": names_stats}, "problems": problems}

    from ..events.ontology import load_ontology

    load_ontology.cache_clear()
    onto = load_ontology()
    sections["ontology"] = {"stats": {"types": len(onto.types), "modes": sum(len(t.modes) for t in onto.types.values()),
                                      "contexts": len(onto.contexts)}, "problems": onto.problems}
    from ..events.parties import load_policies

    policies, pproblems = load_policies({k: set(t.modes) for k, t in onto.types.items()})
    sections["parties"] = {"stats": {"types_with_policy": len(policies)}, "problems": pproblems}
    from ..events.fronts import load_fronts

    fronts, fproblems = load_fronts()
    sections["fronts"] = {"stats": {"fronts": len(fronts), "places": sum(len(f.places) for f in fronts)},
                          "problems": fproblems}

    from ..events.lexicon import load_lexicon, load_modality

    load_lexicon.cache_clear()
    lex = load_lexicon()
    st = lex.stats()
    missing = sorted(set(onto.types) - set(st["per_type"]))
    problems = list(lex.problems) + [f"triggers.yaml: no pattern for PLOVER type {t}" for t in missing]
    sections["triggers"] = {"stats": {"patterns": st["patterns"], "word_forms": st["word_forms"],
                                      "types_covered": len(st["per_type"])}, "problems": problems}
    mod = load_modality()
    need = ("negation", "denial", "future", "hypothetical", "reporting")
    sections["modality"] = {"stats": {k: len(v) for k, v in mod.items()},
                            "problems": [f"modality.yaml: missing list '{k}'" for k in need if not mod.get(k)]}
    try:
        from ..analysis.ties import validate_ties
    except ImportError:
        validate_ties = None
    if validate_ties is not None:
        tstats, tproblems = validate_ties()
        sections["ties"] = {"stats": tstats, "problems": tproblems}
    from ..learn.check import validate_models

    mstats, mproblems = validate_models()
    sections["models"] = {"stats": mstats, "problems": mproblems}
    total = sum(len(s["problems"]) for s in sections.values())
    return {"ok": total == 0, "problems": total, "sections": sections}
