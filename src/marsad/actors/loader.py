"""Loading the actor dictionary: the bundled YAML files plus users' YAML or PETRARCH files.

Kept apart from ``dictionary`` (the data model and YAML builder) so that ``petrarch``, which fills a
``DictionaryBuilder``, and the loader that chooses between the two readers do not import each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .dictionary import ActorDictionary, DictionaryBuilder, data_files
from .petrarch import load_petrarch


def load_dictionary(extra: Iterable[str | Path] = (), bundled: bool = True) -> ActorDictionary:
    """Bundled data files plus user files (``.yaml`` in the documented format or PETRARCH ``.txt`` actor files)."""
    b = DictionaryBuilder()
    files = data_files() if bundled else []
    for f in files:
        b.load_yaml(f)
    for f in extra:
        path = Path(f)
        if path.suffix in (".yaml", ".yml"):
            b.load_yaml(path)
        else:
            load_petrarch(path, b)
    b.check_codes()
    b.mark_definite()
    return b.d


def validate(extra: Iterable[str | Path] = ()) -> tuple[ActorDictionary, list[str]]:
    d = load_dictionary(extra)
    return d, d.problems
