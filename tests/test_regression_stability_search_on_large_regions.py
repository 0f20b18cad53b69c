"""Issue 23: on a large fragile region (every single loss changes the type) the search for
matches to protect asked its full 400 classifications, each counting the region's stages
again: 2,500 programs a plan took 208 s. The search now asks fewer on a larger region
(:func:`smartsync.advice.protect_limit`), and says it was cut."""

from __future__ import annotations

import math

import attrs
import pytest

import smartsync
from smartsync import advice
from smartsync.model import Level
from smartsync.render.text import stability_lines
from smartsync.sample import typical_region


def _fragile(programs: int) -> smartsync.Classification:
    """A generated region whose program stage holds exactly at its threshold."""
    region = typical_region(0, programs=programs)
    ids = [e.id for e in region.masterplan.elements if e.level is Level.PROGRAM]
    need = math.ceil(0.5 * len(ids))
    kept: list[str] = []
    for m in region.matches:
        if m.masterplan in set(ids) and m.masterplan not in kept and len(kept) < need:
            kept.append(m.masterplan)
    keep = set(kept)
    region = attrs.evolve(region, matches=tuple(m for m in region.matches
                                                if m.masterplan not in set(ids) or m.masterplan in keep))
    return smartsync.classify(region)


def test_the_limit_falls_with_the_region_and_has_a_floor() -> None:
    """A small region keeps PROTECT_LIMIT; a larger one gets PROTECT_WORK over its size, never below PROTECT_MIN."""
    small = smartsync.load_region("examples/type-b-mission.yaml")
    assert advice.protect_limit(small) == advice.PROTECT_LIMIT
    large = typical_region(0, programs=2000)
    size = len(large.masterplan.elements) + len(large.rpjmd.elements) + len(large.matches)
    assert advice.protect_limit(large) == max(advice.PROTECT_MIN, advice.PROTECT_WORK // size)
    assert advice.protect_limit(large) < advice.PROTECT_LIMIT


def test_a_large_fragile_region_asks_no_more_than_the_limit_and_says_so(monkeypatch) -> None:
    """On a fragile region past the limit the single-loss search asks at most protect_limit what-ifs, and the text says it stopped."""
    result = _fragile(60)
    monkeypatch.setattr(advice, "PROTECT_WORK", 1)  # the floor: PROTECT_MIN what-ifs
    asked = 0
    original = advice._Runs.classify

    def counting(self, add=(), remove=frozenset(), threshold=None):
        nonlocal asked
        asked += 1
        return original(self, add, remove, threshold)

    monkeypatch.setattr(advice._Runs, "classify", counting)
    from smartsync.whatif import classifier_of

    with advice._Runs(result, classifier_of(result)) as runs:
        changed, cleared, total = advice._single_changes(runs)
    assert asked == advice.PROTECT_MIN
    assert cleared < total
    monkeypatch.setattr(advice._Runs, "classify", original)
    found = advice.stability(result)
    assert found.protect_checked < found.protect_of
    said = " ".join(stability_lines(result, "id", found))
    assert "Pencarian padanan yang perlu dijaga berhenti" in said
