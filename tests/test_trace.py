"""The explanation trace: every conclusion rests on recorded firings, every cited fact is
accounted for, the trace is deterministic, and how() reaches the region file's elements
and matches."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategies import regions
from strategies_typology import build_region, property_settings, shuffled, typology_regions

import smartsync
from smartsync import Classification, Classifier, classify
from smartsync.render.json import classification_to_dict, dumps
from smartsync.render.text import how_lines, render_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
INTERNAL_KINDS = ("InitialFact", "StageDef")


def conclusion_ids(c: Classification) -> dict[str, int]:
    """The fact id behind every conclusion of a classification, by a readable name."""
    ids = {"type": c.type_fact().id}
    ids.update({f"stage {s.stage}": s.fact_id for s in c.stages.values()})
    ids.update({f"characteristic {ch.key}": ch.fact_id for ch in c.characteristics})
    ids.update({f"diagnostic {d.code} {i}": d.fact_id for i, d in enumerate(c.diagnostics)})
    if c.funding is not None:
        ids["funding"] = c.funding.fact_id
    return ids


def assert_every_conclusion_supported(c: Classification) -> None:
    asserted = {fid for step in c.trace.steps for fid in step.asserted}
    for name, fact_id in conclusion_ids(c).items():
        assert fact_id is not None, name
        assert fact_id in asserted, f"no step asserts the {name} (fact {fact_id})"


def assert_cited_facts_accounted_for(c: Classification) -> None:
    earlier: set[int] = set()
    for step in c.trace.steps:
        for fact_id in step.facts:
            record = c.trace.facts[fact_id]
            assert record.input or fact_id in earlier, \
                f"step {step.number} ({step.rule}) cites fact {fact_id} ({record.kind}) " \
                "that is neither input nor asserted earlier"
        earlier.update(step.asserted)


def example(name: str):
    return smartsync.load_region(ROOT / "examples" / name)


# ---------------------------------------------------------------- support

@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_conclusion_of_an_example_has_a_supporting_step(path):
    """Every conclusion of each example is a fact some recorded step asserted."""
    assert_every_conclusion_supported(classify(smartsync.load_region(path)))


@property_settings(50)
@given(st.one_of(typology_regions(), regions(max_elements=8, max_matches=8)))
def test_every_conclusion_has_a_supporting_step(region):
    """Every conclusion is asserted by a step; every cited fact is input or asserted earlier."""
    c = classify(region)
    assert_every_conclusion_supported(c)
    assert_cited_facts_accounted_for(c)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_steps_are_numbered_in_order_and_assert_each_fact_once(path):
    """Steps are numbered 1..n and assert each non-input fact once, all in the fact table."""
    c = classify(smartsync.load_region(path))
    assert [s.number for s in c.trace.steps] == list(range(1, len(c.trace) + 1))
    asserted = [fid for s in c.trace.steps for fid in s.asserted]
    assert len(asserted) == len(set(asserted))
    assert all(fid in c.trace.facts and not c.trace.facts[fid].input for fid in asserted)
    assert_cited_facts_accounted_for(c)


def test_steps_name_their_rule_pack_description_and_bindings():
    """Each step names its rule, the rule's pack and docstring, and the values it bound."""
    c = classify(example("type-b-mission.yaml"))
    rules = {info.name: info for info in smartsync.engine.default_classifier().rules()}
    for step in c.trace.steps:
        info = rules[step.rule]
        assert step.pack == info.pack and step.description == info.description
        assert step.description
    (typed,) = [s for s in c.trace.steps if s.rule == "type_from_highest_intact_chain"]
    assert typed.bindings["stage"] == "mission"
    coverage = [s for s in c.trace.steps if s.rule == "stage_coverage"]
    assert {s.bindings["stage"] for s in coverage} == {"vision", "mission", "target", "program"}


# ---------------------------------------------------------------- determinism

@property_settings(25)
@given(typology_regions(), typology_regions(), st.data())
def test_trace_is_deterministic_across_runs_regions_and_orders(first, second, data):
    """The same region gives byte-identical JSON on rerun, after another region, and shuffled."""
    once = dumps(classify(first))
    classify(second)
    assert dumps(classify(first)) == once
    assert dumps(classify(shuffled(data.draw, first))) == once


def test_json_is_identical_in_a_fresh_interpreter():
    """Each example's JSON is byte-identical in a fresh Python process with another hash seed."""
    script = ("import sys, smartsync\n"
              "from smartsync.render.json import dumps\n"
              "for p in sys.argv[1:]:\n"
              "    print(dumps(smartsync.classify(smartsync.load_region(p))))\n")
    env = dict(os.environ, PYTHONHASHSEED="4242")
    out = subprocess.run([sys.executable, "-c", script, *map(str, EXAMPLES)], env=env,
                         capture_output=True, text=True, check=True, cwd=ROOT, timeout=120)
    lines = out.stdout.splitlines()
    assert lines == [dumps(classify(smartsync.load_region(p))) for p in EXAMPLES]


def test_fresh_classifier_gives_the_same_trace():
    """A newly built Classifier records the same steps, facts and ids as the default one."""
    region = example("type-a-vision.yaml")
    assert dumps(Classifier().classify(region)) == dumps(classify(region))


# ---------------------------------------------------------------- how

def _named_elements_and_matches(derivation) -> tuple[set[str], set[tuple[str, str]]]:
    elements: set[str] = set()
    links: set[tuple[str, str]] = set()
    for record in derivation.inputs():
        if record.kind == "Element":
            elements.add(record.fields["id"])
        if record.kind == "Match":
            links.add((record.fields["masterplan"], record.fields["rpjmd"]))
    return elements, links


TYPED_EXAMPLES = ["type-a-vision.yaml", "type-b-mission.yaml", "type-c-target.yaml",
                  "type-d-program.yaml"]


@pytest.mark.parametrize("name", TYPED_EXAMPLES)
def test_how_the_type_reaches_the_region_files_elements_and_matches(name):
    """how() of a type reaches input facts naming the file's elements and matches (start, programs)."""
    region = example(name)
    c = classify(region)
    elements, links = _named_elements_and_matches(c.how())
    region_ids = {e.id for e in region.masterplan.elements} | {e.id for e in region.rpjmd.elements}
    assert elements and elements <= region_ids
    assert links and links <= {m.key for m in region.matches}
    for stage in (c.type.value, "program"):
        assert set(c.stages[stage].synchronized_ids) <= elements
        assert set(c.stages[stage].synchronized_ids) <= {mp for mp, _ in links}


@pytest.mark.parametrize("name", ["type-a-vision.yaml", "type-b-mission.yaml"])
def test_how_the_type_reaches_every_stage_of_the_chain(name):
    """how() of a type reaches the synchronized elements and matches of every stage of its chain."""
    c = classify(example(name))
    elements, links = _named_elements_and_matches(c.how())
    for stage in c.chain:
        assert set(c.stages[stage].synchronized_ids) <= elements, stage
        assert set(c.stages[stage].synchronized_ids) <= {mp for mp, _ in links}, stage


def test_how_the_unsynchronized_type_reaches_the_unmatched_programs():
    """how() of 'unsynchronized' reaches the masterplan programs and their matches."""
    region = example("unsynchronized.yaml")
    c = classify(region)
    elements, links = _named_elements_and_matches(c.how())
    programs = {e.id for e in region.masterplan.at("program")}
    assert programs <= elements
    assert {(m.masterplan, m.rpjmd) for m in region.matches if m.masterplan in programs} <= links


def test_how_explains_every_kind_of_conclusion():
    """how() explains the type, stages, characteristics, diagnostics and funding down to input facts."""
    c = classify(example("type-d-program.yaml"))
    type_id = c.type_fact().id
    for ask in (None, "type", "program", c.type):
        assert c.how(ask).fact.id == type_id
    assert c.how("stage:mission").fact.id == c.stages["mission"].fact_id
    assert c.how("stage:target").fact.fields["present"] is False
    for conclusion in (c.stages["program"], *c.characteristics, *c.diagnostics, c.funding):
        derivation = c.how(conclusion)
        assert derivation.fact.id == conclusion.fact_id
        assert derivation.step is not None
        assert derivation.inputs() and all(r.input for r in derivation.inputs())


def test_how_refuses_an_unknown_conclusion():
    """how() of something that is no conclusion raises ValueError listing what it accepts."""
    c = classify(example("type-c-target.yaml"))
    with pytest.raises(ValueError, match="stage:mission"):
        c.how("stage:budget")


def test_derivation_premises_are_the_facts_the_step_matched():
    """Each node of a derivation has as premises exactly the facts its step matched."""
    c = classify(example("type-b-mission.yaml"))
    for _, node in c.how().walk():
        if node.step is None:
            assert node.fact.input and not node.premises
        else:
            assert tuple(p.fact.id for p in node.premises) == node.step.facts


# ---------------------------------------------------------------- internals

def test_internal_facts_stay_out_of_the_text_but_are_in_the_json():
    """Engine internals never appear in the text but stay in the JSON, marked internal."""
    c = classify(example("type-d-program.yaml"))
    text = render_text(c, explain=True, trace=True) + "\n".join(how_lines(c.how(), "en"))
    for kind in INTERNAL_KINDS:
        assert kind not in text
    data = classification_to_dict(c)
    kinds = {f["kind"]: f["internal"] for f in data["facts"].values()}
    for kind in INTERNAL_KINDS:
        assert kinds.get(kind) is True, kind
    cited = {f["kind"] for step in data["trace"] for f in step["facts"]}
    assert "StageDef" in cited


def test_trace_json_round_trips_through_the_fact_table():
    """Every fact a JSON step cites or asserts is in the JSON fact table with the same kind and fields."""
    data = json.loads(dumps(classify(example("type-a-vision.yaml"))))
    for step in data["trace"]:
        for fact in step["facts"] + step["asserted"]:
            entry = data["facts"][str(fact["id"])]
            assert (entry["kind"], entry["fields"]) == (fact["kind"], fact["fields"])


def test_a_built_region_has_a_trace_without_internal_steps_in_text():
    """Even a minimal region's text explanation shows rule firings and no internal fact."""
    c = classify(build_region({"program": 1}, matched={"program": 1}))
    text = render_text(c, explain=True, trace=True)
    assert "stage_coverage" in text and "type_from_highest_intact_chain" in text
    assert not any(kind in text for kind in INTERNAL_KINDS)
