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
"""

from __future__ import annotations

from ..facts import Characteristic, Elements, Funding, MatchRejected, StageCoverage, id_order
from . import MATCH, NOT, PHASE, Rule, concludes

__all__ = ["FundingPack"]


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
          salience=PHASE["fund"])
    def fundable_programs(self, base, matches, total, budgets):
        """Concludes which masterplan programs can be funded through the APBD: those
        synchronized (by a match the rules count) with an RPJMD program with a budget above
        zero; their share of all masterplan programs; and the indicative budget of the
        distinct RPJMD programs they match. The programs matched to a budgeted RPJMD program
        by a match that does not count, and synchronized by none that does, are listed
        apart (``uncounted_ids``): matched, but with no route to APBD funding. The two
        plans' periods share a year (else :meth:`periods_apart` concludes)."""
        fundable, uncounted, rpjmd = self._figures(base, matches, budgets)
        self.declare(Funding(total=total, fundable=len(fundable), fundable_ids=fundable,
                             share=len(fundable) / total if total else 0.0,
                             budget=sum(budgets[rp] for rp in rpjmd), rpjmd_programs=rpjmd,
                             uncounted_ids=uncounted, periods_apart=False, apart_ids=(),
                             apart_budget=0, periods={}))

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
                             periods=dict(periods)))

    @concludes(Funding)
    @Rule(StageCoverage(stage=MATCH.base, base=True, total=MATCH.total),
          NOT(Elements(plan="rpjmd", level=MATCH.base)),
          salience=PHASE["fund"])
    def no_rpjmd_programs(self, total):
        """Concludes that no masterplan program can be funded: the RPJMD lists no programs."""
        self.declare(Funding(total=total, fundable=0, fundable_ids=(), share=0.0, budget=0,
                             rpjmd_programs=(), uncounted_ids=(), periods_apart=False,
                             apart_ids=(), apart_budget=0, periods={}))
