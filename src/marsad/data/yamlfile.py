"""YAML data files through libyaml when PyYAML was built with it (the same objects as ``yaml.safe_load``,
about five times faster), and a binary cache of what they load, keyed by the text's hash: unpickling is several
times faster again, and parsing the data files was most of the start-up of every command that loads the
dictionaries. The cache lives in ``$MARSAD_CACHE_DIR`` (default ``$XDG_CACHE_HOME/marsad`` or
``~/.cache/marsad``), one file per distinct text; a changed file has another hash, so it is parsed again. A
cache that cannot be read or written is skipped, never an error."""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
VERSION = f"1-{yaml.__version__}-{LOADER.__name__}"  # what the cached objects depend on besides the text


def cache_dir() -> Path:
    if os.environ.get("MARSAD_CACHE_DIR"):
        return Path(os.environ["MARSAD_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "marsad"


def parse(text: str) -> Any:
    return yaml.load(text, Loader=LOADER)  # noqa: S506 - a safe loader (C or Python)


def safe_load(text: str) -> Any:
    key = hashlib.sha1(f"{VERSION}\n{text}".encode()).hexdigest()
    path = cache_dir() / f"yaml-{key}.pickle"
    try:
        return pickle.loads(path.read_bytes())  # noqa: S301 - written by this function into the user's own cache
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError):
        pass
    data = parse(text)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".yaml-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a reader sees the whole file or none
    except OSError:
        pass
    return data


def checked(text: str, where: str, want: type, shape: str, problems: list[str]) -> Any:
    """A data file's parsed text when it is YAML whose top level is a ``want``; else None, with the problem (invalid
    YAML, or "top level must be ``shape``") named in ``problems``."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        problems.append(f"{where}: invalid YAML ({e})")
        return None
    if not isinstance(data, want):
        problems.append(f"{where}: top level must be {shape}")
        return None
    return data


def word_lists(text: str, where: str, names: tuple[str, ...], problems: list[str]) -> dict[str, list[str]]:
    """A data file that is a mapping of named word lists (guards.yaml, titled.yaml): every name known, every list a
    non-empty list of words. Returns the lists that passed; the others are named in ``problems``."""
    data = checked(text, where, dict, f"a mapping of lists {names}", problems)
    if data is None:
        return {}
    for name in set(data) - set(names):
        problems.append(f"{where}: unknown list '{name}' (expected {', '.join(names)})")
    out = {}
    for name in names:
        words = data.get(name)
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            problems.append(f"{where}: '{name}' must be a non-empty list of words")
            continue
        out[name] = words
    return out
