"""Advice as a search over changes the rules judge, under every shipped variant.

A relation that does not count is changed rather than a duplicate match added; the
hypothetical matches carry a relation the rules count at their stage; the answer is the
same with and without the matcher's candidates; a type said to be unreachable is not
reached even with every pair of same-level elements matched by every relation; applying
the advice gives the promised type under the variant in force.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import smartsync
from smartsync import Match, Parameters
from smartsync.advice import to_reach
from smartsync.render.text import _shown
from smartsync.model import Relation
from smartsync.variants import (
    BUDGETED_PROGRAMS, CASCADING, DEFAULT, FIRST_SYNCHRONIZED, GOAL_STAGE, RELATIONS_PER_STAGE,
    Variant,
)

from strategies_typology import build_region, property_settings, typology_regions

#: a test variant: only ``adopted`` counts at the mission stage, every relation below
MISSION_ADOPTED = Variant("mission-adopted", DEFAULT.packs,
                          params=Parameters(stage_relations={"vision": ["adopted"],
                                                             "mission": ["adopted"]}))
VARIANTS = (DEFAULT, GOAL_STAGE, FIRST_SYNCHRONIZED, RELATIONS_PER_STAGE, BUDGETED_PROGRAMS,
            CASCADING, MISSION_ADOPTED)
_CLASSIFIERS: dict = {}


def _classifier(variant: Variant, role: str) -> smartsync.Classifier:
    """One classifier per variant and role (advice's, the checker's), built once."""
    if (variant.name, role) not in _CLASSIFIERS:
        _CLASSIFIERS[variant.name, role] = variant.classifier()
    return _CLASSIFIERS[variant.name, role]


def _applied(region: smartsync.Region, item) -> smartsync.Region:  # type: ignore[no-untyped-def]
    """The region with the advice's changes: each proposed change, a stand-in RPJMD element
    of the level where the proposal names none."""
    matches = {m.key: m for m in region.matches}
    for p in item.proposal:
        rpjmd = p.rpjmd
        if rpjmd is None:
            taken = {m.rpjmd for m in region.matches if m.masterplan == p.masterplan}
            free = [e for e in region.rpjmd.at(p.stage) if e.id not in taken]
            rpjmd = ([e for e in free if e.budget] or free)[0].id
        matches[(p.masterplan, rpjmd)] = Match(p.masterplan, rpjmd, p.relation)
    return attrs.evolve(region, matches=tuple(matches.values()))


def test_a_relation_that_does_not_count_is_changed_not_duplicated() -> None:
    """--relations adopted,derived and a program matched only 'aligned': change its relation."""
    region = build_region({"program": 1}, matched={"program": 1}, relation="aligned")
    params = Parameters(relations=("adopted", "derived"))
    result = smartsync.classify(region, params=params)
    assert result.type.value == "unsynchronized"
    d = to_reach(result)["D"]
    assert d.reachable and dict(d.needed) == {"program": 1}
    (p,) = d.proposal
    assert (p.masterplan, p.rpjmd, p.change, p.current, p.relation) == (
        "SP1", "P1", "relation", "aligned", "derived")
    assert d.complete
    assert smartsync.classify(_applied(region, d), params=params).type_letter == "D"


def test_hypothetical_matches_carry_a_relation_the_stage_counts() -> None:
    """Under relations-per-stage a mission match must be adopted or derived: B is reached
    by one such match, not called unreachable."""
    region = build_region({"mission": 1, "program": 1}, matched={"program": 1},
                          relation="aligned")
    classifier = _classifier(RELATIONS_PER_STAGE, "advice")
    result = classifier.classify(region)
    assert result.type_letter == "D"
    b = to_reach(result, classifier=classifier)["B"]
    assert b.reachable and b.found and dict(b.needed)["mission"] == 1
    assert all(p.relation in ("adopted", "derived") for p in b.proposal if p.stage == "mission")
    checker = _classifier(RELATIONS_PER_STAGE, "check")
    assert checker.classify(_applied(region, b)).type_letter in ("A", "B")


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
@given(region=typology_regions(max_per_level=3))
@property_settings(12)
def test_advice_applied_gives_the_promised_type_and_needs_no_candidates(variant, region
                                                                         ) -> None:
    """Applying each reachable advice gives its type (or higher) under the variant; the
    advice is the same with and without the matcher's candidates; an unreachable type is
    not reached even with every same-level pair matched by any relation."""
    classifier = _classifier(variant, "advice")
    checker = _classifier(variant, "check")
    result = classifier.classify(region)
    advice = to_reach(result, classifier=classifier)
    bare = to_reach(result, classifier=classifier, suggest=False)
    rank = _rank(result)
    for letter, item in advice.items():
        other = bare[letter]
        assert (item.reachable, dict(item.needed), item.gives, item.found) == (
            other.reachable, dict(other.needed), other.gives, other.found)
        if item.reachable and item.found:
            done = checker.classify(_applied(region, item))
            assert rank(done.type) >= rank(item.type)
            assert done.stages[item.type.value].is_synchronized
            # the text shows part of a long wide proposal and counts the rest: the pairs
            # shown and counted are the whole proposal applied above, none lost
            for stage in {p.stage for p in item.proposal}:
                shown, more = _shown(item, stage)
                mine = [p for p in item.proposal if p.stage == stage]
                assert len(shown) + more == len(mine) and all(p in mine for p in shown)
        elif not item.reachable:
            assert item.missing or item.reasons
            for relation in Relation:
                every = {m.key: m for m in region.matches}
                for stage in result.typology.stages:
                    if stage not in {e.level.value for e in region.masterplan.elements}:
                        continue
                    for mp in region.masterplan.at(stage):
                        for rp in region.rpjmd.at(stage):
                            every[(mp.id, rp.id)] = Match(mp.id, rp.id, relation)
                done = checker.classify(attrs.evolve(region, matches=tuple(every.values())))
                assert not (done.stages[item.type.value].is_synchronized
                            and rank(done.type) >= rank(item.type))


def _rank(result: smartsync.Classification):  # type: ignore[no-untyped-def]
    typology = result.typology

    def rank(value) -> int:  # type: ignore[no-untyped-def]
        if typology.letter(value) is None:
            return 0
        return len(typology.stages) - typology.stages.index(str(getattr(value, "value", value)))
    return rank
