"""Issue 23: the why-not of the report page and of the review state asked, for each
unsynchronized masterplan element, whether each RPJMD element of its level would make it
synchronized (a pattern left open by the missing match was tried with every fact of its
kind), and found facts by scanning their whole kind: the report page of a 2,000-element
region took minutes. The facts a question looks at no longer grow with the region."""

from __future__ import annotations

import attrs
import pytest

import smartsync
from smartsync import whynot
from smartsync.model import Level
from smartsync.sample import typical_region


def _unmatched(programs: int) -> smartsync.Classification:
    region = typical_region(0, programs=programs)
    ids = {e.id for e in region.masterplan.elements if e.level is Level.PROGRAM}
    region = attrs.evolve(region, matches=tuple(m for m in region.matches
                                                if m.masterplan not in ids))
    return smartsync.classify(region)


def _facts_tried_per_element(programs: int, monkeypatch: pytest.MonkeyPatch) -> float:
    result = _unmatched(programs)
    calls = 0
    original = whynot._match_fact

    def counting(pattern, fact, bindings):
        nonlocal calls
        calls += 1
        return original(pattern, fact, bindings)

    monkeypatch.setattr(whynot, "_match_fact", counting)
    reasons = result.why_not("D")
    assert any(set(r.values.get("elements") or ()) for r in reasons)
    return calls / programs


def test_the_facts_each_element_is_checked_against_do_not_grow_with_the_plans(monkeypatch) -> None:
    """Four times the programs: each unsynchronized program's why-not tries about as many facts."""
    small = _facts_tried_per_element(30, monkeypatch)
    large = _facts_tried_per_element(120, monkeypatch)
    assert large <= small * 1.5


def test_each_unmatched_program_is_said_to_have_no_match() -> None:
    """The why-not still names every unmatched program, for the missing match, once."""
    result = _unmatched(30)
    unsynchronized = set(result.stages["program"].unsynchronized_ids)
    named = [e for r in result.why_not("D") for e in (r.values.get("elements") or ())]
    assert unsynchronized and set(named) == unsynchronized
    assert len(named) == len(set(named))
