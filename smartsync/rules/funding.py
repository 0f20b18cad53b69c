"""Funding: which masterplan programs can draw on the APBD, and how much.

The APBD funds only what supports the RPJMD. A masterplan program has a
route to APBD funding when it is synchronized (by a match the rules count:
:class:`~smartsync.facts.StageCoverage`'s ``matches``) with an RPJMD program
that carries an indicative budget (*pagu indikatif*) above zero. A match the
rules reject gives no route, whatever the budget of its counterpart.
"""

from __future__ import annotations

from ..facts import Elements, Funding, MatchRejected, StageCoverage, id_order
from . import MATCH, NOT, PHASE, Rule, concludes

__all__ = ["FundingPack"]


class FundingPack:
    """Masterplan programs matched to budgeted RPJMD programs, their share, their budget."""

    @concludes(Funding)
    @Rule(StageCoverage(stage=MATCH.base, base=True, matches=MATCH.matches, total=MATCH.total),
          Elements(plan="rpjmd", level=MATCH.base, budgets=MATCH.budgets),
          salience=PHASE["fund"])
    def fundable_programs(self, base, matches, total, budgets):
        """Concludes which masterplan programs can be funded through the APBD: those
        synchronized (by a match the rules count) with an RPJMD program with a budget above
        zero; their share of all masterplan programs; and the indicative budget of the
        distinct RPJMD programs they match. The programs matched to a budgeted RPJMD program
        by a match that does not count, and synchronized by none that does, are listed
        apart (``uncounted_ids``): matched, but with no route to APBD funding."""
        fundable = tuple(sorted({mp for mp, rp, _, _ in matches if budgets.get(rp)},
                                key=lambda i: (id_order(i), i)))
        synchronized = {mp for mp, _, _, _ in matches}
        uncounted = tuple(sorted({r["masterplan"] for r in self.collect(MatchRejected, stage=base)
                                  if budgets.get(r["rpjmd"])
                                  and r["masterplan"] not in synchronized},
                                 key=lambda i: (id_order(i), i)))
        rpjmd = tuple(sorted({rp for _, rp, _, _ in matches if budgets.get(rp)},
                             key=lambda i: (id_order(i), i)))
        self.declare(Funding(total=total, fundable=len(fundable), fundable_ids=fundable,
                             share=len(fundable) / total if total else 0.0,
                             budget=sum(budgets[rp] for rp in rpjmd), rpjmd_programs=rpjmd,
                             uncounted_ids=uncounted))

    @concludes(Funding)
    @Rule(StageCoverage(stage=MATCH.base, base=True, total=MATCH.total),
          NOT(Elements(plan="rpjmd", level=MATCH.base)),
          salience=PHASE["fund"])
    def no_rpjmd_programs(self, total):
        """Concludes that no masterplan program can be funded: the RPJMD lists no programs."""
        self.declare(Funding(total=total, fundable=0, fundable_ids=(), share=0.0, budget=0,
                             rpjmd_programs=(), uncounted_ids=()))
