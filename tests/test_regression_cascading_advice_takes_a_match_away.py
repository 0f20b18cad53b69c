"""Under cascading, advice said "Type D cannot be reached" on a region whose only program
counts once a wrong match of its target (to an RPJMD target its counterpart is not under)
is taken away: the search over sets tried new matches and relation changes, never a match
taken away (issue 21)."""

from __future__ import annotations

import attrs

from smartsync import Match
from smartsync.advice import to_reach, with_proposal
from smartsync.model import Element, Period, Plan, PlanKind, Region
from smartsync.render.text import to_reach_lines
from smartsync.variants import CASCADING


def _region() -> Region:
    def e(id_, level, parent=None):
        return Element(id_, level, f"text {id_}", parents=(parent,) if parent else ())
    return Region("9005", "Kota Uji", "kota",
                  Plan(PlanKind.RPJMD, Period(2021, 2026), (
                      e("V", "vision"), e("M1", "mission", "V"), e("T1", "target", "M1"),
                      e("P1", "program", "M1"))),
                  Plan(PlanKind.MASTERPLAN, Period(2022, 2031), (
                      e("SV", "vision"), e("SM1", "mission", "SV"), e("SS1", "target", "SM1"),
                      e("SP1", "program", "SS1"))),
                  (Match("SS1", "T1", "derived"), Match("SP1", "P1", "derived")))


def test_cascading_advice_takes_away_the_match_that_blocks_the_cascade():
    """Type D is reachable by taking SS1 -> T1 away; the proposal says so in en and id,
    and applied it gives type D."""
    classifier = CASCADING.classifier()
    region = _region()
    result = classifier.classify(region)
    assert result.type_letter is None
    d = to_reach(result, classifier=classifier, suggest=False, types=["D"])["D"]
    assert d.reachable and d.complete
    assert [(p.masterplan, p.rpjmd, p.change) for p in d.proposal] == [("SS1", "T1", "remove")]
    assert classifier.classify(with_proposal(region, d)).type_letter == "D"
    assert "SS1 \"text SS1\" -> T1 \"text T1\": take this match away (derived)" in \
        "\n".join(to_reach_lines(result, "en", {"D": d}))
    assert "hapus padanan ini (diturunkan)" in "\n".join(to_reach_lines(result, "id", {"D": d}))
