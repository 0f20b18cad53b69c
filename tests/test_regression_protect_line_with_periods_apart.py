"""Regression (issue 21): when the RPJMD's period shares no year with the masterplan's, the
funding rules conclude that no masterplan program can draw on the APBD through that RPJMD;
stability's "protect" line still said that losing the match would leave the masterplan
"without a route to APBD funding through the RPJMD", a route it did not have. The line now
reads the funding rules' conclusion (periods apart), in en and id; with overlapping periods
it keeps the funding route."""

from __future__ import annotations

import pytest

import smartsync
from smartsync import Match
from smartsync.advice import stability
from smartsync.model import Element, Period, Plan, PlanKind, Region
from smartsync.render.text import stability_lines


def _region(rpjmd_period: Period) -> Region:
    rpjmd = (Element("V", "vision", "Visi"),
             Element("P1", "program", "Program SPBE", parents=("V",), budget=5_000_000))
    masterplan = (Element("SV", "vision", "Visi smart city"),
                  Element("SP1", "program", "Aplikasi SPBE", parents=("SV",)))
    return Region("9003", "Kota Uji", "kota", Plan(PlanKind.RPJMD, rpjmd_period, rpjmd),
                  Plan(PlanKind.MASTERPLAN, Period(2022, 2031), masterplan),
                  (Match("SP1", "P1", "derived", "manual", note="hlm. 3"),))


def _lines(region: Region, lang: str) -> str:
    result = smartsync.classify(region)
    assert result.type_letter == "D"
    steady = stability(result)
    assert steady.protect == (("SP1", "P1"),)
    return "\n".join(stability_lines(result, lang, steady))


@pytest.mark.parametrize("lang, said, unsaid", [
    ("en", "Protect SP1 -> P1: losing this match alone leaves the region unsynchronized. (Its "
           "masterplan has no route to APBD funding through this RPJMD either way: the two "
           "plans' periods share no year.)", "without a route to APBD funding"),
    ("id", "Jaga SP1 -> P1: kehilangan padanan ini saja menjadikan daerah tidak "
           "tersinkronisasi. (Bagaimanapun masterplan tidak punya jalur pendanaan APBD melalui "
           "RPJMD ini", "sehingga masterplan tidak punya jalur"),
])
def test_the_protect_line_does_not_promise_a_route_the_periods_rule_out(lang, said, unsaid):
    """RPJMD 2010-2015, masterplan 2022-2031: losing SP1 -> P1 leaves the region
    unsynchronized; no APBD route is said to be lost."""
    lines = _lines(_region(Period(2010, 2015)), lang)
    assert said in lines and unsaid not in lines


def test_with_overlapping_periods_the_route_is_what_is_lost():
    """RPJMD 2021-2026: the same loss leaves the masterplan without a route to APBD funding."""
    lines = _lines(_region(Period(2021, 2026)), "en")
    assert ("Protect SP1 -> P1: losing this match alone leaves the region unsynchronized, and its "
            "masterplan without a route to APBD funding through the RPJMD.") in lines
