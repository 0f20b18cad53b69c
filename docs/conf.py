"""Sphinx configuration for the smartsync documentation.

Build: ``sphinx-build -W --keep-going -b html docs docs/_build/html`` (after
``pip install '.[docs]'``). Warnings are errors in CI.

The ``>>>`` examples in these pages are tests: pytest collects every ``.rst``
file under ``docs/`` (``--doctest-glob=*.rst``, see pyproject.toml), with
``docs/conftest.py`` running them from the repository root.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
# Document the source tree next to this file, installed or not.
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(DOCS / "_ext"))

import smartsync  # noqa: E402

project = "smartsync"
author = "smartsync maintainers"
copyright = "smartsync maintainers"
release = smartsync.__version__
version = ".".join(release.split(".")[:2])

# Docstrings are plain reStructuredText prose (no Google or NumPy sections).
extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "rulepack",  # docs/_ext/rulepack.py: pages of the rule packs from their docstrings
    "exitcodes",  # docs/_ext/exitcodes.py: the exit code table from smartsync.cli.EXIT_CODES
    "cliref",  # docs/_ext/cliref.py: the command line reference from its argparse parser
]

root_doc = "index"
source_suffix = {".rst": "restructuredtext"}
exclude_patterns = ["_build", "conftest.py", "**/.ipynb_checkpoints"]
language = "en"
nitpicky = False

# autodoc: documented members in source order, types in the description,
# attrs' generated methods left out; base classes are shown where they help
# (the errors), with ``:show-inheritance:`` in api.rst.
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "all"
# attrs writes __init__ itself: keep autodoc from quoting its generated source
# for defaults (``attr_dict['parents'].default``) and show the values instead.
autodoc_preserve_defaults = False
autodoc_default_options = {
    "members": True,
    "exclude-members": ",".join(
        [
            "__init__",
            "__new__",
            "__attrs_attrs__",
            "__attrs_post_init__",
            "__attrs_own_setattr__",
            "__match_args__",
            "__slots__",
            "__weakref__",
        ]
    ),
}
autoclass_content = "class"

html_theme = "alabaster"
html_title = f"smartsync {release}"
html_static_path: list[str] = []
html_theme_options = {
    "description": "How a Masterplan Smart City is synchronized with its RPJMD, and why.",
    "fixed_sidebar": True,
}


# --------------------------------------------------------------------------
# The table of contents of index.rst lists the pages in a sensible order.
# Pages it names that do not exist (yet) are left out, and a page it does not
# name is added before the API reference, so adding a page to docs/ needs no
# edit of index.rst (and a plain ``toctree`` glob, which warns when it matches
# nothing, is not needed).

_TOC_LINE = re.compile(r"^   (?P<name>[A-Za-z0-9_\-/]+)\s*$")
_TOC_LAST = "api"


def _toctree_entries(lines: list[str]) -> tuple[int | None, int, dict[int, str]]:
    """The first toctree of a page: its line, the line after it, its entries by line."""
    start = next((i for i, line in enumerate(lines) if line.startswith(".. toctree::")), None)
    entries: dict[int, str] = {}
    end = len(lines)
    if start is None:
        return None, end, entries
    for i in range(start + 1, len(lines)):
        if lines[i].strip() and not lines[i].startswith(" "):
            end = i
            break
        if m := _TOC_LINE.match(lines[i]):
            entries[i] = m["name"]
    return start, end, entries


def _complete_toctree(app, docname, source):  # type: ignore[no-untyped-def]
    if docname != root_doc:
        return
    files = {p.relative_to(DOCS).with_suffix("").as_posix(): p
             for p in DOCS.rglob("*.rst") if "_build" not in p.parts}
    pages = set(files) - {root_doc}
    # a page another page's toctree lists (a rule pack under a rules page) stays there
    for name, path in files.items():
        if name != root_doc:
            pages -= set(_toctree_entries(path.read_text(encoding="utf-8").splitlines())[2].values())
    lines = source[0].splitlines()
    start, end, entries = _toctree_entries(lines)
    if start is None:
        return
    extra = [f"   {name}" for name in sorted(pages - set(entries.values()))]
    at = next((i for i, name in entries.items() if name == _TOC_LAST),
              max(entries, default=end - 1) + 1)
    # rebuild: lines before the insertion point, the extra pages, the rest;
    # entries naming pages that do not exist (or named twice) are dropped
    seen: set[str] = set()

    def keep(i: int) -> bool:
        if i not in entries:
            return True
        name = entries[i]
        if name not in pages or name in seen:
            return False
        seen.add(name)
        return True

    out = [line for i, line in enumerate(lines[:at]) if keep(i)]
    out += extra
    out += [line for i, line in enumerate(lines[at:], at) if keep(i)]
    source[0] = "\n".join(out) + "\n"


def _reread_index(app, env, added, changed, removed):  # type: ignore[no-untyped-def]
    # a page added or removed changes the table of contents: read index again
    return [root_doc] if added or removed else []


def _attrs_signature(app, what, name, obj, options, signature, return_annotation):  # type: ignore[no-untyped-def]
    # a field with a default factory shows as ``figures=NOTHING``: say what it is
    if signature and "=NOTHING" in signature:
        signature = signature.replace("=NOTHING", "=<factory>")
    return signature, return_annotation


def setup(app):  # type: ignore[no-untyped-def]
    app.connect("autodoc-process-signature", _attrs_signature)
    app.connect("source-read", _complete_toctree)
    app.connect("env-get-outdated", _reread_index)
    return {"parallel_read_safe": True}
