"""Characteristics: what the type found means for the masterplan.

For the type found: the stage where synchronization starts and the chain of
synchronized stages; whether the masterplan formulates its own vision; how
integrated the two plans are; where the masterplan's legitimacy and its
funding through the APBD come from; how exposed it is to a change of regional
head; the share of masterplan programs with an RPJMD program counterpart; and
how the two plan periods relate.

Each rule concludes a :class:`~smartsync.facts.Characteristic` with a ``key``
and a ``value``; the words a planner reads, in English and Indonesian, are in
the message catalogs (``characteristic.<key>.<value>``).

A characteristic never contradicts the figures beside it: each rule
conditions on the concluded figures its words speak of. A helper fact is
concluded first for that (phase ``figures``):
:class:`~smartsync.facts.ChainCoverage` (is every stage of the chain
synchronized in full? which synchronized stages lie outside the chain, e.g.
a vision above a break?). So
"fully integrated ... at every stage" needs a chain synchronized in full
(else the integration is ``full_in_part``, with the stages that are not); "the
plans meet only at the program stage" needs no synchronized stage outside
the chain (else ``low_above_break``); "its programs enter the RKPD and the
APBD" needs every program synchronized (else ``rpjmd_in_part``); "only
programs are tied" needs no vision or mission synchronized (else the
exposure is ``high_above_break``).
"""

from __future__ import annotations

from ..facts import (
    Characteristic, ChainBreak, ChainCoverage, ChainMember, Elements, Funding, MatchRejected,
    PlanPeriod, StageCoverage, StageDef, StageStatus, TypeResult, id_order,
)
from ..typology import UNSYNCHRONIZED
from .funding import funded_years
from . import MATCH, NOT, PHASE, TEST, P, Rule, concludes

__all__ = ["CharacteristicsPack"]

_SYNCHRONIZED = P(lambda stage: stage != UNSYNCHRONIZED)
#: a chain that holds from the type's stage down (no present, unsynchronized stage below it;
#: a variant that types by a stage whose chain breaks says what it means: first_synchronized)
_UNBROKEN = P(lambda broken: not broken)
#: a list of ids that is not empty (elements matched, none of whose matches counts)
_SOME = P(lambda ids: len(ids) > 0)
_DESCRIBE = PHASE["describe"]
_FIGURES = PHASE["figures"]


class CharacteristicsPack:
    """What the type found means: integration, legitimacy, funding route, exposure, periods."""

    # -- figures the characteristics condition on ---------------------------

    @concludes(ChainCoverage, stage=MATCH.stage)
    @Rule(TypeResult(stage=MATCH.stage, typed=True), salience=_FIGURES)
    def chain_coverage(self, stage):
        """Concludes how completely the synchronized chain is synchronized: full when every
        stage of the chain covers all its masterplan elements; else the chain's stages that
        do not, with their synchronized and total counts; and the synchronized stages
        outside the chain (above a break: what is said of the chain alone must not be said
        of the whole masterplan); and the present stages below the type's stage that are
        not synchronized (the chain breaks there: a variant such as ``first-synchronized``
        types by a stage whose chain does not hold down to the programs). Collected from the
        chain members, the stage coverages, the stage statuses and the chain breaks."""
        members = {f["stage"] for f in self.collect(ChainMember)}
        coverages = sorted(self.collect(StageCoverage), key=lambda f: f["position"])
        partial = tuple((f["stage"], f["synchronized"], f["total"]) for f in coverages
                        if f["stage"] in members and f["synchronized"] < f["total"])
        synchronized = {f["stage"] for f in self.collect(StageStatus, synchronized=True)}
        outside = tuple(f["stage"] for f in coverages
                        if f["stage"] in synchronized and f["stage"] not in members)
        below = {f["at"] for f in self.collect(ChainBreak, stage=stage)}
        broken = tuple(f["stage"] for f in coverages if f["stage"] in below)
        self.declare(ChainCoverage(stage=stage, full=not partial, partial=partial,
                                   outside=outside, broken=broken))

    # -- where it starts ---------------------------------------------------

    @concludes(Characteristic, key="start_stage")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, position=MATCH.position),
          salience=_DESCRIBE)
    def start_stage(self, stage, position):
        """Concludes the stage where synchronization starts: the type's stage."""
        self.declare(Characteristic(key="start_stage", value=stage, figures={"position": position}))

    # -- the vision ----------------------------------------------------------

    @concludes(Characteristic, key="own_vision", value=False)
    @Rule(StageStatus(stage="vision", synchronized=True),
          NOT(StageCoverage(stage="vision", unsynchronized_ids=_SOME)), salience=_DESCRIBE)
    def vision_from_rpjmd(self):
        """Concludes that the masterplan does not formulate its own vision: its vision is
        synchronized with (formulated from) the RPJMD vision (each of them, where it states
        several: :meth:`visions_in_part_from_rpjmd` otherwise)."""
        self.declare(Characteristic(key="own_vision", value=False, figures={}))

    @concludes(Characteristic, key="own_vision", value=True)
    @Rule(Elements(plan="masterplan", level="vision"),
          NOT(StageStatus(stage="vision", synchronized=True)),
          NOT(StageCoverage(stage="vision", rejected_ids=_SOME)),
          NOT(StageCoverage(stage="vision", synchronized_ids=_SOME)), salience=_DESCRIBE)
    def own_vision(self):
        """Concludes that the masterplan formulates its own smart city vision: it has a
        vision, that vision is not synchronized with the RPJMD vision, and it is not matched
        to it by a match the rules do not count (:meth:`vision_matched_not_counted`)."""
        self.declare(Characteristic(key="own_vision", value=True, figures={}))

    @concludes(Characteristic, key="own_vision", value="matched")
    @Rule(NOT(StageStatus(stage="vision", synchronized=True)),
          StageCoverage(stage="vision", rejected_ids=_SOME),
          NOT(StageCoverage(stage="vision", synchronized_ids=_SOME)), salience=_DESCRIBE)
    def vision_matched_not_counted(self):
        """Concludes that the masterplan's vision is matched to the RPJMD vision, but by a
        match the rules do not count (a relation that does not count at the vision, a
        variant's condition): the file records it as taken from the RPJMD vision, and the
        vision is still not synchronized. Its figures name the RPJMD vision(s) and the
        relation(s) of those matches."""
        found = self.collect(MatchRejected, stage="vision")
        self.declare(Characteristic(key="own_vision", value="matched", figures={
            "rpjmd": sorted({f["rpjmd"] for f in found}, key=lambda i: (id_order(i), i)),
            "relations": sorted({str(f["relation"]) for f in found})}))

    @concludes(Characteristic, key="own_vision", value="partly")
    @Rule(StageCoverage(stage="vision", synchronized_ids=MATCH.synchronized,
                        unsynchronized_ids=MATCH.unsynchronized),
          TEST(lambda synchronized, unsynchronized: len(synchronized) > 0
               and len(unsynchronized) > 0), salience=_DESCRIBE)
    def visions_in_part_from_rpjmd(self, synchronized, unsynchronized):
        """Concludes that the masterplan states several visions, some synchronized with
        (formulated from) the RPJMD vision and some not: a plan has one vision, so neither
        "its own vision" nor "formulated from the RPJMD vision" holds of the masterplan; its
        figures name both groups, whether or not the vision stage reaches its threshold."""
        self.declare(Characteristic(key="own_vision", value="partly", figures={
            "count": len(synchronized) + len(unsynchronized),
            "synchronized_visions": tuple(synchronized),
            "unsynchronized_visions": tuple(unsynchronized)}))

    @concludes(Characteristic, key="own_vision", value="absent")
    @Rule(StageDef(base=True), NOT(Elements(plan="masterplan", level="vision")), salience=_DESCRIBE)
    def no_vision(self):
        """Concludes that the masterplan states no vision at all."""
        self.declare(Characteristic(key="own_vision", value="absent", figures={}))

    # -- integration -----------------------------------------------------------

    @concludes(Characteristic, key="integration", value="full")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, position=0, base=False),
          ChainCoverage(stage=MATCH.stage, full=True, broken=_UNBROKEN),
          salience=_DESCRIBE)
    def integration_full(self, stage):
        """Concludes full integration: synchronization starts at the top stage and every
        stage of the chain is synchronized in full, so the masterplan is formulated from
        the RPJMD at every stage."""
        self.declare(Characteristic(key="integration", value="full", figures={"stage": stage}))

    @concludes(Characteristic, key="integration", value="high")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, position=1, base=False),
          ChainCoverage(stage=MATCH.stage, full=True, broken=_UNBROKEN),
          salience=_DESCRIBE)
    def integration_high(self, stage):
        """Concludes high integration: synchronization starts one stage below the top, and
        every stage of the chain is synchronized in full; the masterplan keeps only its own
        vision."""
        self.declare(Characteristic(key="integration", value="high", figures={"stage": stage}))

    @concludes(Characteristic, key="integration", value="partial")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, position=P(lambda position: position >= 2),
                     base=False),
          ChainCoverage(stage=MATCH.stage, full=True, broken=_UNBROKEN),
          salience=_DESCRIBE)
    def integration_partial(self, stage):
        """Concludes partial integration: the masterplan has its own vision and missions and
        meets the RPJMD from a lower stage (e.g. the targets) down, every stage of the chain
        synchronized in full."""
        self.declare(Characteristic(key="integration", value="partial", figures={"stage": stage}))

    @concludes(Characteristic, key="integration", value="full_in_part")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, position=0, base=False),
          ChainCoverage(stage=MATCH.stage, full=False, partial=MATCH.partial, broken=_UNBROKEN),
          salience=_DESCRIBE)
    def integration_full_in_part(self, stage, partial):
        """Concludes integration from the top stage, in part: synchronization starts at the
        top stage, but not every element of the chain's stages is synchronized (those
        stages with their figures)."""
        self.declare(Characteristic(key="integration", value="full_in_part",
                                    figures={"stage": stage, "partial": partial}))

    @concludes(Characteristic, key="integration", value="high_in_part")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, position=1, base=False),
          ChainCoverage(stage=MATCH.stage, full=False, partial=MATCH.partial, broken=_UNBROKEN),
          salience=_DESCRIBE)
    def integration_high_in_part(self, stage, partial):
        """Concludes high integration, in part: synchronization starts one stage below the
        top, but not every element of the chain's stages is synchronized."""
        self.declare(Characteristic(key="integration", value="high_in_part",
                                    figures={"stage": stage, "partial": partial}))

    @concludes(Characteristic, key="integration", value="partial_in_part")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, position=P(lambda position: position >= 2),
                     base=False),
          ChainCoverage(stage=MATCH.stage, full=False, partial=MATCH.partial, broken=_UNBROKEN),
          salience=_DESCRIBE)
    def integration_partial_in_part(self, stage, partial):
        """Concludes partial integration, in part: the masterplan meets the RPJMD from a
        lower stage down, and not every element of those stages is synchronized."""
        self.declare(Characteristic(key="integration", value="partial_in_part",
                                    figures={"stage": stage, "partial": partial}))

    @concludes(Characteristic, key="integration", value="low")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, base=True),
          ChainCoverage(stage=MATCH.stage, outside=MATCH.outside),
          TEST(lambda outside: len(outside) == 0), salience=_DESCRIBE)
    def integration_low(self, stage, outside):
        """Concludes low integration: the plans meet only at the base stage (programs): no
        other stage is synchronized."""
        self.declare(Characteristic(key="integration", value="low", figures={"stage": stage}))

    @concludes(Characteristic, key="integration", value="low_above_break")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, base=True),
          ChainCoverage(stage=MATCH.stage, outside=MATCH.outside),
          TEST(lambda outside: len(outside) > 0), salience=_DESCRIBE)
    def integration_low_above_break(self, stage, outside):
        """Concludes low integration with a stage synchronized above a break: the chain
        holds only at the base stage, although a higher stage is synchronized too (its
        chain breaks below it, so it does not set the type)."""
        self.declare(Characteristic(key="integration", value="low_above_break",
                                    figures={"stage": stage, "outside": outside}))

    @concludes(Characteristic, key="integration", value="none")
    @Rule(TypeResult(stage=UNSYNCHRONIZED), salience=_DESCRIBE)
    def integration_none(self):
        """Concludes that the plans are not integrated: not even the programs are synchronized."""
        self.declare(Characteristic(key="integration", value="none", figures={}))

    # -- legitimacy and funding ---------------------------------------------------

    @concludes(Characteristic, key="legitimacy", value="rpjmd")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, base=False),
          ChainCoverage(stage=MATCH.stage, broken=_UNBROKEN), salience=_DESCRIBE)
    def legitimacy_from_rpjmd(self, stage):
        """Concludes that the masterplan draws its legitimacy from the RPJMD (a Perda): it
        elaborates the RPJMD from a strategic stage down to the programs."""
        self.declare(Characteristic(key="legitimacy", value="rpjmd", figures={"stage": stage}))

    @concludes(Characteristic, key="legitimacy", value="own")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, base=True), salience=_DESCRIBE)
    def legitimacy_own(self, stage):
        """Concludes that the masterplan rests on its own legal basis (a Perwal or Perbup):
        only its programs are anchored in the RPJMD."""
        self.declare(Characteristic(key="legitimacy", value="own", figures={"stage": stage}))

    @concludes(Characteristic, key="legitimacy", value="none")
    @Rule(TypeResult(stage=UNSYNCHRONIZED), salience=_DESCRIBE)
    def legitimacy_none(self):
        """Concludes that the masterplan has no anchor in the RPJMD."""
        self.declare(Characteristic(key="legitimacy", value="none", figures={}))

    @concludes(Characteristic, key="funding_route", value="rpjmd")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, base=False),
          StageStatus(base=True, full=True), Funding(periods_apart=False), salience=_DESCRIBE)
    def funding_through_rpjmd(self, stage):
        """Concludes that the masterplan is funded through the RPJMD: its programs follow
        RPJMD targets and programs, and every one of them is synchronized, so they enter
        the RKPD and the APBD as RPJMD programs."""
        self.declare(Characteristic(key="funding_route", value="rpjmd", figures={"stage": stage}))

    @concludes(Characteristic, key="funding_route", value="rpjmd_in_part")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, base=False),
          StageStatus(base=True, synchronized=True, full=False),
          StageCoverage(stage=MATCH.base, base=True, present=True,
                        synchronized=MATCH.synchronized, total=MATCH.total),
          Funding(fundable=MATCH.fundable, periods_apart=False),
          salience=_DESCRIBE)
    def funding_through_rpjmd_in_part(self, stage, base, synchronized, total, fundable):
        """Concludes that the masterplan is funded through the RPJMD for its synchronized
        programs only: the others have no route to APBD funding; of the synchronized ones,
        those whose RPJMD program carries a budget (the funding figures) can draw on it."""
        self.declare(Characteristic(key="funding_route", value="rpjmd_in_part", figures={
            "stage": stage, "synchronized": synchronized, "total": total,
            "rest": total - synchronized, "fundable": fundable}))

    @concludes(Characteristic, key="funding_route", value="program")
    @Rule(TypeResult(typed=True, base=True),
          StageCoverage(stage=MATCH.base, base=True, present=True,
                        synchronized=MATCH.synchronized, total=MATCH.total),
          TEST(lambda synchronized: synchronized > 0),
          Funding(fundable=MATCH.fundable, periods_apart=False),
          salience=_DESCRIBE)
    def funding_program_by_program(self, base, synchronized, total, fundable):
        """Concludes that the masterplan is funded program by program: synchronization
        starts at the base stage, so only its programs synchronized with RPJMD programs
        that carry a budget (the funding figures) can draw on the APBD."""
        self.declare(Characteristic(key="funding_route", value="program", figures={
            "stage": base, "synchronized": synchronized, "total": total,
            "fundable": fundable}))

    @concludes(Characteristic, key="funding_route", value="programs_only")
    @Rule(StageStatus(base=True, synchronized=False),
          StageCoverage(stage=MATCH.base, base=True, present=True,
                        synchronized=MATCH.synchronized, total=MATCH.total),
          TEST(lambda synchronized: synchronized > 0),
          Funding(fundable=MATCH.fundable, periods_apart=False),
          salience=_DESCRIBE)
    def funding_programs_only(self, base, synchronized, total, fundable):
        """Concludes that only single programs have a route to APBD funding: the program
        stage is not synchronized, but some of its programs are; those whose RPJMD program
        carries a budget (the funding figures) can draw on the APBD."""
        self.declare(Characteristic(key="funding_route", value="programs_only", figures={
            "stage": base, "synchronized": synchronized, "total": total,
            "fundable": fundable}))

    @concludes(Characteristic, key="funding_route", value="periods_apart")
    @Rule(StageCoverage(stage=MATCH.base, base=True, present=True,
                        synchronized=MATCH.synchronized, total=MATCH.total),
          TEST(lambda synchronized: synchronized > 0),
          Funding(periods_apart=True, periods=MATCH.periods),
          salience=_DESCRIBE)
    def funding_periods_apart(self, base, synchronized, total, periods):
        """Concludes that the masterplan has no route to APBD funding in its own years,
        though some of its programs are synchronized: the funding rules concluded that the
        RPJMD's period shares no year with the masterplan's, so the programs it is
        synchronized with are funded (if at all) in years outside the masterplan."""
        self.declare(Characteristic(key="funding_route", value="periods_apart", figures={
            "stage": base, "synchronized": synchronized, "total": total, **dict(periods)}))

    @concludes(Characteristic, key="funding_route", value="none")
    @Rule(StageDef(base=True, name=MATCH.base),
          NOT(StageCoverage(stage=MATCH.base, synchronized=P(lambda n: n > 0))),
          salience=_DESCRIBE)
    def funding_none(self, base):
        """Concludes that the masterplan has no route to APBD funding: the APBD funds only
        what supports the RPJMD, and no program of the masterplan is synchronized."""
        self.declare(Characteristic(key="funding_route", value="none", figures={}))

    # -- exposure to a change of regional head ---------------------------------------

    @concludes(Characteristic, key="exposure", value="high")
    @Rule(ChainMember(stage="vision"), salience=_DESCRIBE)
    def exposure_vision(self):
        """Concludes high exposure to a change of regional head: a masterplan tied to the
        RPJMD vision must be revised with each new RPJMD."""
        self.declare(Characteristic(key="exposure", value="high", figures={"stage": "vision"}))

    @concludes(Characteristic, key="exposure", value="high")
    @Rule(ChainMember(stage="mission"), NOT(ChainMember(stage="vision")), salience=_DESCRIBE)
    def exposure_mission(self):
        """Concludes high exposure to a change of regional head: the missions of an RPJMD are
        the elected head's, so a masterplan tied to them must be revised with each new RPJMD."""
        self.declare(Characteristic(key="exposure", value="high", figures={"stage": "mission"}))

    @concludes(Characteristic, key="exposure", value="high_above_break")
    @Rule(ChainCoverage(outside=MATCH.outside),
          TEST(lambda outside: "vision" in outside or "mission" in outside),
          NOT(ChainMember(stage="vision")), NOT(ChainMember(stage="mission")),
          salience=_DESCRIBE)
    def exposure_above_break(self, outside):
        """Concludes high exposure to a change of regional head although the chain does not
        reach the vision or the missions: one of them is synchronized above a break, so the
        masterplan still takes it from the elected head's RPJMD."""
        stage = "vision" if "vision" in outside else "mission"
        self.declare(Characteristic(key="exposure", value="high_above_break",
                                    figures={"stage": stage}))

    @concludes(Characteristic, key="exposure", value="medium")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, base=False),
          ChainCoverage(stage=MATCH.stage, outside=MATCH.outside),
          TEST(lambda outside: "vision" not in outside and "mission" not in outside),
          NOT(ChainMember(stage="vision")), NOT(ChainMember(stage="mission")),
          salience=_DESCRIBE)
    def exposure_medium(self, stage, outside):
        """Concludes medium exposure: the masterplan keeps its own vision and missions (none
        of them is synchronized), but its lower stages follow RPJMD elements that a new
        RPJMD may change."""
        self.declare(Characteristic(key="exposure", value="medium", figures={"stage": stage}))

    @concludes(Characteristic, key="exposure", value="low")
    @Rule(TypeResult(stage=MATCH.stage, typed=True, base=True),
          ChainCoverage(stage=MATCH.stage, outside=MATCH.outside),
          TEST(lambda outside: "vision" not in outside and "mission" not in outside),
          salience=_DESCRIBE)
    def exposure_low(self, stage, outside):
        """Concludes low exposure: only programs are tied (no vision or mission is
        synchronized), and programs follow the national nomenclature, which outlives a
        change of regional head."""
        self.declare(Characteristic(key="exposure", value="low", figures={"stage": stage}))

    # -- programs and periods ------------------------------------------------------

    @concludes(Characteristic, key="program_counterpart_share")
    @Rule(StageCoverage(stage=MATCH.base, base=True, present=True,
                        synchronized=MATCH.synchronized, total=MATCH.total,
                        coverage=MATCH.coverage, matched=MATCH.matched),
          salience=_DESCRIBE)
    def program_counterpart_share(self, base, synchronized, total, coverage, matched):
        """Concludes the share of masterplan programs synchronized with an RPJMD program
        (their match counts under the rules in force), beside how many are matched at all.
        A masterplan without programs has no such share (the diagnostics say it has none)."""
        self.declare(Characteristic(key="program_counterpart_share", value=coverage,
                                    figures={"stage": base, "synchronized": synchronized,
                                             "total": total, "matched": matched}))

    @concludes(Characteristic, key="periods", value="same")
    @Rule(PlanPeriod(plan="rpjmd", start=MATCH.rpjmd_start, end=MATCH.rpjmd_end),
          PlanPeriod(plan="masterplan", start=MATCH.rpjmd_start, end=MATCH.rpjmd_end),
          salience=_DESCRIBE)
    def period_same(self, rpjmd_start, rpjmd_end):
        """Concludes that the two plans cover the same years."""
        self.declare(Characteristic(key="periods", value="same", figures={
            "rpjmd_start": rpjmd_start, "rpjmd_end": rpjmd_end,
            "masterplan_start": rpjmd_start, "masterplan_end": rpjmd_end}))

    @concludes(Characteristic, key="periods", value="within")
    @Rule(PlanPeriod(plan="rpjmd", start=MATCH.rpjmd_start, end=MATCH.rpjmd_end),
          PlanPeriod(plan="masterplan", start=MATCH.masterplan_start, end=MATCH.masterplan_end),
          TEST(lambda rpjmd_start, rpjmd_end, masterplan_start, masterplan_end:
               rpjmd_start <= masterplan_start and masterplan_end <= rpjmd_end
               and (rpjmd_start, rpjmd_end) != (masterplan_start, masterplan_end)),
          salience=_DESCRIBE)
    def period_within(self, rpjmd_start, rpjmd_end, masterplan_start, masterplan_end):
        """Concludes that the masterplan period lies within the RPJMD period."""
        self.declare(Characteristic(key="periods", value="within", figures={
            "rpjmd_start": rpjmd_start, "rpjmd_end": rpjmd_end,
            "masterplan_start": masterplan_start, "masterplan_end": masterplan_end}))

    @concludes(Characteristic, key="periods", value="beyond")
    @Rule(PlanPeriod(plan="rpjmd", start=MATCH.rpjmd_start, end=MATCH.rpjmd_end),
          PlanPeriod(plan="masterplan", start=MATCH.masterplan_start, end=MATCH.masterplan_end),
          TEST(lambda rpjmd_start, rpjmd_end, masterplan_start, masterplan_end:
               masterplan_start <= rpjmd_end and rpjmd_start <= masterplan_end
               and not (rpjmd_start <= masterplan_start and masterplan_end <= rpjmd_end)),
          salience=_DESCRIBE)
    def period_beyond(self, rpjmd_start, rpjmd_end, masterplan_start, masterplan_end):
        """Concludes that the masterplan period overlaps the RPJMD period and reaches beyond
        it: the years beyond will fall under another RPJMD, with which it must be aligned again.
        The years shared (``overlap``) are the RPJMD's plan years: an RPJMD named over six years
        ("2021-2026", enacted in 2021) has five, those after its first
        (:func:`smartsync.rules.funding.funded_years`), so no masterplan shares six with it."""
        start, end = funded_years(rpjmd_start, rpjmd_end, masterplan_start, masterplan_end)
        overlap = min(end, masterplan_end) - max(start, masterplan_start) + 1
        if overlap < 1:  # the masterplan's years are those before the plan years: the period's
            overlap = min(rpjmd_end, masterplan_end) - max(rpjmd_start, masterplan_start) + 1
        self.declare(Characteristic(key="periods", value="beyond", figures={
            "rpjmd_start": rpjmd_start, "rpjmd_end": rpjmd_end,
            "masterplan_start": masterplan_start, "masterplan_end": masterplan_end,
            "overlap": overlap}))

    @concludes(Characteristic, key="periods", value="disjoint")
    @Rule(PlanPeriod(plan="rpjmd", start=MATCH.rpjmd_start, end=MATCH.rpjmd_end),
          PlanPeriod(plan="masterplan", start=MATCH.masterplan_start, end=MATCH.masterplan_end),
          TEST(lambda rpjmd_start, rpjmd_end, masterplan_start, masterplan_end:
               masterplan_start > rpjmd_end or rpjmd_start > masterplan_end),
          salience=_DESCRIBE)
    def period_disjoint(self, rpjmd_start, rpjmd_end, masterplan_start, masterplan_end):
        """Concludes that the two plans share no year."""
        self.declare(Characteristic(key="periods", value="disjoint", figures={
            "rpjmd_start": rpjmd_start, "rpjmd_end": rpjmd_end,
            "masterplan_start": masterplan_start, "masterplan_end": masterplan_end}))
