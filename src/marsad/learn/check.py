"""Validation of the shipped model files for ``marsad dict check``: each loads, has its model card, the card's
sha256 is the file's, labels are the expected ones, and both models use the same feature groups; the same for
the event and argument scorers and the press relevance model, and the domain cue words they read."""

from __future__ import annotations

from pathlib import Path

from .eventfeatures import CueError, load_domain_cues
from .eventstage import ARG_LABELS, ARG_MODEL, EVENT_MODEL
from .kil import QUAD_LABELS, RELEVANCE_LABELS
from .model import LinearModel, ModelError, sha256
from .named import NamedModel
from .newsrel import NEWS_MODEL
from .recall import RECALL_MODEL
from .stage import MODEL_FILES, model_dir


def _card(path: Path, problems: list[str], rebuild: str) -> None:
    card = path.with_suffix(".md")
    if not card.is_file():
        problems.append(f"{card}: model card missing")
    elif sha256(path) not in card.read_text(encoding="utf-8"):
        problems.append(f"{card}: sha256 does not match {path.name} (rebuild with {rebuild})")


def _load(kind, path: Path, problems: list[str]):
    """A model file through its class's loader, or None with the problem named."""
    try:
        return kind.load(path)
    except (ModelError, FileNotFoundError) as e:
        problems.append(f"{path}: {e}" if isinstance(e, FileNotFoundError) else str(e))
        return None


def validate_models(directory: Path | None = None) -> tuple[dict, list[str]]:
    directory = directory or model_dir()
    problems: list[str] = []
    stats: dict[str, object] = {}
    groups = set()
    for task, name in MODEL_FILES.items():
        path = directory / name
        m = _load(LinearModel, path, problems)
        if m is None:
            continue
        want = QUAD_LABELS if task == "quad" else RELEVANCE_LABELS
        if m.labels != want:
            problems.append(f"{path}: labels {m.labels}, expected {want}")
        groups.add(m.groups)
        _card(path, problems, "python -m marsad.learn.train")
        stats[task] = f"{path.stat().st_size / 1e6:.1f} MB"
    for name, labels in ((EVENT_MODEL, ["no", "yes"]), (ARG_MODEL, ARG_LABELS), (NEWS_MODEL, ["no", "yes"])):
        path = directory / name
        m = _load(NamedModel, path, problems)
        if m is None:
            continue
        if m.labels != labels:
            problems.append(f"{path}: labels {m.labels}, expected {labels}")
        if not 0.0 <= m.threshold <= 1.01:
            problems.append(f"{path}: threshold {m.threshold} is not a probability")
        _card(path, problems, "python -m marsad.learn.eventtrain")
        stats[name.removesuffix(".npz")] = f"{len(m.names)} features"
    _check_recall(directory / RECALL_MODEL, problems, stats)
    try:
        cues = load_domain_cues(directory / "domain_cues.yaml")
        stats["domain_cues"] = f"{sum(len(v) for v in cues.values())} word forms in {len(cues)} domains"
    except CueError as e:
        problems.append(str(e))
    if len(groups) > 1:
        problems.append(f"{directory}: quad and relevance models use different feature groups {sorted(groups)}")
    return stats, problems


def _check_recall(path: Path, problems: list[str], stats: dict) -> None:
    """The recall model: one weight column a PLOVER type, a threshold in [0, 1.01] (above 1: switched off)."""
    from ..events.ontology import load_ontology

    m = _load(NamedModel, path, problems)
    if m is None:
        return
    unknown = [t for t in m.labels if t not in load_ontology().types]
    if unknown:
        problems.append(f"{path}: labels {unknown} are not PLOVER types")
    if m.weights.shape[1] != len(m.labels):
        problems.append(f"{path}: {m.weights.shape[1]} weight columns for {len(m.labels)} types")
    if not 0.0 <= m.threshold <= 1.01:
        problems.append(f"{path}: threshold {m.threshold} is not a probability (1.01: switched off)")
    _card(path, problems, "python -m marsad.learn.recalltrain")
    stats["recall"] = f"{len(m.names)} features, {len(m.labels)} types, threshold {m.threshold:.2f}"
