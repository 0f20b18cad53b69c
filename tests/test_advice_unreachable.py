"""Advice is true under every variant, checked against brute force on small regions
(up to 6 elements per level): every "cannot be reached" by trying every change of
matches (any pair, any level, synchronized elements too, each relation; under cascading,
whose rules are not monotone, every set of changes where there are few enough), and every
proposal applied reaches the type it promises -- under the default rules, the shipped
variants and test variants of three kinds (relations per stage, a condition above the
type's stage, a condition on one type)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smartsync
from advice_oracle import (
    Budget, Runs, every_pair_matched, reachable_by_any_change, reachable_by_some_set,
    some_counterparts_reach,
)
from strategies import regions
from test_element_variants import hierarchy_regions
from test_explanation_truth import THRESHOLDS, _params, variants
from smartsync.advice import to_reach
from smartsync.model import Element, Match, Period, Plan, PlanKind, Region
from smartsync.variants import CASCADING

_SETTINGS = dict(deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: small regions of any shape (any levels, parents, budgets), and typology-shaped ones with
#: hierarchies and up to 6 elements per level
SMALL = st.one_of(regions(max_elements=10, max_matches=10), hierarchy_regions(max_per_level=6))


def applied(region: Region, item, every: bool) -> Region:  # noqa: ANN001
    """The region with the advice's changes; an element the proposal names no counterpart
    for is given every RPJMD element of its level (``every``: "find one" promises that
    some counterpart does it)."""
    matches = {m.key: m for m in region.matches}
    for p in item.proposal:
        counterparts = [p.rpjmd] if p.rpjmd is not None else \
            [e.id for e in region.rpjmd.at(p.stage)] if every else []
        for rpjmd in counterparts:
            matches[(p.masterplan, rpjmd)] = Match(p.masterplan, rpjmd, p.relation)
    return attrs.evolve(region, matches=tuple(matches.values()))


def check_advice(classifier: smartsync.Classifier, region: Region, threshold: float) -> None:
    """Each type advice says cannot be reached is reached by no change the brute force
    tries; each it says can be reached is reached by its proposal (with every
    counterpart where it names none)."""
    params = _params(classifier, threshold)
    runs = Runs(classifier, region, params=params, limit=10_000)
    advice = to_reach(runs.result, classifier=classifier, suggest=False)
    for letter, item in advice.items():
        wanted = item.type.value
        if not item.reachable:
            if classifier.monotone:
                assert not reachable_by_any_change(runs, wanted), \
                    f"type {letter} is said to be unreachable, but a change of matches reaches it"
            else:  # cascading: every set of changes (adding a match can lower a type)
                try:
                    assert not reachable_by_some_set(runs, wanted), \
                        f"type {letter} is said to be unreachable, but a set of changes reaches it"
                except Budget:
                    pass
            assert item.missing or item.reasons
            continue
        if not item.found:
            continue
        if not classifier.monotone:
            # giving every counterpart at once proves nothing: some one of each must do
            try:
                assert some_counterparts_reach(runs, region, item.proposal, wanted), \
                    f"type {letter}: the proposal does not reach it"
            except Budget:
                pass
            continue
        done = runs.classify(applied(region, item, every=True))
        assert runs.reached(done, wanted), f"type {letter}: the proposal does not reach it"
        if item.complete:
            assert runs.reached(runs.classify(applied(region, item, every=False)), wanted), \
                f"type {letter}: said complete, but its proposal alone does not reach it"


@settings(max_examples=12, **_SETTINGS)
@given(region=SMALL, threshold=st.sampled_from(THRESHOLDS),
       variant=st.sampled_from(sorted(variants())))
def test_cannot_be_reached_is_true_under_every_variant(region, threshold, variant):
    """Under each variant a type said unreachable is reached by no change of matches, and a
    type said reachable is reached by the proposal."""
    check_advice(variants()[variant], region, threshold)


@pytest.mark.slow
@settings(max_examples=60, **_SETTINGS)
@given(region=SMALL, threshold=st.sampled_from(THRESHOLDS),
       variant=st.sampled_from(sorted(variants())))
def test_cannot_be_reached_is_true_under_every_variant_at_length(region, threshold, variant):
    """The same on many more small regions (slow)."""
    check_advice(variants()[variant], region, threshold)


def _element(id: str, level: str, *parents: str, budget: int | None = None) -> Element:
    return Element(id, level, f"text {id}", parents=parents, budget=budget)


def _second_match_region() -> Region:
    """Cascading: target ST1 (under mission SM1, matched to M1) is matched to T2, which
    lies under M2: ST1 counts only once SM1 is matched to M2 too."""
    e = _element
    rpjmd = (e("V", "vision"), e("M1", "mission", "V"), e("M2", "mission", "V"),
             e("T2", "target", "M2"), e("P2", "program", "T2", budget=5))
    masterplan = (e("SV", "vision"), e("SM1", "mission", "SV"), e("ST1", "target", "SM1"),
                  e("SP1", "program", "ST1"))
    return Region("9999", "Kota Uji", "kota", Plan(PlanKind.RPJMD, Period(2021, 2026), rpjmd),
                  Plan(PlanKind.MASTERPLAN, Period(2022, 2031), masterplan),
                  (Match("SV", "V", "derived"), Match("SM1", "M1", "derived"),
                   Match("ST1", "T2", "derived"), Match("SP1", "P2", "derived")))


def test_a_second_match_of_a_synchronized_element_is_advised_not_called_unreachable():
    """Under cascading, type C needs a second match of the synchronized mission SM1 (to M2,
    the ancestor of ST1's counterpart): the advice names that match, in en and id, and
    accepting it reaches C; it does not say C cannot be reached."""
    from smartsync.render.text import to_reach_lines

    classifier = CASCADING.classifier()
    region = _second_match_region()
    result = classifier.classify(region)
    assert result.type_letter == "D"
    c = to_reach(result, classifier=classifier, suggest=False)["C"]
    assert c.reachable and c.wide and c.complete
    assert [(p.masterplan, p.rpjmd, p.stage) for p in c.proposal] == [("SM1", "M2", "mission")]
    assert classifier.classify(applied(region, c, every=False)).type_letter in ("A", "B", "C")
    english = "\n".join(to_reach_lines(result, "en", {"C": c}))
    assert "cannot be reached" not in english
    assert 'SM1 "text SM1" -> M2 "text M2": add this match (derived)' in english
    indonesian = "\n".join(to_reach_lines(result, "id", {"C": c}))
    assert "tambahkan padanan ini (diturunkan)" in indonesian and "tingkat misi" in indonesian


def test_the_brute_force_finds_what_the_old_search_missed():
    """The oracle itself: on the region above, every pair matched reaches C under
    cascading, and with the synchronized mission's second match left out it does not."""
    classifier = CASCADING.classifier()
    region = _second_match_region()
    runs = Runs(classifier, region)
    assert reachable_by_any_change(runs, "target")
    every = every_pair_matched(region, lambda level: smartsync.Relation.DERIVED, True)
    kept = tuple(m for m in every.matches if m.key != ("SM1", "M2"))
    assert not runs.reached(runs.classify(attrs.evolve(region, matches=kept)), "target")


def check_fewest_losses(classifier: smartsync.Classifier, region: Region, threshold: float) -> None:
    """Where stability says its loss is proven the fewest, no set of fewer matches changes
    the type (every set tried); where to_fall says its set is proven, no set of fewer
    matches gives the type it names."""
    import itertools

    from advice_oracle import Budget, fewest_losses
    from smartsync.advice import stability, to_fall

    params = _params(classifier, threshold)
    runs = Runs(classifier, region, params=params, limit=10_000)
    result = runs.result
    s = stability(result, classifier=classifier)
    try:
        # the losses that lower the type: under cascading a loss can raise it too
        fewest, _ = fewest_losses(runs, max_matches=9, lowering=True)
    except Budget:
        return
    if s.lose_proven:
        assert s.matches_to_lose == fewest, (s.matches_to_lose, fewest)
    elif fewest is not None and (s.matches_to_lose is not None or classifier.monotone):
        # (under rules that are not monotone, "no loss found" not proven is no claim)
        assert s.matches_to_lose is not None and s.matches_to_lose >= fewest
    keys = sorted({m.key for m in region.matches})

    def without(pairs):  # noqa: ANN001, ANN202
        gone = set(pairs)
        return runs.classify(attrs.evolve(region, matches=tuple(
            m for m in region.matches if m.key not in gone))).type

    rank = (lambda t: 0 if result.typology.letter(t) is None
            else len(result.typology.stages) - result.typology.stages.index(t.value))
    for t in result.typology.type_enum:
        if rank(t) >= rank(result.type):
            continue
        fall = to_fall(result, t, classifier=classifier)
        if fall.single:
            assert not fall.lose  # one lost match is fewer than any set
        if fall.lose:
            assert without(fall.lose) == t
        if fall.lose and fall.lose_proven:
            for k in range(1, len(fall.lose)):
                for chosen in itertools.combinations(keys, k):
                    assert without(chosen) != t, (chosen, fall.lose)


@settings(max_examples=10, **_SETTINGS)
@given(region=regions(max_elements=8, max_matches=8), threshold=st.sampled_from(THRESHOLDS),
       variant=st.sampled_from(sorted(variants())))
def test_a_loss_said_to_be_the_fewest_is_the_fewest(region, threshold, variant):
    """Under each variant, a loss stability or explain --to says is the fewest is, by brute force."""
    check_fewest_losses(variants()[variant], region, threshold)


@pytest.mark.slow
@settings(max_examples=40, **_SETTINGS)
@given(region=st.one_of(regions(max_elements=8, max_matches=9), hierarchy_regions(max_per_level=3)),
       threshold=st.sampled_from(THRESHOLDS), variant=st.sampled_from(sorted(variants())))
def test_a_loss_said_to_be_the_fewest_is_the_fewest_at_length(region, threshold, variant):
    """The same on more small regions, with hierarchies (slow)."""
    check_fewest_losses(variants()[variant], region, threshold)
