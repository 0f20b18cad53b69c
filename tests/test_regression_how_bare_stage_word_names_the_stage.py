"""Regression (newuser finding F214): ``explain --how misi`` (or ``mission``) on a type B region
printed the type's whole derivation, while on other regions a bare stage word printed the stage
alone (docs/trace.rst lists ``misi`` as a way to name a stage). A bare stage word now names the
stage whatever the region's type; a letter or ``tipe misi`` names the type."""

from __future__ import annotations

import pytest

from smartsync.cli import main

B = "examples/type-b-mission.yaml"


@pytest.mark.parametrize("asked", ["misi", "mission", "tahap misi"])
def test_a_bare_stage_word_gives_the_stage_on_a_region_of_that_type(asked, capsys):
    """--how misi on type B: the mission stage's lines, no 'So: type B'."""
    assert main(["explain", B, "--how", asked, "--lang", "id"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("✓ tahap misi tersinkronisasi: 3 dari 4")
    assert "Jadi: tipe B" not in out and "tahap program" not in out


@pytest.mark.parametrize("asked", ["B", "tipe misi", "type"])
def test_a_letter_or_tipe_still_gives_the_type(asked, capsys):
    """--how B / 'tipe misi' / type: the type's derivation."""
    assert main(["explain", B, "--how", asked]) == 0
    assert capsys.readouterr().out.rstrip().endswith("So: type B: synchronization starts at the mission")
