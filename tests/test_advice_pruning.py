"""The advice's cut-short searches give the answers of the full ones, whatever the rules say.

``smartsync.advice`` skips classifications whose outcome cannot change its answer (a stage
whose smallest loss cannot beat the best found, a search whose lower bound has passed the
losses that would); ``tests/advice_reference.py`` keeps the full search. Both are run here
on the same classifications -- of the real rules, and of stand-in "rules" that conclude an
arbitrary type for each changed region, so that the equality does not rest on the rules
being monotone -- and must agree. Where the rules say they are monotone (a loss of matches
never raises the type), the search also skips the loss of a whole stage once a smaller loss
of that stage changed the type; stand-in rules that are monotone by construction, with a
salt, check that cut.
"""

from __future__ import annotations

import hashlib
import types

import pytest
from hypothesis import given
from hypothesis import strategies as st

import smartsync
from smartsync.advice import _fewest_losses, _Runs, advise
from smartsync.engine import Classifier, default_classifier
from smartsync.sample import typical_region

from advice_reference import fewest_losses
from strategies_typology import build_region, property_settings, typology_regions


class _ArbitraryRules:
    """A classifier whose "rules" conclude a type drawn from the changed region's matches
    and threshold with a salt (the same region, the same type): no order between the
    regions the search asks about, so a pruning that relies on one would show."""

    #: arbitrary types are not monotone: the searches may not assume they are
    monotone = False

    def __init__(self, result: smartsync.Classification, salt: int):
        self.result = result
        self.salt = salt
        self.types = list(result.typology.type_enum)

    def classify(self, region, params=None):  # type: ignore[no-untyped-def]
        threshold = None if params is None else params.threshold
        key = repr((self.salt, sorted(m.key for m in region.matches), threshold)).encode()
        draw = int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big")
        # the region's own type half of the time, any type otherwise
        chosen = self.result.type if draw % 2 else self.types[(draw >> 1) % len(self.types)]
        return types.SimpleNamespace(type=chosen)


def _both(result: smartsync.Classification, classifier) -> tuple:  # type: ignore[no-untyped-def]
    with _Runs(result, classifier) as runs:
        pruned = _fewest_losses(runs)
    with _Runs(result, classifier) as runs:
        return pruned, fewest_losses(runs)


_regions = st.one_of(
    typology_regions(max_per_level=8),
    st.builds(lambda seed, programs: typical_region(seed, programs=programs, varied=True),
              st.integers(0, 10_000), st.sampled_from((4, 8, 20))))


@given(_regions, st.sampled_from((0.5, 0.3, 0.75, 1.0)))
@property_settings(40)
def test_the_fewest_losses_are_those_of_the_full_search(region, threshold):
    result = default_classifier().classify(region, params={"threshold": threshold})
    pruned, full = _both(result, default_classifier())
    assert pruned == full


def _check_whatever_the_rules_conclude(region, threshold, salt):  # type: ignore[no-untyped-def]
    result = default_classifier().classify(region, params={"threshold": threshold})
    pruned, full = _both(result, _ArbitraryRules(result, salt))
    assert pruned == full


@given(_regions, st.sampled_from((0.5, 0.3, 0.75)), st.integers(0, 2**32))
@property_settings(300)
def test_the_fewest_losses_are_those_of_the_full_search_whatever_the_rules_conclude(
        region, threshold, salt):
    _check_whatever_the_rules_conclude(region, threshold, salt)


@pytest.mark.slow  # 3,000 examples, about half a minute
@given(_regions, st.sampled_from((0.5, 0.3, 0.75, 1.0)), st.integers(0, 2**32))
@property_settings(3000)
def test_the_fewest_losses_are_those_of_the_full_search_whatever_the_rules_conclude_long(
        region, threshold, salt):
    _check_whatever_the_rules_conclude(region, threshold, salt)


class _MonotoneRules:
    """A classifier whose "rules" are monotone by construction, drawn with a salt: each rank
    above unsynchronized needs, besides the rank below it, a drawn number of a drawn set of
    the region's matches; a changed region gets the highest rank whose needs its matches
    meet (losing matches never raises it)."""

    monotone = True

    def __init__(self, result: smartsync.Classification, salt: int):
        typology = result.typology
        ranked = sorted(typology.type_enum, key=lambda t: (
            typology.letter(t) is not None,
            -typology.stages.index(t.value) if typology.letter(t) is not None else 0))
        self.ranked = ranked  # unsynchronized first, then the base stage's type... the top's
        pairs = sorted(m.key for m in result.region.matches)
        self.needs = []
        for rank in range(1, len(ranked)):
            digest = hashlib.blake2b(repr((salt, rank)).encode(), digest_size=16).digest()
            drawn = frozenset(p for i, p in enumerate(pairs) if digest[i % 16] >> (i % 8) & 1)
            self.needs.append((drawn, digest[0] % (len(drawn) + 1)))

    def classify(self, region, params=None):  # type: ignore[no-untyped-def]
        kept = {m.key for m in region.matches}
        rank = 0
        for drawn, count in self.needs:
            if len(drawn & kept) < count:
                break
            rank += 1
        return types.SimpleNamespace(type=self.ranked[rank])


@given(_regions, st.sampled_from((0.5, 0.3, 0.75)), st.integers(0, 2**32))
@property_settings(200)
def test_the_fewest_losses_are_those_of_the_full_search_under_monotone_rules(
        region, threshold, salt):
    """Under stand-in rules that are monotone by construction, the search that skips a
    whole stage's loss once a smaller loss changed the type finds what the full one does."""
    result = default_classifier().classify(region, params={"threshold": threshold})
    pruned, full = _both(result, _MonotoneRules(result, salt))
    assert pruned == full


class _EveryLossChanges:
    """A classifier whose "rules" lower the type at every loss (to unsynchronized): each
    stage's answer is its element with the fewest matches."""

    def __init__(self, result: smartsync.Classification):
        self.other = next(t for t in result.typology.type_enum
                          if result.typology.letter(t) is None)

    def classify(self, region, params=None):  # type: ignore[no-untyped-def]
        return types.SimpleNamespace(type=self.other)


def test_a_tie_goes_to_the_first_stage_whichever_is_searched_first():
    """The target stage (3 of 10 matched: its figures suggest losing one element) is
    searched before the mission (4 of 5: two); both lose one match at the least, and the
    answer is the mission's, the first in stage order, as the full search gives."""
    region = build_region({"vision": 1, "mission": 5, "target": 10, "program": 4},
                          matched={"mission": 4, "target": 3, "program": 4})
    result = default_classifier().classify(region)
    pruned, full = _both(result, _EveryLossChanges(result))
    assert pruned == full
    assert full[0] == 1 and full[2] == (("SM1", "M1"),)


def test_a_stage_that_names_no_synchronized_element_is_not_searched():
    """A pack may count synchronized elements without naming them: such a stage has no
    element to take away, as in the full search (which classified the region itself)."""
    import attrs

    region = build_region({"vision": 1, "mission": 5, "target": 10, "program": 4},
                          matched={"mission": 4, "target": 3, "program": 4})
    real = default_classifier().classify(region)
    stages = dict(real.stages)
    stages["mission"] = attrs.evolve(stages["mission"], synchronized_ids=())
    result = attrs.evolve(real, stages=stages)
    pruned, full = _both(result, _EveryLossChanges(result))
    assert pruned == full
    assert full[2] == (("ST1", "T1"),)


def test_the_typical_region_is_advised_with_fewer_classifications():
    """The region ``benchmarks/bench_engine.py --cli`` classifies (``typical_region(7)``, type
    B): the full loss search asks 9 what-ifs (3 per synchronized stage), the pruned one 6
    (the target and program stages stop once their searches cannot lose fewer than the 3
    matches of the mission stage; the rules are monotone, so the mission's loss of its first
    elements that changes the type leaves the loss of all of them unasked); the whole advice
    18: 11 (not 15) for what to change and
    the fewest losses (what to change starts from the count the stages' figures suggest:
    when that reaches a type, adding a match to every unsynchronized element is not asked), 6 that clear the rest of the region's 128 matches, in groups, of
    lowering the type when lost alone (``_single_losses``: what to protect; 15 before the
    matches the loss search cleared were counted and each group left every element one
    counted match), and 1 at the threshold 1 (the type above the range holds up to it)."""
    from smartsync.whatif import WhatIf

    classifier = Classifier()
    result = classifier.classify(typical_region(7))
    assert result.type_letter == "B"
    counted: list[int] = []
    ask = WhatIf.classify

    def count(*args, **kwargs):  # type: ignore[no-untyped-def]
        counted.append(1)
        return ask(*args, **kwargs)

    WhatIf.classify = count  # type: ignore[method-assign]
    try:
        with _Runs(result, classifier) as runs:
            full = fewest_losses(runs)
        assert len(counted) == 9
        del counted[:]
        with _Runs(result, classifier) as runs:
            assert _fewest_losses(runs) == full
        assert full[0] == 3
        assert len(counted) == 6
        del counted[:]
        advise(result, classifier=classifier)
        assert len(counted) == 18
    finally:
        WhatIf.classify = ask  # type: ignore[method-assign]


_VARIANTS = None


def _variants() -> tuple:
    """Every shipped variant, each with a classifier for the advice's what-ifs and one for
    the oracle's classifications of changed regions (built once)."""
    global _VARIANTS
    if _VARIANTS is None:
        from smartsync.variants import (
            BUDGETED_PROGRAMS, CASCADING, DEFAULT, FIRST_SYNCHRONIZED, GOAL_STAGE,
            RELATIONS_PER_STAGE,
        )
        _VARIANTS = tuple((v, v.classifier(), v.classifier()) for v in (
            DEFAULT, GOAL_STAGE, FIRST_SYNCHRONIZED, RELATIONS_PER_STAGE, BUDGETED_PROGRAMS,
            CASCADING))
    return _VARIANTS


@given(st.data())
@property_settings(30)
def test_the_matches_whose_loss_alone_changes_the_type_are_those_each_reclassification_finds(
        data):
    """What to protect (each match whose loss alone changes the type, and the type it falls
    to), found by what-ifs on groups of matches and on the loss search's cleared ones, is
    what classifying the region anew without each match in turn finds, under every variant."""
    import attrs

    from smartsync.advice import _single_changes

    variant, classifier, oracle = data.draw(st.sampled_from(_variants()),
                                            label="variant")
    region = data.draw(_regions, label="region")
    threshold = data.draw(st.sampled_from((0.5, 0.3, 0.75, 1.0)), label="threshold")
    params = attrs.evolve(variant.params, threshold=threshold)
    result = classifier.classify(region, params=params)
    with _Runs(result, classifier) as runs:
        _fewest_losses(runs)  # what the advice asks first (its cleared matches are reused)
        changed, cleared, total = _single_changes(runs)
        # unsynchronized under monotone rules: nothing to lower, none tried (under rules
        # that are not monotone a loss can raise it: each match is tried)
        lowest = runs.rank(result.type) == 0 and runs.monotone
    expected = {}
    for pair in {m.key for m in region.matches}:
        kept = tuple(m for m in region.matches if m.key != pair)
        done = oracle.classify(attrs.evolve(region, matches=kept), params=params).type
        if done != result.type:
            expected[pair] = done
    assert changed == expected
    assert total == len({m.key for m in region.matches})
    assert cleared == (0 if lowest else total)
