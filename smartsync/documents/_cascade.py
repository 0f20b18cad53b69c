"""A plan written as a numbered cascade: ``1.`` / ``1.1`` / ``1.1.1`` / ``1.1.1.1`` (newuser F187).

A performance tree (*pohon kinerja*) or a section "Misi, Tujuan, Sasaran dan Program" often
writes the whole plan below the vision as one list whose numbers grow a part per level: the
mission ``1.``, its goal ``1.1``, the goal's target ``1.1.1``, the target's program
``1.1.1.1``. The level of a line is the depth of its number; what each depth is, is read from
the plan's own words:

- a label on the lines of a depth ("Tujuan: ...", "Sasaran 1.1.1 ...", "Program ...", a
  program code "(2.16.03)" or a sum "Rp 12.500.000.000": programs; "Strategi ...",
  "Arah kebijakan ...", "Kegiatan ...": levels the draft does not make elements of);
- else the heading over the list, when it names as many levels as the list has depths
  ("Misi, Tujuan, Sasaran dan Program");
- else the plan's hierarchy: between the vision and the programs stand the missions, goals
  and targets, in that order. Where the depths do not fill it exactly (three depths, the last
  of programs: missions and targets, or goals?), the reading is assumed: its elements are
  doubted and a check line says how the list was read.

This module finds such lists in a document's lines and tells the level of each depth; the walk
(:mod:`.draft`) drafts the lines as it meets them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..model import Level
from ._doc import Line, Table
from ._text import clean, money, numbering

__all__ = ["Cascade", "CascadeLine", "find_cascades"]

#: a line numbered by its place in the cascade: "1. ...", "1.1 ...", "1.1.1. ...", "2.3.1.4) ..."
_CASCADE_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,5})([.)])?\s+(\S.*)$")
#: a program code of the nomenclature's shape anywhere in a line ("(2.16.03)")
_CODE_IN_LINE = re.compile(r"(?<![\d.])[0-9X]\.\d{2}\.\d{2}(?![\d.])")
#: a sum of money in a line ("Rp 12.500.000.000", "Rp 1,2 M")
_SUM_IN_LINE = re.compile(r"\brp\.?\s*\d", re.I)
#: the levels a heading or a label names, by their words
_WORDS = ((r"\bmisi\b", Level.MISSION), (r"\btujuan\b", Level.GOAL), (r"\bsasaran\b", Level.TARGET),
          (r"\bstrategi\b", Level.STRATEGY), (r"\b(?:arah\s+)?kebijakan\b", Level.POLICY),
          (r"\bprogram\b", Level.PROGRAM), (r"\bkegiatan\b", Level.ACTIVITY))
#: the levels the draft makes elements of, below the vision
DRAFTED = (Level.MISSION, Level.GOAL, Level.TARGET, Level.PROGRAM)


@dataclass
class Cascade:
    """One numbered cascade: the heading over it, the level of each depth of its numbers (None:
    a depth the draft cannot tell, read as no element), the depths whose level was assumed rather
    than read, and what the walk made of it."""

    heading: str
    heading_line: Line | None
    first: Line
    levels: dict[int, Level | None]
    assumed: set[int] = field(default_factory=set)
    #: whether a depth's level was read from the lines' own words or the heading (so the list is
    #: the plan's wherever it stands), not only from its depths
    named: bool = False
    #: the walk's decision at the list's first line: read as a cascade or left to the other readings
    accepted: bool | None = None
    #: lines of a depth the draft cannot tell (more depths than the plan has levels): read as no element
    unknown: int = 0


@dataclass
class CascadeLine:
    """A line of a cascade: its number, depth and statement, and the element above it in the
    cascade that is drafted (its level and number), if any."""

    cascade: Cascade
    number: str
    depth: int
    rest: str
    parent: tuple[Level, str] | None

    @property
    def level(self) -> Level | None:
        return self.cascade.levels.get(self.depth)


def _said_level(rest: str) -> Level | None:
    """The level a cascade line's own words name: a label ("Tujuan: ...", "Sasaran 1.1.1 ..."),
    a program's name, code or sum, "Strategi ...", "Kegiatan ..."; None when they name none."""
    label, number, _ = numbering(rest)
    low = rest.casefold()
    if label is not None and label != "vision":
        return Level(label) if label != "quick win" else Level.PROGRAM
    if re.match(r"(arah\s+kebijakan|strategi)\b", low):
        return Level.POLICY if low.startswith("arah") else Level.STRATEGY
    if re.match(r"kegiatan\b", low):
        return Level.ACTIVITY
    if re.match(r"program\s+\w", low) or _CODE_IN_LINE.search(rest) or _SUM_IN_LINE.search(rest):
        return Level.PROGRAM
    return None


def _heading_levels(text: str) -> list[Level]:
    """The levels a heading names, in its order ("Misi, Tujuan, Sasaran dan Program")."""
    low = text.casefold()
    found = sorted((m.start(), level) for pattern, level in _WORDS for m in [re.search(pattern, low)] if m)
    return [level for _, level in found]


def _next_in(parts: tuple[int, ...], current: tuple[int, ...], top: int) -> bool:
    """Whether a number (its parts) can follow ``current`` in one cascade whose shallowest depth
    read is ``top``: its child, its next sibling, or the next item of a level above (whose own
    lines, when shallower than the list's, stand elsewhere)."""
    depth = len(parts)
    if depth == len(current) + 1 and parts[:-1] == current:
        return True
    if depth > len(current) + 1:
        return False
    for k in range(depth):
        if parts[k] != current[k]:
            # greater at the first part that differs; the ancestors below that part have no
            # line of their own here, so they must be shallower than the list's lines
            return parts[k] > current[k] and all(d < top for d in range(k + 1, depth))
    return False


def _levels(depths: dict[int, list[str]], heading: str) -> tuple[dict[int, Level | None], set[int], bool]:
    """The level of each depth, the depths assumed, and whether any level was named (by the
    lines' words or by the heading)."""
    present = sorted(depths)
    fixed: dict[int, Level] = {}
    for depth in present:
        votes: dict[Level, int] = {}
        for rest in depths[depth]:
            level = _said_level(rest)
            if level is not None:
                votes[level] = votes.get(level, 0) + 1
        if votes:
            fixed[depth] = max(votes, key=lambda lvl: (votes[lvl], -lvl.rank))
    named = bool(fixed)
    by_heading = _heading_levels(heading)
    if len(by_heading) == len(present) and by_heading == sorted(by_heading, key=lambda lvl: lvl.rank):
        for depth, level in zip(present, by_heading):
            fixed.setdefault(depth, level)
        named = True
    # the levels read must go down the hierarchy as the depth grows; one that does not is no anchor
    ordered: dict[int, Level] = {}
    for depth in present:
        level = fixed.get(depth)
        if level is not None and all(level.rank > other.rank for other in ordered.values()):
            ordered[depth] = level
    levels: dict[int, Level | None] = dict(ordered)
    assumed: set[int] = set()
    bottom_rank = Level.ACTIVITY.rank + 1 if any(
        lvl.rank >= Level.PROGRAM.rank for lvl in ordered.values()) else Level.PROGRAM.rank
    anchors = [(0, Level.VISION.rank)] + sorted((d, lvl.rank) for d, lvl in ordered.items()) + \
        [(present[-1] + 1, bottom_rank)]
    for (d1, r1), (d2, r2) in zip(anchors, anchors[1:]):
        unknown = list(range(d1 + 1, d2))  # every depth between, read or not (its numbers say it is there)
        if not unknown:
            continue
        slots = [lvl for lvl in DRAFTED if r1 < lvl.rank < r2]
        if len(unknown) == len(slots):
            chosen = list(zip(unknown, slots))
        else:
            if len(unknown) < len(slots):
                # fewer depths than levels: the top one of a list under the vision is the missions,
                # the others are the levels nearest the one below (programs serve targets)
                head = [(unknown[0], slots[0])] if r1 == Level.VISION.rank else []
                rest = unknown[len(head):]
                chosen = head + list(zip(rest, slots[len(slots) - len(rest):])) if rest else head
            else:
                chosen = list(zip(unknown, slots))  # more depths than levels: the deepest not told
            assumed.update(d for d in unknown if d in depths)
        told = dict(chosen)
        for depth in unknown:
            levels[depth] = told.get(depth)
    return {d: levels.get(d) for d in present}, assumed, named


def _qualifies(depths: dict[int, list[str]], heading: str) -> bool:
    """Whether numbered lines make a cascade: three depths or more, or two under a heading that
    names two levels or more (a list "1.1" / "1.1.1" under "Tujuan dan Sasaran")."""
    lines = sum(len(v) for v in depths.values())
    if lines < 3:
        return False
    return len(depths) >= 3 or (len(depths) == 2 and len(_heading_levels(heading)) >= 2)


def find_cascades(items: Iterable[Line | Table], *, is_heading: Callable[[str], bool],
                  is_chapter: Callable[[str], bool]) -> dict[int, CascadeLine]:
    """The lines of each numbered cascade in a document's items, by their position."""
    found: dict[int, CascadeLine] = {}
    run: list[tuple[int, Line, tuple[int, ...], str, str]] = []
    heading: tuple[str, Line | None] = ("", None)
    run_heading: tuple[str, Line | None] = ("", None)

    def close() -> None:
        if not run:
            return
        depths: dict[int, list[str]] = {}
        for _, _, parts, written, _ in run:
            depths.setdefault(len(parts), []).append(written)
        if _qualifies(depths, run_heading[0]):
            levels, assumed, named = _levels(depths, run_heading[0])
            cascade = Cascade(clean(run_heading[0])[:60], run_heading[1], run[0][1], levels, assumed, named)
            cascade.unknown = sum(1 for _, _, parts, _, _ in run if levels.get(len(parts)) is None)
            for position, _, parts, _, rest in run:
                found[position] = CascadeLine(cascade, ".".join(map(str, parts)), len(parts), rest,
                                              _parent(parts, levels))
        run.clear()

    for position, item in enumerate(items):
        if isinstance(item, Table):
            close()
            continue
        text = clean(item.text).strip()
        if not text:
            continue
        if is_chapter(text) or is_heading(text):
            close()
            heading = (text, item) if not is_chapter(text) else ("", None)
            continue
        match = _CASCADE_NUMBER.match(text)
        if match is None or (match.group(1).count(".") == 0 and not match.group(2)):
            if not run and len(text.split()) <= 12 and not text.endswith((".", ";", ",")) \
                    and numbering(text)[0] is None:
                heading = (text, item)  # "Pohon Kinerja Pembangunan Daerah": the list's heading
            continue
        parts = tuple(int(p) for p in match.group(1).split("."))
        written = rest = match.group(3).strip()
        label, _, stated = numbering(rest)
        if label not in (None, "vision") and stated:
            rest = stated  # "1.1 Tujuan: Meningkatkan ...": the label names the level, the statement follows
        if run:
            top = min(len(p) for _, _, p, _, _ in run)
            if not _next_in(parts, run[-1][2], top):
                close()
        if not run:
            run_heading = heading
        run.append((position, item, parts, written, rest))
    close()
    return found


def _parent(parts: tuple[int, ...], levels: dict[int, Level | None]) -> tuple[Level, str] | None:
    """The element above a line in its cascade: the nearest shallower depth drafted at a level
    above the line's, with its number."""
    own = levels.get(len(parts))
    if own is None:
        return None
    for depth in range(len(parts) - 1, 0, -1):
        level = levels.get(depth)
        if level is not None and level in DRAFTED and level.is_above(own):
            return level, ".".join(map(str, parts[:depth]))
    return None


def program_figures(text: str) -> tuple[str, str | None, int | None]:
    """A cascade program's name, its code written in parentheses ("(2.16.03)") and the sum
    closing its line ("Rp 12.500.000.000"), each taken out of the name."""
    code = None
    found = re.search(r"\s*\(\s*(" + _CODE_IN_LINE.pattern + r")\s*\)", text)
    if found is not None:
        code = found.group(1)
        text = (text[:found.start()] + text[found.end():]).strip()
    total = None
    tail = re.search(r"[\s:,;–-]*\b(rp\.?\s*\d[\d.,]*(?:\s*(?:triliun|miliar|milyar|juta|jt|ribu|m))?)\.?\s*$", text, re.I)
    if tail is not None:
        amount = money(tail.group(1))
        if isinstance(amount, int) and not isinstance(amount, bool) and amount > 0:
            total = amount
            text = text[:tail.start()].strip()
    return text, code, total
