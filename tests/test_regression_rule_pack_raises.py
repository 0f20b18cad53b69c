"""A rule raising at run time, recursing without end or calling ``sys.exit`` printed a
traceback (or ended the process): every exception from a user's pack or rule is now a
:class:`~smartsync.RulePackError` naming the module, the rule and the fact."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from hostile_packs import forget, write_pack
from smartsync import RulePackError
from smartsync.cli import EXIT_RULES, main
from smartsync.engine import Classifier
from smartsync.facts import StageCoverage
from smartsync.rules import Rule
from smartsync.variants import default_packs, load_variant

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "type-a-vision.yaml"


@pytest.fixture
def pack(tmp_path, monkeypatch):
    """Writes a hostile pack of a kind into the current folder; its classifier."""
    monkeypatch.chdir(tmp_path)
    names = []

    def make(kind: str) -> Classifier:
        names.append(write_pack(tmp_path, kind))
        return load_variant(names[-1]).classifier()

    yield make
    for name in names:
        forget(name)


def failure(classifier: Classifier) -> RulePackError:
    with pytest.raises(RulePackError) as info:
        classifier.classify(EXAMPLE)
    return info.value


def test_a_rule_raising_names_the_module_the_rule_and_the_fact(pack):
    """ZeroDivisionError in a rule: the error's fields and message name them, with the
    file and line of the failing code."""
    error = failure(pack("raises"))
    assert error.kind == "run" and error.rule == "divide_by_nothing"
    assert error.module.startswith("hostile_raises") and error.region == "9901"
    assert error.fact.startswith("#") and "StageCoverage(stage='program'" in error.fact
    text = str(error)
    assert "raised ZeroDivisionError: division by zero" in text
    assert f"{error.module}.py:" in text and "fired on #" in text


def test_a_rule_recursing_without_end_is_reported(pack):
    """A rule recursing without end: 'recursed without end', and the process goes on."""
    classifier = pack("recurses")
    error = failure(classifier)
    assert error.rule == "recurse_forever" and "recursed without end" in str(error)
    assert Classifier().classify(EXAMPLE).type.value == "vision"


def test_sys_exit_in_a_rule_is_caught(pack):
    """sys.exit(7) from a rule no longer ends the process: it is the rule's error."""
    error = failure(pack("exits_in_rule"))
    assert error.rule == "leave" and "called sys.exit(7)" in str(error)


def test_a_failing_condition_names_its_rule_and_the_fact_tested(pack):
    """A TEST condition raising: the rule whose condition it is and the fact it tested."""
    error = failure(pack("condition_raises"))
    assert error.rule == "never_reached" and "a condition of rule 'never_reached'" in str(error)
    assert error.fact and "StageCoverage" in error.fact


def test_a_rule_classifying_with_its_own_classifier_does_not_wait_forever():
    """A rule that classifies again with the classifier running it would wait for itself
    on its lock forever: it is an error naming the rule."""
    holder: list[Classifier] = []

    class Reentrant:
        @Rule(StageCoverage(stage="program"))
        def classify_again(self):
            """Classifies the region again with the classifier running this rule."""
            holder[0].classify(EXAMPLE)

    holder.append(Classifier(default_packs() + (Reentrant,)))
    error = failure(holder[0])
    assert error.rule == "classify_again" and "would wait for itself forever" in str(error)


def test_the_cli_reports_a_raising_rule_with_exit_4(pack, capsys):
    """classify --rules with a raising rule: the file, the rule and the fact on one line
    each, exit 4, no traceback; explain the same."""
    pack("raises")
    name = [m for m in sys.modules if m.startswith("hostile_raises")][-1]
    for command in ("classify", "explain"):
        code = main([command, str(EXAMPLE), "--rules", name])
        err = capsys.readouterr().err
        assert code == EXIT_RULES and "Traceback" not in err
        assert "divide_by_nothing" in err and name in err and "StageCoverage" in err


def test_one_failing_region_leaves_the_others_classified(pack, capsys):
    """classify of several files: the region whose rule fails is reported, the others are
    printed, exit 4."""
    pack("raises_on_some")
    name = [m for m in sys.modules if m.startswith("hostile_raises_on_some")][-1]
    files = sorted(str(p) for p in (ROOT / "examples").glob("*.yaml"))
    code = main(["classify", *files, "--rules", name, "--format", "json"])
    out, err = capsys.readouterr()
    failed = err.count("fails_on_some_totals")
    assert code == EXIT_RULES and 0 < failed < len(files)
    assert len(out.splitlines()) == len(files) - failed
