"""Typology: the type of synchronization, from the stage statuses.

The type is the highest stage S such that S and every stage present below it,
down to the base stage (program), are synchronized. The base stage must be
synchronized for any type; when it is not, the region is unsynchronized. A
synchronized stage above a break (e.g. the vision matched, the missions not)
does not set the type.
"""

from __future__ import annotations

from ..facts import (
    ChainBreak, ChainHolds, ChainIntact, ChainMember, ConditionFailed, StageCoverage, StageDef,
    StageStatus, Superseded, TypeResult,
)
from ..typology import UNSYNCHRONIZED
from . import MATCH, NOT, PHASE, TEST, Rule, concludes

__all__ = ["TypologyPack", "ChainBreaks"]


class ChainBreaks:
    """Synchronized stages with an unsynchronized stage below them (shared by the typology
    packs; the diagnostics report them)."""

    @concludes(ChainBreak, stage=MATCH.stage, at=MATCH.lower)
    @Rule(StageStatus(stage=MATCH.stage, synchronized=True, position=MATCH.position),
          StageStatus(stage=MATCH.lower, present=True, synchronized=False,
                      position=MATCH.lower_position),
          TEST(lambda position, lower_position: lower_position > position),
          salience=PHASE["chain"])
    def chain_break(self, stage, lower):
        """Concludes that the chain from a synchronized stage is broken at a present,
        unsynchronized stage below it: in the default typology that stage cannot set the
        type; the diagnostics report it as synchronized above a break."""
        self.declare(ChainBreak(stage=stage, at=lower))


class TypologyPack(ChainBreaks):
    """The type: the highest stage from which the chain of synchronized stages holds."""

    @concludes(ChainHolds, stage=MATCH.stage)
    @Rule(StageStatus(stage=MATCH.stage, base=True, synchronized=True), salience=PHASE["chain"])
    def chain_holds_at_base(self, stage):
        """Concludes that the chain holds from the base stage (program): it is synchronized."""
        self.declare(ChainHolds(stage=stage))

    @concludes(ChainHolds, stage=MATCH.stage)
    @Rule(StageDef(name=MATCH.stage, next=MATCH.lower),
          StageStatus(stage=MATCH.stage, passes=True),
          ChainHolds(stage=MATCH.lower),
          salience=PHASE["chain"])
    def chain_holds_through(self, stage, lower):
        """Concludes that the chain holds from a stage: the stage is synchronized (or absent
        from the masterplan, which neither counts nor breaks the chain) and the chain holds
        from the next stage below it."""
        self.declare(ChainHolds(stage=stage))

    @concludes(ConditionFailed, stage="vision", condition="one_vision")
    @Rule(StageStatus(stage="vision", synchronized=True),
          StageCoverage(stage="vision", present=True, synchronized_ids=MATCH.synchronized,
                        unsynchronized_ids=MATCH.unsynchronized),
          TEST(lambda unsynchronized: len(unsynchronized) > 0),
          salience=PHASE["condition"])
    def vision_synchronized_in_part(self, synchronized, unsynchronized):
        """Concludes that synchronization cannot start at the vision when the masterplan
        states several visions and only some of them are synchronized: a plan has one vision,
        so a share of its visions reaching the threshold does not make *the* masterplan's
        vision formulated from the RPJMD vision (one of them is often the RPJMD's vision
        quoted, the other the masterplan's own). Every one synchronized, the vision can
        start the type; the diagnostics report several visions either way. A variant that
        counts a share of visions leaves this rule out."""
        self.declare(ConditionFailed(stage="vision", condition="one_vision", figures={
            "visions": tuple(synchronized) + tuple(unsynchronized),
            "count": len(synchronized) + len(unsynchronized),
            "synchronized_visions": tuple(synchronized),
            "unsynchronized_visions": tuple(unsynchronized)}))

    @concludes(ChainIntact, stage=MATCH.stage)
    @Rule(StageStatus(stage=MATCH.stage, synchronized=True, position=MATCH.position,
                      base=MATCH.base),
          ChainHolds(stage=MATCH.stage),
          NOT(ConditionFailed(stage=MATCH.stage)),
          salience=PHASE["intact"])
    def chain_intact(self, stage, position, base):
        """Concludes that synchronization can start at a stage: it is synchronized, the
        chain holds from it down to the base stage, and no condition a variant sets on the
        type starting there fails (in the default rules, only a vision synchronized in part:
        :meth:`vision_synchronized_in_part`)."""
        self.declare(ChainIntact(stage=stage, position=position, base=base))

    @concludes(Superseded, stage=MATCH.stage, by=MATCH.higher)
    @Rule(ChainIntact(stage=MATCH.stage, position=MATCH.position),
          ChainIntact(stage=MATCH.higher, position=MATCH.higher_position),
          TEST(lambda position, higher_position: higher_position < position),
          salience=PHASE["supersede"])
    def chain_superseded(self, stage, higher):
        """Concludes that an intact chain is part of the intact chain of a higher stage,
        so synchronization does not start at it."""
        self.declare(Superseded(stage=stage, by=higher))

    @concludes(TypeResult, stage=MATCH.stage)
    @Rule(ChainIntact(stage=MATCH.stage, position=MATCH.position, base=MATCH.base),
          NOT(Superseded(stage=MATCH.stage)),
          salience=PHASE["type"])
    def type_from_highest_intact_chain(self, stage, position, base):
        """Concludes the type: synchronization starts at the highest stage whose chain
        down to the base stage holds."""
        self.declare(TypeResult(stage=stage, typed=True, position=position, base=base))

    @concludes(TypeResult, stage=UNSYNCHRONIZED)
    @Rule(StageStatus(stage=MATCH.base_stage, base=True, synchronized=False),
          salience=PHASE["type"])
    def type_unsynchronized(self, base_stage):
        """Concludes that the region is unsynchronized: its base stage (program) is not
        synchronized, so the masterplan has no route to APBD funding."""
        self.declare(TypeResult(stage=UNSYNCHRONIZED, typed=False, position=-1, base=False))

    @concludes(ChainMember, stage=MATCH.stage)
    @Rule(TypeResult(stage=MATCH.stage), ChainIntact(stage=MATCH.stage), salience=PHASE["members"])
    def chain_start_member(self, stage):
        """Puts the stage where synchronization starts into the synchronized chain."""
        self.declare(ChainMember(stage=stage))

    @concludes(ChainMember, stage=MATCH.stage)
    @Rule(TypeResult(typed=True, position=MATCH.start),
          StageStatus(stage=MATCH.stage, present=True, synchronized=True, position=MATCH.position),
          TEST(lambda start, position: position > start),
          salience=PHASE["members"])
    def chain_lower_member(self, start, stage):
        """Puts each present, synchronized stage below the starting stage into the synchronized chain."""
        self.declare(ChainMember(stage=stage))
