"""The ``rejected`` list of a region file: read, checked like matches, written, and honoured
by the suggestions."""

from __future__ import annotations

import attrs
import pytest

import smartsync
from smartsync.errors import Severity
from review_fixture import REGION_YAML


def _problems(text: str):
    from smartsync.io import check_region_text

    return check_region_text(text, name="kota.yaml").problems


def _with_rejected(*lines: str) -> str:
    return REGION_YAML + "rejected:\n" + "".join(f"  - {line}\n" for line in lines)


def test_rejected_pairs_are_read_and_written_back() -> None:
    region = smartsync.read_region(_with_rejected("{masterplan: SM1, rpjmd: M1, note: too broad}"))
    assert region.rejected == (smartsync.RejectedMatch("SM1", "M1", note="too broad"),)
    for fmt in ("yaml", "json"):
        from smartsync.io import dumps_region

        assert smartsync.read_region(dumps_region(region, format=fmt), format=fmt) == region
    # a region without rejected pairs is written as before: no rejected key
    assert "rejected" not in smartsync.region_to_dict(attrs.evolve(region, rejected=()))


def test_rejected_pairs_are_checked_like_matches() -> None:
    problems = _problems(_with_rejected("{masterplan: SMX1, rpjmd: M1}", "{masterplan: SM1, rpjmd: P1}",
                                        "{masterplan: SP1, rpjmd: P2}", "{masterplan: SP1, rpjmd: P2}",
                                        "{masterplan: SP1, rpjmd: P1}", "{masterplan: SP1, rpjmd: P2, why: x}"))
    messages = [(p.severity, p.where, p.message) for p in problems]
    assert any(w == "rejected SMX1 -> M1" and "masterplan element 'SMX1' does not exist" in m
               for _, w, m in messages)
    assert any("links a masterplan mission (SM1) to an RPJMD program (P1); a rejected match links "
               "elements of the same level" in m for _, _, m in messages)
    assert any("duplicate rejected match: the pair SP1 -> P2 is rejected more than once" in m
               for _, _, m in messages)
    assert any(s is Severity.WARNING and "SP1 -> P1 is both matched and rejected" in m for s, _, m in messages)
    assert any("unknown key 'why' in a rejected match" in m for _, _, m in messages)
    assert any(p.suggestion == "SM1" for p in problems)


def test_validate_region_checks_rejected_pairs_built_in_code() -> None:
    region = smartsync.read_region(REGION_YAML)
    wrong = attrs.evolve(region, rejected=(smartsync.RejectedMatch("SP1", "M1"),))
    assert any("a rejected match links elements of the same level" in p.message
               for p in smartsync.validate_region(wrong))
    with pytest.raises(TypeError, match="rejected must hold RejectedMatch objects"):
        attrs.evolve(region, rejected=(("SP1", "P1"),))


def test_rejected_pairs_play_no_part_in_the_classification() -> None:
    region = smartsync.read_region(REGION_YAML)
    rejected = attrs.evolve(region, rejected=(smartsync.RejectedMatch("SM1", "M1"),))
    a, b = smartsync.classify(region), smartsync.classify(rejected)
    assert (a.type, dict(a.stages)) == (b.type, dict(b.stages))
