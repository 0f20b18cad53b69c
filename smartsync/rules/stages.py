"""Stages: for each stage of the typology, is it present in the masterplan, how
many of its elements are synchronized, and is the stage synchronized?

A masterplan element is *synchronized* when it has a match, by a relation that
counts, to an RPJMD element of the same level. A stage is synchronized when
the masterplan has elements at it and the share of them that are synchronized
(its coverage) reaches the stage's threshold; *full* when every one is.
"""

from __future__ import annotations

from ..facts import (
    CountedRelations, Elements, Links, StageCoverage, StageDef, StageStatus,
)
from . import MATCH, NOT, PHASE, TEST, Rule, concludes

__all__ = ["StagesPack"]


class StagesPack:
    """Per stage: present or absent, coverage, synchronized or not, full or partial.

    The stage's definition (its position, whether it is the base stage, its
    threshold) travels with the facts these rules conclude, so that later
    rules need not join the stage definitions again.
    """

    @concludes(StageCoverage, stage=MATCH.stage, base=MATCH.base, present=True)
    @Rule(StageDef(name=MATCH.stage, base=MATCH.base, position=MATCH.position,
                   threshold=MATCH.threshold),
          Elements(plan="masterplan", level=MATCH.stage, ids=MATCH.ids),
          Links(level=MATCH.stage, links=MATCH.links),
          CountedRelations(relations=MATCH.relations),
          salience=PHASE["coverage"])
    def stage_coverage(self, stage, base, position, threshold, ids, links, relations):
        """Counts the synchronized masterplan elements of a stage the masterplan has.

        An element is synchronized when one of its matches links it to an
        RPJMD element of the same level by a relation that counts. The
        coverage is the synchronized count over the stage's element count.
        """
        counted = tuple((mp, rp, relation, source) for mp, rp, rp_level, relation, source in links
                        if rp_level == stage and relation in relations)
        synchronized = {mp for mp, _, _, _ in counted}
        manual = {mp for mp, _, _, source in counted if source == "manual"}
        self.declare(StageCoverage(
            stage=stage, base=base, position=position, present=True, total=len(ids),
            synchronized=len(synchronized),
            coverage=len(synchronized) / len(ids), threshold=threshold,
            synchronized_ids=tuple(i for i in ids if i in synchronized),
            unsynchronized_ids=tuple(i for i in ids if i not in synchronized),
            manual_synchronized=len(manual), matches=counted))

    @concludes(StageCoverage, stage=MATCH.stage, base=MATCH.base, present=False)
    @Rule(StageDef(name=MATCH.stage, base=MATCH.base, position=MATCH.position,
                   threshold=MATCH.threshold),
          NOT(Elements(plan="masterplan", level=MATCH.stage)),
          salience=PHASE["coverage"])
    def stage_absent(self, stage, base, position, threshold):
        """Records that the masterplan has no elements at a stage.

        An absent stage neither counts nor breaks the chain: it is reported as
        absent, with nothing to cover.
        """
        self.declare(StageCoverage(
            stage=stage, base=base, position=position, present=False, total=0,
            synchronized=0, coverage=0.0, threshold=threshold, synchronized_ids=(),
            unsynchronized_ids=(), manual_synchronized=0, matches=()))

    @concludes(StageStatus, stage=MATCH.stage, base=MATCH.base, present=True, synchronized=True,
               passes=True)
    @Rule(StageCoverage(stage=MATCH.stage, base=MATCH.base, position=MATCH.position,
                        present=True, coverage=MATCH.coverage,
                        threshold=MATCH.threshold),
          TEST(lambda coverage, threshold: coverage >= threshold),
          salience=PHASE["status"])
    def stage_synchronized(self, stage, base, position, coverage):
        """Concludes that a stage is synchronized: its coverage reaches its threshold (inclusive).

        Full when every masterplan element of the stage is synchronized,
        partial otherwise.
        """
        self.declare(StageStatus(stage=stage, base=base, position=position,
                                 present=True, synchronized=True, full=coverage >= 1.0,
                                 passes=True))

    @concludes(StageStatus, stage=MATCH.stage, base=MATCH.base, present=True, synchronized=False,
               passes=False)
    @Rule(StageCoverage(stage=MATCH.stage, base=MATCH.base, position=MATCH.position,
                        present=True, coverage=MATCH.coverage,
                        threshold=MATCH.threshold),
          TEST(lambda coverage, threshold: coverage < threshold),
          salience=PHASE["status"])
    def stage_not_synchronized(self, stage, base, position):
        """Concludes that a present stage is not synchronized: its coverage is below its threshold."""
        self.declare(StageStatus(stage=stage, base=base, position=position,
                                 present=True, synchronized=False, full=False, passes=False))

    @concludes(StageStatus, stage=MATCH.stage, base=MATCH.base, present=False, synchronized=False,
               passes=True)
    @Rule(StageCoverage(stage=MATCH.stage, base=MATCH.base, position=MATCH.position,
                        present=False),
          salience=PHASE["status"])
    def stage_absent_status(self, stage, base, position):
        """Concludes that an absent stage is not synchronized; being absent, it breaks no chain."""
        self.declare(StageStatus(stage=stage, base=base, position=position,
                                 present=False, synchronized=False, full=False, passes=True))
