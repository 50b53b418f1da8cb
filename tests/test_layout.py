"""The package's shape: no import cycles among its modules, counting imports inside functions too
(a lazy import hides a cycle from Python, not from a reader), and no loose modules left where packages serve."""

from __future__ import annotations

import ast
from importlib import util
from pathlib import Path

import marsad

PKG = Path(marsad.__file__).parent


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PKG.rglob("*.py")}


def resolve(name: str, known: set[str]) -> str | None:
    """The module an import names: itself if it is one of ours, else its nearest package of ours."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    is_pkg = path.name == "__init__.py"
    package = name if is_pkg else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = util.resolve_name("." * node.level + (node.module or ""), package) if node.level else node.module
            # "from . import x" names the submodule x when there is one, else an attribute of the package
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for t in targets:
            m = resolve(t, known) if t.startswith("marsad") else None
            if m and m != name:
                out.add(m)
    return out


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports(name, path, known) for name, path in mods.items()}


def test_no_import_cycles_among_modules():
    g = graph()
    assert len(g) > 50
    assert cycles(g) == []


def test_cycle_finder_sees_a_lazy_import_cycle():
    # the checker itself must fail on the kind of circle it guards against: a -> b at top, b -> a inside a function
    g = {"marsad.a": {"marsad.b"}, "marsad.b": {"marsad.a"}, "marsad.c": {"marsad.a"}}
    assert cycles(g) == [["marsad.a", "marsad.b"]]


def test_import_resolution_of_relative_and_submodule_imports():
    g = graph()
    assert "marsad.actors.petrarch" in g["marsad.actors.loader"]
    assert "marsad.actors.petrarch" not in g["marsad.actors.dictionary"]
    assert "marsad.cli.common" in g["marsad.cli.core"]
    assert "marsad.records" in g["marsad.pipeline"]


def test_package_root_holds_only_the_core_modules():
    loose = sorted(p.stem for p in PKG.glob("*.py"))
    assert loose == ["__init__", "__main__", "pipeline", "records"]


def test_cli_command_modules_depend_only_on_common_not_on_each_other():
    g = graph()
    commands = {"marsad.cli.core", "marsad.cli.stages", "marsad.cli.alliance", "marsad.cli.server"}
    for m in commands:
        assert not (g[m] & (commands | {"marsad.cli"})), m
