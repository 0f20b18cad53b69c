"""The widest region's reason says elements with the same counterparts together and counts
what is past a few names (issue 21: on type-d-program with no pagu, under
budgeted-programs, "SP1, ..., SP18 (to P1/P2/.../P19, P1/P2/.../P19, ...)" repeated the 19
counterparts for each of 18 elements)."""

from __future__ import annotations

import attrs

import smartsync
from smartsync.advice import to_reach
from smartsync.render.text import to_reach_lines
from smartsync.variants import load_variant


def _unbudgeted() -> smartsync.Region:
    region = smartsync.load_region("examples/type-d-program.yaml")
    rpjmd = attrs.evolve(region.rpjmd, elements=tuple(
        attrs.evolve(e, budget=None) if e.level.value == "program" else e
        for e in region.rpjmd.elements))
    return attrs.evolve(region, rpjmd=rpjmd)


def test_the_widest_reason_names_each_counterpart_set_once_in_both_languages():
    """18 programs each matched to the 19 RPJMD programs: one group, four names and a count."""
    classifier = load_variant("budgeted-programs").classifier()
    result = classifier.classify(_unbudgeted())
    advice = to_reach(result, classifier=classifier, suggest=False)
    en = to_reach_lines(result, "en", advice)[0]
    assert "SP1, SP2, SP3, SP4, SP5, SP6, SP7, SP8, SP9, SP10 and 8 more " \
           "(each to P1/P2/P3/P4 and 15 more)." in en
    assert en.count("P1/") == 1 and len(en) < 600
    id_ = to_reach_lines(result, "id", advice)[0]
    assert "(masing-masing dengan P1/P2/P3/P4 dan 15 lainnya)." in id_
    assert "dan 8 lainnya" in id_


def test_the_reason_keeps_every_element_and_counterpart_for_a_library_user():
    """The values behind the words hold all 18 elements and 19 counterparts each."""
    classifier = load_variant("budgeted-programs").classifier()
    result = classifier.classify(_unbudgeted())
    advice = to_reach(result, classifier=classifier, suggest=False)
    reason = next(r for r in advice["D"].reasons if r.values.get("paired"))
    assert len(reason.values["elements"]) == 18
    assert all(c.count("/") == 18 for c in reason.values["counterparts"])
    ((elements, found),) = reason.values["paired"]
    assert len(elements) == 18 and len(found) == 19


def test_different_counterparts_are_said_apart():
    """Elements with different counterparts keep their own: "SP1 (to P1); SP2 (to P2)"."""
    from smartsync.messages import format_value

    assert format_value("paired", [[["SP1"], ["P1"]], [["SP2", "SP3"], ["P2", "P3"]]], "en") \
        == "SP1 (to P1); SP2, SP3 (each to P2/P3)"
    assert format_value("paired", [[["SP1"], ["P1"]]], "id") == "SP1 (dengan P1)"
