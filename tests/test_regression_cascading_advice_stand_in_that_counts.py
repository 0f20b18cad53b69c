"""Under cascading, the advice's search stood an element in with a counterpart the cascade
rejects, so it asked for one element more than needed (newuser F179: on unsynchronized.yaml
"match 7 more ... with all the changes for this type 8 count", where 6 do)."""

from __future__ import annotations

import attrs

import smartsync
from smartsync.advice import to_reach
from smartsync.variants import load_variant


def test_cascading_to_d_on_the_unsynchronized_example_asks_for_six_matches():
    """needed is 6 with and without the matcher, and the six, with a counterpart each that
    the advice says counts (or the matcher proposes), give type D."""
    classifier = load_variant("cascading").classifier()
    region = smartsync.load_region("examples/unsynchronized.yaml")
    result = classifier.classify(region)
    d = to_reach(result, classifier=classifier, types=["D"])["D"]
    bare = to_reach(result, classifier=classifier, types=["D"], suggest=False)["D"]
    assert dict(d.needed) == {"program": 6} == dict(bare.needed)
    picked = {p.masterplan: p.rpjmd or (p.counting[0] if p.counting else None)
              for p in d.proposal}
    # a stand-in the advice says counts is one the cascade counts (SP16 -> P10 where
    # SP16 is proposed; the thinning-out of the proposal may take another element)
    assert picked.get("SP16", "P10") == "P10"
    # the elements a person must find one for, given counterparts under their cascade
    found = {"SP1": "P1", "SP2": "P2", "SP4": "P7", "SP5": "P7"}
    matches = {m.key: m for m in region.matches}
    for mp, rp in picked.items():
        rp = rp or found[mp]
        matches.pop(next((k for k in matches if k[0] == mp), None), None)
        matches[(mp, rp)] = smartsync.Match(mp, rp, "derived")
    applied = classifier.classify(attrs.evolve(region, matches=tuple(matches.values())))
    assert applied.type_letter == "D"
