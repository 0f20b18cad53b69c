"""Regression (newuser F159): when losing one program match leaves the region unsynchronized,
the "Protect ..." line said the masterplan was left "without a route to APBD funding through
the RPJMD", while the other programs synchronized with budgeted RPJMD programs keep theirs
(the funding rules conclude so on that very state). The line now reads the funding rules'
conclusion on each loss, in en and id, and says the route is lost only when no program keeps
one."""

from __future__ import annotations

import pytest

import smartsync
from smartsync import Match
from smartsync.advice import stability
from smartsync.model import Element, Period, Plan, PlanKind, Region
from smartsync.render.text import stability_lines


def _region(matched: tuple[int, ...], programs: int) -> Region:
    """A type D region: ``programs`` masterplan programs, those in ``matched`` matched each to
    its own budgeted RPJMD program."""
    rpjmd = (Element("V", "vision", "Visi"),) + tuple(
        Element(f"P{i}", "program", f"Program {i}", parents=("V",), budget=1_000_000 * i)
        for i in matched)
    masterplan = (Element("SV", "vision", "Visi smart city"),) + tuple(
        Element(f"SP{i}", "program", f"Program smart {i}", parents=("SV",))
        for i in range(1, programs + 1))
    return Region("9007", "Kota Uji", "kota", Plan(PlanKind.RPJMD, Period(2021, 2026), rpjmd),
                  Plan(PlanKind.MASTERPLAN, Period(2022, 2031), masterplan),
                  tuple(Match(f"SP{i}", f"P{i}", "derived", "manual", note="hlm. 3")
                        for i in matched))


@pytest.mark.parametrize("lang, said, unsaid", [
    ("en", "leaves the region unsynchronized; at least 1 of the masterplan's 4 programs would "
           "still have a route to APBD funding", "without a route to APBD funding"),
    ("id", "menjadikan daerah tidak tersinkronisasi; sekurang-kurangnya 1 dari 4 program "
           "masterplan tetap punya jalur pendanaan APBD", "tidak punya jalur pendanaan"),
])
def test_programs_still_synchronized_keep_their_route(lang, said, unsaid):
    """2 of 4 programs counted at 50%: losing either leaves the region unsynchronized, and the
    other program its route to APBD funding."""
    result = smartsync.classify(_region((1, 2), 4))
    assert result.type_letter == "D"
    steady = stability(result)
    assert steady.protect == (("SP1", "P1"), ("SP2", "P2")) and steady.protect_route == 1
    assert steady.to_dict()["protect_route"] == 1
    lines = "\n".join(stability_lines(result, lang, steady))
    assert said in lines and unsaid not in lines


def test_the_route_is_lost_when_no_program_keeps_one():
    """1 of 2 programs counted: losing its match leaves no program a route, and the line says
    the masterplan is left without one."""
    result = smartsync.classify(_region((1,), 2))
    steady = stability(result)
    assert steady.protect_route == 0
    assert ("Protect SP1 -> P1: losing this match alone leaves the region unsynchronized, and its "
            "masterplan without a route to APBD funding through the RPJMD.") in \
        stability_lines(result, "en", steady)
