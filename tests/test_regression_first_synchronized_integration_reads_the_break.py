"""Regression (issue 21): under ``first-synchronized`` a region typed by its vision whose
target and program stages are not synchronized was "Integrated from the top: ... formulated
from the RPJMD from the vision down" and its legitimacy "elaborates it from the vision down".
Both now read the chain break the rules concluded: integration ``broken`` and legitimacy
``rpjmd_broken``, naming the stages where the chain breaks, in English and Indonesian."""

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


def test_integration_says_the_chain_breaks_below_the_start(first):
    """Type A with target and program unsynchronized: 'Integration broken ... at the target
    and program', never 'from the vision down' as a whole; en and id."""
    assert first.type_letter == "A"
    integration = first.characteristic("integration")
    assert integration.value == "broken" and list(integration.figures["at"]) == ["target", "program"]
    assert integration.message() == (
        "Integration broken: synchronization starts at the vision, but the chain of synchronized "
        "stages breaks below it, at the target and program, so the masterplan is not formulated "
        "from the RPJMD from the vision down to its programs.")
    assert "rantai tahap yang tersinkronisasi putus di bawahnya, pada sasaran dan program" in \
        integration.message("id")


def test_legitimacy_does_not_claim_the_rpjmd_is_elaborated_down_to_the_programs(first):
    """Legitimacy 'only in part', naming the break; en and id."""
    legitimacy = first.characteristic("legitimacy")
    assert legitimacy.value == "rpjmd_broken"
    assert "only in part: synchronization starts at the vision, but the chain breaks at the " \
           "target and program" in legitimacy.message()
    assert "hanya sebagian" in legitimacy.message("id")
    said = " ".join(c.message() for c in first.characteristics)
    assert "from the vision down." not in said


def test_the_default_typology_keeps_its_words_on_an_unbroken_chain():
    """A type B region under the default rules: integration and legitimacy as before."""
    result = smartsync.classify(smartsync.load_region(EXAMPLES / "type-b-mission.yaml"))
    assert result.characteristic("integration").value in ("high", "high_in_part")
    assert result.characteristic("legitimacy").value == "rpjmd"
