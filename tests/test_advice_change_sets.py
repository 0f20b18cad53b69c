"""The advice's ``needed`` against a brute force over sets of changes (issue 21): on tiny
regions and under every shipped variant (and a test variant whose condition reaches above
the type's stage), every set of up to a few changes -- a match added between same-level
elements with each relation, a match's relation changed, a match taken away -- is
classified anew, and the advice must agree: a type it reaches with ``needed`` changes is
reached by no smaller set (rules that are monotone; :attr:`smartsync.Classifier.monotone`),
its complete proposal applied gives the type, and a type it says cannot be reached is
reached by no set within the bounds."""

from __future__ import annotations

import itertools

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import smartsync
from advice_oracle import Budget, Runs
from review_fixture import REGION_YAML
from strategies_typology import typology_regions
from smartsync import Match, Relation, Source
from smartsync.advice import to_reach
from smartsync.variants import (
    BUDGETED_PROGRAMS, CASCADING, DEFAULT, FIRST_SYNCHRONIZED, GOAL_STAGE, RELATIONS_PER_STAGE,
)
from variant_under_target import VARIANT as UNDER_TARGET

VARIANTS = [DEFAULT, GOAL_STAGE, FIRST_SYNCHRONIZED, RELATIONS_PER_STAGE, BUDGETED_PROGRAMS,
            CASCADING, UNDER_TARGET]
RELATIONS = (Relation.DERIVED, Relation.ADOPTED, Relation.ALIGNED)
_CLASSIFIERS: dict[str, object] = {}


def _classifier(variant):
    if variant.name not in _CLASSIFIERS:
        _CLASSIFIERS[variant.name] = variant.classifier()
    return _CLASSIFIERS[variant.name]


def candidate_changes(region) -> list[tuple[tuple[str, str], Match | None]]:
    """Every change of one pair: (pair, the match it then holds, ``None`` when taken away)."""
    current = {m.key: m for m in region.matches}
    out = []
    for element in region.masterplan.elements:
        for counterpart in region.rpjmd.at(element.level.value):
            key = (element.id, counterpart.id)
            held = current.get(key)
            out += [(key, Match(*key, r, Source.MANUAL)) for r in RELATIONS
                    if held is None or held.relation is not r]
            if held is not None:
                out.append((key, None))
    return out


def fewest_changes(runs: Runs, wanted: list[str], size: int, limit: int) -> dict[str, int | None]:
    """For each type, the fewest changes (at most ``size``) whose set reaches it, ``None``
    when no set of up to ``size`` does; :class:`Budget` past ``limit`` sets."""
    pool = candidate_changes(runs.region)
    total = sum(1 for k in range(size + 1) for _ in itertools.combinations(pool, k))
    if total > limit:
        raise Budget(f"{total} sets of changes")
    found: dict[str, int | None] = {w: None for w in wanted}
    for k in range(size + 1):
        for chosen in itertools.combinations(pool, k):
            if len({key for key, _ in chosen}) < k:
                continue  # two changes of one pair
            if all(found[w] is not None for w in wanted):
                return found
            changed = {key: m for key, m in chosen}
            matches = tuple(m for m in runs.region.matches if m.key not in changed) + tuple(
                m for m in changed.values() if m is not None)
            done = runs.classify(attrs.evolve(runs.region, matches=matches))
            for w in wanted:
                if found[w] is None and runs.reached(done, w):
                    found[w] = k
    return found


def check(variant, region, size: int = 2, limit: int = 1500) -> None:
    """The advice of ``region`` under ``variant`` against :func:`fewest_changes`."""
    classifier = _classifier(variant)
    runs = Runs(classifier, region, limit=limit + 10)
    advice = to_reach(runs.result, classifier=classifier, suggest=False)
    if not advice:
        return
    try:
        fewest = fewest_changes(runs, [t.type.value for t in advice.values()], size, limit)
    except Budget:
        return
    for letter, t in advice.items():
        brute = fewest[t.type.value]
        if not t.reachable:
            assert brute is None, f"type {letter} said unreachable; {brute} changes reach it"
            continue
        if not t.found:
            continue
        if classifier.monotone and not t.wide:
            n = sum(t.needed.values())
            assert brute is None or brute >= n, (
                f"type {letter}: the advice says {dict(t.needed)}, {brute} changes reach it")
        if t.complete:
            added = {(p.masterplan, p.rpjmd): Match(p.masterplan, p.rpjmd, Relation(p.relation),
                                                   Source.MANUAL) for p in t.proposal}
            done = runs.classify(attrs.evolve(region, matches=tuple(
                m for m in region.matches if m.key not in added) + tuple(added.values())))
            assert runs.reached(done, t.type.value), f"type {letter}: the proposal applied does not give it"


_SETTINGS = dict(deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                        HealthCheck.filter_too_much])
tiny = typology_regions(max_per_level=2)


def _fixed():
    review = smartsync.read_region(REGION_YAML)
    return [("review-fixture", review)]


@pytest.mark.parametrize("variant", VARIANTS, ids=[v.name for v in VARIANTS])
def test_needed_is_the_fewest_set_of_changes_quick(variant):
    """On a few tiny generated regions, no set of fewer changes than ``needed`` reaches a
    type, and no single change reaches one said to be unreachable."""
    settings(max_examples=3, **_SETTINGS)(given(tiny)(
        lambda region: check(variant, region, size=1, limit=400)))()


@pytest.mark.slow
@pytest.mark.parametrize("variant", VARIANTS, ids=[v.name for v in VARIANTS])
def test_needed_is_the_fewest_set_of_changes(variant):
    """On more tiny generated regions, every set of up to two changes agrees with the advice."""
    settings(max_examples=15, **_SETTINGS)(given(tiny)(
        lambda region: check(variant, region, size=2, limit=3000)))()
