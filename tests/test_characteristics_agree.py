"""Characteristics agree with the stage figures and with each other (issue 13, item 5).

On generated regions, in both languages: every characteristic is checked against the
stages the rules concluded, and the sentences a planner reads never contradict them
(no "own vision" beside a synchronized vision, no "separate plans" when a stage above
the programs is synchronized, no "neither counts nor breaks" for a missing base stage).
Plan periods that share no year put a caveat with the action on the type line.
"""

from __future__ import annotations

from hypothesis import given

import smartsync
import smartsync.messages
from smartsync.render.text import render_text, type_line

from strategies_typology import build_region, property_settings, typology_regions


def _value(c, key):
    ch = c.characteristic(key)
    return None if ch is None else ch.value


@given(typology_regions())
@property_settings(40)
def test_every_characteristic_agrees_with_the_figures_and_the_others(region):
    c = smartsync.classify(region)
    vision, base = c.stages["vision"], c.stages[c.typology.base]
    # the vision: own, formulated from the RPJMD, or absent -- as the vision stage says
    own = _value(c, "own_vision")
    assert own == ("absent" if not vision.present else False if vision.is_synchronized
                   else "matched" if vision.rejected_ids else True)
    # integration, legitimacy: none exactly when unsynchronized; the funding route: none
    # exactly when no program is synchronized (an unsynchronized region's single
    # synchronized programs keep their route)
    typed = c.type_letter is not None
    for key in ("integration", "legitimacy"):
        assert (_value(c, key) == "none") == (not typed), key
    assert (_value(c, "funding_route") == "none") == (base.synchronized == 0)
    # the start stage is the type's, and it is synchronized
    if typed:
        assert _value(c, "start_stage") == c.type.value
        assert c.stages[c.type.value].is_synchronized
        assert _value(c, "chain")[0] == c.type.value
        assert all(c.stages[s].is_synchronized for s in _value(c, "chain"))
    # exposure: high exactly when the chain reaches the vision or the missions
    if typed:
        high = bool({"vision", "mission"} & set(_value(c, "chain")))
        assert (_value(c, "exposure") == "high") == high
    # the programs' share is the base stage's coverage
    assert _value(c, "program_counterpart_share") == (base.coverage if base.present else None)
    for lang in ("en", "id"):
        words = " ".join(ch.message(lang) for ch in c.characteristics)
        if own is False or own == "absent":
            assert "own vision" not in words and "visi sendiri" not in words
            assert "visi smart city-nya sendiri" not in words
        if any(s.is_synchronized for s in c.stages.values()):
            assert "separate" not in words and "terpisah" not in words
        out = render_text(c, lang=lang)
        if not base.present:
            (line,) = [x for x in out.splitlines()
                       if x.strip().startswith(smartsync.messages.stage_name(base.stage, lang) + ":")]
            assert "neither counts nor breaks" not in line and "tidak memutus rantai" not in line


def test_disjoint_periods_put_a_caveat_with_the_action_on_the_type_line():
    region = build_region({"vision": 1, "program": 2}, matched={"vision": 1, "program": 2},
                          periods=((2010, 2015), (2018, 2027)))
    c = smartsync.classify(region)
    assert c.type_letter == "A"
    line = type_line(c, "en")
    assert "share no year" in line and "align the masterplan with the RPJMD in force" in line
    assert "selaraskan masterplan dengan RPJMD yang berlaku" in type_line(c, "id")
    overlapping = smartsync.classify(build_region({"vision": 1, "program": 2},
                                                  matched={"vision": 1, "program": 2}))
    assert "share no year" not in type_line(overlapping, "en")


def test_a_missing_base_stage_is_not_said_to_neither_count_nor_break():
    c = smartsync.classify(build_region({"vision": 1, "mission": 1}, matched={"vision": 1}))
    out = render_text(c)
    assert "program: absent from the masterplan: without program elements no type can be given" in out
