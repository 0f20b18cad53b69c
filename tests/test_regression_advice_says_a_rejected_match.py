"""Regression (newuser finding F68): under a variant written from docs/variants.rst (the
TrustedSuggestionsPack: a suggested match counts only with a score of 0.8 or more), the
advice listed elements whose suggested match is in the file, rejected by the variant's
rule, as "no RPJMD program proposed by the matcher; find one", and took elements with
nothing before them. It now says the file's match does not count and why (the condition
the rules concluded, in the variant's words), whether a person's confirmation would make
it count (verified by classifying), takes those elements first, and says a suggestion a
reviewer rejected the same way, in en and id."""

from __future__ import annotations

import smartsync
from smartsync import Match
from smartsync.advice import to_reach
from smartsync.facts import Element as ElementFact, Match as MatchFact, MatchRejected, StageDef
from smartsync.model import Element, Period, Plan, PlanKind, Region, RejectedMatch
from smartsync.render.text import proposal_line
from smartsync.rules import MATCH, PHASE, TEST, Rule, concludes
from smartsync.variants import Variant, default_packs


class TrustedSuggestionsPack:
    """A suggested match counts only with a score of at least 0.8."""

    @concludes(MatchRejected, masterplan=MATCH.element, rpjmd=MATCH.counterpart,
               condition="low_score")
    @Rule(MatchFact(masterplan=MATCH.element, rpjmd=MATCH.counterpart,
                    relation=MATCH.relation, source="suggested", score=MATCH.score),
          TEST(lambda score: score < 0.8),
          ElementFact(plan="masterplan", id=MATCH.element, level=MATCH.stage),
          StageDef(name=MATCH.stage),
          salience=PHASE["reject"])
    def suggestion_below_trust(self, element, counterpart, relation, score, stage):
        """Concludes that a suggested match does not count: its score is below 0.8."""
        self.declare(MatchRejected(stage=stage, masterplan=element, rpjmd=counterpart,
                                   relation=relation, condition="low_score",
                                   figures={"score": score}))


WORDS = {"en": {"condition.low_score": "its suggestion score is below 0.8"},
         "id": {"condition.low_score": "skor usulannya di bawah 0,8"}}
TRUSTED = Variant("trusted", default_packs() + (TrustedSuggestionsPack,), messages=WORDS)


def _region(rejected: tuple = ()) -> Region:
    rpjmd = tuple(Element(f"P{i}", "program", f"Program {i}", budget=5) for i in range(1, 5))
    masterplan = tuple(Element(f"SP{i}", "program", f"Aplikasi {i}") for i in range(1, 5))
    return Region("9001", "Kota Uji", "kota", Plan(PlanKind.RPJMD, Period(2021, 2026), rpjmd),
                  Plan(PlanKind.MASTERPLAN, Period(2022, 2031), masterplan),
                  (Match("SP1", "P1", "aligned", "suggested", score=0.9),
                   Match("SP3", "P3", "aligned", "suggested", score=0.6)), rejected=rejected)


def test_advice_says_the_files_match_does_not_count_and_that_a_confirmation_would():
    """SP3's suggested match (0.6) is in the file: the advice takes SP3 first and says its
    match does not count (score below 0.8) and would count confirmed, never 'proposed by
    the matcher'."""
    classifier = TRUSTED.classifier()
    result = classifier.classify(_region())
    assert result.type.value == "unsynchronized"
    d = to_reach(result, classifier=classifier, suggest=False, types=["D"])["D"]
    (p,) = d.proposal
    assert (p.masterplan, p.rpjmd, p.rejected, p.confirm) == ("SP3", None, (("P3", "low_score"),),
                                                             ("P3",))
    with smartsync.messages.using(classifier.messages) if hasattr(smartsync.messages, "using") \
            else _nothing():
        en, id_ = proposal_line(result.region, p, "en"), proposal_line(result.region, p, "id")
    assert "proposed by the matcher" not in en and "tidak mengusulkan" not in id_
    assert "its match to P3 in the file does not count (its suggestion score is below 0.8)" in en
    assert "confirmed by a person (as a manual match), it would count" in en
    assert "padanannya dengan P3 dalam berkas tidak dihitung (skor usulannya di bawah 0,8)" in id_
    assert p.to_dict()["rejected"] == [["P3", "low_score"]] and p.to_dict()["confirm"] == ["P3"]


def test_a_suggestion_a_reviewer_rejected_is_said_as_such():
    """Under the default rules, an element whose suggestion a reviewer rejected is told so
    ('a reviewer rejected the suggestion P2'), en and id, and taken before the others."""
    region = _region(rejected=(RejectedMatch("SP2", "P2", note="beda urusan"),))
    region = Region(region.id, region.name, region.kind, region.rpjmd, region.masterplan,
                    (Match("SP1", "P1", "aligned", "suggested", score=0.9),), rejected=region.rejected)
    result = smartsync.classify(region)
    d = to_reach(result, suggest=False, types=["D"])["D"]
    (p,) = d.proposal
    assert (p.masterplan, p.rejected) == ("SP2", (("P2", "reviewer"),))
    assert "a reviewer rejected the suggestion P2" in proposal_line(region, p, "en")
    assert "usulan P2 ditolak peninjau" in proposal_line(region, p, "id")


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False
