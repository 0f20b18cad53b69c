"""Regression (newuser F197): the mission-coverage variant, the worked example of
docs/variants.rst, named itself in English under ``--lang id`` in every output's heading
("Aturan: mission-coverage (Type B needs every RPJMD mission ...)")."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import smartsync.rules
from smartsync.cli import main
from smartsync.messages import variant_description
from smartsync.variants import Variant, available_variants, load_variant

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _shipped_variants() -> list[Variant]:
    found = [load_variant(name) for name in available_variants()]
    for module in pkgutil.iter_modules(smartsync.rules.__path__):
        loaded = __import__(f"smartsync.rules.{module.name}", fromlist=["*"])
        for name in getattr(loaded, "__all__", ()):
            value = getattr(loaded, name)
            if isinstance(value, Variant):
                found.append(value)
    return found


def test_every_variant_the_package_ships_has_indonesian_words_of_its_own() -> None:
    """Each variant the package ships (registered, or a module of smartsync.rules) is
    described in Indonesian, not in its English words."""
    variants = _shipped_variants()
    assert any(v.name == "mission-coverage" for v in variants)
    for variant in variants:
        assert variant_description(variant, "id") != variant_description(variant, "en"), variant.name


def test_the_heading_of_classify_names_mission_coverage_in_indonesian(capsys) -> None:
    """``classify --rules smartsync.rules.mission_coverage:MISSION_COVERAGE --lang id``
    heads its output with the Indonesian description."""
    code = main(["classify", str(EXAMPLES / "type-b-mission.yaml"), "--rules",
                 "smartsync.rules.mission_coverage:MISSION_COVERAGE", "--lang", "id"])
    out = capsys.readouterr().out
    assert code == 0
    assert ("Aturan: mission-coverage (Tipe B mensyaratkan setiap misi RPJMD memiliki program "
            "masterplan tersinkronisasi di bawahnya)") in out
    assert "Type B needs" not in out
