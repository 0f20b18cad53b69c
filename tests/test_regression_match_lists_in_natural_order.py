"""Regression (newuser F161): the matches in "Protect ..." (and the other lists of lost
matches) were sorted as text: "SP1 -> P1, SP10 -> P10, SP11 -> P11, SP2 -> P2". They are now
listed in the ids' natural order, as the diagnostics list elements (SP2 before SP10)."""

from __future__ import annotations

import smartsync
from smartsync.advice import stability, to_fall
from smartsync.render.text import stability_lines
from test_regression_protect_line_keeps_the_funding_route import _region

NATURAL = (("SP1", "P1"), ("SP2", "P2"), ("SP3", "P3"), ("SP10", "P10"), ("SP11", "P11"),
           ("SP12", "P12"))


def test_protect_lists_matches_in_natural_order():
    """6 of 12 programs counted at 50%: the six matches to protect, SP2 before SP10, in the
    stability's data and its line."""
    result = smartsync.classify(_region((1, 2, 3, 10, 11, 12), 12))
    steady = stability(result)
    assert steady.protect == NATURAL
    line = next(x for x in stability_lines(result, "en", steady) if x.startswith("Protect"))
    assert line.startswith("Protect SP1 -> P1, SP2 -> P2, SP3 -> P3, SP10 -> P10, SP11 -> P11, "
                           "SP12 -> P12:")


def test_lost_matches_to_fall_in_natural_order():
    """What makes the same region unsynchronized: the single losses in natural order."""
    result = smartsync.classify(_region((1, 2, 3, 10, 11, 12), 12))
    fall = to_fall(result, "unsynchronized")
    assert tuple(fall.single) == NATURAL
