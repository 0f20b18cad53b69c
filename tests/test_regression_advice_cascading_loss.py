"""Regression (found by the brute-force advice oracle, tests/advice_oracle.py): under the
cascading variant, losing one target match can change the type by taking the programs
under that target out of the count, and stability's ``matches_to_lose`` misses it.

Masterplan target ST1 (under mission SM1, matched to RM1) is matched to RPJMD targets RT1
(under RM1) and RT2 (under RM2); programs SP1 and SP2 sit under ST1, matched to RP1
(under RT1). They count while ST1 is matched to RT1, an ancestor of their counterpart.
Losing ST1 -> RT1 alone leaves ST1 matched to RT2 only: the masterplan now places SP1
and SP2 under an RPJMD target their counterpart is not under, they stop counting, and
the region falls from type A to unsynchronized: one match. (A target with no match at
all makes no claim: its programs start the cascade and count.) Stability looked for
losses that unsynchronize a stage through that stage's own matches only; it also takes
each match away alone (``_single_losses``), and names ST1 -> RT1 as the match to protect.
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
        ("RV1", "vision", None), ("RM1", "mission", "RV1"), ("RM2", "mission", "RV1"),
        ("RT1", "target", "RM1"), ("RT2", "target", "RM2"), ("RP1", "program", "RT1")]),
    masterplan=_plan(PlanKind.MASTERPLAN, [
        ("SV1", "vision", None), ("SM1", "mission", "SV1"),
        ("ST1", "target", "SM1"), ("ST2", "target", "SM1"),
        ("SP1", "program", "ST1"), ("SP2", "program", "ST1"), ("SP3", "program", "ST2")]),
    matches=tuple(Match(a, b, Relation.DERIVED, Source.MANUAL) for a, b in [
        ("SV1", "RV1"), ("SM1", "RM1"), ("ST1", "RT1"), ("ST1", "RT2"),
        ("SP1", "RP1"), ("SP2", "RP1"), ("SP3", "RP1")]))


def _without(*pairs: tuple[str, str]) -> Region:
    return attrs.evolve(REGION, matches=tuple(m for m in REGION.matches if m.key not in pairs))


def test_one_target_match_lost_changes_the_type():
    """The premise: without ST1 -> RT1 the region is unsynchronized; without both of ST1's
    matches its programs start the cascade and it keeps type A's programs."""
    classifier = CASCADING.classifier()
    assert classifier.classify(REGION).type.value == "vision"
    assert classifier.classify(_without(("ST1", "RT1"))).type.value == "unsynchronized"
    assert classifier.classify(_without(("ST1", "RT1"), ("ST1", "RT2"))).stages[
        "program"].synchronized == 3


def test_stability_finds_the_one_match():
    """matches_to_lose is 1 (SV1 -> RV1 alone gives type B, ST1 -> RT1 alone unsynchronized)."""
    classifier = CASCADING.classifier()
    result = stability(classifier.classify(REGION), classifier=classifier)
    assert result.matches_to_lose == 1
    assert len(result.lose) == 1 and classifier.classify(_without(*map(tuple, result.lose))).type \
        != classifier.classify(REGION).type


def test_stability_names_the_match_to_protect():
    """ST1 -> RT1 is the one match whose loss alone makes the region unsynchronized."""
    classifier = CASCADING.classifier()
    result = stability(classifier.classify(REGION), classifier=classifier)
    assert result.protect == (("ST1", "RT1"),)
    assert result.protect_falls_to.value == "unsynchronized"
