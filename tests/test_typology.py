"""The default typology: edge cases of the decision rule, its parameters, and the
properties that hold whatever the region (monotone in matches, threshold, relations)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reference import type_rank
from strategies_typology import (
    build_region, property_settings, typology_regions, unmatched_pairs, with_match,
)

import smartsync.engine
from smartsync import (
    DEFAULT_TYPOLOGY, InvalidRegionError, Match, Parameters, Region, Relation, SyncType, Typology,
    classify,
)

FULL = {"vision": 1, "mission": 2, "target": 2, "program": 2}


def codes(c) -> set[str]:
    return {d.code for d in c.diagnostics}


# ---------------------------------------------------------------- the threshold

def test_coverage_exactly_at_the_threshold_is_synchronized():
    """1 of 2 programs matched (coverage 0.5) reaches the inclusive threshold: type program, partial."""
    c = classify(build_region({"program": 2}, matched={"program": 1}))
    program = c.stages["program"]
    assert program.coverage == 0.5
    assert program.is_synchronized and program.partial and not program.full
    assert c.type is SyncType.PROGRAM


def test_coverage_just_below_the_threshold_is_not_synchronized():
    """1 of 3 programs matched (coverage 0.33) stays below 0.5: unsynchronized."""
    c = classify(build_region({"program": 3}, matched={"program": 1}))
    assert not c.stages["program"].is_synchronized
    assert c.type is SyncType.UNSYNCHRONIZED


def test_threshold_parameter_moves_the_decision():
    """1 of 3 is synchronized at threshold 0.3; 1 of 2 is not at 1.0, where only full coverage counts."""
    third = build_region({"program": 3}, matched={"program": 1})
    assert classify(third, params=Parameters(threshold=0.3)).type is SyncType.PROGRAM
    half = build_region({"program": 2}, matched={"program": 1})
    assert classify(half, params=Parameters(threshold=1.0)).type is SyncType.UNSYNCHRONIZED
    whole = build_region({"program": 2}, matched={"program": 2})
    c = classify(whole, params=Parameters(threshold=1.0))
    assert c.type is SyncType.PROGRAM and c.stages["program"].full


def test_per_stage_threshold_applies_to_its_stage_only():
    """A threshold set for the vision only (1.0) leaves the other stages at the default."""
    region = build_region(FULL, matched={"vision": 1, "mission": 1, "target": 1, "program": 1})
    c = classify(region, params=Parameters(thresholds={"mission": 1.0}))
    assert c.stages["mission"].threshold == 1.0 and not c.stages["mission"].is_synchronized
    assert c.stages["target"].threshold == 0.5 and c.stages["target"].is_synchronized
    assert c.type is SyncType.TARGET


def test_full_coverage_is_full():
    """Every element of a stage matched is reported as full, not partial."""
    c = classify(build_region(FULL, matched=FULL))
    assert all(s.full and not s.partial for s in c.stages.values())
    assert c.type is SyncType.VISION
    assert c.chain == ("vision", "mission", "target", "program")


# ---------------------------------------------------------------- the stages

def test_absent_stage_neither_counts_nor_breaks_the_chain():
    """No targets, missions and programs synchronized: type mission, target absent and out of the chain."""
    region = build_region({"vision": 1, "mission": 2, "program": 2},
                          rpjmd={"vision": 1, "mission": 1, "target": 1, "program": 1},
                          matched={"mission": 2, "program": 1})
    c = classify(region)
    target = c.stages["target"]
    assert (target.present, target.total, target.synchronized, target.is_synchronized) == \
        (False, 0, 0, False)
    assert c.type is SyncType.MISSION
    assert c.chain == ("mission", "program")
    assert "synchronized_above_break" not in codes(c)


def test_absent_stage_is_said_in_the_trace():
    """The trace records the absent stage with a stage_absent step concluding present false."""
    region = build_region({"vision": 1, "mission": 2, "program": 2},
                          matched={"mission": 2, "program": 1})
    c = classify(region)
    absent = [s for s in c.trace.steps if s.rule == "stage_absent"]
    assert [c.trace.facts[a].fields["stage"] for s in absent for a in s.asserted] == ["target"]


def test_masterplan_without_programs_is_unsynchronized_with_no_base_stage():
    """A masterplan without programs is unsynchronized with no_base_stage, and no break reported above."""
    c = classify(build_region({"vision": 1, "mission": 2, "target": 2},
                              matched={"vision": 1, "mission": 2, "target": 2}))
    assert c.type is SyncType.UNSYNCHRONIZED
    assert not c.stages["program"].present
    assert "no_base_stage" in codes(c)
    assert "synchronized_above_break" not in codes(c)


def test_region_with_no_matches_is_unsynchronized():
    """A region without matches is unsynchronized, every coverage 0, every program an orphan."""
    c = classify(build_region(FULL))
    assert c.type is SyncType.UNSYNCHRONIZED
    assert all(s.synchronized == 0 and s.coverage == 0 for s in c.stages.values())
    (orphans,) = c.diagnostics_with("orphan_programs")
    assert orphans.elements == ("SP1", "SP2")
    assert c.chain == ()


def test_matches_only_at_vision_are_synchronized_above_a_break():
    """Only the vision matched: unsynchronized, the vision reported above a break at each stage below."""
    c = classify(build_region(FULL, matched={"vision": 1}))
    assert c.type is SyncType.UNSYNCHRONIZED
    assert c.stages["vision"].is_synchronized
    (found,) = c.diagnostics_with("synchronized_above_break")  # one finding for the break
    assert found.figures["stages"] == ["vision"]
    assert found.figures["at"] == ["mission", "target", "program"]
    assert found.severity == "blocking"


def test_break_between_stages_sets_the_type_below_it():
    """Vision and programs matched, missions not: type program, vision reported above the break."""
    c = classify(build_region({"vision": 1, "mission": 2, "program": 2},
                              matched={"vision": 1, "program": 2}))
    assert c.type is SyncType.PROGRAM
    (found,) = c.diagnostics_with("synchronized_above_break")
    assert (found.figures["stages"], found.figures["at"]) == (["vision"], ["mission"])


def test_match_between_levels_is_refused_before_classifying():
    """A mission-to-program match is refused by classify() with InvalidRegionError."""
    region = build_region({"mission": 1, "program": 1}, rpjmd={"mission": 1, "program": 1})
    bad = Region(id=region.id, name=region.name, kind=region.kind, rpjmd=region.rpjmd,
                 masterplan=region.masterplan, matches=(Match("SM1", "P1", "derived"),))
    with pytest.raises(InvalidRegionError):
        classify(bad)


def test_match_between_levels_does_not_count_even_past_validation(monkeypatch):
    """A cross-level match that bypassed validation synchronizes nothing: only same-level matches count."""
    monkeypatch.setattr(smartsync.engine, "_check_region", lambda region: None)
    region = build_region({"program": 1}, rpjmd={"mission": 1, "program": 1})
    crossed = Region(id=region.id, name=region.name, kind=region.kind, rpjmd=region.rpjmd,
                     masterplan=region.masterplan, matches=(Match("SP1", "M1", "derived"),))
    c = classify(crossed)
    assert c.stages["program"].synchronized == 0
    assert c.type is SyncType.UNSYNCHRONIZED


# ---------------------------------------------------------------- relations and sources

def test_relations_excluding_aligned_drop_aligned_matches():
    """Aligned-only matches synchronize by default and not when only adopted and derived count."""
    region = build_region({"program": 2}, matched={"program": 2}, relation="aligned")
    assert classify(region).type is SyncType.PROGRAM
    c = classify(region, params=Parameters(relations=["adopted", "derived"]))
    assert c.type is SyncType.UNSYNCHRONIZED
    assert c.stages["program"].synchronized == 0
    assert classify(region, params=Parameters(relations=["aligned"])).type is SyncType.PROGRAM


def test_only_counted_relations_synchronize_an_element():
    """An element stays synchronized through a counted relation when its other relation does not count."""
    region = build_region({"program": 2}, rpjmd={"program": 2})
    matches = (Match("SP1", "P1", "aligned"), Match("SP1", "P2", "derived"),
               Match("SP2", "P1", "aligned"))
    region = Region(id=region.id, name=region.name, kind=region.kind, rpjmd=region.rpjmd,
                    masterplan=region.masterplan, matches=matches)
    c = classify(region, params=Parameters(relations=["derived", "adopted"]))
    assert c.stages["program"].synchronized_ids == ("SP1",)
    assert c.stages["program"].unsynchronized_ids == ("SP2",)


def test_type_resting_on_suggested_matches_is_flagged():
    """A type resting on suggested matches only is flagged rests_on_suggested; with manual ones it is not."""
    suggested = classify(build_region({"program": 2}, matched={"program": 2}, source="suggested"))
    assert suggested.type is SyncType.PROGRAM
    (finding,) = suggested.diagnostics_with("rests_on_suggested")
    assert finding.figures["stage"] == "program" and finding.figures["manual"] == 0
    manual = classify(build_region({"program": 2}, matched={"program": 2}))
    assert not manual.diagnostics_with("rests_on_suggested")


def test_disjoint_periods_are_reported():
    """Plan periods that share no year give periods_disjoint; touching periods do not."""
    apart = build_region({"program": 1}, matched={"program": 1},
                         periods=((2016, 2021), (2022, 2031)))
    assert "periods_disjoint" in codes(classify(apart))
    touching = build_region({"program": 1}, matched={"program": 1},
                            periods=((2016, 2021), (2021, 2031)))
    assert "periods_disjoint" not in codes(classify(touching))


def test_matched_rpjmd_program_without_budget_is_reported():
    """A match to an RPJMD program without budget gives unbudgeted_rpjmd_programs and nothing fundable."""
    c = classify(build_region({"program": 1}, matched={"program": 1}, budgets=False))
    (finding,) = c.diagnostics_with("unbudgeted_rpjmd_programs")
    assert finding.elements == ("P1",)
    assert c.funding.fundable == 0 and c.funding.budget == 0


# ---------------------------------------------------------------- typology and parameters

def test_type_letters_and_names():
    """Types vision..program are letters A..D, unsynchronized none; types parse from names and letters."""
    assert [DEFAULT_TYPOLOGY.letter(t) for t in SyncType] == ["A", "B", "C", "D", None]
    assert DEFAULT_TYPOLOGY.parse_type("B") is SyncType.MISSION
    assert DEFAULT_TYPOLOGY.parse_type("sasaran") is SyncType.TARGET
    assert DEFAULT_TYPOLOGY.parse_type("Unsynchronized") is SyncType.UNSYNCHRONIZED
    with pytest.raises(ValueError, match="expected one of"):
        DEFAULT_TYPOLOGY.parse_type("goal")


@pytest.mark.parametrize("bad", [0, -0.1, 1.5, True, "half"])
def test_parameters_refuse_impossible_thresholds(bad):
    """A threshold outside (0, 1] or not a number is refused with a ValueError naming it."""
    with pytest.raises(ValueError, match="threshold"):
        Parameters(threshold=bad)


def test_parameters_refuse_no_relations_and_unknown_relations():
    """An empty relation set, or an unknown relation, is refused."""
    with pytest.raises(ValueError):
        Parameters(relations=[])
    with pytest.raises(ValueError, match="relation"):
        Parameters(relations=["copied"])


def test_typology_refuses_repeated_or_no_stages():
    """A typology variant must name at least one stage and no stage twice."""
    with pytest.raises(ValueError):
        Typology("empty", ())
    with pytest.raises(ValueError):
        Typology("twice", ("vision", "visi", "program"))


# ---------------------------------------------------------------- properties

@property_settings(60)
@given(typology_regions(), st.data())
def test_adding_a_match_never_lowers_the_type(region, data):
    """Adding a match never moves the type lower (unsynchronized < program < target < mission < vision)."""
    pairs = unmatched_pairs(region)
    if not pairs:
        return
    masterplan_id, rpjmd_id = data.draw(st.sampled_from(pairs))
    source = data.draw(st.sampled_from(["manual", "suggested"]))
    extra = Match(masterplan_id, rpjmd_id, data.draw(st.sampled_from(list(Relation))),
                  source=source, score=0.9 if source == "suggested" else None)
    before = classify(region).type
    after = classify(with_match(region, extra)).type
    assert type_rank(after) >= type_rank(before)


@property_settings(40)
@given(typology_regions(), st.sampled_from([0.3, 0.5, 0.75]), st.sampled_from([0.5, 0.8, 1.0]))
def test_raising_the_threshold_never_raises_the_type(region, low, high):
    """A higher coverage threshold never gives a higher type."""
    if low > high:
        low, high = high, low
    lower = classify(region, params=Parameters(threshold=low)).type
    higher = classify(region, params=Parameters(threshold=high)).type
    assert type_rank(higher) <= type_rank(lower)


@property_settings(30)
@given(typology_regions(), st.lists(st.sampled_from(list(Relation)), min_size=1, unique=True))
def test_counting_fewer_relations_never_raises_the_type(region, relations):
    """Counting a subset of the relations never gives a higher type than counting all."""
    subset = classify(region, params=Parameters(relations=relations)).type
    assert type_rank(subset) <= type_rank(classify(region).type)


def test_zero_budget_funds_nothing():
    """A matched RPJMD program whose pagu indikatif is 0 is reported unbudgeted and funds nothing."""
    import attrs

    region = build_region({"program": 2}, matched={"program": 2})
    zeroed = tuple(attrs.evolve(e, budget=0) if e.level.value == "program" else e
                   for e in region.rpjmd.elements)
    c = classify(attrs.evolve(region, rpjmd=attrs.evolve(region.rpjmd, elements=zeroed)))
    assert c.diagnostics_with("unbudgeted_rpjmd_programs")
    assert c.funding.fundable == 0 and c.funding.budget == 0
