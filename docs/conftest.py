"""Run the ``>>>`` examples of these pages from the repository root.

The pages use paths such as ``examples/...``, as a reader would from a clone;
pytest may be started from anywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _run_from_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Skip Sphinx's configuration and build output: they are not tests."""
    if collection_path.name == "conf.py" or "_build" in collection_path.parts:
        return True
    return None
