"""The engine: classify() on the bundled examples, against a plain-Python reference,
and independent of the order of elements and matches in the region file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reference import STAGES, reference_classify
from strategies import regions
from strategies_typology import (
    build_region, parameters, property_settings, shuffled, typology_regions,
)

import smartsync
from smartsync import (
    Classification, Classifier, InvalidRegionError, Match, Parameters, Region, SyncType, classify,
)
from smartsync.render.json import dumps

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXPECTED_TYPES = {
    "type-a-vision.yaml": SyncType.VISION,
    "type-b-mission.yaml": SyncType.MISSION,
    "type-c-target.yaml": SyncType.TARGET,
    "type-d-program.yaml": SyncType.PROGRAM,
    "unsynchronized.yaml": SyncType.UNSYNCHRONIZED,
}



def load(name: str) -> Region:
    return smartsync.load_region(EXAMPLES / name)


def summary(c: Classification) -> tuple:
    """Everything a planner reads of a classification, as plain data."""
    return (
        c.type,
        tuple((s.stage, s.present, s.total, s.synchronized, s.coverage, s.is_synchronized,
               s.full, s.synchronized_ids, s.unsynchronized_ids) for s in c.stages.values()),
        c.chain,
        tuple((ch.key, repr(ch.value), repr(dict(ch.figures))) for ch in c.characteristics),
        tuple((d.code, d.severity, d.elements, repr(dict(d.figures))) for d in c.diagnostics),
        None if c.funding is None else (c.funding.total, c.funding.fundable, c.funding.share,
                                        c.funding.budget, c.funding.fundable_ids,
                                        c.funding.rpjmd_programs),
    )


def assert_agrees(region: Region, params: Parameters | None = None) -> None:
    """The engine and the reference implementation conclude the same for ``region``."""
    c = classify(region, params=params)
    kwargs = {} if params is None else dict(threshold=params.threshold,
                                            thresholds=params.thresholds,
                                            relations=params.relations)
    ref = reference_classify(region, **kwargs)
    assert c.type.value == ref.type
    for stage in STAGES:
        got, want = c.stages[stage], ref.stages[stage]
        assert (got.present, got.total, got.synchronized, got.coverage, got.is_synchronized,
                got.full) == (want.present, want.total, want.synchronized, want.coverage,
                              want.is_synchronized, want.full), stage
        assert (got.synchronized_ids, got.unsynchronized_ids) == \
            (want.synchronized_ids, want.unsynchronized_ids), stage
    assert tuple(sorted(d.code for d in c.diagnostics)) == ref.diagnostics
    assert tuple(sorted((d.code, tuple(sorted(d.elements))) for d in c.diagnostics)) == \
        ref.diagnostic_elements
    assert c.chain == ref.chain
    assert c.funding is not None
    assert (c.funding.fundable_ids, c.funding.rpjmd_programs, c.funding.budget,
            c.funding.total) == (ref.fundable_ids, ref.funded_rpjmd_programs, ref.budget,
                                 ref.program_total)


# ---------------------------------------------------------------- the examples

@pytest.mark.parametrize("name", sorted(EXPECTED_TYPES))
def test_example_gets_the_type_it_was_written_for(name):
    """Each bundled example file is classified as the type its file name promises."""
    assert classify(load(name)).type is EXPECTED_TYPES[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_TYPES))
def test_example_agrees_with_the_reference(name):
    """On each example the engine's type, stage figures, diagnostics and funding equal the reference's."""
    assert_agrees(load(name))


def test_examples_stage_figures_match_their_readme():
    """The stage counts of the examples are the ones examples/README.md tabulates."""
    table = {
        "type-a-vision.yaml": ((1, 1), (5, 5), (5, 6), (15, 18)),
        "type-b-mission.yaml": ((0, 1), (3, 4), (5, 6), (13, 16)),
        "type-c-target.yaml": ((0, 1), (0, 3), (6, 7), (14, 16)),
        "type-d-program.yaml": ((0, 1), (0, 4), None, (14, 18)),
        "unsynchronized.yaml": ((1, 1), (3, 4), (1, 6), (3, 16)),
    }
    for name, rows in table.items():
        c = classify(load(name))
        for stage, row in zip(STAGES, rows):
            s = c.stages[stage]
            if row is None:
                assert not s.present and s.total == 0, (name, stage)
            else:
                assert (s.synchronized, s.total) == row, (name, stage)


def test_type_d_example_reports_the_unbudgeted_rpjmd_program():
    """The type D example reports its matched RPJMD program P3 without budget and does not fund from it."""
    c = classify(load("type-d-program.yaml"))
    (finding,) = c.diagnostics_with("unbudgeted_rpjmd_programs")
    assert finding.elements == ("P3",)
    assert "P3" not in c.funding.rpjmd_programs


def test_unsynchronized_example_reports_break_and_disjoint_periods():
    """The unsynchronized example reports vision and missions above a break, and disjoint periods."""
    c = classify(load("unsynchronized.yaml"))
    (found,) = c.diagnostics_with("synchronized_above_break")
    assert found.figures["stages"] == ["vision", "mission"]
    assert found.figures["at"] == ["target", "program"]
    # what decides the type comes first, then the funding, each finding's elements once
    codes = [d.code for d in c.diagnostics]
    assert codes.index("synchronized_above_break") < codes.index("orphan_programs") \
        < codes.index("dimension_unsynchronized")
    listed = [e for d in c.diagnostics for e in d.elements]
    assert len(listed) == len(set(listed))
    assert c.diagnostics_with("periods_disjoint")


# ---------------------------------------------------------------- the API

def test_classify_returns_a_classification_with_every_stage():
    """classify() gives a SyncType, a result per stage top to bottom, and the rules fired."""
    c = classify(load("type-b-mission.yaml"))
    assert isinstance(c, Classification)
    assert isinstance(c.type, SyncType) and c.type_letter == "B"
    assert list(c.stages) == list(STAGES)
    assert c.rules_fired and c.rules_fired == tuple(s.rule for s in c.trace.steps)
    assert "type_from_highest_intact_chain" in c.rules_fired


def test_classify_refuses_a_region_with_dangling_match():
    """A match naming an unknown element raises InvalidRegionError naming it, not an engine error."""
    region = build_region({"program": 1}, matched={"program": 1})
    bad = Region(id=region.id, name=region.name, kind=region.kind, rpjmd=region.rpjmd,
                 masterplan=region.masterplan,
                 matches=region.matches + (Match("SP9", "P1", "derived"),))
    with pytest.raises(InvalidRegionError) as info:
        classify(bad)
    assert "SP9" in str(info.value)


def test_classify_refuses_what_is_not_a_region():
    """classify() of something that is not a Region raises TypeError naming what it got."""
    with pytest.raises(TypeError, match="dict"):
        classify({"id": "x"})  # type: ignore[arg-type]


def test_classifier_instances_agree_with_the_default():
    """A separately built Classifier concludes what the default one does, with default params."""
    region = load("type-c-target.yaml")
    mine = Classifier()
    assert summary(mine.classify(region)) == summary(classify(region))
    assert mine.params == Parameters()


def test_classifier_params_are_its_default_and_classify_params_override():
    """A Classifier's params apply by default; params given to classify() override them."""
    region = build_region({"program": 3}, matched={"program": 1})  # coverage 1/3
    low = Classifier(params=Parameters(threshold=0.3))
    assert low.classify(region).type is SyncType.PROGRAM
    assert low.classify(region, params=Parameters()).type is SyncType.UNSYNCHRONIZED


# ---------------------------------------------------------------- properties

@property_settings(300)
@given(typology_regions())
def test_reference_agrees_on_typology_shaped_regions(region):
    """On regions of every shape the engine agrees with the reference (type, stages, diagnostics, funding)."""
    assert_agrees(region)


@property_settings(100)
@given(typology_regions(), parameters())
def test_reference_agrees_with_non_default_parameters(region, params):
    """With other thresholds and counted relations the engine agrees with the reference."""
    assert_agrees(region, params)


def _ids_zero_and_zero_colon() -> smartsync.Region:
    """Vision ids "0" and "0:": hypothesis found the engine and the reference listing them apart (f3210ea)."""
    import attrs

    region = build_region({"vision": 1, "program": 2})
    renamed = tuple(attrs.evolve(e, id={"SV1": "0:"}.get(e.id, e.id)) for e in region.masterplan.elements)
    return attrs.evolve(region, masterplan=attrs.evolve(region.masterplan, elements=renamed +
                        (attrs.evolve(renamed[0], id="0"),)))


@property_settings(25)
@given(regions(max_elements=8, max_matches=8))
@example(_ids_zero_and_zero_colon())
def test_reference_agrees_on_any_valid_region(region):
    """On any valid region (any levels, odd ids, parents) the engine agrees with the reference."""
    assert_agrees(region)


@property_settings(40)
@given(st.one_of(typology_regions(), regions(max_elements=8, max_matches=8)), st.data())
def test_result_does_not_depend_on_order(region, data):
    """Shuffled elements and matches give the same result and byte-identical JSON."""
    first = classify(region)
    first_json = dumps(first)
    again = classify(shuffled(data.draw, region))
    assert summary(again) == summary(first)
    assert dumps(again) == first_json


def characteristic_values(c: Classification) -> dict:
    """Characteristic key -> value; fails when a key is concluded twice."""
    values: dict = {}
    for ch in c.characteristics:
        assert ch.key not in values, f"characteristic {ch.key} concluded twice: " \
            f"{values[ch.key]!r} and {ch.value!r}"
        values[ch.key] = tuple(ch.value) if ch.key == "chain" else ch.value
    return values


@property_settings(80)
@given(typology_regions())
def test_characteristics_agree_with_the_reference(region):
    """Each characteristic is concluded once, with the reference's value for the region's type."""
    assert characteristic_values(classify(region)) == dict(reference_classify(region).characteristics)


@pytest.mark.parametrize("make", [
    lambda: load("unsynchronized.yaml"),
    lambda: build_region({"vision": 1, "program": 2}),
], ids=["unsynchronized example", "no matches"])
def test_unsynchronized_region_has_no_typed_characteristics(make):
    """An unsynchronized region gets no start stage or letter, and 'none' integration, legitimacy, funding."""
    c = classify(make())
    assert c.type is SyncType.UNSYNCHRONIZED
    values = characteristic_values(c)
    assert (values["integration"], values["legitimacy"]) == ("none", "none")
    # no route for the masterplan as a whole; single synchronized programs keep theirs,
    # unless the RPJMD's period shares no year with the masterplan's (the example's)
    assert values["funding_route"] == (
        "none" if not c.stages["program"].synchronized
        else "periods_apart" if c.funding.periods_apart else "programs_only")
    assert "start_stage" not in values
    for ch in c.characteristics:
        assert "type Z" not in ch.message("en") and "unsynchronized stage" not in ch.message("en")


def test_strategy_reaches_every_shape():
    """The agreement tests' regions include every type and every edge shape of the typology."""
    seen: set[str] = set()

    @settings(max_examples=300, database=None, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(typology_regions())
    def draw(region):
        ref = reference_classify(region)
        seen.add(f"type {ref.type}")
        seen.update(f"diagnostic {code}" for code in ref.diagnostics)
        levels = {region.masterplan[m.masterplan].level.value for m in region.matches}
        if not region.matches:
            seen.add("no matches")
        if levels == {"vision"}:
            seen.add("matches only at vision")
        if not ref.stages["target"].present and ref.type in ("mission", "vision"):
            seen.add("absent stage inside the chain")
        if any(s.coverage == 0.5 and s.is_synchronized for s in ref.stages.values()):
            seen.add("coverage exactly at the threshold")
        if any(m.source.value == "suggested" for m in region.matches):
            seen.add("suggested matches")

    draw()
    wanted = {f"type {t}" for t in ("vision", "mission", "target", "program", "unsynchronized")}
    wanted |= {f"diagnostic {code}" for code in (
        "synchronized_above_break", "orphan_programs", "no_base_stage", "periods_disjoint",
        "dimension_unsynchronized", "rests_on_suggested", "unbudgeted_rpjmd_programs")}
    wanted |= {"no matches", "matches only at vision", "absent stage inside the chain",
               "coverage exactly at the threshold", "suggested matches"}
    assert wanted <= seen, wanted - seen


def test_ids_with_a_common_numeric_start_list_in_the_same_order_as_the_reference():
    """Ids like "0" and "0:" (found by hypothesis) list in one order in the engine and the reference."""
    region = build_region({"vision": 1, "program": 2})
    import attrs

    renamed = tuple(attrs.evolve(e, id={"SV1": "0:"}.get(e.id, e.id)) for e in region.masterplan.elements)
    region = attrs.evolve(region, masterplan=attrs.evolve(region.masterplan, elements=renamed +
                          (attrs.evolve(renamed[0], id="0"),)))
    assert_agrees(region)
