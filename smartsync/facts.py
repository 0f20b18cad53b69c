"""The experta facts smartsync reasons with, and a region turned into facts.

The shape of the facts decides experta's speed (about 55 microseconds per
fact declared; a rule joining two large fact sets costs the product of their
sizes). So a region does not become one fact per element and one per match:
it becomes one fact per plan and level (the element ids of that level, with
their dimensions, codes and budgets) and one fact per masterplan level
holding the matches of its elements. A typical region is about thirty facts
whatever its size, and the rules stay linear in the number of elements.

Turning a region into facts groups and indexes data; it decides nothing:
which matches count, what is synchronized and what a stage's coverage is
are all decided by the rules in :mod:`smartsync.rules`.

Input facts (declared from the region, the typology and the parameters):

- :class:`StageDef` -- a stage of the typology, its position and threshold.
- :class:`CountedRelations` -- the match relations that count.
- :class:`Elements` -- the elements of one plan at one level.
- :class:`Links` -- the matches of the masterplan elements of one level.
- :class:`PlanPeriod` -- a plan's period.

Concluded facts (declared by the rules) are defined here too, so that packs
of different concerns can share them.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from typing import Iterator

from ._compat import experta
from .model import Region
from .typology import Parameters, Typology

Fact = experta.Fact

__all__ = [
    "StageDef", "CountedRelations", "Elements", "Links",
    "PlanPeriod",
    "StageCoverage", "StageStatus", "ChainBreak", "ChainHolds", "ChainIntact",
    "Superseded", "TypeResult", "ChainMember", "Characteristic", "Diagnostic",
    "Funding", "INPUT_FACTS", "region_facts", "link_tuple",
]


# ----------------------------------------------------------------- input facts

class StageDef(Fact):
    """A stage of the typology: ``name`` (a level), ``position`` (0 at the top), ``base``
    (whether it is the bottom stage, which every type needs), ``threshold`` (the
    coverage it must reach to be synchronized) and ``next`` (the next stage below it;
    ``None`` for the base stage)."""


class CountedRelations(Fact):
    """The match relations that count for synchronization: ``relations`` (a tuple of names)."""


class Elements(Fact):
    """The elements of one plan at one level.

    ``plan`` (rpjmd or masterplan), ``level``, ``ids`` (in file order), and
    per id: ``dimensions``, ``codes`` and ``budgets`` (only ids that have one).
    """


class Links(Fact):
    """The matches of the masterplan elements at one ``level``.

    ``links``: one tuple per match, ``(masterplan id, rpjmd id, rpjmd level,
    relation, source)``, sorted. Declared for every level the masterplan has
    and every stage of the typology, with no links when nothing is matched.
    """


class PlanPeriod(Fact):
    """A plan's period: ``plan``, ``start``, ``end`` (years, inclusive)."""


#: the fact classes declared from the input, before any rule fires
INPUT_FACTS = (StageDef, CountedRelations, Elements, Links, PlanPeriod)


# ------------------------------------------------------------- concluded facts

class StageCoverage(Fact):
    """How many masterplan elements of a stage are synchronized.

    ``stage``, ``base`` (the bottom stage), ``position`` and ``threshold`` (from
    the stage's definition), ``present``, ``total``, ``synchronized`` (count), ``coverage``
    (0 to 1), ``synchronized_ids``, ``unsynchronized_ids``,
    ``manual_synchronized`` (count of elements synchronized by a manual
    match), ``matches`` (the counted matches, ``(masterplan id, rpjmd id,
    relation, source)``).
    """


class StageStatus(Fact):
    """Whether a stage is synchronized: ``stage``, ``base``, ``position``, ``present``,
    ``synchronized``, ``full``, and ``passes`` (synchronized or absent: it does not break
    a chain)."""


class ChainBreak(Fact):
    """A synchronized ``stage`` with a present, unsynchronized stage ``at`` below it."""


class ChainHolds(Fact):
    """From ``stage`` down to the base stage, every present stage is synchronized, and the
    base stage is."""


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


class Characteristic(Fact):
    """A characteristic of the type found: ``key``, ``value`` and the ``figures`` behind it."""


class Diagnostic(Fact):
    """A finding worth a planner's attention: ``code``, ``severity``, ``elements``, ``figures``."""


class Funding(Fact):
    """Masterplan programs with a route to APBD funding.

    ``total`` masterplan programs, ``fundable`` (count) and ``fundable_ids``
    matched to an RPJMD program with a budget, ``share``, ``budget`` (sum of
    the distinct RPJMD budgets they can draw on), ``rpjmd_programs`` (their ids).
    """


# ------------------------------------------------------------ region -> facts

def link_tuple(masterplan_id: str, rpjmd_id: str, rpjmd_level: str | None,
               relation: str, source: str) -> tuple:
    """The tuple a :class:`Links` fact holds for one match."""
    return (masterplan_id, rpjmd_id, rpjmd_level, relation, source)


@functools.lru_cache(maxsize=65536)
def id_order(element_id: str) -> tuple:
    """The order ids are listed in: numbers inside ids compare as numbers (SP2 before SP10)."""
    return tuple((0, int(part), "") if part[0] in "0123456789" else (1, 0, part)
                 for part in re.split(r"([0-9]+)", element_id) if part)


def region_facts(region: Region, typology: Typology, params: Parameters) -> Iterator[Fact]:
    """The input facts of one region, in a deterministic order.

    Elements are grouped by plan and level, matches by the level of their
    masterplan element; ids are sorted inside each fact, so that the facts
    (and so the classification and its trace) do not depend on the order
    of elements or matches in the file; numbers inside ids sort as numbers.
    """
    for position, stage in enumerate(typology.stages):
        below = typology.stages[position + 1:]
        yield StageDef(name=stage, position=position, base=stage == typology.base,
                       threshold=params.threshold_for(stage), next=below[0] if below else None)
    yield CountedRelations(relations=tuple(sorted(r.value for r in params.relations)))

    for plan in (region.rpjmd, region.masterplan):
        kind = plan.kind.value
        yield PlanPeriod(plan=kind, start=plan.period.start, end=plan.period.end)
        by_level: dict[str, list] = defaultdict(list)
        for element in plan.elements:
            by_level[element.level.value].append(element)
        for level in sorted(by_level):
            elements = sorted(by_level[level], key=lambda e: (id_order(e.id), e.id))
            yield Elements(
                plan=kind,
                level=level,
                ids=tuple(e.id for e in elements),
                dimensions={e.id: e.dimension.value for e in elements if e.dimension},
                codes={e.id: e.code for e in elements if e.code},
                budgets={e.id: e.budget for e in elements if e.budget is not None},
            )

    # a Links fact for every level of the masterplan and every stage of the typology,
    # even with no match, so that "no match" is a fact rules can read
    links: dict[str, list[tuple]] = {level.value: [] for level in region.masterplan.levels()}
    links.update({stage: [] for stage in typology.stages if stage not in links})
    for match in region.matches:
        mp = region.masterplan.get(match.masterplan)
        rp = region.rpjmd.get(match.rpjmd)
        if mp is None:
            continue  # refused earlier by validation; never reaches here for a valid region
        links[mp.level.value].append(link_tuple(
            match.masterplan, match.rpjmd, rp.level.value if rp else None,
            match.relation.value, match.source.value))
    for level in sorted(links):
        yield Links(level=level, links=tuple(sorted(
            links[level], key=lambda link: (id_order(link[0]), id_order(link[1]), link))))
