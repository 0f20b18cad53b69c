"""Regression (newuser finding F196): ``explain --how element:SP3`` named one of the element's
two counting matches ("SP3 is synchronized: matched to P6"), and its JSON held one derivation,
though the stage's how lists both. It now names every match that synchronizes the element,
in the text (en and id), the checklist and the JSON's ``derivations``."""

from __future__ import annotations

import json

import attrs

import smartsync
from smartsync.cli import main
from smartsync.model import Match
from smartsync.render.plain import checklist


def _region():
    """examples/type-b-mission.yaml with SP1 matched to a second RPJMD program too."""
    b = smartsync.load_region("examples/type-b-mission.yaml")
    (first,) = [m for m in b.matches if m.masterplan == "SP1"]
    other = next(e.id for e in b.rpjmd.at("program") if e.id != first.rpjmd)
    return attrs.evolve(b, matches=b.matches + (Match("SP1", other, "derived"),)), first.rpjmd, other


def test_how_each_gives_one_derivation_per_counting_match():
    """Classification.how_each('element:SP1') gives both matches' conclusions (by RPJMD id);
    how() gives one of them."""
    region, one, two = _region()
    result = smartsync.classify(region)
    assert [d.fact.get("rpjmd") for d in result.how_each("element:SP1")] == [one, two]
    assert result.how("element:SP1").fact.get("rpjmd") in (one, two)
    assert len(result.how_each("element:SP2")) == 1


def test_the_checklist_names_both_matches_in_en_and_id():
    """'So: SP1 is synchronized by 2 matches that count: matched to P1 (...); matched to P2 (...)'."""
    region, one, two = _region()
    result = smartsync.classify(region)
    en = checklist(result, "en", "element:SP1")[-1]
    assert en.startswith("So: SP1 is synchronized by 2 matches that count: ")
    assert f"matched to {one} (" in en and f"matched to {two} (derived, manual)" in en
    id_ = checklist(result, "id", "element:SP1")[-1]
    assert id_.startswith("Jadi: SP1 tersinkronisasi oleh 2 padanan yang dihitung: ")
    assert f"dipadankan dengan {two} (diturunkan, manual)" in id_


def test_the_cli_json_holds_every_derivation(tmp_path, capsys):
    """explain --how element:SP1 --format json: derivations of both matches, and the checklist."""
    region, one, two = _region()
    path = tmp_path / "r.yaml"
    smartsync.dump_region(region, path)
    assert main(["explain", str(path), "--how", "element:SP1", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["fact"]["fields"]["rpjmd"] for d in data["derivations"]] == [one, two]
    assert "2 matches that count" in data["checklist"][-1]
