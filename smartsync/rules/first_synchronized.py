"""A typology variant: the type is the first (highest) synchronized stage,
whether or not the chain below it holds.

It replaces :mod:`smartsync.rules.typology` in the ``first-synchronized``
variant (:data:`smartsync.variants.FIRST_SYNCHRONIZED`). A region is
unsynchronized only when no stage at all is synchronized. The synchronized
chain holds the type's stage and every synchronized stage below it; a present,
unsynchronized stage below the type's is reported as a break below the start
(``chain_broken_below_start``), not as a stage synchronized above a break that does
not set the type.
"""

from __future__ import annotations

from ..facts import (
    ChainBreak, ChainCoverage, ChainMember, Characteristic, Diagnostic, StageCoverage, StageDef,
    StageStatus, TypeResult,
)
from ..typology import UNSYNCHRONIZED
from . import MATCH, NOT, PHASE, TEST, Rule, concludes

_DESCRIBE = PHASE["describe"]
from .typology import ChainBreaks

from .._compat import experta

__all__ = ["FirstSynchronizedPack", "Outranked", "FirstSynchronizedCharacteristics",
           "FirstSynchronizedDiagnostics"]


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

    @concludes(Diagnostic, code="chain_broken_below_start")
    @Rule(TypeResult(stage=MATCH.start, typed=True), ChainBreak(stage=MATCH.start),
          salience=PHASE["diagnose"])
    def chain_broken_below_start(self, start):
        """Reports that the chain breaks below the stage where synchronization starts: the
        type is set at the highest synchronized stage, and a present stage below it is not
        synchronized (under the default typology that stage would not set the type: the
        default pack's ``synchronized_above_break`` says so, and does not fire here, the
        broken stages being in the synchronized chain). It names the synchronized stages
        above the break and the stages that break it, with their coverages; it needs a
        person's review (the stages from the break down are not synchronized with the
        RPJMD)."""
        members = {f["stage"] for f in self.collect(ChainMember)}
        breaks = [b for b in self.collect(ChainBreak) if b["stage"] in members]
        coverage = {f["stage"]: f for f in self.collect(StageCoverage)}
        stages = tuple(sorted({b["stage"] for b in breaks}, key=lambda s: coverage[s]["position"]))
        at = tuple(sorted({b["at"] for b in breaks}, key=lambda s: coverage[s]["position"]))
        self.declare(Diagnostic(code="chain_broken_below_start", severity="warning",
                                elements=(),
                                figures={"stage": start, "stages": stages, "at": at,
                                         "coverages": {s: coverage[s]["coverage"]
                                                       for s in stages + at}}))

    # -- what the type means when the chain from it breaks (the characteristics pack's
    # integration and legitimacy speak of a chain that holds) --------------------------

    @concludes(Characteristic, key="integration", value="broken")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, base=False),
          ChainCoverage(stage=MATCH.stage, broken=MATCH.broken),
          TEST(lambda broken: len(broken) > 0), salience=_DESCRIBE)
    def integration_broken(self, stage, broken):
        """Concludes integration at the starting stage only: synchronization starts at a
        stage above the programs, but the chain from it breaks at a present, unsynchronized
        stage below it (a variant that types by the first synchronized stage allows it), so
        the masterplan is not formulated from the RPJMD from that stage down."""
        self.declare(Characteristic(key="integration", value="broken",
                                    figures={"stage": stage, "at": broken}))

    @concludes(Characteristic, key="legitimacy", value="rpjmd_broken")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, base=False),
          ChainCoverage(stage=MATCH.stage, broken=MATCH.broken),
          TEST(lambda broken: len(broken) > 0), salience=_DESCRIBE)
    def legitimacy_from_rpjmd_broken(self, stage, broken):
        """Concludes that the masterplan takes its starting stage from the RPJMD (a Perda)
        but does not elaborate it down to the programs: the chain breaks at a present,
        unsynchronized stage below (a variant that types by the first synchronized stage
        allows it)."""
        self.declare(Characteristic(key="legitimacy", value="rpjmd_broken",
                                    figures={"stage": stage, "at": broken}))


# -- the default rules this typology makes impossible, left out ----------------------
# Every synchronized stage is in the synchronized chain here (the type's stage is the
# highest synchronized one, and each synchronized stage below it is a member), so no stage
# is ever synchronized above a break outside the chain: the default packs' rules about such
# a stage could never fire. The variant uses these packs instead (a rule's name set to
# None leaves it out), so that ``smartsync rules --check`` finds no rule that cannot fire.

from .characteristics import CharacteristicsPack  # noqa: E402
from .diagnostics import DiagnosticsPack  # noqa: E402


class FirstSynchronizedCharacteristics(CharacteristicsPack):
    """The default characteristics without the two about a stage synchronized above a break
    (``integration_low_above_break``, ``exposure_above_break``): under this typology no
    synchronized stage lies outside the chain."""

    integration_low_above_break = None
    exposure_above_break = None


class FirstSynchronizedDiagnostics(DiagnosticsPack):
    """The default diagnostics without ``synchronized_above_break``: under this typology a
    break below the type's stage is ``chain_broken_below_start`` instead."""

    synchronized_above_break = None
