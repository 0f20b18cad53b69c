"""A rule pack that fires forever ran until memory was gone (60 s, 1.6 GB and growing),
and ``rules --check`` with it too: a classification now stops at a firing limit with an
error naming the rules that fired most."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hostile_packs import forget, write_pack
from smartsync import RulePackError
from smartsync._guard import FIRINGS_BASE, FIRINGS_PER_FACT, firing_limit
from smartsync.cli import EXIT_CODES, EXIT_RULES, main
from smartsync.engine import Classifier, default_classifier
from smartsync.variants import load_variant

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "type-a-vision.yaml"


@pytest.fixture
def loops(tmp_path, monkeypatch):
    """The name of a looping pack's module in the current folder."""
    monkeypatch.chdir(tmp_path)
    name = write_pack(tmp_path, "loops")
    yield name
    forget(name)


def test_a_looping_pack_stops_at_the_limit_naming_the_rule(loops):
    """The classification stops after max_firings firings with a RulePackError whose
    fields name the rule that fired most, its module and the fact it last fired on."""
    classifier = load_variant(loops).classifier()
    classifier.max_firings = 300
    with pytest.raises(RulePackError) as info:
        classifier.classify(EXAMPLE)
    error = info.value
    assert error.kind == "limit" and error.rule == "count_up" and error.module == loops
    assert error.firings[0][0] == "count_up" and sum(n for _, n in error.firings) == 300
    assert "Counter(n=" in error.fact and "fired 300 times" in str(error)
    assert "--max-firings" in str(error)


def test_the_limit_per_classification_overrides_the_classifiers(loops):
    """classify(max_firings=N) stops at N whatever the classifier's own limit."""
    classifier = load_variant(loops).classifier()
    with pytest.raises(RulePackError, match="fired 120 times"):
        classifier.classify(EXAMPLE, max_firings=120)


def test_the_classifier_works_again_after_a_stopped_run(loops):
    """A stopped run leaves the classifier usable: the next region is classified."""
    classifier = load_variant(loops).classifier()
    with pytest.raises(RulePackError):
        classifier.classify(EXAMPLE, max_firings=50)
    default = Classifier(classifier.packs[:-1])
    assert default.classify(EXAMPLE).type.value == "vision"


def test_the_default_limit_grows_with_the_region():
    """Without a limit given, 50,000 firings and 50 per fact of the region: far more than
    the shipped rules need (a few per element)."""
    assert firing_limit(None, 1000) == FIRINGS_BASE + FIRINGS_PER_FACT * 1000
    assert firing_limit(7, 1000) == 7
    with pytest.raises(ValueError, match="at least 1"):
        Classifier(max_firings=0)


def test_cli_stops_a_looping_pack_with_exit_4(loops, capsys):
    """classify --rules LOOPING --max-firings N: one clear line, exit 4, no traceback."""
    code = main(["classify", str(EXAMPLE), "--rules", loops, "--max-firings", "200"])
    err = capsys.readouterr().err
    assert code == EXIT_RULES == 4 and "Traceback" not in err
    assert "count_up" in err and loops in err and "fired 200 times" in err
    assert "fired past the firing limit" in EXIT_CODES[EXIT_RULES]


def test_rules_check_reports_a_looping_pack_instead_of_hanging(loops, capsys):
    """rules --check stops trying regions after two reach the limit, and says so."""
    code = main(["rules", "--check", "--rules", loops, "--regions", "30",
                 "--max-firings", "400"])
    out = capsys.readouterr().out
    assert code == 1
    assert "2 regions failed" in out and "count_up" in out
    assert "stopped after 2 regions reached the firing limit; 28 regions not tried" in out


def test_max_firings_must_be_a_positive_number(capsys):
    """--max-firings 0 or a word is a usage error (exit 2)."""
    with pytest.raises(SystemExit) as info:
        main(["classify", str(EXAMPLE), "--max-firings", "0"])
    assert info.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def test_default_rules_classify_under_a_given_limit(capsys):
    """--max-firings with the default rules: a limit above what they need changes nothing,
    one below it stops the classification (exit 4) and leaves the shared classifier as it
    was."""
    assert main(["classify", str(EXAMPLE), "--max-firings", "5000", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["type"] == "vision"
    assert main(["classify", str(EXAMPLE), "--max-firings", "10"]) == EXIT_RULES
    assert "fired 10 times" in capsys.readouterr().err
    assert default_classifier().max_firings is None


def test_the_limit_is_exact_and_counts_one_run():
    """A classification that needs exactly N firings passes with max_firings=N and stops
    with N-1; the firings of earlier runs on the same classifier do not count."""
    classifier = Classifier()
    needed = len(classifier.classify(EXAMPLE).trace.steps)
    for _ in range(2):  # a second run gets the whole limit again
        assert len(classifier.classify(EXAMPLE, max_firings=needed).trace.steps) == needed
    with pytest.raises(RulePackError, match=f"fired {needed - 1:,} times"):
        classifier.classify(EXAMPLE, max_firings=needed - 1)
