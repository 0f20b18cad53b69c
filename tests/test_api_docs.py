"""The documentation documents every name smartsync exports, each with a docstring.

The API reference (docs/api.rst) and the topic pages document modules with
``automodule``; a name counts as documented when a documented module lists it.
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest

import smartsync

DOCS = Path(__file__).resolve().parent.parent / "docs"
# modules whose members the pages document, with the page (``smartsync`` itself
# shows only its docstring, and ``:no-members:`` modules none)
DOCUMENTED_MODULES = {
    module: page.name
    for page in sorted(DOCS.glob("*.rst"))
    for module, options in re.findall(r"^\.\. automodule:: (\S+)\n((?:[ \t]+:.*\n)*)",
                                      page.read_text(encoding="utf-8"), re.M)
    if module != "smartsync" and ":no-members:" not in options
}
EXPORTS = [name for name in smartsync.__all__ if name != "__version__"]


def documented_in(name: str) -> list[str]:
    """The documented modules that list ``name`` as a member and hold the same object."""
    found = []
    for module_name in DOCUMENTED_MODULES:
        module = importlib.import_module(module_name)
        members = getattr(module, "__all__", None)
        if members is None:  # autodoc then takes what the module defines itself
            members = [n for n, v in vars(module).items() if getattr(v, "__module__", None) == module_name]
        if name in members and getattr(module, name) is getattr(smartsync, name):
            found.append(module_name)
    return found


@pytest.mark.parametrize("name", EXPORTS)
def test_every_export_is_in_the_api_reference(name: str) -> None:
    """Each name in ``smartsync.__all__`` is documented in docs/ through a module listing it."""
    assert documented_in(name), f"smartsync.{name} is exported but no page in docs/ documents a module listing it"


@pytest.mark.parametrize(
    "name", [n for n in EXPORTS if inspect.isclass(getattr(smartsync, n)) or inspect.isfunction(getattr(smartsync, n))]
)
def test_every_exported_class_and_function_has_a_docstring(name: str) -> None:
    """Each class and function smartsync exports says what it is for."""
    obj = getattr(smartsync, name)
    assert obj.__doc__ and obj.__doc__.strip(), f"smartsync.{name} has no docstring"


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.rst")))
def test_no_example_runs_into_the_paragraph_before_it(page: str) -> None:
    """Every '>>>' example of a docs page is shown as code: none is a line of the paragraph before it."""
    docutils = pytest.importorskip("docutils.core", reason="docutils comes with the docs extra")
    text = (DOCS / page).read_text(encoding="utf-8")
    tree = docutils.publish_doctree(text, settings_overrides={"report_level": 5, "halt_level": 5})
    assert not [node.astext() for node in tree.findall()
                if node.tagname == "paragraph" and re.search(r"^>>> ", node.astext(), re.M)]
