"""Regression (newuser F162): under a variant with a threshold of its own for one stage, the
stability lines said "The type holds for every threshold up to 15/16" without saying that
the sweep moves only the general threshold: a reader concluded the target stage would survive
a bar above its coverage. The lines now say which stage keeps its own threshold, in en and id."""

from __future__ import annotations

from pathlib import Path

import pytest

import smartsync
from smartsync.advice import stability
from smartsync.render.text import stability_lines

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "type-b-mission.yaml"


@pytest.mark.parametrize("thresholds, lang, said", [
    ({"target": 0.7}, "en", "The target stage keeps its own threshold, 70%, throughout: the "
                            "thresholds said here are the other stages'."),
    ({"target": 0.7}, "id", "Tahap sasaran tetap memakai ambangnya sendiri, 70%, di seluruh "
                            "rentang ini"),
    ({"target": 0.7, "mission": 0.6}, "en", "The mission and target stages keep their own "
                                            "thresholds (mission 60%, target 70%) throughout"),
])
def test_stage_with_its_own_threshold_is_said(thresholds, lang, said):
    """The type B example with per-stage thresholds: the stability lines name them."""
    result = smartsync.classify(EXAMPLE, params={"thresholds": thresholds})
    lines = stability_lines(result, lang, stability(result))
    assert said in "\n".join(lines)


def test_no_such_line_without_own_thresholds():
    """With the general threshold only, nothing is said of stages' own thresholds."""
    result = smartsync.classify(EXAMPLE)
    assert not any("own threshold" in line for line in stability_lines(result, "en", stability(result)))
