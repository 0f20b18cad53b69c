"""Cross-reference checks for regions: parents, cycles, matches, warnings.

The data model (:mod:`smartsync.model`) validates each object on its own: a
level is a known level, a score lies between 0 and 1, a plan holds no two
elements with the same id. What a single object cannot see is how objects
refer to each other. :func:`validate_region` checks exactly that, for a
:class:`~smartsync.model.Region` built in code, and returns every problem at
once:

- errors: a parent that does not exist in the plan, or is not at a higher
  level; parents that form a cycle; a match naming an element that does not
  exist, or linking elements of different levels; the same pair matched twice;
- warnings: a plan with no vision or no program, or with more than one vision; an
  RPJMD program without a budget (*pagu indikatif*).

The region file reader (:mod:`smartsync.io`) runs the same checks on what it
reads, with line numbers. :func:`require_valid_region` raises
:class:`~smartsync.errors.InvalidRegionError` when a region has errors; the
engine calls it before classifying.
"""

from __future__ import annotations

import weakref
from typing import Any

from collections.abc import Collection, Iterable, Iterator, Sequence

import attrs

from .errors import InvalidRegionError, Place, Problem, Severity, coded_problem, did_you_mean
from .model import Level, PlanKind, Region

__all__ = [
    "ElementRef",
    "MatchRef",
    "check_references",
    "require_valid_region",
    "suggest_id",
    "validate_region",
]


@attrs.frozen
class ElementRef:
    """What the cross-reference checks need to know about one element.

    ``level`` is ``None`` when the input named no valid level (that problem is
    reported elsewhere; the checks that need a level skip the element).
    """

    plan: PlanKind
    id: str
    level: Level | None
    parents: tuple[str, ...] = ()
    has_budget: bool = False
    line: int | None = None
    parents_line: int | None = None
    #: the budget as read (``None``: none, or one the reader refused)
    budget: int | None = None

    @property
    def where(self) -> Place:
        """The element as a place a problem names."""
        return Place.element(self.plan, self.id)


@attrs.frozen
class MatchRef:
    """What the cross-reference checks need to know about one match.

    An end is ``None`` when the input gave no valid id for it.
    """

    masterplan: str | None
    rpjmd: str | None
    where: Place
    line: int | None = None
    masterplan_line: int | None = None
    rpjmd_line: int | None = None


def suggest_id(value: str, candidates: Iterable[str]) -> str | None:
    """The id most likely meant by a misspelled ``value``.

    :func:`~smartsync.errors.did_you_mean` first; for short ids, where one
    wrong character already makes them look far apart (``M3`` for ``M1``),
    the only candidate one edit away.
    """
    pool = list(candidates)
    best = did_you_mean(value, pool)
    if best is not None:
        return best
    if len(value) < 2:  # one edit changes a one-character id completely
        return None
    near = [c for c in pool if len(c) >= 2 and _one_edit_apart(value.lower(), c.lower())]
    return near[0] if len(near) == 1 else None


def _one_edit_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(a == b[:i] + b[i + 1:] for i in range(len(b)))


_PLAN_TITLE = {PlanKind.RPJMD: "RPJMD", PlanKind.MASTERPLAN: "masterplan"}


def check_references(
    rpjmd: Sequence[ElementRef],
    masterplan: Sequence[ElementRef],
    matches: Sequence[MatchRef],
    *,
    file: str | None = None,
    plan_lines: dict[PlanKind, int | None] | None = None,
    incomplete: Collection[PlanKind] = (),
    rejected: Sequence[MatchRef] = (),
) -> list[Problem]:
    """Every cross-reference problem and warning among these elements and matches.

    Used by :func:`validate_region` and by the region file reader; a building
    block, not meant for everyday use. A plan named in ``incomplete`` (some of
    its elements could not be read, or had no valid level) gets no warning
    about missing levels: it might have them. ``rejected`` are the region's
    rejected matches: their ends must exist and be of one level, like a
    match's; a pair both matched and rejected is a warning (the match counts).
    """
    problems: list[Problem] = []
    plan_lines = plan_lines or {}
    index: dict[PlanKind, dict[str, ElementRef]] = {}
    for kind, refs in ((PlanKind.RPJMD, rpjmd), (PlanKind.MASTERPLAN, masterplan)):
        index[kind] = _check_plan(kind, refs, file, plan_lines.get(kind), problems,
                                  warn_levels=kind not in incomplete)
    _check_matches(index, matches, file, problems)
    if rejected:
        _check_matches(index, rejected, file, problems, what="rejected match")
        matched = {(m.masterplan, m.rpjmd): m for m in matches}
        for r in rejected:
            m = matched.get((r.masterplan, r.rpjmd))
            if m is not None and r.masterplan is not None and r.rpjmd is not None:
                values = {"masterplan": r.masterplan, "rpjmd": r.rpjmd}
                if m.line is not None:
                    values.update(form="at", match_line=m.line)
                problems.append(coded_problem(
                    "rejected-and-matched", values, file=file, line=r.line, where=r.where,
                    severity=Severity.WARNING))
    return problems


def _check_plan(
    kind: PlanKind,
    refs: Sequence[ElementRef],
    file: str | None,
    plan_line: int | None,
    problems: list[Problem],
    warn_levels: bool = True,
) -> dict[str, ElementRef]:
    by_id: dict[str, ElementRef] = {}
    for ref in refs:
        first = by_id.get(ref.id)
        if first is not None:
            values = {"id": repr(ref.id), "plan": kind.value}
            if first.line is not None:
                values.update(form="at", first_line=first.line)
            problems.append(coded_problem("duplicate-id", values, file=file, line=ref.line,
                                          where=ref.where))
        else:
            by_id[ref.id] = ref

    # parents strictly higher up cannot cycle: look for cycles only when some link is not
    may_cycle = False
    for ref in refs:
        if by_id.get(ref.id) is not ref:
            continue
        for parent_id in ref.parents:
            line = ref.parents_line if ref.parents_line is not None else ref.line
            if parent_id == ref.id:
                problems.append(coded_problem("parent-cycle", {"form": "self"}, file=file,
                                              line=line, where=ref.where))
                continue
            parent = by_id.get(parent_id)
            if parent is None:
                problems.append(coded_problem(
                    "unknown-parent", {"parent": repr(parent_id), "plan": kind.value},
                    file=file, line=line, where=ref.where,
                    suggestion=suggest_id(parent_id, [i for i in by_id if i != ref.id])))
            elif parent.level is None or ref.level is None:
                may_cycle = True
            elif not parent.level.is_above(ref.level):
                may_cycle = True
                problems.append(coded_problem(
                    "parent-not-higher", {"parent": repr(parent_id), "level": parent.level.value,
                                          "lower": ref.level.value},
                    file=file, line=line, where=ref.where))

    for cycle in _cycles(by_id) if may_cycle else ():
        first = by_id[cycle[0]]
        path = " -> ".join(cycle + [cycle[0]])
        problems.append(coded_problem(
            "parent-cycle", {"form": "path", "path": path}, file=file,
            line=first.parents_line if first.parents_line is not None else first.line,
            where=first.where))

    levels = {ref.level for ref in refs if ref.level is not None}
    if warn_levels and Level.VISION not in levels:
        problems.append(coded_problem(
            "no-vision", {"plan": kind.value}, file=file, line=plan_line, where=Place(kind.value),
            severity=Severity.WARNING))
    visions = [ref for ref in refs if ref.level is Level.VISION and by_id.get(ref.id) is ref]
    if len(visions) > 1:
        # a plan has one vision: each after the first said, naming all (newuser F209)
        for ref in visions[1:]:
            problems.append(coded_problem(
                "several-visions", {"plan": kind.value, "count": len(visions),
                                    "ids": ", ".join(v.id for v in visions)},
                file=file, line=ref.line, where=ref.where, severity=Severity.WARNING))
    if warn_levels and Level.PROGRAM not in levels:
        problems.append(coded_problem(
            "no-program", {"plan": kind.value}, file=file, line=plan_line,
            where=Place(kind.value), severity=Severity.WARNING))
    if kind is PlanKind.RPJMD:
        for ref in refs:
            if ref.level is Level.PROGRAM and (not ref.has_budget or ref.budget == 0):
                # a pagu of 0 funds nothing: said beside a missing one (newuser F181)
                values = {} if not ref.has_budget else {"form": "zero"}
                problems.append(coded_problem("no-budget", values, file=file, line=ref.line,
                                              where=ref.where, severity=Severity.WARNING))
    for ref in refs:
        implausible = _implausible_budget(ref.budget)
        if implausible is not None:
            problems.append(coded_problem("implausible-budget", implausible, file=file,
                                          line=ref.line, where=ref.where, severity=Severity.WARNING))
    return by_id


def _implausible_budget(budget: int | None) -> dict[str, Any] | None:
    """The values of the warning for a budget no regional program has -- above Rp 100 triliun,
    or from Rp 1 to below Rp 1 juta (0 is no pagu) -- or ``None`` for a plausible one."""
    from .io._source import PLAUSIBLE_BUDGET_MAX, PLAUSIBLE_BUDGET_MIN

    if budget is None or budget.__class__ is not int:
        return None
    if budget > PLAUSIBLE_BUDGET_MAX:
        return {"form": "large", "rupiah": budget, "rupiah_limit": PLAUSIBLE_BUDGET_MAX}
    if 0 < budget < PLAUSIBLE_BUDGET_MIN:
        return {"form": "small", "rupiah": budget, "rupiah_limit": PLAUSIBLE_BUDGET_MIN}
    return None


def _cycles(by_id: dict[str, ElementRef]) -> list[list[str]]:
    """One cycle (as a list of ids, in file order of its first member) per strongly connected group."""
    order = {element_id: n for n, element_id in enumerate(by_id)}
    edges = {i: [p for p in ref.parents if p in by_id and p != i] for i, ref in by_id.items()}
    # Tarjan's algorithm, iterative (plans may be long chains)
    counter = 0
    number: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in by_id:
        if root in number:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                number[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            if i < len(edges[node]):
                work.append((node, i + 1))
                nxt = edges[node][i]
                if nxt not in number:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], number[nxt])
                continue
            if low[node] == number[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(group)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    cycles = []
    for group in groups:
        members = set(group)
        start = min(group, key=order.__getitem__)
        cycles.append(_path_back(start, edges, members))
    cycles.sort(key=lambda c: order[c[0]])
    return cycles


def _path_back(start: str, edges: dict[str, list[str]], members: set[str]) -> list[str]:
    """A shortest path from ``start`` back to itself inside one strongly connected group."""
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in edges[node]:
                if nxt not in members:
                    continue
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return list(reversed(path))
                if nxt not in previous:
                    previous[nxt] = node
                    following.append(nxt)
        frontier = following
    return [start]  # pragma: no cover - a strongly connected group always cycles back


def _check_matches(
    index: dict[PlanKind, dict[str, ElementRef]],
    matches: Sequence[MatchRef],
    file: str | None,
    problems: list[Problem],
    what: str = "match",
) -> None:
    seen: dict[tuple[str, str], MatchRef] = {}
    for match in matches:
        ends: dict[PlanKind, ElementRef | None] = {}
        for kind, element_id, line in (
            (PlanKind.MASTERPLAN, match.masterplan, match.masterplan_line),
            (PlanKind.RPJMD, match.rpjmd, match.rpjmd_line),
        ):
            if element_id is None:
                ends[kind] = None
                continue
            ref = index[kind].get(element_id)
            ends[kind] = ref
            if ref is None:
                other = PlanKind.RPJMD if kind is PlanKind.MASTERPLAN else PlanKind.MASTERPLAN
                swapped = element_id in index[other]
                problems.append(coded_problem(
                    "unknown-element",
                    {"id": repr(element_id), "plan": kind.value, "other_plan": other.value,
                     "form": "swapped" if swapped else "missing"},
                    file=file, line=line if line is not None else match.line,
                    where=match.where, suggestion=suggest_id(element_id, index[kind])))
        mp, rp = ends[PlanKind.MASTERPLAN], ends[PlanKind.RPJMD]
        if mp is not None and rp is not None and mp.level is not None and rp.level is not None \
                and mp.level is not rp.level:
            problems.append(coded_problem(
                "level-mismatch", {"level": mp.level.value, "masterplan": mp.id,
                                   "lower": rp.level.value, "rpjmd": rp.id,
                                   **({} if what == "match" else {"form": "rejected"})},
                file=file, line=match.line, where=match.where))
        if match.masterplan is not None and match.rpjmd is not None:
            key = (match.masterplan, match.rpjmd)
            first = seen.get(key)
            if first is not None:
                form = "match" if what == "match" else "rejected"
                values = {"masterplan": key[0], "rpjmd": key[1], "form": form}
                if first.line is not None:
                    values.update(form=f"{form}_at", first_line=first.line)
                problems.append(coded_problem("duplicate-match", values, file=file,
                                              line=match.line, where=match.where))
            else:
                seen[key] = match


def _element_refs(region: Region, kind: PlanKind) -> list[ElementRef]:
    return [
        ElementRef(plan=kind, id=e.id, level=e.level, parents=e.parents, has_budget=e.budget is not None,
                   budget=e.budget)
        for e in region.plan(kind).elements
    ]


#: an RPJMD is a five-year plan, named over six years with the year it is enacted ("2021-2026"):
#: a longer period is warned of (newuser F207)
RPJMD_YEARS_NAMED = 6


def long_rpjmd(period: Any, file: str | None = None, line: int | None = None) -> Problem | None:
    """The warning for an RPJMD period longer than a five-year plan is named (``2021-2027``), or
    None."""
    years = period.end - period.start + 1
    if years <= RPJMD_YEARS_NAMED:
        return None
    return coded_problem("long-rpjmd", {"start": period.start, "end": period.end, "years": years},
                         file=file, line=line, where=Place(PlanKind.RPJMD.value), severity=Severity.WARNING)


def validate_region(region: Region) -> tuple[Problem, ...]:
    """Every cross-reference problem of a region built in code, errors and warnings.

    Returns an empty tuple for a clean region. Errors (severity ``error``)
    make a region unusable; warnings do not. Each problem names the element
    or match concerned in its ``where`` (``"rpjmd element M1"``,
    ``"match SP1 -> P9"``) and carries a ``code`` a program can test.
    """
    if not isinstance(region, Region):
        raise TypeError(f"validate_region takes a smartsync.Region, got {type(region).__name__}")
    matches = [MatchRef(m.masterplan, m.rpjmd, where=Place.match(m.masterplan, m.rpjmd))
               for m in region.matches]
    rejected = [MatchRef(r.masterplan, r.rpjmd, where=Place.match(r.masterplan, r.rpjmd, rejected=True))
                for r in region.rejected]
    long = long_rpjmd(region.rpjmd.period)
    return tuple(check_texts(region)) + tuple(check_references(
        _element_refs(region, PlanKind.RPJMD),
        _element_refs(region, PlanKind.MASTERPLAN),
        matches,
        rejected=rejected,
    )) + ((long,) if long is not None else ())


def check_texts(region: Region) -> Iterator[Problem]:
    """Errors for what a region built in code holds that no output can write: characters
    :func:`smartsync._text.bad_character` refuses, texts above ``MAX_TEXT_LENGTH``
    characters, budgets above ``MAX_BUDGET`` (the checks the region file reader makes)."""
    from ._text import bad_character, bad_character_values
    from .io._source import MAX_BUDGET, limit

    longest = limit("MAX_TEXT_LENGTH")

    def texts() -> Iterator[tuple[Any, str, str, bool]]:
        # (whose text, label, text, whether line breaks are bad); whose: a tuple, made a
        # readable place by where() only for a text with a problem
        yield ("region",), "id", region.id, True
        yield ("region",), "name", region.name, True
        if region.province is not None:
            yield ("region",), "province", region.province, True
        for plan in (region.rpjmd, region.masterplan):
            for e in plan.elements:
                whose = ("element", plan.kind, e.id)
                yield whose, "id", e.id, True
                yield whose, "text", e.text, False
                for p in e.parents:
                    yield whose, "parent", p, True
                if e.code is not None:
                    yield whose, "code", e.code, True
                for i in e.indicators:
                    yield whose, "indicator", i, False
        for m in region.matches:
            whose = ("match", m.masterplan, m.rpjmd)
            yield whose, "masterplan", m.masterplan, True
            yield whose, "rpjmd", m.rpjmd, True
            if m.note is not None:
                yield whose, "note", m.note, False
            for x in m.evidence:
                yield whose, "evidence", x, False

    def where(whose: tuple) -> Place:
        if whose[0] == "element":
            return Place.element(whose[1], whose[2])
        if whose[0] == "match":
            return Place.match(whose[1], whose[2])
        return Place("region")

    # most regions hold no bad text: look at all of them at once (a bad character is one
    # character, so joining texts neither makes nor hides one), then text by text only
    # when something was found
    lines: list[str] = []
    free: list[str] = []
    for _, _, text, line in texts():
        if isinstance(text, str):
            (lines if line else free).append(text)
    clean = (bad_character("".join(lines), line=True) is None
             and bad_character("".join(free)) is None
             and max(map(len, lines + free), default=0) <= longest)
    for whose, label, text, line in () if clean else texts():
        if not isinstance(text, str):
            continue
        bad = bad_character_values(text, line=line)
        if bad is not None:
            yield coded_problem("bad-character", {"label": label, **bad}, where=where(whose))
        elif len(text) > longest:
            yield coded_problem("too-long", {"label": label, "length": len(text),
                                             "limit": longest}, where=where(whose))
    for plan in (region.rpjmd, region.masterplan):
        for e in plan.elements:
            if isinstance(e.budget, int) and not 0 <= e.budget <= MAX_BUDGET:
                yield coded_problem("bad-budget", {"form": "range",
                                                   "power": len(str(MAX_BUDGET)) - 1},
                                    where=Place.element(plan.kind, e.id))


def require_valid_region(region: Region) -> Region:
    """Return ``region`` when it has no errors; raise :class:`InvalidRegionError` listing them."""
    errors = [p for p in validate_region(region) if p.severity is Severity.ERROR]
    if errors:
        raise InvalidRegionError(region.id, errors)
    return region


# Regions whose references a reader has already checked (the region file and
# table readers run the same checks, with line numbers): classify() need not
# check them again. Only those very objects: a region changed with
# attrs.evolve is a new object and is checked.
_checked: "weakref.WeakValueDictionary[int, Region]" = weakref.WeakValueDictionary()


def mark_checked(region: Region) -> Region:
    """Remember that this region's references were checked and hold; returns it."""
    _checked[id(region)] = region
    return region


def is_checked(region: Region) -> bool:
    """Whether this very region object was checked by :func:`mark_checked`'s caller."""
    return _checked.get(id(region)) is region
