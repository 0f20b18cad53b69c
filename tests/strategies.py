"""Hypothesis strategies for valid regions, reusable by every test module.

``regions()`` draws regions of every shape the model allows and the
validator accepts: any subset of levels in each plan (including none; the
four typology stages more often than the other levels),
parents at any higher level (one, several or none), matches at any level
shared by both plans, manual and suggested (suggested always with a score),
with or without notes, evidence, codes, dimensions, indicators and budgets,
periods that overlap (about half of the time) or not. Every drawn region passes
:func:`smartsync.validate_region` without errors.

    from strategies import regions   # tests/ is on sys.path under pytest

    @given(regions(max_elements=6))
    def test_something(region): ...
"""

from __future__ import annotations

import functools
import os
import string

import attrs
from hypothesis import strategies as st

from smartsync.model import (
    Dimension,
    Element,
    Level,
    Match,
    Period,
    Plan,
    PlanKind,
    Region,
    RegionKind,
    Relation,
    Source,
)

__all__ = ["FULL_EXAMPLES", "STAGES", "examples", "ids", "periods", "plans", "regions", "texts"]

#: whether property tests draw all their examples: ``SMARTSYNC_FULL_EXAMPLES=1`` (.ci/run's slow
#: check sets it and runs every hypothesis test); the default run draws a quarter of them (at
#: least 10), so that the README's test command stays a few minutes long
FULL_EXAMPLES = os.environ.get("SMARTSYNC_FULL_EXAMPLES", "") not in ("", "0")


def examples(count: int) -> int:
    """How many examples a property test of ``count`` examples draws in this run."""
    return count if FULL_EXAMPLES else min(count, max(10, count // 4))

_WORDS = (
    "meningkatkan", "kualitas", "pelayanan", "publik", "berbasis", "teknologi", "informasi",
    "smart", "city", "layanan", "tata", "kelola", "pemerintahan", "ekonomi", "kreatif",
    "lingkungan", "hidup", "masyarakat", "digital", "infrastruktur", "Kota", "Semarang",
)


@functools.cache
def texts() -> st.SearchStrategy[str]:
    """Non-empty texts: Indonesian-looking phrases, and now and then arbitrary Unicode."""
    words = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join)
    # characters a region may hold (smartsync._text.bad_character refuses lone surrogates and
    # control characters)
    anything = st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30,
    ).filter(lambda s: s.strip() != "")
    return st.one_of(words, words, words, anything)


@functools.cache
def ids() -> st.SearchStrategy[str]:
    """Element and region ids: short codes, digit strings (``3374``), dotted codes, odd spellings."""
    return st.one_of(
        st.text(alphabet=string.ascii_uppercase + string.digits, min_size=1, max_size=5),
        st.from_regex(r"[0-9]{1,3}(\.[0-9]{1,2}){0,2}", fullmatch=True),
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=8)
        .filter(lambda s: s.strip() != ""),
    )


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """A plan period: a start year and an end year up to ten years later."""
    start = draw(st.integers(1990, 2100))
    return Period(start, start + draw(st.integers(0, 10)))


_CODES = st.none() | ids()
_DIMENSIONS = st.none() | st.sampled_from(list(Dimension))
_INDICATORS = st.lists(texts(), max_size=2)
_BUDGETS = st.none() | st.integers(0, 10**13)
_SOURCES = st.sampled_from(list(Source))
_RELATIONS = st.sampled_from(list(Relation))
_SCORES = st.floats(0, 1)
_NOTES = st.none() | texts()
_EVIDENCE = st.lists(texts(), max_size=3)

#: the levels the typology uses as stages: drawn more often than the others
STAGES = (Level.VISION, Level.MISSION, Level.TARGET, Level.PROGRAM)


@st.composite
def plans(draw: st.DrawFn, kind: PlanKind, *, max_elements: int = 10) -> Plan:
    """A plan of ``kind`` whose elements sit at any subset of levels, parents always higher up.

    The four typology stages are present more often than not (each may still
    be absent); the other levels half the time; now and then no level at all.
    One to three elements per level, at most ``max_elements`` in all.
    """
    levels = [
        level for level in Level
        if draw(st.sampled_from((True, True, False)) if level in STAGES else st.booleans())
    ]
    if draw(st.integers(0, 15)) == 0:  # now and then a plan with no elements at all
        levels = []
    wanted = [level for level in levels for _ in range(draw(st.integers(1, 3)))]
    if len(wanted) > max_elements:  # drop elements at random, not always the lowest levels
        wanted = sorted(draw(st.permutations(wanted))[:max_elements], key=lambda level: level.rank)
    element_ids = draw(st.lists(ids(), unique=True, min_size=len(wanted), max_size=len(wanted)))
    pairs = list(zip(element_ids, wanted))
    if draw(st.booleans()):  # file order need not follow the hierarchy
        pairs = draw(st.permutations(pairs))
    elements = []
    for element_id, level in pairs:
        above = [i for i, lvl in pairs if lvl.is_above(level)]
        parents = draw(st.lists(st.sampled_from(above), unique=True, max_size=3)) if above else []
        elements.append(Element(
            id=element_id,
            level=level,
            text=draw(texts()),
            parents=tuple(parents),
            code=draw(_CODES),
            dimension=draw(_DIMENSIONS),
            indicators=tuple(draw(_INDICATORS)),
            budget=draw(_BUDGETS),
        ))
    return Plan(kind=kind, period=draw(periods()), elements=tuple(elements))


@st.composite
def regions(draw: st.DrawFn, *, max_elements: int = 10, max_matches: int = 10) -> Region:
    """A valid region: two plans of up to ``max_elements`` elements, up to ``max_matches`` matches.

    Each masterplan element is matched to none, one or two RPJMD elements
    of its level (when the RPJMD has any), so every level can carry matches.
    """
    rpjmd = draw(plans(PlanKind.RPJMD, max_elements=max_elements))
    masterplan = draw(plans(PlanKind.MASTERPLAN, max_elements=max_elements))
    if draw(st.booleans()):  # usually the masterplan starts during or near the RPJMD period
        start = rpjmd.period.start + draw(st.integers(-5, 8))
        masterplan = attrs.evolve(masterplan, period=Period(start, start + draw(st.integers(0, 10))))
    chosen: list[tuple[str, str]] = []
    for element in masterplan.elements:
        candidates = [r.id for r in rpjmd.elements if r.level is element.level]
        if not candidates:
            continue
        for rpjmd_id in draw(st.lists(st.sampled_from(candidates), unique=True, max_size=2)):
            chosen.append((element.id, rpjmd_id))
    chosen = chosen[:max_matches]
    if draw(st.booleans()):
        chosen = draw(st.permutations(chosen))
    matches = []
    for masterplan_id, rpjmd_id in chosen:
        source = draw(_SOURCES)
        score = draw(_SCORES) if source is Source.SUGGESTED else draw(st.none() | _SCORES)
        matches.append(Match(
            masterplan=masterplan_id,
            rpjmd=rpjmd_id,
            relation=draw(_RELATIONS),
            source=source,
            score=score,
            note=draw(_NOTES),
            evidence=tuple(draw(_EVIDENCE)),
        ))
    return Region(
        id=draw(ids()),
        name=draw(texts()),
        kind=draw(st.sampled_from(list(RegionKind))),
        province=draw(st.none() | texts()),
        rpjmd=rpjmd,
        masterplan=masterplan,
        matches=tuple(matches),
    )
