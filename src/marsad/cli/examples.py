"""Examples shown at the end of every command's --help (a test checks that each command has some and that
each example names a real command)."""

from __future__ import annotations

import typer

EXAMPLES: dict[str, list[str]] = {
    "ingest": ["marsad ingest news/", "marsad ingest feed.rss archive.warc.gz --db news.db", "marsad ingest news/ --json"],
    "stats": ["marsad stats", "marsad stats --db marsad-demo.db --json"],
    "show": ["marsad show 94c9dbdfc03b --db marsad-demo.db   # an id, or its start, from marsad documents",
             "marsad show 94c9dbdfc03b --json"],
    "documents": ["marsad documents --db marsad-demo.db", "marsad documents --actor روسيا --since 2025-01-01",
                  "marsad documents --outlet nile-daily --json"],
    "demo": ["marsad demo", "marsad demo --serve --port 8080"],
    "bench": ["marsad bench --mb 10", "marsad bench --stage events --mb 2 --json"],
    "actors": ["marsad actors", "marsad actors --code روسيا --since 2024-01-01", "marsad actors --code 'RU*' --json"],
    "extract": ["echo '{\"id\": \"1\", \"text\": \"زار بوتين بكين أمس.\"}' | marsad extract",
                "marsad extract articles.jsonl --workers 2 > events.jsonl"],
    "refresh": ["marsad refresh", "marsad refresh --full"],
    "allies": ["marsad allies RUS --as-of 2025-12-31", "marsad allies Armenia --orgs", "marsad allies روسيا --json"],
    "dyad": ["marsad dyad RUS ARM", "marsad dyad روسيا أرمينيا --since 2022-01-01"],
    "drift": ["marsad drift --since 2022-01-01", "marsad drift --since 2024-01-01 --as-of 2025-12-31 --limit 10"],
    "blocs": ["marsad blocs --as-of 2025-12-31", "marsad blocs --json"],
    "sources": ["marsad sources", "marsad sources --json"],
    "report": ["marsad report RUS -o rus.html", "marsad report أرمينيا --as-of 2025-12-31"],
    "serve": ["marsad serve --db marsad-demo.db", "marsad serve --host 0.0.0.0 --port 8080 --read-keys"],
    "dict check": ["marsad dict check", "marsad dict check --dict my_actors.yaml --json"],
    "dict candidates": ["marsad dict candidates", "marsad dict candidates --limit 10 --json"],
    "dict accept": ["marsad dict accept 'كايا كالاس' --code EU --agent GOV --title foreign_minister"],
    "dict suggest-ties": ["marsad dict suggest-ties", "marsad dict suggest-ties --all --json"],
    "eval actors": ["marsad eval actors", "marsad eval actors --show-errors 10"],
    "eval events": ["marsad eval events tests/gold/own_events.jsonl",
                    "marsad eval events ../shared/eval/up_protest_gold.jsonl --json",
                    "marsad eval events tests/gold/real_news.jsonl --rules-only"],
    "export events": ["marsad export events --format csv -o events.csv",
                      "marsad export events --format parquet -o events.parquet", "marsad export events | head -1"],
    "export graph": ["marsad export graph --format graphml -o alliances.graphml", "marsad export graph --format gexf > g.gexf"],
    "export dyads": ["marsad export dyads --format csv -o dyads.csv", "marsad export dyads --format parquet -o dyads.parquet"],
    "whatif attack": ["marsad whatif attack BLR", "marsad whatif attack أرمينيا --depth 2 --as-of 2025-12-31",
                      "marsad whatif attack EST --by RUS"],
    "expectations": ["marsad expectations", "marsad expectations --press --db press.db", "marsad expectations --as-of 2025-12-31 --json"],
    "check": ["marsad check --db news.db"],
    "spark ingest": ["marsad spark ingest ../shared/corpora/saudinewsnet out/ --master 'local[2]'"],
    "spark load": ["marsad spark load out/ --db postgresql://localhost/marsad"],
    "learn eval": ["marsad learn eval"],
    "learn train": ["marsad learn train", "marsad learn train --only events"],
    "learn ablation": ["marsad learn ablation"],
    "learn bench": ["marsad learn bench --mb 2"],
    "keys create": ["marsad keys create newsroom --db news.db"],
    "keys revoke": ["marsad keys revoke newsroom"],
    "keys list": ["marsad keys list --json"],
}


def command_paths(app: typer.Typer, prefix: str = "") -> dict[str, object]:
    """'dict check' -> its CommandInfo, for every command of the app and its groups."""
    out: dict[str, object] = {}
    for info in app.registered_commands:
        out[(prefix + " " + (info.name or info.callback.__name__.replace("_", "-"))).strip()] = info
    for group in app.registered_groups:
        out.update(command_paths(group.typer_instance, (prefix + " " + group.name).strip()))
    return out


def add_examples(app: typer.Typer) -> None:
    for path, info in command_paths(app).items():
        if path in EXAMPLES and not info.epilog:
            info.epilog = "Examples:\n\n" + "\n\n".join(f"  {line}" for line in EXAMPLES[path])
