from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"
GOLD = ROOT / "tests" / "gold"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"{path} is missing: tests read the real third-party material from ../shared (see README)")
    return path


@pytest.fixture(scope="module")
def rules():
    """The coder without the learned layer (so its threshold cannot hide a missing rule); modules may define their
    own ``rules``."""
    from marsad.pipeline import Pipeline

    return Pipeline.default("events", learned=False)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _need(SEEDS)


@pytest.fixture(scope="session")
def seed_texts(seeds_dir) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def eval_gold() -> Path:
    return _need(EVAL / "up_protest_gold.jsonl")


def find_in(texts: dict[str, str], needle: str) -> tuple[str, int]:
    for t in texts.values():
        i = t.find(needle)
        if i >= 0:
            return t, i
    raise AssertionError(f"{needle!r} not in the seeds")
