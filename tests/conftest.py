"""Shared pytest set-up: name the dependency set under test in the report header."""

from __future__ import annotations

from importlib import metadata


def pytest_report_header(config):  # type: ignore[no-untyped-def]
    """One line saying which experta, frozendict and schema this run uses."""
    versions = []
    for name in ("experta", "frozendict", "schema", "attrs", "PyYAML"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    return "smartsync dependencies: " + ", ".join(versions)
