"""Command line: a thin layer over the Python API (store, pipeline, analysis).

One Typer app (``common.app``); each module registers one group of commands on it when imported:
``core`` (ingest, stats, show, demo, bench), ``documents``, ``stages`` (actors, dict, eval, extract, export events),
``alliance`` (allies, dyad, drift, blocs, whatif, sources, report, refresh, exports, dict suggest-ties),
``server`` (serve, keys), ``scale`` (check, spark ingest|load). Every read command takes ``--json``; ``--db`` (or MARSAD_DB) picks the store.
"""

from __future__ import annotations

# each module registers its commands on the app when imported; this order is the order of `marsad --help`
# isort: off
from . import core, documents, stages, alliance, server, scale  # noqa: F401
# isort: on
from ..learn.cli import app as learn_app
from .common import app
from .examples import add_examples

app.add_typer(learn_app, name="learn")

add_examples(app)


def main() -> None:
    app()
