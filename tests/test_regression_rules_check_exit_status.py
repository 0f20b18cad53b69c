"""``rules --check`` exited 0 with "rule never fired", counted never-fired rules apart from
the regions that failed, and a conflict ("the rule packs concluded 2 types") did not name
the rules behind it."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from smartsync import RulePackError
from smartsync.cli import main
from smartsync.engine import Classifier
from smartsync.facts import StageCoverage, StageStatus, TypeResult
from smartsync.rules import PHASE, MATCH, Rule, concludes
from smartsync.variants import default_packs

ROOT = Path(__file__).resolve().parent.parent


class NeverFires:
    @Rule(StageCoverage(stage="no-such-stage"))
    def waits_for_nothing(self):
        """Fires on a stage no typology has: never."""


class FailsOnSome:
    @Rule(StageCoverage(stage="program", total=MATCH.total, present=True))
    def fails_on_even_seeds(self, total):
        """Fails on regions whose masterplan has an even number of programs."""
        if total % 2 == 0:
            raise ValueError("even")


class TwoTypes:
    @concludes(TypeResult, stage="program")
    @Rule(StageStatus(stage="program", synchronized=True), salience=PHASE["type"])
    def always_program_too(self):
        """Concludes program as well: a broken typology."""
        self.declare(TypeResult(stage="program", position=3, base=True))


@pytest.fixture
def module():
    """A module ``checked_packs`` holding the packs above, for --rules checked_packs:NAME."""
    made = types.ModuleType("checked_packs")
    for pack in (NeverFires, FailsOnSome, TwoTypes):
        setattr(made, pack.__name__, pack)
    sys.modules["checked_packs"] = made
    yield "checked_packs"
    del sys.modules["checked_packs"]


def check(capsys, *args: str) -> tuple[int, str]:
    code = main(["rules", "--check", "--regions", "12", *args])
    return code, capsys.readouterr().out


def test_a_rule_that_never_fires_fails_the_check(module, capsys):
    """A rule that never fires over the regions tried: exit 1, named, counted."""
    code, out = check(capsys, "--rules", f"{module}:NeverFires")
    assert code == 1
    assert "rule never fired: waits_for_nothing (test_regression_rules_check_exit_status:NeverFires)" in out
    assert "rules never fired (a condition that cannot hold?" in out.rstrip().splitlines()[-1]


def test_allow_unfired_accepts_a_rule_that_never_fires(module, capsys):
    """--allow-unfired: the rule is still reported, the check passes."""
    code, out = check(capsys, "--rules", f"{module}:NeverFires", "--allow-unfired")
    assert code == 0 and "rule never fired: waits_for_nothing" in out
    assert "rules never fired (allowed: --allow-unfired)" in out


def test_failed_regions_and_never_fired_rules_are_counted_together(module, capsys):
    """Regions whose rule failed and rules that never fired are counted in one summary;
    the regions that did not fail are still classified."""
    code, out = check(capsys, "--rules", f"{module}:FailsOnSome")
    assert code == 1
    summary = out.rstrip().splitlines()[-1]
    assert "of 12 regions failed" in summary
    failed = int(summary.split(" of 12")[0])
    first = out.splitlines()[0]
    assert 0 < failed < 12 and f"failed {failed}" in first
    assert f"{failed} {'region' if failed == 1 else 'regions'} failed (" in out and "fails_on_even_seeds" in out


def test_a_conflict_names_the_rules_that_concluded_each_type(capsys, module):
    """Two types: the error names each type with the rule that concluded it, and its module."""
    classifier = Classifier(default_packs() + (TwoTypes,))
    with pytest.raises(RulePackError) as info:
        classifier.classify(ROOT / "examples" / "type-d-program.yaml")
    text = str(info.value)
    assert "concluded 2 types" in text and "by rule 'always_program_too'" in text
    assert "by rule 'type_from_highest_intact_chain'" in text or "program by rule" in text
    assert info.value.kind == "conclusion" and info.value.rule in (
        "always_program_too", "type_from_highest_intact_chain")
    code, out = check(capsys, "--rules", f"{module}:TwoTypes")
    assert code == 1 and "by rule 'always_program_too'" in out


from smartsync.facts import Element as ElementFact, Match as MatchFact, MatchRejected, StageDef


class ReadsOptionalFields:
    """Rules on what drafted files often leave out (newuser F104)."""

    @concludes(MatchRejected, masterplan=MATCH.element, rpjmd=MATCH.counterpart, condition="uncoded")
    @Rule(StageDef(name="program"),
          ElementFact(plan="masterplan", level="program", id=MATCH.element),
          MatchFact(masterplan=MATCH.element, rpjmd=MATCH.counterpart, relation=MATCH.relation),
          ElementFact(plan="rpjmd", level="program", id=MATCH.counterpart, code=None),
          salience=PHASE["reject"])
    def counterpart_uncoded(self, element, counterpart, relation):
        """Concludes that a program match does not count: the RPJMD program carries no code."""
        self.declare(MatchRejected(stage="program", masterplan=element, rpjmd=counterpart,
                                   relation=relation, condition="uncoded", figures={}))

    @Rule(ElementFact(plan="masterplan", level="program", dimension=None))
    def program_without_dimension(self):
        """Notes a masterplan program without a dimension."""

    @Rule(ElementFact(plan="rpjmd", level="program", budget=0))
    def program_budget_zero(self):
        """Notes an RPJMD program whose budget is 0."""


def test_the_generated_regions_have_what_drafted_files_leave_out(capsys):
    """--check draws RPJMD programs without a code or with a budget of 0 and masterplan
    programs without a dimension, so a variant's rule on them fires (it failed as
    "rule never fired" on a rule about uncoded programs)."""
    made = types.ModuleType("optional_packs")
    made.ReadsOptionalFields = ReadsOptionalFields
    made.VARIANT = __import__("smartsync").Variant(
        "optional", default_packs() + (ReadsOptionalFields,), description="x")
    sys.modules["optional_packs"] = made
    try:
        code, out = check(capsys, "--rules", "optional_packs:VARIANT", "--regions", "40")
    finally:
        del sys.modules["optional_packs"]
    for rule in ("counterpart_uncoded", "program_without_dimension", "program_budget_zero"):
        assert f"rule never fired: {rule}" not in out, out


def test_shapes_leave_the_rest_of_a_generated_region_alone():
    """typical_region(shapes=True) differs from the region without shapes only in the
    optional fields (codes, budgets, dimensions, agencies, parents): same ids, levels,
    texts and matches."""
    from smartsync.sample import typical_region

    for seed in range(12):
        plain, shaped = typical_region(seed, varied=True), typical_region(seed, varied=True, shapes=True)
        assert plain.matches == shaped.matches
        for a, b in ((plain.rpjmd, shaped.rpjmd), (plain.masterplan, shaped.masterplan)):
            assert [(e.id, e.level, e.text) for e in a.elements] == \
                [(e.id, e.level, e.text) for e in b.elements]
