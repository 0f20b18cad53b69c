"""The worked example of a condition on one type (smartsync.rules.mission_coverage): type B
needs every RPJMD mission covered by a synchronized masterplan program; why-not, the
diagnostics and the words of the variant follow it, and no other type changes."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import regions

import smartsync
from smartsync.rules.mission_coverage import MISSION_COVERAGE


@pytest.fixture(scope="module")
def covered():
    return MISSION_COVERAGE.classifier()


def _reached(region, result) -> set[str]:
    parents = {e.id: e.parents for e in region.rpjmd.elements}
    todo = [m.rpjmd for m in region.matches
            if m.masterplan in result.stages["program"].synchronized_ids
            and region.rpjmd.get(m.rpjmd) is not None
            and region.rpjmd.get(m.rpjmd).level.value == "program"]
    seen: set[str] = set()
    while todo:
        element = todo.pop()
        if element not in seen:
            seen.add(element)
            todo.extend(parents.get(element, ()))
    return seen


def test_type_b_with_an_uncovered_rpjmd_mission_falls_to_c(covered):
    """The example region of type B has an RPJMD mission (M5) no synchronized program
    reaches: under the variant it is type C, and why-not B names M5 and the condition."""
    region = smartsync.load_region("examples/type-b-mission.yaml")
    c = covered.classify(region)
    assert c.type_letter == "C"
    [reason] = c.why_not("B")
    assert reason.rule == "chain_intact" and reason.values["condition"] == "mission_coverage"
    assert "M5 (of 5)" in reason.message() and "M5 (dari 5)" in reason.message("id")
    [finding] = c.diagnostics_with("condition_failed")
    assert "mission_coverage" not in finding.message("id")


def test_covering_the_last_mission_gives_type_b_again(covered):
    """Matching a masterplan program to a program under the uncovered RPJMD mission (the
    change the condition asks for) gives type B under the variant."""
    region = smartsync.load_region("examples/type-b-mission.yaml")
    under_m5 = [e.id for e in region.rpjmd.elements if e.level.value == "program"
                and any(p.startswith("S5") or p == "M5" for p in e.parents)]
    if not under_m5:  # find through the RPJMD's parents
        parents = {e.id: e.parents for e in region.rpjmd.elements}

        def above(i):
            out = set()
            while parents.get(i):
                i = parents[i][0]
                out.add(i)
            return out
        under_m5 = [e.id for e in region.rpjmd.elements
                    if e.level.value == "program" and "M5" in above(e.id)]
    assert under_m5
    orphan = covered.classify(region).stages["program"].unsynchronized_ids[0]
    fixed = attrs.evolve(region, matches=region.matches + (smartsync.Match(
        orphan, under_m5[0], "derived"),))
    assert covered.classify(fixed).type_letter == "B"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.data_too_large])
@given(region=regions(max_elements=6, max_matches=12))
def test_only_type_b_changes_and_only_as_the_condition_says(covered, region):
    """Under the variant, a region is B only when every RPJMD mission is reached by a
    synchronized program; a region the default calls A, C, D or unsynchronized keeps its
    type; a default B that is not B under the variant fails the condition."""
    default = smartsync.classify(region)
    mine = covered.classify(region)
    missions = {e.id for e in region.rpjmd.elements if e.level.value == "mission"}
    if mine.type_letter == "B":
        assert missions <= _reached(region, mine)
    if default.type_letter != "B":
        assert mine.type == default.type
    elif mine.type_letter != "B":
        assert not missions <= _reached(region, mine)
        assert mine.diagnostics_with("condition_failed")


def test_the_variant_words_stay_with_the_variant(covered):
    """The variant's messages are its classifier's: the default classifier, and the words
    of the process, never read them."""
    from smartsync import messages

    assert messages.text("condition.mission_coverage") == "condition.mission_coverage"
    c = covered.classify(smartsync.load_region("examples/type-b-mission.yaml"))
    from smartsync.render.text import render_text

    assert "an RPJMD mission has no synchronized masterplan program" in render_text(c)
    assert messages.text("condition.mission_coverage") == "condition.mission_coverage"
