"""Regression (found by the brute-force advice oracle, tests/advice_oracle.py): under the
cascading variant, losing one target match can change the type by taking the programs
under that target out of the count, and stability's ``matches_to_lose`` misses it.

Masterplan target ST3 (under mission SM1) is matched to RPJMD target RT2; programs SP1
and SP3 sit under ST3 and count only while ST3 is matched to an ancestor of their
counterpart (RP1, under RT2). Losing ST3 -> RT2 alone takes two of the three programs
out, and the region falls from type D to unsynchronized: one match. Stability said two
(it looked for losses that unsynchronize a stage through that stage's own matches only);
it now also takes each match away alone (``_single_losses``), and names ST3 -> RT2 as
the match to protect.
"""

from __future__ import annotations

import attrs
from smartsync import Match, Relation, Source
from smartsync.advice import stability
from smartsync.model import Element, Period, Plan, PlanKind, Region, RegionKind
from smartsync.variants import CASCADING


def _plan(kind: PlanKind, elements: list[tuple[str, str, str | None]]) -> Plan:
    return Plan(kind, Period(2021, 2026), tuple(
        Element(id=i, level=level, text=i, parents=(parent,) if parent else (),
                budget=1000 if level == "program" else None) for i, level, parent in elements))


REGION = Region(
    id="x", name="Kota Uji", kind=RegionKind.KOTA,
    rpjmd=_plan(PlanKind.RPJMD, [
        ("RV1", "vision", None), ("RM1", "mission", "RV1"), ("RM2", "mission", "RV1"), ("RM3", "mission", "RV1"),
        ("RT1", "target", "RM2"), ("RT2", "target", "RM3"), ("RT3", "target", "RM2"), ("RP1", "program", "RT2")]),
    masterplan=_plan(PlanKind.MASTERPLAN, [
        ("SV1", "vision", None), ("SM1", "mission", "SV1"), ("SM2", "mission", "SV1"),
        ("ST1", "target", "SM2"), ("ST2", "target", "SM1"), ("ST3", "target", "SM1"),
        ("SP1", "program", "ST3"), ("SP2", "program", "ST2"), ("SP3", "program", "ST3")]),
    matches=tuple(Match(a, b, Relation.DERIVED, Source.MANUAL) for a, b in [
        ("SV1", "RV1"), ("SM1", "RM2"), ("SM2", "RM1"), ("ST2", "RT2"), ("ST3", "RT2"),
        ("SP1", "RP1"), ("SP2", "RP1"), ("SP3", "RP1")]))


def test_one_target_match_lost_changes_the_type():
    """The premise: without ST3 -> RT2 the region is no longer type D."""
    classifier = CASCADING.classifier()
    assert classifier.classify(REGION).type.value == "program"
    without = attrs.evolve(REGION, matches=tuple(m for m in REGION.matches if m.key != ("ST3", "RT2")))
    assert classifier.classify(without).type.value == "unsynchronized"


def test_stability_finds_the_one_match():
    """matches_to_lose is 1, and the match to lose is ST3 -> RT2."""
    classifier = CASCADING.classifier()
    result = stability(classifier.classify(REGION), classifier=classifier)
    assert result.matches_to_lose == 1
    assert list(map(tuple, result.lose)) == [("ST3", "RT2")]


def test_stability_names_the_match_to_protect():
    """ST3 -> RT2 is the one match whose loss alone makes the region unsynchronized."""
    classifier = CASCADING.classifier()
    result = stability(classifier.classify(REGION), classifier=classifier)
    assert result.protect == (("ST3", "RT2"),)
    assert result.protect_falls_to.value == "unsynchronized"
