"""The experta facts smartsync reasons with, and a region turned into facts.

Working memory holds the region element by element and match by match, so
that rules can join elements, matches and parents, and every decision about
an element or a match is a rule firing with a place in the trace:

- one :class:`Element` fact per element of either plan (its plan, level, id,
  parents and attributes), and one :class:`Match` fact per match (both ids,
  the relation, the source, the score);
- the policy as data: :class:`StageDef` per stage of the typology (its
  position and the stage below it), :class:`StageThreshold` per stage (the
  coverage it must reach) and :class:`CountedRelation` per stage and
  relation that counts there;
- :class:`PlanPeriod` per plan, and :class:`Elements` per plan and level: an
  index of the ids at one level (with their dimensions, codes and budgets),
  so that a rule about a whole level fires once per level instead of once
  per element.

Turning a region into facts copies and groups data; it decides nothing:
which matches count, which elements are synchronized and what a stage's
coverage is are all concluded by the rules in :mod:`smartsync.rules`.

Concluded facts (declared by the rules) are defined here too, so that packs
of different concerns can share them: per match and element
(:class:`MatchRejected`, :class:`ElementSynchronized`,
:class:`ElementUnsynchronized`), per stage (:class:`StageCoverage`,
:class:`StageStatus`), per chain and type (:class:`ChainBreak`,
:class:`TypeResult`...), and what the type means (:class:`Characteristic`,
:class:`Diagnostic`, :class:`Funding`).

The reference for rule authors (:doc:`facts`) lists every fact class with
its fields, and the rules that conclude it, from this module and the packs.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from typing import Any, Iterator

from .fastmatch import FastFact, frozendict, plain_fact
from .model import Match as ModelMatch, Region
from .typology import Parameters, Typology

#: experta's Fact, built without freezing values that are immutable already
#: (:class:`smartsync.fastmatch.FastFact`)
Fact = FastFact

__all__ = [
    "Fact", "Element", "Match", "StageDef", "StageThreshold", "CountedRelation", "Elements", "PlanPeriod",
    "YearlyPagu", "MatchRejected", "ElementSynchronized", "ElementUnsynchronized",
    "StageCoverage", "StageStatus", "ChainBreak", "ChainHolds", "ConditionFailed", "ChainIntact",
    "Superseded", "TypeResult", "ChainMember", "ChainCoverage",
    "Characteristic", "Diagnostic",
    "Funding", "INPUT_FACTS", "CONCLUDED_FACTS", "region_facts", "id_order", "pair_order",
]


# ----------------------------------------------------------------- input facts

class Element(Fact):
    """One element of a plan.

    ``plan`` (``rpjmd`` or ``masterplan``), ``level`` (``vision``,
    ``mission``...), ``id`` (as in the region file), ``parents`` (ids of its
    parents in the same plan, a tuple, empty when it names none),
    ``dimension`` (a masterplan element's smart city dimension, or ``None``),
    ``code`` (the national program nomenclature, or ``None``), ``budget``
    (the indicative budget, *pagu indikatif*, in rupiah, or ``None``) and
    ``indicators`` (its performance indicators, a tuple).
    """


class Match(Fact):
    """One match between the plans: ``masterplan`` and ``rpjmd`` (the ids it links),
    ``relation`` (``adopted``, ``derived`` or ``aligned``), ``source`` (``manual`` or
    ``suggested``) and ``score`` (a suggested match's score, or ``None``)."""


class StageDef(Fact):
    """A stage of the typology: ``name`` (a level), ``position`` (0 at the top), ``base``
    (whether it is the bottom stage, which every type needs) and ``next`` (the next stage
    below it; ``None`` for the base stage). Its threshold is a fact of its own
    (:class:`StageThreshold`)."""


class StageThreshold(Fact):
    """The coverage a ``stage`` must reach to be synchronized: ``threshold`` (0 to 1,
    inclusive; from :meth:`smartsync.Parameters.threshold_for`).

    A fact apart from :class:`StageDef`, which the element rules join: only the rules
    that compare a stage's coverage with its threshold (the stage status rules of
    :mod:`~smartsync.rules.stages`) join it, so another threshold (a what-if, a study's
    breakpoint) changes the stage statuses and what follows from them, not the element
    conclusions."""


class CountedRelation(Fact):
    """A match ``relation`` that counts at a ``stage`` (one fact per stage and counted
    relation, from :attr:`smartsync.Parameters.relations` and
    :attr:`smartsync.Parameters.stage_relations`)."""


class Elements(Fact):
    """An index of the elements of one plan at one level (grouped data, no decision).

    ``plan``, ``level``, ``ids`` (sorted, numbers inside ids as numbers), and
    per id: ``dimensions``, ``codes`` and ``budgets`` (only ids that have one).
    Declared for each level a plan has elements at: a rule about a whole level
    (is a stage present? which dimensions have programs?) joins it once.
    """


class PlanPeriod(Fact):
    """A plan's period: ``plan``, ``start``, ``end`` (years, inclusive)."""


class YearlyPagu(Fact):
    """The pagu of one plan's elements at one level year by year, where the region gives it
    (grouped data, no decision): ``plan``, ``level`` and ``years``: per element id with yearly
    figures (a drafted program's ``provenance.budget_by_year``), its amount in rupiah per year.
    A year named by its place in the plan (``ke-2``) is the plan's second year. Declared only
    for a level where some element has them."""


#: the fact classes declared from the input, before any rule fires (a pack may declare
#: input facts of its own: see :meth:`smartsync.Classifier` and ``input_facts``)
INPUT_FACTS = (Element, Match, StageDef, StageThreshold, CountedRelation, Elements, PlanPeriod, YearlyPagu)


# ------------------------------------------------------------- concluded facts

class MatchRejected(Fact):
    """A match of a masterplan element at a stage that does not count, and why.

    ``stage`` (the masterplan element's level), ``masterplan`` and ``rpjmd``
    (the ids the match links), ``relation``, ``condition`` (the condition it
    fails: ``relation`` -- its relation does not count at the stage; a
    variant's own, e.g. ``budget``, ``cascade``, ``no_parent``) and
    ``figures`` (the values behind it, e.g. the counterpart's budget). A
    match is named by its two ids: a region matches a pair once. Concluded in the ``reject``
    phase, before the element decisions read it.
    """


class ElementSynchronized(Fact):
    """A masterplan element synchronized by one of its matches (one fact per counting match).

    ``stage`` (the element's level), ``id`` (the masterplan element),
    ``rpjmd`` (its counterpart), ``relation`` and ``source`` of that match.
    """


class ElementUnsynchronized(Fact):
    """A masterplan element of a stage that no match synchronizes.

    ``stage``, ``id``, and ``rejected``: its matches that do not count, each
    ``(rpjmd id, condition)`` (empty when it has no match at all).
    """


class StageCoverage(Fact):
    """How many masterplan elements of a stage are synchronized.

    ``stage``, ``base`` (the bottom stage) and ``position`` (from the stage's
    definition), ``present``, ``total``, ``synchronized`` (count), ``coverage``
    (0 to 1), ``synchronized_ids``, ``unsynchronized_ids``,
    ``matched`` (count of elements with a match to an RPJMD element of their
    level, whether it counts or not: ``synchronized`` plus the elements of
    ``rejected_ids``), ``rejected_ids`` (elements that are matched but none
    of whose matches counts), ``manual_synchronized`` (count of elements
    synchronized by a manual match), ``matches`` (the counted matches,
    ``(masterplan id, rpjmd id, relation, source)``), ``rejected_matches`` (the
    stage's matches a rule rejected, ``(masterplan id, rpjmd id, condition)``, also
    those of elements another match synchronizes).
    """


class StageStatus(Fact):
    """Whether a stage is synchronized: ``stage``, ``base``, ``position``, ``present``,
    ``synchronized``, ``full``, and ``passes`` (synchronized or absent: it does not break
    a chain); for a present stage, the ``threshold`` its coverage was compared with (the
    stage's :class:`StageThreshold`)."""


class ChainBreak(Fact):
    """A synchronized ``stage`` with a present, unsynchronized stage ``at`` below it."""


class ChainHolds(Fact):
    """From ``stage`` down to the base stage, every present stage is synchronized, and the
    base stage is."""


class ConditionFailed(Fact):
    """A condition a variant sets on the type that starts at ``stage`` does not hold, so
    synchronization cannot start there: ``stage``, ``condition`` (its name, e.g.
    ``mission_coverage``) and ``figures`` (the values behind it). The default typology's
    rule that a chain can start at a stage (``chain_intact``) asks that no such fact
    names the stage: a variant adds a condition to one type by concluding it (see
    :doc:`variants`)."""


class ChainIntact(Fact):
    """A synchronized ``stage`` (with its ``position`` and ``base``) from which every present
    stage down to the base is synchronized."""


class Superseded(Fact):
    """An intact chain from ``stage`` lies inside the intact chain from a higher stage ``by``."""


class TypeResult(Fact):
    """The type of the region: ``stage`` where synchronization starts, or ``unsynchronized``;
    ``typed`` (false when unsynchronized: outside the typology), ``position`` of that stage in
    the typology (-1 when unsynchronized) and ``base`` (whether it is the bottom stage)."""


class ChainMember(Fact):
    """A ``stage`` in the synchronized chain of the type found."""


class ChainCoverage(Fact):
    """How completely the synchronized chain of the type found is synchronized: ``stage``
    (the type's stage), ``full`` (every stage of the chain is synchronized in full),
    ``partial`` (the chain's stages that are not, each ``(stage, synchronized, total)``)
    ``outside`` (synchronized stages outside the chain, e.g. a vision above a
    break, top first) and ``broken`` (present, unsynchronized stages below the type's
    stage, top first: empty unless a variant types by a stage whose chain breaks)."""


class Characteristic(Fact):
    """A characteristic of the type found: ``key``, ``value`` and the ``figures`` behind it."""


class Diagnostic(Fact):
    """A finding worth a planner's attention: ``code``, ``severity``, ``elements``, ``figures``."""


class Funding(Fact):
    """Masterplan programs with a route to APBD funding.

    ``total`` masterplan programs, ``fundable`` (count) and ``fundable_ids``
    synchronized (by a counted match) with an RPJMD program with a budget,
    ``share``, ``budget`` (sum of the distinct RPJMD budgets they can draw
    on), ``rpjmd_programs`` (their ids), ``uncounted_ids`` (programs matched
    to a budgeted RPJMD program only by matches the rules do not count);
    ``shared_years`` (``start``, ``end``) when the RPJMD's period has years outside the
    masterplan's (empty when every year of it is the masterplan's too); then ``split_ids``
    (the RPJMD programs drawn on whose pagu is known year by year: ``budget`` counts their
    pagu of the shared years only), ``unsplit_ids`` (those whose pagu is known for the whole
    RPJMD period only: ``budget`` counts it whole, ``unsplit_budget``) and ``rpjmd_budget``
    (the pagu of all of them over the RPJMD period);
    ``periods_apart`` when the two plans' periods share no year, and then
    ``apart_ids`` (the programs synchronized with budgeted RPJMD programs, none
    of them fundable), ``apart_budget`` (that RPJMD budget) and ``periods``
    (``rpjmd_start``, ``rpjmd_end``, ``masterplan_start``, ``masterplan_end``).
    """


#: the fact classes rules conclude (input facts excluded); a pack may conclude its own
CONCLUDED_FACTS = (MatchRejected, ElementSynchronized, ElementUnsynchronized, StageCoverage,
                   StageStatus, ChainBreak, ChainHolds, ConditionFailed, ChainIntact, Superseded,
                   TypeResult,
                   ChainMember, ChainCoverage, Characteristic, Diagnostic,
                   Funding)


# ------------------------------------------------------------ region -> facts

@functools.lru_cache(maxsize=65536)
def id_order(element_id: str) -> str:
    """The order ids are listed in (a sort key): numbers inside ids compare as numbers
    (SP2 before SP10, SP007 as SP7), and come before letters at the same place."""
    # one string, compared in one step (a tuple of parts compared part by part made
    # sorting a region's ids a tenth of a classification): a number is \x01, its digits'
    # count in 8 digits and its digits (no int(): an id of thousands of digits is still
    # an id); a run of other characters is \x02 and the run (ids hold no control
    # characters: the readers and validate_region refuse them)
    return "".join(f"\x01{len(digits := part.lstrip('0')):08d}{digits}"
                   if part[0] in "0123456789" else f"\x02{part}"
                   for part in _DIGITS.split(element_id) if part)


_DIGITS = re.compile(r"([0-9]+)")


def _order(element_id: str) -> tuple:
    return (id_order(element_id), element_id)


def pair_order(pair: tuple[str, str]) -> tuple:
    """The order matches are listed in (a sort key for ``(masterplan, rpjmd)`` pairs): by the
    masterplan id, then the RPJMD id, each in :func:`id_order` (``SP2 -> P2`` before
    ``SP10 -> P11``)."""
    return (id_order(pair[0]), id_order(pair[1]), pair)


def definition_facts(typology: Typology, params: Parameters) -> Iterator[Fact]:
    """The facts of the typology and the parameters: a :class:`StageDef` per stage (its
    position, whether it is the base stage, the stage below it), a
    :class:`StageThreshold` per stage and a :class:`CountedRelation` per relation that
    counts at a stage. The first input facts of every region; a what-if with other
    parameters retracts those that differ and declares the new ones
    (:mod:`smartsync.whatif`)."""
    for position, stage in enumerate(typology.stages):
        below = typology.stages[position + 1:]
        yield StageDef(name=stage, position=position, base=stage == typology.base,
                       next=below[0] if below else None)
    for stage in typology.stages:
        yield StageThreshold(stage=stage, threshold=params.threshold_for(stage))
    for stage in typology.stages:
        for relation in sorted(r.value for r in params.relations_for(stage)):
            yield CountedRelation(stage=stage, relation=relation)


def match_fact(match: "ModelMatch") -> Fact:
    """The :class:`Match` fact of one match of the region (what a what-if declares for a
    hypothetical match, and retracts for a lost one)."""
    if Match.__fields__:  # pragma: no cover - a subclass with Field defaults
        return plain_fact(Match, _match_fields(match), known_plain=True)
    fact = _new_fact(Match)  # plain_fact inline: a region has hundreds of matches
    _update(fact, {"masterplan": match.masterplan, "rpjmd": match.rpjmd,
                   "relation": match.relation._value_, "source": match.source._value_,
                   "score": match.score})
    fact._plain = True
    return fact


def _match_fields(match: "ModelMatch") -> dict[str, Any]:
    return {"masterplan": match.masterplan, "rpjmd": match.rpjmd,
            "relation": match.relation._value_, "source": match.source._value_,
            "score": match.score}


def region_facts(region: Region, typology: Typology, params: Parameters) -> Iterator[Fact]:
    """The input facts of one region, in a deterministic order.

    The stage definitions, thresholds and counted relations per stage; per plan its
    period, its :class:`Elements` index per level and an :class:`Element` per
    element; a :class:`Match` per match. Elements and matches are sorted by
    id (numbers inside ids as numbers), so that the facts (and so the
    classification and its trace) do not depend on their order in the file.
    """
    yield from definition_facts(typology, params)

    # ids sorted once, naturally; elements and matches then sort by their ids' ranks
    rank = {element_id: n for n, element_id in enumerate(sorted(
        {e.id for plan in (region.rpjmd, region.masterplan) for e in plan.elements}
        | {m.masterplan for m in region.matches} | {m.rpjmd for m in region.matches},
        key=_order))}
    for plan in (region.rpjmd, region.masterplan):
        kind = plan.kind._value_
        yield PlanPeriod(plan=kind, start=plan.period.start, end=plan.period.end)
        by_level: dict[str, list] = defaultdict(list)
        for element in plan.elements:
            by_level[element.level._value_].append(element)
        for level in sorted(by_level):
            elements = sorted(by_level[level], key=lambda e: rank[e.id])
            yield Elements(
                plan=kind,
                level=level,
                ids=tuple(e.id for e in elements),
                dimensions=frozendict(
                    {e.id: e.dimension._value_ for e in elements if e.dimension}),
                codes=frozendict({e.id: e.code for e in elements if e.code}),
                budgets=frozendict(
                    {e.id: e.budget for e in elements if e.budget is not None}),
            )
            yearly = _yearly(elements, plan.period.start)
            if yearly:
                yield YearlyPagu(plan=kind, level=level, years=frozendict(yearly))
            if Element.__fields__:  # pragma: no cover - a subclass with Field defaults
                for e in elements:
                    yield plain_fact(Element, _element_fields(e, kind, level), known_plain=True)
                continue
            # plain_fact inline (values of the region's model: strings, numbers, tuples,
            # None), the per-fact call left out: a typical region has about 300 of them
            for e in elements:
                fact = _new_fact(Element)
                _update(fact, {"plan": kind, "level": level, "id": e.id,
                               "parents": tuple(e.parents),
                               "dimension": e.dimension._value_ if e.dimension else None,
                               "code": e.code, "budget": e.budget,
                               "indicators": tuple(e.indicators)})
                fact._plain = True
                yield fact

    for match in sorted(region.matches,
                        key=lambda m: (rank[m.masterplan], rank[m.rpjmd], m.relation._value_,
                                       m.source._value_)):
        yield match_fact(match)


def _yearly(elements: list, start: int) -> dict[str, Any]:
    """Per element with a pagu year by year (``provenance.budget_by_year``), its amounts by year:
    ``"2022"`` is 2022, ``"ke-2"`` (the plan's second year) ``start + 1``; a year written
    otherwise is left out."""
    out: dict[str, Any] = {}
    for e in elements:
        pairs = e.provenance.budget_by_year if e.provenance is not None else None
        if not pairs:
            continue
        years: dict[int, int] = {}
        for year, amount in pairs:
            found = re.fullmatch(r"\s*(?:(\d{4})|ke-?(\d{1,2}))\s*", year)
            if found is None:
                continue
            number = int(found.group(1)) if found.group(1) else start + int(found.group(2)) - 1
            years[number] = years.get(number, 0) + amount
        if years:
            out[e.id] = frozendict(years)
    return out


def _element_fields(e: Any, kind: str, level: str) -> dict[str, Any]:
    return {"plan": kind, "level": level, "id": e.id, "parents": tuple(e.parents),
            "dimension": e.dimension._value_ if e.dimension else None,
            "code": e.code, "budget": e.budget, "indicators": tuple(e.indicators)}


_new_fact = dict.__new__
_update = dict.update
