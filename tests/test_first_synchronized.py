"""The first-synchronized variant's chain as its trace tells it: each stage of the chain
put into it by exactly one firing, the starting stage by the rule for the start only."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given

from strategies_typology import property_settings, typology_regions
from smartsync import load_region
from smartsync.facts import ChainMember
from smartsync.rules.first_synchronized import FirstSynchronizedPack
from smartsync.variants import FIRST_SYNCHRONIZED

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.yaml"))

#: the pack's rules that put a stage into the chain (read from their @concludes marks)
MEMBER_RULES = {name for name, value in vars(FirstSynchronizedPack).items()
                if any(cls is ChainMember for cls, _ in getattr(value, "_smartsync_concludes", ()))}


def _check_chain_firings(region) -> None:
    result = FIRST_SYNCHRONIZED.classifier().classify(region)
    steps = [s for s in result.trace if s.rule in MEMBER_RULES]
    per_stage = Counter(s.bindings["stage"] for s in steps)
    assert set(per_stage) == set(result.chain)
    assert all(n == 1 for n in per_stage.values()), f"stages put into the chain more than once: {per_stage}"
    for step in steps:  # every such firing adds a member: none repeats another's conclusion
        assert step.asserted, f"step {step.number} ({step.rule}) concluded nothing new"
    if result.chain:
        starts = [s for s in steps if s.bindings["stage"] == result.type.value]
        assert len(starts) == 1 and starts[0].rule == "first_stage_member"


def test_the_pack_has_member_rules():
    """The rules read from the pack's marks are the two that build the chain."""
    assert MEMBER_RULES == {"first_stage_member", "lower_synchronized_member"}


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_each_chain_stage_is_put_in_once_on_the_examples(path):
    """Each example's chain under first-synchronized: one firing per stage, the start by the start rule."""
    _check_chain_firings(load_region(path))


@property_settings(25)
@given(typology_regions())
def test_each_chain_stage_is_put_in_once(region):
    """Any region's chain under first-synchronized: one firing per stage, none concluding nothing new."""
    _check_chain_firings(region)
