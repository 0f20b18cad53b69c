"""Elements: for each masterplan element of a stage and each of its matches, does the
match count, and is the element synchronized?

A masterplan element is *synchronized* when one of its matches links it, by
a relation that counts at its stage, to an RPJMD element of the same level.
The rules decide it match by match, in two phases:

1. ``reject``: a rule per condition a match can fail concludes a
   :class:`~smartsync.facts.MatchRejected` naming the match and the
   condition (by default: its relation does not count at the stage). A
   variant adds conditions by adding rules of this phase
   (``budgeted-programs``, ``cascading``).
2. ``element``: every match of a stage element to an RPJMD element of the
   same level that no rule rejects synchronizes it
   (:class:`~smartsync.facts.ElementSynchronized`, one per counting match);
   then ``unsynchronized``: an element with no counting match gets an
   :class:`~smartsync.facts.ElementUnsynchronized` listing its rejected
   matches.

A match between levels (a masterplan vision to an RPJMD mission) is refused
when the region is read (see :mod:`smartsync.validation`); the element rule
still asks for the same level, so such a match never counts.

The stage rules (:mod:`~smartsync.rules.stages`) collect these conclusions
into the stage's coverage.
"""

from __future__ import annotations

from ..facts import (
    CountedRelation, Element, ElementSynchronized, ElementUnsynchronized, Match, MatchRejected,
    StageDef,
)
from . import MATCH, NOT, PHASE, Rule, concludes

__all__ = ["ElementsPack"]


class ElementsPack:
    """Per match of a masterplan element at a stage: counted or rejected (and why); per
    element: synchronized, by which matches, or not."""

    @concludes(MatchRejected, masterplan=MATCH.element, rpjmd=MATCH.counterpart,
               condition="relation")
    @Rule(StageDef(name=MATCH.stage),
          Element(plan="masterplan", level=MATCH.stage, id=MATCH.element),
          Match(masterplan=MATCH.element, rpjmd=MATCH.counterpart, relation=MATCH.relation),
          NOT(CountedRelation(stage=MATCH.stage, relation=MATCH.relation)),
          salience=PHASE["reject"])
    def relation_not_counted(self, stage, element, counterpart, relation):
        """Concludes that a match does not count: its relation is not one that counts at
        the stage of its masterplan element (see the parameters' relations)."""
        self.declare(MatchRejected(stage=stage, masterplan=element, rpjmd=counterpart,
                                   relation=relation, condition="relation", figures={}))

    @concludes(ElementSynchronized, stage=MATCH.stage, id=MATCH.element, rpjmd=MATCH.counterpart)
    @Rule(StageDef(name=MATCH.stage),
          Element(plan="masterplan", level=MATCH.stage, id=MATCH.element),
          Match(masterplan=MATCH.element, rpjmd=MATCH.counterpart, relation=MATCH.relation,
                source=MATCH.source),
          Element(plan="rpjmd", id=MATCH.counterpart, level=MATCH.stage),
          NOT(MatchRejected(masterplan=MATCH.element, rpjmd=MATCH.counterpart)),
          salience=PHASE["element"])
    def element_synchronized(self, stage, element, counterpart, relation, source):
        """Concludes that a masterplan element of a stage is synchronized by one of its
        matches: the match links it to an RPJMD element of the same level, and no rule
        rejects the match (its relation counts at the stage, and any condition of the
        variant holds)."""
        self.declare(ElementSynchronized(stage=stage, id=element, rpjmd=counterpart,
                                         relation=relation, source=source))

    @concludes(ElementUnsynchronized, stage=MATCH.stage, id=MATCH.element)
    @Rule(StageDef(name=MATCH.stage),
          Element(plan="masterplan", level=MATCH.stage, id=MATCH.element),
          NOT(ElementSynchronized(id=MATCH.element)),
          salience=PHASE["unsynchronized"])
    def element_unsynchronized(self, stage, element):
        """Concludes that a masterplan element of a stage is not synchronized: none of its
        matches counts. It collects the element's rejected matches, each with the condition
        it fails (none when the element has no match at all)."""
        rejected = self.collect(MatchRejected, masterplan=element)
        self.declare(ElementUnsynchronized(
            stage=stage, id=element,
            rejected=tuple((r["rpjmd"], r["condition"]) for r in rejected)))
