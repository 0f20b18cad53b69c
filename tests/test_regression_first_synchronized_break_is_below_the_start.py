"""Regression (newuser finding F81): under ``first-synchronized`` the unsynchronized example
is type A ("synchronization starts at the vision"), and its diagnostics said "Synchronized
above a break: ... so synchronization does not start above the break", the default
typology's reading, contradicting the type in the same report. The diagnostic now reads
what the variant concluded: the break is below the stage where synchronization starts."""

from __future__ import annotations

from pathlib import Path

import pytest

import smartsync
from smartsync.variants import load_variant

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def first():
    return load_variant("first-synchronized").classifier().classify(
        smartsync.load_region(EXAMPLES / "unsynchronized.yaml"))


def test_first_synchronized_never_says_synchronization_does_not_start_above_the_break(first):
    """Type A under first-synchronized: no 'synchronized above a break' finding, in any language."""
    assert first.type_letter == "A"
    assert not first.diagnostics_with("synchronized_above_break")
    for lang in ("en", "id"):
        said = " ".join(d.message(lang) for d in first.diagnostics)
        assert "does not start above the break" not in said
        assert "tidak dimulai di atas rantai yang putus" not in said


def test_first_synchronized_names_where_the_chain_from_the_start_breaks(first):
    """The finding names the start, the stages that break the chain and their coverages, en and id."""
    (finding,) = first.diagnostics_with("chain_broken_below_start")
    assert finding.severity == "warning"
    assert finding.figures["stage"] == "vision" and list(finding.figures["at"]) == ["target", "program"]
    assert "it starts at the vision, though the chain from it breaks at the target and program " \
           "(target 16.7%, program 18.8%" in finding.message()
    assert "sinkronisasi dimulai pada visi, tetapi rantai darinya putus pada sasaran dan program" \
        in finding.message("id")


def test_the_default_still_says_synchronization_does_not_start_above_the_break():
    """Under the default rules the same region keeps its finding (unsynchronized: the break
    keeps the vision from setting the type), and never the first-synchronized one."""
    default = smartsync.classify(smartsync.load_region(EXAMPLES / "unsynchronized.yaml"))
    assert default.diagnostics_with("synchronized_above_break")
    assert not default.diagnostics_with("chain_broken_below_start")
