"""Stages: for each stage of the typology, is it present in the masterplan, how
many of its elements are synchronized, and is the stage synchronized?

Whether each masterplan element is synchronized is concluded element by
element by :mod:`~smartsync.rules.elements`; a stage's coverage collects
those conclusions (the aggregation idiom of :mod:`smartsync.rules`). A stage
is synchronized when the masterplan has elements at it and the share of them
that are synchronized (its coverage) reaches the stage's threshold; *full*
when every one is.

The threshold is a fact of its own (:class:`~smartsync.facts.StageThreshold`),
joined only by the status rules: the coverage of a stage does not depend on
it, so another threshold (a what-if, a study's breakpoint) changes the
statuses and what follows from them, not the element conclusions or the
coverages.
"""

from __future__ import annotations

from ..facts import (
    ElementSynchronized, ElementUnsynchronized, Elements, MatchRejected, StageCoverage, StageDef,
    StageStatus, StageThreshold, id_order,
)
from . import MATCH, NOT, PHASE, TEST, Rule, concludes

__all__ = ["StagesPack"]


class StagesPack:
    """Per stage: present or absent, coverage, synchronized or not, full or partial.

    The stage's definition (its position, whether it is the base stage) travels
    with the facts these rules conclude, so that later rules need not join the
    stage definitions again; a present stage's status carries the threshold its
    coverage was compared with.
    """

    @concludes(StageCoverage, stage=MATCH.stage, base=MATCH.base, present=True)
    @Rule(StageDef(name=MATCH.stage, base=MATCH.base, position=MATCH.position),
          Elements(plan="masterplan", level=MATCH.stage, ids=MATCH.ids),
          salience=PHASE["coverage"])
    def stage_coverage(self, stage, base, position, ids):
        """Counts the synchronized masterplan elements of a stage the masterplan has.

        It collects the stage's element conclusions: each element synchronized
        by a counting match, and each element no match synchronizes (with the
        matches it has that do not count). The coverage is the synchronized
        count over the stage's element count; ``matched`` counts the elements
        with any match of their level, counted or not, so that an explanation
        can tell *matched* from *counted*.
        """
        synchronized = self.collect(ElementSynchronized, stage=stage)
        not_synchronized = self.collect(ElementUnsynchronized, stage=stage)
        unsynchronized = {f["id"] for f in not_synchronized}
        # matched, but no match counts: each has its rejected matches listed
        rejected = {f["id"] for f in not_synchronized if f["rejected"]}
        counted = tuple(sorted(((f["id"], f["rpjmd"], f["relation"], f["source"])
                                for f in synchronized),
                               key=lambda m: (id_order(m[0]), id_order(m[1]), m)))
        # every match of the stage a rule rejected, with the condition (an element that
        # counts by another match keeps its rejected ones here too)
        rejected_matches = tuple(sorted({(f["masterplan"], f["rpjmd"], f["condition"])
                                         for f in self.collect(MatchRejected, stage=stage)},
                                        key=lambda m: (id_order(m[0]), id_order(m[1]), m)))
        ids_synchronized = {mp for mp, _, _, _ in counted}
        manual = {mp for mp, _, _, source in counted if source == "manual"}
        self.declare(StageCoverage(
            stage=stage, base=base, position=position, present=True, total=len(ids),
            synchronized=len(ids_synchronized),
            coverage=len(ids_synchronized) / len(ids),
            synchronized_ids=tuple(i for i in ids if i in ids_synchronized),
            unsynchronized_ids=tuple(i for i in ids if i in unsynchronized),
            matched=len(ids_synchronized) + len(rejected),
            rejected_ids=tuple(i for i in ids if i in rejected),
            manual_synchronized=len(manual), matches=counted,
            rejected_matches=rejected_matches))

    @concludes(StageCoverage, stage=MATCH.stage, base=MATCH.base, present=False)
    @Rule(StageDef(name=MATCH.stage, base=MATCH.base, position=MATCH.position),
          NOT(Elements(plan="masterplan", level=MATCH.stage)),
          salience=PHASE["coverage"])
    def stage_absent(self, stage, base, position):
        """Records that the masterplan has no elements at a stage.

        An absent stage neither counts nor breaks the chain: it is reported as
        absent, with nothing to cover.
        """
        self.declare(StageCoverage(
            stage=stage, base=base, position=position, present=False, total=0,
            synchronized=0, coverage=0.0, synchronized_ids=(),
            unsynchronized_ids=(), matched=0, rejected_ids=(), manual_synchronized=0,
            matches=(), rejected_matches=()))

    @concludes(StageStatus, stage=MATCH.stage, base=MATCH.base, present=True, synchronized=True,
               passes=True)
    @Rule(StageCoverage(stage=MATCH.stage, base=MATCH.base, position=MATCH.position,
                        present=True, coverage=MATCH.coverage),
          StageThreshold(stage=MATCH.stage, threshold=MATCH.threshold),
          TEST(lambda coverage, threshold: coverage >= threshold),
          salience=PHASE["status"])
    def stage_synchronized(self, stage, base, position, coverage, threshold):
        """Concludes that a stage is synchronized: its coverage reaches its threshold (inclusive).

        Full when every masterplan element of the stage is synchronized,
        partial otherwise.
        """
        self.declare(StageStatus(stage=stage, base=base, position=position,
                                 present=True, synchronized=True, full=coverage >= 1.0,
                                 passes=True, threshold=threshold))

    @concludes(StageStatus, stage=MATCH.stage, base=MATCH.base, present=True, synchronized=False,
               passes=False)
    @Rule(StageCoverage(stage=MATCH.stage, base=MATCH.base, position=MATCH.position,
                        present=True, coverage=MATCH.coverage),
          StageThreshold(stage=MATCH.stage, threshold=MATCH.threshold),
          TEST(lambda coverage, threshold: coverage < threshold),
          salience=PHASE["status"])
    def stage_not_synchronized(self, stage, base, position, threshold):
        """Concludes that a present stage is not synchronized: its coverage is below its threshold."""
        self.declare(StageStatus(stage=stage, base=base, position=position,
                                 present=True, synchronized=False, full=False, passes=False,
                                 threshold=threshold))

    @concludes(StageStatus, stage=MATCH.stage, base=MATCH.base, present=False, synchronized=False,
               passes=True)
    @Rule(StageCoverage(stage=MATCH.stage, base=MATCH.base, position=MATCH.position,
                        present=False),
          salience=PHASE["status"])
    def stage_absent_status(self, stage, base, position):
        """Concludes that an absent stage is not synchronized; being absent, it breaks no chain."""
        self.declare(StageStatus(stage=stage, base=base, position=position,
                                 present=False, synchronized=False, full=False, passes=True))
