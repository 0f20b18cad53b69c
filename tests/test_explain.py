"""Why-not: for each type not concluded, the conditions that failed, with the figures
behind them, read from the rules' own conditions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given

from reference import STAGES, reference_classify, type_rank
from strategies import regions
from strategies_typology import build_region, property_settings, typology_regions

import smartsync
from smartsync import Reason, SyncType, classify
from smartsync.variants import GOAL_STAGE

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def example(name: str):
    return classify(smartsync.load_region(ROOT / "examples" / name))


def messages(reasons, lang="en") -> list[str]:
    return [r.message(lang) for r in reasons]


# ---------------------------------------------------------------- properties

@property_settings(50)
@given(typology_regions() | regions(max_elements=8, max_matches=8))
def test_every_type_not_concluded_has_a_failed_condition(region):
    """why_not names a failed condition for every type not concluded and none for the type concluded."""
    c = classify(region)
    assert c.why_not(c.type) == ()
    reasons = c.why_not_all()
    assert set(reasons) == {t.value for t in SyncType} - {c.type.value}
    for wanted, found in reasons.items():
        assert found, f"no reason given for not {wanted} (type {c.type.value})"
        for r in found:
            assert isinstance(r, Reason) and r.kind in ("missing", "blocked", "failed_test")
            assert all(f in c.trace.facts for f in r.facts)
            for lang in ("en", "id"):
                assert not PLACEHOLDER.search(r.message(lang)), r.message(lang)


# ---------------------------------------------------------------- the examples

def test_not_vision_names_the_unmatched_vision_with_its_figures():
    """Type B is not A because vision SV is unmatched: count, coverage, threshold and SV are given
    (SV by the element reason that follows the stage's)."""
    c = example("type-b-mission.yaml")
    reason, element = c.why_not("vision")
    assert element.rule == "element_synchronized" and element.fact_kind == "Match"
    assert element.values["elements"] == ["SV"] and element.message() == \
        "vision elements with no match: SV"
    assert reason.kind == "failed_test" and reason.rule == "stage_synchronized"
    assert reason.values["stage"] == "vision"
    assert (reason.values["synchronized"], reason.values["total"]) == (0, 1)
    assert reason.values["threshold"] == 0.5
    text = reason.message("en")
    assert "vision" in text and "0 of 1" in text and "50%" in text
    # the unsynchronized elements are named once, by the element reason beside it
    assert "SV" not in text and "SV" in element.message()
    assert "visi" in reason.message("id") and "0 dari 1" in reason.message("id")


def test_not_a_lower_type_because_synchronization_starts_higher():
    """Type A is not type B, C or D because the chain from a higher stage holds."""
    c = example("type-a-vision.yaml")
    for lower in ("mission", "target", "program"):
        reasons = c.why_not(lower)
        assert reasons and all(r.fact_kind == "Superseded" for r in reasons), lower
        assert all("starts higher" in m for m in messages(reasons))


def test_not_unsynchronized_because_programs_are_synchronized():
    """A typed region is not unsynchronized because its programs reach the threshold, with the coverage."""
    c = example("type-d-program.yaml")
    reasons = c.why_not("unsynchronized")
    assert any(r.values.get("stage") == "program" and r.values.get("coverage") == 14 / 18
               for r in reasons)
    assert any("program" in m and "77.8%" in m for m in messages(reasons))


def test_absent_stage_reason_says_the_masterplan_lacks_it():
    """Type D is not type C because the masterplan has no target elements."""
    c = example("type-d-program.yaml")
    texts = messages(c.why_not("target"))
    assert "the masterplan has no target elements" in texts


def test_break_reason_names_the_stage_that_breaks_the_chain():
    """The unsynchronized example is not type A: the chain from the vision breaks, programs unsynchronized."""
    c = example("unsynchronized.yaml")
    reasons = c.why_not("A")
    breaking = {r.values.get("stage") for r in reasons if r.kind == "failed_test"}
    assert c.stages["vision"].is_synchronized
    assert breaking and breaking <= {"target", "program"}
    assert "program" in breaking
    assert all(not c.stages[s].is_synchronized for s in breaking)


def test_matches_only_at_vision_why_not_vision():
    """With only the vision matched, not type A says that the chain breaks below the vision."""
    c = classify(build_region({"vision": 1, "mission": 2, "target": 2, "program": 2},
                              matched={"vision": 1}))
    named = {r.values.get("stage") for r in c.why_not("vision") if r.kind == "failed_test"}
    assert c.stages["vision"].is_synchronized
    assert named and "vision" not in named and named <= {"mission", "target", "program"}


# ---------------------------------------------------------------- the API

@pytest.mark.parametrize("spelling", ["vision", "A", "a", "visi", SyncType.VISION])
def test_why_not_accepts_names_letters_and_members(spelling):
    """why_not() takes a stage name, a letter, its Indonesian name or a SyncType member."""
    c = example("type-c-target.yaml")
    assert c.why_not(spelling) == c.why_not(SyncType.VISION) != ()


def test_why_not_refuses_an_unknown_type():
    """why_not() of a type that does not exist raises ValueError listing the types."""
    c = example("type-c-target.yaml")
    with pytest.raises(ValueError, match="expected one of: vision, mission"):
        c.why_not("E")


def test_why_not_all_in_typology_order():
    """why_not_all() keys are the types not concluded, in typology order."""
    c = example("type-c-target.yaml")
    assert list(c.why_not_all()) == ["vision", "mission", "program", "unsynchronized"]


def test_reason_to_dict_is_json_ready():
    """A reason's dict carries kind, rule, pack, condition, form, fact, values, facts and path."""
    reason, _ = example("type-b-mission.yaml").why_not("vision")
    data = reason.to_dict()
    assert {"kind", "rule", "pack", "condition", "form", "fact", "values", "facts",
            "path"} <= set(data)
    assert data["rule"] == "stage_synchronized" and data["path"]
    assert data["pack"].endswith("StagesPack")


def test_why_not_follows_the_rules_of_a_variant():
    """With the goal-stage variant why-not explains the goal type from the same rule conditions."""
    region = build_region({"vision": 1, "mission": 1, "goal": 2, "target": 1, "program": 2},
                          matched={"target": 1, "program": 2})
    c = GOAL_STAGE.classifier().classify(region)
    assert c.type.value == "target"
    reason, elements = c.why_not("goal")
    assert elements.values["stage"] == "goal" and len(elements.values["elements"]) == 2
    assert reason.values["stage"] == "goal" and reason.values["total"] == 2
    assert "goal" in reason.message("en") and "tujuan" in reason.message("id")


def test_why_not_follows_a_threshold_change():
    """Why-not figures follow the parameters: at threshold 1.0, 1 of 2 programs fails against 1."""
    c = classify(build_region({"program": 2}, matched={"program": 1}),
                 params=smartsync.Parameters(threshold=1.0))
    assert c.type is SyncType.UNSYNCHRONIZED
    reasons = c.why_not("program")
    assert any(r.values.get("threshold") == 1.0 and r.values.get("coverage") == 0.5
               for r in reasons)


def test_why_not_lists_each_failed_condition_once():
    """A planner reads each failed condition once: no two reasons for a type say the same."""
    c = example("unsynchronized.yaml")
    for wanted, reasons in c.why_not_all().items():
        texts = messages(reasons)
        assert len(texts) == len(set(texts)), wanted


@property_settings(50)
@given(typology_regions())
def test_why_not_names_a_condition_that_really_fails(region):
    """Each why-not reason points at what the reference says fails for that type."""
    c = classify(region)
    ref = reference_classify(region)
    concluded = type_rank(c.type)
    for wanted, reasons in c.why_not_all().items():
        named = {r.values.get(key) for r in reasons for key in ("stage", "at")} - {None}
        if wanted == "unsynchronized":
            assert "program" in named and ref.stages["program"].is_synchronized
        elif type_rank(wanted) > concluded:
            failing = {s for s in STAGES[STAGES.index(wanted):]
                       if not ref.stages[s].is_synchronized
                       and (s == wanted or s == "program" or ref.stages[s].present)}
            assert named & failing, (wanted, named, failing)
        else:
            assert any(r.fact_kind == "Superseded" for r in reasons) or \
                not ref.stages[wanted].present, (wanted, [r.form for r in reasons])


def test_why_not_reasons_read_as_sentences_for_an_absent_stage():
    """Why type D is not C reads as sentences, not the fallback that quotes a rule pattern."""
    c = example("type-d-program.yaml")
    for message in messages(c.why_not("target")):
        assert not message.startswith("rule "), message
