"""A variant's condition: a masterplan program counts as synchronized only when its RPJMD
counterpart carries an indicative budget (*pagu indikatif*) above zero.

Added to the default packs in the ``budgeted-programs`` variant
(:data:`smartsync.variants.BUDGETED_PROGRAMS`). One rule of the ``reject``
phase: the default element rules then count every other match as before.
"""

from __future__ import annotations

from ..facts import Element, Match, MatchRejected, StageDef
from . import MATCH, PHASE, TEST, Rule, concludes

__all__ = ["BudgetedProgramsPack"]


class BudgetedProgramsPack:
    """A matched program counts only when its RPJMD counterpart has a pagu above zero."""

    @concludes(MatchRejected, masterplan=MATCH.element, rpjmd=MATCH.counterpart,
               condition="budget")
    @Rule(StageDef(name="program"),
          Element(plan="masterplan", level="program", id=MATCH.element),
          Match(masterplan=MATCH.element, rpjmd=MATCH.counterpart, relation=MATCH.relation),
          Element(plan="rpjmd", level="program", id=MATCH.counterpart, budget=MATCH.budget),
          TEST(lambda budget: not budget),
          salience=PHASE["reject"])
    def program_without_budget(self, element, counterpart, relation, budget):
        """Concludes that a masterplan program's match does not count: its RPJMD counterpart
        program has no pagu indikatif, or a pagu of zero, so the match gives no route to
        APBD funding."""
        self.declare(MatchRejected(stage="program", masterplan=element, rpjmd=counterpart,
                                   relation=relation, condition="budget",
                                   figures={"budget": budget}))
