"""A proposal of the matcher's candidate names the relation the advice was verified with
(newuser F172: "SM3 -> M2 (score 0.79)" under mission=adopted+derived; a planner who added
it as aligned did not reach the promised type B)."""

from __future__ import annotations

import smartsync
from smartsync.advice import to_reach
from smartsync.render.text import to_reach_lines


def test_a_candidate_line_says_the_relation_to_give_it_in_both_languages():
    """Each candidate line ends "add this match (derived)" / "tambahkan padanan ini (diturunkan)",
    the relation of the proposal the rules were asked about."""
    region = smartsync.load_region("examples/type-d-program.yaml")
    params = smartsync.Parameters(stage_relations={"mission": ("adopted", "derived")})
    result = smartsync.classify(region, params=params)
    advice = to_reach(result, types=["B"])
    candidates = [p for p in advice["B"].proposal if p.score is not None]
    assert candidates and {p.relation for p in candidates} == {"derived"}
    for lang, said in (("en", "add this match (derived)"),
                       ("id", "tambahkan padanan ini (diturunkan)")):
        lines = [x for x in to_reach_lines(result, lang, advice)
                 if "score" in x or "skor" in x]
        assert len(lines) == len(candidates)
        assert all(x.endswith(said) for x in lines), lines
