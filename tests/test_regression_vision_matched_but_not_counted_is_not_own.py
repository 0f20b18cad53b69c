"""Regression (newuser F160): under per-stage relations that do not count the vision's
``derived`` match, the characteristics said "The masterplan formulates its own smart city
vision" of a vision the file records as derived from the RPJMD vision. The rules now conclude
``own_vision`` ``matched`` for a vision matched but not counted, and say so in en and id; a
vision with no match at all is still the masterplan's own."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import smartsync

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "type-a-vision.yaml"
STRICT = {"stage_relations": {"vision": ["adopted"], "mission": ["adopted"],
                              "target": ["adopted", "derived"]}}


@pytest.mark.parametrize("lang, said, unsaid", [
    ("en", "The masterplan's vision is matched to the RPJMD vision V (derived), but under the rules "
           "in force that match does not count at the vision stage", "its own smart city vision"),
    ("id", "Visi masterplan dipadankan dengan visi RPJMD V (diturunkan), tetapi menurut aturan yang "
           "berlaku padanan itu tidak dihitung pada tahap visi", "visi smart city-nya sendiri"),
])
def test_a_vision_matched_but_not_counted_is_not_said_own(lang, said, unsaid):
    """The type A example with only adopted counting at the vision: its derived vision match
    is said, not an own vision."""
    result = smartsync.classify(EXAMPLE, params=STRICT)
    assert result.stages["vision"].synchronized == 0
    vision = result.characteristic("own_vision")
    assert vision.value == "matched"
    assert said in vision.message(lang) and unsaid not in vision.message(lang)


def test_a_vision_without_a_match_is_still_own():
    """The same example without its vision match: the masterplan formulates its own vision."""
    region = smartsync.load_region(EXAMPLE)
    region = attrs.evolve(region, matches=tuple(m for m in region.matches if m.masterplan != "SV"))
    assert smartsync.classify(region, params=STRICT).characteristic("own_vision").value is True
