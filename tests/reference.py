"""A plain-Python reference implementation of smartsync's default rules.

Written from ``shared/DOMAIN.md`` ("How smartsync decides") and from the
conditions stated in the docstrings of the diagnostic rules, without the
engine, the rule packs or the fact module: only the data model. The tests
compare it with the engine on generated regions (``tests/test_engine.py``),
so that a rule that drifts from the stated decision shows up as a
disagreement with a concrete region.

The default typology: stages vision, mission, target, program (top to
bottom); program is the base stage.

- A masterplan element is *synchronized* when it has a match, by a relation
  that counts, to an RPJMD element of the same level.
- A stage is *present* when the masterplan has elements at its level;
  *synchronized* when present and its coverage (synchronized / total)
  reaches the stage's threshold (inclusive); *full* when synchronized and
  every element is.
- The type is the highest stage S such that S and every stage present below
  it, down to program, are synchronized; program must be synchronized;
  otherwise ``unsynchronized``. A plan has one vision: a masterplan stating
  several, only some of them synchronized, cannot start at the vision
  (docs/typology.rst, newuser F209).

The shipped element-level variants change only which matches count, so
each is a keyword here, written from its statement in ``shared/DOMAIN.md``
and the variants' documentation, not from the rules:

- ``stage_relations``: the relations that count at a stage, per stage
  (``relations-per-stage``: vision and mission only adopted and derived);
- ``budgeted``: a masterplan program's match counts only when its RPJMD
  program has a budget above zero (``budgeted-programs``);
- ``cascading``: a match of an element below the masterplan's highest
  present stage does not count when a parent of the element is matched (by
  any match) but none of its parents to an ancestor (parent, parent's
  parent...) of the counterpart in the RPJMD: its position disagrees. An
  element whose parents are all unmatched starts the cascade and counts; an
  element there with no parent does not count.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from smartsync.model import Level, Region, Relation, Source

__all__ = ["STAGES", "TYPE_ORDER", "StageFigures", "Reference", "reference_classify", "type_rank"]

#: the stages of the default typology, top to bottom; the last is the base stage
STAGES = ("vision", "mission", "target", "program")
#: the types from lowest to highest
TYPE_ORDER = ("unsynchronized", "program", "target", "mission", "vision")


def natural(element_id: str) -> tuple:
    """Ids in the order a planner reads them: numbers inside ids compare as numbers."""
    parts = tuple((0, len(p.lstrip("0")), p.lstrip("0")) if p[0] in "0123456789" else (1, 0, p)
                  for p in re.split(r"([0-9]+)", element_id) if p)
    return (parts, element_id)  # equal parts ("01", "1"): the id itself decides


def type_rank(value: object) -> int:
    """Position of a type in ``unsynchronized < program < target < mission < vision``."""
    return TYPE_ORDER.index(str(getattr(value, "value", value)))


@dataclass(frozen=True)
class StageFigures:
    """One stage's figures, as the engine's :class:`~smartsync.StageResult` reports them."""

    present: bool
    total: int
    synchronized: int
    coverage: float
    is_synchronized: bool
    full: bool
    synchronized_ids: tuple[str, ...] = ()
    unsynchronized_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reference:
    """What the default rules conclude for one region."""

    type: str
    stages: Mapping[str, StageFigures]
    chain: tuple[str, ...]
    #: diagnostic codes, one entry per diagnostic, sorted
    diagnostics: tuple[str, ...]
    #: (code, sorted elements) per diagnostic, sorted
    diagnostic_elements: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    #: fundable masterplan program ids, RPJMD programs they draw on, their budget, total programs
    fundable_ids: tuple[str, ...] = ()
    funded_rpjmd_programs: tuple[str, ...] = ()
    budget: int = 0
    program_total: int = 0
    #: characteristic key -> value (see :func:`characteristics`)
    characteristics: Mapping[str, object] = field(default_factory=dict)


def reference_classify(region: Region, *, threshold: float = 0.5,
                       thresholds: Mapping[str, float] | None = None,
                       relations: Iterable[Relation | str] | None = None,
                       stage_relations: Mapping[str, Iterable[Relation | str]] | None = None,
                       budgeted: bool = False, cascading: bool = False) -> Reference:
    """Classify ``region`` by the default rules (or a shipped variant), in plain Python."""
    thresholds = dict(thresholds or {})
    counted = {Relation.parse(r) for r in relations} if relations is not None else set(Relation)
    per_stage = {Level.parse(stage).value: {Relation.parse(r) for r in rels}
                 for stage, rels in (stage_relations or {}).items()}
    rp_level = {e.id: e.level for e in region.rpjmd.elements}
    rp_budget = {e.id: e.budget for e in region.rpjmd.elements}
    rp_parents = {e.id: e.parents for e in region.rpjmd.elements}
    mp_level = {e.id: e.level for e in region.masterplan.elements}
    mp_parents = {e.id: e.parents for e in region.masterplan.elements}

    def limit(stage: str) -> float:
        return float(thresholds.get(stage, threshold))

    def ancestors(rpjmd_id: str) -> set[str]:
        found: set[str] = set()
        todo = list(rp_parents.get(rpjmd_id, ()))
        while todo:
            parent = todo.pop()
            if parent not in found:
                found.add(parent)
                todo.extend(rp_parents.get(parent, ()))
        return found

    present = [s for s in STAGES if any(lvl.value == s for lvl in mp_level.values())]
    top = present[0] if present else None
    matched_to: dict[str, set[str]] = {}
    for m in region.matches:
        matched_to.setdefault(m.masterplan, set()).add(m.rpjmd)

    def counts(m) -> bool:  # type: ignore[no-untyped-def]
        level = mp_level[m.masterplan].value
        if m.relation not in per_stage.get(level, counted):
            return False
        if budgeted and level == "program" and not rp_budget[m.rpjmd]:
            return False
        if cascading and top is not None and STAGES.index(level) > STAGES.index(top):
            parents = mp_parents[m.masterplan]
            if not parents:
                return False
            claimed = set().union(*(matched_to.get(parent, set()) for parent in parents))
            return not claimed or bool(claimed & ancestors(m.rpjmd))
        return True

    # the matches that count: same level on both sides, a counted relation (and the variant)
    counting = [m for m in region.matches
                if m.masterplan in mp_level and m.rpjmd in rp_level
                and mp_level[m.masterplan] is rp_level[m.rpjmd]
                and mp_level[m.masterplan].value in STAGES and counts(m)]

    figures: dict[str, StageFigures] = {}
    manual: dict[str, int] = {}
    for stage in STAGES:
        level = Level(stage)
        ids = sorted((e.id for e in region.masterplan.elements if e.level is level), key=natural)
        synced = {m.masterplan for m in counting if mp_level[m.masterplan] is level}
        manual[stage] = len({m.masterplan for m in counting
                             if mp_level[m.masterplan] is level and m.source is Source.MANUAL})
        total = len(ids)
        coverage = len(synced) / total if total else 0.0
        is_sync = total > 0 and coverage >= limit(stage)
        figures[stage] = StageFigures(
            present=total > 0, total=total, synchronized=len(synced), coverage=coverage,
            is_synchronized=is_sync, full=is_sync and coverage >= 1.0,
            synchronized_ids=tuple(i for i in ids if i in synced),
            unsynchronized_ids=tuple(i for i in ids if i not in synced))

    # the type: the highest stage from which every present stage down to program holds
    kind = "unsynchronized"
    chain: tuple[str, ...] = ()
    # several masterplan visions, some synchronized and some not: not "the" vision
    in_part = bool(figures["vision"].synchronized_ids and figures["vision"].unsynchronized_ids)
    if figures["program"].is_synchronized:
        for i, stage in enumerate(STAGES):
            below = STAGES[i:]
            if stage == "vision" and in_part:
                continue
            if figures[stage].is_synchronized and all(
                    figures[s].is_synchronized for s in below if figures[s].present):
                kind = stage
                chain = tuple(s for s in below if figures[s].present)
                break

    diagnostics: list[tuple[str, tuple[str, ...]]] = []
    # synchronized stages with a present, unsynchronized stage below them: one finding
    # naming them all, with no element list (the stage lines and the orphans list them)
    if any(figures[stage].is_synchronized and figures[lower].present
           and not figures[lower].is_synchronized
           for i, stage in enumerate(STAGES) for lower in STAGES[i + 1:]):
        diagnostics.append(("synchronized_above_break", ()))
    if in_part and figures["vision"].is_synchronized:
        diagnostics.append(("condition_failed", ()))
    for plan in ("masterplan", "rpjmd"):
        visions = [e.id for e in getattr(region, plan).elements if e.level is Level.VISION]
        if len(visions) > 1:
            diagnostics.append((f"{plan}_visions", tuple(sorted(visions))))
    program = figures["program"]
    if program.present and program.unsynchronized_ids:
        diagnostics.append(("orphan_programs", tuple(sorted(program.unsynchronized_ids))))
    if not program.present:
        diagnostics.append(("no_base_stage", ()))
    if not region.rpjmd.period.overlaps(region.masterplan.period):
        diagnostics.append(("periods_disjoint", ()))
    by_dimension: dict[str, list[str]] = {}
    for e in region.masterplan.elements:
        if e.level is Level.PROGRAM and e.dimension is not None:
            by_dimension.setdefault(e.dimension.value, []).append(e.id)
    for dimension, ids in sorted(by_dimension.items()):
        if not set(ids) & set(program.synchronized_ids):
            # its programs are all orphans: the orphan finding lists them, not this one
            diagnostics.append(("dimension_unsynchronized", ()))
    for stage in chain:
        if manual[stage] / figures[stage].total < limit(stage):
            diagnostics.append(("rests_on_suggested", ()))
    for stage in STAGES:
        # synchronized elements that no person-made match synchronizes
        by_person = {m.masterplan for m in counting if m.source is Source.MANUAL}
        machine_only = set(figures[stage].synchronized_ids) - by_person
        if machine_only:
            diagnostics.append(("suggested_matches_used", tuple(sorted(machine_only))))
    program_matches = [m for m in counting if mp_level[m.masterplan] is Level.PROGRAM]
    # every match of a masterplan program to an RPJMD program, counted or rejected
    same_level = [m for m in region.matches if mp_level[m.masterplan] is Level.PROGRAM
                  and rp_level[m.rpjmd] is Level.PROGRAM]
    unbudgeted = sorted({m.rpjmd for m in same_level if not rp_budget[m.rpjmd]})
    if unbudgeted:
        diagnostics.append(("unbudgeted_rpjmd_programs", tuple(unbudgeted)))

    budgeted = [m for m in program_matches if rp_budget[m.rpjmd]]  # a pagu of 0 funds nothing
    if not region.rpjmd.period.overlaps(region.masterplan.period):
        budgeted = []  # the RPJMD's pagu funds no year of a masterplan it shares none with
    funded = tuple(sorted({m.rpjmd for m in budgeted}, key=natural))
    return Reference(
        characteristics=characteristics(region, kind, chain, figures),
        type=kind, stages=figures, chain=chain,
        diagnostics=tuple(sorted(code for code, _ in diagnostics)),
        diagnostic_elements=tuple(sorted(diagnostics)),
        fundable_ids=tuple(sorted({m.masterplan for m in budgeted}, key=natural)),
        funded_rpjmd_programs=funded,
        budget=sum(_pagu_shared(region.rpjmd[r], region) for r in funded),
        program_total=program.total)


def _pagu_shared(program, region: Region) -> int:
    """An RPJMD program's pagu that funds the masterplan: the whole pagu when every RPJMD year is
    a masterplan year, or when its yearly pagu is not known; else its pagu of the shared years."""
    rp, mp = region.rpjmd.period, region.masterplan.period
    yearly = program.provenance.budget_by_year if program.provenance is not None else None
    if (mp.start <= rp.start and rp.end <= mp.end) or not yearly:
        return program.budget or 0
    start, end = max(rp.start, mp.start), min(rp.end, mp.end)
    total = 0
    for year, amount in yearly:
        number = int(year) if year.isdigit() else rp.start + int(year.split("-")[1]) - 1
        total += amount if start <= number <= end else 0
    return total


def characteristics(region: Region, kind: str, chain: tuple[str, ...],
                    figures: Mapping[str, StageFigures]) -> dict[str, object]:
    """The characteristics of a region (issue 6, DOMAIN.md "Each type has its own
    characteristics"): key -> value. An unsynchronized region is outside the typology:
    no start stage, chain or exposure; no integration, legitimacy or funding route."""
    vision = figures["vision"]
    rp, mp = region.rpjmd.period, region.masterplan.period
    if (rp.start, rp.end) == (mp.start, mp.end):
        periods = "same"
    elif not rp.overlaps(mp):
        periods = "disjoint"
    elif rp.start <= mp.start and mp.end <= rp.end:
        periods = "within"
    else:
        periods = "beyond"
    common = {
        # a vision matched to the RPJMD vision by a match that does not count (a relation
        # the parameters do not count) is not the masterplan's own (newuser F160)
        "own_vision": "absent" if not vision.present
        # several visions, some synchronized and some not (newuser F209)
        else "partly" if vision.synchronized_ids and vision.unsynchronized_ids
        else False if vision.is_synchronized
        else "matched" if any(m.masterplan in vision.unsynchronized_ids
                              and region.rpjmd.get(m.rpjmd) is not None
                              and region.rpjmd.get(m.rpjmd).level.value == "vision"
                              for m in region.matches) else True,
        "program_counterpart_share": figures["program"].coverage,
        "periods": periods,
    }
    if not figures["program"].present:  # no share of nothing: a masterplan without programs
        del common["program_counterpart_share"]
    program = figures["program"]
    # a characteristic speaks of the figures beside it (issue 21): the funding route names
    # the programs that have one, the integration says a chain synchronized in part, a
    # stage synchronized outside the chain is not "only the programs"
    apart = periods == "disjoint" and program.synchronized > 0
    if kind == "unsynchronized":
        route = "periods_apart" if apart else "programs_only" if program.synchronized else "none"
        return dict(common, integration="none", legitimacy="none", funding_route=route)
    position = STAGES.index(kind)
    base = kind == STAGES[-1]
    full = all(figures[s].synchronized == figures[s].total for s in chain)
    outside = [s for s in STAGES if figures[s].is_synchronized and s not in chain]
    if base:
        integration = "low_above_break" if outside else "low"
    else:
        integration = ("full" if position == 0 else "high" if position == 1 else "partial") \
            + ("" if full else "_in_part")
    tied = {"vision", "mission"}
    return dict(
        common,
        start_stage=kind,
        chain=chain,
        integration=integration,
        legitimacy="own" if base else "rpjmd",
        funding_route=("periods_apart" if apart else "program" if base
                       else "rpjmd" if program.synchronized == program.total
                       else "rpjmd_in_part"),
        exposure=("high" if tied & set(chain) else "high_above_break" if tied & set(outside)
                  else "low" if base else "medium"),
    )
