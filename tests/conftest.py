"""Shared pytest set-up: name the dependency set under test in the report header, and
choose how hypothesis draws its examples.

Hypothesis profiles (``SMARTSYNC_HYPOTHESIS_PROFILE``; ``.ci/run`` sets ``ci``):

- ``ci``: derandomized -- every run draws the same examples (seeded from each test), so
  a failure in CI fails again on the next run and on a developer's machine, and no
  example database is kept between runs; a failing example is printed with the
  ``@reproduce_failure`` blob to paste. Bugs hypothesis found are pinned as ``@example``s
  of the tests that found them.
- ``dev`` (the default): random examples, kept in hypothesis's example database
  (``.hypothesis/``, git-ignored), so a failure found once is tried first the next time.
"""

from __future__ import annotations

import os
from importlib import metadata

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("dev", print_blob=True)
PROFILE = os.environ.get("SMARTSYNC_HYPOTHESIS_PROFILE", "dev")
settings.load_profile(PROFILE)


def pytest_report_header(config):  # type: ignore[no-untyped-def]
    """One line saying which experta, frozendict and schema this run uses, and the hypothesis profile."""
    versions = []
    for name in ("experta", "frozendict", "schema", "attrs", "PyYAML"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    return ["smartsync dependencies: " + ", ".join(versions),
            f"hypothesis profile: {PROFILE} (SMARTSYNC_HYPOTHESIS_PROFILE)"]


@pytest.fixture(autouse=True, scope="session")
def _code_cache_of_the_session(tmp_path_factory):  # type: ignore[no-untyped-def]
    """The ``smartsync`` commands the tests run keep their code cache
    (:mod:`smartsync._codecache`) in the session's temporary folder, not the user's."""
    os.environ.setdefault("SMARTSYNC_CACHE_DIR", str(tmp_path_factory.mktemp("code-cache")))


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    """One headless Chromium per test module (``Chromium`` of tests/test_report_browser.py),
    closed after it; the module importing ``Chromium`` is skipped without it."""
    from test_report_browser import Chromium

    chromium = Chromium()
    yield chromium
    chromium.close()
