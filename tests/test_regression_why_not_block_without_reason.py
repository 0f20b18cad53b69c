"""Regression: every type the region is not is answered in why-not (newuser F133).

``smartsync explain examples/type-a-vision.yaml`` printed "Why not type C?" and "Why not
type D?" with nothing under them: their one reason ("synchronization starts higher ...")
had been said for type B above, and only a stage's failure had a short pointer to it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import smartsync
from smartsync.render.text import why_not_blocks, why_not_lines
from smartsync.variants import load_variant
from strategies import examples, regions

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.yaml"))


def _empty_blocks(result, lang):
    return [title for t, title, reasons in why_not_blocks(result, lang)
            if t != result.type and not reasons]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_type_a_example_says_why_not_c_and_d(lang):
    """On the shipped type A example, types C and D point to the reason given for type B."""
    result = smartsync.classify(smartsync.load_region(
        Path(__file__).parent.parent / "examples" / "type-a-vision.yaml"))
    lines = why_not_lines(result, lang)
    said_for_b = lines[lines.index(next(l for l in lines if "B?" in l)) + 1].strip("  -")
    for letter in "CD":
        title = next(i for i, l in enumerate(lines) if f" {letter}?" in l)
        assert lines[title + 1].startswith("  - "), lines
        assert said_for_b in lines[title + 1] and "B" in lines[title + 1]


@pytest.mark.parametrize("variant", ["default", "budgeted-programs", "first-synchronized",
                                     "goal-stage", "cascading"])
def test_no_shipped_example_leaves_a_type_unanswered(variant):
    """Under every shipped variant, no example's why-not has a type with an empty answer."""
    classifier = load_variant(variant).classifier()
    for path in EXAMPLES:
        result = classifier.classify(smartsync.load_region(path))
        for lang in ("en", "id"):
            assert not _empty_blocks(result, lang), (path.name, lang)


@settings(max_examples=examples(60), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(regions(max_elements=5, max_matches=6))
def test_every_type_not_given_has_a_reason(region):
    """For any valid region, each type it is not carries at least one line under its question."""
    result = smartsync.classify(region)
    assert not _empty_blocks(result, "en")
