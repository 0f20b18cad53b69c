"""Diagnostics: findings worth a planner's attention, beside the type.

Each rule concludes a :class:`~smartsync.facts.Diagnostic` with a ``code``, a
``severity`` (``blocking``: it blocks the type or the funding; ``warning``: it needs a
person's review; ``info``: worth knowing), the ``elements`` concerned (ids in the
region file) and the ``figures`` behind it. The words are in the message
catalogs (``diagnostic.<code>``).
"""

from __future__ import annotations

from ..facts import (
    ChainBreak, ChainMember, ConditionFailed, Diagnostic, Elements, PlanPeriod, StageCoverage,
    StageStatus,
)
from ..facts import id_order
from . import MATCH, NOT, PHASE, TEST, Rule, concludes

__all__ = ["DiagnosticsPack"]

_DIAGNOSE = PHASE["diagnose"]


class DiagnosticsPack:
    """Broken chains, orphan programs, periods, dimensions, suggested matches, budgets."""

    @concludes(Diagnostic, code="synchronized_above_break")
    @Rule(ChainBreak(stage=MATCH.stage), NOT(ChainMember(stage=MATCH.stage)),
          NOT(Diagnostic(code="synchronized_above_break")), salience=_DIAGNOSE)
    def synchronized_above_break(self, stage):
        """Reports, in one finding, the synchronized stages above a break and every present,
        unsynchronized stage below them that breaks their chain, where the typology in
        force left those stages out of the synchronized chain: they do not set the type.
        It blocks a higher type."""
        members = {f["stage"] for f in self.collect(ChainMember)}
        breaks = [b for b in self.collect(ChainBreak) if b["stage"] not in members]
        coverage = {f["stage"]: f for f in self.collect(StageCoverage)}
        stages = tuple(sorted({b["stage"] for b in breaks}, key=lambda s: coverage[s]["position"]))
        at = tuple(sorted({b["at"] for b in breaks}, key=lambda s: coverage[s]["position"]))
        self.declare(Diagnostic(code="synchronized_above_break", severity="blocking",
                                elements=(),
                                figures={"stages": stages, "at": at,
                                         "coverages": {s: coverage[s]["coverage"]
                                                       for s in stages + at}}))

    @concludes(Diagnostic, code="condition_failed")
    @Rule(ConditionFailed(stage=MATCH.stage, condition=MATCH.condition, figures=MATCH.figures),
          salience=_DIAGNOSE)
    def condition_failed(self, stage, condition, figures):
        """Reports a condition of the rules in force that keeps synchronization from
        starting at a stage (a variant's condition on one type): it blocks that type."""
        self.declare(Diagnostic(code="condition_failed", severity="blocking", elements=(),
                                figures={**dict(figures), "stage": stage,
                                         "condition": condition}))

    @concludes(Diagnostic, code="masterplan_visions")
    @Rule(Elements(plan="masterplan", level="vision", ids=MATCH.ids),
          TEST(lambda ids: len(ids) > 1), salience=_DIAGNOSE)
    def masterplan_visions(self, ids):
        """Reports a masterplan that states more than one vision: a plan has one (often the
        RPJMD's vision was quoted in the masterplan and drafted as a vision of its own), so
        a person must keep the masterplan's own and delete the other. It needs review."""
        self.declare(Diagnostic(code="masterplan_visions", severity="warning", elements=ids,
                                figures={"count": len(ids)}))

    @concludes(Diagnostic, code="rpjmd_visions")
    @Rule(Elements(plan="rpjmd", level="vision", ids=MATCH.ids),
          TEST(lambda ids: len(ids) > 1), salience=_DIAGNOSE)
    def rpjmd_visions(self, ids):
        """Reports an RPJMD that states more than one vision: a plan has one (the one the
        Perda enacts), so a person must keep it and delete the other. It needs review."""
        self.declare(Diagnostic(code="rpjmd_visions", severity="warning", elements=ids,
                                figures={"count": len(ids)}))

    @concludes(Diagnostic, code="orphan_programs")
    @Rule(StageCoverage(stage=MATCH.base, base=True, present=True,
                        unsynchronized_ids=MATCH.orphans, rejected_ids=MATCH.rejected,
                        total=MATCH.total),
          TEST(lambda orphans: len(orphans) > 0),
          salience=_DIAGNOSE)
    def orphan_programs(self, base, orphans, rejected, total):
        """Reports the masterplan programs that are not synchronized (no match of theirs
        counts): they have no route to APBD funding. Of them, those that are matched to an
        RPJMD program by a match the rules do not count are named apart (``rejected``)."""
        self.declare(Diagnostic(code="orphan_programs", severity="blocking", elements=orphans,
                                figures={"stage": base, "count": len(orphans), "total": total,
                                         "unmatched": len(orphans) - len(rejected),
                                         "rejected": tuple(rejected)}))

    @concludes(Diagnostic, code="no_base_stage")
    @Rule(StageCoverage(stage=MATCH.base, base=True, present=False), salience=_DIAGNOSE)
    def no_base_stage(self, base):
        """Reports a masterplan without programs: without them no type can be given."""
        self.declare(Diagnostic(code="no_base_stage", severity="blocking", elements=(),
                                figures={"stage": base}))

    @concludes(Diagnostic, code="periods_disjoint")
    @Rule(PlanPeriod(plan="rpjmd", start=MATCH.rpjmd_start, end=MATCH.rpjmd_end),
          PlanPeriod(plan="masterplan", start=MATCH.masterplan_start, end=MATCH.masterplan_end),
          TEST(lambda rpjmd_start, rpjmd_end, masterplan_start, masterplan_end:
               masterplan_start > rpjmd_end or rpjmd_start > masterplan_end),
          salience=_DIAGNOSE)
    def periods_disjoint(self, rpjmd_start, rpjmd_end, masterplan_start, masterplan_end):
        """Reports plan periods that do not overlap: the RPJMD the masterplan is matched to
        does not govern any year of the masterplan."""
        self.declare(Diagnostic(code="periods_disjoint", severity="blocking", elements=(),
                                figures={"rpjmd_start": rpjmd_start, "rpjmd_end": rpjmd_end,
                                         "masterplan_start": masterplan_start,
                                         "masterplan_end": masterplan_end}))

    @concludes(Diagnostic, code="dimension_unsynchronized")
    @Rule(StageCoverage(stage=MATCH.base, base=True, present=True,
                        synchronized_ids=MATCH.synchronized, rejected_ids=MATCH.rejected),
          Elements(plan="masterplan", level=MATCH.base, ids=MATCH.ids,
                   dimensions=MATCH.dimensions),
          TEST(lambda dimensions, synchronized:
               bool(set(dimensions.values()) - {dimensions[i] for i in synchronized
                                                  if i in dimensions})),
          salience=_DIAGNOSE)
    def dimension_unsynchronized(self, base, ids, dimensions, synchronized, rejected):
        """Reports each smart city dimension whose masterplan programs are all unsynchronized:
        the dimension has no route to APBD funding (one finding per such dimension). Its
        programs that are matched by a match the rules do not count are counted apart
        (``rejected``): they are not "without a match"."""
        covered = {dimensions[i] for i in synchronized if i in dimensions}
        for dimension in sorted(set(dimensions.values()) - covered):
            members = tuple(i for i in ids if dimensions.get(i) == dimension)
            self.declare(Diagnostic(code="dimension_unsynchronized", severity="blocking",
                                    elements=(),
                                    figures={"dimension": dimension, "stage": base,
                                             "count": len(members),
                                             "rejected": tuple(i for i in members
                                                               if i in rejected)}))

    @concludes(Diagnostic, code="rests_on_suggested")
    @Rule(ChainMember(stage=MATCH.stage),
          StageCoverage(stage=MATCH.stage, manual_synchronized=MATCH.manual, total=MATCH.total,
                        synchronized=MATCH.synchronized),
          StageStatus(stage=MATCH.stage, threshold=MATCH.threshold),
          TEST(lambda manual, total, threshold: manual / total < threshold),
          salience=_DIAGNOSE)
    def rests_on_suggested(self, stage, manual, total, synchronized, threshold):
        """Reports that the type rests on suggested (machine) matches: a stage of the
        synchronized chain reaches its threshold only with them, so it needs review."""
        self.declare(Diagnostic(code="rests_on_suggested", severity="warning", elements=(),
                                figures={"stage": stage, "manual": manual, "total": total,
                                         "synchronized": synchronized, "threshold": threshold}))

    @concludes(Diagnostic, code="suggested_matches_used")
    @Rule(StageCoverage(stage=MATCH.stage, present=True, synchronized=MATCH.synchronized,
                        manual_synchronized=MATCH.manual, matches=MATCH.matches),
          TEST(lambda synchronized, manual: synchronized > manual),
          salience=_DIAGNOSE)
    def suggested_matches_used(self, stage, synchronized, manual, matches):
        """Reports the masterplan elements of a stage that are synchronized only by suggested
        (machine) matches: the conclusions drawn from them rest on matches no person has
        confirmed yet."""
        by_person = {mp for mp, _, _, source in matches if source == "manual"}
        machine_only = tuple(sorted({mp for mp, _, _, _ in matches} - by_person,
                                    key=lambda i: (id_order(i), i)))
        self.declare(Diagnostic(code="suggested_matches_used", severity="info",
                                elements=machine_only,
                                figures={"stage": stage, "count": len(machine_only),
                                         "synchronized": synchronized}))

    @concludes(Diagnostic, code="unbudgeted_rpjmd_programs")
    @Rule(StageCoverage(stage=MATCH.base, base=True, matches=MATCH.matches,
                        rejected_matches=MATCH.rejected),
          Elements(plan="rpjmd", level=MATCH.base, ids=MATCH.ids, budgets=MATCH.budgets),
          TEST(lambda matches, rejected, ids, budgets: any(
              not budgets.get(rp) for rp in _matched(matches, rejected, ids))),
          salience=_DIAGNOSE)
    def unbudgeted_rpjmd_programs(self, base, matches, rejected, ids, budgets):
        """Reports RPJMD programs matched by masterplan programs that carry no budget (pagu
        indikatif), or a budget of zero, whether the match counts or a rule rejected it
        (under ``budgeted-programs`` for that very reason): those masterplan programs have
        a counterpart but nothing to draw on."""
        unbudgeted = tuple(sorted({rp for rp in _matched(matches, rejected, ids)
                                   if not budgets.get(rp)},
                                  key=lambda rp: (id_order(rp), rp)))
        self.declare(Diagnostic(code="unbudgeted_rpjmd_programs", severity="blocking",
                                elements=unbudgeted,
                                figures={"stage": base, "count": len(unbudgeted)}))


def _matched(matches, rejected, ids):
    """The RPJMD elements of the level (``ids``) that a stage's matches link to, counted
    (``matches``) or rejected by a rule (``rejected``)."""
    level = set(ids)
    return {m[1] for m in matches if m[1] in level} | {m[1] for m in rejected if m[1] in level}
