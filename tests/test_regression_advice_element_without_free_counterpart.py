"""Regression (found by the brute-force advice oracle, tests/test_advice_oracle.py): an
unsynchronized element whose only RPJMD counterpart it is already matched to (by a
relation that does not count at its stage) hides the elements after it from advice.

Under relations-per-stage, masterplan missions SM1 and SM2, RPJMD mission M1, and SM1
matched to M1 as ``aligned`` (not counted at the mission stage): giving SM2 a derived
match to M1 and SP1 one to P1 reaches type B (1 of 2 missions, threshold 0.5), yet
advice says B is unreachable ("the masterplan has no target") -- ``_addable`` stops at
SM1, which cannot take a new match, instead of going on to SM2.
"""

from __future__ import annotations

import attrs
import pytest

from smartsync import Match, Relation, Source
from smartsync.advice import to_reach
from smartsync.model import Element, Period, Plan, PlanKind, Region, RegionKind
from smartsync.variants import RELATIONS_PER_STAGE

REGION = Region(
    id="x", name="Kota Uji", kind=RegionKind.KOTA,
    rpjmd=Plan(PlanKind.RPJMD, Period(2021, 2026), (
        Element(id="M1", level="mission", text="misi"), Element(id="P1", level="program", text="program"))),
    masterplan=Plan(PlanKind.MASTERPLAN, Period(2021, 2026), (
        Element(id="SM1", level="mission", text="misi satu"), Element(id="SM2", level="mission", text="misi dua"),
        Element(id="SP1", level="program", text="program"))),
    matches=(Match("SM1", "M1", Relation.ALIGNED, Source.MANUAL),))


def test_the_type_is_reachable_by_the_matches_said():
    """The premise: two derived matches (SM2 -> M1, SP1 -> P1) give the region type B."""
    classifier = RELATIONS_PER_STAGE.classifier()
    added = attrs.evolve(REGION, matches=REGION.matches + (
        Match("SM2", "M1", Relation.DERIVED, Source.MANUAL), Match("SP1", "P1", Relation.DERIVED, Source.MANUAL)))
    assert classifier.classify(REGION).type.value == "unsynchronized"
    assert classifier.classify(added).type.value == "mission"


def test_advice_finds_type_b_reachable():
    """Advice says type B is reachable, with one mission and one program element to match."""
    classifier = RELATIONS_PER_STAGE.classifier()
    advice = to_reach(classifier.classify(REGION), classifier=classifier, suggest=False)["B"]
    assert advice.reachable
    assert dict(advice.needed) == {"mission": 1, "target": 0, "program": 1}
