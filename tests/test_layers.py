"""Data flows one way, and the imports show it: engine -> result -> explanation layer
(explain, advice) -> renderers. No module of that flow imports back up it, and the
renderers import neither the engine nor the advice (they format what they are given)."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "smartsync"

#: the modules of the flow from the rules' conclusions to the words a planner reads
FLOW = ("smartsync.engine", "smartsync.result", "smartsync.explain", "smartsync.whynot",
        "smartsync.trace", "smartsync.advice", "smartsync.messages", "smartsync.render",
        "smartsync.render.text", "smartsync.render.plain", "smartsync.render.markdown",
        "smartsync.render.json", "smartsync.render.diagram", "smartsync.render.sections",
        "smartsync.render.notebook", "smartsync.render.html")

#: renderers that only format: they take a classification or an explanation
FORMATTERS = ("smartsync.render", "smartsync.render.text", "smartsync.render.plain",
              "smartsync.render.markdown", "smartsync.render.json", "smartsync.render.diagram",
              "smartsync.render.sections", "smartsync.render.notebook")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"))


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The smartsync modules a module imports, anywhere in it (inside functions too),
    except under ``if TYPE_CHECKING:``."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if _type_checking(node):
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("smartsync"):
                    found.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("smartsync"):
                found.add(target)
                for alias in node.names:  # "from . import text" imports a submodule
                    if f"{target}.{alias.name}" in modules:
                        found.add(f"{target}.{alias.name}")
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {m for m in found if m in modules and m != name}


@functools.lru_cache(maxsize=1)
def _cached_graph() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in _graph().items()}


def _graph() -> dict[str, set[str]]:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(paths)
    return {name: _imports(path, modules) for name, path in paths.items()}


def _reaches(graph: dict[str, set[str]], start: str) -> dict[str, str]:
    """Every module ``start`` imports, directly or not, each with the module it was
    reached from (to name the path of a cycle)."""
    seen: dict[str, str] = {}
    stack = [start]
    while stack:
        node = stack.pop()
        for nxt in graph.get(node, ()):
            if nxt not in seen:
                seen[nxt] = node
                stack.append(nxt)
    return seen


def _path(seen: dict[str, str], start: str) -> str:
    out, node = [start], seen[start]
    while node != start:
        out.append(node)
        node = seen[node]
    return " <- ".join(reversed(out + [start]))


@pytest.mark.parametrize("module", FLOW)
def test_no_module_of_the_flow_is_in_an_import_cycle(module):
    """No module from the engine to the renderers imports, directly or not, a module
    that imports it back."""
    graph = _cached_graph()
    assert module in graph, f"{module} is not a module of smartsync"
    seen = _reaches(graph, module)
    assert module not in seen, f"import cycle: {_path(seen, module)}"


@pytest.mark.parametrize("module", FORMATTERS)
def test_a_renderer_imports_neither_the_engine_nor_the_advice(module):
    """A renderer formats what it is given: it reaches none of the engine, the rules,
    the advice or the explanation layer through its imports."""
    graph = _cached_graph()
    seen = _reaches(graph, module)
    forbidden = {"smartsync.engine", "smartsync.advice", "smartsync.explain",
                 "smartsync.whynot", "smartsync.batch", "smartsync.rules"}
    assert not (set(seen) & forbidden), sorted(set(seen) & forbidden)


def test_the_report_page_asks_the_explanation_layer_not_the_advice():
    """The HTML report (which classifies when not given a classification) gets its
    advice through the explanation layer, never by calling the advice itself."""
    graph = _cached_graph()
    assert "smartsync.advice" not in graph["smartsync.render.html"]


def test_the_result_does_not_import_the_engine():
    """The result is data the engine builds: it never imports the engine back (an
    unpickled classification's why-not is rebuilt by the object the engine gave it)."""
    graph = _cached_graph()
    assert "smartsync.engine" not in _reaches(graph, "smartsync.result")


def test_the_checker_sees_an_import_inside_a_function(tmp_path, monkeypatch):
    """The import graph counts an import made inside a function, so that a lazy import
    cannot hide a cycle."""
    source = "def f():\n    from ..engine import classify\n"
    path = PACKAGE / "render" / "text.py"
    monkeypatch.setattr(Path, "read_text", lambda self, encoding=None: source
                        if self == path else Path.read_bytes(self).decode("utf-8"))
    assert "smartsync.engine" in _graph()["smartsync.render.text"]
