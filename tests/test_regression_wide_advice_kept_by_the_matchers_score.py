"""The wide advice (pairs found by trying) keeps, where several pairs would do, the one the
matcher scores highest, and a long list shows each element's best pairs and counts the
rest (newuser F182: under mission_coverage SP12 "Desa digital" was proposed with P18
"Program Pengembangan Kebudayaan" while the matcher's P16 "Administrasi Pemerintahan Desa"
reaches type B too; issue 21: dozens of content-blind pairs listed)."""

from __future__ import annotations

import attrs

import smartsync
from smartsync.advice import ProposedMatch, to_reach
from smartsync.render.text import to_reach_lines
from smartsync.variants import load_variant


def _mission_coverage():
    classifier = load_variant("smartsync.rules.mission_coverage:MISSION_COVERAGE").classifier()
    return classifier, classifier.classify(smartsync.load_region("examples/type-b-mission.yaml"))


def test_the_pair_the_matcher_scores_highest_is_kept_and_said_with_its_score():
    """SP12 -> P16 (score 0.45), which reaches type B when applied, in en and id."""
    classifier, result = _mission_coverage()
    b = to_reach(result, classifier=classifier, types=["B"])["B"]
    assert b.wide and b.ranked
    ((pair),) = [(p.masterplan, p.rpjmd) for p in b.proposal]
    assert pair == ("SP12", "P16")
    region = result.region
    applied = attrs.evolve(region, matches=region.matches + tuple(
        smartsync.Match(p.masterplan, p.rpjmd, p.relation) for p in b.proposal))
    assert classifier.classify(applied).type_letter == "B"
    en = to_reach_lines(result, "en", {"B": b})
    assert any("P16" in x and "(score 0.45): add this match (derived)" in x for x in en)
    assert any("the one the matcher scores highest was kept" in x for x in en)
    id_ = to_reach_lines(result, "id", {"B": b})
    assert any("skor tertinggi" in x for x in id_)


def test_without_the_matcher_the_same_elements_are_needed():
    """suggest=False needs the same masterplan elements per level (only the pair differs)."""
    classifier, result = _mission_coverage()
    a = to_reach(result, classifier=classifier, types=["B"])["B"]
    b = to_reach(result, classifier=classifier, types=["B"], suggest=False)["B"]
    assert dict(a.needed) == dict(b.needed) and not b.ranked


def test_a_long_wide_proposal_shows_the_best_pairs_per_element_and_counts_the_rest():
    """60 pairs of 20 elements: 3 per element, best score first, 12 in all, "and 48 more"
    ("dan 48 lainnya"); the advice keeps all 60 (JSON)."""
    classifier, result = _mission_coverage()
    b = to_reach(result, classifier=classifier, types=["B"])["B"]
    many = tuple(ProposedMatch(f"SP{i}", f"P{j}", "program", score=j / 10)
                 for i in range(1, 21) for j in (1, 2, 3))
    long = attrs.evolve(b, proposal=many, needed={"program": 20})
    lines = to_reach_lines(result, "en", {"B": long})
    shown = [x for x in lines if x.startswith("      SP")]
    assert len(shown) == 12
    assert [x.split(" -> ")[1].split()[0] for x in shown[:3]] == ["P3", "P2", "P1"]
    assert any("and 48 more pairs the rules need as well" in x for x in lines)
    assert any("dan 48 pasangan lainnya" in x for x in to_reach_lines(result, "id", {"B": long}))
    assert len(long.to_dict()["proposal"]) == 60
