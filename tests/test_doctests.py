"""Every example in smartsync's docstrings runs as written (no module's examples can rot)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import smartsync


def _modules() -> list[str]:
    """Every module of the smartsync package, found by walking it (a new module is run too);
    ``__main__`` modules are programs, not libraries."""
    names = [smartsync.__name__]
    for info in pkgutil.walk_packages(smartsync.__path__, prefix="smartsync."):
        if info.name.rsplit(".", 1)[-1] != "__main__":
            names.append(info.name)
    return sorted(names)


def test_the_walk_finds_the_matching_modules() -> None:
    """The walk reaches the subpackages (the matching modules' examples are among those run)."""
    found = _modules()
    assert "smartsync.matching.bridge" in found and "smartsync.matching.scoring" in found


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_hold(name: str) -> None:
    """The examples in the module's docstrings give what they show."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
