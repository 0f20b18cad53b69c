"""Under a variant where a program counts only under a matched masterplan target, the advice
asked for 14 new program matches where 5 suffice, and for a new counterpart for SP3, whose
match in the file counts once its target is matched (newuser F164)."""

from __future__ import annotations

import smartsync
from smartsync.advice import to_reach
from variant_under_target import VARIANT


def test_under_target_advice_asks_for_the_five_programs_under_matched_targets():
    """Type D on unsynchronized.yaml: match SS1 and SS2 and five programs under matched
    targets (not SP3, whose match counts once SS1 is matched), with and without the matcher."""
    classifier = VARIANT.classifier()
    region = smartsync.load_region("examples/unsynchronized.yaml")
    result = classifier.classify(region)
    for suggest in (True, False):
        d = to_reach(result, classifier=classifier, types=["D"], suggest=suggest)["D"]
        assert d.reachable and dict(d.needed) == {"target": 2, "program": 5}, dict(d.needed)
        assert "SP3" not in {p.masterplan for p in d.proposal}
        assert d.after.get("program") == 8
