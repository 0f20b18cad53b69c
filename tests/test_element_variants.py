"""The element-level variants against the independent oracle (tests/reference.py), with
their how and why-not; and the element-level machinery rule authors use: collect, a pack's
own input facts, @concludes checks, packs that modify or retract facts."""

from __future__ import annotations

import json
import types

import pytest
from hypothesis import given
from hypothesis import strategies as st

import smartsync
from smartsync import Parameters
from smartsync.errors import RulePackError
from smartsync.facts import (
    Characteristic, ElementSynchronized, MatchRejected, StageCoverage, TypeResult,
)
from smartsync.model import Element, Match, Period, Plan, PlanKind, Region
from smartsync.render import render
from smartsync.rules import AS, MATCH, PHASE, Rule, W, concludes
from smartsync.variants import (
    BUDGETED_PROGRAMS, CASCADING, DEFAULT, RELATIONS_PER_STAGE, default_packs, load_variant,
)

from reference import STAGES, reference_classify
from strategies_typology import property_settings, typology_regions

#: each shipped element-level variant, and the oracle's keywords for it
VARIANTS = {
    "relations-per-stage": (RELATIONS_PER_STAGE,
                            {"stage_relations": {"vision": ["adopted", "derived"],
                                                 "mission": ["adopted", "derived"]}}),
    "budgeted-programs": (BUDGETED_PROGRAMS, {"budgeted": True}),
    "cascading": (CASCADING, {"cascading": True}),
}

_CLASSIFIERS: dict[str, smartsync.Classifier] = {}


def classifier(name: str) -> smartsync.Classifier:
    if name not in _CLASSIFIERS:
        _CLASSIFIERS[name] = (VARIANTS[name][0] if name in VARIANTS else DEFAULT).classifier()
    return _CLASSIFIERS[name]


def assert_agrees_with_oracle(region: Region, name: str) -> smartsync.Classification:
    c = classifier(name).classify(region)
    ref = reference_classify(region, **VARIANTS[name][1])
    assert c.type.value == ref.type
    for stage in STAGES:
        got, want = c.stages[stage], ref.stages[stage]
        assert (got.present, got.total, got.synchronized, got.coverage, got.is_synchronized,
                got.full, got.synchronized_ids, got.unsynchronized_ids) == \
            (want.present, want.total, want.synchronized, want.coverage, want.is_synchronized,
             want.full, want.synchronized_ids, want.unsynchronized_ids), stage
    assert c.chain == ref.chain
    assert tuple(sorted((d.code, tuple(sorted(d.elements))) for d in c.diagnostics)) == \
        ref.diagnostic_elements
    assert (c.funding.fundable_ids, c.funding.rpjmd_programs, c.funding.budget) == \
        (ref.fundable_ids, ref.funded_rpjmd_programs, ref.budget)
    return c


def region(rpjmd: list[Element], masterplan: list[Element], matches: list[Match]) -> Region:
    return Region("9999", "Kota Uji", "kota",
                  Plan(PlanKind.RPJMD, Period(2021, 2026), tuple(rpjmd)),
                  Plan(PlanKind.MASTERPLAN, Period(2022, 2031), tuple(masterplan)),
                  tuple(matches))


def E(id: str, level: str, *parents: str, budget: int | None = None) -> Element:  # noqa: N802
    return Element(id, level, f"text {id}", parents=parents, budget=budget)


# ------------------------------------------------------- regions with hierarchies

@st.composite
def hierarchy_regions(draw: st.DrawFn, max_per_level: int = 4) -> Region:
    """A typology-shaped region whose elements name parents at higher levels of their plan:
    one or two, mostly at the nearest level above, sometimes higher or none."""
    base = draw(typology_regions(max_per_level=max_per_level))
    order = {"vision": 0, "mission": 1, "goal": 2, "target": 3, "strategy": 4, "program": 5}

    def with_parents(plan: Plan) -> Plan:
        by_level: dict[int, list[str]] = {}
        for e in plan.elements:
            by_level.setdefault(order[e.level.value], []).append(e.id)
        elements = []
        for e in plan.elements:
            above = [rank for rank in by_level if rank < order[e.level.value]]
            parents: tuple[str, ...] = ()
            if above and draw(st.integers(0, 9)) > 0:
                rank = max(above) if draw(st.booleans()) or len(above) == 1 else \
                    draw(st.sampled_from(above))
                candidates = sorted(by_level[rank])
                parents = tuple(draw(st.lists(st.sampled_from(candidates), min_size=1,
                                              max_size=2, unique=True)))
            elements.append(Element(e.id, e.level, e.text, parents=parents, budget=e.budget,
                                    dimension=e.dimension))
        return Plan(plan.kind, plan.period, tuple(elements))

    return Region(base.id, base.name, base.kind, with_parents(base.rpjmd),
                  with_parents(base.masterplan), base.matches)


@pytest.mark.slow
@given(hierarchy_regions(), st.sampled_from(sorted(VARIANTS)))
@property_settings(150)
def test_variants_agree_with_the_oracle_on_generated_regions(r, name):
    """Under each element-level variant the engine's type, stage figures, chain, diagnostics
    and funding equal the oracle's on generated regions with hierarchies."""
    assert_agrees_with_oracle(r, name)


@given(hierarchy_regions(), st.sampled_from(sorted(VARIANTS)))
@property_settings(25)
def test_variants_agree_with_the_oracle(r, name):
    """(A quick run of the property above, for every test run.)"""
    assert_agrees_with_oracle(r, name)


@pytest.mark.parametrize("name", sorted(VARIANTS))
@pytest.mark.parametrize("example", ["type-a-vision", "type-b-mission", "type-c-target",
                                     "type-d-program", "unsynchronized"])
def test_variants_agree_with_the_oracle_on_the_examples(name, example):
    """Each variant on each bundled example agrees with the oracle."""
    assert_agrees_with_oracle(smartsync.load_region(f"examples/{example}.yaml"), name)


def test_a_real_region_passes_the_cascading_variant():
    """The type A example, whose hierarchies agree (targets under missions, missions under
    the vision, through RPJMD goals), keeps type A under cascading."""
    c = assert_agrees_with_oracle(smartsync.load_region("examples/type-a-vision.yaml"),
                                  "cascading")
    assert c.type.value == "vision"


# ---------------------------------------------------------- each variant's why-not

def test_relations_per_stage_says_which_relation_does_not_count_where():
    """An aligned vision does not count under relations-per-stage: why-not names the element,
    its relation and the stage; an aligned target still counts."""
    r = region([E("V", "vision"), E("T1", "target", "V"), E("P1", "program", "T1", budget=5)],
               [E("SV", "vision"), E("ST1", "target", "SV"), E("SP1", "program", "ST1")],
               [Match("SV", "V", "aligned"), Match("ST1", "T1", "aligned"),
                Match("SP1", "P1", "derived")])
    assert classifier("default").classify(r).type.value == "vision"
    c = assert_agrees_with_oracle(r, "relations-per-stage")
    assert c.type.value == "target"
    messages = [x.message() for x in c.why_not("vision")]
    assert "vision elements matched by aligned, a relation that does not count at the vision " \
           "stage: SV (to V)" in messages
    (reason,) = c.why_not_synchronized("SV")
    assert (reason.kind, reason.fact_kind, reason.values["condition"]) == \
        ("blocked", "MatchRejected", "relation")
    assert "relasi diselaraskan" in reason.message("id") and "visi" in reason.message("id")
    assert c.why_not_synchronized("ST1") == ()


def test_budgeted_programs_names_the_program_and_its_unbudgeted_counterpart():
    """A program matched to an RPJMD program with a pagu of 0 does not count under
    budgeted-programs; why-not names both, and how() of the program stage reaches the
    rejection and the match behind it."""
    r = region([E("P1", "program", budget=0), E("P2", "program", budget=7)],
               [E("SP1", "program"), E("SP2", "program"), E("SP3", "program")],
               [Match("SP1", "P1", "adopted"), Match("SP2", "P2", "aligned"),
                Match("SP3", "P1", "derived")])
    assert classifier("default").classify(r).type.value == "program"
    c = assert_agrees_with_oracle(r, "budgeted-programs")
    assert c.type.value == "unsynchronized"
    assert c.stages["program"].unsynchronized_ids == ("SP1", "SP3")
    messages = [x.message() for x in c.why_not("program")]
    assert "program elements matched to RPJMD programs without a pagu indikatif above " \
           "zero: SP1, SP3 (each to P1)" in messages
    kinds = {node.fact.kind for _, node in c.how("stage:program").walk()}
    assert {"ElementUnsynchronized", "MatchRejected", "ElementSynchronized", "Match",
            "Element"} <= kinds
    rejected = c.trace.find("MatchRejected", masterplan="SP1")
    assert rejected and c.trace.step_asserting(rejected[0].id).rule == "program_without_budget"


def _cascade_region(target_parent: str = "SM1", program_parents: tuple[str, ...] = ("ST1",)):
    rpjmd = [E("V", "vision"), E("M1", "mission", "V"), E("M2", "mission", "V"),
             E("G1", "goal", "M1"), E("T1", "target", "G1"), E("T2", "target", "G1"),
             E("P1", "program", "T1", budget=5), E("P2", "program", "T2", budget=5)]
    masterplan = [E("SV", "vision"), E("SM1", "mission", "SV"), E("SM2", "mission", "SV"),
                  E("ST1", "target", target_parent), E("SP1", "program", *program_parents)]
    matches = [Match("SV", "V", "derived"), Match("SM1", "M1", "derived"),
               Match("SM2", "M2", "derived"), Match("ST1", "T1", "derived"),
               Match("SP1", "P1", "derived")]
    return region(rpjmd, masterplan, matches)


def test_cascading_counts_through_ancestors():
    """A masterplan target under mission SM1 (matched to M1) matched to T1, whose ancestor
    through goal G1 is M1, counts: the hierarchies agree."""
    c = assert_agrees_with_oracle(_cascade_region(), "cascading")
    assert c.type.value == "vision"
    holds = c.trace.find("CascadeHolds", masterplan="ST1")
    assert holds and holds[0].fields["ancestor"] == "M1"
    assert c.trace.find("Ancestor", id="T1", ancestor="M1")  # through the goal


def test_cascading_names_the_element_whose_parent_is_matched_elsewhere():
    """A target under SM2 (matched to M2) matched to T1 (under M1) does not count; why-not
    names the element and the cascade condition."""
    c = assert_agrees_with_oracle(_cascade_region(target_parent="SM2"), "cascading")
    assert c.stages["target"].unsynchronized_ids == ("ST1",)
    (reason,) = c.why_not_synchronized("ST1")
    assert reason.values["condition"] == "cascade"
    assert reason.message() == ("target elements whose parent is matched to an RPJMD element "
                                "their counterpart is not under: ST1 (to T1)")


def test_cascading_an_element_under_an_unmatched_parent_starts_the_cascade():
    """A mission under the masterplan's own, unmatched vision, and a target under an
    unmatched mission, count: an unmatched parent claims no place in the RPJMD (the
    oracle's definition: rejected only when a parent is matched, to no ancestor). Before,
    both were rejected and the region was unsynchronized instead of type B."""
    own_vision = _cascade_region()
    own_vision = region(own_vision.rpjmd.elements, own_vision.masterplan.elements,
                        [m for m in own_vision.matches if m.masterplan not in ("SV", "SM1")])
    c = assert_agrees_with_oracle(own_vision, "cascading")
    assert c.stages["mission"].synchronized_ids == ("SM2",)  # SV unmatched: SM2 counts
    assert c.stages["target"].synchronized_ids == ("ST1",)  # SM1 unmatched: ST1 counts
    assert c.type.value == "mission"
    assert not c.trace.find("ParentMatched", id="SM2")
    assert c.trace.find("ParentMatched", id="SP1", parent="ST1")


def test_cascading_an_element_without_parent_below_the_top_does_not_count():
    """A program below the masterplan's top stage that names no parent does not count, and
    why-not says it names no parent; a masterplan without a vision has its missions on top."""
    c = assert_agrees_with_oracle(_cascade_region(program_parents=()), "cascading")
    assert c.type.value == "unsynchronized"
    (reason,) = c.why_not_synchronized("SP1")
    assert reason.values["condition"] == "no_parent" and "name no parent" in reason.message()
    no_vision = region([E("M1", "mission"), E("P1", "program", "M1", budget=1)],
                       [E("SM1", "mission"), E("SP1", "program", "SM1")],
                       [Match("SM1", "M1", "derived"), Match("SP1", "P1", "derived")])
    assert assert_agrees_with_oracle(no_vision, "cascading").type.value == "mission"


# -------------------------------------------------------------- rule-author machinery

def test_the_default_typology_how_reaches_every_element_conclusion_of_a_stage():
    """how() of a stage reaches one ElementSynchronized per counting match and one
    ElementUnsynchronized per element not synchronized, each down to its inputs."""
    c = classifier("default").classify(smartsync.load_region("examples/type-b-mission.yaml"))
    nodes = [node for _, node in c.how("stage:program").walk()]
    synchronized = {n.fact.fields["id"] for n in nodes if n.fact.kind == "ElementSynchronized"}
    unsynchronized = {n.fact.fields["id"] for n in nodes
                      if n.fact.kind == "ElementUnsynchronized"}
    assert synchronized == set(c.stages["program"].synchronized_ids)
    assert unsynchronized == set(c.stages["program"].unsynchronized_ids)


def test_collect_records_what_it_returns_in_the_step():
    """A rule's self.collect(...) gives the matching facts and the step cites them."""
    seen = {}

    class Counting:
        @concludes(Characteristic, key="counted")
        @Rule(TypeResult(stage=W()), salience=PHASE["describe"])
        def count_counted_matches(self):
            """Concludes how many matches count."""
            found = self.collect(ElementSynchronized)
            seen["n"] = len(found)
            self.declare(Characteristic(key="counted", value=len(found), figures={}))

    c = smartsync.Classifier(default_packs() + (Counting,)).classify(
        smartsync.load_region("examples/type-d-program.yaml"))
    step = next(s for s in c.trace if s.rule == "count_counted_matches")
    cited = [c.trace.facts[i].kind for i in step.facts]
    assert cited.count("ElementSynchronized") == seen["n"] == c.characteristic("counted").value > 0


def test_a_pack_declares_input_facts_of_its_own():
    """A pack's input_facts classmethod adds input facts for every region, nothing patched."""
    from smartsync.facts import Fact

    class Indicator(Fact):
        """An indicator of a masterplan element."""

    class Indicators:
        @classmethod
        def input_facts(cls, region, typology, params):
            for e in region.masterplan.elements:
                for text in e.indicators:
                    yield Indicator(id=e.id, text=text)

        @concludes(Characteristic, key="indicators")
        @Rule(TypeResult(stage=W()), salience=PHASE["describe"])
        def indicator_count(self):
            """Concludes how many indicators the masterplan states."""
            self.declare(Characteristic(key="indicators",
                                        value=len(self.collect(Indicator)), figures={}))

    r = smartsync.load_region("examples/type-a-vision.yaml")
    c = smartsync.Classifier(default_packs() + (Indicators,)).classify(r)
    expected = sum(len(e.indicators) for e in r.masterplan.elements)
    assert c.characteristic("indicators").value == expected > 0
    assert all(f.input for f in c.trace.find("Indicator"))
    assert smartsync.classify(r).trace.find("Indicator") == ()  # other classifiers unchanged


@pytest.mark.parametrize("mark, message", [
    (lambda: concludes(TypeResult, stage=MATCH.stge), r"MATCH\.stge\) names a variable no pattern"),
    (lambda: concludes("TypeResult"), "not a fact class"),
])
def test_a_wrong_concludes_is_an_error(mark, message):
    """@concludes naming an unbound variable or no fact class is refused when the classifier
    is built, instead of giving why-not reasons that bind nothing."""
    pack = types.new_class("Wrong")
    pack.odd_type = mark()(Rule(StageCoverage(stage=MATCH.stage), salience=PHASE["type"])(
        lambda self, stage: None))
    with pytest.raises(RulePackError, match=message):
        smartsync.Classifier(default_packs() + (pack,))


def test_concludes_below_rule_is_an_error():
    """@concludes placed below @Rule (where experta hides it) is refused with the fix."""
    class Below:
        @Rule(StageCoverage(stage=MATCH.stage), salience=PHASE["type"])
        @concludes(TypeResult, stage=MATCH.stage)
        def below(self, stage):
            """Concludes nothing."""

    with pytest.raises(RulePackError, match="above @Rule"):
        smartsync.Classifier(default_packs() + (Below,))


class Relabel:
    """A pack that modifies a concluded fact and retracts another (as a user's pack may)."""

    @Rule(AS.fact << Characteristic(key="exposure", value=MATCH.value),
          salience=PHASE["describe"] - 5)
    def relabel_exposure(self, fact, value):
        """Replaces the exposure characteristic by the same one in capitals."""
        if value == value.upper():
            return
        self.modify(fact, value=value.upper())

    @Rule(AS.fact << Characteristic(key="periods"), salience=PHASE["describe"] - 5)
    def drop_periods(self, fact):
        """Retracts the periods characteristic."""
        self.retract(fact)


def test_a_pack_that_modifies_and_retracts_keeps_how_json_and_the_report():
    """The trace keeps every fact with its life span: how() of the modified fact reaches
    the retracted original, and the JSON, the text and the HTML report render."""
    from smartsync.render.html import render_html

    c = smartsync.Classifier(default_packs() + (Relabel,)).classify(
        smartsync.load_region("examples/type-b-mission.yaml"))
    exposure = c.characteristic("exposure")
    assert exposure.value == "HIGH" and c.characteristic("periods") is None
    tree = c.how(exposure)
    assert tree.step.rule == "relabel_exposure"
    (original,) = [p.fact for p in tree.premises if p.fact.kind == "Characteristic"]
    assert original.retracted and original.fields["value"] == "high"
    assert c.trace.facts[original.id].retracted_at == tree.step.number
    dropped = c.trace.find("Characteristic", retracted=True, key="periods")
    assert dropped and dropped[0].retracted_at is not None
    assert not c.trace.find("Characteristic", key="periods")
    data = json.loads(render(c, "json"))
    assert data["facts"][str(original.id)]["retracted_at"] == tree.step.number
    assert render(c, "text", explain=True) and "relabel_exposure" in render(c, "markdown",
                                                                            trace=True)
    assert "relabel_exposure" in render_html(c.region, c)


def test_rules_names_a_module_without_a_colon(tmp_path, monkeypatch):
    """--rules MODULE finds the module's VARIANT, its only Variant, or its packs; an unknown
    name lists what was tried."""
    (tmp_path / "mystudy_one.py").write_text(
        "from smartsync.variants import Variant, default_packs\n"
        "MINE = Variant('mine', default_packs(), description='x')\n")
    (tmp_path / "mystudy_packs.py").write_text(
        "from smartsync.facts import Characteristic, TypeResult\n"
        "from smartsync.rules import PHASE, Rule, W, concludes\n"
        "class Mine:\n"
        "    @concludes(Characteristic, key='mine')\n"
        "    @Rule(TypeResult(stage=W()), salience=PHASE['describe'])\n"
        "    def mine(self):\n"
        "        '''Concludes mine.'''\n"
        "        self.declare(Characteristic(key='mine', value=True, figures={}))\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert load_variant("mystudy_one").name == "mine"
    assert load_variant("mystudy_packs").packs[-1].__name__ == "Mine"
    assert load_variant("budgeted-programs") is BUDGETED_PROGRAMS or \
        load_variant("budgeted-programs").packs == BUDGETED_PROGRAMS.packs
    with pytest.raises(RulePackError) as info:
        load_variant("no_such_study")
    assert "entry point named 'no_such_study'" in str(info.value)
    assert "a module named 'no_such_study'" in str(info.value)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_each_variant_is_an_entry_point_with_a_description(name):
    """Each element-level variant is found by name and says what it does."""
    variant = load_variant(name)
    assert variant.description and variant.packs == VARIANTS[name][0].packs
    assert variant.params == VARIANTS[name][0].params


def test_stage_relations_are_parameters_with_a_command_line_form():
    """Counted relations per stage read from a mapping or from the command line's form."""
    a = Parameters(stage_relations={"visi": ["adopted", "derived"]})
    b = Parameters(stage_relations="vision=adopted+derived")
    assert a == b and a.relations_for("vision") == b.relations_for("vision")
    assert {r.value for r in a.relations_for("mission")} == {"adopted", "derived", "aligned"}
    with pytest.raises(ValueError, match="relations for the vision stage"):
        Parameters(stage_relations={"vision": ["copied"]})
    with pytest.raises(ValueError, match="stage=relation"):
        Parameters(stage_relations="vision")


def test_stage_relations_on_the_command_line(capsys):
    """--stage-relations counts relations per stage; a variant's own per-stage relations
    survive --threshold; a wrong relation is a usage error naming the stage."""
    from smartsync.cli import main

    example = "examples/type-b-mission.yaml"
    assert main(["classify", example, "--stage-relations", "mission=adopted",
                 "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["type"] == "target"
    assert main(["classify", example, "--rules", "relations-per-stage", "--threshold", "0.5",
                 "--format", "json"]) == 0
    params = json.loads(capsys.readouterr().out)["params"]
    assert params["stage_relations"]["vision"] == ["adopted", "derived"]
    assert main(["classify", example, "--stage-relations", "mission=copied"]) == 2
    assert "relations for the mission stage" in capsys.readouterr().err


def test_how_of_an_element_on_the_command_line(capsys):
    """--how element:ID prints how a masterplan element was concluded synchronized (by which
    match) or not; an unknown id is a usage error."""
    from smartsync.cli import main

    example = "examples/type-b-mission.yaml"
    assert main(["explain", example, "--how", "element:SS4"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("So: SS4 is synchronized: matched to S3.2.1")
    assert main(["explain", example, "--how", "element:SS4", "--trace"]) == 0
    out = capsys.readouterr().out
    assert "ElementSynchronized(stage=target, id=SS4" in out
    assert "input: Match(masterplan=SS4" in out
    assert main(["explain", example, "--how", "element:SV"]) == 0
    assert capsys.readouterr().out.startswith("So: SV is not synchronized")
    assert main(["explain", example, "--how", "element:XX"]) == 2
    assert "'XX'" in capsys.readouterr().err


def test_why_not_gives_the_condition_each_match_of_an_element_fails():
    """An element with two matches, each failing another condition, gets both reasons."""
    r = region([E("P1", "program", budget=0), E("P2", "program", budget=5)],
               [E("SP1", "program"), E("SP2", "program")],
               [Match("SP1", "P1", "adopted"), Match("SP1", "P2", "aligned"),
                Match("SP2", "P2", "adopted")])
    c = BUDGETED_PROGRAMS.classifier().classify(
        r, params=Parameters(relations=["adopted", "derived"]))
    assert c.stages["program"].unsynchronized_ids == ("SP1",)
    conditions = {(x.values["condition"], tuple(x.values["counterparts"]))
                  for x in c.why_not_synchronized("SP1")}
    assert conditions == {("budget", ("P1",)), ("relation", ("P2",))}


def test_how_of_a_rule_that_read_only_a_coverage_says_the_figures_and_no_threshold():
    """A variant's condition resting on a stage's coverage alone: its how gives that
    coverage's figures (no 'threshold None', no verdict the rule did not read), en and id."""
    from smartsync.facts import ConditionFailed
    from smartsync.render.plain import checklist

    class FullMissions:
        @concludes(ConditionFailed, stage="mission", condition="full_missions")
        @Rule(StageCoverage(stage="mission", present=True, coverage=MATCH.coverage),
              salience=PHASE["condition"])
        def missions_not_full(self, coverage):
            """Concludes that synchronization cannot start at the mission unless every masterplan mission is synchronized."""
            if coverage < 1:
                self.declare(ConditionFailed(stage="mission", condition="full_missions", figures={}))

    r = smartsync.load_region("examples/type-b-mission.yaml")  # missions 3 of 4
    c = smartsync.Classifier(default_packs() + (FullMissions,)).classify(r)
    failed = c.diagnostics_with("condition_failed")[0]
    lines = {lang: checklist(c, lang, failed) for lang in ("en", "id")}
    assert lines["en"][0] == ("✓ the mission stage's coverage is 75%: 3 of 4 masterplan mission "
                              "elements are matched to an RPJMD mission")
    assert lines["id"][0] == "✓ cakupan tahap misi 75%: 3 dari 4 unsur misi masterplan dipadankan dengan misi RPJMD"
    assert not [line for out in lines.values() for line in out if "None" in line]
    # where the rules read the stage's status, its verdict and threshold are said
    assert "(coverage 75%, threshold 50%)" in checklist(c, "en", "stage:mission")[0]
