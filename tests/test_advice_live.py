"""Advice on the live working memory gives what advice by new classifications gives.

A differential test: on generated regions and under every shipped variant, the
advice (what to change to reach each type, and the stability) that asks its
what-ifs of the region's live run (probes that run the rules down to the type's
phase, and a full what-if where it asks why-not) equals the advice that classifies
each changed region anew, with a classifier that has no working memory to share.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import smartsync
from smartsync.advice import advise

from strategies_typology import property_settings, typology_regions
from test_whatif import VARIANTS, _classifier


class _Anew:
    """A classifier that classifies every region from scratch: no live working memory for
    the advice to change (it classifies each hypothetical region)."""

    def __init__(self, classifier: smartsync.Classifier):
        self._classifier = classifier

    def __getattr__(self, name: str):
        if name == "_engine":
            raise AttributeError(name)
        return getattr(self._classifier, name)


def _to_reach(advice) -> dict:
    """The advice to reach each type, its why-not reasons by rule, condition, kind and the
    fact that blocks a ``NOT``.

    The facts' numbers behind a reason are left out: a what-if's facts are numbered on from
    the region's run, a new classification's from one. Where several facts block the same
    ``NOT`` (two rejected matches of one element), why-not names the first in a canonical
    order, not in working memory's, which differs once a what-if has taken a match away and
    put it back: the blocker is compared."""
    return {letter: attrs.evolve(t, reasons=tuple((r.kind, r.rule, r.pack, r.condition, r.path,
                                                   r.blocker)
                                                  for r in t.reasons))
            for letter, t in advice.to_reach.items()}


def _check(variant, region) -> None:
    live = _classifier(variant, "session")
    anew = _Anew(_classifier(variant, "oracle"))
    result = live.classify(region, params=variant.params)
    got = advise(result, classifier=live)
    want = advise(anew.classify(region, params=variant.params), classifier=anew)
    assert got.stability == want.stability
    assert _to_reach(got) == _to_reach(want)
    # and again from the working memory the first advice left
    again = advise(result, classifier=live)
    assert (again.stability, _to_reach(again)) == (got.stability, _to_reach(got))


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
@given(region=typology_regions(max_per_level=3))
@property_settings(6)
def test_live_advice_is_the_advice_of_new_classifications(variant, region) -> None:
    """advise() on the live run gives the same advice as classifying each changed region anew."""
    _check(variant, region)


@pytest.mark.slow
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
@given(region=typology_regions(max_per_level=6))
@property_settings(30)
def test_live_advice_is_the_advice_of_new_classifications_long(variant, region) -> None:
    """The same on more and larger generated regions."""
    _check(variant, region)


@pytest.mark.slow
@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
@pytest.mark.parametrize("seed", range(4))
def test_live_advice_on_typical_regions(variant, seed) -> None:
    """The same on typical regions (1/5/20/60 elements a level) under every variant."""
    from smartsync.sample import typical_region

    _check(variant, typical_region(500 + seed))


def test_the_advice_leaves_the_result_trace_as_the_region_run() -> None:
    """A result's trace, first read after its advice, is its own run's: the advice's
    what-ifs (probes among them) do not add to it."""
    from smartsync.sample import typical_region

    region = typical_region(112)
    live = smartsync.Classifier()
    result = live.classify(region)
    advise(result, classifier=live)
    alone = smartsync.Classifier().classify(region)
    assert result.trace.rules_fired == alone.trace.rules_fired
    assert len(result.trace.facts) == len(alone.trace.facts)
