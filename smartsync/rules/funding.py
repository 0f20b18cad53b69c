"""Funding: which masterplan programs can draw on the APBD, and how much.

The APBD funds only what supports the RPJMD. A masterplan program has a
route to APBD funding when it is synchronized (by a match the rules count:
:class:`~smartsync.facts.StageCoverage`'s ``matches``) with an RPJMD program
that carries an indicative budget (*pagu indikatif*) above zero. A match the
rules reject gives no route, whatever the budget of its counterpart.

The *pagu indikatif* is the RPJMD's, for the RPJMD's years. When the two plans'
periods share no year (the ``periods`` characteristic concluded ``disjoint``, the
fact behind the ``periods_disjoint`` diagnostic), that budget funds no year of the
masterplan: no program can draw on the APBD through this RPJMD. The funding then
says so, and keeps the programs and the budget apart (``apart_ids``,
``apart_budget``) with the two periods, instead of presenting an ended (or not yet
begun) RPJMD's pagu as funding.

When the periods share some years but not all of the RPJMD's (an RPJMD 2021-2026
and a masterplan 2026-2035 share 2026 only), the RPJMD's pagu of the other years
funds no year of the masterplan either. Where the region gives an RPJMD program's
pagu year by year (:class:`~smartsync.facts.YearlyPagu`, a drafted program's
``provenance.budget_by_year``), the funding counts its pagu of the shared years
only (``split_ids``); where it gives the whole period's pagu only, that pagu is
counted whole and said to be the RPJMD period's, of which only a share falls in
the shared years (``unsplit_ids``, ``unsplit_budget``): the sentence says so,
with the shared years (``shared_years``) and the whole period's pagu
(``rpjmd_budget``). When every year the RPJMD's pagu funds is one of the
masterplan's, the whole pagu counts, as before. An RPJMD is a five-year plan: a
period named over six years ("RPJMD 2021-2026", enacted in 2021) funds the five
after its first (:data:`PLAN_YEARS`, :func:`funded_years`), so a masterplan
2022-2031 beside it has all of them.
"""

from __future__ import annotations

from ..facts import Characteristic, Elements, Funding, MatchRejected, PlanPeriod, StageCoverage, YearlyPagu, id_order
from . import MATCH, NOT, PHASE, TEST, Rule, concludes

__all__ = ["FundingPack"]


def _periods() -> tuple:
    """The two plans' periods, bound as ``rpjmd_start``, ``rpjmd_end``, ``masterplan_start``,
    ``masterplan_end``."""
    return (PlanPeriod(plan="rpjmd", start=MATCH.rpjmd_start, end=MATCH.rpjmd_end),
            PlanPeriod(plan="masterplan", start=MATCH.masterplan_start, end=MATCH.masterplan_end))


#: an RPJMD is a five-year plan: a period named over six years ("RPJMD 2021-2026") is enacted in
#: its first year, which the previous plan's budget funds, and gives pagu for the five after it
PLAN_YEARS = 5


def funded_years(rpjmd_start: int, rpjmd_end: int, masterplan_start: int, masterplan_end: int) -> tuple[int, int]:
    """The years an RPJMD's pagu indikatif funds when the region does not give it year by year:
    the last :data:`PLAN_YEARS` of its period (2022-2026 for "RPJMD 2021-2026"), or its whole
    period when those share no year with the masterplan."""
    start = max(rpjmd_start, rpjmd_end - PLAN_YEARS + 1)
    if start > masterplan_end or rpjmd_end < masterplan_start:
        start = rpjmd_start
    return start, rpjmd_end


def _all_years_shared(rpjmd_start, rpjmd_end, masterplan_start, masterplan_end):  # type: ignore[no-untyped-def]
    """Every year the RPJMD's pagu funds is a masterplan year."""
    start, end = funded_years(rpjmd_start, rpjmd_end, masterplan_start, masterplan_end)
    return masterplan_start <= start and end <= masterplan_end


def _some_years_shared(rpjmd_start, rpjmd_end, masterplan_start, masterplan_end):  # type: ignore[no-untyped-def]
    """The plans share a year, and the RPJMD's pagu funds years the masterplan does not have."""
    return masterplan_start <= rpjmd_end and rpjmd_start <= masterplan_end \
        and not _all_years_shared(rpjmd_start, rpjmd_end, masterplan_start, masterplan_end)


class FundingPack:
    """Masterplan programs matched to budgeted RPJMD programs, their share, their budget."""

    def _figures(self, base: str, matches, budgets) -> tuple:  # type: ignore[no-untyped-def]
        """The programs synchronized with budgeted RPJMD programs, those only matched to
        them by matches the rules do not count, and the RPJMD programs they draw on."""
        fundable = tuple(sorted({mp for mp, rp, _, _ in matches if budgets.get(rp)},
                                key=lambda i: (id_order(i), i)))
        synchronized = {mp for mp, _, _, _ in matches}
        uncounted = tuple(sorted({r["masterplan"] for r in self.collect(MatchRejected, stage=base)
                                  if budgets.get(r["rpjmd"])
                                  and r["masterplan"] not in synchronized},
                                 key=lambda i: (id_order(i), i)))
        rpjmd = tuple(sorted({rp for _, rp, _, _ in matches if budgets.get(rp)},
                             key=lambda i: (id_order(i), i)))
        return fundable, uncounted, rpjmd

    @concludes(Funding)
    @Rule(StageCoverage(stage=MATCH.base, base=True, matches=MATCH.matches, total=MATCH.total),
          Elements(plan="rpjmd", level=MATCH.base, budgets=MATCH.budgets),
          NOT(Characteristic(key="periods", value="disjoint")),
          *_periods(), TEST(_all_years_shared),
          salience=PHASE["fund"])
    def fundable_programs(self, base, matches, total, budgets, rpjmd_start, rpjmd_end, masterplan_start,
                          masterplan_end):
        """Concludes which masterplan programs can be funded through the APBD: those
        synchronized (by a match the rules count) with an RPJMD program with a budget above
        zero; their share of all masterplan programs; and the indicative budget of the
        distinct RPJMD programs they match. The programs matched to a budgeted RPJMD program
        by a match that does not count, and synchronized by none that does, are listed
        apart (``uncounted_ids``): matched, but with no route to APBD funding. Every year the
        RPJMD's pagu funds is one of the masterplan's, so its whole pagu counts (else
        :meth:`fundable_share_of_years`, :meth:`fundable_share_unsplit` or
        :meth:`periods_apart` concludes)."""
        fundable, uncounted, rpjmd = self._figures(base, matches, budgets)
        whole = sum(budgets[rp] for rp in rpjmd)
        self.declare(Funding(total=total, fundable=len(fundable), fundable_ids=fundable,
                             share=len(fundable) / total if total else 0.0,
                             budget=whole, rpjmd_programs=rpjmd,
                             uncounted_ids=uncounted, periods_apart=False, apart_ids=(),
                             apart_budget=0, periods={}, shared_years=(), split_ids=(), unsplit_ids=(),
                             unsplit_budget=0, rpjmd_budget=whole))

    def _shared(self, base, matches, total, budgets, years, periods) -> None:  # type: ignore[no-untyped-def]
        """The funding of a masterplan sharing only some of the RPJMD's years: each RPJMD
        program's pagu of the shared years where its yearly pagu is known, its whole pagu
        (said as the RPJMD period's) where it is not."""
        rpjmd_start, rpjmd_end, masterplan_start, masterplan_end = periods
        funded = funded_years(rpjmd_start, rpjmd_end, masterplan_start, masterplan_end)
        start, end = max(funded[0], masterplan_start), min(funded[1], masterplan_end)
        if start > end:  # the masterplan's years are those before the funded ones: the period's
            start, end = max(rpjmd_start, masterplan_start), min(rpjmd_end, masterplan_end)
        fundable, uncounted, rpjmd = self._figures(base, matches, budgets)
        split = tuple(rp for rp in rpjmd if rp in years)
        unsplit = tuple(rp for rp in rpjmd if rp not in years)
        shared = sum(amount for rp in split for year, amount in years[rp].items() if start <= year <= end)
        unsplit_budget = sum(budgets[rp] for rp in unsplit)
        self.declare(Funding(total=total, fundable=len(fundable), fundable_ids=fundable,
                             share=len(fundable) / total if total else 0.0,
                             budget=shared + unsplit_budget, rpjmd_programs=rpjmd,
                             uncounted_ids=uncounted, periods_apart=False, apart_ids=(), apart_budget=0,
                             periods={"rpjmd_start": rpjmd_start, "rpjmd_end": rpjmd_end,
                                      "masterplan_start": masterplan_start, "masterplan_end": masterplan_end},
                             shared_years=(start, end), split_ids=split, unsplit_ids=unsplit,
                             unsplit_budget=unsplit_budget, rpjmd_budget=sum(budgets[rp] for rp in rpjmd)))

    @concludes(Funding)
    @Rule(StageCoverage(stage=MATCH.base, base=True, matches=MATCH.matches, total=MATCH.total),
          Elements(plan="rpjmd", level=MATCH.base, budgets=MATCH.budgets),
          YearlyPagu(plan="rpjmd", level=MATCH.base, years=MATCH.years),
          *_periods(), TEST(_some_years_shared),
          salience=PHASE["fund"])
    def fundable_share_of_years(self, base, matches, total, budgets, years, rpjmd_start, rpjmd_end,
                                masterplan_start, masterplan_end):
        """Concludes which masterplan programs can be funded through the APBD (as
        :meth:`fundable_programs`), when the two plans share some of the RPJMD's years but
        not all (an RPJMD 2021-2026, a masterplan 2026-2035): the pagu of the RPJMD's other
        years funds no year of the masterplan. An RPJMD program whose pagu the region gives
        year by year counts with its pagu of the shared years only (``split_ids``); one whose
        pagu is known for the whole RPJMD period only counts with it, said to be a share that
        cannot be split (``unsplit_ids``, ``unsplit_budget``)."""
        self._shared(base, matches, total, budgets, years,
                     (rpjmd_start, rpjmd_end, masterplan_start, masterplan_end))

    @concludes(Funding)
    @Rule(StageCoverage(stage=MATCH.base, base=True, matches=MATCH.matches, total=MATCH.total),
          Elements(plan="rpjmd", level=MATCH.base, budgets=MATCH.budgets),
          NOT(YearlyPagu(plan="rpjmd", level=MATCH.base)),
          *_periods(), TEST(_some_years_shared),
          salience=PHASE["fund"])
    def fundable_share_unsplit(self, base, matches, total, budgets, rpjmd_start, rpjmd_end,
                               masterplan_start, masterplan_end):
        """Concludes which masterplan programs can be funded through the APBD (as
        :meth:`fundable_programs`), when the two plans share some of the RPJMD's years but
        not all, and the region gives no RPJMD program's pagu year by year: the budget is
        the pagu of the whole RPJMD period, of which only the share of the shared years
        funds the masterplan; it cannot be split, and is said so (``unsplit_ids``)."""
        self._shared(base, matches, total, budgets, {},
                     (rpjmd_start, rpjmd_end, masterplan_start, masterplan_end))

    @concludes(Funding)
    @Rule(StageCoverage(stage=MATCH.base, base=True, matches=MATCH.matches, total=MATCH.total),
          Elements(plan="rpjmd", level=MATCH.base, budgets=MATCH.budgets),
          Characteristic(key="periods", value="disjoint", figures=MATCH.periods),
          salience=PHASE["fund"])
    def periods_apart(self, base, matches, total, budgets, periods):
        """Concludes that no masterplan program can be funded through the APBD by this
        RPJMD: the two plans' periods share no year (the ``periods`` characteristic), so
        the pagu indikatif of the RPJMD programs funds none of the masterplan's years. The
        programs synchronized with budgeted RPJMD programs, and that budget, are kept
        apart (``apart_ids``, ``apart_budget``) with the two periods, not counted as
        funding."""
        fundable, uncounted, rpjmd = self._figures(base, matches, budgets)
        self.declare(Funding(total=total, fundable=0, fundable_ids=(), share=0.0, budget=0,
                             rpjmd_programs=(), uncounted_ids=uncounted, periods_apart=True,
                             apart_ids=fundable, apart_budget=sum(budgets[rp] for rp in rpjmd),
                             periods=dict(periods), shared_years=(), split_ids=(), unsplit_ids=(),
                             unsplit_budget=0, rpjmd_budget=0))

    @concludes(Funding)
    @Rule(StageCoverage(stage=MATCH.base, base=True, total=MATCH.total),
          NOT(Elements(plan="rpjmd", level=MATCH.base)),
          salience=PHASE["fund"])
    def no_rpjmd_programs(self, total):
        """Concludes that no masterplan program can be funded: the RPJMD lists no programs."""
        self.declare(Funding(total=total, fundable=0, fundable_ids=(), share=0.0, budget=0,
                             rpjmd_programs=(), uncounted_ids=(), periods_apart=False,
                             apart_ids=(), apart_budget=0, periods={}, shared_years=(), split_ids=(),
                             unsplit_ids=(), unsplit_budget=0, rpjmd_budget=0))
