"""What-if on the live working memory: the same conclusions as a new classification.

A differential test: on generated regions and under every shipped variant, a
hypothetical change (matches added, lost or given another relation, another
threshold) classified on the live run of the region gives the same type, stage
figures, characteristics, diagnostics and funding as classifying the changed
region from scratch; several what-ifs in one session do not add up; the session
leaves the working memory as the region's own run; and the original result's
trace is not touched.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import smartsync
from smartsync import Match, Parameters
from smartsync.model import Relation
from smartsync.variants import (
    BUDGETED_PROGRAMS, CASCADING, DEFAULT, FIRST_SYNCHRONIZED, GOAL_STAGE, RELATIONS_PER_STAGE,
)
from smartsync.whatif import COUNTS, WhatIf, what_if

from strategies_typology import build_region, property_settings, typology_regions

VARIANTS = (DEFAULT, GOAL_STAGE, FIRST_SYNCHRONIZED, RELATIONS_PER_STAGE, BUDGETED_PROGRAMS,
            CASCADING)


_CLASSIFIERS: dict = {}


def _classifier(variant, role: str) -> smartsync.Classifier:
    """One classifier per variant and role (the session's, the oracle's), built once."""
    key = (variant.name, role)
    if key not in _CLASSIFIERS:
        _CLASSIFIERS[key] = variant.classifier()
    return _CLASSIFIERS[key]


def _summary(result: smartsync.Classification) -> tuple:
    """What a classification concludes, in a form two runs can be compared by."""
    stages = {s: (r.present, r.total, r.synchronized, r.is_synchronized, r.full,
                  tuple(sorted(r.synchronized_ids)), tuple(sorted(r.unsynchronized_ids)))
              for s, r in result.stages.items()}
    characteristics = sorted((c.key, repr(c.value), repr(sorted(c.figures.items())))
                             for c in result.characteristics)
    diagnostics = sorted((d.code, d.severity, tuple(sorted(d.elements)))
                         for d in result.diagnostics)
    funding = None if result.funding is None else attrs.evolve(result.funding, fact_id=None)
    return (result.type, stages, tuple(result.chain), characteristics, diagnostics, funding)


def _stage_facts(find) -> tuple:
    """The stage coverages and the rejected matches a classification or a probe holds."""
    from smartsync.trace import plain

    def fields(fact) -> tuple:
        return tuple(sorted((k, repr(plain(fact.get(k)))) for k in ("stage", "coverage", "matches",
                                                              "masterplan", "rpjmd",
                                                              "condition")))
    return tuple(sorted(fields(f) for kind in ("StageCoverage", "MatchRejected")
                        for f in find(kind)))


@st.composite
def _changes(draw: st.DrawFn, region: smartsync.Region) -> tuple:
    """A change to a region: some matches removed, some added or given another relation,
    sometimes another threshold."""
    matches = list(region.matches)
    removed = draw(st.lists(st.sampled_from(matches), unique_by=lambda m: m.key,
                            max_size=len(matches))) if matches else []
    pairs = [(mp.id, rp.id) for mp in region.masterplan.elements for rp in region.rpjmd.elements
             if mp.level == rp.level]
    added = []
    if pairs:
        for mp, rp in draw(st.lists(st.sampled_from(pairs), unique=True, max_size=4)):
            added.append(Match(mp, rp, draw(st.sampled_from(list(Relation)))))
    threshold = draw(st.none() | st.sampled_from((0.25, 0.5, 0.75, 1.0, 1 / 3)))
    return removed, added, threshold


def _expected(variant, region, removed, added, threshold, params) -> smartsync.Classification:
    keys = {m.key for m in removed}
    matches = {m.key: m for m in region.matches if m.key not in keys}
    for m in added:
        matches[m.key] = m
    changed = attrs.evolve(region, matches=tuple(matches.values()))
    if threshold is not None:
        params = attrs.evolve(params, threshold=threshold)
    return _classifier(variant, "oracle").classify(changed, params=params)


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
@given(data=st.data())
@property_settings(25)
def test_what_if_concludes_what_a_new_classification_of_the_changed_region_does(variant, data
                                                                                ) -> None:
    """Several what-ifs in one session, each equal to classifying the changed region anew."""
    region = data.draw(typology_regions(max_per_level=3))
    classifier = _classifier(variant, "session")
    params = variant.params
    result = classifier.classify(region, params=params)
    before = _summary(result)
    steps = len(result.trace)
    with WhatIf(classifier, result) as session:
        for _ in range(data.draw(st.integers(1, 3))):
            removed, added, threshold = data.draw(_changes(region))
            # a probe runs the rules down to the type's phase only: the next full what-if
            # runs what it left waiting
            probe = data.draw(st.booleans())
            got = session.classify(add=added, remove=removed, threshold=threshold, probe=probe)
            want = _expected(variant, region, removed, added, threshold, params)
            if probe:
                assert (got.type, got.stages) == (want.type, want.stages)
                assert _stage_facts(got.find) == _stage_facts(want.trace.find)
            else:
                assert _summary(got) == _summary(want)
            assert got.type_letter == want.type_letter
    # back to the region itself: a what-if with no change gives the region's own result
    assert _summary(what_if(result, classifier=classifier)) == before
    assert len(result.trace) == steps  # the original trace is the original run's


def test_what_if_runs_the_region_again_when_another_region_was_classified_since() -> None:
    """A session on a result whose run the engine no longer holds runs it again, once."""
    classifier = DEFAULT.classifier()
    first = classifier.classify(build_region({"vision": 1, "program": 4}, matched={"program": 2}))
    classifier.classify(build_region({"program": 3}, matched={"program": 3}))
    reruns = COUNTS["reruns"]
    lost = what_if(first, remove=[("SP1", "P1")], classifier=classifier)
    assert COUNTS["reruns"] == reruns + 1
    assert lost.type.value == "unsynchronized"
    assert what_if(first, classifier=classifier).type_letter == "D"  # live again: no rerun
    assert COUNTS["reruns"] == reruns + 1


def test_what_if_trace_says_how_a_hypothetical_conclusion_was_reached() -> None:
    """The trace of a what-if result explains its type down to the hypothetical match."""
    result = smartsync.classify(build_region({"mission": 2, "program": 2},
                                             matched={"program": 2}))
    assert result.type_letter == "D"
    more = what_if(result, add=[Match("SM1", "M1", "adopted")])
    assert more.type_letter == "B"
    inputs = {(r.kind, r.get("masterplan"), r.get("rpjmd")) for r in more.how().inputs()}
    assert ("Match", "SM1", "M1") in inputs
    assert not more.trace.find("TypeResult", stage="program")  # D no longer concluded
    assert result.how().inputs()  # the original's own trace still reads


def test_relation_change_replaces_the_match_of_the_same_pair() -> None:
    """Adding a match for a pair the region links gives that match another relation."""
    region = build_region({"program": 2}, matched={"program": 2}, relation="aligned")
    params = Parameters(relations=("adopted", "derived"))
    result = smartsync.classify(region, params=params)
    assert result.type.value == "unsynchronized"
    changed = what_if(result, add=[Match("SP1", "P1", "derived")])
    assert changed.type_letter == "D"
    assert len(changed.region.matches) == 2


def test_what_if_outside_its_session_is_refused() -> None:
    """A session's classify outside its with-block is an error, not a silent change."""
    result = smartsync.classify(build_region({"program": 1}, matched={"program": 1}))
    session = WhatIf(DEFAULT.classifier(), result)
    with pytest.raises(RuntimeError):
        session.classify(threshold=0.9)


def test_threshold_what_if_keeps_the_element_conclusions() -> None:
    """Another threshold changes the stage statuses only: no element or coverage is decided
    again (the threshold is a fact of its own, joined by the status rules alone)."""
    region = build_region({"mission": 4, "target": 4, "program": 6},
                          matched={"mission": 2, "target": 3, "program": 5})
    classifier = DEFAULT.classifier()
    result = classifier.classify(region)
    assert result.type_letter == "B"
    with WhatIf(classifier, result) as session:
        strict = session.classify(threshold=0.8)
        assert strict.type_letter == "D"
        redone = {step.rule for step in strict.trace.steps[len(result.trace):]}
    assert redone, "the stricter threshold was concluded by firings after the region's run"
    assert not redone & {"element_synchronized", "element_unsynchronized",
                         "relation_not_counted", "stage_coverage", "stage_absent"}
    assert {"stage_synchronized", "stage_not_synchronized"} & redone
    strict_status = strict.trace.find("StageStatus", stage="mission")[-1]
    assert (strict_status.get("threshold"), strict_status.get("synchronized")) == (0.8, False)


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_per_stage_thresholds_reach_the_status_rules(variant) -> None:
    """A variant's per-stage threshold is the one a stage's status is compared with, in a
    full run and in a what-if that changes the general threshold."""
    region = build_region({"mission": 4, "program": 4}, matched={"mission": 3, "program": 4})
    params = attrs.evolve(variant.params, thresholds={**variant.params.thresholds,
                                                      "mission": 0.8})
    classifier = _classifier(variant, "session")
    result = classifier.classify(region, params=params)
    assert result.stages["mission"].threshold == 0.8
    assert not result.stages["mission"].is_synchronized
    loose = what_if(result, threshold=0.25, classifier=classifier)
    assert not loose.stages["mission"].is_synchronized  # its own threshold still applies
    assert loose.stages["program"].threshold == 0.25
    want = _classifier(variant, "oracle").classify(
        region, params=attrs.evolve(params, threshold=0.25))
    assert _summary(loose) == _summary(want)


def test_what_if_conclusions_rest_on_the_hypothesis_facts() -> None:
    """A conclusion a what-if keeps from the region's run (its stage still synchronized)
    is explained by a firing of the hypothesis: how() reaches no retracted fact."""
    region = build_region({"mission": 4, "program": 6}, matched={"mission": 3, "program": 5})
    classifier = DEFAULT.classifier()
    result = classifier.classify(region)
    status = result.trace.find("StageStatus", stage="program")[-1]
    changed = what_if(result, remove=[("SP1", "P1")], classifier=classifier)
    program = changed.stages["program"]
    assert (program.synchronized, program.is_synchronized) == (4, True)
    kept = changed.trace.find("StageStatus", stage="program")
    assert [f.id for f in kept if f.retracted_at is None] == [status.id]  # the same fact
    for tree in (changed.how(), changed.how("stage:program")):
        for _, node in tree.walk():
            assert node.fact.retracted_at is None, node.fact
    assert _summary(changed) == _summary(DEFAULT.classifier().classify(
        attrs.evolve(region, matches=tuple(m for m in region.matches
                                           if m.key != ("SP1", "P1")))))


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
@given(data=st.data())
@property_settings(10)
def test_study_curve_runs_conclude_what_classifications_at_their_thresholds_do(variant, data
                                                                               ) -> None:
    """A study's curve classifies its region once and what-ifs the other thresholds: each
    run concludes what a classification at that threshold does."""
    from smartsync.study import _Runs, curve

    region = data.draw(typology_regions(max_per_level=3))
    classifier = _classifier(variant, "session")
    runs = _Runs(classifier, region, variant.params)
    curve(classifier, region, params=variant.params, runs=runs)
    for threshold, got in runs.done.items():
        want = _classifier(variant, "oracle").classify(
            region, params=attrs.evolve(variant.params, threshold=float(threshold)))
        assert _summary(got) == _summary(want), threshold


def test_what_if_on_a_what_if_result_changes_the_same_run() -> None:
    """A session on a what-if's result starts from the live run (no new classification)
    and concludes what a classification of its changes does."""
    region = build_region({"mission": 3, "program": 4}, matched={"mission": 1, "program": 3})
    classifier = DEFAULT.classifier()
    result = classifier.classify(region)
    reruns = COUNTS["reruns"]
    more = what_if(result, add=[Match("SM2", "M1", "adopted")], classifier=classifier)
    assert more.type_letter == "B"
    fewer = what_if(more, remove=[("SP1", "P1"), ("SP2", "P1")], classifier=classifier)
    assert COUNTS["reruns"] == reruns  # both changed the region's own run
    want = classifier.classify(fewer.region)
    assert _summary(fewer) == _summary(want)
    assert what_if(more, classifier=classifier).type_letter == "B"  # a rerun: memory reset
    assert COUNTS["reruns"] == reruns + 1
