"""Commands of the later stages (actors, dict, eval, extract, export events), registered on the one Typer app."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
import yaml
from rich.table import Table

from .common import (
    DbOpt,
    ExcelOpt,
    JsonOpt,
    actor_code,
    app,
    check_export,
    console,
    dict_app,
    emit_json,
    err,
    eval_app,
    export_app,
    open_store,
    say_empty,
    wants_bom,
)
from .termsafe import esc

DictOpt = Annotated[list[Path] | None, typer.Option("--dict", help="Extra dictionary files (YAML or PETRARCH). Also $MARSAD_DICT.")]


def extra_dicts(paths: list[Path] | None) -> list[Path]:
    out = list(paths or [])
    env = os.environ.get("MARSAD_DICT")
    if env:
        out += [Path(p) for p in env.split(os.pathsep) if p]
    missing = [str(p) for p in out if not p.is_file()]
    if missing:
        err.print(f"[red]error:[/red] no dictionary file {', '.join(missing)} (from --dict or $MARSAD_DICT)",
                  highlight=False)
        raise typer.Exit(2)
    return out


# -- dict ------------------------------------------------------------------------------------------

@dict_app.command("check")
def dict_check(paths: DictOpt = None, json_out: JsonOpt = False) -> None:
    """Validate every data file (actors, ontology, triggers, ties); exit 1 on any problem."""
    from ..quality.validate import check_all

    report = check_all(extra_dicts(paths))
    if json_out:
        emit_json(report)
    else:
        for section, info in report["sections"].items():
            console.print(f"[bold]{section}[/bold]: " + ", ".join(f"{k} {v}" for k, v in info["stats"].items()))
            for p in info["problems"][:200]:
                console.print(f"  [red]problem:[/red] {esc(p)}", highlight=False)
        console.print("[green]all data files valid[/green]" if report["ok"] else
                      f"[red]{report['problems']} problem(s)[/red]")
    raise typer.Exit(0 if report["ok"] else 1)


@dict_app.command("candidates")
def dict_candidates(db: DbOpt = None, json_out: JsonOpt = False, limit: int = 50) -> None:
    """Unknown names found after titles ("رئيس الوزراء X"), most frequent first."""
    with open_store(db) as store:
        rows = store.rows("SELECT name, title, guess_code, guess_agent, count, example, doc_id, status FROM candidates "
                          "WHERE status = 'new' ORDER BY count DESC, name LIMIT ?", (limit,))
    if json_out:
        emit_json(rows)
        return
    t = Table("name", "title", "code?", "agent", "seen", "example")
    for r in rows:
        t.add_row(esc(r["name"]), esc(r["title"]), esc(r["guess_code"]), esc(r["guess_agent"]), str(r["count"]),
                  esc(r["example"][:80]))
    console.print(t)


@dict_app.command("accept")
def dict_accept(
    name: str,
    code: Annotated[str, typer.Option(help="State or organisation code of the person.")],
    file: Annotated[Path, typer.Option(help="User dictionary YAML to append to.")] = Path("marsad_user.yaml"),
    agent: Annotated[str | None, typer.Option(help="Agent code (default: from the title).")] = None,
    title: Annotated[str | None, typer.Option(help="Role title (default: from the candidate).")] = None,
    start: Annotated[str | None, typer.Option(help="Role start date YYYY-MM-DD, if known.")] = None,
    db: DbOpt = None,
) -> None:
    """Accept a candidate name into a user dictionary file (use it with --dict or $MARSAD_DICT)."""
    import re

    with open_store(db) as store:
        rows = store.rows("SELECT * FROM candidates WHERE name = ?", (name,))
        cand = rows[0] if rows else {}
        entries = yaml.safe_load(file.read_text(encoding="utf-8")) if file.exists() else []
        entries = entries or []
        slug = "user-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or str(abs(hash(name)) % 10**8))
        role = {"code": code.upper(), "agent": agent or cand.get("guess_agent") or "GOV",
                "title": title or cand.get("title") or "leader", "start": start, "end": None, "uncertain": True}
        entries.append({"id": slug, "en": name, "names": [name], "roles": [role]})
        file.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
        if rows:
            with store.transaction():
                store.execute("UPDATE candidates SET status = 'accepted' WHERE name = ?", (name,))
    console.print(f"added {name} → {code.upper()} to {file}")


# -- actors ----------------------------------------------------------------------------------------

@app.command()
def actors(
    db: DbOpt = None,
    json_out: JsonOpt = False,
    code: Annotated[str | None, typer.Option(help="Only this actor: code or name (RUS, Russia, روسيا), or a code prefix with *: RU*.")] = None,
    since: Annotated[str | None, typer.Option(help="Only mentions in documents published on/after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="... on/before this date.")] = None,
    limit: int = 30,
) -> None:
    """Top actors by mentions, with their names and most common agents."""
    from ..actors.query import top_actors

    if code and not code.endswith("*"):
        code = actor_code(code)
    with open_store(db) as store:
        rows = top_actors(store, code=code, since=since, until=until, limit=limit)
        if not rows:
            total = store.scalar("SELECT COUNT(*) FROM mentions")
            say_empty(f"no mention matches{' --code ' + code if code else ''}{' --since ' + since if since else ''}"
                      f"{' --until ' + until if until else ''} (the store holds {total} mentions)")
    if json_out:
        emit_json(rows)
        return
    t = Table("code", "name", "mentions", "documents", "agents", "surface forms")
    for r in rows:
        t.add_row(r["code"], r["name"], str(r["mentions"]), str(r["documents"]),
                  ", ".join(f"{k}:{v}" for k, v in r["agents"].items()), "، ".join(r["forms"][:4]))
    console.print(t)


# -- eval ------------------------------------------------------------------------------------------

SeedsOpt = Annotated[Path, typer.Option(help="Folder of the seed articles the gold points into.")]


def need_eval_input(gold: Path, seeds: Path) -> None:
    """The default paths are relative to the repository root: say so instead of a traceback elsewhere."""
    for path, what, fix in ((gold, "gold file", "give its path"), (seeds, "seed folder", "give --seeds FOLDER")):
        if not path.exists():
            err.print(f"[red]error:[/red] {what} {path} not found from {Path.cwd()}: run from the repository root "
                      f"(with ../shared beside it) or {fix}", highlight=False)
            raise typer.Exit(2)


@eval_app.command("actors")
def eval_actors_cmd(
    gold: Annotated[Path, typer.Argument()] = Path("tests/gold/seed_actors.jsonl"),
    seeds: SeedsOpt = Path("../shared/seeds"),
    json_out: JsonOpt = False,
    show_errors: Annotated[int, typer.Option(help="List this many misses and false positives.")] = 0,
    date: Annotated[str | None, typer.Option(help="BIO files: the articles' date (office holders).")] = None,
) -> None:
    """Precision/recall of actor mentions against a gold file (seed JSONL, or a BIO file: per-class P/R/F1)."""
    from ..quality.evaluate import eval_actors

    if gold.suffix in (".tsv", ".bio", ".conll"):
        from ..quality.ner_report import print_ner

        print_ner(gold, json_out, show_errors, date)
        return
    need_eval_input(gold, seeds)
    r = eval_actors(gold, seeds)
    if json_out:
        emit_json(r)
        return
    o = r["overall"]
    console.print(f"actors: precision {o['precision']:.3f} recall {o['recall']:.3f} F1 {o['f1']:.3f} "
                  f"(tp {o['tp']}, fp {o['fp']}, fn {o['fn']}; gold {r['gold']})")
    for kind in ("misses", "false_positives"):
        for x in r[kind][:show_errors]:
            console.print(f"  {kind[:-2] if kind == 'misses' else 'false positive'}: {esc(x['doc'])}@{x['start']} {esc(x['text'])} {x['code']}",
                          highlight=False)


@eval_app.command("events")
def eval_events_cmd(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL: project format or ../shared/eval's PROTEST set.")],
    seeds: SeedsOpt = Path("../shared/seeds"),
    json_out: JsonOpt = False,
    corpus: Annotated[Path, typer.Option(help="Development corpus the real-news gold points into.")] = Path(
        "../shared/corpora/saudinewsnet"),
    errors: Annotated[int, typer.Option(help="Real-news gold: list this many dev sentences with errors.")] = 0,
    rules_only: Annotated[bool, typer.Option("--rules-only", help="Without the learned event and argument scorers.")] = False,
) -> None:
    """Precision/recall/F1 per PLOVER type and actor/recipient accuracy against a gold file.

    Real-news gold (tests/gold/real_news.jsonl) prints its dev and test halves side by side."""
    from ..events.scoring import is_real_news
    from ..pipeline import Pipeline
    from ..quality.evaluate import eval_events, eval_protest, gold_kind, read_jsonl

    pipeline = Pipeline.default("events", learned=not rules_only)

    try:
        rows = read_jsonl(gold)
        protest = gold_kind(rows) == "protest"
        if is_real_news(rows):
            from ..events.report import print_real_news

            print_real_news(gold, corpus, json_out, errors, pipeline=pipeline)
            return
    except (OSError, ValueError) as e:
        err.print(f"[red]error:[/red] {esc(e)}")
        raise typer.Exit(2) from None
    if not protest:
        need_eval_input(gold, seeds)
    r = eval_protest(gold, pipeline) if protest else eval_events(gold, seeds, pipeline)
    if json_out:
        emit_json(r)
        return
    if protest:
        console.print(f"PROTEST gold ({r['sentences']} sentences): found in {r['protest_found']} "
                      f"({r['protest_found_share']:.3f}); actor country accuracy {r['actor_country_accuracy']} "
                      f"(n={r['actor_country_n']}); recipient country accuracy {r['recipient_country_accuracy']} "
                      f"(n={r['recipient_country_n']}); actor agent accuracy {r['actor_agent_accuracy']} (n={r['actor_agent_n']})")
        return
    t = Table("type", "precision", "recall", "F1", "tp", "fp", "fn", title=f"events vs {gold.name}")
    for name, v in list(r["per_type"].items()) + [("OVERALL", r["overall"])]:
        t.add_row(name, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", str(v["tp"]), str(v["fp"]), str(v["fn"]))
    console.print(t)
    console.print(f"actor code accuracy {r['actor_accuracy']} (n={r['actor_n']}) · recipient code accuracy "
                  f"{r['recipient_accuracy']} (n={r['recipient_n']}) · negated/future gold coded as asserted: "
                  f"{r['negated_or_future_coded_as_asserted']} of {r['negated_or_future_gold']}")


# -- extract / export ------------------------------------------------------------------------------

@app.command()
def extract(
    file: Annotated[Path | None, typer.Argument(help="JSONL ({id, text, date?} a line) or plain text; default stdin.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes (output order is kept).")] = 1,
    dicts: DictOpt = None,
) -> None:
    """Stateless coder: one JSON line per input record, {"id", "events": [...]}, no database."""
    from ..exchange.extract import run_extract

    try:
        src = open(file, encoding="utf-8") if file else sys.stdin
    except OSError as e:
        err.print(f"[red]error:[/red] {file}: cannot read ({e.strerror})", highlight=False)
        raise typer.Exit(2) from None
    try:
        n_err = run_extract(src, sys.stdout, workers=workers, dicts=extra_dicts(dicts),
                            where=str(file) if file else "<stdin>", log=lambda m: err.print(esc(m), highlight=False))
    finally:
        if file:
            src.close()
    raise typer.Exit(1 if n_err else 0)


@export_app.command("events")
def export_events(
    fmt: Annotated[str, typer.Option("--format", help="jsonl | csv | parquet")] = "jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default stdout; parquet needs -o).")] = None,
    db: DbOpt = None,
    include_duplicates: Annotated[bool, typer.Option(help="Also events from near-duplicate articles.")] = False,
    excel: ExcelOpt = None,
) -> None:
    """Events in PLOVER interchange field names (actor, recipient, event, mode, context, event_text, text_info, cite_info)."""
    from ..exchange.export import export_events as run

    check_export(fmt, ("jsonl", "csv", "parquet"), output)
    with open_store(db) as store:
        n = run(store, fmt, output, include_duplicates=include_duplicates, bom=wants_bom(excel, output))
    err.print(f"{n} events written{' to ' + str(output) if output else ''}")
