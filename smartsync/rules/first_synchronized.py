"""A typology variant: the type is the first (highest) synchronized stage,
whether or not the chain below it holds.

It replaces :mod:`smartsync.rules.typology` in the ``first-synchronized``
variant (:data:`smartsync.variants.FIRST_SYNCHRONIZED`). A region is
unsynchronized only when no stage at all is synchronized. The synchronized
chain holds the type's stage and every synchronized stage below it.
"""

from __future__ import annotations

from ..facts import ChainMember, StageDef, StageStatus, TypeResult
from ..typology import UNSYNCHRONIZED
from . import MATCH, NOT, PHASE, TEST, Rule, concludes
from .typology import ChainBreaks

from .._compat import experta

__all__ = ["FirstSynchronizedPack", "Outranked"]


class Outranked(experta.Fact):
    """A synchronized ``stage`` below another synchronized stage ``by``."""


class FirstSynchronizedPack(ChainBreaks):
    """The type: the highest synchronized stage, chain or no chain (chain breaks are still
    concluded, for the diagnostics)."""

    @concludes(Outranked, stage=MATCH.stage, by=MATCH.higher)
    @Rule(StageStatus(stage=MATCH.stage, synchronized=True, position=MATCH.position),
          StageStatus(stage=MATCH.higher, synchronized=True, position=MATCH.higher_position),
          TEST(lambda position, higher_position: higher_position < position),
          salience=PHASE["supersede"])
    def stage_outranked(self, stage, higher):
        """Concludes that a synchronized stage has a synchronized stage above it, so
        synchronization does not start at it."""
        self.declare(Outranked(stage=stage, by=higher))

    @concludes(TypeResult, stage=MATCH.stage)
    @Rule(StageStatus(stage=MATCH.stage, synchronized=True, position=MATCH.position,
                      base=MATCH.base),
          NOT(Outranked(stage=MATCH.stage)),
          salience=PHASE["type"])
    def type_from_first_synchronized_stage(self, stage, position, base):
        """Concludes the type: synchronization starts at the highest synchronized stage."""
        self.declare(TypeResult(stage=stage, typed=True, position=position, base=base))

    @concludes(TypeResult, stage=UNSYNCHRONIZED)
    @Rule(StageDef(base=True), NOT(StageStatus(synchronized=True)), salience=PHASE["type"])
    def type_unsynchronized_no_stage(self):
        """Concludes that the region is unsynchronized: no stage at all is synchronized."""
        self.declare(TypeResult(stage=UNSYNCHRONIZED, typed=False, position=-1, base=False))

    @concludes(ChainMember, stage=MATCH.stage)
    @Rule(TypeResult(stage=MATCH.stage), StageStatus(stage=MATCH.stage, synchronized=True),
          salience=PHASE["members"])
    def first_stage_member(self, stage):
        """Puts the stage where synchronization starts into the synchronized chain."""
        self.declare(ChainMember(stage=stage))

    @concludes(ChainMember, stage=MATCH.stage)
    @Rule(TypeResult(typed=True, position=MATCH.start),
          StageStatus(stage=MATCH.stage, synchronized=True, position=MATCH.position),
          TEST(lambda start, position: position > start),
          salience=PHASE["members"])
    def lower_synchronized_member(self, start, stage):
        """Puts each synchronized stage below the starting stage into the synchronized chain."""
        self.declare(ChainMember(stage=stage))
