"""Regression (newuser F177): under cascading, ``explain --how element:SP1`` said "ST1, a parent
of SP1, is matched: the masterplan places SP1 under its parent's counterpart in the RPJMD's
hierarchy", then that the match "does not count (its parent is matched to an RPJMD element its
counterpart is not under)", naming neither RPJMD element. The lines now name what the parent
is matched to and where the counterpart lies, in en and id."""

from __future__ import annotations

import pytest

from smartsync.model import Element, Match, Period, Plan, PlanKind, Region
from smartsync.render.plain import checklist
from smartsync.variants import CASCADING


def _e(id: str, level: str, *parents: str) -> Element:
    return Element(id, level, f"text {id}", parents=parents,
                   budget=5 if level == "program" else None)


def _region() -> Region:
    """ST1 (under SM1 -> M1) matched to T2 (under M2): rejected; SP1 (under ST1 -> T2) matched
    to P1 (under T1): rejected."""
    rpjmd = (_e("V", "vision"), _e("M1", "mission", "V"), _e("M2", "mission", "V"),
             _e("T1", "target", "M1"), _e("T2", "target", "M2"), _e("P1", "program", "T1"))
    masterplan = (_e("SV", "vision"), _e("SM1", "mission", "SV"), _e("ST1", "target", "SM1"),
                  _e("SP1", "program", "ST1"))
    matches = tuple(Match(a, b, "derived") for a, b in
                    (("SV", "V"), ("SM1", "M1"), ("ST1", "T2"), ("SP1", "P1")))
    return Region("9077", "Kota Uji", "kota", Plan(PlanKind.RPJMD, Period(2021, 2026), rpjmd),
                  Plan(PlanKind.MASTERPLAN, Period(2022, 2031), masterplan), matches)


@pytest.mark.parametrize("lang, placed, rejected", [
    ("en", "ST1, a parent of SP1, is matched to T2: the masterplan places SP1 under T2",
     "the match SP1 -> P1 does not count: in the RPJMD's hierarchy P1 lies under T1, not under "
     "T2, which its parent is matched to"),
    ("id", "ST1, induk SP1, dipadankan dengan T2: masterplan menempatkan SP1 di bawah T2",
     "padanan SP1 -> P1 tidak dihitung: dalam pohon kinerja RPJMD P1 berada di bawah T1, bukan "
     "di bawah T2, yang dipadankan dengan induknya"),
])
def test_how_element_names_both_rpjmd_elements(lang, placed, rejected):
    """How SP1 is concluded names T2 (its parent's counterpart) and T1 (its counterpart's)."""
    c = CASCADING.classifier().classify(_region())
    assert "SP1" not in c.stages["program"].synchronized_ids
    lines = "\n".join(checklist(c, lang, "element:SP1"))
    assert placed in lines and rejected in lines


def test_the_stage_list_names_both_rpjmd_elements():
    """The type's checklist, listing SP1 among the elements not synchronized, names T1 and T2."""
    c = CASCADING.classifier().classify(_region())
    line = next(x for x in checklist(c, "en") if x.strip().startswith("SP1 "))
    assert ("its match to P1 does not count: in the RPJMD's hierarchy P1 lies under T1, not "
            "under T2, which its parent is matched to") in line
