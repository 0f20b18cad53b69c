"""Why-not with a researcher's own element rules: a ``~`` (not) constraint read as a
negation, the deciding path reported when an element has several matches, and the
Indonesian words for a problem's severity as the glossary gives them."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import smartsync
from smartsync import Match
from smartsync.facts import Element as ElementFact, ElementSynchronized, Match as MatchFact
from smartsync.facts import MatchRejected, StageDef
from smartsync.rules import MATCH, NOT, PHASE, TEST, Rule, concludes, experta
from smartsync.rules.elements import ElementsPack
from smartsync.variants import Variant, default_packs
from review_fixture import REGION_YAML

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _variant(pack: type, name: str) -> Variant:
    return Variant(name, tuple(pack if p is ElementsPack else p for p in default_packs()),
                   description=pack.__doc__ or name)


class ReviewedOnly(ElementsPack):
    """Only matches a person reviewed (not suggested ones) synchronize an element."""

    @concludes(ElementSynchronized, stage=MATCH.stage, id=MATCH.element, rpjmd=MATCH.counterpart)
    @Rule(StageDef(name=MATCH.stage),
          ElementFact(plan="masterplan", level=MATCH.stage, id=MATCH.element),
          MatchFact(masterplan=MATCH.element, rpjmd=MATCH.counterpart, relation=MATCH.relation,
                    source=MATCH.source & ~experta.L("suggested")),
          ElementFact(plan="rpjmd", id=MATCH.counterpart, level=MATCH.stage),
          NOT(MatchRejected(masterplan=MATCH.element, rpjmd=MATCH.counterpart)),
          salience=PHASE["element"])
    def element_synchronized(self, stage, element, counterpart, relation, source):
        """Concludes that a masterplan element is synchronized by a reviewed match."""
        self.declare(ElementSynchronized(stage=stage, id=element, rpjmd=counterpart,
                                         relation=relation, source=source))


class ScoredEnough(ElementsPack):
    """A suggested match synchronizes an element only with a score of 0.5 or more."""

    # concluded per element (not per match): why-not chooses among the element's matches
    @concludes(ElementSynchronized, stage=MATCH.stage, id=MATCH.element)
    @Rule(StageDef(name=MATCH.stage),
          ElementFact(plan="masterplan", level=MATCH.stage, id=MATCH.element),
          MatchFact(masterplan=MATCH.element, rpjmd=MATCH.counterpart, relation=MATCH.relation,
                    source=MATCH.source, score=MATCH.score),
          TEST(lambda score: score is None or score >= 0.5),
          ElementFact(plan="rpjmd", id=MATCH.counterpart, level=MATCH.stage),
          NOT(MatchRejected(masterplan=MATCH.element, rpjmd=MATCH.counterpart)),
          salience=PHASE["element"])
    def element_synchronized(self, stage, element, counterpart, relation, source, score):
        """Concludes that a masterplan element is synchronized by a match scored well enough."""
        self.declare(ElementSynchronized(stage=stage, id=element, rpjmd=counterpart,
                                         relation=relation, source=source))


def test_a_not_constraint_is_read_as_a_negation_in_why_not():
    """An element matched only by a suggestion, under a rule that wants a not-suggested match, is said to lack that match."""
    region = smartsync.read_region(REGION_YAML)
    region = attrs.evolve(region, matches=tuple(
        attrs.evolve(m, source=smartsync.Source.MANUAL) if m.key == ("SP1", "P1") else m
        for m in region.matches))
    result = _variant(ReviewedOnly, "reviewed-only").classifier().classify(region)
    assert result.stages["program"].synchronized_ids == ("SP1",)
    assert result.why_not_synchronized("SP1") == ()
    reasons = result.why_not_synchronized("SP2")
    assert reasons, "an unsynchronized element has a reason"
    assert [r.kind for r in reasons] == ["missing"] and reasons[0].fact_kind == "Match"
    assert "SP2" in reasons[0].message() and "SP2" in reasons[0].message("id")


def test_why_not_reports_the_match_closest_to_counting():
    """Of an element's matches, why-not reports the one failing fewest conditions (the one to fix), not another."""
    region = smartsync.read_region(REGION_YAML)
    # SP2 -> P2 (score 0.66) fails one condition (its relation); SP2 -> P1 (score 0.31) two
    result = _variant(ScoredEnough, "scored-enough").classifier().classify(
        region, params={"relations": ["derived", "adopted"]})
    assert "SP2" in result.stages["program"].unsynchronized_ids
    reasons = result.why_not_synchronized("SP2")
    assert [(r.kind, r.fact_kind) for r in reasons] == [("blocked", "MatchRejected")]
    assert reasons[0].values.get("rpjmd") == "P2" or "P2" in reasons[0].message()
    assert "P1" not in reasons[0].message()


# the words a planner reads for a diagnostic's severity, in each language
SEVERITY_WORDS = {"en": {"warning": "warning", "info": "note"},
                  "id": {"warning": "peringatan", "info": "catatan"}}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_warning_and_a_note_are_labelled_as_such_in_each_language(lang):
    """A type resting on suggestions is labelled a warning (peringatan), the suggestions used a note (catatan), not swapped."""
    from smartsync.render import render

    result = smartsync.classify(smartsync.read_region(REGION_YAML))
    severities = {d.code: d.severity for d in result.diagnostics}
    assert severities.get("rests_on_suggested") == "warning"
    assert severities.get("suggested_matches_used") == "info"
    page = render(result, "text", lang=lang)
    for d in result.diagnostics:
        if d.severity in SEVERITY_WORDS[lang]:
            line = f"[{SEVERITY_WORDS[lang][d.severity]}] {d.message(lang)}"
            assert line in page, f"{d.code}: {line!r} not in the page"


def test_a_reason_shows_the_values_bound_in_its_condition():
    """A failed condition is shown with the ids and values it was evaluated with, not with variable names."""
    region = smartsync.read_region(REGION_YAML)
    region = attrs.evolve(region, matches=tuple(m for m in region.matches if m.masterplan != "SP2"))
    result = smartsync.classify(region)
    reasons = result.why_not_synchronized("SP2")
    assert reasons
    assert "masterplan='SP2'" in reasons[0].form and "?element" not in reasons[0].form
    assert reasons[0].to_dict()["form"] == reasons[0].form


@pytest.mark.parametrize("variant", ["default", "budgeted-programs", "first-synchronized", "goal-stage"])
def test_why_not_unsynchronized_asks_only_about_real_stages(variant):
    """Why a typed region is not unsynchronized names the synchronized base stage, never a fact of a stage called "unsynchronized"."""
    from smartsync.variants import load_variant

    classifier = load_variant(variant).classifier()
    for path in sorted((DOCS.parent / "examples").glob("type-*.yaml")):
        result = classifier.classify(smartsync.load_region(path))
        reasons = result.why_not("unsynchronized")
        assert reasons, f"{path.name}: a typed region says why it is not unsynchronized"
        for reason in reasons:
            assert "'unsynchronized'" not in reason.form, f"{path.name}: {reason.message()}"
