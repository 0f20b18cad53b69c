"""Draft a region file from plan documents: RPJMD and masterplan PDFs, Word files and SIPD-like tables.

:func:`draft_region` reads the documents of each plan (several files per plan
are read as one plan), drafts the elements with their parents, codes, budgets
and dimensions, and returns a :class:`Draft`: the region, ready for
``smartsync match --write`` and ``classify``, and what it could not place.
Every drafted element carries its :class:`~smartsync.model.Provenance` and,
when the drafting is unsure, a :class:`~smartsync.model.Confidence` below 1
with the reasons. The only matches written are those a masterplan's own table states
(its programs beside "Program RPJMD Terkait"): suggested, for the planner to confirm
(:mod:`smartsync.documents.pairs`). See ``docs/documents.rst``.

Needs the ``documents`` extra: ``pip install 'smartsync[documents]'`` (pypdfium2 and pdfplumber for
PDF, python-docx for Word, openpyxl for workbooks).
"""

from __future__ import annotations

import builtins
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence, Union

import attrs

from .. import messages
from .._files import atomic_write
from ..errors import SmartsyncError
from ..model import Confidence, Element, Level, Period, Plan, PlanKind, Region, RegionKind
from . import _words
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the readers and the walk are imported when a draft is made
    from .draft import PlanDraft

__all__ = ["Draft", "DraftError", "draft_region", "write_draft"]

PathLike = Union[str, "os.PathLike[str]"]
Progress = Callable[[str, int, int], None]


class DraftError(SmartsyncError):
    """A draft that cannot be made: a document that cannot be read (scanned, encrypted,
    corrupt), or plans with no period or no elements. ``file`` names the document."""

    def __init__(self, message: str, file: str | None = None, code: str = "draft"):
        super().__init__(message)
        self.file = file
        self.code = code


@dataclass(frozen=True)
class Draft:
    """A drafted region and what the drafting could not place (``unplaced``: one line per
    page and level, e.g. ``"rpjmd.pdf p. 12: 3 programs under no target"``)."""

    region: Region
    unplaced: tuple[str, ...]
    files: tuple[str, ...]
    pages: int
    #: what to check first: two visions in one plan, one text at two levels, one code on two
    #: programs, budgets that look wrong or could not be checked (one line each)
    checks: tuple[str, ...] = ()

    def elements(self) -> list[tuple[PlanKind, Element]]:
        """Every drafted element with its plan, lowest confidence first (then file order)."""
        out = [(plan.kind, e) for plan in (self.region.rpjmd, self.region.masterplan) for e in plan.elements]
        return sorted(out, key=lambda pair: pair[1].confidence.score if pair[1].confidence else 1.0)


#: the id of a drafted element: its level's letter and its number ("M2", "S1.2.1", "P14"); a
#: masterplan's ids begin with "S" (smart city: "SV", "SM1", "SS1", "SP3", as the examples
#: write them), so that no masterplan id is also an RPJMD one
_PREFIX = {Level.VISION: "V", Level.MISSION: "M", Level.GOAL: "T", Level.TARGET: "S",
           Level.PROGRAM: "P", Level.STRATEGY: "ST"}
_MASTERPLAN_PREFIX = {Level.VISION: "SV", Level.MISSION: "SM", Level.GOAL: "ST", Level.TARGET: "SS",
                      Level.PROGRAM: "SP", Level.STRATEGY: "SSTR"}


def _finish(draft: "PlanDraft", period: Period, lang: str, check_codes: bool = False
            ) -> tuple[Plan, list[str]]:
    from .draft import _Item

    items = draft.items
    ids: dict[tuple[Level, str], str] = {}
    used: set[str] = set()
    counters: dict[Level, int] = {}
    by_number: dict[Level, dict[str, "_Item"]] = {}
    by_key = {item.key(): item for item in items}
    for item in items:
        if item.number:
            by_number.setdefault(item.level, {}).setdefault(item.number, item)
    prefixes = _MASTERPLAN_PREFIX if draft.kind is PlanKind.MASTERPLAN else _PREFIX
    for item in items:
        prefix = prefixes.get(item.level, ("S" if draft.kind is PlanKind.MASTERPLAN else "")
                              + item.level.value[:2].upper())
        if item.level is Level.VISION:
            counters[item.level] = counters.get(item.level, 0) + 1
            candidate = prefix if counters[item.level] == 1 else f"{prefix}{counters[item.level]}"
        elif item.number and item.level is not Level.PROGRAM and f"{prefix}{item.number}" not in used:
            candidate = f"{prefix}{item.number}"
        else:
            counters[item.level] = counters.get(item.level, 0) + 1
            candidate = f"{prefix}{counters[item.level]}"
            while candidate in used:
                counters[item.level] += 1
                candidate = f"{prefix}{counters[item.level]}"
        used.add(candidate)
        ids[item.key()] = candidate
    unplaced: dict[tuple[str, Level, Level], int] = {}
    elements: list[Element] = []
    order = [Level.VISION, Level.MISSION, Level.GOAL, Level.TARGET, Level.PROGRAM]
    present = {i.level for i in items}
    visions = [i for i in items if i.level is Level.VISION]
    for item in items:
        parents = []
        missing = None
        for p in item.parents:
            if p[1].startswith("#"):
                # a parent named by its number only ("Kode Sasaran" 1.2.1, a group row "Sasaran
                # 1.2.1"): the element the plan numbers so, in whichever table or text it stands
                found = by_number.get(p[0], {}).get(p[1][1:])
                if found is None:
                    missing = missing or p
                    continue
                p = found.key()
            if p in ids and p[0].is_above(item.level):
                parents.append(ids[p])
        if missing is not None and not parents:
            item.doubt(messages.text("draft.reason.number-not-found", lang,
                                     level=messages.stage_name(missing[0].value, lang), number=missing[1][1:]), 0.4)
            where = re.sub(r"!\d+$", "", _words.where(item.provenance, lang))
            key = (where, item.level, missing[0])
            unplaced[key] = unplaced.get(key, 0) + 1
            parents = ["?"]  # said: not placed under whatever came last
        named = None
        if not parents and item.number and "." in item.number and item.level is not Level.PROGRAM:
            # numbering: Sasaran 1.2.3 sits under Tujuan 1.2, or Misi 1 when the plan has no goals
            # (or no goal numbered 1.2): each level up takes a part off the number
            head = item.number.rsplit(".", 1)[0]
            for level in reversed(order[: order.index(item.level)] if item.level in order else []):
                found = by_number.get(level, {}).get(head)
                if found is not None:
                    parents = [ids[found.key()]]
                    break
                if level is not Level.VISION:
                    named = named or (level, head)
                    head = head.rsplit(".", 1)[0] if "." in head else head
            if not parents and named is not None and item.context_parent is not None and \
                    item.context_parent[0] is Level.VISION:
                # "Sasaran 1.1" with no mission 1 read: not placed under the vision, a level its
                # number does not name; said
                item.doubt(messages.text("draft.reason.number-names", lang, number=item.number,
                                         level=messages.stage_name(Level.MISSION.value, lang),
                                         parent=item.number.split(".")[0]), 0.4)
                where = re.sub(r"!\d+$", "", _words.where(item.provenance, lang))
                key = (where, item.level, Level.MISSION)
                unplaced[key] = unplaced.get(key, 0) + 1
                parents = ["?"]
        if not parents and item.level is Level.MISSION and len(visions) >= 1:
            # under the vision stated last above it (a masterplan's own, after the RPJMD's quoted)
            above_it = item.context_parent if item.context_parent is not None and \
                item.context_parent[0] is Level.VISION and item.context_parent in ids else visions[0].key()
            parents = [ids[above_it]]
        if not parents and item.context_parent is not None and item.context_parent in ids \
                and item.level is not Level.PROGRAM and not _numbers_disagree(item, by_key.get(item.context_parent)):
            parents = [ids[item.context_parent]]
        if not parents and item.level in order and item.level is not Level.VISION:
            # a program is placed only by the structure it was read in (a table row, a group
            # row, its numbering), never under whichever target came last: unplaced, it is said
            above = [lvl for lvl in order[: order.index(item.level)] if lvl in present]
            wanted = above[-1] if above else None
            if item.level is Level.PROGRAM:
                wanted = Level.TARGET if (Level.TARGET in present or draft.kind is PlanKind.RPJMD) else None
            if wanted is not None:
                item.doubt(messages.text("draft.reason.no-parent", lang,
                                         level=messages.stage_name(wanted.value, lang)), 0.4)
                where = re.sub(r"!\d+$", "", _words.where(item.provenance, lang))
                key = (where, item.level, wanted)
                unplaced[key] = unplaced.get(key, 0) + 1
        budget = None
        if item.level is Level.PROGRAM:
            if item.yearly and all(y < 1000 for y in item.yearly):
                # pagu_1 .. pagu_n: the plan's years by their place, all of them within the plan
                budget = sum(item.yearly.values())
            elif item.yearly and any(y < 1000 for y in item.yearly):
                # years by their place beside a year by its number: the places all count, a named
                # year only within the plan's period (a year before the plan never zeroes the sum)
                budget = sum(v for y, v in item.yearly.items() if y < 1000 or period.start <= y <= period.end)
            elif item.yearly:
                budget = sum(v for y, v in item.yearly.items() if period.start <= y <= period.end)
                total_all = sum(item.yearly.values())
                if item.total is not None and abs(total_all - item.total) > max(1, len(item.yearly)) * 10**6 / 2 \
                        and abs(budget - item.total) > max(1, len(item.yearly)) * 10**6 / 2:
                    item.doubt(messages.text("draft.reason.pagu-total", lang, sum=_rp(total_all),
                                             total=_rp(item.total)), 0.3, budget=True)
            elif item.total is not None:
                budget = item.total
            elif draft.kind is PlanKind.RPJMD and not item.has_money:
                item.doubt(messages.text("draft.reason.no-budget", lang), 0.1)
        if item.slices:  # listed under several targets, a pagu each: their sum, said (newuser F192)
            item.doubt(messages.text("draft.reason.slices", lang, count=len(item.slices), sum=_rp(budget or 0),
                                     slices="; ".join(f"Rp {_rp(v)} ({w})" for v, w in item.slices)), 0.2, budget=True)
        if budget is not None and (budget > 0 or item.has_money):
            _check_plausible(item, budget, draft, lang)
        if item.yearly and item.provenance is not None:
            # each year's pagu kept with its year: the planner sees what the budget sums
            item.provenance = attrs.evolve(item.provenance, budget_by_year=tuple(
                (str(year) if year >= 1000 else f"ke-{year}", amount) for year, amount in sorted(item.yearly.items())))
        if item.also and item.provenance is not None:
            # the other places it was read (a program in BAB VI and again in BAB VII)
            item.provenance = attrs.evolve(item.provenance, also=tuple(item.also))
        if check_codes and item.level is Level.PROGRAM and item.code and draft.kind is PlanKind.RPJMD:
            _check_code(item, lang)
        if item.budget_doubt:
            draft.budget_doubted.append(ids[item.key()])
        score = max(0.05, round(1.0 - item.weights, 2))
        confidence = Confidence(score, tuple(item.reasons)) if item.reasons else None
        elements.append(Element(
            id=ids[item.key()], level=item.level, text=item.full_text(),
            parents=tuple(dict.fromkeys(p for p in parents if p != "?")),
            code=item.code, dimension=item.dimension, indicators=tuple(dict.fromkeys(item.indicators)),
            budget=budget, agency=item.agency, provenance=item.provenance, confidence=confidence))
    notes = [messages.text("draft.unplaced", lang, where=where, count=count,
                           level=messages.stage_name(level.value, lang) + ("s" if count > 1 and lang == "en" else ""),
                           parent=messages.stage_name(parent.value, lang))
             for (where, level, parent), count in unplaced.items()]
    return Plan(kind=draft.kind, period=period, elements=tuple(elements)), notes


def _check_code(item: "Any", lang: str) -> None:
    """A drafted RPJMD program's code checked against the national nomenclature
    (:func:`smartsync.matching.codes.code_confidence`): a code the nomenclature does not know,
    or whose program the name is not, lowers the confidence, with the reason."""
    from ..matching.codes import code_issue

    issue = code_issue(item.code, item.text, lang=lang)
    if issue is not None:
        item.doubt(*issue)


#: below this a figure is not a regional program's pagu (Rp 1 juta): a unit left out; above the
#: other (Rp 100 triliun, more than any region's whole APBD over five years) a figure is read
#: wrong, whatever total the document prints (the bounds ``validate`` warns outside of)
from ..io._source import PLAUSIBLE_BUDGET_MAX as PLAUSIBLE_MAX, PLAUSIBLE_BUDGET_MIN as PLAUSIBLE_MIN  # noqa: E402


def _check_plausible(item: "Any", budget: int, draft: "PlanDraft", lang: str) -> None:
    """A budget implausible for a regional program is doubted: 0 or below Rp 1 juta, above the
    whole APBD the RPJMD's text states, above the largest total the plan's own tables print, or
    above Rp 100 triliun."""
    if budget == 0:
        item.doubt(messages.text("draft.reason.zero", lang), 0.5, budget=True)
        return
    if budget < PLAUSIBLE_MIN:
        item.doubt(messages.text("draft.reason.too-small", lang, budget=_rp(budget)), 0.5, budget=True)
        return
    apbd = max(draft.apbd, default=None)
    if apbd is not None and budget > apbd[0]:
        # above the region's whole APBD, as the plan states it: a unit or a figure read wrong
        item.doubt(messages.text("draft.reason.above-apbd", lang, budget=_rp(budget), apbd=_rp(apbd[0]),
                                 where=apbd[1]), 0.5, budget=True)
        return
    largest = max(draft.totals, default=None)
    if budget > PLAUSIBLE_MAX or (largest is not None and budget > largest * 1.001 + 10**6):
        item.doubt(messages.text("draft.reason.too-large", lang, budget=_rp(budget),
                                 largest=_rp(largest if largest is not None else PLAUSIBLE_MAX)), 0.5,
                   budget=True)


def _numbers_disagree(item: "Any", parent: "Any") -> bool:
    """Whether an item's numbering names another parent than the one drafted before it ("Tujuan
    1.1" after the group row "Misi 5")."""
    if parent is None or not item.number or "." not in item.number or not parent.number:
        return False
    return not (item.number.startswith(parent.number + ".") or parent.number.startswith(item.number.split(".")[0] + "."))


def _rp(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _period(draft: "PlanDraft", given: Period | tuple[int, int] | str | None, lang: str) -> Period:
    if given is not None:
        if isinstance(given, Period):
            return given
        if isinstance(given, str):
            found = re.fullmatch(r"\s*(\d{4})\s*[-–:/]\s*(\d{4})\s*", given)
            if not found:
                raise DraftError(f"a period is written START-END (2021-2026), not {given!r}", None, "bad-period")
            return Period(int(found.group(1)), int(found.group(2)))
        return Period(*given)
    if draft.period is not None:
        return draft.period
    if draft.years_seen:
        return Period(min(draft.years_seen), max(draft.years_seen))
    raise DraftError(messages.text("draft.no-period", lang, plan=draft.kind.value,
                                   option=f"--{draft.kind.value}-period"),
                     ", ".join(draft.files), "no-period")


def _paths(files: PathLike | Iterable[PathLike] | None) -> list[Path]:
    if files is None:
        return []
    if isinstance(files, (str, os.PathLike)):
        return [Path(files)]
    return [Path(f) for f in files]


def draft_region(
    *,
    rpjmd: PathLike | Iterable[PathLike],
    masterplan: PathLike | Iterable[PathLike],
    id: str = "region",
    name: str | None = None,
    kind: RegionKind | str | None = None,
    province: str | None = None,
    rpjmd_period: Period | tuple[int, int] | str | None = None,
    masterplan_period: Period | tuple[int, int] | str | None = None,
    lang: str = "en",
    progress: Progress | None = None,
    check_codes: bool = True,
) -> Draft:
    """Draft a region from the documents of its RPJMD and its masterplan.

    ``rpjmd`` and ``masterplan`` are a file or several (chapters, books), each a text PDF,
    a Word ``.docx``, a workbook ``.xlsx`` or a ``.csv`` table. The period of each plan
    comes from its title ("... Tahun 2021-2026") or the years of its pagu columns, unless
    given. ``kind`` and ``name``, when not given, are those the RPJMD's title names ("RPJMD
    KABUPATEN GOWA TAHUN 2021-2026": ``kabupaten``, "Kabupaten Gowa"; else the masterplan's),
    else ``kota`` and ``id``; a ``kind`` given that the title contradicts is kept, with a check
    line. ``progress(file, page, pages)`` is called as PDF pages are read. Raises
    :class:`DraftError` for a document that cannot be read and for a plan with no
    period or no elements; the reasons an element is uncertain are written in ``lang``.
    ``check_codes`` (on by default; ``False`` turns it off): check each RPJMD program's
    code against the national program nomenclature (a code that does not exist, or whose
    program the name is not, lowers the program's confidence, with the reason), and for
    each RPJMD program drafted without a code, add to ``checks`` the code its name points
    to, with the confidence (a proposal to check, never written into the draft;
    :mod:`smartsync.matching.codes`).
    """
    from ._doc import DocumentError
    from .draft import draft_plan
    from .readers import read_document

    plans = {}
    drafted: dict[PlanKind, tuple["PlanDraft", Any]] = {}
    files: list[str] = []
    pages = 0
    for plan_kind, paths, given in ((PlanKind.RPJMD, _paths(rpjmd), rpjmd_period),
                                     (PlanKind.MASTERPLAN, _paths(masterplan), masterplan_period)):
        if not paths:
            raise DraftError(f"give at least one {plan_kind.value} document", None, "no-documents")
        documents = []
        for path in paths:
            hook = None if progress is None else (lambda page, total, _p=str(path): progress(_p, page, total))
            try:
                documents.append(read_document(path, progress=hook))
            except DocumentError as exc:
                raise DraftError(exc.format(lang), exc.file, exc.code) from None
            files.append(str(path))
        drafted[plan_kind] = (draft_plan(plan_kind, documents, lang=lang), given)
    # the two plans given the wrong way round: said before anything else about them
    said = _swapped(drafted[PlanKind.RPJMD][0], drafted[PlanKind.MASTERPLAN][0], lang)
    for plan_kind, (draft, given) in drafted.items():
        pages += draft.pages
        if not draft.items:
            tables = "; ".join(draft.tables[:5]) + (messages.text("draft.more-tables", lang,
                                                                  count=len(draft.tables) - 5)
                                                    if len(draft.tables) > 5 else "")
            raise DraftError(messages.text("draft.nothing", lang, plan=plan_kind.value)
                             + (f" ({tables})" if tables else ""), ", ".join(draft.files), "no-elements")
        plans[plan_kind] = (draft, _period(draft, given, lang))
    quoted = _quoted_vision(plans[PlanKind.RPJMD][0], plans[PlanKind.MASTERPLAN][0], lang)
    unplaced: list[str] = []
    built = {}
    for plan_kind, (draft, period) in plans.items():
        plan, notes = _finish(draft, period, lang, check_codes)
        built[plan_kind] = plan
        unplaced.extend(notes)
    visions_said = None
    if quoted is not None:  # the ids of the RPJMD's vision quoted, the masterplan's own, and its copy
        at = plans[PlanKind.MASTERPLAN][0].items
        mine = [e for e, i in zip(built[PlanKind.MASTERPLAN].elements, at) if i.level is Level.VISION]
        copy = next(e.id for e, i in zip(built[PlanKind.MASTERPLAN].elements, at) if i is quoted[1])
        rpjmd_id = next(e.id for e, i in zip(built[PlanKind.RPJMD].elements, plans[PlanKind.RPJMD][0].items)
                        if i is quoted[0])
        visions_said = (copy, rpjmd_id, [e.id for e in mine if e.id != copy])
    titled = plans[PlanKind.RPJMD][0].region_title or plans[PlanKind.MASTERPLAN][0].region_title
    regions = _two_regions(plans[PlanKind.RPJMD][0], plans[PlanKind.MASTERPLAN][0], lang)
    if regions is not None:
        said.insert(0, regions)
    if kind is None:
        kind = titled[0] if titled is not None else "kota"
    elif titled is not None and RegionKind(kind).value != titled[0]:
        # the kind given is kept (the planner may know better), and the title's is said
        said.append(messages.text("draft.check.kind", lang, title=titled[2], name=titled[1],
                                  titled=messages.text("draft.kind." + titled[0], lang),
                                  kind=messages.text("draft.kind." + RegionKind(kind).value, lang)))
    if name is None and titled is not None:
        name = titled[1]
    region = Region(id=str(id), name=name or str(id), kind=kind, province=province,
                    rpjmd=built[PlanKind.RPJMD], masterplan=built[PlanKind.MASTERPLAN])
    checks = said + [line for plan in (region.rpjmd, region.masterplan)
              for line in plans[plan.kind][0].checks + _checks(
                  plan, plans[plan.kind][0].budget_doubted, lang,
                  visions_said if plan.kind is PlanKind.MASTERPLAN else None)]
    for plan in (region.rpjmd, region.masterplan):
        if not plan.at("program"):
            # a plan drafted without any program (BAB V given, BAB VII forgotten): every type
            # needs programs, said where it can still be fixed (newuser F206)
            checks.append(messages.text("draft.check.no-program." + plan.kind.value, lang,
                                        files=_files(plans[plan.kind][0])))
    pairings = plans[PlanKind.MASTERPLAN][0].pairings
    if pairings:
        # the masterplan's tables pairing its elements with the RPJMD's: each pair a match the
        # document proposes, with the table it was read from (newuser F175)
        from .pairs import document_matches

        ids = {builtins.id(i): e.id for e, i in zip(region.masterplan.elements, plans[PlanKind.MASTERPLAN][0].items)}
        matches, lines = document_matches(region, pairings, ids, lang)
        region = attrs.evolve(region, matches=matches)
        checks.extend(lines)
    if check_codes:  # RPJMD programs drafted without a code: the code their name points to
        from ..matching.codes import code_proposals

        checks.extend(code_proposals(region, lang=lang))
    return Draft(region, tuple(unplaced), tuple(files), pages, tuple(checks))


def _files(draft: "PlanDraft") -> str:
    return ", ".join(os.path.basename(f) for f in draft.files)


def _looks_like(draft: "PlanDraft", kind: PlanKind) -> tuple[str, str] | None:
    """Whether the documents given as one plan are the other plan (``kind``): the title one of
    them gives itself ("MASTERPLAN SMART CITY ...", "RPJMD KOTA ..."), when none names the plan
    given; else, with no title either way, their sections (three or more smart city dimensions as
    headings and no RPJMD chapter make a masterplan; an RPJMD's financing or regional programs
    chapter and no dimension heading, an RPJMD). The file and what it holds, or None."""
    own = "masterplan" if kind is PlanKind.RPJMD else "rpjmd"
    other = [n for n in draft.named if n[1] == kind.value]
    if other and not any(n[1] == own for n in draft.named):
        return os.path.basename(other[0][0]), f'"{other[0][2]}"'
    if draft.named:
        return None
    if kind is PlanKind.MASTERPLAN and len(draft.dimension_headings) >= 3 and not draft.rpjmd_chapters:
        return _files(draft), ", ".join(sorted(f"Smart {d.value.capitalize()}" for d in draft.dimension_headings))
    if kind is PlanKind.RPJMD and draft.rpjmd_chapters and not draft.dimension_headings:
        return _files(draft), f'"{draft.rpjmd_chapters[0]}"'
    return None


def _swapped(rpjmd: "PlanDraft", masterplan: "PlanDraft", lang: str) -> list[str]:
    """The RPJMD and masterplan documents given the wrong way round. When the titles of both say
    so, an error naming both files (give them the other way round); when one plan's documents
    look like the other plan, a check line naming the file."""
    as_masterplan = _looks_like(rpjmd, PlanKind.MASTERPLAN)
    as_rpjmd = _looks_like(masterplan, PlanKind.RPJMD)
    titled = lambda d, k: any(n[1] == k for n in d.named)  # noqa: E731
    if as_masterplan and as_rpjmd and titled(rpjmd, "masterplan") and titled(masterplan, "rpjmd"):
        raise DraftError(messages.text("draft.swapped", lang, rpjmd=_files(rpjmd), masterplan=_files(masterplan),
                                       rpjmd_title=as_masterplan[1], masterplan_title=as_rpjmd[1]),
                         ", ".join(rpjmd.files + masterplan.files), "swapped")
    out = []
    for given, found, other in ((PlanKind.RPJMD, as_masterplan, PlanKind.MASTERPLAN),
                                (PlanKind.MASTERPLAN, as_rpjmd, PlanKind.RPJMD)):
        if found is not None:
            out.append(messages.text("draft.check.wrong-plan", lang, file=found[0], what=found[1],
                                     given=messages.text("plan." + given.value, lang),
                                     other=messages.text("plan." + other.value, lang), option="--" + given.value))
    return out


def _same_region(a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
    """Whether two titles name one region: the same kind, and one name the other's first words
    ("Kabupaten Lumajang" and "Kabupaten Lumajang Provinsi Jawa Timur")."""
    if a[0] != b[0]:
        return False
    wa, wb = (re.findall(r"\w+", n.casefold())[1:] for n in (a[1], b[1]))
    short, long = sorted((wa, wb), key=len)
    return bool(short) and long[:len(short)] == short


def _two_regions(rpjmd: "PlanDraft", masterplan: "PlanDraft", lang: str) -> str | None:
    """A check line when the RPJMD's title and the masterplan's name two regions (a book of
    another region picked from the folder): the region file is written as the RPJMD's."""
    a, b = rpjmd.region_title, masterplan.region_title
    if a is None or b is None or _same_region(a, b):
        return None
    return messages.text("draft.check.regions", lang, rpjmd=a[1], masterplan=b[1], rpjmd_title=a[2],
                         masterplan_title=b[2])


def _ids(ids: list[str]) -> str:
    return ", ".join(ids[:12]) + (f" (+{len(ids) - 12})" if len(ids) > 12 else "")


def _quoted_vision(rpjmd: "PlanDraft", masterplan: "PlanDraft", lang: str) -> "tuple[Any, Any] | None":
    """Of two visions drafted in the masterplan, the one that is the RPJMD's vision quoted (its
    text the RPJMD's, or nearly: 80% of its words), when one is and the other is not: that one is
    doubted, with the reason, and the check line names it and the masterplan's own."""
    from ._text import norm

    theirs = [i for i in rpjmd.items if i.level is Level.VISION]
    mine = [i for i in masterplan.items if i.level is Level.VISION]
    if len(mine) < 2 or not theirs:
        return None

    def words(text: str) -> set[str]:
        return set(re.findall(r"\w+", norm(text)))

    def same(a: str, b: str) -> bool:
        wa, wb = words(a), words(b)
        return norm(a) == norm(b) or (bool(wa) and len(wa & wb) >= 0.8 * max(len(wa), len(wb)))

    pairs = [(r, m) for m in mine for r in theirs if same(r.text, m.text)]
    copies = {id(m) for _, m in pairs}
    if len(mine) != 2 or len(copies) != 1:
        return None
    their, copy = pairs[0]
    copy.doubt(messages.text("draft.reason.quoted-vision", lang), 0.5)
    return their, copy


def _checks(plan: Plan, doubted: list[str], lang: str,
            visions_said: "tuple[str, str, list[str]] | None" = None) -> list[str]:
    """The drafted plan's duplicates and contradictions, and its budgets to check first."""
    name = messages.text("plan." + plan.kind.value, lang)
    out: list[str] = []
    visions = [e.id for e in plan.elements if e.level is Level.VISION]
    if len(visions) > 1 and visions_said is not None:
        copy, rpjmd_id, own = visions_said
        out.append(messages.text("draft.check.visions-quoted", lang, plan=name, count=len(visions), ids=_ids(visions),
                                 copy=copy, rpjmd=rpjmd_id, own=_ids(own)))
    elif len(visions) > 1:
        out.append(messages.text("draft.check.visions", lang, plan=name, count=len(visions), ids=_ids(visions)))
    from ._text import norm

    seen: dict[str, Element] = {}
    for element in plan.elements:
        key = norm(element.text)
        other = seen.setdefault(key, element)
        if other is not element and other.level is not element.level:
            out.append(messages.text("draft.check.same-text", lang, plan=name, first=other.id, second=element.id))
    codes: dict[str, list[str]] = {}
    for element in plan.at(Level.PROGRAM):
        if element.code:
            codes.setdefault(element.code, []).append(element.id)
    from .draft import _agency_key

    support: list[str] = []
    for code, ids in codes.items():
        if len(ids) < 2:
            continue
        agencies = [plan[i].agency for i in ids]
        if code.rsplit(".", 1)[-1] == "01" and all(agencies) and \
                len({_agency_key(a) for a in agencies if a}) == len(ids):
            # the support program ("PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", X.XX.01) every
            # agency has: one program per agency, by design; said once for all of them, not as a
            # code two programs share
            support.extend(f"{i} ({plan[i].agency})" for i in ids)
            continue
        out.append(messages.text("draft.check.same-code", lang, plan=name, code=code, ids=_ids(ids)))
    if support:
        out.append(messages.text("draft.check.support-programs", lang, plan=name, count=len(support),
                                 ids=_ids(support)))
    if doubted:
        key = "draft.check.budget" if len(doubted) == 1 else "draft.check.budgets"
        out.append(messages.text(key, lang, plan=name, count=len(doubted), ids=_ids(doubted)))
    return out


def write_draft(draft: Draft, out: PathLike, *, format: str | None = None,
                inputs: Iterable[PathLike] = ()) -> Path:
    """Write the drafted region file atomically (the whole file or nothing); YAML, or JSON for
    a ``.json`` name. ``out`` may not be one of ``inputs`` (the documents read)."""
    from ..io import dumps_region

    target = Path(out)
    fmt = format or ("json" if target.suffix.lower() == ".json" else "yaml")
    data = dumps_region(draft.region, format=fmt).encode("utf-8")
    return atomic_write(target, lambda handle: handle.write(data), inputs=list(inputs))
