"""Classifying with suggested matches: `classify --suggest` and the diagnostics that flag them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import smartsync
from smartsync import Match, Region
from smartsync.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def without_matches(region: Region, level: str) -> Region:
    """The region with the matches of one masterplan level taken away."""
    import attrs

    keep = tuple(m for m in region.matches if region.masterplan[m.masterplan].level.value != level)
    return attrs.evolve(region, matches=keep)


def test_suggested_only_elements_are_flagged() -> None:
    """Elements synchronized only by suggested matches are listed by suggested_matches_used."""
    region = smartsync.load_region(EXAMPLES / "type-d-program.yaml")
    programs = [e.id for e in region.masterplan.at("program")]
    manual = {m.masterplan for m in region.matches}
    unmatched = [p for p in programs if p not in manual]
    rpjmd_program = region.rpjmd.at("program")[0].id
    import attrs

    extra = tuple(Match(p, rpjmd_program, "aligned", source="suggested", score=0.9)
                  for p in unmatched)
    result = smartsync.classify(attrs.evolve(region, matches=region.matches + extra))
    flagged = result.diagnostics_with("suggested_matches_used")
    assert flagged and set(flagged[0].elements) == set(unmatched)
    assert flagged[0].severity == "info"
    assert "suggested" in flagged[0].message("en")
    assert not smartsync.classify(region).diagnostics_with("suggested_matches_used")


def test_type_resting_on_suggestions_needs_review() -> None:
    """When suggestions alone carry a stage of the chain over its threshold, rests_on_suggested says so."""
    region = smartsync.load_region(EXAMPLES / "type-b-mission.yaml")
    import attrs

    suggested = tuple(attrs.evolve(m, source="suggested", score=0.8, note=None)
                      if region.masterplan[m.masterplan].level.value == "mission" else m
                      for m in region.matches)
    result = smartsync.classify(attrs.evolve(region, matches=suggested))
    assert result.type.value == "mission"
    rests = result.diagnostics_with("rests_on_suggested")
    assert rests and rests[0].figures["stage"] == "mission"


def test_cli_classify_suggest_adds_suggestions(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """classify --suggest classifies with suggested matches added, and flags what rests on them."""
    region = smartsync.load_region(EXAMPLES / "type-c-target.yaml")
    stripped = without_matches(region, "program")
    path = tmp_path / "stripped.yaml"
    smartsync.dump_region(stripped, path)
    assert main(["classify", str(path), "--format", "json"]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert main(["classify", str(path), "--format", "json", "--suggest"]) == 0
    suggested = json.loads(capsys.readouterr().out)
    assert plain["stages"]["program"]["synchronized"] == 0
    assert suggested["stages"]["program"]["synchronized"] > 0
    codes = {d["code"] for d in suggested["diagnostics"]}
    assert "suggested_matches_used" in codes
