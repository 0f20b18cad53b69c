"""Advice: what to change to reach each type, and how stable a type is.

Checked by classifying, on the examples and on generated regions: a complete proposal
gives the promised type; ``needed`` is minimal (one fewer in any stage does not reach the
type) and equals the plain-Python oracle's count; the stability range is exact (the type
holds at both ends and changes just outside); the matches to lose change the type.
"""

from __future__ import annotations

import math

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import smartsync
from smartsync import Match, Parameters
from smartsync.advice import advise, stability, to_reach, with_proposal
from smartsync.variants import load_variant

from reference import reference_classify, type_rank
from strategies_typology import property_settings, typology_regions

EXAMPLES = "examples"


def _example(name: str) -> smartsync.Classification:
    return smartsync.classify(smartsync.load_region(f"{EXAMPLES}/{name}.yaml"))


def _rank(result: smartsync.Classification, value: object) -> int:
    typology = result.typology
    letter = typology.letter(value)
    if letter is None:
        return 0
    return len(typology.stages) - typology.stages.index(str(getattr(value, "value", value)))


def _added(region: smartsync.Region, advice, counts) -> smartsync.Region:
    """The region with the first ``counts[stage]`` proposed elements of each stage given a
    counted match (to the proposed RPJMD element, else to a free one of the same level)."""
    matches = list(region.matches)
    for stage, count in counts.items():
        chosen = [p for p in advice.proposal if p.stage == stage][:count]
        assert len(chosen) == count
        for p in chosen:
            rpjmd = p.rpjmd
            if rpjmd is None:
                taken = {m.rpjmd for m in region.matches if m.masterplan == p.masterplan}
                rpjmd = next(e.id for e in region.rpjmd.at(stage) if e.id not in taken)
            matches.append(Match(p.masterplan, rpjmd, p.relation))
    return attrs.evolve(region, matches=tuple(matches))


# ------------------------------------------------------------------ the examples

def test_unsynchronized_example_needs_five_programs_for_d_and_two_targets_more_for_a() -> None:
    """The issue's region: 5 more program matches give D; 2 more target matches on top give
    A (its vision and missions are already synchronized)."""
    result = _example("unsynchronized")
    advice = to_reach(result)
    assert list(advice) == ["A", "B", "C", "D"]
    assert dict(advice["D"].needed) == {"program": 5}
    assert advice["D"].gives.value == "program"
    assert dict(advice["A"].needed) == {"vision": 0, "mission": 0, "target": 2, "program": 5}
    assert advice["A"].gives.value == "vision"
    assert all(a.reachable for a in advice.values())
    # every proposed element is one the rules found unsynchronized
    assert {p.masterplan for p in advice["D"].proposal} <= set(result.stages["program"].unsynchronized_ids)
    assert len(advice["D"].proposal) == 5


def test_a_stage_the_masterplan_lacks_makes_a_type_unreachable_and_says_so() -> None:
    result = _example("type-d-program")
    advice = to_reach(result)
    assert sorted(advice) == ["A", "B", "C"]
    c = advice["C"]
    assert not c.reachable and not c.complete and c.proposal == () and dict(c.needed) == {}
    assert [(m.stage, m.plan) for m in c.missing] == [("target", "masterplan")]
    assert c.reasons  # the rules' own why-not on the region with every match added


def test_type_a_region_has_nothing_to_reach() -> None:
    assert to_reach(_example("type-a-vision")) == {}


def test_a_complete_proposal_is_confirmed_by_classifying() -> None:
    result = _example("unsynchronized")
    for advice in to_reach(result).values():
        done = smartsync.classify(with_proposal(result.region, advice))
        if advice.complete:
            assert _rank(result, done.type) >= _rank(result, advice.type)
        else:
            assert any(p.rpjmd is None for p in advice.proposal) or \
                _rank(result, done.type) < _rank(result, advice.type)


def test_stability_of_a_type_sitting_exactly_on_the_threshold_is_fragile() -> None:
    """Every stage at 0.5: one match less makes the region unsynchronized."""
    from strategies_typology import build_region

    region = build_region({"vision": 0, "mission": 0, "target": 2, "program": 4},
                          matched={"target": 1, "program": 2})
    result = smartsync.classify(region)
    assert result.type_letter == "C"
    s = stability(result)
    assert s.fragile
    assert s.threshold_to == 0.5
    assert s.matches_to_lose == 1
    assert s.falls_to.value in ("program", "unsynchronized")
    assert smartsync.classify(region, params={"threshold": math.nextafter(0.5, 1)}).type != result.type


def test_stability_of_the_examples_is_exact_at_both_ends() -> None:
    for name in ("type-a-vision", "type-b-mission", "type-c-target", "type-d-program",
                 "unsynchronized"):
        result = _example(name)
        s = stability(result)
        _check_stability(result, s)


def test_advice_json_keys() -> None:
    """The JSON form has to_reach and stability with their documented keys, every threshold an exact fraction."""
    data = advise(_example("unsynchronized")).to_dict()
    assert set(data) == {"to_reach", "stability"}
    assert {"reachable", "needed", "proposal", "complete"} <= set(data["to_reach"]["D"])
    assert {"masterplan", "rpjmd", "stage", "score", "relation", "change", "current", "limited",
            "counting", "refused", "rejected", "confirm", "only", "counting_but",
            "unasked", "review_note"} == set(
        data["to_reach"]["D"]["proposal"][0])
    assert {"threshold", "threshold_above", "threshold_to", "matches_to_lose", "falls_to", "protect",
            "protect_falls_to", "protect_checked", "protect_of"} <= set(data["stability"])
    assert data["stability"]["threshold_above"] == "3/16" and data["stability"]["threshold_to"] == "1"


def test_advice_for_a_variant_runs_the_variants_rules() -> None:
    """The goal-stage variant has five types: advice names its stages and letters, and its
    proposals, applied, give the type with the variant's own classifier."""
    variant = load_variant("goal-stage")
    classifier = variant.classifier()
    region = smartsync.load_region(f"{EXAMPLES}/unsynchronized.yaml")
    result = classifier.classify(region)
    advice = to_reach(result)
    assert list(advice) == ["A", "B", "C", "D", "E"]
    for item in advice.values():
        if item.reachable:
            done = classifier.classify(_added(region, item, item.needed))
            assert _rank(result, done.type) >= _rank(result, item.type)
            assert done.type == item.gives


def test_advice_refuses_what_is_not_a_classification() -> None:
    with pytest.raises(TypeError, match="Classification"):
        to_reach("examples/unsynchronized.yaml")  # type: ignore[arg-type]


# ----------------------------------------------------------------- properties

def _check_stability(result: smartsync.Classification, s) -> None:
    region = result.region
    params = result.params

    def at(t: float):
        return smartsync.classify(region, params=attrs.evolve(params, threshold=t)).type

    assert s.threshold_from <= params.threshold <= s.threshold_to
    assert at(s.threshold_from) == result.type
    assert at(s.threshold_to) == result.type
    if s.threshold_above > 0:
        assert at(s.threshold_above) != result.type
        assert at(s.threshold_above) == s.type_below
    if s.threshold_to < 1.0:
        assert at(math.nextafter(s.threshold_to, 2.0)) != result.type
        assert at(math.nextafter(s.threshold_to, 2.0)) == s.type_above
    if s.matches_to_lose is not None:
        lost = set(s.lose)
        kept = tuple(m for m in region.matches if m.key not in lost)
        assert len(region.matches) - len(kept) == s.matches_to_lose
        assert smartsync.classify(attrs.evolve(region, matches=kept), params=params).type == s.falls_to


@pytest.mark.slow  # many engine runs per example with element-level facts (issue 11)
@given(typology_regions(), st.sampled_from((0.5, 0.5, 0.3, 0.75, 1.0)))
@property_settings(60)
def test_needed_is_the_true_minimum_and_applying_it_gives_the_promised_type(region, threshold):
    params = Parameters(threshold=threshold)
    result = smartsync.classify(region, params=params)
    reference = reference_classify(region, threshold=threshold)
    advice = to_reach(result, suggest=False)
    own = type_rank(result.type)
    assert set(advice) == {result.typology.letter(t) for t in result.typology.type_enum
                           if result.typology.letter(t) and type_rank(t) > own}
    for item in advice.values():
        stages = result.typology.stages[result.typology.stages.index(item.type.value):]
        # the oracle: every present stage from the type's down must reach the threshold
        expected = {s: max(0, math.ceil(threshold * reference.stages[s].total - 1e-9)
                           - reference.stages[s].synchronized)
                    if reference.stages[s].present else 0 for s in stages}
        lacking = (not reference.stages[item.type.value].present
                   or not reference.stages["program"].present
                   or any(expected[s] and not region.rpjmd.at(s) for s in stages))
        assert item.reachable is not lacking
        if not item.reachable:
            assert item.missing
            continue
        assert dict(item.needed) == expected
        done = smartsync.classify(_added(region, item, item.needed), params=params)
        assert done.type == item.gives and type_rank(done.type) >= type_rank(item.type)
        for stage, count in item.needed.items():
            if count:
                fewer = smartsync.classify(_added(region, item, {**item.needed, stage: count - 1}),
                                           params=params)
                assert type_rank(fewer.type) < type_rank(item.type)


@given(typology_regions())
@property_settings(40)
def test_a_complete_proposal_gives_the_promised_type(region):
    result = smartsync.classify(region)
    for item in to_reach(result).values():
        if item.complete:
            done = smartsync.classify(with_proposal(region, item))
            assert done.type == item.gives
            assert type_rank(done.type) >= type_rank(item.type)


@pytest.mark.slow  # many engine runs per example with element-level facts (issue 11)
@given(typology_regions(), st.sampled_from((0.5, 0.3, 0.75, 1.0)))
@property_settings(60)
def test_stability_range_is_exact_and_the_losses_change_the_type(region, threshold):
    result = smartsync.classify(region, params={"threshold": threshold})
    s = stability(result)
    _check_stability(result, s)
    assert s.fragile == (result.type_letter is not None and s.threshold_to <= threshold < 1)


def test_the_module_examples_hold() -> None:
    import doctest

    import smartsync.advice

    assert doctest.testmod(smartsync.advice).failed == 0


def test_each_proposed_candidate_is_the_matchers_best_for_its_element():
    """The advice asks the matcher about the unsynchronized elements it may propose only;
    each candidate it proposes is still suggest_matches' best for that element (and an
    element the matcher has nothing for gets none, unless its level has one RPJMD element:
    that one, named as the only one)."""
    from smartsync.sample import typical_region

    regions = [_example(name).region for name in ("type-d-program", "type-b-mission")]
    regions += [typical_region(seed, programs=20, varied=True) for seed in range(6)]
    proposed = 0
    for region in regions:
        result = smartsync.classify(region)
        best: dict[str, tuple[str, float | None]] = {}
        for m in smartsync.suggest_matches(region, levels=result.typology.stages):
            best.setdefault(m.masterplan, (m.rpjmd, m.score))
        for wanted in advise(result).to_reach.values():
            for p in wanted.proposal:
                if p.only and p.masterplan not in best:  # the level's one RPJMD element
                    assert (p.score, len(region.rpjmd.at(p.stage))) == (None, 1)
                    continue
                assert (p.rpjmd, p.score) == best.get(p.masterplan, (None, None))
                proposed += p.rpjmd is not None
    assert proposed > 10


def test_one_advice_classifies_each_distinct_hypothetical_region_once():
    """advise() asks the live working memory about a region it derives (matches added or
    taken away, another threshold) once, however often its searches ask for it, never
    about the region itself, and runs no full classification of its own."""
    from smartsync.engine import Classifier
    from smartsync.sample import typical_region
    from smartsync.whatif import WhatIf

    classifier = Classifier()
    for region in [_example("type-d-program").region, _example("unsynchronized").region,
                   typical_region(7), typical_region(3, programs=20, varied=True)]:
        result = classifier.classify(region)
        runs: list[tuple[frozenset, float]] = []
        full: list[object] = []
        ask = WhatIf.classify
        classify = classifier.classify

        def counted(self, *, add=(), remove=(), threshold=None, params=None, probe=False):
            removed = {m if isinstance(m, tuple) else m.key for m in remove}
            matches = {m.key: m.relation for m in region.matches if m.key not in removed}
            matches.update({m.key: m.relation for m in add})
            runs.append((frozenset(matches.items()),
                         threshold if threshold is not None else result.params.threshold))
            return ask(self, add=add, remove=remove, threshold=threshold, params=params,
                       probe=probe)

        def classified(*args, **kwargs):
            full.append(args)
            return classify(*args, **kwargs)

        WhatIf.classify = counted  # type: ignore[method-assign]
        classifier.classify = classified  # type: ignore[method-assign]
        try:
            advise(result, classifier=classifier)
        finally:
            WhatIf.classify = ask  # type: ignore[method-assign]
            del classifier.classify
        assert runs, region.id
        assert not full, region.id
        assert len(runs) == len(set(runs)), region.id
        itself = (frozenset((m.key, m.relation) for m in region.matches), result.params.threshold)
        assert itself not in runs, region.id


@pytest.mark.parametrize("name", ["type-a-vision", "type-b-mission", "type-c-target", "type-d-program"])
def test_every_fall_advice_gives_the_type_it_names(name) -> None:
    """For every type below an example's own, each single loss, the set of losses and the threshold to_fall names give that type."""
    import attrs

    from smartsync.advice import to_fall

    result = _example(name)
    region = result.region
    below = [t for t in result.typology.type_enum if t != result.type
             and (result.typology.letter(t) is None or result.typology.letter(result.type) is not None
                  and result.typology.stages.index(t.value) > result.typology.stages.index(result.type.value))]
    assert below
    for t in below:
        fall = to_fall(result, t)
        assert fall.possible
        for pair in fall.single:
            assert smartsync.classify(attrs.evolve(region, matches=tuple(
                m for m in region.matches if m.key != pair))).type == t
        if fall.lose:
            gone = set(fall.lose)
            assert smartsync.classify(attrs.evolve(region, matches=tuple(
                m for m in region.matches if m.key not in gone))).type == t
        for above, up_to in fall.thresholds:
            for t_ in (math.nextafter(float(above), 2.0), float(up_to)):
                assert smartsync.classify(region, params={"threshold": t_}).type == t


def test_to_fall_refuses_a_type_not_below() -> None:
    """Asking what makes a region fall to its own type or a higher one is a ValueError."""
    from smartsync.advice import to_fall

    with pytest.raises(ValueError):
        to_fall(_example("type-b-mission"), "A")
