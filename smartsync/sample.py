"""Generated regions: deterministic samples for benchmarks and rule checks.

Used by ``smartsync rules --check`` to run a typology over many regions, and
by the benchmarks in ``benchmarks/``. Not real plans: the texts are random
words.

``typical_region(seed)``: per plan 1 vision, 5 missions, 20 targets and 60
programs (each element with a parent one level up), the masterplan's
programs spread over the six dimensions, RPJMD programs with codes and
budgets, and about 1.5 matches per masterplan element (same level, random
relation; some elements unmatched so that every type occurs). The same seed
gives the same region on every machine.
"""

from __future__ import annotations

import random

from .model import Element, Match, Period, Plan, Provenance, Region

__all__ = ["typical_region", "sample_regions", "TYPICAL"]

DIMENSIONS = ("governance", "branding", "economy", "living", "society", "environment")
RELATIONS = ("adopted", "derived", "aligned")
TYPICAL = {"vision": 1, "mission": 5, "target": 20, "program": 60}
WORDS = ("layanan publik digital tata kelola pemerintahan ekonomi kreatif pariwisata "
         "kesehatan pendidikan lingkungan transportasi sampah air bersih UMKM pasar "
         "informasi komunikasi data terpadu infrastruktur jaringan masyarakat").split()


def _text(rng: random.Random, level: str, i: int) -> str:
    return f"{level.capitalize()} {i}: " + " ".join(rng.choice(WORDS) for _ in range(8))


def _plan(kind: str, prefix: str, sizes: dict[str, int], rng: random.Random,
          period: tuple[int, int]) -> Plan:
    elements = []
    parents: list[str] = []
    for level, n in sizes.items():
        ids = []
        for i in range(1, n + 1):
            eid = f"{prefix}{level[0].upper()}{i}"
            extra = {}
            if level == "program":
                if kind == "rpjmd":
                    extra["code"] = f"{rng.randint(1, 4)}.{rng.randint(1, 30):02d}.{rng.randint(1, 9):02d}"
                    if rng.random() < 0.97:
                        extra["budget"] = rng.randrange(1, 500) * 100_000_000
                else:
                    extra["dimension"] = DIMENSIONS[i % len(DIMENSIONS)]
            elements.append(Element(eid, level, _text(rng, level, i),
                                    parents=(rng.choice(parents),) if parents else (), **extra))
            ids.append(eid)
        parents = ids
    return Plan(kind, Period(*period), elements)


def _mirror(rpjmd: Plan, sizes: dict[str, int], period: tuple[int, int]) -> Plan:
    """A masterplan whose elements at each of ``sizes``' levels have the RPJMD's
    elements' hierarchy: ``S`` + the RPJMD id, with the RPJMD parent's twin as parent
    (when the masterplan has that level)."""
    elements = []
    for level in sizes:
        for i, e in enumerate(rpjmd.at(level), start=1):
            parents = tuple(f"S{p}" for p in e.parents
                            if any(p in {x.id for x in rpjmd.at(up)} for up in sizes))
            extra = {"dimension": DIMENSIONS[i % len(DIMENSIONS)]} if level == "program" else {}
            elements.append(Element(f"S{e.id}", level, e.text, parents=parents, **extra))
    return Plan("masterplan", Period(*period), elements)


def _shaped(plan: Plan, rng: random.Random) -> Plan:
    """``plan`` with the shapes drafted files often have, each an independent choice per
    region: programs without a code (RPJMD), without a budget or with a budget of 0
    (RPJMD), without a dimension (masterplan), with an agency, and elements without a
    parent."""
    import attrs

    rpjmd = plan.kind.value == "rpjmd"
    uncoded = rng.choice((0.0, 0.0, 0.2, 0.5, 1.0)) if rpjmd else 0.0
    unbudgeted = rng.choice((0.0, 0.0, 0.2, 0.5, 1.0)) if rpjmd else 0.0
    undimensioned = 0.0 if rpjmd else rng.choice((0.0, 0.0, 0.3, 1.0))
    agency = rng.choice((0.0, 0.5, 1.0))
    orphans = rng.choice((0.0, 0.0, 0.0, 0.1))
    out = []
    for e in plan.elements:
        change: dict[str, object] = {}
        if e.level.value == "program":
            if rng.random() < uncoded:
                change["code"] = None
            if rng.random() < unbudgeted:
                change["budget"] = rng.choice((None, 0))
            if rng.random() < undimensioned:
                change["dimension"] = None
            if rng.random() < agency:
                change["agency"] = rng.choice(("Dinas Kominfo", "Bappeda", "Dinas Kesehatan"))
        if e.parents and rng.random() < orphans:
            change["parents"] = ()
        out.append(attrs.evolve(e, **change) if change else e)
    return attrs.evolve(plan, elements=tuple(out))


def typical_region(seed: int = 0, *, programs: int = 60, matches_per_element: float = 1.5,
                   levels: tuple[str, ...] | None = None, varied: bool = False,
                   mirrored: bool = False, shapes: bool = False,
                   second_visions: bool = False) -> Region:
    """A generated region of typical size (``programs`` per plan).

    ``levels``: the levels both plans have, top to bottom (default vision,
    mission, target, program; a goal stage variant may want ``goal`` too;
    a level missing from :data:`TYPICAL` gets 10 elements). ``varied``: also
    masterplans missing a level (the vision, the programs...), periods that do
    not overlap, suggested matches and RPJMD programs without budgets, so that
    every rule gets a chance to fire. ``mirrored``: the masterplan has the RPJMD's
    hierarchy (each element a twin of an RPJMD element, under its parent's twin) and a
    matched element is matched to its twin, so that rules that follow the hierarchy
    (cascading) find it; with ``varied`` too, about one such region in three has its top
    stages unmatched and every element below them matched. ``shapes``: in three regions of five, also what
    drafted files often have, each an independent choice per region (drawn apart, so the
    rest of the region is the same with or without it): RPJMD programs without a code,
    without a budget or with a budget of 0, masterplan programs without a dimension,
    programs with an agency, elements without a parent; in two regions of five (drawn
    apart again) RPJMD programs with their pagu year by year. ``second_visions``: in about
    one region in seven (drawn apart) a second vision in the masterplan (the RPJMD's, quoted
    and matched as adopted), in the RPJMD, or in both, as drafts of books quoting the other
    plan give (``rules --check`` draws them, so that the rules about several visions fire).
    """
    rng = random.Random(seed)
    sizes = {level: TYPICAL.get(level, 10) for level in (levels or tuple(TYPICAL))}
    if "program" in sizes:
        sizes["program"] = programs
    rp_sizes = dict(sizes)
    if varied:
        for level in list(rp_sizes):
            if rng.random() < 0.05:
                del rp_sizes[level]
    rpjmd = _plan("rpjmd", "", rp_sizes, rng, (2021, 2026))
    mp_sizes = dict(sizes)
    mp_period = (2022, 2031)
    if varied:
        for level in list(mp_sizes):
            if rng.random() < 0.12:
                del mp_sizes[level]
        if rng.random() < 0.3:
            mp_period = rng.choice(((2010, 2015), (2030, 2040), (2021, 2026), (2022, 2025)))
    if mirrored:
        mp_sizes = {level: n for level, n in mp_sizes.items() if level in rp_sizes}
        masterplan = _mirror(rpjmd, mp_sizes, mp_period)
    else:
        masterplan = _plan("masterplan", "S", mp_sizes, rng, mp_period)
    # the share of each stage's masterplan elements that are matched varies with the
    # seed, so that every type occurs; the matches of a stage number about
    # matches_per_element per element, spread over the matched elements
    matches = []
    suggested = varied and rng.random() < 0.3
    # varied: about two regions in five have every masterplan element matched from one level
    # down, so that full chains (and the rules that speak of them) occur; drawn from a
    # generator of its own, so the other regions stay as they were
    complete_from = None
    if varied:
        extra = random.Random(f"complete {seed}")
        if extra.random() < 0.4:
            complete_from = extra.randrange(len(mp_sizes)) if mp_sizes else None
    # mirrored and varied: about one region in three has its top stages (those above the
    # first ``unmatched_above``) unmatched and every element from there down matched, so
    # that a chain starting below the top holds in full under rules that follow the
    # hierarchy (cascading's partial integration); drawn apart, the others stay as they were
    unmatched_above = 0
    if mirrored and varied:
        top = random.Random(f"unmatched top {seed}")
        if top.random() < 0.35 and len(mp_sizes) > 2:
            unmatched_above = top.randrange(1, len(mp_sizes) - 1)
    for position, level in enumerate(mp_sizes):
        chance = rng.choice((0.7, 0.9, 1.0) if mirrored else
                            (0.0, 0.3, 0.7, 0.9, 1.0) if varied else (0.3, 0.7, 0.9, 1.0))
        if complete_from is not None and position >= complete_from:
            chance = 1.0
        if unmatched_above:
            chance = 0.0 if position < unmatched_above else 1.0
        mine = [e for e in masterplan.at(level) if rng.random() < chance]
        theirs = [e.id for e in rpjmd.at(level)]
        if not mine or not theirs:
            continue
        counts = [1] * len(mine)
        for _ in range(max(0, round(matches_per_element * len(masterplan.at(level))) - len(mine))):
            counts[rng.randrange(len(mine))] += 1
        for element, count in zip(mine, counts):
            chosen = ([element.id[1:]] if mirrored else
                      rng.sample(theirs, min(count, len(theirs))))
            for rp in chosen:
                if suggested and rng.random() < 0.6:
                    matches.append(Match(element.id, rp, rng.choice(RELATIONS), source="suggested",
                                         score=round(rng.uniform(0.3, 1.0), 2)))
                else:
                    matches.append(Match(element.id, rp, rng.choice(RELATIONS), note="generated"))
    drawn = random.Random(f"shapes {seed}")
    if shapes and drawn.random() < 0.6:  # the others as drafted by hand: every field given
        rpjmd, masterplan = _shaped(rpjmd, drawn), _shaped(masterplan, drawn)
    if shapes and random.Random(f"yearly {seed}").random() < 0.4:
        # as drafted from a table of pagu per year: each budgeted RPJMD program's pagu year by
        # year (provenance.budget_by_year), for funding over the years the plans share
        rpjmd = _yearly(rpjmd)
    if second_visions and random.Random(f"visions {seed}").random() < 0.15:
        # as drafted from a book quoting the other plan's vision: a plan stating a second vision
        # (a plan has one: validate warns of it, and a vision half synchronized starts no type)
        rpjmd, masterplan, matches = _second_vision(rpjmd, masterplan, matches,
                                                    random.Random(f"second vision {seed}"))
    return Region(str(9000 + seed), f"Kota Uji {seed}", "kota", rpjmd, masterplan, matches,
                  province="Provinsi Uji")


def _second_vision(rpjmd: Plan, masterplan: Plan, matches: list[Match], rng: random.Random
                   ) -> tuple[Plan, Plan, list[Match]]:
    """The plans with a second vision in the masterplan (the RPJMD's vision quoted, matched to
    it as adopted), in the RPJMD, or in both."""
    import attrs

    where = rng.choice(("masterplan", "masterplan", "rpjmd", "both"))
    visions = rpjmd.at("vision")
    if where in ("masterplan", "both") and masterplan.at("vision"):
        quoted = Element("SV2", "vision", visions[0].text if visions else _text(rng, "vision", 2))
        masterplan = attrs.evolve(masterplan, elements=tuple(masterplan.elements) + (quoted,))
        if visions:
            matches = matches + [Match("SV2", visions[0].id, "adopted", note="generated")]
    if where in ("rpjmd", "both") and visions:
        second = Element("V2", "vision", _text(rng, "vision", 2))
        rpjmd = attrs.evolve(rpjmd, elements=tuple(rpjmd.elements) + (second,))
    return rpjmd, masterplan, matches


def _yearly(plan: Plan) -> Plan:
    """The plan with each budgeted program's pagu spread over its period's years, kept as a
    drafted program's ``provenance.budget_by_year`` (the last year takes what is left)."""
    import attrs

    years = list(range(plan.period.start, plan.period.end + 1))
    out = []
    for e in plan.elements:
        if e.level.value == "program" and e.budget:
            part = e.budget // len(years)
            pairs = tuple((str(y), part) for y in years[:-1]) + ((str(years[-1]), e.budget - part * (len(years) - 1)),)
            e = attrs.evolve(e, provenance=Provenance(file="rpjmd.pdf", budget_by_year=pairs))
        out.append(e)
    return attrs.evolve(plan, elements=tuple(out))


def sample_regions(count: int, *, seed: int = 0, **options: object) -> list[Region]:
    """``count`` generated regions, seeds ``seed`` to ``seed + count - 1``."""
    return [typical_region(seed + i, **options) for i in range(count)]  # type: ignore[arg-type]
