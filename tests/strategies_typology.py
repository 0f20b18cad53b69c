"""Regions shaped for the typology: builders for edge cases and a hypothesis strategy.

:func:`build_region` writes a region in a line: how many masterplan and
RPJMD elements each stage has, and how many masterplan elements of each
stage are matched. :func:`typology_regions` draws regions of every shape
the typology distinguishes -- each type, absent stages, no matches at all,
matches only at the vision, coverage exactly at the threshold, several
matches per element with different relations and sources, suggested
matches, RPJMD programs without a budget, periods that do not overlap, and
noise at levels that are not stages (goals, strategies) -- far more often
than :func:`strategies.regions`, which draws any valid region.
:func:`parameters` draws non-default parameters.
"""

from __future__ import annotations

from typing import Mapping

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from strategies import examples

from smartsync import Parameters
from smartsync.model import (
    Dimension, Element, Match, Period, Plan, PlanKind, Region, RegionKind, Relation, Source,
)

__all__ = ["STAGES", "property_settings", "build_region", "typology_regions", "parameters", "shuffled", "with_match",
           "unmatched_pairs"]

STAGES = ("vision", "mission", "target", "program")


def property_settings(max_examples: int) -> settings:
    """Hypothesis settings for the engine's property tests: no deadline (a classification
    takes milliseconds, more on a busy machine), ``max_examples`` cases."""
    return settings(max_examples=examples(max_examples), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


_PREFIX = {"vision": "V", "mission": "M", "goal": "G", "target": "T", "strategy": "S",
           "program": "P"}


def _ids(plan: str, level: str, count: int) -> list[str]:
    head = ("S" if plan == "masterplan" else "") + _PREFIX[level]
    return [f"{head}{i}" for i in range(1, count + 1)]


def build_region(masterplan: Mapping[str, int], rpjmd: Mapping[str, int] | None = None,
                 matched: Mapping[str, int] | None = None, *,
                 relation: str = "derived", source: str = "manual",
                 periods: tuple[tuple[int, int], tuple[int, int]] = ((2021, 2026), (2022, 2031)),
                 budgets: bool = True, region_id: str = "9999") -> Region:
    """A region with ``masterplan[level]`` masterplan elements per level, ``rpjmd[level]``
    RPJMD elements (default: one per masterplan level), and the first ``matched[level]``
    masterplan elements of a level each matched to the first RPJMD element of that level.

    Masterplan ids are ``SV1``, ``SM1``.., ``ST1``.., ``SP1``..; RPJMD ids ``V1``, ``M1``..,
    ``T1``.., ``P1``.. RPJMD programs carry a budget unless ``budgets`` is false.
    """
    rpjmd = dict(rpjmd) if rpjmd is not None else {lvl: 1 for lvl, n in masterplan.items() if n}
    matched = dict(matched or {})

    def elements(plan: str, counts: Mapping[str, int]) -> tuple[Element, ...]:
        out = []
        for level, count in counts.items():
            for element_id in _ids(plan, level, count):
                budget = 1_000_000 if plan == "rpjmd" and level == "program" and budgets else None
                out.append(Element(id=element_id, level=level, text=f"{plan} {level} {element_id}",
                                   budget=budget))
        return tuple(out)

    matches = []
    for level, count in matched.items():
        target = _ids("rpjmd", level, 1)[0]
        for element_id in _ids("masterplan", level, count):
            score = 0.8 if source == "suggested" else None
            matches.append(Match(masterplan=element_id, rpjmd=target, relation=relation,
                                 source=source, score=score))
    (rp_start, rp_end), (mp_start, mp_end) = periods
    return Region(
        id=region_id, name="Kota Uji", kind="kota",
        rpjmd=Plan(PlanKind.RPJMD, Period(rp_start, rp_end), elements("rpjmd", rpjmd)),
        masterplan=Plan(PlanKind.MASTERPLAN, Period(mp_start, mp_end),
                        elements("masterplan", masterplan)),
        matches=tuple(matches))


# ---------------------------------------------------------------- strategies

#: how the masterplan elements of one stage are matched
_MODES = ("none", "all", "half", "one", "some")


@st.composite
def _stage_counts(draw: st.DrawFn, max_per_level: int) -> tuple[dict, dict, dict]:
    """Per level: masterplan count, RPJMD count and how many masterplan elements to match.

    Shapes: ``any`` (each stage absent or present, matched by any mode), ``chain`` (every
    stage from a drawn start down to program matched at or above one half, the stages above
    it matched little: aims at each type), ``vision only`` and ``no matches``.
    """
    shape = draw(st.sampled_from(("any", "any", "chain", "chain", "vision only", "no matches")))
    start = draw(st.sampled_from(STAGES))
    mp: dict[str, int] = {}
    rp: dict[str, int] = {}
    to_match: dict[str, int] = {}
    for level in STAGES + ("goal", "strategy"):
        stage = level in STAGES
        top = 1 if level == "vision" else max_per_level
        mp[level] = draw(st.integers(0 if not stage or shape in ("any", "chain") else 1, top))
        rp[level] = draw(st.integers(0 if shape == "any" else 1, top))
        if shape == "no matches" or (shape == "vision only" and level != "vision"):
            mode = "none"
        elif shape == "vision only":
            mode = "all"
        elif shape == "chain" and stage:
            below = STAGES.index(level) >= STAGES.index(start)
            mode = draw(st.sampled_from(("all", "half up", "most") if below else ("none", "one", "some")))
        else:
            mode = draw(st.sampled_from(_MODES))
        n = mp[level]
        to_match[level] = {"none": 0, "all": n, "half": n // 2, "half up": (n + 1) // 2, "one": min(n, 1),
                           "most": (n + 1) // 2 + draw(st.integers(0, n // 2)),
                           "some": draw(st.integers(0, n))}[mode]
        to_match[level] = min(to_match[level], n)
        if not rp[level]:
            to_match[level] = 0
    return mp, rp, to_match


@st.composite
def typology_regions(draw: st.DrawFn, *, max_per_level: int = 4) -> Region:
    """A valid region shaped for the typology (see the module docstring)."""
    mp_counts, rp_counts, to_match = draw(_stage_counts(max_per_level))
    dimensions = list(Dimension)

    rp_elements = []
    for level, count in rp_counts.items():
        for element_id in _ids("rpjmd", level, count):
            budget = None
            if level == "program":
                budget = draw(st.sampled_from((None, 0, 5_000_000, 12_500_000_000)))
            rp_elements.append(Element(id=element_id, level=level, text=f"RPJMD {element_id}",
                                       budget=budget))
    mp_elements = []
    for level, count in mp_counts.items():
        for element_id in _ids("masterplan", level, count):
            dimension = None
            if level in ("target", "strategy", "program"):
                dimension = draw(st.none() | st.sampled_from(dimensions[:3]))
            mp_elements.append(Element(id=element_id, level=level, text=f"SC {element_id}",
                                       dimension=dimension))

    matches = []
    for level, count in to_match.items():
        targets = _ids("rpjmd", level, rp_counts[level])
        for element_id in _ids("masterplan", level, mp_counts[level])[:count]:
            # one or more matches per element, each to a different RPJMD element
            chosen = draw(st.lists(st.sampled_from(targets), min_size=1, max_size=2, unique=True))
            for rpjmd_id in chosen:
                source = draw(st.sampled_from((Source.MANUAL, Source.MANUAL, Source.SUGGESTED)))
                matches.append(Match(
                    masterplan=element_id, rpjmd=rpjmd_id,
                    relation=draw(st.sampled_from(list(Relation))), source=source,
                    score=draw(st.floats(0.3, 1.0)) if source is Source.SUGGESTED else None))

    start = draw(st.integers(2010, 2030))
    rp_period = Period(start, start + 5)
    mp_start = draw(st.sampled_from((start, start + 1, start + 6, start - 8)))
    mp_period = Period(mp_start, mp_start + draw(st.sampled_from((1, 5, 9))))
    if draw(st.booleans()):  # file order need not follow the hierarchy
        rp_elements = draw(st.permutations(rp_elements))
        mp_elements = draw(st.permutations(mp_elements))
        matches = draw(st.permutations(matches))
    return Region(id=draw(st.sampled_from(("3374", "9901", "kab-x"))), name="Daerah Uji",
                  kind=draw(st.sampled_from(list(RegionKind))),
                  rpjmd=Plan(PlanKind.RPJMD, rp_period, tuple(rp_elements)),
                  masterplan=Plan(PlanKind.MASTERPLAN, mp_period, tuple(mp_elements)),
                  matches=tuple(matches))


@st.composite
def parameters(draw: st.DrawFn) -> Parameters:
    """Non-default parameters: thresholds 0.3, 1.0 or any, per-stage overrides, relation subsets."""
    threshold = draw(st.sampled_from((0.3, 1.0, 0.25, 0.75)) | st.floats(0.01, 1.0))
    thresholds = draw(st.dictionaries(st.sampled_from(STAGES), st.sampled_from((0.3, 0.5, 1.0)),
                                      max_size=2))
    relations = draw(st.lists(st.sampled_from(list(Relation)), min_size=1, max_size=3, unique=True))
    return Parameters(threshold=threshold, thresholds=thresholds, relations=relations)


def shuffled(draw: st.DrawFn, region: Region) -> Region:
    """The same region with both plans' elements and the matches in a drawn order."""
    return Region(
        id=region.id, name=region.name, kind=region.kind, province=region.province,
        rpjmd=Plan(region.rpjmd.kind, region.rpjmd.period,
                   tuple(draw(st.permutations(region.rpjmd.elements)))),
        masterplan=Plan(region.masterplan.kind, region.masterplan.period,
                        tuple(draw(st.permutations(region.masterplan.elements)))),
        matches=tuple(draw(st.permutations(region.matches))))


def unmatched_pairs(region: Region) -> list[tuple[str, str]]:
    """Pairs (masterplan id, RPJMD id) of the same level that no match links yet."""
    taken = {m.key for m in region.matches}
    return [(m.id, r.id) for m in region.masterplan.elements for r in region.rpjmd.elements
            if m.level is r.level and (m.id, r.id) not in taken]


def with_match(region: Region, match: Match) -> Region:
    """The region with one more match."""
    return Region(id=region.id, name=region.name, kind=region.kind, province=region.province,
                  rpjmd=region.rpjmd, masterplan=region.masterplan,
                  matches=region.matches + (match,))
