"""validate_region: cross-reference checks of regions built in code."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from strategies import regions, examples

from smartsync import (
    Element,
    InvalidRegionError,
    Match,
    Period,
    Plan,
    Region,
    Severity,
    validate_region,
)
from smartsync.validation import require_valid_region, suggest_id


def _region(rpjmd=(), masterplan=(), matches=()) -> Region:
    return Region(
        id="3374", name="Kota Semarang", kind="kota",
        rpjmd=Plan(kind="rpjmd", period=Period(2016, 2021), elements=rpjmd),
        masterplan=Plan(kind="masterplan", period=Period(2018, 2027), elements=masterplan),
        matches=matches,
    )


V = Element("V", "vision", "Visi RPJMD")
M1 = Element("M1", "mission", "Misi satu", parents=("V",))
P1 = Element("P1", "program", "Program SPBE", parents=("M1",), budget=1_000_000_000)
SV = Element("SV", "vision", "Visi smart city")
SP1 = Element("SP1", "program", "Aplikasi layanan", parents=("SV",))


def _errors(region: Region) -> list[tuple[str | None, str | None, str]]:
    return [(p.code, p.where, p.message) for p in validate_region(region) if p.severity is Severity.ERROR]


def test_clean_region_has_no_problems():
    """A region whose references all hold, with visions and programs and budgets, has no problems at all."""
    region = _region([V, M1, P1], [SV, SP1], [Match("SV", "V", "derived"), Match("SP1", "P1", "aligned")])
    assert validate_region(region) == ()


@settings(max_examples=examples(60), deadline=None)
@given(regions())
def test_generated_regions_have_no_errors(region):
    """Every region the shared strategy draws passes validation (warnings allowed)."""
    assert _errors(region) == []


def test_unknown_parent():
    """A parent id that is not in the plan is an error naming it, with the closest id."""
    region = _region([V, Element("M1", "mission", "Misi", parents=("V1",))])
    assert _errors(region) == [("unknown-parent", "rpjmd element M1", "parent 'V1' does not exist in the RPJMD")]
    assert validate_region(region)[0].suggestion == "V"


def test_parent_in_the_other_plan_is_unknown():
    """Parents live in the same plan: a masterplan element cannot name an RPJMD parent."""
    region = _region([V], [Element("SM1", "mission", "Misi", parents=("V",))])
    assert [e[0] for e in _errors(region)] == ["unknown-parent"]


def test_parent_not_at_a_higher_level():
    """A parent at the same or a lower level is an error naming both levels."""
    region = _region([V, M1, Element("M2", "mission", "Misi dua", parents=("M1",))])
    assert _errors(region) == [("parent-not-higher", "rpjmd element M2",
                                "parent 'M1' is a mission, not above this mission; parents must be at higher levels")]


def test_cycle_in_parents():
    """Parents that lead back to where they started are reported once, as the cycle they form."""
    a = Element("A", "goal", "A", parents=("B",))
    b = Element("B", "goal", "B", parents=("A",))
    cycles = [e for e in _errors(_region([a, b])) if e[0] == "parent-cycle"]
    assert cycles == [("parent-cycle", "rpjmd element A", "parents form a cycle: A -> B -> A")]


def test_long_chain_does_not_overflow():
    """A plan with a very long parent chain is checked without recursion limits."""
    chain = [Element("E0", "activity", "t")] + [
        Element(f"E{i}", "activity", "t", parents=(f"E{i - 1}",)) for i in range(1, 5000)]
    chain[0] = Element("E0", "activity", "t", parents=("E4999",))
    cycles = [e for e in _errors(_region(chain)) if e[0] == "parent-cycle"]
    assert len(cycles) == 1


def test_match_to_unknown_elements():
    """A match naming elements that do not exist is an error for each unknown end."""
    region = _region([V], [SV], [Match("SX", "VV", "derived")])
    assert _errors(region) == [
        ("unknown-element", "match SX -> VV", "masterplan element 'SX' does not exist"),
        ("unknown-element", "match SX -> VV", "RPJMD element 'VV' does not exist"),
    ]


def test_match_between_levels():
    """A match linking elements of different levels is an error naming both levels."""
    region = _region([V, M1, P1], [SV, SP1], [Match("SP1", "V", "aligned")])
    assert _errors(region) == [(
        "level-mismatch", "match SP1 -> V",
        "links a masterplan program (SP1) to an RPJMD vision (V); a match links elements of the same level")]


def test_duplicate_match():
    """The same pair matched twice is an error on the second match."""
    region = _region([V], [SV], [Match("SV", "V", "derived"), Match("SV", "V", "adopted")])
    assert _errors(region) == [("duplicate-match", "match SV -> V", "duplicate match: the pair SV -> V is matched more than once")]


def test_warnings():
    """No vision, no program and an RPJMD program without budget are warnings, not errors."""
    region = _region([Element("P1", "program", "Program")], [Element("SM", "mission", "Misi")])
    problems = validate_region(region)
    assert all(p.severity is Severity.WARNING for p in problems)
    assert [(p.code, p.where) for p in problems] == [
        ("no-vision", "rpjmd"), ("no-budget", "rpjmd element P1"),
        ("no-vision", "masterplan"), ("no-program", "masterplan")]


def test_masterplan_program_without_budget_is_fine():
    """Only RPJMD programs are expected to carry a budget; masterplan programs are not."""
    assert validate_region(_region([V, M1, P1], [SV, SP1])) == ()


def test_require_valid_region_raises_with_every_error():
    """require_valid_region raises InvalidRegionError listing the errors (not the warnings)."""
    region = _region([V, Element("M1", "mission", "Misi", parents=("W",))], [SV],
                     [Match("SX", "V", "derived")])
    with pytest.raises(InvalidRegionError) as caught:
        require_valid_region(region)
    assert [p.code for p in caught.value.problems] == ["unknown-parent", "unknown-element"]
    assert caught.value.region_id == "3374"


def test_require_valid_region_returns_a_valid_region():
    """require_valid_region returns the region itself when it has no errors, even with warnings."""
    region = _region([V], [SV])
    assert require_valid_region(region) is region


@pytest.mark.parametrize("value, candidates, expected", [
    ("M3", ["V", "M1"], "M1"),
    ("M3", ["M1", "M2"], None),  # two ids one edit away: too ambiguous to suggest
    ("SP3", ["SP1", "SV"], "SP1"),
    ("X", ["V", "M1"], None),
    ("M11", ["M1", "V"], "M1"),
])
def test_suggest_id(value, candidates, expected):
    """suggest_id proposes the likely id for a typo, and nothing when no id (or more than one) is close."""
    assert suggest_id(value, candidates) == expected
